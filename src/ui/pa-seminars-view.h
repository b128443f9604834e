/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pa-store.h"

G_BEGIN_DECLS

#define PA_TYPE_SEMINARS_VIEW (pa_seminars_view_get_type ())
G_DECLARE_FINAL_TYPE (PaSeminarsView, pa_seminars_view, PA, SEMINARS_VIEW, GtkWidget)

GtkWidget *pa_seminars_view_new                 (void);
void       pa_seminars_view_set_store           (PaSeminarsView *self,
                                                 PaStore        *store);
gint64     pa_seminars_view_get_seminar_id      (PaSeminarsView *self);
void       pa_seminars_view_show_seminar        (PaSeminarsView *self,
                                                 gint64          id);
GtkWidget *pa_seminars_view_get_attendance_cell (PaSeminarsView *self,
                                                 gint64          case_id,
                                                 gint64          session_id);
void       pa_seminars_view_export              (PaSeminarsView *self,
                                                 gboolean        certificates,
                                                 const char     *path);
gboolean   pa_seminars_view_is_busy             (PaSeminarsView *self);

G_END_DECLS
