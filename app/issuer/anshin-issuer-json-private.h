/* anshin-issuer-json-private.h
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A reader with a sticky error: each getter checks the member's presence
 * and type, records the first mismatch as a protocol error and then returns
 * its fallback, so a mapping reads straight through and checks once at the
 * end with reader_finish(). Only for anshin-issuer-json*.c.
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef enum {
  READ_REQUIRED   = 0,
  READ_OPTIONAL   = 1 << 0, /* may be missing */
  READ_NULLABLE   = 1 << 1, /* may be null */
  READ_DATE       = 1 << 2, /* a time may also be written as a date */
  READ_DATE_ONLY  = 1 << 3, /* with READ_DATE: only a date */
  READ_UNKNOWN_OK = 1 << 4, /* an unknown enum value gives the fallback */
} ReadFlags;

#define READ_MAYBE (READ_OPTIONAL | READ_NULLABLE)

typedef struct {
  const char *what;
  GError     *error;
  GPtrArray  *times;
} Reader;

void        reader_clear   (Reader     *r);
void        reader_fail    (Reader     *r,
                            const char *format,
                            ...) G_GNUC_PRINTF (2, 3);
gboolean    reader_finish  (Reader     *r,
                            GError    **error);
JsonObject *reader_root    (Reader     *r,
                            JsonNode   *node);
JsonNode   *reader_member  (Reader     *r,
                            JsonObject *object,
                            const char *name,
                            ReadFlags   flags);
const char *reader_string  (Reader     *r,
                            JsonObject *object,
                            const char *name,
                            ReadFlags   flags);
gint64      reader_int     (Reader     *r,
                            JsonObject *object,
                            const char *name,
                            ReadFlags   flags,
                            gint64      min,
                            gint64      max,
                            gint64      fallback);
gboolean    reader_boolean (Reader     *r,
                            JsonObject *object,
                            const char *name,
                            ReadFlags   flags,
                            gboolean    fallback);
GDateTime  *reader_time    (Reader     *r,
                            JsonObject *object,
                            const char *name,
                            ReadFlags   flags);
int         reader_enum    (Reader     *r,
                            JsonObject *object,
                            const char *name,
                            ReadFlags   flags,
                            GType       enum_type,
                            int         fallback);
JsonObject *reader_object  (Reader     *r,
                            JsonObject *object,
                            const char *name,
                            ReadFlags   flags);
JsonArray  *reader_array   (Reader     *r,
                            JsonObject *object,
                            const char *name,
                            ReadFlags   flags);
const char *reader_last4   (Reader     *r,
                            JsonObject *object,
                            const char *name);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Reader, reader_clear)

G_END_DECLS
