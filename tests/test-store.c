/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "pa-store.h"
#include "pa-test-utils.h"

static void
test_create_fresh (void)
{
  g_autofree char *dir = pa_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "sub", "centre.db", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (PaStore) store = NULL;

  store = pa_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pa_store_get_schema_version (store), ==, PA_STORE_SCHEMA_VERSION);
  g_assert_true (pa_store_check (store, TRUE, &error));
  g_assert_no_error (error);

  /* WAL, foreign keys and secure_delete are on for every connection. */
  {
    sqlite3_stmt *stmt = pa_store_prepare (store, "SELECT * FROM pragma_journal_mode, "
                                                  "pragma_foreign_keys, pragma_secure_delete", &error);
    g_assert_no_error (error);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "wal");
    g_assert_cmpint (sqlite3_column_int (stmt, 1), ==, 1);
    g_assert_cmpint (sqlite3_column_int (stmt, 2), ==, 1);
    sqlite3_finalize (stmt);
  }
  g_clear_object (&store);

  /* Opening again changes nothing and makes no backup (no migration). */
  store = pa_store_open (path, &error);
  g_assert_no_error (error);
  {
    g_autofree char *backups = g_build_filename (dir, "sub", "backups", NULL);
    g_assert_false (g_file_test (backups, G_FILE_TEST_EXISTS));
  }
  g_clear_object (&store);
  pa_test_remove_tree (dir);
}

static void
test_refuses_other_files (void)
{
  g_autofree char *dir = pa_test_make_tmpdir ();
  g_autofree char *text = g_build_filename (dir, "notes.db", NULL);
  g_autofree char *other = g_build_filename (dir, "other.db", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (PaStore) store = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  sqlite3 *db = NULL;

  /* A text file: refused, named, and left as it was. */
  g_assert_true (g_file_set_contents (text, "these are a trainer's notes, not a database\n"
                                            "with enough bytes to look like a header......\n", -1, NULL));
  store = pa_store_open (text, &error);
  g_assert_null (store);
  g_assert_error (error, PA_STORE_ERROR, PA_STORE_ERROR_OPEN);
  g_assert_nonnull (strstr (error->message, text));
  g_file_get_contents (text, &after, NULL, NULL);
  g_assert_true (g_str_has_prefix (after, "these are a trainer's notes"));
  g_clear_error (&error);

  /* Another program's SQLite database: refused, untouched. */
  g_assert_cmpint (sqlite3_open (other, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE t (x); INSERT INTO t VALUES (42)", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_file_get_contents (other, &before, NULL, NULL);
  store = pa_store_open (other, &error);
  g_assert_null (store);
  g_assert_error (error, PA_STORE_ERROR, PA_STORE_ERROR_OPEN);
  g_assert_nonnull (strstr (error->message, "other.db"));

  pa_test_remove_tree (dir);
}

static void
test_refuses_newer_schema (void)
{
  g_autofree char *dir = pa_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "centre.db", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (PaStore) store = NULL;

  store = pa_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (pa_store_exec (store, "PRAGMA user_version = 999", &error));
  g_clear_object (&store);

  store = pa_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, PA_STORE_ERROR, PA_STORE_ERROR_TOO_NEW);
  g_assert_nonnull (strstr (error->message, "999"));
  pa_test_remove_tree (dir);
}

static void
test_damaged_file (void)
{
  g_autofree char *dir = pa_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "centre.db", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (PaStore) store = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  store = pa_store_open (path, &error);
  g_assert_no_error (error);
  for (int i = 0; i < 200; i++)
    {
      g_autofree char *sql = g_strdup_printf ("INSERT INTO setting (key, value) VALUES ('k%d', '%0300d')", i, i);
      g_assert_true (pa_store_exec (store, sql, &error));
    }
  g_assert_true (pa_store_exec (store, "PRAGMA wal_checkpoint(TRUNCATE)", &error));
  g_clear_object (&store);

  /* Scribble over the middle of the file, past the header. */
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 3 * 4096);
  memset (contents + 4096 + 100, 0xA5, 4096 * 2);
  g_assert_true (g_file_set_contents (path, contents, length, NULL));

  store = pa_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, PA_STORE_ERROR, PA_STORE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, "centre.db"));
  g_assert_nonnull (strstr (error->message, "backup"));
  pa_test_remove_tree (dir);
}

static void
test_settings (void)
{
  g_autofree char *dir = pa_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "centre.db", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (PaStore) store = pa_store_open (path, &error);
  g_autofree char *value = NULL;

  g_assert_no_error (error);
  g_assert_null (pa_store_get_setting (store, "centre.name"));
  g_assert_true (pa_store_set_setting (store, "centre.name", "Maison des Savoirs", &error));
  g_assert_true (pa_store_set_setting (store, "centre.name", "Maison des Savoirs — Liège", &error));
  value = pa_store_get_setting (store, "centre.name");
  g_assert_cmpstr (value, ==, "Maison des Savoirs — Liège");
  g_clear_object (&store);
  pa_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/create-fresh", test_create_fresh);
  g_test_add_func ("/store/refuses-other-files", test_refuses_other_files);
  g_test_add_func ("/store/refuses-newer-schema", test_refuses_newer_schema);
  g_test_add_func ("/store/damaged-file", test_damaged_file);
  g_test_add_func ("/store/settings", test_settings);

  return g_test_run ();
}
