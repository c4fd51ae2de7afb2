/* anshin-width-layout.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A column of wrapping text whose width does not depend on the height it
 * is offered. A horizontal GtkBox, measuring its own height, asks each
 * child its width for its one-line height, and a wrapping label answers
 * that by laying itself out at a dozen widths, in every frame that
 * measures it. A widget given this layout answers with its width for any
 * height instead, which is the same answer, without that search; for the
 * rest, its own layout manager (@inner) does the work.
 */

#include "config.h"

#include "anshin-width-layout.h"

static GQuark
inner_quark (void)
{
  return g_quark_from_static_string ("anshin-width-layout-inner");
}

static void
measure_cb (GtkWidget      *widget,
            GtkOrientation  orientation,
            int             for_size,
            int            *minimum,
            int            *natural,
            int            *minimum_baseline,
            int            *natural_baseline)
{
  GtkLayoutManager *inner = g_object_get_qdata (G_OBJECT (widget), inner_quark ());

  gtk_layout_manager_measure (inner, widget, orientation,
                              orientation == GTK_ORIENTATION_HORIZONTAL ? -1 : for_size,
                              minimum, natural, minimum_baseline, natural_baseline);
}

static void
allocate_cb (GtkWidget *widget,
             int        width,
             int        height,
             int        baseline)
{
  GtkLayoutManager *inner = g_object_get_qdata (G_OBJECT (widget), inner_quark ());

  gtk_layout_manager_allocate (inner, widget, width, height, baseline);
}

/**
 * anshin_width_layout_apply:
 * @widget: the column
 * @inner: (transfer full): the layout that lays out @widget's children
 *
 * Measures @widget's width whatever height it is offered, and leaves the
 * rest to @inner.
 */
void
anshin_width_layout_apply (GtkWidget        *widget,
                           GtkLayoutManager *inner)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (GTK_IS_LAYOUT_MANAGER (inner));

  g_object_set_qdata_full (G_OBJECT (widget), inner_quark (), inner, g_object_unref);
  gtk_widget_set_layout_manager (widget, gtk_custom_layout_new (NULL, measure_cb, allocate_cb));
}
