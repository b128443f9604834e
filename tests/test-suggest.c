/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pa-builtin-frameworks.h"
#include "pa-esco-import.h"
#include "pa-labour.h"
#include "pa-mapper-store.h"
#include "pa-store-cases.h"
#include "pa-suggest.h"
#include "pa-test-utils.h"

/* Suggestions on the real ESCO release with French skill labels (skipped
 * when the shared data is absent). */

#define COOK "http://data.europa.eu/esco/occupation/90f75f67-495d-49fa-ab57-2f320e251d7e"
#define COOKS_ISCO "http://data.europa.eu/esco/isco/C5120"
#define REPAIR_ENGINES "http://data.europa.eu/esco/skill/1bc7c69b-4292-4592-b854-f48165a06082"

static PaStore *store;
static PaMapper *mapper;
static PaFrameworkSearch *search;
static char *tmpdir;

static gint64
new_case (void)
{
  g_autoptr (PaCase) kase = pa_case_new ();
  g_autoptr (GError) error = NULL;

  pa_case_set_given_name (kase, "Amal");
  g_assert_true (pa_store_case_create (store, kase, &error));
  return pa_case_get_id (kase);
}

static void
add_experience (gint64      case_id,
                const char *kind,
                const char *title,
                const char *tasks,
                const char *occupation)
{
  g_autoptr (sqlite3_stmt) stmt = pa_store_prepare (store, "INSERT INTO experience (case_id, kind, title, tasks, "
                                                           "occupation_uri) VALUES (?, ?, ?, ?, ?)", NULL);
  sqlite3_bind_int64 (stmt, 1, case_id);
  sqlite3_bind_text (stmt, 2, kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, title, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, tasks, -1, SQLITE_STATIC);
  if (occupation)
    sqlite3_bind_text (stmt, 5, occupation, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
}

static PaSuggestion *
find (GPtrArray  *suggestions,
      const char *uri,
      guint      *position)
{
  for (guint i = 0; i < suggestions->len; i++)
    if (g_str_equal (((PaSuggestion *) g_ptr_array_index (suggestions, i))->skill_uri, uri))
      {
        if (position)
          *position = i;
        return g_ptr_array_index (suggestions, i);
      }
  return NULL;
}

static PaSuggestion *
must_find (GPtrArray  *suggestions,
           const char *uri)
{
  PaSuggestion *sg = find (suggestions, uri, NULL);

  if (sg == NULL)
    g_error ("%s was not suggested", uri);
  return sg;
}

static GPtrArray *
suggest (gint64 case_id)
{
  g_autoptr (GError) error = NULL;
  GPtrArray *s = pa_suggest_for_case (store, mapper, search, case_id, "fr", 0, &error);

  g_assert_no_error (error);
  return s;
}

static void
test_occupation (void)
{
  gint64 id = new_case ();
  g_autoptr (GPtrArray) s = NULL;
  guint n_ess, n_opt;
  guint occ;
  const guint *ess;

  add_experience (id, "paid_work", "Cuisinier à Alep, 2012–2019", "", COOK);
  s = suggest (id);
  g_assert_true (pa_mapper_lookup_occupation (mapper, COOK, &occ));
  ess = pa_mapper_get_essential (mapper, occ, &n_ess);
  pa_mapper_get_optional (mapper, occ, &n_opt);

  /* Every essential skill comes first, each saying why. */
  for (guint k = 0; k < n_ess; k++)
    {
      guint pos = G_MAXUINT;
      PaSuggestion *sg = find (s, pa_mapper_get_skill_uri (mapper, ess[k]), &pos);
      g_assert_nonnull (sg);
      g_assert_cmpuint (pos, <, n_ess);
      g_assert_cmpint (sg->source, ==, PA_SUGGESTION_ESSENTIAL);
      g_assert_nonnull (strstr (sg->reason, "cook"));
      g_assert_nonnull (strstr (sg->reason, "Cuisinier à Alep, 2012–2019"));
    }
  g_assert_cmpuint (s->len, >=, n_ess + n_opt);

  /* Claimed skills are not suggested again; a rejected one stays rejected. */
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (GPtrArray) again = NULL;
    const char *first = pa_mapper_get_skill_uri (mapper, ess[0]);
    const char *second = pa_mapper_get_skill_uri (mapper, ess[1]);
    g_autoptr (sqlite3_stmt) claim = pa_store_prepare (store, "INSERT INTO claim (case_id, framework, item_uri, "
                                                              "label, stage, created_at, updated_at) VALUES "
                                                              "(?, 'esco', ?, 'x', 1, 'now', 'now')", NULL);
    sqlite3_bind_int64 (claim, 1, id);
    sqlite3_bind_text (claim, 2, first, -1, SQLITE_STATIC);
    g_assert_cmpint (sqlite3_step (claim), ==, SQLITE_DONE);
    g_assert_true (pa_store_suggestion_reject (store, id, second, &error));
    again = suggest (id);
    g_assert_null (find (again, first, NULL));
    g_assert_null (find (again, second, NULL));
    g_assert_cmpuint (again->len, ==, s->len - 2);
  }
}

static void
test_isco_group (void)
{
  gint64 id = new_case ();
  g_autoptr (GPtrArray) s = NULL;

  add_experience (id, "paid_work", "Cuisine d'un restaurant", "", COOKS_ISCO);
  s = suggest (id);
  g_assert_cmpuint (s->len, >, 3);
  g_assert_cmpint (((PaSuggestion *) g_ptr_array_index (s, 0))->source, ==, PA_SUGGESTION_ESSENTIAL);
  g_assert_nonnull (strstr (((PaSuggestion *) g_ptr_array_index (s, 0))->reason, "most occupations"));
}

static void
test_kinds (void)
{
  gint64 id = new_case ();
  g_autoptr (GPtrArray) s = NULL;
  g_autofree char *resilience = pa_builtin_item_uri ("transversal", "resilience");
  PaSuggestion *sg;

  add_experience (id, "migration_journey", "D'Alep à Liège", "", NULL);
  add_experience (id, "family_care", "Soins à ma mère", "", NULL);
  s = suggest (id);
  sg = must_find (s, resilience);
  g_assert_cmpint (sg->source, ==, PA_SUGGESTION_KIND);
  g_assert_cmpstr (sg->label, ==, "Résilience");
  g_assert_nonnull (strstr (sg->reason, "D'Alep à Liège"));
  /* Care work: show empathy (an ESCO transversal skill the built-in list shares). */
  g_assert_nonnull (find (s, "http://data.europa.eu/esco/skill/77b636e8-fab3-41a8-8022-1e0a354059dc", NULL));
}

static void
test_free_text (void)
{
  gint64 id = new_case ();
  g_autoptr (GPtrArray) s = NULL;
  PaSuggestion *sg;

  add_experience (id, "informal_learning", "Mécanique", "j'ai réparé des moteurs de camion", NULL);
  s = suggest (id);
  sg = must_find (s, REPAIR_ENGINES);
  g_assert_cmpint (sg->source, ==, PA_SUGGESTION_TEXT);

  /* The same skill from English words. */
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (GPtrArray) hits = pa_suggest_from_text (search, "I repaired truck engines", "en", 10, &error);
    gboolean found = FALSE;
    g_assert_no_error (error);
    for (guint i = 0; i < hits->len; i++)
      found |= g_str_equal (((PaConceptHit *) g_ptr_array_index (hits, i))->uri, REPAIR_ENGINES);
    g_assert_true (found);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *release = NULL;
  g_autofree char *fr = NULL;
  const char *data;
  int status;

  g_test_init (&argc, &argv, NULL);
  data = pa_test_shared_data_or_skip ();

  tmpdir = pa_test_make_tmpdir ();
  path = g_build_filename (tmpdir, "centre.db", NULL);
  store = pa_store_open (path, &error);
  g_assert_no_error (error);
  release = g_build_filename (data, "esco", "v1.1.1", "en", NULL);
  fr = g_build_filename (data, "esco", "v1.0.x", "fr", "skills_fr.csv", NULL);
  {
    g_autoptr (PaEscoImportReport) r1 = pa_esco_import (store, release, NULL, NULL, NULL, NULL, &error);
    g_assert_no_error (error);
  }
  {
    g_autoptr (PaEscoImportReport) r2 = pa_esco_import (store, fr, NULL, NULL, NULL, NULL, &error);
    g_assert_no_error (error);
  }
  mapper = pa_mapper_new_from_store (store, &error);
  g_assert_no_error (error);
  search = pa_framework_search_new (store);
  g_assert_true (pa_framework_search_load (search, &error));

  g_test_add_func ("/suggest/occupation", test_occupation);
  g_test_add_func ("/suggest/isco-group", test_isco_group);
  g_test_add_func ("/suggest/kinds", test_kinds);
  g_test_add_func ("/suggest/free-text", test_free_text);
  status = g_test_run ();

  g_clear_object (&search);
  g_clear_object (&mapper);
  g_clear_object (&store);
  pa_test_remove_tree (tmpdir);
  g_free (tmpdir);
  return status;
}
