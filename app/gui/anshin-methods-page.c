/* anshin-methods-page.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Payment methods page: a boxed list with one AnshinMethodRow per
 * AnshinPaymentMethod of the account's card, bound to its `payment-methods`
 * model, or a status page while there are none. Each row follows the
 * account (its card, programmes and issuer clock); the rows' buttons activate
 * the window's actions (win.reissue-card, win.unfreeze-card), so the page
 * never talks to the issuer itself. In the main window it is made when
 * first needed (anshin-page-slot.c).
 */

#include "config.h"

#include "anshin-method-row.h"
#include "anshin-methods-page.h"
#include "anshin-payment-method.h"

struct _AnshinMethodsPage
{
  AdwBin          parent_instance;

  AnshinAccount  *account;

  /* template children */
  GtkStack       *stack;
  GtkListBox     *list_box;
};

G_DEFINE_FINAL_TYPE (AnshinMethodsPage, anshin_methods_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_ACCOUNT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  AnshinMethodsPage *self = user_data;

  return anshin_method_row_new (ANSHIN_PAYMENT_METHOD (item), self->account);
}

static void
update_visible_child (AnshinMethodsPage *self)
{
  GListModel *methods = self->account != NULL ? anshin_account_get_payment_methods (self->account) : NULL;
  gboolean empty = methods == NULL || g_list_model_get_n_items (methods) == 0;

  gtk_stack_set_visible_child_name (self->stack, empty ? "empty" : "methods");
}

/* Shows the account's methods in the list box */
static void
bind_methods (AnshinMethodsPage *self)
{
  GListModel *methods = NULL;

  if (self->account != NULL)
    {
      methods = anshin_account_get_payment_methods (self->account);
      g_signal_connect_object (methods, "items-changed", G_CALLBACK (update_visible_child),
                               self, G_CONNECT_SWAPPED);
    }
  gtk_list_box_bind_model (self->list_box, methods, create_row_cb, self, NULL);

  update_visible_child (self);
}

/* GObject */

static void
anshin_methods_page_dispose (GObject *object)
{
  AnshinMethodsPage *self = ANSHIN_METHODS_PAGE (object);

  /* the stack is AdwBin's child: let AdwBin drop it before the template */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), ANSHIN_TYPE_METHODS_PAGE);
  g_clear_object (&self->account);

  G_OBJECT_CLASS (anshin_methods_page_parent_class)->dispose (object);
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
    case PROP_ACCOUNT:
      g_value_set_object (value, self->account);
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
    case PROP_ACCOUNT:
      anshin_methods_page_set_account (self, g_value_get_object (value));
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

  object_class->dispose = anshin_methods_page_dispose;
  object_class->get_property = anshin_methods_page_get_property;
  object_class->set_property = anshin_methods_page_set_property;

  properties[PROP_ACCOUNT] =
    g_param_spec_object ("account", NULL, NULL, ANSHIN_TYPE_ACCOUNT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/anshin-methods-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AnshinMethodsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, AnshinMethodsPage, list_box);
}

static void
anshin_methods_page_init (AnshinMethodsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  bind_methods (self);
}

/**
 * anshin_methods_page_new:
 *
 * Returns: (transfer floating): a new Payment methods page
 */
GtkWidget *
anshin_methods_page_new (void)
{
  return g_object_new (ANSHIN_TYPE_METHODS_PAGE, NULL);
}

AnshinAccount *
anshin_methods_page_get_account (AnshinMethodsPage *self)
{
  g_return_val_if_fail (ANSHIN_IS_METHODS_PAGE (self), NULL);

  return self->account;
}

/**
 * anshin_methods_page_set_account:
 * @account: (nullable): the account whose payment methods to show
 *
 * Shows @account's payment methods, following them as they change.
 */
void
anshin_methods_page_set_account (AnshinMethodsPage *self,
                                 AnshinAccount     *account)
{
  g_return_if_fail (ANSHIN_IS_METHODS_PAGE (self));
  g_return_if_fail (account == NULL || ANSHIN_IS_ACCOUNT (account));

  if (self->account == account)
    return;

  if (self->account != NULL)
    g_signal_handlers_disconnect_by_data (anshin_account_get_payment_methods (self->account), self);
  g_set_object (&self->account, account);

  bind_methods (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCOUNT]);
}
