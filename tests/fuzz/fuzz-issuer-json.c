/* fuzz-issuer-json.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libFuzzer target for the JSON-to-core mapping: whatever an issuer sends,
 * every mapping either returns an object or a protocol error, and never
 * crashes, leaks or logs a CRITICAL (criticals abort here).
 */

#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "anshin-issuer-cache.h"
#include "anshin-issuer-json.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);
int LLVMFuzzerInitialize (int    *argc,
                          char ***argv);

typedef gpointer (*MapFunc) (JsonNode *root, GError **error);

static void
try_map (JsonNode *root,
         MapFunc   map,
         GDestroyNotify free_func)
{
  g_autoptr(GError) error = NULL;
  gpointer result = map (root, &error);

  /* Exactly one of a result and an error */
  if ((result == NULL) == (error == NULL))
    abort ();
  if (error != NULL && !g_error_matches (error, ANSHIN_ISSUER_ERROR, ANSHIN_ISSUER_ERROR_PROTOCOL))
    abort ();
  if (result != NULL)
    free_func (result);
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) problem = NULL;
  g_autoptr(AnshinChargeCard) card = NULL;
  g_autoptr(AnshinChallenge) challenge = NULL;
  g_autoptr(AnshinCard) reissued = anshin_card_new ();
  g_autoptr(AnshinIssuerSnapshot) snapshot = NULL;
  g_autoptr(GError) snapshot_error = NULL;

  /* Problem bodies take any bytes, with or without a JSON type */
  problem = anshin_issuer_json_to_error (422, "application/problem+json", (const char *)data, size,
                                         "120");
  if (problem == NULL || problem->domain != ANSHIN_ISSUER_ERROR)
    abort ();

  snapshot = anshin_issuer_snapshot_from_json ((const char *)data, size, &snapshot_error);
  /* A cache document that reads is written back and reads again. */
  if (snapshot != NULL)
    {
      gsize length;
      g_autofree char *written = anshin_issuer_snapshot_to_json (snapshot, &length);
      g_autoptr(AnshinIssuerSnapshot) again = anshin_issuer_snapshot_from_json (written, length,
                                                                               NULL);

      if (again == NULL)
        abort ();
    }

  root = anshin_issuer_json_parse ((const char *)data, size, &error);
  if (root == NULL)
    return 0;

  try_map (root, (MapFunc)anshin_issuer_json_to_card, g_object_unref);
  try_map (root, (MapFunc)anshin_issuer_json_to_payment_method, g_object_unref);
  try_map (root, (MapFunc)anshin_issuer_json_to_payment_methods, (GDestroyNotify)g_ptr_array_unref);
  try_map (root, (MapFunc)anshin_issuer_json_to_programs, (GDestroyNotify)g_ptr_array_unref);
  try_map (root, (MapFunc)anshin_issuer_json_to_notices, (GDestroyNotify)g_ptr_array_unref);
  try_map (root, (MapFunc)anshin_issuer_json_to_charge_cards, (GDestroyNotify)g_ptr_array_unref);
  try_map (root, (MapFunc)anshin_issuer_json_to_charges, (GDestroyNotify)g_ptr_array_unref);
  try_map (root, (MapFunc)anshin_issuer_json_to_session, (GDestroyNotify)anshin_issuer_session_free);
  try_map (root, (MapFunc)anshin_issuer_json_to_registration_form,
           (GDestroyNotify)anshin_registration_form_free);
  try_map (root, (MapFunc)anshin_issuer_json_to_challenge_result, g_object_unref);
  try_map (root, (MapFunc)anshin_issuer_json_to_charge_result, (GDestroyNotify)anshin_charge_free);
  try_map (root, (MapFunc)anshin_issuer_json_to_event, (GDestroyNotify)anshin_issuer_event_free);
  try_map (root, (MapFunc)anshin_issuer_json_to_transaction, g_object_unref);
  try_map (root, (MapFunc)anshin_issuer_json_to_transaction_page,
           (GDestroyNotify)anshin_transaction_page_free);
  try_map (root, (MapFunc)anshin_issuer_json_to_issuer_time, (GDestroyNotify)g_date_time_unref);
  try_map (root, (MapFunc)anshin_issuer_json_to_demo_scenario, (GDestroyNotify)anshin_demo_scenario_free);
  try_map (root, (MapFunc)anshin_issuer_json_to_one_time_codes, (GDestroyNotify)g_ptr_array_unref);
  try_map (root, (MapFunc)anshin_issuer_json_to_issuer_info, g_object_unref);

  g_clear_error (&error);
  if (anshin_issuer_json_to_registration_result (root, &card, &challenge, &error) &&
      (card == NULL) == (challenge == NULL))
    abort ();

  g_clear_error (&error);
  anshin_issuer_json_to_reissue (root, reissued, &error);

  /* An issuer that maps names itself and offers nothing but one line of
   * text, a phone number of digits and an https page. */
  {
    g_autoptr(AnshinIssuerInfo) info = anshin_issuer_json_to_issuer_info (root, NULL);

    if (info != NULL)
      {
        const char *name = anshin_issuer_info_get_display_name (info);
        const char *phone = anshin_issuer_info_get_support_phone (info);
        const char *url = anshin_issuer_info_get_support_url (info);

        if (name == NULL || strchr (name, '\n') != NULL)
          abort ();
        if (phone != NULL && strspn (phone, "0123456789 +-()") != strlen (phone))
          abort ();
        if (url != NULL && !g_str_has_prefix (url, "https://") && !g_str_has_prefix (url, "http://"))
          abort ();
      }
  }

  /* What was read is written back and read again the same. */
  {
    g_autoptr(AnshinCard) parsed = anshin_issuer_json_to_card (root, NULL);

    if (parsed != NULL)
      {
        g_autoptr(JsonNode) written = anshin_issuer_json_from_card (parsed);
        g_autoptr(AnshinCard) again = anshin_issuer_json_to_card (written, NULL);

        if (again == NULL)
          abort ();
      }
  }

  /* So is a page of the activity (the offline cache keeps one). */
  {
    g_autoptr(AnshinTransactionPage) parsed = anshin_issuer_json_to_transaction_page (root, NULL);

    if (parsed != NULL)
      {
        g_autoptr(JsonNode) written = anshin_issuer_json_from_transaction_page (parsed);
        g_autoptr(AnshinTransactionPage) again = anshin_issuer_json_to_transaction_page (written, NULL);

        if (again == NULL || again->transactions->len != parsed->transactions->len)
          abort ();
      }
  }

  return 0;
}
