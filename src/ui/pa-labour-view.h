/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pa-store.h"

G_BEGIN_DECLS

#define PA_TYPE_LABOUR_VIEW (pa_labour_view_get_type ())
G_DECLARE_FINAL_TYPE (PaLabourView, pa_labour_view, PA, LABOUR_VIEW, GtkWidget)

GtkWidget *pa_labour_view_new       (void);
void       pa_labour_view_set_store (PaLabourView *self,
                               PaStore *store);

G_END_DECLS
