/* fuzz-card-fields.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libFuzzer target for what the holder types into the registration form:
 * the card number (normalize, brand, check digit, length, format, mask,
 * validate), the expiry, the security code and the holder's name. Whatever
 * is typed, each parser answers without crashing or leaking, and what it
 * accepts is consistent with the other rules.
 */

#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "anshin-card-fields.h"
#include "anshin-card-number.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);
int LLVMFuzzerInitialize (int    *argc,
                          char ***argv);

static GDateTime *now;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  now = g_date_time_new_utc (2025, 8, 30, 0, 0, 0);
  return 0;
}

static gboolean
all_digits (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      if (!g_ascii_isdigit (*p))
        return FALSE;
    }

  return TRUE;
}

static void
check_number (const char *input)
{
  g_autofree char *normalized = anshin_card_number_normalize (input);
  g_autofree char *formatted = anshin_card_number_format (input);
  g_autofree char *digits = NULL;
  g_autoptr(GError) error = NULL;
  AnshinCardBrand brand = ANSHIN_CARD_BRAND_UNKNOWN;
  const char * const accepted[] = { "mastercard", "jcb", "diners", "visa", NULL };

  if (normalized != NULL && !all_digits (normalized))
    abort ();

  if (anshin_card_number_validate (input, accepted, &brand, &digits, &error))
    {
      g_autofree char *masked = anshin_card_number_mask (digits);
      g_autofree char *again = NULL;

      /* Accepted: digits only, of a length the brand has, check digit right */
      if (error != NULL || digits == NULL || !all_digits (digits) ||
          !anshin_card_number_luhn_valid (digits) ||
          !anshin_card_number_length_valid (brand, strlen (digits)) ||
          anshin_card_number_detect_brand (digits) != brand)
        abort ();

      /* The mask shows at most the last four digits */
      if (masked != NULL)
        {
          guint shown = 0;

          for (const char *p = masked; *p != '\0'; p++)
            shown += g_ascii_isdigit (*p) ? 1 : 0;
          if (shown > 4)
            abort ();
        }

      /* What the form shows reads back as the same number */
      again = anshin_card_number_normalize (formatted);
      if (formatted == NULL || g_strcmp0 (again, digits) != 0)
        abort ();
    }
  else if (error == NULL || error->domain != ANSHIN_CARD_FIELD_ERROR || digits != NULL)
    abort ();
}

static void
check_fields (const char *input)
{
  g_autoptr(GError) expiry_error = NULL;
  g_autoptr(GError) name_error = NULL;
  g_autofree char *name = NULL;
  guint month = 0, year = 0;

  if (anshin_card_expiry_parse (input, now, &month, &year, &expiry_error))
    {
      if (month < 1 || month > 12 || expiry_error != NULL ||
          !anshin_card_expiry_is_valid (month, year, now, NULL))
        abort ();
    }
  else if (expiry_error == NULL || expiry_error->domain != ANSHIN_CARD_FIELD_ERROR)
    abort ();

  for (AnshinCardBrand brand = ANSHIN_CARD_BRAND_UNKNOWN; brand <= ANSHIN_CARD_BRAND_UNIONPAY; brand++)
    {
      g_autoptr(GError) error = NULL;

      if (anshin_card_cvc_validate (input, brand, &error))
        {
          /* Full-width digits count as digits (NFKC), nothing else does */
          g_autofree char *text = g_utf8_normalize (input, -1, G_NORMALIZE_NFKC);
          guint n_digits = 0;

          if (text == NULL)
            abort ();
          for (const char *p = text; *p != '\0'; p++)
            n_digits += g_ascii_isdigit (*p) ? 1 : 0;
          if (n_digits != anshin_card_cvc_length (brand))
            abort ();
        }
      else if (error == NULL)
        abort ();
    }

  if (anshin_card_holder_name_validate (input, &name, &name_error))
    {
      g_autofree char *again = NULL;

      if (name == NULL || !g_utf8_validate (name, -1, NULL))
        abort ();
      /* A normalized name is accepted as it is */
      if (!anshin_card_holder_name_validate (name, &again, NULL) || g_strcmp0 (again, name) != 0)
        abort ();
    }
  else if (name_error == NULL)
    abort ();
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *input = g_strndup ((const char *)data, size);

  check_number (input);
  check_fields (input);

  return 0;
}
