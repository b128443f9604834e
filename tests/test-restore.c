/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pa-store-cases.h"
#include "pa-store-records.h"
#include "pa-test-utils.h"

/* A removed experience or piece of evidence comes back as it was (Undo):
 * under its id, with every field, its file and the competences it was
 * linked to. */

typedef struct
{
  PaTestStore base;
  gint64 case_id;
  gint64 claim_a;
  gint64 claim_b;
  guint changes;
} Fixture;

static void
changed_cb (PaStore *store,
            gint64   case_id,
            Fixture *f)
{
  if (case_id == f->case_id)
    f->changes++;
}

static gint64
add_claim (PaStore    *store,
           gint64      case_id,
           const char *uri,
           const char *label,
           gint64      evidence_id,
           gint64      experience_id)
{
  g_autoptr (PaClaim) claim = pa_claim_new ();
  g_autoptr (GError) error = NULL;

  claim->case_id = case_id;
  claim->framework = g_strdup ("esco");
  claim->item_uri = g_strdup (uri);
  claim->label = g_strdup (label);
  if (evidence_id != 0)
    pa_claim_add_evidence (claim, evidence_id);
  if (experience_id != 0)
    pa_claim_add_experience (claim, experience_id);
  g_assert_true (pa_store_claim_add (store, claim, "interview", NULL, &error));
  g_assert_no_error (error);
  return claim->id;
}

static gint64
add_evidence (PaStore    *store,
              gint64      case_id,
              const char *title,
              GBytes     *content)
{
  g_autoptr (PaEvidence) evidence = pa_evidence_new ();
  g_autoptr (GError) error = NULL;

  evidence->case_id = case_id;
  evidence->title = g_strdup (title);
  g_free (evidence->kind);
  evidence->kind = g_strdup ("reference");
  evidence->filename = g_strdup ("reference.pdf");
  g_free (evidence->mime_type);
  evidence->mime_type = g_strdup ("application/pdf");
  evidence->content = g_bytes_ref (content);
  evidence->relevant = TRUE;
  evidence->authentic = FALSE;
  evidence->sufficient = TRUE;
  evidence->current = FALSE;
  g_assert_true (pa_store_evidence_add (store, evidence, &error));
  g_assert_no_error (error);
  return evidence->id;
}

static gint64
add_experience (PaStore *store,
                gint64   case_id)
{
  g_autoptr (PaExperience) x = pa_experience_new ();
  g_autoptr (GError) error = NULL;

  x->case_id = case_id;
  g_free (x->kind);
  x->kind = g_strdup ("paid_work");
  x->title = g_strdup ("Cook");
  x->organisation = g_strdup ("Restaurant Al-Sham");
  x->country = g_strdup ("SY");
  x->place = g_strdup ("Aleppo");
  x->start_date = g_strdup ("2012-03");
  x->end_date = g_strdup ("2019");
  x->tasks = g_strdup ("Prepared mezze for 80 guests a day");
  x->occupation_uri = g_strdup ("http://data.europa.eu/esco/occupation/cook");
  x->position = 2;
  g_assert_true (pa_store_experience_add (store, x, &error));
  g_assert_no_error (error);
  return x->id;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr (PaCase) kase = pa_case_new ();
  g_autoptr (GError) error = NULL;

  pa_test_store_setup (&f->base, data);
  pa_case_set_given_name (kase, "Amal");
  pa_case_set_family_name (kase, "Haddad");
  g_assert_true (pa_store_case_create (f->base.store, kase, &error));
  g_assert_no_error (error);
  f->case_id = pa_case_get_id (kase);
  g_signal_connect (f->base.store, "case-changed", G_CALLBACK (changed_cb), f);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  pa_test_store_teardown (&f->base, data);
}

static gint64
count_audit (PaStore    *store,
             const char *action)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM audit WHERE action = '%s'", action);
  return pa_test_query_int (pa_store_get_db (store), sql);
}

static void
test_experience_restore (Fixture       *f,
                         gconstpointer  data)
{
  PaStore *store = f->base.store;
  g_autoptr (GError) error = NULL;
  g_autoptr (PaExperienceSnapshot) snapshot = NULL;
  g_autoptr (PaExperience) back = NULL;
  g_autoptr (PaClaim) a = NULL;
  g_autoptr (PaClaim) b = NULL;
  g_autoptr (GPtrArray) found = NULL;
  gint64 id = add_experience (store, f->case_id);
  gint64 other;
  guint changes;

  {
    g_autoptr (PaExperience) x = pa_store_experience_get (store, id, &error);
    g_free (x->title);
    x->title = g_strdup ("Dishwasher");
    g_free (x->tasks);
    x->tasks = g_strdup ("Washed up");
    x->id = 0;
    g_assert_true (pa_store_experience_add (store, x, &error));
    g_assert_no_error (error);
    other = x->id;
  }
  f->claim_a = add_claim (store, f->case_id, "http://data.europa.eu/esco/skill/a", "cook meals", 0, id);
  f->claim_b = add_claim (store, f->case_id, "http://data.europa.eu/esco/skill/b", "plan menus", 0, id);
  g_assert_true (pa_store_claim_link_experience (store, f->claim_b, other, &error));
  g_assert_no_error (error);

  snapshot = pa_store_experience_snapshot (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (snapshot->claim_ids->len, ==, 2);
  g_assert_true (pa_store_experience_delete (store, id, &error));
  g_assert_no_error (error);
  a = pa_store_claim_get (store, f->claim_a, &error);
  g_assert_cmpuint (a->experience_ids->len, ==, 0);
  g_clear_pointer (&a, pa_claim_free);
  found = pa_store_case_list (store, "mezze", PA_CASE_FILTER_ACTIVE, &error);
  g_assert_cmpuint (found->len, ==, 0);
  g_clear_pointer (&found, g_ptr_array_unref);

  changes = f->changes;
  g_assert_true (pa_store_experience_restore (store, snapshot, &error));
  g_assert_no_error (error);
  g_assert_cmpint (snapshot->experience->id, ==, id);
  g_assert_cmpuint (f->changes, ==, changes + 1);
  g_assert_cmpint (count_audit (store, "experience.restore"), ==, 1);

  back = pa_store_experience_get (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (back->case_id, ==, f->case_id);
  g_assert_cmpstr (back->kind, ==, "paid_work");
  g_assert_cmpstr (back->title, ==, "Cook");
  g_assert_cmpstr (back->organisation, ==, "Restaurant Al-Sham");
  g_assert_cmpstr (back->country, ==, "SY");
  g_assert_cmpstr (back->place, ==, "Aleppo");
  g_assert_cmpstr (back->start_date, ==, "2012-03");
  g_assert_cmpstr (back->end_date, ==, "2019");
  g_assert_cmpstr (back->tasks, ==, "Prepared mezze for 80 guests a day");
  g_assert_cmpstr (back->occupation_uri, ==, "http://data.europa.eu/esco/occupation/cook");
  g_assert_cmpint (back->position, ==, 2);

  a = pa_store_claim_get (store, f->claim_a, &error);
  b = pa_store_claim_get (store, f->claim_b, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (a->experience_ids->len, ==, 1);
  g_assert_cmpint (g_array_index (a->experience_ids, gint64, 0), ==, id);
  g_assert_cmpuint (b->experience_ids->len, ==, 2);
  /* The search finds the case by its tasks again. */
  found = pa_store_case_list (store, "mezze", PA_CASE_FILTER_ACTIVE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
}

static void
test_experience_restore_new_id (Fixture       *f,
                                gconstpointer  data)
{
  PaStore *store = f->base.store;
  g_autoptr (GError) error = NULL;
  g_autoptr (PaExperienceSnapshot) snapshot = NULL;
  g_autoptr (PaClaim) a = NULL;
  gint64 id = add_experience (store, f->case_id);
  gint64 reused;

  f->claim_a = add_claim (store, f->case_id, "http://data.europa.eu/esco/skill/a", "cook meals", 0, id);
  snapshot = pa_store_experience_snapshot (store, id, &error);
  g_assert_no_error (error);
  g_assert_true (pa_store_experience_delete (store, id, &error));
  g_assert_no_error (error);
  /* The id of the last row removed goes to the next one added. */
  reused = add_experience (store, f->case_id);
  g_assert_cmpint (reused, ==, id);

  g_assert_true (pa_store_experience_restore (store, snapshot, &error));
  g_assert_no_error (error);
  g_assert_cmpint (snapshot->experience->id, !=, id);
  a = pa_store_claim_get (store, f->claim_a, &error);
  g_assert_cmpuint (a->experience_ids->len, ==, 1);
  g_assert_cmpint (g_array_index (a->experience_ids, gint64, 0), ==, snapshot->experience->id);
}

static void
test_evidence_restore (Fixture       *f,
                       gconstpointer  data)
{
  PaStore *store = f->base.store;
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) content = g_bytes_new ("%PDF-1.4 reference letter\0\x01\x02", 29);
  g_autoptr (GBytes) other_content = g_bytes_new_static ("%PDF other", 10);
  g_autoptr (PaEvidenceSnapshot) snapshot = NULL;
  g_autoptr (PaEvidence) before = NULL;
  g_autoptr (PaEvidence) back = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (PaClaim) a = NULL;
  g_autoptr (PaClaim) b = NULL;
  g_autofree char *sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, content);
  gint64 id = add_evidence (store, f->case_id, "Letter from the employer", content);
  gint64 other = add_evidence (store, f->case_id, "Photo", other_content);
  guint changes;

  f->claim_a = add_claim (store, f->case_id, "http://data.europa.eu/esco/skill/a", "cook meals", id, 0);
  f->claim_b = add_claim (store, f->case_id, "http://data.europa.eu/esco/skill/b", "plan menus", id, 0);
  g_assert_true (pa_store_claim_link_evidence (store, f->claim_a, other, &error));
  /* Documented: it keeps the photo while the letter is away. */
  g_assert_true (pa_store_claim_advance (store, f->claim_a, PA_STAGE_DOCUMENTED, "document_review",
                                         NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  before = pa_store_evidence_get (store, id, &error);
  snapshot = pa_store_evidence_snapshot (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (snapshot->claim_ids->len, ==, 2);
  g_assert_true (pa_store_evidence_delete (store, id, &error));
  g_assert_no_error (error);

  changes = f->changes;
  g_assert_true (pa_store_evidence_restore (store, snapshot, &error));
  g_assert_no_error (error);
  g_assert_cmpint (snapshot->evidence->id, ==, id);
  g_assert_cmpuint (f->changes, ==, changes + 1);
  g_assert_cmpint (count_audit (store, "evidence.restore"), ==, 1);

  back = pa_store_evidence_get (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (back->case_id, ==, f->case_id);
  g_assert_cmpstr (back->title, ==, "Letter from the employer");
  g_assert_cmpstr (back->kind, ==, "reference");
  g_assert_cmpstr (back->filename, ==, "reference.pdf");
  g_assert_cmpstr (back->mime_type, ==, "application/pdf");
  g_assert_cmpstr (back->sha256, ==, sha256);
  g_assert_cmpint (back->size, ==, 29);
  g_assert_true (back->relevant);
  g_assert_false (back->authentic);
  g_assert_true (back->sufficient);
  g_assert_false (back->current);
  g_assert_cmpstr (back->added_at, ==, before->added_at);
  g_assert_cmpint (back->added_by, ==, before->added_by);
  bytes = pa_store_evidence_get_content (store, id, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (bytes, content));

  a = pa_store_claim_get (store, f->claim_a, &error);
  b = pa_store_claim_get (store, f->claim_b, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (a->evidence_ids->len, ==, 2);
  g_assert_cmpint (g_array_index (a->evidence_ids, gint64, 0), ==, id);
  g_assert_cmpuint (b->evidence_ids->len, ==, 1);
  g_assert_cmpint (g_array_index (b->evidence_ids, gint64, 0), ==, id);
}

/* A snapshot whose content was altered is refused, and nothing changes. */
static void
test_evidence_restore_damaged (Fixture       *f,
                               gconstpointer  data)
{
  PaStore *store = f->base.store;
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) content = g_bytes_new_static ("letter", 6);
  g_autoptr (PaEvidenceSnapshot) snapshot = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  gint64 id = add_evidence (store, f->case_id, "Letter", content);

  snapshot = pa_store_evidence_snapshot (store, id, &error);
  g_assert_no_error (error);
  g_assert_true (pa_store_evidence_delete (store, id, &error));
  g_bytes_unref (snapshot->evidence->content);
  snapshot->evidence->content = g_bytes_new_static ("lettre", 6);
  rows = pa_test_snapshot_take (pa_store_get_db (store));
  g_assert_false (pa_store_evidence_restore (store, snapshot, &error));
  g_assert_error (error, PA_STORE_ERROR, PA_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "SHA-256"));
  pa_test_snapshot_assert (rows, pa_store_get_db (store));
}

static void
test_restore_case_purged (Fixture       *f,
                          gconstpointer  data)
{
  PaStore *store = f->base.store;
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) content = g_bytes_new_static ("letter", 6);
  g_autoptr (PaExperienceSnapshot) x = NULL;
  g_autoptr (PaEvidenceSnapshot) e = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  gint64 experience_id = add_experience (store, f->case_id);
  gint64 evidence_id = add_evidence (store, f->case_id, "Letter", content);
  guint changes;

  add_claim (store, f->case_id, "http://data.europa.eu/esco/skill/a", "cook meals", evidence_id,
             experience_id);
  x = pa_store_experience_snapshot (store, experience_id, &error);
  e = pa_store_evidence_snapshot (store, evidence_id, &error);
  g_assert_no_error (error);
  g_assert_true (pa_store_experience_delete (store, experience_id, &error));
  g_assert_true (pa_store_evidence_delete (store, evidence_id, &error));
  g_assert_true (pa_store_case_trash (store, f->case_id, &error));
  g_assert_true (pa_store_case_purge (store, f->case_id, &error));
  g_assert_no_error (error);

  rows = pa_test_snapshot_take (pa_store_get_db (store));
  changes = f->changes;
  g_assert_false (pa_store_experience_restore (store, x, &error));
  g_assert_error (error, PA_STORE_ERROR, PA_STORE_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "“Cook” cannot be put back: its case no longer exists.");
  g_assert_cmpint (x->experience->id, ==, experience_id);
  g_clear_error (&error);
  g_assert_false (pa_store_evidence_restore (store, e, &error));
  g_assert_error (error, PA_STORE_ERROR, PA_STORE_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "“Letter” cannot be put back: its case no longer exists.");
  pa_test_snapshot_assert (rows, pa_store_get_db (store));
  g_assert_cmpuint (f->changes, ==, changes);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
#define ADD(name, fn) \
  g_test_add (name, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("/restore/experience", test_experience_restore);
  ADD ("/restore/experience-id-taken", test_experience_restore_new_id);
  ADD ("/restore/evidence", test_evidence_restore);
  ADD ("/restore/evidence-damaged", test_evidence_restore_damaged);
  ADD ("/restore/case-purged", test_restore_case_purged);
#undef ADD
  return g_test_run ();
}
