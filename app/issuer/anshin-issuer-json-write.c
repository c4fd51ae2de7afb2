/* anshin-issuer-json-write.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * app/core objects back to the issuer's JSON shapes, for the offline cache:
 * what is written is read back by the same checking mapping. A card is
 * written with its last four digits only, because that is all it holds.
 */

#include "config.h"

#include "anshin-core-enum-types.h"
#include "anshin-enum-util.h"
#include "anshin-time.h"

#include "anshin-issuer-json.h"

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_enum (JsonBuilder *builder,
          const char  *name,
          GType        type,
          int          value)
{
  add_string (builder, name, anshin_enum_to_api (type, value));
}

static void
add_int (JsonBuilder *builder,
         const char  *name,
         gint64       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

static void
add_boolean (JsonBuilder *builder,
             const char  *name,
             gboolean     value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_boolean_value (builder, value);
}

static void
add_time (JsonBuilder *builder,
          const char  *name,
          GDateTime   *value)
{
  g_autofree char *text = value != NULL ? anshin_time_to_string (value) : NULL;

  add_string (builder, name, text);
}

static void
add_date (JsonBuilder *builder,
          const char  *name,
          GDateTime   *value)
{
  g_autoptr(GTimeZone) zone = anshin_issuer_time_zone ();
  g_autoptr(GDateTime) local = value != NULL ? g_date_time_to_timezone (value, zone) : NULL;
  g_autofree char *text = local != NULL ? anshin_date_to_string (local) : NULL;

  add_string (builder, name, text);
}

/**
 * anshin_issuer_json_from_card:
 *
 * Returns: (transfer full): @card in the shape of `GET /v1/card`
 */
JsonNode *
anshin_issuer_json_from_card (AnshinCard *card)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  guint new_exp_month, new_exp_year;

  g_return_val_if_fail (ANSHIN_IS_CARD (card), NULL);

  json_builder_begin_object (builder);
  add_string (builder, "id", anshin_card_get_id (card));
  add_string (builder, "product_name", anshin_card_get_product_name (card));
  add_enum (builder, "brand", ANSHIN_TYPE_CARD_BRAND, anshin_card_get_brand (card));
  add_enum (builder, "form", ANSHIN_TYPE_CARD_FORM, anshin_card_get_form (card));
  add_enum (builder, "state", ANSHIN_TYPE_CARD_STATE, anshin_card_get_state (card));
  add_string (builder, "number_last4", anshin_card_get_number_last4 (card));
  add_int (builder, "exp_month", anshin_card_get_exp_month (card));
  add_int (builder, "exp_year", anshin_card_get_exp_year (card));

  json_builder_set_member_name (builder, "balance");
  json_builder_begin_object (builder);
  add_int (builder, "amount", anshin_card_get_balance (card));
  add_string (builder, "currency", "JPY");
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "renewal");
  json_builder_begin_object (builder);
  add_enum (builder, "status", ANSHIN_TYPE_RENEWAL_STATUS, anshin_card_get_renewal_status (card));
  add_date (builder, "date", anshin_card_get_renewal_date (card));
  add_time (builder, "announced_at", anshin_card_get_renewal_announced_at (card));
  add_time (builder, "completed_at", anshin_card_get_renewal_completed_at (card));
  add_boolean (builder, "number_changes", anshin_card_get_renewal_number_changes (card));
  new_exp_month = anshin_card_get_renewal_new_exp_month (card);
  new_exp_year = anshin_card_get_renewal_new_exp_year (card);
  json_builder_set_member_name (builder, "new_exp_month");
  if (new_exp_month != 0)
    json_builder_add_int_value (builder, new_exp_month);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "new_exp_year");
  if (new_exp_year != 0)
    json_builder_add_int_value (builder, new_exp_year);
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "physical_card");
  if (anshin_card_get_physical_status (card) == ANSHIN_PHYSICAL_CARD_STATUS_NONE)
    json_builder_add_null_value (builder);
  else
    {
      json_builder_begin_object (builder);
      add_enum (builder, "status", ANSHIN_TYPE_PHYSICAL_CARD_STATUS,
                anshin_card_get_physical_status (card));
      add_date (builder, "eta", anshin_card_get_physical_eta (card));
      add_time (builder, "shipped_at", anshin_card_get_physical_shipped_at (card));
      add_time (builder, "delivered_at", anshin_card_get_physical_delivered_at (card));
      json_builder_end_object (builder);
    }

  json_builder_set_member_name (builder, "reissue");
  if (anshin_card_get_reissue_status (card) == ANSHIN_REISSUE_STATUS_NONE)
    json_builder_add_null_value (builder);
  else
    {
      json_builder_begin_object (builder);
      add_string (builder, "id", anshin_card_get_reissue_id (card));
      add_enum (builder, "status", ANSHIN_TYPE_REISSUE_STATUS,
                anshin_card_get_reissue_status (card));
      add_boolean (builder, "new_number", anshin_card_get_reissue_new_number (card));
      add_time (builder, "requested_at", anshin_card_get_reissue_requested_at (card));
      add_time (builder, "ready_eta", anshin_card_get_reissue_ready_eta (card));
      add_time (builder, "completed_at", anshin_card_get_reissue_completed_at (card));
      json_builder_end_object (builder);
    }

  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/**
 * anshin_issuer_json_from_payment_method:
 *
 * Returns: (transfer full): @method as an entry of `GET /v1/card/networks`
 */
JsonNode *
anshin_issuer_json_from_payment_method (AnshinPaymentMethod *method)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  AnshinWallet via;
  AnshinPaymentMethodReason reason;

  g_return_val_if_fail (ANSHIN_IS_PAYMENT_METHOD (method), NULL);

  json_builder_begin_object (builder);
  add_enum (builder, "id", ANSHIN_TYPE_PAYMENT_METHOD_KIND, anshin_payment_method_get_kind (method));
  add_enum (builder, "state", ANSHIN_TYPE_PAYMENT_METHOD_STATE,
            anshin_payment_method_get_state (method));
  add_time (builder, "since", anshin_payment_method_get_since (method));
  add_time (builder, "eta", anshin_payment_method_get_eta (method));
  reason = anshin_payment_method_get_reason (method);
  if (reason == ANSHIN_PAYMENT_METHOD_REASON_NONE)
    add_string (builder, "reason", NULL);
  else
    add_enum (builder, "reason", ANSHIN_TYPE_PAYMENT_METHOD_REASON, reason);

  via = anshin_payment_method_get_via (method);
  if (via != ANSHIN_WALLET_NONE)
    {
      json_builder_set_member_name (builder, "via");
      json_builder_begin_array (builder);
      if (via & ANSHIN_WALLET_APPLE_PAY)
        json_builder_add_string_value (builder, "apple_pay");
      if (via & ANSHIN_WALLET_GOOGLE_PAY)
        json_builder_add_string_value (builder, "google_pay");
      json_builder_end_array (builder);
    }

  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/**
 * anshin_issuer_json_from_program:
 *
 * Returns: (transfer full): @program as an entry of `GET /v1/programs`
 */
JsonNode *
anshin_issuer_json_from_program (AnshinProgram *program)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  const char * const *requires;

  g_return_val_if_fail (ANSHIN_IS_PROGRAM (program), NULL);

  json_builder_begin_object (builder);
  add_string (builder, "id", anshin_program_get_id (program));
  add_string (builder, "name", anshin_program_get_name (program));
  add_string (builder, "description", anshin_program_get_description (program));
  add_date (builder, "since", anshin_program_get_since (program));
  add_int (builder, "earn_yen", anshin_program_get_earn_yen (program));
  add_int (builder, "earn_points", anshin_program_get_earn_points (program));
  add_int (builder, "points_balance", anshin_program_get_points_balance (program));
  add_string (builder, "name_ja", anshin_program_get_name_ja (program));
  json_builder_set_member_name (builder, "requires_networks");
  json_builder_begin_array (builder);
  requires = anshin_program_get_requires_methods (program);
  for (guint i = 0; requires != NULL && requires[i] != NULL; i++)
    json_builder_add_string_value (builder, requires[i]);
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/**
 * anshin_issuer_json_from_notice:
 *
 * Returns: (transfer full): @notice as an entry of `GET /v1/notices`; a
 *   code this version does not know is written as "unknown", which reads
 *   back as %ANSHIN_NOTICE_CODE_UNKNOWN
 */
JsonNode *
anshin_issuer_json_from_notice (AnshinNotice *notice)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  GHashTable *params;

  g_return_val_if_fail (ANSHIN_IS_NOTICE (notice), NULL);

  json_builder_begin_object (builder);
  add_string (builder, "id", anshin_notice_get_id (notice));
  if (anshin_notice_get_code (notice) == ANSHIN_NOTICE_CODE_UNKNOWN)
    add_string (builder, "code", "unknown");
  else
    add_enum (builder, "code", ANSHIN_TYPE_NOTICE_CODE, anshin_notice_get_code (notice));
  add_time (builder, "issued_at", anshin_notice_get_issued_at (notice));
  add_enum (builder, "channel", ANSHIN_TYPE_NOTICE_CHANNEL, anshin_notice_get_channel (notice));
  add_string (builder, "title", anshin_notice_get_title (notice));
  add_string (builder, "body", anshin_notice_get_body (notice));
  add_boolean (builder, "read", anshin_notice_get_read (notice));

  json_builder_set_member_name (builder, "params");
  json_builder_begin_object (builder);
  params = anshin_notice_get_params (notice);
  if (params != NULL)
    {
      GHashTableIter iter;
      gpointer key, value;

      g_hash_table_iter_init (&iter, params);
      while (g_hash_table_iter_next (&iter, &key, &value))
        add_string (builder, key, value);
    }
  json_builder_end_object (builder);

  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/**
 * anshin_issuer_json_from_charge_card:
 *
 * Returns: (transfer full): @card in the shape of `GET /v1/charge-cards` entries
 */
JsonNode *
anshin_issuer_json_from_charge_card (AnshinChargeCard *card)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  g_return_val_if_fail (ANSHIN_IS_CHARGE_CARD (card), NULL);

  json_builder_begin_object (builder);
  add_string (builder, "id", anshin_charge_card_get_id (card));
  add_enum (builder, "brand", ANSHIN_TYPE_CARD_BRAND, anshin_charge_card_get_brand (card));
  add_string (builder, "last4", anshin_charge_card_get_last4 (card));
  add_int (builder, "exp_month", anshin_charge_card_get_exp_month (card));
  add_int (builder, "exp_year", anshin_charge_card_get_exp_year (card));
  add_string (builder, "holder_name", anshin_charge_card_get_holder_name (card));
  add_time (builder, "registered_at", anshin_charge_card_get_registered_at (card));
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static void
add_via (JsonBuilder  *builder,
         AnshinWallet  via)
{
  json_builder_set_member_name (builder, "via");
  if ((via & ANSHIN_WALLET_APPLE_PAY) != 0)
    json_builder_add_string_value (builder, "apple_pay");
  else if ((via & ANSHIN_WALLET_GOOGLE_PAY) != 0)
    json_builder_add_string_value (builder, "google_pay");
  else
    json_builder_add_null_value (builder);
}

/**
 * anshin_issuer_json_from_transaction:
 *
 * Returns: (transfer full): @transaction as an entry of
 *   `GET /v1/transactions`, for the offline cache; a decline reason or
 *   programme reason this version does not know is written as null
 */
JsonNode *
anshin_issuer_json_from_transaction (AnshinTransaction *transaction)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  gboolean payment;
  AnshinDeclineReason decline_reason;
  AnshinProgramReason program_reason;

  g_return_val_if_fail (ANSHIN_IS_TRANSACTION (transaction), NULL);

  payment = anshin_transaction_is_payment (transaction);
  decline_reason = anshin_transaction_get_decline_reason (transaction);
  program_reason = anshin_transaction_get_program_reason (transaction);

  json_builder_begin_object (builder);
  add_string (builder, "id", anshin_transaction_get_id (transaction));
  add_enum (builder, "kind", ANSHIN_TYPE_TRANSACTION_KIND, anshin_transaction_get_kind (transaction));
  add_enum (builder, "status", ANSHIN_TYPE_TRANSACTION_STATUS, anshin_transaction_get_status (transaction));
  add_int (builder, "amount", anshin_transaction_get_amount (transaction));
  add_string (builder, "merchant", anshin_transaction_get_merchant (transaction));
  if (payment)
    add_enum (builder, "method", ANSHIN_TYPE_PAYMENT_METHOD_KIND, anshin_transaction_get_method (transaction));
  else
    add_string (builder, "method", NULL);
  add_via (builder, payment ? anshin_transaction_get_via (transaction) : ANSHIN_WALLET_NONE);
  add_time (builder, "occurred_at", anshin_transaction_get_occurred_at (transaction));
  if (decline_reason == ANSHIN_DECLINE_REASON_NONE || decline_reason == ANSHIN_DECLINE_REASON_OTHER)
    add_string (builder, "decline_reason", NULL);
  else
    add_enum (builder, "decline_reason", ANSHIN_TYPE_DECLINE_REASON, decline_reason);
  add_int (builder, "balance_after", anshin_transaction_get_balance_after (transaction));

  json_builder_set_member_name (builder, "program");
  if (anshin_transaction_get_has_program (transaction))
    {
      json_builder_begin_object (builder);
      add_string (builder, "id", anshin_transaction_get_program_id (transaction));
      add_boolean (builder, "eligible", anshin_transaction_get_program_eligible (transaction));
      if (program_reason == ANSHIN_PROGRAM_REASON_NONE || program_reason == ANSHIN_PROGRAM_REASON_OTHER)
        add_string (builder, "reason", NULL);
      else
        add_enum (builder, "reason", ANSHIN_TYPE_PROGRAM_REASON, program_reason);
      add_int (builder, "points", anshin_transaction_get_program_points (transaction));
      json_builder_end_object (builder);
    }
  else
    json_builder_add_null_value (builder);

  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/**
 * anshin_issuer_json_from_transaction_page:
 *
 * Returns: (transfer full): @page as the answer of `GET /v1/transactions`
 *   (for the offline cache: transactions hold no secrets)
 */
JsonNode *
anshin_issuer_json_from_transaction_page (const AnshinTransactionPage *page)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  g_return_val_if_fail (page != NULL, NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "transactions");
  json_builder_begin_array (builder);
  for (guint i = 0; page->transactions != NULL && i < page->transactions->len; i++)
    json_builder_add_value (builder, anshin_issuer_json_from_transaction (g_ptr_array_index (page->transactions, i)));
  json_builder_end_array (builder);
  add_string (builder, "next_before", page->next_before);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}
