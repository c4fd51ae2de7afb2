/* anshin-challenge-dialog.h
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "anshin-issuer-types.h"

G_BEGIN_DECLS

#define ANSHIN_TYPE_CHALLENGE_DIALOG (anshin_challenge_dialog_get_type ())

G_DECLARE_FINAL_TYPE (AnshinChallengeDialog, anshin_challenge_dialog, ANSHIN, CHALLENGE_DIALOG, AdwMessageDialog)

#define ANSHIN_CHALLENGE_RESPONSE_CANCEL "cancel"
#define ANSHIN_CHALLENGE_RESPONSE_VERIFY "verify"

AnshinChallengeDialog *anshin_challenge_dialog_new      (GtkWindow             *parent,
                                                         const AnshinChallenge *challenge,
                                                         const char            *problem);
const char            *anshin_challenge_dialog_get_code (AnshinChallengeDialog *self);
void                   anshin_challenge_dialog_set_code (AnshinChallengeDialog *self,
                                                         const char            *code);

G_END_DECLS
