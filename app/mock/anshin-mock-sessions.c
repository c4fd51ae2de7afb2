/* anshin-mock-sessions.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Sessions (cookies) and refresh tokens, in issuer time: a session lives 30
 * minutes after its last request; a refresh token lives 180 days, works
 * once (each refresh hands out a new one) and dies with its session's
 * sign-out. Too many wrong passwords for one member id within 15 minutes
 * block signing in until the oldest of them is 15 minutes old.
 */

#include "config.h"

#include "anshin-mock-sessions.h"

typedef struct
{
  char   *member_id;
  char   *refresh_token;
  gint64  last_used;
} Session;

typedef struct
{
  char   *member_id;
  gint64  expires_at;
} RefreshToken;

struct _AnshinMockSessions
{
  GObject     parent_instance;

  GHashTable *sessions;       /* id -> Session */
  GHashTable *refresh_tokens; /* token -> RefreshToken */
  GHashTable *login_failures; /* member id -> GArray of gint64 */
};

G_DEFINE_FINAL_TYPE (AnshinMockSessions, anshin_mock_sessions, G_TYPE_OBJECT)

static void
session_free (gpointer data)
{
  Session *session = data;

  g_free (session->member_id);
  g_free (session->refresh_token);
  g_free (session);
}

static void
refresh_token_free (gpointer data)
{
  RefreshToken *token = data;

  g_free (token->member_id);
  g_free (token);
}

static char *
random_token (const char *prefix)
{
  g_autofree char *a = g_uuid_string_random ();
  g_autofree char *b = g_uuid_string_random ();

  return g_strconcat (prefix, a, b, NULL);
}

/* Forgets expired sessions and tokens, so that a long demo stays small. */
static void
prune (AnshinMockSessions *self,
       gint64              now)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->sessions);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      Session *session = value;

      if (now >= session->last_used + ANSHIN_MOCK_SESSION_LIFETIME)
        g_hash_table_iter_remove (&iter);
    }

  g_hash_table_iter_init (&iter, self->refresh_tokens);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      RefreshToken *token = value;

      if (now >= token->expires_at)
        g_hash_table_iter_remove (&iter);
    }

  /* made-up member ids must not grow this without bound */
  if (g_hash_table_size (self->login_failures) > 10000)
    g_hash_table_remove_all (self->login_failures);
}

static void
anshin_mock_sessions_finalize (GObject *object)
{
  AnshinMockSessions *self = (AnshinMockSessions *)object;

  g_clear_pointer (&self->sessions, g_hash_table_unref);
  g_clear_pointer (&self->refresh_tokens, g_hash_table_unref);
  g_clear_pointer (&self->login_failures, g_hash_table_unref);

  G_OBJECT_CLASS (anshin_mock_sessions_parent_class)->finalize (object);
}

static void
anshin_mock_sessions_class_init (AnshinMockSessionsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = anshin_mock_sessions_finalize;
}

static void
anshin_mock_sessions_init (AnshinMockSessions *self)
{
  self->sessions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, session_free);
  self->refresh_tokens = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, refresh_token_free);
  self->login_failures = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                (GDestroyNotify)g_array_unref);
}

AnshinMockSessions *
anshin_mock_sessions_new (void)
{
  return g_object_new (ANSHIN_TYPE_MOCK_SESSIONS, NULL);
}

/**
 * anshin_mock_sessions_clear:
 * @self: a #AnshinMockSessions
 *
 * Forgets every session, refresh token and failed sign-in.
 */
void
anshin_mock_sessions_clear (AnshinMockSessions *self)
{
  g_return_if_fail (ANSHIN_IS_MOCK_SESSIONS (self));

  g_hash_table_remove_all (self->sessions);
  g_hash_table_remove_all (self->refresh_tokens);
  g_hash_table_remove_all (self->login_failures);
}

/**
 * anshin_mock_sessions_create:
 * @self: a #AnshinMockSessions
 * @member_id: the member signing in
 * @now: issuer time, unix seconds
 * @out_session_id: (out) (transfer full): the cookie value
 * @out_refresh_token: (out) (transfer full): the refresh token
 * @out_expires_at: (out): when the session expires unless used
 */
void
anshin_mock_sessions_create (AnshinMockSessions  *self,
                             const char          *member_id,
                             gint64               now,
                             char               **out_session_id,
                             char               **out_refresh_token,
                             gint64              *out_expires_at)
{
  Session *session = g_new0 (Session, 1);
  RefreshToken *token = g_new0 (RefreshToken, 1);
  char *session_id = random_token ("s_");

  g_return_if_fail (ANSHIN_IS_MOCK_SESSIONS (self));

  prune (self, now);
  session->member_id = g_strdup (member_id);
  session->refresh_token = random_token ("rt_");
  session->last_used = now;
  token->member_id = g_strdup (member_id);
  token->expires_at = now + ANSHIN_MOCK_REFRESH_LIFETIME;

  g_hash_table_replace (self->refresh_tokens, g_strdup (session->refresh_token), token);
  g_hash_table_replace (self->sessions, g_strdup (session_id), session);
  g_hash_table_remove (self->login_failures, member_id);

  *out_session_id = session_id;
  *out_refresh_token = g_strdup (session->refresh_token);
  *out_expires_at = now + ANSHIN_MOCK_SESSION_LIFETIME;
}

/**
 * anshin_mock_sessions_touch:
 * @self: a #AnshinMockSessions
 * @session_id: the cookie value
 * @now: issuer time, unix seconds
 * @out_member_id: (out) (transfer none) (optional): the session's member
 * @out_expires_at: (out) (optional): the new expiry
 *
 * Looks up a session and, if it is valid, extends it.
 *
 * Returns: whether the session is valid, unknown or expired
 */
AnshinMockSessionStatus
anshin_mock_sessions_touch (AnshinMockSessions  *self,
                            const char          *session_id,
                            gint64               now,
                            const char         **out_member_id,
                            gint64              *out_expires_at)
{
  Session *session;

  g_return_val_if_fail (ANSHIN_IS_MOCK_SESSIONS (self), ANSHIN_MOCK_SESSION_UNKNOWN);

  session = g_hash_table_lookup (self->sessions, session_id);
  if (session == NULL)
    return ANSHIN_MOCK_SESSION_UNKNOWN;

  if (now >= session->last_used + ANSHIN_MOCK_SESSION_LIFETIME)
    return ANSHIN_MOCK_SESSION_EXPIRED;

  session->last_used = MAX (session->last_used, now);
  if (out_member_id != NULL)
    *out_member_id = session->member_id;
  if (out_expires_at != NULL)
    *out_expires_at = session->last_used + ANSHIN_MOCK_SESSION_LIFETIME;

  return ANSHIN_MOCK_SESSION_VALID;
}

/**
 * anshin_mock_sessions_refresh:
 * @self: a #AnshinMockSessions
 * @refresh_token: a refresh token
 * @now: issuer time, unix seconds
 * @out_session_id: (out) (transfer full): the new cookie value
 * @out_refresh_token: (out) (transfer full): the new refresh token
 * @out_expires_at: (out): when the new session expires unless used
 * @out_member_id: (out) (transfer full): the member
 *
 * Returns: %FALSE if @refresh_token is unknown, expired, used or revoked
 */
gboolean
anshin_mock_sessions_refresh (AnshinMockSessions  *self,
                              const char          *refresh_token,
                              gint64               now,
                              char               **out_session_id,
                              char               **out_refresh_token,
                              gint64              *out_expires_at,
                              char               **out_member_id)
{
  RefreshToken *token;
  g_autofree char *member_id = NULL;

  g_return_val_if_fail (ANSHIN_IS_MOCK_SESSIONS (self), FALSE);

  token = g_hash_table_lookup (self->refresh_tokens, refresh_token);
  if (token == NULL)
    return FALSE;

  if (now >= token->expires_at)
    {
      g_hash_table_remove (self->refresh_tokens, refresh_token);
      return FALSE;
    }

  member_id = g_strdup (token->member_id);
  g_hash_table_remove (self->refresh_tokens, refresh_token);
  anshin_mock_sessions_create (self, member_id, now, out_session_id, out_refresh_token, out_expires_at);
  *out_member_id = g_steal_pointer (&member_id);

  return TRUE;
}

/**
 * anshin_mock_sessions_delete:
 * @self: a #AnshinMockSessions
 * @session_id: the cookie value
 *
 * Signs out: the session and its refresh token stop working.
 */
void
anshin_mock_sessions_delete (AnshinMockSessions *self,
                             const char         *session_id)
{
  Session *session;

  g_return_if_fail (ANSHIN_IS_MOCK_SESSIONS (self));

  session = g_hash_table_lookup (self->sessions, session_id);
  if (session == NULL)
    return;

  g_hash_table_remove (self->refresh_tokens, session->refresh_token);
  g_hash_table_remove (self->sessions, session_id);
}

static GArray *
recent_login_failures (AnshinMockSessions *self,
                       const char         *member_id,
                       gint64              now)
{
  GArray *failures = g_hash_table_lookup (self->login_failures, member_id);

  for (guint i = failures != NULL ? failures->len : 0; i > 0; i--)
    {
      if (g_array_index (failures, gint64, i - 1) <= now - ANSHIN_MOCK_LOGIN_WINDOW)
        g_array_remove_index (failures, i - 1);
    }

  return failures;
}

/**
 * anshin_mock_sessions_login_blocked:
 * @self: a #AnshinMockSessions
 * @member_id: who tries to sign in
 * @now: issuer time, unix seconds
 *
 * Returns: seconds until signing in is allowed again, or 0 if it is now
 */
gint64
anshin_mock_sessions_login_blocked (AnshinMockSessions *self,
                                    const char         *member_id,
                                    gint64              now)
{
  GArray *failures = recent_login_failures (self, member_id, now);

  if (failures == NULL || failures->len < ANSHIN_MOCK_LOGIN_MAX_FAILURES)
    return 0;

  return g_array_index (failures, gint64, failures->len - ANSHIN_MOCK_LOGIN_MAX_FAILURES) +
         ANSHIN_MOCK_LOGIN_WINDOW - now;
}

void
anshin_mock_sessions_login_failed (AnshinMockSessions *self,
                                   const char         *member_id,
                                   gint64              now)
{
  GArray *failures = recent_login_failures (self, member_id, now);

  if (failures == NULL)
    {
      if (g_hash_table_size (self->login_failures) > 10000)
        g_hash_table_remove_all (self->login_failures);
      failures = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_hash_table_replace (self->login_failures, g_strdup (member_id), failures);
    }

  g_array_append_val (failures, now);
}

/**
 * anshin_mock_sessions_save:
 * @self: a #AnshinMockSessions
 *
 * Returns: (transfer full): the sessions and refresh tokens, so that a
 *   restarted issuer still knows who is signed in
 */
JsonObject *
anshin_mock_sessions_save (AnshinMockSessions *self)
{
  JsonObject *saved = json_object_new ();
  JsonArray *sessions = json_array_new ();
  JsonArray *tokens = json_array_new ();
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (ANSHIN_IS_MOCK_SESSIONS (self), NULL);

  g_hash_table_iter_init (&iter, self->sessions);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      Session *session = value;
      JsonObject *entry = json_object_new ();

      json_object_set_string_member (entry, "id", key);
      json_object_set_string_member (entry, "member_id", session->member_id);
      json_object_set_string_member (entry, "refresh_token", session->refresh_token);
      json_object_set_int_member (entry, "last_used", session->last_used);
      json_array_add_object_element (sessions, entry);
    }

  g_hash_table_iter_init (&iter, self->refresh_tokens);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      RefreshToken *token = value;
      JsonObject *entry = json_object_new ();

      json_object_set_string_member (entry, "token", key);
      json_object_set_string_member (entry, "member_id", token->member_id);
      json_object_set_int_member (entry, "expires_at", token->expires_at);
      json_array_add_object_element (tokens, entry);
    }

  json_object_set_array_member (saved, "sessions", sessions);
  json_object_set_array_member (saved, "refresh_tokens", tokens);

  return saved;
}

static gboolean
has_string (JsonObject *object,
            const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

static gboolean
has_int (JsonObject *object,
         const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64;
}

static gboolean
restore_sessions (AnshinMockSessions *self,
                  JsonArray          *array)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      JsonObject *entry;
      Session *session;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return FALSE;
      entry = json_node_get_object (node);
      if (!has_string (entry, "id") || !has_string (entry, "member_id") ||
          !has_string (entry, "refresh_token") || !has_int (entry, "last_used"))
        return FALSE;

      session = g_new0 (Session, 1);
      session->member_id = g_strdup (json_object_get_string_member (entry, "member_id"));
      session->refresh_token = g_strdup (json_object_get_string_member (entry, "refresh_token"));
      session->last_used = json_object_get_int_member (entry, "last_used");
      g_hash_table_replace (self->sessions, g_strdup (json_object_get_string_member (entry, "id")), session);
    }

  return TRUE;
}

static gboolean
restore_tokens (AnshinMockSessions *self,
                JsonArray          *array)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      JsonObject *entry;
      RefreshToken *token;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return FALSE;
      entry = json_node_get_object (node);
      if (!has_string (entry, "token") || !has_string (entry, "member_id") || !has_int (entry, "expires_at"))
        return FALSE;

      token = g_new0 (RefreshToken, 1);
      token->member_id = g_strdup (json_object_get_string_member (entry, "member_id"));
      token->expires_at = json_object_get_int_member (entry, "expires_at");
      g_hash_table_replace (self->refresh_tokens, g_strdup (json_object_get_string_member (entry, "token")), token);
    }

  return TRUE;
}

/**
 * anshin_mock_sessions_restore:
 * @self: a #AnshinMockSessions
 * @saved: what anshin_mock_sessions_save() returned
 *
 * Returns: %FALSE, leaving @self empty, if @saved is not complete
 */
gboolean
anshin_mock_sessions_restore (AnshinMockSessions *self,
                              JsonObject         *saved)
{
  JsonNode *sessions = json_object_get_member (saved, "sessions");
  JsonNode *tokens = json_object_get_member (saved, "refresh_tokens");

  g_return_val_if_fail (ANSHIN_IS_MOCK_SESSIONS (self), FALSE);

  anshin_mock_sessions_clear (self);
  if (sessions == NULL || !JSON_NODE_HOLDS_ARRAY (sessions) ||
      tokens == NULL || !JSON_NODE_HOLDS_ARRAY (tokens) ||
      !restore_sessions (self, json_node_get_array (sessions)) ||
      !restore_tokens (self, json_node_get_array (tokens)))
    {
      anshin_mock_sessions_clear (self);
      return FALSE;
    }

  return TRUE;
}
