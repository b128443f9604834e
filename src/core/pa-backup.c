/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pa-backup"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "pa-backup.h"

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
path_stem (const char *store_path)
{
  g_autofree char *base = g_path_get_basename (store_path);
  char *dot = strrchr (base, '.');

  if (dot != NULL && dot != base)
    *dot = '\0';
  return g_steal_pointer (&base);
}

static char *
store_stem (PaStore *store)
{
  return path_stem (pa_store_get_path (store));
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
  g_autofree char *dir = NULL;

  g_return_val_if_fail (PA_IS_STORE (store), NULL);

  dir = pa_store_get_backup_dir (store);
  return pa_backup_list_for_file (pa_store_get_path (store), dir);
}

/**
 * pa_backup_list_for_file:
 * @store_path: a store file, which need not be readable (it may be damaged)
 * @backup_dir: (nullable): the backup folder, or %NULL for `backups/`
 *   beside @store_path
 *
 * Lists a store's backups without opening it.
 * Returns: (transfer full) (element-type utf8): their paths, newest first.
 */
GPtrArray *
pa_backup_list_for_file (const char *store_path,
                         const char *backup_dir)
{
  GPtrArray *result = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *dir = NULL;
  g_autofree char *stem = path_stem (store_path);
  g_autofree char *prefix = g_strconcat (stem, "-", NULL);
  g_autoptr (GDir) handle = NULL;
  const char *name;

  if (backup_dir != NULL && *backup_dir != '\0')
    dir = g_strdup (backup_dir);
  else
    {
      g_autofree char *parent = g_path_get_dirname (store_path);
      dir = g_build_filename (parent, "backups", NULL);
    }
  handle = g_dir_open (dir, 0, NULL);
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

static void
remove_store_files (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
}

/* Opens and fully checks a private copy of a backup: opening may migrate an
 * older backup, and the backup file itself must stay as it was. The copy
 * lives in *tmpdir, which discard_backup_copy() removes. */
static PaStore *
open_backup_copy (const char  *backup_path,
                  char       **tmpdir,
                  GError     **error)
{
  g_autoptr (PaStore) backup = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autoptr (GFile) src = NULL;
  g_autoptr (GFile) dst = NULL;
  g_autofree char *copy = NULL;

  *tmpdir = NULL;
  if (!g_file_test (backup_path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_NOT_FOUND,
                   _("The backup “%s” does not exist."), backup_path);
      return NULL;
    }

  *tmpdir = g_dir_make_tmp ("passerelle-restore-XXXXXX", &local_error);
  if (*tmpdir == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  copy = g_build_filename (*tmpdir, "backup.db", NULL);
  src = g_file_new_for_path (backup_path);
  dst = g_file_new_for_path (copy);
  if (!g_file_copy (src, dst, G_FILE_COPY_NONE, NULL, NULL, NULL, &local_error))
    {
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_OPEN,
                   _("Cannot read the backup “%s”: %s"), backup_path, local_error->message);
      return NULL;
    }

  backup = pa_store_open (copy, &local_error);
  if (backup != NULL && !pa_store_check (backup, TRUE, &local_error))
    g_clear_object (&backup);
  if (backup == NULL)
    {
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_OPEN,
                   _("“%s” cannot be restored: %s"), backup_path, local_error->message);
      return NULL;
    }
  return g_steal_pointer (&backup);
}

static void
discard_backup_copy (PaStore **backup,
                     char     *tmpdir)
{
  g_autofree char *copy = NULL;

  g_clear_object (backup);
  if (tmpdir == NULL)
    return;
  copy = g_build_filename (tmpdir, "backup.db", NULL);
  remove_store_files (copy);
  g_rmdir (tmpdir);
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
  g_autofree char *saved = NULL;
  g_autofree char *tmpdir = NULL;
  gboolean ok = FALSE;

  g_return_val_if_fail (PA_IS_STORE (store), FALSE);
  g_return_val_if_fail (backup_path != NULL, FALSE);

  backup = open_backup_copy (backup_path, &tmpdir, error);
  if (backup != NULL &&
      (saved = pa_backup_create_in_dir (store, NULL, "before-restore", error)) != NULL &&
      copy_database (pa_store_get_db (backup), pa_store_get_db (store),
                     pa_store_get_path (store), error))
    ok = TRUE;
  discard_backup_copy (&backup, tmpdir);
  if (!ok)
    return FALSE;
  return pa_store_audit (store, "store.restore", 0, "store", NULL, error);
}

/* Renames @from to @to when @from exists. */
static gboolean
move_if_present (const char  *from,
                 const char  *to,
                 GError     **error)
{
  if (!g_file_test (from, G_FILE_TEST_EXISTS))
    return TRUE;
  if (g_rename (from, to) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_FAILED,
                   _("Cannot move “%s” aside: %s"), from, g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

static char *
damaged_name (const char *store_path)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  char *name = g_strdup_printf ("%s.damaged-%s", store_path, stamp);

  for (int i = 2; g_file_test (name, G_FILE_TEST_EXISTS); i++)
    {
      g_free (name);
      name = g_strdup_printf ("%s.damaged-%s-%d", store_path, stamp, i);
    }
  return name;
}

/**
 * pa_backup_restore_file:
 * @store_path: the store to replace; it need not open (it may be damaged,
 *   written by a newer version, or not a store at all)
 * @backup_path: a backup made by Passerelle
 * @damaged_path: (out) (optional) (transfer full): where the file that was
 *   at @store_path has been kept, or %NULL when there was none
 *
 * Puts a backup in place of a store that cannot be opened, without opening
 * it. The backup is checked first; then the file at @store_path (and its
 * write-ahead log) is moved aside to `<store>.damaged-<timestamp>`, never
 * deleted, the backup is copied in, and the result is opened and checked.
 * On any error the files are as they were.
 */
gboolean
pa_backup_restore_file (const char  *store_path,
                        const char  *backup_path,
                        char       **damaged_path,
                        GError     **error)
{
  g_autoptr (PaStore) backup = NULL;
  g_autoptr (PaStore) restored = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autofree char *tmpdir = NULL;
  g_autofree char *aside = NULL;
  g_autofree char *wal = g_strconcat (store_path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (store_path, "-shm", NULL);
  g_autofree char *aside_wal = NULL;
  g_autofree char *aside_shm = NULL;
  gboolean had_file;

  g_return_val_if_fail (store_path != NULL, FALSE);
  g_return_val_if_fail (backup_path != NULL, FALSE);

  if (damaged_path != NULL)
    *damaged_path = NULL;

  backup = open_backup_copy (backup_path, &tmpdir, error);
  if (backup == NULL)
    {
      discard_backup_copy (&backup, tmpdir);
      return FALSE;
    }

  /* A write-ahead log belongs to the file it was written for: left beside
   * the restored file, SQLite would replay it into the backup. */
  had_file = g_file_test (store_path, G_FILE_TEST_EXISTS);
  aside = damaged_name (store_path);
  aside_wal = g_strconcat (aside, "-wal", NULL);
  aside_shm = g_strconcat (aside, "-shm", NULL);
  if (!move_if_present (store_path, aside, error))
    goto fail_copy;
  if (!move_if_present (wal, aside_wal, error) || !move_if_present (shm, aside_shm, error))
    goto fail_moved;

  if (!pa_backup_to_file (backup, store_path, error))
    goto fail_moved;
  discard_backup_copy (&backup, tmpdir);
  g_clear_pointer (&tmpdir, g_free);

  restored = pa_store_open (store_path, &local_error);
  if (restored == NULL || !pa_store_check (restored, TRUE, &local_error) ||
      !pa_store_audit (restored, "store.restore", 0, "store", NULL, &local_error))
    {
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_OPEN,
                   _("“%s” cannot be restored: %s"), backup_path, local_error->message);
      g_clear_object (&restored);
      remove_store_files (store_path);
      goto fail_moved;
    }

  if (damaged_path != NULL && had_file)
    *damaged_path = g_steal_pointer (&aside);
  return TRUE;

fail_moved:
  move_if_present (aside, store_path, NULL);
  move_if_present (aside_wal, wal, NULL);
  move_if_present (aside_shm, shm, NULL);
fail_copy:
  discard_backup_copy (&backup, tmpdir);
  return FALSE;
}
