/* anshin-notifier.h
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "anshin-account.h"

G_BEGIN_DECLS

#define ANSHIN_TYPE_NOTIFIER (anshin_notifier_get_type ())

G_DECLARE_FINAL_TYPE (AnshinNotifier, anshin_notifier, ANSHIN, NOTIFIER, GObject)

AnshinNotifier *anshin_notifier_new                  (GApplication   *application,
                                                      const char     *state_path);
char           *anshin_notifier_dup_default_path     (void);
void            anshin_notifier_set_account          (AnshinNotifier *self,
                                                      AnshinAccount  *account);
AnshinAccount  *anshin_notifier_get_account          (AnshinNotifier *self);
void            anshin_notifier_set_peer             (AnshinNotifier *self,
                                                      const char     *application_id);
void            anshin_notifier_set_enabled          (AnshinNotifier *self,
                                                      gboolean        enabled);
guint           anshin_notifier_get_sent_count       (AnshinNotifier *self);
void            anshin_notifier_remind_registration  (AnshinNotifier *self,
                                                      GDateTime      *opens_at);
gboolean        anshin_notifier_notify_sign_in_again (AnshinNotifier *self);
void            anshin_notifier_withdraw             (AnshinNotifier *self,
                                                      const char     *id);

G_END_DECLS
