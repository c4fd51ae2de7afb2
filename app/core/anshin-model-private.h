/* anshin-model-private.h
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by the domain objects (card, payment method, programme, notice,
 * charge card): each keeps its properties in plain struct fields, set only
 * through these helpers, which store the new value and emit ::notify when,
 * and only when, the value changed. Not for use outside app/core.
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

gboolean anshin_model_set_string    (gpointer            object,
                                     char              **field,
                                     const char         *value,
                                     GParamSpec         *pspec);
gboolean anshin_model_set_strv      (gpointer            object,
                                     char             ***field,
                                     const char * const *value,
                                     GParamSpec         *pspec);
gboolean anshin_model_set_date_time (gpointer            object,
                                     GDateTime         **field,
                                     GDateTime          *value,
                                     GParamSpec         *pspec);
gboolean anshin_model_set_boolean   (gpointer            object,
                                     gboolean           *field,
                                     gboolean            value,
                                     GParamSpec         *pspec);
gboolean anshin_model_set_uint      (gpointer            object,
                                     guint              *field,
                                     guint               value,
                                     GParamSpec         *pspec);
gboolean anshin_model_set_int64     (gpointer            object,
                                     gint64             *field,
                                     gint64              value,
                                     GParamSpec         *pspec);
gboolean anshin_model_set_enum      (gpointer            object,
                                     int                *field,
                                     int                 value,
                                     GParamSpec         *pspec);
gboolean anshin_model_set_flags     (gpointer            object,
                                     guint              *field,
                                     guint               value,
                                     GParamSpec         *pspec);

void     anshin_model_get_property  (GObject            *object,
                                     const gsize        *field_offsets,
                                     guint               n_props,
                                     guint               prop_id,
                                     GValue             *value,
                                     GParamSpec         *pspec);
void     anshin_model_set_property  (GObject            *object,
                                     const gsize        *field_offsets,
                                     guint               n_props,
                                     guint               prop_id,
                                     const GValue       *value,
                                     GParamSpec         *pspec);
void     anshin_model_update_from   (GObject            *self,
                                     GObject            *other);

G_END_DECLS
