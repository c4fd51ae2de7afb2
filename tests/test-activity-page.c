/* test-activity-page.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Activity page in the window, against the mock issuer in-process: at
 * 2 December of the seed story (step 5) it lists the payments grouped by
 * day, the declined QUICPay payment says "Declined" in words, opening it
 * shows the explanation, the programme summary says what the outage cost
 * and the chart describes its numbers to assistive technologies; with a
 * long history (POST /admin/history) scrolling to the end loads every
 * older page, a spinner row showing while one is on its way. Screenshots
 * at 360 px (light and dark) go to build/tests/screenshots/.
 */

#include "config.h"

#include <locale.h>
#include <glib/gi18n-lib.h>

#include "anshin-activity-page.h"
#include "anshin-list-detail.h"
#include "anshin-activity-row.h"
#include "anshin-explainer.h"
#include "anshin-explanation-view.h"
#include "anshin-labels.h"
#include "anshin-demo-bar.h"
#include "anshin-format.h"
#include "anshin-pay-popover.h"
#include "anshin-spending-chart.h"

#include "pages-test-util.h"
#include "window-test-util.h"

static AnshinApplication *app;

static guint
n_activity (WindowTest *test)
{
  return g_list_model_get_n_items (G_LIST_MODEL (anshin_account_get_activity (test->account)));
}

static AnshinTransaction *
find_declined_quicpay (WindowTest *test,
                       guint      *position)
{
  GListModel *activity = G_LIST_MODEL (anshin_account_get_activity (test->account));

  for (guint i = 0; i < g_list_model_get_n_items (activity); i++)
    {
      g_autoptr(AnshinTransaction) t = g_list_model_get_item (activity, i);

      if (anshin_transaction_is_declined (t) &&
          anshin_transaction_get_method (t) == ANSHIN_PAYMENT_METHOD_KIND_QUICPAY)
        {
          *position = i;
          return t;
        }
    }

  return NULL;
}

static gboolean
has_declined_quicpay (WindowTest *test)
{
  guint position;

  return find_declined_quicpay (test, &position) != NULL;
}

static WindowTest *
story_at_december_2 (void)
{
  WindowTest *test;

  window_test_reset_settings ();
  test = window_test_new (app, "seed-story", FALSE);
  window_test_start (test);
  /* step 5 of the story: 2 December */
  for (guint i = 0; i < 4; i++)
    window_test_next_step (test);
  g_assert_true (window_test_wait (test, has_declined_quicpay, 10000));
  anshin_window_show_page (test->window, "activity");
  window_test_settle (test);

  return test;
}

static void
test_story (void)
{
  g_autoptr(WindowTest) test = story_at_december_2 ();
  g_autoptr(AnshinExplanation) explanation = NULL;
  g_autofree char *day = NULL;
  GtkWidget *page = window_test_page (test, "activity_slot");
  GtkWidget *list_view = pages_test_template_child (page, ANSHIN_TYPE_ACTIVITY_PAGE, "list_view");
  GtkLabel *outage = pages_test_template_child (page, ANSHIN_TYPE_ACTIVITY_PAGE, "outage_label");
  AnshinSpendingChartView *chart = pages_test_template_child (page, ANSHIN_TYPE_ACTIVITY_PAGE, "chart");
  AnshinTransaction *declined;
  guint position = 0;

  g_assert_cmpstr (anshin_window_get_visible_page (test->window), ==, "activity");
  declined = find_declined_quicpay (test, &position);
  g_assert_nonnull (declined);

  /* the rows: the day heading in the locale, the declined state in words */
  day = anshin_format_date (anshin_transaction_get_occurred_at (declined));
  g_assert_nonnull (pages_test_find_label (page, day));
  g_assert_nonnull (pages_test_find_label (page, _("Declined")));
  g_assert_nonnull (pages_test_find_label (page, anshin_transaction_get_merchant (declined)));

  /* what the outage cost, said once it cost something */
  g_assert_true (pages_test_is_shown (GTK_WIDGET (outage)));
  g_assert_nonnull (gtk_label_get_label (outage));
  g_assert_cmpstr (gtk_label_get_label (outage), !=, "");

  /* the chart: an image with the numbers in its description */
  g_assert_nonnull (anshin_spending_chart_view_get_chart (chart));
  gtk_test_accessible_assert_role (chart, GTK_ACCESSIBLE_ROLE_IMG);
  gtk_test_accessible_assert_property (chart, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       anshin_spending_chart_view_get_chart (chart)->description);
  gtk_test_accessible_assert_property (chart, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       anshin_spending_chart_view_get_chart (chart)->label);
  g_assert_nonnull (strstr (anshin_spending_chart_view_get_chart (chart)->description, "¥"));

  /* opening the row explains it beside (or over) the list */
  g_signal_emit_by_name (list_view, "activate", position);
  window_test_settle (test);
  g_assert_true (anshin_activity_page_get_selected (ANSHIN_ACTIVITY_PAGE (page)) == declined);
  explanation = anshin_explain_transaction (declined, anshin_account_get_card (test->account),
                                            anshin_account_get_payment_methods (test->account),
                                            anshin_account_get_programs (test->account),
                                            anshin_account_get_now (test->account));
  g_assert_nonnull (pages_test_find_label (page, anshin_explanation_get_headline (explanation)));

  /* when QUICPay works again (no date yet on 2 December) is a row with
   * its date, shown as the Notices and Payment methods pages show theirs */
  {
    GtkWidget *view = pages_test_template_child (page, ANSHIN_TYPE_ACTIVITY_PAGE, "explanation_view");
    GtkListBox *schedule_box = pages_test_template_child (view, ANSHIN_TYPE_EXPLANATION_VIEW, "schedule_box");
    GListModel *schedule = anshin_explanation_get_schedule (explanation);
    g_autoptr(AnshinScheduleItem) item = g_list_model_get_item (schedule, 0);
    AdwActionRow *row;

    g_assert_cmpuint (g_list_model_get_n_items (schedule), ==, 1);
    g_assert_nonnull (item);
    g_assert_true (pages_test_is_shown (GTK_WIDGET (schedule_box)));
    g_assert_cmpuint (pages_test_count_rows (schedule_box), ==, 1);
    row = ADW_ACTION_ROW (gtk_list_box_get_row_at_index (schedule_box, 0));
    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                     anshin_payment_method_kind_get_label (ANSHIN_PAYMENT_METHOD_KIND_QUICPAY));
    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                     anshin_schedule_item_get_label (item));
    g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, anshin_schedule_item_get_text (item));
    g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, _("No date given yet"));
  }
}

static gboolean activity_idle (WindowTest *test);

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

/* Offline, the last loaded page stays, saying as of when */
static void
test_offline (void)
{
  g_autoptr(WindowTest) test = NULL;
  AnshinActivity *activity;
  GtkWidget *page;
  GtkLabel *as_of_label;
  g_autofree char *when = NULL;
  g_autofree char *expected = NULL;
  guint n;

  window_test_reset_settings ();
  test = window_test_new (app, "seed-story", TRUE);
  window_test_start (test);
  anshin_window_show_page (test->window, "activity");
  page = window_test_page (test, "activity_slot");
  as_of_label = pages_test_template_child (page, ANSHIN_TYPE_ACTIVITY_PAGE, "as_of_label");
  activity = anshin_account_get_activity (test->account);
  window_test_settle (test);
  n = n_activity (test);
  g_assert_cmpuint (n, >, 0);
  g_assert_false (pages_test_is_shown (GTK_WIDGET (as_of_label)));

  issuer_test_proxy_set_down (test->proxy, TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (test->window), "win.refresh", NULL));
  g_assert_true (window_test_wait (test, offline, 10000));
  g_assert_true (window_test_wait (test, activity_idle, 10000));

  g_assert_cmpuint (n_activity (test), ==, n);
  g_assert_true (pages_test_is_shown (GTK_WIDGET (as_of_label)));
  when = anshin_format_date_time (anshin_activity_get_as_of (activity));
  expected = g_strdup_printf (_("Offline: as of %s"), when);
  g_assert_cmpstr (gtk_label_get_label (as_of_label), ==, expected);

  issuer_test_proxy_set_down (test->proxy, FALSE);
  g_assert_true (window_test_wait (test, online, 10000));
  g_assert_false (pages_test_is_shown (GTK_WIDGET (as_of_label)));
}

static void
seed_history (WindowTest *test,
              guint       count)
{
  g_autofree char *body = g_strdup_printf ("{\"count\": %u}", count);
  g_autoptr(JsonNode) root = NULL;
  guint status = 0;

  root = issuer_test_http (window_test_get_url (test), NULL, "POST", "admin/history", body, NULL,
                           &status);
  g_assert_cmpuint (status, ==, 201);
}

static gboolean
activity_idle (WindowTest *test)
{
  return !anshin_activity_get_loading (anshin_account_get_activity (test->account));
}

static void
test_paging (void)
{
  g_autoptr(WindowTest) test = NULL;
  AnshinActivity *activity;
  GtkWidget *page, *scroller, *loading_row;
  GtkAdjustment *adjustment;
  gboolean spinner_seen = FALSE;
  guint rounds = 0;

  window_test_reset_settings ();
  test = window_test_new (app, "seed-story", FALSE);
  window_test_start (test);
  seed_history (test, 150);
  activity = anshin_account_get_activity (test->account);
  anshin_activity_reload_async (activity, NULL, NULL, NULL);
  g_assert_true (window_test_wait (test, activity_idle, 10000));
  g_assert_cmpuint (n_activity (test), ==, ANSHIN_ACTIVITY_PAGE_SIZE);

  anshin_window_show_page (test->window, "activity");
  page = window_test_page (test, "activity_slot");
  scroller = pages_test_template_child (page, ANSHIN_TYPE_ACTIVITY_PAGE, "scroller");
  loading_row = pages_test_template_child (page, ANSHIN_TYPE_ACTIVITY_PAGE, "loading_row");
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  window_test_settle (test);

  /* scrolling to the end asks for the next page, with a spinner row,
   * until the oldest entry is there */
  while (!anshin_activity_get_complete (activity))
    {
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
      if (anshin_activity_get_loading (activity))
        {
          g_assert_true (gtk_widget_get_visible (loading_row));
          spinner_seen = TRUE;
        }
      g_assert_true (window_test_wait (test, activity_idle, 10000));
      window_test_settle (test);
      g_assert_cmpuint (++rounds, <, 50);
    }

  g_assert_true (spinner_seen);
  g_assert_false (gtk_widget_get_visible (loading_row));
  g_assert_cmpuint (n_activity (test), >=, 150);
}

static guint
count_shown_labels (GtkWidget  *root,
                    const char *text)
{
  guint count = 0;

  if (GTK_IS_LABEL (root) && gtk_widget_get_visible (root) &&
      g_strcmp0 (gtk_label_get_label (GTK_LABEL (root)), text) == 0)
    count++;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_get_visible (child))
      count += count_shown_labels (child, text);

  return count;
}

static guint n_before_payment;

static gboolean
paid_and_shown (WindowTest *test)
{
  g_autoptr(AnshinTransaction) newest = NULL;

  if (n_activity (test) <= n_before_payment)
    return FALSE;
  newest = g_list_model_get_item (G_LIST_MODEL (anshin_account_get_activity (test->account)), 0);
  return anshin_transaction_is_declined (newest) &&
         anshin_transaction_get_amount (newest) == 480 &&
         g_strcmp0 (anshin_transaction_get_merchant (newest), "ファミリーマート 羽田空港第1ターミナル店") == 0;
}

/* The demo bar's "Pay at a Shop…": QUICPay while it is not working is
 * declined, and the Activity page shows it at the top by itself */
static void
test_pay_at_shop (void)
{
  g_autoptr(WindowTest) test = story_at_december_2 ();
  GtkWidget *bar = window_test_child (test, "demo_bar");
  GtkWidget *button = pages_test_template_child (bar, ANSHIN_TYPE_DEMO_BAR, "pay_button");
  GtkWidget *page = window_test_page (test, "activity_slot");
  AnshinPayPopover *popover;

  /* the popover is made when the button is first clicked */
  g_assert_null (gtk_widget_get_first_child (button) != NULL &&
                 ANSHIN_IS_PAY_POPOVER (gtk_widget_get_last_child (button)) ? button : NULL);
  g_signal_emit_by_name (button, "clicked");
  popover = ANSHIN_PAY_POPOVER (gtk_widget_get_last_child (button));
  g_assert_true (ANSHIN_IS_PAY_POPOVER (popover));

  n_before_payment = n_activity (test);
  g_assert_true (anshin_pay_popover_get_controller (popover) == test->demo);
  anshin_pay_popover_pay (popover);
  g_assert_true (window_test_wait (test, paid_and_shown, 10000));
  window_test_settle (test);
  g_assert_nonnull (pages_test_find_label (page, _("Declined")));

  /* one heading for the day, above the new entry, not also on the next */
  {
    g_autoptr(AnshinTransaction) newest = g_list_model_get_item (G_LIST_MODEL (anshin_account_get_activity (test->account)), 0);
    g_autofree char *day = anshin_format_date (anshin_transaction_get_occurred_at (newest));

    g_assert_cmpuint (count_shown_labels (page, day), ==, 1);
  }
}

/* The page alone at 360 px, as on a phone-sized window */
static void
save_page (GtkWindow  *window,
           GtkWidget  *widget,
           const char *what)
{
  const char *language = g_getenv ("LANGUAGE");
  g_autofree char *file = g_strdup_printf ("activity-%s-%s.png",
                                           language != NULL && *language != '\0' ? language : "en",
                                           what);

  pages_test_save_png (window, widget, file);
}

static void
test_screenshots (void)
{
  g_autoptr(WindowTest) test = story_at_december_2 ();
  GtkWindow *window = GTK_WINDOW (adw_window_new ());
  GtkWidget *page = anshin_activity_page_new ();
  GtkWidget *list_view = pages_test_template_child (page, ANSHIN_TYPE_ACTIVITY_PAGE, "list_view");
  GtkWidget *chart = pages_test_template_child (page, ANSHIN_TYPE_ACTIVITY_PAGE, "chart");
  AdwStyleManager *style = adw_style_manager_get_default ();
  guint position = 0;

  adw_window_set_content (ADW_WINDOW (window), page);
  gtk_window_set_default_size (window, 360, 760);
  anshin_activity_page_set_account (ANSHIN_ACTIVITY_PAGE (page), test->account);
  gtk_window_present (window);
  window_test_settle (test);
  g_assert_cmpint (gtk_widget_get_width (page), <=, 360);

  save_page (window, page, "list");
  save_page (window, chart, "chart");
  find_declined_quicpay (test, &position);
  g_signal_emit_by_name (list_view, "activate", position);
  window_test_settle (test);
  save_page (window, page, "declined");

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_true (anshin_list_detail_go_back (pages_test_template_child (page, ANSHIN_TYPE_ACTIVITY_PAGE, "split")));
  window_test_settle (test);
  save_page (window, page, "dark");
  save_page (window, chart, "chart-dark");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);

  gtk_window_destroy (window);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  /* the story happens in Japan: its times read as there */
  g_setenv ("TZ", "Asia/Tokyo", TRUE);
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("ANSHIN_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  /* GTK's in-process accessibility backend: the chart's description can be checked */
  g_setenv ("GTK_A11Y", "test", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  setlocale (LC_ALL, "");
  adw_init ();
  /* what the tests see is where things end up, not halfway there */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  app = anshin_application_new (APPLICATION_ID, G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));

  g_test_add_func ("/activity-page/story", test_story);
  g_test_add_func ("/activity-page/paging", test_paging);
  g_test_add_func ("/activity-page/offline", test_offline);
  g_test_add_func ("/activity-page/pay-at-shop", test_pay_at_shop);
  g_test_add_func ("/activity-page/screenshots", test_screenshots);

  ret = g_test_run ();
  g_object_unref (app);

  return ret;
}
