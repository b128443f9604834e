/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/* A picture for a report (a centre's logo): PNG, JPEG or SVG, recognised by
 * its content rather than its name. */
typedef struct _PaImage PaImage;

PaImage  *pa_image_new_from_file  (const char  *path,
                                   GError     **error);
PaImage  *pa_image_new_from_bytes (GBytes      *bytes,
                                   const char  *name,
                                   GError     **error);
void      pa_image_free           (PaImage     *image);
double    pa_image_get_width      (PaImage     *image);
double    pa_image_get_height     (PaImage     *image);
void      pa_image_draw           (PaImage     *image,
                                   cairo_t     *cr,
                                   double       x,
                                   double       y,
                                   double       width,
                                   double       height);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PaImage, pa_image_free)

G_END_DECLS
