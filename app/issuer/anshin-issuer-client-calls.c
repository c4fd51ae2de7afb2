/* anshin-issuer-client-calls.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One _async/_finish pair per call of ISSUER-API.md (sessions, card,
 * payment methods, programmes, notices, charge cards, charges, events).
 * Each maps its answer to app/core objects with anshin-issuer-json.h.
 */

#include "config.h"

#include "anshin-core-enum-types.h"
#include "anshin-enum-util.h"

#include "anshin-issuer-client-private.h"
#include "anshin-issuer-json.h"

typedef struct {
  AnshinIssuerMapFunc map_func;
  GDestroyNotify      result_free;
} CallData;

static gpointer
map_nothing (JsonNode  *root,
             GError   **error)
{
  return GINT_TO_POINTER (TRUE);
}

static gpointer
map_root (JsonNode  *root,
          GError   **error)
{
  return json_node_ref (root);
}

static void
on_call_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CallData *data = g_task_get_task_data (task);
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  gpointer value;

  root = anshin_issuer_client_request_finish (ANSHIN_ISSUER_CLIENT (object), result, NULL, &error);
  if (error != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (root == NULL && data->map_func != map_nothing)
    {
      g_task_return_new_error (task, ANSHIN_ISSUER_ERROR, ANSHIN_ISSUER_ERROR_PROTOCOL,
                               "the answer has no body");
      return;
    }

  value = data->map_func (root, &error);
  if (value == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, value, data->result_free);
}

void
anshin_issuer_client_call (AnshinIssuerClient  *self,
                           gpointer             source_tag,
                           const char          *method,
                           const char          *path,
                           JsonNode            *body,
                           const char          *idempotency_key,
                           AnshinIssuerMapFunc  map_func,
                           GDestroyNotify       result_free,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  CallData *data;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);

  data = g_new0 (CallData, 1);
  data->map_func = map_func != NULL ? map_func : map_nothing;
  data->result_free = result_free;
  g_task_set_task_data (task, data, g_free);

  anshin_issuer_client_request_async (self, method, path, body, idempotency_key,
                                      REQUEST_DEFAULT, cancellable, on_call_cb,
                                      g_steal_pointer (&task));
}

gpointer
anshin_issuer_client_call_finish (AnshinIssuerClient  *self,
                                  GAsyncResult        *result,
                                  gpointer             source_tag,
                                  GError             **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static gboolean
call_finish_boolean (AnshinIssuerClient  *self,
                     GAsyncResult        *result,
                     gpointer             source_tag,
                     GError             **error)
{
  return anshin_issuer_client_call_finish (self, result, source_tag, error) != NULL;
}

static JsonNode *
body_from_builder (JsonBuilder *builder)
{
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/* Sessions */

static void
on_session_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  AnshinIssuerClient *self = ANSHIN_ISSUER_CLIENT (object);
  g_autoptr(GTask) task = user_data;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(AnshinIssuerSession) session = NULL;
  g_autoptr(GError) error = NULL;

  root = anshin_issuer_client_request_finish (self, result, NULL, &error);
  if (root != NULL)
    session = anshin_issuer_json_to_session (root, &error);
  else if (error == NULL)
    error = g_error_new_literal (ANSHIN_ISSUER_ERROR, ANSHIN_ISSUER_ERROR_PROTOCOL,
                                 "empty session answer");

  if (session == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  anshin_issuer_client_apply_session (self, session);
  g_task_return_pointer (task, g_steal_pointer (&session),
                         (GDestroyNotify)anshin_issuer_session_free);
}

/**
 * anshin_issuer_client_sign_in_async:
 * @member_id: the member ID
 * @password: the password; sent to the issuer, never kept
 *
 * Signs in. The session's refresh token is announced with
 * #AnshinIssuerClient::refresh-token-changed (and returned).
 */
void
anshin_issuer_client_sign_in_async (AnshinIssuerClient  *self,
                                    const char          *member_id,
                                    const char          *password,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (ANSHIN_IS_ISSUER_CLIENT (self));
  g_return_if_fail (member_id != NULL && password != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, anshin_issuer_client_sign_in_async);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "member_id");
  json_builder_add_string_value (builder, member_id);
  json_builder_set_member_name (builder, "password");
  json_builder_add_string_value (builder, password);
  body = body_from_builder (builder);

  anshin_issuer_client_request_async (self, "POST", "v1/session", body, NULL, REQUEST_NO_REFRESH,
                                      cancellable, on_session_cb, g_steal_pointer (&task));
}

/**
 * anshin_issuer_client_sign_in_finish:
 *
 * Returns: (transfer full) (nullable): the session grant
 */
AnshinIssuerSession *
anshin_issuer_client_sign_in_finish (AnshinIssuerClient  *self,
                                     GAsyncResult        *result,
                                     GError             **error)
{
  return anshin_issuer_client_call_finish (self, result, anshin_issuer_client_sign_in_async, error);
}

/**
 * anshin_issuer_client_resume_async:
 * @refresh_token: a refresh token from the keyring
 *
 * Resumes a session with a stored refresh token (which the issuer rotates:
 * see #AnshinIssuerClient::refresh-token-changed).
 */
void
anshin_issuer_client_resume_async (AnshinIssuerClient  *self,
                                   const char          *refresh_token,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (ANSHIN_IS_ISSUER_CLIENT (self));
  g_return_if_fail (refresh_token != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, anshin_issuer_client_resume_async);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "refresh_token");
  json_builder_add_string_value (builder, refresh_token);
  body = body_from_builder (builder);

  anshin_issuer_client_request_async (self, "POST", "v1/session/refresh", body, NULL,
                                      REQUEST_NO_REFRESH, cancellable, on_session_cb,
                                      g_steal_pointer (&task));
}

/**
 * anshin_issuer_client_resume_finish:
 *
 * Returns: (transfer full) (nullable): the session grant; a refused token
 *   is %ANSHIN_ISSUER_ERROR_SIGNED_OUT
 */
AnshinIssuerSession *
anshin_issuer_client_resume_finish (AnshinIssuerClient  *self,
                                    GAsyncResult        *result,
                                    GError             **error)
{
  return anshin_issuer_client_call_finish (self, result, anshin_issuer_client_resume_async, error);
}

static void
on_sign_out_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  AnshinIssuerClient *self = ANSHIN_ISSUER_CLIENT (object);
  g_autoptr(GTask) task = user_data;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;

  root = anshin_issuer_client_request_finish (self, result, NULL, &error);

  /* Whatever the issuer said, this client is signed out now. */
  anshin_issuer_client_forget_session (self);

  if (error != NULL && !g_error_matches (error, ANSHIN_ISSUER_ERROR,
                                         ANSHIN_ISSUER_ERROR_SIGNED_OUT))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, GINT_TO_POINTER (TRUE), NULL);
}

/**
 * anshin_issuer_client_sign_out_async:
 *
 * Ends the session and revokes its refresh token at the issuer. The client
 * forgets the session even when the issuer cannot be reached (the error
 * then says so).
 */
void
anshin_issuer_client_sign_out_async (AnshinIssuerClient  *self,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (ANSHIN_IS_ISSUER_CLIENT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, anshin_issuer_client_sign_out_async);

  anshin_issuer_client_request_async (self, "DELETE", "v1/session", NULL, NULL,
                                      REQUEST_NO_REFRESH, cancellable, on_sign_out_cb,
                                      g_steal_pointer (&task));
}

gboolean
anshin_issuer_client_sign_out_finish (AnshinIssuerClient  *self,
                                      GAsyncResult        *result,
                                      GError             **error)
{
  return call_finish_boolean (self, result, anshin_issuer_client_sign_out_async, error);
}

/* Issuer */

/**
 * anshin_issuer_client_get_issuer_async:
 *
 * `GET /v1/issuer`: how the issuer names itself and its support desk. No
 * session is needed.
 */
void
anshin_issuer_client_get_issuer_async (AnshinIssuerClient  *self,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_return_if_fail (ANSHIN_IS_ISSUER_CLIENT (self));

  anshin_issuer_client_call (self, anshin_issuer_client_get_issuer_async, "GET", "v1/issuer",
                             NULL, NULL, (AnshinIssuerMapFunc)anshin_issuer_json_to_issuer_info,
                             g_object_unref, cancellable, callback, user_data);
}

/**
 * anshin_issuer_client_get_issuer_finish:
 *
 * Returns: (transfer full) (nullable): the issuer's names and support desk
 */
AnshinIssuerInfo *
anshin_issuer_client_get_issuer_finish (AnshinIssuerClient  *self,
                                        GAsyncResult        *result,
                                        GError             **error)
{
  return anshin_issuer_client_call_finish (self, result, anshin_issuer_client_get_issuer_async,
                                           error);
}

/* Card */

void
anshin_issuer_client_get_card_async (AnshinIssuerClient  *self,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_return_if_fail (ANSHIN_IS_ISSUER_CLIENT (self));

  anshin_issuer_client_call (self, anshin_issuer_client_get_card_async, "GET", "v1/card",
                             NULL, NULL, (AnshinIssuerMapFunc)anshin_issuer_json_to_card,
                             g_object_unref, cancellable, callback, user_data);
}

/**
 * anshin_issuer_client_get_card_finish:
 *
 * Returns: (transfer full) (nullable): the card
 */
AnshinCard *
anshin_issuer_client_get_card_finish (AnshinIssuerClient  *self,
                                      GAsyncResult        *result,
                                      GError             **error)
{
  return anshin_issuer_client_call_finish (self, result, anshin_issuer_client_get_card_async,
                                           error);
}

/**
 * anshin_issuer_client_set_card_frozen_async:
 * @frozen: %TRUE to freeze the card, %FALSE to make it active again
 */
void
anshin_issuer_client_set_card_frozen_async (AnshinIssuerClient  *self,
                                            gboolean             frozen,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) body = NULL;

  g_return_if_fail (ANSHIN_IS_ISSUER_CLIENT (self));

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "state");
  json_builder_add_string_value (builder, frozen ? "frozen" : "active");
  body = body_from_builder (builder);

  anshin_issuer_client_call (self, anshin_issuer_client_set_card_frozen_async, "PATCH",
                             "v1/card", body, NULL,
                             (AnshinIssuerMapFunc)anshin_issuer_json_to_card,
                             g_object_unref, cancellable, callback, user_data);
}

/**
 * anshin_issuer_client_set_card_frozen_finish:
 *
 * Returns: (transfer full) (nullable): the card as it is now; a change the
 *   card's state does not allow is %ANSHIN_ISSUER_ERROR_CONFLICT
 */
AnshinCard *
anshin_issuer_client_set_card_frozen_finish (AnshinIssuerClient  *self,
                                             GAsyncResult        *result,
                                             GError             **error)
{
  return anshin_issuer_client_call_finish (self, result,
                                           anshin_issuer_client_set_card_frozen_async, error);
}

/**
 * anshin_issuer_client_reissue_async:
 * @new_number: whether the card gets a new number
 * @reason: why
 * @idempotency_key: one key per confirmation by the holder; pass the same
 *   key to retry after a failure so that one reissue is made at most
 */
void
anshin_issuer_client_reissue_async (AnshinIssuerClient  *self,
                                    gboolean             new_number,
                                    AnshinReissueReason  reason,
                                    const char          *idempotency_key,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) body = NULL;

  g_return_if_fail (ANSHIN_IS_ISSUER_CLIENT (self));
  g_return_if_fail (idempotency_key != NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "new_number");
  json_builder_add_boolean_value (builder, new_number);
  json_builder_set_member_name (builder, "reason");
  json_builder_add_string_value (builder, anshin_enum_to_api (ANSHIN_TYPE_REISSUE_REASON, reason));
  body = body_from_builder (builder);

  anshin_issuer_client_call (self, anshin_issuer_client_reissue_async, "POST",
                             "v1/card/reissue", body, idempotency_key,
                             map_root,
                             (GDestroyNotify)json_node_unref, cancellable, callback, user_data);
}

/**
 * anshin_issuer_client_reissue_finish:
 * @card: the card whose reissue parts are updated from the answer
 *
 * Returns: %TRUE if the reissue was started
 */
gboolean
anshin_issuer_client_reissue_finish (AnshinIssuerClient  *self,
                                     GAsyncResult        *result,
                                     AnshinCard          *card,
                                     GError             **error)
{
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (ANSHIN_IS_CARD (card), FALSE);

  root = anshin_issuer_client_call_finish (self, result, anshin_issuer_client_reissue_async,
                                           error);
  if (root == NULL)
    return FALSE;

  return anshin_issuer_json_to_reissue (root, card, error);
}

/* Lists */

#define DEFINE_LIST_CALL(name, path_literal, map)                                          \
void                                                                                        \
anshin_issuer_client_##name##_async (AnshinIssuerClient  *self,                             \
                                     GCancellable        *cancellable,                      \
                                     GAsyncReadyCallback  callback,                         \
                                     gpointer             user_data)                        \
{                                                                                           \
  g_return_if_fail (ANSHIN_IS_ISSUER_CLIENT (self));                                        \
  anshin_issuer_client_call (self, anshin_issuer_client_##name##_async, "GET", path_literal, \
                             NULL, NULL, (AnshinIssuerMapFunc)map,                          \
                             (GDestroyNotify)g_ptr_array_unref,                             \
                             cancellable, callback, user_data);                             \
}                                                                                           \
                                                                                            \
GPtrArray *                                                                                 \
anshin_issuer_client_##name##_finish (AnshinIssuerClient  *self,                            \
                                      GAsyncResult        *result,                          \
                                      GError             **error)                           \
{                                                                                           \
  return anshin_issuer_client_call_finish (self, result,                                    \
                                           anshin_issuer_client_##name##_async, error);     \
}

DEFINE_LIST_CALL (list_payment_methods, "v1/card/networks", anshin_issuer_json_to_payment_methods)
DEFINE_LIST_CALL (list_programs, "v1/programs", anshin_issuer_json_to_programs)
DEFINE_LIST_CALL (list_charge_cards, "v1/charge-cards", anshin_issuer_json_to_charge_cards)
DEFINE_LIST_CALL (list_charges, "v1/charges", anshin_issuer_json_to_charges)

/**
 * anshin_issuer_client_list_notices_async:
 * @after: (nullable): only the notices newer than the one with this id
 */
void
anshin_issuer_client_list_notices_async (AnshinIssuerClient  *self,
                                         const char          *after,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  g_autofree char *path = NULL;

  g_return_if_fail (ANSHIN_IS_ISSUER_CLIENT (self));

  if (after != NULL)
    {
      g_autofree char *escaped = g_uri_escape_string (after, NULL, FALSE);

      path = g_strdup_printf ("v1/notices?after=%s", escaped);
    }
  else
    path = g_strdup ("v1/notices");

  anshin_issuer_client_call (self, anshin_issuer_client_list_notices_async, "GET", path,
                             NULL, NULL, (AnshinIssuerMapFunc)anshin_issuer_json_to_notices,
                             (GDestroyNotify)g_ptr_array_unref, cancellable, callback, user_data);
}

/**
 * anshin_issuer_client_list_notices_finish:
 *
 * Returns: (transfer full) (element-type AnshinNotice) (nullable): newest first
 */
GPtrArray *
anshin_issuer_client_list_notices_finish (AnshinIssuerClient  *self,
                                          GAsyncResult        *result,
                                          GError             **error)
{
  return anshin_issuer_client_call_finish (self, result, anshin_issuer_client_list_notices_async,
                                           error);
}

/**
 * anshin_issuer_client_list_transactions_async:
 * @before: (nullable): page back from this transaction (a page's
 *   `next_before`); %NULL for the newest
 * @limit: at most this many, 1 to 200; 0 for the issuer's default (50)
 *
 * Fetches one page of the card's activity, newest first.
 */
void
anshin_issuer_client_list_transactions_async (AnshinIssuerClient  *self,
                                              const char          *before,
                                              guint                limit,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data)
{
  g_autoptr(GString) path = g_string_new ("v1/transactions");
  char separator = '?';

  g_return_if_fail (ANSHIN_IS_ISSUER_CLIENT (self));
  g_return_if_fail (limit <= ANSHIN_ISSUER_TRANSACTIONS_LIMIT_MAX);

  if (before != NULL)
    {
      g_autofree char *escaped = g_uri_escape_string (before, NULL, FALSE);

      g_string_append_printf (path, "%cbefore=%s", separator, escaped);
      separator = '&';
    }
  if (limit > 0)
    g_string_append_printf (path, "%climit=%u", separator, limit);

  anshin_issuer_client_call (self, anshin_issuer_client_list_transactions_async, "GET", path->str,
                             NULL, NULL, (AnshinIssuerMapFunc)anshin_issuer_json_to_transaction_page,
                             (GDestroyNotify)anshin_transaction_page_free, cancellable, callback,
                             user_data);
}

/**
 * anshin_issuer_client_list_transactions_finish:
 *
 * Returns: (transfer full) (nullable): the page: its AnshinTransactions
 *   newest first, and the id to page back from (%NULL on the last page)
 */
AnshinTransactionPage *
anshin_issuer_client_list_transactions_finish (AnshinIssuerClient  *self,
                                               GAsyncResult        *result,
                                               GError             **error)
{
  return anshin_issuer_client_call_finish (self, result, anshin_issuer_client_list_transactions_async,
                                           error);
}

static char *
path_with_id (const char *format,
              const char *id)
{
  g_autofree char *escaped = g_uri_escape_string (id, NULL, FALSE);

  return g_strdup_printf (format, escaped);
}

void
anshin_issuer_client_mark_notice_read_async (AnshinIssuerClient  *self,
                                             const char          *notice_id,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data)
{
  g_autofree char *path = NULL;

  g_return_if_fail (ANSHIN_IS_ISSUER_CLIENT (self));
  g_return_if_fail (notice_id != NULL);

  path = path_with_id ("v1/notices/%s/read", notice_id);
  anshin_issuer_client_call (self, anshin_issuer_client_mark_notice_read_async, "POST", path,
                             NULL, NULL, NULL, NULL, cancellable, callback, user_data);
}

gboolean
anshin_issuer_client_mark_notice_read_finish (AnshinIssuerClient  *self,
                                              GAsyncResult        *result,
                                              GError             **error)
{
  return call_finish_boolean (self, result, anshin_issuer_client_mark_notice_read_async, error);
}

void
anshin_issuer_client_delete_charge_card_async (AnshinIssuerClient  *self,
                                               const char          *charge_card_id,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data)
{
  g_autofree char *path = NULL;

  g_return_if_fail (ANSHIN_IS_ISSUER_CLIENT (self));
  g_return_if_fail (charge_card_id != NULL);

  path = path_with_id ("v1/charge-cards/%s", charge_card_id);
  anshin_issuer_client_call (self, anshin_issuer_client_delete_charge_card_async, "DELETE", path,
                             NULL, NULL, NULL, NULL, cancellable, callback, user_data);
}

gboolean
anshin_issuer_client_delete_charge_card_finish (AnshinIssuerClient  *self,
                                                GAsyncResult        *result,
                                                GError             **error)
{
  return call_finish_boolean (self, result, anshin_issuer_client_delete_charge_card_async, error);
}
