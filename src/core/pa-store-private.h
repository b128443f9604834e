/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pa-store.h"

G_BEGIN_DECLS

/* "PaSS": tells a Passerelle store from any other SQLite file. */
#define PA_STORE_APPLICATION_ID 0x50615353

/* Rewrites the case's row in the search index from what the store holds.
 * Call it inside the transaction that changed the case. */
gboolean pa_store_reindex_case  (PaStore  *self,
                                 gint64    case_id,
                                 GError  **error);
gboolean pa_store_erase_log     (PaStore  *self,
                                 gboolean  wait);
/* Tells listeners (lists in the interface) that a case changed. */
void     pa_store_emit_case_changed (PaStore *self,
                                     gint64   case_id);

sqlite3_stmt *pa_store_prepare_cached (PaStore      *self,
                                       const char   *sql,
                                       GError      **error);
gboolean      pa_store_run_cached     (PaStore      *self,
                                       sqlite3_stmt *stmt,
                                       GError      **error);

/* A bulk load, inside a transaction the caller holds: no audit row per change
 * (the caller writes one for the whole load) and the search index rewritten
 * once per case at pa_store_bulk_end(). Only for generated demonstration data. */
void          pa_store_bulk_begin     (PaStore      *self);
gboolean      pa_store_in_bulk        (PaStore      *self);
void          pa_store_bulk_defer_reindex (PaStore  *self,
                                       gint64        case_id);
gboolean      pa_store_bulk_end       (PaStore      *self,
                                       GError      **error);
void          pa_store_bulk_abort     (PaStore      *self);

/* The order of the case list: collation keys of the names, rewritten for
 * every case (pa-store-cases.c), in the caller's transaction. */
gboolean      pa_store_sort_all_cases   (PaStore      *self,
                                         GError      **error);
gboolean      pa_store_check_case_order (PaStore      *self,
                                         GError      **error);

/* The case cache behind pa_store_case_list(). */
typedef struct _PaCachedCase PaCachedCase;
void          pa_cached_case_free       (PaCachedCase *cached);
GHashTable   *pa_store_get_case_cache   (PaStore      *self);
void          pa_store_invalidate_case  (PaStore      *self,
                                         gint64        case_id);

G_END_DECLS
