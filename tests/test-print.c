/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Printing and exporting reports from the interface (PaPrintOperation),
 * without a dialog: GTK's export action and the threaded PDF export. */

#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <stdlib.h>
#include <string.h>

#include "pa-demo.h"
#include "pa-print-operation.h"
#include "pa-store-cases.h"
#include "pa-store-records.h"
#include "pa-store.h"
#include "pa-test-utils.h"

typedef struct
{
  char *dir;
  PaStore *store;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = pa_test_make_tmpdir ();
  path = g_build_filename (f->dir, "store.db", NULL);
  f->store = pa_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (pa_demo_fill (f->store, &error));
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->store);
  pa_test_remove_tree (f->dir);
  g_free (f->dir);
}

static char *
run_tool (const char *tool,
          const char *path)
{
  g_autoptr (GError) error = NULL;
  const char *argv[] = { tool, path, "-", NULL };
  char *out = NULL;
  int status = 0;

  if (g_str_equal (tool, "pdfinfo"))
    argv[2] = NULL;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH |
                               G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL, &status,
                               &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}


static gint64
case_id (Fixture    *f,
         const char *code)
{
  gint64 id = pa_store_case_find (f->store, code);

  g_assert_cmpint (id, >, 0);
  return id;
}

/* GTK's own export: the same pages the print dialog would send, and the page
 * setup remembered for the next operation. */
static void
test_export_action (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr (PaPrintOperation) op = NULL;
  g_autoptr (PaPrintOperation) again = NULL;
  g_autoptr (GtkPageSetup) letter = gtk_page_setup_new ();
  g_autoptr (GtkPaperSize) paper = gtk_paper_size_new (GTK_PAPER_NAME_LETTER);
  g_autoptr (GError) error = NULL;
  g_autofree char *pdf = g_build_filename (f->dir, "portfolio.pdf", NULL);
  g_autofree char *settings = pa_print_operation_get_settings_path ();
  g_autofree char *text = NULL;
  g_autofree char *info = NULL;
  GtkPageSetup *remembered;

  g_unlink (settings);
  op = pa_print_operation_new_portfolio (f->store, case_id (f, "PA-2026-0001"), "en", NULL);
  gtk_page_setup_set_paper_size (letter, paper);
  gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (op), letter);
  g_assert_true (pa_print_operation_prepare (op, &error));
  g_assert_no_error (error);
  gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (op), pdf);
  g_assert_cmpint (gtk_print_operation_run (GTK_PRINT_OPERATION (op),
                                            GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error),
                   ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);

  g_assert_cmpint (pa_test_pdf_pages (pdf), >=, 2);
  text = run_tool ("pdftotext", pdf);
  g_assert_nonnull (strstr (text, "Competence portfolio"));
  g_assert_nonnull (strstr (text, "Rami Haddad"));
  g_assert_nonnull (strstr (text, "Page 1 of"));
  info = run_tool ("pdfinfo", pdf);
  g_assert_nonnull (strstr (info, "612 x 792 pts"));
  g_assert_cmpfloat (pa_print_operation_get_progress (op), ==, 1.0);

  /* The next operation starts from the page setup chosen. */
  g_assert_true (g_file_test (settings, G_FILE_TEST_EXISTS));
  again = pa_print_operation_new_attendance (f->store, 1, "fr");
  remembered = gtk_print_operation_get_default_page_setup (GTK_PRINT_OPERATION (again));
  g_assert_nonnull (remembered);
  g_assert_cmpstr (gtk_paper_size_get_name (gtk_page_setup_get_paper_size (remembered)), ==,
                   GTK_PAPER_NAME_LETTER);
  g_unlink (settings);
}

/* A seminar with more sessions than fit across a portrait page prints in
 * landscape, the page set up per page through GTK. */
static void
test_attendance_landscape (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr (PaPrintOperation) op = pa_print_operation_new_attendance (f->store, 1, "en");
  g_autoptr (GError) error = NULL;
  g_autofree char *pdf = g_build_filename (f->dir, "attendance.pdf", NULL);
  g_autofree char *info = NULL;
  g_autofree char *text = NULL;

  for (guint i = 0; i < 6; i++)
    {
      g_autoptr (PaSeminarSession) session = pa_seminar_session_new ();

      session->seminar_id = 1;
      session->held_on = g_strdup_printf ("2025-12-%02u", i + 1);
      session->topic = g_strdup ("Mock interviews");
      g_assert_true (pa_store_seminar_session_add (f->store, session, &error));
      g_assert_no_error (error);
    }
  g_assert_true (pa_print_operation_prepare (op, &error));
  g_assert_no_error (error);
  gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (op), pdf);
  g_assert_cmpint (gtk_print_operation_run (GTK_PRINT_OPERATION (op),
                                            GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error),
                   ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);
  info = run_tool ("pdfinfo", pdf);
  if (strstr (info, "841.89 x 595.2") == NULL)
    g_error ("not landscape: %s", info);
  text = run_tool ("pdftotext", pdf);
  g_assert_nonnull (strstr (text, "Session 11"));
  g_assert_nonnull (strstr (text, "Zahra Ahmadi"));
}

typedef struct
{
  GMainLoop *loop;
  char *path;
  GError *error;
} Wait;

static void
export_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  Wait *wait = user_data;

  wait->path = pa_print_operation_export_pdf_finish (PA_PRINT_OPERATION (object), result,
                                                     &wait->error);
  g_main_loop_quit (wait->loop);
}

static char *
export_and_wait (PaPrintOperation  *op,
                 const char        *path,
                 GCancellable      *cancellable,
                 GError           **error)
{
  Wait wait = { g_main_loop_new (NULL, FALSE), NULL, NULL };

  pa_print_operation_export_pdf_async (op, path, cancellable, export_done_cb, &wait);
  g_main_loop_run (wait.loop);
  g_main_loop_unref (wait.loop);
  if (wait.error != NULL)
    g_propagate_error (error, wait.error);
  return wait.path;
}

static void
progress_cb (GObject    *object,
             GParamSpec *pspec,
             gpointer    user_data)
{
  double *last = user_data;
  double now = pa_print_operation_get_progress (PA_PRINT_OPERATION (object));

  g_assert_cmpfloat (now, >=, *last);
  *last = now;
}

/* The seminar's certificates in a worker thread: one page per participant
 * with certified competences, progress reported up to the end. */
static void
test_export_certificates_async (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr (PaPrintOperation) op = pa_print_operation_new_certificates (f->store, 1, "fr", "ar");
  g_autoptr (GError) error = NULL;
  g_autofree char *pdf = g_build_filename (f->dir, "certificates.pdf", NULL);
  g_autofree char *written = NULL;
  g_autofree char *text = NULL;
  double last = 0;

  g_signal_connect (op, "notify::progress", G_CALLBACK (progress_cb), &last);
  written = export_and_wait (op, pdf, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (written, ==, pdf);
  g_assert_cmpfloat (last, ==, 1.0);
  /* Demo participants with a certified competence: Rami Haddad, Zahra
   * Ahmadi, Mamadou Diallo. */
  g_assert_cmpint (pa_test_pdf_pages (pdf), ==, 3);
  text = run_tool ("pdftotext", pdf);
  g_assert_nonnull (strstr (text, "Rami Haddad"));
  g_assert_nonnull (strstr (text, "Zahra Ahmadi"));
  g_assert_nonnull (strstr (text, "Mamadou Diallo"));
  g_assert_null (strstr (text, "Selam Haile"));
}

/* Nothing to print, or cancelled: an error, and no file. */
static void
test_export_errors (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr (PaPrintOperation) unknown = pa_print_operation_new_portfolio (f->store, 9999, "fr",
                                                                          NULL);
  g_autoptr (PaPrintOperation) op = pa_print_operation_new_attendance (f->store, 1, "fr");
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *pdf = g_build_filename (f->dir, "nothing.pdf", NULL);
  g_autofree char *written = NULL;
  GDate from, to;

  g_assert_false (pa_print_operation_prepare (unknown, &error));
  g_assert_error (error, PA_STORE_ERROR, PA_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (pa_print_operation_run_dialog (unknown, NULL, &error), ==,
                   GTK_PRINT_OPERATION_RESULT_ERROR);
  g_assert_error (error, PA_STORE_ERROR, PA_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  written = export_and_wait (unknown, pdf, NULL, &error);
  g_assert_error (error, PA_STORE_ERROR, PA_STORE_ERROR_NOT_FOUND);
  g_assert_null (written);
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  g_date_set_dmy (&from, 1, 6, 2025);
  g_date_set_dmy (&to, 1, 1, 2025);
  {
    g_autoptr (PaPrintOperation) empty = pa_print_operation_new_statistics (f->store, &from, &to,
                                                                           "fr");
    written = export_and_wait (empty, pdf, NULL, &error);
    g_assert_error (error, PA_STORE_ERROR, PA_STORE_ERROR_INVALID);
    g_assert_null (written);
    g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
    g_clear_error (&error);
  }

  g_cancellable_cancel (cancellable);
  written = export_and_wait (op, pdf, cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (written);
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *config = pa_test_make_tmpdir ();
  int status;

  /* The user's own print settings must never be touched. */
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  gtk_test_init (&argc, &argv, NULL);

  g_test_add ("/print/export-action", Fixture, NULL, fixture_setup, test_export_action,
              fixture_teardown);
  g_test_add ("/print/attendance-landscape", Fixture, NULL, fixture_setup,
              test_attendance_landscape, fixture_teardown);
  g_test_add ("/print/export-certificates-async", Fixture, NULL, fixture_setup,
              test_export_certificates_async, fixture_teardown);
  g_test_add ("/print/export-errors", Fixture, NULL, fixture_setup, test_export_errors,
              fixture_teardown);
  status = g_test_run ();
  pa_test_remove_tree (config);
  return status;
}
