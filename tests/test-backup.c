/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <stdlib.h>

#include "pa-backup.h"
#include "pa-store-cases.h"
#include "pa-store-private.h"
#include "pa-test-utils.h"

/* Backups: rotation, daily spacing, restore (and its refusals), the
 * command-line tool, and the way out of a damaged store. */

static char *private_tmp;

typedef PaTestStore Fixture;



static gint64
add_case (PaStore    *store,
          const char *given,
          const char *family)
{
  g_autoptr (PaCase) kase = pa_case_new ();
  g_autoptr (GError) error = NULL;

  pa_case_set_given_name (kase, given);
  pa_case_set_family_name (kase, family);
  g_assert_true (pa_store_case_create (store, kase, &error));
  g_assert_no_error (error);
  return pa_case_get_id (kase);
}

/* The cases' names, sorted, one per line. */
static char *
names_of (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  GString *out = g_string_new (NULL);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT given_name || ' ' || family_name FROM case_file "
                                           "ORDER BY 1", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (out, "%s\n", sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return g_string_free (out, FALSE);
}

static char *
names_in_file (const char *path)
{
  g_autofree char *uri = g_strdup_printf ("file:%s?mode=ro", path);
  sqlite3 *db = NULL;
  char *names;

  g_assert_cmpint (sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL), ==, SQLITE_OK);
  names = names_of (db);
  sqlite3_close (db);
  return names;
}

static GBytes *
read_bytes (const char *path)
{
  char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_bytes_new_take (contents, length);
}

/* Restores must leave nothing in the temporary folder. */
static void
assert_no_restore_leftovers (void)
{
  g_autoptr (GDir) dir = g_dir_open (private_tmp, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, "passerelle-restore-"))
      g_error ("a restore left %s/%s behind", private_tmp, name);
}

/* Renames a backup as if it had been made @hours ago (negative: in the future). */
static char *
age_backup (const char *path,
            double      hours)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *reason = pa_backup_get_reason (path);
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr (GDateTime) then = g_date_time_add_seconds (now, -hours * 3600);
  g_autofree char *stamp = g_date_time_format (then, "%Y%m%d-%H%M%S");
  g_autofree char *name = g_strdup_printf ("centre-%s-%s.db", stamp, reason);
  char *aged = g_build_filename (dir, name, NULL);

  g_assert_cmpint (g_rename (path, aged), ==, 0);
  return aged;
}

static void
test_names (void)
{
  g_autoptr (GDateTime) when = pa_backup_get_time ("/x/backups/centre-20240102-030405-before-v2.db");
  g_autofree char *reason = pa_backup_get_reason ("/x/backups/centre-20240102-030405-before-v2.db");
  g_autofree char *reason2 = pa_backup_get_reason ("my-centre-20240102-030405-12-daily.db");

  g_assert_nonnull (when);
  g_assert_cmpint (g_date_time_get_year (when), ==, 2024);
  g_assert_cmpint (g_date_time_get_day_of_month (when), ==, 2);
  g_assert_cmpint (g_date_time_get_hour (when), ==, 3);
  g_assert_cmpint (g_date_time_get_second (when), ==, 5);
  g_assert_cmpstr (reason, ==, "before-v2");
  g_assert_cmpstr (reason2, ==, "daily");
  g_assert_null (pa_backup_get_time ("centre.db"));
  g_assert_null (pa_backup_get_time ("centre-2024-daily.db"));
  g_assert_null (pa_backup_get_reason ("centre-20240102-030405-Daily.db"));
  g_assert_null (pa_backup_get_reason ("centre-20240102-030405-daily.db-wal"));
}

static void
test_rotation (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr (GPtrArray) made = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) listed = NULL;
  g_autofree char *folder = pa_store_get_backup_dir (f->store);
  g_autofree char *other = g_build_filename (folder, "centre-2024-20240101-120000-daily.db", NULL);
  g_autofree char *notes = g_build_filename (folder, "notes.txt", NULL);
  g_autoptr (GError) error = NULL;
  guint extra = 3;

  add_case (f->store, "Amal", "Haddad");
  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  /* Another store's backup (its name starts like ours) and a user's file. */
  g_assert_true (g_file_set_contents (other, "not ours", -1, NULL));
  g_assert_true (g_file_set_contents (notes, "mine", -1, NULL));

  /* Many in the same second: each gets its own name, in order. */
  for (guint i = 0; i < PA_BACKUP_KEEP + extra; i++)
    {
      char *path = pa_backup_create_in_dir (f->store, NULL, "daily", &error);
      g_assert_no_error (error);
      g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
      for (guint j = 0; j < made->len; j++)
        g_assert_cmpstr (path, !=, g_ptr_array_index (made, j));
      g_ptr_array_add (made, path);
      /* A damaged store is kept with its log beside it. */
      if (i == 0)
        {
          g_autofree char *wal = g_strconcat (path, "-wal", NULL);
          g_assert_true (g_file_set_contents (wal, "log", -1, NULL));
        }
    }

  listed = pa_backup_list (f->store);
  g_assert_cmpuint (listed->len, ==, PA_BACKUP_KEEP);
  for (guint i = 0; i < PA_BACKUP_KEEP; i++)
    g_assert_cmpstr (g_ptr_array_index (listed, i), ==, g_ptr_array_index (made, made->len - 1 - i));
  for (guint i = 0; i < extra; i++)
    g_assert_false (g_file_test (g_ptr_array_index (made, i), G_FILE_TEST_EXISTS));
  {
    g_autofree char *wal = g_strconcat (g_ptr_array_index (made, 0), "-wal", NULL);
    g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  }
  g_assert_true (g_file_test (other, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (notes, G_FILE_TEST_EXISTS));

  /* Each kept backup is a whole store. */
  {
    g_autofree char *names = names_in_file (g_ptr_array_index (listed, PA_BACKUP_KEEP - 1));
    g_assert_cmpstr (names, ==, "Amal Haddad\n");
  }
}

static void
test_daily_spacing (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) listed = NULL;
  g_autofree char *first = NULL;
  g_autofree char *none = NULL;
  g_autofree char *aged = NULL;
  g_autofree char *second = NULL;
  g_autofree char *future = NULL;
  g_autofree char *third = NULL;

  add_case (f->store, "Amal", "Haddad");
  first = pa_backup_auto (f->store, &error);
  g_assert_no_error (error);
  g_assert_nonnull (first);
  {
    g_autofree char *reason = pa_backup_get_reason (first);
    g_assert_cmpstr (reason, ==, "daily");
  }

  /* Not again the same day. */
  none = pa_backup_auto (f->store, &error);
  g_assert_no_error (error);
  g_assert_null (none);
  aged = age_backup (first, 23);
  none = pa_backup_auto (f->store, &error);
  g_assert_no_error (error);
  g_assert_null (none);
  listed = pa_backup_list (f->store);
  g_assert_cmpuint (listed->len, ==, 1);

  /* A day later, yes. */
  g_free (age_backup (aged, 25));
  second = pa_backup_auto (f->store, &error);
  g_assert_no_error (error);
  g_assert_nonnull (second);
  g_clear_pointer (&listed, g_ptr_array_unref);
  listed = pa_backup_list (f->store);
  g_assert_cmpuint (listed->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (listed, 0), ==, second);

  /* A backup dated in the future (a wrong clock) does not stop backups. */
  future = age_backup (second, -48);
  third = pa_backup_auto (f->store, &error);
  g_assert_no_error (error);
  g_assert_nonnull (third);
}

static void
auto_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  GAsyncResult **out = user_data;
  *out = g_object_ref (result);
}

static char *
run_auto_async (PaStore  *store,
                GError  **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  pa_backup_auto_async (store, NULL, auto_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return pa_backup_auto_finish (store, result, error);
}

static void
test_auto_async (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *made = NULL;
  g_autofree char *again = NULL;
  g_autofree char *names = NULL;

  add_case (f->store, "Élise", "Nkurunziza");
  made = run_auto_async (f->store, &error);
  g_assert_no_error (error);
  g_assert_nonnull (made);
  names = names_in_file (made);
  g_assert_cmpstr (names, ==, "Élise Nkurunziza\n");

  again = run_auto_async (f->store, &error);
  g_assert_no_error (error);
  g_assert_null (again);

  /* The store's own connection is still usable. */
  add_case (f->store, "Bohdan", "Kovalenko");
  g_assert_cmpuint (pa_store_case_count (f->store, PA_CASE_FILTER_ALL), ==, 2);
}

static void
changed_cb (PaStore *store,
            gint64   case_id,
            gpointer user_data)
{
  GArray *ids = user_data;
  g_array_append_val (ids, case_id);
}

static void
test_restore (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *copy = g_build_filename (f->dir, "elsewhere", "copy.db", NULL);
  g_autoptr (GArray) changed = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GPtrArray) backups = NULL;
  g_autoptr (GBytes) copy_bytes = NULL;
  g_autoptr (GBytes) copy_after = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *names = NULL;
  g_autofree char *saved_names = NULL;
  g_autofree char *reason = NULL;
  gint64 amal;

  amal = add_case (f->store, "Amal", "Haddad");
  add_case (f->store, "Bohdan", "Kovalenko");
  g_assert_true (pa_backup_to_file (f->store, copy, &error));
  g_assert_no_error (error);
  copy_bytes = read_bytes (copy);

  add_case (f->store, "Chen", "Wei");
  g_assert_true (pa_store_case_rename (f->store, amal, "Amina", "Haddad", &error));
  g_assert_no_error (error);

  g_signal_connect (f->store, "case-changed", G_CALLBACK (changed_cb), changed);
  g_assert_true (pa_backup_restore (f->store, copy, &error));
  g_assert_no_error (error);

  /* The content is the backup's... */
  names = names_of (pa_store_get_db (f->store));
  g_assert_cmpstr (names, ==, "Amal Haddad\nBohdan Kovalenko\n");
  g_assert_true (pa_store_check (f->store, TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed->len, >=, 1);
  g_assert_cmpint (g_array_index (changed, gint64, changed->len - 1), ==, 0);
  {
    g_autoptr (GPtrArray) found = pa_store_case_list (f->store, "bohdan", PA_CASE_FILTER_ALL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (found->len, ==, 1);
  }

  /* ...the content before the restore is a backup of its own... */
  backups = pa_backup_list (f->store);
  g_assert_cmpuint (backups->len, ==, 1);
  reason = pa_backup_get_reason (g_ptr_array_index (backups, 0));
  g_assert_cmpstr (reason, ==, "before-restore");
  saved_names = names_in_file (g_ptr_array_index (backups, 0));
  g_assert_cmpstr (saved_names, ==, "Amina Haddad\nBohdan Kovalenko\nChen Wei\n");

  /* ...the backup file is as it was, and no temporary file is left. */
  copy_after = read_bytes (copy);
  g_assert_true (g_bytes_equal (copy_bytes, copy_after));
  assert_no_restore_leftovers ();

  /* A restore can itself be undone. */
  g_assert_true (pa_backup_restore (f->store, g_ptr_array_index (backups, 0), &error));
  g_assert_no_error (error);
  g_free (names);
  names = names_of (pa_store_get_db (f->store));
  g_assert_cmpstr (names, ==, "Amina Haddad\nBohdan Kovalenko\nChen Wei\n");
  assert_no_restore_leftovers ();
}

static void
test_restore_older_version (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *old = g_build_filename (f->dir, "old", "centre-2023.db", NULL);
  g_autoptr (GBytes) old_bytes = NULL;
  g_autoptr (GBytes) old_after = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *names = NULL;

  {
    g_autoptr (PaStore) v1 = pa_store_open_at_version (old, 1, &error);
    g_assert_no_error (error);
    pa_test_exec (pa_store_get_db (v1),
                  "INSERT INTO case_file (code, given_name, family_name, origin_country, "
                  "created_at, updated_at) VALUES ('PA-2023-0007', 'Zoé', 'Ndiaye', 'SN', "
                  "'2023-05-01T10:00:00Z', '2023-05-01T10:00:00Z');"
                  "PRAGMA journal_mode = DELETE");
  }
  old_bytes = read_bytes (old);
  add_case (f->store, "Amal", "Haddad");

  g_assert_true (pa_backup_restore (f->store, old, &error));
  g_assert_no_error (error);
  g_assert_cmpint (pa_store_get_schema_version (f->store), ==, PA_STORE_SCHEMA_VERSION);
  names = names_of (pa_store_get_db (f->store));
  g_assert_cmpstr (names, ==, "Zoé Ndiaye\n");
  {
    g_autoptr (GPtrArray) found = pa_store_case_list (f->store, "senegal", PA_CASE_FILTER_ALL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (found->len, ==, 1);
  }
  g_assert_true (pa_store_check (f->store, TRUE, &error));
  g_assert_no_error (error);

  /* The old backup was migrated as a private copy only. */
  old_after = read_bytes (old);
  g_assert_true (g_bytes_equal (old_bytes, old_after));
  assert_no_restore_leftovers ();
}

static void
damage_file (const char *path)
{
  char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 3 * 4096);
  memset (contents + 4096 + 100, 0xA5, 4096 * 2);
  g_assert_true (g_file_set_contents (path, contents, length, NULL));
  g_free (contents);
}

/* A store with enough pages to damage some without touching the first. */
static void
make_store_file (const char *path,
                 int         version)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PaStore) store = pa_store_open (path, &error);

  g_assert_no_error (error);
  add_case (store, "Olena", "Shevchenko");
  for (int i = 0; i < 200; i++)
    {
      g_autofree char *sql = g_strdup_printf ("INSERT INTO setting (key, value) VALUES ('k%d', '%0300d')", i, i);
      pa_test_exec (pa_store_get_db (store), sql);
    }
  if (version != 0)
    {
      g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d", version);
      pa_test_exec (pa_store_get_db (store), sql);
    }
  pa_test_exec (pa_store_get_db (store), "PRAGMA wal_checkpoint(TRUNCATE)");
}

static void
test_restore_refused (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *missing = g_build_filename (f->dir, "missing.db", NULL);
  g_autofree char *text = g_build_filename (f->dir, "notes.db", NULL);
  g_autofree char *empty = g_build_filename (f->dir, "empty.db", NULL);
  g_autofree char *other = g_build_filename (f->dir, "other.db", NULL);
  g_autofree char *newer = g_build_filename (f->dir, "newer", "centre.db", NULL);
  g_autofree char *damaged = g_build_filename (f->dir, "damaged", "centre.db", NULL);
  struct { const char *path; int code; const char *says; } bad[] = {
    { missing, PA_STORE_ERROR_NOT_FOUND, "does not exist" },
    { text, PA_STORE_ERROR_OPEN, "not a Passerelle backup" },
    { empty, PA_STORE_ERROR_OPEN, "not a Passerelle backup" },
    { other, PA_STORE_ERROR_OPEN, "not a Passerelle backup" },
    { newer, PA_STORE_ERROR_OPEN, "newer version" },
    { damaged, PA_STORE_ERROR_OPEN, "damaged" },
  };
  g_autoptr (GPtrArray) content = NULL;
  sqlite3 *db = NULL;

  add_case (f->store, "Amal", "Haddad");
  add_case (f->store, "Bohdan", "Kovalenko");
  content = pa_test_snapshot_take (pa_store_get_db (f->store));

  g_assert_true (g_file_set_contents (text, "a trainer's notes, not a database, long enough to "
                                            "fill a header of one hundred bytes............", -1, NULL));
  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  g_assert_cmpint (sqlite3_open (other, &db), ==, SQLITE_OK);
  pa_test_exec (db, "CREATE TABLE t (x); INSERT INTO t VALUES (42)");
  sqlite3_close (db);
  make_store_file (newer, 999);
  make_store_file (damaged, 0);
  damage_file (damaged);

  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (GBytes) before = g_file_test (bad[i].path, G_FILE_TEST_EXISTS) ? read_bytes (bad[i].path) : NULL;
      g_autoptr (GPtrArray) backups = NULL;

      g_test_message ("restoring %s", bad[i].path);
      g_assert_false (pa_backup_restore (f->store, bad[i].path, &error));
      g_assert_error (error, PA_STORE_ERROR, bad[i].code);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, bad[i].path));
      g_assert_nonnull (strstr (error->message, bad[i].says));
      /* The message names the user's file, not a private copy. */
      g_assert_null (strstr (error->message, "passerelle-restore"));

      /* Nothing changed: content, backups, the file itself, temporary files. */
      pa_test_snapshot_assert (content, pa_store_get_db (f->store));
      backups = pa_backup_list (f->store);
      g_assert_cmpuint (backups->len, ==, 0);
      if (before != NULL)
        {
          g_autoptr (GBytes) after = read_bytes (bad[i].path);
          g_assert_true (g_bytes_equal (before, after));
        }
      assert_no_restore_leftovers ();
    }
  g_assert_true (pa_store_check (f->store, TRUE, NULL));
}

static void
test_cli_backup_restore (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *copy = g_build_filename (f->dir, "usb", "centre-copy.db", NULL);
  g_autofree char *text = g_build_filename (f->dir, "notes.txt", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *names = NULL;

  add_case (f->store, "Amal", "Haddad");
  g_clear_object (&f->store);

  g_assert_cmpint (pa_test_run_cli (&out, &err, "--db", f->path, "backup", copy, NULL), ==, 0);
  g_assert_nonnull (strstr (out, copy));
  names = names_in_file (copy);
  g_assert_cmpstr (names, ==, "Amal Haddad\n");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (pa_test_run_cli (&out, &err, "--db", f->path, "case", "add",
                                    "--given-name", "Zoé", "--family-name", "Ndiaye", NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (pa_test_run_cli (&out, &err, "--db", f->path, "restore", copy, NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_free (names);
  names = names_in_file (f->path);
  g_assert_cmpstr (names, ==, "Amal Haddad\n");
  assert_no_restore_leftovers ();

  /* A file that is no backup: one line naming it; the store unchanged. */
  g_assert_true (g_file_set_contents (text, "shopping list: rice, tea, bread, lentils, "
                                            "onions, tomatoes, olive oil, salt, pepper, cumin", -1, NULL));
  g_assert_cmpint (pa_test_run_cli (&out, &err, "--db", f->path, "restore", text, NULL), ==, 1);
  g_assert_nonnull (strstr (err, text));
  g_assert_cmpint (strchr (err, '\n') - err, ==, (int) strlen (err) - 1);
  g_free (names);
  names = names_in_file (f->path);
  g_assert_cmpstr (names, ==, "Amal Haddad\n");
}

static guint
count_backups (const char *store_path)
{
  g_autoptr (GPtrArray) list = pa_backup_list_for (store_path, NULL);
  return list->len;
}

static void
test_cli_auto_backup (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr (GPtrArray) list = NULL;
  g_autofree char *aged = NULL;

  add_case (f->store, "Amal", "Haddad");
  g_clear_object (&f->store);

  /* Reading makes no backup. */
  g_assert_cmpint (pa_test_run_cli (&out, &err, "--db", f->path, "cases", NULL), ==, 0);
  g_assert_cmpuint (count_backups (f->path), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* The first change of the day does, of the content before the change. */
  g_assert_cmpint (pa_test_run_cli (&out, &err, "--db", f->path, "case", "add",
                                    "--given-name", "Zoé", NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_cmpuint (count_backups (f->path), ==, 1);
  list = pa_backup_list_for (f->path, NULL);
  {
    g_autofree char *names = names_in_file (g_ptr_array_index (list, 0));
    g_assert_cmpstr (names, ==, "Amal Haddad\n");
  }
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Later changes the same day do not. */
  g_assert_cmpint (pa_test_run_cli (&out, &err, "--db", f->path, "case", "rename", "1",
                                    "Amal", "Al-Haddad", NULL), ==, 0);
  g_assert_cmpuint (count_backups (f->path), ==, 1);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* The next day, the first change does again. */
  aged = age_backup (g_ptr_array_index (list, 0), 30);
  g_assert_cmpint (pa_test_run_cli (&out, &err, "--db", f->path, "case", "trash", "1", NULL), ==, 0);
  g_assert_cmpuint (count_backups (f->path), ==, 2);
}

static void
test_cli_backups (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto (GStrv) lines = NULL;
  JsonArray *array;

  g_assert_cmpint (pa_test_run_cli (&out, &err, "--db", f->path, "backups", NULL), ==, 0);
  g_assert_cmpstr (out, ==, "date\tsize\treason\tfile\n");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  add_case (f->store, "Amal", "Haddad");
  first = pa_backup_create_in_dir (f->store, NULL, "daily", &error);
  g_assert_no_error (error);
  second = pa_backup_create_in_dir (f->store, NULL, "before-restore", &error);
  g_assert_no_error (error);

  g_assert_cmpint (pa_test_run_cli (&out, &err, "--db", f->path, "backups", NULL), ==, 0);
  lines = g_strsplit (out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 4);
  g_assert_true (g_str_has_suffix (lines[1], second));     /* newest first */
  g_assert_nonnull (strstr (lines[1], "\tbefore-restore\t"));
  g_assert_true (g_str_has_suffix (lines[2], first));
  g_assert_true (strstr (lines[2], "kB\t") || strstr (lines[2], "MB\t"));  /* a size a person reads */
  g_assert_true (g_ascii_isdigit (lines[2][0]));           /* a date */
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (pa_test_run_cli (&out, &err, "--db", f->path, "backups", "--format", "json", NULL), ==, 0);
  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  g_assert_no_error (error);
  array = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (array), ==, 2);
  {
    JsonObject *newest = json_array_get_object_element (array, 0);
    GStatBuf st;

    g_assert_cmpstr (json_object_get_string_member (newest, "file"), ==, second);
    g_assert_cmpstr (json_object_get_string_member (newest, "reason"), ==, "before-restore");
    g_assert_cmpint (g_stat (second, &st), ==, 0);
    g_assert_cmpint (json_object_get_int_member (newest, "size"), ==, st.st_size);
    g_assert_true (g_str_has_suffix (json_object_get_string_member (newest, "date"), "Z"));
  }
}

static void
test_damaged_store (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *daily = NULL;
  g_autofree char *text = g_build_filename (f->dir, "notes.txt", NULL);
  g_autoptr (GBytes) damaged_bytes = NULL;
  g_autoptr (GBytes) after = NULL;
  g_autoptr (GPtrArray) list = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *names = NULL;
  g_autofree char *kept = NULL;
  g_autoptr (PaStore) reopened = NULL;

  add_case (f->store, "Amal", "Haddad");
  add_case (f->store, "Bohdan", "Kovalenko");
  daily = pa_backup_auto (f->store, &error);
  g_assert_no_error (error);
  g_assert_nonnull (daily);
  for (int i = 0; i < 200; i++)
    {
      g_autofree char *sql = g_strdup_printf ("INSERT INTO setting (key, value) VALUES ('k%d', '%0300d')", i, i);
      pa_test_exec (pa_store_get_db (f->store), sql);
    }
  g_clear_object (&f->store);
  damage_file (f->path);
  damaged_bytes = read_bytes (f->path);

  /* Any command: the file named, how to restore it, from which backups. */
  g_assert_cmpint (pa_test_run_cli (&out, &err, "--db", f->path, "cases", NULL), ==, 1);
  g_test_message ("%s", err);
  g_assert_nonnull (strstr (err, f->path));
  g_assert_nonnull (strstr (err, "damaged"));
  expected = g_strdup_printf ("passerelle-cli --db %s restore BACKUP", f->path);
  g_assert_nonnull (strstr (err, expected));
  g_assert_nonnull (strstr (err, daily));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* The backups are listed without opening the damaged store. */
  g_assert_cmpint (pa_test_run_cli (&out, &err, "--db", f->path, "backups", NULL), ==, 0);
  g_assert_nonnull (strstr (out, daily));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* A file that is no backup is refused and the damaged file kept as it is. */
  g_assert_true (g_file_set_contents (text, "shopping list: rice, tea, bread, lentils, "
                                            "onions, tomatoes, olive oil, salt, pepper, cumin", -1, NULL));
  g_assert_cmpint (pa_test_run_cli (&out, &err, "--db", f->path, "restore", text, NULL), ==, 1);
  after = read_bytes (f->path);
  g_assert_true (g_bytes_equal (damaged_bytes, after));
  g_assert_cmpuint (count_backups (f->path), ==, 1);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* The way out works. */
  g_assert_cmpint (pa_test_run_cli (&out, &err, "--db", f->path, "restore", daily, NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  reopened = pa_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_true (pa_store_check (reopened, TRUE, &error));
  g_assert_no_error (error);
  names = names_of (pa_store_get_db (reopened));
  g_assert_cmpstr (names, ==, "Amal Haddad\nBohdan Kovalenko\n");
  assert_no_restore_leftovers ();

  /* The damaged file was kept, byte for byte, among the backups. */
  list = pa_backup_list_for (f->path, NULL);
  g_assert_cmpuint (list->len, ==, 2);
  kept = pa_backup_get_reason (g_ptr_array_index (list, 0));
  g_assert_cmpstr (kept, ==, "damaged");
  g_assert_nonnull (strstr (out, g_ptr_array_index (list, 0)));
  g_clear_pointer (&after, g_bytes_unref);
  after = read_bytes (g_ptr_array_index (list, 0));
  g_assert_true (g_bytes_equal (damaged_bytes, after));
}

/* A damaged first page makes the store look like any other file; its
 * backups tell it was a store, and the way out is the same. */
static void
test_damaged_header (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *daily = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *names = NULL;
  g_autofree char *other = g_build_filename (f->dir, "other.db", NULL);
  g_autoptr (GBytes) other_bytes = NULL;
  g_autoptr (GBytes) other_after = NULL;
  char *contents = NULL;
  gsize length = 0;

  add_case (f->store, "Amal", "Haddad");
  daily = pa_backup_auto (f->store, &error);
  g_assert_no_error (error);
  g_clear_object (&f->store);
  g_assert_true (g_file_get_contents (f->path, &contents, &length, NULL));
  memset (contents, 'X', 100);
  g_assert_true (g_file_set_contents (f->path, contents, length, NULL));
  g_free (contents);

  g_assert_cmpint (pa_test_run_cli (&out, &err, "--db", f->path, "cases", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "restore BACKUP"));
  g_assert_nonnull (strstr (err, daily));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (pa_test_run_cli (&out, &err, "--db", f->path, "restore", daily, NULL), ==, 0);
  names = names_in_file (f->path);
  g_assert_cmpstr (names, ==, "Amal Haddad\n");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* A file that never was a store (no backups of it) is not replaced. */
  g_assert_true (g_file_set_contents (other, "a spreadsheet, not a store, with enough bytes "
                                             "to fill the first hundred of a database header", -1, NULL));
  other_bytes = read_bytes (other);
  g_assert_cmpint (pa_test_run_cli (&out, &err, "--db", other, "restore", daily, NULL), ==, 1);
  g_assert_null (strstr (err, "restore BACKUP"));
  other_after = read_bytes (other);
  g_assert_true (g_bytes_equal (other_bytes, other_after));
}

int
main (int   argc,
      char *argv[])
{
  char template[] = "/tmp/passerelle-backup-test-XXXXXX";
  int status;

  /* A temporary folder of our own, to see what restores leave in it. */
  private_tmp = g_mkdtemp (template);
  g_assert_nonnull (private_tmp);
  g_setenv ("TMPDIR", private_tmp, TRUE);

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/backup/names", test_names);
#define ADD(name, func) g_test_add ("/backup/" name, Fixture, NULL, pa_test_store_setup, func, pa_test_store_teardown)
  ADD ("rotation", test_rotation);
  ADD ("daily-spacing", test_daily_spacing);
  ADD ("auto-async", test_auto_async);
  ADD ("restore", test_restore);
  ADD ("restore-older-version", test_restore_older_version);
  ADD ("restore-refused", test_restore_refused);
  ADD ("cli-backup-restore", test_cli_backup_restore);
  ADD ("cli-auto-backup", test_cli_auto_backup);
  ADD ("cli-backups", test_cli_backups);
  ADD ("damaged-store", test_damaged_store);
  ADD ("damaged-header", test_damaged_header);
#undef ADD
  status = g_test_run ();
  pa_test_remove_tree (private_tmp);
  return status;
}
