/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "passerelle-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>

#include "pa-cli.h"
#include "pa-esco-import.h"
#include "pa-framework-search.h"
#include "pa-frameworks.h"

/* bench frameworks: imports the real ESCO data (the English release, the
 * French and Spanish language packs, the occupation labels of nl, de, it
 * and ar) into a fresh store, then times type-ahead queries sampled from
 * the real labels. Prints figures; judges nothing but the stated targets. */

typedef struct
{
  const char *what;
  const char *path;     /* relative to the data folder */
  PaEscoImportMode mode;
} Step;

static const Step steps[] = {
  { "en release", "esco/v1.1.1/en", PA_ESCO_IMPORT_RELEASE },
  { "fr pack (v1.0 skills)", "esco/v1.0.x/fr/skills_fr.csv", PA_ESCO_IMPORT_LANGUAGE_PACK },
  { "fr pack (v1.1.1 occupations, groups, collections)", "esco/v1.1.1/fr", PA_ESCO_IMPORT_LANGUAGE_PACK },
  { "es pack (v1.0 skills, occupations)", "esco/v1.0.x/es", PA_ESCO_IMPORT_LANGUAGE_PACK },
  { "nl occupations (v1.2)", "esco/v1.2.x/nl/occupations_nl.csv", PA_ESCO_IMPORT_LANGUAGE_PACK },
  { "de occupations (v1.0.8)", "esco/v1.0.8/de/occupations_de.csv", PA_ESCO_IMPORT_LANGUAGE_PACK },
  { "it occupations (v1.0.8)", "esco/v1.0.8/it/occupations_it.csv", PA_ESCO_IMPORT_LANGUAGE_PACK },
  { "ar occupations (v1.0.3)", "esco/v1.0.3/ar/occupations_ar.csv", PA_ESCO_IMPORT_LANGUAGE_PACK },
};

static const char * const display_langs[] = { "en", "fr", "es", "nl", "de", "it", "ar" };

typedef struct
{
  char *folded;
  char *lang;
  gboolean occupation;
} Sample;

static void
sample_free (gpointer data)
{
  Sample *s = data;

  g_free (s->folded);
  g_free (s->lang);
  g_free (s);
}

static double
now_seconds (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return (double) ts.tv_sec + (double) ts.tv_nsec / 1e9;
}

/* Time this thread ran, leaving out time other programs had the processor. */
static double
cpu_seconds (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (double) ts.tv_sec + (double) ts.tv_nsec / 1e9;
}

/* Processor time of the whole process (user and system). */
static double
process_seconds (void)
{
  struct rusage u;

  getrusage (RUSAGE_SELF, &u);
  return (double) u.ru_utime.tv_sec + (double) u.ru_utime.tv_usec / 1e6 +
         (double) u.ru_stime.tv_sec + (double) u.ru_stime.tv_usec / 1e6;
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

static goffset
file_size (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 ? (goffset) st.st_size : 0;
}

/* The words of folded text, split the way search splits them. */
static GPtrArray *
split_words (const char *folded)
{
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);
  const char *p = folded;

  while (*p)
    {
      const char *start;

      while (*p && !g_unichar_isalnum (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      start = p;
      while (*p && g_unichar_isalnum (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (p > start)
        g_ptr_array_add (words, g_strndup (start, p - start));
    }
  return words;
}

/* A prefix of 2–8 characters (fewer when the word is shorter). */
static char *
prefix_of (GRand      *rand,
           const char *word)
{
  glong n = g_utf8_strlen (word, -1);
  glong take = MIN (n, g_rand_int_range (rand, 2, 9));
  const char *end = g_utf8_offset_to_pointer (word, take);

  return g_strndup (word, end - word);
}

int
pa_cli_bench_frameworks (PaCliGlobal  *global,
                         int           argc,
                         char        **argv)
{
  g_autofree char *data = NULL;
  g_autofree char *keep = NULL;
  int n_queries = 1000;
  int seed = 42;
  const GOptionEntry entries[] = {
    { "data", 'd', 0, G_OPTION_ARG_FILENAME, &data, N_("The real data folder (default: $PASSERELLE_SHARED_DATA, else ../shared/data)"), N_("DIR") },
    { "queries", 'n', 0, G_OPTION_ARG_INT, &n_queries, N_("How many search queries (default 1000)"), "N" },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, N_("Seed of the query sample (default 42)"), "N" },
    { "keep", 0, 0, G_OPTION_ARG_FILENAME, &keep, N_("Keep the store in FILE instead of deleting it"), N_("FILE") },
    { NULL }
  };
  g_autoptr (GOptionContext) context = g_option_context_new (NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (PaStore) store = NULL;
  g_autoptr (PaFrameworkSearch) finder = NULL;
  g_autoptr (GPtrArray) samples = g_ptr_array_new_with_free_func (sample_free);
  g_autoptr (GRand) rand = NULL;
  g_autofree char *tmpdir = NULL;
  g_autofree char *db = NULL;
  g_autofree double *times = NULL;
  g_autofree double *cpu = NULL;
  double c0;
  g_autofree char *wal = NULL;
  double total = 0, total_cpu = 0, t0, build, sum = 0;
  guint n_found = 0;
  struct rusage usage;
  long rss_mb;
  int status = PA_CLI_OK;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Import the real ESCO data into a fresh store and time type-ahead search.\n"
                                  "Targets: import < 10 s, search p95 < 2 ms and max < 10 ms, peak RSS < 150 MB."));
  if (!pa_cli_parse (context, "bench frameworks", &argc, &argv, &status))
    return status;
  if (argc > 1)
    return pa_cli_usage_error ("bench frameworks", _("Unexpected argument “%s”"), argv[1]);
  if (n_queries < 1)
    return pa_cli_usage_error ("bench frameworks", "%s", _("--queries must be at least 1"));
  if (data == NULL)
    data = g_strdup (g_getenv ("PASSERELLE_SHARED_DATA"));
  if (data == NULL)
    data = g_strdup ("../shared/data");
  {
    g_autofree char *en = g_build_filename (data, "esco", "v1.1.1", "en", NULL);
    if (!g_file_test (en, G_FILE_TEST_IS_DIR))
      {
        g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                     _("The real ESCO data is not in “%s”; name its folder with --data."), data);
        return pa_cli_fail (error);
      }
  }

  if (keep != NULL)
    {
      db = g_strdup (keep);
      g_unlink (db);
    }
  else
    {
      tmpdir = g_dir_make_tmp ("passerelle-bench-XXXXXX", &error);
      if (tmpdir == NULL)
        return pa_cli_fail (error);
      db = g_build_filename (tmpdir, "bench.db", NULL);
    }
  store = pa_store_open (db, &error);
  if (store == NULL)
    return pa_cli_fail (error);

  printf ("Framework benchmark — data: %s\n\n", data);
  for (gsize i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_autofree char *path = g_build_filename (data, steps[i].path, NULL);
      g_autoptr (PaEscoImportReport) report = NULL;
      PaEscoImportOptions options = { steps[i].mode, NULL, NULL };
      double t, p;

      t0 = now_seconds ();
      c0 = process_seconds ();
      report = pa_esco_import (store, path, &options, NULL, NULL, NULL, &error);
      t = now_seconds () - t0;
      p = process_seconds () - c0;
      if (report == NULL)
        return pa_cli_fail (error);
      total += t;
      total_cpu += p;
      printf ("import  %-52s %6.2f s (processor %5.2f s)  %6u labels  %5u unmatched rows\n", steps[i].what, t,
              p, report->labels, report->rows_unmatched);
    }
  wal = g_strconcat (db, "-wal", NULL);
  printf ("import  %-52s %6.2f s (processor %5.2f s)\n", "total", total, total_cpu);
  printf ("database size: %.1f MB (+ %.1f MB write-ahead log)\n\n",
          (double) file_size (db) / 1e6, (double) file_size (wal) / 1e6);

  /* The index, built once, as the application does on its first query. */
  finder = pa_framework_search_new (store);
  t0 = now_seconds ();
  if (!pa_framework_search_load (finder, &error))
    return pa_cli_fail (error);
  build = now_seconds () - t0;
  printf ("search index: built in %.2f s, %u labels, %.1f MB\n", build,
          pa_framework_search_get_n_labels (finder),
          (double) pa_framework_search_get_memory_size (finder) / 1e6);

  /* Queries sampled from real labels: a word's prefix typed without accents. */
  {
    g_autoptr (sqlite3_stmt) stmt = pa_store_prepare (store,
                                                      "SELECT l.folded, l.lang, c.kind FROM concept_label l "
                                                      "JOIN concept c ON c.id = l.concept_id "
                                                      "WHERE c.kind IN ('occupation', 'skill', 'knowledge') "
                                                      "ORDER BY c.uri, l.lang, l.kind, l.text", &error);
    if (stmt == NULL)
      return pa_cli_fail (error);
    while (sqlite3_step (stmt) == SQLITE_ROW)
      {
        Sample *s = g_new0 (Sample, 1);
        s->folded = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
        s->lang = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
        s->occupation = g_str_equal ((const char *) sqlite3_column_text (stmt, 2), "occupation");
        g_ptr_array_add (samples, s);
      }
  }
  rand = g_rand_new_with_seed ((guint32) seed);
  times = g_new0 (double, n_queries);
  cpu = g_new0 (double, n_queries);
  for (int q = 0; q < n_queries; q++)
    {
      Sample *s = g_ptr_array_index (samples, g_rand_int_range (rand, 0, (gint32) samples->len));
      g_autoptr (GPtrArray) words = split_words (s->folded);
      g_autoptr (GPtrArray) hits = NULL;
      g_autofree char *query = NULL;
      const char *display;
      guint w;

      if (words->len == 0)
        {
          q--;
          continue;
        }
      w = (guint) g_rand_int_range (rand, 0, (gint32) words->len);
      if (w + 1 < words->len && g_rand_int_range (rand, 0, 5) == 0)
        {
          /* Sometimes a whole word and the start of the next. */
          g_autofree char *next = prefix_of (rand, g_ptr_array_index (words, w + 1));
          query = g_strdup_printf ("%s %s", (char *) g_ptr_array_index (words, w), next);
        }
      else
        query = prefix_of (rand, g_ptr_array_index (words, w));
      /* Shown in another language than the one the query was taken from. */
      do
        display = display_langs[g_rand_int_range (rand, 0, G_N_ELEMENTS (display_langs))];
      while (g_str_equal (display, s->lang));

      t0 = now_seconds ();
      c0 = cpu_seconds ();
      hits = pa_framework_search_query (finder, query,
                                        s->occupation ? PA_CONCEPT_KIND_OCCUPATION : PA_CONCEPT_KINDS_SKILLS,
                                        display, NULL, 10, &error);
      times[q] = now_seconds () - t0;
      cpu[q] = cpu_seconds () - c0;
      if (g_getenv ("PA_BENCH_SLOW") != NULL && times[q] > 0.001)
        fprintf (stderr, "slow: %.3f ms (processor %.3f ms) “%s” shown in %s\n",
                 times[q] * 1e3, cpu[q] * 1e3, query, display);
      if (hits == NULL)
        return pa_cli_fail (error);
      n_found += hits->len > 0;
      sum += times[q];
    }
  qsort (times, (size_t) n_queries, sizeof (double), compare_double);
  qsort (cpu, (size_t) n_queries, sizeof (double), compare_double);
  printf ("search: %d queries (2–8 character prefixes from real labels, no accents, display language "
          "≠ label language, 10 results)\n", n_queries);
  printf ("search (wall clock): p50 %.3f ms  p95 %.3f ms  p99 %.3f ms  max %.3f ms  mean %.3f ms  "
          "(%u with results)\n",
          times[n_queries / 2] * 1e3, times[(int) (n_queries * 0.95)] * 1e3,
          times[(int) (n_queries * 0.99)] * 1e3, times[n_queries - 1] * 1e3, sum / n_queries * 1e3, n_found);
  printf ("search (processor time of the thread, without other programs' share): "
          "p50 %.3f ms  p95 %.3f ms  p99 %.3f ms  max %.3f ms\n",
          cpu[n_queries / 2] * 1e3, cpu[(int) (n_queries * 0.95)] * 1e3, cpu[(int) (n_queries * 0.99)] * 1e3,
          cpu[n_queries - 1] * 1e3);

  getrusage (RUSAGE_SELF, &usage);
  rss_mb = usage.ru_maxrss / 1024;
  printf ("peak RSS: %ld MB\n\n", rss_mb);
  printf ("targets: import < 10 s: %s (processor time: %s); search p95 < 2 ms: %s (processor time: %s); "
          "max < 10 ms: %s (processor time: %s); peak RSS < 150 MB: %s\n",
          total < 10 ? "met" : "MISSED", total_cpu < 10 ? "met" : "MISSED",
          times[(int) (n_queries * 0.95)] < 0.002 ? "met" : "MISSED",
          cpu[(int) (n_queries * 0.95)] < 0.002 ? "met" : "MISSED",
          times[n_queries - 1] < 0.010 ? "met" : "MISSED",
          cpu[n_queries - 1] < 0.010 ? "met" : "MISSED",
          rss_mb < 150 ? "met" : "MISSED");

  g_clear_object (&finder);
  g_clear_object (&store);
  if (tmpdir != NULL)
    {
      g_autofree char *shm = g_strconcat (db, "-shm", NULL);
      g_unlink (db);
      g_unlink (wal);
      g_unlink (shm);
      g_rmdir (tmpdir);
    }
  return PA_CLI_OK;
}
