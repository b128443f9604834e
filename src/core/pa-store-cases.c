/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pa-store"

#include "config.h"

#include <inttypes.h>
#include <locale.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "pa-iso-codes.h"
#include "pa-store-cases.h"
#include "pa-store-private.h"

/* Cases: creation, identity edits, trash, purge, listing and search. Every
 * public function here is one transaction. */

#define CASE_COLUMNS \
  "c.id, c.code, c.given_name, c.family_name, c.gender, c.birth_year, c.origin_country, " \
  "c.arrival_date, c.contact, c.created_at, c.updated_at, c.trashed_at, " \
  "(SELECT count(*) FROM claim k WHERE k.case_id = c.id), " \
  "(SELECT count(*) FROM claim k WHERE k.case_id = c.id AND k.stage = 4)"

static PaCase *
case_from_row (sqlite3_stmt *stmt)
{
  PaCase *kase = pa_case_new ();

  pa_case_set_given_name (kase, (const char *) sqlite3_column_text (stmt, 2));
  pa_case_set_family_name (kase, (const char *) sqlite3_column_text (stmt, 3));
  pa_case_set_gender (kase, (const char *) sqlite3_column_text (stmt, 4));
  pa_case_set_birth_year (kase, sqlite3_column_int (stmt, 5));
  pa_case_set_origin_country (kase, (const char *) sqlite3_column_text (stmt, 6));
  pa_case_set_arrival_date (kase, (const char *) sqlite3_column_text (stmt, 7));
  pa_case_set_contact (kase, (const char *) sqlite3_column_text (stmt, 8));
  pa_case_set_stored (kase,
                      sqlite3_column_int64 (stmt, 0),
                      (const char *) sqlite3_column_text (stmt, 1),
                      (const char *) sqlite3_column_text (stmt, 9),
                      (const char *) sqlite3_column_text (stmt, 10),
                      (const char *) sqlite3_column_text (stmt, 11));
  pa_case_set_counts (kase, sqlite3_column_int (stmt, 12), sqlite3_column_int (stmt, 13));
  return kase;
}

static void
bind_text_or_null (sqlite3_stmt *stmt,
                   int           index,
                   const char   *value)
{
  if (value == NULL || *value == '\0')
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, value, -1, SQLITE_TRANSIENT);
}

/* The collation key the case list is sorted by: the name as shown,
 * casefolded, in the order of the current collation locale. */
static char *
sort_key_for (const char *given_name,
              const char *family_name,
              const char *code)
{
  g_autofree char *name = pa_case_format_display_name (given_name, family_name, code);
  g_autofree char *folded = g_utf8_casefold (name, -1);

  return g_utf8_collate_key (folded, -1);
}

static void
bind_sort_key (sqlite3_stmt *stmt,
               int           index,
               PaCase       *kase,
               const char   *code)
{
  char *key = sort_key_for (pa_case_get_given_name (kase), pa_case_get_family_name (kase), code);

  sqlite3_bind_blob (stmt, index, key, strlen (key), g_free);
}

static gboolean
validate_case (PaCase  *kase,
               GError **error)
{
  const char *gender = pa_case_get_gender (kase);
  const char *country = pa_case_get_origin_country (kase);
  const char *arrival = pa_case_get_arrival_date (kase);
  int year = pa_case_get_birth_year (kase);

  if (!g_utf8_validate (pa_case_get_given_name (kase), -1, NULL) ||
      !g_utf8_validate (pa_case_get_family_name (kase), -1, NULL) ||
      !g_utf8_validate (pa_case_get_contact (kase), -1, NULL))
    {
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_INVALID,
                   _("The name or contact is not valid text (invalid UTF-8)."));
      return FALSE;
    }
  if (gender != NULL && !g_str_equal (gender, "female") && !g_str_equal (gender, "male") &&
      !g_str_equal (gender, "other"))
    {
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_INVALID,
                   _("Unknown gender “%s”: use female, male or other, or leave it empty."),
                   gender);
      return FALSE;
    }
  if (year != 0 && (year < 1900 || year > 2100))
    {
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_INVALID,
                   _("The birth year %d is not plausible."), year);
      return FALSE;
    }
  if (country != NULL && (strlen (country) != 2 || g_strcmp0 (pa_iso_country_name_en (country), country) == 0))
    {
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_INVALID,
                   _("“%s” is not an ISO 3166 country code."), country);
      return FALSE;
    }
  if (arrival != NULL)
    {
      GDate date;
      g_date_clear (&date, 1);
      g_date_set_parse (&date, arrival);
      if (strlen (arrival) != 10 || !g_date_valid (&date))
        {
          g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_INVALID,
                       _("The arrival date “%s” is not a date (YYYY-MM-DD)."), arrival);
          return FALSE;
        }
    }
  return TRUE;
}

static char *
next_case_code (PaStore  *store,
                GError  **error)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *prefix = g_strdup_printf ("PA-%04d-", g_date_time_get_year (now));
  sqlite3_stmt *stmt;
  int next = 1;

  /* The expression matches the index case_file_code_number. */
  stmt = pa_store_prepare_cached (store,
                                  "SELECT max (CAST (substr (code, 9) AS INTEGER)) FROM case_file "
                                  "WHERE substr (code, 1, 8) = ?",
                                  error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, prefix, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    next = sqlite3_column_int (stmt, 0) + 1;
  sqlite3_reset (stmt);
  return g_strdup_printf ("%s%04d", prefix, next);
}

/**
 * pa_store_case_create:
 * @kase: a new case; its identity fields are stored
 *
 * Stores a new case with a fresh pseudonymous code; on success @kase carries
 * its id and code. One transaction.
 */
gboolean
pa_store_case_create (PaStore  *store,
                      PaCase   *kase,
                      GError  **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *code = NULL;
  g_autofree char *now = pa_now_utc ();
  gint64 id;

  g_return_val_if_fail (PA_IS_STORE (store), FALSE);
  g_return_val_if_fail (PA_IS_CASE (kase), FALSE);
  g_return_val_if_fail (pa_case_get_id (kase) == 0, FALSE);

  if (!validate_case (kase, error))
    return FALSE;
  if (!pa_store_begin (store, error))
    return FALSE;

  code = g_strdup (pa_case_get_code (kase));
  if (code == NULL && (code = next_case_code (store, error)) == NULL)
    goto fail;

  stmt = pa_store_prepare (store,
                           "INSERT INTO case_file (code, given_name, family_name, gender, "
                           "birth_year, origin_country, arrival_date, contact, owner_id, "
                           "created_at, updated_at, sort_key) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                           error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, pa_case_get_given_name (kase), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, pa_case_get_family_name (kase), -1, SQLITE_STATIC);
  bind_text_or_null (stmt, 4, pa_case_get_gender (kase));
  if (pa_case_get_birth_year (kase) > 0)
    sqlite3_bind_int (stmt, 5, pa_case_get_birth_year (kase));
  bind_text_or_null (stmt, 6, pa_case_get_origin_country (kase));
  bind_text_or_null (stmt, 7, pa_case_get_arrival_date (kase));
  sqlite3_bind_text (stmt, 8, pa_case_get_contact (kase), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 9, pa_store_get_actor (store));
  sqlite3_bind_text (stmt, 10, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 11, now, -1, SQLITE_STATIC);
  bind_sort_key (stmt, 12, kase, code);
  if (!pa_store_step_done (store, stmt, error))
    goto fail;
  id = sqlite3_last_insert_rowid (pa_store_get_db (store));

  if (!pa_store_reindex_case (store, id, error) ||
      !pa_store_audit (store, "case.create", id, "case", NULL, error) ||
      !pa_store_commit (store, error))
    goto fail;

  pa_case_set_stored (kase, id, code, now, now, NULL);
  pa_store_emit_case_changed (store, id);
  return TRUE;

fail:
  pa_store_rollback (store);
  return FALSE;
}

/**
 * pa_store_case_update:
 *
 * Writes @kase's identity fields (names, gender, birth year, origin, arrival,
 * contact) to the store. One transaction.
 */
gboolean
pa_store_case_update (PaStore  *store,
                      PaCase   *kase,
                      GError  **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *now = pa_now_utc ();
  gint64 id;

  g_return_val_if_fail (PA_IS_STORE (store), FALSE);
  g_return_val_if_fail (PA_IS_CASE (kase), FALSE);

  id = pa_case_get_id (kase);
  /* @kase may be a snapshot from a list, changed before it is saved: the
   * cache must not keep it, saved or not. */
  pa_store_invalidate_case (store, id);
  if (!validate_case (kase, error))
    return FALSE;
  if (!pa_store_begin (store, error))
    return FALSE;

  stmt = pa_store_prepare (store,
                           "UPDATE case_file SET given_name = ?, family_name = ?, gender = ?, "
                           "birth_year = ?, origin_country = ?, arrival_date = ?, contact = ?, "
                           "updated_at = ?, sort_key = ? WHERE id = ?",
                           error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, pa_case_get_given_name (kase), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, pa_case_get_family_name (kase), -1, SQLITE_STATIC);
  bind_text_or_null (stmt, 3, pa_case_get_gender (kase));
  if (pa_case_get_birth_year (kase) > 0)
    sqlite3_bind_int (stmt, 4, pa_case_get_birth_year (kase));
  bind_text_or_null (stmt, 5, pa_case_get_origin_country (kase));
  bind_text_or_null (stmt, 6, pa_case_get_arrival_date (kase));
  sqlite3_bind_text (stmt, 7, pa_case_get_contact (kase), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, now, -1, SQLITE_STATIC);
  /* The code never changes; a case without names is listed by it. */
  bind_sort_key (stmt, 9, kase, pa_case_get_code (kase));
  sqlite3_bind_int64 (stmt, 10, id);
  if (!pa_store_step_done (store, stmt, error))
    goto fail;
  if (sqlite3_changes (pa_store_get_db (store)) == 0)
    {
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_NOT_FOUND,
                   _("There is no case with the number %" PRId64 "."), id);
      goto fail;
    }
  if (!pa_store_reindex_case (store, id, error) ||
      !pa_store_audit (store, "case.update", id, "case", NULL, error) ||
      !pa_store_commit (store, error))
    goto fail;

  pa_store_emit_case_changed (store, id);
  return TRUE;

fail:
  pa_store_rollback (store);
  return FALSE;
}

/**
 * pa_store_case_get:
 *
 * Returns: (transfer full): the case, trashed or not, or %NULL with
 * %PA_STORE_ERROR_NOT_FOUND.
 */
PaCase *
pa_store_case_get (PaStore  *store,
                   gint64    case_id,
                   GError  **error)
{
  sqlite3_stmt *stmt;
  PaCase *kase = NULL;
  int rc;

  g_return_val_if_fail (PA_IS_STORE (store), NULL);

  /* Lists read the cases they show one by one: keep the statement. */
  stmt = pa_store_prepare_cached (store, "SELECT " CASE_COLUMNS " FROM case_file c WHERE c.id = ?",
                                  error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, case_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    kase = case_from_row (stmt);
  else if (rc == SQLITE_DONE)
    g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_NOT_FOUND,
                 _("There is no case with the number %" PRId64 "."), case_id);
  else
    pa_store_set_error (store, rc, error);
  sqlite3_reset (stmt);
  return kase;
}

/**
 * pa_store_case_find:
 * @id_or_code: a case number ("12") or a case code ("PA-2026-0012")
 *
 * Returns: the case's id, or 0 when there is no such case.
 */
gint64
pa_store_case_find (PaStore    *store,
                    const char *id_or_code)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  guint64 number;

  g_return_val_if_fail (PA_IS_STORE (store), 0);
  g_return_val_if_fail (id_or_code != NULL, 0);

  stmt = pa_store_prepare (store, "SELECT id FROM case_file WHERE id = ? OR code = ?", NULL);
  if (stmt == NULL)
    return 0;
  if (g_ascii_string_to_unsigned (id_or_code, 10, 1, G_MAXINT64, &number, NULL))
    sqlite3_bind_int64 (stmt, 1, (gint64) number);
  else
    sqlite3_bind_int64 (stmt, 1, -1);
  sqlite3_bind_text (stmt, 2, id_or_code, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return 0;
  return sqlite3_column_int64 (stmt, 0);
}

gboolean
pa_store_case_rename (PaStore     *store,
                      gint64       case_id,
                      const char  *given_name,
                      const char  *family_name,
                      GError     **error)
{
  g_autoptr (PaCase) kase = NULL;

  g_return_val_if_fail (PA_IS_STORE (store), FALSE);

  kase = pa_store_case_get (store, case_id, error);
  if (kase == NULL)
    return FALSE;
  pa_case_set_given_name (kase, given_name);
  pa_case_set_family_name (kase, family_name);
  return pa_store_case_update (store, kase, error);
}

static gboolean
set_trashed (PaStore   *store,
             gint64     case_id,
             gboolean   trashed,
             GError   **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *now = pa_now_utc ();

  if (!pa_store_begin (store, error))
    return FALSE;
  stmt = pa_store_prepare (store,
                           trashed ? "UPDATE case_file SET trashed_at = ? WHERE id = ? AND trashed_at IS NULL"
                                   : "UPDATE case_file SET trashed_at = NULL WHERE id = ? AND trashed_at IS NOT NULL",
                           error);
  if (stmt == NULL)
    goto fail;
  if (trashed)
    {
      sqlite3_bind_text (stmt, 1, now, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 2, case_id);
    }
  else
    sqlite3_bind_int64 (stmt, 1, case_id);
  if (!pa_store_step_done (store, stmt, error))
    goto fail;
  if (sqlite3_changes (pa_store_get_db (store)) == 0)
    {
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_NOT_FOUND,
                   trashed ? _("There is no active case with the number %" PRId64 ".")
                           : _("There is no case with the number %" PRId64 " in the trash."),
                   case_id);
      goto fail;
    }
  if (!pa_store_audit (store, trashed ? "case.trash" : "case.restore", case_id, "case", NULL, error) ||
      !pa_store_commit (store, error))
    goto fail;
  pa_store_emit_case_changed (store, case_id);
  return TRUE;

fail:
  pa_store_rollback (store);
  return FALSE;
}

/* Moves a case to the trash: it leaves the lists and searches but keeps all its data. */
gboolean
pa_store_case_trash (PaStore  *store,
                     gint64    case_id,
                     GError  **error)
{
  g_return_val_if_fail (PA_IS_STORE (store), FALSE);
  return set_trashed (store, case_id, TRUE, error);
}

gboolean
pa_store_case_restore (PaStore  *store,
                       gint64    case_id,
                       GError  **error)
{
  g_return_val_if_fail (PA_IS_STORE (store), FALSE);
  return set_trashed (store, case_id, FALSE, error);
}

/**
 * pa_store_case_purge:
 *
 * Erases a trashed case and everything it holds, so that none of its text
 * remains in the database file or its write-ahead log: rows are deleted with
 * secure_delete on, the search index is merged so no segment keeps its
 * words, and the log is checkpointed and truncated. While another connection
 * reads (its snapshot still holds the case), the log is emptied after the
 * next commit once it stopped, or at close. The audit log keeps only the
 * fact that case number N was purged.
 */
gboolean
pa_store_case_purge (PaStore  *store,
                     gint64    case_id,
                     GError  **error)
{
  g_autoptr (sqlite3_stmt) check = NULL;
  g_autoptr (sqlite3_stmt) del = NULL;
  g_autoptr (sqlite3_stmt) del_search = NULL;
  int rc;

  g_return_val_if_fail (PA_IS_STORE (store), FALSE);

  if (!pa_store_begin (store, error))
    return FALSE;

  check = pa_store_prepare (store, "SELECT trashed_at IS NOT NULL FROM case_file WHERE id = ?", error);
  if (check == NULL)
    goto fail;
  sqlite3_bind_int64 (check, 1, case_id);
  rc = sqlite3_step (check);
  if (rc != SQLITE_ROW || !sqlite3_column_int (check, 0))
    {
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_NOT_FOUND,
                   _("There is no case with the number %" PRId64 " in the trash; "
                     "move a case to the trash before erasing it."), case_id);
      goto fail;
    }
  g_clear_pointer (&check, sqlite3_finalize);

  del_search = pa_store_prepare (store, "DELETE FROM case_search WHERE rowid = ?", error);
  if (del_search == NULL)
    goto fail;
  sqlite3_bind_int64 (del_search, 1, case_id);
  if (!pa_store_step_done (store, del_search, error))
    goto fail;

  del = pa_store_prepare (store, "DELETE FROM case_file WHERE id = ?", error);
  if (del == NULL)
    goto fail;
  sqlite3_bind_int64 (del, 1, case_id);
  if (!pa_store_step_done (store, del, error))
    goto fail;

  if (!pa_store_exec (store, "INSERT INTO case_search (case_search) VALUES ('optimize')", error))
    goto fail;
  if (!pa_store_audit (store, "case.purge", case_id, "case", NULL, error) ||
      !pa_store_commit (store, error))
    goto fail;

  /* The log still holds the old pages until it is checkpointed and cut;
   * that needs every statement of this connection finished. While another
   * connection reads, the store finishes it after a later commit. */
  g_clear_pointer (&del_search, sqlite3_finalize);
  g_clear_pointer (&del, sqlite3_finalize);
  pa_store_erase_log (store, TRUE);

  pa_store_emit_case_changed (store, case_id);
  return TRUE;

fail:
  pa_store_rollback (store);
  return FALSE;
}

/* A case as last read once a list showed it: lists and searches hand out
 * these shared snapshots instead of reading every row again. Any change to
 * a case drops its entry (pa_store_emit_case_changed()). */
struct _PaCachedCase
{
  gint64 id;
  PaCase *kase;
};

void
pa_cached_case_free (PaCachedCase *cached)
{
  g_clear_object (&cached->kase);
  g_free (cached);
}

/* Keeps @kase (taken) as the shared snapshot of its case. */
static PaCachedCase *
cache_case (GHashTable *cache,
            PaCase     *kase)
{
  PaCachedCase *cached = g_new0 (PaCachedCase, 1);

  cached->id = pa_case_get_id (kase);
  cached->kase = kase;
  g_hash_table_replace (cache, &cached->id, cached);
  return cached;
}

/**
 * pa_store_sort_all_cases:
 *
 * Writes the sort key of every case for the current collation locale, and
 * notes that locale in the setting 'case.sort_locale'. For the caller's
 * transaction (a migration, or pa_store_check_case_order()).
 */
gboolean
pa_store_sort_all_cases (PaStore  *self,
                         GError  **error)
{
  g_autoptr (sqlite3_stmt) read = NULL;
  g_autoptr (sqlite3_stmt) write = NULL;
  int rc;

  read = pa_store_prepare (self, "SELECT id, given_name, family_name, code FROM case_file", error);
  write = read ? pa_store_prepare (self, "UPDATE case_file SET sort_key = ? WHERE id = ?", error)
               : NULL;
  if (write == NULL)
    return FALSE;
  while ((rc = sqlite3_step (read)) == SQLITE_ROW)
    {
      char *key = sort_key_for ((const char *) sqlite3_column_text (read, 1),
                                (const char *) sqlite3_column_text (read, 2),
                                (const char *) sqlite3_column_text (read, 3));

      sqlite3_bind_blob (write, 1, key, strlen (key), g_free);
      sqlite3_bind_int64 (write, 2, sqlite3_column_int64 (read, 0));
      if (!pa_store_step_done (self, write, error))
        return FALSE;
      sqlite3_reset (write);
    }
  if (rc != SQLITE_DONE)
    return pa_store_set_error (self, rc, error);
  return pa_store_set_setting (self, "case.sort_locale", setlocale (LC_COLLATE, NULL), error);
}

/**
 * pa_store_check_case_order:
 *
 * Rewrites the sort keys of the cases when the store was last sorted under
 * another collation locale (a store carried to another computer, or opened
 * by a program in another locale), or when a case has none. One
 * transaction; nothing to do, and nothing written, otherwise.
 */
gboolean
pa_store_check_case_order (PaStore  *self,
                           GError  **error)
{
  g_autofree char *sorted = pa_store_get_setting (self, "case.sort_locale");
  g_autoptr (sqlite3_stmt) stmt = NULL;

  if (g_strcmp0 (sorted, setlocale (LC_COLLATE, NULL)) == 0)
    {
      stmt = pa_store_prepare (self, "SELECT 1 FROM case_file WHERE sort_key IS NULL LIMIT 1",
                               error);
      if (stmt == NULL)
        return FALSE;
      if (sqlite3_step (stmt) != SQLITE_ROW)
        return TRUE;
    }
  if (!pa_store_begin (self, error))
    return FALSE;
  if (!pa_store_sort_all_cases (self, error) || !pa_store_commit (self, error))
    {
      pa_store_rollback (self);
      return FALSE;
    }
  return TRUE;
}

/**
 * pa_search_to_fts_query:
 * @text: what the user typed
 *
 * Turns typed text into an FTS5 query where every word is a prefix that must
 * match; quotes and operators typed by the user are taken literally.
 * Returns: (transfer full) (nullable): the query, or %NULL when @text holds no word.
 */
char *
pa_search_to_fts_query (const char *text)
{
  g_autoptr (GString) query = g_string_new (NULL);
  g_auto (GStrv) words = NULL;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return NULL;
  words = g_strsplit_set (text, " \t\n\r\"*^:()+-,.;/'", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      if (words[i][0] == '\0')
        continue;
      if (query->len > 0)
        g_string_append_c (query, ' ');
      g_string_append_printf (query, "\"%s\"*", words[i]);
    }
  if (query->len == 0)
    return NULL;
  return g_string_free (g_steal_pointer (&query), FALSE);
}

/* The FROM and WHERE of a list; %NULL when @search is not text (nothing
 * matches). *@fts receives the search query to bind as parameter 1. */
static char *
list_from_where (const char   *search,
                 PaCaseFilter  filter,
                 char        **fts)
{
  const char *where;

  switch (filter)
    {
    case PA_CASE_FILTER_ACTIVE:
      /* Most cases are active: reading the table straight through is ten
       * times faster than through the index of trashed cases ("+"). */
      where = "+c.trashed_at IS NULL";
      break;
    case PA_CASE_FILTER_TRASHED:
      where = "c.trashed_at IS NOT NULL";
      break;
    case PA_CASE_FILTER_ALL:
    default:
      where = "1";
      break;
    }

  *fts = pa_search_to_fts_query (search);
  if (*fts != NULL)
    return g_strdup_printf ("FROM case_search s JOIN case_file c ON c.id = s.rowid "
                            "WHERE case_search MATCH ? AND %s", where);
  if (search != NULL && *search != '\0' && !g_utf8_validate (search, -1, NULL))
    return NULL;
  return g_strdup_printf ("FROM case_file c WHERE %s", where);
}

/* The ids of the cases listed, in the order of their names, read from the
 * index of sort keys. */
static GArray *
list_ids (PaStore      *store,
          const char   *from_where,
          const char   *fts,
          GError      **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT c.id %s ORDER BY c.sort_key, c.id", from_where);
  g_autoptr (sqlite3_stmt) stmt = pa_store_prepare (store, sql, error);
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  if (stmt == NULL)
    return NULL;
  if (fts != NULL)
    sqlite3_bind_text (stmt, 1, fts, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    {
      pa_store_set_error (store, rc, error);
      return NULL;
    }
  return g_steal_pointer (&ids);
}

/**
 * pa_store_case_list_ids:
 * @search: (nullable): as for pa_store_case_list()
 *
 * The cases of pa_store_case_list(), in the same order, as ids: a list of
 * thousands of cases reads only their ids, in order from an index, and each
 * case itself when it is shown (pa_store_case_get_listed()).
 * Returns: (transfer full) (element-type gint64): the ids, or %NULL on error
 */
GArray *
pa_store_case_list_ids (PaStore       *store,
                        const char    *search,
                        PaCaseFilter   filter,
                        GError       **error)
{
  g_autofree char *fts = NULL;
  g_autofree char *from_where = NULL;

  g_return_val_if_fail (PA_IS_STORE (store), NULL);

  from_where = list_from_where (search, filter, &fts);
  if (from_where == NULL)
    return g_array_new (FALSE, FALSE, sizeof (gint64));
  return list_ids (store, from_where, fts, error);
}

/**
 * pa_store_case_get_listed:
 *
 * The shared snapshot of a case, as lists hand it out: read once, kept
 * until the case changes. Do not change it; to edit a case, get your own
 * copy with pa_store_case_get().
 * Returns: (transfer full): the case, or %NULL with %PA_STORE_ERROR_NOT_FOUND
 */
PaCase *
pa_store_case_get_listed (PaStore  *store,
                          gint64    case_id,
                          GError  **error)
{
  GHashTable *cache;
  PaCachedCase *cached;
  PaCase *kase;

  g_return_val_if_fail (PA_IS_STORE (store), NULL);

  cache = pa_store_get_case_cache (store);
  cached = g_hash_table_lookup (cache, &case_id);
  if (cached != NULL)
    return g_object_ref (cached->kase);
  kase = pa_store_case_get (store, case_id, error);
  if (kase == NULL)
    return NULL;
  return g_object_ref (cache_case (cache, kase)->kase);
}

/* Reads into the cache the cases among @ids it does not hold: one by one
 * when they are few, else with one query over the whole selection. */
static gboolean
fill_cache (PaStore     *store,
            GArray      *ids,
            const char  *from_where,
            const char  *fts,
            GError     **error)
{
  GHashTable *cache = pa_store_get_case_cache (store);
  g_autoptr (GArray) missing = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *sql = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  for (guint i = 0; i < ids->len; i++)
    if (!g_hash_table_contains (cache, &g_array_index (ids, gint64, i)))
      g_array_append_val (missing, g_array_index (ids, gint64, i));
  if (missing->len == 0)
    return TRUE;

  if (missing->len <= 32)
    {
      for (guint i = 0; i < missing->len; i++)
        {
          PaCase *kase = pa_store_case_get (store, g_array_index (missing, gint64, i), error);

          if (kase == NULL)
            return FALSE;
          cache_case (cache, kase);
        }
      return TRUE;
    }

  sql = g_strdup_printf ("SELECT " CASE_COLUMNS " %s", from_where);
  stmt = pa_store_prepare (store, sql, error);
  if (stmt == NULL)
    return FALSE;
  if (fts != NULL)
    sqlite3_bind_text (stmt, 1, fts, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      if (!g_hash_table_contains (cache, &id))
        cache_case (cache, case_from_row (stmt));
    }
  if (rc != SQLITE_DONE)
    return pa_store_set_error (store, rc, error);
  return TRUE;
}

/**
 * pa_store_case_list:
 * @search: (nullable): typed text; every word must prefix a word of the
 *   case's name, code, origin or experiences (accents and case ignored)
 *
 * Returns: (transfer container) (element-type PaCase): the cases sorted by
 * name in the current locale's order. They are shared snapshots, kept by
 * the store for the next list: do not change them; to edit a case, get your
 * own copy with pa_store_case_get().
 */
GPtrArray *
pa_store_case_list (PaStore       *store,
                    const char    *search,
                    PaCaseFilter   filter,
                    GError       **error)
{
  g_autofree char *fts = NULL;
  g_autofree char *from_where = NULL;
  g_autoptr (GArray) ids = NULL;
  GHashTable *cache;
  GPtrArray *result;

  g_return_val_if_fail (PA_IS_STORE (store), NULL);

  from_where = list_from_where (search, filter, &fts);
  if (from_where == NULL)
    return g_ptr_array_new_with_free_func (g_object_unref);
  ids = list_ids (store, from_where, fts, error);
  if (ids == NULL || !fill_cache (store, ids, from_where, fts, error))
    return NULL;

  cache = pa_store_get_case_cache (store);
  result = g_ptr_array_new_full (ids->len, g_object_unref);
  for (guint i = 0; i < ids->len; i++)
    {
      PaCachedCase *cached = g_hash_table_lookup (cache, &g_array_index (ids, gint64, i));

      if (cached != NULL)
        g_ptr_array_add (result, g_object_ref (cached->kase));
    }
  return result;
}

guint
pa_store_case_count (PaStore      *store,
                     PaCaseFilter  filter)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  const char *sql;

  g_return_val_if_fail (PA_IS_STORE (store), 0);

  sql = filter == PA_CASE_FILTER_ACTIVE ? "SELECT count(*) FROM case_file WHERE trashed_at IS NULL"
      : filter == PA_CASE_FILTER_TRASHED ? "SELECT count(*) FROM case_file WHERE trashed_at IS NOT NULL"
      : "SELECT count(*) FROM case_file";
  stmt = pa_store_prepare (store, sql, NULL);
  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return 0;
  return sqlite3_column_int (stmt, 0);
}

gboolean
pa_store_reindex_case (PaStore  *self,
                       gint64    case_id,
                       GError  **error)
{
  sqlite3_stmt *read;
  sqlite3_stmt *del;
  sqlite3_stmt *ins;
  g_autoptr (GString) origin = g_string_new (NULL);
  const char *country;
  gboolean ok;

  if (pa_store_in_bulk (self))
    {
      pa_store_bulk_defer_reindex (self, case_id);
      return TRUE;
    }

  read = pa_store_prepare_cached (self,
                                  "SELECT c.code, c.given_name || ' ' || c.family_name, "
                                  "c.origin_country, coalesce ((SELECT group_concat (e.title || ' ' "
                                  "|| e.organisation || ' ' || e.place || ' ' || e.tasks, ' ') "
                                  "FROM experience e WHERE e.case_id = c.id), '') "
                                  "FROM case_file c WHERE c.id = ?",
                                  error);
  if (read == NULL)
    return FALSE;
  del = pa_store_prepare_cached (self, "DELETE FROM case_search WHERE rowid = ?", error);
  if (del == NULL)
    return FALSE;
  sqlite3_bind_int64 (del, 1, case_id);
  if (!pa_store_run_cached (self, del, error))
    return FALSE;

  sqlite3_bind_int64 (read, 1, case_id);
  if (sqlite3_step (read) != SQLITE_ROW)
    {
      sqlite3_reset (read);
      return TRUE;
    }

  /* Index the origin by its code, its English name and its name in the
   * interface language, so a trainer finds "Syrie" as well as "Syria". */
  country = (const char *) sqlite3_column_text (read, 2);
  if (country != NULL)
    {
      const char *en = pa_iso_country_name_en (country);
      const char *local = pa_iso_country_name (country);
      g_string_append_printf (origin, "%s %s", country, en);
      if (g_strcmp0 (en, local) != 0)
        g_string_append_printf (origin, " %s", local);
    }

  ins = pa_store_prepare_cached (self,
                                 "INSERT INTO case_search (rowid, code, names, origin, experiences) "
                                 "VALUES (?, ?, ?, ?, ?)",
                                 error);
  if (ins == NULL)
    {
      sqlite3_reset (read);
      return FALSE;
    }
  sqlite3_bind_int64 (ins, 1, case_id);
  sqlite3_bind_value (ins, 2, sqlite3_column_value (read, 0));
  sqlite3_bind_value (ins, 3, sqlite3_column_value (read, 1));
  sqlite3_bind_text (ins, 4, origin->str, -1, SQLITE_STATIC);
  sqlite3_bind_value (ins, 5, sqlite3_column_value (read, 3));
  ok = pa_store_run_cached (self, ins, error);
  /* The values bound were copied; the read may end now. */
  sqlite3_clear_bindings (ins);
  sqlite3_reset (read);
  return ok;
}
