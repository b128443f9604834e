/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>

#include "pa-backup.h"
#include "pa-store-cases.h"
#include "pa-store-private.h"
#include "pa-test-utils.h"

/* Every older schema version is upgraded to the current one with its data
 * intact. Each version has a fixture: a store as that version of Passerelle
 * wrote it, filled through raw SQL with what that version held. A new
 * migration needs a fixture for the version it leaves behind (the coverage
 * test fails until there is one). */

typedef struct
{
  const char *words;   /* what a trainer types */
  const char *code;    /* the case that must be found */
} Search;

typedef struct
{
  int version;
  void (*fill) (sqlite3 *db);
  const Search *searches;
} VersionFixture;

static void
bind_blob_pattern (sqlite3_stmt *stmt,
                   int           index,
                   gsize         size,
                   guint8        seed)
{
  g_autofree guint8 *data = g_malloc (size);

  /* Every byte value, NULs included. */
  for (gsize i = 0; i < size; i++)
    data[i] = (guint8) (i * 31 + seed + (i >> 8));
  sqlite3_bind_blob (stmt, index, data, (int) size, SQLITE_TRANSIENT);
}

static void
insert_evidence (sqlite3    *db,
                 gint64      case_id,
                 const char *title,
                 gsize       size,
                 guint8      seed)
{
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "INSERT INTO evidence (case_id, title, kind, filename, "
                                       "mime_type, content, size, relevant, authentic, added_at, "
                                       "added_by) VALUES (?, ?, 'diploma', ?, 'application/pdf', ?, ?, "
                                       "1, 1, '2024-03-02T10:00:00Z', 1)",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, case_id);
  sqlite3_bind_text (stmt, 2, title, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, "شهادة-diplôme.pdf", -1, SQLITE_STATIC);
  bind_blob_pattern (stmt, 4, size, seed);
  sqlite3_bind_int64 (stmt, 5, (gint64) size);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
}

/* Version 1: the whole data model, no search index. */
static void
fill_v1 (sqlite3 *db)
{
  pa_test_exec (db,
    "INSERT INTO actor (id, login, display_name, role, created_at) VALUES "
    " (2, 'lucja', 'Łucja Wróbel', 'coordinator', '2024-01-05T08:00:00Z');"
    "INSERT INTO setting (key, value) VALUES ('centre.name', 'Maison des Savoirs — Liège'),"
    " ('centre.region', 'Wallonie');"
    "INSERT INTO case_file (id, code, given_name, family_name, gender, birth_year, origin_country,"
    " arrival_date, contact, owner_id, created_at, updated_at, trashed_at) VALUES"
    " (1, 'PA-2024-0001', 'Amal', 'Haddad', 'female', 1988, 'SY', '2019-06-14',"
    "  '+32 470 12 34 56', 1, '2024-01-10T09:00:00Z', '2024-02-01T10:00:00Z', NULL),"
    " (2, 'PA-2024-0002', 'Élise', 'Nkurunziza', 'female', 1995, 'BI', '2021-09-01',"
    "  'elise@example.org', 2, '2024-01-11T09:00:00Z', '2024-01-11T09:00:00Z', NULL),"
    " (3, 'PA-2024-0003', 'Ахмед', 'Кадиров', 'male', 1979, 'UA', NULL, '', 1,"
    "  '2024-01-12T09:00:00Z', '2024-01-12T09:00:00Z', NULL),"
    " (4, 'PA-2024-0004', 'أمل', 'الحلبي', NULL, NULL, 'IQ', NULL, '', NULL,"
    "  '2024-01-13T09:00:00Z', '2024-01-20T09:00:00Z', '2024-01-20T09:00:00Z');"
    "INSERT INTO consent (case_id, scope, given_on, withdrawn_on, note, recorded_by) VALUES"
    " (1, 'processing', '2024-01-10', NULL, 'signé en arabe et en français', 1),"
    " (1, 'photo', '2024-01-10', '2024-03-01', 'retiré', 1),"
    " (2, 'processing', '2024-01-11', NULL, '', 2);"
    "INSERT INTO case_language (case_id, language, mother_tongue, listening, reading,"
    " spoken_interaction, spoken_production, writing, source) VALUES"
    " (1, 'ar', 1, 'C2', 'C2', 'C2', 'C2', 'C2', 'self'),"
    " (1, 'fr', 0, 'B1', 'A2', 'B1', 'A2', 'A2', 'test'),"
    " (2, 'rn', 1, NULL, NULL, NULL, NULL, NULL, 'self'),"
    " (3, 'uk', 1, 'C2', 'C1', 'C2', 'C2', 'C1', 'trainer');"
    "INSERT INTO education (case_id, isced_level, isced_field, country, institution,"
    " original_title, year_completed, documents_held, recognition_status, eqf_estimate, notes)"
    " VALUES (1, 3, '0715', 'SY', 'ثانوية حلب الصناعية', 'شهادة ثانوية صناعية', 2006,"
    "  'copy', 'requested', 4, 'équivalence demandée à la FWB'),"
    " (3, 6, '0732', 'UA', 'Київський національний університет', 'Бакалавр', 2001,"
    "  'original', 'partial', 6, '');"
    "INSERT INTO experience (id, case_id, kind, title, organisation, country, place, start_date,"
    " end_date, tasks, occupation_uri, position) VALUES"
    " (1, 1, 'paid_work', 'Mécanicienne poids lourds', 'Garage Al-Nour', 'SY', 'Alep',"
    "  '2008-03', '2012-11', 'réparé des moteurs de camion, diagnostic des freins',"
    "  'http://data.europa.eu/esco/occupation/f2b15a0e-e65a-438a-affb-29b9d50b77d1', 0),"
    " (2, 1, 'volunteering', 'Interprète bénévole', 'Croix-Rouge', 'BE', 'Liège',"
    "  '2020-01', NULL, 'traduction arabe-français lors des permanences', NULL, 1),"
    " (3, 2, 'family_care', 'Garde d''enfants', '', 'BI', 'Gitega', NULL, NULL,"
    "  'six enfants, repas, devoirs', NULL, 0),"
    " (4, 3, 'paid_work', 'Зварник', 'Азовсталь', 'UA', 'Маріуполь', '2003-01', '2022-02',"
    "  'зварювання труб', NULL, 0);"
    "INSERT INTO claim (id, case_id, framework, item_uri, label, level, stage, created_at,"
    " updated_at) VALUES"
    " (1, 1, 'esco', 'http://data.europa.eu/esco/skill/a1', 'réparer des moteurs', 'B', 3,"
    "  '2024-01-15T10:00:00Z', '2024-02-01T10:00:00Z'),"
    " (2, 1, 'esco', 'http://data.europa.eu/esco/skill/a2', 'interpréter', NULL, 1,"
    "  '2024-01-15T10:05:00Z', '2024-01-15T10:05:00Z'),"
    " (3, 3, 'esco', 'http://data.europa.eu/esco/skill/b1', 'souder', 'C', 4,"
    "  '2024-01-16T10:00:00Z', '2024-03-01T10:00:00Z');"
    "INSERT INTO claim_experience (claim_id, experience_id) VALUES (1, 1), (2, 2), (3, 4);"
    "INSERT INTO claim_stage (claim_id, stage, actor_id, at, method, level, assessor, rationale)"
    " VALUES (1, 1, 1, '2024-01-15T10:00:00Z', 'suggestion', NULL, '', 'proposé par l''expérience'),"
    " (1, 2, 1, '2024-01-20T10:00:00Z', 'document_review', NULL, '', 'photos d''atelier'),"
    " (1, 3, 2, '2024-02-01T10:00:00Z', 'practical_test', 'B', 'Łucja Wróbel',"
    "  'démonté et remonté un injecteur en 40 minutes'),"
    " (3, 1, 1, '2024-01-16T10:00:00Z', 'interview', NULL, '', ''),"
    " (3, 4, 2, '2024-03-01T10:00:00Z', 'practical_test', 'C', 'Jan Peeters', 'soudure TIG');"
    "INSERT INTO goal (id, case_id, title, target_occupation_uri, status, created_at) VALUES"
    " (1, 1, 'Travailler comme mécanicienne', NULL, 'open', '2024-01-15T11:00:00Z');"
    "INSERT INTO plan_action (case_id, goal_id, kind, title, status, due_on, done_on, notes)"
    " VALUES (1, 1, 'recognition', 'Demander l''équivalence', 'in_progress', '2024-06-30', NULL,"
    "  'dossier incomplet'), (1, NULL, 'language_course', 'Français B1', 'planned', NULL, NULL, '');"
    "INSERT INTO case_session (case_id, kind, held_on, duration_minutes, notes, actor_id) VALUES"
    " (1, 'individual', '2024-01-15', 90, 'premier entretien; très motivée', 1),"
    " (2, 'group', '2024-01-22', 120, '', 2);"
    "INSERT INTO seminar (id, title, theme, location, start_date, end_date, created_at) VALUES"
    " (1, 'Valoriser ses compétences', 'bilan', 'Salle Meuse', '2024-02-05', '2024-02-26',"
    "  '2024-01-20T10:00:00Z');"
    "INSERT INTO seminar_participant (seminar_id, case_id) VALUES (1, 1), (1, 2);"
    "INSERT INTO seminar_session (id, seminar_id, held_on, topic) VALUES"
    " (1, 1, '2024-02-05', 'Mon parcours'), (2, 1, '2024-02-12', 'Mes compétences');"
    "INSERT INTO attendance (session_id, case_id, present) VALUES (1, 1, 1), (1, 2, 0), (2, 1, 1);"
    "INSERT INTO certificate (case_id, number, issued_on, issued_by, language, second_language,"
    " snapshot, digest, revoked_on, revoked_reason) VALUES"
    " (3, 'CERT-2024-0001', '2024-03-02', 2, 'fr', 'uk', '{\"name\":\"Ахмед Кадиров\"}',"
    "  'sha256:00ff', NULL, NULL);"
    "INSERT INTO audit (at, actor_id, action, case_id, object, detail) VALUES"
    " ('2024-01-10T09:00:00Z', 1, 'case.create', 1, 'case', ''),"
    " ('2024-01-20T09:00:00Z', 1, 'case.trash', 4, 'case', '');");
  insert_evidence (db, 1, "Photos de l'atelier", 70000, 7);
  insert_evidence (db, 3, "Диплом", 1500, 99);
  pa_test_exec (db, "INSERT INTO claim_evidence (claim_id, evidence_id) VALUES (1, 1), (3, 2)");
}

static const Search v1_searches[] = {
  { "haddad", "PA-2024-0001" },
  { "elise", "PA-2024-0002" },          /* typed without its accent */
  { "NKURUN", "PA-2024-0002" },         /* a prefix, in capitals */
  { "кадиров", "PA-2024-0003" },        /* Cyrillic, lower case */
  { "Syrian", "PA-2024-0001" },         /* origin SY by its English name */
  { "burundi", "PA-2024-0002" },
  { "mecanicienne", "PA-2024-0001" },   /* an experience title */
  { "camion", "PA-2024-0001" },         /* an experience's tasks */
  { "Маріуполь", "PA-2024-0003" },      /* an experience's place */
  { "PA-2024-0002", "PA-2024-0002" },
  { NULL, NULL }
};

/* One fixture per version below PA_STORE_SCHEMA_VERSION, at index version - 1.
 * When adding migration N+1, add the fixture of version N here: start from
 * the previous fill function and add what version N brought. */
/* Version 2 added the search index; Passerelle of that version kept it in
 * step with every change, as done here once for the whole content. */
static void
fill_v2 (sqlite3 *db)
{
  fill_v1 (db);
  pa_test_exec (db,
    "INSERT INTO case_search (rowid, code, names, origin, experiences) "
    "SELECT c.id, c.code, c.given_name || ' ' || c.family_name, coalesce (c.origin_country, ''), "
    "coalesce ((SELECT group_concat (e.title || ' ' || e.organisation || ' ' || e.place || ' ' || e.tasks, ' ') "
    "FROM experience e WHERE e.case_id = c.id), '') FROM case_file c");
}

/* Version 3 added the frameworks: an imported ESCO release with labels in
 * two languages, relations, a collection, and a claim naming a concept. */
static void
fill_v3 (sqlite3 *db)
{
  fill_v2 (db);
  pa_test_exec (db,
    "INSERT INTO framework (id, code, title, version, origin, languages, imported_at, generation)"
    " VALUES (1, 'esco', 'ESCO', '1.1.1', 'import', 'en,fr', '2024-01-05T10:00:00Z', 3);"
    "INSERT INTO concept (id, framework_id, uri, kind, code, isco_code, status, skill_type,"
    " reuse_level, position, modified_at) VALUES"
    " (1, 1, 'http://data.europa.eu/esco/occupation/f2b15a0e-e65a-438a-affb-29b9d50b77d1',"
    "  'occupation', '7231.1', '7231', 'released', NULL, NULL, 0, '2022-01-01'),"
    " (2, 1, 'http://data.europa.eu/esco/skill/a1', 'skill', NULL, NULL, 'released',"
    "  'skill/competence', 'sector-specific', 0, NULL),"
    " (3, 1, 'http://data.europa.eu/esco/skill/old', 'knowledge', NULL, NULL, 'obsolete',"
    "  'knowledge', NULL, 0, NULL);"
    "INSERT INTO concept_label (concept_id, lang, kind, text, folded) VALUES"
    " (1, 'en', 'preferred', 'heavy truck mechanic', 'heavy truck mechanic'),"
    " (1, 'fr', 'preferred', 'mécanicienne poids lourds', 'mecanicienne poids lourds'),"
    " (2, 'en', 'preferred', 'repair engines', 'repair engines'),"
    " (2, 'fr', 'alternative', 'réparer des moteurs', 'reparer des moteurs'),"
    " (3, 'en', 'hidden', 'carburettors', 'carburettors');"
    "INSERT INTO concept_description (concept_id, lang, text) VALUES"
    " (1, 'en', 'Heavy truck mechanics maintain and repair trucks.');"
    "INSERT INTO concept_relation (source_id, kind, target_id) VALUES"
    " (1, 'essential', 2), (1, 'optional', 3), (3, 'broader', 2);"
    "INSERT INTO collection_member (collection, concept_id) VALUES ('green', 2);");
}

/* Version 4 added the labour market: a shortage list, a vacancy with its
 * skills, languages and shortlist, a training module in a plan action, a
 * rejected suggestion. */
static void
fill_v4 (sqlite3 *db)
{
  fill_v3 (db);
  pa_test_exec (db,
    "INSERT INTO shortage_list (id, region, title, source, valid_from, imported_at) VALUES"
    " (1, 'BE-WAL', 'Métiers en pénurie', 'Forem', '2024-01-01', '2024-02-01T09:00:00Z');"
    "INSERT INTO shortage_occupation (list_id, occupation_uri, note) VALUES"
    " (1, 'http://data.europa.eu/esco/occupation/f2b15a0e-e65a-438a-affb-29b9d50b77d1', 'poids lourds');"
    "INSERT INTO vacancy (id, employer, title, occupation_uri, location, created_at) VALUES"
    " (1, 'Garage Meuse', 'Mécanicien·ne', "
    "  'http://data.europa.eu/esco/occupation/f2b15a0e-e65a-438a-affb-29b9d50b77d1', 'Liège',"
    "  '2024-02-03T09:00:00Z');"
    "INSERT INTO vacancy_skill (vacancy_id, skill_uri, required) VALUES"
    " (1, 'http://data.europa.eu/esco/skill/a1', 1);"
    "INSERT INTO vacancy_language (vacancy_id, language, min_level) VALUES (1, 'fr', 'A2');"
    "INSERT INTO vacancy_shortlist (vacancy_id, case_id, added_at) VALUES"
    " (1, (SELECT min (id) FROM case_file), '2024-02-04T09:00:00Z');"
    "INSERT INTO training_module (id, code, title, theme, duration_hours, language, created_at)"
    " VALUES (1, 'FR-A2', 'Français technique', 'language', 40, 'fr', '2024-01-10T09:00:00Z');"
    "INSERT INTO module_skill (module_id, skill_uri) VALUES (1, 'http://data.europa.eu/esco/skill/a1');"
    "INSERT INTO suggestion_rejection (case_id, skill_uri, rejected_at, actor_id) VALUES"
    " ((SELECT min (id) FROM case_file), 'http://data.europa.eu/esco/skill/old',"
    "  '2024-02-05T09:00:00Z', 2);");
}

/* Version 5 kept the centre's files (its logo) inside the store. */
static void
fill_v5 (sqlite3 *db)
{
  fill_v4 (db);
  pa_test_exec (db,
    "INSERT INTO setting_file (key, content, sha256, updated_at) VALUES"
    " ('centre.logo', x'89504e470d0a1a0a',"
    "  '4c4b6a3be1314ab86138bef4314dde022e600960d8689a2c8f8631802d20dab6',"
    "  '2024-03-01T09:00:00Z');");
}

static const Search v2_searches[] = {
  { "haddad", "PA-2024-0001" },
  { "camion", "PA-2024-0001" },
  { NULL, NULL }
};

static const VersionFixture fixtures[] = {
  { 1, fill_v1, v1_searches },
  { 2, fill_v2, v2_searches },
  { 3, fill_v3, v2_searches },
  { 4, fill_v4, v2_searches },
  { 5, fill_v5, v2_searches },
};

static void
test_fixtures_cover_every_version (void)
{
  for (int v = 1; v < PA_STORE_SCHEMA_VERSION; v++)
    {
      if ((gsize) v > G_N_ELEMENTS (fixtures) || fixtures[v - 1].version != v)
        g_error ("schema version %d has no fixture in tests/test-migrations.c: its upgrade to "
                 "version %d is not tested", v, PA_STORE_SCHEMA_VERSION);
      g_assert_nonnull (fixtures[v - 1].fill);
      g_assert_nonnull (fixtures[v - 1].searches);
    }
  g_assert_cmpuint (G_N_ELEMENTS (fixtures), ==, PA_STORE_SCHEMA_VERSION - 1);
}

/* Creates @path at @version filled with that version's fixture; returns
 * its content. */
static GPtrArray *
make_old_store (const char *path,
                int         version)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PaStore) store = NULL;
  sqlite3 *db;

  store = pa_store_open_at_version (path, version, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pa_store_get_schema_version (store), ==, version);
  db = pa_store_get_db (store);
  pa_test_exec (db, "BEGIN");
  fixtures[version - 1].fill (db);
  pa_test_exec (db, "COMMIT");
  g_assert_true (pa_store_check (store, TRUE, &error));
  g_assert_no_error (error);
  return pa_test_snapshot_take (db);
}

static char *
schema_listing (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  GString *out = g_string_new (NULL);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT type, name FROM sqlite_schema ORDER BY name",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (out, "%s %s\n", sqlite3_column_text (stmt, 0), sqlite3_column_text (stmt, 1));
  sqlite3_finalize (stmt);
  return g_string_free (out, FALSE);
}

static sqlite3 *
open_read_only (const char *path)
{
  g_autofree char *uri = g_strdup_printf ("file:%s?mode=ro", path);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL), ==, SQLITE_OK);
  return db;
}

static void
assert_found (PaStore      *store,
              const Search *s)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) found = pa_store_case_list (store, s->words, PA_CASE_FILTER_ALL, &error);
  gboolean seen = FALSE;

  g_assert_no_error (error);
  for (guint i = 0; i < found->len; i++)
    seen |= g_str_equal (pa_case_get_code (g_ptr_array_index (found, i)), s->code);
  if (!seen)
    g_error ("searching “%s” after the upgrade does not find %s", s->words, s->code);
}

static void
test_upgrade_from (gconstpointer data)
{
  int version = GPOINTER_TO_INT (data);
  const VersionFixture *fixture = &fixtures[version - 1];
  g_autofree char *dir = pa_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "centre.db", NULL);
  g_autofree char *before_name = g_strdup_printf ("before-v%d", PA_STORE_SCHEMA_VERSION);
  g_autoptr (GPtrArray) content = NULL;
  g_autoptr (GPtrArray) backups = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (PaStore) store = NULL;
  g_autofree char *reason = NULL;
  sqlite3 *db;

  content = make_old_store (path, version);

  store = pa_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pa_store_get_schema_version (store), ==, PA_STORE_SCHEMA_VERSION);
  g_assert_true (pa_store_check (store, TRUE, &error));
  g_assert_no_error (error);
  db = pa_store_get_db (store);

  /* Every row and value the old version held is still there. */
  pa_test_snapshot_assert (content, db);

  /* The search index covers the old cases: names, origin, experiences. */
  for (const Search *s = fixture->searches; s->words != NULL; s++)
    assert_found (store, s);
  {
    g_autoptr (GPtrArray) none = pa_store_case_list (store, "zzyzx", PA_CASE_FILTER_ALL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (none->len, ==, 0);
  }

  /* The list of cases is in the order of their names (version 6 keeps it). */
  {
    g_autoptr (GPtrArray) all = pa_store_case_list (store, NULL, PA_CASE_FILTER_ALL, &error);

    g_assert_no_error (error);
    g_assert_cmpint (pa_test_query_int (db, "SELECT count(*) FROM case_file "
                                            "WHERE sort_key IS NULL"), ==, 0);
    g_assert_cmpuint (all->len, >=, 3);
    for (guint i = 1; i < all->len; i++)
      {
        g_autofree char *a = pa_case_dup_display_name (g_ptr_array_index (all, i - 1));
        g_autofree char *b = pa_case_dup_display_name (g_ptr_array_index (all, i));
        g_autofree char *fa = g_utf8_casefold (a, -1);
        g_autofree char *fb = g_utf8_casefold (b, -1);

        if (g_utf8_collate (fa, fb) > 0)
          g_error ("after the upgrade, “%s” is listed before “%s”", a, b);
      }
  }

  /* A copy of the store as it was, itself a valid store at the old version. */
  backups = pa_backup_list (store);
  g_assert_cmpuint (backups->len, ==, 1);
  reason = pa_backup_get_reason (g_ptr_array_index (backups, 0));
  g_assert_cmpstr (reason, ==, before_name);
  {
    sqlite3 *old = open_read_only (g_ptr_array_index (backups, 0));

    g_assert_cmpint (pa_test_query_int (old, "PRAGMA user_version"), ==, version);
    g_assert_cmpint (pa_test_query_int (old, "PRAGMA application_id"), ==, PA_STORE_APPLICATION_ID);
    g_assert_cmpint (pa_test_query_int (old, "SELECT count(*) FROM pragma_integrity_check "
                                             "WHERE integrity_check <> 'ok'"), ==, 0);
    pa_test_snapshot_assert (content, old);
    sqlite3_close (old);
  }
  g_clear_object (&store);

  /* Opening again neither migrates nor backs up again. */
  store = pa_store_open (path, &error);
  g_assert_no_error (error);
  g_clear_pointer (&backups, g_ptr_array_unref);
  backups = pa_backup_list (store);
  g_assert_cmpuint (backups->len, ==, 1);
  g_clear_object (&store);

  pa_test_remove_tree (dir);
}

/* The failure injected into the next connections: refuse to record this
 * schema version, so that the upgrade fails after all its other work. */
static int refused_version;

static int
refuse_version_cb (void       *data,
                   int         action,
                   const char *arg1,
                   const char *arg2,
                   const char *db_name,
                   const char *trigger)
{
  if (action == SQLITE_PRAGMA && g_strcmp0 (arg1, "user_version") == 0 && arg2 != NULL &&
      atoi (arg2) == refused_version)
    return SQLITE_DENY;
  return SQLITE_OK;
}

static int
install_refusal (sqlite3                     *db,
                 char                       **message,
                 const sqlite3_api_routines  *api)
{
  sqlite3_set_authorizer (db, refuse_version_cb, NULL);
  return SQLITE_OK;
}

static void
test_failed_upgrade_keeps_old_store (gconstpointer data)
{
  int refuse = GPOINTER_TO_INT (data);
  g_autofree char *dir = pa_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "centre.db", NULL);
  g_autofree char *schema_before = NULL;
  g_autofree char *schema_after = NULL;
  g_autoptr (GPtrArray) content = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (PaStore) store = NULL;
  sqlite3 *db;

  /* From the oldest version, so that every step runs before the failure. */
  content = make_old_store (path, 1);
  db = open_read_only (path);
  schema_before = schema_listing (db);
  sqlite3_close (db);

  refused_version = refuse;
  sqlite3_auto_extension ((void (*) (void)) install_refusal);
  store = pa_store_open (path, &error);
  sqlite3_cancel_auto_extension ((void (*) (void)) install_refusal);
  g_assert_null (store);
  g_assert_error (error, PA_STORE_ERROR, PA_STORE_ERROR_MIGRATION);
  g_assert_nonnull (strstr (error->message, path));
  g_test_message ("%s", error->message);

  /* The file is at its old version, with its old tables and every row. */
  db = open_read_only (path);
  g_assert_cmpint (pa_test_query_int (db, "PRAGMA user_version"), ==, 1);
  schema_after = schema_listing (db);
  g_assert_cmpstr (schema_after, ==, schema_before);
  pa_test_snapshot_assert (content, db);
  g_assert_cmpint (pa_test_query_int (db, "SELECT count(*) FROM pragma_integrity_check "
                                          "WHERE integrity_check <> 'ok'"), ==, 0);
  sqlite3_close (db);

  /* Without the failure the same file upgrades. */
  g_clear_error (&error);
  store = pa_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pa_store_get_schema_version (store), ==, PA_STORE_SCHEMA_VERSION);
  pa_test_snapshot_assert (content, pa_store_get_db (store));
  g_clear_object (&store);
  pa_test_remove_tree (dir);
}

/* Before version 5 the logo was a file beside the store, which backups left
 * out: opening the store reads it in, so a backup restored on another
 * computer still prints it. A file that cannot be read stays named, to be
 * read at a later opening. */
static void
test_logo_file_imported (void)
{
  g_autofree char *dir = pa_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "centre.db", NULL);
  g_autofree char *logo = g_build_filename (dir, "centre-logo-1700000000.png", NULL);
  g_autofree char *other_dir = g_build_filename (dir, "other-pc", NULL);
  g_autofree char *other = g_build_filename (other_dir, "centre.db", NULL);
  g_autofree char *backup = NULL;
  g_autofree char *setting = NULL;
  static const char png_data[] = "\x89PNG\r\n\x1a\n\0\x01 a logo";
  g_autoptr (GBytes) png = g_bytes_new_static (png_data, sizeof png_data - 1);
  g_autoptr (GBytes) stored = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (PaStore) store = NULL;

  store = pa_store_open_at_version (path, 4, &error);
  g_assert_no_error (error);
  g_assert_true (pa_store_set_setting (store, "centre.logo", logo, &error));
  g_assert_true (pa_store_set_setting (store, "centre.name", "Maison des Savoirs", &error));
  g_clear_object (&store);

  /* The file is missing: the store opens, the path stays for next time. */
  store = pa_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pa_store_get_schema_version (store), ==, PA_STORE_SCHEMA_VERSION);
  stored = pa_store_get_file (store, "centre.logo", &error);
  g_assert_no_error (error);
  g_assert_null (stored);
  setting = pa_store_get_setting (store, "centre.logo");
  g_assert_cmpstr (setting, ==, logo);
  g_clear_pointer (&setting, g_free);
  g_clear_object (&store);

  /* There: read in once, the path dropped, the file no longer needed. */
  g_assert_true (g_file_set_contents (logo, g_bytes_get_data (png, NULL), g_bytes_get_size (png), NULL));
  store = pa_store_open (path, &error);
  g_assert_no_error (error);
  stored = pa_store_get_file (store, "centre.logo", &error);
  g_assert_no_error (error);
  g_assert_nonnull (stored);
  g_assert_true (g_bytes_equal (stored, png));
  g_clear_pointer (&stored, g_bytes_unref);
  g_assert_null (pa_store_get_setting (store, "centre.logo"));
  g_assert_cmpint (pa_test_query_int (pa_store_get_db (store),
                                      "SELECT count(*) FROM audit WHERE action = 'centre.logo_import'"),
                   ==, 1);
  g_assert_cmpint (g_unlink (logo), ==, 0);

  /* A backup carries it to another computer. */
  backup = pa_backup_create_in_dir (store, dir, "manual", &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  g_assert_cmpint (g_mkdir_with_parents (other_dir, 0700), ==, 0);
  g_assert_true (pa_backup_restore_file (other, backup, NULL, &error));
  g_assert_no_error (error);
  store = pa_store_open (other, &error);
  g_assert_no_error (error);
  stored = pa_store_get_file (store, "centre.logo", &error);
  g_assert_no_error (error);
  g_assert_nonnull (stored);
  g_assert_true (g_bytes_equal (stored, png));

  /* Removed, it is gone; a damaged copy is said to be damaged. */
  g_clear_pointer (&stored, g_bytes_unref);
  g_assert_true (pa_store_set_file (store, "centre.logo", png, &error));
  pa_test_exec (pa_store_get_db (store), "UPDATE setting_file SET content = x'00' WHERE key = 'centre.logo'");
  stored = pa_store_get_file (store, "centre.logo", &error);
  g_assert_error (error, PA_STORE_ERROR, PA_STORE_ERROR_CORRUPT);
  g_assert_null (stored);
  g_clear_error (&error);
  g_assert_true (pa_store_set_file (store, "centre.logo", NULL, &error));
  stored = pa_store_get_file (store, "centre.logo", &error);
  g_assert_no_error (error);
  g_assert_null (stored);

  g_clear_object (&store);
  pa_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/migrations/fixtures-cover-every-version", test_fixtures_cover_every_version);
  for (int v = 1; v < PA_STORE_SCHEMA_VERSION && (gsize) v <= G_N_ELEMENTS (fixtures); v++)
    {
      g_autofree char *name = g_strdup_printf ("/migrations/upgrade-from-v%d", v);
      g_test_add_data_func (name, GINT_TO_POINTER (v), test_upgrade_from);
    }
  g_test_add_func ("/migrations/logo-file-imported", test_logo_file_imported);
  /* The first step refused, and the last one (after every other step ran). */
  g_test_add_data_func ("/migrations/failure-at-first-step", GINT_TO_POINTER (2),
                        test_failed_upgrade_keeps_old_store);
  g_test_add_data_func ("/migrations/failure-at-last-step",
                        GINT_TO_POINTER (PA_STORE_SCHEMA_VERSION),
                        test_failed_upgrade_keeps_old_store);
  return g_test_run ();
}
