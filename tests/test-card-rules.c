/* test-card-rules.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "anshin-card-fields.h"
#include "anshin-card-number.h"
#include "anshin-core-enum-types.h"
#include "anshin-enum-util.h"

#define R ANSHIN_CARD_FIELD_ERROR_REQUIRED
#define OK -1

/* The issuer's accepted_brands in the API. */
static const char * const issuer_brands[] = { "mastercard", "jcb", "diners", "visa", NULL };
static const char * const every_brand[] = {
  "visa", "mastercard", "amex", "jcb", "diners", "discover", "unionpay", NULL
};

/* Test inputs include invalid UTF-8: show them escaped. */
static void
note_input (const char *what,
            const char *input)
{
  g_autofree char *escaped = input != NULL ? g_strescape (input, NULL) : g_strdup ("(null)");

  g_test_message ("%s \"%s\"", what, escaped);
}

static void
assert_field_error (const GError *error,
                    int           code,
                    const char   *message)
{
  g_assert_error (error, ANSHIN_CARD_FIELD_ERROR, code);
  if (message != NULL)
    g_assert_cmpstr (error->message, ==, message);
}

/* Independent of the code under test: the Luhn check digit for @payload. */
static char
check_digit (const char *payload)
{
  gsize length = strlen (payload);
  guint sum = 0;

  for (gsize i = 0; i < length; i++)
    {
      guint d = (guint) (payload[length - 1 - i] - '0');

      if (i % 2 == 0)
        d = d * 2 > 9 ? d * 2 - 9 : d * 2;
      sum += d;
    }

  return (char) ('0' + (10 - sum % 10) % 10);
}

static char *
make_number (const char *prefix,
             guint       length)
{
  GString *number = g_string_new (prefix);

  while (number->len < length - 1)
    g_string_append_c (number, (char) ('0' + (number->len * 7 + 3) % 10));
  g_string_append_c (number, check_digit (number->str));

  return g_string_free (number, FALSE);
}

static void
test_public_vectors (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "card-numbers.tsv", NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;
  guint n_vectors = 0;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      g_autoptr(GError) local_error = NULL;
      g_autofree char *digits = NULL;
      AnshinCardBrand brand = ANSHIN_CARD_BRAND_UNKNOWN;
      int expected_brand = -1;
      gboolean luhn, accepted;

      if (lines[i][0] == '#' || lines[i][0] == '\0')
        continue;

      fields = g_strsplit (lines[i], "\t", -1);
      g_assert_cmpuint (g_strv_length (fields), ==, 4);
      g_assert_true (anshin_enum_from_api (ANSHIN_TYPE_CARD_BRAND, fields[1], &expected_brand));
      luhn = g_str_equal (fields[2], "yes");
      accepted = g_str_equal (fields[3], "yes");

      g_test_message ("vector %s", fields[0]);
      g_assert_cmpint (anshin_card_number_detect_brand (fields[0]), ==, expected_brand);
      g_assert_cmpint (anshin_card_number_luhn_valid (fields[0]), ==, luhn);
      g_assert_cmpint (anshin_card_number_validate (fields[0], issuer_brands, &brand, &digits,
                                                    &local_error), ==, accepted);
      g_assert_cmpint (brand, ==, expected_brand);

      if (accepted)
        {
          g_assert_no_error (local_error);
          g_assert_cmpstr (digits, ==, fields[0]);
        }
      else if (!luhn && anshin_card_brand_is_accepted (brand, issuer_brands))
        assert_field_error (local_error, ANSHIN_CARD_FIELD_ERROR_LUHN, NULL);
      else
        assert_field_error (local_error, ANSHIN_CARD_FIELD_ERROR_UNSUPPORTED_BRAND, NULL);

      n_vectors++;
    }

  g_assert_cmpuint (n_vectors, >=, 8);
}

static void
test_brand_ranges (void)
{
  const struct { const char *digits; AnshinCardBrand brand; } cases[] = {
    { "", ANSHIN_CARD_BRAND_UNKNOWN }, { "0", ANSHIN_CARD_BRAND_UNKNOWN },
    { "1", ANSHIN_CARD_BRAND_UNKNOWN }, { "3", ANSHIN_CARD_BRAND_UNKNOWN },
    { "4", ANSHIN_CARD_BRAND_VISA }, { "49", ANSHIN_CARD_BRAND_VISA },
    { "5", ANSHIN_CARD_BRAND_UNKNOWN }, { "50", ANSHIN_CARD_BRAND_UNKNOWN },
    { "51", ANSHIN_CARD_BRAND_MASTERCARD }, { "55", ANSHIN_CARD_BRAND_MASTERCARD },
    { "56", ANSHIN_CARD_BRAND_UNKNOWN }, { "2", ANSHIN_CARD_BRAND_UNKNOWN },
    { "222", ANSHIN_CARD_BRAND_UNKNOWN }, { "2220", ANSHIN_CARD_BRAND_UNKNOWN },
    { "2221", ANSHIN_CARD_BRAND_MASTERCARD }, { "2720", ANSHIN_CARD_BRAND_MASTERCARD },
    { "27209", ANSHIN_CARD_BRAND_MASTERCARD }, { "2721", ANSHIN_CARD_BRAND_UNKNOWN },
    { "33", ANSHIN_CARD_BRAND_UNKNOWN }, { "34", ANSHIN_CARD_BRAND_AMEX },
    { "35", ANSHIN_CARD_BRAND_UNKNOWN }, { "36", ANSHIN_CARD_BRAND_DINERS },
    { "37", ANSHIN_CARD_BRAND_AMEX }, { "38", ANSHIN_CARD_BRAND_DINERS },
    { "39", ANSHIN_CARD_BRAND_DINERS }, { "3527", ANSHIN_CARD_BRAND_UNKNOWN },
    { "3528", ANSHIN_CARD_BRAND_JCB }, { "3589", ANSHIN_CARD_BRAND_JCB },
    { "3590", ANSHIN_CARD_BRAND_UNKNOWN }, { "30", ANSHIN_CARD_BRAND_UNKNOWN },
    { "299", ANSHIN_CARD_BRAND_UNKNOWN }, { "300", ANSHIN_CARD_BRAND_DINERS },
    { "305", ANSHIN_CARD_BRAND_DINERS }, { "306", ANSHIN_CARD_BRAND_UNKNOWN },
    { "309", ANSHIN_CARD_BRAND_UNKNOWN }, { "6", ANSHIN_CARD_BRAND_UNKNOWN },
    { "6010", ANSHIN_CARD_BRAND_UNKNOWN }, { "6011", ANSHIN_CARD_BRAND_DISCOVER },
    { "6012", ANSHIN_CARD_BRAND_UNKNOWN }, { "643", ANSHIN_CARD_BRAND_UNKNOWN },
    { "644", ANSHIN_CARD_BRAND_DISCOVER }, { "649", ANSHIN_CARD_BRAND_DISCOVER },
    { "65", ANSHIN_CARD_BRAND_DISCOVER }, { "66", ANSHIN_CARD_BRAND_UNKNOWN },
    { "61", ANSHIN_CARD_BRAND_UNKNOWN }, { "62", ANSHIN_CARD_BRAND_UNIONPAY },
    { "63", ANSHIN_CARD_BRAND_UNKNOWN }, { "7", ANSHIN_CARD_BRAND_UNKNOWN },
    { "9", ANSHIN_CARD_BRAND_UNKNOWN }, { "3528 0000", ANSHIN_CARD_BRAND_JCB },
    { "2-2-2-1", ANSHIN_CARD_BRAND_MASTERCARD }, { "\uFF13\uFF14", ANSHIN_CARD_BRAND_AMEX },
    { "4x", ANSHIN_CARD_BRAND_UNKNOWN },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      note_input ("prefix", cases[i].digits);
      g_assert_cmpint (anshin_card_number_detect_brand (cases[i].digits), ==, cases[i].brand);
    }
}

static void
test_normalize (void)
{
  const struct { const char *input; const char *digits; } cases[] = {
    { "4242424242424242", "4242424242424242" },
    { "4242 4242-4242 4242", "4242424242424242" },
    { " 4242\t4242 ", "42424242" },
    { "\uFF14\uFF12\uFF14\uFF12\u3000\uFF14\uFF12", "424242" },  /* full-width */
    { "4242\u30FC4242\u20134242\uFF0D4242", "4242424242424242" },
    { "", "" },
    { " - ", "" },
    { "4242a", NULL },
    { "4242.4242", NULL },
    { "4242/4242", NULL },
    { "\xff\xfe", NULL },
    { NULL, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *digits = anshin_card_number_normalize (cases[i].input);

      g_assert_cmpstr (digits, ==, cases[i].digits);
    }
}

static void
test_luhn (void)
{
  const struct { const char *digits; gboolean valid; } cases[] = {
    { "4242424242424242", TRUE }, { "4242424242424241", FALSE },
    { "79927398713", TRUE }, { "79927398710", FALSE },
    { "4222222222222", TRUE }, { "4222222222223", FALSE },
    { "0000000000000000", TRUE }, { "18", TRUE }, { "0", FALSE }, { "", FALSE },
    { "4242 4242 4242 4242", FALSE }, { "424242424242424a", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (anshin_card_number_luhn_valid (cases[i].digits), ==, cases[i].valid);
}

static void
test_lengths (void)
{
  const struct { const char *prefix; AnshinCardBrand brand; guint max; guint32 valid; } cases[] = {
    { "4", ANSHIN_CARD_BRAND_VISA, 19, 1 << 13 | 1 << 16 | 1 << 19 },
    { "51", ANSHIN_CARD_BRAND_MASTERCARD, 16, 1 << 16 },
    { "2720", ANSHIN_CARD_BRAND_MASTERCARD, 16, 1 << 16 },
    { "37", ANSHIN_CARD_BRAND_AMEX, 15, 1 << 15 },
    { "3589", ANSHIN_CARD_BRAND_JCB, 19, 1 << 16 | 1 << 17 | 1 << 18 | 1 << 19 },
    { "36", ANSHIN_CARD_BRAND_DINERS, 19, 0x3f << 14 },
    { "644", ANSHIN_CARD_BRAND_DISCOVER, 19, 0xf << 16 },
    { "62", ANSHIN_CARD_BRAND_UNIONPAY, 19, 0xf << 16 },
  };

  g_assert_cmpuint (anshin_card_number_max_length (ANSHIN_CARD_BRAND_UNKNOWN), ==, 19);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_assert_cmpuint (anshin_card_number_max_length (cases[i].brand), ==, cases[i].max);

      for (guint length = 10; length <= 21; length++)
        {
          g_autofree char *number = make_number (cases[i].prefix, length);
          g_autoptr(GError) error = NULL;
          gboolean valid = (cases[i].valid & (1u << length)) != 0;
          AnshinCardBrand brand;

          g_test_message ("%s… with %u digits", cases[i].prefix, length);
          g_assert_cmpint (anshin_card_number_length_valid (cases[i].brand, length), ==, valid);
          g_assert_cmpint (anshin_card_number_validate (number, every_brand, &brand, NULL, &error),
                           ==, valid);
          g_assert_cmpint (brand, ==, cases[i].brand);
          if (!valid)
            assert_field_error (error, ANSHIN_CARD_FIELD_ERROR_LENGTH, NULL);
        }
    }
}

static void
test_validate_messages (void)
{
  const char * const amex_only[] = { "amex", NULL };
  const char * const visa_only[] = { "visa", NULL };
  const char * const none[] = { NULL };
  const struct {
    const char *input;
    const char * const *accepted;
    int code;
    AnshinCardBrand brand;
    const char *message;
  } cases[] = {
    { NULL, issuer_brands, R, ANSHIN_CARD_BRAND_UNKNOWN,
      "Please enter the card number: the long number on your card." },
    { " - ", issuer_brands, R, ANSHIN_CARD_BRAND_UNKNOWN,
      "Please enter the card number: the long number on your card." },
    { "4242 4242 abcd", issuer_brands, ANSHIN_CARD_FIELD_ERROR_INVALID_CHARACTERS,
      ANSHIN_CARD_BRAND_UNKNOWN,
      "A card number has only digits: please remove any letters or other characters." },
    { "4242 4242 4242 4241", issuer_brands, ANSHIN_CARD_FIELD_ERROR_LUHN, ANSHIN_CARD_BRAND_VISA,
      "This number has a typo: please check each digit against your card." },
    { "5555 5555 5555 444", issuer_brands, ANSHIN_CARD_FIELD_ERROR_LENGTH,
      ANSHIN_CARD_BRAND_MASTERCARD,
      "This number is one digit short: Mastercard numbers have 16 digits." },
    { "5555 5555 5555 44", issuer_brands, ANSHIN_CARD_FIELD_ERROR_LENGTH,
      ANSHIN_CARD_BRAND_MASTERCARD,
      "This number is 2 digits short: Mastercard numbers have 16 digits." },
    { "5555 5555 5555 4444 4", issuer_brands, ANSHIN_CARD_FIELD_ERROR_LENGTH,
      ANSHIN_CARD_BRAND_MASTERCARD,
      "This number has one digit too many: Mastercard numbers have 16 digits." },
    { "5555 5555 5555 4444 444", issuer_brands, ANSHIN_CARD_FIELD_ERROR_LENGTH,
      ANSHIN_CARD_BRAND_MASTERCARD,
      "This number has 3 digits too many: Mastercard numbers have 16 digits." },
    { "4242 4242 4242 424", issuer_brands, ANSHIN_CARD_FIELD_ERROR_LENGTH, ANSHIN_CARD_BRAND_VISA,
      "This number is one digit short: Visa numbers have 13, 16 or 19 digits." },
    { "4242 4242 4242 4242 4242", issuer_brands, ANSHIN_CARD_FIELD_ERROR_LENGTH,
      ANSHIN_CARD_BRAND_VISA,
      "This number has one digit too many: Visa numbers have 13, 16 or 19 digits." },
    { "3782 822463 1000", amex_only, ANSHIN_CARD_FIELD_ERROR_LENGTH, ANSHIN_CARD_BRAND_AMEX,
      "This number is one digit short: American Express numbers have 15 digits." },
    { "3566 0020 2036 050", issuer_brands, ANSHIN_CARD_FIELD_ERROR_LENGTH, ANSHIN_CARD_BRAND_JCB,
      "This number is one digit short: JCB numbers have 16 to 19 digits." },
    { "3622 720627 16", issuer_brands, ANSHIN_CARD_FIELD_ERROR_LENGTH, ANSHIN_CARD_BRAND_DINERS,
      "This number is 2 digits short: Diners Club numbers have 14 to 19 digits." },
    { "378282246310005", issuer_brands, ANSHIN_CARD_FIELD_ERROR_UNSUPPORTED_BRAND,
      ANSHIN_CARD_BRAND_AMEX,
      "American Express cards can't be used to top up. Use Mastercard, JCB, Diners Club or Visa." },
    { "3782 8224 6310 004", issuer_brands, ANSHIN_CARD_FIELD_ERROR_UNSUPPORTED_BRAND,
      ANSHIN_CARD_BRAND_AMEX,
      "American Express cards can't be used to top up. Use Mastercard, JCB, Diners Club or Visa." },
    { "6011111111111117", NULL, ANSHIN_CARD_FIELD_ERROR_UNSUPPORTED_BRAND,
      ANSHIN_CARD_BRAND_DISCOVER,
      "Discover cards can't be used to top up. "
      "Use Visa, Mastercard, American Express, JCB or Diners Club." },
    { "6200000000000005", issuer_brands, ANSHIN_CARD_FIELD_ERROR_UNSUPPORTED_BRAND,
      ANSHIN_CARD_BRAND_UNIONPAY,
      "UnionPay cards can't be used to top up. Use Mastercard, JCB, Diners Club or Visa." },
    { "5555555555554444", visa_only, ANSHIN_CARD_FIELD_ERROR_UNSUPPORTED_BRAND,
      ANSHIN_CARD_BRAND_MASTERCARD, "Mastercard cards can't be used to top up. Use Visa." },
    { "4242424242424242", none, ANSHIN_CARD_FIELD_ERROR_UNSUPPORTED_BRAND, ANSHIN_CARD_BRAND_VISA,
      "Visa cards can't be used to top up." },
    { "9999 9999 9999 9995", issuer_brands, ANSHIN_CARD_FIELD_ERROR_UNKNOWN_BRAND,
      ANSHIN_CARD_BRAND_UNKNOWN,
      "This number doesn't start like any card we know: please check the first digits against "
      "your card." },
    { "2220 0000 0000 0000", issuer_brands, ANSHIN_CARD_FIELD_ERROR_UNKNOWN_BRAND,
      ANSHIN_CARD_BRAND_UNKNOWN, NULL },
    { "5", issuer_brands, ANSHIN_CARD_FIELD_ERROR_LENGTH, ANSHIN_CARD_BRAND_UNKNOWN,
      "This number is too short: please enter all the digits on your card." },
    { "222", issuer_brands, ANSHIN_CARD_FIELD_ERROR_LENGTH, ANSHIN_CARD_BRAND_UNKNOWN, NULL },
    { "4242 4242 4242 4242", issuer_brands, OK, ANSHIN_CARD_BRAND_VISA, "4242424242424242" },
    { "\uFF15\uFF15\uFF15\uFF15-5555-5555-4444", NULL, OK, ANSHIN_CARD_BRAND_MASTERCARD,
      "5555555555554444" },
    { "4222222222222", issuer_brands, OK, ANSHIN_CARD_BRAND_VISA, "4222222222222" },
    { "36227206271667", issuer_brands, OK, ANSHIN_CARD_BRAND_DINERS, "36227206271667" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *digits = NULL;
      AnshinCardBrand brand = 42;
      gboolean ok;

      note_input ("number", cases[i].input);
      ok = anshin_card_number_validate (cases[i].input, cases[i].accepted, &brand, &digits,
                                        &error);
      g_assert_cmpint (brand, ==, cases[i].brand);

      if (cases[i].code == OK)
        {
          g_assert_no_error (error);
          g_assert_true (ok);
          g_assert_cmpstr (digits, ==, cases[i].message);
        }
      else
        {
          g_assert_false (ok);
          g_assert_null (digits);
          assert_field_error (error, cases[i].code, cases[i].message);
        }
    }
}

static void
test_format (void)
{
  const struct { const char *number; const char *grouped[19]; } cases[] = {
    { "4242424242424242424", {
        "4", "42", "424", "4242", "4242 4", "4242 42", "4242 424", "4242 4242",
        "4242 4242 4", "4242 4242 42", "4242 4242 424", "4242 4242 4242",
        "4242 4242 4242 4", "4242 4242 4242 42", "4242 4242 4242 424",
        "4242 4242 4242 4242", "4242 4242 4242 4242 4", "4242 4242 4242 4242 42",
        "4242 4242 4242 4242 424" } },
    { "378282246310005", {
        "3", "37", "378", "3782", "3782 8", "3782 82", "3782 822", "3782 8224",
        "3782 82246", "3782 822463", "3782 822463 1", "3782 822463 10",
        "3782 822463 100", "3782 822463 1000", "3782 822463 10005" } },
    { "3622720627166700", {
        "3", "36", "362", "3622", "3622 7", "3622 72", "3622 720", "3622 7206",
        "3622 72062", "3622 720627", "3622 720627 1", "3622 720627 16",
        "3622 720627 166", "3622 720627 1667", "3622 7206 2716 670",
        "3622 7206 2716 6700" } },
    { "3056930009020004", {
        "3", "30", "305", "3056", "3056 9", "3056 93", "3056 930", "3056 9300",
        "3056 93000", "3056 930009", "3056 930009 0", "3056 930009 02",
        "3056 930009 020", "3056 930009 0200", "3056 9300 0902 000",
        "3056 9300 0902 0004" } },
  };
  const struct { const char *input; const char *grouped; } other[] = {
    { "3782-822463-10005", "3782 822463 10005" },
    { "  5555555555554444  ", "5555 5555 5555 4444" },
    { "", "" },
    { "4242 abcd", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      guint length = (guint) strlen (cases[i].number);

      for (guint n = 1; n <= length; n++)
        {
          g_autofree char *prefix = g_strndup (cases[i].number, n);
          g_autofree char *formatted = anshin_card_number_format (prefix);

          g_assert_cmpstr (formatted, ==, cases[i].grouped[n - 1]);

          /* As typed: the entry holds the previous grouping plus one digit. */
          if (n > 1)
            {
              g_autofree char *typed = g_strdup_printf ("%s%c", cases[i].grouped[n - 2],
                                                        cases[i].number[n - 1]);
              g_autofree char *reformatted = anshin_card_number_format (typed);

              g_assert_cmpstr (reformatted, ==, cases[i].grouped[n - 1]);
            }
        }
    }

  for (guint i = 0; i < G_N_ELEMENTS (other); i++)
    {
      g_autofree char *formatted = anshin_card_number_format (other[i].input);

      g_assert_cmpstr (formatted, ==, other[i].grouped);
    }
}

static void
test_mask (void)
{
  const struct { const char *input; const char *masked; } cases[] = {
    { "4242424242424242", "•••• 4242" },
    { "4242 4242 4242 1234", "•••• 1234" },
    { "378282246310005", "•••• 0005" },
    { "5678", "•••• 5678" },
    { "567", "••••" },
    { "", "••••" },
    { "4242-abcd", "••••" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *masked = anshin_card_number_mask (cases[i].input);

      g_assert_cmpstr (masked, ==, cases[i].masked);
    }
}

static void
test_brands (void)
{
  const struct { AnshinCardBrand brand; const char *label; gboolean by_default; gboolean by_issuer; }
  cases[] = {
    { ANSHIN_CARD_BRAND_UNKNOWN, "Unknown card", FALSE, FALSE },
    { ANSHIN_CARD_BRAND_VISA, "Visa", TRUE, TRUE },
    { ANSHIN_CARD_BRAND_MASTERCARD, "Mastercard", TRUE, TRUE },
    { ANSHIN_CARD_BRAND_AMEX, "American Express", TRUE, FALSE },
    { ANSHIN_CARD_BRAND_JCB, "JCB", TRUE, TRUE },
    { ANSHIN_CARD_BRAND_DINERS, "Diners Club", TRUE, TRUE },
    { ANSHIN_CARD_BRAND_DISCOVER, "Discover", FALSE, FALSE },
    { ANSHIN_CARD_BRAND_UNIONPAY, "UnionPay", FALSE, FALSE },
  };
  const char * const visa_jcb[] = { "visa", "jcb", NULL };
  const char * const unknown_names[] = { "maestro", "unknown", NULL };
  g_autofree char *issuer_list = anshin_card_brand_list_accepted (issuer_brands);
  g_autofree char *default_list = anshin_card_brand_list_accepted (NULL);
  g_autofree char *two_list = anshin_card_brand_list_accepted (visa_jcb);
  g_autofree char *unknown_list = anshin_card_brand_list_accepted (unknown_names);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_assert_cmpstr (anshin_card_brand_get_label (cases[i].brand), ==, cases[i].label);
      g_assert_cmpint (anshin_card_brand_is_accepted (cases[i].brand, NULL), ==,
                       cases[i].by_default);
      g_assert_cmpint (anshin_card_brand_is_accepted (cases[i].brand, issuer_brands), ==,
                       cases[i].by_issuer);
      g_assert_false (anshin_card_brand_is_accepted (cases[i].brand, unknown_names));
      g_assert_cmpstr (anshin_card_brand_to_api (cases[i].brand), ==,
                       anshin_enum_to_api (ANSHIN_TYPE_CARD_BRAND, cases[i].brand));
      if (cases[i].brand != ANSHIN_CARD_BRAND_UNKNOWN)
        g_assert_cmpint (anshin_card_brand_from_api (anshin_card_brand_to_api (cases[i].brand)),
                         ==, cases[i].brand);
    }

  g_assert_cmpstr (issuer_list, ==, "Mastercard, JCB, Diners Club or Visa");
  g_assert_cmpstr (default_list, ==, "Visa, Mastercard, American Express, JCB or Diners Club");
  g_assert_cmpstr (two_list, ==, "Visa or JCB");
  g_assert_null (unknown_list);
  g_assert_cmpint (anshin_card_brand_from_api ("maestro"), ==, ANSHIN_CARD_BRAND_UNKNOWN);
  g_assert_cmpint (anshin_card_brand_from_api ("unknown"), ==, ANSHIN_CARD_BRAND_UNKNOWN);
  g_assert_cmpint (anshin_card_brand_from_api (NULL), ==, ANSHIN_CARD_BRAND_UNKNOWN);
}

static GDateTime *
parse_time (const char *iso8601)
{
  GDateTime *time = g_date_time_new_from_iso8601 (iso8601, NULL);

  g_assert_nonnull (time);
  return time;
}

#define EXPIRED_AT(my) \
  "This card expired at the end of " my ". Check the date on your card, or use another card."
#define TOO_FAR "This date is more than 19 years ahead: please check the year on your card."
#define BAD_FORMAT \
  "Please enter the expiry date as month and year, the way your card shows it: 05/28."

static void
test_expiry_parse (void)
{
  const struct { const char *input; int code; guint month; guint year; const char *message; }
  cases[] = {
    { "05/28", OK, 5, 2028, NULL },
    { "05 / 28", OK, 5, 2028, NULL },
    { " 05/28 ", OK, 5, 2028, NULL },
    { "0528", OK, 5, 2028, NULL },
    { "05/2028", OK, 5, 2028, NULL },
    { "5/28", OK, 5, 2028, NULL },
    { "\uFF10\uFF15\uFF0F\uFF12\uFF18", OK, 5, 2028, NULL },  /* full-width 05/28 */
    { "10/25", OK, 10, 2025, NULL },
    { "1025", OK, 10, 2025, NULL },
    { "09/25", ANSHIN_CARD_FIELD_ERROR_EXPIRED, 0, 0, EXPIRED_AT ("09/2025") },
    { "09/2025", ANSHIN_CARD_FIELD_ERROR_EXPIRED, 0, 0, EXPIRED_AT ("09/2025") },
    { "12/24", ANSHIN_CARD_FIELD_ERROR_EXPIRED, 0, 0, EXPIRED_AT ("12/2024") },
    { "10/44", OK, 10, 2044, NULL },
    { "10/2044", OK, 10, 2044, NULL },
    { "11/44", ANSHIN_CARD_FIELD_ERROR_TOO_FAR, 0, 0, TOO_FAR },
    { "01/2045", ANSHIN_CARD_FIELD_ERROR_TOO_FAR, 0, 0, TOO_FAR },
    { "13/28", ANSHIN_CARD_FIELD_ERROR_BAD_MONTH, 0, 0,
      "There is no month 13: the expiry date starts with the month, 01 to 12." },
    { "00/28", ANSHIN_CARD_FIELD_ERROR_BAD_MONTH, 0, 0,
      "There is no month 0: the expiry date starts with the month, 01 to 12." },
    { "1328", ANSHIN_CARD_FIELD_ERROR_BAD_MONTH, 0, 0, NULL },
    { NULL, R, 0, 0,
      "Please enter the expiry date printed on your card: month and year, like 05/28." },
    { "", R, 0, 0, NULL },
    { " \u3000", R, 0, 0, NULL },
    { "05-28", ANSHIN_CARD_FIELD_ERROR_BAD_FORMAT, 0, 0, BAD_FORMAT },
    { "05 28", ANSHIN_CARD_FIELD_ERROR_BAD_FORMAT, 0, 0, BAD_FORMAT },
    { "5/2", ANSHIN_CARD_FIELD_ERROR_BAD_FORMAT, 0, 0, BAD_FORMAT },
    { "052", ANSHIN_CARD_FIELD_ERROR_BAD_FORMAT, 0, 0, BAD_FORMAT },
    { "052028", ANSHIN_CARD_FIELD_ERROR_BAD_FORMAT, 0, 0, BAD_FORMAT },
    { "05/202", ANSHIN_CARD_FIELD_ERROR_BAD_FORMAT, 0, 0, BAD_FORMAT },
    { "005/28", ANSHIN_CARD_FIELD_ERROR_BAD_FORMAT, 0, 0, BAD_FORMAT },
    { "05/28x", ANSHIN_CARD_FIELD_ERROR_BAD_FORMAT, 0, 0, BAD_FORMAT },
    { "May 2028", ANSHIN_CARD_FIELD_ERROR_BAD_FORMAT, 0, 0, BAD_FORMAT },
    { "/28", ANSHIN_CARD_FIELD_ERROR_BAD_FORMAT, 0, 0, BAD_FORMAT },
    { "\xff/28", ANSHIN_CARD_FIELD_ERROR_BAD_FORMAT, 0, 0, BAD_FORMAT },
  };
  g_autoptr(GDateTime) now = parse_time ("2025-10-15T12:00:00+09:00");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      guint month = 99, year = 99;
      gboolean ok;

      note_input ("expiry", cases[i].input);
      ok = anshin_card_expiry_parse (cases[i].input, now, &month, &year, &error);

      if (cases[i].code == OK)
        {
          g_assert_no_error (error);
          g_assert_true (ok);
          g_assert_cmpuint (month, ==, cases[i].month);
          g_assert_cmpuint (year, ==, cases[i].year);
        }
      else
        {
          g_assert_false (ok);
          assert_field_error (error, cases[i].code, cases[i].message);
          g_assert_cmpuint (month, ==, 99);
          g_assert_cmpuint (year, ==, 99);
        }
    }
}

static void
test_expiry_boundaries (void)
{
  const struct { const char *now; guint month; guint year; int code; const char *message; }
  cases[] = {
    /* valid through the end of its month in +09:00, whatever now's zone */
    { "2025-10-31T23:59:59+09:00", 10, 2025, OK, NULL },
    { "2025-11-01T00:00:00+09:00", 10, 2025, ANSHIN_CARD_FIELD_ERROR_EXPIRED,
      EXPIRED_AT ("10/2025") },
    { "2025-10-31T14:59:59Z", 10, 2025, OK, NULL },
    { "2025-10-31T15:00:00Z", 10, 2025, ANSHIN_CARD_FIELD_ERROR_EXPIRED,
      EXPIRED_AT ("10/2025") },
    { "2025-10-31T10:00:00-05:00", 10, 2025, ANSHIN_CARD_FIELD_ERROR_EXPIRED, NULL },
    { "2025-12-31T14:59:59Z", 12, 2025, OK, NULL },
    { "2025-12-31T15:00:00Z", 12, 2025, ANSHIN_CARD_FIELD_ERROR_EXPIRED,
      EXPIRED_AT ("12/2025") },
    { "2025-12-31T15:00:00Z", 1, 2026, OK, NULL },
    /* at most 19 years after the current month (in +09:00) */
    { "2025-10-31T14:59:59Z", 10, 2044, OK, NULL },
    { "2025-10-31T14:59:59Z", 11, 2044, ANSHIN_CARD_FIELD_ERROR_TOO_FAR, TOO_FAR },
    { "2025-10-31T15:00:00Z", 11, 2044, OK, NULL },
    { "2025-10-31T15:00:00Z", 12, 2044, ANSHIN_CARD_FIELD_ERROR_TOO_FAR, TOO_FAR },
    { "2025-10-15T12:00:00Z", 0, 2028, ANSHIN_CARD_FIELD_ERROR_BAD_MONTH, NULL },
    { "2025-10-15T12:00:00Z", 13, 2028, ANSHIN_CARD_FIELD_ERROR_BAD_MONTH, NULL },
    { "2025-10-15T12:00:00Z", 12, G_MAXUINT, ANSHIN_CARD_FIELD_ERROR_TOO_FAR, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GDateTime) now = parse_time (cases[i].now);
      g_autoptr(GError) error = NULL;
      gboolean ok;

      g_test_message ("%02u/%u at %s", cases[i].month, cases[i].year, cases[i].now);
      ok = anshin_card_expiry_is_valid (cases[i].month, cases[i].year, now, &error);

      if (cases[i].code == OK)
        {
          g_assert_no_error (error);
          g_assert_true (ok);
        }
      else
        {
          g_assert_false (ok);
          assert_field_error (error, cases[i].code, cases[i].message);
        }
    }
}

static void
test_expiry_century (void)
{
  g_autoptr(GDateTime) now = parse_time ("2099-12-01T00:00:00+09:00");
  g_autoptr(GError) error = NULL;
  guint month = 0, year = 0;

  /* A two-digit year is the one nearest to now: 05 is 2105, not 2005. */
  g_assert_true (anshin_card_expiry_parse ("01/05", now, &month, &year, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (month, ==, 1);
  g_assert_cmpuint (year, ==, 2105);
}

#define CVC_BACK "the back of your card."
#define CVC_FRONT "the front of your card above the number."

static void
test_cvc (void)
{
  const struct { AnshinCardBrand brand; const char *input; int code; const char *message; }
  cases[] = {
    { ANSHIN_CARD_BRAND_VISA, "123", OK, NULL },
    { ANSHIN_CARD_BRAND_VISA, " 123 ", OK, NULL },
    { ANSHIN_CARD_BRAND_MASTERCARD, "\uFF11\uFF12\uFF13", OK, NULL },
    { ANSHIN_CARD_BRAND_JCB, "000", OK, NULL },
    { ANSHIN_CARD_BRAND_DINERS, "999", OK, NULL },
    { ANSHIN_CARD_BRAND_UNKNOWN, "123", OK, NULL },
    { ANSHIN_CARD_BRAND_AMEX, "1234", OK, NULL },
    { ANSHIN_CARD_BRAND_MASTERCARD, "1234", ANSHIN_CARD_FIELD_ERROR_CVC_LENGTH,
      "This security code is too long: it has 3 digits, printed on " CVC_BACK },
    { ANSHIN_CARD_BRAND_VISA, "12", ANSHIN_CARD_FIELD_ERROR_CVC_LENGTH,
      "This security code is too short: it has 3 digits, printed on " CVC_BACK },
    { ANSHIN_CARD_BRAND_AMEX, "123", ANSHIN_CARD_FIELD_ERROR_CVC_LENGTH,
      "This security code is too short: it has 4 digits, printed on " CVC_FRONT },
    { ANSHIN_CARD_BRAND_AMEX, "12345", ANSHIN_CARD_FIELD_ERROR_CVC_LENGTH,
      "This security code is too long: it has 4 digits, printed on " CVC_FRONT },
    { ANSHIN_CARD_BRAND_JCB, "12a", ANSHIN_CARD_FIELD_ERROR_CVC_LENGTH,
      "A security code has only digits: enter the 3 digits on the back of your card." },
    { ANSHIN_CARD_BRAND_AMEX, "1 234", ANSHIN_CARD_FIELD_ERROR_CVC_LENGTH,
      "A security code has only digits: enter the 4 digits printed on the front of your card, "
      "above the number." },
    { ANSHIN_CARD_BRAND_VISA, "\xff\xfe\xfd", ANSHIN_CARD_FIELD_ERROR_CVC_LENGTH, NULL },
    { ANSHIN_CARD_BRAND_DINERS, "", R,
      "Please enter the security code: the 3 digits on the back of your card." },
    { ANSHIN_CARD_BRAND_AMEX, NULL, R,
      "Please enter the security code: the 4 digits printed on the front of your card, above "
      "the number." },
  };
  const guint lengths[] = {
    [ANSHIN_CARD_BRAND_UNKNOWN] = 3, [ANSHIN_CARD_BRAND_VISA] = 3,
    [ANSHIN_CARD_BRAND_MASTERCARD] = 3, [ANSHIN_CARD_BRAND_AMEX] = 4,
    [ANSHIN_CARD_BRAND_JCB] = 3, [ANSHIN_CARD_BRAND_DINERS] = 3,
    [ANSHIN_CARD_BRAND_DISCOVER] = 3, [ANSHIN_CARD_BRAND_UNIONPAY] = 3,
  };

  for (guint brand = 0; brand < G_N_ELEMENTS (lengths); brand++)
    g_assert_cmpuint (anshin_card_cvc_length (brand), ==, lengths[brand]);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gboolean ok = anshin_card_cvc_validate (cases[i].input, cases[i].brand, &error);

      note_input ("security code", cases[i].input);
      if (cases[i].code == OK)
        {
          g_assert_no_error (error);
          g_assert_true (ok);
        }
      else
        {
          g_assert_false (ok);
          assert_field_error (error, cases[i].code, cases[i].message);
        }
    }
}

#define NOT_ROMAN_KANA \
  "Please enter your name as printed on your card, in roman letters (for example TARO YAMADA)."
#define NOT_ROMAN_OTHER \
  "Names on cards have only the letters A to Z, spaces and . - ': please enter yours as " \
  "printed on your card."

static void
test_holder_name (void)
{
  const struct { const char *input; int code; const char *result; } cases[] = {
    { "TARO YAMADA", OK, "TARO YAMADA" },
    { "taro yamada", OK, "TARO YAMADA" },
    { "  Taro   Yamada ", OK, "TARO YAMADA" },
    { "\uFF34\uFF41\uFF52\uFF4F\u3000\uFF39\uFF41\uFF4D\uFF41\uFF44\uFF41", OK, "TARO YAMADA" },
    { "MARY-JANE O'NEIL JR.", OK, "MARY-JANE O'NEIL JR." },
    { "Mary O\u2019Neil", OK, "MARY O'NEIL" },
    { "Jos\u00E9 N\u00FA\u00F1ez", OK, "JOSE NUNEZ" },
    { "ABCDEFGHIJKLM NOPQRSTUVWXY", OK, "ABCDEFGHIJKLM NOPQRSTUVWXY" },
    { "abcdefghijklm     nopqrstuvwxy   ", OK, "ABCDEFGHIJKLM NOPQRSTUVWXY" },
    { "ABCDEFGHIJKLM NOPQRSTUVWXYZ", ANSHIN_CARD_FIELD_ERROR_NAME_TOO_LONG,
      "This name has 27 characters, but cards show at most 26: please enter it as printed on "
      "your card." },
    { "abcdefghijklmnopqrstuvwxyz abcd", ANSHIN_CARD_FIELD_ERROR_NAME_TOO_LONG,
      "This name has 31 characters, but cards show at most 26: please enter it as printed on "
      "your card." },
    { "\u5C71\u7530 \u592A\u90CE", ANSHIN_CARD_FIELD_ERROR_NAME_NOT_ROMAN, NOT_ROMAN_KANA },
    { "\u3084\u307E\u3060 \u305F\u308D\u3046", ANSHIN_CARD_FIELD_ERROR_NAME_NOT_ROMAN,
      NOT_ROMAN_KANA },
    { "\u30E4\u30DE\u30C0 \u30BF\u30ED\u30FC", ANSHIN_CARD_FIELD_ERROR_NAME_NOT_ROMAN,
      NOT_ROMAN_KANA },
    { "\uFF94\uFF8F\uFF80\uFF9E \uFF80\uFF9B\uFF73", ANSHIN_CARD_FIELD_ERROR_NAME_NOT_ROMAN,
      NOT_ROMAN_KANA },
    { "TARO \u5C71\u7530", ANSHIN_CARD_FIELD_ERROR_NAME_NOT_ROMAN, NOT_ROMAN_KANA },
    { "...", ANSHIN_CARD_FIELD_ERROR_NAME_NOT_ROMAN, NOT_ROMAN_KANA },
    { "TARO YAMADA 2", ANSHIN_CARD_FIELD_ERROR_NAME_NOT_ROMAN, NOT_ROMAN_OTHER },
    { "TARO@YAMADA", ANSHIN_CARD_FIELD_ERROR_NAME_NOT_ROMAN, NOT_ROMAN_OTHER },
    { "\xff\xfe", ANSHIN_CARD_FIELD_ERROR_NAME_NOT_ROMAN, NOT_ROMAN_OTHER },
    { "", R, "Please enter your name as printed on your card." },
    { " \u3000 ", R, "Please enter your name as printed on your card." },
    { NULL, R, "Please enter your name as printed on your card." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *normalized = NULL;
      gboolean ok;

      note_input ("name", cases[i].input);
      ok = anshin_card_holder_name_validate (cases[i].input, &normalized, &error);

      if (cases[i].code == OK)
        {
          g_assert_no_error (error);
          g_assert_true (ok);
          g_assert_cmpstr (normalized, ==, cases[i].result);
        }
      else
        {
          g_assert_false (ok);
          g_assert_null (normalized);
          assert_field_error (error, cases[i].code, cases[i].result);
        }
    }
}

static void
test_api_codes (void)
{
  const struct { AnshinCardFieldError code; const char *api_code; AnshinCardField field; }
  cases[] = {
    { ANSHIN_CARD_FIELD_ERROR_REQUIRED, "required", ANSHIN_CARD_FIELD_NUMBER },
    { ANSHIN_CARD_FIELD_ERROR_INVALID_CHARACTERS, "luhn", ANSHIN_CARD_FIELD_NUMBER },
    { ANSHIN_CARD_FIELD_ERROR_LENGTH, "length", ANSHIN_CARD_FIELD_NUMBER },
    { ANSHIN_CARD_FIELD_ERROR_LUHN, "luhn", ANSHIN_CARD_FIELD_NUMBER },
    { ANSHIN_CARD_FIELD_ERROR_UNKNOWN_BRAND, "unsupported_brand", ANSHIN_CARD_FIELD_NUMBER },
    { ANSHIN_CARD_FIELD_ERROR_UNSUPPORTED_BRAND, "unsupported_brand", ANSHIN_CARD_FIELD_NUMBER },
    { ANSHIN_CARD_FIELD_ERROR_BAD_FORMAT, "bad_month", ANSHIN_CARD_FIELD_EXP },
    { ANSHIN_CARD_FIELD_ERROR_BAD_MONTH, "bad_month", ANSHIN_CARD_FIELD_EXP },
    { ANSHIN_CARD_FIELD_ERROR_EXPIRED, "expired", ANSHIN_CARD_FIELD_EXP },
    { ANSHIN_CARD_FIELD_ERROR_TOO_FAR, "too_far", ANSHIN_CARD_FIELD_EXP },
    { ANSHIN_CARD_FIELD_ERROR_CVC_LENGTH, "cvc_length", ANSHIN_CARD_FIELD_CVC },
    { ANSHIN_CARD_FIELD_ERROR_NAME_NOT_ROMAN, "required", ANSHIN_CARD_FIELD_HOLDER_NAME },
    { ANSHIN_CARD_FIELD_ERROR_NAME_TOO_LONG, "length", ANSHIN_CARD_FIELD_HOLDER_NAME },
  };

  g_assert_cmpstr (g_quark_to_string (ANSHIN_CARD_FIELD_ERROR), ==,
                   "anshin-card-field-error-quark");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_assert_cmpstr (anshin_card_field_error_to_api_code (cases[i].code), ==, cases[i].api_code);
      g_assert_cmpint (anshin_card_field_error_get_field (cases[i].code), ==, cases[i].field);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/card-rules/number/public-vectors", test_public_vectors);
  g_test_add_func ("/card-rules/number/brand-ranges", test_brand_ranges);
  g_test_add_func ("/card-rules/number/normalize", test_normalize);
  g_test_add_func ("/card-rules/number/luhn", test_luhn);
  g_test_add_func ("/card-rules/number/lengths", test_lengths);
  g_test_add_func ("/card-rules/number/messages", test_validate_messages);
  g_test_add_func ("/card-rules/number/format", test_format);
  g_test_add_func ("/card-rules/number/mask", test_mask);
  g_test_add_func ("/card-rules/number/brands", test_brands);
  g_test_add_func ("/card-rules/expiry/parse", test_expiry_parse);
  g_test_add_func ("/card-rules/expiry/boundaries", test_expiry_boundaries);
  g_test_add_func ("/card-rules/expiry/century", test_expiry_century);
  g_test_add_func ("/card-rules/cvc", test_cvc);
  g_test_add_func ("/card-rules/holder-name", test_holder_name);
  g_test_add_func ("/card-rules/api-codes", test_api_codes);

  return g_test_run ();
}
