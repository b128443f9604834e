/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "pa-store.h"

G_BEGIN_DECLS

/* One framework held by the store. */
typedef struct
{
  char *code;          /* 'esco', 'cefr', … */
  char *title;
  char *version;
  char *origin;        /* 'builtin' or 'import' */
  char *languages;     /* 'en,fr' */
  char *imported_at;
  guint n_concepts;
  guint n_occupations;
  guint n_skills;      /* skills and knowledge */
  guint n_obsolete;
} PaFrameworkInfo;

/* A concept named in a list: its label in the language asked for, or the
 * first of the fallback chain that has one. */
typedef struct
{
  char *uri;
  char *kind;
  char *code;
  char *label;
  char *label_lang;
  char *status;
} PaConceptRef;

typedef struct
{
  PaConceptRef ref;
  char *framework;     /* framework code */
  char *isco_code;
  char *skill_type;
  char *reuse_level;
  char *description;
  char *description_lang;
  char **alt_labels;   /* in label_lang */
  char **collections;
} PaConcept;

gint64           pa_frameworks_ensure           (PaStore     *store,
                                                 const char  *code,
                                                 const char  *title,
                                                 const char  *origin,
                                                 GError     **error);
gint64           pa_frameworks_get_generation   (PaStore     *store);
GPtrArray       *pa_frameworks_list             (PaStore     *store,
                                                 GError     **error);
char           **pa_frameworks_language_chain   (const char  *lang);

PaConcept       *pa_frameworks_get_concept      (PaStore     *store,
                                                 const char  *uri,
                                                 const char  *lang,
                                                 GError     **error);
GPtrArray       *pa_frameworks_list_related     (PaStore     *store,
                                                 const char  *uri,
                                                 const char  *relation,
                                                 gboolean     reverse,
                                                 const char  *lang,
                                                 GError     **error);

const char      *pa_concept_kind_label          (const char  *kind,
                                                 const char  *skill_type);
const char      *pa_framework_display_title     (const char  *code,
                                                 const char  *stored);

void             pa_framework_info_free         (PaFrameworkInfo *info);
void             pa_concept_ref_free            (PaConceptRef    *ref);
void             pa_concept_free                (PaConcept       *concept);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PaFrameworkInfo, pa_framework_info_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PaConceptRef, pa_concept_ref_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PaConcept, pa_concept_free)

G_END_DECLS
