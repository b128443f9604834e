/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <archive.h>
#include <archive_entry.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "pa-builtin-frameworks.h"
#include "pa-esco-import.h"
#include "pa-framework-search.h"
#include "pa-frameworks.h"
#include "pa-store.h"
#include "pa-test-utils.h"

/* The ESCO importer on a small release written here, with the quirks of
 * the real files (CRLF records with LF inside quotes, untrimmed labels,
 * no-break spaces, ragged rows, columns in another order, leading zeros,
 * dangling URIs, gendered labels). The real files are in test-esco.c. */

#define SKILL(n) "http://data.europa.eu/esco/skill/s" #n
#define OCC(n) "http://data.europa.eu/esco/occupation/o" #n
#define ISCO(n) "http://data.europa.eu/esco/isco/C" #n
#define GROUP(n) "http://data.europa.eu/esco/skill/g" #n

typedef struct
{
  const char *name;
  const char *text;
} File;

static const File release1[] = {
  { "skills_en.csv",
    "conceptType,conceptUri,skillType,reuseLevel,preferredLabel,altLabels,hiddenLabels,status,modifiedDate,scopeNote,definition,inScheme,description\r\n"
    "KnowledgeSkillCompetence," SKILL (1) ",skill/competence,sector-specific,repair engines,\"fix motors\nmend engines \",,released,2016-07-05T13:58:41Z,,,x,Repairs engines.\r\n"
    "KnowledgeSkillCompetence," SKILL (2) ",knowledge,cross-sector,\" breed rabbits \",,\"rabit breeding\",released,2022-07-27T07:21:24.23Z,,,x,\"Two\nparagraphs, \"\"quoted\"\".\"\r\n"
    "KnowledgeSkillCompetence," SKILL (3) ",skill/competence,transversal,manage documentation\xC2\xA0of prior learning\xC2\xA0,,,released,,,,x,\r\n"
    "KnowledgeSkillCompetence," SKILL (4) ",,,ICT safety,,,released,,,,x,\r\n" },
  { "occupations_en.csv",
    "conceptType,conceptUri,iscoGroup,preferredLabel,altLabels,hiddenLabels,status,modifiedDate,regulatedProfessionNote,scopeNote,definition,inScheme,description,code\r\n"
    "Occupation," OCC (1) ",2654,technical director,\"technical manager\ntheatre technical director\",,released,,,,,x,Directs.,2654.1.7\r\n"
    "Occupation," OCC (2) ",0110,\" armed forces officer\",,,released,,,,,x,,0110.1\r\n" },
  { "ISCOGroups_en.csv",
    "conceptType,conceptUri,code,preferredLabel,status,altLabels,inScheme,description\r\n"
    "ISCOGroup," ISCO (2654) ",2654,\"Film, stage and related directors and producers\",released,,x,\"Plan.\n\"\r\n"
    "ISCOGroup," ISCO (0110) ",0110,Commissioned armed forces officers,released,,x,\r\n" },
  { "skillGroups_en.csv",
    "conceptType,conceptUri,preferredLabel,altLabels,hiddenLabels,status,modifiedDate,scopeNote,inScheme,description,code\r\n"
    "SkillGroup," GROUP (1) ",working with machinery,,,released,,,x,,S8\r\n"
    "SkillGroup," GROUP (2) ",repairing,,,released,,,x,,S8.1\r\n" },
  { "skillsHierarchy_en.csv",
    "Level 0 URI,Level 0 preferred term,Level 1 URI,Level 1 preferred term,Level 2 URI,Level 2 preferred term,Level 3 URI,Level 3 preferred term,Description,Scope note,Level 0 code,Level 1 code,Level 2 code,Level 3 code\r\n"
    GROUP (1) ",working with machinery\r\n"
    GROUP (1) ",\"working with machinery\"," GROUP (2) ",repairing,,,,,,,S8,S8.1\r\n" },
  { "occupationSkillRelations.csv",
    "occupationUri,relationType,skillType,skillUri\r\n"
    OCC (1) ",essential,skill/competence," SKILL (1) "\r\n"
    OCC (1) ",optional,knowledge," SKILL (2) "\r\n"
    OCC (1) ",optional,skill/competence," SKILL (3) "\r\n"
    OCC (2) ",essential,skill/competence," SKILL (3) "\r\n"
    OCC (9) ",essential,skill/competence," SKILL (1) "\r\n" },
  { "skillSkillRelations.csv",
    "originalSkillUri,originalSkillType,relationType,relatedSkillType,relatedSkillUri\r\n"
    SKILL (1) ",skill/competence,optional,knowledge," SKILL (2) "\r\n" },
  { "broaderRelationsOccPillar.csv",
    "conceptType,conceptUri,broaderType,broaderUri\r\n"
    "Occupation," OCC (1) ",ISCOGroup," ISCO (2654) "\r\n"
    "Occupation," OCC (2) ",ISCOGroup," ISCO (0110) "\r\n" },
  { "broaderRelationsSkillPillar.csv",
    "conceptType,conceptUri,broaderType,broaderUri\r\n"
    "KnowledgeSkillCompetence," SKILL (1) ",SkillGroup," GROUP (2) "\r\n" },
  { "digitalSkillsCollection_en.csv",
    "conceptType,conceptUri,preferredLabel,status,skillType,reuseLevel,altLabels,description,broaderConceptUri,broaderConceptPT\r\n"
    "KnowledgeSkillCompetence," SKILL (4) ",ICT safety,released,,,,,x | y,a | b\r\n" },
  { "languageSkillsCollection_en.csv",
    "conceptType,conceptUri,skillType,reuseLevel,preferredLabel,status,altLabels,description,broaderConceptUri,broaderConceptPT\r\n"
    "KnowledgeSkillCompetence," SKILL (3) ",skill/competence,transversal,manage documentation of prior learning,released,,,,\r\n" },
};

/* A language pack from another release: the reduced 7-column export, LF
 * records, one skill this store does not know. */
static const File pack_fr[] = {
  { "skills_fr.csv",
    "conceptType,conceptUri,skillType,reuseLevel,preferredLabel,altLabels,description\n"
    "KnowledgeSkillCompetence," SKILL (1) ",skill/competence,sector-specific,réparer des moteurs,\"réparer des moteurs de camion\",\n"
    "KnowledgeSkillCompetence," SKILL (2) ",knowledge,cross-sector,élever des lapins,,\n"
    "KnowledgeSkillCompetence," SKILL (77) ",knowledge,cross-sector,compétence disparue,,\n" },
  { "occupations_fr.csv",
    "conceptType,conceptUri,iscoGroup,preferredLabel,altLabels,hiddenLabels,status,modifiedDate,regulatedProfessionNote,scopeNote,definition,inScheme,description,code\n"
    "Occupation," OCC (1) ",2654,directeur technique/directrice technique,\"directeur technique\ndirectrice technique\",,released,,,,,x,Dirige.,2654.1.7\n" },
};

static char *
write_files (const char *dir,
             const File *files,
             gsize       n_files)
{
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  for (gsize i = 0; i < n_files; i++)
    {
      g_autofree char *path = g_build_filename (dir, files[i].name, NULL);
      g_assert_true (g_file_set_contents (path, files[i].text, -1, NULL));
    }
  return g_strdup (dir);
}

static void
write_zip (const char *path,
           const File *files,
           gsize       n_files,
           const char *folder)
{
  struct archive *a = archive_write_new ();

  archive_write_set_format_zip (a);
  g_assert_cmpint (archive_write_open_filename (a, path), ==, ARCHIVE_OK);
  for (gsize i = 0; i < n_files; i++)
    {
      struct archive_entry *e = archive_entry_new ();
      g_autofree char *name = folder ? g_strdup_printf ("%s/%s", folder, files[i].name) : g_strdup (files[i].name);
      gsize len = strlen (files[i].text);

      archive_entry_set_pathname (e, name);
      archive_entry_set_size (e, (la_int64_t) len);
      archive_entry_set_filetype (e, AE_IFREG);
      archive_entry_set_perm (e, 0644);
      g_assert_cmpint (archive_write_header (a, e), ==, ARCHIVE_OK);
      g_assert_cmpint (archive_write_data (a, files[i].text, len), ==, (la_ssize_t) len);
      archive_entry_free (e);
    }
  archive_write_close (a);
  archive_write_free (a);
}

/* Everything the framework tables hold, as one digest. */
static char *
content_digest (PaStore *store)
{
  static const char *queries[] = {
    "SELECT f.code, c.uri, c.kind, c.code, c.isco_code, c.status, c.skill_type, c.reuse_level, c.modified_at "
    "FROM concept c JOIN framework f ON f.id = c.framework_id ORDER BY c.uri",
    "SELECT c.uri, l.lang, l.kind, l.text, l.folded FROM concept_label l JOIN concept c ON c.id = l.concept_id "
    "ORDER BY 1, 2, 3, 4",
    "SELECT c.uri, d.lang, d.text FROM concept_description d JOIN concept c ON c.id = d.concept_id ORDER BY 1, 2",
    "SELECT s.uri, r.kind, t.uri FROM concept_relation r JOIN concept s ON s.id = r.source_id "
    "JOIN concept t ON t.id = r.target_id ORDER BY 1, 2, 3",
    "SELECT m.collection, c.uri FROM collection_member m JOIN concept c ON c.id = m.concept_id ORDER BY 1, 2",
    "SELECT code, version, languages FROM framework ORDER BY code",
  };
  g_autoptr (GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);

  for (gsize q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (sqlite3_stmt) stmt = pa_store_prepare (store, queries[q], &error);

      g_assert_no_error (error);
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

static gint64
count (PaStore    *store,
       const char *sql)
{
  g_autoptr (sqlite3_stmt) stmt = pa_store_prepare (store, sql, NULL);

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

static char *
query_text (PaStore    *store,
            const char *sql)
{
  g_autoptr (sqlite3_stmt) stmt = pa_store_prepare (store, sql, NULL);

  g_assert_nonnull (stmt);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

static PaEscoImportReport *
import (PaStore           *store,
        const char        *path,
        PaEscoImportMode   mode,
        GError           **error)
{
  PaEscoImportOptions options = { mode, NULL, NULL };
  return pa_esco_import (store, path, &options, NULL, NULL, NULL, error);
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

typedef struct
{
  char *dir;
  char *release;
  PaStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *db = NULL;
  g_autofree char *rel = NULL;

  f->dir = pa_test_make_tmpdir ();
  rel = g_build_filename (f->dir, "ESCO v1.1.1 en", NULL);
  f->release = write_files (rel, release1, G_N_ELEMENTS (release1));
  db = g_build_filename (f->dir, "centre.db", NULL);
  f->store = pa_store_open (db, &error);
  g_assert_no_error (error);
  /* These tests count what a release adds to a store that holds nothing
   * else: take the built-in frameworks out (they come back only when the
   * shipped files change). */
  g_assert_true (pa_builtin_frameworks_sync (f->store, FALSE, &error));
  g_assert_true (pa_store_exec (f->store, "DELETE FROM framework WHERE origin = 'builtin'", &error));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  pa_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->release);
}

static void
test_release (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PaEscoImportReport) report = import (f->store, f->release, PA_ESCO_IMPORT_AUTO, &error);
  g_autoptr (PaConcept) skill = NULL;
  g_autoptr (PaConcept) occupation = NULL;
  g_autoptr (GPtrArray) essential = NULL;
  g_autoptr (GPtrArray) optional = NULL;
  g_autoptr (GPtrArray) narrower = NULL;
  g_autofree char *label = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (report);
  g_assert_cmpint (report->mode, ==, PA_ESCO_IMPORT_RELEASE);
  g_assert_cmpstr (report->version, ==, "1.1.1");
  g_assert_cmpstr (report->languages[0], ==, "en");
  g_assert_null (report->languages[1]);
  g_assert_cmpuint (report->concepts_added, ==, 10);
  /* The relation to the unknown occupation o9 is skipped and counted. */
  g_assert_cmpuint (file_report (report, "occupationSkillRelations.csv")->matched, ==, 4);
  g_assert_cmpuint (file_report (report, "occupationSkillRelations.csv")->unmatched, ==, 1);
  g_assert_cmpuint (report->rows_unmatched, ==, 1);

  g_assert_cmpint (count (f->store, "SELECT count (*) FROM concept WHERE kind = 'skill'"), ==, 3);
  g_assert_cmpint (count (f->store, "SELECT count (*) FROM concept WHERE kind = 'knowledge'"), ==, 1);
  g_assert_cmpint (count (f->store, "SELECT count (*) FROM concept WHERE kind = 'occupation'"), ==, 2);
  g_assert_cmpint (count (f->store, "SELECT count (*) FROM concept WHERE kind = 'isco_group'"), ==, 2);
  g_assert_cmpint (count (f->store, "SELECT count (*) FROM concept WHERE kind = 'skill_group'"), ==, 2);

  /* Codes stay text, with their leading zeros. */
  label = query_text (f->store, "SELECT isco_code || ' ' || code FROM concept WHERE uri = '" OCC (2) "'");
  g_assert_cmpstr (label, ==, "0110 0110.1");
  g_clear_pointer (&label, g_free);
  label = query_text (f->store, "SELECT code FROM concept WHERE uri = '" ISCO (0110) "'");
  g_assert_cmpstr (label, ==, "0110");
  g_clear_pointer (&label, g_free);

  /* Labels trimmed, no-break spaces made spaces, one per line of altLabels. */
  skill = pa_frameworks_get_concept (f->store, SKILL (3), "en", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (skill->ref.label, ==, "manage documentation of prior learning");
  g_assert_cmpstr (skill->reuse_level, ==, "transversal");
  g_assert_cmpstr (skill->collections[0], ==, "language");
  g_clear_pointer (&skill, pa_concept_free);
  skill = pa_frameworks_get_concept (f->store, SKILL (1), "en", &error);
  g_assert_cmpuint (g_strv_length (skill->alt_labels), ==, 2);
  g_assert_cmpstr (skill->alt_labels[1], ==, "mend engines");
  g_assert_cmpstr (skill->description, ==, "Repairs engines.");
  g_clear_pointer (&skill, pa_concept_free);
  skill = pa_frameworks_get_concept (f->store, SKILL (2), "en", &error);
  g_assert_cmpstr (skill->ref.label, ==, "breed rabbits");
  g_assert_cmpstr (skill->ref.kind, ==, "knowledge");
  g_assert_cmpstr (skill->description, ==, "Two\nparagraphs, \"quoted\".");
  g_clear_pointer (&skill, pa_concept_free);
  /* An empty skillType (ESCO's DigComp areas) is stored as none. */
  skill = pa_frameworks_get_concept (f->store, SKILL (4), "en", &error);
  g_assert_null (skill->skill_type);
  g_assert_cmpstr (skill->collections[0], ==, "digital");
  g_assert_cmpint (count (f->store, "SELECT count (*) FROM concept_label WHERE kind = 'hidden'"), ==, 1);

  /* Relations, in both directions; broader in both pillars and the hierarchy. */
  occupation = pa_frameworks_get_concept (f->store, OCC (1), "en", &error);
  g_assert_cmpstr (occupation->isco_code, ==, "2654");
  essential = pa_frameworks_list_related (f->store, OCC (1), "essential", FALSE, "en", &error);
  optional = pa_frameworks_list_related (f->store, OCC (1), "optional", FALSE, "en", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (essential->len, ==, 1);
  g_assert_cmpstr (((PaConceptRef *) essential->pdata[0])->uri, ==, SKILL (1));
  g_assert_cmpuint (optional->len, ==, 2);
  g_assert_cmpstr (((PaConceptRef *) optional->pdata[0])->label, ==, "breed rabbits");
  g_clear_pointer (&essential, g_ptr_array_unref);
  essential = pa_frameworks_list_related (f->store, SKILL (3), "essential", TRUE, "en", &error);
  g_assert_cmpuint (essential->len, ==, 1);
  g_assert_cmpstr (((PaConceptRef *) essential->pdata[0])->uri, ==, OCC (2));
  narrower = pa_frameworks_list_related (f->store, ISCO (2654), "broader", TRUE, "en", &error);
  g_assert_cmpuint (narrower->len, ==, 1);
  g_assert_cmpint (count (f->store, "SELECT count (*) FROM concept_relation r JOIN concept s ON s.id = r.source_id "
                                    "JOIN concept t ON t.id = r.target_id WHERE s.uri = '" GROUP (2) "' "
                                    "AND t.uri = '" GROUP (1) "' AND r.kind = 'broader'"), ==, 1);
  g_assert_cmpint (count (f->store, "SELECT count (*) FROM concept_relation WHERE kind = 'broader'"), ==, 4);

  /* The import is audited, without any label text. */
  g_assert_cmpint (count (f->store, "SELECT count (*) FROM audit WHERE action = 'framework-import'"), ==, 1);
}

static void
test_zip_and_reimport (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *zip = g_build_filename (f->dir, "ESCO dataset - v1.1.1 - classification - en - csv.zip", NULL);
  g_autofree char *other_db = g_build_filename (f->dir, "other.db", NULL);
  g_autoptr (PaStore) other = NULL;
  g_autoptr (PaEscoImportReport) report = NULL;
  g_autofree char *first = NULL;
  g_autofree char *again = NULL;
  g_autofree char *from_zip = NULL;

  report = import (f->store, f->release, PA_ESCO_IMPORT_AUTO, &error);
  g_assert_no_error (error);
  g_clear_pointer (&report, pa_esco_import_report_free);
  first = content_digest (f->store);

  /* Importing the same release again changes nothing. */
  report = import (f->store, f->release, PA_ESCO_IMPORT_RELEASE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->concepts_added, ==, 0);
  g_assert_cmpuint (report->concepts_updated, ==, 0);
  g_assert_cmpuint (report->concepts_removed, ==, 0);
  g_clear_pointer (&report, pa_esco_import_report_free);
  again = content_digest (f->store);
  g_assert_cmpstr (first, ==, again);
  g_assert_cmpint (count (f->store, "SELECT count (*) FROM concept"), ==, 10);

  /* The ZIP of the same files (inside a folder, as downloads are) gives the same store. */
  write_zip (zip, release1, G_N_ELEMENTS (release1), "csv");
  other = pa_store_open (other_db, &error);
  g_assert_no_error (error);
  g_assert_true (pa_builtin_frameworks_sync (other, FALSE, &error));
  g_assert_true (pa_store_exec (other, "DELETE FROM framework WHERE origin = 'builtin'", &error));
  report = import (other, zip, PA_ESCO_IMPORT_AUTO, &error);
  g_assert_no_error (error);
  g_assert_cmpint (report->mode, ==, PA_ESCO_IMPORT_RELEASE);
  from_zip = content_digest (other);
  g_assert_cmpstr (from_zip, ==, first);
}

static void
test_language_pack (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *pack_dir = g_build_filename (f->dir, "v1.0.x", "fr", NULL);
  g_autofree char *pack = write_files (pack_dir, pack_fr, G_N_ELEMENTS (pack_fr));
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr (PaEscoImportReport) report = NULL;
  g_autoptr (PaConcept) skill = NULL;
  g_autoptr (PaConcept) fallback = NULL;
  g_autoptr (GPtrArray) optional = NULL;

  /* Before any release, a pack has nothing to attach to: refused, nothing stored. */
  before = content_digest (f->store);
  report = import (f->store, pack, PA_ESCO_IMPORT_AUTO, &error);
  g_assert_null (report);
  g_assert_error (error, PA_ESCO_ERROR, PA_ESCO_ERROR_NO_RELEASE);
  g_assert_nonnull (strstr (error->message, pack));
  g_clear_error (&error);
  after = content_digest (f->store);
  g_assert_cmpstr (before, ==, after);

  report = import (f->store, f->release, PA_ESCO_IMPORT_AUTO, &error);
  g_assert_no_error (error);
  g_clear_pointer (&report, pa_esco_import_report_free);
  g_clear_pointer (&before, g_free);
  before = query_text (f->store, "SELECT group_concat (kind || status, ',') FROM (SELECT * FROM concept ORDER BY uri)");

  report = import (f->store, pack, PA_ESCO_IMPORT_AUTO, &error);
  g_assert_no_error (error);
  g_assert_cmpint (report->mode, ==, PA_ESCO_IMPORT_LANGUAGE_PACK);
  g_assert_cmpuint (file_report (report, "skills_fr.csv")->rows, ==, 3);
  g_assert_cmpuint (file_report (report, "skills_fr.csv")->matched, ==, 2);
  g_assert_cmpuint (file_report (report, "skills_fr.csv")->unmatched, ==, 1);
  g_assert_cmpuint (file_report (report, "occupations_fr.csv")->matched, ==, 1);
  g_assert_cmpuint (report->concepts_added, ==, 0);
  /* The unknown skill was not created, nor anything else changed but labels. */
  g_assert_cmpint (count (f->store, "SELECT count (*) FROM concept"), ==, 10);
  g_clear_pointer (&after, g_free);
  after = query_text (f->store, "SELECT group_concat (kind || status, ',') FROM (SELECT * FROM concept ORDER BY uri)");
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (count (f->store, "SELECT count (*) FROM concept_label WHERE lang = 'fr'"), ==, 6);
  g_clear_pointer (&after, g_free);
  after = query_text (f->store, "SELECT languages FROM framework WHERE code = 'esco'");
  g_assert_cmpstr (after, ==, "en,fr");

  skill = pa_frameworks_get_concept (f->store, SKILL (1), "fr", &error);
  g_assert_cmpstr (skill->ref.label, ==, "réparer des moteurs");
  g_assert_cmpstr (skill->ref.label_lang, ==, "fr");
  /* No French label: falls back on English. */
  fallback = pa_frameworks_get_concept (f->store, SKILL (3), "fr", &error);
  g_assert_cmpstr (fallback->ref.label, ==, "manage documentation of prior learning");
  g_assert_cmpstr (fallback->ref.label_lang, ==, "en");
  optional = pa_frameworks_list_related (f->store, OCC (1), "optional", FALSE, "fr", &error);
  g_assert_cmpstr (((PaConceptRef *) optional->pdata[0])->label, ==, "élever des lapins");
  g_assert_cmpstr (((PaConceptRef *) optional->pdata[1])->label_lang, ==, "en");
}

/* Damages one file of the release in a copy; imports the copy over a store
 * holding the release; checks nothing changed and the message. */
static void
check_damaged (Fixture    *f,
               const char *file,
               const char *from,
               const char *to,
               const char *expect_line)
{
  g_autofree char *dir = g_build_filename (f->dir, "damaged", file, NULL);
  g_autofree char *before = content_digest (f->store);
  g_autofree char *after = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (PaEscoImportReport) report = NULL;
  File files[G_N_ELEMENTS (release1)];
  g_autofree char *changed = NULL;
  gint64 audit_rows = count (f->store, "SELECT count (*) FROM audit");

  memcpy (files, release1, sizeof files);
  for (gsize i = 0; i < G_N_ELEMENTS (files); i++)
    if (g_str_equal (files[i].name, file))
      {
        const char *at = strstr (files[i].text, from);
        g_assert_nonnull (at);
        changed = g_strdup_printf ("%.*s%s%s", (int) (at - files[i].text), files[i].text, to, at + strlen (from));
        files[i].text = changed;
      }
  g_assert_nonnull (changed);
  g_free (write_files (dir, files, G_N_ELEMENTS (files)));

  report = import (f->store, dir, PA_ESCO_IMPORT_AUTO, &error);
  g_assert_null (report);
  g_assert_nonnull (error);
  if (strstr (error->message, file) == NULL || strstr (error->message, expect_line) == NULL)
    g_error ("“%s” should name %s and %s", error->message, file, expect_line);
  after = content_digest (f->store);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (count (f->store, "SELECT count (*) FROM audit"), ==, audit_rows);
}

static void
test_bad_files (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PaEscoImportReport) report = import (f->store, f->release, PA_ESCO_IMPORT_AUTO, &error);
  g_autofree char *bogus = g_build_filename (f->dir, "notes.zip", NULL);
  g_autofree char *other = g_build_filename (f->dir, "other.zip", NULL);
  g_autofree char *before = content_digest (f->store);
  g_autofree char *after = NULL;
  const File readme[] = { { "README.txt", "not ESCO\n" }, { "data.csv", "a,b\n" } };

  g_assert_no_error (error);
  /* Damage in the first file read, in the middle, and in the last one. */
  check_damaged (f, "skills_en.csv", "conceptUri,skillType", "uri,skillType", "line 1");
  check_damaged (f, "occupations_en.csv", "armed forces", "armed \xC3\x28 forces", "line 4");
  check_damaged (f, "occupationSkillRelations.csv", "optional,skill/competence," SKILL (3),
                 "optional,skill/competence,\"" SKILL (3), "line 4");
  check_damaged (f, "occupationSkillRelations.csv", "essential,skill/competence," SKILL (1) "\r\n" OCC (1),
                 "sometimes,skill/competence," SKILL (1) "\r\n" OCC (1), "line 2");
  check_damaged (f, "languageSkillsCollection_en.csv", "prior learning", "prior \xFF learning", "line 2");
  check_damaged (f, "skillsHierarchy_en.csv", "\"working with machinery\",", "\"working with machinery\"x,", "line 3");

  /* Not an archive, and an archive without ESCO files. */
  g_assert_true (g_file_set_contents (bogus, "PK but not really a zip file", -1, NULL));
  g_clear_pointer (&report, pa_esco_import_report_free);
  report = import (f->store, bogus, PA_ESCO_IMPORT_AUTO, &error);
  g_assert_null (report);
  g_assert_error (error, PA_ESCO_ERROR, PA_ESCO_ERROR_ARCHIVE);
  g_assert_nonnull (strstr (error->message, "notes.zip"));
  g_clear_error (&error);
  write_zip (other, readme, G_N_ELEMENTS (readme), NULL);
  report = import (f->store, other, PA_ESCO_IMPORT_AUTO, &error);
  g_assert_null (report);
  g_assert_error (error, PA_ESCO_ERROR, PA_ESCO_ERROR_LAYOUT);
  g_assert_nonnull (strstr (error->message, "other.zip"));
  g_clear_error (&error);
  /* A pack cannot pass for a release. */
  report = import (f->store, other, PA_ESCO_IMPORT_RELEASE, &error);
  g_assert_null (report);
  g_clear_error (&error);

  after = content_digest (f->store);
  g_assert_cmpstr (before, ==, after);
}

static void
test_newer_release (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PaEscoImportReport) report = import (f->store, f->release, PA_ESCO_IMPORT_AUTO, &error);
  g_autofree char *dir = g_build_filename (f->dir, "ESCO v1.2.0 en", NULL);
  File files[G_N_ELEMENTS (release1)];
  g_autoptr (PaConcept) kept = NULL;
  g_autoptr (PaConcept) renamed = NULL;
  g_autoptr (GPtrArray) optional = NULL;
  g_autoptr (GPtrArray) list = NULL;
  g_autofree char *version = NULL;
  g_autofree char *with_claim = NULL;

  g_assert_no_error (error);
  g_clear_pointer (&report, pa_esco_import_report_free);

  /* A case claims skill 3 (and names occupation 2 in an experience). */
  g_assert_true (pa_store_exec (f->store,
                                "INSERT INTO case_file (id, code, created_at, updated_at) VALUES (1, 'C-1', 'x', 'x');"
                                "INSERT INTO claim (case_id, framework, item_uri, label, created_at, updated_at) "
                                "VALUES (1, 'esco', '" SKILL (3) "', 'manage documentation', 'x', 'x');"
                                "INSERT INTO experience (case_id, kind, title, occupation_uri) "
                                "VALUES (1, 'paid_work', 'work', '" OCC (2) "');", &error));
  g_assert_no_error (error);

  /* The next release: skills 3 and 4 and occupation 2 are gone, skill 1 renamed, relations changed. */
  memcpy (files, release1, sizeof files);
  files[0].text = "conceptType,conceptUri,skillType,reuseLevel,preferredLabel,altLabels,hiddenLabels,status,modifiedDate,scopeNote,definition,inScheme,description\r\n"
                  "KnowledgeSkillCompetence," SKILL (1) ",skill/competence,sector-specific,repair motors,,,released,2024-01-01T00:00:00Z,,,x,\r\n"
                  "KnowledgeSkillCompetence," SKILL (2) ",knowledge,cross-sector,breed rabbits,,\"rabit breeding\",released,2022-07-27T07:21:24.23Z,,,x,\"Two\nparagraphs, \"\"quoted\"\".\"\r\n"
                  "KnowledgeSkillCompetence," SKILL (5) ",skill/competence,cross-sector,weld metal,,,released,,,,x,\r\n";
  files[1].text = "conceptType,conceptUri,iscoGroup,preferredLabel,altLabels,hiddenLabels,status,modifiedDate,regulatedProfessionNote,scopeNote,definition,inScheme,description,code\r\n"
                  "Occupation," OCC (1) ",2654,technical director,,,released,,,,,x,,2654.1.7\r\n";
  files[5].text = "occupationSkillRelations.csv\r\n";
  files[5].text = "occupationUri,relationType,skillType,skillUri\r\n"
                  OCC (1) ",essential,skill/competence," SKILL (1) "\r\n"
                  OCC (1) ",optional,skill/competence," SKILL (5) "\r\n";
  files[9].text = "conceptType,conceptUri,preferredLabel,status,skillType,reuseLevel,altLabels,description,broaderConceptUri,broaderConceptPT\r\n";
  files[10].text = "conceptType,conceptUri,skillType,reuseLevel,preferredLabel,status,altLabels,description,broaderConceptUri,broaderConceptPT\r\n";
  g_free (write_files (dir, files, G_N_ELEMENTS (files)));

  report = import (f->store, dir, PA_ESCO_IMPORT_AUTO, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->concepts_added, ==, 1);
  g_assert_cmpuint (report->concepts_updated, ==, 1);
  g_assert_cmpuint (report->concepts_obsoleted, ==, 2);
  g_assert_cmpuint (report->concepts_removed, ==, 1);
  version = query_text (f->store, "SELECT version FROM framework WHERE code = 'esco'");
  g_assert_cmpstr (version, ==, "1.2.0");

  /* The claimed skill stays, obsolete, with its label; the unclaimed one is gone. */
  kept = pa_frameworks_get_concept (f->store, SKILL (3), "en", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (kept->ref.status, ==, "obsolete");
  g_assert_cmpstr (kept->ref.label, ==, "manage documentation of prior learning");
  g_assert_null (pa_frameworks_get_concept (f->store, SKILL (4), "en", &error));
  g_assert_error (error, PA_STORE_ERROR, PA_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  with_claim = query_text (f->store, "SELECT status FROM concept WHERE uri = '" OCC (2) "'");
  g_assert_cmpstr (with_claim, ==, "obsolete");

  /* Labels and relations follow the new release. */
  renamed = pa_frameworks_get_concept (f->store, SKILL (1), "en", &error);
  g_assert_cmpstr (renamed->ref.label, ==, "repair motors");
  g_assert_cmpuint (g_strv_length (renamed->alt_labels), ==, 0);
  optional = pa_frameworks_list_related (f->store, OCC (1), "optional", FALSE, "en", &error);
  g_assert_cmpuint (optional->len, ==, 1);
  g_assert_cmpstr (((PaConceptRef *) optional->pdata[0])->label, ==, "weld metal");
  g_assert_cmpint (count (f->store, "SELECT count (*) FROM collection_member"), ==, 0);

  /* Obsolete concepts are no longer offered by search; the framework list counts them. */
  {
    g_autoptr (PaFrameworkSearch) finder = pa_framework_search_new (f->store);
    g_autoptr (GPtrArray) hits = pa_framework_search_query (finder, "manage doc", PA_CONCEPT_KINDS_SKILLS,
                                                            "en", NULL, 10, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (hits->len, ==, 0);
  }
  list = pa_frameworks_list (f->store, &error);
  g_assert_cmpuint (((PaFrameworkInfo *) list->pdata[0])->n_obsolete, ==, 2);

  /* Back to the first release: the obsolete ones are released again. */
  g_clear_pointer (&report, pa_esco_import_report_free);
  report = import (f->store, f->release, PA_ESCO_IMPORT_AUTO, &error);
  g_assert_no_error (error);
  g_clear_pointer (&with_claim, g_free);
  with_claim = query_text (f->store, "SELECT status FROM concept WHERE uri = '" SKILL (3) "'");
  g_assert_cmpstr (with_claim, ==, "released");
}

static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *pack_dir = g_build_filename (f->dir, "v1.0.x", "fr", NULL);
  g_autofree char *pack = write_files (pack_dir, pack_fr, G_N_ELEMENTS (pack_fr));
  g_autoptr (PaEscoImportReport) r1 = import (f->store, f->release, PA_ESCO_IMPORT_AUTO, &error);
  g_autoptr (PaFrameworkSearch) finder = pa_framework_search_new (f->store);
  g_autoptr (GPtrArray) hits = NULL;
  g_autoptr (PaEscoImportReport) r2 = NULL;
  PaConceptHit *h;

  g_assert_no_error (error);
  hits = pa_framework_search_query (finder, "REPA", PA_CONCEPT_KINDS_SKILLS, "fr", NULL, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);
  h = hits->pdata[0];
  /* No French yet: shown in English. */
  g_assert_cmpstr (h->label, ==, "repair engines");
  g_assert_cmpstr (h->label_lang, ==, "en");
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* The index follows an import made after it was built. */
  r2 = import (f->store, pack, PA_ESCO_IMPORT_AUTO, &error);
  g_assert_no_error (error);

  /* Typed without accents, any case: the French label matches; shown in the display language. */
  hits = pa_framework_search_query (finder, "reparer MOT", PA_CONCEPT_KINDS_SKILLS, "en", "fr", 10, &error);
  g_assert_cmpuint (hits->len, ==, 1);
  h = hits->pdata[0];
  g_assert_cmpstr (h->uri, ==, SKILL (1));
  g_assert_cmpstr (h->label, ==, "repair engines");
  g_assert_cmpstr (h->matched_label, ==, "réparer des moteurs");
  g_assert_cmpstr (h->matched_lang, ==, "fr");
  g_assert_cmpstr (h->matched_kind, ==, "preferred");
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* An English query finds the same concept, shown in French. */
  hits = pa_framework_search_query (finder, "repair eng", PA_CONCEPT_KINDS_SKILLS, "fr", NULL, 10, &error);
  g_assert_cmpuint (hits->len, ==, 1);
  h = hits->pdata[0];
  g_assert_cmpstr (h->uri, ==, SKILL (1));
  g_assert_cmpstr (h->label, ==, "réparer des moteurs");
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* Preferred before alternative before hidden labels. */
  hits = pa_framework_search_query (finder, "m", PA_CONCEPT_KINDS_SKILLS, "en", NULL, 10, &error);
  g_assert_cmpuint (hits->len, ==, 2);
  g_assert_cmpstr (((PaConceptHit *) hits->pdata[0])->uri, ==, SKILL (3));   /* "manage …": preferred */
  g_assert_cmpstr (((PaConceptHit *) hits->pdata[1])->matched_kind, ==, "alternative");
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = pa_framework_search_query (finder, "rabit", PA_CONCEPT_KINDS_SKILLS, "en", NULL, 10, &error);
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpstr (((PaConceptHit *) hits->pdata[0])->matched_kind, ==, "hidden");
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* Occupations: gendered forms, ISCO codes, kinds kept apart. */
  hits = pa_framework_search_query (finder, "directrice", PA_CONCEPT_KIND_OCCUPATION, "fr", NULL, 10, &error);
  g_assert_cmpuint (hits->len, ==, 1);
  h = hits->pdata[0];
  g_assert_cmpstr (h->label, ==, "directeur technique/directrice technique");
  g_assert_cmpstr (h->isco_code, ==, "2654");
  g_assert_cmpstr (h->code, ==, "2654.1.7");
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = pa_framework_search_query (finder, "0110", PA_CONCEPT_KIND_OCCUPATION, "de", NULL, 10, &error);
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpstr (((PaConceptHit *) hits->pdata[0])->label, ==, "armed forces officer");
  g_assert_cmpstr (((PaConceptHit *) hits->pdata[0])->matched_kind, ==, "code");
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = pa_framework_search_query (finder, "directeur", PA_CONCEPT_KINDS_SKILLS, "fr", NULL, 10, &error);
  g_assert_cmpuint (hits->len, ==, 0);
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* Nothing to search for, and no match. */
  hits = pa_framework_search_query (finder, " ,; ", PA_CONCEPT_KINDS_ALL, "en", NULL, 10, &error);
  g_assert_cmpuint (hits->len, ==, 0);
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = pa_framework_search_query (finder, "zzz", PA_CONCEPT_KINDS_ALL, "en", NULL, 10, &error);
  g_assert_cmpuint (hits->len, ==, 0);
  g_clear_pointer (&hits, g_ptr_array_unref);
  /* The limit holds. */
  hits = pa_framework_search_query (finder, "r", PA_CONCEPT_KINDS_ALL, "en", NULL, 2, &error);
  g_assert_cmpuint (hits->len, ==, 2);
}

typedef struct
{
  GMainLoop *loop;
  PaEscoImportReport *report;
  GError *error;
  guint progress_calls;
  double last;
  gboolean in_main_thread;
  GThread *main_thread;
} AsyncRun;

static void
async_progress_cb (double      fraction,
                   const char *file,
                   gpointer    user_data)
{
  AsyncRun *run = user_data;

  run->progress_calls++;
  g_assert_cmpfloat (fraction, >=, run->last);
  run->last = fraction;
  run->in_main_thread &= g_thread_self () == run->main_thread;
}

static void
async_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  AsyncRun *run = user_data;

  run->report = pa_esco_import_finish (PA_STORE (source), result, &run->error);
  g_main_loop_quit (run->loop);
}

static void
test_async_and_cancel (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autofree char *before = content_digest (f->store);
  g_autofree char *after = NULL;
  AsyncRun run = { loop, NULL, NULL, 0, 0.0, TRUE, g_thread_self () };
  PaEscoImportReport *report;

  /* Cancelled: nothing changes. */
  g_cancellable_cancel (cancellable);
  report = pa_esco_import (f->store, f->release, NULL, NULL, NULL, cancellable, &error);
  g_assert_null (report);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  after = content_digest (f->store);
  g_assert_cmpstr (before, ==, after);

  /* In a worker thread with its own connection; progress comes to this thread. */
  pa_esco_import_async (f->store, f->release, NULL, async_progress_cb, &run, NULL, NULL, async_done_cb, &run);
  g_main_loop_run (loop);
  g_assert_no_error (run.error);
  g_assert_nonnull (run.report);
  g_assert_cmpuint (run.report->concepts_added, ==, 10);
  g_assert_cmpuint (run.progress_calls, >, 0);
  g_assert_cmpfloat (run.last, ==, 1.0);
  g_assert_true (run.in_main_thread);
  pa_esco_import_report_free (run.report);
  /* This connection sees what the worker's wrote. */
  g_assert_cmpint (count (f->store, "SELECT count (*) FROM concept"), ==, 10);
}

static void
test_languages_option (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PaEscoImportReport) report = NULL;
  g_autofree char *mixed = g_build_filename (f->dir, "mixed", NULL);
  const char *only_en[] = { "en", NULL };
  PaEscoImportOptions options = { PA_ESCO_IMPORT_AUTO, only_en, "1.1.1" };

  g_free (write_files (mixed, release1, G_N_ELEMENTS (release1)));
  g_free (write_files (mixed, pack_fr, G_N_ELEMENTS (pack_fr)));
  report = pa_esco_import (f->store, mixed, &options, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count (f->store, "SELECT count (*) FROM concept_label WHERE lang = 'fr'"), ==, 0);
  g_clear_pointer (&report, pa_esco_import_report_free);

  /* Without the option every language is read; the release's concepts come first. */
  report = import (f->store, mixed, PA_ESCO_IMPORT_AUTO, &error);
  g_assert_no_error (error);
  g_assert_cmpint (report->mode, ==, PA_ESCO_IMPORT_RELEASE);
  g_assert_cmpint (count (f->store, "SELECT count (*) FROM concept_label WHERE lang = 'fr'"), >, 0);
}

static void
index_loaded_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GError **error = user_data;

  pa_framework_search_load_finish (PA_FRAMEWORK_SEARCH (source), result, error);
  g_main_context_wakeup (NULL);
  *(gboolean *) g_object_get_data (source, "done") = TRUE;
}

static void
test_search_load_async (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PaEscoImportReport) report = import (f->store, f->release, PA_ESCO_IMPORT_AUTO, &error);
  g_autoptr (PaFrameworkSearch) finder = pa_framework_search_new (f->store);
  g_autoptr (GPtrArray) hits = NULL;
  gboolean done = FALSE;

  g_assert_no_error (error);
  g_object_set_data (G_OBJECT (finder), "done", &done);
  pa_framework_search_load_async (finder, NULL, index_loaded_cb, &error);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (error);
  g_assert_cmpuint (pa_framework_search_get_n_labels (finder), >, 10);
  hits = pa_framework_search_query (finder, "weld", PA_CONCEPT_KINDS_ALL, "en", NULL, 5, &error);
  g_assert_cmpuint (hits->len, ==, 0);
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = pa_framework_search_query (finder, "engine", PA_CONCEPT_KINDS_SKILLS, "en", NULL, 5, &error);
  g_assert_cmpuint (hits->len, ==, 1);
}

static void
test_cli (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *db = g_build_filename (f->dir, "cli.db", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "nowhere", NULL);
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  char *out = NULL, *err = NULL;
  JsonArray *array;

#define RUN(status, ...) \
  G_STMT_START { \
    g_clear_pointer (&out, g_free); \
    g_clear_pointer (&err, g_free); \
    g_assert_cmpint (pa_test_run_cli (&out, &err, "--db", db, __VA_ARGS__, NULL), ==, status); \
  } G_STMT_END

  RUN (0, "esco", "import", f->release);
  g_assert_nonnull (strstr (out, "Imported ESCO release 1.1.1 (en)"));
  g_assert_nonnull (strstr (out, "occupationSkillRelations.csv\t-\t5\t4\t1"));
  RUN (1, "esco", "import", missing);
  g_assert_nonnull (strstr (err, missing));
  RUN (2, "esco", "import");
  RUN (2, "esco", "import", f->release, "--release", "--pack");

  RUN (0, "frameworks", "list", "--format", "json");
  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  array = json_node_get_array (json_parser_get_root (parser));
  /* ESCO and the six built-in frameworks, ESCO with the release's occupations. */
  g_assert_cmpuint (json_array_get_length (array), ==, 7);
  for (guint i = 0; i < json_array_get_length (array); i++)
    if (g_str_equal (json_object_get_string_member (json_array_get_object_element (array, i), "code"), "esco"))
      g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (array, i), "occupations"), ==, 2);

  RUN (0, "skills", "search", "MEND", "--lang", "fr", "--format", "json");
  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  array = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (array), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 0), "uri"), ==, SKILL (1));
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 0), "matched"), ==, "mend engines");
  RUN (0, "occupations", "search", "0110");
  g_assert_nonnull (strstr (out, OCC (2) "\tarmed forces officer\ten\t0110\t0110.1\t"));
  RUN (2, "skills", "search", "x", "--limit", "0");
  RUN (2, "skills", "search", "x", "--format", "xml");

  RUN (0, "skill", "show", SKILL (1));
  g_assert_true (g_str_has_prefix (out, "repair engines\n" SKILL (1) "\n"));
  g_assert_nonnull (strstr (out, "Essential for (1)\n  technical director\t" OCC (1) "\n"));
  RUN (0, "occupation", "show", OCC (1), "--format", "json");
  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (
                      json_node_get_object (json_parser_get_root (parser)), "optional_skills")), ==, 2);
  RUN (1, "occupation", "show", SKILL (1));
  g_assert_nonnull (strstr (err, "not an occupation"));
  g_assert_nonnull (strstr (err, "“Skill or competence”"));
  RUN (1, "skill", "show", OCC (1));
  g_assert_nonnull (strstr (err, "is an occupation, not a skill"));
  /* The kind is told in the user's language, not as stored ("skill"). */
  g_setenv ("LANGUAGE", "fr", TRUE);
  RUN (1, "occupation", "show", SKILL (1));
  g_assert_nonnull (strstr (err, "n’est pas un métier : c’est un concept de type « Aptitude ou compétence »."));
  g_assert_null (strstr (err, "a skill"));
  RUN (1, "skill", "show", OCC (1));
  g_assert_nonnull (strstr (err, "est un métier, pas une aptitude ou compétence."));
  g_assert_null (strstr (err, "an occupation"));
  g_unsetenv ("LANGUAGE");
  RUN (1, "skill", "show", "http://example.org/nothing");
  g_assert_nonnull (strstr (err, "http://example.org/nothing"));
#undef RUN
  g_free (out);
  g_free (err);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/esco-import/release", test_release);
  ADD ("/esco-import/zip-and-reimport", test_zip_and_reimport);
  ADD ("/esco-import/language-pack", test_language_pack);
  ADD ("/esco-import/bad-files", test_bad_files);
  ADD ("/esco-import/newer-release", test_newer_release);
  ADD ("/esco-import/search", test_search);
  ADD ("/esco-import/async-and-cancel", test_async_and_cancel);
  ADD ("/esco-import/languages-option", test_languages_option);
  ADD ("/esco-import/search-load-async", test_search_load_async);
  ADD ("/esco-import/cli", test_cli);
#undef ADD

  return g_test_run ();
}
