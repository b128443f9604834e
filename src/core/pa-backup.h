/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pa-store.h"

G_BEGIN_DECLS

/* How many automatic backups are kept in the backup folder. */
#define PA_BACKUP_KEEP 10

gboolean   pa_backup_to_file        (PaStore     *store,
                                     const char  *path,
                                     GError     **error);
char      *pa_backup_create_in_dir  (PaStore     *store,
                                     const char  *dir,
                                     const char  *reason,
                                     GError     **error);
char      *pa_backup_auto           (PaStore     *store,
                                     GError     **error);
GPtrArray *pa_backup_list           (PaStore     *store);
GPtrArray *pa_backup_list_for_file  (const char  *store_path,
                                     const char  *backup_dir);
gboolean   pa_backup_restore        (PaStore     *store,
                                     const char  *backup_path,
                                     GError     **error);
gboolean   pa_backup_restore_file   (const char  *store_path,
                                     const char  *backup_path,
                                     char       **damaged_path,
                                     GError     **error);

G_END_DECLS
