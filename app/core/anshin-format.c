/* anshin-format.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Money, dates, times and durations as text for people, following the
 * locale through gettext rather than LC_NUMERIC or LC_TIME alone: the
 * Japanese translation turns "¥%s" into "%s円" and "%-d %b %Y" into
 * "%Y年%-m月%-d日". Thousands are always grouped with ",", as both English
 * and Japanese write yen.
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "anshin-format.h"

#define SECONDS_PER_MINUTE 60
#define SECONDS_PER_HOUR   (60 * SECONDS_PER_MINUTE)
#define SECONDS_PER_DAY    (24 * SECONDS_PER_HOUR)

static char *
group_thousands (guint64 value)
{
  g_autofree char *digits = g_strdup_printf ("%" G_GUINT64_FORMAT, value);
  GString *grouped = g_string_new (NULL);
  gsize len = strlen (digits);

  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append_c (grouped, ',');
      g_string_append_c (grouped, digits[i]);
    }

  return g_string_free (grouped, FALSE);
}

/* Two parts of a duration, e.g. "23 hours" and "12 minutes". */
static char *
join_duration (const char *larger,
               const char *smaller)
{
  /* TRANSLATORS: a duration in two parts; the first %s is e.g. "23 hours",
   * the second e.g. "12 minutes". Japanese writes them without a space. */
  return g_strdup_printf (C_("duration", "%s %s"), larger, smaller);
}

static char *
format_hours (gint64 hours)
{
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%d hour", "%d hours", hours),
                          (int) hours);
}

static char *
format_minutes (gint64 minutes)
{
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%d minute", "%d minutes", minutes),
                          (int) minutes);
}

static char *
format_days (gint64 days)
{
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%d day", "%d days", days),
                          (int) days);
}

/* Calendar days from @now to @when as the holder's clock on the wall sees them. */
static gint64
local_days_between (GDateTime *now,
                    GDateTime *when)
{
  g_autoptr(GDateTime) local_now = g_date_time_to_local (now);
  g_autoptr(GDateTime) local_when = g_date_time_to_local (when);
  GDate date_now, date_when;

  g_date_clear (&date_now, 1);
  g_date_clear (&date_when, 1);
  g_date_set_dmy (&date_now,
                  g_date_time_get_day_of_month (local_now),
                  g_date_time_get_month (local_now),
                  g_date_time_get_year (local_now));
  g_date_set_dmy (&date_when,
                  g_date_time_get_day_of_month (local_when),
                  g_date_time_get_month (local_when),
                  g_date_time_get_year (local_when));

  return (gint64) g_date_get_julian (&date_when) - (gint64) g_date_get_julian (&date_now);
}

/**
 * anshin_format_yen:
 * @amount: an amount of yen
 *
 * Returns: (transfer full): @amount for people, e.g. "¥12,345" in
 *   English and "12,345円" in Japanese; negatives as "-¥500" / "-500円"
 */
char *
anshin_format_yen (gint64 amount)
{
  /* Negating G_MININT64 overflows; its magnitude still fits a guint64. */
  guint64 magnitude = amount < 0 ? (guint64) -(amount + 1) + 1 : (guint64) amount;
  g_autofree char *number = group_thousands (magnitude);
  g_autofree char *text = NULL;

  /* TRANSLATORS: a yen amount; %s is the number with thousands separators,
   * e.g. "12,345". Japanese writes "%s円". */
  text = g_strdup_printf (_("¥%s"), number);

  if (amount < 0)
    return g_strconcat ("-", text, NULL);

  return g_steal_pointer (&text);
}

/**
 * anshin_format_date:
 * @date: a time whose calendar date matters, in the zone it belongs to
 *
 * Issuer dates are days in the issuer's zone, so the date is taken in
 * @date's own zone, not converted to local time.
 *
 * Returns: (transfer full): e.g. "30 Nov 2025" or "2025年11月30日"
 */
char *
anshin_format_date (GDateTime *date)
{
  g_return_val_if_fail (date != NULL, NULL);

  /* TRANSLATORS: a calendar date, as a g_date_time_format() format:
   * "30 Nov 2025". Japanese: "%Y年%-m月%-d日". */
  return g_date_time_format (date, _("%-d %b %Y"));
}

/**
 * anshin_format_time:
 * @time: a time
 *
 * Returns: (transfer full): the time of day of @time on the holder's
 *   local clock, 24-hour, e.g. "09:00" or "9:00"
 */
char *
anshin_format_time (GDateTime *time)
{
  g_autoptr(GDateTime) local = NULL;

  g_return_val_if_fail (time != NULL, NULL);

  local = g_date_time_to_local (time);
  /* TRANSLATORS: a time of day, 24-hour, as a g_date_time_format() format:
   * "09:00". Japanese: "%-H:%M". */
  return g_date_time_format (local, _("%H:%M"));
}

/**
 * anshin_format_date_time:
 * @time: a time
 *
 * Returns: (transfer full): the date and time of @time on the holder's
 *   local clock, e.g. "30 Nov 2025, 09:00" or "2025年11月30日 9:00"
 */
char *
anshin_format_date_time (GDateTime *time)
{
  g_autoptr(GDateTime) local = NULL;

  g_return_val_if_fail (time != NULL, NULL);

  local = g_date_time_to_local (time);
  /* TRANSLATORS: a date and a time of day, as a g_date_time_format() format:
   * "30 Nov 2025, 09:00". Japanese: "%Y年%-m月%-d日 %-H:%M". */
  return g_date_time_format (local, _("%-d %b %Y, %H:%M"));
}

/**
 * anshin_format_relative:
 * @when: the time to describe
 * @now: the current time (the issuer's clock)
 *
 * Within a minute: "just now"; within an hour: whole minutes ("in 5
 * minutes", "5 minutes ago"); within a day: hours to the nearest ("in
 * about 3 hours", "3 hours ago"); further: calendar days on the local
 * clock ("tomorrow", "in 2 days", "yesterday", "2 days ago").
 *
 * Returns: (transfer full): @when relative to @now
 */
char *
anshin_format_relative (GDateTime *when,
                        GDateTime *now)
{
  GTimeSpan diff;
  gint64 seconds;
  gboolean future;

  g_return_val_if_fail (when != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  diff = g_date_time_difference (when, now);
  future = diff > 0;
  seconds = ABS (diff) / G_TIME_SPAN_SECOND;

  if (seconds < SECONDS_PER_MINUTE)
    return g_strdup (_("just now"));

  if (seconds < SECONDS_PER_HOUR)
    {
      gint64 minutes = seconds / SECONDS_PER_MINUTE;

      if (future)
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "in %d minute", "in %d minutes", minutes),
                                (int) minutes);
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%d minute ago", "%d minutes ago", minutes),
                              (int) minutes);
    }

  if (seconds < SECONDS_PER_DAY)
    {
      gint64 hours = (seconds + SECONDS_PER_HOUR / 2) / SECONDS_PER_HOUR;

      if (future)
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "in about %d hour", "in about %d hours", hours),
                                (int) hours);
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%d hour ago", "%d hours ago", hours),
                              (int) hours);
    }

  {
    /* A full day apart is at least one calendar day apart, even across a
     * daylight saving change. */
    gint64 days = MAX (ABS (local_days_between (now, when)), 1);

    if (future)
      {
        if (days == 1)
          return g_strdup (_("tomorrow"));
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "in %d day", "in %d days", days),
                                (int) days);
      }

    if (days == 1)
      return g_strdup (_("yesterday"));
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%d day ago", "%d days ago", days),
                            (int) days);
  }
}

/**
 * anshin_format_duration:
 * @span: the time left
 *
 * Countdown text, rounded down: under a minute (or nothing left) "less
 * than a minute"; under an hour minutes ("4 minutes"); under two days
 * hours and minutes ("23 hours 12 minutes", "3 hours"); longer, days and
 * hours ("3 days 2 hours").
 *
 * Returns: (transfer full): @span for people
 */
char *
anshin_format_duration (GTimeSpan span)
{
  gint64 seconds = span / G_TIME_SPAN_SECOND;
  g_autofree char *larger = NULL;
  g_autofree char *smaller = NULL;
  gint64 rest;

  if (seconds < SECONDS_PER_MINUTE)
    return g_strdup (_("less than a minute"));

  if (seconds < SECONDS_PER_HOUR)
    return format_minutes (seconds / SECONDS_PER_MINUTE);

  if (seconds < 2 * SECONDS_PER_DAY)
    {
      larger = format_hours (seconds / SECONDS_PER_HOUR);
      rest = (seconds % SECONDS_PER_HOUR) / SECONDS_PER_MINUTE;
      if (rest == 0)
        return g_steal_pointer (&larger);
      smaller = format_minutes (rest);
      return join_duration (larger, smaller);
    }

  larger = format_days (seconds / SECONDS_PER_DAY);
  rest = (seconds % SECONDS_PER_DAY) / SECONDS_PER_HOUR;
  if (rest == 0)
    return g_steal_pointer (&larger);
  smaller = format_hours (rest);
  return join_duration (larger, smaller);
}

/**
 * anshin_format_expiry:
 * @month: 1 to 12
 * @year: the full year, e.g. 2030
 *
 * Returns: (transfer full): the expiry as printed on cards, "MM/YY",
 *   e.g. "11/30"
 */
char *
anshin_format_expiry (guint month,
                      guint year)
{
  g_return_val_if_fail (month >= 1 && month <= 12, NULL);

  return g_strdup_printf ("%02u/%02u", month, year % 100);
}

/**
 * anshin_format_month_year:
 * @month: 1 to 12
 * @year: the full year, e.g. 2030
 *
 * An expiry (or any month) in prose; only the drawn card uses MM/YY.
 *
 * Returns: (transfer full): e.g. "November 2030" or "2030年11月"
 */
char *
anshin_format_month_year (guint month,
                          guint year)
{
  g_autoptr(GDateTime) first = NULL;

  g_return_val_if_fail (month >= 1 && month <= 12, NULL);

  /* A year no calendar holds (the issuer sent nonsense): as on the card. */
  if (year < 1 || year > 9999)
    return anshin_format_expiry (month, year);

  first = g_date_time_new_utc ((int) year, (int) month, 1, 0, 0, 0);
  /* TRANSLATORS: a month and year in prose, e.g. an expiry, as a
   * g_date_time_format() format: "November 2030". Japanese: "%Y年%-m月". */
  return g_date_time_format (first, _("%B %Y"));
}

/**
 * anshin_format_is_japanese:
 *
 * Whether the app speaks Japanese right now: the language of the
 * translation gettext uses, not the environment's wishes. Where the issuer
 * gives a name in Japanese too (`name_ja`), this picks it.
 *
 * Returns: %TRUE when the UI language is Japanese
 */
gboolean
anshin_format_is_japanese (void)
{
  /* TRANSLATORS: the language code of this translation, used to pick the
   * issuer's own names in your language. Japanese: "ja". */
  return g_str_equal (C_("language code", "en"), "ja");
}
