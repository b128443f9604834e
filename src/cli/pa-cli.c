/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "passerelle-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "pa-cli.h"

/* What every command shares: opening the store, reporting errors, parsing
 * options, printing JSON. */

PaStore *
pa_cli_open_store (PaCliGlobal  *global,
                   GError      **error)
{
  g_autofree char *path = global->db_path ? g_strdup (global->db_path) : pa_store_default_path ();
  return pa_store_open (path, error);
}

int
pa_cli_fail (GError *error)
{
  fprintf (stderr, "passerelle-cli: %s\n", error ? error->message : _("failed"));
  return PA_CLI_FAILED;
}

int
pa_cli_usage_error (const char *command,
                    const char *format,
                    ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  fprintf (stderr, "passerelle-cli%s%s: %s\n", command ? " " : "", command ? command : "", message);
  fprintf (stderr, _("Try “passerelle-cli %s--help”."), command ? command : "");
  if (command)
    fputs (" --help", stderr);
  fputc ('\n', stderr);
  return PA_CLI_USAGE;
}

/* Parses a command's options; on a usage error sets *status and returns FALSE. */
gboolean
pa_cli_parse (GOptionContext   *context,
              const char       *command,
              int              *argc,
              char           ***argv,
              int              *status)
{
  g_autoptr (GError) error = NULL;

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      *status = pa_cli_usage_error (command, "%s", error->message);
      return FALSE;
    }
  return TRUE;
}

gboolean
pa_cli_format_is_json (const char *command,
                       const char *format,
                       int        *status)
{
  if (format == NULL || g_str_equal (format, "tsv"))
    return FALSE;
  if (g_str_equal (format, "json"))
    return TRUE;
  *status = pa_cli_usage_error (command, _("Unknown format “%s”: use tsv or json"), format);
  return FALSE;
}

void
pa_cli_print_json (JsonNode *node)
{
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_root (generator, node);
  text = json_generator_to_data (generator, NULL);
  printf ("%s\n", text);
}
