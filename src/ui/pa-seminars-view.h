/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pa-store.h"

G_BEGIN_DECLS

#define PA_TYPE_SEMINARS_VIEW (pa_seminars_view_get_type ())
G_DECLARE_FINAL_TYPE (PaSeminarsView, pa_seminars_view, PA, SEMINARS_VIEW, GtkWidget)

GtkWidget *pa_seminars_view_new       (void);
void       pa_seminars_view_set_store (PaSeminarsView *self,
                                 PaStore *store);

G_END_DECLS
