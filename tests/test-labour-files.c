/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "pa-labour-files.h"
#include "pa-mapper.h"
#include "pa-mapper-store.h"
#include "pa-store-cases.h"
#include "pa-test-utils.h"
#include "pa-vacancy-match.h"
#include "pa-xml-doc.h"

/* Catalogues, shortage lists and vacancy profiles as files: good files
 * round-trip, bad and hostile ones are refused with the file and line named,
 * and nothing stored changes. */

#define ADAPT "http://data.europa.eu/esco/skill/49de9958-2aa4-4eef-a89d-fe5d5bcd28c4"
#define TEAM "http://data.europa.eu/esco/skill/60c78287-22eb-4103-9c8c-28deaa460da0"

typedef struct
{
  char *dir;
  PaStore *store;
} Fixture;

static void
setup (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = pa_test_make_tmpdir ();
  path = g_build_filename (f->dir, "centre.db", NULL);
  f->store = pa_store_open (path, &error);
  g_assert_no_error (error);
}

static void
teardown (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->store);
  pa_test_remove_tree (f->dir);
  g_free (f->dir);
}

static char *
write_file (Fixture    *f,
            const char *name,
            const char *contents)
{
  char *path = g_build_filename (f->dir, name, NULL);
  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  return path;
}

static int
count (PaStore *store, const char *sql)
{
  sqlite3_stmt *stmt = pa_store_prepare (store, sql, NULL);
  int n;

  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

static const char catalogue[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<catalogue xmlns=\"" PA_CATALOGUE_NS "\">\n"
  "  <module code=\"CV-01\" theme=\"employability_cv\" hours=\"6\" language=\"fr\">\n"
  "    <title>Rédiger son CV &amp; sa lettre</title>\n"
  "    <develops skill=\"" ADAPT "\"/>\n"
  "  </module>\n"
  "  <module code=\"TEAM-01\" theme=\"soft_skills\">\n"
  "    <title>Travailler en équipe</title>\n"
  "    <description>Jeux de rôle.</description>\n"
  "    <develops skill=\"" TEAM "\"/>\n"
  "  </module>\n"
  "</catalogue>\n";

static void
test_catalogue_round_trip (Fixture *f, gconstpointer data)
{
  g_autofree char *in = write_file (f, "catalogue.xml", catalogue);
  g_autofree char *out = g_build_filename (f->dir, "export.xml", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) read_back = NULL;
  guint n = 0;

  g_assert_true (pa_catalogue_import (f->store, in, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 2);
  g_assert_true (pa_catalogue_export (f->store, out, &error));
  read_back = pa_catalogue_read (out, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (read_back->len, ==, 2);
  g_assert_cmpstr (((PaModule *) g_ptr_array_index (read_back, 0))->title, ==, "Rédiger son CV & sa lettre");
  g_assert_cmpfloat (((PaModule *) g_ptr_array_index (read_back, 0))->duration_hours, ==, 6.0);
  g_assert_cmpstr (((PaModule *) g_ptr_array_index (read_back, 1))->description, ==, "Jeux de rôle.");
}

static void
test_bad_files_change_nothing (Fixture *f, gconstpointer data)
{
  g_autofree char *good = write_file (f, "catalogue.xml", catalogue);
  g_autoptr (GError) error = NULL;
  struct { const char *name; const char *text; int code; } bad[] = {
    { "laughs.xml",
      "<?xml version=\"1.0\"?>\n<!DOCTYPE catalogue [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;\">]>\n"
      "<catalogue xmlns=\"" PA_CATALOGUE_NS "\"><module code=\"X\" theme=\"digital\"><title>&b;</title></module></catalogue>",
      PA_XML_ERROR_REFUSED },
    { "external.xml",
      "<?xml version=\"1.0\"?>\n<!DOCTYPE c SYSTEM \"http://example.invalid/c.dtd\">\n"
      "<catalogue xmlns=\"" PA_CATALOGUE_NS "\"/>", PA_XML_ERROR_REFUSED },
    { "truncated.xml",
      "<?xml version=\"1.0\"?>\n<catalogue xmlns=\"" PA_CATALOGUE_NS "\">\n  <module code=\"X\" theme=\"digital\">\n    <title>Cou",
      PA_XML_ERROR_MALFORMED },
    { "latin1.xml",
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<catalogue xmlns=\"" PA_CATALOGUE_NS "\"><module code=\"X\" theme=\"digital\">"
      "<title>Caf\xe9</title></module></catalogue>", PA_XML_ERROR_MALFORMED },
    { "theme.xml",
      "<?xml version=\"1.0\"?>\n<catalogue xmlns=\"" PA_CATALOGUE_NS "\">\n<module code=\"X\" theme=\"cooking\">"
      "<title>T</title></module></catalogue>", PA_XML_ERROR_INVALID },
    { "other.xml", "<?xml version=\"1.0\"?>\n<html><body/></html>", PA_XML_ERROR_WRONG_KIND },
  };

  g_assert_true (pa_catalogue_import (f->store, good, NULL, &error));
  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *path = write_file (f, bad[i].name, bad[i].text);
      g_autoptr (GError) e = NULL;

      g_assert_false (pa_catalogue_import (f->store, path, NULL, &e));
      g_assert_error (e, PA_XML_ERROR, bad[i].code);
      g_assert_nonnull (strstr (e->message, bad[i].name));
      g_test_message ("%s: %s", bad[i].name, e->message);
    }
  /* The line of the problem is named. */
  {
    g_autofree char *path = write_file (f, "theme.xml", bad[4].text);
    g_autoptr (GError) e = NULL;
    pa_catalogue_read (path, &e);
    g_assert_nonnull (strstr (e->message, "line 3"));
  }
  g_assert_cmpint (count (f->store, "SELECT count (*) FROM training_module"), ==, 2);
}

static void
test_shortage_files (Fixture *f, gconstpointer data)
{
  g_autofree char *xml = write_file (f, "wallonie.xml",
    "<?xml version=\"1.0\"?>\n<shortage-list xmlns=\"" PA_SHORTAGE_NS "\" region=\"BE-WAL\" valid-from=\"2026-01-01\">\n"
    "  <title>Fonctions critiques 2026</title>\n"
    "  <occupation uri=\"http://data.europa.eu/esco/occupation/90f75f67-495d-49fa-ab57-2f320e251d7e\" note=\"cuisinier\"/>\n"
    "  <occupation isco=\"7231\"/>\n"
    "</shortage-list>\n");
  g_autofree char *csv = write_file (f, "brussels.csv", "occupation,note\r\n5120,\"cooks, all\"\r\n2221,nurses\r\n");
  g_autofree char *broken = write_file (f, "broken.csv", "job,note\r\n5120,x\r\n");
  g_autoptr (PaShortageList) list = NULL;
  g_autoptr (PaShortageList) from_csv = NULL;
  g_autoptr (GPtrArray) added = NULL;
  g_autoptr (GPtrArray) removed = NULL;
  g_autoptr (GError) error = NULL;

  list = pa_shortage_list_read (xml, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->occupation_uris->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (list->occupation_uris, 1), ==, "http://data.europa.eu/esco/isco/C7231");
  pa_shortage_list_preview (f->store, list, &added, &removed);
  g_assert_cmpuint (added->len, ==, 2);
  g_assert_cmpuint (removed->len, ==, 0);
  g_assert_true (pa_store_shortage_save (f->store, list, &error));

  /* The region named on the command line must be the list's own. */
  g_assert_null (pa_shortage_list_read (xml, "FR-IDF", &error));
  g_assert_error (error, PA_XML_ERROR, PA_XML_ERROR_INVALID);
  g_clear_error (&error);

  from_csv = pa_shortage_list_read (csv, "BE-BRU", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (from_csv->occupation_uris->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (from_csv->notes, 0), ==, "cooks, all");

  g_assert_null (pa_shortage_list_read (broken, "BE-BRU", &error));
  g_assert_nonnull (strstr (error->message, "broken.csv"));
  g_assert_nonnull (strstr (error->message, "occupation"));
  g_clear_error (&error);
  g_assert_null (pa_shortage_list_read (csv, NULL, &error));
  g_assert_nonnull (error);
  g_assert_cmpint (count (f->store, "SELECT count (*) FROM shortage_occupation"), ==, 2);
}

static void
test_vacancy_languages (Fixture *f, gconstpointer data)
{
  g_autofree char *path = write_file (f, "vacancy.xml",
    "<?xml version=\"1.0\"?>\n<vacancy xmlns=\"" PA_VACANCY_NS "\" employer=\"Brasserie du Pont\">\n"
    "  <title>Commis</title>\n"
    "  <requires skill=\"" ADAPT "\"/>\n  <requires skill=\"" TEAM "\"/>\n"
    "  <language code=\"fr\" min-level=\"B1\"/>\n</vacancy>\n");
  g_autoptr (PaVacancy) vacancy = NULL;
  g_autoptr (PaMapper) mapper = NULL;
  g_autoptr (GPtrArray) ranked = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (PaCase) a = pa_case_new ();
  g_autoptr (PaCase) b = pa_case_new ();

  vacancy = pa_vacancy_read (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (vacancy->required->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (vacancy->languages, 0), ==, "fr:B1");

  /* The built-in transversal skills are in every store: enough to match. */
  g_assert_true (pa_store_case_create (f->store, a, &error));
  g_assert_true (pa_store_case_create (f->store, b, &error));
  {
    gint64 ia = pa_case_get_id (a), ib = pa_case_get_id (b);
    g_autofree char *sql = g_strdup_printf (
      "INSERT INTO claim (case_id, framework, item_uri, label, stage, created_at, updated_at) VALUES "
      "(%" G_GINT64_FORMAT ", 'esco', '" ADAPT "', 'a', 4, 'now', 'now'), "
      "(%" G_GINT64_FORMAT ", 'esco', '" TEAM "', 't', 4, 'now', 'now'), "
      "(%" G_GINT64_FORMAT ", 'esco', '" ADAPT "', 'a', 1, 'now', 'now');"
      "INSERT INTO case_language (case_id, language, listening, reading, spoken_interaction, "
      "spoken_production, writing) VALUES (%" G_GINT64_FORMAT ", 'fr', 'B2', 'B1', 'B1', 'A2', 'A2'), "
      "(%" G_GINT64_FORMAT ", 'fr', 'C1', 'C1', 'C1', 'C1', 'B2')",
      ia, ia, ib, ia, ib);
    g_assert_true (pa_store_exec (f->store, sql, &error));
  }
  mapper = pa_mapper_new_from_store (f->store, &error);
  g_assert_no_error (error);
  ranked = pa_vacancy_match (f->store, mapper, vacancy, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ranked->len, ==, 2);
  {
    PaCandidate *first = g_ptr_array_index (ranked, 0);
    PaCandidate *second = g_ptr_array_index (ranked, 1);
    g_assert_cmpint (first->match->person, ==, pa_case_get_id (a));
    g_assert_cmpfloat (first->match->score, ==, 100.0);
    /* A's French is written at A2: below the B1 asked. */
    g_assert_cmpuint (first->languages_short->len, ==, 1);
    g_assert_nonnull (strstr (g_ptr_array_index (first->languages_short, 0), "A2"));
    g_assert_cmpint (second->match->person, ==, pa_case_get_id (b));
    g_assert_cmpuint (second->languages_short->len, ==, 0);
    g_assert_cmpuint (second->match->missing->len, ==, 1);
  }

  /* The shortlist for an employer event: RFC 4180, quoted, CRLF, in the
   * order added, with the score and the language below the minimum. */
  {
    g_autofree char *csv = g_build_filename (f->dir, "shortlist.csv", NULL);
    g_autofree char *contents = NULL;
    g_auto (GStrv) lines = NULL;

    pa_case_set_given_name (b, "Jean \"Jo\"");
    pa_case_set_family_name (b, "Dupont, fils");
    g_assert_true (pa_store_case_update (f->store, b, &error));
    g_assert_no_error (error);
    g_assert_true (pa_store_vacancy_save (f->store, vacancy, &error));
    g_assert_true (pa_store_shortlist_add (f->store, vacancy->id, pa_case_get_id (b), &error));
    g_assert_true (pa_store_shortlist_add (f->store, vacancy->id, pa_case_get_id (a), &error));
    g_assert_true (pa_shortlist_write_csv (f->store, ranked, vacancy->id, csv, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_get_contents (csv, &contents, NULL, NULL));
    g_assert_false (g_str_has_prefix (contents, "\xef\xbb\xbf"));
    lines = g_strsplit (contents, "\r\n", -1);
    g_assert_cmpuint (g_strv_length (lines), ==, 4);
    g_assert_cmpstr (lines[0], ==, "\"Code\",\"Given name\",\"Family name\",\"Score\","
                                   "\"Required skills held\",\"Languages below the minimum\"");
    /* Added in the same second: then by case. */
    g_assert_true (g_str_has_suffix (lines[1], ",\"\",\"\",\"100\",\"2/2\",\"fr B1 (has A2)\""));
    g_assert_nonnull (strstr (lines[2], ",\"Jean \"\"Jo\"\"\",\"Dupont, fils\","));
    g_assert_true (g_str_has_suffix (lines[2], ",\"1/2\",\"\""));
    g_assert_cmpstr (lines[3], ==, "");
  }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/labour-files/catalogue-round-trip", Fixture, NULL, setup, test_catalogue_round_trip, teardown);
  g_test_add ("/labour-files/bad-files", Fixture, NULL, setup, test_bad_files_change_nothing, teardown);
  g_test_add ("/labour-files/shortage", Fixture, NULL, setup, test_shortage_files, teardown);
  g_test_add ("/labour-files/vacancy-languages", Fixture, NULL, setup, test_vacancy_languages, teardown);
  return g_test_run ();
}
