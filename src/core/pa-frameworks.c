/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pa-frameworks"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "pa-builtin-frameworks.h"
#include "pa-fold.h"
#include "pa-frameworks.h"

/* Reading the framework tables: the list of frameworks, one concept with
 * its labels in a language (falling back along a chain such as fr → en),
 * and the concepts related to it. */

void
pa_framework_info_free (PaFrameworkInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->code);
  g_free (info->title);
  g_free (info->version);
  g_free (info->origin);
  g_free (info->languages);
  g_free (info->imported_at);
  g_free (info);
}

static void
concept_ref_clear (PaConceptRef *ref)
{
  g_free (ref->uri);
  g_free (ref->kind);
  g_free (ref->code);
  g_free (ref->label);
  g_free (ref->label_lang);
  g_free (ref->status);
}

void
pa_concept_ref_free (PaConceptRef *ref)
{
  if (ref == NULL)
    return;
  concept_ref_clear (ref);
  g_free (ref);
}

void
pa_concept_free (PaConcept *concept)
{
  if (concept == NULL)
    return;
  concept_ref_clear (&concept->ref);
  g_free (concept->framework);
  g_free (concept->isco_code);
  g_free (concept->skill_type);
  g_free (concept->reuse_level);
  g_free (concept->description);
  g_free (concept->description_lang);
  g_strfreev (concept->alt_labels);
  g_strfreev (concept->collections);
  g_free (concept);
}

static char *
dup_column (sqlite3_stmt *stmt,
            int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);
  return text ? g_strdup (text) : NULL;
}

/**
 * pa_frameworks_ensure:
 * @code: the framework's short name ('esco', 'cefr', …)
 *
 * Finds the framework row, creating it when missing (inside the caller's
 * transaction). Returns: its id, or 0 with @error set.
 */
gint64
pa_frameworks_ensure (PaStore     *store,
                      const char  *code,
                      const char  *title,
                      const char  *origin,
                      GError     **error)
{
  g_autoptr (sqlite3_stmt) find = NULL;
  g_autoptr (sqlite3_stmt) insert = NULL;

  g_return_val_if_fail (PA_IS_STORE (store), 0);
  g_return_val_if_fail (code != NULL && title != NULL && origin != NULL, 0);

  find = pa_store_prepare (store, "SELECT id FROM framework WHERE code = ?", error);
  if (find == NULL)
    return 0;
  sqlite3_bind_text (find, 1, code, -1, SQLITE_STATIC);
  if (sqlite3_step (find) == SQLITE_ROW)
    return sqlite3_column_int64 (find, 0);

  insert = pa_store_prepare (store, "INSERT INTO framework (code, title, origin) VALUES (?, ?, ?)", error);
  if (insert == NULL)
    return 0;
  sqlite3_bind_text (insert, 1, code, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 2, title, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 3, origin, -1, SQLITE_STATIC);
  if (!pa_store_step_done (store, insert, error))
    return 0;
  return sqlite3_last_insert_rowid (pa_store_get_db (store));
}

/* Changes whenever any framework's content changes (imports bump it), so
 * that caches such as the search index know when to reload. */
gint64
pa_frameworks_get_generation (PaStore *store)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (PA_IS_STORE (store), -1);

  stmt = pa_store_prepare (store, "SELECT coalesce (sum (generation), 0) + count (*) * 1000000 FROM framework", NULL);
  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return -1;
  return sqlite3_column_int64 (stmt, 0);
}

/**
 * pa_frameworks_list:
 *
 * Returns: (transfer full) (element-type PaFrameworkInfo): the frameworks,
 * by code, or %NULL with @error set.
 */
GPtrArray *
pa_frameworks_list (PaStore  *store,
                    GError  **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) pa_framework_info_free);
  int rc;

  g_return_val_if_fail (PA_IS_STORE (store), NULL);
  if (!pa_builtin_frameworks_ensure (store, error))
    return NULL;

  stmt = pa_store_prepare (store,
                           "SELECT f.code, f.title, f.version, f.origin, f.languages, f.imported_at, "
                           "  (SELECT count (*) FROM concept c WHERE c.framework_id = f.id), "
                           "  (SELECT count (*) FROM concept c WHERE c.framework_id = f.id AND c.kind = 'occupation'), "
                           "  (SELECT count (*) FROM concept c WHERE c.framework_id = f.id "
                           "     AND c.kind IN ('skill', 'knowledge')), "
                           "  (SELECT count (*) FROM concept c WHERE c.framework_id = f.id AND c.status = 'obsolete') "
                           "FROM framework f ORDER BY f.code", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PaFrameworkInfo *info = g_new0 (PaFrameworkInfo, 1);

      info->code = dup_column (stmt, 0);
      info->title = dup_column (stmt, 1);
      info->version = dup_column (stmt, 2);
      info->origin = dup_column (stmt, 3);
      info->languages = dup_column (stmt, 4);
      info->imported_at = dup_column (stmt, 5);
      info->n_concepts = (guint) sqlite3_column_int (stmt, 6);
      info->n_occupations = (guint) sqlite3_column_int (stmt, 7);
      info->n_skills = (guint) sqlite3_column_int (stmt, 8);
      info->n_obsolete = (guint) sqlite3_column_int (stmt, 9);
      g_ptr_array_add (list, info);
    }
  if (rc != SQLITE_DONE)
    {
      pa_store_set_error (store, rc, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

/**
 * pa_frameworks_language_chain:
 * @lang: (nullable): the language asked for
 *
 * The languages to try for a label, in order: @lang, then English (the
 * language every ESCO release is complete in). Returns: (transfer full)
 */
char **
pa_frameworks_language_chain (const char *lang)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();

  if (lang != NULL && *lang != '\0')
    {
      g_autofree char *lower = g_ascii_strdown (lang, -1);
      char *dash = strchr (lower, '-');
      char *under = strchr (lower, '_');

      if (under != NULL)
        *under = '\0';
      g_strv_builder_add (builder, lower);
      /* "pt-br" falls back on "pt" first. */
      if (dash != NULL)
        {
          *dash = '\0';
          g_strv_builder_add (builder, lower);
        }
      if (!g_str_equal (lower, "en"))
        g_strv_builder_add (builder, "en");
    }
  else
    g_strv_builder_add (builder, "en");
  return g_strv_builder_end (builder);
}

/* ",fr,en," for SQL's instr(): an earlier language sorts first, any other last. */
static char *
chain_key (const char *lang)
{
  g_auto (GStrv) chain = pa_frameworks_language_chain (lang);
  g_autofree char *joined = g_strjoinv (",", chain);
  return g_strdup_printf (",%s,", joined);
}

#define LANG_ORDER(param) \
  "CASE instr (" param ", ',' || lang || ',') WHEN 0 THEN 1000000 ELSE instr (" param ", ',' || lang || ',') END, lang"

static gboolean
fill_label (PaStore       *store,
            sqlite3_stmt  *label,
            gint64         id,
            char         **text,
            char         **lang,
            GError       **error)
{
  int rc;

  sqlite3_reset (label);
  sqlite3_bind_int64 (label, 1, id);
  rc = sqlite3_step (label);
  if (rc == SQLITE_ROW)
    {
      *text = dup_column (label, 0);
      *lang = dup_column (label, 1);
      return TRUE;
    }
  if (rc != SQLITE_DONE)
    return pa_store_set_error (store, rc, error);
  *text = g_strdup ("");
  *lang = g_strdup ("");
  return TRUE;
}

static sqlite3_stmt *
prepare_label (PaStore     *store,
               const char  *key,
               GError     **error)
{
  sqlite3_stmt *stmt = pa_store_prepare (store,
                                         "SELECT text, lang FROM concept_label "
                                         "WHERE concept_id = ?1 AND kind = 'preferred' "
                                         "ORDER BY " LANG_ORDER ("?2") " LIMIT 1", error);
  if (stmt != NULL)
    sqlite3_bind_text (stmt, 2, key, -1, SQLITE_TRANSIENT);
  return stmt;
}

static char **
collect_strings (sqlite3_stmt *stmt)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();

  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));
  return g_strv_builder_end (builder);
}

/**
 * pa_frameworks_get_concept:
 * @uri: the concept's URI
 * @lang: (nullable): the language to show it in (falls back to English)
 *
 * Returns: (transfer full): the concept, or %NULL with %PA_STORE_ERROR_NOT_FOUND.
 */
PaConcept *
pa_frameworks_get_concept (PaStore     *store,
                           const char  *uri,
                           const char  *lang,
                           GError     **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (sqlite3_stmt) label = NULL;
  g_autoptr (sqlite3_stmt) alt = NULL;
  g_autoptr (sqlite3_stmt) description = NULL;
  g_autoptr (sqlite3_stmt) collections = NULL;
  g_autoptr (PaConcept) concept = NULL;
  g_autofree char *key = chain_key (lang);
  gint64 id;
  int rc;

  g_return_val_if_fail (PA_IS_STORE (store), NULL);
  g_return_val_if_fail (uri != NULL, NULL);
  if (!pa_builtin_frameworks_ensure (store, error))
    return NULL;

  stmt = pa_store_prepare (store,
                           "SELECT c.id, c.uri, c.kind, c.code, c.status, f.code, c.isco_code, c.skill_type, "
                           "c.reuse_level FROM concept c JOIN framework f ON f.id = c.framework_id "
                           "WHERE c.uri = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, uri, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_NOT_FOUND,
                   _("There is no framework concept “%s”."), uri);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      pa_store_set_error (store, rc, error);
      return NULL;
    }

  concept = g_new0 (PaConcept, 1);
  id = sqlite3_column_int64 (stmt, 0);
  concept->ref.uri = dup_column (stmt, 1);
  concept->ref.kind = dup_column (stmt, 2);
  concept->ref.code = dup_column (stmt, 3);
  concept->ref.status = dup_column (stmt, 4);
  concept->framework = dup_column (stmt, 5);
  concept->isco_code = dup_column (stmt, 6);
  concept->skill_type = dup_column (stmt, 7);
  concept->reuse_level = dup_column (stmt, 8);

  label = prepare_label (store, key, error);
  if (label == NULL ||
      !fill_label (store, label, id, &concept->ref.label, &concept->ref.label_lang, error))
    return NULL;

  alt = pa_store_prepare (store,
                          "SELECT text FROM concept_label WHERE concept_id = ? AND lang = ? "
                          "AND kind = 'alternative' ORDER BY text", error);
  if (alt == NULL)
    return NULL;
  sqlite3_bind_int64 (alt, 1, id);
  sqlite3_bind_text (alt, 2, concept->ref.label_lang, -1, SQLITE_STATIC);
  concept->alt_labels = collect_strings (alt);

  description = pa_store_prepare (store,
                                  "SELECT text, lang FROM concept_description WHERE concept_id = ?1 "
                                  "ORDER BY " LANG_ORDER ("?2") " LIMIT 1", error);
  if (description == NULL)
    return NULL;
  sqlite3_bind_int64 (description, 1, id);
  sqlite3_bind_text (description, 2, key, -1, SQLITE_STATIC);
  if (sqlite3_step (description) == SQLITE_ROW)
    {
      concept->description = dup_column (description, 0);
      concept->description_lang = dup_column (description, 1);
    }

  collections = pa_store_prepare (store,
                                  "SELECT collection FROM collection_member WHERE concept_id = ? "
                                  "ORDER BY collection", error);
  if (collections == NULL)
    return NULL;
  sqlite3_bind_int64 (collections, 1, id);
  concept->collections = collect_strings (collections);

  return g_steal_pointer (&concept);
}

typedef struct
{
  char *key;
  PaConceptRef *ref;
} SortItem;

static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  const SortItem *x = a;
  const SortItem *y = b;
  int c = strcmp (x->key, y->key);

  return c != 0 ? c : g_strcmp0 (x->ref->uri, y->ref->uri);
}

/* By folded label: the same order whatever the process locale ("élever"
 * between "breed" and "manage"), then by URI. */
static void
sort_refs (GPtrArray *refs)
{
  g_autofree SortItem *items = g_new (SortItem, MAX (refs->len, 1));

  for (guint i = 0; i < refs->len; i++)
    {
      items[i].ref = g_ptr_array_index (refs, i);
      items[i].key = pa_fold_text (items[i].ref->label);
    }
  qsort (items, refs->len, sizeof (SortItem), compare_items);
  for (guint i = 0; i < refs->len; i++)
    {
      refs->pdata[i] = items[i].ref;
      g_free (items[i].key);
    }
}

/**
 * pa_frameworks_list_related:
 * @uri: the concept
 * @relation: 'essential', 'optional' or 'broader'
 * @reverse: %FALSE for the concepts @uri points to (an occupation's skills,
 *   a concept's broader concepts), %TRUE for those pointing to it (the
 *   occupations needing a skill, narrower concepts)
 * @lang: (nullable): the language of the labels, with fallback
 *
 * Returns: (transfer full) (element-type PaConceptRef): the related
 * concepts sorted by label, or %NULL with @error set (NOT_FOUND for an
 * unknown @uri).
 */
GPtrArray *
pa_frameworks_list_related (PaStore     *store,
                            const char  *uri,
                            const char  *relation,
                            gboolean     reverse,
                            const char  *lang,
                            GError     **error)
{
  g_autoptr (sqlite3_stmt) find = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (sqlite3_stmt) label = NULL;
  g_autoptr (GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) pa_concept_ref_free);
  g_autofree char *key = chain_key (lang);
  gint64 id;
  int rc;

  g_return_val_if_fail (PA_IS_STORE (store), NULL);
  g_return_val_if_fail (uri != NULL && relation != NULL, NULL);
  if (!pa_builtin_frameworks_ensure (store, error))
    return NULL;

  find = pa_store_prepare (store, "SELECT id FROM concept WHERE uri = ?", error);
  if (find == NULL)
    return NULL;
  sqlite3_bind_text (find, 1, uri, -1, SQLITE_STATIC);
  if (sqlite3_step (find) != SQLITE_ROW)
    {
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_NOT_FOUND,
                   _("There is no framework concept “%s”."), uri);
      return NULL;
    }
  id = sqlite3_column_int64 (find, 0);

  stmt = pa_store_prepare (store,
                           reverse ? "SELECT c.id, c.uri, c.kind, c.code, c.status FROM concept_relation r "
                                     "JOIN concept c ON c.id = r.source_id WHERE r.target_id = ? AND r.kind = ?"
                                   : "SELECT c.id, c.uri, c.kind, c.code, c.status FROM concept_relation r "
                                     "JOIN concept c ON c.id = r.target_id WHERE r.source_id = ? AND r.kind = ?",
                           error);
  label = prepare_label (store, key, error);
  if (stmt == NULL || label == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, relation, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PaConceptRef *ref = g_new0 (PaConceptRef, 1);

      g_ptr_array_add (list, ref);
      ref->uri = dup_column (stmt, 1);
      ref->kind = dup_column (stmt, 2);
      ref->code = dup_column (stmt, 3);
      ref->status = dup_column (stmt, 4);
      if (!fill_label (store, label, sqlite3_column_int64 (stmt, 0), &ref->label, &ref->label_lang, error))
        return NULL;
    }
  if (rc != SQLITE_DONE)
    {
      pa_store_set_error (store, rc, error);
      return NULL;
    }
  sort_refs (list);
  return g_steal_pointer (&list);
}

/**
 * pa_concept_kind_label:
 * @kind: (nullable): a concept's kind as stored ("occupation", "skill", …)
 * @skill_type: (nullable): its ESCO skill type, more precise when known
 *
 * Returns: (transfer none): the kind in words, translated, as in "Skill or
 * competence"; "" without a kind.
 */
const char *
pa_concept_kind_label (const char *kind,
                       const char *skill_type)
{
  if (skill_type != NULL && *skill_type != '\0')
    {
      if (g_str_has_prefix (skill_type, "knowledge"))
        return C_("concept kind", "Knowledge");
      if (g_str_has_prefix (skill_type, "skill"))
        return C_("concept kind", "Skill or competence");
      if (g_str_has_prefix (skill_type, "language"))
        return C_("concept kind", "Language skill");
    }
  if (kind == NULL)
    return "";
  if (g_str_equal (kind, "occupation"))
    return C_("concept kind", "Occupation");
  if (g_str_equal (kind, "skill"))
    return C_("concept kind", "Skill or competence");
  if (g_str_equal (kind, "knowledge"))
    return C_("concept kind", "Knowledge");
  if (g_str_equal (kind, "skill_group"))
    return C_("concept kind", "Group of skills");
  if (g_str_equal (kind, "isco_group"))
    return C_("concept kind", "Occupation group");
  if (g_str_equal (kind, "language-skill"))
    return C_("concept kind", "Language skill");
  return C_("concept kind", "Other");
}

/**
 * pa_framework_display_title:
 * @code: a framework's code ("cefr", "isco08", …)
 * @stored: (nullable): the title the store keeps for it
 *
 * The title of a framework for the interface: the built-in frameworks by
 * their names in the interface's language, any other (an imported ESCO) by
 * the title it came with.
 * Returns: (nullable): the title
 */
const char *
pa_framework_display_title (const char *code,
                            const char *stored)
{
  static const struct { const char *code; const char *title; } builtin[] = {
    { "cefr", N_("Common European Framework of Reference for Languages (CEFR)") },
    { "eqf", N_("European Qualifications Framework (EQF)") },
    { "digcomp", N_("Digital Competence Framework for Citizens (DigComp 2.2)") },
    { "isced", N_("International Standard Classification of Education (ISCED 2011)") },
    { "isco08", N_("International Standard Classification of Occupations (ISCO-08)") },
    { "transversal", N_("Transversal skills and migration meta-competences") },
  };

  for (guint i = 0; code != NULL && i < G_N_ELEMENTS (builtin); i++)
    if (g_str_equal (code, builtin[i].code))
      return _(builtin[i].title);
  return stored;
}
