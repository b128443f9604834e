/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PA_TYPE_VIEW_SWITCHER (pa_view_switcher_get_type ())
G_DECLARE_FINAL_TYPE (PaViewSwitcher, pa_view_switcher, PA, VIEW_SWITCHER, GtkWidget)

GtkWidget  *pa_view_switcher_new          (void);
void        pa_view_switcher_set_title    (PaViewSwitcher *self,
                                           const char     *title);
void        pa_view_switcher_set_subtitle (PaViewSwitcher *self,
                                           const char     *subtitle);

G_END_DECLS
