/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pa-store.h"

G_BEGIN_DECLS

char     *pa_builtin_item_uri          (const char  *framework,
                                        const char  *code);
gboolean  pa_builtin_frameworks_sync   (PaStore     *store,
                                        gboolean     force,
                                        GError     **error);
gboolean  pa_builtin_frameworks_ensure (PaStore     *store,
                                        GError     **error);

G_END_DECLS
