/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "passerelle-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>

#include "pa-cli.h"
#include "pa-report-i18n.h"

static const PaCliCommand commands[] = {
  { "init", "", N_("Create the case store if it does not exist"), pa_cli_cmd_init },
  { "check", "", N_("Check the case store for damage"), pa_cli_cmd_check },
  { "backup", "OUT", N_("Copy the case store to the file OUT"), pa_cli_cmd_backup },
  { "restore", "IN", N_("Replace the case store with the backup IN"), pa_cli_cmd_restore },
  { "backups", "[--format tsv|json]", N_("List the automatic backups of the case store, newest first"), pa_cli_cmd_backups },
  { "cases", "[--search TEXT] [--trash] [--format tsv|json]", N_("List the cases"), pa_cli_cmd_cases },
  { "case", "add|show|rename|trash|restore|purge …", N_("Create, show and change one case"), pa_cli_cmd_case },
  { "report", "certificate|portfolio|attendance|certificates|statistics … -o OUT.pdf [--lang L] [--second-lang L] [--paper a4|letter]", N_("Write a report as PDF: a case's certificate or portfolio, a seminar's attendance sheet or certificates, statistics"), pa_cli_cmd_report },
  { "certificate", "list CASE | show|print NUMBER | revoke NUMBER --reason TEXT", N_("The certificates issued, and their revocation"), pa_cli_cmd_certificate },
  { "report-sample", "certificate|bench …", N_("Write a sample report from fictional data"), pa_cli_cmd_report_sample },
  { "suggest", "CASE [--reject URI] [--format tsv|json]", N_("Suggest competences from a case's experiences"), pa_cli_cmd_suggest },
  { "match", "CASE [--limit N] [--region R] [--format tsv|json]", N_("Rank occupations for a case, explained"), pa_cli_cmd_match },
  { "match-skills", "URI… [--limit N] [--format tsv|json]", N_("Rank occupations for a set of skills"), pa_cli_cmd_match_skills },
  { "gaps", "CASE --occupation URI [--add-to-plan]", N_("Missing skills for a target occupation, with modules"), pa_cli_cmd_gaps },
  { "cohort", "SEMINAR [--format tsv|json]", N_("Competences and matches of a seminar group"), pa_cli_cmd_cohort },
  { "seminars", "[--format tsv|json]", N_("List the seminars"), pa_cli_cmd_seminars },
  { "seminar", "show ID [--format tsv|json]", N_("Show a seminar, its sessions and attendance"), pa_cli_cmd_seminar },
  { "vacancy", "match FILE|ID | import FILE | list", N_("Vacancy profiles and the participants who fit them"), pa_cli_cmd_vacancy },
  { "vacancies", "", N_("List the open vacancy profiles"), pa_cli_cmd_vacancies },
  { "catalogue", "import|export FILE | list", N_("The training catalogue as XML"), pa_cli_cmd_catalogue },
  { "shortage", "import FILE [--region R] | show R | use R | regions", N_("Regional shortage occupation lists"), pa_cli_cmd_shortage },
  { "esco", "import PATH [--languages en,fr,…]", N_("Import ESCO from its CSV download (folder or ZIP)"), pa_cli_cmd_esco },
  { "frameworks", "list [--format tsv|json]", N_("List the competence frameworks"), pa_cli_cmd_frameworks },
  { "skills", "search TEXT [--lang L] [--limit N]", N_("Find skills by label, in any language"), pa_cli_cmd_skills },
  { "occupations", "search TEXT [--lang L] [--limit N]", N_("Find occupations by label or ISCO code"), pa_cli_cmd_occupations },
  { "skill", "show URI [--lang L]", N_("Show a skill and the occupations needing it"), pa_cli_cmd_skill },
  { "occupation", "show URI [--lang L]", N_("Show an occupation and its essential and optional skills"), pa_cli_cmd_occupation },
  { "demo", "[--count N] [--seed S] [--force]", N_("Fill an empty store with the demonstration centre"), pa_cli_cmd_demo },
  { "bench", "store|frameworks|match|report …", N_("Measure the speed of the application"), pa_cli_cmd_bench },
};

static void
print_help (FILE *out)
{
  fprintf (out, "%s\n  passerelle-cli [--db FILE] COMMAND [ARGS…]\n\n", _("Usage:"));
  fprintf (out, "%s\n", _("Commands:"));
  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *usage = g_strdup_printf ("%s %s", commands[i].name, commands[i].args);
      fprintf (out, "  %-52s %s\n", usage, _(commands[i].summary));
    }
  fprintf (out, "\n%s\n", _("Options:"));
  fprintf (out, "  --db FILE   %s\n", _("Use the case store FILE (default: $PASSERELLE_DB, else the centre’s store)"));
  fprintf (out, "  --help      %s\n", _("Show this help; “COMMAND --help” shows a command’s options"));
  fprintf (out, "  --version   %s\n", _("Show the version"));
}

int
main (int   argc,
      char *argv[])
{
  PaCliGlobal global = { 0 };
  int i = 1;

  setlocale (LC_ALL, "");
  /* As the interface: $PASSERELLE_LOCALEDIR in an uninstalled build. */
  pa_i18n_bind_textdomain ();

  for (; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--db"))
        {
          if (i + 1 >= argc)
            return pa_cli_usage_error (NULL, "%s", _("--db needs a file name"));
          global.db_path = argv[++i];
        }
      else if (g_str_has_prefix (argv[i], "--db="))
        global.db_path = argv[i] + strlen ("--db=");
      else if (g_str_equal (argv[i], "--help") || g_str_equal (argv[i], "-h"))
        {
          print_help (stdout);
          return PA_CLI_OK;
        }
      else if (g_str_equal (argv[i], "--version"))
        {
          printf ("passerelle-cli %s\n", PACKAGE_VERSION);
          return PA_CLI_OK;
        }
      else if (argv[i][0] == '-')
        return pa_cli_usage_error (NULL, _("Unknown option “%s”"), argv[i]);
      else
        break;
    }

  if (i >= argc)
    {
      print_help (stderr);
      return PA_CLI_USAGE;
    }

  for (gsize c = 0; c < G_N_ELEMENTS (commands); c++)
    if (g_str_equal (argv[i], commands[c].name))
      return commands[c].func (&global, argc - i, argv + i);

  return pa_cli_usage_error (NULL, _("Unknown command “%s”"), argv[i]);
}
