/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "passerelle-cli"

#include "config.h"

#include <glib/gi18n.h>
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

  store = pa_cli_open_store (global, &error);
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
  int status = PA_CLI_OK;

  g_option_context_set_summary (context, _("Replace the case store’s content with the backup IN. "
                                           "The current content is first saved as a backup."));
  if (!pa_cli_parse (context, "restore", &argc, &argv, &status))
    return status;
  if (argc != 2)
    return pa_cli_usage_error ("restore", "%s", _("Name one backup file to restore"));

  store = pa_cli_open_store (global, &error);
  if (store == NULL || !pa_backup_restore (store, argv[1], &error))
    return pa_cli_fail (error);
  printf (_("Restored %s from %s\n"), pa_store_get_path (store), argv[1]);
  return PA_CLI_OK;
}
