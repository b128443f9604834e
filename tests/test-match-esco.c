/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pa-esco-import.h"
#include "pa-mapper-store.h"
#include "pa-test-utils.h"

/* The mapping engine on the real ESCO release (skipped when the shared data
 * is absent): an occupation's own essential skills rank it first; with a
 * third of them removed it stays near the top and its explanation names
 * exactly the removed skills. */

#define N_SAMPLED 300

static PaStore *store;
static PaMapper *mapper;
static char *tmpdir;

static gboolean
same_set (const guint *a, guint na, const guint *b, guint nb)
{
  if (na != nb)
    return FALSE;
  for (guint i = 0; i < na; i++)
    if (a[i] != b[i])   /* rows are sorted by skill index */
      return FALSE;
  return TRUE;
}

static gboolean
strict_subset (const guint *a, guint na, const guint *b, guint nb)
{
  guint j = 0;

  if (na >= nb)
    return FALSE;
  for (guint i = 0; i < na; i++)
    {
      while (j < nb && b[j] < a[i])
        j++;
      if (j == nb || b[j] != a[i])
        return FALSE;
    }
  return TRUE;
}

static GArray *
sample_occupations (guint32 seed)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (seed);
  GArray *sample = g_array_new (FALSE, FALSE, sizeof (guint));
  guint n = pa_mapper_get_n_occupations (mapper);

  while (sample->len < N_SAMPLED)
    {
      guint occ = g_rand_int_range (rand, 0, n);
      guint n_ess;
      pa_mapper_get_essential (mapper, occ, &n_ess);
      if (n_ess >= 3)
        g_array_append_val (sample, occ);
    }
  return sample;
}

static void
test_exact_set_first (void)
{
  g_autoptr (GArray) sample = sample_occupations (42);

  for (guint i = 0; i < sample->len; i++)
    {
      guint occ = g_array_index (sample, guint, i);
      guint n_ess;
      const guint *ess = pa_mapper_get_essential (mapper, occ, &n_ess);
      g_autofree PaMapperClaim *claims = g_new (PaMapperClaim, n_ess);
      g_autoptr (GPtrArray) matches = NULL;
      gboolean found = FALSE;

      for (guint k = 0; k < n_ess; k++)
        claims[k] = (PaMapperClaim) { ess[k], PA_STAGE_CERTIFIED, 1.0 };
      matches = pa_mapper_match (mapper, claims, n_ess, 0);

      for (guint r = 0; r < matches->len && !found; r++)
        {
          PaMatch *m = g_ptr_array_index (matches, r);
          guint n_other;
          const guint *other = pa_mapper_get_essential (mapper, m->occupation, &n_other);

          if (m->occupation == occ)
            {
              found = TRUE;
              g_assert_cmpfloat (m->score, ==, 100.0);
              g_assert_cmpuint (m->missing->len, ==, 0);
              break;
            }
          /* Anything above it has exactly the same essential set. */
          if (!same_set (other, n_other, ess, n_ess))
            g_error ("%s (%u essential) ranks above %s, whose essential skills were given",
                     pa_mapper_get_occupation_uri (mapper, m->occupation), n_other,
                     pa_mapper_get_occupation_uri (mapper, occ));
        }
      g_assert_true (found);

      /* Occupations whose essential set is a strict subset rank below it. */
      for (guint r = 0; r < matches->len; r++)
        {
          PaMatch *m = g_ptr_array_index (matches, r);
          guint n_other;
          const guint *other = pa_mapper_get_essential (mapper, m->occupation, &n_other);
          if (m->occupation == occ)
            break;
          g_assert_false (strict_subset (other, n_other, ess, n_ess));
        }
    }
}

static void
test_third_removed (void)
{
  g_autoptr (GArray) sample = sample_occupations (7);
  g_autoptr (GRand) rand = g_rand_new_with_seed (2026);
  guint in_top5 = 0;

  for (guint i = 0; i < sample->len; i++)
    {
      guint occ = g_array_index (sample, guint, i);
      guint n_ess;
      const guint *ess = pa_mapper_get_essential (mapper, occ, &n_ess);
      g_autofree guint *order = g_new (guint, n_ess);
      g_autoptr (GArray) claims = g_array_new (FALSE, FALSE, sizeof (PaMapperClaim));
      g_autoptr (GHashTable) removed = g_hash_table_new (NULL, NULL);
      g_autoptr (GPtrArray) top = NULL;
      g_autoptr (PaMatch) own = NULL;
      guint n_remove = n_ess / 3;

      for (guint k = 0; k < n_ess; k++)
        order[k] = k;
      for (guint k = n_ess - 1; k > 0; k--)
        {
          guint j = g_rand_int_range (rand, 0, k + 1);
          guint t = order[k];
          order[k] = order[j];
          order[j] = t;
        }
      for (guint k = 0; k < n_ess; k++)
        {
          if (k < n_remove)
            g_hash_table_add (removed, GUINT_TO_POINTER (ess[order[k]] + 1));
          else
            {
              PaMapperClaim c = { ess[order[k]], PA_STAGE_CERTIFIED, 1.0 };
              g_array_append_val (claims, c);
            }
        }

      top = pa_mapper_match (mapper, (PaMapperClaim *) (gpointer) claims->data, claims->len, 5);
      for (guint r = 0; r < top->len; r++)
        if (((PaMatch *) g_ptr_array_index (top, r))->occupation == occ)
          {
            in_top5++;
            break;
          }

      /* The explanation lists exactly the removed skills as missing. */
      own = pa_mapper_match_one (mapper, (PaMapperClaim *) (gpointer) claims->data, claims->len, occ);
      g_assert_cmpuint (own->missing->len, ==, n_remove);
      for (guint k = 0; k < own->missing->len; k++)
        g_assert_true (g_hash_table_contains (removed, GUINT_TO_POINTER (g_array_index (own->missing, guint, k) + 1)));
      g_assert_cmpuint (own->n_essential_direct, ==, n_ess - n_remove);
    }
  g_test_message ("with a third of the essential skills removed, %u of %u occupations stay in the top 5",
                  in_top5, sample->len);
  g_assert_cmpuint (in_top5 * 100, >=, 95 * sample->len);
}

static void
test_two_runs_identical (void)
{
  g_autoptr (PaMapper) again = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) sample = sample_occupations (99);

  again = pa_mapper_new_from_store (store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 20; i++)
    {
      guint occ = g_array_index (sample, guint, i);
      guint n_ess;
      const guint *ess = pa_mapper_get_essential (mapper, occ, &n_ess);
      g_autofree PaMapperClaim *claims = g_new (PaMapperClaim, n_ess);
      g_autoptr (GPtrArray) one = NULL;
      g_autoptr (GPtrArray) two = NULL;

      for (guint k = 0; k < n_ess; k++)
        claims[k] = (PaMapperClaim) { ess[k], (PaStage) (1 + k % 4), 1.0 };
      /* Half the claims only, so ties and partial credit occur. */
      one = pa_mapper_match (mapper, claims, n_ess / 2 + 1, 50);
      two = pa_mapper_match (again, claims, n_ess / 2 + 1, 50);
      g_assert_cmpuint (one->len, ==, two->len);
      for (guint r = 0; r < one->len; r++)
        {
          PaMatch *a = g_ptr_array_index (one, r);
          PaMatch *b = g_ptr_array_index (two, r);
          g_assert_cmpstr (pa_mapper_get_occupation_uri (mapper, a->occupation), ==,
                           pa_mapper_get_occupation_uri (again, b->occupation));
          g_assert_cmpfloat (a->score, ==, b->score);
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PaEscoImportReport) report = NULL;
  g_autofree char *path = NULL;
  g_autofree char *release = NULL;
  const char *data;
  int status;

  g_test_init (&argc, &argv, NULL);
  data = pa_test_shared_data_or_skip ();

  tmpdir = pa_test_make_tmpdir ();
  path = g_build_filename (tmpdir, "centre.db", NULL);
  store = pa_store_open (path, &error);
  g_assert_no_error (error);
  release = g_build_filename (data, "esco", "v1.1.1", "en", NULL);
  report = pa_esco_import (store, release, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  mapper = pa_mapper_new_from_store (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pa_mapper_get_n_occupations (mapper), ==, 3007);

  g_test_add_func ("/match-esco/exact-set-first", test_exact_set_first);
  g_test_add_func ("/match-esco/third-removed", test_third_removed);
  g_test_add_func ("/match-esco/two-runs-identical", test_two_runs_identical);
  status = g_test_run ();

  g_clear_object (&mapper);
  g_clear_object (&store);
  pa_test_remove_tree (tmpdir);
  g_free (tmpdir);
  return status;
}
