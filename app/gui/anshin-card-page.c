/* anshin-card-page.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Card page: the holder's moment first, then the drawn card, its state
 * (with when it was last updated) and balance, freezing it, what happens next and the
 * renewal timeline; "No card yet" without a card, and the time of the
 * last known status while the issuer can't be reached.
 *
 * The page only shows what app/core says: at most two "right now" moments
 * at the top (anshin_moment_list_for(), each an AnshinMomentCallout), the
 * renewal timeline gives the steps and "what happens next".
 * The page follows its account: whatever it shows is rebuilt when the
 * account says something changed (the card, a payment method, a programme
 * or the issuer's clock), and the "as of" line follows whether the issuer
 * can be reached.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "anshin-card-face.h"
#include "anshin-card-page.h"
#include "anshin-format.h"
#include "anshin-labels.h"
#include "anshin-moment-callout.h"
#include "anshin-timeline.h"
#include "anshin-timeline-row.h"
#include "anshin-width-layout.h"

struct _AnshinCardPage
{
  AdwBin               parent_instance;

  AnshinAccount       *account;
  GSignalGroup        *account_signals;

  /* template children */
  GtkRevealer         *offline_revealer;
  GtkLabel            *offline_label;
  GtkStack            *stack;
  AnshinMomentCallout *first_moment;
  AnshinMomentCallout *second_moment;
  GtkLabel            *updated_label;
  AdwActionRow        *state_row;
  GtkLabel            *state_label;
  AdwActionRow        *balance_row;
  GtkLabel            *balance_label;
  AdwActionRow        *freeze_row;
  GtkButton           *freeze_button;
  GtkButton           *unfreeze_button;
  AdwPreferencesGroup *next_group;
  GtkLabel            *next_label;
  AdwPreferencesGroup *timeline_group;
  GtkListBox          *timeline_list;
};

G_DEFINE_FINAL_TYPE (AnshinCardPage, anshin_card_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_ACCOUNT,
  PROP_CARD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The issuer's clock; the computer's without an account. */
static GDateTime *
dup_now (AnshinCardPage *self)
{
  if (self->account != NULL)
    return g_date_time_ref (anshin_account_get_now (self->account));

  return g_date_time_new_now_local ();
}

static AnshinCard *
get_card (AnshinCardPage *self)
{
  return self->account != NULL ? anshin_account_get_card_if_any (self->account) : NULL;
}

static gboolean
same_local_day (GDateTime *a,
                GDateTime *b)
{
  g_autoptr(GDateTime) local_a = g_date_time_to_local (a);
  g_autoptr(GDateTime) local_b = g_date_time_to_local (b);

  return g_date_time_get_year (local_a) == g_date_time_get_year (local_b) &&
         g_date_time_get_day_of_year (local_a) == g_date_time_get_day_of_year (local_b);
}

/* "Updated 5 minutes ago" next to the card's status, the exact time in
 * its tooltip and accessible description. */
static void
update_last_updated (AnshinCardPage *self)
{
  GDateTime *as_of = self->account != NULL ? anshin_account_get_as_of (self->account) : NULL;
  g_autoptr(GDateTime) now = dup_now (self);
  g_autofree char *relative = NULL;
  g_autofree char *exact = NULL;
  g_autofree char *text = NULL;
  g_autofree char *tooltip = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->updated_label), as_of != NULL);
  if (as_of == NULL)
    return;

  relative = anshin_format_relative (as_of, now);
  exact = anshin_format_date_time (as_of);
  /* TRANSLATORS: next to the card's status; %s is e.g. "5 minutes ago"
   * or "just now" */
  text = g_strdup_printf (_("Updated %s"), relative);
  /* TRANSLATORS: %s is a date and time, e.g. "30 Nov 2025, 09:42" */
  tooltip = g_strdup_printf (_("Last updated %s"), exact);
  gtk_label_set_label (self->updated_label, text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->updated_label), tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->updated_label),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, tooltip,
                                  -1);
}

static void
update_offline (AnshinCardPage *self)
{
  g_autofree char *when = NULL;
  g_autofree char *text = NULL;
  GDateTime *as_of = NULL;

  update_last_updated (self);

  /* "Showing status as of 10:42" only while the issuer can't be reached */
  if (self->account != NULL && !anshin_account_get_online (self->account))
    as_of = anshin_account_get_as_of (self->account);

  gtk_revealer_set_reveal_child (self->offline_revealer, as_of != NULL);
  if (as_of == NULL)
    return;

  if (same_local_day (as_of, anshin_account_get_now (self->account)))
    when = anshin_format_time (as_of);
  else
    when = anshin_format_date_time (as_of);

  /* TRANSLATORS: %s is when the issuer last answered: a time ("10:42"),
   * or a date and time ("30 Nov 2025, 10:42") when that was another day */
  text = g_strdup_printf (_("Showing status as of %s: can't reach the issuer"), when);
  gtk_label_set_label (self->offline_label, text);
}

/* Whether a callout above offers @action_name already. */
static gboolean
moments_offer (GListModel *moments,
               const char *action_name)
{
  for (guint i = 0; i < g_list_model_get_n_items (moments); i++)
    {
      g_autoptr(AnshinMoment) moment = g_list_model_get_item (moments, i);

      if (g_strcmp0 (anshin_moment_get_action_name (moment), action_name) == 0)
        return TRUE;
    }

  return FALSE;
}

static void
update_details (AnshinCardPage *self,
                AnshinCard     *card,
                GListModel     *moments)
{
  AnshinCardState state = anshin_card_get_state (card);
  g_autofree char *balance = anshin_format_yen (anshin_card_get_balance (card));
  gboolean frozen = state == ANSHIN_CARD_STATE_FROZEN;

  gtk_label_set_label (self->state_label, anshin_card_state_get_label (state));
  gtk_label_set_label (self->balance_label, balance);

  /* a closed card can be neither frozen nor unfrozen; when a callout
   * above says to freeze it, its button is the page's one Freeze Card
   * (and one Alt+F) */
  gtk_widget_set_visible (GTK_WIDGET (self->freeze_row),
                          state != ANSHIN_CARD_STATE_CLOSED &&
                          !moments_offer (moments, "win.freeze-card"));
  gtk_widget_set_visible (GTK_WIDGET (self->freeze_button), !frozen);
  gtk_widget_set_visible (GTK_WIDGET (self->unfreeze_button), frozen);

  if (frozen)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->freeze_row),
                                     _("Your card is frozen"));
      adw_action_row_set_subtitle (self->freeze_row,
                                   _("Nobody can pay with it until you unfreeze it."));
    }
  else
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->freeze_row),
                                     _("Freeze your card"));
      adw_action_row_set_subtitle (self->freeze_row,
                                   _("Stops every payment with it until you unfreeze it."));
    }
}

/* The wrapping title and subtitle of an AdwActionRow would lay themselves
 * out at a dozen widths for every row of the page in its first frame: their
 * column (the row's vertical "title" box) measures its width once instead
 * (anshin-width-layout.c), keeping a GtkBoxLayout like its own for the rest. */

/* Finds the row's title column (libadwaita 1.2: a vertical GtkBox with the
 * "title" style class in the row's header box); a row built otherwise is
 * left as it is. */
static void
measure_titles_by_width (AdwActionRow *row)
{
  GtkWidget *header = gtk_widget_get_first_child (GTK_WIDGET (row));

  for (; header != NULL; header = gtk_widget_get_next_sibling (header))
    {
      for (GtkWidget *child = gtk_widget_get_first_child (header);
           child != NULL;
           child = gtk_widget_get_next_sibling (child))
        {
          GtkLayoutManager *box_layout;

          if (!GTK_IS_BOX (child) || !gtk_widget_has_css_class (child, "title") ||
              gtk_orientable_get_orientation (GTK_ORIENTABLE (child)) != GTK_ORIENTATION_VERTICAL ||
              GTK_IS_CUSTOM_LAYOUT (gtk_widget_get_layout_manager (child)))
            continue;

          box_layout = gtk_box_layout_new (GTK_ORIENTATION_VERTICAL);
          gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (box_layout), gtk_box_get_spacing (GTK_BOX (child)));
          gtk_box_layout_set_baseline_position (GTK_BOX_LAYOUT (box_layout),
                                                gtk_box_get_baseline_position (GTK_BOX (child)));
          anshin_width_layout_apply (child, box_layout);
          return;
        }
    }
}

static GtkWidget *
create_step_row (gpointer item,
                 gpointer user_data)
{
  GtkWidget *row = anshin_timeline_row_new (item);

  measure_titles_by_width (ADW_ACTION_ROW (row));

  return row;
}

/* What the callouts above do not say already, as app/core decides;
 * "what happens next" only if anything is left to say. */
static void
update_timeline (AnshinCardPage *self,
                 AnshinCard     *card,
                 GListModel     *moments,
                 GDateTime      *now)
{
  g_autoptr(GListModel) steps = anshin_renewal_timeline_new_beside (card, moments, now);
  g_autofree char *what_next = anshin_renewal_timeline_what_next_beside (card, steps, moments, now);

  gtk_list_box_bind_model (self->timeline_list, steps, create_step_row, NULL, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->timeline_group), g_list_model_get_n_items (steps) > 0);

  gtk_widget_set_visible (GTK_WIDGET (self->next_group), what_next != NULL);
  gtk_label_set_label (self->next_label, what_next != NULL ? what_next : "");
}

/* At most two "right now" moments at the top, most pressing first, as
 * app/core chooses them from what the account knows. Returns them. */
static GListModel *
update_moments (AnshinCardPage *self)
{
  AnshinAccount *account = self->account;
  g_autoptr(GListModel) moments = NULL;
  g_autoptr(AnshinMoment) first = NULL;
  g_autoptr(AnshinMoment) second = NULL;

  moments = anshin_account_dup_moments (account);
  first = g_list_model_get_item (moments, 0);
  second = g_list_model_get_item (moments, 1);

  anshin_moment_callout_set_account (self->first_moment, account);
  anshin_moment_callout_set_account (self->second_moment, account);
  anshin_moment_callout_set_moment (self->first_moment, first);
  anshin_moment_callout_set_moment (self->second_moment, second);

  return g_steal_pointer (&moments);
}

static void
rebuild (AnshinCardPage *self)
{
  g_autoptr(GDateTime) now = dup_now (self);
  g_autoptr(GListModel) moments = NULL;
  AnshinCard *card = get_card (self);

  update_offline (self);

  if (card == NULL)
    {
      gtk_widget_set_visible (gtk_stack_get_child_by_name (self->stack, "empty"), TRUE);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      anshin_moment_callout_set_moment (self->first_moment, NULL);
      anshin_moment_callout_set_moment (self->second_moment, NULL);
      gtk_list_box_bind_model (self->timeline_list, NULL, NULL, NULL, NULL);
      return;
    }

  moments = update_moments (self);
  update_details (self, card, moments);
  update_timeline (self, card, moments, now);
  gtk_stack_set_visible_child_name (self->stack, "card");
  /* hidden, it costs no styles or icon (a large one) while not shown */
  gtk_widget_set_visible (gtk_stack_get_child_by_name (self->stack, "empty"), FALSE);
}

static void
on_has_card_changed_cb (AnshinCardPage *self)
{
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CARD]);
}

static void
anshin_card_page_dispose (GObject *object)
{
  AnshinCardPage *self = ANSHIN_CARD_PAGE (object);

  g_signal_group_set_target (self->account_signals, NULL);
  g_clear_object (&self->account_signals);
  g_clear_object (&self->account);

  gtk_widget_dispose_template (GTK_WIDGET (self), ANSHIN_TYPE_CARD_PAGE);

  G_OBJECT_CLASS (anshin_card_page_parent_class)->dispose (object);
}

static void
anshin_card_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  AnshinCardPage *self = ANSHIN_CARD_PAGE (object);

  switch (prop_id)
    {
    case PROP_ACCOUNT:
      g_value_set_object (value, self->account);
      break;
    case PROP_CARD:
      g_value_set_object (value, get_card (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anshin_card_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  AnshinCardPage *self = ANSHIN_CARD_PAGE (object);

  switch (prop_id)
    {
    case PROP_ACCOUNT:
      anshin_card_page_set_account (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anshin_card_page_class_init (AnshinCardPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = anshin_card_page_dispose;
  object_class->get_property = anshin_card_page_get_property;
  object_class->set_property = anshin_card_page_set_property;

  properties[PROP_ACCOUNT] =
    g_param_spec_object ("account", NULL, NULL, ANSHIN_TYPE_ACCOUNT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* the account's card, or %NULL while the issuer has sent none */
  properties[PROP_CARD] =
    g_param_spec_object ("card", NULL, NULL, ANSHIN_TYPE_CARD,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ANSHIN_TYPE_MOMENT_CALLOUT);
  g_type_ensure (ANSHIN_TYPE_CARD_FACE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/anshin-card-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AnshinCardPage, offline_revealer);
  gtk_widget_class_bind_template_child (widget_class, AnshinCardPage, offline_label);
  gtk_widget_class_bind_template_child (widget_class, AnshinCardPage, stack);
  gtk_widget_class_bind_template_child (widget_class, AnshinCardPage, first_moment);
  gtk_widget_class_bind_template_child (widget_class, AnshinCardPage, second_moment);
  gtk_widget_class_bind_template_child (widget_class, AnshinCardPage, updated_label);
  gtk_widget_class_bind_template_child (widget_class, AnshinCardPage, state_row);
  gtk_widget_class_bind_template_child (widget_class, AnshinCardPage, state_label);
  gtk_widget_class_bind_template_child (widget_class, AnshinCardPage, balance_row);
  gtk_widget_class_bind_template_child (widget_class, AnshinCardPage, balance_label);
  gtk_widget_class_bind_template_child (widget_class, AnshinCardPage, freeze_row);
  gtk_widget_class_bind_template_child (widget_class, AnshinCardPage, freeze_button);
  gtk_widget_class_bind_template_child (widget_class, AnshinCardPage, unfreeze_button);
  gtk_widget_class_bind_template_child (widget_class, AnshinCardPage, next_group);
  gtk_widget_class_bind_template_child (widget_class, AnshinCardPage, next_label);
  gtk_widget_class_bind_template_child (widget_class, AnshinCardPage, timeline_group);
  gtk_widget_class_bind_template_child (widget_class, AnshinCardPage, timeline_list);
  /* not used here, but reachable with gtk_widget_get_template_child() */
  gtk_widget_class_bind_template_child_full (widget_class, "empty_page", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "face", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "moments_box", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "retry_button", FALSE, 0);
}

static void
anshin_card_page_init (AnshinCardPage *self)
{
  self->account_signals = g_signal_group_new (ANSHIN_TYPE_ACCOUNT);
  g_signal_group_connect_swapped (self->account_signals, "changed", G_CALLBACK (rebuild), self);
  g_signal_group_connect_swapped (self->account_signals, "notify::has-card",
                                  G_CALLBACK (on_has_card_changed_cb), self);
  g_signal_group_connect_swapped (self->account_signals, "notify::online",
                                  G_CALLBACK (update_offline), self);
  g_signal_group_connect_swapped (self->account_signals, "notify::as-of",
                                  G_CALLBACK (update_offline), self);

  gtk_widget_init_template (GTK_WIDGET (self));
  measure_titles_by_width (self->state_row);
  measure_titles_by_width (self->balance_row);
  measure_titles_by_width (self->freeze_row);

  rebuild (self);
}

/**
 * anshin_card_page_new:
 *
 * Returns: (transfer floating): a new Card page, showing "No card yet"
 */
GtkWidget *
anshin_card_page_new (void)
{
  return g_object_new (ANSHIN_TYPE_CARD_PAGE, NULL);
}

AnshinAccount *
anshin_card_page_get_account (AnshinCardPage *self)
{
  g_return_val_if_fail (ANSHIN_IS_CARD_PAGE (self), NULL);

  return self->account;
}

/**
 * anshin_card_page_set_account:
 * @self: a Card page
 * @account: (nullable): the account whose card to show
 *
 * Shows @account's card, and follows it as it changes.
 */
void
anshin_card_page_set_account (AnshinCardPage *self,
                              AnshinAccount  *account)
{
  g_return_if_fail (ANSHIN_IS_CARD_PAGE (self));
  g_return_if_fail (account == NULL || ANSHIN_IS_ACCOUNT (account));

  if (!g_set_object (&self->account, account))
    return;

  g_signal_group_set_target (self->account_signals, account);
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCOUNT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CARD]);
}

/**
 * anshin_card_page_get_card:
 *
 * Returns: (transfer none) (nullable): the card shown
 */
AnshinCard *
anshin_card_page_get_card (AnshinCardPage *self)
{
  g_return_val_if_fail (ANSHIN_IS_CARD_PAGE (self), NULL);

  return get_card (self);
}
