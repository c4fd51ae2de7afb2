/* anshin-page-slot.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Where a page of the main window goes until it is needed: the slot makes
 * its page (a widget of :page-type with an `account` property) the first
 * time it is shown, or when asked (anshin_page_slot_ensure_page()), and
 * hands its :account on to it from then on. The page itself is an ordinary
 * widget, built whole when it is made; until then the slot is empty and
 * costs the window's first frame nothing. The page is the slot's AdwBin
 * child (focus and expansion pass through to it).
 */

#include "config.h"

#include "anshin-page-slot.h"

struct _AnshinPageSlot
{
  AdwBin         parent_instance;

  GType          page_type;
  AnshinAccount *account;
};

G_DEFINE_FINAL_TYPE (AnshinPageSlot, anshin_page_slot, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_PAGE_TYPE,
  PROP_ACCOUNT,
  PROP_PAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* GtkWidget */

static void
anshin_page_slot_map (GtkWidget *widget)
{
  /* before the children are mapped, so that the page is too */
  anshin_page_slot_ensure_page (ANSHIN_PAGE_SLOT (widget));

  GTK_WIDGET_CLASS (anshin_page_slot_parent_class)->map (widget);
}

/* GObject */

static void
anshin_page_slot_dispose (GObject *object)
{
  AnshinPageSlot *self = ANSHIN_PAGE_SLOT (object);

  g_clear_object (&self->account);

  G_OBJECT_CLASS (anshin_page_slot_parent_class)->dispose (object);
}

static void
anshin_page_slot_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  AnshinPageSlot *self = ANSHIN_PAGE_SLOT (object);

  switch (prop_id)
    {
    case PROP_PAGE_TYPE:
      g_value_set_gtype (value, self->page_type);
      break;
    case PROP_ACCOUNT:
      g_value_set_object (value, self->account);
      break;
    case PROP_PAGE:
      g_value_set_object (value, anshin_page_slot_get_page (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anshin_page_slot_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  AnshinPageSlot *self = ANSHIN_PAGE_SLOT (object);

  switch (prop_id)
    {
    case PROP_PAGE_TYPE:
      self->page_type = g_value_get_gtype (value);
      break;
    case PROP_ACCOUNT:
      anshin_page_slot_set_account (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anshin_page_slot_class_init (AnshinPageSlotClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = anshin_page_slot_dispose;
  object_class->get_property = anshin_page_slot_get_property;
  object_class->set_property = anshin_page_slot_set_property;

  widget_class->map = anshin_page_slot_map;

  /* the page's type: a widget with an `account` property */
  properties[PROP_PAGE_TYPE] =
    g_param_spec_gtype ("page-type", NULL, NULL, GTK_TYPE_WIDGET,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  /* handed on to the page, once made */
  properties[PROP_ACCOUNT] =
    g_param_spec_object ("account", NULL, NULL, ANSHIN_TYPE_ACCOUNT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* the page once made, else NULL: reading it makes nothing */
  properties[PROP_PAGE] =
    g_param_spec_object ("page", NULL, NULL, GTK_TYPE_WIDGET,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
anshin_page_slot_init (AnshinPageSlot *self)
{
}

/**
 * anshin_page_slot_new:
 * @page_type: a #GtkWidget type with an `account` property
 *
 * Returns: (transfer floating): a slot that makes a page of @page_type
 *   when it is first shown or asked for it
 */
GtkWidget *
anshin_page_slot_new (GType page_type)
{
  return g_object_new (ANSHIN_TYPE_PAGE_SLOT, "page-type", page_type, NULL);
}

GType
anshin_page_slot_get_page_type (AnshinPageSlot *self)
{
  g_return_val_if_fail (ANSHIN_IS_PAGE_SLOT (self), G_TYPE_INVALID);

  return self->page_type;
}

AnshinAccount *
anshin_page_slot_get_account (AnshinPageSlot *self)
{
  g_return_val_if_fail (ANSHIN_IS_PAGE_SLOT (self), NULL);

  return self->account;
}

/**
 * anshin_page_slot_set_account:
 * @account: (nullable): the account for the page
 *
 * Hands @account to the page, now if it is made, else when it is.
 */
void
anshin_page_slot_set_account (AnshinPageSlot *self,
                              AnshinAccount  *account)
{
  g_return_if_fail (ANSHIN_IS_PAGE_SLOT (self));
  g_return_if_fail (account == NULL || ANSHIN_IS_ACCOUNT (account));

  if (!g_set_object (&self->account, account))
    return;

  if (anshin_page_slot_get_page (self) != NULL)
    g_object_set (anshin_page_slot_get_page (self), "account", account, NULL);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCOUNT]);
}

/**
 * anshin_page_slot_get_page:
 *
 * Returns: (transfer none) (nullable): the page, or %NULL if it is not
 *   made yet (this does not make it)
 */
GtkWidget *
anshin_page_slot_get_page (AnshinPageSlot *self)
{
  g_return_val_if_fail (ANSHIN_IS_PAGE_SLOT (self), NULL);

  return adw_bin_get_child (ADW_BIN (self));
}

/**
 * anshin_page_slot_ensure_page:
 *
 * Makes the page with the slot's account if it is not made yet, as
 * showing the slot does; the next times, returns the same page.
 *
 * Returns: (transfer none): the page
 */
GtkWidget *
anshin_page_slot_ensure_page (AnshinPageSlot *self)
{
  GtkWidget *page;

  g_return_val_if_fail (ANSHIN_IS_PAGE_SLOT (self), NULL);
  g_return_val_if_fail (!G_TYPE_IS_ABSTRACT (self->page_type), NULL);

  page = anshin_page_slot_get_page (self);
  if (page != NULL)
    return page;

  page = g_object_new (self->page_type, "account", self->account, NULL);
  adw_bin_set_child (ADW_BIN (self), page);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);

  return page;
}
