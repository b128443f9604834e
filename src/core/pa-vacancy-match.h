/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pa-labour.h"
#include "pa-mapper.h"

G_BEGIN_DECLS

/* One participant ranked for a vacancy, explained. */
typedef struct
{
  PaPersonMatch *match;
  GPtrArray *languages_short;   /* char*: "fr B1 (has A2)" for each language below the minimum */
} PaCandidate;

void       pa_candidate_free    (PaCandidate  *candidate);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PaCandidate, pa_candidate_free)

GPtrArray *pa_vacancy_match     (PaStore      *store,
                                 PaMapper     *mapper,
                                 PaVacancy    *vacancy,
                                 guint         limit,
                                 GError      **error);
int        pa_cefr_rank         (const char   *level);

G_END_DECLS
