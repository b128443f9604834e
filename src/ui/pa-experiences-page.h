/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pa-case-page.h"

G_BEGIN_DECLS

#define PA_TYPE_EXPERIENCES_PAGE (pa_experiences_page_get_type ())
G_DECLARE_FINAL_TYPE (PaExperiencesPage, pa_experiences_page, PA, EXPERIENCES_PAGE, PaCasePage)

GtkWidget *pa_experiences_page_new (void);

G_END_DECLS
