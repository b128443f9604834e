/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "pa-chart.h"

G_BEGIN_DECLS

#define PA_TYPE_CHART_AREA (pa_chart_area_get_type ())
G_DECLARE_FINAL_TYPE (PaChartArea, pa_chart_area, PA, CHART_AREA, GtkWidget)

/* Shows @chart (taken) as the printed reports draw it, on a sheet of paper. */
GtkWidget *pa_chart_area_new (PaChart    *chart,
                              const char *accessible_label);

G_END_DECLS
