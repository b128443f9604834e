/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define PA_TYPE_STAGE_STEPPER (pa_stage_stepper_get_type ())
G_DECLARE_FINAL_TYPE (PaStageStepper, pa_stage_stepper, PA, STAGE_STEPPER, GtkWidget)

GtkWidget  *pa_stage_stepper_new        (void);
int         pa_stage_stepper_get_stage  (PaStageStepper *self);
void        pa_stage_stepper_set_stage  (PaStageStepper *self,
                                         int             stage);
const char *pa_stage_stepper_get_step_text  (PaStageStepper *self,
                                             int             stage);
const char *pa_stage_stepper_get_step_icon  (PaStageStepper *self,
                                             int             stage);

G_END_DECLS
