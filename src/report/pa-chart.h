/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <pango/pangocairo.h>

G_BEGIN_DECLS

/*
 * Charts for reports. Every value is written as text beside its bar and every
 * series has its own pattern, so a chart reads the same in black and white,
 * on a photocopy and for a reader who does not tell colours apart.
 */

#define PA_CHART_MAX_STAGES 6

typedef struct _PaChart PaChart;

PaChart  *pa_chart_new_bars         (void);
PaChart  *pa_chart_new_profile      (guint              n_stages,
                                     const char *const *stage_names);
void      pa_chart_free             (PaChart           *chart);

void      pa_chart_add_bar          (PaChart           *chart,
                                     const char        *label,
                                     double             value,
                                     const char        *value_text);
void      pa_chart_set_max          (PaChart           *chart,
                                     double             max);
void      pa_chart_add_profile_row  (PaChart           *chart,
                                     const char        *label,
                                     const guint       *counts);

double    pa_chart_measure          (PaChart           *chart,
                                     PangoContext      *context,
                                     const PangoFontDescription *font,
                                     double             width);
void      pa_chart_draw             (PaChart           *chart,
                                     cairo_t           *cr,
                                     double             x,
                                     double             y);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PaChart, pa_chart_free)

G_END_DECLS
