/* test-topup-leak.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The card number and security code typed into the Top-up page go to the
 * issuer and nowhere else. A child process runs the whole flow (a decline,
 * a typo, the 3-D Secure code, a registration, a top-up, leaving the page
 * with the number typed again) with G_MESSAGES_DEBUG=all and XDG dirs of
 * its own; every byte it prints and every file under its XDG dirs and the
 * test's own are searched for the numbers (with or without spaces) and the
 * security code (quoted or named anywhere, and as a number of its own in
 * every message the app and the mock log).
 */

#include "config.h"

#include <glib/gstdio.h>

#include "anshin-card-number.h"
#include "topup-test-util.h"

#define CHILD_ENV "ANSHIN_TOPUP_LEAK_CHILD"

static char *self_path;

/* The holder's whole flow, in the child */
static void
test_child (TopupFixture  *fixture,
            gconstpointer  user_data)
{
  AnshinChallengeDialog *dialog;

  topup_test_show (fixture);

  /* a decline, with the number and code sent */
  topup_test_fill (fixture, TOPUP_TEST_DECLINED, "12/30", TOPUP_TEST_CVC, "TARO YAMADA");
  topup_test_submit_and_wait_failure (fixture);

  /* a typo, caught in place */
  topup_test_fill (fixture, "4242424242424241", NULL, NULL, NULL);
  g_assert_nonnull (anshin_charge_card_form_get_field_error (fixture->form, ANSHIN_CARD_FIELD_NUMBER));

  /* the card, with its one-time code */
  topup_test_fill (fixture, TOPUP_TEST_NUMBER, NULL, NULL, NULL);
  dialog = topup_test_submit_and_wait_challenge (fixture);
  topup_test_enter_code (fixture, dialog);
  topup_test_wait_toast (fixture, "Visa •••• 4242 is registered");
  topup_test_top_up (fixture, 5000);
  topup_test_wait_toast (fixture, "Topped up");

  /* typed again, then the page is left */
  topup_test_fill (fixture, TOPUP_TEST_NUMBER, NULL, TOPUP_TEST_CVC, NULL);
  gtk_widget_set_visible (GTK_WIDGET (fixture->page), FALSE);
  g_assert_cmpstr (topup_test_field_text (fixture, ANSHIN_CARD_FIELD_NUMBER), ==, "");
  g_assert_cmpstr (topup_test_field_text (fixture, ANSHIN_CARD_FIELD_CVC), ==, "");
}

/* The secrets as they could be written anywhere: the numbers, with or
 * without the grouping (sixteen digits never appear by chance), and the
 * code quoted or after its name, as JSON, a form body or a message would
 * put it. */
static GPtrArray *
secret_patterns (void)
{
  g_autofree char *grouped = anshin_card_number_format (TOPUP_TEST_NUMBER);
  g_autofree char *declined = anshin_card_number_format (TOPUP_TEST_DECLINED);
  const char *literals[] = { TOPUP_TEST_NUMBER, grouped, TOPUP_TEST_DECLINED, declined };
  GPtrArray *patterns = g_ptr_array_new_with_free_func ((GDestroyNotify)g_regex_unref);

  for (guint i = 0; i < G_N_ELEMENTS (literals); i++)
    {
      g_autofree char *escaped = g_regex_escape_string (literals[i], -1);

      g_ptr_array_add (patterns, g_regex_new (escaped, G_REGEX_RAW, 0, NULL));
    }
  g_ptr_array_add (patterns, g_regex_new ("(?i)(cvc|cvv|security.code)\\W{0,8}" TOPUP_TEST_CVC,
                                          G_REGEX_RAW, 0, NULL));
  g_ptr_array_add (patterns, g_regex_new ("[\"'=]" TOPUP_TEST_CVC "(?![0-9A-Za-z])",
                                          G_REGEX_RAW, 0, NULL));

  return patterns;
}

/* A three-digit code also reads as a length, a port or milliseconds. In
 * what the app and the mock log (the Anshin* log domains) it must not
 * appear as a number of its own either, once each line's timestamp and
 * process id and the HTTP headers that only carry sizes, hosts and times
 * are set aside. */
static void
assert_code_not_in_messages (const char *text)
{
  g_autoptr(GRegex) noise = g_regex_new ("[0-9]{2}:[0-9]{2}:[0-9]{2}\\.[0-9]+|\\([^()]*:[0-9]+\\)",
                                         0, 0, NULL);
  g_autoptr(GRegex) header = g_regex_new ("[<>] (Content-Length|Date|Host|Issuer-Time|Retry-After|"
                                          "Expires|Keep-Alive|Soup-Debug[A-Za-z-]*): ", 0, 0, NULL);
  g_autoptr(GRegex) code = g_regex_new ("(?<![0-9A-Za-z])" TOPUP_TEST_CVC "(?![0-9A-Za-z])",
                                        0, 0, NULL);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  guint checked = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *message = NULL;

      if (strstr (lines[i], "Anshin") == NULL || g_regex_match (header, lines[i], 0, NULL))
        continue;

      message = g_regex_replace_literal (noise, lines[i], -1, 0, "", 0, NULL);
      if (g_regex_match (code, message, 0, NULL))
        g_error ("The security code appears in a message: %s", lines[i]);
      checked++;
    }

  g_assert_cmpuint (checked, >, 10);
}

static void
assert_no_secret (GPtrArray  *patterns,
                  const char *data,
                  gsize       length,
                  const char *where)
{
  for (guint i = 0; i < patterns->len; i++)
    {
      g_autoptr(GMatchInfo) match = NULL;

      if (g_regex_match_full (g_ptr_array_index (patterns, i), data, length, 0, 0, &match, NULL))
        {
          g_autofree char *found = g_match_info_fetch (match, 0);
          int start = 0;
          int end = 0;
          g_autofree char *context = NULL;

          g_match_info_fetch_pos (match, 0, &start, &end);
          context = g_strndup (data + MAX (start - 60, 0), MIN (end + 60, (int)length) - MAX (start - 60, 0));
          g_error ("A secret (%s) appears in %s: …%s…", found, where, context);
        }
    }
}

static guint
search_dir (GPtrArray  *patterns,
            const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;
  guint searched = 0;

  if (dir == NULL)
    return 0;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      g_autofree char *contents = NULL;
      gsize length;

      if (g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        continue;
      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        searched += search_dir (patterns, child);
      else if (g_file_test (child, G_FILE_TEST_IS_REGULAR) &&
               g_file_get_contents (child, &contents, &length, NULL))
        {
          assert_no_secret (patterns, contents, length, child);
          searched++;
        }
    }

  return searched;
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_assert_no_errno (g_unlink (child));
    }

  g_assert_no_errno (g_rmdir (path));
}

static void
test_secrets_nowhere (void)
{
  const char *xdg_names[] = { "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME",
                              "XDG_STATE_HOME", "XDG_RUNTIME_DIR" };
  g_autoptr(GPtrArray) patterns = secret_patterns ();
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GBytes) output = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *home = NULL;
  g_autofree char *text = NULL;
  gsize length;
  guint searched = 0;

  home = g_dir_make_tmp ("anshin-topup-leak-XXXXXX", &error);
  g_assert_no_error (error);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_MERGE);
  g_subprocess_launcher_setenv (launcher, CHILD_ENV, "1", TRUE);
  g_subprocess_launcher_setenv (launcher, "G_MESSAGES_DEBUG", "all", TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (xdg_names) - 1; i++)
    {
      g_autofree char *dir = g_build_filename (home, xdg_names[i], NULL);

      g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
      g_subprocess_launcher_setenv (launcher, xdg_names[i], dir, TRUE);
    }

  child = g_subprocess_launcher_spawn (launcher, &error, self_path, "-p", "/topup-leak/child", NULL);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate (child, NULL, NULL, &output, NULL, &error));
  g_assert_no_error (error);

  text = g_strndup (g_bytes_get_data (output, &length), g_bytes_get_size (output));
  if (!g_subprocess_get_successful (child))
    g_error ("The flow failed:\n%s", text);

  /* it did run the flow, with every debug message on */
  g_assert_nonnull (strstr (text, "ok 1 /topup-leak/child"));
  g_assert_nonnull (strstr (text, "Anshin-DEBUG"));
  g_assert_nonnull (strstr (text, "AnshinIssuer-DEBUG"));

  assert_no_secret (patterns, g_bytes_get_data (output, NULL), length, "the output");
  assert_code_not_in_messages (text);

  /* the child's XDG dirs, then the test run's own (the keyring lives there) */
  searched += search_dir (patterns, home);
  g_assert_cmpuint (searched, >, 0);
  for (guint i = 0; i < G_N_ELEMENTS (xdg_names); i++)
    if (g_getenv (xdg_names[i]) != NULL)
      searched += search_dir (patterns, g_getenv (xdg_names[i]));
  g_test_message ("searched %u bytes of output and %u files", (guint)length, searched);

  remove_tree (home);
}

int
main (int   argc,
      char *argv[])
{
  self_path = g_canonicalize_filename (argv[0], NULL);
  topup_test_init (&argc, &argv);

  if (g_getenv (CHILD_ENV) != NULL)
    g_test_add ("/topup-leak/child", TopupFixture, NULL, topup_test_set_up, test_child,
                topup_test_tear_down);
  else
    g_test_add_func ("/topup-leak/secrets-nowhere", test_secrets_nowhere);

  return g_test_run ();
}
