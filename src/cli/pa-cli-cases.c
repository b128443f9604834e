/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "passerelle-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "pa-case-json.h"
#include "pa-cli.h"
#include "pa-iso-codes.h"
#include "pa-store-cases.h"

/* cases, case add|show|rename|trash|restore|purge */

static void
print_tsv_field (const char *value)
{
  /* TSV has no quoting: tabs and newlines inside a field become spaces. */
  for (const char *p = value ? value : ""; *p; p++)
    putchar (*p == '\t' || *p == '\n' || *p == '\r' ? ' ' : *p);
}

int
pa_cli_cmd_cases (PaCliGlobal  *global,
                  int           argc,
                  char        **argv)
{
  g_autofree char *search = NULL;
  g_autofree char *format = NULL;
  gboolean trash = FALSE;
  const GOptionEntry entries[] = {
    { "search", 's', 0, G_OPTION_ARG_STRING, &search, N_("Only cases whose name, code, origin or experiences match TEXT"), N_("TEXT") },
    { "trash", 0, 0, G_OPTION_ARG_NONE, &trash, N_("List the cases in the trash instead"), NULL },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, N_("Output format: tsv (default) or json"), N_("FORMAT") },
    { NULL }
  };
  g_autoptr (GOptionContext) context = g_option_context_new (NULL);
  g_autoptr (PaStore) store = NULL;
  g_autoptr (GPtrArray) cases = NULL;
  g_autoptr (GError) error = NULL;
  int status = PA_CLI_OK;
  gboolean json;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _("List the cases, sorted by name."));
  if (!pa_cli_parse (context, "cases", &argc, &argv, &status))
    return status;
  if (argc > 1)
    return pa_cli_usage_error ("cases", _("Unexpected argument “%s”"), argv[1]);
  json = pa_cli_format_is_json ("cases", format, &status);
  if (status != PA_CLI_OK)
    return status;

  store = pa_cli_open_store (global, &error);
  if (store == NULL)
    return pa_cli_fail (error);
  cases = pa_store_case_list (store, search,
                              trash ? PA_CASE_FILTER_TRASHED : PA_CASE_FILTER_ACTIVE, &error);
  if (cases == NULL)
    return pa_cli_fail (error);

  if (json)
    {
      g_autoptr (JsonNode) root = json_node_new (JSON_NODE_ARRAY);
      JsonArray *array = json_array_sized_new (cases->len);

      for (guint i = 0; i < cases->len; i++)
        json_array_add_element (array, pa_case_summary_to_json (g_ptr_array_index (cases, i)));
      json_node_take_array (root, array);
      pa_cli_print_json (root);
      return PA_CLI_OK;
    }

  printf ("id\tcode\tname\torigin\tclaims\tcertified\n");
  for (guint i = 0; i < cases->len; i++)
    {
      PaCase *kase = g_ptr_array_index (cases, i);
      g_autofree char *name = pa_case_dup_display_name (kase);

      printf ("%" G_GINT64_FORMAT "\t", pa_case_get_id (kase));
      print_tsv_field (pa_case_get_code (kase));
      putchar ('\t');
      print_tsv_field (name);
      putchar ('\t');
      print_tsv_field (pa_case_get_origin_country (kase) ? pa_iso_country_name (pa_case_get_origin_country (kase)) : "");
      printf ("\t%u\t%u\n", pa_case_get_n_claims (kase), pa_case_get_n_certified (kase));
    }
  return PA_CLI_OK;
}

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

static int
case_add (PaCliGlobal  *global,
          int           argc,
          char        **argv)
{
  g_autofree char *given = NULL;
  g_autofree char *family = NULL;
  g_autofree char *gender = NULL;
  g_autofree char *origin = NULL;
  g_autofree char *arrival = NULL;
  int birth_year = 0;
  const GOptionEntry entries[] = {
    { "given-name", 0, 0, G_OPTION_ARG_STRING, &given, N_("Given name"), N_("NAME") },
    { "family-name", 0, 0, G_OPTION_ARG_STRING, &family, N_("Family name"), N_("NAME") },
    { "gender", 0, 0, G_OPTION_ARG_STRING, &gender, N_("female, male or other"), N_("GENDER") },
    { "birth-year", 0, 0, G_OPTION_ARG_INT, &birth_year, N_("Year of birth"), N_("YEAR") },
    { "origin", 0, 0, G_OPTION_ARG_STRING, &origin, N_("Country of origin (ISO 3166 code, e.g. SY)"), N_("CODE") },
    { "arrival", 0, 0, G_OPTION_ARG_STRING, &arrival, N_("Date of arrival (YYYY-MM-DD)"), N_("DATE") },
    { NULL }
  };
  g_autoptr (GOptionContext) context = g_option_context_new (NULL);
  g_autoptr (PaStore) store = NULL;
  g_autoptr (PaCase) kase = pa_case_new ();
  g_autoptr (GError) error = NULL;
  int status = PA_CLI_OK;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _("Create a case and print its number and code."));
  if (!pa_cli_parse (context, "case add", &argc, &argv, &status))
    return status;
  if (argc > 1)
    return pa_cli_usage_error ("case add", _("Unexpected argument “%s”"), argv[1]);

  pa_case_set_given_name (kase, given);
  pa_case_set_family_name (kase, family);
  pa_case_set_gender (kase, gender);
  pa_case_set_birth_year (kase, birth_year);
  pa_case_set_origin_country (kase, origin);
  pa_case_set_arrival_date (kase, arrival);

  store = pa_cli_open_store_for_writing (global, &error);
  if (store == NULL || !pa_store_case_create (store, kase, &error))
    return pa_cli_fail (error);
  printf ("%" G_GINT64_FORMAT "\t%s\n", pa_case_get_id (kase), pa_case_get_code (kase));
  return PA_CLI_OK;
}

static int
case_show (PaCliGlobal  *global,
           int           argc,
           char        **argv)
{
  g_autofree char *format = NULL;
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, N_("Output format: text (default) or json"), N_("FORMAT") },
    { NULL }
  };
  g_autoptr (GOptionContext) context = g_option_context_new (_("ID"));
  g_autoptr (PaStore) store = NULL;
  g_autoptr (JsonNode) node = NULL;
  g_autoptr (GError) error = NULL;
  int status = PA_CLI_OK;
  gboolean json = FALSE;
  gint64 id;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _("Show everything a case holds. ID is the case number "
                                           "or its code."));
  if (!pa_cli_parse (context, "case show", &argc, &argv, &status))
    return status;
  if (argc != 2)
    return pa_cli_usage_error ("case show", "%s", _("Name one case"));
  if (format != NULL && !g_str_equal (format, "text"))
    {
      json = pa_cli_format_is_json ("case show", format, &status);
      if (status != PA_CLI_OK)
        return status;
    }

  store = pa_cli_open_store (global, &error);
  if (store == NULL)
    return pa_cli_fail (error);
  id = find_case (store, "case show", argv[1], &status);
  if (id == 0)
    return status;
  node = pa_case_to_json (store, id, &error);
  if (node == NULL || !pa_store_audit (store, "case.view", id, "case", "cli", &error))
    return pa_cli_fail (error);

  if (json)
    pa_cli_print_json (node);
  else
    {
      JsonObject *object = json_node_get_object (node);
      g_autoptr (GList) members = json_object_get_members (object);

      for (GList *l = members; l != NULL; l = l->next)
        {
          JsonNode *value = json_object_get_member (object, l->data);
          if (JSON_NODE_HOLDS_VALUE (value))
            {
              g_autofree char *text = NULL;
              if (json_node_get_value_type (value) == G_TYPE_STRING)
                text = g_strdup (json_node_get_string (value));
              else
                text = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (value));
              printf ("%-16s %s\n", (const char *) l->data, text);
            }
          else if (JSON_NODE_HOLDS_ARRAY (value))
            printf ("%-16s %u\n", (const char *) l->data, json_array_get_length (json_node_get_array (value)));
        }
    }
  return PA_CLI_OK;
}

static int
case_simple (PaCliGlobal  *global,
             const char   *verb,
             int           argc,
             char        **argv)
{
  g_autofree char *command = g_strdup_printf ("case %s", verb);
  g_autoptr (GOptionContext) context = g_option_context_new (_("ID"));
  g_autoptr (PaStore) store = NULL;
  g_autoptr (GError) error = NULL;
  int status = PA_CLI_OK;
  gboolean ok;
  gint64 id;

  if (!pa_cli_parse (context, command, &argc, &argv, &status))
    return status;
  if (g_str_equal (verb, "rename") ? argc != 4 : argc != 2)
    return pa_cli_usage_error (command, "%s",
                               g_str_equal (verb, "rename")
                                 ? _("Give the case, the given name and the family name")
                                 : _("Name one case"));

  store = pa_cli_open_store_for_writing (global, &error);
  if (store == NULL)
    return pa_cli_fail (error);
  id = find_case (store, command, argv[1], &status);
  if (id == 0)
    return status;

  if (g_str_equal (verb, "rename"))
    ok = pa_store_case_rename (store, id, argv[2], argv[3], &error);
  else if (g_str_equal (verb, "trash"))
    ok = pa_store_case_trash (store, id, &error);
  else if (g_str_equal (verb, "restore"))
    ok = pa_store_case_restore (store, id, &error);
  else
    ok = pa_store_case_purge (store, id, &error);
  if (!ok)
    return pa_cli_fail (error);
  return PA_CLI_OK;
}

int
pa_cli_cmd_case (PaCliGlobal  *global,
                 int           argc,
                 char        **argv)
{
  if (argc < 2 || g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h"))
    {
      FILE *out = argc < 2 ? stderr : stdout;
      fprintf (out, "%s\n", _("Usage:"));
      fprintf (out, "  passerelle-cli case add [--given-name N] [--family-name N] [--origin CODE] …\n");
      fprintf (out, "  passerelle-cli case show ID [--format text|json]\n");
      fprintf (out, "  passerelle-cli case rename ID GIVEN FAMILY\n");
      fprintf (out, "  passerelle-cli case trash|restore|purge ID\n");
      return argc < 2 ? PA_CLI_USAGE : PA_CLI_OK;
    }
  if (g_str_equal (argv[1], "add"))
    return case_add (global, argc - 1, argv + 1);
  if (g_str_equal (argv[1], "show"))
    return case_show (global, argc - 1, argv + 1);
  if (g_str_equal (argv[1], "rename") || g_str_equal (argv[1], "trash") ||
      g_str_equal (argv[1], "restore") || g_str_equal (argv[1], "purge"))
    return case_simple (global, argv[1], argc - 1, argv + 1);
  return pa_cli_usage_error ("case", _("Unknown action “%s”"), argv[1]);
}
