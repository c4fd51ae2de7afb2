/* anshin-method-row.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One payment method on the Payment methods page: its name, its state as
 * an icon and a word in the state's colour, since when and until when
 * ("Expected 2 Dec 2025, 09:00" or "No date given"), and, expanded, the
 * plain explanation from app/core with what the holder can do. While a
 * reissue with a new number is under way, the row shows its progress
 * toward the ready time on the issuer's clock.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "anshin-explainer.h"
#include "anshin-explanation-view.h"
#include "anshin-format.h"
#include "anshin-labels.h"
#include "anshin-method-row.h"

struct _AnshinMethodRow
{
  AdwExpanderRow         parent_instance;

  AnshinPaymentMethod   *method;
  AnshinAccount         *account;

  /* template children */
  GtkImage              *state_icon;
  GtkProgressBar        *progress_bar;
  GtkLabel              *state_label;
  AnshinExplanationView *explanation_view;
};

G_DEFINE_FINAL_TYPE (AnshinMethodRow, anshin_method_row, ADW_TYPE_EXPANDER_ROW)

enum {
  PROP_0,
  PROP_METHOD,
  PROP_ACCOUNT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const struct {
  const char *icon_name;
  const char *style_class;
} state_styles[] = {
  [ANSHIN_PAYMENT_METHOD_STATE_AVAILABLE] = { "object-select-symbolic", "success" },
  [ANSHIN_PAYMENT_METHOD_STATE_UPDATING] = { "content-loading-symbolic", "accent" },
  [ANSHIN_PAYMENT_METHOD_STATE_UNAVAILABLE] = { "dialog-warning-symbolic", "warning" },
  [ANSHIN_PAYMENT_METHOD_STATE_NOT_SET_UP] = { "action-unavailable-symbolic", "dim-label" },
};

/* Whether this method waits for a reissue whose ready time is known. */
static gboolean
waits_for_reissue (AnshinMethodRow *self,
                   AnshinCard      *card)
{
  return card != NULL &&
         anshin_payment_method_get_reason (self->method) == ANSHIN_PAYMENT_METHOD_REASON_REISSUE_IN_PROGRESS &&
         anshin_card_get_reissue_status (card) == ANSHIN_REISSUE_STATUS_IN_PROGRESS &&
         anshin_card_get_reissue_requested_at (card) != NULL &&
         anshin_card_get_reissue_ready_eta (card) != NULL;
}

/* "Ready in about 2 hours, around 12:00": the hours rounded to the nearest,
 * as the issuer's 3 hours are an estimate. */
static char *
ready_text (GDateTime *ready_eta,
            GDateTime *now)
{
  GTimeSpan left = g_date_time_difference (ready_eta, now);
  g_autofree char *at = anshin_format_time (ready_eta);

  if (left <= 0)
    return g_strdup (_("Ready any moment now"));

  if (left >= 50 * G_TIME_SPAN_MINUTE)
    {
      int hours = MAX (1, (int) ((left + G_TIME_SPAN_HOUR / 2) / G_TIME_SPAN_HOUR));

      /* TRANSLATORS: a reissued card's countdown; %1$d is a number of
       * hours, %2$s a time of day, e.g. "Ready in about 3 hours, around 12:00" */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Ready in about %1$d hour, around %2$s",
                                           "Ready in about %1$d hours, around %2$s",
                                           hours),
                              hours, at);
    }

  {
    int minutes = MAX (1, (int) (left / G_TIME_SPAN_MINUTE));

    /* TRANSLATORS: %1$d is a number of minutes, %2$s a time of day */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "Ready in about %1$d minute, around %2$s",
                                         "Ready in about %1$d minutes, around %2$s",
                                         minutes),
                            minutes, at);
  }
}

static double
reissue_fraction (AnshinCard *card,
                  GDateTime  *now)
{
  GDateTime *requested = anshin_card_get_reissue_requested_at (card);
  GDateTime *ready = anshin_card_get_reissue_ready_eta (card);
  GTimeSpan total = g_date_time_difference (ready, requested);
  GTimeSpan done = g_date_time_difference (now, requested);

  if (total <= 0)
    return 1.0;

  return CLAMP ((double) done / (double) total, 0.0, 1.0);
}

/* "Since 30 Nov 2025 · Expected 2 Dec 2025, 09:00" */
static char *
dates_text (AnshinMethodRow *self)
{
  AnshinPaymentMethodState state = anshin_payment_method_get_state (self->method);
  GDateTime *since = anshin_payment_method_get_since (self->method);
  GDateTime *eta = anshin_payment_method_get_eta (self->method);
  g_autofree char *since_text = NULL;
  g_autofree char *until_text = NULL;

  if (since != NULL && state != ANSHIN_PAYMENT_METHOD_STATE_NOT_SET_UP)
    {
      g_autofree char *date = anshin_format_date (since);

      /* TRANSLATORS: %s is a date: the method has been in its state since then */
      since_text = g_strdup_printf (_("Since %s"), date);
    }

  if (anshin_payment_method_is_unusable (self->method))
    {
      if (eta == NULL)
        /* TRANSLATORS: the issuer hasn't said when the method works again */
        until_text = g_strdup (_("No date given"));
      else
        {
          g_autofree char *date = anshin_format_date_time (eta);

          if (g_date_time_compare (eta, anshin_account_get_now (self->account)) > 0)
            /* TRANSLATORS: %s is a date and time the method should work from */
            until_text = g_strdup_printf (_("Expected %s"), date);
          else
            /* TRANSLATORS: %s is a date and time that has passed */
            until_text = g_strdup_printf (_("Was expected %s"), date);
        }
    }

  if (since_text != NULL && until_text != NULL)
    /* TRANSLATORS: two facts side by side, e.g. "Since 30 Nov 2025 · No date given" */
    return g_strdup_printf (C_("facts", "%s · %s"), since_text, until_text);

  return g_strdup (since_text != NULL ? since_text : until_text);
}

static void
update (AnshinMethodRow *self)
{
  AnshinPaymentMethodState state = anshin_payment_method_get_state (self->method);
  g_autofree char *subtitle = NULL;
  g_autoptr(AnshinExplanation) explanation = NULL;
  const char *name = anshin_payment_method_kind_get_label (anshin_payment_method_get_kind (self->method));
  AnshinCard *card = anshin_account_get_card_if_any (self->account);
  GDateTime *now = anshin_account_get_now (self->account);
  gboolean reissuing = waits_for_reissue (self, card);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), name);
  /* the expander itself is a row too: name it, not only its title row */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);

  for (guint i = 0; i < G_N_ELEMENTS (state_styles); i++)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->state_icon), state_styles[i].style_class);
      gtk_widget_remove_css_class (GTK_WIDGET (self->state_label), state_styles[i].style_class);
    }
  g_return_if_fail (state < G_N_ELEMENTS (state_styles));
  gtk_image_set_from_icon_name (self->state_icon, state_styles[state].icon_name);
  gtk_widget_add_css_class (GTK_WIDGET (self->state_icon), state_styles[state].style_class);
  gtk_widget_add_css_class (GTK_WIDGET (self->state_label), state_styles[state].style_class);
  gtk_label_set_label (self->state_label, anshin_payment_method_state_get_label (state));

  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), reissuing);
  if (reissuing)
    {
      g_autofree char *ready = ready_text (anshin_card_get_reissue_ready_eta (card), now);

      gtk_progress_bar_set_fraction (self->progress_bar, reissue_fraction (card, now));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->progress_bar),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, ready,
                                      -1);
      subtitle = g_steal_pointer (&ready);
    }
  else
    subtitle = dates_text (self);

  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), subtitle != NULL ? subtitle : "");

  if (card != NULL)
    explanation = anshin_explain_payment_method (self->method, card, anshin_account_get_programs (self->account), now);

  anshin_explanation_view_set_card (self->explanation_view, card);
  anshin_explanation_view_set_explanation (self->explanation_view, explanation);

  /* AdwExpanderRow expands a row whose expansion gets enabled: the holder
   * opens rows, a refresh doesn't */
  if (adw_expander_row_get_enable_expansion (ADW_EXPANDER_ROW (self)) != (explanation != NULL))
    {
      gboolean expanded = adw_expander_row_get_expanded (ADW_EXPANDER_ROW (self));

      adw_expander_row_set_enable_expansion (ADW_EXPANDER_ROW (self), explanation != NULL);
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (self), expanded && explanation != NULL);
    }
}

static void
anshin_method_row_dispose (GObject *object)
{
  AnshinMethodRow *self = ANSHIN_METHOD_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ANSHIN_TYPE_METHOD_ROW);
  g_clear_object (&self->method);
  g_clear_object (&self->account);

  G_OBJECT_CLASS (anshin_method_row_parent_class)->dispose (object);
}

static void
anshin_method_row_constructed (GObject *object)
{
  AnshinMethodRow *self = ANSHIN_METHOD_ROW (object);

  G_OBJECT_CLASS (anshin_method_row_parent_class)->constructed (object);

  g_return_if_fail (self->method != NULL && self->account != NULL);

  /* the method, the card, the programmes or the time */
  g_signal_connect_object (self->account, "changed", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  update (self);
}

static void
anshin_method_row_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  AnshinMethodRow *self = ANSHIN_METHOD_ROW (object);

  switch (prop_id)
    {
    case PROP_METHOD:
      g_value_set_object (value, self->method);
      break;
    case PROP_ACCOUNT:
      g_value_set_object (value, self->account);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anshin_method_row_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  AnshinMethodRow *self = ANSHIN_METHOD_ROW (object);

  switch (prop_id)
    {
    case PROP_METHOD:
      self->method = g_value_dup_object (value);
      break;
    case PROP_ACCOUNT:
      self->account = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anshin_method_row_class_init (AnshinMethodRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags construct_only = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->constructed = anshin_method_row_constructed;
  object_class->dispose = anshin_method_row_dispose;
  object_class->get_property = anshin_method_row_get_property;
  object_class->set_property = anshin_method_row_set_property;

  properties[PROP_METHOD] =
    g_param_spec_object ("method", NULL, NULL, ANSHIN_TYPE_PAYMENT_METHOD, construct_only);
  /* the card, programmes and time the explanation counts from */
  properties[PROP_ACCOUNT] =
    g_param_spec_object ("account", NULL, NULL, ANSHIN_TYPE_ACCOUNT, construct_only);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ANSHIN_TYPE_EXPLANATION_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/anshin-method-row.ui");
  gtk_widget_class_bind_template_child (widget_class, AnshinMethodRow, state_icon);
  gtk_widget_class_bind_template_child (widget_class, AnshinMethodRow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, AnshinMethodRow, state_label);
  gtk_widget_class_bind_template_child (widget_class, AnshinMethodRow, explanation_view);
}

static void
anshin_method_row_init (AnshinMethodRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * anshin_method_row_new:
 * @method: the payment method to show
 * @account: the account it belongs to, whose card, programmes and issuer
 *   clock the row follows
 *
 * Returns: (transfer floating): a new #AnshinMethodRow
 */
GtkWidget *
anshin_method_row_new (AnshinPaymentMethod *method,
                       AnshinAccount       *account)
{
  g_return_val_if_fail (ANSHIN_IS_PAYMENT_METHOD (method), NULL);
  g_return_val_if_fail (ANSHIN_IS_ACCOUNT (account), NULL);

  return g_object_new (ANSHIN_TYPE_METHOD_ROW, "method", method, "account", account, NULL);
}

AnshinPaymentMethod *
anshin_method_row_get_method (AnshinMethodRow *self)
{
  g_return_val_if_fail (ANSHIN_IS_METHOD_ROW (self), NULL);

  return self->method;
}
