/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pa-application.h"
#include "pa-store.h"

G_BEGIN_DECLS

#define PA_TYPE_WINDOW (pa_window_get_type ())
G_DECLARE_FINAL_TYPE (PaWindow, pa_window, PA, WINDOW, AdwApplicationWindow)

PaWindow *pa_window_new               (PaApplication *app);
PaStore  *pa_window_get_store         (PaWindow      *self);
gboolean  pa_window_get_demo          (PaWindow      *self);
void      pa_window_set_store         (PaWindow      *self,
                                       PaStore       *store,
                                       gboolean       demo);
gboolean  pa_window_open_store        (PaWindow      *self,
                                       const char    *path);
void      pa_window_show_store_error  (PaWindow      *self,
                                       const char    *path,
                                       const GError  *error);
void      pa_window_add_toast         (PaWindow      *self,
                                       AdwToast      *toast);
void      pa_window_show_view         (PaWindow      *self,
                                       const char    *view);
GtkWidget  *pa_window_get_view        (PaWindow      *self,
                                       const char    *view);
void        pa_window_export_case     (PaWindow      *self,
                                       const char    *what,
                                       const char    *path);
void        pa_window_set_help_page   (PaWindow      *self,
                                       const char    *page);
const char *pa_window_get_help_page   (PaWindow      *self);

G_END_DECLS
