/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pa-builtin-frameworks.h"
#include "pa-framework-search.h"
#include "pa-test-utils.h"

/* The built-in frameworks are in every store from its first opening, so the
 * application is useful with no ESCO import. */

static gint64
count (PaStore    *store,
       const char *sql)
{
  sqlite3_stmt *stmt = pa_store_prepare (store, sql, NULL);
  gint64 n;

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

static void
test_fresh_store (void)
{
  g_autofree char *dir = pa_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "centre.db", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (PaStore) store = pa_store_open (path, &error);
  g_autoptr (PaFrameworkSearch) search = NULL;
  g_autoptr (GPtrArray) hits = NULL;
  g_autofree char *uri = pa_builtin_item_uri ("transversal", "resilience");

  g_assert_no_error (error);
  /* Opening leaves them out: a case list never waits for them. */
  g_assert_cmpint (count (store, "SELECT count (*) FROM framework WHERE origin = 'builtin'"), ==, 0);
  g_assert_true (pa_builtin_frameworks_ensure (store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (store, "SELECT count (*) FROM framework WHERE origin = 'builtin'"), ==, 6);
  g_assert_cmpint (count (store, "SELECT count (*) FROM concept WHERE kind = 'isco_group'"), ==, 619);
  g_assert_cmpint (count (store, "SELECT count (*) FROM collection_member WHERE collection = 'builtin:digcomp'"), ==, 26);
  g_assert_cmpint (count (store, "SELECT count (*) FROM collection_member WHERE collection = 'meta-competence'"), >=, 6);
  /* ISCO unit groups hang under their minor groups. */
  g_assert_cmpint (count (store, "SELECT count (*) FROM concept_relation r JOIN concept c ON c.id = r.source_id "
                                 "WHERE c.code = '5120' AND r.kind = 'broader'"), ==, 1);

  /* A French trainer finds a migration meta-competence by typing without accents. */
  search = pa_framework_search_new (store);
  g_assert_true (pa_framework_search_load (search, &error));
  hits = pa_framework_search_query (search, "resilien", PA_CONCEPT_KINDS_SKILLS, "fr", "fr", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, >=, 1);
  g_assert_cmpstr (((PaConceptHit *) g_ptr_array_index (hits, 0))->uri, ==, uri);
  g_assert_cmpstr (((PaConceptHit *) g_ptr_array_index (hits, 0))->label_lang, ==, "fr");

  /* Opening again and asking again does not copy them again. */
  g_clear_object (&store);
  store = pa_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (pa_builtin_frameworks_ensure (store, &error));
  g_assert_cmpint (count (store, "SELECT count (*) FROM audit WHERE action = 'frameworks.builtin'"), ==, 1);

  /* A forced copy changes nothing that was there (same counts). */
  {
    gint64 labels = count (store, "SELECT count (*) FROM concept_label");
    gint64 concepts = count (store, "SELECT count (*) FROM concept");
    g_assert_true (pa_builtin_frameworks_sync (store, TRUE, &error));
    g_assert_no_error (error);
    g_assert_cmpint (count (store, "SELECT count (*) FROM concept_label"), ==, labels);
    g_assert_cmpint (count (store, "SELECT count (*) FROM concept"), ==, concepts);
  }
  g_clear_object (&store);
  pa_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/builtin-frameworks/fresh-store", test_fresh_store);
  return g_test_run ();
}
