/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pa-store"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>

#include "pa-cohort.h"
#include "pa-labour.h"

/* The training catalogue, vacancy profiles, regional shortage lists and
 * rejected suggestions. Each public function that changes data is one
 * transaction and leaves an audit row. */

static const char *const themes[] = {
  "digital", "employability_cv", "employability_pitch", "employability_interview",
  "employability", "soft_skills", "language", "sector", NULL
};

static const char *const cefr_levels[] = { "A1", "A2", "B1", "B2", "C1", "C2", NULL };

static GPtrArray *
new_strv (void)
{
  return g_ptr_array_new_with_free_func (g_free);
}

PaModule *
pa_module_new (void)
{
  PaModule *module = g_new0 (PaModule, 1);
  module->skill_uris = new_strv ();
  return module;
}

void
pa_module_free (PaModule *module)
{
  if (module == NULL)
    return;
  g_free (module->code);
  g_free (module->title);
  g_free (module->theme);
  g_free (module->language);
  g_free (module->description);
  g_ptr_array_unref (module->skill_uris);
  g_free (module);
}

PaVacancy *
pa_vacancy_new (void)
{
  PaVacancy *vacancy = g_new0 (PaVacancy, 1);
  vacancy->required = new_strv ();
  vacancy->nice = new_strv ();
  vacancy->languages = new_strv ();
  return vacancy;
}

void
pa_vacancy_free (PaVacancy *vacancy)
{
  if (vacancy == NULL)
    return;
  g_free (vacancy->employer);
  g_free (vacancy->title);
  g_free (vacancy->occupation_uri);
  g_free (vacancy->location);
  g_free (vacancy->description);
  g_ptr_array_unref (vacancy->required);
  g_ptr_array_unref (vacancy->nice);
  g_ptr_array_unref (vacancy->languages);
  g_free (vacancy);
}

PaShortageList *
pa_shortage_list_new (void)
{
  PaShortageList *list = g_new0 (PaShortageList, 1);
  list->occupation_uris = new_strv ();
  list->notes = new_strv ();
  return list;
}

void
pa_shortage_list_free (PaShortageList *list)
{
  if (list == NULL)
    return;
  g_free (list->region);
  g_free (list->title);
  g_free (list->source);
  g_free (list->valid_from);
  g_free (list->valid_to);
  g_ptr_array_unref (list->occupation_uris);
  g_ptr_array_unref (list->notes);
  g_free (list);
}

gboolean
pa_module_theme_is_valid (const char *theme)
{
  return theme != NULL && g_strv_contains (themes, theme);
}

/**
 * pa_module_theme_msgid:
 * @theme: (nullable): a theme code, as in "digital"
 *
 * Returns: (nullable): the theme's name in English, untranslated (to
 * translate with gettext or a report's catalogue), or %NULL for a code that
 * is not one of ours.
 */
const char *
pa_module_theme_msgid (const char *theme)
{
  if (g_strcmp0 (theme, "digital") == 0)
    return N_("Digital skills");
  if (g_strcmp0 (theme, "employability_cv") == 0)
    return N_("Employability: CV");
  if (g_strcmp0 (theme, "employability_pitch") == 0)
    return N_("Employability: pitch");
  if (g_strcmp0 (theme, "employability_interview") == 0)
    return N_("Employability: job interview");
  if (g_strcmp0 (theme, "employability") == 0)
    return N_("Employability");
  if (g_strcmp0 (theme, "soft_skills") == 0)
    return N_("Soft skills");
  if (g_strcmp0 (theme, "language") == 0)
    return N_("Language");
  if (g_strcmp0 (theme, "sector") == 0)
    return N_("Sector skills");
  return NULL;
}

/* Returns: the theme's name in the interface language. */
const char *
pa_module_theme_label (const char *theme)
{
  const char *msgid = pa_module_theme_msgid (theme);

  return msgid != NULL ? _(msgid) : theme;
}

static gboolean
check_text (const char  *value,
            gboolean     required,
            const char  *what,
            GError     **error)
{
  if (value == NULL || *value == '\0')
    {
      if (!required)
        return TRUE;
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_INVALID, _("The %s is missing."), what);
      return FALSE;
    }
  if (!g_utf8_validate (value, -1, NULL))
    {
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_INVALID,
                   _("The %s is not valid text (invalid UTF-8)."), what);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_date (const char  *value,
            GError     **error)
{
  GDate date;

  if (value == NULL || *value == '\0')
    return TRUE;
  g_date_clear (&date, 1);
  g_date_set_parse (&date, value);
  if (strlen (value) != 10 || value[4] != '-' || !g_date_valid (&date))
    {
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_INVALID,
                   _("“%s” is not a date (YYYY-MM-DD)."), value);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_uris (GPtrArray  *uris,
            GError    **error)
{
  for (guint i = 0; i < uris->len; i++)
    {
      const char *uri = g_ptr_array_index (uris, i);
      if (!check_text (uri, TRUE, _("skill"), error))
        return FALSE;
      if (!g_str_has_prefix (uri, "http://") && !g_str_has_prefix (uri, "https://") &&
          !g_str_has_prefix (uri, "urn:"))
        {
          g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_INVALID,
                       _("“%s” is not a competence identifier (a URI)."), uri);
          return FALSE;
        }
    }
  return TRUE;
}

static void
bind_text (sqlite3_stmt *stmt,
           int           index,
           const char   *value)
{
  if (value == NULL || *value == '\0')
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, value, -1, SQLITE_TRANSIENT);
}

static char *
dup_column (sqlite3_stmt *stmt,
            int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

static gboolean
replace_uris (PaStore     *store,
              const char  *delete_sql,
              const char  *insert_sql,
              gint64       owner,
              GPtrArray   *uris,
              int          flag,
              gboolean     delete_first,
              GError     **error)
{
  g_autoptr (sqlite3_stmt) ins = NULL;

  if (delete_first)
    {
      g_autoptr (sqlite3_stmt) del = pa_store_prepare (store, delete_sql, error);
      if (del == NULL)
        return FALSE;
      sqlite3_bind_int64 (del, 1, owner);
      if (!pa_store_step_done (store, del, error))
        return FALSE;
    }
  ins = pa_store_prepare (store, insert_sql, error);
  if (ins == NULL)
    return FALSE;
  for (guint i = 0; i < uris->len; i++)
    {
      sqlite3_reset (ins);
      sqlite3_bind_int64 (ins, 1, owner);
      sqlite3_bind_text (ins, 2, g_ptr_array_index (uris, i), -1, SQLITE_STATIC);
      if (flag >= 0)
        sqlite3_bind_int (ins, 3, flag);
      if (!pa_store_step_done (store, ins, error))
        return FALSE;
    }
  return TRUE;
}

static GPtrArray *
read_uris (PaStore    *store,
           const char *sql,
           gint64      owner,
           int         flag)
{
  GPtrArray *result = new_strv ();
  g_autoptr (sqlite3_stmt) stmt = pa_store_prepare (store, sql, NULL);

  if (stmt == NULL)
    return result;
  sqlite3_bind_int64 (stmt, 1, owner);
  if (flag >= 0)
    sqlite3_bind_int (stmt, 2, flag);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (result, dup_column (stmt, 0));
  return result;
}

/* ---- Training catalogue ---- */

/**
 * pa_store_module_save:
 * @module: a module; with id 0 it is added (or, when its code exists, the
 *   module with that code is replaced), else the module with that id is updated
 *
 * Stores a catalogue module and the competences it develops. On success
 * @module->id is set.
 */
gboolean
pa_store_module_save (PaStore   *store,
                      PaModule  *module,
                      GError   **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *now = pa_now_utc ();

  g_return_val_if_fail (PA_IS_STORE (store), FALSE);
  g_return_val_if_fail (module != NULL, FALSE);

  if (!check_text (module->code, TRUE, _("module code"), error) ||
      !check_text (module->title, TRUE, _("module title"), error) ||
      !check_text (module->description, FALSE, _("module description"), error) ||
      !check_uris (module->skill_uris, error))
    return FALSE;
  if (!pa_module_theme_is_valid (module->theme))
    {
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_INVALID,
                   _("Unknown theme “%s” for the module “%s”."),
                   module->theme ? module->theme : "", module->code);
      return FALSE;
    }
  if (module->duration_hours < 0 || module->duration_hours > 10000)
    {
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_INVALID,
                   _("The duration of the module “%s” is not plausible."), module->code);
      return FALSE;
    }

  if (!pa_store_begin (store, error))
    return FALSE;
  if (module->id == 0)
    stmt = pa_store_prepare (store,
                             "INSERT INTO training_module (code, title, theme, duration_hours, "
                             "language, description, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) "
                             "ON CONFLICT (code) DO UPDATE SET title = ?2, theme = ?3, "
                             "duration_hours = ?4, language = ?5, description = ?6 RETURNING id",
                             error);
  else
    stmt = pa_store_prepare (store,
                             "UPDATE training_module SET code = ?1, title = ?2, theme = ?3, "
                             "duration_hours = ?4, language = ?5, description = ?6 "
                             "WHERE id = ?8 RETURNING id",
                             error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, module->code, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, module->title, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, module->theme, -1, SQLITE_STATIC);
  if (module->duration_hours > 0)
    sqlite3_bind_double (stmt, 4, module->duration_hours);
  bind_text (stmt, 5, module->language);
  sqlite3_bind_text (stmt, 6, module->description ? module->description : "", -1, SQLITE_STATIC);
  if (module->id == 0)
    sqlite3_bind_text (stmt, 7, now, -1, SQLITE_STATIC);
  else
    sqlite3_bind_int64 (stmt, 8, module->id);
  {
    int rc = sqlite3_step (stmt);
    if (rc == SQLITE_DONE)
      {
        g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_NOT_FOUND,
                     _("There is no module with the number %" PRId64 "."), module->id);
        goto fail;
      }
    if (rc != SQLITE_ROW)
      {
        pa_store_set_error (store, rc, error);
        goto fail;
      }
    module->id = sqlite3_column_int64 (stmt, 0);
  }
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (!replace_uris (store, "DELETE FROM module_skill WHERE module_id = ?",
                     "INSERT OR IGNORE INTO module_skill (module_id, skill_uri) VALUES (?, ?)",
                     module->id, module->skill_uris, -1, TRUE, error) ||
      !pa_store_audit (store, "module.save", 0, "module", module->code, error) ||
      !pa_store_commit (store, error))
    goto fail;
  return TRUE;

fail:
  pa_store_rollback (store);
  return FALSE;
}

/* Deletes one row by id in one transaction, with its audit row. */
static gboolean
delete_row (PaStore     *store,
            const char  *sql,
            gint64       id,
            const char  *action,
            const char  *object,
            const char  *not_found,
            GError     **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;

  if (!pa_store_begin (store, error))
    return FALSE;
  stmt = pa_store_prepare (store, sql, error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!pa_store_step_done (store, stmt, error))
    goto fail;
  if (sqlite3_changes (pa_store_get_db (store)) == 0)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, id);
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_NOT_FOUND, not_found, number);
      goto fail;
    }
  if (!pa_store_audit (store, action, 0, object, NULL, error) ||
      !pa_store_commit (store, error))
    goto fail;
  return TRUE;

fail:
  pa_store_rollback (store);
  return FALSE;
}

gboolean
pa_store_module_delete (PaStore  *store,
                        gint64    module_id,
                        GError  **error)
{
  g_return_val_if_fail (PA_IS_STORE (store), FALSE);
  return delete_row (store, "DELETE FROM training_module WHERE id = ?", module_id, "module.delete",
                     "module", _("There is no module with the number %s."), error);
}

static GPtrArray *
list_modules (PaStore     *store,
              const char  *skill_uri,
              GError     **error)
{
  g_autoptr (GPtrArray) result = g_ptr_array_new_with_free_func ((GDestroyNotify) pa_module_free);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = pa_store_prepare (store,
                           skill_uri
                             ? "SELECT m.id, m.code, m.title, m.theme, m.duration_hours, m.language, "
                               "m.description FROM training_module m JOIN module_skill s "
                               "ON s.module_id = m.id WHERE s.skill_uri = ? ORDER BY m.code"
                             : "SELECT id, code, title, theme, duration_hours, language, description "
                               "FROM training_module ORDER BY code",
                           error);
  if (stmt == NULL)
    return NULL;
  if (skill_uri)
    sqlite3_bind_text (stmt, 1, skill_uri, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PaModule *module = pa_module_new ();

      module->id = sqlite3_column_int64 (stmt, 0);
      module->code = dup_column (stmt, 1);
      module->title = dup_column (stmt, 2);
      module->theme = dup_column (stmt, 3);
      module->duration_hours = sqlite3_column_double (stmt, 4);
      module->language = dup_column (stmt, 5);
      module->description = dup_column (stmt, 6);
      g_ptr_array_unref (module->skill_uris);
      module->skill_uris = read_uris (store, "SELECT skill_uri FROM module_skill WHERE module_id = ? "
                                             "ORDER BY skill_uri", module->id, -1);
      g_ptr_array_add (result, module);
    }
  if (rc != SQLITE_DONE)
    {
      pa_store_set_error (store, rc, error);
      return NULL;
    }
  return g_steal_pointer (&result);
}

/* Returns: (transfer container) (element-type PaModule): the catalogue, by code. */
GPtrArray *
pa_store_module_list (PaStore  *store,
                      GError  **error)
{
  g_return_val_if_fail (PA_IS_STORE (store), NULL);
  return list_modules (store, NULL, error);
}

/* Returns: (transfer container) (element-type PaModule): the modules that develop a skill. */
GPtrArray *
pa_store_modules_for_skill (PaStore     *store,
                            const char  *skill_uri,
                            GError     **error)
{
  g_return_val_if_fail (PA_IS_STORE (store), NULL);
  g_return_val_if_fail (skill_uri != NULL, NULL);
  return list_modules (store, skill_uri, error);
}

/* ---- Vacancies ---- */

static gboolean
check_languages (GPtrArray  *languages,
                 GError    **error)
{
  for (guint i = 0; i < languages->len; i++)
    {
      const char *spec = g_ptr_array_index (languages, i);
      const char *colon = spec ? strchr (spec, ':') : NULL;

      if (colon == NULL || colon == spec || !g_strv_contains (cefr_levels, colon + 1))
        {
          g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_INVALID,
                       _("“%s” is not a language with a minimum CEFR level, such as “fr:B1”."),
                       spec ? spec : "");
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
pa_store_vacancy_save (PaStore    *store,
                       PaVacancy  *vacancy,
                       GError    **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (sqlite3_stmt) lang = NULL;
  g_autofree char *now = pa_now_utc ();
  gboolean update;

  g_return_val_if_fail (PA_IS_STORE (store), FALSE);
  g_return_val_if_fail (vacancy != NULL, FALSE);

  if (!check_text (vacancy->employer, TRUE, _("employer"), error) ||
      !check_text (vacancy->title, TRUE, _("vacancy title"), error) ||
      !check_text (vacancy->location, FALSE, _("location"), error) ||
      !check_text (vacancy->description, FALSE, _("description"), error) ||
      !check_uris (vacancy->required, error) || !check_uris (vacancy->nice, error) ||
      !check_languages (vacancy->languages, error))
    return FALSE;
  if (vacancy->required->len == 0)
    {
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_INVALID,
                   _("The vacancy “%s” names no required skill."), vacancy->title);
      return FALSE;
    }

  update = vacancy->id != 0;
  if (!pa_store_begin (store, error))
    return FALSE;
  stmt = pa_store_prepare (store,
                           update ? "UPDATE vacancy SET employer = ?1, title = ?2, occupation_uri = ?3, "
                                    "location = ?4, description = ?5 WHERE id = ?7"
                                  : "INSERT INTO vacancy (employer, title, occupation_uri, location, "
                                    "description, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                           error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, vacancy->employer, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, vacancy->title, -1, SQLITE_STATIC);
  bind_text (stmt, 3, vacancy->occupation_uri);
  sqlite3_bind_text (stmt, 4, vacancy->location ? vacancy->location : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, vacancy->description ? vacancy->description : "", -1, SQLITE_STATIC);
  if (update)
    sqlite3_bind_int64 (stmt, 7, vacancy->id);
  else
    sqlite3_bind_text (stmt, 6, now, -1, SQLITE_STATIC);
  if (!pa_store_step_done (store, stmt, error))
    goto fail;
  if (update && sqlite3_changes (pa_store_get_db (store)) == 0)
    {
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_NOT_FOUND,
                   _("There is no vacancy with the number %" PRId64 "."), vacancy->id);
      goto fail;
    }
  if (!update)
    vacancy->id = sqlite3_last_insert_rowid (pa_store_get_db (store));

  if (!replace_uris (store, "DELETE FROM vacancy_skill WHERE vacancy_id = ?",
                     "INSERT OR IGNORE INTO vacancy_skill (vacancy_id, skill_uri, required) VALUES (?, ?, ?)",
                     vacancy->id, vacancy->required, 1, TRUE, error) ||
      !replace_uris (store, NULL,
                     "INSERT OR IGNORE INTO vacancy_skill (vacancy_id, skill_uri, required) VALUES (?, ?, ?)",
                     vacancy->id, vacancy->nice, 0, FALSE, error))
    goto fail;

  {
    g_autoptr (sqlite3_stmt) del = pa_store_prepare (store, "DELETE FROM vacancy_language WHERE vacancy_id = ?", error);
    if (del == NULL)
      goto fail;
    sqlite3_bind_int64 (del, 1, vacancy->id);
    if (!pa_store_step_done (store, del, error))
      goto fail;
  }
  lang = pa_store_prepare (store, "INSERT OR REPLACE INTO vacancy_language (vacancy_id, language, min_level) "
                                  "VALUES (?, ?, ?)", error);
  if (lang == NULL)
    goto fail;
  for (guint i = 0; i < vacancy->languages->len; i++)
    {
      const char *spec = g_ptr_array_index (vacancy->languages, i);
      const char *colon = strchr (spec, ':');

      sqlite3_reset (lang);
      sqlite3_bind_int64 (lang, 1, vacancy->id);
      sqlite3_bind_text (lang, 2, spec, (int) (colon - spec), SQLITE_TRANSIENT);
      sqlite3_bind_text (lang, 3, colon + 1, -1, SQLITE_STATIC);
      if (!pa_store_step_done (store, lang, error))
        goto fail;
    }
  if (!pa_store_audit (store, update ? "vacancy.update" : "vacancy.create", 0, "vacancy", NULL, error) ||
      !pa_store_commit (store, error))
    goto fail;
  return TRUE;

fail:
  pa_store_rollback (store);
  return FALSE;
}

gboolean
pa_store_vacancy_delete (PaStore  *store,
                         gint64    vacancy_id,
                         GError  **error)
{
  g_return_val_if_fail (PA_IS_STORE (store), FALSE);
  return delete_row (store, "DELETE FROM vacancy WHERE id = ?", vacancy_id, "vacancy.delete",
                     "vacancy", _("There is no vacancy with the number %s."), error);
}

static PaVacancy *
vacancy_from_row (PaStore      *store,
                  sqlite3_stmt *stmt)
{
  PaVacancy *vacancy = pa_vacancy_new ();
  g_autoptr (sqlite3_stmt) lang = NULL;

  vacancy->id = sqlite3_column_int64 (stmt, 0);
  vacancy->employer = dup_column (stmt, 1);
  vacancy->title = dup_column (stmt, 2);
  vacancy->occupation_uri = dup_column (stmt, 3);
  vacancy->location = dup_column (stmt, 4);
  vacancy->description = dup_column (stmt, 5);
  g_ptr_array_unref (vacancy->required);
  g_ptr_array_unref (vacancy->nice);
  vacancy->required = read_uris (store, "SELECT skill_uri FROM vacancy_skill WHERE vacancy_id = ? "
                                        "AND required = ? ORDER BY skill_uri", vacancy->id, 1);
  vacancy->nice = read_uris (store, "SELECT skill_uri FROM vacancy_skill WHERE vacancy_id = ? "
                                    "AND required = ? ORDER BY skill_uri", vacancy->id, 0);
  lang = pa_store_prepare (store, "SELECT language || ':' || min_level FROM vacancy_language "
                                  "WHERE vacancy_id = ? ORDER BY language", NULL);
  if (lang != NULL)
    {
      sqlite3_bind_int64 (lang, 1, vacancy->id);
      while (sqlite3_step (lang) == SQLITE_ROW)
        g_ptr_array_add (vacancy->languages, dup_column (lang, 0));
    }
  return vacancy;
}

#define VACANCY_COLUMNS "id, employer, title, occupation_uri, location, description"

PaVacancy *
pa_store_vacancy_get (PaStore  *store,
                      gint64    vacancy_id,
                      GError  **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (PA_IS_STORE (store), NULL);

  stmt = pa_store_prepare (store, "SELECT " VACANCY_COLUMNS " FROM vacancy WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, vacancy_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_NOT_FOUND,
                   _("There is no vacancy with the number %" PRId64 "."), vacancy_id);
      return NULL;
    }
  return vacancy_from_row (store, stmt);
}

/* Returns: (transfer container) (element-type PaVacancy): open vacancies, newest first. */
GPtrArray *
pa_store_vacancy_list (PaStore  *store,
                       GError  **error)
{
  g_autoptr (GPtrArray) result = g_ptr_array_new_with_free_func ((GDestroyNotify) pa_vacancy_free);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (PA_IS_STORE (store), NULL);

  stmt = pa_store_prepare (store, "SELECT " VACANCY_COLUMNS " FROM vacancy WHERE closed_on IS NULL "
                                  "ORDER BY id DESC", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (result, vacancy_from_row (store, stmt));
  if (rc != SQLITE_DONE)
    {
      pa_store_set_error (store, rc, error);
      return NULL;
    }
  return g_steal_pointer (&result);
}

static gboolean
shortlist_change (PaStore     *store,
                  const char  *sql,
                  const char  *action,
                  gint64       vacancy_id,
                  gint64       case_id,
                  GError     **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *now = pa_now_utc ();

  if (!pa_store_begin (store, error))
    return FALSE;
  stmt = pa_store_prepare (store, sql, error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, vacancy_id);
  sqlite3_bind_int64 (stmt, 2, case_id);
  if (sqlite3_bind_parameter_count (stmt) >= 3)
    sqlite3_bind_text (stmt, 3, now, -1, SQLITE_STATIC);
  if (!pa_store_step_done (store, stmt, error) ||
      !pa_store_audit (store, action, case_id, "vacancy", NULL, error) ||
      !pa_store_commit (store, error))
    goto fail;
  return TRUE;

fail:
  pa_store_rollback (store);
  return FALSE;
}

gboolean
pa_store_shortlist_add (PaStore  *store,
                        gint64    vacancy_id,
                        gint64    case_id,
                        GError  **error)
{
  g_return_val_if_fail (PA_IS_STORE (store), FALSE);
  return shortlist_change (store, "INSERT OR IGNORE INTO vacancy_shortlist (vacancy_id, case_id, added_at) "
                                  "VALUES (?, ?, ?)", "shortlist.add", vacancy_id, case_id, error);
}

gboolean
pa_store_shortlist_remove (PaStore  *store,
                           gint64    vacancy_id,
                           gint64    case_id,
                           GError  **error)
{
  g_return_val_if_fail (PA_IS_STORE (store), FALSE);
  return shortlist_change (store, "DELETE FROM vacancy_shortlist WHERE vacancy_id = ? AND case_id = ?",
                           "shortlist.remove", vacancy_id, case_id, error);
}

/* Returns: (transfer full) (element-type gint64): the shortlisted case ids, in the order added. */
GArray *
pa_store_shortlist_get (PaStore  *store,
                        gint64    vacancy_id,
                        GError  **error)
{
  g_autoptr (GArray) result = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (PA_IS_STORE (store), NULL);

  stmt = pa_store_prepare (store, "SELECT l.case_id FROM vacancy_shortlist l JOIN case_file c "
                                  "ON c.id = l.case_id WHERE l.vacancy_id = ? AND c.trashed_at IS NULL "
                                  "ORDER BY l.added_at, l.case_id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, vacancy_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (result, id);
    }
  return g_steal_pointer (&result);
}

/* ---- Shortage lists ---- */

/**
 * pa_store_shortage_save:
 *
 * Stores a region's shortage list, replacing the region's previous list as a
 * whole (a list is published as a whole). One transaction.
 */
gboolean
pa_store_shortage_save (PaStore         *store,
                        PaShortageList  *list,
                        GError         **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (sqlite3_stmt) occ = NULL;
  g_autofree char *now = pa_now_utc ();

  g_return_val_if_fail (PA_IS_STORE (store), FALSE);
  g_return_val_if_fail (list != NULL, FALSE);

  if (!check_text (list->region, TRUE, _("region"), error) ||
      !check_text (list->title, TRUE, _("list title"), error) ||
      !check_text (list->source, FALSE, _("source"), error) ||
      !check_date (list->valid_from, error) || !check_date (list->valid_to, error))
    return FALSE;
  for (guint i = 0; i < list->occupation_uris->len; i++)
    {
      const char *uri = g_ptr_array_index (list->occupation_uris, i);
      if (!check_text (uri, TRUE, _("occupation"), error))
        return FALSE;
    }

  if (!pa_store_begin (store, error))
    return FALSE;
  stmt = pa_store_prepare (store,
                           "INSERT INTO shortage_list (region, title, source, valid_from, valid_to, "
                           "imported_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (region) DO "
                           "UPDATE SET title = ?2, source = ?3, valid_from = ?4, valid_to = ?5, "
                           "imported_at = ?6 RETURNING id",
                           error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, list->region, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, list->title, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, list->source ? list->source : "", -1, SQLITE_STATIC);
  bind_text (stmt, 4, list->valid_from);
  bind_text (stmt, 5, list->valid_to);
  sqlite3_bind_text (stmt, 6, now, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      pa_store_set_error (store, sqlite3_errcode (pa_store_get_db (store)), error);
      goto fail;
    }
  list->id = sqlite3_column_int64 (stmt, 0);
  g_clear_pointer (&stmt, sqlite3_finalize);

  {
    g_autoptr (sqlite3_stmt) del = pa_store_prepare (store, "DELETE FROM shortage_occupation WHERE list_id = ?", error);
    if (del == NULL)
      goto fail;
    sqlite3_bind_int64 (del, 1, list->id);
    if (!pa_store_step_done (store, del, error))
      goto fail;
  }
  occ = pa_store_prepare (store, "INSERT OR REPLACE INTO shortage_occupation (list_id, occupation_uri, note) "
                                 "VALUES (?, ?, ?)", error);
  if (occ == NULL)
    goto fail;
  for (guint i = 0; i < list->occupation_uris->len; i++)
    {
      const char *note = i < list->notes->len ? g_ptr_array_index (list->notes, i) : NULL;

      sqlite3_reset (occ);
      sqlite3_bind_int64 (occ, 1, list->id);
      sqlite3_bind_text (occ, 2, g_ptr_array_index (list->occupation_uris, i), -1, SQLITE_STATIC);
      sqlite3_bind_text (occ, 3, note ? note : "", -1, SQLITE_STATIC);
      if (!pa_store_step_done (store, occ, error))
        goto fail;
    }
  if (!pa_store_audit (store, "shortage.import", 0, "shortage", list->region, error) ||
      !pa_store_commit (store, error))
    goto fail;
  return TRUE;

fail:
  pa_store_rollback (store);
  return FALSE;
}

/* Returns: (transfer full) (nullable): the region's list, or %NULL with NOT_FOUND. */
PaShortageList *
pa_store_shortage_get (PaStore     *store,
                       const char  *region,
                       GError     **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (sqlite3_stmt) occ = NULL;
  PaShortageList *list;

  g_return_val_if_fail (PA_IS_STORE (store), NULL);

  stmt = pa_store_prepare (store, "SELECT id, region, title, source, valid_from, valid_to "
                                  "FROM shortage_list WHERE region = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, region, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_NOT_FOUND,
                   _("There is no shortage list for the region “%s”."), region);
      return NULL;
    }
  list = pa_shortage_list_new ();
  list->id = sqlite3_column_int64 (stmt, 0);
  list->region = dup_column (stmt, 1);
  list->title = dup_column (stmt, 2);
  list->source = dup_column (stmt, 3);
  list->valid_from = dup_column (stmt, 4);
  list->valid_to = dup_column (stmt, 5);
  occ = pa_store_prepare (store, "SELECT occupation_uri, note FROM shortage_occupation "
                                 "WHERE list_id = ? ORDER BY occupation_uri", NULL);
  if (occ != NULL)
    {
      sqlite3_bind_int64 (occ, 1, list->id);
      while (sqlite3_step (occ) == SQLITE_ROW)
        {
          g_ptr_array_add (list->occupation_uris, dup_column (occ, 0));
          g_ptr_array_add (list->notes, dup_column (occ, 1));
        }
    }
  return list;
}

/* Returns: (transfer container) (element-type utf8): the regions with a shortage list. */
GPtrArray *
pa_store_shortage_regions (PaStore  *store,
                           GError  **error)
{
  g_autoptr (GPtrArray) result = new_strv ();
  g_autoptr (sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (PA_IS_STORE (store), NULL);

  stmt = pa_store_prepare (store, "SELECT region FROM shortage_list ORDER BY region", error);
  if (stmt == NULL)
    return NULL;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (result, dup_column (stmt, 0));
  return g_steal_pointer (&result);
}

/* Returns: (transfer full): the set of occupation URIs in shortage in @region
 * (empty when the region has no list). */
GHashTable *
pa_store_shortage_set (PaStore     *store,
                       const char  *region,
                       GError     **error)
{
  g_autoptr (GHashTable) set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (PA_IS_STORE (store), NULL);

  stmt = pa_store_prepare (store, "SELECT o.occupation_uri FROM shortage_occupation o "
                                  "JOIN shortage_list l ON l.id = o.list_id WHERE l.region = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, region, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_hash_table_add (set, dup_column (stmt, 0));
  return g_steal_pointer (&set);
}

/* ---- Rejected suggestions ---- */

gboolean
pa_store_suggestion_reject (PaStore     *store,
                            gint64       case_id,
                            const char  *skill_uri,
                            GError     **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *now = pa_now_utc ();

  g_return_val_if_fail (PA_IS_STORE (store), FALSE);
  g_return_val_if_fail (skill_uri != NULL, FALSE);

  if (!pa_store_begin (store, error))
    return FALSE;
  stmt = pa_store_prepare (store, "INSERT OR REPLACE INTO suggestion_rejection (case_id, skill_uri, "
                                  "rejected_at, actor_id) VALUES (?, ?, ?, ?)", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, case_id);
  sqlite3_bind_text (stmt, 2, skill_uri, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, pa_store_get_actor (store));
  if (!pa_store_step_done (store, stmt, error) ||
      !pa_store_audit (store, "suggestion.reject", case_id, "claim", skill_uri, error) ||
      !pa_store_commit (store, error))
    goto fail;
  return TRUE;

fail:
  pa_store_rollback (store);
  return FALSE;
}

/* Returns: (transfer full): the set of skill URIs rejected for the case. */
GHashTable *
pa_store_suggestion_rejections (PaStore  *store,
                                gint64    case_id,
                                GError  **error)
{
  g_autoptr (GHashTable) set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (PA_IS_STORE (store), NULL);

  stmt = pa_store_prepare (store, "SELECT skill_uri FROM suggestion_rejection WHERE case_id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, case_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_hash_table_add (set, dup_column (stmt, 0));
  return g_steal_pointer (&set);
}

/**
 * pa_labour_concept_label:
 * @lang: (nullable): the display language (default en)
 *
 * The name of a competence or occupation a module, vacancy or shortage list
 * names: its preferred label in the frameworks, else the label a claim on it
 * was recorded with (ESCO skills before ESCO is imported).
 *
 * Returns: (transfer full) (nullable): the label, or %NULL when unknown.
 */
char *
pa_labour_concept_label (PaStore    *store,
                         const char *uri,
                         const char *lang)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  char *label;

  g_return_val_if_fail (PA_IS_STORE (store), NULL);

  if (uri == NULL)
    return NULL;
  label = pa_concept_label (store, uri, lang);
  if (label != NULL)
    return label;
  stmt = pa_store_prepare (store, "SELECT label FROM claim WHERE item_uri = ? AND label IS NOT NULL "
                                  "AND label <> '' LIMIT 1", NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, uri, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}
