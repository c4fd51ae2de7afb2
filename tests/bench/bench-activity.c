/* bench-activity.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Activity page with 5,000 transactions in the mock issuer (POST
 * /admin/history), in the window, under tests/headless:
 *  - the time from the first page's answer (the activity model merging
 *    it) to its rows painted, target under 100 ms;
 *  - the longest main-loop gap while scrolling through all of them a
 *    screen at a time, the older pages loading as the list nears its end
 *    (printed; target under 100 ms as well, no frame-long stall);
 *  - the growth of the resident set from before the first page to the end.
 * The last line says whether the targets were met. Run it with
 *   tests/headless meson test -C build --benchmark activity
 */

#include "config.h"

#include <locale.h>
#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "anshin-activity-page.h"

#include "pages-test-util.h"
#include "window-test-util.h"

#define N_TRANSACTIONS 5000
#define TARGET_FIRST_MS 100.0
#define TARGET_GAP_MS   100.0

static gint64 answer_at;
static gint64 painted_at;
static gint64 last_tick;
static gint64 longest_gap;

static long
rss_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, "VmRSS:");
  return line != NULL ? strtol (line + 6, NULL, 10) : -1;
}

static gboolean
on_tick_cb (gpointer user_data)
{
  gint64 now = g_get_monotonic_time ();

  if (last_tick != 0)
    longest_gap = MAX (longest_gap, now - last_tick);
  last_tick = now;
  return G_SOURCE_CONTINUE;
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   gpointer       user_data)
{
  if (answer_at != 0 && painted_at == 0)
    painted_at = g_get_monotonic_time ();
}

static void
on_first_page_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added)
{
  if (answer_at == 0 && added > 0)
    answer_at = g_get_monotonic_time ();
}

static gboolean
first_page_painted (WindowTest *test)
{
  return painted_at != 0;
}

static gboolean
activity_idle (WindowTest *test)
{
  return !anshin_activity_get_loading (anshin_account_get_activity (test->account));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AnshinApplication) app = NULL;
  g_autoptr(WindowTest) test = NULL;
  g_autofree char *body = g_strdup_printf ("{\"count\": %d}", N_TRANSACTIONS);
  g_autoptr(JsonNode) seeded = NULL;
  AnshinActivity *activity;
  GtkWidget *page, *scroller;
  GtkAdjustment *adjustment;
  GdkFrameClock *clock;
  double first_ms, gap_ms;
  long rss_before, rss_after;
  guint status = 0, tick;
  gboolean met;

  g_setenv ("TZ", "Asia/Tokyo", TRUE);
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("ANSHIN_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  gtk_init ();
  setlocale (LC_ALL, "");
  adw_init ();

  app = anshin_application_new (APPLICATION_ID, G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));

  window_test_reset_settings ();
  test = window_test_new (app, "seed-story", FALSE);
  window_test_start (test);
  activity = anshin_account_get_activity (test->account);

  seeded = issuer_test_http (window_test_get_url (test), NULL, "POST", "admin/history", body, NULL,
                             &status);
  g_assert_cmpuint (status, ==, 201);

  anshin_window_show_page (test->window, "activity");
  page = window_test_child (test, "activity_page");
  scroller = pages_test_template_child (page, ANSHIN_TYPE_ACTIVITY_PAGE, "scroller");
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (test->window));
  g_assert_nonnull (clock);
  g_assert_true (window_test_wait (test, activity_idle, 10000));

  /* the first page, from empty: answer -> rows painted */
  anshin_activity_clear (activity);
  while (g_main_context_iteration (NULL, FALSE));
  rss_before = rss_kib ();
  g_signal_connect (activity, "items-changed", G_CALLBACK (on_first_page_cb), NULL);
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), NULL);
  anshin_activity_reload_async (activity, NULL, NULL, NULL);
  g_assert_true (window_test_wait (test, first_page_painted, 20000));
  first_ms = (painted_at - answer_at) / 1000.0;
  g_signal_handlers_disconnect_by_func (clock, on_after_paint_cb, NULL);
  g_signal_handlers_disconnect_by_func (activity, on_first_page_cb, NULL);

  /* scrolling through all of them, a screen at a time, a frame each */
  tick = g_timeout_add (5, on_tick_cb, NULL);
  while (!anshin_activity_get_complete (activity) ||
         gtk_adjustment_get_value (adjustment) + gtk_adjustment_get_page_size (adjustment) <
         gtk_adjustment_get_upper (adjustment) - 1)
    {
      gint64 frame = gdk_frame_clock_get_frame_counter (clock);

      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) +
                                            gtk_adjustment_get_page_size (adjustment));
      while (gdk_frame_clock_get_frame_counter (clock) == frame)
        g_main_context_iteration (NULL, TRUE);
      if (anshin_activity_get_complete (activity) == FALSE &&
          !anshin_activity_get_loading (activity) &&
          gtk_adjustment_get_value (adjustment) + gtk_adjustment_get_page_size (adjustment) >=
          gtk_adjustment_get_upper (adjustment) - 1)
        g_main_context_iteration (NULL, TRUE);
    }
  g_source_remove (tick);
  gap_ms = longest_gap / 1000.0;
  rss_after = rss_kib ();

  met = first_ms < TARGET_FIRST_MS && gap_ms < TARGET_GAP_MS;
  printf ("transactions shown: %u of %d\n",
          g_list_model_get_n_items (G_LIST_MODEL (activity)), N_TRANSACTIONS);
  printf ("first page: %.1f ms from the answer to its rows painted (target < %.0f ms)\n",
          first_ms, TARGET_FIRST_MS);
  printf ("scrolling through all: longest main-loop gap %.1f ms (target < %.0f ms)\n",
          gap_ms, TARGET_GAP_MS);
  printf ("RSS: %ld KiB before, %ld KiB after, growth %ld KiB\n",
          rss_before, rss_after, rss_after - rss_before);
  printf ("%s\n", met ? "targets met" : "targets NOT met");

  g_clear_pointer (&test, window_test_free);
  return met ? 0 : 1;
}
