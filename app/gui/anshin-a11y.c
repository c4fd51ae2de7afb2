/* anshin-a11y.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GTK 4.8 gives a button with a text label two accessible names at once:
 * its label property and the label inside it (labelled-by), so a screen
 * reader announces "Reissue Reissue". Our templates avoid it with a child
 * label that names the button alone; buttons that libadwaita builds
 * itself (the responses of an AdwMessageDialog) are renamed here, and
 * its icon buttons without a name (the peek button of an
 * AdwPasswordEntryRow) are named by their tooltip.
 */

#include "config.h"

#include "anshin-a11y.h"

static void
name_by_tooltip (GtkWidget *button)
{
  const char *tooltip = gtk_widget_get_tooltip_text (button);

  if (tooltip != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip,
                                    -1);
}

static void
on_tooltip_text_changed_cb (GtkWidget  *button,
                            GParamSpec *pspec,
                            gpointer    user_data)
{
  name_by_tooltip (button);
}

static void
name_button (GtkButton *button)
{
  GtkWidget *child = gtk_button_get_child (button);

  /* an icon button libadwaita made (the password row's "Show Text"): its
   * tooltip says what it does, and changes with what it does */
  if (gtk_button_get_label (button) == NULL && GTK_IS_IMAGE (child))
    {
      name_by_tooltip (GTK_WIDGET (button));
      g_signal_connect (button, "notify::tooltip-text", G_CALLBACK (on_tooltip_text_changed_cb), NULL);
      return;
    }

  if (gtk_button_get_label (button) == NULL || !GTK_IS_LABEL (child))
    return;

  /* the text as shown, without the mnemonic's underscore */
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, gtk_label_get_text (GTK_LABEL (child)),
                                  -1);
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
}

/**
 * anshin_a11y_name_buttons:
 * @root: a widget, e.g. an AdwMessageDialog once its responses are added
 *
 * Names every button with a text label under @root (and @root itself)
 * by that text, once, and every icon button that has no name by its
 * tooltip. Call it once per @root: it connects to the icon buttons.
 */
void
anshin_a11y_name_buttons (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  if (GTK_IS_BUTTON (root))
    name_button (GTK_BUTTON (root));

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    anshin_a11y_name_buttons (child);
}
