/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pa-vacancy"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "pa-mapper-store.h"
#include "pa-vacancy-match.h"

/* A vacancy profile against every active case: the mapping engine ranks the
 * participants by the required skills (ties broken by the welcome ones), and
 * each result says which required skills are missing and which languages are
 * below the level the employer asks for. A language counts at the lowest of
 * the levels recorded for it; a mother tongue meets any level. */

void
pa_candidate_free (PaCandidate *candidate)
{
  if (candidate == NULL)
    return;
  pa_person_match_free (candidate->match);
  g_ptr_array_unref (candidate->languages_short);
  g_free (candidate);
}

/* Returns: 1 (A1) … 6 (C2), or 0 for anything else. */
int
pa_cefr_rank (const char *level)
{
  if (level == NULL || strlen (level) != 2 || (level[1] != '1' && level[1] != '2'))
    return 0;
  if (level[0] < 'A' || level[0] > 'C')
    return 0;
  return (level[0] - 'A') * 2 + (level[1] - '0');
}

static GPtrArray *
languages_short (PaStore    *store,
                 gint64      case_id,
                 PaVacancy  *vacancy)
{
  GPtrArray *result = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (sqlite3_stmt) stmt = NULL;

  stmt = pa_store_prepare (store,
                           "SELECT mother_tongue, listening, reading, spoken_interaction, "
                           "spoken_production, writing FROM case_language WHERE case_id = ? AND language = ?",
                           NULL);
  if (stmt == NULL)
    return result;
  for (guint i = 0; i < vacancy->languages->len; i++)
    {
      const char *spec = g_ptr_array_index (vacancy->languages, i);
      const char *colon = strchr (spec, ':');
      g_autofree char *lang = g_strndup (spec, colon - spec);
      int wanted = pa_cefr_rank (colon + 1);
      int lowest = 0;
      const char *lowest_text = NULL;

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, case_id);
      sqlite3_bind_text (stmt, 2, lang, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          if (sqlite3_column_int (stmt, 0))
            continue;
          for (int col = 1; col <= 5; col++)
            {
              const char *level = (const char *) sqlite3_column_text (stmt, col);
              int rank = pa_cefr_rank (level);
              if (rank > 0 && (lowest == 0 || rank < lowest))
                {
                  lowest = rank;
                  lowest_text = level;
                }
            }
        }
      if (lowest >= wanted)
        continue;
      if (lowest_text != NULL)
        /* Translators: a language, the level asked for, and the participant's level: "fr B1 (has A2)" */
        g_ptr_array_add (result, g_strdup_printf (_("%s %s (has %s)"), lang, colon + 1, lowest_text));
      else
        /* Translators: a language and the level asked for, when the participant has none recorded */
        g_ptr_array_add (result, g_strdup_printf (_("%s %s (none recorded)"), lang, colon + 1));
    }
  return result;
}

/**
 * pa_vacancy_match:
 *
 * Returns: (transfer full) (element-type PaCandidate): the active cases that
 * bring something to the vacancy, best first; %NULL with @error set when
 * none of its required skills is known to the frameworks.
 */
GPtrArray *
pa_vacancy_match (PaStore    *store,
                  PaMapper   *mapper,
                  PaVacancy  *vacancy,
                  guint       limit,
                  GError    **error)
{
  g_autoptr (GArray) required = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (GArray) nice = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (GArray) people = NULL;
  g_autoptr (GArray) claims = NULL;
  g_autoptr (GPtrArray) ranked = NULL;
  GPtrArray *result;

  g_return_val_if_fail (PA_IS_STORE (store), NULL);
  g_return_val_if_fail (PA_IS_MAPPER (mapper), NULL);

  for (int pass = 0; pass < 2; pass++)
    {
      GPtrArray *uris = pass == 0 ? vacancy->required : vacancy->nice;
      for (guint i = 0; i < uris->len; i++)
        {
          guint skill;
          if (pa_mapper_lookup_skill (mapper, g_ptr_array_index (uris, i), &skill))
            g_array_append_val (pass == 0 ? required : nice, skill);
        }
    }
  if (required->len == 0)
    {
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_NOT_FOUND,
                   _("None of the skills the vacancy “%s” requires is known: import ESCO first."),
                   vacancy->title ? vacancy->title : "");
      return NULL;
    }
  if (!pa_mapper_load_people (mapper, store, &people, &claims, error))
    return NULL;
  ranked = pa_mapper_match_people (mapper, (guint *) (gpointer) required->data, required->len,
                                   (guint *) (gpointer) nice->data, nice->len,
                                   (PaMapperPerson *) (gpointer) people->data, people->len,
                                   (PaMapperClaim *) (gpointer) claims->data, limit);

  result = g_ptr_array_new_with_free_func ((GDestroyNotify) pa_candidate_free);
  for (guint i = 0; i < ranked->len; i++)
    {
      PaCandidate *c = g_new0 (PaCandidate, 1);
      c->match = g_ptr_array_steal_index (ranked, i--);
      c->languages_short = languages_short (store, c->match->person, vacancy);
      g_ptr_array_add (result, c);
    }
  return result;
}
