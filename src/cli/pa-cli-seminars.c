/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "passerelle-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "pa-case.h"
#include "pa-cli.h"
#include "pa-labour.h"
#include "pa-store-cases.h"
#include "pa-store-records.h"

/* seminars, seminar show: the centre's seminars, their participants,
 * sessions, the modules each covered and the attendance. */

static void
print_field (const char *value)
{
  /* TSV has no quoting: tabs and newlines inside a field become spaces. */
  for (const char *p = value ? value : ""; *p; p++)
    putchar (*p == '\t' || *p == '\n' || *p == '\r' ? ' ' : *p);
}

static void
add_string (JsonObject *object,
            const char *name,
            const char *value)
{
  if (value != NULL)
    json_object_set_string_member (object, name, value);
  else
    json_object_set_null_member (object, name);
}

int
pa_cli_cmd_seminars (PaCliGlobal  *global,
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
  g_autoptr (GPtrArray) seminars = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonArray) array = NULL;
  int status = PA_CLI_OK;
  gboolean json;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _("List the seminars, the latest first."));
  if (!pa_cli_parse (context, "seminars", &argc, &argv, &status))
    return status;
  if (argc > 1)
    return pa_cli_usage_error ("seminars", _("Unexpected argument “%s”"), argv[1]);
  json = pa_cli_format_is_json ("seminars", format, &status);
  if (status != PA_CLI_OK)
    return status;

  store = pa_cli_open_store (global, &error);
  if (store == NULL)
    return pa_cli_fail (error);
  seminars = pa_store_seminar_list (store, &error);
  if (seminars == NULL)
    return pa_cli_fail (error);

  if (json)
    array = json_array_sized_new (seminars->len);
  else
    printf ("id\ttitle\ttheme\tlocation\tstart\tend\tparticipants\tsessions\n");
  for (guint i = 0; i < seminars->len; i++)
    {
      PaSeminar *seminar = g_ptr_array_index (seminars, i);
      g_autoptr (GArray) people = pa_store_seminar_list_participants (store, seminar->id, &error);
      g_autoptr (GPtrArray) sessions = NULL;

      if (people == NULL ||
          (sessions = pa_store_seminar_session_list (store, seminar->id, &error)) == NULL)
        return pa_cli_fail (g_steal_pointer (&error));
      if (json)
        {
          JsonObject *object = json_object_new ();

          json_object_set_int_member (object, "id", seminar->id);
          add_string (object, "title", seminar->title);
          add_string (object, "theme", seminar->theme);
          add_string (object, "location", seminar->location);
          add_string (object, "start_date", seminar->start_date);
          add_string (object, "end_date", seminar->end_date);
          json_object_set_int_member (object, "participants", people->len);
          json_object_set_int_member (object, "sessions", sessions->len);
          json_array_add_object_element (array, object);
          continue;
        }
      printf ("%" G_GINT64_FORMAT "\t", seminar->id);
      print_field (seminar->title);
      putchar ('\t');
      print_field (seminar->theme);
      putchar ('\t');
      print_field (seminar->location);
      putchar ('\t');
      print_field (seminar->start_date);
      putchar ('\t');
      print_field (seminar->end_date);
      printf ("\t%u\t%u\n", people->len, sessions->len);
    }
  if (json)
    {
      g_autoptr (JsonNode) root = json_node_new (JSON_NODE_ARRAY);

      json_node_set_array (root, array);
      pa_cli_print_json (root);
    }
  return PA_CLI_OK;
}

/* PaAttendance rows of a session, by case: 1 present, 2 absent. */
static GHashTable *
session_marks (PaStore  *store,
               gint64    session_id,
               GError  **error)
{
  g_autoptr (GPtrArray) rows = pa_store_attendance_list (store, session_id, error);
  GHashTable *marks;

  if (rows == NULL)
    return NULL;
  marks = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (guint i = 0; i < rows->len; i++)
    {
      PaAttendance *a = g_ptr_array_index (rows, i);
      gint64 *key = g_new (gint64, 1);

      *key = a->case_id;
      g_hash_table_insert (marks, key, GINT_TO_POINTER (a->present ? 1 : 2));
    }
  return marks;
}

static int
seminar_show (PaCliGlobal  *global,
              int           argc,
              char        **argv)
{
  g_autofree char *format = NULL;
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, N_("Output format: tsv (default) or json"), N_("FORMAT") },
    { NULL }
  };
  g_autoptr (GOptionContext) context = g_option_context_new (_("ID"));
  g_autoptr (PaStore) store = NULL;
  g_autoptr (PaSeminar) seminar = NULL;
  g_autoptr (GArray) ids = NULL;
  g_autoptr (GPtrArray) people = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GPtrArray) sessions = NULL;
  g_autoptr (GPtrArray) modules = NULL;
  g_autoptr (GPtrArray) marks = g_ptr_array_new_with_free_func ((GDestroyNotify) g_hash_table_unref);
  g_autoptr (GError) error = NULL;
  int status = PA_CLI_OK;
  gboolean json;
  char *end = NULL;
  gint64 id;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _("Show a seminar: its participants, its sessions with "
                                           "the modules they covered, and who attended."));
  if (!pa_cli_parse (context, "seminar show", &argc, &argv, &status))
    return status;
  if (argc < 2)
    return pa_cli_usage_error ("seminar show", "%s", _("Give one seminar number"));
  if (argc > 2)
    return pa_cli_usage_error ("seminar show", _("Unexpected argument “%s”"), argv[2]);
  json = pa_cli_format_is_json ("seminar show", format, &status);
  if (status != PA_CLI_OK)
    return status;
  id = g_ascii_strtoll (argv[1], &end, 10);
  if (end == argv[1] || *end != '\0' || id <= 0)
    return pa_cli_usage_error ("seminar show", _("“%s” is not a seminar number"), argv[1]);

  store = pa_cli_open_store (global, &error);
  if (store == NULL)
    return pa_cli_fail (error);
  seminar = pa_store_seminar_get (store, id, &error);
  if (seminar == NULL ||
      (ids = pa_store_seminar_list_participants (store, id, &error)) == NULL ||
      (sessions = pa_store_seminar_session_list (store, id, &error)) == NULL ||
      (modules = pa_store_module_list (store, &error)) == NULL)
    return pa_cli_fail (g_steal_pointer (&error));
  for (guint i = 0; i < ids->len; i++)
    {
      PaCase *kase = pa_store_case_get (store, g_array_index (ids, gint64, i), &error);

      if (kase == NULL)
        return pa_cli_fail (g_steal_pointer (&error));
      g_ptr_array_add (people, kase);
    }
  for (guint j = 0; j < sessions->len; j++)
    {
      GHashTable *m = session_marks (store, ((PaSeminarSession *) g_ptr_array_index (sessions, j))->id,
                                     &error);
      if (m == NULL)
        return pa_cli_fail (g_steal_pointer (&error));
      g_ptr_array_add (marks, m);
    }

  if (json)
    {
      g_autoptr (JsonNode) root = json_node_new (JSON_NODE_OBJECT);
      JsonObject *object = json_object_new ();
      JsonArray *people_array = json_array_new ();
      JsonArray *session_array = json_array_new ();

      json_object_set_int_member (object, "id", seminar->id);
      add_string (object, "title", seminar->title);
      add_string (object, "theme", seminar->theme);
      add_string (object, "location", seminar->location);
      add_string (object, "start_date", seminar->start_date);
      add_string (object, "end_date", seminar->end_date);
      for (guint i = 0; i < people->len; i++)
        {
          PaCase *kase = g_ptr_array_index (people, i);
          JsonObject *person = json_object_new ();
          g_autofree char *name = pa_case_dup_display_name (kase);

          json_object_set_int_member (person, "case_id", pa_case_get_id (kase));
          add_string (person, "code", pa_case_get_code (kase));
          add_string (person, "name", name);
          json_array_add_object_element (people_array, person);
        }
      for (guint j = 0; j < sessions->len; j++)
        {
          PaSeminarSession *session = g_ptr_array_index (sessions, j);
          g_autoptr (GArray) covered = pa_store_seminar_session_get_modules (store, session->id, NULL);
          JsonObject *s = json_object_new ();
          JsonArray *present = json_array_new ();
          JsonArray *absent = json_array_new ();
          JsonArray *module_codes = json_array_new ();
          GHashTableIter iter;
          gpointer key, value;

          json_object_set_int_member (s, "id", session->id);
          add_string (s, "held_on", session->held_on);
          add_string (s, "topic", session->topic);
          for (guint k = 0; covered != NULL && k < covered->len; k++)
            for (guint m = 0; m < modules->len; m++)
              if (((PaModule *) g_ptr_array_index (modules, m))->id == g_array_index (covered, gint64, k))
                json_array_add_string_element (module_codes,
                                               ((PaModule *) g_ptr_array_index (modules, m))->code);
          g_hash_table_iter_init (&iter, g_ptr_array_index (marks, j));
          while (g_hash_table_iter_next (&iter, &key, &value))
            json_array_add_int_element (GPOINTER_TO_INT (value) == 1 ? present : absent,
                                        *(gint64 *) key);
          json_object_set_array_member (s, "modules", module_codes);
          json_object_set_array_member (s, "present", present);
          json_object_set_array_member (s, "absent", absent);
          json_array_add_object_element (session_array, s);
        }
      json_object_set_array_member (object, "participants", people_array);
      json_object_set_array_member (object, "sessions", session_array);
      json_node_take_object (root, object);
      pa_cli_print_json (root);
      return PA_CLI_OK;
    }

  /* One table: a participant a line, a column a session (+ present, - absent). */
  printf ("# ");
  print_field (seminar->title);
  printf ("\n# theme: ");
  print_field (seminar->theme);
  printf ("\n# location: ");
  print_field (seminar->location);
  printf ("\n# dates: %s – %s\n", seminar->start_date ? seminar->start_date : "",
          seminar->end_date ? seminar->end_date : "");
  for (guint j = 0; j < sessions->len; j++)
    {
      PaSeminarSession *session = g_ptr_array_index (sessions, j);
      g_autoptr (GArray) covered = pa_store_seminar_session_get_modules (store, session->id, NULL);

      printf ("# session %s: ", session->held_on);
      print_field (session->topic);
      for (guint k = 0; covered != NULL && k < covered->len; k++)
        for (guint m = 0; m < modules->len; m++)
          if (((PaModule *) g_ptr_array_index (modules, m))->id == g_array_index (covered, gint64, k))
            printf ("%s%s", k == 0 ? " [" : ", ", ((PaModule *) g_ptr_array_index (modules, m))->code);
      printf ("%s\n", covered != NULL && covered->len > 0 ? "]" : "");
    }
  printf ("case\tcode\tname");
  for (guint j = 0; j < sessions->len; j++)
    printf ("\t%s", ((PaSeminarSession *) g_ptr_array_index (sessions, j))->held_on);
  putchar ('\n');
  for (guint i = 0; i < people->len; i++)
    {
      PaCase *kase = g_ptr_array_index (people, i);
      g_autofree char *name = pa_case_dup_display_name (kase);
      gint64 case_id = pa_case_get_id (kase);

      printf ("%" G_GINT64_FORMAT "\t", case_id);
      print_field (pa_case_get_code (kase));
      putchar ('\t');
      print_field (name);
      for (guint j = 0; j < sessions->len; j++)
        {
          int mark = GPOINTER_TO_INT (g_hash_table_lookup (g_ptr_array_index (marks, j), &case_id));
          printf ("\t%s", mark == 1 ? "+" : mark == 2 ? "-" : "");
        }
      putchar ('\n');
    }
  return PA_CLI_OK;
}

int
pa_cli_cmd_seminar (PaCliGlobal  *global,
                    int           argc,
                    char        **argv)
{
  if (argc >= 2 && g_str_equal (argv[1], "show"))
    return seminar_show (global, argc - 1, argv + 1);
  if (argc < 2)
    return pa_cli_usage_error ("seminar", "%s", _("Missing command: show"));
  return pa_cli_usage_error ("seminar", _("Unknown command “%s”: use show"), argv[1]);
}
