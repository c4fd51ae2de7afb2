/* test-format.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The issuer's times (anshin-time) and the text people read (anshin-format),
 * in English (C.UTF-8) and in Japanese (ja_JP.UTF-8, with the project's own
 * catalog from ANSHIN_LOCALEDIR). A Japanese case is skipped only while the
 * catalog does not translate a string it needs yet.
 */

#include "config.h"

#include <locale.h>

#include <glib/gi18n-lib.h>

#include "anshin-format.h"
#include "anshin-time.h"

#define NOW "2025-11-30T09:00:00+09:00"

/* The strings the Japanese cases need, to tell a missing translation (skip)
 * from a wrong one (fail). */
typedef struct {
  const char *context;
  const char *msgid;
  const char *msgid_plural;
} Msg;

static void
set_zone (const char *tz)
{
  /* GLib notices a changed TZ the next time it asks for the local zone. */
  g_setenv ("TZ", tz ? tz : "UTC", TRUE);
}

static gboolean
enter_japanese (const Msg *needed,
                gsize      n_needed)
{
  if (setlocale (LC_ALL, "ja_JP.UTF-8") == NULL)
    {
      g_test_skip ("the ja_JP.UTF-8 locale is not installed");
      return FALSE;
    }

  for (gsize i = 0; i < n_needed; i++)
    {
      const Msg *msg = &needed[i];
      const char *translated;
      const char *untranslated;

      if (msg->context != NULL)
        {
          translated = g_dpgettext2 (GETTEXT_PACKAGE, msg->context, msg->msgid);
          untranslated = msg->msgid;
        }
      else if (msg->msgid_plural != NULL)
        {
          translated = g_dngettext (GETTEXT_PACKAGE, msg->msgid, msg->msgid_plural, 2);
          untranslated = msg->msgid_plural;
        }
      else
        {
          translated = g_dgettext (GETTEXT_PACKAGE, msg->msgid);
          untranslated = msg->msgid;
        }

      if (g_strcmp0 (translated, untranslated) == 0)
        {
          g_autofree char *reason = g_strdup_printf ("ja catalog lacks \"%s\"", untranslated);

          setlocale (LC_ALL, "C.UTF-8");
          g_test_skip (reason);
          return FALSE;
        }
    }

  return TRUE;
}

static void
leave_japanese (void)
{
  g_assert_nonnull (setlocale (LC_ALL, "C.UTF-8"));
}

static GDateTime *
parse (const char *text)
{
  GDateTime *time = anshin_time_parse (text);

  g_assert_nonnull (time);
  return time;
}

/* anshin-time */

static void
test_issuer_time_zone (void)
{
  g_autoptr(GTimeZone) zone = anshin_issuer_time_zone ();

  g_assert_nonnull (zone);
  g_assert_cmpstr (g_time_zone_get_identifier (zone), ==, "+09:00");
  g_assert_cmpint (g_time_zone_get_offset (zone, 0), ==, 9 * 3600);
}

static void
test_time_parse (void)
{
  const struct {
    const char *text;
    const char *expected; /* anshin_time_to_string() of the result, or NULL if refused */
  } cases[] = {
    { "2025-11-30T09:00:00+09:00", "2025-11-30T09:00:00+09:00" },
    { "2025-11-30T00:00:00Z", "2025-11-30T00:00:00+00:00" },
    { "2025-11-30t09:00:00z", "2025-11-30T09:00:00+00:00" },
    { "2025-11-29T19:00:00-05:00", "2025-11-29T19:00:00-05:00" },
    { "2025-11-30T09:00:00.123456+09:00", "2025-11-30T09:00:00+09:00" },
    { "2024-02-29T23:59:59+09:00", "2024-02-29T23:59:59+09:00" },
    { "0769-12-03T07:40:00+09:00", "0769-12-03T07:40:00+09:00" }, /* four digits back */
    { NULL, NULL },
    { "", NULL },
    { "junk", NULL },
    { "2025-11-30", NULL },
    { "2025-11-30T09:00:00", NULL },              /* no offset: the instant would be a guess */
    { "2025-11-30T09:00+09:00", NULL },           /* no seconds */
    { "2025-11-30 09:00:00+09:00", NULL },
    { "20251130T090000+0900", NULL },             /* ISO 8601 basic format */
    { "2025-W48-7T09:00:00Z", NULL },             /* ISO 8601 week date */
    { "2025-11-30T09:00:00+0900", NULL },
    { "2025-11-30T09:00:00+09", NULL },
    { "2025-11-30T09:00:00.+09:00", NULL },
    { "2025-11-30T09:00:00+09:00 ", NULL },
    { " 2025-11-30T09:00:00+09:00", NULL },
    { "2025-02-30T09:00:00+09:00", NULL },
    { "2025-13-01T09:00:00+09:00", NULL },
    { "2025-11-31T09:00:00+09:00", NULL },
    { "2025-11-30T24:00:00+09:00", NULL },
    { "2025-11-30T09:60:00+09:00", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GDateTime) time = anshin_time_parse (cases[i].text);

      g_test_message ("%s", cases[i].text ? cases[i].text : "(null)");
      if (cases[i].expected == NULL)
        {
          g_assert_null (time);
        }
      else
        {
          g_autofree char *text = NULL;

          g_assert_nonnull (time);
          text = anshin_time_to_string (time);
          g_assert_cmpstr (text, ==, cases[i].expected);
        }
    }
}

static void
test_time_same_instant (void)
{
  g_autoptr(GDateTime) tokyo = parse ("2025-11-30T09:00:00+09:00");
  g_autoptr(GDateTime) utc = parse ("2025-11-30T00:00:00Z");
  g_autoptr(GDateTime) new_york = parse ("2025-11-29T19:00:00-05:00");

  g_assert_true (g_date_time_equal (tokyo, utc));
  g_assert_true (g_date_time_equal (tokyo, new_york));
}

static void
test_date_parse (void)
{
  const struct {
    const char *text;
    const char *expected; /* anshin_time_to_string() of the result, or NULL if refused */
  } cases[] = {
    { "2025-11-30", "2025-11-30T00:00:00+09:00" },
    { "2025-12-16", "2025-12-16T00:00:00+09:00" },
    { "2024-02-29", "2024-02-29T00:00:00+09:00" },
    { NULL, NULL },
    { "", NULL },
    { "junk", NULL },
    { "2025-02-30", NULL },
    { "2025-02-29", NULL },
    { "2025-11-31", NULL },
    { "2025-00-10", NULL },
    { "2025-13-10", NULL },
    { "2025-11-00", NULL },
    { "0000-01-01", NULL },
    { "2025-2-3", NULL },
    { "2025/11/30", NULL },
    { "20251130", NULL },
    { "2025-11-30T00:00:00+09:00", NULL },
    { "2025-11-30 ", NULL },
    { "+025-11-30", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GDateTime) date = anshin_date_parse (cases[i].text);

      g_test_message ("%s", cases[i].text ? cases[i].text : "(null)");
      if (cases[i].expected == NULL)
        {
          g_assert_null (date);
        }
      else
        {
          g_autofree char *text = NULL;
          g_autofree char *back = NULL;

          g_assert_nonnull (date);
          text = anshin_time_to_string (date);
          g_assert_cmpstr (text, ==, cases[i].expected);
          back = anshin_date_to_string (date);
          g_assert_cmpstr (back, ==, cases[i].text);
        }
    }
}

static void
test_date_to_string_own_zone (void)
{
  /* 00:30 in Tokyo is still the previous day in UTC; the issuer's date is
   * the day in its own zone. */
  g_autoptr(GDateTime) time = parse ("2025-11-30T00:30:00+09:00");
  g_autoptr(GDateTime) utc = g_date_time_to_utc (time);
  g_autofree char *date = anshin_date_to_string (time);
  g_autofree char *utc_date = anshin_date_to_string (utc);

  g_assert_cmpstr (date, ==, "2025-11-30");
  g_assert_cmpstr (utc_date, ==, "2025-11-29");
}

/* Written times read back as the same instant, however old (the fuzz
 * gate's finding: year 769 in the issuer's zone was written "769-…", with
 * Tokyo's local mean time of +09:18:59 cut to +09:18). */
static void
test_time_to_string_old (void)
{
  g_autoptr(GTimeZone) zone = anshin_issuer_time_zone ();
  const char *cases[] = {
    "0769-12-03T07:40:00+09:00", "1800-01-01T00:00:00Z", "1887-12-31T14:00:00Z",
    "1888-01-01T00:00:00+09:00", "0001-01-01T12:00:00Z",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GDateTime) time = parse (cases[i]);
      g_autoptr(GDateTime) local = g_date_time_to_timezone (time, zone);
      g_autofree char *text = anshin_time_to_string (local);
      g_autofree char *date = anshin_date_to_string (local);
      g_autoptr(GDateTime) again = anshin_time_parse (text);

      g_test_message ("%s: %s", cases[i], text);
      g_assert_nonnull (again);
      g_assert_true (g_date_time_equal (again, time));
      /* the date in the issuer's zone, four digits to its year */
      g_assert_cmpuint (strlen (date), ==, 10);
      g_assert_cmpint (atoi (date), ==, g_date_time_get_year (local));
    }
}

/* anshin-format: yen */

static const struct {
  gint64 amount;
  const char *en;
  const char *ja;
} yen_cases[] = {
  { 0, "¥0", "0円" },
  { 1, "¥1", "1円" },
  { 999, "¥999", "999円" },
  { 1000, "¥1,000", "1,000円" },
  { 12345, "¥12,345", "12,345円" },
  { 50000, "¥50,000", "50,000円" },
  { 100000, "¥100,000", "100,000円" },
  { 1234567, "¥1,234,567", "1,234,567円" },
  { -500, "-¥500", "-500円" },
  { -1000, "-¥1,000", "-1,000円" },
  { G_MAXINT64, "¥9,223,372,036,854,775,807", "9,223,372,036,854,775,807円" },
  { G_MININT64, "-¥9,223,372,036,854,775,808", "-9,223,372,036,854,775,808円" },
};

static void
test_yen_en (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (yen_cases); i++)
    {
      g_autofree char *text = anshin_format_yen (yen_cases[i].amount);

      g_assert_cmpstr (text, ==, yen_cases[i].en);
    }
}

static void
test_yen_ja (void)
{
  const Msg needed[] = { { NULL, "¥%s", NULL } };

  if (!enter_japanese (needed, G_N_ELEMENTS (needed)))
    return;

  for (guint i = 0; i < G_N_ELEMENTS (yen_cases); i++)
    {
      g_autofree char *text = anshin_format_yen (yen_cases[i].amount);

      g_assert_cmpstr (text, ==, yen_cases[i].ja);
    }

  leave_japanese ();
}

/* anshin-format: dates and times */

static const struct {
  const char *time;
  const char *en;
  const char *ja;
} date_cases[] = {
  { "2025-11-30T09:00:00+09:00", "30 Nov 2025", "2025年11月30日" },
  /* still 29 Nov in UTC (the test's local zone): the issuer's day counts */
  { "2025-11-30T00:00:00+09:00", "30 Nov 2025", "2025年11月30日" },
  { "2025-08-30T10:00:00+09:00", "30 Aug 2025", "2025年8月30日" },
  { "2026-01-05T23:59:59+09:00", "5 Jan 2026", "2026年1月5日" },
  { "2025-12-16T00:00:00Z", "16 Dec 2025", "2025年12月16日" },
};

static void
check_dates (gboolean japanese)
{
  for (guint i = 0; i < G_N_ELEMENTS (date_cases); i++)
    {
      g_autoptr(GDateTime) time = parse (date_cases[i].time);
      g_autofree char *text = anshin_format_date (time);

      g_assert_cmpstr (text, ==, japanese ? date_cases[i].ja : date_cases[i].en);
    }
}

static void
test_date_en (void)
{
  check_dates (FALSE);
}

static void
test_date_ja (void)
{
  const Msg needed[] = { { NULL, "%-d %b %Y", NULL } };

  if (!enter_japanese (needed, G_N_ELEMENTS (needed)))
    return;
  check_dates (TRUE);
  leave_japanese ();
}

static const struct {
  const char *time;
  const char *tz;    /* the holder's local zone */
  const char *en_time;
  const char *ja_time;
  const char *en_date_time;
  const char *ja_date_time;
} time_cases[] = {
  { "2025-11-30T09:00:00+09:00", "JST-9", "09:00", "9:00",
    "30 Nov 2025, 09:00", "2025年11月30日 9:00" },
  { "2025-12-02T12:05:00+09:00", "JST-9", "12:05", "12:05",
    "2 Dec 2025, 12:05", "2025年12月2日 12:05" },
  { "2025-11-30T00:00:00Z", "JST-9", "09:00", "9:00",
    "30 Nov 2025, 09:00", "2025年11月30日 9:00" },
  /* a holder abroad sees the issuer's 09:00 on their own clock */
  { "2025-11-30T09:00:00+09:00", "UTC", "00:00", "0:00",
    "30 Nov 2025, 00:00", "2025年11月30日 0:00" },
  { "2025-11-30T08:00:00+09:00", "UTC", "23:00", "23:00",
    "29 Nov 2025, 23:00", "2025年11月29日 23:00" },
};

static void
check_times (gboolean japanese)
{
  for (guint i = 0; i < G_N_ELEMENTS (time_cases); i++)
    {
      g_autoptr(GDateTime) time = parse (time_cases[i].time);
      g_autofree char *clock = NULL;
      g_autofree char *both = NULL;

      g_test_message ("%s in %s", time_cases[i].time, time_cases[i].tz);
      set_zone (time_cases[i].tz);
      clock = anshin_format_time (time);
      both = anshin_format_date_time (time);
      set_zone (NULL);

      g_assert_cmpstr (clock, ==, japanese ? time_cases[i].ja_time : time_cases[i].en_time);
      g_assert_cmpstr (both, ==,
                       japanese ? time_cases[i].ja_date_time : time_cases[i].en_date_time);
    }
}

static void
test_time_en (void)
{
  check_times (FALSE);
}

static void
test_time_ja (void)
{
  const Msg needed[] = {
    { NULL, "%H:%M", NULL },
    { NULL, "%-d %b %Y, %H:%M", NULL },
  };

  if (!enter_japanese (needed, G_N_ELEMENTS (needed)))
    return;
  check_times (TRUE);
  leave_japanese ();
}

/* anshin-format: relative times */

static const struct {
  const char *now;
  const char *when;
  const char *tz;
  const char *en;
  const char *ja;
} relative_cases[] = {
  { NOW, "2025-11-30T09:00:00+09:00", NULL, "just now", "たった今" },
  { NOW, "2025-11-30T09:00:59+09:00", NULL, "just now", "たった今" },
  { NOW, "2025-11-30T08:59:30+09:00", NULL, "just now", "たった今" },
  { NOW, "2025-11-30T09:01:00+09:00", NULL, "in 1 minute", "1分後" },
  { NOW, "2025-11-30T09:05:00+09:00", NULL, "in 5 minutes", "5分後" },
  { NOW, "2025-11-30T09:59:59+09:00", NULL, "in 59 minutes", "59分後" },
  { NOW, "2025-11-30T08:55:00+09:00", NULL, "5 minutes ago", "5分前" },
  { NOW, "2025-11-30T08:59:00+09:00", NULL, "1 minute ago", "1分前" },
  { NOW, "2025-11-30T10:00:00+09:00", NULL, "in about 1 hour", "約1時間後" },
  { NOW, "2025-11-30T12:00:00+09:00", NULL, "in about 3 hours", "約3時間後" },
  { NOW, "2025-11-30T11:50:00+09:00", NULL, "in about 3 hours", "約3時間後" },
  { NOW, "2025-11-30T11:20:00+09:00", NULL, "in about 2 hours", "約2時間後" },
  { NOW, "2025-11-30T06:00:00+09:00", NULL, "3 hours ago", "3時間前" },
  { NOW, "2025-11-30T08:00:00+09:00", NULL, "1 hour ago", "1時間前" },
  { NOW, "2025-12-01T09:00:00+09:00", NULL, "tomorrow", "明日" },
  { NOW, "2025-12-02T08:00:00+09:00", NULL, "tomorrow", "明日" },
  { NOW, "2025-12-02T09:00:00+09:00", NULL, "in 2 days", "2日後" },
  { NOW, "2025-12-10T09:00:00+09:00", NULL, "in 10 days", "10日後" },
  { NOW, "2025-11-29T09:00:00+09:00", NULL, "yesterday", "昨日" },
  { NOW, "2025-11-28T09:00:00+09:00", NULL, "2 days ago", "2日前" },
  /* the renewal, seen from the day it was announced */
  { "2025-08-30T10:00:00+09:00", NOW, NULL, "in 92 days", "92日後" },
  /* days are calendar days on the holder's clock: 26 hours from 23:00 on
   * the 30th is the 2nd in Tokyo but only the 1st in UTC */
  { "2025-11-30T23:00:00+09:00", "2025-12-02T01:00:00+09:00", "JST-9", "in 2 days", "2日後" },
  { "2025-11-30T23:00:00+09:00", "2025-12-02T01:00:00+09:00", "UTC", "tomorrow", "明日" },
};

static void
check_relative (gboolean japanese)
{
  for (guint i = 0; i < G_N_ELEMENTS (relative_cases); i++)
    {
      g_autoptr(GDateTime) now = parse (relative_cases[i].now);
      g_autoptr(GDateTime) when = parse (relative_cases[i].when);
      g_autofree char *text = NULL;

      g_test_message ("%s from %s", relative_cases[i].when, relative_cases[i].now);
      set_zone (relative_cases[i].tz);
      text = anshin_format_relative (when, now);
      set_zone (NULL);

      g_assert_cmpstr (text, ==, japanese ? relative_cases[i].ja : relative_cases[i].en);
    }
}

static void
test_relative_en (void)
{
  check_relative (FALSE);
}

static void
test_relative_ja (void)
{
  const Msg needed[] = {
    { NULL, "just now", NULL },
    { NULL, "in %d minute", "in %d minutes" },
    { NULL, "%d minute ago", "%d minutes ago" },
    { NULL, "in about %d hour", "in about %d hours" },
    { NULL, "%d hour ago", "%d hours ago" },
    { NULL, "tomorrow", NULL },
    { NULL, "yesterday", NULL },
    { NULL, "in %d day", "in %d days" },
    { NULL, "%d day ago", "%d days ago" },
  };

  if (!enter_japanese (needed, G_N_ELEMENTS (needed)))
    return;
  check_relative (TRUE);
  leave_japanese ();
}

/* anshin-format: durations */

#define MINUTE (60 * G_TIME_SPAN_SECOND)
#define HOUR (60 * MINUTE)
#define DAY (24 * HOUR)

static const struct {
  GTimeSpan span;
  const char *en;
  const char *ja;
} duration_cases[] = {
  { 0, "less than a minute", "1分未満" },
  { -5 * G_TIME_SPAN_SECOND, "less than a minute", "1分未満" },
  { 59 * G_TIME_SPAN_SECOND, "less than a minute", "1分未満" },
  { MINUTE, "1 minute", "1分" },
  { 4 * MINUTE + 59 * G_TIME_SPAN_SECOND, "4 minutes", "4分" },
  { 59 * MINUTE, "59 minutes", "59分" },
  { HOUR, "1 hour", "1時間" },
  { HOUR + MINUTE, "1 hour 1 minute", "1時間1分" },
  { 3 * HOUR, "3 hours", "3時間" },
  { 23 * HOUR + 12 * MINUTE + 30 * G_TIME_SPAN_SECOND, "23 hours 12 minutes", "23時間12分" },
  { 24 * HOUR, "24 hours", "24時間" },
  { 47 * HOUR + 59 * MINUTE, "47 hours 59 minutes", "47時間59分" },
  { 2 * DAY, "2 days", "2日" },
  { 3 * DAY + 2 * HOUR + 30 * MINUTE, "3 days 2 hours", "3日2時間" },
  { 30 * DAY + 1 * HOUR, "30 days 1 hour", "30日1時間" },
};

static void
check_durations (gboolean japanese)
{
  for (guint i = 0; i < G_N_ELEMENTS (duration_cases); i++)
    {
      g_autofree char *text = anshin_format_duration (duration_cases[i].span);

      g_test_message ("%" G_GINT64_FORMAT " µs", duration_cases[i].span);
      g_assert_cmpstr (text, ==, japanese ? duration_cases[i].ja : duration_cases[i].en);
    }
}

static void
test_duration_en (void)
{
  check_durations (FALSE);
}

static void
test_duration_ja (void)
{
  const Msg needed[] = {
    { NULL, "less than a minute", NULL },
    { NULL, "%d minute", "%d minutes" },
    { NULL, "%d hour", "%d hours" },
    { NULL, "%d day", "%d days" },
    { "duration", "%s %s", NULL },
  };

  if (!enter_japanese (needed, G_N_ELEMENTS (needed)))
    return;
  check_durations (TRUE);
  leave_japanese ();
}

/* anshin-format: expiry */

static const struct {
  guint month;
  guint year;
  const char *text;
} expiry_cases[] = {
  { 11, 2030, "11/30" },
  { 11, 2025, "11/25" },
  { 1, 2026, "01/26" },
  { 12, 2100, "12/00" },
};

static void
check_expiry (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (expiry_cases); i++)
    {
      g_autofree char *text = anshin_format_expiry (expiry_cases[i].month, expiry_cases[i].year);

      g_assert_cmpstr (text, ==, expiry_cases[i].text);
    }
}

static void
test_expiry_en (void)
{
  check_expiry ();
}

static void
test_expiry_ja (void)
{
  /* Cards print MM/YY in every language: nothing to translate. */
  if (!enter_japanese (NULL, 0))
    return;
  check_expiry ();
  leave_japanese ();
}

/* anshin-format: a month and year in prose (an expiry outside the drawn card) */

static void
test_month_year_en (void)
{
  g_autofree char *november = anshin_format_month_year (11, 2030);
  g_autofree char *january = anshin_format_month_year (1, 2026);

  g_assert_cmpstr (november, ==, "November 2030");
  g_assert_cmpstr (january, ==, "January 2026");
  g_assert_false (anshin_format_is_japanese ());
}

static void
test_month_year_ja (void)
{
  static const Msg needed[] = { { NULL, "%B %Y", NULL }, { "language code", "en", NULL } };
  g_autofree char *november = NULL;
  g_autofree char *january = NULL;

  if (!enter_japanese (needed, G_N_ELEMENTS (needed)))
    return;
  november = anshin_format_month_year (11, 2030);
  january = anshin_format_month_year (1, 2026);
  g_assert_cmpstr (november, ==, "2030年11月");
  g_assert_cmpstr (january, ==, "2026年1月");
  g_assert_true (anshin_format_is_japanese ());
  leave_japanese ();
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("ANSHIN_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/time/issuer-zone", test_issuer_time_zone);
  g_test_add_func ("/time/parse", test_time_parse);
  g_test_add_func ("/time/same-instant", test_time_same_instant);
  g_test_add_func ("/time/date-parse", test_date_parse);
  g_test_add_func ("/time/date-own-zone", test_date_to_string_own_zone);
  g_test_add_func ("/time/to-string-old", test_time_to_string_old);

  g_test_add_func ("/format/yen/en", test_yen_en);
  g_test_add_func ("/format/yen/ja", test_yen_ja);
  g_test_add_func ("/format/date/en", test_date_en);
  g_test_add_func ("/format/date/ja", test_date_ja);
  g_test_add_func ("/format/time/en", test_time_en);
  g_test_add_func ("/format/time/ja", test_time_ja);
  g_test_add_func ("/format/relative/en", test_relative_en);
  g_test_add_func ("/format/relative/ja", test_relative_ja);
  g_test_add_func ("/format/duration/en", test_duration_en);
  g_test_add_func ("/format/duration/ja", test_duration_ja);
  g_test_add_func ("/format/expiry/en", test_expiry_en);
  g_test_add_func ("/format/expiry/ja", test_expiry_ja);
  g_test_add_func ("/format/month-year/en", test_month_year_en);
  g_test_add_func ("/format/month-year/ja", test_month_year_ja);

  return g_test_run ();
}
