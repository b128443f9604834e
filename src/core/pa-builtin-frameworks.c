/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pa-frameworks"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "pa-builtin-frameworks.h"
#include "pa-fold.h"
#include "pa-framework-xml.h"
#include "pa-frameworks.h"

/*
 * The frameworks shipped with Passerelle (CEFR, EQF, DigComp, ISCED, ISCO-08,
 * transversal skills and migration meta-competences) are copied into the
 * store's concept tables, so that search, claims and matching treat them
 * like imported ones and the application is useful before any ESCO import.
 *
 * An item that coincides with an ESCO concept (a transversal skill, a
 * DigComp competence, an ISCO group) is stored under its ESCO URI, so that
 * claims, search and matching meet one concept; other items get
 * "urn:passerelle:<framework>:<code>". An ESCO import shares such concepts:
 * it adds its labels and relations to them. A concept that an ESCO import
 * created first stays ESCO's; the built-in copy then only adds labels in
 * languages it lacks. The copy is refreshed when the shipped files change.
 *
 * The copy is made when something first needs the frameworks (search, the
 * mapping engine, an import), not when a store opens: a case list never
 * waits for it.
 */

#define SETTING_DIGEST "frameworks.builtin-digest"

/* Returns: (transfer full): the URI of a built-in item that has no ESCO URI. */
char *
pa_builtin_item_uri (const char *framework,
                     const char *code)
{
  return g_strdup_printf ("urn:passerelle:%s:%s", framework, code);
}

static char *
builtin_digest (void)
{
  g_autoptr (GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  const char *const *ids = pa_framework_builtin_ids ();

  g_checksum_update (sum, (const guchar *) "builtin-1", -1);
  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autofree char *path = pa_framework_builtin_resource_path (ids[i]);
      g_autoptr (GBytes) bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
      if (bytes != NULL)
        g_checksum_update (sum, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
    }
  return g_strdup (g_checksum_get_string (sum));
}

typedef struct
{
  PaStore *store;
  const char *framework;
  gint64 framework_id;
  sqlite3_stmt *find;
  sqlite3_stmt *insert;
  sqlite3_stmt *update;
  sqlite3_stmt *label;
  sqlite3_stmt *description;
  sqlite3_stmt *relation;
  sqlite3_stmt *member;
  GHashTable *seen;          /* concept ids of this framework in the file */
  guint position;
  GError *error;
} Sync;

typedef struct
{
  Sync *sync;
  gint64 concept_id;
  gboolean owned;
} TextTarget;

static void
add_label_cb (const char *lang,
              const char *value,
              gpointer    user_data)
{
  TextTarget *t = user_data;
  g_autofree char *clean = pa_label_clean (value, -1);
  g_autofree char *folded = NULL;

  if (t->sync->error != NULL || clean == NULL || *clean == '\0')
    return;
  folded = pa_fold_text (clean);
  /* A concept owned by another framework keeps its labels; we only fill in
   * languages it does not have (INSERT OR IGNORE on the preferred index). */
  sqlite3_reset (t->sync->label);
  sqlite3_bind_int64 (t->sync->label, 1, t->concept_id);
  sqlite3_bind_text (t->sync->label, 2, lang, -1, SQLITE_STATIC);
  sqlite3_bind_text (t->sync->label, 3, clean, -1, SQLITE_STATIC);
  sqlite3_bind_text (t->sync->label, 4, folded, -1, SQLITE_STATIC);
  pa_store_step_done (t->sync->store, t->sync->label, &t->sync->error);
}

static void
add_description_cb (const char *lang,
                    const char *value,
                    gpointer    user_data)
{
  TextTarget *t = user_data;

  if (t->sync->error != NULL || value == NULL || *value == '\0')
    return;
  sqlite3_reset (t->sync->description);
  sqlite3_bind_int64 (t->sync->description, 1, t->concept_id);
  sqlite3_bind_text (t->sync->description, 2, lang, -1, SQLITE_STATIC);
  sqlite3_bind_text (t->sync->description, 3, value, -1, SQLITE_STATIC);
  pa_store_step_done (t->sync->store, t->sync->description, &t->sync->error);
}

/* The kind the store and search use for an item of a built-in framework. */
static const char *
store_kind (const char *framework,
            const char *item_kind)
{
  if (g_str_equal (framework, "cefr"))
    return "language-skill";
  if (g_str_equal (item_kind, "competence") || g_str_equal (item_kind, "skill") ||
      g_str_equal (item_kind, "meta-competence"))
    return "skill";
  if (g_str_equal (item_kind, "area") || g_str_equal (item_kind, "group"))
    return "skill_group";
  if (g_str_has_suffix (item_kind, "-group"))
    return "isco_group";
  return item_kind;
}

static gint64
upsert_concept (Sync                  *sync,
                const PaFrameworkItem *item,
                gboolean              *owned)
{
  const char *esco = pa_framework_item_get_esco_uri (item);
  const char *code = pa_framework_item_get_code (item);
  g_autofree char *uri = esco ? g_strdup (esco) : pa_builtin_item_uri (sync->framework, code);
  const char *kind = store_kind (sync->framework, pa_framework_item_get_kind (item));

  sqlite3_reset (sync->find);
  sqlite3_bind_text (sync->find, 1, uri, -1, SQLITE_STATIC);
  if (sqlite3_step (sync->find) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (sync->find, 0);
      *owned = sqlite3_column_int64 (sync->find, 1) == sync->framework_id;
      sqlite3_reset (sync->find);
      if (*owned)
        {
          sqlite3_reset (sync->update);
          sqlite3_bind_text (sync->update, 1, kind, -1, SQLITE_STATIC);
          sqlite3_bind_text (sync->update, 2, code, -1, SQLITE_STATIC);
          sqlite3_bind_int (sync->update, 3, sync->position);
          sqlite3_bind_int64 (sync->update, 4, id);
          if (!pa_store_step_done (sync->store, sync->update, &sync->error))
            return 0;
        }
      return id;
    }
  sqlite3_reset (sync->find);
  sqlite3_reset (sync->insert);
  sqlite3_bind_int64 (sync->insert, 1, sync->framework_id);
  sqlite3_bind_text (sync->insert, 2, uri, -1, SQLITE_STATIC);
  sqlite3_bind_text (sync->insert, 3, kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (sync->insert, 4, code, -1, SQLITE_STATIC);
  sqlite3_bind_int (sync->insert, 5, sync->position);
  if (!pa_store_step_done (sync->store, sync->insert, &sync->error))
    return 0;
  *owned = TRUE;
  return sqlite3_last_insert_rowid (pa_store_get_db (sync->store));
}

static gboolean
item_cb (const PaFrameworkItem *item,
         gpointer               user_data)
{
  Sync *sync = user_data;
  const PaFrameworkItem *parent = pa_framework_item_get_parent (item);
  g_autofree char *collection = g_strconcat ("builtin:", sync->framework, NULL);
  TextTarget target = { sync, 0, FALSE };

  sync->position++;
  target.concept_id = upsert_concept (sync, item, &target.owned);
  if (target.concept_id == 0)
    return FALSE;
  g_hash_table_add (sync->seen, GINT_TO_POINTER ((gint) target.concept_id));

  pa_framework_text_foreach (pa_framework_item_get_label (item), add_label_cb, &target);
  if (target.owned)
    pa_framework_text_foreach (pa_framework_item_get_description (item), add_description_cb, &target);
  if (sync->error != NULL)
    return FALSE;

  for (int pass = 0; pass < 2; pass++)
    {
      const char *name = pass == 0 ? collection : pa_framework_item_get_kind (item);
      if (pass == 1 && !g_str_equal (name, "meta-competence"))
        break;
      sqlite3_reset (sync->member);
      sqlite3_bind_text (sync->member, 1, name, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (sync->member, 2, target.concept_id);
      if (!pa_store_step_done (sync->store, sync->member, &sync->error))
        return FALSE;
    }

  if (parent != NULL && target.owned)
    {
      const char *esco = pa_framework_item_get_esco_uri (parent);
      g_autofree char *parent_uri = esco ? g_strdup (esco)
                                         : pa_builtin_item_uri (sync->framework, pa_framework_item_get_code (parent));
      sqlite3_reset (sync->relation);
      sqlite3_bind_int64 (sync->relation, 1, target.concept_id);
      sqlite3_bind_text (sync->relation, 2, parent_uri, -1, SQLITE_STATIC);
      if (!pa_store_step_done (sync->store, sync->relation, &sync->error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
sync_one (PaStore         *store,
          PaFrameworkDoc  *doc,
          GError         **error)
{
  const char *id = pa_framework_doc_get_id (doc);
  const char *title = pa_framework_text_lookup (pa_framework_doc_get_label (doc), "en");
  Sync sync = { store, id, 0 };
  g_autoptr (sqlite3_stmt) owned = NULL;
  g_autoptr (sqlite3_stmt) obsolete = NULL;
  gboolean ok = FALSE;

  sync.framework_id = pa_frameworks_ensure (store, id, title ? title : id, "builtin", error);
  if (sync.framework_id == 0)
    return FALSE;
  sync.seen = g_hash_table_new (NULL, NULL);
  sync.find = pa_store_prepare (store, "SELECT id, framework_id FROM concept WHERE uri = ?", error);
  sync.insert = pa_store_prepare (store, "INSERT INTO concept (framework_id, uri, kind, code, position) "
                                         "VALUES (?, ?, ?, ?, ?)", error);
  sync.update = pa_store_prepare (store, "UPDATE concept SET kind = ?, code = ?, position = ?, "
                                         "status = 'released' WHERE id = ?", error);
  sync.label = pa_store_prepare (store, "INSERT OR IGNORE INTO concept_label (concept_id, lang, kind, text, "
                                        "folded) VALUES (?, ?, 'preferred', ?, ?)", error);
  sync.description = pa_store_prepare (store, "INSERT OR REPLACE INTO concept_description (concept_id, lang, "
                                              "text) VALUES (?, ?, ?)", error);
  sync.relation = pa_store_prepare (store, "INSERT OR IGNORE INTO concept_relation (source_id, kind, target_id) "
                                           "SELECT ?1, 'broader', id FROM concept WHERE uri = ?2", error);
  sync.member = pa_store_prepare (store, "INSERT OR IGNORE INTO collection_member (collection, concept_id) "
                                         "VALUES (?, ?)", error);
  if (sync.find && sync.insert && sync.update && sync.label && sync.description && sync.relation && sync.member)
    {
      pa_framework_doc_foreach_item (doc, item_cb, &sync);
      if (sync.error != NULL)
        g_propagate_error (error, g_steal_pointer (&sync.error));
      else
        ok = TRUE;
    }

  /* Items the shipped file no longer has stay, marked obsolete: claims may name them. */
  if (ok)
    {
      owned = pa_store_prepare (store, "SELECT id FROM concept WHERE framework_id = ?", error);
      obsolete = pa_store_prepare (store, "UPDATE concept SET status = 'obsolete' WHERE id = ?", error);
      ok = owned != NULL && obsolete != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (owned, 1, sync.framework_id);
          while (ok && sqlite3_step (owned) == SQLITE_ROW)
            {
              gint64 concept = sqlite3_column_int64 (owned, 0);
              if (g_hash_table_contains (sync.seen, GINT_TO_POINTER ((gint) concept)))
                continue;
              sqlite3_reset (obsolete);
              sqlite3_bind_int64 (obsolete, 1, concept);
              ok = pa_store_step_done (store, obsolete, error);
            }
        }
    }
  if (ok)
    {
      g_autoptr (sqlite3_stmt) bump = pa_store_prepare (store, "UPDATE framework SET generation = generation + 1, "
                                                               "version = ? WHERE id = ?", error);
      ok = bump != NULL;
      if (ok)
        {
          sqlite3_bind_text (bump, 1, pa_framework_doc_get_version (doc), -1, SQLITE_STATIC);
          sqlite3_bind_int64 (bump, 2, sync.framework_id);
          ok = pa_store_step_done (store, bump, error);
        }
    }

  g_clear_pointer (&sync.find, sqlite3_finalize);
  g_clear_pointer (&sync.insert, sqlite3_finalize);
  g_clear_pointer (&sync.update, sqlite3_finalize);
  g_clear_pointer (&sync.label, sqlite3_finalize);
  g_clear_pointer (&sync.description, sqlite3_finalize);
  g_clear_pointer (&sync.relation, sqlite3_finalize);
  g_clear_pointer (&sync.member, sqlite3_finalize);
  g_hash_table_unref (sync.seen);
  return ok;
}

/**
 * pa_builtin_frameworks_sync:
 * @force: copy even when the shipped files have not changed
 *
 * Copies the built-in frameworks into the store when they changed since the
 * last copy (or were never copied). One transaction.
 */
gboolean
pa_builtin_frameworks_sync (PaStore   *store,
                            gboolean   force,
                            GError   **error)
{
  g_autofree char *digest = builtin_digest ();
  g_autofree char *stored = NULL;
  const char *const *ids = pa_framework_builtin_ids ();

  g_return_val_if_fail (PA_IS_STORE (store), FALSE);

  stored = pa_store_get_setting (store, SETTING_DIGEST);
  if (!force && g_strcmp0 (stored, digest) == 0)
    return TRUE;

  if (!pa_store_begin (store, error))
    return FALSE;
  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autoptr (PaFrameworkDoc) doc = pa_framework_doc_load_builtin (ids[i], error);
      if (doc == NULL || !sync_one (store, doc, error))
        goto fail;
    }
  if (!pa_store_set_setting (store, SETTING_DIGEST, digest, error) ||
      !pa_store_audit (store, "frameworks.builtin", 0, "framework", NULL, error) ||
      !pa_store_commit (store, error))
    goto fail;
  return TRUE;

fail:
  pa_store_rollback (store);
  return FALSE;
}

/**
 * pa_builtin_frameworks_ensure:
 *
 * Makes sure the store holds the current built-in frameworks: the first call
 * on a connection compares the shipped files with the copy, later calls cost
 * nothing. Call it before reading or importing frameworks.
 */
gboolean
pa_builtin_frameworks_ensure (PaStore  *store,
                              GError  **error)
{
  g_return_val_if_fail (PA_IS_STORE (store), FALSE);

  if (g_object_get_data (G_OBJECT (store), "pa-builtin-frameworks-checked") != NULL)
    return TRUE;
  if (!pa_builtin_frameworks_sync (store, FALSE, error))
    return FALSE;
  g_object_set_data (G_OBJECT (store), "pa-builtin-frameworks-checked", GINT_TO_POINTER (1));
  return TRUE;
}
