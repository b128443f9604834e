/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "pa-backup.h"
#include "pa-store-cases.h"
#include "pa-test-utils.h"

/* Restoring a backup over a store that cannot be opened, and listing the
 * backups of such a store. */

static const char garbage[] = "These are the minutes of a meeting, not a case store.\n";

static void
add_case (PaStore    *store,
          const char *given)
{
  g_autoptr (PaCase) kase = pa_case_new ();
  g_autoptr (GError) error = NULL;

  pa_case_set_given_name (kase, given);
  g_assert_true (pa_store_case_create (store, kase, &error));
  g_assert_no_error (error);
}

/* A store with two cases, one backup of it, then a third case, then the file
 * overwritten with text. Returns the backup's path. */
static char *
make_damaged_store (const char *path)
{
  g_autoptr (PaStore) store = NULL;
  g_autoptr (GError) error = NULL;
  char *backup;

  store = pa_store_open (path, &error);
  g_assert_no_error (error);
  add_case (store, "Amal");
  add_case (store, "Bohdan");
  backup = pa_backup_create_in_dir (store, NULL, "daily", &error);
  g_assert_no_error (error);
  add_case (store, "Chiara");
  g_clear_object (&store);

  g_assert_true (g_file_set_contents (path, garbage, -1, NULL));
  return backup;
}

static guint
count_files_with_prefix (const char *dir,
                         const char *prefix)
{
  g_autoptr (GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (handle);
  while ((name = g_dir_read_name (handle)) != NULL)
    if (g_str_has_prefix (name, prefix))
      n++;
  return n;
}

static void
test_restore_over_damaged_file (void)
{
  g_autofree char *dir = pa_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "centre.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *backup = make_damaged_store (path);
  g_autofree char *damaged = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *kept_wal = NULL;
  g_autoptr (GPtrArray) listed = NULL;
  g_autoptr (PaStore) store = NULL;
  g_autoptr (GError) error = NULL;

  /* The damaged file cannot be opened, but its backups can be listed. */
  store = pa_store_open (path, &error);
  g_assert_null (store);
  g_assert_nonnull (error);
  g_clear_error (&error);
  listed = pa_backup_list_for_file (path, NULL);
  g_assert_cmpuint (listed->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (listed, 0), ==, backup);

  /* A log left beside the damaged file must not be replayed into the backup. */
  g_assert_true (g_file_set_contents (wal, "stale log", -1, NULL));

  g_assert_true (pa_backup_restore_file (path, backup, &damaged, &error));
  g_assert_no_error (error);

  /* The damaged file is kept, unchanged, under a name that says what it is. */
  g_assert_nonnull (damaged);
  g_assert_true (g_str_has_prefix (damaged, path));
  g_assert_nonnull (strstr (damaged, ".damaged-"));
  g_assert_true (g_file_get_contents (damaged, &kept, NULL, NULL));
  g_assert_cmpstr (kept, ==, garbage);
  kept_wal = g_strconcat (damaged, "-wal", NULL);
  g_assert_true (g_file_test (kept_wal, G_FILE_TEST_EXISTS));

  /* The store now holds what the backup held: two cases, not three. */
  store = pa_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pa_store_case_count (store, PA_CASE_FILTER_ALL), ==, 2);
  {
    g_autoptr (sqlite3_stmt) stmt =
      pa_store_prepare (store, "SELECT count(*) FROM audit WHERE action = 'store.restore'", &error);
    g_assert_no_error (error);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
  }
  /* The backup itself is untouched and still listed. */
  g_clear_pointer (&listed, g_ptr_array_unref);
  listed = pa_backup_list (store);
  g_assert_cmpuint (listed->len, ==, 1);
  g_clear_object (&store);
  pa_test_remove_tree (dir);
}

static void
check_unchanged (const char *dir,
                 const char *path)
{
  g_autofree char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, garbage);
  g_assert_cmpuint (count_files_with_prefix (dir, "centre.db.damaged"), ==, 0);
}

static void
test_bad_backup_changes_nothing (void)
{
  g_autofree char *dir = pa_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "centre.db", NULL);
  g_autofree char *backup = make_damaged_store (path);
  g_autofree char *not_a_backup = g_build_filename (dir, "notes.db", NULL);
  g_autofree char *missing = g_build_filename (dir, "nowhere.db", NULL);
  g_autofree char *damaged = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_true (g_file_set_contents (not_a_backup, "shopping list", -1, NULL));
  g_assert_false (pa_backup_restore_file (path, not_a_backup, &damaged, &error));
  g_assert_error (error, PA_STORE_ERROR, PA_STORE_ERROR_OPEN);
  g_assert_nonnull (strstr (error->message, "notes.db"));
  g_assert_null (damaged);
  check_unchanged (dir, path);
  g_clear_error (&error);

  g_assert_false (pa_backup_restore_file (path, missing, NULL, &error));
  g_assert_error (error, PA_STORE_ERROR, PA_STORE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "nowhere.db"));
  check_unchanged (dir, path);
  pa_test_remove_tree (dir);
}

static void
test_restore_missing_store (void)
{
  g_autofree char *dir = pa_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "centre.db", NULL);
  g_autofree char *backup = make_damaged_store (path);
  g_autofree char *damaged = NULL;
  g_autoptr (PaStore) store = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_true (pa_backup_restore_file (path, backup, &damaged, &error));
  g_assert_no_error (error);
  g_assert_null (damaged);
  store = pa_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pa_store_case_count (store, PA_CASE_FILTER_ALL), ==, 2);
  g_clear_object (&store);
  pa_test_remove_tree (dir);
}

static void
test_list_for_file (void)
{
  g_autofree char *dir = pa_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "centre.db", NULL);
  g_autofree char *elsewhere = g_build_filename (dir, "usb", NULL);
  g_autofree char *other = g_build_filename (elsewhere, "other-20240101-000000-daily.db", NULL);
  g_autoptr (PaStore) store = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) listed = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  store = pa_store_open (path, &error);
  g_assert_no_error (error);
  pa_store_set_backup_dir (store, elsewhere);
  first = pa_backup_create_in_dir (store, NULL, "a", &error);
  g_assert_no_error (error);
  /* Names sort by their timestamp; make the second one newer for sure. */
  second = g_build_filename (elsewhere, "centre-29990101-000000-b.db", NULL);
  g_assert_true (pa_backup_to_file (store, second, &error));
  g_assert_true (g_file_set_contents (other, "", -1, NULL));
  g_clear_object (&store);

  listed = pa_backup_list_for_file (path, elsewhere);
  g_assert_cmpuint (listed->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (listed, 0), ==, second);
  g_assert_cmpstr (g_ptr_array_index (listed, 1), ==, first);
  g_clear_pointer (&listed, g_ptr_array_unref);

  /* The default folder is empty: nothing is found there. */
  listed = pa_backup_list_for_file (path, NULL);
  g_assert_cmpuint (listed->len, ==, 0);
  pa_test_remove_tree (dir);
}

static void
test_restore_open_store (void)
{
  g_autofree char *dir = pa_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "centre.db", NULL);
  g_autoptr (PaStore) store = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) listed = NULL;
  g_autofree char *backup = NULL;

  store = pa_store_open (path, &error);
  g_assert_no_error (error);
  add_case (store, "Amal");
  backup = pa_backup_create_in_dir (store, NULL, "daily", &error);
  g_assert_no_error (error);
  add_case (store, "Bohdan");
  g_assert_cmpuint (pa_store_case_count (store, PA_CASE_FILTER_ALL), ==, 2);

  g_assert_true (pa_backup_restore (store, backup, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pa_store_case_count (store, PA_CASE_FILTER_ALL), ==, 1);
  /* What was there before is itself kept as a backup. */
  listed = pa_backup_list (store);
  g_assert_cmpuint (listed->len, ==, 2);
  g_assert_true (g_str_has_suffix (g_ptr_array_index (listed, 0), "-before-restore.db") ||
                 g_str_has_suffix (g_ptr_array_index (listed, 1), "-before-restore.db"));
  g_clear_object (&store);
  pa_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/backup/restore-over-damaged-file", test_restore_over_damaged_file);
  g_test_add_func ("/backup/bad-backup-changes-nothing", test_bad_backup_changes_nothing);
  g_test_add_func ("/backup/restore-missing-store", test_restore_missing_store);
  g_test_add_func ("/backup/list-for-file", test_list_for_file);
  g_test_add_func ("/backup/restore-open-store", test_restore_open_store);
  return g_test_run ();
}
