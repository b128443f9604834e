/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pa-mapper"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "pa-builtin-frameworks.h"
#include "pa-mapper-store.h"

/* Builds the engine's graph from the frameworks in the store, and reads the
 * claims of cases in the engine's terms. The graph is built once and again
 * after an import; it holds released occupations, every skill and knowledge
 * concept, the essential and optional requirements, and the broader links
 * between skills. */

/**
 * pa_mapper_new_from_store:
 *
 * Returns: (transfer full): the frozen graph of the store's frameworks (empty
 * when nothing was imported), or %NULL with @error set.
 */
PaMapper *
pa_mapper_new_from_store (PaStore  *store,
                          GError  **error)
{
  g_autoptr (PaMapper) mapper = pa_mapper_new ();
  g_autoptr (sqlite3_stmt) nodes = NULL;
  g_autoptr (sqlite3_stmt) edges = NULL;
  g_autoptr (GArray) index_of = g_array_new (FALSE, TRUE, sizeof (guint));
  g_autoptr (GArray) is_occupation = g_array_new (FALSE, TRUE, sizeof (guint8));
  int rc;

  g_return_val_if_fail (PA_IS_STORE (store), NULL);

  if (!pa_builtin_frameworks_ensure (store, error))
    return NULL;
  /* Ids are dense; a plain array maps concept id → engine index (+1). */
  nodes = pa_store_prepare (store,
                            "SELECT id, uri, kind, isco_code FROM concept "
                            "WHERE (kind = 'occupation' AND status = 'released') "
                            "OR kind IN ('skill', 'knowledge') ORDER BY id",
                            error);
  if (nodes == NULL)
    return NULL;
  while ((rc = sqlite3_step (nodes)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (nodes, 0);
      const char *uri = (const char *) sqlite3_column_text (nodes, 1);
      gboolean occupation = g_strcmp0 ((const char *) sqlite3_column_text (nodes, 2), "occupation") == 0;
      guint index;
      guint8 flag = occupation;

      if (id <= 0 || id > G_MAXINT32)
        continue;
      if (occupation)
        index = pa_mapper_add_occupation (mapper, uri, (const char *) sqlite3_column_text (nodes, 3));
      else
        index = pa_mapper_add_skill (mapper, uri);
      if ((guint) id >= index_of->len)
        {
          g_array_set_size (index_of, (guint) id + 1);
          g_array_set_size (is_occupation, (guint) id + 1);
        }
      g_array_index (index_of, guint, id) = index + 1;
      g_array_index (is_occupation, guint8, id) = flag;
    }
  if (rc != SQLITE_DONE)
    {
      pa_store_set_error (store, rc, error);
      return NULL;
    }

  edges = pa_store_prepare (store,
                            "SELECT source_id, kind, target_id FROM concept_relation "
                            "WHERE kind IN ('essential', 'optional', 'broader')",
                            error);
  if (edges == NULL)
    return NULL;
  while ((rc = sqlite3_step (edges)) == SQLITE_ROW)
    {
      gint64 source = sqlite3_column_int64 (edges, 0);
      gint64 target = sqlite3_column_int64 (edges, 2);
      const char *kind = (const char *) sqlite3_column_text (edges, 1);
      guint s, t;

      if (source <= 0 || target <= 0 || (guint64) source >= index_of->len ||
          (guint64) target >= index_of->len)
        continue;
      s = g_array_index (index_of, guint, source);
      t = g_array_index (index_of, guint, target);
      if (s == 0 || t == 0)
        continue;
      if (kind[0] == 'b')
        {
          if (!g_array_index (is_occupation, guint8, source) && !g_array_index (is_occupation, guint8, target))
            pa_mapper_add_broader (mapper, s - 1, t - 1);
        }
      else if (g_array_index (is_occupation, guint8, source) && !g_array_index (is_occupation, guint8, target))
        pa_mapper_add_requirement (mapper, s - 1, t - 1, kind[0] == 'e');
    }
  if (rc != SQLITE_DONE)
    {
      pa_store_set_error (store, rc, error);
      return NULL;
    }

  pa_mapper_freeze (mapper);
  return g_steal_pointer (&mapper);
}

/**
 * pa_mapper_level_factor:
 * @level: (nullable): a claim's level: a CEFR level (A1…C2), a numbered
 *   level (1…8, as in EQF or DigComp), or basic/intermediate/advanced/expert
 *
 * Returns: 0.5 … 1.0: how much the level lets a claim weigh; 1.0 when no
 * level was recorded or it is not understood, so a missing level never costs.
 */
double
pa_mapper_level_factor (const char *level)
{
  guint64 n;

  if (level == NULL || *level == '\0')
    return 1.0;
  if ((level[0] == 'A' || level[0] == 'B' || level[0] == 'C') && (level[1] == '1' || level[1] == '2') &&
      level[2] == '\0')
    {
      int step = (level[0] - 'A') * 2 + (level[1] - '1');   /* 0 … 5 */
      return 0.5 + 0.1 * step;
    }
  if (g_ascii_string_to_unsigned (level, 10, 1, 8, &n, NULL))
    return 0.5 + 0.5 * (double) (n - 1) / 7.0;
  if (g_ascii_strcasecmp (level, "basic") == 0)
    return 0.6;
  if (g_ascii_strcasecmp (level, "intermediate") == 0)
    return 0.8;
  if (g_ascii_strcasecmp (level, "advanced") == 0 || g_ascii_strcasecmp (level, "expert") == 0)
    return 1.0;
  return 1.0;
}

/**
 * pa_mapper_case_claims:
 *
 * Returns: (transfer full) (element-type PaMapperClaim): the case's claims on
 * skills the graph knows; claims on other framework items are left out.
 */
GArray *
pa_mapper_case_claims (PaMapper  *mapper,
                       PaStore   *store,
                       gint64     case_id,
                       GError   **error)
{
  g_autoptr (GArray) claims = g_array_new (FALSE, FALSE, sizeof (PaMapperClaim));
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (PA_IS_MAPPER (mapper), NULL);
  g_return_val_if_fail (PA_IS_STORE (store), NULL);

  stmt = pa_store_prepare (store, "SELECT item_uri, stage, level FROM claim WHERE case_id = ? "
                                  "ORDER BY item_uri", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, case_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PaMapperClaim claim;

      if (!pa_mapper_lookup_skill (mapper, (const char *) sqlite3_column_text (stmt, 0), &claim.skill))
        continue;
      claim.stage = sqlite3_column_int (stmt, 1);
      claim.level_factor = pa_mapper_level_factor ((const char *) sqlite3_column_text (stmt, 2));
      g_array_append_val (claims, claim);
    }
  if (rc != SQLITE_DONE)
    {
      pa_store_set_error (store, rc, error);
      return NULL;
    }
  return g_steal_pointer (&claims);
}

/**
 * pa_mapper_load_people:
 * @people: (out) (transfer full) (element-type PaMapperPerson)
 * @claims: (out) (transfer full) (element-type PaMapperClaim)
 *
 * Reads the claims of every active case at once, for matching a vacancy
 * against all participants.
 */
gboolean
pa_mapper_load_people (PaMapper  *mapper,
                       PaStore   *store,
                       GArray   **people,
                       GArray   **claims,
                       GError   **error)
{
  g_autoptr (GArray) p = g_array_new (FALSE, FALSE, sizeof (PaMapperPerson));
  g_autoptr (GArray) c = g_array_new (FALSE, FALSE, sizeof (PaMapperClaim));
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (PA_IS_MAPPER (mapper), FALSE);
  g_return_val_if_fail (PA_IS_STORE (store), FALSE);

  stmt = pa_store_prepare (store,
                           "SELECT k.case_id, k.item_uri, k.stage, k.level FROM claim k "
                           "JOIN case_file f ON f.id = k.case_id WHERE f.trashed_at IS NULL "
                           "ORDER BY k.case_id",
                           error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 case_id = sqlite3_column_int64 (stmt, 0);
      PaMapperClaim claim;

      if (!pa_mapper_lookup_skill (mapper, (const char *) sqlite3_column_text (stmt, 1), &claim.skill))
        continue;
      claim.stage = sqlite3_column_int (stmt, 2);
      claim.level_factor = pa_mapper_level_factor ((const char *) sqlite3_column_text (stmt, 3));
      if (p->len == 0 || g_array_index (p, PaMapperPerson, p->len - 1).person != case_id)
        {
          PaMapperPerson person = { case_id, c->len, 0 };
          g_array_append_val (p, person);
        }
      g_array_index (p, PaMapperPerson, p->len - 1).n_claims++;
      g_array_append_val (c, claim);
    }
  if (rc != SQLITE_DONE)
    return pa_store_set_error (store, rc, error);
  *people = g_steal_pointer (&p);
  *claims = g_steal_pointer (&c);
  return TRUE;
}
