/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pa-store.h"

G_BEGIN_DECLS

#define PA_TYPE_APPLICATION (pa_application_get_type ())
G_DECLARE_FINAL_TYPE (PaApplication, pa_application, PA, APPLICATION, AdwApplication)

PaApplication *pa_application_new              (void);
void           pa_application_setup_i18n       (void);
PaStore       *pa_application_get_store        (PaApplication *self);
char          *pa_application_dup_centre_path  (PaApplication *self);
void           pa_application_set_centre_path  (PaApplication *self,
                                                const char    *path);

G_END_DECLS
