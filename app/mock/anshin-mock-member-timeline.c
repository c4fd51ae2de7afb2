/* anshin-mock-member-timeline.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What happens to a member as issuer time passes: the scenario's timeline
 * (card changes, payment-method migrations, notices) and reissues, which
 * complete 3 hours after they are requested. Applied in time order.
 */

#include "config.h"

#include <stdlib.h>

#include "anshin-mock-member-private.h"
#include "anshin-time.h"

#define REISSUE_DURATION (3 * 60 * 60)

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

  if (anshin_mock_member_reissue_in_progress (self))
    return ANSHIN_MOCK_REISSUE_ALREADY_IN_PROGRESS;
  if (!g_str_equal (anshin_mock_member_card_state (self), "active"))
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
  gint64 next = anshin_mock_scenario_get_timeline_at (self->scenario, self->timeline_index);

  if (anshin_mock_member_reissue_in_progress (self))
    next = MIN (next, anshin_mock_json_get_unix (anshin_mock_member_current_reissue (self), "ready_eta"));
  next = MIN (next, anshin_mock_scenario_get_payment_at (self->scenario, self->payment_index));

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
 * timeline, the completion of a reissue and the scenario's payments (a
 * payment at the same time as a change comes after it).
 *
 * Returns: %TRUE if anything changed
 */
gboolean
anshin_mock_member_apply_due (AnshinMockMember *self,
                              GDateTime        *now)
{
  gint64 now_unix;
  gboolean changed = FALSE;

  g_return_val_if_fail (ANSHIN_IS_MOCK_MEMBER (self), FALSE);

  now_unix = g_date_time_to_unix (now);

  /* runs on every request: nothing here allocates when nothing is due */
  for (;;)
    {
      gint64 entry_at = anshin_mock_scenario_get_timeline_at (self->scenario, self->timeline_index);
      gint64 payment_at = anshin_mock_scenario_get_payment_at (self->scenario, self->payment_index);
      gint64 reissue_at = G_MAXINT64;

      if (anshin_mock_member_reissue_in_progress (self))
        reissue_at = anshin_mock_json_get_unix (anshin_mock_member_current_reissue (self), "ready_eta");

      if (payment_at < entry_at && payment_at < reissue_at && payment_at <= now_unix)
        {
          anshin_mock_member_pay_scheduled (self, self->payment_index);
          self->payment_index++;
        }
      else if (entry_at <= reissue_at && entry_at <= now_unix)
        {
          JsonArray *timeline = anshin_mock_scenario_get_timeline (self->scenario);

          apply_timeline_entry (self, json_array_get_object_element (timeline, self->timeline_index));
          self->timeline_index++;
        }
      else if (reissue_at < entry_at && reissue_at <= now_unix)
        {
          g_autoptr(GDateTime) at = g_date_time_new_from_unix_utc (reissue_at);

          complete_reissue (self, anshin_mock_member_current_reissue (self), at);
        }
      else
        break;

      changed = TRUE;
    }

  return changed;
}
