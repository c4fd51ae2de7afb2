/* anshin-charge.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "anshin-charge.h"

G_DEFINE_BOXED_TYPE (AnshinCharge, anshin_charge, anshin_charge_copy, anshin_charge_free)

AnshinCharge *
anshin_charge_new (void)
{
  AnshinCharge *self = g_new0 (AnshinCharge, 1);

  self->balance = -1;

  return self;
}

AnshinCharge *
anshin_charge_copy (const AnshinCharge *self)
{
  AnshinCharge *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = anshin_charge_new ();
  copy->id = g_strdup (self->id);
  copy->charge_card_id = g_strdup (self->charge_card_id);
  copy->amount = self->amount;
  copy->created_at = self->created_at != NULL ? g_date_time_ref (self->created_at) : NULL;
  copy->balance = self->balance;

  return copy;
}

void
anshin_charge_free (AnshinCharge *self)
{
  if (self == NULL)
    return;

  g_free (self->id);
  g_free (self->charge_card_id);
  g_clear_pointer (&self->created_at, g_date_time_unref);
  g_free (self);
}
