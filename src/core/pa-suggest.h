/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pa-framework-search.h"
#include "pa-mapper.h"
#include "pa-store.h"

G_BEGIN_DECLS

typedef enum
{
  PA_SUGGESTION_ESSENTIAL,   /* essential for the experience's occupation */
  PA_SUGGESTION_OPTIONAL,    /* optional for it */
  PA_SUGGESTION_KIND,        /* what this kind of experience develops */
  PA_SUGGESTION_TEXT,        /* words of the experience's title or tasks */
} PaSuggestionSource;

typedef struct
{
  char *skill_uri;
  char *label;
  char *reason;              /* translated, names the experience */
  PaSuggestionSource source;
  gint64 experience_id;
  double score;
} PaSuggestion;

void       pa_suggestion_free      (PaSuggestion       *suggestion);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PaSuggestion, pa_suggestion_free)

GPtrArray *pa_suggest_for_case     (PaStore            *store,
                                    PaMapper           *mapper,
                                    PaFrameworkSearch  *search,
                                    gint64              case_id,
                                    const char         *lang,
                                    guint               limit,
                                    GError            **error);
GPtrArray *pa_suggest_from_text    (PaFrameworkSearch  *search,
                                    const char         *text,
                                    const char         *lang,
                                    guint               limit,
                                    GError            **error);

G_END_DECLS
