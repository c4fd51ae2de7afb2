/* anshin-test-sign-in.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The keyring as the app leaves it, for the background tests:
 *   anshin-test-sign-in sign-in URL MEMBER PASSWORD   sign in as the app does
 *                                                     (the refresh token goes
 *                                                     into the keyring)
 *   anshin-test-sign-in spoil URL                     use the stored token once
 *                                                     elsewhere, so the issuer
 *                                                     no longer accepts it
 *   anshin-test-sign-in sign-out URL                  delete the stored sign-in,
 *                                                     as signing out does
 * Prints nothing secret.
 */

#include "config.h"

#include "anshin-account.h"
#include "anshin-issuer-secret.h"

static GMainLoop *loop;
static int status = 1;

static void
on_signed_in_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (anshin_account_sign_in_finish (ANSHIN_ACCOUNT (object), result, &error))
    status = 0;
  else
    g_printerr ("sign-in failed: %s\n", error->message);
  g_main_loop_quit (loop);
}

static void
on_resumed_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnshinIssuerSession) session = NULL;

  session = anshin_issuer_client_resume_finish (ANSHIN_ISSUER_CLIENT (object), result, &error);
  if (session != NULL)
    status = 0;
  else
    g_printerr ("resume failed: %s\n", error->message);
  g_main_loop_quit (loop);
}

static void
on_cleared_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (anshin_issuer_secret_clear_finish (result, &error))
    status = 0;
  else
    g_printerr ("clear failed: %s\n", error->message);
  g_main_loop_quit (loop);
}

static void
on_looked_up_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  const char *command = ((const char **) user_data)[0];
  const char *url = ((const char **) user_data)[1];
  g_autoptr(GError) error = NULL;
  g_autofree char *member_id = NULL;
  g_autofree char *token = anshin_issuer_secret_lookup_finish (result, &member_id, &error);
  g_autoptr(AnshinIssuerClient) client = NULL;

  if (token == NULL)
    {
      /* signing out with nothing stored leaves what was wanted */
      if (g_str_equal (command, "sign-out"))
        status = 0;
      else
        g_printerr ("no stored sign-in\n");
      g_main_loop_quit (loop);
      return;
    }

  if (g_str_equal (command, "sign-out"))
    {
      anshin_issuer_secret_clear_async (url, member_id, NULL, on_cleared_cb, NULL);
      return;
    }

  client = anshin_issuer_client_new (url, &error);
  g_assert_nonnull (client);
  /* refresh tokens rotate: the stored one stops working */
  anshin_issuer_client_resume_async (client, token, NULL, on_resumed_cb, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnshinIssuerClient) client = NULL;
  g_autoptr(AnshinAccount) account = NULL;

  if (argc < 3)
    {
      g_printerr ("usage: %s sign-in|spoil|sign-out URL [MEMBER PASSWORD]\n", argv[0]);
      return 2;
    }

  loop = g_main_loop_new (NULL, FALSE);

  if (g_str_equal (argv[1], "sign-in") && argc == 5)
    {
      client = anshin_issuer_client_new (argv[2], &error);
      if (client == NULL)
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      account = anshin_account_new (client);
      anshin_account_sign_in_async (account, argv[3], argv[4], NULL, on_signed_in_cb, NULL);
    }
  else if (g_str_equal (argv[1], "sign-out"))
    {
      /* a test tool: the plain synchronous call */
      secret_password_clear_sync (anshin_issuer_secret_get_schema (), NULL, &error,
                                  "issuer-url", argv[2], NULL);
      if (error != NULL)
        g_printerr ("clear failed: %s\n", error->message);
      return error != NULL ? 1 : 0;
    }
  else if (g_str_equal (argv[1], "spoil"))
    anshin_issuer_secret_lookup_async (argv[2], NULL, on_looked_up_cb, &argv[1]);
  else
    return 2;

  g_main_loop_run (loop);
  g_main_loop_unref (loop);
  return status;
}
