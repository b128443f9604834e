/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pa-framework-search.h"
#include "pa-store.h"

G_BEGIN_DECLS

#define PA_TYPE_CONCEPT_PICKER (pa_concept_picker_get_type ())
G_DECLARE_FINAL_TYPE (PaConceptPicker, pa_concept_picker, PA, CONCEPT_PICKER, GtkWidget)

/**
 * PaConceptPickerCallback:
 * @uri: (nullable): the concept chosen, or %NULL when the picker was cancelled
 * @label: (nullable): its label in the interface language
 *
 * Called exactly once by pa_concept_picker_run().
 */
typedef void (*PaConceptPickerCallback) (const char *uri,
                                         const char *label,
                                         gpointer    user_data);

GtkWidget      *pa_concept_picker_new            (PaStore          *store,
                                                  PaConceptKinds    kinds);
PaStore        *pa_concept_picker_get_store      (PaConceptPicker  *self);
void            pa_concept_picker_set_store      (PaConceptPicker  *self,
                                                  PaStore          *store);
PaConceptKinds  pa_concept_picker_get_kinds      (PaConceptPicker  *self);
void            pa_concept_picker_set_kinds      (PaConceptPicker  *self,
                                                  PaConceptKinds    kinds);
const char     *pa_concept_picker_get_framework  (PaConceptPicker  *self);
void            pa_concept_picker_set_framework  (PaConceptPicker  *self,
                                                  const char       *framework);
const char     *pa_concept_picker_get_language   (PaConceptPicker  *self);
void            pa_concept_picker_set_text       (PaConceptPicker  *self,
                                                  const char       *text);
guint           pa_concept_picker_get_n_results  (PaConceptPicker  *self);
const char     *pa_concept_picker_get_selected_uri (PaConceptPicker *self);
gboolean        pa_concept_picker_choose_selected (PaConceptPicker *self);
gboolean        pa_concept_picker_is_ready       (PaConceptPicker  *self);

GtkWindow      *pa_concept_picker_run            (GtkWidget               *parent,
                                                  PaStore                 *store,
                                                  PaConceptKinds           kinds,
                                                  const char              *title,
                                                  PaConceptPickerCallback  callback,
                                                  gpointer                 user_data);
PaConceptPicker *pa_concept_picker_window_get_picker (GtkWindow           *window);

char           *pa_concept_picker_default_language (void);

G_END_DECLS
