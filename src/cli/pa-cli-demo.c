/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "passerelle-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "pa-cli.h"
#include "pa-demo.h"
#include "pa-store-cases.h"

/* demo: the demonstration centre, or generated cases for benchmarks. */

int
pa_cli_cmd_demo (PaCliGlobal  *global,
                 int           argc,
                 char        **argv)
{
  int count = 0;
  gint64 seed = PA_DEMO_DEFAULT_SEED;
  gboolean force = FALSE;
  const GOptionEntry entries[] = {
    { "count", 'n', 0, G_OPTION_ARG_INT, &count, N_("Generate N realistic cases instead of the "
      "twelve hand-written ones (for benchmarks)"), N_("N") },
    { "seed", 0, 0, G_OPTION_ARG_INT64, &seed, N_("Seed of the generated cases (the same seed "
      "gives the same cases)"), N_("SEED") },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force, N_("Add the demo cases even if the store already "
      "holds cases"), NULL },
    { NULL }
  };
  g_autoptr (GOptionContext) context = g_option_context_new (NULL);
  g_autoptr (PaStore) store = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  int status = PA_CLI_OK;
  gint64 start;
  guint before;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _("Fill a store with the demonstration centre: fictional "
                                           "participants with languages, experiences, competences "
                                           "at every stage, evidence, plans and a seminar. Without "
                                           "--db, the demo centre’s own file is used, never the "
                                           "centre’s store."));
  if (!pa_cli_parse (context, "demo", &argc, &argv, &status))
    return status;
  if (argc > 1)
    return pa_cli_usage_error ("demo", _("Unexpected argument “%s”"), argv[1]);
  if (count < 0 || count > 10000000)
    return pa_cli_usage_error ("demo", _("--count must be between 1 and 10000000"));
  if (seed < 0 || seed > G_MAXUINT32)
    return pa_cli_usage_error ("demo", _("--seed must be between 0 and %u"), G_MAXUINT32);

  /* Demo data never goes into the centre's real store by default. */
  path = global->db_path ? g_strdup (global->db_path) : pa_store_demo_path ();
  store = pa_store_open (path, &error);
  if (store == NULL)
    return pa_cli_fail (error);

  if (!force && !pa_demo_store_is_empty (store))
    {
      guint n = pa_store_case_count (store, PA_CASE_FILTER_ALL);
      fprintf (stderr, "passerelle-cli demo: ");
      fprintf (stderr, ngettext ("“%s” already holds %u case; demonstration cases go only into "
                                 "an empty store (use --force to add them anyway).\n",
                                 "“%s” already holds %u cases; demonstration cases go only into "
                                 "an empty store (use --force to add them anyway).\n", n),
               path, n);
      return PA_CLI_FAILED;
    }

  before = pa_store_case_count (store, PA_CASE_FILTER_ALL);
  start = g_get_monotonic_time ();
  if (!pa_demo_fill_full (store, (guint) count, (guint32) seed,
                          force ? PA_DEMO_FLAGS_FORCE : PA_DEMO_FLAGS_NONE, &error))
    return pa_cli_fail (error);

  {
    guint added = pa_store_case_count (store, PA_CASE_FILTER_ALL) - before;
    double seconds = (double) (g_get_monotonic_time () - start) / G_USEC_PER_SEC;

    printf (ngettext ("%s: %u demonstration case added in %.1f s.\n",
                      "%s: %u demonstration cases added in %.1f s.\n", added),
            path, added, seconds);
  }
  return PA_CLI_OK;
}
