/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "passerelle-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>

#include "pa-backup.h"
#include "pa-cli.h"

/* What every command shares: opening the store, reporting errors, parsing
 * options, printing JSON. */

char *
pa_cli_store_path (PaCliGlobal *global)
{
  return global->db_path ? g_strdup (global->db_path) : pa_store_default_path ();
}

static char *
quote_if_needed (const char *path)
{
  for (const char *p = path; *p; p++)
    if (!g_ascii_isalnum (*p) && strchr ("/._-+,:@%", *p) == NULL)
      return g_shell_quote (path);
  return g_strdup (path);
}

/* A damaged store: say how to restore it and from which backups. */
static void
add_restore_hint (const char  *path,
                  GError     **error)
{
  g_autoptr (GPtrArray) backups = pa_backup_list_for (path, NULL);
  g_autofree char *quoted = quote_if_needed (path);
  g_autoptr (GString) hint = g_string_new (NULL);

  g_string_append_printf (hint, _("To restore it from a backup, run: passerelle-cli --db %s restore BACKUP"),
                          quoted);
  g_string_append_c (hint, '\n');
  if (backups->len == 0)
    {
      g_autofree char *dir = pa_backup_dir_for (path);
      g_string_append_printf (hint, _("No backup of it was found in “%s”."), dir);
    }
  else
    {
      g_string_append_printf (hint, _("Newest backups (“passerelle-cli --db %s backups” lists them all):"),
                              quoted);
      for (guint i = 0; i < backups->len && i < 3; i++)
        {
          g_autofree char *line = pa_cli_describe_backup (g_ptr_array_index (backups, i));
          g_strdelimit (line, "\t", ' ');
          g_string_append_printf (hint, "\n  %s", line);
        }
    }
  {
    GError *with_hint = g_error_new (PA_STORE_ERROR, (*error)->code, "%s\n%s",
                                     (*error)->message, hint->str);
    g_error_free (*error);
    *error = with_hint;
  }
}

/* Whether the store that @error refused to open is one to restore: damaged,
 * or unreadable as a database although it has backups (so it was a store;
 * a damaged first page makes it look like any other file). */
gboolean
pa_cli_is_damaged_store (const char   *path,
                         const GError *error)
{
  g_autoptr (GPtrArray) backups = NULL;

  if (g_error_matches (error, PA_STORE_ERROR, PA_STORE_ERROR_CORRUPT))
    return TRUE;
  if (!g_error_matches (error, PA_STORE_ERROR, PA_STORE_ERROR_OPEN) ||
      !g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return FALSE;
  backups = pa_backup_list_for (path, NULL);
  return backups->len > 0;
}

PaStore *
pa_cli_open_store (PaCliGlobal  *global,
                   GError      **error)
{
  g_autofree char *path = pa_cli_store_path (global);
  g_autoptr (GError) local_error = NULL;
  PaStore *store = pa_store_open (path, &local_error);

  if (store == NULL && pa_cli_is_damaged_store (path, local_error))
    add_restore_hint (path, &local_error);
  if (store == NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return store;
}

/* For commands that change data: the automatic (daily) backup comes first.
 * Its failure is reported but does not stop the command. */
PaStore *
pa_cli_open_store_for_writing (PaCliGlobal  *global,
                               GError      **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autofree char *backup = NULL;
  PaStore *store = pa_cli_open_store (global, error);

  if (store == NULL)
    return NULL;
  backup = pa_backup_auto (store, &local_error);
  if (local_error != NULL)
    fprintf (stderr, _("passerelle-cli: warning: the automatic backup failed: %s\n"),
             local_error->message);
  return store;
}

/* One line about a backup: its local date, size, reason and path. */
char *
pa_cli_describe_backup (const char *path)
{
  g_autoptr (GDateTime) utc = pa_backup_get_time (path);
  g_autoptr (GDateTime) local = utc ? g_date_time_to_local (utc) : NULL;
  g_autofree char *date = local ? g_date_time_format (local, "%Y-%m-%d %H:%M:%S") : g_strdup ("?");
  g_autofree char *reason = pa_backup_get_reason (path);
  g_autofree char *size = NULL;
  GStatBuf st;

  size = g_stat (path, &st) == 0 ? g_format_size (st.st_size) : g_strdup ("?");
  return g_strdup_printf ("%s\t%s\t%s\t%s", date, size, reason ? reason : "", path);
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
  {
    /* "seminar show --help", or "--help" alone */
    g_autofree char *prefix = command ? g_strconcat (command, " ", NULL) : g_strdup ("");

    fprintf (stderr, _("Try “passerelle-cli %s--help”."), prefix);
    fputc ('\n', stderr);
  }
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
