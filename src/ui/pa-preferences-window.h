/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pa-store.h"

G_BEGIN_DECLS

#define PA_TYPE_PREFERENCES_WINDOW (pa_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (PaPreferencesWindow, pa_preferences_window, PA, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

GtkWidget *pa_preferences_window_new (PaStore    *store,
                                      gboolean    demo,
                                      const char *centre_path);

G_END_DECLS
