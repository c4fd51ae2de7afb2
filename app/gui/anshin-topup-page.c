/* anshin-topup-page.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Top-up page: the registered charge cards (the account's model), the
 * top-up form with what is left of the issuer's limits, and the "Add a
 * charge card" form (anshin-topup-page-register.c). The issuer's clock
 * (the account's issuer clock) ticks every second while the page is shown, so the
 * lock counts down and the limits free up on time; the account asks the
 * issuer again when the lock's end passes, and the form follows it.
 * Results the holder should hear about once are emitted as ::show-toast for
 * the window to show. When the page is left, the card number and security
 * code are wiped from the form. In the main window it is made when first
 * needed (anshin-page-slot.c): the two forms are most of the window's
 * widgets, and none of them is needed for the window's first frame.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "anshin-charge-card-row.h"
#include "anshin-error-text.h"
#include "anshin-format.h"
#include "anshin-topup-limits.h"
#include "anshin-time.h"
#include "anshin-topup-page-private.h"

G_DEFINE_FINAL_TYPE (AnshinTopupPage, anshin_topup_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_ACCOUNT,
  N_PROPS
};

enum {
  SHOW_TOAST,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
tick (AnshinTopupPage *self)
{
  g_autoptr(GDateTime) now = NULL;

  if (self->account == NULL)
    return;

  now = anshin_account_dup_exact_now (self->account);
  anshin_charge_card_form_set_now (self->card_form, now);
  anshin_topup_form_set_now (self->topup_form, now);
}

static gboolean
on_tick_cb (gpointer user_data)
{
  tick (user_data);

  return G_SOURCE_CONTINUE;
}

static void
update_cards_stack (AnshinTopupPage *self)
{
  GListModel *cards = self->account != NULL ? anshin_account_get_charge_cards (self->account) : NULL;
  gboolean empty = cards == NULL || g_list_model_get_n_items (cards) == 0;

  gtk_stack_set_visible_child_name (self->cards_stack, empty ? "empty" : "cards");
}

static void
on_charges_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GPtrArray) charges = NULL;
  g_autoptr(GError) error = NULL;
  AnshinTopupPage *self;

  charges = anshin_account_list_charges_finish (ANSHIN_ACCOUNT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = ANSHIN_TOPUP_PAGE (user_data);
  if (charges == NULL)
    {
      g_debug ("Cannot list the top-ups: %s", error->message);
      anshin_topup_form_set_charges_unknown (self->topup_form);
      return;
    }

  anshin_topup_form_set_charges (self->topup_form, charges);
}

static void
load_charges (AnshinTopupPage *self)
{
  anshin_account_list_charges_async (self->account, self->cancellable, on_charges_cb, self);
}

void
anshin_topup_page_emit_toast (AnshinTopupPage *self,
                              const char      *text)
{
  g_signal_emit (self, signals[SHOW_TOAST], 0, text, (gint64) -1);
}

/* What to say when the issuer did not answer as it should (no network,
 * timeout, 5xx, a garbled answer, too busy). */
char *
anshin_topup_page_describe_unreachable (const GError *error)
{
  if (g_error_matches (error, ANSHIN_ISSUER_ERROR, ANSHIN_ISSUER_ERROR_SIGNED_OUT))
    return g_strdup (_("You are signed out of the issuer. Sign in again, then try once more; "
                       "what you typed is kept."));

  /* it was reached: the connection is not to blame */
  if (g_error_matches (error, ANSHIN_ISSUER_ERROR, ANSHIN_ISSUER_ERROR_SERVER) ||
      g_error_matches (error, ANSHIN_ISSUER_ERROR, ANSHIN_ISSUER_ERROR_PROTOCOL) ||
      g_error_matches (error, ANSHIN_ISSUER_ERROR, ANSHIN_ISSUER_ERROR_RATE_LIMITED))
    return g_strdup (_("The issuer is having trouble right now. What you typed is kept; "
                       "please retry in a moment."));

  return g_strdup (_("Cannot reach the issuer. Check your connection; what you typed is kept, "
                     "and Retry sends the same request again."));
}

/* Top-up */

static void
clear_pending_charge (AnshinTopupPage *self)
{
  self->charge_pending = FALSE;
  g_clear_pointer (&self->charge_card_id, g_free);
  self->charge_amount = 0;
}

static char *
describe_charge_error (AnshinTopupPage *self,
                       const GError    *error,
                       gboolean        *out_retry)
{
  AnshinIssuerProblem *problem = anshin_issuer_error_get_problem (error);

  *out_retry = FALSE;

  if (g_error_matches (error, ANSHIN_ISSUER_ERROR, ANSHIN_ISSUER_ERROR_LIMIT_EXCEEDED) && problem != NULL)
    {
      g_autofree char *left = anshin_format_yen (anshin_issuer_problem_get_remaining (problem));
      GDateTime *resets_at = anshin_issuer_problem_get_resets_at (problem);
      g_autoptr(GDateTime) local = resets_at != NULL ? g_date_time_to_local (resets_at) : NULL;
      g_autofree char *when = local != NULL ? anshin_format_date_time (local) : g_strdup ("");

      if (anshin_issuer_problem_get_window (problem) == 720 * G_TIME_SPAN_HOUR)
        /* TRANSLATORS: %1$s is an amount of yen, %2$s a date and time */
        return g_strdup_printf (_("The issuer refused this top-up: it goes over the 720-hour (30-day) "
                                  "limit, of which %1$s is left. It can be topped up from %2$s. "
                                  "Nothing was charged."), left, when);

      /* TRANSLATORS: %1$s is an amount of yen, %2$s a date and time */
      return g_strdup_printf (_("The issuer refused this top-up: it goes over the 24-hour limit, "
                                "of which %1$s is left. It can be topped up from %2$s. "
                                "Nothing was charged."), left, when);
    }

  if (g_error_matches (error, ANSHIN_ISSUER_ERROR, ANSHIN_ISSUER_ERROR_AMOUNT_OUT_OF_RANGE))
    {
      g_autofree char *min = anshin_format_yen (ANSHIN_TOPUP_MIN);
      g_autofree char *max = anshin_format_yen (ANSHIN_TOPUP_MAX);

      /* TRANSLATORS: %1$s and %2$s are amounts of yen */
      return g_strdup_printf (_("The issuer takes %1$s to %2$s per top-up. Nothing was charged."), min, max);
    }

  if (g_error_matches (error, ANSHIN_ISSUER_ERROR, ANSHIN_ISSUER_ERROR_NOT_FOUND))
    return g_strdup (_("This charge card is no longer registered. Pick another card. Nothing was charged."));

  /* The issuer failed (5xx): it may have charged before it did. Retry
   * asks again with the same key, so it charges at most once. */
  if (g_error_matches (error, ANSHIN_ISSUER_ERROR, ANSHIN_ISSUER_ERROR_SERVER))
    {
      *out_retry = TRUE;
      return anshin_error_text_describe (error, NULL);
    }

  /* any other answer (429 too) was a refusal: why, and what to do */
  if (problem != NULL)
    return anshin_error_text_describe (error, _("The issuer refused this top-up. Nothing was charged."));

  *out_retry = TRUE;
  return g_strdup (_("The connection dropped before the issuer answered, so it is not known whether "
                     "the top-up went through. Retry asks again: it never charges twice."));
}

static void
on_charge_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(AnshinCharge) charge = NULL;
  g_autoptr(GError) error = NULL;
  AnshinTopupPage *self;

  charge = anshin_account_top_up_finish (ANSHIN_ACCOUNT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = ANSHIN_TOPUP_PAGE (user_data);
  anshin_topup_form_set_busy (self->topup_form, FALSE);

  if (charge == NULL)
    {
      gboolean retry;
      g_autofree char *message = describe_charge_error (self, error, &retry);

      g_debug ("The top-up failed: %s", error->message);
      if (!retry)
        clear_pending_charge (self);
      anshin_topup_form_show_failure (self->topup_form, message, retry);
      if (!retry)
        load_charges (self);
      return;
    }

  clear_pending_charge (self);

  {
    g_autofree char *amount = anshin_format_yen (charge->amount);
    g_autofree char *balance = anshin_format_yen (charge->balance);
    g_autofree char *text = NULL;

    /* TRANSLATORS: %1$s is the amount topped up, %2$s the new balance, both in yen */
    text = g_strdup_printf (_("Topped up %1$s. Your balance is now %2$s."), amount, balance);
    anshin_topup_form_show_success (self->topup_form, text);
    g_signal_emit (self, signals[SHOW_TOAST], 0, text, charge->balance);
  }

  /* the account shows the new balance */
  load_charges (self);
}

static void
send_charge (AnshinTopupPage *self)
{
  anshin_topup_form_set_busy (self->topup_form, TRUE);
  anshin_account_top_up_async (self->account, self->charge_card_id, self->charge_amount,
                               self->cancellable, on_charge_cb, self);
}

static void
on_topup_cb (AnshinTopupPage *self,
             const char      *charge_card_id,
             gint64           amount)
{
  if (self->account == NULL)
    return;

  /* A top-up whose answer was lost is the same confirmation: the account
   * replays it for the same card and amount, so the issuer charges it at
   * most once. Anything else is a new confirmation. */
  clear_pending_charge (self);
  self->charge_pending = TRUE;
  self->charge_card_id = g_strdup (charge_card_id);
  self->charge_amount = amount;

  send_charge (self);
}

static void
on_topup_retry_cb (AnshinTopupPage *self)
{
  if (self->account != NULL && self->charge_pending)
    send_charge (self);
}

/* Charge cards */

static void
on_deleted_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  AnshinTopupPage *self;

  if (anshin_account_remove_charge_card_finish (ANSHIN_ACCOUNT (object), result, &error))
    {
      self = ANSHIN_TOPUP_PAGE (user_data);
      anshin_topup_page_emit_toast (self, _("Charge card removed"));
      return;
    }

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = ANSHIN_TOPUP_PAGE (user_data);
  g_debug ("Cannot remove the charge card: %s", error->message);
  if (g_error_matches (error, ANSHIN_ISSUER_ERROR, ANSHIN_ISSUER_ERROR_NOT_FOUND))
    {
      anshin_topup_page_emit_toast (self, _("That charge card was already removed"));
    }
  else
    {
      /* why, in the words the rest of the app uses (the issuer may have
       * answered: a failure, too many requests, a garbled answer) */
      g_autofree char *text = anshin_error_text_describe (error, _("The charge card was not removed."));

      anshin_topup_page_emit_toast (self, text);
    }
}

static void
on_remove_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       AnshinTopupPage  *self)
{
  AnshinChargeCard *card = g_object_get_data (G_OBJECT (dialog), "charge-card");

  if (g_strcmp0 (response, ANSHIN_CHARGE_CARD_RESPONSE_REMOVE) != 0 || self->account == NULL)
    return;

  anshin_account_remove_charge_card_async (self->account, card, self->cancellable, on_deleted_cb, self);
}

static void
on_row_remove_requested_cb (AnshinChargeCardRow *row,
                            AnshinTopupPage     *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  AdwMessageDialog *dialog;

  dialog = anshin_charge_card_row_new_confirm_dialog (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                      anshin_charge_card_row_get_charge_card (row));
  /* tied to the page, not the row: a refresh of the list may replace it */
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_remove_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  GtkWidget *row = anshin_charge_card_row_new (ANSHIN_CHARGE_CARD (item));

  g_signal_connect_object (row, "remove-requested", G_CALLBACK (on_row_remove_requested_cb),
                           user_data, 0);

  return row;
}

/* "No charge card yet. Add one below…" only while one can be added */
static void
update_empty_label (AnshinTopupPage *self)
{
  GtkWidget *empty = gtk_stack_get_child_by_name (self->cards_stack, "empty");
  gboolean locked = self->account != NULL &&
                    anshin_account_get_registration_locked_until (self->account) != NULL &&
                    g_date_time_compare (anshin_account_get_registration_locked_until (self->account),
                                         anshin_account_get_now (self->account)) > 0;

  if (GTK_IS_LABEL (empty))
    gtk_label_set_label (GTK_LABEL (empty),
                         locked ? _("No charge card yet.")
                                : _("No charge card yet. Add one below to top up your balance."));
}

/* The REGISTRATION_LOCKED moment at the top of the page, the same callout
 * as on the Card page; the form then leaves the explanation to it. */
static void
update_moment (AnshinTopupPage *self)
{
  g_autoptr(GListModel) moments = NULL;
  g_autoptr(AnshinMoment) shown = NULL;

  if (self->moment_callout == NULL)
    return;

  if (self->account != NULL)
    moments = anshin_account_dup_moments (self->account);
  shown = anshin_moment_list_find (moments, ANSHIN_MOMENT_KIND_REGISTRATION_LOCKED);

  anshin_moment_callout_set_account (self->moment_callout, self->account);
  anshin_moment_callout_set_moment (self->moment_callout, shown);
  anshin_charge_card_form_set_lock_explained (self->card_form, shown != NULL);
  update_empty_label (self);
}

static void
on_account_changed_cb (AnshinTopupPage *self)
{
  update_moment (self);
}

/* The account follows the lock (it asks again when the lock's end passes
 * on the issuer's clock): when what it knows differs from this page's
 * form, the form is asked for again, for its attempts and its lock. */
static void
on_locked_until_changed_cb (AnshinTopupPage *self)
{
  update_moment (self);

  if (self->registration != NULL && !self->loading_registration &&
      !anshin_time_equal (self->registration->locked_until,
                          anshin_account_get_registration_locked_until (self->account)))
    anshin_topup_page_load_registration (self);
}

static void
on_cards_changed_cb (AnshinTopupPage *self)
{
  update_cards_stack (self);
}

static void
on_signed_in_cb (AnshinTopupPage *self)
{
  anshin_topup_page_reload (self);
}

/* The account's charge cards, listed and offered by the top-up form */
static void
bind_cards (AnshinTopupPage *self)
{
  GListModel *cards = self->account != NULL ? anshin_account_get_charge_cards (self->account) : NULL;

  gtk_list_box_bind_model (self->cards_list, cards, create_row_cb, self, NULL);
  anshin_topup_form_set_charge_cards (self->topup_form, cards);
  update_cards_stack (self);
  update_moment (self);
}

/* GtkWidget */

static void
anshin_topup_page_map (GtkWidget *widget)
{
  AnshinTopupPage *self = ANSHIN_TOPUP_PAGE (widget);

  GTK_WIDGET_CLASS (anshin_topup_page_parent_class)->map (widget);

  tick (self);
  if (self->tick_id == 0)
    self->tick_id = g_timeout_add_seconds (1, on_tick_cb, self);
}

static void
anshin_topup_page_unmap (GtkWidget *widget)
{
  AnshinTopupPage *self = ANSHIN_TOPUP_PAGE (widget);

  g_clear_handle_id (&self->tick_id, g_source_remove);
  /* the page is left: the secrets go */
  if (self->card_form != NULL)
    anshin_charge_card_form_wipe_secrets (self->card_form);

  GTK_WIDGET_CLASS (anshin_topup_page_parent_class)->unmap (widget);
}

static void
disconnect_account (AnshinTopupPage *self)
{
  if (self->account == NULL)
    return;

  g_signal_handlers_disconnect_by_data (anshin_account_get_charge_cards (self->account), self);
  g_signal_handlers_disconnect_by_data (self->account, self);
}

static void
anshin_topup_page_dispose (GObject *object)
{
  AnshinTopupPage *self = ANSHIN_TOPUP_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->tick_id, g_source_remove);
  if (self->challenge_dialog != NULL)
    {
      GtkWindow *dialog = self->challenge_dialog;

      g_clear_weak_pointer (&self->challenge_dialog);
      gtk_window_destroy (dialog);
    }

  disconnect_account (self);
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), ANSHIN_TYPE_TOPUP_PAGE);
  g_clear_object (&self->account);

  G_OBJECT_CLASS (anshin_topup_page_parent_class)->dispose (object);
}

static void
anshin_topup_page_finalize (GObject *object)
{
  AnshinTopupPage *self = ANSHIN_TOPUP_PAGE (object);

  anshin_topup_page_clear_registration (self);
  g_clear_pointer (&self->registration, anshin_registration_form_free);
  clear_pending_charge (self);

  G_OBJECT_CLASS (anshin_topup_page_parent_class)->finalize (object);
}

static void
anshin_topup_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  AnshinTopupPage *self = ANSHIN_TOPUP_PAGE (object);

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
anshin_topup_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  AnshinTopupPage *self = ANSHIN_TOPUP_PAGE (object);

  switch (prop_id)
    {
    case PROP_ACCOUNT:
      anshin_topup_page_set_account (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anshin_topup_page_class_init (AnshinTopupPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = anshin_topup_page_dispose;
  object_class->finalize = anshin_topup_page_finalize;
  object_class->get_property = anshin_topup_page_get_property;
  object_class->set_property = anshin_topup_page_set_property;

  widget_class->map = anshin_topup_page_map;
  widget_class->unmap = anshin_topup_page_unmap;

  properties[PROP_ACCOUNT] =
    g_param_spec_object ("account", NULL, NULL,
                         ANSHIN_TYPE_ACCOUNT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AnshinTopupPage::show-toast:
   * @text: a one-off result, translated
   * @balance: the balance @text states, in yen, or -1 if it states none
   *
   * The window shows @text as a toast, until the balance is no longer
   * @balance.
   */
  signals[SHOW_TOAST] = g_signal_new ("show-toast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                      0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING,
                                      G_TYPE_INT64);

  g_type_ensure (ANSHIN_TYPE_TOPUP_FORM);
  g_type_ensure (ANSHIN_TYPE_CHARGE_CARD_FORM);
  g_type_ensure (ANSHIN_TYPE_MOMENT_CALLOUT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/anshin-topup-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AnshinTopupPage, cards_stack);
  gtk_widget_class_bind_template_child (widget_class, AnshinTopupPage, cards_list);
  gtk_widget_class_bind_template_child (widget_class, AnshinTopupPage, topup_form);
  gtk_widget_class_bind_template_child (widget_class, AnshinTopupPage, card_form);
  gtk_widget_class_bind_template_child (widget_class, AnshinTopupPage, moment_callout);
  gtk_widget_class_bind_template_callback (widget_class, on_topup_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_topup_retry_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_card_form_submit_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_card_form_retry_cb);
}

static void
anshin_topup_page_init (AnshinTopupPage *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  bind_cards (self);
}

GtkWidget *
anshin_topup_page_new (void)
{
  return g_object_new (ANSHIN_TYPE_TOPUP_PAGE, NULL);
}

AnshinAccount *
anshin_topup_page_get_account (AnshinTopupPage *self)
{
  g_return_val_if_fail (ANSHIN_IS_TOPUP_PAGE (self), NULL);

  return self->account;
}

/**
 * anshin_topup_page_set_account:
 * @self: a #AnshinTopupPage
 * @account: (nullable): the signed-in account: it registers and removes
 *   charge cards and tops up; its charge-card model is listed
 */
void
anshin_topup_page_set_account (AnshinTopupPage *self,
                               AnshinAccount   *account)
{
  g_return_if_fail (ANSHIN_IS_TOPUP_PAGE (self));
  g_return_if_fail (account == NULL || ANSHIN_IS_ACCOUNT (account));

  if (self->account == account)
    return;

  disconnect_account (self);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_set_object (&self->account, account);

  if (account != NULL)
    {
      GListModel *cards = anshin_account_get_charge_cards (account);

      g_signal_connect_swapped (cards, "items-changed", G_CALLBACK (on_cards_changed_cb), self);
      g_signal_connect_swapped (account, "notify::signed-in", G_CALLBACK (on_signed_in_cb), self);
      g_signal_connect_swapped (account, "notify::now", G_CALLBACK (tick), self);
      g_signal_connect_swapped (account, "changed", G_CALLBACK (on_account_changed_cb), self);
      g_signal_connect_swapped (account, "notify::registration-locked-until",
                                G_CALLBACK (on_locked_until_changed_cb), self);
    }

  bind_cards (self);
  anshin_topup_page_reload (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCOUNT]);
}

/**
 * anshin_topup_page_reload:
 * @self: a #AnshinTopupPage
 *
 * Asks the issuer again for the registration form (attempts, lock) and
 * the top-ups made (limits).
 */
void
anshin_topup_page_reload (AnshinTopupPage *self)
{
  g_return_if_fail (ANSHIN_IS_TOPUP_PAGE (self));

  if (self->account == NULL || !anshin_account_get_signed_in (self->account))
    return;

  tick (self);
  anshin_topup_page_load_registration (self);
  load_charges (self);
}
