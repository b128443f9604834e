/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "pa-types.h"

G_BEGIN_DECLS

#define PA_TYPE_MAPPER (pa_mapper_get_type ())
G_DECLARE_FINAL_TYPE (PaMapper, pa_mapper, PA, MAPPER, GObject)

/* One competence a person holds, as the engine sees it. */
typedef struct
{
  guint skill;          /* index from pa_mapper_add_skill () / pa_mapper_lookup_skill () */
  PaStage stage;
  double level_factor;  /* 0.5 … 1.0; 1.0 when the claim has no level */
} PaMapperClaim;

typedef enum
{
  PA_MATCH_DIRECT,      /* the person claims this very skill */
  PA_MATCH_RELATED,     /* a broader or narrower skill is claimed: partial credit */
} PaMatchKind;

typedef struct
{
  guint skill;
  guint via_skill;      /* the claimed skill that gave the credit */
  gboolean essential;
  PaMatchKind kind;
  double credit;        /* 0 … 1 */
} PaMatchedSkill;

typedef struct
{
  guint occupation;          /* index */
  double score;              /* 0 … 100: weighted share of essential skills covered */
  double essential_credit;   /* sum of credits over essential skills */
  double optional_credit;    /* sum of credits over optional skills */
  guint n_essential;
  guint n_essential_direct;  /* essential skills claimed directly ("k of n") */
  GArray *matched;           /* PaMatchedSkill, essential first, then by skill URI */
  GArray *missing;           /* guint skill indexes: essential skills not claimed directly */
} PaMatch;

void        pa_match_free                (PaMatch *match);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PaMatch, pa_match_free)

PaMapper   *pa_mapper_new                (void);
guint       pa_mapper_add_skill          (PaMapper   *self,
                                          const char *uri);
guint       pa_mapper_add_occupation     (PaMapper   *self,
                                          const char *uri,
                                          const char *isco_code);
void        pa_mapper_add_requirement    (PaMapper   *self,
                                          guint       occupation,
                                          guint       skill,
                                          gboolean    essential);
void        pa_mapper_add_broader        (PaMapper   *self,
                                          guint       narrower_skill,
                                          guint       broader_skill);
void        pa_mapper_freeze             (PaMapper   *self);

guint       pa_mapper_get_n_skills       (PaMapper   *self);
guint       pa_mapper_get_n_occupations  (PaMapper   *self);
gboolean    pa_mapper_lookup_skill       (PaMapper   *self,
                                          const char *uri,
                                          guint      *skill);
gboolean    pa_mapper_lookup_occupation  (PaMapper   *self,
                                          const char *uri,
                                          guint      *occupation);
const char *pa_mapper_get_skill_uri      (PaMapper   *self,
                                          guint       skill);
const char *pa_mapper_get_occupation_uri (PaMapper   *self,
                                          guint       occupation);
const char *pa_mapper_get_occupation_isco (PaMapper  *self,
                                          guint       occupation);
const guint *pa_mapper_get_essential     (PaMapper   *self,
                                          guint       occupation,
                                          guint      *n_skills);
const guint *pa_mapper_get_optional      (PaMapper   *self,
                                          guint       occupation,
                                          guint      *n_skills);

double      pa_mapper_claim_weight       (const PaMapperClaim *claim);
GPtrArray  *pa_mapper_match              (PaMapper            *self,
                                          const PaMapperClaim *claims,
                                          guint                n_claims,
                                          guint                limit);
PaMatch    *pa_mapper_match_one          (PaMapper            *self,
                                          const PaMapperClaim *claims,
                                          guint                n_claims,
                                          guint                occupation);


/* A group of people, each with their claims, for matching a vacancy against
 * all of a centre's participants at once. */
typedef struct
{
  gint64 person;        /* the case id */
  guint first_claim;    /* index into the claims array */
  guint n_claims;
} PaMapperPerson;

typedef struct
{
  gint64 person;
  double score;              /* 0 … 100 over the required skills */
  double required_credit;
  double nice_credit;
  guint n_required;
  guint n_required_direct;
  GArray *missing;           /* guint skill indexes: required skills not claimed directly */
} PaPersonMatch;

void        pa_person_match_free         (PaPersonMatch *match);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PaPersonMatch, pa_person_match_free)

GPtrArray  *pa_mapper_match_people       (PaMapper             *self,
                                          const guint          *required,
                                          guint                 n_required,
                                          const guint          *nice,
                                          guint                 n_nice,
                                          const PaMapperPerson *people,
                                          guint                 n_people,
                                          const PaMapperClaim  *claims,
                                          guint                 limit);

G_END_DECLS
