/* anshin-spending-chart.h
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "anshin-activity-summary.h"

G_BEGIN_DECLS

/* The widget is AnshinSpendingChartView: app/core's AnshinSpendingChart
 * is the numbers it draws. */
#define ANSHIN_TYPE_SPENDING_CHART_VIEW (anshin_spending_chart_view_get_type ())

G_DECLARE_FINAL_TYPE (AnshinSpendingChartView, anshin_spending_chart_view, ANSHIN, SPENDING_CHART_VIEW, GtkWidget)

GtkWidget                 *anshin_spending_chart_view_new       (void);
const AnshinSpendingChart *anshin_spending_chart_view_get_chart (AnshinSpendingChartView *self);
void                       anshin_spending_chart_view_set_chart (AnshinSpendingChartView *self,
                                                                 AnshinSpendingChart     *chart);

G_END_DECLS
