/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pa-case-page.h"

G_BEGIN_DECLS

#define PA_TYPE_LANGUAGES_PAGE (pa_languages_page_get_type ())
G_DECLARE_FINAL_TYPE (PaLanguagesPage, pa_languages_page, PA, LANGUAGES_PAGE, PaCasePage)

GtkWidget *pa_languages_page_new (void);

G_END_DECLS
