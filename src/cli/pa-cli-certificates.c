/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "passerelle-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "pa-certificate.h"
#include "pa-certificates.h"
#include "pa-cli.h"
#include "pa-store-cases.h"

/* report certificate, certificate list|show|print|revoke: certificates
 * issued from the case store. */

static gint64
find_case (PaStore    *store,
           const char *command,
           const char *id_or_code,
           int        *status)
{
  gint64 id = pa_store_case_find (store, id_or_code);

  if (id == 0)
    {
      fprintf (stderr, "passerelle-cli %s: ", command);
      fprintf (stderr, _("There is no case “%s”.\n"), id_or_code);
      *status = PA_CLI_FAILED;
    }
  return id;
}

static gboolean
write_issued (PaStore                    *store,
              const PaIssuedCertificate  *issued,
              const char                 *output,
              PaPaper                     paper,
              GError                    **error)
{
  g_autoptr (PaCertificateData) data = pa_store_certificate_get_data (store, issued, error);

  return data != NULL && pa_certificate_write_pdf (data, output, paper, error);
}

static int
report_certificate (PaCliGlobal  *global,
                    int           argc,
                    char        **argv)
{
  const char *command = "report certificate";
  g_autoptr (GOptionContext) context = g_option_context_new (_("CASE"));
  g_autoptr (PaStore) store = NULL;
  g_autoptr (PaIssuedCertificate) issued = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *output = NULL;
  g_autofree char *lang = NULL;
  g_autofree char *second = NULL;
  g_autofree char *paper_name = NULL;
  gboolean reissue = FALSE;
  PaPaper paper = PA_PAPER_A4;
  int status = PA_CLI_OK;
  gint64 case_id;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write the PDF to FILE"), N_("FILE") },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang,
      N_("Language of the certificate (default: the centre’s report language, else fr)"),
      N_("CODE") },
    { "second-lang", 0, 0, G_OPTION_ARG_STRING, &second,
      N_("Second language, for a bilingual certificate (default: the centre’s second report "
         "language; “none” for a certificate in one language)"), N_("CODE") },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &paper_name, N_("Paper size: a4 or letter"),
      N_("SIZE") },
    { "reissue", 0, 0, G_OPTION_ARG_NONE, &reissue,
      N_("Issue a new certificate even if one in these languages is valid"), NULL },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Issue the certificate of the case’s certified competences "
                                  "and write it as PDF; print again the valid one in these "
                                  "languages if there is one. Prints the certificate number."));
  if (!pa_cli_parse (context, command, &argc, &argv, &status))
    return status;
  if (argc < 2)
    return pa_cli_usage_error (command, "%s", _("Which case? Give its number or code"));
  if (argc > 2)
    return pa_cli_usage_error (command, _("Unexpected argument “%s”"), argv[2]);
  if (output == NULL)
    return pa_cli_usage_error (command, "%s", _("--output is required"));
  if (paper_name != NULL && !pa_paper_from_string (paper_name, &paper))
    return pa_cli_usage_error (command, _("Unknown paper size “%s”: use a4 or letter"),
                               paper_name);

  store = pa_cli_open_store_for_writing (global, &error);
  if (store == NULL)
    return pa_cli_fail (error);
  /* The centre's default report languages (Preferences, Language). */
  if (lang == NULL)
    lang = pa_store_get_setting (store, "report.language");
  if (lang == NULL || *lang == '\0')
    {
      g_free (lang);
      lang = g_strdup ("fr");
    }
  if (second == NULL)
    second = pa_store_get_setting (store, "report.second-language");
  if (second != NULL && (*second == '\0' || g_str_equal (second, "none")))
    g_clear_pointer (&second, g_free);
  case_id = find_case (store, command, argv[1], &status);
  if (case_id == 0)
    return status;

  if (!reissue)
    {
      issued = pa_store_certificate_find_latest (store, case_id, lang, second, &error);
      if (issued == NULL && error != NULL)
        return pa_cli_fail (error);
    }
  if (issued == NULL)
    issued = pa_store_certificate_issue (store, case_id, lang, second, &error);
  if (issued == NULL)
    return pa_cli_fail (error);
  if (!write_issued (store, issued, output, paper, &error))
    return pa_cli_fail (error);
  printf ("%s\n", issued->number);
  return PA_CLI_OK;
}

int
pa_cli_cmd_report (PaCliGlobal  *global,
                   int           argc,
                   char        **argv)
{
  int status = PA_CLI_OK;

  if (argc < 2 || g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h"))
    {
      FILE *out = argc < 2 ? stderr : stdout;

      fprintf (out, "%s\n  passerelle-cli report certificate CASE -o OUT.pdf [--lang CODE] "
               "[--second-lang CODE] [--paper a4|letter] [--reissue]\n"
               "  passerelle-cli report portfolio CASE -o OUT.pdf [--lang CODE] "
               "[--second-lang CODE] [--paper a4|letter]\n"
               "  passerelle-cli report attendance SEMINAR -o OUT.pdf [--lang CODE] "
               "[--paper a4|letter]\n"
               "  passerelle-cli report certificates --seminar ID -o OUT.pdf [--lang CODE] "
               "[--second-lang CODE] [--paper a4|letter]\n"
               "  passerelle-cli report statistics --from YYYY-MM-DD --to YYYY-MM-DD -o OUT.pdf "
               "[--lang CODE] [--paper a4|letter]\n", _("Usage:"));
      return argc < 2 ? PA_CLI_USAGE : PA_CLI_OK;
    }
  if (g_str_equal (argv[1], "certificate"))
    return report_certificate (global, argc - 1, argv + 1);
  if (pa_cli_report_from_store (global, argv[1], argc - 1, argv + 1, &status))
    return status;
  return pa_cli_usage_error ("report", _("Unknown report “%s”"), argv[1]);
}

static const char *
status_label (const PaIssuedCertificate *issued)
{
  return issued->revoked_on != NULL ? _("revoked") : _("valid");
}

static int
certificate_list (PaCliGlobal  *global,
                  int           argc,
                  char        **argv)
{
  const char *command = "certificate list";
  g_autoptr (GOptionContext) context = g_option_context_new (_("CASE"));
  g_autoptr (PaStore) store = NULL;
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (GError) error = NULL;
  int status = PA_CLI_OK;
  gint64 case_id;

  g_option_context_set_summary (context, _("List the case’s certificates, oldest first: "
                                           "number, date, languages, status."));
  if (!pa_cli_parse (context, command, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return pa_cli_usage_error (command, "%s", _("Give one case number or code"));

  store = pa_cli_open_store (global, &error);
  if (store == NULL)
    return pa_cli_fail (error);
  case_id = find_case (store, command, argv[1], &status);
  if (case_id == 0)
    return status;
  list = pa_store_certificate_list_for_case (store, case_id, &error);
  if (list == NULL)
    return pa_cli_fail (error);
  for (guint i = 0; i < list->len; i++)
    {
      PaIssuedCertificate *issued = list->pdata[i];

      printf ("%s\t%s\t%s%s%s\t%s\n", issued->number, issued->issued_on, issued->language,
              issued->second_language ? "+" : "",
              issued->second_language ? issued->second_language : "", status_label (issued));
    }
  return PA_CLI_OK;
}

static int
certificate_show (PaCliGlobal  *global,
                  int           argc,
                  char        **argv)
{
  const char *command = "certificate show";
  g_autoptr (GOptionContext) context = g_option_context_new (_("NUMBER"));
  g_autoptr (PaStore) store = NULL;
  g_autoptr (PaIssuedCertificate) issued = NULL;
  g_autoptr (PaCertificateData) data = NULL;
  g_autoptr (GError) error = NULL;
  int status = PA_CLI_OK;

  g_option_context_set_summary (context, _("Show what a certificate states and whether it "
                                           "is valid."));
  if (!pa_cli_parse (context, command, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return pa_cli_usage_error (command, "%s", _("Give one certificate number"));

  store = pa_cli_open_store (global, &error);
  if (store == NULL)
    return pa_cli_fail (error);
  issued = pa_store_certificate_get (store, argv[1], &error);
  if (issued == NULL)
    return pa_cli_fail (error);
  data = pa_issued_certificate_get_data (issued, &error);
  if (data == NULL)
    return pa_cli_fail (error);

  printf ("%s: %s\n", _("Number"), issued->number);
  printf ("%s: %s\n", _("Issued on"), issued->issued_on);
  printf ("%s: %s%s%s\n", _("Languages"), issued->language,
          issued->second_language ? "+" : "",
          issued->second_language ? issued->second_language : "");
  printf ("%s: %s\n", _("Participant"), data->participant_name);
  printf ("%s: %s\n", _("Centre"), data->centre_name);
  printf ("%s: %s\n", _("Signatory"), data->signatory_name);
  printf ("%s: %s\n", _("Digest"), issued->digest);
  if (issued->revoked_on != NULL)
    printf ("%s: %s — %s\n", _("Revoked"), issued->revoked_on,
            issued->revoked_reason ? issued->revoked_reason : "");
  else
    printf ("%s: %s\n", _("Status"), status_label (issued));
  printf ("%s:\n", _("Competences"));
  for (guint i = 0; i < data->competences->len; i++)
    {
      PaCertificateCompetence *c = data->competences->pdata[i];

      printf ("  %s\t%s\t%s\t%s\n", c->label, c->framework ? c->framework : "",
              c->level ? c->level : "", c->method ? c->method : "");
    }
  return PA_CLI_OK;
}

static int
certificate_print (PaCliGlobal  *global,
                   int           argc,
                   char        **argv)
{
  const char *command = "certificate print";
  g_autoptr (GOptionContext) context = g_option_context_new (_("NUMBER"));
  g_autoptr (PaStore) store = NULL;
  g_autoptr (PaIssuedCertificate) issued = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *output = NULL;
  g_autofree char *paper_name = NULL;
  PaPaper paper = PA_PAPER_A4;
  int status = PA_CLI_OK;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write the PDF to FILE"), N_("FILE") },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &paper_name, N_("Paper size: a4 or letter"),
      N_("SIZE") },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _("Print an issued certificate again, exactly as it "
                                           "was issued; a revoked one is marked as revoked."));
  if (!pa_cli_parse (context, command, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return pa_cli_usage_error (command, "%s", _("Give one certificate number"));
  if (output == NULL)
    return pa_cli_usage_error (command, "%s", _("--output is required"));
  if (paper_name != NULL && !pa_paper_from_string (paper_name, &paper))
    return pa_cli_usage_error (command, _("Unknown paper size “%s”: use a4 or letter"),
                               paper_name);

  store = pa_cli_open_store (global, &error);
  if (store == NULL)
    return pa_cli_fail (error);
  issued = pa_store_certificate_get (store, argv[1], &error);
  if (issued == NULL || !write_issued (store, issued, output, paper, &error))
    return pa_cli_fail (error);
  return PA_CLI_OK;
}

static int
certificate_revoke (PaCliGlobal  *global,
                    int           argc,
                    char        **argv)
{
  const char *command = "certificate revoke";
  g_autoptr (GOptionContext) context = g_option_context_new (_("NUMBER"));
  g_autoptr (PaStore) store = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *reason = NULL;
  int status = PA_CLI_OK;
  GOptionEntry entries[] = {
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason,
      N_("Why it is no longer valid (printed on it from now on)"), N_("TEXT") },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _("Revoke a certificate: it stays on record and "
                                           "prints as revoked."));
  if (!pa_cli_parse (context, command, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return pa_cli_usage_error (command, "%s", _("Give one certificate number"));
  if (reason == NULL)
    return pa_cli_usage_error (command, "%s", _("--reason is required"));

  store = pa_cli_open_store_for_writing (global, &error);
  if (store == NULL || !pa_store_certificate_revoke (store, argv[1], reason, &error))
    return pa_cli_fail (error);
  return PA_CLI_OK;
}

int
pa_cli_cmd_certificate (PaCliGlobal  *global,
                        int           argc,
                        char        **argv)
{
  if (argc < 2 || g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h"))
    {
      FILE *out = argc < 2 ? stderr : stdout;

      fprintf (out, "%s\n  passerelle-cli certificate list CASE\n"
               "  passerelle-cli certificate show NUMBER\n"
               "  passerelle-cli certificate print NUMBER -o OUT.pdf [--paper a4|letter]\n"
               "  passerelle-cli certificate revoke NUMBER --reason TEXT\n", _("Usage:"));
      return argc < 2 ? PA_CLI_USAGE : PA_CLI_OK;
    }
  if (g_str_equal (argv[1], "list"))
    return certificate_list (global, argc - 1, argv + 1);
  if (g_str_equal (argv[1], "show"))
    return certificate_show (global, argc - 1, argv + 1);
  if (g_str_equal (argv[1], "print"))
    return certificate_print (global, argc - 1, argv + 1);
  if (g_str_equal (argv[1], "revoke"))
    return certificate_revoke (global, argc - 1, argv + 1);
  return pa_cli_usage_error ("certificate", _("Unknown command “%s”"), argv[1]);
}
