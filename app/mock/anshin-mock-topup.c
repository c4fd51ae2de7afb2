/* anshin-mock-topup.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Topping up the balance from a registered charge card: 1,000 to 50,000 yen
 * a charge, at most 100,000 yen in any rolling 24 hours and 300,000 yen in
 * any rolling 720 hours. A charge made at T counts in the windows that
 * contain T, that is until T + 24 h (or 720 h), exclusive.
 */

#include "config.h"

#include "anshin-mock-activity.h"
#include "anshin-mock-member-private.h"
#include "anshin-mock-topup.h"

typedef struct
{
  const char *name;
  gint64      seconds;
  gint64      limit;
} Window;

static const Window windows[] = {
  { "24h", ANSHIN_TOPUP_WINDOW_24H / G_TIME_SPAN_SECOND, ANSHIN_TOPUP_LIMIT_24H },
  { "720h", ANSHIN_TOPUP_WINDOW_720H / G_TIME_SPAN_SECOND, ANSHIN_TOPUP_LIMIT_720H },
};

static AnshinMockResponse *
check_window (AnshinMockMember *member,
              const Window     *window,
              gint64            amount,
              gint64            now)
{
  g_autoptr(JsonObject) extra = NULL;
  gint64 used = 0;
  gint64 resets_at = now;
  gint64 excess;

  for (guint i = 0; i < json_array_get_length (member->charges); i++)
    {
      JsonObject *charge = json_array_get_object_element (member->charges, i);

      if (anshin_mock_json_get_unix (charge, "created_at") > now - window->seconds)
        used += json_object_get_int_member_with_default (charge, "amount", 0);
    }

  if (used + amount <= window->limit)
    return NULL;

  /* The earliest time enough of the window's charges have left it for this
   * amount to fit: charges leave oldest first. */
  excess = used + amount - window->limit;
  for (guint i = 0; i < json_array_get_length (member->charges) && excess > 0; i++)
    {
      JsonObject *charge = json_array_get_object_element (member->charges, i);
      gint64 created = anshin_mock_json_get_unix (charge, "created_at");

      if (created <= now - window->seconds)
        continue;

      excess -= json_object_get_int_member_with_default (charge, "amount", 0);
      resets_at = created + window->seconds;
    }

  extra = json_object_new ();
  json_object_set_string_member (extra, "window", window->name);
  json_object_set_int_member (extra, "limit", window->limit);
  json_object_set_int_member (extra, "remaining", MAX (window->limit - used, 0));
  anshin_mock_json_set_unix (extra, "resets_at", resets_at);

  return anshin_mock_response_new_problem (422, "limit_exceeded",
                                           g_str_equal (window->name, "24h") ?
                                             "24時間あたりのチャージ上限（100,000円）を超えています。" :
                                             "720時間あたりのチャージ上限（300,000円）を超えています。",
                                           extra);
}

/**
 * anshin_mock_topup_charge:
 * @member: a member
 * @charge_card_id: the registered charge card to charge
 * @amount: yen
 * @now: the issuer time
 *
 * Returns: (transfer full): the answer to `POST /v1/charges`
 */
AnshinMockResponse *
anshin_mock_topup_charge (AnshinMockMember *member,
                          const char       *charge_card_id,
                          gint64            amount,
                          GDateTime        *now)
{
  g_autoptr(JsonObject) params = json_object_new ();
  g_autofree char *id = NULL;
  g_autofree char *body = NULL;
  JsonObject *balance;
  JsonObject *charge;
  JsonObject *answer;
  gint64 now_unix = g_date_time_to_unix (now);

  if (amount < ANSHIN_TOPUP_MIN || amount > ANSHIN_TOPUP_MAX)
    {
      g_autoptr(JsonObject) extra = json_object_new ();

      json_object_set_int_member (extra, "min", ANSHIN_TOPUP_MIN);
      json_object_set_int_member (extra, "max", ANSHIN_TOPUP_MAX);
      return anshin_mock_response_new_problem (422, "amount_out_of_range",
                                               "1回のチャージは1,000円から50,000円までです。", extra);
    }

  if (anshin_mock_json_find_by_id (member->charge_cards, charge_card_id, NULL) == NULL)
    return anshin_mock_response_new_problem (SOUP_STATUS_NOT_FOUND, "not_found",
                                             "指定されたクレジットカードは登録されていません。", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (windows); i++)
    {
      AnshinMockResponse *refused = check_window (member, &windows[i], amount, now_unix);

      if (refused != NULL)
        return refused;
    }

  id = anshin_mock_member_next_id (member, "chg");
  charge = json_object_new ();
  json_object_set_string_member (charge, "id", id);
  json_object_set_int_member (charge, "amount", amount);
  anshin_mock_json_set_time (charge, "created_at", now);
  json_object_set_string_member (charge, "charge_card_id", charge_card_id);
  json_array_add_object_element (member->charges, charge);

  balance = anshin_mock_member_ensure_balance (member);
  json_object_set_int_member (balance, "amount",
                              json_object_get_int_member_with_default (balance, "amount", 0) + amount);

  json_object_set_int_member (params, "amount", amount);
  body = g_strdup_printf ("%" G_GINT64_FORMAT "円のチャージが完了しました。", amount);
  anshin_mock_member_add_notice (member, "charge_completed", "push",
                                 "チャージ完了のお知らせ", body, params, now);
  anshin_mock_member_emit (member, "card.updated");
  anshin_mock_activity_add_top_up (member, charge, json_object_get_int_member (balance, "amount"));

  answer = json_object_new ();
  json_object_set_object_member (answer, "charge", anshin_mock_json_object_copy (charge));
  json_object_set_object_member (answer, "balance", anshin_mock_json_object_copy (balance));

  return anshin_mock_response_new_object (SOUP_STATUS_CREATED, answer);
}

/**
 * anshin_mock_topup_dup_charges:
 * @member: a member
 *
 * Returns: (transfer full): the `GET /v1/charges` body, newest first
 */
JsonObject *
anshin_mock_topup_dup_charges (AnshinMockMember *member)
{
  JsonObject *answer = json_object_new ();
  JsonArray *charges = json_array_new ();

  for (guint i = json_array_get_length (member->charges); i > 0; i--)
    json_array_add_object_element (charges,
                                   anshin_mock_json_object_copy (json_array_get_object_element (member->charges, i - 1)));
  json_object_set_array_member (answer, "charges", charges);

  return answer;
}
