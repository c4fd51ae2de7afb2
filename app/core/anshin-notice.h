/* anshin-notice.h
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Getters return (transfer none) values; string, GDateTime and array getters
 * may return NULL. Setters copy strings and arrays and keep a reference to a
 * GDateTime; they notify only when the value changes.
 */

#pragma once

#include <glib-object.h>

#include "anshin-core-enums.h"

G_BEGIN_DECLS

#define ANSHIN_TYPE_NOTICE (anshin_notice_get_type ())

G_DECLARE_FINAL_TYPE (AnshinNotice, anshin_notice, ANSHIN, NOTICE, GObject)

AnshinNotice *anshin_notice_new (void);
void anshin_notice_update_from (AnshinNotice *self,
                                AnshinNotice *other);

const char *anshin_notice_get_id (AnshinNotice *self);
void anshin_notice_set_id (AnshinNotice *self,
                           const char   *id);

AnshinNoticeCode anshin_notice_get_code (AnshinNotice *self);
void anshin_notice_set_code (AnshinNotice     *self,
                             AnshinNoticeCode  code);

GDateTime *anshin_notice_get_issued_at (AnshinNotice *self);
void anshin_notice_set_issued_at (AnshinNotice *self,
                                  GDateTime    *issued_at);

AnshinNoticeChannel anshin_notice_get_channel (AnshinNotice *self);
void anshin_notice_set_channel (AnshinNotice        *self,
                                AnshinNoticeChannel  channel);

const char *anshin_notice_get_title (AnshinNotice *self);
void anshin_notice_set_title (AnshinNotice *self,
                              const char   *title);

const char *anshin_notice_get_body (AnshinNotice *self);
void anshin_notice_set_body (AnshinNotice *self,
                             const char   *body);

gboolean anshin_notice_get_read (AnshinNotice *self);
void anshin_notice_set_read (AnshinNotice *self,
                             gboolean      read);

GHashTable *anshin_notice_get_params (AnshinNotice *self);
void anshin_notice_set_params (AnshinNotice *self,
                               GHashTable   *params);

const char *anshin_notice_get_param (AnshinNotice *self,
                                     const char   *key);
void anshin_notice_set_param (AnshinNotice *self,
                              const char   *key,
                              const char   *value);

G_END_DECLS
