/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pa-layout.h"

G_BEGIN_DECLS

/* What a PDF says about itself. The date is the only time written into the
 * file, so the same report gives the same bytes. */
typedef struct
{
  const char *title;
  const char *author;
  const char *subject;
  const char *keywords;
  const GDate *date;          /* creation and modification date; NULL: 1 January 2000 */
} PaPdfInfo;

typedef struct _PaPdfWriter PaPdfWriter;

PaPdfWriter  *pa_pdf_writer_new     (const char       *path,
                                     const PaPdfInfo  *info,
                                     GError          **error);
gboolean      pa_pdf_writer_add     (PaPdfWriter      *writer,
                                     PaLayout         *layout,
                                     GError          **error);
gboolean      pa_pdf_writer_finish  (PaPdfWriter      *writer,
                                     GError          **error);
void          pa_pdf_writer_free    (PaPdfWriter      *writer);

gboolean      pa_layout_write_pdf   (PaLayout         *layout,
                                     const char       *path,
                                     const PaPdfInfo  *info,
                                     GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PaPdfWriter, pa_pdf_writer_free)

G_END_DECLS
