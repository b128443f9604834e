/* SPDX-License-Identifier: GPL-3.0-or-later */
#define _GNU_SOURCE
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <string.h>

#include "pa-test-utils.h"

/* A fresh folder for one test; tests never touch the user's real store. */
char *
pa_test_make_tmpdir (void)
{
  g_autoptr (GError) error = NULL;
  char *dir = g_dir_make_tmp ("passerelle-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

void
pa_test_remove_tree (const char *path)
{
  g_autoptr (GDir) dir = NULL;
  const char *name;

  if (path == NULL)
    return;
  dir = g_dir_open (path, 0, NULL);
  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
            pa_test_remove_tree (child);
          else
            g_unlink (child);
        }
    }
  g_rmdir (path);
}

/* The folder of real ESCO and Europass files, or NULL when it is absent. */
const char *
pa_test_shared_data (void)
{
  const char *dir = g_getenv ("PASSERELLE_SHARED_DATA");

  if (dir == NULL || !g_file_test (dir, G_FILE_TEST_IS_DIR))
    return NULL;
  return dir;
}

/* Returns the shared data folder, or ends the test program as skipped. */
const char *
pa_test_shared_data_or_skip (void)
{
  const char *dir = pa_test_shared_data ();

  if (dir == NULL)
    {
      printf ("1..0 # SKIP the shared test data folder (PASSERELLE_SHARED_DATA) is absent\n");
      exit (PA_TEST_SKIP);
    }
  return dir;
}

/* Whether the bytes of @needle appear anywhere in the file (which may be absent). */
gboolean
pa_test_file_contains (const char *path,
                       const char *needle,
                       gsize       needle_len)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return FALSE;
  return memmem (contents, length, needle, needle_len) != NULL;
}

/* Runs passerelle-cli with the arguments; returns its exit status. */
int
pa_test_run_cli (char       **out,
                 char       **err,
                 const char  *first_arg,
                 ...)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  const char *cli = g_getenv ("PASSERELLE_CLI");
  int wait_status = 0;
  va_list args;

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (gpointer) cli);
  va_start (args, first_arg);
  for (const char *a = first_arg; a != NULL; a = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) a);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, out, err,
                &wait_status, &error);
  g_assert_no_error (error);
  if (WIFEXITED (wait_status))
    return WEXITSTATUS (wait_status);
  return -1;
}

typedef struct
{
  char *table;
  char *columns;     /* quote(a) || ',' || quote(b) … */
  char *rows;        /* sorted, one per line */
} TableDump;

static void
table_dump_free (gpointer data)
{
  TableDump *t = data;
  g_free (t->table);
  g_free (t->columns);
  g_free (t->rows);
  g_free (t);
}

static int
compare_str (gconstpointer a,
             gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

static char *
dump_rows (sqlite3    *db,
           const char *table,
           const char *columns)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM \"%s\"", columns, table);
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GString) out = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    g_error ("cannot read table %s: %s", table, sqlite3_errmsg (db));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  g_assert_cmpint (rc, ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  g_ptr_array_sort (rows, compare_str);
  for (guint i = 0; i < rows->len; i++)
    g_string_append_printf (out, "%s\n", (const char *) g_ptr_array_index (rows, i));
  return g_string_free (g_steal_pointer (&out), FALSE);
}

GPtrArray *
pa_test_snapshot_take (sqlite3 *db)
{
  GPtrArray *snapshot = g_ptr_array_new_with_free_func (table_dump_free);
  sqlite3_stmt *tables = NULL;

  /* Virtual tables and their shadow tables are indexes of other tables. */
  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT name FROM sqlite_schema t WHERE type = 'table' "
                                       "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' "
                                       "AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' "
                                       "AND NOT EXISTS (SELECT 1 FROM sqlite_schema v "
                                       "  WHERE v.sql LIKE 'CREATE VIRTUAL TABLE%' "
                                       "  AND t.name LIKE v.name || '\\_%' ESCAPE '\\') "
                                       "ORDER BY name",
                                       -1, &tables, NULL), ==, SQLITE_OK);
  while (sqlite3_step (tables) == SQLITE_ROW)
    {
      TableDump *t = g_new0 (TableDump, 1);
      g_autoptr (GString) columns = g_string_new (NULL);
      sqlite3_stmt *info = NULL;

      t->table = g_strdup ((const char *) sqlite3_column_text (tables, 0));
      g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM pragma_table_info (?) ORDER BY cid",
                                           -1, &info, NULL), ==, SQLITE_OK);
      sqlite3_bind_text (info, 1, t->table, -1, SQLITE_STATIC);
      while (sqlite3_step (info) == SQLITE_ROW)
        g_string_append_printf (columns, "%squote (\"%s\")", columns->len ? " || '|' || " : "",
                                sqlite3_column_text (info, 0));
      sqlite3_finalize (info);
      t->columns = g_string_free (g_steal_pointer (&columns), FALSE);
      t->rows = dump_rows (db, t->table, t->columns);
      g_ptr_array_add (snapshot, t);
    }
  sqlite3_finalize (tables);
  return snapshot;
}

/* Every table of @before still holds, in the columns it had, every row it
 * held, unchanged. Rows added since (the built-in frameworks a newer version
 * copies in, the audit of that) are allowed. */
void
pa_test_snapshot_assert (GPtrArray *before,
                         sqlite3   *db)
{
  for (guint i = 0; i < before->len; i++)
    {
      TableDump *t = g_ptr_array_index (before, i);
      g_autofree char *rows = dump_rows (db, t->table, t->columns);
      g_auto (GStrv) old_lines = g_strsplit (t->rows, "\n", -1);
      g_auto (GStrv) new_lines = g_strsplit (rows, "\n", -1);
      g_autoptr (GHashTable) present = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint k = 0; new_lines[k] != NULL; k++)
        g_hash_table_add (present, new_lines[k]);
      for (guint k = 0; old_lines[k] != NULL; k++)
        if (!g_hash_table_contains (present, old_lines[k]))
          g_error ("table %s lost or changed the row:\n%s\nafter:\n%s", t->table, old_lines[k], rows);
    }
}

gint64
pa_test_query_int (sqlite3    *db,
                   const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

void
pa_test_exec (sqlite3    *db,
              const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

void
pa_test_store_open (PaTestStore *f,
                    const char  *file_name)
{
  g_autoptr (GError) error = NULL;

  f->dir = pa_test_make_tmpdir ();
  f->path = g_build_filename (f->dir, file_name, NULL);
  f->store = pa_store_open (f->path, &error);
  g_assert_no_error (error);
}

void
pa_test_store_setup (PaTestStore   *f,
                     gconstpointer  data)
{
  pa_test_store_open (f, "centre.db");
}

void
pa_test_store_teardown (PaTestStore   *f,
                        gconstpointer  data)
{
  g_clear_object (&f->store);
  pa_test_remove_tree (f->dir);
  g_clear_pointer (&f->dir, g_free);
  g_clear_pointer (&f->path, g_free);
}

char *
pa_test_run (const char *first,
             ...)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  char *out = NULL;
  g_autofree char *err = NULL;
  int status = 0;
  va_list args;

  va_start (args, first);
  for (const char *a = first; a != NULL; a = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) a);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err,
                &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s", first, err);
  return out;
}

char *
pa_test_pdf_info (const char *pdf,
                  const char *field)
{
  g_autofree char *info = pa_test_run ("pdfinfo", pdf, NULL);
  g_auto (GStrv) lines = g_strsplit (info, "\n", -1);
  gsize len = strlen (field);

  for (int i = 0; lines[i]; i++)
    if (g_str_has_prefix (lines[i], field) && lines[i][len] == ':')
      return g_strstrip (g_strdup (lines[i] + len + 1));
  g_error ("pdfinfo shows no %s for %s", field, pdf);
}

int
pa_test_pdf_pages (const char *pdf)
{
  g_autofree char *pages = pa_test_pdf_info (pdf, "Pages");

  return atoi (pages);
}

char *
pa_test_without_bidi_controls (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x202a || c > 0x202e)
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* How many letters of the Arabic block @text holds. */
guint
pa_test_count_arabic (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= 0x0600 && c <= 0x06FF)
        n++;
    }
  return n;
}
