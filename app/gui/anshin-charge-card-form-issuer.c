/* anshin-charge-card-form-issuer.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the issuer says, shown on the "Add a charge card" form: the accepted
 * brands and the attempts before the holder types, a stronger warning
 * before the last attempt, the lock with until when (local time) counting
 * down, the issuer's reasons next to the fields it refused, and failures
 * with Retry when it could not be reached.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "anshin-card-brand.h"
#include "anshin-charge-card-form-private.h"
#include "anshin-format.h"

void
_anshin_charge_card_form_update_lock (AnshinChargeCardForm *self)
{
  g_autoptr(GDateTime) now = _anshin_charge_card_form_dup_now (self);
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *when = NULL;
  g_autofree char *left = NULL;
  g_autofree char *body = NULL;
  g_autofree char *countdown = NULL;
  gboolean locked = _anshin_charge_card_form_is_locked (self);

  /* said once: by the page's moment when it shows one, else here */
  gtk_widget_set_visible (self->lock_callout, locked && !self->lock_explained);
  gtk_widget_set_visible (GTK_WIDGET (self->attempts_label), !locked && self->has_registration);

  if (!locked)
    return;

  local = g_date_time_to_local (self->locked_until);
  when = anshin_format_date_time (local);
  left = anshin_format_duration (g_date_time_difference (self->locked_until, now));

  gtk_label_set_label (self->lock_title, _("Card registration is locked"));
  /* TRANSLATORS: %s is a date and time in local time, e.g. "31 August 2025, 9:00" */
  body = g_strdup_printf (_("After too many failed attempts the issuer has locked card "
                            "registration until %s. The form opens again by itself then."), when);
  gtk_label_set_label (self->lock_body, body);
  /* TRANSLATORS: %s is a duration, e.g. "23 hours 59 minutes" */
  countdown = g_strdup_printf (_("Opens again in %s."), left);
  gtk_label_set_label (self->lock_countdown, countdown);
}

void
_anshin_charge_card_form_update_attempts (AnshinChargeCardForm *self)
{
  g_autofree char *brands = anshin_card_brand_list_accepted ((const char * const *)self->accepted_brands);
  g_autofree char *brands_text = NULL;
  g_autofree char *left = NULL;
  g_autofree char *rule = NULL;
  g_autofree char *text = NULL;
  gboolean last;

  /* TRANSLATORS: %s is a list of card brands, e.g. "Mastercard, JCB, Diners Club or Visa" */
  brands_text = g_strdup_printf (_("The issuer accepts %s."), brands != NULL ? brands : "");
  gtk_label_set_label (self->brands_label, brands_text);

  if (!self->has_registration)
    {
      gtk_label_set_label (self->attempts_label, "");
      gtk_widget_set_visible (self->last_attempt_box, FALSE);
      return;
    }

  left = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%d attempt left today.",
                                       "%d attempts left today.",
                                       self->attempts_remaining),
                          self->attempts_remaining);
  rule = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "After %d failed attempt the issuer locks card registration for 24 hours. Mistakes this form catches cost no attempt.",
                                       "After %d failed attempts the issuer locks card registration for 24 hours. Mistakes this form catches cost no attempt.",
                                       self->max_attempts),
                          self->max_attempts);
  /* TRANSLATORS: two sentences: attempts left, then the issuer's rule */
  text = g_strdup_printf (C_("attempts", "%s %s"), left, rule);
  gtk_label_set_label (self->attempts_label, text);

  last = self->attempts_remaining == 1 && !_anshin_charge_card_form_is_locked (self);
  gtk_widget_set_visible (self->last_attempt_box, last);
  if (last)
    gtk_label_set_label (self->last_attempt_label,
                         _("This is your last attempt today. If the issuer refuses this card, "
                           "card registration is locked for 24 hours. Check every field against "
                           "your card before you register it."));
}

/**
 * anshin_charge_card_form_set_registration:
 * @self: a #AnshinChargeCardForm
 * @form: (nullable): what the issuer said of registration: accepted brands,
 *   attempts, lock
 */
void
anshin_charge_card_form_set_registration (AnshinChargeCardForm         *self,
                                          const AnshinRegistrationForm *form)
{
  g_autoptr(GStrvBuilder) brands = g_strv_builder_new ();

  g_return_if_fail (ANSHIN_IS_CHARGE_CARD_FORM (self));

  self->has_registration = form != NULL;
  g_clear_pointer (&self->accepted_brands, g_strfreev);
  g_clear_pointer (&self->locked_until, g_date_time_unref);

  if (form != NULL)
    {
      for (guint i = 0; i < form->n_accepted_brands; i++)
        g_strv_builder_add (brands, anshin_card_brand_to_api (form->accepted_brands[i]));
      self->accepted_brands = g_strv_builder_end (brands);
      self->attempts_remaining = form->attempts_remaining;
      self->max_attempts = form->max_attempts;
      if (form->locked_until != NULL)
        self->locked_until = g_date_time_ref (form->locked_until);
    }

  _anshin_charge_card_form_update_attempts (self);
  _anshin_charge_card_form_update_lock (self);
  _anshin_charge_card_form_update_sensitivity (self);
}

/**
 * anshin_charge_card_form_set_now:
 * @self: a #AnshinChargeCardForm
 * @now: the issuer's clock
 *
 * Expiry dates are checked, and the lock counted down, at @now.
 */
void
anshin_charge_card_form_set_now (AnshinChargeCardForm *self,
                                 GDateTime            *now)
{
  g_return_if_fail (ANSHIN_IS_CHARGE_CARD_FORM (self));
  g_return_if_fail (now != NULL);

  g_clear_pointer (&self->now, g_date_time_unref);
  self->now = g_date_time_ref (now);

  _anshin_charge_card_form_update_lock (self);
  _anshin_charge_card_form_update_attempts (self);
  _anshin_charge_card_form_update_sensitivity (self);
}

/**
 * anshin_charge_card_form_get_attempts:
 * @self: a #AnshinChargeCardForm
 *
 * Returns: the attempts left as the issuer last said, or -1 before it said
 */
int
anshin_charge_card_form_get_attempts (AnshinChargeCardForm *self)
{
  g_return_val_if_fail (ANSHIN_IS_CHARGE_CARD_FORM (self), -1);

  return self->has_registration ? self->attempts_remaining : -1;
}

gboolean
anshin_charge_card_form_get_locked (AnshinChargeCardForm *self)
{
  g_return_val_if_fail (ANSHIN_IS_CHARGE_CARD_FORM (self), FALSE);

  return _anshin_charge_card_form_is_locked (self);
}

/**
 * anshin_charge_card_form_set_lock_explained:
 * @explained: whether the page shows the lock's explanation itself (the
 *   REGISTRATION_LOCKED moment at its top)
 *
 * The form's own lock callout is then hidden, so that the time it opens
 * again is said once.
 */
void
anshin_charge_card_form_set_lock_explained (AnshinChargeCardForm *self,
                                            gboolean              explained)
{
  g_return_if_fail (ANSHIN_IS_CHARGE_CARD_FORM (self));

  explained = !!explained;
  if (self->lock_explained == explained)
    return;

  self->lock_explained = explained;
  _anshin_charge_card_form_update_lock (self);
}

/**
 * anshin_charge_card_form_show_failure:
 * @self: a #AnshinChargeCardForm
 * @message: (nullable): what happened and what to do, or %NULL to hide it
 * @offer_retry: whether to offer Retry (the issuer could not be reached)
 */
void
anshin_charge_card_form_show_failure (AnshinChargeCardForm *self,
                                      const char           *message,
                                      gboolean              offer_retry)
{
  g_return_if_fail (ANSHIN_IS_CHARGE_CARD_FORM (self));

  gtk_widget_set_visible (self->failure_box, message != NULL);
  gtk_widget_set_visible (self->retry_button, message != NULL && offer_retry);
  gtk_label_set_label (self->failure_label, message != NULL ? message : "");
}

/* What the issuer's field codes mean, said as what to fix. */
static const char *
describe_issuer_field (AnshinCardField  field,
                       const char      *code)
{
  if (g_strcmp0 (code, "expired") == 0)
    return _("The issuer says this card has expired. Check the expiry date on your card.");
  if (g_strcmp0 (code, "bad_month") == 0 || g_strcmp0 (code, "too_far") == 0)
    return _("The issuer does not accept this expiry date. Check it against your card.");
  if (g_strcmp0 (code, "unsupported_brand") == 0)
    return _("The issuer does not accept cards of this brand. Please use another card.");
  if (g_strcmp0 (code, "cvc_length") == 0)
    return _("The issuer does not accept this security code. Check the code on the back of your card.");

  switch (field)
    {
    case ANSHIN_CARD_FIELD_NUMBER:
      return _("The issuer does not accept this card number. Check it digit by digit against your card.");
    case ANSHIN_CARD_FIELD_EXP:
      return _("The issuer does not accept this expiry date. Check it against your card.");
    case ANSHIN_CARD_FIELD_CVC:
      return _("The issuer does not accept this security code. Check the code on the back of your card.");
    case ANSHIN_CARD_FIELD_HOLDER_NAME:
    default:
      return _("The issuer does not accept this name. Enter it exactly as printed on your card.");
    }
}

/**
 * anshin_charge_card_form_show_issuer_fields:
 * @self: a #AnshinChargeCardForm
 * @problem: the issuer's validation_failed answer
 *
 * Puts the issuer's reason next to each field it refused, keeping what was
 * typed.
 */
void
anshin_charge_card_form_show_issuer_fields (AnshinChargeCardForm *self,
                                            AnshinIssuerProblem  *problem)
{
  g_return_if_fail (ANSHIN_IS_CHARGE_CARD_FORM (self));
  g_return_if_fail (ANSHIN_IS_ISSUER_PROBLEM (problem));

  for (guint i = 0; i < anshin_issuer_problem_get_n_fields (problem); i++)
    {
      AnshinCardField field;
      const char *code;

      if (anshin_issuer_problem_get_field (problem, i, &field, &code) && field < N_FIELDS)
        _anshin_charge_card_form_set_field_error (self, field, describe_issuer_field (field, code));
    }
}

/**
 * anshin_charge_card_form_get_failure:
 * @self: a #AnshinChargeCardForm
 *
 * Returns: (nullable): the failure shown under the fields, if any
 */
const char *
anshin_charge_card_form_get_failure (AnshinChargeCardForm *self)
{
  g_return_val_if_fail (ANSHIN_IS_CHARGE_CARD_FORM (self), NULL);

  if (!gtk_widget_get_visible (self->failure_box))
    return NULL;

  return gtk_label_get_label (self->failure_label);
}
