/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pa-mapper"

#include "config.h"

#include <math.h>
#include <string.h>

#include "pa-mapper.h"

/*
 * The competence-mapping engine keeps the occupation–skill graph in compact
 * arrays (compressed sparse rows) so that scoring every occupation for one
 * person reads each requirement once.
 *
 * The formula, also explained in the help:
 *
 *   weight (claim)  = stage weight × level factor
 *                     stage weight: identified 0.50, documented 0.70,
 *                                   assessed 0.90, certified 1.00
 *                     level factor: 0.5 … 1.0 (1.0 when no level was recorded)
 *   credit (skill)  = the largest of:
 *                     weight of a claim on that skill            (direct)
 *                     0.5 × weight of a claim on a skill one step
 *                     broader or narrower in the hierarchy       (related)
 *   score (occ)     = 100 × Σ credit over its essential skills / number of essential skills
 *
 * Occupations are ranked by score; among equal scores, by the credit the
 * person brings to essential skills in absolute terms (an occupation that uses
 * more of the person's competences ranks higher), then by the credit brought
 * to optional skills, then by URI, so the order is total and repeatable.
 * A missing optional skill costs nothing. "k of n" counts essential skills
 * claimed directly; the missing list names every essential skill that is not.
 */

#define RELATED_FACTOR 0.5

struct _PaMapper
{
  GObject parent_instance;

  gboolean frozen;
  GStringChunk *strings;

  GPtrArray *skill_uris;          /* const char* (in strings) */
  GHashTable *skill_index;        /* uri → index + 1 */
  GPtrArray *occupation_uris;
  GPtrArray *occupation_isco;
  GHashTable *occupation_index;

  GArray *pending_requirements;   /* Edge */
  GArray *pending_broader;        /* Edge */

  /* Compressed sparse rows, built by pa_mapper_freeze (). */
  guint *ess_start;               /* n_occupations + 1 */
  guint *ess_skill;
  guint *opt_start;
  guint *opt_skill;
  guint *nbr_start;               /* n_skills + 1: broader and narrower neighbours */
  guint *nbr_skill;
  guint *occupation_rank;         /* position of each occupation in URI order */
};

typedef struct
{
  guint from;
  guint to;
  guint flag;
} Edge;

G_DEFINE_FINAL_TYPE (PaMapper, pa_mapper, G_TYPE_OBJECT)

static const double stage_weights[] = { 0.0, 0.50, 0.70, 0.90, 1.00 };

static int
compare_edges (gconstpointer a,
               gconstpointer b)
{
  const Edge *ea = a;
  const Edge *eb = b;

  if (ea->from != eb->from)
    return ea->from < eb->from ? -1 : 1;
  if (ea->to != eb->to)
    return ea->to < eb->to ? -1 : 1;
  return 0;
}

static void
build_rows (GArray  *edges,
            guint    n_rows,
            guint    flag,
            gboolean use_flag,
            guint  **start_out,
            guint  **items_out)
{
  guint *start = g_new0 (guint, n_rows + 1);
  guint *items;
  guint n = 0;
  guint k = 0;

  for (guint i = 0; i < edges->len; i++)
    {
      const Edge *e = &g_array_index (edges, Edge, i);
      if (!use_flag || e->flag == flag)
        {
          start[e->from + 1]++;
          n++;
        }
    }
  for (guint r = 0; r < n_rows; r++)
    start[r + 1] += start[r];
  items = g_new (guint, MAX (n, 1));
  for (guint i = 0; i < edges->len; i++)
    {
      const Edge *e = &g_array_index (edges, Edge, i);
      if (!use_flag || e->flag == flag)
        items[k++] = e->to;
    }
  *start_out = start;
  *items_out = items;
}

static int
compare_uri_indexes (gconstpointer a,
                     gconstpointer b,
                     gpointer      uris)
{
  guint ia = *(const guint *) a;
  guint ib = *(const guint *) b;

  return strcmp (g_ptr_array_index ((GPtrArray *) uris, ia),
                 g_ptr_array_index ((GPtrArray *) uris, ib));
}

static void
pa_mapper_finalize (GObject *object)
{
  PaMapper *self = (PaMapper *) object;

  g_string_chunk_free (self->strings);
  g_ptr_array_unref (self->skill_uris);
  g_hash_table_unref (self->skill_index);
  g_ptr_array_unref (self->occupation_uris);
  g_ptr_array_unref (self->occupation_isco);
  g_hash_table_unref (self->occupation_index);
  g_clear_pointer (&self->pending_requirements, g_array_unref);
  g_clear_pointer (&self->pending_broader, g_array_unref);
  g_free (self->ess_start);
  g_free (self->ess_skill);
  g_free (self->opt_start);
  g_free (self->opt_skill);
  g_free (self->nbr_start);
  g_free (self->nbr_skill);
  g_free (self->occupation_rank);

  G_OBJECT_CLASS (pa_mapper_parent_class)->finalize (object);
}

static void
pa_mapper_class_init (PaMapperClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pa_mapper_finalize;
}

static void
pa_mapper_init (PaMapper *self)
{
  self->strings = g_string_chunk_new (64 * 1024);
  self->skill_uris = g_ptr_array_new ();
  self->skill_index = g_hash_table_new (g_str_hash, g_str_equal);
  self->occupation_uris = g_ptr_array_new ();
  self->occupation_isco = g_ptr_array_new ();
  self->occupation_index = g_hash_table_new (g_str_hash, g_str_equal);
  self->pending_requirements = g_array_new (FALSE, FALSE, sizeof (Edge));
  self->pending_broader = g_array_new (FALSE, FALSE, sizeof (Edge));
}

/* Returns: (transfer full): an empty graph; add skills, occupations and edges, then freeze. */
PaMapper *
pa_mapper_new (void)
{
  return g_object_new (PA_TYPE_MAPPER, NULL);
}

static guint
add_node (PaMapper   *self,
          GPtrArray  *uris,
          GHashTable *index,
          const char *uri,
          gboolean   *added)
{
  gpointer found = g_hash_table_lookup (index, uri);
  const char *copy;

  *added = FALSE;
  if (found != NULL)
    return GPOINTER_TO_UINT (found) - 1;
  copy = g_string_chunk_insert_const (self->strings, uri);
  g_ptr_array_add (uris, (gpointer) copy);
  g_hash_table_insert (index, (gpointer) copy, GUINT_TO_POINTER (uris->len));
  *added = TRUE;
  return uris->len - 1;
}

/* Returns: the skill's index; adding a URI twice returns the same index. */
guint
pa_mapper_add_skill (PaMapper   *self,
                     const char *uri)
{
  gboolean added;

  g_return_val_if_fail (PA_IS_MAPPER (self), 0);
  g_return_val_if_fail (!self->frozen, 0);
  g_return_val_if_fail (uri != NULL, 0);

  return add_node (self, self->skill_uris, self->skill_index, uri, &added);
}

guint
pa_mapper_add_occupation (PaMapper   *self,
                          const char *uri,
                          const char *isco_code)
{
  gboolean added;
  guint index;

  g_return_val_if_fail (PA_IS_MAPPER (self), 0);
  g_return_val_if_fail (!self->frozen, 0);
  g_return_val_if_fail (uri != NULL, 0);

  index = add_node (self, self->occupation_uris, self->occupation_index, uri, &added);
  if (added)
    g_ptr_array_add (self->occupation_isco,
                     isco_code ? g_string_chunk_insert_const (self->strings, isco_code) : NULL);
  return index;
}

void
pa_mapper_add_requirement (PaMapper *self,
                           guint     occupation,
                           guint     skill,
                           gboolean  essential)
{
  Edge e = { occupation, skill, essential ? 1 : 0 };

  g_return_if_fail (PA_IS_MAPPER (self));
  g_return_if_fail (!self->frozen);
  g_return_if_fail (occupation < self->occupation_uris->len);
  g_return_if_fail (skill < self->skill_uris->len);

  g_array_append_val (self->pending_requirements, e);
}

void
pa_mapper_add_broader (PaMapper *self,
                       guint     narrower_skill,
                       guint     broader_skill)
{
  Edge down = { broader_skill, narrower_skill, 0 };
  Edge up = { narrower_skill, broader_skill, 0 };

  g_return_if_fail (PA_IS_MAPPER (self));
  g_return_if_fail (!self->frozen);
  g_return_if_fail (narrower_skill < self->skill_uris->len);
  g_return_if_fail (broader_skill < self->skill_uris->len);

  if (narrower_skill == broader_skill)
    return;
  g_array_append_val (self->pending_broader, up);
  g_array_append_val (self->pending_broader, down);
}

/**
 * pa_mapper_freeze:
 *
 * Builds the compact arrays. After this, the graph can be matched against
 * (from any thread) but not changed.
 */
void
pa_mapper_freeze (PaMapper *self)
{
  guint n_occ;
  guint n_skills;
  g_autofree guint *order = NULL;

  g_return_if_fail (PA_IS_MAPPER (self));
  g_return_if_fail (!self->frozen);

  n_occ = self->occupation_uris->len;
  n_skills = self->skill_uris->len;

  /* Sorting makes each row's skills ascending and drops duplicate edges;
   * an edge given as both essential and optional stays essential. */
  g_array_sort (self->pending_requirements, compare_edges);
  {
    GArray *req = self->pending_requirements;
    guint w = 0;
    for (guint i = 0; i < req->len; i++)
      {
        Edge *e = &g_array_index (req, Edge, i);
        if (w > 0)
          {
            Edge *prev = &g_array_index (req, Edge, w - 1);
            if (prev->from == e->from && prev->to == e->to)
              {
                prev->flag |= e->flag;
                continue;
              }
          }
        g_array_index (req, Edge, w++) = *e;
      }
    g_array_set_size (req, w);
  }
  build_rows (self->pending_requirements, n_occ, 1, TRUE, &self->ess_start, &self->ess_skill);
  build_rows (self->pending_requirements, n_occ, 0, TRUE, &self->opt_start, &self->opt_skill);

  g_array_sort (self->pending_broader, compare_edges);
  build_rows (self->pending_broader, n_skills, 0, FALSE, &self->nbr_start, &self->nbr_skill);

  order = g_new (guint, MAX (n_occ, 1));
  for (guint i = 0; i < n_occ; i++)
    order[i] = i;
  g_qsort_with_data (order, n_occ, sizeof (guint), compare_uri_indexes, self->occupation_uris);
  self->occupation_rank = g_new (guint, MAX (n_occ, 1));
  for (guint i = 0; i < n_occ; i++)
    self->occupation_rank[order[i]] = i;

  g_clear_pointer (&self->pending_requirements, g_array_unref);
  g_clear_pointer (&self->pending_broader, g_array_unref);
  self->frozen = TRUE;
}

guint
pa_mapper_get_n_skills (PaMapper *self)
{
  g_return_val_if_fail (PA_IS_MAPPER (self), 0);
  return self->skill_uris->len;
}

guint
pa_mapper_get_n_occupations (PaMapper *self)
{
  g_return_val_if_fail (PA_IS_MAPPER (self), 0);
  return self->occupation_uris->len;
}

gboolean
pa_mapper_lookup_skill (PaMapper   *self,
                        const char *uri,
                        guint      *skill)
{
  gpointer found;

  g_return_val_if_fail (PA_IS_MAPPER (self), FALSE);

  found = uri ? g_hash_table_lookup (self->skill_index, uri) : NULL;
  if (found == NULL)
    return FALSE;
  if (skill)
    *skill = GPOINTER_TO_UINT (found) - 1;
  return TRUE;
}

gboolean
pa_mapper_lookup_occupation (PaMapper   *self,
                             const char *uri,
                             guint      *occupation)
{
  gpointer found;

  g_return_val_if_fail (PA_IS_MAPPER (self), FALSE);

  found = uri ? g_hash_table_lookup (self->occupation_index, uri) : NULL;
  if (found == NULL)
    return FALSE;
  if (occupation)
    *occupation = GPOINTER_TO_UINT (found) - 1;
  return TRUE;
}

const char *
pa_mapper_get_skill_uri (PaMapper *self,
                         guint     skill)
{
  g_return_val_if_fail (PA_IS_MAPPER (self), NULL);
  g_return_val_if_fail (skill < self->skill_uris->len, NULL);
  return g_ptr_array_index (self->skill_uris, skill);
}

const char *
pa_mapper_get_occupation_uri (PaMapper *self,
                              guint     occupation)
{
  g_return_val_if_fail (PA_IS_MAPPER (self), NULL);
  g_return_val_if_fail (occupation < self->occupation_uris->len, NULL);
  return g_ptr_array_index (self->occupation_uris, occupation);
}

const char *
pa_mapper_get_occupation_isco (PaMapper *self,
                               guint     occupation)
{
  g_return_val_if_fail (PA_IS_MAPPER (self), NULL);
  g_return_val_if_fail (occupation < self->occupation_uris->len, NULL);
  return g_ptr_array_index (self->occupation_isco, occupation);
}

const guint *
pa_mapper_get_essential (PaMapper *self,
                         guint     occupation,
                         guint    *n_skills)
{
  g_return_val_if_fail (PA_IS_MAPPER (self) && self->frozen, NULL);
  g_return_val_if_fail (occupation < self->occupation_uris->len, NULL);

  *n_skills = self->ess_start[occupation + 1] - self->ess_start[occupation];
  return self->ess_skill + self->ess_start[occupation];
}

const guint *
pa_mapper_get_optional (PaMapper *self,
                        guint     occupation,
                        guint    *n_skills)
{
  g_return_val_if_fail (PA_IS_MAPPER (self) && self->frozen, NULL);
  g_return_val_if_fail (occupation < self->occupation_uris->len, NULL);

  *n_skills = self->opt_start[occupation + 1] - self->opt_start[occupation];
  return self->opt_skill + self->opt_start[occupation];
}

/* The weight of one claim: how far it has come through the four stages, and its level. */
double
pa_mapper_claim_weight (const PaMapperClaim *claim)
{
  double level = claim->level_factor;

  if (level <= 0.0 || level > 1.0)
    level = 1.0;
  if (level < 0.5)
    level = 0.5;
  if (claim->stage < PA_STAGE_IDENTIFIED || claim->stage > PA_STAGE_CERTIFIED)
    return 0.0;
  return stage_weights[claim->stage] * level;
}

/* Per-call scratch: credit per skill, and which claim gave it. */
typedef struct
{
  float *credit;
  guint *via;
  guint8 *direct;
  GArray *touched;
} Credits;

static void
credits_init (Credits  *c,
              PaMapper *self,
              const PaMapperClaim *claims,
              guint     n_claims)
{
  guint n = self->skill_uris->len;

  c->credit = g_new0 (float, MAX (n, 1));
  c->via = g_new (guint, MAX (n, 1));
  c->direct = g_new0 (guint8, MAX (n, 1));
  c->touched = g_array_new (FALSE, FALSE, sizeof (guint));

  /* Direct credit first, so a related credit never hides a direct one. */
  for (guint i = 0; i < n_claims; i++)
    {
      guint s = claims[i].skill;
      float w = (float) pa_mapper_claim_weight (&claims[i]);

      if (s >= n || w <= 0)
        continue;
      if (!c->direct[s] || w > c->credit[s])
        {
          if (c->credit[s] == 0)
            g_array_append_val (c->touched, s);
          c->credit[s] = w;
          c->via[s] = s;
          c->direct[s] = 1;
        }
    }
  for (guint i = 0; i < n_claims; i++)
    {
      guint s = claims[i].skill;
      float w = (float) (pa_mapper_claim_weight (&claims[i]) * RELATED_FACTOR);

      if (s >= n || w <= 0)
        continue;
      for (guint k = self->nbr_start[s]; k < self->nbr_start[s + 1]; k++)
        {
          guint t = self->nbr_skill[k];
          if (c->direct[t] || w <= c->credit[t])
            continue;
          if (c->credit[t] == 0)
            g_array_append_val (c->touched, t);
          c->credit[t] = w;
          c->via[t] = s;
        }
    }
}

static void
credits_clear (Credits *c)
{
  g_free (c->credit);
  g_free (c->via);
  g_free (c->direct);
  g_array_unref (c->touched);
}

typedef struct
{
  guint occupation;
  guint rank;
  double share;
  double essential;
  double optional;
} Candidate;

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const Candidate *ca = a;
  const Candidate *cb = b;

  if (ca->share != cb->share)
    return ca->share > cb->share ? -1 : 1;
  if (ca->essential != cb->essential)
    return ca->essential > cb->essential ? -1 : 1;
  if (ca->optional != cb->optional)
    return ca->optional > cb->optional ? -1 : 1;
  return ca->rank < cb->rank ? -1 : (ca->rank > cb->rank);
}

static void
score_occupation (PaMapper      *self,
                  const Credits *c,
                  guint          occ,
                  Candidate     *out)
{
  double ess = 0;
  double opt = 0;
  guint n_ess = self->ess_start[occ + 1] - self->ess_start[occ];

  for (guint k = self->ess_start[occ]; k < self->ess_start[occ + 1]; k++)
    ess += c->credit[self->ess_skill[k]];
  for (guint k = self->opt_start[occ]; k < self->opt_start[occ + 1]; k++)
    opt += c->credit[self->opt_skill[k]];

  out->occupation = occ;
  out->rank = self->occupation_rank[occ];
  /* Rounded so that float sums in a different order never split a tie. */
  out->essential = round (ess * 10000.0) / 10000.0;
  out->optional = round (opt * 10000.0) / 10000.0;
  out->share = n_ess > 0 ? round (ess / n_ess * 1000000.0) / 1000000.0 : 0.0;
}

static int
compare_matched (gconstpointer a,
                 gconstpointer b,
                 gpointer      self)
{
  const PaMatchedSkill *ma = a;
  const PaMatchedSkill *mb = b;

  if (ma->essential != mb->essential)
    return ma->essential ? -1 : 1;
  return strcmp (pa_mapper_get_skill_uri (self, ma->skill), pa_mapper_get_skill_uri (self, mb->skill));
}

static PaMatch *
explain (PaMapper        *self,
         const Credits   *c,
         const Candidate *cand)
{
  PaMatch *match = g_new0 (PaMatch, 1);
  guint occ = cand->occupation;

  match->occupation = occ;
  match->score = cand->share * 100.0;
  match->essential_credit = cand->essential;
  match->optional_credit = cand->optional;
  match->n_essential = self->ess_start[occ + 1] - self->ess_start[occ];
  match->matched = g_array_new (FALSE, FALSE, sizeof (PaMatchedSkill));
  match->missing = g_array_new (FALSE, FALSE, sizeof (guint));

  for (int pass = 0; pass < 2; pass++)
    {
      const guint *start = pass == 0 ? self->ess_start : self->opt_start;
      const guint *skills = pass == 0 ? self->ess_skill : self->opt_skill;

      for (guint k = start[occ]; k < start[occ + 1]; k++)
        {
          guint s = skills[k];
          if (c->credit[s] > 0)
            {
              PaMatchedSkill m = { s, c->via[s], pass == 0,
                                   c->direct[s] ? PA_MATCH_DIRECT : PA_MATCH_RELATED,
                                   c->credit[s] };
              g_array_append_val (match->matched, m);
            }
          if (pass == 0)
            {
              if (c->direct[s])
                match->n_essential_direct++;
              else
                g_array_append_val (match->missing, s);
            }
        }
    }
  g_array_sort_with_data (match->matched, compare_matched, self);
  return match;
}

void
pa_match_free (PaMatch *match)
{
  if (match == NULL)
    return;
  g_array_unref (match->matched);
  g_array_unref (match->missing);
  g_free (match);
}

/**
 * pa_mapper_match:
 * @claims: (array length=n_claims): the person's competences
 * @limit: how many occupations to return at most (0 for all that score)
 *
 * Scores every occupation and returns the best, each explained.
 * Returns: (transfer full) (element-type PaMatch): occupations in rank order;
 * occupations to which the person brings nothing are left out.
 */
GPtrArray *
pa_mapper_match (PaMapper            *self,
                 const PaMapperClaim *claims,
                 guint                n_claims,
                 guint                limit)
{
  GPtrArray *result = g_ptr_array_new_with_free_func ((GDestroyNotify) pa_match_free);
  g_autoptr (GArray) candidates = NULL;
  Credits c;
  guint n_occ;

  g_return_val_if_fail (PA_IS_MAPPER (self) && self->frozen, result);

  n_occ = self->occupation_uris->len;
  credits_init (&c, self, claims, n_claims);
  candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));

  for (guint occ = 0; occ < n_occ; occ++)
    {
      Candidate cand;

      score_occupation (self, &c, occ, &cand);
      if (cand.essential > 0 || cand.optional > 0)
        g_array_append_val (candidates, cand);
    }
  g_array_sort (candidates, compare_candidates);

  for (guint i = 0; i < candidates->len && (limit == 0 || i < limit); i++)
    g_ptr_array_add (result, explain (self, &c, &g_array_index (candidates, Candidate, i)));

  credits_clear (&c);
  return result;
}

/* Returns: (transfer full): one occupation scored and explained, even when the person brings nothing. */
PaMatch *
pa_mapper_match_one (PaMapper            *self,
                     const PaMapperClaim *claims,
                     guint                n_claims,
                     guint                occupation)
{
  Credits c;
  Candidate cand;
  PaMatch *match;

  g_return_val_if_fail (PA_IS_MAPPER (self) && self->frozen, NULL);
  g_return_val_if_fail (occupation < self->occupation_uris->len, NULL);

  credits_init (&c, self, claims, n_claims);
  score_occupation (self, &c, occupation, &cand);
  match = explain (self, &c, &cand);
  credits_clear (&c);
  return match;
}

void
pa_person_match_free (PaPersonMatch *match)
{
  if (match == NULL)
    return;
  g_array_unref (match->missing);
  g_free (match);
}

typedef struct
{
  guint index;
  gint64 person;
  double share;
  double required;
  double nice;
} PersonCandidate;

static int
compare_people (gconstpointer a,
                gconstpointer b)
{
  const PersonCandidate *pa = a;
  const PersonCandidate *pb = b;

  if (pa->share != pb->share)
    return pa->share > pb->share ? -1 : 1;
  if (pa->nice != pb->nice)
    return pa->nice > pb->nice ? -1 : 1;
  return pa->person < pb->person ? -1 : (pa->person > pb->person);
}

/**
 * pa_mapper_match_people:
 * @required: (array length=n_required): skills a vacancy requires
 * @nice: (array length=n_nice): skills it would welcome
 * @people: (array length=n_people): each person's slice of @claims
 * @claims: every person's claims, one after the other
 * @limit: how many people to return at most (0 for all who score)
 *
 * Ranks people for a vacancy: score = 100 × Σ credit over required skills /
 * number of required skills (credit as for occupations); ties are broken by
 * the credit brought to nice-to-have skills, then by case id.
 * Returns: (transfer full) (element-type PaPersonMatch)
 */
GPtrArray *
pa_mapper_match_people (PaMapper             *self,
                        const guint          *required,
                        guint                 n_required,
                        const guint          *nice,
                        guint                 n_nice,
                        const PaMapperPerson *people,
                        guint                 n_people,
                        const PaMapperClaim  *claims,
                        guint                 limit)
{
  GPtrArray *result = g_ptr_array_new_with_free_func ((GDestroyNotify) pa_person_match_free);
  g_autoptr (GArray) candidates = g_array_new (FALSE, FALSE, sizeof (PersonCandidate));
  g_autofree guint *slot_of = NULL;
  g_autofree double *credit = NULL;
  g_autofree guint8 *direct = NULL;
  guint n_skills;

  g_return_val_if_fail (PA_IS_MAPPER (self) && self->frozen, result);
  n_skills = self->skill_uris->len;

  /* Each of the vacancy's skills gets a slot; slot_of maps a skill to its
   * slot + 1. A person's claims are then read once, each touching its own
   * slot and the slots of its broader and narrower skills. */
  slot_of = g_new0 (guint, MAX (n_skills, 1));
  for (guint i = 0; i < n_required + n_nice; i++)
    {
      guint skill = i < n_required ? required[i] : nice[i - n_required];
      if (skill < n_skills && slot_of[skill] == 0)
        slot_of[skill] = i + 1;
    }
  credit = g_new0 (double, n_required + n_nice + 1);
  direct = g_new0 (guint8, n_required + n_nice + 1);

  for (guint p = 0; p < n_people; p++)
    {
      const PaMapperClaim *mine = claims + people[p].first_claim;
      PersonCandidate cand = { p, people[p].person, 0, 0, 0 };

      memset (credit, 0, sizeof (double) * (n_required + n_nice + 1));
      memset (direct, 0, n_required + n_nice + 1);
      for (guint c = 0; c < people[p].n_claims; c++)
        {
          guint s = mine[c].skill;
          double w = pa_mapper_claim_weight (&mine[c]);

          if (s >= n_skills || w <= 0)
            continue;
          if (slot_of[s] != 0)
            {
              guint slot = slot_of[s] - 1;
              credit[slot] = direct[slot] ? MAX (credit[slot], w) : w;
              direct[slot] = 1;
            }
          for (guint k = self->nbr_start[s]; k < self->nbr_start[s + 1]; k++)
            {
              guint t = self->nbr_skill[k];
              if (slot_of[t] != 0 && !direct[slot_of[t] - 1])
                credit[slot_of[t] - 1] = MAX (credit[slot_of[t] - 1], w * RELATED_FACTOR);
            }
        }
      for (guint i = 0; i < n_required + n_nice; i++)
        {
          guint skill = i < n_required ? required[i] : nice[i - n_required];
          double value = skill < n_skills && slot_of[skill] != 0 ? credit[slot_of[skill] - 1] : 0;
          if (i < n_required)
            cand.required += value;
          else
            cand.nice += value;
        }
      if (cand.required <= 0 && cand.nice <= 0)
        continue;
      cand.required = round (cand.required * 10000.0) / 10000.0;
      cand.nice = round (cand.nice * 10000.0) / 10000.0;
      cand.share = n_required > 0 ? round (cand.required / n_required * 1000000.0) / 1000000.0 : 0;
      g_array_append_val (candidates, cand);
    }
  g_array_sort (candidates, compare_people);

  for (guint i = 0; i < candidates->len && (limit == 0 || i < limit); i++)
    {
      const PersonCandidate *cand = &g_array_index (candidates, PersonCandidate, i);
      const PaMapperPerson *person = &people[cand->index];
      PaPersonMatch *match = g_new0 (PaPersonMatch, 1);

      match->person = cand->person;
      match->score = cand->share * 100.0;
      match->required_credit = cand->required;
      match->nice_credit = cand->nice;
      match->n_required = n_required;
      match->missing = g_array_new (FALSE, FALSE, sizeof (guint));
      for (guint r = 0; r < n_required; r++)
        {
          gboolean claimed = FALSE;
          for (guint c = 0; c < person->n_claims && !claimed; c++)
            claimed = claims[person->first_claim + c].skill == required[r] &&
                      pa_mapper_claim_weight (&claims[person->first_claim + c]) > 0;
          if (claimed)
            match->n_required_direct++;
          else
            g_array_append_val (match->missing, required[r]);
        }
      g_ptr_array_add (result, match);
    }
  return result;
}
