/* window-test-util.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "anshin-page-slot.h"
#include "window-test-util.h"

/**
 * window_test_reset_settings:
 *
 * Every setting back to its default, except desktop notifications: there
 * is no notification service in the window tests (test-window-notifications
 * has one).
 */
void
window_test_reset_settings (void)
{
  g_autoptr(GSettings) settings = g_settings_new (ANSHIN_SETTINGS_SCHEMA_ID);
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) keys = NULL;

  g_object_get (settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i] != NULL; i++)
    g_settings_reset (settings, keys[i]);

  g_settings_set_boolean (settings, "notifications-enabled", FALSE);
}

/**
 * window_test_new:
 * @scenario: the mock issuer's scenario
 * @via_proxy: whether the account reaches the issuer through a proxy that
 *   the test can take down (the demo controller always talks to it directly)
 *
 * A window in demo mode on @scenario, not yet started: set faults first
 * if needed, then call window_test_start().
 */
WindowTest *
window_test_new (AnshinApplication *app,
                 const char        *scenario,
                 gboolean           via_proxy)
{
  g_autoptr(AnshinIssuerClient) client = NULL;
  g_autoptr(GError) error = NULL;
  WindowTest *test = g_new0 (WindowTest, 1);
  const char *url;

  test->mock = anshin_mock_thread_start (scenario, TRUE, &error);
  g_assert_no_error (error);
  url = anshin_mock_thread_get_url (test->mock);

  if (via_proxy)
    test->proxy = issuer_test_proxy_new (url);

  test->demo = anshin_demo_controller_new (url);
  client = anshin_issuer_client_new (via_proxy ? issuer_test_proxy_get_url (test->proxy) : url,
                                     &error);
  g_assert_no_error (error);
  test->account = anshin_account_new (client);
  /* reconnect and recover quickly */
  anshin_account_set_timings (test->account, 100, 500, 500);

  test->window = g_object_ref (anshin_window_new (app));

  return test;
}

static gboolean
is_loaded (WindowTest *test)
{
  return anshin_window_get_loaded (test->window);
}

/**
 * window_test_start:
 *
 * Presents the window with the demo controller and the account, and waits
 * until the Card page shows the issuer's card.
 */
void
window_test_start (WindowTest *test)
{
  anshin_window_set_demo_controller (test->window, test->demo);
  anshin_window_set_account (test->window, test->account);
  gtk_window_present (GTK_WINDOW (test->window));

  g_assert_true (window_test_wait (test, is_loaded, 20000));
  g_assert_cmpstr (anshin_window_get_view (test->window), ==, "wallet");
}

const char *
window_test_get_url (WindowTest *test)
{
  return anshin_mock_thread_get_url (test->mock);
}

static gboolean
on_timeout_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* A sanitizer build runs everything several times slower (tests/meson.build
 * sets ANSHIN_TEST_SANITIZED): a full refresh of the account there took up
 * to 16 s on a loaded machine, against a 10 s wait. Only how long a wait
 * may last changes: what it waits for is the same, and a wait for
 * something that must not happen watches longer. */
#define SANITIZED_WAIT_FACTOR 4

/**
 * window_test_wait:
 *
 * Iterates the main context until @predicate holds or @timeout_ms pass
 * (SANITIZED_WAIT_FACTOR times as long in a sanitizer build).
 *
 * Returns: whether @predicate holds
 */
gboolean
window_test_wait (WindowTest          *test,
                  WindowTestPredicate  predicate,
                  guint                timeout_ms)
{
  gboolean timed_out = FALSE;
  guint id;

  if (g_getenv ("ANSHIN_TEST_SANITIZED") != NULL)
    timeout_ms *= SANITIZED_WAIT_FACTOR;
  id = g_timeout_add (timeout_ms, on_timeout_cb, &timed_out);

  while (!predicate (test) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (!timed_out)
    g_source_remove (id);

  return predicate (test);
}

static guint expected_step;

static gboolean
step_reached (WindowTest *test)
{
  return anshin_demo_controller_get_current_step (test->demo) == expected_step;
}

/**
 * window_test_demo_shortcut:
 * @bar: the demo bar
 * @accel: an accelerator as GtkShortcutTrigger writes it, "<Alt>n"
 *
 * Returns: (transfer none) (nullable): @bar's window-wide shortcut for @accel
 */
GtkShortcut *
window_test_demo_shortcut (GtkWidget  *bar,
                           const char *accel)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (bar);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller) ||
          gtk_shortcut_controller_get_scope (GTK_SHORTCUT_CONTROLLER (controller)) != GTK_SHORTCUT_SCOPE_GLOBAL)
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autofree char *trigger = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));

          if (g_str_equal (trigger, accel))
            return shortcut;
        }
    }

  return NULL;
}

/**
 * window_test_next_step:
 *
 * Presses the demo bar's Alt+N (Next Step) and waits for the issuer to be
 * there.
 */
void
window_test_next_step (WindowTest *test)
{
  GtkWidget *bar = window_test_child (test, "demo_bar");
  GtkShortcut *next = window_test_demo_shortcut (bar, "<Alt>n");

  expected_step = anshin_demo_controller_get_current_step (test->demo) + 1;
  g_assert_true (gtk_widget_get_mapped (bar));
  g_assert_nonnull (next);
  g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (next), GTK_SHORTCUT_ACTION_EXCLUSIVE,
                                               bar, NULL));
  g_assert_true (window_test_wait (test, step_reached, 5000));
  window_test_settle (test);
}

static gboolean settled;

static void
on_settled_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  anshin_account_refresh_finish (ANSHIN_ACCOUNT (object), result, &error);
  g_assert_no_error (error);
  settled = TRUE;
}

static gboolean
is_settled (WindowTest *test)
{
  return settled;
}

/**
 * window_test_settle:
 *
 * Waits for a full refresh of the account, so that the models show the
 * issuer's state after a step or a clock change.
 */
void
window_test_settle (WindowTest *test)
{
  settled = FALSE;
  anshin_account_refresh_async (test->account, NULL, on_settled_cb, NULL);
  g_assert_true (window_test_wait (test, is_settled, 10000));
}

void
window_test_advance_clock (WindowTest *test,
                           gint64      seconds)
{
  g_autoptr(GDateTime) now = issuer_test_advance_clock (window_test_get_url (test), seconds);

  g_assert_nonnull (now);
  window_test_settle (test);
}

AnshinPaymentMethod *
window_test_method (WindowTest              *test,
                    AnshinPaymentMethodKind  kind)
{
  GListModel *methods = anshin_account_get_payment_methods (test->account);

  for (guint i = 0; i < g_list_model_get_n_items (methods); i++)
    {
      g_autoptr(AnshinPaymentMethod) method = g_list_model_get_item (methods, i);

      if (anshin_payment_method_get_kind (method) == kind)
        return method;
    }

  return NULL;
}

/* the newest notice with @code */
AnshinNotice *
window_test_notice (WindowTest       *test,
                    AnshinNoticeCode  code)
{
  GListModel *notices = anshin_account_get_notices (test->account);

  for (guint i = 0; i < g_list_model_get_n_items (notices); i++)
    {
      g_autoptr(AnshinNotice) notice = g_list_model_get_item (notices, i);

      if (anshin_notice_get_code (notice) == code)
        return notice;
    }

  return NULL;
}

GtkWidget *
window_test_child (WindowTest *test,
                   const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (test->window),
                                                  ANSHIN_TYPE_WINDOW, name);

  g_assert_nonnull (child);
  return GTK_WIDGET (child);
}

/* the page in the window's slot @slot_name, which must be made by now
 * (shown, or after the window's first frame) */
GtkWidget *
window_test_page (WindowTest *test,
                  const char *slot_name)
{
  GtkWidget *page = anshin_page_slot_get_page (ANSHIN_PAGE_SLOT (window_test_child (test, slot_name)));

  g_assert_nonnull (page);
  return page;
}

/* the toplevel of @type transient for the window, if there is one */
GtkWindow *
window_test_find_dialog (WindowTest *test,
                         GType       type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type)
          && gtk_window_get_transient_for (window) == GTK_WINDOW (test->window)
          && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }

  return NULL;
}

/**
 * window_test_free:
 *
 * Destroys the window, checks that it is finalized, and stops the issuer.
 */
void
window_test_free (WindowTest *test)
{
  gtk_window_destroy (GTK_WINDOW (test->window));
  g_assert_finalize_object (test->window);

  g_clear_object (&test->account);
  g_clear_object (&test->demo);
  g_clear_pointer (&test->proxy, issuer_test_proxy_free);
  g_clear_pointer (&test->mock, anshin_mock_thread_free);
  g_free (test);
}
