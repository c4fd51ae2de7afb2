/* test-mock-util.h
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by the mock issuer's tests: the server runs on its own thread
 * (AnshinMockThread) and the test talks to it over real HTTP on loopback
 * with a blocking SoupSession that keeps cookies like a browser.
 */

#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "anshin-mock-thread.h"

G_BEGIN_DECLS

typedef struct
{
  AnshinMockThread *thread;
  SoupSession      *session;
  SoupCookieJar    *jar;
  char             *url;
} MockFixture;

typedef struct
{
  guint               status;
  SoupMessageHeaders *headers;
  char               *text;
  JsonNode           *body;
} MockReply;

void        mock_fixture_start      (MockFixture *fixture,
                                     const char  *scenario);
void        mock_fixture_stop       (MockFixture *fixture);
void        mock_fixture_set_up     (MockFixture *fixture,
                                     gconstpointer data);
void        mock_fixture_tear_down  (MockFixture *fixture,
                                     gconstpointer data);
MockReply  *mock_request            (MockFixture *fixture,
                                     const char  *method,
                                     const char  *path,
                                     const char  *json,
                                     const char  *idempotency_key);
MockReply  *mock_get                (MockFixture *fixture,
                                     const char  *path);
void        mock_reply_free         (MockReply   *reply);
JsonObject *mock_reply_object       (MockReply   *reply);
const char *mock_reply_code         (MockReply   *reply);
const char *mock_reply_string       (MockReply   *reply,
                                     const char  *member);
gint64      mock_reply_int          (MockReply   *reply,
                                     const char  *member);
void        mock_assert_problem     (MockReply   *reply,
                                     guint        status,
                                     const char  *code);
void        mock_login              (MockFixture *fixture);
void        mock_forget_cookies     (MockFixture *fixture);
void        mock_set_clock          (MockFixture *fixture,
                                     const char  *rfc3339);
void        mock_advance_clock      (MockFixture *fixture,
                                     gint64       seconds);
char       *mock_issuer_time        (MockFixture *fixture);
JsonObject *mock_find_network       (MockFixture *fixture,
                                     const char  *id);
char       *mock_next_key           (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MockReply, mock_reply_free)

#define MOCK_TEST(path, func) \
  g_test_add ((path), MockFixture, NULL, mock_fixture_set_up, (func), mock_fixture_tear_down)
#define MOCK_TEST_SCENARIO(path, scenario, func) \
  g_test_add ((path), MockFixture, (scenario), mock_fixture_set_up, (func), mock_fixture_tear_down)

G_END_DECLS
