/* test-notices-page.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Notices page with the seed story's notices (the renewal announced,
 * the "card activation complete" notice on renewal day) and the
 * unexpected-activation scenario, checked for what the holder sees: the
 * plain headlines, unread marks, the explanation with its verdict and
 * evidence, buttons that activate the window's actions, the issuer's own
 * text, ::notice-opened, and the fold on narrow windows; in a slot (as
 * in the main window), nothing made before the slot is shown or asked for
 * the page (to open a notice), then the same list, explanations and empty
 * state with the account the slot was given (the mechanism itself is
 * test-page-slot.c's). Rendered to PNG in English and Japanese.
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <adwaita.h>

#include "anshin-explanation-view.h"
#include "anshin-labels.h"
#include "anshin-list-detail.h"
#include "anshin-notice-row.h"
#include "anshin-notices-page.h"
#include "anshin-page-slot.h"
#include "pages-test-util.h"

#define ACTIVATION_TITLE "【つばさペイ】カード有効化完了のお知らせ"
#define ACTIVATION_BODY "ご利用のつばさペイ プリペイドカードの有効化が完了しました。新しい有効期限は2030年11月です。" \
                        "お心当たりのない場合はカスタマーセンターまでご連絡ください。"

typedef struct {
  GtkWindow         *window;
  AnshinPageSlot    *slot;      /* in a slot, as in the main window */
  AnshinNoticesPage *page;      /* in a slot: once made */
  PagesTestActions  *actions;
  AnshinAccount     *account;   /* what the page follows, once shown */
  AnshinCard        *card;      /* the account's, once shown */
  GListStore        *methods;
  GListStore        *programs;
  GListStore        *notices;
  GPtrArray         *opened;    /* notices ::notice-opened reported */
} Fixture;

static AnshinNotice *
new_notice (const char       *id,
            AnshinNoticeCode  code,
            GDateTime        *issued_at,
            const char       *title,
            const char       *body,
            gboolean          read)
{
  AnshinNotice *notice = anshin_notice_new ();

  anshin_notice_set_id (notice, id);
  anshin_notice_set_code (notice, code);
  anshin_notice_set_issued_at (notice, issued_at);
  anshin_notice_set_channel (notice, ANSHIN_NOTICE_CHANNEL_EMAIL);
  anshin_notice_set_title (notice, title);
  anshin_notice_set_body (notice, body);
  anshin_notice_set_read (notice, read);

  return notice;
}

/* Renewal day, newest first: the activation notice (unread) and the
 * renewal announced three months before (read). */
static void
fill_seed_notices (GListStore *notices)
{
  g_autoptr(GDateTime) activated = pages_test_jst (2025, 11, 30, 9, 0);
  g_autoptr(GDateTime) announced = pages_test_jst (2025, 8, 30, 10, 0);
  g_autoptr(AnshinNotice) activation = new_notice ("ntc_2", ANSHIN_NOTICE_CODE_CARD_ACTIVATED, activated,
                                                   ACTIVATION_TITLE, ACTIVATION_BODY, FALSE);
  g_autoptr(AnshinNotice) renewal = new_notice ("ntc_1", ANSHIN_NOTICE_CODE_RENEWAL_SCHEDULED, announced,
                                                "【つばさペイ】カード更新のお知らせ",
                                                "2025年11月30日に、有効期限を迎えるつばさペイ プリペイドカードを自動で更新します。",
                                                TRUE);

  anshin_notice_set_param (renewal, "renewal_date", "2025-11-30");
  g_list_store_append (notices, activation);
  g_list_store_append (notices, renewal);
}

static void
on_notice_opened_cb (AnshinNoticesPage *page,
                     AnshinNotice      *notice,
                     Fixture           *fixture)
{
  g_ptr_array_add (fixture->opened, g_object_ref (notice));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  fixture->actions = pages_test_actions_new ();
  fixture->card = pages_test_renewed_card ();
  fixture->methods = g_list_store_new (ANSHIN_TYPE_PAYMENT_METHOD);
  pages_test_renewal_day (fixture->methods);
  fixture->programs = pages_test_programs ();
  fixture->notices = g_list_store_new (ANSHIN_TYPE_NOTICE);
  fill_seed_notices (fixture->notices);
  fixture->opened = g_ptr_array_new_with_free_func (g_object_unref);

  fixture->window = g_object_ref (GTK_WINDOW (gtk_window_new ()));
  gtk_window_set_default_size (fixture->window, 960, 760);
  gtk_widget_insert_action_group (GTK_WIDGET (fixture->window), "win",
                                  G_ACTION_GROUP (fixture->actions->group));
  /* user_data: whether the page is in a slot, as in the main window */
  if (GPOINTER_TO_INT (user_data))
    {
      fixture->slot = g_object_ref (ANSHIN_PAGE_SLOT (anshin_page_slot_new (ANSHIN_TYPE_NOTICES_PAGE)));
      gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->slot));
      return;
    }

  fixture->page = g_object_ref (ANSHIN_NOTICES_PAGE (anshin_notices_page_new ()));
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->page));
  g_signal_connect (fixture->page, "notice-opened", G_CALLBACK (on_notice_opened_cb), fixture);
}

/* The page the slot made (shown, or asked): fixture->page from now on */
static void
take_slot_page (Fixture *fixture)
{
  GtkWidget *page = anshin_page_slot_get_page (fixture->slot);

  g_assert_nonnull (page);
  g_assert_null (fixture->page);
  fixture->page = g_object_ref (ANSHIN_NOTICES_PAGE (page));
  g_signal_connect (fixture->page, "notice-opened", G_CALLBACK (on_notice_opened_cb), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  AnshinNoticesPage *page = g_steal_pointer (&fixture->page);

  if (page != NULL)
    g_signal_handlers_disconnect_by_func (page, on_notice_opened_cb, fixture);
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
  g_clear_object (&fixture->notices);
  g_clear_pointer (&fixture->opened, g_ptr_array_unref);
  g_clear_pointer (&fixture->actions, pages_test_actions_free);
}

/* An account holding the card, methods, programmes and notices, as a
 * refresh at @now on the issuer's clock leaves it; from then on
 * fixture->card and the stores are the account's. */
static void
new_account (Fixture   *fixture,
             GDateTime *now)
{
  g_assert_null (fixture->account);
  fixture->account = pages_test_account_new (&fixture->card, &fixture->methods, &fixture->programs,
                                             &fixture->notices, now);
}

/* The page follows the account. */
static void
show (Fixture   *fixture,
      GDateTime *now)
{
  new_account (fixture, now);
  anshin_notices_page_set_account (fixture->page, fixture->account);
  gtk_window_present (fixture->window);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  pages_test_flush ();
}

static gpointer
page_child (Fixture    *fixture,
            const char *name)
{
  return pages_test_template_child (GTK_WIDGET (fixture->page), ANSHIN_TYPE_NOTICES_PAGE, name);
}

/* What the explanation side shows: "none" (choose a notice) or "notice" */
static const char *
content_shown (Fixture *fixture)
{
  return anshin_list_detail_get_showing_detail (page_child (fixture, "split")) ? "notice" : "none";
}

static gpointer
view_child (Fixture    *fixture,
            const char *name)
{
  return pages_test_template_child (page_child (fixture, "explanation_view"),
                                    ANSHIN_TYPE_EXPLANATION_VIEW, name);
}

static AnshinNoticeRow *
row_at (Fixture *fixture,
        int      index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (page_child (fixture, "list_box"), index);

  g_assert_nonnull (row);
  return ANSHIN_NOTICE_ROW (row);
}

static const char *
row_text (AnshinNoticeRow *row,
          const char      *name)
{
  GObject *label = gtk_widget_get_template_child (GTK_WIDGET (row), ANSHIN_TYPE_NOTICE_ROW, name);

  return gtk_label_get_label (GTK_LABEL (label));
}

/* What clicking a row does. */
static void
open_row (Fixture *fixture,
          int      index)
{
  g_signal_emit_by_name (page_child (fixture, "list_box"), "row-activated", row_at (fixture, index));
  pages_test_flush ();
}

/* The label under the explanation that contains @text; it must show. */
static void
assert_explained (Fixture    *fixture,
                  const char *text)
{
  GtkLabel *label = pages_test_find_label (page_child (fixture, "explanation_view"), text);

  if (label == NULL)
    g_error ("the explanation doesn't say “%s”", text);
  g_assert_true (pages_test_is_shown (GTK_WIDGET (label)));
}

static void
assert_badge (Fixture    *fixture,
              const char *label,
              const char *icon_name,
              const char *style_class)
{
  GtkWidget *badge = view_child (fixture, "expectation_badge");

  g_assert_true (pages_test_is_shown (badge));
  g_assert_cmpstr (gtk_label_get_label (view_child (fixture, "expectation_label")), ==, label);
  g_assert_cmpstr (gtk_image_get_icon_name (view_child (fixture, "expectation_icon")), ==, icon_name);
  g_assert_true (gtk_widget_has_css_class (badge, style_class));
}

static void
test_list (Fixture       *fixture,
           gconstpointer  user_data)
{
  g_autoptr(GDateTime) now = pages_test_jst (2025, 11, 30, 9, 5);
  g_autoptr(GDateTime) later = pages_test_jst (2025, 11, 30, 11, 0);
  AnshinNoticeRow *activation;
  AnshinNoticeRow *renewal;

  show (fixture, now);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (page_child (fixture, "stack")), ==, "notices");

  /* newest first, by the issuer's own subject (what is in the holder's
   * mail), with the app's verdict as a badge */
  activation = row_at (fixture, 0);
  g_assert_cmpstr (row_text (activation, "headline_label"), ==, ACTIVATION_TITLE);
  g_assert_cmpstr (row_text (activation, "badge_label"), ==, "Expected");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (activation),
                                                                          ANSHIN_TYPE_NOTICE_ROW,
                                                                          "badge_label")), "success"));
  g_assert_cmpstr (row_text (activation, "meta_label"), ==, "Email · 5 minutes ago");
  renewal = row_at (fixture, 1);
  g_assert_cmpstr (row_text (renewal, "headline_label"), ==, "【つばさペイ】カード更新のお知らせ");
  g_assert_cmpstr (row_text (renewal, "badge_label"), ==, "Expected");
  g_assert_true (g_str_has_prefix (row_text (renewal, "meta_label"), "Email · "));

  /* unread: the dot and the bold headline */
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (activation), "unread"));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (renewal), "unread"));

  /* nothing is opened by itself */
  g_assert_cmpuint (fixture->opened->len, ==, 0);
  g_assert_cmpstr (content_shown (fixture), ==, "none");

  /* the issuer's clock moves the relative dates */
  pages_test_account_set_now (fixture->account, later);
  g_assert_cmpstr (row_text (row_at (fixture, 0), "meta_label"), ==, "Email · 2 hours ago");
}

static void
test_open_renewal_day (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(GDateTime) now = pages_test_jst (2025, 11, 30, 9, 5);
  g_autoptr(AnshinNotice) activation = g_list_model_get_item (G_LIST_MODEL (fixture->notices), 0);
  GtkWidget *view_methods;

  show (fixture, now);
  open_row (fixture, 0);

  /* the window hears of it, to mark it read on the issuer */
  g_assert_cmpuint (fixture->opened->len, ==, 1);
  g_assert_true (g_ptr_array_index (fixture->opened, 0) == activation);
  g_assert_true (anshin_notices_page_get_selected (fixture->page) == activation);
  g_assert_true (gtk_list_box_get_selected_row (page_child (fixture, "list_box")) ==
                 GTK_LIST_BOX_ROW (row_at (fixture, 0)));

  /* the scary notice, explained: expected, and why */
  g_assert_cmpstr (content_shown (fixture), ==, "notice");
  g_assert_cmpstr (gtk_label_get_label (view_child (fixture, "headline_label")), ==,
                   "Your card was renewed as planned");
  assert_badge (fixture, "Expected", "object-select-symbolic", "success");
  assert_explained (fixture, "This is the renewal announced on 30 Aug 2025.");
  assert_explained (fixture, "Your card number has not changed (•••• 4821).");
  assert_explained (fixture, "Nothing for the card itself, but");

  /* when each lagging method should work: rows with dates, the methods
   * that share a time on one row, not a sentence each */
  {
    GtkListBox *schedule = view_child (fixture, "schedule_box");
    AdwActionRow *quicpay = ADW_ACTION_ROW (gtk_list_box_get_row_at_index (schedule, 0));
    AdwActionRow *wallets = ADW_ACTION_ROW (gtk_list_box_get_row_at_index (schedule, 1));

    g_assert_true (pages_test_is_shown (GTK_WIDGET (schedule)));
    g_assert_cmpuint (pages_test_count_rows (schedule), ==, 2);
    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (quicpay)), ==, "QUICPay");
    g_assert_cmpstr (adw_action_row_get_subtitle (quicpay), ==, "Expected from 2 Dec 2025, 09:00");
    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (wallets)), ==, "Apple Pay and Google Pay");
    g_assert_cmpstr (adw_action_row_get_subtitle (wallets), ==, "Expected from 12:00 today");
    g_assert_null (pages_test_find_label (page_child (fixture, "explanation_view"), "The issuer expects"));
  }

  /* the payment methods that lag, one click away */
  view_methods = pages_test_find_actionable (page_child (fixture, "explanation_view"),
                                             "win.show-page", "payment-methods");
  g_assert_nonnull (view_methods);
  g_assert_true (pages_test_is_shown (view_methods));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (view_methods)), ==, "View Payment Methods");
  g_signal_emit_by_name (view_methods, "clicked");
  g_assert_cmpuint (pages_test_actions_count (fixture->actions, "show-page"), ==, 1);
  g_assert_cmpstr (fixture->actions->last_target, ==, "payment-methods");

  /* the issuer's own words, for reference */
  g_assert_cmpstr (gtk_label_get_label (page_child (fixture, "issuer_title_label")), ==, ACTIVATION_TITLE);
  g_assert_cmpstr (gtk_label_get_label (page_child (fixture, "issuer_body_label")), ==, ACTIVATION_BODY);
  g_assert_cmpstr (gtk_label_get_label (page_child (fixture, "issuer_meta_label")), ==,
                   "Email · 30 Nov 2025, 09:00");
  g_assert_true (pages_test_is_shown (page_child (fixture, "issuer_body_label")));

  /* once the window has marked it read, the dot goes */
  anshin_notice_set_read (activation, TRUE);
  pages_test_flush ();
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (row_at (fixture, 0)), "unread"));
}

/* The unexpected-activation scenario: no renewal, no reissue, and yet
 * "card activation complete". */
static void
test_unexpected (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(GDateTime) activated = pages_test_jst (2026, 2, 10, 14, 20);
  g_autoptr(GDateTime) now = pages_test_jst (2026, 2, 10, 14, 30);
  g_autoptr(AnshinNotice) notice = new_notice ("ntc_9", ANSHIN_NOTICE_CODE_CARD_ACTIVATED, activated,
                                               ACTIVATION_TITLE, ACTIVATION_BODY, FALSE);
  GtkWidget *attention;
  GtkWidget *freeze;
  GtkWidget *contact;

  anshin_card_set_renewal_status (fixture->card, ANSHIN_RENEWAL_STATUS_NONE);
  anshin_card_set_renewal_date (fixture->card, NULL);
  anshin_card_set_renewal_announced_at (fixture->card, NULL);
  anshin_card_set_renewal_completed_at (fixture->card, NULL);
  g_list_store_remove_all (fixture->notices);
  g_list_store_append (fixture->notices, notice);
  show (fixture, now);

  /* flagged in the list already */
  g_assert_cmpstr (row_text (row_at (fixture, 0), "headline_label"), ==, ACTIVATION_TITLE);
  attention = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (row_at (fixture, 0)),
                                                         ANSHIN_TYPE_NOTICE_ROW, "badge_label"));
  g_assert_true (pages_test_is_shown (attention));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (attention)), ==, "Unexpected");
  g_assert_true (gtk_widget_has_css_class (attention, "error"));

  open_row (fixture, 0);
  assert_badge (fixture, "Unexpected", "emblem-important-symbolic", "error");
  assert_explained (fixture, "nothing you were told explains this activation");
  assert_explained (fixture, "Freeze your card now so nobody can pay with it");

  /* freezing comes first, and really freezes */
  freeze = pages_test_find_actionable (page_child (fixture, "explanation_view"), "win.freeze-card", NULL);
  g_assert_nonnull (freeze);
  g_assert_true (pages_test_is_shown (freeze));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (freeze)), ==, "_Freeze Card");
  g_assert_true (gtk_widget_has_css_class (freeze, "suggested-action"));
  g_signal_emit_by_name (freeze, "clicked");
  g_assert_cmpuint (pages_test_actions_count (fixture->actions, "freeze-card"), ==, 1);

  /* contacting the issuer: who, and what to have ready */
  contact = pages_test_find_button (page_child (fixture, "explanation_view"), "Contact the Issuer");
  g_assert_nonnull (contact);
  g_assert_true (pages_test_is_shown (contact));
  g_assert_nonnull (pages_test_find_label (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (contact))),
                                           "Call the Tsubasa Pay customer center"));
  g_assert_nonnull (pages_test_find_label (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (contact))),
                                           "(•••• 4821)"));

  /* once frozen (the window refreshes the card), no second freeze */
  anshin_card_set_state (fixture->card, ANSHIN_CARD_STATE_FROZEN);
  pages_test_flush ();
  g_assert_null (pages_test_find_actionable (page_child (fixture, "explanation_view"), "win.freeze-card", NULL));
  assert_explained (fixture, "Your card is already frozen");
}

static void
test_select_notice (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(GDateTime) now = pages_test_jst (2025, 11, 30, 9, 5);
  g_autoptr(AnshinNotice) renewal = g_list_model_get_item (G_LIST_MODEL (fixture->notices), 1);
  g_autoptr(GDateTime) issued = pages_test_jst (2025, 11, 30, 9, 10);
  g_autoptr(AnshinNotice) newer = new_notice ("ntc_3", ANSHIN_NOTICE_CODE_PHYSICAL_CARD_SHIPPED, issued,
                                              "【つばさペイ】カード発送のお知らせ", "更新後の物理カードを発送しました。",
                                              FALSE);

  show (fixture, now);

  /* as a clicked desktop notification does */
  g_assert_true (anshin_notices_page_select_notice (fixture->page, "ntc_1"));
  g_assert_cmpuint (fixture->opened->len, ==, 1);
  g_assert_true (g_ptr_array_index (fixture->opened, 0) == renewal);
  g_assert_cmpstr (gtk_label_get_label (view_child (fixture, "headline_label")), ==,
                   "Your card will be renewed on 30 Nov 2025");
  g_assert_true (gtk_list_box_get_selected_row (page_child (fixture, "list_box")) ==
                 GTK_LIST_BOX_ROW (row_at (fixture, 1)));

  g_assert_false (anshin_notices_page_select_notice (fixture->page, "ntc_unknown"));
  g_assert_cmpuint (fixture->opened->len, ==, 1);

  /* a new notice arrives on top: the open one stays open and selected */
  g_list_store_insert (fixture->notices, 0, newer);
  g_assert_true (anshin_notices_page_get_selected (fixture->page) == renewal);
  g_assert_true (gtk_list_box_get_selected_row (page_child (fixture, "list_box")) ==
                 GTK_LIST_BOX_ROW (row_at (fixture, 2)));
  g_assert_cmpstr (gtk_label_get_label (view_child (fixture, "headline_label")), ==,
                   "Your card will be renewed on 30 Nov 2025");
}

/* No notices (yet): the empty state, until the first one comes.
 * user_data: whether the page is in a slot, and so made when shown */
static void
test_empty (Fixture       *fixture,
            gconstpointer  user_data)
{
  g_autoptr(GDateTime) now = pages_test_jst (2025, 8, 30, 9, 0);
  g_autoptr(GListStore) none = g_list_store_new (ANSHIN_TYPE_NOTICE);
  g_autoptr(AnshinNotice) first = g_list_model_get_item (G_LIST_MODEL (fixture->notices), 1);
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
      g_assert_cmpstr (gtk_stack_get_visible_child_name (page_child (fixture, "stack")), ==, "empty");
    }

  /* an account with the card but no notices (in a slot: the page is
   * made with it when shown) */
  fixture->account = pages_test_account_new (&fixture->card, &fixture->methods, &fixture->programs,
                                             &none, now);
  if (GPOINTER_TO_INT (user_data))
    {
      anshin_page_slot_set_account (fixture->slot, fixture->account);
      gtk_window_present (fixture->window);
      pages_test_flush ();
      take_slot_page (fixture);
    }
  else
    anshin_notices_page_set_account (fixture->page, fixture->account);
  g_assert_true (adw_bin_get_child (ADW_BIN (fixture->page)) == page_child (fixture, "stack"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (page_child (fixture, "stack")), ==, "empty");
  empty_page = ADW_STATUS_PAGE (gtk_stack_get_visible_child (page_child (fixture, "stack")));
  g_assert_cmpstr (adw_status_page_get_title (empty_page), ==, "No notices");
  g_assert_cmpuint (strlen (adw_status_page_get_description (empty_page)), >, 60);

  /* @none is the account's now */
  g_list_store_append (none, first);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (page_child (fixture, "stack")), ==, "notices");
  g_assert_cmpuint (pages_test_count_rows (page_child (fixture, "list_box")), ==, 1);
}

/* Activates @widget's keyboard shortcut for @accelerator ("Escape"), as
 * pressing the keys does; FALSE if it has none. */
static gboolean
press (GtkWidget  *widget,
       const char *accelerator)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autofree char *trigger = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));

          if (g_strcmp0 (trigger, accelerator) == 0)
            {
              gboolean done = gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, widget,
                                                            gtk_shortcut_get_arguments (shortcut));
              pages_test_flush ();
              return done;
            }
        }
    }

  return FALSE;
}

static void
resize (Fixture *fixture,
        int      width)
{
  gtk_window_set_default_size (fixture->window, width, 640);
  /* the X server takes its time */
  for (guint i = 0; i < 50 && gtk_widget_get_width (GTK_WIDGET (fixture->window)) != width; i++)
    {
      gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
      pages_test_flush ();
      g_usleep (10000);
    }
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  pages_test_flush ();
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture->window)), ==, width);
}

/* The list and the explanation side by side while both fit, one column as
 * soon as they don't: the list first, a notice over it with a back button
 * at its top, and back with the button, Escape or Alt+Left. */
static void
test_folded (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autoptr(GDateTime) now = pages_test_jst (2025, 11, 30, 9, 5);
  GtkWidget *split = page_child (fixture, "split");
  GtkWidget *list = page_child (fixture, "list_box");
  GtkWidget *view = page_child (fixture, "explanation_view");
  GtkWidget *back;

  /* the default size shows both, with no back button */
  show (fixture, now);
  open_row (fixture, 0);
  back = pages_test_find_actionable (split, "list-detail.back", NULL);
  g_assert_nonnull (back);
  g_assert_true (pages_test_is_shown (list));
  g_assert_true (pages_test_is_shown (view));
  g_assert_false (pages_test_is_shown (back));
  g_assert_false (anshin_list_detail_get_folded (ANSHIN_LIST_DETAIL (split)));
  /* Escape does nothing there: both are already in sight */
  g_assert_false (press (split, "Escape"));
  g_assert_true (pages_test_is_shown (list));

  /* two columns that no longer fit (the explanation would be narrower
   * than it reads well) make one */
  resize (fixture, 640);
  g_assert_true (anshin_list_detail_get_folded (ANSHIN_LIST_DETAIL (split)));
  g_assert_true (pages_test_is_shown (view));
  g_assert_false (pages_test_is_shown (list));
  g_assert_true (pages_test_is_shown (back));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (back), ==, "Back to Notices");
  g_assert_cmpstr (adw_button_content_get_label (ADW_BUTTON_CONTENT (gtk_button_get_child (GTK_BUTTON (back)))),
                   ==, "Notices");
  g_assert_true (press (split, "Escape"));
  g_assert_true (pages_test_is_shown (list));
  g_assert_false (pages_test_is_shown (view));

  /* a phone-sized window: one column, the list first, then the notice,
   * then back */
  resize (fixture, 360);
  g_assert_true (anshin_list_detail_get_folded (ANSHIN_LIST_DETAIL (split)));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture->page)), <=, 360);
  g_assert_true (pages_test_is_shown (list));
  g_assert_false (pages_test_is_shown (view));

  open_row (fixture, 1);
  g_assert_true (pages_test_is_shown (view));
  g_assert_false (pages_test_is_shown (list));
  g_assert_cmpstr (gtk_label_get_label (view_child (fixture, "headline_label")), ==,
                   "Your card will be renewed on 30 Nov 2025");
  g_signal_emit_by_name (back, "clicked");
  pages_test_flush ();
  g_assert_true (pages_test_is_shown (list));
  g_assert_false (pages_test_is_shown (view));

  open_row (fixture, 0);
  g_assert_true (pages_test_is_shown (view));
  g_assert_true (press (split, "<Alt>Left"));
  g_assert_true (pages_test_is_shown (list));
  /* the list keeps the notice last opened highlighted */
  g_assert_true (gtk_list_box_get_selected_row (GTK_LIST_BOX (list)) ==
                 GTK_LIST_BOX_ROW (row_at (fixture, 0)));

  /* widening again shows both, the notice still open */
  resize (fixture, 960);
  g_assert_false (anshin_list_detail_get_folded (ANSHIN_LIST_DETAIL (split)));
  g_assert_true (pages_test_is_shown (list));
  g_assert_true (pages_test_is_shown (view));
  g_assert_false (pages_test_is_shown (back));
}

/* The open explanation follows the account: it is redrawn when a method
 * starts working and as the issuer's clock moves, never left saying what
 * is no longer true. */
static void
test_follows (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_autoptr(GDateTime) now = pages_test_jst (2025, 11, 30, 11, 0);
  g_autoptr(GDateTime) evening = pages_test_jst (2025, 11, 30, 20, 0);
  g_autoptr(GDateTime) next_day = pages_test_jst (2025, 12, 1, 10, 30);
  g_autoptr(GDateTime) failed = pages_test_jst (2025, 11, 30, 10, 0);
  g_autoptr(AnshinNotice) locked = new_notice ("ntc_3", ANSHIN_NOTICE_CODE_CHARGE_CARD_REGISTRATION_LOCKED,
                                               failed, "【つばさペイ】クレジットカード登録エラー回数制限のお知らせ",
                                               NULL, FALSE);
  GtkWidget *view = page_child (fixture, "explanation_view");
  guint n_methods;

  show (fixture, now);
  open_row (fixture, 0);
  assert_explained (fixture, "Nothing for the card itself, but");

  /* the issuer says QUICPay, Apple Pay and Google Pay work now */
  n_methods = g_list_model_get_n_items (G_LIST_MODEL (fixture->methods));
  for (guint i = 0; i < n_methods; i++)
    {
      g_autoptr(AnshinPaymentMethod) method = g_list_model_get_item (G_LIST_MODEL (fixture->methods), i);

      anshin_payment_method_set_state (method, ANSHIN_PAYMENT_METHOD_STATE_AVAILABLE);
      anshin_payment_method_set_reason (method, ANSHIN_PAYMENT_METHOD_REASON_NONE);
      anshin_payment_method_set_eta (method, NULL);
    }
  pages_test_flush ();
  g_assert_cmpstr (gtk_label_get_label (view_child (fixture, "headline_label")), ==,
                   "Your card was renewed as planned");
  assert_explained (fixture, "You don't need to do anything.");
  g_assert_null (pages_test_find_label (view, "Nothing for the card itself"));
  g_assert_null (pages_test_find_label (view, "QUICPay"));

  /* the 24-hour lock: its countdown moves with the issuer's clock */
  anshin_notice_set_param (locked, "locked_until", "2025-12-01T10:00:00+09:00");
  g_list_store_insert (fixture->notices, 0, locked);
  pages_test_flush ();
  g_assert_true (anshin_notices_page_select_notice (fixture->page, "ntc_3"));
  assert_explained (fixture, "in about 23 hours");

  pages_test_account_set_now (fixture->account, evening);
  pages_test_flush ();
  assert_explained (fixture, "in about 14 hours");
  g_assert_null (pages_test_find_label (view, "in about 23 hours"));

  /* and once it is over, it says so */
  pages_test_account_set_now (fixture->account, next_day);
  pages_test_flush ();
  g_assert_cmpstr (gtk_label_get_label (view_child (fixture, "headline_label")), ==,
                   "You can add a charge card again");
  g_assert_null (pages_test_find_label (view, "in about"));
}

/* In a slot (as in the main window) nothing is made until the slot is
 * shown; then the page lists the notices of the account the slot was
 * given, and explains them against its card, as a page made on its own
 * does. */
static void
test_slot (Fixture       *fixture,
           gconstpointer  user_data)
{
  g_autoptr(GDateTime) now = pages_test_jst (2025, 11, 30, 9, 5);
  guint notified = 0;

  g_assert_null (anshin_page_slot_get_page (fixture->slot));

  /* no account is no change: nothing told, nothing made */
  g_signal_connect (fixture->slot, "notify", G_CALLBACK (pages_test_count_notify_cb), &notified);
  anshin_page_slot_set_account (fixture->slot, NULL);
  g_assert_cmpuint (notified, ==, 0);
  g_assert_null (anshin_page_slot_get_page (fixture->slot));
  g_signal_handlers_disconnect_by_func (fixture->slot, pages_test_count_notify_cb, &notified);

  /* an account that changes before the page is made makes nothing */
  new_account (fixture, now);
  anshin_card_set_balance (fixture->card, 12000);
  pages_test_flush ();
  g_assert_null (anshin_page_slot_get_page (fixture->slot));

  /* nor does giving the slot the account, told once */
  notified = 0;
  g_signal_connect (fixture->slot, "notify::account", G_CALLBACK (pages_test_count_notify_cb), &notified);
  anshin_page_slot_set_account (fixture->slot, fixture->account);
  g_assert_cmpuint (notified, ==, 1);
  g_signal_handlers_disconnect_by_func (fixture->slot, pages_test_count_notify_cb, &notified);
  g_assert_null (anshin_page_slot_get_page (fixture->slot));

  /* showing it makes the page, with the account: the list in plain words */
  gtk_window_present (fixture->window);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  pages_test_flush ();
  take_slot_page (fixture);
  g_assert_true (anshin_notices_page_get_account (fixture->page) == fixture->account);
  g_assert_null (anshin_notices_page_get_selected (fixture->page));
  g_assert_true (adw_bin_get_child (ADW_BIN (fixture->page)) == page_child (fixture, "stack"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (page_child (fixture, "stack")), ==, "notices");
  g_assert_cmpuint (pages_test_count_rows (page_child (fixture, "list_box")), ==, 2);
  g_assert_cmpstr (row_text (row_at (fixture, 0), "headline_label"), ==, ACTIVATION_TITLE);
  g_assert_cmpstr (row_text (row_at (fixture, 0), "badge_label"), ==, "Expected");
  g_assert_cmpstr (row_text (row_at (fixture, 0), "meta_label"), ==, "Email · 5 minutes ago");
  g_assert_cmpstr (row_text (row_at (fixture, 1), "headline_label"), ==,
                   "【つばさペイ】カード更新のお知らせ");
  g_assert_cmpstr (content_shown (fixture), ==, "none");
  g_assert_true (pages_test_is_shown (GTK_WIDGET (row_at (fixture, 0))));

  /* a click opens and explains it, against the account's card */
  open_row (fixture, 0);
  g_assert_cmpuint (fixture->opened->len, ==, 1);
  g_assert_cmpstr (content_shown (fixture), ==, "notice");
  g_assert_cmpstr (gtk_label_get_label (view_child (fixture, "headline_label")), ==,
                   "Your card was renewed as planned");
  assert_badge (fixture, "Expected", "object-select-symbolic", "success");
  assert_explained (fixture, "Your card number has not changed (•••• 4821).");
  g_assert_cmpstr (gtk_label_get_label (page_child (fixture, "issuer_title_label")), ==, ACTIVATION_TITLE);

  /* and as a clicked desktop notification does */
  g_assert_true (anshin_notices_page_select_notice (fixture->page, "ntc_1"));
  g_assert_cmpstr (gtk_label_get_label (view_child (fixture, "headline_label")), ==,
                   "Your card will be renewed on 30 Nov 2025");
}

/* A slot asked for its page to open a notice (a clicked desktop
 * notification, as the window does) before it has any: made, empty, and
 * nothing opened */
static void
test_slot_select_notice (Fixture       *fixture,
                         gconstpointer  user_data)
{
  GtkWidget *empty_page;

  g_assert_null (anshin_page_slot_get_page (fixture->slot));
  anshin_page_slot_ensure_page (fixture->slot);
  take_slot_page (fixture);
  g_assert_false (anshin_notices_page_select_notice (fixture->page, "ntc_1"));
  g_assert_cmpuint (fixture->opened->len, ==, 0);

  g_assert_true (adw_bin_get_child (ADW_BIN (fixture->page)) == page_child (fixture, "stack"));
  empty_page = gtk_stack_get_visible_child (page_child (fixture, "stack"));
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (empty_page)), ==, "No notices");
  g_assert_cmpstr (content_shown (fixture), ==, "none");
}

/* Renewal day with the activation notice open (wide, then phone-sized),
 * and the unexpected activation; in its own process so that the locale
 * stays with it. */
static void
test_screenshots (gconstpointer data)
{
  const char *lang = data;

  if (g_test_subprocess ())
    {
      Fixture fixture = { 0 };
      g_autoptr(GDateTime) now = pages_test_jst (2025, 11, 30, 9, 5);
      g_autoptr(GDateTime) activated = pages_test_jst (2026, 2, 10, 14, 20);
      g_autoptr(GDateTime) later = pages_test_jst (2026, 2, 10, 14, 30);
      g_autoptr(AnshinNotice) unexpected = new_notice ("ntc_9", ANSHIN_NOTICE_CODE_CARD_ACTIVATED, activated,
                                                       ACTIVATION_TITLE, ACTIVATION_BODY, FALSE);
      g_autofree char *wide = g_strdup_printf ("notices-page-%s.png", lang);
      g_autofree char *narrow = g_strdup_printf ("notices-page-narrow-%s.png", lang);
      g_autofree char *flagged = g_strdup_printf ("notices-page-unexpected-%s.png", lang);
      g_autofree char *popover = g_strdup_printf ("notices-page-contact-%s.png", lang);
      GtkMenuButton *contact;

      if (g_str_equal (lang, "ja"))
        g_assert_nonnull (setlocale (LC_ALL, "ja_JP.UTF-8"));

      fixture_set_up (&fixture, NULL);
      gtk_window_set_decorated (fixture.window, FALSE);
      show (&fixture, now);
      open_row (&fixture, 0);
      pages_test_save_png (fixture.window, GTK_WIDGET (fixture.window), wide);

      gtk_window_set_default_size (fixture.window, 360, 720);
      pages_test_save_png (fixture.window, GTK_WIDGET (fixture.window), narrow);

      gtk_window_set_default_size (fixture.window, 960, 760);
      anshin_card_set_renewal_status (fixture.card, ANSHIN_RENEWAL_STATUS_NONE);
      pages_test_account_set_now (fixture.account, later);
      g_list_store_remove_all (fixture.notices);
      g_list_store_append (fixture.notices, unexpected);
      g_assert_true (anshin_notices_page_select_notice (fixture.page, "ntc_9"));
      pages_test_save_png (fixture.window, GTK_WIDGET (fixture.window), flagged);

      contact = GTK_MENU_BUTTON (pages_test_find_button (page_child (&fixture, "explanation_view"),
                                                         anshin_action_kind_get_label (ANSHIN_ACTION_KIND_CONTACT_ISSUER)));
      gtk_menu_button_popup (contact);
      pages_test_save_png (fixture.window, GTK_WIDGET (gtk_menu_button_get_popover (contact)), popover);
      gtk_menu_button_popdown (contact);

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
  g_test_add ("/notices-page/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("list", test_list);
  ADD ("open-renewal-day", test_open_renewal_day);
  ADD ("unexpected", test_unexpected);
  ADD ("select-notice", test_select_notice);
  ADD ("empty", test_empty);
  ADD ("folded", test_folded);
  ADD ("follows", test_follows);
  g_test_add ("/notices-page/slot", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_slot,
              fixture_tear_down);
  g_test_add ("/notices-page/slot-empty", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up,
              test_empty, fixture_tear_down);
  g_test_add ("/notices-page/slot-select-notice", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up,
              test_slot_select_notice, fixture_tear_down);
  g_test_add_data_func ("/notices-page/screenshots/en", "en", test_screenshots);
  g_test_add_data_func ("/notices-page/screenshots/ja", "ja", test_screenshots);

#undef ADD

  return g_test_run ();
}
