/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pa-store.h"

G_BEGIN_DECLS

#define PA_TYPE_CATALOGUE_VIEW (pa_catalogue_view_get_type ())
G_DECLARE_FINAL_TYPE (PaCatalogueView, pa_catalogue_view, PA, CATALOGUE_VIEW, GtkWidget)

GtkWidget *pa_catalogue_view_new       (void);
void       pa_catalogue_view_set_store   (PaCatalogueView *self,
                                          PaStore         *store);
GtkWidget *pa_catalogue_view_import_file (PaCatalogueView *self,
                                          const char      *path);
gboolean   pa_catalogue_view_export_file (PaCatalogueView *self,
                                          const char      *path,
                                          GError         **error);

G_END_DECLS
