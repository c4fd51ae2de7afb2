/* test-issuer-secret.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Against the real gnome-keyring started by tests/headless.
 */

#include "config.h"

#include "anshin-issuer-secret.h"

#define ISSUER_URL "https://issuer.example/"

static void
on_result_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static GAsyncResult *
run_until_result (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);

  return *slot;
}

static void
store (const char *member_id,
       const char *token)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  anshin_issuer_secret_store_async (ISSUER_URL, member_id, token, NULL, on_result_cb, &result);
  g_assert_true (anshin_issuer_secret_store_finish (run_until_result (&result), &error));
  g_assert_no_error (error);
}

static char *
lookup (const char  *issuer_url,
        char       **out_member_id)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  char *token;

  anshin_issuer_secret_lookup_async (issuer_url, NULL, on_result_cb, &result);
  token = anshin_issuer_secret_lookup_finish (run_until_result (&result), out_member_id, &error);
  g_assert_no_error (error);

  return token;
}

static void
clear (const char *member_id)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  anshin_issuer_secret_clear_async (ISSUER_URL, member_id, NULL, on_result_cb, &result);
  g_assert_true (anshin_issuer_secret_clear_finish (run_until_result (&result), &error));
  g_assert_no_error (error);
}

static void
test_secret_round_trip (void)
{
  g_autofree char *member_id = NULL;
  g_autofree char *token = NULL;
  g_autofree char *rotated = NULL;
  g_autofree char *rotated_member = NULL;
  g_autofree char *other = NULL;
  g_autofree char *gone = NULL;

  if (g_getenv ("DBUS_SESSION_BUS_ADDRESS") == NULL)
    {
      g_test_skip ("needs a session bus and a keyring: run under tests/headless");
      return;
    }

  /* Nothing stored yet: no token, no error. */
  gone = lookup (ISSUER_URL, &member_id);
  g_assert_null (gone);
  g_assert_null (member_id);

  store ("demo", "rt_first");
  token = lookup (ISSUER_URL, &member_id);
  g_assert_cmpstr (token, ==, "rt_first");
  g_assert_cmpstr (member_id, ==, "demo");

  /* The issuer rotates the token: storing again replaces it. */
  store ("demo", "rt_second");
  rotated = lookup (ISSUER_URL, &rotated_member);
  g_assert_cmpstr (rotated, ==, "rt_second");
  g_assert_cmpstr (rotated_member, ==, "demo");

  /* Another issuer's URL finds nothing. */
  other = lookup ("https://other.example/", NULL);
  g_assert_null (other);

  /* Sign-out clears it. */
  clear ("demo");
  g_clear_pointer (&gone, g_free);
  gone = lookup (ISSUER_URL, NULL);
  g_assert_null (gone);

  /* Clearing what is not there is not an error. */
  clear ("demo");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/issuer/secret/round-trip", test_secret_round_trip);

  return g_test_run ();
}
