/* anshin-preferences-window.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "anshin-background.h"
#include "anshin-issuer-url.h"

#include "anshin-application.h"
#include "anshin-preferences-window.h"

struct _AnshinPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;

  /* template children */
  AdwEntryRow          *issuer_row;
  GtkLabel             *issuer_error_label;
  GtkSwitch            *notifications_switch;
  GtkSwitch            *watch_switch;

  GCancellable         *cancellable;
};

G_DEFINE_FINAL_TYPE (AnshinPreferencesWindow, anshin_preferences_window,
                     ADW_TYPE_PREFERENCES_WINDOW)

static void
show_issuer_error (AnshinPreferencesWindow *self,
                   const char              *message)
{
  gtk_label_set_text (self->issuer_error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->issuer_error_label), message != NULL);

  if (message != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->issuer_row), "error");
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->issuer_row),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message,
                                      -1);
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->issuer_row), "error");
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self->issuer_row),
                                     GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
}

static void
load_issuer_url (AnshinPreferencesWindow *self)
{
  g_autofree char *url = g_settings_get_string (self->settings, "issuer-url");

  gtk_editable_set_text (GTK_EDITABLE (self->issuer_row), url);
  show_issuer_error (self, NULL);
}

static void
on_settings_issuer_url_changed_cb (AnshinPreferencesWindow *self,
                                   const char              *key,
                                   GSettings               *settings)
{
  load_issuer_url (self);
}

static void
on_issuer_row_changed_cb (AnshinPreferencesWindow *self,
                          GtkEditable             *editable)
{
  /* the reason applied to what was there before; the new text gets its
   * own verdict when it is applied */
  show_issuer_error (self, NULL);
}

static void
on_issuer_row_apply_cb (AnshinPreferencesWindow *self,
                        AdwEntryRow             *row)
{
  g_autofree char *url = NULL;
  g_autoptr(GError) error = NULL;
  AdwToast *toast;

  url = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  if (url[0] != '\0' && !anshin_issuer_url_is_allowed (url, &error))
    {
      g_debug ("Issuer address refused: %s", error->message);
      show_issuer_error (self, error->message);
      return;
    }

  /* the row then shows the address as stored, without stray spaces */
  g_settings_set_string (self->settings, "issuer-url", url);
  load_issuer_url (self);

  if (url[0] == '\0')
    toast = adw_toast_new (_("Anshin Wallet will use its demo issuer"));
  else
    toast = adw_toast_new (_("Issuer address saved"));

  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), toast);
}

/* Watch in the Background: the switch shows the setting; turning it on or
 * off installs or removes the autostart entry (or asks the Background
 * portal), then stores the setting. A refusal puts the switch back. */

static const char *
app_id (void)
{
  GApplication *application = g_application_get_default ();
  const char *id = application != NULL ? g_application_get_application_id (application) : NULL;

  return id != NULL ? id : APPLICATION_ID;
}

static void
on_background_set_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(AnshinPreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean wanted = gtk_switch_get_active (self->watch_switch);
  GApplication *application = g_application_get_default ();

  if (!anshin_background_set_enabled_finish (result, &error))
    {
      g_autofree char *message = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      g_debug ("Watching in the background could not be changed: %s", error->message);
      gtk_switch_set_state (self->watch_switch, !wanted);
      gtk_switch_set_active (self->watch_switch, !wanted);
      message = wanted ? g_strdup (_("Anshin Wallet can’t start at login to watch in the background. Check the Background Apps settings and try again."))
                       : g_strdup (_("The background watcher could not be turned off. Try again."));
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (message));
      return;
    }

  g_settings_set_boolean (self->settings, "watch-in-background", wanted);
  gtk_switch_set_state (self->watch_switch, wanted);

  if (wanted)
    anshin_background_start_watcher ();
  else if (application != NULL && g_application_get_dbus_connection (application) != NULL)
    anshin_background_stop_watcher (g_application_get_dbus_connection (application), app_id ());
}

static gboolean
on_watch_switch_state_set_cb (AnshinPreferencesWindow *self,
                              gboolean                 state,
                              GtkSwitch               *widget)
{
  if (state == g_settings_get_boolean (self->settings, "watch-in-background"))
    {
      gtk_switch_set_state (widget, state);
      return TRUE;
    }

  anshin_background_set_enabled_async (app_id (), state,
                                       _("Anshin Wallet watches your card while its window is closed and tells you when something changes."),
                                       self->cancellable, on_background_set_cb, g_object_ref (self));
  /* the state follows once it is done */
  return TRUE;
}

static void
on_settings_watch_changed_cb (AnshinPreferencesWindow *self)
{
  gboolean watching = g_settings_get_boolean (self->settings, "watch-in-background");

  gtk_switch_set_active (self->watch_switch, watching);
  gtk_switch_set_state (self->watch_switch, watching);
}

static void
anshin_preferences_window_dispose (GObject *object)
{
  AnshinPreferencesWindow *self = ANSHIN_PREFERENCES_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), ANSHIN_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (anshin_preferences_window_parent_class)->dispose (object);
}

static void
anshin_preferences_window_finalize (GObject *object)
{
  AnshinPreferencesWindow *self = ANSHIN_PREFERENCES_WINDOW (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (anshin_preferences_window_parent_class)->finalize (object);
}

static void
anshin_preferences_window_class_init (AnshinPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = anshin_preferences_window_dispose;
  object_class->finalize = anshin_preferences_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/anshin-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AnshinPreferencesWindow, issuer_row);
  gtk_widget_class_bind_template_child (widget_class, AnshinPreferencesWindow,
                                        issuer_error_label);
  gtk_widget_class_bind_template_child (widget_class, AnshinPreferencesWindow,
                                        notifications_switch);
  gtk_widget_class_bind_template_child (widget_class, AnshinPreferencesWindow, watch_switch);
  gtk_widget_class_bind_template_callback (widget_class, on_issuer_row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_watch_switch_state_set_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_issuer_row_apply_cb);
}

static void
anshin_preferences_window_init (AnshinPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (ANSHIN_SETTINGS_SCHEMA_ID);

  load_issuer_url (self);
  g_signal_connect_object (self->settings, "changed::issuer-url",
                           G_CALLBACK (on_settings_issuer_url_changed_cb), self,
                           G_CONNECT_SWAPPED);

  g_settings_bind (self->settings, "notifications-enabled",
                   self->notifications_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);

  self->cancellable = g_cancellable_new ();
  on_settings_watch_changed_cb (self);
  g_signal_connect_object (self->settings, "changed::watch-in-background",
                           G_CALLBACK (on_settings_watch_changed_cb), self, G_CONNECT_SWAPPED);
}

/**
 * anshin_preferences_window_new:
 * @transient_for: (nullable): the window it belongs to
 *
 * Returns: (transfer none): a new Preferences window, owned by GTK until
 *   it is closed
 */
AnshinPreferencesWindow *
anshin_preferences_window_new (GtkWindow *transient_for)
{
  g_return_val_if_fail (transient_for == NULL || GTK_IS_WINDOW (transient_for), NULL);

  return g_object_new (ANSHIN_TYPE_PREFERENCES_WINDOW,
                       "transient-for", transient_for,
                       "modal", transient_for != NULL,
                       NULL);
}
