/* anshin-card-page.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Card page: the drawn card, its state and balance, freezing it, a
 * callout when a payment method can't be used, what happens next and the
 * renewal timeline; "No card yet" without a card, and the time of the
 * last known status while the issuer can't be reached.
 *
 * The page only shows what app/core says: the explainer words the
 * callout, the renewal timeline gives the steps and "what happens next".
 * Whatever the page shows is rebuilt when one of its properties changes,
 * and (once per main-loop turn, before the next frame) when the card, a
 * payment method or a programme reports a change of its own.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "anshin-card-callout.h"
#include "anshin-card-face.h"
#include "anshin-card-page.h"
#include "anshin-format.h"
#include "anshin-labels.h"
#include "anshin-timeline.h"
#include "anshin-timeline-row.h"
#include "anshin-width-layout.h"

struct _AnshinCardPage
{
  AdwBin               parent_instance;

  AnshinCard          *card;
  GListModel          *methods;
  GListModel          *programs;
  GDateTime           *now;
  GDateTime           *as_of;

  GPtrArray           *watched_methods;
  GPtrArray           *watched_programs;
  guint                rebuild_id;

  /* template children */
  GtkRevealer         *offline_revealer;
  GtkLabel            *offline_label;
  GtkStack            *stack;
  AnshinCardCallout   *callout;
  AdwActionRow        *state_row;
  GtkLabel            *state_label;
  AdwActionRow        *balance_row;
  GtkLabel            *balance_label;
  AdwActionRow        *freeze_row;
  GtkButton           *freeze_button;
  GtkButton           *unfreeze_button;
  GtkLabel            *next_label;
  AdwPreferencesGroup *timeline_group;
  GtkListBox          *timeline_list;
};

G_DEFINE_FINAL_TYPE (AnshinCardPage, anshin_card_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CARD,
  PROP_METHODS,
  PROP_PROGRAMS,
  PROP_NOW,
  PROP_AS_OF,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The issuer's clock; the computer's until the window has set it. */
static GDateTime *
dup_now (AnshinCardPage *self)
{
  if (self->now != NULL)
    return g_date_time_ref (self->now);

  return g_date_time_new_now_local ();
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

static void
update_offline (AnshinCardPage *self)
{
  g_autofree char *when = NULL;
  g_autofree char *text = NULL;

  gtk_revealer_set_reveal_child (self->offline_revealer, self->as_of != NULL);
  if (self->as_of == NULL)
    return;

  if (self->now == NULL || same_local_day (self->as_of, self->now))
    when = anshin_format_time (self->as_of);
  else
    when = anshin_format_date_time (self->as_of);

  /* TRANSLATORS: %s is when the issuer last answered: a time ("10:42"),
   * or a date and time ("30 Nov 2025, 10:42") when that was another day */
  text = g_strdup_printf (_("Showing status as of %s: can't reach the issuer"), when);
  gtk_label_set_label (self->offline_label, text);
}

static void
update_details (AnshinCardPage *self)
{
  AnshinCardState state = anshin_card_get_state (self->card);
  g_autofree char *balance = anshin_format_yen (anshin_card_get_balance (self->card));
  gboolean frozen = state == ANSHIN_CARD_STATE_FROZEN;

  gtk_label_set_label (self->state_label, anshin_card_state_get_label (state));
  gtk_label_set_label (self->balance_label, balance);

  /* a closed card can be neither frozen nor unfrozen */
  gtk_widget_set_visible (GTK_WIDGET (self->freeze_row), state != ANSHIN_CARD_STATE_CLOSED);
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

static void
update_timeline (AnshinCardPage *self,
                 GDateTime      *now)
{
  g_autoptr(GListModel) steps = anshin_renewal_timeline_new (self->card, now);
  g_autofree char *what_next = anshin_renewal_timeline_what_next (self->card, now);

  gtk_list_box_bind_model (self->timeline_list, steps, create_step_row, NULL, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->timeline_group), g_list_model_get_n_items (steps) > 0);

  gtk_label_set_label (self->next_label, what_next);
}

static void
rebuild (AnshinCardPage *self)
{
  g_autoptr(GDateTime) now = dup_now (self);

  g_clear_handle_id (&self->rebuild_id, g_source_remove);

  update_offline (self);

  if (self->card == NULL)
    {
      gtk_widget_set_visible (gtk_stack_get_child_by_name (self->stack, "empty"), TRUE);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      gtk_widget_set_visible (GTK_WIDGET (self->callout), FALSE);
      gtk_list_box_bind_model (self->timeline_list, NULL, NULL, NULL, NULL);
      return;
    }

  update_details (self);
  anshin_card_callout_update (self->callout, self->card, self->methods, self->programs, now);
  update_timeline (self, now);
  gtk_stack_set_visible_child_name (self->stack, "card");
  /* hidden, it costs no styles or icon (a large one) while not shown */
  gtk_widget_set_visible (gtk_stack_get_child_by_name (self->stack, "empty"), FALSE);
}

static gboolean
rebuild_idle_cb (gpointer user_data)
{
  AnshinCardPage *self = user_data;

  self->rebuild_id = 0;
  rebuild (self);

  return G_SOURCE_REMOVE;
}

/* A model object changed: show it before the next frame, once however
 * many of its properties changed together. */
static void
queue_rebuild (AnshinCardPage *self)
{
  if (self->rebuild_id != 0)
    return;

  self->rebuild_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, rebuild_idle_cb, self, NULL);
  g_source_set_name_by_id (self->rebuild_id, "[anshin] card page rebuild");
}

static void
on_object_notify_cb (AnshinCardPage *self,
                     GParamSpec     *pspec,
                     GObject        *object)
{
  queue_rebuild (self);
}

static void
unwatch_items (AnshinCardPage *self,
               GPtrArray      *watched)
{
  for (guint i = 0; i < watched->len; i++)
    g_signal_handlers_disconnect_by_func (g_ptr_array_index (watched, i), on_object_notify_cb, self);
  g_ptr_array_set_size (watched, 0);
}

/* Follows the items of @model (methods or programmes) as they change. */
static void
watch_items (AnshinCardPage *self,
             GPtrArray      *watched,
             GListModel     *model)
{
  guint n_items = model != NULL ? g_list_model_get_n_items (model) : 0;

  unwatch_items (self, watched);

  for (guint i = 0; i < n_items; i++)
    {
      GObject *item = g_list_model_get_item (model, i);

      g_signal_connect_object (item, "notify", G_CALLBACK (on_object_notify_cb), self,
                               G_CONNECT_SWAPPED);
      g_ptr_array_add (watched, item);
    }
}

static void
on_model_items_changed_cb (AnshinCardPage *self,
                           guint           position,
                           guint           removed,
                           guint           added,
                           GListModel     *model)
{
  if (model == self->methods)
    watch_items (self, self->watched_methods, model);
  else
    watch_items (self, self->watched_programs, model);

  queue_rebuild (self);
}

/* Replaces the model in @slot, following its items in @watched. */
static gboolean
set_model (AnshinCardPage  *self,
           GListModel     **slot,
           GPtrArray       *watched,
           GListModel      *model)
{
  if (*slot == model)
    return FALSE;

  if (*slot != NULL)
    g_signal_handlers_disconnect_by_func (*slot, on_model_items_changed_cb, self);
  g_set_object (slot, model);
  if (model != NULL)
    g_signal_connect_object (model, "items-changed", G_CALLBACK (on_model_items_changed_cb),
                             self, G_CONNECT_SWAPPED);
  watch_items (self, watched, model);

  return TRUE;
}

static gboolean
set_date_time (GDateTime **slot,
               GDateTime  *value)
{
  if (*slot == value || (*slot != NULL && value != NULL && g_date_time_equal (*slot, value)))
    return FALSE;

  g_clear_pointer (slot, g_date_time_unref);
  if (value != NULL)
    *slot = g_date_time_ref (value);

  return TRUE;
}

static void
anshin_card_page_dispose (GObject *object)
{
  AnshinCardPage *self = ANSHIN_CARD_PAGE (object);

  g_clear_handle_id (&self->rebuild_id, g_source_remove);

  if (self->card != NULL)
    g_signal_handlers_disconnect_by_func (self->card, on_object_notify_cb, self);
  g_clear_object (&self->card);
  set_model (self, &self->methods, self->watched_methods, NULL);
  set_model (self, &self->programs, self->watched_programs, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), ANSHIN_TYPE_CARD_PAGE);

  G_OBJECT_CLASS (anshin_card_page_parent_class)->dispose (object);
}

static void
anshin_card_page_finalize (GObject *object)
{
  AnshinCardPage *self = ANSHIN_CARD_PAGE (object);

  g_clear_pointer (&self->watched_methods, g_ptr_array_unref);
  g_clear_pointer (&self->watched_programs, g_ptr_array_unref);
  g_clear_pointer (&self->now, g_date_time_unref);
  g_clear_pointer (&self->as_of, g_date_time_unref);

  G_OBJECT_CLASS (anshin_card_page_parent_class)->finalize (object);
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
    case PROP_CARD:
      g_value_set_object (value, self->card);
      break;
    case PROP_METHODS:
      g_value_set_object (value, self->methods);
      break;
    case PROP_PROGRAMS:
      g_value_set_object (value, self->programs);
      break;
    case PROP_NOW:
      g_value_set_boxed (value, self->now);
      break;
    case PROP_AS_OF:
      g_value_set_boxed (value, self->as_of);
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
    case PROP_CARD:
      anshin_card_page_set_card (self, g_value_get_object (value));
      break;
    case PROP_METHODS:
      anshin_card_page_set_methods (self, g_value_get_object (value));
      break;
    case PROP_PROGRAMS:
      anshin_card_page_set_programs (self, g_value_get_object (value));
      break;
    case PROP_NOW:
      anshin_card_page_set_now (self, g_value_get_boxed (value));
      break;
    case PROP_AS_OF:
      anshin_card_page_set_as_of (self, g_value_get_boxed (value));
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
  object_class->finalize = anshin_card_page_finalize;
  object_class->get_property = anshin_card_page_get_property;
  object_class->set_property = anshin_card_page_set_property;

  properties[PROP_CARD] =
    g_param_spec_object ("card", NULL, NULL,
                         ANSHIN_TYPE_CARD,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_METHODS] =
    g_param_spec_object ("methods", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_PROGRAMS] =
    g_param_spec_object ("programs", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_NOW] =
    g_param_spec_boxed ("now", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_AS_OF] =
    g_param_spec_boxed ("as-of", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ANSHIN_TYPE_CARD_CALLOUT);
  g_type_ensure (ANSHIN_TYPE_CARD_FACE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/anshin-card-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AnshinCardPage, offline_revealer);
  gtk_widget_class_bind_template_child (widget_class, AnshinCardPage, offline_label);
  gtk_widget_class_bind_template_child (widget_class, AnshinCardPage, stack);
  gtk_widget_class_bind_template_child (widget_class, AnshinCardPage, callout);
  gtk_widget_class_bind_template_child (widget_class, AnshinCardPage, state_row);
  gtk_widget_class_bind_template_child (widget_class, AnshinCardPage, state_label);
  gtk_widget_class_bind_template_child (widget_class, AnshinCardPage, balance_row);
  gtk_widget_class_bind_template_child (widget_class, AnshinCardPage, balance_label);
  gtk_widget_class_bind_template_child (widget_class, AnshinCardPage, freeze_row);
  gtk_widget_class_bind_template_child (widget_class, AnshinCardPage, freeze_button);
  gtk_widget_class_bind_template_child (widget_class, AnshinCardPage, unfreeze_button);
  gtk_widget_class_bind_template_child (widget_class, AnshinCardPage, next_label);
  gtk_widget_class_bind_template_child (widget_class, AnshinCardPage, timeline_group);
  gtk_widget_class_bind_template_child (widget_class, AnshinCardPage, timeline_list);
  /* not used here, but reachable with gtk_widget_get_template_child() */
  gtk_widget_class_bind_template_child_full (widget_class, "empty_page", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "face", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "retry_button", FALSE, 0);
}

static void
anshin_card_page_init (AnshinCardPage *self)
{
  self->watched_methods = g_ptr_array_new_with_free_func (g_object_unref);
  self->watched_programs = g_ptr_array_new_with_free_func (g_object_unref);

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

AnshinCard *
anshin_card_page_get_card (AnshinCardPage *self)
{
  g_return_val_if_fail (ANSHIN_IS_CARD_PAGE (self), NULL);

  return self->card;
}

/**
 * anshin_card_page_set_card:
 * @self: a Card page
 * @card: (nullable): the signed-in card, or %NULL for none yet
 *
 * Shows @card, and follows its changes.
 */
void
anshin_card_page_set_card (AnshinCardPage *self,
                           AnshinCard     *card)
{
  g_return_if_fail (ANSHIN_IS_CARD_PAGE (self));
  g_return_if_fail (card == NULL || ANSHIN_IS_CARD (card));

  if (self->card == card)
    return;

  if (self->card != NULL)
    g_signal_handlers_disconnect_by_func (self->card, on_object_notify_cb, self);
  g_set_object (&self->card, card);
  if (card != NULL)
    g_signal_connect_object (card, "notify", G_CALLBACK (on_object_notify_cb), self,
                             G_CONNECT_SWAPPED);

  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CARD]);
}

GListModel *
anshin_card_page_get_methods (AnshinCardPage *self)
{
  g_return_val_if_fail (ANSHIN_IS_CARD_PAGE (self), NULL);

  return self->methods;
}

/**
 * anshin_card_page_set_methods:
 * @self: a Card page
 * @methods: (nullable): the card's #AnshinPaymentMethods
 *
 * The payment methods behind the callout, followed as they change.
 */
void
anshin_card_page_set_methods (AnshinCardPage *self,
                              GListModel     *methods)
{
  g_return_if_fail (ANSHIN_IS_CARD_PAGE (self));
  g_return_if_fail (methods == NULL || G_IS_LIST_MODEL (methods));

  if (!set_model (self, &self->methods, self->watched_methods, methods))
    return;

  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_METHODS]);
}

GListModel *
anshin_card_page_get_programs (AnshinCardPage *self)
{
  g_return_val_if_fail (ANSHIN_IS_CARD_PAGE (self), NULL);

  return self->programs;
}

/**
 * anshin_card_page_set_programs:
 * @self: a Card page
 * @programs: (nullable): the issuer's #AnshinPrograms
 *
 * The programmes the callout says are affected.
 */
void
anshin_card_page_set_programs (AnshinCardPage *self,
                               GListModel     *programs)
{
  g_return_if_fail (ANSHIN_IS_CARD_PAGE (self));
  g_return_if_fail (programs == NULL || G_IS_LIST_MODEL (programs));

  if (!set_model (self, &self->programs, self->watched_programs, programs))
    return;

  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRAMS]);
}

GDateTime *
anshin_card_page_get_now (AnshinCardPage *self)
{
  g_return_val_if_fail (ANSHIN_IS_CARD_PAGE (self), NULL);

  return self->now;
}

/**
 * anshin_card_page_set_now:
 * @self: a Card page
 * @now: (nullable): the time on the issuer's clock
 *
 * What the timeline and the callout count from; until it is set, the
 * computer's clock.
 */
void
anshin_card_page_set_now (AnshinCardPage *self,
                          GDateTime      *now)
{
  g_return_if_fail (ANSHIN_IS_CARD_PAGE (self));

  if (!set_date_time (&self->now, now))
    return;

  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOW]);
}

GDateTime *
anshin_card_page_get_as_of (AnshinCardPage *self)
{
  g_return_val_if_fail (ANSHIN_IS_CARD_PAGE (self), NULL);

  return self->as_of;
}

/**
 * anshin_card_page_set_as_of:
 * @self: a Card page
 * @as_of: (nullable): when the issuer last answered, while it can't be
 *   reached; %NULL while it can
 *
 * Says that what the page shows is the last known status, as of @as_of,
 * with a Retry button (`win.refresh`).
 */
void
anshin_card_page_set_as_of (AnshinCardPage *self,
                            GDateTime      *as_of)
{
  g_return_if_fail (ANSHIN_IS_CARD_PAGE (self));

  if (!set_date_time (&self->as_of, as_of))
    return;

  update_offline (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AS_OF]);
}
