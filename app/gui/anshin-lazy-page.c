/* anshin-lazy-page.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A page of the main window whose content (its template) can be built
 * when it is needed rather than with the page. Without :lazy the content
 * is built at construction; with :lazy (the main window's pages) when the
 * page is first shown, or when the subclass calls
 * anshin_lazy_page_ensure_built() (given something to show, say), so that
 * the window's first frame does not wait for pages it does not show.
 *
 * A subclass implements AnshinLazyPageClass.build: it instantiates its
 * template there, after its instance initializer has run, and applies the
 * state it was given meanwhile; its setters touch template children only
 * once anshin_lazy_page_get_built() says so. Instantiating a template that
 * late is sound only for a final class whose template sets nothing but the
 * child: no subclass's template depends on it, and no property given at
 * construction is overwritten by the template.
 */

#include "config.h"

#include "anshin-lazy-page.h"

typedef struct
{
  gboolean lazy;
  gboolean built;
} AnshinLazyPagePrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (AnshinLazyPage, anshin_lazy_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_LAZY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* GtkWidget */

static void
anshin_lazy_page_map (GtkWidget *widget)
{
  /* before the children are mapped, so that the new ones are too */
  anshin_lazy_page_ensure_built (ANSHIN_LAZY_PAGE (widget));

  GTK_WIDGET_CLASS (anshin_lazy_page_parent_class)->map (widget);
}

/* GObject */

static void
anshin_lazy_page_constructed (GObject *object)
{
  AnshinLazyPage *self = ANSHIN_LAZY_PAGE (object);
  AnshinLazyPagePrivate *priv = anshin_lazy_page_get_instance_private (self);

  G_OBJECT_CLASS (anshin_lazy_page_parent_class)->constructed (object);

  if (!priv->lazy)
    anshin_lazy_page_ensure_built (self);
}

static void
anshin_lazy_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  AnshinLazyPage *self = ANSHIN_LAZY_PAGE (object);
  AnshinLazyPagePrivate *priv = anshin_lazy_page_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_LAZY:
      g_value_set_boolean (value, priv->lazy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anshin_lazy_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  AnshinLazyPage *self = ANSHIN_LAZY_PAGE (object);
  AnshinLazyPagePrivate *priv = anshin_lazy_page_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_LAZY:
      priv->lazy = g_value_get_boolean (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anshin_lazy_page_class_init (AnshinLazyPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = anshin_lazy_page_constructed;
  object_class->get_property = anshin_lazy_page_get_property;
  object_class->set_property = anshin_lazy_page_set_property;

  widget_class->map = anshin_lazy_page_map;

  /**
   * AnshinLazyPage:lazy:
   *
   * Whether the content is built only when the page is first shown or
   * needs it (anshin_lazy_page_ensure_built()), rather than with the page.
   */
  properties[PROP_LAZY] =
    g_param_spec_boolean ("lazy", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
anshin_lazy_page_init (AnshinLazyPage *self)
{
}

/**
 * anshin_lazy_page_ensure_built:
 * @self: a #AnshinLazyPage
 *
 * Builds the page's content now if it is not built yet, with the
 * subclass's AnshinLazyPageClass.build; does nothing the next times.
 */
void
anshin_lazy_page_ensure_built (AnshinLazyPage *self)
{
  AnshinLazyPagePrivate *priv = anshin_lazy_page_get_instance_private (self);

  g_return_if_fail (ANSHIN_IS_LAZY_PAGE (self));
  g_return_if_fail (ANSHIN_LAZY_PAGE_GET_CLASS (self)->build != NULL);

  if (priv->built)
    return;

  /* first: what the subclass does while it builds sees its content */
  priv->built = TRUE;
  ANSHIN_LAZY_PAGE_GET_CLASS (self)->build (self);
}

/**
 * anshin_lazy_page_get_built:
 * @self: a #AnshinLazyPage
 *
 * Returns: whether the content is built (then its template children are
 *   set), as it is from construction on unless #AnshinLazyPage:lazy
 */
gboolean
anshin_lazy_page_get_built (AnshinLazyPage *self)
{
  AnshinLazyPagePrivate *priv = anshin_lazy_page_get_instance_private (self);

  g_return_val_if_fail (ANSHIN_IS_LAZY_PAGE (self), FALSE);

  return priv->built;
}
