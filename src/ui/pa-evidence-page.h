/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pa-case-page.h"
#include "pa-records.h"

G_BEGIN_DECLS

#define PA_TYPE_EVIDENCE_PAGE (pa_evidence_page_get_type ())
G_DECLARE_FINAL_TYPE (PaEvidencePage, pa_evidence_page, PA, EVIDENCE_PAGE, PaCasePage)

GtkWidget  *pa_evidence_page_new             (void);
void        pa_evidence_page_attach_file     (PaEvidencePage      *self,
                                              GFile               *file);
gboolean    pa_evidence_page_is_busy         (PaEvidencePage      *self);

/* Reading a file to attach, in a worker thread: the result is a PaEvidence
 * with its title, kind, file name, type and content, not stored yet. */
void        pa_evidence_read_file_async      (GFile               *file,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
PaEvidence *pa_evidence_read_file_finish     (GAsyncResult        *result,
                                              GError             **error);

G_END_DECLS
