/* anshin-activity-page.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Activity page: the programme summary (points this month, and what
 * an outage cost, only when something was lost), the spending chart, and
 * every payment and top-up newest first, headed by day, in a recycled
 * list that follows the account's AnshinActivity; scrolling near the end
 * asks for older entries (a spinner row shows while they come). Opening
 * an entry explains it beside the list (AnshinExplanationView, as for
 * notices); when the two do not fit they fold into one column
 * (AnshinListDetail, shared with the Notices page). Offline,
 * the last loaded page stays and says as of when. The page never talks
 * to the issuer itself: it asks the activity model for older pages.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "anshin-activity-page.h"
#include "anshin-activity-row.h"
#include "anshin-activity-summary.h"
#include "anshin-explainer.h"
#include "anshin-explanation-view.h"
#include "anshin-format.h"
#include "anshin-list-detail.h"
#include "anshin-spending-chart.h"

/* how close to the end (in screens) scrolling asks for older entries */
#define PAGING_SCREENS 1.5

struct _AnshinActivityPage
{
  AdwBin                   parent_instance;

  AnshinAccount           *account;
  AnshinActivity          *activity;    /* the account's */
  AnshinTransaction       *selected;
  GCancellable            *cancellable;

  AnshinListDetail        *split;
  GtkLabel                *as_of_label;
  GtkLabel                *points_label;
  GtkLabel                *outage_label;
  AnshinSpendingChartView *chart;
  GtkStack                *list_stack;
  GtkScrolledWindow       *scroller;
  GtkListView             *list_view;
  GtkWidget               *loading_row;
  GtkSpinner              *spinner;
  AnshinExplanationView   *explanation_view;
};

G_DEFINE_FINAL_TYPE (AnshinActivityPage, anshin_activity_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_ACCOUNT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void maybe_load_older (AnshinActivityPage *self);

static gboolean
same_day (GDateTime *a,
          GDateTime *b)
{
  int ya, ma, da, yb, mb, db;

  if (a == NULL || b == NULL)
    return FALSE;

  g_date_time_get_ymd (a, &ya, &ma, &da);
  g_date_time_get_ymd (b, &yb, &mb, &db);
  return ya == yb && ma == mb && da == db;
}

static AnshinProgram *
dup_program (AnshinActivityPage *self)
{
  GListModel *programs = anshin_account_get_programs (self->account);

  if (g_list_model_get_n_items (programs) == 0)
    return NULL;
  return g_list_model_get_item (programs, 0);
}

/* The summary and the chart, from what is loaded */
static void
update_summary (AnshinActivityPage *self)
{
  g_autoptr(AnshinProgram) program = NULL;
  g_autoptr(AnshinProgramSummary) summary = NULL;
  GDateTime *now;
  AnshinCard *card;

  if (self->account == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->points_label), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->outage_label), FALSE);
      anshin_spending_chart_view_set_chart (self->chart, NULL);
      return;
    }

  now = anshin_account_get_now (self->account);
  card = anshin_account_get_card_if_any (self->account);
  program = dup_program (self);
  if (now == NULL)
    return;

  if (program != NULL)
    summary = anshin_program_summary_new (G_LIST_MODEL (self->activity), program,
                                          anshin_account_get_payment_methods (self->account),
                                          card, now);
  gtk_label_set_label (self->points_label, summary != NULL ? summary->points_text : NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->points_label), summary != NULL);
  gtk_label_set_label (self->outage_label, summary != NULL ? summary->outage_text : NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->outage_label),
                          summary != NULL && summary->outage_text != NULL);

  anshin_spending_chart_view_set_chart (self->chart,
                                        anshin_spending_chart_new (G_LIST_MODEL (self->activity), program,
                                                                   anshin_account_get_payment_methods (self->account),
                                                                   card, now));
}

/* "As of …" while the issuer can't be reached */
static void
update_as_of (AnshinActivityPage *self)
{
  GDateTime *as_of = self->activity != NULL ? anshin_activity_get_as_of (self->activity) : NULL;
  gboolean offline = self->account != NULL && !anshin_account_get_online (self->account);
  g_autofree char *text = NULL;

  if (offline && as_of != NULL)
    {
      g_autofree char *when = anshin_format_date_time (as_of);

      /* TRANSLATORS: above the activity while offline, e.g. "Offline: as of 2 Dec 2025, 09:42" */
      text = g_strdup_printf (_("Offline: as of %s"), when);
    }
  gtk_label_set_label (self->as_of_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->as_of_label), text != NULL);
}

static void
update_loading (AnshinActivityPage *self)
{
  gboolean loading = self->activity != NULL && anshin_activity_get_loading (self->activity);

  gtk_widget_set_visible (self->loading_row, loading);
  gtk_spinner_set_spinning (self->spinner, loading);
}

static void
update_explanation (AnshinActivityPage *self)
{
  g_autoptr(AnshinExplanation) explanation = NULL;
  AnshinCard *card;

  if (self->selected == NULL || self->account == NULL)
    {
      anshin_list_detail_show_placeholder (self->split);
      anshin_explanation_view_set_explanation (self->explanation_view, NULL);
      return;
    }

  card = anshin_account_get_card_if_any (self->account);
  if (card != NULL && anshin_account_get_now (self->account) != NULL)
    explanation = anshin_explain_transaction (self->selected, card,
                                              anshin_account_get_payment_methods (self->account),
                                              anshin_account_get_programs (self->account),
                                              anshin_account_get_now (self->account));
  anshin_explanation_view_set_card (self->explanation_view, card);
  anshin_explanation_view_set_explanation (self->explanation_view, explanation);
}

static void
open_transaction (AnshinActivityPage *self,
                  AnshinTransaction  *transaction)
{
  gboolean changed = self->selected != transaction;

  g_set_object (&self->selected, transaction);
  update_explanation (self);
  anshin_list_detail_show_detail (self->split, changed);
}

/* Callbacks */

static void
on_setup_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             AnshinActivityPage       *self)
{
  gtk_list_item_set_child (item, anshin_activity_row_new ());
}

static void
on_bind_cb (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            AnshinActivityPage       *self)
{
  AnshinTransaction *transaction = gtk_list_item_get_item (item);
  guint position = gtk_list_item_get_position (item);
  gboolean first = TRUE;

  if (position > 0 && self->activity != NULL)
    {
      g_autoptr(AnshinTransaction) previous = g_list_model_get_item (G_LIST_MODEL (self->activity),
                                                                     position - 1);

      first = previous == NULL ||
              !same_day (anshin_transaction_get_occurred_at (previous),
                         anshin_transaction_get_occurred_at (transaction));
    }
  anshin_activity_row_set_transaction (ANSHIN_ACTIVITY_ROW (gtk_list_item_get_child (item)),
                                       transaction, first);
}

static void
on_unbind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              AnshinActivityPage       *self)
{
  anshin_activity_row_set_transaction (ANSHIN_ACTIVITY_ROW (gtk_list_item_get_child (item)),
                                       NULL, FALSE);
}

static void
on_activate_cb (AnshinActivityPage *self,
                guint               position)
{
  g_autoptr(AnshinTransaction) transaction = NULL;

  if (self->activity == NULL)
    return;
  transaction = g_list_model_get_item (G_LIST_MODEL (self->activity), position);
  if (transaction != NULL)
    open_transaction (self, transaction);
}

static void
on_older_loaded_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(AnshinActivityPage) self = user_data;
  g_autoptr(GError) error = NULL;

  /* a failure leaves the list as it is; scrolling asks again */
  if (!anshin_activity_load_older_finish (ANSHIN_ACTIVITY (object), result, &error) && error != NULL)
    g_debug ("Older activity not loaded: %s", error->message);
}

/* Near the end (or a list shorter than the window): the next older page */
static void
maybe_load_older (AnshinActivityPage *self)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  double page_size = gtk_adjustment_get_page_size (adjustment);
  double left = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_value (adjustment) - page_size;

  if (self->activity == NULL || anshin_activity_get_complete (self->activity) ||
      anshin_activity_get_loading (self->activity) ||
      anshin_activity_get_as_of (self->activity) == NULL || page_size <= 0 ||
      (self->account != NULL && !anshin_account_get_online (self->account)))
    return;

  if (left <= page_size * PAGING_SCREENS)
    anshin_activity_load_older_async (self->activity, self->cancellable, on_older_loaded_cb,
                                      g_object_ref (self));
}

static void
on_items_changed_cb (AnshinActivityPage *self,
                     guint               position,
                     guint               removed,
                     guint               added)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->activity));
  GListModel *shown = G_LIST_MODEL (gtk_list_view_get_model (self->list_view));

  /* the entry after new ones may have lost its day heading to them: its
   * row is bound again (the list view binds only what changed) */
  if (added > 0 && position + added < n && shown != NULL)
    g_list_model_items_changed (shown, position + added, 1, 1);

  gtk_stack_set_visible_child_name (self->list_stack, n > 0 ? "list" : "empty");
  update_summary (self);
}

static void
on_account_changed_cb (AnshinActivityPage *self)
{
  update_summary (self);
  update_as_of (self);
  if (self->selected != NULL)
    update_explanation (self);
}

/* GObject */

static void
anshin_activity_page_dispose (GObject *object)
{
  AnshinActivityPage *self = ANSHIN_ACTIVITY_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  anshin_activity_page_set_account (self, NULL);
  g_clear_object (&self->selected);
  g_clear_object (&self->cancellable);
  /* the list and explanation are AdwBin's child: let AdwBin drop it before the template */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), ANSHIN_TYPE_ACTIVITY_PAGE);

  G_OBJECT_CLASS (anshin_activity_page_parent_class)->dispose (object);
}

static void
anshin_activity_page_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  AnshinActivityPage *self = ANSHIN_ACTIVITY_PAGE (object);

  switch (prop_id)
    {
    case PROP_ACCOUNT:
      g_value_set_object (value, self->account);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anshin_activity_page_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  AnshinActivityPage *self = ANSHIN_ACTIVITY_PAGE (object);

  switch (prop_id)
    {
    case PROP_ACCOUNT:
      anshin_activity_page_set_account (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anshin_activity_page_class_init (AnshinActivityPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = anshin_activity_page_dispose;
  object_class->get_property = anshin_activity_page_get_property;
  object_class->set_property = anshin_activity_page_set_property;

  properties[PROP_ACCOUNT] =
    g_param_spec_object ("account", NULL, NULL, ANSHIN_TYPE_ACCOUNT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ANSHIN_TYPE_EXPLANATION_VIEW);
  g_type_ensure (ANSHIN_TYPE_SPENDING_CHART_VIEW);
  g_type_ensure (ANSHIN_TYPE_LIST_DETAIL);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/anshin-activity-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AnshinActivityPage, split);
  gtk_widget_class_bind_template_child (widget_class, AnshinActivityPage, as_of_label);
  gtk_widget_class_bind_template_child (widget_class, AnshinActivityPage, points_label);
  gtk_widget_class_bind_template_child (widget_class, AnshinActivityPage, outage_label);
  gtk_widget_class_bind_template_child (widget_class, AnshinActivityPage, chart);
  gtk_widget_class_bind_template_child (widget_class, AnshinActivityPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, AnshinActivityPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, AnshinActivityPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, AnshinActivityPage, loading_row);
  gtk_widget_class_bind_template_child (widget_class, AnshinActivityPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, AnshinActivityPage, explanation_view);
}

static void
anshin_activity_page_init (AnshinActivityPage *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkAdjustment *adjustment;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (on_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (on_bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (on_unbind_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_signal_connect_object (self->list_view, "activate", G_CALLBACK (on_activate_cb), self,
                           G_CONNECT_SWAPPED);

  adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  g_signal_connect_object (adjustment, "value-changed", G_CALLBACK (maybe_load_older), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (adjustment, "changed", G_CALLBACK (maybe_load_older), self,
                           G_CONNECT_SWAPPED);

  gtk_stack_set_visible_child_name (self->list_stack, "empty");
  update_summary (self);
}

GtkWidget *
anshin_activity_page_new (void)
{
  return g_object_new (ANSHIN_TYPE_ACTIVITY_PAGE, NULL);
}

AnshinAccount *
anshin_activity_page_get_account (AnshinActivityPage *self)
{
  g_return_val_if_fail (ANSHIN_IS_ACTIVITY_PAGE (self), NULL);

  return self->account;
}

/**
 * anshin_activity_page_set_account:
 * @account: (nullable): the account whose activity to show
 *
 * Shows @account's activity and follows it.
 */
void
anshin_activity_page_set_account (AnshinActivityPage *self,
                                  AnshinAccount      *account)
{
  GtkSelectionModel *selection = NULL;

  g_return_if_fail (ANSHIN_IS_ACTIVITY_PAGE (self));
  g_return_if_fail (account == NULL || ANSHIN_IS_ACCOUNT (account));

  if (self->account == account)
    return;

  if (self->account != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->account, self);
      g_signal_handlers_disconnect_by_data (self->activity, self);
    }
  g_set_object (&self->account, account);
  g_clear_object (&self->activity);
  g_clear_object (&self->selected);

  if (account != NULL)
    {
      self->activity = g_object_ref (anshin_account_get_activity (account));
      g_signal_connect_object (self->activity, "items-changed", G_CALLBACK (on_items_changed_cb),
                               self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
      g_signal_connect_object (self->activity, "notify::loading", G_CALLBACK (update_loading),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->activity, "notify::as-of", G_CALLBACK (update_as_of),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (account, "changed", G_CALLBACK (on_account_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (account, "notify::online", G_CALLBACK (update_as_of), self,
                               G_CONNECT_SWAPPED);
      selection = GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->activity))));
    }

  if (gtk_widget_in_destruction (GTK_WIDGET (self)))
    {
      g_clear_object (&selection);
      return;
    }

  gtk_list_view_set_model (self->list_view, selection);
  g_clear_object (&selection);
  gtk_stack_set_visible_child_name (self->list_stack,
                                    self->activity != NULL &&
                                    g_list_model_get_n_items (G_LIST_MODEL (self->activity)) > 0
                                    ? "list" : "empty");
  update_summary (self);
  update_as_of (self);
  update_loading (self);
  update_explanation (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCOUNT]);
}

/**
 * anshin_activity_page_get_selected:
 *
 * Returns: (transfer none) (nullable): the entry being explained
 */
AnshinTransaction *
anshin_activity_page_get_selected (AnshinActivityPage *self)
{
  g_return_val_if_fail (ANSHIN_IS_ACTIVITY_PAGE (self), NULL);

  return self->selected;
}

/**
 * anshin_activity_page_open:
 * @transaction_id: the id of a loaded entry
 *
 * Explains the entry, as activating its row does.
 *
 * Returns: %FALSE if no such entry is loaded
 */
gboolean
anshin_activity_page_open (AnshinActivityPage *self,
                           const char         *transaction_id)
{
  guint n;

  g_return_val_if_fail (ANSHIN_IS_ACTIVITY_PAGE (self), FALSE);
  g_return_val_if_fail (transaction_id != NULL, FALSE);

  n = self->activity != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->activity)) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AnshinTransaction) t = g_list_model_get_item (G_LIST_MODEL (self->activity), i);

      if (g_strcmp0 (anshin_transaction_get_id (t), transaction_id) == 0)
        {
          open_transaction (self, t);
          return TRUE;
        }
    }

  return FALSE;
}
