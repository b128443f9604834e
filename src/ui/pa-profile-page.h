/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pa-case-page.h"

G_BEGIN_DECLS

#define PA_TYPE_PROFILE_PAGE (pa_profile_page_get_type ())
G_DECLARE_FINAL_TYPE (PaProfilePage, pa_profile_page, PA, PROFILE_PAGE, PaCasePage)

GtkWidget *pa_profile_page_new        (void);
void       pa_profile_page_focus_name (PaProfilePage *self);

G_END_DECLS
