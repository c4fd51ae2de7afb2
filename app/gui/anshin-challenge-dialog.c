/* anshin-challenge-dialog.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * 3-D Secure: the card company has "sent" a one-time code (in demo mode
 * the demo bar shows it); the holder types it here. Verify stays disabled
 * until the code is whole digits; Enter verifies. A wrong code reopens the
 * dialog with the issuer's answer above the entry (@problem).
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "anshin-a11y.h"
#include "anshin-challenge-dialog.h"
#include "anshin-format.h"

#define CODE_LENGTH 6

struct _AnshinChallengeDialog
{
  AdwMessageDialog  parent_instance;

  GtkWidget        *entry;
};

G_DEFINE_FINAL_TYPE (AnshinChallengeDialog, anshin_challenge_dialog, ADW_TYPE_MESSAGE_DIALOG)

static gboolean
code_is_whole (const char *code)
{
  gsize length = strlen (code);

  if (length != CODE_LENGTH)
    return FALSE;

  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isdigit (code[i]))
      return FALSE;

  return TRUE;
}

static void
on_entry_changed_cb (AnshinChallengeDialog *self)
{
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self),
                                           ANSHIN_CHALLENGE_RESPONSE_VERIFY,
                                           code_is_whole (anshin_challenge_dialog_get_code (self)));
}

static void
on_entry_activate_cb (AnshinChallengeDialog *self)
{
  if (code_is_whole (anshin_challenge_dialog_get_code (self)))
    adw_message_dialog_response (ADW_MESSAGE_DIALOG (self), ANSHIN_CHALLENGE_RESPONSE_VERIFY);
}

static void
anshin_challenge_dialog_class_init (AnshinChallengeDialogClass *klass)
{
}

static void
anshin_challenge_dialog_init (AnshinChallengeDialog *self)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (self);

  adw_message_dialog_set_heading (dialog, _("Enter the One-Time Code"));
  adw_message_dialog_add_responses (dialog,
                                    ANSHIN_CHALLENGE_RESPONSE_CANCEL, _("_Cancel"),
                                    ANSHIN_CHALLENGE_RESPONSE_VERIFY, _("_Verify"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, ANSHIN_CHALLENGE_RESPONSE_VERIFY,
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (dialog, ANSHIN_CHALLENGE_RESPONSE_VERIFY, FALSE);
  adw_message_dialog_set_default_response (dialog, ANSHIN_CHALLENGE_RESPONSE_VERIFY);
  adw_message_dialog_set_close_response (dialog, ANSHIN_CHALLENGE_RESPONSE_CANCEL);
  anshin_a11y_name_buttons (GTK_WIDGET (dialog));

  self->entry = gtk_entry_new ();
  gtk_entry_set_max_length (GTK_ENTRY (self->entry), CODE_LENGTH);
  gtk_entry_set_input_purpose (GTK_ENTRY (self->entry), GTK_INPUT_PURPOSE_PIN);
  gtk_entry_set_alignment (GTK_ENTRY (self->entry), 0.5);
  gtk_widget_add_css_class (self->entry, "challenge-code");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("One-time code"),
                                  -1);
  g_signal_connect_swapped (self->entry, "changed", G_CALLBACK (on_entry_changed_cb), self);
  g_signal_connect_swapped (self->entry, "activate", G_CALLBACK (on_entry_activate_cb), self);
  adw_message_dialog_set_extra_child (dialog, self->entry);
}

/**
 * anshin_challenge_dialog_new:
 * @parent: (nullable): the window to keep the dialog above
 * @challenge: the issuer's 3-D Secure challenge
 * @problem: (nullable): why the previous code was refused, and the tries left
 *
 * Returns: (transfer none): a dialog asking for the one-time code; GTK owns
 *   it until it is closed. Connect to #AdwMessageDialog::response.
 */
AnshinChallengeDialog *
anshin_challenge_dialog_new (GtkWindow             *parent,
                             const AnshinChallenge *challenge,
                             const char            *problem)
{
  AnshinChallengeDialog *self;
  g_autoptr(GString) body = g_string_new (NULL);
  const char *request;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (challenge != NULL, NULL);

  if (problem != NULL)
    g_string_append_printf (body, "%s\n\n", problem);

  /* TRANSLATORS: 3‑D Secure (with a non-breaking hyphen) is 3Dセキュア（本人認証）; the code
   * is ワンタイムパスワード */
  request = _("To confirm that the card is yours, your card company has sent a "
              "6-digit one-time code for 3‑D Secure by text message. Enter it here.");

  if (challenge->expires_at != NULL)
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (challenge->expires_at);
      g_autofree char *time = anshin_format_time (local);
      /* TRANSLATORS: %s is a time of day, e.g. "9:05" */
      g_autofree char *until = g_strdup_printf (_("The code works until %s."), time);

      /* TRANSLATORS: two sentences one after the other. Japanese writes them
       * without a space: "%s%s". */
      g_string_append_printf (body, C_("sentences", "%s %s"), request, until);
    }
  else
    {
      g_string_append (body, request);
    }

  self = g_object_new (ANSHIN_TYPE_CHALLENGE_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       "body", body->str,
                       NULL);

  return self;
}

/**
 * anshin_challenge_dialog_get_code:
 * @self: a #AnshinChallengeDialog
 *
 * Returns: the code as typed
 */
const char *
anshin_challenge_dialog_get_code (AnshinChallengeDialog *self)
{
  g_return_val_if_fail (ANSHIN_IS_CHALLENGE_DIALOG (self), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (self->entry));
}

void
anshin_challenge_dialog_set_code (AnshinChallengeDialog *self,
                                  const char            *code)
{
  g_return_if_fail (ANSHIN_IS_CHALLENGE_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->entry), code != NULL ? code : "");
}
