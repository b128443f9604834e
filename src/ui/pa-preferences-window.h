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
gboolean   pa_preferences_window_set_logo (PaPreferencesWindow *self,
                                           const char          *path);
void       pa_preferences_window_import_esco (PaPreferencesWindow *self,
                                              const char          *path);
gboolean   pa_preferences_window_get_importing (PaPreferencesWindow *self);

G_END_DECLS
