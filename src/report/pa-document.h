/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "pa-layout.h"
#include "pa-pdf-writer.h"
#include "pa-report-data.h"

G_BEGIN_DECLS

/*
 * PaDocument: the pages of a report, as a sequence of layouts (a batch of
 * certificates is one layout per certificate), each page with its own size.
 * The same document draws a PDF file or the pages a print dialog asks for.
 */

#define PA_TYPE_DOCUMENT (pa_document_get_type ())
G_DECLARE_FINAL_TYPE (PaDocument, pa_document, PA, DOCUMENT, GObject)

PaDocument        *pa_document_new            (const char         *title);
void               pa_document_add            (PaDocument         *self,
                                               PaLayout           *layout);
const char        *pa_document_get_title      (PaDocument         *self);
int                pa_document_get_n_pages    (PaDocument         *self);
const PaPageSetup *pa_document_get_page_setup (PaDocument         *self,
                                               int                 page);
void               pa_document_draw_page      (PaDocument         *self,
                                               cairo_t            *cr,
                                               int                 page);
gboolean           pa_document_write_pdf      (PaDocument         *self,
                                               const char         *path,
                                               PaProgressFunc      progress,
                                               gpointer            user_data,
                                               GCancellable       *cancellable,
                                               GError            **error);

typedef enum
{
  PA_DOCUMENT_PORTFOLIO,
  PA_DOCUMENT_ATTENDANCE,
  PA_DOCUMENT_CERTIFICATES,
  PA_DOCUMENT_STATISTICS,
} PaDocumentKind;

char              *pa_document_title_for      (PaDocumentKind      kind,
                                               const char         *language,
                                               const char         *name);

/* Documents of each report, laid out for @setup (the attendance sheet turns
 * it to landscape when it has many sessions). */
PaDocument        *pa_document_new_portfolio  (const PaPortfolioData  *data,
                                               const PaPageSetup      *setup);
PaDocument        *pa_document_new_attendance (const PaAttendanceData *data,
                                               const PaPageSetup      *setup);
PaDocument        *pa_document_new_statistics (const PaStatistics     *stats,
                                               const PaPageSetup      *setup);
PaDocument        *pa_document_new_certificates (GPtrArray            *certificates,
                                               const PaPageSetup      *setup,
                                               PaProgressFunc          progress,
                                               gpointer                user_data,
                                               GCancellable           *cancellable,
                                               GError                **error);

G_END_DECLS
