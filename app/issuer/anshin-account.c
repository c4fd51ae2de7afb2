/* anshin-account.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The signed-in card and everything the views bind to: one AnshinCard
 * updated in place, list models of payment methods, notices (newest first,
 * with an unread count), programmes and charge cards. The account owns the
 * issuer client; it signs in and out, resumes a session from the keyring
 * on start, keeps the keyring in step with the issuer's rotating refresh
 * tokens, refreshes the models and writes the offline cache after each
 * good refresh. When the issuer cannot be reached it keeps (or loads) the
 * last known state, says "as of" when, and tries again by itself until the
 * issuer is back. Live events are in anshin-account-events.c.
 */

#include "config.h"

#include "anshin-account-private.h"
#include "anshin-issuer-cache.h"
#include "anshin-issuer-secret.h"

#define DEFAULT_POLL_MS (60 * 1000)

G_DEFINE_FINAL_TYPE (AnshinAccount, anshin_account, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_CARD,
  PROP_HAS_CARD,
  PROP_PAYMENT_METHODS,
  PROP_NOTICES,
  PROP_PROGRAMS,
  PROP_CHARGE_CARDS,
  PROP_UNREAD_COUNT,
  PROP_SIGNED_IN,
  PROP_ONLINE,
  PROP_LIVE,
  PROP_AS_OF,
  N_PROPS
};

enum {
  NOTICE_ADDED,
  REMEMBER_FAILED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
set_boolean (AnshinAccount *self,
             gboolean      *field,
             gboolean       value,
             guint          prop_id)
{
  value = !!value;
  if (*field == value)
    return;

  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

/* Keyring */

static void secret_kick             (AnshinAccount *self);
static void secret_resolve_waiters  (AnshinAccount *self);

static void
on_secret_done_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(AnshinAccount) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean store = g_task_get_source_tag (G_TASK (result)) == anshin_issuer_secret_store_async;

  if (store)
    anshin_issuer_secret_store_finish (result, &error);
  else
    anshin_issuer_secret_clear_finish (result, &error);

  /* The session goes on without the keyring; the next start asks again.
   * A failed store says so (remember-failed); a failed clear is kept for
   * the sign-out to report (and retry). */
  g_clear_error (&self->secret_error);
  if (error != NULL)
    {
      g_debug ("Keyring update failed: %s", error->message);
      self->secret_error = g_error_copy (error);
      if (store)
        g_signal_emit (self, signals[REMEMBER_FAILED], 0, error);
    }

  self->secret_busy = FALSE;
  secret_kick (self);
}

static void
secret_resolve_waiters (AnshinAccount *self)
{
  g_autoptr(GPtrArray) waiters = g_steal_pointer (&self->secret_waiters);

  self->secret_waiters = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < waiters->len; i++)
    g_task_return_boolean (g_ptr_array_index (waiters, i), TRUE);
}

/* One keyring operation at a time, always for the latest token: two
 * stores racing could leave an older (already rotated) token behind. */
static void
secret_kick (AnshinAccount *self)
{
  const char *url = anshin_issuer_client_get_base_url (self->client);

  if (self->secret_busy)
    return;

  /* Nothing (more) to write, no member to write it for, or a sign-in
   * that is not to be remembered */
  if (!self->secret_dirty || self->member_id == NULL || self->forget_sign_in)
    {
      self->secret_dirty = FALSE;
      secret_resolve_waiters (self);
      return;
    }

  self->secret_busy = TRUE;
  self->secret_dirty = FALSE;

  if (self->wanted_token != NULL)
    anshin_issuer_secret_store_async (url, self->member_id, self->wanted_token, NULL,
                                      on_secret_done_cb, g_object_ref (self));
  else
    anshin_issuer_secret_clear_async (url, self->member_id, NULL, on_secret_done_cb,
                                      g_object_ref (self));
}

/* Completes @task once the keyring holds what the client holds. */
void
anshin_account_secret_sync (AnshinAccount *self,
                            GTask         *task)
{
  if (!self->secret_busy && !self->secret_dirty)
    {
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
      return;
    }

  g_ptr_array_add (self->secret_waiters, task);
}

void
anshin_account_set_member_id (AnshinAccount *self,
                              const char    *member_id)
{
  if (member_id == NULL || g_strcmp0 (self->member_id, member_id) == 0)
    return;

  g_free (self->member_id);
  self->member_id = g_strdup (member_id);
  secret_kick (self);
}

void
anshin_account_note_token (AnshinAccount *self,
                           const char    *token)
{
  anshin_account_set_member_id (self, anshin_issuer_client_get_member_id (self->client));

  g_free (self->wanted_token);
  self->wanted_token = g_strdup (token);
  self->secret_dirty = TRUE;
  secret_kick (self);
}

static void
on_client_signed_in_changed_cb (AnshinIssuerClient *client,
                                GParamSpec         *pspec,
                                AnshinAccount      *self)
{
  if (!anshin_issuer_client_get_signed_in (client))
    anshin_account_events_stop (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIGNED_IN]);
}

void
anshin_account_set_online (AnshinAccount *self,
                           gboolean       online)
{
  set_boolean (self, &self->online, online, PROP_ONLINE);
}

void
anshin_account_set_live (AnshinAccount *self,
                         gboolean       live)
{
  set_boolean (self, &self->live, live, PROP_LIVE);
}

void
anshin_account_notify_signed_in (AnshinAccount *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIGNED_IN]);
}

AccountEvents *
anshin_account_peek_events (AnshinAccount *self)
{
  return &self->events;
}

static void
anshin_account_constructed (GObject *object)
{
  AnshinAccount *self = (AnshinAccount *)object;

  G_OBJECT_CLASS (anshin_account_parent_class)->constructed (object);

  g_signal_connect_object (self->client, "refresh-token-changed",
                           G_CALLBACK (anshin_account_note_token), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->client, "notify::signed-in",
                           G_CALLBACK (on_client_signed_in_changed_cb), self, 0);
  anshin_account_set_member_id (self, anshin_issuer_client_get_member_id (self->client));
}

static void
anshin_account_dispose (GObject *object)
{
  AnshinAccount *self = (AnshinAccount *)object;

  g_cancellable_cancel (self->cancellable);
  anshin_account_events_stop (self);
  g_clear_handle_id (&self->recover_source, g_source_remove);

  G_OBJECT_CLASS (anshin_account_parent_class)->dispose (object);
}

static void
anshin_account_finalize (GObject *object)
{
  AnshinAccount *self = (AnshinAccount *)object;

  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);
  g_clear_object (&self->card);
  g_clear_object (&self->payment_methods);
  g_clear_object (&self->notices);
  g_clear_object (&self->programs);
  g_clear_object (&self->charge_cards);
  g_clear_pointer (&self->as_of, g_date_time_unref);
  g_clear_pointer (&self->member_id, g_free);
  g_clear_pointer (&self->resume_token, g_free);
  g_clear_pointer (&self->wanted_token, g_free);
  g_clear_pointer (&self->secret_waiters, g_ptr_array_unref);
  g_clear_error (&self->secret_error);

  G_OBJECT_CLASS (anshin_account_parent_class)->finalize (object);
}

static void
anshin_account_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  AnshinAccount *self = ANSHIN_ACCOUNT (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;
    case PROP_CARD:
      g_value_set_object (value, self->card);
      break;
    case PROP_HAS_CARD:
      g_value_set_boolean (value, self->has_card);
      break;
    case PROP_PAYMENT_METHODS:
      g_value_set_object (value, self->payment_methods);
      break;
    case PROP_NOTICES:
      g_value_set_object (value, self->notices);
      break;
    case PROP_PROGRAMS:
      g_value_set_object (value, self->programs);
      break;
    case PROP_CHARGE_CARDS:
      g_value_set_object (value, self->charge_cards);
      break;
    case PROP_UNREAD_COUNT:
      g_value_set_uint (value, self->unread_count);
      break;
    case PROP_SIGNED_IN:
      g_value_set_boolean (value, anshin_account_get_signed_in (self));
      break;
    case PROP_ONLINE:
      g_value_set_boolean (value, self->online);
      break;
    case PROP_LIVE:
      g_value_set_boolean (value, self->live);
      break;
    case PROP_AS_OF:
      g_value_set_boxed (value, self->as_of);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anshin_account_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  AnshinAccount *self = ANSHIN_ACCOUNT (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      self->client = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anshin_account_class_init (AnshinAccountClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->constructed = anshin_account_constructed;
  object_class->dispose = anshin_account_dispose;
  object_class->finalize = anshin_account_finalize;
  object_class->get_property = anshin_account_get_property;
  object_class->set_property = anshin_account_set_property;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, ANSHIN_TYPE_ISSUER_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* The same object for the account's life, updated in place. */
  properties[PROP_CARD] =
    g_param_spec_object ("card", NULL, NULL, ANSHIN_TYPE_CARD, ro);
  properties[PROP_HAS_CARD] =
    g_param_spec_boolean ("has-card", NULL, NULL, FALSE, ro);
  properties[PROP_PAYMENT_METHODS] =
    g_param_spec_object ("payment-methods", NULL, NULL, G_TYPE_LIST_MODEL, ro);
  /* Newest first */
  properties[PROP_NOTICES] =
    g_param_spec_object ("notices", NULL, NULL, G_TYPE_LIST_MODEL, ro);
  properties[PROP_PROGRAMS] =
    g_param_spec_object ("programs", NULL, NULL, G_TYPE_LIST_MODEL, ro);
  properties[PROP_CHARGE_CARDS] =
    g_param_spec_object ("charge-cards", NULL, NULL, G_TYPE_LIST_MODEL, ro);
  properties[PROP_UNREAD_COUNT] =
    g_param_spec_uint ("unread-count", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_SIGNED_IN] =
    g_param_spec_boolean ("signed-in", NULL, NULL, FALSE, ro);
  /* FALSE while the issuer cannot be reached: the models are as of #AnshinAccount:as-of */
  properties[PROP_ONLINE] =
    g_param_spec_boolean ("online", NULL, NULL, TRUE, ro);
  /* TRUE while live events arrive over the WebSocket (else: polling) */
  properties[PROP_LIVE] =
    g_param_spec_boolean ("live", NULL, NULL, FALSE, ro);
  /* The issuer time of the state shown */
  properties[PROP_AS_OF] =
    g_param_spec_boxed ("as-of", NULL, NULL, G_TYPE_DATE_TIME, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AnshinAccount::notice-added:
   * @notice: the new notice
   *
   * A notice arrived (live or found by a refresh); the GUI turns it into a
   * desktop notification. Not emitted for the notices of the first load.
   */
  signals[NOTICE_ADDED] =
    g_signal_new ("notice-added",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, ANSHIN_TYPE_NOTICE);

  /**
   * AnshinAccount::remember-failed:
   * @error: why the keyring did not take the sign-in
   *
   * "Keep me signed in" did not take: the keyring refused to store the
   * refresh token (locked, or no Secret Service). The session goes on;
   * the next start of the app asks for the password.
   */
  signals[REMEMBER_FAILED] =
    g_signal_new ("remember-failed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
anshin_account_init (AnshinAccount *self)
{
  self->cancellable = g_cancellable_new ();
  self->card = anshin_card_new ();
  self->payment_methods = g_list_store_new (ANSHIN_TYPE_PAYMENT_METHOD);
  self->notices = g_list_store_new (ANSHIN_TYPE_NOTICE);
  self->programs = g_list_store_new (ANSHIN_TYPE_PROGRAM);
  self->charge_cards = g_list_store_new (ANSHIN_TYPE_CHARGE_CARD);
  self->online = TRUE;
  self->secret_waiters = g_ptr_array_new_with_free_func (g_object_unref);
  self->events.base_ms = 1000;
  self->events.max_ms = 60 * 1000;
  self->events.poll_ms = DEFAULT_POLL_MS;
}

/**
 * anshin_account_new:
 * @client: the issuer client the account owns
 *
 * Returns: (transfer full): a new account
 */
AnshinAccount *
anshin_account_new (AnshinIssuerClient *client)
{
  g_return_val_if_fail (ANSHIN_IS_ISSUER_CLIENT (client), NULL);

  return g_object_new (ANSHIN_TYPE_ACCOUNT, "client", client, NULL);
}

AnshinIssuerClient *
anshin_account_get_client (AnshinAccount *self)
{
  g_return_val_if_fail (ANSHIN_IS_ACCOUNT (self), NULL);
  return self->client;
}

AnshinCard *
anshin_account_get_card (AnshinAccount *self)
{
  g_return_val_if_fail (ANSHIN_IS_ACCOUNT (self), NULL);
  return self->card;
}

gboolean
anshin_account_get_has_card (AnshinAccount *self)
{
  g_return_val_if_fail (ANSHIN_IS_ACCOUNT (self), FALSE);
  return self->has_card;
}

GListModel *
anshin_account_get_payment_methods (AnshinAccount *self)
{
  g_return_val_if_fail (ANSHIN_IS_ACCOUNT (self), NULL);
  return G_LIST_MODEL (self->payment_methods);
}

GListModel *
anshin_account_get_notices (AnshinAccount *self)
{
  g_return_val_if_fail (ANSHIN_IS_ACCOUNT (self), NULL);
  return G_LIST_MODEL (self->notices);
}

GListModel *
anshin_account_get_programs (AnshinAccount *self)
{
  g_return_val_if_fail (ANSHIN_IS_ACCOUNT (self), NULL);
  return G_LIST_MODEL (self->programs);
}

GListModel *
anshin_account_get_charge_cards (AnshinAccount *self)
{
  g_return_val_if_fail (ANSHIN_IS_ACCOUNT (self), NULL);
  return G_LIST_MODEL (self->charge_cards);
}

guint
anshin_account_get_unread_count (AnshinAccount *self)
{
  g_return_val_if_fail (ANSHIN_IS_ACCOUNT (self), 0);
  return self->unread_count;
}

gboolean
anshin_account_get_signed_in (AnshinAccount *self)
{
  g_return_val_if_fail (ANSHIN_IS_ACCOUNT (self), FALSE);

  /* Offline with a stored session counts as signed in: it resumes by itself. */
  return anshin_issuer_client_get_signed_in (self->client) || self->resume_token != NULL;
}

gboolean
anshin_account_get_online (AnshinAccount *self)
{
  g_return_val_if_fail (ANSHIN_IS_ACCOUNT (self), FALSE);
  return self->online;
}

gboolean
anshin_account_get_live (AnshinAccount *self)
{
  g_return_val_if_fail (ANSHIN_IS_ACCOUNT (self), FALSE);
  return self->live;
}

/**
 * anshin_account_get_as_of:
 *
 * Returns: (transfer none) (nullable): the issuer time of the state shown
 */
GDateTime *
anshin_account_get_as_of (AnshinAccount *self)
{
  g_return_val_if_fail (ANSHIN_IS_ACCOUNT (self), NULL);
  return self->as_of;
}

/**
 * anshin_account_set_timings:
 * @reconnect_base_ms: the first wait before reconnecting the event stream
 * @reconnect_max_ms: the longest wait (the waits double up to it)
 * @poll_ms: the polling interval without live events, and of retries offline
 *
 * The defaults are 1 s, 60 s and 60 s; tests shorten them.
 */
void
anshin_account_set_timings (AnshinAccount *self,
                            guint          reconnect_base_ms,
                            guint          reconnect_max_ms,
                            guint          poll_ms)
{
  g_return_if_fail (ANSHIN_IS_ACCOUNT (self));
  g_return_if_fail (reconnect_base_ms > 0 && reconnect_max_ms >= reconnect_base_ms && poll_ms > 0);

  self->events.base_ms = reconnect_base_ms;
  self->events.max_ms = reconnect_max_ms;
  self->events.poll_ms = poll_ms;
}

/**
 * anshin_account_set_remember_sign_in:
 * @self: an account
 * @remember: whether to keep the sign-in in the keyring
 *
 * By default the refresh token goes into the Secret Service, so the next
 * start signs in by itself. A throw-away issuer (the embedded demo issuer,
 * on a new port each run) turns that off: nothing is written to the
 * keyring for it.
 */
void
anshin_account_set_remember_sign_in (AnshinAccount *self,
                                     gboolean       remember)
{
  g_return_if_fail (ANSHIN_IS_ACCOUNT (self));

  self->forget_sign_in = !remember;
  if (self->forget_sign_in)
    g_clear_pointer (&self->wanted_token, g_free);
}
