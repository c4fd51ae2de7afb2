/* anshin-mock-activity.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The card's activity (`GET /v1/transactions`): payment attempts at shops,
 * decided by the contract's rules (not frozen, the method available, the
 * balance covering the amount; the first failing rule is the reason), and
 * top-ups. A payment counts for the member's programme only when approved
 * through one of its `requires_networks`, and earns
 * floor (amount / earn_yen) * earn_points. Every new transaction sends
 * `transactions.updated`; a declined one also issues `payment_declined`.
 */

#include "config.h"

#include "anshin-mock-activity.h"
#include "anshin-mock-member-private.h"
#include "anshin-time.h"

/* Shops of the history added by anshin_mock_activity_add_history(). */
static const struct {
  const char *merchant;
  const char *method;
  gint64      amount;
} history_shops[] = {
  { "ローソン 浜松町駅前店", "quicpay", 648 },
  { "セブン-イレブン 大門駅前店", "quicpay", 432 },
  { "ファミリーマート 芝公園店", "quicpay", 780 },
  { "NewDays 品川駅中央改札内", "quicpay", 356 },
  { "まいばすけっと 芝浦4丁目店", "mastercard_contactless", 1284 },
  { "Amazon.co.jp", "mastercard_online", 2980 },
};

static void
index_transaction (AnshinMockMember *self,
                   guint             position)
{
  JsonObject *transaction = json_array_get_object_element (self->transactions, position);

  g_hash_table_replace (self->transaction_index,
                        g_strdup (json_object_get_string_member (transaction, "id")),
                        GUINT_TO_POINTER (position + 1));
}

static void
set_nullable_string (JsonObject *object,
                     const char *member,
                     const char *value)
{
  if (value != NULL)
    json_object_set_string_member (object, member, value);
  else
    json_object_set_null_member (object, member);
}

/* The programme a payment is counted for: the member's first. */
static JsonObject *
member_program (AnshinMockMember *self)
{
  JsonArray *programs = anshin_mock_scenario_get_programs (self->scenario);

  if (json_array_get_length (programs) == 0)
    return NULL;

  return json_array_get_object_element (programs, 0);
}

static gboolean
program_requires (JsonObject *program,
                  const char *method)
{
  JsonNode *node = json_object_get_member (program, "requires_networks");
  JsonArray *required;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return FALSE;

  required = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (required); i++)
    {
      JsonNode *element = json_array_get_element (required, i);

      if (JSON_NODE_HOLDS_VALUE (element) && json_node_get_value_type (element) == G_TYPE_STRING &&
          g_strcmp0 (json_node_get_string (element), method) == 0)
        return TRUE;
    }

  return FALSE;
}

/* The `program` member of a payment, or %NULL when there is no programme. */
static JsonObject *
program_verdict (AnshinMockMember *self,
                 const char       *method,
                 gint64            amount,
                 gboolean          approved)
{
  JsonObject *program = member_program (self);
  gint64 earn_yen, earn_points, points = 0;
  gboolean eligible;
  JsonObject *verdict;

  if (program == NULL)
    return NULL;

  eligible = approved && program_requires (program, method);
  earn_yen = json_object_get_int_member_with_default (program, "earn_yen", 0);
  earn_points = json_object_get_int_member_with_default (program, "earn_points", 0);
  if (eligible && earn_yen > 0 && earn_points > 0)
    points = (amount / earn_yen) * earn_points;

  verdict = json_object_new ();
  json_object_set_string_member (verdict, "id",
                                 json_object_get_string_member_with_default (program, "id", ""));
  json_object_set_boolean_member (verdict, "eligible", eligible);
  if (eligible)
    json_object_set_null_member (verdict, "reason");
  else
    json_object_set_string_member (verdict, "reason", approved ? "network_not_eligible" : "declined");
  json_object_set_int_member (verdict, "points", points);

  return verdict;
}

static JsonObject *
new_payment (AnshinMockMember *self,
             const char       *id,
             const char       *method,
             const char       *via,
             gint64            amount,
             const char       *merchant,
             const char       *occurred_at,
             const char       *decline_reason,
             gint64            balance_after)
{
  JsonObject *transaction = json_object_new ();
  JsonObject *verdict = program_verdict (self, method, amount, decline_reason == NULL);

  json_object_set_string_member (transaction, "id", id);
  json_object_set_string_member (transaction, "kind", "payment");
  json_object_set_string_member (transaction, "status", decline_reason == NULL ? "approved" : "declined");
  json_object_set_int_member (transaction, "amount", amount);
  set_nullable_string (transaction, "merchant", merchant);
  json_object_set_string_member (transaction, "method", method);
  set_nullable_string (transaction, "via", via);
  json_object_set_string_member (transaction, "occurred_at", occurred_at);
  set_nullable_string (transaction, "decline_reason", decline_reason);
  json_object_set_int_member (transaction, "balance_after", balance_after);
  if (verdict != NULL)
    json_object_set_object_member (transaction, "program", verdict);
  else
    json_object_set_null_member (transaction, "program");

  return transaction;
}

static JsonObject *
new_top_up (const char *id,
            gint64      amount,
            const char *occurred_at,
            gint64      balance_after)
{
  JsonObject *transaction = json_object_new ();

  json_object_set_string_member (transaction, "id", id);
  json_object_set_string_member (transaction, "kind", "top_up");
  json_object_set_string_member (transaction, "status", "approved");
  json_object_set_int_member (transaction, "amount", amount);
  json_object_set_null_member (transaction, "merchant");
  json_object_set_null_member (transaction, "method");
  json_object_set_null_member (transaction, "via");
  json_object_set_string_member (transaction, "occurred_at", occurred_at);
  json_object_set_null_member (transaction, "decline_reason");
  json_object_set_int_member (transaction, "balance_after", balance_after);
  json_object_set_null_member (transaction, "program");

  return transaction;
}

static gint64
balance_of (AnshinMockMember *self)
{
  return json_object_get_int_member_with_default (anshin_mock_member_ensure_balance (self), "amount", 0);
}

static void
append_transaction (AnshinMockMember *self,
                    JsonObject       *transaction)
{
  JsonObject *program = json_object_get_member (transaction, "program") != NULL &&
                        JSON_NODE_HOLDS_OBJECT (json_object_get_member (transaction, "program")) ?
                          json_object_get_object_member (transaction, "program") : NULL;

  json_array_add_object_element (self->transactions, transaction);
  index_transaction (self, json_array_get_length (self->transactions) - 1);

  if (program != NULL && json_object_get_int_member_with_default (program, "points", 0) > 0)
    {
      const char *id = json_object_get_string_member (program, "id");

      json_object_set_int_member (self->points_earned, id,
                                  json_object_get_int_member_with_default (self->points_earned, id, 0) +
                                  json_object_get_int_member (program, "points"));
    }
}

/* The state of @method as `GET /v1/card/networks` shows it now. */
static gboolean
method_available (AnshinMockMember *self,
                  const char       *method)
{
  g_autoptr(JsonObject) networks = anshin_mock_member_dup_networks (self);
  JsonObject *network = anshin_mock_json_find_by_id (json_object_get_array_member (networks, "networks"),
                                                     method, NULL);

  return network != NULL &&
         g_strcmp0 (json_object_get_string_member_with_default (network, "state", NULL), "available") == 0;
}

static const char *
decide (AnshinMockMember *self,
        const char       *method,
        gint64            amount)
{
  if (g_strcmp0 (anshin_mock_member_card_state (self), "frozen") == 0)
    return "card_frozen";
  if (!method_available (self, method))
    return "network_unavailable";
  if (balance_of (self) < amount)
    return "insufficient_balance";

  return NULL;
}

static const char *
method_name_ja (const char *method)
{
  if (g_strcmp0 (method, "quicpay") == 0)
    return "QUICPay";
  if (g_strcmp0 (method, "mastercard_contactless") == 0)
    return "Mastercardタッチ決済";
  return "Mastercard";
}

/**
 * anshin_mock_activity_pay:
 * @member: a member
 * @method: the API id of the payment method the shop's till used
 * @via: (nullable): the wallet QUICPay was used through
 * @amount: yen, positive
 * @merchant: the shop
 * @now: the issuer time of the attempt
 *
 * A payment attempt at a till, approved or declined by the rules.
 *
 * Returns: (transfer full): the transaction, in API shape
 */
JsonObject *
anshin_mock_activity_pay (AnshinMockMember *member,
                          const char       *method,
                          const char       *via,
                          gint64            amount,
                          const char       *merchant,
                          GDateTime        *now)
{
  g_autofree char *id = NULL;
  g_autofree char *occurred_at = anshin_time_to_string (now);
  const char *reason;
  JsonObject *transaction;
  gint64 balance;

  g_return_val_if_fail (ANSHIN_IS_MOCK_MEMBER (member), NULL);
  g_return_val_if_fail (method != NULL && amount > 0, NULL);

  reason = decide (member, method, amount);
  balance = balance_of (member);
  if (reason == NULL)
    {
      balance -= amount;
      json_object_set_int_member (anshin_mock_member_ensure_balance (member), "amount", balance);
    }

  id = anshin_mock_member_next_id (member, "txn");
  transaction = new_payment (member, id, method, via, amount, merchant, occurred_at, reason, balance);
  append_transaction (member, transaction);

  if (reason != NULL)
    {
      g_autoptr(JsonObject) params = json_object_new ();
      g_autofree char *body = NULL;

      json_object_set_string_member (params, "transaction_id", id);
      json_object_set_string_member (params, "method", method);
      json_object_set_string_member (params, "reason", reason);
      if (g_str_equal (reason, "card_frozen"))
        body = g_strdup_printf ("%sでの%sのご利用は承認されませんでした（カードご利用一時停止中）。",
                                merchant, method_name_ja (method));
      else if (g_str_equal (reason, "insufficient_balance"))
        body = g_strdup_printf ("%sでの%sのご利用は承認されませんでした（残高不足）。",
                                merchant, method_name_ja (method));
      else
        body = g_strdup_printf ("%sでの%sのご利用は承認されませんでした。",
                                merchant, method_name_ja (method));
      anshin_mock_member_add_notice (member, "payment_declined", "push",
                                     "【つばさペイ】カードご利用不可のお知らせ", body, params, now);
    }
  else
    anshin_mock_member_emit (member, "card.updated");

  anshin_mock_member_emit (member, "transactions.updated");

  return anshin_mock_json_object_copy (transaction);
}

/**
 * anshin_mock_activity_add_top_up:
 * @member: a member
 * @charge: the charge just made (`id`, `amount`, `created_at`)
 * @balance_after: the balance with it
 *
 * Records a top-up in the activity (its id is the charge's).
 */
void
anshin_mock_activity_add_top_up (AnshinMockMember *member,
                                 JsonObject       *charge,
                                 gint64            balance_after)
{
  g_return_if_fail (ANSHIN_IS_MOCK_MEMBER (member));

  append_transaction (member,
                      new_top_up (json_object_get_string_member (charge, "id"),
                                  json_object_get_int_member (charge, "amount"),
                                  json_object_get_string_member (charge, "created_at"),
                                  balance_after));
  anshin_mock_member_emit (member, "transactions.updated");
}

/**
 * anshin_mock_activity_dup_page:
 * @member: a member
 * @before: (nullable): page back from this transaction (not included)
 * @limit: at most this many, 1 to %ANSHIN_MOCK_TRANSACTIONS_LIMIT_MAX
 * @out_found: (out): whether @before names a transaction
 *
 * Returns: (transfer full) (nullable): the `GET /v1/transactions` body,
 *   newest first, or %NULL when @before is unknown
 */
JsonObject *
anshin_mock_activity_dup_page (AnshinMockMember *member,
                               const char       *before,
                               gint64            limit,
                               gboolean         *out_found)
{
  JsonObject *answer;
  JsonArray *page;
  guint end = json_array_get_length (member->transactions);
  guint start;

  g_return_val_if_fail (ANSHIN_IS_MOCK_MEMBER (member), NULL);
  g_return_val_if_fail (limit > 0, NULL);

  *out_found = TRUE;
  if (before != NULL)
    {
      guint position = GPOINTER_TO_UINT (g_hash_table_lookup (member->transaction_index, before));

      if (position == 0)
        {
          *out_found = FALSE;
          return NULL;
        }
      end = position - 1;
    }

  start = end > (guint64) limit ? end - (guint) limit : 0;
  page = json_array_sized_new (end - start);
  for (guint i = end; i > start; i--)
    json_array_add_object_element (page,
                                   anshin_mock_json_object_copy (json_array_get_object_element (member->transactions, i - 1)));

  answer = json_object_new ();
  json_object_set_array_member (answer, "transactions", page);
  if (start > 0)
    json_object_set_string_member (answer, "next_before",
                                   json_object_get_string_member (json_array_get_object_element (member->transactions, start),
                                                                  "id"));
  else
    json_object_set_null_member (answer, "next_before");

  return answer;
}

guint
anshin_mock_activity_get_n_transactions (AnshinMockMember *member)
{
  g_return_val_if_fail (ANSHIN_IS_MOCK_MEMBER (member), 0);

  return json_array_get_length (member->transactions);
}

/**
 * anshin_mock_activity_add_history:
 * @member: a member
 * @count: how many payments, at most %ANSHIN_MOCK_HISTORY_MAX
 * @now: the issuer time
 *
 * Adds @count approved payments at the shops of a commuter's week, older
 * than every transaction so far (about four a day, going back from the
 * oldest), for trying the app with a long activity. No notices; the balance
 * stays as it is. Sends one `transactions.updated`.
 *
 * Returns: the number of transactions now
 */
guint
anshin_mock_activity_add_history (AnshinMockMember *member,
                                  guint             count,
                                  GDateTime        *now)
{
  g_autoptr(JsonArray) older = NULL;
  g_autoptr(GDateTime) oldest = NULL;
  gint64 balance = 0;

  g_return_val_if_fail (ANSHIN_IS_MOCK_MEMBER (member), 0);

  count = MIN (count, ANSHIN_MOCK_HISTORY_MAX);
  if (json_array_get_length (member->transactions) > 0)
    {
      JsonObject *first = json_array_get_object_element (member->transactions, 0);

      oldest = anshin_time_parse (json_object_get_string_member (first, "occurred_at"));
      balance = json_object_get_int_member_with_default (first, "balance_after", 0) +
                (g_strcmp0 (json_object_get_string_member_with_default (first, "kind", NULL), "top_up") == 0 ?
                   -json_object_get_int_member_with_default (first, "amount", 0) :
                   g_strcmp0 (json_object_get_string_member_with_default (first, "status", NULL), "approved") == 0 ?
                     json_object_get_int_member_with_default (first, "amount", 0) : 0);
    }
  if (oldest == NULL)
    {
      oldest = g_date_time_ref (now);
      balance = balance_of (member);
    }

  /* Written newest first, going back in time, then put in front. */
  older = json_array_sized_new (count);
  for (guint i = 0; i < count; i++)
    {
      guint shop = i % G_N_ELEMENTS (history_shops);
      g_autoptr(GDateTime) at = g_date_time_add_seconds (oldest, -(gint64) (i + 1) * 6 * 60 * 60 - (i % 7) * 60);
      g_autofree char *occurred_at = anshin_time_to_string (at);
      g_autofree char *id = g_strdup_printf ("txn_h%u_%u", member->next_id, count - i);
      gint64 amount = history_shops[shop].amount + (i % 5) * 10;

      json_array_add_object_element (older,
                                     new_payment (member, id, history_shops[shop].method,
                                                  g_str_equal (history_shops[shop].method, "quicpay") ? "apple_pay" : NULL,
                                                  amount, history_shops[shop].merchant,
                                                  occurred_at, NULL, balance));
      balance += amount;
    }
  member->next_id++;

  for (guint i = 0; i < json_array_get_length (member->transactions); i++)
    json_array_add_element (older, json_node_copy (json_array_get_element (member->transactions, i)));
  json_array_unref (member->transactions);
  /* the oldest first again */
  member->transactions = json_array_sized_new (json_array_get_length (older));
  for (guint i = count; i > 0; i--)
    json_array_add_element (member->transactions, json_node_copy (json_array_get_element (older, i - 1)));
  for (guint i = count; i < json_array_get_length (older); i++)
    json_array_add_element (member->transactions, json_node_copy (json_array_get_element (older, i)));
  anshin_mock_member_index_activity (member);

  anshin_mock_member_emit (member, "transactions.updated");

  return json_array_get_length (member->transactions);
}

void
anshin_mock_member_index_activity (AnshinMockMember *self)
{
  g_hash_table_remove_all (self->transaction_index);
  for (guint i = 0; i < json_array_get_length (self->transactions); i++)
    index_transaction (self, i);
}

/* The scenario's history (payments before the start and the charges made
 * before it) as transactions, with the balance after each worked out
 * backwards from the balance at the start. */
void
anshin_mock_member_start_activity (AnshinMockMember *self)
{
  JsonArray *payments = anshin_mock_scenario_get_payments (self->scenario);
  guint n_history = anshin_mock_scenario_get_first_scheduled_payment (self->scenario);
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  gint64 balance = balance_of (self);
  guint p = n_history, c = json_array_get_length (self->charges);

  /* Merge the two, newest first. */
  while (p > 0 || c > 0)
    {
      JsonObject *payment = p > 0 ? json_array_get_object_element (payments, p - 1) : NULL;
      JsonObject *charge = c > 0 ? json_array_get_object_element (self->charges, c - 1) : NULL;
      gboolean take_payment = charge == NULL ||
        (payment != NULL && anshin_mock_json_get_unix (payment, "at") >= anshin_mock_json_get_unix (charge, "created_at"));

      if (take_payment)
        {
          const char *reason = json_object_get_string_member_with_default (payment, "decline_reason", NULL);
          gint64 amount = json_object_get_int_member (payment, "amount");

          g_ptr_array_add (entries,
                           new_payment (self, "",
                                        json_object_get_string_member (payment, "method"),
                                        json_object_get_string_member_with_default (payment, "via", NULL),
                                        amount,
                                        json_object_get_string_member (payment, "merchant"),
                                        json_object_get_string_member (payment, "at"),
                                        reason, balance));
          if (reason == NULL)
            balance += amount;
          p--;
        }
      else
        {
          gint64 amount = json_object_get_int_member_with_default (charge, "amount", 0);

          g_ptr_array_add (entries,
                           new_top_up (json_object_get_string_member_with_default (charge, "id", "chg"),
                                       amount,
                                       json_object_get_string_member_with_default (charge, "created_at", ""),
                                       balance));
          balance -= amount;
          c--;
        }
    }

  /* Payments get their ids oldest first, like the ones made later. */
  for (guint i = entries->len; i > 0; i--)
    {
      JsonObject *entry = g_ptr_array_index (entries, i - 1);

      if (g_str_equal (json_object_get_string_member (entry, "kind"), "payment"))
        {
          g_autofree char *id = anshin_mock_member_next_id (self, "txn");

          json_object_set_string_member (entry, "id", id);
        }
      append_transaction (self, json_object_ref (entry));
    }

  /* the points of the history are in the scenario's points_balance */
  json_object_unref (self->points_earned);
  self->points_earned = json_object_new ();
}

/* Makes the scenario's payment @index; %TRUE if it was made. */
gboolean
anshin_mock_member_pay_scheduled (AnshinMockMember *self,
                                  guint             index)
{
  JsonObject *payment = json_array_get_object_element (anshin_mock_scenario_get_payments (self->scenario), index);
  g_autoptr(GDateTime) at = anshin_time_parse (json_object_get_string_member (payment, "at"));
  g_autoptr(JsonObject) transaction = NULL;

  transaction = anshin_mock_activity_pay (self,
                                          json_object_get_string_member (payment, "method"),
                                          json_object_get_string_member_with_default (payment, "via", NULL),
                                          json_object_get_int_member (payment, "amount"),
                                          json_object_get_string_member (payment, "merchant"),
                                          at);
  return transaction != NULL;
}
