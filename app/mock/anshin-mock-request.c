/* anshin-mock-request.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reading a request's JSON members by type, collecting every missing or
 * mistyped member so that the 400 answer names them all, and answering.
 */

#include "config.h"

#include "anshin-mock-request.h"

static void
add_invalid (AnshinMockRequest *self,
             const char        *member,
             const char        *code)
{
  JsonObject *field = json_object_new ();

  if (self->invalid_fields == NULL)
    self->invalid_fields = json_array_new ();

  json_object_set_string_member (field, "field", member);
  json_object_set_string_member (field, "code", code);
  json_array_add_object_element (self->invalid_fields, field);
}

static JsonNode *
get_value (AnshinMockRequest *self,
           const char        *member,
           GType              type)
{
  JsonNode *node = self->body != NULL ? json_object_get_member (self->body, member) : NULL;

  if (node == NULL)
    {
      add_invalid (self, member, "missing");
      return NULL;
    }

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != type)
    {
      add_invalid (self, member, "wrong_type");
      return NULL;
    }

  return node;
}

/**
 * anshin_mock_request_get_string:
 * @self: a request
 * @member: a required member of the body
 *
 * Returns: (nullable): the string, or %NULL if missing or not a string
 *   (noted for anshin_mock_request_check_fields())
 */
const char *
anshin_mock_request_get_string (AnshinMockRequest *self,
                                const char        *member)
{
  JsonNode *node = get_value (self, member, G_TYPE_STRING);

  return node != NULL ? json_node_get_string (node) : NULL;
}

/**
 * anshin_mock_request_get_int:
 * @self: a request
 * @member: a required member of the body
 * @out_value: (out): the integer
 *
 * Returns: %FALSE if missing or not an integer (a number with a fraction
 *   is not one)
 */
gboolean
anshin_mock_request_get_int (AnshinMockRequest *self,
                             const char        *member,
                             gint64            *out_value)
{
  JsonNode *node = get_value (self, member, G_TYPE_INT64);

  *out_value = node != NULL ? json_node_get_int (node) : 0;
  return node != NULL;
}

gboolean
anshin_mock_request_get_boolean (AnshinMockRequest *self,
                                 const char        *member,
                                 gboolean          *out_value)
{
  JsonNode *node = get_value (self, member, G_TYPE_BOOLEAN);

  *out_value = node != NULL ? json_node_get_boolean (node) : FALSE;
  return node != NULL;
}

gboolean
anshin_mock_request_has_member (AnshinMockRequest *self,
                                const char        *member)
{
  return self->body != NULL && json_object_has_member (self->body, member);
}

/**
 * anshin_mock_request_check_fields:
 * @self: a request
 *
 * Returns: %TRUE if every member read so far was present and well typed;
 *   otherwise answers 400 `invalid_request` with `fields` and returns %FALSE
 */
gboolean
anshin_mock_request_check_fields (AnshinMockRequest *self)
{
  g_autoptr(JsonObject) extra = NULL;

  if (self->invalid_fields == NULL)
    return TRUE;

  extra = json_object_new ();
  json_object_set_array_member (extra, "fields", g_steal_pointer (&self->invalid_fields));
  anshin_mock_request_reply_problem (self, SOUP_STATUS_BAD_REQUEST, "invalid_request",
                                     "リクエストの項目が不足しているか、形式が正しくありません。",
                                     extra);
  return FALSE;
}

/**
 * anshin_mock_request_reply:
 * @self: a request
 * @response: (transfer full): the answer
 */
void
anshin_mock_request_reply (AnshinMockRequest  *self,
                           AnshinMockResponse *response)
{
  g_clear_pointer (&self->response, anshin_mock_response_unref);
  self->response = response;
}

/**
 * anshin_mock_request_reply_object:
 * @self: a request
 * @status: the HTTP status
 * @object: (transfer full): the body
 */
void
anshin_mock_request_reply_object (AnshinMockRequest *self,
                                  guint              status,
                                  JsonObject        *object)
{
  anshin_mock_request_reply (self, anshin_mock_response_new_object (status, object));
}

void
anshin_mock_request_reply_problem (AnshinMockRequest *self,
                                   guint              status,
                                   const char        *code,
                                   const char        *detail,
                                   JsonObject        *extra)
{
  anshin_mock_request_reply (self, anshin_mock_response_new_problem (status, code, detail, extra));
}

void
anshin_mock_request_free (AnshinMockRequest *self)
{
  g_clear_object (&self->msg);
  g_clear_object (&self->state);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->query, g_hash_table_unref);
  g_clear_pointer (&self->param, g_free);
  g_clear_pointer (&self->session_id, g_free);
  g_clear_pointer (&self->raw_body, g_bytes_unref);
  g_clear_pointer (&self->body, json_object_unref);
  g_clear_pointer (&self->now, g_date_time_unref);
  g_clear_pointer (&self->invalid_fields, json_array_unref);
  g_clear_pointer (&self->response, anshin_mock_response_unref);
  g_clear_pointer (&self->idempotency_key, g_free);
  g_free (self);
}
