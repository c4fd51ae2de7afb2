/* anshin-issuer-info.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How the issuer names itself and how the holder reaches its support desk
 * (`GET /v1/issuer`). The app shows this contact, taken from the issuer it
 * signed in to, wherever it tells the holder to contact the issuer: never
 * a number from a notice's text, which could be fake. The display getters
 * pick the Japanese name and hours when the app speaks Japanese and the
 * issuer gave them.
 */

#include "config.h"

#include "anshin-format.h"
#include "anshin-issuer-info.h"
#include "anshin-model-private.h"

struct _AnshinIssuerInfo
{
  GObject parent_instance;

  char *name;
  char *name_ja;
  char *support_phone;
  char *support_hours;
  char *support_hours_ja;
  char *support_url;
};

G_DEFINE_FINAL_TYPE (AnshinIssuerInfo, anshin_issuer_info, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_NAME_JA,
  PROP_SUPPORT_PHONE,
  PROP_SUPPORT_HOURS,
  PROP_SUPPORT_HOURS_JA,
  PROP_SUPPORT_URL,
  N_PROPS
};

#define PARAM_FLAGS (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS)

static GParamSpec *properties[N_PROPS];

static const gsize field_offsets[N_PROPS] = {
  [PROP_NAME] = G_STRUCT_OFFSET (AnshinIssuerInfo, name),
  [PROP_NAME_JA] = G_STRUCT_OFFSET (AnshinIssuerInfo, name_ja),
  [PROP_SUPPORT_PHONE] = G_STRUCT_OFFSET (AnshinIssuerInfo, support_phone),
  [PROP_SUPPORT_HOURS] = G_STRUCT_OFFSET (AnshinIssuerInfo, support_hours),
  [PROP_SUPPORT_HOURS_JA] = G_STRUCT_OFFSET (AnshinIssuerInfo, support_hours_ja),
  [PROP_SUPPORT_URL] = G_STRUCT_OFFSET (AnshinIssuerInfo, support_url),
};

static const char *
non_empty (const char *text)
{
  return text != NULL && text[0] != '\0' ? text : NULL;
}

static void
anshin_issuer_info_finalize (GObject *object)
{
  AnshinIssuerInfo *self = (AnshinIssuerInfo *)object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->name_ja, g_free);
  g_clear_pointer (&self->support_phone, g_free);
  g_clear_pointer (&self->support_hours, g_free);
  g_clear_pointer (&self->support_hours_ja, g_free);
  g_clear_pointer (&self->support_url, g_free);

  G_OBJECT_CLASS (anshin_issuer_info_parent_class)->finalize (object);
}

static void
anshin_issuer_info_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  anshin_model_get_property (object, field_offsets, N_PROPS, prop_id, value, pspec);
}

static void
anshin_issuer_info_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  anshin_model_set_property (object, field_offsets, N_PROPS, prop_id, value, pspec);
}

static void
anshin_issuer_info_class_init (AnshinIssuerInfoClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = anshin_issuer_info_finalize;
  object_class->get_property = anshin_issuer_info_get_property;
  object_class->set_property = anshin_issuer_info_set_property;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, PARAM_FLAGS);
  properties[PROP_NAME_JA] =
    g_param_spec_string ("name-ja", NULL, NULL, NULL, PARAM_FLAGS);
  properties[PROP_SUPPORT_PHONE] =
    g_param_spec_string ("support-phone", NULL, NULL, NULL, PARAM_FLAGS);
  properties[PROP_SUPPORT_HOURS] =
    g_param_spec_string ("support-hours", NULL, NULL, NULL, PARAM_FLAGS);
  properties[PROP_SUPPORT_HOURS_JA] =
    g_param_spec_string ("support-hours-ja", NULL, NULL, NULL, PARAM_FLAGS);
  properties[PROP_SUPPORT_URL] =
    g_param_spec_string ("support-url", NULL, NULL, NULL, PARAM_FLAGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
anshin_issuer_info_init (AnshinIssuerInfo *self)
{
}

AnshinIssuerInfo *
anshin_issuer_info_new (void)
{
  return g_object_new (ANSHIN_TYPE_ISSUER_INFO, NULL);
}

/**
 * anshin_issuer_info_update_from:
 * @self: the issuer info views are bound to
 * @other: a freshly fetched copy
 *
 * Copies every property of @other into @self, notifying only the
 * properties whose value changed.
 */
void
anshin_issuer_info_update_from (AnshinIssuerInfo *self,
                                AnshinIssuerInfo *other)
{
  g_return_if_fail (ANSHIN_IS_ISSUER_INFO (self));
  g_return_if_fail (ANSHIN_IS_ISSUER_INFO (other));

  anshin_model_update_from (G_OBJECT (self), G_OBJECT (other));
}

#define DEFINE_STRING(field, PROP)                                              \
const char *                                                                    \
anshin_issuer_info_get_##field (AnshinIssuerInfo *self)                         \
{                                                                               \
  g_return_val_if_fail (ANSHIN_IS_ISSUER_INFO (self), NULL);                    \
  return self->field;                                                           \
}                                                                               \
                                                                                \
void                                                                            \
anshin_issuer_info_set_##field (AnshinIssuerInfo *self,                         \
                                const char       *field)                        \
{                                                                               \
  g_return_if_fail (ANSHIN_IS_ISSUER_INFO (self));                              \
  anshin_model_set_string (self, &self->field, field, properties[PROP]);        \
}

DEFINE_STRING (name, PROP_NAME)
DEFINE_STRING (name_ja, PROP_NAME_JA)
DEFINE_STRING (support_phone, PROP_SUPPORT_PHONE)
DEFINE_STRING (support_hours, PROP_SUPPORT_HOURS)
DEFINE_STRING (support_hours_ja, PROP_SUPPORT_HOURS_JA)
DEFINE_STRING (support_url, PROP_SUPPORT_URL)

/**
 * anshin_issuer_info_get_display_name:
 * @self: the issuer info
 *
 * Returns: (nullable): the issuer's name in the UI language: `name_ja`
 *   when the app speaks Japanese and the issuer gave one, else `name`
 */
const char *
anshin_issuer_info_get_display_name (AnshinIssuerInfo *self)
{
  g_return_val_if_fail (ANSHIN_IS_ISSUER_INFO (self), NULL);

  if (anshin_format_is_japanese () && non_empty (self->name_ja) != NULL)
    return self->name_ja;

  return non_empty (self->name) != NULL ? self->name : non_empty (self->name_ja);
}

/**
 * anshin_issuer_info_get_display_hours:
 * @self: the issuer info
 *
 * Returns: (nullable): the support desk's hours in the UI language, as the
 *   issuer writes them
 */
const char *
anshin_issuer_info_get_display_hours (AnshinIssuerInfo *self)
{
  g_return_val_if_fail (ANSHIN_IS_ISSUER_INFO (self), NULL);

  if (anshin_format_is_japanese () && non_empty (self->support_hours_ja) != NULL)
    return self->support_hours_ja;

  return non_empty (self->support_hours) != NULL ? self->support_hours
                                                 : non_empty (self->support_hours_ja);
}
