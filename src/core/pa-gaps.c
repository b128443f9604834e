/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pa-gaps"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>

#include "pa-cohort.h"
#include "pa-gaps.h"
#include "pa-mapper-store.h"
#include "pa-store-private.h"

/* Gaps to training: what a person lacks for a target occupation, mapped to
 * the catalogue modules that develop it, one click from the action plan. */

void
pa_gap_free (PaGap *gap)
{
  if (gap == NULL)
    return;
  g_free (gap->skill_uri);
  g_free (gap->label);
  g_ptr_array_unref (gap->modules);
  g_free (gap);
}

/**
 * pa_gaps_for_occupation:
 *
 * Returns: (transfer container) (element-type PaGap): the occupation's
 * essential skills the case does not claim directly, in the engine's order,
 * each with the modules that develop it (possibly none); %NULL with @error
 * set when the occupation is unknown.
 */
GPtrArray *
pa_gaps_for_occupation (PaStore     *store,
                        PaMapper    *mapper,
                        gint64       case_id,
                        const char  *occupation_uri,
                        const char  *lang,
                        GError     **error)
{
  g_autoptr (GPtrArray) gaps = g_ptr_array_new_with_free_func ((GDestroyNotify) pa_gap_free);
  g_autoptr (GArray) claims = NULL;
  g_autoptr (PaMatch) match = NULL;
  guint occupation;

  g_return_val_if_fail (PA_IS_STORE (store), NULL);
  g_return_val_if_fail (PA_IS_MAPPER (mapper), NULL);

  if (!pa_mapper_lookup_occupation (mapper, occupation_uri, &occupation))
    {
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_NOT_FOUND,
                   _("“%s” is not an occupation of the imported frameworks."), occupation_uri);
      return NULL;
    }
  claims = pa_mapper_case_claims (mapper, store, case_id, error);
  if (claims == NULL)
    return NULL;
  match = pa_mapper_match_one (mapper, (PaMapperClaim *) (gpointer) claims->data, claims->len, occupation);

  for (guint i = 0; i < match->missing->len; i++)
    {
      const char *uri = pa_mapper_get_skill_uri (mapper, g_array_index (match->missing, guint, i));
      PaGap *gap = g_new0 (PaGap, 1);

      gap->skill_uri = g_strdup (uri);
      gap->label = pa_concept_label (store, uri, lang);
      if (gap->label == NULL)
        gap->label = g_strdup (uri);
      gap->modules = pa_store_modules_for_skill (store, uri, error);
      if (gap->modules == NULL)
        {
          pa_gap_free (gap);
          return NULL;
        }
      g_ptr_array_add (gaps, gap);
    }
  return g_steal_pointer (&gaps);
}

/**
 * pa_store_plan_add_module:
 * @skill_uri: (nullable): the missing skill the module closes
 * @action_id: (out) (optional): the new action's id
 *
 * Adds a training action for a catalogue module to the case's plan. One
 * transaction.
 */
gboolean
pa_store_plan_add_module (PaStore     *store,
                          gint64       case_id,
                          gint64       module_id,
                          const char  *skill_uri,
                          gint64      *action_id,
                          GError     **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (PA_IS_STORE (store), FALSE);

  if (!pa_store_begin (store, error))
    return FALSE;
  stmt = pa_store_prepare (store,
                           "INSERT INTO plan_action (case_id, kind, title, status, module_id, skill_uri) "
                           "SELECT c.id, 'training', m.title, 'planned', m.id, ?3 "
                           "FROM case_file c, training_module m WHERE c.id = ?1 AND m.id = ?2",
                           error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, case_id);
  sqlite3_bind_int64 (stmt, 2, module_id);
  if (skill_uri)
    sqlite3_bind_text (stmt, 3, skill_uri, -1, SQLITE_STATIC);
  if (!pa_store_step_done (store, stmt, error))
    goto fail;
  if (sqlite3_changes (pa_store_get_db (store)) == 0)
    {
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_NOT_FOUND,
                   _("There is no case %" PRId64 " or no module %" PRId64 "."),
                   case_id, module_id);
      goto fail;
    }
  if (action_id)
    *action_id = sqlite3_last_insert_rowid (pa_store_get_db (store));
  if (!pa_store_audit (store, "plan.add", case_id, "plan_action", NULL, error) ||
      !pa_store_commit (store, error))
    goto fail;
  pa_store_emit_case_changed (store, case_id);
  return TRUE;

fail:
  pa_store_rollback (store);
  return FALSE;
}
