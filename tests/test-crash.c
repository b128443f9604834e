/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "pa-store-cases.h"
#include "pa-store-private.h"
#include "pa-test-utils.h"

/* A writer process makes many small transactions and reports each one it
 * sees committed; it is killed (SIGKILL) at random moments, hundreds of
 * times. After each kill the store must open, pass a full check, and hold
 * every transaction reported, and the one in flight either whole or not at
 * all.
 *
 * The writer is a fork of this program. It reports on a pipe, one line per
 * event: "I seq op case [object]" before a transaction (its intent), and
 * "D seq op case object" once it committed. Ops: C create a case (through
 * the API), E add an experience (raw SQL in a transaction, with the search
 * index), R rename a case (API), B add an evidence blob (raw SQL), X delete
 * an experience (raw SQL), T move a case to the trash and P purge it (API;
 * purging also merges the search index and empties the log, and keeps the
 * store from growing without end). */

#define DEFAULT_KILLS 200

typedef struct
{
  char given[48];
  char family[48];
  gboolean trashed;
} CaseModel;

typedef struct
{
  gint64 case_id;
  guint64 seq;
} ObjectModel;

typedef struct
{
  char *path;
  GHashTable *cases;         /* id → CaseModel */
  GHashTable *experiences;   /* id → ObjectModel */
  GHashTable *evidence;      /* id → ObjectModel */
  guint64 next_seq;
  guint committed;           /* transactions reported committed */
  guint pending_kept;        /* in flight at the kill, found committed */
  guint pending_lost;        /* in flight at the kill, found rolled back */
  guint killed_at_start;     /* kills before the writer had opened the store */
} Model;

/* ---- the writer (child process) ---- */

static void
say (int         fd,
     const char *format,
     ...)
{
  g_autofree char *line = NULL;
  va_list args;
  gsize done = 0;
  gsize len;

  va_start (args, format);
  line = g_strdup_vprintf (format, args);
  va_end (args);
  len = strlen (line);
  while (done < len)
    {
      ssize_t n = write (fd, line + done, len - done);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        _exit (5);
      done += (gsize) n;
    }
}

static void G_GNUC_NORETURN
fail_writer (int         fd,
             guint64     seq,
             GError     *error)
{
  say (fd, "F %" G_GUINT64_FORMAT " %s\n", seq, error ? error->message : "?");
  _exit (4);
}

static GArray *
ids_of (PaStore    *store,
        const char *sql)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (sqlite3_stmt) stmt = pa_store_prepare (store, sql, NULL);

  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  return ids;
}

static gboolean
add_experience (PaStore  *store,
                gint64    case_id,
                guint64   seq,
                gint64   *id,
                GError  **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *title = g_strdup_printf ("métier%" G_GUINT64_FORMAT, seq);
  g_autofree char *tasks = g_strdup_printf ("tâche%" G_GUINT64_FORMAT " soudure à l'arc", seq);

  if (!pa_store_begin (store, error))
    return FALSE;
  stmt = pa_store_prepare (store, "INSERT INTO experience (case_id, kind, title, place, tasks) "
                                  "VALUES (?, 'paid_work', ?, 'Alep', ?)", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, case_id);
  sqlite3_bind_text (stmt, 2, title, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, tasks, -1, SQLITE_STATIC);
  if (!pa_store_step_done (store, stmt, error))
    goto fail;
  *id = sqlite3_last_insert_rowid (pa_store_get_db (store));
  if (!pa_store_reindex_case (store, case_id, error) ||
      !pa_store_audit (store, "experience.add", case_id, "experience", NULL, error) ||
      !pa_store_commit (store, error))
    goto fail;
  return TRUE;
fail:
  pa_store_rollback (store);
  return FALSE;
}

static gboolean
delete_experience (PaStore  *store,
                   gint64    case_id,
                   gint64    id,
                   GError  **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;

  if (!pa_store_begin (store, error))
    return FALSE;
  stmt = pa_store_prepare (store, "DELETE FROM experience WHERE id = ?", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!pa_store_step_done (store, stmt, error) ||
      !pa_store_reindex_case (store, case_id, error) ||
      !pa_store_audit (store, "experience.delete", case_id, "experience", NULL, error) ||
      !pa_store_commit (store, error))
    goto fail;
  return TRUE;
fail:
  pa_store_rollback (store);
  return FALSE;
}

static gboolean
add_evidence (PaStore  *store,
              GRand    *rand,
              gint64    case_id,
              guint64   seq,
              gint64   *id,
              GError  **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *title = g_strdup_printf ("blob%" G_GUINT64_FORMAT, seq);
  gsize size = g_rand_int_range (rand, 1, 6 * 1024);
  g_autofree guint8 *data = g_malloc (size);
  g_autofree char *sha = NULL;

  for (gsize i = 0; i < size; i++)
    data[i] = (guint8) g_rand_int (rand);
  sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256, data, size);

  if (!pa_store_begin (store, error))
    return FALSE;
  stmt = pa_store_prepare (store, "INSERT INTO evidence (case_id, title, content, sha256, size, "
                                  "added_at) VALUES (?, ?, ?, ?, ?, '2025-01-01T00:00:00Z')", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, case_id);
  sqlite3_bind_text (stmt, 2, title, -1, SQLITE_STATIC);
  sqlite3_bind_blob (stmt, 3, data, (int) size, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, sha, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 5, (gint64) size);
  if (!pa_store_step_done (store, stmt, error))
    goto fail;
  *id = sqlite3_last_insert_rowid (pa_store_get_db (store));
  if (!pa_store_audit (store, "evidence.add", case_id, "evidence", NULL, error) ||
      !pa_store_commit (store, error))
    goto fail;
  return TRUE;
fail:
  pa_store_rollback (store);
  return FALSE;
}

static void G_GNUC_NORETURN
run_writer (const char *path,
            int         fd,
            guint64     seq,
            guint32     seed)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PaStore) store = NULL;
  g_autoptr (GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr (GArray) cases = NULL;

  store = pa_store_open (path, &error);
  if (store == NULL)
    fail_writer (fd, seq, error);
  cases = ids_of (store, "SELECT id FROM case_file ORDER BY id");
  say (fd, "ready\n");

  for (;; seq++)
    {
      guint choice = g_rand_int_range (rand, 0, 100);
      gint64 target = cases->len ? g_array_index (cases, gint64, g_rand_int_range (rand, 0, cases->len)) : 0;
      gint64 id = 0;
      gboolean ok;

      if (target == 0 || choice < 18)
        {
          g_autoptr (PaCase) kase = pa_case_new ();
          g_autofree char *given = g_strdup_printf ("Zoé%" G_GUINT64_FORMAT, seq);
          g_autofree char *contact = g_strdup_printf ("seq:%" G_GUINT64_FORMAT, seq);

          pa_case_set_given_name (kase, given);
          pa_case_set_family_name (kase, "Ωμέγα");
          pa_case_set_contact (kase, contact);
          say (fd, "I %" G_GUINT64_FORMAT " C 0\n", seq);
          ok = pa_store_case_create (store, kase, &error);
          id = pa_case_get_id (kase);
          if (ok)
            g_array_append_val (cases, id);
          if (ok)
            say (fd, "D %" G_GUINT64_FORMAT " C %" G_GINT64_FORMAT " %" G_GINT64_FORMAT "\n", seq, id, id);
        }
      else if (choice < 43)
        {
          say (fd, "I %" G_GUINT64_FORMAT " E %" G_GINT64_FORMAT "\n", seq, target);
          ok = add_experience (store, target, seq, &id, &error);
          if (ok)
            say (fd, "D %" G_GUINT64_FORMAT " E %" G_GINT64_FORMAT " %" G_GINT64_FORMAT "\n", seq, target, id);
        }
      else if (choice < 56)
        {
          g_autofree char *given = g_strdup_printf ("Renamé%" G_GUINT64_FORMAT, seq);
          g_autofree char *family = g_strdup_printf ("Ḥaddād%" G_GUINT64_FORMAT, seq);

          say (fd, "I %" G_GUINT64_FORMAT " R %" G_GINT64_FORMAT "\n", seq, target);
          ok = pa_store_case_rename (store, target, given, family, &error);
          if (ok)
            say (fd, "D %" G_GUINT64_FORMAT " R %" G_GINT64_FORMAT " 0\n", seq, target);
        }
      else if (choice < 68)
        {
          say (fd, "I %" G_GUINT64_FORMAT " B %" G_GINT64_FORMAT "\n", seq, target);
          ok = add_evidence (store, rand, target, seq, &id, &error);
          if (ok)
            say (fd, "D %" G_GUINT64_FORMAT " B %" G_GINT64_FORMAT " %" G_GINT64_FORMAT "\n", seq, target, id);
        }
      else if (choice < 76)
        {
          g_autoptr (PaCase) kase = pa_store_case_get (store, target, &error);

          if (kase == NULL)
            fail_writer (fd, seq, error);
          if (!pa_case_is_trashed (kase))
            {
              say (fd, "I %" G_GUINT64_FORMAT " T %" G_GINT64_FORMAT "\n", seq, target);
              if (!pa_store_case_trash (store, target, &error))
                fail_writer (fd, seq, error);
              say (fd, "D %" G_GUINT64_FORMAT " T %" G_GINT64_FORMAT " 0\n", seq, target);
              seq++;
            }
          say (fd, "I %" G_GUINT64_FORMAT " P %" G_GINT64_FORMAT "\n", seq, target);
          ok = pa_store_case_purge (store, target, &error);
          if (ok)
            {
              for (guint i = 0; i < cases->len; i++)
                if (g_array_index (cases, gint64, i) == target)
                  g_array_remove_index_fast (cases, i);
              say (fd, "D %" G_GUINT64_FORMAT " P %" G_GINT64_FORMAT " 0\n", seq, target);
            }
        }
      else
        {
          g_autoptr (GArray) exps = NULL;
          g_autofree char *sql = g_strdup_printf ("SELECT min (id) FROM experience WHERE case_id = %"
                                                  G_GINT64_FORMAT, target);

          exps = ids_of (store, sql);
          id = exps->len ? g_array_index (exps, gint64, 0) : 0;
          if (id == 0)
            continue;
          say (fd, "I %" G_GUINT64_FORMAT " X %" G_GINT64_FORMAT " %" G_GINT64_FORMAT "\n", seq, target, id);
          ok = delete_experience (store, target, id, &error);
          if (ok)
            say (fd, "D %" G_GUINT64_FORMAT " X %" G_GINT64_FORMAT " %" G_GINT64_FORMAT "\n", seq, target, id);
        }
      if (!ok)
        fail_writer (fd, seq, error);
    }
}

/* ---- the parent: the model of what must be in the store ---- */

static void
model_apply (Model      *m,
             char        op,
             guint64     seq,
             gint64      case_id,
             gint64      object)
{
  ObjectModel *o;
  CaseModel *c;

  switch (op)
    {
    case 'C':
      c = g_new0 (CaseModel, 1);
      g_snprintf (c->given, sizeof c->given, "Zoé%" G_GUINT64_FORMAT, seq);
      g_snprintf (c->family, sizeof c->family, "Ωμέγα");
      g_hash_table_insert (m->cases, g_memdup2 (&object, sizeof object), c);
      break;
    case 'R':
      c = g_hash_table_lookup (m->cases, &case_id);
      g_assert_nonnull (c);
      g_snprintf (c->given, sizeof c->given, "Renamé%" G_GUINT64_FORMAT, seq);
      g_snprintf (c->family, sizeof c->family, "Ḥaddād%" G_GUINT64_FORMAT, seq);
      break;
    case 'E':
    case 'B':
      o = g_new0 (ObjectModel, 1);
      o->case_id = case_id;
      o->seq = seq;
      g_hash_table_insert (op == 'E' ? m->experiences : m->evidence,
                           g_memdup2 (&object, sizeof object), o);
      break;
    case 'X':
      g_assert_true (g_hash_table_remove (m->experiences, &object));
      break;
    case 'T':
      c = g_hash_table_lookup (m->cases, &case_id);
      g_assert_nonnull (c);
      c->trashed = TRUE;
      break;
    case 'P':
      {
        GHashTableIter iter;
        gpointer value;

        g_assert_true (g_hash_table_remove (m->cases, &case_id));
        for (int t = 0; t < 2; t++)
          {
            g_hash_table_iter_init (&iter, t == 0 ? m->experiences : m->evidence);
            while (g_hash_table_iter_next (&iter, NULL, &value))
              if (((ObjectModel *) value)->case_id == case_id)
                g_hash_table_iter_remove (&iter);
          }
      }
      break;
    default:
      g_assert_not_reached ();
    }
}

static gint64
query_id (sqlite3    *db,
          const char *sql,
          const char *text)
{
  sqlite3_stmt *stmt = NULL;
  gint64 id = 0;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, text, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return id;
}

/* The transaction in flight at the kill: whole or absent, never half. */
static void
resolve_pending (Model      *m,
                 sqlite3    *db,
                 char        op,
                 guint64     seq,
                 gint64      case_id,
                 gint64      object)
{
  g_autofree char *key = NULL;
  gint64 found = 0;

  switch (op)
    {
    case 'C':
      key = g_strdup_printf ("seq:%" G_GUINT64_FORMAT, seq);
      found = query_id (db, "SELECT id FROM case_file WHERE contact = ?", key);
      object = found;
      break;
    case 'E':
      key = g_strdup_printf ("métier%" G_GUINT64_FORMAT, seq);
      found = object = query_id (db, "SELECT id FROM experience WHERE title = ?", key);
      break;
    case 'B':
      key = g_strdup_printf ("blob%" G_GUINT64_FORMAT, seq);
      found = object = query_id (db, "SELECT id FROM evidence WHERE title = ?", key);
      break;
    case 'R':
      key = g_strdup_printf ("Renamé%" G_GUINT64_FORMAT, seq);
      found = query_id (db, "SELECT id FROM case_file WHERE given_name = ?", key);
      if (found != 0)
        g_assert_cmpint (found, ==, case_id);
      break;
    case 'X':
      {
        g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM experience WHERE id = %"
                                                G_GINT64_FORMAT, object);
        found = pa_test_query_int (db, sql) == 0;
      }
      break;
    case 'T':
      {
        g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM case_file WHERE id = %"
                                                G_GINT64_FORMAT " AND trashed_at IS NOT NULL",
                                                case_id);
        found = pa_test_query_int (db, sql) == 1;
      }
      break;
    case 'P':
      {
        g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM case_file WHERE id = %"
                                                G_GINT64_FORMAT, case_id);
        found = pa_test_query_int (db, sql) == 0;
      }
      break;
    default:
      g_assert_not_reached ();
    }
  if (found)
    {
      model_apply (m, op, seq, case_id, object);
      m->pending_kept++;
    }
  else
    m->pending_lost++;
}

static void
verify_store (Model   *m,
              PaStore *store)
{
  g_autoptr (GError) error = NULL;
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db;
  guint n = 0;

  g_assert_true (pa_store_check (store, TRUE, &error));
  g_assert_no_error (error);
  db = pa_store_get_db (store);

  /* Exactly the cases reported, with their last reported names. */
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT id, given_name, family_name, "
                                           "trashed_at IS NOT NULL FROM case_file",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      CaseModel *c = g_hash_table_lookup (m->cases, &id);

      if (c == NULL)
        g_error ("case %" G_GINT64_FORMAT " is in the store but was never reported", id);
      g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 1), ==, c->given);
      g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 2), ==, c->family);
      g_assert_cmpint (sqlite3_column_int (stmt, 3), ==, c->trashed);
      n++;
    }
  sqlite3_finalize (stmt);
  g_assert_cmpuint (n, ==, g_hash_table_size (m->cases));

  /* Exactly the experiences reported, each found by search. */
  n = 0;
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT id, case_id, title FROM experience",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      ObjectModel *o = g_hash_table_lookup (m->experiences, &id);
      g_autofree char *title = NULL;

      if (o == NULL)
        g_error ("experience %" G_GINT64_FORMAT " is in the store but was not reported", id);
      title = g_strdup_printf ("métier%" G_GUINT64_FORMAT, o->seq);
      g_assert_cmpint (sqlite3_column_int64 (stmt, 1), ==, o->case_id);
      g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 2), ==, title);
      n++;
    }
  sqlite3_finalize (stmt);
  g_assert_cmpuint (n, ==, g_hash_table_size (m->experiences));

  /* Exactly the evidence reported, every byte as written. */
  n = 0;
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT id, case_id, content, sha256, size FROM evidence",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      ObjectModel *o = g_hash_table_lookup (m->evidence, &id);
      g_autofree char *sha = NULL;
      int size;

      if (o == NULL)
        g_error ("evidence %" G_GINT64_FORMAT " is in the store but was not reported", id);
      g_assert_cmpint (sqlite3_column_int64 (stmt, 1), ==, o->case_id);
      size = sqlite3_column_bytes (stmt, 2);
      sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256, sqlite3_column_blob (stmt, 2), size);
      g_assert_cmpint (size, ==, sqlite3_column_int (stmt, 4));
      g_assert_cmpstr (sha, ==, (const char *) sqlite3_column_text (stmt, 3));
      n++;
    }
  sqlite3_finalize (stmt);
  g_assert_cmpuint (n, ==, g_hash_table_size (m->evidence));

  /* The search index agrees with the cases (pa_store_check checked it in
   * full); spot-check it the way a trainer uses it. */
  {
    GHashTableIter iter;
    gpointer key, value;
    guint checked = 0;

    g_hash_table_iter_init (&iter, m->experiences);
    while (checked < 3 && g_hash_table_iter_next (&iter, &key, &value))
      {
        ObjectModel *o = value;
        g_autofree char *word = g_strdup_printf ("metier%" G_GUINT64_FORMAT, o->seq);
        g_autoptr (GPtrArray) found = pa_store_case_list (store, word, PA_CASE_FILTER_ALL, &error);

        gboolean seen = FALSE;

        /* A prefix search: "metier12" also finds "metier120". */
        g_assert_no_error (error);
        for (guint i = 0; i < found->len; i++)
          seen |= pa_case_get_id (g_ptr_array_index (found, i)) == o->case_id;
        g_assert_true (seen);
        checked++;
      }
  }
}

static guint
count_committed (const char *said)
{
  guint n = 0;

  for (const char *p = said; (p = strstr (p, "\nD ")) != NULL; p++)
    n++;
  return n;
}

/* Reads what the writer said until it said "ready" and reported @commits
 * committed transactions, or, with @commits negative, until the end of the
 * pipe. Returns FALSE at the end of the pipe. */
static gboolean
read_pipe (int      fd,
           GString *buffer,
           int      commits)
{
  char chunk[4096];

  for (;;)
    {
      ssize_t n;

      if (commits >= 0 && strstr (buffer->str, "ready\n") != NULL &&
          count_committed (buffer->str) >= (guint) commits)
        return TRUE;
      n = read (fd, chunk, sizeof chunk);
      if (n < 0 && errno == EINTR)
        continue;
      g_assert_cmpint (n, >=, 0);
      if (n == 0)
        return FALSE;
      g_string_append_len (buffer, chunk, n);
    }
}

static void
one_round (Model *m,
           guint  round)
{
  g_autoptr (GString) said = g_string_new (NULL);
  g_auto (GStrv) lines = NULL;
  gboolean at_start = g_test_rand_int_range (0, 8) == 0;
  guint32 seed = (guint32) g_test_rand_int ();
  /* From a microsecond to 5 ms, evenly spread on a log scale, after a
   * random number of transactions. */
  double delay = exp (g_test_rand_double_range (0, log (5000)));
  gboolean pending = FALSE;
  char pending_op = 0;
  guint64 pending_seq = 0;
  gint64 pending_case = 0;
  gint64 pending_object = 0;
  int fds[2];
  int status;
  pid_t pid;

  g_assert_cmpint (pipe (fds), ==, 0);
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      close (fds[0]);
      run_writer (m->path, fds[1], m->next_seq, seed);
    }
  close (fds[1]);

  /* Mostly while it writes, after a few transactions; sometimes while it
   * opens the store (and recovers from the previous kill). */
  if (!at_start && !read_pipe (fds[0], said, g_test_rand_int_range (0, 16)))
    g_error ("round %u: the writer ended before it was ready: %s", round, said->str);
  g_usleep ((gulong) delay);
  kill (pid, SIGKILL);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  read_pipe (fds[0], said, -1);
  close (fds[0]);
  if (WIFEXITED (status))
    g_error ("round %u: the writer stopped by itself (status %d): %s", round,
             WEXITSTATUS (status), said->str);
  g_assert_true (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL);
  if (strstr (said->str, "ready\n") == NULL)
    m->killed_at_start++;

  lines = g_strsplit (said->str, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char kind = 0, op = 0;
      guint64 seq = 0;
      gint64 case_id = 0, object = 0;

      if (lines[i][0] == '\0' || g_str_equal (lines[i], "ready"))
        continue;
      /* A line cut by the kill has no newline after it: it is the last. */
      if (lines[i + 1] == NULL)
        break;
      if (sscanf (lines[i], "%c %" G_GUINT64_FORMAT " %c %" G_GINT64_FORMAT " %" G_GINT64_FORMAT,
                  &kind, &seq, &op, &case_id, &object) < 4)
        g_error ("round %u: the writer said “%s”", round, lines[i]);
      m->next_seq = MAX (m->next_seq, seq + 1);
      if (kind == 'I')
        {
          pending = TRUE;
          pending_op = op;
          pending_seq = seq;
          pending_case = case_id;
          pending_object = object;
        }
      else if (kind == 'D')
        {
          g_assert_true (pending && pending_seq == seq);
          pending = FALSE;
          model_apply (m, op, seq, case_id, object);
          m->committed++;
        }
      else
        g_error ("round %u: the writer failed: %s", round, lines[i]);
    }

  {
    g_autoptr (GError) error = NULL;
    g_autoptr (PaStore) store = pa_store_open (m->path, &error);

    g_assert_no_error (error);
    if (pending)
      resolve_pending (m, pa_store_get_db (store), pending_op, pending_seq, pending_case,
                       pending_object);
    verify_store (m, store);
  }
}

/* A folder in memory when there is one: a killed process loses nothing the
 * kernel has, so syncing to a disk adds time and tests nothing more. */
static char *
make_dir (void)
{
  g_autofree char *template = g_build_filename ("/dev/shm", "passerelle-crash-XXXXXX", NULL);

  if (g_file_test ("/dev/shm", G_FILE_TEST_IS_DIR) && g_mkdtemp (template) != NULL)
    return g_steal_pointer (&template);
  return pa_test_make_tmpdir ();
}

static void
test_kill_writer (void)
{
  g_autofree char *dir = make_dir ();
  const char *env = g_getenv ("PASSERELLE_CRASH_KILLS");
  guint kills = env ? (guint) g_ascii_strtoull (env, NULL, 10) : DEFAULT_KILLS;
  gint64 start = g_get_monotonic_time ();
  Model m = { 0 };

  m.path = g_build_filename (dir, "centre.db", NULL);
  m.cases = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  m.experiences = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  m.evidence = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  m.next_seq = 1;
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (PaStore) store = pa_store_open (m.path, &error);
    g_assert_no_error (error);
  }

  for (guint round = 0; round < kills; round++)
    one_round (&m, round);

  /* The figures, for whoever reads the log. */
  g_test_message ("%u kills (%u before the writer was ready); %u committed transactions "
                  "verified after the kill that followed them; in flight at a kill: %u found "
                  "committed, %u rolled back; at the end the store holds %u cases, %u "
                  "experiences, %u evidence files; %.1f s",
                  kills, m.killed_at_start, m.committed, m.pending_kept, m.pending_lost,
                  g_hash_table_size (m.cases), g_hash_table_size (m.experiences),
                  g_hash_table_size (m.evidence),
                  (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC);
  {
    struct rusage self, children;

    getrusage (RUSAGE_SELF, &self);
    getrusage (RUSAGE_CHILDREN, &children);
    g_test_message ("processor time: this test %.1f s, the writers %.1f s",
                    self.ru_utime.tv_sec + self.ru_stime.tv_sec +
                    (self.ru_utime.tv_usec + self.ru_stime.tv_usec) / 1e6,
                    children.ru_utime.tv_sec + children.ru_stime.tv_sec +
                    (children.ru_utime.tv_usec + children.ru_stime.tv_usec) / 1e6);
  }
  g_assert_cmpuint (kills, >=, 1);
  g_assert_cmpuint (m.committed, >, 0);

  g_hash_table_unref (m.cases);
  g_hash_table_unref (m.experiences);
  g_hash_table_unref (m.evidence);
  g_free (m.path);
  pa_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/crash/kill-writer", test_kill_writer);
  return g_test_run ();
}
