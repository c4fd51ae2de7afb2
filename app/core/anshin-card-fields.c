/* anshin-card-fields.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The security code is a secret like the number: it is never logged or kept.
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "anshin-card-fields.h"

/* The issuer's time zone: an expiry month ends at midnight there. */
#define ISSUER_UTC_OFFSET_SECONDS (9 * 60 * 60)

G_DEFINE_QUARK (anshin-card-field-error-quark, anshin_card_field_error)

typedef struct {
  const char      *api_code;
  AnshinCardField  field;
} ErrorInfo;

/* Indexed by AnshinCardFieldError. The API has fewer codes than the app;
 * each error maps to the one whose sentence fits it best. */
static const ErrorInfo error_info[] = {
  [ANSHIN_CARD_FIELD_ERROR_REQUIRED]           = { "required", ANSHIN_CARD_FIELD_NUMBER },
  [ANSHIN_CARD_FIELD_ERROR_INVALID_CHARACTERS] = { "luhn", ANSHIN_CARD_FIELD_NUMBER },
  [ANSHIN_CARD_FIELD_ERROR_LENGTH]             = { "length", ANSHIN_CARD_FIELD_NUMBER },
  [ANSHIN_CARD_FIELD_ERROR_LUHN]               = { "luhn", ANSHIN_CARD_FIELD_NUMBER },
  [ANSHIN_CARD_FIELD_ERROR_UNKNOWN_BRAND]      = { "unsupported_brand", ANSHIN_CARD_FIELD_NUMBER },
  [ANSHIN_CARD_FIELD_ERROR_UNSUPPORTED_BRAND]  = { "unsupported_brand", ANSHIN_CARD_FIELD_NUMBER },
  [ANSHIN_CARD_FIELD_ERROR_BAD_FORMAT]         = { "bad_month", ANSHIN_CARD_FIELD_EXP },
  [ANSHIN_CARD_FIELD_ERROR_BAD_MONTH]          = { "bad_month", ANSHIN_CARD_FIELD_EXP },
  [ANSHIN_CARD_FIELD_ERROR_EXPIRED]            = { "expired", ANSHIN_CARD_FIELD_EXP },
  [ANSHIN_CARD_FIELD_ERROR_TOO_FAR]            = { "too_far", ANSHIN_CARD_FIELD_EXP },
  [ANSHIN_CARD_FIELD_ERROR_CVC_LENGTH]         = { "cvc_length", ANSHIN_CARD_FIELD_CVC },
  [ANSHIN_CARD_FIELD_ERROR_NAME_NOT_ROMAN]     = { "required", ANSHIN_CARD_FIELD_HOLDER_NAME },
  [ANSHIN_CARD_FIELD_ERROR_NAME_TOO_LONG]      = { "length", ANSHIN_CARD_FIELD_HOLDER_NAME },
};

static gboolean
is_blank (const char *input)
{
  if (input == NULL)
    return TRUE;

  for (const char *p = input; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (!g_unichar_isspace (g_utf8_get_char (p)))
        return FALSE;
    }

  return TRUE;
}

/* Reads a run of ASCII digits; *out_count is the run's length, the value is
 * only meaningful for runs of up to 9 digits. */
static guint
read_digits (const char **p,
             guint       *out_count)
{
  guint value = 0;
  guint count = 0;

  while (g_ascii_isdigit (**p))
    {
      if (count < 9)
        value = value * 10 + (guint) (**p - '0');
      count++;
      (*p)++;
    }

  *out_count = count;
  return value;
}

static void
skip_spaces (const char **p)
{
  while (g_ascii_isspace (**p))
    (*p)++;
}

static GDateTime *
to_issuer_time (GDateTime *now)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_offset (ISSUER_UTC_OFFSET_SECONDS);

  return g_date_time_to_timezone (now, tz);
}

/* A two-digit year is the one nearest to now's. */
static guint
expand_year (guint      two_digits,
             GDateTime *now)
{
  g_autoptr(GDateTime) local = to_issuer_time (now);
  guint this_year = (guint) g_date_time_get_year (local);
  guint year = this_year - this_year % 100 + two_digits;

  if (year + 50 < this_year)
    year += 100;
  else if (year > this_year + 50)
    year -= 100;

  return year;
}

/**
 * anshin_card_field_error_to_api_code:
 * @code: an error code
 *
 * The code the issuer API uses for @code in a `validation_failed` answer
 * (ISSUER-API.md): the API has fewer codes, so INVALID_CHARACTERS is
 * "luhn", UNKNOWN_BRAND "unsupported_brand", BAD_FORMAT "bad_month",
 * NAME_NOT_ROMAN "required" (a name as printed on the card is required)
 * and NAME_TOO_LONG "length".
 *
 * Returns: (transfer none): the API code
 */
const char *
anshin_card_field_error_to_api_code (AnshinCardFieldError code)
{
  g_return_val_if_fail ((guint) code < G_N_ELEMENTS (error_info), "required");

  return error_info[code].api_code;
}

/**
 * anshin_card_field_error_get_field:
 * @code: an error code
 *
 * REQUIRED is the one code every field can have; for it this returns
 * %ANSHIN_CARD_FIELD_NUMBER, and the caller that validated a field knows
 * which field it was.
 *
 * Returns: the form field an error of @code belongs to
 */
AnshinCardField
anshin_card_field_error_get_field (AnshinCardFieldError code)
{
  g_return_val_if_fail ((guint) code < G_N_ELEMENTS (error_info), ANSHIN_CARD_FIELD_NUMBER);

  return error_info[code].field;
}

/**
 * anshin_card_expiry_parse:
 * @input: the expiry date as typed: `MM/YY`, `MM / YY`, `MMYY`, `MM/YYYY`
 *   (a one-digit month before '/' and full-width digits are fine too)
 * @now: the current time (the issuer's clock)
 * @out_month: (out) (optional): the month, 1 to 12, set on success
 * @out_year: (out) (optional): the year with its century, set on success
 * @error: return location for an %ANSHIN_CARD_FIELD_ERROR
 *
 * Parses the date and checks it with anshin_card_expiry_is_valid().
 *
 * Returns: %TRUE if @input is a valid expiry date at @now
 */
gboolean
anshin_card_expiry_parse (const char  *input,
                          GDateTime   *now,
                          guint       *out_month,
                          guint       *out_year,
                          GError     **error)
{
  g_autofree char *text = NULL;
  const char *p;
  guint month;
  guint year;
  guint n_month_digits;
  guint n_year_digits = 0;

  g_return_val_if_fail (now != NULL, FALSE);

  if (is_blank (input))
    {
      g_set_error_literal (error, ANSHIN_CARD_FIELD_ERROR, ANSHIN_CARD_FIELD_ERROR_REQUIRED,
                           _("Please enter the expiry date printed on your card: month and "
                             "year, like 05/28."));
      return FALSE;
    }

  /* NFKC turns full-width digits, slashes and spaces into ASCII ones. */
  if (g_utf8_validate (input, -1, NULL))
    text = g_utf8_normalize (input, -1, G_NORMALIZE_NFKC);

  p = text != NULL ? text : "";
  skip_spaces (&p);
  month = read_digits (&p, &n_month_digits);
  skip_spaces (&p);

  if (*p == '/')
    {
      p++;
      skip_spaces (&p);
      year = read_digits (&p, &n_year_digits);
      skip_spaces (&p);
    }
  else if (n_month_digits == 4)
    {
      /* MMYY */
      year = month % 100;
      month /= 100;
      n_month_digits = n_year_digits = 2;
    }
  else
    {
      year = 0;
    }

  if (*p != '\0' ||
      n_month_digits < 1 || n_month_digits > 2 ||
      (n_year_digits != 2 && n_year_digits != 4))
    {
      g_set_error_literal (error, ANSHIN_CARD_FIELD_ERROR, ANSHIN_CARD_FIELD_ERROR_BAD_FORMAT,
                           _("Please enter the expiry date as month and year, the way your "
                             "card shows it: 05/28."));
      return FALSE;
    }

  if (n_year_digits == 2)
    year = expand_year (year, now);

  if (!anshin_card_expiry_is_valid (month, year, now, error))
    return FALSE;

  if (out_month != NULL)
    *out_month = month;
  if (out_year != NULL)
    *out_year = year;

  return TRUE;
}

/**
 * anshin_card_expiry_is_valid:
 * @month: the expiry month, 1 to 12
 * @year: the expiry year, with its century
 * @now: the current time (the issuer's clock)
 * @error: return location for an %ANSHIN_CARD_FIELD_ERROR
 *
 * A card is valid through the last moment of its expiry month in the
 * issuer's time zone (+09:00), whatever @now's zone, and its expiry may
 * be at most 19 years after the current month.
 *
 * Returns: %TRUE if a card with this expiry can be used at @now
 */
gboolean
anshin_card_expiry_is_valid (guint       month,
                             guint       year,
                             GDateTime  *now,
                             GError    **error)
{
  g_autoptr(GDateTime) local = NULL;
  gint64 now_index;
  gint64 expiry_index;

  g_return_val_if_fail (now != NULL, FALSE);

  if (month < 1 || month > 12)
    {
      g_set_error (error, ANSHIN_CARD_FIELD_ERROR, ANSHIN_CARD_FIELD_ERROR_BAD_MONTH,
                   /* TRANSLATORS: %u is the month as typed, e.g. "There is no month 13" */
                   _("There is no month %u: the expiry date starts with the month, 01 to 12."),
                   month);
      return FALSE;
    }

  local = to_issuer_time (now);
  now_index = (gint64) g_date_time_get_year (local) * 12 + g_date_time_get_month (local) - 1;
  expiry_index = (gint64) year * 12 + month - 1;

  if (expiry_index < now_index)
    {
      g_set_error (error, ANSHIN_CARD_FIELD_ERROR, ANSHIN_CARD_FIELD_ERROR_EXPIRED,
                   /* TRANSLATORS: %02u/%u is the expiry month and year, e.g. "10/2025" */
                   _("This card expired at the end of %02u/%u. Check the date on your card, "
                     "or use another card."),
                   month, year);
      return FALSE;
    }

  if (expiry_index > now_index + ANSHIN_CARD_EXPIRY_MAX_YEARS_AHEAD * 12)
    {
      g_set_error (error, ANSHIN_CARD_FIELD_ERROR, ANSHIN_CARD_FIELD_ERROR_TOO_FAR,
                   g_dngettext (GETTEXT_PACKAGE,
                                "This date is more than %u year ahead: please check the year "
                                "on your card.",
                                "This date is more than %u years ahead: please check the year "
                                "on your card.",
                                ANSHIN_CARD_EXPIRY_MAX_YEARS_AHEAD),
                   ANSHIN_CARD_EXPIRY_MAX_YEARS_AHEAD);
      return FALSE;
    }

  return TRUE;
}

/**
 * anshin_card_cvc_length:
 * @brand: a brand
 *
 * Returns: how many digits the security code of @brand has: 4 for
 *   American Express (on the front), 3 otherwise (on the back)
 */
guint
anshin_card_cvc_length (AnshinCardBrand brand)
{
  return brand == ANSHIN_CARD_BRAND_AMEX ? 4 : 3;
}

/**
 * anshin_card_cvc_validate:
 * @input: the security code as typed
 * @brand: the card's brand
 * @error: return location for an %ANSHIN_CARD_FIELD_ERROR
 *
 * Spaces around the code are ignored; full-width digits are fine.
 *
 * Returns: %TRUE if @input is a security code for a card of @brand
 */
gboolean
anshin_card_cvc_validate (const char       *input,
                          AnshinCardBrand   brand,
                          GError          **error)
{
  guint expected = anshin_card_cvc_length (brand);
  gboolean front = brand == ANSHIN_CARD_BRAND_AMEX;
  g_autofree char *text = NULL;
  gsize length;

  if (is_blank (input))
    {
      g_set_error (error, ANSHIN_CARD_FIELD_ERROR, ANSHIN_CARD_FIELD_ERROR_REQUIRED,
                   front
                   ? g_dngettext (GETTEXT_PACKAGE,
                                  "Please enter the security code: the %u digit printed on the "
                                  "front of your card, above the number.",
                                  "Please enter the security code: the %u digits printed on the "
                                  "front of your card, above the number.", expected)
                   : g_dngettext (GETTEXT_PACKAGE,
                                  "Please enter the security code: the %u digit on the back of "
                                  "your card.",
                                  "Please enter the security code: the %u digits on the back of "
                                  "your card.", expected),
                   expected);
      return FALSE;
    }

  if (g_utf8_validate (input, -1, NULL))
    text = g_utf8_normalize (input, -1, G_NORMALIZE_NFKC);
  if (text != NULL)
    g_strstrip (text);

  if (text == NULL || strspn (text, "0123456789") != strlen (text))
    {
      g_set_error (error, ANSHIN_CARD_FIELD_ERROR, ANSHIN_CARD_FIELD_ERROR_CVC_LENGTH,
                   front
                   ? g_dngettext (GETTEXT_PACKAGE,
                                  "A security code has only digits: enter the %u digit printed "
                                  "on the front of your card, above the number.",
                                  "A security code has only digits: enter the %u digits printed "
                                  "on the front of your card, above the number.", expected)
                   : g_dngettext (GETTEXT_PACKAGE,
                                  "A security code has only digits: enter the %u digit on the "
                                  "back of your card.",
                                  "A security code has only digits: enter the %u digits on the "
                                  "back of your card.", expected),
                   expected);
      return FALSE;
    }

  length = strlen (text);

  if (length < expected)
    {
      g_set_error (error, ANSHIN_CARD_FIELD_ERROR, ANSHIN_CARD_FIELD_ERROR_CVC_LENGTH,
                   front
                   ? g_dngettext (GETTEXT_PACKAGE,
                                  "This security code is too short: it has %u digit, printed on "
                                  "the front of your card above the number.",
                                  "This security code is too short: it has %u digits, printed on "
                                  "the front of your card above the number.", expected)
                   : g_dngettext (GETTEXT_PACKAGE,
                                  "This security code is too short: it has %u digit, printed on "
                                  "the back of your card.",
                                  "This security code is too short: it has %u digits, printed on "
                                  "the back of your card.", expected),
                   expected);
      return FALSE;
    }

  if (length > expected)
    {
      g_set_error (error, ANSHIN_CARD_FIELD_ERROR, ANSHIN_CARD_FIELD_ERROR_CVC_LENGTH,
                   front
                   ? g_dngettext (GETTEXT_PACKAGE,
                                  "This security code is too long: it has %u digit, printed on "
                                  "the front of your card above the number.",
                                  "This security code is too long: it has %u digits, printed on "
                                  "the front of your card above the number.", expected)
                   : g_dngettext (GETTEXT_PACKAGE,
                                  "This security code is too long: it has %u digit, printed on "
                                  "the back of your card.",
                                  "This security code is too long: it has %u digits, printed on "
                                  "the back of your card.", expected),
                   expected);
      return FALSE;
    }

  return TRUE;
}

/* Maps one character of a name to what is embossed: A-Z, ' ', '.', '-',
 * '\''. Returns 0 for a character a card cannot show. */
static char
embossed_char (gunichar c)
{
  gunichar decomposed[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];

  if (c < 0x80)
    {
      if (g_ascii_isalpha ((char) c))
        return g_ascii_toupper ((char) c);
      if (c == '.' || c == '-' || c == '\'')
        return (char) c;
      return 0;
    }

  if (c == 0x2018 || c == 0x2019)  /* typographic apostrophes */
    return '\'';
  if (c == 0x2010 || c == 0x2011)  /* hyphens */
    return '-';

  /* A Latin letter with an accent is embossed without it: É is E. */
  if (g_unichar_fully_decompose (c, FALSE, decomposed, G_N_ELEMENTS (decomposed)) > 1 &&
      decomposed[0] < 0x80 && g_ascii_isalpha ((char) decomposed[0]))
    return g_ascii_toupper ((char) decomposed[0]);

  return 0;
}

static gboolean
is_japanese (gunichar c)
{
  switch (g_unichar_get_script (c))
    {
    case G_UNICODE_SCRIPT_HAN:
    case G_UNICODE_SCRIPT_HIRAGANA:
    case G_UNICODE_SCRIPT_KATAKANA:
      return TRUE;

    default:
      return c == 0x30FC;  /* ー, shared by hiragana and katakana */
    }
}

/**
 * anshin_card_holder_name_validate:
 * @input: the holder's name as typed
 * @out_normalized: (out) (optional) (transfer full): the name as embossed,
 *   set on success: upper case, half-width, accents dropped, single spaces
 * @error: return location for an %ANSHIN_CARD_FIELD_ERROR
 *
 * The name must be the one embossed on the card: roman letters, spaces
 * and `.-'`, at most 26 characters. Lower case and full-width letters are
 * fine (they are normalised); kana and kanji are not.
 *
 * Returns: %TRUE if @input can be the name on a card
 */
gboolean
anshin_card_holder_name_validate (const char  *input,
                                  char       **out_normalized,
                                  GError     **error)
{
  g_autofree char *text = NULL;
  g_autoptr(GString) name = NULL;
  gboolean japanese = FALSE;
  gboolean other = FALSE;
  gboolean letters = FALSE;
  gboolean pending_space = FALSE;
  guint length;

  if (is_blank (input))
    {
      g_set_error_literal (error, ANSHIN_CARD_FIELD_ERROR, ANSHIN_CARD_FIELD_ERROR_REQUIRED,
                           _("Please enter your name as printed on your card."));
      return FALSE;
    }

  /* NFKC turns full-width letters and spaces into half-width ones. */
  if (g_utf8_validate (input, -1, NULL))
    text = g_utf8_normalize (input, -1, G_NORMALIZE_NFKC);
  if (text == NULL)
    other = TRUE;

  name = g_string_new (NULL);

  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      char embossed;

      if (g_unichar_isspace (c))
        {
          pending_space = name->len > 0;
          continue;
        }

      embossed = embossed_char (c);
      if (embossed == 0)
        {
          if (is_japanese (c))
            japanese = TRUE;
          else
            other = TRUE;
          continue;
        }

      if (pending_space)
        g_string_append_c (name, ' ');
      pending_space = FALSE;

      g_string_append_c (name, embossed);
      letters |= g_ascii_isalpha (embossed);
    }

  if (japanese || (!other && !letters))
    {
      g_set_error_literal (error, ANSHIN_CARD_FIELD_ERROR, ANSHIN_CARD_FIELD_ERROR_NAME_NOT_ROMAN,
                           /* TRANSLATORS: shown when the name has kana or kanji; keep the
                            * example in roman capitals, as cards show names */
                           _("Please enter your name as printed on your card, in roman "
                             "letters (for example TARO YAMADA)."));
      return FALSE;
    }

  if (other)
    {
      g_set_error_literal (error, ANSHIN_CARD_FIELD_ERROR, ANSHIN_CARD_FIELD_ERROR_NAME_NOT_ROMAN,
                           _("Names on cards have only the letters A to Z, spaces and . - ': "
                             "please enter yours as printed on your card."));
      return FALSE;
    }

  length = (guint) name->len;
  if (length > ANSHIN_CARD_HOLDER_NAME_MAX_LENGTH)
    {
      g_set_error (error, ANSHIN_CARD_FIELD_ERROR, ANSHIN_CARD_FIELD_ERROR_NAME_TOO_LONG,
                   g_dngettext (GETTEXT_PACKAGE,
                                "This name has %u character, but cards show at most %u: please "
                                "enter it as printed on your card.",
                                "This name has %u characters, but cards show at most %u: please "
                                "enter it as printed on your card.", length),
                   length, ANSHIN_CARD_HOLDER_NAME_MAX_LENGTH);
      return FALSE;
    }

  if (out_normalized != NULL)
    *out_normalized = g_string_free (g_steal_pointer (&name), FALSE);

  return TRUE;
}
