/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "pa-store-cases.h"

G_BEGIN_DECLS

#define PA_TYPE_CASE_LIST (pa_case_list_get_type ())
G_DECLARE_FINAL_TYPE (PaCaseList, pa_case_list, PA, CASE_LIST, GObject)

PaCaseList  *pa_case_list_new          (PaStore      *store,
                                        PaCaseFilter  filter);
PaStore     *pa_case_list_get_store    (PaCaseList   *self);
const char  *pa_case_list_get_search   (PaCaseList   *self);
void         pa_case_list_set_search   (PaCaseList   *self,
                                        const char   *search);
PaCaseFilter pa_case_list_get_filter   (PaCaseList   *self);
void         pa_case_list_set_filter   (PaCaseList   *self,
                                        PaCaseFilter  filter);
gboolean     pa_case_list_refresh      (PaCaseList   *self,
                                        GError      **error);
guint        pa_case_list_find         (PaCaseList   *self,
                                        gint64        case_id);

G_END_DECLS
