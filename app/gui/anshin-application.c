/* anshin-application.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "anshin-application.h"
#include "anshin-preferences-window.h"
#include "anshin-window.h"

struct _AnshinApplication
{
  AdwApplication  parent_instance;

  /* weak pointers: one of each at a time */
  GtkWindow      *preferences_window;
  GtkWindow      *shortcuts_window;
};

G_DEFINE_FINAL_TYPE (AnshinApplication, anshin_application, ADW_TYPE_APPLICATION)

typedef struct {
  const char *action;
  const char *accels[3];
} AnshinAccel;

/* Keep ui/anshin-shortcuts-window.ui in step with this table; the tests
 * check that both list the same accelerators. win.refresh belongs to the
 * window once it shows the issuer's data. */
static const AnshinAccel accels[] = {
  { "app.quit", { "<Control>q", NULL } },
  { "app.preferences", { "<Control>comma", NULL } },
  { "app.shortcuts", { "<Control>question", NULL } },
  { "window.close", { "<Control>w", NULL } },
  { "win.show-page('card')", { "<Alt>1", NULL } },
  { "win.show-page('payment-methods')", { "<Alt>2", NULL } },
  { "win.show-page('notices')", { "<Alt>3", NULL } },
  { "win.show-page('top-up')", { "<Alt>4", NULL } },
  { "win.refresh", { "F5", "<Control>r", NULL } },
};

static GtkWindow *
get_main_window (AnshinApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    {
      if (ANSHIN_IS_WINDOW (l->data))
        return l->data;
    }

  return NULL;
}

static void
anshin_application_quit_action (GSimpleAction *action,
                                GVariant      *parameter,
                                gpointer       user_data)
{
  AnshinApplication *self = user_data;
  g_autoptr(GList) windows = NULL;

  /* Close the windows rather than just leaving the main loop, so that each
   * one stores its size and page through its close-request handler. */
  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  for (GList *l = windows; l; l = l->next)
    gtk_window_close (l->data);

  g_application_quit (G_APPLICATION (self));
}

static void
anshin_application_about_action (GSimpleAction *action,
                                 GVariant      *parameter,
                                 gpointer       user_data)
{
  AnshinApplication *self = user_data;
  static const char *developers[] = { "The Anshin Wallet authors", NULL };
  const char *translators = _("translator-credits");
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", get_main_window (self),
                        "modal", TRUE,
                        "application-icon", APPLICATION_ID,
                        "application-name", _("Anshin Wallet"),
                        "comments", _("Understand your prepaid card at a glance"),
                        "version", PACKAGE_VERSION,
                        "developer-name", "The Anshin Wallet authors",
                        "developers", developers,
                        "copyright", "© 2026 The Anshin Wallet authors",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        NULL);

  /* The untranslated msgid means there is no translation to credit. */
  if (g_strcmp0 (translators, "translator-credits") != 0)
    adw_about_window_set_translator_credits (ADW_ABOUT_WINDOW (about), translators);

  gtk_window_present (GTK_WINDOW (about));
}

static void
anshin_application_preferences_action (GSimpleAction *action,
                                       GVariant      *parameter,
                                       gpointer       user_data)
{
  AnshinApplication *self = user_data;

  if (self->preferences_window == NULL)
    {
      GtkWindow *window = GTK_WINDOW (anshin_preferences_window_new (get_main_window (self)));

      g_set_weak_pointer (&self->preferences_window, window);
    }

  gtk_window_present (self->preferences_window);
}

static void
anshin_application_shortcuts_action (GSimpleAction *action,
                                     GVariant      *parameter,
                                     gpointer       user_data)
{
  AnshinApplication *self = user_data;

  if (self->shortcuts_window == NULL)
    {
      g_autoptr(GtkBuilder) builder = NULL;
      GtkWindow *window;

      builder = gtk_builder_new_from_resource (RESOURCE_BASE "/anshin-shortcuts-window.ui");
      window = GTK_WINDOW (gtk_builder_get_object (builder, "shortcuts_window"));
      gtk_window_set_transient_for (window, get_main_window (self));
      g_set_weak_pointer (&self->shortcuts_window, window);
    }

  gtk_window_present (self->shortcuts_window);
}

static const GActionEntry app_actions[] = {
  { .name = "quit", .activate = anshin_application_quit_action },
  { .name = "about", .activate = anshin_application_about_action },
  { .name = "preferences", .activate = anshin_application_preferences_action },
  { .name = "shortcuts", .activate = anshin_application_shortcuts_action },
};

static void
anshin_application_startup (GApplication *application)
{
  AnshinApplication *self = ANSHIN_APPLICATION (application);

  G_APPLICATION_CLASS (anshin_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self),
                                           accels[i].action, accels[i].accels);

  gtk_window_set_default_icon_name (APPLICATION_ID);
}

static void
anshin_application_activate (GApplication *application)
{
  AnshinApplication *self = ANSHIN_APPLICATION (application);
  GtkWindow *window;

  window = get_main_window (self);
  if (window == NULL)
    window = GTK_WINDOW (anshin_window_new (self));

  gtk_window_present (window);
}

static void
anshin_application_dispose (GObject *object)
{
  AnshinApplication *self = ANSHIN_APPLICATION (object);

  g_clear_weak_pointer (&self->preferences_window);
  g_clear_weak_pointer (&self->shortcuts_window);

  G_OBJECT_CLASS (anshin_application_parent_class)->dispose (object);
}

static void
anshin_application_class_init (AnshinApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = anshin_application_dispose;

  app_class->startup = anshin_application_startup;
  app_class->activate = anshin_application_activate;
}

static void
anshin_application_init (AnshinApplication *self)
{
}

/**
 * anshin_application_new:
 * @application_id: the application ID, normally %APPLICATION_ID
 * @flags: flags; %G_APPLICATION_DEFAULT_FLAGS for a single instance
 *
 * Returns: (transfer full): a new application
 */
AnshinApplication *
anshin_application_new (const char        *application_id,
                        GApplicationFlags  flags)
{
  g_return_val_if_fail (g_application_id_is_valid (application_id), NULL);

  /* The resource base is fixed: the development profile's ID would
   * otherwise make GApplication look under .../Wallet/Devel/. */
  return g_object_new (ANSHIN_TYPE_APPLICATION,
                       "application-id", application_id,
                       "flags", flags,
                       "resource-base-path", RESOURCE_BASE,
                       NULL);
}
