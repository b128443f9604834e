/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pa-case-page.h"

G_BEGIN_DECLS

#define PA_TYPE_EVIDENCE_PAGE (pa_evidence_page_get_type ())
G_DECLARE_FINAL_TYPE (PaEvidencePage, pa_evidence_page, PA, EVIDENCE_PAGE, PaCasePage)

GtkWidget *pa_evidence_page_new (void);

G_END_DECLS
