/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "passerelle-report"

#include "config.h"

#include <cairo-pdf.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "pa-pdf-writer.h"
#include "pa-report.h"

struct _PaPdfWriter
{
  char *path;
  GFile *file;
  GOutputStream *stream;     /* replaces the file only when closed without error */
  GCancellable *abort;
  GError *write_error;
  cairo_surface_t *surface;
  cairo_t *cr;
  guint n_pages;
  gboolean existed;
  gboolean finished;
};

/* Leaves the file as it was: GIO drops its temporary copy when closing is
 * cancelled; a file that did not exist before is written in place, so it is
 * removed. */
static void
abort_output (PaPdfWriter *writer)
{
  if (writer->stream == NULL || g_output_stream_is_closed (writer->stream))
    return;
  g_cancellable_cancel (writer->abort);
  g_output_stream_close (writer->stream, writer->abort, NULL);
  if (!writer->existed)
    g_file_delete (writer->file, NULL, NULL);
}

static cairo_status_t
write_cb (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  PaPdfWriter *writer = closure;

  if (writer->write_error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;
  if (!g_output_stream_write_all (writer->stream, data, length, NULL, NULL, &writer->write_error))
    return CAIRO_STATUS_WRITE_ERROR;
  return CAIRO_STATUS_SUCCESS;
}

static void
set_write_error (PaPdfWriter  *writer,
                 GError      **error)
{
  if (writer->write_error != NULL)
    g_set_error (error, PA_REPORT_ERROR, PA_REPORT_ERROR_WRITE,
                 _("Could not write “%s”: %s"), writer->path, writer->write_error->message);
  else
    g_set_error (error, PA_REPORT_ERROR, PA_REPORT_ERROR_FAILED,
                 _("Could not make the PDF “%s”: %s"), writer->path,
                 cairo_status_to_string (cairo_surface_status (writer->surface)));
}

/**
 * pa_pdf_writer_new:
 * @path: the PDF to write; replaced only once the whole document is written
 * @info: (nullable): title, author and date
 * @error: return location for an error
 *
 * Returns: (transfer full): a writer to add reports to, or %NULL when @path
 * cannot be written.
 */
PaPdfWriter *
pa_pdf_writer_new (const char       *path,
                   const PaPdfInfo  *info,
                   GError          **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autoptr (GOutputStream) file_stream = NULL;
  PaPdfWriter *writer;
  char date[32] = "2000-01-01T00:00:00Z";

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  writer = g_new0 (PaPdfWriter, 1);
  writer->path = g_strdup (path);
  writer->file = g_file_new_for_path (path);
  writer->abort = g_cancellable_new ();
  writer->existed = g_file_query_exists (writer->file, NULL);
  file_stream = G_OUTPUT_STREAM (g_file_replace (writer->file, NULL, FALSE,
                                                 G_FILE_CREATE_REPLACE_DESTINATION, NULL,
                                                 &local_error));
  if (file_stream != NULL)
    /* Cairo writes in small pieces; one system call per piece is slow. */
    writer->stream = g_buffered_output_stream_new_sized (file_stream, 64 * 1024);
  if (writer->stream == NULL)
    {
      g_set_error (error, PA_REPORT_ERROR, PA_REPORT_ERROR_WRITE, _("Could not write “%s”: %s"),
                   path, local_error->message);
      pa_pdf_writer_free (writer);
      return NULL;
    }

  /* Page size is set per page; this is only the first page's default. */
  writer->surface = cairo_pdf_surface_create_for_stream (write_cb, writer, 595.0, 842.0);
  cairo_pdf_surface_restrict_to_version (writer->surface, CAIRO_PDF_VERSION_1_5);

  /* Cairo writes the time of day unless told a date: tell it one, so two
   * runs on the same input give the same bytes. */
  if (info != NULL && info->date != NULL && g_date_valid (info->date))
    g_snprintf (date, sizeof date, "%04u-%02u-%02uT00:00:00Z", g_date_get_year (info->date),
                g_date_get_month (info->date), g_date_get_day (info->date));
  cairo_pdf_surface_set_metadata (writer->surface, CAIRO_PDF_METADATA_CREATE_DATE, date);
  cairo_pdf_surface_set_metadata (writer->surface, CAIRO_PDF_METADATA_MOD_DATE, date);
  cairo_pdf_surface_set_metadata (writer->surface, CAIRO_PDF_METADATA_CREATOR,
                                  "Passerelle " PACKAGE_VERSION);
  if (info != NULL && info->title != NULL)
    cairo_pdf_surface_set_metadata (writer->surface, CAIRO_PDF_METADATA_TITLE, info->title);
  if (info != NULL && info->author != NULL)
    cairo_pdf_surface_set_metadata (writer->surface, CAIRO_PDF_METADATA_AUTHOR, info->author);
  if (info != NULL && info->subject != NULL)
    cairo_pdf_surface_set_metadata (writer->surface, CAIRO_PDF_METADATA_SUBJECT, info->subject);
  if (info != NULL && info->keywords != NULL)
    cairo_pdf_surface_set_metadata (writer->surface, CAIRO_PDF_METADATA_KEYWORDS,
                                    info->keywords);
  writer->cr = cairo_create (writer->surface);
  return writer;
}

/**
 * pa_pdf_writer_add:
 * @writer: a writer
 * @layout: a report; its pages are appended
 * @error: return location for an error
 *
 * Returns: %TRUE when the pages were added.
 */
gboolean
pa_pdf_writer_add (PaPdfWriter  *writer,
                   PaLayout     *layout,
                   GError      **error)
{
  const PaPageSetup *setup;
  int n_pages;

  g_return_val_if_fail (writer != NULL && !writer->finished, FALSE);
  g_return_val_if_fail (PA_IS_LAYOUT (layout), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  setup = pa_layout_get_page_setup (layout);
  n_pages = pa_layout_paginate (layout);
  for (int page = 0; page < n_pages; page++)
    {
      cairo_pdf_surface_set_size (writer->surface, pa_page_setup_get_width (setup),
                                  pa_page_setup_get_height (setup));
      pa_layout_draw_page (layout, writer->cr, page);
      cairo_show_page (writer->cr);
      writer->n_pages++;
      if (cairo_status (writer->cr) != CAIRO_STATUS_SUCCESS || writer->write_error != NULL)
        {
          set_write_error (writer, error);
          return FALSE;
        }
    }
  return TRUE;
}

/**
 * pa_pdf_writer_finish:
 * @writer: a writer with at least one page
 * @error: return location for an error
 *
 * Completes the PDF and puts it in place of any older file.
 *
 * Returns: %TRUE when the file was written.
 */
gboolean
pa_pdf_writer_finish (PaPdfWriter  *writer,
                      GError      **error)
{
  g_autoptr (GError) local_error = NULL;

  g_return_val_if_fail (writer != NULL && !writer->finished, FALSE);
  g_return_val_if_fail (writer->n_pages > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  writer->finished = TRUE;
  g_clear_pointer (&writer->cr, cairo_destroy);
  cairo_surface_finish (writer->surface);
  if (cairo_surface_status (writer->surface) != CAIRO_STATUS_SUCCESS || writer->write_error != NULL)
    {
      set_write_error (writer, error);
      abort_output (writer);
      return FALSE;
    }
  if (!g_output_stream_close (writer->stream, NULL, &local_error))
    {
      g_set_error (error, PA_REPORT_ERROR, PA_REPORT_ERROR_WRITE, _("Could not write “%s”: %s"),
                   writer->path, local_error->message);
      return FALSE;
    }
  return TRUE;
}

/**
 * pa_pdf_writer_free:
 * @writer: a writer
 *
 * Frees @writer. Unless it was finished, the file is left as it was.
 */
void
pa_pdf_writer_free (PaPdfWriter *writer)
{
  if (writer == NULL)
    return;
  g_clear_pointer (&writer->cr, cairo_destroy);
  if (writer->surface != NULL)
    {
      if (!writer->finished)
        {
          /* Stop Cairo's output, then drop the half-written temporary file. */
          if (writer->write_error == NULL)
            writer->write_error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, "");
          cairo_surface_finish (writer->surface);
        }
      cairo_surface_destroy (writer->surface);
    }
  abort_output (writer);
  g_clear_object (&writer->stream);
  g_clear_object (&writer->file);
  g_clear_object (&writer->abort);
  g_clear_error (&writer->write_error);
  g_free (writer->path);
  g_free (writer);
}

/**
 * pa_layout_write_pdf:
 * @layout: a report
 * @path: the PDF file to write
 * @info: (nullable): title, author and date
 * @error: return location for an error
 *
 * Returns: %TRUE when the file was written; on error an older file at @path
 * is left untouched.
 */
gboolean
pa_layout_write_pdf (PaLayout         *layout,
                     const char       *path,
                     const PaPdfInfo  *info,
                     GError          **error)
{
  g_autoptr (PaPdfWriter) writer = NULL;

  g_return_val_if_fail (PA_IS_LAYOUT (layout), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  writer = pa_pdf_writer_new (path, info, error);
  return writer != NULL && pa_pdf_writer_add (writer, layout, error)
         && pa_pdf_writer_finish (writer, error);
}
