/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pa-store.h"

G_BEGIN_DECLS

/* Called once with the occupation chosen (ESCO occupation or ISCO group),
 * or not at all when the trainer closes the chooser. */
typedef void (*PaOccupationChosenFunc) (const char *uri,
                                        const char *label,
                                        gpointer    user_data);

GtkWindow *pa_occupation_chooser_run (GtkWindow              *parent,
                                      PaStore                *store,
                                      PaOccupationChosenFunc  callback,
                                      gpointer                user_data);

G_END_DECLS
