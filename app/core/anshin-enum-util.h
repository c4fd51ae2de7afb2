/* anshin-enum-util.h
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

gboolean     anshin_enum_from_api (GType       enum_type,
                                   const char *api_name,
                                   int        *out_value);
const char  *anshin_enum_to_api   (GType       enum_type,
                                   int         value);

G_END_DECLS
