/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "passerelle"

#include "config.h"

#include <glib/gi18n.h>

#include "pa-frameworks.h"
#include "pa-gaps.h"
#include "pa-labour.h"
#include "pa-mapper-cache.h"
#include "pa-mapper-store.h"
#include "pa-store-records.h"

/* The occupation–skill graph of a store, built once (about 75 ms with the
 * whole of ESCO) in a worker thread on a connection of its own, and again
 * only after an import changed the frameworks. Matching a person against it
 * then takes well under a millisecond, on the main thread. */

typedef struct
{
  PaMapper *mapper;
  gint64 generation;
  gboolean building;
  GPtrArray *waiting;   /* GTask */
} Cache;

typedef struct
{
  PaMapper *mapper;
  gint64 generation;
} Built;

static void
built_free (Built *built)
{
  g_clear_object (&built->mapper);
  g_free (built);
}

static void
cache_free (Cache *cache)
{
  g_clear_object (&cache->mapper);
  g_clear_pointer (&cache->waiting, g_ptr_array_unref);
  g_free (cache);
}

static Cache *
cache_of (PaStore *store)
{
  Cache *cache = g_object_get_data (G_OBJECT (store), "pa-mapper-cache");

  if (cache == NULL)
    {
      cache = g_new0 (Cache, 1);
      cache->waiting = g_ptr_array_new_with_free_func (g_object_unref);
      g_object_set_data_full (G_OBJECT (store), "pa-mapper-cache", cache, (GDestroyNotify) cache_free);
    }
  return cache;
}

/**
 * pa_mapper_cache_peek:
 *
 * Returns: (transfer none) (nullable): the store's graph when it is built
 * and current, else %NULL.
 */
PaMapper *
pa_mapper_cache_peek (PaStore *store)
{
  Cache *cache;

  g_return_val_if_fail (PA_IS_STORE (store), NULL);

  cache = cache_of (store);
  if (cache->mapper != NULL && cache->generation != pa_frameworks_get_generation (store))
    g_clear_object (&cache->mapper);
  return cache->mapper;
}

static void
build_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  const char *path = task_data;
  g_autoptr (PaStore) store = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (PaMapper) mapper = NULL;
  gint64 started = g_get_monotonic_time ();
  Built *built;

  store = pa_store_open (path, &error);
  if (store != NULL)
    mapper = pa_mapper_new_from_store (store, &error);
  if (mapper == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_debug ("Occupation graph: %u occupations, %u skills, built in %.1f ms",
           pa_mapper_get_n_occupations (mapper), pa_mapper_get_n_skills (mapper),
           (g_get_monotonic_time () - started) / 1000.0);
  built = g_new0 (Built, 1);
  built->mapper = g_steal_pointer (&mapper);
  built->generation = pa_frameworks_get_generation (store);
  g_task_return_pointer (task, built, (GDestroyNotify) built_free);
}

static void
build_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  PaStore *store = PA_STORE (source);
  Cache *cache = cache_of (store);
  g_autoptr (GError) error = NULL;
  Built *built = g_task_propagate_pointer (G_TASK (result), &error);
  g_autoptr (GPtrArray) waiting = g_steal_pointer (&cache->waiting);

  cache->waiting = g_ptr_array_new_with_free_func (g_object_unref);
  cache->building = FALSE;
  if (built != NULL)
    {
      g_set_object (&cache->mapper, built->mapper);
      cache->generation = built->generation;
      built_free (built);
    }
  for (guint i = 0; i < waiting->len; i++)
    {
      GTask *task = g_ptr_array_index (waiting, i);

      if (error != NULL)
        g_task_return_error (task, g_error_copy (error));
      else
        g_task_return_pointer (task, g_object_ref (cache->mapper), g_object_unref);
    }
}

/**
 * pa_mapper_cache_get_async:
 *
 * Gets the store's graph, building it in a worker thread when there is none
 * yet or the frameworks changed. Several callers share one build.
 */
void
pa_mapper_cache_get_async (PaStore             *store,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;
  Cache *cache;
  PaMapper *mapper;

  g_return_if_fail (PA_IS_STORE (store));

  task = g_task_new (store, cancellable, callback, user_data);
  mapper = pa_mapper_cache_peek (store);
  if (mapper != NULL)
    {
      g_task_return_pointer (task, g_object_ref (mapper), g_object_unref);
      return;
    }
  cache = cache_of (store);
  g_ptr_array_add (cache->waiting, g_steal_pointer (&task));
  if (!cache->building)
    {
      g_autoptr (GTask) build = g_task_new (store, NULL, build_done_cb, NULL);

      cache->building = TRUE;
      g_task_set_task_data (build, g_strdup (pa_store_get_path (store)), g_free);
      g_task_run_in_thread (build, build_thread);
    }
}

/* Returns: (transfer full): the graph, or %NULL with @error set */
PaMapper *
pa_mapper_cache_get_finish (PaStore       *store,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Whether @occupation, or its whole ISCO unit group, is on the shortage list. */
gboolean
pa_mapper_cache_in_shortage (PaMapper   *mapper,
                             GHashTable *shortage,
                             guint       occupation)
{
  const char *isco;
  g_autofree char *isco_uri = NULL;

  if (shortage == NULL)
    return FALSE;
  if (g_hash_table_contains (shortage, pa_mapper_get_occupation_uri (mapper, occupation)))
    return TRUE;
  isco = pa_mapper_get_occupation_isco (mapper, occupation);
  if (isco == NULL)
    return FALSE;
  isco_uri = g_strconcat ("http://data.europa.eu/esco/isco/C", isco, NULL);
  return g_hash_table_contains (shortage, isco_uri);
}

/**
 * pa_ui_plan_add_gap:
 * @skill_label: the skill's label, for the action's title when no module
 *   develops it
 *
 * Closes a gap in a case's plan: a training action for the first catalogue
 * module that develops the skill, or, when the catalogue has none, an action
 * naming the skill to find a training for.
 *
 * Returns: (transfer full): what was added, in words for a toast; %NULL with
 * @error set when the store refused it
 */
char *
pa_ui_plan_add_gap (PaStore     *store,
                    gint64       case_id,
                    const char  *skill_uri,
                    const char  *skill_label,
                    GError     **error)
{
  g_autoptr (GPtrArray) modules = NULL;
  g_autoptr (PaPlanAction) action = NULL;

  g_return_val_if_fail (PA_IS_STORE (store), NULL);
  g_return_val_if_fail (skill_uri != NULL, NULL);

  modules = pa_store_modules_for_skill (store, skill_uri, error);
  if (modules == NULL)
    return NULL;
  if (modules->len > 0)
    {
      PaModule *module = g_ptr_array_index (modules, 0);

      if (!pa_store_plan_add_module (store, case_id, module->id, skill_uri, NULL, error))
        return NULL;
      /* Translators: a toast; %s is a training module's title */
      return g_strdup_printf (_("Module “%s” added to the plan"), module->title);
    }
  action = pa_plan_action_new ();
  action->case_id = case_id;
  g_free (action->kind);
  action->kind = g_strdup ("training");
  /* Translators: a plan action when the catalogue has no module for a skill; %s is the
   * skill (the same words as in the Plan's gaps) */
  action->title = g_strdup_printf (_("Find a training: %s"), skill_label ? skill_label : skill_uri);
  if (!pa_store_plan_action_add (store, action, error))
    return NULL;
  /* Translators: a toast; %s is a skill */
  return g_strdup_printf (_("No module of the catalogue develops “%s”: a plan action names it"),
                          skill_label ? skill_label : skill_uri);
}
