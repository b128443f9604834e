/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pa-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "pa-record-table.h"
#include "pa-store-private.h"
#include "pa-store-records.h"

/* Evidence: files that support competence claims (diplomas, references,
 * photos of work, observations), kept inside the store with their SHA-256
 * so they never depend on a path the user may move. */

#define LABEL_MAX 500
/* Evidence lives inside the store, which has to stay easy to back up. */
#define EVIDENCE_MAX_BYTES (64 * 1024 * 1024)

static gboolean
check_mime_type (const char  *value,
                 GError     **error)
{
  const char *slash = value ? strchr (value, '/') : NULL;
  gboolean ok = slash != NULL && slash != value && slash[1] != '\0' && strlen (value) <= 255;

  for (const char *p = value; ok && *p; p++)
    ok = g_ascii_isalnum (*p) || strchr ("/.+-_", *p) != NULL;
  if (ok && strchr (slash + 1, '/') == NULL)
    return TRUE;
  if (value != NULL && !g_utf8_validate (value, -1, NULL))
    return pa_check_text (N_("File type"), value, FALSE, 0, error);
  g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_INVALID,
               _("File type: “%s” is not a MIME type (e.g. image/png)."), value ? value : "");
  return FALSE;
}

static gboolean
validate_evidence (PaEvidence  *evidence,
                   gboolean     content_required,
                   GError     **error)
{
  if (!pa_check_text (N_("Title"), evidence->title, TRUE, LABEL_MAX, error) ||
      !pa_check_value (N_("Kind of evidence"), "evidence.kind", evidence->kind, error) ||
      !pa_check_text (N_("File name"), evidence->filename, FALSE, 255, error) ||
      !check_mime_type (evidence->mime_type, error))
    return FALSE;
  if (evidence->filename != NULL && strchr (evidence->filename, '/') != NULL)
    {
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_INVALID,
                   _("File name: “%s” must be a name without folders."), evidence->filename);
      return FALSE;
    }
  if (evidence->content == NULL)
    {
      if (!content_required)
        return TRUE;
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_INVALID,
                   _("Evidence needs the file’s content."));
      return FALSE;
    }
  if (g_bytes_get_size (evidence->content) > EVIDENCE_MAX_BYTES)
    {
      g_autofree char *size = g_format_size (g_bytes_get_size (evidence->content));
      g_autofree char *limit = g_format_size (EVIDENCE_MAX_BYTES);
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_INVALID,
                   _("The file is too large (%s; at most %s). Reduce the size of the "
                     "photo or scan and attach it again."), size, limit);
      return FALSE;
    }
  return TRUE;
}

static void
bind_content (sqlite3_stmt *stmt,
              int           index,
              PaEvidence   *evidence)
{
  gsize size = 0;
  gconstpointer data = g_bytes_get_data (evidence->content, &size);

  g_free (evidence->sha256);
  evidence->sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, evidence->content);
  evidence->size = (gint64) size;
  /* An empty file is stored as an empty blob, not as "no content". */
  if (size == 0)
    sqlite3_bind_zeroblob (stmt, index, 0);
  else
    sqlite3_bind_blob64 (stmt, index, data, size, SQLITE_STATIC);
  sqlite3_bind_text (stmt, index + 1, evidence->sha256, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, index + 2, evidence->size);
}

/**
 * pa_store_evidence_add:
 * @evidence: title, kind, mime_type and content are required
 *
 * Stores the evidence with its content; on success @evidence carries its
 * id, SHA-256, size and time of addition.
 */
gboolean
pa_store_evidence_add (PaStore     *store,
                       PaEvidence  *evidence,
                       GError     **error)
{
  g_autofree char *now = pa_now_utc ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (PA_IS_STORE (store), FALSE);
  g_return_val_if_fail (evidence != NULL && evidence->id == 0, FALSE);

  if (!validate_evidence (evidence, TRUE, error))
    return FALSE;
  if (!pa_store_begin (store, error))
    return FALSE;
  if (!pa_touch_case (store, evidence->case_id, error))
    goto fail;

  stmt = pa_store_prepare_cached (store,
                                  "INSERT INTO evidence (case_id, title, kind, filename, mime_type, "
                                  "content, sha256, size, relevant, authentic, sufficient, current, "
                                  "added_at, added_by) "
                                  "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                  error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, evidence->case_id);
  sqlite3_bind_text (stmt, 2, evidence->title, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, evidence->kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, evidence->filename ? evidence->filename : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, evidence->mime_type, -1, SQLITE_STATIC);
  bind_content (stmt, 6, evidence);
  sqlite3_bind_int (stmt, 9, evidence->relevant != FALSE);
  sqlite3_bind_int (stmt, 10, evidence->authentic != FALSE);
  sqlite3_bind_int (stmt, 11, evidence->sufficient != FALSE);
  sqlite3_bind_int (stmt, 12, evidence->current != FALSE);
  sqlite3_bind_text (stmt, 13, now, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 14, pa_store_get_actor (store));
  if (!pa_store_run_cached (store, stmt, error))
    goto fail;
  evidence->id = sqlite3_last_insert_rowid (pa_store_get_db (store));
  if (!pa_finish_change (store, "evidence.add", evidence->case_id, "evidence", evidence->id, error))
    goto fail;
  g_free (evidence->added_at);
  evidence->added_at = g_strdup (now);
  evidence->added_by = pa_store_get_actor (store);
  return TRUE;

fail:
  pa_store_rollback (store);
  evidence->id = 0;
  return FALSE;
}

/* Writes the title, kind, file name and type and the quality flags; and the
 * content when evidence->content is set. */
gboolean
pa_store_evidence_update (PaStore     *store,
                          PaEvidence  *evidence,
                          GError     **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  gint64 case_id;

  g_return_val_if_fail (PA_IS_STORE (store), FALSE);
  g_return_val_if_fail (evidence != NULL, FALSE);

  if (!validate_evidence (evidence, FALSE, error))
    return FALSE;
  if (!pa_store_begin (store, error))
    return FALSE;
  case_id = pa_owner_case (store, "evidence", evidence->id, error);
  if (case_id == 0 || !pa_touch_case (store, case_id, error))
    goto fail;

  stmt = pa_store_prepare (store,
                           evidence->content != NULL
                             ? "UPDATE evidence SET title = ?, kind = ?, filename = ?, mime_type = ?, "
                               "relevant = ?, authentic = ?, sufficient = ?, current = ?, "
                               "content = ?, sha256 = ?, size = ? WHERE id = ?"
                             : "UPDATE evidence SET title = ?, kind = ?, filename = ?, mime_type = ?, "
                               "relevant = ?, authentic = ?, sufficient = ?, current = ? WHERE id = ?",
                           error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, evidence->title, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, evidence->kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, evidence->filename ? evidence->filename : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, evidence->mime_type, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 5, evidence->relevant != FALSE);
  sqlite3_bind_int (stmt, 6, evidence->authentic != FALSE);
  sqlite3_bind_int (stmt, 7, evidence->sufficient != FALSE);
  sqlite3_bind_int (stmt, 8, evidence->current != FALSE);
  if (evidence->content != NULL)
    {
      bind_content (stmt, 9, evidence);
      sqlite3_bind_int64 (stmt, 12, evidence->id);
    }
  else
    sqlite3_bind_int64 (stmt, 9, evidence->id);
  if (!pa_store_step_done (store, stmt, error) ||
      !pa_finish_change (store, "evidence.update", case_id, "evidence", evidence->id, error))
    goto fail;
  evidence->case_id = case_id;
  return TRUE;

fail:
  pa_store_rollback (store);
  return FALSE;
}

/* Refused when a documented (or further) claim would be left without evidence. */
gboolean
pa_store_evidence_delete (PaStore  *store,
                          gint64    id,
                          GError  **error)
{
  g_autoptr (sqlite3_stmt) orphans = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  gint64 case_id;

  g_return_val_if_fail (PA_IS_STORE (store), FALSE);

  if (!pa_store_begin (store, error))
    return FALSE;
  case_id = pa_owner_case (store, "evidence", id, error);
  if (case_id == 0 || !pa_touch_case (store, case_id, error))
    goto fail;

  orphans = pa_store_prepare (store,
                              "SELECT k.label FROM claim k JOIN claim_evidence l ON l.claim_id = k.id "
                              "WHERE l.evidence_id = ?1 AND k.stage >= 2 AND NOT EXISTS "
                              "(SELECT 1 FROM claim_evidence o WHERE o.claim_id = k.id "
                              "AND o.evidence_id != ?1)",
                              error);
  if (orphans == NULL)
    goto fail;
  sqlite3_bind_int64 (orphans, 1, id);
  if (sqlite3_step (orphans) == SQLITE_ROW)
    {
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_INVALID,
                   _("This evidence is the only support of the documented competence “%s”; "
                     "attach other evidence to it first."),
                   (const char *) sqlite3_column_text (orphans, 0));
      goto fail;
    }

  stmt = pa_store_prepare (store, "DELETE FROM evidence WHERE id = ?", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!pa_store_step_done (store, stmt, error) ||
      !pa_finish_change (store, "evidence.delete", case_id, "evidence", id, error))
    goto fail;
  return TRUE;

fail:
  pa_store_rollback (store);
  return FALSE;
}

#define EVIDENCE_COLUMNS "id, case_id, title, kind, filename, mime_type, sha256, size, " \
                         "relevant, authentic, sufficient, current, added_at, added_by"

static PaEvidence *
evidence_from_row (sqlite3_stmt *stmt)
{
  PaEvidence *evidence = pa_evidence_new ();

  evidence->id = sqlite3_column_int64 (stmt, 0);
  evidence->case_id = sqlite3_column_int64 (stmt, 1);
  evidence->title = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  g_free (evidence->kind);
  evidence->kind = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
  evidence->filename = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
  g_free (evidence->mime_type);
  evidence->mime_type = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
  evidence->sha256 = g_strdup ((const char *) sqlite3_column_text (stmt, 6));
  evidence->size = sqlite3_column_int64 (stmt, 7);
  evidence->relevant = sqlite3_column_int (stmt, 8) != 0;
  evidence->authentic = sqlite3_column_int (stmt, 9) != 0;
  evidence->sufficient = sqlite3_column_int (stmt, 10) != 0;
  evidence->current = sqlite3_column_int (stmt, 11) != 0;
  evidence->added_at = g_strdup ((const char *) sqlite3_column_text (stmt, 12));
  evidence->added_by = sqlite3_column_int64 (stmt, 13);
  return evidence;
}

/* Returns: (transfer full): the evidence's metadata, without its content. */
PaEvidence *
pa_store_evidence_get (PaStore  *store,
                       gint64    id,
                       GError  **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (PA_IS_STORE (store), NULL);

  stmt = pa_store_prepare (store, "SELECT " EVIDENCE_COLUMNS " FROM evidence WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    return evidence_from_row (stmt);
  pa_owner_case (store, "evidence", id, error);
  return NULL;
}

/* Returns: (transfer container): the case's evidence, without content, in
 * the order it was added. */
GPtrArray *
pa_store_evidence_list (PaStore  *store,
                        gint64    case_id,
                        GError  **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GPtrArray) result = NULL;
  int rc;

  g_return_val_if_fail (PA_IS_STORE (store), NULL);

  stmt = pa_store_prepare (store,
                           "SELECT " EVIDENCE_COLUMNS " FROM evidence WHERE case_id = ? "
                           "ORDER BY added_at, id",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, case_id);
  result = g_ptr_array_new_with_free_func ((GDestroyNotify) pa_evidence_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (result, evidence_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      pa_store_set_error (store, rc, error);
      return NULL;
    }
  return g_steal_pointer (&result);
}

/**
 * pa_store_evidence_get_content:
 *
 * Reads the evidence's file and checks it against its SHA-256.
 * Returns: (transfer full): the bytes, or %NULL with %PA_STORE_ERROR_NOT_FOUND,
 * or %PA_STORE_ERROR_CORRUPT when they no longer match their hash.
 */
GBytes *
pa_store_evidence_get_content (PaStore  *store,
                               gint64    id,
                               GError  **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autofree char *sha256 = NULL;

  g_return_val_if_fail (PA_IS_STORE (store), NULL);

  stmt = pa_store_prepare (store, "SELECT content, sha256 FROM evidence WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      pa_owner_case (store, "evidence", id, error);
      return NULL;
    }
  bytes = g_bytes_new (sqlite3_column_blob (stmt, 0), (gsize) sqlite3_column_bytes (stmt, 0));
  sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  if (g_strcmp0 (sha256, (const char *) sqlite3_column_text (stmt, 1)) != 0)
    {
      g_autofree char *number = pa_id_text (id);
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_CORRUPT,
                   _("The file of evidence number %s is damaged (its content no longer "
                     "matches its SHA-256). Restore the store from a backup."), number);
      return NULL;
    }
  return g_steal_pointer (&bytes);
}

/* Returns: (transfer full): the evidence with its content and the claims it
 * documents; %NULL when it is gone or its content is damaged. */
PaEvidenceSnapshot *
pa_store_evidence_snapshot (PaStore  *store,
                            gint64    id,
                            GError  **error)
{
  g_autoptr (PaEvidenceSnapshot) snapshot = g_new0 (PaEvidenceSnapshot, 1);

  g_return_val_if_fail (PA_IS_STORE (store), NULL);

  snapshot->evidence = pa_store_evidence_get (store, id, error);
  if (snapshot->evidence == NULL)
    return NULL;
  snapshot->evidence->content = pa_store_evidence_get_content (store, id, error);
  if (snapshot->evidence->content == NULL)
    return NULL;
  snapshot->claim_ids = pa_evidence_linked_claims (store, id, error);
  if (snapshot->claim_ids == NULL)
    return NULL;
  return g_steal_pointer (&snapshot);
}

/**
 * pa_store_evidence_restore:
 * @snapshot: from pa_store_evidence_snapshot(), taken before the evidence
 *   was deleted
 *
 * Puts the evidence back with its content and links, under its old id when
 * it is still free. Its content must still match the SHA-256 it had. On
 * success snapshot->evidence->id is the id it has again.
 */
gboolean
pa_store_evidence_restore (PaStore             *store,
                           PaEvidenceSnapshot  *snapshot,
                           GError             **error)
{
  PaEvidence *evidence;
  g_autofree char *old_sha256 = NULL;
  g_autoptr (sqlite3_stmt) taken = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  gint64 old_id;

  g_return_val_if_fail (PA_IS_STORE (store), FALSE);
  g_return_val_if_fail (snapshot != NULL && snapshot->evidence != NULL, FALSE);

  evidence = snapshot->evidence;
  old_id = evidence->id;
  if (!validate_evidence (evidence, TRUE, error))
    return FALSE;
  old_sha256 = g_strdup (evidence->sha256);
  if (old_sha256 != NULL)
    {
      g_autofree char *sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, evidence->content);
      if (g_ascii_strcasecmp (sha256, old_sha256) != 0)
        {
          g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_INVALID,
                       /* Translators: %s is the title of a piece of evidence */
                       _("“%s” cannot be put back: its content no longer matches its SHA-256."),
                       evidence->title);
          return FALSE;
        }
    }

  if (!pa_store_begin (store, error))
    return FALSE;
  if (!pa_touch_case (store, evidence->case_id, error))
    {
      pa_restore_error_case_gone (error, evidence->title);
      goto fail;
    }

  /* Ids are not AUTOINCREMENT: the last one removed may have been given to
   * evidence added since. */
  taken = pa_store_prepare (store, "SELECT 1 FROM evidence WHERE id = ?", error);
  if (taken == NULL)
    goto fail;
  sqlite3_bind_int64 (taken, 1, old_id);

  stmt = pa_store_prepare (store,
                           "INSERT INTO evidence (id, case_id, title, kind, filename, mime_type, "
                           "content, sha256, size, relevant, authentic, sufficient, current, "
                           "added_at, added_by) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, nullif (?, 0))",
                           error);
  if (stmt == NULL)
    goto fail;
  if (old_id > 0 && sqlite3_step (taken) != SQLITE_ROW)
    sqlite3_bind_int64 (stmt, 1, old_id);
  sqlite3_bind_int64 (stmt, 2, evidence->case_id);
  sqlite3_bind_text (stmt, 3, evidence->title, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, evidence->kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, evidence->filename ? evidence->filename : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, evidence->mime_type, -1, SQLITE_STATIC);
  bind_content (stmt, 7, evidence);
  sqlite3_bind_int (stmt, 10, evidence->relevant != FALSE);
  sqlite3_bind_int (stmt, 11, evidence->authentic != FALSE);
  sqlite3_bind_int (stmt, 12, evidence->sufficient != FALSE);
  sqlite3_bind_int (stmt, 13, evidence->current != FALSE);
  if (evidence->added_at == NULL)
    evidence->added_at = pa_now_utc ();
  sqlite3_bind_text (stmt, 14, evidence->added_at, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 15, evidence->added_by);
  if (!pa_store_step_done (store, stmt, error))
    goto fail;
  evidence->id = sqlite3_last_insert_rowid (pa_store_get_db (store));

  if (!pa_relink_claims (store, "claim_evidence", "evidence_id", evidence->id, evidence->case_id,
                         snapshot->claim_ids, error) ||
      !pa_finish_change (store, "evidence.restore", evidence->case_id, "evidence", evidence->id,
                         error))
    goto fail;
  return TRUE;

fail:
  pa_store_rollback (store);
  evidence->id = old_id;
  return FALSE;
}

void
pa_evidence_snapshot_free (PaEvidenceSnapshot *snapshot)
{
  if (snapshot == NULL)
    return;
  g_clear_pointer (&snapshot->evidence, pa_evidence_free);
  g_clear_pointer (&snapshot->claim_ids, g_array_unref);
  g_free (snapshot);
}
