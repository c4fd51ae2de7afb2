/* anshin-mock-scenario.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A scenario is a JSON data file in data/scenarios/: the demo member, the
 * card and payment methods at the start, the issuer's timeline of scheduled
 * changes, the registration rules and the narrated steps. This file loads
 * and checks it; AnshinMockMember plays it.
 */

#include "config.h"

#include <string.h>

#include "anshin-mock-error.h"
#include "anshin-mock-json.h"
#include "anshin-mock-scenario.h"
#include "anshin-time.h"

struct _AnshinMockScenario
{
  GObject                      parent_instance;

  JsonNode                    *root;
  char                        *path;
  char                        *name;
  char                        *title;
  char                        *member_id;
  char                        *password;
  GDateTime                   *start;
  GArray                      *steps;        /* AnshinMockStep */
  GArray                      *timeline_at;  /* gint64 unix time of each timeline entry */
  JsonArray                   *payments;     /* history, then scheduled: in time order */
  GArray                      *payments_at;  /* gint64 unix time of each payment */
  guint                        first_scheduled_payment;
  AnshinMockRegistrationRules  registration;
  JsonObject                  *issuer;       /* GET /v1/issuer */
};

/* The issuer of a scenario that names none. */
#define DEFAULT_ISSUER \
  "{\"name\": \"Tsubasa Pay\", \"name_ja\": \"つばさペイ\", \"support\": " \
  "{\"phone\": \"0120-000-000\", \"hours\": \"9:00–18:00\", " \
  "\"hours_ja\": \"9:00〜18:00（年中無休）\", \"url\": \"https://support.example/\"}}"

G_DEFINE_FINAL_TYPE (AnshinMockScenario, anshin_mock_scenario, G_TYPE_OBJECT)

static void
step_clear (gpointer data)
{
  AnshinMockStep *step = data;

  g_clear_pointer (&step->at, g_date_time_unref);
  g_clear_pointer (&step->title, g_free);
  g_clear_pointer (&step->narration, g_free);
  g_clear_pointer (&step->page_narrations, g_hash_table_unref);
}

static gboolean
invalid (GError     **error,
         const char  *path,
         const char  *member,
         const char  *expected)
{
  g_autofree char *base = g_path_get_basename (path);

  g_set_error (error, ANSHIN_MOCK_ERROR, ANSHIN_MOCK_ERROR_SCENARIO_INVALID,
               "Scenario %s: “%s” must be %s", base, member, expected);
  return FALSE;
}

static gboolean
get_string (JsonObject  *object,
            const char  *member,
            const char  *path,
            char       **out,
            GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return invalid (error, path, member, "a string");

  *out = g_strdup (json_node_get_string (node));
  return TRUE;
}

static gboolean
get_time (JsonObject  *object,
          const char  *member,
          const char  *path,
          GDateTime  **out,
          GError     **error)
{
  g_autofree char *text = NULL;

  if (!get_string (object, member, path, &text, error))
    return FALSE;

  *out = anshin_time_parse (text);
  if (*out == NULL)
    return invalid (error, path, member, "an RFC 3339 time with an offset");

  return TRUE;
}

static JsonNode *
get_typed (JsonObject  *object,
           const char  *member,
           JsonNodeType type)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || JSON_NODE_TYPE (node) != type)
    return NULL;

  return node;
}

static GStrv
strv_from_array (JsonArray *array)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);

      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
        g_strv_builder_add (builder, json_node_get_string (node));
    }

  return g_strv_builder_end (builder);
}

static gboolean
parse_registration (AnshinMockScenario  *self,
                    JsonObject          *root,
                    GError             **error)
{
  AnshinMockRegistrationRules *rules = &self->registration;
  JsonNode *node = get_typed (root, "registration", JSON_NODE_OBJECT);
  JsonObject *object;
  JsonNode *array;
  const char *challenge;

  if (node == NULL)
    return invalid (error, self->path, "registration", "an object");

  object = json_node_get_object (node);
  rules->form_token_lifetime =
    json_object_get_int_member_with_default (object, "form_token_lifetime_seconds", 600);
  rules->form_expired_counts =
    json_object_get_boolean_member_with_default (object, "form_expired_counts", FALSE);
  rules->max_attempts = json_object_get_int_member_with_default (object, "max_attempts", 5);
  if (rules->form_token_lifetime <= 0 || rules->max_attempts == 0)
    return invalid (error, self->path, "registration", "positive limits");

  array = get_typed (object, "accepted_brands", JSON_NODE_ARRAY);
  if (array != NULL)
    rules->accepted_brands = strv_from_array (json_node_get_array (array));
  else
    rules->accepted_brands = g_strsplit ("mastercard,jcb,diners,visa", ",", -1);

  array = get_typed (object, "declined_numbers", JSON_NODE_ARRAY);
  rules->declined_numbers = strv_from_array (array ? json_node_get_array (array) : NULL);
  array = get_typed (object, "challenge_numbers", JSON_NODE_ARRAY);
  rules->challenge_numbers = strv_from_array (array ? json_node_get_array (array) : NULL);

  challenge = json_object_get_string_member_with_default (object, "challenge", "listed");
  if (g_strcmp0 (challenge, "all") == 0)
    rules->challenge = ANSHIN_MOCK_CHALLENGE_ALL;
  else if (g_strcmp0 (challenge, "none") == 0)
    rules->challenge = ANSHIN_MOCK_CHALLENGE_NONE;
  else if (g_strcmp0 (challenge, "listed") == 0)
    rules->challenge = ANSHIN_MOCK_CHALLENGE_LISTED;
  else
    return invalid (error, self->path, "registration.challenge", "“all”, “listed” or “none”");

  rules->failures = g_ptr_array_new_with_free_func ((GDestroyNotify)g_date_time_unref);
  array = get_typed (object, "failures", JSON_NODE_ARRAY);
  for (guint i = 0; array != NULL && i < json_array_get_length (json_node_get_array (array)); i++)
    {
      JsonNode *element = json_array_get_element (json_node_get_array (array), i);
      GDateTime *time = NULL;

      if (JSON_NODE_HOLDS_VALUE (element) && json_node_get_value_type (element) == G_TYPE_STRING)
        time = anshin_time_parse (json_node_get_string (element));

      if (time == NULL)
        return invalid (error, self->path, "registration.failures", "a list of RFC 3339 times");
      g_ptr_array_add (rules->failures, time);
    }

  return TRUE;
}

/* A step's optional "pages": {"notices": "…", …}, what the step has to
 * show on each page of the app (the demo bar's narration follows the page
 * the presenter is on). */
static gboolean
parse_page_narrations (AnshinMockScenario  *self,
                       JsonObject          *step,
                       GHashTable         **out,
                       GError             **error)
{
  JsonNode *node = json_object_get_member (step, "pages");
  g_autoptr(GHashTable) pages = NULL;
  JsonObjectIter iter;
  const char *page;
  JsonNode *value;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return invalid (error, self->path, "steps[].pages", "an object of strings");

  pages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  json_object_iter_init (&iter, json_node_get_object (node));
  while (json_object_iter_next (&iter, &page, &value))
    {
      if (!JSON_NODE_HOLDS_VALUE (value) || json_node_get_value_type (value) != G_TYPE_STRING ||
          *page == '\0')
        return invalid (error, self->path, "steps[].pages", "an object of strings");
      g_hash_table_insert (pages, g_strdup (page), g_strdup (json_node_get_string (value)));
    }

  *out = g_steal_pointer (&pages);
  return TRUE;
}

static gboolean
parse_steps (AnshinMockScenario  *self,
             JsonObject          *root,
             GError             **error)
{
  JsonNode *node = get_typed (root, "steps", JSON_NODE_ARRAY);
  JsonArray *array;

  if (node == NULL || json_array_get_length (json_node_get_array (node)) == 0)
    return invalid (error, self->path, "steps", "a non-empty array");

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      AnshinMockStep step = { NULL, };
      JsonObject *object;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        return invalid (error, self->path, "steps", "an array of objects");

      object = json_node_get_object (element);
      g_array_append_val (self->steps, step);
      if (!get_time (object, "at", self->path,
                     &g_array_index (self->steps, AnshinMockStep, i).at, error) ||
          !get_string (object, "title", self->path,
                       &g_array_index (self->steps, AnshinMockStep, i).title, error) ||
          !get_string (object, "narration", self->path,
                       &g_array_index (self->steps, AnshinMockStep, i).narration, error) ||
          !parse_page_narrations (self, object,
                                  &g_array_index (self->steps, AnshinMockStep, i).page_narrations,
                                  error))
        return FALSE;

      if (i > 0 &&
          g_date_time_compare (g_array_index (self->steps, AnshinMockStep, i - 1).at,
                               g_array_index (self->steps, AnshinMockStep, i).at) > 0)
        return invalid (error, self->path, "steps", "in time order");
    }

  if (g_date_time_compare (g_array_index (self->steps, AnshinMockStep, 0).at, self->start) != 0)
    return invalid (error, self->path, "steps[0].at", "the start time");

  return TRUE;
}

static gboolean
parse_timeline (AnshinMockScenario  *self,
                JsonObject          *root,
                GError             **error)
{
  JsonNode *node = get_typed (root, "timeline", JSON_NODE_ARRAY);
  g_autoptr(GDateTime) previous = NULL;
  JsonArray *array;

  if (node == NULL)
    return invalid (error, self->path, "timeline", "an array");

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autoptr(GDateTime) at = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        return invalid (error, self->path, "timeline", "an array of objects");
      if (!get_time (json_node_get_object (element), "at", self->path, &at, error))
        return FALSE;
      if (previous != NULL && g_date_time_compare (previous, at) > 0)
        return invalid (error, self->path, "timeline", "in time order");

      {
        gint64 unix_time = g_date_time_to_unix (at);

        g_array_append_val (self->timeline_at, unix_time);
      }

      g_clear_pointer (&previous, g_date_time_unref);
      previous = g_steal_pointer (&at);
    }

  return TRUE;
}

/* The issuer's names and support desk (GET /v1/issuer): the scenario's
 * "issuer" object, or Tsubasa Pay's when it has none. */
static gboolean
parse_issuer (AnshinMockScenario  *self,
              JsonObject          *root,
              GError             **error)
{
  JsonNode *node = json_object_get_member (root, "issuer");
  JsonObject *issuer;
  JsonObject *support;

  if (node == NULL)
    {
      g_autoptr(JsonParser) parser = json_parser_new_immutable ();

      if (!json_parser_load_from_data (parser, DEFAULT_ISSUER, -1, error))
        return FALSE;
      self->issuer = json_node_dup_object (json_parser_get_root (parser));
      return TRUE;
    }

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return invalid (error, self->path, "issuer", "an object");
  issuer = json_node_get_object (node);
  if (get_typed (issuer, "name", JSON_NODE_VALUE) == NULL ||
      json_node_get_value_type (json_object_get_member (issuer, "name")) != G_TYPE_STRING)
    return invalid (error, self->path, "issuer.name", "a string");
  support = get_typed (issuer, "support", JSON_NODE_OBJECT) != NULL ?
              json_object_get_object_member (issuer, "support") : NULL;
  if (json_object_has_member (issuer, "support") && support == NULL)
    return invalid (error, self->path, "issuer.support", "an object");

  self->issuer = json_object_ref (issuer);
  return TRUE;
}

/* "payments": [{at, method, via, amount, merchant}], in time order; those
 * before the start are the member's history, the others are made, and
 * decided by the rules, when their time comes. */
static gboolean
parse_payments (AnshinMockScenario  *self,
                JsonObject          *root,
                GError             **error)
{
  JsonNode *node = json_object_get_member (root, "payments");
  gint64 start = g_date_time_to_unix (self->start);
  gint64 previous = G_MININT64;

  if (node == NULL)
    {
      self->payments = json_array_new ();
      return TRUE;
    }
  if (!anshin_mock_json_array_of_objects (node))
    return invalid (error, self->path, "payments", "an array of objects");

  self->payments = json_array_ref (json_node_get_array (node));
  self->first_scheduled_payment = json_array_get_length (self->payments);
  for (guint i = 0; i < json_array_get_length (self->payments); i++)
    {
      JsonObject *payment = json_array_get_object_element (self->payments, i);
      JsonNode *amount = json_object_get_member (payment, "amount");
      g_autoptr(GDateTime) at = NULL;
      g_autofree char *method = NULL;
      g_autofree char *merchant = NULL;
      gint64 unix_time;

      if (!get_time (payment, "at", self->path, &at, error) ||
          !get_string (payment, "method", self->path, &method, error) ||
          !get_string (payment, "merchant", self->path, &merchant, error))
        return FALSE;
      if (amount == NULL || !JSON_NODE_HOLDS_VALUE (amount) ||
          json_node_get_value_type (amount) != G_TYPE_INT64 || json_node_get_int (amount) <= 0)
        return invalid (error, self->path, "payments[].amount", "a positive integer");

      unix_time = g_date_time_to_unix (at);
      if (unix_time < previous)
        return invalid (error, self->path, "payments", "in time order");
      previous = unix_time;

      if (unix_time >= start && i < self->first_scheduled_payment)
        self->first_scheduled_payment = i;
      g_array_append_val (self->payments_at, unix_time);
    }

  return TRUE;
}

static gboolean
parse_root (AnshinMockScenario  *self,
            GError             **error)
{
  static const char * const arrays[] = {
    "networks", "programs", "notices", "charge_cards", "charges",
  };
  JsonObject *root;
  JsonNode *member;

  if (self->root == NULL || !JSON_NODE_HOLDS_OBJECT (self->root))
    return invalid (error, self->path, "the document", "an object");

  root = json_node_get_object (self->root);
  if (!get_string (root, "name", self->path, &self->name, error) ||
      !get_string (root, "title", self->path, &self->title, error) ||
      !get_time (root, "start", self->path, &self->start, error))
    return FALSE;

  member = get_typed (root, "member", JSON_NODE_OBJECT);
  if (member == NULL)
    return invalid (error, self->path, "member", "an object");
  if (!get_string (json_node_get_object (member), "member_id", self->path, &self->member_id, error) ||
      !get_string (json_node_get_object (member), "password", self->path, &self->password, error))
    return FALSE;

  if (get_typed (root, "card", JSON_NODE_OBJECT) == NULL)
    return invalid (error, self->path, "card", "an object");
  if (!parse_issuer (self, root, error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (arrays); i++)
    {
      if (!anshin_mock_json_array_of_objects (json_object_get_member (root, arrays[i])))
        return invalid (error, self->path, arrays[i], "an array of objects");
    }

  return parse_registration (self, root, error) &&
         parse_timeline (self, root, error) &&
         parse_payments (self, root, error) &&
         parse_steps (self, root, error);
}

static void
anshin_mock_scenario_finalize (GObject *object)
{
  AnshinMockScenario *self = (AnshinMockScenario *)object;

  g_clear_pointer (&self->root, json_node_unref);
  g_clear_pointer (&self->issuer, json_object_unref);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->member_id, g_free);
  g_clear_pointer (&self->password, g_free);
  g_clear_pointer (&self->start, g_date_time_unref);
  g_clear_pointer (&self->steps, g_array_unref);
  g_clear_pointer (&self->timeline_at, g_array_unref);
  g_clear_pointer (&self->payments, json_array_unref);
  g_clear_pointer (&self->payments_at, g_array_unref);
  g_clear_pointer (&self->registration.accepted_brands, g_strfreev);
  g_clear_pointer (&self->registration.declined_numbers, g_strfreev);
  g_clear_pointer (&self->registration.challenge_numbers, g_strfreev);
  g_clear_pointer (&self->registration.failures, g_ptr_array_unref);

  G_OBJECT_CLASS (anshin_mock_scenario_parent_class)->finalize (object);
}

static void
anshin_mock_scenario_class_init (AnshinMockScenarioClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = anshin_mock_scenario_finalize;
}

static void
anshin_mock_scenario_init (AnshinMockScenario *self)
{
  self->steps = g_array_new (FALSE, TRUE, sizeof (AnshinMockStep));
  self->timeline_at = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->payments_at = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_array_set_clear_func (self->steps, step_clear);
}

/**
 * anshin_mock_scenario_load_file:
 * @path: a scenario file
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the scenario, or %NULL if the file
 *   cannot be read or is not a valid scenario
 */
AnshinMockScenario *
anshin_mock_scenario_load_file (const char  *path,
                                GError     **error)
{
  g_autoptr(AnshinMockScenario) self = NULL;
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  if (!json_parser_load_from_mapped_file (parser, path, &local_error))
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        g_set_error (error, ANSHIN_MOCK_ERROR, ANSHIN_MOCK_ERROR_SCENARIO_NOT_FOUND,
                     "No scenario file %s", path);
      else
        g_set_error (error, ANSHIN_MOCK_ERROR, ANSHIN_MOCK_ERROR_SCENARIO_INVALID,
                     "Scenario %s cannot be read: %s", path, local_error->message);
      return NULL;
    }

  self = g_object_new (ANSHIN_TYPE_MOCK_SCENARIO, NULL);
  self->path = g_strdup (path);
  if (json_parser_get_root (parser) != NULL)
    self->root = json_node_ref (json_parser_get_root (parser));

  if (!parse_root (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

const char *
anshin_mock_scenario_get_name (AnshinMockScenario *self)
{
  g_return_val_if_fail (ANSHIN_IS_MOCK_SCENARIO (self), NULL);
  return self->name;
}

const char *
anshin_mock_scenario_get_title (AnshinMockScenario *self)
{
  g_return_val_if_fail (ANSHIN_IS_MOCK_SCENARIO (self), NULL);
  return self->title;
}

const char *
anshin_mock_scenario_get_path (AnshinMockScenario *self)
{
  g_return_val_if_fail (ANSHIN_IS_MOCK_SCENARIO (self), NULL);
  return self->path;
}

const char *
anshin_mock_scenario_get_member_id (AnshinMockScenario *self)
{
  g_return_val_if_fail (ANSHIN_IS_MOCK_SCENARIO (self), NULL);
  return self->member_id;
}

const char *
anshin_mock_scenario_get_password (AnshinMockScenario *self)
{
  g_return_val_if_fail (ANSHIN_IS_MOCK_SCENARIO (self), NULL);
  return self->password;
}

GDateTime *
anshin_mock_scenario_get_start (AnshinMockScenario *self)
{
  g_return_val_if_fail (ANSHIN_IS_MOCK_SCENARIO (self), NULL);
  return self->start;
}

guint
anshin_mock_scenario_get_n_steps (AnshinMockScenario *self)
{
  g_return_val_if_fail (ANSHIN_IS_MOCK_SCENARIO (self), 0);
  return self->steps->len;
}

const AnshinMockStep *
anshin_mock_scenario_get_step (AnshinMockScenario *self,
                               guint               index)
{
  g_return_val_if_fail (ANSHIN_IS_MOCK_SCENARIO (self), NULL);
  g_return_val_if_fail (index < self->steps->len, NULL);

  return &g_array_index (self->steps, AnshinMockStep, index);
}

static JsonNode *
root_member (AnshinMockScenario *self,
             const char         *name)
{
  return json_object_get_member (json_node_get_object (self->root), name);
}

/**
 * anshin_mock_scenario_get_issuer:
 *
 * Returns: (transfer none): the `GET /v1/issuer` body
 */
JsonObject *
anshin_mock_scenario_get_issuer (AnshinMockScenario *self)
{
  g_return_val_if_fail (ANSHIN_IS_MOCK_SCENARIO (self), NULL);
  return self->issuer;
}

JsonObject *
anshin_mock_scenario_get_card (AnshinMockScenario *self)
{
  return json_node_get_object (root_member (self, "card"));
}

JsonArray *
anshin_mock_scenario_get_networks (AnshinMockScenario *self)
{
  return json_node_get_array (root_member (self, "networks"));
}

JsonArray *
anshin_mock_scenario_get_programs (AnshinMockScenario *self)
{
  return json_node_get_array (root_member (self, "programs"));
}

JsonArray *
anshin_mock_scenario_get_notices (AnshinMockScenario *self)
{
  return json_node_get_array (root_member (self, "notices"));
}

JsonArray *
anshin_mock_scenario_get_charge_cards (AnshinMockScenario *self)
{
  return json_node_get_array (root_member (self, "charge_cards"));
}

JsonArray *
anshin_mock_scenario_get_charges (AnshinMockScenario *self)
{
  return json_node_get_array (root_member (self, "charges"));
}

JsonArray *
anshin_mock_scenario_get_timeline (AnshinMockScenario *self)
{
  return json_node_get_array (root_member (self, "timeline"));
}

const AnshinMockRegistrationRules *
anshin_mock_scenario_get_registration (AnshinMockScenario *self)
{
  g_return_val_if_fail (ANSHIN_IS_MOCK_SCENARIO (self), NULL);
  return &self->registration;
}

/**
 * anshin_mock_scenario_get_timeline_at:
 * @self: a #AnshinMockScenario
 * @index: an entry of the timeline, or the number of entries
 *
 * Cheap enough for every request (the server asks whether anything is due).
 *
 * Returns: when the entry falls due, as a unix time; %G_MAXINT64 (never)
 *   past the last entry
 */
gint64
anshin_mock_scenario_get_timeline_at (AnshinMockScenario *self,
                                      guint               index)
{
  g_return_val_if_fail (ANSHIN_IS_MOCK_SCENARIO (self), G_MAXINT64);

  if (index >= self->timeline_at->len)
    return G_MAXINT64;

  return g_array_index (self->timeline_at, gint64, index);
}

/**
 * anshin_mock_scenario_get_payments:
 * @self: a #AnshinMockScenario
 *
 * Returns: (transfer none): the scenario's payments in time order: the
 *   history before the start, then the scheduled ones (from
 *   anshin_mock_scenario_get_first_scheduled_payment())
 */
JsonArray *
anshin_mock_scenario_get_payments (AnshinMockScenario *self)
{
  g_return_val_if_fail (ANSHIN_IS_MOCK_SCENARIO (self), NULL);
  return self->payments;
}

guint
anshin_mock_scenario_get_first_scheduled_payment (AnshinMockScenario *self)
{
  g_return_val_if_fail (ANSHIN_IS_MOCK_SCENARIO (self), 0);
  return self->first_scheduled_payment;
}

/**
 * anshin_mock_scenario_get_payment_at:
 * @self: a #AnshinMockScenario
 * @index: a payment, or the number of payments
 *
 * Returns: when the payment is made, as a unix time; %G_MAXINT64 (never)
 *   past the last one
 */
gint64
anshin_mock_scenario_get_payment_at (AnshinMockScenario *self,
                                     guint               index)
{
  g_return_val_if_fail (ANSHIN_IS_MOCK_SCENARIO (self), G_MAXINT64);

  if (index >= self->payments_at->len)
    return G_MAXINT64;

  return g_array_index (self->payments_at, gint64, index);
}
