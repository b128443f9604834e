/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <json-glib/json-glib.h>

#include "pa-demo.h"
#include "pa-labour.h"
#include "pa-mapper-store.h"
#include "pa-store-cases.h"
#include "pa-store-records.h"
#include "pa-vacancy-match.h"
#include "pa-test-utils.h"

typedef PaTestStore Fixture;

/* The demo centre's own file name, which messages name. */
static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  pa_test_store_open (f, "demo.db");
}



static gboolean
has_kind (GPtrArray  *experiences,
          const char *kind)
{
  for (guint i = 0; i < experiences->len; i++)
    if (g_str_equal (((PaExperience *) g_ptr_array_index (experiences, i))->kind, kind))
      return TRUE;
  return FALSE;
}

static guint32
read_be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

/* A PNG made of well-formed chunks, IHDR first and IEND last. */
static void
assert_png (GBytes *bytes)
{
  gsize size = 0;
  const guint8 *data = g_bytes_get_data (bytes, &size);
  gsize offset = 8;
  gboolean ended = FALSE;

  g_assert_cmpuint (size, >, 8 + 25 + 12);
  g_assert_cmpmem (data, 8, "\x89PNG\r\n\x1a\n", 8);
  g_assert_cmpmem (data + 12, 4, "IHDR", 4);
  while (offset + 12 <= size && !ended)
    {
      guint32 len = read_be32 (data + offset);
      ended = memcmp (data + offset + 4, "IEND", 4) == 0;
      offset += 12 + len;
    }
  g_assert_true (ended);
  g_assert_cmpuint (offset, ==, size);
}

/* URI → preferred label of a real ESCO CSV file (only the two columns). */
static GHashTable *
read_esco_labels (const char *file)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  GHashTable *labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  guint label = strstr (file, "skills") ? 4 : 3;
  const char *end;

  if (!g_file_get_contents (file, &contents, &length, NULL))
    return labels;
  end = contents + length;
  /* Line by line with memchr: splitting 10 MB with strstr is quadratic
   * under AddressSanitizer. */
  for (const char *p = contents; p < end;)
    {
      const char *nl = memchr (p, '\n', (gsize) (end - p));
      g_autofree char *line = g_strndup (p, (nl ? nl : end) - p);
      g_auto (GStrv) fields = NULL;

      p = nl ? nl + 1 : end;
      /* conceptType,conceptUri,…: the URI is the 2nd field; the label the
       * 4th (occupations) or 5th (skills), never quoted for the labels
       * used here. */
      if (!g_str_has_prefix (line, "Occupation,") && !g_str_has_prefix (line, "KnowledgeSkillCompetence,"))
        continue;
      fields = g_strsplit (line, ",", 7);
      if (g_strv_length (fields) <= label)
        continue;
      g_hash_table_insert (labels, g_strdup (fields[1]), g_strdup (fields[label]));
    }
  return labels;
}

static void
test_fill (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) cases = NULL;
  g_autoptr (GPtrArray) seminars = NULL;
  g_autoptr (GHashTable) skills = NULL;
  g_autoptr (GHashTable) occupations = NULL;
  const char *shared = pa_test_shared_data ();
  guint certified = 0, png = 0, claims_checked = 0;

  g_assert_true (pa_demo_store_is_empty (f->store));
  g_assert_true (pa_demo_fill (f->store, &error));
  g_assert_no_error (error);
  g_assert_false (pa_demo_store_is_empty (f->store));

  if (shared != NULL)
    {
      g_autofree char *s = g_build_filename (shared, "esco/v1.1.1/en/skills_en.csv", NULL);
      g_autofree char *o = g_build_filename (shared, "esco/v1.1.1/en/occupations_en.csv", NULL);
      skills = read_esco_labels (s);
      occupations = read_esco_labels (o);
    }

  cases = pa_store_case_list (f->store, NULL, PA_CASE_FILTER_ACTIVE, &error);
  g_assert_cmpuint (cases->len, ==, pa_demo_n_fictional_cases ());
  g_assert_cmpuint (cases->len, >=, 12);
  for (guint i = 0; i < cases->len; i++)
    {
      gint64 id = pa_case_get_id (g_ptr_array_index (cases, i));
      g_autoptr (GPtrArray) languages = pa_store_language_list (f->store, id, &error);
      g_autoptr (GPtrArray) experiences = pa_store_experience_list (f->store, id, &error);
      g_autoptr (GPtrArray) claims = pa_store_claim_list (f->store, id, &error);
      g_autoptr (GPtrArray) evidence = pa_store_evidence_list (f->store, id, &error);
      g_autoptr (GPtrArray) goals = pa_store_goal_list (f->store, id, &error);
      g_autoptr (GPtrArray) sessions = pa_store_session_list (f->store, id, &error);
      g_autoptr (GPtrArray) consents = pa_store_consent_list (f->store, id, &error);
      gboolean mother_tongue = FALSE;

      g_assert_no_error (error);
      g_assert_nonnull (pa_case_get_origin_country (g_ptr_array_index (cases, i)));
      g_assert_cmpuint (languages->len, >=, 2);
      for (guint k = 0; k < languages->len; k++)
        mother_tongue |= ((PaCaseLanguage *) g_ptr_array_index (languages, k))->mother_tongue;
      g_assert_true (mother_tongue);

      /* The journey and something learnt outside work, always. */
      g_assert_cmpuint (experiences->len, >=, 3);
      g_assert_true (has_kind (experiences, "migration_journey"));
      g_assert_true (has_kind (experiences, "volunteering") || has_kind (experiences, "ngo") ||
                     has_kind (experiences, "community") || has_kind (experiences, "informal_learning") ||
                     has_kind (experiences, "non_formal_course") || has_kind (experiences, "family_care") ||
                     has_kind (experiences, "trade_union"));
      for (guint k = 0; k < experiences->len; k++)
        {
          PaExperience *x = g_ptr_array_index (experiences, k);
          if (x->occupation_uri != NULL && occupations != NULL)
            g_assert_true (g_hash_table_contains (occupations, x->occupation_uri));
        }

      g_assert_cmpuint (claims->len, >=, 4);
      for (guint k = 0; k < claims->len; k++)
        {
          PaClaim *c = g_ptr_array_index (claims, k);
          g_autoptr (GPtrArray) history = pa_store_claim_history (f->store, c->id, &error);

          g_assert_true (g_str_has_prefix (c->item_uri, "http://data.europa.eu/esco/skill/"));
          g_assert_cmpuint (history->len, ==, (guint) c->stage);
          if (c->stage >= PA_STAGE_DOCUMENTED)
            g_assert_cmpuint (c->evidence_ids->len, >=, 1);
          if (c->stage == PA_STAGE_CERTIFIED)
            certified++;
          /* Real ESCO v1.1.1 concepts, with their English preferred labels. */
          if (skills != NULL && g_hash_table_size (skills) > 0)
            {
              g_assert_cmpstr (g_hash_table_lookup (skills, c->item_uri), ==, c->label);
              claims_checked++;
            }
        }

      g_assert_cmpuint (evidence->len, >=, 1);
      for (guint k = 0; k < evidence->len; k++)
        {
          PaEvidence *e = g_ptr_array_index (evidence, k);
          g_autoptr (GBytes) content = pa_store_evidence_get_content (f->store, e->id, &error);
          g_autofree char *sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, content);

          g_assert_no_error (error);
          g_assert_cmpstr (sha, ==, e->sha256);
          if (g_str_equal (e->mime_type, "image/png"))
            {
              assert_png (content);
              png++;
            }
          else
            g_assert_true (g_utf8_validate (g_bytes_get_data (content, NULL),
                                            (gssize) g_bytes_get_size (content), NULL));
        }
      g_assert_cmpuint (goals->len, >=, 1);
      g_assert_cmpuint (sessions->len, >=, 1);
      g_assert_cmpuint (consents->len, >=, 1);
    }
  g_assert_cmpuint (certified, >=, 5);
  g_assert_cmpuint (png, >=, 5);
  if (skills != NULL && g_hash_table_size (skills) > 0)
    g_assert_cmpuint (claims_checked, >=, 50);

  seminars = pa_store_seminar_list (f->store, &error);
  g_assert_cmpuint (seminars->len, ==, 1);
  {
    PaSeminar *s = g_ptr_array_index (seminars, 0);
    g_autoptr (GArray) participants = pa_store_seminar_list_participants (f->store, s->id, &error);
    g_autoptr (GPtrArray) sessions = pa_store_seminar_session_list (f->store, s->id, &error);
    guint absent = 0;

    g_assert_cmpuint (participants->len, ==, 8);
    g_assert_cmpuint (sessions->len, ==, 5);
    for (guint i = 0; i < sessions->len; i++)
      {
        g_autoptr (GPtrArray) attendance =
          pa_store_attendance_list (f->store, ((PaSeminarSession *) g_ptr_array_index (sessions, i))->id,
                                    &error);
        g_assert_cmpuint (attendance->len, ==, 8);
        for (guint k = 0; k < attendance->len; k++)
          absent += !((PaAttendance *) g_ptr_array_index (attendance, k))->present;
      }
    g_assert_cmpuint (absent, ==, 4);
  }

  /* Findable by what the trainer remembers. */
  {
    g_autoptr (GPtrArray) found = pa_store_case_list (f->store, "interprete", PA_CASE_FILTER_ACTIVE, &error);
    g_assert_cmpuint (found->len, >=, 1);
    g_clear_pointer (&found, g_ptr_array_unref);
    found = pa_store_case_list (f->store, "aleppo", PA_CASE_FILTER_ACTIVE, &error);
    g_assert_cmpuint (found->len, >=, 1);
  }
}

static void
test_refuse_non_empty (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PaCase) kase = pa_case_new ();
  int audits;

  pa_case_set_given_name (kase, "Real");
  pa_case_set_family_name (kase, "Participant");
  g_assert_true (pa_store_case_create (f->store, kase, &error));

  g_assert_false (pa_demo_fill (f->store, &error));
  g_assert_error (error, PA_STORE_ERROR, PA_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "demo.db"));
  g_clear_error (&error);
  g_assert_false (pa_demo_generate (f->store, 10, 1, &error));
  g_assert_error (error, PA_STORE_ERROR, PA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (pa_store_case_count (f->store, PA_CASE_FILTER_ALL), ==, 1);

  /* A trashed case counts too. */
  g_assert_true (pa_store_case_trash (f->store, pa_case_get_id (kase), &error));
  g_assert_false (pa_demo_store_is_empty (f->store));

  /* Forced, they are added, with one audit row for the whole load. */
  {
    g_autoptr (sqlite3_stmt) stmt = pa_store_prepare (f->store, "SELECT count(*) FROM audit", NULL);
    sqlite3_step (stmt);
    audits = sqlite3_column_int (stmt, 0);
  }
  g_assert_true (pa_demo_fill_full (f->store, 7, 3, PA_DEMO_FLAGS_FORCE, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pa_store_case_count (f->store, PA_CASE_FILTER_ALL), ==, 8);
  {
    g_autoptr (sqlite3_stmt) stmt = pa_store_prepare (f->store, "SELECT count(*) FROM audit", NULL);
    sqlite3_step (stmt);
    g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, audits + 1);
  }
}

static char *
names_of (PaStore *store)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) cases = pa_store_case_list (store, NULL, PA_CASE_FILTER_ACTIVE, &error);
  GString *names = g_string_new (NULL);

  for (guint i = 0; i < cases->len; i++)
    {
      g_autofree char *name = pa_case_dup_display_name (g_ptr_array_index (cases, i));
      g_string_append_printf (names, "%s;", name);
    }
  return g_string_free (names, FALSE);
}

static void
test_generate (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path2 = g_build_filename (f->dir, "again.db", NULL);
  g_autofree char *path3 = g_build_filename (f->dir, "other.db", NULL);
  g_autoptr (PaStore) again = pa_store_open (path2, &error);
  g_autoptr (PaStore) other = pa_store_open (path3, &error);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *third = NULL;
  g_autoptr (GPtrArray) cases = NULL;
  guint experiences = 0, claims = 0, found = 0;

  g_assert_true (pa_demo_generate (f->store, 60, 42, &error));
  g_assert_no_error (error);
  g_assert_true (pa_demo_generate (again, 60, 42, &error));
  g_assert_true (pa_demo_generate (other, 60, 43, &error));
  g_assert_no_error (error);

  /* Deterministic for a seed; another seed, other people. */
  first = names_of (f->store);
  second = names_of (again);
  third = names_of (other);
  g_assert_cmpstr (first, ==, second);
  g_assert_cmpstr (first, !=, third);

  cases = pa_store_case_list (f->store, NULL, PA_CASE_FILTER_ACTIVE, &error);
  g_assert_cmpuint (cases->len, ==, 60);
  for (guint i = 0; i < cases->len; i++)
    {
      gint64 id = pa_case_get_id (g_ptr_array_index (cases, i));
      g_autoptr (GPtrArray) x = pa_store_experience_list (f->store, id, &error);
      g_autoptr (GPtrArray) c = pa_store_claim_list (f->store, id, &error);
      g_assert_true (has_kind (x, "migration_journey"));
      experiences += x->len;
      claims += c->len;
    }
  g_assert_cmpuint (experiences, >=, 180);
  g_assert_cmpuint (claims, >=, 120);

  /* The search index was written for the bulk load: most typical queries find someone. */
  {
    g_autoptr (GPtrArray) queries = pa_demo_search_queries (40, 7);
    g_assert_cmpuint (queries->len, ==, 40);
    for (guint i = 0; i < queries->len; i++)
      {
        g_autoptr (GPtrArray) hits = pa_store_case_list (f->store, g_ptr_array_index (queries, i),
                                                         PA_CASE_FILTER_ACTIVE, &error);
        g_assert_no_error (error);
        found += hits->len > 0;
      }
    g_assert_cmpuint (found, >=, 20);
  }
  g_assert_true (pa_store_check (f->store, TRUE, &error));
  g_assert_no_error (error);
}

static void
test_search_queries (void)
{
  g_autoptr (GPtrArray) a = pa_demo_search_queries (200, 9);
  g_autoptr (GPtrArray) b = pa_demo_search_queries (200, 9);
  guint accented = 0, multiword = 0;

  g_assert_cmpuint (a->len, ==, 200);
  for (guint i = 0; i < a->len; i++)
    {
      const char *q = g_ptr_array_index (a, i);
      g_assert_cmpstr (q, ==, g_ptr_array_index (b, i));
      g_assert_true (g_utf8_validate (q, -1, NULL));
      g_assert_cmpuint (strlen (q), >=, 3);
      accented += !g_str_is_ascii (q);
      multiword += strchr (q, ' ') != NULL;
    }
  g_assert_cmpuint (accented, >, 0);
  g_assert_cmpuint (multiword, >, 0);
}

static void
test_png (void)
{
  g_autoptr (GBytes) small = pa_demo_make_png (1, 1);
  g_autoptr (GBytes) large = pa_demo_make_png (2, 256);

  assert_png (small);
  assert_png (large);
  /* 256 × (1 + 256 × 3) bytes of pixels: more than one stored block. */
  g_assert_cmpuint (g_bytes_get_size (large), >, 256 * 769);
}

static void
test_cli (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *db = g_build_filename (f->dir, "cli.db", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) lines = NULL;
  JsonObject *root;

  g_assert_cmpint (pa_test_run_cli (&out, &err, "--db", db, "demo", NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (pa_test_run_cli (&out, &err, "--db", db, "cases", "--format", "tsv", NULL), ==, 0);
  lines = g_strsplit (g_strchomp (out), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 1 + pa_demo_n_fictional_cases ());
  g_assert_nonnull (strstr (out, "\tRami Haddad\t"));
  g_assert_nonnull (strstr (out, "\tOlena Kovalenko\t"));
  g_assert_nonnull (strstr (out, "\tMaría Fernanda González Pérez\t"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Never twice by accident. */
  g_assert_cmpint (pa_test_run_cli (&out, &err, "--db", db, "demo", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "--force"));
  g_assert_nonnull (strstr (err, "cli.db"));
  g_assert_null (strchr (strchr (err, '\n') + 1, '\n'));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Everything a case holds, as JSON and as text. */
  g_assert_cmpint (pa_test_run_cli (&out, &err, "--db", db, "case", "show", "1", "--format", "json",
                                    NULL), ==, 0);
  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "experiences")), >=, 3);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "claims")), >=, 4);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "languages")), >=, 2);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "seminars")), ==, 1);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (pa_test_run_cli (&out, &err, "--db", db, "case", "show", "1", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Competences"));
  g_assert_nonnull (strstr (out, "[Migration journey]"));
  g_assert_nonnull (strstr (out, "[Certified]"));
  g_assert_nonnull (strstr (out, "SHA-256"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (pa_test_run_cli (&out, &err, "--db", db, "demo", "--force", "--count", "5", NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (pa_test_run_cli (&out, &err, "--db", db, "cases", NULL), ==, 0);
  g_strfreev (lines);
  lines = g_strsplit (g_strchomp (out), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 1 + pa_demo_n_fictional_cases () + 5);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (pa_test_run_cli (&out, &err, "demo", "--count", "-3", NULL), ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (pa_test_run_cli (&out, &err, "bench", "nothing", NULL), ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (pa_test_run_cli (&out, &err, "bench", "--help", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "bench store"));
}

/* The catalogue, vacancies and shortage list of the demo centre: every view
 * of the labour market opens with something in it, every competence has a
 * name, and the vacancies rank participants without an ESCO import. */
static void
test_labour (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) modules = NULL;
  g_autoptr (GPtrArray) vacancies = NULL;
  g_autoptr (GPtrArray) regions = NULL;
  g_autoptr (PaShortageList) list = NULL;
  g_autoptr (PaMapper) mapper = NULL;
  g_autofree char *region = NULL;
  g_autofree char *cook_label = NULL;
  gboolean has_cooks = FALSE;

  g_assert_true (pa_demo_fill (f->store, &error));
  g_assert_no_error (error);

  modules = pa_store_module_list (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (modules->len, ==, 8);
  for (guint i = 0; i < modules->len; i++)
    {
      PaModule *m = g_ptr_array_index (modules, i);

      g_assert_true (pa_module_theme_is_valid (m->theme));
      g_assert_cmpfloat (m->duration_hours, >, 0);
      g_assert_cmpstr (m->language, ==, "fr");
      g_assert_cmpuint (m->skill_uris->len, >=, 2);
      g_assert_cmpuint (m->skill_uris->len, <=, 5);
      for (guint k = 0; k < m->skill_uris->len; k++)
        {
          g_autofree char *label = pa_labour_concept_label (f->store, g_ptr_array_index (m->skill_uris, k), "en");
          g_assert_nonnull (label);
        }
    }

  mapper = pa_mapper_new_from_store (f->store, &error);
  g_assert_no_error (error);
  vacancies = pa_store_vacancy_list (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (vacancies->len, ==, 2);
  for (guint i = 0; i < vacancies->len; i++)
    {
      PaVacancy *v = g_ptr_array_index (vacancies, i);
      g_autoptr (PaVacancy) full = pa_store_vacancy_get (f->store, v->id, &error);
      g_autoptr (GPtrArray) ranked = NULL;
      g_autofree char *occupation = NULL;

      g_assert_no_error (error);
      occupation = pa_labour_concept_label (f->store, full->occupation_uri, "en");
      g_assert_nonnull (occupation);
      g_assert_cmpuint (full->required->len, >=, 3);
      g_assert_cmpuint (full->languages->len, >=, 1);
      ranked = pa_vacancy_match (f->store, mapper, full, 0, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (ranked->len, >=, 2);
    }
  {
    g_autoptr (GArray) shortlist = NULL;
    PaVacancy *cook = g_ptr_array_index (vacancies, 0);

    for (guint i = 0; i < vacancies->len; i++)
      if (strstr (((PaVacancy *) g_ptr_array_index (vacancies, i))->title, "cuisine"))
        cook = g_ptr_array_index (vacancies, i);
    shortlist = pa_store_shortlist_get (f->store, cook->id, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (shortlist->len, ==, 1);
  }

  regions = pa_store_shortage_regions (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (regions->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (regions, 0), ==, "BE-WAL");
  region = pa_store_get_setting (f->store, "centre.region");
  g_assert_cmpstr (region, ==, "BE-WAL");
  list = pa_store_shortage_get (f->store, "BE-WAL", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->occupation_uris->len, >=, 10);
  for (guint i = 0; i < list->occupation_uris->len; i++)
    {
      g_autofree char *label = pa_labour_concept_label (f->store, g_ptr_array_index (list->occupation_uris, i), "en");
      g_assert_nonnull (label);
      has_cooks |= g_str_equal (label, "Cooks");
    }
  g_assert_true (has_cooks);
  cook_label = pa_labour_concept_label (f->store, "http://data.europa.eu/esco/skill/f3934441-4bff-4076-9945-e6c51a01c467", "en");
  g_assert_cmpstr (cook_label, ==, "use cooking techniques");
  g_assert_null (pa_labour_concept_label (f->store, "http://example.org/unknown", "en"));
}

/* The labour-market commands on the demo centre. */
static void
test_labour_cli (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *db = g_build_filename (f->dir, "cli.db", NULL);
  g_autofree char *xml = g_build_filename (f->dir, "catalogue.xml", NULL);
  g_autofree char *csv = g_build_filename (f->dir, "list.csv", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto (GStrv) lines = NULL;

  g_assert_cmpint (pa_test_run_cli (&out, &err, "--db", db, "demo", NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (pa_test_run_cli (&out, &err, "--db", db, "vacancies", NULL), ==, 0);
  lines = g_strsplit (g_strchomp (out), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  g_assert_nonnull (strstr (out, "Commis de cuisine"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (pa_test_run_cli (&out, &err, "--db", db, "catalogue", "export", xml, NULL), ==, 0);
  g_assert_true (pa_test_file_contains (xml, "Food hygiene (HACCP) basics", strlen ("Food hygiene (HACCP) basics")));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (pa_test_run_cli (&out, &err, "--db", db, "catalogue", "import", xml, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "8 modules imported"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_true (g_file_set_contents (csv, "occupation,note\n5120,Pénurie\n9333,\n", -1, NULL));
  g_assert_cmpint (pa_test_run_cli (&out, &err, "--db", db, "shortage", "import", csv, "--region", "BE-WAL",
                                    NULL), ==, 0);
  g_assert_nonnull (strstr (out, "BE-WAL: 2 occupations; 1 added, 11 removed"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, pa_test_store_teardown)
  ADD ("/demo/fill", test_fill);
  ADD ("/demo/labour", test_labour);
  ADD ("/demo/refuse-non-empty", test_refuse_non_empty);
  ADD ("/demo/generate", test_generate);
  ADD ("/demo/cli", test_cli);
  ADD ("/demo/labour-cli", test_labour_cli);
#undef ADD
  g_test_add_func ("/demo/search-queries", test_search_queries);
  g_test_add_func ("/demo/png", test_png);

  return g_test_run ();
}
