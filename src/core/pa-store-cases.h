/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pa-case.h"
#include "pa-store.h"

G_BEGIN_DECLS

typedef enum
{
  PA_CASE_FILTER_ACTIVE,
  PA_CASE_FILTER_TRASHED,
  PA_CASE_FILTER_ALL,
} PaCaseFilter;

gboolean   pa_store_case_create      (PaStore      *store,
                                      PaCase       *kase,
                                      GError      **error);
gboolean   pa_store_case_update      (PaStore      *store,
                                      PaCase       *kase,
                                      GError      **error);
PaCase    *pa_store_case_get         (PaStore      *store,
                                      gint64        case_id,
                                      GError      **error);
gint64     pa_store_case_find        (PaStore      *store,
                                      const char   *id_or_code);
gboolean   pa_store_case_rename      (PaStore      *store,
                                      gint64        case_id,
                                      const char   *given_name,
                                      const char   *family_name,
                                      GError      **error);
gboolean   pa_store_case_trash       (PaStore      *store,
                                      gint64        case_id,
                                      GError      **error);
gboolean   pa_store_case_restore     (PaStore      *store,
                                      gint64        case_id,
                                      GError      **error);
gboolean   pa_store_case_purge       (PaStore      *store,
                                      gint64        case_id,
                                      GError      **error);
GPtrArray *pa_store_case_list        (PaStore      *store,
                                      const char   *search,
                                      PaCaseFilter  filter,
                                      GError      **error);
GArray    *pa_store_case_list_ids    (PaStore      *store,
                                      const char   *search,
                                      PaCaseFilter  filter,
                                      GError      **error);
PaCase    *pa_store_case_get_listed  (PaStore      *store,
                                      gint64        case_id,
                                      GError      **error);
guint      pa_store_case_count       (PaStore      *store,
                                      PaCaseFilter  filter);
char      *pa_search_to_fts_query    (const char   *text);

G_END_DECLS
