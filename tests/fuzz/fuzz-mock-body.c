/* fuzz-mock-body.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libFuzzer target for the mock issuer's request-body handling: the mock
 * runs in-process (its sources compiled into this target, so that libFuzzer
 * sees their coverage) on loopback with a signed-in session, and each input
 * is sent as the body of one of the calls that take a body (the first byte
 * picks which). Whatever arrives, the mock answers, never with a 5xx, every
 * refusal is a problem+json document, and the mock keeps running.
 */

#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "anshin-mock-thread.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);
int LLVMFuzzerInitialize (int    *argc,
                          char ***argv);

static AnshinMockThread *mock;
static SoupSession *session;

static const struct {
  const char *method;
  const char *path;
  gboolean    idempotent_key;
} routes[] = {
  { "POST", "/v1/session/refresh", FALSE },
  { "PATCH", "/v1/card", FALSE },
  { "POST", "/v1/card/reissue", TRUE },
  { "POST", "/v1/charge-cards", TRUE },
  { "POST", "/v1/charge-cards/challenges/ch_1", TRUE },
  { "POST", "/v1/charges", TRUE },
  { "POST", "/v1/notices/ntc_1/read", FALSE },
};

static guint
send (const char *method,
      const char *path,
      const char *body,
      gsize       length,
      const char *key,
      char      **out_type)
{
  g_autofree char *url = g_strconcat (anshin_mock_thread_get_url (mock), path + 1, NULL);
  g_autoptr(SoupMessage) message = soup_message_new (method, url);
  g_autoptr(GBytes) request = g_bytes_new (body, length);
  g_autoptr(GBytes) answer = NULL;
  g_autoptr(GError) error = NULL;

  soup_message_set_request_body_from_bytes (message, "application/json", request);
  if (key != NULL)
    soup_message_headers_replace (soup_message_get_request_headers (message), "Idempotency-Key", key);

  answer = soup_session_send_and_read (session, message, NULL, &error);
  if (answer == NULL)
    {
      g_printerr ("The mock issuer did not answer: %s\n", error->message);
      abort ();
    }

  if (out_type != NULL)
    *out_type = g_strdup (soup_message_headers_get_content_type (soup_message_get_response_headers (message),
                                                                 NULL));
  return soup_message_get_status (message);
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SoupCookieJar) jar = soup_cookie_jar_new ();
  static const char sign_in[] = "{\"member_id\": \"demo\", \"password\": \"demo\"}";

  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);

  mock = anshin_mock_thread_start ("seed-story", FALSE, &error);
  if (mock == NULL)
    {
      g_printerr ("Cannot start the mock issuer: %s\n", error->message);
      abort ();
    }

  session = soup_session_new ();
  soup_session_add_feature (session, SOUP_SESSION_FEATURE (jar));
  if (send ("POST", "/v1/session", sign_in, strlen (sign_in), NULL, NULL) != 201)
    abort ();

  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *key = NULL;
  g_autofree char *type = NULL;
  guint route, status;

  if (size == 0)
    return 0;

  route = data[0] % G_N_ELEMENTS (routes);
  /* The second byte decides whether a key comes along, and which */
  if (routes[route].idempotent_key && size > 1)
    key = g_strdup_printf ("fuzz-%u", data[1] % 8);

  status = send (routes[route].method, routes[route].path, (const char *)data + 1, size - 1, key,
                 &type);

  /* Never a server error; every refusal is a problem document */
  if (status >= 500 || status < 200)
    abort ();
  if (status >= 400 && g_strcmp0 (type, "application/problem+json") != 0)
    abort ();

  /* Signed out (a refresh with a fuzzed token ends no session, but a
   * valid one replaces it): sign in again */
  if (status == 401 || route == 0)
    {
      static const char sign_in[] = "{\"member_id\": \"demo\", \"password\": \"demo\"}";

      status = send ("POST", "/v1/session", sign_in, strlen (sign_in), NULL, NULL);
      if (status != 201 && status != 429)
        abort ();
    }

  return 0;
}
