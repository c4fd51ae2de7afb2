/* test-models.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libglib-testing/signal-logger.h>

#include "anshin-card.h"
#include "anshin-charge-card.h"
#include "anshin-issuer-info.h"
#include "anshin-core-enum-types.h"
#include "anshin-notice.h"
#include "anshin-payment-method.h"
#include "anshin-program.h"
#include "anshin-transaction.h"

/* Helpers */

static GDateTime *
jst (int year,
     int month,
     int day,
     int hour,
     int minute)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("+09:00");

  return g_date_time_new (tz, year, month, day, hour, minute, 0);
}

static void
assert_notified (GtSignalLogger *logger,
                 gpointer        object,
                 const char     *property)
{
  GParamSpec *pspec = NULL;

  gt_signal_logger_assert_emission_pop (logger, object, "notify", &pspec);
  g_assert_nonnull (pspec);
  g_assert_cmpstr (g_param_spec_get_name (pspec), ==, property);
  g_param_spec_unref (pspec);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* Pops every logged emission (all must be ::notify on @object) and returns
 * the names of the notified properties, sorted, separated by spaces. */
static char *
pop_notified (GtSignalLogger *logger,
              gpointer        object)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  while (gt_signal_logger_get_n_emissions (logger) > 0)
    {
      GParamSpec *pspec = NULL;

      gt_signal_logger_assert_emission_pop (logger, object, "notify", &pspec);
      g_ptr_array_add (names, g_strdup (g_param_spec_get_name (pspec)));
      g_param_spec_unref (pspec);
    }

  g_ptr_array_sort (names, compare_strings);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

static GHashTable *
params_new (const char *first_key,
            ...)
{
  GHashTable *params = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  va_list args;

  va_start (args, first_key);
  for (const char *key = first_key; key != NULL; key = va_arg (args, const char *))
    g_hash_table_insert (params, g_strdup (key), g_strdup (va_arg (args, const char *)));
  va_end (args);

  return params;
}

static gboolean
params_equal (GHashTable *a,
              GHashTable *b)
{
  GHashTableIter iter;
  gpointer key, value;

  if (a == NULL || b == NULL)
    return a == b;

  if (g_hash_table_size (a) != g_hash_table_size (b))
    return FALSE;

  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (g_strcmp0 (value, g_hash_table_lookup (b, key)) != 0)
      return FALSE;

  return TRUE;
}

/* Every property through GObject: defaults, set, set an equal value, get */

typedef enum {
  VALUE_A,
  VALUE_A_EQUAL, /* equal to A, but another string, array or instant's zone */
  VALUE_B,
} TestValue;

static void
init_test_value (GParamSpec *pspec,
                 TestValue   which,
                 GValue     *value)
{
  GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);

  g_value_init (value, type);

  if (type == G_TYPE_DATE_TIME)
    {
      if (which == VALUE_A)
        g_value_take_boxed (value, jst (2025, 11, 30, 0, 0));
      else if (which == VALUE_A_EQUAL)
        g_value_take_boxed (value, g_date_time_new_utc (2025, 11, 29, 15, 0, 0));
      else
        g_value_take_boxed (value, jst (2025, 12, 16, 0, 0));
    }
  else if (type == G_TYPE_STRV)
    {
      const char *a[] = { "quicpay", NULL };
      const char *b[] = { "quicpay", "mastercard_contactless", NULL };

      g_value_set_boxed (value, which == VALUE_B ? b : a);
    }
  else if (type == G_TYPE_HASH_TABLE)
    {
      if (which == VALUE_B)
        g_value_take_boxed (value, params_new ("renewal_date", "2025-12-01", NULL));
      else
        g_value_take_boxed (value, params_new ("renewal_date", "2025-11-30", NULL));
    }
  else if (G_TYPE_IS_ENUM (type))
    {
      GParamSpecEnum *enum_pspec = G_PARAM_SPEC_ENUM (pspec);
      GEnumClass *klass = enum_pspec->enum_class;
      int a = klass->values[0].value == enum_pspec->default_value
        ? klass->values[1].value : klass->values[0].value;
      int b = klass->values[klass->n_values - 1].value == a
        ? klass->values[0].value : klass->values[klass->n_values - 1].value;

      g_value_set_enum (value, which == VALUE_B ? b : a);
    }
  else if (G_TYPE_IS_FLAGS (type))
    {
      GFlagsClass *klass = G_PARAM_SPEC_FLAGS (pspec)->flags_class;
      guint b = 0;

      for (guint i = 0; i < klass->n_values && b == 0; i++)
        if (klass->values[i].value != 0 && klass->values[i].value != klass->mask)
          b = klass->values[i].value;
      g_assert_cmpuint (b, !=, 0);

      g_value_set_flags (value, which == VALUE_B ? b : klass->mask);
    }
  else
    {
      switch (G_TYPE_FUNDAMENTAL (type))
        {
        case G_TYPE_STRING:
          g_value_take_string (value, which == VALUE_B
                                        ? g_strdup ("another value")
                                        : g_strdup_printf ("value of %s", pspec->name));
          break;

        case G_TYPE_BOOLEAN:
          g_value_set_boolean (value, which != VALUE_B);
          break;

        case G_TYPE_UINT:
          /* Months go up to 12: 11 then 12; years 11 then 2030. */
          g_value_set_uint (value, MIN (G_PARAM_SPEC_UINT (pspec)->maximum,
                                        which == VALUE_B ? 2030 : 11));
          break;

        case G_TYPE_INT64:
          g_value_set_int64 (value, which == VALUE_B ? -500 : 12345);
          break;

        default:
          g_assert_not_reached ();
        }
    }
}

static gboolean
values_equal (GParamSpec   *pspec,
              const GValue *a,
              const GValue *b)
{
  GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);

  if (type == G_TYPE_DATE_TIME)
    {
      GDateTime *x = g_value_get_boxed (a);
      GDateTime *y = g_value_get_boxed (b);

      return (x == NULL || y == NULL) ? x == y : g_date_time_equal (x, y);
    }

  if (type == G_TYPE_STRV)
    {
      const char * const *x = g_value_get_boxed (a);
      const char * const *y = g_value_get_boxed (b);

      return (x == NULL || y == NULL) ? x == y : g_strv_equal (x, y);
    }

  if (type == G_TYPE_HASH_TABLE)
    return params_equal (g_value_get_boxed (a), g_value_get_boxed (b));

  return g_param_values_cmp (pspec, a, b) == 0;
}

static void
assert_property_value (GObject      *object,
                       GParamSpec   *pspec,
                       const GValue *expected)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_PARAM_SPEC_VALUE_TYPE (pspec));
  g_object_get_property (object, pspec->name, &value);
  if (!values_equal (pspec, &value, expected))
    {
      g_autofree char *got = g_strdup_value_contents (&value);
      g_autofree char *want = g_strdup_value_contents (expected);

      g_error ("%s:%s is %s, expected %s", G_OBJECT_TYPE_NAME (object), pspec->name, got, want);
    }
}

static void
test_properties (gconstpointer data)
{
  GType type = GPOINTER_TO_SIZE (data);
  g_autoptr(GtSignalLogger) logger = gt_signal_logger_new ();
  g_autofree GParamSpec **pspecs = NULL;
  GObject *object;
  guint n_pspecs;

  object = g_object_new (type, NULL);
  gt_signal_logger_connect (logger, object, "notify");
  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (object), &n_pspecs);
  g_assert_cmpuint (n_pspecs, >, 0);

  for (guint i = 0; i < n_pspecs; i++)
    {
      GParamSpec *pspec = pspecs[i];
      g_auto(GValue) a = G_VALUE_INIT;
      g_auto(GValue) a_equal = G_VALUE_INIT;
      g_auto(GValue) b = G_VALUE_INIT;
      g_auto(GValue) fallback = G_VALUE_INIT;

      g_test_message ("%s:%s", g_type_name (type), pspec->name);

      g_assert_cmpint (pspec->flags & G_PARAM_READWRITE, ==, G_PARAM_READWRITE);
      g_assert_cmpint (pspec->flags & G_PARAM_EXPLICIT_NOTIFY, !=, 0);

      init_test_value (pspec, VALUE_A, &a);
      init_test_value (pspec, VALUE_A_EQUAL, &a_equal);
      init_test_value (pspec, VALUE_B, &b);
      g_value_init (&fallback, G_PARAM_SPEC_VALUE_TYPE (pspec));
      g_param_value_set_default (pspec, &fallback);

      /* A new object holds the default. */
      assert_property_value (object, pspec, &fallback);
      g_assert_false (values_equal (pspec, &a, &fallback));
      g_assert_false (values_equal (pspec, &a, &b));
      g_assert_true (values_equal (pspec, &a, &a_equal));

      g_object_set_property (object, pspec->name, &a);
      assert_notified (logger, object, pspec->name);
      gt_signal_logger_assert_no_emissions (logger);
      assert_property_value (object, pspec, &a);

      /* The same value again, even from another instance, changes nothing. */
      g_object_set_property (object, pspec->name, &a_equal);
      g_object_set_property (object, pspec->name, &a);
      gt_signal_logger_assert_no_emissions (logger);

      g_object_set_property (object, pspec->name, &b);
      assert_notified (logger, object, pspec->name);
      gt_signal_logger_assert_no_emissions (logger);
      assert_property_value (object, pspec, &b);

      /* Back to the default (NULL for strings, times, arrays and params). */
      g_object_set_property (object, pspec->name, &fallback);
      if (!values_equal (pspec, &b, &fallback))
        assert_notified (logger, object, pspec->name);
      gt_signal_logger_assert_no_emissions (logger);
      assert_property_value (object, pspec, &fallback);
    }

  g_assert_finalize_object (object);
}

static void
test_construct_properties (void)
{
  g_autoptr(GDateTime) renewal_date = jst (2025, 11, 30, 0, 0);
  AnshinCard *card;

  card = g_object_new (ANSHIN_TYPE_CARD,
                       "state", ANSHIN_CARD_STATE_FROZEN,
                       "number-last4", "1234",
                       "renewal-date", renewal_date,
                       NULL);

  g_assert_cmpint (anshin_card_get_state (card), ==, ANSHIN_CARD_STATE_FROZEN);
  g_assert_cmpstr (anshin_card_get_number_last4 (card), ==, "1234");
  g_assert_true (g_date_time_equal (anshin_card_get_renewal_date (card), renewal_date));
  g_assert_cmpint (anshin_card_get_physical_status (card), ==, ANSHIN_PHYSICAL_CARD_STATUS_NONE);
  g_assert_cmpint (anshin_card_get_reissue_status (card), ==, ANSHIN_REISSUE_STATUS_NONE);
  g_assert_null (anshin_card_get_reissue_id (card));

  g_assert_finalize_object (card);
}

/* The public accessors */

static AnshinCard *
card_before_renewal (void)
{
  AnshinCard *card = anshin_card_new ();
  g_autoptr(GDateTime) renewal_date = jst (2025, 11, 30, 0, 0);
  g_autoptr(GDateTime) announced_at = jst (2025, 8, 30, 9, 0);

  anshin_card_set_id (card, "card_1");
  anshin_card_set_product_name (card, "Tsubasa Pay");
  anshin_card_set_brand (card, ANSHIN_CARD_BRAND_MASTERCARD);
  anshin_card_set_form (card, ANSHIN_CARD_FORM_VIRTUAL_AND_PHYSICAL);
  anshin_card_set_state (card, ANSHIN_CARD_STATE_ACTIVE);
  anshin_card_set_number_last4 (card, "1234");
  anshin_card_set_exp_month (card, 11);
  anshin_card_set_exp_year (card, 2025);
  anshin_card_set_balance (card, 12345);
  anshin_card_set_renewal_status (card, ANSHIN_RENEWAL_STATUS_SCHEDULED);
  anshin_card_set_renewal_date (card, renewal_date);
  anshin_card_set_renewal_announced_at (card, announced_at);
  anshin_card_set_renewal_number_changes (card, FALSE);
  anshin_card_set_renewal_new_exp_month (card, 11);
  anshin_card_set_renewal_new_exp_year (card, 2030);

  return card;
}

static void
test_card_accessors (void)
{
  g_autoptr(GtSignalLogger) logger = gt_signal_logger_new ();
  g_autoptr(GDateTime) renewal_date = jst (2025, 11, 30, 0, 0);
  g_autoptr(GDateTime) announced_at = jst (2025, 8, 30, 9, 0);
  g_autoptr(GDateTime) completed_at = jst (2025, 11, 30, 0, 0);
  g_autoptr(GDateTime) eta = jst (2025, 12, 16, 0, 0);
  g_autoptr(GDateTime) shipped_at = jst (2025, 12, 10, 14, 0);
  g_autoptr(GDateTime) delivered_at = jst (2025, 12, 15, 11, 30);
  g_autoptr(GDateTime) requested_at = jst (2025, 12, 1, 10, 0);
  g_autoptr(GDateTime) ready_eta = jst (2025, 12, 1, 13, 0);
  g_autoptr(GDateTime) reissued_at = jst (2025, 12, 1, 13, 0);
  AnshinCard *card = anshin_card_new ();

  gt_signal_logger_connect (logger, card, "notify");

  anshin_card_set_id (card, "card_1");
  assert_notified (logger, card, "id");
  anshin_card_set_product_name (card, "Tsubasa Pay");
  assert_notified (logger, card, "product-name");
  anshin_card_set_brand (card, ANSHIN_CARD_BRAND_MASTERCARD);
  assert_notified (logger, card, "brand");
  anshin_card_set_form (card, ANSHIN_CARD_FORM_VIRTUAL_AND_PHYSICAL);
  assert_notified (logger, card, "form");
  anshin_card_set_state (card, ANSHIN_CARD_STATE_REISSUING);
  assert_notified (logger, card, "state");
  anshin_card_set_number_last4 (card, "1234");
  assert_notified (logger, card, "number-last4");
  anshin_card_set_exp_month (card, 11);
  assert_notified (logger, card, "exp-month");
  anshin_card_set_exp_year (card, 2030);
  assert_notified (logger, card, "exp-year");
  anshin_card_set_balance (card, 12345);
  assert_notified (logger, card, "balance");
  anshin_card_set_renewal_status (card, ANSHIN_RENEWAL_STATUS_COMPLETED);
  assert_notified (logger, card, "renewal-status");
  anshin_card_set_renewal_date (card, renewal_date);
  assert_notified (logger, card, "renewal-date");
  anshin_card_set_renewal_announced_at (card, announced_at);
  assert_notified (logger, card, "renewal-announced-at");
  anshin_card_set_renewal_completed_at (card, completed_at);
  assert_notified (logger, card, "renewal-completed-at");
  anshin_card_set_renewal_number_changes (card, TRUE);
  assert_notified (logger, card, "renewal-number-changes");
  anshin_card_set_renewal_new_exp_month (card, 12);
  assert_notified (logger, card, "renewal-new-exp-month");
  anshin_card_set_renewal_new_exp_year (card, 2031);
  assert_notified (logger, card, "renewal-new-exp-year");
  anshin_card_set_physical_status (card, ANSHIN_PHYSICAL_CARD_STATUS_DELIVERED);
  assert_notified (logger, card, "physical-status");
  anshin_card_set_physical_eta (card, eta);
  assert_notified (logger, card, "physical-eta");
  anshin_card_set_physical_shipped_at (card, shipped_at);
  assert_notified (logger, card, "physical-shipped-at");
  anshin_card_set_physical_delivered_at (card, delivered_at);
  assert_notified (logger, card, "physical-delivered-at");
  anshin_card_set_reissue_status (card, ANSHIN_REISSUE_STATUS_IN_PROGRESS);
  assert_notified (logger, card, "reissue-status");
  anshin_card_set_reissue_id (card, "reissue_1");
  assert_notified (logger, card, "reissue-id");
  anshin_card_set_reissue_new_number (card, TRUE);
  assert_notified (logger, card, "reissue-new-number");
  anshin_card_set_reissue_requested_at (card, requested_at);
  assert_notified (logger, card, "reissue-requested-at");
  anshin_card_set_reissue_ready_eta (card, ready_eta);
  assert_notified (logger, card, "reissue-ready-eta");
  anshin_card_set_reissue_completed_at (card, reissued_at);
  assert_notified (logger, card, "reissue-completed-at");
  gt_signal_logger_assert_no_emissions (logger);

  g_assert_cmpstr (anshin_card_get_id (card), ==, "card_1");
  g_assert_cmpstr (anshin_card_get_product_name (card), ==, "Tsubasa Pay");
  g_assert_cmpint (anshin_card_get_brand (card), ==, ANSHIN_CARD_BRAND_MASTERCARD);
  g_assert_cmpint (anshin_card_get_form (card), ==, ANSHIN_CARD_FORM_VIRTUAL_AND_PHYSICAL);
  g_assert_cmpint (anshin_card_get_state (card), ==, ANSHIN_CARD_STATE_REISSUING);
  g_assert_cmpstr (anshin_card_get_number_last4 (card), ==, "1234");
  g_assert_cmpuint (anshin_card_get_exp_month (card), ==, 11);
  g_assert_cmpuint (anshin_card_get_exp_year (card), ==, 2030);
  g_assert_cmpint (anshin_card_get_balance (card), ==, 12345);
  g_assert_cmpint (anshin_card_get_renewal_status (card), ==, ANSHIN_RENEWAL_STATUS_COMPLETED);
  g_assert_true (anshin_card_get_renewal_date (card) == renewal_date);
  g_assert_true (anshin_card_get_renewal_announced_at (card) == announced_at);
  g_assert_true (anshin_card_get_renewal_completed_at (card) == completed_at);
  g_assert_true (anshin_card_get_renewal_number_changes (card));
  g_assert_cmpuint (anshin_card_get_renewal_new_exp_month (card), ==, 12);
  g_assert_cmpuint (anshin_card_get_renewal_new_exp_year (card), ==, 2031);
  g_assert_cmpint (anshin_card_get_physical_status (card), ==,
                   ANSHIN_PHYSICAL_CARD_STATUS_DELIVERED);
  g_assert_true (anshin_card_get_physical_eta (card) == eta);
  g_assert_true (anshin_card_get_physical_shipped_at (card) == shipped_at);
  g_assert_true (anshin_card_get_physical_delivered_at (card) == delivered_at);
  g_assert_cmpint (anshin_card_get_reissue_status (card), ==, ANSHIN_REISSUE_STATUS_IN_PROGRESS);
  g_assert_cmpstr (anshin_card_get_reissue_id (card), ==, "reissue_1");
  g_assert_true (anshin_card_get_reissue_new_number (card));
  g_assert_true (anshin_card_get_reissue_requested_at (card) == requested_at);
  g_assert_true (anshin_card_get_reissue_ready_eta (card) == ready_eta);
  g_assert_true (anshin_card_get_reissue_completed_at (card) == reissued_at);

  /* The same values again: nothing to tell the views. */
  anshin_card_set_state (card, ANSHIN_CARD_STATE_REISSUING);
  anshin_card_set_number_last4 (card, "1234");
  anshin_card_set_exp_year (card, 2030);
  anshin_card_set_balance (card, 12345);
  anshin_card_set_renewal_number_changes (card, TRUE);
  anshin_card_set_physical_eta (card, eta);
  gt_signal_logger_assert_no_emissions (logger);

  /* A physical card that is no longer there. */
  anshin_card_set_physical_status (card, ANSHIN_PHYSICAL_CARD_STATUS_NONE);
  anshin_card_set_physical_eta (card, NULL);
  g_assert_cmpint (anshin_card_get_physical_status (card), ==, ANSHIN_PHYSICAL_CARD_STATUS_NONE);
  g_assert_null (anshin_card_get_physical_eta (card));
  assert_notified (logger, card, "physical-status");
  assert_notified (logger, card, "physical-eta");
  anshin_card_set_physical_eta (card, NULL);
  gt_signal_logger_assert_no_emissions (logger);

  g_assert_finalize_object (card);
}

static void
test_payment_method_accessors (void)
{
  g_autoptr(GtSignalLogger) logger = gt_signal_logger_new ();
  g_autoptr(GDateTime) since = jst (2025, 11, 30, 0, 0);
  g_autoptr(GDateTime) eta = jst (2025, 12, 1, 0, 0);
  AnshinPaymentMethod *method = anshin_payment_method_new ();

  gt_signal_logger_connect (logger, method, "notify");

  anshin_payment_method_set_kind (method, ANSHIN_PAYMENT_METHOD_KIND_QUICPAY);
  assert_notified (logger, method, "kind");
  anshin_payment_method_set_state (method, ANSHIN_PAYMENT_METHOD_STATE_UPDATING);
  assert_notified (logger, method, "state");
  anshin_payment_method_set_since (method, since);
  assert_notified (logger, method, "since");
  anshin_payment_method_set_eta (method, eta);
  assert_notified (logger, method, "eta");
  anshin_payment_method_set_reason (method,
                                    ANSHIN_PAYMENT_METHOD_REASON_RENEWAL_MIGRATION_PENDING);
  assert_notified (logger, method, "reason");
  anshin_payment_method_set_via (method, ANSHIN_WALLET_APPLE_PAY | ANSHIN_WALLET_GOOGLE_PAY);
  assert_notified (logger, method, "via");
  gt_signal_logger_assert_no_emissions (logger);

  g_assert_cmpint (anshin_payment_method_get_kind (method), ==,
                   ANSHIN_PAYMENT_METHOD_KIND_QUICPAY);
  g_assert_cmpint (anshin_payment_method_get_state (method), ==,
                   ANSHIN_PAYMENT_METHOD_STATE_UPDATING);
  g_assert_true (anshin_payment_method_get_since (method) == since);
  g_assert_true (anshin_payment_method_get_eta (method) == eta);
  g_assert_cmpint (anshin_payment_method_get_reason (method), ==,
                   ANSHIN_PAYMENT_METHOD_REASON_RENEWAL_MIGRATION_PENDING);
  g_assert_cmpuint (anshin_payment_method_get_via (method), ==,
                    ANSHIN_WALLET_APPLE_PAY | ANSHIN_WALLET_GOOGLE_PAY);

  anshin_payment_method_set_state (method, ANSHIN_PAYMENT_METHOD_STATE_UPDATING);
  anshin_payment_method_set_via (method, ANSHIN_WALLET_GOOGLE_PAY | ANSHIN_WALLET_APPLE_PAY);
  gt_signal_logger_assert_no_emissions (logger);

  /* The issuer stops giving a date. */
  anshin_payment_method_set_eta (method, NULL);
  assert_notified (logger, method, "eta");
  g_assert_null (anshin_payment_method_get_eta (method));
  anshin_payment_method_set_via (method, ANSHIN_WALLET_GOOGLE_PAY);
  assert_notified (logger, method, "via");
  gt_signal_logger_assert_no_emissions (logger);

  g_assert_finalize_object (method);
}

static void
test_program_accessors (void)
{
  g_autoptr(GtSignalLogger) logger = gt_signal_logger_new ();
  g_autoptr(GDateTime) since = jst (2024, 11, 1, 0, 0);
  const char *methods[] = { "quicpay", NULL };
  char *same_methods[] = { (char *) "quicpay", NULL };
  AnshinProgram *program = anshin_program_new ();

  gt_signal_logger_connect (logger, program, "notify");
  g_assert_null (anshin_program_get_requires_methods (program));

  anshin_program_set_id (program, "program_1");
  assert_notified (logger, program, "id");
  anshin_program_set_name (program, "Tsubasa Shopping Program");
  assert_notified (logger, program, "name");
  anshin_program_set_description (program, "Earn miles on QUICPay payments.");
  assert_notified (logger, program, "description");
  anshin_program_set_requires_methods (program, methods);
  assert_notified (logger, program, "requires-methods");
  anshin_program_set_since (program, since);
  assert_notified (logger, program, "since");
  gt_signal_logger_assert_no_emissions (logger);

  g_assert_cmpstr (anshin_program_get_id (program), ==, "program_1");
  g_assert_cmpstr (anshin_program_get_name (program), ==, "Tsubasa Shopping Program");
  g_assert_cmpstr (anshin_program_get_description (program), ==,
                   "Earn miles on QUICPay payments.");
  g_assert_true (g_strv_equal (anshin_program_get_requires_methods (program), methods));
  /* The programme keeps its own copy. */
  g_assert_true (anshin_program_get_requires_methods (program) != methods);
  g_assert_true (anshin_program_get_since (program) == since);

  anshin_program_set_requires_methods (program, (const char * const *) same_methods);
  gt_signal_logger_assert_no_emissions (logger);

  anshin_program_set_requires_methods (program, NULL);
  assert_notified (logger, program, "requires-methods");
  g_assert_null (anshin_program_get_requires_methods (program));

  g_assert_finalize_object (program);
}

static void
test_notice_accessors (void)
{
  g_autoptr(GtSignalLogger) logger = gt_signal_logger_new ();
  g_autoptr(GDateTime) issued_at = jst (2025, 11, 30, 0, 5);
  g_autoptr(GHashTable) params = params_new ("renewal_date", "2025-11-30", NULL);
  AnshinNotice *notice = anshin_notice_new ();

  gt_signal_logger_connect (logger, notice, "notify");

  anshin_notice_set_id (notice, "notice_3");
  assert_notified (logger, notice, "id");
  anshin_notice_set_code (notice, ANSHIN_NOTICE_CODE_CARD_ACTIVATED);
  assert_notified (logger, notice, "code");
  anshin_notice_set_issued_at (notice, issued_at);
  assert_notified (logger, notice, "issued-at");
  anshin_notice_set_channel (notice, ANSHIN_NOTICE_CHANNEL_EMAIL);
  assert_notified (logger, notice, "channel");
  anshin_notice_set_title (notice, "カード有効化完了のお知らせ");
  assert_notified (logger, notice, "title");
  anshin_notice_set_body (notice, "新しいカードが有効になりました。");
  assert_notified (logger, notice, "body");
  anshin_notice_set_read (notice, TRUE);
  assert_notified (logger, notice, "read");
  anshin_notice_set_params (notice, params);
  assert_notified (logger, notice, "params");
  gt_signal_logger_assert_no_emissions (logger);

  g_assert_cmpstr (anshin_notice_get_id (notice), ==, "notice_3");
  g_assert_cmpint (anshin_notice_get_code (notice), ==, ANSHIN_NOTICE_CODE_CARD_ACTIVATED);
  g_assert_true (anshin_notice_get_issued_at (notice) == issued_at);
  g_assert_cmpint (anshin_notice_get_channel (notice), ==, ANSHIN_NOTICE_CHANNEL_EMAIL);
  g_assert_cmpstr (anshin_notice_get_title (notice), ==, "カード有効化完了のお知らせ");
  g_assert_cmpstr (anshin_notice_get_body (notice), ==, "新しいカードが有効になりました。");
  g_assert_true (anshin_notice_get_read (notice));
  g_assert_true (params_equal (anshin_notice_get_params (notice), params));

  anshin_notice_set_read (notice, TRUE);
  anshin_notice_set_title (notice, "カード有効化完了のお知らせ");
  gt_signal_logger_assert_no_emissions (logger);

  g_assert_finalize_object (notice);
}

static void
test_charge_card_accessors (void)
{
  g_autoptr(GtSignalLogger) logger = gt_signal_logger_new ();
  g_autoptr(GDateTime) registered_at = jst (2025, 9, 2, 21, 15);
  AnshinChargeCard *charge_card = anshin_charge_card_new ();

  gt_signal_logger_connect (logger, charge_card, "notify");

  anshin_charge_card_set_id (charge_card, "cc_1");
  assert_notified (logger, charge_card, "id");
  anshin_charge_card_set_brand (charge_card, ANSHIN_CARD_BRAND_JCB);
  assert_notified (logger, charge_card, "brand");
  anshin_charge_card_set_last4 (charge_card, "0005");
  assert_notified (logger, charge_card, "last4");
  anshin_charge_card_set_exp_month (charge_card, 4);
  assert_notified (logger, charge_card, "exp-month");
  anshin_charge_card_set_exp_year (charge_card, 2028);
  assert_notified (logger, charge_card, "exp-year");
  anshin_charge_card_set_holder_name (charge_card, "HANAKO YAMADA");
  assert_notified (logger, charge_card, "holder-name");
  anshin_charge_card_set_registered_at (charge_card, registered_at);
  assert_notified (logger, charge_card, "registered-at");
  gt_signal_logger_assert_no_emissions (logger);

  g_assert_cmpstr (anshin_charge_card_get_id (charge_card), ==, "cc_1");
  g_assert_cmpint (anshin_charge_card_get_brand (charge_card), ==, ANSHIN_CARD_BRAND_JCB);
  g_assert_cmpstr (anshin_charge_card_get_last4 (charge_card), ==, "0005");
  g_assert_cmpuint (anshin_charge_card_get_exp_month (charge_card), ==, 4);
  g_assert_cmpuint (anshin_charge_card_get_exp_year (charge_card), ==, 2028);
  g_assert_cmpstr (anshin_charge_card_get_holder_name (charge_card), ==, "HANAKO YAMADA");
  g_assert_true (anshin_charge_card_get_registered_at (charge_card) == registered_at);

  anshin_charge_card_set_exp_month (charge_card, 4);
  anshin_charge_card_set_holder_name (charge_card, "HANAKO YAMADA");
  gt_signal_logger_assert_no_emissions (logger);

  g_assert_finalize_object (charge_card);
}

/* update_from: one long-lived object, updated in place */

static void
test_card_update_from_renewal (void)
{
  g_autoptr(GtSignalLogger) logger = gt_signal_logger_new ();
  g_autoptr(GDateTime) completed_at = jst (2025, 11, 30, 0, 0);
  g_autoptr(GDateTime) physical_eta = jst (2025, 12, 16, 0, 0);
  g_autoptr(GDateTime) renewal_date_utc = g_date_time_new_utc (2025, 11, 29, 15, 0, 0);
  g_autofree char *notified = NULL;
  AnshinCard *card = card_before_renewal ();
  AnshinCard *renewed = card_before_renewal ();
  AnshinCard *again = NULL;

  /* On the renewal day: same number, new expiry, a physical card on its
   * way. The fresh copy spells the same renewal date in another zone. */
  anshin_card_set_exp_year (renewed, 2030);
  anshin_card_set_renewal_status (renewed, ANSHIN_RENEWAL_STATUS_COMPLETED);
  anshin_card_set_renewal_completed_at (renewed, completed_at);
  anshin_card_set_renewal_date (renewed, renewal_date_utc);
  anshin_card_set_physical_status (renewed, ANSHIN_PHYSICAL_CARD_STATUS_PREPARING);
  anshin_card_set_physical_eta (renewed, physical_eta);

  gt_signal_logger_connect (logger, card, "notify");
  anshin_card_update_from (card, renewed);

  notified = pop_notified (logger, card);
  g_assert_cmpstr (notified, ==,
                   "exp-year physical-eta physical-status renewal-completed-at renewal-status");

  g_assert_cmpint (anshin_card_get_state (card), ==, ANSHIN_CARD_STATE_ACTIVE);
  g_assert_cmpstr (anshin_card_get_number_last4 (card), ==, "1234");
  g_assert_cmpuint (anshin_card_get_exp_month (card), ==, 11);
  g_assert_cmpuint (anshin_card_get_exp_year (card), ==, 2030);
  g_assert_cmpint (anshin_card_get_renewal_status (card), ==, ANSHIN_RENEWAL_STATUS_COMPLETED);
  g_assert_true (g_date_time_equal (anshin_card_get_renewal_completed_at (card), completed_at));
  g_assert_cmpint (anshin_card_get_physical_status (card), ==,
                   ANSHIN_PHYSICAL_CARD_STATUS_PREPARING);
  g_assert_true (g_date_time_equal (anshin_card_get_physical_eta (card), physical_eta));
  g_assert_cmpint (anshin_card_get_balance (card), ==, 12345);

  /* Refreshing again with nothing new tells the views nothing. */
  anshin_card_update_from (card, renewed);
  gt_signal_logger_assert_no_emissions (logger);

  /* A fresh object becomes a full copy. */
  again = anshin_card_new ();
  anshin_card_update_from (again, card);
  g_assert_cmpstr (anshin_card_get_id (again), ==, "card_1");
  g_assert_cmpstr (anshin_card_get_product_name (again), ==, "Tsubasa Pay");
  g_assert_cmpint (anshin_card_get_form (again), ==, ANSHIN_CARD_FORM_VIRTUAL_AND_PHYSICAL);
  g_assert_cmpuint (anshin_card_get_renewal_new_exp_year (again), ==, 2030);
  g_assert_true (g_date_time_equal (anshin_card_get_renewal_announced_at (again),
                                    anshin_card_get_renewal_announced_at (card)));

  g_assert_finalize_object (again);
  g_assert_finalize_object (renewed);
  g_assert_finalize_object (card);
}

static void
test_payment_method_update_from (void)
{
  g_autoptr(GtSignalLogger) logger = gt_signal_logger_new ();
  g_autoptr(GDateTime) renewed_at = jst (2025, 11, 30, 0, 0);
  g_autoptr(GDateTime) promised = jst (2025, 12, 1, 0, 0);
  g_autoptr(GDateTime) overdue_at = jst (2025, 12, 1, 0, 0);
  g_autofree char *notified = NULL;
  AnshinPaymentMethod *method = anshin_payment_method_new ();
  AnshinPaymentMethod *fresh = anshin_payment_method_new ();

  anshin_payment_method_set_kind (method, ANSHIN_PAYMENT_METHOD_KIND_QUICPAY);
  anshin_payment_method_set_state (method, ANSHIN_PAYMENT_METHOD_STATE_UPDATING);
  anshin_payment_method_set_since (method, renewed_at);
  anshin_payment_method_set_eta (method, promised);
  anshin_payment_method_set_reason (method,
                                    ANSHIN_PAYMENT_METHOD_REASON_RENEWAL_MIGRATION_PENDING);
  anshin_payment_method_set_via (method, ANSHIN_WALLET_APPLE_PAY);

  /* The promised day passes: unavailable, delayed, no date any more. */
  anshin_payment_method_set_kind (fresh, ANSHIN_PAYMENT_METHOD_KIND_QUICPAY);
  anshin_payment_method_set_state (fresh, ANSHIN_PAYMENT_METHOD_STATE_UNAVAILABLE);
  anshin_payment_method_set_since (fresh, overdue_at);
  anshin_payment_method_set_reason (fresh,
                                    ANSHIN_PAYMENT_METHOD_REASON_RENEWAL_MIGRATION_DELAYED);
  anshin_payment_method_set_via (fresh, ANSHIN_WALLET_APPLE_PAY);

  gt_signal_logger_connect (logger, method, "notify");
  anshin_payment_method_update_from (method, fresh);

  notified = pop_notified (logger, method);
  g_assert_cmpstr (notified, ==, "eta reason since state");
  g_assert_null (anshin_payment_method_get_eta (method));
  g_assert_cmpint (anshin_payment_method_get_state (method), ==,
                   ANSHIN_PAYMENT_METHOD_STATE_UNAVAILABLE);
  g_assert_cmpuint (anshin_payment_method_get_via (method), ==, ANSHIN_WALLET_APPLE_PAY);

  g_assert_finalize_object (fresh);
  g_assert_finalize_object (method);
}

static void
test_program_update_from (void)
{
  g_autoptr(GtSignalLogger) logger = gt_signal_logger_new ();
  const char *methods[] = { "quicpay", NULL };
  const char *more_methods[] = { "quicpay", "mastercard_contactless", NULL };
  g_autofree char *notified = NULL;
  AnshinProgram *program = anshin_program_new ();
  AnshinProgram *fresh = anshin_program_new ();

  anshin_program_set_id (program, "program_1");
  anshin_program_set_name (program, "Tsubasa Shopping Program");
  anshin_program_set_requires_methods (program, methods);
  anshin_program_set_id (fresh, "program_1");
  anshin_program_set_name (fresh, "Tsubasa Shopping Program");
  anshin_program_set_requires_methods (fresh, methods);

  gt_signal_logger_connect (logger, program, "notify");
  anshin_program_update_from (program, fresh);
  gt_signal_logger_assert_no_emissions (logger);

  anshin_program_set_requires_methods (fresh, more_methods);
  anshin_program_update_from (program, fresh);
  notified = pop_notified (logger, program);
  g_assert_cmpstr (notified, ==, "requires-methods");
  g_assert_true (anshin_program_requires_method (program,
                                                 ANSHIN_PAYMENT_METHOD_KIND_MASTERCARD_CONTACTLESS));

  g_assert_finalize_object (fresh);
  g_assert_finalize_object (program);
}

static void
test_notice_update_from (void)
{
  g_autoptr(GtSignalLogger) logger = gt_signal_logger_new ();
  g_autoptr(GHashTable) params = params_new ("renewal_date", "2025-11-30", NULL);
  g_autofree char *notified = NULL;
  AnshinNotice *notice = anshin_notice_new ();
  AnshinNotice *fresh = anshin_notice_new ();

  anshin_notice_set_id (notice, "notice_1");
  anshin_notice_set_code (notice, ANSHIN_NOTICE_CODE_RENEWAL_SCHEDULED);
  anshin_notice_set_params (notice, params);
  anshin_notice_set_id (fresh, "notice_1");
  anshin_notice_set_code (fresh, ANSHIN_NOTICE_CODE_RENEWAL_SCHEDULED);
  anshin_notice_set_param (fresh, "renewal_date", "2025-11-30");
  anshin_notice_set_read (fresh, TRUE);

  gt_signal_logger_connect (logger, notice, "notify");
  anshin_notice_update_from (notice, fresh);

  notified = pop_notified (logger, notice);
  g_assert_cmpstr (notified, ==, "read");
  g_assert_true (anshin_notice_get_read (notice));
  g_assert_cmpstr (anshin_notice_get_param (notice, "renewal_date"), ==, "2025-11-30");

  g_assert_finalize_object (fresh);
  g_assert_finalize_object (notice);
}

static void
test_charge_card_update_from (void)
{
  g_autoptr(GtSignalLogger) logger = gt_signal_logger_new ();
  g_autofree char *notified = NULL;
  AnshinChargeCard *charge_card = anshin_charge_card_new ();
  AnshinChargeCard *fresh = anshin_charge_card_new ();

  anshin_charge_card_set_id (charge_card, "cc_1");
  anshin_charge_card_set_last4 (charge_card, "4444");
  anshin_charge_card_set_exp_month (charge_card, 3);
  anshin_charge_card_set_exp_year (charge_card, 2026);
  anshin_charge_card_set_id (fresh, "cc_1");
  anshin_charge_card_set_last4 (fresh, "4444");
  anshin_charge_card_set_exp_month (fresh, 3);
  anshin_charge_card_set_exp_year (fresh, 2031);

  gt_signal_logger_connect (logger, charge_card, "notify");
  anshin_charge_card_update_from (charge_card, fresh);

  notified = pop_notified (logger, charge_card);
  g_assert_cmpstr (notified, ==, "exp-year");
  g_assert_cmpuint (anshin_charge_card_get_exp_year (charge_card), ==, 2031);

  g_assert_finalize_object (fresh);
  g_assert_finalize_object (charge_card);
}

/* Programme rules and notice params */

static void
test_program_requires_method (void)
{
  const char *quicpay_only[] = { "quicpay", NULL };
  const char *contactless_and_quicpay[] = { "mastercard_contactless", "quicpay", NULL };
  const char *none[] = { NULL };
  const struct {
    const char * const *requires;
    AnshinPaymentMethodKind kind;
    gboolean expected;
  } cases[] = {
    { quicpay_only, ANSHIN_PAYMENT_METHOD_KIND_QUICPAY, TRUE },
    { quicpay_only, ANSHIN_PAYMENT_METHOD_KIND_MASTERCARD_CONTACTLESS, FALSE },
    { quicpay_only, ANSHIN_PAYMENT_METHOD_KIND_MASTERCARD_ONLINE, FALSE },
    { quicpay_only, ANSHIN_PAYMENT_METHOD_KIND_APPLE_PAY, FALSE },
    { contactless_and_quicpay, ANSHIN_PAYMENT_METHOD_KIND_MASTERCARD_CONTACTLESS, TRUE },
    { contactless_and_quicpay, ANSHIN_PAYMENT_METHOD_KIND_QUICPAY, TRUE },
    { contactless_and_quicpay, ANSHIN_PAYMENT_METHOD_KIND_GOOGLE_PAY, FALSE },
    { none, ANSHIN_PAYMENT_METHOD_KIND_QUICPAY, FALSE },
    { NULL, ANSHIN_PAYMENT_METHOD_KIND_QUICPAY, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      AnshinProgram *program = anshin_program_new ();

      anshin_program_set_requires_methods (program, cases[i].requires);
      g_assert_cmpint (anshin_program_requires_method (program, cases[i].kind), ==,
                       cases[i].expected);

      g_assert_finalize_object (program);
    }
}

static void
test_notice_params (void)
{
  g_autoptr(GtSignalLogger) logger = gt_signal_logger_new ();
  g_autoptr(GHashTable) empty = params_new (NULL);
  g_autoptr(GHashTable) equal = params_new ("last4", "1234", "renewal_date", "2025-11-30", NULL);
  GHashTable *before;
  AnshinNotice *notice = anshin_notice_new ();

  gt_signal_logger_connect (logger, notice, "notify");

  g_assert_null (anshin_notice_get_params (notice));
  g_assert_null (anshin_notice_get_param (notice, "renewal_date"));

  /* No params and empty params are the same thing. */
  anshin_notice_set_params (notice, empty);
  g_assert_null (anshin_notice_get_params (notice));
  gt_signal_logger_assert_no_emissions (logger);

  anshin_notice_set_param (notice, "renewal_date", "2025-11-30");
  assert_notified (logger, notice, "params");
  anshin_notice_set_param (notice, "last4", "1234");
  assert_notified (logger, notice, "params");
  anshin_notice_set_param (notice, "last4", "1234");
  gt_signal_logger_assert_no_emissions (logger);

  g_assert_cmpstr (anshin_notice_get_param (notice, "renewal_date"), ==, "2025-11-30");
  g_assert_cmpstr (anshin_notice_get_param (notice, "last4"), ==, "1234");
  g_assert_null (anshin_notice_get_param (notice, "eta"));
  g_assert_cmpuint (g_hash_table_size (anshin_notice_get_params (notice)), ==, 2);

  anshin_notice_set_params (notice, equal);
  gt_signal_logger_assert_no_emissions (logger);
  /* The notice keeps its own copy. */
  g_hash_table_insert (equal, g_strdup ("last4"), g_strdup ("9999"));
  g_assert_cmpstr (anshin_notice_get_param (notice, "last4"), ==, "1234");

  /* A table handed out earlier does not change under its holder. */
  before = g_hash_table_ref (anshin_notice_get_params (notice));
  anshin_notice_set_param (notice, "last4", "5678");
  assert_notified (logger, notice, "params");
  g_assert_cmpstr (g_hash_table_lookup (before, "last4"), ==, "1234");
  g_assert_cmpstr (anshin_notice_get_param (notice, "last4"), ==, "5678");
  g_hash_table_unref (before);

  /* NULL removes a param; removing the last one leaves none. */
  anshin_notice_set_param (notice, "last4", NULL);
  assert_notified (logger, notice, "params");
  g_assert_null (anshin_notice_get_param (notice, "last4"));
  anshin_notice_set_param (notice, "last4", NULL);
  gt_signal_logger_assert_no_emissions (logger);
  anshin_notice_set_param (notice, "renewal_date", NULL);
  assert_notified (logger, notice, "params");
  g_assert_null (anshin_notice_get_params (notice));
  gt_signal_logger_assert_no_emissions (logger);

  g_assert_finalize_object (notice);
}

static void
test_payment_method_is_unusable (void)
{
  const struct {
    AnshinPaymentMethodState state;
    gboolean unusable;
  } cases[] = {
    { ANSHIN_PAYMENT_METHOD_STATE_AVAILABLE, FALSE },
    { ANSHIN_PAYMENT_METHOD_STATE_UPDATING, TRUE },
    { ANSHIN_PAYMENT_METHOD_STATE_UNAVAILABLE, TRUE },
    { ANSHIN_PAYMENT_METHOD_STATE_NOT_SET_UP, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(AnshinPaymentMethod) method = anshin_payment_method_new ();

      anshin_payment_method_set_state (method, cases[i].state);
      g_assert_cmpint (anshin_payment_method_is_unusable (method), ==, cases[i].unusable);
    }
}

int
main (int   argc,
      char *argv[])
{
  const struct {
    const char *name;
    GType (*get_type) (void);
  } types[] = {
    { "card", anshin_card_get_type },
    { "payment-method", anshin_payment_method_get_type },
    { "program", anshin_program_get_type },
    { "notice", anshin_notice_get_type },
    { "charge-card", anshin_charge_card_get_type },
    { "issuer-info", anshin_issuer_info_get_type },
    { "transaction", anshin_transaction_get_type },
  };

  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      g_autofree char *path = g_strdup_printf ("/models/%s/properties", types[i].name);

      g_test_add_data_func (path, GSIZE_TO_POINTER (types[i].get_type ()), test_properties);
    }

  g_test_add_func ("/models/card/construct-properties", test_construct_properties);
  g_test_add_func ("/models/card/accessors", test_card_accessors);
  g_test_add_func ("/models/card/update-from-renewal", test_card_update_from_renewal);
  g_test_add_func ("/models/payment-method/accessors", test_payment_method_accessors);
  g_test_add_func ("/models/payment-method/update-from", test_payment_method_update_from);
  g_test_add_func ("/models/payment-method/is-unusable", test_payment_method_is_unusable);
  g_test_add_func ("/models/program/accessors", test_program_accessors);
  g_test_add_func ("/models/program/update-from", test_program_update_from);
  g_test_add_func ("/models/program/requires-method", test_program_requires_method);
  g_test_add_func ("/models/notice/accessors", test_notice_accessors);
  g_test_add_func ("/models/notice/update-from", test_notice_update_from);
  g_test_add_func ("/models/notice/params", test_notice_params);
  g_test_add_func ("/models/charge-card/accessors", test_charge_card_accessors);
  g_test_add_func ("/models/charge-card/update-from", test_charge_card_update_from);

  return g_test_run ();
}
