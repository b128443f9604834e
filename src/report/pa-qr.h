/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/* A QR code always keeps a quiet zone of this many modules around it. */
#define PA_QR_QUIET_ZONE 4

typedef struct _PaQr PaQr;

PaQr      *pa_qr_new          (const char  *text,
                               GError     **error);
void       pa_qr_free         (PaQr        *qr);
int        pa_qr_get_modules  (PaQr        *qr);
gboolean   pa_qr_get_module   (PaQr        *qr,
                               int          x,
                               int          y);
void       pa_qr_draw         (PaQr        *qr,
                               cairo_t     *cr,
                               double       x,
                               double       y,
                               double       size);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PaQr, pa_qr_free)

G_END_DECLS
