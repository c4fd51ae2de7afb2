/* test-window-moments.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each "right now" moment on the first page the holder sees (the Card
 * page of the main window, demo bar shown), at the scenario steps where it
 * happens, with the mock issuer in-process: the callout says exactly what
 * app/core chose, in English and Japanese, and its action works. Every
 * moment is saved as a PNG at the window's default size and at 360 px
 * (tests/screenshots/moment-LANG-NAME[-360].png), and at 360 px with the
 * demo bar the window's content still fits.
 */

#include "config.h"

#include <locale.h>
#include <string.h>
#include <time.h>

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "anshin-card-page.h"
#include "anshin-demo-bar.h"
#include "anshin-moment-callout.h"
#include "anshin-reissue-dialog.h"
#include "anshin-support-summary.h"
#include "anshin-topup-page.h"
#include "pages-test-util.h"
#include "window-test-util.h"

static AnshinApplication *app;
static AnshinMomentKind expected_kind;
static gboolean japanese;

static GtkWidget *
callout (WindowTest *test,
         const char *name)
{
  return pages_test_template_child (window_test_child (test, "card_page"), ANSHIN_TYPE_CARD_PAGE, name);
}

static gpointer
callout_child (WindowTest *test,
               const char *name)
{
  return pages_test_template_child (callout (test, "first_moment"), ANSHIN_TYPE_MOMENT_CALLOUT, name);
}

static GListModel *
current_moments (WindowTest *test)
{
  return anshin_account_dup_moments (test->account);
}

/* The page shows the expected kind, worded as app/core words the account
 * now: the refreshes after a step have all arrived and been shown (a
 * method's state, and its "since", may change once more after the step). */
static gboolean
moment_shown (WindowTest *test)
{
  AnshinMoment *moment = anshin_moment_callout_get_moment (ANSHIN_MOMENT_CALLOUT (callout (test, "first_moment")));
  g_autoptr(GListModel) moments = NULL;
  g_autoptr(AnshinMoment) now = NULL;

  if (moment == NULL || anshin_moment_get_kind (moment) != expected_kind)
    return FALSE;

  moments = current_moments (test);
  now = g_list_model_get_item (moments, 0);
  return now != NULL &&
         g_strcmp0 (gtk_label_get_label (callout_child (test, "title_label")), anshin_moment_get_title (now)) == 0 &&
         g_strcmp0 (gtk_label_get_label (callout_child (test, "body_label")), anshin_moment_get_body (now)) == 0;
}

/* The first callout shows @kind, as app/core words it for the account
 * now, titled @title_en / @title_ja; its action, if any, is @action. */
static void
assert_first_moment (WindowTest       *test,
                     AnshinMomentKind  kind,
                     const char       *title_en,
                     const char       *title_ja,
                     const char       *action)
{
  g_autoptr(GListModel) moments = NULL;
  g_autoptr(AnshinMoment) moment = NULL;
  GtkWidget *button = callout_child (test, "action_button");

  expected_kind = kind;
  g_assert_true (window_test_wait (test, moment_shown, 10000));
  g_assert_cmpstr (anshin_window_get_view (test->window), ==, "wallet");
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (window_test_child (test, "stack"))),
                   ==, "card");

  moments = current_moments (test);
  moment = g_list_model_get_item (moments, 0);
  g_assert_nonnull (moment);
  g_assert_cmpint (anshin_moment_get_kind (moment), ==, kind);

  g_test_message ("%s | %s", gtk_label_get_label (callout_child (test, "title_label")),
                  gtk_label_get_label (callout_child (test, "body_label")));
  g_assert_true (pages_test_is_shown (callout (test, "first_moment")));
  g_assert_cmpstr (gtk_label_get_label (callout_child (test, "title_label")), ==,
                   japanese ? title_ja : title_en);
  g_assert_cmpstr (gtk_label_get_label (callout_child (test, "title_label")), ==,
                   anshin_moment_get_title (moment));
  g_assert_cmpstr (gtk_label_get_label (callout_child (test, "body_label")), ==,
                   anshin_moment_get_body (moment));

  if (action != NULL)
    {
      g_autofree char *detailed = NULL;
      GVariant *target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (button));

      g_assert_true (pages_test_is_shown (button));
      g_assert_true (gtk_widget_is_sensitive (button));
      detailed = target != NULL
        ? g_strdup_printf ("%s::%s", gtk_actionable_get_action_name (GTK_ACTIONABLE (button)),
                           g_variant_get_string (target, NULL))
        : g_strdup (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)));
      g_assert_cmpstr (detailed, ==, action);
    }
  else
    g_assert_false (pages_test_is_shown (button));
}

static void
dump_wide (GtkWidget *widget,
           int        depth)
{
  int min = 0;

  if (!gtk_widget_get_visible (widget))
    return;
  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
  if (min < (depth > 5 ? 30 : 250))
    return;
  g_printerr ("%*s%s#%s %d\n", depth * 2, "", G_OBJECT_TYPE_NAME (widget),
              gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget)) ?: "", min);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    dump_wide (c, depth + 1);
}

/* Every label that shows under @root is whole: none cut off with "…"
 * (the view switcher's labels, the header bar's title, the demo bar's
 * step), and none taller than the room it has. Returns how many it saw. */
static guint
assert_labels_whole (GtkWidget  *root,
                     const char *what)
{
  guint n = 0;

  /* libadwaita's own number badge on a page's icon is not text to read */
  if (!gtk_widget_get_mapped (root) || g_str_equal (G_OBJECT_TYPE_NAME (root), "AdwIndicatorBin"))
    return 0;

  if (GTK_IS_LABEL (root) && *gtk_label_get_text (GTK_LABEL (root)) != '\0')
    {
      GtkLabel *label = GTK_LABEL (root);
      int height = 0;

      gtk_widget_measure (root, GTK_ORIENTATION_VERTICAL, gtk_widget_get_width (root),
                          &height, NULL, NULL, NULL);
      if (pango_layout_is_ellipsized (gtk_label_get_layout (label)) ||
          gtk_widget_get_height (root) < height)
        g_error ("%s at %d px: “%s” is cut off (%d px wide, %d of %d px high)", what,
                 gtk_widget_get_width (gtk_widget_get_ancestor (root, GTK_TYPE_WINDOW)),
                 gtk_label_get_text (label), gtk_widget_get_width (root),
                 gtk_widget_get_height (root), height);
      return 1;
    }

  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    n += assert_labels_whole (c, what);

  return n;
}

/* At phone width: the five page labels (in the header bar, or in the
 * switcher bar at the bottom when they do not fit there), the window's
 * title when it shows, and the demo bar's step, whole. */
static void
assert_nothing_cut_off (WindowTest *test)
{
  AdwViewSwitcherTitle *title = ADW_VIEW_SWITCHER_TITLE (window_test_child (test, "switcher_title"));
  guint in_title = assert_labels_whole (GTK_WIDGET (title), "the header bar");
  guint in_bar = assert_labels_whole (window_test_child (test, "switcher_bar"), "the switcher bar");

  g_test_message ("360 px: %s; %u labels in the header bar, %u in the switcher bar",
                  adw_view_switcher_title_get_title_visible (title) ? "title shown" : "switcher in the header bar",
                  in_title, in_bar);
  /* every page's label shows, one of them bold (the page that is open) */
  if (adw_view_switcher_title_get_title_visible (title))
    g_assert_cmpuint (in_bar, ==, 5);
  else
    g_assert_cmpuint (in_title, ==, 5);
  g_assert_cmpuint (assert_labels_whole (pages_test_template_child (window_test_child (test, "demo_bar"),
                                                                    ANSHIN_TYPE_DEMO_BAR, "step_column"),
                                         "the demo bar's step"), ==, 1);
}

static gboolean waited;

static gboolean
on_waited_cb (gpointer user_data)
{
  waited = TRUE;
  return G_SOURCE_REMOVE;
}

static gboolean
has_waited (WindowTest *test)
{
  return waited;
}

/* Lets the transitions (crossfades, the switcher bar sliding in) end:
 * the pictures show where things end up. */
static void
let_transitions_end (WindowTest *test)
{
  waited = FALSE;
  g_timeout_add (600, on_waited_cb, NULL);
  g_assert_true (window_test_wait (test, has_waited, 5000));
}

/* The window at its default size, then at 360 px (phone width) with the
 * demo bar still shown: nothing wider than the window. */
static void
save_moment (WindowTest *test,
             const char *name)
{
  g_autofree char *file = g_strdup_printf ("moment-%s-%s.png", japanese ? "ja" : "en", name);
  g_autofree char *narrow = g_strdup_printf ("moment-%s-%s-360.png", japanese ? "ja" : "en", name);
  GtkWidget *window = GTK_WIDGET (test->window);
  int minimum = 0;
  int natural = 0;

  gtk_window_set_default_size (GTK_WINDOW (window), 960, 680);
  let_transitions_end (test);
  pages_test_save_png (GTK_WINDOW (window), window, file);
  pages_test_assert_mnemonics_unique (window);

  gtk_window_set_default_size (GTK_WINDOW (window), 360, 760);
  let_transitions_end (test);
  pages_test_save_png (GTK_WINDOW (window), window, narrow);
  assert_nothing_cut_off (test);
  g_assert_true (pages_test_is_shown (window_test_child (test, "demo_bar")));
  gtk_widget_measure (gtk_window_get_child (GTK_WINDOW (window)), GTK_ORIENTATION_HORIZONTAL, -1,
                      &minimum, &natural, NULL, NULL);
  {
    int bar_min = 0;

    gtk_widget_measure (window_test_child (test, "demo_bar"), GTK_ORIENTATION_HORIZONTAL, -1,
                        &bar_min, NULL, NULL, NULL);
    g_test_message ("360 px: window %d, content minimum %d, demo bar minimum %d",
                    gtk_widget_get_width (window), minimum, bar_min);
  }
  if (minimum > 360)
    dump_wide (window, 0);
  g_assert_cmpint (minimum, <=, 360);
  /* the window really is that narrow, and its content is not cut off */
  g_assert_cmpint (gtk_widget_get_width (window), <=, 360);
  g_assert_cmpint (gtk_widget_get_width (gtk_window_get_child (GTK_WINDOW (window))), >=, minimum);
  g_assert_cmpint (gtk_widget_get_width (window_test_child (test, "demo_bar")), <=, 360);

  gtk_window_set_default_size (GTK_WINDOW (window), 960, 680);
  pages_test_flush ();
}

static gboolean
message_dialog_shown (WindowTest *test)
{
  return window_test_find_dialog (test, ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

static gboolean
reissue_dialog_shown (WindowTest *test)
{
  return window_test_find_dialog (test, ANSHIN_TYPE_REISSUE_DIALOG) != NULL;
}

static gboolean
showing_methods (WindowTest *test)
{
  return g_strcmp0 (adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (window_test_child (test, "stack"))),
                    "payment-methods") == 0;
}

static void
close_dialog (WindowTest *test,
              GType       type)
{
  GtkWindow *dialog = window_test_find_dialog (test, type);

  g_assert_nonnull (dialog);
  gtk_window_destroy (dialog);
  pages_test_flush ();
}

static WindowTest *
start (const char *scenario,
       guint       step)
{
  WindowTest *test;

  window_test_reset_settings ();
  test = window_test_new (app, scenario, FALSE);
  window_test_start (test);
  for (guint i = 1; i < step; i++)
    window_test_next_step (test);

  return test;
}

static const char *
narration_shown (WindowTest *test)
{
  return gtk_label_get_label (pages_test_template_child (window_test_child (test, "demo_bar"),
                                                         ANSHIN_TYPE_DEMO_BAR, "narration_label"));
}

/* At renewal day, at 360 px: every page in turn (its label bold in the
 * switcher), nothing cut off; the narration follows the page: on Notices
 * it is about the notice, on Payment Methods about the methods, on the
 * other pages the step's own. */
static void
walk_pages_narrow (WindowTest *test)
{
  static const struct {
    const char *page;
    const char *narration;   /* NULL: the step's own */
  } pages[] = {
    { "card", NULL },
    { "payment-methods", "Right after the renewal QUICPay, Apple Pay and Google Pay are being updated; "
                         "each says when it should work again." },
    { "notices", "On Notices the “card activation complete” notice keeps the issuer’s own subject and "
                 "is marked Expected: it is the scheduled renewal, not a takeover." },
    { "top-up", NULL },
    { "activity", NULL },
    { "card", NULL },
  };
  const char *step = "A “card activation complete” notice arrives unasked: the card switched to its new "
                     "expiry date, and QUICPay and the wallets are still being updated.";
  GtkWidget *window = GTK_WIDGET (test->window);

  /* the wide size save_moment() went back to first, then phone width */
  let_transitions_end (test);
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 760);
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      const char *expected = _(pages[i].narration != NULL ? pages[i].narration : step);

      anshin_window_show_page (test->window, pages[i].page);
      let_transitions_end (test);
      g_test_message ("%s at %d px", pages[i].page, gtk_widget_get_width (window));
      g_assert_cmpint (gtk_widget_get_width (window), <=, 360);
      assert_nothing_cut_off (test);
      g_test_message ("%s: %s", pages[i].page, narration_shown (test));
      g_assert_cmpstr (narration_shown (test), ==, expected);
      if (i > 0 && g_strcmp0 (pages[i].narration, pages[i - 1].narration) != 0)
        g_assert_cmpstr (narration_shown (test), !=, _(pages[i - 1].narration != NULL ? pages[i - 1].narration : step));
    }
  {
    g_autofree char *file = g_strdup_printf ("moment-%s-notices-360.png", japanese ? "ja" : "en");

    GtkToggleButton *details = pages_test_template_child (window_test_child (test, "demo_bar"),
                                                          ANSHIN_TYPE_DEMO_BAR, "details_button");

    /* the narration open, about the notice */
    anshin_window_show_page (test->window, "notices");
    gtk_toggle_button_set_active (details, TRUE);
    let_transitions_end (test);
    pages_test_save_png (GTK_WINDOW (window), window, file);
    gtk_toggle_button_set_active (details, FALSE);
    anshin_window_show_page (test->window, "card");
  }
  gtk_window_set_default_size (GTK_WINDOW (window), 960, 680);
  pages_test_flush ();
}

/* seed-story step 3 (renewal-smooth likewise): renewal day, as planned */
static void
walk_renewal (void)
{
  g_autoptr(WindowTest) test = start ("seed-story", 3);

  assert_first_moment (test, ANSHIN_MOMENT_KIND_RENEWAL_EXPECTED,
                       "Your card renewed as planned", "カードは予定どおり更新されました",
                       "win.show-page::payment-methods");
  save_moment (test, "renewal-expected");

  /* the Notices page open on the "card activation complete" notice: its
   * explanation beside the list, one column at 360 px */
  g_assert_true (anshin_window_show_notice (test->window,
                                            anshin_notice_get_id (window_test_notice (test, ANSHIN_NOTICE_CODE_CARD_ACTIVATED))));
  save_moment (test, "notice-renewal");

  anshin_window_show_page (test->window, "card");
  pages_test_flush ();
  walk_pages_narrow (test);
  g_signal_emit_by_name (callout_child (test, "action_button"), "clicked");
  g_assert_true (window_test_wait (test, showing_methods, 5000));
}

/* unexpected-activation step 2: red, Freeze Card inside, the issuer's
 * own support desk with a Copy button */
static void
walk_unexpected (void)
{
  g_autoptr(WindowTest) test = start ("unexpected-activation", 2);
  GtkWidget *button;

  assert_first_moment (test, ANSHIN_MOMENT_KIND_UNEXPECTED_ACTIVATION,
                       "Your card was activated, but nothing was announced",
                       "予定にないカード有効化のお知らせです", "win.freeze-card");
  g_assert_true (gtk_widget_has_css_class (callout (test, "first_moment"), "error"));
  g_assert_true (gtk_widget_has_css_class (callout_child (test, "action_button"), "suggested-action"));
  g_assert_true (pages_test_is_shown (callout_child (test, "support_box")));
  g_assert_cmpstr (gtk_label_get_label (callout_child (test, "phone_label")), ==, "0120-000-000");
  g_assert_true (pages_test_is_shown (callout_child (test, "note_label")));
  save_moment (test, "unexpected-activation");

  /* Copy puts the number on the clipboard, and says so */
  g_signal_emit_by_name (callout_child (test, "copy_button"), "clicked");
  pages_test_flush ();
  g_assert_nonnull (pages_test_find_label (window_test_child (test, "toast_overlay"),
                                           japanese ? "電話番号をコピーしました" : "Phone number copied"));

  /* Freeze Card asks first, as everywhere */
  button = callout_child (test, "action_button");
  g_signal_emit_by_name (button, "clicked");
  g_assert_true (window_test_wait (test, message_dialog_shown, 5000));
  close_dialog (test, ADW_TYPE_MESSAGE_DIALOG);
}

static void
on_reissued_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (anshin_account_reissue_finish (ANSHIN_ACCOUNT (object), result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

static gboolean reissued;

static gboolean
reissue_answered (WindowTest *test)
{
  return reissued;
}

/* seed-story step 5: QUICPay not working; the reissue, then done */
static void
walk_quicpay_and_reissue (void)
{
  g_autoptr(WindowTest) test = start ("seed-story", 5);
  GtkListBox *choices;
  GtkWidget *reissue_button;

  assert_first_moment (test, ANSHIN_MOMENT_KIND_METHOD_NOT_WORKING,
                       "Pay with Mastercard contactless today",
                       "今日はMastercardタッチ決済でお支払いいただけます", NULL);
  choices = callout_child (test, "choices_list");
  g_assert_cmpuint (pages_test_count_rows (choices), ==, 2);
  reissue_button = pages_test_find_actionable (GTK_WIDGET (choices), "win.reissue-card", NULL);
  g_assert_nonnull (reissue_button);
  g_assert_true (gtk_widget_is_sensitive (reissue_button));
  save_moment (test, "quicpay-not-working");

  /* the reissue button right there opens the reissue dialog (found again:
   * a refresh while the pictures were taken may have rebuilt the rows) */
  reissue_button = pages_test_find_actionable (GTK_WIDGET (callout_child (test, "choices_list")),
                                               "win.reissue-card", NULL);
  g_assert_nonnull (reissue_button);
  g_signal_emit_by_name (reissue_button, "clicked");
  g_assert_true (window_test_wait (test, reissue_dialog_shown, 5000));
  close_dialog (test, ANSHIN_TYPE_REISSUE_DIALOG);

  reissued = FALSE;
  anshin_account_reissue_async (test->account, NULL, on_reissued_cb, &reissued);
  g_assert_true (window_test_wait (test, reissue_answered, 10000));
  window_test_settle (test);
  assert_first_moment (test, ANSHIN_MOMENT_KIND_REISSUE_IN_PROGRESS,
                       "Your new card number is being prepared", "新しいカード番号を準備しています", NULL);
  g_assert_true (pages_test_is_shown (callout_child (test, "countdown_label")));
  save_moment (test, "reissue-in-progress");

  window_test_advance_clock (test, 3 * 60 * 60 + 60);
  {
    g_autofree char *en = g_strdup_printf ("Your new card number is ready (•••• %s)",
                                           anshin_card_get_number_last4 (anshin_account_get_card (test->account)));
    g_autofree char *ja = g_strdup_printf ("新しいカード番号の準備ができました（•••• %s）",
                                           anshin_card_get_number_last4 (anshin_account_get_card (test->account)));

    assert_first_moment (test, ANSHIN_MOMENT_KIND_REISSUE_DONE, en, ja, NULL);
  }
  g_assert_true (pages_test_is_shown (callout_child (test, "checklist_box")));
  g_assert_false (pages_test_is_shown (callout_child (test, "countdown_label")));
  save_moment (test, "reissue-done");
}

static char *clipboard_text;

static void
on_clipboard_read_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  clipboard_text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (object), result, &error);
  g_assert_no_error (error);
}

static gboolean
clipboard_read (WindowTest *test)
{
  return clipboard_text != NULL;
}

/* win.copy-summary (the main menu's Copy Summary for Support) puts the
 * summary for the support desk on the clipboard, and says so */
static void
assert_copy_summary (WindowTest *test)
{
  AnshinAccount *account = test->account;
  g_autofree char *expected = anshin_support_summary_text (anshin_account_get_card (account),
                                                           anshin_account_get_payment_methods (account),
                                                           anshin_account_get_notices (account),
                                                           anshin_account_get_registration_locked_until (account),
                                                           anshin_account_get_issuer_info (account),
                                                           anshin_account_get_now (account));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (test->window), "win.copy-summary", NULL));
  g_clear_pointer (&clipboard_text, g_free);
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (test->window)), NULL,
                                 on_clipboard_read_cb, NULL);
  g_assert_true (window_test_wait (test, clipboard_read, 5000));
  g_test_message ("%s", clipboard_text);
  g_assert_cmpstr (clipboard_text, ==, expected);
  /* the last four digits, never a whole number */
  g_assert_nonnull (strstr (clipboard_text, anshin_card_get_number_last4 (anshin_account_get_card (account))));
  g_assert_false (g_regex_match_simple ("[0-9]{12}", clipboard_text, 0, 0));
  g_assert_nonnull (pages_test_find_label (window_test_child (test, "toast_overlay"),
                                           japanese ? "概要をコピーしました。カスタマーセンターへのお問い合わせに貼り付けてください"
                                                    : "Summary copied: paste it to the support desk"));
  g_clear_pointer (&clipboard_text, g_free);
}

/* locked-out step 1: on the Card page and at the top of Top-up */
static void
walk_locked_out (void)
{
  g_autoptr(WindowTest) test = start ("locked-out", 1);
  GtkWidget *topup_callout;

  assert_first_moment (test, ANSHIN_MOMENT_KIND_REGISTRATION_LOCKED,
                       "Adding a charge card is paused until 4 Dec 2025, 08:00",
                       "チャージ用クレジットカードの登録は2025年12月4日 8:00まで一時停止中です",
                       "app.remind-registration::2025-12-04T08:00:00+09:00");
  g_assert_true (pages_test_is_shown (callout_child (test, "countdown_label")));
  g_assert_true (pages_test_is_shown (callout (test, "second_moment")));
  save_moment (test, "registration-locked");
  assert_copy_summary (test);

  anshin_window_show_page (test->window, "top-up");
  pages_test_flush ();
  topup_callout = pages_test_find_type (window_test_child (test, "topup_slot"), ANSHIN_TYPE_MOMENT_CALLOUT);
  g_assert_nonnull (topup_callout);
  g_assert_true (pages_test_is_shown (topup_callout));
  g_assert_cmpint (anshin_moment_get_kind (anshin_moment_callout_get_moment (ANSHIN_MOMENT_CALLOUT (topup_callout))),
                   ==, ANSHIN_MOMENT_KIND_REGISTRATION_LOCKED);
  {
    g_autofree char *file = g_strdup_printf ("moment-%s-registration-locked-topup.png", japanese ? "ja" : "en");

    let_transitions_end (test);

    pages_test_save_png (GTK_WINDOW (test->window), GTK_WIDGET (test->window), file);
  }
}

static void
test_window_moments (gconstpointer data)
{
  const char *lang = data;

  if (g_test_subprocess ())
    {
      /* the scenarios happen in Japan */
      g_setenv ("TZ", "Asia/Tokyo", TRUE);
      tzset ();
      if (g_str_equal (lang, "ja"))
        {
          g_setenv ("LANGUAGE", "ja", TRUE);
          g_assert_nonnull (setlocale (LC_ALL, "ja_JP.UTF-8"));
          japanese = TRUE;
        }

      app = anshin_application_new (APPLICATION_ID, G_APPLICATION_NON_UNIQUE);
      g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));

      walk_renewal ();
      walk_unexpected ();
      walk_quicpay_and_reissue ();
      walk_locked_out ();
      return;
    }

  if (g_str_equal (lang, "ja") && setlocale (LC_ALL, "ja_JP.UTF-8") == NULL)
    {
      g_test_skip ("the ja_JP.UTF-8 locale is not installed");
      return;
    }
  setlocale (LC_ALL, "");

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR | G_TEST_SUBPROCESS_INHERIT_STDOUT);
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("ANSHIN_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  gtk_test_init (&argc, &argv, NULL);
  setlocale (LC_ALL, "");

  g_test_add_data_func ("/window-moments/en", "en", test_window_moments);
  g_test_add_data_func ("/window-moments/ja", "ja", test_window_moments);

  return g_test_run ();
}
