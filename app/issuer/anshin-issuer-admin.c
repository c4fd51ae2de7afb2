/* anshin-issuer-admin.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The mock issuer's demo control (`/admin`, ISSUER-API.md "Mock-only: demo
 * control") on an AnshinIssuerClient's request machinery: the client's
 * transport, size caps and problem+json mapping, its Issuer-Time reading
 * (which never takes the client's clock back to an older answer), the
 * JSON mapping of anshin-issuer-json-admin.c, and no session: the calls
 * neither need one nor refresh one on a 401. The client's errors become
 * ANSHIN_DEMO_ERROR codes here, the only place that knows what a 404 or a
 * 409 means for a demo-control call.
 */

#include "config.h"

#include "anshin-issuer-admin.h"
#include "anshin-issuer-client-private.h"
#include "anshin-core-enum-types.h"
#include "anshin-enum-util.h"
#include "anshin-issuer-json.h"

struct _AnshinIssuerAdmin
{
  GObject             parent_instance;

  AnshinIssuerClient *client;
};

typedef struct {
  AnshinIssuerMapFunc map_func;
  GDestroyNotify      result_free;
} AdminCall;

G_DEFINE_FINAL_TYPE (AnshinIssuerAdmin, anshin_issuer_admin, G_TYPE_OBJECT)
G_DEFINE_QUARK (anshin-demo-error-quark, anshin_demo_error)

/* What the client's error means for the call tagged @source_tag. */
static GError *
to_demo_error (const GError *error,
               gpointer      source_tag)
{
  AnshinDemoError code = ANSHIN_DEMO_ERROR_FAILED;
  const char *what = "The demo issuer refused the request";

  if (error->domain == ANSHIN_ISSUER_ERROR)
    {
      switch ((AnshinIssuerError) error->code)
        {
        case ANSHIN_ISSUER_ERROR_NETWORK:
        case ANSHIN_ISSUER_ERROR_TIMEOUT:
        case ANSHIN_ISSUER_ERROR_TLS_FAILED:
          code = ANSHIN_DEMO_ERROR_UNREACHABLE;
          what = "The demo issuer did not answer";
          break;
        case ANSHIN_ISSUER_ERROR_CONFLICT:
          if (source_tag == anshin_issuer_admin_next_step_async)
            {
              code = ANSHIN_DEMO_ERROR_LAST_STEP;
              what = "This is the scenario's last step";
            }
          break;
        case ANSHIN_ISSUER_ERROR_NOT_FOUND:
          if (source_tag == anshin_issuer_admin_load_scenario_async)
            {
              code = ANSHIN_DEMO_ERROR_UNKNOWN_SCENARIO;
              what = "The demo issuer knows no such scenario";
            }
          break;
        default:
          break;
        }
    }

  g_debug ("%s: %s", what, error->message);

  return g_error_new (ANSHIN_DEMO_ERROR, code, "%s: %s", what, error->message);
}

static void
on_request_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  AdminCall *call = g_task_get_task_data (task);
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  gpointer value;

  root = anshin_issuer_client_request_finish (ANSHIN_ISSUER_CLIENT (object), result, NULL, &error);
  if (root == NULL && error == NULL)
    error = g_error_new_literal (ANSHIN_ISSUER_ERROR, ANSHIN_ISSUER_ERROR_PROTOCOL,
                                 "the answer has no body");

  value = root != NULL ? call->map_func (root, &error) : NULL;
  if (value != NULL)
    g_task_return_pointer (task, value, call->result_free);
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_error (task, to_demo_error (error, g_task_get_source_tag (task)));
}

/* One demo-control call: @body is sunk (floating builders' roots are fine). */
static void
admin_call (AnshinIssuerAdmin   *self,
            gpointer             source_tag,
            const char          *method,
            const char          *path,
            JsonNode            *body,
            AnshinIssuerMapFunc  map_func,
            GDestroyNotify       result_free,
            GCancellable        *cancellable,
            GAsyncReadyCallback  callback,
            gpointer             user_data)
{
  g_autoptr(JsonNode) owned_body = body;
  GTask *task;
  AdminCall *call;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);

  call = g_new0 (AdminCall, 1);
  call->map_func = map_func;
  call->result_free = result_free;
  g_task_set_task_data (task, call, g_free);

  anshin_issuer_client_request_async (self->client, method, path, owned_body, NULL,
                                      REQUEST_NO_REFRESH, cancellable, on_request_cb, task);
}

static gpointer
admin_call_finish (AnshinIssuerAdmin  *self,
                   GAsyncResult       *result,
                   gpointer            source_tag,
                   GError            **error)
{
  g_return_val_if_fail (ANSHIN_IS_ISSUER_ADMIN (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static JsonNode *
object_body (const char *member,
             JsonNode   *value)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, member);
  json_builder_add_value (builder, value);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static void
anshin_issuer_admin_finalize (GObject *object)
{
  AnshinIssuerAdmin *self = ANSHIN_ISSUER_ADMIN (object);

  g_clear_object (&self->client);

  G_OBJECT_CLASS (anshin_issuer_admin_parent_class)->finalize (object);
}

static void
anshin_issuer_admin_class_init (AnshinIssuerAdminClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = anshin_issuer_admin_finalize;
}

static void
anshin_issuer_admin_init (AnshinIssuerAdmin *self)
{
}

/**
 * anshin_issuer_admin_new:
 * @client: a client of an issuer with `/admin` enabled (the mock issuer in
 *   demo mode or with `--admin`); signed in or not, it makes no difference
 *
 * Returns: (transfer full): a new demo-control caller
 */
AnshinIssuerAdmin *
anshin_issuer_admin_new (AnshinIssuerClient *client)
{
  AnshinIssuerAdmin *self;

  g_return_val_if_fail (ANSHIN_IS_ISSUER_CLIENT (client), NULL);

  self = g_object_new (ANSHIN_TYPE_ISSUER_ADMIN, NULL);
  self->client = g_object_ref (client);

  return self;
}

/**
 * anshin_issuer_admin_new_for_url:
 * @base_url: the demo issuer's address
 * @timeout: seconds the demo issuer may take to answer
 *
 * A caller with a client of its own, never signed in: the demo control
 * needs no session.
 *
 * Returns: (transfer full) (nullable): a new caller, or %NULL if
 *   @base_url can't be used
 */
AnshinIssuerAdmin *
anshin_issuer_admin_new_for_url (const char  *base_url,
                                 guint        timeout,
                                 GError     **error)
{
  g_autoptr(AnshinIssuerClient) client = anshin_issuer_client_new (base_url, error);

  if (client == NULL)
    return NULL;

  anshin_issuer_client_set_timeout (client, timeout);
  return anshin_issuer_admin_new (client);
}

/**
 * anshin_issuer_admin_get_client:
 *
 * Returns: (transfer none): the client the calls go through
 */
AnshinIssuerClient *
anshin_issuer_admin_get_client (AnshinIssuerAdmin *self)
{
  g_return_val_if_fail (ANSHIN_IS_ISSUER_ADMIN (self), NULL);
  return self->client;
}

/**
 * anshin_issuer_admin_get_scenario_async:
 *
 * `GET /admin/scenario`: the scenario the issuer runs and its current step.
 */
void
anshin_issuer_admin_get_scenario_async (AnshinIssuerAdmin   *self,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_return_if_fail (ANSHIN_IS_ISSUER_ADMIN (self));

  admin_call (self, anshin_issuer_admin_get_scenario_async, "GET", "admin/scenario", NULL,
              (AnshinIssuerMapFunc) anshin_issuer_json_to_demo_scenario,
              (GDestroyNotify) anshin_demo_scenario_free, cancellable, callback, user_data);
}

/**
 * anshin_issuer_admin_get_scenario_finish:
 *
 * Returns: (transfer full): the scenario, or %NULL with an %ANSHIN_DEMO_ERROR
 */
AnshinDemoScenario *
anshin_issuer_admin_get_scenario_finish (AnshinIssuerAdmin  *self,
                                         GAsyncResult       *result,
                                         GError            **error)
{
  return admin_call_finish (self, result, anshin_issuer_admin_get_scenario_async, error);
}

/**
 * anshin_issuer_admin_load_scenario_async:
 * @name: a scenario name, or the current one to restart it
 *
 * `POST /admin/scenario`: loads scenario @name, which resets the issuer's
 * state, its sessions and its clock to the scenario's start. Fails with
 * %ANSHIN_DEMO_ERROR_UNKNOWN_SCENARIO for a name the issuer does not know.
 */
void
anshin_issuer_admin_load_scenario_async (AnshinIssuerAdmin   *self,
                                         const char          *name,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  g_return_if_fail (ANSHIN_IS_ISSUER_ADMIN (self));
  g_return_if_fail (name != NULL);

  admin_call (self, anshin_issuer_admin_load_scenario_async, "POST", "admin/scenario",
              object_body ("name", json_node_init_string (json_node_alloc (), name)),
              (AnshinIssuerMapFunc) anshin_issuer_json_to_demo_scenario,
              (GDestroyNotify) anshin_demo_scenario_free, cancellable, callback, user_data);
}

/**
 * anshin_issuer_admin_load_scenario_finish:
 *
 * Returns: (transfer full): the scenario at its start, or %NULL with an
 *   %ANSHIN_DEMO_ERROR
 */
AnshinDemoScenario *
anshin_issuer_admin_load_scenario_finish (AnshinIssuerAdmin  *self,
                                          GAsyncResult       *result,
                                          GError            **error)
{
  return admin_call_finish (self, result, anshin_issuer_admin_load_scenario_async, error);
}

/**
 * anshin_issuer_admin_next_step_async:
 *
 * `POST /admin/step`: moves the issuer's clock to the scenario's next step
 * and applies it. Fails with %ANSHIN_DEMO_ERROR_LAST_STEP at the last one.
 */
void
anshin_issuer_admin_next_step_async (AnshinIssuerAdmin   *self,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_return_if_fail (ANSHIN_IS_ISSUER_ADMIN (self));

  admin_call (self, anshin_issuer_admin_next_step_async, "POST", "admin/step", NULL,
              (AnshinIssuerMapFunc) anshin_issuer_json_to_demo_scenario,
              (GDestroyNotify) anshin_demo_scenario_free, cancellable, callback, user_data);
}

/**
 * anshin_issuer_admin_next_step_finish:
 *
 * Returns: (transfer full): the scenario at its new step, or %NULL with an
 *   %ANSHIN_DEMO_ERROR
 */
AnshinDemoScenario *
anshin_issuer_admin_next_step_finish (AnshinIssuerAdmin  *self,
                                      GAsyncResult       *result,
                                      GError            **error)
{
  return admin_call_finish (self, result, anshin_issuer_admin_next_step_async, error);
}

/**
 * anshin_issuer_admin_advance_clock_async:
 * @seconds: how far to move the issuer's clock forward
 *
 * `POST /admin/clock`: scheduled changes that fall due are applied in order.
 */
void
anshin_issuer_admin_advance_clock_async (AnshinIssuerAdmin   *self,
                                         gint64               seconds,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  g_return_if_fail (ANSHIN_IS_ISSUER_ADMIN (self));
  g_return_if_fail (seconds >= 0);

  admin_call (self, anshin_issuer_admin_advance_clock_async, "POST", "admin/clock",
              object_body ("advance_seconds", json_node_init_int (json_node_alloc (), seconds)),
              (AnshinIssuerMapFunc) anshin_issuer_json_to_issuer_time,
              (GDestroyNotify) g_date_time_unref, cancellable, callback, user_data);
}

/**
 * anshin_issuer_admin_advance_clock_finish:
 *
 * Returns: (transfer full): the issuer's time after the move, or %NULL
 *   with an %ANSHIN_DEMO_ERROR
 */
GDateTime *
anshin_issuer_admin_advance_clock_finish (AnshinIssuerAdmin  *self,
                                          GAsyncResult       *result,
                                          GError            **error)
{
  return admin_call_finish (self, result, anshin_issuer_admin_advance_clock_async, error);
}

/**
 * anshin_issuer_admin_list_one_time_codes_async:
 *
 * `GET /admin/one-time-codes`: the codes of the 3-D Secure challenges still
 * open, as an SMS would have told the holder.
 */
void
anshin_issuer_admin_list_one_time_codes_async (AnshinIssuerAdmin   *self,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data)
{
  g_return_if_fail (ANSHIN_IS_ISSUER_ADMIN (self));

  admin_call (self, anshin_issuer_admin_list_one_time_codes_async, "GET", "admin/one-time-codes",
              NULL, (AnshinIssuerMapFunc) anshin_issuer_json_to_one_time_codes,
              (GDestroyNotify) g_ptr_array_unref, cancellable, callback, user_data);
}

/**
 * anshin_issuer_admin_list_one_time_codes_finish:
 *
 * Returns: (transfer full) (element-type AnshinOneTimeCode): the codes, or
 *   %NULL with an %ANSHIN_DEMO_ERROR
 */
GPtrArray *
anshin_issuer_admin_list_one_time_codes_finish (AnshinIssuerAdmin  *self,
                                                GAsyncResult       *result,
                                                GError            **error)
{
  return admin_call_finish (self, result, anshin_issuer_admin_list_one_time_codes_async, error);
}

/* `{"transaction": {...}}` */
static gpointer
to_payment (JsonNode  *root,
            GError   **error)
{
  JsonObject *object;

  if (!JSON_NODE_HOLDS_OBJECT (root) ||
      !json_object_has_member ((object = json_node_get_object (root)), "transaction"))
    {
      g_set_error_literal (error, ANSHIN_ISSUER_ERROR, ANSHIN_ISSUER_ERROR_PROTOCOL,
                           "the payment's answer has no transaction");
      return NULL;
    }

  return anshin_issuer_json_to_transaction (json_object_get_member (object, "transaction"), error);
}

/**
 * anshin_issuer_admin_pay_async:
 * @method: the payment method used at the till
 * @via: %ANSHIN_WALLET_NONE (the card itself), or the phone wallet used
 * @amount: yen, at least 1
 * @merchant: the shop's name
 *
 * `POST /admin/payments`: a payment attempt at a shop at the issuer's
 * now, approved or declined by the issuer's rules (what a till would have
 * done). The holder's activity hears of it by the live events.
 */
void
anshin_issuer_admin_pay_async (AnshinIssuerAdmin       *self,
                               AnshinPaymentMethodKind  method,
                               AnshinWallet             via,
                               gint64                   amount,
                               const char              *merchant,
                               GCancellable            *cancellable,
                               GAsyncReadyCallback      callback,
                               gpointer                 user_data)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  g_return_if_fail (ANSHIN_IS_ISSUER_ADMIN (self));
  g_return_if_fail (merchant != NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "method");
  json_builder_add_string_value (builder, anshin_enum_to_api (ANSHIN_TYPE_PAYMENT_METHOD_KIND, method));
  json_builder_set_member_name (builder, "via");
  if ((via & ANSHIN_WALLET_APPLE_PAY) != 0)
    json_builder_add_string_value (builder, "apple_pay");
  else if ((via & ANSHIN_WALLET_GOOGLE_PAY) != 0)
    json_builder_add_string_value (builder, "google_pay");
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "amount");
  json_builder_add_int_value (builder, amount);
  json_builder_set_member_name (builder, "merchant");
  json_builder_add_string_value (builder, merchant);
  json_builder_end_object (builder);

  admin_call (self, anshin_issuer_admin_pay_async, "POST", "admin/payments",
              json_builder_get_root (builder), to_payment, g_object_unref,
              cancellable, callback, user_data);
}

/**
 * anshin_issuer_admin_pay_finish:
 *
 * Returns: (transfer full): the payment as the issuer decided it
 *   (approved or declined), or %NULL with an %ANSHIN_DEMO_ERROR
 */
AnshinTransaction *
anshin_issuer_admin_pay_finish (AnshinIssuerAdmin  *self,
                                GAsyncResult       *result,
                                GError            **error)
{
  return admin_call_finish (self, result, anshin_issuer_admin_pay_async, error);
}
