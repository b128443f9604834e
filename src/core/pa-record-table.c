/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pa-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "pa-iso-codes.h"
#include "pa-record-table.h"
#include "pa-records.h"
#include "pa-store-private.h"

/* The common path of every record type: validation against the schema's
 * rules, then one transaction that writes the row, touches the case, keeps
 * the search index current and writes an audit row. */


#define FIELD(record, column, type) (*(type *) ((char *) (record) + (column)->offset))

char *
pa_id_text (gint64 id)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, id);
}

static void
replace_string (char       **field,
                const char  *value)
{
  char *copy = g_strdup (value);
  g_free (*field);
  *field = copy;
}

/* Checks one column and normalises it in place (empty text → NULL,
 * country codes upper-case, language codes lower-case). */
static gboolean
validate_column (const PaColumn  *column,
                 gpointer         record,
                 GError         **error)
{
  gboolean required = (column->flags & PA_COL_REQUIRED) != 0;
  char **text = NULL;

  switch (column->kind)
    {
    case PA_COL_TEXT:
    case PA_COL_OPT_TEXT:
      text = &FIELD (record, column, char *);
      if (column->kind == PA_COL_OPT_TEXT && *text != NULL && **text == '\0')
        g_clear_pointer (text, g_free);
      return pa_check_text (column->label, *text, required, column->max_chars, error);

    case PA_COL_ENUM:
      text = &FIELD (record, column, char *);
      if (*text == NULL && !required)
        return TRUE;
      return pa_check_value (column->label, column->list, *text, error);

    case PA_COL_DATE:
    case PA_COL_PARTIAL_DATE:
      text = &FIELD (record, column, char *);
      if (*text != NULL && **text == '\0')
        g_clear_pointer (text, g_free);
      if (*text == NULL)
        return pa_check_text (column->label, NULL, required, 0, error);
      return pa_check_date (column->label, *text, column->kind == PA_COL_PARTIAL_DATE, error);

    case PA_COL_COUNTRY:
      text = &FIELD (record, column, char *);
      if (*text != NULL && **text == '\0')
        g_clear_pointer (text, g_free);
      if (*text == NULL)
        return pa_check_text (column->label, NULL, required, 0, error);
      if (strlen (*text) == 2 && g_ascii_isalpha ((*text)[0]) && g_ascii_isalpha ((*text)[1]) &&
          g_strcmp0 (pa_iso_country_name_en (*text), *text) != 0)
        {
          g_autofree char *up = g_ascii_strup (*text, -1);
          replace_string (text, up);
          return TRUE;
        }
      if (!g_utf8_validate (*text, -1, NULL))
        return pa_check_text (column->label, *text, FALSE, 0, error);
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_INVALID,
                   _("%s: “%s” is not an ISO 3166 country code."), _(column->label), *text);
      return FALSE;

    case PA_COL_LANGUAGE:
      text = &FIELD (record, column, char *);
      if (*text == NULL || **text == '\0')
        return pa_check_text (column->label, NULL, TRUE, 0, error);
      if ((strlen (*text) == 2 || strlen (*text) == 3) && g_str_is_ascii (*text) &&
          g_strcmp0 (pa_iso_language_name_en (*text), *text) != 0)
        {
          g_autofree char *down = g_ascii_strdown (*text, -1);
          replace_string (text, down);
          return TRUE;
        }
      if (!g_utf8_validate (*text, -1, NULL))
        return pa_check_text (column->label, *text, FALSE, 0, error);
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_INVALID,
                   _("%s: “%s” is not an ISO 639 language code."), _(column->label), *text);
      return FALSE;

    case PA_COL_URI:
      text = &FIELD (record, column, char *);
      if (*text != NULL && **text == '\0')
        g_clear_pointer (text, g_free);
      if (*text == NULL)
        return pa_check_text (column->label, NULL, required, 0, error);
      return pa_check_uri (column->label, *text, error);

    case PA_COL_DIGITS:
      text = &FIELD (record, column, char *);
      if (*text != NULL && **text == '\0')
        g_clear_pointer (text, g_free);
      if (*text == NULL)
        return TRUE;
      {
        gsize len = strlen (*text);
        gboolean digits = len >= 2 && len <= 4;
        for (gsize i = 0; digits && i < len; i++)
          digits = g_ascii_isdigit ((*text)[i]);
        if (digits)
          return TRUE;
      }
      if (!g_utf8_validate (*text, -1, NULL))
        return pa_check_text (column->label, *text, FALSE, 0, error);
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_INVALID,
                   _("%s: “%s” is not an ISCED-F field code (2 to 4 digits)."),
                   _(column->label), *text);
      return FALSE;

    case PA_COL_INT:
      {
        int value = FIELD (record, column, int);
        if (value == column->unset || (value >= column->min && value <= column->max))
          return TRUE;
        g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_INVALID,
                     _("%s: %d is not between %d and %d."), _(column->label), value,
                     column->min, column->max);
        return FALSE;
      }

    case PA_COL_BOOL:
      FIELD (record, column, gboolean) = FIELD (record, column, gboolean) != FALSE;
      return TRUE;

    case PA_COL_REF:
    case PA_COL_ACTOR:
    case PA_COL_CREATED:
    default:
      return TRUE;
    }
}

gboolean
pa_table_validate (const PaTable  *table,
                   gpointer        record,
                   GError        **error)
{
  for (guint i = 0; i < table->n_columns; i++)
    if (!validate_column (&table->columns[i], record, error))
      return FALSE;
  return TRUE;
}

static void
bind_column (sqlite3_stmt   *stmt,
             int             index,
             const PaColumn *column,
             gconstpointer   record)
{
  const char *text;

  switch (column->kind)
    {
    case PA_COL_TEXT:
      text = FIELD (record, column, char *);
      sqlite3_bind_text (stmt, index, text ? text : "", -1, SQLITE_STATIC);
      break;
    case PA_COL_INT:
      if (FIELD (record, column, int) == column->unset)
        sqlite3_bind_null (stmt, index);
      else
        sqlite3_bind_int (stmt, index, FIELD (record, column, int));
      break;
    case PA_COL_BOOL:
      sqlite3_bind_int (stmt, index, FIELD (record, column, gboolean) ? 1 : 0);
      break;
    case PA_COL_REF:
    case PA_COL_ACTOR:
      if (FIELD (record, column, gint64) == 0)
        sqlite3_bind_null (stmt, index);
      else
        sqlite3_bind_int64 (stmt, index, FIELD (record, column, gint64));
      break;
    case PA_COL_OPT_TEXT:
    case PA_COL_ENUM:
    case PA_COL_DATE:
    case PA_COL_PARTIAL_DATE:
    case PA_COL_COUNTRY:
    case PA_COL_LANGUAGE:
    case PA_COL_URI:
    case PA_COL_DIGITS:
    case PA_COL_CREATED:
    default:
      text = FIELD (record, column, char *);
      if (text == NULL)
        sqlite3_bind_null (stmt, index);
      else
        sqlite3_bind_text (stmt, index, text, -1, SQLITE_STATIC);
      break;
    }
}

static void
read_column (sqlite3_stmt   *stmt,
             int             index,
             const PaColumn *column,
             gpointer        record)
{
  gboolean null = sqlite3_column_type (stmt, index) == SQLITE_NULL;

  switch (column->kind)
    {
    case PA_COL_INT:
      FIELD (record, column, int) = null ? column->unset : sqlite3_column_int (stmt, index);
      break;
    case PA_COL_BOOL:
      FIELD (record, column, gboolean) = sqlite3_column_int (stmt, index) != 0;
      break;
    case PA_COL_REF:
    case PA_COL_ACTOR:
      FIELD (record, column, gint64) = null ? 0 : sqlite3_column_int64 (stmt, index);
      break;
    case PA_COL_TEXT:
    case PA_COL_OPT_TEXT:
    case PA_COL_ENUM:
    case PA_COL_DATE:
    case PA_COL_PARTIAL_DATE:
    case PA_COL_COUNTRY:
    case PA_COL_LANGUAGE:
    case PA_COL_URI:
    case PA_COL_DIGITS:
    case PA_COL_CREATED:
    default:
      replace_string (&FIELD (record, column, char *),
                      null ? NULL : (const char *) sqlite3_column_text (stmt, index));
      break;
    }
}

/* Marks the case as changed now; refuses a case that does not exist or is in
 * the trash (its content is frozen until it is restored). */
gboolean
pa_touch_case (PaStore  *store,
               gint64    case_id,
               GError  **error)
{
  g_autofree char *now = pa_now_utc ();
  g_autofree char *number = NULL;
  g_autoptr (sqlite3_stmt) check = NULL;
  sqlite3_stmt *stmt;

  stmt = pa_store_prepare_cached (store,
                                  "UPDATE case_file SET updated_at = ? "
                                  "WHERE id = ? AND trashed_at IS NULL",
                                  error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, now, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, case_id);
  if (!pa_store_run_cached (store, stmt, error))
    return FALSE;
  if (sqlite3_changes (pa_store_get_db (store)) > 0)
    return TRUE;

  check = pa_store_prepare (store, "SELECT 1 FROM case_file WHERE id = ?", error);
  if (check == NULL)
    return FALSE;
  sqlite3_bind_int64 (check, 1, case_id);
  number = pa_id_text (case_id);
  if (sqlite3_step (check) == SQLITE_ROW)
    g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_INVALID,
                 _("The case number %s is in the trash; restore it before changing it."), number);
  else
    g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_NOT_FOUND,
                 _("There is no case with the number %s."), number);
  return FALSE;
}

/* Ends a change to one record of a case: audit row, commit, and the case
 * announced as changed. */
gboolean
pa_finish_change (PaStore     *store,
        const char  *action,
        gint64       case_id,
        const char  *object,
        gint64       id,
        GError     **error)
{
  g_autofree char *detail = pa_id_text (id);

  if (!pa_store_audit (store, action, case_id, object, detail, error) ||
      !pa_store_commit (store, error))
    return FALSE;
  pa_store_emit_case_changed (store, case_id);
  return TRUE;
}

/* The case a claim, experience or evidence belongs to; 0 with an error when
 * there is no such row. */
gint64
pa_owner_case (PaStore     *store,
               const char  *table,
               gint64       id,
               GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT case_id FROM %s WHERE id = ?", table);
  g_autofree char *number = NULL;
  sqlite3_stmt *stmt;

  stmt = pa_store_prepare_cached (store, sql, error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 case_id = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
      return case_id;
    }
  sqlite3_reset (stmt);

  number = pa_id_text (id);

  if (g_str_equal (table, "claim"))
    g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_NOT_FOUND,
                 _("There is no competence claim number %s."), number);
  else if (g_str_equal (table, "experience"))
    g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_NOT_FOUND,
                 _("There is no experience number %s."), number);
  else
    g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_NOT_FOUND,
                 _("There is no evidence number %s."), number);
  return 0;
}

static gboolean
check_parent (PaStore        *store,
              const PaTable  *table,
              gint64          parent_id,
              GError        **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;

  if (table->parent == NULL)
    return TRUE;
  if (g_str_equal (table->parent, "case_id"))
    return pa_touch_case (store, parent_id, error);

  /* seminar_id */
  stmt = pa_store_prepare (store, "SELECT 1 FROM seminar WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, parent_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    return TRUE;
  {
    g_autofree char *number = pa_id_text (parent_id);
    g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_NOT_FOUND,
                 _("There is no seminar with the number %s."), number);
  }
  return FALSE;
}

static void
announce (PaStore       *store,
          const PaTable *table,
          gint64         parent_or_id)
{
  if (table->changed != NULL)
    table->changed (store, parent_or_id);
  else if (table->parent != NULL && g_str_equal (table->parent, "case_id"))
    pa_store_emit_case_changed (store, parent_or_id);
}

static gboolean
finish_change (PaStore        *store,
               const PaTable  *table,
               const char     *verb,
               gint64          parent_id,
               gint64          id,
               GError        **error)
{
  g_autofree char *action = g_strconcat (table->object, ".", verb, NULL);
  g_autofree char *detail = pa_id_text (id);
  gint64 audit_case = table->parent && g_str_equal (table->parent, "case_id") ? parent_id : 0;

  if (table->reindex && !pa_store_reindex_case (store, parent_id, error))
    return FALSE;
  return pa_store_audit (store, action, audit_case, table->object, detail, error);
}

static gint64 *
parent_field (const PaTable *table,
              gpointer       record)
{
  return (gint64 *) ((char *) record + table->parent_offset);
}

/**
 * pa_table_insert:
 *
 * Validates @record and stores it as a new row; on success its id (and the
 * columns the store sets: actor, creation time) are filled in.
 */
gboolean
pa_table_insert (PaStore        *store,
                 const PaTable  *table,
                 gpointer        record,
                 GError        **error)
{
  g_autoptr (GString) sql = g_string_new ("INSERT INTO ");
  g_autofree char *now = pa_now_utc ();
  gint64 parent_id = table->parent ? *parent_field (table, record) : 0;
  sqlite3_stmt *stmt;
  int index = 1;

  g_return_val_if_fail (PA_RECORD_ID (record) == 0, FALSE);

  if (!pa_table_validate (table, record, error))
    return FALSE;

  for (guint i = 0; i < table->n_columns; i++)
    {
      const PaColumn *column = &table->columns[i];
      if (column->kind == PA_COL_ACTOR && FIELD (record, column, gint64) == 0)
        FIELD (record, column, gint64) = pa_store_get_actor (store);
      else if (column->kind == PA_COL_CREATED && FIELD (record, column, char *) == NULL)
        replace_string (&FIELD (record, column, char *), now);
    }

  g_string_append_printf (sql, "%s (", table->table);
  if (table->parent)
    g_string_append_printf (sql, "%s, ", table->parent);
  for (guint i = 0; i < table->n_columns; i++)
    g_string_append_printf (sql, "%s%s", i ? ", " : "", table->columns[i].name);
  g_string_append (sql, ") VALUES (");
  if (table->parent)
    g_string_append (sql, "?, ");
  for (guint i = 0; i < table->n_columns; i++)
    g_string_append (sql, i ? ", ?" : "?");
  g_string_append_c (sql, ')');

  if (!pa_store_begin (store, error))
    return FALSE;
  if (!check_parent (store, table, parent_id, error))
    goto fail;
  if (table->check != NULL && !table->check (store, record, error))
    goto fail;

  stmt = pa_store_prepare_cached (store, sql->str, error);
  if (stmt == NULL)
    goto fail;
  if (table->parent)
    sqlite3_bind_int64 (stmt, index++, parent_id);
  for (guint i = 0; i < table->n_columns; i++)
    bind_column (stmt, index++, &table->columns[i], record);
  if (!pa_store_run_cached (store, stmt, error))
    goto fail;
  PA_RECORD_ID (record) = sqlite3_last_insert_rowid (pa_store_get_db (store));

  if (!finish_change (store, table, "add", parent_id, PA_RECORD_ID (record), error) ||
      !pa_store_commit (store, error))
    goto fail;
  announce (store, table, table->parent ? parent_id : PA_RECORD_ID (record));
  return TRUE;

fail:
  pa_store_rollback (store);
  PA_RECORD_ID (record) = 0;
  return FALSE;
}

static gboolean
lookup_parent (PaStore        *store,
               const PaTable  *table,
               gint64          id,
               gint64         *parent_id,
               GError        **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM %s WHERE id = ?",
                                          table->parent ? table->parent : "id", table->table);

  stmt = pa_store_prepare (store, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_autofree char *number = pa_id_text (id);
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_NOT_FOUND, _(table->not_found), number);
      return FALSE;
    }
  *parent_id = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

/**
 * pa_table_update:
 *
 * Writes every column of @record (found by its id) except those the store
 * sets on insert. The record stays with its case or seminar.
 */
gboolean
pa_table_update (PaStore        *store,
                 const PaTable  *table,
                 gpointer        record,
                 GError        **error)
{
  g_autoptr (GString) sql = g_string_new ("UPDATE ");
  gint64 id = PA_RECORD_ID (record);
  gint64 parent_id = 0;
  sqlite3_stmt *stmt;
  int index = 1;
  gboolean first = TRUE;

  if (!pa_table_validate (table, record, error))
    return FALSE;

  g_string_append_printf (sql, "%s SET ", table->table);
  for (guint i = 0; i < table->n_columns; i++)
    {
      if (table->columns[i].kind == PA_COL_ACTOR || table->columns[i].kind == PA_COL_CREATED)
        continue;
      g_string_append_printf (sql, "%s%s = ?", first ? "" : ", ", table->columns[i].name);
      first = FALSE;
    }
  g_string_append (sql, " WHERE id = ?");

  if (!pa_store_begin (store, error))
    return FALSE;
  if (!lookup_parent (store, table, id, &parent_id, error))
    goto fail;
  if (table->parent)
    *parent_field (table, record) = parent_id;
  if (!check_parent (store, table, parent_id, error))
    goto fail;
  if (table->check != NULL && !table->check (store, record, error))
    goto fail;

  stmt = pa_store_prepare_cached (store, sql->str, error);
  if (stmt == NULL)
    goto fail;
  for (guint i = 0; i < table->n_columns; i++)
    {
      if (table->columns[i].kind == PA_COL_ACTOR || table->columns[i].kind == PA_COL_CREATED)
        continue;
      bind_column (stmt, index++, &table->columns[i], record);
    }
  sqlite3_bind_int64 (stmt, index, id);
  if (!pa_store_run_cached (store, stmt, error))
    goto fail;

  if (!finish_change (store, table, "update", parent_id, id, error) ||
      !pa_store_commit (store, error))
    goto fail;
  announce (store, table, parent_id);
  return TRUE;

fail:
  pa_store_rollback (store);
  return FALSE;
}

/**
 * pa_table_restore:
 * @record: a row read before it was deleted, with its id
 * @hook: (nullable): what else to put back in the same transaction (links)
 *
 * Stores @record again as it was: under its old id when that id is still
 * free (a new one otherwise, set in @record), with the author and time of
 * creation it had. Audited as "<object>.restore".
 */
gboolean
pa_table_restore (PaStore             *store,
                  const PaTable       *table,
                  gpointer             record,
                  PaTableRestoreHook   hook,
                  gpointer             hook_data,
                  GError             **error)
{
  g_autoptr (GString) sql = g_string_new ("INSERT INTO ");
  g_autofree char *now = pa_now_utc ();
  g_autofree char *taken_sql = g_strdup_printf ("SELECT 1 FROM %s WHERE id = ?", table->table);
  g_autoptr (sqlite3_stmt) taken = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  gint64 parent_id = table->parent ? *parent_field (table, record) : 0;
  gint64 old_id = PA_RECORD_ID (record);
  gboolean free_id;
  int index = 1;

  if (!pa_table_validate (table, record, error))
    return FALSE;

  for (guint i = 0; i < table->n_columns; i++)
    {
      const PaColumn *column = &table->columns[i];
      if (column->kind == PA_COL_ACTOR && FIELD (record, column, gint64) == 0)
        FIELD (record, column, gint64) = pa_store_get_actor (store);
      else if (column->kind == PA_COL_CREATED && FIELD (record, column, char *) == NULL)
        replace_string (&FIELD (record, column, char *), now);
    }

  g_string_append_printf (sql, "%s (id", table->table);
  if (table->parent)
    g_string_append_printf (sql, ", %s", table->parent);
  for (guint i = 0; i < table->n_columns; i++)
    g_string_append_printf (sql, ", %s", table->columns[i].name);
  g_string_append (sql, ") VALUES (?");
  if (table->parent)
    g_string_append (sql, ", ?");
  for (guint i = 0; i < table->n_columns; i++)
    g_string_append (sql, ", ?");
  g_string_append_c (sql, ')');

  if (!pa_store_begin (store, error))
    return FALSE;
  if (!check_parent (store, table, parent_id, error))
    goto fail;
  if (table->check != NULL && !table->check (store, record, error))
    goto fail;

  /* Ids are not AUTOINCREMENT: the last one removed may have been given
   * to a record added since. */
  taken = pa_store_prepare (store, taken_sql, error);
  if (taken == NULL)
    goto fail;
  sqlite3_bind_int64 (taken, 1, old_id);
  free_id = old_id > 0 && sqlite3_step (taken) != SQLITE_ROW;

  stmt = pa_store_prepare (store, sql->str, error);
  if (stmt == NULL)
    goto fail;
  if (free_id)
    sqlite3_bind_int64 (stmt, index, old_id);
  index++;
  if (table->parent)
    sqlite3_bind_int64 (stmt, index++, parent_id);
  for (guint i = 0; i < table->n_columns; i++)
    bind_column (stmt, index++, &table->columns[i], record);
  if (!pa_store_step_done (store, stmt, error))
    goto fail;
  PA_RECORD_ID (record) = sqlite3_last_insert_rowid (pa_store_get_db (store));

  if ((hook != NULL && !hook (store, record, hook_data, error)) ||
      !finish_change (store, table, "restore", parent_id, PA_RECORD_ID (record), error) ||
      !pa_store_commit (store, error))
    goto fail;
  announce (store, table, table->parent ? parent_id : PA_RECORD_ID (record));
  return TRUE;

fail:
  pa_store_rollback (store);
  PA_RECORD_ID (record) = old_id;
  return FALSE;
}

gboolean
pa_table_delete (PaStore        *store,
                 const PaTable  *table,
                 gint64          id,
                 GError        **error)
{
  g_autofree char *sql = g_strdup_printf ("DELETE FROM %s WHERE id = ?", table->table);
  gint64 parent_id = 0;
  sqlite3_stmt *stmt;

  if (!pa_store_begin (store, error))
    return FALSE;
  if (!lookup_parent (store, table, id, &parent_id, error))
    goto fail;
  if (!check_parent (store, table, parent_id, error))
    goto fail;
  /* Listeners of a seminar's cases must be found before its rows go. */
  if (table->parent == NULL)
    announce (store, table, parent_id);

  stmt = pa_store_prepare_cached (store, sql, error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!pa_store_run_cached (store, stmt, error))
    goto fail;
  if (!finish_change (store, table, "delete", parent_id, id, error) ||
      !pa_store_commit (store, error))
    goto fail;
  if (table->parent != NULL)
    announce (store, table, parent_id);
  return TRUE;

fail:
  pa_store_rollback (store);
  return FALSE;
}

static char *
select_sql (const PaTable *table,
            const char    *where)
{
  g_autoptr (GString) sql = g_string_new ("SELECT id");

  if (table->parent)
    g_string_append_printf (sql, ", %s", table->parent);
  for (guint i = 0; i < table->n_columns; i++)
    g_string_append_printf (sql, ", %s", table->columns[i].name);
  g_string_append_printf (sql, " FROM %s WHERE %s ORDER BY %s", table->table, where,
                          table->order_by);
  return g_string_free (g_steal_pointer (&sql), FALSE);
}

static gpointer
record_from_row (const PaTable *table,
                 sqlite3_stmt  *stmt)
{
  gpointer record = table->new_record ();
  int index = 1;

  PA_RECORD_ID (record) = sqlite3_column_int64 (stmt, 0);
  if (table->parent)
    *parent_field (table, record) = sqlite3_column_int64 (stmt, index++);
  for (guint i = 0; i < table->n_columns; i++)
    read_column (stmt, index++, &table->columns[i], record);
  return record;
}

gpointer
pa_table_get (PaStore        *store,
              const PaTable  *table,
              gint64          id,
              GError        **error)
{
  g_autofree char *sql = select_sql (table, "id = ?");
  g_autoptr (sqlite3_stmt) stmt = pa_store_prepare (store, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return record_from_row (table, stmt);
  if (rc == SQLITE_DONE)
    {
      g_autofree char *number = pa_id_text (id);
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_NOT_FOUND, _(table->not_found), number);
    }
  else
    pa_store_set_error (store, rc, error);
  return NULL;
}

/**
 * pa_table_select:
 * @where: an SQL condition on the table's columns with one parameter, bound to @value
 *
 * Returns: (transfer container): the rows that meet @where, in the table's order.
 */
GPtrArray *
pa_table_select (PaStore        *store,
                 const PaTable  *table,
                 const char     *where,
                 gint64          value,
                 GError        **error)
{
  g_autofree char *sql = select_sql (table, where);
  g_autoptr (sqlite3_stmt) stmt = pa_store_prepare (store, sql, error);
  g_autoptr (GPtrArray) result = g_ptr_array_new_with_free_func (table->free_record);
  int rc;

  if (stmt == NULL)
    return NULL;
  if (sqlite3_bind_parameter_count (stmt) > 0)
    sqlite3_bind_int64 (stmt, 1, value);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (result, record_from_row (table, stmt));
  if (rc != SQLITE_DONE)
    {
      pa_store_set_error (store, rc, error);
      return NULL;
    }
  return g_steal_pointer (&result);
}

/* Returns: (transfer container): the rows of @parent_id (every row when the
 * table has no parent), in the table's order. */
GPtrArray *
pa_table_list (PaStore        *store,
               const PaTable  *table,
               gint64          parent_id,
               GError        **error)
{
  g_autofree char *where = table->parent ? g_strdup_printf ("%s = ?", table->parent)
                                         : g_strdup ("1");
  return pa_table_select (store, table, where, parent_id, error);
}
