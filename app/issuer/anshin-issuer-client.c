/* anshin-issuer-client.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One SoupSession speaking ISSUER-API.md (user agent Anshin/VERSION, an
 * in-memory cookie jar, a 10 s timeout): the URL policy, the session state
 * (member, rotating refresh token), the issuer's clock (Issuer-Time) and
 * header logging. Requests are in anshin-issuer-client-request.c, the
 * calls in anshin-issuer-client-calls.c and anshin-issuer-registration.c.
 *
 * Only headers are ever logged, at debug level, with cookies and
 * credentials redacted; bodies (passwords, card numbers, tokens) never are.
 */

#include "config.h"

#include <string.h>

#include "anshin-issuer-url.h"
#include "anshin-time.h"

#include "anshin-issuer-client-private.h"
#include "anshin-issuer-json.h"

#define DEFAULT_TIMEOUT_SECONDS 10

static void anshin_issuer_client_initable_iface_init (GInitableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (AnshinIssuerClient, anshin_issuer_client, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_INITABLE,
                                                      anshin_issuer_client_initable_iface_init))

enum {
  PROP_0,
  PROP_BASE_URL,
  PROP_TIMEOUT,
  PROP_SIGNED_IN,
  PROP_MEMBER_ID,
  PROP_CLOCK_OFFSET,
  PROP_REFRESHING,
  N_PROPS
};

enum {
  REFRESH_TOKEN_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static gboolean
header_is_secret (const char *line)
{
  static const char *secret_headers[] = { "cookie:", "set-cookie:", "authorization:",
                                          "proxy-authorization:" };

  for (guint i = 0; i < G_N_ELEMENTS (secret_headers); i++)
    {
      if (g_ascii_strncasecmp (line, secret_headers[i], strlen (secret_headers[i])) == 0)
        return TRUE;
    }

  return FALSE;
}

static void
on_logger_print (SoupLogger         *logger,
                 SoupLoggerLogLevel  level,
                 char                direction,
                 const char         *data,
                 gpointer            user_data)
{
  if (header_is_secret (data))
    {
      const char *colon = strchr (data, ':');

      g_debug ("%c %.*s: [redacted]", direction, (int)(colon - data), data);
      return;
    }

  g_debug ("%c %s", direction, data);
}

static gboolean
anshin_issuer_client_initable_init (GInitable     *initable,
                                    GCancellable  *cancellable,
                                    GError       **error)
{
  AnshinIssuerClient *self = ANSHIN_ISSUER_CLIENT (initable);
  g_autoptr(GError) url_error = NULL;

  if (!anshin_issuer_url_is_allowed (self->base_url, &url_error))
    {
      if (g_error_matches (url_error, ANSHIN_ISSUER_URL_ERROR, ANSHIN_ISSUER_URL_ERROR_INSECURE))
        g_set_error (error, ANSHIN_ISSUER_ERROR, ANSHIN_ISSUER_ERROR_TLS_REQUIRED,
                     "%s", url_error->message);
      else
        g_propagate_error (error, g_steal_pointer (&url_error));
      return FALSE;
    }

  self->base_uri = g_uri_parse (self->base_url, G_URI_FLAGS_ENCODED, error);
  if (self->base_uri == NULL)
    return FALSE;

  return TRUE;
}

static void
anshin_issuer_client_initable_iface_init (GInitableIface *iface)
{
  iface->init = anshin_issuer_client_initable_init;
}

/* An issuer on this computer is reached directly: no proxy to look up,
 * nor GIO's proxy modules to load for that. Any other issuer goes
 * through the system's proxy settings. */
static gboolean
base_url_is_loopback (const char *base_url)
{
  g_autoptr(GUri) uri = base_url != NULL ? g_uri_parse (base_url, G_URI_FLAGS_ENCODED, NULL) : NULL;
  g_autoptr(GInetAddress) address = NULL;
  const char *host = uri != NULL ? g_uri_get_host (uri) : NULL;

  if (host == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (host, "localhost") == 0)
    return TRUE;

  address = g_inet_address_new_from_string (host);
  return address != NULL && g_inet_address_get_is_loopback (address);
}

static void
anshin_issuer_client_constructed (GObject *object)
{
  AnshinIssuerClient *self = (AnshinIssuerClient *)object;
  g_autofree char *user_agent = g_strdup ("Anshin/" PACKAGE_VERSION);

  G_OBJECT_CLASS (anshin_issuer_client_parent_class)->constructed (object);

  self->cookie_jar = soup_cookie_jar_new ();
  self->session = soup_session_new_with_options ("user-agent", user_agent,
                                                 "timeout", self->timeout,
                                                 NULL);
  soup_session_add_feature (self->session, SOUP_SESSION_FEATURE (self->cookie_jar));

  /* A WebSocket lives long and idles: no I/O timeout there. */
  self->events_session = soup_session_new_with_options ("user-agent", user_agent, NULL);
  soup_session_add_feature (self->events_session, SOUP_SESSION_FEATURE (self->cookie_jar));

  if (base_url_is_loopback (self->base_url))
    {
      soup_session_set_proxy_resolver (self->session, NULL);
      soup_session_set_proxy_resolver (self->events_session, NULL);
    }

  if (!g_log_writer_default_would_drop (G_LOG_LEVEL_DEBUG, G_LOG_DOMAIN))
    {
      g_autoptr(SoupLogger) logger = soup_logger_new (SOUP_LOGGER_LOG_HEADERS);

      soup_logger_set_printer (logger, on_logger_print, NULL, NULL);
      soup_session_add_feature (self->session, SOUP_SESSION_FEATURE (logger));
    }
}

static void
anshin_issuer_client_dispose (GObject *object)
{
  AnshinIssuerClient *self = (AnshinIssuerClient *)object;

  if (self->session != NULL)
    soup_session_abort (self->session);
  if (self->events_session != NULL)
    soup_session_abort (self->events_session);

  g_clear_object (&self->session);
  g_clear_object (&self->events_session);
  g_clear_object (&self->cookie_jar);
  g_clear_pointer (&self->refresh_waiters, g_ptr_array_unref);

  G_OBJECT_CLASS (anshin_issuer_client_parent_class)->dispose (object);
}

static void
anshin_issuer_client_finalize (GObject *object)
{
  AnshinIssuerClient *self = (AnshinIssuerClient *)object;

  g_clear_pointer (&self->base_url, g_free);
  g_clear_pointer (&self->base_uri, g_uri_unref);
  g_clear_pointer (&self->member_id, g_free);
  if (self->refresh_token != NULL)
    memset (self->refresh_token, 0, strlen (self->refresh_token));
  g_clear_pointer (&self->refresh_token, g_free);
  g_clear_pointer (&self->form, anshin_registration_form_free);

  G_OBJECT_CLASS (anshin_issuer_client_parent_class)->finalize (object);
}

static void
anshin_issuer_client_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  AnshinIssuerClient *self = ANSHIN_ISSUER_CLIENT (object);

  switch (prop_id)
    {
    case PROP_BASE_URL:
      g_value_set_string (value, self->base_url);
      break;
    case PROP_TIMEOUT:
      g_value_set_uint (value, self->timeout);
      break;
    case PROP_SIGNED_IN:
      g_value_set_boolean (value, anshin_issuer_client_get_signed_in (self));
      break;
    case PROP_MEMBER_ID:
      g_value_set_string (value, self->member_id);
      break;
    case PROP_CLOCK_OFFSET:
      g_value_set_int64 (value, self->clock_offset);
      break;
    case PROP_REFRESHING:
      g_value_set_boolean (value, self->refreshing);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anshin_issuer_client_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  AnshinIssuerClient *self = ANSHIN_ISSUER_CLIENT (object);

  switch (prop_id)
    {
    case PROP_BASE_URL:
      self->base_url = g_value_dup_string (value);
      break;
    case PROP_TIMEOUT:
      anshin_issuer_client_set_timeout (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anshin_issuer_client_class_init (AnshinIssuerClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = anshin_issuer_client_constructed;
  object_class->dispose = anshin_issuer_client_dispose;
  object_class->finalize = anshin_issuer_client_finalize;
  object_class->get_property = anshin_issuer_client_get_property;
  object_class->set_property = anshin_issuer_client_set_property;

  properties[PROP_BASE_URL] =
    g_param_spec_string ("base-url", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* Seconds of silence after which a request fails with TIMEOUT. */
  properties[PROP_TIMEOUT] =
    g_param_spec_uint ("timeout", NULL, NULL, 1, 600, DEFAULT_TIMEOUT_SECONDS,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_EXPLICIT_NOTIFY |
                       G_PARAM_STATIC_STRINGS);

  properties[PROP_SIGNED_IN] =
    g_param_spec_boolean ("signed-in", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_MEMBER_ID] =
    g_param_spec_string ("member-id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* The issuer's clock minus the local clock, in microseconds. */
  properties[PROP_CLOCK_OFFSET] =
    g_param_spec_int64 ("clock-offset", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* TRUE while the session is being refreshed: the issuer may already
   * have rotated the refresh token, whose new value is on its way (then
   * in ::refresh-token-changed) */
  properties[PROP_REFRESHING] =
    g_param_spec_boolean ("refreshing", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AnshinIssuerClient::refresh-token-changed:
   * @token: (nullable): the new refresh token, or %NULL when it was revoked
   *
   * The issuer rotates refresh tokens: store each new one (in the keyring)
   * or the next start cannot resume the session.
   */
  signals[REFRESH_TOKEN_CHANGED] =
    g_signal_new ("refresh-token-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
anshin_issuer_client_init (AnshinIssuerClient *self)
{
  self->timeout = DEFAULT_TIMEOUT_SECONDS;
  self->refresh_waiters = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * anshin_issuer_client_new:
 * @base_url: the issuer's URL, e.g. "https://issuer.example/"
 *
 * Plain http:// is refused (%ANSHIN_ISSUER_ERROR_TLS_REQUIRED) unless the
 * host is a loopback address.
 *
 * Returns: (transfer full) (nullable): a client, or %NULL with an error
 */
AnshinIssuerClient *
anshin_issuer_client_new (const char  *base_url,
                          GError     **error)
{
  return g_initable_new (ANSHIN_TYPE_ISSUER_CLIENT, NULL, error, "base-url", base_url, NULL);
}

const char *
anshin_issuer_client_get_base_url (AnshinIssuerClient *self)
{
  g_return_val_if_fail (ANSHIN_IS_ISSUER_CLIENT (self), NULL);

  return self->base_url;
}

guint
anshin_issuer_client_get_timeout (AnshinIssuerClient *self)
{
  g_return_val_if_fail (ANSHIN_IS_ISSUER_CLIENT (self), 0);

  return self->timeout;
}

/**
 * anshin_issuer_client_set_timeout:
 * @seconds: I/O timeout of requests (not of the event stream)
 *
 * Applies to connections opened afterwards (set it before the first call).
 */
void
anshin_issuer_client_set_timeout (AnshinIssuerClient *self,
                                  guint               seconds)
{
  g_return_if_fail (ANSHIN_IS_ISSUER_CLIENT (self));
  g_return_if_fail (seconds > 0);

  if (self->timeout == seconds)
    return;

  self->timeout = seconds;
  if (self->session != NULL)
    soup_session_set_timeout (self->session, seconds);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIMEOUT]);
}

gboolean
anshin_issuer_client_get_signed_in (AnshinIssuerClient *self)
{
  g_return_val_if_fail (ANSHIN_IS_ISSUER_CLIENT (self), FALSE);

  return self->refresh_token != NULL;
}

const char *
anshin_issuer_client_get_member_id (AnshinIssuerClient *self)
{
  g_return_val_if_fail (ANSHIN_IS_ISSUER_CLIENT (self), NULL);

  return self->member_id;
}

GTimeSpan
anshin_issuer_client_get_clock_offset (AnshinIssuerClient *self)
{
  g_return_val_if_fail (ANSHIN_IS_ISSUER_CLIENT (self), 0);

  return self->clock_offset;
}

/*
 * anshin_issuer_client_note_issuer_time_at:
 * @seen_at: the monotonic time the observation stands for: when its
 *   request was sent, or when an event arrived
 *
 * Observations apply in that order. An answer to a request sent before the
 * newest observation applied is ignored: the issuer may have moved its
 * clock since it answered (a `clock.changed` event overtaking the answer),
 * and the older time must not take the app's clock back.
 */
void
anshin_issuer_client_note_issuer_time_at (AnshinIssuerClient *self,
                                          GDateTime          *issuer_time,
                                          gint64              seen_at)
{
  g_autoptr(GDateTime) local_now = g_date_time_new_now_utc ();
  GTimeSpan offset;

  g_return_if_fail (ANSHIN_IS_ISSUER_CLIENT (self));
  g_return_if_fail (issuer_time != NULL);

  if (seen_at < self->clock_seen_at)
    {
      g_debug ("Ignoring an issuer time older than the last one seen");
      return;
    }
  self->clock_seen_at = seen_at;

  offset = g_date_time_difference (issuer_time, local_now);

  /* Header times have whole seconds: ignore the jitter that brings. */
  if (ABS (offset - self->clock_offset) < G_TIME_SPAN_SECOND)
    return;

  self->clock_offset = offset;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLOCK_OFFSET]);
}

/**
 * anshin_issuer_client_note_issuer_time:
 * @issuer_time: the issuer's clock now (a `clock.changed` event)
 *
 * Takes the issuer's clock as of now: it wins over the Issuer-Time of any
 * answer to a request sent before this call.
 */
void
anshin_issuer_client_note_issuer_time (AnshinIssuerClient *self,
                                       GDateTime          *issuer_time)
{
  anshin_issuer_client_note_issuer_time_at (self, issuer_time, g_get_monotonic_time ());
}

/**
 * anshin_issuer_client_dup_now:
 *
 * The app's "now" for everything the issuer schedules: the issuer's clock
 * as last seen, run on by the local clock.
 *
 * Returns: (transfer full): the issuer's now, in the issuer's zone (+09:00)
 */
GDateTime *
anshin_issuer_client_dup_now (AnshinIssuerClient *self)
{
  g_autoptr(GDateTime) local_now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) issuer_now = NULL;
  g_autoptr(GTimeZone) zone = anshin_issuer_time_zone ();

  g_return_val_if_fail (ANSHIN_IS_ISSUER_CLIENT (self), NULL);

  issuer_now = g_date_time_add (local_now, self->clock_offset);
  return g_date_time_to_timezone (issuer_now, zone);
}

/**
 * anshin_issuer_client_new_idempotency_key:
 *
 * Returns: (transfer full): a fresh key for one user action (a top-up
 *   confirmation, a registration submission); reuse it to retry that action
 */
char *
anshin_issuer_client_new_idempotency_key (void)
{
  return g_uuid_string_random ();
}

void
anshin_issuer_client_apply_session (AnshinIssuerClient  *self,
                                    AnshinIssuerSession *session)
{
  gboolean was_signed_in = anshin_issuer_client_get_signed_in (self);

  g_return_if_fail (ANSHIN_IS_ISSUER_CLIENT (self));
  g_return_if_fail (session != NULL && session->refresh_token != NULL);

  self->generation++;

  if (g_strcmp0 (self->member_id, session->member_id) != 0)
    {
      g_free (self->member_id);
      self->member_id = g_strdup (session->member_id);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEMBER_ID]);
    }

  if (g_strcmp0 (self->refresh_token, session->refresh_token) != 0)
    {
      if (self->refresh_token != NULL)
        memset (self->refresh_token, 0, strlen (self->refresh_token));
      g_free (self->refresh_token);
      self->refresh_token = g_strdup (session->refresh_token);
      g_signal_emit (self, signals[REFRESH_TOKEN_CHANGED], 0, self->refresh_token);
    }

  if (!was_signed_in)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIGNED_IN]);
}

void
anshin_issuer_client_forget_session (AnshinIssuerClient *self)
{
  g_autoptr(GSList) cookies = NULL;

  g_return_if_fail (ANSHIN_IS_ISSUER_CLIENT (self));

  self->generation++;

  cookies = soup_cookie_jar_all_cookies (self->cookie_jar);
  for (GSList *l = cookies; l != NULL; l = l->next)
    {
      soup_cookie_jar_delete_cookie (self->cookie_jar, l->data);
      soup_cookie_free (l->data);
    }

  anshin_issuer_client_set_form (self, NULL);

  if (self->refresh_token == NULL)
    return;

  memset (self->refresh_token, 0, strlen (self->refresh_token));
  g_clear_pointer (&self->refresh_token, g_free);
  g_signal_emit (self, signals[REFRESH_TOKEN_CHANGED], 0, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIGNED_IN]);
}

GUri *
anshin_issuer_client_peek_base_uri (AnshinIssuerClient *self)
{
  return self->base_uri;
}

SoupSession *
anshin_issuer_client_peek_events_session (AnshinIssuerClient *self)
{
  return self->events_session;
}

/**
 * anshin_issuer_client_get_refreshing:
 *
 * Returns: whether a refresh of the session is in flight (see
 *   #AnshinIssuerClient:refreshing)
 */
gboolean
anshin_issuer_client_get_refreshing (AnshinIssuerClient *self)
{
  g_return_val_if_fail (ANSHIN_IS_ISSUER_CLIENT (self), FALSE);
  return self->refreshing;
}

/* after self->refreshing changed */
void
anshin_issuer_client_notify_refreshing (AnshinIssuerClient *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REFRESHING]);
}

AnshinRegistrationForm *
anshin_issuer_client_peek_form (AnshinIssuerClient *self)
{
  return self->form;
}

void
anshin_issuer_client_set_form (AnshinIssuerClient     *self,
                               AnshinRegistrationForm *form)
{
  if (form == self->form)
    return;

  g_clear_pointer (&self->form, anshin_registration_form_free);
  self->form = form;
  self->form_sent = FALSE;
}
