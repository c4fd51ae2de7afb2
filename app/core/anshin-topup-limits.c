/* anshin-topup-limits.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The issuer's rolling top-up windows, worked out from the charges it
 * lists: a charge made at T counts in the windows that contain T, that is
 * until T + window, exclusive; charges leave a window oldest first. Plain
 * GLib, no widgets (the arithmetic belongs in app/core once the top-up rules move
 * there).
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "anshin-format.h"
#include "anshin-charge.h"
#include "anshin-topup-limits.h"

static int
compare_charge_times (gconstpointer a,
                      gconstpointer b)
{
  const AnshinCharge *first = *(AnshinCharge * const *)a;
  const AnshinCharge *second = *(AnshinCharge * const *)b;

  return g_date_time_compare (first->created_at, second->created_at);
}

/**
 * anshin_topup_limits_left:
 * @charges: (nullable) (element-type AnshinCharge): the charges made, in any order
 * @now: the issuer's clock
 * @window: the length of the rolling window
 * @limit: what may be charged in any such window, in yen
 * @amount: an amount the holder wants to top up, or 0
 * @out_fits_at: (out) (optional) (transfer full) (nullable): the earliest
 *   time @amount fits, or %NULL if it fits now
 *
 * Returns: what is left of @limit in the window that ends at @now
 */
gint64
anshin_topup_limits_left (GPtrArray  *charges,
                          GDateTime  *now,
                          GTimeSpan   window,
                          gint64      limit,
                          gint64      amount,
                          GDateTime **out_fits_at)
{
  g_autoptr(GPtrArray) in_window = g_ptr_array_new ();
  gint64 used = 0;
  gint64 excess;

  g_return_val_if_fail (now != NULL, 0);

  for (guint i = 0; charges != NULL && i < charges->len; i++)
    {
      AnshinCharge *charge = g_ptr_array_index (charges, i);

      if (charge->created_at != NULL &&
          g_date_time_difference (now, charge->created_at) < window)
        {
          g_ptr_array_add (in_window, charge);
          used += charge->amount;
        }
    }

  /* the issuer lists newest first; any order works */
  g_ptr_array_sort (in_window, compare_charge_times);

  if (out_fits_at != NULL)
    {
      *out_fits_at = NULL;
      excess = used + amount - limit;
      for (guint i = 0; i < in_window->len && excess > 0; i++)
        {
          AnshinCharge *charge = g_ptr_array_index (in_window, i);

          excess -= charge->amount;
          g_clear_pointer (out_fits_at, g_date_time_unref);
          *out_fits_at = g_date_time_add (charge->created_at, window);
        }
    }

  return MAX (limit - used, 0);
}

/**
 * anshin_topup_limits_describe_refusal:
 * @window: the window (24 or 720 hours) an amount does not fit in
 * @left: what is left of its limit
 * @fits_at: when the amount fits
 *
 * Returns: (transfer full): which window, what is left and from when
 */
char *
anshin_topup_limits_describe_refusal (GTimeSpan  window,
                                      gint64     left,
                                      GDateTime *fits_at)
{
  g_autofree char *left_text = anshin_format_yen (left);
  g_autoptr(GDateTime) local = fits_at != NULL ? g_date_time_to_local (fits_at) : NULL;
  g_autofree char *when = local != NULL ? anshin_format_date_time (local) : g_strdup ("");

  if (window == ANSHIN_TOPUP_WINDOW_24H)
    /* TRANSLATORS: %1$s is an amount of yen, %2$s a date and time */
    return g_strdup_printf (_("That is more than is left of the 24-hour limit (%1$s left). "
                              "This amount can be topped up from %2$s."), left_text, when);

  /* TRANSLATORS: %1$s is an amount of yen, %2$s a date and time */
  return g_strdup_printf (_("That is more than is left of the 720-hour (30-day) limit (%1$s left). "
                            "This amount can be topped up from %2$s."), left_text, when);
}
