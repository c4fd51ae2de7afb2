/* pages-test-util.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "anshin-program.h"
#include "anshin-account-private.h"
#include "pages-test-util.h"

/* Locale from the environment (C.UTF-8 in tests), the build tree's
 * catalog, the seed story's time zone, the app's style sheet, and no
 * animations: what the tests look at is where things end up. */
void
pages_test_init (int    *argc,
                 char ***argv)
{
  const char *localedir = g_getenv ("ANSHIN_LOCALEDIR");
  g_autoptr(GtkCssProvider) provider = NULL;

  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  /* the seed story happens in Japan: times read as the holder reads them */
  g_setenv ("TZ", "Asia/Tokyo", TRUE);

  gtk_test_init (argc, argv, NULL);
  adw_init ();

  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, RESOURCE_BASE "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
}

GDateTime *
pages_test_jst (int year,
                int month,
                int day,
                int hour,
                int minute)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("+09:00");

  return g_date_time_new (tz, year, month, day, hour, minute, 0);
}

/* The seed story's card on renewal day, 30 Nov 2025: renewed at 09:00 as
 * announced on 30 Aug, same number, new expiry November 2030, a physical card
 * being prepared. */
AnshinCard *
pages_test_renewed_card (void)
{
  AnshinCard *card = anshin_card_new ();
  g_autoptr(GDateTime) renewal = pages_test_jst (2025, 11, 30, 0, 0);
  g_autoptr(GDateTime) announced = pages_test_jst (2025, 8, 30, 10, 0);
  g_autoptr(GDateTime) completed = pages_test_jst (2025, 11, 30, 9, 0);
  g_autoptr(GDateTime) physical_eta = pages_test_jst (2025, 12, 16, 0, 0);

  anshin_card_set_id (card, "card_1");
  anshin_card_set_product_name (card, "Tsubasa Pay");
  anshin_card_set_brand (card, ANSHIN_CARD_BRAND_MASTERCARD);
  anshin_card_set_form (card, ANSHIN_CARD_FORM_VIRTUAL_AND_PHYSICAL);
  anshin_card_set_state (card, ANSHIN_CARD_STATE_ACTIVE);
  anshin_card_set_number_last4 (card, "4821");
  anshin_card_set_exp_month (card, 11);
  anshin_card_set_exp_year (card, 2030);
  anshin_card_set_balance (card, 12345);
  anshin_card_set_renewal_status (card, ANSHIN_RENEWAL_STATUS_COMPLETED);
  anshin_card_set_renewal_date (card, renewal);
  anshin_card_set_renewal_announced_at (card, announced);
  anshin_card_set_renewal_completed_at (card, completed);
  anshin_card_set_renewal_number_changes (card, FALSE);
  anshin_card_set_renewal_new_exp_month (card, 11);
  anshin_card_set_renewal_new_exp_year (card, 2030);
  anshin_card_set_physical_status (card, ANSHIN_PHYSICAL_CARD_STATUS_PREPARING);
  anshin_card_set_physical_eta (card, physical_eta);

  return card;
}

AnshinPaymentMethod *
pages_test_add_method (GListStore                *store,
                       AnshinPaymentMethodKind    kind,
                       AnshinPaymentMethodState   state,
                       AnshinPaymentMethodReason  reason,
                       GDateTime                 *since,
                       GDateTime                 *eta)
{
  g_autoptr(AnshinPaymentMethod) method = anshin_payment_method_new ();

  anshin_payment_method_set_kind (method, kind);
  anshin_payment_method_set_state (method, state);
  anshin_payment_method_set_reason (method, reason);
  anshin_payment_method_set_since (method, since);
  anshin_payment_method_set_eta (method, eta);
  if (kind == ANSHIN_PAYMENT_METHOD_KIND_QUICPAY)
    anshin_payment_method_set_via (method, ANSHIN_WALLET_APPLE_PAY | ANSHIN_WALLET_GOOGLE_PAY);
  g_list_store_append (store, method);

  return method;
}

/* Renewal day at 09:00: Mastercard works as before; QUICPay waits for the
 * issuer's migration, expected on 2 Dec at 09:00; the wallets until noon. */
void
pages_test_renewal_day (GListStore *methods)
{
  g_autoptr(GDateTime) opened = pages_test_jst (2020, 11, 1, 9, 0);
  g_autoptr(GDateTime) renewed = pages_test_jst (2025, 11, 30, 9, 0);
  g_autoptr(GDateTime) quicpay_eta = pages_test_jst (2025, 12, 2, 9, 0);
  g_autoptr(GDateTime) wallet_eta = pages_test_jst (2025, 11, 30, 12, 0);

  pages_test_add_method (methods, ANSHIN_PAYMENT_METHOD_KIND_MASTERCARD_ONLINE,
                         ANSHIN_PAYMENT_METHOD_STATE_AVAILABLE, ANSHIN_PAYMENT_METHOD_REASON_NONE,
                         opened, NULL);
  pages_test_add_method (methods, ANSHIN_PAYMENT_METHOD_KIND_MASTERCARD_CONTACTLESS,
                         ANSHIN_PAYMENT_METHOD_STATE_AVAILABLE, ANSHIN_PAYMENT_METHOD_REASON_NONE,
                         opened, NULL);
  pages_test_add_method (methods, ANSHIN_PAYMENT_METHOD_KIND_QUICPAY,
                         ANSHIN_PAYMENT_METHOD_STATE_UPDATING,
                         ANSHIN_PAYMENT_METHOD_REASON_RENEWAL_MIGRATION_PENDING,
                         renewed, quicpay_eta);
  pages_test_add_method (methods, ANSHIN_PAYMENT_METHOD_KIND_APPLE_PAY,
                         ANSHIN_PAYMENT_METHOD_STATE_UPDATING,
                         ANSHIN_PAYMENT_METHOD_REASON_RENEWAL_MIGRATION_PENDING,
                         renewed, wallet_eta);
  pages_test_add_method (methods, ANSHIN_PAYMENT_METHOD_KIND_GOOGLE_PAY,
                         ANSHIN_PAYMENT_METHOD_STATE_UPDATING,
                         ANSHIN_PAYMENT_METHOD_REASON_RENEWAL_MIGRATION_PENDING,
                         renewed, wallet_eta);
}

AnshinPaymentMethod *
pages_test_find_method (GListStore              *methods,
                        AnshinPaymentMethodKind  kind)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (methods)); i++)
    {
      g_autoptr(AnshinPaymentMethod) method = g_list_model_get_item (G_LIST_MODEL (methods), i);

      if (anshin_payment_method_get_kind (method) == kind)
        return method;
    }

  g_assert_not_reached ();
}

/* The seed story's programme: miles for QUICPay payments only. */
GListStore *
pages_test_programs (void)
{
  GListStore *programs = g_list_store_new (ANSHIN_TYPE_PROGRAM);
  g_autoptr(AnshinProgram) program = anshin_program_new ();
  const char *requires[] = { "quicpay", NULL };

  anshin_program_set_id (program, "tsubasa_shopping");
  anshin_program_set_name (program, "Tsubasa Shopping Program");
  anshin_program_set_requires_methods (program, requires);
  g_list_store_append (programs, program);

  return programs;
}

static void
on_action_activate_cb (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  PagesTestActions *actions = user_data;
  const char *name = g_action_get_name (G_ACTION (action));

  g_hash_table_insert (actions->counts, g_strdup (name),
                       GUINT_TO_POINTER (pages_test_actions_count (actions, name) + 1));
  if (parameter != NULL)
    {
      g_free (actions->last_target);
      actions->last_target = g_variant_dup_string (parameter, NULL);
    }
}

/* The window actions the pages' buttons activate, as AnshinWindow has
 * them; insert the group as "win". */
PagesTestActions *
pages_test_actions_new (void)
{
  PagesTestActions *actions = g_new0 (PagesTestActions, 1);
  const GActionEntry entries[] = {
    { "show-page", on_action_activate_cb, "s" },
    { "freeze-card", on_action_activate_cb },
    { "unfreeze-card", on_action_activate_cb },
    { "reissue-card", on_action_activate_cb },
  };

  actions->counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  actions->group = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (actions->group), entries,
                                   G_N_ELEMENTS (entries), actions);

  return actions;
}

guint
pages_test_actions_count (PagesTestActions *actions,
                          const char       *name)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (actions->counts, name));
}

void
pages_test_actions_free (PagesTestActions *actions)
{
  g_clear_object (&actions->group);
  g_clear_pointer (&actions->counts, g_hash_table_unref);
  g_clear_pointer (&actions->last_target, g_free);
  g_free (actions);
}

/* A ::notify handler counting notifications into @count. */
void
pages_test_count_notify_cb (GObject    *object,
                            GParamSpec *pspec,
                            guint      *count)
{
  (*count)++;
}

/* Lets widgets catch up with changes the models reported. */
void
pages_test_flush (void)
{
  for (guint i = 0; i < 1000 && g_main_context_iteration (NULL, FALSE); i++)
    ;
}

/* Showing, as far as the holder is concerned: the widget and all its
 * ancestors are visible, and no stack or leaflet hides its branch. */
gboolean
pages_test_is_shown (GtkWidget *widget)
{
  for (GtkWidget *w = widget; w != NULL; w = gtk_widget_get_parent (w))
    {
      GtkWidget *parent = gtk_widget_get_parent (w);

      if (!gtk_widget_get_visible (w) || !gtk_widget_get_child_visible (w))
        return FALSE;
      if (GTK_IS_STACK (parent) && gtk_stack_get_visible_child (GTK_STACK (parent)) != w)
        return FALSE;
    }

  return TRUE;
}

/* @widget's child @name from @widget_type's template, which must be there */
gpointer
pages_test_template_child (GtkWidget  *widget,
                           GType       widget_type,
                           const char *name)
{
  GObject *object = gtk_widget_get_template_child (widget, widget_type, name);

  if (object == NULL)
    g_error ("%s has no template child “%s”", G_OBJECT_TYPE_NAME (widget), name);
  return object;
}

/* How many rows @list_box has (one per item of its model). */
guint
pages_test_count_rows (GtkListBox *list_box)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list_box, n) != NULL)
    n++;

  return n;
}

GtkWidget *
pages_test_find_type (GtkWidget *root,
                      GType      type)
{
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (c, type))
        return c;
      if ((found = pages_test_find_type (c, type)) != NULL)
        return found;
    }

  return NULL;
}

/* The first label under @root whose text contains @text. */
GtkLabel *
pages_test_find_label (GtkWidget  *root,
                       const char *text)
{
  if (GTK_IS_LABEL (root) && strstr (gtk_label_get_label (GTK_LABEL (root)), text) != NULL)
    return GTK_LABEL (root);

  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkLabel *found = pages_test_find_label (c, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
collect_mnemonics (GtkWidget  *widget,
                   GHashTable *seen)
{
  if (!gtk_widget_get_mapped (widget))
    return;

  if (GTK_IS_LABEL (widget))
    {
      guint keyval = gtk_label_get_mnemonic_keyval (GTK_LABEL (widget));

      /* without a mnemonic, GTK 4.8 says VoidSymbol or 0 */
      if (keyval != GDK_KEY_VoidSymbol && keyval != 0)
        {
          const char *label = gtk_label_get_label (GTK_LABEL (widget));
          const char *other = g_hash_table_lookup (seen, GUINT_TO_POINTER (gdk_keyval_to_lower (keyval)));
          g_autofree char *clash = NULL;

          /* two on screen: GTK moves the focus between them, and activates neither */
          if (other != NULL)
            clash = g_strdup_printf ("“%s” and “%s” are both Alt+%s", other, label, gdk_keyval_name (keyval));
          g_assert_cmpstr (clash, ==, NULL);
          g_hash_table_insert (seen, GUINT_TO_POINTER (gdk_keyval_to_lower (keyval)), (gpointer)label);
        }
    }

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    collect_mnemonics (c, seen);
}

/* Asserts that no two labels shown under @root have the same mnemonic. */
void
pages_test_assert_mnemonics_unique (GtkWidget *root)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);

  collect_mnemonics (root, seen);
}

/* The first widget under @root that activates @action_name (with the
 * string @target, if given). */
GtkWidget *
pages_test_find_actionable (GtkWidget  *root,
                            const char *action_name,
                            const char *target)
{
  if (GTK_IS_ACTIONABLE (root) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (root)), action_name) == 0)
    {
      GVariant *value = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (root));

      if (target == NULL ||
          (value != NULL && g_variant_is_of_type (value, G_VARIANT_TYPE_STRING) &&
           g_str_equal (g_variant_get_string (value, NULL), target)))
        return root;
    }

  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = pages_test_find_actionable (c, action_name, target);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* A button or menu button under @root labelled @label. */
GtkWidget *
pages_test_find_button (GtkWidget  *root,
                        const char *label)
{
  GtkWidget *child = GTK_IS_BUTTON (root) ? gtk_button_get_child (GTK_BUTTON (root)) : NULL;

  if ((GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0) ||
      (GTK_IS_MENU_BUTTON (root) && g_strcmp0 (gtk_menu_button_get_label (GTK_MENU_BUTTON (root)), label) == 0))
    return root;

  /* a button whose label is a child GtkLabel (so that GTK 4.8 names it
   * once for screen readers, see anshin-a11y.c) */
  if (GTK_IS_LABEL (child) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (child)), label) == 0)
    return root;

  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = pages_test_find_button (c, label);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Renders @widget, on the window's background, to @name in the build
 * directory's screenshots/. */
void
pages_test_save_png (GtkWindow  *window,
                     GtkWidget  *widget,
                     const char *name)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_BUILT, "screenshots", NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GtkSnapshot *snapshot;
  int width;
  int height;
  GdkRGBA background;

  gtk_window_present (window);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  pages_test_flush ();
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);

  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  g_assert_true (gtk_style_context_lookup_color (gtk_widget_get_style_context (GTK_WIDGET (window)),
                                                 "window_bg_color", &background));
  gtk_snapshot_append_color (snapshot, &background, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);

  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("rendered to %s", path);
}

static GPtrArray *
store_items (GListStore *store)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = store != NULL ? g_list_model_get_n_items (G_LIST_MODEL (store)) : 0;

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (G_LIST_MODEL (store), i));

  return items;
}

/* Swaps the test's store for the account's, which now holds its items. */
static void
adopt_store (GListStore **store,
             GListModel  *account_store)
{
  if (store == NULL)
    return;

  g_clear_object (store);
  *store = g_object_ref (G_LIST_STORE (account_store));
}

/**
 * pages_test_account_new:
 * @card: (inout) (nullable): the card to show, swapped for the account's
 *   (the same state; the one the pages follow)
 * @methods: (inout) (nullable): a store of methods, swapped for the
 *   account's (holding the same objects)
 * @programs: (inout) (nullable): likewise
 * @notices: (inout) (nullable): likewise
 * @now: the issuer's clock
 *
 * An account holding the test's state, as a refresh from the issuer would
 * leave it, on a client that never connects: what the pages follow.
 * Changing the card or the items afterwards changes what the pages show.
 */
AnshinAccount *
pages_test_account_new (AnshinCard **card,
                        GListStore **methods,
                        GListStore **programs,
                        GListStore **notices,
                        GDateTime   *now)
{
  g_autoptr(AnshinIssuerClient) client = anshin_issuer_client_new ("http://127.0.0.1:9", NULL);
  AnshinAccount *account = anshin_account_new (client);
  g_autoptr(GPtrArray) method_items = store_items (methods != NULL ? *methods : NULL);
  g_autoptr(GPtrArray) program_items = store_items (programs != NULL ? *programs : NULL);
  g_autoptr(GPtrArray) notice_items = store_items (notices != NULL ? *notices : NULL);

  pages_test_account_set_now (account, now);
  _anshin_account_apply_parts (account, card != NULL ? *card : NULL, method_items, program_items,
                              notice_items, NULL, FALSE);

  if (card != NULL && *card != NULL)
    {
      g_clear_object (card);
      *card = g_object_ref (anshin_account_get_card (account));
    }
  adopt_store (methods, anshin_account_get_payment_methods (account));
  adopt_store (programs, anshin_account_get_programs (account));
  adopt_store (notices, anshin_account_get_notices (account));
  pages_test_flush ();

  return account;
}

/**
 * pages_test_account_set_now:
 *
 * Moves the account's issuer clock to @now, as an issuer's answer would.
 */
void
pages_test_account_set_now (AnshinAccount *account,
                            GDateTime     *now)
{
  anshin_issuer_client_note_issuer_time (anshin_account_get_client (account), now);
  pages_test_flush ();
}
