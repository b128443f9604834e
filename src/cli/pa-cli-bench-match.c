/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "passerelle-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>

#include "pa-bench-util.h"
#include "pa-cli.h"
#include "pa-esco-import.h"
#include "pa-mapper-store.h"

/* bench match: the mapping engine on the real ESCO graph. Prints the time to
 * build the graph from the store, one case against every occupation over
 * generated realistic cases, one vacancy against many cases, and peak RSS. */

/* A realistic person: most essential skills of one occupation, some of its
 * optional ones, a few unrelated skills, at mixed stages. */
static void
generate_person (PaMapper *mapper,
                 GRand    *rand,
                 GArray   *claims)
{
  guint n_occ = pa_mapper_get_n_occupations (mapper);
  guint n_skills = pa_mapper_get_n_skills (mapper);
  guint occ = g_rand_int_range (rand, 0, n_occ);
  guint n_ess, n_opt;
  const guint *ess = pa_mapper_get_essential (mapper, occ, &n_ess);
  const guint *opt = pa_mapper_get_optional (mapper, occ, &n_opt);
  double keep = g_rand_double_range (rand, 0.4, 0.9);
  guint extra = g_rand_int_range (rand, 0, 6);

  for (guint k = 0; k < n_ess; k++)
    if (g_rand_double (rand) < keep)
      g_array_append_val (claims, ((PaMapperClaim) { ess[k], g_rand_int_range (rand, 1, 5), 1.0 }));
  for (guint k = 0; k < n_opt; k++)
    if (g_rand_double (rand) < 0.25)
      g_array_append_val (claims, ((PaMapperClaim) { opt[k], g_rand_int_range (rand, 1, 5), 1.0 }));
  for (guint k = 0; k < extra; k++)
    g_array_append_val (claims, ((PaMapperClaim) { g_rand_int_range (rand, 0, n_skills), 1, 1.0 }));
}

int
pa_cli_bench_match (PaCliGlobal  *global,
                    int           argc,
                    char        **argv)
{
  g_autofree char *data = NULL;
  int n_cases = 1000;
  int n_people = 10000;
  const GOptionEntry entries[] = {
    { "data", 0, 0, G_OPTION_ARG_FILENAME, &data, N_("Folder of the ESCO release to import when the store has none (default ../shared/data/esco/v1.1.1/en)"), N_("DIR") },
    { "cases", 0, 0, G_OPTION_ARG_INT, &n_cases, N_("Cases matched one by one (default 1000)"), N_("N") },
    { "people", 0, 0, G_OPTION_ARG_INT, &n_people, N_("Cases a vacancy is matched against (default 10000)"), N_("N") },
    { NULL }
  };
  g_autoptr (GOptionContext) context = g_option_context_new (NULL);
  g_autoptr (PaStore) store = NULL;
  g_autoptr (PaMapper) mapper = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) vacancy_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GRand) rand = g_rand_new_with_seed (20261123);
  g_autofree char *tmpdir = NULL;
  g_autofree char *path = NULL;
  int status = PA_CLI_OK;
  double t0, build_ms;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _("Measure the mapping engine on the real ESCO graph."));
  if (!pa_cli_parse (context, "bench match", &argc, &argv, &status))
    return status;
  if (n_cases < 1 || n_people < 1)
    return pa_cli_usage_error ("bench match", "%s", _("--cases and --people must be positive"));

  if (global->db_path != NULL)
    path = g_strdup (global->db_path);
  else
    {
      tmpdir = g_dir_make_tmp ("passerelle-bench-XXXXXX", &error);
      if (tmpdir == NULL)
        return pa_cli_fail (error);
      path = g_build_filename (tmpdir, "bench.db", NULL);
    }
  store = pa_store_open (path, &error);
  if (store == NULL)
    return pa_cli_fail (error);

  t0 = pa_bench_now ();
  mapper = pa_mapper_new_from_store (store, &error);
  if (mapper == NULL)
    return pa_cli_fail (error);
  if (pa_mapper_get_n_occupations (mapper) == 0)
    {
      g_autoptr (PaEscoImportReport) report = NULL;
      const char *release = data ? data : "../shared/data/esco/v1.1.1/en";

      report = pa_esco_import (store, release, NULL, NULL, NULL, NULL, &error);
      if (report == NULL)
        return pa_cli_fail (error);
      g_clear_object (&mapper);
      t0 = pa_bench_now ();
      mapper = pa_mapper_new_from_store (store, &error);
      if (mapper == NULL)
        return pa_cli_fail (error);
    }
  build_ms = (pa_bench_now () - t0) * 1000.0;

  for (int i = 0; i < n_cases; i++)
    {
      g_autoptr (GArray) claims = g_array_new (FALSE, FALSE, sizeof (PaMapperClaim));
      g_autoptr (GPtrArray) matches = NULL;
      double start;

      generate_person (mapper, rand, claims);
      start = pa_bench_cpu_now ();
      matches = pa_mapper_match (mapper, (PaMapperClaim *) (gpointer) claims->data, claims->len, 20);
      g_array_append_val (times, ((double) { (pa_bench_cpu_now () - start) * 1000.0 }));
    }

  {
    g_autoptr (GArray) people = g_array_new (FALSE, FALSE, sizeof (PaMapperPerson));
    g_autoptr (GArray) claims = g_array_new (FALSE, FALSE, sizeof (PaMapperClaim));

    for (int p = 0; p < n_people; p++)
      {
        PaMapperPerson person = { p + 1, claims->len, 0 };
        generate_person (mapper, rand, claims);
        person.n_claims = claims->len - person.first_claim;
        g_array_append_val (people, person);
      }
    for (int v = 0; v < 20; v++)
      {
        guint occ = g_rand_int_range (rand, 0, pa_mapper_get_n_occupations (mapper));
        guint n_req, n_nice;
        const guint *req = pa_mapper_get_essential (mapper, occ, &n_req);
        const guint *nice = pa_mapper_get_optional (mapper, occ, &n_nice);
        g_autoptr (GPtrArray) ranked = NULL;
        double start = pa_bench_cpu_now ();

        ranked = pa_mapper_match_people (mapper, req, n_req, nice, n_nice,
                                         (PaMapperPerson *) (gpointer) people->data, people->len,
                                         (PaMapperClaim *) (gpointer) claims->data, 50);
        g_array_append_val (vacancy_times, ((double) { (pa_bench_cpu_now () - start) * 1000.0 }));
      }
    printf ("graph: %u occupations, %u skills\n", pa_mapper_get_n_occupations (mapper),
            pa_mapper_get_n_skills (mapper));
    printf ("build from store: %.1f ms (target < 500 ms)\n", build_ms);
    printf ("one case against all occupations, %d generated cases: p50 %.3f ms, p95 %.3f ms, "
            "max %.3f ms (target p95 < 1 ms)\n", n_cases, pa_bench_percentile (times, 0.50),
            pa_bench_percentile (times, 0.95), pa_bench_max (times));
    printf ("one vacancy against %d cases (%u claims), 20 vacancies: p50 %.1f ms, max %.1f ms "
            "(target < 20 ms)\n", n_people, claims->len, pa_bench_percentile (vacancy_times, 0.5),
            pa_bench_max (vacancy_times));
    printf ("peak RSS: %ld MB\n", pa_bench_peak_rss_mb ());
  }

  g_clear_object (&store);
  if (tmpdir != NULL)
    {
      g_autofree char *wal = g_strconcat (path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (path, "-shm", NULL);
      g_unlink (path);
      g_unlink (wal);
      g_unlink (shm);
      g_rmdir (tmpdir);
    }
  return PA_CLI_OK;
}
