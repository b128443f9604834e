/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "passerelle-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "pa-case-json.h"
#include "pa-cli.h"
#include "pa-iso-codes.h"
#include "pa-records.h"
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

/* The text form of `case show`: the JSON of the case, laid out in sections
 * with translated labels. */

static const char *
member_string (JsonObject *object,
               const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static gboolean
member_is_set (JsonObject *object,
               const char *member)
{
  JsonNode *node = json_object_get_member (object, member);
  return node != NULL && !JSON_NODE_HOLDS_NULL (node);
}

static gint64
member_int (JsonObject *object,
            const char *member)
{
  return member_is_set (object, member) ? json_object_get_int_member (object, member) : 0;
}

static gboolean
nonempty (const char *text)
{
  return text != NULL && *text != '\0';
}

/* Appends "label: value" to a line of parts separated by " · ". */
static void
add_part (GString    *line,
          const char *label,
          const char *value)
{
  if (!nonempty (value))
    return;
  if (line->len > 0)
    g_string_append (line, " · ");
  if (label != NULL)
    g_string_append_printf (line, "%s: %s", label, value);
  else
    g_string_append (line, value);
}

static void
print_line (int         indent,
            GString    *line)
{
  if (line->len > 0)
    printf ("%*s%s\n", indent, "", line->str);
  g_string_truncate (line, 0);
}

/* Long text (tasks, notes), indented, one paragraph per line. */
static void
print_block (int         indent,
             const char *text)
{
  g_auto (GStrv) lines = NULL;

  if (!nonempty (text))
    return;
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    printf ("%*s%s\n", indent, "", lines[i]);
}

static JsonArray *
section (JsonObject *object,
         const char *member,
         const char *title)
{
  JsonArray *array = json_object_get_array_member (object, member);

  printf ("\n%s\n", title);
  if (json_array_get_length (array) == 0)
    printf ("  %s\n", _("(none)"));
  return array;
}

static char *
dates_text (const char *start,
            const char *end)
{
  if (start == NULL && end == NULL)
    return NULL;
  /* TRANSLATORS: a span of dates, e.g. "2015-03 – 2019" */
  return g_strdup_printf (_("%s – %s"), start ? start : "…", end ? end : "…");
}

static const char *
country_text (const char *code)
{
  return code ? pa_iso_country_name (code) : NULL;
}

static void
print_identity (JsonObject *o,
                GString    *line)
{
  g_autofree char *name = g_strstrip (g_strdup_printf ("%s %s",
                                                       member_string (o, "given_name"),
                                                       member_string (o, "family_name")));
  g_autofree char *year = member_is_set (o, "birth_year")
    ? g_strdup_printf ("%" G_GINT64_FORMAT, member_int (o, "birth_year")) : NULL;

  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, member_int (o, "id"));

  /* TRANSLATORS: name (case code, case number) */
  printf (_("%s (%s, case %s)\n"), *name ? name : _("(no name)"), member_string (o, "code"), number);
  add_part (line, _("Gender"), member_string (o, "gender"));
  add_part (line, _("Born"), year);
  add_part (line, _("Origin"), country_text (member_string (o, "origin_country")));
  add_part (line, _("Arrived"), member_string (o, "arrival_date"));
  print_line (2, line);
  add_part (line, _("Contact"), member_string (o, "contact"));
  print_line (2, line);
  add_part (line, _("Created"), member_string (o, "created_at"));
  add_part (line, _("Updated"), member_string (o, "updated_at"));
  add_part (line, _("In the trash since"), member_string (o, "trashed_at"));
  print_line (2, line);
}

static void
print_languages (JsonObject *o,
                 GString    *line)
{
  static const struct { const char *member; const char *label; } skills[] = {
    { "listening", N_("listening") },
    { "reading", N_("reading") },
    { "spoken_interaction", N_("spoken interaction") },
    { "spoken_production", N_("spoken production") },
    { "writing", N_("writing") },
  };
  JsonArray *array = section (o, "languages", _("Languages"));

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *l = json_array_get_object_element (array, i);
      g_autoptr (GString) levels = g_string_new (NULL);

      for (gsize k = 0; k < G_N_ELEMENTS (skills); k++)
        if (member_string (l, skills[k].member) != NULL)
          g_string_append_printf (levels, "%s%s %s", levels->len ? ", " : "",
                                  _(skills[k].label), member_string (l, skills[k].member));
      add_part (line, NULL, pa_iso_language_name (member_string (l, "language")));
      if (json_object_get_boolean_member (l, "mother_tongue"))
        add_part (line, NULL, _("mother tongue"));
      add_part (line, NULL, levels->str);
      add_part (line, _("source"), pa_record_value_label ("language.source", member_string (l, "source")));
      print_line (2, line);
    }
}

static void
print_education (JsonObject *o,
                 GString    *line)
{
  JsonArray *array = section (o, "education", _("Education and qualifications"));

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *e = json_array_get_object_element (array, i);
      g_autofree char *year = member_is_set (e, "year_completed")
        ? g_strdup_printf ("%" G_GINT64_FORMAT, member_int (e, "year_completed")) : NULL;
      g_autofree char *isced = member_is_set (e, "isced_level")
        ? g_strdup_printf ("%" G_GINT64_FORMAT, member_int (e, "isced_level")) : NULL;
      g_autofree char *eqf = member_is_set (e, "eqf_estimate")
        ? g_strdup_printf ("%" G_GINT64_FORMAT, member_int (e, "eqf_estimate")) : NULL;

      add_part (line, NULL, nonempty (member_string (e, "original_title"))
                              ? member_string (e, "original_title") : _("(untitled)"));
      add_part (line, NULL, member_string (e, "institution"));
      add_part (line, NULL, country_text (member_string (e, "country")));
      add_part (line, NULL, year);
      print_line (2, line);
      add_part (line, _("ISCED level"), isced);
      add_part (line, _("ISCED field"), member_string (e, "isced_field"));
      add_part (line, _("EQF estimate"), eqf);
      add_part (line, _("documents"), pa_record_value_label ("education.documents",
                                                             member_string (e, "documents_held")));
      add_part (line, _("recognition"), pa_record_value_label ("education.recognition",
                                                               member_string (e, "recognition_status")));
      print_line (6, line);
      print_block (6, member_string (e, "notes"));
    }
}

static void
print_experiences (JsonObject *o,
                   GString    *line)
{
  JsonArray *array = section (o, "experiences", _("Experiences"));

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *e = json_array_get_object_element (array, i);
      g_autofree char *kind = g_strdup_printf ("[%s]", pa_record_value_label ("experience.kind",
                                                                               member_string (e, "kind")));
      g_autofree char *dates = dates_text (member_string (e, "start_date"), member_string (e, "end_date"));
      g_autofree char *number = g_strdup_printf ("#%" G_GINT64_FORMAT, member_int (e, "id"));

      g_string_append_printf (line, "%s %s %s", number, kind, member_string (e, "title"));
      add_part (line, NULL, member_string (e, "organisation"));
      add_part (line, NULL, member_string (e, "place"));
      add_part (line, NULL, country_text (member_string (e, "country")));
      add_part (line, NULL, dates);
      print_line (2, line);
      print_block (6, member_string (e, "tasks"));
      add_part (line, _("occupation"), member_string (e, "occupation_uri"));
      print_line (6, line);
    }
}

static void
print_ids (GString    *line,
           const char *label,
           JsonArray  *ids)
{
  g_autoptr (GString) text = g_string_new (NULL);

  for (guint i = 0; i < json_array_get_length (ids); i++)
    g_string_append_printf (text, "%s#%" G_GINT64_FORMAT, i ? ", " : "",
                            json_array_get_int_element (ids, i));
  add_part (line, label, text->str);
}

static void
print_claims (JsonObject *o,
              GString    *line)
{
  JsonArray *array = section (o, "claims", _("Competences"));

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *c = json_array_get_object_element (array, i);
      JsonArray *history = json_object_get_array_member (c, "history");

      g_string_append_printf (line, "#%" G_GINT64_FORMAT " [%s] %s", member_int (c, "id"),
                              pa_stage_label ((int) member_int (c, "stage")),
                              member_string (c, "label"));
      add_part (line, _("level"), member_string (c, "level"));
      add_part (line, NULL, member_string (c, "framework"));
      print_line (2, line);
      add_part (line, NULL, member_string (c, "item_uri"));
      print_line (6, line);
      print_ids (line, _("from experiences"), json_object_get_array_member (c, "experience_ids"));
      print_ids (line, _("evidence"), json_object_get_array_member (c, "evidence_ids"));
      print_line (6, line);
      for (guint j = 0; j < json_array_get_length (history); j++)
        {
          JsonObject *s = json_array_get_object_element (history, j);

          g_string_append_printf (line, "%s %s", pa_stage_label ((int) member_int (s, "stage")),
                                  member_string (s, "at"));
          add_part (line, _("by"), member_string (s, "actor"));
          add_part (line, _("method"), pa_record_value_label ("claim.method", member_string (s, "method")));
          add_part (line, _("level"), member_string (s, "level"));
          add_part (line, _("assessor"), member_string (s, "assessor"));
          print_line (6, line);
          print_block (10, member_string (s, "rationale"));
        }
    }
}

static void
print_evidence (JsonObject *o,
                GString    *line)
{
  JsonArray *array = section (o, "evidence", _("Evidence"));

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *e = json_array_get_object_element (array, i);
      g_autofree char *size = g_format_size ((guint64) member_int (e, "size"));
      g_autoptr (GString) flags = g_string_new (NULL);
      static const struct { const char *member; const char *label; } quality[] = {
        { "relevant", N_("relevant") },
        { "authentic", N_("authentic") },
        { "sufficient", N_("sufficient") },
        { "current", N_("current") },
      };

      for (gsize k = 0; k < G_N_ELEMENTS (quality); k++)
        if (json_object_get_boolean_member (e, quality[k].member))
          g_string_append_printf (flags, "%s%s", flags->len ? ", " : "", _(quality[k].label));
      g_string_append_printf (line, "#%" G_GINT64_FORMAT " %s", member_int (e, "id"),
                              member_string (e, "title"));
      add_part (line, NULL, pa_record_value_label ("evidence.kind", member_string (e, "kind")));
      add_part (line, NULL, member_string (e, "filename"));
      add_part (line, NULL, member_string (e, "mime_type"));
      add_part (line, NULL, size);
      print_line (2, line);
      add_part (line, "SHA-256", member_string (e, "sha256"));
      print_line (6, line);
      add_part (line, _("quality"), flags->str);
      print_line (6, line);
    }
}

static void
print_plan (JsonObject *o,
            GString    *line)
{
  JsonArray *goals = section (o, "goals", _("Goals"));
  JsonArray *actions;
  JsonArray *sessions;

  for (guint i = 0; i < json_array_get_length (goals); i++)
    {
      JsonObject *g = json_array_get_object_element (goals, i);
      g_string_append_printf (line, "#%" G_GINT64_FORMAT " %s", member_int (g, "id"),
                              member_string (g, "title"));
      add_part (line, NULL, pa_record_value_label ("goal.status", member_string (g, "status")));
      add_part (line, _("target occupation"), member_string (g, "target_occupation_uri"));
      print_line (2, line);
    }

  actions = section (o, "plan_actions", _("Action plan"));
  for (guint i = 0; i < json_array_get_length (actions); i++)
    {
      JsonObject *a = json_array_get_object_element (actions, i);
      g_autofree char *goal = member_is_set (a, "goal_id")
        ? g_strdup_printf ("#%" G_GINT64_FORMAT, member_int (a, "goal_id")) : NULL;

      g_string_append_printf (line, "[%s] %s",
                              pa_record_value_label ("plan.kind", member_string (a, "kind")),
                              member_string (a, "title"));
      add_part (line, NULL, pa_record_value_label ("plan.status", member_string (a, "status")));
      add_part (line, _("due"), member_string (a, "due_on"));
      add_part (line, _("done"), member_string (a, "done_on"));
      add_part (line, _("goal"), goal);
      print_line (2, line);
      print_block (6, member_string (a, "notes"));
    }

  sessions = section (o, "sessions", _("Sessions"));
  for (guint i = 0; i < json_array_get_length (sessions); i++)
    {
      JsonObject *s = json_array_get_object_element (sessions, i);
      g_autofree char *minutes = member_is_set (s, "duration_minutes")
        ? g_strdup_printf (ngettext ("%d minute", "%d minutes", (gulong) member_int (s, "duration_minutes")),
                           (int) member_int (s, "duration_minutes"))
        : NULL;

      g_string_append_printf (line, "%s %s", member_string (s, "held_on"),
                              pa_record_value_label ("session.kind", member_string (s, "kind")));
      add_part (line, NULL, minutes);
      print_line (2, line);
      print_block (6, member_string (s, "notes"));
    }
}

static void
print_seminars (JsonObject *o,
                GString    *line)
{
  JsonArray *array = section (o, "seminars", _("Seminars"));

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *s = json_array_get_object_element (array, i);
      JsonArray *sessions = json_object_get_array_member (s, "sessions");
      g_autofree char *dates = dates_text (member_string (s, "start_date"), member_string (s, "end_date"));

      g_string_append_printf (line, "#%" G_GINT64_FORMAT " %s", member_int (s, "id"),
                              member_string (s, "title"));
      add_part (line, NULL, member_string (s, "theme"));
      add_part (line, NULL, member_string (s, "location"));
      add_part (line, NULL, dates);
      print_line (2, line);
      for (guint j = 0; j < json_array_get_length (sessions); j++)
        {
          JsonObject *session = json_array_get_object_element (sessions, j);
          const char *presence = !member_is_set (session, "present") ? _("not recorded")
                               : json_object_get_boolean_member (session, "present") ? _("present")
                               : _("absent");

          g_string_append_printf (line, "%s", member_string (session, "held_on"));
          add_part (line, NULL, member_string (session, "topic"));
          add_part (line, NULL, presence);
          print_line (6, line);
        }
    }
}

static void
print_case_text (JsonObject *o)
{
  g_autoptr (GString) line = g_string_new (NULL);
  JsonArray *consents;

  print_identity (o, line);

  consents = section (o, "consents", _("Consents"));
  for (guint i = 0; i < json_array_get_length (consents); i++)
    {
      JsonObject *c = json_array_get_object_element (consents, i);
      add_part (line, NULL, pa_record_value_label ("consent.scope", member_string (c, "scope")));
      add_part (line, _("given"), member_string (c, "given_on"));
      add_part (line, _("withdrawn"), member_string (c, "withdrawn_on"));
      add_part (line, NULL, member_string (c, "note"));
      print_line (2, line);
    }

  print_languages (o, line);
  print_education (o, line);
  print_experiences (o, line);
  print_claims (o, line);
  print_evidence (o, line);
  print_plan (o, line);
  print_seminars (o, line);
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
    print_case_text (json_node_get_object (node));
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
