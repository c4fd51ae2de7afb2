/* test-window.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "anshin-application.h"
#include "anshin-window.h"

typedef struct {
  const char *name;
  const char *title;
  const char *empty_title;
} PageCase;

static const PageCase pages[] = {
  { "card", "Card", "Your card will appear here" },
  { "payment-methods", "Payment Methods", "Your payment methods will appear here" },
  { "notices", "Notices", "No notices yet" },
  { "top-up", "Top-up", "Top up once your card is connected" },
};

static AnshinApplication *app;

static void
reset_settings (void)
{
  g_autoptr(GSettings) settings = g_settings_new (ANSHIN_SETTINGS_SCHEMA_ID);
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) keys = NULL;

  g_object_get (settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i] != NULL; i++)
    g_settings_reset (settings, keys[i]);
}

/* The window is owned by GTK until it is destroyed; the test keeps its own
 * reference so that it can check that the window is finalized. */
static AnshinWindow *
new_window (void)
{
  return g_object_ref (anshin_window_new (app));
}

static void
destroy_window (AnshinWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

static AdwViewStack *
get_stack (AnshinWindow *window)
{
  return ADW_VIEW_STACK (gtk_widget_get_template_child (GTK_WIDGET (window),
                                                        ANSHIN_TYPE_WINDOW, "stack"));
}

static gboolean
strv_has (const char * const *strv,
          const char         *str)
{
  return strv != NULL && g_strv_contains (strv, str);
}

static void
test_window_pages (void)
{
  AnshinWindow *window;
  AdwViewStack *stack;
  GtkIconTheme *icon_theme;
  g_autoptr(GtkSelectionModel) model = NULL;

  reset_settings ();
  window = new_window ();
  stack = get_stack (window);
  icon_theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (GTK_WIDGET (window)));

  model = adw_view_stack_get_pages (stack);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, G_N_ELEMENTS (pages));

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autoptr(AdwViewStackPage) page = g_list_model_get_item (G_LIST_MODEL (model), i);
      GtkWidget *child = adw_view_stack_page_get_child (page);
      const char *icon_name = adw_view_stack_page_get_icon_name (page);

      /* the switcher shows them in this order, with these titles */
      g_assert_cmpstr (adw_view_stack_page_get_name (page), ==, pages[i].name);
      g_assert_cmpstr (adw_view_stack_page_get_title (page), ==, pages[i].title);
      g_assert_true (adw_view_stack_get_child_by_name (stack, pages[i].name) == child);

      /* an icon the stock theme really has, or the switcher shows a hole */
      g_assert_nonnull (icon_name);
      g_assert_true (gtk_icon_theme_has_icon (icon_theme, icon_name));

      /* until the issuer fills it, each page shows a designed empty state */
      g_assert_true (ADW_IS_STATUS_PAGE (child));
      g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (child)), ==,
                       pages[i].empty_title);
      g_assert_cmpuint (strlen (adw_status_page_get_description (ADW_STATUS_PAGE (child))), >, 60);
      g_assert_true (gtk_icon_theme_has_icon (icon_theme,
                                              adw_status_page_get_icon_name (ADW_STATUS_PAGE (child))));
      g_assert_true (gtk_widget_has_css_class (child, "empty-page"));
    }

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Anshin Wallet");
  destroy_window (window);
}

static void
test_window_show_page_action (void)
{
  AnshinWindow *window;
  AdwViewStack *stack;

  reset_settings ();
  window = new_window ();
  stack = get_stack (window);

  g_assert_cmpstr (anshin_window_get_visible_page (window), ==, "card");

  for (int i = G_N_ELEMENTS (pages) - 1; i >= 0; i--)
    {
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s",
                                                 pages[i].name));
      g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, pages[i].name);
      g_assert_cmpstr (anshin_window_get_visible_page (window), ==, pages[i].name);
    }

  destroy_window (window);
}

static void
test_window_remembers_size_and_page (void)
{
  g_autoptr(GSettings) settings = g_settings_new (ANSHIN_SETTINGS_SCHEMA_ID);
  AnshinWindow *window;
  g_autofree char *stored_page = NULL;
  g_autofree char *stored_page_after = NULL;
  int width = 0;
  int height = 0;

  reset_settings ();

  window = new_window ();
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  /* the page is stored as soon as it changes */
  anshin_window_show_page (window, "notices");
  stored_page = g_settings_get_string (settings, "last-page");
  g_assert_cmpstr (stored_page, ==, "notices");

  /* the size when the window is closed */
  gtk_window_set_default_size (GTK_WINDOW (window), 720, 540);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 960);
  gtk_window_close (GTK_WINDOW (window));
  g_assert_finalize_object (window);

  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 720);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 540);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));

  /* a new window opens where the last one left off */
  window = new_window ();
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 720);
  g_assert_cmpint (height, ==, 540);
  g_assert_cmpstr (anshin_window_get_visible_page (window), ==, "notices");

  /* opening it does not overwrite the stored page */
  stored_page_after = g_settings_get_string (settings, "last-page");
  g_assert_cmpstr (stored_page_after, ==, "notices");
  destroy_window (window);
}

static void
test_window_default_size_fits_switcher (void)
{
  g_autoptr(GSettings) settings = g_settings_new (ANSHIN_SETTINGS_SCHEMA_ID);
  AnshinWindow *window;
  AdwViewSwitcherTitle *title;
  AdwViewSwitcherBar *bar;

  reset_settings ();
  window = new_window ();
  title = ADW_VIEW_SWITCHER_TITLE (gtk_widget_get_template_child (GTK_WIDGET (window),
                                                                  ANSHIN_TYPE_WINDOW,
                                                                  "switcher_title"));
  bar = ADW_VIEW_SWITCHER_BAR (gtk_widget_get_template_child (GTK_WIDGET (window),
                                                              ANSHIN_TYPE_WINDOW,
                                                              "switcher_bar"));

  /* at the default size the four page buttons fit in the header bar */
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_assert_false (adw_view_switcher_title_get_title_visible (title));
  g_assert_false (adw_view_switcher_bar_get_reveal (bar));
  destroy_window (window);

  /* a phone-sized window moves them to a bar at the bottom */
  g_settings_set_int (settings, "window-width", 360);
  window = new_window ();
  title = ADW_VIEW_SWITCHER_TITLE (gtk_widget_get_template_child (GTK_WIDGET (window),
                                                                  ANSHIN_TYPE_WINDOW,
                                                                  "switcher_title"));
  bar = ADW_VIEW_SWITCHER_BAR (gtk_widget_get_template_child (GTK_WIDGET (window),
                                                              ANSHIN_TYPE_WINDOW,
                                                              "switcher_bar"));
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_assert_true (adw_view_switcher_title_get_title_visible (title));
  g_assert_true (adw_view_switcher_bar_get_reveal (bar));
  destroy_window (window);
}

static void
test_window_accelerators (void)
{
  GtkApplication *gtk_app = GTK_APPLICATION (app);
  AnshinWindow *window;
  g_auto(GStrv) quit = NULL;
  g_auto(GStrv) preferences = NULL;
  g_auto(GStrv) alt2 = NULL;
  g_auto(GStrv) close = NULL;
  g_autofree char *action_name = NULL;
  g_autoptr(GVariant) target = NULL;
  g_autoptr(GError) error = NULL;

  reset_settings ();

  quit = gtk_application_get_accels_for_action (gtk_app, "app.quit");
  g_assert_true (strv_has ((const char * const *) quit, "<Control>q"));

  preferences = gtk_application_get_actions_for_accel (gtk_app, "<Control>comma");
  g_assert_true (strv_has ((const char * const *) preferences, "app.preferences"));

  close = gtk_application_get_actions_for_accel (gtk_app, "<Control>w");
  g_assert_true (strv_has ((const char * const *) close, "window.close"));

  /* Alt+2 is bound to an action that the window really has, and it opens
   * the Payment Methods page */
  alt2 = gtk_application_get_actions_for_accel (gtk_app, "<Alt>2");
  g_assert_nonnull (alt2);
  g_assert_cmpuint (g_strv_length (alt2), ==, 1);

  g_assert_true (g_action_parse_detailed_name (alt2[0], &action_name, &target, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (action_name, ==, "win.show-page");

  window = new_window ();
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (window), action_name, target));
  g_assert_cmpstr (anshin_window_get_visible_page (window), ==, "payment-methods");

  destroy_window (window);
}

static void
test_window_profile_style (void)
{
  AnshinWindow *window;

  reset_settings ();
  window = new_window ();

  /* development builds get libadwaita's striped header bar */
#if DEVELOPMENT_PROFILE
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (window), "devel"));
#else
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (window), "devel"));
#endif

  destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  gtk_test_init (&argc, &argv, NULL);

  app = anshin_application_new (APPLICATION_ID, G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));

  g_test_add_func ("/window/pages", test_window_pages);
  g_test_add_func ("/window/show-page-action", test_window_show_page_action);
  g_test_add_func ("/window/remembers-size-and-page", test_window_remembers_size_and_page);
  g_test_add_func ("/window/default-size-fits-switcher", test_window_default_size_fits_switcher);
  g_test_add_func ("/window/accelerators", test_window_accelerators);
  g_test_add_func ("/window/profile-style", test_window_profile_style);

  ret = g_test_run ();

  /* a registered GtkApplication keeps a reference to itself until it is
   * run and shut down, so it is not checked for finalization */
  g_object_unref (app);

  return ret;
}
