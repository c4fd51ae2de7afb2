/* test-lazy-page.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * AnshinLazyPage, through a page of its own with a one-label template that
 * counts its builds: built with the page unless :lazy; with :lazy, built
 * when asked or when shown (and then showing), never twice; and going away
 * cleanly when never built. What each page builds is checked with the page.
 */

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "anshin-lazy-page.h"
#include "pages-test-util.h"

#define TEST_TYPE_LAZY_PAGE (test_lazy_page_get_type ())

G_DECLARE_FINAL_TYPE (TestLazyPage, test_lazy_page, TEST, LAZY_PAGE, AnshinLazyPage)

struct _TestLazyPage
{
  AnshinLazyPage  parent_instance;

  /* whether anshin_lazy_page_get_built() said so while building */
  gboolean        built_while_building;

  /* template child: NULL until built */
  GtkLabel       *label;
};

G_DEFINE_FINAL_TYPE (TestLazyPage, test_lazy_page, ANSHIN_TYPE_LAZY_PAGE)

/* builds of any TestLazyPage; each test starts from none */
static guint n_builds;

static const char template_ui[] =
  "<interface>"
  "  <template class='TestLazyPage' parent='AnshinLazyPage'>"
  "    <property name='child'>"
  "      <object class='GtkLabel' id='label'>"
  "        <property name='label'>Built</property>"
  "      </object>"
  "    </property>"
  "  </template>"
  "</interface>";

static void
test_lazy_page_build (AnshinLazyPage *page)
{
  TestLazyPage *self = TEST_LAZY_PAGE (page);

  n_builds++;
  self->built_while_building = anshin_lazy_page_get_built (page);
  gtk_widget_init_template (GTK_WIDGET (self));
}

static void
test_lazy_page_dispose (GObject *object)
{
  TestLazyPage *self = TEST_LAZY_PAGE (object);

  adw_bin_set_child (ADW_BIN (self), NULL);
  if (anshin_lazy_page_get_built (ANSHIN_LAZY_PAGE (self)))
    gtk_widget_dispose_template (GTK_WIDGET (self), TEST_TYPE_LAZY_PAGE);

  G_OBJECT_CLASS (test_lazy_page_parent_class)->dispose (object);
}

static void
test_lazy_page_class_init (TestLazyPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AnshinLazyPageClass *lazy_page_class = ANSHIN_LAZY_PAGE_CLASS (klass);
  g_autoptr(GBytes) template = g_bytes_new_static (template_ui, strlen (template_ui));

  object_class->dispose = test_lazy_page_dispose;
  lazy_page_class->build = test_lazy_page_build;

  gtk_widget_class_set_template (widget_class, template);
  gtk_widget_class_bind_template_child (widget_class, TestLazyPage, label);
}

static void
test_lazy_page_init (TestLazyPage *self)
{
}

static TestLazyPage *
new_page (gboolean lazy)
{
  gboolean is_lazy = !lazy;
  TestLazyPage *page;

  n_builds = 0;
  page = g_object_ref_sink (g_object_new (TEST_TYPE_LAZY_PAGE, "lazy", lazy, NULL));
  g_object_get (page, "lazy", &is_lazy, NULL);
  g_assert_true (is_lazy == lazy);

  return page;
}

static GtkWindow *
new_window (TestLazyPage *page)
{
  GtkWindow *window = g_object_ref (GTK_WINDOW (gtk_window_new ()));

  gtk_window_set_child (window, GTK_WIDGET (page));
  return window;
}

static void
destroy (GtkWindow    *window,
         TestLazyPage *page)
{
  gtk_window_destroy (window);
  g_assert_finalize_object (window);
  g_assert_finalize_object (page);
}

static void
assert_built (TestLazyPage *page)
{
  g_assert_true (anshin_lazy_page_get_built (ANSHIN_LAZY_PAGE (page)));
  g_assert_true (page->built_while_building);
  g_assert_nonnull (page->label);
  g_assert_true (adw_bin_get_child (ADW_BIN (page)) == GTK_WIDGET (page->label));
  g_assert_cmpstr (gtk_label_get_label (page->label), ==, "Built");
  g_assert_cmpuint (n_builds, ==, 1);
}

/* Shows @window: @page's content is built, mapped and given room */
static void
show (GtkWindow    *window,
      TestLazyPage *page)
{
  gtk_window_present (window);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  pages_test_flush ();

  assert_built (page);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (page->label)));
  g_assert_true (pages_test_is_shown (GTK_WIDGET (page->label)));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (page->label)), >, 0);
}

static void
assert_not_built (TestLazyPage *page)
{
  g_assert_false (anshin_lazy_page_get_built (ANSHIN_LAZY_PAGE (page)));
  g_assert_null (page->label);
  g_assert_null (adw_bin_get_child (ADW_BIN (page)));
  g_assert_cmpuint (n_builds, ==, 0);
}

/* Without :lazy (the default): built with the page, once */
static void
test_not_lazy (void)
{
  gboolean lazy = TRUE;
  TestLazyPage *page;

  n_builds = 0;
  page = g_object_ref_sink (g_object_new (TEST_TYPE_LAZY_PAGE, NULL));
  g_object_get (page, "lazy", &lazy, NULL);
  g_assert_false (lazy);
  assert_built (page);

  anshin_lazy_page_ensure_built (ANSHIN_LAZY_PAGE (page));
  assert_built (page);

  g_assert_finalize_object (page);
}

/* With :lazy: nothing until asked, then built once, and not again when
 * shown */
static void
test_lazy_ensure_built (void)
{
  TestLazyPage *page = new_page (TRUE);
  GtkWindow *window = new_window (page);

  assert_not_built (page);

  anshin_lazy_page_ensure_built (ANSHIN_LAZY_PAGE (page));
  assert_built (page);
  anshin_lazy_page_ensure_built (ANSHIN_LAZY_PAGE (page));
  assert_built (page);

  show (window, page);

  destroy (window, page);
}

/* With :lazy: built when first shown, and what it built shows; hiding and
 * showing it again builds nothing more */
static void
test_lazy_shown (void)
{
  TestLazyPage *page = new_page (TRUE);
  GtkWindow *window = new_window (page);

  /* in a window, realized but not shown: still nothing */
  gtk_widget_realize (GTK_WIDGET (window));
  assert_not_built (page);

  show (window, page);

  gtk_widget_set_visible (GTK_WIDGET (page), FALSE);
  pages_test_flush ();
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (page)));
  gtk_widget_set_visible (GTK_WIDGET (page), TRUE);
  show (window, page);

  destroy (window, page);
}

/* With :lazy, never shown nor asked: goes away cleanly, unbuilt */
static void
test_lazy_never_built (void)
{
  TestLazyPage *page = new_page (TRUE);
  GtkWindow *window = new_window (page);

  assert_not_built (page);
  destroy (window, page);
  g_assert_cmpuint (n_builds, ==, 0);

  /* and on its own, never in a window */
  page = new_page (TRUE);
  assert_not_built (page);
  g_assert_finalize_object (page);
  g_assert_cmpuint (n_builds, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  pages_test_init (&argc, &argv);

  g_test_add_func ("/lazy-page/not-lazy", test_not_lazy);
  g_test_add_func ("/lazy-page/lazy-ensure-built", test_lazy_ensure_built);
  g_test_add_func ("/lazy-page/lazy-shown", test_lazy_shown);
  g_test_add_func ("/lazy-page/lazy-never-built", test_lazy_never_built);

  return g_test_run ();
}
