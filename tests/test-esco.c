/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "pa-csv-reader.h"
#include "pa-esco-import.h"
#include "pa-framework-search.h"
#include "pa-frameworks.h"
#include "pa-store.h"
#include "pa-test-utils.h"

/* The importer and search on the real ESCO files (skipped when they are
 * absent). The English release is imported once for the whole program. */

static char *tmpdir;
static char *db_path;
static char *esco;
static PaStore *store;

static gint64
count (const char *sql)
{
  g_autoptr (sqlite3_stmt) stmt = pa_store_prepare (store, sql, NULL);

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

static const PaEscoFileReport *
file_report (PaEscoImportReport *report,
             const char         *name)
{
  for (guint i = 0; i < report->files->len; i++)
    {
      PaEscoFileReport *f = g_ptr_array_index (report->files, i);
      if (g_str_equal (f->name, name))
        return f;
    }
  g_error ("no report for %s", name);
  return NULL;
}

static PaEscoImportReport *
import (const char        *relative,
        PaEscoImportMode   mode,
        GError           **error)
{
  g_autofree char *path = g_build_filename (esco, relative, NULL);
  PaEscoImportOptions options = { mode, NULL, NULL };

  return pa_esco_import (store, path, &options, NULL, NULL, NULL, error);
}

static void
test_release_counts (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PaEscoImportReport) report = import ("v1.1.1/en", PA_ESCO_IMPORT_AUTO, &error);
  const PaEscoFileReport *relations;

  g_assert_no_error (error);
  g_assert_cmpint (report->mode, ==, PA_ESCO_IMPORT_RELEASE);
  g_assert_cmpstr (report->version, ==, "1.1.1");
  g_assert_cmpint (count ("SELECT count (*) FROM concept WHERE kind = 'occupation'"), ==, 3007);
  g_assert_cmpint (count ("SELECT count (*) FROM concept WHERE kind = 'isco_group' AND uri LIKE 'http://data.europa.eu/esco/%'"), ==, 619);
  /* Every concept of the release is there once, by URI. The built-in
   * frameworks hold the ISCO groups, the transversal skills and the DigComp
   * competences under their ESCO URIs: the release shares those concepts
   * (adding its labels and relations) and keeps its own kind and skill type
   * for all the others. */
  g_assert_cmpint (count ("SELECT count (*) FROM concept WHERE uri LIKE 'http://data.europa.eu/esco/%'"), ==, 18162);
  g_assert_cmpint (count ("SELECT count (*) FROM concept WHERE kind IN ('skill', 'knowledge', 'skill_group') "
                          "AND uri LIKE 'http://data.europa.eu/esco/%'"), ==, 13896 + 640);
  g_assert_cmpint (count ("SELECT count (*) FROM concept WHERE kind = 'knowledge' AND uri LIKE 'http://data.europa.eu/esco/%'") +
                   count ("SELECT count (*) FROM concept c JOIN framework f ON f.id = c.framework_id WHERE f.origin = 'builtin' "
                          "AND c.uri LIKE 'http://data.europa.eu/esco/skill/%' AND c.kind <> 'knowledge'"), >=, 3059);
  g_assert_cmpint (count ("SELECT count (*) FROM concept c JOIN framework f ON f.id = c.framework_id "
                          "WHERE f.code = 'esco' AND c.skill_type IS NULL AND c.kind = 'skill'"), <=, 6);
  g_assert_cmpint (count ("SELECT count (*) FROM concept WHERE kind = 'occupation' AND isco_code LIKE '0%'"), ==, 21);

  /* 67 relation rows name the occupation "therapeutic radiographer", absent from v1.1.1. */
  relations = file_report (report, "occupationSkillRelations.csv");
  g_assert_cmpuint (relations->rows, ==, 123855);
  g_assert_cmpuint (relations->unmatched, ==, 67);
  g_assert_cmpint (count ("SELECT count (*) FROM concept_relation r JOIN concept c ON c.id = r.source_id "
                          "WHERE c.kind = 'occupation' AND r.kind IN ('essential', 'optional')"), ==, 123855 - 67);
  g_assert_cmpint (count ("SELECT count (*) FROM collection_member WHERE collection = 'digcomp'"), ==, 26);
  g_assert_cmpint (count ("SELECT count (*) FROM collection_member WHERE collection = 'transversal'"), ==, 96);
  g_assert_cmpint (count ("SELECT count (*) FROM collection_member WHERE collection = 'green'"), ==, 570);

  /* Untrimmed labels and no-break spaces are clean. */
  g_assert_cmpint (count ("SELECT count (*) FROM concept_label WHERE text <> trim (text) "
                          "OR instr (text, char (160)) > 0"), ==, 0);
}

static GHashTable *read_relations_file (void);

/* Everything the framework tables hold, as one digest. */
static char *
content_digest (void)
{
  static const char *queries[] = {
    "SELECT c.uri, c.kind, c.code, c.isco_code, c.status, c.skill_type, c.reuse_level, c.modified_at "
    "FROM concept c ORDER BY c.uri",
    "SELECT c.uri, l.lang, l.kind, l.text, l.folded FROM concept_label l JOIN concept c ON c.id = l.concept_id "
    "ORDER BY 1, 2, 3, 4",
    "SELECT c.uri, d.lang, d.text FROM concept_description d JOIN concept c ON c.id = d.concept_id ORDER BY 1, 2",
    "SELECT s.uri, r.kind, t.uri FROM concept_relation r JOIN concept s ON s.id = r.source_id "
    "JOIN concept t ON t.id = r.target_id ORDER BY 1, 2, 3",
    "SELECT m.collection, c.uri FROM collection_member m JOIN concept c ON c.id = m.concept_id ORDER BY 1, 2",
  };
  g_autoptr (GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);

  for (gsize q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      g_autoptr (sqlite3_stmt) stmt = pa_store_prepare (store, queries[q], NULL);

      g_assert_nonnull (stmt);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        for (int c = 0; c < sqlite3_column_count (stmt); c++)
          {
            const char *v = (const char *) sqlite3_column_text (stmt, c);
            g_checksum_update (sum, (const guchar *) (v ? v : "\x01"), -1);
            g_checksum_update (sum, (const guchar *) "\x02", 1);
          }
    }
  return g_strdup (g_checksum_get_string (sum));
}

static void
test_reimport_changes_nothing (void)
{
  g_autofree char *before = content_digest ();
  g_autofree char *after = NULL;
  gint64 labels = count ("SELECT count (*) FROM concept_label");
  gint64 relations = count ("SELECT count (*) FROM concept_relation");
  g_autoptr (GError) error = NULL;
  g_autoptr (PaEscoImportReport) report = import ("v1.1.1/en", PA_ESCO_IMPORT_RELEASE, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (report->concepts_added, ==, 0);
  g_assert_cmpuint (report->concepts_updated, ==, 0);
  g_assert_cmpuint (report->concepts_obsoleted, ==, 0);
  g_assert_cmpuint (report->concepts_removed, ==, 0);
  after = content_digest ();
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (count ("SELECT count (*) FROM concept_label"), ==, labels);
  g_assert_cmpint (count ("SELECT count (*) FROM concept_relation"), ==, relations);
}

/* Reads "occupationUri,relationType,skillType,skillUri" lines without the
 * CSV reader: URIs and these values are never quoted. */
static GHashTable *relations_cache;

static GHashTable *
relations_from_file (void)
{
  if (relations_cache == NULL)
    relations_cache = read_relations_file ();
  return g_hash_table_ref (relations_cache);
}

static GHashTable *
read_relations_file (void)
{
  g_autofree char *path = g_build_filename (esco, "v1.1.1", "en", "occupationSkillRelations.csv", NULL);
  g_autofree char *contents = NULL;
  GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gsize length;
  char *line;
  char *end;
  gboolean header = TRUE;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  /* Split by hand: g_strsplit's strstr is quadratic under ASan on 21 MB. */
  end = contents + length;
  for (line = contents; line < end; )
    {
      char *eol = line;
      char *f[4];
      int n = 0;

      while (eol < end && *eol != '\n')
        eol++;
      if (eol > line && eol[-1] == '\r')
        eol[-1] = '\0';
      *eol = '\0';
      if (!header && *line != '\0')
        {
          f[n++] = line;
          for (char *p = line; *p; p++)
            if (*p == ',')
              {
                *p = '\0';
                g_assert_cmpint (n, <, 4);
                f[n++] = p + 1;
              }
          g_assert_cmpint (n, ==, 4);
          g_hash_table_add (set, g_strdup_printf ("%s %s %s", f[0], f[1], f[3]));
        }
      header = FALSE;
      line = eol + 1;
    }
  return set;
}

static void
test_occupation_skills_match_file (void)
{
  g_autoptr (GHashTable) file = relations_from_file ();
  g_autoptr (GHashTable) occupations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GError) error = NULL;
  guint in_store = 0;
  GHashTableIter iter;
  gpointer key;
  guint from_file = 0;

  /* Every relation of the store is in the file… */
  stmt = pa_store_prepare (store, "SELECT o.uri, r.kind, s.uri FROM concept_relation r "
                                  "JOIN concept o ON o.id = r.source_id JOIN concept s ON s.id = r.target_id "
                                  "WHERE o.kind = 'occupation' AND r.kind IN ('essential', 'optional')", &error);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autofree char *k = g_strdup_printf ("%s %s %s", sqlite3_column_text (stmt, 0),
                                            sqlite3_column_text (stmt, 1), sqlite3_column_text (stmt, 2));
      g_assert_true (g_hash_table_contains (file, k));
      g_hash_table_add (occupations, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      in_store++;
    }
  /* …and every row of the file whose occupation exists is in the store. */
  g_hash_table_iter_init (&iter, file);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      g_autofree char *occupation = g_strndup (key, strchr (key, ' ') - (char *) key);
      if (g_hash_table_contains (occupations, occupation))
        from_file++;
    }
  g_assert_cmpuint (in_store, ==, from_file);
  g_assert_cmpuint (in_store, ==, 123788);
}

static void
test_occupation_show_cli (void)
{
  const char *uri = "http://data.europa.eu/esco/occupation/00030d09-2b3a-4efd-87cc-c4ea39d27c34";
  g_autoptr (GHashTable) file = relations_from_file ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto (GStrv) lines = NULL;
  guint essential = 0, optional = 0, listed_essential = 0, listed_optional = 0;
  int section = 0;
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, file);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      if (!g_str_has_prefix (key, uri))
        continue;
      essential += strstr (key, " essential ") != NULL;
      optional += strstr (key, " optional ") != NULL;
    }
  g_assert_cmpuint (essential, >, 0);

  g_assert_cmpint (pa_test_run_cli (&out, &err, "--db", db_path, "occupation", "show", uri, "--lang", "en", NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out, "technical director\n"));
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_str_has_prefix (lines[i], "Essential skills ("))
        section = 1;
      else if (g_str_has_prefix (lines[i], "Optional skills ("))
        section = 2;
      else if (g_str_has_prefix (lines[i], "  "))
        {
          char *tab = strchr (lines[i], '\t');
          g_autofree char *k = NULL;

          if (section == 0 || tab == NULL)
            continue;
          k = g_strdup_printf ("%s %s %s", uri, section == 1 ? "essential" : "optional", tab + 1);
          g_assert_true (g_hash_table_contains (file, k));
          if (section == 1)
            listed_essential++;
          else
            listed_optional++;
        }
    }
  g_assert_cmpuint (listed_essential, ==, essential);
  g_assert_cmpuint (listed_optional, ==, optional);
}

static void
test_french_pack_and_search (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PaEscoImportReport) skills_fr = import ("v1.0.x/fr/skills_fr.csv", PA_ESCO_IMPORT_AUTO, &error);
  g_autoptr (PaEscoImportReport) fr = NULL;
  g_autoptr (PaFrameworkSearch) finder = NULL;
  g_autoptr (GPtrArray) by_fr = NULL;
  g_autoptr (GPtrArray) by_en = NULL;
  g_autoptr (GPtrArray) plain = NULL;
  g_autoptr (GPtrArray) occ = NULL;
  PaConceptHit *a, *b;

  g_assert_no_error (error);
  g_assert_cmpint (skills_fr->mode, ==, PA_ESCO_IMPORT_LANGUAGE_PACK);
  /* 13,379 of the 13,485 v1.0 skills are still in v1.1.1. */
  g_assert_cmpuint (skills_fr->rows_matched, ==, 13379);
  g_assert_cmpuint (skills_fr->rows_unmatched, ==, 106);
  fr = import ("v1.1.1/fr", PA_ESCO_IMPORT_AUTO, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (file_report (fr, "occupations_fr.csv")->matched, ==, 3007);

  finder = pa_framework_search_new (store);
  by_fr = pa_framework_search_query (finder, "réparer des moteurs", PA_CONCEPT_KINDS_SKILLS, "fr", "fr", 5, &error);
  by_en = pa_framework_search_query (finder, "repair engines", PA_CONCEPT_KINDS_SKILLS, "fr", "en", 5, &error);
  plain = pa_framework_search_query (finder, "REPARER moteur", PA_CONCEPT_KINDS_SKILLS, "en", NULL, 5, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (by_fr->len, >, 0);
  g_assert_cmpuint (by_en->len, >, 0);
  a = by_fr->pdata[0];
  b = by_en->pdata[0];
  g_assert_cmpstr (a->uri, ==, b->uri);
  g_assert_cmpstr (a->uri, ==, "http://data.europa.eu/esco/skill/1bc7c69b-4292-4592-b854-f48165a06082");
  g_assert_cmpstr (b->label, ==, "réparer des moteurs");
  g_assert_cmpstr (b->matched_label, ==, "repair engines");
  g_assert_cmpstr (((PaConceptHit *) plain->pdata[0])->uri, ==, a->uri);
  g_assert_cmpstr (((PaConceptHit *) plain->pdata[0])->label, ==, "repair engines");

  /* A feminine form finds the occupation; it is shown with its ISCO code. */
  occ = pa_framework_search_query (finder, "directrice techn", PA_CONCEPT_KIND_OCCUPATION, "fr", "fr", 5, &error);
  g_assert_cmpuint (occ->len, >, 0);
  g_assert_cmpstr (((PaConceptHit *) occ->pdata[0])->uri, ==,
                   "http://data.europa.eu/esco/occupation/00030d09-2b3a-4efd-87cc-c4ea39d27c34");
  g_assert_cmpstr (((PaConceptHit *) occ->pdata[0])->isco_code, ==, "2654");
}

/* A damaged file late in the release: the import runs for a while, then
 * fails, and the store is as it was. */
static void
test_damaged_release_changes_nothing (void)
{
  g_autofree char *copy = g_build_filename (tmpdir, "damaged", NULL);
  g_autofree char *src = g_build_filename (esco, "v1.1.1", "en", NULL);
  g_autofree char *relations = NULL;
  g_autofree char *contents = NULL;
  g_autoptr (GDir) dir = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (PaEscoImportReport) report = NULL;
  gint64 labels = count ("SELECT count (*) FROM concept_label");
  gint64 rels = count ("SELECT count (*) FROM concept_relation");
  gint64 total = count ("SELECT total (length (text)) FROM concept_label");
  const char *name;
  char *line;
  gsize length;

  g_assert_cmpint (g_mkdir (copy, 0700), ==, 0);
  dir = g_dir_open (src, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *from = g_build_filename (src, name, NULL);
      g_autofree char *to = g_build_filename (copy, name, NULL);
      if (!g_str_equal (name, "occupationSkillRelations.csv"))
        g_assert_cmpint (symlink (from, to), ==, 0);
    }
  /* Invalid UTF-8 at the start of line 20,000 of the relations. */
  relations = g_build_filename (src, "occupationSkillRelations.csv", NULL);
  g_assert_true (g_file_get_contents (relations, &contents, &length, NULL));
  /* Counted by hand: strstr on a 21 MB string is quadratic under ASan (its strlen). */
  line = contents;
  for (int i = 1; i < 20000; line++)
    if (*line == '\n')
      i++;
  line[0] = (char) 0xC3;
  line[1] = '(';
  g_clear_pointer (&relations, g_free);
  relations = g_build_filename (copy, "occupationSkillRelations.csv", NULL);
  g_assert_true (g_file_set_contents (relations, contents, (gssize) length, NULL));

  report = pa_esco_import (store, copy, NULL, NULL, NULL, NULL, &error);
  g_assert_null (report);
  g_assert_error (error, PA_CSV_ERROR, PA_CSV_ERROR_ENCODING);
  g_assert_nonnull (strstr (error->message, "occupationSkillRelations.csv"));
  g_assert_nonnull (strstr (error->message, "line 20000"));
  g_assert_cmpint (count ("SELECT count (*) FROM concept_label"), ==, labels);
  g_assert_cmpint (count ("SELECT count (*) FROM concept_relation"), ==, rels);
  g_assert_cmpint (count ("SELECT total (length (text)) FROM concept_label"), ==, total);
  g_assert_cmpint (count ("SELECT count (*) FROM concept_label WHERE lang = 'fr'"), >, 0);
}

int
main (int   argc,
      char *argv[])
{
  const char *data = pa_test_shared_data_or_skip ();
  g_autoptr (GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  esco = g_build_filename (data, "esco", NULL);
  tmpdir = pa_test_make_tmpdir ();
  db_path = g_build_filename (tmpdir, "centre.db", NULL);
  store = pa_store_open (db_path, &error);
  g_assert_no_error (error);

  /* In this order: each builds on the store the one before left. */
  g_test_add_func ("/esco/release-counts", test_release_counts);
  g_test_add_func ("/esco/reimport-changes-nothing", test_reimport_changes_nothing);
  g_test_add_func ("/esco/occupation-skills-match-file", test_occupation_skills_match_file);
  g_test_add_func ("/esco/occupation-show-cli", test_occupation_show_cli);
  g_test_add_func ("/esco/french-pack-and-search", test_french_pack_and_search);
  g_test_add_func ("/esco/damaged-release-changes-nothing", test_damaged_release_changes_nothing);

  status = g_test_run ();
  g_clear_pointer (&relations_cache, g_hash_table_unref);
  g_clear_object (&store);
  pa_test_remove_tree (tmpdir);
  g_free (tmpdir);
  g_free (db_path);
  g_free (esco);
  return status;
}
