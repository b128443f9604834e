/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pa-store.h"

G_BEGIN_DECLS

#define PA_TYPE_LABOUR_VIEW (pa_labour_view_get_type ())
G_DECLARE_FINAL_TYPE (PaLabourView, pa_labour_view, PA, LABOUR_VIEW, GtkWidget)

GtkWidget *pa_labour_view_new                  (void);
void       pa_labour_view_set_store            (PaLabourView  *self,
                                                PaStore       *store);
gint64     pa_labour_view_get_vacancy_id       (PaLabourView  *self);
void       pa_labour_view_show                 (PaLabourView  *self,
                                                gint64         vacancy_id,
                                                const char    *region);
GtkWidget *pa_labour_view_import_shortage      (PaLabourView  *self,
                                                const char    *path);
gboolean   pa_labour_view_export_shortlist_csv (PaLabourView  *self,
                                                const char    *path,
                                                GError       **error);
gboolean   pa_labour_view_export_shortlist_pdf (PaLabourView  *self,
                                                const char    *path,
                                                GError       **error);

G_END_DECLS
