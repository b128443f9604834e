/* SPDX-License-Identifier: GPL-3.0-or-later */
#define _GNU_SOURCE
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mount.h>
#include <sys/statvfs.h>
#include <sys/wait.h>
#include <unistd.h>

#include "pa-backup.h"
#include "pa-store-cases.h"
#include "pa-test-utils.h"

/* A full disk: the store says so clearly (PA_STORE_ERROR_FULL, the file
 * named) and loses nothing already stored.
 *
 * The disk is simulated by a SQLite VFS wrapped around the system's: a
 * write that would make a file grow beyond the free bytes left fails with
 * SQLITE_FULL, as on a full disk; shrinking or deleting a file frees
 * bytes. A last test uses a real tiny file system (tmpfs) when this machine
 * lets the test mount one. */

/* ---- the full-disk VFS ---- */

typedef struct
{
  sqlite3_file base;
  sqlite3_file *real;
} ShimFile;

static sqlite3_vfs *real_vfs;
static sqlite3_vfs shim_vfs;
static sqlite3_io_methods shim_methods;
static sqlite3_int64 free_bytes = -1;   /* below 0: no limit */
static guint refused_writes;

#define REAL(f) (((ShimFile *) (f))->real)

static int
shim_close (sqlite3_file *f)
{
  return REAL (f)->pMethods->xClose (REAL (f));
}

static int
shim_read (sqlite3_file  *f,
           void          *buffer,
           int            amount,
           sqlite3_int64  offset)
{
  return REAL (f)->pMethods->xRead (REAL (f), buffer, amount, offset);
}

static int
shim_write (sqlite3_file  *f,
            const void    *buffer,
            int            amount,
            sqlite3_int64  offset)
{
  sqlite3_file *real = REAL (f);

  if (free_bytes >= 0)
    {
      sqlite3_int64 size = 0;
      sqlite3_int64 growth;
      int rc = real->pMethods->xFileSize (real, &size);

      if (rc != SQLITE_OK)
        return rc;
      growth = offset + amount - size;
      if (growth > 0)
        {
          if (growth > free_bytes)
            {
              refused_writes++;
              return SQLITE_FULL;
            }
          free_bytes -= growth;
        }
    }
  return real->pMethods->xWrite (real, buffer, amount, offset);
}

static int
shim_truncate (sqlite3_file  *f,
               sqlite3_int64  size)
{
  sqlite3_file *real = REAL (f);
  sqlite3_int64 current = 0;

  if (free_bytes >= 0 && real->pMethods->xFileSize (real, &current) == SQLITE_OK && size < current)
    free_bytes += current - size;
  return real->pMethods->xTruncate (real, size);
}

static int
shim_sync (sqlite3_file *f,
           int           flags)
{
  return REAL (f)->pMethods->xSync (REAL (f), flags);
}

static int
shim_file_size (sqlite3_file  *f,
                sqlite3_int64 *size)
{
  return REAL (f)->pMethods->xFileSize (REAL (f), size);
}

static int
shim_lock (sqlite3_file *f,
           int           level)
{
  return REAL (f)->pMethods->xLock (REAL (f), level);
}

static int
shim_unlock (sqlite3_file *f,
             int           level)
{
  return REAL (f)->pMethods->xUnlock (REAL (f), level);
}

static int
shim_check_reserved_lock (sqlite3_file *f,
                          int          *out)
{
  return REAL (f)->pMethods->xCheckReservedLock (REAL (f), out);
}

static int
shim_file_control (sqlite3_file *f,
                   int           op,
                   void         *arg)
{
  return REAL (f)->pMethods->xFileControl (REAL (f), op, arg);
}

static int
shim_sector_size (sqlite3_file *f)
{
  return REAL (f)->pMethods->xSectorSize (REAL (f));
}

static int
shim_device_characteristics (sqlite3_file *f)
{
  return REAL (f)->pMethods->xDeviceCharacteristics (REAL (f));
}

static int
shim_shm_map (sqlite3_file  *f,
              int            page,
              int            size,
              int            extend,
              void volatile **out)
{
  return REAL (f)->pMethods->xShmMap (REAL (f), page, size, extend, out);
}

static int
shim_shm_lock (sqlite3_file *f,
               int           offset,
               int           n,
               int           flags)
{
  return REAL (f)->pMethods->xShmLock (REAL (f), offset, n, flags);
}

static void
shim_shm_barrier (sqlite3_file *f)
{
  REAL (f)->pMethods->xShmBarrier (REAL (f));
}

static int
shim_shm_unmap (sqlite3_file *f,
                int           delete_flag)
{
  return REAL (f)->pMethods->xShmUnmap (REAL (f), delete_flag);
}

static int
shim_fetch (sqlite3_file  *f,
            sqlite3_int64  offset,
            int            amount,
            void         **out)
{
  return REAL (f)->pMethods->xFetch (REAL (f), offset, amount, out);
}

static int
shim_unfetch (sqlite3_file  *f,
              sqlite3_int64  offset,
              void          *page)
{
  return REAL (f)->pMethods->xUnfetch (REAL (f), offset, page);
}

static int
shim_open (sqlite3_vfs      *vfs,
           sqlite3_filename  name,
           sqlite3_file     *f,
           int               flags,
           int              *out_flags)
{
  ShimFile *self = (ShimFile *) f;
  int rc;

  self->real = (sqlite3_file *) (self + 1);
  rc = real_vfs->xOpen (real_vfs, name, self->real, flags, out_flags);
  f->pMethods = self->real->pMethods != NULL ? &shim_methods : NULL;
  if (self->real->pMethods != NULL)
    shim_methods.iVersion = MIN (self->real->pMethods->iVersion, 3);
  return rc;
}

static int
shim_delete (sqlite3_vfs *vfs,
             const char  *name,
             int          sync_dir)
{
  GStatBuf st;

  if (free_bytes >= 0 && g_stat (name, &st) == 0)
    free_bytes += st.st_size;
  return real_vfs->xDelete (real_vfs, name, sync_dir);
}

static void
shim_register (void)
{
  static const sqlite3_io_methods methods = {
    3, shim_close, shim_read, shim_write, shim_truncate, shim_sync, shim_file_size, shim_lock,
    shim_unlock, shim_check_reserved_lock, shim_file_control, shim_sector_size,
    shim_device_characteristics, shim_shm_map, shim_shm_lock, shim_shm_barrier, shim_shm_unmap,
    shim_fetch, shim_unfetch,
  };

  real_vfs = sqlite3_vfs_find (NULL);
  g_assert_nonnull (real_vfs);
  shim_vfs = *real_vfs;
  shim_vfs.zName = "pa-test-full-disk";
  shim_vfs.szOsFile = (int) sizeof (ShimFile) + real_vfs->szOsFile;
  shim_vfs.xOpen = shim_open;
  shim_vfs.xDelete = shim_delete;
  shim_methods = methods;
  free_bytes = -1;
  refused_writes = 0;
  /* The default: every connection the store and its backups open. */
  g_assert_cmpint (sqlite3_vfs_register (&shim_vfs, 1), ==, SQLITE_OK);
}

static void
shim_unregister (void)
{
  sqlite3_vfs_unregister (&shim_vfs);
  g_assert_true (sqlite3_vfs_find (NULL) == real_vfs);
}

/* ---- helpers ---- */

static PaCase *
new_case (guint n)
{
  PaCase *kase = pa_case_new ();
  g_autofree char *given = g_strdup_printf ("Zoé%u", n);
  g_autofree char *contact = g_strnfill (3000, 'c');

  pa_case_set_given_name (kase, given);
  pa_case_set_family_name (kase, "Ndiaye");
  pa_case_set_contact (kase, contact);
  return kase;
}

/* Creates cases until the disk is full; returns how many were created. */
static guint
fill_until_full (PaStore  *store,
                 guint     first,
                 GError  **error)
{
  for (guint n = first; n < first + 2000; n++)
    {
      g_autoptr (PaCase) kase = new_case (n);
      guint before = pa_store_case_count (store, PA_CASE_FILTER_ALL);

      if (!pa_store_case_create (store, kase, error))
        {
          /* Nothing of the refused case is stored. */
          g_assert_cmpint (pa_case_get_id (kase), ==, 0);
          g_assert_cmpuint (pa_store_case_count (store, PA_CASE_FILTER_ALL), ==, before);
          return n - first;
        }
    }
  g_error ("the disk never filled up");
}

static void
assert_full_error (GError     *error,
                   const char *path)
{
  g_assert_error (error, PA_STORE_ERROR, PA_STORE_ERROR_FULL);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, "full"));
}

/* Every case 0..@n-1 is in the store, with its name, and nothing else. */
static void
assert_cases (PaStore *store,
              guint    n)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) all = pa_store_case_list (store, NULL, PA_CASE_FILTER_ALL, &error);
  g_autoptr (GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, n);
  for (guint i = 0; i < all->len; i++)
    g_hash_table_add (names, g_strdup (pa_case_get_given_name (g_ptr_array_index (all, i))));
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *given = g_strdup_printf ("Zoé%u", i);
      if (!g_hash_table_contains (names, given))
        g_error ("%s, committed before the disk filled, is missing", given);
    }
}

static void
assert_only_files (const char         *dir,
                   const char * const *expected)
{
  g_autoptr (GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  g_assert_nonnull (handle);
  while ((name = g_dir_read_name (handle)) != NULL)
    if (!g_strv_contains (expected, name))
      g_error ("%s/%s was left behind", dir, name);
}

/* ---- tests with the simulated disk ---- */

static void
test_create_when_full (void)
{
  g_autofree char *dir = pa_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "centre.db", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (PaStore) store = NULL;
  guint stored = 0;
  guint n;

  shim_register ();
  store = pa_store_open (path, &error);
  g_assert_no_error (error);
  for (; stored < 20; stored++)
    {
      g_autoptr (PaCase) kase = new_case (stored);
      g_assert_true (pa_store_case_create (store, kase, &error));
      g_assert_no_error (error);
    }
  g_assert_true (pa_store_exec (store, "PRAGMA wal_checkpoint(TRUNCATE)", &error));

  /* The disk fills up: a clear error, and the refused case is not stored. */
  free_bytes = 100 * 1024;
  n = fill_until_full (store, stored, &error);
  g_test_message ("%u cases created before the disk was full: %s", n, error->message);
  assert_full_error (error, path);
  g_clear_error (&error);
  stored += n;
  g_assert_cmpuint (refused_writes, >, 0);

  /* Still full: other changes fail the same way (one larger than what the
   * refused case left of the log); reading works. */
  {
    g_autoptr (PaCase) first = pa_store_case_get (store, 1, &error);
    g_autofree char *contact = g_strnfill (16000, 'd');

    g_assert_no_error (error);
    pa_case_set_contact (first, contact);
    g_assert_false (pa_store_case_update (store, first, &error));
    assert_full_error (error, path);
    g_clear_error (&error);
  }
  assert_cases (store, stored);

  /* Space freed: the same connection works again. */
  free_bytes = -1;
  {
    g_autoptr (PaCase) kase = new_case (stored);
    g_assert_true (pa_store_case_create (store, kase, &error));
    g_assert_no_error (error);
    stored++;
  }
  g_assert_true (pa_store_check (store, TRUE, &error));
  g_assert_no_error (error);

  /* Full again, and the program ends while the disk is full: closing cannot
   * move the log into the file. */
  free_bytes = 64 * 1024;
  stored += fill_until_full (store, stored, &error);
  assert_full_error (error, path);
  g_clear_error (&error);
  g_clear_object (&store);

  /* Space freed: the store opens, is whole, and holds every case. */
  free_bytes = -1;
  store = pa_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (pa_store_check (store, TRUE, &error));
  g_assert_no_error (error);
  assert_cases (store, stored);
  g_test_message ("%u cases kept", stored);

  g_clear_object (&store);
  shim_unregister ();
  pa_test_remove_tree (dir);
}

static gboolean
insert_evidence (PaStore  *store,
                 gint64    case_id,
                 gsize     size,
                 GError  **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree guint8 *data = g_malloc (size);

  for (gsize i = 0; i < size; i++)
    data[i] = (guint8) (i * 7 + (i >> 12));
  if (!pa_store_begin (store, error))
    return FALSE;
  stmt = pa_store_prepare (store, "INSERT INTO evidence (case_id, title, content, size, added_at) "
                                  "VALUES (?, 'scan', ?, ?, '2025-01-01T00:00:00Z')", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, case_id);
  sqlite3_bind_blob (stmt, 2, data, (int) size, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, (gint64) size);
  if (!pa_store_step_done (store, stmt, error) ||
      !pa_store_audit (store, "evidence.add", case_id, "evidence", NULL, error) ||
      !pa_store_commit (store, error))
    goto fail;
  return TRUE;
fail:
  pa_store_rollback (store);
  return FALSE;
}

static void
test_big_evidence (void)
{
  g_autofree char *dir = pa_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "centre.db", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (PaStore) store = NULL;
  g_autoptr (PaCase) kase = new_case (0);
  gint64 audits;

  shim_register ();
  store = pa_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (pa_store_case_create (store, kase, &error));
  g_assert_true (insert_evidence (store, 1, 5000, &error));
  g_assert_no_error (error);
  audits = pa_test_query_int (pa_store_get_db (store), "SELECT count(*) FROM audit");

  /* 4 MB, more than the page cache: SQLite writes part of it to the log
   * before the commit, and the disk fills up halfway. */
  free_bytes = 1024 * 1024;
  g_assert_false (insert_evidence (store, 1, 4 * 1024 * 1024, &error));
  assert_full_error (error, path);
  g_clear_error (&error);
  g_assert_cmpint (pa_test_query_int (pa_store_get_db (store), "SELECT count(*) FROM evidence"), ==, 1);
  g_assert_cmpint (pa_test_query_int (pa_store_get_db (store), "SELECT count(*) FROM audit"), ==, audits);

  /* A small one fits in what is left. */
  g_assert_true (insert_evidence (store, 1, 3000, &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  free_bytes = -1;
  store = pa_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (pa_store_check (store, TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (pa_test_query_int (pa_store_get_db (store),
                                      "SELECT count(*) FROM evidence"), ==, 2);
  g_assert_cmpint (pa_test_query_int (pa_store_get_db (store),
                                      "SELECT sum (length (content)) FROM evidence"), ==, 8000);
  g_assert_cmpint (pa_test_query_int (pa_store_get_db (store),
                                      "SELECT max (length (content)) FROM evidence"), ==, 5000);

  g_clear_object (&store);
  shim_unregister ();
  pa_test_remove_tree (dir);
}

static void
test_backup_to_full_disk (void)
{
  g_autofree char *dir = pa_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "centre.db", NULL);
  g_autofree char *copy = g_build_filename (dir, "copy.db", NULL);
  g_autofree char *backups = g_build_filename (dir, "backups", NULL);
  const char * const store_files[] = { "centre.db", "centre.db-wal", "centre.db-shm", "backups", NULL };
  const char * const no_files[] = { NULL };
  g_autoptr (GError) error = NULL;
  g_autoptr (PaStore) store = NULL;
  g_autofree char *made = NULL;

  shim_register ();
  store = pa_store_open (path, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 30; i++)
    {
      g_autoptr (PaCase) kase = new_case (i);
      g_assert_true (pa_store_case_create (store, kase, &error));
    }
  g_assert_cmpint (g_mkdir (backups, 0700), ==, 0);

  /* Room for part of the copy only. */
  free_bytes = 64 * 1024;
  g_assert_false (pa_backup_to_file (store, copy, &error));
  g_test_message ("%s", error->message);
  assert_full_error (error, copy);
  g_clear_error (&error);
  assert_only_files (dir, store_files);

  made = pa_backup_auto (store, &error);
  g_assert_null (made);
  assert_full_error (error, backups);
  g_clear_error (&error);
  assert_only_files (backups, no_files);

  /* The store itself is untouched and works once there is room. */
  free_bytes = -1;
  g_assert_true (pa_store_check (store, TRUE, &error));
  assert_cases (store, 30);
  g_assert_true (pa_backup_to_file (store, copy, &error));
  g_assert_no_error (error);

  g_clear_object (&store);
  shim_unregister ();
  pa_test_remove_tree (dir);
}

static void
test_max_page_count (void)
{
  g_autofree char *dir = pa_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "centre.db", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (PaStore) store = NULL;
  g_autofree char *cap = NULL;
  guint stored;

  store = pa_store_open (path, &error);
  g_assert_no_error (error);

  /* The file may not grow past its size plus a few pages. */
  cap = g_strdup_printf ("PRAGMA max_page_count = %" G_GINT64_FORMAT,
                         pa_test_query_int (pa_store_get_db (store), "PRAGMA page_count") + 4);
  pa_test_exec (pa_store_get_db (store), cap);
  stored = fill_until_full (store, 0, &error);
  assert_full_error (error, path);
  g_clear_error (&error);

  pa_test_exec (pa_store_get_db (store), "PRAGMA max_page_count = 1000000");
  g_assert_true (pa_store_check (store, TRUE, &error));
  assert_cases (store, stored);
  g_clear_object (&store);
  pa_test_remove_tree (dir);
}

/* ---- a real tiny file system ---- */

static gboolean
write_file (const char *path,
            const char *text)
{
  int fd = open (path, O_WRONLY);
  gboolean ok;

  if (fd < 0)
    return FALSE;
  ok = write (fd, text, strlen (text)) == (ssize_t) strlen (text);
  close (fd);
  return ok;
}

/* In a mount namespace of its own, so that the mount disappears with the
 * process whatever happens: as root if allowed, else in a user namespace. */
static gboolean
mount_private_tmpfs (const char *where,
                     const char *options)
{
  uid_t uid = getuid ();
  gid_t gid = getgid ();

  if (unshare (CLONE_NEWNS) != 0)
    {
      g_autofree char *uid_map = g_strdup_printf ("0 %u 1", (guint) uid);
      g_autofree char *gid_map = g_strdup_printf ("0 %u 1", (guint) gid);

      if (unshare (CLONE_NEWUSER | CLONE_NEWNS) != 0)
        return FALSE;
      write_file ("/proc/self/setgroups", "deny");
      if (!write_file ("/proc/self/uid_map", uid_map) || !write_file ("/proc/self/gid_map", gid_map))
        return FALSE;
    }
  if (mount (NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) != 0)
    return FALSE;
  return mount ("tmpfs", where, "tmpfs", MS_NOSUID | MS_NODEV, options) == 0;
}

static void
fill_file (const char *path,
           gsize       size)
{
  g_autofree char *data = g_malloc0 (size);
  g_assert_true (g_file_set_contents (path, data, size, NULL));
}

static void G_GNUC_NORETURN
real_disk_scenario (const char *mnt)
{
  g_autofree char *path = g_build_filename (mnt, "centre.db", NULL);
  g_autofree char *filler = g_build_filename (mnt, "filler", NULL);
  g_autofree char *copy = g_build_filename (mnt, "copy.db", NULL);
  const char * const files[] = { "centre.db", "centre.db-wal", "centre.db-shm", "filler", NULL };
  g_autoptr (GError) error = NULL;
  g_autoptr (PaStore) store = NULL;
  guint stored;

  /* A new store holds the built-in frameworks (over a megabyte); leave
   * about 700 KB free after it, so the disk fills after some cases. */
  store = pa_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (pa_store_exec (store, "PRAGMA wal_checkpoint(TRUNCATE)", &error));
  {
    struct statvfs fs;
    g_assert_cmpint (statvfs (mnt, &fs), ==, 0);
    g_assert_cmpuint ((guint64) fs.f_bavail * fs.f_frsize, >, 700 * 1024);
    fill_file (filler, (gsize) ((guint64) fs.f_bavail * fs.f_frsize - 700 * 1024));
  }

  stored = fill_until_full (store, 0, &error);
  g_test_message ("tmpfs: %u cases created before the disk was full: %s", stored, error->message);
  assert_full_error (error, path);
  g_clear_error (&error);
  g_assert_cmpuint (stored, >, 0);

  g_assert_false (pa_backup_to_file (store, copy, &error));
  assert_full_error (error, copy);
  g_clear_error (&error);
  assert_only_files (mnt, files);

  /* The user deletes a file: the store works again. */
  g_assert_cmpint (g_unlink (filler), ==, 0);
  {
    g_autoptr (PaCase) kase = new_case (stored);
    g_assert_true (pa_store_case_create (store, kase, &error));
    g_assert_no_error (error);
    stored++;
  }
  g_clear_object (&store);

  store = pa_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (pa_store_check (store, TRUE, &error));
  g_assert_no_error (error);
  assert_cases (store, stored);
  g_clear_object (&store);
  _exit (0);
}

static void
test_real_tiny_disk (void)
{
  g_autofree char *dir = pa_test_make_tmpdir ();
  g_autofree char *mnt = g_build_filename (dir, "mnt", NULL);
  int status = 0;
  pid_t pid;

  g_assert_cmpint (g_mkdir (mnt, 0700), ==, 0);
  fflush (stdout);
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      if (!mount_private_tmpfs (mnt, "size=8m,mode=0700"))
        _exit (PA_TEST_SKIP);
      real_disk_scenario (mnt);
    }
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  pa_test_remove_tree (dir);
  if (WIFEXITED (status) && WEXITSTATUS (status) == PA_TEST_SKIP)
    {
      g_test_skip ("this machine does not let the test mount a small tmpfs "
                   "(neither as root nor in a user namespace)");
      return;
    }
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/disk-full/create-case", test_create_when_full);
  g_test_add_func ("/disk-full/big-evidence", test_big_evidence);
  g_test_add_func ("/disk-full/backup", test_backup_to_full_disk);
  g_test_add_func ("/disk-full/max-page-count", test_max_page_count);
  g_test_add_func ("/disk-full/real-tiny-disk", test_real_tiny_disk);
  return g_test_run ();
}
