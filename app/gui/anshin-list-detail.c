/* anshin-list-detail.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A list beside the explanation of the item opened in it, shared by the
 * Notices and Activity pages: side by side while both fit (the list at
 * its minimum width and the explanation at 340 px, below which it is hard
 * to read), one at a time otherwise (an AdwLeaflet, as libadwaita 1.2's
 * own apps do it): the list first, the explanation over it once an item
 * is opened, with a back button at its top. Back is also the mouse's back
 * button, a swipe, Alt+Left and Escape. Until an item is opened the
 * explanation side shows the placeholder.
 *
 * The page gives the three widgets (:list, :placeholder, :detail) and
 * the back button's words; it calls show_detail() when the holder opens
 * an item.
 */

#include "config.h"

#include "anshin-list-detail.h"

struct _AnshinListDetail
{
  AdwBin             parent_instance;

  char              *back_label;
  char              *back_description;

  /* template children */
  AdwLeaflet        *leaflet;
  AdwBin            *list_bin;
  GtkWidget         *back_button;
  AdwButtonContent  *back_content;
  GtkStack          *detail_stack;
  AdwBin            *placeholder_bin;
  GtkScrolledWindow *detail_scroller;
  AdwClamp          *detail_clamp;
};

G_DEFINE_FINAL_TYPE (AnshinListDetail, anshin_list_detail, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_LIST,
  PROP_PLACEHOLDER,
  PROP_DETAIL,
  PROP_BACK_LABEL,
  PROP_BACK_DESCRIPTION,
  PROP_FOLDED,
  PROP_SHOWING_DETAIL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* g_set_str() is GLib 2.76 */
static gboolean
set_str (char       **field,
         const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

static void
update_back_button (AnshinListDetail *self)
{
  adw_button_content_set_label (self->back_content, self->back_label != NULL ? self->back_label : "");
  gtk_widget_set_tooltip_text (self->back_button, self->back_description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->back_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  self->back_description != NULL ? self->back_description
                                                                 : (self->back_label != NULL ? self->back_label : ""),
                                  -1);
}

/* Back is there only while the explanation covers the list */
static void
update_back_action (AnshinListDetail *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "list-detail.back",
                                 anshin_list_detail_get_folded (self) &&
                                 g_strcmp0 (adw_leaflet_get_visible_child_name (self->leaflet), "detail") == 0);
}

static void
on_folded_cb (AnshinListDetail *self)
{
  update_back_action (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOLDED]);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  anshin_list_detail_go_back (ANSHIN_LIST_DETAIL (widget));
}

static void
anshin_list_detail_dispose (GObject *object)
{
  AnshinListDetail *self = ANSHIN_LIST_DETAIL (object);

  /* the leaflet is AdwBin's child: let AdwBin drop it before the template */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), ANSHIN_TYPE_LIST_DETAIL);

  G_OBJECT_CLASS (anshin_list_detail_parent_class)->dispose (object);
}

static void
anshin_list_detail_finalize (GObject *object)
{
  AnshinListDetail *self = ANSHIN_LIST_DETAIL (object);

  g_clear_pointer (&self->back_label, g_free);
  g_clear_pointer (&self->back_description, g_free);

  G_OBJECT_CLASS (anshin_list_detail_parent_class)->finalize (object);
}

static void
anshin_list_detail_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  AnshinListDetail *self = ANSHIN_LIST_DETAIL (object);

  switch (prop_id)
    {
    case PROP_LIST:
      g_value_set_object (value, anshin_list_detail_get_list (self));
      break;
    case PROP_PLACEHOLDER:
      g_value_set_object (value, anshin_list_detail_get_placeholder (self));
      break;
    case PROP_DETAIL:
      g_value_set_object (value, anshin_list_detail_get_detail (self));
      break;
    case PROP_BACK_LABEL:
      g_value_set_string (value, self->back_label);
      break;
    case PROP_BACK_DESCRIPTION:
      g_value_set_string (value, self->back_description);
      break;
    case PROP_FOLDED:
      g_value_set_boolean (value, anshin_list_detail_get_folded (self));
      break;
    case PROP_SHOWING_DETAIL:
      g_value_set_boolean (value, anshin_list_detail_get_showing_detail (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anshin_list_detail_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  AnshinListDetail *self = ANSHIN_LIST_DETAIL (object);

  switch (prop_id)
    {
    case PROP_LIST:
      anshin_list_detail_set_list (self, g_value_get_object (value));
      break;
    case PROP_PLACEHOLDER:
      anshin_list_detail_set_placeholder (self, g_value_get_object (value));
      break;
    case PROP_DETAIL:
      anshin_list_detail_set_detail (self, g_value_get_object (value));
      break;
    case PROP_BACK_LABEL:
      anshin_list_detail_set_back_label (self, g_value_get_string (value));
      break;
    case PROP_BACK_DESCRIPTION:
      anshin_list_detail_set_back_description (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anshin_list_detail_class_init (AnshinListDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = anshin_list_detail_dispose;
  object_class->finalize = anshin_list_detail_finalize;
  object_class->get_property = anshin_list_detail_get_property;
  object_class->set_property = anshin_list_detail_set_property;

  properties[PROP_LIST] = g_param_spec_object ("list", NULL, NULL, GTK_TYPE_WIDGET, rw);
  properties[PROP_PLACEHOLDER] = g_param_spec_object ("placeholder", NULL, NULL, GTK_TYPE_WIDGET, rw);
  properties[PROP_DETAIL] = g_param_spec_object ("detail", NULL, NULL, GTK_TYPE_WIDGET, rw);
  /* the list's name on the back button ("Notices") and what it does
   * ("Back to Notices", its tooltip and accessible name) */
  properties[PROP_BACK_LABEL] = g_param_spec_string ("back-label", NULL, NULL, NULL, rw);
  properties[PROP_BACK_DESCRIPTION] = g_param_spec_string ("back-description", NULL, NULL, NULL, rw);
  properties[PROP_FOLDED] = g_param_spec_boolean ("folded", NULL, NULL, FALSE, ro);
  properties[PROP_SHOWING_DETAIL] = g_param_spec_boolean ("showing-detail", NULL, NULL, FALSE, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Alt+Left, the back key and the mouse's back button are the leaflet's */
  gtk_widget_class_install_action (widget_class, "list-detail.back", NULL, back_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "list-detail.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "list-detail.back", NULL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/anshin-list-detail.ui");
  gtk_widget_class_bind_template_child (widget_class, AnshinListDetail, leaflet);
  gtk_widget_class_bind_template_child (widget_class, AnshinListDetail, list_bin);
  gtk_widget_class_bind_template_child (widget_class, AnshinListDetail, back_button);
  gtk_widget_class_bind_template_child (widget_class, AnshinListDetail, back_content);
  gtk_widget_class_bind_template_child (widget_class, AnshinListDetail, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, AnshinListDetail, placeholder_bin);
  gtk_widget_class_bind_template_child (widget_class, AnshinListDetail, detail_scroller);
  gtk_widget_class_bind_template_child (widget_class, AnshinListDetail, detail_clamp);
}

static void
anshin_list_detail_init (AnshinListDetail *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (self->leaflet, "notify::folded", G_CALLBACK (on_folded_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->leaflet, "notify::visible-child", G_CALLBACK (update_back_action), self,
                           G_CONNECT_SWAPPED);
  update_back_button (self);
  update_back_action (self);
}

GtkWidget *
anshin_list_detail_new (void)
{
  return g_object_new (ANSHIN_TYPE_LIST_DETAIL, NULL);
}

GtkWidget *
anshin_list_detail_get_list (AnshinListDetail *self)
{
  g_return_val_if_fail (ANSHIN_IS_LIST_DETAIL (self), NULL);

  return adw_bin_get_child (self->list_bin);
}

void
anshin_list_detail_set_list (AnshinListDetail *self,
                             GtkWidget        *list)
{
  g_return_if_fail (ANSHIN_IS_LIST_DETAIL (self));
  g_return_if_fail (list == NULL || GTK_IS_WIDGET (list));

  if (adw_bin_get_child (self->list_bin) == list)
    return;

  adw_bin_set_child (self->list_bin, list);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LIST]);
}

GtkWidget *
anshin_list_detail_get_placeholder (AnshinListDetail *self)
{
  g_return_val_if_fail (ANSHIN_IS_LIST_DETAIL (self), NULL);

  return adw_bin_get_child (self->placeholder_bin);
}

/**
 * anshin_list_detail_set_placeholder:
 * @placeholder: (nullable): what the explanation side shows until an item
 *   is opened (an AdwStatusPage saying what to do)
 */
void
anshin_list_detail_set_placeholder (AnshinListDetail *self,
                                    GtkWidget        *placeholder)
{
  g_return_if_fail (ANSHIN_IS_LIST_DETAIL (self));
  g_return_if_fail (placeholder == NULL || GTK_IS_WIDGET (placeholder));

  if (adw_bin_get_child (self->placeholder_bin) == placeholder)
    return;

  adw_bin_set_child (self->placeholder_bin, placeholder);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLACEHOLDER]);
}

GtkWidget *
anshin_list_detail_get_detail (AnshinListDetail *self)
{
  g_return_val_if_fail (ANSHIN_IS_LIST_DETAIL (self), NULL);

  return adw_clamp_get_child (self->detail_clamp);
}

/**
 * anshin_list_detail_set_detail:
 * @detail: (nullable): the opened item's explanation, scrolled and kept
 *   to a readable width
 */
void
anshin_list_detail_set_detail (AnshinListDetail *self,
                               GtkWidget        *detail)
{
  g_return_if_fail (ANSHIN_IS_LIST_DETAIL (self));
  g_return_if_fail (detail == NULL || GTK_IS_WIDGET (detail));

  if (adw_clamp_get_child (self->detail_clamp) == detail)
    return;

  adw_clamp_set_child (self->detail_clamp, detail);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DETAIL]);
}

const char *
anshin_list_detail_get_back_label (AnshinListDetail *self)
{
  g_return_val_if_fail (ANSHIN_IS_LIST_DETAIL (self), NULL);

  return self->back_label;
}

void
anshin_list_detail_set_back_label (AnshinListDetail *self,
                                   const char       *label)
{
  g_return_if_fail (ANSHIN_IS_LIST_DETAIL (self));

  if (set_str (&self->back_label, label))
    {
      update_back_button (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BACK_LABEL]);
    }
}

const char *
anshin_list_detail_get_back_description (AnshinListDetail *self)
{
  g_return_val_if_fail (ANSHIN_IS_LIST_DETAIL (self), NULL);

  return self->back_description;
}

void
anshin_list_detail_set_back_description (AnshinListDetail *self,
                                         const char       *description)
{
  g_return_if_fail (ANSHIN_IS_LIST_DETAIL (self));

  if (set_str (&self->back_description, description))
    {
      update_back_button (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BACK_DESCRIPTION]);
    }
}

/**
 * anshin_list_detail_get_folded:
 *
 * Returns: whether the list and the explanation are shown one at a time
 */
gboolean
anshin_list_detail_get_folded (AnshinListDetail *self)
{
  g_return_val_if_fail (ANSHIN_IS_LIST_DETAIL (self), FALSE);

  return adw_leaflet_get_folded (self->leaflet);
}

/**
 * anshin_list_detail_get_showing_detail:
 *
 * Returns: whether an item's explanation is shown (rather than the
 *   placeholder)
 */
gboolean
anshin_list_detail_get_showing_detail (AnshinListDetail *self)
{
  g_return_val_if_fail (ANSHIN_IS_LIST_DETAIL (self), FALSE);

  return g_strcmp0 (gtk_stack_get_visible_child_name (self->detail_stack), "detail") == 0;
}

/**
 * anshin_list_detail_show_detail:
 * @scroll_to_top: whether to show the explanation from its start (another
 *   item was opened)
 *
 * Shows the explanation; folded, over the list.
 */
void
anshin_list_detail_show_detail (AnshinListDetail *self,
                                gboolean          scroll_to_top)
{
  gboolean was_showing;

  g_return_if_fail (ANSHIN_IS_LIST_DETAIL (self));

  was_showing = anshin_list_detail_get_showing_detail (self);
  gtk_stack_set_visible_child_name (self->detail_stack, "detail");
  if (scroll_to_top)
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->detail_scroller), 0);
  adw_leaflet_set_visible_child_name (self->leaflet, "detail");

  if (!was_showing)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOWING_DETAIL]);
}

/**
 * anshin_list_detail_show_placeholder:
 *
 * Nothing is open: the explanation side shows the placeholder; folded,
 * the list is shown.
 */
void
anshin_list_detail_show_placeholder (AnshinListDetail *self)
{
  gboolean was_showing;

  g_return_if_fail (ANSHIN_IS_LIST_DETAIL (self));

  was_showing = anshin_list_detail_get_showing_detail (self);
  gtk_stack_set_visible_child_name (self->detail_stack, "none");
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child_name (self->leaflet, "list");

  if (was_showing)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOWING_DETAIL]);
}

/**
 * anshin_list_detail_go_back:
 *
 * Folded, from the explanation back to the list (the back button,
 * Escape, Alt+Left).
 *
 * Returns: whether it went back
 */
gboolean
anshin_list_detail_go_back (AnshinListDetail *self)
{
  g_return_val_if_fail (ANSHIN_IS_LIST_DETAIL (self), FALSE);

  if (!adw_leaflet_get_folded (self->leaflet) ||
      g_strcmp0 (adw_leaflet_get_visible_child_name (self->leaflet), "detail") != 0)
    return FALSE;

  return adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}
