/* test-mock-clock.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The issuer clock: whole seconds in +09:00, forward only, reset in either
 * direction, running at real speed from where it was set.
 */

#include "config.h"

#include "anshin-mock-clock.h"
#include "anshin-mock-error.h"
#include "anshin-time.h"

static void
test_forward_only (void)
{
  g_autoptr(GDateTime) start = anshin_time_parse ("2025-08-30T09:00:00.750+09:00");
  g_autoptr(GDateTime) later = anshin_time_parse ("2025-11-30T00:00:00Z");
  g_autoptr(GDateTime) earlier = anshin_time_parse ("2025-01-01T00:00:00+09:00");
  g_autoptr(AnshinMockClock) clock = anshin_mock_clock_new (start);
  g_autoptr(GDateTime) now = anshin_mock_clock_dup_now (clock);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = anshin_time_to_string (now);

  /* whole seconds, in the issuer's zone */
  g_assert_cmpstr (text, ==, "2025-08-30T09:00:00+09:00");
  g_assert_cmpint (g_date_time_get_microsecond (now), ==, 0);

  g_assert_true (anshin_mock_clock_set (clock, later, &error));
  g_assert_no_error (error);
  g_clear_pointer (&now, g_date_time_unref);
  g_clear_pointer (&text, g_free);
  now = anshin_mock_clock_dup_now (clock);
  text = anshin_time_to_string (now);
  g_assert_cmpstr (text, ==, "2025-11-30T09:00:00+09:00");

  g_assert_false (anshin_mock_clock_set (clock, earlier, &error));
  g_assert_error (error, ANSHIN_MOCK_ERROR, ANSHIN_MOCK_ERROR_CLOCK_BACKWARDS);

  /* loading a scenario may go back */
  anshin_mock_clock_reset (clock, earlier);
  g_clear_pointer (&now, g_date_time_unref);
  now = anshin_mock_clock_dup_now (clock);
  g_assert_cmpint (g_date_time_to_unix (now), ==, g_date_time_to_unix (earlier));
}

static gboolean
on_timeout_cb (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

static void
test_runs (void)
{
  g_autoptr(GDateTime) start = anshin_time_parse ("2025-08-30T09:00:00+09:00");
  g_autoptr(AnshinMockClock) clock = anshin_mock_clock_new (start);
  g_autoptr(AnshinMockClock) stopped = anshin_mock_clock_new (start);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) still = NULL;

  anshin_mock_clock_set_running (stopped, FALSE);
  g_assert_false (anshin_mock_clock_get_running (stopped));
  g_assert_true (anshin_mock_clock_get_running (clock));

  /* the only real wait in these tests: the clock must not stand still */
  g_timeout_add (1100, on_timeout_cb, loop);
  g_main_loop_run (loop);

  now = anshin_mock_clock_dup_now (clock);
  g_assert_cmpint (g_date_time_to_unix (now) - g_date_time_to_unix (start), >=, 1);
  g_assert_cmpint (g_date_time_to_unix (now) - g_date_time_to_unix (start), <=, 3);

  /* a stopped clock stays where it is */
  still = anshin_mock_clock_dup_now (stopped);
  g_assert_cmpint (g_date_time_to_unix (still), ==, g_date_time_to_unix (start));
  g_assert_cmpint (anshin_mock_clock_get_unix (stopped), ==, g_date_time_to_unix (start));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/mock/clock/forward-only", test_forward_only);
  g_test_add_func ("/mock/clock/runs", test_runs);

  return g_test_run ();
}
