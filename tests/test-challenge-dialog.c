/* test-challenge-dialog.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The 3-D Secure dialog: what it asks, until when the code works (one
 * paragraph, the sentences joined as the language joins them: Japanese
 * has no space between them), the issuer's answer to a wrong code above
 * it, and Verify only for a whole 6-digit code.
 */

#include "config.h"

#include <locale.h>

#include <glib/gi18n-lib.h>
#include <adwaita.h>

#include "anshin-challenge-dialog.h"

#define ASK_EN "To confirm that the card is yours, your card company has sent a " \
               "6-digit one-time code for 3‑D Secure by text message. Enter it here."

static AnshinChallenge *
challenge_until (int hour,
                 int minute)
{
  AnshinChallenge *challenge = anshin_challenge_new ();

  challenge->id = g_strdup ("ch_test");
  challenge->method = g_strdup ("sms");
  if (hour >= 0)
    challenge->expires_at = g_date_time_new_utc (2025, 12, 2, hour, minute, 0);
  return challenge;
}

static char *
dialog_body (const AnshinChallenge *challenge,
             const char            *problem)
{
  AnshinChallengeDialog *dialog = g_object_ref_sink (anshin_challenge_dialog_new (NULL, challenge, problem));
  char *body = g_strdup (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)));

  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_finalize_object (dialog);
  return body;
}

static void
test_challenge_dialog_body (void)
{
  g_autoptr(AnshinChallenge) until = challenge_until (9, 5);
  g_autoptr(AnshinChallenge) open_ended = challenge_until (-1, 0);
  g_autofree char *body = dialog_body (until, NULL);
  g_autofree char *without_expiry = dialog_body (open_ended, NULL);
  g_autofree char *after_problem = dialog_body (until, "That code is not right. 2 tries left.");

  /* TZ=UTC in the tests: the code works until 09:05 on the holder's clock */
  g_assert_cmpstr (body, ==, ASK_EN " The code works until 09:05.");
  g_assert_cmpstr (without_expiry, ==, ASK_EN);
  g_assert_cmpstr (after_problem, ==,
                   "That code is not right. 2 tries left.\n\n" ASK_EN " The code works until 09:05.");
}

static void
test_challenge_dialog_body_japanese (void)
{
  g_autoptr(AnshinChallenge) until = challenge_until (9, 5);
  g_autofree char *body = NULL;

  if (setlocale (LC_ALL, "ja_JP.UTF-8") == NULL)
    {
      g_test_skip ("the ja_JP.UTF-8 locale is not installed");
      return;
    }

  body = dialog_body (until, NULL);
  setlocale (LC_ALL, "");

  /* one paragraph, and no space where the two sentences meet */
  g_assert_true (g_str_has_suffix (body, "ここに入力してください。このワンタイムパスワードは9:05まで有効です。"));
  g_assert_null (strchr (body, ' '));
  g_assert_null (strchr (body, '\n'));
}

static void
test_challenge_dialog_verify_needs_whole_code (void)
{
  g_autoptr(AnshinChallenge) challenge = challenge_until (9, 5);
  AnshinChallengeDialog *dialog = g_object_ref_sink (anshin_challenge_dialog_new (NULL, challenge, NULL));
  AdwMessageDialog *message = ADW_MESSAGE_DIALOG (dialog);
  const struct {
    const char *typed;
    const char *kept;
    gboolean    enabled;
  } cases[] = {
    { "", "", FALSE },
    { "12345", "12345", FALSE },
    { "12345a", "12345a", FALSE },
    { "123456", "123456", TRUE },
    /* the entry takes six characters, no more */
    { "1234567", "123456", TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      anshin_challenge_dialog_set_code (dialog, cases[i].typed);
      g_assert_cmpstr (anshin_challenge_dialog_get_code (dialog), ==, cases[i].kept);
      if (adw_message_dialog_get_response_enabled (message, ANSHIN_CHALLENGE_RESPONSE_VERIFY)
          != cases[i].enabled)
        g_error ("Verify is %s for the code “%s”", cases[i].enabled ? "disabled" : "enabled",
                 cases[i].typed);
    }

  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_finalize_object (dialog);
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("ANSHIN_LOCALEDIR");

  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  gtk_test_init (&argc, &argv, NULL);
  setlocale (LC_ALL, "");
  adw_init ();

  g_test_add_func ("/challenge-dialog/body", test_challenge_dialog_body);
  g_test_add_func ("/challenge-dialog/body-japanese", test_challenge_dialog_body_japanese);
  g_test_add_func ("/challenge-dialog/verify-needs-whole-code", test_challenge_dialog_verify_needs_whole_code);

  return g_test_run ();
}
