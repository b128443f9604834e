/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pa-cohort"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>

#include "pa-builtin-frameworks.h"
#include "pa-cohort.h"
#include "pa-mapper-store.h"

/* A seminar group's competences at a glance: claims per skill and per
 * framework area, and the occupations that come up most often among the
 * participants' best matches. */

static void
count_free (PaCohortCount *count)
{
  g_free (count->key);
  g_free (count->label);
  g_free (count);
}

static void
occupation_free (PaCohortOccupation *occ)
{
  g_free (occ->occupation_uri);
  g_free (occ->label);
  g_free (occ);
}

void
pa_cohort_free (PaCohort *cohort)
{
  if (cohort == NULL)
    return;
  g_ptr_array_unref (cohort->by_skill);
  g_ptr_array_unref (cohort->by_area);
  g_ptr_array_unref (cohort->occupations);
  g_free (cohort);
}

/**
 * pa_concept_label:
 * @lang: (nullable): the language wanted; English is the fallback
 *
 * Returns: (transfer full) (nullable): the concept's preferred label, or
 * %NULL when the store does not know the concept.
 */
char *
pa_concept_label (PaStore    *store,
                  const char *uri,
                  const char *lang)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;

  if (!pa_builtin_frameworks_ensure (store, NULL))
    return NULL;
  stmt = pa_store_prepare (store,
                           "SELECT l.text FROM concept_label l JOIN concept c ON c.id = l.concept_id "
                           "WHERE c.uri = ?1 AND l.kind = 'preferred' "
                           "ORDER BY l.lang = ?2 DESC, l.lang = 'en' DESC, l.lang LIMIT 1",
                           NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, uri, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, lang ? lang : "en", -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

static int
compare_counts (gconstpointer a,
                gconstpointer b)
{
  const PaCohortCount *ca = *(PaCohortCount **) a;
  const PaCohortCount *cb = *(PaCohortCount **) b;

  if (ca->n_people != cb->n_people)
    return ca->n_people > cb->n_people ? -1 : 1;
  if (ca->n_claims != cb->n_claims)
    return ca->n_claims > cb->n_claims ? -1 : 1;
  return strcmp (ca->key, cb->key);
}

static int
compare_occupations (gconstpointer a,
                     gconstpointer b)
{
  const PaCohortOccupation *oa = *(PaCohortOccupation **) a;
  const PaCohortOccupation *ob = *(PaCohortOccupation **) b;

  if (oa->n_people != ob->n_people)
    return oa->n_people > ob->n_people ? -1 : 1;
  if (oa->mean_score != ob->mean_score)
    return oa->mean_score > ob->mean_score ? -1 : 1;
  return strcmp (oa->occupation_uri, ob->occupation_uri);
}

static PaCohortCount *
lookup_count (GHashTable *table,
              const char *key)
{
  PaCohortCount *count = g_hash_table_lookup (table, key);

  if (count == NULL)
    {
      count = g_new0 (PaCohortCount, 1);
      count->key = g_strdup (key);
      g_hash_table_insert (table, count->key, count);
    }
  return count;
}

/* The top of the skill's hierarchy (an ESCO pillar group such as "S1"), or
 * the framework's code for items of other frameworks. */
static char *
area_of (PaStore    *store,
         const char *uri,
         const char *framework)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;

  stmt = pa_store_prepare (store,
                           "WITH RECURSIVE up (id, depth) AS ("
                           "  SELECT id, 0 FROM concept WHERE uri = ?"
                           "  UNION SELECT r.target_id, up.depth + 1 FROM concept_relation r "
                           "  JOIN up ON r.source_id = up.id WHERE r.kind = 'broader' AND up.depth < 12) "
                           "SELECT c.uri FROM up JOIN concept c ON c.id = up.id "
                           "WHERE NOT EXISTS (SELECT 1 FROM concept_relation r "
                           "                  WHERE r.source_id = up.id AND r.kind = 'broader') "
                           "ORDER BY up.depth DESC, c.uri LIMIT 1",
                           NULL);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, uri, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) == SQLITE_ROW && g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), uri) != 0)
        return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    }
  return g_strdup (framework);
}

/**
 * pa_cohort_build:
 * @mapper: (nullable): the engine; without it no occupations are listed
 * @top_per_person: how many of each participant's best matches count
 *
 * Returns: (transfer full): the seminar's cohort view, or %NULL with @error
 * set (%PA_STORE_ERROR_NOT_FOUND when there is no such seminar).
 */
PaCohort *
pa_cohort_build (PaStore     *store,
                 PaMapper    *mapper,
                 gint64       seminar_id,
                 const char  *lang,
                 guint        top_per_person,
                 GError     **error)
{
  g_autoptr (PaCohort) cohort = g_new0 (PaCohort, 1);
  g_autoptr (sqlite3_stmt) seminar = NULL;
  g_autoptr (sqlite3_stmt) people = NULL;
  g_autoptr (sqlite3_stmt) claims = NULL;
  g_autoptr (GHashTable) skills = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) areas = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) area_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr (GHashTable) occupations = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer value;
  int rc;

  g_return_val_if_fail (PA_IS_STORE (store), NULL);

  cohort->seminar_id = seminar_id;
  cohort->by_skill = g_ptr_array_new_with_free_func ((GDestroyNotify) count_free);
  cohort->by_area = g_ptr_array_new_with_free_func ((GDestroyNotify) count_free);
  cohort->occupations = g_ptr_array_new_with_free_func ((GDestroyNotify) occupation_free);

  seminar = pa_store_prepare (store, "SELECT 1 FROM seminar WHERE id = ?", error);
  if (seminar == NULL)
    return NULL;
  sqlite3_bind_int64 (seminar, 1, seminar_id);
  if (sqlite3_step (seminar) != SQLITE_ROW)
    {
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_NOT_FOUND,
                   _("There is no seminar with the number %" PRId64 "."), seminar_id);
      return NULL;
    }

  people = pa_store_prepare (store, "SELECT p.case_id FROM seminar_participant p JOIN case_file c "
                                    "ON c.id = p.case_id WHERE p.seminar_id = ? AND c.trashed_at IS NULL "
                                    "ORDER BY p.case_id", error);
  claims = pa_store_prepare (store, "SELECT item_uri, framework, stage, label FROM claim WHERE case_id = ?", error);
  if (people == NULL || claims == NULL)
    return NULL;
  sqlite3_bind_int64 (people, 1, seminar_id);
  while ((rc = sqlite3_step (people)) == SQLITE_ROW)
    {
      gint64 case_id = sqlite3_column_int64 (people, 0);
      g_autoptr (GHashTable) seen_skill = g_hash_table_new (g_str_hash, g_str_equal);
      g_autoptr (GHashTable) seen_area = g_hash_table_new (g_str_hash, g_str_equal);

      cohort->n_people++;
      sqlite3_reset (claims);
      sqlite3_bind_int64 (claims, 1, case_id);
      while (sqlite3_step (claims) == SQLITE_ROW)
        {
          const char *uri = (const char *) sqlite3_column_text (claims, 0);
          const char *framework = (const char *) sqlite3_column_text (claims, 1);
          int stage = CLAMP (sqlite3_column_int (claims, 2), 1, 4);
          PaCohortCount *skill = lookup_count (skills, uri);
          PaCohortCount *area;
          const char *area_key = g_hash_table_lookup (area_cache, uri);

          if (skill->label == NULL)
            {
              skill->label = pa_concept_label (store, uri, lang);
              if (skill->label == NULL)
                skill->label = g_strdup ((const char *) sqlite3_column_text (claims, 3));
            }
          if (area_key == NULL)
            {
              char *found = area_of (store, uri, framework);
              g_hash_table_insert (area_cache, g_strdup (uri), found);
              area_key = found;
            }
          area = lookup_count (areas, area_key);
          if (area->label == NULL)
            {
              area->label = pa_concept_label (store, area_key, lang);
              if (area->label == NULL)
                area->label = g_strdup (area_key);
            }

          skill->n_claims++;
          skill->by_stage[stage]++;
          area->n_claims++;
          area->by_stage[stage]++;
          if (g_hash_table_add (seen_skill, skill->key))
            skill->n_people++;
          if (g_hash_table_add (seen_area, area->key))
            area->n_people++;
        }

      if (mapper != NULL && top_per_person > 0)
        {
          g_autoptr (GArray) mine = pa_mapper_case_claims (mapper, store, case_id, error);
          g_autoptr (GPtrArray) best = NULL;

          if (mine == NULL)
            return NULL;
          best = pa_mapper_match (mapper, (PaMapperClaim *) (gpointer) mine->data, mine->len, top_per_person);
          for (guint i = 0; i < best->len; i++)
            {
              PaMatch *m = g_ptr_array_index (best, i);
              const char *uri = pa_mapper_get_occupation_uri (mapper, m->occupation);
              PaCohortOccupation *occ = g_hash_table_lookup (occupations, uri);

              if (occ == NULL)
                {
                  occ = g_new0 (PaCohortOccupation, 1);
                  occ->occupation_uri = g_strdup (uri);
                  occ->label = pa_concept_label (store, uri, lang);
                  if (occ->label == NULL)
                    occ->label = g_strdup (uri);
                  g_hash_table_insert (occupations, occ->occupation_uri, occ);
                }
              occ->mean_score += m->score;   /* summed here, divided below */
              occ->n_people++;
            }
        }
    }
  if (rc != SQLITE_DONE)
    {
      pa_store_set_error (store, rc, error);
      return NULL;
    }

  g_hash_table_iter_init (&iter, skills);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (cohort->by_skill, value);
  g_hash_table_iter_init (&iter, areas);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (cohort->by_area, value);
  g_hash_table_iter_init (&iter, occupations);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      PaCohortOccupation *occ = value;
      occ->mean_score /= occ->n_people;
      g_ptr_array_add (cohort->occupations, occ);
    }
  g_ptr_array_sort (cohort->by_skill, compare_counts);
  g_ptr_array_sort (cohort->by_area, compare_counts);
  g_ptr_array_sort (cohort->occupations, compare_occupations);
  return g_steal_pointer (&cohort);
}
