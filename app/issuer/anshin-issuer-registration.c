/* anshin-issuer-registration.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Charge-card registration and top-up that cannot lock the holder out by
 * accident. Some issuers count an expired form ("session timed out") as a
 * failed registration attempt, so the client never submits a form token it
 * knows to be stale: it fetches a new one when it has none or when the one
 * it has expires within 30 seconds of the issuer's now; should the issuer
 * still answer form_expired, it fetches a fresh token and resubmits once.
 *
 * Idempotency keys: a registration's key is derived from the caller's
 * submission id (one per press of "Register") and the form token, so a
 * retry of the same submission after a dropped connection replays the same
 * request (the issuer answers it once), while a resubmission with a fresh
 * token is a new request. A top-up's key is the caller's, one per
 * confirmation by the holder.
 */

#include "config.h"

#include "anshin-issuer-client-private.h"
#include "anshin-issuer-json.h"

#define FORM_MARGIN (30 * G_TIME_SPAN_SECOND)

typedef struct {
  AnshinChargeCardDetails *details;
  char                    *submission_id;
  gboolean                 resubmitted;
} RegisterData;

/* What a registration finishes with: a card, or a challenge */
typedef struct {
  AnshinChargeCard *card;
  AnshinChallenge  *challenge;
} RegisterOutcome;

static void register_submit (GTask *task);

static void
register_outcome_free (gpointer data)
{
  RegisterOutcome *outcome = data;

  g_clear_object (&outcome->card);
  g_clear_pointer (&outcome->challenge, anshin_challenge_free);
  g_free (outcome);
}

static void
register_data_free (gpointer data)
{
  RegisterData *register_data = data;

  g_clear_pointer (&register_data->details, anshin_charge_card_details_free);
  g_free (register_data->submission_id);
  g_free (register_data);
}

static gboolean
form_is_fresh (AnshinIssuerClient     *self,
               AnshinRegistrationForm *form)
{
  g_autoptr(GDateTime) now = NULL;

  if (form == NULL || form->form_token == NULL || form->expires_at == NULL)
    return FALSE;

  now = anshin_issuer_client_dup_now (self);
  return g_date_time_difference (form->expires_at, now) >= FORM_MARGIN;
}

static GError *
locked_error_new (AnshinRegistrationForm *form)
{
  g_autoptr(AnshinIssuerProblem) problem = anshin_issuer_problem_new ();

  anshin_issuer_problem_set_code (problem, "registration_locked");
  anshin_issuer_problem_set_attempts_remaining (problem, form->attempts_remaining);
  anshin_issuer_problem_set_locked_until (problem, form->locked_until);

  return anshin_issuer_error_new_problem (ANSHIN_ISSUER_ERROR_LOCKED, problem,
                                          "registration is locked");
}

static void
on_form_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  AnshinIssuerClient *self = ANSHIN_ISSUER_CLIENT (object);
  g_autoptr(GTask) task = user_data;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  AnshinRegistrationForm *form = NULL;

  root = anshin_issuer_client_request_finish (self, result, NULL, &error);
  if (root != NULL)
    form = anshin_issuer_json_to_registration_form (root, &error);
  else if (error == NULL)
    error = g_error_new_literal (ANSHIN_ISSUER_ERROR, ANSHIN_ISSUER_ERROR_PROTOCOL,
                                 "empty registration form");

  if (form == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (g_task_get_source_tag (task) == anshin_issuer_client_get_registration_form_async)
    {
      /* Asked for what the form says (attempts, lock): the newest token is
       * kept for the next submission, unless the one kept went with a
       * submission whose answer was lost and may still be retried as the
       * same request. (A GET uses no attempt; each mints a token, and the
       * issuer drops the oldest first, so the newest is the one to keep.) */
      if (self->form_sent && form_is_fresh (self, self->form))
        g_task_return_pointer (task, form, (GDestroyNotify)anshin_registration_form_free);
      else
        {
          anshin_issuer_client_set_form (self, form);
          g_task_return_pointer (task, anshin_registration_form_copy (form),
                                 (GDestroyNotify)anshin_registration_form_free);
        }
      return;
    }

  anshin_issuer_client_set_form (self, form);

  if (form->form_token == NULL)
    {
      g_task_return_error (task, locked_error_new (form));
      return;
    }

  register_submit (g_steal_pointer (&task));
}

static void
fetch_form (AnshinIssuerClient *self,
            GTask              *task)
{
  anshin_issuer_client_request_async (self, "GET", "v1/charge-cards/registration", NULL, NULL,
                                      REQUEST_DEFAULT, g_task_get_cancellable (task),
                                      on_form_cb, task);
}

void
anshin_issuer_client_get_registration_form_async (AnshinIssuerClient  *self,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (ANSHIN_IS_ISSUER_CLIENT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, anshin_issuer_client_get_registration_form_async);
  fetch_form (self, task);
}

/**
 * anshin_issuer_client_get_registration_form_finish:
 *
 * Returns: (transfer full) (nullable): the form: attempts remaining, locked
 *   until, accepted brands
 */
AnshinRegistrationForm *
anshin_issuer_client_get_registration_form_finish (AnshinIssuerClient  *self,
                                                   GAsyncResult        *result,
                                                   GError             **error)
{
  return anshin_issuer_client_call_finish (self, result,
                                           anshin_issuer_client_get_registration_form_async,
                                           error);
}

static void
on_register_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  AnshinIssuerClient *self = ANSHIN_ISSUER_CLIENT (object);
  g_autoptr(GTask) task = user_data;
  RegisterData *data = g_task_get_task_data (task);
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AnshinChargeCard) card = NULL;
  g_autoptr(AnshinChallenge) challenge = NULL;
  RegisterOutcome *outcome;

  root = anshin_issuer_client_request_finish (self, result, NULL, &error);
  if (error != NULL)
    {
      if (g_error_matches (error, ANSHIN_ISSUER_ERROR, ANSHIN_ISSUER_ERROR_FORM_EXPIRED) &&
          !data->resubmitted)
        {
          g_debug ("The issuer refused the form token as expired; fetching a fresh one");
          data->resubmitted = TRUE;
          anshin_issuer_client_set_form (self, NULL);
          fetch_form (self, g_steal_pointer (&task));
          return;
        }

      /* Keep the token across a transport failure, so that a retry of this
       * submission is the same request; any answer has used it up. */
      if (anshin_issuer_error_get_problem (error) != NULL)
        anshin_issuer_client_set_form (self, NULL);

      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  anshin_issuer_client_set_form (self, NULL);

  if (root == NULL)
    {
      g_task_return_new_error (task, ANSHIN_ISSUER_ERROR, ANSHIN_ISSUER_ERROR_PROTOCOL,
                               "empty registration answer");
      return;
    }

  if (!anshin_issuer_json_to_registration_result (root, &card, &challenge, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  outcome = g_new0 (RegisterOutcome, 1);
  outcome->card = g_steal_pointer (&card);
  outcome->challenge = g_steal_pointer (&challenge);
  g_task_return_pointer (task, outcome, register_outcome_free);
}

static void
register_submit (GTask *task)
{
  AnshinIssuerClient *self = g_task_get_source_object (task);
  RegisterData *data = g_task_get_task_data (task);
  AnshinRegistrationForm *form = anshin_issuer_client_peek_form (self);
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) body = NULL;
  g_autofree char *key_source = NULL;
  g_autofree char *key = NULL;

  g_assert (form != NULL && form->form_token != NULL);
  self->form_sent = TRUE;

  key_source = g_strdup_printf ("%s\n%s", data->submission_id, form->form_token);
  key = g_compute_checksum_for_string (G_CHECKSUM_SHA256, key_source, -1);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "form_token");
  json_builder_add_string_value (builder, form->form_token);
  json_builder_set_member_name (builder, "number");
  json_builder_add_string_value (builder, data->details->number);
  json_builder_set_member_name (builder, "exp_month");
  json_builder_add_int_value (builder, data->details->exp_month);
  json_builder_set_member_name (builder, "exp_year");
  json_builder_add_int_value (builder, data->details->exp_year);
  json_builder_set_member_name (builder, "cvc");
  json_builder_add_string_value (builder, data->details->cvc);
  json_builder_set_member_name (builder, "holder_name");
  json_builder_add_string_value (builder, data->details->holder_name);
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);

  anshin_issuer_client_request_async (self, "POST", "v1/charge-cards", body, key,
                                      REQUEST_DEFAULT, g_task_get_cancellable (task),
                                      on_register_cb, task);
}

/**
 * anshin_issuer_client_register_charge_card_async:
 * @details: what the holder typed
 * @submission_id: (nullable): one id per submission by the holder (from
 *   anshin_issuer_client_new_idempotency_key()); pass the same id to retry
 *   that submission after a network failure
 *
 * Registers a charge card with a fresh form token. Finishes with the card,
 * with a 3-D Secure challenge to complete with
 * anshin_issuer_client_complete_challenge_async(), or with a typed error
 * (validation with field codes, declined, locked until ..., each with the
 * attempts remaining).
 */
void
anshin_issuer_client_register_charge_card_async (AnshinIssuerClient            *self,
                                                 const AnshinChargeCardDetails *details,
                                                 const char                    *submission_id,
                                                 GCancellable                  *cancellable,
                                                 GAsyncReadyCallback            callback,
                                                 gpointer                       user_data)
{
  GTask *task;
  RegisterData *data;

  g_return_if_fail (ANSHIN_IS_ISSUER_CLIENT (self));
  g_return_if_fail (details != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, anshin_issuer_client_register_charge_card_async);

  data = g_new0 (RegisterData, 1);
  data->details = anshin_charge_card_details_copy (details);
  data->submission_id = submission_id != NULL ? g_strdup (submission_id)
                                              : anshin_issuer_client_new_idempotency_key ();
  g_task_set_task_data (task, data, register_data_free);

  if (form_is_fresh (self, anshin_issuer_client_peek_form (self)))
    register_submit (task);
  else
    fetch_form (self, task);
}

/**
 * anshin_issuer_client_register_charge_card_finish:
 * @out_card: (out) (transfer full) (optional): the registered card, or %NULL
 * @out_challenge: (out) (transfer full) (optional): the challenge, or %NULL
 *
 * Returns: %TRUE on success: exactly one of @out_card and @out_challenge is set
 */
gboolean
anshin_issuer_client_register_charge_card_finish (AnshinIssuerClient  *self,
                                                  GAsyncResult        *result,
                                                  AnshinChargeCard   **out_card,
                                                  AnshinChallenge    **out_challenge,
                                                  GError             **error)
{
  RegisterOutcome *outcome;

  if (out_card != NULL)
    *out_card = NULL;
  if (out_challenge != NULL)
    *out_challenge = NULL;

  outcome = anshin_issuer_client_call_finish (self, result,
                                              anshin_issuer_client_register_charge_card_async,
                                              error);
  if (outcome == NULL)
    return FALSE;

  if (out_card != NULL)
    *out_card = g_steal_pointer (&outcome->card);
  if (out_challenge != NULL)
    *out_challenge = g_steal_pointer (&outcome->challenge);
  register_outcome_free (outcome);

  return TRUE;
}

/**
 * anshin_issuer_client_complete_challenge_async:
 * @challenge_id: the challenge's id
 * @code: the one-time code the holder received
 * @idempotency_key: (nullable): one key per code entered; the same to retry
 */
void
anshin_issuer_client_complete_challenge_async (AnshinIssuerClient  *self,
                                               const char          *challenge_id,
                                               const char          *code,
                                               const char          *idempotency_key,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) body = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *path = NULL;
  g_autofree char *key = NULL;

  g_return_if_fail (ANSHIN_IS_ISSUER_CLIENT (self));
  g_return_if_fail (challenge_id != NULL && code != NULL);

  escaped = g_uri_escape_string (challenge_id, NULL, FALSE);
  path = g_strdup_printf ("v1/charge-cards/challenges/%s", escaped);
  key = idempotency_key != NULL ? g_strdup (idempotency_key)
                                : anshin_issuer_client_new_idempotency_key ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "code");
  json_builder_add_string_value (builder, code);
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);

  anshin_issuer_client_call (self, anshin_issuer_client_complete_challenge_async, "POST", path,
                             body, key, (AnshinIssuerMapFunc)anshin_issuer_json_to_challenge_result,
                             g_object_unref, cancellable, callback, user_data);
}

/**
 * anshin_issuer_client_complete_challenge_finish:
 *
 * Returns: (transfer full) (nullable): the registered card
 */
AnshinChargeCard *
anshin_issuer_client_complete_challenge_finish (AnshinIssuerClient  *self,
                                                GAsyncResult        *result,
                                                GError             **error)
{
  return anshin_issuer_client_call_finish (self, result,
                                           anshin_issuer_client_complete_challenge_async, error);
}

/**
 * anshin_issuer_client_charge_async:
 * @charge_card_id: the charge card to take the money from
 * @amount: yen
 * @idempotency_key: one key per confirmation by the holder: a retry after
 *   a dropped connection passes the same key, so the card is charged once
 */
void
anshin_issuer_client_charge_async (AnshinIssuerClient  *self,
                                   const char          *charge_card_id,
                                   gint64               amount,
                                   const char          *idempotency_key,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) body = NULL;

  g_return_if_fail (ANSHIN_IS_ISSUER_CLIENT (self));
  g_return_if_fail (charge_card_id != NULL);
  g_return_if_fail (idempotency_key != NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "charge_card_id");
  json_builder_add_string_value (builder, charge_card_id);
  json_builder_set_member_name (builder, "amount");
  json_builder_add_int_value (builder, amount);
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);

  anshin_issuer_client_call (self, anshin_issuer_client_charge_async, "POST", "v1/charges",
                             body, idempotency_key,
                             (AnshinIssuerMapFunc)anshin_issuer_json_to_charge_result,
                             (GDestroyNotify)anshin_charge_free, cancellable, callback, user_data);
}

/**
 * anshin_issuer_client_charge_finish:
 *
 * Returns: (transfer full) (nullable): the top-up with the new balance; a
 *   refusal is %ANSHIN_ISSUER_ERROR_AMOUNT_OUT_OF_RANGE (min, max) or
 *   %ANSHIN_ISSUER_ERROR_LIMIT_EXCEEDED (window, limit, remaining, resets at)
 */
AnshinCharge *
anshin_issuer_client_charge_finish (AnshinIssuerClient  *self,
                                    GAsyncResult        *result,
                                    GError             **error)
{
  return anshin_issuer_client_call_finish (self, result, anshin_issuer_client_charge_async, error);
}
