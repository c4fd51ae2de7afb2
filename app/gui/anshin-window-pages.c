/* anshin-window-pages.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * AnshinWindow's Payment methods, Notices and Top-up pages, bound late.
 * Their rows (each with its explanation) and the Top-up page's requests
 * are not needed for the first frame, which shows the Card page: they are
 * bound when one of those pages is shown, or right after the first frame
 * that shows the card. Their content is not even built until then
 * (AnshinLazyPage), while the view switcher still lists every page with
 * its badge.
 */

#include "config.h"

#include "anshin-window-private.h"

/**
 * anshin_window_bind_pages:
 *
 * Hands the account to the late pages, once they are bound.
 */
void
anshin_window_bind_pages (AnshinWindow *self)
{
  if (!self->pages_bound)
    return;

  anshin_methods_page_set_account (self->methods_page, self->account);
  anshin_notices_page_set_account (self->notices_page, self->account);
  /* the Top-up page loads its own data: only once the card is shown, so
   * that the card comes first */
  anshin_topup_page_set_account (self->topup_page, self->loaded ? self->account : NULL);
}

/**
 * anshin_window_ensure_pages_bound:
 *
 * Binds the late pages now, if they are not yet.
 */
void
anshin_window_ensure_pages_bound (AnshinWindow *self)
{
  g_clear_handle_id (&self->pages_source, g_source_remove);
  if (self->pages_bound)
    return;

  g_debug ("Binding the Payment methods, Notices and Top-up pages");
  self->pages_bound = TRUE;
  anshin_window_bind_pages (self);
}

static gboolean on_bind_pages_idle_cb (gpointer user_data);

static void
on_pages_after_paint_cb (GdkFrameClock *frame_clock,
                         AnshinWindow  *self)
{
  g_signal_handlers_disconnect_by_func (frame_clock, on_pages_after_paint_cb, self);
  self->waiting_for_paint = FALSE;
  self->card_painted = TRUE;
  if (!self->pages_bound && self->pages_source == 0)
    self->pages_source = g_idle_add_full (G_PRIORITY_LOW, on_bind_pages_idle_cb, self, NULL);
}

static gboolean
on_bind_pages_idle_cb (gpointer user_data)
{
  AnshinWindow *self = user_data;
  GdkFrameClock *frame_clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  self->pages_source = 0;

  /* a window on screen paints the card first */
  if (!self->card_painted && gtk_widget_get_mapped (GTK_WIDGET (self)) && frame_clock != NULL)
    {
      if (!self->waiting_for_paint)
        g_signal_connect_object (frame_clock, "after-paint",
                                 G_CALLBACK (on_pages_after_paint_cb), self, 0);
      self->waiting_for_paint = TRUE;
      gtk_widget_queue_draw (GTK_WIDGET (self));
      return G_SOURCE_REMOVE;
    }

  anshin_window_ensure_pages_bound (self);
  return G_SOURCE_REMOVE;
}

/**
 * anshin_window_schedule_bind_pages:
 *
 * Binds the late pages at the first idle moment after the window (if it
 * is on screen) has painted the card.
 */
void
anshin_window_schedule_bind_pages (AnshinWindow *self)
{
  if (self->pages_bound || self->pages_source != 0 || self->waiting_for_paint)
    return;

  self->pages_source = g_idle_add_full (G_PRIORITY_LOW, on_bind_pages_idle_cb, self, NULL);
}
