/* anshin-issuer-info.h
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define ANSHIN_TYPE_ISSUER_INFO (anshin_issuer_info_get_type ())

G_DECLARE_FINAL_TYPE (AnshinIssuerInfo, anshin_issuer_info, ANSHIN, ISSUER_INFO, GObject)

AnshinIssuerInfo *anshin_issuer_info_new                   (void);
void              anshin_issuer_info_update_from           (AnshinIssuerInfo *self,
                                                            AnshinIssuerInfo *other);
const char       *anshin_issuer_info_get_name              (AnshinIssuerInfo *self);
void              anshin_issuer_info_set_name              (AnshinIssuerInfo *self,
                                                            const char       *name);
const char       *anshin_issuer_info_get_name_ja           (AnshinIssuerInfo *self);
void              anshin_issuer_info_set_name_ja           (AnshinIssuerInfo *self,
                                                            const char       *name_ja);
const char       *anshin_issuer_info_get_support_phone     (AnshinIssuerInfo *self);
void              anshin_issuer_info_set_support_phone     (AnshinIssuerInfo *self,
                                                            const char       *support_phone);
const char       *anshin_issuer_info_get_support_hours     (AnshinIssuerInfo *self);
void              anshin_issuer_info_set_support_hours     (AnshinIssuerInfo *self,
                                                            const char       *support_hours);
const char       *anshin_issuer_info_get_support_hours_ja  (AnshinIssuerInfo *self);
void              anshin_issuer_info_set_support_hours_ja  (AnshinIssuerInfo *self,
                                                            const char       *support_hours_ja);
const char       *anshin_issuer_info_get_support_url       (AnshinIssuerInfo *self);
void              anshin_issuer_info_set_support_url       (AnshinIssuerInfo *self,
                                                            const char       *support_url);
const char       *anshin_issuer_info_get_display_name      (AnshinIssuerInfo *self);
const char       *anshin_issuer_info_get_display_hours     (AnshinIssuerInfo *self);

G_END_DECLS
