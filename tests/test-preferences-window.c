/* test-preferences-window.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "anshin-issuer-url.h"

#include "anshin-application.h"
#include "anshin-preferences-window.h"

typedef struct {
  GSettings *settings;
  AnshinPreferencesWindow *window;
  AdwEntryRow *issuer_row;
  GtkLabel *issuer_error_label;
  GtkSwitch *notifications_switch;
} Fixture;

static GtkWidget *
template_child (Fixture    *fixture,
                const char *name)
{
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (fixture->window),
                                                    ANSHIN_TYPE_PREFERENCES_WINDOW, name));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->settings = g_settings_new (ANSHIN_SETTINGS_SCHEMA_ID);
  g_settings_reset (fixture->settings, "issuer-url");
  g_settings_reset (fixture->settings, "notifications-enabled");

  fixture->window = g_object_ref (anshin_preferences_window_new (NULL));
  fixture->issuer_row = ADW_ENTRY_ROW (template_child (fixture, "issuer_row"));
  fixture->issuer_error_label = GTK_LABEL (template_child (fixture, "issuer_error_label"));
  fixture->notifications_switch = GTK_SWITCH (template_child (fixture, "notifications_switch"));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_assert_finalize_object (fixture->window);
  g_clear_object (&fixture->settings);
}

static void
apply_issuer_text (Fixture    *fixture,
                   const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (fixture->issuer_row), text);
  g_signal_emit_by_name (fixture->issuer_row, "apply");
}

static void
assert_stored_url (Fixture    *fixture,
                   const char *expected)
{
  g_autofree char *url = g_settings_get_string (fixture->settings, "issuer-url");

  g_assert_cmpstr (url, ==, expected);
}

static void
assert_no_error_shown (Fixture *fixture)
{
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (fixture->issuer_error_label)));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (fixture->issuer_row), "error"));
}

static void
test_issuer_valid_addresses_are_stored (Fixture       *fixture,
                                        gconstpointer  data)
{
  const char *valid[] = {
    "https://issuer.example",
    "http://127.0.0.1:8080",
    "http://localhost:8080/",
    "http://[::1]:9000",
  };

  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (fixture->issuer_row)), ==, "");

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    {
      apply_issuer_text (fixture, valid[i]);
      assert_stored_url (fixture, valid[i]);
      assert_no_error_shown (fixture);
    }
}

static void
test_issuer_invalid_address_is_refused (Fixture       *fixture,
                                        gconstpointer  data)
{
  const char *invalid[] = {
    "http://issuer.example",
    "ftp://issuer.example",
    "issuer.example",
    "https://member:secret@issuer.example",
  };

  g_settings_set_string (fixture->settings, "issuer-url", "https://issuer.example");

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", invalid[i]);
      apply_issuer_text (fixture, invalid[i]);

      /* the stored address stays what it was */
      assert_stored_url (fixture, "https://issuer.example");

      /* the reason is shown under the row, in the core's words */
      g_assert_false (anshin_issuer_url_is_allowed (invalid[i], &error));
      g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->issuer_error_label)));
      g_assert_cmpstr (gtk_label_get_text (fixture->issuer_error_label), ==, error->message);
      g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (fixture->issuer_row), "error"));

      /* and the typed text is kept for correcting */
      g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (fixture->issuer_row)), ==,
                       invalid[i]);
    }

  /* editing the address clears the old reason */
  gtk_editable_set_text (GTK_EDITABLE (fixture->issuer_row), "https://issuer.exampl");
  assert_no_error_shown (fixture);
}

static void
test_issuer_empty_means_demo (Fixture       *fixture,
                              gconstpointer  data)
{
  g_settings_set_string (fixture->settings, "issuer-url", "https://issuer.example");

  apply_issuer_text (fixture, "   ");
  assert_stored_url (fixture, "");
  assert_no_error_shown (fixture);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (fixture->issuer_row)), ==, "");
}

static void
test_issuer_address_is_trimmed (Fixture       *fixture,
                                gconstpointer  data)
{
  apply_issuer_text (fixture, "  https://issuer.example/ \n");
  assert_stored_url (fixture, "https://issuer.example/");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (fixture->issuer_row)), ==,
                   "https://issuer.example/");
}

static void
test_issuer_row_follows_setting (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_settings_set_string (fixture->settings, "issuer-url", "https://other-issuer.example");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (fixture->issuer_row)), ==,
                   "https://other-issuer.example");
}

static void
test_notifications_switch (Fixture       *fixture,
                           gconstpointer  data)
{
  g_assert_true (gtk_switch_get_active (fixture->notifications_switch));

  gtk_switch_set_active (fixture->notifications_switch, FALSE);
  g_assert_false (g_settings_get_boolean (fixture->settings, "notifications-enabled"));

  g_settings_set_boolean (fixture->settings, "notifications-enabled", TRUE);
  g_assert_true (gtk_switch_get_active (fixture->notifications_switch));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/preferences-window/issuer/valid-addresses-are-stored", Fixture, NULL,
              fixture_set_up, test_issuer_valid_addresses_are_stored, fixture_tear_down);
  g_test_add ("/preferences-window/issuer/invalid-address-is-refused", Fixture, NULL,
              fixture_set_up, test_issuer_invalid_address_is_refused, fixture_tear_down);
  g_test_add ("/preferences-window/issuer/empty-means-demo", Fixture, NULL,
              fixture_set_up, test_issuer_empty_means_demo, fixture_tear_down);
  g_test_add ("/preferences-window/issuer/address-is-trimmed", Fixture, NULL,
              fixture_set_up, test_issuer_address_is_trimmed, fixture_tear_down);
  g_test_add ("/preferences-window/issuer/row-follows-setting", Fixture, NULL,
              fixture_set_up, test_issuer_row_follows_setting, fixture_tear_down);
  g_test_add ("/preferences-window/notifications-switch", Fixture, NULL,
              fixture_set_up, test_notifications_switch, fixture_tear_down);

  return g_test_run ();
}
