/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "passerelle-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <stdlib.h>

#include "pa-cli.h"
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
