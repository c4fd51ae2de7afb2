/* secrets-scan-files.h
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Directory trees for tests/test-secrets-scan.c, in C rather than cp -a or
 * rm -rf: a child of a sanitized test inherits its LD_PRELOAD.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean secrets_scan_copy_tree   (const char *from,
                                   const char *to);
guint    secrets_scan_count_files (const char *path);
void     secrets_scan_remove_tree (const char *path);

G_END_DECLS
