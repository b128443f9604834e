/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pa-labour.h"
#include "pa-vacancy-match.h"

G_BEGIN_DECLS

#define PA_SHORTAGE_NS "http://passerelle.org/ns/shortage/1"
#define PA_CATALOGUE_NS "http://passerelle.org/ns/catalogue/1"
#define PA_VACANCY_NS "http://passerelle.org/ns/vacancy/1"

GPtrArray      *pa_catalogue_read         (const char      *path,
                                           GError         **error);
gboolean        pa_catalogue_import       (PaStore         *store,
                                           const char      *path,
                                           guint           *n_modules,
                                           GError         **error);
gboolean        pa_catalogue_export       (PaStore         *store,
                                           const char      *path,
                                           GError         **error);
PaShortageList *pa_shortage_list_read     (const char      *path,
                                           const char      *region,
                                           GError         **error);
void            pa_shortage_list_preview  (PaStore         *store,
                                           PaShortageList  *list,
                                           GPtrArray      **added,
                                           GPtrArray      **removed);
gboolean        pa_shortlist_write_csv    (PaStore         *store,
                                           GPtrArray       *candidates,
                                           gint64           vacancy_id,
                                           const char      *path,
                                           GError         **error);
PaVacancy      *pa_vacancy_read           (const char      *path,
                                           GError         **error);

G_END_DECLS
