/* test-timeline.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The renewal timeline of the seed story at each of its stages: the card as
 * the issuer reports it then, and the issuer's clock. The holder lives in
 * Japan (TZ=JST-9), so times of day read as the issuer's; one case checks
 * that a holder in UTC sees their own clock.
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "anshin-core-enum-types.h"
#include "anshin-time.h"
#include "anshin-timeline.h"

#define ANNOUNCED    ANSHIN_TIMELINE_STEP_KIND_RENEWAL_ANNOUNCED
#define RENEWED      ANSHIN_TIMELINE_STEP_KIND_CARD_RENEWED
#define PREPARING    ANSHIN_TIMELINE_STEP_KIND_PHYSICAL_PREPARING
#define SHIPPED      ANSHIN_TIMELINE_STEP_KIND_PHYSICAL_SHIPPED
#define DELIVERED    ANSHIN_TIMELINE_STEP_KIND_PHYSICAL_DELIVERED
#define REQUESTED    ANSHIN_TIMELINE_STEP_KIND_REISSUE_REQUESTED
#define READY        ANSHIN_TIMELINE_STEP_KIND_REISSUE_READY

#define PAST         ANSHIN_TIMELINE_STEP_STATE_PAST
#define CURRENT      ANSHIN_TIMELINE_STEP_STATE_CURRENT
#define UPCOMING     ANSHIN_TIMELINE_STEP_STATE_UPCOMING

#define NOTHING_NEXT "Nothing is scheduled for your card."

typedef struct {
  AnshinTimelineStepKind kind;
  AnshinTimelineStepState state;
  const char *date;          /* RFC 3339, or NULL for no date */
  const char *description;   /* or NULL to leave it unchecked */
} Expect;

static GDateTime *
at (const char *rfc3339)
{
  GDateTime *time = anshin_time_parse (rfc3339);

  g_assert_nonnull (time);
  return time;
}

static void
set_time (AnshinCard *card,
          void      (*setter) (AnshinCard *, GDateTime *),
          const char *rfc3339)
{
  g_autoptr(GDateTime) time = at (rfc3339);

  setter (card, time);
}

/* 2025-08-30 10:00: the renewal notice has arrived. */
static AnshinCard *
seed_card (void)
{
  AnshinCard *card = anshin_card_new ();
  g_autoptr(GDateTime) renewal_date = anshin_date_parse ("2025-11-30");

  anshin_card_set_form (card, ANSHIN_CARD_FORM_VIRTUAL_AND_PHYSICAL);
  anshin_card_set_state (card, ANSHIN_CARD_STATE_ACTIVE);
  anshin_card_set_number_last4 (card, "1234");
  anshin_card_set_exp_month (card, 11);
  anshin_card_set_exp_year (card, 2025);
  anshin_card_set_renewal_status (card, ANSHIN_RENEWAL_STATUS_SCHEDULED);
  anshin_card_set_renewal_date (card, renewal_date);
  set_time (card, anshin_card_set_renewal_announced_at, "2025-08-30T10:00:00+09:00");
  anshin_card_set_renewal_number_changes (card, FALSE);
  anshin_card_set_renewal_new_exp_month (card, 11);
  anshin_card_set_renewal_new_exp_year (card, 2030);

  return card;
}

/* 2025-11-30 09:00: the card has switched; the physical card is being made. */
static AnshinCard *
renewed_card (void)
{
  AnshinCard *card = seed_card ();
  g_autoptr(GDateTime) eta = anshin_date_parse ("2025-12-16");

  anshin_card_set_renewal_status (card, ANSHIN_RENEWAL_STATUS_COMPLETED);
  set_time (card, anshin_card_set_renewal_completed_at, "2025-11-30T09:00:00+09:00");
  anshin_card_set_exp_year (card, 2030);
  anshin_card_set_physical_status (card, ANSHIN_PHYSICAL_CARD_STATUS_PREPARING);
  anshin_card_set_physical_eta (card, eta);

  return card;
}

/* A reissue with a new number, requested at @requested_at, ready 3 hours later. */
static void
start_reissue (AnshinCard *card,
               const char *requested_at,
               const char *ready_eta)
{
  anshin_card_set_state (card, ANSHIN_CARD_STATE_REISSUING);
  anshin_card_set_reissue_status (card, ANSHIN_REISSUE_STATUS_IN_PROGRESS);
  anshin_card_set_reissue_new_number (card, TRUE);
  set_time (card, anshin_card_set_reissue_requested_at, requested_at);
  set_time (card, anshin_card_set_reissue_ready_eta, ready_eta);
}

static void
check_timeline (AnshinCard   *card,
                const char   *now_text,
                const Expect *expected,
                guint         n_expected)
{
  g_autoptr(GDateTime) now = at (now_text);
  g_autoptr(GListModel) steps = anshin_renewal_timeline_new (card, now);
  guint n_current = 0;

  g_assert_true (g_list_model_get_item_type (steps) == ANSHIN_TYPE_TIMELINE_STEP);
  g_assert_cmpuint (g_list_model_get_n_items (steps), ==, n_expected);

  for (guint i = 0; i < n_expected; i++)
    {
      g_autoptr(AnshinTimelineStep) step = g_list_model_get_item (steps, i);
      GDateTime *date = anshin_timeline_step_get_date (step);
      g_autofree char *date_text = date != NULL ? anshin_time_to_string (date) : NULL;

      g_test_message ("step %u: %s", i, anshin_timeline_step_get_description (step));
      g_assert_cmpint (anshin_timeline_step_get_kind (step), ==, expected[i].kind);
      g_assert_cmpint (anshin_timeline_step_get_state (step), ==, expected[i].state);
      g_assert_cmpstr (date_text, ==, expected[i].date);
      g_assert_nonnull (anshin_timeline_step_get_title (step));
      g_assert_cmpstr (anshin_timeline_step_get_title (step), !=, "");
      g_assert_nonnull (anshin_timeline_step_get_description (step));
      if (expected[i].description != NULL)
        g_assert_cmpstr (anshin_timeline_step_get_description (step), ==,
                         expected[i].description);

      if (anshin_timeline_step_get_state (step) == CURRENT)
        n_current++;
    }

  g_assert_cmpuint (n_current, <=, 1);
}

static void
check_what_next (AnshinCard *card,
                 const char *now_text,
                 const char *expected)
{
  g_autoptr(GDateTime) now = at (now_text);
  g_autofree char *text = anshin_renewal_timeline_what_next (card, now);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_no_renewal (void)
{
  g_autoptr(AnshinCard) card = anshin_card_new ();

  anshin_card_set_form (card, ANSHIN_CARD_FORM_VIRTUAL_AND_PHYSICAL);
  anshin_card_set_number_last4 (card, "1234");

  check_timeline (card, "2025-08-01T09:00:00+09:00", NULL, 0);
  check_what_next (card, "2025-08-01T09:00:00+09:00", NOTHING_NEXT);
}

static void
test_announced (void)
{
  g_autoptr(AnshinCard) card = seed_card ();
  const Expect expected[] = {
    { ANNOUNCED, PAST, "2025-08-30T10:00:00+09:00",
      "Your card issuer announced the renewal." },
    { RENEWED, UPCOMING, "2025-11-30T00:00:00+09:00",
      "Your card renews itself. "
      "The number stays the same (•••• 1234); the new expiry is November 2030." },
    /* a holder with a physical card sees what comes after the renewal */
    { PREPARING, UPCOMING, NULL,
      "After the renewal, your issuer prepares a new physical card." },
    { SHIPPED, UPCOMING, NULL, NULL },
    { DELIVERED, UPCOMING, NULL,
      "It usually arrives about two weeks after the renewal." },
  };

  check_timeline (card, "2025-08-30T10:05:00+09:00", expected, G_N_ELEMENTS (expected));
  check_what_next (card, "2025-08-30T10:05:00+09:00",
                   "On 30 Nov 2025 your card renews itself. You don't need to do anything.");
}

static void
test_renewal_day_before_switch (void)
{
  g_autoptr(AnshinCard) card = seed_card ();
  const Expect expected[] = {
    { ANNOUNCED, PAST, "2025-08-30T10:00:00+09:00", NULL },
    { RENEWED, CURRENT, "2025-11-30T00:00:00+09:00", NULL },
    { PREPARING, UPCOMING, NULL, NULL },
    { SHIPPED, UPCOMING, NULL, NULL },
    { DELIVERED, UPCOMING, NULL, NULL },
  };

  check_timeline (card, "2025-11-30T08:00:00+09:00", expected, G_N_ELEMENTS (expected));
}

static void
test_renewed (void)
{
  g_autoptr(AnshinCard) card = renewed_card ();
  const Expect expected[] = {
    { ANNOUNCED, PAST, "2025-08-30T10:00:00+09:00", NULL },
    { RENEWED, PAST, "2025-11-30T09:00:00+09:00",
      "Your card renewed itself. "
      "The number stayed the same (•••• 1234); the new expiry is November 2030." },
    /* the day it should arrive is the last step's date, said there only */
    { PREPARING, CURRENT, NULL,
      "Your new physical card is being prepared." },
    { SHIPPED, UPCOMING, NULL, "Your issuer lets you know when it is sent." },
    { DELIVERED, UPCOMING, "2025-12-16T00:00:00+09:00",
      "It should arrive around this date." },
  };

  check_timeline (card, "2025-11-30T09:00:00+09:00", expected, G_N_ELEMENTS (expected));
  check_what_next (card, "2025-11-30T09:00:00+09:00",
                   "Your new physical card is being prepared; "
                   "it should arrive around 16 Dec 2025.");
}

static void
test_shipped (void)
{
  g_autoptr(AnshinCard) card = renewed_card ();
  const Expect expected[] = {
    { ANNOUNCED, PAST, "2025-08-30T10:00:00+09:00", NULL },
    { RENEWED, PAST, "2025-11-30T09:00:00+09:00", NULL },
    { PREPARING, PAST, NULL, "Your new physical card was prepared." },
    { SHIPPED, CURRENT, "2025-12-14T10:00:00+09:00",
      "Your new physical card was sent." },
    { DELIVERED, UPCOMING, "2025-12-16T00:00:00+09:00",
      "It should arrive around this date." },
  };

  anshin_card_set_physical_status (card, ANSHIN_PHYSICAL_CARD_STATUS_SHIPPED);
  set_time (card, anshin_card_set_physical_shipped_at, "2025-12-14T10:00:00+09:00");

  check_timeline (card, "2025-12-14T10:00:00+09:00", expected, G_N_ELEMENTS (expected));
  check_what_next (card, "2025-12-14T10:00:00+09:00",
                   "Your new physical card is on its way; it should arrive around 16 Dec 2025.");
}

static void
test_delivered (void)
{
  g_autoptr(AnshinCard) card = renewed_card ();
  const Expect expected[] = {
    { ANNOUNCED, PAST, "2025-08-30T10:00:00+09:00", NULL },
    { RENEWED, PAST, "2025-11-30T09:00:00+09:00", NULL },
    { PREPARING, PAST, NULL, NULL },
    { SHIPPED, PAST, "2025-12-14T10:00:00+09:00",
      "Your new physical card was sent." },
    { DELIVERED, PAST, "2025-12-16T14:00:00+09:00",
      "Your new physical card has been delivered." },
  };

  anshin_card_set_physical_status (card, ANSHIN_PHYSICAL_CARD_STATUS_DELIVERED);
  set_time (card, anshin_card_set_physical_shipped_at, "2025-12-14T10:00:00+09:00");
  set_time (card, anshin_card_set_physical_delivered_at, "2025-12-16T14:00:00+09:00");

  check_timeline (card, "2025-12-16T14:00:00+09:00", expected, G_N_ELEMENTS (expected));
  check_what_next (card, "2025-12-16T14:00:00+09:00", NOTHING_NEXT);
}

static void
test_reissue_in_progress (void)
{
  g_autoptr(AnshinCard) card = renewed_card ();
  const char *ready = "Your new card number will be ready at 12:00 (in about 3 hours).";
  /* The reissue is what the holder waits on now; the physical card, being
   * prepared since the renewal, is a step already reached. In time order
   * the reissue comes before the physical card's undated next steps. */
  const Expect expected[] = {
    { ANNOUNCED, PAST, "2025-08-30T10:00:00+09:00", NULL },
    { RENEWED, PAST, "2025-11-30T09:00:00+09:00", NULL },
    { PREPARING, PAST, NULL, NULL },
    { REQUESTED, CURRENT, "2025-12-02T09:00:00+09:00",
      "You asked for your card to be reissued with a new number." },
    { READY, UPCOMING, "2025-12-02T12:00:00+09:00", ready },
    { SHIPPED, UPCOMING, NULL, NULL },
    { DELIVERED, UPCOMING, "2025-12-16T00:00:00+09:00", NULL },
  };

  start_reissue (card, "2025-12-02T09:00:00+09:00", "2025-12-02T12:00:00+09:00");

  check_timeline (card, "2025-12-02T09:00:00+09:00", expected, G_N_ELEMENTS (expected));
  check_what_next (card, "2025-12-02T09:00:00+09:00",
                   "Your new card number will be ready at 12:00 (in about 3 hours). "
                   "Your new physical card is being prepared; "
                   "it should arrive around 16 Dec 2025.");

  /* nearer the time, and once the time has passed without the issuer saying so */
  check_what_next (card, "2025-12-02T11:55:00+09:00",
                   "Your new card number will be ready at 12:00 (in 5 minutes). "
                   "Your new physical card is being prepared; "
                   "it should arrive around 16 Dec 2025.");
  check_what_next (card, "2025-12-02T12:01:00+09:00",
                   "Your new card number should be ready any moment now. "
                   "Your new physical card is being prepared; "
                   "it should arrive around 16 Dec 2025.");
}

static void
test_reissue_across_midnight (void)
{
  g_autoptr(AnshinCard) card = renewed_card ();

  anshin_card_set_physical_status (card, ANSHIN_PHYSICAL_CARD_STATUS_DELIVERED);
  start_reissue (card, "2025-12-20T23:00:00+09:00", "2025-12-21T02:00:00+09:00");

  check_what_next (card, "2025-12-20T23:00:00+09:00",
                   "Your new card number will be ready on 21 Dec 2025, 02:00 (in about 3 hours).");
}

static void
test_reissue_local_clock (void)
{
  g_autoptr(AnshinCard) card = renewed_card ();

  anshin_card_set_physical_status (card, ANSHIN_PHYSICAL_CARD_STATUS_DELIVERED);
  start_reissue (card, "2025-12-02T09:00:00+09:00", "2025-12-02T12:00:00+09:00");

  /* 12:00 in Tokyo is 03:00 for a holder whose computer is set to UTC */
  g_setenv ("TZ", "UTC", TRUE);
  check_what_next (card, "2025-12-02T09:00:00+09:00",
                   "Your new card number will be ready at 03:00 (in about 3 hours).");
  g_setenv ("TZ", "JST-9", TRUE);
}

static void
test_reissue_completed (void)
{
  g_autoptr(AnshinCard) card = renewed_card ();
  const Expect expected[] = {
    { ANNOUNCED, PAST, "2025-08-30T10:00:00+09:00", NULL },
    /* •••• 5678 is the reissue's number, not the one the renewal kept */
    { RENEWED, PAST, "2025-11-30T09:00:00+09:00",
      "Your card renewed itself. The new expiry is November 2030." },
    /* with the reissue done, the physical card is what is in progress */
    { PREPARING, CURRENT, NULL, NULL },
    { REQUESTED, PAST, "2025-12-02T09:00:00+09:00", NULL },
    { READY, PAST, "2025-12-02T12:00:00+09:00",
      "Your new card number (•••• 5678) was ready at 12:00." },
    { SHIPPED, UPCOMING, NULL, NULL },
    { DELIVERED, UPCOMING, "2025-12-16T00:00:00+09:00", NULL },
  };

  start_reissue (card, "2025-12-02T09:00:00+09:00", "2025-12-02T12:00:00+09:00");
  anshin_card_set_reissue_status (card, ANSHIN_REISSUE_STATUS_COMPLETED);
  set_time (card, anshin_card_set_reissue_completed_at, "2025-12-02T12:00:00+09:00");
  anshin_card_set_state (card, ANSHIN_CARD_STATE_ACTIVE);
  anshin_card_set_number_last4 (card, "5678");

  check_timeline (card, "2025-12-02T12:30:00+09:00", expected, G_N_ELEMENTS (expected));
  check_what_next (card, "2025-12-02T12:30:00+09:00",
                   "Your new physical card is being prepared; "
                   "it should arrive around 16 Dec 2025.");
}

static void
test_reissue_before_renewal (void)
{
  g_autoptr(AnshinCard) card = seed_card ();
  /* in time order: the reissue happened between the notice and the renewal;
   * nothing is in progress, so no step is current */
  const Expect expected[] = {
    { ANNOUNCED, PAST, "2025-08-30T10:00:00+09:00", NULL },
    { REQUESTED, PAST, "2025-09-15T10:00:00+09:00",
      "You asked for your card to be reissued with the same number." },
    { READY, PAST, "2025-09-15T13:00:00+09:00",
      "Your reissued card was ready at 13:00." },
    { RENEWED, UPCOMING, "2025-11-30T00:00:00+09:00", NULL },
    { PREPARING, UPCOMING, NULL, NULL },
    { SHIPPED, UPCOMING, NULL, NULL },
    { DELIVERED, UPCOMING, NULL, NULL },
  };

  anshin_card_set_reissue_status (card, ANSHIN_REISSUE_STATUS_COMPLETED);
  anshin_card_set_reissue_new_number (card, FALSE);
  set_time (card, anshin_card_set_reissue_requested_at, "2025-09-15T10:00:00+09:00");
  set_time (card, anshin_card_set_reissue_ready_eta, "2025-09-15T13:00:00+09:00");
  set_time (card, anshin_card_set_reissue_completed_at, "2025-09-15T13:00:00+09:00");

  check_timeline (card, "2025-10-01T09:00:00+09:00", expected, G_N_ELEMENTS (expected));
  check_what_next (card, "2025-10-01T09:00:00+09:00",
                   "On 30 Nov 2025 your card renews itself. You don't need to do anything.");
}

static void
test_virtual_only (void)
{
  g_autoptr(AnshinCard) card = renewed_card ();
  const Expect expected[] = {
    { ANNOUNCED, PAST, "2025-08-30T10:00:00+09:00", NULL },
    { RENEWED, PAST, "2025-11-30T09:00:00+09:00", NULL },
  };
  const Expect expected_before[] = {
    { ANNOUNCED, PAST, "2025-08-30T10:00:00+09:00", NULL },
    { RENEWED, UPCOMING, "2025-11-30T00:00:00+09:00", NULL },
  };
  const Expect expected_renewal_day[] = {
    { ANNOUNCED, PAST, "2025-08-30T10:00:00+09:00", NULL },
    { RENEWED, CURRENT, "2025-11-30T00:00:00+09:00", NULL },
  };
  g_autoptr(AnshinCard) before = seed_card ();

  /* no physical steps, even if the issuer reported a physical card status */
  anshin_card_set_form (card, ANSHIN_CARD_FORM_VIRTUAL);
  anshin_card_set_form (before, ANSHIN_CARD_FORM_VIRTUAL);

  check_timeline (card, "2025-11-30T09:00:00+09:00", expected, G_N_ELEMENTS (expected));
  check_what_next (card, "2025-11-30T09:00:00+09:00", NOTHING_NEXT);
  check_timeline (before, "2025-08-30T10:05:00+09:00",
                  expected_before, G_N_ELEMENTS (expected_before));

  /* a physical card status on a virtual-only card does not hide that the
   * renewal day has come */
  anshin_card_set_physical_status (before, ANSHIN_PHYSICAL_CARD_STATUS_PREPARING);
  check_timeline (before, "2025-11-30T08:00:00+09:00",
                  expected_renewal_day, G_N_ELEMENTS (expected_renewal_day));
}

static void
test_new_number_renewal (void)
{
  g_autoptr(AnshinCard) card = seed_card ();
  const Expect expected[] = {
    { ANNOUNCED, PAST, "2025-08-30T10:00:00+09:00", NULL },
    { RENEWED, UPCOMING, "2025-11-30T00:00:00+09:00",
      "Your card renews with a new card number. The new expiry is November 2030." },
  };

  anshin_card_set_form (card, ANSHIN_CARD_FORM_VIRTUAL);
  anshin_card_set_renewal_number_changes (card, TRUE);

  check_timeline (card, "2025-09-01T09:00:00+09:00", expected, G_N_ELEMENTS (expected));
  check_what_next (card, "2025-09-01T09:00:00+09:00",
                   "On 30 Nov 2025 your card renews with a new card number. After that day, "
                   "update the number wherever your card is saved.");
}

static void
test_step_properties (void)
{
  g_autoptr(AnshinCard) card = renewed_card ();
  g_autoptr(GDateTime) now = at ("2025-11-30T09:00:00+09:00");
  g_autoptr(GListModel) steps = anshin_renewal_timeline_new (card, now);
  g_autoptr(AnshinTimelineStep) step = g_list_model_get_item (steps, 1);
  const char *names[] = { "kind", "state", "date", "title", "description" };
  AnshinTimelineStepKind kind;
  AnshinTimelineStepState state;
  g_autoptr(GDateTime) date = NULL;
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;

  g_object_get (step,
                "kind", &kind,
                "state", &state,
                "date", &date,
                "title", &title,
                "description", &description,
                NULL);

  g_assert_cmpint (kind, ==, RENEWED);
  g_assert_cmpint (state, ==, PAST);
  g_assert_true (g_date_time_equal (date, anshin_timeline_step_get_date (step)));
  g_assert_cmpstr (title, ==, "Card renewed");
  g_assert_cmpstr (description, ==, anshin_timeline_step_get_description (step));

  /* templates bind to them; nothing outside the timeline changes them */
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (step), names[i]);

      g_assert_nonnull (pspec);
      g_assert_true (pspec->flags & G_PARAM_READABLE);
      g_assert_false (pspec->flags & G_PARAM_WRITABLE);
    }
}

static void
test_japanese (void)
{
  g_autoptr(AnshinCard) card = seed_card ();
  g_autoptr(GDateTime) now = at ("2025-08-30T10:05:00+09:00");
  g_autoptr(GListModel) steps = NULL;
  g_autoptr(AnshinTimelineStep) renewed = NULL;
  const char *msgid = "Your card renews itself.";
  const char *description;

  g_assert_nonnull (setlocale (LC_ALL, "ja_JP.UTF-8"));
  if (g_strcmp0 (g_dgettext (GETTEXT_PACKAGE, msgid), msgid) == 0 ||
      g_strcmp0 (g_dgettext (GETTEXT_PACKAGE, "%-d %b %Y"), "%-d %b %Y") == 0)
    {
      setlocale (LC_ALL, "C.UTF-8");
      g_test_skip ("ja catalog lacks the renewal sentences or the date format");
      return;
    }

  steps = anshin_renewal_timeline_new (card, now);
  renewed = g_list_model_get_item (steps, 1);
  description = anshin_timeline_step_get_description (renewed);
  g_test_message ("%s", description);

  /* the Japanese sentence carries the masked number and the expiry; the
   * renewal's date is the step's own, beside it, not in the sentence */
  g_assert_cmpstr (description, ==,
                   "カードは自動で更新されます。カード番号はそのまま（•••• 1234）で、"
                   "新しい有効期限は2030年11月です。");
  g_assert_null (strstr (description, "2025年11月30日"));
  g_assert_nonnull (strstr (description, "•••• 1234"));
  g_assert_nonnull (strstr (description, "2030年11月"));
  g_assert_null (strstr (description, "renews"));
  g_assert_cmpstr (anshin_timeline_step_get_title (renewed), !=, "Card renewed");

  g_assert_nonnull (setlocale (LC_ALL, "C.UTF-8"));
}

/* On the Card page, under no callout: the timeline says it all, and
 * "what happens next" is left with nothing to add; with no timeline, it
 * says that nothing is scheduled. */
static void
test_beside_no_moments (void)
{
  g_autoptr(AnshinCard) card = renewed_card ();
  g_autoptr(AnshinCard) plain = anshin_card_new ();
  g_autoptr(GDateTime) now = at ("2025-11-30T09:00:00+09:00");
  g_autoptr(GListModel) steps = anshin_renewal_timeline_new_beside (card, NULL, now);
  g_autoptr(GListModel) full = anshin_renewal_timeline_new (card, now);
  g_autoptr(GListModel) none = anshin_renewal_timeline_new_beside (plain, NULL, now);
  g_autofree char *next = anshin_renewal_timeline_what_next_beside (card, steps, NULL, now);
  g_autofree char *nothing = anshin_renewal_timeline_what_next_beside (plain, none, NULL, now);

  g_assert_cmpuint (g_list_model_get_n_items (steps), ==, g_list_model_get_n_items (full));
  for (guint i = 0; i < g_list_model_get_n_items (steps); i++)
    {
      g_autoptr(AnshinTimelineStep) step = g_list_model_get_item (steps, i);
      g_autoptr(AnshinTimelineStep) same = g_list_model_get_item (full, i);

      g_assert_cmpstr (anshin_timeline_step_get_description (step), ==,
                       anshin_timeline_step_get_description (same));
    }
  g_assert_null (next);
  g_assert_cmpuint (g_list_model_get_n_items (none), ==, 0);
  g_assert_cmpstr (nothing, ==, NOTHING_NEXT);
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("ANSHIN_LOCALEDIR");

  /* the holder's computer runs on Japan time, as the issuer does */
  g_setenv ("TZ", "JST-9", TRUE);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/timeline/no-renewal", test_no_renewal);
  g_test_add_func ("/timeline/announced", test_announced);
  g_test_add_func ("/timeline/renewal-day-before-switch", test_renewal_day_before_switch);
  g_test_add_func ("/timeline/renewed", test_renewed);
  g_test_add_func ("/timeline/shipped", test_shipped);
  g_test_add_func ("/timeline/delivered", test_delivered);
  g_test_add_func ("/timeline/reissue-in-progress", test_reissue_in_progress);
  g_test_add_func ("/timeline/reissue-across-midnight", test_reissue_across_midnight);
  g_test_add_func ("/timeline/reissue-local-clock", test_reissue_local_clock);
  g_test_add_func ("/timeline/reissue-completed", test_reissue_completed);
  g_test_add_func ("/timeline/reissue-before-renewal", test_reissue_before_renewal);
  g_test_add_func ("/timeline/virtual-only", test_virtual_only);
  g_test_add_func ("/timeline/new-number-renewal", test_new_number_renewal);
  g_test_add_func ("/timeline/step-properties", test_step_properties);
  g_test_add_func ("/timeline/japanese", test_japanese);
  g_test_add_func ("/timeline/beside-no-moments", test_beside_no_moments);

  return g_test_run ();
}
