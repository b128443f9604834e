/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pa-case-page.h"

G_BEGIN_DECLS

#define PA_TYPE_MATCHES_PAGE (pa_matches_page_get_type ())
G_DECLARE_FINAL_TYPE (PaMatchesPage, pa_matches_page, PA, MATCHES_PAGE, PaCasePage)

GtkWidget *pa_matches_page_new (void);

G_END_DECLS
