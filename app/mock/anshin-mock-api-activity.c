/* anshin-mock-api-activity.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The activity (`GET /v1/transactions`) and the till of the demo
 * (`POST /admin/payments`), plus the mock-only `POST /admin/history` that
 * adds a long history for trying the app with many transactions.
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "anshin-mock-activity.h"
#include "anshin-mock-server.h"

static void
reply_invalid (AnshinMockRequest *request,
               const char        *field,
               const char        *detail)
{
  g_autoptr(JsonObject) extra = json_object_new ();
  JsonArray *fields = json_array_new ();
  JsonObject *entry = json_object_new ();

  json_object_set_string_member (entry, "field", field);
  json_object_set_string_member (entry, "code", "invalid_value");
  json_array_add_object_element (fields, entry);
  json_object_set_array_member (extra, "fields", fields);
  anshin_mock_request_reply_problem (request, SOUP_STATUS_BAD_REQUEST, "invalid_request", detail, extra);
}

/* A decimal integer in [min, max], nothing else. */
static gboolean
parse_count (const char *text,
             gint64      min,
             gint64      max,
             gint64     *out_value)
{
  guint64 value;

  if (text == NULL || *text == '\0' || strlen (text) > 9)
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    {
      if (!g_ascii_isdigit (*p))
        return FALSE;
    }

  value = g_ascii_strtoull (text, NULL, 10);
  if ((gint64) value < min || (gint64) value > max)
    return FALSE;

  *out_value = (gint64) value;
  return TRUE;
}

static void
list_transactions (AnshinMockRequest *request)
{
  const char *before = request->query != NULL ? g_hash_table_lookup (request->query, "before") : NULL;
  const char *limit_text = request->query != NULL ? g_hash_table_lookup (request->query, "limit") : NULL;
  gint64 limit = ANSHIN_MOCK_TRANSACTIONS_LIMIT_DEFAULT;
  JsonObject *page;
  gboolean found;

  if (limit_text != NULL &&
      !parse_count (limit_text, 1, ANSHIN_MOCK_TRANSACTIONS_LIMIT_MAX, &limit))
    {
      reply_invalid (request, "limit", "limitは1から200までの整数で指定してください。");
      return;
    }

  page = anshin_mock_activity_dup_page (request->member, before, limit, &found);
  if (!found)
    {
      reply_invalid (request, "before", "指定された取引は見つかりません。");
      return;
    }

  anshin_mock_request_reply_object (request, SOUP_STATUS_OK, page);
}

static gboolean
is_payment_method (const char *method)
{
  return g_strcmp0 (method, "mastercard_online") == 0 ||
         g_strcmp0 (method, "mastercard_contactless") == 0 ||
         g_strcmp0 (method, "quicpay") == 0;
}

/* {"method", "via", "amount", "merchant"}: a payment attempt at a till now */
static void
make_payment (AnshinMockRequest *request)
{
  AnshinMockMember *member = anshin_mock_state_get_member (request->state);
  const char *method = anshin_mock_request_get_string (request, "method");
  const char *merchant = anshin_mock_request_get_string (request, "merchant");
  const char *via = NULL;
  JsonNode *via_node = json_object_get_member (request->body, "via");
  JsonObject *answer;
  gint64 amount;

  anshin_mock_request_get_int (request, "amount", &amount);
  if (via_node != NULL && !JSON_NODE_HOLDS_NULL (via_node))
    via = anshin_mock_request_get_string (request, "via");
  if (!anshin_mock_request_check_fields (request))
    return;

  if (!is_payment_method (method))
    {
      reply_invalid (request, "method", "methodはmastercard_online、mastercard_contactless、quicpayのいずれかです。");
      return;
    }
  if (via != NULL && g_strcmp0 (via, "apple_pay") != 0 && g_strcmp0 (via, "google_pay") != 0)
    {
      reply_invalid (request, "via", "viaはapple_pay、google_pay、nullのいずれかです。");
      return;
    }
  if (amount < 1 || amount > 10000000)
    {
      reply_invalid (request, "amount", "amountは1円から10,000,000円までの整数で指定してください。");
      return;
    }
  if (*merchant == '\0' || strlen (merchant) > 200)
    {
      reply_invalid (request, "merchant", "merchantは1文字以上200文字以下で指定してください。");
      return;
    }

  answer = json_object_new ();
  json_object_set_object_member (answer, "transaction",
                                 anshin_mock_activity_pay (member, method, via, amount, merchant, request->now));
  anshin_mock_request_reply_object (request, SOUP_STATUS_CREATED, answer);
}

/* Mock-only: {"count": N} adds N older approved payments (benchmarks). */
static void
add_history (AnshinMockRequest *request)
{
  AnshinMockMember *member = anshin_mock_state_get_member (request->state);
  JsonObject *answer;
  gint64 count;

  anshin_mock_request_get_int (request, "count", &count);
  if (!anshin_mock_request_check_fields (request))
    return;

  if (count < 1 || count > ANSHIN_MOCK_HISTORY_MAX)
    {
      reply_invalid (request, "count", "countは1から100,000までの整数で指定してください。");
      return;
    }

  answer = json_object_new ();
  json_object_set_int_member (answer, "transactions",
                              anshin_mock_activity_add_history (member, (guint) count, request->now));
  anshin_mock_request_reply_object (request, SOUP_STATUS_CREATED, answer);
}

static const AnshinMockRoute activity_routes[] = {
  { "GET", "/v1/transactions", ANSHIN_MOCK_ROUTE_SESSION, list_transactions },
  { "POST", "/admin/payments", ANSHIN_MOCK_ROUTE_ADMIN | ANSHIN_MOCK_ROUTE_BODY, make_payment },
  { "POST", "/admin/history", ANSHIN_MOCK_ROUTE_ADMIN | ANSHIN_MOCK_ROUTE_BODY, add_history },
};

const AnshinMockRoute *
anshin_mock_api_activity_routes (guint *n_routes)
{
  *n_routes = G_N_ELEMENTS (activity_routes);
  return activity_routes;
}
