/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pa-case-page.h"

G_BEGIN_DECLS

#define PA_TYPE_SESSIONS_PAGE (pa_sessions_page_get_type ())
G_DECLARE_FINAL_TYPE (PaSessionsPage, pa_sessions_page, PA, SESSIONS_PAGE, PaCasePage)

GtkWidget *pa_sessions_page_new (void);

G_END_DECLS
