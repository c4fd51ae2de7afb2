/* test-topup-limits.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "anshin-charge.h"
#include "anshin-time.h"
#include "anshin-topup-limits.h"

static GPtrArray *
charges_new (const char *first_time, ...)
{
  GPtrArray *charges = g_ptr_array_new_with_free_func ((GDestroyNotify) anshin_charge_free);
  const char *time = first_time;
  va_list args;

  va_start (args, first_time);
  while (time != NULL)
    {
      AnshinCharge *charge = anshin_charge_new ();

      charge->created_at = anshin_time_parse (time);
      charge->amount = va_arg (args, gint64);
      g_ptr_array_add (charges, charge);
      time = va_arg (args, const char *);
    }
  va_end (args);

  return charges;
}

static void
test_left_in_window (void)
{
  /* Newest first, as GET /v1/charges lists them. */
  g_autoptr(GPtrArray) charges = charges_new ("2025-12-02T09:00:00+09:00", (gint64) 50000,
                                              "2025-12-01T12:00:00+09:00", (gint64) 30000,
                                              "2025-11-20T09:00:00+09:00", (gint64) 50000,
                                              NULL);
  g_autoptr(GDateTime) now = anshin_time_parse ("2025-12-02T11:59:59+09:00");
  g_autoptr(GDateTime) later = anshin_time_parse ("2025-12-02T12:00:00+09:00");

  /* 24 h: both December charges count one second before the older one leaves. */
  g_assert_cmpint (anshin_topup_limits_left (charges, now, ANSHIN_TOPUP_WINDOW_24H,
                                             ANSHIN_TOPUP_LIMIT_24H, 0, NULL), ==, 20000);
  /* exactly 24 h after it, it no longer counts */
  g_assert_cmpint (anshin_topup_limits_left (charges, later, ANSHIN_TOPUP_WINDOW_24H,
                                             ANSHIN_TOPUP_LIMIT_24H, 0, NULL), ==, 50000);
  /* 720 h: all three */
  g_assert_cmpint (anshin_topup_limits_left (charges, now, ANSHIN_TOPUP_WINDOW_720H,
                                             ANSHIN_TOPUP_LIMIT_720H, 0, NULL), ==, 170000);
  /* nothing charged: the whole limit */
  g_assert_cmpint (anshin_topup_limits_left (NULL, now, ANSHIN_TOPUP_WINDOW_24H,
                                             ANSHIN_TOPUP_LIMIT_24H, 0, NULL), ==, 100000);
}

static void
test_fits_at (void)
{
  g_autoptr(GPtrArray) charges = charges_new ("2025-12-02T09:00:00+09:00", (gint64) 50000,
                                              "2025-12-01T12:00:00+09:00", (gint64) 30000,
                                              NULL);
  g_autoptr(GDateTime) now = anshin_time_parse ("2025-12-02T10:00:00+09:00");
  g_autoptr(GDateTime) fits_at = NULL;
  g_autofree char *when = NULL;

  /* 20,000 fits now */
  anshin_topup_limits_left (charges, now, ANSHIN_TOPUP_WINDOW_24H, ANSHIN_TOPUP_LIMIT_24H,
                            20000, &fits_at);
  g_assert_null (fits_at);

  /* 30,000 fits once the 1 Dec 12:00 charge leaves the window */
  anshin_topup_limits_left (charges, now, ANSHIN_TOPUP_WINDOW_24H, ANSHIN_TOPUP_LIMIT_24H,
                            30000, &fits_at);
  g_assert_nonnull (fits_at);
  when = anshin_time_to_string (fits_at);
  g_assert_cmpstr (when, ==, "2025-12-02T12:00:00+09:00");
  g_clear_pointer (&fits_at, g_date_time_unref);
  g_clear_pointer (&when, g_free);

  /* 50,000 also fits then: 50,000 + 50,000 is exactly the limit */
  anshin_topup_limits_left (charges, now, ANSHIN_TOPUP_WINDOW_24H, ANSHIN_TOPUP_LIMIT_24H,
                            50000, &fits_at);
  when = anshin_time_to_string (fits_at);
  g_assert_cmpstr (when, ==, "2025-12-02T12:00:00+09:00");
}

static void
test_fits_at_needs_several (void)
{
  g_autoptr(GPtrArray) charges = charges_new ("2025-12-02T09:00:00+09:00", (gint64) 50000,
                                              "2025-12-01T15:00:00+09:00", (gint64) 20000,
                                              "2025-12-01T12:00:00+09:00", (gint64) 30000,
                                              NULL);
  g_autoptr(GDateTime) now = anshin_time_parse ("2025-12-02T10:00:00+09:00");
  g_autoptr(GDateTime) fits_at = NULL;
  g_autofree char *when = NULL;

  /* the limit is used up; 40,000 fits once the two older charges leave */
  g_assert_cmpint (anshin_topup_limits_left (charges, now, ANSHIN_TOPUP_WINDOW_24H,
                                             ANSHIN_TOPUP_LIMIT_24H, 40000, &fits_at), ==, 0);
  when = anshin_time_to_string (fits_at);
  g_assert_cmpstr (when, ==, "2025-12-02T15:00:00+09:00");
}

static void
test_describe_refusal (void)
{
  g_autoptr(GDateTime) fits_at = anshin_time_parse ("2025-12-02T12:00:00+09:00");
  g_autofree char *day = anshin_topup_limits_describe_refusal (ANSHIN_TOPUP_WINDOW_24H, 20000, fits_at);
  g_autofree char *month = anshin_topup_limits_describe_refusal (ANSHIN_TOPUP_WINDOW_720H, 0, fits_at);

  /* TZ=UTC in the test environment: 12:00 JST is 03:00 local */
  g_assert_cmpstr (day, ==, "That is more than is left of the 24-hour limit (¥20,000 left). "
                            "This amount can be topped up from 2 Dec 2025, 03:00.");
  g_assert_true (g_str_has_prefix (month, "That is more than is left of the 720-hour (30-day) limit (¥0 left)."));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/topup-limits/left-in-window", test_left_in_window);
  g_test_add_func ("/topup-limits/fits-at", test_fits_at);
  g_test_add_func ("/topup-limits/fits-at-needs-several", test_fits_at_needs_several);
  g_test_add_func ("/topup-limits/describe-refusal", test_describe_refusal);

  return g_test_run ();
}
