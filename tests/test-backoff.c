/* test-backoff.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The waits before trying the issuer again (app/core/anshin-backoff.c),
 * table by table: doubling from the first wait, capped, the jitter only
 * ever making a wait sooner; and the one line the watcher prints.
 */

#include "config.h"

#include <locale.h>

#include "anshin-backoff.h"

static void
test_next (void)
{
  static const struct {
    guint  base_ms;
    guint  max_ms;
    guint  attempt;
    double jitter;
    guint  expected;
  } cases[] = {
    /* the watcher's defaults: 1 s doubling to 5 minutes */
    { 1000, 300000, 0, 0.0, 1000 },
    { 1000, 300000, 1, 0.0, 2000 },
    { 1000, 300000, 2, 0.0, 4000 },
    { 1000, 300000, 8, 0.0, 256000 },
    { 1000, 300000, 9, 0.0, 300000 },
    { 1000, 300000, 10, 0.0, 300000 },
    /* hours of failures: still the cap, no overflow */
    { 1000, 300000, 1000, 0.0, 300000 },
    { 1000, 300000, G_MAXUINT, 0.0, 300000 },
    { G_MAXUINT / 2, G_MAXUINT, 5, 0.0, G_MAXUINT },
    /* jitter: up to 20 % sooner, never later than the cap */
    { 1000, 300000, 0, 1.0, 800 },
    { 1000, 300000, 0, 0.5, 900 },
    { 1000, 300000, 20, 1.0, 240000 },
    { 1000, 300000, 20, 0.25, 285000 },
    /* the test timings of tests/background */
    { 200, 2000, 0, 0.0, 200 },
    { 200, 2000, 3, 0.0, 1600 },
    { 200, 2000, 4, 0.0, 2000 },
    /* a cap below the first wait is the first wait; nothing is 0 */
    { 5000, 1000, 0, 0.0, 5000 },
    { 5000, 1000, 3, 0.0, 5000 },
    { 0, 0, 0, 0.0, 1 },
    { 1, 1, 0, 1.0, 1 },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      guint delay = anshin_backoff_next (cases[i].base_ms, cases[i].max_ms, cases[i].attempt,
                                         cases[i].jitter);

      g_test_message ("case %" G_GSIZE_FORMAT ": %u ms", i, delay);
      g_assert_cmpuint (delay, ==, cases[i].expected);
    }
}

/* An issuer down for 3 hours, with the watcher's defaults: how many tries,
 * and how far apart, whatever the jitter. */
static void
test_hours (void)
{
  for (double jitter = 0.0; jitter <= 1.0; jitter += 0.5)
    {
      guint64 elapsed = 0;
      guint tries = 0;
      guint previous = 0;

      while (elapsed < 3 * 3600 * 1000)
        {
          guint delay = anshin_backoff_next (1000, 300000, tries, jitter);

          g_assert_cmpuint (delay, <=, 300000);
          g_assert_cmpuint (delay, >=, previous);
          previous = delay;
          elapsed += delay;
          tries++;
        }
      g_test_message ("jitter %.1f: %u tries in 3 hours", jitter, tries);
      /* 9 doublings to the cap (8.5 minutes in all), then one try every 4
       * to 5 minutes: 44 to 54 tries, where a fixed 1 s would be 10,800 */
      g_assert_cmpuint (tries, >=, 9 + (10800 - 511) / 300);
      g_assert_cmpuint (tries, <=, 9 + 10800 / 240 + 1);
    }
}

static void
test_describe (void)
{
  static const struct {
    guint       base_ms;
    guint       max_ms;
    const char *expected;
  } cases[] = {
    { 200, 2000, "after 0.2 s, 0.4 s, 0.8 s, 1.6 s, then about every 2 s" },
    { 1000, 300000, "after 1 s, 2 s, 4 s, 8 s, …, 256 s, then about every 300 s" },
    { 1000, 60000, "after 1 s, 2 s, 4 s, 8 s, …, 32 s, then about every 60 s" },
    { 250, 1000, "after 0.25 s, 0.5 s, then about every 1 s" },
    { 1000, 16000, "after 1 s, 2 s, 4 s, 8 s, then about every 16 s" },
    { 60000, 60000, "about every 60 s" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = anshin_backoff_describe (cases[i].base_ms, cases[i].max_ms);

      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/backoff/next", test_next);
  g_test_add_func ("/backoff/hours", test_hours);
  g_test_add_func ("/backoff/describe", test_describe);

  return g_test_run ();
}
