/* anshin-card-brand.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "anshin-card-brand.h"

typedef struct {
  const char *api_name;
  const char *label;    /* brand names are not translated */
} BrandInfo;

/* Indexed by AnshinCardBrand. */
static const BrandInfo brand_info[] = {
  [ANSHIN_CARD_BRAND_UNKNOWN]    = { "unknown", NULL },
  [ANSHIN_CARD_BRAND_VISA]       = { "visa", "Visa" },
  [ANSHIN_CARD_BRAND_MASTERCARD] = { "mastercard", "Mastercard" },
  [ANSHIN_CARD_BRAND_AMEX]       = { "amex", "American Express" },
  [ANSHIN_CARD_BRAND_JCB]        = { "jcb", "JCB" },
  [ANSHIN_CARD_BRAND_DINERS]     = { "diners", "Diners Club" },
  [ANSHIN_CARD_BRAND_DISCOVER]   = { "discover", "Discover" },
  [ANSHIN_CARD_BRAND_UNIONPAY]   = { "unionpay", "UnionPay" },
};

/* What a %NULL accepted_brands stands for: all but Discover and UnionPay. */
static const char * const default_brands[] = {
  "visa", "mastercard", "amex", "jcb", "diners", NULL
};

static const BrandInfo *
get_brand_info (AnshinCardBrand brand)
{
  if ((guint) brand >= G_N_ELEMENTS (brand_info))
    brand = ANSHIN_CARD_BRAND_UNKNOWN;

  return &brand_info[brand];
}

/**
 * anshin_card_brand_is_accepted:
 * @brand: a brand
 * @accepted_brands: (nullable) (array zero-terminated=1): API names of
 *   accepted brands, or %NULL for every recognised brand but Discover and
 *   UnionPay
 *
 * Returns: %TRUE if @brand is one of @accepted_brands
 */
gboolean
anshin_card_brand_is_accepted (AnshinCardBrand     brand,
                               const char * const *accepted_brands)
{
  const char *api_name;

  if (brand == ANSHIN_CARD_BRAND_UNKNOWN || (guint) brand >= G_N_ELEMENTS (brand_info))
    return FALSE;

  if (accepted_brands == NULL)
    accepted_brands = default_brands;

  api_name = get_brand_info (brand)->api_name;

  for (guint i = 0; accepted_brands[i] != NULL; i++)
    {
      if (g_str_equal (accepted_brands[i], api_name))
        return TRUE;
    }

  return FALSE;
}

/**
 * anshin_card_brand_get_label:
 * @brand: a brand
 *
 * Returns: (transfer none): the brand's name as cardholders know it, or
 *   "Unknown card" (translated)
 */
const char *
anshin_card_brand_get_label (AnshinCardBrand brand)
{
  const BrandInfo *info = get_brand_info (brand);

  if (info->label == NULL)
    /* TRANSLATORS: shown where the brand of a card goes when it is not known yet */
    return _("Unknown card");

  return info->label;
}

/**
 * anshin_card_brand_to_api:
 * @brand: a brand
 *
 * Returns: (transfer none): the API's name of @brand ("mastercard")
 */
const char *
anshin_card_brand_to_api (AnshinCardBrand brand)
{
  return get_brand_info (brand)->api_name;
}

/**
 * anshin_card_brand_list_accepted:
 * @accepted_brands: (nullable) (array zero-terminated=1): API names of
 *   accepted brands, or %NULL for the default set
 *
 * Lists the accepted brands for a sentence, in the order given:
 * "Mastercard, JCB, Diners Club or Visa". Names this version does not
 * know are left out.
 *
 * Returns: (transfer full) (nullable): the list, or %NULL if no brand
 *   is accepted
 */
char *
anshin_card_brand_list_accepted (const char * const *accepted_brands)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  GString *list;

  if (accepted_brands == NULL)
    accepted_brands = default_brands;

  for (guint i = 0; accepted_brands[i] != NULL; i++)
    {
      for (guint brand = 1; brand < G_N_ELEMENTS (brand_info); brand++)
        {
          if (g_str_equal (accepted_brands[i], brand_info[brand].api_name) &&
              !g_ptr_array_find (labels, brand_info[brand].label, NULL))
            g_ptr_array_add (labels, (gpointer) brand_info[brand].label);
        }
    }

  if (labels->len == 0)
    return NULL;

  list = g_string_new (g_ptr_array_index (labels, 0));

  for (guint i = 1; i < labels->len; i++)
    {
      if (i + 1 < labels->len)
        /* TRANSLATORS: between card brands in a list, as in "Mastercard, JCB, Diners Club or Visa" */
        g_string_append (list, _(", "));
      else
        /* TRANSLATORS: before the last card brand in a list, as in "Mastercard, JCB, Diners Club or Visa" */
        g_string_append (list, _(" or "));

      g_string_append (list, g_ptr_array_index (labels, i));
    }

  return g_string_free (list, FALSE);
}

/**
 * anshin_card_brand_from_api:
 * @api_name: (nullable): the API's name of a brand ("mastercard")
 *
 * Returns: the brand, or %ANSHIN_CARD_BRAND_UNKNOWN for a name this version
 *   does not know
 */
AnshinCardBrand
anshin_card_brand_from_api (const char *api_name)
{
  for (guint brand = 1; api_name != NULL && brand < G_N_ELEMENTS (brand_info); brand++)
    {
      if (g_str_equal (api_name, brand_info[brand].api_name))
        return brand;
    }

  return ANSHIN_CARD_BRAND_UNKNOWN;
}
