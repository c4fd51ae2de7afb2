/* anshin-issuer-json-objects.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The issuer's documents (ISSUER-API.md) mapped to app/core objects with the
 * checking reader of anshin-issuer-json-private.h.
 */

#include "config.h"

#include <string.h>

#include "anshin-core-enum-types.h"
#include "anshin-enum-util.h"

#include "anshin-issuer-json.h"
#include "anshin-issuer-json-private.h"

#define MAX_YEAR 9999

static void
read_reissue (Reader     *r,
              JsonObject *object,
              AnshinCard *card)
{
  anshin_card_set_reissue_status (card,
                                  reader_enum (r, object, "status", READ_REQUIRED,
                                               ANSHIN_TYPE_REISSUE_STATUS,
                                               ANSHIN_REISSUE_STATUS_NONE));
  anshin_card_set_reissue_id (card, reader_string (r, object, "id", READ_REQUIRED));
  anshin_card_set_reissue_new_number (card,
                                      reader_boolean (r, object, "new_number", READ_OPTIONAL,
                                                      FALSE));
  anshin_card_set_reissue_requested_at (card,
                                        reader_time (r, object, "requested_at", READ_MAYBE));
  anshin_card_set_reissue_ready_eta (card,
                                     reader_time (r, object, "ready_eta",
                                                  READ_MAYBE | READ_DATE));
  anshin_card_set_reissue_completed_at (card,
                                        reader_time (r, object, "completed_at", READ_MAYBE));

  if (anshin_card_get_reissue_status (card) == ANSHIN_REISSUE_STATUS_NONE)
    reader_fail (r, "reissue status “none” is not an API value");
}

static void
read_card (Reader     *r,
           JsonObject *object,
           AnshinCard *card)
{
  JsonObject *balance;
  JsonObject *renewal;
  JsonObject *physical;
  JsonObject *reissue;
  const char *currency;

  anshin_card_set_id (card, reader_string (r, object, "id", READ_REQUIRED));
  anshin_card_set_product_name (card, reader_string (r, object, "product_name", READ_MAYBE));
  anshin_card_set_brand (card, reader_enum (r, object, "brand", READ_REQUIRED | READ_UNKNOWN_OK,
                                            ANSHIN_TYPE_CARD_BRAND, ANSHIN_CARD_BRAND_UNKNOWN));
  anshin_card_set_form (card, reader_enum (r, object, "form", READ_REQUIRED,
                                           ANSHIN_TYPE_CARD_FORM, ANSHIN_CARD_FORM_VIRTUAL));
  anshin_card_set_state (card, reader_enum (r, object, "state", READ_REQUIRED,
                                            ANSHIN_TYPE_CARD_STATE, ANSHIN_CARD_STATE_ACTIVE));
  anshin_card_set_number_last4 (card, reader_last4 (r, object, "number_last4"));
  anshin_card_set_exp_month (card, reader_int (r, object, "exp_month", READ_REQUIRED, 1, 12, 1));
  anshin_card_set_exp_year (card, reader_int (r, object, "exp_year", READ_REQUIRED,
                                              1, MAX_YEAR, 1));

  balance = reader_object (r, object, "balance", READ_REQUIRED);
  anshin_card_set_balance (card, reader_int (r, balance, "amount", READ_REQUIRED,
                                             G_MININT64, G_MAXINT64, 0));
  currency = reader_string (r, balance, "currency", READ_OPTIONAL);
  if (currency != NULL && !g_str_equal (currency, "JPY"))
    reader_fail (r, "balance currency is not JPY");

  renewal = reader_object (r, object, "renewal", READ_MAYBE);
  if (renewal != NULL)
    {
      anshin_card_set_renewal_status (card,
                                      reader_enum (r, renewal, "status", READ_REQUIRED,
                                                   ANSHIN_TYPE_RENEWAL_STATUS,
                                                   ANSHIN_RENEWAL_STATUS_NONE));
      anshin_card_set_renewal_date (card,
                                    reader_time (r, renewal, "date",
                                                 READ_MAYBE | READ_DATE));
      anshin_card_set_renewal_announced_at (card,
                                            reader_time (r, renewal, "announced_at",
                                                         READ_MAYBE));
      anshin_card_set_renewal_completed_at (card,
                                            reader_time (r, renewal, "completed_at",
                                                         READ_MAYBE));
      anshin_card_set_renewal_number_changes (card,
                                              reader_boolean (r, renewal, "number_changes",
                                                              READ_MAYBE, FALSE));
      anshin_card_set_renewal_new_exp_month (card,
                                             reader_int (r, renewal, "new_exp_month",
                                                         READ_MAYBE, 1, 12, 0));
      anshin_card_set_renewal_new_exp_year (card,
                                            reader_int (r, renewal, "new_exp_year",
                                                        READ_MAYBE, 1, MAX_YEAR, 0));
    }

  physical = reader_object (r, object, "physical_card", READ_MAYBE);
  if (physical != NULL)
    {
      int status = reader_enum (r, physical, "status", READ_REQUIRED,
                                ANSHIN_TYPE_PHYSICAL_CARD_STATUS,
                                ANSHIN_PHYSICAL_CARD_STATUS_NONE);

      if (status == ANSHIN_PHYSICAL_CARD_STATUS_NONE)
        reader_fail (r, "physical card status “none” is not an API value");
      anshin_card_set_physical_status (card, status);
      anshin_card_set_physical_eta (card,
                                    reader_time (r, physical, "eta", READ_MAYBE | READ_DATE));
      anshin_card_set_physical_shipped_at (card,
                                           reader_time (r, physical, "shipped_at",
                                                        READ_MAYBE | READ_DATE));
      anshin_card_set_physical_delivered_at (card,
                                             reader_time (r, physical, "delivered_at",
                                                          READ_MAYBE | READ_DATE));
    }

  reissue = reader_object (r, object, "reissue", READ_MAYBE);
  if (reissue != NULL)
    read_reissue (r, reissue, card);
}

/**
 * anshin_issuer_json_to_card:
 * @node: the card object of `GET /v1/card`
 *
 * Returns: (transfer full) (nullable): the card, or %NULL with a protocol error
 */
AnshinCard *
anshin_issuer_json_to_card (JsonNode  *node,
                            GError   **error)
{
  g_auto(Reader) r = { .what = "card" };
  g_autoptr(AnshinCard) card = anshin_card_new ();
  JsonObject *object = reader_root (&r, node);

  if (object != NULL)
    read_card (&r, object, card);

  if (!reader_finish (&r, error))
    return NULL;

  return g_steal_pointer (&card);
}

/**
 * anshin_issuer_json_to_reissue:
 * @root: the answer of `POST /v1/card/reissue`, `{"reissue": {...}}`
 * @card: the card whose reissue parts are replaced on success
 *
 * Returns: %TRUE if @root is a valid reissue answer
 */
gboolean
anshin_issuer_json_to_reissue (JsonNode    *root,
                               AnshinCard  *card,
                               GError     **error)
{
  g_auto(Reader) r = { .what = "reissue" };
  g_autoptr(AnshinCard) scratch = anshin_card_new ();
  JsonObject *object = reader_root (&r, root);
  JsonObject *reissue = reader_object (&r, object, "reissue", READ_REQUIRED);

  g_return_val_if_fail (ANSHIN_IS_CARD (card), FALSE);

  if (reissue != NULL)
    read_reissue (&r, reissue, scratch);

  if (!reader_finish (&r, error))
    return FALSE;

  anshin_card_set_reissue_status (card, anshin_card_get_reissue_status (scratch));
  anshin_card_set_reissue_id (card, anshin_card_get_reissue_id (scratch));
  anshin_card_set_reissue_new_number (card, anshin_card_get_reissue_new_number (scratch));
  anshin_card_set_reissue_requested_at (card, anshin_card_get_reissue_requested_at (scratch));
  anshin_card_set_reissue_ready_eta (card, anshin_card_get_reissue_ready_eta (scratch));
  anshin_card_set_reissue_completed_at (card, anshin_card_get_reissue_completed_at (scratch));

  return TRUE;
}

static void
read_payment_method (Reader              *r,
                     JsonObject          *object,
                     AnshinPaymentMethod *method)
{
  JsonArray *via;
  guint wallets = ANSHIN_WALLET_NONE;

  anshin_payment_method_set_kind (method,
                                  reader_enum (r, object, "id", READ_REQUIRED,
                                               ANSHIN_TYPE_PAYMENT_METHOD_KIND, 0));
  anshin_payment_method_set_state (method,
                                   reader_enum (r, object, "state", READ_REQUIRED,
                                                ANSHIN_TYPE_PAYMENT_METHOD_STATE, 0));
  anshin_payment_method_set_since (method, reader_time (r, object, "since", READ_MAYBE));
  anshin_payment_method_set_eta (method,
                                 reader_time (r, object, "eta", READ_MAYBE | READ_DATE));
  anshin_payment_method_set_reason (method,
                                    reader_enum (r, object, "reason", READ_MAYBE,
                                                 ANSHIN_TYPE_PAYMENT_METHOD_REASON,
                                                 ANSHIN_PAYMENT_METHOD_REASON_NONE));

  via = reader_array (r, object, "via", READ_MAYBE);
  for (guint i = 0; via != NULL && i < json_array_get_length (via); i++)
    {
      JsonNode *element = json_array_get_element (via, i);
      const char *name = NULL;

      if (JSON_NODE_HOLDS_VALUE (element) && json_node_get_value_type (element) == G_TYPE_STRING)
        name = json_node_get_string (element);

      if (g_strcmp0 (name, "apple_pay") == 0)
        wallets |= ANSHIN_WALLET_APPLE_PAY;
      else if (g_strcmp0 (name, "google_pay") == 0)
        wallets |= ANSHIN_WALLET_GOOGLE_PAY;
      else
        reader_fail (r, "member “via” names an unknown wallet");
    }
  anshin_payment_method_set_via (method, wallets);
}

/**
 * anshin_issuer_json_to_payment_method:
 * @node: one entry of `GET /v1/card/networks`
 *
 * Returns: (transfer full) (nullable): the method, or %NULL with a protocol error
 */
AnshinPaymentMethod *
anshin_issuer_json_to_payment_method (JsonNode  *node,
                                      GError   **error)
{
  g_auto(Reader) r = { .what = "network" };
  g_autoptr(AnshinPaymentMethod) method = anshin_payment_method_new ();
  JsonObject *object = reader_root (&r, node);

  if (object != NULL)
    read_payment_method (&r, object, method);

  if (!reader_finish (&r, error))
    return NULL;

  return g_steal_pointer (&method);
}

static AnshinProgram *
read_program (Reader     *r,
              JsonObject *object)
{
  g_autoptr(AnshinProgram) program = anshin_program_new ();
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) requires = NULL;
  JsonArray *networks;

  anshin_program_set_id (program, reader_string (r, object, "id", READ_REQUIRED));
  anshin_program_set_name (program, reader_string (r, object, "name", READ_REQUIRED));
  anshin_program_set_description (program,
                                  reader_string (r, object, "description", READ_MAYBE));
  anshin_program_set_since (program, reader_time (r, object, "since", READ_MAYBE | READ_DATE));
  anshin_program_set_name_ja (program, reader_string (r, object, "name_ja", READ_MAYBE));
  anshin_program_set_earn_yen (program, reader_int (r, object, "earn_yen", READ_MAYBE,
                                                    0, ANSHIN_ISSUER_JSON_MAX_YEN, 0));
  anshin_program_set_earn_points (program, reader_int (r, object, "earn_points", READ_MAYBE,
                                                       0, ANSHIN_ISSUER_JSON_MAX_YEN, 0));
  anshin_program_set_points_balance (program, reader_int (r, object, "points_balance", READ_MAYBE,
                                                          -ANSHIN_ISSUER_JSON_MAX_YEN,
                                                          ANSHIN_ISSUER_JSON_MAX_YEN, 0));

  networks = reader_array (r, object, "requires_networks", READ_MAYBE);
  for (guint i = 0; networks != NULL && i < json_array_get_length (networks); i++)
    {
      JsonNode *element = json_array_get_element (networks, i);
      int kind;

      if (!JSON_NODE_HOLDS_VALUE (element) ||
          json_node_get_value_type (element) != G_TYPE_STRING ||
          !anshin_enum_from_api (ANSHIN_TYPE_PAYMENT_METHOD_KIND,
                                 json_node_get_string (element), &kind))
        {
          reader_fail (r, "member “requires_networks” names an unknown network");
          break;
        }

      g_strv_builder_add (builder, json_node_get_string (element));
    }

  requires = g_strv_builder_end (builder);
  anshin_program_set_requires_methods (program, (const char * const *)requires);

  return g_steal_pointer (&program);
}

/**
 * anshin_issuer_json_to_program:
 * @node: one entry of `GET /v1/programs`
 *
 * Returns: (transfer full) (nullable): the programme, or %NULL with a protocol error
 */
AnshinProgram *
anshin_issuer_json_to_program (JsonNode  *node,
                               GError   **error)
{
  g_auto(Reader) r = { .what = "program" };
  g_autoptr(AnshinProgram) program = NULL;
  JsonObject *object = reader_root (&r, node);

  if (object != NULL)
    program = read_program (&r, object);

  if (!reader_finish (&r, error))
    return NULL;

  return g_steal_pointer (&program);
}

static void
read_notice_params (Reader       *r,
                    JsonObject   *params,
                    AnshinNotice *notice)
{
  JsonObjectIter iter;
  const char *key;
  JsonNode *value;

  json_object_iter_init (&iter, params);
  while (json_object_iter_next (&iter, &key, &value))
    {
      g_autofree char *text = NULL;

      if (JSON_NODE_HOLDS_NULL (value))
        continue;

      if (!JSON_NODE_HOLDS_VALUE (value))
        {
          reader_fail (r, "notice parameter “%s” is not a scalar", key);
          return;
        }

      switch (json_node_get_value_type (value))
        {
        case G_TYPE_STRING:
          text = g_strdup (json_node_get_string (value));
          break;
        case G_TYPE_INT64:
          text = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (value));
          break;
        case G_TYPE_BOOLEAN:
          text = g_strdup (json_node_get_boolean (value) ? "true" : "false");
          break;
        default:
          {
            char buffer[G_ASCII_DTOSTR_BUF_SIZE];

            text = g_strdup (g_ascii_dtostr (buffer, sizeof buffer, json_node_get_double (value)));
          }
          break;
        }

      anshin_notice_set_param (notice, key, text);
    }
}

static void
read_notice (Reader       *r,
             JsonObject   *object,
             AnshinNotice *notice)
{
  JsonObject *params;

  anshin_notice_set_id (notice, reader_string (r, object, "id", READ_REQUIRED));
  /* A notice code added after this version is shown as an unknown notice. */
  anshin_notice_set_code (notice, reader_enum (r, object, "code", READ_REQUIRED | READ_UNKNOWN_OK,
                                               ANSHIN_TYPE_NOTICE_CODE,
                                               ANSHIN_NOTICE_CODE_UNKNOWN));
  anshin_notice_set_issued_at (notice, reader_time (r, object, "issued_at", READ_REQUIRED));
  anshin_notice_set_channel (notice, reader_enum (r, object, "channel", READ_OPTIONAL,
                                                  ANSHIN_TYPE_NOTICE_CHANNEL,
                                                  ANSHIN_NOTICE_CHANNEL_APP));
  anshin_notice_set_title (notice, reader_string (r, object, "title", READ_REQUIRED));
  anshin_notice_set_body (notice, reader_string (r, object, "body", READ_MAYBE));
  anshin_notice_set_read (notice, reader_boolean (r, object, "read", READ_MAYBE, FALSE));

  params = reader_object (r, object, "params", READ_MAYBE);
  if (params != NULL && r->error == NULL)
    read_notice_params (r, params, notice);
}

/**
 * anshin_issuer_json_to_notice:
 * @node: one notice of `GET /v1/notices` or of a `notice.created` event
 *
 * Returns: (transfer full) (nullable): the notice, or %NULL with a protocol error
 */
AnshinNotice *
anshin_issuer_json_to_notice (JsonNode  *node,
                              GError   **error)
{
  g_auto(Reader) r = { .what = "notice" };
  g_autoptr(AnshinNotice) notice = anshin_notice_new ();
  JsonObject *object = reader_root (&r, node);

  if (object != NULL)
    read_notice (&r, object, notice);

  if (!reader_finish (&r, error))
    return NULL;

  return g_steal_pointer (&notice);
}

static void
read_charge_card (Reader           *r,
                  JsonObject       *object,
                  AnshinChargeCard *card)
{
  anshin_charge_card_set_id (card, reader_string (r, object, "id", READ_REQUIRED));
  anshin_charge_card_set_brand (card,
                                reader_enum (r, object, "brand", READ_REQUIRED | READ_UNKNOWN_OK,
                                             ANSHIN_TYPE_CARD_BRAND, ANSHIN_CARD_BRAND_UNKNOWN));
  anshin_charge_card_set_last4 (card, reader_last4 (r, object, "last4"));
  anshin_charge_card_set_exp_month (card, reader_int (r, object, "exp_month", READ_REQUIRED,
                                                      1, 12, 1));
  anshin_charge_card_set_exp_year (card, reader_int (r, object, "exp_year", READ_REQUIRED,
                                                     1, MAX_YEAR, 1));
  anshin_charge_card_set_holder_name (card,
                                      reader_string (r, object, "holder_name", READ_MAYBE));
  anshin_charge_card_set_registered_at (card,
                                        reader_time (r, object, "registered_at", READ_MAYBE));
}

/**
 * anshin_issuer_json_to_charge_card:
 * @node: one charge card object
 *
 * Returns: (transfer full) (nullable): the charge card, or %NULL with a protocol error
 */
AnshinChargeCard *
anshin_issuer_json_to_charge_card (JsonNode  *node,
                                   GError   **error)
{
  g_auto(Reader) r = { .what = "charge card" };
  g_autoptr(AnshinChargeCard) card = anshin_charge_card_new ();
  JsonObject *object = reader_root (&r, node);

  if (object != NULL)
    read_charge_card (&r, object, card);

  if (!reader_finish (&r, error))
    return NULL;

  return g_steal_pointer (&card);
}

typedef gpointer (*ElementFunc) (JsonNode *node, GError **error);

/* {"<member>": [element, ...]} to an array of objects */
static GPtrArray *
read_list (JsonNode    *root,
           const char  *member,
           ElementFunc  element_func,
           GError     **error)
{
  g_auto(Reader) r = { .what = member };
  g_autoptr(GPtrArray) result = g_ptr_array_new_with_free_func (g_object_unref);
  JsonObject *object = reader_root (&r, root);
  JsonArray *array = reader_array (&r, object, member, READ_REQUIRED);

  if (!reader_finish (&r, error))
    return NULL;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autoptr(GError) local_error = NULL;
      gpointer element = element_func (json_array_get_element (array, i), &local_error);

      if (element == NULL)
        {
          g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                      "%s[%u]: ", member, i);
          return NULL;
        }

      g_ptr_array_add (result, element);
    }

  return g_steal_pointer (&result);
}

/**
 * anshin_issuer_json_to_payment_methods:
 * @root: the answer of `GET /v1/card/networks`
 *
 * Returns: (transfer full) (element-type AnshinPaymentMethod) (nullable): the methods
 */
GPtrArray *
anshin_issuer_json_to_payment_methods (JsonNode  *root,
                                       GError   **error)
{
  return read_list (root, "networks", (ElementFunc)anshin_issuer_json_to_payment_method, error);
}

/**
 * anshin_issuer_json_to_programs:
 * @root: the answer of `GET /v1/programs`
 *
 * Returns: (transfer full) (element-type AnshinProgram) (nullable): the programmes
 */
GPtrArray *
anshin_issuer_json_to_programs (JsonNode  *root,
                                GError   **error)
{
  return read_list (root, "programs", (ElementFunc)anshin_issuer_json_to_program, error);
}

/**
 * anshin_issuer_json_to_notices:
 * @root: the answer of `GET /v1/notices`
 *
 * Returns: (transfer full) (element-type AnshinNotice) (nullable): the notices,
 *   in the issuer's order (newest first)
 */
GPtrArray *
anshin_issuer_json_to_notices (JsonNode  *root,
                               GError   **error)
{
  return read_list (root, "notices", (ElementFunc)anshin_issuer_json_to_notice, error);
}

/**
 * anshin_issuer_json_to_charge_cards:
 * @root: the answer of `GET /v1/charge-cards`
 *
 * Returns: (transfer full) (element-type AnshinChargeCard) (nullable): the cards
 */
GPtrArray *
anshin_issuer_json_to_charge_cards (JsonNode  *root,
                                    GError   **error)
{
  return read_list (root, "charge_cards", (ElementFunc)anshin_issuer_json_to_charge_card, error);
}

/* GET /v1/issuer: what the app shows as the issuer's own support desk, so
 * every text is checked for what it may hold: a name or hours are one
 * short line of printable text; a phone number only digits, spaces and
 * + - ( ); the support page an https:// address (http:// only on
 * loopback). An issuer answer that breaks a rule is refused whole rather
 * than shown in part. */

#define MAX_ISSUER_TEXT  120
#define MAX_PHONE        32
#define MAX_SUPPORT_URL  512

static gboolean
is_one_line (const char *text,
             gsize       max_chars)
{
  if (!g_utf8_validate (text, -1, NULL) || g_utf8_strlen (text, -1) > (glong) max_chars)
    return FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iscntrl (c) || c == 0x2028 || c == 0x2029 ||
          g_unichar_type (c) == G_UNICODE_FORMAT)
        return FALSE;
    }

  return TRUE;
}

static const char *
read_issuer_text (Reader     *r,
                  JsonObject *object,
                  const char *name,
                  ReadFlags   flags)
{
  const char *text = reader_string (r, object, name, flags);

  if (text == NULL)
    return NULL;

  if (!is_one_line (text, MAX_ISSUER_TEXT))
    {
      reader_fail (r, "member “%s” is not one short line of text", name);
      return NULL;
    }

  return text[0] != '\0' ? text : NULL;
}

static const char *
read_phone (Reader     *r,
            JsonObject *object)
{
  const char *phone = reader_string (r, object, "phone", READ_MAYBE);
  guint digits = 0;

  if (phone == NULL)
    return NULL;

  for (const char *p = phone; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        digits++;
      else if (*p != ' ' && *p != '+' && *p != '-' && *p != '(' && *p != ')')
        {
          reader_fail (r, "member “phone” is not a phone number");
          return NULL;
        }
    }

  if (strlen (phone) > MAX_PHONE || digits < 3)
    {
      reader_fail (r, "member “phone” is not a phone number");
      return NULL;
    }

  return phone;
}

/* (transfer full): the address as GUri writes it (a lowercase scheme) */
static char *
read_support_url (Reader     *r,
                  JsonObject *object)
{
  const char *url = reader_string (r, object, "url", READ_MAYBE);
  g_autoptr(GUri) uri = NULL;
  const char *scheme;
  const char *host;

  if (url == NULL)
    return NULL;

  if (strlen (url) <= MAX_SUPPORT_URL && is_one_line (url, MAX_SUPPORT_URL))
    uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  scheme = uri != NULL ? g_uri_get_scheme (uri) : NULL;
  host = uri != NULL ? g_uri_get_host (uri) : NULL;

  if (uri == NULL || host == NULL || host[0] == '\0' ||
      g_uri_get_userinfo (uri) != NULL ||
      !(g_strcmp0 (scheme, "https") == 0 ||
        (g_strcmp0 (scheme, "http") == 0 &&
         (g_str_equal (host, "127.0.0.1") || g_str_equal (host, "localhost") ||
          g_str_equal (host, "::1")))))
    {
      reader_fail (r, "member “url” is not an https address");
      return NULL;
    }

  return g_uri_to_string (uri);
}

/**
 * anshin_issuer_json_to_issuer_info:
 * @root: the answer of `GET /v1/issuer`
 *
 * Returns: (transfer full) (nullable): the issuer's names and support
 *   desk, or %NULL with a protocol error
 */
AnshinIssuerInfo *
anshin_issuer_json_to_issuer_info (JsonNode  *root,
                                   GError   **error)
{
  g_auto(Reader) r = { .what = "issuer" };
  g_autoptr(AnshinIssuerInfo) info = anshin_issuer_info_new ();
  JsonObject *object = reader_root (&r, root);
  JsonObject *support = NULL;

  if (object != NULL)
    {
      const char *name = read_issuer_text (&r, object, "name", READ_REQUIRED);

      if (name == NULL)
        reader_fail (&r, "member “name” is empty");
      anshin_issuer_info_set_name (info, name);
      anshin_issuer_info_set_name_ja (info, read_issuer_text (&r, object, "name_ja", READ_MAYBE));
      support = reader_object (&r, object, "support", READ_MAYBE);
    }

  if (support != NULL)
    {
      g_autofree char *url = NULL;

      anshin_issuer_info_set_support_phone (info, read_phone (&r, support));
      anshin_issuer_info_set_support_hours (info, read_issuer_text (&r, support, "hours", READ_MAYBE));
      anshin_issuer_info_set_support_hours_ja (info,
                                               read_issuer_text (&r, support, "hours_ja", READ_MAYBE));
      url = read_support_url (&r, support);
      anshin_issuer_info_set_support_url (info, url);
    }

  if (!reader_finish (&r, error))
    return NULL;

  return g_steal_pointer (&info);
}
