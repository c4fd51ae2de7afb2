/* anshin-reissue-dialog.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Asks before reissuing the card with a new number, spelling out the
 * trade-off from app/core (anshin_explain_reissue_tradeoff): QUICPay works
 * again in about 3 hours, but the number changes, so the card has to be
 * added to Apple Pay / Google Pay again and updated wherever it is saved.
 *
 * The body says what the reissue brings, in one sentence; what it costs
 * and what stays follow as a short list of left-aligned points, not as
 * centred paragraphs.
 *
 * The old number stops working for good, so "Reissue" has the destructive
 * appearance (GNOME HIG) and "Cancel" is the default and close response.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "anshin-a11y.h"
#include "anshin-explainer.h"
#include "anshin-reissue-dialog.h"

#define RESPONSE_CANCEL  "cancel"
#define RESPONSE_REISSUE "reissue"

struct _AnshinReissueDialog
{
  AdwMessageDialog  parent_instance;

  GTask            *task;
  gulong            cancelled_id;
};

G_DEFINE_FINAL_TYPE (AnshinReissueDialog, anshin_reissue_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
append_point (GtkBox     *points,
              const char *text)
{
  g_autofree char *line = NULL;
  GtkWidget *label;

  if (text == NULL || text[0] == '\0')
    return;

  /* TRANSLATORS: one line of a list, %s is e.g. "Your balance of ¥12,345
   * stays on the card." */
  line = g_strdup_printf (C_("list item", "• %s"), text);
  label = gtk_label_new (line);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_box_append (points, label);
}

/* What changes and what stays, a point each: the number (and where to
 * update it), the programmes, the balance, and what waiting would mean. */
static GtkWidget *
tradeoff_points (AnshinExplanation *explanation)
{
  GtkBox *points = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 6));

  gtk_widget_add_css_class (GTK_WIDGET (points), "reissue-points");
  append_point (points, anshin_explanation_get_what_to_do (explanation));
  append_point (points, anshin_explanation_get_programme_impact (explanation));
  append_point (points, anshin_explanation_get_what_next (explanation));
  append_point (points, anshin_explanation_get_evidence (explanation));

  return GTK_WIDGET (points);
}

static void
finish_task (AnshinReissueDialog *self,
             gboolean             confirmed)
{
  g_autoptr(GTask) task = g_steal_pointer (&self->task);
  GCancellable *cancellable;

  if (task == NULL)
    return;

  cancellable = g_task_get_cancellable (task);
  if (self->cancelled_id != 0)
    {
      g_signal_handler_disconnect (cancellable, self->cancelled_id);
      self->cancelled_id = 0;
    }

  /* a cancelled task reports G_IO_ERROR_CANCELLED */
  g_task_return_boolean (task, confirmed);
}

static void
on_response_cb (AnshinReissueDialog *self,
                const char          *response,
                gpointer             user_data)
{
  finish_task (self, g_strcmp0 (response, RESPONSE_REISSUE) == 0);
}

static void
on_cancelled_cb (GCancellable        *cancellable,
                 AnshinReissueDialog *self)
{
  /* closing answers with the close response, "cancel" */
  gtk_window_close (GTK_WINDOW (self));
}

static void
anshin_reissue_dialog_dispose (GObject *object)
{
  AnshinReissueDialog *self = ANSHIN_REISSUE_DIALOG (object);

  finish_task (self, FALSE);

  G_OBJECT_CLASS (anshin_reissue_dialog_parent_class)->dispose (object);
}

static void
anshin_reissue_dialog_class_init (AnshinReissueDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = anshin_reissue_dialog_dispose;
}

static void
anshin_reissue_dialog_init (AnshinReissueDialog *self)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (self);

  adw_message_dialog_set_default_response (dialog, RESPONSE_CANCEL);
  adw_message_dialog_set_close_response (dialog, RESPONSE_CANCEL);

  g_signal_connect (self, "response", G_CALLBACK (on_response_cb), NULL);
}

/**
 * anshin_reissue_dialog_new:
 * @parent: (nullable): the window to keep the dialog above
 * @card: the card to reissue
 * @methods: (nullable): the card's #AnshinPaymentMethods
 * @programs: (nullable): the issuer's #AnshinPrograms
 * @now: the issuer's clock
 *
 * Returns: (transfer none): a dialog with the trade-off of reissuing @card
 *   with a new number, as it stands at @now; GTK owns it until it is closed
 */
AnshinReissueDialog *
anshin_reissue_dialog_new (GtkWindow  *parent,
                           AnshinCard *card,
                           GListModel *methods,
                           GListModel *programs,
                           GDateTime  *now)
{
  g_autoptr(AnshinExplanation) explanation = NULL;
  AnshinReissueDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (ANSHIN_IS_CARD (card), NULL);
  g_return_val_if_fail (methods == NULL || G_IS_LIST_MODEL (methods), NULL);
  g_return_val_if_fail (programs == NULL || G_IS_LIST_MODEL (programs), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  explanation = anshin_explain_reissue_tradeoff (card, methods, programs, now);

  self = g_object_new (ANSHIN_TYPE_REISSUE_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       "body", anshin_explanation_get_what_happened (explanation),
                       NULL);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (self), tradeoff_points (explanation));

  if (anshin_explanation_has_action (explanation, ANSHIN_ACTION_KIND_REISSUE_NEW_NUMBER))
    {
      adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self), _("Reissue with a New Number?"));
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (self),
                                        RESPONSE_CANCEL, _("_Cancel"),
                                        /* TRANSLATORS: a button; 番号を切り替えて再発行 */
                                        RESPONSE_REISSUE, _("_Reissue"),
                                        NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (self), RESPONSE_REISSUE,
                                                  ADW_RESPONSE_DESTRUCTIVE);
    }
  else
    {
      /* a reissue already under way: say so, with nothing to confirm */
      adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self),
                                      anshin_explanation_get_headline (explanation));
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (self), RESPONSE_CANCEL, _("_Close"));
    }
  anshin_a11y_name_buttons (GTK_WIDGET (self));

  return self;
}

/**
 * anshin_reissue_dialog_choose:
 * @parent: (nullable): the window to keep the dialog above
 * @card: the card to reissue
 * @methods: (nullable): the card's #AnshinPaymentMethods
 * @programs: (nullable): the issuer's #AnshinPrograms
 * @now: the issuer's clock
 * @cancellable: (nullable): closes the dialog when cancelled
 * @callback: called with the holder's answer
 * @user_data: data for @callback
 *
 * Presents an #AnshinReissueDialog; call anshin_reissue_dialog_choose_finish()
 * in @callback to learn whether the holder confirmed.
 */
void
anshin_reissue_dialog_choose (GtkWindow           *parent,
                              AnshinCard          *card,
                              GListModel          *methods,
                              GListModel          *programs,
                              GDateTime           *now,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  AnshinReissueDialog *self;

  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  self = anshin_reissue_dialog_new (parent, card, methods, programs, now);
  g_return_if_fail (self != NULL);

  self->task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (self->task, anshin_reissue_dialog_choose);

  if (g_task_return_error_if_cancelled (self->task))
    {
      g_clear_object (&self->task);
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  if (cancellable != NULL)
    self->cancelled_id = g_signal_connect_object (cancellable, "cancelled",
                                                  G_CALLBACK (on_cancelled_cb), self, 0);

  gtk_window_present (GTK_WINDOW (self));
}

/**
 * anshin_reissue_dialog_choose_finish:
 * @result: the result passed to the callback
 * @error: a location for a #GError
 *
 * Returns: %TRUE if the holder chose "Reissue"; %FALSE if they cancelled
 *   or closed the dialog, or (with @error set) if it was cancelled
 */
gboolean
anshin_reissue_dialog_choose_finish (GAsyncResult  *result,
                                     GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == anshin_reissue_dialog_choose, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
