/* anshin-mock-json.h
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

void        anshin_mock_json_set_time    (JsonObject *object,
                                          const char *member,
                                          GDateTime  *time);
void        anshin_mock_json_set_unix    (JsonObject *object,
                                          const char *member,
                                          gint64      unix_time);
gint64      anshin_mock_json_get_unix    (JsonObject *object,
                                          const char *member);
gboolean    anshin_mock_json_is_time     (JsonNode   *node);
gboolean    anshin_mock_json_array_of_objects (JsonNode *node);
JsonNode   *anshin_mock_json_node_copy   (JsonNode   *node);
JsonObject *anshin_mock_json_object_copy (JsonObject *object);
JsonArray  *anshin_mock_json_array_copy  (JsonArray  *array);
JsonObject *anshin_mock_json_find_by_id  (JsonArray  *array,
                                          const char *id,
                                          guint      *out_index);

G_END_DECLS
