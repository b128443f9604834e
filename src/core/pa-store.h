/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

#include "pa-types.h"

G_BEGIN_DECLS

#define PA_STORE_ERROR (pa_store_error_quark ())

typedef enum
{
  PA_STORE_ERROR_OPEN,        /* the file cannot be opened or is not a Passerelle store */
  PA_STORE_ERROR_CORRUPT,     /* quick_check failed */
  PA_STORE_ERROR_TOO_NEW,     /* made by a newer Passerelle */
  PA_STORE_ERROR_MIGRATION,
  PA_STORE_ERROR_FULL,        /* disk full */
  PA_STORE_ERROR_BUSY,
  PA_STORE_ERROR_NOT_FOUND,
  PA_STORE_ERROR_INVALID,     /* a value the store refuses */
  PA_STORE_ERROR_CONSTRAINT,  /* a duplicate or a dangling reference */
  PA_STORE_ERROR_FAILED,
} PaStoreError;

/* The schema version this build writes. Stores with a lower version are
 * migrated on open (after a backup); stores with a higher one are refused. */
#define PA_STORE_SCHEMA_VERSION 6

#define PA_TYPE_STORE (pa_store_get_type ())
G_DECLARE_FINAL_TYPE (PaStore, pa_store, PA, STORE, GObject)

GQuark       pa_store_error_quark          (void);

char        *pa_store_default_path         (void);
char        *pa_store_demo_path            (void);

/**
 * PaStoreOpenFlags:
 * @PA_STORE_OPEN_DEFAULT: check the file when its daily check is due
 * @PA_STORE_OPEN_DEFER_CHECK: leave the daily check to the next opening
 *   (a worker's connection), so that the window appears without reading the
 *   whole file first
 */
typedef enum
{
  PA_STORE_OPEN_DEFAULT = 0,
  PA_STORE_OPEN_DEFER_CHECK = 1 << 0,
} PaStoreOpenFlags;

PaStore     *pa_store_open                 (const char  *path,
                                            GError     **error);
PaStore     *pa_store_open_full            (const char       *path,
                                            PaStoreOpenFlags  flags,
                                            GError          **error);
PaStore     *pa_store_open_at_version      (const char  *path,
                                            int          version,
                                            GError     **error);
const char  *pa_store_get_path             (PaStore     *self);
sqlite3     *pa_store_get_db               (PaStore     *self);
int          pa_store_get_schema_version   (PaStore     *self);
gint64       pa_store_get_actor            (PaStore     *self);
void         pa_store_set_actor            (PaStore     *self,
                                            gint64       actor_id);
char        *pa_store_get_backup_dir       (PaStore     *self);
void         pa_store_set_backup_dir       (PaStore     *self,
                                            const char  *dir);

gboolean     pa_store_check                (PaStore     *self,
                                            gboolean     full,
                                            GError     **error);

gboolean     pa_store_begin                (PaStore     *self,
                                            GError     **error);
gboolean     pa_store_commit               (PaStore     *self,
                                            GError     **error);
void         pa_store_rollback             (PaStore     *self);

gboolean     pa_store_exec                 (PaStore     *self,
                                            const char  *sql,
                                            GError     **error);
sqlite3_stmt *pa_store_prepare             (PaStore     *self,
                                            const char  *sql,
                                            GError     **error);
gboolean     pa_store_step_done            (PaStore      *self,
                                            sqlite3_stmt *stmt,
                                            GError      **error);
gboolean     pa_store_set_error            (PaStore     *self,
                                            int          rc,
                                            GError     **error);

gboolean     pa_store_audit                (PaStore     *self,
                                            const char  *action,
                                            gint64       case_id,
                                            const char  *object,
                                            const char  *detail,
                                            GError     **error);

char        *pa_store_get_setting          (PaStore     *self,
                                            const char  *key);
gboolean     pa_store_set_setting          (PaStore     *self,
                                            const char  *key,
                                            const char  *value,
                                            GError     **error);

/* Files the centre keeps inside the store, so backups carry them: its logo
 * (key "centre.logo"). _get() returns %NULL without error when there is
 * none; _set() with %NULL removes it. One transaction with an audit row. */
#define PA_STORE_FILE_MAX_BYTES (16 * 1024 * 1024)
GBytes      *pa_store_get_file             (PaStore     *self,
                                            const char  *key,
                                            GError     **error);
gboolean     pa_store_set_file             (PaStore     *self,
                                            const char  *key,
                                            GBytes      *content,
                                            GError     **error);

char        *pa_now_utc                    (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

G_END_DECLS
