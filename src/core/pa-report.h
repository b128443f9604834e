/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define PA_REPORT_ERROR (pa_report_error_quark ())

typedef enum
{
  PA_REPORT_ERROR_INVALID,      /* bad input: missing field, invalid text or number */
  PA_REPORT_ERROR_IMAGE,        /* an image (logo) could not be read */
  PA_REPORT_ERROR_DOES_NOT_FIT, /* a one-page report does not fit on one page */
  PA_REPORT_ERROR_WRITE,        /* the PDF could not be written */
  PA_REPORT_ERROR_FAILED,       /* Cairo failed */
} PaReportError;

GQuark pa_report_error_quark (void);

G_END_DECLS
