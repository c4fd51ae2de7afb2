/* test-page-slot.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * AnshinPageSlot, with a page of its own (a label with an `account`
 * property) that counts how many are made: nothing made until the slot is
 * first shown or asked, then one page, never a second; the account given
 * to the slot before or after reaches the page; and a slot never shown
 * nor asked goes away cleanly, with its account. What each of the
 * window's pages shows is checked with the page.
 */

#include "config.h"

#include <adwaita.h>

#include "anshin-page-slot.h"
#include "pages-test-util.h"

#define TEST_TYPE_PAGE (test_page_get_type ())

G_DECLARE_FINAL_TYPE (TestPage, test_page, TEST, PAGE, GtkWidget)

struct _TestPage
{
  GtkWidget      parent_instance;

  AnshinAccount *account;
  GtkWidget     *label;
};

G_DEFINE_FINAL_TYPE (TestPage, test_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ACCOUNT,
};

/* pages made, and accounts they were given; each test starts from none */
static guint n_made;
static guint n_accounts_set;

static void
test_page_dispose (GObject *object)
{
  TestPage *self = TEST_PAGE (object);

  g_clear_pointer (&self->label, gtk_widget_unparent);
  g_clear_object (&self->account);

  G_OBJECT_CLASS (test_page_parent_class)->dispose (object);
}

static void
test_page_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_ACCOUNT:
      g_value_set_object (value, TEST_PAGE (object)->account);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
test_page_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_ACCOUNT:
      n_accounts_set++;
      g_set_object (&TEST_PAGE (object)->account, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
test_page_class_init (TestPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = test_page_dispose;
  object_class->get_property = test_page_get_property;
  object_class->set_property = test_page_set_property;

  g_object_class_install_property (object_class, PROP_ACCOUNT,
                                   g_param_spec_object ("account", NULL, NULL, ANSHIN_TYPE_ACCOUNT,
                                                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));

  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
}

static void
test_page_init (TestPage *self)
{
  n_made++;
  self->label = gtk_label_new ("Made");
  gtk_widget_set_parent (self->label, GTK_WIDGET (self));
}

/* An account on a client that never connects */
static AnshinAccount *
new_account (void)
{
  g_autoptr(AnshinIssuerClient) client = anshin_issuer_client_new ("http://127.0.0.1:9", NULL);

  return anshin_account_new (client);
}

/* Fixture: a window whose stack shows a label first, the slot second */

typedef struct {
  GtkWindow      *window;
  GtkStack       *stack;
  AnshinPageSlot *slot;
  AnshinAccount  *account;
  guint           page_notified;
} Fixture;

static void
on_page_notified_cb (Fixture *fixture)
{
  fixture->page_notified++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  n_made = 0;
  n_accounts_set = 0;

  fixture->window = g_object_ref (GTK_WINDOW (gtk_window_new ()));
  fixture->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_add_named (fixture->stack, gtk_label_new ("First"), "first");
  fixture->slot = g_object_ref (ANSHIN_PAGE_SLOT (anshin_page_slot_new (TEST_TYPE_PAGE)));
  gtk_stack_add_named (fixture->stack, GTK_WIDGET (fixture->slot), "slot");
  gtk_stack_set_visible_child_name (fixture->stack, "first");
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->stack));
  g_signal_connect_swapped (fixture->slot, "notify::page", G_CALLBACK (on_page_notified_cb), fixture);

  fixture->account = new_account ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  GtkWidget *page = anshin_page_slot_get_page (fixture->slot);

  if (page != NULL)
    g_object_ref (page);
  g_signal_handlers_disconnect_by_func (fixture->slot, on_page_notified_cb, fixture);
  gtk_window_destroy (fixture->window);
  g_assert_finalize_object (g_steal_pointer (&fixture->window));
  g_assert_finalize_object (g_steal_pointer (&fixture->slot));
  if (page != NULL)
    g_assert_finalize_object (page);
  /* neither the slot nor its page keeps the account */
  pages_test_flush ();
  g_assert_finalize_object (g_steal_pointer (&fixture->account));
}

static void
assert_made_once (Fixture *fixture)
{
  GtkWidget *page = anshin_page_slot_get_page (fixture->slot);

  g_assert_nonnull (page);
  g_assert_true (TEST_IS_PAGE (page));
  g_assert_true (gtk_widget_get_parent (page) == GTK_WIDGET (fixture->slot));
  g_assert_cmpuint (n_made, ==, 1);
  g_assert_cmpuint (fixture->page_notified, ==, 1);
}

/* Nothing is made while the slot is not shown, even in a window on
 * screen; it is made when first shown, and shows; not again when shown
 * again. */
static void
test_made_when_shown (Fixture       *fixture,
                      gconstpointer  user_data)
{
  GtkWidget *page;

  g_assert_true (anshin_page_slot_get_page_type (fixture->slot) == TEST_TYPE_PAGE);
  gtk_window_present (fixture->window);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  pages_test_flush ();
  g_assert_null (anshin_page_slot_get_page (fixture->slot));
  g_assert_cmpuint (n_made, ==, 0);
  g_assert_cmpuint (fixture->page_notified, ==, 0);

  gtk_stack_set_visible_child_name (fixture->stack, "slot");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  pages_test_flush ();
  assert_made_once (fixture);
  page = anshin_page_slot_get_page (fixture->slot);
  g_assert_true (gtk_widget_get_mapped (page));
  g_assert_true (gtk_widget_get_mapped (TEST_PAGE (page)->label));
  g_assert_cmpint (gtk_widget_get_width (page), >, 0);

  gtk_stack_set_visible_child_name (fixture->stack, "first");
  pages_test_flush ();
  g_assert_false (gtk_widget_get_mapped (page));
  gtk_stack_set_visible_child_name (fixture->stack, "slot");
  pages_test_flush ();
  g_assert_true (gtk_widget_get_mapped (page));
  g_assert_true (anshin_page_slot_get_page (fixture->slot) == page);
  g_assert_true (anshin_page_slot_ensure_page (fixture->slot) == page);
  assert_made_once (fixture);
}

/* Asked (an action that needs the page): made then, though not shown,
 * and the same page the next times and when shown. */
static void
test_ensure_page (Fixture       *fixture,
                  gconstpointer  user_data)
{
  GtkWidget *page;

  g_assert_null (anshin_page_slot_get_page (fixture->slot));
  page = anshin_page_slot_ensure_page (fixture->slot);
  assert_made_once (fixture);
  g_assert_true (anshin_page_slot_get_page (fixture->slot) == page);
  g_assert_false (gtk_widget_get_mapped (page));
  g_assert_true (anshin_page_slot_ensure_page (fixture->slot) == page);
  assert_made_once (fixture);

  gtk_stack_set_visible_child_name (fixture->stack, "slot");
  gtk_window_present (fixture->window);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  pages_test_flush ();
  g_assert_true (gtk_widget_get_mapped (page));
  assert_made_once (fixture);
}

static void
count_cb (guint *count)
{
  (*count)++;
}

/* The account given before the page is made is the page's from the start
 * (given once, with the page); one given after reaches it, as does none;
 * the same account again is no change. */
static void
test_account (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_autoptr(AnshinAccount) other = new_account ();
  TestPage *page;
  guint notified = 0;

  g_signal_connect_swapped (fixture->slot, "notify::account", G_CALLBACK (count_cb), &notified);
  anshin_page_slot_set_account (fixture->slot, fixture->account);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_true (anshin_page_slot_get_account (fixture->slot) == fixture->account);
  anshin_page_slot_set_account (fixture->slot, fixture->account);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_null (anshin_page_slot_get_page (fixture->slot));

  page = TEST_PAGE (anshin_page_slot_ensure_page (fixture->slot));
  g_assert_true (page->account == fixture->account);
  g_assert_cmpuint (n_accounts_set, ==, 1);

  anshin_page_slot_set_account (fixture->slot, other);
  g_assert_cmpuint (notified, ==, 2);
  g_assert_true (page->account == other);
  anshin_page_slot_set_account (fixture->slot, other);
  g_assert_cmpuint (n_accounts_set, ==, 2);

  anshin_page_slot_set_account (fixture->slot, NULL);
  g_assert_cmpuint (notified, ==, 3);
  g_assert_null (page->account);
  g_assert_null (anshin_page_slot_get_account (fixture->slot));

  anshin_page_slot_set_account (fixture->slot, fixture->account);
  g_assert_true (page->account == fixture->account);
  g_signal_handlers_disconnect_by_func (fixture->slot, count_cb, &notified);
  assert_made_once (fixture);

  pages_test_flush ();
  g_assert_finalize_object (g_steal_pointer (&other));
}

/* A slot with an account, never shown nor asked, goes away without
 * making its page (the tear-down checks that nothing keeps the slot or
 * the account). */
static void
test_never_made (Fixture       *fixture,
                 gconstpointer  user_data)
{
  anshin_page_slot_set_account (fixture->slot, fixture->account);
  gtk_window_present (fixture->window);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  pages_test_flush ();
  g_assert_null (anshin_page_slot_get_page (fixture->slot));
  g_assert_cmpuint (n_made, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  pages_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/page-slot/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("made-when-shown", test_made_when_shown);
  ADD ("ensure-page", test_ensure_page);
  ADD ("account", test_account);
  ADD ("never-made", test_never_made);

#undef ADD

  return g_test_run ();
}
