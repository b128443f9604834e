/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "passerelle-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>

#include "pa-backup.h"
#include "pa-cli.h"
#include "pa-store-cases.h"

/* init, check, backup, restore: the store as a whole. */

int
pa_cli_cmd_init (PaCliGlobal  *global,
                 int           argc,
                 char        **argv)
{
  g_autoptr (GOptionContext) context = g_option_context_new (NULL);
  g_autoptr (PaStore) store = NULL;
  g_autoptr (GError) error = NULL;
  int status = PA_CLI_OK;

  g_option_context_set_summary (context, _("Create the case store if it does not exist, or "
                                           "upgrade an older one."));
  if (!pa_cli_parse (context, "init", &argc, &argv, &status))
    return status;
  if (argc > 1)
    return pa_cli_usage_error ("init", _("Unexpected argument “%s”"), argv[1]);

  store = pa_cli_open_store_for_writing (global, &error);
  if (store == NULL)
    return pa_cli_fail (error);
  printf (_("Case store ready: %s (schema version %d)\n"), pa_store_get_path (store),
          pa_store_get_schema_version (store));
  return PA_CLI_OK;
}

int
pa_cli_cmd_check (PaCliGlobal  *global,
                  int           argc,
                  char        **argv)
{
  g_autoptr (GOptionContext) context = g_option_context_new (NULL);
  g_autoptr (PaStore) store = NULL;
  g_autoptr (GError) error = NULL;
  int status = PA_CLI_OK;

  g_option_context_set_summary (context, _("Check the whole case store (integrity_check and "
                                           "references)."));
  if (!pa_cli_parse (context, "check", &argc, &argv, &status))
    return status;
  if (argc > 1)
    return pa_cli_usage_error ("check", _("Unexpected argument “%s”"), argv[1]);

  store = pa_cli_open_store (global, &error);
  if (store == NULL || !pa_store_check (store, TRUE, &error))
    return pa_cli_fail (error);
  printf (ngettext ("%s: no damage found; %u case.\n", "%s: no damage found; %u cases.\n",
                    pa_store_case_count (store, PA_CASE_FILTER_ALL)),
          pa_store_get_path (store), pa_store_case_count (store, PA_CASE_FILTER_ALL));
  return PA_CLI_OK;
}

int
pa_cli_cmd_backup (PaCliGlobal  *global,
                   int           argc,
                   char        **argv)
{
  g_autoptr (GOptionContext) context = g_option_context_new (_("OUT"));
  g_autoptr (PaStore) store = NULL;
  g_autoptr (GError) error = NULL;
  int status = PA_CLI_OK;

  g_option_context_set_summary (context, _("Copy the whole case store to the file OUT while it "
                                           "may be in use."));
  if (!pa_cli_parse (context, "backup", &argc, &argv, &status))
    return status;
  if (argc != 2)
    return pa_cli_usage_error ("backup", "%s", _("Name one file to write the backup to"));

  store = pa_cli_open_store (global, &error);
  if (store == NULL || !pa_backup_to_file (store, argv[1], &error) ||
      !pa_store_audit (store, "store.backup", 0, "store", NULL, &error))
    return pa_cli_fail (error);
  printf (_("Backup written to %s\n"), argv[1]);
  return PA_CLI_OK;
}

int
pa_cli_cmd_restore (PaCliGlobal  *global,
                    int           argc,
                    char        **argv)
{
  g_autoptr (GOptionContext) context = g_option_context_new (_("IN"));
  g_autoptr (PaStore) store = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *damaged = NULL;
  int status = PA_CLI_OK;

  g_option_context_set_summary (context, _("Replace the case store’s content with the backup IN. "
                                           "The current content is first saved as a backup; a "
                                           "damaged store is kept in the backup folder."));
  if (!pa_cli_parse (context, "restore", &argc, &argv, &status))
    return status;
  if (argc != 2)
    return pa_cli_usage_error ("restore", "%s", _("Name one backup file to restore"));

  path = pa_cli_store_path (global);
  store = pa_store_open (path, &error);
  if (store != NULL)
    {
      if (!pa_backup_restore (store, argv[1], &error))
        return pa_cli_fail (error);
      printf (_("Restored %s from %s\n"), path, argv[1]);
      return PA_CLI_OK;
    }
  if (!pa_cli_is_damaged_store (path, error))
    return pa_cli_fail (error);

  /* A damaged store cannot be opened: replace the file itself. */
  g_clear_error (&error);
  if (!pa_backup_restore_file (path, argv[1], &damaged, &error))
    return pa_cli_fail (error);
  store = pa_store_open (path, &error);
  if (store == NULL || !pa_store_audit (store, "store.restore", 0, "store", "damaged", &error))
    return pa_cli_fail (error);
  printf (_("Restored %s from %s\n"), path, argv[1]);
  if (damaged != NULL)
    printf (_("The damaged file was kept as %s\n"), damaged);
  return PA_CLI_OK;
}

int
pa_cli_cmd_backups (PaCliGlobal  *global,
                    int           argc,
                    char        **argv)
{
  g_autofree char *format = NULL;
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, N_("Output format: tsv (default) or json"), N_("FORMAT") },
    { NULL }
  };
  g_autoptr (GOptionContext) context = g_option_context_new (NULL);
  g_autoptr (GPtrArray) backups = NULL;
  g_autofree char *path = NULL;
  int status = PA_CLI_OK;
  gboolean json;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _("List the backups in the case store’s backup folder, "
                                           "newest first, with their date, size and reason. "
                                           "Works on a damaged store too."));
  if (!pa_cli_parse (context, "backups", &argc, &argv, &status))
    return status;
  if (argc > 1)
    return pa_cli_usage_error ("backups", _("Unexpected argument “%s”"), argv[1]);
  json = pa_cli_format_is_json ("backups", format, &status);
  if (status != PA_CLI_OK)
    return status;

  /* The store is not opened: this is what one needs when it cannot be. */
  path = pa_cli_store_path (global);
  backups = pa_backup_list_for (path, NULL);

  if (json)
    {
      g_autoptr (JsonNode) root = json_node_new (JSON_NODE_ARRAY);
      JsonArray *array = json_array_sized_new (backups->len);

      for (guint i = 0; i < backups->len; i++)
        {
          const char *file = g_ptr_array_index (backups, i);
          g_autoptr (GDateTime) when = pa_backup_get_time (file);
          g_autofree char *date = g_date_time_format (when, "%Y-%m-%dT%H:%M:%SZ");
          g_autofree char *reason = pa_backup_get_reason (file);
          JsonObject *object = json_object_new ();
          GStatBuf st;

          json_object_set_string_member (object, "file", file);
          json_object_set_string_member (object, "date", date);
          json_object_set_int_member (object, "size", g_stat (file, &st) == 0 ? st.st_size : -1);
          json_object_set_string_member (object, "reason", reason);
          json_array_add_object_element (array, object);
        }
      json_node_take_array (root, array);
      pa_cli_print_json (root);
      return PA_CLI_OK;
    }

  printf ("date\tsize\treason\tfile\n");
  for (guint i = 0; i < backups->len; i++)
    {
      g_autofree char *line = pa_cli_describe_backup (g_ptr_array_index (backups, i));
      printf ("%s\n", line);
    }
  return PA_CLI_OK;
}
