/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "pa-document.h"
#include "pa-store.h"

G_BEGIN_DECLS

/*
 * Reports built away from the interface: a thread opens its own connection
 * to the store, builds the document (reporting progress, stopping when
 * cancelled) and, when given a path, writes the PDF. The interface polls the
 * progress (pa_report_job_get_progress) and gets the document back to print.
 */

typedef PaDocument *(*PaReportBuildFunc) (PaStore         *store,
                                          gpointer         data,
                                          PaProgressFunc   progress,
                                          gpointer         progress_data,
                                          GCancellable    *cancellable,
                                          GError         **error);

typedef struct _PaReportJob PaReportJob;

PaReportJob *pa_report_job_new          (PaStore             *store,
                                         PaReportBuildFunc    build,
                                         gpointer             data,
                                         GDestroyNotify       data_free);
PaReportJob *pa_report_job_ref          (PaReportJob         *job);
void         pa_report_job_unref        (PaReportJob         *job);
void         pa_report_job_run_async    (PaReportJob         *job,
                                         const char          *pdf_path,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
PaDocument  *pa_report_job_run_finish   (GAsyncResult        *result,
                                         GError             **error);
/* How far the running job is, from 0 to 1 (call from the main thread). */
double       pa_report_job_get_progress (PaReportJob         *job);

/* Opens the print dialog (with its preview) for @document. */
gboolean     pa_report_print            (GtkWindow           *parent,
                                         PaDocument          *document,
                                         GError             **error);

/* The language reports are printed in: the interface's. */
char        *pa_report_language         (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PaReportJob, pa_report_job_unref)

G_END_DECLS
