/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "passerelle-report"

#include "config.h"

#include <math.h>
#include <string.h>

#include "pa-image.h"
#include "pa-layout.h"
#include "pa-qr.h"

#define DEFAULT_FAMILIES "Noto Sans, Noto Sans Arabic, Noto Naskh Arabic, DejaVu Sans"
#define HEADER_GAP 8.0
#define CELL_PAD_X 4.0
#define CELL_PAD_Y 3.0
#define FRAME_PAD 7.0
#define SIGNATURE_SPACE 34.0
#define RTL_SIZE_FACTOR 1.1
#define MIN_TEXT_SIZE 5.5

typedef enum
{
  BLOCK_TEXT,
  BLOCK_SPACER,
  BLOCK_RULE,
  BLOCK_IMAGE,
  BLOCK_QR,
  BLOCK_CHART,
  BLOCK_SIGNATURE,
  BLOCK_COLUMNS,
  BLOCK_TABLE,
  BLOCK_PAGE_BREAK,
} BlockKind;

typedef struct
{
  double a;
  double b;
} Span;

typedef struct _Block Block;

struct _PaFlow
{
  PaLayout *layout;          /* unowned: the layout owns every flow */
  GPtrArray *blocks;
  gboolean framed;
  guint32 border;
  guint32 background;
  double width;
  double height;
};

typedef struct
{
  PaFlow **cells;
  double y;                  /* top of the row in table coordinates */
  double height;
} TableRow;

struct _PaTable
{
  PaLayout *layout;
  guint n_columns;
  double *fractions;
  gboolean repeat_header;
  gboolean grid;             /* lines between columns and around the table */
  TableRow header;
  gboolean has_header;
  GPtrArray *rows;           /* TableRow* */
  double *col_x;             /* measured, start edge of each column, logical */
  double *col_w;
  double width;
  double height;
};

struct _Block
{
  BlockKind kind;
  double space_before;
  double space_after;
  gboolean keep_with_next;
  double y;                  /* in its flow */
  double width;
  double height;

  /* text, chart, signature */
  char *text;
  gboolean markup;
  PaTextStyle style;
  char *style_language;
  PangoLayout *pango;

  /* spacer, rule */
  double size;
  guint32 color;

  /* image, QR */
  PaImage *image;
  PaQr *qr;
  double max_width;
  double max_height;
  PaAlign align;
  double draw_width;
  double draw_height;

  PaChart *chart;

  /* signature */
  char *caption;
  char *name;
  char *role;
  PangoLayout *pango_caption;
  PangoLayout *pango_name;
  PangoLayout *pango_role;

  /* columns */
  guint n_columns;
  double *fractions;
  double gap;
  PaFlow **columns;

  PaTable *table;
};

typedef struct
{
  Block *block;
  double from;
  double to;
  double y;                  /* on the page, from the top of the flow area */
  gboolean repeat_header;
} Placed;

typedef struct
{
  double height;
  PaLayoutPageFunc func;
  gpointer data;
  GDestroyNotify destroy;
} PageDecoration;

struct _PaLayout
{
  GObject parent_instance;

  PaPageSetup *setup;
  PaReportI18n *i18n;
  PangoContext *context;
  char *families;
  double scale;

  GPtrArray *flows;          /* every flow, owned */
  GPtrArray *tables;         /* every table, owned */
  PaFlow *main;
  PaFlow *closing;

  PageDecoration header;
  PageDecoration footer;
  PageDecoration overlay;
  char *running_header;
  char *footer_text;
  gboolean page_numbers;

  /* pagination */
  gboolean paginated;
  double body_height;
  GPtrArray *pages;          /* GArray of Placed, one per page */
};

G_DEFINE_FINAL_TYPE (PaLayout, pa_layout, G_TYPE_OBJECT)

/* helpers */

static void
set_color (cairo_t *cr,
           guint32  rgb)
{
  cairo_set_source_rgb (cr, ((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0,
                        (rgb & 0xff) / 255.0);
}

static double
layout_height (PangoLayout *layout)
{
  int h;

  pango_layout_get_size (layout, NULL, &h);
  return (double) h / PANGO_SCALE;
}

/* Pango reads LEFT as "start" and flips LEFT and RIGHT for a paragraph whose
 * direction is opposite to the context's base direction (the report's). */
/* The direction of the first letter that has one, as the Unicode
 * bidirectional algorithm finds a paragraph's direction (rule P2), for the
 * scripts our reports meet. */
static PangoDirection
text_direction (const char *text)
{
  for (const char *p = text; p && *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c >= 0x0590 && c <= 0x08ff) || (c >= 0xfb1d && c <= 0xfdff)
          || (c >= 0xfe70 && c <= 0xfefe) || (c >= 0x10800 && c <= 0x10fff)
          || (c >= 0x1e800 && c <= 0x1efff))
        return PANGO_DIRECTION_RTL;
      if (g_unichar_isalpha (c))
        return PANGO_DIRECTION_LTR;
    }
  return PANGO_DIRECTION_NEUTRAL;
}

static PangoAlignment
pango_alignment (PaLayout   *self,
                 PaAlign     align,
                 const char *text)
{
  gboolean rtl = pa_layout_is_rtl (self);
  PangoDirection dir = text_direction (text);
  gboolean opposite = (dir == PANGO_DIRECTION_RTL && !rtl) || (dir == PANGO_DIRECTION_LTR && rtl);
  PangoAlignment physical;

  switch (align)
    {
    case PA_ALIGN_CENTER:
      return PANGO_ALIGN_CENTER;
    case PA_ALIGN_NATURAL:
      return rtl ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT;
    case PA_ALIGN_END:
      physical = rtl ? PANGO_ALIGN_LEFT : PANGO_ALIGN_RIGHT;
      break;
    case PA_ALIGN_START:
    default:
      physical = rtl ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT;
      break;
    }
  if (opposite)
    return physical == PANGO_ALIGN_LEFT ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT;
  return physical;
}

/* x of a box of @width placed with @align in a line of @avail, logical
 * alignment turned into a physical position. */
static double
aligned_x (PaLayout *self,
           PaAlign   align,
           double    avail,
           double    width)
{
  gboolean rtl = pa_layout_is_rtl (self);

  if (align == PA_ALIGN_CENTER)
    return (avail - width) / 2;
  if ((align == PA_ALIGN_START || align == PA_ALIGN_NATURAL) != rtl)
    return 0;
  return avail - width;
}

static PangoLayout *
make_pango (PaLayout          *self,
            const char        *text,
            gboolean           markup,
            const PaTextStyle *style,
            double             width)
{
  PangoLayout *layout = pango_layout_new (self->context);
  g_autoptr (PangoFontDescription) font = pango_font_description_from_string (self->families);
  /* Shrinking to fit stops where print stops being legible. */
  double size = MAX ((style->size > 0 ? style->size : 10.0) * self->scale, MIN_TEXT_SIZE);

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  if (style->bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  if (style->italic)
    pango_font_description_set_style (font, PANGO_STYLE_ITALIC);
  pango_layout_set_font_description (layout, font);
  if (markup)
    pango_layout_set_markup (layout, text, -1);
  else
    pango_layout_set_text (layout, text, -1);
  /* Arabic script looks a size smaller than Latin at the same size: a
   * right-to-left paragraph is set a little larger to read as its neighbours. */
  if (text_direction (pango_layout_get_text (layout)) == PANGO_DIRECTION_RTL)
    {
      pango_font_description_set_absolute_size (font, size * RTL_SIZE_FACTOR * PANGO_SCALE);
      pango_layout_set_font_description (layout, font);
    }
  if (style->language != NULL)
    {
      PangoAttrList *attrs = pango_layout_get_attributes (layout);
      g_autoptr (PangoAttrList) own = NULL;

      if (attrs == NULL)
        attrs = own = pango_attr_list_new ();
      pango_attr_list_insert_before (attrs,
                                     pango_attr_language_new (pango_language_from_string (style->language)));
      pango_layout_set_attributes (layout, attrs);
    }
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) floor (width * PANGO_SCALE));
      /* Long words (an e-mail address, a German compound) break inside
       * rather than run into the margin. */
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_alignment (layout, pango_alignment (self, style->align,
                                                       pango_layout_get_text (layout)));
  return layout;
}

/* flows and blocks */

static void
block_free (gpointer data)
{
  Block *block = data;

  g_free (block->text);
  g_free (block->style_language);
  g_clear_object (&block->pango);
  g_clear_pointer (&block->image, pa_image_free);
  g_clear_pointer (&block->qr, pa_qr_free);
  g_clear_pointer (&block->chart, pa_chart_free);
  g_free (block->caption);
  g_free (block->name);
  g_free (block->role);
  g_clear_object (&block->pango_caption);
  g_clear_object (&block->pango_name);
  g_clear_object (&block->pango_role);
  g_free (block->fractions);
  g_free (block->columns);
  g_free (block);
}

static void
flow_free (gpointer data)
{
  PaFlow *flow = data;

  g_ptr_array_unref (flow->blocks);
  g_free (flow);
}

static void
table_free (gpointer data)
{
  PaTable *table = data;

  g_free (table->fractions);
  g_free (table->header.cells);
  g_ptr_array_unref (table->rows);
  g_free (table->col_x);
  g_free (table->col_w);
  g_free (table);
}

static void
table_row_free (gpointer data)
{
  TableRow *row = data;

  g_free (row->cells);
  g_free (row);
}

static PaFlow *
flow_new (PaLayout *self)
{
  PaFlow *flow = g_new0 (PaFlow, 1);

  flow->layout = self;
  flow->blocks = g_ptr_array_new_with_free_func (block_free);
  g_ptr_array_add (self->flows, flow);
  return flow;
}

static Block *
flow_append (PaFlow    *flow,
             BlockKind  kind)
{
  Block *block = g_new0 (Block, 1);

  block->kind = kind;
  g_ptr_array_add (flow->blocks, block);
  flow->layout->paginated = FALSE;
  return block;
}

static Block *
flow_last (PaFlow *flow)
{
  return flow->blocks->len > 0 ? flow->blocks->pdata[flow->blocks->len - 1] : NULL;
}

/* measuring */

static double measure_flow (PaLayout *self, PaFlow *flow, double width);

static void
measure_table (PaLayout *self,
               PaTable  *table,
               double    width)
{
  double total = 0, x = 0, y = 0;
  double pad_x = CELL_PAD_X * self->scale;
  double pad_y = CELL_PAD_Y * self->scale;

  g_free (table->col_x);
  g_free (table->col_w);
  table->col_x = g_new0 (double, table->n_columns);
  table->col_w = g_new0 (double, table->n_columns);
  for (guint c = 0; c < table->n_columns; c++)
    total += table->fractions[c];
  for (guint c = 0; c < table->n_columns; c++)
    {
      table->col_x[c] = x;
      table->col_w[c] = width * table->fractions[c] / total;
      x += table->col_w[c];
    }
  table->width = width;

  for (int r = -1; r < (int) table->rows->len; r++)
    {
      TableRow *row = r < 0 ? &table->header : table->rows->pdata[r];
      double h = 0;

      if (r < 0 && !table->has_header)
        {
          row->height = 0;
          continue;
        }
      for (guint c = 0; c < table->n_columns; c++)
        h = MAX (h, measure_flow (self, row->cells[c], table->col_w[c] - 2 * pad_x));
      row->y = y;
      row->height = h + 2 * pad_y;
      y += row->height;
    }
  table->height = y;
}

static void
measure_block (PaLayout *self,
               Block    *block,
               double    width)
{
  block->width = width;
  switch (block->kind)
    {
    case BLOCK_TEXT:
      g_clear_object (&block->pango);
      block->pango = make_pango (self, block->text, block->markup, &block->style, width);
      block->height = layout_height (block->pango);
      break;

    case BLOCK_SPACER:
      block->height = block->size * self->scale;
      break;

    case BLOCK_RULE:
      block->height = block->size;
      break;

    case BLOCK_IMAGE:
      {
        double w = pa_image_get_width (block->image);
        double h = pa_image_get_height (block->image);
        double factor = MIN (MIN (block->max_width, width) / w, block->max_height / h);

        block->draw_width = w * factor;
        block->draw_height = h * factor;
        block->height = block->draw_height;
      }
      break;

    case BLOCK_QR:
      /* A QR code shrinks with the text, but no more than a quarter, so
       * that a phone still reads it from paper. */
      block->draw_width = block->draw_height = MIN (block->size * CLAMP (self->scale, 0.75, 1.0),
                                                    width);
      block->height = block->draw_height;
      break;

    case BLOCK_CHART:
      {
        g_autoptr (PangoFontDescription) font = pango_font_description_from_string (self->families);

        pango_font_description_set_absolute_size (font, (block->style.size > 0 ? block->style.size : 9.0)
                                                          * self->scale * PANGO_SCALE);
        block->height = pa_chart_measure (block->chart, self->context, font, width);
      }
      break;

    case BLOCK_SIGNATURE:
      {
        PaTextStyle small = PA_TEXT_STYLE_INIT;
        PaTextStyle name = PA_TEXT_STYLE_INIT;
        double h = 0;

        small.size = 8.5;
        small.color = 0x555555;
        name.size = 10;
        name.bold = TRUE;
        g_clear_object (&block->pango_caption);
        g_clear_object (&block->pango_name);
        g_clear_object (&block->pango_role);
        if (block->caption)
          {
            block->pango_caption = make_pango (self, block->caption, FALSE, &small, width);
            h += layout_height (block->pango_caption);
          }
        h += MAX (24.0, SIGNATURE_SPACE * self->scale) + 3;
        if (block->name)
          {
            block->pango_name = make_pango (self, block->name, FALSE, &name, width);
            h += layout_height (block->pango_name);
          }
        if (block->role)
          {
            block->pango_role = make_pango (self, block->role, FALSE, &small, width);
            h += layout_height (block->pango_role);
          }
        block->height = h;
      }
      break;

    case BLOCK_COLUMNS:
      {
        double total = 0, h = 0;
        double inner = width - block->gap * (block->n_columns - 1);

        for (guint c = 0; c < block->n_columns; c++)
          total += block->fractions[c];
        for (guint c = 0; c < block->n_columns; c++)
          h = MAX (h, measure_flow (self, block->columns[c], inner * block->fractions[c] / total));
        /* Framed columns share one height, so their boxes line up. */
        for (guint c = 0; c < block->n_columns; c++)
          if (block->columns[c]->framed)
            block->columns[c]->height = h;
        block->height = h;
      }
      break;

    case BLOCK_TABLE:
      measure_table (self, block->table, width);
      block->height = block->table->height;
      break;

    case BLOCK_PAGE_BREAK:
    default:
      block->height = 0;
      break;
    }
}

static double
measure_flow (PaLayout *self,
              PaFlow   *flow,
              double    width)
{
  double pad = flow->framed ? FRAME_PAD * self->scale : 0;
  double y = pad;

  flow->width = width;
  for (guint i = 0; i < flow->blocks->len; i++)
    {
      Block *block = flow->blocks->pdata[i];

      if (i > 0)
        y += block->space_before * self->scale;
      measure_block (self, block, width - 2 * pad);
      block->y = y;
      y += block->height;
      if (i + 1 < flow->blocks->len)
        y += block->space_after * self->scale;
    }
  flow->height = y + pad;
  return flow->height;
}

/* cutting: where a block may be split between pages */

static void
add_span (GArray *spans,
          double  a,
          double  b)
{
  Span span = { a, b };

  if (b > a)
    g_array_append_val (spans, span);
}

static void flow_spans (PaLayout *self, PaFlow *flow, double offset, GArray *spans);

static void
text_spans (Block  *block,
            double  offset,
            GArray *spans)
{
  PangoLayoutIter *iter = pango_layout_get_iter (block->pango);

  do
    {
      int y0, y1;

      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      add_span (spans, offset + (double) y0 / PANGO_SCALE, offset + (double) y1 / PANGO_SCALE);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

/* Rows stay whole unless one is taller than a page; then it may be cut
 * between the lines of its cells. The header stays with the first row. */
static void
table_spans (PaLayout *self,
             PaTable  *table,
             double    offset,
             GArray   *spans)
{
  double pad_y = CELL_PAD_Y * self->scale;
  double limit = self->body_height - table->header.height;

  for (guint r = 0; r < table->rows->len; r++)
    {
      TableRow *row = table->rows->pdata[r];

      if (row->height <= limit)
        add_span (spans, offset + (r == 0 ? 0 : row->y), offset + row->y + row->height);
      else
        {
          if (r == 0)
            add_span (spans, offset, offset + row->y + pad_y);
          for (guint c = 0; c < table->n_columns; c++)
            flow_spans (self, row->cells[c], offset + row->y + pad_y, spans);
        }
    }
  if (table->rows->len == 0)
    add_span (spans, offset, offset + table->height);
}

static void
block_spans (PaLayout *self,
             Block    *block,
             double    offset,
             GArray   *spans)
{
  switch (block->kind)
    {
    case BLOCK_TEXT:
      text_spans (block, offset, spans);
      break;
    case BLOCK_TABLE:
      table_spans (self, block->table, offset, spans);
      break;
    case BLOCK_SPACER:
    case BLOCK_PAGE_BREAK:
      break;
    default:
      add_span (spans, offset, offset + block->height);
      break;
    }
}

static void
flow_spans (PaLayout *self,
            PaFlow   *flow,
            double    offset,
            GArray   *spans)
{
  for (guint i = 0; i < flow->blocks->len; i++)
    {
      Block *block = flow->blocks->pdata[i];

      block_spans (self, block, offset + block->y, spans);
    }
}

static gboolean
cut_allowed (GArray *spans,
             double  y)
{
  for (guint i = 0; i < spans->len; i++)
    {
      Span *span = &g_array_index (spans, Span, i);

      if (span->a + 0.01 < y && y < span->b - 0.01)
        return FALSE;
    }
  return TRUE;
}

/* The largest y in (from, limit] where @block may be cut, or @from when none. */
static double
find_cut (PaLayout *self,
          Block    *block,
          double    from,
          double    limit)
{
  g_autoptr (GArray) spans = g_array_new (FALSE, FALSE, sizeof (Span));
  double best = from;

  if (limit >= block->height)
    return block->height;
  block_spans (self, block, 0, spans);
  if (cut_allowed (spans, limit))
    return limit;
  for (guint i = 0; i < spans->len; i++)
    {
      Span *span = &g_array_index (spans, Span, i);
      double candidates[2] = { span->a, span->b };

      for (int k = 0; k < 2; k++)
        if (candidates[k] > best && candidates[k] <= limit && cut_allowed (spans, candidates[k]))
          best = candidates[k];
    }
  return best;
}

/* The least of @block that can stand on a page: its first line, or a table's
 * header and first row. */
static double
first_piece (PaLayout *self,
             Block    *block)
{
  g_autoptr (GArray) spans = g_array_new (FALSE, FALSE, sizeof (Span));
  double best = block->height;

  block_spans (self, block, 0, spans);
  for (guint i = 0; i < spans->len; i++)
    {
      Span *span = &g_array_index (spans, Span, i);

      if (span->b > 0 && span->b < best && cut_allowed (spans, span->b))
        best = span->b;
    }
  return best;
}

static double
repeat_height (Block *block)
{
  if (block->kind == BLOCK_TABLE && block->table->repeat_header && block->table->has_header)
    return block->table->header.height;
  return 0;
}

/* drawing */

static void draw_flow (PaLayout *self, PaFlow *flow, cairo_t *cr);

static void
draw_table_row (PaLayout *self,
                PaTable  *table,
                TableRow *row,
                cairo_t  *cr,
                gboolean  header)
{
  gboolean rtl = pa_layout_is_rtl (self);
  double pad_x = CELL_PAD_X * self->scale;
  double pad_y = CELL_PAD_Y * self->scale;

  if (header)
    {
      cairo_set_source_rgb (cr, 0.92, 0.94, 0.94);
      cairo_rectangle (cr, 0, row->y, table->width, row->height);
      cairo_fill (cr);
    }
  for (guint c = 0; c < table->n_columns; c++)
    {
      double x = rtl ? table->width - table->col_x[c] - table->col_w[c] : table->col_x[c];

      cairo_save (cr);
      cairo_translate (cr, x + pad_x, row->y + pad_y);
      draw_flow (self, row->cells[c], cr);
      cairo_restore (cr);
    }
  if (table->grid)
    {
      /* Boxes to write in (signatures): darker, and closed on every side. */
      cairo_set_source_rgb (cr, 0.35, 0.35, 0.35);
      cairo_set_line_width (cr, 0.6);
      for (guint c = 0; c <= table->n_columns; c++)
        {
          double x = c < table->n_columns ? table->col_x[c] : table->width;

          if (rtl)
            x = table->width - x;
          x = CLAMP (x, 0.3, table->width - 0.3);
          cairo_move_to (cr, x, row->y);
          cairo_line_to (cr, x, row->y + row->height);
        }
      cairo_stroke (cr);
    }
  cairo_set_source_rgb (cr, header ? 0.25 : table->grid ? 0.35 : 0.75,
                        header ? 0.25 : table->grid ? 0.35 : 0.75,
                        header ? 0.25 : table->grid ? 0.35 : 0.75);
  cairo_set_line_width (cr, header ? 0.8 : table->grid ? 0.6 : 0.4);
  cairo_move_to (cr, 0, row->y + row->height);
  cairo_line_to (cr, table->width, row->y + row->height);
  cairo_stroke (cr);
}

static void
draw_table_header (PaLayout *self,
                   PaTable  *table,
                   cairo_t  *cr)
{
  if (!table->has_header)
    return;
  draw_table_row (self, table, &table->header, cr, TRUE);
  cairo_set_source_rgb (cr, 0.25, 0.25, 0.25);
  cairo_set_line_width (cr, 0.8);
  cairo_move_to (cr, 0, 0);
  cairo_line_to (cr, table->width, 0);
  cairo_stroke (cr);
}

static void
draw_table (PaLayout *self,
            PaTable  *table,
            cairo_t  *cr)
{
  draw_table_header (self, table, cr);
  for (guint r = 0; r < table->rows->len; r++)
    draw_table_row (self, table, table->rows->pdata[r], cr, FALSE);
}

static void
draw_block (PaLayout *self,
            Block    *block,
            cairo_t  *cr)
{
  switch (block->kind)
    {
    case BLOCK_TEXT:
      set_color (cr, block->style.color);
      cairo_move_to (cr, 0, 0);
      pango_cairo_show_layout (cr, block->pango);
      break;

    case BLOCK_RULE:
      set_color (cr, block->color);
      cairo_rectangle (cr, 0, 0, block->width, block->size);
      cairo_fill (cr);
      break;

    case BLOCK_IMAGE:
      pa_image_draw (block->image, cr,
                     aligned_x (self, block->align, block->width, block->draw_width), 0,
                     block->draw_width, block->draw_height);
      break;

    case BLOCK_QR:
      pa_qr_draw (block->qr, cr, aligned_x (self, block->align, block->width, block->draw_width),
                  0, block->draw_width);
      break;

    case BLOCK_CHART:
      pa_chart_draw (block->chart, cr, 0, 0);
      break;

    case BLOCK_SIGNATURE:
      {
        double y = 0;

        set_color (cr, 0x555555);
        if (block->pango_caption)
          {
            cairo_move_to (cr, 0, 0);
            pango_cairo_show_layout (cr, block->pango_caption);
            y += layout_height (block->pango_caption);
          }
        y += MAX (24.0, SIGNATURE_SPACE * self->scale);
        cairo_set_source_rgb (cr, 0.2, 0.2, 0.2);
        cairo_set_line_width (cr, 0.7);
        cairo_move_to (cr, 0, y);
        cairo_line_to (cr, block->width, y);
        cairo_stroke (cr);
        y += 3;
        if (block->pango_name)
          {
            set_color (cr, 0x1a1a1a);
            cairo_move_to (cr, 0, y);
            pango_cairo_show_layout (cr, block->pango_name);
            y += layout_height (block->pango_name);
          }
        if (block->pango_role)
          {
            set_color (cr, 0x555555);
            cairo_move_to (cr, 0, y);
            pango_cairo_show_layout (cr, block->pango_role);
          }
      }
      break;

    case BLOCK_COLUMNS:
      {
        gboolean rtl = pa_layout_is_rtl (self);
        double total = 0, x = 0;
        double inner = block->width - block->gap * (block->n_columns - 1);

        for (guint c = 0; c < block->n_columns; c++)
          total += block->fractions[c];
        for (guint c = 0; c < block->n_columns; c++)
          {
            double w = inner * block->fractions[c] / total;

            cairo_save (cr);
            cairo_translate (cr, rtl ? block->width - x - w : x, 0);
            draw_flow (self, block->columns[c], cr);
            cairo_restore (cr);
            x += w + block->gap;
          }
      }
      break;

    case BLOCK_TABLE:
      draw_table (self, block->table, cr);
      break;

    case BLOCK_SPACER:
    case BLOCK_PAGE_BREAK:
    default:
      break;
    }
}

static void
draw_flow (PaLayout *self,
           PaFlow   *flow,
           cairo_t  *cr)
{
  if (flow->framed)
    {
      cairo_rectangle (cr, 0.5, 0.5, flow->width - 1, flow->height - 1);
      set_color (cr, flow->background);
      cairo_fill_preserve (cr);
      set_color (cr, flow->border);
      cairo_set_line_width (cr, 1.0);
      cairo_stroke (cr);
    }
  for (guint i = 0; i < flow->blocks->len; i++)
    {
      Block *block = flow->blocks->pdata[i];
      double pad = flow->framed ? FRAME_PAD * self->scale : 0;

      cairo_save (cr);
      cairo_translate (cr, pad, block->y);
      draw_block (self, block, cr);
      cairo_restore (cr);
    }
}

/* header, footer */

static void
running_header_cb (PaLayout     *self,
                   cairo_t      *cr,
                   const PaRect *area,
                   int           page,
                   int           n_pages,
                   gpointer      user_data)
{
  PaTextStyle style = PA_TEXT_STYLE_INIT;

  style.size = 8;
  style.color = 0x555555;
  pa_layout_draw_text (self, cr, self->running_header, &style, area->x, area->y, area->width);
  cairo_set_source_rgb (cr, 0.6, 0.6, 0.6);
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, area->x, area->y + area->height - 0.25);
  cairo_line_to (cr, area->x + area->width, area->y + area->height - 0.25);
  cairo_stroke (cr);
}

static void
page_footer_cb (PaLayout     *self,
                cairo_t      *cr,
                const PaRect *area,
                int           page,
                int           n_pages,
                gpointer      user_data)
{
  PaTextStyle style = PA_TEXT_STYLE_INIT;
  double text_y = area->y + 4;

  style.size = 8;
  style.color = 0x555555;
  cairo_set_source_rgb (cr, 0.6, 0.6, 0.6);
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, area->x, area->y + 0.25);
  cairo_line_to (cr, area->x + area->width, area->y + 0.25);
  cairo_stroke (cr);

  if (self->page_numbers)
    {
      char num[16], total[16];
      g_autofree char *text = NULL;

      g_snprintf (num, sizeof num, "%d", page + 1);
      g_snprintf (total, sizeof total, "%d", n_pages);
      text = pa_report_expand (
        /* Translators: page numbers at the bottom of a report; keep the names in braces. */
        pa_report_gettext (self->i18n, "Page {page} of {pages}"),
        "page", num, "pages", total, NULL);
      style.align = PA_ALIGN_END;
      pa_layout_draw_text (self, cr, text, &style, area->x, text_y, area->width);
      style.align = PA_ALIGN_START;
      if (self->footer_text)
        pa_layout_draw_text (self, cr, self->footer_text, &style, area->x, text_y,
                             area->width * 0.75);
    }
  else if (self->footer_text)
    {
      style.align = PA_ALIGN_CENTER;
      pa_layout_draw_text (self, cr, self->footer_text, &style, area->x, text_y, area->width);
    }
}

static void
decoration_clear (PageDecoration *decoration)
{
  if (decoration->destroy)
    decoration->destroy (decoration->data);
  memset (decoration, 0, sizeof *decoration);
}

/* GObject */

static void
pa_layout_finalize (GObject *object)
{
  PaLayout *self = PA_LAYOUT (object);

  decoration_clear (&self->header);
  decoration_clear (&self->footer);
  decoration_clear (&self->overlay);
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_pointer (&self->flows, g_ptr_array_unref);
  g_clear_pointer (&self->tables, g_ptr_array_unref);
  g_clear_pointer (&self->setup, pa_page_setup_free);
  g_clear_pointer (&self->i18n, pa_report_i18n_unref);
  g_clear_object (&self->context);
  g_free (self->families);
  g_free (self->running_header);
  g_free (self->footer_text);

  G_OBJECT_CLASS (pa_layout_parent_class)->finalize (object);
}

static void
pa_layout_class_init (PaLayoutClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pa_layout_finalize;
}

static void
pa_layout_init (PaLayout *self)
{
  self->scale = 1.0;
  self->families = g_strdup (DEFAULT_FAMILIES);
  self->flows = g_ptr_array_new_with_free_func (flow_free);
  self->tables = g_ptr_array_new_with_free_func (table_free);
  self->main = flow_new (self);
  self->closing = flow_new (self);
}

/* public */

/**
 * pa_text_style:
 * @size: points
 * @bold: whether the text is bold
 * @color: 0xRRGGBB
 *
 * Returns: the default text style (start-aligned, upright) with these set.
 */
PaTextStyle
pa_text_style (double   size,
               gboolean bold,
               guint32  color)
{
  PaTextStyle s = PA_TEXT_STYLE_INIT;

  s.size = size;
  s.bold = bold;
  s.color = color;
  return s;
}

/**
 * pa_layout_new:
 * @setup: the paper and margins
 * @i18n: the report's language
 *
 * The Pango context measures in points, without hinting, so the same text
 * breaks at the same places on a PDF, a printer and the screen preview.
 *
 * Returns: (transfer full): an empty report.
 */
PaLayout *
pa_layout_new (const PaPageSetup *setup,
               PaReportI18n      *i18n)
{
  PaLayout *self;
  PangoFontMap *fontmap;
  cairo_font_options_t *options;

  g_return_val_if_fail (setup != NULL, NULL);
  g_return_val_if_fail (i18n != NULL, NULL);

  self = g_object_new (PA_TYPE_LAYOUT, NULL);
  self->setup = pa_page_setup_copy (setup);
  self->i18n = pa_report_i18n_ref (i18n);

  /* One font map per thread (Pango's default is per thread), so a worker
   * thread can lay out a report while the interface draws. */
  fontmap = pango_cairo_font_map_get_default ();
  self->context = pango_font_map_create_context (fontmap);
  pango_cairo_context_set_resolution (self->context, 72.0);
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options (self->context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (self->context, FALSE);
  pango_context_set_language (self->context,
                              pango_language_from_string (pa_report_i18n_get_language (i18n)));
  pango_context_set_base_dir (self->context,
                              pa_report_i18n_is_rtl (i18n) ? PANGO_DIRECTION_RTL
                                                           : PANGO_DIRECTION_LTR);
  return self;
}

PaReportI18n *
pa_layout_get_i18n (PaLayout *self)
{
  g_return_val_if_fail (PA_IS_LAYOUT (self), NULL);
  return self->i18n;
}

const PaPageSetup *
pa_layout_get_page_setup (PaLayout *self)
{
  g_return_val_if_fail (PA_IS_LAYOUT (self), NULL);
  return self->setup;
}

gboolean
pa_layout_is_rtl (PaLayout *self)
{
  g_return_val_if_fail (PA_IS_LAYOUT (self), FALSE);
  return pa_report_i18n_is_rtl (self->i18n);
}

/**
 * pa_layout_set_scale:
 * @self: a layout
 * @scale: factor for every text size and spacing (0.3 to 3)
 *
 * Lets a one-page report shrink until it fits. Images keep their size; QR
 * codes shrink by a quarter at most.
 */
void
pa_layout_set_scale (PaLayout *self,
                     double    scale)
{
  g_return_if_fail (PA_IS_LAYOUT (self));
  g_return_if_fail (scale >= 0.3 && scale <= 3.0);

  self->scale = scale;
  self->paginated = FALSE;
}

double
pa_layout_get_scale (PaLayout *self)
{
  g_return_val_if_fail (PA_IS_LAYOUT (self), 1.0);
  return self->scale;
}

/**
 * pa_layout_set_font_family:
 * @self: a layout
 * @families: a comma-separated list of font families, first choice first
 */
void
pa_layout_set_font_family (PaLayout   *self,
                           const char *families)
{
  g_return_if_fail (PA_IS_LAYOUT (self));
  g_return_if_fail (families != NULL && *families != '\0');

  g_free (self->families);
  self->families = g_strdup (families);
  self->paginated = FALSE;
}

PangoContext *
pa_layout_get_pango_context (PaLayout *self)
{
  g_return_val_if_fail (PA_IS_LAYOUT (self), NULL);
  return self->context;
}

/**
 * pa_layout_get_flow:
 * @self: a layout
 *
 * Returns: (transfer none): the main flow, which runs over as many pages as
 * it needs.
 */
PaFlow *
pa_layout_get_flow (PaLayout *self)
{
  g_return_val_if_fail (PA_IS_LAYOUT (self), NULL);
  return self->main;
}

/**
 * pa_layout_get_closing_flow:
 * @self: a layout
 *
 * Returns: (transfer none): blocks kept together at the foot of the last page
 * (signatures, verification code), on a new page if the last one is full.
 */
PaFlow *
pa_layout_get_closing_flow (PaLayout *self)
{
  g_return_val_if_fail (PA_IS_LAYOUT (self), NULL);
  return self->closing;
}

static void
decoration_set (PaLayout         *self,
                PageDecoration   *decoration,
                double            height,
                PaLayoutPageFunc  func,
                gpointer          user_data,
                GDestroyNotify    destroy)
{
  decoration_clear (decoration);
  decoration->height = func ? height : 0;
  decoration->func = func;
  decoration->data = user_data;
  decoration->destroy = destroy;
  self->paginated = FALSE;
}

/**
 * pa_layout_set_header:
 * @self: a layout
 * @height: height taken at the top of the content box on every page
 * @func: (nullable): draws the header
 * @user_data: data for @func
 * @destroy: frees @user_data
 */
void
pa_layout_set_header (PaLayout         *self,
                      double            height,
                      PaLayoutPageFunc  func,
                      gpointer          user_data,
                      GDestroyNotify    destroy)
{
  g_return_if_fail (PA_IS_LAYOUT (self));
  g_return_if_fail (height >= 0);
  decoration_set (self, &self->header, height, func, user_data, destroy);
}

/**
 * pa_layout_set_footer:
 * @self: a layout
 * @height: height taken at the bottom of the content box on every page
 * @func: (nullable): draws the footer; it is told the page number and the
 *   number of pages, known once the whole report is paginated
 * @user_data: data for @func
 * @destroy: frees @user_data
 */
void
pa_layout_set_footer (PaLayout         *self,
                      double            height,
                      PaLayoutPageFunc  func,
                      gpointer          user_data,
                      GDestroyNotify    destroy)
{
  g_return_if_fail (PA_IS_LAYOUT (self));
  g_return_if_fail (height >= 0);
  decoration_set (self, &self->footer, height, func, user_data, destroy);
}

/**
 * pa_layout_set_overlay:
 * @self: a layout
 * @func: (nullable): drawn over each page's content, inside the content box
 * @user_data: data for @func
 * @destroy: frees @user_data
 */
void
pa_layout_set_overlay (PaLayout         *self,
                       PaLayoutPageFunc  func,
                       gpointer          user_data,
                       GDestroyNotify    destroy)
{
  g_return_if_fail (PA_IS_LAYOUT (self));
  decoration_set (self, &self->overlay, 0, func, user_data, destroy);
}

/**
 * pa_layout_set_running_header:
 * @self: a layout
 * @text: a line repeated at the top of every page, over a thin rule
 */
void
pa_layout_set_running_header (PaLayout   *self,
                              const char *text)
{
  g_return_if_fail (PA_IS_LAYOUT (self));
  g_return_if_fail (text != NULL);

  g_free (self->running_header);
  self->running_header = g_strdup (text);
  pa_layout_set_header (self, 14, running_header_cb, NULL, NULL);
}

/**
 * pa_layout_set_page_footer:
 * @self: a layout
 * @text: (nullable): a line at the foot of every page
 * @page_numbers: whether to add "Page N of M", in the report's language
 */
void
pa_layout_set_page_footer (PaLayout   *self,
                           const char *text,
                           gboolean    page_numbers)
{
  g_return_if_fail (PA_IS_LAYOUT (self));

  g_free (self->footer_text);
  self->footer_text = g_strdup (text);
  self->page_numbers = page_numbers;
  pa_layout_set_footer (self, 16, page_footer_cb, NULL, NULL);
}

/**
 * pa_layout_draw_text:
 * @self: a layout
 * @cr: where to draw
 * @text: plain text
 * @style: its style (the layout's scale is applied)
 * @x: left edge of the box
 * @y: top edge of the box
 * @width: width of the box; the text wraps inside it
 *
 * For header, footer and overlay functions.
 *
 * Returns: the height of the text drawn.
 */
double
pa_layout_draw_text (PaLayout          *self,
                     cairo_t           *cr,
                     const char        *text,
                     const PaTextStyle *style,
                     double             x,
                     double             y,
                     double             width)
{
  g_autoptr (PangoLayout) layout = NULL;

  g_return_val_if_fail (PA_IS_LAYOUT (self), 0);
  g_return_val_if_fail (cr != NULL && text != NULL && style != NULL, 0);

  layout = make_pango (self, text, FALSE, style, width);
  cairo_save (cr);
  set_color (cr, style->color);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
  return layout_height (layout);
}

static PaRect
flow_area (PaLayout *self)
{
  PaRect box = pa_page_setup_get_content_box (self->setup);

  if (self->header.func)
    {
      box.y += self->header.height + HEADER_GAP;
      box.height -= self->header.height + HEADER_GAP;
    }
  if (self->footer.func)
    box.height -= self->footer.height + HEADER_GAP;
  return box;
}

static GArray *
new_page (GPtrArray *pages)
{
  GArray *page = g_array_new (FALSE, FALSE, sizeof (Placed));

  g_ptr_array_add (pages, page);
  return page;
}

static void
place (GArray   *page,
       Block    *block,
       double    from,
       double    to,
       double    y,
       gboolean  repeat_header)
{
  Placed placed = { block, from, to, y, repeat_header };

  g_array_append_val (page, placed);
}

/**
 * pa_layout_paginate:
 * @self: a layout
 *
 * Measures every block at the content width and cuts the flow into pages:
 * paragraphs between lines, tables between rows (repeating their header row),
 * headings kept with what follows. Done again only after a change.
 *
 * Returns: the number of pages (at least 1).
 */
int
pa_layout_paginate (PaLayout *self)
{
  PaRect area;
  GArray *page;
  double y = 0, height;
  GPtrArray *blocks;

  g_return_val_if_fail (PA_IS_LAYOUT (self), 0);

  if (self->paginated)
    return (int) self->pages->len;

  area = flow_area (self);
  height = area.height;
  self->body_height = height;
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  page = new_page (self->pages);

  measure_flow (self, self->main, area.width);
  blocks = self->main->blocks;
  for (guint i = 0; i < blocks->len; i++)
    {
      Block *block = blocks->pdata[i];
      double space = page->len > 0 ? block->space_before * self->scale : 0;
      double from = 0;

      if (block->kind == BLOCK_PAGE_BREAK)
        {
          if (page->len > 0)
            {
              page = new_page (self->pages);
              y = 0;
            }
          continue;
        }

      /* A heading never ends a page: it moves on with the start of what it
       * introduces. */
      if (block->keep_with_next && page->len > 0 && i + 1 < blocks->len)
        {
          Block *next = blocks->pdata[i + 1];
          double need = space + block->height + (block->space_after + next->space_before) * self->scale
                        + first_piece (self, next);

          if (next->kind != BLOCK_PAGE_BREAK && y + need > height + 0.01)
            {
              page = new_page (self->pages);
              y = 0;
              space = 0;
            }
        }

      for (;;)
        {
          double prefix = from > 0 ? repeat_height (block) : 0;
          double avail = height - y - space;
          double cut;

          if ((block->height - from) + prefix <= avail + 0.01)
            {
              place (page, block, from, block->height, y + space, prefix > 0);
              y += space + prefix + block->height - from;
              break;
            }

          cut = find_cut (self, block, from, from + avail - prefix);
          if (cut <= from + 0.01 || (from == 0 && block->kind == BLOCK_TABLE && cut <= repeat_height (block)))
            {
              if (page->len > 0)
                {
                  page = new_page (self->pages);
                  y = 0;
                  space = 0;
                  continue;
                }
              /* Taller than a page and nowhere to cut: clip it rather than
               * loop for ever. */
              cut = MAX (from + avail - prefix, from + 1);
            }
          place (page, block, from, cut, y + space, prefix > 0);
          page = new_page (self->pages);
          y = 0;
          space = 0;
          from = cut;
        }
      y += block->space_after * self->scale;
    }

  if (self->closing->blocks->len > 0)
    {
      double closing_h = measure_flow (self, self->closing, area.width);

      if (page->len > 0 && y + 12 * self->scale + closing_h > height + 0.01)
        page = new_page (self->pages);
      /* marked by block == NULL: the closing flow, drawn whole at the foot */
      place (page, NULL, 0, closing_h, MAX (0, height - closing_h), FALSE);
    }

  self->paginated = TRUE;
  return (int) self->pages->len;
}

int
pa_layout_get_n_pages (PaLayout *self)
{
  g_return_val_if_fail (PA_IS_LAYOUT (self), 0);
  return pa_layout_paginate (self);
}

/**
 * pa_layout_get_natural_height:
 * @self: a layout
 *
 * Returns: the height the whole flow and the closing blocks would take on
 * one endless page, at the current scale.
 */
double
pa_layout_get_natural_height (PaLayout *self)
{
  g_return_val_if_fail (PA_IS_LAYOUT (self), 0);

  pa_layout_paginate (self);
  return self->main->height
         + (self->closing->blocks->len > 0 ? 12 * self->scale + self->closing->height : 0);
}

/**
 * pa_layout_get_body_height:
 * @self: a layout
 *
 * Returns: the height a page offers to the flow, between header and footer.
 */
double
pa_layout_get_body_height (PaLayout *self)
{
  g_return_val_if_fail (PA_IS_LAYOUT (self), 0);

  pa_layout_paginate (self);
  return self->body_height;
}

/**
 * pa_layout_draw_page:
 * @self: a layout
 * @cr: a context whose user space is the page in points, origin at the
 *   page's top left corner
 * @page: the page, from 0
 *
 * Draws one page (paginating first if needed). Nothing is drawn outside the
 * page setup's content box.
 */
void
pa_layout_draw_page (PaLayout *self,
                     cairo_t  *cr,
                     int       page)
{
  PaRect box, area;
  GArray *placed;
  int n_pages;

  g_return_if_fail (PA_IS_LAYOUT (self));
  g_return_if_fail (cr != NULL);

  n_pages = pa_layout_paginate (self);
  g_return_if_fail (page >= 0 && page < n_pages);

  box = pa_page_setup_get_content_box (self->setup);
  area = flow_area (self);
  placed = self->pages->pdata[page];

  cairo_save (cr);
  if (self->header.func)
    {
      PaRect header = { box.x, box.y, box.width, self->header.height };

      cairo_save (cr);
      self->header.func (self, cr, &header, page, n_pages, self->header.data);
      cairo_restore (cr);
    }

  for (guint i = 0; i < placed->len; i++)
    {
      Placed *item = &g_array_index (placed, Placed, i);
      double top = area.y + item->y;

      cairo_save (cr);
      if (item->block == NULL)
        {
          cairo_translate (cr, area.x, top);
          draw_flow (self, self->closing, cr);
          cairo_restore (cr);
          continue;
        }
      if (item->repeat_header)
        {
          cairo_save (cr);
          cairo_translate (cr, area.x, top);
          draw_table_header (self, item->block->table, cr);
          cairo_restore (cr);
          top += repeat_height (item->block);
        }
      if (item->from > 0 || item->to < item->block->height)
        {
          cairo_rectangle (cr, box.x, top, box.width, item->to - item->from);
          cairo_clip (cr);
        }
      cairo_translate (cr, area.x, top - item->from);
      draw_block (self, item->block, cr);
      cairo_restore (cr);

      /* a table cut inside gets its closing rule */
      if (item->block->kind == BLOCK_TABLE && item->to < item->block->height)
        {
          cairo_set_source_rgb (cr, 0.75, 0.75, 0.75);
          cairo_set_line_width (cr, 0.4);
          cairo_move_to (cr, area.x, top + item->to - item->from - 0.2);
          cairo_line_to (cr, area.x + area.width, top + item->to - item->from - 0.2);
          cairo_stroke (cr);
        }
    }

  if (self->footer.func)
    {
      PaRect footer = { box.x, box.y + box.height - self->footer.height, box.width,
                        self->footer.height };

      cairo_save (cr);
      self->footer.func (self, cr, &footer, page, n_pages, self->footer.data);
      cairo_restore (cr);
    }
  if (self->overlay.func)
    {
      cairo_save (cr);
      self->overlay.func (self, cr, &box, page, n_pages, self->overlay.data);
      cairo_restore (cr);
    }
  cairo_restore (cr);
}

/* blocks */

static void
copy_style (Block             *block,
            const PaTextStyle *style)
{
  PaTextStyle plain = PA_TEXT_STYLE_INIT;

  block->style = style ? *style : plain;
  block->style_language = g_strdup (block->style.language);
  block->style.language = block->style_language;
}

static Block *
add_text (PaFlow            *flow,
          const char        *text,
          gboolean           markup,
          const PaTextStyle *style)
{
  Block *block = flow_append (flow, BLOCK_TEXT);

  block->text = g_strdup (text);
  block->markup = markup;
  copy_style (block, style);
  return block;
}

/**
 * pa_flow_add_text:
 * @flow: a flow
 * @text: plain text (never read as markup, so names cannot inject any)
 * @style: (nullable): its style
 */
void
pa_flow_add_text (PaFlow            *flow,
                  const char        *text,
                  const PaTextStyle *style)
{
  g_return_if_fail (flow != NULL);
  g_return_if_fail (text != NULL);

  add_text (flow, text, FALSE, style);
}

/**
 * pa_flow_add_markup:
 * @flow: a flow
 * @markup: Pango markup; escape user text with g_markup_printf_escaped()
 * @style: (nullable): its base style
 */
void
pa_flow_add_markup (PaFlow            *flow,
                    const char        *markup,
                    const PaTextStyle *style)
{
  g_return_if_fail (flow != NULL);
  g_return_if_fail (markup != NULL);
  g_return_if_fail (pango_parse_markup (markup, -1, 0, NULL, NULL, NULL, NULL));

  add_text (flow, markup, TRUE, style);
}

/**
 * pa_flow_add_heading:
 * @flow: a flow
 * @level: 1, 2 or 3
 * @text: plain text
 *
 * A bold heading, kept on the same page as the start of what follows.
 */
void
pa_flow_add_heading (PaFlow     *flow,
                     int         level,
                     const char *text)
{
  static const double sizes[] = { 17.0, 13.5, 11.0 };
  static const double before[] = { 14.0, 11.0, 8.0 };
  PaTextStyle style = PA_TEXT_STYLE_INIT;
  Block *block;

  g_return_if_fail (flow != NULL);
  g_return_if_fail (level >= 1 && level <= 3);
  g_return_if_fail (text != NULL);

  style.size = sizes[level - 1];
  style.bold = TRUE;
  style.color = level == 1 ? 0x18444f : 0x1a1a1a;
  block = add_text (flow, text, FALSE, &style);
  block->space_before = before[level - 1];
  block->space_after = 4.0;
  block->keep_with_next = TRUE;
}

void
pa_flow_add_spacer (PaFlow *flow,
                    double  height)
{
  Block *block;

  g_return_if_fail (flow != NULL);
  g_return_if_fail (height >= 0);

  block = flow_append (flow, BLOCK_SPACER);
  block->size = height;
}

void
pa_flow_add_rule (PaFlow  *flow,
                  double   thickness,
                  guint32  color)
{
  Block *block;

  g_return_if_fail (flow != NULL);
  g_return_if_fail (thickness > 0);

  block = flow_append (flow, BLOCK_RULE);
  block->size = thickness;
  block->color = color;
}

/**
 * pa_flow_add_image:
 * @flow: a flow
 * @path: a PNG, JPEG or SVG file
 * @max_width: the largest width it may take
 * @max_height: the largest height it may take
 * @align: where it sits in the line
 * @error: return location for an error
 *
 * The image keeps its proportions and is scaled down (never up beyond the
 * limits) to fit.
 *
 * Returns: %TRUE when the image was read; otherwise @error names the file
 * and the problem, and nothing was added.
 */
gboolean
pa_flow_add_image (PaFlow      *flow,
                   const char  *path,
                   double       max_width,
                   double       max_height,
                   PaAlign      align,
                   GError     **error)
{
  PaImage *image;
  Block *block;

  g_return_val_if_fail (flow != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (max_width > 0 && max_height > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  image = pa_image_new_from_file (path, error);
  if (image == NULL)
    return FALSE;
  block = flow_append (flow, BLOCK_IMAGE);
  block->image = image;
  block->max_width = max_width;
  block->max_height = max_height;
  block->align = align;
  return TRUE;
}

/**
 * pa_flow_add_image_bytes:
 * @bytes: a PNG, JPEG or SVG picture
 * @name: what an error message calls it
 *
 * pa_flow_add_image() for a picture held in memory (the centre's logo as the
 * store keeps it).
 */
gboolean
pa_flow_add_image_bytes (PaFlow      *flow,
                         GBytes      *bytes,
                         const char  *name,
                         double       max_width,
                         double       max_height,
                         PaAlign      align,
                         GError     **error)
{
  PaImage *image;
  Block *block;

  g_return_val_if_fail (flow != NULL, FALSE);
  g_return_val_if_fail (bytes != NULL && name != NULL, FALSE);
  g_return_val_if_fail (max_width > 0 && max_height > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  image = pa_image_new_from_bytes (bytes, name, error);
  if (image == NULL)
    return FALSE;
  block = flow_append (flow, BLOCK_IMAGE);
  block->image = image;
  block->max_width = max_width;
  block->max_height = max_height;
  block->align = align;
  return TRUE;
}

/**
 * pa_flow_add_qr:
 * @flow: a flow
 * @text: what the code carries
 * @size: side of the code, quiet zone included, in points
 * @align: where it sits in the line
 * @error: return location for an error
 *
 * Returns: %TRUE when @text could be encoded.
 */
gboolean
pa_flow_add_qr (PaFlow      *flow,
                const char  *text,
                double       size,
                PaAlign      align,
                GError     **error)
{
  PaQr *qr;
  Block *block;

  g_return_val_if_fail (flow != NULL, FALSE);
  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (size > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  qr = pa_qr_new (text, error);
  if (qr == NULL)
    return FALSE;
  block = flow_append (flow, BLOCK_QR);
  block->qr = qr;
  block->size = size;
  block->align = align;
  return TRUE;
}

/**
 * pa_flow_add_chart:
 * @flow: a flow
 * @chart: (transfer full): the chart
 * @style: (nullable): the size of its labels
 */
void
pa_flow_add_chart (PaFlow            *flow,
                   PaChart           *chart,
                   const PaTextStyle *style)
{
  Block *block;

  g_return_if_fail (flow != NULL);
  g_return_if_fail (chart != NULL);

  block = flow_append (flow, BLOCK_CHART);
  block->chart = chart;
  copy_style (block, style);
  if (style == NULL)
    block->style.size = 9.0;
}

/**
 * pa_flow_add_signature:
 * @flow: a flow
 * @caption: (nullable): above the space for the signature ("For the centre")
 * @name: (nullable): under the line
 * @role: (nullable): under the name
 *
 * A space to sign, a line as wide as the flow, the signatory's name and role.
 */
void
pa_flow_add_signature (PaFlow     *flow,
                       const char *caption,
                       const char *name,
                       const char *role)
{
  Block *block;

  g_return_if_fail (flow != NULL);

  block = flow_append (flow, BLOCK_SIGNATURE);
  block->caption = g_strdup (caption);
  block->name = g_strdup (name);
  block->role = g_strdup (role);
}

/**
 * pa_flow_add_columns:
 * @flow: a flow
 * @n_columns: how many columns, side by side
 * @fractions: their relative widths
 * @gap: the space between two columns
 * @columns: (out) (array length=n_columns): the flows of the columns, filled
 *   by the caller
 *
 * Columns stay together on one page. In a right-to-left report the first
 * column is on the right.
 */
void
pa_flow_add_columns (PaFlow        *flow,
                     guint          n_columns,
                     const double  *fractions,
                     double         gap,
                     PaFlow       **columns)
{
  Block *block;

  g_return_if_fail (flow != NULL);
  g_return_if_fail (n_columns >= 1);
  g_return_if_fail (fractions != NULL && columns != NULL);
  g_return_if_fail (gap >= 0);

  block = flow_append (flow, BLOCK_COLUMNS);
  block->n_columns = n_columns;
  block->fractions = g_memdup2 (fractions, n_columns * sizeof (double));
  block->gap = gap;
  block->columns = g_new0 (PaFlow *, n_columns);
  for (guint c = 0; c < n_columns; c++)
    {
      g_return_if_fail (fractions[c] > 0);
      block->columns[c] = columns[c] = flow_new (flow->layout);
    }
}

void
pa_flow_add_page_break (PaFlow *flow)
{
  g_return_if_fail (flow != NULL);
  flow_append (flow, BLOCK_PAGE_BREAK);
}

/**
 * pa_flow_set_spacing:
 * @flow: a flow
 * @before: space above the last block added (dropped at the top of a page)
 * @after: space under it
 */
void
pa_flow_set_spacing (PaFlow *flow,
                     double  before,
                     double  after)
{
  Block *block;

  g_return_if_fail (flow != NULL);
  block = flow_last (flow);
  g_return_if_fail (block != NULL);

  block->space_before = before;
  block->space_after = after;
}

/**
 * pa_flow_keep_with_next:
 * @flow: a flow
 *
 * Keeps the last block added on the same page as the start of the next one.
 */
void
pa_flow_keep_with_next (PaFlow *flow)
{
  Block *block;

  g_return_if_fail (flow != NULL);
  block = flow_last (flow);
  g_return_if_fail (block != NULL);
  block->keep_with_next = TRUE;
}

/**
 * pa_flow_set_frame:
 * @flow: a column's flow
 * @border: colour of the border, 0xRRGGBB
 * @background: colour inside
 *
 * Draws a box around the flow, with some padding inside it.
 */
void
pa_flow_set_frame (PaFlow  *flow,
                   guint32  border,
                   guint32  background)
{
  g_return_if_fail (flow != NULL);
  g_return_if_fail (flow != flow->layout->main && flow != flow->layout->closing);

  flow->framed = TRUE;
  flow->border = border;
  flow->background = background;
}

/**
 * pa_flow_add_table:
 * @flow: a flow
 * @n_columns: how many columns
 * @fractions: their relative widths
 *
 * A table whose cells are flows. Rows are never cut between pages unless one
 * is taller than a page; the header row is repeated on every page.
 *
 * Returns: (transfer none): the table, to fill.
 */
PaTable *
pa_flow_add_table (PaFlow       *flow,
                   guint         n_columns,
                   const double *fractions)
{
  PaTable *table;
  Block *block;

  g_return_val_if_fail (flow != NULL, NULL);
  g_return_val_if_fail (n_columns >= 1, NULL);
  g_return_val_if_fail (fractions != NULL, NULL);

  table = g_new0 (PaTable, 1);
  table->layout = flow->layout;
  table->n_columns = n_columns;
  table->fractions = g_memdup2 (fractions, n_columns * sizeof (double));
  table->repeat_header = TRUE;
  table->rows = g_ptr_array_new_with_free_func (table_row_free);
  g_ptr_array_add (flow->layout->tables, table);
  block = flow_append (flow, BLOCK_TABLE);
  block->table = table;
  return table;
}

/**
 * pa_table_get_header_cell:
 * @table: a table
 * @column: the column
 *
 * Returns: (transfer none): the flow of the header cell of @column.
 */
PaFlow *
pa_table_get_header_cell (PaTable *table,
                          guint    column)
{
  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (column < table->n_columns, NULL);

  if (!table->has_header)
    {
      table->header.cells = g_new0 (PaFlow *, table->n_columns);
      for (guint c = 0; c < table->n_columns; c++)
        table->header.cells[c] = flow_new (table->layout);
      table->has_header = TRUE;
    }
  return table->header.cells[column];
}

void
pa_table_add_row (PaTable *table)
{
  TableRow *row;

  g_return_if_fail (table != NULL);

  row = g_new0 (TableRow, 1);
  row->cells = g_new0 (PaFlow *, table->n_columns);
  for (guint c = 0; c < table->n_columns; c++)
    row->cells[c] = flow_new (table->layout);
  g_ptr_array_add (table->rows, row);
}

/**
 * pa_table_get_cell:
 * @table: a table with at least one row
 * @column: the column
 *
 * Returns: (transfer none): the flow of @column in the last row added.
 */
PaFlow *
pa_table_get_cell (PaTable *table,
                   guint    column)
{
  TableRow *row;

  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (table->rows->len > 0, NULL);
  g_return_val_if_fail (column < table->n_columns, NULL);

  row = table->rows->pdata[table->rows->len - 1];
  return row->cells[column];
}

void
pa_table_set_repeat_header (PaTable  *table,
                            gboolean  repeat)
{
  g_return_if_fail (table != NULL);
  table->repeat_header = repeat;
}

/**
 * pa_table_set_grid:
 * @table: a table
 * @grid: whether to draw lines between columns and around the table
 *
 * A grid of boxes, for forms filled in by hand (an attendance sheet).
 */
void
pa_table_set_grid (PaTable  *table,
                   gboolean  grid)
{
  g_return_if_fail (table != NULL);
  table->grid = grid;
}
