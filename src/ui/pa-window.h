/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pa-application.h"
#include "pa-store.h"

G_BEGIN_DECLS

#define PA_TYPE_WINDOW (pa_window_get_type ())
G_DECLARE_FINAL_TYPE (PaWindow, pa_window, PA, WINDOW, AdwApplicationWindow)

PaWindow *pa_window_new (PaApplication *app,
                         PaStore       *store,
                         const GError  *open_error);

G_END_DECLS
