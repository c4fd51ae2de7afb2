/* anshin-notices-page.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Notices page: the issuer's notices, newest first as the issuer gives
 * them, in a sidebar, and the selected one explained beside it (an
 * AnshinExplanationView) with the issuer's own title and text below for
 * reference, all following the account (its notices, card, methods,
 * programmes and issuer clock): the open explanation is redrawn whenever
 * the account changes. When the two do not fit side by side they fold
 * into one column, a notice over the list with a back button
 * (AnshinListDetail, shared with the Activity page). Opening a notice
 * emits ::notice-opened; the window marks it read on the issuer, the
 * page never talks to the issuer itself. In the main window it is made
 * when first needed (anshin-page-slot.c).
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "anshin-explainer.h"
#include "anshin-explanation-view.h"
#include "anshin-format.h"
#include "anshin-list-detail.h"
#include "anshin-notice-row.h"
#include "anshin-notices-page.h"

struct _AnshinNoticesPage
{
  AdwBin                 parent_instance;

  AnshinAccount         *account;
  GListModel            *notices;     /* the account's */
  AnshinNotice          *selected;

  /* template children */
  GtkStack              *stack;
  AnshinListDetail      *split;
  GtkListBox            *list_box;
  AnshinExplanationView *explanation_view;
  GtkLabel              *issuer_meta_label;
  GtkLabel              *issuer_title_label;
  GtkLabel              *issuer_body_label;
};

G_DEFINE_FINAL_TYPE (AnshinNoticesPage, anshin_notices_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_ACCOUNT,
  N_PROPS
};

enum {
  NOTICE_OPENED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  AnshinNoticesPage *self = user_data;

  return anshin_notice_row_new (ANSHIN_NOTICE (item), self->account);
}

/* The explanation of the selected notice, against the latest card,
 * methods and clock: when a notice is opened, and again whenever the
 * account changes (a method works again, a reissue completes, the clock
 * moves) so that it never says what is no longer true. */
static void
update_content (AnshinNoticesPage *self)
{
  g_autoptr(AnshinExplanation) explanation = NULL;
  GDateTime *issued_at;
  const char *channel;
  g_autofree char *meta = NULL;
  AnshinCard *card;

  if (self->selected == NULL)
    {
      anshin_list_detail_show_placeholder (self->split);
      anshin_explanation_view_set_explanation (self->explanation_view, NULL);
      return;
    }

  card = anshin_account_get_card_if_any (self->account);
  if (card != NULL)
    explanation = anshin_explain_notice (self->selected, card,
                                         anshin_account_get_payment_methods (self->account),
                                         anshin_account_get_programs (self->account),
                                         anshin_account_get_now (self->account));
  anshin_explanation_view_set_card (self->explanation_view, card);
  anshin_explanation_view_set_explanation (self->explanation_view, explanation);

  issued_at = anshin_notice_get_issued_at (self->selected);
  channel = anshin_notice_channel_get_label (anshin_notice_get_channel (self->selected));
  if (issued_at != NULL)
    {
      g_autofree char *when = anshin_format_date_time (issued_at);

      /* TRANSLATORS: two facts side by side, e.g. "Email · 30 Nov 2025, 09:00" */
      meta = g_strdup_printf (C_("facts", "%s · %s"), channel, when);
    }
  else
    meta = g_strdup (channel);

  gtk_label_set_label (self->issuer_meta_label, meta);
  gtk_label_set_label (self->issuer_title_label, anshin_notice_get_title (self->selected));
  gtk_label_set_label (self->issuer_body_label, anshin_notice_get_body (self->selected));
  gtk_widget_set_visible (GTK_WIDGET (self->issuer_body_label),
                          anshin_notice_get_body (self->selected) != NULL);
}

/* The row showing @notice, found by id: rows are recreated when the
 * issuer's list is refreshed. */
static GtkListBoxRow *
find_row (AnshinNoticesPage *self,
          const char        *id,
          AnshinNotice     **notice_out)
{
  guint n_items = self->notices != NULL ? g_list_model_get_n_items (self->notices) : 0;

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(AnshinNotice) notice = g_list_model_get_item (self->notices, i);

      if (g_strcmp0 (anshin_notice_get_id (notice), id) == 0)
        {
          if (notice_out != NULL)
            *notice_out = g_steal_pointer (&notice);
          return gtk_list_box_get_row_at_index (self->list_box, i);
        }
    }

  return NULL;
}

static void
open_notice (AnshinNoticesPage *self,
             AnshinNotice      *notice,
             GtkListBoxRow     *row)
{
  gboolean changed = self->selected != notice;

  g_set_object (&self->selected, notice);
  update_content (self);

  if (row != NULL && gtk_list_box_get_selected_row (self->list_box) != row)
    gtk_list_box_select_row (self->list_box, row);

  anshin_list_detail_show_detail (self->split, changed);

  g_signal_emit (self, signals[NOTICE_OPENED], 0, notice);
}

static void
on_row_activated_cb (AnshinNoticesPage *self,
                     GtkListBoxRow     *row)
{
  open_notice (self, anshin_notice_row_get_notice (ANSHIN_NOTICE_ROW (row)), row);
}

static void
update_visible_child (AnshinNoticesPage *self)
{
  gboolean empty = self->notices == NULL || g_list_model_get_n_items (self->notices) == 0;

  gtk_stack_set_visible_child_name (self->stack, empty ? "empty" : "notices");
}

static void
on_notices_items_changed_cb (AnshinNoticesPage *self)
{
  g_autoptr(AnshinNotice) latest = NULL;
  GtkListBoxRow *row = NULL;

  update_visible_child (self);

  /* keep the open notice highlighted in the rebuilt rows, and explained
   * from the issuer's latest copy of it */
  if (self->selected != NULL)
    row = find_row (self, anshin_notice_get_id (self->selected), &latest);
  if (latest != NULL && latest != self->selected)
    {
      g_set_object (&self->selected, latest);
      update_content (self);
    }
  if (row != NULL)
    gtk_list_box_select_row (self->list_box, row);
  else
    gtk_list_box_unselect_all (self->list_box);
}

/* Shows the notices in the list box */
static void
bind_notices (AnshinNoticesPage *self)
{
  gtk_list_box_bind_model (self->list_box, self->notices, create_row_cb, self, NULL);
  /* after the list box's own handler, so that the rows exist */
  if (self->notices != NULL)
    g_signal_connect_object (self->notices, "items-changed", G_CALLBACK (on_notices_items_changed_cb),
                             self, G_CONNECT_SWAPPED);

  on_notices_items_changed_cb (self);
}

/* GObject */

static void
anshin_notices_page_dispose (GObject *object)
{
  AnshinNoticesPage *self = ANSHIN_NOTICES_PAGE (object);

  anshin_notices_page_set_account (self, NULL);
  g_clear_object (&self->selected);

  /* the stack is AdwBin's child: let AdwBin drop it before the template */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), ANSHIN_TYPE_NOTICES_PAGE);

  G_OBJECT_CLASS (anshin_notices_page_parent_class)->dispose (object);
}

static void
anshin_notices_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  AnshinNoticesPage *self = ANSHIN_NOTICES_PAGE (object);

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
anshin_notices_page_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  AnshinNoticesPage *self = ANSHIN_NOTICES_PAGE (object);

  switch (prop_id)
    {
    case PROP_ACCOUNT:
      anshin_notices_page_set_account (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anshin_notices_page_class_init (AnshinNoticesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = anshin_notices_page_dispose;
  object_class->get_property = anshin_notices_page_get_property;
  object_class->set_property = anshin_notices_page_set_property;

  properties[PROP_ACCOUNT] =
    g_param_spec_object ("account", NULL, NULL, ANSHIN_TYPE_ACCOUNT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AnshinNoticesPage::notice-opened:
   * @self: the page
   * @notice: the notice the holder opened
   *
   * The holder opened @notice; the window marks it read on the issuer.
   */
  signals[NOTICE_OPENED] =
    g_signal_new ("notice-opened",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL,
                  g_cclosure_marshal_VOID__OBJECT,
                  G_TYPE_NONE, 1, ANSHIN_TYPE_NOTICE);

  g_type_ensure (ANSHIN_TYPE_EXPLANATION_VIEW);
  g_type_ensure (ANSHIN_TYPE_LIST_DETAIL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/anshin-notices-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AnshinNoticesPage, stack);
  gtk_widget_class_bind_template_child (widget_class, AnshinNoticesPage, split);
  gtk_widget_class_bind_template_child (widget_class, AnshinNoticesPage, list_box);
  gtk_widget_class_bind_template_child (widget_class, AnshinNoticesPage, explanation_view);
  gtk_widget_class_bind_template_child (widget_class, AnshinNoticesPage, issuer_meta_label);
  gtk_widget_class_bind_template_child (widget_class, AnshinNoticesPage, issuer_title_label);
  gtk_widget_class_bind_template_child (widget_class, AnshinNoticesPage, issuer_body_label);
}

static void
anshin_notices_page_init (AnshinNoticesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (self->list_box, "row-activated", G_CALLBACK (on_row_activated_cb),
                           self, G_CONNECT_SWAPPED);
  bind_notices (self);
  update_content (self);
}

GtkWidget *
anshin_notices_page_new (void)
{
  return g_object_new (ANSHIN_TYPE_NOTICES_PAGE, NULL);
}

AnshinAccount *
anshin_notices_page_get_account (AnshinNoticesPage *self)
{
  g_return_val_if_fail (ANSHIN_IS_NOTICES_PAGE (self), NULL);

  return self->account;
}

/**
 * anshin_notices_page_set_account:
 * @account: (nullable): the account whose notices to show
 *
 * Lists @account's notices and explains the open one, following the
 * account as it changes.
 */
void
anshin_notices_page_set_account (AnshinNoticesPage *self,
                                 AnshinAccount     *account)
{
  g_return_if_fail (ANSHIN_IS_NOTICES_PAGE (self));
  g_return_if_fail (account == NULL || ANSHIN_IS_ACCOUNT (account));

  if (self->account == account)
    return;

  if (self->account != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->account, self);
      g_signal_handlers_disconnect_by_data (self->notices, self);
    }
  g_set_object (&self->account, account);
  g_clear_object (&self->notices);
  if (account != NULL)
    self->notices = g_object_ref (anshin_account_get_notices (account));
  if (account != NULL)
    g_signal_connect_object (account, "changed", G_CALLBACK (update_content), self,
                             G_CONNECT_SWAPPED);

  bind_notices (self);

  if (!gtk_widget_in_destruction (GTK_WIDGET (self)))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCOUNT]);
}

/**
 * anshin_notices_page_get_selected:
 * @self: a #AnshinNoticesPage
 *
 * Returns: (transfer none) (nullable): the notice being shown
 */
AnshinNotice *
anshin_notices_page_get_selected (AnshinNoticesPage *self)
{
  g_return_val_if_fail (ANSHIN_IS_NOTICES_PAGE (self), NULL);

  return self->selected;
}

/**
 * anshin_notices_page_select_notice:
 * @self: a #AnshinNoticesPage
 * @id: the id of a notice in #AnshinNoticesPage:notices
 *
 * Opens the notice called @id, as clicking its row does (for a desktop
 * notification that was clicked); emits #AnshinNoticesPage::notice-opened.
 *
 * Returns: %FALSE if there is no such notice (yet)
 */
gboolean
anshin_notices_page_select_notice (AnshinNoticesPage *self,
                                   const char        *id)
{
  g_autoptr(AnshinNotice) notice = NULL;
  GtkListBoxRow *row;

  g_return_val_if_fail (ANSHIN_IS_NOTICES_PAGE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  row = find_row (self, id, &notice);
  if (notice == NULL)
    return FALSE;

  open_notice (self, notice, row);
  return TRUE;
}
