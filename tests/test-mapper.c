/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pa-mapper.h"

/* A small graph where every rule of the formula shows:
 *   cook:            essential A B C D, optional E F
 *   kitchen porter:  essential A B            (a strict subset of cook's)
 *   chef:            essential A B C D G
 *   baker:           essential A B C D        (the same set as cook, URI after cook)
 *   tailor:          essential T1 T2
 * Hierarchy: D2 is narrower than D. */
typedef struct
{
  PaMapper *mapper;
  guint a, b, c, d, d2, e, f, g, t1, t2;
  guint cook, porter, chef, baker, tailor;
} Graph;

static void
graph_init (Graph *g)
{
  PaMapper *m = pa_mapper_new ();

  g->mapper = m;
  g->a = pa_mapper_add_skill (m, "skill/a");
  g->b = pa_mapper_add_skill (m, "skill/b");
  g->c = pa_mapper_add_skill (m, "skill/c");
  g->d = pa_mapper_add_skill (m, "skill/d");
  g->d2 = pa_mapper_add_skill (m, "skill/d2");
  g->e = pa_mapper_add_skill (m, "skill/e");
  g->f = pa_mapper_add_skill (m, "skill/f");
  g->g = pa_mapper_add_skill (m, "skill/g");
  g->t1 = pa_mapper_add_skill (m, "skill/t1");
  g->t2 = pa_mapper_add_skill (m, "skill/t2");
  g_assert_cmpuint (pa_mapper_add_skill (m, "skill/a"), ==, g->a);

  g->tailor = pa_mapper_add_occupation (m, "occ/tailor", "7531");
  g->porter = pa_mapper_add_occupation (m, "occ/porter", "9412");
  g->cook = pa_mapper_add_occupation (m, "occ/cook", "5120");
  g->chef = pa_mapper_add_occupation (m, "occ/chef", "3434");
  g->baker = pa_mapper_add_occupation (m, "occ/zbaker", "7512");

  for (guint *s = (guint[]) { g->a, g->b, g->c, g->d, G_MAXUINT }; *s != G_MAXUINT; s++)
    {
      pa_mapper_add_requirement (m, g->cook, *s, TRUE);
      pa_mapper_add_requirement (m, g->chef, *s, TRUE);
      pa_mapper_add_requirement (m, g->baker, *s, TRUE);
    }
  pa_mapper_add_requirement (m, g->cook, g->e, FALSE);
  pa_mapper_add_requirement (m, g->cook, g->f, FALSE);
  pa_mapper_add_requirement (m, g->chef, g->g, TRUE);
  pa_mapper_add_requirement (m, g->porter, g->a, TRUE);
  pa_mapper_add_requirement (m, g->porter, g->b, TRUE);
  pa_mapper_add_requirement (m, g->porter, g->c, FALSE);
  pa_mapper_add_requirement (m, g->porter, g->d, FALSE);
  pa_mapper_add_requirement (m, g->tailor, g->t1, TRUE);
  pa_mapper_add_requirement (m, g->tailor, g->t2, TRUE);
  pa_mapper_add_broader (m, g->d2, g->d);
  pa_mapper_freeze (m);
}

static PaMapperClaim
claim (guint skill, PaStage stage)
{
  PaMapperClaim c = { skill, stage, 1.0 };
  return c;
}

static PaMatch *
find (GPtrArray *matches,
      guint      occupation,
      guint     *position)
{
  for (guint i = 0; i < matches->len; i++)
    {
      PaMatch *m = g_ptr_array_index (matches, i);
      if (m->occupation == occupation)
        {
          if (position)
            *position = i;
          return m;
        }
    }
  return NULL;
}

static void
test_exact_set_ranks_first (void)
{
  Graph g;
  PaMapperClaim claims[4];
  g_autoptr (GPtrArray) matches = NULL;
  PaMatch *first;
  guint pos_porter = 0;

  graph_init (&g);
  claims[0] = claim (g.a, PA_STAGE_CERTIFIED);
  claims[1] = claim (g.b, PA_STAGE_CERTIFIED);
  claims[2] = claim (g.c, PA_STAGE_CERTIFIED);
  claims[3] = claim (g.d, PA_STAGE_CERTIFIED);
  matches = pa_mapper_match (g.mapper, claims, 4, 0);

  /* cook and baker have exactly this essential set: tied on every key but
   * the URI; the porter (a strict subset) and the chef (a superset) follow. */
  g_assert_cmpuint (matches->len, ==, 4);
  first = g_ptr_array_index (matches, 0);
  g_assert_cmpuint (first->occupation, ==, g.cook);
  g_assert_cmpfloat (first->score, ==, 100.0);
  g_assert_cmpuint (first->n_essential_direct, ==, 4);
  g_assert_cmpuint (first->missing->len, ==, 0);
  g_assert_cmpuint (((PaMatch *) g_ptr_array_index (matches, 1))->occupation, ==, g.baker);
  g_assert_nonnull (find (matches, g.porter, &pos_porter));
  g_assert_cmpuint (pos_porter, ==, 2);
  g_assert_cmpuint (((PaMatch *) g_ptr_array_index (matches, 3))->occupation, ==, g.chef);
  g_assert_null (find (matches, g.tailor, NULL));

  /* The chef's explanation names exactly the skill missing. */
  {
    PaMatch *chef = g_ptr_array_index (matches, 3);
    g_assert_cmpuint (chef->missing->len, ==, 1);
    g_assert_cmpuint (g_array_index (chef->missing, guint, 0), ==, g.g);
    g_assert_cmpuint (chef->n_essential, ==, 5);
    g_assert_cmpfloat_with_epsilon (chef->score, 80.0, 1e-9);
  }
  g_object_unref (g.mapper);
}

static void
test_stages_weigh (void)
{
  Graph g;
  PaMapperClaim identified[2];
  PaMapperClaim certified[2];
  g_autoptr (PaMatch) low = NULL;
  g_autoptr (PaMatch) high = NULL;

  graph_init (&g);
  identified[0] = claim (g.t1, PA_STAGE_IDENTIFIED);
  identified[1] = claim (g.t2, PA_STAGE_IDENTIFIED);
  certified[0] = claim (g.t1, PA_STAGE_CERTIFIED);
  certified[1] = claim (g.t2, PA_STAGE_ASSESSED);
  low = pa_mapper_match_one (g.mapper, identified, 2, g.tailor);
  high = pa_mapper_match_one (g.mapper, certified, 2, g.tailor);
  g_assert_cmpfloat (low->score, <, high->score);
  g_assert_cmpfloat_with_epsilon (low->score, 50.0, 1e-6);
  g_assert_cmpfloat_with_epsilon (high->score, 95.0, 1e-6);
  /* Both claim both skills directly: "2 of 2" whatever the stage. */
  g_assert_cmpuint (low->n_essential_direct, ==, 2);

  /* A level lowers the weight, never below half. */
  {
    PaMapperClaim c = { g.t1, PA_STAGE_CERTIFIED, 0.1 };
    g_assert_cmpfloat (pa_mapper_claim_weight (&c), ==, 0.5);
    c.level_factor = 0.8;
    g_assert_cmpfloat_with_epsilon (pa_mapper_claim_weight (&c), 0.8, 1e-9);
  }
  g_object_unref (g.mapper);
}

static void
test_hierarchy_partial_credit (void)
{
  Graph g;
  PaMapperClaim claims[4];
  g_autoptr (PaMatch) cook = NULL;
  const PaMatchedSkill *related = NULL;

  graph_init (&g);
  claims[0] = claim (g.a, PA_STAGE_CERTIFIED);
  claims[1] = claim (g.b, PA_STAGE_CERTIFIED);
  claims[2] = claim (g.c, PA_STAGE_CERTIFIED);
  claims[3] = claim (g.d2, PA_STAGE_CERTIFIED);   /* narrower than D */
  cook = pa_mapper_match_one (g.mapper, claims, 4, g.cook);

  g_assert_cmpfloat_with_epsilon (cook->score, 87.5, 1e-6);
  g_assert_cmpuint (cook->n_essential_direct, ==, 3);
  /* D is not claimed directly: it is missing, and the explanation says it
   * earned partial credit through D2. */
  g_assert_cmpuint (cook->missing->len, ==, 1);
  g_assert_cmpuint (g_array_index (cook->missing, guint, 0), ==, g.d);
  for (guint i = 0; i < cook->matched->len; i++)
    if (g_array_index (cook->matched, PaMatchedSkill, i).skill == g.d)
      related = &g_array_index (cook->matched, PaMatchedSkill, i);
  g_assert_nonnull (related);
  g_assert_cmpint (related->kind, ==, PA_MATCH_RELATED);
  g_assert_cmpuint (related->via_skill, ==, g.d2);
  g_object_unref (g.mapper);
}

static void
test_optional_costs_nothing (void)
{
  Graph g;
  PaMapperClaim claims[3];
  g_autoptr (GPtrArray) matches = NULL;
  guint pos_cook = 0, pos_baker = 0;

  graph_init (&g);
  claims[0] = claim (g.a, PA_STAGE_ASSESSED);
  claims[1] = claim (g.b, PA_STAGE_ASSESSED);
  claims[2] = claim (g.e, PA_STAGE_ASSESSED);  /* optional for cook only */
  matches = pa_mapper_match (g.mapper, claims, 3, 0);

  /* cook and baker cover the same essential share; the cook uses one more of
   * the person's competences (optional E) and ranks higher, whereas missing
   * optional F costs the cook nothing. */
  g_assert_nonnull (find (matches, g.cook, &pos_cook));
  g_assert_nonnull (find (matches, g.baker, &pos_baker));
  g_assert_cmpuint (pos_cook, <, pos_baker);
  g_assert_cmpfloat (((PaMatch *) g_ptr_array_index (matches, pos_cook))->score, ==,
                     ((PaMatch *) g_ptr_array_index (matches, pos_baker))->score);
  /* The porter needs only A and B: all its essential skills are covered. */
  g_assert_cmpuint (((PaMatch *) g_ptr_array_index (matches, 0))->occupation, ==, g.porter);
  g_object_unref (g.mapper);
}

static void
test_deterministic (void)
{
  Graph g;
  PaMapperClaim claims[5];
  g_autoptr (GPtrArray) one = NULL;
  g_autoptr (GPtrArray) two = NULL;

  graph_init (&g);
  claims[0] = claim (g.d, PA_STAGE_DOCUMENTED);
  claims[1] = claim (g.c, PA_STAGE_IDENTIFIED);
  claims[2] = claim (g.t1, PA_STAGE_CERTIFIED);
  claims[3] = claim (g.d, PA_STAGE_ASSESSED);   /* the same skill twice: the best counts */
  claims[4] = claim (9999, PA_STAGE_CERTIFIED);  /* unknown: ignored */
  one = pa_mapper_match (g.mapper, claims, 5, 0);
  /* Same claims in another order. */
  {
    PaMapperClaim reversed[5];
    for (guint i = 0; i < 5; i++)
      reversed[i] = claims[4 - i];
    two = pa_mapper_match (g.mapper, reversed, 5, 0);
  }
  g_assert_cmpuint (one->len, ==, two->len);
  for (guint i = 0; i < one->len; i++)
    {
      PaMatch *a = g_ptr_array_index (one, i);
      PaMatch *b = g_ptr_array_index (two, i);
      g_assert_cmpuint (a->occupation, ==, b->occupation);
      g_assert_cmpfloat (a->score, ==, b->score);
    }
  /* Limit keeps the head of the same order. */
  {
    g_autoptr (GPtrArray) head = pa_mapper_match (g.mapper, claims, 5, 2);
    g_assert_cmpuint (head->len, ==, 2);
    g_assert_cmpuint (((PaMatch *) g_ptr_array_index (head, 1))->occupation, ==,
                      ((PaMatch *) g_ptr_array_index (one, 1))->occupation);
  }
  g_object_unref (g.mapper);
}

static void
test_people_for_vacancy (void)
{
  Graph g;
  g_autoptr (GPtrArray) ranked = NULL;
  PaMapperClaim claims[] = {
    /* person 10: A, B certified */
    { 0, PA_STAGE_CERTIFIED, 1.0 }, { 1, PA_STAGE_CERTIFIED, 1.0 },
    /* person 11: A identified, D2 (narrower than D) certified, E */
    { 0, PA_STAGE_IDENTIFIED, 1.0 }, { 4, PA_STAGE_CERTIFIED, 1.0 }, { 5, PA_STAGE_ASSESSED, 1.0 },
    /* person 12: tailoring only */
    { 8, PA_STAGE_CERTIFIED, 1.0 },
    /* person 9: A, B certified and E: ties with person 10 on required, wins on nice */
    { 0, PA_STAGE_CERTIFIED, 1.0 }, { 1, PA_STAGE_CERTIFIED, 1.0 }, { 5, PA_STAGE_IDENTIFIED, 1.0 },
  };
  PaMapperPerson people[] = { { 10, 0, 2 }, { 11, 2, 3 }, { 12, 5, 1 }, { 9, 6, 3 } };
  guint required[3];
  guint nice[1];

  graph_init (&g);
  g_assert_cmpuint (g.a, ==, 0);
  g_assert_cmpuint (g.d2, ==, 4);
  g_assert_cmpuint (g.e, ==, 5);
  required[0] = g.a;
  required[1] = g.b;
  required[2] = g.d;
  nice[0] = g.e;
  ranked = pa_mapper_match_people (g.mapper, required, 3, nice, 1, people, 4, claims, 0);

  g_assert_cmpuint (ranked->len, ==, 3);   /* the tailor brings nothing */
  g_assert_cmpint (((PaPersonMatch *) g_ptr_array_index (ranked, 0))->person, ==, 9);
  g_assert_cmpint (((PaPersonMatch *) g_ptr_array_index (ranked, 1))->person, ==, 10);
  {
    PaPersonMatch *p11 = g_ptr_array_index (ranked, 2);
    g_assert_cmpint (p11->person, ==, 11);
    /* A at 0.5 + D through D2 at 0.5: (0.5 + 0.5) / 3 */
    g_assert_cmpfloat_with_epsilon (p11->score, 100.0 / 3.0, 1e-3);
    g_assert_cmpuint (p11->n_required_direct, ==, 1);
    g_assert_cmpuint (p11->missing->len, ==, 2);
  }
  g_object_unref (g.mapper);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/mapper/exact-set-ranks-first", test_exact_set_ranks_first);
  g_test_add_func ("/mapper/stages-weigh", test_stages_weigh);
  g_test_add_func ("/mapper/hierarchy-partial-credit", test_hierarchy_partial_credit);
  g_test_add_func ("/mapper/optional-costs-nothing", test_optional_costs_nothing);
  g_test_add_func ("/mapper/deterministic", test_deterministic);
  g_test_add_func ("/mapper/people-for-vacancy", test_people_for_vacancy);

  return g_test_run ();
}
