/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "passerelle"

#include "config.h"

#include <glib/gi18n.h>

#include "pa-report-job.h"

struct _PaReportJob
{
  char *store_path;
  PaReportBuildFunc build;
  gpointer data;
  GDestroyNotify data_free;
  char *pdf_path;
  gint permille;   /* atomic: building is the first half when a PDF is written */
};

static void
job_clear (PaReportJob *job)
{
  if (job->data_free != NULL)
    job->data_free (job->data);
  g_free (job->store_path);
  g_free (job->pdf_path);
}

PaReportJob *
pa_report_job_new (PaStore           *store,
                   PaReportBuildFunc  build,
                   gpointer           data,
                   GDestroyNotify     data_free)
{
  PaReportJob *job;

  g_return_val_if_fail (PA_IS_STORE (store), NULL);
  g_return_val_if_fail (build != NULL, NULL);

  job = g_atomic_rc_box_new0 (PaReportJob);
  job->store_path = g_strdup (pa_store_get_path (store));
  job->build = build;
  job->data = data;
  job->data_free = data_free;
  return job;
}

PaReportJob *
pa_report_job_ref (PaReportJob *job)
{
  return g_atomic_rc_box_acquire (job);
}

void
pa_report_job_unref (PaReportJob *job)
{
  g_atomic_rc_box_release_full (job, (GDestroyNotify) job_clear);
}

static void
build_progress (double   fraction,
                gpointer user_data)
{
  PaReportJob *job = user_data;
  double share = job->pdf_path != NULL ? 0.5 : 1.0;

  g_atomic_int_set (&job->permille, (gint) (CLAMP (fraction, 0.0, 1.0) * share * 1000));
}

static void
write_progress (double   fraction,
                gpointer user_data)
{
  PaReportJob *job = user_data;

  g_atomic_int_set (&job->permille, 500 + (gint) (CLAMP (fraction, 0.0, 1.0) * 500));
}

static void
run_thread (GTask        *task,
            gpointer      source,
            gpointer      task_data,
            GCancellable *cancellable)
{
  PaReportJob *job = task_data;
  g_autoptr (PaStore) store = NULL;
  g_autoptr (PaDocument) document = NULL;
  GError *error = NULL;

  /* Its own connection: SQLite connections are not shared between threads. */
  store = pa_store_open (job->store_path, &error);
  if (store == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  document = job->build (store, job->data, build_progress, job, cancellable, &error);
  if (document == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  if (job->pdf_path != NULL &&
      !pa_document_write_pdf (document, job->pdf_path, write_progress, job, cancellable, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_atomic_int_set (&job->permille, 1000);
  g_task_return_pointer (task, g_steal_pointer (&document), g_object_unref);
}

/* Builds the document in a thread and, when @pdf_path is given, writes it. */
void
pa_report_job_run_async (PaReportJob         *job,
                         const char          *pdf_path,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (job != NULL);

  g_free (job->pdf_path);
  job->pdf_path = g_strdup (pdf_path);
  g_atomic_int_set (&job->permille, 0);
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_task_data (task, pa_report_job_ref (job), (GDestroyNotify) pa_report_job_unref);
  g_task_run_in_thread (task, run_thread);
}

PaDocument *
pa_report_job_run_finish (GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

double
pa_report_job_get_progress (PaReportJob *job)
{
  g_return_val_if_fail (job != NULL, 0.0);
  return g_atomic_int_get (&job->permille) / 1000.0;
}

static void
request_page_setup_cb (GtkPrintOperation *operation,
                       GtkPrintContext   *context,
                       int                page,
                       GtkPageSetup      *setup,
                       PaDocument        *document)
{
  const PaPageSetup *page_setup = pa_document_get_page_setup (document, page);
  double width = pa_page_setup_get_width (page_setup);
  double height = pa_page_setup_get_height (page_setup);
  g_autoptr (GtkPaperSize) paper = NULL;

  /* Landscape pages (a long attendance sheet) keep their orientation. */
  if (width > height)
    {
      paper = gtk_paper_size_new_custom ("passerelle", "passerelle", height, width, GTK_UNIT_POINTS);
      gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_LANDSCAPE);
    }
  else
    {
      paper = gtk_paper_size_new_custom ("passerelle", "passerelle", width, height, GTK_UNIT_POINTS);
      gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_PORTRAIT);
    }
  gtk_page_setup_set_paper_size (setup, paper);
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              PaDocument        *document)
{
  pa_document_draw_page (document, gtk_print_context_get_cairo_context (context), page);
}

/* Opens the print dialog for @document; the dialog has its own preview. */
gboolean
pa_report_print (GtkWindow   *parent,
                 PaDocument  *document,
                 GError     **error)
{
  g_autoptr (GtkPrintOperation) operation = gtk_print_operation_new ();
  GtkPrintOperationResult result;

  g_return_val_if_fail (PA_IS_DOCUMENT (document), FALSE);

  gtk_print_operation_set_job_name (operation, pa_document_get_title (document));
  gtk_print_operation_set_n_pages (operation, pa_document_get_n_pages (document));
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_embed_page_setup (operation, FALSE);
  g_signal_connect (operation, "request-page-setup", G_CALLBACK (request_page_setup_cb), document);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), document);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    parent, error);
  return result != GTK_PRINT_OPERATION_RESULT_ERROR;
}

/* The interface's language, which reports follow unless told otherwise. */
char *
pa_report_language (void)
{
  const char *const *names = g_get_language_names ();

  for (guint i = 0; names[i] != NULL; i++)
    {
      const char *name = names[i];

      if (g_str_equal (name, "C") || g_str_equal (name, "POSIX"))
        continue;
      if (g_ascii_isalpha (name[0]) && g_ascii_isalpha (name[1]) &&
          (name[2] == '\0' || name[2] == '_' || name[2] == '.' || name[2] == '@'))
        return g_ascii_strdown (name, 2);
    }
  return g_strdup ("fr");
}
