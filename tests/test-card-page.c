/* test-card-page.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Card page at the moments of the seed story (renewal day, the
 * delayed QUICPay migration, a reissue in flight, a frozen card, the
 * issuer out of reach), checked for what the holder sees; and rendered
 * to PNG in English and Japanese.
 */

#include "config.h"

#include <locale.h>

#include <glib/gi18n-lib.h>
#include <adwaita.h>

#include "anshin-moment-callout.h"
#include "anshin-card-face.h"
#include "anshin-card-page.h"
#include "anshin-payment-method.h"
#include "anshin-program.h"
#include "anshin-account-private.h"
#include "pages-test-util.h"

typedef struct {
  GtkWindow          *window;
  AnshinCardPage     *page;
  GSimpleActionGroup *actions;
  AnshinAccount      *account;       /* what the page follows, once shown */
  AnshinCard         *card;          /* the account's, once shown */
  GListStore         *methods;
  GListStore         *programs;
  GHashTable         *activations;   /* action name -> count */
  char               *last_page;     /* target of the last win.show-page */
} Fixture;

static GDateTime *
jst (int year,
     int month,
     int day,
     int hour,
     int minute)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("+09:00");

  return g_date_time_new (tz, year, month, day, hour, minute, 0);
}

static GDateTime *
utc (int year,
     int month,
     int day,
     int hour,
     int minute)
{
  return g_date_time_new_utc (year, month, day, hour, minute, 0);
}

/* The seed story's card on the morning of renewal day, 30 Nov 2025: renewed
 * at 09:00, same number, new expiry November 2030, a plastic card being prepared. */
static AnshinCard *
renewed_card (void)
{
  AnshinCard *card = anshin_card_new ();
  g_autoptr(GDateTime) renewal = jst (2025, 11, 30, 0, 0);
  g_autoptr(GDateTime) announced = jst (2025, 8, 30, 10, 0);
  g_autoptr(GDateTime) completed = jst (2025, 11, 30, 9, 0);
  g_autoptr(GDateTime) physical_eta = jst (2025, 12, 16, 0, 0);

  anshin_card_set_id (card, "card_1");
  anshin_card_set_product_name (card, "Tsubasa Pay");
  anshin_card_set_brand (card, ANSHIN_CARD_BRAND_MASTERCARD);
  anshin_card_set_form (card, ANSHIN_CARD_FORM_VIRTUAL_AND_PHYSICAL);
  anshin_card_set_state (card, ANSHIN_CARD_STATE_ACTIVE);
  anshin_card_set_number_last4 (card, "1234");
  anshin_card_set_exp_month (card, 11);
  anshin_card_set_exp_year (card, 2030);
  anshin_card_set_balance (card, 12345);
  anshin_card_set_renewal_status (card, ANSHIN_RENEWAL_STATUS_COMPLETED);
  anshin_card_set_renewal_date (card, renewal);
  anshin_card_set_renewal_announced_at (card, announced);
  anshin_card_set_renewal_completed_at (card, completed);
  anshin_card_set_renewal_number_changes (card, FALSE);
  anshin_card_set_renewal_new_exp_month (card, 11);
  anshin_card_set_renewal_new_exp_year (card, 2030);
  anshin_card_set_physical_status (card, ANSHIN_PHYSICAL_CARD_STATUS_PREPARING);
  anshin_card_set_physical_eta (card, physical_eta);

  return card;
}

static AnshinPaymentMethod *
add_method (GListStore               *store,
            AnshinPaymentMethodKind   kind,
            AnshinPaymentMethodState  state,
            AnshinPaymentMethodReason reason,
            GDateTime                *eta)
{
  g_autoptr(AnshinPaymentMethod) method = anshin_payment_method_new ();

  anshin_payment_method_set_kind (method, kind);
  anshin_payment_method_set_state (method, state);
  anshin_payment_method_set_reason (method, reason);
  anshin_payment_method_set_eta (method, eta);
  g_list_store_append (store, method);

  return method;
}

static AnshinPaymentMethod *
find_method (Fixture                 *fixture,
             AnshinPaymentMethodKind  kind)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (fixture->methods)); i++)
    {
      g_autoptr(AnshinPaymentMethod) method = g_list_model_get_item (G_LIST_MODEL (fixture->methods), i);

      if (anshin_payment_method_get_kind (method) == kind)
        return method;
    }

  g_assert_not_reached ();
}

/* Renewal day: QUICPay is updating (the issuer expects it on 2 Dec), the
 * rest works. */
static void
fill_renewal_day_methods (GListStore *store)
{
  g_autoptr(GDateTime) quicpay_eta = jst (2025, 12, 2, 9, 0);

  add_method (store, ANSHIN_PAYMENT_METHOD_KIND_MASTERCARD_ONLINE,
              ANSHIN_PAYMENT_METHOD_STATE_AVAILABLE, ANSHIN_PAYMENT_METHOD_REASON_NONE, NULL);
  add_method (store, ANSHIN_PAYMENT_METHOD_KIND_MASTERCARD_CONTACTLESS,
              ANSHIN_PAYMENT_METHOD_STATE_AVAILABLE, ANSHIN_PAYMENT_METHOD_REASON_NONE, NULL);
  add_method (store, ANSHIN_PAYMENT_METHOD_KIND_QUICPAY,
              ANSHIN_PAYMENT_METHOD_STATE_UPDATING,
              ANSHIN_PAYMENT_METHOD_REASON_RENEWAL_MIGRATION_PENDING, quicpay_eta);
  add_method (store, ANSHIN_PAYMENT_METHOD_KIND_APPLE_PAY,
              ANSHIN_PAYMENT_METHOD_STATE_AVAILABLE, ANSHIN_PAYMENT_METHOD_REASON_NONE, NULL);
  add_method (store, ANSHIN_PAYMENT_METHOD_KIND_GOOGLE_PAY,
              ANSHIN_PAYMENT_METHOD_STATE_AVAILABLE, ANSHIN_PAYMENT_METHOD_REASON_NONE, NULL);
}

static void
on_action_activate_cb (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  Fixture *fixture = user_data;
  const char *name = g_action_get_name (G_ACTION (action));
  guint count = GPOINTER_TO_UINT (g_hash_table_lookup (fixture->activations, name));

  g_hash_table_insert (fixture->activations, g_strdup (name), GUINT_TO_POINTER (count + 1));
  if (parameter != NULL)
    {
      g_free (fixture->last_page);
      fixture->last_page = g_variant_dup_string (parameter, NULL);
    }
}

static guint
activations (Fixture    *fixture,
             const char *name)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (fixture->activations, name));
}

/* The page in a window that has the window's actions, as AnshinWindow
 * does, counting their activations. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  const GActionEntry entries[] = {
    { "show-page", on_action_activate_cb, "s" },
    { "refresh", on_action_activate_cb },
    { "freeze-card", on_action_activate_cb },
    { "unfreeze-card", on_action_activate_cb },
    { "reissue-card", on_action_activate_cb },
  };
  g_autoptr(AnshinProgram) program = anshin_program_new ();
  const char *requires[] = { "quicpay", NULL };

  fixture->activations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  fixture->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (fixture->actions), entries,
                                   G_N_ELEMENTS (entries), fixture);

  fixture->card = renewed_card ();
  fixture->methods = g_list_store_new (ANSHIN_TYPE_PAYMENT_METHOD);
  fill_renewal_day_methods (fixture->methods);
  fixture->programs = g_list_store_new (ANSHIN_TYPE_PROGRAM);
  anshin_program_set_id (program, "tsubasa_shopping");
  anshin_program_set_name (program, "Tsubasa Shopping Program");
  anshin_program_set_requires_methods (program, requires);
  g_list_store_append (fixture->programs, program);

  fixture->window = g_object_ref (GTK_WINDOW (gtk_window_new ()));
  gtk_window_set_default_size (fixture->window, 560, 1180);
  gtk_widget_insert_action_group (GTK_WIDGET (fixture->window), "win",
                                  G_ACTION_GROUP (fixture->actions));
  fixture->page = g_object_ref (ANSHIN_CARD_PAGE (anshin_card_page_new ()));
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->page));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  AnshinCardPage *page = g_steal_pointer (&fixture->page);

  gtk_window_destroy (fixture->window);
  g_assert_finalize_object (g_steal_pointer (&fixture->window));
  g_assert_finalize_object (page);

  g_clear_object (&fixture->account);
  g_clear_object (&fixture->actions);
  g_clear_object (&fixture->card);
  g_clear_object (&fixture->methods);
  g_clear_object (&fixture->programs);
  g_clear_pointer (&fixture->activations, g_hash_table_unref);
  g_clear_pointer (&fixture->last_page, g_free);
}

static gpointer
child (Fixture    *fixture,
       const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (fixture->page),
                                                   ANSHIN_TYPE_CARD_PAGE, name);

  g_assert_nonnull (object);
  return object;
}


static gboolean is_shown (gpointer widget);

static gpointer
moment_child (Fixture    *fixture,
              const char *callout,
              const char *name)
{
  GObject *object = gtk_widget_get_template_child (child (fixture, callout),
                                                   ANSHIN_TYPE_MOMENT_CALLOUT, name);

  g_assert_nonnull (object);
  return object;
}

/* What the holder reads in a moment's callout, for the test log. */
static void
log_moment (Fixture    *fixture,
            const char *callout)
{
  if (!is_shown (child (fixture, callout)))
    {
      g_test_message ("%s: hidden", callout);
      return;
    }
  g_test_message ("%s: [%s] %s | %s | action %s (%s)", callout,
                  gtk_image_get_icon_name (moment_child (fixture, callout, "icon")),
                  gtk_label_get_label (moment_child (fixture, callout, "title_label")),
                  gtk_label_get_label (moment_child (fixture, callout, "body_label")),
                  gtk_actionable_get_action_name (moment_child (fixture, callout, "action_button")),
                  gtk_label_get_label (moment_child (fixture, callout, "action_button_label")));
}

/* The callout shows exactly the moment app/core chose at this point for
 * the account (the same texts), coloured by its tone, with its action. */
static void
assert_moment (Fixture          *fixture,
               const char       *callout,
               AnshinMomentKind  kind,
               const char       *title,
               const char       *icon_name,
               const char       *tone_class,
               const char       *action_label)
{
  AnshinMomentCallout *widget = child (fixture, callout);
  AnshinMoment *moment = anshin_moment_callout_get_moment (widget);
  GtkWidget *button = moment_child (fixture, callout, "action_button");

  log_moment (fixture, callout);
  g_assert_true (is_shown (widget));
  g_assert_nonnull (moment);
  g_assert_cmpint (anshin_moment_get_kind (moment), ==, kind);
  g_assert_cmpstr (gtk_label_get_label (moment_child (fixture, callout, "title_label")), ==, title);
  g_assert_cmpstr (anshin_moment_get_title (moment), ==, title);
  g_assert_cmpstr (gtk_label_get_label (moment_child (fixture, callout, "body_label")), ==,
                   anshin_moment_get_body (moment));
  g_assert_cmpstr (gtk_image_get_icon_name (moment_child (fixture, callout, "icon")), ==, icon_name);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (widget), tone_class));
  if (action_label != NULL)
    {
      g_assert_true (is_shown (button));
      g_assert_cmpstr (gtk_label_get_label (moment_child (fixture, callout, "action_button_label")), ==,
                       action_label);
      g_assert_true (gtk_widget_has_css_class (button, "suggested-action"));
    }
  else
    g_assert_false (is_shown (button));
}

/* The two choices of a method not working, as rows: wait, or reissue with
 * the button right there, which does it. */
static void
assert_choices (Fixture    *fixture,
                const char *callout)
{
  GtkListBox *list = moment_child (fixture, callout, "choices_list");
  GtkWidget *wait = GTK_WIDGET (gtk_list_box_get_row_at_index (list, 0));
  GtkWidget *reissue = GTK_WIDGET (gtk_list_box_get_row_at_index (list, 1));
  AnshinMoment *moment = anshin_moment_callout_get_moment (child (fixture, callout));
  g_autoptr(AnshinMomentChoice) wait_choice = g_list_model_get_item (anshin_moment_get_choices (moment), 0);
  g_autoptr(AnshinMomentChoice) reissue_choice = g_list_model_get_item (anshin_moment_get_choices (moment), 1);
  GtkWidget *button;
  guint before = activations (fixture, "reissue-card");

  g_assert_true (is_shown (list));
  g_assert_cmpuint (pages_test_count_rows (list), ==, 2);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (wait)), ==, "Wait");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (wait)), ==,
                   anshin_moment_choice_get_subtitle (wait_choice));
  g_assert_null (pages_test_find_actionable (wait, "win.reissue-card", NULL));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (reissue)), ==,
                   anshin_moment_choice_get_title (reissue_choice));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (reissue)), ==,
                   anshin_moment_choice_get_subtitle (reissue_choice));
  button = pages_test_find_actionable (reissue, "win.reissue-card", NULL);
  g_assert_nonnull (button);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, "Reissue…");
  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpuint (activations (fixture, "reissue-card"), ==, before + 1);
}

/* Lets the page catch up with changes the model objects reported. */
static void
flush_main_context (void)
{
  for (guint i = 0; i < 1000 && g_main_context_iteration (NULL, FALSE); i++)
    ;
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
  anshin_card_page_set_account (fixture->page, fixture->account);
  gtk_window_present (fixture->window);
}

/* The issuer can't be reached: the account keeps the status of its last
 * answer, at @as_of on the issuer's clock. */
static void
go_offline (Fixture   *fixture,
            GDateTime *as_of)
{
  _anshin_account_set_as_of (fixture->account, as_of);
  _anshin_account_set_online (fixture->account, FALSE);
  flush_main_context ();
}

/* Back in touch, as a refresh leaves the account. */
static void
go_online (Fixture *fixture)
{
  g_autoptr(GDateTime) now = anshin_account_dup_exact_now (fixture->account);

  _anshin_account_set_online (fixture->account, TRUE);
  _anshin_account_set_as_of (fixture->account, now);
  flush_main_context ();
}

/* Showing, as far as the holder is concerned: the widget and all its
 * ancestors are visible. */
static gboolean
is_shown (gpointer widget)
{
  for (GtkWidget *w = widget; w != NULL; w = gtk_widget_get_parent (w))
    if (!gtk_widget_get_visible (w))
      return FALSE;

  return TRUE;
}

static GtkImage *
find_shown_icon (GtkWidget *widget)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkImage *found;

      if (GTK_IS_IMAGE (c) && gtk_widget_get_visible (c) &&
          gtk_image_get_icon_name (GTK_IMAGE (c)) != NULL)
        return GTK_IMAGE (c);

      if ((found = find_shown_icon (c)) != NULL)
        return found;
    }

  return NULL;
}

typedef struct {
  const char *title;
  const char *icon_name;
  const char *state;        /* the icon's accessible label */
} StepCase;

static void
assert_timeline (Fixture        *fixture,
                 const StepCase *steps,
                 guint           n_steps)
{
  GtkListBox *list = child (fixture, "timeline_list");
  guint i;

  g_assert_true (is_shown (child (fixture, "timeline_group")));

  for (i = 0; i < n_steps; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, i);
      GtkImage *icon;

      g_assert_nonnull (row);
      g_assert_true (ADW_IS_ACTION_ROW (row));
      g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, steps[i].title);
      g_assert_cmpuint (strlen (adw_action_row_get_subtitle (ADW_ACTION_ROW (row))), >, 10);

      icon = find_shown_icon (GTK_WIDGET (row));
      g_assert_nonnull (icon);
      g_assert_cmpstr (gtk_image_get_icon_name (icon), ==, steps[i].icon_name);
      gtk_test_accessible_assert_property (icon, GTK_ACCESSIBLE_PROPERTY_LABEL, steps[i].state);
    }

  g_assert_null (gtk_list_box_get_row_at_index (list, i));
}

static void
test_card_page_no_card (Fixture       *fixture,
                        gconstpointer  user_data)
{
  GtkStack *stack = child (fixture, "stack");
  AdwStatusPage *empty = child (fixture, "empty_page");
  g_autoptr(GDateTime) now = jst (2025, 11, 30, 9, 5);

  gtk_window_present (fixture->window);

  /* nothing from the issuer yet: a designed empty state, not a blank page */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  g_assert_cmpstr (adw_status_page_get_title (empty), ==, "No card yet");
  g_assert_cmpuint (strlen (adw_status_page_get_description (empty)), >, 40);
  g_assert_false (gtk_revealer_get_reveal_child (child (fixture, "offline_revealer")));

  show (fixture, now);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "card");

  /* signed out (as the account's sign-out leaves it): the card goes away again */
  _anshin_account_reset_models (fixture->account);
  _anshin_account_set_online (fixture->account, TRUE);
  flush_main_context ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  g_assert_null (anshin_card_page_get_card (fixture->page));
  g_assert_false (gtk_revealer_get_reveal_child (child (fixture, "offline_revealer")));
}

static void
test_card_page_renewal_day (Fixture       *fixture,
                            gconstpointer  user_data)
{
  static const StepCase steps[] = {
    { "Renewal announced", "object-select-symbolic", "Done" },
    { "Card renewed", "object-select-symbolic", "Done" },
    { "Physical card being prepared", "media-record-symbolic", "In progress" },
    { "Physical card sent", "content-loading-symbolic", "Upcoming" },
    { "Physical card delivered", "content-loading-symbolic", "Upcoming" },
  };
  g_autoptr(GDateTime) now = jst (2025, 11, 30, 9, 5);
  AnshinCardFace *face = child (fixture, "face");
  GtkListBox *list = child (fixture, "timeline_list");
  GtkListBoxRow *renewed;
  const char *renewed_text;
  const char *expected = "Tsubasa Pay Mastercard ending in 1234, expires 11/30, "
                         "virtual and physical card";

  show (fixture, now);
  gtk_window_present (fixture->window);

  /* the card as drawn, for screen readers: same last 4, the new expiry */
  g_assert_true (anshin_card_face_get_card (face) == fixture->card);
  g_assert_cmpstr (anshin_card_face_get_description (face), ==, expected);
  gtk_test_accessible_assert_role (face, GTK_ACCESSIBLE_ROLE_IMG);
  gtk_test_accessible_assert_property (face, GTK_ACCESSIBLE_PROPERTY_LABEL, expected);

  g_assert_cmpstr (gtk_label_get_label (child (fixture, "state_label")), ==, "Active");
  g_assert_cmpstr (gtk_label_get_label (child (fixture, "balance_label")), ==, "¥12,345");

  /* announced and renewed are behind; the plastic card is what's next.
   * The number, the new expiry and the day the plastic card comes are the
   * callout's to say (below): the timeline and "what happens next" do not
   * say them again, and the renewal's date is in its date column only. */
  assert_timeline (fixture, steps, G_N_ELEMENTS (steps));
  renewed = gtk_list_box_get_row_at_index (list, 1);
  renewed_text = adw_action_row_get_subtitle (ADW_ACTION_ROW (renewed));
  g_assert_cmpstr (renewed_text, ==, "Your card renewed itself.");
  g_assert_null (strstr (renewed_text, "•••• 1234"));
  g_assert_null (strstr (renewed_text, "November 2030"));
  g_assert_null (strstr (renewed_text, "30 Nov 2025"));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (gtk_list_box_get_row_at_index (list, 4))), ==,
                   "You will see here when it has arrived.");
  g_assert_false (is_shown (child (fixture, "next_group")));

  /* renewal day, as planned: green, first, in the holder's words; QUICPay
   * still being updated, the way to the Payment Methods page is in it */
  assert_moment (fixture, "first_moment", ANSHIN_MOMENT_KIND_RENEWAL_EXPECTED,
                 "Your card renewed as planned", "emblem-ok-symbolic", "success",
                 "View Payment Methods");
  g_assert_cmpstr (gtk_label_get_label (moment_child (fixture, "first_moment", "body_label")), ==,
                   "The “card activation complete” notice is your scheduled renewal, so there is "
                   "nothing to do. Your card number has not changed (•••• 1234), the new expiry is "
                   "November 2030, and your new physical card should arrive around 16 Dec 2025.");
  g_assert_false (is_shown (child (fixture, "second_moment")));
  /* what the page shows first is the moment, above the drawn card */
  g_assert_true (gtk_widget_get_parent (child (fixture, "first_moment")) == child (fixture, "moments_box"));
  g_assert_true (gtk_widget_get_next_sibling (child (fixture, "moments_box")) == child (fixture, "face"));

  /* the callout leads to the Payment Methods page */
  g_signal_emit_by_name (moment_child (fixture, "first_moment", "action_button"), "clicked");
  g_assert_cmpuint (activations (fixture, "show-page"), ==, 1);
  g_assert_cmpstr (fixture->last_page, ==, "payment-methods");

  /* an active card can be frozen, not unfrozen */
  g_assert_true (is_shown (child (fixture, "freeze_button")));
  g_assert_false (is_shown (child (fixture, "unfreeze_button")));

  /* QUICPay starts working: the callout follows by itself, nothing left
   * to look at on Payment Methods */
  anshin_payment_method_set_state (find_method (fixture, ANSHIN_PAYMENT_METHOD_KIND_QUICPAY),
                                   ANSHIN_PAYMENT_METHOD_STATE_AVAILABLE);
  flush_main_context ();
  assert_moment (fixture, "first_moment", ANSHIN_MOMENT_KIND_RENEWAL_EXPECTED,
                 "Your card renewed as planned", "emblem-ok-symbolic", "success", NULL);
}

static void
test_card_page_migration_delayed (Fixture       *fixture,
                                  gconstpointer  user_data)
{
  g_autoptr(GDateTime) now = jst (2025, 12, 2, 9, 30);
  AnshinPaymentMethod *quicpay = find_method (fixture, ANSHIN_PAYMENT_METHOD_KIND_QUICPAY);
  AnshinPaymentMethod *apple_pay = find_method (fixture, ANSHIN_PAYMENT_METHOD_KIND_APPLE_PAY);
  g_autoptr(GDateTime) apple_pay_eta = jst (2025, 12, 2, 12, 0);
  const char *body;

  anshin_payment_method_set_state (quicpay, ANSHIN_PAYMENT_METHOD_STATE_UNAVAILABLE);
  anshin_payment_method_set_reason (quicpay, ANSHIN_PAYMENT_METHOD_REASON_RENEWAL_MIGRATION_DELAYED);
  anshin_payment_method_set_eta (quicpay, NULL);
  show (fixture, now);

  /* no date: what works now first, then what it costs, then the two
   * choices as rows, the reissue button right there */
  assert_moment (fixture, "first_moment", ANSHIN_MOMENT_KIND_METHOD_NOT_WORKING,
                 "Pay with Mastercard contactless today", "dialog-warning-symbolic", "warning", NULL);
  body = gtk_label_get_label (moment_child (fixture, "first_moment", "body_label"));
  /* since when: the renewal day (the issuer's "since" is when it last
   * changed the method's state, not when QUICPay stopped) */
  g_assert_cmpstr (body, ==,
                   "Tell the cashier “Mastercard”: QUICPay hasn't worked since your card renewed on "
                   "30 Nov 2025. Payments by Mastercard don't count "
                   "for the Tsubasa Shopping Program.");
  assert_choices (fixture, "first_moment");

  /* a second method updating, with a time: still QUICPay's moment, once */
  anshin_payment_method_set_state (apple_pay, ANSHIN_PAYMENT_METHOD_STATE_UPDATING);
  anshin_payment_method_set_eta (apple_pay, apple_pay_eta);
  flush_main_context ();
  assert_moment (fixture, "first_moment", ANSHIN_MOMENT_KIND_METHOD_NOT_WORKING,
                 "Pay with Mastercard contactless today", "dialog-warning-symbolic", "warning", NULL);
  g_assert_false (is_shown (child (fixture, "second_moment")));

  /* methods that work, or are simply not set up, need no callout */
  anshin_payment_method_set_state (quicpay, ANSHIN_PAYMENT_METHOD_STATE_NOT_SET_UP);
  anshin_payment_method_set_state (apple_pay, ANSHIN_PAYMENT_METHOD_STATE_AVAILABLE);
  flush_main_context ();
  g_assert_false (is_shown (child (fixture, "first_moment")));

  /* and none when there are no methods at all */
  anshin_payment_method_set_state (quicpay, ANSHIN_PAYMENT_METHOD_STATE_UNAVAILABLE);
  flush_main_context ();
  g_assert_true (is_shown (child (fixture, "first_moment")));
  g_list_store_remove_all (fixture->methods);
  flush_main_context ();
  g_assert_false (is_shown (child (fixture, "first_moment")));
}

static void
test_card_page_reissue (Fixture       *fixture,
                        gconstpointer  user_data)
{
  static const StepCase steps[] = {
    { "Renewal announced", "object-select-symbolic", "Done" },
    { "Card renewed", "object-select-symbolic", "Done" },
    { "Physical card being prepared", "object-select-symbolic", "Done" },
    { "New card number requested", "media-record-symbolic", "In progress" },
    { "New card number ready", "content-loading-symbolic", "Upcoming" },
    { "Physical card sent", "content-loading-symbolic", "Upcoming" },
    { "Physical card delivered", "content-loading-symbolic", "Upcoming" },
  };
  g_autoptr(GDateTime) requested = jst (2025, 12, 2, 10, 0);
  g_autoptr(GDateTime) ready = jst (2025, 12, 2, 13, 0);
  g_autoptr(GDateTime) now = jst (2025, 12, 2, 10, 5);
  AnshinPaymentMethod *quicpay = find_method (fixture, ANSHIN_PAYMENT_METHOD_KIND_QUICPAY);
  GtkListBox *list = child (fixture, "timeline_list");

  anshin_card_set_state (fixture->card, ANSHIN_CARD_STATE_REISSUING);
  anshin_card_set_reissue_status (fixture->card, ANSHIN_REISSUE_STATUS_IN_PROGRESS);
  anshin_card_set_reissue_new_number (fixture->card, TRUE);
  anshin_card_set_reissue_requested_at (fixture->card, requested);
  anshin_card_set_reissue_ready_eta (fixture->card, ready);
  anshin_payment_method_set_state (quicpay, ANSHIN_PAYMENT_METHOD_STATE_UNAVAILABLE);
  anshin_payment_method_set_reason (quicpay, ANSHIN_PAYMENT_METHOD_REASON_REISSUE_IN_PROGRESS);
  anshin_payment_method_set_eta (quicpay, ready);
  show (fixture, now);

  g_assert_cmpstr (gtk_label_get_label (child (fixture, "state_label")), ==, "Being reissued");
  assert_timeline (fixture, steps, G_N_ELEMENTS (steps));
  /* ready at 13:00 in Tokyo, shown on the holder's clock (tests run in UTC):
   * the callout says when (below); the timeline's "ready" step and "what
   * happens next" do not say it again */
  g_assert_false (is_shown (child (fixture, "next_group")));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (gtk_list_box_get_row_at_index (list, 4))), ==,
                   "You will see here when it is ready.");
  /* the reissue under way: what to pay with meanwhile, and a countdown */
  assert_moment (fixture, "first_moment", ANSHIN_MOMENT_KIND_REISSUE_IN_PROGRESS,
                 "Your new card number is being prepared", "dialog-information-symbolic", "info", NULL);
  g_assert_cmpstr (gtk_label_get_label (moment_child (fixture, "first_moment", "body_label")), ==,
                   "It should be ready at 2 Dec 2025, 04:00. Meanwhile, pay with "
                   "Mastercard contactless: QUICPay and the wallets are paused during the reissue.");
  g_assert_true (is_shown (moment_child (fixture, "first_moment", "countdown_label")));
  g_assert_true (g_str_has_prefix (gtk_label_get_label (moment_child (fixture, "first_moment",
                                                                      "countdown_label")),
                                   "Ready in 2 hours 5"));
  g_assert_false (is_shown (moment_child (fixture, "first_moment", "checklist_box")));

  /* three hours later the issuer reports the new number: the page follows
   * the card's own changes */
  anshin_card_set_reissue_status (fixture->card, ANSHIN_REISSUE_STATUS_COMPLETED);
  anshin_card_set_reissue_completed_at (fixture->card, ready);
  anshin_card_set_state (fixture->card, ANSHIN_CARD_STATE_ACTIVE);
  anshin_card_set_number_last4 (fixture->card, "5678");
  anshin_payment_method_set_state (quicpay, ANSHIN_PAYMENT_METHOD_STATE_AVAILABLE);
  anshin_payment_method_set_reason (quicpay, ANSHIN_PAYMENT_METHOD_REASON_NONE);
  flush_main_context ();

  g_assert_cmpstr (gtk_label_get_label (child (fixture, "state_label")), ==, "Active");
  g_assert_nonnull (strstr (anshin_card_face_get_description (child (fixture, "face")),
                            "ending in 5678"));
  /* no "ready in about 3 hours" next to the new number */
  g_assert_false (is_shown (moment_child (fixture, "first_moment", "countdown_label")) &&
                  anshin_moment_callout_get_moment (child (fixture, "first_moment")) != NULL &&
                  anshin_moment_get_kind (anshin_moment_callout_get_moment (child (fixture, "first_moment"))) ==
                  ANSHIN_MOMENT_KIND_REISSUE_IN_PROGRESS);

  /* and once the issuer's clock is there: done, with what is left to do */
  {
    g_autoptr(GDateTime) later = jst (2025, 12, 2, 13, 5);
    GtkWidget *checklist = moment_child (fixture, "first_moment", "checklist_box");
    GtkWidget *first_item;

    pages_test_account_set_now (fixture->account, later);
    flush_main_context ();
    assert_moment (fixture, "first_moment", ANSHIN_MOMENT_KIND_REISSUE_DONE,
                   "Your new card number is ready (•••• 5678)", "emblem-ok-symbolic", "success", NULL);
    g_assert_false (is_shown (moment_child (fixture, "first_moment", "countdown_label")));
    g_assert_true (is_shown (checklist));
    first_item = gtk_widget_get_first_child (checklist);
    g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (first_item)), ==,
                     "• Add the new number to Apple Pay and Google Pay.");
    g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (gtk_widget_get_next_sibling (first_item))), ==,
                     "• Update subscriptions and online shops that still use the old number.");
  }
}

/* Freezes the card as the issuer does: every method stops with it. */
static void
freeze (Fixture *fixture)
{
  anshin_card_set_state (fixture->card, ANSHIN_CARD_STATE_FROZEN);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (fixture->methods)); i++)
    {
      g_autoptr(AnshinPaymentMethod) method = g_list_model_get_item (G_LIST_MODEL (fixture->methods), i);

      anshin_payment_method_set_state (method, ANSHIN_PAYMENT_METHOD_STATE_UNAVAILABLE);
      anshin_payment_method_set_reason (method, ANSHIN_PAYMENT_METHOD_REASON_CARD_FROZEN);
      anshin_payment_method_set_eta (method, NULL);
    }
}

static void
test_card_page_frozen (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(GDateTime) now = jst (2025, 11, 30, 9, 30);
  AnshinCardFace *face = child (fixture, "face");
  GtkWidget *freeze_button = child (fixture, "freeze_button");
  GtkWidget *unfreeze_button = child (fixture, "unfreeze_button");
  GAction *unfreeze;

  freeze (fixture);
  show (fixture, now);

  g_assert_cmpstr (gtk_label_get_label (child (fixture, "state_label")), ==, "Frozen");
  g_assert_true (g_str_has_suffix (anshin_card_face_get_description (face), ", frozen"));
  g_assert_cmpstr (adw_preferences_row_get_title (child (fixture, "freeze_row")), ==,
                   "Your card is frozen");

  /* every method stopped with the card: that is no news worth a callout;
   * renewal day's moment stays what the page says first */
  assert_moment (fixture, "first_moment", ANSHIN_MOMENT_KIND_RENEWAL_EXPECTED,
                 "Your card renewed as planned", "emblem-ok-symbolic", "success", NULL);
  g_assert_false (is_shown (child (fixture, "second_moment")));

  /* a frozen card offers only unfreezing, and the button does it */
  g_assert_false (is_shown (freeze_button));
  g_assert_true (is_shown (unfreeze_button));
  g_signal_emit_by_name (unfreeze_button, "clicked");
  g_assert_cmpuint (activations (fixture, "unfreeze-card"), ==, 1);
  g_assert_cmpuint (activations (fixture, "freeze-card"), ==, 0);

  /* while the window can't unfreeze (a request in flight), it can't be pressed */
  unfreeze = g_action_map_lookup_action (G_ACTION_MAP (fixture->actions), "unfreeze-card");
  g_simple_action_set_enabled (G_SIMPLE_ACTION (unfreeze), FALSE);
  g_assert_false (gtk_widget_is_sensitive (unfreeze_button));
  g_simple_action_set_enabled (G_SIMPLE_ACTION (unfreeze), TRUE);
  g_assert_true (gtk_widget_is_sensitive (unfreeze_button));

  /* unfrozen by the issuer: the page follows the card */
  anshin_card_set_state (fixture->card, ANSHIN_CARD_STATE_ACTIVE);
  flush_main_context ();
  g_assert_true (is_shown (freeze_button));
  g_assert_false (is_shown (unfreeze_button));
  g_assert_false (g_str_has_suffix (anshin_card_face_get_description (face), ", frozen"));

  /* the methods still report the freeze for a moment: the explainer
   * leaves that to Payment Methods, the page keeps renewal day's moment */
  assert_moment (fixture, "first_moment", ANSHIN_MOMENT_KIND_RENEWAL_EXPECTED,
                 "Your card renewed as planned", "emblem-ok-symbolic", "success", NULL);
  g_assert_false (is_shown (child (fixture, "second_moment")));

  g_signal_emit_by_name (freeze_button, "clicked");
  g_assert_cmpuint (activations (fixture, "freeze-card"), ==, 1);

  /* a closed card can be neither */
  anshin_card_set_state (fixture->card, ANSHIN_CARD_STATE_CLOSED);
  flush_main_context ();
  g_assert_false (is_shown (freeze_button));
  g_assert_false (is_shown (unfreeze_button));
}

static void
test_card_page_offline (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(GDateTime) now = utc (2025, 12, 2, 10, 45);
  g_autoptr(GDateTime) as_of = utc (2025, 12, 2, 10, 42);
  g_autoptr(GDateTime) yesterday = utc (2025, 12, 1, 18, 5);
  GtkRevealer *revealer = child (fixture, "offline_revealer");
  GtkLabel *label = child (fixture, "offline_label");

  show (fixture, now);
  g_assert_false (gtk_revealer_get_reveal_child (revealer));

  /* a refresh at 10:42 while in touch: nothing to say */
  _anshin_account_set_as_of (fixture->account, as_of);
  flush_main_context ();
  g_assert_false (gtk_revealer_get_reveal_child (revealer));
  /* but when that was, next to the card's status, to the minute in its
   * tooltip and for screen readers */
  {
    GtkWidget *updated = child (fixture, "updated_label");

    g_assert_true (is_shown (updated));
    g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (updated)), ==, "Updated 3 minutes ago");
    g_assert_cmpstr (gtk_widget_get_tooltip_text (updated), ==, "Last updated 2 Dec 2025, 10:42");
    gtk_test_accessible_assert_property (updated, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                         "Last updated 2 Dec 2025, 10:42");
  }

  /* the issuer stops answering: the last known status stays, with its time */
  go_offline (fixture, as_of);
  g_assert_true (gtk_revealer_get_reveal_child (revealer));
  g_assert_cmpstr (gtk_label_get_label (label), ==,
                   "Showing status as of 10:42: can't reach the issuer");
  g_assert_cmpstr (gtk_label_get_label (child (fixture, "balance_label")), ==, "¥12,345");
  g_assert_cmpstr (gtk_actionable_get_action_name (child (fixture, "retry_button")), ==,
                   "win.refresh");
  g_signal_emit_by_name (child (fixture, "retry_button"), "clicked");
  g_assert_cmpuint (activations (fixture, "refresh"), ==, 1);

  /* a status from another day (the offline cache, say) says which day */
  go_offline (fixture, yesterday);
  g_assert_cmpstr (gtk_label_get_label (label), ==,
                   "Showing status as of 1 Dec 2025, 18:05: can't reach the issuer");

  /* back in touch */
  go_online (fixture);
  g_assert_false (gtk_revealer_get_reveal_child (revealer));
}

static void
on_notify_count_cb (GObject    *object,
                    GParamSpec *pspec,
                    gpointer    user_data)
{
  guint *count = user_data;

  (*count)++;
}

/* Marks what the page shows now: a rebuilt timeline has no such mark. */
static GtkListBoxRow *
mark_first_step (Fixture *fixture)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (child (fixture, "timeline_list"), 0);

  g_assert_nonnull (row);
  g_object_set_data (G_OBJECT (row), "test-mark", GUINT_TO_POINTER (TRUE));
  return row;
}

static gboolean
first_step_is_marked (Fixture *fixture)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (child (fixture, "timeline_list"), 0);

  return row != NULL && g_object_get_data (G_OBJECT (row), "test-mark") != NULL;
}

/* The page tells of a change once, and of nothing else: the same account
 * again is no change, nor is the issuer's clock moving by less than a
 * second (nothing is rebuilt either); no account at all is. */
static void
test_card_page_notifies_once (Fixture       *fixture,
                              gconstpointer  user_data)
{
  g_autoptr(GDateTime) now = jst (2025, 11, 30, 9, 5);
  g_autoptr(GDateTime) next_minute = jst (2025, 11, 30, 9, 6);
  g_autoptr(GDateTime) exact_now = NULL;
  g_autoptr(GDateTime) almost_now = NULL;
  guint notified = 0;
  guint account_notified = 0;
  guint card_notified = 0;

  show (fixture, now);
  flush_main_context ();
  mark_first_step (fixture);
  g_signal_connect (fixture->page, "notify", G_CALLBACK (on_notify_count_cb), &notified);

  /* the same account again is no change */
  anshin_card_page_set_account (fixture->page, fixture->account);
  flush_main_context ();
  g_assert_cmpuint (notified, ==, 0);

  /* the same time again (the issuer's clock half a second off) is no change */
  exact_now = anshin_account_dup_exact_now (fixture->account);
  almost_now = g_date_time_add (exact_now, G_TIME_SPAN_SECOND / 2);
  pages_test_account_set_now (fixture->account, almost_now);
  g_assert_cmpuint (notified, ==, 0);
  g_assert_true (first_step_is_marked (fixture));

  /* ...as a minute is: the page shows it against the new time */
  pages_test_account_set_now (fixture->account, next_minute);
  g_assert_cmpuint (notified, ==, 0);
  g_assert_false (first_step_is_marked (fixture));
  g_signal_handlers_disconnect_by_func (fixture->page, on_notify_count_cb, &notified);

  /* no account: told once of each, and nothing to show */
  g_signal_connect (fixture->page, "notify::account", G_CALLBACK (on_notify_count_cb), &account_notified);
  g_signal_connect (fixture->page, "notify::card", G_CALLBACK (on_notify_count_cb), &card_notified);
  anshin_card_page_set_account (fixture->page, NULL);
  g_assert_cmpuint (account_notified, ==, 1);
  g_assert_cmpuint (card_notified, ==, 1);
  g_assert_null (anshin_card_page_get_account (fixture->page));
  g_assert_null (anshin_card_page_get_card (fixture->page));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (child (fixture, "stack")), ==, "empty");
  g_signal_handlers_disconnect_by_func (fixture->page, on_notify_count_cb, &account_notified);
  g_signal_handlers_disconnect_by_func (fixture->page, on_notify_count_cb, &card_notified);
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (c, type))
        return c;
      if ((found = find_descendant (c, type)) != NULL)
        return found;
    }

  return NULL;
}

/* Renders @widget, on the window's background, to @name in the build
 * directory's screenshots/. */
static void
save_png (Fixture    *fixture,
          GtkWidget  *widget,
          const char *name)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_BUILT, "screenshots", NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GdkRGBA background;

  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);

  g_assert_true (gtk_style_context_lookup_color (gtk_widget_get_style_context (GTK_WIDGET (fixture->window)),
                                                 "window_bg_color", &background));
  gtk_snapshot_append_color (snapshot, &background, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);

  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (fixture->window)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("Card page rendered to %s", path);
}

/* The window as the holder sees it, and the whole page as if they had
 * scrolled through it. */
static void
save_screenshots (Fixture    *fixture,
                  const char *state,
                  const char *lang)
{
  g_autofree char *window_name = g_strdup_printf ("card-page%s-%s.png", state, lang);
  g_autofree char *full_name = g_strdup_printf ("card-page%s-full-%s.png", state, lang);
  GtkWidget *content;

  gtk_window_present (fixture->window);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  flush_main_context ();
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));

  save_png (fixture, GTK_WIDGET (fixture->window), window_name);
  content = gtk_stack_get_child_by_name (child (fixture, "stack"), "card");
  save_png (fixture, find_descendant (content, ADW_TYPE_CLAMP), full_name);
}

/* Renewal day with the QUICPay callout, a moment after the issuer stopped
 * answering: the busiest the page gets. Then the same card frozen. In its
 * own process, so that the locale and the time zone stay with it. */
static void
test_card_page_screenshots (gconstpointer data)
{
  const char *lang = data;

  if (g_test_subprocess ())
    {
      Fixture fixture = { 0 };
      g_autoptr(GDateTime) now = jst (2025, 11, 30, 9, 5);
      g_autoptr(GDateTime) as_of = jst (2025, 11, 30, 9, 2);

      /* the seed story happens in Japan */
      g_setenv ("TZ", "Asia/Tokyo", TRUE);
      if (g_str_equal (lang, "ja"))
        g_assert_nonnull (setlocale (LC_ALL, "ja_JP.UTF-8"));

      fixture_set_up (&fixture, NULL);
      gtk_window_set_decorated (fixture.window, FALSE);
      show (&fixture, now);
      go_offline (&fixture, as_of);
      save_screenshots (&fixture, "", lang);

      go_online (&fixture);
      freeze (&fixture);
      save_screenshots (&fixture, "-frozen", lang);

      /* a phone-sized window, as narrow as the main window goes */
      gtk_window_set_default_size (fixture.window, 360, 800);
      save_screenshots (&fixture, "-narrow", lang);
      fixture_tear_down (&fixture, NULL);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

static void
load_style (void)
{
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

  gtk_css_provider_load_from_resource (provider, RESOURCE_BASE "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("ANSHIN_LOCALEDIR");

  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* GTK's in-process accessibility backend, which talks to no bus: the
   * accessible labels a screen reader would read can then be checked */
  g_setenv ("GTK_A11Y", "test", TRUE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  load_style ();

  /* what the tests see is where things end up, not halfway there */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

#define ADD(path, func) \
  g_test_add ("/card-page/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("no-card", test_card_page_no_card);
  ADD ("renewal-day", test_card_page_renewal_day);
  ADD ("migration-delayed", test_card_page_migration_delayed);
  ADD ("reissue", test_card_page_reissue);
  ADD ("frozen", test_card_page_frozen);
  ADD ("offline", test_card_page_offline);
  ADD ("notifies-once", test_card_page_notifies_once);
  g_test_add_data_func ("/card-page/screenshots/en", "en", test_card_page_screenshots);
  g_test_add_data_func ("/card-page/screenshots/ja", "ja", test_card_page_screenshots);

#undef ADD

  return g_test_run ();
}
