/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pa-case-page.h"

G_BEGIN_DECLS

#define PA_TYPE_COMPETENCES_PAGE (pa_competences_page_get_type ())
G_DECLARE_FINAL_TYPE (PaCompetencesPage, pa_competences_page, PA, COMPETENCES_PAGE, PaCasePage)

GtkWidget *pa_competences_page_new                 (void);
gboolean   pa_competences_page_is_suggesting       (PaCompetencesPage *self);
guint      pa_competences_page_get_n_suggestions   (PaCompetencesPage *self);
GtkWidget *pa_competences_page_get_claim_row       (PaCompetencesPage *self,
                                                    const char        *item_uri);
GtkWindow *pa_competences_page_advance             (PaCompetencesPage *self,
                                                    gint64             claim_id);

G_END_DECLS
