/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pa-case.h"
#include "pa-store.h"

G_BEGIN_DECLS

#define PA_TYPE_SELF_ASSESSMENT (pa_self_assessment_get_type ())
G_DECLARE_FINAL_TYPE (PaSelfAssessment, pa_self_assessment, PA, SELF_ASSESSMENT, AdwWindow)

GtkWidget  *pa_self_assessment_new               (GtkWindow        *parent,
                                                  PaStore          *store,
                                                  PaCase           *kase);
const char *pa_self_assessment_get_language      (PaSelfAssessment *self);
void        pa_self_assessment_set_language      (PaSelfAssessment *self,
                                                  const char       *lang);
guint       pa_self_assessment_get_n_cards       (PaSelfAssessment *self);
GtkWidget  *pa_self_assessment_get_rating_button (PaSelfAssessment *self,
                                                  guint             card,
                                                  int               rating);
const char *pa_self_assessment_get_card_uri      (PaSelfAssessment *self,
                                                  guint             card);

G_END_DECLS
