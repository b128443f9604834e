/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "pa-store.h"

G_BEGIN_DECLS

/* Which concepts a search returns. */
typedef enum
{
  PA_CONCEPT_KIND_OCCUPATION  = 1 << 0,
  PA_CONCEPT_KIND_SKILL       = 1 << 1,
  PA_CONCEPT_KIND_KNOWLEDGE   = 1 << 2,
  PA_CONCEPT_KIND_SKILL_GROUP = 1 << 3,
  PA_CONCEPT_KIND_ISCO_GROUP  = 1 << 4,
  PA_CONCEPT_KIND_OTHER       = 1 << 5,   /* kinds of the built-in frameworks */
} PaConceptKinds;

#define PA_CONCEPT_KINDS_SKILLS (PA_CONCEPT_KIND_SKILL | PA_CONCEPT_KIND_KNOWLEDGE)
#define PA_CONCEPT_KINDS_ALL    0x3f

/* One concept found: shown with its preferred label in the display
 * language (or the first of the fallback chain that has one), and the
 * label that the query matched, which may be in another language. */
typedef struct
{
  char *uri;
  char *kind;
  char *code;
  char *isco_code;
  char *label;
  char *label_lang;
  char *matched_label;
  char *matched_lang;    /* "" for a code */
  const char *matched_kind;  /* "preferred", "alternative", "hidden" or "code" */
} PaConceptHit;

#define PA_TYPE_FRAMEWORK_SEARCH (pa_framework_search_get_type ())
G_DECLARE_FINAL_TYPE (PaFrameworkSearch, pa_framework_search, PA, FRAMEWORK_SEARCH, GObject)

PaFrameworkSearch *pa_framework_search_new        (PaStore            *store);
gboolean           pa_framework_search_load       (PaFrameworkSearch  *self,
                                                   GError            **error);
void               pa_framework_search_load_async (PaFrameworkSearch  *self,
                                                   GCancellable       *cancellable,
                                                   GAsyncReadyCallback callback,
                                                   gpointer            user_data);
gboolean           pa_framework_search_load_finish (PaFrameworkSearch *self,
                                                    GAsyncResult      *result,
                                                    GError           **error);
GPtrArray         *pa_framework_search_query      (PaFrameworkSearch  *self,
                                                   const char         *text,
                                                   PaConceptKinds      kinds,
                                                   const char         *display_lang,
                                                   const char         *query_lang,
                                                   guint               limit,
                                                   GError            **error);
guint              pa_framework_search_get_n_labels (PaFrameworkSearch *self);
gsize              pa_framework_search_get_memory_size (PaFrameworkSearch *self);

void               pa_concept_hit_free            (PaConceptHit       *hit);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PaConceptHit, pa_concept_hit_free)

G_END_DECLS
