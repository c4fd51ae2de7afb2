/* anshin-topup-form.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Topping up: a charge card, an amount (presets or another amount), and
 * what is left of the issuer's rolling 24-hour and 720-hour limits at the
 * issuer's now, worked out from the charges the issuer lists. An amount
 * outside 1,000 to 50,000 yen, or more than a window has left, is refused
 * in place with the window and the time it frees up, before anything is
 * sent. The page does the charging (signals top-up, retry).
 */

#include "config.h"

#include <stdlib.h>

#include <glib/gi18n-lib.h>

#include "anshin-charge-card.h"
#include "anshin-charge-card-row.h"
#include "anshin-format.h"
#include "anshin-issuer-types.h"
#include "anshin-topup-form.h"
#include "anshin-topup-limits.h"

static const gint64 presets[] = { 1000, 5000, 10000, 30000, 50000 };

struct _AnshinTopupForm
{
  AdwBin           parent_instance;

  GPtrArray       *charges;
  gboolean         charges_unknown;  /* the issuer's list could not be had */
  GDateTime       *now;
  GDateTime       *registration_locked_until;
  GtkToggleButton *preset_buttons[G_N_ELEMENTS (presets)];
  char            *refusal;
  gboolean         busy;
  gboolean         setting;

  /* template children */
  AdwComboRow     *card_row;
  GtkFlowBox      *presets_box;
  GtkWidget       *custom_row;
  GtkLabel        *amount_error;
  AdwActionRow    *limit_24h_row;
  GtkLabel        *limit_24h_label;
  AdwActionRow    *limit_720h_row;
  GtkLabel        *limit_720h_label;
  GtkWidget       *failure_box;
  GtkLabel        *failure_label;
  GtkWidget       *retry_button;
  GtkWidget       *success_box;
  GtkLabel        *success_label;
  GtkWidget       *spinner;
  GtkWidget       *topup_button;
};

G_DEFINE_FINAL_TYPE (AnshinTopupForm, anshin_topup_form, ADW_TYPE_BIN)

enum {
  TOP_UP,
  RETRY,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GDateTime *
dup_now (AnshinTopupForm *self)
{
  return self->now != NULL ? g_date_time_ref (self->now) : g_date_time_new_now_local ();
}

static gint64
window_left (AnshinTopupForm  *self,
             GTimeSpan         window,
             gint64            limit,
             gint64            amount,
             GDateTime       **out_fits_at)
{
  g_autoptr(GDateTime) now = dup_now (self);

  return anshin_topup_limits_left (self->charges, now, window, limit, amount, out_fits_at);
}

static AnshinChargeCard *
selected_card (AnshinTopupForm *self)
{
  return adw_combo_row_get_selected_item (self->card_row);
}

static void
update_limits (AnshinTopupForm *self)
{
  struct {
    GTimeSpan  window;
    gint64     limit;
    GtkLabel  *label;
  } windows[] = {
    { ANSHIN_TOPUP_WINDOW_24H, ANSHIN_TOPUP_LIMIT_24H, self->limit_24h_label },
    { ANSHIN_TOPUP_WINDOW_720H, ANSHIN_TOPUP_LIMIT_720H, self->limit_720h_label },
  };
  gint64 amount = anshin_topup_form_get_amount (self);
  g_autofree char *refusal = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (windows); i++)
    {
      g_autoptr(GDateTime) fits_at = NULL;
      g_autofree char *left_text = NULL;
      g_autofree char *limit_text = NULL;
      g_autofree char *text = NULL;
      gint64 left;

      limit_text = anshin_format_yen (windows[i].limit);
      if (self->charges_unknown)
        {
          /* not "all of it": the top-ups already made are not known */
          /* TRANSLATORS: %s is a limit in yen, e.g. "¥100,000" */
          text = g_strdup_printf (_("Unknown right now (limit %s)"), limit_text);
          gtk_label_set_label (windows[i].label, text);
          continue;
        }

      left = window_left (self, windows[i].window, windows[i].limit, amount, &fits_at);
      left_text = anshin_format_yen (left);
      /* TRANSLATORS: "¥50,000 of ¥100,000": what is left of a limit */
      text = g_strdup_printf (_("%s of %s"), left_text, limit_text);
      gtk_label_set_label (windows[i].label, text);

      if (refusal == NULL && amount >= ANSHIN_TOPUP_MIN && amount <= ANSHIN_TOPUP_MAX &&
          amount > left)
        refusal = anshin_topup_limits_describe_refusal (windows[i].window, left, fits_at);
    }

  if (amount > 0 && (amount < ANSHIN_TOPUP_MIN || amount > ANSHIN_TOPUP_MAX))
    {
      g_autofree char *min = anshin_format_yen (ANSHIN_TOPUP_MIN);
      g_autofree char *max = anshin_format_yen (ANSHIN_TOPUP_MAX);

      g_clear_pointer (&refusal, g_free);
      /* TRANSLATORS: %1$s and %2$s are amounts of yen */
      refusal = g_strdup_printf (_("A single top-up must be between %1$s and %2$s."), min, max);
    }
  else if (amount < 0)
    {
      g_clear_pointer (&refusal, g_free);
      refusal = g_strdup (_("Please enter the amount in whole yen, digits only."));
    }

  g_free (self->refusal);
  self->refusal = g_steal_pointer (&refusal);
  gtk_label_set_label (self->amount_error, self->refusal != NULL ? self->refusal : "");
  gtk_widget_set_visible (GTK_WIDGET (self->amount_error), self->refusal != NULL);

  if (self->refusal != NULL)
    {
      gtk_accessible_update_state (GTK_ACCESSIBLE (self->custom_row),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                   -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->custom_row),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->refusal,
                                      -1);
    }
  else
    {
      gtk_accessible_reset_state (GTK_ACCESSIBLE (self->custom_row), GTK_ACCESSIBLE_STATE_INVALID);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self->custom_row),
                                     GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }

  gtk_widget_set_sensitive (self->topup_button,
                            !self->busy && self->refusal == NULL && amount > 0 &&
                            selected_card (self) != NULL);
  gtk_widget_set_visible (self->spinner, self->busy);
  gtk_spinner_set_spinning (GTK_SPINNER (self->spinner), self->busy);
}

static void
hide_messages (AnshinTopupForm *self)
{
  gtk_widget_set_visible (self->failure_box, FALSE);
  gtk_widget_set_visible (self->retry_button, FALSE);
  gtk_widget_set_visible (self->success_box, FALSE);
}

static void
on_preset_toggled_cb (GtkToggleButton *button,
                      AnshinTopupForm *self)
{
  if (self->setting || !gtk_toggle_button_get_active (button))
    return;

  self->setting = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->custom_row), "");
  self->setting = FALSE;

  hide_messages (self);
  update_limits (self);
}

static void
on_custom_changed_cb (AnshinTopupForm *self)
{
  if (self->setting)
    return;

  self->setting = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (presets); i++)
    gtk_toggle_button_set_active (self->preset_buttons[i], FALSE);
  self->setting = FALSE;

  hide_messages (self);
  update_limits (self);
}

static void
update_card_hint (AnshinTopupForm *self)
{
  GListModel *cards = adw_combo_row_get_model (self->card_row);
  gboolean none = cards == NULL || g_list_model_get_n_items (cards) == 0;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *when = NULL;
  g_autofree char *hint = NULL;

  if (!none)
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->card_row), NULL);
      return;
    }

  /* the lock is the reason there is nothing to top up from: say so here,
   * at the top of the page, not only in the form below */
  if (self->registration_locked_until != NULL &&
      (self->now == NULL || g_date_time_compare (self->now, self->registration_locked_until) < 0))
    {
      local = g_date_time_to_local (self->registration_locked_until);
      when = anshin_format_date_time (local);
      /* TRANSLATORS: %s is a date and time in local time, e.g. "31 August 2025, 9:00" */
      hint = g_strdup_printf (_("Adding a charge card is locked until %s."), when);
    }

  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->card_row),
                               hint != NULL ? hint : _("Add a charge card below first."));
}

static void
on_card_selected_cb (AnshinTopupForm *self)
{
  update_card_hint (self);
  hide_messages (self);
  update_limits (self);
}

static void
on_topup_clicked_cb (AnshinTopupForm *self)
{
  AnshinChargeCard *card = selected_card (self);
  gint64 amount = anshin_topup_form_get_amount (self);

  if (card == NULL || self->busy || self->refusal != NULL || amount <= 0)
    return;

  hide_messages (self);
  g_signal_emit (self, signals[TOP_UP], 0, anshin_charge_card_get_id (card), amount);
}

static void
on_retry_clicked_cb (AnshinTopupForm *self)
{
  hide_messages (self);
  g_signal_emit (self, signals[RETRY], 0);
}

static char *
card_name_cb (AnshinChargeCard *card)
{
  return card != NULL ? anshin_charge_card_row_dup_card_name (card) : g_strdup ("");
}

static void
anshin_topup_form_dispose (GObject *object)
{
  AnshinTopupForm *self = ANSHIN_TOPUP_FORM (object);

  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), ANSHIN_TYPE_TOPUP_FORM);
  g_clear_pointer (&self->charges, g_ptr_array_unref);

  G_OBJECT_CLASS (anshin_topup_form_parent_class)->dispose (object);
}

static void
anshin_topup_form_finalize (GObject *object)
{
  AnshinTopupForm *self = ANSHIN_TOPUP_FORM (object);

  g_clear_pointer (&self->now, g_date_time_unref);
  g_clear_pointer (&self->registration_locked_until, g_date_time_unref);
  g_clear_pointer (&self->refusal, g_free);

  G_OBJECT_CLASS (anshin_topup_form_parent_class)->finalize (object);
}

static void
anshin_topup_form_class_init (AnshinTopupFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = anshin_topup_form_dispose;
  object_class->finalize = anshin_topup_form_finalize;

  /**
   * AnshinTopupForm::top-up:
   * @charge_card_id: the charge card to charge
   * @amount: yen
   *
   * The holder confirmed a top-up the form does not refuse.
   */
  signals[TOP_UP] = g_signal_new ("top-up", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 2,
                                  G_TYPE_STRING, G_TYPE_INT64);

  /**
   * AnshinTopupForm::retry:
   *
   * Retry was pressed after the issuer could not be reached.
   */
  signals[RETRY] = g_signal_new ("retry", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/anshin-topup-form.ui");
  gtk_widget_class_bind_template_child (widget_class, AnshinTopupForm, card_row);
  gtk_widget_class_bind_template_child (widget_class, AnshinTopupForm, presets_box);
  gtk_widget_class_bind_template_child (widget_class, AnshinTopupForm, custom_row);
  gtk_widget_class_bind_template_child (widget_class, AnshinTopupForm, amount_error);
  gtk_widget_class_bind_template_child (widget_class, AnshinTopupForm, limit_24h_row);
  gtk_widget_class_bind_template_child (widget_class, AnshinTopupForm, limit_24h_label);
  gtk_widget_class_bind_template_child (widget_class, AnshinTopupForm, limit_720h_row);
  gtk_widget_class_bind_template_child (widget_class, AnshinTopupForm, limit_720h_label);
  gtk_widget_class_bind_template_child (widget_class, AnshinTopupForm, failure_box);
  gtk_widget_class_bind_template_child (widget_class, AnshinTopupForm, failure_label);
  gtk_widget_class_bind_template_child (widget_class, AnshinTopupForm, retry_button);
  gtk_widget_class_bind_template_child (widget_class, AnshinTopupForm, success_box);
  gtk_widget_class_bind_template_child (widget_class, AnshinTopupForm, success_label);
  gtk_widget_class_bind_template_child (widget_class, AnshinTopupForm, spinner);
  gtk_widget_class_bind_template_child (widget_class, AnshinTopupForm, topup_button);
  gtk_widget_class_bind_template_callback (widget_class, on_topup_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_retry_clicked_cb);
}

static void
anshin_topup_form_init (AnshinTopupForm *self)
{
  g_autoptr(GtkExpression) expression = NULL;
  g_autoptr(GtkListItemFactory) card_factory = anshin_charge_card_row_new_name_factory ();
  GtkToggleButton *group = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < G_N_ELEMENTS (presets); i++)
    {
      g_autofree char *label = anshin_format_yen (presets[i]);
      GtkWidget *button = gtk_toggle_button_new_with_label (label);

      gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), group);
      group = GTK_TOGGLE_BUTTON (button);
      gtk_widget_add_css_class (button, "topup-preset");
      g_object_set_data (G_OBJECT (button), "amount", (gpointer)&presets[i]);
      g_signal_connect (button, "toggled", G_CALLBACK (on_preset_toggled_cb), self);
      gtk_flow_box_append (self->presets_box, button);
      self->preset_buttons[i] = GTK_TOGGLE_BUTTON (button);
    }

  expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                            G_CALLBACK (card_name_cb), NULL, NULL);
  adw_combo_row_set_expression (self->card_row, expression);
  /* the row shows the card's whole name; the list keeps libadwaita's items */
  adw_combo_row_set_list_factory (self->card_row, adw_combo_row_get_factory (self->card_row));
  adw_combo_row_set_factory (self->card_row, card_factory);

  g_signal_connect_swapped (self->custom_row, "changed", G_CALLBACK (on_custom_changed_cb), self);
  g_signal_connect_swapped (self->card_row, "notify::selected", G_CALLBACK (on_card_selected_cb), self);

  update_card_hint (self);
  update_limits (self);
}

GtkWidget *
anshin_topup_form_new (void)
{
  return g_object_new (ANSHIN_TYPE_TOPUP_FORM, NULL);
}

/**
 * anshin_topup_form_set_charge_cards:
 * @self: a #AnshinTopupForm
 * @charge_cards: (nullable): a #GListModel of #AnshinChargeCard to pick from
 */
void
anshin_topup_form_set_charge_cards (AnshinTopupForm *self,
                                    GListModel      *charge_cards)
{
  GListModel *old;

  g_return_if_fail (ANSHIN_IS_TOPUP_FORM (self));

  old = adw_combo_row_get_model (self->card_row);

  if (old != NULL)
    g_signal_handlers_disconnect_by_func (old, update_card_hint, self);
  if (charge_cards != NULL)
    g_signal_connect_object (charge_cards, "items-changed", G_CALLBACK (update_card_hint), self,
                             G_CONNECT_SWAPPED);
  adw_combo_row_set_model (self->card_row, charge_cards);
  update_card_hint (self);
  update_limits (self);
}

/**
 * anshin_topup_form_set_charges:
 * @self: a #AnshinTopupForm
 * @charges: (nullable): the issuer's #AnshinCharges (any order)
 */
void
anshin_topup_form_set_charges (AnshinTopupForm *self,
                               GPtrArray       *charges)
{
  g_return_if_fail (ANSHIN_IS_TOPUP_FORM (self));

  g_clear_pointer (&self->charges, g_ptr_array_unref);
  if (charges != NULL)
    self->charges = g_ptr_array_ref (charges);
  self->charges_unknown = FALSE;
  update_limits (self);
}

/**
 * anshin_topup_form_set_charges_unknown:
 * @self: a #AnshinTopupForm
 *
 * The issuer's list of top-ups could not be had: the form says that what
 * is left of each limit is unknown, rather than that all of it is left
 * (the issuer still checks the limits when topping up).
 */
void
anshin_topup_form_set_charges_unknown (AnshinTopupForm *self)
{
  g_return_if_fail (ANSHIN_IS_TOPUP_FORM (self));

  g_clear_pointer (&self->charges, g_ptr_array_unref);
  self->charges_unknown = TRUE;
  update_limits (self);
}

/**
 * anshin_topup_form_set_now:
 * @self: a #AnshinTopupForm
 * @now: the issuer's clock: the windows end here
 */
void
anshin_topup_form_set_now (AnshinTopupForm *self,
                           GDateTime       *now)
{
  g_return_if_fail (ANSHIN_IS_TOPUP_FORM (self));
  g_return_if_fail (now != NULL);

  g_clear_pointer (&self->now, g_date_time_unref);
  self->now = g_date_time_ref (now);
  update_limits (self);
  if (self->registration_locked_until != NULL)
    update_card_hint (self);
}

/**
 * anshin_topup_form_set_registration_locked_until:
 * @self: a #AnshinTopupForm
 * @until: (nullable): until when the issuer locked adding a charge card
 *
 * Without a charge card, the form says why there is none yet.
 */
void
anshin_topup_form_set_registration_locked_until (AnshinTopupForm *self,
                                                 GDateTime       *until)
{
  g_return_if_fail (ANSHIN_IS_TOPUP_FORM (self));

  g_clear_pointer (&self->registration_locked_until, g_date_time_unref);
  if (until != NULL)
    self->registration_locked_until = g_date_time_ref (until);
  update_card_hint (self);
}

/**
 * anshin_topup_form_get_amount:
 * @self: a #AnshinTopupForm
 *
 * Returns: the amount picked or typed in yen, 0 if none, -1 if what was
 *   typed is not a whole number of yen
 */
gint64
anshin_topup_form_get_amount (AnshinTopupForm *self)
{
  const char *text;
  g_autofree char *digits = NULL;
  guint64 amount;

  g_return_val_if_fail (ANSHIN_IS_TOPUP_FORM (self), 0);

  for (guint i = 0; i < G_N_ELEMENTS (presets); i++)
    if (gtk_toggle_button_get_active (self->preset_buttons[i]))
      return presets[i];

  text = gtk_editable_get_text (GTK_EDITABLE (self->custom_row));
  digits = g_strdup (text);
  g_strstrip (digits);
  if (digits[0] == '\0')
    return 0;

  /* "5,000" and "5000" are the same amount */
  for (char *from = digits, *to = digits; ; from++)
    {
      if (*from != ',')
        *to++ = *from;
      if (*from == '\0')
        break;
    }

  if (!g_ascii_string_to_unsigned (digits, 10, 1, G_MAXINT32, &amount, NULL))
    return -1;

  return (gint64)amount;
}

/**
 * anshin_topup_form_set_amount:
 * @self: a #AnshinTopupForm
 * @amount: yen
 *
 * Picks the preset of @amount, or types it as another amount.
 */
void
anshin_topup_form_set_amount (AnshinTopupForm *self,
                              gint64           amount)
{
  g_autofree char *text = NULL;

  g_return_if_fail (ANSHIN_IS_TOPUP_FORM (self));

  for (guint i = 0; i < G_N_ELEMENTS (presets); i++)
    if (presets[i] == amount)
      {
        gtk_toggle_button_set_active (self->preset_buttons[i], TRUE);
        return;
      }

  text = g_strdup_printf ("%" G_GINT64_FORMAT, amount);
  gtk_editable_set_text (GTK_EDITABLE (self->custom_row), text);
}

/**
 * anshin_topup_form_get_left:
 * @self: a #AnshinTopupForm
 * @window: 24 or 720 hours
 *
 * Returns: what is left of the limit of @window at the issuer's now
 */
gint64
anshin_topup_form_get_left (AnshinTopupForm *self,
                            GTimeSpan        window)
{
  g_return_val_if_fail (ANSHIN_IS_TOPUP_FORM (self), 0);

  return window_left (self, window,
                      window == ANSHIN_TOPUP_WINDOW_24H ? ANSHIN_TOPUP_LIMIT_24H : ANSHIN_TOPUP_LIMIT_720H,
                      0, NULL);
}

/**
 * anshin_topup_form_get_refusal:
 * @self: a #AnshinTopupForm
 *
 * Returns: (nullable): why the amount is refused in place, or %NULL
 */
const char *
anshin_topup_form_get_refusal (AnshinTopupForm *self)
{
  g_return_val_if_fail (ANSHIN_IS_TOPUP_FORM (self), NULL);

  return self->refusal;
}

void
anshin_topup_form_set_busy (AnshinTopupForm *self,
                            gboolean         busy)
{
  g_return_if_fail (ANSHIN_IS_TOPUP_FORM (self));

  self->busy = !!busy;
  update_limits (self);
}

/**
 * anshin_topup_form_show_failure:
 * @self: a #AnshinTopupForm
 * @message: (nullable): what happened and what to do, or %NULL to hide it
 * @offer_retry: whether to offer Retry (the answer did not arrive)
 */
void
anshin_topup_form_show_failure (AnshinTopupForm *self,
                                const char      *message,
                                gboolean         offer_retry)
{
  g_return_if_fail (ANSHIN_IS_TOPUP_FORM (self));

  hide_messages (self);
  gtk_widget_set_visible (self->failure_box, message != NULL);
  gtk_widget_set_visible (self->retry_button, message != NULL && offer_retry);
  gtk_label_set_label (self->failure_label, message != NULL ? message : "");
}

void
anshin_topup_form_show_success (AnshinTopupForm *self,
                                const char      *message)
{
  g_return_if_fail (ANSHIN_IS_TOPUP_FORM (self));

  hide_messages (self);
  gtk_widget_set_visible (self->success_box, message != NULL);
  gtk_label_set_label (self->success_label, message != NULL ? message : "");
}

/**
 * anshin_topup_form_get_failure:
 * @self: a #AnshinTopupForm
 *
 * Returns: (nullable): the failure shown, if any
 */
const char *
anshin_topup_form_get_failure (AnshinTopupForm *self)
{
  g_return_val_if_fail (ANSHIN_IS_TOPUP_FORM (self), NULL);

  if (!gtk_widget_get_visible (self->failure_box))
    return NULL;

  return gtk_label_get_label (self->failure_label);
}

GtkWidget *
anshin_topup_form_get_topup_button (AnshinTopupForm *self)
{
  g_return_val_if_fail (ANSHIN_IS_TOPUP_FORM (self), NULL);

  return self->topup_button;
}

GtkWidget *
anshin_topup_form_get_retry_button (AnshinTopupForm *self)
{
  g_return_val_if_fail (ANSHIN_IS_TOPUP_FORM (self), NULL);

  return self->retry_button;
}
