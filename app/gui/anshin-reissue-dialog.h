/* anshin-reissue-dialog.h
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "anshin-card.h"

G_BEGIN_DECLS

#define ANSHIN_TYPE_REISSUE_DIALOG (anshin_reissue_dialog_get_type ())

G_DECLARE_FINAL_TYPE (AnshinReissueDialog, anshin_reissue_dialog, ANSHIN, REISSUE_DIALOG, AdwMessageDialog)

AnshinReissueDialog *anshin_reissue_dialog_new           (GtkWindow            *parent,
                                                          AnshinCard           *card,
                                                          GListModel           *methods,
                                                          GListModel           *programs,
                                                          GDateTime            *now);
void                 anshin_reissue_dialog_choose        (GtkWindow            *parent,
                                                          AnshinCard           *card,
                                                          GListModel           *methods,
                                                          GListModel           *programs,
                                                          GDateTime            *now,
                                                          GCancellable         *cancellable,
                                                          GAsyncReadyCallback   callback,
                                                          gpointer              user_data);
gboolean             anshin_reissue_dialog_choose_finish (GAsyncResult         *result,
                                                          GError              **error);

G_END_DECLS
