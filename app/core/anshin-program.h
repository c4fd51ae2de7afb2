/* anshin-program.h
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

#define ANSHIN_TYPE_PROGRAM (anshin_program_get_type ())

G_DECLARE_FINAL_TYPE (AnshinProgram, anshin_program, ANSHIN, PROGRAM, GObject)

AnshinProgram *anshin_program_new (void);
void anshin_program_update_from (AnshinProgram *self,
                                 AnshinProgram *other);

const char *anshin_program_get_id (AnshinProgram *self);
void anshin_program_set_id (AnshinProgram *self,
                            const char    *id);

const char *anshin_program_get_name (AnshinProgram *self);
void anshin_program_set_name (AnshinProgram *self,
                              const char    *name);

const char *anshin_program_get_description (AnshinProgram *self);
void anshin_program_set_description (AnshinProgram *self,
                                     const char    *description);

const char * const *anshin_program_get_requires_methods (AnshinProgram *self);
void anshin_program_set_requires_methods (AnshinProgram      *self,
                                          const char * const *requires_methods);

GDateTime *anshin_program_get_since (AnshinProgram *self);
void anshin_program_set_since (AnshinProgram *self,
                               GDateTime     *since);

gint64 anshin_program_get_earn_yen (AnshinProgram *self);
void anshin_program_set_earn_yen (AnshinProgram *self,
                                  gint64         earn_yen);

gint64 anshin_program_get_earn_points (AnshinProgram *self);
void anshin_program_set_earn_points (AnshinProgram *self,
                                     gint64         earn_points);

gint64 anshin_program_get_points_balance (AnshinProgram *self);
void anshin_program_set_points_balance (AnshinProgram *self,
                                        gint64         points_balance);

const char *anshin_program_get_name_ja (AnshinProgram *self);
void anshin_program_set_name_ja (AnshinProgram *self,
                                 const char    *name_ja);

const char *anshin_program_get_display_name (AnshinProgram *self);
gint64 anshin_program_points_for (AnshinProgram *self,
                                  gint64         amount);

gboolean anshin_program_requires_method (AnshinProgram           *self,
                                         AnshinPaymentMethodKind  kind);

G_END_DECLS
