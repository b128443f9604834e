/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pa-case.h"
#include "pa-store.h"

G_BEGIN_DECLS

#define PA_TYPE_CASE_VIEW (pa_case_view_get_type ())
G_DECLARE_FINAL_TYPE (PaCaseView, pa_case_view, PA, CASE_VIEW, GtkWidget)

GtkWidget  *pa_case_view_new              (void);
void        pa_case_view_set_store        (PaCaseView *self,
                                           PaStore    *store);
PaCase     *pa_case_view_get_case         (PaCaseView *self);
void        pa_case_view_set_case         (PaCaseView *self,
                                           PaCase     *kase);
gboolean    pa_case_view_save             (PaCaseView *self);
const char *pa_case_view_get_section      (PaCaseView *self);
void        pa_case_view_show_section     (PaCaseView *self,
                                           const char *name);
GtkWidget  *pa_case_view_get_page         (PaCaseView *self,
                                           const char *name);
void        pa_case_view_focus_name       (PaCaseView *self);

G_END_DECLS
