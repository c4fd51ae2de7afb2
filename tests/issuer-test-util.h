/* issuer-test-util.h
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Helpers shared by the issuer tests: waiting for async results and
 * driving the mock issuer's /admin endpoints over real HTTP.
 */

#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "anshin-issuer-client.h"
#include "anshin-mock-thread.h"

G_BEGIN_DECLS

/* The mock issuer on loopback and a client of it; the scenario is the
 * test's data (NULL: seed-story). The client's refresh tokens are counted. */
typedef struct {
  AnshinMockThread   *mock;
  const char         *url;
  AnshinIssuerClient *client;
  char               *last_token;
  guint               token_changes;
} IssuerTestFixture;

void          issuer_test_fixture_set_up           (IssuerTestFixture *fixture,
                                                    gconstpointer      scenario);
void          issuer_test_fixture_set_up_signed_in (IssuerTestFixture *fixture,
                                                    gconstpointer      scenario);
void          issuer_test_fixture_tear_down        (IssuerTestFixture *fixture,
                                                    gconstpointer      scenario);
void          issuer_test_sign_in                  (AnshinIssuerClient *client);
AnshinCard   *issuer_test_get_card                 (AnshinIssuerClient *client,
                                                    GCancellable       *cancellable,
                                                    GError            **error);

void          issuer_test_on_result_cb   (GObject       *object,
                                          GAsyncResult  *result,
                                          gpointer       user_data);
GAsyncResult *issuer_test_wait           (GAsyncResult **slot);
void          issuer_test_wait_until     (gboolean      *condition,
                                          guint          timeout_ms);

JsonNode     *issuer_test_http           (const char    *base_url,
                                          SoupSession   *session,
                                          const char    *method,
                                          const char    *path,
                                          const char    *json_body,
                                          const char    *idempotency_key,
                                          guint         *out_status);
GDateTime    *issuer_test_advance_clock  (const char    *base_url,
                                          gint64         seconds);
void          issuer_test_add_fault      (const char    *base_url,
                                          const char    *path_prefix,
                                          const char    *kind,
                                          guint          status,
                                          guint          delay_ms,
                                          guint          count);
GHashTable   *issuer_test_dup_one_time_codes (const char *base_url);
char         *issuer_test_one_time_code  (const char    *base_url,
                                          const char    *challenge_id);
void          issuer_test_assert_finalized_soon (gpointer object);
gboolean      issuer_test_log_contains   (const char * const *log,
                                          const char    *line);
guint         issuer_test_log_count      (const char * const *log,
                                          const char    *prefix);

/* A loopback TCP forwarder to an issuer that a test can take down (every
 * connection closed, new ones refused) and bring back at the same address. */
typedef struct _IssuerTestProxy IssuerTestProxy;

IssuerTestProxy *issuer_test_proxy_new      (const char      *target_url);
const char      *issuer_test_proxy_get_url  (IssuerTestProxy *proxy);
void             issuer_test_proxy_set_down (IssuerTestProxy *proxy,
                                             gboolean         down);
void             issuer_test_proxy_free     (IssuerTestProxy *proxy);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IssuerTestProxy, issuer_test_proxy_free)

GObject         *issuer_test_listen_local   (SoupServer      *server,
                                             GTlsCertificate *certificate,
                                             char           **out_url);

G_END_DECLS
