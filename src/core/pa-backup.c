/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pa-backup"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "pa-backup.h"
#include "pa-store-private.h"

/* Backups are whole copies made with SQLite's online backup API, so they are
 * consistent even while the store is in use, and are themselves stores that
 * Passerelle opens. Those in the backup folder are named
 * <stem>-YYYYMMDD-HHMMSS[-N]-<reason>.db (UTC; N tells apart backups made
 * in the same second) and rotated. */

static void
remove_tree (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *child = g_build_filename (path, name, NULL);

        if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
          remove_tree (child);
        else
          g_unlink (child);
      }
  g_rmdir (path);
}

/* Removes a database file and whatever SQLite may have left beside it. */
static void
unlink_database (const char *path)
{
  static const char *const suffixes[] = { "", "-journal", "-wal", "-shm" };

  for (gsize i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat (path, suffixes[i], NULL);
      g_unlink (name);
    }
}

static void
set_write_error (const char  *path,
                 int          rc,
                 const char  *detail,
                 GError     **error)
{
  if ((rc & 0xff) == SQLITE_FULL)
    g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_FULL,
                 _("The disk is full: the copy to “%s” could not be written and was removed. "
                   "Free some space and try again."), path);
  else
    g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_FAILED,
                 _("Cannot write the copy “%s”: %s"), path, detail ? detail : sqlite3_errstr (rc));
}

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
      set_write_error (target_path, sqlite3_extended_errcode (to), sqlite3_errmsg (to), error);
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
      set_write_error (target_path, rc, NULL, error);
      return FALSE;
    }
  return TRUE;
}

/* Copies @from into a new single-file database at @path. The copy is written
 * beside as <path>.part and renamed when complete, so @path is either the
 * whole copy or untouched; nothing is left behind on error. */
static gboolean
write_copy (sqlite3     *from,
            const char  *path,
            GError     **error)
{
  g_autofree char *tmp = g_strconcat (path, ".part", NULL);
  g_autofree char *dir = g_path_get_dirname (path);
  sqlite3 *to = NULL;
  gboolean ok;
  int rc;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, PA_STORE_ERROR,
                   saved_errno == ENOSPC ? PA_STORE_ERROR_FULL : PA_STORE_ERROR_OPEN,
                   _("Cannot create the folder “%s”: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }

  unlink_database (tmp);
  rc = sqlite3_open_v2 (tmp, &to, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_OPEN,
                   _("Cannot write the copy “%s”: %s"), path,
                   to ? sqlite3_errmsg (to) : sqlite3_errstr (rc));
      sqlite3_close (to);
      unlink_database (tmp);
      return FALSE;
    }
  sqlite3_extended_result_codes (to, 1);
  ok = copy_database (from, to, path, error);
  /* A copy is a single self-contained file: no WAL beside it. */
  if (ok && (rc = sqlite3_exec (to, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL)) != SQLITE_OK)
    {
      set_write_error (path, rc, sqlite3_errmsg (to), error);
      ok = FALSE;
    }
  if (sqlite3_close (to) != SQLITE_OK && ok)
    {
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_FAILED,
                   _("Cannot write the copy “%s”: %s"), path, sqlite3_errmsg (to));
      ok = FALSE;
    }
  if (ok && g_rename (tmp, path) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_FAILED,
                   _("Cannot write the copy “%s”: %s"), path, g_strerror (saved_errno));
      ok = FALSE;
    }
  if (!ok)
    unlink_database (tmp);
  return ok;
}

/**
 * pa_backup_to_file:
 * @path: where to write the copy; an existing file there is replaced only
 *   once the copy is complete
 *
 * Copies the whole store to @path. On error (%PA_STORE_ERROR_FULL when the
 * disk is full) no partial file is left.
 */
gboolean
pa_backup_to_file (PaStore     *store,
                   const char  *path,
                   GError     **error)
{
  g_return_val_if_fail (PA_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  return write_copy (pa_store_get_db (store), path, error);
}

/**
 * pa_backup_dir_for:
 * @store_path: a store file
 *
 * Returns: (transfer full): the default backup folder of that store,
 * `backups/` beside it.
 */
char *
pa_backup_dir_for (const char *store_path)
{
  g_autofree char *dir = NULL;

  g_return_val_if_fail (store_path != NULL, NULL);

  dir = g_path_get_dirname (store_path);
  return g_build_filename (dir, "backups", NULL);
}

static char *
store_stem (const char *store_path)
{
  g_autofree char *base = g_path_get_basename (store_path);
  char *dot = strrchr (base, '.');

  if (dot != NULL && dot != base)
    *dot = '\0';
  return g_steal_pointer (&base);
}

static gboolean
all_digits (const char *p,
            gsize       n)
{
  for (gsize i = 0; i < n; i++)
    if (!g_ascii_isdigit (p[i]))
      return FALSE;
  return TRUE;
}

typedef struct
{
  char *stem;
  char stamp[16];    /* YYYYMMDD-HHMMSS */
  guint seq;
  char *reason;
} BackupName;

static void
backup_name_clear (BackupName *n)
{
  g_clear_pointer (&n->stem, g_free);
  g_clear_pointer (&n->reason, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (BackupName, backup_name_clear)

/* Parses <stem>-YYYYMMDD-HHMMSS[-N]-<reason>.db; a reason starts with a
 * letter and holds only lower-case letters, digits and dashes. */
static gboolean
parse_backup_name (const char *name,
                   BackupName *out)
{
  gsize len = strlen (name);

  if (len < 4 || !g_str_has_suffix (name, ".db"))
    return FALSE;
  /* The last stamp in the name, so that a stem may itself hold dashes. */
  for (gsize i = len - 3; i-- > 0;)
    {
      const char *p = name + i;
      const char *r;
      guint64 seq = 0;

      if (p[0] != '-' || i + 17 > len || !all_digits (p + 1, 8) || p[9] != '-' ||
          !all_digits (p + 10, 6) || p[16] != '-')
        continue;
      r = p + 17;
      if (g_ascii_isdigit (*r))
        {
          const char *end = r;
          while (g_ascii_isdigit (*end))
            end++;
          if (*end != '-' || end - r > 6)
            continue;
          seq = g_ascii_strtoull (r, NULL, 10);
          r = end + 1;
        }
      if (!g_ascii_islower (*r))
        continue;
      for (const char *q = r; q < name + len - 3; q++)
        if (!g_ascii_islower (*q) && !g_ascii_isdigit (*q) && *q != '-')
          return FALSE;
      if (i == 0)
        return FALSE;
      out->stem = g_strndup (name, i);
      memcpy (out->stamp, p + 1, 15);
      out->stamp[15] = '\0';
      out->seq = (guint) seq;
      out->reason = g_strndup (r, name + len - 3 - r);
      return TRUE;
    }
  return FALSE;
}

static GDateTime *
stamp_to_time (const char *stamp)
{
  int v[6];

  if (sscanf (stamp, "%4d%2d%2d-%2d%2d%2d", &v[0], &v[1], &v[2], &v[3], &v[4], &v[5]) != 6)
    return NULL;
  return g_date_time_new_utc (v[0], v[1], v[2], v[3], v[4], v[5]);
}

/**
 * pa_backup_get_time:
 * @backup_path: a backup made in a backup folder
 *
 * Returns: (transfer full) (nullable): when the backup was made (UTC), read
 * from its name, or %NULL when the name is not one of a backup.
 */
GDateTime *
pa_backup_get_time (const char *backup_path)
{
  g_autofree char *base = g_path_get_basename (backup_path);
  g_auto (BackupName) n = { 0 };

  if (!parse_backup_name (base, &n))
    return NULL;
  return stamp_to_time (n.stamp);
}

/**
 * pa_backup_get_reason:
 *
 * Returns: (transfer full) (nullable): why the backup was made ("daily",
 * "before-v3", "before-restore", "damaged", …), read from its name.
 */
char *
pa_backup_get_reason (const char *backup_path)
{
  g_autofree char *base = g_path_get_basename (backup_path);
  g_auto (BackupName) n = { 0 };

  if (!parse_backup_name (base, &n))
    return NULL;
  return g_steal_pointer (&n.reason);
}

typedef struct
{
  char *path;
  char key[24];      /* stamp and sequence: sorts in the order they were made */
} Entry;

static void
entry_free (gpointer data)
{
  Entry *e = data;
  g_free (e->path);
  g_free (e);
}

static int
compare_entries_desc (gconstpointer a,
                      gconstpointer b)
{
  const Entry *ea = *(const Entry **) a;
  const Entry *eb = *(const Entry **) b;
  int r = strcmp (eb->key, ea->key);

  return r != 0 ? r : strcmp (eb->path, ea->path);
}

static GPtrArray *
list_entries (const char *store_path,
              const char *dir)
{
  g_autoptr (GPtrArray) entries = g_ptr_array_new_with_free_func (entry_free);
  g_autofree char *folder = dir ? g_strdup (dir) : pa_backup_dir_for (store_path);
  g_autofree char *stem = store_stem (store_path);
  g_autoptr (GDir) handle = g_dir_open (folder, 0, NULL);
  const char *name;

  if (handle == NULL)
    return g_steal_pointer (&entries);
  while ((name = g_dir_read_name (handle)) != NULL)
    {
      g_auto (BackupName) n = { 0 };
      Entry *e;

      /* Only this store's backups: a folder may hold those of several. */
      if (!parse_backup_name (name, &n) || !g_str_equal (n.stem, stem))
        continue;
      e = g_new0 (Entry, 1);
      e->path = g_build_filename (folder, name, NULL);
      g_snprintf (e->key, sizeof e->key, "%s-%06u", n.stamp, n.seq);
      g_ptr_array_add (entries, e);
    }
  g_ptr_array_sort (entries, compare_entries_desc);
  return g_steal_pointer (&entries);
}

/**
 * pa_backup_list_for:
 * @store_path: a store file, which need not be readable (a damaged store's
 *   backups are listed too)
 * @dir: (nullable): the backup folder, or %NULL for the default one
 *
 * Returns: (transfer full) (element-type filename): the paths of the store's
 * backups in that folder, newest first.
 */
GPtrArray *
pa_backup_list_for (const char *store_path,
                    const char *dir)
{
  g_autoptr (GPtrArray) entries = NULL;
  GPtrArray *result = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (store_path != NULL, result);

  entries = list_entries (store_path, dir);
  for (guint i = 0; i < entries->len; i++)
    {
      Entry *e = g_ptr_array_index (entries, i);
      g_ptr_array_add (result, g_steal_pointer (&e->path));
    }
  return result;
}

/**
 * pa_backup_list:
 *
 * Returns: (transfer full) (element-type filename): the paths of this store's
 * backups in its backup folder, newest first.
 */
GPtrArray *
pa_backup_list (PaStore *store)
{
  g_autofree char *dir = NULL;

  g_return_val_if_fail (PA_IS_STORE (store), g_ptr_array_new_with_free_func (g_free));

  dir = pa_store_get_backup_dir (store);
  return pa_backup_list_for (pa_store_get_path (store), dir);
}

/* A free name for a backup made now; later backups get later names. */
static char *
next_backup_path (const char *store_path,
                  const char *folder,
                  const char *reason)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *stem = store_stem (store_path);
  g_autoptr (GPtrArray) entries = list_entries (store_path, folder);
  g_autofree char *name = NULL;
  gint64 seq = -1;

  for (guint i = 0; i < entries->len; i++)
    {
      Entry *e = g_ptr_array_index (entries, i);
      if (strncmp (e->key, stamp, 15) == 0)
        seq = MAX (seq, (gint64) g_ascii_strtoull (e->key + 16, NULL, 10));
    }
  for (;; seq++)
    {
      g_autofree char *path = NULL;

      g_free (name);
      if (seq < 0)
        name = g_strdup_printf ("%s-%s-%s.db", stem, stamp, reason);
      else
        name = g_strdup_printf ("%s-%s-%" G_GINT64_FORMAT "-%s.db", stem, stamp, seq + 1, reason);
      path = g_build_filename (folder, name, NULL);
      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        return g_steal_pointer (&path);
    }
}

static char *
create_backup (sqlite3     *from,
               const char  *store_path,
               const char  *folder,
               gboolean     rotate,
               const char  *reason,
               GError     **error)
{
  g_autofree char *path = next_backup_path (store_path, folder, reason ? reason : "manual");

  if (!write_copy (from, path, error))
    return NULL;

  if (rotate)
    {
      g_autoptr (GPtrArray) all = pa_backup_list_for (store_path, folder);
      /* With what may be beside it: the log kept with a damaged store. */
      for (guint i = PA_BACKUP_KEEP; i < all->len; i++)
        unlink_database (g_ptr_array_index (all, i));
    }
  return g_steal_pointer (&path);
}

/**
 * pa_backup_create_in_dir:
 * @dir: (nullable): the folder, or %NULL for the store's backup folder
 * @reason: (nullable): a short lower-case word that ends the file name
 *   ("daily", "before-v3"); "manual" when %NULL
 *
 * Writes a timestamped backup. In the store's backup folder, keeps only the
 * newest %PA_BACKUP_KEEP backups of the store.
 * Returns: (transfer full): the backup's path, or %NULL with @error set.
 */
char *
pa_backup_create_in_dir (PaStore     *store,
                         const char  *dir,
                         const char  *reason,
                         GError     **error)
{
  g_autofree char *folder = NULL;

  g_return_val_if_fail (PA_IS_STORE (store), NULL);

  folder = dir ? g_strdup (dir) : pa_store_get_backup_dir (store);
  return create_backup (pa_store_get_db (store), pa_store_get_path (store), folder, dir == NULL,
                        reason, error);
}

static gboolean
backup_due (const char *store_path,
            const char *folder)
{
  g_autoptr (GPtrArray) all = pa_backup_list_for (store_path, folder);
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr (GDateTime) newest = NULL;
  GTimeSpan age;

  if (all->len == 0)
    return TRUE;
  newest = pa_backup_get_time (g_ptr_array_index (all, 0));
  if (newest == NULL)
    return TRUE;
  age = g_date_time_difference (now, newest);
  /* A backup from the future means the clock was wrong then or is now:
   * waiting for that date could mean no backup for years. */
  return age >= PA_BACKUP_INTERVAL || age < -G_TIME_SPAN_HOUR;
}

/**
 * pa_backup_auto:
 *
 * The automatic backup: call it after opening a store for writing. Makes a
 * "daily" backup in the store's backup folder when its newest backup is
 * older than %PA_BACKUP_INTERVAL (so at most one a day), and rotates.
 * The application calls pa_backup_auto_async() instead, at start.
 * Returns: (transfer full) (nullable): the new backup's path, or %NULL when
 * none was due or on error (then @error is set).
 */
char *
pa_backup_auto (PaStore  *store,
                GError  **error)
{
  g_autofree char *folder = NULL;

  g_return_val_if_fail (PA_IS_STORE (store), NULL);

  folder = pa_store_get_backup_dir (store);
  if (!backup_due (pa_store_get_path (store), folder))
    return NULL;
  return create_backup (pa_store_get_db (store), pa_store_get_path (store), folder, TRUE,
                        "daily", error);
}

typedef struct
{
  char *store_path;
  char *folder;
} AutoData;

static void
auto_data_free (gpointer data)
{
  AutoData *d = data;
  g_free (d->store_path);
  g_free (d->folder);
  g_free (d);
}

static void
auto_backup_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  AutoData *d = task_data;
  GError *error = NULL;
  sqlite3 *db = NULL;
  char *path;
  int rc;

  if (!backup_due (d->store_path, d->folder))
    {
      g_task_return_pointer (task, NULL, NULL);
      return;
    }
  /* A connection of its own: the store's connection belongs to the main
   * thread; WAL lets this one read while the main thread writes. */
  rc = sqlite3_open_v2 (d->store_path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      g_task_return_new_error (task, PA_STORE_ERROR, PA_STORE_ERROR_OPEN,
                               _("Cannot open “%s”: %s"), d->store_path,
                               db ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
      sqlite3_close (db);
      return;
    }
  sqlite3_busy_timeout (db, 5000);
  path = create_backup (db, d->store_path, d->folder, TRUE, "daily", &error);
  sqlite3_close (db);
  if (path == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, path, g_free);
}

/**
 * pa_backup_auto_async:
 *
 * pa_backup_auto() in a worker thread with a connection of its own, for the
 * application to call at start: the window stays responsive while a large
 * store is copied.
 */
void
pa_backup_auto_async (PaStore             *store,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;
  AutoData *d;

  g_return_if_fail (PA_IS_STORE (store));

  d = g_new0 (AutoData, 1);
  d->store_path = g_strdup (pa_store_get_path (store));
  d->folder = pa_store_get_backup_dir (store);
  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_task_data (task, d, auto_data_free);
  g_task_run_in_thread (task, auto_backup_thread);
}

/**
 * pa_backup_auto_finish:
 *
 * Returns: (transfer full) (nullable): the new backup's path, or %NULL when
 * none was due or on error (then @error is set).
 */
char *
pa_backup_auto_finish (PaStore       *store,
                       GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Error messages about the private copy name the user's file instead. */
static void
set_cannot_restore (const char  *backup_path,
                    const char  *copy_path,
                    GError      *cause,
                    GError     **error)
{
  g_autoptr (GString) message = g_string_new (cause->message);

  g_string_replace (message, copy_path, backup_path, 0);
  g_set_error (error, PA_STORE_ERROR,
               cause->domain == PA_STORE_ERROR && cause->code == PA_STORE_ERROR_FULL
                 ? PA_STORE_ERROR_FULL : PA_STORE_ERROR_OPEN,
               _("“%s” cannot be restored: %s"), backup_path, message->str);
}

/* Whether @path is a Passerelle store at all, read without changing it: an
 * empty file would otherwise open as a new, empty store. */
static gboolean
is_passerelle_store (const char  *path,
                     const char  *shown_path,
                     GError     **error)
{
  g_autofree char *uri = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int app_id = 0;
  int version = 0;
  int rc;

  uri = g_strdup_printf ("file:%s?mode=ro", path);
  rc = sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (db, "SELECT (SELECT application_id FROM pragma_application_id), "
                                 "(SELECT user_version FROM pragma_user_version), "
                                 "(SELECT count(*) FROM sqlite_schema)", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      app_id = sqlite3_column_int (stmt, 0);
      version = sqlite3_column_int (stmt, 1);
    }
  else
    g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_OPEN,
                 _("“%s” is not a Passerelle backup (%s)."), shown_path,
                 db ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  if (rc != SQLITE_ROW)
    return FALSE;
  if (app_id != PA_STORE_APPLICATION_ID || version < 1)
    {
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_OPEN,
                   _("“%s” is not a Passerelle backup."), shown_path);
      return FALSE;
    }
  return TRUE;
}

/* Opens a private copy of a backup in a new temporary folder: opening may
 * migrate an older backup, and the backup file itself must stay as it was.
 * The copy is checked in full. */
static PaStore *
open_backup_copy (const char  *backup_path,
                  char       **tmpdir_out,
                  GError     **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autoptr (PaStore) backup = NULL;
  g_autofree char *tmpdir = NULL;
  g_autofree char *copy = NULL;
  g_autoptr (GFile) src = NULL;
  g_autoptr (GFile) dst = NULL;

  if (!g_file_test (backup_path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_NOT_FOUND,
                   _("The backup “%s” does not exist."), backup_path);
      return NULL;
    }

  tmpdir = g_dir_make_tmp ("passerelle-restore-XXXXXX", &local_error);
  if (tmpdir == NULL)
    {
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_FAILED,
                   _("Cannot restore “%s”: %s"), backup_path, local_error->message);
      return NULL;
    }
  copy = g_build_filename (tmpdir, "backup.db", NULL);
  src = g_file_new_for_path (backup_path);
  dst = g_file_new_for_path (copy);
  if (!g_file_copy (src, dst, G_FILE_COPY_NONE, NULL, NULL, NULL, &local_error))
    {
      g_set_error (error, PA_STORE_ERROR,
                   g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NO_SPACE)
                     ? PA_STORE_ERROR_FULL : PA_STORE_ERROR_OPEN,
                   _("Cannot read the backup “%s”: %s"), backup_path, local_error->message);
      remove_tree (tmpdir);
      return NULL;
    }

  if (is_passerelle_store (copy, backup_path, error))
    {
      backup = pa_store_open (copy, &local_error);
      if (backup != NULL && !pa_store_check (backup, TRUE, &local_error))
        g_clear_object (&backup);
      if (backup == NULL)
        set_cannot_restore (backup_path, copy, local_error, error);
    }
  if (backup == NULL)
    {
      remove_tree (tmpdir);
      return NULL;
    }
  *tmpdir_out = g_steal_pointer (&tmpdir);
  return g_steal_pointer (&backup);
}

/**
 * pa_backup_restore:
 * @backup_path: a backup made by Passerelle, of any older schema version
 *
 * Replaces the store's content with the backup's, after checking the backup
 * and saving the current content as a backup of its own ("before-restore"),
 * so a restore can itself be undone. The backup file is not changed, and no
 * temporary file is left. On any error the store is unchanged.
 * Emits "case-changed" with 0: any case may have changed.
 */
gboolean
pa_backup_restore (PaStore     *store,
                   const char  *backup_path,
                   GError     **error)
{
  g_autoptr (PaStore) backup = NULL;
  g_autofree char *tmpdir = NULL;
  g_autofree char *saved = NULL;
  gboolean ok;

  g_return_val_if_fail (PA_IS_STORE (store), FALSE);
  g_return_val_if_fail (backup_path != NULL, FALSE);

  backup = open_backup_copy (backup_path, &tmpdir, error);
  if (backup == NULL)
    return FALSE;

  saved = pa_backup_create_in_dir (store, NULL, "before-restore", error);
  /* The backup API replaces the store's pages in one write transaction:
   * on failure the store is as it was. */
  ok = saved != NULL &&
       copy_database (pa_store_get_db (backup), pa_store_get_db (store),
                      pa_store_get_path (store), error);
  g_clear_object (&backup);
  remove_tree (tmpdir);
  if (!ok)
    return FALSE;

  pa_store_emit_case_changed (store, 0);
  return pa_store_audit (store, "store.restore", 0, "store", NULL, error);
}

static gboolean
copy_file (const char  *from,
           const char  *to,
           GError     **error)
{
  g_autoptr (GFile) src = g_file_new_for_path (from);
  g_autoptr (GFile) dst = g_file_new_for_path (to);
  g_autoptr (GError) local_error = NULL;

  if (g_file_copy (src, dst, G_FILE_COPY_NONE, NULL, NULL, NULL, &local_error))
    return TRUE;
  g_unlink (to);
  g_set_error (error, PA_STORE_ERROR,
               g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NO_SPACE)
                 ? PA_STORE_ERROR_FULL : PA_STORE_ERROR_FAILED,
               _("Cannot copy “%s” to “%s”: %s"), from, to, local_error->message);
  return FALSE;
}

/**
 * pa_backup_restore_file:
 * @store_path: a store that cannot be opened (damaged), or does not exist
 * @backup_path: a backup made by Passerelle
 * @damaged_copy: (out) (optional) (nullable): where the replaced file was kept
 *
 * Restores a store that pa_store_open() refuses, without opening it: the
 * backup is checked, the damaged file (and its write-ahead log) is copied
 * into the backup folder as a "damaged" backup, then replaced by the
 * backup's content in one rename. Nothing else may have the store open.
 * On error the store file is unchanged.
 */
gboolean
pa_backup_restore_file (const char  *store_path,
                        const char  *backup_path,
                        char       **damaged_copy,
                        GError     **error)
{
  g_autoptr (PaStore) backup = NULL;
  g_autofree char *tmpdir = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *wal = g_strconcat (store_path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (store_path, "-shm", NULL);
  g_autofree char *fresh = g_strconcat (store_path, ".restoring", NULL);
  gboolean ok = TRUE;

  g_return_val_if_fail (store_path != NULL, FALSE);
  g_return_val_if_fail (backup_path != NULL, FALSE);

  backup = open_backup_copy (backup_path, &tmpdir, error);
  if (backup == NULL)
    return FALSE;

  if (g_file_test (store_path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *folder = pa_backup_dir_for (store_path);

      if (g_mkdir_with_parents (folder, 0700) != 0)
        {
          int saved_errno = errno;
          g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_OPEN,
                       _("Cannot create the folder “%s”: %s"), folder, g_strerror (saved_errno));
          ok = FALSE;
        }
      if (ok)
        {
          kept = next_backup_path (store_path, folder, "damaged");
          ok = copy_file (store_path, kept, error);
        }
      if (ok && g_file_test (wal, G_FILE_TEST_EXISTS))
        {
          g_autofree char *kept_wal = g_strconcat (kept, "-wal", NULL);
          ok = copy_file (wal, kept_wal, error);
          if (!ok)
            g_unlink (kept);
        }
    }

  ok = ok && write_copy (pa_store_get_db (backup), fresh, error);
  g_clear_object (&backup);
  remove_tree (tmpdir);
  if (!ok)
    {
      if (kept != NULL)
        unlink_database (kept);
      return FALSE;
    }

  /* The old log must go before the new file is in place: SQLite would
   * otherwise replay it onto the restored pages. */
  g_unlink (wal);
  g_unlink (shm);
  if (g_rename (fresh, store_path) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_FAILED,
                   _("Cannot replace “%s”: %s"), store_path, g_strerror (saved_errno));
      unlink_database (fresh);
      return FALSE;
    }
  if (damaged_copy != NULL)
    *damaged_copy = g_steal_pointer (&kept);
  return TRUE;
}
