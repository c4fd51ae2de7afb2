/* anshin-mock-member-store.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Saving a member's lasting state to JSON for `--state FILE` and checking it
 * on the way back in: a file that does not hold what was saved is refused
 * rather than half-loaded.
 */

#include "config.h"

#include "anshin-mock-error.h"
#include "anshin-mock-member-private.h"

/**
 * anshin_mock_member_save:
 * @self: a #AnshinMockMember
 *
 * Returns: (transfer full): everything about @self that must survive a
 *   restart (not sessions, form tokens or challenges)
 */
JsonObject *
anshin_mock_member_save (AnshinMockMember *self)
{
  JsonObject *saved = json_object_new ();
  JsonArray *failures = json_array_new ();

  g_return_val_if_fail (ANSHIN_IS_MOCK_MEMBER (self), NULL);

  json_object_set_string_member (saved, "member_id", self->member_id);
  json_object_set_object_member (saved, "card", anshin_mock_json_object_copy (self->card));
  json_object_set_array_member (saved, "networks", anshin_mock_json_array_copy (self->networks));
  json_object_set_array_member (saved, "notices", anshin_mock_json_array_copy (self->notices));
  json_object_set_array_member (saved, "charge_cards", anshin_mock_json_array_copy (self->charge_cards));
  json_object_set_array_member (saved, "charges", anshin_mock_json_array_copy (self->charges));

  for (guint i = 0; i < self->failures->len; i++)
    {
      g_autoptr(JsonObject) holder = json_object_new ();

      anshin_mock_json_set_unix (holder, "at", g_array_index (self->failures, gint64, i));
      json_array_add_string_element (failures, json_object_get_string_member (holder, "at"));
    }
  json_object_set_array_member (saved, "failures", failures);

  if (self->locked_until != 0)
    anshin_mock_json_set_unix (saved, "locked_until", self->locked_until);
  else
    json_object_set_null_member (saved, "locked_until");
  if (self->frozen_at != 0)
    anshin_mock_json_set_unix (saved, "frozen_at", self->frozen_at);
  else
    json_object_set_null_member (saved, "frozen_at");

  json_object_set_int_member (saved, "timeline_index", self->timeline_index);
  json_object_set_boolean_member (saved, "reissued_new_number", self->reissued_new_number);
  json_object_set_int_member (saved, "next_id", self->next_id);
  json_object_set_array_member (saved, "transactions", anshin_mock_json_array_copy (self->transactions));
  json_object_set_int_member (saved, "payment_index", self->payment_index);
  json_object_set_object_member (saved, "points_earned", anshin_mock_json_object_copy (self->points_earned));

  return saved;
}

static gboolean
refuse (GError     **error,
        const char  *member)
{
  g_set_error (error, ANSHIN_MOCK_ERROR, ANSHIN_MOCK_ERROR_STATE_INVALID,
               "the member's “%s” is missing or has the wrong type", member);
  return FALSE;
}

static gboolean
is_int (JsonObject *object,
        const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_INT64 &&
         json_node_get_int (node) >= 0;
}

static gboolean
is_time_or_null (JsonObject *object,
                 const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  return node != NULL && (JSON_NODE_HOLDS_NULL (node) || anshin_mock_json_is_time (node));
}

/**
 * anshin_mock_member_restore:
 * @self: a #AnshinMockMember, fresh from its scenario
 * @saved: what anshin_mock_member_save() returned
 * @error: return location for a #GError
 *
 * Returns: %TRUE if @saved was complete and is now @self's state; on
 *   %FALSE, @self is unchanged
 */
gboolean
anshin_mock_member_restore (AnshinMockMember  *self,
                            JsonObject        *saved,
                            GError           **error)
{
  static const char * const arrays[] = {
    "networks", "notices", "charge_cards", "charges",
  };
  JsonNode *card;
  JsonNode *failures;
  JsonArray *timeline;
  gboolean has_activity;

  g_return_val_if_fail (ANSHIN_IS_MOCK_MEMBER (self), FALSE);

  card = json_object_get_member (saved, "card");
  if (card == NULL || !JSON_NODE_HOLDS_OBJECT (card))
    return refuse (error, "card");
  for (guint i = 0; i < G_N_ELEMENTS (arrays); i++)
    {
      if (!anshin_mock_json_array_of_objects (json_object_get_member (saved, arrays[i])))
        return refuse (error, arrays[i]);
    }

  failures = json_object_get_member (saved, "failures");
  if (failures == NULL || !JSON_NODE_HOLDS_ARRAY (failures))
    return refuse (error, "failures");
  for (guint i = 0; i < json_array_get_length (json_node_get_array (failures)); i++)
    {
      if (!anshin_mock_json_is_time (json_array_get_element (json_node_get_array (failures), i)))
        return refuse (error, "failures");
    }

  timeline = anshin_mock_scenario_get_timeline (self->scenario);
  if (!is_time_or_null (saved, "locked_until") || !is_time_or_null (saved, "frozen_at"))
    return refuse (error, "locked_until");
  if (!is_int (saved, "timeline_index") ||
      json_object_get_int_member (saved, "timeline_index") > json_array_get_length (timeline))
    return refuse (error, "timeline_index");
  if (!is_int (saved, "next_id"))
    return refuse (error, "next_id");
  /* A state saved before the activity existed has none of these: the
   * member keeps the scenario's history, and its payments stay to come. */
  has_activity = json_object_has_member (saved, "transactions");
  if (has_activity)
    {
      if (!anshin_mock_json_array_of_objects (json_object_get_member (saved, "transactions")))
        return refuse (error, "transactions");
      for (guint i = 0; i < json_array_get_length (json_object_get_array_member (saved, "transactions")); i++)
        {
          JsonObject *transaction = json_array_get_object_element (json_object_get_array_member (saved, "transactions"), i);

          if (json_object_get_string_member_with_default (transaction, "id", NULL) == NULL)
            return refuse (error, "transactions");
        }
      if (!is_int (saved, "payment_index") ||
          json_object_get_int_member (saved, "payment_index") >
            json_array_get_length (anshin_mock_scenario_get_payments (self->scenario)))
        return refuse (error, "payment_index");
      if (json_object_get_member (saved, "points_earned") == NULL ||
          !JSON_NODE_HOLDS_OBJECT (json_object_get_member (saved, "points_earned")))
        return refuse (error, "points_earned");
    }

  g_clear_pointer (&self->card, json_object_unref);
  g_clear_pointer (&self->card_json, g_bytes_unref);
  self->card = anshin_mock_json_object_copy (json_node_get_object (card));
  g_clear_pointer (&self->networks, json_array_unref);
  self->networks = anshin_mock_json_array_copy (json_object_get_array_member (saved, "networks"));
  g_clear_pointer (&self->notices, json_array_unref);
  self->notices = anshin_mock_json_array_copy (json_object_get_array_member (saved, "notices"));
  g_clear_pointer (&self->charge_cards, json_array_unref);
  self->charge_cards = anshin_mock_json_array_copy (json_object_get_array_member (saved, "charge_cards"));
  g_clear_pointer (&self->charges, json_array_unref);
  self->charges = anshin_mock_json_array_copy (json_object_get_array_member (saved, "charges"));

  g_array_set_size (self->failures, 0);
  for (guint i = 0; i < json_array_get_length (json_node_get_array (failures)); i++)
    {
      g_autoptr(JsonObject) holder = json_object_new ();
      gint64 at;

      json_object_set_member (holder, "at",
                              json_node_copy (json_array_get_element (json_node_get_array (failures), i)));
      at = anshin_mock_json_get_unix (holder, "at");
      g_array_append_val (self->failures, at);
    }

  self->locked_until = anshin_mock_json_get_unix (saved, "locked_until");
  self->frozen_at = anshin_mock_json_get_unix (saved, "frozen_at");
  self->timeline_index = json_object_get_int_member (saved, "timeline_index");
  self->reissued_new_number = json_object_get_boolean_member_with_default (saved, "reissued_new_number", FALSE);
  self->next_id = json_object_get_int_member (saved, "next_id");
  if (has_activity)
    {
      g_clear_pointer (&self->transactions, json_array_unref);
      self->transactions = anshin_mock_json_array_copy (json_object_get_array_member (saved, "transactions"));
      anshin_mock_member_index_activity (self);
      self->payment_index = json_object_get_int_member (saved, "payment_index");
      g_clear_pointer (&self->points_earned, json_object_unref);
      self->points_earned = anshin_mock_json_object_copy (json_object_get_object_member (saved, "points_earned"));
    }
  g_hash_table_remove_all (self->form_tokens);
  g_hash_table_remove_all (self->challenges);

  return TRUE;
}
