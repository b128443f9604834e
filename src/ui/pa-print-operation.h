/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "pa-certificates.h"
#include "pa-document.h"
#include "pa-store.h"

G_BEGIN_DECLS

/*
 * PaPrintOperation: prints one of the reports through the system's print
 * dialog (with its preview), or exports it as PDF. The report is drawn by the
 * same code as `passerelle-cli report …`. Print settings and page setup are
 * remembered between runs in a key file of the user's configuration folder.
 *
 *   op = pa_print_operation_new_portfolio (store, case_id, "fr", "ar");
 *   if (pa_print_operation_run_dialog (op, window, &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
 *     show error->message in a toast;
 *
 *   pa_print_operation_export_pdf_with_chooser (op, window, cancellable, done_cb, self);
 *   (bind a progress bar to the "progress" property; done_cb calls
 *   pa_print_operation_export_pdf_finish() for the error, if any)
 */

typedef enum
{
  PA_REPORT_KIND_PORTFOLIO = PA_DOCUMENT_PORTFOLIO,
  PA_REPORT_KIND_ATTENDANCE = PA_DOCUMENT_ATTENDANCE,
  PA_REPORT_KIND_CERTIFICATES = PA_DOCUMENT_CERTIFICATES,
  PA_REPORT_KIND_STATISTICS = PA_DOCUMENT_STATISTICS,
} PaReportKind;

#define PA_TYPE_PRINT_OPERATION (pa_print_operation_get_type ())
G_DECLARE_FINAL_TYPE (PaPrintOperation, pa_print_operation, PA, PRINT_OPERATION,
                      GtkPrintOperation)

PaPrintOperation *pa_print_operation_new_portfolio    (PaStore      *store,
                                                       gint64        case_id,
                                                       const char   *lang,
                                                       const char   *second_lang);
PaPrintOperation *pa_print_operation_new_attendance   (PaStore      *store,
                                                       gint64        seminar_id,
                                                       const char   *lang);
PaPrintOperation *pa_print_operation_new_certificates (PaStore      *store,
                                                       gint64        seminar_id,
                                                       const char   *lang,
                                                       const char   *second_lang);
PaPrintOperation *pa_print_operation_new_case_certificate (PaStore   *store,
                                                       gint64        case_id,
                                                       const char   *lang,
                                                       const char   *second_lang);
PaPrintOperation *pa_print_operation_new_issued_certificate (PaStore                   *store,
                                                       const PaIssuedCertificate *certificate);
PaPrintOperation *pa_print_operation_new_statistics   (PaStore      *store,
                                                       const GDate  *from,
                                                       const GDate  *to,
                                                       const char   *lang);

PaReportKind      pa_print_operation_get_kind         (PaPrintOperation *self);
double            pa_print_operation_get_progress     (PaPrintOperation *self);
char             *pa_print_operation_get_settings_path (void);

gboolean          pa_print_operation_prepare          (PaPrintOperation *self,
                                                       GError          **error);
GtkPrintOperationResult pa_print_operation_run_dialog (PaPrintOperation *self,
                                                       GtkWindow        *parent,
                                                       GError          **error);

void              pa_print_operation_export_pdf_async (PaPrintOperation   *self,
                                                       const char         *path,
                                                       GCancellable       *cancellable,
                                                       GAsyncReadyCallback callback,
                                                       gpointer            user_data);
void              pa_print_operation_export_pdf_with_chooser (PaPrintOperation   *self,
                                                       GtkWindow          *parent,
                                                       GCancellable       *cancellable,
                                                       GAsyncReadyCallback callback,
                                                       gpointer            user_data);
char             *pa_print_operation_export_pdf_finish (PaPrintOperation *self,
                                                       GAsyncResult     *result,
                                                       GError          **error);

G_END_DECLS
