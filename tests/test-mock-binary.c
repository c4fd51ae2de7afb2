/* test-mock-binary.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The anshin-mock-issuer program: its first line, its options, refusing
 * a non-loopback address, stopping cleanly on SIGTERM and SIGINT, and
 * `--state FILE`: surviving a restart, refusing a corrupt file untouched.
 */

#include "config.h"

#include <signal.h>
#include <string.h>

#include <glib/gstdio.h>

#include "test-mock-util.h"

typedef struct
{
  GSubprocess      *process;
  GDataInputStream *out;
  char             *url;
} Issuer;

static GSubprocess *
spawn (GSubprocessFlags   flags,
       GError           **error,
       ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  const char *arg;
  va_list ap;

  g_ptr_array_add (args, (gpointer)MOCK_ISSUER_PATH);
  va_start (ap, error);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (args, (gpointer)arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  return g_subprocess_newv ((const char * const *)args->pdata, flags, error);
}

static void
issuer_start (Issuer     *issuer,
              const char *state_file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;

  issuer->process = spawn (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                           "--admin", "--state", state_file, NULL);
  g_assert_no_error (error);
  issuer->out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (issuer->process));

  line = g_data_input_stream_read_line_utf8 (issuer->out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (line);
  g_assert_true (g_str_has_prefix (line, "listening on http://127.0.0.1:"));
  g_assert_true (g_str_has_suffix (line, "/"));
  issuer->url = g_strdup (line + strlen ("listening on "));
}

static void
issuer_stop (Issuer *issuer,
             int     signum)
{
  g_autoptr(GError) error = NULL;

  g_subprocess_send_signal (issuer->process, signum);
  g_subprocess_wait (issuer->process, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (issuer->process));
  g_assert_cmpint (g_subprocess_get_exit_status (issuer->process), ==, 0);

  g_clear_object (&issuer->out);
  g_clear_object (&issuer->process);
  g_clear_pointer (&issuer->url, g_free);
}

/* A fixture pointed at the process rather than a thread */
static void
client_for (MockFixture *fixture,
            Issuer      *issuer)
{
  fixture->url = g_strdup (issuer->url);
  fixture->session = soup_session_new ();
  fixture->jar = soup_cookie_jar_new ();
  soup_session_add_feature (fixture->session, SOUP_SESSION_FEATURE (fixture->jar));
}

static char *
run (const char *first,
     ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  const char *arg;
  va_list ap;

  g_ptr_array_add (args, (gpointer)MOCK_ISSUER_PATH);
  va_start (ap, first);
  for (arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer)arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  process = g_subprocess_newv ((const char * const *)args->pdata,
                               G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_MERGE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, NULL, &error);
  g_assert_no_error (error);

  return out;
}

static void
test_options (void)
{
  g_autofree char *list = run ("--list-scenarios", NULL);
  g_autofree char *version = run ("--version", NULL);
  g_autofree char *remote = run ("--listen-address", "0.0.0.0", NULL);
  g_autofree char *unknown = run ("--scenario", "no-such-story", NULL);

  g_assert_nonnull (strstr (list, "seed-story\t"));
  g_assert_nonnull (strstr (list, "renewal-smooth\t"));
  g_assert_nonnull (strstr (list, "virtual-only\t"));
  g_assert_nonnull (strstr (list, "unexpected-activation\t"));
  g_assert_nonnull (strstr (list, "locked-out\t"));
  g_assert_cmpstr (version, ==, "anshin-mock-issuer " PACKAGE_VERSION "\n");
  g_assert_nonnull (strstr (remote, "--allow-remote"));
  g_assert_null (strstr (remote, "listening on"));
  g_assert_nonnull (strstr (unknown, "no-such-story"));
}

static void
test_state_survives_restart (void)
{
  g_autofree char *dir = g_dir_make_tmp ("anshin-mock-XXXXXX", NULL);
  g_autofree char *state_file = g_build_filename (dir, "state.json", NULL);
  Issuer issuer = { NULL, };
  MockFixture fixture = { NULL, };
  g_autofree char *key = mock_next_key ();
  g_autofree char *line = NULL;
  g_autofree char *refresh_token = NULL;
  g_autofree char *refresh_json = NULL;
  g_autoptr(GError) error = NULL;

  issuer_start (&issuer, state_file);
  client_for (&fixture, &issuer);
  mock_set_clock (&fixture, "2025-12-02T10:00:00+09:00");
  {
    g_autoptr(MockReply) login = mock_request (&fixture, "POST", "/v1/session",
                                               "{\"member_id\": \"demo\", \"password\": \"demo\"}", NULL);

    g_assert_cmpuint (login->status, ==, 201);
    refresh_token = g_strdup (mock_reply_string (login, "refresh_token"));
  }
  {
    g_autoptr(MockReply) frozen = mock_request (&fixture, "PATCH", "/v1/card", "{\"state\": \"frozen\"}", NULL);

    g_assert_cmpuint (frozen->status, ==, 200);
  }

  /* one log line per request, without cookies or bodies */
  line = g_data_input_stream_read_line_utf8 (issuer.out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (line, "POST /admin/clock 200 "));
  g_assert_true (g_str_has_suffix (line, "ms"));

  issuer_stop (&issuer, SIGTERM);
  mock_fixture_stop (&fixture);
  g_assert_true (g_file_test (state_file, G_FILE_TEST_IS_REGULAR));

  /* restarted with the same file, it continues where it stopped, and the
   * app's stored refresh token still signs it in */
  issuer_start (&issuer, state_file);
  client_for (&fixture, &issuer);
  refresh_json = g_strdup_printf ("{\"refresh_token\": \"%s\"}", refresh_token);
  {
    g_autoptr(MockReply) refreshed = mock_request (&fixture, "POST", "/v1/session/refresh", refresh_json, NULL);

    g_assert_cmpuint (refreshed->status, ==, 201);
  }
  {
    g_autoptr(MockReply) card = mock_get (&fixture, "/v1/card");
    g_autoptr(MockReply) notices = mock_get (&fixture, "/v1/notices");
    g_autoptr(MockReply) scenario = mock_get (&fixture, "/admin/scenario");

    g_assert_cmpstr (mock_reply_string (card, "state"), ==, "frozen");
    g_assert_cmpint (json_object_get_int_member (mock_reply_object (card), "exp_year"), ==, 2030);
    g_assert_nonnull (strstr (notices->text, "card_frozen"));
    g_assert_cmpint (mock_reply_int (scenario, "current_step"), ==, 4);
    g_assert_true (g_str_has_prefix (mock_reply_string (scenario, "issuer_time"), "2025-12-02T10:0"));
  }
  issuer_stop (&issuer, SIGINT);
  mock_fixture_stop (&fixture);

  g_remove (state_file);
  g_rmdir (dir);
}

static void
test_corrupt_state_refused (void)
{
  g_autofree char *dir = g_dir_make_tmp ("anshin-mock-XXXXXX", NULL);
  g_autofree char *state_file = g_build_filename (dir, "state.json", NULL);
  const char *corrupt = "{\"format\": \"anshin-mock-issuer-state\", \"version\": 1, \"members\": [";
  const char *incomplete = "{\"format\": \"anshin-mock-issuer-state\", \"version\": 1, "
                           "\"scenario\": \"seed-story\", \"issuer_time\": \"2025-09-01T00:00:00+09:00\", "
                           "\"members\": [{\"member_id\": \"demo\", \"card\": 5}]}";
  const char *contents[] = { corrupt, incomplete, "" };

  for (guint i = 0; i < G_N_ELEMENTS (contents); i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *after = NULL;

      g_assert_true (g_file_set_contents (state_file, contents[i], -1, NULL));
      out = run ("--state", state_file, NULL);
      g_assert_nonnull (strstr (out, "state file"));
      g_assert_null (strstr (out, "listening on"));

      /* never silently replaced */
      g_assert_true (g_file_get_contents (state_file, &after, NULL, NULL));
      g_assert_cmpstr (after, ==, contents[i]);
    }

  g_remove (state_file);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/mock/binary/options", test_options);
  g_test_add_func ("/mock/binary/state-survives-restart", test_state_survives_restart);
  g_test_add_func ("/mock/binary/corrupt-state-refused", test_corrupt_state_refused);

  return g_test_run ();
}
