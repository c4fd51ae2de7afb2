/* anshin-mock-server-private.h
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by anshin-mock-server.c (the object, logging, answers) and
 * anshin-mock-dispatch.c (routing, checks, faults). Not for use elsewhere.
 */

#pragma once

#include "anshin-mock-events.h"
#include "anshin-mock-listener.h"
#include "anshin-mock-server.h"

G_BEGIN_DECLS

typedef struct _AnshinMockLogEntry AnshinMockLogEntry;

struct _AnshinMockServer
{
  GObject             parent_instance;

  SoupServer         *soup;
  AnshinMockListener *listener;
  AnshinMockState    *state;
  AnshinMockFaults   *faults;
  AnshinMockEvents   *events;
  GMainContext       *context;
  GSource            *due_source;
  GSource            *flush_source;
  gint64              due_at;
  gint64              due_offset;
  char               *state_file;
  char               *url;
  char               *issuer_time;      /* Issuer-Time of issuer_time_unix */
  gint64              issuer_time_unix;
  gboolean            admin;
  gboolean            print_log;
  guint               port;

  GMutex              log_lock;
  AnshinMockLogEntry *log;              /* a ring of the last requests */
  guint               log_start;
  guint               log_length;
};

GArray     *anshin_mock_server_get_routes      (void);
gboolean    anshin_mock_server_route           (AnshinMockServer  *self,
                                                AnshinMockRequest *request);
gboolean    anshin_mock_server_is_loopback     (SoupServerMessage *msg);
void        anshin_mock_server_process         (AnshinMockServer  *self,
                                                AnshinMockRequest *request);
gboolean    anshin_mock_server_apply_fault     (AnshinMockServer  *self,
                                                AnshinMockRequest *request);
void        anshin_mock_server_steal_later     (AnshinMockServer  *self,
                                                AnshinMockRequest *request);
void        anshin_mock_server_finish          (AnshinMockServer  *self,
                                                AnshinMockRequest *request);
void        anshin_mock_server_log             (AnshinMockServer  *self,
                                                AnshinMockRequest *request,
                                                const char        *status);
const char *anshin_mock_server_get_issuer_time (AnshinMockServer  *self);
const char *anshin_mock_server_format_status   (guint              status,
                                                char              *buffer);
void        anshin_mock_server_flush_log       (AnshinMockServer  *self);
void        anshin_mock_server_free_log        (AnshinMockServer  *self);

G_END_DECLS
