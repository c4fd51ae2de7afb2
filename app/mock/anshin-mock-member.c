/* anshin-mock-member.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One member of the mock issuer: the card, its payment methods, notices and
 * freezing; anshin-mock-member-timeline.c plays the scenario's timeline and
 * reissues against the issuer clock. Every change emits ::event with the
 * API's event object ({"type": ...}), which the server sends on the
 * member's WebSocket streams.
 */

#include "config.h"

#include <string.h>

#include "anshin-core-enum-types.h"
#include "anshin-enum-util.h"
#include "anshin-mock-error.h"
#include "anshin-mock-json.h"
#include "anshin-mock-member-private.h"
#include "anshin-mock-response.h"
#include "anshin-time.h"

G_DEFINE_FINAL_TYPE (AnshinMockMember, anshin_mock_member, G_TYPE_OBJECT)

enum {
  EVENT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

void
anshin_mock_challenge_free (gpointer data)
{
  AnshinMockChallenge *challenge = data;

  g_free (challenge->id);
  g_free (challenge->code);
  g_clear_pointer (&challenge->pending_card, json_object_unref);
  g_free (challenge);
}

static JsonObject *
wrap_array (const char *member,
            JsonArray  *array)
{
  JsonObject *object = json_object_new ();

  json_object_set_array_member (object, member, array);

  return object;
}

char *
anshin_mock_member_next_id (AnshinMockMember *self,
                            const char       *prefix)
{
  return g_strdup_printf ("%s_%u", prefix, ++self->next_id);
}

/* The card's balance object ({"amount", "currency"}), made when a scenario
 * gave none (or not an object) */
JsonObject *
anshin_mock_member_ensure_balance (AnshinMockMember *self)
{
  JsonNode *node = json_object_get_member (self->card, "balance");

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_autoptr(JsonObject) balance = json_object_new ();

      json_object_set_int_member (balance, "amount", 0);
      json_object_set_string_member (balance, "currency", "JPY");
      json_object_set_object_member (self->card, "balance", g_steal_pointer (&balance));
    }

  return json_object_get_object_member (self->card, "balance");
}

void
anshin_mock_member_emit (AnshinMockMember *self,
                         const char       *type)
{
  g_autoptr(JsonObject) event = json_object_new ();

  /* every change of the card is announced by an event */
  g_clear_pointer (&self->card_json, g_bytes_unref);

  json_object_set_string_member (event, "type", type);
  g_signal_emit (self, signals[EVENT], 0, event);
}

static void
emit_notice_created (AnshinMockMember *self,
                     JsonObject       *notice)
{
  g_autoptr(JsonObject) event = json_object_new ();

  json_object_set_string_member (event, "type", "notice.created");
  json_object_set_object_member (event, "notice", anshin_mock_json_object_copy (notice));
  g_signal_emit (self, signals[EVENT], 0, event);
}

void
anshin_mock_member_add_notice (AnshinMockMember *self,
                               const char       *code,
                               const char       *channel,
                               const char       *title,
                               const char       *body,
                               JsonObject       *params,
                               GDateTime        *issued_at)
{
  g_autofree char *id = anshin_mock_member_next_id (self, "ntc");
  JsonObject *notice = json_object_new ();

  json_object_set_string_member (notice, "id", id);
  json_object_set_string_member (notice, "code", code);
  anshin_mock_json_set_time (notice, "issued_at", issued_at);
  json_object_set_string_member (notice, "channel", channel);
  json_object_set_string_member (notice, "title", title);
  json_object_set_string_member (notice, "body", body);
  json_object_set_boolean_member (notice, "read", FALSE);
  json_object_set_object_member (notice, "params",
                                 params != NULL ? anshin_mock_json_object_copy (params) : json_object_new ());
  json_array_add_object_element (self->notices, notice);

  emit_notice_created (self, notice);
}

const char *
anshin_mock_member_card_state (AnshinMockMember *self)
{
  return json_object_get_string_member_with_default (self->card, "state", "active");
}

JsonObject *
anshin_mock_member_current_reissue (AnshinMockMember *self)
{
  JsonNode *node = json_object_get_member (self->card, "reissue");

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;

  return json_node_get_object (node);
}

gboolean
anshin_mock_member_reissue_in_progress (AnshinMockMember *self)
{
  JsonObject *reissue = anshin_mock_member_current_reissue (self);

  return reissue != NULL &&
         g_strcmp0 (json_object_get_string_member_with_default (reissue, "status", NULL),
                    "in_progress") == 0;
}

static void
anshin_mock_member_finalize (GObject *object)
{
  AnshinMockMember *self = (AnshinMockMember *)object;

  g_clear_object (&self->scenario);
  g_clear_pointer (&self->member_id, g_free);
  g_clear_pointer (&self->password, g_free);
  g_clear_pointer (&self->card, json_object_unref);
  g_clear_pointer (&self->card_json, g_bytes_unref);
  g_clear_pointer (&self->networks, json_array_unref);
  g_clear_pointer (&self->notices, json_array_unref);
  g_clear_pointer (&self->charge_cards, json_array_unref);
  g_clear_pointer (&self->charges, json_array_unref);
  g_clear_pointer (&self->failures, g_array_unref);
  g_clear_pointer (&self->form_tokens, g_hash_table_unref);
  g_clear_pointer (&self->challenges, g_hash_table_unref);
  g_clear_pointer (&self->transactions, json_array_unref);
  g_clear_pointer (&self->transaction_index, g_hash_table_unref);
  g_clear_pointer (&self->points_earned, json_object_unref);

  G_OBJECT_CLASS (anshin_mock_member_parent_class)->finalize (object);
}

static void
anshin_mock_member_class_init (AnshinMockMemberClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = anshin_mock_member_finalize;

  /**
   * AnshinMockMember::event:
   * @self: the member
   * @event: the API event object, e.g. {"type": "card.updated"}
   */
  signals[EVENT] = g_signal_new ("event",
                                 G_TYPE_FROM_CLASS (klass),
                                 G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL,
                                 G_TYPE_NONE, 1, JSON_TYPE_OBJECT);
}

static void
anshin_mock_member_init (AnshinMockMember *self)
{
  self->failures = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->form_tokens = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->challenges = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                            anshin_mock_challenge_free);
  self->transactions = json_array_new ();
  self->transaction_index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->points_earned = json_object_new ();
}

/**
 * anshin_mock_member_new:
 * @scenario: the scenario whose demo member this is
 *
 * Returns: (transfer full): the member as the scenario starts
 */
AnshinMockMember *
anshin_mock_member_new (AnshinMockScenario *scenario)
{
  const AnshinMockRegistrationRules *rules;
  AnshinMockMember *self;
  JsonArray *notices;

  g_return_val_if_fail (ANSHIN_IS_MOCK_SCENARIO (scenario), NULL);

  self = g_object_new (ANSHIN_TYPE_MOCK_MEMBER, NULL);
  self->scenario = g_object_ref (scenario);
  self->member_id = g_strdup (anshin_mock_scenario_get_member_id (scenario));
  self->password = g_strdup (anshin_mock_scenario_get_password (scenario));
  self->card = anshin_mock_json_object_copy (anshin_mock_scenario_get_card (scenario));
  self->networks = anshin_mock_json_array_copy (anshin_mock_scenario_get_networks (scenario));
  self->charge_cards = anshin_mock_json_array_copy (anshin_mock_scenario_get_charge_cards (scenario));
  self->charges = anshin_mock_json_array_copy (anshin_mock_scenario_get_charges (scenario));
  self->notices = json_array_new ();

  /* The notices issued before the start get their ids like any other. */
  notices = anshin_mock_scenario_get_notices (scenario);
  for (guint i = 0; i < json_array_get_length (notices); i++)
    {
      JsonNode *element = json_array_get_element (notices, i);
      g_autofree char *id = NULL;
      JsonObject *notice;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        continue;

      id = anshin_mock_member_next_id (self, "ntc");
      notice = anshin_mock_json_object_copy (json_node_get_object (element));
      json_object_set_string_member (notice, "id", id);
      if (!json_object_has_member (notice, "read"))
        json_object_set_boolean_member (notice, "read", FALSE);
      if (!json_object_has_member (notice, "params"))
        json_object_set_object_member (notice, "params", json_object_new ());
      json_array_add_object_element (self->notices, notice);
    }

  /* The activity before the start; the scenario's later payments wait. */
  anshin_mock_member_start_activity (self);
  self->payment_index = anshin_mock_scenario_get_first_scheduled_payment (scenario);

  /* Counted failures before the start: a lock may already be running. */
  rules = anshin_mock_scenario_get_registration (scenario);
  for (guint i = 0; i < rules->failures->len; i++)
    {
      gint64 at = g_date_time_to_unix (g_ptr_array_index (rules->failures, i));
      guint recent = 1;

      g_array_append_val (self->failures, at);
      for (guint j = 0; j < i; j++)
        {
          if (g_array_index (self->failures, gint64, j) > at - ANSHIN_MOCK_DAY)
            recent++;
        }
      if (recent >= rules->max_attempts && at >= self->locked_until)
        self->locked_until = at + ANSHIN_MOCK_DAY;
    }

  return self;
}

const char *
anshin_mock_member_get_id (AnshinMockMember *self)
{
  g_return_val_if_fail (ANSHIN_IS_MOCK_MEMBER (self), NULL);
  return self->member_id;
}

AnshinMockScenario *
anshin_mock_member_get_scenario (AnshinMockMember *self)
{
  g_return_val_if_fail (ANSHIN_IS_MOCK_MEMBER (self), NULL);
  return self->scenario;
}

gboolean
anshin_mock_member_check_password (AnshinMockMember *self,
                                   const char       *password)
{
  g_return_val_if_fail (ANSHIN_IS_MOCK_MEMBER (self), FALSE);
  return g_strcmp0 (self->password, password) == 0;
}

/**
 * anshin_mock_member_get_card:
 * @self: a #AnshinMockMember
 *
 * Returns: (transfer none): the `GET /v1/card` body; do not change it
 */
JsonObject *
anshin_mock_member_get_card (AnshinMockMember *self)
{
  g_return_val_if_fail (ANSHIN_IS_MOCK_MEMBER (self), NULL);
  return self->card;
}

/**
 * anshin_mock_member_get_card_json:
 * @self: a #AnshinMockMember
 *
 * The card is read far more often than it changes (every client refresh),
 * so its serialization is kept until the next change.
 *
 * Returns: (transfer none): the `GET /v1/card` body as JSON text
 */
GBytes *
anshin_mock_member_get_card_json (AnshinMockMember *self)
{
  g_return_val_if_fail (ANSHIN_IS_MOCK_MEMBER (self), NULL);

  if (self->card_json == NULL)
    {
      g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
      char *text;

      json_node_set_object (node, self->card);
      text = anshin_mock_json_to_string (node);
      self->card_json = g_bytes_new_take (text, strlen (text));
    }

  return self->card_json;
}

/**
 * anshin_mock_member_dup_card:
 * @self: a #AnshinMockMember
 *
 * Returns: (transfer full): the `GET /v1/card` body
 */
JsonObject *
anshin_mock_member_dup_card (AnshinMockMember *self)
{
  g_return_val_if_fail (ANSHIN_IS_MOCK_MEMBER (self), NULL);
  return anshin_mock_json_object_copy (self->card);
}

/**
 * anshin_mock_member_dup_networks:
 * @self: a #AnshinMockMember
 *
 * A frozen card makes every method unavailable; a reissue with a new number
 * makes QUICPay and the wallets wait for it.
 *
 * Returns: (transfer full): the `GET /v1/card/networks` body
 */
JsonObject *
anshin_mock_member_dup_networks (AnshinMockMember *self)
{
  JsonArray *networks;
  JsonObject *reissue;
  gboolean frozen;
  gboolean reissuing;

  g_return_val_if_fail (ANSHIN_IS_MOCK_MEMBER (self), NULL);

  networks = anshin_mock_json_array_copy (self->networks);
  frozen = g_strcmp0 (anshin_mock_member_card_state (self), "frozen") == 0;
  reissue = anshin_mock_member_current_reissue (self);
  reissuing = anshin_mock_member_reissue_in_progress (self) &&
              json_object_get_boolean_member_with_default (reissue, "new_number", FALSE);

  for (guint i = 0; i < json_array_get_length (networks); i++)
    {
      JsonObject *network = json_array_get_object_element (networks, i);
      const char *id = json_object_get_string_member_with_default (network, "id", "");
      const char *state = json_object_get_string_member_with_default (network, "state", "");

      if (g_str_equal (state, "not_set_up"))
        continue;

      if (frozen)
        {
          json_object_set_string_member (network, "state", "unavailable");
          json_object_set_string_member (network, "reason", "card_frozen");
          json_object_set_null_member (network, "eta");
          anshin_mock_json_set_unix (network, "since", self->frozen_at);
        }
      else if (reissuing &&
               (g_str_equal (id, "quicpay") || g_str_equal (id, "apple_pay") ||
                g_str_equal (id, "google_pay")))
        {
          json_object_set_string_member (network, "state", "updating");
          json_object_set_string_member (network, "reason", "reissue_in_progress");
          json_object_set_member (network, "eta",
                                  anshin_mock_json_node_copy (json_object_get_member (reissue, "ready_eta")));
          json_object_set_member (network, "since",
                                  anshin_mock_json_node_copy (json_object_get_member (reissue, "requested_at")));
        }
    }

  return wrap_array ("networks", networks);
}

/**
 * anshin_mock_member_dup_programs:
 * @self: a #AnshinMockMember
 *
 * Returns: (transfer full): the `GET /v1/programs` body
 */
JsonObject *
anshin_mock_member_dup_programs (AnshinMockMember *self)
{
  JsonArray *programs;

  g_return_val_if_fail (ANSHIN_IS_MOCK_MEMBER (self), NULL);

  programs = anshin_mock_json_array_copy (anshin_mock_scenario_get_programs (self->scenario));

  /* the points of the counted payments since the start */
  for (guint i = 0; i < json_array_get_length (programs); i++)
    {
      JsonObject *program = json_array_get_object_element (programs, i);
      const char *id = json_object_get_string_member_with_default (program, "id", "");
      gint64 earned = json_object_get_int_member_with_default (self->points_earned, id, 0);

      if (earned != 0)
        json_object_set_int_member (program, "points_balance",
                                    json_object_get_int_member_with_default (program, "points_balance", 0) + earned);
    }

  return wrap_array ("programs", programs);
}

/**
 * anshin_mock_member_dup_notices:
 * @self: a #AnshinMockMember
 * @after: (nullable): only notices newer than the one with this id
 * @out_found: (out) (optional): whether @after names a notice
 *
 * Returns: (transfer full): the `GET /v1/notices` body, newest first
 */
JsonObject *
anshin_mock_member_dup_notices (AnshinMockMember *self,
                                const char       *after,
                                gboolean         *out_found)
{
  JsonArray *notices = json_array_new ();
  guint first = 0;

  g_return_val_if_fail (ANSHIN_IS_MOCK_MEMBER (self), NULL);

  if (after != NULL)
    {
      guint index;
      gboolean found = anshin_mock_json_find_by_id (self->notices, after, &index) != NULL;

      if (out_found != NULL)
        *out_found = found;
      first = found ? index + 1 : 0;
    }
  else if (out_found != NULL)
    *out_found = TRUE;

  for (guint i = json_array_get_length (self->notices); i > first; i--)
    json_array_add_object_element (notices,
                                   anshin_mock_json_object_copy (json_array_get_object_element (self->notices, i - 1)));

  return wrap_array ("notices", notices);
}

gboolean
anshin_mock_member_mark_notice_read (AnshinMockMember *self,
                                     const char       *id)
{
  JsonObject *notice;

  g_return_val_if_fail (ANSHIN_IS_MOCK_MEMBER (self), FALSE);

  notice = anshin_mock_json_find_by_id (self->notices, id, NULL);
  if (notice == NULL)
    return FALSE;

  json_object_set_boolean_member (notice, "read", TRUE);
  return TRUE;
}

/**
 * anshin_mock_member_set_card_state:
 * @self: a #AnshinMockMember
 * @state: %ANSHIN_CARD_STATE_FROZEN or %ANSHIN_CARD_STATE_ACTIVE
 * @now: the issuer time
 *
 * Freezes an active card or unfreezes a frozen one.
 *
 * Returns: %FALSE if the card cannot go from its state to @state
 */
gboolean
anshin_mock_member_set_card_state (AnshinMockMember *self,
                                   AnshinCardState   state,
                                   GDateTime        *now)
{
  const char *current;

  g_return_val_if_fail (ANSHIN_IS_MOCK_MEMBER (self), FALSE);

  current = anshin_mock_member_card_state (self);
  if (state == ANSHIN_CARD_STATE_FROZEN && g_str_equal (current, "active"))
    {
      json_object_set_string_member (self->card, "state", "frozen");
      self->frozen_at = g_date_time_to_unix (now);
      anshin_mock_member_add_notice (self, "card_frozen", "app",
                                     "カードを一時停止しました",
                                     "会員さまのご操作により、カードのご利用を一時停止しました。",
                                     NULL, now);
    }
  else if (state == ANSHIN_CARD_STATE_ACTIVE && g_str_equal (current, "frozen"))
    {
      json_object_set_string_member (self->card, "state", "active");
      self->frozen_at = 0;
      anshin_mock_member_add_notice (self, "card_unfrozen", "app",
                                     "カードの一時停止を解除しました",
                                     "会員さまのご操作により、カードの一時停止を解除しました。",
                                     NULL, now);
    }
  else
    return FALSE;

  anshin_mock_member_emit (self, "card.updated");
  anshin_mock_member_emit (self, "networks.updated");

  return TRUE;
}
