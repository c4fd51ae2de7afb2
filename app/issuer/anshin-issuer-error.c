/* anshin-issuer-error.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ANSHIN_ISSUER_ERROR is an extended GError domain (GLib 2.68): every error
 * of the domain carries an optional AnshinIssuerProblem, the typed facts of
 * the issuer's problem+json answer (field codes, attempts remaining, locked
 * until, limit window, retry after). The problem travels with the GError
 * through GTask, g_error_copy() and g_propagate_error(), so a caller reads
 * the facts with anshin_issuer_error_get_problem() and never parses a
 * message. The message itself is a technical English summary for g_debug();
 * views map the code to a translated sentence.
 */

#include "config.h"

#include "anshin-issuer-error.h"

typedef struct {
  AnshinCardField field;
  char *code;
} FieldError;

struct _AnshinIssuerProblem
{
  GObject    parent_instance;

  guint      status;
  char      *code;
  char      *title;
  char      *detail;
  GArray    *fields;
  int        attempts_remaining;
  GDateTime *locked_until;
  gint64     retry_after;
  GTimeSpan  window;
  gint64     limit;
  gint64     remaining;
  GDateTime *resets_at;
  gint64     min;
  gint64     max;
};

typedef struct {
  AnshinIssuerProblem *problem;
} AnshinIssuerErrorPrivate;

G_DEFINE_FINAL_TYPE (AnshinIssuerProblem, anshin_issuer_problem, G_TYPE_OBJECT)

static void
anshin_issuer_error_private_init (AnshinIssuerErrorPrivate *priv)
{
  priv->problem = NULL;
}

static void
anshin_issuer_error_private_copy (const AnshinIssuerErrorPrivate *src_priv,
                                  AnshinIssuerErrorPrivate       *dest_priv)
{
  dest_priv->problem = src_priv->problem ? g_object_ref (src_priv->problem) : NULL;
}

static void
anshin_issuer_error_private_clear (AnshinIssuerErrorPrivate *priv)
{
  g_clear_object (&priv->problem);
}

G_DEFINE_EXTENDED_ERROR (AnshinIssuerError, anshin_issuer_error)

/* g_set_str() is GLib 2.76 */
static void
set_string (char       **slot,
            const char  *value)
{
  char *copy = g_strdup (value);

  g_free (*slot);
  *slot = copy;
}

static void
field_error_clear (gpointer data)
{
  FieldError *field_error = data;

  g_clear_pointer (&field_error->code, g_free);
}

static void
anshin_issuer_problem_finalize (GObject *object)
{
  AnshinIssuerProblem *self = (AnshinIssuerProblem *)object;

  g_clear_pointer (&self->code, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->detail, g_free);
  g_clear_pointer (&self->fields, g_array_unref);
  g_clear_pointer (&self->locked_until, g_date_time_unref);
  g_clear_pointer (&self->resets_at, g_date_time_unref);

  G_OBJECT_CLASS (anshin_issuer_problem_parent_class)->finalize (object);
}

static void
anshin_issuer_problem_class_init (AnshinIssuerProblemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = anshin_issuer_problem_finalize;
}

static void
anshin_issuer_problem_init (AnshinIssuerProblem *self)
{
  self->fields = g_array_new (FALSE, TRUE, sizeof (FieldError));
  g_array_set_clear_func (self->fields, field_error_clear);
  self->attempts_remaining = -1;
  self->retry_after = -1;
  self->limit = -1;
  self->remaining = -1;
  self->min = -1;
  self->max = -1;
}

/**
 * anshin_issuer_error_get_problem:
 * @error: an error
 *
 * Returns: (transfer none) (nullable): the issuer's problem carried by @error,
 *   or %NULL if @error is not in %ANSHIN_ISSUER_ERROR or has no problem
 *   (a network failure, a timeout, a malformed answer)
 */
AnshinIssuerProblem *
anshin_issuer_error_get_problem (const GError *error)
{
  if (error == NULL || error->domain != ANSHIN_ISSUER_ERROR)
    return NULL;

  return anshin_issuer_error_get_private (error)->problem;
}

/**
 * anshin_issuer_error_new_problem:
 * @code: the error code
 * @problem: (nullable): the facts to carry
 * @message: a technical summary (not shown to users)
 *
 * Returns: (transfer full): a new error in %ANSHIN_ISSUER_ERROR carrying @problem
 */
GError *
anshin_issuer_error_new_problem (AnshinIssuerError    code,
                                 AnshinIssuerProblem *problem,
                                 const char          *message)
{
  GError *error;

  g_return_val_if_fail (problem == NULL || ANSHIN_IS_ISSUER_PROBLEM (problem), NULL);
  g_return_val_if_fail (message != NULL, NULL);

  error = g_error_new_literal (ANSHIN_ISSUER_ERROR, code, message);
  if (problem != NULL)
    anshin_issuer_error_get_private (error)->problem = g_object_ref (problem);

  return error;
}

AnshinIssuerProblem *
anshin_issuer_problem_new (void)
{
  return g_object_new (ANSHIN_TYPE_ISSUER_PROBLEM, NULL);
}

/**
 * anshin_issuer_problem_get_status:
 *
 * Returns: the HTTP status of the answer
 */
guint
anshin_issuer_problem_get_status (AnshinIssuerProblem *self)
{
  g_return_val_if_fail (ANSHIN_IS_ISSUER_PROBLEM (self), 0);
  return self->status;
}

void
anshin_issuer_problem_set_status (AnshinIssuerProblem *self,
                                  guint                status)
{
  g_return_if_fail (ANSHIN_IS_ISSUER_PROBLEM (self));
  self->status = status;
}

/**
 * anshin_issuer_problem_get_code:
 *
 * Returns: (nullable): the API's machine-readable `code`, e.g. "already_registered"
 */
const char *
anshin_issuer_problem_get_code (AnshinIssuerProblem *self)
{
  g_return_val_if_fail (ANSHIN_IS_ISSUER_PROBLEM (self), NULL);
  return self->code;
}

void
anshin_issuer_problem_set_code (AnshinIssuerProblem *self,
                                const char          *code)
{
  g_return_if_fail (ANSHIN_IS_ISSUER_PROBLEM (self));
  set_string (&self->code, code);
}

const char *
anshin_issuer_problem_get_title (AnshinIssuerProblem *self)
{
  g_return_val_if_fail (ANSHIN_IS_ISSUER_PROBLEM (self), NULL);
  return self->title;
}

void
anshin_issuer_problem_set_title (AnshinIssuerProblem *self,
                                 const char          *title)
{
  g_return_if_fail (ANSHIN_IS_ISSUER_PROBLEM (self));
  set_string (&self->title, title);
}

/**
 * anshin_issuer_problem_get_detail:
 *
 * Returns: (nullable): the issuer's own human text (Japanese in the mock)
 */
const char *
anshin_issuer_problem_get_detail (AnshinIssuerProblem *self)
{
  g_return_val_if_fail (ANSHIN_IS_ISSUER_PROBLEM (self), NULL);
  return self->detail;
}

void
anshin_issuer_problem_set_detail (AnshinIssuerProblem *self,
                                  const char          *detail)
{
  g_return_if_fail (ANSHIN_IS_ISSUER_PROBLEM (self));
  set_string (&self->detail, detail);
}

guint
anshin_issuer_problem_get_n_fields (AnshinIssuerProblem *self)
{
  g_return_val_if_fail (ANSHIN_IS_ISSUER_PROBLEM (self), 0);
  return self->fields->len;
}

/**
 * anshin_issuer_problem_get_field:
 * @position: index below anshin_issuer_problem_get_n_fields()
 * @out_field: (out) (optional): the form field
 * @out_code: (out) (optional) (transfer none): its code, e.g. "luhn"
 *
 * Returns: %TRUE if @position is valid
 */
gboolean
anshin_issuer_problem_get_field (AnshinIssuerProblem *self,
                                 guint                position,
                                 AnshinCardField     *out_field,
                                 const char         **out_code)
{
  const FieldError *field_error;

  g_return_val_if_fail (ANSHIN_IS_ISSUER_PROBLEM (self), FALSE);

  if (position >= self->fields->len)
    return FALSE;

  field_error = &g_array_index (self->fields, FieldError, position);
  if (out_field != NULL)
    *out_field = field_error->field;
  if (out_code != NULL)
    *out_code = field_error->code;

  return TRUE;
}

/**
 * anshin_issuer_problem_lookup_field:
 * @field: a form field
 *
 * Returns: (nullable): the first code the issuer gave for @field, or %NULL
 */
const char *
anshin_issuer_problem_lookup_field (AnshinIssuerProblem *self,
                                    AnshinCardField      field)
{
  g_return_val_if_fail (ANSHIN_IS_ISSUER_PROBLEM (self), NULL);

  for (guint i = 0; i < self->fields->len; i++)
    {
      const FieldError *field_error = &g_array_index (self->fields, FieldError, i);

      if (field_error->field == field)
        return field_error->code;
    }

  return NULL;
}

void
anshin_issuer_problem_add_field (AnshinIssuerProblem *self,
                                 AnshinCardField      field,
                                 const char          *code)
{
  FieldError field_error;

  g_return_if_fail (ANSHIN_IS_ISSUER_PROBLEM (self));
  g_return_if_fail (code != NULL);

  field_error.field = field;
  field_error.code = g_strdup (code);
  g_array_append_val (self->fields, field_error);
}

/**
 * anshin_issuer_problem_get_attempts_remaining:
 *
 * Returns: the registration attempts left, or -1 if the issuer did not say
 */
int
anshin_issuer_problem_get_attempts_remaining (AnshinIssuerProblem *self)
{
  g_return_val_if_fail (ANSHIN_IS_ISSUER_PROBLEM (self), -1);
  return self->attempts_remaining;
}

void
anshin_issuer_problem_set_attempts_remaining (AnshinIssuerProblem *self,
                                              int                  attempts)
{
  g_return_if_fail (ANSHIN_IS_ISSUER_PROBLEM (self));
  self->attempts_remaining = attempts;
}

/**
 * anshin_issuer_problem_get_locked_until:
 *
 * Returns: (transfer none) (nullable): when a registration lock ends
 */
GDateTime *
anshin_issuer_problem_get_locked_until (AnshinIssuerProblem *self)
{
  g_return_val_if_fail (ANSHIN_IS_ISSUER_PROBLEM (self), NULL);
  return self->locked_until;
}

static void
set_date_time (GDateTime **slot,
               GDateTime  *value)
{
  if (value != NULL)
    g_date_time_ref (value);
  g_clear_pointer (slot, g_date_time_unref);
  *slot = value;
}

void
anshin_issuer_problem_set_locked_until (AnshinIssuerProblem *self,
                                        GDateTime           *locked_until)
{
  g_return_if_fail (ANSHIN_IS_ISSUER_PROBLEM (self));
  set_date_time (&self->locked_until, locked_until);
}

/**
 * anshin_issuer_problem_get_retry_after:
 *
 * Returns: the seconds of `Retry-After`, or -1 if the issuer did not say
 */
gint64
anshin_issuer_problem_get_retry_after (AnshinIssuerProblem *self)
{
  g_return_val_if_fail (ANSHIN_IS_ISSUER_PROBLEM (self), -1);
  return self->retry_after;
}

void
anshin_issuer_problem_set_retry_after (AnshinIssuerProblem *self,
                                       gint64               seconds)
{
  g_return_if_fail (ANSHIN_IS_ISSUER_PROBLEM (self));
  self->retry_after = seconds;
}

/**
 * anshin_issuer_problem_get_window:
 *
 * Returns: the rolling window of an exceeded limit (24 or 720 hours), or 0
 */
GTimeSpan
anshin_issuer_problem_get_window (AnshinIssuerProblem *self)
{
  g_return_val_if_fail (ANSHIN_IS_ISSUER_PROBLEM (self), 0);
  return self->window;
}

void
anshin_issuer_problem_set_window (AnshinIssuerProblem *self,
                                  GTimeSpan            window)
{
  g_return_if_fail (ANSHIN_IS_ISSUER_PROBLEM (self));
  self->window = window;
}

/**
 * anshin_issuer_problem_get_limit:
 *
 * Returns: the yen limit of the window, or -1
 */
gint64
anshin_issuer_problem_get_limit (AnshinIssuerProblem *self)
{
  g_return_val_if_fail (ANSHIN_IS_ISSUER_PROBLEM (self), -1);
  return self->limit;
}

void
anshin_issuer_problem_set_limit (AnshinIssuerProblem *self,
                                 gint64               limit)
{
  g_return_if_fail (ANSHIN_IS_ISSUER_PROBLEM (self));
  self->limit = limit;
}

/**
 * anshin_issuer_problem_get_remaining:
 *
 * Returns: the yen still allowed in the window, or -1
 */
gint64
anshin_issuer_problem_get_remaining (AnshinIssuerProblem *self)
{
  g_return_val_if_fail (ANSHIN_IS_ISSUER_PROBLEM (self), -1);
  return self->remaining;
}

void
anshin_issuer_problem_set_remaining (AnshinIssuerProblem *self,
                                     gint64               remaining)
{
  g_return_if_fail (ANSHIN_IS_ISSUER_PROBLEM (self));
  self->remaining = remaining;
}

/**
 * anshin_issuer_problem_get_resets_at:
 *
 * Returns: (transfer none) (nullable): when the window allows more again
 */
GDateTime *
anshin_issuer_problem_get_resets_at (AnshinIssuerProblem *self)
{
  g_return_val_if_fail (ANSHIN_IS_ISSUER_PROBLEM (self), NULL);
  return self->resets_at;
}

void
anshin_issuer_problem_set_resets_at (AnshinIssuerProblem *self,
                                     GDateTime           *resets_at)
{
  g_return_if_fail (ANSHIN_IS_ISSUER_PROBLEM (self));
  set_date_time (&self->resets_at, resets_at);
}

/**
 * anshin_issuer_problem_get_min:
 *
 * Returns: the smallest allowed top-up in yen, or -1
 */
gint64
anshin_issuer_problem_get_min (AnshinIssuerProblem *self)
{
  g_return_val_if_fail (ANSHIN_IS_ISSUER_PROBLEM (self), -1);
  return self->min;
}

/**
 * anshin_issuer_problem_get_max:
 *
 * Returns: the largest allowed top-up in yen, or -1
 */
gint64
anshin_issuer_problem_get_max (AnshinIssuerProblem *self)
{
  g_return_val_if_fail (ANSHIN_IS_ISSUER_PROBLEM (self), -1);
  return self->max;
}

void
anshin_issuer_problem_set_range (AnshinIssuerProblem *self,
                                 gint64               min,
                                 gint64               max)
{
  g_return_if_fail (ANSHIN_IS_ISSUER_PROBLEM (self));
  self->min = min;
  self->max = max;
}

/**
 * anshin_issuer_error_outcome_unknown:
 * @error: why a request that changes something failed
 *
 * Whether the issuer may have done it anyway: the answer was lost (a
 * timeout, a dropped or garbled answer) or the issuer failed while at it.
 * Then the account keeps the request's idempotency key for a retry, and
 * the app says it could not confirm.
 *
 * Returns: %TRUE if the change may have happened
 */
gboolean
anshin_issuer_error_outcome_unknown (const GError *error)
{
  g_return_val_if_fail (error != NULL, FALSE);

  if (error->domain != ANSHIN_ISSUER_ERROR)
    return FALSE;

  switch ((AnshinIssuerError) error->code)
    {
    case ANSHIN_ISSUER_ERROR_TIMEOUT:
    case ANSHIN_ISSUER_ERROR_NETWORK:
    case ANSHIN_ISSUER_ERROR_PROTOCOL:
    case ANSHIN_ISSUER_ERROR_SERVER:
      return TRUE;
    default:
      return FALSE;
    }
}
