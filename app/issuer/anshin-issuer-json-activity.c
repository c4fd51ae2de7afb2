/* anshin-issuer-json-activity.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The card's activity (`GET /v1/transactions`) as AnshinTransactions. Amounts
 * are bounded (ANSHIN_ISSUER_JSON_MAX_YEN); a decline or programme reason
 * added after this version reads as OTHER; an entry of a kind or status
 * this version does not know is left out of the page rather than failing
 * it, so a new kind of entry never hides the holder's payments.
 */

#include "config.h"

#include "anshin-core-enum-types.h"
#include "anshin-enum-util.h"
#include "anshin-issuer-json.h"
#include "anshin-issuer-json-private.h"

static AnshinWallet
read_via (Reader     *r,
          JsonObject *object)
{
  const char *via = reader_string (r, object, "via", READ_MAYBE);

  if (via == NULL)
    return ANSHIN_WALLET_NONE;
  if (g_str_equal (via, "apple_pay"))
    return ANSHIN_WALLET_APPLE_PAY;
  if (g_str_equal (via, "google_pay"))
    return ANSHIN_WALLET_GOOGLE_PAY;

  /* a wallet added later: the payment is still the method's */
  return ANSHIN_WALLET_NONE;
}

/* A nullable reason: null is @none, a value this version doesn't know @other. */
static int
read_reason (Reader     *r,
             JsonObject *object,
             const char *name,
             GType       enum_type,
             int         none,
             int         other)
{
  const char *text = reader_string (r, object, name, READ_MAYBE);
  int value;

  if (text == NULL)
    return none;
  if (!anshin_enum_from_api (enum_type, text, &value) || value == none)
    return other;

  return value;
}

static void
read_program_verdict (Reader            *r,
                      JsonObject        *object,
                      AnshinTransaction *transaction)
{
  JsonObject *program = reader_object (r, object, "program", READ_MAYBE);

  anshin_transaction_set_has_program (transaction, program != NULL);
  if (program == NULL)
    return;

  anshin_transaction_set_program_id (transaction, reader_string (r, program, "id", READ_REQUIRED));
  anshin_transaction_set_program_eligible (transaction,
                                           reader_boolean (r, program, "eligible", READ_REQUIRED, FALSE));
  anshin_transaction_set_program_reason (transaction,
                                         read_reason (r, program, "reason", ANSHIN_TYPE_PROGRAM_REASON,
                                                      ANSHIN_PROGRAM_REASON_NONE,
                                                      ANSHIN_PROGRAM_REASON_OTHER));
  anshin_transaction_set_program_points (transaction,
                                         reader_int (r, program, "points", READ_MAYBE,
                                                     0, ANSHIN_ISSUER_JSON_MAX_YEN, 0));

  /* "reason": null on a payment that did not count says nothing: OTHER */
  if (!anshin_transaction_get_program_eligible (transaction) &&
      anshin_transaction_get_program_reason (transaction) == ANSHIN_PROGRAM_REASON_NONE)
    anshin_transaction_set_program_reason (transaction, ANSHIN_PROGRAM_REASON_OTHER);
}

static void
read_transaction (Reader            *r,
                  JsonObject        *object,
                  AnshinTransaction *transaction)
{
  AnshinTransactionKind kind;
  AnshinTransactionStatus status;

  anshin_transaction_set_id (transaction, reader_string (r, object, "id", READ_REQUIRED));
  kind = reader_enum (r, object, "kind", READ_REQUIRED, ANSHIN_TYPE_TRANSACTION_KIND,
                      ANSHIN_TRANSACTION_KIND_PAYMENT);
  status = reader_enum (r, object, "status", READ_REQUIRED, ANSHIN_TYPE_TRANSACTION_STATUS,
                        ANSHIN_TRANSACTION_STATUS_APPROVED);
  anshin_transaction_set_kind (transaction, kind);
  anshin_transaction_set_status (transaction, status);
  anshin_transaction_set_amount (transaction, reader_int (r, object, "amount", READ_REQUIRED,
                                                          0, ANSHIN_ISSUER_JSON_MAX_YEN, 0));
  anshin_transaction_set_merchant (transaction, reader_string (r, object, "merchant", READ_MAYBE));
  anshin_transaction_set_occurred_at (transaction, reader_time (r, object, "occurred_at", READ_REQUIRED));
  anshin_transaction_set_balance_after (transaction,
                                        reader_int (r, object, "balance_after", READ_REQUIRED,
                                                    -ANSHIN_ISSUER_JSON_MAX_YEN,
                                                    ANSHIN_ISSUER_JSON_MAX_YEN, 0));

  if (kind == ANSHIN_TRANSACTION_KIND_PAYMENT)
    {
      anshin_transaction_set_method (transaction,
                                     reader_enum (r, object, "method", READ_REQUIRED,
                                                  ANSHIN_TYPE_PAYMENT_METHOD_KIND,
                                                  ANSHIN_PAYMENT_METHOD_KIND_MASTERCARD_ONLINE));
      anshin_transaction_set_via (transaction, read_via (r, object));
    }

  anshin_transaction_set_decline_reason (transaction,
                                         read_reason (r, object, "decline_reason",
                                                      ANSHIN_TYPE_DECLINE_REASON,
                                                      ANSHIN_DECLINE_REASON_NONE,
                                                      ANSHIN_DECLINE_REASON_OTHER));
  /* a declined payment always has a reason, if only one we don't know */
  if (status == ANSHIN_TRANSACTION_STATUS_DECLINED &&
      anshin_transaction_get_decline_reason (transaction) == ANSHIN_DECLINE_REASON_NONE)
    anshin_transaction_set_decline_reason (transaction, ANSHIN_DECLINE_REASON_OTHER);
  if (status == ANSHIN_TRANSACTION_STATUS_APPROVED)
    anshin_transaction_set_decline_reason (transaction, ANSHIN_DECLINE_REASON_NONE);

  read_program_verdict (r, object, transaction);
}

/**
 * anshin_issuer_json_to_transaction:
 * @node: one entry of `GET /v1/transactions`
 *
 * Returns: (transfer full) (nullable): the transaction, or %NULL with a
 *   protocol error
 */
AnshinTransaction *
anshin_issuer_json_to_transaction (JsonNode  *node,
                                   GError   **error)
{
  g_auto(Reader) r = { .what = "transaction" };
  g_autoptr(AnshinTransaction) transaction = anshin_transaction_new ();
  JsonObject *object = reader_root (&r, node);

  if (object != NULL)
    read_transaction (&r, object, transaction);

  if (!reader_finish (&r, error))
    return NULL;

  return g_steal_pointer (&transaction);
}

/* Whether @node is an entry of a kind and status this version knows. */
static gboolean
is_known_entry (JsonNode *node)
{
  JsonObject *object;
  const char *kind, *status;
  int value;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return TRUE; /* not an entry at all: let the mapping say so */

  object = json_node_get_object (node);
  kind = anshin_issuer_json_member_string (object, "kind");
  status = anshin_issuer_json_member_string (object, "status");

  /* wrong types and missing members are errors, not unknown values */
  if (kind == NULL || status == NULL)
    return TRUE;

  return anshin_enum_from_api (ANSHIN_TYPE_TRANSACTION_KIND, kind, &value) &&
         anshin_enum_from_api (ANSHIN_TYPE_TRANSACTION_STATUS, status, &value);
}

/**
 * anshin_issuer_json_to_transaction_page:
 * @root: the answer of `GET /v1/transactions`
 *
 * Returns: (transfer full) (nullable): the page, its transactions in the
 *   issuer's order (newest first), or %NULL with a protocol error
 */
AnshinTransactionPage *
anshin_issuer_json_to_transaction_page (JsonNode  *root,
                                        GError   **error)
{
  g_auto(Reader) r = { .what = "transactions" };
  g_autoptr(AnshinTransactionPage) page = anshin_transaction_page_new ();
  JsonObject *object = reader_root (&r, root);
  JsonArray *array = reader_array (&r, object, "transactions", READ_REQUIRED);
  const char *next_before = reader_string (&r, object, "next_before", READ_MAYBE);

  if (next_before != NULL && next_before[0] == '\0')
    reader_fail (&r, "member “next_before” is empty");
  page->next_before = g_strdup (next_before);

  if (!reader_finish (&r, error))
    return NULL;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autoptr(GError) local_error = NULL;
      AnshinTransaction *transaction;

      if (!is_known_entry (element))
        {
          g_debug ("Leaving out transactions[%u]: a kind or status this version does not know", i);
          continue;
        }

      transaction = anshin_issuer_json_to_transaction (element, &local_error);
      if (transaction == NULL)
        {
          g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                      "transactions[%u]: ", i);
          return NULL;
        }

      g_ptr_array_add (page->transactions, transaction);
    }

  return g_steal_pointer (&page);
}
