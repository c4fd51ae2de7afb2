/* anshin-schedule-item.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One row of an explanation's schedule: what (a payment method, or
 * several that share the same date, "Apple Pay and Google Pay") and when
 * the issuer expects it ("Expected from 2 Dec 2025, 09:00", or what it
 * waits for when there is no date). An explanation lists several such
 * rows instead of repeating one sentence per method. Immutable.
 */

#include "config.h"

#include "anshin-schedule-item.h"

struct _AnshinScheduleItem
{
  GObject    parent_instance;

  char      *label;
  GDateTime *when;
  char      *text;
};

G_DEFINE_FINAL_TYPE (AnshinScheduleItem, anshin_schedule_item, G_TYPE_OBJECT)

static void
anshin_schedule_item_finalize (GObject *object)
{
  AnshinScheduleItem *self = ANSHIN_SCHEDULE_ITEM (object);

  g_clear_pointer (&self->label, g_free);
  g_clear_pointer (&self->when, g_date_time_unref);
  g_clear_pointer (&self->text, g_free);

  G_OBJECT_CLASS (anshin_schedule_item_parent_class)->finalize (object);
}

static void
anshin_schedule_item_class_init (AnshinScheduleItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = anshin_schedule_item_finalize;
}

static void
anshin_schedule_item_init (AnshinScheduleItem *self)
{
}

/**
 * anshin_schedule_item_new:
 * @label: what the row is about, "QUICPay"
 * @when: (nullable): the date the issuer gave, if any
 * @text: the row's words, "Expected from 2 Dec 2025, 09:00"
 */
AnshinScheduleItem *
anshin_schedule_item_new (const char *label,
                          GDateTime  *when,
                          const char *text)
{
  AnshinScheduleItem *self;

  g_return_val_if_fail (label != NULL, NULL);
  g_return_val_if_fail (text != NULL, NULL);

  self = g_object_new (ANSHIN_TYPE_SCHEDULE_ITEM, NULL);
  self->label = g_strdup (label);
  self->when = when != NULL ? g_date_time_ref (when) : NULL;
  self->text = g_strdup (text);

  return self;
}

const char *
anshin_schedule_item_get_label (AnshinScheduleItem *self)
{
  g_return_val_if_fail (ANSHIN_IS_SCHEDULE_ITEM (self), NULL);

  return self->label;
}

/**
 * anshin_schedule_item_get_when:
 *
 * Returns: (transfer none) (nullable): the date the issuer gave
 */
GDateTime *
anshin_schedule_item_get_when (AnshinScheduleItem *self)
{
  g_return_val_if_fail (ANSHIN_IS_SCHEDULE_ITEM (self), NULL);

  return self->when;
}

const char *
anshin_schedule_item_get_text (AnshinScheduleItem *self)
{
  g_return_val_if_fail (ANSHIN_IS_SCHEDULE_ITEM (self), NULL);

  return self->text;
}
