/* anshin-time.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The issuer speaks RFC 3339 times with an offset ("2025-11-30T09:00:00+09:00")
 * and calendar dates ("2025-11-30") that are days in the issuer's zone,
 * +09:00. GLib's ISO 8601 parser accepts much more than RFC 3339 (week
 * dates, the basic format, a missing offset), so the shape is checked here
 * first and GLib only checks the ranges.
 */

#include "config.h"

#include <string.h>

#include "anshin-time.h"

#define ISSUER_TIME_ZONE "+09:00"

static gboolean
digits_at (const char *text,
           gsize       offset,
           gsize       count)
{
  for (gsize i = offset; i < offset + count; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
    }

  return TRUE;
}

/* full-date "T" partial-time time-offset, as RFC 3339 section 5.6 writes it */
static gboolean
is_rfc3339_shape (const char *text)
{
  gsize len = strlen (text);
  gsize pos;

  /* YYYY-MM-DDTHH:MM:SS */
  if (len < 20 ||
      !digits_at (text, 0, 4) || text[4] != '-' ||
      !digits_at (text, 5, 2) || text[7] != '-' ||
      !digits_at (text, 8, 2) ||
      (text[10] != 'T' && text[10] != 't') ||
      !digits_at (text, 11, 2) || text[13] != ':' ||
      !digits_at (text, 14, 2) || text[16] != ':' ||
      !digits_at (text, 17, 2))
    return FALSE;

  pos = 19;

  /* time-secfrac */
  if (text[pos] == '.')
    {
      gsize start = ++pos;

      while (g_ascii_isdigit (text[pos]))
        pos++;
      if (pos == start)
        return FALSE;
    }

  /* time-offset */
  if (text[pos] == 'Z' || text[pos] == 'z')
    return pos + 1 == len;

  if (text[pos] != '+' && text[pos] != '-')
    return FALSE;

  return pos + 6 == len &&
         digits_at (text, pos + 1, 2) &&
         text[pos + 3] == ':' &&
         digits_at (text, pos + 4, 2);
}

/**
 * anshin_issuer_time_zone:
 *
 * Returns: (transfer full): the issuer's time zone, +09:00
 */
GTimeZone *
anshin_issuer_time_zone (void)
{
  return g_time_zone_new_identifier (ISSUER_TIME_ZONE);
}

/**
 * anshin_time_parse:
 * @rfc3339: (nullable): a time such as "2025-11-30T09:00:00+09:00"
 *
 * Parses an RFC 3339 date-time. A time without an offset ("Z" or ±hh:mm)
 * is refused: its instant would be a guess.
 *
 * Returns: (transfer full) (nullable): the time in the offset it was
 *   written with, or %NULL if @rfc3339 is not a valid RFC 3339 time
 */
GDateTime *
anshin_time_parse (const char *rfc3339)
{
  g_autofree char *normalized = NULL;

  if (rfc3339 == NULL || !is_rfc3339_shape (rfc3339))
    return NULL;

  /* RFC 3339 allows lower-case "t" and "z"; make them what GLib expects. */
  normalized = g_strdup (rfc3339);
  normalized[10] = 'T';
  if (normalized[strlen (normalized) - 1] == 'z')
    normalized[strlen (normalized) - 1] = 'Z';

  return g_date_time_new_from_iso8601 (normalized, NULL);
}

/**
 * anshin_date_parse:
 * @yyyy_mm_dd: (nullable): a calendar date such as "2025-11-30"
 *
 * Returns: (transfer full) (nullable): 00:00 of that day in the issuer's
 *   zone, or %NULL if @yyyy_mm_dd is not a valid date
 */
GDateTime *
anshin_date_parse (const char *yyyy_mm_dd)
{
  g_autoptr(GTimeZone) zone = NULL;
  guint year, month, day;

  if (yyyy_mm_dd == NULL || strlen (yyyy_mm_dd) != 10 ||
      !digits_at (yyyy_mm_dd, 0, 4) || yyyy_mm_dd[4] != '-' ||
      !digits_at (yyyy_mm_dd, 5, 2) || yyyy_mm_dd[7] != '-' ||
      !digits_at (yyyy_mm_dd, 8, 2))
    return NULL;

  year = g_ascii_strtoull (yyyy_mm_dd, NULL, 10);
  month = g_ascii_strtoull (yyyy_mm_dd + 5, NULL, 10);
  day = g_ascii_strtoull (yyyy_mm_dd + 8, NULL, 10);

  if (year < 1 || month < 1 || month > 12 || day < 1 ||
      !g_date_valid_dmy (day, month, year))
    return NULL;

  zone = anshin_issuer_time_zone ();
  return g_date_time_new (zone, year, month, day, 0, 0, 0);
}

/**
 * anshin_time_to_string:
 * @time: a time
 *
 * RFC 3339 has four-digit years, which %Y does not pad to, and offsets in
 * whole minutes, which a zone's local mean time before 1888 is not (Tokyo's
 * +09:18:59): such a time is written in UTC, the same instant.
 *
 * Returns: (transfer full): @time as RFC 3339 in its own offset, to the
 *   second, e.g. "2025-11-30T09:00:00+09:00"
 */
char *
anshin_time_to_string (GDateTime *time)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autofree char *rest = NULL;

  g_return_val_if_fail (time != NULL, NULL);

  if (g_date_time_get_utc_offset (time) % G_TIME_SPAN_MINUTE != 0)
    time = utc = g_date_time_to_utc (time);

  rest = g_date_time_format (time, "-%m-%dT%H:%M:%S%:z");
  return g_strdup_printf ("%04d%s", g_date_time_get_year (time), rest);
}

/**
 * anshin_date_to_string:
 * @date: a time
 *
 * Returns: (transfer full): the calendar date of @date in its own zone,
 *   e.g. "2025-11-30"
 */
char *
anshin_date_to_string (GDateTime *date)
{
  g_autofree char *rest = NULL;

  g_return_val_if_fail (date != NULL, NULL);

  rest = g_date_time_format (date, "-%m-%d");
  /* four digits, as RFC 3339 has them (%Y does not pad) */
  return g_strdup_printf ("%04d%s", g_date_time_get_year (date), rest);
}

/**
 * anshin_time_equal:
 * @a: (nullable): a time
 * @b: (nullable): another
 *
 * Returns: whether @a and @b are the same instant, or both %NULL
 */
gboolean
anshin_time_equal (GDateTime *a,
                   GDateTime *b)
{
  if (a == NULL || b == NULL)
    return a == b;

  return g_date_time_equal (a, b);
}
