/* anshin-window-actions.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * AnshinWindow's actions: win.refresh, win.freeze-card (confirmed, with an
 * undo toast), win.unfreeze-card, win.reissue-card (the trade-off spelled
 * out in AnshinReissueDialog, then the account's reissue), win.copy-summary
 * (a plain-text summary for the issuer's support desk on the clipboard) and
 * win.sign-out, and the toasts for their results (each toast that states the
 * card's condition says so, anshin-window-toasts.c). Installed by the
 * window; follows its account.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "anshin-a11y.h"
#include "anshin-error-text.h"
#include "anshin-reissue-dialog.h"
#include "anshin-support-summary.h"
#include "anshin-window-private.h"

#define RESPONSE_CANCEL "cancel"
#define RESPONSE_FREEZE "freeze"

static AnshinCardState
card_state (AnshinWindow *self)
{
  if (self->account == NULL || !anshin_account_get_has_card (self->account))
    return ANSHIN_CARD_STATE_CLOSED;

  return anshin_card_get_state (anshin_account_get_card (self->account));
}

static gboolean
can_act (AnshinWindow *self)
{
  return self->account != NULL
         && anshin_account_get_signed_in (self->account)
         && anshin_account_get_has_card (self->account);
}

/* Enables the actions that make sense for the card as it is now. */
static void
update_actions (AnshinWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  AnshinCardState state = card_state (self);
  gboolean act = can_act (self);

  gtk_widget_action_set_enabled (widget, "win.refresh", self->account != NULL);
  gtk_widget_action_set_enabled (widget, "win.freeze-card", act && state == ANSHIN_CARD_STATE_ACTIVE);
  gtk_widget_action_set_enabled (widget, "win.unfreeze-card", act && state == ANSHIN_CARD_STATE_FROZEN);
  gtk_widget_action_set_enabled (widget, "win.reissue-card", act && state == ANSHIN_CARD_STATE_ACTIVE);
  /* also to retry a sign-out that left the sign-in in the keyring */
  gtk_widget_action_set_enabled (widget, "win.sign-out",
                                 self->account != NULL &&
                                 (anshin_account_get_signed_in (self->account) || self->sign_out_left_behind));
  gtk_widget_action_set_enabled (widget, "win.copy-summary",
                                 self->account != NULL && anshin_account_get_has_card (self->account));
}

/* win.copy-summary: what the support desk asks first, in the UI language,
 * without the card number or any secret (anshin_support_summary_text()). */

static void
copy_summary_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  AnshinWindow *self = ANSHIN_WINDOW (widget);
  AnshinAccount *account = self->account;
  AnshinCard *card = account != NULL ? anshin_account_get_card_if_any (account) : NULL;
  g_autofree char *text = NULL;

  if (card == NULL)
    return;

  text = anshin_support_summary_text (card,
                                      anshin_account_get_payment_methods (account),
                                      anshin_account_get_notices (account),
                                      anshin_account_get_registration_locked_until (account),
                                      anshin_account_get_issuer_info (account),
                                      anshin_account_get_now (account));
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
  _anshin_window_toast (self, _("Summary copied: paste it to the support desk"));
}

/* win.refresh */

static void
on_refreshed_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  AnshinWindow *self = user_data;
  g_autoptr(GError) error = NULL;

  if (anshin_account_refresh_finish (ANSHIN_ACCOUNT (object), result, &error))
    return;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  _anshin_window_toast_error (self, error, _("Your card’s status was not refreshed."));
}

static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  AnshinWindow *self = ANSHIN_WINDOW (widget);

  if (self->account == NULL)
    return;

  if (g_strcmp0 (anshin_window_get_view (self), "wallet") != 0)
    {
      _anshin_window_start (self);
      return;
    }

  anshin_account_refresh_async (self->account, self->cancellable, on_refreshed_cb,
                                self);
}

/* win.freeze-card and win.unfreeze-card */

typedef struct {
  const char *done;         /* the toast once the issuer agreed */
  const char *not_done;     /* what did not happen */
  const char *unconfirmed;  /* the issuer may have done it */
  gboolean    frozen;
} FreezeTexts;

static const FreezeTexts freeze_texts = {
  N_("Your card is frozen: no payment with it goes through"),
  N_("Your card was not frozen."),
  N_("Anshin Wallet could not confirm whether your card was frozen."),
  TRUE,
};

static const FreezeTexts unfreeze_texts = {
  N_("Your card works again"),
  N_("Your card is still frozen."),
  N_("Anshin Wallet could not confirm whether your card was unfrozen."),
  FALSE,
};

static void
frozen_done (AnshinWindow      *self,
             AnshinAccount     *account,
             GAsyncResult      *result,
             const FreezeTexts *texts)
{
  g_autoptr(GError) error = NULL;
  AdwToast *toast;

  if (!anshin_account_set_card_frozen_finish (account, result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      /* the account shows what the issuer says now */
      _anshin_window_toast_error (self, error,
                                 anshin_issuer_error_outcome_unknown (error)
                                 ? _(texts->unconfirmed) : _(texts->not_done));
      return;
    }

  toast = _anshin_window_toast (self, _(texts->done));
  if (texts->frozen)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "win.unfreeze-card");
    }
  _anshin_window_toast_claims (self, toast,
                               texts->frozen ? ANSHIN_TOAST_CLAIM_FROZEN : ANSHIN_TOAST_CLAIM_WORKS, 0);
}

static void
on_frozen_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  frozen_done (user_data, ANSHIN_ACCOUNT (object), result, &freeze_texts);
}

static void
on_unfrozen_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  frozen_done (user_data, ANSHIN_ACCOUNT (object), result, &unfreeze_texts);
}

static void
set_card_frozen (AnshinWindow *self,
                 gboolean      frozen)
{
  if (self->account == NULL)
    return;

  anshin_account_set_card_frozen_async (self->account, frozen, self->cancellable,
                                        frozen ? on_frozen_cb : on_unfrozen_cb, self);
}

static void
on_freeze_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       AnshinWindow     *self)
{
  if (g_strcmp0 (response, RESPONSE_FREEZE) == 0)
    set_card_frozen (self, TRUE);
}

static void
freeze_card_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  AnshinWindow *self = ANSHIN_WINDOW (widget);
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Freeze Your Card?"),
                                   _("While your card is frozen, every payment with it is declined: "
                                     "online, contactless, QUICPay, Apple Pay and Google Pay. Your "
                                     "balance stays as it is, and you can unfreeze the card at any "
                                     "time."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    RESPONSE_CANCEL, _("_Cancel"),
                                    RESPONSE_FREEZE, _("_Freeze Card"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), RESPONSE_FREEZE,
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), RESPONSE_CANCEL);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), RESPONSE_CANCEL);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_freeze_response_cb), self, 0);
  anshin_a11y_name_buttons (dialog);

  gtk_window_present (GTK_WINDOW (dialog));
}

static void
unfreeze_card_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  set_card_frozen (ANSHIN_WINDOW (widget), FALSE);
}

/* win.reissue-card */

static void
on_reissued_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  AnshinWindow *self = user_data;
  g_autoptr(GError) error = NULL;
  AdwToast *toast;

  if (!anshin_account_reissue_finish (ANSHIN_ACCOUNT (object), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      /* with the answer lost, the account keeps the key: reissuing again
       * replays this request, so the card is reissued once at most */
      if (anshin_issuer_error_outcome_unknown (error))
        _anshin_window_toast_error (self, error,
                                   _("Anshin Wallet could not confirm whether your card is being reissued."));
      else
        _anshin_window_toast_error (self, error, _("Your card was not reissued."));
      return;
    }

  toast = _anshin_window_toast (self, _("Reissue requested: QUICPay should work again in about 3 hours, with the new number"));
  _anshin_window_toast_claims (self, toast, ANSHIN_TOAST_CLAIM_REISSUING, 0);
}

static void
on_reissue_chosen_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  AnshinWindow *self = user_data;
  g_autoptr(GError) error = NULL;

  if (!anshin_reissue_dialog_choose_finish (result, &error) || self->account == NULL)
    return;

  anshin_account_reissue_async (self->account, self->cancellable, on_reissued_cb, self);
}

static void
reissue_card_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  AnshinWindow *self = ANSHIN_WINDOW (widget);

  if (self->account == NULL)
    return;

  anshin_reissue_dialog_choose (GTK_WINDOW (self),
                                anshin_account_get_card (self->account),
                                anshin_account_get_payment_methods (self->account),
                                anshin_account_get_programs (self->account),
                                anshin_account_get_now (self->account), self->cancellable,
                                on_reissue_chosen_cb, self);
}

/* win.sign-out */

static void
on_signed_out_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  AnshinWindow *self = user_data;
  g_autoptr(GError) error = NULL;
  AdwToast *toast;

  if (anshin_account_sign_out_finish (ANSHIN_ACCOUNT (object), result, &error))
    {
      self->sign_out_left_behind = FALSE;
      update_actions (self);
      _anshin_window_toast (self, _("Signed out"));
      return;
    }

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (error->domain != ANSHIN_SIGN_OUT_ERROR)
    {
      _anshin_window_toast_error (self, error, _("You are still signed in."));
      return;
    }

  /* Signed out here, but something is left behind: say what, never
   * "signed out" alone, and offer to try again where that can help. */
  self->sign_out_left_behind = (error->code & (ANSHIN_SIGN_OUT_ERROR_KEYRING |
                                               ANSHIN_SIGN_OUT_ERROR_CACHE)) != 0;
  update_actions (self);
  toast = _anshin_window_toast_error (self, error, NULL);
  if (self->sign_out_left_behind)
    {
      adw_toast_set_button_label (toast, _("_Retry"));
      adw_toast_set_action_name (toast, "win.sign-out");
      adw_toast_set_timeout (toast, 0);
    }
}

static void
sign_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  AnshinWindow *self = ANSHIN_WINDOW (widget);

  if (self->account == NULL)
    return;

  anshin_account_sign_out_async (self->account, self->cancellable, on_signed_out_cb,
                                 self);
}

void
_anshin_window_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.refresh", NULL, refresh_action);
  gtk_widget_class_install_action (widget_class, "win.freeze-card", NULL, freeze_card_action);
  gtk_widget_class_install_action (widget_class, "win.unfreeze-card", NULL, unfreeze_card_action);
  gtk_widget_class_install_action (widget_class, "win.reissue-card", NULL, reissue_card_action);
  gtk_widget_class_install_action (widget_class, "win.sign-out", NULL, sign_out_action);
  gtk_widget_class_install_action (widget_class, "win.copy-summary", NULL, copy_summary_action);
}

/* "Keep me signed in" did not take: the holder should know before the
 * next start asks for the password again. */
static void
on_remember_failed_cb (AnshinWindow *self,
                       GError       *error)
{
  g_debug ("The keyring did not store the sign-in: %s", error->message);
  _anshin_window_toast (self, _("Anshin Wallet could not save your sign-in in the keyring, so "
                                "next time it asks for your password again. Check that your "
                                "keyring is unlocked."));
}

static void
on_account_changed_cb (AnshinWindow *self)
{
  AnshinCard *card = self->account != NULL ? anshin_account_get_card (self->account) : NULL;

  /* the card's state at once, not at the account's next ::changed */
  g_signal_group_set_target (self->card_signals, card);
  update_actions (self);
  _anshin_window_check_toast (self);
}

/**
 * _anshin_window_init_actions:
 *
 * Follows the window's account (its card, whether it is signed in) and
 * view to enable the actions that make sense. (Notices become desktop
 * notifications through the application's AnshinNotifier.)
 */
void
_anshin_window_init_actions (AnshinWindow *self)
{
  self->action_signals = g_signal_group_new (ANSHIN_TYPE_ACCOUNT);
  self->card_signals = g_signal_group_new (ANSHIN_TYPE_CARD);
  g_signal_group_connect_swapped (self->card_signals, "notify::state", G_CALLBACK (update_actions), self);
  g_signal_group_connect_swapped (self->card_signals, "notify", G_CALLBACK (_anshin_window_check_toast), self);
  g_signal_group_connect_swapped (self->action_signals, "notify::has-card",
                                  G_CALLBACK (update_actions), self);
  g_signal_group_connect_swapped (self->action_signals, "notify::signed-in",
                                  G_CALLBACK (update_actions), self);
  g_signal_group_connect_swapped (self->action_signals, "remember-failed",
                                  G_CALLBACK (on_remember_failed_cb), self);
  g_object_bind_property (self, "account", self->action_signals, "target", G_BINDING_SYNC_CREATE);
  g_signal_connect (self, "notify::account", G_CALLBACK (on_account_changed_cb), NULL);
  g_signal_connect (self, "notify::view", G_CALLBACK (update_actions), NULL);
  on_account_changed_cb (self);
}
