/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <sys/resource.h>
#include <time.h>

#include "pa-bench-util.h"

/* Clocks and statistics shared by the benchmarks. */

double
pa_bench_now (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return (double) ts.tv_sec + (double) ts.tv_nsec / 1e9;
}

/* Time this thread ran, leaving out time other programs had the processor. */
double
pa_bench_cpu_now (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (double) ts.tv_sec + (double) ts.tv_nsec / 1e9;
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

/* @samples (of double) is sorted in place; returns the value at @fraction (0–1). */
double
pa_bench_percentile (GArray *samples,
                     double  fraction)
{
  guint index;

  if (samples->len == 0)
    return 0;
  g_array_sort (samples, compare_double);
  index = (guint) (fraction * (samples->len - 1) + 0.5);
  return g_array_index (samples, double, MIN (index, samples->len - 1));
}

double
pa_bench_max (GArray *samples)
{
  return pa_bench_percentile (samples, 1.0);
}

long
pa_bench_peak_rss_mb (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024;
}
