/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "passerelle-cli"

#include "config.h"

#include <glib-unix.h>
#include <glib/gi18n.h>
#include <stdio.h>
#include <unistd.h>

#include "pa-cli.h"
#include "pa-esco-import.h"
#include "pa-framework-search.h"
#include "pa-frameworks.h"

/* esco import, frameworks, skills search, occupations search, skill show,
 * occupation show */

static void
print_tsv_field (const char *value)
{
  for (const char *p = value ? value : ""; *p; p++)
    putchar (*p == '\t' || *p == '\n' || *p == '\r' ? ' ' : *p);
}

/* --- esco import ------------------------------------------------------------ */

typedef struct
{
  GMainLoop *loop;
  GCancellable *cancellable;
  PaEscoImportReport *report;
  GError *error;
  gboolean terminal;
  int last_width;
} ImportRun;

static void
progress_cb (double      fraction,
             const char *file,
             gpointer    user_data)
{
  ImportRun *run = user_data;
  const int width = 30;
  int filled = (int) (fraction * width + 0.5);
  g_autoptr (GString) bar = g_string_new (NULL);

  if (!run->terminal)
    return;
  g_string_append_c (bar, '[');
  for (int i = 0; i < width; i++)
    g_string_append (bar, i < filled ? "#" : "-");
  g_string_append_printf (bar, "] %3d%%  %s", (int) (fraction * 100 + 0.5), file ? file : "");
  fprintf (stderr, "\r%-*s", MAX (run->last_width, (int) bar->len), bar->str);
  run->last_width = (int) bar->len;
  fflush (stderr);
}

static void
import_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  ImportRun *run = user_data;

  run->report = pa_esco_import_finish (PA_STORE (source), result, &run->error);
  g_main_loop_quit (run->loop);
}

static gboolean
interrupt_cb (gpointer user_data)
{
  ImportRun *run = user_data;

  g_cancellable_cancel (run->cancellable);
  return G_SOURCE_CONTINUE;
}

static const char *
mode_name (PaEscoImportMode mode)
{
  return mode == PA_ESCO_IMPORT_RELEASE ? _("release") : _("language pack");
}

static int
esco_import (PaCliGlobal  *global,
             int           argc,
             char        **argv)
{
  g_autofree char *languages = NULL;
  g_autofree char *version = NULL;
  gboolean release = FALSE;
  gboolean pack = FALSE;
  gboolean quiet = FALSE;
  const GOptionEntry entries[] = {
    { "languages", 'l', 0, G_OPTION_ARG_STRING, &languages, N_("Only the files of these languages, e.g. en,fr"), N_("LANGS") },
    { "release", 0, 0, G_OPTION_ARG_NONE, &release, N_("Import as a release (concepts, relations, labels)"), NULL },
    { "pack", 0, 0, G_OPTION_ARG_NONE, &pack, N_("Import as a language pack (labels of known concepts only)"), NULL },
    { "version", 0, 0, G_OPTION_ARG_STRING, &version, N_("The release, when the path does not tell it (e.g. 1.1.1)"), N_("VERSION") },
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet, N_("No progress bar"), NULL },
    { NULL }
  };
  g_autoptr (GOptionContext) context = g_option_context_new (_("PATH"));
  g_autoptr (PaStore) store = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) langs = NULL;
  g_autoptr (GMainLoop) loop = NULL;
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (PaEscoImportReport) report = NULL;
  g_autofree char *joined = NULL;
  PaEscoImportOptions options = { PA_ESCO_IMPORT_AUTO, NULL, NULL };
  ImportRun run = { 0 };
  guint sigint;
  int status = PA_CLI_OK;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Import ESCO from its CSV download: a folder, its ZIP, or one CSV file.\n"
                                  "A release (occupations, skills and their relations) brings the concepts;\n"
                                  "a language pack adds the labels of other languages to known concepts."));
  if (!pa_cli_parse (context, "esco import", &argc, &argv, &status))
    return status;
  if (argc != 2)
    return pa_cli_usage_error ("esco import", "%s", _("Give one folder, ZIP or CSV file"));
  if (release && pack)
    return pa_cli_usage_error ("esco import", "%s", _("--release and --pack exclude each other"));
  if (languages != NULL)
    {
      langs = g_strsplit (languages, ",", -1);
      for (guint i = 0; langs[i] != NULL; i++)
        g_strstrip (langs[i]);
      options.languages = (const char * const *) langs;
    }
  options.mode = release ? PA_ESCO_IMPORT_RELEASE : pack ? PA_ESCO_IMPORT_LANGUAGE_PACK : PA_ESCO_IMPORT_AUTO;
  options.version = version;

  store = pa_cli_open_store (global, &error);
  if (store == NULL)
    return pa_cli_fail (error);

  loop = g_main_loop_new (NULL, FALSE);
  run.loop = loop;
  run.cancellable = cancellable;
  run.terminal = !quiet && isatty (STDERR_FILENO);
  sigint = g_unix_signal_add (SIGINT, interrupt_cb, &run);
  pa_esco_import_async (store, argv[1], &options, progress_cb, &run, NULL, cancellable,
                        import_done_cb, &run);
  g_main_loop_run (loop);
  g_source_remove (sigint);
  if (run.terminal && run.last_width > 0)
    fprintf (stderr, "\r%*s\r", run.last_width, "");

  if (run.report == NULL)
    {
      if (g_error_matches (run.error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_clear_error (&run.error);
          g_set_error_literal (&run.error, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                               _("Import cancelled; nothing was changed."));
        }
      status = pa_cli_fail (run.error);
      g_clear_error (&run.error);
      return status;
    }
  report = run.report;
  joined = report->languages ? g_strjoinv (",", report->languages) : g_strdup ("");

  printf (_("Imported ESCO %s %s (%s)\n"), mode_name (report->mode),
          *report->version ? report->version : _("of unknown version"), *joined ? joined : "-");
  printf ("file\tlanguage\trows\tmatched\tunmatched\n");
  for (guint i = 0; i < report->files->len; i++)
    {
      PaEscoFileReport *f = g_ptr_array_index (report->files, i);
      if (f->ignored)
        printf ("%s\t%s\t%s\n", f->name, f->lang ? f->lang : "-", _("not read in this mode"));
      else
        printf ("%s\t%s\t%u\t%u\t%u\n", f->name, f->lang ? f->lang : "-", f->rows, f->matched, f->unmatched);
    }
  printf (_("Concepts: %u added, %u updated, %u marked obsolete, %u removed\n"),
          report->concepts_added, report->concepts_updated, report->concepts_obsoleted,
          report->concepts_removed);
  printf (_("Labels written: %u; relations written: %u\n"), report->labels, report->relations);
  printf (_("Rows matched: %u; unmatched (unknown URIs, skipped): %u\n"),
          report->rows_matched, report->rows_unmatched);
  return PA_CLI_OK;
}

int
pa_cli_cmd_esco (PaCliGlobal  *global,
                 int           argc,
                 char        **argv)
{
  if (argc >= 2 && g_str_equal (argv[1], "import"))
    return esco_import (global, argc - 1, argv + 1);
  if (argc >= 2 && (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h")))
    {
      printf ("%s\n  passerelle-cli esco import PATH [--languages en,fr,…] [--release|--pack]\n",
              _("Usage:"));
      return PA_CLI_OK;
    }
  return pa_cli_usage_error ("esco", "%s", _("Expected “import”"));
}

/* --- frameworks -------------------------------------------------------------- */

int
pa_cli_cmd_frameworks (PaCliGlobal  *global,
                       int           argc,
                       char        **argv)
{
  g_autofree char *format = NULL;
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, N_("Output format: tsv (default) or json"), N_("FORMAT") },
    { NULL }
  };
  g_autoptr (GOptionContext) context = g_option_context_new (NULL);
  g_autoptr (PaStore) store = NULL;
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (GError) error = NULL;
  int status = PA_CLI_OK;
  gboolean json;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _("List the competence frameworks in the store."));
  if (argc >= 2 && g_str_equal (argv[1], "list"))
    {
      argc--;
      argv++;
    }
  if (!pa_cli_parse (context, "frameworks", &argc, &argv, &status))
    return status;
  if (argc > 1)
    return pa_cli_usage_error ("frameworks", _("Unexpected argument “%s”"), argv[1]);
  json = pa_cli_format_is_json ("frameworks", format, &status);
  if (status != PA_CLI_OK)
    return status;

  store = pa_cli_open_store (global, &error);
  if (store == NULL)
    return pa_cli_fail (error);
  list = pa_frameworks_list (store, &error);
  if (list == NULL)
    return pa_cli_fail (error);

  if (json)
    {
      g_autoptr (JsonBuilder) b = json_builder_new ();

      json_builder_begin_array (b);
      for (guint i = 0; i < list->len; i++)
        {
          PaFrameworkInfo *f = g_ptr_array_index (list, i);
          json_builder_begin_object (b);
          json_builder_set_member_name (b, "code");
          json_builder_add_string_value (b, f->code);
          json_builder_set_member_name (b, "title");
          json_builder_add_string_value (b, f->title);
          json_builder_set_member_name (b, "version");
          json_builder_add_string_value (b, f->version);
          json_builder_set_member_name (b, "origin");
          json_builder_add_string_value (b, f->origin);
          json_builder_set_member_name (b, "languages");
          json_builder_add_string_value (b, f->languages);
          json_builder_set_member_name (b, "concepts");
          json_builder_add_int_value (b, f->n_concepts);
          json_builder_set_member_name (b, "occupations");
          json_builder_add_int_value (b, f->n_occupations);
          json_builder_set_member_name (b, "skills");
          json_builder_add_int_value (b, f->n_skills);
          json_builder_set_member_name (b, "obsolete");
          json_builder_add_int_value (b, f->n_obsolete);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      {
        g_autoptr (JsonNode) root = json_builder_get_root (b);
        pa_cli_print_json (root);
      }
      return PA_CLI_OK;
    }

  printf ("code\ttitle\tversion\tlanguages\tconcepts\toccupations\tskills\tobsolete\n");
  for (guint i = 0; i < list->len; i++)
    {
      PaFrameworkInfo *f = g_ptr_array_index (list, i);
      printf ("%s\t", f->code);
      print_tsv_field (f->title);
      printf ("\t%s\t%s\t%u\t%u\t%u\t%u\n", f->version, f->languages, f->n_concepts,
              f->n_occupations, f->n_skills, f->n_obsolete);
    }
  return PA_CLI_OK;
}

/* --- skills search, occupations search --------------------------------------- */

static int
search (PaCliGlobal    *global,
        const char     *command,
        PaConceptKinds  kinds,
        int             argc,
        char          **argv)
{
  g_autofree char *lang = NULL;
  g_autofree char *query_lang = NULL;
  g_autofree char *format = NULL;
  int limit = 10;
  const GOptionEntry entries[] = {
    { "lang", 'l', 0, G_OPTION_ARG_STRING, &lang, N_("Show labels in this language (default en; falls back to en)"), N_("LANG") },
    { "query-lang", 0, 0, G_OPTION_ARG_STRING, &query_lang, N_("The language TEXT is in: its labels rank first"), N_("LANG") },
    { "limit", 'n', 0, G_OPTION_ARG_INT, &limit, N_("At most N results (default 10)"), "N" },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, N_("Output format: tsv (default) or json"), N_("FORMAT") },
    { NULL }
  };
  g_autoptr (GOptionContext) context = g_option_context_new (_("TEXT"));
  g_autoptr (PaStore) store = NULL;
  g_autoptr (PaFrameworkSearch) finder = NULL;
  g_autoptr (GPtrArray) hits = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  int status = PA_CLI_OK;
  gboolean json;
  gboolean occupations = kinds == PA_CONCEPT_KIND_OCCUPATION;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                occupations ? _("Find occupations by any label in any language, or by ISCO code.")
                                            : _("Find skills by any label in any language; accents and case do not matter."));
  if (argc >= 2 && g_str_equal (argv[1], "search"))
    {
      argc--;
      argv++;
    }
  if (!pa_cli_parse (context, command, &argc, &argv, &status))
    return status;
  if (argc < 2)
    return pa_cli_usage_error (command, "%s", _("Give the text to search for"));
  if (limit < 1)
    return pa_cli_usage_error (command, "%s", _("--limit must be at least 1"));
  json = pa_cli_format_is_json (command, format, &status);
  if (status != PA_CLI_OK)
    return status;
  text = g_strjoinv (" ", argv + 1);

  store = pa_cli_open_store (global, &error);
  if (store == NULL)
    return pa_cli_fail (error);
  finder = pa_framework_search_new (store);
  hits = pa_framework_search_query (finder, text, kinds, lang ? lang : "en", query_lang, (guint) limit, &error);
  if (hits == NULL)
    return pa_cli_fail (error);

  if (json)
    {
      g_autoptr (JsonBuilder) b = json_builder_new ();

      json_builder_begin_array (b);
      for (guint i = 0; i < hits->len; i++)
        {
          PaConceptHit *h = g_ptr_array_index (hits, i);
          json_builder_begin_object (b);
          json_builder_set_member_name (b, "uri");
          json_builder_add_string_value (b, h->uri);
          json_builder_set_member_name (b, "kind");
          json_builder_add_string_value (b, h->kind);
          json_builder_set_member_name (b, "label");
          json_builder_add_string_value (b, h->label);
          json_builder_set_member_name (b, "label_lang");
          json_builder_add_string_value (b, h->label_lang);
          if (h->code != NULL)
            {
              json_builder_set_member_name (b, "code");
              json_builder_add_string_value (b, h->code);
            }
          if (h->isco_code != NULL)
            {
              json_builder_set_member_name (b, "isco");
              json_builder_add_string_value (b, h->isco_code);
            }
          json_builder_set_member_name (b, "matched");
          json_builder_add_string_value (b, h->matched_label);
          json_builder_set_member_name (b, "matched_lang");
          json_builder_add_string_value (b, h->matched_lang);
          json_builder_set_member_name (b, "matched_kind");
          json_builder_add_string_value (b, h->matched_kind);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      {
        g_autoptr (JsonNode) root = json_builder_get_root (b);
        pa_cli_print_json (root);
      }
      return PA_CLI_OK;
    }

  if (occupations)
    printf ("uri\tlabel\tlang\tisco\tcode\tmatched\tmatched_lang\tmatched_kind\n");
  else
    printf ("uri\tlabel\tlang\tkind\tmatched\tmatched_lang\tmatched_kind\n");
  for (guint i = 0; i < hits->len; i++)
    {
      PaConceptHit *h = g_ptr_array_index (hits, i);

      printf ("%s\t", h->uri);
      print_tsv_field (h->label);
      printf ("\t%s\t", h->label_lang);
      if (occupations)
        printf ("%s\t%s\t", h->isco_code ? h->isco_code : "", h->code ? h->code : "");
      else
        printf ("%s\t", h->kind);
      print_tsv_field (h->matched_label);
      printf ("\t%s\t%s\n", h->matched_lang, h->matched_kind);
    }
  return PA_CLI_OK;
}

int
pa_cli_cmd_skills (PaCliGlobal  *global,
                   int           argc,
                   char        **argv)
{
  return search (global, "skills search", PA_CONCEPT_KINDS_SKILLS, argc, argv);
}

int
pa_cli_cmd_occupations (PaCliGlobal  *global,
                        int           argc,
                        char        **argv)
{
  return search (global, "occupations search", PA_CONCEPT_KIND_OCCUPATION, argc, argv);
}

/* --- skill show, occupation show ---------------------------------------------- */

static void
print_refs (const char *title,
            GPtrArray  *refs)
{
  printf ("\n%s (%u)\n", title, refs->len);
  for (guint i = 0; i < refs->len; i++)
    {
      PaConceptRef *r = g_ptr_array_index (refs, i);
      printf ("  %s\t%s%s%s\n", r->label, r->uri,
              g_strcmp0 (r->status, "obsolete") == 0 ? "\t" : "",
              g_strcmp0 (r->status, "obsolete") == 0 ? _("obsolete") : "");
    }
}

static void
add_refs_json (JsonBuilder *b,
               const char  *name,
               GPtrArray   *refs)
{
  json_builder_set_member_name (b, name);
  json_builder_begin_array (b);
  for (guint i = 0; i < refs->len; i++)
    {
      PaConceptRef *r = g_ptr_array_index (refs, i);
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "uri");
      json_builder_add_string_value (b, r->uri);
      json_builder_set_member_name (b, "label");
      json_builder_add_string_value (b, r->label);
      json_builder_set_member_name (b, "lang");
      json_builder_add_string_value (b, r->label_lang);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static int
show (PaCliGlobal  *global,
      const char   *command,
      gboolean      occupation,
      int           argc,
      char        **argv)
{
  g_autofree char *lang = NULL;
  g_autofree char *format = NULL;
  const GOptionEntry entries[] = {
    { "lang", 'l', 0, G_OPTION_ARG_STRING, &lang, N_("Show labels in this language (default en; falls back to en)"), N_("LANG") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, N_("Output format: text (default) or json"), N_("FORMAT") },
    { NULL }
  };
  g_autoptr (GOptionContext) context = g_option_context_new ("URI");
  g_autoptr (PaStore) store = NULL;
  g_autoptr (PaConcept) concept = NULL;
  g_autoptr (GPtrArray) first = NULL;
  g_autoptr (GPtrArray) second = NULL;
  g_autoptr (GPtrArray) broader = NULL;
  g_autoptr (GError) error = NULL;
  int status = PA_CLI_OK;
  gboolean json = FALSE;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                occupation ? _("Show an occupation with its essential and optional skills.")
                                           : _("Show a skill and the occupations that need it."));
  if (argc >= 2 && g_str_equal (argv[1], "show"))
    {
      argc--;
      argv++;
    }
  if (!pa_cli_parse (context, command, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return pa_cli_usage_error (command, "%s", _("Give one concept URI"));
  if (format != NULL && !g_str_equal (format, "text"))
    {
      json = pa_cli_format_is_json (command, format, &status);
      if (status != PA_CLI_OK)
        return status;
    }

  store = pa_cli_open_store (global, &error);
  if (store == NULL)
    return pa_cli_fail (error);
  concept = pa_frameworks_get_concept (store, argv[1], lang, &error);
  if (concept == NULL)
    return pa_cli_fail (error);
  if (occupation != (g_strcmp0 (concept->ref.kind, "occupation") == 0))
    {
      if (occupation)
        g_set_error (&error, PA_STORE_ERROR, PA_STORE_ERROR_INVALID,
                     /* Translators: the second %s is a kind of concept, as in "Skill or
                      * competence" (msgctxt "concept kind"). */
                     _("“%s” is not an occupation: its kind is “%s”."), argv[1],
                     pa_concept_kind_label (concept->ref.kind, concept->skill_type));
      else
        g_set_error (&error, PA_STORE_ERROR, PA_STORE_ERROR_INVALID,
                     _("“%s” is an occupation, not a skill."), argv[1]);
      return pa_cli_fail (error);
    }
  first = pa_frameworks_list_related (store, argv[1], "essential", !occupation, lang, &error);
  if (first != NULL)
    second = pa_frameworks_list_related (store, argv[1], "optional", !occupation, lang, &error);
  if (second != NULL)
    broader = pa_frameworks_list_related (store, argv[1], "broader", FALSE, lang, &error);
  if (broader == NULL)
    return pa_cli_fail (error);

  if (json)
    {
      g_autoptr (JsonBuilder) b = json_builder_new ();

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "uri");
      json_builder_add_string_value (b, concept->ref.uri);
      json_builder_set_member_name (b, "kind");
      json_builder_add_string_value (b, concept->ref.kind);
      json_builder_set_member_name (b, "label");
      json_builder_add_string_value (b, concept->ref.label);
      json_builder_set_member_name (b, "lang");
      json_builder_add_string_value (b, concept->ref.label_lang);
      json_builder_set_member_name (b, "status");
      json_builder_add_string_value (b, concept->ref.status);
      if (concept->ref.code)
        {
          json_builder_set_member_name (b, "code");
          json_builder_add_string_value (b, concept->ref.code);
        }
      if (concept->isco_code)
        {
          json_builder_set_member_name (b, "isco");
          json_builder_add_string_value (b, concept->isco_code);
        }
      if (concept->description)
        {
          json_builder_set_member_name (b, "description");
          json_builder_add_string_value (b, concept->description);
        }
      add_refs_json (b, occupation ? "essential_skills" : "essential_for", first);
      add_refs_json (b, occupation ? "optional_skills" : "optional_for", second);
      add_refs_json (b, "broader", broader);
      json_builder_end_object (b);
      {
        g_autoptr (JsonNode) root = json_builder_get_root (b);
        pa_cli_print_json (root);
      }
      return PA_CLI_OK;
    }

  printf ("%s\n%s\n", concept->ref.label, concept->ref.uri);
  printf ("%s: %s (%s)", _("Language"), concept->ref.label_lang, concept->framework);
  if (concept->isco_code)
    printf ("  ISCO-08: %s", concept->isco_code);
  if (concept->ref.code)
    printf ("  %s: %s", _("Code"), concept->ref.code);
  if (concept->skill_type)
    printf ("  %s: %s", _("Type"), concept->skill_type);
  if (concept->reuse_level)
    printf ("  %s: %s", _("Reuse"), concept->reuse_level);
  if (g_strcmp0 (concept->ref.status, "obsolete") == 0)
    printf ("  %s", _("obsolete: no longer in the imported release"));
  printf ("\n");
  if (concept->alt_labels && concept->alt_labels[0])
    {
      g_autofree char *alts = g_strjoinv ("; ", concept->alt_labels);
      printf ("%s: %s\n", _("Also"), alts);
    }
  if (concept->collections && concept->collections[0])
    {
      g_autofree char *cols = g_strjoinv (", ", concept->collections);
      printf ("%s: %s\n", _("Collections"), cols);
    }
  if (concept->description)
    printf ("\n%s\n", concept->description);
  if (broader->len > 0)
    print_refs (_("Broader"), broader);
  if (occupation)
    {
      print_refs (_("Essential skills"), first);
      print_refs (_("Optional skills"), second);
    }
  else
    {
      print_refs (_("Essential for"), first);
      print_refs (_("Optional for"), second);
    }
  return PA_CLI_OK;
}

int
pa_cli_cmd_skill (PaCliGlobal  *global,
                  int           argc,
                  char        **argv)
{
  return show (global, "skill show", FALSE, argc, argv);
}

int
pa_cli_cmd_occupation (PaCliGlobal  *global,
                       int           argc,
                       char        **argv)
{
  return show (global, "occupation show", TRUE, argc, argv);
}
