/* anshin-topup-page-register.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Registering a charge card from the Top-up page: the issuer's attempts
 * and lock, Register with one submission id (so that Retry after a
 * dropped connection is the same request), the 3-D Secure code, and what
 * each refusal means for the holder. The client handles stale form tokens
 * and sessions by itself; the card details are read from the form at each
 * submission and kept nowhere else.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "anshin-card-brand.h"
#include "anshin-card-number.h"
#include "anshin-challenge-dialog.h"
#include "anshin-error-text.h"
#include "anshin-topup-page-private.h"

static void open_challenge_dialog (AnshinTopupPage *self,
                                   const char      *problem);

void
anshin_topup_page_clear_registration (AnshinTopupPage *self)
{
  if (self->account != NULL)
    anshin_account_forget_challenge (self->account);
  self->submitted = FALSE;
  g_clear_pointer (&self->challenge, anshin_challenge_free);
  self->code_sent = FALSE;
  if (self->challenge_code != NULL)
    memset (self->challenge_code, 0, strlen (self->challenge_code));
  g_clear_pointer (&self->challenge_code, g_free);
  self->retry = RETRY_NONE;
}

static void
show_failure (AnshinTopupPage *self,
              const char      *message,
              RegisterRetry    retry)
{
  self->retry = retry;
  anshin_charge_card_form_show_failure (self->card_form, message, retry != RETRY_NONE);
}

static void
on_registration_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(AnshinRegistrationForm) form = NULL;
  g_autoptr(GError) error = NULL;
  AnshinTopupPage *self;

  form = anshin_account_get_registration_form_finish (ANSHIN_ACCOUNT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = ANSHIN_TOPUP_PAGE (user_data);
  self->loading_registration = FALSE;

  if (form == NULL)
    {
      g_autofree char *message = anshin_topup_page_describe_unreachable (error);

      g_debug ("Cannot fetch the registration form: %s", error->message);
      /* keep what is known (attempts, lock) and what was typed */
      if (self->retry == RETRY_NONE || self->retry == RETRY_LOAD)
        show_failure (self, message, RETRY_LOAD);
      return;
    }

  if (self->retry == RETRY_LOAD)
    show_failure (self, NULL, RETRY_NONE);

  g_clear_pointer (&self->registration, anshin_registration_form_free);
  self->registration = anshin_registration_form_copy (form);
  anshin_charge_card_form_set_registration (self->card_form, form);
  anshin_topup_form_set_registration_locked_until (self->topup_form, form->locked_until);
}

void
anshin_topup_page_load_registration (AnshinTopupPage *self)
{
  if (self->account == NULL)
    return;

  self->loading_registration = TRUE;
  anshin_account_get_registration_form_async (self->account, self->cancellable,
                                              on_registration_cb, self);
}

static void
registered (AnshinTopupPage  *self,
            AnshinChargeCard *card)
{
  g_autofree char *masked = anshin_card_number_mask (anshin_charge_card_get_last4 (card));
  g_autofree char *text = NULL;

  anshin_topup_page_clear_registration (self);
  anshin_charge_card_form_set_busy (self->card_form, FALSE);
  anshin_charge_card_form_clear (self->card_form);

  /* TRANSLATORS: %1$s is a card brand, %2$s its masked number, e.g. "Visa •••• 4242" */
  text = g_strdup_printf (_("%1$s %2$s is registered. You can top up from it now."),
                          anshin_card_brand_get_label (anshin_charge_card_get_brand (card)), masked);
  anshin_topup_page_emit_toast (self, text);

  /* the account lists the card already; the attempts may have changed */
  anshin_topup_page_load_registration (self);
}

static char *
describe_attempts (AnshinIssuerProblem *problem)
{
  int attempts = anshin_issuer_problem_get_attempts_remaining (problem);

  /* none left: the lock callout says what that means */
  if (attempts <= 0)
    return g_strdup ("");

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%d attempt left today.",
                                       "%d attempts left today.",
                                       attempts),
                          attempts);
}

/* A refusal by the issuer: say what happened, keep what was typed. */
static void
refused (AnshinTopupPage *self,
         const GError    *error)
{
  AnshinIssuerProblem *problem = anshin_issuer_error_get_problem (error);
  g_autofree char *attempts = problem != NULL ? describe_attempts (problem) : g_strdup ("");
  g_autofree char *message = NULL;
  RegisterRetry retry = RETRY_NONE;

  anshin_charge_card_form_set_busy (self->card_form, FALSE);
  g_debug ("The registration failed: %s", error->message);

  if (g_error_matches (error, ANSHIN_ISSUER_ERROR, ANSHIN_ISSUER_ERROR_VALIDATION))
    {
      if (problem != NULL)
        anshin_charge_card_form_show_issuer_fields (self->card_form, problem);
      /* TRANSLATORS: %s is "N attempts left today." */
      message = g_strdup_printf (_("The issuer refused the card details: see the fields marked above. %s"),
                                 attempts);
    }
  else if (g_error_matches (error, ANSHIN_ISSUER_ERROR, ANSHIN_ISSUER_ERROR_DECLINED))
    /* TRANSLATORS: %s is "N attempts left today." */
    message = g_strdup_printf (_("The card company declined this card, so it was not registered. "
                                 "Your card company can tell you why. %s"), attempts);
  else if (g_error_matches (error, ANSHIN_ISSUER_ERROR, ANSHIN_ISSUER_ERROR_CHALLENGE_FAILED))
    {
      /* TRANSLATORS: %s is "N attempts left today." */
      g_autofree char *problem_text = g_strdup_printf (_("That code is not the one sent. %s"), attempts);

      self->code_sent = FALSE;
      if (problem != NULL && anshin_issuer_problem_get_attempts_remaining (problem) != 0)
        {
          open_challenge_dialog (self, problem_text);
          anshin_topup_page_load_registration (self);
          return;
        }
      message = g_steal_pointer (&problem_text);
    }
  else if (g_error_matches (error, ANSHIN_ISSUER_ERROR, ANSHIN_ISSUER_ERROR_CHALLENGE_EXPIRED))
    message = g_strdup (_("The one-time code expired before it was entered. Press Register again "
                          "for a new code; that costs no attempt."));
  else if (g_error_matches (error, ANSHIN_ISSUER_ERROR, ANSHIN_ISSUER_ERROR_LOCKED))
    message = NULL;  /* the lock callout says it all */
  else if (g_error_matches (error, ANSHIN_ISSUER_ERROR, ANSHIN_ISSUER_ERROR_CONFLICT) &&
           problem != NULL && g_strcmp0 (anshin_issuer_problem_get_code (problem), "too_many_charge_cards") == 0)
    message = g_strdup (_("You already have 5 charge cards, the most the issuer allows. Remove one "
                          "first. This cost no attempt."));
  else if (g_error_matches (error, ANSHIN_ISSUER_ERROR, ANSHIN_ISSUER_ERROR_CONFLICT))
    message = g_strdup (_("This card is already registered. This cost no attempt."));
  else if (g_error_matches (error, ANSHIN_ISSUER_ERROR, ANSHIN_ISSUER_ERROR_FORM_EXPIRED))
    {
      message = g_strdup (_("The issuer's registration form expired twice in a row. Nothing was "
                            "registered; Retry tries again with a new form."));
      retry = RETRY_SUBMIT;
      self->submitted = FALSE;
    }
  else if (problem == NULL)
    {
      message = anshin_topup_page_describe_unreachable (error);
      retry = self->challenge != NULL ? RETRY_CHALLENGE : RETRY_SUBMIT;
    }
  else
    /* why (a failing or busy issuer), and what to do */
    message = anshin_error_text_describe (error, _("The issuer could not register this card. "
                                                   "Nothing was registered."));

  if (retry == RETRY_NONE)
    {
      self->submitted = FALSE;
      if (self->challenge != NULL)
        anshin_account_forget_challenge (self->account);
      g_clear_pointer (&self->challenge, anshin_challenge_free);
      self->code_sent = FALSE;
    }

  show_failure (self, message, retry);

  /* whatever the issuer answered may have changed the attempts or the lock */
  if (problem != NULL)
    anshin_topup_page_load_registration (self);
}

static void
on_challenge_completed_cb (GObject      *object,
                           GAsyncResult *result,
                           gpointer      user_data)
{
  g_autoptr(AnshinChargeCard) card = NULL;
  g_autoptr(GError) error = NULL;
  AnshinTopupPage *self;

  card = anshin_account_answer_challenge_finish (ANSHIN_ACCOUNT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = ANSHIN_TOPUP_PAGE (user_data);
  if (card != NULL)
    registered (self, card);
  else
    refused (self, error);
}

static void
send_challenge_code (AnshinTopupPage *self)
{
  anshin_charge_card_form_set_busy (self->card_form, TRUE);
  anshin_account_answer_challenge_async (self->account, self->challenge->id, self->challenge_code,
                                         self->code_sent, self->cancellable,
                                         on_challenge_completed_cb, self);
  self->code_sent = TRUE;
}

static void
on_challenge_response_cb (AnshinChallengeDialog *dialog,
                          const char            *response,
                          AnshinTopupPage       *self)
{
  if (self->challenge_dialog == GTK_WINDOW (dialog))
    g_clear_weak_pointer (&self->challenge_dialog);

  if (g_strcmp0 (response, ANSHIN_CHALLENGE_RESPONSE_VERIFY) == 0 && self->challenge != NULL)
    {
      g_free (self->challenge_code);
      self->challenge_code = g_strdup (anshin_challenge_dialog_get_code (dialog));
      self->code_sent = FALSE;
      send_challenge_code (self);
    }
  else
    {
      anshin_topup_page_clear_registration (self);
      anshin_charge_card_form_set_busy (self->card_form, FALSE);
      show_failure (self, _("The card was not registered: the one-time code was not entered. "
                            "Press Register to start again."), RETRY_NONE);
    }

  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
open_challenge_dialog (AnshinTopupPage *self,
                       const char      *problem)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  AnshinChallengeDialog *dialog;

  anshin_charge_card_form_set_busy (self->card_form, TRUE);
  dialog = anshin_challenge_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        self->challenge, problem);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_challenge_response_cb), self, 0);
  g_set_weak_pointer (&self->challenge_dialog, GTK_WINDOW (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_register_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(AnshinChargeCard) card = NULL;
  g_autoptr(AnshinChallenge) challenge = NULL;
  g_autoptr(GError) error = NULL;
  AnshinTopupPage *self;

  if (!anshin_account_register_charge_card_finish (ANSHIN_ACCOUNT (object), result, &card, &challenge,
                                                   &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      refused (ANSHIN_TOPUP_PAGE (user_data), error);
      return;
    }

  self = ANSHIN_TOPUP_PAGE (user_data);
  if (card != NULL)
    {
      registered (self, card);
      return;
    }

  g_clear_pointer (&self->challenge, anshin_challenge_free);
  self->challenge = g_steal_pointer (&challenge);
  open_challenge_dialog (self, NULL);
}

static void
submit (AnshinTopupPage *self)
{
  g_autoptr(AnshinChargeCardDetails) details = NULL;

  details = anshin_charge_card_form_dup_details (self->card_form);
  if (details == NULL)
    {
      /* the page was left meanwhile and the secrets were wiped */
      show_failure (self, _("Please enter the card number and security code again."), RETRY_NONE);
      self->submitted = FALSE;
      return;
    }

  show_failure (self, NULL, RETRY_NONE);
  anshin_charge_card_form_set_busy (self->card_form, TRUE);
  anshin_account_register_charge_card_async (self->account, details, self->submitted,
                                             self->cancellable, on_register_cb, self);
  self->submitted = TRUE;
}

void
on_card_form_submit_cb (AnshinTopupPage *self)
{
  if (self->account == NULL)
    return;

  /* a new press of Register is a new submission */
  anshin_topup_page_clear_registration (self);
  submit (self);
}

void
on_card_form_retry_cb (AnshinTopupPage *self)
{
  if (self->account == NULL)
    return;

  switch (self->retry)
    {
    case RETRY_LOAD:
      self->retry = RETRY_NONE;
      anshin_topup_page_load_registration (self);
      break;
    case RETRY_SUBMIT:
      self->retry = RETRY_NONE;
      submit (self);
      break;
    case RETRY_CHALLENGE:
      self->retry = RETRY_NONE;
      if (self->challenge_code != NULL)
        send_challenge_code (self);
      else
        open_challenge_dialog (self, NULL);
      break;
    case RETRY_NONE:
    default:
      break;
    }
}
