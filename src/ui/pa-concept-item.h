/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "pa-framework-search.h"
#include "pa-store.h"

G_BEGIN_DECLS

#define PA_TYPE_CONCEPT_ITEM (pa_concept_item_get_type ())
G_DECLARE_FINAL_TYPE (PaConceptItem, pa_concept_item, PA, CONCEPT_ITEM, GObject)

PaConceptItem *pa_concept_item_new              (const PaConceptHit *hit);
const char    *pa_concept_item_get_uri          (PaConceptItem      *self);
const char    *pa_concept_item_get_label        (PaConceptItem      *self);
const char    *pa_concept_item_get_kind         (PaConceptItem      *self);
char          *pa_concept_item_dup_matched_text (PaConceptItem      *self);
gboolean       pa_concept_item_load_details     (PaConceptItem      *self,
                                                 PaStore            *store,
                                                 const char         *lang,
                                                 GError            **error);
const char    *pa_concept_item_get_framework    (PaConceptItem      *self);
const char    *pa_concept_item_get_description  (PaConceptItem      *self);
const char    *pa_concept_item_get_skill_type   (PaConceptItem      *self);

G_END_DECLS
