/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pa-backup"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "pa-backup.h"
#include "pa-store-private.h"

/* Backups are whole copies made with SQLite's online backup API, so they are
 * consistent even while the store is in use, and are themselves stores that
 * Passerelle opens. Automatic ones are named
 * <store>-YYYYMMDD-HHMMSS-<reason>.db and rotated. */

static gboolean
copy_database (sqlite3     *from,
               sqlite3     *to,
               const char  *target_path,
               GError     **error)
{
  sqlite3_backup *backup;
  int rc;

  backup = sqlite3_backup_init (to, "main", from, "main");
  if (backup == NULL)
    {
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_FAILED,
                   _("Cannot copy the case store to “%s”: %s"), target_path,
                   sqlite3_errmsg (to));
      return FALSE;
    }
  do
    {
      rc = sqlite3_backup_step (backup, 256);
      if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
        sqlite3_sleep (20);
    }
  while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
  sqlite3_backup_finish (backup);
  if (rc != SQLITE_DONE)
    {
      if ((rc & 0xff) == SQLITE_FULL)
        g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_FULL,
                     _("The disk is full: the copy to “%s” is incomplete and was removed."),
                     target_path);
      else
        g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_FAILED,
                     _("Cannot copy the case store to “%s”: %s"), target_path,
                     sqlite3_errstr (rc));
      return FALSE;
    }
  return TRUE;
}

/**
 * pa_backup_to_file:
 * @path: where to write the copy; an existing file there is replaced only
 *   once the copy is complete
 *
 * Copies the whole store to @path.
 */
gboolean
pa_backup_to_file (PaStore     *store,
                   const char  *path,
                   GError     **error)
{
  g_autofree char *tmp = NULL;
  g_autofree char *dir = NULL;
  sqlite3 *to = NULL;
  gboolean ok;

  g_return_val_if_fail (PA_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_OPEN,
                   _("Cannot create the folder “%s”: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }

  tmp = g_strconcat (path, ".part", NULL);
  g_unlink (tmp);
  if (sqlite3_open_v2 (tmp, &to, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK)
    {
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_OPEN,
                   _("Cannot write the backup “%s”: %s"), path,
                   to ? sqlite3_errmsg (to) : "out of memory");
      sqlite3_close (to);
      return FALSE;
    }
  ok = copy_database (pa_store_get_db (store), to, path, error);
  /* A backup is a single self-contained file: no WAL beside it. */
  if (ok && sqlite3_exec (to, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL) != SQLITE_OK)
    {
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_FAILED,
                   _("Cannot write the backup “%s”: %s"), path, sqlite3_errmsg (to));
      ok = FALSE;
    }
  sqlite3_close (to);
  if (ok && g_rename (tmp, path) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_FAILED,
                   _("Cannot write the backup “%s”: %s"), path, g_strerror (saved_errno));
      ok = FALSE;
    }
  if (!ok)
    g_unlink (tmp);
  return ok;
}

static char *
store_stem (PaStore *store)
{
  g_autofree char *base = g_path_get_basename (pa_store_get_path (store));
  char *dot = strrchr (base, '.');

  if (dot != NULL && dot != base)
    *dot = '\0';
  return g_steal_pointer (&base);
}

static int
compare_strings_desc (gconstpointer a,
                      gconstpointer b)
{
  return -strcmp (*(const char **) a, *(const char **) b);
}

/**
 * pa_backup_list:
 *
 * Returns: (transfer full) (element-type utf8): the paths of this store's
 * backups in its backup folder, newest first.
 */
GPtrArray *
pa_backup_list (PaStore *store)
{
  GPtrArray *result = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *dir = pa_store_get_backup_dir (store);
  g_autofree char *stem = store_stem (store);
  g_autofree char *prefix = g_strconcat (stem, "-", NULL);
  g_autoptr (GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  if (handle == NULL)
    return result;
  while ((name = g_dir_read_name (handle)) != NULL)
    {
      /* <stem>-YYYYMMDD-HHMMSS-<reason>.db */
      if (!g_str_has_prefix (name, prefix) || !g_str_has_suffix (name, ".db") ||
          strlen (name) < strlen (prefix) + 15 ||
          !g_ascii_isdigit (name[strlen (prefix)]))
        continue;
      g_ptr_array_add (result, g_build_filename (dir, name, NULL));
    }
  g_ptr_array_sort (result, compare_strings_desc);
  return result;
}

/**
 * pa_backup_create_in_dir:
 * @dir: (nullable): the folder, or %NULL for the store's backup folder
 * @reason: a short word that ends the file name ("daily", "before-v3")
 *
 * Writes a timestamped backup and keeps only the newest %PA_BACKUP_KEEP
 * backups of the store in that folder.
 * Returns: (transfer full): the backup's path, or %NULL with @error set.
 */
char *
pa_backup_create_in_dir (PaStore     *store,
                         const char  *dir,
                         const char  *reason,
                         GError     **error)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *folder = dir ? g_strdup (dir) : pa_store_get_backup_dir (store);
  g_autofree char *stem = store_stem (store);
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  g_autoptr (GPtrArray) all = NULL;

  g_return_val_if_fail (PA_IS_STORE (store), NULL);

  name = g_strdup_printf ("%s-%s-%s.db", stem, stamp, reason ? reason : "manual");
  path = g_build_filename (folder, name, NULL);
  if (!pa_backup_to_file (store, path, error))
    return NULL;

  if (dir == NULL)
    {
      all = pa_backup_list (store);
      for (guint i = PA_BACKUP_KEEP; i < all->len; i++)
        g_unlink (g_ptr_array_index (all, i));
    }
  return g_steal_pointer (&path);
}

/**
 * pa_backup_auto:
 *
 * Makes the daily backup when the newest backup is more than a day old.
 * Returns: (transfer full) (nullable): the new backup's path, or %NULL when
 * none was due or on error (then @error is set).
 */
char *
pa_backup_auto (PaStore  *store,
                GError  **error)
{
  g_autoptr (GPtrArray) all = NULL;

  g_return_val_if_fail (PA_IS_STORE (store), NULL);

  all = pa_backup_list (store);
  if (all->len > 0)
    {
      GStatBuf st;
      if (g_stat (g_ptr_array_index (all, 0), &st) == 0 &&
          (g_get_real_time () / G_USEC_PER_SEC) - st.st_mtime < 24 * 60 * 60)
        return NULL;
    }
  return pa_backup_create_in_dir (store, NULL, "daily", error);
}

/**
 * pa_backup_restore:
 * @backup_path: a backup made by Passerelle
 *
 * Replaces the store's content with the backup's, after checking the backup
 * and saving the current content as a backup of its own ("before-restore"),
 * so a restore can itself be undone. On any error the store is unchanged.
 */
gboolean
pa_backup_restore (PaStore     *store,
                   const char  *backup_path,
                   GError     **error)
{
  g_autoptr (PaStore) backup = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *tmpdir = NULL;

  g_return_val_if_fail (PA_IS_STORE (store), FALSE);
  g_return_val_if_fail (backup_path != NULL, FALSE);

  if (!g_file_test (backup_path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_NOT_FOUND,
                   _("The backup “%s” does not exist."), backup_path);
      return FALSE;
    }

  /* Open a private copy: opening may migrate an older backup, and the backup
   * file itself must stay as it was. */
  tmpdir = g_dir_make_tmp ("passerelle-restore-XXXXXX", &local_error);
  if (tmpdir == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  copy = g_build_filename (tmpdir, "backup.db", NULL);
  {
    g_autoptr (GFile) src = g_file_new_for_path (backup_path);
    g_autoptr (GFile) dst = g_file_new_for_path (copy);
    if (!g_file_copy (src, dst, G_FILE_COPY_NONE, NULL, NULL, NULL, &local_error))
      {
        g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_OPEN,
                     _("Cannot read the backup “%s”: %s"), backup_path, local_error->message);
        g_rmdir (tmpdir);
        return FALSE;
      }
  }

  backup = pa_store_open (copy, &local_error);
  if (backup != NULL && !pa_store_check (backup, TRUE, &local_error))
    g_clear_object (&backup);
  if (backup == NULL)
    {
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_OPEN,
                   _("“%s” cannot be restored: %s"), backup_path, local_error->message);
      goto out;
    }

  saved = pa_backup_create_in_dir (store, NULL, "before-restore", error);
  if (saved == NULL)
    goto out;

  if (!copy_database (pa_store_get_db (backup), pa_store_get_db (store),
                      pa_store_get_path (store), error))
    goto out;

  g_clear_object (&backup);
  g_unlink (copy);
  {
    g_autofree char *wal = g_strconcat (copy, "-wal", NULL);
    g_autofree char *shm = g_strconcat (copy, "-shm", NULL);
    g_unlink (wal);
    g_unlink (shm);
  }
  g_rmdir (tmpdir);
  /* Every case may have changed. */
  pa_store_emit_case_changed (store, 0);
  return pa_store_audit (store, "store.restore", 0, "store", NULL, error);

out:
  g_clear_object (&backup);
  {
    g_autofree char *wal = g_strconcat (copy, "-wal", NULL);
    g_autofree char *shm = g_strconcat (copy, "-shm", NULL);
    g_unlink (copy);
    g_unlink (wal);
    g_unlink (shm);
  }
  g_rmdir (tmpdir);
  return FALSE;
}
