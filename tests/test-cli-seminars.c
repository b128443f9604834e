/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <json-glib/json-glib.h>

#include "pa-case.h"
#include "pa-labour.h"
#include "pa-store-cases.h"
#include "pa-store-records.h"
#include "pa-test-utils.h"

/* passerelle-cli seminars and seminar show: what a script reads of the
 * centre's seminars, their sessions, modules and attendance. */

typedef struct
{
  char *dir;
  char *path;
  PaStore *store;
  gint64 seminar;
  gint64 amal;
  gint64 bashir;
} Fixture;

static gint64
add_case (PaStore    *store,
          const char *given,
          const char *family)
{
  g_autoptr (PaCase) kase = pa_case_new ();
  g_autoptr (GError) error = NULL;

  pa_case_set_given_name (kase, given);
  pa_case_set_family_name (kase, family);
  g_assert_true (pa_store_case_create (store, kase, &error));
  g_assert_no_error (error);
  return pa_case_get_id (kase);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PaSeminar) seminar = pa_seminar_new ();
  g_autoptr (PaSeminarSession) first = pa_seminar_session_new ();
  g_autoptr (PaSeminarSession) second = pa_seminar_session_new ();
  g_autoptr (PaModule) module = pa_module_new ();
  gint64 modules[1];

  f->dir = pa_test_make_tmpdir ();
  f->path = g_build_filename (f->dir, "centre.db", NULL);
  f->store = pa_store_open (f->path, &error);
  g_assert_no_error (error);
  f->amal = add_case (f->store, "Amal", "Haddad");
  f->bashir = add_case (f->store, "Bashir", "Rahimi");
  add_case (f->store, "Chantal", "Mukendi");

  seminar->title = g_strdup ("Atelier\tCV");
  seminar->theme = g_strdup ("employability_cv");
  seminar->location = g_strdup ("Liège, salle 2");
  seminar->start_date = g_strdup ("2025-10-06");
  seminar->end_date = g_strdup ("2025-10-13");
  g_assert_true (pa_store_seminar_add (f->store, seminar, &error));
  f->seminar = seminar->id;
  g_assert_true (pa_store_seminar_add_participant (f->store, f->seminar, f->amal, &error));
  g_assert_true (pa_store_seminar_add_participant (f->store, f->seminar, f->bashir, &error));
  first->seminar_id = second->seminar_id = f->seminar;
  first->held_on = g_strdup ("2025-10-06");
  first->topic = g_strdup ("Mon CV");
  second->held_on = g_strdup ("2025-10-13");
  g_assert_true (pa_store_seminar_session_add (f->store, first, &error));
  g_assert_true (pa_store_seminar_session_add (f->store, second, &error));
  module->code = g_strdup ("EMP-CV");
  module->title = g_strdup ("Mon CV");
  module->theme = g_strdup ("employability_cv");
  g_assert_true (pa_store_module_save (f->store, module, &error));
  modules[0] = module->id;
  g_assert_true (pa_store_seminar_session_set_modules (f->store, first->id, modules, 1, &error));
  g_assert_true (pa_store_attendance_set (f->store, first->id, f->amal, TRUE, &error));
  g_assert_true (pa_store_attendance_set (f->store, first->id, f->bashir, FALSE, &error));
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->store);
  pa_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static void
test_list (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *line = NULL;
  JsonObject *object;

  g_assert_cmpint (pa_test_run_cli (&out, &err, "--db", f->path, "seminars", NULL), ==, 0);
  line = g_strdup_printf ("%" G_GINT64_FORMAT "\tAtelier CV\temployability_cv\tLiège, salle 2\t"
                          "2025-10-06\t2025-10-13\t2\t2\n", f->seminar);
  g_assert_true (g_str_has_prefix (out, "id\ttitle\ttheme\tlocation\tstart\tend\tparticipants\tsessions\n"));
  g_assert_nonnull (strstr (out, line));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (pa_test_run_cli (&out, &err, "--db", f->path, "seminars", "--format", "json",
                                    NULL), ==, 0);
  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (json_parser_get_root (parser))), ==, 1);
  object = json_array_get_object_element (json_node_get_array (json_parser_get_root (parser)), 0);
  g_assert_cmpstr (json_object_get_string_member (object, "title"), ==, "Atelier\tCV");
  g_assert_cmpint (json_object_get_int_member (object, "participants"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (object, "sessions"), ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (pa_test_run_cli (&out, &err, "--db", f->path, "seminars", "--format", "xml",
                                    NULL), ==, 2);
  g_assert_nonnull (strstr (err, "xml"));
}

static void
test_show (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, f->seminar);
  g_autofree char *amal = NULL;
  g_autofree char *bashir = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  JsonObject *object;
  JsonObject *session;

  g_assert_cmpint (pa_test_run_cli (&out, &err, "--db", f->path, "seminar", "show", id, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "# session 2025-10-06: Mon CV [EMP-CV]\n"));
  g_assert_nonnull (strstr (out, "# session 2025-10-13: \n"));
  g_assert_nonnull (strstr (out, "case\tcode\tname\t2025-10-06\t2025-10-13\n"));
  amal = g_strdup_printf ("\tAmal Haddad\t+\t\n");
  bashir = g_strdup_printf ("\tBashir Rahimi\t-\t\n");
  g_assert_nonnull (strstr (out, amal));
  g_assert_nonnull (strstr (out, bashir));
  g_assert_null (strstr (out, "Mukendi"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (pa_test_run_cli (&out, &err, "--db", f->path, "seminar", "show", id,
                                    "--format", "json", NULL), ==, 0);
  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  g_assert_no_error (error);
  object = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (object, "location"), ==, "Liège, salle 2");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "participants")), ==, 2);
  session = json_array_get_object_element (json_object_get_array_member (object, "sessions"), 0);
  g_assert_cmpstr (json_object_get_string_member (session, "held_on"), ==, "2025-10-06");
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (session, "modules"), 0),
                   ==, "EMP-CV");
  g_assert_cmpint (json_array_get_int_element (json_object_get_array_member (session, "present"), 0),
                   ==, f->amal);
  g_assert_cmpint (json_array_get_int_element (json_object_get_array_member (session, "absent"), 0),
                   ==, f->bashir);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* A seminar that is not there, and a number that is not one. */
  g_assert_cmpint (pa_test_run_cli (&out, &err, "--db", f->path, "seminar", "show", "999", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "999"));
  g_assert_cmpstr (out, ==, "");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (pa_test_run_cli (&out, &err, "--db", f->path, "seminar", "show", "first", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "“first” is not a seminar number"));
  g_assert_nonnull (strstr (err, "seminar show --help"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (pa_test_run_cli (&out, &err, "--db", f->path, "seminar", "drop", id, NULL), ==, 2);
}

/* In an uninstalled build, passerelle-cli finds its translations through
 * $PASSERELLE_LOCALEDIR, as the interface does: errors read in French. */
static void
test_messages_translated (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *language = g_strdup (g_getenv ("LANGUAGE"));
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *out2 = NULL;
  g_autofree char *err2 = NULL;
  int status, status2;

  g_setenv ("LANGUAGE", "fr", TRUE);
  status = pa_test_run_cli (&out, &err, "--db", f->path, "seminar", "show", "first", NULL);
  status2 = pa_test_run_cli (&out2, &err2, "--db", f->path, "nosuchcommand", NULL);
  if (language != NULL)
    g_setenv ("LANGUAGE", language, TRUE);
  else
    g_unsetenv ("LANGUAGE");

  g_assert_cmpint (status, ==, 2);
  g_assert_nonnull (strstr (err, "« first » n’est pas un numéro de séminaire"));
  g_assert_null (strstr (err, "is not a seminar number"));
  g_assert_cmpint (status2, ==, 2);
  g_assert_nonnull (strstr (err2, "Commande inconnue « nosuchcommand »"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/cli-seminars/list", Fixture, NULL, fixture_setup, test_list, fixture_teardown);
  g_test_add ("/cli-seminars/show", Fixture, NULL, fixture_setup, test_show, fixture_teardown);
  g_test_add ("/cli-seminars/messages-translated", Fixture, NULL, fixture_setup,
              test_messages_translated, fixture_teardown);

  return g_test_run ();
}
