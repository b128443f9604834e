/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "passerelle-report"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "pa-attendance.h"
#include "pa-certificate.h"
#include "pa-document.h"
#include "pa-portfolio.h"
#include "pa-report.h"
#include "pa-statistics.h"

struct _PaDocument
{
  GObject parent_instance;
  char *title;
  GPtrArray *layouts;        /* PaLayout*, paginated */
  GArray *first_pages;       /* int: the document's page each layout starts on */
  int n_pages;
};

G_DEFINE_FINAL_TYPE (PaDocument, pa_document, G_TYPE_OBJECT)

static void
pa_document_finalize (GObject *object)
{
  PaDocument *self = PA_DOCUMENT (object);

  g_free (self->title);
  g_ptr_array_unref (self->layouts);
  g_array_unref (self->first_pages);
  G_OBJECT_CLASS (pa_document_parent_class)->finalize (object);
}

static void
pa_document_class_init (PaDocumentClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pa_document_finalize;
}

static void
pa_document_init (PaDocument *self)
{
  self->layouts = g_ptr_array_new_with_free_func (g_object_unref);
  self->first_pages = g_array_new (FALSE, FALSE, sizeof (int));
}

/**
 * pa_document_new:
 * @title: (nullable): the title, written into the PDF's properties
 *
 * Returns: (transfer full): an empty document.
 */
PaDocument *
pa_document_new (const char *title)
{
  PaDocument *self = g_object_new (PA_TYPE_DOCUMENT, NULL);

  self->title = g_strdup (title);
  return self;
}

/**
 * pa_document_add:
 * @layout: a report; its pages are appended (the document takes a reference)
 */
void
pa_document_add (PaDocument *self,
                 PaLayout   *layout)
{
  g_return_if_fail (PA_IS_DOCUMENT (self));
  g_return_if_fail (PA_IS_LAYOUT (layout));

  g_array_append_val (self->first_pages, self->n_pages);
  g_ptr_array_add (self->layouts, g_object_ref (layout));
  self->n_pages += pa_layout_paginate (layout);
}

const char *
pa_document_get_title (PaDocument *self)
{
  g_return_val_if_fail (PA_IS_DOCUMENT (self), NULL);
  return self->title;
}

int
pa_document_get_n_pages (PaDocument *self)
{
  g_return_val_if_fail (PA_IS_DOCUMENT (self), 0);
  return self->n_pages;
}

/* The layout holding @page, and the page's number in it. */
static PaLayout *
find_page (PaDocument *self,
           int         page,
           int        *local)
{
  guint lo = 0, hi = self->layouts->len;

  /* The last layout that starts at or before @page. */
  while (hi - lo > 1)
    {
      guint mid = (lo + hi) / 2;

      if (g_array_index (self->first_pages, int, mid) <= page)
        lo = mid;
      else
        hi = mid;
    }
  *local = page - g_array_index (self->first_pages, int, lo);
  return self->layouts->pdata[lo];
}

/**
 * pa_document_get_page_setup:
 * @page: a page, from 0
 *
 * Returns: (transfer none): the size and margins of @page.
 */
const PaPageSetup *
pa_document_get_page_setup (PaDocument *self,
                            int         page)
{
  int local;

  g_return_val_if_fail (PA_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (page >= 0 && page < self->n_pages, NULL);

  return pa_layout_get_page_setup (find_page (self, page, &local));
}

/**
 * pa_document_draw_page:
 * @cr: a context whose user space is the page, in points from its top left
 *   corner
 * @page: a page, from 0
 */
void
pa_document_draw_page (PaDocument *self,
                       cairo_t    *cr,
                       int         page)
{
  PaLayout *layout;
  int local;

  g_return_if_fail (PA_IS_DOCUMENT (self));
  g_return_if_fail (page >= 0 && page < self->n_pages);

  layout = find_page (self, page, &local);
  pa_layout_draw_page (layout, cr, local);
}

/**
 * pa_document_write_pdf:
 * @path: the PDF; replaced only once the whole document is written, and left
 *   as it was on error or when cancelled
 * @progress: (nullable): called after each layout
 * @cancellable: (nullable): stops between two layouts
 *
 * Writes the document with a fixed date in its properties, so the same
 * document gives the same bytes.
 *
 * Returns: %TRUE when the file was written.
 */
gboolean
pa_document_write_pdf (PaDocument      *self,
                       const char      *path,
                       PaProgressFunc   progress,
                       gpointer         user_data,
                       GCancellable    *cancellable,
                       GError         **error)
{
  g_autoptr (PaPdfWriter) writer = NULL;
  PaPdfInfo info = { self->title, NULL, NULL, NULL, NULL };

  g_return_val_if_fail (PA_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (self->n_pages > 0, FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  writer = pa_pdf_writer_new (path, &info, error);
  if (writer == NULL)
    return FALSE;
  for (guint i = 0; i < self->layouts->len; i++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
          !pa_pdf_writer_add (writer, self->layouts->pdata[i], error))
        return FALSE;
      if (progress != NULL)
        progress ((double) (i + 1) / self->layouts->len, user_data);
    }
  return pa_pdf_writer_finish (writer, error);
}

/* the reports */

/**
 * pa_document_title_for:
 * @kind: what the report is
 * @language: its language
 * @name: (nullable): the participant's name (portfolio) or the seminar's
 *   title (attendance sheet)
 *
 * Returns: (transfer full): the report's title, for the PDF's properties, a
 * print job or a file name.
 */
char *
pa_document_title_for (PaDocumentKind  kind,
                       const char     *language,
                       const char     *name)
{
  g_autoptr (PaReportI18n) i18n = pa_report_i18n_new (language);

  switch (kind)
    {
    case PA_DOCUMENT_PORTFOLIO:
      return pa_report_expand (pa_report_gettext (i18n, "Competence portfolio · {name}"), "name",
                               name ? name : "", NULL);
    case PA_DOCUMENT_ATTENDANCE:
      return pa_report_expand (pa_report_gettext (i18n, "Attendance sheet · {seminar}"),
                               "seminar", name ? name : "", NULL);
    case PA_DOCUMENT_CERTIFICATES:
      return g_strdup (pa_report_gettext (i18n, "Certificate of recognised competences"));
    case PA_DOCUMENT_STATISTICS:
    default:
      return g_strdup (pa_report_gettext (i18n, "Activity statistics"));
    }
}

PaDocument *
pa_document_new_portfolio (const PaPortfolioData *data,
                           const PaPageSetup     *setup)
{
  g_autoptr (PaLayout) layout = NULL;
  g_autofree char *title = NULL;
  PaDocument *self;

  g_return_val_if_fail (data != NULL && setup != NULL, NULL);

  title = pa_document_title_for (PA_DOCUMENT_PORTFOLIO, data->language, data->participant_name);
  self = pa_document_new (title);
  layout = pa_portfolio_layout_new (data, setup);
  pa_document_add (self, layout);
  return self;
}

PaDocument *
pa_document_new_attendance (const PaAttendanceData *data,
                            const PaPageSetup      *setup)
{
  g_autoptr (PaLayout) layout = NULL;
  g_autofree char *title = NULL;
  PaDocument *self;

  g_return_val_if_fail (data != NULL && setup != NULL, NULL);

  title = pa_document_title_for (PA_DOCUMENT_ATTENDANCE, data->language, data->title);
  self = pa_document_new (title);
  layout = pa_attendance_layout_new (data, setup);
  pa_document_add (self, layout);
  return self;
}

PaDocument *
pa_document_new_statistics (const PaStatistics *stats,
                            const PaPageSetup  *setup)
{
  g_autoptr (PaLayout) layout = NULL;
  g_autofree char *title = NULL;
  PaDocument *self;

  g_return_val_if_fail (stats != NULL && setup != NULL, NULL);

  title = pa_document_title_for (PA_DOCUMENT_STATISTICS, stats->language, NULL);
  self = pa_document_new (title);
  layout = pa_statistics_layout_new (stats, setup);
  pa_document_add (self, layout);
  return self;
}

/**
 * pa_document_new_certificates:
 * @certificates: (element-type PaCertificateData): certificates, one page each
 * @progress: (nullable): called after each certificate
 * @cancellable: (nullable): stops between two certificates
 *
 * Returns: (transfer full): the document, or %NULL when a certificate cannot
 * be laid out or it was cancelled.
 */
PaDocument *
pa_document_new_certificates (GPtrArray          *certificates,
                              const PaPageSetup  *setup,
                              PaProgressFunc      progress,
                              gpointer            user_data,
                              GCancellable       *cancellable,
                              GError            **error)
{
  g_autoptr (PaDocument) self = NULL;
  g_autofree char *title = NULL;
  const PaCertificateData *first;

  g_return_val_if_fail (certificates != NULL && certificates->len > 0, NULL);
  g_return_val_if_fail (setup != NULL, NULL);

  first = certificates->pdata[0];
  title = pa_document_title_for (PA_DOCUMENT_CERTIFICATES, first->language, NULL);
  self = pa_document_new (title);
  for (guint i = 0; i < certificates->len; i++)
    {
      g_autoptr (PaLayout) layout = NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      layout = pa_certificate_layout_new (certificates->pdata[i], setup, error);
      if (layout == NULL)
        return NULL;
      pa_document_add (self, layout);
      if (progress != NULL)
        progress ((double) (i + 1) / certificates->len, user_data);
    }
  return g_steal_pointer (&self);
}
