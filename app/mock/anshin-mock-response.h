/* anshin-mock-response.h
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

G_BEGIN_DECLS

/* A complete answer (status, headers, body), built by a handler before it
 * is written, so that it can be stored for idempotent replays and bent by
 * faults. Reference counted; immutable once shared. */
typedef struct _AnshinMockResponse AnshinMockResponse;

struct _AnshinMockResponse
{
  guint       status;
  const char *content_type; /* a static string */
  GBytes     *body;
  GPtrArray  *headers;      /* name, value, name, value ...; NULL if none */
};

AnshinMockResponse *anshin_mock_response_new         (guint                status);
AnshinMockResponse *anshin_mock_response_new_json    (guint                status,
                                                      JsonNode            *node);
AnshinMockResponse *anshin_mock_response_new_bytes   (guint                status,
                                                      GBytes              *json);
AnshinMockResponse *anshin_mock_response_new_object  (guint                status,
                                                      JsonObject          *object);
AnshinMockResponse *anshin_mock_response_new_problem (guint                status,
                                                      const char          *code,
                                                      const char          *detail,
                                                      JsonObject          *extra);
AnshinMockResponse *anshin_mock_response_ref         (AnshinMockResponse  *self);
void                anshin_mock_response_unref       (AnshinMockResponse  *self);
void                anshin_mock_response_add_header  (AnshinMockResponse  *self,
                                                      const char          *name,
                                                      const char          *value);
const char         *anshin_mock_response_get_header  (AnshinMockResponse  *self,
                                                      const char          *name);
void                anshin_mock_response_apply       (AnshinMockResponse  *self,
                                                      SoupServerMessage   *msg);
char               *anshin_mock_json_to_string       (JsonNode            *node);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AnshinMockResponse, anshin_mock_response_unref)

G_END_DECLS
