/* anshin-mock-registration.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Registering a charge card, as the issuer does it: single-use form tokens,
 * the same field rules as the app (app/core), declined test numbers,
 * 3-D Secure one-time codes, and the member lock: after max_attempts counted
 * failures within 24 hours, registration is locked for 24 hours from the
 * last one, whatever session, cookie or form token comes next.
 */

#include "config.h"

#include <string.h>

#include "anshin-card-fields.h"
#include "anshin-card-number.h"
#include "anshin-core-enum-types.h"
#include "anshin-enum-util.h"
#include "anshin-mock-member-private.h"
#include "anshin-mock-registration.h"

#define CHALLENGE_LIFETIME (5 * 60)
#define MAX_CHARGE_CARDS 5

#define DETAIL_FORM_EXPIRED "セッションタイムアウトが発生しました。もしくは、ブラウザのクッキー設定がオフである可能性もあります。"
#define DETAIL_LOCKED "クレジットカード登録エラー回数制限に達しました。24時間後に再度お試しください。"

static const AnshinMockRegistrationRules *
rules (AnshinMockMember *member)
{
  return anshin_mock_scenario_get_registration (member->scenario);
}

static guint
recent_failures (AnshinMockMember *member,
                 gint64            now)
{
  guint count = 0;

  for (guint i = 0; i < member->failures->len; i++)
    {
      if (g_array_index (member->failures, gint64, i) > now - ANSHIN_MOCK_DAY)
        count++;
    }

  return count;
}

static guint
attempts_remaining (AnshinMockMember *member,
                    gint64            now)
{
  guint max = rules (member)->max_attempts;
  guint used;

  if (member->locked_until > now)
    return 0;

  used = recent_failures (member, now);
  return used >= max ? 0 : max - used;
}

/* Counts a failed attempt; returns the extension members of the answer. */
static JsonObject *
count_failure (AnshinMockMember *member,
               GDateTime        *now)
{
  gint64 now_unix = g_date_time_to_unix (now);
  JsonObject *extra = json_object_new ();
  guint remaining;

  /* Older failures no longer matter to the sliding window. */
  for (guint i = member->failures->len; i > 0; i--)
    {
      if (g_array_index (member->failures, gint64, i - 1) <= now_unix - ANSHIN_MOCK_DAY)
        g_array_remove_index (member->failures, i - 1);
    }
  g_array_append_val (member->failures, now_unix);

  if (recent_failures (member, now_unix) >= rules (member)->max_attempts)
    {
      g_autoptr(JsonObject) params = json_object_new ();

      member->locked_until = now_unix + ANSHIN_MOCK_DAY;
      anshin_mock_json_set_unix (params, "locked_until", member->locked_until);
      anshin_mock_member_add_notice (member, "charge_card_registration_locked", "email",
                                     "【つばさペイ】クレジットカード登録エラー回数制限のお知らせ",
                                     DETAIL_LOCKED, params, now);
    }

  remaining = attempts_remaining (member, now_unix);
  json_object_set_int_member (extra, "attempts_remaining", remaining);
  if (member->locked_until > now_unix)
    anshin_mock_json_set_unix (extra, "locked_until", member->locked_until);

  return extra;
}

static AnshinMockResponse *
counted_failure (AnshinMockMember *member,
                 GDateTime        *now,
                 guint             status,
                 const char       *code,
                 const char       *detail,
                 JsonObject       *fields)
{
  g_autoptr(JsonObject) extra = count_failure (member, now);

  if (fields != NULL)
    json_object_set_member (extra, "fields", json_object_dup_member (fields, "fields"));

  return anshin_mock_response_new_problem (status, code, detail, extra);
}

/* Outstanding form tokens a member may hold: a client that keeps asking
 * for forms (a reload loop, a load test) must not grow the issuer without
 * bound; the token that expires first makes room. */
#define MAX_FORM_TOKENS 16

static void
prune_form_tokens (AnshinMockMember *member,
                   gint64            now)
{
  GHashTableIter iter;
  gpointer key, value;
  gpointer oldest = NULL;
  gint64 oldest_expiry = G_MAXINT64;

  g_hash_table_iter_init (&iter, member->form_tokens);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      if (*(gint64 *)value <= now)
        g_hash_table_iter_remove (&iter);
      else if (*(gint64 *)value < oldest_expiry)
        {
          oldest = key;
          oldest_expiry = *(gint64 *)value;
        }
    }

  if (oldest != NULL && g_hash_table_size (member->form_tokens) >= MAX_FORM_TOKENS)
    g_hash_table_remove (member->form_tokens, oldest);
}

static char *
fingerprint (const char *digits)
{
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, digits, -1);
}

static gboolean
is_registered (AnshinMockMember *member,
               const char       *print)
{
  for (guint i = 0; i < json_array_get_length (member->charge_cards); i++)
    {
      JsonObject *card = json_array_get_object_element (member->charge_cards, i);

      if (g_strcmp0 (json_object_get_string_member_with_default (card, "fingerprint", NULL), print) == 0)
        return TRUE;
    }

  return FALSE;
}

static JsonObject *
public_card (JsonObject *card)
{
  JsonObject *copy = anshin_mock_json_object_copy (card);

  json_object_remove_member (copy, "fingerprint");
  return copy;
}

/* @which is the field that was validated: an error's code alone does not
 * say it (REQUIRED belongs to every field). */
static void
add_field_error (JsonArray       *fields,
                 AnshinCardField  which,
                 const GError    *error)
{
  JsonObject *field = json_object_new ();

  json_object_set_string_member (field, "field",
                                 anshin_enum_to_api (ANSHIN_TYPE_CARD_FIELD, which));
  json_object_set_string_member (field, "code",
                                 anshin_card_field_error_to_api_code (error->code));
  json_array_add_object_element (fields, field);
}

static AnshinMockResponse *
register_card (AnshinMockMember *member,
               JsonObject       *pending,
               GDateTime        *now,
               guint             status)
{
  g_autoptr(JsonObject) params = json_object_new ();
  g_autofree char *id = anshin_mock_member_next_id (member, "cc");
  g_autofree char *body = NULL;
  JsonObject *card = anshin_mock_json_object_copy (pending);
  JsonObject *answer = json_object_new ();

  json_object_set_string_member (card, "id", id);
  anshin_mock_json_set_time (card, "registered_at", now);
  json_array_add_object_element (member->charge_cards, card);
  json_object_set_object_member (answer, "charge_card", public_card (card));

  json_object_set_string_member (params, "last4", json_object_get_string_member (card, "last4"));
  body = g_strdup_printf ("末尾%sのクレジットカードをチャージ用に登録しました。",
                          json_object_get_string_member (card, "last4"));
  anshin_mock_member_add_notice (member, "charge_card_registered", "email",
                                 "【つばさペイ】チャージ用クレジットカード登録完了のお知らせ",
                                 body, params, now);
  anshin_mock_member_emit (member, "charge_cards.updated");

  return anshin_mock_response_new_object (status, answer);
}

static gboolean
wants_challenge (AnshinMockMember *member,
                 const char       *digits)
{
  switch (rules (member)->challenge)
    {
    case ANSHIN_MOCK_CHALLENGE_ALL:
      return TRUE;
    case ANSHIN_MOCK_CHALLENGE_LISTED:
      return g_strv_contains ((const char * const *)rules (member)->challenge_numbers, digits);
    case ANSHIN_MOCK_CHALLENGE_NONE:
    default:
      return FALSE;
    }
}

static AnshinMockResponse *
start_challenge (AnshinMockMember *member,
                 JsonObject       *pending,
                 GDateTime        *now)
{
  AnshinMockChallenge *challenge = g_new0 (AnshinMockChallenge, 1);
  JsonObject *answer = json_object_new ();
  JsonObject *object = json_object_new ();

  challenge->id = anshin_mock_member_next_id (member, "chl");
  challenge->code = g_strdup_printf ("%06u", (guint)g_random_int_range (0, 1000000));
  challenge->expires_at = g_date_time_to_unix (now) + CHALLENGE_LIFETIME;
  challenge->pending_card = json_object_ref (pending);
  g_hash_table_replace (member->challenges, challenge->id, challenge);

  json_object_set_string_member (object, "id", challenge->id);
  json_object_set_string_member (object, "method", "one_time_code");
  anshin_mock_json_set_unix (object, "expires_at", challenge->expires_at);
  json_object_set_object_member (answer, "challenge", object);

  return anshin_mock_response_new_object (SOUP_STATUS_ACCEPTED, answer);
}

/**
 * anshin_mock_registration_dup_locked_until:
 * @member: a member
 * @now: the issuer time
 *
 * Returns: (transfer full) (nullable): when the lock lifts, or %NULL if
 *   registration is not locked
 */
GDateTime *
anshin_mock_registration_dup_locked_until (AnshinMockMember *member,
                                           GDateTime        *now)
{
  if (member->locked_until <= g_date_time_to_unix (now))
    return NULL;

  return g_date_time_new_from_unix_utc (member->locked_until);
}

/**
 * anshin_mock_registration_check_lock:
 * @member: a member
 * @now: the issuer time
 *
 * Returns: (transfer full) (nullable): the 429 answer if registration is
 *   locked; it neither counts nor extends the lock
 */
AnshinMockResponse *
anshin_mock_registration_check_lock (AnshinMockMember *member,
                                     GDateTime        *now)
{
  g_autoptr(JsonObject) extra = json_object_new ();
  g_autofree char *retry_after = NULL;
  AnshinMockResponse *response;
  gint64 now_unix = g_date_time_to_unix (now);

  if (member->locked_until <= now_unix)
    return NULL;

  anshin_mock_json_set_unix (extra, "locked_until", member->locked_until);
  json_object_set_int_member (extra, "attempts_remaining", 0);
  response = anshin_mock_response_new_problem (429,
                                               "registration_locked", DETAIL_LOCKED, extra);
  retry_after = g_strdup_printf ("%" G_GINT64_FORMAT, member->locked_until - now_unix);
  anshin_mock_response_add_header (response, "Retry-After", retry_after);

  return response;
}

/**
 * anshin_mock_registration_dup_status:
 * @member: a member
 * @now: the issuer time
 *
 * Issues a new single-use form token unless registration is locked.
 *
 * Returns: (transfer full): the `GET /v1/charge-cards/registration` body
 */
JsonObject *
anshin_mock_registration_dup_status (AnshinMockMember *member,
                                     GDateTime        *now)
{
  JsonObject *status = json_object_new ();
  JsonArray *brands = json_array_new ();
  gint64 now_unix = g_date_time_to_unix (now);
  GStrv accepted = rules (member)->accepted_brands;

  if (member->locked_until > now_unix)
    {
      json_object_set_null_member (status, "form_token");
      json_object_set_null_member (status, "form_expires_at");
    }
  else
    {
      g_autofree char *uuid = g_uuid_string_random ();
      g_autofree char *token = g_strconcat ("ft_", uuid, NULL);
      gint64 *expires = g_new (gint64, 1);

      prune_form_tokens (member, now_unix);
      *expires = now_unix + rules (member)->form_token_lifetime;
      json_object_set_string_member (status, "form_token", token);
      anshin_mock_json_set_unix (status, "form_expires_at", *expires);
      g_hash_table_replace (member->form_tokens, g_steal_pointer (&token), expires);
    }

  json_object_set_int_member (status, "attempts_remaining", attempts_remaining (member, now_unix));
  json_object_set_int_member (status, "max_attempts", rules (member)->max_attempts);
  if (member->locked_until > now_unix)
    anshin_mock_json_set_unix (status, "locked_until", member->locked_until);
  else
    json_object_set_null_member (status, "locked_until");

  for (guint i = 0; accepted[i] != NULL; i++)
    json_array_add_string_element (brands, accepted[i]);
  json_object_set_array_member (status, "accepted_brands", brands);

  return status;
}

/**
 * anshin_mock_registration_submit:
 * @member: a member, not locked
 * @input: the form
 * @now: the issuer time
 *
 * Returns: (transfer full): the answer to `POST /v1/charge-cards`
 */
AnshinMockResponse *
anshin_mock_registration_submit (AnshinMockMember          *member,
                                 const AnshinMockCardInput *input,
                                 GDateTime                 *now)
{
  const AnshinMockRegistrationRules *r = rules (member);
  g_autoptr(JsonObject) fields = json_object_new ();
  g_autoptr(JsonObject) pending = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *digits = NULL;
  g_autofree char *holder = NULL;
  g_autofree char *print = NULL;
  AnshinCardBrand brand = ANSHIN_CARD_BRAND_UNKNOWN;
  JsonArray *errors = json_array_new ();
  gint64 *expires;
  gboolean token_valid;

  json_object_set_array_member (fields, "fields", errors);

  /* The token is spent by this attempt, whatever comes of it. */
  expires = g_hash_table_lookup (member->form_tokens, input->form_token);
  token_valid = expires != NULL && *expires > g_date_time_to_unix (now);
  g_hash_table_remove (member->form_tokens, input->form_token);
  if (!token_valid)
    {
      if (r->form_expired_counts)
        return counted_failure (member, now, SOUP_STATUS_FORBIDDEN, "form_expired",
                                DETAIL_FORM_EXPIRED, NULL);
      else
        {
          g_autoptr(JsonObject) extra = json_object_new ();

          json_object_set_int_member (extra, "attempts_remaining",
                                      attempts_remaining (member, g_date_time_to_unix (now)));
          return anshin_mock_response_new_problem (SOUP_STATUS_FORBIDDEN, "form_expired",
                                                   DETAIL_FORM_EXPIRED, extra);
        }
    }

  if (!anshin_card_number_validate (input->number, (const char * const *)r->accepted_brands,
                                    &brand, &digits, &error))
    {
      g_autofree char *normalized = anshin_card_number_normalize (input->number);

      add_field_error (errors, ANSHIN_CARD_FIELD_NUMBER, error);
      g_clear_error (&error);
      if (normalized != NULL)
        brand = anshin_card_number_detect_brand (normalized);
    }

  if (!anshin_card_expiry_is_valid ((guint)CLAMP (input->exp_month, 0, 99),
                                    (guint)CLAMP (input->exp_year, 0, 9999),
                                    now, &error))
    {
      add_field_error (errors, ANSHIN_CARD_FIELD_EXP, error);
      g_clear_error (&error);
    }

  if (!anshin_card_cvc_validate (input->cvc, brand, &error))
    {
      add_field_error (errors, ANSHIN_CARD_FIELD_CVC, error);
      g_clear_error (&error);
    }

  if (!anshin_card_holder_name_validate (input->holder_name, &holder, &error))
    {
      add_field_error (errors, ANSHIN_CARD_FIELD_HOLDER_NAME, error);
      g_clear_error (&error);
    }

  if (json_array_get_length (errors) > 0)
    return counted_failure (member, now, SOUP_STATUS_BAD_REQUEST, "validation_failed",
                            "入力内容に誤りがあります。", fields);

  print = fingerprint (digits);
  if (is_registered (member, print))
    return anshin_mock_response_new_problem (SOUP_STATUS_CONFLICT, "already_registered",
                                             "このクレジットカードはすでに登録されています。", NULL);
  if (json_array_get_length (member->charge_cards) >= MAX_CHARGE_CARDS)
    return anshin_mock_response_new_problem (SOUP_STATUS_CONFLICT, "too_many_charge_cards",
                                             "登録できるクレジットカードは5枚までです。", NULL);

  if (g_strv_contains ((const char * const *)r->declined_numbers, digits))
    return counted_failure (member, now, SOUP_STATUS_PAYMENT_REQUIRED, "card_declined",
                            "このクレジットカードはご利用いただけません。カード会社にお問い合わせください。",
                            NULL);

  pending = json_object_new ();
  json_object_set_string_member (pending, "brand", anshin_card_brand_to_api (brand));
  json_object_set_string_member (pending, "last4", digits + strlen (digits) - 4);
  json_object_set_int_member (pending, "exp_month", input->exp_month);
  json_object_set_int_member (pending, "exp_year", input->exp_year);
  json_object_set_string_member (pending, "holder_name", holder);
  json_object_set_string_member (pending, "fingerprint", print);

  if (wants_challenge (member, digits))
    return start_challenge (member, pending, now);

  return register_card (member, pending, now, SOUP_STATUS_CREATED);
}

/**
 * anshin_mock_registration_answer_challenge:
 * @member: a member, not locked
 * @challenge_id: the challenge
 * @code: the one-time code typed by the holder
 * @now: the issuer time
 *
 * A wrong code counts as a failed registration attempt.
 *
 * Returns: (transfer full): the answer to `POST /v1/charge-cards/challenges/{id}`
 */
AnshinMockResponse *
anshin_mock_registration_answer_challenge (AnshinMockMember *member,
                                           const char       *challenge_id,
                                           const char       *code,
                                           GDateTime        *now)
{
  AnshinMockChallenge *challenge = g_hash_table_lookup (member->challenges, challenge_id);
  g_autoptr(JsonObject) pending = NULL;
  g_autofree char *typed = g_strstrip (g_strdup (code));

  if (challenge == NULL)
    return anshin_mock_response_new_problem (SOUP_STATUS_NOT_FOUND, "not_found",
                                             "指定された本人認証は見つかりません。", NULL);

  if (challenge->expires_at <= g_date_time_to_unix (now))
    {
      g_hash_table_remove (member->challenges, challenge_id);
      return anshin_mock_response_new_problem (SOUP_STATUS_GONE, "challenge_expired",
                                               "ワンタイムパスワードの有効期限が切れました。最初からやり直してください。",
                                               NULL);
    }

  if (g_strcmp0 (typed, challenge->code) != 0)
    return counted_failure (member, now, SOUP_STATUS_BAD_REQUEST, "challenge_failed",
                            "ワンタイムパスワードが正しくありません。", NULL);

  pending = json_object_ref (challenge->pending_card);
  g_hash_table_remove (member->challenges, challenge_id);

  if (is_registered (member, json_object_get_string_member (pending, "fingerprint")))
    return anshin_mock_response_new_problem (SOUP_STATUS_CONFLICT, "already_registered",
                                             "このクレジットカードはすでに登録されています。", NULL);
  if (json_array_get_length (member->charge_cards) >= MAX_CHARGE_CARDS)
    return anshin_mock_response_new_problem (SOUP_STATUS_CONFLICT, "too_many_charge_cards",
                                             "登録できるクレジットカードは5枚までです。", NULL);

  return register_card (member, pending, now, SOUP_STATUS_CREATED);
}

/**
 * anshin_mock_registration_dup_charge_cards:
 * @member: a member
 *
 * Returns: (transfer full): the `GET /v1/charge-cards` body
 */
JsonObject *
anshin_mock_registration_dup_charge_cards (AnshinMockMember *member)
{
  JsonObject *answer = json_object_new ();
  JsonArray *cards = json_array_new ();

  for (guint i = 0; i < json_array_get_length (member->charge_cards); i++)
    json_array_add_object_element (cards,
                                   public_card (json_array_get_object_element (member->charge_cards, i)));
  json_object_set_array_member (answer, "charge_cards", cards);

  return answer;
}

gboolean
anshin_mock_registration_delete_charge_card (AnshinMockMember *member,
                                             const char       *id)
{
  guint index;

  if (anshin_mock_json_find_by_id (member->charge_cards, id, &index) == NULL)
    return FALSE;

  json_array_remove_element (member->charge_cards, index);
  anshin_mock_member_emit (member, "charge_cards.updated");

  return TRUE;
}

/**
 * anshin_mock_registration_dup_one_time_codes:
 * @member: a member
 * @now: the issuer time
 *
 * Returns: (transfer full): the `GET /admin/one-time-codes` body: what the
 *   holder's phone would have been told
 */
JsonObject *
anshin_mock_registration_dup_one_time_codes (AnshinMockMember *member,
                                             GDateTime        *now)
{
  JsonObject *answer = json_object_new ();
  JsonArray *codes = json_array_new ();
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, member->challenges);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      AnshinMockChallenge *challenge = value;
      JsonObject *entry;

      if (challenge->expires_at <= g_date_time_to_unix (now))
        continue;

      entry = json_object_new ();
      json_object_set_string_member (entry, "challenge_id", challenge->id);
      json_object_set_string_member (entry, "code", challenge->code);
      json_array_add_object_element (codes, entry);
    }
  json_object_set_array_member (answer, "codes", codes);

  return answer;
}
