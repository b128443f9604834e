/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <json-glib/json-glib.h>

#include "pa-case-json.h"
#include "pa-labour.h"
#include "pa-store-cases.h"
#include "pa-store-records.h"
#include "pa-test-utils.h"

typedef struct
{
  char *dir;
  char *path;
  PaStore *store;
  gint64 case_id;
  gint64 other_id;
  guint changes;
} Fixture;

static const char bad_utf8[] = { 'A', (char) 0xC3, (char) 0x28, 0 };

static gint64
add_case (PaStore    *store,
          const char *given,
          const char *family)
{
  g_autoptr (PaCase) kase = pa_case_new ();
  g_autoptr (GError) error = NULL;

  pa_case_set_given_name (kase, given);
  pa_case_set_family_name (kase, family);
  pa_case_set_origin_country (kase, "SY");
  g_assert_true (pa_store_case_create (store, kase, &error));
  g_assert_no_error (error);
  return pa_case_get_id (kase);
}

static void
changed_cb (PaStore *store,
            gint64   case_id,
            Fixture *f)
{
  f->changes++;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr (GError) error = NULL;

  f->dir = pa_test_make_tmpdir ();
  f->path = g_build_filename (f->dir, "centre.db", NULL);
  f->store = pa_store_open (f->path, &error);
  g_assert_no_error (error);
  f->case_id = add_case (f->store, "Amal", "Haddad");
  f->other_id = add_case (f->store, "Bohdan", "Kovalenko");
  g_signal_connect (f->store, "case-changed", G_CALLBACK (changed_cb), f);
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

static int
count_rows (PaStore    *store,
            const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);
  g_autoptr (sqlite3_stmt) stmt = pa_store_prepare (store, sql, NULL);

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int (stmt, 0);
}

static guint
count_search (PaStore    *store,
              const char *text)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) found = pa_store_case_list (store, text, PA_CASE_FILTER_ACTIVE, &error);

  g_assert_no_error (error);
  return found->len;
}

static gboolean
mentions (const char *message,
          const char *needle)
{
  return needle == NULL || strstr (message, needle) != NULL;
}

/* An invalid record is refused with PA_STORE_ERROR_INVALID, a message that
 * names @needle, and no row stored. */
#define ASSERT_REFUSED(call, table, needle) \
  G_STMT_START { \
    g_autoptr (GError) refused_error = NULL; \
    int before = count_rows (f->store, table); \
    guint changes_before = f->changes; \
    GError **error_out = &refused_error; \
    g_assert_false (call); \
    g_assert_error (refused_error, PA_STORE_ERROR, PA_STORE_ERROR_INVALID); \
    g_assert_true (mentions (refused_error->message, (needle))); \
    g_assert_cmpint (count_rows (f->store, table), ==, before); \
    g_assert_cmpuint (f->changes, ==, changes_before); \
    (void) error_out; \
  } G_STMT_END

static void
test_consent (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr (PaConsent) consent = pa_consent_new ();
  g_autoptr (PaConsent) got = NULL;
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (GError) error = NULL;

  consent->case_id = f->case_id;
  g_free (consent->scope);
  consent->scope = g_strdup ("photo");
  consent->given_on = g_strdup ("2025-01-20");
  consent->note = g_strdup ("Photos of work only, no face.");
  g_assert_true (pa_store_consent_add (f->store, consent, &error));
  g_assert_no_error (error);
  g_assert_cmpint (consent->id, >, 0);
  g_assert_cmpint (consent->recorded_by, ==, 1);
  g_assert_cmpuint (f->changes, ==, 1);

  got = pa_store_consent_get (f->store, consent->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (got->case_id, ==, f->case_id);
  g_assert_cmpstr (got->scope, ==, "photo");
  g_assert_cmpstr (got->given_on, ==, "2025-01-20");
  g_assert_null (got->withdrawn_on);
  g_assert_cmpstr (got->note, ==, "Photos of work only, no face.");

  /* Withdrawn later: an update. */
  got->withdrawn_on = g_strdup ("2025-06-01");
  g_assert_true (pa_store_consent_update (f->store, got, &error));
  g_assert_no_error (error);
  list = pa_store_consent_list (f->store, f->case_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (((PaConsent *) g_ptr_array_index (list, 0))->withdrawn_on, ==, "2025-06-01");
  g_clear_pointer (&list, g_ptr_array_unref);
  list = pa_store_consent_list (f->store, f->other_id, &error);
  g_assert_cmpuint (list->len, ==, 0);

  /* Refused: unknown scope, impossible date, withdrawal before consent, bad text. */
  consent->id = 0;
  g_free (consent->scope);
  consent->scope = g_strdup ("marketing");
  ASSERT_REFUSED (pa_store_consent_add (f->store, consent, error_out), "consent", "marketing");
  g_free (consent->scope);
  consent->scope = g_strdup ("sharing");
  g_free (consent->given_on);
  consent->given_on = g_strdup ("2025-02-30");
  ASSERT_REFUSED (pa_store_consent_add (f->store, consent, error_out), "consent", "2025-02-30");
  g_free (consent->given_on);
  consent->given_on = g_strdup ("2025-03-01");
  consent->withdrawn_on = g_strdup ("2025-02-01");
  ASSERT_REFUSED (pa_store_consent_add (f->store, consent, error_out), "consent", "2025-02-01");
  g_clear_pointer (&consent->withdrawn_on, g_free);
  g_free (consent->note);
  consent->note = g_strdup (bad_utf8);
  ASSERT_REFUSED (pa_store_consent_add (f->store, consent, error_out), "consent", "UTF-8");
  g_clear_pointer (&consent->note, g_free);
  g_clear_pointer (&consent->given_on, g_free);
  ASSERT_REFUSED (pa_store_consent_add (f->store, consent, error_out), "consent", NULL);

  /* Unknown case: not found; trashed case: frozen. */
  consent->given_on = g_strdup ("2025-03-01");
  consent->case_id = 9999;
  g_assert_false (pa_store_consent_add (f->store, consent, &error));
  g_assert_error (error, PA_STORE_ERROR, PA_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (consent->id, ==, 0);
  g_assert_true (pa_store_case_trash (f->store, f->other_id, &error));
  consent->case_id = f->other_id;
  ASSERT_REFUSED (pa_store_consent_add (f->store, consent, error_out), "consent", "trash");

  g_assert_true (pa_store_consent_delete (f->store, got->id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (f->store, "consent"), ==, 0);
  g_assert_false (pa_store_consent_delete (f->store, got->id, &error));
  g_assert_error (error, PA_STORE_ERROR, PA_STORE_ERROR_NOT_FOUND);
}

static void
test_language (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr (PaCaseLanguage) arabic = pa_case_language_new ();
  g_autoptr (PaCaseLanguage) french = pa_case_language_new ();
  g_autoptr (PaCaseLanguage) got = NULL;
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (GError) error = NULL;

  arabic->case_id = french->case_id = f->case_id;
  arabic->language = g_strdup ("AR");   /* normalised */
  arabic->mother_tongue = TRUE;
  arabic->listening = g_strdup ("C2");
  arabic->reading = g_strdup ("C1");
  arabic->spoken_interaction = g_strdup ("C2");
  arabic->spoken_production = g_strdup ("C2");
  arabic->writing = g_strdup ("B2");
  french->language = g_strdup ("fr");
  french->listening = g_strdup ("B1");
  french->writing = g_strdup ("A2");
  g_free (french->source);
  french->source = g_strdup ("test");
  g_assert_true (pa_store_language_add (f->store, french, &error));
  g_assert_true (pa_store_language_add (f->store, arabic, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (arabic->language, ==, "ar");

  /* The mother tongue comes first. */
  list = pa_store_language_list (f->store, f->case_id, &error);
  g_assert_cmpuint (list->len, ==, 2);
  got = pa_store_language_get (f->store, ((PaCaseLanguage *) g_ptr_array_index (list, 0))->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (got->language, ==, "ar");
  g_assert_true (got->mother_tongue);
  g_assert_cmpstr (got->listening, ==, "C2");
  g_assert_cmpstr (got->reading, ==, "C1");
  g_assert_cmpstr (got->spoken_interaction, ==, "C2");
  g_assert_cmpstr (got->spoken_production, ==, "C2");
  g_assert_cmpstr (got->writing, ==, "B2");
  g_assert_cmpstr (got->source, ==, "self");
  g_assert_null (((PaCaseLanguage *) g_ptr_array_index (list, 1))->reading);
  g_assert_cmpstr (((PaCaseLanguage *) g_ptr_array_index (list, 1))->source, ==, "test");

  /* One row per language; levels only A1…C2; real ISO 639 codes. */
  french->id = 0;
  g_free (french->language);
  french->language = g_strdup ("FR");
  g_assert_false (pa_store_language_add (f->store, french, &error));
  g_assert_error (error, PA_STORE_ERROR, PA_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_cmpint (count_rows (f->store, "case_language"), ==, 2);
  g_free (french->language);
  french->language = g_strdup ("nl");
  g_free (french->reading);
  french->reading = g_strdup ("B3");
  ASSERT_REFUSED (pa_store_language_add (f->store, french, error_out), "case_language", "B3");
  g_free (french->reading);
  french->reading = g_strdup ("b1");
  ASSERT_REFUSED (pa_store_language_add (f->store, french, error_out), "case_language", "b1");
  g_clear_pointer (&french->reading, g_free);
  g_free (french->language);
  french->language = g_strdup ("xx");
  ASSERT_REFUSED (pa_store_language_add (f->store, french, error_out), "case_language", "xx");
  g_free (french->language);
  french->language = g_strdup ("nl");
  g_free (french->source);
  french->source = g_strdup ("guess");
  ASSERT_REFUSED (pa_store_language_add (f->store, french, error_out), "case_language", "guess");

  /* Updating keeps the rules. */
  g_free (got->writing);
  got->writing = g_strdup ("D1");
  ASSERT_REFUSED (pa_store_language_update (f->store, got, error_out), "case_language", "D1");
  g_clear_pointer (&list, g_ptr_array_unref);
  list = pa_store_language_list (f->store, f->case_id, &error);
  g_assert_cmpstr (((PaCaseLanguage *) g_ptr_array_index (list, 0))->writing, ==, "B2");
}

static void
test_education (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr (PaEducation) e = pa_education_new ();
  g_autoptr (PaEducation) got = NULL;
  g_autoptr (GError) error = NULL;

  e->case_id = f->case_id;
  e->isced_level = 0;      /* a real level, not "unknown" */
  e->isced_field = g_strdup ("0411");
  e->country = g_strdup ("sy");
  e->institution = g_strdup ("جامعة حلب");
  e->original_title = g_strdup ("إجازة في المحاسبة");
  e->year_completed = 2005;
  g_free (e->documents_held);
  e->documents_held = g_strdup ("translated");
  g_free (e->recognition_status);
  e->recognition_status = g_strdup ("partial");
  e->eqf_estimate = 6;
  g_assert_true (pa_store_education_add (f->store, e, &error));
  g_assert_no_error (error);

  got = pa_store_education_get (f->store, e->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (got->isced_level, ==, 0);
  g_assert_cmpstr (got->isced_field, ==, "0411");
  g_assert_cmpstr (got->country, ==, "SY");
  g_assert_cmpstr (got->institution, ==, "جامعة حلب");
  g_assert_cmpstr (got->original_title, ==, "إجازة في المحاسبة");
  g_assert_cmpint (got->year_completed, ==, 2005);
  g_assert_cmpstr (got->documents_held, ==, "translated");
  g_assert_cmpstr (got->recognition_status, ==, "partial");
  g_assert_cmpint (got->eqf_estimate, ==, 6);

  got->isced_level = -1;
  got->eqf_estimate = 0;
  got->year_completed = 0;
  g_assert_true (pa_store_education_update (f->store, got, &error));
  g_clear_pointer (&got, pa_education_free);
  got = pa_store_education_get (f->store, e->id, &error);
  g_assert_cmpint (got->isced_level, ==, -1);
  g_assert_cmpint (got->eqf_estimate, ==, 0);
  g_assert_cmpint (got->year_completed, ==, 0);

  e->id = 0;
  e->eqf_estimate = 9;
  ASSERT_REFUSED (pa_store_education_add (f->store, e, error_out), "education", "9");
  e->eqf_estimate = 0;
  e->isced_level = 9;
  ASSERT_REFUSED (pa_store_education_add (f->store, e, error_out), "education", NULL);
  e->isced_level = 3;
  g_free (e->isced_field);
  e->isced_field = g_strdup ("04x");
  ASSERT_REFUSED (pa_store_education_add (f->store, e, error_out), "education", "04x");
  g_clear_pointer (&e->isced_field, g_free);
  g_free (e->recognition_status);
  e->recognition_status = g_strdup ("maybe");
  ASSERT_REFUSED (pa_store_education_add (f->store, e, error_out), "education", "maybe");
  g_free (e->recognition_status);
  e->recognition_status = g_strdup ("full");
  g_free (e->country);
  e->country = g_strdup ("Syria");
  ASSERT_REFUSED (pa_store_education_add (f->store, e, error_out), "education", "Syria");
}

static void
test_experience (Fixture       *f,
                 gconstpointer  data)
{
  const char *const *kinds = pa_record_values ("experience.kind");
  g_autoptr (PaExperience) x = pa_experience_new ();
  g_autoptr (PaExperience) got = NULL;
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (GError) error = NULL;
  guint n = 0;

  /* Every kind of the schema, the migration journey included. */
  for (; kinds[n] != NULL; n++)
    {
      g_autoptr (PaExperience) k = pa_experience_new ();
      k->case_id = f->other_id;
      g_free (k->kind);
      k->kind = g_strdup (kinds[n]);
      k->title = g_strdup (pa_record_value_label ("experience.kind", kinds[n]));
      g_assert_true (pa_store_experience_add (f->store, k, &error));
      g_assert_no_error (error);
    }
  g_assert_cmpuint (n, ==, 11);
  g_assert_true (g_strv_contains (kinds, "migration_journey"));
  g_assert_true (g_strv_contains (kinds, "trade_union"));
  list = pa_store_experience_list (f->store, f->other_id, &error);
  g_assert_cmpuint (list->len, ==, 11);

  x->case_id = f->case_id;
  g_free (x->kind);
  x->kind = g_strdup ("paid_work");
  x->title = g_strdup ("Mécanicien poids lourds");
  x->organisation = g_strdup ("Garage Al-Nour");
  x->country = g_strdup ("SY");
  x->place = g_strdup ("Alep");
  x->start_date = g_strdup ("2008");
  x->end_date = g_strdup ("2012-05");
  x->tasks = g_strdup ("J'ai réparé des moteurs de camion.");
  x->occupation_uri = g_strdup ("http://data.europa.eu/esco/occupation/24d378d8-1e16-4667-bdb4-1f4a0f2c6379");
  x->position = 3;
  g_assert_cmpuint (count_search (f->store, "camion"), ==, 0);
  g_assert_true (pa_store_experience_add (f->store, x, &error));
  g_assert_no_error (error);

  got = pa_store_experience_get (f->store, x->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (got->kind, ==, "paid_work");
  g_assert_cmpstr (got->title, ==, "Mécanicien poids lourds");
  g_assert_cmpstr (got->organisation, ==, "Garage Al-Nour");
  g_assert_cmpstr (got->country, ==, "SY");
  g_assert_cmpstr (got->place, ==, "Alep");
  g_assert_cmpstr (got->start_date, ==, "2008");
  g_assert_cmpstr (got->end_date, ==, "2012-05");
  g_assert_cmpstr (got->tasks, ==, "J'ai réparé des moteurs de camion.");
  g_assert_cmpstr (got->occupation_uri, ==, x->occupation_uri);
  g_assert_cmpint (got->position, ==, 3);

  /* The case is found by the experience's words, accents or not. */
  g_assert_cmpuint (count_search (f->store, "camion"), ==, 1);
  g_assert_cmpuint (count_search (f->store, "repare moteur"), ==, 1);
  g_assert_cmpuint (count_search (f->store, "MECANI"), ==, 1);
  g_assert_cmpuint (count_search (f->store, "nour"), ==, 1);

  g_free (got->tasks);
  got->tasks = g_strdup ("Conduite de bus scolaires.");
  g_assert_true (pa_store_experience_update (f->store, got, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_search (f->store, "camion"), ==, 0);
  g_assert_cmpuint (count_search (f->store, "scolaire"), ==, 1);

  /* Refused: dates in the wrong order or malformed, unknown kind, not a URI,
   * no title; and the search index unchanged. */
  x->id = 0;
  g_free (x->end_date);
  x->end_date = g_strdup ("2007-12");
  ASSERT_REFUSED (pa_store_experience_add (f->store, x, error_out), "experience", "2007-12");
  g_free (x->end_date);
  x->end_date = g_strdup ("2012-13");
  ASSERT_REFUSED (pa_store_experience_add (f->store, x, error_out), "experience", "2012-13");
  g_free (x->end_date);
  x->end_date = g_strdup ("12/05/2012");
  ASSERT_REFUSED (pa_store_experience_add (f->store, x, error_out), "experience", "12/05/2012");
  g_clear_pointer (&x->end_date, g_free);
  g_free (x->kind);
  x->kind = g_strdup ("hobby");
  ASSERT_REFUSED (pa_store_experience_add (f->store, x, error_out), "experience", "hobby");
  g_free (x->kind);
  x->kind = g_strdup ("volunteering");
  g_free (x->occupation_uri);
  x->occupation_uri = g_strdup ("mechanic");
  ASSERT_REFUSED (pa_store_experience_add (f->store, x, error_out), "experience", "mechanic");
  g_clear_pointer (&x->occupation_uri, g_free);
  g_free (x->title);
  x->title = g_strdup ("   ");
  ASSERT_REFUSED (pa_store_experience_add (f->store, x, error_out), "experience", NULL);
  g_free (x->title);
  x->title = g_strdup ("Camionneur");
  g_free (x->tasks);
  x->tasks = g_strdup (bad_utf8);
  ASSERT_REFUSED (pa_store_experience_add (f->store, x, error_out), "experience", "UTF-8");
  g_assert_cmpuint (count_search (f->store, "camionneur"), ==, 0);

  g_assert_true (pa_store_experience_delete (f->store, got->id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_search (f->store, "scolaire"), ==, 0);
}

static gint64
add_evidence (Fixture    *f,
              gint64      case_id,
              const char *text)
{
  g_autoptr (PaEvidence) e = pa_evidence_new ();
  g_autoptr (GError) error = NULL;

  e->case_id = case_id;
  e->title = g_strdup ("Observation");
  g_free (e->kind);
  e->kind = g_strdup ("observation");
  g_free (e->mime_type);
  e->mime_type = g_strdup ("text/plain");
  e->content = g_bytes_new (text, strlen (text));
  g_assert_true (pa_store_evidence_add (f->store, e, &error));
  g_assert_no_error (error);
  return e->id;
}

static gint64
add_claim (Fixture    *f,
           const char *uri,
           gint64      evidence_id)
{
  g_autoptr (PaClaim) claim = pa_claim_new ();
  g_autoptr (GError) error = NULL;

  claim->case_id = f->case_id;
  claim->framework = g_strdup ("esco");
  claim->item_uri = g_strdup (uri);
  claim->label = g_strdup ("repair engines");
  if (evidence_id != 0)
    pa_claim_add_evidence (claim, evidence_id);
  g_assert_true (pa_store_claim_add (f->store, claim, "interview", "Told at intake.", &error));
  g_assert_no_error (error);
  g_assert_cmpint (claim->stage, ==, PA_STAGE_IDENTIFIED);
  return claim->id;
}

#define ADVANCE_REFUSED(cid, to_stage, how, lvl, who, needle) \
  G_STMT_START { \
    g_autoptr (GError) advance_error = NULL; \
    g_autoptr (PaClaim) before = pa_store_claim_get (f->store, (cid), NULL); \
    g_autoptr (PaClaim) after = NULL; \
    int steps = count_rows (f->store, "claim_stage"); \
    g_assert_false (pa_store_claim_advance (f->store, (cid), (to_stage), (how), (lvl), \
                                            (who), NULL, &advance_error)); \
    g_assert_error (advance_error, PA_STORE_ERROR, PA_STORE_ERROR_INVALID); \
    g_assert_true (mentions (advance_error->message, (needle))); \
    after = pa_store_claim_get (f->store, (cid), NULL); \
    g_assert_cmpint (after->stage, ==, before->stage); \
    g_assert_cmpstr (after->level, ==, before->level); \
    g_assert_cmpint (count_rows (f->store, "claim_stage"), ==, steps); \
  } G_STMT_END

static void
test_claim_advance (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) history = NULL;
  g_autoptr (PaClaim) claim = NULL;
  g_autoptr (PaCase) kase = NULL;
  gint64 bare = add_claim (f, "http://data.europa.eu/esco/skill/1bc7c69b-4292-4592-b854-f48165a06082", 0);
  gint64 evidence = add_evidence (f, f->case_id, "Repaired a diesel engine in front of the trainer.");
  gint64 id = add_claim (f, "http://data.europa.eu/esco/skill/68162174-68c3-4601-840b-5e63c2dd7481",
                         evidence);
  PaClaimStage *step;

  /* Not without evidence; never backwards or in place; stages 1…4 only. */
  ADVANCE_REFUSED (bare, PA_STAGE_DOCUMENTED, NULL, NULL, NULL, "evidence");
  ADVANCE_REFUSED (id, PA_STAGE_IDENTIFIED, NULL, NULL, NULL, NULL);
  ADVANCE_REFUSED (id, 5, NULL, NULL, NULL, "5");
  ADVANCE_REFUSED (id, PA_STAGE_DOCUMENTED, "self_assessment", NULL, NULL, NULL);
  ADVANCE_REFUSED (id, PA_STAGE_DOCUMENTED, "gut_feeling", NULL, NULL, "gut_feeling");

  g_assert_true (pa_store_claim_advance (f->store, id, PA_STAGE_DOCUMENTED, NULL, NULL, NULL,
                                         "Trainer's observation attached.", &error));
  g_assert_no_error (error);

  /* Assessment needs a method of assessment and an assessor. */
  ADVANCE_REFUSED (id, PA_STAGE_ASSESSED, NULL, "B2", "Sophie Lambert", "method");
  ADVANCE_REFUSED (id, PA_STAGE_ASSESSED, "suggestion", "B2", "Sophie Lambert", NULL);
  ADVANCE_REFUSED (id, PA_STAGE_ASSESSED, "practical_test", "B2", NULL, "assessor");
  ADVANCE_REFUSED (id, PA_STAGE_ASSESSED, "practical_test", "B2", "", "assessor");
  ADVANCE_REFUSED (id, PA_STAGE_ASSESSED, "practical_test", bad_utf8, "Sophie Lambert", "UTF-8");
  g_assert_true (pa_store_claim_advance (f->store, id, PA_STAGE_ASSESSED, "practical_test", "EQF 3",
                                         "Sophie Lambert", "Engine diagnosed and repaired in time.",
                                         &error));
  g_assert_no_error (error);
  ADVANCE_REFUSED (id, PA_STAGE_DOCUMENTED, NULL, NULL, NULL, NULL);
  g_assert_true (pa_store_claim_advance (f->store, id, PA_STAGE_CERTIFIED, NULL, NULL, "Marc Dubois",
                                         NULL, &error));
  g_assert_no_error (error);
  ADVANCE_REFUSED (id, PA_STAGE_CERTIFIED, NULL, NULL, NULL, NULL);

  claim = pa_store_claim_get (f->store, id, &error);
  g_assert_cmpint (claim->stage, ==, PA_STAGE_CERTIFIED);
  g_assert_cmpstr (claim->level, ==, "EQF 3");

  history = pa_store_claim_history (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      step = g_ptr_array_index (history, i);
      g_assert_cmpint (step->stage, ==, (int) i + 1);
      g_assert_cmpint (step->actor_id, ==, 1);
      g_assert_cmpstr (step->actor_name, ==, "Trainer");
      g_assert_nonnull (step->at);
    }
  step = g_ptr_array_index (history, 0);
  g_assert_cmpstr (step->method, ==, "interview");
  g_assert_cmpstr (step->rationale, ==, "Told at intake.");
  step = g_ptr_array_index (history, 2);
  g_assert_cmpstr (step->method, ==, "practical_test");
  g_assert_cmpstr (step->level, ==, "EQF 3");
  g_assert_cmpstr (step->assessor, ==, "Sophie Lambert");
  g_assert_cmpstr (step->rationale, ==, "Engine diagnosed and repaired in time.");
  step = g_ptr_array_index (history, 3);
  g_assert_null (step->method);
  g_assert_cmpstr (step->assessor, ==, "Marc Dubois");

  /* Several stages at once, when the move gives what each needs. */
  g_assert_true (pa_store_claim_link_evidence (f->store, bare, evidence, &error));
  g_assert_no_error (error);
  ADVANCE_REFUSED (bare, PA_STAGE_CERTIFIED, NULL, NULL, "Marc Dubois", "method");
  g_assert_true (pa_store_claim_advance (f->store, bare, PA_STAGE_CERTIFIED, "observation", NULL,
                                         "Marc Dubois", NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&history, g_ptr_array_unref);
  history = pa_store_claim_history (f->store, bare, &error);
  g_assert_cmpuint (history->len, ==, 2);

  /* The case's summary counts them. */
  kase = pa_store_case_get (f->store, f->case_id, &error);
  g_assert_cmpuint (pa_case_get_n_claims (kase), ==, 2);
  g_assert_cmpuint (pa_case_get_n_certified (kase), ==, 2);

  /* A documented claim keeps at least one piece of evidence. */
  g_assert_false (pa_store_claim_unlink_evidence (f->store, id, evidence, &error));
  g_assert_error (error, PA_STORE_ERROR, PA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (pa_store_evidence_delete (f->store, evidence, &error));
  g_assert_error (error, PA_STORE_ERROR, PA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_pointer (&claim, pa_claim_free);
  claim = pa_store_claim_get (f->store, id, &error);
  g_assert_cmpuint (claim->evidence_ids->len, ==, 1);

  /* Deleting a claim takes its history with it, and leaves the evidence. */
  g_assert_true (pa_store_claim_delete (f->store, id, &error));
  g_assert_no_error (error);
  g_clear_pointer (&history, g_ptr_array_unref);
  history = pa_store_claim_history (f->store, id, &error);
  g_assert_cmpuint (history->len, ==, 0);
  g_assert_cmpint (count_rows (f->store, "evidence"), ==, 1);
  g_assert_false (pa_store_claim_advance (f->store, id, PA_STAGE_CERTIFIED, NULL, NULL, NULL, NULL,
                                          &error));
  g_assert_error (error, PA_STORE_ERROR, PA_STORE_ERROR_NOT_FOUND);
}

static void
test_claim_links (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr (PaExperience) x = pa_experience_new ();
  g_autoptr (PaExperience) foreign = pa_experience_new ();
  g_autoptr (PaClaim) claim = pa_claim_new ();
  g_autoptr (PaClaim) got = NULL;
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (GError) error = NULL;
  gint64 evidence = add_evidence (f, f->case_id, "A photo of a repaired engine.");
  gint64 id;

  x->case_id = f->case_id;
  x->title = g_strdup ("Mechanic");
  foreign->case_id = f->other_id;
  foreign->title = g_strdup ("Accountant");
  g_assert_true (pa_store_experience_add (f->store, x, &error));
  g_assert_true (pa_store_experience_add (f->store, foreign, &error));
  g_assert_no_error (error);

  claim->case_id = f->case_id;
  claim->framework = g_strdup ("esco");
  claim->item_uri = g_strdup ("http://data.europa.eu/esco/skill/1bc7c69b-4292-4592-b854-f48165a06082");
  claim->label = g_strdup ("repair engines");
  claim->level = g_strdup ("");
  pa_claim_add_experience (claim, x->id);
  pa_claim_add_experience (claim, foreign->id);
  ASSERT_REFUSED (pa_store_claim_add (f->store, claim, "interview", NULL, error_out), "claim",
                  "another case");
  g_assert_cmpint (count_rows (f->store, "claim_experience"), ==, 0);
  g_assert_cmpint (count_rows (f->store, "claim_stage"), ==, 0);
  g_array_set_size (claim->experience_ids, 1);
  pa_claim_add_evidence (claim, evidence);
  ASSERT_REFUSED (pa_store_claim_add (f->store, claim, "hearsay", NULL, error_out), "claim", "hearsay");
  g_free (claim->item_uri);
  claim->item_uri = g_strdup ("not a uri");
  ASSERT_REFUSED (pa_store_claim_add (f->store, claim, "interview", NULL, error_out), "claim", "not a uri");
  g_free (claim->item_uri);
  claim->item_uri = g_strdup ("http://data.europa.eu/esco/skill/1bc7c69b-4292-4592-b854-f48165a06082");
  g_assert_true (pa_store_claim_add (f->store, claim, "suggestion", NULL, &error));
  g_assert_no_error (error);

  got = pa_store_claim_get (f->store, claim->id, &error);
  g_assert_cmpstr (got->framework, ==, "esco");
  g_assert_cmpstr (got->item_uri, ==, claim->item_uri);
  g_assert_cmpstr (got->label, ==, "repair engines");
  g_assert_null (got->level);
  g_assert_cmpuint (got->experience_ids->len, ==, 1);
  g_assert_cmpint (g_array_index (got->experience_ids, gint64, 0), ==, x->id);
  g_assert_cmpuint (got->evidence_ids->len, ==, 1);
  g_assert_cmpint (g_array_index (got->evidence_ids, gint64, 0), ==, evidence);

  /* One claim per framework item and case. */
  claim->id = 0;
  g_assert_false (pa_store_claim_add (f->store, claim, NULL, NULL, &error));
  g_assert_error (error, PA_STORE_ERROR, PA_STORE_ERROR_CONSTRAINT);
  g_assert_nonnull (strstr (error->message, "repair engines"));
  g_clear_error (&error);
  g_assert_cmpint (count_rows (f->store, "claim"), ==, 1);

  /* Links change, within the case only. */
  g_assert_false (pa_store_claim_link_experience (f->store, got->id, foreign->id, &error));
  g_assert_error (error, PA_STORE_ERROR, PA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (pa_store_claim_unlink_experience (f->store, got->id, x->id, &error));
  g_assert_true (pa_store_claim_unlink_evidence (f->store, got->id, evidence, &error));
  g_assert_no_error (error);
  id = got->id;
  g_clear_pointer (&got, pa_claim_free);
  got = pa_store_claim_get (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (got->experience_ids->len, ==, 0);
  g_assert_cmpuint (got->evidence_ids->len, ==, 0);

  /* Label and level can be corrected; nothing else. */
  g_free (got->label);
  got->label = g_strdup ("repair diesel engines");
  got->level = g_strdup ("B1");
  got->stage = PA_STAGE_CERTIFIED;
  g_assert_true (pa_store_claim_update (f->store, got, &error));
  g_assert_no_error (error);
  list = pa_store_claim_list (f->store, f->case_id, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (((PaClaim *) g_ptr_array_index (list, 0))->label, ==, "repair diesel engines");
  g_assert_cmpstr (((PaClaim *) g_ptr_array_index (list, 0))->level, ==, "B1");
  g_assert_cmpint (((PaClaim *) g_ptr_array_index (list, 0))->stage, ==, PA_STAGE_IDENTIFIED);

  /* Deleting an experience removes it from the claims. */
  g_assert_true (pa_store_claim_link_experience (f->store, got->id, x->id, &error));
  g_assert_true (pa_store_experience_delete (f->store, x->id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (f->store, "claim_experience"), ==, 0);
}

static void
test_evidence (Fixture       *f,
               gconstpointer  data)
{
  static const guint8 png[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0 };
  g_autoptr (PaEvidence) e = pa_evidence_new ();
  g_autoptr (PaEvidence) got = NULL;
  g_autoptr (GBytes) bytes = g_bytes_new_static (png, sizeof png);
  g_autoptr (GBytes) content = NULL;
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);

  e->case_id = f->case_id;
  e->title = g_strdup ("Photo of a repaired engine");
  g_free (e->kind);
  e->kind = g_strdup ("photo");
  e->filename = g_strdup ("moteur.png");
  g_free (e->mime_type);
  e->mime_type = g_strdup ("image/png");
  e->content = g_bytes_ref (bytes);
  e->relevant = TRUE;
  e->current = TRUE;
  g_assert_true (pa_store_evidence_add (f->store, e, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (e->sha256, ==, sha);
  g_assert_cmpint (e->size, ==, sizeof png);

  list = pa_store_evidence_list (f->store, f->case_id, &error);
  g_assert_cmpuint (list->len, ==, 1);
  got = pa_store_evidence_get (f->store, e->id, &error);
  g_assert_no_error (error);
  g_assert_null (got->content);
  g_assert_cmpstr (got->title, ==, "Photo of a repaired engine");
  g_assert_cmpstr (got->kind, ==, "photo");
  g_assert_cmpstr (got->filename, ==, "moteur.png");
  g_assert_cmpstr (got->mime_type, ==, "image/png");
  g_assert_cmpstr (got->sha256, ==, sha);
  g_assert_cmpint (got->size, ==, sizeof png);
  g_assert_true (got->relevant);
  g_assert_false (got->authentic);
  g_assert_false (got->sufficient);
  g_assert_true (got->current);
  g_assert_nonnull (got->added_at);

  content = pa_store_evidence_get_content (f->store, e->id, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (content, bytes));

  /* Flags change without the content; new content gets a new hash. */
  got->authentic = got->sufficient = TRUE;
  g_assert_true (pa_store_evidence_update (f->store, got, &error));
  g_clear_pointer (&got, pa_evidence_free);
  got = pa_store_evidence_get (f->store, e->id, &error);
  g_assert_true (got->authentic && got->sufficient && got->relevant && got->current);
  g_assert_cmpstr (got->sha256, ==, sha);
  got->content = g_bytes_new_static ("new scan", 8);
  g_assert_true (pa_store_evidence_update (f->store, got, &error));
  g_assert_no_error (error);
  g_clear_pointer (&content, g_bytes_unref);
  content = pa_store_evidence_get_content (f->store, e->id, &error);
  g_assert_cmpmem (g_bytes_get_data (content, NULL), g_bytes_get_size (content), "new scan", 8);
  {
    g_autofree char *expected = g_compute_checksum_for_string (G_CHECKSUM_SHA256, "new scan", 8);
    g_autoptr (PaEvidence) again = pa_store_evidence_get (f->store, e->id, &error);
    g_assert_cmpstr (again->sha256, ==, expected);
    g_assert_cmpint (again->size, ==, 8);
  }

  /* Refused: no content, not a MIME type, a path for a name, unknown kind. */
  e->id = 0;
  g_clear_pointer (&e->content, g_bytes_unref);
  ASSERT_REFUSED (pa_store_evidence_add (f->store, e, error_out), "evidence", NULL);
  e->content = g_bytes_ref (bytes);
  g_free (e->mime_type);
  e->mime_type = g_strdup ("png");
  ASSERT_REFUSED (pa_store_evidence_add (f->store, e, error_out), "evidence", "png");
  g_free (e->mime_type);
  e->mime_type = g_strdup ("image/png");
  g_free (e->filename);
  e->filename = g_strdup ("../../etc/passwd");
  ASSERT_REFUSED (pa_store_evidence_add (f->store, e, error_out), "evidence", "passwd");
  g_free (e->filename);
  e->filename = g_strdup ("ok.png");
  g_free (e->kind);
  e->kind = g_strdup ("selfie");
  ASSERT_REFUSED (pa_store_evidence_add (f->store, e, error_out), "evidence", "selfie");

  /* Damaged bytes are noticed. */
  g_assert_true (pa_store_exec (f->store, "UPDATE evidence SET content = X'00'", &error));
  g_clear_pointer (&content, g_bytes_unref);
  content = pa_store_evidence_get_content (f->store, got->id, &error);
  g_assert_null (content);
  g_assert_error (error, PA_STORE_ERROR, PA_STORE_ERROR_CORRUPT);
}

static void
test_plan_and_sessions (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr (PaGoal) goal = pa_goal_new ();
  g_autoptr (PaGoal) other_goal = pa_goal_new ();
  g_autoptr (PaPlanAction) action = pa_plan_action_new ();
  g_autoptr (PaCaseSession) session = pa_case_session_new ();
  g_autoptr (PaPlanAction) got_action = NULL;
  g_autoptr (PaCaseSession) got_session = NULL;
  g_autoptr (PaGoal) got_goal = NULL;
  g_autoptr (GError) error = NULL;
  gint64 action_id;

  goal->case_id = f->case_id;
  goal->title = g_strdup ("Work as a heavy vehicle mechanic");
  goal->target_occupation_uri = g_strdup ("http://data.europa.eu/esco/occupation/24d378d8-1e16-4667-bdb4-1f4a0f2c6379");
  g_assert_true (pa_store_goal_add (f->store, goal, &error));
  g_assert_no_error (error);
  g_assert_nonnull (goal->created_at);
  other_goal->case_id = f->other_id;
  other_goal->title = g_strdup ("Accountant");
  g_assert_true (pa_store_goal_add (f->store, other_goal, &error));

  got_goal = pa_store_goal_get (f->store, goal->id, &error);
  g_assert_cmpstr (got_goal->title, ==, goal->title);
  g_assert_cmpstr (got_goal->target_occupation_uri, ==, goal->target_occupation_uri);
  g_assert_cmpstr (got_goal->status, ==, "open");
  g_free (got_goal->status);
  got_goal->status = g_strdup ("abandoned");
  ASSERT_REFUSED (pa_store_goal_update (f->store, got_goal, error_out), "goal", "abandoned");

  action->case_id = f->case_id;
  action->goal_id = goal->id;
  g_free (action->kind);
  action->kind = g_strdup ("recognition");
  action->title = g_strdup ("Practical test in a training garage");
  action->due_on = g_strdup ("2026-02-20");
  action->notes = g_strdup ("Bring the reference letter.");
  g_assert_true (pa_store_plan_action_add (f->store, action, &error));
  g_assert_no_error (error);
  action_id = action->id;
  got_action = pa_store_plan_action_get (f->store, action_id, &error);
  g_assert_cmpint (got_action->goal_id, ==, goal->id);
  g_assert_cmpstr (got_action->kind, ==, "recognition");
  g_assert_cmpstr (got_action->status, ==, "planned");
  g_assert_cmpstr (got_action->due_on, ==, "2026-02-20");
  g_assert_null (got_action->done_on);
  g_assert_cmpstr (got_action->notes, ==, "Bring the reference letter.");

  /* A plan's goal belongs to the same case. */
  action->id = 0;
  action->goal_id = other_goal->id;
  ASSERT_REFUSED (pa_store_plan_action_add (f->store, action, error_out), "plan_action", NULL);
  action->goal_id = 0;
  g_free (action->due_on);
  action->due_on = g_strdup ("tomorrow");
  ASSERT_REFUSED (pa_store_plan_action_add (f->store, action, error_out), "plan_action", "tomorrow");

  /* Deleting the goal keeps its actions. */
  g_assert_true (pa_store_goal_delete (f->store, goal->id, &error));
  g_clear_pointer (&got_action, pa_plan_action_free);
  got_action = pa_store_plan_action_get (f->store, action_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (got_action->goal_id, ==, 0);

  session->case_id = f->case_id;
  g_free (session->kind);
  session->kind = g_strdup ("mentoring");
  session->held_on = g_strdup ("2025-03-04");
  session->duration_minutes = 45;
  session->notes = g_strdup ("Portfolio reviewed.");
  g_assert_true (pa_store_session_add (f->store, session, &error));
  g_assert_no_error (error);
  got_session = pa_store_session_get (f->store, session->id, &error);
  g_assert_cmpstr (got_session->kind, ==, "mentoring");
  g_assert_cmpstr (got_session->held_on, ==, "2025-03-04");
  g_assert_cmpint (got_session->duration_minutes, ==, 45);
  g_assert_cmpstr (got_session->notes, ==, "Portfolio reviewed.");
  g_assert_cmpint (got_session->actor_id, ==, 1);

  session->id = 0;
  session->duration_minutes = 3000;
  ASSERT_REFUSED (pa_store_session_add (f->store, session, error_out), "case_session", "3000");
  session->duration_minutes = 0;
  g_clear_pointer (&session->held_on, g_free);
  ASSERT_REFUSED (pa_store_session_add (f->store, session, error_out), "case_session", NULL);
}

static void
test_seminar (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr (PaSeminar) seminar = pa_seminar_new ();
  g_autoptr (PaSeminarSession) session = pa_seminar_session_new ();
  g_autoptr (GPtrArray) seminars = NULL;
  g_autoptr (GPtrArray) attendance = NULL;
  g_autoptr (GArray) participants = NULL;
  g_autoptr (GError) error = NULL;
  gint64 third = add_case (f->store, "Chantal", "Mukendi");

  seminar->title = g_strdup ("Valoriser ses compétences");
  seminar->theme = g_strdup ("employability");
  seminar->start_date = g_strdup ("2025-10-06");
  seminar->end_date = g_strdup ("2025-11-24");
  g_assert_true (pa_store_seminar_add (f->store, seminar, &error));
  g_assert_no_error (error);
  session->seminar_id = seminar->id;
  session->held_on = g_strdup ("2025-10-06");
  session->topic = g_strdup ("La ligne de vie");
  g_assert_true (pa_store_seminar_session_add (f->store, session, &error));
  g_assert_no_error (error);

  {
    g_autoptr (PaSeminar) got = pa_store_seminar_get (f->store, seminar->id, &error);
    g_autoptr (PaSeminarSession) got_session = pa_store_seminar_session_get (f->store, session->id, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (got->title, ==, "Valoriser ses compétences");
    g_assert_cmpstr (got->theme, ==, "employability");
    g_assert_cmpstr (got->start_date, ==, "2025-10-06");
    g_assert_cmpstr (got->end_date, ==, "2025-11-24");
    g_assert_nonnull (got->created_at);
    g_free (got->location);
    got->location = g_strdup ("Liège, salle 2");
    g_assert_true (pa_store_seminar_update (f->store, got, &error));
    g_assert_cmpint (got_session->seminar_id, ==, seminar->id);
    g_assert_cmpstr (got_session->held_on, ==, "2025-10-06");
    g_free (got_session->topic);
    got_session->topic = g_strdup ("Ma ligne de vie");
    g_assert_true (pa_store_seminar_session_update (f->store, got_session, &error));
    g_assert_no_error (error);
    g_clear_pointer (&got, pa_seminar_free);
    g_clear_pointer (&got_session, pa_seminar_session_free);
    got = pa_store_seminar_get (f->store, seminar->id, &error);
    got_session = pa_store_seminar_session_get (f->store, session->id, &error);
    g_assert_cmpstr (got->location, ==, "Liège, salle 2");
    g_assert_cmpstr (got_session->topic, ==, "Ma ligne de vie");
  }

  g_assert_true (pa_store_seminar_add_participant (f->store, seminar->id, f->case_id, &error));
  g_assert_true (pa_store_seminar_add_participant (f->store, seminar->id, f->other_id, &error));
  g_assert_true (pa_store_seminar_add_participant (f->store, seminar->id, f->other_id, &error));
  g_assert_no_error (error);
  participants = pa_store_seminar_list_participants (f->store, seminar->id, &error);
  g_assert_cmpuint (participants->len, ==, 2);

  g_assert_true (pa_store_attendance_set (f->store, session->id, f->case_id, TRUE, &error));
  g_assert_true (pa_store_attendance_set (f->store, session->id, f->other_id, TRUE, &error));
  g_assert_true (pa_store_attendance_set (f->store, session->id, f->other_id, FALSE, &error));
  g_assert_no_error (error);
  /* Only participants attend. */
  ASSERT_REFUSED (pa_store_attendance_set (f->store, session->id, third, TRUE, error_out),
                  "attendance", NULL);
  attendance = pa_store_attendance_list (f->store, session->id, &error);
  g_assert_cmpuint (attendance->len, ==, 2);
  g_assert_true (((PaAttendance *) g_ptr_array_index (attendance, 0))->present);
  g_assert_false (((PaAttendance *) g_ptr_array_index (attendance, 1))->present);

  seminars = pa_store_seminar_list_for_case (f->store, f->case_id, &error);
  g_assert_cmpuint (seminars->len, ==, 1);
  g_assert_cmpstr (((PaSeminar *) g_ptr_array_index (seminars, 0))->title, ==, "Valoriser ses compétences");
  g_clear_pointer (&seminars, g_ptr_array_unref);
  seminars = pa_store_seminar_list_for_case (f->store, third, &error);
  g_assert_cmpuint (seminars->len, ==, 0);

  /* Leaving the seminar forgets the attendance. */
  g_assert_true (pa_store_seminar_remove_participant (f->store, seminar->id, f->other_id, &error));
  g_clear_pointer (&attendance, g_ptr_array_unref);
  attendance = pa_store_attendance_list_for_case (f->store, f->other_id, &error);
  g_assert_cmpuint (attendance->len, ==, 0);

  /* The catalogue modules a session covered replace each other and go with
   * the session; an unknown module changes nothing. */
  {
    g_autoptr (PaModule) cv = pa_module_new ();
    g_autoptr (PaModule) pitch = pa_module_new ();
    g_autoptr (GArray) covered = NULL;
    gint64 ids[2];
    gint64 unknown[2];

    cv->code = g_strdup ("EMP-CV");
    cv->title = g_strdup ("Mon CV");
    cv->theme = g_strdup ("employability_cv");
    pitch->code = g_strdup ("EMP-PITCH");
    pitch->title = g_strdup ("Le pitch");
    pitch->theme = g_strdup ("employability_pitch");
    g_assert_true (pa_store_module_save (f->store, cv, &error));
    g_assert_true (pa_store_module_save (f->store, pitch, &error));
    g_assert_no_error (error);
    ids[0] = pitch->id;
    ids[1] = cv->id;
    g_assert_true (pa_store_seminar_session_set_modules (f->store, session->id, ids, 2, &error));
    g_assert_no_error (error);
    covered = pa_store_seminar_session_get_modules (f->store, session->id, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (covered->len, ==, 2);
    g_assert_cmpint (g_array_index (covered, gint64, 0), ==, cv->id);
    g_assert_cmpint (g_array_index (covered, gint64, 1), ==, pitch->id);
    g_clear_pointer (&covered, g_array_unref);

    unknown[0] = cv->id;
    unknown[1] = pitch->id + 100;
    g_assert_false (pa_store_seminar_session_set_modules (f->store, session->id, unknown, 2, &error));
    g_assert_error (error, PA_STORE_ERROR, PA_STORE_ERROR_NOT_FOUND);
    g_clear_error (&error);
    covered = pa_store_seminar_session_get_modules (f->store, session->id, &error);
    g_assert_cmpuint (covered->len, ==, 2);
    g_clear_pointer (&covered, g_array_unref);

    g_assert_true (pa_store_seminar_session_set_modules (f->store, session->id, ids, 1, &error));
    covered = pa_store_seminar_session_get_modules (f->store, session->id, &error);
    g_assert_cmpuint (covered->len, ==, 1);
    g_assert_cmpint (g_array_index (covered, gint64, 0), ==, pitch->id);
    g_assert_null (pa_store_seminar_session_get_modules (f->store, session->id + 100, &error));
    g_assert_error (error, PA_STORE_ERROR, PA_STORE_ERROR_NOT_FOUND);
    g_clear_error (&error);
  }

  seminar->id = 0;
  g_free (seminar->end_date);
  seminar->end_date = g_strdup ("2025-09-01");
  ASSERT_REFUSED (pa_store_seminar_add (f->store, seminar, error_out), "seminar", "2025-09-01");

  g_assert_true (pa_store_seminar_delete (f->store, session->seminar_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (f->store, "seminar_session"), ==, 0);
  g_assert_cmpint (count_rows (f->store, "attendance"), ==, 0);
  g_assert_cmpint (count_rows (f->store, "session_module"), ==, 0);
  g_assert_cmpint (count_rows (f->store, "case_file"), ==, 3);
}

/* Audit rows name the case by number only, and erasing a case leaves none
 * of its records' text in the file. */
static void
test_audit_and_purge (Fixture       *f,
                      gconstpointer  data)
{
  static const char secret[] = "Zanzibar-Hydraulique";
  g_autoptr (PaExperience) x = pa_experience_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *evidence_text = g_strdup_printf ("Evidence about %s", secret);
  int audits = count_rows (f->store, "audit");

  x->case_id = f->case_id;
  x->title = g_strdup (secret);
  g_assert_true (pa_store_experience_add (f->store, x, &error));
  add_evidence (f, f->case_id, evidence_text);
  g_assert_cmpint (count_rows (f->store, "audit"), ==, audits + 2);
  stmt = pa_store_prepare (f->store, "SELECT count(*) FROM audit WHERE detail LIKE '%Zanzibar%' "
                           "OR object LIKE '%Zanzibar%' OR action LIKE '%Zanzibar%'", NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 0);
  g_clear_pointer (&stmt, sqlite3_finalize);

  g_assert_true (pa_store_case_trash (f->store, f->case_id, &error));
  g_assert_true (pa_store_case_purge (f->store, f->case_id, &error));
  g_assert_no_error (error);
  g_clear_object (&f->store);
  g_assert_false (pa_test_file_contains (f->path, secret, strlen (secret)));
  {
    g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
    g_assert_false (pa_test_file_contains (wal, secret, strlen (secret)));
  }
}

/* A part that fails inside a larger transaction undoes the whole. */
static void
test_nested_failure (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr (PaConsent) good = pa_consent_new ();
  g_autoptr (PaConsent) orphan = pa_consent_new ();
  g_autoptr (GError) error = NULL;
  guint changes = f->changes;

  good->case_id = f->case_id;
  good->given_on = g_strdup ("2025-01-01");
  orphan->case_id = 12345;
  orphan->given_on = g_strdup ("2025-01-01");

  g_assert_true (pa_store_begin (f->store, &error));
  g_assert_true (pa_store_consent_add (f->store, good, &error));
  g_assert_false (pa_store_consent_add (f->store, orphan, &error));
  g_assert_error (error, PA_STORE_ERROR, PA_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (pa_store_commit (f->store, &error));
  g_assert_error (error, PA_STORE_ERROR, PA_STORE_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_cmpint (count_rows (f->store, "consent"), ==, 0);
  /* Nobody was told of a change that did not happen. */
  g_assert_cmpuint (f->changes, ==, changes);

  /* The store works normally afterwards. */
  good->id = 0;
  g_assert_true (pa_store_consent_add (f->store, good, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (f->changes, ==, changes + 1);
}

/* Lists hand out snapshots that follow every change, made here or by
 * another program. */
static void
test_list_follows_changes (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (PaStore) second = NULL;
  g_autoptr (PaCase) edited = NULL;
  PaCase *amal;

  list = pa_store_case_list (f->store, NULL, PA_CASE_FILTER_ACTIVE, &error);
  amal = g_ptr_array_index (list, 0);
  g_assert_cmpstr (pa_case_get_given_name (amal), ==, "Amal");
  g_assert_cmpuint (pa_case_get_n_claims (amal), ==, 0);
  g_clear_pointer (&list, g_ptr_array_unref);

  add_claim (f, "http://data.europa.eu/esco/skill/1bc7c69b-4292-4592-b854-f48165a06082", 0);
  list = pa_store_case_list (f->store, NULL, PA_CASE_FILTER_ACTIVE, &error);
  g_assert_cmpuint (pa_case_get_n_claims (g_ptr_array_index (list, 0)), ==, 1);

  /* A snapshot changed but refused is not kept. */
  pa_case_set_origin_country (g_ptr_array_index (list, 0), "QQ");
  g_assert_false (pa_store_case_update (f->store, g_ptr_array_index (list, 0), &error));
  g_clear_error (&error);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = pa_store_case_list (f->store, NULL, PA_CASE_FILTER_ACTIVE, &error);
  g_assert_cmpstr (pa_case_get_origin_country (g_ptr_array_index (list, 0)), ==, "SY");
  g_clear_pointer (&list, g_ptr_array_unref);

  /* Another connection renames a case. */
  second = pa_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_true (pa_store_case_rename (second, f->case_id, "Amira", "Haddad", &error));
  g_assert_no_error (error);
  list = pa_store_case_list (f->store, "amira", PA_CASE_FILTER_ACTIVE, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (pa_case_get_given_name (g_ptr_array_index (list, 0)), ==, "Amira");
  edited = pa_store_case_get (f->store, f->case_id, &error);
  g_assert_cmpstr (pa_case_get_given_name (edited), ==, "Amira");
}

/* quick_check reads the whole file, so opening runs it once a day. */
static void
test_daily_check (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *first = pa_store_get_setting (f->store, "store.checked_at");
  g_autofree char *again = NULL;
  g_autofree char *later = NULL;

  g_assert_nonnull (first);
  g_assert_true (pa_store_set_setting (f->store, "store.checked_at", "2020-01-01T00:00:00Z", &error));
  g_clear_object (&f->store);
  f->store = pa_store_open (f->path, &error);
  g_assert_no_error (error);
  again = pa_store_get_setting (f->store, "store.checked_at");
  g_assert_cmpstr (again, !=, "2020-01-01T00:00:00Z");

  /* Opening for the window leaves a due check to the next opening. */
  g_assert_true (pa_store_set_setting (f->store, "store.checked_at", "2020-01-01T00:00:00Z", &error));
  g_clear_object (&f->store);
  f->store = pa_store_open_full (f->path, PA_STORE_OPEN_DEFER_CHECK, &error);
  g_assert_no_error (error);
  g_clear_pointer (&again, g_free);
  again = pa_store_get_setting (f->store, "store.checked_at");
  g_assert_cmpstr (again, ==, "2020-01-01T00:00:00Z");
  g_clear_object (&f->store);
  f->store = pa_store_open (f->path, &error);
  g_assert_no_error (error);
  g_clear_pointer (&again, g_free);
  again = pa_store_get_setting (f->store, "store.checked_at");
  g_assert_cmpstr (again, !=, "2020-01-01T00:00:00Z");

  /* Checked an hour ago: not again. */
  {
    g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
    g_autoptr (GDateTime) hour_ago = g_date_time_add_hours (now, -1);
    g_autofree char *stamp = g_date_time_format (hour_ago, "%Y-%m-%dT%H:%M:%SZ");
    g_assert_true (pa_store_set_setting (f->store, "store.checked_at", stamp, &error));
    g_clear_object (&f->store);
    f->store = pa_store_open (f->path, &error);
    later = pa_store_get_setting (f->store, "store.checked_at");
    g_assert_cmpstr (later, ==, stamp);
  }
}

static JsonObject *
find_member_object (JsonArray  *array,
                    const char *member,
                    const char *value)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *o = json_array_get_object_element (array, i);
      if (g_strcmp0 (json_object_get_string_member (o, member), value) == 0)
        return o;
    }
  return NULL;
}

static void
test_json (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) node = NULL;
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (PaCaseLanguage) language = pa_case_language_new ();
  g_autoptr (PaExperience) x = pa_experience_new ();
  g_autoptr (PaSeminar) seminar = pa_seminar_new ();
  g_autofree char *text = NULL;
  gint64 evidence = add_evidence (f, f->case_id, "Unique-evidence-bytes-42");
  gint64 claim = add_claim (f, "http://data.europa.eu/esco/skill/1bc7c69b-4292-4592-b854-f48165a06082",
                            evidence);
  JsonObject *root;
  JsonObject *o;

  language->case_id = x->case_id = f->case_id;
  language->language = g_strdup ("ti");
  language->writing = g_strdup ("B1");
  g_free (x->kind);
  x->kind = g_strdup ("migration_journey");
  x->title = g_strdup ("From Asmara to Liège");
  seminar->title = g_strdup ("Pitch workshop");
  g_assert_true (pa_store_language_add (f->store, language, &error));
  g_assert_true (pa_store_experience_add (f->store, x, &error));
  g_assert_true (pa_store_claim_advance (f->store, claim, PA_STAGE_DOCUMENTED, NULL, NULL, NULL,
                                         NULL, &error));
  g_assert_true (pa_store_seminar_add (f->store, seminar, &error));
  g_assert_true (pa_store_seminar_add_participant (f->store, seminar->id, f->case_id, &error));
  g_assert_no_error (error);

  node = pa_case_to_json (f->store, f->case_id, &error);
  g_assert_no_error (error);
  json_generator_set_root (generator, node);
  text = json_generator_to_data (generator, NULL);
  g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));

  g_assert_cmpstr (json_object_get_string_member (root, "given_name"), ==, "Amal");
  o = find_member_object (json_object_get_array_member (root, "languages"), "language", "ti");
  g_assert_nonnull (o);
  g_assert_cmpstr (json_object_get_string_member (o, "writing"), ==, "B1");
  o = find_member_object (json_object_get_array_member (root, "experiences"), "kind", "migration_journey");
  g_assert_nonnull (o);
  g_assert_cmpstr (json_object_get_string_member (o, "title"), ==, "From Asmara to Liège");
  o = json_array_get_object_element (json_object_get_array_member (root, "claims"), 0);
  g_assert_cmpint (json_object_get_int_member (o, "stage"), ==, 2);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "history")), ==, 2);
  g_assert_cmpint (json_array_get_int_element (json_object_get_array_member (o, "evidence_ids"), 0),
                   ==, evidence);
  o = json_array_get_object_element (json_object_get_array_member (root, "evidence"), 0);
  {
    g_autofree char *sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256,
                                                          "Unique-evidence-bytes-42", -1);
    g_assert_cmpstr (json_object_get_string_member (o, "sha256"), ==, sha);
  }
  /* Metadata only: the bytes stay in the store. */
  g_assert_null (strstr (text, "Unique-evidence-bytes-42"));
  o = json_array_get_object_element (json_object_get_array_member (root, "seminars"), 0);
  g_assert_cmpstr (json_object_get_string_member (o, "title"), ==, "Pitch workshop");
  g_assert_true (json_object_has_member (root, "consents"));
  g_assert_true (json_object_has_member (root, "education"));
  g_assert_true (json_object_has_member (root, "goals"));
  g_assert_true (json_object_has_member (root, "plan_actions"));
  g_assert_true (json_object_has_member (root, "sessions"));
}

static void
test_value_lists (void)
{
  const char *const methods[] = { "interview", "observation", "practical_test", "document_review",
                                  "simulation", "employer_reference", NULL };
  const char *const *assessment = pa_record_values ("claim.assessment_method");

  g_assert_cmpuint (g_strv_length ((char **) assessment), ==, 6);
  for (guint i = 0; methods[i] != NULL; i++)
    g_assert_true (g_strv_contains (assessment, methods[i]));
  g_assert_cmpuint (g_strv_length ((char **) pa_record_values ("cefr.level")), ==, 6);
  g_assert_cmpstr (pa_record_value_label ("experience.kind", "migration_journey"), ==,
                   "Migration journey");
  g_assert_cmpstr (pa_record_value_label ("experience.kind", "unknown"), ==, "unknown");
  g_assert_cmpstr (pa_stage_label (PA_STAGE_ASSESSED), ==, "Assessed");
  g_assert_cmpstr (pa_stage_code (PA_STAGE_CERTIFIED), ==, "certified");
}

/* Unlinking evidence from a claim (unticked in the Document dialog): one
 * change with its audit row and notice; refused, with the competence named
 * and nothing changed, when a documented claim would be left without any. */
static void
test_claim_unlink_evidence (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PaClaim) claim = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  gint64 letter = add_evidence (f, f->case_id, "letter");
  gint64 photo = add_evidence (f, f->case_id, "photo");
  gint64 id = add_claim (f, "http://data.europa.eu/esco/skill/unlink", letter);
  gint64 audits;
  guint changes;

  g_assert_true (pa_store_claim_link_evidence (f->store, id, photo, &error));
  g_assert_true (pa_store_claim_advance (f->store, id, PA_STAGE_DOCUMENTED, "document_review", NULL,
                                         NULL, NULL, &error));
  g_assert_no_error (error);

  changes = f->changes;
  audits = pa_test_query_int (pa_store_get_db (f->store),
                              "SELECT count(*) FROM audit WHERE action = 'claim.unlink_evidence'");
  g_assert_true (pa_store_claim_unlink_evidence (f->store, id, letter, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (f->changes, ==, changes + 1);
  g_assert_cmpint (pa_test_query_int (pa_store_get_db (f->store),
                                      "SELECT count(*) FROM audit WHERE action = 'claim.unlink_evidence'"),
                   ==, audits + 1);
  claim = pa_store_claim_get (f->store, id, &error);
  g_assert_cmpuint (claim->evidence_ids->len, ==, 1);
  g_assert_cmpint (g_array_index (claim->evidence_ids, gint64, 0), ==, photo);
  /* The evidence itself stays with the case. */
  g_assert_cmpint (count_rows (f->store, "evidence"), ==, 2);

  /* The last piece of a documented claim stays. */
  rows = pa_test_snapshot_take (pa_store_get_db (f->store));
  changes = f->changes;
  g_assert_false (pa_store_claim_unlink_evidence (f->store, id, photo, &error));
  g_assert_error (error, PA_STORE_ERROR, PA_STORE_ERROR_INVALID);
  g_assert_true (mentions (error->message, "repair engines"));
  pa_test_snapshot_assert (rows, pa_store_get_db (f->store));
  g_assert_cmpuint (f->changes, ==, changes);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/records/consent", test_consent);
  ADD ("/records/language", test_language);
  ADD ("/records/education", test_education);
  ADD ("/records/experience", test_experience);
  ADD ("/records/claim-advance", test_claim_advance);
  ADD ("/records/claim-links", test_claim_links);
  ADD ("/records/claim-unlink-evidence", test_claim_unlink_evidence);
  ADD ("/records/evidence", test_evidence);
  ADD ("/records/plan-and-sessions", test_plan_and_sessions);
  ADD ("/records/seminar", test_seminar);
  ADD ("/records/audit-and-purge", test_audit_and_purge);
  ADD ("/records/nested-failure", test_nested_failure);
  ADD ("/records/list-follows-changes", test_list_follows_changes);
  ADD ("/records/daily-check", test_daily_check);
  ADD ("/records/json", test_json);
#undef ADD
  g_test_add_func ("/records/value-lists", test_value_lists);

  return g_test_run ();
}
