/* anshin-backoff.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "anshin-backoff.h"

/* the waits listed by anshin_backoff_describe() before "…" */
#define DESCRIBE_FIRST 4

/**
 * anshin_backoff_next:
 * @base_ms: the first wait
 * @max_ms: the longest wait: the cap (at least @base_ms)
 * @attempt: how many tries in a row have failed before this wait (0 for
 *   the first wait)
 * @jitter: a random number in [0, 1] (0 for none): the wait comes up to
 *   %ANSHIN_BACKOFF_JITTER of it sooner
 *
 * Returns: @base_ms doubled @attempt times, at most @max_ms, less the
 *   jitter; never 0 and never more than @max_ms
 */
guint
anshin_backoff_next (guint  base_ms,
                     guint  max_ms,
                     guint  attempt,
                     double jitter)
{
  guint64 delay = MAX (base_ms, 1);

  g_return_val_if_fail (jitter >= 0.0 && jitter <= 1.0, MAX (max_ms, 1));

  max_ms = MAX (max_ms, delay);
  for (guint i = 0; i < attempt && delay < max_ms; i++)
    delay *= 2;
  delay = MIN (delay, max_ms);
  delay = (guint64) (delay * (1.0 - ANSHIN_BACKOFF_JITTER * jitter) + 0.5);

  return (guint) MAX (delay, 1);
}

static char *
format_seconds (guint ms)
{
  g_autofree char *number = NULL;

  if (ms % 1000 == 0)
    /* TRANSLATORS: a wait in whole seconds, e.g. "2 s" */
    return g_strdup_printf (_("%u s"), ms / 1000);

  number = g_strdup_printf (ms % 100 == 0 ? "%.1f" : "%.2f", ms / 1000.0);
  /* TRANSLATORS: a wait in seconds with a fraction, e.g. "0.2 s"; %s is the number */
  return g_strdup_printf (_("%s s"), number);
}

/**
 * anshin_backoff_describe:
 *
 * Returns: (transfer full): the waits of anshin_backoff_next() without
 *   jitter, for the log: "after 0.2 s, 0.4 s, 0.8 s, 1.6 s, then about
 *   every 2 s" (a long list shortened: "after 1 s, 2 s, 4 s, 8 s, …, 256 s,
 *   then about every 300 s")
 */
char *
anshin_backoff_describe (guint base_ms,
                         guint max_ms)
{
  g_autoptr(GArray) delays = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GString) waits = g_string_new (NULL);
  g_autofree char *cap = NULL;

  max_ms = MAX (max_ms, MAX (base_ms, 1));
  for (guint attempt = 0; ; attempt++)
    {
      guint delay = anshin_backoff_next (base_ms, max_ms, attempt, 0.0);

      if (delay >= max_ms)
        break;
      g_array_append_val (delays, delay);
    }

  for (guint i = 0; i < delays->len; i++)
    {
      g_autofree char *text = NULL;

      if (delays->len > DESCRIBE_FIRST + 1 && i >= DESCRIBE_FIRST && i < delays->len - 1)
        {
          if (i == DESCRIBE_FIRST)
            /* TRANSLATORS: between the waits of a list shortened in the middle */
            g_string_append (waits, _(", …"));
          continue;
        }
      if (waits->len > 0)
        /* TRANSLATORS: between two waits of a list */
        g_string_append (waits, _(", "));
      text = format_seconds (g_array_index (delays, guint, i));
      g_string_append (waits, text);
    }

  cap = format_seconds (max_ms);
  if (waits->len == 0)
    /* TRANSLATORS: how often the issuer is tried again; %s is a wait, e.g. "2 s" */
    return g_strdup_printf (_("about every %s"), cap);

  /* TRANSLATORS: the waits before trying the issuer again: the first %s is a
   * list of growing waits ("0.2 s, 0.4 s, 0.8 s"), the second the longest ("2 s") */
  return g_strdup_printf (_("after %s, then about every %s"), waits->str, cap);
}
