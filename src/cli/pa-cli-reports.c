/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "passerelle-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>

#include "pa-cli.h"
#include "pa-demo.h"
#include "pa-document.h"
#include "pa-report-data.h"
#include "pa-store-cases.h"
#include "pa-store-records.h"

/* report portfolio|attendance|certificates|statistics: the reports drawn
 * from the case store. */

typedef struct
{
  char *output;
  char *lang;
  char *second;
  char *paper_name;
  char *seminar;
  char *from;
  char *to;
  PaPaper paper;
} ReportOptions;

static void
report_options_clear (ReportOptions *o)
{
  g_free (o->output);
  g_free (o->lang);
  g_free (o->second);
  g_free (o->paper_name);
  g_free (o->seminar);
  g_free (o->from);
  g_free (o->to);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ReportOptions, report_options_clear)

/* Parses the options every report shares, and @extra; FALSE with *status set
 * on a usage error. */
static gboolean
parse_report (const char      *command,
              const char      *parameter,
              const char      *summary,
              const GOptionEntry *extra,
              ReportOptions   *o,
              int             *argc,
              char          ***argv,
              guint            n_arguments,
              int             *status)
{
  g_autoptr (GOptionContext) context = g_option_context_new (parameter);
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &o->output, N_("Write the PDF to FILE"),
      N_("FILE") },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &o->lang, N_("Language of the report (default: fr)"),
      N_("CODE") },
    { "second-lang", 0, 0, G_OPTION_ARG_STRING, &o->second,
      N_("Second language, for a bilingual report"), N_("CODE") },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &o->paper_name, N_("Paper size: a4 or letter"),
      N_("SIZE") },
    { NULL }
  };

  o->paper = PA_PAPER_A4;
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (extra != NULL)
    g_option_context_add_main_entries (context, extra, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, summary);
  if (!pa_cli_parse (context, command, argc, argv, status))
    return FALSE;
  if (*argc < (int) n_arguments + 1)
    {
      *status = pa_cli_usage_error (command, "%s", n_arguments == 1
                                    ? _("Give one case number or code")
                                    : _("Missing argument"));
      return FALSE;
    }
  if (*argc > (int) n_arguments + 1)
    {
      *status = pa_cli_usage_error (command, _("Unexpected argument “%s”"),
                                    (*argv)[n_arguments + 1]);
      return FALSE;
    }
  if (o->output == NULL)
    {
      *status = pa_cli_usage_error (command, "%s", _("--output is required"));
      return FALSE;
    }
  if (o->paper_name != NULL && !pa_paper_from_string (o->paper_name, &o->paper))
    {
      *status = pa_cli_usage_error (command, _("Unknown paper size “%s”: use a4 or letter"),
                                    o->paper_name);
      return FALSE;
    }
  if (o->lang == NULL)
    o->lang = g_strdup ("fr");
  if (o->second != NULL && (*o->second == '\0' || g_str_equal (o->second, o->lang)))
    g_clear_pointer (&o->second, g_free);
  return TRUE;
}

static int
write_document (PaDocument  *document,
                const char  *output)
{
  g_autoptr (GError) error = NULL;

  if (!pa_document_write_pdf (document, output, NULL, NULL, NULL, &error))
    return pa_cli_fail (error);
  printf (ngettext ("%s: %d page\n", "%s: %d pages\n",
                    (gulong) pa_document_get_n_pages (document)),
          output, pa_document_get_n_pages (document));
  return PA_CLI_OK;
}

/* Returns: the seminar's id, or 0 after printing an error. */
static gint64
find_seminar (PaStore    *store,
              const char *text)
{
  g_autoptr (PaSeminar) seminar = NULL;
  g_autoptr (GError) error = NULL;
  char *end = NULL;
  gint64 id = g_ascii_strtoll (text, &end, 10);

  if (end == text || *end != '\0' || id <= 0 ||
      (seminar = pa_store_seminar_get (store, id, &error)) == NULL)
    {
      fprintf (stderr, "passerelle-cli: ");
      fprintf (stderr, _("There is no seminar “%s”.\n"), text);
      return 0;
    }
  return id;
}

static int
report_portfolio (PaCliGlobal  *global,
                  int           argc,
                  char        **argv)
{
  const char *command = "report portfolio";
  g_auto (ReportOptions) o = { 0 };
  g_autoptr (PaStore) store = NULL;
  g_autoptr (PaPortfolioData) data = NULL;
  g_autoptr (PaPageSetup) setup = NULL;
  g_autoptr (PaDocument) document = NULL;
  g_autoptr (GError) error = NULL;
  int status = PA_CLI_OK;
  gint64 case_id;

  if (!parse_report (command, _("CASE"),
                     _("Write the competence portfolio of a case: profile, languages, "
                       "education, experience, competences, matching occupations, action "
                       "plan."), NULL, &o, &argc, &argv, 1, &status))
    return status;
  store = pa_cli_open_store (global, &error);
  if (store == NULL)
    return pa_cli_fail (error);
  case_id = pa_store_case_find (store, argv[1]);
  if (case_id == 0)
    {
      fprintf (stderr, "passerelle-cli: ");
      fprintf (stderr, _("There is no case “%s”.\n"), argv[1]);
      return PA_CLI_FAILED;
    }
  data = pa_store_portfolio_build (store, case_id, o.lang, o.second, &error);
  if (data == NULL)
    return pa_cli_fail (error);
  setup = pa_page_setup_new (o.paper);
  document = pa_document_new_portfolio (data, setup);
  return write_document (document, o.output);
}

static int
report_attendance (PaCliGlobal  *global,
                   int           argc,
                   char        **argv)
{
  const char *command = "report attendance";
  g_auto (ReportOptions) o = { 0 };
  g_autoptr (PaStore) store = NULL;
  g_autoptr (PaAttendanceData) data = NULL;
  g_autoptr (PaPageSetup) setup = NULL;
  g_autoptr (PaDocument) document = NULL;
  g_autoptr (GError) error = NULL;
  int status = PA_CLI_OK;
  gint64 seminar_id;

  if (!parse_report (command, _("SEMINAR"),
                     _("Write the attendance sheet of a seminar: its participants and "
                       "sessions, with a box to sign for each."), NULL, &o, &argc, &argv, 1,
                     &status))
    return status;
  store = pa_cli_open_store (global, &error);
  if (store == NULL)
    return pa_cli_fail (error);
  seminar_id = find_seminar (store, argv[1]);
  if (seminar_id == 0)
    return PA_CLI_FAILED;
  data = pa_store_attendance_build (store, seminar_id, o.lang, &error);
  if (data == NULL)
    return pa_cli_fail (error);
  setup = pa_page_setup_new (o.paper);
  document = pa_document_new_attendance (data, setup);
  return write_document (document, o.output);
}

static int
report_certificates (PaCliGlobal  *global,
                     int           argc,
                     char        **argv)
{
  const char *command = "report certificates";
  g_auto (ReportOptions) o = { 0 };
  g_autoptr (PaStore) store = NULL;
  g_autoptr (GPtrArray) certificates = NULL;
  g_autoptr (PaPageSetup) setup = NULL;
  g_autoptr (PaDocument) document = NULL;
  g_autoptr (GError) error = NULL;
  int status = PA_CLI_OK;
  gint64 seminar_id;
  GOptionEntry extra[] = {
    { "seminar", 0, 0, G_OPTION_ARG_STRING, &o.seminar, N_("The seminar"), N_("ID") },
    { NULL }
  };

  if (!parse_report (command, NULL,
                     _("Write the certificates of every participant of a seminar who has "
                       "certified competences, one page each: the valid certificate in these "
                       "languages, or a new one issued."), extra, &o, &argc, &argv, 0,
                     &status))
    return status;
  if (o.seminar == NULL)
    return pa_cli_usage_error (command, "%s", _("--seminar is required"));
  store = pa_cli_open_store_for_writing (global, &error);
  if (store == NULL)
    return pa_cli_fail (error);
  seminar_id = find_seminar (store, o.seminar);
  if (seminar_id == 0)
    return PA_CLI_FAILED;
  certificates = pa_store_seminar_certificates (store, seminar_id, o.lang, o.second, NULL, NULL,
                                                NULL, &error);
  if (certificates == NULL)
    return pa_cli_fail (error);
  setup = pa_page_setup_new (o.paper);
  document = pa_document_new_certificates (certificates, setup, NULL, NULL, NULL, &error);
  if (document == NULL)
    return pa_cli_fail (error);
  return write_document (document, o.output);
}

static int
report_statistics (PaCliGlobal  *global,
                   int           argc,
                   char        **argv)
{
  const char *command = "report statistics";
  g_auto (ReportOptions) o = { 0 };
  g_autoptr (PaStore) store = NULL;
  g_autoptr (PaStatistics) stats = NULL;
  g_autoptr (PaPageSetup) setup = NULL;
  g_autoptr (PaDocument) document = NULL;
  g_autoptr (GError) error = NULL;
  int status = PA_CLI_OK;
  GDate from, to;
  GOptionEntry extra[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &o.from, N_("First day of the period"),
      N_("YYYY-MM-DD") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &o.to, N_("Last day of the period"), N_("YYYY-MM-DD") },
    { NULL }
  };

  if (!parse_report (command, NULL,
                     _("Write anonymous statistics of the centre's activity over a period, "
                       "for funders: participants by country, gender and age, competences by "
                       "stage, certificates, occupations matched."), extra, &o, &argc, &argv, 0,
                     &status))
    return status;
  if (o.from == NULL || o.to == NULL)
    return pa_cli_usage_error (command, "%s", _("--from and --to are required"));
  if (!pa_parse_report_date (o.from, &from) || !pa_parse_report_date (o.to, &to))
    {
      fprintf (stderr, "passerelle-cli: ");
      fprintf (stderr, _("“%s” is not a date: write it as YYYY-MM-DD.\n"),
               pa_parse_report_date (o.from, &from) ? o.to : o.from);
      return PA_CLI_FAILED;
    }
  store = pa_cli_open_store (global, &error);
  if (store == NULL)
    return pa_cli_fail (error);
  stats = pa_store_statistics_build (store, &from, &to, o.lang, &error);
  if (stats == NULL)
    return pa_cli_fail (error);
  setup = pa_page_setup_new (o.paper);
  document = pa_document_new_statistics (stats, setup);
  return write_document (document, o.output);
}

/* Returns: TRUE when @name is one of these reports, with *status set. */
gboolean
pa_cli_report_from_store (PaCliGlobal  *global,
                          const char   *name,
                          int           argc,
                          char        **argv,
                          int          *status)
{
  if (g_str_equal (name, "portfolio"))
    *status = report_portfolio (global, argc, argv);
  else if (g_str_equal (name, "attendance"))
    *status = report_attendance (global, argc, argv);
  else if (g_str_equal (name, "certificates"))
    *status = report_certificates (global, argc, argv);
  else if (g_str_equal (name, "statistics"))
    *status = report_statistics (global, argc, argv);
  else
    return FALSE;
  return TRUE;
}

/* bench report, from the store */

/* Removes the benchmark's folder and what it holds. */
static void
remove_tree (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

/* A case with enough in it for a portfolio of about 30 pages. */
static gint64
make_big_case (PaStore  *store,
               GError  **error)
{
  g_autoptr (PaCase) kase = pa_case_new ();

  pa_case_set_given_name (kase, "Nour al-Huda");
  pa_case_set_family_name (kase, "Abd al-Rahman Al-Khatib Hassan-Mahmoudi Haddadi");
  pa_case_set_birth_year (kase, 1988);
  pa_case_set_origin_country (kase, "SY");
  if (!pa_store_case_create (store, kase, error) || !pa_store_begin (store, error))
    return 0;
  for (guint i = 0; i < 60; i++)
    {
      g_autoptr (PaExperience) e = pa_experience_new ();

      e->case_id = pa_case_get_id (kase);
      e->title = g_strdup_printf ("Workshop technician, position %u", i + 1);
      e->organisation = g_strdup ("Textile workshop Al-Nour");
      e->country = g_strdup (i % 2 ? "SY" : "TR");
      e->place = g_strdup (i % 2 ? "Homs" : "Gaziantep");
      e->start_date = g_strdup_printf ("%04u-03", 1990 + i / 2);
      e->end_date = g_strdup_printf ("%04u-11", 1990 + i / 2);
      e->tasks = g_strdup ("Maintained the looms and sewing machines, trained apprentices, "
                           "ordered spare parts and kept the workshop's accounts up to date.");
      if (!pa_store_experience_add (store, e, error))
        goto fail;
    }
  for (guint i = 0; i < 520; i++)
    {
      g_autoptr (PaClaim) claim = pa_claim_new ();

      claim->case_id = pa_case_get_id (kase);
      claim->framework = g_strdup (i % 3 == 0 ? "esco" : i % 3 == 1 ? "digcomp" : "passerelle");
      claim->item_uri = g_strdup_printf ("urn:passerelle:bench:skill:%u", i);
      claim->label = g_strdup_printf ("Competence %u: maintain and repair industrial sewing "
                                      "machines of several makes", i + 1);
      if (!pa_store_claim_add (store, claim, NULL, NULL, error))
        goto fail;
    }
  if (!pa_store_commit (store, error))
    goto fail;
  return pa_case_get_id (kase);

fail:
  pa_store_rollback (store);
  return 0;
}

/**
 * pa_cli_bench_reports_from_store:
 * @n_cases: cases to generate for the statistics; 0 to leave them out
 *
 * Prints the time of a portfolio of about 30 pages, and of the statistics
 * over @n_cases generated cases, each gathered from a store and written.
 */
int
pa_cli_bench_reports_from_store (int n_cases)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PaStore) store = NULL;
  g_autoptr (PaPageSetup) setup = pa_page_setup_new (PA_PAPER_A4);
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *pdf = NULL;
  gint64 case_id, start;
  int status = PA_CLI_OK;

  dir = g_dir_make_tmp ("passerelle-bench-XXXXXX", &error);
  if (dir == NULL)
    return pa_cli_fail (error);
  path = g_build_filename (dir, "bench.db", NULL);
  pdf = g_build_filename (dir, "report.pdf", NULL);
  store = pa_store_open (path, &error);
  if (store == NULL || (case_id = make_big_case (store, &error)) == 0)
    {
      status = pa_cli_fail (error);
      goto out;
    }

  for (int run = 0; run < 2; run++)
    {
      g_autoptr (PaPortfolioData) data = NULL;
      g_autoptr (PaDocument) document = NULL;
      double gather_ms;

      start = g_get_monotonic_time ();
      data = pa_store_portfolio_build (store, case_id, "fr", NULL, &error);
      if (data == NULL)
        {
          status = pa_cli_fail (error);
          goto out;
        }
      gather_ms = ms_since (start);
      document = pa_document_new_portfolio (data, setup);
      if (!pa_document_write_pdf (document, pdf, NULL, NULL, NULL, &error))
        {
          status = pa_cli_fail (error);
          goto out;
        }
      printf ("portfolio of %d pages (%u competences, %u experiences)%s: %.0f ms "
              "(gathering from the store: %.0f ms)\n",
              pa_document_get_n_pages (document), data->competences->len,
              data->experiences->len, run == 0 ? ", first" : ", again", ms_since (start),
              gather_ms);
    }

  if (n_cases > 0)
    {
      g_autoptr (PaStatistics) stats = NULL;
      g_autoptr (PaDocument) document = NULL;
      GDate from, to;

      start = g_get_monotonic_time ();
      if (!pa_demo_fill_full (store, (guint) n_cases, 20251006, PA_DEMO_FLAGS_FORCE, &error))
        {
          status = pa_cli_fail (error);
          goto out;
        }
      printf ("(%d cases generated for the statistics in %.1f s)\n", n_cases,
              ms_since (start) / 1000);
      g_date_set_dmy (&from, 1, G_DATE_JANUARY, 2000);
      g_date_set_dmy (&to, 31, G_DATE_DECEMBER, 2099);
      start = g_get_monotonic_time ();
      stats = pa_store_statistics_build (store, &from, &to, "fr", &error);
      if (stats == NULL)
        {
          status = pa_cli_fail (error);
          goto out;
        }
      document = pa_document_new_statistics (stats, setup);
      if (!pa_document_write_pdf (document, pdf, NULL, NULL, NULL, &error))
        {
          status = pa_cli_fail (error);
          goto out;
        }
      printf ("statistics over %u cases, %d pages: %.0f ms\n", stats->n_participants,
              pa_document_get_n_pages (document), ms_since (start));
    }

out:
  g_clear_object (&store);
  remove_tree (dir);
  return status;
}
