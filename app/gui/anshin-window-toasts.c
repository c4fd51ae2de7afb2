/* anshin-window-toasts.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * AnshinWindow's toasts. One toast at a time, the newest: the one before
 * goes as the next comes, instead of waiting its turn. A toast that states
 * the card's condition ("Your card is frozen", "Reissue requested: … in
 * about 3 hours", "Your balance is now ¥…") goes as soon as the card no
 * longer bears it out.
 *
 * No toast is ever put back in the overlay's queue (as
 * ADW_TOAST_PRIORITY_HIGH does to the toast it replaces), and none is
 * dismissed while it still slides in: libadwaita 1.2 crashes when a toast
 * dismissed during its slide in is followed by another during its slide
 * away (a test program did so in 3 runs of 4; with toasts kept for
 * SETTLE_US, in none of 16). What comes sooner waits until then.
 */

#include "config.h"

#include "anshin-error-text.h"
#include "anshin-window-private.h"

/* the overlay's 300 ms slide in, and some */
#define SETTLE_US (350 * G_TIME_SPAN_MILLISECOND)

/* What a toast says about the card, as toast data */
typedef struct {
  AnshinToastClaim  claim;
  char             *last4;    /* the card's number when it was shown */
  gint64            balance;  /* for ANSHIN_TOAST_CLAIM_BALANCE */
} Claim;

static void
claim_free (gpointer data)
{
  Claim *claim = data;

  g_free (claim->last4);
  g_free (claim);
}

static gboolean
claim_holds (AnshinWindow *self,
             AdwToast     *toast)
{
  AnshinCard *card = self->account != NULL ? anshin_account_get_card_if_any (self->account) : NULL;
  Claim *claim = g_object_get_data (G_OBJECT (toast), "anshin-claim");

  if (claim == NULL)
    return TRUE;

  if (card == NULL)
    return FALSE;

  switch (claim->claim)
    {
    case ANSHIN_TOAST_CLAIM_FROZEN:
      return anshin_card_get_state (card) == ANSHIN_CARD_STATE_FROZEN;
    case ANSHIN_TOAST_CLAIM_WORKS:
      return anshin_card_get_state (card) != ANSHIN_CARD_STATE_FROZEN;
    case ANSHIN_TOAST_CLAIM_REISSUING:
      /* until the reissue is done and the new number shows */
      return anshin_card_get_reissue_status (card) != ANSHIN_REISSUE_STATUS_COMPLETED &&
             g_strcmp0 (anshin_card_get_number_last4 (card), claim->last4) == 0;
    case ANSHIN_TOAST_CLAIM_BALANCE:
      return anshin_card_get_balance (card) == claim->balance;
    case ANSHIN_TOAST_CLAIM_NONE:
    default:
      g_assert_not_reached ();
    }
}

static void
on_toast_dismissed_cb (AnshinWindow *self,
                       AdwToast     *toast)
{
  if (self->toast != toast)
    return;

  g_clear_object (&self->toast);
  self->toast_dismiss_due = FALSE;
}

static void
show_now (AnshinWindow *self,
          AdwToast     *toast)
{
  /* the overlay hides it, and with nothing queued shows @toast at once */
  if (self->toast != NULL)
    adw_toast_dismiss (self->toast);

  self->toast = g_object_ref (toast);
  self->toast_shown_at = g_get_monotonic_time ();
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (on_toast_dismissed_cb), self,
                           G_CONNECT_SWAPPED);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static gboolean
on_settled_cb (gpointer user_data)
{
  AnshinWindow *self = user_data;

  self->toast_settle_source = 0;
  if (self->next_toast != NULL)
    show_now (self, g_steal_pointer (&self->next_toast));
  else if (self->toast_dismiss_due && self->toast != NULL)
    adw_toast_dismiss (self->toast);
  self->toast_dismiss_due = FALSE;

  return G_SOURCE_REMOVE;
}

/* Whether the toast shown is still sliding in; if so, on_settled_cb()
 * runs once it is in */
static gboolean
settling (AnshinWindow *self)
{
  gint64 age = g_get_monotonic_time () - self->toast_shown_at;

  if (self->toast == NULL || age >= SETTLE_US)
    return FALSE;

  if (self->toast_settle_source == 0)
    self->toast_settle_source = g_timeout_add ((SETTLE_US - age) / G_TIME_SPAN_MILLISECOND + 1,
                                               on_settled_cb, self);
  return TRUE;
}

/**
 * _anshin_window_check_toast:
 *
 * Dismisses the toast shown (or about to be) if the card no longer bears
 * out what it says. Called whenever the account or its card changes.
 */
void
_anshin_window_check_toast (AnshinWindow *self)
{
  if (self->next_toast != NULL && !claim_holds (self, self->next_toast))
    g_clear_object (&self->next_toast);

  if (self->toast == NULL || claim_holds (self, self->toast))
    return;

  if (settling (self))
    self->toast_dismiss_due = TRUE;
  else
    adw_toast_dismiss (self->toast);
}

/**
 * _anshin_window_clear_toast:
 *
 * Forgets the toasts; for dispose, before the overlay goes.
 */
void
_anshin_window_clear_toast (AnshinWindow *self)
{
  g_clear_handle_id (&self->toast_settle_source, g_source_remove);
  g_clear_object (&self->next_toast);
  g_clear_object (&self->toast);
}

/**
 * _anshin_window_toast_claims:
 * @toast: a toast just added
 * @claim: what @toast says about the card
 * @balance: the balance @toast states, for %ANSHIN_TOAST_CLAIM_BALANCE
 *
 * Has @toast go as soon as the card no longer bears out @claim.
 */
void
_anshin_window_toast_claims (AnshinWindow     *self,
                             AdwToast         *toast,
                             AnshinToastClaim  claim,
                             gint64            balance)
{
  AnshinCard *card = self->account != NULL ? anshin_account_get_card_if_any (self->account) : NULL;
  Claim *data = g_new0 (Claim, 1);

  data->claim = claim;
  data->balance = balance;
  data->last4 = g_strdup (card != NULL ? anshin_card_get_number_last4 (card) : NULL);
  g_object_set_data_full (G_OBJECT (toast), "anshin-claim", data, claim_free);
}

/**
 * anshin_window_add_toast:
 * @self: a window
 * @toast: (transfer full): a toast
 *
 * Shows @toast at the bottom of the window, in place of the toast shown
 * before it (once that one has slid in).
 */
void
anshin_window_add_toast (AnshinWindow *self,
                         AdwToast     *toast)
{
  g_return_if_fail (ANSHIN_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));
  g_return_if_fail (adw_toast_get_priority (toast) == ADW_TOAST_PRIORITY_NORMAL);

  /* the newest result wins over one not yet shown */
  g_clear_object (&self->next_toast);
  if (settling (self))
    self->next_toast = toast;
  else
    show_now (self, toast);
}

/**
 * _anshin_window_toast:
 * @title: a translated one-line result
 *
 * Returns: (transfer none): the toast, shown
 */
AdwToast *
_anshin_window_toast (AnshinWindow *self,
                      const char   *title)
{
  g_autofree char *escaped = g_markup_escape_text (title, -1);
  AdwToast *toast = adw_toast_new (escaped);

  anshin_window_add_toast (self, toast);

  return toast;
}

/**
 * _anshin_window_toast_whole:
 * @text: a translated text, perhaps longer than a toast's one line
 *
 * Shows @text wrapped, so that none of what failed, why and what to do
 * is cut off.
 *
 * Returns: (transfer none): the toast, shown
 */
AdwToast *
_anshin_window_toast_whole (AnshinWindow *self,
                            const char   *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);
  AdwToast *toast = adw_toast_new (escaped);
  GtkWidget *label;

  label = g_object_new (GTK_TYPE_LABEL,
                        "label", text,
                        "wrap", TRUE,
                        "wrap-mode", PANGO_WRAP_WORD_CHAR,
                        "max-width-chars", 60,
                        "xalign", 0.0f,
                        NULL);
  gtk_widget_add_css_class (label, "heading");
  adw_toast_set_custom_title (toast, label);
  adw_toast_set_timeout (toast, 8);
  anshin_window_add_toast (self, toast);

  return toast;
}

/**
 * _anshin_window_toast_error:
 * @what_failed: (nullable): a translated sentence: what did not happen
 *
 * Shows a toast that says what failed, why and what to do.
 *
 * Returns: (transfer none): the toast, shown
 */
AdwToast *
_anshin_window_toast_error (AnshinWindow *self,
                            const GError *error,
                            const char   *what_failed)
{
  g_autofree char *text = anshin_error_text_describe (error, what_failed);

  return _anshin_window_toast_whole (self, text);
}
