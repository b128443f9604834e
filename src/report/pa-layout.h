/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <pango/pangocairo.h>

#include "pa-chart.h"
#include "pa-page-setup.h"
#include "pa-report-i18n.h"

G_BEGIN_DECLS

/*
 * PaLayout: a report as a flow of blocks (headings, paragraphs, tables,
 * images, QR codes, charts, signature lines, side-by-side columns) measured
 * with Pango at the content width, cut into pages, then drawn on any Cairo
 * context: a PDF surface, or the pages a print dialog hands over.
 *
 * Alignment is logical: START is the left in a left-to-right report and the
 * right in a right-to-left one, where tables, columns and charts mirror too.
 * Every paragraph finds its own direction from its text, so an Arabic label
 * in a French report is laid out right to left; NATURAL aligns it to its own
 * start.
 */

typedef enum
{
  PA_ALIGN_START,     /* the report's start side, whatever the text's direction */
  PA_ALIGN_CENTER,
  PA_ALIGN_END,       /* the report's end side */
  PA_ALIGN_NATURAL,   /* the start side of the text's own direction: an Arabic
                       * line in a French report goes to the right */
} PaAlign;

typedef struct
{
  double size;            /* points; 0 means 10 */
  gboolean bold;
  gboolean italic;
  PaAlign align;
  guint32 color;          /* 0xRRGGBB */
  const char *language;   /* language of the text when it differs from the report's */
} PaTextStyle;

#define PA_TEXT_STYLE_INIT { 10.0, FALSE, FALSE, PA_ALIGN_START, 0x1a1a1a, NULL }

PaTextStyle    pa_text_style                (double              size,
                                             gboolean            bold,
                                             guint32             color);

typedef struct _PaFlow PaFlow;
typedef struct _PaTable PaTable;

#define PA_TYPE_LAYOUT (pa_layout_get_type ())
G_DECLARE_FINAL_TYPE (PaLayout, pa_layout, PA, LAYOUT, GObject)

/* Draws a header, a footer or an overlay (a watermark) on page @page (from 0)
 * of @n_pages, inside @area. */
typedef void (*PaLayoutPageFunc) (PaLayout     *layout,
                                  cairo_t      *cr,
                                  const PaRect *area,
                                  int           page,
                                  int           n_pages,
                                  gpointer      user_data);

PaLayout      *pa_layout_new                (const PaPageSetup  *setup,
                                             PaReportI18n       *i18n);
PaReportI18n  *pa_layout_get_i18n           (PaLayout           *self);
const PaPageSetup *pa_layout_get_page_setup (PaLayout           *self);
gboolean       pa_layout_is_rtl             (PaLayout           *self);
void           pa_layout_set_scale          (PaLayout           *self,
                                             double              scale);
double         pa_layout_get_scale          (PaLayout           *self);
void           pa_layout_set_font_family    (PaLayout           *self,
                                             const char         *families);
PangoContext  *pa_layout_get_pango_context  (PaLayout           *self);

PaFlow        *pa_layout_get_flow           (PaLayout           *self);
PaFlow        *pa_layout_get_closing_flow   (PaLayout           *self);

void           pa_layout_set_header         (PaLayout           *self,
                                             double              height,
                                             PaLayoutPageFunc    func,
                                             gpointer            user_data,
                                             GDestroyNotify      destroy);
void           pa_layout_set_footer         (PaLayout           *self,
                                             double              height,
                                             PaLayoutPageFunc    func,
                                             gpointer            user_data,
                                             GDestroyNotify      destroy);
void           pa_layout_set_overlay        (PaLayout           *self,
                                             PaLayoutPageFunc    func,
                                             gpointer            user_data,
                                             GDestroyNotify      destroy);
void           pa_layout_set_running_header (PaLayout           *self,
                                             const char         *text);
void           pa_layout_set_page_footer    (PaLayout           *self,
                                             const char         *text,
                                             gboolean            page_numbers);
double         pa_layout_draw_text          (PaLayout           *self,
                                             cairo_t            *cr,
                                             const char         *text,
                                             const PaTextStyle  *style,
                                             double              x,
                                             double              y,
                                             double              width);

int            pa_layout_paginate           (PaLayout           *self);
int            pa_layout_get_n_pages        (PaLayout           *self);
double         pa_layout_get_natural_height (PaLayout           *self);
double         pa_layout_get_body_height    (PaLayout           *self);
void           pa_layout_draw_page          (PaLayout           *self,
                                             cairo_t            *cr,
                                             int                 page);

/* Blocks. Sizes are in points; the flow owns what is added to it. */
void           pa_flow_add_text             (PaFlow             *flow,
                                             const char         *text,
                                             const PaTextStyle  *style);
void           pa_flow_add_markup           (PaFlow             *flow,
                                             const char         *markup,
                                             const PaTextStyle  *style);
void           pa_flow_add_heading          (PaFlow             *flow,
                                             int                 level,
                                             const char         *text);
void           pa_flow_add_spacer           (PaFlow             *flow,
                                             double              height);
void           pa_flow_add_rule             (PaFlow             *flow,
                                             double              thickness,
                                             guint32             color);
gboolean       pa_flow_add_image            (PaFlow             *flow,
                                             const char         *path,
                                             double              max_width,
                                             double              max_height,
                                             PaAlign             align,
                                             GError            **error);
gboolean       pa_flow_add_image_bytes      (PaFlow             *flow,
                                             GBytes             *bytes,
                                             const char         *name,
                                             double              max_width,
                                             double              max_height,
                                             PaAlign             align,
                                             GError            **error);
gboolean       pa_flow_add_qr               (PaFlow             *flow,
                                             const char         *text,
                                             double              size,
                                             PaAlign             align,
                                             GError            **error);
void           pa_flow_add_chart            (PaFlow             *flow,
                                             PaChart            *chart,
                                             const PaTextStyle  *style);
void           pa_flow_add_signature        (PaFlow             *flow,
                                             const char         *caption,
                                             const char         *name,
                                             const char         *role);
void           pa_flow_add_columns          (PaFlow             *flow,
                                             guint               n_columns,
                                             const double       *fractions,
                                             double              gap,
                                             PaFlow            **columns);
void           pa_flow_add_page_break       (PaFlow             *flow);
void           pa_flow_set_spacing          (PaFlow             *flow,
                                             double              before,
                                             double              after);
void           pa_flow_keep_with_next       (PaFlow             *flow);
void           pa_flow_set_frame            (PaFlow             *flow,
                                             guint32             border,
                                             guint32             background);
PaTable       *pa_flow_add_table            (PaFlow             *flow,
                                             guint               n_columns,
                                             const double       *fractions);

PaFlow        *pa_table_get_header_cell     (PaTable            *table,
                                             guint               column);
void           pa_table_add_row             (PaTable            *table);
PaFlow        *pa_table_get_cell            (PaTable            *table,
                                             guint               column);
void           pa_table_set_repeat_header   (PaTable            *table,
                                             gboolean            repeat);
void           pa_table_set_grid            (PaTable            *table,
                                             gboolean            grid);

G_END_DECLS
