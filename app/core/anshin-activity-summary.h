/* anshin-activity-summary.h
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "anshin-card.h"
#include "anshin-program.h"
#include "anshin-transaction.h"

G_BEGIN_DECLS

/* How many days the spending chart covers, today included. */
#define ANSHIN_SPENDING_DAYS 30

/* What a programme made of the holder's payments. The outage is the latest
 * stretch in which a method the programme counts wasn't working (a decline
 * through it, or its state now); the payments it cost are the approved
 * in-person ones that didn't count in that stretch. */
typedef struct {
  AnshinProgram *program;
  gint64         points_this_month;   /* counted payments this month, issuer time */
  gboolean       has_outage;          /* FALSE: nothing was lost, say nothing */
  gboolean       outage_ongoing;      /* the method still isn't working */
  gint64         outage_amount;       /* yen that didn't count */
  guint          outage_payments;
  gint64         outage_points;       /* what they would have earned */
  GDateTime     *outage_first;        /* the first payment that didn't count */
  GDateTime     *outage_last;         /* the last one */
  char          *points_text;         /* "12 points this month" */
  char          *outage_text;         /* NULL when nothing was lost */
} AnshinProgramSummary;

/* One day of the chart: yen spent (approved payments) that counted for the
 * programme and that didn't; outage is set on the days of the outage. */
typedef struct {
  GDateTime *day;                     /* 00:00 issuer time */
  gint64     counted;
  gint64     not_counted;
  gboolean   outage;
} AnshinSpendingDay;

typedef struct {
  AnshinSpendingDay days[ANSHIN_SPENDING_DAYS]; /* oldest first, the last is today */
  gint64            total;
  gint64            counted;
  gint64            not_counted;
  guint             outage_days;
  gint64            max_day;          /* the largest day's total, for the axis */
  char             *label;            /* the chart's accessible name */
  char             *description;      /* the numbers, for screen readers */
} AnshinSpendingChart;

AnshinProgramSummary *anshin_program_summary_new  (GListModel           *transactions,
                                                   AnshinProgram        *program,
                                                   GListModel           *methods,
                                                   AnshinCard           *card,
                                                   GDateTime            *now);
void                  anshin_program_summary_free (AnshinProgramSummary *self);

AnshinSpendingChart  *anshin_spending_chart_new   (GListModel           *transactions,
                                                   AnshinProgram        *program,
                                                   GListModel           *methods,
                                                   AnshinCard           *card,
                                                   GDateTime            *now);
void                  anshin_spending_chart_free  (AnshinSpendingChart  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AnshinProgramSummary, anshin_program_summary_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AnshinSpendingChart, anshin_spending_chart_free)

G_END_DECLS
