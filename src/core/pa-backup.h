/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pa-store.h"

G_BEGIN_DECLS

/* How many automatic backups are kept in the backup folder. */
#define PA_BACKUP_KEEP 10

/* The daily backup is made when the newest backup is older than this. */
#define PA_BACKUP_INTERVAL (24 * G_TIME_SPAN_HOUR)

gboolean   pa_backup_to_file        (PaStore              *store,
                                     const char           *path,
                                     GError              **error);
char      *pa_backup_create_in_dir  (PaStore              *store,
                                     const char           *dir,
                                     const char           *reason,
                                     GError              **error);
char      *pa_backup_auto           (PaStore              *store,
                                     GError              **error);
void       pa_backup_auto_async     (PaStore              *store,
                                     GCancellable         *cancellable,
                                     GAsyncReadyCallback   callback,
                                     gpointer              user_data);
char      *pa_backup_auto_finish    (PaStore              *store,
                                     GAsyncResult         *result,
                                     GError              **error);
char      *pa_backup_dir_for        (const char           *store_path);
GPtrArray *pa_backup_list           (PaStore              *store);
GPtrArray *pa_backup_list_for       (const char           *store_path,
                                     const char           *dir);
GDateTime *pa_backup_get_time       (const char           *backup_path);
char      *pa_backup_get_reason     (const char           *backup_path);
gboolean   pa_backup_restore        (PaStore              *store,
                                     const char           *backup_path,
                                     GError              **error);
gboolean   pa_backup_restore_file   (const char           *store_path,
                                     const char           *backup_path,
                                     char                **damaged_copy,
                                     GError              **error);

G_END_DECLS
