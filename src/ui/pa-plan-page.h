/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pa-case-page.h"

G_BEGIN_DECLS

#define PA_TYPE_PLAN_PAGE (pa_plan_page_get_type ())
G_DECLARE_FINAL_TYPE (PaPlanPage, pa_plan_page, PA, PLAN_PAGE, PaCasePage)

GtkWidget *pa_plan_page_new (void);

G_END_DECLS
