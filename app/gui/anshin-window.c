/* anshin-window.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The main window: a header bar with the view switcher, and either the
 * loading page, the sign-in page, "can't reach the issuer", or the wallet
 * (Card, Payment methods, Notices, Top-up). The window hands its
 * AnshinAccount to the pages, which follow it, starts the account
 * (resume from the keyring, or in demo mode sign in as the scenario's demo
 * member) and shows the demo bar in demo mode. The win.* actions are in
 * anshin-window-actions.c; the pages other than the Card page are bound
 * after the first frame, in anshin-window-pages.c.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "anshin-error-text.h"
#include "anshin-menu-button.h"
#include "anshin-window-private.h"

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
  if (loaded && self->pages_bound)
    anshin_topup_page_set_account (self->topup_page, self->account);
  else if (loaded)
    anshin_window_schedule_bind_pages (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADED]);
}

void
anshin_window_set_view (AnshinWindow *self,
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
  anshin_window_update_actions (self);
  update_loaded (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VIEW]);
}

static void
update_card (AnshinWindow *self)
{
  anshin_window_update_actions (self);
  update_loaded (self);
}

static void
update_unread (AnshinWindow *self)
{
  AdwViewStackPage *page = adw_view_stack_get_page (self->stack, GTK_WIDGET (self->notices_page));
  guint unread = self->account != NULL ? anshin_account_get_unread_count (self->account) : 0;

  adw_view_stack_page_set_badge_number (page, unread);
  adw_view_stack_page_set_needs_attention (page, unread > 0);
}

static void
bind_account (AnshinWindow *self)
{
  anshin_card_page_set_account (self->card_page, self->account);
  anshin_window_bind_pages (self);

  update_card (self);
  update_unread (self);
}

/* Callbacks */

static void
on_account_notice_added_cb (AnshinWindow  *self,
                            AnshinNotice  *notice,
                            AnshinAccount *account)
{
  anshin_window_on_notice_added (self, notice);
}

static void
on_notice_opened_cb (AnshinWindow *self,
                     AnshinNotice *notice)
{
  if (self->account == NULL || anshin_notice_get_read (notice))
    return;

  anshin_account_mark_notice_read_async (self->account, notice, self->cancellable, NULL, NULL);
}

static void
on_stack_visible_child_name_cb (AnshinWindow *self,
                                GParamSpec   *pspec,
                                AdwViewStack *stack)
{
  const char *name = adw_view_stack_get_visible_child_name (stack);

  if (g_strcmp0 (name, "card") != 0)
    anshin_window_ensure_pages_bound (self);
  if (name != NULL)
    g_settings_set_string (self->settings, "last-page", name);
}

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  anshin_window_show_page (ANSHIN_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static gboolean
anshin_window_close_request (GtkWindow *window)
{
  save_window_size (ANSHIN_WINDOW (window));

  return GTK_WINDOW_CLASS (anshin_window_parent_class)->close_request (window);
}

static void
anshin_window_dispose (GObject *object)
{
  AnshinWindow *self = ANSHIN_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->pages_source, g_source_remove);
  if (self->account != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->account, self);
      g_signal_handlers_disconnect_by_data (anshin_account_get_card (self->account), self);
      g_clear_object (&self->account);
    }
  if (self->demo != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->demo, self);
      g_clear_object (&self->demo);
    }

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
  g_type_ensure (ANSHIN_TYPE_METHODS_PAGE);
  g_type_ensure (ANSHIN_TYPE_NOTICES_PAGE);
  g_type_ensure (ANSHIN_TYPE_SIGN_IN_PAGE);
  g_type_ensure (ANSHIN_TYPE_TOPUP_PAGE);
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
  gtk_widget_class_bind_template_child (widget_class, AnshinWindow, methods_page);
  gtk_widget_class_bind_template_child (widget_class, AnshinWindow, notices_page);
  gtk_widget_class_bind_template_child (widget_class, AnshinWindow, topup_page);
  gtk_widget_class_bind_template_child (widget_class, AnshinWindow, sign_in_page);
  gtk_widget_class_bind_template_child (widget_class, AnshinWindow, unreachable_page);
  gtk_widget_class_bind_template_child (widget_class, AnshinWindow, demo_revealer);
  gtk_widget_class_bind_template_child (widget_class, AnshinWindow, demo_bar);
  gtk_widget_class_bind_template_callback (widget_class, on_notice_opened_cb);
  gtk_widget_class_bind_template_callback_full (widget_class, "on_demo_scenario_loaded_cb",
                                                G_CALLBACK (anshin_window_on_demo_scenario_loaded));
  gtk_widget_class_bind_template_callback_full (widget_class, "on_demo_failed_cb",
                                                G_CALLBACK (anshin_window_on_demo_failed));

  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  anshin_window_class_init_actions (widget_class);
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

  self->settings = g_settings_new (ANSHIN_SETTINGS_SCHEMA_ID);
  restore_window_state (self);

  /* connected after restoring, so that building the stack (which shows its
   * first page) does not overwrite the stored page */
  g_signal_connect_object (self->stack, "notify::visible-child-name",
                           G_CALLBACK (on_stack_visible_child_name_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->switcher_title, "notify::title-visible",
                           G_CALLBACK (update_switchers), self, G_CONNECT_SWAPPED);

  /* a stored page other than the Card page is shown at once */
  if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->stack), "card") != 0)
    self->pages_bound = TRUE;

  gtk_stack_set_visible_child_name (self->main_stack, "loading");
  update_switchers (self);
  bind_account (self);
  anshin_window_update_actions (self);
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

/**
 * anshin_window_add_toast:
 * @self: a window
 * @toast: (transfer full): a toast
 *
 * Shows @toast at the bottom of the window.
 */
void
anshin_window_add_toast (AnshinWindow *self,
                         AdwToast     *toast)
{
  g_return_if_fail (ANSHIN_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
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
 * Binds the pages to @account and starts it (see anshin_window_start()).
 */
void
anshin_window_set_account (AnshinWindow  *self,
                           AnshinAccount *account)
{
  g_return_if_fail (ANSHIN_IS_WINDOW (self));
  g_return_if_fail (account == NULL || ANSHIN_IS_ACCOUNT (account));

  if (self->account == account)
    return;

  if (self->account != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->account, self);
      g_signal_handlers_disconnect_by_data (anshin_account_get_card (self->account), self);
    }

  g_set_object (&self->account, account);
  anshin_sign_in_page_set_account (self->sign_in_page, account);

  if (account != NULL)
    {
      g_signal_connect_swapped (account, "notify::has-card", G_CALLBACK (update_card), self);
      g_signal_connect_swapped (anshin_account_get_card (account), "notify::state",
                                G_CALLBACK (anshin_window_update_actions), self);
      g_signal_connect_swapped (account, "notify::unread-count", G_CALLBACK (update_unread), self);
      g_signal_connect_swapped (account, "notify::signed-in",
                                G_CALLBACK (anshin_window_on_account_signed_in), self);
      g_signal_connect_swapped (account, "notice-added",
                                G_CALLBACK (on_account_notice_added_cb), self);
    }

  bind_account (self);

  anshin_window_start (self);

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
  g_return_val_if_fail (ANSHIN_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (notice_id != NULL, FALSE);

  anshin_window_show_page (self, "notices");
  anshin_window_ensure_pages_bound (self);
  return anshin_notices_page_select_notice (self->notices_page, notice_id);
}
