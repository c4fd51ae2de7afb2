/* anshin-card-fields.h
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rules of the charge-card registration form's fields other than the
 * number (expiry, security code, holder name) and the error domain that every
 * field rule, the number's included, reports in. See anshin-card-number.h for
 * the number.
 */

#pragma once

#include <glib-object.h>

#include "anshin-core-enums.h"

G_BEGIN_DECLS

#define ANSHIN_CARD_FIELD_ERROR (anshin_card_field_error_quark ())

/* Every failure carries one of these codes and a translated sentence that
 * says what is wrong and how to fix it, ready to show next to the field. */
typedef enum {
  ANSHIN_CARD_FIELD_ERROR_REQUIRED,           /* empty (any field) */
  ANSHIN_CARD_FIELD_ERROR_INVALID_CHARACTERS, /* letters etc. in the number */
  ANSHIN_CARD_FIELD_ERROR_LENGTH,             /* too short / too long for the brand */
  ANSHIN_CARD_FIELD_ERROR_LUHN,               /* check digit wrong: a typo */
  ANSHIN_CARD_FIELD_ERROR_UNKNOWN_BRAND,
  ANSHIN_CARD_FIELD_ERROR_UNSUPPORTED_BRAND,  /* recognised but not accepted by the issuer */
  ANSHIN_CARD_FIELD_ERROR_BAD_FORMAT,         /* expiry not MM/YY */
  ANSHIN_CARD_FIELD_ERROR_BAD_MONTH,
  ANSHIN_CARD_FIELD_ERROR_EXPIRED,
  ANSHIN_CARD_FIELD_ERROR_TOO_FAR,
  ANSHIN_CARD_FIELD_ERROR_CVC_LENGTH,         /* wrong number of digits, or not digits */
  ANSHIN_CARD_FIELD_ERROR_NAME_NOT_ROMAN,     /* kana, kanji, digits, symbols */
  ANSHIN_CARD_FIELD_ERROR_NAME_TOO_LONG,
} AnshinCardFieldError;

/* The longest name embossed on a card, in characters. */
#define ANSHIN_CARD_HOLDER_NAME_MAX_LENGTH 26

/* How many years ahead an expiry date may be. */
#define ANSHIN_CARD_EXPIRY_MAX_YEARS_AHEAD 19

GQuark               anshin_card_field_error_quark        (void);
const char          *anshin_card_field_error_to_api_code  (AnshinCardFieldError  code);
AnshinCardField      anshin_card_field_error_get_field    (AnshinCardFieldError  code);

gboolean             anshin_card_expiry_parse             (const char           *input,
                                                           GDateTime            *now,
                                                           guint                *out_month,
                                                           guint                *out_year,
                                                           GError              **error);
gboolean             anshin_card_expiry_is_valid          (guint                 month,
                                                           guint                 year,
                                                           GDateTime            *now,
                                                           GError              **error);

guint                anshin_card_cvc_length               (AnshinCardBrand       brand);
gboolean             anshin_card_cvc_validate             (const char           *input,
                                                           AnshinCardBrand       brand,
                                                           GError              **error);

gboolean             anshin_card_holder_name_validate     (const char           *input,
                                                           char                **out_normalized,
                                                           GError              **error);

G_END_DECLS
