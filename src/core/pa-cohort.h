/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pa-mapper.h"
#include "pa-store.h"

G_BEGIN_DECLS

typedef struct
{
  char *key;        /* a skill URI, a framework code or an area URI */
  char *label;      /* in the requested language, with fallback */
  guint n_claims;   /* claims at any stage */
  guint n_people;   /* participants with such a claim */
  guint by_stage[5];/* index 1 … 4: claims at that stage */
} PaCohortCount;

typedef struct
{
  char *occupation_uri;
  char *label;
  guint n_people;       /* participants for whom it is among their best matches */
  double mean_score;    /* over those participants */
} PaCohortOccupation;

typedef struct
{
  gint64 seminar_id;
  guint n_people;
  GPtrArray *by_skill;       /* PaCohortCount, most claimed first */
  GPtrArray *by_area;        /* PaCohortCount: framework areas (ESCO top-level groups, other frameworks) */
  GPtrArray *occupations;    /* PaCohortOccupation, most matched first */
} PaCohort;

void      pa_cohort_free   (PaCohort *cohort);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PaCohort, pa_cohort_free)

PaCohort *pa_cohort_build  (PaStore     *store,
                            PaMapper    *mapper,
                            gint64       seminar_id,
                            const char  *lang,
                            guint        top_per_person,
                            GError     **error);

char     *pa_concept_label (PaStore     *store,
                            const char  *uri,
                            const char  *lang);

G_END_DECLS
