/* anshin-methods-page.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Payment methods page: a boxed list with one AnshinMethodRow per
 * AnshinPaymentMethod of the card, bound to the account's `methods` model,
 * or a status page while there are none. The card, the programmes and the
 * issuer's clock are handed down to every row; the rows' buttons activate
 * the window's actions (win.reissue-card, win.unfreeze-card), so the page
 * never talks to the issuer itself.
 *
 * With :lazy (the main window's page) the content is built only when the
 * page is first shown or given methods, not with the window: the first
 * frame shows the Card page. The mechanism is AnshinLazyPage's
 * (anshin-lazy-page.c).
 */

#include "config.h"

#include "anshin-method-row.h"
#include "anshin-methods-page.h"
#include "anshin-payment-method.h"

struct _AnshinMethodsPage
{
  AnshinLazyPage  parent_instance;

  AnshinCard     *card;
  GListModel     *methods;
  GListModel     *programs;
  GDateTime      *now;

  /* template children: NULL until the content is built */
  GtkStack       *stack;
  GtkListBox     *list_box;
};

G_DEFINE_FINAL_TYPE (AnshinMethodsPage, anshin_methods_page, ANSHIN_TYPE_LAZY_PAGE)

enum {
  PROP_0,
  PROP_CARD,
  PROP_METHODS,
  PROP_PROGRAMS,
  PROP_NOW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  AnshinMethodsPage *self = user_data;
  GtkWidget *row = anshin_method_row_new (ANSHIN_PAYMENT_METHOD (item));

  g_object_bind_property (self, "card", row, "card", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self, "programs", row, "programs", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self, "now", row, "now", G_BINDING_SYNC_CREATE);

  return row;
}

static void
update_visible_child (AnshinMethodsPage *self)
{
  gboolean empty = self->methods == NULL || g_list_model_get_n_items (self->methods) == 0;

  if (!anshin_lazy_page_get_built (ANSHIN_LAZY_PAGE (self)))
    return;

  gtk_stack_set_visible_child_name (self->stack, empty ? "empty" : "methods");
}

static void
on_methods_items_changed_cb (AnshinMethodsPage *self)
{
  update_visible_child (self);
}

/* Shows the methods in the list box, once the content is built */
static void
bind_methods (AnshinMethodsPage *self)
{
  gtk_list_box_bind_model (self->list_box, self->methods, create_row_cb, self, NULL);
  if (self->methods != NULL)
    g_signal_connect_object (self->methods, "items-changed", G_CALLBACK (on_methods_items_changed_cb),
                             self, G_CONNECT_SWAPPED);

  update_visible_child (self);
}

/* AnshinLazyPage */

/* The content, once: at construction, or for a :lazy page when it is
 * first shown or given methods; then what the page was given. */
static void
anshin_methods_page_build (AnshinLazyPage *page)
{
  AnshinMethodsPage *self = ANSHIN_METHODS_PAGE (page);

  gtk_widget_init_template (GTK_WIDGET (self));
  bind_methods (self);
}

/* GObject */

static void
anshin_methods_page_dispose (GObject *object)
{
  AnshinMethodsPage *self = ANSHIN_METHODS_PAGE (object);

  if (self->methods != NULL)
    g_signal_handlers_disconnect_by_func (self->methods, on_methods_items_changed_cb, self);

  /* the stack is AdwBin's child: let AdwBin drop it before the template */
  adw_bin_set_child (ADW_BIN (self), NULL);
  if (anshin_lazy_page_get_built (ANSHIN_LAZY_PAGE (self)))
    gtk_widget_dispose_template (GTK_WIDGET (self), ANSHIN_TYPE_METHODS_PAGE);
  g_clear_object (&self->card);
  g_clear_object (&self->methods);
  g_clear_object (&self->programs);

  G_OBJECT_CLASS (anshin_methods_page_parent_class)->dispose (object);
}

static void
anshin_methods_page_finalize (GObject *object)
{
  AnshinMethodsPage *self = ANSHIN_METHODS_PAGE (object);

  g_clear_pointer (&self->now, g_date_time_unref);

  G_OBJECT_CLASS (anshin_methods_page_parent_class)->finalize (object);
}

static void
anshin_methods_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  AnshinMethodsPage *self = ANSHIN_METHODS_PAGE (object);

  switch (prop_id)
    {
    case PROP_CARD:
      g_value_set_object (value, self->card);
      break;
    case PROP_METHODS:
      g_value_set_object (value, self->methods);
      break;
    case PROP_PROGRAMS:
      g_value_set_object (value, self->programs);
      break;
    case PROP_NOW:
      g_value_set_boxed (value, self->now);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anshin_methods_page_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  AnshinMethodsPage *self = ANSHIN_METHODS_PAGE (object);

  switch (prop_id)
    {
    case PROP_CARD:
      anshin_methods_page_set_card (self, g_value_get_object (value));
      break;
    case PROP_METHODS:
      anshin_methods_page_set_methods (self, g_value_get_object (value));
      break;
    case PROP_PROGRAMS:
      anshin_methods_page_set_programs (self, g_value_get_object (value));
      break;
    case PROP_NOW:
      anshin_methods_page_set_now (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anshin_methods_page_class_init (AnshinMethodsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AnshinLazyPageClass *lazy_page_class = ANSHIN_LAZY_PAGE_CLASS (klass);

  object_class->dispose = anshin_methods_page_dispose;
  object_class->finalize = anshin_methods_page_finalize;
  object_class->get_property = anshin_methods_page_get_property;
  object_class->set_property = anshin_methods_page_set_property;

  lazy_page_class->build = anshin_methods_page_build;

  properties[PROP_CARD] =
    g_param_spec_object ("card", NULL, NULL,
                         ANSHIN_TYPE_CARD,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_METHODS] =
    g_param_spec_object ("methods", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_PROGRAMS] =
    g_param_spec_object ("programs", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_NOW] =
    g_param_spec_boxed ("now", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/anshin-methods-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AnshinMethodsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, AnshinMethodsPage, list_box);
}

static void
anshin_methods_page_init (AnshinMethodsPage *self)
{
  /* the template is instantiated in anshin_methods_page_build() */
}

GtkWidget *
anshin_methods_page_new (void)
{
  return g_object_new (ANSHIN_TYPE_METHODS_PAGE, NULL);
}

AnshinCard *
anshin_methods_page_get_card (AnshinMethodsPage *self)
{
  g_return_val_if_fail (ANSHIN_IS_METHODS_PAGE (self), NULL);

  return self->card;
}

/**
 * anshin_methods_page_set_card:
 * @self: a #AnshinMethodsPage
 * @card: (nullable): the signed-in card
 */
void
anshin_methods_page_set_card (AnshinMethodsPage *self,
                              AnshinCard        *card)
{
  g_return_if_fail (ANSHIN_IS_METHODS_PAGE (self));
  g_return_if_fail (card == NULL || ANSHIN_IS_CARD (card));

  if (g_set_object (&self->card, card))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CARD]);
}

GListModel *
anshin_methods_page_get_methods (AnshinMethodsPage *self)
{
  g_return_val_if_fail (ANSHIN_IS_METHODS_PAGE (self), NULL);

  return self->methods;
}

/**
 * anshin_methods_page_set_methods:
 * @self: a #AnshinMethodsPage
 * @methods: (nullable): a #GListModel of #AnshinPaymentMethod
 *
 * Shows a row per item of @methods, following its changes.
 */
void
anshin_methods_page_set_methods (AnshinMethodsPage *self,
                                 GListModel        *methods)
{
  g_return_if_fail (ANSHIN_IS_METHODS_PAGE (self));
  g_return_if_fail (methods == NULL || G_IS_LIST_MODEL (methods));

  if (self->methods == methods)
    return;

  if (self->methods != NULL)
    g_signal_handlers_disconnect_by_func (self->methods, on_methods_items_changed_cb, self);
  g_set_object (&self->methods, methods);

  /* a :lazy page is built once there is something to list */
  if (anshin_lazy_page_get_built (ANSHIN_LAZY_PAGE (self)))
    bind_methods (self);
  else if (methods != NULL)
    anshin_lazy_page_ensure_built (ANSHIN_LAZY_PAGE (self));

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_METHODS]);
}

GListModel *
anshin_methods_page_get_programs (AnshinMethodsPage *self)
{
  g_return_val_if_fail (ANSHIN_IS_METHODS_PAGE (self), NULL);

  return self->programs;
}

/**
 * anshin_methods_page_set_programs:
 * @self: a #AnshinMethodsPage
 * @programs: (nullable): a #GListModel of #AnshinProgram
 */
void
anshin_methods_page_set_programs (AnshinMethodsPage *self,
                                  GListModel        *programs)
{
  g_return_if_fail (ANSHIN_IS_METHODS_PAGE (self));
  g_return_if_fail (programs == NULL || G_IS_LIST_MODEL (programs));

  if (g_set_object (&self->programs, programs))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRAMS]);
}

GDateTime *
anshin_methods_page_get_now (AnshinMethodsPage *self)
{
  g_return_val_if_fail (ANSHIN_IS_METHODS_PAGE (self), NULL);

  return self->now;
}

/**
 * anshin_methods_page_set_now:
 * @self: a #AnshinMethodsPage
 * @now: (nullable): the issuer's clock
 *
 * Set by the window from the issuer's `Issuer-Time`; the rows' dates and a
 * reissue's progress follow it.
 */
void
anshin_methods_page_set_now (AnshinMethodsPage *self,
                             GDateTime         *now)
{
  g_return_if_fail (ANSHIN_IS_METHODS_PAGE (self));

  if (self->now == now || (self->now != NULL && now != NULL && g_date_time_equal (self->now, now)))
    return;

  g_clear_pointer (&self->now, g_date_time_unref);
  self->now = now != NULL ? g_date_time_ref (now) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOW]);
}
