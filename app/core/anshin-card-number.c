/* anshin-card-number.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Nothing here ever logs or keeps a card number: the functions take the
 * number, answer, and free what they copied.
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "anshin-card-number.h"

#define MAX_DIGITS 19
#define MASK_DOTS "\u2022\u2022\u2022\u2022"

#define LENGTHS(lo, hi) ((((guint32) 1 << ((hi) + 1)) - 1) & ~(((guint32) 1 << (lo)) - 1))
#define LENGTH(n) ((guint32) 1 << (n))

/* Bit n set: a number of the brand can have n digits. Indexed by brand. */
static const guint32 brand_lengths[] = {
  [ANSHIN_CARD_BRAND_UNKNOWN]    = 0,
  [ANSHIN_CARD_BRAND_VISA]       = LENGTH (13) | LENGTH (16) | LENGTH (19),
  [ANSHIN_CARD_BRAND_MASTERCARD] = LENGTH (16),
  [ANSHIN_CARD_BRAND_AMEX]       = LENGTH (15),
  [ANSHIN_CARD_BRAND_JCB]        = LENGTHS (16, 19),
  [ANSHIN_CARD_BRAND_DINERS]     = LENGTHS (14, 19),
  [ANSHIN_CARD_BRAND_DISCOVER]   = LENGTHS (16, 19),
  [ANSHIN_CARD_BRAND_UNIONPAY]   = LENGTHS (16, 19),
};

/* Issuer identification number ranges: the first prefix_length digits of
 * the number, read as a number, fall within low..high. No two overlap. */
typedef struct {
  guint           prefix_length;
  guint           low;
  guint           high;
  AnshinCardBrand brand;
} BrandRange;

static const BrandRange brand_ranges[] = {
  { 1, 4, 4, ANSHIN_CARD_BRAND_VISA },
  { 2, 51, 55, ANSHIN_CARD_BRAND_MASTERCARD },
  { 4, 2221, 2720, ANSHIN_CARD_BRAND_MASTERCARD },
  { 2, 34, 34, ANSHIN_CARD_BRAND_AMEX },
  { 2, 37, 37, ANSHIN_CARD_BRAND_AMEX },
  { 4, 3528, 3589, ANSHIN_CARD_BRAND_JCB },
  { 3, 300, 305, ANSHIN_CARD_BRAND_DINERS },
  { 2, 36, 36, ANSHIN_CARD_BRAND_DINERS },
  { 2, 38, 39, ANSHIN_CARD_BRAND_DINERS },
  { 4, 6011, 6011, ANSHIN_CARD_BRAND_DISCOVER },
  { 3, 644, 649, ANSHIN_CARD_BRAND_DISCOVER },
  { 2, 65, 65, ANSHIN_CARD_BRAND_DISCOVER },
  { 2, 62, 62, ANSHIN_CARD_BRAND_UNIONPAY },
};

static guint32
get_lengths (AnshinCardBrand brand)
{
  if ((guint) brand >= G_N_ELEMENTS (brand_lengths))
    return 0;

  return brand_lengths[brand];
}

static gboolean
is_dash (gunichar c)
{
  return c == '-' ||
         (c >= 0x2010 && c <= 0x2015) || /* hyphens and dashes */
         c == 0x2212 ||                  /* minus sign */
         c == 0x30FC ||                  /* katakana prolonged sound mark, typed for '-' */
         c == 0xFF0D ||                  /* full-width hyphen-minus */
         c == 0xFF70;                    /* half-width prolonged sound mark */
}

static gboolean
is_all_digits (const char *s)
{
  return s[strspn (s, "0123456789")] == '\0';
}

static guint
leading_value (const char *digits,
               guint       n)
{
  guint value = 0;

  for (guint i = 0; i < n; i++)
    value = value * 10 + (guint) (digits[i] - '0');

  return value;
}

static AnshinCardBrand
detect_brand_in_digits (const char *digits)
{
  gsize length = strlen (digits);

  for (guint i = 0; i < G_N_ELEMENTS (brand_ranges); i++)
    {
      const BrandRange *range = &brand_ranges[i];
      guint value;

      if (length < range->prefix_length)
        continue;

      value = leading_value (digits, range->prefix_length);
      if (value >= range->low && value <= range->high)
        return range->brand;
    }

  return ANSHIN_CARD_BRAND_UNKNOWN;
}

/* Whether more digits could still make @digits a known brand's number. */
static gboolean
brand_still_possible (const char *digits)
{
  gsize length = strlen (digits);

  for (guint i = 0; i < G_N_ELEMENTS (brand_ranges); i++)
    {
      const BrandRange *range = &brand_ranges[i];
      guint scale = 1;
      guint value;

      if (length >= range->prefix_length)
        continue;

      for (gsize n = length; n < range->prefix_length; n++)
        scale *= 10;
      value = leading_value (digits, (guint) length);
      if (value >= range->low / scale && value <= range->high / scale)
        return TRUE;
    }

  return FALSE;
}

/* "Mastercard numbers have 16 digits." and the like. */
static char *
describe_lengths (AnshinCardBrand brand)
{
  const char *label = anshin_card_brand_get_label (brand);
  guint32 lengths = get_lengths (brand);
  guint values[3] = { 0, };
  guint count = 0;
  guint min = 0;
  guint max = anshin_card_number_max_length (brand);

  for (guint n = 0; n <= MAX_DIGITS; n++)
    {
      if (lengths & LENGTH (n))
        {
          if (count < G_N_ELEMENTS (values))
            values[count] = n;
          count++;
        }
    }

  min = values[0];

  if (count == 1)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         /* TRANSLATORS: %s is a card brand, e.g.
                                          * "Mastercard numbers have 16 digits." */
                                         "%s numbers have %u digit.",
                                         "%s numbers have %u digits.", min),
                            label, min);

  if (count == max - min + 1)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         /* TRANSLATORS: %s is a card brand, e.g.
                                          * "JCB numbers have 16 to 19 digits." */
                                         "%s numbers have %u to %u digit.",
                                         "%s numbers have %u to %u digits.", max),
                            label, min, max);

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       /* TRANSLATORS: %s is a card brand, e.g.
                                        * "Visa numbers have 13, 16 or 19 digits." */
                                       "%s numbers have %u, %u or %u digit.",
                                       "%s numbers have %u, %u or %u digits.", values[2]),
                          label, values[0], values[1], values[2]);
}

static void
set_length_error (GError          **error,
                  AnshinCardBrand   brand,
                  guint             length)
{
  guint32 lengths = get_lengths (brand);
  guint max = anshin_card_number_max_length (brand);
  g_autofree char *problem = NULL;
  g_autofree char *expected = describe_lengths (brand);

  if (length < max)
    {
      guint missing = 0;

      while (!(lengths & LENGTH (length + missing)))
        missing++;

      if (missing == 1)
        problem = g_strdup (_("This number is one digit short"));
      else
        problem = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "This number is %u digit short",
                                                "This number is %u digits short", missing),
                                   missing);
    }
  else
    {
      guint extra = length - max;

      if (extra == 1)
        problem = g_strdup (_("This number has one digit too many"));
      else
        problem = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "This number has %u digit too many",
                                                "This number has %u digits too many", extra),
                                   extra);
    }

  g_set_error (error, ANSHIN_CARD_FIELD_ERROR, ANSHIN_CARD_FIELD_ERROR_LENGTH,
               /* TRANSLATORS: joins what is wrong with a card number and what it
                * should be, as in "This number is one digit short: Mastercard
                * numbers have 16 digits." */
               _("%s: %s"), problem, expected);
}

/**
 * anshin_card_number_normalize:
 * @input: a card number as typed
 *
 * Drops the spaces and dashes people type between groups (also full-width
 * ones and the "ー" a Japanese input method types for '-') and turns
 * full-width digits into ASCII ones.
 *
 * Returns: (transfer full) (nullable): the digits only ("" for none), or
 *   %NULL if @input is %NULL or has anything other than digits, spaces and
 *   dashes
 */
char *
anshin_card_number_normalize (const char *input)
{
  g_autoptr(GString) digits = NULL;

  if (input == NULL || !g_utf8_validate (input, -1, NULL))
    return NULL;

  digits = g_string_new (NULL);

  for (const char *p = input; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= '0' && c <= '9')
        g_string_append_c (digits, (char) c);
      else if (c >= 0xFF10 && c <= 0xFF19)
        g_string_append_c (digits, (char) ('0' + (c - 0xFF10)));
      else if (!g_unichar_isspace (c) && !is_dash (c))
        return NULL;
    }

  return g_string_free (g_steal_pointer (&digits), FALSE);
}

/**
 * anshin_card_number_detect_brand:
 * @digits: the start of a card number, as typed so far
 *
 * Works on a prefix: "4" is already Visa, while "2" stays unknown until
 * "2221" makes it Mastercard. Spaces and dashes are ignored.
 *
 * Returns: the brand, or %ANSHIN_CARD_BRAND_UNKNOWN until it is known
 */
AnshinCardBrand
anshin_card_number_detect_brand (const char *digits)
{
  g_autofree char *normalized = NULL;

  g_return_val_if_fail (digits != NULL, ANSHIN_CARD_BRAND_UNKNOWN);

  if (!is_all_digits (digits))
    {
      normalized = anshin_card_number_normalize (digits);
      if (normalized == NULL)
        return ANSHIN_CARD_BRAND_UNKNOWN;
      digits = normalized;
    }

  return detect_brand_in_digits (digits);
}

/**
 * anshin_card_number_luhn_valid:
 * @digits: a whole card number, digits only
 *
 * Returns: %TRUE if the check digit (the last one) fits the others
 */
gboolean
anshin_card_number_luhn_valid (const char *digits)
{
  gsize length;
  guint sum = 0;

  g_return_val_if_fail (digits != NULL, FALSE);

  length = strlen (digits);
  if (length < 2 || !is_all_digits (digits))
    return FALSE;

  for (gsize i = 0; i < length; i++)
    {
      guint digit = (guint) (digits[length - 1 - i] - '0');

      if (i % 2 == 1)
        {
          digit *= 2;
          if (digit > 9)
            digit -= 9;
        }

      sum += digit;
    }

  return sum % 10 == 0;
}

/**
 * anshin_card_number_max_length:
 * @brand: a brand
 *
 * Returns: the most digits a number of @brand has (19 when unknown)
 */
guint
anshin_card_number_max_length (AnshinCardBrand brand)
{
  guint32 lengths = get_lengths (brand);

  for (guint n = MAX_DIGITS; n > 0; n--)
    {
      if (lengths & LENGTH (n))
        return n;
    }

  return MAX_DIGITS;
}

/**
 * anshin_card_number_length_valid:
 * @brand: a brand
 * @length: a number of digits
 *
 * Returns: %TRUE if numbers of @brand can have @length digits
 */
gboolean
anshin_card_number_length_valid (AnshinCardBrand brand,
                                 guint           length)
{
  return length <= MAX_DIGITS && (get_lengths (brand) & LENGTH (length)) != 0;
}

/**
 * anshin_card_number_format:
 * @input: a card number as typed
 *
 * Groups the digits as they are typed, the way the brand prints them:
 * 4-4-4-4(-3), American Express 4-6-5, Diners Club 4-6-4 while the number
 * has at most 14 digits (longer Diners numbers are grouped by 4).
 *
 * Returns: (transfer full) (nullable): the grouped digits, or %NULL if
 *   @input has anything other than digits, spaces and dashes
 */
char *
anshin_card_number_format (const char *input)
{
  static const guint amex_groups[] = { 4, 6, 5 };
  static const guint diners14_groups[] = { 4, 6, 4 };
  g_autofree char *digits = anshin_card_number_normalize (input);
  const guint *groups = NULL;
  AnshinCardBrand brand;
  guint group = 0;
  guint in_group = 0;
  GString *formatted;
  gsize length;

  if (digits == NULL)
    return NULL;

  length = strlen (digits);

  brand = detect_brand_in_digits (digits);
  if (brand == ANSHIN_CARD_BRAND_AMEX)
    groups = amex_groups;
  else if (brand == ANSHIN_CARD_BRAND_DINERS && length <= 14)
    groups = diners14_groups;

  formatted = g_string_sized_new (length + length / 4);

  for (gsize i = 0; i < length; i++)
    {
      guint size = groups != NULL && group < 3 ? groups[group] : 4;

      if (in_group == size)
        {
          g_string_append_c (formatted, ' ');
          group++;
          in_group = 0;
        }

      g_string_append_c (formatted, digits[i]);
      in_group++;
    }

  return g_string_free (formatted, FALSE);
}

/**
 * anshin_card_number_mask:
 * @digits: a card number, or only its last 4 digits
 *
 * Only ever shows the last 4 digits: "•••• 4242". With fewer than 4 digits
 * nothing is shown but the dots.
 *
 * Returns: (transfer full): the masked number
 */
char *
anshin_card_number_mask (const char *digits)
{
  g_autofree char *normalized = NULL;
  gsize length;

  g_return_val_if_fail (digits != NULL, NULL);

  normalized = anshin_card_number_normalize (digits);
  length = normalized != NULL ? strlen (normalized) : 0;
  if (length < 4)
    return g_strdup (MASK_DOTS);

  return g_strconcat (MASK_DOTS " ", normalized + length - 4, NULL);
}

/**
 * anshin_card_number_validate:
 * @input: a card number as typed
 * @accepted_brands: (nullable) (array zero-terminated=1): the API names of
 *   the brands the issuer accepts (its `accepted_brands`), or %NULL for
 *   every recognised brand but Discover and UnionPay
 * @out_brand: (out) (optional): the brand, set even when the number is
 *   refused (%ANSHIN_CARD_BRAND_UNKNOWN when it is not known)
 * @out_digits: (out) (optional) (transfer full): the digits only, set only
 *   when the number is valid
 * @error: return location for an %ANSHIN_CARD_FIELD_ERROR
 *
 * Checks, in this order: something typed, digits only, a known brand, one
 * the issuer accepts, a length that brand has, and the check digit.
 *
 * Returns: %TRUE if the issuer can take the number
 */
gboolean
anshin_card_number_validate (const char          *input,
                             const char * const  *accepted_brands,
                             AnshinCardBrand     *out_brand,
                             char               **out_digits,
                             GError             **error)
{
  g_autofree char *digits = NULL;
  AnshinCardBrand brand;
  guint length;

  if (out_brand != NULL)
    *out_brand = ANSHIN_CARD_BRAND_UNKNOWN;

  digits = anshin_card_number_normalize (input);

  if (input == NULL || (digits != NULL && digits[0] == '\0'))
    {
      g_set_error_literal (error, ANSHIN_CARD_FIELD_ERROR, ANSHIN_CARD_FIELD_ERROR_REQUIRED,
                           _("Please enter the card number: the long number on your card."));
      return FALSE;
    }

  if (digits == NULL)
    {
      g_set_error_literal (error, ANSHIN_CARD_FIELD_ERROR,
                           ANSHIN_CARD_FIELD_ERROR_INVALID_CHARACTERS,
                           _("A card number has only digits: please remove any letters or "
                             "other characters."));
      return FALSE;
    }

  length = (guint) strlen (digits);
  brand = detect_brand_in_digits (digits);

  if (out_brand != NULL)
    *out_brand = brand;

  if (brand == ANSHIN_CARD_BRAND_UNKNOWN)
    {
      if (brand_still_possible (digits))
        g_set_error_literal (error, ANSHIN_CARD_FIELD_ERROR, ANSHIN_CARD_FIELD_ERROR_LENGTH,
                             _("This number is too short: please enter all the digits on "
                               "your card."));
      else
        g_set_error_literal (error, ANSHIN_CARD_FIELD_ERROR, ANSHIN_CARD_FIELD_ERROR_UNKNOWN_BRAND,
                             _("This number doesn't start like any card we know: please check "
                               "the first digits against your card."));
      return FALSE;
    }

  if (!anshin_card_brand_is_accepted (brand, accepted_brands))
    {
      g_autofree char *accepted = anshin_card_brand_list_accepted (accepted_brands);
      const char *label = anshin_card_brand_get_label (brand);

      if (accepted != NULL)
        g_set_error (error, ANSHIN_CARD_FIELD_ERROR, ANSHIN_CARD_FIELD_ERROR_UNSUPPORTED_BRAND,
                     /* TRANSLATORS: the first %s is a card brand, the second the
                      * brands that can be used, e.g. "Mastercard, JCB, Diners Club or Visa" */
                     _("%s cards can't be used to top up. Use %s."), label, accepted);
      else
        g_set_error (error, ANSHIN_CARD_FIELD_ERROR, ANSHIN_CARD_FIELD_ERROR_UNSUPPORTED_BRAND,
                     /* TRANSLATORS: %s is a card brand */
                     _("%s cards can't be used to top up."), label);
      return FALSE;
    }

  if (!anshin_card_number_length_valid (brand, length))
    {
      set_length_error (error, brand, length);
      return FALSE;
    }

  if (!anshin_card_number_luhn_valid (digits))
    {
      g_set_error_literal (error, ANSHIN_CARD_FIELD_ERROR, ANSHIN_CARD_FIELD_ERROR_LUHN,
                           _("This number has a typo: please check each digit against your "
                             "card."));
      return FALSE;
    }

  if (out_digits != NULL)
    *out_digits = g_steal_pointer (&digits);

  return TRUE;
}
