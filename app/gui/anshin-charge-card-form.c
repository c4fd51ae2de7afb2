/* anshin-charge-card-form.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The "Add a charge card" form. It states the accepted brands and the
 * issuer's attempts before the holder types; groups the number as it is
 * typed and names the brand as soon as it is known; checks each field with
 * the app/core rules when it is complete or left, with the sentence next to
 * the field and on the field's accessible description; and keeps Register
 * disabled until every field is valid, so that a typo never costs one of
 * the issuer's attempts. While registration is locked a callout says until
 * when, counting down, and the fields are disabled.
 *
 * The number and the security code are secrets: they are never logged and
 * never kept anywhere but in the entries, which clear() and wipe_secrets()
 * empty. The page does the talking to the issuer (signals submit, retry).
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "anshin-a11y.h"
#include "anshin-card-brand.h"
#include "anshin-card-fields.h"
#include "anshin-card-number.h"
#include "anshin-charge-card-form-private.h"
#include "anshin-format.h"

G_DEFINE_FINAL_TYPE (AnshinChargeCardForm, anshin_charge_card_form, ADW_TYPE_BIN)

enum {
  SUBMIT,
  RETRY,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
field_text (AnshinChargeCardForm *self,
            AnshinCardField       field)
{
  return gtk_editable_get_text (GTK_EDITABLE (self->fields[field].row));
}

static AnshinCardBrand
typed_brand (AnshinChargeCardForm *self)
{
  g_autofree char *digits = anshin_card_number_normalize (field_text (self, ANSHIN_CARD_FIELD_NUMBER));

  return digits != NULL ? anshin_card_number_detect_brand (digits) : ANSHIN_CARD_BRAND_UNKNOWN;
}

GDateTime *
_anshin_charge_card_form_dup_now (AnshinChargeCardForm *self)
{
  return self->now != NULL ? g_date_time_ref (self->now) : g_date_time_new_now_local ();
}

/* Checks one field with the app/core rules; the sentence goes to @error. */
static gboolean
check_field (AnshinChargeCardForm  *self,
             AnshinCardField        field,
             GError               **error)
{
  const char *text = field_text (self, field);
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *normalized = NULL;

  switch (field)
    {
    case ANSHIN_CARD_FIELD_NUMBER:
      return anshin_card_number_validate (text, (const char * const *)self->accepted_brands,
                                          NULL, NULL, error);
    case ANSHIN_CARD_FIELD_EXP:
      now = _anshin_charge_card_form_dup_now (self);
      return anshin_card_expiry_parse (text, now, NULL, NULL, error);
    case ANSHIN_CARD_FIELD_CVC:
      return anshin_card_cvc_validate (text, typed_brand (self), error);
    case ANSHIN_CARD_FIELD_HOLDER_NAME:
      return anshin_card_holder_name_validate (text, &normalized, error);
    default:
      g_assert_not_reached ();
    }
}

/* Whether the holder has typed all a field can take, so that it can be
 * checked before they leave it. The name is only checked when left. */
static gboolean
field_is_complete (AnshinChargeCardForm *self,
                   AnshinCardField       field)
{
  const char *text = field_text (self, field);
  g_autofree char *digits = NULL;
  AnshinCardBrand brand;
  guint length;
  guint typical;

  switch (field)
    {
    case ANSHIN_CARD_FIELD_NUMBER:
      digits = anshin_card_number_normalize (text);
      if (digits == NULL)
        return TRUE;  /* letters: say so at once */
      length = strlen (digits);
      brand = anshin_card_number_detect_brand (digits);
      typical = brand == ANSHIN_CARD_BRAND_AMEX ? 15 : brand == ANSHIN_CARD_BRAND_DINERS ? 14 : 16;
      return length >= anshin_card_number_max_length (brand) ||
             (length >= typical && anshin_card_number_length_valid (brand, length));
    case ANSHIN_CARD_FIELD_EXP:
      length = 0;
      for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
        if (g_unichar_isdigit (g_utf8_get_char (p)))
          length++;
      return length >= 4;
    case ANSHIN_CARD_FIELD_CVC:
      return g_utf8_strlen (text, -1) >= (glong)anshin_card_cvc_length (typed_brand (self));
    case ANSHIN_CARD_FIELD_HOLDER_NAME:
    default:
      return FALSE;
    }
}

void
_anshin_charge_card_form_set_field_error (AnshinChargeCardForm *self,
                 AnshinCardField       field,
                 const char           *message)
{
  Field *f = &self->fields[field];

  if (g_strcmp0 (f->error, message) == 0)
    return;

  g_free (f->error);
  f->error = g_strdup (message);

  gtk_label_set_label (f->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (f->error_label), message != NULL);

  if (message != NULL)
    {
      gtk_widget_add_css_class (f->row, "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (f->row),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                   -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (f->row),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message,
                                      -1);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (f->row),
                                      GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, f->error_label, NULL,
                                      -1);
    }
  else
    {
      gtk_widget_remove_css_class (f->row, "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (f->row), GTK_ACCESSIBLE_STATE_INVALID);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (f->row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      gtk_accessible_reset_relation (GTK_ACCESSIBLE (f->row), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY);
    }
}

/* Shows the rule's sentence (or clears it) for one field. */
static void
show_check (AnshinChargeCardForm *self,
            AnshinCardField       field)
{
  g_autoptr(GError) error = NULL;

  if (check_field (self, field, &error))
    _anshin_charge_card_form_set_field_error (self, field, NULL);
  else
    _anshin_charge_card_form_set_field_error (self, field, error->message);
}

static gboolean
all_valid (AnshinChargeCardForm *self)
{
  for (guint i = 0; i < N_FIELDS; i++)
    if (!check_field (self, i, NULL))
      return FALSE;

  return TRUE;
}

gboolean
_anshin_charge_card_form_is_locked (AnshinChargeCardForm *self)
{
  g_autoptr(GDateTime) now = NULL;

  if (self->locked_until == NULL)
    return FALSE;

  now = _anshin_charge_card_form_dup_now (self);
  return g_date_time_compare (now, self->locked_until) < 0;
}

void
_anshin_charge_card_form_update_sensitivity (AnshinChargeCardForm *self)
{
  gboolean locked = _anshin_charge_card_form_is_locked (self);
  gboolean open = self->has_registration && !locked && !self->busy;

  gtk_widget_set_sensitive (self->fields_box, !locked && !self->busy);
  gtk_widget_set_sensitive (self->submit_button, open && all_valid (self));
  gtk_widget_set_visible (self->spinner, self->busy);
  gtk_spinner_set_spinning (GTK_SPINNER (self->spinner), self->busy);
  gtk_widget_set_visible (self->progress_label, self->busy);
}

void
_anshin_charge_card_form_hide_failure (AnshinChargeCardForm *self)
{
  gtk_widget_set_visible (self->failure_box, FALSE);
  gtk_widget_set_visible (self->retry_button, FALSE);
}

/* Groups the number as typed, keeping the caret after the same digit. */
static void
format_number (AnshinChargeCardForm *self)
{
  GtkEditable *editable = GTK_EDITABLE (self->number_row);
  const char *text = gtk_editable_get_text (editable);
  g_autofree char *formatted = anshin_card_number_format (text);
  int position = gtk_editable_get_position (editable);
  int digits_before = 0;
  int new_position = 0;
  gboolean at_end;
  int i;

  if (formatted == NULL || g_str_equal (formatted, text))
    return;

  for (i = 0; text[i] != '\0' && i < position; i++)
    if (g_ascii_isdigit (text[i]))
      digits_before++;

  for (new_position = 0; formatted[new_position] != '\0' && digits_before > 0; new_position++)
    if (g_ascii_isdigit (formatted[new_position]))
      digits_before--;

  /* Setting the text frees @text: measure it before */
  at_end = position >= (int)strlen (text);

  self->formatting = TRUE;
  gtk_editable_set_text (editable, formatted);
  gtk_editable_set_position (editable, at_end ? -1 : new_position);
  self->formatting = FALSE;
}

/* "1228" becomes "12/28" as it is typed. */
static void
format_expiry (AnshinChargeCardForm *self)
{
  GtkEditable *editable = GTK_EDITABLE (self->expiry_row);
  const char *text = gtk_editable_get_text (editable);
  g_autofree char *formatted = NULL;
  gsize length = strlen (text);

  if (length < 3 || length > 6)
    return;

  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isdigit (text[i]))
      return;

  formatted = g_strdup_printf ("%.2s/%s", text, text + 2);
  self->formatting = TRUE;
  gtk_editable_set_text (editable, formatted);
  gtk_editable_set_position (editable, -1);
  self->formatting = FALSE;
}

static void
update_brand (AnshinChargeCardForm *self)
{
  AnshinCardBrand brand = typed_brand (self);

  gtk_widget_set_visible (GTK_WIDGET (self->brand_label), brand != ANSHIN_CARD_BRAND_UNKNOWN);
  if (brand != ANSHIN_CARD_BRAND_UNKNOWN)
    {
      g_autofree char *name = NULL;

      gtk_label_set_label (self->brand_label, anshin_card_brand_get_label (brand));
      /* TRANSLATORS: %s is a card brand, e.g. "Visa" */
      name = g_strdup_printf (_("Card brand: %s"), anshin_card_brand_get_label (brand));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->brand_label),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                      -1);
    }
}

static AnshinCardField
field_of_row (AnshinChargeCardForm *self,
              GtkWidget            *row)
{
  for (guint i = 0; i < N_FIELDS; i++)
    if (self->fields[i].row == row)
      return i;

  g_assert_not_reached ();
}

static void
on_field_changed_cb (GtkEditable          *editable,
                     AnshinChargeCardForm *self)
{
  AnshinCardField field = field_of_row (self, GTK_WIDGET (editable));

  if (self->formatting)
    return;

  if (field == ANSHIN_CARD_FIELD_NUMBER)
    {
      format_number (self);
      update_brand (self);
      /* the brand decides how long the security code is */
      if (self->fields[ANSHIN_CARD_FIELD_CVC].error != NULL || field_is_complete (self, ANSHIN_CARD_FIELD_CVC))
        show_check (self, ANSHIN_CARD_FIELD_CVC);
    }
  else if (field == ANSHIN_CARD_FIELD_EXP)
    format_expiry (self);

  if (field_is_complete (self, field))
    show_check (self, field);
  else if (self->fields[field].error != NULL && check_field (self, field, NULL))
    _anshin_charge_card_form_set_field_error (self, field, NULL);

  _anshin_charge_card_form_hide_failure (self);
  _anshin_charge_card_form_update_sensitivity (self);
}

static void
on_field_leave_cb (GtkEventControllerFocus *controller,
                   AnshinChargeCardForm    *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  AnshinCardField field = field_of_row (self, row);

  if (field_text (self, field)[0] != '\0')
    show_check (self, field);
}

static void
on_submit_clicked_cb (AnshinChargeCardForm *self)
{
  if (!anshin_charge_card_form_get_valid (self) || self->busy || _anshin_charge_card_form_is_locked (self))
    return;

  _anshin_charge_card_form_hide_failure (self);
  g_signal_emit (self, signals[SUBMIT], 0);
}

static void
on_retry_clicked_cb (AnshinChargeCardForm *self)
{
  _anshin_charge_card_form_hide_failure (self);
  g_signal_emit (self, signals[RETRY], 0);
}

static void
anshin_charge_card_form_dispose (GObject *object)
{
  AnshinChargeCardForm *self = ANSHIN_CHARGE_CARD_FORM (object);

  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), ANSHIN_TYPE_CHARGE_CARD_FORM);

  G_OBJECT_CLASS (anshin_charge_card_form_parent_class)->dispose (object);
}

static void
anshin_charge_card_form_finalize (GObject *object)
{
  AnshinChargeCardForm *self = ANSHIN_CHARGE_CARD_FORM (object);

  for (guint i = 0; i < N_FIELDS; i++)
    g_clear_pointer (&self->fields[i].error, g_free);
  g_clear_pointer (&self->accepted_brands, g_strfreev);
  g_clear_pointer (&self->locked_until, g_date_time_unref);
  g_clear_pointer (&self->now, g_date_time_unref);

  G_OBJECT_CLASS (anshin_charge_card_form_parent_class)->finalize (object);
}

static void
anshin_charge_card_form_class_init (AnshinChargeCardFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = anshin_charge_card_form_dispose;
  object_class->finalize = anshin_charge_card_form_finalize;

  /**
   * AnshinChargeCardForm::submit:
   *
   * Register was pressed with every field valid.
   */
  signals[SUBMIT] = g_signal_new ("submit", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * AnshinChargeCardForm::retry:
   *
   * Retry was pressed after the issuer could not be reached.
   */
  signals[RETRY] = g_signal_new ("retry", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/anshin-charge-card-form.ui");
  gtk_widget_class_bind_template_child (widget_class, AnshinChargeCardForm, lock_callout);
  gtk_widget_class_bind_template_child (widget_class, AnshinChargeCardForm, lock_title);
  gtk_widget_class_bind_template_child (widget_class, AnshinChargeCardForm, lock_body);
  gtk_widget_class_bind_template_child (widget_class, AnshinChargeCardForm, lock_countdown);
  gtk_widget_class_bind_template_child (widget_class, AnshinChargeCardForm, brands_label);
  gtk_widget_class_bind_template_child (widget_class, AnshinChargeCardForm, attempts_label);
  gtk_widget_class_bind_template_child (widget_class, AnshinChargeCardForm, last_attempt_box);
  gtk_widget_class_bind_template_child (widget_class, AnshinChargeCardForm, last_attempt_label);
  gtk_widget_class_bind_template_child (widget_class, AnshinChargeCardForm, fields_box);
  gtk_widget_class_bind_template_child (widget_class, AnshinChargeCardForm, number_row);
  gtk_widget_class_bind_template_child (widget_class, AnshinChargeCardForm, brand_label);
  gtk_widget_class_bind_template_child (widget_class, AnshinChargeCardForm, number_error);
  gtk_widget_class_bind_template_child (widget_class, AnshinChargeCardForm, expiry_row);
  gtk_widget_class_bind_template_child (widget_class, AnshinChargeCardForm, expiry_error);
  gtk_widget_class_bind_template_child (widget_class, AnshinChargeCardForm, cvc_row);
  gtk_widget_class_bind_template_child (widget_class, AnshinChargeCardForm, cvc_error);
  gtk_widget_class_bind_template_child (widget_class, AnshinChargeCardForm, name_row);
  gtk_widget_class_bind_template_child (widget_class, AnshinChargeCardForm, name_error);
  gtk_widget_class_bind_template_child (widget_class, AnshinChargeCardForm, failure_box);
  gtk_widget_class_bind_template_child (widget_class, AnshinChargeCardForm, failure_label);
  gtk_widget_class_bind_template_child (widget_class, AnshinChargeCardForm, retry_button);
  gtk_widget_class_bind_template_child (widget_class, AnshinChargeCardForm, spinner);
  gtk_widget_class_bind_template_child (widget_class, AnshinChargeCardForm, progress_label);
  gtk_widget_class_bind_template_child (widget_class, AnshinChargeCardForm, submit_button);
  gtk_widget_class_bind_template_callback (widget_class, on_submit_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_retry_clicked_cb);
}

static void
anshin_charge_card_form_init (AnshinChargeCardForm *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* its "Show Text" button has no name of its own in libadwaita 1.2 */
  anshin_a11y_name_buttons (GTK_WIDGET (self->cvc_row));

  self->fields[ANSHIN_CARD_FIELD_NUMBER] = (Field) { self->number_row, self->number_error, NULL };
  self->fields[ANSHIN_CARD_FIELD_EXP] = (Field) { self->expiry_row, self->expiry_error, NULL };
  self->fields[ANSHIN_CARD_FIELD_CVC] = (Field) { self->cvc_row, self->cvc_error, NULL };
  self->fields[ANSHIN_CARD_FIELD_HOLDER_NAME] = (Field) { self->name_row, self->name_error, NULL };

  for (guint i = 0; i < N_FIELDS; i++)
    {
      GtkEventController *focus = gtk_event_controller_focus_new ();

      g_signal_connect (focus, "leave", G_CALLBACK (on_field_leave_cb), self);
      gtk_widget_add_controller (self->fields[i].row, focus);
      g_signal_connect (self->fields[i].row, "changed", G_CALLBACK (on_field_changed_cb), self);
      /* Enter in any field registers, once everything is valid */
      g_signal_connect_swapped (self->fields[i].row, "entry-activated",
                                G_CALLBACK (on_submit_clicked_cb), self);
    }

  _anshin_charge_card_form_update_attempts (self);
  _anshin_charge_card_form_update_lock (self);
  _anshin_charge_card_form_update_sensitivity (self);
}

GtkWidget *
anshin_charge_card_form_new (void)
{
  return g_object_new (ANSHIN_TYPE_CHARGE_CARD_FORM, NULL);
}

gboolean
anshin_charge_card_form_get_valid (AnshinChargeCardForm *self)
{
  g_return_val_if_fail (ANSHIN_IS_CHARGE_CARD_FORM (self), FALSE);

  return all_valid (self);
}

gboolean
anshin_charge_card_form_get_busy (AnshinChargeCardForm *self)
{
  g_return_val_if_fail (ANSHIN_IS_CHARGE_CARD_FORM (self), FALSE);

  return self->busy;
}

/**
 * anshin_charge_card_form_set_busy:
 * @self: a #AnshinChargeCardForm
 * @busy: whether a registration is under way
 *
 * Shows progress and keeps the fields as they are meanwhile.
 */
void
anshin_charge_card_form_set_busy (AnshinChargeCardForm *self,
                                  gboolean              busy)
{
  g_return_if_fail (ANSHIN_IS_CHARGE_CARD_FORM (self));

  self->busy = !!busy;
  if (busy)
    _anshin_charge_card_form_hide_failure (self);
  _anshin_charge_card_form_update_sensitivity (self);
}

/**
 * anshin_charge_card_form_dup_details:
 * @self: a #AnshinChargeCardForm
 *
 * Returns: (transfer full) (nullable): what was typed, normalized, or %NULL
 *   unless every field is valid. Free it soon: it holds the secrets.
 */
AnshinChargeCardDetails *
anshin_charge_card_form_dup_details (AnshinChargeCardForm *self)
{
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *digits = NULL;
  g_autofree char *cvc = NULL;
  g_autofree char *name = NULL;
  AnshinChargeCardDetails *details;
  guint month;
  guint year;

  g_return_val_if_fail (ANSHIN_IS_CHARGE_CARD_FORM (self), NULL);

  now = _anshin_charge_card_form_dup_now (self);
  if (!all_valid (self) ||
      !anshin_card_number_validate (field_text (self, ANSHIN_CARD_FIELD_NUMBER),
                                    (const char * const *)self->accepted_brands,
                                    NULL, &digits, NULL) ||
      !anshin_card_expiry_parse (field_text (self, ANSHIN_CARD_FIELD_EXP), now, &month, &year, NULL) ||
      !anshin_card_holder_name_validate (field_text (self, ANSHIN_CARD_FIELD_HOLDER_NAME), &name, NULL))
    return NULL;

  cvc = g_strstrip (g_strdup (field_text (self, ANSHIN_CARD_FIELD_CVC)));
  details = anshin_charge_card_details_new (digits, month, year, cvc, name);

  memset (digits, 0, strlen (digits));
  memset (cvc, 0, strlen (cvc));

  return details;
}

/**
 * anshin_charge_card_form_wipe_secrets:
 * @self: a #AnshinChargeCardForm
 *
 * Empties the number and security code entries (when the page is left).
 */
void
anshin_charge_card_form_wipe_secrets (AnshinChargeCardForm *self)
{
  g_return_if_fail (ANSHIN_IS_CHARGE_CARD_FORM (self));

  gtk_editable_set_text (GTK_EDITABLE (self->number_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->cvc_row), "");
  _anshin_charge_card_form_set_field_error (self, ANSHIN_CARD_FIELD_NUMBER, NULL);
  _anshin_charge_card_form_set_field_error (self, ANSHIN_CARD_FIELD_CVC, NULL);
  update_brand (self);
  _anshin_charge_card_form_update_sensitivity (self);
}

/**
 * anshin_charge_card_form_clear:
 * @self: a #AnshinChargeCardForm
 *
 * Empties every field (after a registration).
 */
void
anshin_charge_card_form_clear (AnshinChargeCardForm *self)
{
  g_return_if_fail (ANSHIN_IS_CHARGE_CARD_FORM (self));

  anshin_charge_card_form_wipe_secrets (self);
  gtk_editable_set_text (GTK_EDITABLE (self->expiry_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), "");
  for (guint i = 0; i < N_FIELDS; i++)
    _anshin_charge_card_form_set_field_error (self, i, NULL);
  _anshin_charge_card_form_hide_failure (self);
  _anshin_charge_card_form_update_sensitivity (self);
}

const char *
anshin_charge_card_form_get_field_error (AnshinChargeCardForm *self,
                                         AnshinCardField       field)
{
  g_return_val_if_fail (ANSHIN_IS_CHARGE_CARD_FORM (self), NULL);
  g_return_val_if_fail (field < N_FIELDS, NULL);

  return self->fields[field].error;
}

/**
 * anshin_charge_card_form_get_field_widget:
 * @self: a #AnshinChargeCardForm
 * @field: a field
 *
 * Returns: (transfer none): the entry row of @field (for tests and focus)
 */
GtkWidget *
anshin_charge_card_form_get_field_widget (AnshinChargeCardForm *self,
                                          AnshinCardField       field)
{
  g_return_val_if_fail (ANSHIN_IS_CHARGE_CARD_FORM (self), NULL);
  g_return_val_if_fail (field < N_FIELDS, NULL);

  return self->fields[field].row;
}

GtkWidget *
anshin_charge_card_form_get_submit_button (AnshinChargeCardForm *self)
{
  g_return_val_if_fail (ANSHIN_IS_CHARGE_CARD_FORM (self), NULL);

  return self->submit_button;
}
