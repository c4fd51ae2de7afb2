/* test-methods-page.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Payment methods page and the reissue confirmation at the moments of
 * the seed story (renewal day, the delayed QUICPay migration, a reissue in
 * flight, a frozen card), checked for what the holder sees and for the
 * window actions its buttons activate; in a slot (as in the main window),
 * nothing made before the slot is shown, then the same rows and empty
 * state with the account the slot was given (the mechanism itself is
 * test-page-slot.c's); and rendered to PNG in English and Japanese.
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <adwaita.h>

#include "anshin-explanation-view.h"
#include "anshin-method-row.h"
#include "anshin-methods-page.h"
#include "anshin-page-slot.h"
#include "anshin-reissue-dialog.h"
#include "pages-test-util.h"

typedef struct {
  GtkWindow         *window;
  AnshinPageSlot    *slot;      /* in a slot, as in the main window */
  AnshinMethodsPage *page;      /* in a slot: once made */
  PagesTestActions  *actions;
  AnshinAccount     *account;   /* what the page follows, once shown */
  AnshinCard        *card;      /* the account's, once shown */
  GListStore        *methods;
  GListStore        *programs;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  fixture->actions = pages_test_actions_new ();
  fixture->card = pages_test_renewed_card ();
  fixture->methods = g_list_store_new (ANSHIN_TYPE_PAYMENT_METHOD);
  pages_test_renewal_day (fixture->methods);
  fixture->programs = pages_test_programs ();

  fixture->window = g_object_ref (GTK_WINDOW (gtk_window_new ()));
  gtk_window_set_default_size (fixture->window, 640, 900);
  gtk_widget_insert_action_group (GTK_WIDGET (fixture->window), "win",
                                  G_ACTION_GROUP (fixture->actions->group));
  /* user_data: whether the page is in a slot, as in the main window */
  if (GPOINTER_TO_INT (user_data))
    {
      fixture->slot = g_object_ref (ANSHIN_PAGE_SLOT (anshin_page_slot_new (ANSHIN_TYPE_METHODS_PAGE)));
      gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->slot));
    }
  else
    {
      fixture->page = g_object_ref (ANSHIN_METHODS_PAGE (anshin_methods_page_new ()));
      gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->page));
    }
}

/* The page the slot made (shown, or asked): fixture->page from now on */
static void
take_slot_page (Fixture *fixture)
{
  GtkWidget *page = anshin_page_slot_get_page (fixture->slot);

  g_assert_nonnull (page);
  g_assert_null (fixture->page);
  fixture->page = g_object_ref (ANSHIN_METHODS_PAGE (page));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  AnshinMethodsPage *page = g_steal_pointer (&fixture->page);

  gtk_window_destroy (fixture->window);
  g_assert_finalize_object (g_steal_pointer (&fixture->window));
  if (fixture->slot != NULL)
    g_assert_finalize_object (g_steal_pointer (&fixture->slot));
  if (page != NULL)
    g_assert_finalize_object (page);

  g_clear_object (&fixture->account);
  g_clear_object (&fixture->card);
  g_clear_object (&fixture->methods);
  g_clear_object (&fixture->programs);
  g_clear_pointer (&fixture->actions, pages_test_actions_free);
}

/* The page follows an account holding the card, methods and programmes,
 * as a refresh at @now on the issuer's clock leaves it; from then on
 * fixture->card and the stores are the account's. */
static void
show (Fixture   *fixture,
      GDateTime *now)
{
  g_assert_null (fixture->account);
  fixture->account = pages_test_account_new (&fixture->card, &fixture->methods, &fixture->programs,
                                             NULL, now);
  anshin_methods_page_set_account (fixture->page, fixture->account);
  gtk_window_present (fixture->window);
  pages_test_flush ();
}

static gpointer
page_child (Fixture    *fixture,
            const char *name)
{
  return pages_test_template_child (GTK_WIDGET (fixture->page), ANSHIN_TYPE_METHODS_PAGE, name);
}

static GtkStack *
page_stack (Fixture *fixture)
{
  return GTK_STACK (page_child (fixture, "stack"));
}

static GtkListBox *
page_list_box (Fixture *fixture)
{
  return GTK_LIST_BOX (page_child (fixture, "list_box"));
}

static AnshinMethodRow *
row_for (Fixture                 *fixture,
         AnshinPaymentMethodKind  kind)
{
  GtkListBox *list_box = page_list_box (fixture);
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (list_box, i)) != NULL; i++)
    if (anshin_payment_method_get_kind (anshin_method_row_get_method (ANSHIN_METHOD_ROW (row))) == kind)
      return ANSHIN_METHOD_ROW (row);

  g_assert_not_reached ();
}

static gpointer
row_child (AnshinMethodRow *row,
           const char      *name)
{
  return pages_test_template_child (GTK_WIDGET (row), ANSHIN_TYPE_METHOD_ROW, name);
}

/* The row's state as the holder sees it: the word, the icon, the colour. */
static void
assert_state (AnshinMethodRow *row,
              const char      *label,
              const char      *icon_name,
              const char      *style_class)
{
  GtkLabel *state_label = row_child (row, "state_label");
  GtkImage *state_icon = row_child (row, "state_icon");

  g_assert_cmpstr (gtk_label_get_label (state_label), ==, label);
  g_assert_true (pages_test_is_shown (GTK_WIDGET (state_label)));
  g_assert_cmpstr (gtk_image_get_icon_name (state_icon), ==, icon_name);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (state_icon), style_class));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (state_label), style_class));
}

/* Expands @row and returns the label under it that contains @text, which
 * must be showing. */
static GtkLabel *
expanded_label (AnshinMethodRow *row,
                const char      *text)
{
  GtkLabel *label;

  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  label = pages_test_find_label (row_child (row, "explanation_view"), text);
  if (label == NULL)
    g_error ("no label with “%s” in the %s row", text,
             adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
  g_assert_true (pages_test_is_shown (GTK_WIDGET (label)));

  return label;
}

/* 2 Dec 2025: the wallets work again since noon on renewal day, but the
 * date for QUICPay has passed and the issuer gives no new one. */
static void
make_delayed (Fixture *fixture)
{
  g_autoptr(GDateTime) noon = pages_test_jst (2025, 11, 30, 12, 0);
  g_autoptr(GDateTime) since = pages_test_jst (2025, 12, 2, 9, 0);
  AnshinPaymentMethodKind wallets[] = {
    ANSHIN_PAYMENT_METHOD_KIND_APPLE_PAY,
    ANSHIN_PAYMENT_METHOD_KIND_GOOGLE_PAY,
  };
  AnshinPaymentMethod *quicpay = pages_test_find_method (fixture->methods,
                                                         ANSHIN_PAYMENT_METHOD_KIND_QUICPAY);

  for (guint i = 0; i < G_N_ELEMENTS (wallets); i++)
    {
      AnshinPaymentMethod *wallet = pages_test_find_method (fixture->methods, wallets[i]);

      anshin_payment_method_set_state (wallet, ANSHIN_PAYMENT_METHOD_STATE_AVAILABLE);
      anshin_payment_method_set_reason (wallet, ANSHIN_PAYMENT_METHOD_REASON_NONE);
      anshin_payment_method_set_eta (wallet, NULL);
      anshin_payment_method_set_since (wallet, noon);
    }

  anshin_payment_method_set_state (quicpay, ANSHIN_PAYMENT_METHOD_STATE_UNAVAILABLE);
  anshin_payment_method_set_reason (quicpay, ANSHIN_PAYMENT_METHOD_REASON_RENEWAL_MIGRATION_DELAYED);
  anshin_payment_method_set_eta (quicpay, NULL);
  anshin_payment_method_set_since (quicpay, since);
}

static guint
count_shown_labels (GtkWidget  *root,
                    const char *text)
{
  guint count = 0;

  if (GTK_IS_LABEL (root) && strstr (gtk_label_get_label (GTK_LABEL (root)), text) != NULL &&
      pages_test_is_shown (root))
    count++;

  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    count += count_shown_labels (c, text);

  return count;
}

/* When the method should work: one row under what happens next, as the
 * Notices page shows a notice's (the same AnshinExplanationView), and the
 * date said nowhere else in the explanation. */
static void
assert_schedule_row (AnshinMethodRow *row,
                     const char      *title,
                     const char      *subtitle,
                     const char      *date)
{
  GtkWidget *view = row_child (row, "explanation_view");
  GtkListBox *schedule = pages_test_template_child (view, ANSHIN_TYPE_EXPLANATION_VIEW, "schedule_box");
  AdwActionRow *first;

  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  g_assert_true (pages_test_is_shown (GTK_WIDGET (schedule)));
  g_assert_cmpuint (pages_test_count_rows (schedule), ==, 1);
  first = ADW_ACTION_ROW (gtk_list_box_get_row_at_index (schedule, 0));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (first)), ==, title);
  g_assert_cmpstr (adw_action_row_get_subtitle (first), ==, subtitle);
  if (date != NULL)
    g_assert_cmpuint (count_shown_labels (view, date), ==, 1);
}

static void
test_renewal_day (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(GDateTime) now = pages_test_jst (2025, 11, 30, 9, 5);
  AnshinMethodRow *quicpay;
  AnshinMethodRow *contactless;
  GtkWidget *reissue;
  GtkWidget *badge;

  show (fixture, now);

  quicpay = row_for (fixture, ANSHIN_PAYMENT_METHOD_KIND_QUICPAY);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (quicpay)), ==, "QUICPay");
  /* rows open when the holder opens them */
  g_assert_false (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (quicpay)));
  g_assert_true (adw_expander_row_get_enable_expansion (ADW_EXPANDER_ROW (quicpay)));
  assert_state (quicpay, "Updating", "content-loading-symbolic", "accent");
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (quicpay)), ==,
                   "Since 30 Nov 2025 · Expected 2 Dec 2025, 09:00");
  g_assert_false (pages_test_is_shown (row_child (quicpay, "progress_bar")));

  contactless = row_for (fixture, ANSHIN_PAYMENT_METHOD_KIND_MASTERCARD_CONTACTLESS);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (contactless)), ==,
                   "Mastercard contactless");
  assert_state (contactless, "Available", "object-select-symbolic", "success");
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (contactless)), ==,
                   "Since 1 Nov 2020");

  /* expanded: why, what it means for the miles, and both options */
  expanded_label (quicpay, "QUICPay is being updated after your card renewal");
  expanded_label (quicpay, "Tsubasa Shopping Program");
  g_assert_cmpstr (gtk_label_get_label (expanded_label (quicpay, "You can wait")), ==, "You can wait");
  /* the date once, as a row; the advice says what waiting means */
  assert_schedule_row (quicpay, "QUICPay", "Expected from 2 Dec 2025, 09:00", "2 Dec 2025, 09:00");
  expanded_label (quicpay, "QUICPay starts working by itself.");
  g_assert_null (pages_test_find_label (row_child (quicpay, "explanation_view"), "The issuer expects"));
  reissue = pages_test_find_actionable (GTK_WIDGET (quicpay), "win.reissue-card", NULL);
  g_assert_nonnull (reissue);
  g_assert_true (pages_test_is_shown (reissue));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (reissue)), ==, "Reissue with a New Number…");
  g_assert_nonnull (pages_test_find_label (GTK_WIDGET (quicpay), "your card number changes"));

  /* "Wait" is advice, not a button */
  g_assert_null (pages_test_find_button (GTK_WIDGET (quicpay), "Wait"));

  /* a method's state is no notice: no "Expected" badge in the rows */
  badge = GTK_WIDGET (gtk_widget_get_template_child (row_child (quicpay, "explanation_view"),
                                                     ANSHIN_TYPE_EXPLANATION_VIEW, "expectation_badge"));
  g_assert_false (pages_test_is_shown (badge));

  /* the button opens the window's confirmation */
  g_signal_emit_by_name (reissue, "clicked");
  g_assert_cmpuint (pages_test_actions_count (fixture->actions, "reissue-card"), ==, 1);
}

static void
test_delayed (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_autoptr(GDateTime) renewal_day = pages_test_jst (2025, 11, 30, 9, 5);
  g_autoptr(GDateTime) now = pages_test_jst (2025, 12, 2, 9, 30);
  AnshinMethodRow *quicpay;
  GtkWidget *reissue;

  show (fixture, renewal_day);
  quicpay = row_for (fixture, ANSHIN_PAYMENT_METHOD_KIND_QUICPAY);

  /* 2 Dec: the date passes and the issuer gives no new one; the row
   * follows the method and the clock */
  pages_test_account_set_now (fixture->account, now);
  make_delayed (fixture);
  pages_test_flush ();

  g_assert_true (row_for (fixture, ANSHIN_PAYMENT_METHOD_KIND_QUICPAY) == quicpay);
  assert_state (quicpay, "Unavailable", "dialog-warning-symbolic", "warning");
  g_assert_false (gtk_widget_has_css_class (row_child (quicpay, "state_icon"), "accent"));
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (quicpay)), ==,
                   "Since 2 Dec 2025 · No date given");

  expanded_label (quicpay, "QUICPay is delayed, with no new date");
  /* the programme impact: miles only for QUICPay, none meanwhile */
  expanded_label (quicpay, "Your Tsubasa Shopping Program only counts QUICPay payments.");
  /* both options: wait, or reissue */
  expanded_label (quicpay, "You can wait");
  /* and that there is no date, once, as the row */
  assert_schedule_row (quicpay, "QUICPay", "No date given yet", NULL);
  reissue = pages_test_find_actionable (GTK_WIDGET (quicpay), "win.reissue-card", NULL);
  g_assert_nonnull (reissue);
  g_assert_true (pages_test_is_shown (reissue));
  expanded_label (quicpay, "With a new number, QUICPay works in about 3 hours, but your card number changes.");
  /* said once, under the button, not again as what happens next */
  g_assert_cmpuint (count_shown_labels (GTK_WIDGET (quicpay), "With a new number, QUICPay works"), ==, 1);
}

static void
test_reissue_in_flight (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(GDateTime) requested = pages_test_jst (2025, 12, 2, 10, 0);
  g_autoptr(GDateTime) ready = pages_test_jst (2025, 12, 2, 13, 0);
  g_autoptr(GDateTime) one_hour_in = pages_test_jst (2025, 12, 2, 11, 0);
  g_autoptr(GDateTime) two_hours_in = pages_test_jst (2025, 12, 2, 12, 0);
  g_autoptr(GDateTime) done = pages_test_jst (2025, 12, 2, 13, 1);
  AnshinPaymentMethod *method = pages_test_find_method (fixture->methods,
                                                        ANSHIN_PAYMENT_METHOD_KIND_QUICPAY);
  AnshinMethodRow *quicpay;
  GtkProgressBar *progress;

  anshin_card_set_state (fixture->card, ANSHIN_CARD_STATE_REISSUING);
  anshin_card_set_reissue_status (fixture->card, ANSHIN_REISSUE_STATUS_IN_PROGRESS);
  anshin_card_set_reissue_id (fixture->card, "reissue_1");
  anshin_card_set_reissue_new_number (fixture->card, TRUE);
  anshin_card_set_reissue_requested_at (fixture->card, requested);
  anshin_card_set_reissue_ready_eta (fixture->card, ready);
  anshin_payment_method_set_reason (method, ANSHIN_PAYMENT_METHOD_REASON_REISSUE_IN_PROGRESS);
  anshin_payment_method_set_since (method, requested);
  anshin_payment_method_set_eta (method, ready);

  show (fixture, one_hour_in);
  quicpay = row_for (fixture, ANSHIN_PAYMENT_METHOD_KIND_QUICPAY);
  progress = row_child (quicpay, "progress_bar");

  /* one hour of three, on the issuer's clock */
  g_assert_true (pages_test_is_shown (GTK_WIDGET (progress)));
  g_assert_cmpfloat_with_epsilon (gtk_progress_bar_get_fraction (progress), 1.0 / 3.0, 0.001);
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (quicpay)), ==,
                   "Ready in about 2 hours, around 13:00");
  assert_state (quicpay, "Updating", "content-loading-symbolic", "accent");
  expanded_label (quicpay, "QUICPay works again when your new card number is ready");
  /* no second reissue while one is running */
  g_assert_null (pages_test_find_actionable (GTK_WIDGET (quicpay), "win.reissue-card", NULL));

  /* the clock moves; the bar follows */
  pages_test_account_set_now (fixture->account, two_hours_in);
  g_assert_cmpfloat_with_epsilon (gtk_progress_bar_get_fraction (progress), 2.0 / 3.0, 0.001);
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (quicpay)), ==,
                   "Ready in about 1 hour, around 13:00");

  /* the issuer finishes: new number, QUICPay works, the bar goes */
  pages_test_account_set_now (fixture->account, done);
  anshin_card_set_reissue_status (fixture->card, ANSHIN_REISSUE_STATUS_COMPLETED);
  anshin_card_set_reissue_completed_at (fixture->card, ready);
  anshin_card_set_number_last4 (fixture->card, "5678");
  anshin_card_set_state (fixture->card, ANSHIN_CARD_STATE_ACTIVE);
  anshin_payment_method_set_state (method, ANSHIN_PAYMENT_METHOD_STATE_AVAILABLE);
  anshin_payment_method_set_reason (method, ANSHIN_PAYMENT_METHOD_REASON_NONE);
  anshin_payment_method_set_eta (method, NULL);
  anshin_payment_method_set_since (method, ready);
  pages_test_flush ();

  g_assert_false (pages_test_is_shown (GTK_WIDGET (progress)));
  assert_state (quicpay, "Available", "object-select-symbolic", "success");
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (quicpay)), ==,
                   "Since 2 Dec 2025");
  expanded_label (quicpay, "You can pay with QUICPay");
}

static void
test_frozen (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autoptr(GDateTime) now = pages_test_jst (2025, 12, 20, 9, 0);
  g_autoptr(GDateTime) frozen_at = pages_test_jst (2025, 12, 20, 8, 50);
  AnshinMethodRow *contactless;
  GtkWidget *unfreeze;

  anshin_card_set_state (fixture->card, ANSHIN_CARD_STATE_FROZEN);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (fixture->methods)); i++)
    {
      g_autoptr(AnshinPaymentMethod) method = g_list_model_get_item (G_LIST_MODEL (fixture->methods), i);

      anshin_payment_method_set_state (method, ANSHIN_PAYMENT_METHOD_STATE_UNAVAILABLE);
      anshin_payment_method_set_reason (method, ANSHIN_PAYMENT_METHOD_REASON_CARD_FROZEN);
      anshin_payment_method_set_since (method, frozen_at);
      anshin_payment_method_set_eta (method, NULL);
    }

  show (fixture, now);
  contactless = row_for (fixture, ANSHIN_PAYMENT_METHOD_KIND_MASTERCARD_CONTACTLESS);
  assert_state (contactless, "Unavailable", "dialog-warning-symbolic", "warning");
  expanded_label (contactless, "Mastercard contactless is paused while your card is frozen");

  unfreeze = pages_test_find_actionable (GTK_WIDGET (contactless), "win.unfreeze-card", NULL);
  g_assert_nonnull (unfreeze);
  g_assert_true (pages_test_is_shown (unfreeze));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (unfreeze)), ==, "_Unfreeze Card");
  g_signal_emit_by_name (unfreeze, "clicked");
  g_assert_cmpuint (pages_test_actions_count (fixture->actions, "unfreeze-card"), ==, 1);
}

static void
test_readd_and_not_set_up (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(GDateTime) now = pages_test_jst (2025, 12, 2, 13, 5);
  g_autoptr(GDateTime) completed = pages_test_jst (2025, 12, 2, 13, 0);
  AnshinPaymentMethod *apple = pages_test_find_method (fixture->methods,
                                                       ANSHIN_PAYMENT_METHOD_KIND_APPLE_PAY);
  AnshinPaymentMethod *google = pages_test_find_method (fixture->methods,
                                                        ANSHIN_PAYMENT_METHOD_KIND_GOOGLE_PAY);
  AnshinMethodRow *row;
  GtkWidget *readd;
  GtkPopover *popover;

  anshin_card_set_reissue_status (fixture->card, ANSHIN_REISSUE_STATUS_COMPLETED);
  anshin_card_set_reissue_new_number (fixture->card, TRUE);
  anshin_card_set_reissue_completed_at (fixture->card, completed);
  anshin_card_set_number_last4 (fixture->card, "5678");
  anshin_payment_method_set_state (apple, ANSHIN_PAYMENT_METHOD_STATE_UNAVAILABLE);
  anshin_payment_method_set_reason (apple, ANSHIN_PAYMENT_METHOD_REASON_WALLET_READD_REQUIRED);
  anshin_payment_method_set_eta (apple, NULL);
  anshin_payment_method_set_state (google, ANSHIN_PAYMENT_METHOD_STATE_NOT_SET_UP);
  anshin_payment_method_set_reason (google, ANSHIN_PAYMENT_METHOD_REASON_NONE);
  anshin_payment_method_set_eta (google, NULL);

  show (fixture, now);

  /* re-adding is up to the holder: the button shows how */
  row = row_for (fixture, ANSHIN_PAYMENT_METHOD_KIND_APPLE_PAY);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  readd = pages_test_find_button (GTK_WIDGET (row), "Re-add to Apple Pay");
  g_assert_nonnull (readd);
  g_assert_true (GTK_IS_MENU_BUTTON (readd));
  g_assert_true (pages_test_is_shown (readd));
  popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (readd));
  g_assert_nonnull (pages_test_find_label (GTK_WIDGET (popover),
                                           "On your iPhone, open Wallet, remove Tsubasa Pay •••• 5678"));

  /* a wallet never set up is dim, with no dates */
  row = row_for (fixture, ANSHIN_PAYMENT_METHOD_KIND_GOOGLE_PAY);
  assert_state (row, "Not set up", "action-unavailable-symbolic", "dim-label");
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), ==, "");
  expanded_label (row, "Google Pay isn't set up");
}

/* No methods (yet): the empty state, until the first one comes.
 * user_data: whether the page is in a slot, and so made when shown */
static void
test_empty (Fixture       *fixture,
            gconstpointer  user_data)
{
  g_autoptr(GListStore) none = g_list_store_new (ANSHIN_TYPE_PAYMENT_METHOD);
  g_autoptr(GDateTime) now = pages_test_jst (2025, 11, 30, 9, 5);
  g_autoptr(AnshinPaymentMethod) method = NULL;
  AdwStatusPage *empty_page;

  if (GPOINTER_TO_INT (user_data))
    {
      /* no account, nothing to list: nothing made */
      anshin_page_slot_set_account (fixture->slot, NULL);
      g_assert_null (anshin_page_slot_get_page (fixture->slot));
    }
  else
    {
      /* before the issuer has answered */
      g_assert_cmpstr (gtk_stack_get_visible_child_name (page_stack (fixture)), ==, "empty");
    }

  /* an account with the card but no payment methods (in a slot: the
   * page is made with it when shown) */
  fixture->account = pages_test_account_new (&fixture->card, &none, &fixture->programs, NULL, now);
  if (GPOINTER_TO_INT (user_data))
    {
      anshin_page_slot_set_account (fixture->slot, fixture->account);
      gtk_window_present (fixture->window);
      pages_test_flush ();
      take_slot_page (fixture);
    }
  else
    anshin_methods_page_set_account (fixture->page, fixture->account);
  g_assert_true (adw_bin_get_child (ADW_BIN (fixture->page)) == GTK_WIDGET (page_stack (fixture)));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (page_stack (fixture)), ==, "empty");
  empty_page = ADW_STATUS_PAGE (gtk_stack_get_visible_child (page_stack (fixture)));
  g_assert_cmpstr (adw_status_page_get_title (empty_page), ==, "No payment methods yet");
  g_assert_cmpuint (strlen (adw_status_page_get_description (empty_page)), >, 60);

  /* the list appears with the first method (@none is the account's now) */
  method = g_list_model_get_item (G_LIST_MODEL (fixture->methods), 0);
  g_list_store_append (none, method);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (page_stack (fixture)), ==, "methods");
  g_assert_cmpuint (pages_test_count_rows (page_list_box (fixture)), ==, 1);
  g_list_store_remove (none, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (page_stack (fixture)), ==, "empty");
}

static void
count_cb (guint *count)
{
  (*count)++;
}

/* Tells of a change once, and of nothing else: the same account again is
 * no change, nor is the issuer's clock moving by less than a second (the
 * account announces no change, so no row is updated); no account is. */
static void
test_notifies_once (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(GDateTime) now = pages_test_jst (2025, 11, 30, 9, 5);
  g_autoptr(GDateTime) exact_now = NULL;
  g_autoptr(GDateTime) almost_now = NULL;
  AnshinMethodRow *quicpay;
  guint notified = 0;
  guint changed = 0;

  show (fixture, now);
  quicpay = row_for (fixture, ANSHIN_PAYMENT_METHOD_KIND_QUICPAY);
  g_signal_connect (fixture->page, "notify", G_CALLBACK (pages_test_count_notify_cb), &notified);
  g_signal_connect_swapped (fixture->account, "changed", G_CALLBACK (count_cb), &changed);

  anshin_methods_page_set_account (fixture->page, fixture->account);
  exact_now = anshin_account_dup_exact_now (fixture->account);
  almost_now = g_date_time_add (exact_now, G_TIME_SPAN_SECOND / 2);
  pages_test_account_set_now (fixture->account, almost_now);
  g_assert_cmpuint (notified, ==, 0);
  g_assert_cmpuint (changed, ==, 0);
  g_assert_true (row_for (fixture, ANSHIN_PAYMENT_METHOD_KIND_QUICPAY) == quicpay);
  g_signal_handlers_disconnect_by_func (fixture->account, count_cb, &changed);

  anshin_methods_page_set_account (fixture->page, NULL);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_null (anshin_methods_page_get_account (fixture->page));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (page_stack (fixture)), ==, "empty");
  g_signal_handlers_disconnect_by_func (fixture->page, pages_test_count_notify_cb, &notified);
}

/* In a slot (as in the main window) nothing is made until the slot is
 * shown; then the page has the account the slot was given, and its rows
 * show the methods against the account's card, programmes and clock, as
 * a page made on its own does. */
static void
test_slot (Fixture       *fixture,
           gconstpointer  user_data)
{
  g_autoptr(GDateTime) now = pages_test_jst (2025, 11, 30, 9, 5);
  AnshinMethodRow *quicpay;
  guint notified = 0;

  g_assert_null (anshin_page_slot_get_page (fixture->slot));

  /* no account is no change: nothing told, nothing made */
  g_signal_connect (fixture->slot, "notify", G_CALLBACK (pages_test_count_notify_cb), &notified);
  anshin_page_slot_set_account (fixture->slot, NULL);
  g_assert_cmpuint (notified, ==, 0);
  g_signal_handlers_disconnect_by_func (fixture->slot, pages_test_count_notify_cb, &notified);
  g_assert_null (anshin_page_slot_get_page (fixture->slot));

  /* an account that changes before the page is made makes nothing */
  fixture->account = pages_test_account_new (&fixture->card, &fixture->methods, &fixture->programs,
                                             NULL, now);
  anshin_card_set_balance (fixture->card, 12000);
  pages_test_flush ();
  g_assert_null (anshin_page_slot_get_page (fixture->slot));

  /* nor does giving the slot the account, told once */
  notified = 0;
  g_signal_connect (fixture->slot, "notify::account", G_CALLBACK (pages_test_count_notify_cb),
                    &notified);
  anshin_page_slot_set_account (fixture->slot, fixture->account);
  g_assert_cmpuint (notified, ==, 1);
  g_signal_handlers_disconnect_by_func (fixture->slot, pages_test_count_notify_cb, &notified);
  g_assert_null (anshin_page_slot_get_page (fixture->slot));

  /* showing it makes the page, with the account: a row each */
  gtk_window_present (fixture->window);
  pages_test_flush ();
  take_slot_page (fixture);
  g_assert_true (anshin_methods_page_get_account (fixture->page) == fixture->account);
  g_assert_true (adw_bin_get_child (ADW_BIN (fixture->page)) == GTK_WIDGET (page_stack (fixture)));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (page_stack (fixture)), ==, "methods");
  g_assert_cmpuint (pages_test_count_rows (page_list_box (fixture)), ==,
                    g_list_model_get_n_items (G_LIST_MODEL (fixture->methods)));

  quicpay = row_for (fixture, ANSHIN_PAYMENT_METHOD_KIND_QUICPAY);
  g_assert_true (pages_test_is_shown (GTK_WIDGET (quicpay)));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (quicpay)), ==, "QUICPay");
  assert_state (quicpay, "Updating", "content-loading-symbolic", "accent");
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (quicpay)), ==,
                   "Since 30 Nov 2025 · Expected 2 Dec 2025, 09:00");
  expanded_label (quicpay, "QUICPay is being updated after your card renewal");
  expanded_label (quicpay, "Tsubasa Shopping Program");
  g_assert_nonnull (pages_test_find_actionable (GTK_WIDGET (quicpay), "win.reissue-card", NULL));
}

/* The reissue confirmation */

typedef struct {
  gboolean  done;
  gboolean  confirmed;
  GError   *error;
} Choice;

static void
on_choose_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Choice *choice = user_data;

  choice->confirmed = anshin_reissue_dialog_choose_finish (result, &choice->error);
  choice->done = TRUE;
}

static AdwMessageDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ANSHIN_IS_REISSUE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }

  return NULL;
}

static void
wait_for (Choice *choice)
{
  while (!choice->done)
    g_main_context_iteration (NULL, TRUE);
}

static void
test_reissue_dialog (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(GDateTime) now = pages_test_jst (2025, 12, 2, 9, 30);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Choice confirm = { 0 };
  Choice cancel = { 0 };
  Choice cancelled = { 0 };
  AdwMessageDialog *dialog;
  const char *body;

  make_delayed (fixture);
  show (fixture, now);

  anshin_reissue_dialog_choose (fixture->window, fixture->card, G_LIST_MODEL (fixture->methods),
                                G_LIST_MODEL (fixture->programs), now, NULL, on_choose_cb, &confirm);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == fixture->window);
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));

  /* the trade-off, spelled out: what it brings, then a short list of
   * left-aligned points (not centred paragraphs) */
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Reissue with a New Number?");
  body = adw_message_dialog_get_body (dialog);
  g_assert_cmpstr (body, ==, "QUICPay is ready in about 3 hours.");
  {
    GtkWidget *points = adw_message_dialog_get_extra_child (dialog);
    g_autoptr(GString) text = g_string_new (NULL);

    g_assert_nonnull (points);
    for (GtkWidget *c = gtk_widget_get_first_child (points); c != NULL; c = gtk_widget_get_next_sibling (c))
      {
        g_assert_true (GTK_IS_LABEL (c));
        g_assert_cmpfloat (gtk_label_get_xalign (GTK_LABEL (c)), ==, 0);
        g_assert_true (g_str_has_prefix (gtk_label_get_label (GTK_LABEL (c)), "• "));
        g_string_append_printf (text, "%s\n", gtk_label_get_label (GTK_LABEL (c)));
      }
    g_assert_nonnull (strstr (text->str, "• Your card number changes: re-add the card in Apple Pay and Google Pay, "
                                         "and update it wherever it is saved"));
    g_assert_nonnull (strstr (text->str, "Tsubasa Shopping Program"));
    g_assert_nonnull (strstr (text->str, "¥12,345"));
  }

  /* Cancel is the safe default; the reissue looks as final as it is */
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "cancel");
  g_assert_cmpstr (adw_message_dialog_get_close_response (dialog), ==, "cancel");
  g_assert_cmpstr (adw_message_dialog_get_response_label (dialog, "cancel"), ==, "_Cancel");
  g_assert_cmpstr (adw_message_dialog_get_response_label (dialog, "reissue"), ==, "_Reissue");
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "reissue"), ==,
                   ADW_RESPONSE_DESTRUCTIVE);

  /* as the Reissue button does: answer, then close */
  adw_message_dialog_response (dialog, "reissue");
  gtk_window_close (GTK_WINDOW (dialog));
  g_assert_null (find_dialog ());
  wait_for (&confirm);
  g_assert_no_error (confirm.error);
  g_assert_true (confirm.confirmed);

  /* closing the dialog (Escape) is no */
  anshin_reissue_dialog_choose (fixture->window, fixture->card, G_LIST_MODEL (fixture->methods),
                                G_LIST_MODEL (fixture->programs), now, NULL, on_choose_cb, &cancel);
  gtk_window_close (GTK_WINDOW (find_dialog ()));
  wait_for (&cancel);
  g_assert_no_error (cancel.error);
  g_assert_false (cancel.confirmed);

  /* the window going away cancels it */
  anshin_reissue_dialog_choose (fixture->window, fixture->card, G_LIST_MODEL (fixture->methods),
                                G_LIST_MODEL (fixture->programs), now, cancellable, on_choose_cb,
                                &cancelled);
  g_assert_nonnull (find_dialog ());
  g_cancellable_cancel (cancellable);
  wait_for (&cancelled);
  g_assert_error (cancelled.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (cancelled.confirmed);
  g_clear_error (&cancelled.error);
  pages_test_flush ();
  g_assert_null (find_dialog ());
}

static void
test_reissue_dialog_running (Fixture       *fixture,
                             gconstpointer  user_data)
{
  g_autoptr(GDateTime) requested = pages_test_jst (2025, 12, 2, 10, 0);
  g_autoptr(GDateTime) ready = pages_test_jst (2025, 12, 2, 13, 0);
  g_autoptr(GDateTime) now = pages_test_jst (2025, 12, 2, 11, 0);
  Choice choice = { 0 };
  AdwMessageDialog *dialog;

  anshin_card_set_reissue_status (fixture->card, ANSHIN_REISSUE_STATUS_IN_PROGRESS);
  anshin_card_set_reissue_requested_at (fixture->card, requested);
  anshin_card_set_reissue_ready_eta (fixture->card, ready);
  show (fixture, now);

  /* nothing to confirm while a reissue runs */
  anshin_reissue_dialog_choose (fixture->window, fixture->card, G_LIST_MODEL (fixture->methods),
                                G_LIST_MODEL (fixture->programs), now, NULL, on_choose_cb, &choice);
  dialog = find_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Your card is already being reissued");
  g_assert_false (adw_message_dialog_has_response (dialog, "reissue"));
  g_assert_cmpstr (adw_message_dialog_get_response_label (dialog, "cancel"), ==, "_Close");
  gtk_window_close (GTK_WINDOW (dialog));
  wait_for (&choice);
  g_assert_false (choice.confirmed);
}

/* Renewal day with QUICPay open, and a reissue an hour in; in its own
 * process so that the locale stays with it. */
static void
test_screenshots (gconstpointer data)
{
  const char *lang = data;

  if (g_test_subprocess ())
    {
      Fixture fixture = { 0 };
      g_autoptr(GDateTime) now = pages_test_jst (2025, 12, 2, 9, 30);
      g_autoptr(GDateTime) requested = pages_test_jst (2025, 12, 2, 10, 0);
      g_autoptr(GDateTime) ready = pages_test_jst (2025, 12, 2, 13, 0);
      g_autoptr(GDateTime) one_hour_in = pages_test_jst (2025, 12, 2, 11, 0);
      g_autofree char *delayed = g_strdup_printf ("methods-page-delayed-%s.png", lang);
      g_autofree char *delayed_full = g_strdup_printf ("methods-page-delayed-full-%s.png", lang);
      g_autofree char *reissue = g_strdup_printf ("methods-page-reissue-%s.png", lang);
      g_autofree char *dialog_name = g_strdup_printf ("reissue-dialog-%s.png", lang);
      AnshinPaymentMethod *method;
      AdwMessageDialog *dialog;
      GtkStack *stack;
      Choice choice = { 0 };

      if (g_str_equal (lang, "ja"))
        g_assert_nonnull (setlocale (LC_ALL, "ja_JP.UTF-8"));

      fixture_set_up (&fixture, NULL);
      gtk_window_set_decorated (fixture.window, FALSE);
      gtk_window_set_default_size (fixture.window, 640, 800);
      method = pages_test_find_method (fixture.methods, ANSHIN_PAYMENT_METHOD_KIND_QUICPAY);
      make_delayed (&fixture);
      show (&fixture, now);
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row_for (&fixture, ANSHIN_PAYMENT_METHOD_KIND_QUICPAY)),
                                     TRUE);
      pages_test_save_png (fixture.window, GTK_WIDGET (fixture.window), delayed);
      /* the whole list, as if scrolled through */
      stack = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (fixture.page),
                                                        ANSHIN_TYPE_METHODS_PAGE, "stack"));
      pages_test_save_png (fixture.window,
                           pages_test_find_type (gtk_stack_get_visible_child (stack), ADW_TYPE_CLAMP),
                           delayed_full);

      anshin_reissue_dialog_choose (fixture.window, fixture.card, G_LIST_MODEL (fixture.methods),
                                    G_LIST_MODEL (fixture.programs), now, NULL, on_choose_cb, &choice);
      dialog = find_dialog ();
      pages_test_save_png (GTK_WINDOW (dialog), GTK_WIDGET (dialog), dialog_name);
      gtk_window_close (GTK_WINDOW (dialog));
      wait_for (&choice);

      anshin_card_set_state (fixture.card, ANSHIN_CARD_STATE_REISSUING);
      anshin_card_set_reissue_status (fixture.card, ANSHIN_REISSUE_STATUS_IN_PROGRESS);
      anshin_card_set_reissue_new_number (fixture.card, TRUE);
      anshin_card_set_reissue_requested_at (fixture.card, requested);
      anshin_card_set_reissue_ready_eta (fixture.card, ready);
      anshin_payment_method_set_state (method, ANSHIN_PAYMENT_METHOD_STATE_UPDATING);
      anshin_payment_method_set_reason (method, ANSHIN_PAYMENT_METHOD_REASON_REISSUE_IN_PROGRESS);
      anshin_payment_method_set_since (method, requested);
      anshin_payment_method_set_eta (method, ready);
      pages_test_account_set_now (fixture.account, one_hour_in);
      pages_test_save_png (fixture.window, GTK_WIDGET (fixture.window), reissue);

      fixture_tear_down (&fixture, NULL);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  pages_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/methods-page/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("renewal-day", test_renewal_day);
  ADD ("delayed", test_delayed);
  ADD ("reissue-in-flight", test_reissue_in_flight);
  ADD ("frozen", test_frozen);
  ADD ("readd-and-not-set-up", test_readd_and_not_set_up);
  ADD ("empty", test_empty);
  ADD ("notifies-once", test_notifies_once);
  ADD ("reissue-dialog", test_reissue_dialog);
  ADD ("reissue-dialog-running", test_reissue_dialog_running);
  g_test_add ("/methods-page/slot", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_slot,
              fixture_tear_down);
  g_test_add ("/methods-page/slot-empty", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up,
              test_empty, fixture_tear_down);
  g_test_add_data_func ("/methods-page/screenshots/en", "en", test_screenshots);
  g_test_add_data_func ("/methods-page/screenshots/ja", "ja", test_screenshots);

#undef ADD

  return g_test_run ();
}
