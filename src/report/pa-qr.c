/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "passerelle-report"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <qrencode.h>
#include <string.h>

#include "pa-qr.h"
#include "pa-report.h"

struct _PaQr
{
  QRcode *code;
};

/**
 * pa_qr_new:
 * @text: UTF-8 text to encode (as bytes, so any script survives)
 * @error: return location for an error
 *
 * Encodes @text at error-correction level M (15 % of the code may be damaged
 * or soiled and it still reads).
 *
 * Returns: (transfer full): the code, or %NULL when @text does not fit.
 */
PaQr *
pa_qr_new (const char  *text,
           GError     **error)
{
  PaQr *qr;
  QRcode *code;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (*text == '\0' || !g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, PA_REPORT_ERROR, PA_REPORT_ERROR_INVALID,
                   _("A QR code needs some text in UTF-8"));
      return NULL;
    }

  errno = 0;
  code = QRcode_encodeData ((int) strlen (text), (const unsigned char *) text, 0, QR_ECLEVEL_M);
  if (code == NULL)
    {
      int saved = errno;

      g_set_error (error, PA_REPORT_ERROR, PA_REPORT_ERROR_INVALID,
                   saved == ERANGE ? _("The text is too long for a QR code (%zu bytes)")
                                   : _("Could not make a QR code of %zu bytes"),
                   strlen (text));
      return NULL;
    }
  qr = g_new0 (PaQr, 1);
  qr->code = code;
  return qr;
}

void
pa_qr_free (PaQr *qr)
{
  if (qr == NULL)
    return;
  QRcode_free (qr->code);
  g_free (qr);
}

/**
 * pa_qr_get_modules:
 * @qr: a QR code
 *
 * Returns: the number of modules on a side, quiet zone not included.
 */
int
pa_qr_get_modules (PaQr *qr)
{
  g_return_val_if_fail (qr != NULL, 0);
  return qr->code->width;
}

gboolean
pa_qr_get_module (PaQr *qr,
                  int   x,
                  int   y)
{
  g_return_val_if_fail (qr != NULL, FALSE);

  if (x < 0 || y < 0 || x >= qr->code->width || y >= qr->code->width)
    return FALSE;
  return (qr->code->data[y * qr->code->width + x] & 1) != 0;
}

/**
 * pa_qr_draw:
 * @qr: a QR code
 * @cr: where to draw
 * @x: left edge of the code, quiet zone included
 * @y: top edge of the code, quiet zone included
 * @size: side of the square, quiet zone included
 *
 * Paints the quiet zone white and the dark modules black, one rectangle per
 * horizontal run so that viewers draw no hairlines between modules.
 */
void
pa_qr_draw (PaQr    *qr,
            cairo_t *cr,
            double   x,
            double   y,
            double   size)
{
  int modules;
  double module;

  g_return_if_fail (qr != NULL);
  g_return_if_fail (cr != NULL);

  modules = qr->code->width;
  module = size / (modules + 2 * PA_QR_QUIET_ZONE);

  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, x, y, size, size);
  cairo_fill (cr);

  cairo_set_source_rgb (cr, 0, 0, 0);
  for (int row = 0; row < modules; row++)
    {
      int col = 0;

      while (col < modules)
        {
          int start;

          if (!pa_qr_get_module (qr, col, row))
            {
              col++;
              continue;
            }
          start = col;
          while (col < modules && pa_qr_get_module (qr, col, row))
            col++;
          cairo_rectangle (cr,
                           x + (PA_QR_QUIET_ZONE + start) * module,
                           y + (PA_QR_QUIET_ZONE + row) * module,
                           (col - start) * module,
                           module);
        }
    }
  cairo_fill (cr);
  cairo_restore (cr);
}
