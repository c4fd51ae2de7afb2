/* anshin-window.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The main window: a header bar with the view switcher, and either the
 * loading page, the sign-in page, "can't reach the issuer", or the wallet
 * (Card, Payment methods, Notices, Top-up). The window hands its
 * AnshinAccount to the pages, which follow it; starts the account (resume
 * from the keyring, or in demo mode sign in as the scenario's demo member)
 * and shows the demo bar in demo mode. The pages other than the Card page
 * are made by their slots (anshin-page-slot.c) when first shown, or one
 * per idle moment once the first frame has shown the card.
 * The win.* actions are in anshin-window-actions.c, which follows the
 * window and is only installed from here.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "anshin-a11y.h"
#include "anshin-alert.h"
#include "anshin-background.h"
#include "anshin-error-text.h"
#include "anshin-menu-button.h"
#include "anshin-window-private.h"

static void schedule_make_pages     (AnshinWindow  *self);
static void on_account_signed_in_cb (AnshinWindow  *self,
                                     GParamSpec    *pspec,
                                     AnshinAccount *account);
static void on_demo_step_cb         (AnshinWindow  *self);

G_DEFINE_FINAL_TYPE (AnshinWindow, anshin_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_ACCOUNT,
  PROP_DEMO_CONTROLLER,
  PROP_VIEW,
  PROP_LOADED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
save_window_size (AnshinWindow *self)
{
  int width = 0;
  int height = 0;

  /* GTK keeps the default size at the last unmaximized size, which is the
   * size to come back to after unmaximizing. */
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);

  g_settings_delay (self->settings);
  if (width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  g_settings_apply (self->settings);
}

static void
restore_window_state (AnshinWindow *self)
{
  g_autofree char *last_page = NULL;

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));

  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  /* the schema's choices only allow the names of our pages */
  last_page = g_settings_get_string (self->settings, "last-page");
  adw_view_stack_set_visible_child_name (self->stack, last_page);
}

/* Views and pages */

static void
update_switchers (AnshinWindow *self)
{
  gboolean wallet = g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "wallet") == 0;
  gboolean reveal_bar = wallet && adw_view_switcher_title_get_title_visible (self->switcher_title);

  /* the bar's buttons are built the first time a narrow window needs them */
  if (reveal_bar && adw_view_switcher_bar_get_stack (self->switcher_bar) == NULL)
    adw_view_switcher_bar_set_stack (self->switcher_bar, self->stack);

  adw_view_switcher_title_set_view_switcher_enabled (self->switcher_title, wallet);
  adw_view_switcher_bar_set_reveal (self->switcher_bar, reveal_bar);
}

static void
update_loaded (AnshinWindow *self)
{
  gboolean loaded = self->account != NULL
                    && anshin_account_get_has_card (self->account)
                    && g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "wallet") == 0;

  if (loaded == self->loaded)
    return;

  self->loaded = loaded;
  if (loaded)
    {
      anshin_page_slot_set_account (self->topup_slot, self->account);
      schedule_make_pages (self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADED]);
}

static void
set_view (AnshinWindow *self,
          const char   *name)
{
  GtkWidget *child = gtk_stack_get_child_by_name (self->main_stack, name);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), name) == 0)
    return;

  /* the sign-in and "can't reach" views are hidden (no styles, icons or
   * sizes to compute at start-up) until they are first needed */
  gtk_widget_set_visible (child, TRUE);
  gtk_stack_set_visible_child_name (self->main_stack, name);
  update_switchers (self);
  update_loaded (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VIEW]);
}

static void
update_card (AnshinWindow *self)
{
  update_loaded (self);
}

static void
update_unread (AnshinWindow *self)
{
  AdwViewStackPage *page = adw_view_stack_get_page (self->stack, GTK_WIDGET (self->notices_slot));
  guint unread = self->account != NULL ? anshin_account_get_unread_count (self->account) : 0;

  adw_view_stack_page_set_badge_number (page, unread);
  adw_view_stack_page_set_needs_attention (page, unread > 0);
}

/* In the demo, the one-time code shows in the demo bar while awaited. */
static void
bind_demo_code (AnshinWindow *self)
{
  g_clear_pointer (&self->code_binding, g_binding_unbind);
  if (self->account != NULL && self->demo != NULL)
    self->code_binding = g_object_bind_property (self->account, "challenge-pending",
                                                 self->demo, "awaiting-code", G_BINDING_SYNC_CREATE);
}

static void
bind_account (AnshinWindow *self)
{
  bind_demo_code (self);
  anshin_card_page_set_account (self->card_page, self->account);
  anshin_page_slot_set_account (self->methods_slot, self->account);
  anshin_page_slot_set_account (self->notices_slot, self->account);
  anshin_page_slot_set_account (self->activity_slot, self->account);
  /* the Top-up page loads its own data: only once the card is shown, so
   * that the card comes first */
  anshin_page_slot_set_account (self->topup_slot, self->loaded ? self->account : NULL);

  update_card (self);
  update_unread (self);
}

/* The late pages */

static gboolean on_make_pages_idle_cb (gpointer user_data);

static void
on_pages_after_paint_cb (GdkFrameClock *frame_clock,
                         AnshinWindow  *self)
{
  g_signal_handlers_disconnect_by_func (frame_clock, on_pages_after_paint_cb, self);
  self->waiting_for_paint = FALSE;
  self->card_painted = TRUE;
  if (self->pages_source == 0)
    self->pages_source = g_idle_add_full (G_PRIORITY_LOW, on_make_pages_idle_cb, self, NULL);
}

static gboolean
on_make_pages_idle_cb (gpointer user_data)
{
  AnshinWindow *self = user_data;
  GdkFrameClock *frame_clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));
  AnshinPageSlot *slots[] = { self->methods_slot, self->notices_slot, self->topup_slot,
                              self->activity_slot };

  /* a window on screen paints the card first */
  if (!self->card_painted && gtk_widget_get_mapped (GTK_WIDGET (self)) && frame_clock != NULL)
    {
      self->pages_source = 0;
      if (!self->waiting_for_paint)
        g_signal_connect_object (frame_clock, "after-paint",
                                 G_CALLBACK (on_pages_after_paint_cb), self, 0);
      self->waiting_for_paint = TRUE;
      gtk_widget_queue_draw (GTK_WIDGET (self));
      return G_SOURCE_REMOVE;
    }

  /* one page an iteration, so that the holder's input goes first */
  for (guint i = 0; i < G_N_ELEMENTS (slots); i++)
    if (anshin_page_slot_get_page (slots[i]) == NULL)
      {
        g_debug ("Making the %s before it is shown",
                 g_type_name (anshin_page_slot_get_page_type (slots[i])));
        anshin_page_slot_ensure_page (slots[i]);
        return G_SOURCE_CONTINUE;
      }

  self->pages_source = 0;
  return G_SOURCE_REMOVE;
}

/**
 * schedule_make_pages:
 *
 * Makes the pages not shown yet at the first idle moments after the
 * window (if it is on screen) has painted the card, so that they open at
 * once; only for speed: what the Card page shows comes from the account.
 */
static void
schedule_make_pages (AnshinWindow *self)
{
  if (self->pages_source != 0 || self->waiting_for_paint)
    return;

  self->pages_source = g_idle_add_full (G_PRIORITY_LOW, on_make_pages_idle_cb, self, NULL);
}

/* Start-up and sessions */

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
  set_view (self, "sign-in");
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
      set_view (self, "wallet");
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
      set_view (self, "unreachable");
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
      set_view (self, "wallet");
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
  set_view (self, "unreachable");
}

/**
 * _anshin_window_start:
 *
 * Shows the account: at once when it is signed in, else after resuming
 * the stored sign-in (or, in demo mode, signing in as the demo member),
 * with the loading page meanwhile.
 */
void
_anshin_window_start (AnshinWindow *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  if (self->account == NULL)
    {
      set_view (self, "loading");
      return;
    }

  if (anshin_account_get_signed_in (self->account))
    {
      set_view (self, "wallet");
      return;
    }

  set_view (self, "loading");

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

static void
on_account_signed_in_cb (AnshinWindow  *self,
                         GParamSpec    *pspec,
                         AnshinAccount *account)
{
  if (anshin_account_get_signed_in (account))
    set_view (self, "wallet");
  else if (anshin_account_get_online (account))
    show_sign_in (self, NULL);
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

static void
on_demo_step_cb (AnshinWindow *self)
{
  /* The issuer's clock moved: follow it now, not at the next tick. The
   * live events bring the changes too; a refresh makes sure. */
  if (self->account != NULL && anshin_account_get_signed_in (self->account))
    anshin_account_refresh_async (self->account, self->cancellable, on_account_refreshed_cb, NULL);
}

static void
on_demo_scenario_loaded_cb (AnshinWindow *self)
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
      _anshin_window_toast_error (self, error, NULL);
      return;
    }

  anshin_account_set_remember_sign_in (account, FALSE);
  self->demo_prepared = FALSE;
  anshin_window_set_account (self, account);
}

static void
on_demo_failed_cb (AnshinWindow *self,
                              GError       *error)
{
  _anshin_window_toast_error (self, error, _("The demo did not change."));
}


/* A page's result (the Top-up page's), said whole; one that states the
 * balance goes once the balance is no longer that */
static void
on_page_toast_cb (AnshinWindow *self,
                  const char   *text,
                  gint64        balance)
{
  AdwToast *toast = _anshin_window_toast_whole (self, text);

  if (balance >= 0)
    _anshin_window_toast_claims (self, toast, ANSHIN_TOAST_CLAIM_BALANCE, balance);
}

/* Callbacks */

static void
on_notice_opened_cb (AnshinWindow *self,
                     AnshinNotice *notice)
{
  if (self->account == NULL || anshin_notice_get_read (notice))
    return;

  anshin_account_mark_notice_read_async (self->account, notice, self->cancellable, NULL, NULL);
}

static void
on_notices_page_made_cb (AnshinWindow *self)
{
  g_signal_connect_object (anshin_page_slot_get_page (self->notices_slot), "notice-opened",
                           G_CALLBACK (on_notice_opened_cb), self, G_CONNECT_SWAPPED);
}

static void
on_topup_page_made_cb (AnshinWindow *self)
{
  g_signal_connect_object (anshin_page_slot_get_page (self->topup_slot), "show-toast",
                           G_CALLBACK (on_page_toast_cb), self, G_CONNECT_SWAPPED);
}

static void
on_stack_visible_child_name_cb (AnshinWindow *self,
                                GParamSpec   *pspec,
                                AdwViewStack *stack)
{
  const char *name = adw_view_stack_get_visible_child_name (stack);

  if (name != NULL)
    g_settings_set_string (self->settings, "last-page", name);
  /* the demo's narration follows the page the presenter is on */
  anshin_demo_bar_set_page (self->demo_bar, name);
}

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  anshin_window_show_page (ANSHIN_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

/* Closing with something pending: once, offer to keep watching */

static void
on_background_enabled_cb (GObject      *object,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  g_autoptr(GApplication) application = user_data;
  g_autoptr(GSettings) settings = g_settings_new (ANSHIN_SETTINGS_SCHEMA_ID);
  g_autoptr(GError) error = NULL;

  if (anshin_background_set_enabled_finish (result, &error))
    {
      g_settings_set_boolean (settings, "watch-in-background", TRUE);
      anshin_background_start_watcher ();
    }
  else
    g_debug ("Watching in the background could not be turned on: %s", error->message);

  g_application_release (application);
}

static void
on_watch_offer_response_cb (AdwMessageDialog *dialog,
                            const char       *response,
                            AnshinWindow     *self)
{
  GApplication *application = G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));

  g_settings_set_boolean (self->settings, "background-offered", TRUE);
  /* closing saved the window's size in delayed mode */
  g_settings_apply (self->settings);

  /* the app may quit once the window is gone: held until it is done */
  if (g_strcmp0 (response, "watch") == 0 && application != NULL)
    {
      g_application_hold (application);
      anshin_background_set_enabled_async (g_application_get_application_id (application), TRUE,
                                           _("Anshin Wallet watches your card while its window is closed and tells you when something changes."),
                                           NULL, on_background_enabled_cb, g_object_ref (application));
    }

  gtk_window_destroy (GTK_WINDOW (self));
}

static gboolean
offer_watching (AnshinWindow *self)
{
  g_autofree char *offer = NULL;
  GtkWidget *dialog;

  /* not for the demo issuer, which goes with the app */
  if (self->demo != NULL || self->account == NULL || !anshin_account_get_signed_in (self->account) ||
      g_settings_get_boolean (self->settings, "watch-in-background") ||
      g_settings_get_boolean (self->settings, "background-offered"))
    return FALSE;

  offer = anshin_alert_dup_watch_offer (anshin_account_get_card_if_any (self->account),
                                        anshin_account_get_payment_methods (self->account),
                                        anshin_account_get_registration_locked_until (self->account),
                                        anshin_account_get_now (self->account));
  if (offer == NULL)
    return FALSE;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Keep Watching in the Background?"), offer);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "close", _("_Not Now"),
                                    "watch", _("_Keep Watching"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "watch",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "watch");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_watch_offer_response_cb), self, 0);
  anshin_a11y_name_buttons (dialog);
  gtk_window_present (GTK_WINDOW (dialog));

  return TRUE;
}

static gboolean
anshin_window_close_request (GtkWindow *window)
{
  AnshinWindow *self = ANSHIN_WINDOW (window);

  save_window_size (self);

  /* the window closes once the holder has answered */
  if (offer_watching (self))
    return TRUE;

  return GTK_WINDOW_CLASS (anshin_window_parent_class)->close_request (window);
}

static void
anshin_window_dispose (GObject *object)
{
  AnshinWindow *self = ANSHIN_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->pages_source, g_source_remove);
  g_clear_pointer (&self->code_binding, g_binding_unbind);
  if (self->account_signals != NULL)
    g_signal_group_set_target (self->account_signals, NULL);
  if (self->action_signals != NULL)
    g_signal_group_set_target (self->action_signals, NULL);
  g_clear_object (&self->account_signals);
  g_clear_object (&self->action_signals);
  if (self->card_signals != NULL)
    g_signal_group_set_target (self->card_signals, NULL);
  g_clear_object (&self->card_signals);
  _anshin_window_clear_toast (self);
  g_clear_object (&self->account);
  if (self->demo != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->demo, self);
      g_clear_object (&self->demo);
    }
  /* the stack's pages going away must not reach the demo bar, which may
   * be gone before them */
  if (self->stack != NULL)
    g_signal_handlers_disconnect_by_func (self->stack, on_stack_visible_child_name_cb, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), ANSHIN_TYPE_WINDOW);

  G_OBJECT_CLASS (anshin_window_parent_class)->dispose (object);
}

static void
anshin_window_finalize (GObject *object)
{
  AnshinWindow *self = ANSHIN_WINDOW (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (anshin_window_parent_class)->finalize (object);
}

static void
anshin_window_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  AnshinWindow *self = ANSHIN_WINDOW (object);

  switch (prop_id)
    {
    case PROP_ACCOUNT:
      g_value_set_object (value, self->account);
      break;
    case PROP_DEMO_CONTROLLER:
      g_value_set_object (value, self->demo);
      break;
    case PROP_VIEW:
      g_value_set_string (value, anshin_window_get_view (self));
      break;
    case PROP_LOADED:
      g_value_set_boolean (value, self->loaded);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anshin_window_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  AnshinWindow *self = ANSHIN_WINDOW (object);

  switch (prop_id)
    {
    case PROP_ACCOUNT:
      anshin_window_set_account (self, g_value_get_object (value));
      break;
    case PROP_DEMO_CONTROLLER:
      anshin_window_set_demo_controller (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anshin_window_class_init (AnshinWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->dispose = anshin_window_dispose;
  object_class->finalize = anshin_window_finalize;
  object_class->get_property = anshin_window_get_property;
  object_class->set_property = anshin_window_set_property;

  window_class->close_request = anshin_window_close_request;

  properties[PROP_ACCOUNT] =
    g_param_spec_object ("account", NULL, NULL, ANSHIN_TYPE_ACCOUNT, rw);
  properties[PROP_DEMO_CONTROLLER] =
    g_param_spec_object ("demo-controller", NULL, NULL, ANSHIN_TYPE_DEMO_CONTROLLER, rw);
  /* "loading", "sign-in", "unreachable" or "wallet" */
  properties[PROP_VIEW] = g_param_spec_string ("view", NULL, NULL, NULL, ro);
  /* TRUE once the wallet shows the issuer's card */
  properties[PROP_LOADED] = g_param_spec_boolean ("loaded", NULL, NULL, FALSE, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ANSHIN_TYPE_CARD_PAGE);
  g_type_ensure (ANSHIN_TYPE_PAGE_SLOT);
  g_type_ensure (ANSHIN_TYPE_METHODS_PAGE);
  g_type_ensure (ANSHIN_TYPE_NOTICES_PAGE);
  g_type_ensure (ANSHIN_TYPE_SIGN_IN_PAGE);
  g_type_ensure (ANSHIN_TYPE_TOPUP_PAGE);
  g_type_ensure (ANSHIN_TYPE_ACTIVITY_PAGE);
  g_type_ensure (ANSHIN_TYPE_DEMO_BAR);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/anshin-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AnshinWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, AnshinWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, AnshinWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, AnshinWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, AnshinWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, AnshinWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, AnshinWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, AnshinWindow, card_page);
  gtk_widget_class_bind_template_child (widget_class, AnshinWindow, methods_slot);
  gtk_widget_class_bind_template_child (widget_class, AnshinWindow, notices_slot);
  gtk_widget_class_bind_template_child (widget_class, AnshinWindow, topup_slot);
  gtk_widget_class_bind_template_child (widget_class, AnshinWindow, activity_slot);
  gtk_widget_class_bind_template_child (widget_class, AnshinWindow, sign_in_page);
  gtk_widget_class_bind_template_child (widget_class, AnshinWindow, unreachable_page);
  gtk_widget_class_bind_template_child (widget_class, AnshinWindow, demo_revealer);
  gtk_widget_class_bind_template_child (widget_class, AnshinWindow, demo_bar);
  gtk_widget_class_bind_template_callback (widget_class, on_notices_page_made_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_topup_page_made_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_demo_scenario_loaded_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_demo_failed_cb);

  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  _anshin_window_class_init_actions (widget_class);
}

static void
anshin_window_init (AnshinWindow *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));

#if DEVELOPMENT_PROFILE
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif

  anshin_menu_button_set_menu_on_open (self->primary_menu_button, self->primary_menu, NULL);

  self->account_signals = g_signal_group_new (ANSHIN_TYPE_ACCOUNT);
  g_signal_group_connect_swapped (self->account_signals, "notify::has-card",
                                  G_CALLBACK (update_card), self);
  g_signal_group_connect_swapped (self->account_signals, "notify::unread-count",
                                  G_CALLBACK (update_unread), self);
  g_signal_group_connect_swapped (self->account_signals, "notify::signed-in",
                                  G_CALLBACK (on_account_signed_in_cb), self);
  _anshin_window_init_actions (self);

  self->settings = g_settings_new (ANSHIN_SETTINGS_SCHEMA_ID);
  restore_window_state (self);

  /* connected after restoring, so that building the stack (which shows its
   * first page) does not overwrite the stored page */
  g_signal_connect_object (self->stack, "notify::visible-child-name",
                           G_CALLBACK (on_stack_visible_child_name_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->switcher_title, "notify::title-visible",
                           G_CALLBACK (update_switchers), self, G_CONNECT_SWAPPED);

  anshin_demo_bar_set_page (self->demo_bar, adw_view_stack_get_visible_child_name (self->stack));

  gtk_stack_set_visible_child_name (self->main_stack, "loading");
  update_switchers (self);
  bind_account (self);
}

/**
 * anshin_window_new:
 * @application: the application
 *
 * Returns: (transfer none): a new main window, owned by GTK until it is
 *   closed
 */
AnshinWindow *
anshin_window_new (AnshinApplication *application)
{
  g_return_val_if_fail (ANSHIN_IS_APPLICATION (application), NULL);

  return g_object_new (ANSHIN_TYPE_WINDOW,
                       "application", application,
                       NULL);
}

/**
 * anshin_window_get_visible_page:
 * @self: a window
 *
 * Returns: the name of the page shown: "card", "payment-methods",
 *   "notices" or "top-up"
 */
const char *
anshin_window_get_visible_page (AnshinWindow *self)
{
  g_return_val_if_fail (ANSHIN_IS_WINDOW (self), NULL);

  return adw_view_stack_get_visible_child_name (self->stack);
}

/**
 * anshin_window_show_page:
 * @self: a window
 * @name: "card", "payment-methods", "notices" or "top-up"
 *
 * Shows the page called @name, as the `win.show-page` action does.
 */
void
anshin_window_show_page (AnshinWindow *self,
                         const char   *name)
{
  g_return_if_fail (ANSHIN_IS_WINDOW (self));
  g_return_if_fail (name != NULL);

  if (adw_view_stack_get_child_by_name (self->stack, name) == NULL)
    {
      g_warning ("The window has no page called “%s”", name);
      return;
    }

  adw_view_stack_set_visible_child_name (self->stack, name);
}

AnshinAccount *
anshin_window_get_account (AnshinWindow *self)
{
  g_return_val_if_fail (ANSHIN_IS_WINDOW (self), NULL);
  return self->account;
}

/**
 * anshin_window_set_account:
 * @account: (nullable): the account to show
 *
 * Binds the pages to @account and starts it (see _anshin_window_start()).
 */
void
anshin_window_set_account (AnshinWindow  *self,
                           AnshinAccount *account)
{
  g_return_if_fail (ANSHIN_IS_WINDOW (self));
  g_return_if_fail (account == NULL || ANSHIN_IS_ACCOUNT (account));

  if (self->account == account)
    return;

  g_set_object (&self->account, account);
  g_signal_group_set_target (self->account_signals, account);
  anshin_sign_in_page_set_account (self->sign_in_page, account);
  bind_account (self);

  _anshin_window_start (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCOUNT]);
}

/**
 * anshin_window_get_view:
 *
 * Returns: what the window shows: "loading", "sign-in", "unreachable" or
 *   "wallet" (the pages)
 */
const char *
anshin_window_get_view (AnshinWindow *self)
{
  g_return_val_if_fail (ANSHIN_IS_WINDOW (self), NULL);
  return gtk_stack_get_visible_child_name (self->main_stack);
}

/**
 * anshin_window_get_loaded:
 *
 * Returns: whether the Card page shows the issuer's card
 */
gboolean
anshin_window_get_loaded (AnshinWindow *self)
{
  g_return_val_if_fail (ANSHIN_IS_WINDOW (self), FALSE);
  return self->loaded;
}

/**
 * anshin_window_get_now:
 *
 * Returns: (transfer none) (nullable): the issuer's clock as the pages
 *   see it (the account's), or %NULL without an account
 */
GDateTime *
anshin_window_get_now (AnshinWindow *self)
{
  g_return_val_if_fail (ANSHIN_IS_WINDOW (self), NULL);
  return self->account != NULL ? anshin_account_get_now (self->account) : NULL;
}

/**
 * anshin_window_show_notice:
 * @notice_id: the issuer's ID of a notice
 *
 * Shows the Notices page with that notice open, as clicking its desktop
 * notification does.
 *
 * Returns: %TRUE if the notice is there
 */
gboolean
anshin_window_show_notice (AnshinWindow *self,
                           const char   *notice_id)
{
  GtkWidget *page;

  g_return_val_if_fail (ANSHIN_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (notice_id != NULL, FALSE);

  anshin_window_show_page (self, "notices");
  page = anshin_page_slot_ensure_page (self->notices_slot);
  return anshin_notices_page_select_notice (ANSHIN_NOTICES_PAGE (page), notice_id);
}


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
  bind_demo_code (self);
  anshin_demo_bar_set_controller (self->demo_bar, controller);
  gtk_revealer_set_reveal_child (self->demo_revealer, controller != NULL);

  if (controller != NULL)
    g_signal_connect_swapped (controller, "notify::current-step",
                              G_CALLBACK (on_demo_step_cb), self);

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
  set_view (self, "unreachable");
}
