/* anshin-window.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "anshin-window.h"

struct _AnshinWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;

  /* template children */
  AdwToastOverlay      *toast_overlay;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewStack         *stack;
  AdwViewSwitcherBar   *switcher_bar;
};

G_DEFINE_FINAL_TYPE (AnshinWindow, anshin_window, ADW_TYPE_APPLICATION_WINDOW)

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

static void
on_stack_visible_child_name_cb (AnshinWindow *self,
                                GParamSpec   *pspec,
                                AdwViewStack *stack)
{
  const char *name = adw_view_stack_get_visible_child_name (stack);

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

  gtk_widget_dispose_template (GTK_WIDGET (self), ANSHIN_TYPE_WINDOW);

  G_OBJECT_CLASS (anshin_window_parent_class)->dispose (object);
}

static void
anshin_window_finalize (GObject *object)
{
  AnshinWindow *self = ANSHIN_WINDOW (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (anshin_window_parent_class)->finalize (object);
}

static void
anshin_window_class_init (AnshinWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = anshin_window_dispose;
  object_class->finalize = anshin_window_finalize;

  window_class->close_request = anshin_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/anshin-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AnshinWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, AnshinWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, AnshinWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, AnshinWindow, switcher_bar);

  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
}

static void
anshin_window_init (AnshinWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

#if DEVELOPMENT_PROFILE
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif

  self->settings = g_settings_new (ANSHIN_SETTINGS_SCHEMA_ID);
  restore_window_state (self);

  /* connected after restoring, so that building the stack (which shows its
   * first page) does not overwrite the stored page */
  g_signal_connect_object (self->stack, "notify::visible-child-name",
                           G_CALLBACK (on_stack_visible_child_name_cb), self,
                           G_CONNECT_SWAPPED);
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
