/* anshin-charge.h
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define ANSHIN_TYPE_CHARGE (anshin_charge_get_type ())

/* One top-up. balance is the card balance after it (yen), or -1 when the
 * answer did not say (entries of GET /v1/charges). */
typedef struct {
  char      *id;
  char      *charge_card_id;
  gint64     amount;
  GDateTime *created_at;
  gint64     balance;
} AnshinCharge;

GType         anshin_charge_get_type (void) G_GNUC_CONST;
AnshinCharge *anshin_charge_new      (void);
AnshinCharge *anshin_charge_copy     (const AnshinCharge *self);
void          anshin_charge_free     (AnshinCharge       *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AnshinCharge, anshin_charge_free)

G_END_DECLS
