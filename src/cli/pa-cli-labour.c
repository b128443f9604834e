/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "passerelle-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>

#include "pa-cli.h"
#include "pa-cohort.h"
#include "pa-labour-files.h"
#include "pa-mapper-store.h"
#include "pa-store-cases.h"
#include "pa-vacancy-match.h"

/* vacancy, vacancies, catalogue, shortage: the centre's labour-market data. */

static int
vacancy_match (PaCliGlobal  *global,
               int           argc,
               char        **argv)
{
  int limit = 20;
  g_autofree char *format = NULL;
  g_autofree char *lang = NULL;
  const GOptionEntry entries[] = {
    { "limit", 'n', 0, G_OPTION_ARG_INT, &limit, N_("Show at most N participants (default 20)"), N_("N") },
    { "lang", 'l', 0, G_OPTION_ARG_STRING, &lang, N_("Labels in this language (default en)"), N_("LANG") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, N_("Output format: tsv (default) or json"), N_("FORMAT") },
    { NULL }
  };
  g_autoptr (GOptionContext) context = g_option_context_new (_("FILE|ID"));
  g_autoptr (PaStore) store = NULL;
  g_autoptr (PaMapper) mapper = NULL;
  g_autoptr (PaVacancy) vacancy = NULL;
  g_autoptr (GPtrArray) ranked = NULL;
  g_autoptr (GError) error = NULL;
  int status = PA_CLI_OK;
  guint64 id;
  gboolean json;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _("Rank the active participants for a vacancy profile (a file "
                                           "or a stored vacancy), each with the required skills and "
                                           "languages they lack."));
  if (!pa_cli_parse (context, "vacancy match", &argc, &argv, &status))
    return status;
  if (argc != 2)
    return pa_cli_usage_error ("vacancy match", "%s", _("Name one vacancy file or number"));
  json = pa_cli_format_is_json ("vacancy match", format, &status);
  if (status != PA_CLI_OK)
    return status;

  store = pa_cli_open_store (global, &error);
  if (store == NULL)
    return pa_cli_fail (error);
  if (g_ascii_string_to_unsigned (argv[1], 10, 1, G_MAXINT64, &id, NULL) && !g_file_test (argv[1], G_FILE_TEST_EXISTS))
    vacancy = pa_store_vacancy_get (store, (gint64) id, &error);
  else
    vacancy = pa_vacancy_read (argv[1], &error);
  if (vacancy == NULL)
    return pa_cli_fail (error);
  mapper = pa_mapper_new_from_store (store, &error);
  if (mapper == NULL)
    return pa_cli_fail (error);
  ranked = pa_vacancy_match (store, mapper, vacancy, (guint) MAX (limit, 0), &error);
  if (ranked == NULL)
    return pa_cli_fail (error);

  if (json)
    {
      g_autoptr (JsonBuilder) b = json_builder_new ();
      g_autoptr (JsonNode) root = NULL;

      json_builder_begin_array (b);
      for (guint i = 0; i < ranked->len; i++)
        {
          PaCandidate *c = g_ptr_array_index (ranked, i);
          g_autoptr (PaCase) kase = pa_store_case_get (store, c->match->person, NULL);
          g_autofree char *name = kase ? pa_case_dup_display_name (kase) : g_strdup ("");

          json_builder_begin_object (b);
          json_builder_set_member_name (b, "rank");
          json_builder_add_int_value (b, i + 1);
          json_builder_set_member_name (b, "case");
          json_builder_add_int_value (b, c->match->person);
          json_builder_set_member_name (b, "code");
          json_builder_add_string_value (b, kase ? pa_case_get_code (kase) : "");
          json_builder_set_member_name (b, "name");
          json_builder_add_string_value (b, name);
          json_builder_set_member_name (b, "score");
          json_builder_add_double_value (b, round (c->match->score * 100.0) / 100.0);
          json_builder_set_member_name (b, "required_covered");
          json_builder_add_int_value (b, c->match->n_required_direct);
          json_builder_set_member_name (b, "required_total");
          json_builder_add_int_value (b, c->match->n_required);
          json_builder_set_member_name (b, "missing");
          json_builder_begin_array (b);
          for (guint k = 0; k < c->match->missing->len; k++)
            json_builder_add_string_value (b, pa_mapper_get_skill_uri (mapper, g_array_index (c->match->missing, guint, k)));
          json_builder_end_array (b);
          json_builder_set_member_name (b, "languages_short");
          json_builder_begin_array (b);
          for (guint k = 0; k < c->languages_short->len; k++)
            json_builder_add_string_value (b, g_ptr_array_index (c->languages_short, k));
          json_builder_end_array (b);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      root = json_builder_get_root (b);
      pa_cli_print_json (root);
      return PA_CLI_OK;
    }

  printf ("rank\tscore\trequired\tcode\tname\tlanguages below the minimum\tmissing\n");
  for (guint i = 0; i < ranked->len; i++)
    {
      PaCandidate *c = g_ptr_array_index (ranked, i);
      g_autoptr (PaCase) kase = pa_store_case_get (store, c->match->person, NULL);
      g_autofree char *name = kase ? pa_case_dup_display_name (kase) : g_strdup ("");
      g_autoptr (GString) missing = g_string_new (NULL);
      g_autofree char *langs = NULL;

      g_ptr_array_add (c->languages_short, NULL);
      langs = g_strjoinv ("; ", (char **) c->languages_short->pdata);
      g_ptr_array_remove_index (c->languages_short, c->languages_short->len - 1);
      for (guint k = 0; k < c->match->missing->len; k++)
        {
          const char *uri = pa_mapper_get_skill_uri (mapper, g_array_index (c->match->missing, guint, k));
          g_autofree char *label = pa_concept_label (store, uri, lang);
          g_string_append_printf (missing, "%s%s", k ? "; " : "", label ? label : uri);
        }
      printf ("%u\t%.2f\t%u/%u\t%s\t%s\t%s\t%s\n", i + 1, c->match->score, c->match->n_required_direct,
              c->match->n_required, kase ? pa_case_get_code (kase) : "", name, langs, missing->str);
    }
  return PA_CLI_OK;
}

static int
vacancy_import (PaCliGlobal  *global,
                int           argc,
                char        **argv)
{
  g_autoptr (GOptionContext) context = g_option_context_new (_("FILE"));
  g_autoptr (PaStore) store = NULL;
  g_autoptr (PaVacancy) vacancy = NULL;
  g_autoptr (GError) error = NULL;
  int status = PA_CLI_OK;

  g_option_context_set_summary (context, _("Store a vacancy profile from its XML file."));
  if (!pa_cli_parse (context, "vacancy import", &argc, &argv, &status))
    return status;
  if (argc != 2)
    return pa_cli_usage_error ("vacancy import", "%s", _("Name one vacancy file"));
  vacancy = pa_vacancy_read (argv[1], &error);
  if (vacancy == NULL)
    return pa_cli_fail (error);
  store = pa_cli_open_store (global, &error);
  if (store == NULL || !pa_store_vacancy_save (store, vacancy, &error))
    return pa_cli_fail (error);
  printf ("%" G_GINT64_FORMAT "\t%s\t%s\n", vacancy->id, vacancy->employer, vacancy->title);
  return PA_CLI_OK;
}

int
pa_cli_cmd_vacancies (PaCliGlobal  *global,
                      int           argc,
                      char        **argv)
{
  g_autoptr (GOptionContext) context = g_option_context_new (NULL);
  g_autoptr (PaStore) store = NULL;
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (GError) error = NULL;
  int status = PA_CLI_OK;

  g_option_context_set_summary (context, _("List the open vacancy profiles."));
  if (!pa_cli_parse (context, "vacancies", &argc, &argv, &status))
    return status;
  store = pa_cli_open_store (global, &error);
  if (store == NULL)
    return pa_cli_fail (error);
  list = pa_store_vacancy_list (store, &error);
  if (list == NULL)
    return pa_cli_fail (error);
  printf ("id\temployer\ttitle\trequired\twelcome\tlanguages\n");
  for (guint i = 0; i < list->len; i++)
    {
      PaVacancy *v = g_ptr_array_index (list, i);
      g_autofree char *langs = NULL;
      g_ptr_array_add (v->languages, NULL);
      langs = g_strjoinv (" ", (char **) v->languages->pdata);
      printf ("%" G_GINT64_FORMAT "\t%s\t%s\t%u\t%u\t%s\n", v->id, v->employer, v->title, v->required->len,
              v->nice->len, langs);
    }
  return PA_CLI_OK;
}

int
pa_cli_cmd_vacancy (PaCliGlobal  *global,
                    int           argc,
                    char        **argv)
{
  if (argc >= 2 && g_str_equal (argv[1], "match"))
    return vacancy_match (global, argc - 1, argv + 1);
  if (argc >= 2 && g_str_equal (argv[1], "import"))
    return vacancy_import (global, argc - 1, argv + 1);
  if (argc >= 2 && g_str_equal (argv[1], "list"))
    return pa_cli_cmd_vacancies (global, argc - 1, argv + 1);
  return pa_cli_usage_error ("vacancy", "%s", _("Use: vacancy match FILE|ID, vacancy import FILE, vacancy list"));
}

int
pa_cli_cmd_catalogue (PaCliGlobal  *global,
                      int           argc,
                      char        **argv)
{
  g_autoptr (GOptionContext) context = g_option_context_new (_("import|export|list FILE"));
  g_autoptr (PaStore) store = NULL;
  g_autoptr (GError) error = NULL;
  int status = PA_CLI_OK;

  g_option_context_set_summary (context, _("Import or export the training catalogue as XML, or list it."));
  if (!pa_cli_parse (context, "catalogue", &argc, &argv, &status))
    return status;
  if (argc == 2 && g_str_equal (argv[1], "list"))
    {
      g_autoptr (GPtrArray) modules = NULL;
      store = pa_cli_open_store (global, &error);
      if (store == NULL || (modules = pa_store_module_list (store, &error)) == NULL)
        return pa_cli_fail (error);
      printf ("code\ttheme\thours\tlanguage\tcompetences\ttitle\n");
      for (guint i = 0; i < modules->len; i++)
        {
          PaModule *m = g_ptr_array_index (modules, i);
          printf ("%s\t%s\t%g\t%s\t%u\t%s\n", m->code, pa_module_theme_label (m->theme), m->duration_hours,
                  m->language ? m->language : "", m->skill_uris->len, m->title);
        }
      return PA_CLI_OK;
    }
  if (argc != 3 || (!g_str_equal (argv[1], "import") && !g_str_equal (argv[1], "export")))
    return pa_cli_usage_error ("catalogue", "%s", _("Use: catalogue import FILE, catalogue export FILE, catalogue list"));

  store = pa_cli_open_store (global, &error);
  if (store == NULL)
    return pa_cli_fail (error);
  if (g_str_equal (argv[1], "import"))
    {
      guint n = 0;
      if (!pa_catalogue_import (store, argv[2], &n, &error))
        return pa_cli_fail (error);
      printf (ngettext ("%u module imported from %s\n", "%u modules imported from %s\n", n), n, argv[2]);
    }
  else if (!pa_catalogue_export (store, argv[2], &error))
    return pa_cli_fail (error);
  return PA_CLI_OK;
}

int
pa_cli_cmd_shortage (PaCliGlobal  *global,
                     int           argc,
                     char        **argv)
{
  g_autofree char *region = NULL;
  gboolean dry_run = FALSE;
  const GOptionEntry entries[] = {
    { "region", 'r', 0, G_OPTION_ARG_STRING, &region, N_("The region the list is for (required for CSV)"), N_("REGION") },
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run, N_("Only show what the import would change"), NULL },
    { NULL }
  };
  g_autoptr (GOptionContext) context = g_option_context_new (_("import FILE | show REGION | use REGION | regions"));
  g_autoptr (PaStore) store = NULL;
  g_autoptr (GError) error = NULL;
  int status = PA_CLI_OK;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _("Import a region's shortage occupation list (XML or CSV), "
                                           "showing what changes, or show a stored list."));
  if (!pa_cli_parse (context, "shortage", &argc, &argv, &status))
    return status;
  if (argc == 2 && g_str_equal (argv[1], "regions"))
    {
      g_autoptr (GPtrArray) regions = NULL;
      store = pa_cli_open_store (global, &error);
      if (store == NULL || (regions = pa_store_shortage_regions (store, &error)) == NULL)
        return pa_cli_fail (error);
      for (guint i = 0; i < regions->len; i++)
        printf ("%s\n", (const char *) g_ptr_array_index (regions, i));
      return PA_CLI_OK;
    }
  if (argc == 3 && g_str_equal (argv[1], "use"))
    {
      store = pa_cli_open_store (global, &error);
      if (store == NULL || !pa_store_set_setting (store, "centre.region", argv[2], &error))
        return pa_cli_fail (error);
      printf (_("Matches now flag the shortage occupations of %s.\n"), argv[2]);
      return PA_CLI_OK;
    }
  if (argc == 3 && g_str_equal (argv[1], "show"))
    {
      g_autoptr (PaShortageList) list = NULL;
      store = pa_cli_open_store (global, &error);
      if (store == NULL || (list = pa_store_shortage_get (store, argv[2], &error)) == NULL)
        return pa_cli_fail (error);
      printf ("%s — %s\n", list->region, list->title);
      for (guint i = 0; i < list->occupation_uris->len; i++)
        {
          const char *uri = g_ptr_array_index (list->occupation_uris, i);
          g_autofree char *label = pa_concept_label (store, uri, NULL);
          printf ("%s\t%s\t%s\n", uri, label ? label : "", (const char *) g_ptr_array_index (list->notes, i));
        }
      return PA_CLI_OK;
    }
  if (argc == 3 && g_str_equal (argv[1], "import"))
    {
      g_autoptr (PaShortageList) list = pa_shortage_list_read (argv[2], region, &error);
      g_autoptr (GPtrArray) added = NULL;
      g_autoptr (GPtrArray) removed = NULL;

      if (list == NULL)
        return pa_cli_fail (error);
      store = pa_cli_open_store (global, &error);
      if (store == NULL)
        return pa_cli_fail (error);
      pa_shortage_list_preview (store, list, &added, &removed);
      printf (_("%s: %u occupations; %u added, %u removed\n"), list->region, list->occupation_uris->len,
              added->len, removed->len);
      for (guint i = 0; i < added->len; i++)
        printf ("+ %s\n", (const char *) g_ptr_array_index (added, i));
      for (guint i = 0; i < removed->len; i++)
        printf ("- %s\n", (const char *) g_ptr_array_index (removed, i));
      if (!dry_run && !pa_store_shortage_save (store, list, &error))
        return pa_cli_fail (error);
      return PA_CLI_OK;
    }
  return pa_cli_usage_error ("shortage", "%s", _("Use: shortage import FILE [--region R] [--dry-run], shortage show REGION, shortage use REGION, shortage regions"));
}
