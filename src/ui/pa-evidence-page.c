/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "passerelle"

#include "config.h"

#include <glib/gi18n.h>
#include <poppler.h>

#include "pa-evidence-page.h"
#include "pa-store-records.h"
#include "pa-ui-utils.h"

/* The Evidence section of a case: the files that show what the person can do
 * (photos, scans of diplomas, references, work samples), each with a
 * thumbnail, its fingerprint (SHA-256), the four quality flags an assessor
 * checks (relevant, authentic, sufficient, current) and the competences it
 * supports. Files are read and thumbnails drawn in worker threads. */

#define THUMBNAIL_SIZE 64
#define HASH_SHOWN 12
/* The store's own limit (pa-store-evidence.c); checked before reading. */
#define EVIDENCE_MAX_BYTES (64 * 1024 * 1024)

struct _PaEvidencePage
{
  PaCasePage parent_instance;

  GCancellable *cancellable;
  GHashTable *thumbnails;     /* sha256 → GdkTexture */
  GHashTable *page_counts;    /* sha256 → pages (PDF) */
  GHashTable *expanded;       /* sha256 of open rows */
  guint busy;

  GtkStack *stack;
  AdwStatusPage *empty_page;
  GtkWidget *empty_error_label;
  AdwPreferencesGroup *evidence_group;
  GtkListBox *evidence_list;
  GtkWidget *error_label;
  GtkWidget *attach_button;
};

G_DEFINE_FINAL_TYPE (PaEvidencePage, pa_evidence_page, PA_TYPE_CASE_PAGE)

static const char *const flag_names[] = { "relevant", "authentic", "sufficient", "current" };

static void reload_list (PaEvidencePage *self);

/* Reading a file to attach */

static const char *
kind_for_type (const char *mime_type)
{
  if (g_str_has_prefix (mime_type, "image/"))
    return "photo";
  return "other";
}

static void
read_file_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  GFile *file = task_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GFileInfo) info = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  g_autofree char *content_type = NULL;
  g_autofree char *mime = NULL;
  gsize length = 0;
  PaEvidence *evidence;
  char *dot;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME ","
                            G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &error);
  name = info ? g_strdup (g_file_info_get_display_name (info)) : g_file_get_basename (file);
  if (info == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, error->code,
                               /* Translators: %s is a file name, then the reason */
                               _("“%s” cannot be read: %s"), name, error->message);
      return;
    }
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                               _("“%s” is not a file."), name);
      return;
    }
  if (g_file_info_get_size (info) > EVIDENCE_MAX_BYTES)
    {
      g_autofree char *size = g_format_size (g_file_info_get_size (info));
      g_autofree char *limit = g_format_size (EVIDENCE_MAX_BYTES);

      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED,
                               _("“%s” is too large (%s; at most %s). Reduce the size of the photo "
                                 "or scan and attach it again."),
                               name, size, limit);
      return;
    }
  if (g_file_info_get_size (info) == 0)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED, _("“%s” is empty."), name);
      return;
    }
  if (!g_file_load_contents (file, cancellable, &contents, &length, NULL, &error))
    {
      g_task_return_new_error (task, G_IO_ERROR, error->code, _("“%s” cannot be read: %s"), name,
                               error->message);
      return;
    }

  content_type = g_content_type_guess (name, (const guchar *) contents, MIN (length, 4096), NULL);
  mime = g_content_type_get_mime_type (content_type);
  evidence = pa_evidence_new ();
  evidence->filename = g_strdup (name);
  g_free (evidence->mime_type);
  evidence->mime_type = g_strdup (mime != NULL ? mime : "application/octet-stream");
  g_free (evidence->kind);
  evidence->kind = g_strdup (kind_for_type (evidence->mime_type));
  dot = strrchr (name, '.');
  if (dot != NULL && dot != name)
    *dot = '\0';
  evidence->title = g_strdup (name);
  evidence->content = g_bytes_new_take (g_steal_pointer (&contents), length);
  g_task_return_pointer (task, evidence, (GDestroyNotify) pa_evidence_free);
}

/**
 * pa_evidence_read_file_async:
 *
 * Reads @file in a worker thread, refusing what the store would refuse (too
 * large, empty, not a file) with a message that names the file.
 */
void
pa_evidence_read_file_async (GFile               *file,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, read_file_thread);
}

PaEvidence *
pa_evidence_read_file_finish (GAsyncResult  *result,
                              GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Thumbnails */

typedef struct
{
  char *path;
  GArray *ids;        /* gint64 */
  GPtrArray *types;   /* mime types */
  GPtrArray *hashes;
} ThumbnailJob;

typedef struct
{
  char *sha256;
  GBytes *png;        /* or NULL */
  int pages;          /* PDF pages, or 0 */
} Thumbnail;

static void
thumbnail_job_free (ThumbnailJob *job)
{
  g_free (job->path);
  g_array_unref (job->ids);
  g_ptr_array_unref (job->types);
  g_ptr_array_unref (job->hashes);
  g_free (job);
}

static void
thumbnail_free (Thumbnail *thumbnail)
{
  g_free (thumbnail->sha256);
  g_clear_pointer (&thumbnail->png, g_bytes_unref);
  g_free (thumbnail);
}

static cairo_status_t
write_png_cb (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static GBytes *
pdf_thumbnail (GBytes *content,
               int    *pages)
{
  PopplerDocument *document = poppler_document_new_from_bytes (content, NULL, NULL);
  PopplerPage *page = NULL;
  GByteArray *png = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  double width = 0, height = 0, scale;

  if (document == NULL)
    return NULL;
  *pages = poppler_document_get_n_pages (document);
  if (*pages >= 1)
    page = poppler_document_get_page (document, 0);
  if (page != NULL)
    poppler_page_get_size (page, &width, &height);
  if (width > 0 && height > 0)
    {
      scale = 2.0 * THUMBNAIL_SIZE / MAX (width, height);
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, MAX (1, (int) (width * scale)),
                                            MAX (1, (int) (height * scale)));
      cr = cairo_create (surface);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      cairo_scale (cr, scale, scale);
      poppler_page_render (page, cr);
      /* The edge of the sheet, so that a white page shows on a white row. */
      cairo_identity_matrix (cr);
      cairo_set_source_rgb (cr, 0.6, 0.6, 0.6);
      cairo_set_line_width (cr, 2);
      cairo_rectangle (cr, 1, 1, (int) (width * scale) - 2, (int) (height * scale) - 2);
      cairo_stroke (cr);
      cairo_destroy (cr);
      png = g_byte_array_new ();
      cairo_surface_write_to_png_stream (surface, write_png_cb, png);
      cairo_surface_destroy (surface);
    }
  g_clear_object (&page);
  g_object_unref (document);
  return png != NULL ? g_byte_array_free_to_bytes (png) : NULL;
}

static GBytes *
image_thumbnail (GBytes *content)
{
  g_autoptr (GInputStream) stream = g_memory_input_stream_new_from_bytes (content);
  g_autoptr (GdkPixbuf) pixbuf = NULL;
  g_autoptr (GdkPixbuf) oriented = NULL;
  g_autofree char *buffer = NULL;
  gsize length;

  pixbuf = gdk_pixbuf_new_from_stream_at_scale (stream, 2 * THUMBNAIL_SIZE, 2 * THUMBNAIL_SIZE, TRUE,
                                                NULL, NULL);
  if (pixbuf == NULL)
    return NULL;
  /* Photos from telephones are stored sideways with a note to turn them. */
  oriented = gdk_pixbuf_apply_embedded_orientation (pixbuf);
  if (!gdk_pixbuf_save_to_buffer (oriented, &buffer, &length, "png", NULL, NULL))
    return NULL;
  return g_bytes_new_take (g_steal_pointer (&buffer), length);
}

static void
thumbnail_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  ThumbnailJob *job = task_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (PaStore) store = pa_store_open (job->path, &error);
  g_autoptr (GPtrArray) thumbnails = g_ptr_array_new_with_free_func ((GDestroyNotify) thumbnail_free);

  if (store == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  for (guint i = 0; i < job->ids->len && !g_cancellable_is_cancelled (cancellable); i++)
    {
      const char *type = g_ptr_array_index (job->types, i);
      g_autoptr (GBytes) content = pa_store_evidence_get_content (store, g_array_index (job->ids, gint64, i), NULL);
      Thumbnail *thumbnail;

      if (content == NULL)
        continue;
      thumbnail = g_new0 (Thumbnail, 1);
      thumbnail->sha256 = g_strdup (g_ptr_array_index (job->hashes, i));
      if (g_str_equal (type, "application/pdf"))
        thumbnail->png = pdf_thumbnail (content, &thumbnail->pages);
      else
        thumbnail->png = image_thumbnail (content);
      g_ptr_array_add (thumbnails, thumbnail);
    }
  if (!g_task_return_error_if_cancelled (task))
    g_task_return_pointer (task, g_steal_pointer (&thumbnails), (GDestroyNotify) g_ptr_array_unref);
}

static void
thumbnails_ready_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) thumbnails = g_task_propagate_pointer (G_TASK (result), &error);
  PaEvidencePage *self;
  gboolean changed = FALSE;

  if (thumbnails == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = PA_EVIDENCE_PAGE (user_data);
  self->busy--;
  if (thumbnails == NULL)
    return;
  for (guint i = 0; i < thumbnails->len; i++)
    {
      Thumbnail *thumbnail = g_ptr_array_index (thumbnails, i);
      GdkTexture *texture = thumbnail->png ? gdk_texture_new_from_bytes (thumbnail->png, NULL) : NULL;

      /* A file that cannot be drawn keeps its icon, and is not tried again. */
      g_hash_table_insert (self->thumbnails, g_strdup (thumbnail->sha256), texture);
      if (thumbnail->pages > 0)
        g_hash_table_insert (self->page_counts, g_strdup (thumbnail->sha256), GINT_TO_POINTER (thumbnail->pages));
      changed = TRUE;
    }
  if (changed)
    reload_list (self);
}

static gboolean
can_draw (const char *mime_type)
{
  return mime_type != NULL &&
         (g_str_equal (mime_type, "application/pdf") || g_str_equal (mime_type, "image/png") ||
          g_str_equal (mime_type, "image/jpeg") || g_str_equal (mime_type, "image/gif") ||
          g_str_equal (mime_type, "image/webp") || g_str_equal (mime_type, "image/tiff") ||
          g_str_equal (mime_type, "image/bmp"));
}

static void
start_thumbnails (PaEvidencePage *self,
                  GPtrArray      *evidence)
{
  ThumbnailJob *job = NULL;
  g_autoptr (GTask) task = NULL;

  for (guint i = 0; i < evidence->len; i++)
    {
      PaEvidence *item = g_ptr_array_index (evidence, i);

      if (!can_draw (item->mime_type) || item->sha256 == NULL ||
          g_hash_table_contains (self->thumbnails, item->sha256))
        continue;
      if (job == NULL)
        {
          job = g_new0 (ThumbnailJob, 1);
          job->path = g_strdup (pa_store_get_path (pa_case_page_get_store (PA_CASE_PAGE (self))));
          job->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
          job->types = g_ptr_array_new_with_free_func (g_free);
          job->hashes = g_ptr_array_new_with_free_func (g_free);
        }
      g_array_append_val (job->ids, item->id);
      g_ptr_array_add (job->types, g_strdup (item->mime_type));
      g_ptr_array_add (job->hashes, g_strdup (item->sha256));
      /* Asked once; the answer replaces this. */
      g_hash_table_insert (self->thumbnails, g_strdup (item->sha256), NULL);
    }
  if (job == NULL)
    return;
  task = g_task_new (NULL, self->cancellable, thumbnails_ready_cb, self);
  g_task_set_task_data (task, job, (GDestroyNotify) thumbnail_job_free);
  self->busy++;
  g_task_run_in_thread (task, thumbnail_thread);
}

/* Helpers */

static PaStore *
page_store (PaEvidencePage *self)
{
  return pa_case_page_get_store (PA_CASE_PAGE (self));
}

static void
show_error (PaEvidencePage *self,
            const char     *message)
{
  for (GtkWidget *label = self->error_label; label != NULL;
       label = label == self->error_label ? self->empty_error_label : NULL)
    {
      gtk_label_set_text (GTK_LABEL (label), message ? message : "");
      gtk_widget_set_visible (label, message != NULL);
    }
}

static gboolean
get_flag (PaEvidence *evidence,
          guint       flag)
{
  switch (flag)
    {
    case 0: return evidence->relevant;
    case 1: return evidence->authentic;
    case 2: return evidence->sufficient;
    default: return evidence->current;
    }
}

static void
set_flag (PaEvidence *evidence,
          guint       flag,
          gboolean    value)
{
  switch (flag)
    {
    case 0: evidence->relevant = value; break;
    case 1: evidence->authentic = value; break;
    case 2: evidence->sufficient = value; break;
    default: evidence->current = value; break;
    }
}

static const char *
flag_title (guint flag)
{
  switch (flag)
    {
    case 0: return _("Relevant");
    case 1: return _("Authentic");
    case 2: return _("Sufficient");
    default: return _("Current");
    }
}

static const char *
flag_description (guint flag)
{
  switch (flag)
    {
    case 0: return _("It shows the competence it is attached to");
    case 1: return _("It is this person’s own work or record");
    case 2: return _("It is enough, alone or with the rest, to judge");
    default: return _("It is recent enough to show the competence today");
    }
}

static gint64
row_evidence_id (GtkWidget *widget)
{
  return GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (widget), "evidence-id"));
}

/* Callbacks of a row */

static void
row_error (GtkWidget  *row,
           const char *message)
{
  AdwExpanderRow *expander = ADW_EXPANDER_ROW (gtk_widget_get_ancestor (row, ADW_TYPE_EXPANDER_ROW));

  if (expander == NULL)
    return;
  adw_expander_row_set_subtitle (expander, message);
  gtk_widget_add_css_class (GTK_WIDGET (expander), "error");
  gtk_accessible_update_state (GTK_ACCESSIBLE (expander), GTK_ACCESSIBLE_STATE_INVALID,
                               GTK_ACCESSIBLE_INVALID_TRUE, -1);
}

static void
flag_changed_cb (GtkSwitch  *toggle,
                 GParamSpec *pspec,
                 gpointer    user_data)
{
  PaEvidencePage *self = g_object_get_data (G_OBJECT (toggle), "page");
  guint flag = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (toggle), "flag"));
  g_autoptr (GError) error = NULL;
  g_autoptr (PaEvidence) evidence = pa_store_evidence_get (page_store (self), row_evidence_id (GTK_WIDGET (toggle)),
                                                           &error);

  if (evidence == NULL)
    {
      row_error (GTK_WIDGET (toggle), error->message);
      return;
    }
  if (get_flag (evidence, flag) == gtk_switch_get_active (toggle))
    return;
  set_flag (evidence, flag, gtk_switch_get_active (toggle));
  if (!pa_store_evidence_update (page_store (self), evidence, &error))
    row_error (GTK_WIDGET (toggle), error->message);
}

static void
title_applied_cb (AdwEntryRow *row)
{
  PaEvidencePage *self = g_object_get_data (G_OBJECT (row), "page");
  g_autoptr (GError) error = NULL;
  g_autoptr (PaEvidence) evidence = pa_store_evidence_get (page_store (self), row_evidence_id (GTK_WIDGET (row)),
                                                           &error);
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  if (evidence == NULL)
    {
      row_error (GTK_WIDGET (row), error->message);
      return;
    }
  if (g_strcmp0 (evidence->title, title) == 0)
    return;
  g_free (evidence->title);
  evidence->title = g_steal_pointer (&title);
  if (!pa_store_evidence_update (page_store (self), evidence, &error))
    {
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      row_error (GTK_WIDGET (row), error->message);
    }
}

static void
kind_changed_cb (AdwComboRow *row,
                 GParamSpec  *pspec,
                 gpointer     user_data)
{
  PaEvidencePage *self = g_object_get_data (G_OBJECT (row), "page");
  const char *const *kinds = pa_record_values ("evidence.kind");
  guint selected = adw_combo_row_get_selected (row);
  g_autoptr (GError) error = NULL;
  g_autoptr (PaEvidence) evidence = NULL;

  if (selected >= g_strv_length ((char **) kinds))
    return;
  evidence = pa_store_evidence_get (page_store (self), row_evidence_id (GTK_WIDGET (row)), &error);
  if (evidence == NULL)
    {
      row_error (GTK_WIDGET (row), error->message);
      return;
    }
  if (g_strcmp0 (evidence->kind, kinds[selected]) == 0)
    return;
  g_free (evidence->kind);
  evidence->kind = g_strdup (kinds[selected]);
  if (!pa_store_evidence_update (page_store (self), evidence, &error))
    row_error (GTK_WIDGET (row), error->message);
}

static void
copy_hash_cb (GtkWidget *button)
{
  const char *hash = g_object_get_data (G_OBJECT (button), "sha256");
  PaEvidencePage *self = g_object_get_data (G_OBJECT (button), "page");

  gdk_clipboard_set_text (gtk_widget_get_clipboard (button), hash);
  pa_case_page_toast (PA_CASE_PAGE (self), _("SHA-256 copied"));
}

typedef struct
{
  PaEvidencePage *page;
  GBytes *content;
  char *filename;
} SaveCopy;

static void
save_copy_free (SaveCopy *save)
{
  g_clear_object (&save->page);
  g_clear_pointer (&save->content, g_bytes_unref);
  g_free (save->filename);
  g_free (save);
}

static void
saved_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  SaveCopy *save = user_data;
  g_autoptr (GError) error = NULL;

  if (!g_file_replace_contents_finish (G_FILE (source), result, NULL, &error))
    {
      g_autofree char *name = g_file_get_parse_name (G_FILE (source));
      g_autofree char *message = g_strdup_printf (_("“%s” could not be saved: %s"), name, error->message);
      show_error (save->page, message);
    }
  else
    pa_case_page_toast (PA_CASE_PAGE (save->page), _("Copy saved"));
  save_copy_free (save);
}

static void
save_response_cb (GtkNativeDialog *chooser,
                  int              response,
                  SaveCopy        *save)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      g_file_replace_contents_bytes_async (file, save->content, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                           NULL, saved_cb, save);
    }
  else
    save_copy_free (save);
  g_object_unref (chooser);
}

static void
save_copy_cb (GtkWidget *button)
{
  PaEvidencePage *self = g_object_get_data (G_OBJECT (button), "page");
  gint64 id = row_evidence_id (button);
  g_autoptr (GError) error = NULL;
  g_autoptr (PaEvidence) evidence = pa_store_evidence_get (page_store (self), id, &error);
  GBytes *content = evidence ? pa_store_evidence_get_content (page_store (self), id, &error) : NULL;
  GtkFileChooserNative *chooser;
  SaveCopy *save;

  if (content == NULL)
    {
      row_error (button, error->message);
      return;
    }
  save = g_new0 (SaveCopy, 1);
  save->page = g_object_ref (self);
  save->content = content;
  chooser = gtk_file_chooser_native_new (_("Save a Copy"), GTK_WINDOW (gtk_widget_get_root (button)),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  if (evidence->filename != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), evidence->filename);
  g_signal_connect (chooser, "response", G_CALLBACK (save_response_cb), save);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Removal and Undo: the same content, the same flags, the same links. */

typedef struct
{
  PaStore *store;
  PaEvidenceSnapshot *snapshot;
  PaEvidencePage *page;
} Removed;

static void
removed_free (Removed *removed)
{
  g_clear_object (&removed->store);
  g_clear_pointer (&removed->snapshot, pa_evidence_snapshot_free);
  g_clear_object (&removed->page);
  g_free (removed);
}

static void
undo_remove_cb (AdwToast *toast,
                Removed  *removed)
{
  g_autoptr (GError) error = NULL;

  if (!pa_store_evidence_restore (removed->store, removed->snapshot, &error))
    show_error (removed->page, error->message);
}

static void
remove_cb (GtkWidget *button)
{
  PaEvidencePage *self = g_object_get_data (G_OBJECT (button), "page");
  gint64 id = row_evidence_id (button);
  g_autoptr (GError) error = NULL;
  g_autoptr (PaEvidenceSnapshot) snapshot = pa_store_evidence_snapshot (page_store (self), id,
                                                                         &error);
  g_autofree char *title = NULL;
  g_autofree char *escaped = NULL;
  Removed *removed;
  AdwToast *toast;

  if (snapshot == NULL || !pa_store_evidence_delete (page_store (self), id, &error))
    {
      row_error (button, error->message);
      return;
    }

  removed = g_new0 (Removed, 1);
  removed->store = g_object_ref (page_store (self));
  removed->snapshot = g_steal_pointer (&snapshot);
  removed->page = g_object_ref (self);
  /* Translators: a toast after a piece of evidence was removed */
  title = g_strdup_printf (_("“%s” removed"), removed->snapshot->evidence->title);
  escaped = g_markup_escape_text (title, -1);
  toast = adw_toast_new (escaped);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo_remove_cb), removed,
                         (GClosureNotify) (void (*) (void)) removed_free, 0);
  pa_case_page_add_toast (PA_CASE_PAGE (self), toast);
}

static void
expanded_cb (AdwExpanderRow *row,
             GParamSpec     *pspec,
             PaEvidencePage *self)
{
  const char *hash = g_object_get_data (G_OBJECT (row), "sha256");

  if (hash == NULL)
    return;
  if (adw_expander_row_get_expanded (row))
    g_hash_table_add (self->expanded, g_strdup (hash));
  else
    g_hash_table_remove (self->expanded, hash);
}

/* Rows */

static void
tag (gpointer        widget,
     PaEvidencePage *self,
     gint64          id)
{
  g_object_set_data (G_OBJECT (widget), "page", self);
  g_object_set_data (G_OBJECT (widget), "evidence-id", GSIZE_TO_POINTER ((gsize) id));
}

static GtkWidget *
build_row (PaEvidencePage *self,
           PaEvidence     *evidence,
           GPtrArray      *claims)
{
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *thumb;
  GtkWidget *sub;
  GtkWidget *button;
  GtkWidget *buttons;
  GdkTexture *texture = evidence->sha256 ? g_hash_table_lookup (self->thumbnails, evidence->sha256) : NULL;
  int pages = evidence->sha256 ? GPOINTER_TO_INT (g_hash_table_lookup (self->page_counts, evidence->sha256)) : 0;
  const char *kind = pa_record_value_label ("evidence.kind", evidence->kind);
  g_autofree char *date = pa_ui_format_date (evidence->added_at);
  g_autofree char *size = g_format_size (evidence->size);
  g_autofree char *subtitle = NULL;
  g_autofree char *short_hash = NULL;
  g_autofree char *pages_text = NULL;
  g_autoptr (GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr (GStrvBuilder) supported = g_strv_builder_new ();
  g_auto (GStrv) supported_strv = NULL;
  const char *const *kind_codes = pa_record_values ("evidence.kind");

  if (pages > 0)
    pages_text = g_strdup_printf (ngettext ("%d page", "%d pages", pages), pages);
  /* Translators: the facts of a piece of evidence: kind, date, size (and pages) */
  subtitle = pages_text ? g_strdup_printf (C_("evidence row", "%s · %s · %s · %s"), kind ? kind : evidence->kind,
                                           date ? date : "", size, pages_text)
                        : g_strdup_printf (C_("evidence row", "%s · %s · %s"), kind ? kind : evidence->kind,
                                           date ? date : "", size);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), evidence->title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
  g_object_set_data_full (G_OBJECT (row), "sha256", g_strdup (evidence->sha256), g_free);
  tag (row, self, evidence->id);

  if (texture != NULL)
    {
      thumb = gtk_picture_new_for_paintable (GDK_PAINTABLE (texture));
      gtk_picture_set_can_shrink (GTK_PICTURE (thumb), TRUE);
      gtk_picture_set_content_fit (GTK_PICTURE (thumb), GTK_CONTENT_FIT_CONTAIN);
      gtk_widget_set_size_request (thumb, THUMBNAIL_SIZE * 3 / 2, THUMBNAIL_SIZE);
      gtk_widget_add_css_class (thumb, "evidence-thumbnail");
    }
  else
    {
      const char *icon = evidence->mime_type && g_str_has_prefix (evidence->mime_type, "image/")
                         ? "image-x-generic-symbolic" : "x-office-document-symbolic";
      thumb = gtk_image_new_from_icon_name (icon);
      gtk_image_set_pixel_size (GTK_IMAGE (thumb), 32);
      gtk_widget_set_size_request (thumb, THUMBNAIL_SIZE * 3 / 2, THUMBNAIL_SIZE);
      gtk_widget_add_css_class (thumb, "dim-label");
    }
  gtk_widget_set_name (thumb, "thumbnail");
  gtk_widget_set_margin_top (thumb, 6);
  gtk_widget_set_margin_bottom (thumb, 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (thumb), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Preview"), -1);
  adw_expander_row_add_prefix (ADW_EXPANDER_ROW (row), thumb);

  /* Title */
  sub = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (sub), _("_Title"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (sub), TRUE);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (sub), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (sub), evidence->title);
  tag (sub, self, evidence->id);
  g_signal_connect (sub, "apply", G_CALLBACK (title_applied_cb), NULL);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), sub);

  /* Kind */
  sub = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (sub), _("_Kind"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (sub), TRUE);
  for (guint i = 0; kind_codes[i] != NULL; i++)
    {
      gtk_string_list_append (kinds, pa_record_value_label ("evidence.kind", kind_codes[i]));
      if (g_strcmp0 (kind_codes[i], evidence->kind) == 0)
        {
          adw_combo_row_set_model (ADW_COMBO_ROW (sub), G_LIST_MODEL (kinds));
          adw_combo_row_set_selected (ADW_COMBO_ROW (sub), i);
        }
    }
  if (adw_combo_row_get_model (ADW_COMBO_ROW (sub)) == NULL)
    adw_combo_row_set_model (ADW_COMBO_ROW (sub), G_LIST_MODEL (kinds));
  tag (sub, self, evidence->id);
  g_signal_connect (sub, "notify::selected", G_CALLBACK (kind_changed_cb), NULL);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), sub);

  /* The four quality flags */
  for (guint flag = 0; flag < G_N_ELEMENTS (flag_names); flag++)
    {
      GtkWidget *toggle = gtk_switch_new ();

      sub = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (sub), flag_title (flag));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (sub), flag_description (flag));
      gtk_switch_set_active (GTK_SWITCH (toggle), get_flag (evidence, flag));
      gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
      gtk_widget_set_name (toggle, flag_names[flag]);
      gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL, flag_title (flag), -1);
      tag (toggle, self, evidence->id);
      g_object_set_data (G_OBJECT (toggle), "flag", GUINT_TO_POINTER (flag));
      g_signal_connect (toggle, "notify::active", G_CALLBACK (flag_changed_cb), NULL);
      adw_action_row_add_suffix (ADW_ACTION_ROW (sub), toggle);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (sub), toggle);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), sub);
    }

  /* Fingerprint */
  sub = adw_action_row_new ();
  short_hash = g_strdup_printf ("%.*s…", HASH_SHOWN, evidence->sha256 ? evidence->sha256 : "");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (sub), _("SHA-256"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (sub), short_hash);
  gtk_widget_set_tooltip_text (sub, evidence->sha256);
  gtk_widget_set_name (sub, "hash_row");
  g_object_set_data_full (G_OBJECT (sub), "sha256", g_strdup (evidence->sha256), g_free);
  button = gtk_button_new_from_icon_name ("edit-copy-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Copy the SHA-256"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Copy the SHA-256"), -1);
  tag (button, self, evidence->id);
  g_object_set_data_full (G_OBJECT (button), "sha256", g_strdup (evidence->sha256), g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (copy_hash_cb), NULL);
  adw_action_row_add_suffix (ADW_ACTION_ROW (sub), button);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), sub);

  /* What it supports */
  for (guint i = 0; claims != NULL && i < claims->len; i++)
    {
      PaClaim *claim = g_ptr_array_index (claims, i);
      for (guint j = 0; j < claim->evidence_ids->len; j++)
        if (g_array_index (claim->evidence_ids, gint64, j) == evidence->id)
          g_strv_builder_add (supported, claim->label);
    }
  supported_strv = g_strv_builder_end (supported);
  sub = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (sub), _("Supports"));
  if (supported_strv[0] != NULL)
    {
      g_autofree char *joined = g_strjoinv (C_("list separator", " · "), supported_strv);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (sub), joined);
    }
  else
    adw_action_row_set_subtitle (ADW_ACTION_ROW (sub),
                                 _("No competence yet: link it from Competences, when documenting one."));
  gtk_widget_set_name (sub, "supports_row");
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), sub);

  /* Save a copy, remove */
  sub = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (sub), evidence->filename ? evidence->filename : evidence->title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (sub), evidence->mime_type);
  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_valign (buttons, GTK_ALIGN_CENTER);
  button = gtk_button_new_with_mnemonic (_("_Save a Copy…"));
  tag (button, self, evidence->id);
  g_signal_connect (button, "clicked", G_CALLBACK (save_copy_cb), NULL);
  gtk_box_append (GTK_BOX (buttons), button);
  button = gtk_button_new_with_mnemonic (_("_Remove"));
  gtk_widget_set_name (button, "remove_button");
  gtk_widget_add_css_class (button, "destructive-action");
  tag (button, self, evidence->id);
  g_signal_connect (button, "clicked", G_CALLBACK (remove_cb), NULL);
  gtk_box_append (GTK_BOX (buttons), button);
  adw_action_row_add_suffix (ADW_ACTION_ROW (sub), buttons);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), sub);

  if (evidence->sha256 != NULL && g_hash_table_contains (self->expanded, evidence->sha256))
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  g_signal_connect (row, "notify::expanded", G_CALLBACK (expanded_cb), self);
  return row;
}

static void
reload_list (PaEvidencePage *self)
{
  PaStore *store = page_store (self);
  gint64 case_id = pa_case_page_get_case_id (PA_CASE_PAGE (self));
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) evidence = NULL;
  g_autoptr (GPtrArray) claims = NULL;
  g_autofree char *description = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->evidence_list))) != NULL)
    gtk_list_box_remove (self->evidence_list, child);
  if (store == NULL || case_id == 0)
    return;
  evidence = pa_store_evidence_list (store, case_id, &error);
  claims = evidence ? pa_store_claim_list (store, case_id, &error) : NULL;
  if (claims == NULL)
    {
      show_error (self, error->message);
      gtk_stack_set_visible_child_name (self->stack, "list");
      return;
    }
  for (guint i = 0; i < evidence->len; i++)
    gtk_list_box_append (self->evidence_list, build_row (self, g_ptr_array_index (evidence, i), claims));
  description = g_strdup_printf (ngettext ("%u file", "%u files", evidence->len), evidence->len);
  adw_preferences_group_set_description (self->evidence_group, description);
  gtk_stack_set_visible_child_name (self->stack, evidence->len > 0 ? "list" : "empty");
  start_thumbnails (self, evidence);
}

/* Attaching */

static void
file_read_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PaEvidence) evidence = pa_evidence_read_file_finish (result, &error);
  PaEvidencePage *self;

  if (evidence == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = PA_EVIDENCE_PAGE (user_data);
  self->busy--;
  gtk_widget_set_sensitive (self->attach_button, TRUE);
  if (evidence == NULL)
    {
      show_error (self, error->message);
      return;
    }
  evidence->case_id = pa_case_page_get_case_id (PA_CASE_PAGE (self));
  if (evidence->case_id == 0 || !pa_store_evidence_add (page_store (self), evidence, &error))
    {
      g_autofree char *message = g_strdup_printf (_("“%s” was not attached: %s"), evidence->filename,
                                                  error ? error->message : _("no case is open."));
      show_error (self, message);
      return;
    }
  show_error (self, NULL);
  g_hash_table_add (self->expanded, g_strdup (evidence->sha256));
  reload_list (self);
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     PaEvidencePage  *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      pa_evidence_page_attach_file (self, file);
    }
  g_object_unref (chooser);
}

static void
attach_clicked_cb (PaEvidencePage *self)
{
  GtkFileChooserNative *chooser;
  g_autoptr (GtkFileFilter) all = gtk_file_filter_new ();
  g_autoptr (GtkFileFilter) documents = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Attach Evidence"), GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Attach"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (documents, _("Photos, scans and PDF documents"));
  gtk_file_filter_add_mime_type (documents, "image/*");
  gtk_file_filter_add_mime_type (documents, "application/pdf");
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), documents);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* PaCasePage */

static void
clear_texture (gpointer texture)
{
  if (texture != NULL)
    g_object_unref (texture);
}

static void
pa_evidence_page_reload (PaCasePage *page)
{
  reload_list (PA_EVIDENCE_PAGE (page));
}

static void
pa_evidence_page_dispose (GObject *object)
{
  PaEvidencePage *self = PA_EVIDENCE_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (object), PA_TYPE_EVIDENCE_PAGE);

  G_OBJECT_CLASS (pa_evidence_page_parent_class)->dispose (object);
}

static void
pa_evidence_page_finalize (GObject *object)
{
  PaEvidencePage *self = PA_EVIDENCE_PAGE (object);

  g_clear_pointer (&self->thumbnails, g_hash_table_unref);
  g_clear_pointer (&self->page_counts, g_hash_table_unref);
  g_clear_pointer (&self->expanded, g_hash_table_unref);

  G_OBJECT_CLASS (pa_evidence_page_parent_class)->finalize (object);
}

static void
pa_evidence_page_class_init (PaEvidencePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  PaCasePageClass *page_class = PA_CASE_PAGE_CLASS (klass);

  object_class->dispose = pa_evidence_page_dispose;
  object_class->finalize = pa_evidence_page_finalize;
  page_class->reload = pa_evidence_page_reload;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/passerelle/Passerelle/pa-evidence-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PaEvidencePage, stack);
  gtk_widget_class_bind_template_child (widget_class, PaEvidencePage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, PaEvidencePage, empty_error_label);
  gtk_widget_class_bind_template_child (widget_class, PaEvidencePage, evidence_group);
  gtk_widget_class_bind_template_child (widget_class, PaEvidencePage, evidence_list);
  gtk_widget_class_bind_template_child (widget_class, PaEvidencePage, error_label);
  gtk_widget_class_bind_template_child (widget_class, PaEvidencePage, attach_button);
  gtk_widget_class_bind_template_callback (widget_class, attach_clicked_cb);
}

static void
pa_evidence_page_init (PaEvidencePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->thumbnails = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, clear_texture);
  self->page_counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->expanded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

GtkWidget *
pa_evidence_page_new (void)
{
  return g_object_new (PA_TYPE_EVIDENCE_PAGE, NULL);
}

/**
 * pa_evidence_page_attach_file:
 *
 * Attaches @file to the case, as "Attach File…" does once a file is chosen:
 * read in a worker thread, then stored; a problem shows under the list,
 * naming the file.
 */
void
pa_evidence_page_attach_file (PaEvidencePage *self,
                              GFile          *file)
{
  g_return_if_fail (PA_IS_EVIDENCE_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));

  self->busy++;
  gtk_widget_set_sensitive (self->attach_button, FALSE);
  pa_evidence_read_file_async (file, self->cancellable, file_read_cb, self);
}

/* Whether a file is being read or thumbnails drawn. */
gboolean
pa_evidence_page_is_busy (PaEvidencePage *self)
{
  g_return_val_if_fail (PA_IS_EVIDENCE_PAGE (self), FALSE);
  return self->busy > 0;
}
