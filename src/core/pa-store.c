/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pa-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "pa-backup.h"
#include "pa-store-private.h"
#include "pa-store.h"

struct _PaStore
{
  GObject parent_instance;

  char *path;
  char *backup_dir;
  sqlite3 *db;
  gint64 actor_id;
  int tx_depth;
  /* A purge's old pages are still in the write-ahead log. */
  gboolean erase_pending;
  gboolean doomed;            /* an inner transaction failed: the outer one rolls back */

  GHashTable *stmt_cache;     /* SQL text → sqlite3_stmt, for statements run in bulk */
  GArray *pending_changes;    /* case ids changed inside the open transaction */
  gboolean bulk;
  GHashTable *bulk_reindex;   /* case ids whose search row is rewritten at the bulk's end */

  /* Cases as last read, for lists and searches (see pa-store-cases.c): valid
   * while no other connection changed the file (data_version) and the
   * collation locale is the same. */
  GHashTable *case_cache;     /* gint64 id → PaCachedCase */
  gint64 case_cache_version;
  char *case_cache_locale;
};

/* How long a change waits for another program to finish writing. */
#define BUSY_TIMEOUT_MS 5000

G_DEFINE_FINAL_TYPE (PaStore, pa_store, G_TYPE_OBJECT)

enum {
  SIGNAL_CASE_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_QUARK (pa-store-error-quark, pa_store_error)

typedef gboolean (*PaMigrationHook) (PaStore *self, GError **error);

typedef struct
{
  int version;
  const char *resource;
  PaMigrationHook after;
} PaMigration;

/* Beyond this many cases changed in one transaction, listeners are told
 * "many cases changed" (case id 0) once instead of once per case. */
#define PA_STORE_MAX_SEPARATE_CHANGES 64

static gboolean reindex_all_cases (PaStore *self, GError **error);

static const PaMigration migrations[] = {
  { 1, "/org/passerelle/Passerelle/sql/0001-case-store.sql", NULL },
  { 2, "/org/passerelle/Passerelle/sql/0002-case-search.sql", reindex_all_cases },
  { 3, "/org/passerelle/Passerelle/sql/0003-frameworks.sql", NULL },
  { 4, "/org/passerelle/Passerelle/sql/0004-labour-market.sql", NULL },
  { 5, "/org/passerelle/Passerelle/sql/0005-centre-files.sql", NULL },
  { 6, "/org/passerelle/Passerelle/sql/0006-case-order.sql", pa_store_sort_all_cases },
};
G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == PA_STORE_SCHEMA_VERSION);

char *
pa_now_utc (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

gboolean
pa_store_set_error (PaStore  *self,
                    int       rc,
                    GError  **error)
{
  const char *msg = self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc);
  int primary = rc & 0xff;

  switch (primary)
    {
    case SQLITE_FULL:
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_FULL,
                   _("The disk holding “%s” is full; the last change was not saved. "
                     "Free some space and try again."), self->path);
      break;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_CORRUPT,
                   _("“%s” is damaged (%s). Restore it from a backup."), self->path, msg);
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_BUSY,
                   _("“%s” is in use by another program; try again in a moment."), self->path);
      break;
    case SQLITE_CONSTRAINT:
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_CONSTRAINT,
                   _("The change conflicts with data already stored (%s)."), msg);
      break;
    case SQLITE_READONLY:
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
    case SQLITE_IOERR:
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_OPEN,
                   _("Cannot write to “%s” (%s)."), self->path, msg);
      break;
    default:
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_FAILED,
                   _("The case store “%s” reported an error: %s"), self->path, msg);
      break;
    }
  return FALSE;
}

gboolean
pa_store_exec (PaStore     *self,
               const char  *sql,
               GError     **error)
{
  int rc;

  g_return_val_if_fail (PA_IS_STORE (self), FALSE);

  rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    return pa_store_set_error (self, rc, error);
  return TRUE;
}

sqlite3_stmt *
pa_store_prepare (PaStore     *self,
                  const char  *sql,
                  GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (PA_IS_STORE (self), NULL);

  rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      pa_store_set_error (self, rc, error);
      return NULL;
    }
  return stmt;
}

gboolean
pa_store_step_done (PaStore       *self,
                    sqlite3_stmt  *stmt,
                    GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return pa_store_set_error (self, rc, error);
  return TRUE;
}

/* Listeners hear of changes once they are committed: changes made inside a
 * transaction are announced at its outermost commit, and forgotten on
 * rollback. Many changes at once are announced as one, with case id 0. */
static void
emit_pending_changes (PaStore *self)
{
  g_autoptr (GArray) ids = NULL;

  if (self->pending_changes->len == 0)
    return;
  ids = g_steal_pointer (&self->pending_changes);
  self->pending_changes = g_array_new (FALSE, FALSE, sizeof (gint64));
  if (ids->len > PA_STORE_MAX_SEPARATE_CHANGES)
    {
      g_signal_emit (self, signals[SIGNAL_CASE_CHANGED], 0, (gint64) 0);
      return;
    }
  for (guint i = 0; i < ids->len; i++)
    g_signal_emit (self, signals[SIGNAL_CASE_CHANGED], 0, g_array_index (ids, gint64, i));
}

static void
pa_store_rollback_now (PaStore *self)
{
  self->tx_depth = 0;
  self->doomed = FALSE;
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  /* Nothing changed after all. */
  g_array_set_size (self->pending_changes, 0);
}

/* Transactions nest: only the outermost begin/commit reach SQLite, so that a
 * public function that is one transaction can be called inside another. */
gboolean
pa_store_begin (PaStore  *self,
                GError  **error)
{
  g_return_val_if_fail (PA_IS_STORE (self), FALSE);

  if (self->tx_depth++ > 0)
    return TRUE;
  self->doomed = FALSE;
  if (!pa_store_exec (self, "BEGIN IMMEDIATE", error))
    {
      self->tx_depth = 0;
      return FALSE;
    }
  return TRUE;
}

gboolean
pa_store_commit (PaStore  *self,
                 GError  **error)
{
  g_return_val_if_fail (PA_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->tx_depth > 0, FALSE);

  if (--self->tx_depth > 0)
    return TRUE;
  if (self->doomed)
    {
      /* A part failed and was rolled back; so is the whole. */
      pa_store_rollback_now (self);
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_FAILED,
                   _("The change was not saved because part of it failed."));
      return FALSE;
    }
  if (!pa_store_exec (self, "COMMIT", error))
    {
      pa_store_rollback_now (self);
      return FALSE;
    }
  emit_pending_changes (self);
  if (self->erase_pending)
    pa_store_erase_log (self, FALSE);
  return TRUE;
}

/* Moves the write-ahead log into the database file and empties it, so that
 * the old versions of pages it holds (with the text of a purged case) are
 * gone. That cannot happen while another connection reads an older
 * snapshot; then it is tried again after the next commits and at close.
 * With @wait, waits for readers as long as for a writer. */
gboolean
pa_store_erase_log (PaStore  *self,
                    gboolean  wait)
{
  int rc;

  if (!wait)
    sqlite3_busy_timeout (self->db, 0);
  rc = sqlite3_wal_checkpoint_v2 (self->db, "main", SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL);
  if (!wait)
    sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);
  self->erase_pending = rc != SQLITE_OK;
  return rc == SQLITE_OK;
}

/**
 * pa_store_rollback:
 *
 * Ends a transaction begun with pa_store_begin() without saving it. Inside
 * another transaction, the outer one is doomed: it rolls back when it ends.
 * Harmless when the transaction already ended (a failed commit rolls back).
 */
void
pa_store_rollback (PaStore *self)
{
  g_return_if_fail (PA_IS_STORE (self));

  if (self->tx_depth == 0)
    return;
  if (--self->tx_depth > 0)
    {
      self->doomed = TRUE;
      return;
    }
  pa_store_rollback_now (self);
}

static int
query_int (PaStore    *self,
           const char *sql,
           int         fallback)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    return fallback;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return fallback;
  return sqlite3_column_int (stmt, 0);
}

int
pa_store_get_schema_version (PaStore *self)
{
  g_return_val_if_fail (PA_IS_STORE (self), -1);
  return query_int (self, "PRAGMA user_version", -1);
}

static gboolean
reindex_all_cases (PaStore  *self,
                   GError  **error)
{
  g_autoptr (sqlite3_stmt) stmt = pa_store_prepare (self, "SELECT id FROM case_file", error);

  if (stmt == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    if (!pa_store_reindex_case (self, sqlite3_column_int64 (stmt, 0), error))
      return FALSE;
  return TRUE;
}

static gboolean
apply_migration (PaStore            *self,
                 const PaMigration  *m,
                 GError            **error)
{
  g_autoptr (GBytes) sql = NULL;
  g_autofree char *text = NULL;
  g_autofree char *pragma = NULL;

  sql = g_resources_lookup_data (m->resource, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (sql == NULL)
    return FALSE;
  text = g_strndup (g_bytes_get_data (sql, NULL), g_bytes_get_size (sql));
  pragma = g_strdup_printf ("PRAGMA user_version = %d", m->version);

  return pa_store_exec (self, text, error) &&
         (m->after == NULL || m->after (self, error)) &&
         pa_store_exec (self, pragma, error);
}

static gboolean
migrate (PaStore  *self,
         int       target,
         GError  **error)
{
  g_autoptr (GError) local_error = NULL;
  int version = pa_store_get_schema_version (self);
  int reached = version;

  if (version > PA_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_TOO_NEW,
                   _("“%s” was written by a newer version of Passerelle (schema %d; this "
                     "version reads up to %d). Update Passerelle to open it."),
                   self->path, version, PA_STORE_SCHEMA_VERSION);
      return FALSE;
    }
  if (version >= target)
    return TRUE;

  /* Never change a store's schema without a copy of it as it was. */
  if (version > 0)
    {
      g_autofree char *reason = g_strdup_printf ("before-v%d", target);
      g_autofree char *backup = NULL;

      backup = pa_backup_create_in_dir (self, NULL, reason, error);
      if (backup == NULL)
        return FALSE;
    }

  /* All the steps are one transaction: a store is either at its old version
   * with its data as it was, or at the new one. Foreign keys are off while
   * the schema changes (a migration may rebuild a table, and dropping the
   * old copy must not cascade), and checked as a whole before the commit. */
  if (!pa_store_exec (self, "PRAGMA foreign_keys = OFF", error))
    return FALSE;
  if (!pa_store_begin (self, &local_error))
    goto out;
  for (gsize i = 0; i < G_N_ELEMENTS (migrations); i++)
    {
      if (migrations[i].version <= version || migrations[i].version > target)
        continue;
      if (!apply_migration (self, &migrations[i], &local_error))
        {
          reached = migrations[i].version;
          goto fail;
        }
    }
  reached = target;
  if (query_int (self, "SELECT count(*) FROM pragma_foreign_key_check", 1) != 0)
    {
      g_set_error (&local_error, PA_STORE_ERROR, PA_STORE_ERROR_MIGRATION,
                   _("records would refer to records that no longer exist"));
      goto fail;
    }
  if (!pa_store_commit (self, &local_error))
    goto out;
  return pa_store_exec (self, "PRAGMA foreign_keys = ON", error);

fail:
  pa_store_rollback (self);
out:
  sqlite3_exec (self->db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
  if (version == 0)
    g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_MIGRATION,
                 _("Cannot create the case store “%s” (%s)."), self->path, local_error->message);
  else
    g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_MIGRATION,
                 _("Cannot upgrade “%s” to version %d (%s). The file was left as it was, "
                   "at version %d."),
                 self->path, reached, local_error->message, version);
  return FALSE;
}

gboolean
pa_store_check (PaStore   *self,
                gboolean   full,
                GError   **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GString) problems = g_string_new (NULL);
  int rc;

  g_return_val_if_fail (PA_IS_STORE (self), FALSE);

  stmt = pa_store_prepare (self, full ? "PRAGMA integrity_check" : "PRAGMA quick_check", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *line = (const char *) sqlite3_column_text (stmt, 0);
      if (g_strcmp0 (line, "ok") == 0)
        continue;
      if (problems->len < 400)
        g_string_append_printf (problems, "%s%s", problems->len ? "; " : "", line);
      g_strdelimit (problems->str, "\n", ' ');
    }
  if (rc != SQLITE_DONE)
    return pa_store_set_error (self, rc, error);
  if (problems->len > 0)
    {
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_CORRUPT,
                   _("“%s” is damaged (%s). Restore it from a backup."), self->path,
                   problems->str);
      return FALSE;
    }
  if (!full)
    return TRUE;
  if (query_int (self, "SELECT count(*) FROM pragma_foreign_key_check", 1) > 0)
    {
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_CORRUPT,
                   _("“%s” holds references to records that no longer exist. "
                     "Restore it from a backup."), self->path);
      return FALSE;
    }
  /* The search index is a table of its own: check that it matches the cases. */
  if (query_int (self, "SELECT count(*) FROM sqlite_schema WHERE name = 'case_search'", 0) == 0)
    return TRUE;
  rc = sqlite3_exec (self->db, "INSERT INTO case_search (case_search) VALUES ('integrity-check')",
                     NULL, NULL, NULL);
  if (rc != SQLITE_OK && (rc & 0xff) != SQLITE_CORRUPT)
    return pa_store_set_error (self, rc, error);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_CORRUPT,
                   _("The search index of “%s” does not match its cases (%s). "
                     "Restore it from a backup."), self->path, sqlite3_errmsg (self->db));
      return FALSE;
    }
  return TRUE;
}

static gboolean
configure_connection (PaStore  *self,
                      GError  **error)
{
  int app_id;
  int objects;

  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);
  sqlite3_extended_result_codes (self->db, 1);

  /* Reading anything tells a SQLite file from any other file. */
  {
    g_autoptr (sqlite3_stmt) stmt = NULL;
    int rc = sqlite3_prepare_v2 (self->db, "SELECT count(*) FROM sqlite_schema", -1, &stmt, NULL);

    if (rc == SQLITE_OK)
      rc = sqlite3_step (stmt);
    if (rc != SQLITE_ROW)
      {
        /* A store whose first page is damaged is still the user's store:
         * tell them to restore it, not that it is some other file. */
        if ((rc & 0xff) == SQLITE_CORRUPT)
          return pa_store_set_error (self, rc, error);
        g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_OPEN,
                     _("“%s” is not a Passerelle case store (%s)."), self->path,
                     sqlite3_errmsg (self->db));
        return FALSE;
      }
    objects = sqlite3_column_int (stmt, 0);
  }
  app_id = query_int (self, "PRAGMA application_id", 0);
  if (objects > 0 && app_id != PA_STORE_APPLICATION_ID)
    {
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_OPEN,
                   _("“%s” is a database of another program, not a Passerelle case store."),
                   self->path);
      return FALSE;
    }

  if (!pa_store_exec (self,
                      "PRAGMA foreign_keys = ON;"
                      "PRAGMA secure_delete = ON;"
                      "PRAGMA synchronous = FULL;"
                      "PRAGMA trusted_schema = OFF;",
                      error))
    return FALSE;
  if (objects == 0)
    {
      g_autofree char *sql = g_strdup_printf ("PRAGMA application_id = %d", PA_STORE_APPLICATION_ID);
      if (!pa_store_exec (self, sql, error))
        return FALSE;
    }
  {
    g_autoptr (sqlite3_stmt) stmt = pa_store_prepare (self, "PRAGMA journal_mode = WAL", error);
    if (stmt == NULL || !pa_store_step_done (self, stmt, error))
      return FALSE;
  }
  return TRUE;
}

/* How long a store's last quick_check stays good. */
#define PA_STORE_CHECK_INTERVAL (24 * G_TIME_SPAN_HOUR)

/* quick_check reads the whole file (a tenth of a second for ten thousand
 * cases), so opening runs it once a day rather than every time; damage in
 * between still shows on the first read of a damaged page, as a
 * PA_STORE_ERROR_CORRUPT error. Returns 1 when it checked, 0 when the last
 * check is recent, -1 on error. */
static int
check_if_due (PaStore  *self,
              GError  **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GDateTime) last = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();

  /* A store without settings yet (new, or older than them) is checked. */
  if (sqlite3_prepare_v2 (self->db, "SELECT value FROM setting WHERE key = 'store.checked_at'",
                          -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    last = g_date_time_new_from_iso8601 ((const char *) sqlite3_column_text (stmt, 0), NULL);
  if (last != NULL)
    {
      GTimeSpan age = g_date_time_difference (now, last);
      if (age >= 0 && age < PA_STORE_CHECK_INTERVAL)
        return 0;
    }
  return pa_store_check (self, FALSE, error) ? 1 : -1;
}

/* Before version 5 the logo was a file beside the store, named by the
 * setting "centre.logo" (which backups did not carry). The file is read into
 * the store once; the setting is then dropped. A file that cannot be read is
 * left named, to be tried again at the next opening. */
static void
import_logo_file (PaStore *self)
{
  g_autofree char *path = pa_store_get_setting (self, "centre.logo");
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) content = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  gboolean ok;

  if (path == NULL)
    return;
  if (*path != '\0')
    {
      if (!g_file_get_contents (path, &contents, &length, &error))
        {
          g_debug ("The logo “%s” could not be read into the store: %s", path, error->message);
          return;
        }
      content = g_bytes_new_take (g_steal_pointer (&contents), length);
    }
  if (!pa_store_begin (self, &error))
    return;
  ok = (content == NULL || length > PA_STORE_FILE_MAX_BYTES ||
        pa_store_set_file (self, "centre.logo", content, &error)) &&
       (stmt = pa_store_prepare (self, "DELETE FROM setting WHERE key = 'centre.logo'", &error)) != NULL &&
       pa_store_step_done (self, stmt, &error) &&
       pa_store_audit (self, "centre.logo_import", 0, "setting", "centre.logo", &error);
  if (ok && pa_store_commit (self, &error))
    return;
  pa_store_rollback (self);
  g_debug ("The logo “%s” could not be read into the store: %s", path, error ? error->message : "");
}

static PaStore *
open_internal (const char        *path,
               int                version,
               PaStoreOpenFlags   flags,
               GError           **error)
{
  g_autoptr (PaStore) self = NULL;
  g_autofree char *dir = NULL;
  int checked;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (PA_TYPE_STORE, NULL);
  self->path = g_strdup (path);

  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_OPEN,
                   _("Cannot create the folder “%s”: %s"), dir, g_strerror (saved_errno));
      return NULL;
    }

  rc = sqlite3_open_v2 (path, &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_OPEN,
                   _("Cannot open “%s”: %s"), path,
                   self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
      return NULL;
    }

  if (!configure_connection (self, error))
    return NULL;
  checked = (flags & PA_STORE_OPEN_DEFER_CHECK) ? 0 : check_if_due (self, error);
  if (checked < 0)
    return NULL;
  if (!migrate (self, version, error))
    return NULL;
  if (version >= 5)
    import_logo_file (self);
  /* After a crash the log may hold what a purge erased: erase it now. */
  pa_store_erase_log (self, FALSE);
  /* A list in the wrong order is no reason to refuse the store. */
  {
    g_autoptr (GError) order_error = NULL;

    /* (Stores opened at an older version, for tests, have no order.) */
    if (version >= 6 && !pa_store_check_case_order (self, &order_error))
      g_message ("The order of the case list in “%s” could not be rewritten: %s", path,
                 order_error->message);
  }
  if (checked > 0)
    {
      g_autofree char *now = pa_now_utc ();
      /* Not worth failing the opening for: the check runs again next time. */
      pa_store_set_setting (self, "store.checked_at", now, NULL);
    }

  return g_steal_pointer (&self);
}

/**
 * pa_store_open:
 * @path: the store file; created with the current schema when missing
 *
 * Opens a case store: checks it (quick_check, once a day), and migrates an
 * older schema after backing the file up. Returns: (transfer full): the store, or %NULL
 * with @error set (the file is left as it was).
 */
PaStore *
pa_store_open (const char  *path,
               GError     **error)
{
  return open_internal (path, PA_STORE_SCHEMA_VERSION, PA_STORE_OPEN_DEFAULT, error);
}

/**
 * pa_store_open_full:
 * @flags: %PA_STORE_OPEN_DEFER_CHECK to open without the daily check, which
 *   reads the whole file (a quarter of a second for 10,000 cases): the next
 *   pa_store_open() of the file runs it, e.g. in a worker thread
 *
 * As pa_store_open(). Returns: (transfer full): the store, or %NULL with @error set
 */
PaStore *
pa_store_open_full (const char        *path,
                    PaStoreOpenFlags   flags,
                    GError           **error)
{
  return open_internal (path, PA_STORE_SCHEMA_VERSION, flags, error);
}

/* For tests of the migrations: a store made by an older Passerelle. */
PaStore *
pa_store_open_at_version (const char  *path,
                          int          version,
                          GError     **error)
{
  g_return_val_if_fail (version >= 1 && version <= PA_STORE_SCHEMA_VERSION, NULL);
  return open_internal (path, version, PA_STORE_OPEN_DEFAULT, error);
}

static char *
data_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "passerelle", NULL);
}

/**
 * pa_store_default_path:
 *
 * The store used when none is named: `$PASSERELLE_DB` if set, else
 * `centre.db` in the user's data directory. Returns: (transfer full)
 */
char *
pa_store_default_path (void)
{
  const char *env = g_getenv ("PASSERELLE_DB");
  g_autofree char *dir = NULL;

  if (env != NULL && *env != '\0')
    return g_strdup (env);
  dir = data_dir ();
  return g_build_filename (dir, "centre.db", NULL);
}

/* The demo centre lives in its own file, so demo cases never mix into a real store. */
char *
pa_store_demo_path (void)
{
  g_autofree char *dir = data_dir ();
  return g_build_filename (dir, "demo-centre.db", NULL);
}

const char *
pa_store_get_path (PaStore *self)
{
  g_return_val_if_fail (PA_IS_STORE (self), NULL);
  return self->path;
}

sqlite3 *
pa_store_get_db (PaStore *self)
{
  g_return_val_if_fail (PA_IS_STORE (self), NULL);
  return self->db;
}

gint64
pa_store_get_actor (PaStore *self)
{
  g_return_val_if_fail (PA_IS_STORE (self), 0);
  return self->actor_id;
}

void
pa_store_set_actor (PaStore *self,
                    gint64   actor_id)
{
  g_return_if_fail (PA_IS_STORE (self));
  self->actor_id = actor_id;
}

/**
 * pa_store_get_backup_dir:
 *
 * Where automatic backups go: the folder chosen in the preferences, else
 * `backups/` beside the store. Returns: (transfer full)
 */
char *
pa_store_get_backup_dir (PaStore *self)
{
  g_return_val_if_fail (PA_IS_STORE (self), NULL);

  if (self->backup_dir != NULL)
    return g_strdup (self->backup_dir);
  return pa_backup_dir_for (self->path);
}

void
pa_store_set_backup_dir (PaStore    *self,
                         const char *dir)
{
  g_return_if_fail (PA_IS_STORE (self));
  g_free (self->backup_dir);
  self->backup_dir = (dir != NULL && *dir != '\0') ? g_strdup (dir) : NULL;
}

gboolean
pa_store_audit (PaStore     *self,
                const char  *action,
                gint64       case_id,
                const char  *object,
                const char  *detail,
                GError     **error)
{
  sqlite3_stmt *stmt;
  g_autofree char *now = NULL;

  g_return_val_if_fail (PA_IS_STORE (self), FALSE);

  /* A bulk load (generated cases) writes one audit row of its own instead. */
  if (self->bulk)
    return TRUE;

  now = pa_now_utc ();
  stmt = pa_store_prepare_cached (self,
                                  "INSERT INTO audit (at, actor_id, action, case_id, object, detail) "
                                  "VALUES (?, ?, ?, ?, ?, ?)",
                                  error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, self->actor_id);
  sqlite3_bind_text (stmt, 3, action, -1, SQLITE_STATIC);
  if (case_id > 0)
    sqlite3_bind_int64 (stmt, 4, case_id);
  else
    sqlite3_bind_null (stmt, 4);
  sqlite3_bind_text (stmt, 5, object ? object : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, detail ? detail : "", -1, SQLITE_STATIC);
  return pa_store_run_cached (self, stmt, error);
}

char *
pa_store_get_setting (PaStore    *self,
                      const char *key)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (PA_IS_STORE (self), NULL);

  stmt = pa_store_prepare (self, "SELECT value FROM setting WHERE key = ?", NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

gboolean
pa_store_set_setting (PaStore     *self,
                      const char  *key,
                      const char  *value,
                      GError     **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (PA_IS_STORE (self), FALSE);

  stmt = pa_store_prepare (self,
                           "INSERT INTO setting (key, value) VALUES (?, ?) "
                           "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, value, -1, SQLITE_STATIC);
  return pa_store_step_done (self, stmt, error);
}

/**
 * pa_store_get_file:
 * @key: which file ("centre.logo")
 *
 * Returns: (transfer full) (nullable): the file's bytes, or %NULL (with
 * @error set only when the store could not be read, or %PA_STORE_ERROR_CORRUPT
 * when the bytes no longer match their SHA-256).
 */
GBytes *
pa_store_get_file (PaStore     *self,
                   const char  *key,
                   GError     **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autofree char *sha256 = NULL;
  int rc;

  g_return_val_if_fail (PA_IS_STORE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  stmt = pa_store_prepare (self, "SELECT content, sha256 FROM setting_file WHERE key = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return NULL;
  if (rc != SQLITE_ROW)
    {
      pa_store_set_error (self, rc, error);
      return NULL;
    }
  bytes = g_bytes_new (sqlite3_column_blob (stmt, 0), (gsize) sqlite3_column_bytes (stmt, 0));
  sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  if (g_strcmp0 (sha256, (const char *) sqlite3_column_text (stmt, 1)) != 0)
    {
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_CORRUPT,
                   /* Translators: %s is a setting's key, e.g. centre.logo */
                   _("The file “%s” kept in the store is damaged (its content no longer "
                     "matches its SHA-256). Choose it again in Preferences."), key);
      return NULL;
    }
  return g_steal_pointer (&bytes);
}

/**
 * pa_store_set_file:
 * @key: which file ("centre.logo")
 * @content: (nullable): its bytes (at most %PA_STORE_FILE_MAX_BYTES), or
 *   %NULL to remove it
 *
 * Stores or removes one of the centre's files, with an audit row.
 */
gboolean
pa_store_set_file (PaStore     *self,
                   const char  *key,
                   GBytes      *content,
                   GError     **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *now = pa_now_utc ();
  g_autofree char *sha256 = NULL;
  gsize size = 0;
  gconstpointer data = NULL;

  g_return_val_if_fail (PA_IS_STORE (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  if (content != NULL)
    {
      data = g_bytes_get_data (content, &size);
      if (size > PA_STORE_FILE_MAX_BYTES)
        {
          g_autofree char *have = g_format_size (size);
          g_autofree char *limit = g_format_size (PA_STORE_FILE_MAX_BYTES);
          g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_INVALID,
                       _("The file is too large (%s; at most %s)."), have, limit);
          return FALSE;
        }
      sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, content);
    }

  if (!pa_store_begin (self, error))
    return FALSE;
  stmt = pa_store_prepare (self,
                           content != NULL
                             ? "INSERT INTO setting_file (key, content, sha256, updated_at) "
                               "VALUES (?1, ?2, ?3, ?4) ON CONFLICT (key) DO UPDATE SET "
                               "content = excluded.content, sha256 = excluded.sha256, "
                               "updated_at = excluded.updated_at"
                             : "DELETE FROM setting_file WHERE key = ?1",
                           error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (content != NULL)
    {
      /* An empty file is an empty blob, not "no file". */
      if (size == 0)
        sqlite3_bind_zeroblob (stmt, 2, 0);
      else
        sqlite3_bind_blob64 (stmt, 2, data, size, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, sha256, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, now, -1, SQLITE_STATIC);
    }
  if (!pa_store_step_done (self, stmt, error) ||
      !pa_store_audit (self, content != NULL ? "setting.file_set" : "setting.file_remove", 0,
                       "setting", key, error) ||
      !pa_store_commit (self, error))
    goto fail;
  return TRUE;

fail:
  pa_store_rollback (self);
  return FALSE;
}

static void
pa_store_finalize (GObject *object)
{
  PaStore *self = (PaStore *) object;

  if (self->db != NULL && self->erase_pending)
    pa_store_erase_log (self, FALSE);
  g_clear_pointer (&self->stmt_cache, g_hash_table_unref);
  g_clear_pointer (&self->pending_changes, g_array_unref);
  g_clear_pointer (&self->bulk_reindex, g_hash_table_unref);
  g_clear_pointer (&self->case_cache, g_hash_table_unref);
  g_clear_pointer (&self->case_cache_locale, g_free);
  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->backup_dir, g_free);

  G_OBJECT_CLASS (pa_store_parent_class)->finalize (object);
}

static void
pa_store_class_init (PaStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pa_store_finalize;

  /**
   * PaStore::case-changed:
   * @case_id: the case created, changed, trashed, restored or purged, or 0
   *   when any case may have changed (a restore from a backup, many
   *   cases changed at once)
   *
   * Emitted once a change is committed.
   */
  signals[SIGNAL_CASE_CHANGED] =
    g_signal_new ("case-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
}

static void
finalize_stmt (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
pa_store_init (PaStore *self)
{
  self->actor_id = 1;
  self->stmt_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_stmt);
  self->pending_changes = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->bulk_reindex = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->case_cache = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                            (GDestroyNotify) pa_cached_case_free);
  self->case_cache_version = -1;
}

/* Forgets what the case cache holds of @case_id (of every case when 0). */
void
pa_store_invalidate_case (PaStore *self,
                          gint64   case_id)
{
  g_return_if_fail (PA_IS_STORE (self));

  if (case_id == 0)
    g_hash_table_remove_all (self->case_cache);
  else
    g_hash_table_remove (self->case_cache, &case_id);
}

/* Returns: (transfer none): the case cache, emptied first when another
 * connection changed the file or the collation locale changed. */
GHashTable *
pa_store_get_case_cache (PaStore *self)
{
  sqlite3_stmt *stmt;
  const char *locale = setlocale (LC_COLLATE, NULL);
  gint64 version = -1;

  g_return_val_if_fail (PA_IS_STORE (self), NULL);

  stmt = pa_store_prepare_cached (self, "PRAGMA data_version", NULL);
  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int64 (stmt, 0);
  if (stmt != NULL)
    sqlite3_reset (stmt);
  if (version != self->case_cache_version || version < 0 ||
      g_strcmp0 (locale, self->case_cache_locale) != 0)
    {
      g_hash_table_remove_all (self->case_cache);
      self->case_cache_version = version;
      g_free (self->case_cache_locale);
      self->case_cache_locale = g_strdup (locale);
    }
  return self->case_cache;
}

void
pa_store_emit_case_changed (PaStore *self,
                            gint64   case_id)
{
  g_return_if_fail (PA_IS_STORE (self));

  /* At once, even inside a transaction: the next list must read the change. */
  pa_store_invalidate_case (self, case_id);
  if (self->tx_depth == 0)
    {
      g_signal_emit (self, signals[SIGNAL_CASE_CHANGED], 0, case_id);
      return;
    }
  for (guint i = 0; i < self->pending_changes->len; i++)
    if (g_array_index (self->pending_changes, gint64, i) == case_id)
      return;
  if (self->pending_changes->len <= PA_STORE_MAX_SEPARATE_CHANGES)
    g_array_append_val (self->pending_changes, case_id);
}

/* Statements run many times (inserts of records) are prepared once per
 * connection. The statement returned is reset with no bindings; the caller
 * binds, runs it with pa_store_run_cached() and never finalizes it. */
sqlite3_stmt *
pa_store_prepare_cached (PaStore     *self,
                         const char  *sql,
                         GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (PA_IS_STORE (self), NULL);

  stmt = g_hash_table_lookup (self->stmt_cache, sql);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }
  stmt = pa_store_prepare (self, sql, error);
  if (stmt != NULL)
    g_hash_table_insert (self->stmt_cache, g_strdup (sql), stmt);
  return stmt;
}

/* Runs a cached statement that returns no rows, and resets it so it holds
 * no lock afterwards. */
gboolean
pa_store_run_cached (PaStore       *self,
                     sqlite3_stmt  *stmt,
                     GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return pa_store_set_error (self, rc, error);
  return TRUE;
}

void
pa_store_bulk_begin (PaStore *self)
{
  g_return_if_fail (PA_IS_STORE (self));
  g_return_if_fail (self->tx_depth > 0);
  self->bulk = TRUE;
}

gboolean
pa_store_in_bulk (PaStore *self)
{
  return self->bulk;
}

/* Search rows are written once per case at the end of a bulk load rather than
 * once per record. */
void
pa_store_bulk_defer_reindex (PaStore *self,
                             gint64   case_id)
{
  gint64 *key;

  if (g_hash_table_contains (self->bulk_reindex, &case_id))
    return;
  key = g_new (gint64, 1);
  *key = case_id;
  g_hash_table_add (self->bulk_reindex, key);
}

gboolean
pa_store_bulk_end (PaStore  *self,
                   GError  **error)
{
  g_autoptr (GHashTable) ids = NULL;
  GHashTableIter iter;
  gpointer key;

  g_return_val_if_fail (PA_IS_STORE (self), FALSE);

  self->bulk = FALSE;
  ids = g_steal_pointer (&self->bulk_reindex);
  self->bulk_reindex = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_hash_table_iter_init (&iter, ids);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!pa_store_reindex_case (self, *(gint64 *) key, error))
      return FALSE;
  return TRUE;
}

void
pa_store_bulk_abort (PaStore *self)
{
  g_return_if_fail (PA_IS_STORE (self));
  self->bulk = FALSE;
  g_hash_table_remove_all (self->bulk_reindex);
}
