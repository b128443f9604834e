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

G_END_DECLS
