/* test-window.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "anshin-application.h"
#include "anshin-card-page.h"
#include "anshin-explainer.h"
#include "anshin-methods-page.h"
#include "anshin-notices-page.h"
#include "anshin-reissue-dialog.h"
#include "anshin-window.h"
#include "pages-test-util.h"
#include "window-test-util.h"

typedef struct {
  const char *name;
  const char *title;
  GType     (*get_type) (void);
} PageCase;

static GType
any_widget_get_type (void)
{
  return GTK_TYPE_WIDGET;
}

static const PageCase pages[] = {
  { "card", "Card", anshin_card_page_get_type },
  { "payment-methods", "Payment Methods", anshin_methods_page_get_type },
  { "notices", "Notices", anshin_notices_page_get_type },
  { "top-up", "Top-up", any_widget_get_type },
};

static AnshinApplication *app;

static void
reset_settings (void)
{
  g_autoptr(GSettings) settings = g_settings_new (ANSHIN_SETTINGS_SCHEMA_ID);
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) keys = NULL;

  g_object_get (settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i] != NULL; i++)
    g_settings_reset (settings, keys[i]);

  /* no notification service here: test-window-notifications has one */
  g_settings_set_boolean (settings, "notifications-enabled", FALSE);
}

/* The window is owned by GTK until it is destroyed; the test keeps its own
 * reference so that it can check that the window is finalized. */
static AnshinWindow *
new_window (void)
{
  return g_object_ref (anshin_window_new (app));
}

static void
destroy_window (AnshinWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

static AdwViewStack *
get_stack (AnshinWindow *window)
{
  return ADW_VIEW_STACK (gtk_widget_get_template_child (GTK_WIDGET (window),
                                                        ANSHIN_TYPE_WINDOW, "stack"));
}

static gboolean
strv_has (const char * const *strv,
          const char         *str)
{
  return strv != NULL && g_strv_contains (strv, str);
}

static void
test_window_pages (void)
{
  AnshinWindow *window;
  AdwViewStack *stack;
  GtkIconTheme *icon_theme;
  g_autoptr(GtkSelectionModel) model = NULL;

  reset_settings ();
  window = new_window ();
  stack = get_stack (window);
  icon_theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (GTK_WIDGET (window)));

  model = adw_view_stack_get_pages (stack);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, G_N_ELEMENTS (pages));

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autoptr(AdwViewStackPage) page = g_list_model_get_item (G_LIST_MODEL (model), i);
      GtkWidget *child = adw_view_stack_page_get_child (page);
      const char *icon_name = adw_view_stack_page_get_icon_name (page);

      /* the switcher shows them in this order, with these titles */
      g_assert_cmpstr (adw_view_stack_page_get_name (page), ==, pages[i].name);
      g_assert_cmpstr (adw_view_stack_page_get_title (page), ==, pages[i].title);
      g_assert_true (adw_view_stack_get_child_by_name (stack, pages[i].name) == child);

      /* an icon the stock theme really has, or the switcher shows a hole */
      g_assert_nonnull (icon_name);
      g_assert_true (gtk_icon_theme_has_icon (icon_theme, icon_name));

      /* the real pages, bound to the account's models */
      g_assert_true (G_TYPE_CHECK_INSTANCE_TYPE (child, pages[i].get_type ()));
    }

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Anshin Wallet");

  /* without an account the window says that it is connecting, and the
   * page switcher, which would lead to empty pages, is off */
  g_assert_cmpstr (anshin_window_get_view (window), ==, "loading");
  g_assert_false (adw_view_switcher_title_get_view_switcher_enabled (
                    ADW_VIEW_SWITCHER_TITLE (gtk_widget_get_template_child (GTK_WIDGET (window),
                                                                            ANSHIN_TYPE_WINDOW,
                                                                            "switcher_title"))));
  g_assert_false (anshin_window_get_loaded (window));
  destroy_window (window);
}

static void
test_window_show_page_action (void)
{
  AnshinWindow *window;
  AdwViewStack *stack;

  reset_settings ();
  window = new_window ();
  stack = get_stack (window);

  g_assert_cmpstr (anshin_window_get_visible_page (window), ==, "card");

  for (int i = G_N_ELEMENTS (pages) - 1; i >= 0; i--)
    {
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s",
                                                 pages[i].name));
      g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, pages[i].name);
      g_assert_cmpstr (anshin_window_get_visible_page (window), ==, pages[i].name);
    }

  destroy_window (window);
}

static void
test_window_remembers_size_and_page (void)
{
  g_autoptr(GSettings) settings = g_settings_new (ANSHIN_SETTINGS_SCHEMA_ID);
  AnshinWindow *window;
  g_autofree char *stored_page = NULL;
  g_autofree char *stored_page_after = NULL;
  int width = 0;
  int height = 0;

  reset_settings ();

  window = new_window ();
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  /* the page is stored as soon as it changes */
  anshin_window_show_page (window, "notices");
  stored_page = g_settings_get_string (settings, "last-page");
  g_assert_cmpstr (stored_page, ==, "notices");

  /* the size when the window is closed */
  gtk_window_set_default_size (GTK_WINDOW (window), 720, 540);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 960);
  gtk_window_close (GTK_WINDOW (window));
  g_assert_finalize_object (window);

  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 720);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 540);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));

  /* a new window opens where the last one left off */
  window = new_window ();
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 720);
  g_assert_cmpint (height, ==, 540);
  g_assert_cmpstr (anshin_window_get_visible_page (window), ==, "notices");

  /* opening it does not overwrite the stored page */
  stored_page_after = g_settings_get_string (settings, "last-page");
  g_assert_cmpstr (stored_page_after, ==, "notices");
  destroy_window (window);
}

static void
test_window_default_size_fits_switcher (void)
{
  g_autoptr(GSettings) settings = g_settings_new (ANSHIN_SETTINGS_SCHEMA_ID);
  AdwViewSwitcherTitle *title;
  AdwViewSwitcherBar *bar;

  reset_settings ();

  /* at the default size the four page buttons fit in the header bar */
  {
    g_autoptr(WindowTest) test = window_test_new (app, "seed-story", FALSE);

    window_test_start (test);
    title = ADW_VIEW_SWITCHER_TITLE (window_test_child (test, "switcher_title"));
    bar = ADW_VIEW_SWITCHER_BAR (window_test_child (test, "switcher_bar"));
    gtk_test_widget_wait_for_draw (GTK_WIDGET (test->window));
    g_assert_true (adw_view_switcher_title_get_view_switcher_enabled (title));
    g_assert_false (adw_view_switcher_title_get_title_visible (title));
    g_assert_false (adw_view_switcher_bar_get_reveal (bar));
  }

  /* a phone-sized window moves them to a bar at the bottom, once the
   * wallet is shown */
  g_settings_set_int (settings, "window-width", 360);
  {
    g_autoptr(WindowTest) test = window_test_new (app, "seed-story", FALSE);

    window_test_start (test);
    title = ADW_VIEW_SWITCHER_TITLE (window_test_child (test, "switcher_title"));
    bar = ADW_VIEW_SWITCHER_BAR (window_test_child (test, "switcher_bar"));
    gtk_test_widget_wait_for_draw (GTK_WIDGET (test->window));
    g_assert_true (adw_view_switcher_title_get_title_visible (title));
    g_assert_true (adw_view_switcher_bar_get_reveal (bar));
  }
}

static void
test_window_accelerators (void)
{
  GtkApplication *gtk_app = GTK_APPLICATION (app);
  AnshinWindow *window;
  g_auto(GStrv) quit = NULL;
  g_auto(GStrv) preferences = NULL;
  g_auto(GStrv) alt2 = NULL;
  g_auto(GStrv) close = NULL;
  g_autofree char *action_name = NULL;
  g_autoptr(GVariant) target = NULL;
  g_autoptr(GError) error = NULL;

  reset_settings ();

  quit = gtk_application_get_accels_for_action (gtk_app, "app.quit");
  g_assert_true (strv_has ((const char * const *) quit, "<Control>q"));

  preferences = gtk_application_get_actions_for_accel (gtk_app, "<Control>comma");
  g_assert_true (strv_has ((const char * const *) preferences, "app.preferences"));

  close = gtk_application_get_actions_for_accel (gtk_app, "<Control>w");
  g_assert_true (strv_has ((const char * const *) close, "window.close"));

  /* Alt+2 is bound to an action that the window really has, and it opens
   * the Payment Methods page */
  alt2 = gtk_application_get_actions_for_accel (gtk_app, "<Alt>2");
  g_assert_nonnull (alt2);
  g_assert_cmpuint (g_strv_length (alt2), ==, 1);

  g_assert_true (g_action_parse_detailed_name (alt2[0], &action_name, &target, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (action_name, ==, "win.show-page");

  window = new_window ();
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (window), action_name, target));
  g_assert_cmpstr (anshin_window_get_visible_page (window), ==, "payment-methods");

  destroy_window (window);
}

static void
test_window_profile_style (void)
{
  AnshinWindow *window;

  reset_settings ();
  window = new_window ();

  /* development builds get libadwaita's striped header bar */
#if DEVELOPMENT_PROFILE
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (window), "devel"));
#else
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (window), "devel"));
#endif

  destroy_window (window);
}

/* The seed story, driven through the window */

static AnshinExplanation *
explain_notice (WindowTest   *test,
                AnshinNotice *notice)
{
  return anshin_explain_notice (notice, anshin_account_get_card (test->account),
                                anshin_account_get_payment_methods (test->account),
                                anshin_account_get_programs (test->account),
                                anshin_window_get_now (test->window));
}

static gboolean
quicpay_updating (WindowTest *test)
{
  AnshinPaymentMethod *quicpay = window_test_method (test, ANSHIN_PAYMENT_METHOD_KIND_QUICPAY);

  return quicpay != NULL
         && anshin_payment_method_get_state (quicpay) == ANSHIN_PAYMENT_METHOD_STATE_UPDATING
         && window_test_notice (test, ANSHIN_NOTICE_CODE_CARD_ACTIVATED) != NULL
         && anshin_card_get_renewal_status (anshin_account_get_card (test->account)) == ANSHIN_RENEWAL_STATUS_COMPLETED;
}

static gboolean
activation_notice_read (WindowTest *test)
{
  AnshinNotice *notice = window_test_notice (test, ANSHIN_NOTICE_CODE_CARD_ACTIVATED);

  return notice != NULL && anshin_notice_get_read (notice);
}

static void
test_window_renewal_day (void)
{
  g_autoptr(WindowTest) test = NULL;
  g_autoptr(AnshinExplanation) explanation = NULL;
  g_autofree char *last4 = NULL;
  AnshinCard *card;
  AnshinNotice *notice;
  AdwViewStackPage *notices_page;
  GtkWidget *page;
  guint exp_year;
  guint unread;

  reset_settings ();
  test = window_test_new (app, "seed-story", FALSE);
  window_test_start (test);

  card = anshin_account_get_card (test->account);
  g_assert_true (anshin_card_page_get_card (ANSHIN_CARD_PAGE (window_test_child (test, "card_page"))) == card);
  last4 = g_strdup (anshin_card_get_number_last4 (card));
  exp_year = anshin_card_get_exp_year (card);

  /* announced, then renewal day */
  window_test_next_step (test);
  window_test_next_step (test);
  g_assert_true (window_test_wait (test, quicpay_updating, 5000));

  /* renewed: same number, new expiry */
  g_assert_cmpstr (anshin_card_get_number_last4 (card), ==, last4);
  g_assert_cmpuint (anshin_card_get_exp_year (card), >, exp_year);

  /* the unasked-for "card activation complete" notice, explained as
   * expected, with the unread count on the Notices switcher button */
  notice = window_test_notice (test, ANSHIN_NOTICE_CODE_CARD_ACTIVATED);
  explanation = explain_notice (test, notice);
  g_assert_cmpint (anshin_explanation_get_expectation (explanation), ==, ANSHIN_EXPECTATION_EXPECTED);
  g_assert_false (anshin_notice_get_read (notice));

  notices_page = adw_view_stack_get_page (ADW_VIEW_STACK (window_test_child (test, "stack")),
                                          window_test_child (test, "notices_page"));
  unread = anshin_account_get_unread_count (test->account);
  g_assert_cmpuint (unread, >, 0);
  g_assert_cmpuint (adw_view_stack_page_get_badge_number (notices_page), ==, unread);
  g_assert_true (adw_view_stack_page_get_needs_attention (notices_page));

  /* opening it (as its desktop notification does) shows the plain
   * explanation and marks it read on the issuer */
  g_assert_true (anshin_window_show_notice (test->window, anshin_notice_get_id (notice)));
  g_assert_cmpstr (anshin_window_get_visible_page (test->window), ==, "notices");
  page = window_test_child (test, "notices_page");
  g_assert_nonnull (pages_test_find_label (page, anshin_explanation_get_headline (explanation)));
  g_assert_true (window_test_wait (test, activation_notice_read, 5000));
  g_assert_cmpuint (adw_view_stack_page_get_badge_number (notices_page), ==,
                    anshin_account_get_unread_count (test->account));
  g_assert_cmpuint (anshin_account_get_unread_count (test->account), <, unread);

  /* the QUICPay row says it is updating */
  g_assert_cmpint (anshin_payment_method_get_state (window_test_method (test, ANSHIN_PAYMENT_METHOD_KIND_QUICPAY)),
                   ==, ANSHIN_PAYMENT_METHOD_STATE_UPDATING);
}

static gboolean
quicpay_delayed (WindowTest *test)
{
  AnshinPaymentMethod *quicpay = window_test_method (test, ANSHIN_PAYMENT_METHOD_KIND_QUICPAY);

  return quicpay != NULL
         && anshin_payment_method_get_reason (quicpay) == ANSHIN_PAYMENT_METHOD_REASON_RENEWAL_MIGRATION_DELAYED;
}

static void
go_to_delayed_migration (WindowTest *test)
{
  /* announced, renewal day, wallets back, QUICPay delayed */
  for (guint i = 0; i < 4; i++)
    window_test_next_step (test);

  g_assert_true (window_test_wait (test, quicpay_delayed, 5000));
}

static void
test_window_delayed_migration (void)
{
  g_autoptr(WindowTest) test = NULL;
  g_autoptr(AnshinExplanation) explanation = NULL;
  AnshinPaymentMethod *quicpay;
  GtkWidget *page;
  GtkWidget *button;
  const char *impact;

  reset_settings ();
  test = window_test_new (app, "seed-story", FALSE);
  window_test_start (test);
  go_to_delayed_migration (test);

  /* no date given any more */
  quicpay = window_test_method (test, ANSHIN_PAYMENT_METHOD_KIND_QUICPAY);
  g_assert_cmpint (anshin_payment_method_get_state (quicpay), ==, ANSHIN_PAYMENT_METHOD_STATE_UNAVAILABLE);
  g_assert_null (anshin_payment_method_get_eta (quicpay));

  /* explained with the programme it costs and both options */
  explanation = anshin_explain_payment_method (quicpay, anshin_account_get_card (test->account),
                                               anshin_account_get_programs (test->account),
                                               anshin_window_get_now (test->window));
  impact = anshin_explanation_get_programme_impact (explanation);
  g_assert_nonnull (impact);
  g_assert_cmpstr (impact, !=, "");
  g_assert_true (anshin_explanation_has_action (explanation, ANSHIN_ACTION_KIND_WAIT));
  g_assert_true (anshin_explanation_has_action (explanation, ANSHIN_ACTION_KIND_REISSUE_NEW_NUMBER));

  /* the Payment methods page shows the impact and offers the reissue, and
   * the window's action for it is enabled */
  anshin_window_show_page (test->window, "payment-methods");
  page = window_test_child (test, "methods_page");
  g_assert_nonnull (pages_test_find_label (page, impact));
  button = pages_test_find_actionable (page, "win.reissue-card", NULL);
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
}

static gboolean
reissuing (WindowTest *test)
{
  AnshinPaymentMethod *quicpay = window_test_method (test, ANSHIN_PAYMENT_METHOD_KIND_QUICPAY);

  return anshin_card_get_state (anshin_account_get_card (test->account)) == ANSHIN_CARD_STATE_REISSUING
         && quicpay != NULL
         && anshin_payment_method_get_reason (quicpay) == ANSHIN_PAYMENT_METHOD_REASON_REISSUE_IN_PROGRESS;
}

static gboolean
reissue_dialog_shown (WindowTest *test)
{
  return window_test_find_dialog (test, ANSHIN_TYPE_REISSUE_DIALOG) != NULL;
}

static char *old_last4;

static gboolean
reissued (WindowTest *test)
{
  AnshinCard *card = anshin_account_get_card (test->account);
  AnshinPaymentMethod *quicpay = window_test_method (test, ANSHIN_PAYMENT_METHOD_KIND_QUICPAY);

  return anshin_card_get_state (card) == ANSHIN_CARD_STATE_ACTIVE
         && g_strcmp0 (anshin_card_get_number_last4 (card), old_last4) != 0
         && quicpay != NULL
         && anshin_payment_method_get_state (quicpay) == ANSHIN_PAYMENT_METHOD_STATE_AVAILABLE;
}

static void
test_window_reissue (void)
{
  g_autoptr(WindowTest) test = NULL;
  GtkWindow *dialog;
  GtkWidget *page;
  GtkWidget *progress;

  reset_settings ();
  test = window_test_new (app, "seed-story", FALSE);
  window_test_start (test);
  go_to_delayed_migration (test);
  old_last4 = g_strdup (anshin_card_get_number_last4 (anshin_account_get_card (test->account)));

  /* from the Payment methods page, through the dialog that spells out the
   * trade-off, confirmed */
  anshin_window_show_page (test->window, "payment-methods");
  page = window_test_child (test, "methods_page");
  g_assert_true (gtk_widget_activate_action (page, "win.reissue-card", NULL));
  g_assert_true (window_test_wait (test, reissue_dialog_shown, 5000));
  dialog = window_test_find_dialog (test, ANSHIN_TYPE_REISSUE_DIALOG);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "reissue");

  /* in flight: the QUICPay row shows progress toward the ready time */
  g_assert_true (window_test_wait (test, reissuing, 5000));
  pages_test_flush ();
  progress = pages_test_find_type (page, GTK_TYPE_PROGRESS_BAR);
  g_assert_nonnull (progress);
  g_assert_true (gtk_widget_get_visible (progress));
  g_assert_cmpfloat (gtk_progress_bar_get_fraction (GTK_PROGRESS_BAR (progress)), <, 0.5);

  /* three hours later on the issuer's clock: QUICPay works, new number */
  window_test_advance_clock (test, 3 * 60 * 60 + 60);
  g_assert_true (window_test_wait (test, reissued, 10000));
  g_assert_cmpstr (anshin_card_get_number_last4 (anshin_account_get_card (test->account)), !=, old_last4);
  g_clear_pointer (&old_last4, g_free);
}

static gboolean
unexpected_notice_arrived (WindowTest *test)
{
  return window_test_notice (test, ANSHIN_NOTICE_CODE_CARD_ACTIVATED) != NULL;
}

static gboolean
freeze_dialog_shown (WindowTest *test)
{
  return window_test_find_dialog (test, ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

static gboolean
card_frozen (WindowTest *test)
{
  return anshin_card_get_state (anshin_account_get_card (test->account)) == ANSHIN_CARD_STATE_FROZEN;
}

static gboolean
card_active (WindowTest *test)
{
  return anshin_card_get_state (anshin_account_get_card (test->account)) == ANSHIN_CARD_STATE_ACTIVE;
}

static void
test_window_unexpected_activation (void)
{
  g_autoptr(WindowTest) test = NULL;
  g_autoptr(AnshinExplanation) explanation = NULL;
  GtkWindow *dialog;

  reset_settings ();
  test = window_test_new (app, "unexpected-activation", FALSE);
  window_test_start (test);
  window_test_next_step (test);
  g_assert_true (window_test_wait (test, unexpected_notice_arrived, 5000));

  /* an activation nobody announced is flagged, with freezing as the fix */
  explanation = explain_notice (test, window_test_notice (test, ANSHIN_NOTICE_CODE_CARD_ACTIVATED));
  g_assert_cmpint (anshin_explanation_get_expectation (explanation), ==, ANSHIN_EXPECTATION_UNEXPECTED);
  g_assert_true (anshin_explanation_has_action (explanation, ANSHIN_ACTION_KIND_FREEZE_CARD));

  /* freezing asks first, then really freezes the card */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (test->window), "win.freeze-card", NULL));
  g_assert_true (window_test_wait (test, freeze_dialog_shown, 5000));
  dialog = window_test_find_dialog (test, ADW_TYPE_MESSAGE_DIALOG);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "freeze");
  g_assert_true (window_test_wait (test, card_frozen, 5000));

  /* and the card can be unfrozen again (the toast's Undo) */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (test->window), "win.unfreeze-card", NULL));
  g_assert_true (window_test_wait (test, card_active, 5000));
}

static gboolean
offline (WindowTest *test)
{
  return !anshin_account_get_online (test->account);
}

static gboolean
online (WindowTest *test)
{
  return anshin_account_get_online (test->account);
}

static void
test_window_issuer_stops (void)
{
  g_autoptr(WindowTest) test = NULL;
  g_autofree char *last4 = NULL;
  AnshinCardPage *card_page;

  reset_settings ();
  test = window_test_new (app, "seed-story", TRUE);
  window_test_start (test);
  card_page = ANSHIN_CARD_PAGE (window_test_child (test, "card_page"));
  last4 = g_strdup (anshin_card_get_number_last4 (anshin_account_get_card (test->account)));
  g_assert_null (anshin_card_page_get_as_of (card_page));

  /* the issuer goes away mid-session (the proxy refuses and drops every
   * connection, as a stopped issuer would) */
  issuer_test_proxy_set_down (test->proxy, TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (test->window), "win.refresh", NULL));
  g_assert_true (window_test_wait (test, offline, 10000));

  /* the last known status stays, "as of" when */
  g_assert_cmpstr (anshin_window_get_view (test->window), ==, "wallet");
  g_assert_true (anshin_card_page_get_card (card_page) == anshin_account_get_card (test->account));
  g_assert_cmpstr (anshin_card_get_number_last4 (anshin_account_get_card (test->account)), ==, last4);
  g_assert_nonnull (anshin_card_page_get_as_of (card_page));
  g_assert_nonnull (pages_test_find_label (GTK_WIDGET (card_page), "can't reach the issuer"));

  /* and it recovers by itself when the issuer is back */
  issuer_test_proxy_set_down (test->proxy, FALSE);
  g_assert_true (window_test_wait (test, online, 10000));
  g_assert_null (anshin_card_page_get_as_of (card_page));
}

/* No main-loop stall: every issuer response takes 3 s */

static gint64 last_tick;
static gint64 max_gap;

static gboolean
on_tick_cb (gpointer user_data)
{
  gint64 now = g_get_monotonic_time ();

  max_gap = MAX (max_gap, now - last_tick);
  last_tick = now;
  return G_SOURCE_CONTINUE;
}

static gboolean refreshed;

static void
on_refreshed_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  anshin_account_refresh_finish (ANSHIN_ACCOUNT (object), result, &error);
  g_assert_no_error (error);
  refreshed = TRUE;
}

static gboolean
is_refreshed (WindowTest *test)
{
  return refreshed;
}

static void
test_window_no_stall (void)
{
  g_autoptr(WindowTest) test = NULL;
  gint64 started;
  guint tick;

  reset_settings ();
  test = window_test_new (app, "seed-story", FALSE);
  issuer_test_add_fault (window_test_get_url (test), "/v1", "delay", 0, 3000, 100);

  /* the window is built and drawn before the clock starts: what is
   * measured is loading and refreshing */
  gtk_window_present (GTK_WINDOW (test->window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (test->window));

  started = last_tick = g_get_monotonic_time ();
  max_gap = 0;
  tick = g_timeout_add (5, on_tick_cb, NULL);

  window_test_start (test);
  g_assert_cmpint (g_get_monotonic_time () - started, >=, 3 * G_USEC_PER_SEC);

  refreshed = FALSE;
  anshin_account_refresh_async (test->account, NULL, on_refreshed_cb, NULL);
  g_assert_true (window_test_wait (test, is_refreshed, 20000));

  g_source_remove (tick);
  g_test_message ("longest main-loop gap while loading and refreshing: %" G_GINT64_FORMAT " ms",
                  max_gap / 1000);
  g_assert_cmpint (max_gap, <, 50 * 1000);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  gtk_test_init (&argc, &argv, NULL);

  app = anshin_application_new (APPLICATION_ID, G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));

  g_test_add_func ("/window/pages", test_window_pages);
  g_test_add_func ("/window/show-page-action", test_window_show_page_action);
  g_test_add_func ("/window/remembers-size-and-page", test_window_remembers_size_and_page);
  g_test_add_func ("/window/default-size-fits-switcher", test_window_default_size_fits_switcher);
  g_test_add_func ("/window/accelerators", test_window_accelerators);
  g_test_add_func ("/window/profile-style", test_window_profile_style);
  g_test_add_func ("/window/renewal-day", test_window_renewal_day);
  g_test_add_func ("/window/delayed-migration", test_window_delayed_migration);
  g_test_add_func ("/window/reissue", test_window_reissue);
  g_test_add_func ("/window/unexpected-activation", test_window_unexpected_activation);
  g_test_add_func ("/window/issuer-stops", test_window_issuer_stops);
  g_test_add_func ("/window/no-stall", test_window_no_stall);

  ret = g_test_run ();

  /* a registered GtkApplication keeps a reference to itself until it is
   * run and shut down, so it is not checked for finalization */
  g_object_unref (app);

  return ret;
}
