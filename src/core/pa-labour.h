/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pa-store.h"

G_BEGIN_DECLS

/* A module of the centre's training catalogue. */
typedef struct
{
  gint64 id;
  char *code;
  char *title;
  char *theme;            /* digital, employability_cv, employability_pitch,
                           * employability_interview, employability, soft_skills,
                           * language, sector */
  double duration_hours;  /* 0 when unknown */
  char *language;
  char *description;
  GPtrArray *skill_uris;  /* char*: the competences it develops */
} PaModule;

/* An employer's vacancy profile. */
typedef struct
{
  gint64 id;
  char *employer;
  char *title;
  char *occupation_uri;
  char *location;
  char *description;
  GPtrArray *required;    /* char*: skill URIs */
  GPtrArray *nice;        /* char*: skill URIs */
  GPtrArray *languages;   /* char* "fr:B1" */
} PaVacancy;

/* One region's list of shortage occupations. */
typedef struct
{
  gint64 id;
  char *region;
  char *title;
  char *source;
  char *valid_from;
  char *valid_to;
  GPtrArray *occupation_uris;  /* char* */
  GPtrArray *notes;            /* char*, parallel to occupation_uris */
} PaShortageList;

PaModule       *pa_module_new               (void);
void            pa_module_free              (PaModule *module);
PaVacancy      *pa_vacancy_new              (void);
void            pa_vacancy_free             (PaVacancy *vacancy);
PaShortageList *pa_shortage_list_new        (void);
void            pa_shortage_list_free       (PaShortageList *list);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PaModule, pa_module_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PaVacancy, pa_vacancy_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PaShortageList, pa_shortage_list_free)

gboolean        pa_module_theme_is_valid    (const char *theme);
const char     *pa_module_theme_msgid       (const char *theme);
const char     *pa_module_theme_label       (const char *theme);

gboolean        pa_store_module_save        (PaStore        *store,
                                             PaModule       *module,
                                             GError        **error);
gboolean        pa_store_module_delete      (PaStore        *store,
                                             gint64          module_id,
                                             GError        **error);
GPtrArray      *pa_store_module_list        (PaStore        *store,
                                             GError        **error);
GPtrArray      *pa_store_modules_for_skill  (PaStore        *store,
                                             const char     *skill_uri,
                                             GError        **error);

gboolean        pa_store_vacancy_save       (PaStore        *store,
                                             PaVacancy      *vacancy,
                                             GError        **error);
gboolean        pa_store_vacancy_delete     (PaStore        *store,
                                             gint64          vacancy_id,
                                             GError        **error);
PaVacancy      *pa_store_vacancy_get        (PaStore        *store,
                                             gint64          vacancy_id,
                                             GError        **error);
GPtrArray      *pa_store_vacancy_list       (PaStore        *store,
                                             GError        **error);
gboolean        pa_store_shortlist_add      (PaStore        *store,
                                             gint64          vacancy_id,
                                             gint64          case_id,
                                             GError        **error);
gboolean        pa_store_shortlist_remove   (PaStore        *store,
                                             gint64          vacancy_id,
                                             gint64          case_id,
                                             GError        **error);
GArray         *pa_store_shortlist_get      (PaStore        *store,
                                             gint64          vacancy_id,
                                             GError        **error);

gboolean        pa_store_shortage_save      (PaStore        *store,
                                             PaShortageList *list,
                                             GError        **error);
PaShortageList *pa_store_shortage_get       (PaStore        *store,
                                             const char     *region,
                                             GError        **error);
GPtrArray      *pa_store_shortage_regions   (PaStore        *store,
                                             GError        **error);
GHashTable     *pa_store_shortage_set       (PaStore        *store,
                                             const char     *region,
                                             GError        **error);

char           *pa_labour_concept_label     (PaStore        *store,
                                             const char     *uri,
                                             const char     *lang);

gboolean        pa_store_suggestion_reject  (PaStore        *store,
                                             gint64          case_id,
                                             const char     *skill_uri,
                                             GError        **error);
GHashTable     *pa_store_suggestion_rejections (PaStore     *store,
                                             gint64          case_id,
                                             GError        **error);

G_END_DECLS
