/* test-secrets-scan.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The secrets scan: a child process runs the app's flows (sign in, load
 * everything, register the test card 5555555555554444 with its security
 * code, answer 3-D Secure, resume the session with the refresh token, sign
 * out) against the mock issuer with G_MESSAGES_DEBUG=all, so that the
 * client's libsoup header logging is on. A pass-through front between the
 * two records the secrets the issuer handed out (session cookies, refresh
 * tokens). Then every byte the child printed and every file under its XDG
 * config, cache, data and state directories is searched for the card
 * number (plain, grouped with spaces or dashes), the security code as a
 * token, the password, each refresh token and each session cookie: any
 * hit fails.
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "anshin-account.h"
#include "anshin-issuer-client.h"
#include "anshin-mock-thread.h"

#include "issuer-test-util.h"
#include "secrets-scan-files.h"

#define CARD_NUMBER "5555555555554444"
#define CARD_CVC    "737"
#define MEMBER_ID   "m_81234567"
#define PASSWORD    "Kiwi-Lantern-4417!"

/* The child: the flows, through a recording front */

typedef struct {
  const char  *mock_url;
  SoupSession *forward;
  GPtrArray   *secrets;
} Front;

static void
record_secrets (Front              *front,
                SoupMessageHeaders *headers,
                GBytes             *body)
{
  const char *cookie = soup_message_headers_get_one (headers, "Set-Cookie");
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;

  if (cookie != NULL && g_str_has_prefix (cookie, "issuer_session="))
    {
      const char *value = cookie + strlen ("issuer_session=");
      const char *end = strchr (value, ';');

      if (end != value)
        g_ptr_array_add (front->secrets, g_strndup (value, end != NULL ? (gsize)(end - value) : strlen (value)));
    }

  if (body == NULL || g_bytes_get_size (body) == 0 ||
      !json_parser_load_from_data (parser, g_bytes_get_data (body, NULL), g_bytes_get_size (body), NULL))
    return;

  root = json_parser_get_root (parser);
  if (JSON_NODE_HOLDS_OBJECT (root) &&
      json_object_has_member (json_node_get_object (root), "refresh_token"))
    g_ptr_array_add (front->secrets,
                     g_strdup (json_object_get_string_member (json_node_get_object (root),
                                                              "refresh_token")));
}

static void
copy_header (const char *name,
             const char *value,
             gpointer    user_data)
{
  if (g_ascii_strcasecmp (name, "Connection") == 0 ||
      g_ascii_strcasecmp (name, "Content-Length") == 0 ||
      g_ascii_strcasecmp (name, "Transfer-Encoding") == 0 ||
      g_ascii_strcasecmp (name, "Host") == 0)
    return;

  soup_message_headers_append (user_data, name, value);
}

static void
on_front_request_cb (SoupServer        *server,
                     SoupServerMessage *msg,
                     const char        *path,
                     GHashTable        *query,
                     gpointer           user_data)
{
  Front *front = user_data;
  GUri *uri = soup_server_message_get_uri (msg);
  g_autofree char *url = NULL;
  g_autoptr(SoupMessage) forwarded = NULL;
  g_autoptr(GBytes) request_body = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;

  url = g_strdup_printf ("%s%s%s%s", front->mock_url, path + 1,
                         g_uri_get_query (uri) != NULL ? "?" : "",
                         g_uri_get_query (uri) != NULL ? g_uri_get_query (uri) : "");
  forwarded = soup_message_new (soup_server_message_get_method (msg), url);
  soup_message_headers_foreach (soup_server_message_get_request_headers (msg), copy_header,
                                soup_message_get_request_headers (forwarded));
  request_body = soup_message_body_flatten (soup_server_message_get_request_body (msg));
  if (g_bytes_get_size (request_body) > 0)
    soup_message_set_request_body_from_bytes (forwarded, NULL, request_body);

  /* The mock runs on its own thread: a blocking forward is fine here. */
  body = soup_session_send_and_read (front->forward, forwarded, NULL, &error);
  g_assert_no_error (error);
  record_secrets (front, soup_message_get_response_headers (forwarded), body);

  soup_server_message_set_status (msg, soup_message_get_status (forwarded), NULL);
  soup_message_headers_foreach (soup_message_get_response_headers (forwarded), copy_header,
                                soup_server_message_get_response_headers (msg));
  if (g_bytes_get_size (body) > 0)
    soup_message_body_append_bytes (soup_server_message_get_response_body (msg), body);
}

static void
on_refresh_token_changed_cb (AnshinIssuerClient *client,
                             const char         *token,
                             char              **latest)
{
  g_free (*latest);
  *latest = g_strdup (token);
}

static void
run_flows (AnshinIssuerClient *client,
           AnshinAccount      *account,
           const char         *mock_url)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AnshinRegistrationForm) form = NULL;
  g_autoptr(AnshinChargeCardDetails) details = NULL;
  g_autoptr(AnshinChargeCard) card = NULL;
  g_autoptr(AnshinChallenge) challenge = NULL;
  g_autoptr(AnshinIssuerSession) resumed = NULL;
  g_autofree char *latest_token = NULL;
  g_autofree char *submission = anshin_issuer_client_new_idempotency_key ();

  g_signal_connect (client, "refresh-token-changed", G_CALLBACK (on_refresh_token_changed_cb),
                    &latest_token);

  /* Sign in: the password goes out, the refresh token into the keyring */
  anshin_account_sign_in_async (account, MEMBER_ID, PASSWORD, NULL, issuer_test_on_result_cb, &result);
  anshin_account_sign_in_finish (account, issuer_test_wait (&result), &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  g_assert_nonnull (anshin_account_get_card (account));

  /* Register the charge card, answering 3-D Secure if asked */
  anshin_issuer_client_get_registration_form_async (client, NULL, issuer_test_on_result_cb, &result);
  form = anshin_issuer_client_get_registration_form_finish (client, issuer_test_wait (&result), &error);
  g_assert_no_error (error);
  g_clear_object (&result);

  details = anshin_charge_card_details_new (CARD_NUMBER, 12, 2030, CARD_CVC, "TARO YAMADA");
  anshin_issuer_client_register_charge_card_async (client, details, submission, NULL,
                                                   issuer_test_on_result_cb, &result);
  anshin_issuer_client_register_charge_card_finish (client, issuer_test_wait (&result), &card,
                                                    &challenge, &error);
  g_assert_no_error (error);
  g_clear_object (&result);

  if (challenge != NULL)
    {
      g_autofree char *code = issuer_test_one_time_code (mock_url, challenge->id);
      g_autofree char *key = anshin_issuer_client_new_idempotency_key ();

      anshin_issuer_client_complete_challenge_async (client, challenge->id, code, key, NULL,
                                                     issuer_test_on_result_cb, &result);
      card = anshin_issuer_client_complete_challenge_finish (client, issuer_test_wait (&result),
                                                             &error);
      g_assert_no_error (error);
      g_clear_object (&result);
    }
  g_assert_nonnull (card);

  /* Resume with the refresh token, as the next start would, and reload */
  g_assert_nonnull (latest_token);
  {
    g_autofree char *token = g_strdup (latest_token);

    anshin_issuer_client_resume_async (client, token, NULL, issuer_test_on_result_cb, &result);
    resumed = anshin_issuer_client_resume_finish (client, issuer_test_wait (&result), &error);
    g_assert_no_error (error);
    g_clear_object (&result);
  }

  anshin_account_refresh_async (account, NULL, issuer_test_on_result_cb, &result);
  anshin_account_refresh_finish (account, issuer_test_wait (&result), &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  g_assert_cmpuint (g_list_model_get_n_items (anshin_account_get_charge_cards (account)), >, 0);

  /* What the app keeps on disk while signed in (sign-out deletes it),
   * once the offline cache, written in the background, is there */
  {
    gint64 deadline = g_get_monotonic_time () + 5 * G_TIME_SPAN_SECOND;

    while (secrets_scan_count_files (g_getenv ("ANSHIN_SCAN_XDG")) == 0 && g_get_monotonic_time () < deadline)
      {
        g_main_context_iteration (NULL, FALSE);
        g_usleep (10 * 1000);
      }
    g_assert_cmpuint (secrets_scan_count_files (g_getenv ("ANSHIN_SCAN_XDG")), >, 0);
  }
  {
    guint tries = 0;

    /* the account may still be writing: copy again until a copy is whole */
    while (!secrets_scan_copy_tree (g_getenv ("ANSHIN_SCAN_XDG"), g_getenv ("ANSHIN_SCAN_SNAPSHOT")))
      {
        g_assert_cmpuint (++tries, <, 50);
        g_main_context_iteration (NULL, FALSE);
        g_usleep (20 * 1000);
      }
  }

  anshin_account_sign_out_async (account, NULL, issuer_test_on_result_cb, &result);
  anshin_account_sign_out_finish (account, issuer_test_wait (&result), &error);
  g_assert_no_error (error);
  g_clear_object (&result);

  g_signal_handlers_disconnect_by_data (client, &latest_token);
}

static int
child_main (const char *scenario_file,
            const char *secrets_file)
{
  g_autoptr(AnshinMockThread) mock = NULL;
  g_autoptr(SoupServer) server = soup_server_new (NULL, NULL);
  g_autoptr(GObject) listener = NULL;
  g_autoptr(AnshinIssuerClient) client = NULL;
  g_autoptr(AnshinAccount) account = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *front_url = NULL;
  g_autoptr(GString) known = g_string_new (NULL);
  Front front = { NULL, };

  mock = anshin_mock_thread_start (scenario_file, TRUE, &error);
  g_assert_no_error (error);
  front.mock_url = anshin_mock_thread_get_url (mock);
  front.forward = soup_session_new ();
  front.secrets = g_ptr_array_new_with_free_func (g_free);

  soup_server_add_handler (server, NULL, on_front_request_cb, &front, NULL);
  listener = issuer_test_listen_local (server, NULL, &front_url);

  client = anshin_issuer_client_new (front_url, &error);
  g_assert_no_error (error);
  account = anshin_account_new (client);

  run_flows (client, account, front.mock_url);

  /* Outside the scanned directories, not on the scanned output */
  for (guint i = 0; i < front.secrets->len; i++)
    g_string_append_printf (known, "%s\n", (char *)g_ptr_array_index (front.secrets, i));
  g_file_set_contents (secrets_file, known->str, known->len, &error);
  g_assert_no_error (error);

  g_clear_object (&account);
  g_clear_object (&client);
  soup_server_disconnect (server);
  g_ptr_array_unref (front.secrets);
  g_object_unref (front.forward);

  return 0;
}

/* The parent: run the child, then search */

typedef struct {
  const char *what;
  char       *text;
  gboolean    token;   /* a hit needs no digit or letter on either side */
} Needle;

static gboolean
is_word_char (char c)
{
  return g_ascii_isalnum (c);
}

/* Numbers that a short code can collide with and that carry nothing
 * typed: the milliseconds of a log line's time ("06:58:15.737") and a
 * Content-Length header */
static gboolean
is_log_number (const char *haystack,
               gsize       offset)
{
  static const char length_header[] = "Content-Length: ";
  gsize header_length = sizeof length_header - 1;

  if (offset >= 4 && haystack[offset - 1] == '.' && g_ascii_isdigit (haystack[offset - 2]) &&
      g_ascii_isdigit (haystack[offset - 3]) && haystack[offset - 4] == ':')
    return TRUE;

  return offset >= header_length &&
         g_ascii_strncasecmp (haystack + offset - header_length, length_header, header_length) == 0;
}

static const char *
find_needle (const char   *haystack,
             gsize         length,
             const Needle *needle)
{
  gsize needle_length = strlen (needle->text);

  if (needle_length == 0 || needle_length > length)
    return NULL;

  for (gsize i = 0; i + needle_length <= length; i++)
    {
      if (memcmp (haystack + i, needle->text, needle_length) != 0)
        continue;
      if (needle->token &&
          ((i > 0 && is_word_char (haystack[i - 1])) ||
           (i + needle_length < length && is_word_char (haystack[i + needle_length])) ||
           is_log_number (haystack, i)))
        continue;
      return haystack + i;
    }

  return NULL;
}

static guint
scan (const char *where,
      const char *data,
      gsize       length,
      GArray     *needles)
{
  guint hits = 0;

  for (guint i = 0; i < needles->len; i++)
    {
      const Needle *needle = &g_array_index (needles, Needle, i);
      const char *hit = find_needle (data, length, needle);

      if (hit != NULL)
        {
          g_test_message ("%s holds %s at byte %" G_GSIZE_FORMAT, where, needle->what,
                          (gsize)(hit - data));
          hits++;
        }
    }

  return hits;
}

static guint
scan_tree (const char *path,
           GArray     *needles,
           guint      *n_files)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;
  guint hits = 0;

  if (dir == NULL)
    return 0;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        continue;
      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        hits += scan_tree (child, needles, n_files);
      else if (g_file_test (child, G_FILE_TEST_IS_REGULAR))
        {
          g_autofree char *contents = NULL;
          gsize length = 0;
          g_autoptr(GError) error = NULL;

          g_file_get_contents (child, &contents, &length, &error);
          g_assert_no_error (error);
          hits += scan (child, contents, length, needles);
          (*n_files)++;
        }
    }

  return hits;
}

static void
add_needle (GArray     *needles,
            const char *what,
            const char *text,
            gboolean    token)
{
  Needle needle = { what, g_strdup (text), token };

  g_array_append_val (needles, needle);
}

static void
needle_clear (gpointer data)
{
  g_free (((Needle *)data)->text);
}

static char *
write_scenario (const char *dir)
{
  g_autofree char *seed = g_build_filename (g_getenv ("ANSHIN_SCENARIOS_DIR"), "seed-story.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, "secret-story.json", NULL);
  JsonObject *member;

  json_parser_load_from_file (parser, seed, &error);
  g_assert_no_error (error);
  member = json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)),
                                          "member");
  g_assert_nonnull (member);
  /* A password that cannot be mistaken for anything else in the output */
  json_object_set_string_member (member, "member_id", MEMBER_ID);
  json_object_set_string_member (member, "password", PASSWORD);

  json_generator_set_root (generator, json_parser_get_root (parser));
  json_generator_to_file (generator, path, &error);
  g_assert_no_error (error);

  return path;
}

static void
test_secrets_scan (void)
{
  g_autofree char *dir = g_dir_make_tmp ("anshin-secrets-XXXXXX", NULL);
  g_autofree char *scenario = write_scenario (dir);
  g_autofree char *secrets_file = g_build_filename (dir, "known-secrets", NULL);
  g_autofree char *xdg = g_build_filename (dir, "xdg", NULL);
  g_autofree char *snapshot = g_build_filename (dir, "xdg-signed-in", NULL);
  g_autofree char *self = g_test_build_filename (G_TEST_BUILT, "test-secrets-scan", NULL);
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GBytes) output = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *known = NULL;
  g_auto(GStrv) secrets = NULL;
  g_autoptr(GArray) needles = g_array_new (FALSE, TRUE, sizeof (Needle));
  const char *homes[] = { "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME" };
  guint n_cookies = 0, n_tokens = 0, n_files = 0, hits;
  gsize length;
  const char *data;

  g_array_set_clear_func (needles, needle_clear);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_MERGE);
  g_subprocess_launcher_setenv (launcher, "G_MESSAGES_DEBUG", "all", TRUE);
  g_subprocess_launcher_setenv (launcher, "LIBSOUP_DEBUG", "all", TRUE);
  g_subprocess_launcher_setenv (launcher, "ANSHIN_SCAN_XDG", xdg, TRUE);
  g_subprocess_launcher_setenv (launcher, "ANSHIN_SCAN_SNAPSHOT", snapshot, TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (homes); i++)
    {
      g_autofree char *home = g_build_filename (xdg, homes[i] + strlen ("XDG_"), NULL);

      g_assert_cmpint (g_mkdir_with_parents (home, 0700), ==, 0);
      g_subprocess_launcher_setenv (launcher, homes[i], home, TRUE);
    }

  child = g_subprocess_launcher_spawn (launcher, &error, self, "--child", scenario, secrets_file, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate (child, NULL, NULL, &output, NULL, &error);
  g_assert_no_error (error);
  data = g_bytes_get_data (output, &length);

  if (!g_subprocess_get_if_exited (child) || g_subprocess_get_exit_status (child) != 0)
    {
      g_test_message ("%.*s", (int)MIN (length, 20000), data);
      g_test_fail_printf ("the flows failed");
      return;
    }

  /* Debug logging was on: the client logged its requests' headers */
  g_assert_nonnull (g_strstr_len (data, length, "POST /v1/charge-cards"));

  g_file_get_contents (secrets_file, &known, NULL, &error);
  g_assert_no_error (error);
  secrets = g_strsplit (known, "\n", -1);
  for (guint i = 0; secrets[i] != NULL; i++)
    {
      if (*secrets[i] == '\0')
        continue;
      if (g_str_has_prefix (secrets[i], "rt_"))
        {
          add_needle (needles, "a refresh token", secrets[i], FALSE);
          n_tokens++;
        }
      else
        {
          add_needle (needles, "a session cookie", secrets[i], FALSE);
          n_cookies++;
        }
    }
  /* Signed in, refreshed by resume: two tokens and two cookies at least */
  g_assert_cmpuint (n_tokens, >=, 2);
  g_assert_cmpuint (n_cookies, >=, 2);

  add_needle (needles, "the card number", CARD_NUMBER, FALSE);
  add_needle (needles, "the card number in groups", "5555 5555 5555 4444", FALSE);
  add_needle (needles, "the card number in dashed groups", "5555-5555-5555-4444", FALSE);
  add_needle (needles, "the security code", CARD_CVC, TRUE);
  add_needle (needles, "the password", PASSWORD, FALSE);

  /* The scanner itself finds what it looks for */
  {
    const char planted[] = "x cvc=" CARD_CVC "; number 5555 5555 5555 4444 y";
    const char port[] = "port 13737";
    const char log_time[] = "AnshinIssuer-DEBUG: 06:58:15." CARD_CVC ": > GET";
    const char length_header[] = "x\n< Content-Length: " CARD_CVC "\n";
    const char body[] = "{\"cvc\": \"" CARD_CVC "\"}";

    g_assert_cmpuint (scan ("a planted line", planted, sizeof planted - 1, needles), ==, 2);
    g_assert_cmpuint (scan ("a planted port", port, sizeof port - 1, needles), ==, 0);
    g_assert_cmpuint (scan ("a planted log time", log_time, sizeof log_time - 1, needles), ==, 0);
    g_assert_cmpuint (scan ("a planted length", length_header, sizeof length_header - 1, needles), ==, 0);
    g_assert_cmpuint (scan ("a planted body", body, sizeof body - 1, needles), ==, 1);
  }

  hits = scan ("the output", data, length, needles);
  hits += scan_tree (xdg, needles, &n_files);
  hits += scan_tree (snapshot, needles, &n_files);
  g_test_message ("scanned %" G_GSIZE_FORMAT " bytes of output and %u files for %u secrets",
                  length, n_files, needles->len);
  /* The flows wrote something to scan: at least the offline cache while
   * signed in */
  g_assert_cmpuint (n_files, >, 0);
  g_assert_cmpuint (hits, ==, 0);

  /* Leave nothing behind */
  secrets_scan_remove_tree (dir);
  g_assert_false (g_file_test (dir, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  /* The tests' schema dir has no org.gnome.system.proxy: no desktop proxy. */
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);

  if (argc == 4 && g_str_equal (argv[1], "--child"))
    return child_main (argv[2], argv[3]);

  g_test_init (&argc, &argv, NULL);

  if (g_getenv ("DBUS_SESSION_BUS_ADDRESS") == NULL)
    {
      g_test_skip ("needs a session bus and a keyring: run under tests/headless");
      return g_test_run ();
    }

  g_test_add_func ("/security/secrets-scan", test_secrets_scan);

  return g_test_run ();
}
