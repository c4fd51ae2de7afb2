/* test-mock-binary.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The anshin-mock-issuer program: its first line, its options, refusing
 * a non-loopback address, stopping cleanly on SIGTERM and SIGINT, and
 * `--state FILE`: surviving a restart, refusing a corrupt file untouched.
 * Listening on another address with --allow-remote, it refuses /admin to
 * clients that are not on loopback and serves them the issuer API (in a
 * network namespace the test makes, with documentation addresses).
 */

#include "config.h"

#include <netinet/in.h>
#include <signal.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>

#include <glib/gstdio.h>

#include "test-mock-util.h"

typedef struct
{
  GSubprocess      *process;
  GDataInputStream *out;
  char             *url;
} Issuer;

/* A failed assertion aborts the test: the issuer must not outlive it (and
 * keep the test's output open for meson). */
static void
die_with_test (gpointer data)
{
  prctl (PR_SET_PDEATHSIG, SIGTERM);
}

/* Starts the program with the arguments and reads its URL from the first
 * line. */
static void
issuer_spawn (Issuer     *issuer,
              const char *first_arg,
              ...)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;
  const char *arg;
  va_list ap;

  g_ptr_array_add (args, (gpointer)MOCK_ISSUER_PATH);
  va_start (ap, first_arg);
  for (arg = first_arg; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer)arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  g_subprocess_launcher_set_child_setup (launcher, die_with_test, NULL, NULL);
  issuer->process = g_subprocess_launcher_spawnv (launcher, (const char * const *)args->pdata, &error);
  g_assert_no_error (error);
  issuer->out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (issuer->process));

  line = g_data_input_stream_read_line_utf8 (issuer->out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (line);
  g_assert_true (g_str_has_prefix (line, "listening on http://"));
  g_assert_true (g_str_has_suffix (line, "/"));
  issuer->url = g_strdup (line + strlen ("listening on "));
}

static void
issuer_start (Issuer     *issuer,
              const char *state_file)
{
  issuer_spawn (issuer, "--admin", "--state", state_file, NULL);
  g_assert_true (g_str_has_prefix (issuer->url, "http://127.0.0.1:"));
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

/* An address can be up and still not bindable yet (IPv6 duplicate address
 * detection): that is the machine's state, not the issuer's fault. */
static gboolean
can_listen_on (const char *address)
{
  g_autoptr(GInetAddress) inet = g_inet_address_new_from_string (address);
  g_autoptr(GSocketAddress) socket_address = g_inet_socket_address_new (inet, 0);
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GError) error = NULL;

  socket = g_socket_new (g_inet_address_get_family (inet), G_SOCKET_TYPE_STREAM,
                         G_SOCKET_PROTOCOL_TCP, &error);
  if (socket == NULL || !g_socket_bind (socket, socket_address, TRUE, &error))
    {
      g_test_message ("cannot listen on %s: %s", address, error->message);
      return FALSE;
    }

  return TRUE;
}

static void
check_admin_refused_from (const char *address)
{
  g_autoptr(GInetAddress) inet = g_inet_address_new_from_string (address);
  g_autofree char *prefix = NULL;
  Issuer issuer = { NULL, };
  MockFixture fixture = { NULL, };

  g_test_message ("the mock issuer on %s, reached from %s", address, address);
  issuer_spawn (&issuer, "--admin", "--listen-address", address, "--allow-remote", NULL);
  if (g_inet_address_get_family (inet) == G_SOCKET_FAMILY_IPV6)
    prefix = g_strdup_printf ("http://[%s]:", address);
  else
    prefix = g_strdup_printf ("http://%s:", address);
  g_assert_true (g_str_has_prefix (issuer.url, prefix));
  client_for (&fixture, &issuer);

  /* The client's address is not loopback: the demo control, enabled
   * with --admin, is refused for every call. */
  {
    g_autoptr(MockReply) scenario = mock_get (&fixture, "/admin/scenario");
    g_autoptr(MockReply) clock = mock_request (&fixture, "POST", "/admin/clock",
                                               "{\"advance_seconds\": 86400}", NULL);
    g_autoptr(MockReply) step = mock_request (&fixture, "POST", "/admin/step", NULL, NULL);
    g_autoptr(MockReply) codes = mock_get (&fixture, "/admin/one-time-codes");

    mock_assert_problem (scenario, 403, "forbidden");
    mock_assert_problem (clock, 403, "forbidden");
    mock_assert_problem (step, 403, "forbidden");
    mock_assert_problem (codes, 403, "forbidden");
    g_assert_null (strstr (scenario->text, "\"steps\""));
  }

  /* The issuer API itself is served to that client, and the refused calls
   * changed nothing: the issuer clock is still on the story's first day. */
  {
    g_autoptr(MockReply) login = mock_request (&fixture, "POST", "/v1/session",
                                               "{\"member_id\": \"demo\", \"password\": \"demo\"}", NULL);
    g_autoptr(MockReply) card = mock_get (&fixture, "/v1/card");
    const char *issuer_time = soup_message_headers_get_one (card->headers, "Issuer-Time");

    g_assert_cmpuint (login->status, ==, 201);
    g_assert_cmpuint (card->status, ==, 200);
    g_assert_cmpstr (mock_reply_string (card, "state"), ==, "active");
    g_assert_true (g_str_has_prefix (issuer_time, "2025-08-30T"));
  }

  issuer_stop (&issuer, SIGTERM);
  mock_fixture_stop (&fixture);
}

/* The documentation addresses (RFC 5737, RFC 3849) the test gives itself
 * in its own network namespace: never this machine's, never routed. */
static const char * const remote_addresses[] = { "192.0.2.1", "2001:db8::1" };

#define NETNS_SETUP \
  "set -e\n" \
  "ip link set lo up\n" \
  "# a dummy interface where the kernel has them, else loopback's own\n" \
  "if ip link add anshin0 type dummy 2>/dev/null; then dev=anshin0; ip link set anshin0 up;\n" \
  "else dev=lo; fi\n" \
  "ip addr add 192.0.2.1/32 dev $dev\n" \
  "ip -6 addr add 2001:db8::1/128 dev $dev nodad\n" \
  "ANSHIN_TEST_NETNS=$dev exec \"$1\" -p /mock/binary/admin-refuses-remote-client\n"

/* The mock issuer listening on a non-loopback address (--allow-remote)
 * and reached from one: in a network namespace the test makes (unshare
 * --net), where the addresses above are the only non-loopback ones, and
 * the traffic never leaves it. The test runs itself again in there. */
static void
test_admin_refuses_remote_client (void)
{
  const char *inside = g_getenv ("ANSHIN_TEST_NETNS");
  g_autofree char *self = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (inside != NULL)
    {
      g_test_message ("in a network namespace, addresses on %s", inside);
      for (guint i = 0; i < G_N_ELEMENTS (remote_addresses); i++)
        {
          g_assert_true (can_listen_on (remote_addresses[i]));
          check_admin_refused_from (remote_addresses[i]);
        }
      return;
    }

  self = g_file_read_link ("/proc/self/exe", &error);
  g_assert_no_error (error);
  {
    const char *argv[] = { "unshare", "--net", "--", "sh", "-c", NETNS_SETUP, "sh", self, NULL };

    g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err,
                  &status, &error);
  }
  g_assert_no_error (error);
  g_test_message ("in the namespace:\n%s%s", out, err);
  /* It ran there and passed (unshare needs CAP_SYS_ADMIN: ./run test runs as root) */
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (out, "ok 1 /mock/binary/admin-refuses-remote-client"));
  g_assert_null (strstr (out, "# SKIP"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/mock/binary/options", test_options);
  g_test_add_func ("/mock/binary/state-survives-restart", test_state_survives_restart);
  g_test_add_func ("/mock/binary/corrupt-state-refused", test_corrupt_state_refused);
  g_test_add_func ("/mock/binary/admin-refuses-remote-client", test_admin_refuses_remote_client);

  return g_test_run ();
}
