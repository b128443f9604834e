/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "passerelle-report"

#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gi18n-lib.h>
#include <librsvg/rsvg.h>
#include <string.h>

#include "pa-image.h"
#include "pa-report.h"

/* A logo, not a photo album: refuse what would only exhaust memory. */
#define MAX_FILE_SIZE (16 * 1024 * 1024)
#define MAX_PIXELS (40 * 1000 * 1000)

struct _PaImage
{
  cairo_surface_t *surface;  /* PNG and JPEG */
  RsvgHandle *svg;
  double width;
  double height;
};

typedef struct
{
  const guint8 *data;
  gsize size;
  gsize offset;
} ReadState;

static cairo_status_t
read_png_cb (void          *closure,
             unsigned char *buffer,
             unsigned int   length)
{
  ReadState *state = closure;

  if (state->size - state->offset < length)
    return CAIRO_STATUS_READ_ERROR;
  memcpy (buffer, state->data + state->offset, length);
  state->offset += length;
  return CAIRO_STATUS_SUCCESS;
}

static gboolean
looks_like_svg (const guint8 *data,
                gsize         size)
{
  g_autofree char *head = g_strndup ((const char *) data, MIN (size, 4096));
  const char *p = head;

  if (g_str_has_prefix (p, "\xef\xbb\xbf"))
    p += 3;
  while (g_ascii_isspace (*p))
    p++;
  return (g_str_has_prefix (p, "<?xml") || g_str_has_prefix (p, "<svg")
          || g_str_has_prefix (p, "<!--") || g_str_has_prefix (p, "<!DOCTYPE"))
         && strstr (p, "<svg") != NULL;
}

/* The same picture gets the same id, so a PDF of a hundred certificates
 * embeds the logo once. */
static void
set_unique_id (cairo_surface_t *surface,
               GBytes          *bytes)
{
  char *id = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);

  cairo_surface_set_mime_data (surface, CAIRO_MIME_TYPE_UNIQUE_ID, (const guchar *) id,
                               strlen (id), g_free, id);
}

static cairo_surface_t *
load_png (GBytes      *bytes,
          const char  *path,
          GError     **error)
{
  ReadState state = { 0 };
  cairo_surface_t *surface;

  state.data = g_bytes_get_data (bytes, &state.size);
  surface = cairo_image_surface_create_from_png_stream (read_png_cb, &state);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, PA_REPORT_ERROR, PA_REPORT_ERROR_IMAGE,
                   _("The image “%s” is not a valid PNG file"), path);
      cairo_surface_destroy (surface);
      return NULL;
    }
  set_unique_id (surface, bytes);
  return surface;
}

static cairo_surface_t *
load_jpeg (GBytes      *bytes,
           const char  *path,
           GError     **error)
{
  g_autoptr (GdkPixbufLoader) loader = NULL;
  g_autoptr (GError) local_error = NULL;
  GdkPixbuf *pixbuf;
  cairo_surface_t *surface;
  int width, height, channels, src_stride, dst_stride;
  const guint8 *src;
  guint8 *dst;
  gsize size;
  const guint8 *data = g_bytes_get_data (bytes, &size);
  guint8 *copy;

  /* Only the JPEG loader: a file that claims to be JPEG must not reach
   * gdk-pixbuf's other, less exercised loaders. gdk_pixbuf_loader_write()
   * closes the loader itself when it fails. */
  loader = gdk_pixbuf_loader_new_with_type ("jpeg", &local_error);
  pixbuf = NULL;
  if (loader != NULL && gdk_pixbuf_loader_write (loader, data, size, &local_error)
      && gdk_pixbuf_loader_close (loader, &local_error))
    pixbuf = gdk_pixbuf_loader_get_pixbuf (loader);
  if (pixbuf == NULL)
    {
      g_set_error (error, PA_REPORT_ERROR, PA_REPORT_ERROR_IMAGE,
                   _("The image “%s” is not a valid JPEG file: %s"), path,
                   local_error ? local_error->message : _("no picture in it"));
      return NULL;
    }

  width = gdk_pixbuf_get_width (pixbuf);
  height = gdk_pixbuf_get_height (pixbuf);
  channels = gdk_pixbuf_get_n_channels (pixbuf);
  if ((gint64) width * height > MAX_PIXELS)
    {
      g_set_error (error, PA_REPORT_ERROR, PA_REPORT_ERROR_IMAGE,
                   _("The image “%s” is too large (%d × %d pixels)"), path, width, height);
      return NULL;
    }

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, PA_REPORT_ERROR, PA_REPORT_ERROR_IMAGE,
                   _("Not enough memory for the image “%s”"), path);
      cairo_surface_destroy (surface);
      return NULL;
    }
  cairo_surface_flush (surface);
  src = gdk_pixbuf_read_pixels (pixbuf);
  src_stride = gdk_pixbuf_get_rowstride (pixbuf);
  dst = cairo_image_surface_get_data (surface);
  dst_stride = cairo_image_surface_get_stride (surface);
  for (int y = 0; y < height; y++)
    {
      guint32 *row = (guint32 *) (gpointer) (dst + (gsize) y * dst_stride);
      const guint8 *in = src + (gsize) y * src_stride;

      for (int x = 0; x < width; x++, in += channels)
        row[x] = 0xff000000u | ((guint32) in[0] << 16) | ((guint32) in[1] << 8) | in[2];
    }
  cairo_surface_mark_dirty (surface);

  /* The PDF embeds the original JPEG bytes rather than re-encoding pixels. */
  copy = g_memdup2 (data, size);
  cairo_surface_set_mime_data (surface, CAIRO_MIME_TYPE_JPEG, copy, size, g_free, copy);
  set_unique_id (surface, bytes);
  return surface;
}

/* @base: the file the SVG was read from, for its relative references; NULL
 * for a picture kept in the store, which refers to nothing beside it. */
static RsvgHandle *
load_svg (GBytes      *bytes,
          const char  *path,
          const char  *base_path,
          double      *width,
          double      *height,
          GError     **error)
{
  g_autoptr (GInputStream) stream = g_memory_input_stream_new_from_bytes (bytes);
  g_autoptr (GFile) base = base_path ? g_file_new_for_path (base_path) : NULL;
  g_autoptr (GError) local_error = NULL;
  RsvgHandle *handle;
  RsvgRectangle viewport = { 0, 0, 100, 100 };
  cairo_surface_t *probe;
  cairo_t *cr;
  gboolean has_width, has_height, has_viewbox;
  RsvgLength w, h;
  RsvgRectangle viewbox;
  gboolean ok;

  handle = rsvg_handle_new_from_stream_sync (stream, base, RSVG_HANDLE_FLAGS_NONE, NULL,
                                             &local_error);
  if (handle == NULL)
    {
      g_set_error (error, PA_REPORT_ERROR, PA_REPORT_ERROR_IMAGE,
                   _("The image “%s” is not a valid SVG file: %s"), path, local_error->message);
      return NULL;
    }
  rsvg_handle_set_dpi (handle, 72.0);

  if (!rsvg_handle_get_intrinsic_size_in_pixels (handle, width, height))
    {
      rsvg_handle_get_intrinsic_dimensions (handle, &has_width, &w, &has_height, &h,
                                            &has_viewbox, &viewbox);
      if (has_viewbox && viewbox.width > 0 && viewbox.height > 0)
        {
          *width = viewbox.width;
          *height = viewbox.height;
        }
      else
        *width = *height = 100;
    }
  if (!(*width > 0) || !(*height > 0))
    {
      g_set_error (error, PA_REPORT_ERROR, PA_REPORT_ERROR_IMAGE,
                   _("The image “%s” has no size"), path);
      g_object_unref (handle);
      return NULL;
    }

  /* Draw it once now, so a broken drawing is reported here, with the file's
   * name, rather than lost in the middle of printing. */
  probe = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cr = cairo_create (probe);
  viewport.width = *width;
  viewport.height = *height;
  ok = rsvg_handle_render_document (handle, cr, &viewport, &local_error);
  cairo_destroy (cr);
  cairo_surface_destroy (probe);
  if (!ok)
    {
      g_set_error (error, PA_REPORT_ERROR, PA_REPORT_ERROR_IMAGE,
                   _("The image “%s” cannot be drawn: %s"), path, local_error->message);
      g_object_unref (handle);
      return NULL;
    }
  return handle;
}

static PaImage *image_from_bytes (GBytes      *bytes,
                                  const char  *path,
                                  const char  *base_path,
                                  GError     **error);

/**
 * pa_image_new_from_file:
 * @path: a PNG, JPEG or SVG file (at most 16 MiB)
 * @error: return location for an error
 *
 * Returns: (transfer full): the image, or %NULL with @error naming the file
 * and what is wrong with it.
 */
PaImage *
pa_image_new_from_file (const char  *path,
                        GError     **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GMappedFile) mapped = NULL;
  gsize size;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  mapped = g_mapped_file_new (path, FALSE, &local_error);
  if (mapped == NULL)
    {
      g_set_error (error, PA_REPORT_ERROR, PA_REPORT_ERROR_IMAGE,
                   _("Could not read the image “%s”: %s"), path, local_error->message);
      return NULL;
    }
  size = g_mapped_file_get_length (mapped);
  if (size > MAX_FILE_SIZE)
    {
      g_set_error (error, PA_REPORT_ERROR, PA_REPORT_ERROR_IMAGE,
                   _("The image “%s” is too large (more than 16 MiB)"), path);
      return NULL;
    }
  /* A copy, so the picture stays right even if the file changes meanwhile. */
  bytes = g_bytes_new (g_mapped_file_get_contents (mapped), size);
  return image_from_bytes (bytes, path, path, error);
}

/**
 * pa_image_new_from_bytes:
 * @bytes: a PNG, JPEG or SVG picture (at most 16 MiB), e.g. as the store
 *   keeps the centre's logo
 * @name: what error messages call it (a file name)
 * @error: return location for an error
 *
 * Returns: (transfer full): the image, or %NULL with @error naming @name and
 * what is wrong with it.
 */
PaImage *
pa_image_new_from_bytes (GBytes      *bytes,
                         const char  *name,
                         GError     **error)
{
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return image_from_bytes (bytes, name, NULL, error);
}

static PaImage *
image_from_bytes (GBytes      *bytes,
                  const char  *path,
                  const char  *base_path,
                  GError     **error)
{
  g_autoptr (PaImage) image = NULL;
  const guint8 *data;
  gsize size;

  data = g_bytes_get_data (bytes, &size);
  if (size > MAX_FILE_SIZE)
    {
      g_set_error (error, PA_REPORT_ERROR, PA_REPORT_ERROR_IMAGE,
                   _("The image “%s” is too large (more than 16 MiB)"), path);
      return NULL;
    }

  image = g_new0 (PaImage, 1);
  if (size >= 8 && memcmp (data, "\x89PNG\r\n\x1a\n", 8) == 0)
    image->surface = load_png (bytes, path, error);
  else if (size >= 3 && memcmp (data, "\xff\xd8\xff", 3) == 0)
    image->surface = load_jpeg (bytes, path, error);
  else if (looks_like_svg (data, size))
    {
      image->svg = load_svg (bytes, path, base_path, &image->width, &image->height, error);
      if (image->svg == NULL)
        return NULL;
      return g_steal_pointer (&image);
    }
  else
    {
      g_set_error (error, PA_REPORT_ERROR, PA_REPORT_ERROR_IMAGE,
                   _("The image “%s” is neither PNG, JPEG nor SVG"), path);
      return NULL;
    }

  if (image->surface == NULL)
    return NULL;
  image->width = cairo_image_surface_get_width (image->surface);
  image->height = cairo_image_surface_get_height (image->surface);
  if (image->width < 1 || image->height < 1 || image->width * image->height > MAX_PIXELS)
    {
      g_set_error (error, PA_REPORT_ERROR, PA_REPORT_ERROR_IMAGE,
                   _("The image “%s” is too large or empty"), path);
      return NULL;
    }
  return g_steal_pointer (&image);
}

void
pa_image_free (PaImage *image)
{
  if (image == NULL)
    return;
  g_clear_pointer (&image->surface, cairo_surface_destroy);
  g_clear_object (&image->svg);
  g_free (image);
}

double
pa_image_get_width (PaImage *image)
{
  g_return_val_if_fail (image != NULL, 0);
  return image->width;
}

double
pa_image_get_height (PaImage *image)
{
  g_return_val_if_fail (image != NULL, 0);
  return image->height;
}

/**
 * pa_image_draw:
 * @image: an image
 * @cr: where to draw
 * @x: left edge
 * @y: top edge
 * @width: width to fill
 * @height: height to fill
 */
void
pa_image_draw (PaImage *image,
               cairo_t *cr,
               double   x,
               double   y,
               double   width,
               double   height)
{
  g_return_if_fail (image != NULL);
  g_return_if_fail (cr != NULL);

  cairo_save (cr);
  if (image->svg != NULL)
    {
      RsvgRectangle viewport = { x, y, width, height };
      g_autoptr (GError) error = NULL;

      /* It drew once already when it was read (see load_svg). */
      if (!rsvg_handle_render_document (image->svg, cr, &viewport, &error))
        g_debug ("SVG drawing failed on a second try: %s", error->message);
    }
  else
    {
      cairo_rectangle (cr, x, y, width, height);
      cairo_clip (cr);
      cairo_translate (cr, x, y);
      cairo_scale (cr, width / image->width, height / image->height);
      cairo_set_source_surface (cr, image->surface, 0, 0);
      cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_GOOD);
      cairo_paint (cr);
    }
  cairo_restore (cr);
}
