/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pa-case.h"
#include "pa-store.h"

G_BEGIN_DECLS

#define PA_TYPE_CASE_SUMMARY (pa_case_summary_get_type ())
G_DECLARE_FINAL_TYPE (PaCaseSummary, pa_case_summary, PA, CASE_SUMMARY, GtkWidget)

GtkWidget *pa_case_summary_new         (void);
PaStore   *pa_case_summary_get_store   (PaCaseSummary *self);
void       pa_case_summary_set_store   (PaCaseSummary *self,
                                        PaStore       *store);
PaCase    *pa_case_summary_get_case    (PaCaseSummary *self);
void       pa_case_summary_set_case    (PaCaseSummary *self,
                                        PaCase        *kase);
gboolean   pa_case_summary_save        (PaCaseSummary *self);
void       pa_case_summary_reload_records (PaCaseSummary *self);
void       pa_case_summary_focus_name  (PaCaseSummary *self);

G_END_DECLS
