/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pa-labour.h"
#include "pa-store-cases.h"
#include "pa-test-utils.h"

#define COOK "http://data.europa.eu/esco/occupation/90f75f67-495d-49fa-ab57-2f320e251d7e"
#define SKILL_A "http://data.europa.eu/esco/skill/a"
#define SKILL_B "http://data.europa.eu/esco/skill/b"

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

static int
count (PaStore *store, const char *sql)
{
  sqlite3_stmt *stmt = pa_store_prepare (store, sql, NULL);
  int n;

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

static void
test_modules (Fixture *f, gconstpointer data)
{
  g_autoptr (PaModule) m = pa_module_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) all = NULL;
  g_autoptr (GPtrArray) for_a = NULL;

  m->code = g_strdup ("CV-01");
  m->title = g_strdup ("Écrire son CV");
  m->theme = g_strdup ("employability_cv");
  m->duration_hours = 6;
  m->language = g_strdup ("fr");
  g_ptr_array_add (m->skill_uris, g_strdup (SKILL_A));
  g_assert_true (pa_store_module_save (f->store, m, &error));
  g_assert_no_error (error);
  g_assert_cmpint (m->id, >, 0);

  /* Saving the same code again replaces it, keeps the id. */
  {
    g_autoptr (PaModule) again = pa_module_new ();
    again->code = g_strdup ("CV-01");
    again->title = g_strdup ("Écrire son CV (2)");
    again->theme = g_strdup ("employability_cv");
    g_ptr_array_add (again->skill_uris, g_strdup (SKILL_B));
    g_assert_true (pa_store_module_save (f->store, again, &error));
    g_assert_cmpint (again->id, ==, m->id);
  }
  all = pa_store_module_list (f->store, &error);
  g_assert_cmpuint (all->len, ==, 1);
  g_assert_cmpstr (((PaModule *) g_ptr_array_index (all, 0))->title, ==, "Écrire son CV (2)");
  for_a = pa_store_modules_for_skill (f->store, SKILL_A, &error);
  g_assert_cmpuint (for_a->len, ==, 0);

  /* Bad input: nothing stored. */
  {
    g_autoptr (PaModule) bad = pa_module_new ();
    bad->code = g_strdup ("X");
    bad->title = g_strdup ("X");
    bad->theme = g_strdup ("cooking");
    g_assert_false (pa_store_module_save (f->store, bad, &error));
    g_assert_error (error, PA_STORE_ERROR, PA_STORE_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "cooking"));
    g_clear_error (&error);
    g_free (bad->theme);
    bad->theme = g_strdup ("digital");
    g_ptr_array_add (bad->skill_uris, g_strdup ("not a uri"));
    g_assert_false (pa_store_module_save (f->store, bad, &error));
    g_assert_error (error, PA_STORE_ERROR, PA_STORE_ERROR_INVALID);
    g_clear_error (&error);
  }
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM training_module"), ==, 1);
  g_assert_true (pa_store_module_delete (f->store, m->id, &error));
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM module_skill"), ==, 0);
}

static void
test_vacancies_and_shortlist (Fixture *f, gconstpointer data)
{
  g_autoptr (PaVacancy) v = pa_vacancy_new ();
  g_autoptr (PaVacancy) got = NULL;
  g_autoptr (PaCase) kase = pa_case_new ();
  g_autoptr (GArray) shortlist = NULL;
  g_autoptr (GError) error = NULL;

  v->employer = g_strdup ("Brasserie du Pont");
  v->title = g_strdup ("Commis de cuisine");
  v->occupation_uri = g_strdup (COOK);
  g_ptr_array_add (v->required, g_strdup (SKILL_A));
  g_ptr_array_add (v->nice, g_strdup (SKILL_B));
  g_ptr_array_add (v->languages, g_strdup ("fr:A2"));
  g_assert_true (pa_store_vacancy_save (f->store, v, &error));
  g_assert_no_error (error);

  got = pa_store_vacancy_get (f->store, v->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (got->employer, ==, "Brasserie du Pont");
  g_assert_cmpuint (got->required->len, ==, 1);
  g_assert_cmpuint (got->nice->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (got->languages, 0), ==, "fr:A2");

  /* A language level outside CEFR is refused and the vacancy is unchanged. */
  g_ptr_array_add (v->languages, g_strdup ("nl:D1"));
  g_free (v->title);
  v->title = g_strdup ("changed");
  g_assert_false (pa_store_vacancy_save (f->store, v, &error));
  g_assert_error (error, PA_STORE_ERROR, PA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_pointer (&got, pa_vacancy_free);
  got = pa_store_vacancy_get (f->store, v->id, &error);
  g_assert_cmpstr (got->title, ==, "Commis de cuisine");

  pa_case_set_given_name (kase, "Amal");
  g_assert_true (pa_store_case_create (f->store, kase, &error));
  g_assert_true (pa_store_shortlist_add (f->store, v->id, pa_case_get_id (kase), &error));
  g_assert_true (pa_store_shortlist_add (f->store, v->id, pa_case_get_id (kase), &error));
  shortlist = pa_store_shortlist_get (f->store, v->id, &error);
  g_assert_cmpuint (shortlist->len, ==, 1);
  g_assert_true (pa_store_shortlist_remove (f->store, v->id, pa_case_get_id (kase), &error));
  g_clear_pointer (&shortlist, g_array_unref);
  shortlist = pa_store_shortlist_get (f->store, v->id, &error);
  g_assert_cmpuint (shortlist->len, ==, 0);
}

static void
test_shortage (Fixture *f, gconstpointer data)
{
  g_autoptr (PaShortageList) list = pa_shortage_list_new ();
  g_autoptr (PaShortageList) replaced = pa_shortage_list_new ();
  g_autoptr (GHashTable) set = NULL;
  g_autoptr (GError) error = NULL;

  list->region = g_strdup ("BE-WAL");
  list->title = g_strdup ("Métiers en pénurie 2026");
  list->valid_from = g_strdup ("2026-01-01");
  g_ptr_array_add (list->occupation_uris, g_strdup (COOK));
  g_ptr_array_add (list->notes, g_strdup (""));
  g_assert_true (pa_store_shortage_save (f->store, list, &error));
  g_assert_no_error (error);
  set = pa_store_shortage_set (f->store, "BE-WAL", &error);
  g_assert_true (g_hash_table_contains (set, COOK));

  /* A new list for the region replaces the old one as a whole. */
  replaced->region = g_strdup ("BE-WAL");
  replaced->title = g_strdup ("Métiers en pénurie 2027");
  g_ptr_array_add (replaced->occupation_uris, g_strdup (SKILL_B));
  g_assert_true (pa_store_shortage_save (f->store, replaced, &error));
  g_clear_pointer (&set, g_hash_table_unref);
  set = pa_store_shortage_set (f->store, "BE-WAL", &error);
  g_assert_false (g_hash_table_contains (set, COOK));
  g_assert_cmpuint (g_hash_table_size (set), ==, 1);

  /* A bad date is refused and the stored list stays as it was. */
  replaced->valid_to = g_strdup ("2027-13-40");
  g_assert_false (pa_store_shortage_save (f->store, replaced, &error));
  g_assert_error (error, PA_STORE_ERROR, PA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  {
    g_autoptr (PaShortageList) got = pa_store_shortage_get (f->store, "BE-WAL", &error);
    g_assert_cmpstr (got->title, ==, "Métiers en pénurie 2027");
    g_assert_null (got->valid_to);
  }
  g_assert_null (pa_store_shortage_get (f->store, "FR-IDF", &error));
  g_assert_error (error, PA_STORE_ERROR, PA_STORE_ERROR_NOT_FOUND);
}

static void
test_rejections (Fixture *f, gconstpointer data)
{
  g_autoptr (PaCase) kase = pa_case_new ();
  g_autoptr (GHashTable) set = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_true (pa_store_case_create (f->store, kase, &error));
  g_assert_true (pa_store_suggestion_reject (f->store, pa_case_get_id (kase), SKILL_A, &error));
  set = pa_store_suggestion_rejections (f->store, pa_case_get_id (kase), &error);
  g_assert_true (g_hash_table_contains (set, SKILL_A));
  g_assert_false (g_hash_table_contains (set, SKILL_B));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/labour/modules", Fixture, NULL, setup, test_modules, teardown);
  g_test_add ("/labour/vacancies", Fixture, NULL, setup, test_vacancies_and_shortlist, teardown);
  g_test_add ("/labour/shortage", Fixture, NULL, setup, test_shortage, teardown);
  g_test_add ("/labour/rejections", Fixture, NULL, setup, test_rejections, teardown);
  return g_test_run ();
}
