/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "passerelle-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>

#include "pa-cli.h"
#include "pa-demo.h"
#include "pa-store-cases.h"
#include "pa-store-records.h"

/* bench TARGET: figures for the parts whose speed users feel. Each target
 * prints what it measured and whether it meets the target; benchmarks never
 * touch a real store. */

typedef int (*BenchFunc) (PaCliGlobal *global, int argc, char **argv);

typedef struct
{
  const char *name;
  const char *args;
  const char *summary;   /* N_() */
  BenchFunc func;
} BenchTarget;

typedef struct
{
  const char *query;
  double ms;
  guint hits;
} Search;

static int
compare_searches (gconstpointer a,
                  gconstpointer b)
{
  double x = ((const Search *) a)->ms, y = ((const Search *) b)->ms;
  return (x < y) - (x > y);
}

static double
ms_since (gint64 start)
{
  return (double) (g_get_monotonic_time () - start) / 1000.0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

/* The value below which @q of the sorted @values fall (nearest rank). */
static double
percentile (GArray *values,
            double  q)
{
  guint rank;

  if (values->len == 0)
    return 0;
  rank = (guint) (q * values->len + 0.999999);
  rank = CLAMP (rank, 1, values->len);
  return g_array_index (values, double, rank - 1);
}

static const char *
verdict (double value,
         double target)
{
  return value < target ? _("ok") : _("MISSED");
}

static void
print_row (const char *label,
           const char *value,
           const char *note)
{
  printf ("  %-18s %-14s %s\n", label, value, note ? note : "");
  fflush (stdout);
}

static gboolean
bench_claims (PaStore  *store,
              guint     n_cases,
              guint     count,
              gboolean  one_transaction,
              double   *per_second,
              GError  **error)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (count);
  gint64 start = g_get_monotonic_time ();

  if (one_transaction && !pa_store_begin (store, error))
    return FALSE;
  for (guint i = 0; i < count; i++)
    {
      g_autoptr (PaClaim) claim = pa_claim_new ();

      claim->case_id = g_rand_int_range (rand, 1, (gint32) n_cases + 1);
      claim->framework = g_strdup ("passerelle");
      claim->item_uri = g_strdup_printf ("urn:passerelle:bench:%s:%u",
                                         one_transaction ? "batch" : "single", i);
      claim->label = g_strdup_printf ("Benchmark competence %u", i);
      if (!pa_store_claim_add (store, claim, "interview", NULL, error))
        {
          if (one_transaction)
            pa_store_rollback (store);
          return FALSE;
        }
    }
  if (one_transaction && !pa_store_commit (store, error))
    return FALSE;
  *per_second = count / ((double) (g_get_monotonic_time () - start) / G_USEC_PER_SEC);
  return TRUE;
}

static gint64
file_size (const char *path)
{
  GStatBuf st;
  return g_stat (path, &st) == 0 ? (gint64) st.st_size : 0;
}

static int
bench_store (PaCliGlobal  *global,
             int           argc,
             char        **argv)
{
  int n_cases = 10000;
  int n_queries = 200;
  gint64 seed = PA_DEMO_DEFAULT_SEED;
  gboolean keep = FALSE;
  gboolean verbose = FALSE;
  const GOptionEntry entries[] = {
    { "cases", 'n', 0, G_OPTION_ARG_INT, &n_cases, N_("How many cases to generate (default 10000)"), N_("N") },
    { "queries", 0, 0, G_OPTION_ARG_INT, &n_queries, N_("How many searches to time (default 200)"), N_("N") },
    { "seed", 0, 0, G_OPTION_ARG_INT64, &seed, N_("Seed of the generated cases"), N_("SEED") },
    { "keep", 0, 0, G_OPTION_ARG_NONE, &keep, N_("Keep the temporary store and print its path"), NULL },
    { "verbose", 'v', 0, G_OPTION_ARG_NONE, &verbose, N_("Also print the slowest searches"), NULL },
    { NULL }
  };
  g_autoptr (GOptionContext) context = g_option_context_new (NULL);
  g_autoptr (PaStore) store = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) searches = g_array_new (FALSE, FALSE, sizeof (Search));
  g_autoptr (GPtrArray) queries = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *size_text = NULL;
  const char *locale = setlocale (LC_COLLATE, NULL);
  double open_ms, list_ms, first_list_ms, p50, p95, batch_rate = 0, single_rate = 0;
  guint listed = 0, n_claims_before, n_claims;
  guint64 hits = 0;
  gint64 start, db_size;
  int status = PA_CLI_OK;
  gboolean all_ok;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _("Create a temporary store with N generated cases and "
                                           "time opening it, listing all cases, searching, and "
                                           "adding claims. Targets: open < 30 ms, list < 50 ms, "
                                           "search p95 < 10 ms."));
  if (!pa_cli_parse (context, "bench store", &argc, &argv, &status))
    return status;
  if (argc > 1)
    return pa_cli_usage_error ("bench store", _("Unexpected argument “%s”"), argv[1]);
  if (n_cases < 1 || n_cases > 1000000 || n_queries < 1 || n_queries > 100000)
    return pa_cli_usage_error ("bench store", "%s", _("--cases must be between 1 and 1000000 and "
                                                      "--queries between 1 and 100000"));

  dir = g_dir_make_tmp ("passerelle-bench-XXXXXX", &error);
  if (dir == NULL)
    return pa_cli_fail (error);
  path = g_build_filename (dir, "bench.db", NULL);

  {
    g_autofree char *seed_text = g_strdup_printf ("%" G_GINT64_FORMAT, seed);
    printf (_("bench store: %d cases (seed %s, collation locale %s)\n"), n_cases, seed_text,
            locale ? locale : "C");
  }

  store = pa_store_open (path, &error);
  if (store == NULL)
    goto fail;
  start = g_get_monotonic_time ();
  if (!pa_demo_generate (store, (guint) n_cases, (guint32) seed, &error))
    goto fail;
  {
    double ms = ms_since (start);
    g_autofree char *value = g_strdup_printf ("%.2f s", ms / 1000);
    g_autofree char *note = g_strdup_printf (_("%.0f cases/s, one transaction"), n_cases / (ms / 1000));
    print_row (_("generate"), value, note);
  }
  g_clear_object (&store);

  /* Opening: the first opening after generation, then the median of five. */
  for (int i = 0; i < 6; i++)
    {
      start = g_get_monotonic_time ();
      store = pa_store_open (path, &error);
      if (store == NULL)
        goto fail;
      {
        double ms = ms_since (start);
        g_array_append_val (times, ms);
      }
      if (i < 5)
        g_clear_object (&store);
    }
  g_array_sort (times, compare_doubles);
  open_ms = percentile (times, 0.5);
  text = g_strdup_printf ("%.2f ms", open_ms);
  {
    g_autofree char *note = g_strdup_printf (_("median of 6; target < 30 ms: %s"), verdict (open_ms, 30));
    print_row (_("open"), text, note);
  }
  g_array_set_size (times, 0);

  /* The first opening of the day also runs quick_check. */
  if (!pa_store_set_setting (store, "store.checked_at", "2000-01-01T00:00:00Z", &error))
    goto fail;
  g_clear_object (&store);
  start = g_get_monotonic_time ();
  store = pa_store_open (path, &error);
  if (store == NULL)
    goto fail;
  {
    double ms = ms_since (start);
    g_autofree char *value = g_strdup_printf ("%.2f ms", ms);
    print_row (_("open, daily check"), value, _("the first opening of a day runs quick_check"));
  }

  for (int i = 0; i < 5; i++)
    {
      g_autoptr (GPtrArray) cases = NULL;
      double ms;

      start = g_get_monotonic_time ();
      cases = pa_store_case_list (store, NULL, PA_CASE_FILTER_ACTIVE, &error);
      ms = ms_since (start);
      if (cases == NULL)
        goto fail;
      listed = cases->len;
      g_array_append_val (times, ms);
    }
  first_list_ms = g_array_index (times, double, 0);
  g_array_sort (times, compare_doubles);
  list_ms = percentile (times, 0.5);
  g_free (text);
  text = g_strdup_printf ("%.2f ms", list_ms);
  {
    g_autofree char *note = g_strdup_printf (_("%u cases, median of 5 (first %.2f ms); target "
                                               "< 50 ms: %s"),
                                             listed, first_list_ms, verdict (list_ms, 50));
    print_row (_("list all"), text, note);
  }
  g_array_set_size (times, 0);

  queries = pa_demo_search_queries ((guint) n_queries, (guint32) seed + 1);
  for (guint i = 0; i < queries->len; i++)
    {
      g_autoptr (GPtrArray) found = NULL;
      double ms;

      start = g_get_monotonic_time ();
      found = pa_store_case_list (store, g_ptr_array_index (queries, i), PA_CASE_FILTER_ACTIVE,
                                  &error);
      ms = ms_since (start);
      if (found == NULL)
        goto fail;
      hits += found->len;
      g_array_append_val (times, ms);
      {
        Search search = { g_ptr_array_index (queries, i), ms, found->len };
        g_array_append_val (searches, search);
      }
    }
  g_array_sort (times, compare_doubles);
  p50 = percentile (times, 0.5);
  p95 = percentile (times, 0.95);
  g_free (text);
  text = g_strdup_printf ("%.2f ms", p50);
  {
    g_autofree char *note = g_strdup_printf (_("%u queries, %.1f cases found on average"),
                                             queries->len, (double) hits / queries->len);
    print_row (_("search p50"), text, note);
  }
  if (verbose)
    {
      g_array_sort (searches, compare_searches);
      for (guint i = 0; i < MIN (searches->len, 10); i++)
        {
          Search *search = &g_array_index (searches, Search, i);
          printf ("    %8.2f ms %6u  “%s”\n", search->ms, search->hits, search->query);
        }
    }
  g_free (text);
  text = g_strdup_printf ("%.2f ms", p95);
  {
    g_autofree char *note = g_strdup_printf (_("max %.2f ms; target < 10 ms: %s"),
                                             g_array_index (times, double, times->len - 1),
                                             verdict (p95, 10));
    print_row (_("search p95"), text, note);
  }

  {
    g_autoptr (sqlite3_stmt) count = pa_store_prepare (store, "SELECT count(*) FROM claim", &error);
    if (count == NULL || sqlite3_step (count) != SQLITE_ROW)
      goto fail;
    n_claims_before = (guint) sqlite3_column_int (count, 0);
  }
  if (!bench_claims (store, (guint) n_cases, 5000, TRUE, &batch_rate, &error) ||
      !bench_claims (store, (guint) n_cases, 50, FALSE, &single_rate, &error))
    goto fail;
  n_claims = n_claims_before + 5050;
  g_free (text);
  text = g_strdup_printf ("%.0f/s", batch_rate);
  {
    g_autofree char *note = g_strdup_printf (_("5000 claims in one transaction; %.0f/s with one "
                                               "transaction (and sync to disk) each"), single_rate);
    print_row (_("claims inserted"), text, note);
  }

  if (!pa_store_exec (store, "PRAGMA wal_checkpoint(TRUNCATE)", &error))
    goto fail;
  db_size = file_size (path);
  size_text = g_format_size ((guint64) db_size);
  {
    g_autofree char *note = g_strdup_printf (_("%.1f kB per case; %u claims"),
                                             db_size / 1000.0 / n_cases, n_claims);
    print_row (_("database size"), size_text, note);
  }

  all_ok = open_ms < 30 && list_ms < 50 && p95 < 10;
  printf ("%s\n", all_ok ? _("All targets met.") : _("Some targets were missed."));

  g_clear_object (&store);
  if (keep)
    printf (_("The store is kept in %s\n"), path);
  else
    {
      g_autofree char *wal = g_strconcat (path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (path, "-shm", NULL);
      g_autofree char *backups = g_build_filename (dir, "backups", NULL);
      g_unlink (path);
      g_unlink (wal);
      g_unlink (shm);
      g_rmdir (backups);
      g_rmdir (dir);
    }
  return all_ok ? PA_CLI_OK : PA_CLI_FAILED;

fail:
  g_clear_object (&store);
  fprintf (stderr, _("The temporary store is left in %s\n"), dir);
  return pa_cli_fail (error);
}

static const BenchTarget targets[] = {
  { "store", "[--cases N] [--queries N] [--seed S] [--keep]",
    N_("Case store: open, list, search, claims per second, size"), bench_store },
  { "frameworks", "[--data DIR] [--queries N]",
    N_("ESCO import time and size, type-ahead search over every label"), pa_cli_bench_frameworks },
  { "match", "[--data DIR] [--cases N] [--people N]",
    N_("Mapping engine: graph build, one case, one vacancy against many cases"), pa_cli_bench_match },
  { "report", "[--count N]",
    N_("Reports: one certificate, a batch of certificates"), pa_cli_cmd_bench_report },
};

int
pa_cli_cmd_bench (PaCliGlobal  *global,
                  int           argc,
                  char        **argv)
{
  if (argc < 2 || g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h"))
    {
      FILE *out = argc < 2 ? stderr : stdout;
      fprintf (out, "%s\n", _("Usage:"));
      for (gsize i = 0; i < G_N_ELEMENTS (targets); i++)
        fprintf (out, "  passerelle-cli bench %s %s\n      %s\n", targets[i].name, targets[i].args,
                 _(targets[i].summary));
      return argc < 2 ? PA_CLI_USAGE : PA_CLI_OK;
    }
  for (gsize i = 0; i < G_N_ELEMENTS (targets); i++)
    if (g_str_equal (argv[1], targets[i].name))
      return targets[i].func (global, argc - 1, argv + 1);
  return pa_cli_usage_error ("bench", _("Unknown target “%s”"), argv[1]);
}
