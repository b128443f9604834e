/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pa-case-page.h"

G_BEGIN_DECLS

#define PA_TYPE_EDUCATION_PAGE (pa_education_page_get_type ())
G_DECLARE_FINAL_TYPE (PaEducationPage, pa_education_page, PA, EDUCATION_PAGE, PaCasePage)

GtkWidget *pa_education_page_new (void);

G_END_DECLS
