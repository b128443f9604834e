/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pa-store-cases.h"
#include "pa-store-records.h"
#include "pa-test-utils.h"

/* A deleted competence comes back as it was (Undo): its stage, every step
 * of its history with who and when, and its links. */

static gint64
add_case (PaStore *store)
{
  g_autoptr (PaCase) kase = pa_case_new ();
  g_autoptr (GError) error = NULL;

  pa_case_set_given_name (kase, "Amal");
  pa_case_set_family_name (kase, "Haddad");
  g_assert_true (pa_store_case_create (store, kase, &error));
  g_assert_no_error (error);
  return pa_case_get_id (kase);
}

static void
test_restore (void)
{
  g_autofree char *dir = pa_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "centre.db", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (PaStore) store = pa_store_open (path, &error);
  g_autoptr (PaClaim) claim = pa_claim_new ();
  g_autoptr (PaEvidence) evidence = pa_evidence_new ();
  g_autoptr (PaClaim) saved = NULL;
  g_autoptr (PaClaim) back = NULL;
  g_autoptr (GPtrArray) history = NULL;
  g_autoptr (GPtrArray) history_back = NULL;
  g_autoptr (GPtrArray) claims = NULL;
  gint64 case_id;
  gint64 other_case;

  g_assert_no_error (error);
  case_id = add_case (store);
  other_case = add_case (store);

  evidence->case_id = case_id;
  evidence->title = g_strdup ("Photo of a dish");
  g_free (evidence->kind);
  evidence->kind = g_strdup ("photo");
  evidence->content = g_bytes_new_static ("jpeg", 4);
  g_assert_true (pa_store_evidence_add (store, evidence, &error));
  g_assert_no_error (error);

  claim->case_id = case_id;
  claim->framework = g_strdup ("esco");
  claim->item_uri = g_strdup ("http://data.europa.eu/esco/skill/0001");
  claim->label = g_strdup ("prepare food");
  pa_claim_add_evidence (claim, evidence->id);
  g_assert_true (pa_store_claim_add (store, claim, "interview", "Told of ten years", &error));
  g_assert_no_error (error);
  g_assert_true (pa_store_claim_advance (store, claim->id, PA_STAGE_DOCUMENTED, NULL, NULL, NULL,
                                         "Photo attached", &error));
  g_assert_no_error (error);
  g_assert_true (pa_store_claim_advance (store, claim->id, PA_STAGE_ASSESSED, "practical_test", "EQF 3",
                                         "Sophie Lambert", "Cooked a meal", &error));
  g_assert_no_error (error);

  saved = pa_store_claim_get (store, claim->id, &error);
  history = pa_store_claim_history (store, claim->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 3);
  g_assert_true (pa_store_claim_delete (store, claim->id, &error));
  g_assert_no_error (error);

  /* Back as it was. */
  g_assert_true (pa_store_claim_restore (store, saved, history, &error));
  g_assert_no_error (error);
  back = pa_store_claim_get (store, saved->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (back->stage, ==, PA_STAGE_ASSESSED);
  g_assert_cmpstr (back->level, ==, "EQF 3");
  g_assert_cmpstr (back->created_at, ==, saved->created_at);
  g_assert_cmpuint (back->evidence_ids->len, ==, 1);
  g_assert_cmpint (g_array_index (back->evidence_ids, gint64, 0), ==, evidence->id);
  history_back = pa_store_claim_history (store, saved->id, &error);
  g_assert_cmpuint (history_back->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      PaClaimStage *a = g_ptr_array_index (history, i);
      PaClaimStage *b = g_ptr_array_index (history_back, i);

      g_assert_cmpint (a->stage, ==, b->stage);
      g_assert_cmpstr (a->at, ==, b->at);
      g_assert_cmpstr (a->method, ==, b->method);
      g_assert_cmpstr (a->assessor, ==, b->assessor);
      g_assert_cmpstr (a->rationale, ==, b->rationale);
      g_assert_cmpstr (a->actor_name, ==, b->actor_name);
    }

  /* Twice is refused, and changes nothing. */
  g_assert_false (pa_store_claim_restore (store, saved, history, &error));
  g_assert_error (error, PA_STORE_ERROR, PA_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  /* Evidence of another case is refused. */
  g_assert_true (pa_store_claim_delete (store, saved->id, &error));
  saved->case_id = other_case;
  g_assert_false (pa_store_claim_restore (store, saved, history, &error));
  g_assert_error (error, PA_STORE_ERROR, PA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  claims = pa_store_claim_list (store, other_case, &error);
  g_assert_cmpuint (claims->len, ==, 0);

  g_clear_object (&store);
  pa_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/records/claim-restore", test_restore);
  return g_test_run ();
}
