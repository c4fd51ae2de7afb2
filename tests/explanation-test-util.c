/* explanation-test-util.c
 *
 * Copyright 2026 The Anshin Wallet authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the holder reads of an explanation on one screen, and the check
 * that no screen says the same date or sentence twice: shared by the
 * explainer, activity and moments tests (notices, payment methods and
 * transactions, table by table and at every step of the scenarios).
 */

#include "config.h"

#include <string.h>

#include "anshin-format.h"

#include "explanation-test-util.h"

/* What the holder reads of @explanation on one screen, as the view shows
 * it: the sections (what happens next only if no action says it), the
 * actions' descriptions and the schedule's rows. */
GPtrArray *
explanation_test_screen_texts (AnshinExplanation *explanation)
{
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);
  GListModel *actions = anshin_explanation_get_actions (explanation);
  GListModel *schedule = anshin_explanation_get_schedule (explanation);
  const char *what_next = anshin_explanation_get_what_next (explanation);
  const char *sections[] = {
    anshin_explanation_get_headline (explanation),
    anshin_explanation_get_what_happened (explanation),
    anshin_explanation_get_evidence (explanation),
    anshin_explanation_get_what_to_do (explanation),
    anshin_explanation_get_programme_impact (explanation),
  };
  gboolean next_said = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    if (sections[i] != NULL)
      g_ptr_array_add (texts, g_strdup (sections[i]));

  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr(AnshinAction) action = g_list_model_get_item (actions, i);
      const char *description = anshin_action_get_description (action);

      if (description != NULL)
        g_ptr_array_add (texts, g_strdup (description));
      else if (anshin_action_get_kind (action) == ANSHIN_ACTION_KIND_WAIT &&
               anshin_action_get_when (action) != NULL)
        /* the view's advice then says until when: "You can wait until …" */
        g_ptr_array_add (texts, anshin_format_date_time (anshin_action_get_when (action)));
      next_said = next_said || g_strcmp0 (description, what_next) == 0;
    }
  if (what_next != NULL && !next_said)
    g_ptr_array_add (texts, g_strdup (what_next));

  for (guint i = 0; i < g_list_model_get_n_items (schedule); i++)
    {
      g_autoptr(AnshinScheduleItem) item = g_list_model_get_item (schedule, i);

      g_ptr_array_add (texts, g_strdup_printf ("%s: %s", anshin_schedule_item_get_label (item),
                                               anshin_schedule_item_get_text (item)));
    }

  return texts;
}

/* No screen states the same date, or the same sentence, twice: @texts
 * are what one screen shows. */
void
explanation_test_assert_texts_say_once (GPtrArray *texts)
{
  static const char *date_pattern =
    "\\d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \\d{4}"
    "|(January|February|March|April|May|June|July|August|September|October|November|December) \\d{4}"
    "|\\d{4}年\\d{1,2}月(\\d{1,2}日)?";
  g_autoptr(GRegex) dates = g_regex_new (date_pattern, 0, 0, NULL);
  g_autoptr(GRegex) sentences = g_regex_new ("(?<=[.;:])\\s+|(?<=[。；：])", 0, 0, NULL);
  g_autoptr(GHashTable) seen_dates = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) seen_sentences = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < texts->len; i++)
    {
      const char *text = g_ptr_array_index (texts, i);
      g_autoptr(GMatchInfo) match = NULL;
      g_auto(GStrv) parts = g_regex_split (sentences, text, 0);

      g_regex_match (dates, text, 0, &match);
      while (g_match_info_matches (match))
        {
          char *date = g_match_info_fetch (match, 0);

          if (g_hash_table_contains (seen_dates, date))
            g_error ("the date “%s” is said twice (again in “%s”)", date, text);
          g_hash_table_add (seen_dates, date);
          g_match_info_next (match, NULL);
        }

      for (guint j = 0; parts[j] != NULL; j++)
        {
          g_strstrip (parts[j]);
          if (strlen (parts[j]) < 12)
            continue;
          if (g_hash_table_contains (seen_sentences, parts[j]))
            g_error ("“%s” is said twice", parts[j]);
          g_hash_table_add (seen_sentences, g_strdup (parts[j]));
        }
    }
}


void
explanation_test_assert_says_once (AnshinExplanation *explanation)
{
  g_autoptr(GPtrArray) texts = explanation_test_screen_texts (explanation);

  explanation_test_assert_texts_say_once (texts);
}
