/* anshin-mock-member.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One member of the mock issuer: the card, its payment methods, notices and
 * the scenario's timeline as it is played against the issuer clock. Every
 * change emits ::event with the API's event object ({"type": ...}), which the
 * server sends on the member's WebSocket streams.
 */

#include "config.h"

#include <stdlib.h>

#include "anshin-core-enum-types.h"
#include "anshin-enum-util.h"
#include "anshin-mock-error.h"
#include "anshin-mock-json.h"
#include "anshin-mock-member-private.h"
#include "anshin-time.h"

#define REISSUE_DURATION (3 * 60 * 60)

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

void
anshin_mock_member_emit (AnshinMockMember *self,
                         const char       *type)
{
  g_autoptr(JsonObject) event = json_object_new ();

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

static const char *
card_state (AnshinMockMember *self)
{
  return json_object_get_string_member_with_default (self->card, "state", "active");
}

static JsonObject *
current_reissue (AnshinMockMember *self)
{
  JsonNode *node = json_object_get_member (self->card, "reissue");

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;

  return json_node_get_object (node);
}

static gboolean
reissue_in_progress (AnshinMockMember *self)
{
  JsonObject *reissue = current_reissue (self);

  return reissue != NULL &&
         g_strcmp0 (json_object_get_string_member_with_default (reissue, "status", NULL),
                    "in_progress") == 0;
}

static void
merge_object (JsonObject *target,
              JsonObject *patch)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *value;

  json_object_iter_init_ordered (&iter, patch);
  while (json_object_iter_next_ordered (&iter, &name, &value))
    {
      JsonNode *existing = json_object_get_member (target, name);

      if (JSON_NODE_HOLDS_OBJECT (value) && existing != NULL && JSON_NODE_HOLDS_OBJECT (existing))
        merge_object (json_node_get_object (existing), json_node_get_object (value));
      else
        json_object_set_member (target, name, anshin_mock_json_node_copy (value));
    }
}

static gboolean
update_network (AnshinMockMember *self,
                JsonObject       *change,
                GDateTime        *at)
{
  const char *id = json_object_get_string_member_with_default (change, "id", NULL);
  JsonObject *network;
  const char *state;

  if (id == NULL)
    return FALSE;

  if (json_object_get_boolean_member_with_default (change, "skip_after_reissue", FALSE) &&
      self->reissued_new_number)
    return FALSE;

  network = anshin_mock_json_find_by_id (self->networks, id, NULL);
  if (network == NULL)
    {
      network = json_object_new ();
      json_object_set_string_member (network, "id", id);
      json_array_add_object_element (self->networks, network);
    }

  state = json_object_get_string_member_with_default (change, "state", NULL);
  if (state != NULL &&
      g_strcmp0 (state, json_object_get_string_member_with_default (network, "state", NULL)) != 0)
    {
      json_object_set_string_member (network, "state", state);
      anshin_mock_json_set_time (network, "since", at);
    }

  if (json_object_has_member (change, "reason"))
    json_object_set_member (network, "reason",
                            anshin_mock_json_node_copy (json_object_get_member (change, "reason")));
  if (json_object_has_member (change, "eta"))
    json_object_set_member (network, "eta",
                            anshin_mock_json_node_copy (json_object_get_member (change, "eta")));

  return TRUE;
}

static void
apply_timeline_entry (AnshinMockMember *self,
                      JsonObject       *entry)
{
  g_autoptr(GDateTime) at = anshin_time_parse (json_object_get_string_member (entry, "at"));
  JsonNode *card = json_object_get_member (entry, "card");
  JsonNode *networks = json_object_get_member (entry, "networks");
  JsonNode *notices = json_object_get_member (entry, "notices");
  gboolean networks_changed = FALSE;

  if (card != NULL && JSON_NODE_HOLDS_OBJECT (card))
    {
      merge_object (self->card, json_node_get_object (card));
      anshin_mock_member_emit (self, "card.updated");
    }

  for (guint i = 0; networks != NULL && JSON_NODE_HOLDS_ARRAY (networks) &&
                    i < json_array_get_length (json_node_get_array (networks)); i++)
    {
      JsonNode *change = json_array_get_element (json_node_get_array (networks), i);

      if (JSON_NODE_HOLDS_OBJECT (change))
        networks_changed |= update_network (self, json_node_get_object (change), at);
    }
  if (networks_changed)
    anshin_mock_member_emit (self, "networks.updated");

  for (guint i = 0; notices != NULL && JSON_NODE_HOLDS_ARRAY (notices) &&
                    i < json_array_get_length (json_node_get_array (notices)); i++)
    {
      JsonNode *element = json_array_get_element (json_node_get_array (notices), i);
      JsonObject *notice;
      JsonNode *params;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        continue;

      notice = json_node_get_object (element);
      params = json_object_get_member (notice, "params");
      anshin_mock_member_add_notice (self,
                                     json_object_get_string_member_with_default (notice, "code", "unknown"),
                                     json_object_get_string_member_with_default (notice, "channel", "email"),
                                     json_object_get_string_member_with_default (notice, "title", ""),
                                     json_object_get_string_member_with_default (notice, "body", ""),
                                     params != NULL && JSON_NODE_HOLDS_OBJECT (params) ?
                                       json_node_get_object (params) : NULL,
                                     at);
    }
}

static char *
new_last4 (AnshinMockMember *self)
{
  const char *old = json_object_get_string_member_with_default (self->card, "number_last4", "0000");
  guint value = (guint)atoi (old);

  /* A different, reproducible number: demos and tests see the same one. */
  return g_strdup_printf ("%04u", (value * 7 + 1000 + self->next_id * 389) % 10000);
}

static void
complete_reissue (AnshinMockMember *self,
                  JsonObject       *reissue,
                  GDateTime        *at)
{
  gboolean new_number = json_object_get_boolean_member_with_default (reissue, "new_number", FALSE);
  g_autoptr(JsonObject) params = json_object_new ();
  static const char * const wallets[] = { "quicpay", "apple_pay", "google_pay" };

  json_object_set_string_member (reissue, "status", "completed");
  anshin_mock_json_set_time (reissue, "completed_at", at);

  if (new_number)
    {
      g_autofree char *last4 = new_last4 (self);

      json_object_set_string_member (self->card, "number_last4", last4);
      json_object_set_string_member (self->card, "state", "active");
      self->reissued_new_number = TRUE;

      for (guint i = 0; i < G_N_ELEMENTS (wallets); i++)
        {
          JsonObject *network = anshin_mock_json_find_by_id (self->networks, wallets[i], NULL);

          if (network == NULL ||
              g_strcmp0 (json_object_get_string_member_with_default (network, "state", NULL),
                         "not_set_up") == 0)
            continue;

          json_object_set_string_member (network, "state", "available");
          anshin_mock_json_set_time (network, "since", at);
          json_object_set_null_member (network, "reason");
          json_object_set_null_member (network, "eta");
        }
    }

  json_object_set_boolean_member (params, "new_number", new_number);
  json_object_set_string_member (params, "number_last4",
                                 json_object_get_string_member (self->card, "number_last4"));
  anshin_mock_member_add_notice (self, "reissue_completed", "push",
                                 "【つばさペイ】カード再発行完了のお知らせ",
                                 new_number ?
                                   "カードの再発行が完了しました。新しいカード番号でご利用いただけます。QUICPayもご利用いただけます。" :
                                   "カードの再発行が完了しました。カード番号は変わりません。",
                                 params, at);
  anshin_mock_member_emit (self, "card.updated");
  if (new_number)
    anshin_mock_member_emit (self, "networks.updated");
}

static void
anshin_mock_member_finalize (GObject *object)
{
  AnshinMockMember *self = (AnshinMockMember *)object;

  g_clear_object (&self->scenario);
  g_clear_pointer (&self->member_id, g_free);
  g_clear_pointer (&self->password, g_free);
  g_clear_pointer (&self->card, json_object_unref);
  g_clear_pointer (&self->networks, json_array_unref);
  g_clear_pointer (&self->notices, json_array_unref);
  g_clear_pointer (&self->charge_cards, json_array_unref);
  g_clear_pointer (&self->charges, json_array_unref);
  g_clear_pointer (&self->failures, g_array_unref);
  g_clear_pointer (&self->form_tokens, g_hash_table_unref);
  g_clear_pointer (&self->challenges, g_hash_table_unref);

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
  frozen = g_strcmp0 (card_state (self), "frozen") == 0;
  reissue = current_reissue (self);
  reissuing = reissue_in_progress (self) &&
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
  g_return_val_if_fail (ANSHIN_IS_MOCK_MEMBER (self), NULL);
  return wrap_array ("programs", anshin_mock_json_array_copy (anshin_mock_scenario_get_programs (self->scenario)));
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

  current = card_state (self);
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

/**
 * anshin_mock_member_start_reissue:
 * @self: a #AnshinMockMember
 * @new_number: whether the card gets a new number
 * @reason: the API reason
 * @now: the issuer time
 * @out_reissue: (out) (optional) (transfer full): the reissue object
 *
 * Returns: what happened
 */
AnshinMockReissueResult
anshin_mock_member_start_reissue (AnshinMockMember  *self,
                                  gboolean           new_number,
                                  const char        *reason,
                                  GDateTime         *now,
                                  JsonObject       **out_reissue)
{
  g_autoptr(GDateTime) ready = NULL;
  g_autoptr(JsonObject) params = json_object_new ();
  g_autofree char *id = NULL;
  JsonObject *reissue;

  g_return_val_if_fail (ANSHIN_IS_MOCK_MEMBER (self), ANSHIN_MOCK_REISSUE_INVALID_STATE);

  if (reissue_in_progress (self))
    return ANSHIN_MOCK_REISSUE_ALREADY_IN_PROGRESS;
  if (!g_str_equal (card_state (self), "active"))
    return ANSHIN_MOCK_REISSUE_INVALID_STATE;

  ready = g_date_time_add_seconds (now, REISSUE_DURATION);
  id = anshin_mock_member_next_id (self, "reissue");
  reissue = json_object_new ();
  json_object_set_string_member (reissue, "id", id);
  json_object_set_string_member (reissue, "status", "in_progress");
  json_object_set_boolean_member (reissue, "new_number", new_number);
  json_object_set_string_member (reissue, "reason", reason);
  anshin_mock_json_set_time (reissue, "requested_at", now);
  anshin_mock_json_set_time (reissue, "ready_eta", ready);
  json_object_set_null_member (reissue, "completed_at");
  json_object_set_object_member (self->card, "reissue", reissue);

  if (new_number)
    json_object_set_string_member (self->card, "state", "reissuing");

  json_object_set_boolean_member (params, "new_number", new_number);
  anshin_mock_json_set_time (params, "ready_eta", ready);
  anshin_mock_member_add_notice (self, "reissue_started", "app",
                                 "カード再発行を受け付けました",
                                 new_number ?
                                   "番号を切り替えたカードの再発行を受け付けました。約3時間で新しいカード番号がご利用いただけます。その間、QUICPayとウォレットはご利用いただけません。" :
                                   "カードの再発行を受け付けました。カード番号は変わりません。",
                                 params, now);
  anshin_mock_member_emit (self, "card.updated");
  if (new_number)
    anshin_mock_member_emit (self, "networks.updated");

  if (out_reissue != NULL)
    *out_reissue = anshin_mock_json_object_copy (reissue);

  return ANSHIN_MOCK_REISSUE_STARTED;
}

/**
 * anshin_mock_member_dup_next_due:
 * @self: a #AnshinMockMember
 *
 * Returns: (transfer full) (nullable): when the next scheduled change falls
 *   due, or %NULL if nothing is scheduled
 */
GDateTime *
anshin_mock_member_dup_next_due (AnshinMockMember *self)
{
  JsonArray *timeline = anshin_mock_scenario_get_timeline (self->scenario);
  gint64 next = G_MAXINT64;

  if (self->timeline_index < json_array_get_length (timeline))
    next = anshin_mock_json_get_unix (json_array_get_object_element (timeline, self->timeline_index), "at");

  if (reissue_in_progress (self))
    next = MIN (next, anshin_mock_json_get_unix (current_reissue (self), "ready_eta"));

  if (next == G_MAXINT64)
    return NULL;

  return g_date_time_new_from_unix_utc (next);
}

/**
 * anshin_mock_member_apply_due:
 * @self: a #AnshinMockMember
 * @now: the issuer time
 *
 * Applies, in time order, every scheduled change up to @now: the scenario's
 * timeline and the completion of a reissue.
 *
 * Returns: %TRUE if anything changed
 */
gboolean
anshin_mock_member_apply_due (AnshinMockMember *self,
                              GDateTime        *now)
{
  JsonArray *timeline;
  gint64 now_unix;
  gboolean changed = FALSE;

  g_return_val_if_fail (ANSHIN_IS_MOCK_MEMBER (self), FALSE);

  timeline = anshin_mock_scenario_get_timeline (self->scenario);
  now_unix = g_date_time_to_unix (now);

  for (;;)
    {
      gint64 entry_at = G_MAXINT64;
      gint64 reissue_at = G_MAXINT64;

      if (self->timeline_index < json_array_get_length (timeline))
        entry_at = anshin_mock_json_get_unix (json_array_get_object_element (timeline, self->timeline_index), "at");
      if (reissue_in_progress (self))
        reissue_at = anshin_mock_json_get_unix (current_reissue (self), "ready_eta");

      if (entry_at <= reissue_at && entry_at <= now_unix)
        {
          apply_timeline_entry (self, json_array_get_object_element (timeline, self->timeline_index));
          self->timeline_index++;
        }
      else if (reissue_at < entry_at && reissue_at <= now_unix)
        {
          g_autoptr(GDateTime) at = g_date_time_new_from_unix_utc (reissue_at);

          complete_reissue (self, current_reissue (self), at);
        }
      else
        break;

      changed = TRUE;
    }

  return changed;
}
