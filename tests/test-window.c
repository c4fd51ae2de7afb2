/* test-window.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>
#include <time.h>

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "anshin-activity-page.h"
#include "anshin-application.h"
#include "anshin-card-page.h"
#include "anshin-demo-bar.h"
#include "anshin-explainer.h"
#include "anshin-methods-page.h"
#include "anshin-moment-callout.h"
#include "anshin-notices-page.h"
#include "anshin-page-slot.h"
#include "anshin-reissue-dialog.h"
#include "anshin-sign-in-page.h"
#include "anshin-topup-page.h"
#include "anshin-window.h"
#include "anshin-window-private.h"
#include "pages-test-util.h"
#include "window-test-util.h"

typedef struct {
  const char *name;
  const char *title;
  GType     (*get_type) (void);
} PageCase;

static const PageCase pages[] = {
  { "card", "Card", anshin_card_page_get_type },
  /* short enough for the switcher bar at phone width */
  { "payment-methods", "Methods", anshin_methods_page_get_type },
  { "notices", "Notices", anshin_notices_page_get_type },
  { "top-up", "Top-up", anshin_topup_page_get_type },
  { "activity", "Activity", anshin_activity_page_get_type },
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

  /* no notification service here: test-window-notifications has one */
  g_settings_set_boolean (settings, "notifications-enabled", FALSE);
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

      /* the real pages, bound to the account's models (all but the Card
       * page in slots that make them when needed) */
      if (ANSHIN_IS_PAGE_SLOT (child))
        {
          g_assert_true (anshin_page_slot_get_page_type (ANSHIN_PAGE_SLOT (child)) == pages[i].get_type ());
          child = anshin_page_slot_ensure_page (ANSHIN_PAGE_SLOT (child));
        }
      g_assert_true (G_TYPE_CHECK_INSTANCE_TYPE (child, pages[i].get_type ()));
    }

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Anshin Wallet");

  /* without an account the window says that it is connecting, and the
   * page switcher, which would lead to empty pages, is off */
  g_assert_cmpstr (anshin_window_get_view (window), ==, "loading");
  g_assert_false (adw_view_switcher_title_get_view_switcher_enabled (
                    ADW_VIEW_SWITCHER_TITLE (gtk_widget_get_template_child (GTK_WIDGET (window),
                                                                            ANSHIN_TYPE_WINDOW,
                                                                            "switcher_title"))));
  g_assert_false (anshin_window_get_loaded (window));
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
  AdwViewSwitcherTitle *title;
  AdwViewSwitcherBar *bar;

  reset_settings ();

  /* at the default size the four page buttons fit in the header bar */
  {
    g_autoptr(WindowTest) test = window_test_new (app, "seed-story", FALSE);

    window_test_start (test);
    title = ADW_VIEW_SWITCHER_TITLE (window_test_child (test, "switcher_title"));
    bar = ADW_VIEW_SWITCHER_BAR (window_test_child (test, "switcher_bar"));
    gtk_test_widget_wait_for_draw (GTK_WIDGET (test->window));
    g_assert_true (adw_view_switcher_title_get_view_switcher_enabled (title));
    g_assert_false (adw_view_switcher_title_get_title_visible (title));
    g_assert_false (adw_view_switcher_bar_get_reveal (bar));
  }

  /* a phone-sized window moves them to a bar at the bottom, once the
   * wallet is shown */
  g_settings_set_int (settings, "window-width", 360);
  {
    g_autoptr(WindowTest) test = window_test_new (app, "seed-story", FALSE);

    window_test_start (test);
    title = ADW_VIEW_SWITCHER_TITLE (window_test_child (test, "switcher_title"));
    bar = ADW_VIEW_SWITCHER_BAR (window_test_child (test, "switcher_bar"));
    gtk_test_widget_wait_for_draw (GTK_WIDGET (test->window));
    g_assert_true (adw_view_switcher_title_get_title_visible (title));
    g_assert_true (adw_view_switcher_bar_get_reveal (bar));
  }
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

static gboolean
shows_sign_in (WindowTest *test)
{
  return g_strcmp0 (anshin_window_get_view (test->window), "sign-in") == 0;
}

static GtkWidget *sign_in_error;

static gboolean
sign_in_error_shown (WindowTest *test)
{
  return gtk_widget_get_visible (sign_in_error);
}

static GtkEditable *sign_in_password;

static gboolean
password_cleared (WindowTest *test)
{
  return g_str_equal (gtk_editable_get_text (sign_in_password), "");
}

static gboolean
window_loaded (WindowTest *test)
{
  return anshin_window_get_loaded (test->window);
}

/* Whether @menu or one of its sections has an item for @action. */
static gboolean
menu_has_action (GMenuModel *menu,
                 const char *action)
{
  if (menu == NULL)
    return FALSE;

  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *item_action = NULL;
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);

      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", &item_action)
          && g_str_equal (item_action, action))
        return TRUE;
      if (menu_has_action (section, action))
        return TRUE;
    }

  return FALSE;
}

static void
test_window_sign_in (void)
{
  g_autoptr(WindowTest) test = NULL;
  GtkMenuButton *menu_button;
  GtkWidget *page;
  GtkEditable *member;
  GtkEditable *password;

  reset_settings ();
  test = window_test_new (app, "seed-story", FALSE);

  /* any issuer (not the demo): no stored sign-in, so the sign-in page */
  anshin_window_set_account (test->window, test->account);
  gtk_window_present (GTK_WINDOW (test->window));
  g_assert_true (window_test_wait (test, shows_sign_in, 10000));

  page = window_test_child (test, "sign_in_page");
  member = GTK_EDITABLE (gtk_widget_get_template_child (page, ANSHIN_TYPE_SIGN_IN_PAGE, "member_row"));
  password = GTK_EDITABLE (gtk_widget_get_template_child (page, ANSHIN_TYPE_SIGN_IN_PAGE, "password_row"));
  sign_in_error = GTK_WIDGET (gtk_widget_get_template_child (page, ANSHIN_TYPE_SIGN_IN_PAGE, "error_label"));

  /* a wrong password: said under the form, what was typed stays */
  gtk_editable_set_text (member, "demo");
  gtk_editable_set_text (password, "not-the-password");
  g_assert_true (gtk_widget_activate_action (page, "sign-in.submit", NULL));
  g_assert_true (window_test_wait (test, sign_in_error_shown, 10000));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (sign_in_error)), "member ID or password"));
  g_assert_cmpstr (gtk_editable_get_text (member), ==, "demo");
  g_assert_true (shows_sign_in (test));

  /* the right one: the card */
  gtk_editable_set_text (password, "demo");
  g_assert_true (gtk_widget_activate_action (page, "sign-in.submit", NULL));
  g_assert_true (window_test_wait (test, window_loaded, 10000));
  g_assert_false (gtk_widget_get_visible (sign_in_error));
  sign_in_password = password;
  g_assert_true (window_test_wait (test, password_cleared, 10000));

  /* Sign Out is in the main menu, built when the menu is first opened,
   * and brings the sign-in page back */
  menu_button = GTK_MENU_BUTTON (window_test_child (test, "primary_menu_button"));
  g_assert_null (gtk_menu_button_get_popover (menu_button));
  gtk_menu_button_popup (menu_button);
  g_assert_nonnull (gtk_menu_button_get_popover (menu_button));
  g_assert_true (menu_has_action (gtk_menu_button_get_menu_model (menu_button), "win.sign-out"));
  gtk_menu_button_popdown (menu_button);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (test->window), "win.sign-out", NULL));
  g_assert_true (window_test_wait (test, shows_sign_in, 10000));
  g_assert_false (anshin_account_get_signed_in (test->account));
}

static AnshinAccount *first_account;

static gboolean
restarted (WindowTest *test)
{
  AnshinAccount *account = anshin_window_get_account (test->window);

  return account != first_account
         && anshin_window_get_loaded (test->window)
         && anshin_demo_controller_get_current_step (test->demo) == 0;
}

static gboolean
other_scenario (WindowTest *test)
{
  return g_strcmp0 (anshin_demo_controller_get_scenario_name (test->demo), "unexpected-activation") == 0
         && anshin_window_get_account (test->window) != first_account
         && anshin_window_get_loaded (test->window);
}

static void
test_window_demo_restart (void)
{
  g_autoptr(WindowTest) test = NULL;
  GtkWidget *bar;
  GtkMenuButton *button;
  GtkLabel *caption;
  GMenuModel *menu;
  gboolean listed = FALSE;

  reset_settings ();
  test = window_test_new (app, "seed-story", FALSE);
  window_test_start (test);
  window_test_next_step (test);
  window_test_next_step (test);
  g_assert_cmpint (anshin_card_get_renewal_status (anshin_account_get_card (test->account)),
                   ==, ANSHIN_RENEWAL_STATUS_COMPLETED);

  /* Restart: the issuer and the window are back at the scenario's start,
   * with a fresh sign-in */
  bar = window_test_child (test, "demo_bar");
  first_account = anshin_window_get_account (test->window);
  g_assert_true (gtk_widget_activate_action (bar, "demo.restart", NULL));
  g_assert_true (window_test_wait (test, restarted, 10000));
  g_assert_cmpint (anshin_card_get_renewal_status (anshin_account_get_card (anshin_window_get_account (test->window))),
                   !=, ANSHIN_RENEWAL_STATUS_COMPLETED);

  /* the scenario's title shows whole above the step; the scenario menu
   * lists every scenario by its title, as radio items of demo.scenario */
  caption = GTK_LABEL (gtk_widget_get_template_child (bar, ANSHIN_TYPE_DEMO_BAR, "scenario_label"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (caption)));
  g_assert_cmpstr (gtk_label_get_label (caption), ==,
                   "Renewal day, the QUICPay delay and the charge-card lock");
  button = GTK_MENU_BUTTON (gtk_widget_get_template_child (bar, ANSHIN_TYPE_DEMO_BAR, "scenario_button"));
  /* the menu is built when it is opened */
  g_assert_null (gtk_menu_button_get_popover (button));
  gtk_menu_button_popup (button);
  g_assert_nonnull (gtk_menu_button_get_popover (button));
  menu = gtk_menu_button_get_menu_model (button);
  g_assert_nonnull (menu);
  g_assert_cmpuint (g_menu_model_get_n_items (menu), ==,
                    g_list_model_get_n_items (anshin_demo_controller_get_scenarios (test->demo)));
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autoptr(GVariant) target = g_menu_model_get_item_attribute_value (menu, i, G_MENU_ATTRIBUTE_TARGET,
                                                                          G_VARIANT_TYPE_STRING);
      g_autofree char *action = NULL;
      g_autofree char *label = NULL;

      g_assert_true (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", &action));
      g_assert_cmpstr (action, ==, "demo.scenario");
      g_assert_true (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_LABEL, "s", &label));
      g_assert_nonnull (target);
      if (g_str_equal (g_variant_get_string (target, NULL), "unexpected-activation"))
        {
          g_assert_cmpstr (label, ==, "A card activation notice that nobody announced");
          listed = TRUE;
        }
    }
  g_assert_true (listed);
  gtk_menu_button_popdown (button);

  /* picking another scenario in the menu loads it */
  first_account = anshin_window_get_account (test->window);
  g_assert_true (gtk_widget_activate_action (bar, "demo.scenario", "s", "unexpected-activation"));
  g_assert_true (window_test_wait (test, other_scenario, 10000));
  g_assert_cmpstr (gtk_label_get_label (caption), ==, "A card activation notice that nobody announced");
}

static gboolean
card_page_shows (WindowTest       *test,
                 AnshinMomentKind  kind)
{
  GtkWidget *card_page = window_test_child (test, "card_page");
  const char *names[] = { "first_moment", "second_moment" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      GtkWidget *callout = pages_test_template_child (card_page, ANSHIN_TYPE_CARD_PAGE, names[i]);
      AnshinMoment *moment = anshin_moment_callout_get_moment (ANSHIN_MOMENT_CALLOUT (callout));

      if (moment != NULL && pages_test_is_shown (callout) && anshin_moment_get_kind (moment) == kind)
        return TRUE;
    }

  return FALSE;
}

static gboolean
shows_lock (WindowTest *test)
{
  return card_page_shows (test, ANSHIN_MOMENT_KIND_REGISTRATION_LOCKED);
}

static gboolean
lock_lifted (WindowTest *test)
{
  return anshin_account_get_registration_locked_until (test->account) == NULL &&
         !card_page_shows (test, ANSHIN_MOMENT_KIND_REGISTRATION_LOCKED);
}

/* locked-out: the Card page's "Registration locked" moment comes from the
 * account, not from the Top-up page fetching its form. The window's idle
 * that makes the other pages ahead is held back (as if it had not come
 * yet: it waits for a paint), so the Top-up page is never made; the
 * lock shows with its countdown, and lifts when the issuer's clock passes
 * its end, still without the Top-up page. */
static void
test_window_lock_without_topup (void)
{
  g_autoptr(WindowTest) test = NULL;
  AnshinPageSlot *topup_slot;
  GtkWidget *callout;

  reset_settings ();
  test = window_test_new (app, "locked-out", FALSE);
  test->window->waiting_for_paint = TRUE;
  window_test_start (test);
  topup_slot = ANSHIN_PAGE_SLOT (window_test_child (test, "topup_slot"));

  g_assert_true (window_test_wait (test, shows_lock, 10000));
  g_assert_null (anshin_page_slot_get_page (topup_slot));
  callout = pages_test_template_child (window_test_child (test, "card_page"), ANSHIN_TYPE_CARD_PAGE,
                                       "first_moment");
  g_assert_cmpint (anshin_moment_get_kind (anshin_moment_callout_get_moment (ANSHIN_MOMENT_CALLOUT (callout))),
                   ==, ANSHIN_MOMENT_KIND_REGISTRATION_LOCKED);
  g_assert_true (pages_test_is_shown (pages_test_template_child (callout, ANSHIN_TYPE_MOMENT_CALLOUT,
                                                                "countdown_label")));

  /* 09:00 to 08:01 the next day: past the lock's end (08:00) */
  window_test_advance_clock (test, 23 * 3600 + 60);
  g_assert_true (window_test_wait (test, lock_lifted, 10000));
  g_assert_null (anshin_page_slot_get_page (topup_slot));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (get_stack (test->window)), ==, "card");
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("ANSHIN_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  /* as main.c: the pages' templates take the default domain */
  textdomain (GETTEXT_PACKAGE);
  gtk_test_init (&argc, &argv, NULL);
  /* gtk_test_init() leaves the C locale; the environment decides (the
   * test environment is C.UTF-8, the screenshots can be taken in ja) */
  setlocale (LC_ALL, "");

  app = anshin_application_new (APPLICATION_ID, G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));

  g_test_add_func ("/window/pages", test_window_pages);
  g_test_add_func ("/window/show-page-action", test_window_show_page_action);
  g_test_add_func ("/window/remembers-size-and-page", test_window_remembers_size_and_page);
  g_test_add_func ("/window/default-size-fits-switcher", test_window_default_size_fits_switcher);
  g_test_add_func ("/window/accelerators", test_window_accelerators);
  g_test_add_func ("/window/profile-style", test_window_profile_style);
  g_test_add_func ("/window/sign-in", test_window_sign_in);
  g_test_add_func ("/window/demo-restart", test_window_demo_restart);
  g_test_add_func ("/window/lock-without-topup", test_window_lock_without_topup);

  ret = g_test_run ();

  /* a registered GtkApplication keeps a reference to itself until it is
   * run and shut down, so it is not checked for finalization */
  g_object_unref (app);

  return ret;
}
