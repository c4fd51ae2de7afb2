/* anshin-issuer-client-private.h
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The request machinery of AnshinIssuerClient, shared by the files that
 * implement its calls. Not for use outside app/issuer.
 */

#pragma once

#include <json-glib/json-glib.h>

#include "anshin-issuer-client.h"

G_BEGIN_DECLS

struct _AnshinIssuerClient
{
  GObject                 parent_instance;

  char                   *base_url;
  GUri                   *base_uri;
  SoupSession            *session;
  SoupSession            *events_session;
  SoupCookieJar          *cookie_jar;
  guint                   timeout;

  char                   *member_id;
  char                   *refresh_token;
  guint                   generation;
  gboolean                refreshing;
  GPtrArray              *refresh_waiters;

  GTimeSpan               clock_offset;
  /* monotonic time of the newest observation applied: an answer to a
   * request sent before it is older news (a clock.changed event can
   * overtake an answer that was already on its way) */
  gint64                  clock_seen_at;

  AnshinRegistrationForm *form;
  /* the form's token went with a submission whose answer was lost: a
   * retry of that submission sends it again (the same request) */
  gboolean                form_sent;
};

typedef enum {
  REQUEST_DEFAULT    = 0,
  /* a 401 is this call's answer, not a reason to refresh (session calls) */
  REQUEST_NO_REFRESH = 1 << 0,
} RequestFlags;

/* Maps a successful answer's root (NULL for an empty body) to the result. */
typedef gpointer (*AnshinIssuerMapFunc) (JsonNode  *root,
                                         GError   **error);

void                    anshin_issuer_client_request_async  (AnshinIssuerClient   *self,
                                                             const char           *method,
                                                             const char           *path,
                                                             JsonNode             *body,
                                                             const char           *idempotency_key,
                                                             RequestFlags          flags,
                                                             GCancellable         *cancellable,
                                                             GAsyncReadyCallback   callback,
                                                             gpointer              user_data);
JsonNode               *anshin_issuer_client_request_finish (AnshinIssuerClient   *self,
                                                             GAsyncResult         *result,
                                                             guint                *out_status,
                                                             GError              **error);

void                    anshin_issuer_client_call           (AnshinIssuerClient   *self,
                                                             gpointer              source_tag,
                                                             const char           *method,
                                                             const char           *path,
                                                             JsonNode             *body,
                                                             const char           *idempotency_key,
                                                             AnshinIssuerMapFunc   map_func,
                                                             GDestroyNotify        result_free,
                                                             GCancellable         *cancellable,
                                                             GAsyncReadyCallback   callback,
                                                             gpointer              user_data);
gpointer                anshin_issuer_client_call_finish    (AnshinIssuerClient   *self,
                                                             GAsyncResult         *result,
                                                             gpointer              source_tag,
                                                             GError              **error);

void                    anshin_issuer_client_note_issuer_time_header (AnshinIssuerClient *self,
                                                                      SoupMessage        *message,
                                                                      gint64              sent_at);
void                    anshin_issuer_client_note_issuer_time_at (AnshinIssuerClient *self,
                                                                  GDateTime          *issuer_time,
                                                                  gint64              seen_at);
void                    anshin_issuer_client_apply_session  (AnshinIssuerClient   *self,
                                                             AnshinIssuerSession  *session);
void                    anshin_issuer_client_forget_session (AnshinIssuerClient   *self);

GUri                   *anshin_issuer_client_peek_base_uri (AnshinIssuerClient *self);
SoupSession            *anshin_issuer_client_peek_events_session (AnshinIssuerClient *self);
void                    anshin_issuer_client_notify_refreshing (AnshinIssuerClient *self);
AnshinRegistrationForm *anshin_issuer_client_peek_form      (AnshinIssuerClient   *self);
void                    anshin_issuer_client_set_form       (AnshinIssuerClient   *self,
                                                             AnshinRegistrationForm *form);

G_END_DECLS
