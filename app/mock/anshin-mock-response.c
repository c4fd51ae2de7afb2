/* anshin-mock-response.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "anshin-mock-response.h"

static void
response_clear (AnshinMockResponse *self)
{
  g_clear_pointer (&self->body, g_bytes_unref);
  g_clear_pointer (&self->headers, g_ptr_array_unref);
}

/**
 * anshin_mock_json_to_string:
 * @node: a JSON node
 *
 * Returns: (transfer full): @node as compact JSON
 */
char *
anshin_mock_json_to_string (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  json_generator_set_root (generator, node);

  return json_generator_to_data (generator, NULL);
}

/**
 * anshin_mock_response_new:
 * @status: the HTTP status
 *
 * Returns: (transfer full): an answer without a body
 */
AnshinMockResponse *
anshin_mock_response_new (guint status)
{
  AnshinMockResponse *self = g_atomic_rc_box_new0 (AnshinMockResponse);

  self->status = status;

  return self;
}

/**
 * anshin_mock_response_new_json:
 * @status: the HTTP status
 * @node: the body
 *
 * Returns: (transfer full): an `application/json` answer
 */
AnshinMockResponse *
anshin_mock_response_new_json (guint     status,
                               JsonNode *node)
{
  AnshinMockResponse *self = anshin_mock_response_new (status);
  char *text = anshin_mock_json_to_string (node);

  self->content_type = "application/json; charset=utf-8";
  self->body = g_bytes_new_take (text, strlen (text));

  return self;
}

/**
 * anshin_mock_response_new_bytes:
 * @status: the HTTP status
 * @json: JSON text
 *
 * Returns: (transfer full): an `application/json` answer
 */
AnshinMockResponse *
anshin_mock_response_new_bytes (guint   status,
                                GBytes *json)
{
  AnshinMockResponse *self = anshin_mock_response_new (status);

  self->content_type = "application/json; charset=utf-8";
  self->body = g_bytes_ref (json);

  return self;
}

/**
 * anshin_mock_response_new_object:
 * @status: the HTTP status
 * @object: (transfer full): the body
 *
 * Returns: (transfer full): an `application/json` answer
 */
AnshinMockResponse *
anshin_mock_response_new_object (guint       status,
                                 JsonObject *object)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);

  json_node_take_object (node, object);

  return anshin_mock_response_new_json (status, node);
}

/**
 * anshin_mock_response_new_problem:
 * @status: the HTTP status
 * @code: the machine-readable reason
 * @detail: the issuer's own text
 * @extra: (nullable): extension members, copied
 *
 * Returns: (transfer full): an `application/problem+json` answer (RFC 9457)
 */
AnshinMockResponse *
anshin_mock_response_new_problem (guint       status,
                                  const char *code,
                                  const char *detail,
                                  JsonObject *extra)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  JsonObject *object = json_object_new ();
  AnshinMockResponse *self;
  char *text;

  json_object_set_string_member (object, "type", "about:blank");
  /* libsoup 3.2 knows no phrase for 429 */
  json_object_set_string_member (object, "title",
                                 status == 429 ? "Too Many Requests" : soup_status_get_phrase (status));
  json_object_set_int_member (object, "status", status);
  json_object_set_string_member (object, "detail", detail);
  json_object_set_string_member (object, "code", code);

  if (extra != NULL)
    {
      JsonObjectIter iter;
      const char *name;
      JsonNode *value;

      json_object_iter_init_ordered (&iter, extra);
      while (json_object_iter_next_ordered (&iter, &name, &value))
        json_object_set_member (object, name, json_node_copy (value));
    }

  json_node_take_object (node, object);

  self = anshin_mock_response_new (status);
  self->content_type = "application/problem+json; charset=utf-8";
  text = anshin_mock_json_to_string (node);
  self->body = g_bytes_new_take (text, strlen (text));

  return self;
}

AnshinMockResponse *
anshin_mock_response_ref (AnshinMockResponse *self)
{
  return g_atomic_rc_box_acquire (self);
}

void
anshin_mock_response_unref (AnshinMockResponse *self)
{
  g_atomic_rc_box_release_full (self, (GDestroyNotify)response_clear);
}

void
anshin_mock_response_add_header (AnshinMockResponse *self,
                                 const char         *name,
                                 const char         *value)
{
  if (self->headers == NULL)
    self->headers = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->headers, g_strdup (name));
  g_ptr_array_add (self->headers, g_strdup (value));
}

/**
 * anshin_mock_response_get_header:
 * @self: a #AnshinMockResponse
 * @name: a header name
 *
 * Returns: (nullable): the first value of the header @name
 */
const char *
anshin_mock_response_get_header (AnshinMockResponse *self,
                                 const char         *name)
{
  for (guint i = 0; self->headers != NULL && i + 1 < self->headers->len; i += 2)
    {
      if (g_ascii_strcasecmp (g_ptr_array_index (self->headers, i), name) == 0)
        return g_ptr_array_index (self->headers, i + 1);
    }

  return NULL;
}

/**
 * anshin_mock_response_apply:
 * @self: a #AnshinMockResponse
 * @msg: the message to answer
 *
 * Writes status, headers and body into @msg.
 */
void
anshin_mock_response_apply (AnshinMockResponse *self,
                            SoupServerMessage  *msg)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);

  soup_server_message_set_status (msg, self->status, NULL);

  for (guint i = 0; self->headers != NULL && i + 1 < self->headers->len; i += 2)
    soup_message_headers_append (headers,
                                 g_ptr_array_index (self->headers, i),
                                 g_ptr_array_index (self->headers, i + 1));

  /* soup_server_message_set_response() without copying the body: it sets
   * the Content-Type (for less than soup_message_headers_replace() does),
   * then the message takes a reference to the body, which is immutable
   * and may be shared (replays, the card's cache). */
  if (self->body != NULL)
    {
      soup_server_message_set_response (msg, self->content_type, SOUP_MEMORY_STATIC, "", 0);
      if (g_bytes_get_size (self->body) > 0)
        soup_message_body_append_bytes (soup_server_message_get_response_body (msg), self->body);
    }
}
