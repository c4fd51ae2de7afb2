/* anshin-issuer-types.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "anshin-issuer-types.h"

G_DEFINE_BOXED_TYPE (AnshinIssuerSession, anshin_issuer_session,
                     anshin_issuer_session_copy, anshin_issuer_session_free)
G_DEFINE_BOXED_TYPE (AnshinRegistrationForm, anshin_registration_form,
                     anshin_registration_form_copy, anshin_registration_form_free)
G_DEFINE_BOXED_TYPE (AnshinChallenge, anshin_challenge,
                     anshin_challenge_copy, anshin_challenge_free)
G_DEFINE_BOXED_TYPE (AnshinIssuerEvent, anshin_issuer_event,
                     anshin_issuer_event_copy, anshin_issuer_event_free)
G_DEFINE_BOXED_TYPE (AnshinTransactionPage, anshin_transaction_page,
                     anshin_transaction_page_copy, anshin_transaction_page_free)
G_DEFINE_BOXED_TYPE (AnshinChargeCardDetails, anshin_charge_card_details,
                     anshin_charge_card_details_copy, anshin_charge_card_details_free)

static GDateTime *
ref_time (GDateTime *time)
{
  return time != NULL ? g_date_time_ref (time) : NULL;
}

static void
wipe_string (char *text)
{
  if (text != NULL)
    memset (text, 0, strlen (text));
  g_free (text);
}

AnshinIssuerSession *
anshin_issuer_session_new (void)
{
  return g_new0 (AnshinIssuerSession, 1);
}

AnshinIssuerSession *
anshin_issuer_session_copy (const AnshinIssuerSession *self)
{
  AnshinIssuerSession *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = anshin_issuer_session_new ();
  copy->member_id = g_strdup (self->member_id);
  copy->expires_at = ref_time (self->expires_at);
  copy->refresh_token = g_strdup (self->refresh_token);

  return copy;
}

void
anshin_issuer_session_free (AnshinIssuerSession *self)
{
  if (self == NULL)
    return;

  g_free (self->member_id);
  g_clear_pointer (&self->expires_at, g_date_time_unref);
  wipe_string (self->refresh_token);
  g_free (self);
}

AnshinRegistrationForm *
anshin_registration_form_new (void)
{
  AnshinRegistrationForm *self = g_new0 (AnshinRegistrationForm, 1);

  self->attempts_remaining = -1;
  self->max_attempts = -1;

  return self;
}

AnshinRegistrationForm *
anshin_registration_form_copy (const AnshinRegistrationForm *self)
{
  AnshinRegistrationForm *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = anshin_registration_form_new ();
  copy->form_token = g_strdup (self->form_token);
  copy->expires_at = ref_time (self->expires_at);
  copy->attempts_remaining = self->attempts_remaining;
  copy->max_attempts = self->max_attempts;
  copy->locked_until = ref_time (self->locked_until);
  copy->accepted_brands = g_memdup2 (self->accepted_brands,
                                     sizeof (AnshinCardBrand) * self->n_accepted_brands);
  copy->n_accepted_brands = self->n_accepted_brands;

  return copy;
}

void
anshin_registration_form_free (AnshinRegistrationForm *self)
{
  if (self == NULL)
    return;

  g_free (self->form_token);
  g_clear_pointer (&self->expires_at, g_date_time_unref);
  g_clear_pointer (&self->locked_until, g_date_time_unref);
  g_free (self->accepted_brands);
  g_free (self);
}

/**
 * anshin_registration_form_accepts:
 * @brand: a card brand
 *
 * Returns: %TRUE if the issuer accepts charge cards of @brand
 */
gboolean
anshin_registration_form_accepts (const AnshinRegistrationForm *self,
                                  AnshinCardBrand               brand)
{
  g_return_val_if_fail (self != NULL, FALSE);

  for (guint i = 0; i < self->n_accepted_brands; i++)
    {
      if (self->accepted_brands[i] == brand)
        return TRUE;
    }

  return FALSE;
}

AnshinChallenge *
anshin_challenge_new (void)
{
  return g_new0 (AnshinChallenge, 1);
}

AnshinChallenge *
anshin_challenge_copy (const AnshinChallenge *self)
{
  AnshinChallenge *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = anshin_challenge_new ();
  copy->id = g_strdup (self->id);
  copy->method = g_strdup (self->method);
  copy->expires_at = ref_time (self->expires_at);

  return copy;
}

void
anshin_challenge_free (AnshinChallenge *self)
{
  if (self == NULL)
    return;

  g_free (self->id);
  g_free (self->method);
  g_clear_pointer (&self->expires_at, g_date_time_unref);
  g_free (self);
}

AnshinIssuerEvent *
anshin_issuer_event_new (void)
{
  return g_new0 (AnshinIssuerEvent, 1);
}

AnshinIssuerEvent *
anshin_issuer_event_copy (const AnshinIssuerEvent *self)
{
  AnshinIssuerEvent *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = anshin_issuer_event_new ();
  copy->type = self->type;
  copy->notice = self->notice != NULL ? g_object_ref (self->notice) : NULL;
  copy->issuer_time = ref_time (self->issuer_time);

  return copy;
}

void
anshin_issuer_event_free (AnshinIssuerEvent *self)
{
  if (self == NULL)
    return;

  g_clear_object (&self->notice);
  g_clear_pointer (&self->issuer_time, g_date_time_unref);
  g_free (self);
}

/**
 * anshin_charge_card_details_new:
 * @number: the card number as typed (spaces allowed)
 * @exp_month: 1 to 12
 * @exp_year: four digits
 * @cvc: the security code
 * @holder_name: the name on the card
 *
 * Returns: (transfer full): the details, wiped when freed
 */
AnshinChargeCardDetails *
anshin_charge_card_details_new (const char *number,
                                guint       exp_month,
                                guint       exp_year,
                                const char *cvc,
                                const char *holder_name)
{
  AnshinChargeCardDetails *self = g_new0 (AnshinChargeCardDetails, 1);

  self->number = g_strdup (number);
  self->exp_month = exp_month;
  self->exp_year = exp_year;
  self->cvc = g_strdup (cvc);
  self->holder_name = g_strdup (holder_name);

  return self;
}

AnshinChargeCardDetails *
anshin_charge_card_details_copy (const AnshinChargeCardDetails *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return anshin_charge_card_details_new (self->number, self->exp_month, self->exp_year,
                                         self->cvc, self->holder_name);
}

void
anshin_charge_card_details_free (AnshinChargeCardDetails *self)
{
  if (self == NULL)
    return;

  wipe_string (self->number);
  wipe_string (self->cvc);
  g_free (self->holder_name);
  g_free (self);
}

AnshinTransactionPage *
anshin_transaction_page_new (void)
{
  AnshinTransactionPage *self = g_new0 (AnshinTransactionPage, 1);

  self->transactions = g_ptr_array_new_with_free_func (g_object_unref);

  return self;
}

/* The copy shares the transactions (they are objects) with @self. */
AnshinTransactionPage *
anshin_transaction_page_copy (const AnshinTransactionPage *self)
{
  AnshinTransactionPage *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = anshin_transaction_page_new ();
  for (guint i = 0; i < self->transactions->len; i++)
    g_ptr_array_add (copy->transactions, g_object_ref (g_ptr_array_index (self->transactions, i)));
  copy->next_before = g_strdup (self->next_before);

  return copy;
}

void
anshin_transaction_page_free (AnshinTransactionPage *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->transactions, g_ptr_array_unref);
  g_clear_pointer (&self->next_before, g_free);
  g_free (self);
}
