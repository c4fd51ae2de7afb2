/* anshin-window-session.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * AnshinWindow's start-up and sessions: resuming the stored sign-in, the
 * sign-in page, "can't reach the issuer", and in demo mode signing in as
 * the scenario's demo member and following the demo bar (a new step, a
 * restarted or different scenario).
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "anshin-error-text.h"
#include "anshin-window-private.h"


static void
show_sign_in (AnshinWindow *self,
              const char   *error_text)
{
  g_autofree char *hint = NULL;

  if (self->demo != NULL && anshin_demo_controller_get_member_id (self->demo) != NULL)
    /* TRANSLATORS: shown on the sign-in page in demo mode */
    hint = g_strdup_printf (_("This is the demo issuer: sign in as member “%s” with the password “%s”."),
                            anshin_demo_controller_get_member_id (self->demo),
                            anshin_demo_controller_get_password (self->demo));

  anshin_sign_in_page_set_hint (self->sign_in_page, hint);
  anshin_sign_in_page_show_error (self->sign_in_page, error_text);
  anshin_window_set_view (self, "sign-in");
}

static void
on_demo_sign_in_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  AnshinWindow *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (anshin_account_sign_in_finish (ANSHIN_ACCOUNT (object), result, &error))
    {
      g_debug ("Signed in as the demo member");
      anshin_window_set_view (self, "wallet");
      return;
    }

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  text = anshin_error_text_describe (error, _("The demo member could not be signed in."));
  show_sign_in (self, text);
}

static void
demo_sign_in (AnshinWindow *self)
{
  const char *member_id = anshin_demo_controller_get_member_id (self->demo);
  const char *password = anshin_demo_controller_get_password (self->demo);

  if (member_id == NULL || password == NULL)
    {
      show_sign_in (self, NULL);
      return;
    }

  anshin_account_sign_in_async (self->account, member_id, password, self->cancellable,
                                on_demo_sign_in_cb, self);
}

static void
on_demo_prepared_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  AnshinWindow *self = user_data;
  g_autoptr(GError) error = NULL;

  if (!anshin_demo_controller_prepare_finish (ANSHIN_DEMO_CONTROLLER (object), result, &error))
    {
      g_autofree char *text = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      text = anshin_error_text_describe (error, NULL);
      adw_status_page_set_description (self->unreachable_page, text);
      anshin_window_set_view (self, "unreachable");
      return;
    }

  if (self->account == NULL || ANSHIN_DEMO_CONTROLLER (object) != self->demo)
    return;

  self->demo_prepared = TRUE;
  g_debug ("Demo issuer prepared");
  demo_sign_in (self);
}

static void
on_start_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  AnshinWindow *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (anshin_account_start_finish (ANSHIN_ACCOUNT (object), result, &error))
    {
      /* signed in, or offline with the last known status */
      anshin_window_set_view (self, "wallet");
      return;
    }

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (g_error_matches (error, ANSHIN_ISSUER_ERROR, ANSHIN_ISSUER_ERROR_SIGNED_OUT))
    {
      show_sign_in (self, NULL);
      return;
    }

  text = anshin_error_text_describe (error, NULL);
  adw_status_page_set_description (self->unreachable_page, text);
  anshin_window_set_view (self, "unreachable");
}

/**
 * anshin_window_start:
 *
 * Shows the account: at once when it is signed in, else after resuming
 * the stored sign-in (or, in demo mode, signing in as the demo member),
 * with the loading page meanwhile.
 */
void
anshin_window_start (AnshinWindow *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  if (self->account == NULL)
    {
      anshin_window_set_view (self, "loading");
      return;
    }

  if (anshin_account_get_signed_in (self->account))
    {
      anshin_window_set_view (self, "wallet");
      return;
    }

  anshin_window_set_view (self, "loading");

  if (self->demo != NULL)
    {
      if (self->demo_prepared)
        demo_sign_in (self);
      else
        anshin_demo_controller_prepare_async (self->demo, self->cancellable,
                                              on_demo_prepared_cb, self);
      return;
    }

  anshin_account_start_async (self->account, self->cancellable, on_start_cb, self);
}

/* Account and demo bar */

void
anshin_window_on_account_signed_in (AnshinWindow  *self,
                                    GParamSpec    *pspec,
                                    AnshinAccount *account)
{
  if (anshin_account_get_signed_in (account))
    anshin_window_set_view (self, "wallet");
  else if (anshin_account_get_online (account))
    show_sign_in (self, NULL);

  anshin_window_update_actions (self);
}

static void
on_account_refreshed_cb (GObject      *object,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!anshin_account_refresh_finish (ANSHIN_ACCOUNT (object), result, &error))
    g_debug ("Refresh after a demo step failed: %s", error->message);
}

void
anshin_window_on_demo_step (AnshinWindow *self)
{
  /* The issuer's clock moved: follow it now, not at the next tick. The
   * live events bring the changes too; a refresh makes sure. */
  if (self->account != NULL && anshin_account_get_signed_in (self->account))
    anshin_account_refresh_async (self->account, self->cancellable, on_account_refreshed_cb, NULL);
}

void
anshin_window_on_demo_scenario_loaded (AnshinWindow *self)
{
  g_autoptr(AnshinAccount) account = NULL;
  g_autoptr(GError) error = NULL;

  if (self->demo == NULL)
    return;

  /* The issuer's state, sessions and clock went back to the scenario's
   * start: start over with a fresh account (no stale notices announced). */
  account = anshin_account_new_for_url (anshin_demo_controller_get_base_url (self->demo), &error);
  if (account == NULL)
    {
      anshin_window_toast_error (self, error, NULL);
      return;
    }

  anshin_account_set_remember_sign_in (account, FALSE);
  self->demo_prepared = FALSE;
  anshin_window_set_account (self, account);
}

void
anshin_window_on_demo_failed (AnshinWindow *self,
                              GError       *error)
{
  anshin_window_toast_error (self, error, _("The demo did not change."));
}


/* Toasts */

void
anshin_window_toast (AnshinWindow *self,
                     const char   *title)
{
  g_autofree char *escaped = g_markup_escape_text (title, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  anshin_window_add_toast (self, toast);
}

/**
 * anshin_window_toast_error:
 * @what_failed: (nullable): a translated sentence: what did not happen
 *
 * Shows a toast that says what failed, why and what to do.
 */
void
anshin_window_toast_error (AnshinWindow *self,
                           const GError *error,
                           const char   *what_failed)
{
  g_autofree char *text = anshin_error_text_describe (error, what_failed);
  g_autofree char *escaped = g_markup_escape_text (text, -1);
  AdwToast *toast = adw_toast_new (escaped);
  GtkWidget *label;

  /* What failed, why and what to do is longer than a toast's one line:
   * the label wraps so that none of it is cut off. */
  label = g_object_new (GTK_TYPE_LABEL,
                        "label", text,
                        "wrap", TRUE,
                        "wrap-mode", PANGO_WRAP_WORD_CHAR,
                        "max-width-chars", 60,
                        "xalign", 0.0f,
                        NULL);
  gtk_widget_add_css_class (label, "heading");
  adw_toast_set_custom_title (toast, label);
  adw_toast_set_timeout (toast, 8);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  anshin_window_add_toast (self, toast);
}

/* Public API */

AnshinDemoController *
anshin_window_get_demo_controller (AnshinWindow *self)
{
  g_return_val_if_fail (ANSHIN_IS_WINDOW (self), NULL);
  return self->demo;
}

/**
 * anshin_window_set_demo_controller:
 * @controller: (nullable): the embedded demo issuer's controller
 *
 * In demo mode the window shows the demo bar and signs in as the
 * scenario's demo member. Set it before the account.
 */
void
anshin_window_set_demo_controller (AnshinWindow         *self,
                                   AnshinDemoController *controller)
{
  g_return_if_fail (ANSHIN_IS_WINDOW (self));
  g_return_if_fail (controller == NULL || ANSHIN_IS_DEMO_CONTROLLER (controller));

  if (self->demo == controller)
    return;

  if (self->demo != NULL)
    g_signal_handlers_disconnect_by_data (self->demo, self);

  g_set_object (&self->demo, controller);
  self->demo_prepared = FALSE;
  anshin_demo_bar_set_controller (self->demo_bar, controller);
  gtk_revealer_set_reveal_child (self->demo_revealer, controller != NULL);

  if (controller != NULL)
    g_signal_connect_swapped (controller, "notify::current-step",
                              G_CALLBACK (anshin_window_on_demo_step), self);

  g_object_notify (G_OBJECT (self), "demo-controller");
}

/**
 * anshin_window_show_problem:
 * @message: a translated paragraph: why there is no issuer, what to do
 *
 * Shows "can't reach your card issuer" with @message, for an issuer that
 * could not even be set up (a refused address, a demo issuer that did not
 * start).
 */
void
anshin_window_show_problem (AnshinWindow *self,
                            const char   *message)
{
  g_return_if_fail (ANSHIN_IS_WINDOW (self));
  g_return_if_fail (message != NULL);

  adw_status_page_set_description (self->unreachable_page, message);
  anshin_window_set_view (self, "unreachable");
}
