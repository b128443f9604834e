/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

double  pa_bench_now         (void);
double  pa_bench_cpu_now     (void);
double  pa_bench_percentile  (GArray *samples,
                              double  fraction);
double  pa_bench_max         (GArray *samples);
long    pa_bench_peak_rss_mb (void);

G_END_DECLS
