/* anshin-timeline.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The renewal timeline: from a card and "now" (the issuer's clock), the
 * steps the holder goes through, each past, current or upcoming, with a
 * date and a plain sentence; and "what happens next".
 *
 * Steps come from two tracks: the renewal (announced, renewed, then the
 * physical card being prepared, shipped and delivered) and a reissue
 * (requested, ready). Each track is in order by itself; the two are merged
 * by date, so the list reads in time order. At most one step is current:
 * the one the holder is waiting on, a reissue in flight before a physical
 * card in transit before a renewal due today. Other steps already reached
 * are past; the rest are upcoming.
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "anshin-card-number.h"
#include "anshin-format.h"
#include "anshin-moment.h"
#include "anshin-timeline.h"

/* What the page around the timeline already says: the Card page's
 * callouts. The plain timeline has none of it. */
typedef struct {
  gboolean   for_page;
  gboolean   renewal_said;       /* number, expiry and the plastic card */
  gboolean   reissue_eta_said;   /* when the reissue will be ready */
  gboolean   reissue_done_said;  /* the new number is ready */
  char     **said;               /* every text of the callouts */
} Beside;

/* A step while the timeline is put together; @key is where it sorts
 * among the steps of the other track. */
typedef struct {
  AnshinTimelineStepKind   kind;
  AnshinTimelineStepState  state;
  GDateTime               *date;
  const char              *title;
  char                    *description;
  gint64                   key;
} Draft;

static void
draft_clear (gpointer data)
{
  Draft *draft = data;

  g_clear_pointer (&draft->date, g_date_time_unref);
  g_clear_pointer (&draft->description, g_free);
}

/* Takes @description. */
static void
add_step (GArray                 *track,
          AnshinTimelineStepKind  kind,
          gboolean                reached,
          GDateTime              *date,
          const char             *title,
          char                   *description)
{
  Draft draft = {
    .kind = kind,
    .state = reached ? ANSHIN_TIMELINE_STEP_STATE_PAST : ANSHIN_TIMELINE_STEP_STATE_UPCOMING,
    .date = date != NULL ? g_date_time_ref (date) : NULL,
    .title = title,
    .description = description,
  };

  g_array_append_val (track, draft);
}

static GArray *
track_new (void)
{
  GArray *track = g_array_new (FALSE, TRUE, sizeof (Draft));

  g_array_set_clear_func (track, draft_clear);
  return track;
}

static Draft *
track_find (GArray                 *track,
            AnshinTimelineStepKind  kind)
{
  for (guint i = 0; i < track->len; i++)
    {
      Draft *draft = &g_array_index (track, Draft, i);

      if (draft->kind == kind)
        return draft;
    }

  return NULL;
}

static char *
join_sentences (const char *first,
                const char *second)
{
  if (second == NULL)
    return g_strdup (first);

  /* TRANSLATORS: two sentences, one after the other. Japanese writes them
   * without a space. */
  return g_strdup_printf (C_("sentences", "%s %s"), first, second);
}

static char *
masked_number (AnshinCard *card)
{
  const char *last4 = anshin_card_get_number_last4 (card);

  return anshin_card_number_mask (last4 != NULL ? last4 : "");
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

/* While a reissue is in flight: when it will be ready, on the holder's clock. */
static char *
reissue_pending_sentence (AnshinCard *card,
                          GDateTime  *now,
                          gboolean    in_row)
{
  gboolean new_number = anshin_card_get_reissue_new_number (card);
  GDateTime *eta = anshin_card_get_reissue_ready_eta (card);
  g_autofree char *relative = NULL;
  g_autofree char *when = NULL;

  if (eta == NULL)
    return g_strdup (new_number ? _("Your new card number is being prepared.")
                                : _("Your card is being reissued."));

  if (g_date_time_compare (eta, now) <= 0)
    return g_strdup (new_number ? _("Your new card number should be ready any moment now.")
                                : _("Your reissued card should be ready any moment now."));

  relative = anshin_format_relative (eta, now);

  /* in a row, the date is in the row's date column */
  if (in_row || same_local_day (eta, now))
    {
      when = anshin_format_time (eta);
      if (new_number)
        /* TRANSLATORS: the first %s is a time of day ("12:00"), the second
         * how far away it is ("in about 3 hours"). */
        return g_strdup_printf (_("Your new card number will be ready at %s (%s)."),
                                when, relative);
      /* TRANSLATORS: the first %s is a time of day ("12:00"), the second
       * how far away it is ("in about 3 hours"). */
      return g_strdup_printf (_("Your reissued card will be ready at %s (%s)."), when, relative);
    }

  when = anshin_format_date_time (eta);
  if (new_number)
    /* TRANSLATORS: the first %s is a date and time ("1 Dec 2025, 02:00"),
     * the second how far away it is ("tomorrow"). */
    return g_strdup_printf (_("Your new card number will be ready on %s (%s)."), when, relative);
  /* TRANSLATORS: the first %s is a date and time ("1 Dec 2025, 02:00"),
   * the second how far away it is ("tomorrow"). */
  return g_strdup_printf (_("Your reissued card will be ready on %s (%s)."), when, relative);
}

/* While the physical card is being prepared or is in the post; else NULL. */
static char *
physical_pending_sentence (AnshinCard *card)
{
  AnshinPhysicalCardStatus status = anshin_card_get_physical_status (card);
  GDateTime *eta = anshin_card_get_physical_eta (card);
  g_autofree char *date = eta != NULL ? anshin_format_date (eta) : NULL;

  if (status == ANSHIN_PHYSICAL_CARD_STATUS_PREPARING)
    {
      if (date == NULL)
        return g_strdup (_("Your new physical card is being prepared."));
      /* TRANSLATORS: %s is a date, "16 Dec 2025" */
      return g_strdup_printf (_("Your new physical card is being prepared; "
                                "it should arrive around %s."), date);
    }

  if (status == ANSHIN_PHYSICAL_CARD_STATUS_SHIPPED)
    {
      if (date == NULL)
        return g_strdup (_("Your new physical card is on its way."));
      /* TRANSLATORS: %s is a date, "16 Dec 2025" */
      return g_strdup_printf (_("Your new physical card is on its way; "
                                "it should arrive around %s."), date);
    }

  return NULL;
}

/* Before a scheduled renewal; else NULL. */
static char *
renewal_pending_sentence (AnshinCard *card)
{
  GDateTime *date = anshin_card_get_renewal_date (card);
  g_autofree char *day = NULL;

  if (anshin_card_get_renewal_status (card) != ANSHIN_RENEWAL_STATUS_SCHEDULED)
    return NULL;

  if (date == NULL)
    return g_strdup (_("Your card is due to be renewed. You don't need to do anything."));

  day = anshin_format_date (date);
  if (anshin_card_get_renewal_number_changes (card))
    /* TRANSLATORS: %s is a date, "30 Nov 2025" */
    return g_strdup_printf (_("On %s your card renews with a new card number. After that day, "
                              "update the number wherever your card is saved."), day);
  /* TRANSLATORS: %s is a date, "30 Nov 2025" */
  return g_strdup_printf (_("On %s your card renews itself. You don't need to do anything."), day);
}

/* After a reissue with a new number, the card's number is not the one
 * the renewal (on @renewed_on) gave it or keeps. */
static gboolean
renewal_number_known (AnshinCard *card,
                      GDateTime  *renewed_on)
{
  GDateTime *reissued_at = anshin_card_get_reissue_completed_at (card);

  if (!anshin_card_get_reissue_new_number (card) ||
      anshin_card_get_reissue_status (card) != ANSHIN_REISSUE_STATUS_COMPLETED)
    return TRUE;

  return reissued_at != NULL && g_date_time_compare (reissued_at, renewed_on) < 0;
}

/* The row's own date is in its date column, not in its sentence; without
 * @with_facts (a callout says them), not the number and expiry either. */
static char *
describe_renewal (AnshinCard *card,
                  GDateTime  *renewed_on,
                  gboolean    with_facts)
{
  gboolean completed = anshin_card_get_renewal_status (card) == ANSHIN_RENEWAL_STATUS_COMPLETED;
  gboolean number_known = renewal_number_known (card, renewed_on);
  guint exp_month = anshin_card_get_renewal_new_exp_month (card);
  g_autofree char *number = masked_number (card);
  g_autofree char *expiry = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  if (exp_month >= 1 && exp_month <= 12 && with_facts)
    expiry = anshin_format_month_year (exp_month, anshin_card_get_renewal_new_exp_year (card));

  if (anshin_card_get_renewal_number_changes (card))
    {
      if (completed && with_facts && number_known)
        /* TRANSLATORS: %s is the new card number masked ("•••• 5678"); the
         * date is beside it */
        first = g_strdup_printf (_("Your card was renewed with a new card number (%s)."), number);
      else if (completed)
        first = g_strdup (_("Your card was renewed with a new card number."));
      else
        /* the date is beside it */
        first = g_strdup (_("Your card renews with a new card number."));
      if (expiry != NULL)
        /* TRANSLATORS: %s is the new expiry in prose, "November 2030" */
        second = g_strdup_printf (_("The new expiry is %s."), expiry);
      return join_sentences (first, second);
    }

  /* the date is beside it */
  first = g_strdup (completed ? _("Your card renewed itself.") : _("Your card renews itself."));
  if (!with_facts)
    return g_steal_pointer (&first);

  if (!number_known)
    {
      if (expiry != NULL)
        second = g_strdup_printf (_("The new expiry is %s."), expiry);
      return join_sentences (first, second);
    }

  if (expiry != NULL && completed)
    /* TRANSLATORS: the first %s is the card number masked ("•••• 1234"),
     * the second the new expiry ("November 2030") */
    second = g_strdup_printf (_("The number stayed the same (%s); the new expiry is %s."),
                              number, expiry);
  else if (expiry != NULL)
    /* TRANSLATORS: the first %s is the card number masked ("•••• 1234"),
     * the second the new expiry ("November 2030") */
    second = g_strdup_printf (_("The number stays the same (%s); the new expiry is %s."),
                              number, expiry);
  else if (completed)
    /* TRANSLATORS: %s is the card number masked, "•••• 1234" */
    second = g_strdup_printf (_("The number stayed the same (%s)."), number);
  else
    /* TRANSLATORS: %s is the card number masked, "•••• 1234" */
    second = g_strdup_printf (_("The number stays the same (%s)."), number);

  return join_sentences (first, second);
}

static void
add_renewal_steps (GArray       *track,
                   AnshinCard   *card,
                   GDateTime    *now,
                   const Beside *beside)
{
  AnshinRenewalStatus status = anshin_card_get_renewal_status (card);
  GDateTime *announced_at = anshin_card_get_renewal_announced_at (card);
  GDateTime *renewal_date = anshin_card_get_renewal_date (card);
  GDateTime *completed_at = anshin_card_get_renewal_completed_at (card);
  gboolean completed = status == ANSHIN_RENEWAL_STATUS_COMPLETED;
  GDateTime *renewed_on;

  if (status == ANSHIN_RENEWAL_STATUS_NONE)
    return;

  renewed_on = completed && completed_at != NULL ? completed_at : renewal_date;
  if (announced_at != NULL)
    {
      char *description;

      /* the renewal's day is the next row's date */
      if (renewal_date != NULL && renewed_on != NULL && same_local_day (renewal_date, renewed_on))
        {
          description = g_strdup (_("Your card issuer announced the renewal."));
        }
      else if (renewal_date != NULL)
        {
          g_autofree char *day = anshin_format_date (renewal_date);

          /* TRANSLATORS: %s is the renewal date, "30 Nov 2025" */
          description = g_strdup_printf (_("Your card issuer announced the renewal for %s."), day);
        }
      else
        {
          description = g_strdup (_("Your card issuer announced that your card will be renewed."));
        }

      add_step (track, ANSHIN_TIMELINE_STEP_KIND_RENEWAL_ANNOUNCED,
                completed || g_date_time_compare (announced_at, now) <= 0,
                announced_at, _("Renewal announced"), description);
    }

  add_step (track, ANSHIN_TIMELINE_STEP_KIND_CARD_RENEWED, completed, renewed_on,
            _("Card renewed"),
            renewed_on != NULL
              ? describe_renewal (card, renewed_on, !(completed && beside->renewal_said))
              : g_strdup (_("Your card is due to be renewed.")));
}

static void
add_physical_steps (GArray     *track,
                    AnshinCard *card)
{
  AnshinPhysicalCardStatus status = anshin_card_get_physical_status (card);
  GDateTime *eta = anshin_card_get_physical_eta (card);
  GDateTime *shipped_at = anshin_card_get_physical_shipped_at (card);
  GDateTime *delivered_at = anshin_card_get_physical_delivered_at (card);
  char *preparing, *shipped, *delivered;

  if (anshin_card_get_form (card) != ANSHIN_CARD_FORM_VIRTUAL_AND_PHYSICAL)
    return;

  /* Before a renewal, show what the holder of a physical card can expect. */
  if (status == ANSHIN_PHYSICAL_CARD_STATUS_NONE &&
      anshin_card_get_renewal_status (card) != ANSHIN_RENEWAL_STATUS_SCHEDULED)
    return;

  switch (status)
    {
    case ANSHIN_PHYSICAL_CARD_STATUS_NONE:
      preparing = g_strdup (_("After the renewal, your issuer prepares a new physical card."));
      shipped = g_strdup (_("Your issuer lets you know when it is sent."));
      delivered = g_strdup (_("It usually arrives about two weeks after the renewal."));
      break;

    case ANSHIN_PHYSICAL_CARD_STATUS_PREPARING:
      /* when it should arrive is the last row's date */
      preparing = g_strdup (_("Your new physical card is being prepared."));
      shipped = g_strdup (_("Your issuer lets you know when it is sent."));
      delivered = eta != NULL
        /* TRANSLATORS: the date is beside it, in the timeline's date column */
        ? g_strdup (_("It should arrive around this date."))
        : g_strdup (_("You will see here when it has arrived."));
      break;

    case ANSHIN_PHYSICAL_CARD_STATUS_SHIPPED:
      preparing = g_strdup (_("Your new physical card was prepared."));
      shipped = shipped_at != NULL
        ? g_strdup (_("Your new physical card was sent."))
        : g_strdup (_("Your new physical card is on its way."));
      delivered = eta != NULL
        ? g_strdup (_("It should arrive around this date."))
        : g_strdup (_("You will see here when it has arrived."));
      break;

    case ANSHIN_PHYSICAL_CARD_STATUS_DELIVERED:
    default:
      preparing = g_strdup (_("Your new physical card was prepared."));
      shipped = g_strdup (_("Your new physical card was sent."));
      delivered = g_strdup (_("Your new physical card has been delivered."));
      break;
    }

  add_step (track, ANSHIN_TIMELINE_STEP_KIND_PHYSICAL_PREPARING,
            status >= ANSHIN_PHYSICAL_CARD_STATUS_PREPARING, NULL,
            _("Physical card being prepared"), preparing);
  add_step (track, ANSHIN_TIMELINE_STEP_KIND_PHYSICAL_SHIPPED,
            status >= ANSHIN_PHYSICAL_CARD_STATUS_SHIPPED, shipped_at,
            _("Physical card sent"), shipped);
  add_step (track, ANSHIN_TIMELINE_STEP_KIND_PHYSICAL_DELIVERED,
            status == ANSHIN_PHYSICAL_CARD_STATUS_DELIVERED,
            status == ANSHIN_PHYSICAL_CARD_STATUS_DELIVERED && delivered_at != NULL ? delivered_at : eta,
            _("Physical card delivered"), delivered);
}

static void
add_reissue_steps (GArray       *track,
                   AnshinCard   *card,
                   GDateTime    *now,
                   const Beside *beside)
{
  AnshinReissueStatus status = anshin_card_get_reissue_status (card);
  gboolean new_number = anshin_card_get_reissue_new_number (card);
  GDateTime *completed_at = anshin_card_get_reissue_completed_at (card);
  gboolean completed = status == ANSHIN_REISSUE_STATUS_COMPLETED;
  char *ready;

  if (status == ANSHIN_REISSUE_STATUS_NONE)
    return;

  add_step (track, ANSHIN_TIMELINE_STEP_KIND_REISSUE_REQUESTED, TRUE,
            anshin_card_get_reissue_requested_at (card),
            new_number ? _("New card number requested") : _("Reissue requested"),
            g_strdup (new_number ? _("You asked for your card to be reissued with a new number.")
                                 : _("You asked for your card to be reissued with the same number.")));

  /* the row's date is in its date column: here the time of day at most */
  if (!completed && beside->reissue_eta_said)
    {
      ready = g_strdup (_("You will see here when it is ready."));
    }
  else if (!completed)
    {
      ready = reissue_pending_sentence (card, now, TRUE);
    }
  else
    {
      g_autofree char *number = masked_number (card);
      g_autofree char *when = completed_at != NULL ? anshin_format_time (completed_at) : NULL;

      if (new_number && beside->reissue_done_said)
        ready = when != NULL
          /* TRANSLATORS: %s is a time of day, "13:00"; the date is beside it */
          ? g_strdup_printf (_("It was ready at %s."), when)
          : g_strdup (_("It is ready."));
      else if (new_number && when != NULL)
        /* TRANSLATORS: the first %s is the new card number masked ("•••• 5678"),
         * the second a time of day ("13:00"); the date is beside it */
        ready = g_strdup_printf (_("Your new card number (%s) was ready at %s."), number, when);
      else if (new_number)
        /* TRANSLATORS: %s is the new card number masked, "•••• 5678" */
        ready = g_strdup_printf (_("Your new card number (%s) is ready."), number);
      else if (when != NULL)
        /* TRANSLATORS: %s is a time of day, "13:00"; the date is beside it */
        ready = g_strdup_printf (_("Your reissued card was ready at %s."), when);
      else
        ready = g_strdup (_("Your reissued card is ready."));
    }

  add_step (track, ANSHIN_TIMELINE_STEP_KIND_REISSUE_READY, completed,
            completed && completed_at != NULL ? completed_at
                                              : anshin_card_get_reissue_ready_eta (card),
            new_number ? _("New card number ready") : _("Reissued card ready"), ready);
}

/* The one step the holder is waiting on, or NULL when nothing is in
 * progress (a physical card status on a virtual-only card has no step). */
static Draft *
find_current (GArray     *renewal,
              GArray     *reissue,
              AnshinCard *card,
              GDateTime  *now)
{
  AnshinPhysicalCardStatus physical = anshin_card_get_physical_status (card);
  GDateTime *renewal_date = anshin_card_get_renewal_date (card);
  Draft *current = NULL;

  if (anshin_card_get_reissue_status (card) == ANSHIN_REISSUE_STATUS_IN_PROGRESS)
    current = track_find (reissue, ANSHIN_TIMELINE_STEP_KIND_REISSUE_REQUESTED);

  if (current == NULL && physical == ANSHIN_PHYSICAL_CARD_STATUS_PREPARING)
    current = track_find (renewal, ANSHIN_TIMELINE_STEP_KIND_PHYSICAL_PREPARING);
  else if (current == NULL && physical == ANSHIN_PHYSICAL_CARD_STATUS_SHIPPED)
    current = track_find (renewal, ANSHIN_TIMELINE_STEP_KIND_PHYSICAL_SHIPPED);

  /* The renewal day has come and the card has not switched yet. */
  if (current == NULL &&
      anshin_card_get_renewal_status (card) == ANSHIN_RENEWAL_STATUS_SCHEDULED &&
      renewal_date != NULL && g_date_time_compare (renewal_date, now) <= 0)
    current = track_find (renewal, ANSHIN_TIMELINE_STEP_KIND_CARD_RENEWED);

  return current;
}

/* Sort keys within a track, never decreasing: a step's own date; for a
 * step without one, the key before it if it was reached, else the next
 * known key after it (an undated upcoming step waits with the next one). */
static void
track_set_keys (GArray *track)
{
  for (guint i = 0; i < track->len; i++)
    {
      Draft *draft = &g_array_index (track, Draft, i);
      gint64 previous = i > 0 ? g_array_index (track, Draft, i - 1).key : G_MININT64;

      if (draft->date != NULL)
        {
          draft->key = g_date_time_to_unix (draft->date);
        }
      else if (draft->state != ANSHIN_TIMELINE_STEP_STATE_UPCOMING)
        {
          draft->key = previous;
        }
      else
        {
          draft->key = G_MAXINT64;
          for (guint j = i + 1; j < track->len; j++)
            {
              GDateTime *date = g_array_index (track, Draft, j).date;

              if (date != NULL)
                {
                  draft->key = g_date_time_to_unix (date);
                  break;
                }
            }
        }

      draft->key = MAX (draft->key, previous);
    }
}

static gboolean
said_beside (const Beside *beside,
             const char   *text)
{
  for (guint i = 0; beside->said != NULL && beside->said[i] != NULL; i++)
    if (strstr (beside->said[i], text) != NULL)
      return TRUE;

  return FALSE;
}

static GListModel *
build (AnshinCard   *card,
       GDateTime    *now,
       const Beside *beside)
{
  g_autoptr(GArray) renewal = track_new ();
  g_autoptr(GArray) reissue = track_new ();
  g_autofree char *last_day = NULL;
  GListStore *store;
  Draft *current;
  guint i = 0, j = 0;

  add_renewal_steps (renewal, card, now, beside);
  add_physical_steps (renewal, card);
  add_reissue_steps (reissue, card, now, beside);

  current = find_current (renewal, reissue, card, now);
  if (current != NULL)
    current->state = ANSHIN_TIMELINE_STEP_STATE_CURRENT;

  track_set_keys (renewal);
  track_set_keys (reissue);

  store = g_list_store_new (ANSHIN_TYPE_TIMELINE_STEP);
  while (i < renewal->len || j < reissue->len)
    {
      g_autoptr(AnshinTimelineStep) step = NULL;
      GDateTime *date;
      const char *description;
      Draft *next;

      if (j >= reissue->len ||
          (i < renewal->len &&
           g_array_index (renewal, Draft, i).key <= g_array_index (reissue, Draft, j).key))
        next = &g_array_index (renewal, Draft, i++);
      else
        next = &g_array_index (reissue, Draft, j++);

      date = next->date;
      description = next->description;

      /* On a page, a date once: not one a callout states, nor the day of
       * the row above again (the same day as above). */
      if (beside->for_page && date != NULL)
        {
          g_autofree char *day = anshin_format_date (date);

          if (said_beside (beside, day) || g_strcmp0 (day, last_day) == 0)
            date = NULL;
          else
            {
              g_free (last_day);
              last_day = g_steal_pointer (&day);
            }
        }
      if (date == NULL && next->date != NULL &&
          next->kind == ANSHIN_TIMELINE_STEP_KIND_PHYSICAL_DELIVERED &&
          next->state != ANSHIN_TIMELINE_STEP_STATE_PAST)
        description = _("You will see here when it has arrived.");

      step = anshin_timeline_step_new (next->kind, next->state, date, next->title, description);
      g_list_store_append (store, step);
    }

  return G_LIST_MODEL (store);
}

/**
 * anshin_renewal_timeline_new:
 * @card: the card
 * @now: the current time on the issuer's clock
 *
 * Each step's description leaves its date to the step's date, and the
 * current step does not say a date another step has.
 *
 * Returns: (transfer full): a #GListModel of #AnshinTimelineStep, in time
 *   order; empty when nothing is scheduled or has happened
 */
GListModel *
anshin_renewal_timeline_new (AnshinCard *card,
                             GDateTime  *now)
{
  const Beside nothing = { FALSE, };

  g_return_val_if_fail (ANSHIN_IS_CARD (card), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  return build (card, now, &nothing);
}

/**
 * anshin_renewal_timeline_new_beside:
 * @card: the card
 * @moments: (nullable): the #AnshinMoments the same page shows above it
 *   (anshin_moment_list_for())
 * @now: the current time on the issuer's clock
 *
 * The timeline as the Card page shows it, under its callouts: what a
 * callout states, the timeline does not state again (the renewal's number
 * and expiry, when the reissue will be ready, the new number, any date a
 * callout gives), and a day is given once (a step on the same day as the
 * one before it has no date of its own). Without callouts, the steps say
 * it all.
 *
 * Returns: (transfer full): a #GListModel of #AnshinTimelineStep
 */
GListModel *
anshin_renewal_timeline_new_beside (AnshinCard *card,
                                    GListModel *moments,
                                    GDateTime  *now)
{
  g_autoptr(GStrvBuilder) said = g_strv_builder_new ();
  g_auto(GStrv) texts = NULL;
  Beside beside = { .for_page = TRUE, };
  guint n_moments;

  g_return_val_if_fail (ANSHIN_IS_CARD (card), NULL);
  g_return_val_if_fail (moments == NULL || G_IS_LIST_MODEL (moments), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  n_moments = moments != NULL ? g_list_model_get_n_items (moments) : 0;
  for (guint i = 0; i < n_moments; i++)
    {
      g_autoptr(AnshinMoment) moment = g_list_model_get_item (moments, i);
      g_auto(GStrv) moment_texts = anshin_moment_dup_texts (moment, now);

      switch (anshin_moment_get_kind (moment))
        {
        case ANSHIN_MOMENT_KIND_RENEWAL_EXPECTED:
          beside.renewal_said = TRUE;
          break;
        case ANSHIN_MOMENT_KIND_REISSUE_IN_PROGRESS:
          beside.reissue_eta_said = TRUE;
          break;
        case ANSHIN_MOMENT_KIND_REISSUE_DONE:
          beside.reissue_done_said = TRUE;
          break;
        case ANSHIN_MOMENT_KIND_UNEXPECTED_ACTIVATION:
        case ANSHIN_MOMENT_KIND_REGISTRATION_LOCKED:
        case ANSHIN_MOMENT_KIND_METHOD_NOT_WORKING:
        default:
          break;
        }
      g_strv_builder_addv (said, (const char **) moment_texts);
    }

  texts = g_strv_builder_end (said);
  beside.said = texts;

  return build (card, now, &beside);
}

static gboolean
has_step (GListModel             *steps,
          AnshinTimelineStepKind  kind)
{
  for (guint i = 0; i < g_list_model_get_n_items (steps); i++)
    {
      g_autoptr(AnshinTimelineStep) step = g_list_model_get_item (steps, i);

      if (anshin_timeline_step_get_kind (step) == kind)
        return TRUE;
    }

  return FALSE;
}

static gboolean
has_moment (GListModel       *moments,
            AnshinMomentKind  kind)
{
  g_autoptr(AnshinMoment) moment = anshin_moment_list_find (moments, kind);

  return moment != NULL;
}

/**
 * anshin_renewal_timeline_what_next_beside:
 * @card: the card
 * @steps: the timeline the same page shows
 *   (anshin_renewal_timeline_new_beside())
 * @moments: (nullable): the #AnshinMoments the same page shows
 * @now: the current time on the issuer's clock
 *
 * "What happens next" on the Card page: only what neither its timeline
 * nor its callouts say (a reissue in flight with no step for it, a
 * physical card or a renewal the timeline has no step for), or that
 * nothing is scheduled when there is no timeline either.
 *
 * Returns: (transfer full) (nullable): the text, or %NULL when the rest of
 *   the page says it all
 */
char *
anshin_renewal_timeline_what_next_beside (AnshinCard *card,
                                          GListModel *steps,
                                          GListModel *moments,
                                          GDateTime  *now)
{
  g_autofree char *reissue = NULL;
  g_autofree char *physical = NULL;
  g_autofree char *renewal = NULL;
  const char *parts[2] = { NULL, NULL };
  guint n_parts = 0;

  g_return_val_if_fail (ANSHIN_IS_CARD (card), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (steps), NULL);
  g_return_val_if_fail (moments == NULL || G_IS_LIST_MODEL (moments), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  if (anshin_card_get_reissue_status (card) == ANSHIN_REISSUE_STATUS_IN_PROGRESS &&
      !has_step (steps, ANSHIN_TIMELINE_STEP_KIND_REISSUE_READY) &&
      !has_moment (moments, ANSHIN_MOMENT_KIND_REISSUE_IN_PROGRESS))
    reissue = reissue_pending_sentence (card, now, FALSE);
  if (anshin_card_get_form (card) == ANSHIN_CARD_FORM_VIRTUAL_AND_PHYSICAL &&
      !has_step (steps, ANSHIN_TIMELINE_STEP_KIND_PHYSICAL_PREPARING) &&
      !has_moment (moments, ANSHIN_MOMENT_KIND_RENEWAL_EXPECTED))
    physical = physical_pending_sentence (card);
  if (!has_step (steps, ANSHIN_TIMELINE_STEP_KIND_CARD_RENEWED))
    renewal = renewal_pending_sentence (card);

  if (reissue != NULL)
    parts[n_parts++] = reissue;
  if (physical != NULL)
    parts[n_parts++] = physical;
  if (renewal != NULL && n_parts < G_N_ELEMENTS (parts))
    parts[n_parts++] = renewal;

  if (n_parts == 0)
    return g_list_model_get_n_items (steps) == 0 ? g_strdup (_("Nothing is scheduled for your card."))
                                                 : NULL;

  return join_sentences (parts[0], parts[1]);
}

/**
 * anshin_renewal_timeline_what_next:
 * @card: the card
 * @now: the current time on the issuer's clock
 *
 * What happens next, in one or two plain sentences: a reissue in flight
 * first, then a physical card on its way, then a scheduled renewal.
 *
 * Returns: (transfer full): the text
 */
char *
anshin_renewal_timeline_what_next (AnshinCard *card,
                                   GDateTime  *now)
{
  g_autoptr(GListStore) no_steps = g_list_store_new (ANSHIN_TYPE_TIMELINE_STEP);

  /* with no timeline and no callout beside it, it says everything */
  return anshin_renewal_timeline_what_next_beside (card, G_LIST_MODEL (no_steps), NULL, now);
}
