/* anshin-mock-request.h
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One request as the route handlers see it: routed, authenticated and
 * parsed by AnshinMockServer before the handler runs.
 */

#pragma once

#include <libsoup/soup.h>

#include "anshin-mock-response.h"
#include "anshin-mock-state.h"

G_BEGIN_DECLS

typedef struct _AnshinMockServer AnshinMockServer;
typedef struct _AnshinMockRequest AnshinMockRequest;

typedef void (*AnshinMockHandler) (AnshinMockRequest *request);

typedef enum {
  ANSHIN_MOCK_ROUTE_SESSION    = 1 << 0, /* needs a session cookie */
  ANSHIN_MOCK_ROUTE_BODY       = 1 << 1, /* takes a JSON object */
  ANSHIN_MOCK_ROUTE_IDEMPOTENT = 1 << 2, /* needs Idempotency-Key */
  ANSHIN_MOCK_ROUTE_LOCK       = 1 << 3, /* refused while registration is locked */
  ANSHIN_MOCK_ROUTE_ADMIN      = 1 << 4, /* demo control: --admin, loopback only */
  ANSHIN_MOCK_ROUTE_WEBSOCKET  = 1 << 5, /* upgraded by libsoup after the handler */
} AnshinMockRouteFlags;

typedef struct
{
  const char           *method;
  const char           *pattern; /* at most one "{id}" segment */
  AnshinMockRouteFlags  flags;
  AnshinMockHandler     handler;
} AnshinMockRoute;

struct _AnshinMockRequest
{
  AnshinMockServer   *server;
  AnshinMockState    *state;
  SoupServerMessage  *msg;
  const char         *method;
  char               *path;
  GHashTable         *query;
  const AnshinMockRoute *route;
  char               *param;       /* the {id} of the path */
  AnshinMockMember   *member;      /* with ANSHIN_MOCK_ROUTE_SESSION */
  char               *session_id;
  GBytes             *raw_body;
  JsonObject         *body;        /* with ANSHIN_MOCK_ROUTE_BODY */
  GDateTime          *now;
  JsonArray          *invalid_fields;
  AnshinMockResponse *response;
  char               *idempotency_key;
  gint64              started;     /* monotonic, for the log */
  gboolean            changed;     /* the clock applied scheduled changes */
  int                 fault_kind;  /* AnshinMockFaultKind applied after the handler */
};

const char *anshin_mock_request_get_string   (AnshinMockRequest   *self,
                                              const char          *member);
gboolean    anshin_mock_request_get_int      (AnshinMockRequest   *self,
                                              const char          *member,
                                              gint64              *out_value);
gboolean    anshin_mock_request_get_boolean  (AnshinMockRequest   *self,
                                              const char          *member,
                                              gboolean            *out_value);
gboolean    anshin_mock_request_has_member   (AnshinMockRequest   *self,
                                              const char          *member);
gboolean    anshin_mock_request_check_fields (AnshinMockRequest   *self);
void        anshin_mock_request_reply        (AnshinMockRequest   *self,
                                              AnshinMockResponse  *response);
void        anshin_mock_request_reply_object (AnshinMockRequest   *self,
                                              guint                status,
                                              JsonObject          *object);
void        anshin_mock_request_reply_problem (AnshinMockRequest  *self,
                                              guint                status,
                                              const char          *code,
                                              const char          *detail,
                                              JsonObject          *extra);
void        anshin_mock_request_free         (AnshinMockRequest   *self);

/* Route tables, one per area (anshin-mock-api-*.c, anshin-mock-admin.c) */
const AnshinMockRoute *anshin_mock_api_session_routes (guint *n_routes);
const AnshinMockRoute *anshin_mock_api_card_routes    (guint *n_routes);
const AnshinMockRoute *anshin_mock_api_charge_routes  (guint *n_routes);
const AnshinMockRoute *anshin_mock_api_activity_routes (guint *n_routes);
const AnshinMockRoute *anshin_mock_admin_routes       (guint *n_routes);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AnshinMockRequest, anshin_mock_request_free)

G_END_DECLS
