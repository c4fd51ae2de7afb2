/* anshin-card-brand.h
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Card brands: their names for people and for the issuer API, and the
 * issuer's list of accepted brands (`accepted_brands`, API names).
 */

#pragma once

#include <glib-object.h>

#include "anshin-core-enums.h"

G_BEGIN_DECLS

gboolean         anshin_card_brand_is_accepted    (AnshinCardBrand      brand,
                                                   const char * const  *accepted_brands);
char            *anshin_card_brand_list_accepted  (const char * const  *accepted_brands);
const char      *anshin_card_brand_get_label      (AnshinCardBrand      brand);
const char      *anshin_card_brand_to_api         (AnshinCardBrand      brand);
AnshinCardBrand  anshin_card_brand_from_api       (const char          *api_name);

G_END_DECLS
