/* test-mock-api.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * data/issuer-api.json (OpenAPI 3.1) and the mock issuer kept in step, in
 * both directions: every described path and method is served, every served
 * route is described; and every problem code of the contract is listed.
 */

#include "config.h"

#include <string.h>

#include "anshin-mock-server.h"

#include "test-mock-util.h"

static JsonObject *
load_description (JsonParser *parser)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "issuer-api.json", NULL);
  g_autoptr(GError) error = NULL;
  JsonObject *root;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "openapi"), ==, "3.1.0");

  return root;
}

/* "/v1/notices/{notice_id}/read" -> "/v1/notices/{id}/read" */
static char *
normalize (const char *path)
{
  g_auto(GStrv) segments = g_strsplit (path, "/", -1);

  for (guint i = 0; segments[i] != NULL; i++)
    {
      if (segments[i][0] == '{')
        {
          g_free (segments[i]);
          segments[i] = g_strdup ("{id}");
        }
    }

  return g_strjoinv ("/", segments);
}

static GPtrArray *
described_routes (JsonObject *root)
{
  GPtrArray *routes = g_ptr_array_new_with_free_func (g_free);
  JsonObject *paths = json_object_get_object_member (root, "paths");
  JsonObjectIter iter;
  const char *path;
  JsonNode *node;

  json_object_iter_init (&iter, paths);
  while (json_object_iter_next (&iter, &path, &node))
    {
      g_autofree char *normalized = normalize (path);
      JsonObjectIter methods;
      const char *method;
      JsonNode *operation;

      json_object_iter_init (&methods, json_node_get_object (node));
      while (json_object_iter_next (&methods, &method, &operation))
        {
          g_autofree char *upper = g_ascii_strup (method, -1);

          g_ptr_array_add (routes, g_strdup_printf ("%s %s", upper, normalized));
        }
    }

  return routes;
}

static gboolean
contains (GPtrArray  *array,
          const char *text)
{
  for (guint i = 0; i < array->len; i++)
    {
      if (g_str_equal (g_ptr_array_index (array, i), text))
        return TRUE;
    }

  return FALSE;
}

static void
test_both_directions (void)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root = load_description (parser);
  g_autoptr(GPtrArray) described = described_routes (root);
  g_auto(GStrv) served = anshin_mock_server_dup_routes ();
  g_autoptr(GPtrArray) served_array = g_ptr_array_new ();

  for (guint i = 0; served[i] != NULL; i++)
    {
      if (!contains (described, served[i]))
        g_test_message ("served but not described: %s", served[i]);
      g_assert_true (contains (described, served[i]));
      g_ptr_array_add (served_array, served[i]);
    }

  for (guint i = 0; i < described->len; i++)
    {
      if (!contains (served_array, g_ptr_array_index (described, i)))
        g_test_message ("described but not served: %s", (char *)g_ptr_array_index (described, i));
      g_assert_true (contains (served_array, g_ptr_array_index (described, i)));
    }
}

static void
test_described_are_served (MockFixture   *fixture,
                           gconstpointer  data)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root = load_description (parser);
  g_autoptr(GPtrArray) described = described_routes (root);

  mock_login (fixture);
  for (guint i = 0; i < described->len; i++)
    {
      g_auto(GStrv) parts = g_strsplit (g_ptr_array_index (described, i), " ", 2);
      g_autoptr(GString) path = g_string_new (parts[1]);
      g_autoptr(MockReply) reply = NULL;
      gboolean has_param = strstr (path->str, "{id}") != NULL;
      g_autofree char *key = mock_next_key ();

      /* signing out or loading a scenario would end this walk early */
      if (g_str_equal (parts[0], "DELETE") && g_str_equal (path->str, "/v1/session"))
        continue;

      g_string_replace (path, "{id}", "x_1", 0);
      reply = mock_request (fixture, parts[0], path->str,
                            g_str_equal (parts[0], "GET") || g_str_equal (parts[0], "DELETE") ? NULL : "{}",
                            key);
      g_test_message ("%s %s -> %u", parts[0], path->str, reply->status);
      g_assert_cmpuint (reply->status, !=, 405);
      if (!has_param)
        g_assert_cmpuint (reply->status, !=, 404);
    }
}

/* GET /v1/issuer answers without a session, with the scenario's issuer:
 * the app can name the issuer's own support desk before signing in. */
static void
test_issuer_without_session (MockFixture   *fixture,
                             gconstpointer  data)
{
  g_autoptr(MockReply) reply = mock_get (fixture, "/v1/issuer");
  g_autoptr(MockReply) wrong_method = mock_request (fixture, "POST", "/v1/issuer", "{}", NULL);
  JsonObject *support;

  g_assert_cmpuint (reply->status, ==, 200);
  g_assert_cmpstr (mock_reply_string (reply, "name"), ==, "Tsubasa Pay");
  g_assert_cmpstr (mock_reply_string (reply, "name_ja"), ==, "つばさペイ");
  support = json_object_get_object_member (mock_reply_object (reply), "support");
  g_assert_cmpstr (json_object_get_string_member (support, "phone"), ==, "0120-000-000");
  g_assert_cmpstr (json_object_get_string_member (support, "hours"), ==, "9:00–18:00");
  g_assert_cmpstr (json_object_get_string_member (support, "hours_ja"), ==, "9:00〜18:00（年中無休）");
  g_assert_cmpstr (json_object_get_string_member (support, "url"), ==, "https://support.example/");
  g_assert_nonnull (soup_message_headers_get_one (reply->headers, "Issuer-Time"));

  mock_assert_problem (wrong_method, 405, "method_not_allowed");
}

static void
test_problem_codes (void)
{
  static const char * const contract_codes[] = {
    "session_expired", "no_session", "invalid_credentials", "too_many_login_attempts",
    "refresh_token_invalid", "invalid_state_transition", "reissue_in_progress", "not_found",
    "challenge_failed", "challenge_expired", "validation_failed", "card_declined", "form_expired",
    "already_registered", "too_many_charge_cards", "registration_locked", "amount_out_of_range",
    "limit_exceeded", "malformed_json", "invalid_request", "body_too_large", "method_not_allowed",
    "idempotency_key_reused", "idempotency_key_missing", "clock_backwards",
  };
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root = load_description (parser);
  JsonObject *problem = json_object_get_object_member (json_object_get_object_member (json_object_get_object_member (root, "components"),
                                                                                      "schemas"), "Problem");
  JsonArray *codes = json_object_get_array_member (json_object_get_object_member (json_object_get_object_member (problem, "properties"),
                                                                                  "code"), "enum");

  for (guint i = 0; i < G_N_ELEMENTS (contract_codes); i++)
    {
      gboolean found = FALSE;

      for (guint j = 0; j < json_array_get_length (codes); j++)
        found |= g_str_equal (json_array_get_string_element (codes, j), contract_codes[i]);
      if (!found)
        g_test_message ("missing problem code %s", contract_codes[i]);
      g_assert_true (found);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/mock/api/both-directions", test_both_directions);
  MOCK_TEST ("/mock/api/described-are-served", test_described_are_served);
  g_test_add_func ("/mock/api/problem-codes", test_problem_codes);
  MOCK_TEST ("/mock/api/issuer-without-session", test_issuer_without_session);

  return g_test_run ();
}
