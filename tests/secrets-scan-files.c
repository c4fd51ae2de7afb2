/* secrets-scan-files.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "secrets-scan-files.h"

/* No cp -a or rm -rf: a child of a sanitized test inherits its LD_PRELOAD.
 * Returns FALSE if a file went away while it was being copied (the app
 * writing its cache: a temporary file renamed into place), so that the
 * caller copies again rather than miss what it became. */
gboolean
secrets_scan_copy_tree (const char *from,
                        const char *to)
{
  g_autoptr(GDir) dir = g_dir_open (from, 0, NULL);
  gboolean whole = TRUE;
  const char *name;

  g_assert_nonnull (dir);
  g_assert_cmpint (g_mkdir_with_parents (to, 0700), ==, 0);

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *source = g_build_filename (from, name, NULL);
      g_autofree char *target = g_build_filename (to, name, NULL);

      if (g_file_test (source, G_FILE_TEST_IS_SYMLINK))
        continue;
      if (g_file_test (source, G_FILE_TEST_IS_DIR))
        whole &= secrets_scan_copy_tree (source, target);
      else
        {
          g_autofree char *contents = NULL;
          g_autoptr(GError) error = NULL;
          gsize length;

          if (!g_file_get_contents (source, &contents, &length, &error) &&
              g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
            {
              g_test_message ("%s went away while it was copied", name);
              whole = FALSE;
              continue;
            }
          g_assert_no_error (error);
          g_file_set_contents (target, contents, length, &error);
          g_assert_no_error (error);
        }
    }

  return whole;
}

guint
secrets_scan_count_files (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;
  guint n = 0;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        continue;
      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        n += secrets_scan_count_files (child);
      else
        n++;
    }

  return n;
}

void
secrets_scan_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        secrets_scan_remove_tree (child);
      else
        g_assert_cmpint (g_unlink (child), ==, 0);
    }
  g_assert_cmpint (g_rmdir (path), ==, 0);
}
