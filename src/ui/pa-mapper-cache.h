/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "pa-mapper.h"
#include "pa-store.h"

G_BEGIN_DECLS

PaMapper *pa_mapper_cache_peek       (PaStore              *store);
void      pa_mapper_cache_get_async  (PaStore              *store,
                                      GCancellable         *cancellable,
                                      GAsyncReadyCallback   callback,
                                      gpointer              user_data);
PaMapper *pa_mapper_cache_get_finish (PaStore              *store,
                                      GAsyncResult         *result,
                                      GError              **error);
gboolean  pa_mapper_cache_in_shortage (PaMapper            *mapper,
                                       GHashTable          *shortage,
                                       guint                occupation);
char     *pa_ui_plan_add_gap         (PaStore              *store,
                                      gint64                case_id,
                                      const char           *skill_uri,
                                      const char           *skill_label,
                                      GError              **error);

G_END_DECLS
