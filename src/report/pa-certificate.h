/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pa-certificate-data.h"
#include "pa-layout.h"
#include "pa-page-setup.h"

G_BEGIN_DECLS

/* The certificate page, drawn from PaCertificateData (core). */

const char        *pa_certificate_method_label    (PaReportI18n      *i18n,
                                                   const char        *method);

PaLayout          *pa_certificate_layout_new      (const PaCertificateData *data,
                                                   const PaPageSetup *setup,
                                                   GError           **error);
gboolean           pa_certificate_render          (const PaCertificateData *data,
                                                   cairo_t           *cr,
                                                   const PaPageSetup *setup,
                                                   GError           **error);
gboolean           pa_certificate_write_pdf       (const PaCertificateData *data,
                                                   const char        *path,
                                                   PaPaper            paper,
                                                   GError           **error);
gboolean           pa_certificate_write_pdf_batch (GPtrArray         *certificates,
                                                   const char        *path,
                                                   PaPaper            paper,
                                                   GError           **error);


G_END_DECLS
