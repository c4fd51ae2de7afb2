/* test-enum-util.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "anshin-core-enum-types.h"
#include "anshin-core-enums.h"
#include "anshin-enum-util.h"

typedef struct {
  GType (*get_type) (void);
  const char *api_name;
  int value;
} EnumCase;

static void
test_enum_round_trip (void)
{
  const EnumCase cases[] = {
    { anshin_card_state_get_type, "active", ANSHIN_CARD_STATE_ACTIVE },
    { anshin_card_state_get_type, "reissuing", ANSHIN_CARD_STATE_REISSUING },
    { anshin_card_form_get_type, "virtual_and_physical", ANSHIN_CARD_FORM_VIRTUAL_AND_PHYSICAL },
    { anshin_payment_method_kind_get_type, "mastercard_contactless",
      ANSHIN_PAYMENT_METHOD_KIND_MASTERCARD_CONTACTLESS },
    { anshin_payment_method_kind_get_type, "quicpay", ANSHIN_PAYMENT_METHOD_KIND_QUICPAY },
    { anshin_payment_method_state_get_type, "not_set_up", ANSHIN_PAYMENT_METHOD_STATE_NOT_SET_UP },
    { anshin_payment_method_reason_get_type, "renewal_migration_delayed",
      ANSHIN_PAYMENT_METHOD_REASON_RENEWAL_MIGRATION_DELAYED },
    { anshin_notice_code_get_type, "charge_card_registration_locked",
      ANSHIN_NOTICE_CODE_CHARGE_CARD_REGISTRATION_LOCKED },
    { anshin_notice_channel_get_type, "push", ANSHIN_NOTICE_CHANNEL_PUSH },
    { anshin_physical_card_status_get_type, "shipped", ANSHIN_PHYSICAL_CARD_STATUS_SHIPPED },
    { anshin_reissue_reason_get_type, "network_unavailable",
      ANSHIN_REISSUE_REASON_NETWORK_UNAVAILABLE },
    { anshin_card_brand_get_type, "mastercard", ANSHIN_CARD_BRAND_MASTERCARD },
    { anshin_card_field_get_type, "holder_name", ANSHIN_CARD_FIELD_HOLDER_NAME },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GType type = cases[i].get_type ();
      int value = -1;

      g_test_message ("%s", cases[i].api_name);
      g_assert_true (anshin_enum_from_api (type, cases[i].api_name, &value));
      g_assert_cmpint (value, ==, cases[i].value);
      g_assert_cmpstr (anshin_enum_to_api (type, cases[i].value), ==, cases[i].api_name);
    }
}

static void
test_enum_rejects (void)
{
  const char *bad[] = { NULL, "", "Active", "not-set-up", "frozen ", "unknown_state" };
  GType type = anshin_card_state_get_type ();

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      int value = 42;

      g_assert_false (anshin_enum_from_api (type, bad[i], &value));
      g_assert_cmpint (value, ==, 42);
    }

  g_assert_null (anshin_enum_to_api (type, 99));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/enum-util/round-trip", test_enum_round_trip);
  g_test_add_func ("/enum-util/rejects", test_enum_rejects);

  return g_test_run ();
}
