/* anshin-card-callout.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * On the Card page, the lasting state of payment methods that can't be
 * used ("QUICPay is delayed, with no new date"), worded by the explainer,
 * with what it means for the holder's programmes and a button to the
 * Payment Methods page. Warning yellow when it needs the holder's
 * attention, accent blue when it is expected to sort itself out.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "anshin-card-callout.h"
#include "anshin-explainer.h"
#include "anshin-payment-method.h"
#include "anshin-program.h"

struct _AnshinCardCallout
{
  AdwBin    parent_instance;

  /* template children */
  GtkImage *icon;
  GtkLabel *title_label;
  GtkLabel *body_label;
};

G_DEFINE_FINAL_TYPE (AnshinCardCallout, anshin_card_callout, ADW_TYPE_BIN)

static char *
join_sentences (const char *first,
                const char *second)
{
  if (first == NULL || *first == '\0')
    return g_strdup (second);
  if (second == NULL || *second == '\0')
    return g_strdup (first);

  /* TRANSLATORS: two sentences, one after the other. Japanese writes them
   * without a space. */
  return g_strdup_printf (C_("sentences", "%s %s"), first, second);
}

/* A method that can't be used, unless only because the holder froze the
 * card: the freeze row says that already. */
static gboolean
method_needs_attention (AnshinPaymentMethod *method,
                        AnshinCard          *card)
{
  if (anshin_payment_method_get_reason (method) == ANSHIN_PAYMENT_METHOD_REASON_CARD_FROZEN &&
      anshin_card_get_state (card) == ANSHIN_CARD_STATE_FROZEN)
    return FALSE;

  return anshin_payment_method_is_unusable (method);
}

/* How prominent a method's trouble is: lower first. A method a programme
 * counts comes first, then one that is unavailable rather than updating. */
static int
method_rank (AnshinPaymentMethod *method,
             GListModel          *programs)
{
  AnshinPaymentMethodKind kind = anshin_payment_method_get_kind (method);
  guint n_programs = programs != NULL ? g_list_model_get_n_items (programs) : 0;
  int rank = 2;

  for (guint i = 0; i < n_programs; i++)
    {
      g_autoptr(AnshinProgram) program = g_list_model_get_item (programs, i);

      if (anshin_program_requires_method (program, kind))
        {
          rank = 0;
          break;
        }
    }

  if (anshin_payment_method_get_state (method) != ANSHIN_PAYMENT_METHOD_STATE_UNAVAILABLE)
    rank += 1;

  return rank;
}

static int
compare_methods (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  AnshinPaymentMethod *method_a = *(AnshinPaymentMethod **) a;
  AnshinPaymentMethod *method_b = *(AnshinPaymentMethod **) b;

  return method_rank (method_a, user_data) - method_rank (method_b, user_data);
}


static void
anshin_card_callout_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), ANSHIN_TYPE_CARD_CALLOUT);

  G_OBJECT_CLASS (anshin_card_callout_parent_class)->dispose (object);
}

static void
anshin_card_callout_class_init (AnshinCardCalloutClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = anshin_card_callout_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/anshin-card-callout.ui");
  gtk_widget_class_bind_template_child (widget_class, AnshinCardCallout, icon);
  gtk_widget_class_bind_template_child (widget_class, AnshinCardCallout, title_label);
  gtk_widget_class_bind_template_child (widget_class, AnshinCardCallout, body_label);
  gtk_widget_class_bind_template_child_full (widget_class, "button", FALSE, 0);
}

static void
anshin_card_callout_init (AnshinCardCallout *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * anshin_card_callout_new:
 *
 * Returns: (transfer floating): a new callout, hidden until
 *   anshin_card_callout_update() finds something to say
 */
GtkWidget *
anshin_card_callout_new (void)
{
  return g_object_new (ANSHIN_TYPE_CARD_CALLOUT, NULL);
}

/**
 * anshin_card_callout_update:
 * @self: a callout
 * @card: the card
 * @methods: (nullable): the card's #AnshinPaymentMethods
 * @programs: (nullable): the issuer's #AnshinPrograms
 * @now: the issuer's clock
 *
 * Shows the callout, worded by the explainer, when a payment method can't
 * be used; hides it when every method can (or is simply not set up).
 */
void
anshin_card_callout_update (AnshinCardCallout *self,
                            AnshinCard        *card,
                            GListModel        *methods,
                            GListModel        *programs,
                            GDateTime         *now)
{
  g_autoptr(GPtrArray) explanations = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) lagging = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GString) body = g_string_new (NULL);
  g_autofree char *impacts = NULL;
  g_autofree char *title = NULL;
  guint n_methods = methods != NULL ? g_list_model_get_n_items (methods) : 0;
  gboolean needs_attention = FALSE;

  g_return_if_fail (ANSHIN_IS_CARD_CALLOUT (self));
  g_return_if_fail (ANSHIN_IS_CARD (card));
  g_return_if_fail (methods == NULL || G_IS_LIST_MODEL (methods));
  g_return_if_fail (programs == NULL || G_IS_LIST_MODEL (programs));
  g_return_if_fail (now != NULL);

  for (guint i = 0; i < n_methods; i++)
    {
      g_autoptr(AnshinPaymentMethod) method = g_list_model_get_item (methods, i);

      if (method_needs_attention (method, card))
        g_ptr_array_add (lagging, g_steal_pointer (&method));
    }

  gtk_widget_set_visible (GTK_WIDGET (self), lagging->len > 0);
  if (lagging->len == 0)
    return;

  g_ptr_array_sort_with_data (lagging, compare_methods, programs);

  for (guint i = 0; i < lagging->len; i++)
    {
      AnshinExplanation *explanation = anshin_explain_payment_method (g_ptr_array_index (lagging, i),
                                                                      card, programs, now);
      g_autofree char *joined = join_sentences (impacts,
                                                anshin_explanation_get_programme_impact (explanation));

      g_free (impacts);
      impacts = g_steal_pointer (&joined);
      if (anshin_explanation_get_expectation (explanation) != ANSHIN_EXPECTATION_EXPECTED)
        needs_attention = TRUE;
      g_ptr_array_add (explanations, explanation);
    }

  if (explanations->len == 1)
    {
      AnshinExplanation *explanation = g_ptr_array_index (explanations, 0);
      g_autofree char *next = join_sentences (anshin_explanation_get_what_next (explanation), impacts);

      title = g_strdup (anshin_explanation_get_headline (explanation));
      g_string_append (body, next != NULL ? next : "");
    }
  else
    {
      title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "%u payment method can't be used yet",
                                            "%u payment methods can't be used yet",
                                            explanations->len),
                               explanations->len);
      for (guint i = 0; i < explanations->len; i++)
        {
          AnshinExplanation *explanation = g_ptr_array_index (explanations, i);

          if (i > 0)
            g_string_append_c (body, '\n');
          /* TRANSLATORS: one line of a list, %s is e.g. "QUICPay is being
           * updated after your card renewal" */
          g_string_append_printf (body, C_("list item", "• %s"),
                                  anshin_explanation_get_headline (explanation));
        }
      if (impacts != NULL)
        g_string_append_printf (body, "\n%s", impacts);
    }

  gtk_label_set_label (self->title_label, title);
  gtk_label_set_label (self->body_label, body->str);
  gtk_widget_set_visible (GTK_WIDGET (self->body_label), body->len > 0);

  gtk_image_set_from_icon_name (self->icon,
                                needs_attention ? "dialog-warning-symbolic"
                                                : "dialog-information-symbolic");
  if (needs_attention)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self), "warning");
      gtk_widget_remove_css_class (GTK_WIDGET (self), "info");
    }
  else
    {
      gtk_widget_add_css_class (GTK_WIDGET (self), "info");
      gtk_widget_remove_css_class (GTK_WIDGET (self), "warning");
    }
}

