/* test-issuer-url.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "anshin-issuer-url.h"

typedef struct {
  const char *url;
  gboolean allowed;
  int code;               /* when not allowed */
} UrlCase;

static void
test_issuer_url_policy (void)
{
  const UrlCase cases[] = {
    /* https is allowed anywhere */
    { "https://issuer.example", TRUE, 0 },
    { "https://issuer.example/", TRUE, 0 },
    { "https://issuer.example:8443/api/", TRUE, 0 },
    { "HTTPS://Issuer.Example", TRUE, 0 },
    { "https://203.0.113.7", TRUE, 0 },
    { "https://[2001:db8::1]:443", TRUE, 0 },
    { "https://カード.example", TRUE, 0 },
    { "https://xn--lckwg.example", TRUE, 0 },
    /* plain http only on this computer */
    { "http://127.0.0.1:8080", TRUE, 0 },
    { "http://127.0.0.1", TRUE, 0 },
    { "http://127.42.0.9:3000/", TRUE, 0 },
    { "http://[::1]:8080", TRUE, 0 },
    { "http://localhost:8080", TRUE, 0 },
    { "http://LOCALHOST", TRUE, 0 },
    { "http://issuer.example", FALSE, ANSHIN_ISSUER_URL_ERROR_INSECURE },
    { "http://192.168.1.10:8080", FALSE, ANSHIN_ISSUER_URL_ERROR_INSECURE },
    { "http://128.0.0.1", FALSE, ANSHIN_ISSUER_URL_ERROR_INSECURE },
    { "http://0.0.0.0:8080", FALSE, ANSHIN_ISSUER_URL_ERROR_INSECURE },
    { "http://[::2]:8080", FALSE, ANSHIN_ISSUER_URL_ERROR_INSECURE },
    { "http://localhost.issuer.example", FALSE, ANSHIN_ISSUER_URL_ERROR_INSECURE },
    { "http://127.0.0.1.issuer.example", FALSE, ANSHIN_ISSUER_URL_ERROR_INSECURE },
    /* not an issuer address at all */
    { "", FALSE, ANSHIN_ISSUER_URL_ERROR_EMPTY },
    { NULL, FALSE, ANSHIN_ISSUER_URL_ERROR_EMPTY },
    { "issuer.example", FALSE, ANSHIN_ISSUER_URL_ERROR_INVALID },
    { "/v1/card", FALSE, ANSHIN_ISSUER_URL_ERROR_INVALID },
    { "https://issuer example", FALSE, ANSHIN_ISSUER_URL_ERROR_INVALID },
    { " https://issuer.example", FALSE, ANSHIN_ISSUER_URL_ERROR_INVALID },
    { "https://issuer.example/v1 ", FALSE, ANSHIN_ISSUER_URL_ERROR_INVALID },
    { "https://issuer.example/a\tb", FALSE, ANSHIN_ISSUER_URL_ERROR_INVALID },
    { "https://issuer..example", FALSE, ANSHIN_ISSUER_URL_ERROR_INVALID },
    { "https://issuer_example", FALSE, ANSHIN_ISSUER_URL_ERROR_INVALID },
    { "https://[::1", FALSE, ANSHIN_ISSUER_URL_ERROR_INVALID },
    { "ftp://issuer.example", FALSE, ANSHIN_ISSUER_URL_ERROR_UNSUPPORTED_SCHEME },
    { "file:///etc/passwd", FALSE, ANSHIN_ISSUER_URL_ERROR_UNSUPPORTED_SCHEME },
    { "ws://127.0.0.1:8080", FALSE, ANSHIN_ISSUER_URL_ERROR_UNSUPPORTED_SCHEME },
    { "https:issuer.example", FALSE, ANSHIN_ISSUER_URL_ERROR_NO_HOST },
    { "https:///v1", FALSE, ANSHIN_ISSUER_URL_ERROR_NO_HOST },
    { "https://member:secret@issuer.example", FALSE, ANSHIN_ISSUER_URL_ERROR_HAS_CREDENTIALS },
    { "http://member@127.0.0.1:8080", FALSE, ANSHIN_ISSUER_URL_ERROR_HAS_CREDENTIALS },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gboolean allowed;

      g_test_message ("%s", cases[i].url ? cases[i].url : "(null)");
      allowed = anshin_issuer_url_is_allowed (cases[i].url, &error);

      if (cases[i].allowed)
        {
          g_assert_no_error (error);
          g_assert_true (allowed);
        }
      else
        {
          g_assert_false (allowed);
          g_assert_error (error, ANSHIN_ISSUER_URL_ERROR, cases[i].code);
          /* the message is the sentence the user sees */
          g_assert_cmpuint (strlen (error->message), >, 20);
        }
    }
}

static void
test_issuer_url_message_never_repeats_credentials (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (anshin_issuer_url_is_allowed ("https://member:hunter2@issuer.example",
                                                &error));
  g_assert_error (error, ANSHIN_ISSUER_URL_ERROR, ANSHIN_ISSUER_URL_ERROR_HAS_CREDENTIALS);
  g_assert_null (strstr (error->message, "hunter2"));
}

static void
test_issuer_url_null_error (void)
{
  /* callers that only need the answer may pass no error */
  g_assert_false (anshin_issuer_url_is_allowed ("http://issuer.example", NULL));
  g_assert_true (anshin_issuer_url_is_allowed ("https://issuer.example", NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/issuer-url/policy", test_issuer_url_policy);
  g_test_add_func ("/issuer-url/no-credentials-in-message",
                   test_issuer_url_message_never_repeats_credentials);
  g_test_add_func ("/issuer-url/null-error", test_issuer_url_null_error);

  return g_test_run ();
}
