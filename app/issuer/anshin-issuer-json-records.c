/* anshin-issuer-json-records.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The issuer's answers that are records of app/issuer (anshin-issuer-types.h)
 * rather than domain objects: session grants, the registration form, its
 * results, top-ups and live events.
 */

#include "config.h"

#include <string.h>

#include "anshin-core-enum-types.h"
#include "anshin-enum-util.h"

#include "anshin-issuer-json.h"
#include "anshin-issuer-json-private.h"

#define MAX_ID_LENGTH 255

static GDateTime *
ref_time (GDateTime *time)
{
  return time != NULL ? g_date_time_ref (time) : NULL;
}

/**
 * anshin_issuer_json_to_session:
 * @root: the answer of `POST /v1/session` or `POST /v1/session/refresh`
 *
 * Returns: (transfer full) (nullable): the grant, or %NULL with a protocol error
 */
AnshinIssuerSession *
anshin_issuer_json_to_session (JsonNode  *root,
                               GError   **error)
{
  g_auto(Reader) r = { .what = "session" };
  g_autoptr(AnshinIssuerSession) session = anshin_issuer_session_new ();
  JsonObject *object = reader_root (&r, root);
  const char *token;

  session->member_id = g_strdup (reader_string (&r, object, "member_id", READ_REQUIRED));
  session->expires_at = ref_time (reader_time (&r, object, "session_expires_at", READ_MAYBE));
  token = reader_string (&r, object, "refresh_token", READ_REQUIRED);
  if (token != NULL && (*token == '\0' || strlen (token) > 4096))
    reader_fail (&r, "member “refresh_token” has a bad length");
  session->refresh_token = g_strdup (token);

  if (!reader_finish (&r, error))
    return NULL;

  return g_steal_pointer (&session);
}

/**
 * anshin_issuer_json_to_registration_form:
 * @root: the answer of `GET /v1/charge-cards/registration`
 *
 * Returns: (transfer full) (nullable): the form, or %NULL with a protocol error
 */
AnshinRegistrationForm *
anshin_issuer_json_to_registration_form (JsonNode  *root,
                                         GError   **error)
{
  g_auto(Reader) r = { .what = "registration form" };
  g_autoptr(AnshinRegistrationForm) form = anshin_registration_form_new ();
  g_autoptr(GArray) brands = g_array_new (FALSE, FALSE, sizeof (AnshinCardBrand));
  JsonObject *object = reader_root (&r, root);
  JsonArray *accepted;

  form->form_token = g_strdup (reader_string (&r, object, "form_token", READ_MAYBE));
  form->expires_at = ref_time (reader_time (&r, object, "form_expires_at", READ_MAYBE));
  form->attempts_remaining = reader_int (&r, object, "attempts_remaining", READ_REQUIRED,
                                         0, G_MAXINT, 0);
  form->max_attempts = reader_int (&r, object, "max_attempts", READ_MAYBE, 0, G_MAXINT, -1);
  form->locked_until = ref_time (reader_time (&r, object, "locked_until", READ_MAYBE));

  if (r.error == NULL && form->form_token != NULL && form->expires_at == NULL)
    reader_fail (&r, "a form token without “form_expires_at”");
  if (r.error == NULL && form->form_token == NULL && form->locked_until == NULL)
    reader_fail (&r, "neither a form token nor “locked_until”");

  accepted = reader_array (&r, object, "accepted_brands", READ_MAYBE);
  for (guint i = 0; accepted != NULL && i < json_array_get_length (accepted); i++)
    {
      JsonNode *element = json_array_get_element (accepted, i);
      int brand;

      /* A brand this version does not know cannot be typed anyway: skip it. */
      if (JSON_NODE_HOLDS_VALUE (element) &&
          json_node_get_value_type (element) == G_TYPE_STRING &&
          anshin_enum_from_api (ANSHIN_TYPE_CARD_BRAND, json_node_get_string (element), &brand))
        {
          AnshinCardBrand value = brand;

          g_array_append_val (brands, value);
        }
      else if (!JSON_NODE_HOLDS_VALUE (element) ||
               json_node_get_value_type (element) != G_TYPE_STRING)
        reader_fail (&r, "member “accepted_brands” holds a non-string");
    }

  if (!reader_finish (&r, error))
    return NULL;

  form->n_accepted_brands = brands->len;
  form->accepted_brands = (AnshinCardBrand *)(gpointer)g_array_free (g_steal_pointer (&brands),
                                                                      FALSE);

  return g_steal_pointer (&form);
}

static AnshinChallenge *
read_challenge (Reader     *r,
                JsonObject *object)
{
  g_autoptr(AnshinChallenge) challenge = anshin_challenge_new ();
  const char *id;

  id = reader_string (r, object, "id", READ_REQUIRED);
  /* The id becomes a path segment: refuse anything that would change the path. */
  if (id != NULL && (*id == '\0' || strlen (id) > MAX_ID_LENGTH || strpbrk (id, "/?#%") != NULL))
    reader_fail (r, "member “id” is not a plain identifier");
  challenge->id = g_strdup (id);
  challenge->method = g_strdup (reader_string (r, object, "method", READ_OPTIONAL));
  challenge->expires_at = ref_time (reader_time (r, object, "expires_at", READ_MAYBE));

  return g_steal_pointer (&challenge);
}

/**
 * anshin_issuer_json_to_registration_result:
 * @root: a 201 or 202 answer of `POST /v1/charge-cards`
 * @out_card: (out) (transfer full): the registered card (201), or %NULL
 * @out_challenge: (out) (transfer full): the challenge (202), or %NULL
 *
 * Exactly one of @out_card and @out_challenge is set on success.
 *
 * Returns: %TRUE if @root holds a charge card or a challenge
 */
gboolean
anshin_issuer_json_to_registration_result (JsonNode          *root,
                                           AnshinChargeCard **out_card,
                                           AnshinChallenge  **out_challenge,
                                           GError           **error)
{
  g_auto(Reader) r = { .what = "registration" };
  g_autoptr(AnshinChallenge) challenge = NULL;
  JsonObject *object = reader_root (&r, root);
  JsonNode *card_node;
  JsonObject *challenge_object;

  g_return_val_if_fail (out_card != NULL, FALSE);
  g_return_val_if_fail (out_challenge != NULL, FALSE);

  *out_card = NULL;
  *out_challenge = NULL;

  card_node = reader_member (&r, object, "charge_card", READ_MAYBE);
  if (card_node != NULL)
    {
      if (!reader_finish (&r, error))
        return FALSE;

      *out_card = anshin_issuer_json_to_charge_card (card_node, error);
      return *out_card != NULL;
    }

  challenge_object = reader_object (&r, object, "challenge", READ_REQUIRED);
  if (challenge_object != NULL)
    challenge = read_challenge (&r, challenge_object);

  if (!reader_finish (&r, error))
    return FALSE;

  *out_challenge = g_steal_pointer (&challenge);
  return TRUE;
}

/**
 * anshin_issuer_json_to_challenge_result:
 * @root: the 201 answer of `POST /v1/charge-cards/challenges/{id}`
 *
 * Returns: (transfer full) (nullable): the registered card
 */
AnshinChargeCard *
anshin_issuer_json_to_challenge_result (JsonNode  *root,
                                        GError   **error)
{
  g_auto(Reader) r = { .what = "challenge" };
  JsonObject *object = reader_root (&r, root);
  JsonNode *card_node = reader_member (&r, object, "charge_card", READ_REQUIRED);

  if (!reader_finish (&r, error))
    return NULL;

  return anshin_issuer_json_to_charge_card (card_node, error);
}

static AnshinCharge *
read_charge (Reader     *r,
             JsonObject *object)
{
  g_autoptr(AnshinCharge) charge = anshin_charge_new ();

  charge->id = g_strdup (reader_string (r, object, "id", READ_REQUIRED));
  charge->charge_card_id = g_strdup (reader_string (r, object, "charge_card_id", READ_MAYBE));
  charge->amount = reader_int (r, object, "amount", READ_REQUIRED, 0, G_MAXINT64, 0);
  charge->created_at = ref_time (reader_time (r, object, "created_at", READ_MAYBE));

  return g_steal_pointer (&charge);
}

static gint64
read_money (Reader     *r,
            JsonObject *object,
            const char *name)
{
  JsonObject *money = reader_object (r, object, name, READ_REQUIRED);
  const char *currency = reader_string (r, money, "currency", READ_OPTIONAL);

  if (currency != NULL && !g_str_equal (currency, "JPY"))
    reader_fail (r, "member “%s” is not in JPY", name);

  return reader_int (r, money, "amount", READ_REQUIRED, G_MININT64, G_MAXINT64, -1);
}

/**
 * anshin_issuer_json_to_charge_result:
 * @root: the 201 answer of `POST /v1/charges`
 *
 * Returns: (transfer full) (nullable): the top-up with the new balance
 */
AnshinCharge *
anshin_issuer_json_to_charge_result (JsonNode  *root,
                                     GError   **error)
{
  g_auto(Reader) r = { .what = "charge" };
  g_autoptr(AnshinCharge) charge = NULL;
  JsonObject *object = reader_root (&r, root);
  JsonObject *charge_object = reader_object (&r, object, "charge", READ_REQUIRED);
  gint64 balance = read_money (&r, object, "balance");

  if (charge_object != NULL)
    charge = read_charge (&r, charge_object);

  if (!reader_finish (&r, error))
    return NULL;

  charge->balance = balance;
  return g_steal_pointer (&charge);
}

/**
 * anshin_issuer_json_to_charges:
 * @root: the answer of `GET /v1/charges`
 *
 * Returns: (transfer full) (element-type AnshinCharge) (nullable): the top-ups, newest first
 */
GPtrArray *
anshin_issuer_json_to_charges (JsonNode  *root,
                               GError   **error)
{
  g_auto(Reader) r = { .what = "charges" };
  g_autoptr(GPtrArray) result = g_ptr_array_new_with_free_func ((GDestroyNotify)anshin_charge_free);
  JsonObject *object = reader_root (&r, root);
  JsonArray *array = reader_array (&r, object, "charges", READ_REQUIRED);

  for (guint i = 0; array != NULL && r.error == NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_OBJECT (element))
        reader_fail (&r, "charges[%u] is not an object", i);
      else
        g_ptr_array_add (result, read_charge (&r, json_node_get_object (element)));
    }

  if (!reader_finish (&r, error))
    return NULL;

  return g_steal_pointer (&result);
}

/**
 * anshin_issuer_json_to_event:
 * @root: one text frame of `/v1/events`
 *
 * An event type this version does not know is %ANSHIN_ISSUER_EVENT_UNKNOWN,
 * not an error.
 *
 * Returns: (transfer full) (nullable): the event
 */
AnshinIssuerEvent *
anshin_issuer_json_to_event (JsonNode  *root,
                             GError   **error)
{
  static const struct {
    const char            *name;
    AnshinIssuerEventType  type;
  } types[] = {
    { "notice.created", ANSHIN_ISSUER_EVENT_NOTICE_CREATED },
    { "card.updated", ANSHIN_ISSUER_EVENT_CARD_UPDATED },
    { "networks.updated", ANSHIN_ISSUER_EVENT_NETWORKS_UPDATED },
    { "charge_cards.updated", ANSHIN_ISSUER_EVENT_CHARGE_CARDS_UPDATED },
    { "clock.changed", ANSHIN_ISSUER_EVENT_CLOCK_CHANGED },
    { "transactions.updated", ANSHIN_ISSUER_EVENT_TRANSACTIONS_UPDATED },
  };
  g_auto(Reader) r = { .what = "event" };
  g_autoptr(AnshinIssuerEvent) event = anshin_issuer_event_new ();
  JsonObject *object = reader_root (&r, root);
  const char *type = reader_string (&r, object, "type", READ_REQUIRED);
  JsonNode *notice_node = NULL;

  for (guint i = 0; type != NULL && i < G_N_ELEMENTS (types); i++)
    {
      if (g_str_equal (type, types[i].name))
        event->type = types[i].type;
    }

  if (event->type == ANSHIN_ISSUER_EVENT_NOTICE_CREATED)
    notice_node = reader_member (&r, object, "notice", READ_REQUIRED);
  else if (event->type == ANSHIN_ISSUER_EVENT_CLOCK_CHANGED)
    event->issuer_time = ref_time (reader_time (&r, object, "issuer_time", READ_REQUIRED));

  if (!reader_finish (&r, error))
    return NULL;

  if (notice_node != NULL)
    {
      event->notice = anshin_issuer_json_to_notice (notice_node, error);
      if (event->notice == NULL)
        return NULL;
    }

  return g_steal_pointer (&event);
}

/**
 * anshin_issuer_json_to_issuer_time:
 * @root: `{"issuer_time": "..."}` (the mock's /admin/clock answer)
 *
 * Returns: (transfer full) (nullable): the time
 */
GDateTime *
anshin_issuer_json_to_issuer_time (JsonNode  *root,
                                   GError   **error)
{
  g_auto(Reader) r = { .what = "clock" };
  JsonObject *object = reader_root (&r, root);
  GDateTime *time = reader_time (&r, object, "issuer_time", READ_REQUIRED);

  if (!reader_finish (&r, error))
    return NULL;

  return g_date_time_ref (time);
}
