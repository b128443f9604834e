/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "pa-types.h"

G_BEGIN_DECLS

#define PA_TYPE_CASE (pa_case_get_type ())
G_DECLARE_FINAL_TYPE (PaCase, pa_case, PA, CASE, GObject)

PaCase      *pa_case_new                 (void);

gint64       pa_case_get_id              (PaCase     *self);
const char  *pa_case_get_code            (PaCase     *self);
const char  *pa_case_get_given_name      (PaCase     *self);
void         pa_case_set_given_name      (PaCase     *self,
                                          const char *value);
const char  *pa_case_get_family_name     (PaCase     *self);
void         pa_case_set_family_name     (PaCase     *self,
                                          const char *value);
char        *pa_case_dup_display_name    (PaCase     *self);
char        *pa_case_format_display_name (const char *given_name,
                                          const char *family_name,
                                          const char *code);
const char  *pa_case_get_gender          (PaCase     *self);
void         pa_case_set_gender          (PaCase     *self,
                                          const char *value);
int          pa_case_get_birth_year      (PaCase     *self);
void         pa_case_set_birth_year      (PaCase     *self,
                                          int         value);
const char  *pa_case_get_origin_country  (PaCase     *self);
void         pa_case_set_origin_country  (PaCase     *self,
                                          const char *value);
const char  *pa_case_get_arrival_date    (PaCase     *self);
void         pa_case_set_arrival_date    (PaCase     *self,
                                          const char *value);
const char  *pa_case_get_contact         (PaCase     *self);
void         pa_case_set_contact         (PaCase     *self,
                                          const char *value);
const char  *pa_case_get_created_at      (PaCase     *self);
const char  *pa_case_get_updated_at      (PaCase     *self);
const char  *pa_case_get_trashed_at      (PaCase     *self);
gboolean     pa_case_is_trashed          (PaCase     *self);
guint        pa_case_get_n_claims        (PaCase     *self);
guint        pa_case_get_n_certified     (PaCase     *self);

/* Used by the store when it reads a row. */
void         pa_case_set_stored          (PaCase     *self,
                                          gint64      id,
                                          const char *code,
                                          const char *created_at,
                                          const char *updated_at,
                                          const char *trashed_at);
void         pa_case_set_counts          (PaCase     *self,
                                          guint       n_claims,
                                          guint       n_certified);

G_END_DECLS
