/* bench-startup.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The baseline for `anshin --demo --measure-startup`: a minimal
 * AdwApplication window that prints `startup-ms N` (from the start of
 * main() to its first painted frame) and exits.
 */

#include "config.h"

#include <adwaita.h>

static gint64 start_time;

static void
on_after_paint_cb (GdkFrameClock  *frame_clock,
                   GApplication   *application)
{
  g_signal_handlers_disconnect_by_func (frame_clock, on_after_paint_cb, application);
  g_print ("startup-ms %" G_GINT64_FORMAT "\n", (g_get_monotonic_time () - start_time) / 1000);
  g_application_quit (application);
}

static void
on_map_cb (GtkWidget    *window,
           GApplication *application)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (on_after_paint_cb), application);
}

static void
on_activate_cb (GtkApplication *application)
{
  GtkWidget *window = adw_application_window_new (application);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), adw_status_page_new ());
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_title (GTK_WINDOW (window), "Startup baseline");
  gtk_window_set_default_size (GTK_WINDOW (window), 960, 680);

  g_signal_connect (window, "map", G_CALLBACK (on_map_cb), application);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) application = NULL;

  start_time = g_get_monotonic_time ();

  application = adw_application_new ("io.github.anshin.StartupBaseline", G_APPLICATION_NON_UNIQUE);
  g_signal_connect (application, "activate", G_CALLBACK (on_activate_cb), NULL);

  return g_application_run (G_APPLICATION (application), argc, argv);
}
