/* anshin-card-number.h
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Card-number rules: normalising, brand, length, Luhn, grouping as typed,
 * masking and the issuer's accepted brands. Pure functions: the registration
 * form calls them as the holder types, the mock issuer on what it receives.
 * Failures are reported in ANSHIN_CARD_FIELD_ERROR (anshin-card-fields.h).
 */

#pragma once

#include <glib-object.h>

#include "anshin-card-brand.h"
#include "anshin-card-fields.h"
#include "anshin-core-enums.h"

G_BEGIN_DECLS

char            *anshin_card_number_normalize     (const char          *input);
AnshinCardBrand  anshin_card_number_detect_brand  (const char          *digits);
gboolean         anshin_card_number_luhn_valid    (const char          *digits);
guint            anshin_card_number_max_length    (AnshinCardBrand      brand);
gboolean         anshin_card_number_length_valid  (AnshinCardBrand      brand,
                                                   guint                length);
char            *anshin_card_number_format        (const char          *input);
char            *anshin_card_number_mask          (const char          *digits);
gboolean         anshin_card_number_validate      (const char          *input,
                                                   const char * const  *accepted_brands,
                                                   AnshinCardBrand     *out_brand,
                                                   char               **out_digits,
                                                   GError             **error);

G_END_DECLS
