/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pa-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "pa-record-table.h"
#include "pa-store-private.h"
#include "pa-store-records.h"

/* Seminars (groups of participants): their sessions, participants and
 * attendance. A seminar is not a case, so its audit rows name no case; a
 * change to it is announced for each participant, whose case shows it. */

#define SHORT_TEXT 300

static void
announce_participants (PaStore *store,
                       gint64   seminar_id)
{
  g_autoptr (sqlite3_stmt) stmt = pa_store_prepare (store,
                                                    "SELECT case_id FROM seminar_participant "
                                                    "WHERE seminar_id = ?",
                                                    NULL);
  if (stmt == NULL)
    return;
  sqlite3_bind_int64 (stmt, 1, seminar_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    pa_store_emit_case_changed (store, sqlite3_column_int64 (stmt, 0));
}

static gboolean
check_seminar (PaStore       *store,
               gconstpointer  record,
               GError       **error)
{
  const PaSeminar *seminar = record;
  return pa_check_date_order (N_("Start"), seminar->start_date, N_("End"), seminar->end_date, error);
}

static const PaColumn seminar_columns[] = {
  { "title", PA_COL_TEXT, G_STRUCT_OFFSET (PaSeminar, title), PA_COL_REQUIRED, N_("Title"), NULL, 0, 0, 0, SHORT_TEXT },
  { "theme", PA_COL_TEXT, G_STRUCT_OFFSET (PaSeminar, theme), 0, N_("Theme"), NULL, 0, 0, 0, SHORT_TEXT },
  { "location", PA_COL_TEXT, G_STRUCT_OFFSET (PaSeminar, location), 0, N_("Location"), NULL, 0, 0, 0, SHORT_TEXT },
  { "start_date", PA_COL_DATE, G_STRUCT_OFFSET (PaSeminar, start_date), 0, N_("Start"), NULL, 0, 0, 0, 0 },
  { "end_date", PA_COL_DATE, G_STRUCT_OFFSET (PaSeminar, end_date), 0, N_("End"), NULL, 0, 0, 0, 0 },
  { "created_at", PA_COL_CREATED, G_STRUCT_OFFSET (PaSeminar, created_at), 0, N_("Created"), NULL, 0, 0, 0, 0 },
};

static const PaTable seminar_table = {
  .table = "seminar",
  .object = "seminar",
  .not_found = N_("There is no seminar with the number %s."),
  .parent = NULL,
  .columns = seminar_columns,
  .n_columns = G_N_ELEMENTS (seminar_columns),
  .order_by = "coalesce (start_date, '9999') DESC, id",
  .new_record = (gpointer (*) (void)) pa_seminar_new,
  .free_record = (GDestroyNotify) pa_seminar_free,
  .check = check_seminar,
  .changed = announce_participants,
};

static const PaColumn seminar_session_columns[] = {
  { "held_on", PA_COL_DATE, G_STRUCT_OFFSET (PaSeminarSession, held_on), PA_COL_REQUIRED, N_("Held on"), NULL, 0, 0, 0, 0 },
  { "topic", PA_COL_TEXT, G_STRUCT_OFFSET (PaSeminarSession, topic), 0, N_("Topic"), NULL, 0, 0, 0, SHORT_TEXT },
};

static const PaTable seminar_session_table = {
  .table = "seminar_session",
  .object = "seminar_session",
  .not_found = N_("There is no seminar session number %s."),
  .parent = "seminar_id",
  .parent_offset = G_STRUCT_OFFSET (PaSeminarSession, seminar_id),
  .columns = seminar_session_columns,
  .n_columns = G_N_ELEMENTS (seminar_session_columns),
  .order_by = "held_on, id",
  .new_record = (gpointer (*) (void)) pa_seminar_session_new,
  .free_record = (GDestroyNotify) pa_seminar_session_free,
  .changed = announce_participants,
};

gboolean
pa_store_seminar_add (PaStore    *store,
                      PaSeminar  *seminar,
                      GError    **error)
{
  g_return_val_if_fail (PA_IS_STORE (store), FALSE);
  g_return_val_if_fail (seminar != NULL, FALSE);
  return pa_table_insert (store, &seminar_table, seminar, error);
}

gboolean
pa_store_seminar_update (PaStore    *store,
                         PaSeminar  *seminar,
                         GError    **error)
{
  g_return_val_if_fail (PA_IS_STORE (store), FALSE);
  g_return_val_if_fail (seminar != NULL, FALSE);
  return pa_table_update (store, &seminar_table, seminar, error);
}

/* Removes the seminar with its sessions, participants and attendance; the
 * participants' cases stay. */
gboolean
pa_store_seminar_delete (PaStore  *store,
                         gint64    id,
                         GError  **error)
{
  g_return_val_if_fail (PA_IS_STORE (store), FALSE);
  return pa_table_delete (store, &seminar_table, id, error);
}

PaSeminar *
pa_store_seminar_get (PaStore  *store,
                      gint64    id,
                      GError  **error)
{
  g_return_val_if_fail (PA_IS_STORE (store), NULL);
  return pa_table_get (store, &seminar_table, id, error);
}

/* Returns: (transfer container): every seminar, the latest first. */
GPtrArray *
pa_store_seminar_list (PaStore  *store,
                       GError  **error)
{
  g_return_val_if_fail (PA_IS_STORE (store), NULL);
  return pa_table_list (store, &seminar_table, 0, error);
}

/* Returns: (transfer container): the seminars the case takes part in. */
GPtrArray *
pa_store_seminar_list_for_case (PaStore  *store,
                                gint64    case_id,
                                GError  **error)
{
  g_return_val_if_fail (PA_IS_STORE (store), NULL);
  return pa_table_select (store, &seminar_table,
                          "id IN (SELECT seminar_id FROM seminar_participant WHERE case_id = ?)",
                          case_id, error);
}

gboolean
pa_store_seminar_session_add (PaStore           *store,
                              PaSeminarSession  *session,
                              GError           **error)
{
  g_return_val_if_fail (PA_IS_STORE (store), FALSE);
  g_return_val_if_fail (session != NULL, FALSE);
  return pa_table_insert (store, &seminar_session_table, session, error);
}

gboolean
pa_store_seminar_session_update (PaStore           *store,
                                 PaSeminarSession  *session,
                                 GError           **error)
{
  g_return_val_if_fail (PA_IS_STORE (store), FALSE);
  g_return_val_if_fail (session != NULL, FALSE);
  return pa_table_update (store, &seminar_session_table, session, error);
}

gboolean
pa_store_seminar_session_delete (PaStore  *store,
                                 gint64    id,
                                 GError  **error)
{
  g_return_val_if_fail (PA_IS_STORE (store), FALSE);
  return pa_table_delete (store, &seminar_session_table, id, error);
}

PaSeminarSession *
pa_store_seminar_session_get (PaStore  *store,
                              gint64    id,
                              GError  **error)
{
  g_return_val_if_fail (PA_IS_STORE (store), NULL);
  return pa_table_get (store, &seminar_session_table, id, error);
}

GPtrArray *
pa_store_seminar_session_list (PaStore  *store,
                               gint64    seminar_id,
                               GError  **error)
{
  g_return_val_if_fail (PA_IS_STORE (store), NULL);
  return pa_table_list (store, &seminar_session_table, seminar_id, error);
}

static gboolean
seminar_exists (PaStore  *store,
                gint64    seminar_id,
                GError  **error)
{
  g_autoptr (PaSeminar) seminar = pa_table_get (store, &seminar_table, seminar_id, error);
  return seminar != NULL;
}

static gboolean
run_pair (PaStore     *store,
          const char  *sql,
          gint64       a,
          gint64       b,
          GError     **error)
{
  g_autoptr (sqlite3_stmt) stmt = pa_store_prepare (store, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, a);
  sqlite3_bind_int64 (stmt, 2, b);
  return pa_store_step_done (store, stmt, error);
}

static gboolean
finish (PaStore     *store,
        const char  *action,
        gint64       case_id,
        gint64       object_id,
        GError     **error)
{
  g_autofree char *detail = pa_id_text (object_id);

  if (!pa_store_audit (store, action, case_id, "seminar", detail, error) ||
      !pa_store_commit (store, error))
    return FALSE;
  pa_store_emit_case_changed (store, case_id);
  return TRUE;
}

gboolean
pa_store_seminar_add_participant (PaStore  *store,
                                  gint64    seminar_id,
                                  gint64    case_id,
                                  GError  **error)
{
  g_return_val_if_fail (PA_IS_STORE (store), FALSE);

  if (!pa_store_begin (store, error))
    return FALSE;
  if (!seminar_exists (store, seminar_id, error) ||
      !pa_touch_case (store, case_id, error) ||
      !run_pair (store, "INSERT OR IGNORE INTO seminar_participant (seminar_id, case_id) "
                 "VALUES (?, ?)", seminar_id, case_id, error) ||
      !finish (store, "seminar.add_participant", case_id, seminar_id, error))
    {
      pa_store_rollback (store);
      return FALSE;
    }
  return TRUE;
}

/* Also forgets the participant's attendance at the seminar's sessions. */
gboolean
pa_store_seminar_remove_participant (PaStore  *store,
                                     gint64    seminar_id,
                                     gint64    case_id,
                                     GError  **error)
{
  g_return_val_if_fail (PA_IS_STORE (store), FALSE);

  if (!pa_store_begin (store, error))
    return FALSE;
  if (!seminar_exists (store, seminar_id, error) ||
      !pa_touch_case (store, case_id, error) ||
      !run_pair (store, "DELETE FROM attendance WHERE session_id IN (SELECT id FROM "
                 "seminar_session WHERE seminar_id = ?) AND case_id = ?",
                 seminar_id, case_id, error) ||
      !run_pair (store, "DELETE FROM seminar_participant WHERE seminar_id = ? AND case_id = ?",
                 seminar_id, case_id, error) ||
      !finish (store, "seminar.remove_participant", case_id, seminar_id, error))
    {
      pa_store_rollback (store);
      return FALSE;
    }
  return TRUE;
}

/* Returns: (transfer full) (element-type gint64): the participants' case ids. */
GArray *
pa_store_seminar_list_participants (PaStore  *store,
                                    gint64    seminar_id,
                                    GError  **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  g_return_val_if_fail (PA_IS_STORE (store), NULL);

  if (!seminar_exists (store, seminar_id, error))
    return NULL;
  stmt = pa_store_prepare (store,
                           "SELECT case_id FROM seminar_participant WHERE seminar_id = ? "
                           "ORDER BY case_id",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, seminar_id);
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

/* Records whether a participant was present at a session of their seminar. */
gboolean
pa_store_attendance_set (PaStore   *store,
                         gint64     session_id,
                         gint64     case_id,
                         gboolean   present,
                         GError   **error)
{
  g_autoptr (sqlite3_stmt) check = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *number = pa_id_text (session_id);

  g_return_val_if_fail (PA_IS_STORE (store), FALSE);

  if (!pa_store_begin (store, error))
    return FALSE;
  check = pa_store_prepare (store,
                            "SELECT (SELECT 1 FROM seminar_participant p WHERE p.seminar_id = "
                            "s.seminar_id AND p.case_id = ?) FROM seminar_session s WHERE s.id = ?",
                            error);
  if (check == NULL)
    goto fail;
  sqlite3_bind_int64 (check, 1, case_id);
  sqlite3_bind_int64 (check, 2, session_id);
  if (sqlite3_step (check) != SQLITE_ROW)
    {
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_NOT_FOUND,
                   _("There is no seminar session number %s."), number);
      goto fail;
    }
  if (sqlite3_column_type (check, 0) == SQLITE_NULL)
    {
      g_autofree char *case_number = pa_id_text (case_id);
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_INVALID,
                   _("The case number %s does not take part in the seminar of this session; "
                     "add it to the seminar first."), case_number);
      goto fail;
    }
  if (!pa_touch_case (store, case_id, error))
    goto fail;
  stmt = pa_store_prepare (store,
                           "INSERT INTO attendance (session_id, case_id, present) VALUES (?, ?, ?) "
                           "ON CONFLICT (session_id, case_id) DO UPDATE SET present = excluded.present",
                           error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, session_id);
  sqlite3_bind_int64 (stmt, 2, case_id);
  sqlite3_bind_int (stmt, 3, present ? 1 : 0);
  if (!pa_store_step_done (store, stmt, error) ||
      !finish (store, "seminar.attendance", case_id, session_id, error))
    goto fail;
  return TRUE;

fail:
  pa_store_rollback (store);
  return FALSE;
}

gboolean
pa_store_attendance_clear (PaStore  *store,
                           gint64    session_id,
                           gint64    case_id,
                           GError  **error)
{
  g_return_val_if_fail (PA_IS_STORE (store), FALSE);

  if (!pa_store_begin (store, error))
    return FALSE;
  if (!pa_touch_case (store, case_id, error) ||
      !run_pair (store, "DELETE FROM attendance WHERE session_id = ? AND case_id = ?",
                 session_id, case_id, error) ||
      !finish (store, "seminar.attendance", case_id, session_id, error))
    {
      pa_store_rollback (store);
      return FALSE;
    }
  return TRUE;
}

static GPtrArray *
select_attendance (PaStore     *store,
                   const char  *where,
                   gint64       value,
                   GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT a.session_id, a.case_id, a.present FROM "
                                          "attendance a JOIN seminar_session s ON s.id = "
                                          "a.session_id WHERE %s ORDER BY s.held_on, "
                                          "a.session_id, a.case_id", where);
  g_autoptr (sqlite3_stmt) stmt = pa_store_prepare (store, sql, error);
  g_autoptr (GPtrArray) result = g_ptr_array_new_with_free_func ((GDestroyNotify) pa_attendance_free);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, value);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PaAttendance *row = g_new0 (PaAttendance, 1);
      row->session_id = sqlite3_column_int64 (stmt, 0);
      row->case_id = sqlite3_column_int64 (stmt, 1);
      row->present = sqlite3_column_int (stmt, 2) != 0;
      g_ptr_array_add (result, row);
    }
  if (rc != SQLITE_DONE)
    {
      pa_store_set_error (store, rc, error);
      return NULL;
    }
  return g_steal_pointer (&result);
}

/* Returns: (transfer container) (element-type PaAttendance): who was marked
 * present or absent at the session. */
GPtrArray *
pa_store_attendance_list (PaStore  *store,
                          gint64    session_id,
                          GError  **error)
{
  g_return_val_if_fail (PA_IS_STORE (store), NULL);
  return select_attendance (store, "a.session_id = ?", session_id, error);
}

/* Returns: (transfer container) (element-type PaAttendance): the case's
 * attendance at every session, in date order. */
GPtrArray *
pa_store_attendance_list_for_case (PaStore  *store,
                                   gint64    case_id,
                                   GError  **error)
{
  g_return_val_if_fail (PA_IS_STORE (store), NULL);
  return select_attendance (store, "a.case_id = ?", case_id, error);
}

static gint64
session_seminar (PaStore  *store,
                 gint64    session_id,
                 GError  **error)
{
  g_autoptr (PaSeminarSession) session = pa_table_get (store, &seminar_session_table,
                                                       session_id, error);
  return session != NULL ? session->seminar_id : 0;
}

/* Returns: (transfer full) (element-type gint64): the ids of the catalogue
 * modules the session covered, in catalogue order. */
GArray *
pa_store_seminar_session_get_modules (PaStore  *store,
                                      gint64    session_id,
                                      GError  **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  g_return_val_if_fail (PA_IS_STORE (store), NULL);

  if (session_seminar (store, session_id, error) == 0)
    return NULL;
  stmt = pa_store_prepare (store,
                           "SELECT m.id FROM session_module sm JOIN training_module m ON "
                           "m.id = sm.module_id WHERE sm.session_id = ? ORDER BY m.code, m.id",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, session_id);
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

/* Replaces the modules the session covered; an unknown module id is an
 * error and changes nothing. */
gboolean
pa_store_seminar_session_set_modules (PaStore       *store,
                                      gint64         session_id,
                                      const gint64  *module_ids,
                                      guint          n_modules,
                                      GError       **error)
{
  g_autoptr (sqlite3_stmt) clear = NULL;
  g_autofree char *detail = pa_id_text (session_id);
  gint64 seminar_id;

  g_return_val_if_fail (PA_IS_STORE (store), FALSE);
  g_return_val_if_fail (module_ids != NULL || n_modules == 0, FALSE);

  if (!pa_store_begin (store, error))
    return FALSE;
  seminar_id = session_seminar (store, session_id, error);
  if (seminar_id == 0)
    goto fail;
  clear = pa_store_prepare (store, "DELETE FROM session_module WHERE session_id = ?", error);
  if (clear == NULL)
    goto fail;
  sqlite3_bind_int64 (clear, 1, session_id);
  if (!pa_store_step_done (store, clear, error))
    goto fail;
  for (guint i = 0; i < n_modules; i++)
    {
      g_autoptr (sqlite3_stmt) known = pa_store_prepare (store,
                                                         "SELECT 1 FROM training_module WHERE id = ?",
                                                         error);
      if (known == NULL)
        goto fail;
      sqlite3_bind_int64 (known, 1, module_ids[i]);
      if (sqlite3_step (known) != SQLITE_ROW)
        {
          g_autofree char *number = pa_id_text (module_ids[i]);
          g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_NOT_FOUND,
                       _("There is no catalogue module number %s."), number);
          goto fail;
        }
      if (!run_pair (store, "INSERT OR IGNORE INTO session_module (session_id, module_id) "
                     "VALUES (?, ?)", session_id, module_ids[i], error))
        goto fail;
    }
  if (!pa_store_audit (store, "seminar.session_modules", 0, "seminar_session", detail, error) ||
      !pa_store_commit (store, error))
    goto fail;
  announce_participants (store, seminar_id);
  return TRUE;

fail:
  pa_store_rollback (store);
  return FALSE;
}
