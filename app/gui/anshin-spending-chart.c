/* anshin-spending-chart.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Spending per day over the last 30 days (issuer time), each day a bar
 * stacked from what counted for the programme (solid) and what did not
 * (hatched and outlined, so it does not rest on colour alone); the days of
 * an outage are shaded behind. Drawn with cairo from the style's
 * foreground colour, so it follows the light, dark and high-contrast
 * styles. For assistive technologies it is an image whose description
 * states the numbers (AnshinSpendingChart's); the activity list beside it
 * is the table. It draws only when given new numbers or a new size.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "anshin-format.h"
#include "anshin-spending-chart.h"

#define LEGEND_GAP 6
#define AXIS_GAP   4

struct _AnshinSpendingChartView
{
  GtkWidget            parent_instance;

  AnshinSpendingChart *chart;
};

G_DEFINE_FINAL_TYPE (AnshinSpendingChartView, anshin_spending_chart_view, GTK_TYPE_WIDGET)

static void
get_color (AnshinSpendingChartView *self,
           GdkRGBA                 *color)
{
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (self)), color);
  G_GNUC_END_IGNORE_DEPRECATIONS
}

static void
set_source (cairo_t       *cr,
            const GdkRGBA *color,
            double         alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

/* the not-counted part: a light fill, diagonal hatching and an outline */
static void
draw_hatched (cairo_t       *cr,
              const GdkRGBA *color,
              double         x,
              double         y,
              double         w,
              double         h)
{
  if (h <= 0)
    return;

  cairo_save (cr);
  cairo_rectangle (cr, x, y, w, h);
  set_source (cr, color, 0.18);
  cairo_fill_preserve (cr);
  cairo_clip_preserve (cr);
  cairo_new_path (cr);
  set_source (cr, color, 0.75);
  cairo_set_line_width (cr, 1);
  for (double d = -h; d < w + h; d += 4)
    {
      cairo_move_to (cr, x + d, y + h);
      cairo_line_to (cr, x + d + h, y);
    }
  cairo_stroke (cr);
  cairo_reset_clip (cr);
  cairo_rectangle (cr, x + 0.5, y + 0.5, MAX (w - 1, 0), MAX (h - 1, 0));
  cairo_stroke (cr);
  cairo_restore (cr);
}

static char *
format_day (GDateTime *day)
{
  /* TRANSLATORS: a day on the chart's axis, as a g_date_time_format()
   * format: "12/2". Japanese: "%-m月%-d日" */
  return g_date_time_format (day, C_("chart axis", "%-m/%-d"));
}

static int
layout_text (AnshinSpendingChartView *self,
             cairo_t                 *cr,
             const char              *text,
             double                   x,
             double                   y,
             double                   xalign,
             gboolean                 draw)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  int width, height;

  pango_layout_get_pixel_size (layout, &width, &height);
  if (draw)
    {
      cairo_move_to (cr, x - xalign * width, y);
      pango_cairo_show_layout (cr, layout);
    }
  return xalign < 0 ? height : width;
}

static void
draw_legend_item (AnshinSpendingChartView *self,
                  cairo_t                 *cr,
                  const GdkRGBA           *color,
                  double                  *x,
                  double                   y,
                  int                      line_height,
                  gboolean                 counted,
                  const char              *text)
{
  double box = line_height * 0.7;
  double box_y = y + (line_height - box) / 2;

  if (counted)
    {
      set_source (cr, color, 0.8);
      cairo_rectangle (cr, *x, box_y, box, box);
      cairo_fill (cr);
    }
  else
    draw_hatched (cr, color, *x, box_y, box, box);

  *x += box + AXIS_GAP;
  set_source (cr, color, 1.0);
  *x += layout_text (self, cr, text, *x, y, 0, TRUE) + 3 * LEGEND_GAP;
}

static void
draw (AnshinSpendingChartView *self,
      cairo_t                 *cr,
      int                      width,
      int                      height)
{
  AnshinSpendingChart *chart = self->chart;
  g_autofree char *top = NULL;
  g_autofree char *zero = NULL;
  GdkRGBA color;
  int line_height, axis_width;
  double plot_x, plot_y, plot_w, plot_h, slot, x;
  gint64 max;
  guint ticks[] = { 0, ANSHIN_SPENDING_DAYS / 2, ANSHIN_SPENDING_DAYS - 1 };

  get_color (self, &color);
  line_height = layout_text (self, cr, "0", 0, 0, -1, FALSE);

  /* the legend, above */
  x = 0;
  draw_legend_item (self, cr, &color, &x, 0, line_height, TRUE, _("Counted"));
  draw_legend_item (self, cr, &color, &x, 0, line_height, FALSE, _("Not counted"));

  max = MAX (chart->max_day, 1);
  top = anshin_format_yen (chart->max_day);
  zero = anshin_format_yen (0);
  axis_width = MAX (layout_text (self, cr, top, 0, 0, 0, FALSE),
                    layout_text (self, cr, zero, 0, 0, 0, FALSE));

  plot_x = axis_width + AXIS_GAP;
  plot_y = line_height + LEGEND_GAP + line_height / 2.0;
  plot_w = width - plot_x;
  plot_h = height - plot_y - line_height - AXIS_GAP;
  if (plot_w < ANSHIN_SPENDING_DAYS || plot_h < 10)
    return;
  slot = plot_w / ANSHIN_SPENDING_DAYS;

  /* the outage's days, shaded behind */
  for (guint i = 0; i < ANSHIN_SPENDING_DAYS; i++)
    if (chart->days[i].outage)
      {
        set_source (cr, &color, 0.08);
        cairo_rectangle (cr, plot_x + i * slot, plot_y, slot, plot_h);
        cairo_fill (cr);
      }

  /* the axis: the largest day at the top, zero at the baseline */
  set_source (cr, &color, 0.7);
  layout_text (self, cr, top, axis_width, plot_y - line_height / 2.0, 1, TRUE);
  layout_text (self, cr, zero, axis_width, plot_y + plot_h - line_height / 2.0, 1, TRUE);
  set_source (cr, &color, 0.2);
  cairo_set_line_width (cr, 1);
  cairo_move_to (cr, plot_x, plot_y + 0.5);
  cairo_line_to (cr, plot_x + plot_w, plot_y + 0.5);
  cairo_stroke (cr);
  set_source (cr, &color, 0.6);
  cairo_move_to (cr, plot_x, plot_y + plot_h - 0.5);
  cairo_line_to (cr, plot_x + plot_w, plot_y + plot_h - 0.5);
  cairo_stroke (cr);

  /* the bars */
  for (guint i = 0; i < ANSHIN_SPENDING_DAYS; i++)
    {
      const AnshinSpendingDay *day = &chart->days[i];
      double bar_x = plot_x + i * slot + MAX (slot * 0.15, 1);
      double bar_w = MAX (slot * 0.7, 1);
      double counted_h = plot_h * day->counted / max;
      double not_h = plot_h * day->not_counted / max;
      double base = plot_y + plot_h;

      if (counted_h > 0)
        {
          set_source (cr, &color, 0.8);
          cairo_rectangle (cr, bar_x, base - counted_h, bar_w, counted_h);
          cairo_fill (cr);
        }
      draw_hatched (cr, &color, bar_x, base - counted_h - not_h, bar_w, not_h);
    }

  /* the days under the axis: the first, the middle and today */
  set_source (cr, &color, 0.7);
  for (guint i = 0; i < G_N_ELEMENTS (ticks); i++)
    {
      g_autofree char *label = NULL;
      double center = plot_x + (ticks[i] + 0.5) * slot;
      double xalign = i == 0 ? 0 : i == G_N_ELEMENTS (ticks) - 1 ? 1 : 0.5;

      if (chart->days[ticks[i]].day == NULL)
        continue;
      label = format_day (chart->days[ticks[i]].day);
      layout_text (self, cr, label, i == 0 ? plot_x : i == G_N_ELEMENTS (ticks) - 1 ? width : center,
                   plot_y + plot_h + AXIS_GAP, xalign, TRUE);
    }
}

/* whether @a and @b draw the same picture and say the same */
static gboolean
same_chart (const AnshinSpendingChart *a,
            const AnshinSpendingChart *b)
{
  if (a == NULL || b == NULL)
    return a == b;

  if (a->max_day != b->max_day || a->total != b->total || a->counted != b->counted ||
      a->not_counted != b->not_counted || a->outage_days != b->outage_days ||
      g_strcmp0 (a->label, b->label) != 0 || g_strcmp0 (a->description, b->description) != 0)
    return FALSE;

  for (guint i = 0; i < ANSHIN_SPENDING_DAYS; i++)
    {
      const AnshinSpendingDay *x = &a->days[i], *y = &b->days[i];

      if (x->counted != y->counted || x->not_counted != y->not_counted || x->outage != y->outage ||
          (x->day == NULL) != (y->day == NULL) ||
          (x->day != NULL && !g_date_time_equal (x->day, y->day)))
        return FALSE;
    }

  return TRUE;
}

/* GtkWidget */

static void
anshin_spending_chart_view_snapshot (GtkWidget   *widget,
                                     GtkSnapshot *snapshot)
{
  AnshinSpendingChartView *self = ANSHIN_SPENDING_CHART_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (self->chart == NULL || width <= 0 || height <= 0)
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  draw (self, cr, width, height);
  cairo_destroy (cr);
}

static void
anshin_spending_chart_view_measure (GtkWidget      *widget,
                                    GtkOrientation  orientation,
                                    int             for_size,
                                    int            *minimum,
                                    int            *natural,
                                    int            *minimum_baseline,
                                    int            *natural_baseline)
{
  /* 30 bars of at least 6 px beside the axis; tall enough to compare */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = 240;
  else
    *minimum = *natural = 140;
}

/* GObject */

static void
anshin_spending_chart_view_finalize (GObject *object)
{
  AnshinSpendingChartView *self = ANSHIN_SPENDING_CHART_VIEW (object);

  g_clear_pointer (&self->chart, anshin_spending_chart_free);

  G_OBJECT_CLASS (anshin_spending_chart_view_parent_class)->finalize (object);
}

static void
anshin_spending_chart_view_class_init (AnshinSpendingChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = anshin_spending_chart_view_finalize;
  widget_class->snapshot = anshin_spending_chart_view_snapshot;
  widget_class->measure = anshin_spending_chart_view_measure;

  gtk_widget_class_set_css_name (widget_class, "spending-chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
anshin_spending_chart_view_init (AnshinSpendingChartView *self)
{
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
}

GtkWidget *
anshin_spending_chart_view_new (void)
{
  return g_object_new (ANSHIN_TYPE_SPENDING_CHART_VIEW, NULL);
}

/**
 * anshin_spending_chart_view_get_chart:
 *
 * Returns: (transfer none) (nullable): the numbers drawn
 */
const AnshinSpendingChart *
anshin_spending_chart_view_get_chart (AnshinSpendingChartView *self)
{
  g_return_val_if_fail (ANSHIN_IS_SPENDING_CHART_VIEW (self), NULL);

  return self->chart;
}

/**
 * anshin_spending_chart_view_set_chart:
 * @chart: (transfer full) (nullable): the numbers to draw
 *
 * Draws @chart and says it to assistive technologies.
 */
void
anshin_spending_chart_view_set_chart (AnshinSpendingChartView *self,
                                      AnshinSpendingChart     *chart)
{
  g_return_if_fail (ANSHIN_IS_SPENDING_CHART_VIEW (self));

  /* the same numbers (the clock moved, another page loaded): no redraw */
  if (same_chart (self->chart, chart))
    {
      g_clear_pointer (&chart, anshin_spending_chart_free);
      return;
    }

  g_clear_pointer (&self->chart, anshin_spending_chart_free);
  self->chart = chart;

  if (chart != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, chart->label,
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, chart->description,
                                    -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);

  gtk_widget_queue_draw (GTK_WIDGET (self));
}
