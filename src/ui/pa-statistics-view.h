/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pa-report-data.h"
#include "pa-store.h"

G_BEGIN_DECLS

#define PA_TYPE_STATISTICS_VIEW (pa_statistics_view_get_type ())
G_DECLARE_FINAL_TYPE (PaStatisticsView, pa_statistics_view, PA, STATISTICS_VIEW, GtkWidget)

GtkWidget          *pa_statistics_view_new            (void);
void                pa_statistics_view_set_store      (PaStatisticsView *self,
                                                       PaStore          *store);
const PaStatistics *pa_statistics_view_get_statistics (PaStatisticsView *self);
void                pa_statistics_view_export         (PaStatisticsView *self,
                                                       const char       *path);
gboolean            pa_statistics_view_is_busy        (PaStatisticsView *self);

G_END_DECLS
