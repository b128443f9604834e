/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pa-store.h"

G_BEGIN_DECLS

typedef enum
{
  PA_DEMO_FLAGS_NONE = 0,
  /* Add demo cases even to a store that already holds cases or seminars. */
  PA_DEMO_FLAGS_FORCE = 1 << 0,
} PaDemoFlags;

/* The seed `passerelle-cli demo --count N` uses unless told otherwise. */
#define PA_DEMO_DEFAULT_SEED 20251006u

gboolean  pa_demo_fill          (PaStore      *store,
                                 GError      **error);
gboolean  pa_demo_generate      (PaStore      *store,
                                 guint         count,
                                 guint32       seed,
                                 GError      **error);
gboolean  pa_demo_fill_full     (PaStore      *store,
                                 guint         count,
                                 guint32       seed,
                                 PaDemoFlags   flags,
                                 GError      **error);
gboolean  pa_demo_store_is_empty (PaStore     *store);
guint     pa_demo_n_fictional_cases (void);
GPtrArray *pa_demo_search_queries (guint       n,
                                   guint32     seed);
GBytes   *pa_demo_make_png      (guint32       seed,
                                 guint         size);

G_END_DECLS
