/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "pa-case.h"

G_BEGIN_DECLS

#define PA_TYPE_CASE_ROW (pa_case_row_get_type ())
G_DECLARE_FINAL_TYPE (PaCaseRow, pa_case_row, PA, CASE_ROW, GtkWidget)

GtkWidget *pa_case_row_new       (void);
PaCase    *pa_case_row_get_case  (PaCaseRow *self);
void       pa_case_row_set_case  (PaCaseRow *self,
                                  PaCase    *kase);

G_END_DECLS
