/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "passerelle"

#include "config.h"

#include <glib/gi18n.h>
#include <errno.h>
#include <glib/gstdio.h>

#include "pa-document.h"
#include "pa-print-operation.h"
#include "pa-report-data.h"

#define SETTINGS_GROUP "Print Settings"
#define PAGE_SETUP_GROUP "Page Setup"

/* What to print: enough to gather the report again, in another thread with
 * its own store connection. */
typedef struct
{
  PaReportKind kind;
  char *store_path;
  gint64 actor;
  gint64 id;                 /* case or seminar */
  gboolean one_case;         /* certificates: of the case @id, not of a seminar */
  char *number;              /* certificates: this one, already issued */
  char *lang;
  char *second_lang;
  GDate from;
  GDate to;
} Request;

struct _PaPrintOperation
{
  GtkPrintOperation parent_instance;

  PaStore *store;
  Request request;
  gpointer data;             /* the report's data once prepared */
  GDestroyNotify data_free;
  PaDocument *document;      /* laid out for the print dialog's paper */
  char *title;               /* the report's, once prepared */
  double progress;
};

G_DEFINE_FINAL_TYPE (PaPrintOperation, pa_print_operation, GTK_TYPE_PRINT_OPERATION)

enum
{
  PROP_0,
  PROP_PROGRESS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* helpers */

static void
request_clear (Request *request)
{
  g_free (request->store_path);
  g_free (request->lang);
  g_free (request->second_lang);
  g_free (request->number);
}

static void
request_copy (Request       *to,
              const Request *from)
{
  *to = *from;
  to->store_path = g_strdup (from->store_path);
  to->lang = g_strdup (from->lang);
  to->second_lang = g_strdup (from->second_lang);
  to->number = g_strdup (from->number);
}

/**
 * pa_print_operation_get_settings_path:
 *
 * Returns: (transfer full): the key file where print settings and page setup
 * are remembered.
 */
char *
pa_print_operation_get_settings_path (void)
{
  return g_build_filename (g_get_user_config_dir (), "passerelle", "print.ini", NULL);
}

static void
load_settings (PaPrintOperation *self)
{
  g_autoptr (GKeyFile) file = g_key_file_new ();
  g_autofree char *path = pa_print_operation_get_settings_path ();
  g_autoptr (GtkPrintSettings) settings = NULL;
  g_autoptr (GtkPageSetup) page_setup = NULL;

  /* A missing or unreadable file means the system's defaults. */
  if (!g_key_file_load_from_file (file, path, G_KEY_FILE_KEEP_COMMENTS, NULL))
    return;
  settings = gtk_print_settings_new_from_key_file (file, SETTINGS_GROUP, NULL);
  if (settings != NULL)
    gtk_print_operation_set_print_settings (GTK_PRINT_OPERATION (self), settings);
  page_setup = gtk_page_setup_new_from_key_file (file, PAGE_SETUP_GROUP, NULL);
  if (page_setup != NULL)
    gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (self), page_setup);
}

static void
save_settings (PaPrintOperation *self)
{
  g_autoptr (GKeyFile) file = g_key_file_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *path = pa_print_operation_get_settings_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  GtkPrintSettings *settings = gtk_print_operation_get_print_settings (GTK_PRINT_OPERATION (self));
  GtkPageSetup *page_setup = gtk_print_operation_get_default_page_setup (GTK_PRINT_OPERATION (self));

  g_key_file_load_from_file (file, path, G_KEY_FILE_KEEP_COMMENTS, NULL);
  if (settings != NULL)
    gtk_print_settings_to_key_file (settings, file, SETTINGS_GROUP);
  if (page_setup != NULL)
    gtk_page_setup_to_key_file (page_setup, file, PAGE_SETUP_GROUP);
  /* Remembering is a convenience: failing to is not worth interrupting the
   * user, who has their printout. */
  if (g_mkdir_with_parents (dir, 0700) != 0 || !g_key_file_save_to_file (file, path, &error))
    g_message ("Could not remember the print settings in %s: %s", path,
               error ? error->message : g_strerror (errno));
}

/* The report's data, gathered from @store. */
static gpointer
gather (const Request   *request,
        PaStore         *store,
        GDestroyNotify  *free_func,
        PaProgressFunc   progress,
        gpointer         user_data,
        GCancellable    *cancellable,
        GError         **error)
{
  switch (request->kind)
    {
    case PA_REPORT_KIND_PORTFOLIO:
      *free_func = (GDestroyNotify) pa_portfolio_data_free;
      return pa_store_portfolio_build (store, request->id, request->lang, request->second_lang,
                                       error);
    case PA_REPORT_KIND_ATTENDANCE:
      *free_func = (GDestroyNotify) pa_attendance_data_free;
      return pa_store_attendance_build (store, request->id, request->lang, error);
    case PA_REPORT_KIND_CERTIFICATES:
      *free_func = (GDestroyNotify) g_ptr_array_unref;
      if (request->number != NULL)
        return pa_store_issued_certificates (store, request->number, error);
      if (request->one_case)
        return pa_store_case_certificates (store, request->id, request->lang,
                                           request->second_lang, error);
      return pa_store_seminar_certificates (store, request->id, request->lang,
                                            request->second_lang, progress, user_data,
                                            cancellable, error);
    case PA_REPORT_KIND_STATISTICS:
      *free_func = (GDestroyNotify) pa_statistics_free;
      return pa_store_statistics_build (store, &request->from, &request->to, request->lang,
                                        error);
    default:
      g_assert_not_reached ();
    }
}

static PaDocument *
lay_out (PaReportKind       kind,
         gpointer           data,
         const PaPageSetup *setup,
         GCancellable      *cancellable,
         GError           **error)
{
  switch (kind)
    {
    case PA_REPORT_KIND_PORTFOLIO:
      return pa_document_new_portfolio (data, setup);
    case PA_REPORT_KIND_ATTENDANCE:
      return pa_document_new_attendance (data, setup);
    case PA_REPORT_KIND_CERTIFICATES:
      return pa_document_new_certificates (data, setup, NULL, NULL, cancellable, error);
    case PA_REPORT_KIND_STATISTICS:
      return pa_document_new_statistics (data, setup);
    default:
      g_assert_not_reached ();
    }
}

/* The paper of @page_setup, with the reports' own margins, in portrait. */
static PaPageSetup *
report_page_setup (GtkPageSetup *page_setup)
{
  GtkPaperSize *paper;
  double width, height;

  if (page_setup == NULL)
    return pa_page_setup_new (PA_PAPER_A4);
  paper = gtk_page_setup_get_paper_size (page_setup);
  if (g_str_equal (gtk_paper_size_get_name (paper), GTK_PAPER_NAME_A4))
    return pa_page_setup_new (PA_PAPER_A4);
  if (g_str_equal (gtk_paper_size_get_name (paper), GTK_PAPER_NAME_LETTER))
    return pa_page_setup_new (PA_PAPER_LETTER);
  width = gtk_paper_size_get_width (paper, GTK_UNIT_POINTS);
  height = gtk_paper_size_get_height (paper, GTK_UNIT_POINTS);
  return pa_page_setup_new_custom (MIN (width, height), MAX (width, height));
}

static void
set_progress (PaPrintOperation *self,
              double            progress)
{
  if (self->progress == progress)
    return;
  self->progress = progress;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRESS]);
}

/* print dialog */

static void
pa_print_operation_begin_print (GtkPrintOperation *operation,
                                GtkPrintContext   *context)
{
  PaPrintOperation *self = PA_PRINT_OPERATION (operation);
  g_autoptr (PaPageSetup) setup = NULL;
  g_autoptr (GError) error = NULL;

  setup = report_page_setup (gtk_print_context_get_page_setup (context));
  g_clear_object (&self->document);
  self->document = lay_out (self->request.kind, self->data, setup, NULL, &error);
  if (self->document == NULL)
    {
      g_warning ("Could not lay the report out: %s", error->message);
      gtk_print_operation_cancel (operation);
      return;
    }
  gtk_print_operation_set_n_pages (operation, pa_document_get_n_pages (self->document));
}

static void
pa_print_operation_request_page_setup (GtkPrintOperation *operation,
                                       GtkPrintContext   *context,
                                       int                page_nr,
                                       GtkPageSetup      *page_setup)
{
  PaPrintOperation *self = PA_PRINT_OPERATION (operation);
  const PaPageSetup *setup;

  if (self->document == NULL || page_nr >= pa_document_get_n_pages (self->document))
    return;
  /* A wide attendance sheet is laid out in landscape. */
  setup = pa_document_get_page_setup (self->document, page_nr);
  gtk_page_setup_set_orientation (page_setup,
                                  pa_page_setup_get_width (setup) > pa_page_setup_get_height (setup)
                                    ? GTK_PAGE_ORIENTATION_LANDSCAPE
                                    : GTK_PAGE_ORIENTATION_PORTRAIT);
}

static void
pa_print_operation_draw_page (GtkPrintOperation *operation,
                              GtkPrintContext   *context,
                              int                page_nr)
{
  PaPrintOperation *self = PA_PRINT_OPERATION (operation);

  if (self->document == NULL || page_nr >= pa_document_get_n_pages (self->document))
    return;
  pa_document_draw_page (self->document, gtk_print_context_get_cairo_context (context),
                         page_nr);
  set_progress (self, (double) (page_nr + 1) / pa_document_get_n_pages (self->document));
}

static void
pa_print_operation_done (GtkPrintOperation       *operation,
                         GtkPrintOperationResult  result)
{
  PaPrintOperation *self = PA_PRINT_OPERATION (operation);

  if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    save_settings (self);
  g_clear_object (&self->document);
}

/* export */

typedef struct
{
  Request request;
  char *path;
  PaPageSetup *setup;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  request_clear (&job->request);
  g_free (job->path);
  pa_page_setup_free (job->setup);
  g_free (job);
}

typedef struct
{
  PaPrintOperation *self;
  double progress;
} ProgressUpdate;

static gboolean
progress_idle (gpointer data)
{
  ProgressUpdate *update = data;

  set_progress (update->self, update->progress);
  g_object_unref (update->self);
  g_free (update);
  return G_SOURCE_REMOVE;
}

typedef struct
{
  GTask *task;
  double start;
  double span;
} ProgressRange;

/* Runs in the worker thread: hands the figure to the operation's thread. */
static void
progress_cb (double   fraction,
             gpointer user_data)
{
  ProgressRange *range = user_data;
  ProgressUpdate *update = g_new0 (ProgressUpdate, 1);

  update->self = g_object_ref (g_task_get_source_object (range->task));
  update->progress = range->start + range->span * fraction;
  g_main_context_invoke (g_task_get_context (range->task), progress_idle, update);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autoptr (PaStore) store = NULL;
  g_autoptr (PaDocument) document = NULL;
  g_autoptr (GError) error = NULL;
  GDestroyNotify data_free = NULL;
  gpointer data;
  ProgressRange gathering = { task, 0, 0.4 };
  ProgressRange writing = { task, 0.4, 0.6 };

  /* A connection of its own: SQLite connections are not shared between
   * threads here, and the window keeps using its own. */
  store = pa_store_open (job->request.store_path, &error);
  if (store == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  pa_store_set_actor (store, job->request.actor);
  data = gather (&job->request, store, &data_free, progress_cb, &gathering, cancellable,
                 &error);
  if (data == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  document = lay_out (job->request.kind, data, job->setup, cancellable, &error);
  data_free (data);
  if (document == NULL ||
      !pa_document_write_pdf (document, job->path, progress_cb, &writing, cancellable, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_pointer (task, g_strdup (job->path), g_free);
}

/**
 * pa_print_operation_export_pdf_async:
 * @path: the PDF to write; an existing file is replaced only on success
 * @cancellable: (nullable): cancels the export; the file is then left as it
 *   was
 *
 * Gathers the report and writes it as PDF in a worker thread, with a store
 * connection of its own, on the paper of the remembered page setup (A4 when
 * none). The "progress" property follows it from 0 to 1.
 */
void
pa_print_operation_export_pdf_async (PaPrintOperation   *self,
                                     const char         *path,
                                     GCancellable       *cancellable,
                                     GAsyncReadyCallback callback,
                                     gpointer            user_data)
{
  g_autoptr (GTask) task = NULL;
  ExportJob *job;

  g_return_if_fail (PA_IS_PRINT_OPERATION (self));
  g_return_if_fail (path != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  job = g_new0 (ExportJob, 1);
  request_copy (&job->request, &self->request);
  job->path = g_strdup (path);
  job->setup = report_page_setup (
    gtk_print_operation_get_default_page_setup (GTK_PRINT_OPERATION (self)));
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);
  set_progress (self, 0);
  g_task_run_in_thread (task, export_thread);
}

/**
 * pa_print_operation_export_pdf_finish:
 *
 * Returns: (transfer full): the path of the PDF written, or %NULL with
 * @error set (%G_IO_ERROR_CANCELLED when the user closed the file chooser or
 * the export was cancelled).
 */
char *
pa_print_operation_export_pdf_finish (PaPrintOperation  *self,
                                      GAsyncResult      *result,
                                      GError           **error)
{
  g_return_val_if_fail (PA_IS_PRINT_OPERATION (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
export_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  g_autoptr (GError) error = NULL;
  char *path = pa_print_operation_export_pdf_finish (PA_PRINT_OPERATION (object), result, &error);

  if (path == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, path, g_free);
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     gpointer         user_data)
{
  g_autoptr (GTask) task = user_data;
  PaPrintOperation *self = g_task_get_source_object (task);
  g_autoptr (GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  if (file == NULL || (path = g_file_get_path (file)) == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "%s",
                               _("No file was chosen"));
      return;
    }
  pa_print_operation_export_pdf_async (self, path, g_task_get_cancellable (task), export_done_cb,
                                       g_steal_pointer (&task));
}

/* A file name from the report's title, without characters file systems
 * refuse. */
static char *
suggested_name (PaPrintOperation *self)
{
  g_autofree char *name = g_strdup (self->title != NULL ? self->title : _("Report"));

  g_strdelimit (name, "/\\:*?\"<>|", '-');
  return g_strconcat (name, ".pdf", NULL);
}

/**
 * pa_print_operation_export_pdf_with_chooser:
 * @parent: (nullable): the window the file chooser belongs to
 *
 * Asks where to save the PDF (GtkFileChooserNative, so the portal's chooser
 * in a sandbox), then exports as pa_print_operation_export_pdf_async() does.
 * Finish with pa_print_operation_export_pdf_finish().
 */
void
pa_print_operation_export_pdf_with_chooser (PaPrintOperation   *self,
                                            GtkWindow          *parent,
                                            GCancellable       *cancellable,
                                            GAsyncReadyCallback callback,
                                            gpointer            user_data)
{
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;
  GTask *task;

  g_return_if_fail (PA_IS_PRINT_OPERATION (self));

  task = g_task_new (self, cancellable, callback, user_data);
  chooser = gtk_file_chooser_native_new (_("Export as PDF"), parent,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                         _("_Cancel"));
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  name = suggested_name (self);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), task);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* GObject */

static void
pa_print_operation_finalize (GObject *object)
{
  PaPrintOperation *self = PA_PRINT_OPERATION (object);

  if (self->data != NULL)
    self->data_free (self->data);
  g_clear_object (&self->document);
  g_clear_object (&self->store);
  g_free (self->title);
  request_clear (&self->request);
  G_OBJECT_CLASS (pa_print_operation_parent_class)->finalize (object);
}

static void
pa_print_operation_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  PaPrintOperation *self = PA_PRINT_OPERATION (object);

  switch (prop_id)
    {
    case PROP_PROGRESS:
      g_value_set_double (value, self->progress);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pa_print_operation_class_init (PaPrintOperationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkPrintOperationClass *print_class = GTK_PRINT_OPERATION_CLASS (klass);

  object_class->finalize = pa_print_operation_finalize;
  object_class->get_property = pa_print_operation_get_property;
  print_class->begin_print = pa_print_operation_begin_print;
  print_class->request_page_setup = pa_print_operation_request_page_setup;
  print_class->draw_page = pa_print_operation_draw_page;
  print_class->done = pa_print_operation_done;

  /**
   * PaPrintOperation:progress:
   *
   * How far the export or the printing is, from 0 to 1.
   */
  properties[PROP_PROGRESS] =
    g_param_spec_double ("progress", NULL, NULL, 0, 1, 0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pa_print_operation_init (PaPrintOperation *self)
{
  GtkPrintOperation *operation = GTK_PRINT_OPERATION (self);

  /* The reports place everything on the whole sheet themselves, in points. */
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_show_progress (operation, TRUE);
  g_date_clear (&self->request.from, 1);
  g_date_clear (&self->request.to, 1);
  load_settings (self);
}

static PaPrintOperation *
print_operation_new (PaStore      *store,
                     PaReportKind  kind,
                     gint64        id,
                     const char   *lang,
                     const char   *second_lang)
{
  PaPrintOperation *self = g_object_new (PA_TYPE_PRINT_OPERATION, NULL);

  self->store = g_object_ref (store);
  self->request.kind = kind;
  self->request.store_path = g_strdup (pa_store_get_path (store));
  self->request.actor = pa_store_get_actor (store);
  self->request.id = id;
  self->request.lang = g_strdup (lang);
  if (second_lang != NULL && *second_lang != '\0' && g_strcmp0 (second_lang, lang) != 0)
    self->request.second_lang = g_strdup (second_lang);
  return self;
}

/* public */

/**
 * pa_print_operation_new_portfolio:
 * @case_id: the case
 * @lang: the portfolio's language ("fr", "ar", …)
 * @second_lang: (nullable): a second language for its headings
 *
 * Returns: (transfer full): the operation.
 */
PaPrintOperation *
pa_print_operation_new_portfolio (PaStore    *store,
                                  gint64      case_id,
                                  const char *lang,
                                  const char *second_lang)
{
  g_return_val_if_fail (PA_IS_STORE (store), NULL);
  g_return_val_if_fail (lang != NULL, NULL);

  return print_operation_new (store, PA_REPORT_KIND_PORTFOLIO, case_id, lang, second_lang);
}

/**
 * pa_print_operation_new_attendance:
 * @seminar_id: the seminar
 * @lang: the sheet's language
 *
 * Returns: (transfer full): the operation for the seminar's attendance sheet.
 */
PaPrintOperation *
pa_print_operation_new_attendance (PaStore    *store,
                                   gint64      seminar_id,
                                   const char *lang)
{
  g_return_val_if_fail (PA_IS_STORE (store), NULL);
  g_return_val_if_fail (lang != NULL, NULL);

  return print_operation_new (store, PA_REPORT_KIND_ATTENDANCE, seminar_id, lang, NULL);
}

/**
 * pa_print_operation_new_certificates:
 * @seminar_id: the seminar
 * @lang: the certificates' language
 * @second_lang: (nullable): a second language, for bilingual certificates
 *
 * The certificates of the seminar's participants who have certified
 * competences, one page each. Preparing it issues a certificate to those
 * who have no valid one in these languages (see
 * pa_store_seminar_certificates()).
 *
 * Returns: (transfer full): the operation.
 */
PaPrintOperation *
pa_print_operation_new_certificates (PaStore    *store,
                                     gint64      seminar_id,
                                     const char *lang,
                                     const char *second_lang)
{
  g_return_val_if_fail (PA_IS_STORE (store), NULL);
  g_return_val_if_fail (lang != NULL, NULL);

  return print_operation_new (store, PA_REPORT_KIND_CERTIFICATES, seminar_id, lang,
                              second_lang);
}

/**
 * pa_print_operation_new_case_certificate:
 * @case_id: the case
 * @lang: the certificate's language
 * @second_lang: (nullable): a second language, for a bilingual certificate
 *
 * The certificate of the case's certified competences: the valid one in
 * these languages, or a new one issued when the report is prepared (see
 * pa_store_case_certificates()).
 *
 * Returns: (transfer full): the operation.
 */
PaPrintOperation *
pa_print_operation_new_case_certificate (PaStore    *store,
                                         gint64      case_id,
                                         const char *lang,
                                         const char *second_lang)
{
  PaPrintOperation *self;

  g_return_val_if_fail (PA_IS_STORE (store), NULL);
  g_return_val_if_fail (lang != NULL, NULL);

  self = print_operation_new (store, PA_REPORT_KIND_CERTIFICATES, case_id, lang, second_lang);
  self->request.one_case = TRUE;
  return self;
}

/**
 * pa_print_operation_new_issued_certificate:
 * @certificate: a certificate already issued
 *
 * A reprint of @certificate: the same page, number and date, with the
 * revocation stamp if it was revoked.
 *
 * Returns: (transfer full): the operation.
 */
PaPrintOperation *
pa_print_operation_new_issued_certificate (PaStore                   *store,
                                           const PaIssuedCertificate *certificate)
{
  PaPrintOperation *self;

  g_return_val_if_fail (PA_IS_STORE (store), NULL);
  g_return_val_if_fail (certificate != NULL, NULL);

  self = print_operation_new (store, PA_REPORT_KIND_CERTIFICATES, certificate->case_id,
                              certificate->language, certificate->second_language);
  self->request.one_case = TRUE;
  self->request.number = g_strdup (certificate->number);
  return self;
}

/**
 * pa_print_operation_new_statistics:
 * @from: the first day of the period
 * @to: its last day
 * @lang: the report's language
 *
 * Returns: (transfer full): the operation for the anonymous statistics.
 */
PaPrintOperation *
pa_print_operation_new_statistics (PaStore     *store,
                                   const GDate *from,
                                   const GDate *to,
                                   const char  *lang)
{
  PaPrintOperation *self;

  g_return_val_if_fail (PA_IS_STORE (store), NULL);
  g_return_val_if_fail (from != NULL && g_date_valid (from), NULL);
  g_return_val_if_fail (to != NULL && g_date_valid (to), NULL);
  g_return_val_if_fail (lang != NULL, NULL);

  self = print_operation_new (store, PA_REPORT_KIND_STATISTICS, 0, lang, NULL);
  self->request.from = *from;
  self->request.to = *to;
  return self;
}

PaReportKind
pa_print_operation_get_kind (PaPrintOperation *self)
{
  g_return_val_if_fail (PA_IS_PRINT_OPERATION (self), PA_REPORT_KIND_PORTFOLIO);
  return self->request.kind;
}

double
pa_print_operation_get_progress (PaPrintOperation *self)
{
  g_return_val_if_fail (PA_IS_PRINT_OPERATION (self), 0);
  return self->progress;
}

/**
 * pa_print_operation_prepare:
 *
 * Gathers the report from the store (again, if it was already), before
 * printing with gtk_print_operation_run(). pa_print_operation_run_dialog()
 * calls it. It also names the print job after the report.
 *
 * Returns: %TRUE, or %FALSE with @error set when there is nothing to print
 * (an unknown case, a seminar without sessions, an empty period…).
 */
gboolean
pa_print_operation_prepare (PaPrintOperation  *self,
                            GError           **error)
{
  GDestroyNotify data_free = NULL;
  const char *name = NULL;
  gpointer data;

  g_return_val_if_fail (PA_IS_PRINT_OPERATION (self), FALSE);

  data = gather (&self->request, self->store, &data_free, NULL, NULL, NULL, error);
  if (data == NULL)
    return FALSE;
  if (self->data != NULL)
    self->data_free (self->data);
  self->data = data;
  self->data_free = data_free;

  if (self->request.kind == PA_REPORT_KIND_PORTFOLIO)
    name = ((PaPortfolioData *) data)->participant_name;
  else if (self->request.kind == PA_REPORT_KIND_ATTENDANCE)
    name = ((PaAttendanceData *) data)->title;
  g_free (self->title);
  self->title = pa_document_title_for ((PaDocumentKind) self->request.kind, self->request.lang,
                                       name);
  gtk_print_operation_set_job_name (GTK_PRINT_OPERATION (self), self->title);
  return TRUE;
}

/**
 * pa_print_operation_run_dialog:
 * @parent: (nullable): the window the print dialog belongs to
 *
 * Prepares the report, then shows the print dialog with its preview; the
 * settings and page setup chosen are remembered for next time.
 *
 * Returns: the result; %GTK_PRINT_OPERATION_RESULT_ERROR with @error set when
 * there is nothing to print or printing failed.
 */
GtkPrintOperationResult
pa_print_operation_run_dialog (PaPrintOperation  *self,
                               GtkWindow         *parent,
                               GError           **error)
{
  g_return_val_if_fail (PA_IS_PRINT_OPERATION (self), GTK_PRINT_OPERATION_RESULT_ERROR);

  if (!pa_print_operation_prepare (self, error))
    return GTK_PRINT_OPERATION_RESULT_ERROR;
  return gtk_print_operation_run (GTK_PRINT_OPERATION (self),
                                  GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent, error);
}
