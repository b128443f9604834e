/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "passerelle-report"

#include "config.h"

#include <math.h>

#include "pa-chart.h"

typedef struct
{
  char *label;
  double value;
  char *value_text;
  guint counts[PA_CHART_MAX_STAGES];
  PangoLayout *label_layout;
  PangoLayout *value_layout;
  PangoLayout *count_layouts[PA_CHART_MAX_STAGES];
  double y;
  double height;
} ChartRow;

struct _PaChart
{
  gboolean profile;
  guint n_stages;
  char *stage_names[PA_CHART_MAX_STAGES];
  double max;
  GPtrArray *rows;

  /* measured */
  gboolean rtl;
  double width;
  double height;
  double label_width;
  double bar_x;
  double bar_width;
  double bar_height;
  PangoLayout *legend_layouts[PA_CHART_MAX_STAGES];
  double legend_y;
  double legend_x[PA_CHART_MAX_STAGES];
  double legend_row_y[PA_CHART_MAX_STAGES];
};

#define ROW_GAP 5.0
#define BAR_PADDING 3.0
#define SWATCH 10.0

static void
chart_row_free (gpointer data)
{
  ChartRow *row = data;

  g_free (row->label);
  g_free (row->value_text);
  g_clear_object (&row->label_layout);
  g_clear_object (&row->value_layout);
  for (guint i = 0; i < PA_CHART_MAX_STAGES; i++)
    g_clear_object (&row->count_layouts[i]);
  g_free (row);
}

static PaChart *
chart_new (void)
{
  PaChart *chart = g_new0 (PaChart, 1);

  chart->rows = g_ptr_array_new_with_free_func (chart_row_free);
  return chart;
}

/**
 * pa_chart_new_bars:
 *
 * Returns: (transfer full): an empty horizontal bar chart, one bar per label,
 * each with its value written beside it.
 */
PaChart *
pa_chart_new_bars (void)
{
  return chart_new ();
}

/**
 * pa_chart_new_profile:
 * @n_stages: how many stages a row is divided into (at most 6)
 * @stage_names: their names, for the legend
 *
 * A competence profile: one stacked bar per framework area, a segment per
 * stage (identified, documented, assessed, certified) with its own pattern and
 * its count written in it, and a legend naming the patterns.
 *
 * Returns: (transfer full): an empty profile.
 */
PaChart *
pa_chart_new_profile (guint              n_stages,
                      const char *const *stage_names)
{
  PaChart *chart;

  g_return_val_if_fail (n_stages >= 1 && n_stages <= PA_CHART_MAX_STAGES, NULL);
  g_return_val_if_fail (stage_names != NULL, NULL);

  chart = chart_new ();
  chart->profile = TRUE;
  chart->n_stages = n_stages;
  for (guint i = 0; i < n_stages; i++)
    chart->stage_names[i] = g_strdup (stage_names[i]);
  return chart;
}

void
pa_chart_free (PaChart *chart)
{
  if (chart == NULL)
    return;
  g_ptr_array_unref (chart->rows);
  for (guint i = 0; i < PA_CHART_MAX_STAGES; i++)
    {
      g_free (chart->stage_names[i]);
      g_clear_object (&chart->legend_layouts[i]);
    }
  g_free (chart);
}

void
pa_chart_add_bar (PaChart    *chart,
                  const char *label,
                  double      value,
                  const char *value_text)
{
  ChartRow *row;

  g_return_if_fail (chart != NULL && !chart->profile);
  g_return_if_fail (label != NULL);
  g_return_if_fail (value >= 0 && isfinite (value));

  row = g_new0 (ChartRow, 1);
  row->label = g_strdup (label);
  row->value = value;
  row->value_text = value_text ? g_strdup (value_text) : g_strdup_printf ("%g", value);
  g_ptr_array_add (chart->rows, row);
  chart->max = MAX (chart->max, value);
}

/**
 * pa_chart_set_max:
 * @chart: a bar chart
 * @max: the value of a full-width bar
 *
 * Bars are scaled to the largest value unless told otherwise (100 for
 * percentages, say).
 */
void
pa_chart_set_max (PaChart *chart,
                  double   max)
{
  g_return_if_fail (chart != NULL);
  g_return_if_fail (max > 0 && isfinite (max));
  chart->max = max;
}

void
pa_chart_add_profile_row (PaChart     *chart,
                          const char  *label,
                          const guint *counts)
{
  ChartRow *row;
  double total = 0;

  g_return_if_fail (chart != NULL && chart->profile);
  g_return_if_fail (label != NULL && counts != NULL);

  row = g_new0 (ChartRow, 1);
  row->label = g_strdup (label);
  for (guint i = 0; i < chart->n_stages; i++)
    {
      row->counts[i] = counts[i];
      total += counts[i];
    }
  row->value = total;
  g_ptr_array_add (chart->rows, row);
  chart->max = MAX (chart->max, total);
}

static PangoLayout *
make_layout (PangoContext               *context,
             const PangoFontDescription *font,
             const char                 *text,
             double                      width)
{
  PangoLayout *layout = pango_layout_new (context);

  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int h;

  pango_layout_get_size (layout, NULL, &h);
  return (double) h / PANGO_SCALE;
}

static double
layout_width (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return (double) logical.width / PANGO_SCALE;
}

/**
 * pa_chart_measure:
 * @chart: a chart
 * @context: the report's Pango context (its base direction mirrors the chart)
 * @font: the font of labels and values
 * @width: the width available
 *
 * Lays the chart out for @width. Must be called before pa_chart_draw().
 *
 * Returns: the chart's height in points.
 */
double
pa_chart_measure (PaChart                    *chart,
                  PangoContext               *context,
                  const PangoFontDescription *font,
                  double                      width)
{
  double natural = 0, y = 0, value_width = 0;
  g_autoptr (PangoFontDescription) small = NULL;

  g_return_val_if_fail (chart != NULL, 0);
  g_return_val_if_fail (PANGO_IS_CONTEXT (context), 0);
  g_return_val_if_fail (font != NULL, 0);

  chart->rtl = pango_context_get_base_dir (context) == PANGO_DIRECTION_RTL;
  chart->width = width;
  small = pango_font_description_copy (font);
  pango_font_description_set_size (small, MAX (1, pango_font_description_get_size (font) * 0.85));

  for (guint i = 0; i < chart->rows->len; i++)
    {
      ChartRow *row = chart->rows->pdata[i];

      g_clear_object (&row->label_layout);
      row->label_layout = make_layout (context, font, row->label, -1);
      natural = MAX (natural, layout_width (row->label_layout));
      if (!chart->profile)
        {
          g_clear_object (&row->value_layout);
          row->value_layout = make_layout (context, font, row->value_text, -1);
          value_width = MAX (value_width, layout_width (row->value_layout));
        }
      else
        for (guint s = 0; s < chart->n_stages; s++)
          {
            char text[16];

            g_clear_object (&row->count_layouts[s]);
            if (row->counts[s] == 0)
              continue;
            g_snprintf (text, sizeof text, "%u", row->counts[s]);
            row->count_layouts[s] = make_layout (context, small, text, -1);
          }
    }

  /* Labels take what they need up to 35 % of the width, then wrap. */
  chart->label_width = MIN (ceil (natural) + 1, width * 0.35);
  chart->bar_x = chart->label_width + 8;
  chart->bar_width = MAX (10, width - chart->bar_x - (chart->profile ? 0 : value_width + 6));

  for (guint i = 0; i < chart->rows->len; i++)
    {
      ChartRow *row = chart->rows->pdata[i];
      double bar_h;

      pango_layout_set_width (row->label_layout, (int) (chart->label_width * PANGO_SCALE));
      pango_layout_set_wrap (row->label_layout, PANGO_WRAP_WORD_CHAR);
      bar_h = pango_font_description_get_size (font) / (double) PANGO_SCALE * 1.15 + BAR_PADDING;
      chart->bar_height = bar_h;
      row->y = y;
      row->height = MAX (layout_height (row->label_layout), bar_h + 4);
      y += row->height + ROW_GAP;
    }

  if (chart->profile)
    {
      /* Legend: swatch and name per stage, flowing onto more lines if needed. */
      double x = 0, line_y = y + 4, line_h = SWATCH;

      chart->legend_y = line_y;
      for (guint s = 0; s < chart->n_stages; s++)
        {
          double w;

          g_clear_object (&chart->legend_layouts[s]);
          chart->legend_layouts[s] = make_layout (context, small, chart->stage_names[s], -1);
          w = SWATCH + 4 + layout_width (chart->legend_layouts[s]);
          if (x > 0 && x + w > width)
            {
              x = 0;
              line_y += line_h + 4;
            }
          chart->legend_x[s] = x;
          chart->legend_row_y[s] = line_y;
          line_h = MAX (SWATCH, layout_height (chart->legend_layouts[s]));
          x += w + 14;
        }
      y = line_y + line_h;
    }
  else if (y > 0)
    y -= ROW_GAP;

  chart->height = y;
  return y;
}

/* Stage patterns, from nothing done yet to certified: outline only, sparse
 * hatching, dense cross-hatching, solid. Drawn as vector tiles. */
static cairo_pattern_t *
stage_pattern (guint stage,
               guint n_stages)
{
  cairo_surface_t *tile;
  cairo_pattern_t *pattern;
  cairo_t *cr;
  cairo_rectangle_t extents = { 0, 0, 6, 6 };
  guint kind = n_stages <= 1 ? 3 : stage * 3 / (n_stages - 1);

  if (kind >= 3)
    return cairo_pattern_create_rgb (0.13, 0.33, 0.40);

  tile = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &extents);
  cr = cairo_create (tile);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0.13, 0.33, 0.40);
  cairo_set_line_width (cr, 0.8);
  if (kind >= 1)
    {
      cairo_move_to (cr, 0, 6);
      cairo_line_to (cr, 6, 0);
      cairo_move_to (cr, -3, 3);
      cairo_line_to (cr, 3, -3);
      cairo_move_to (cr, 3, 9);
      cairo_line_to (cr, 9, 3);
    }
  if (kind >= 2)
    {
      cairo_move_to (cr, 0, 0);
      cairo_line_to (cr, 6, 6);
      cairo_move_to (cr, -3, 3);
      cairo_line_to (cr, 3, 9);
      cairo_move_to (cr, 3, -3);
      cairo_line_to (cr, 9, 3);
    }
  cairo_stroke (cr);
  cairo_destroy (cr);

  pattern = cairo_pattern_create_for_surface (tile);
  cairo_pattern_set_extend (pattern, CAIRO_EXTEND_REPEAT);
  cairo_surface_destroy (tile);
  return pattern;
}

static void
show_layout (cairo_t     *cr,
             PangoLayout *layout,
             double       x,
             double       y)
{
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

/* x measured from the chart's start edge, mirrored in right-to-left reports. */
static double
mirror (PaChart *chart,
        double   x,
        double   width)
{
  return chart->rtl ? chart->width - x - width : x;
}

void
pa_chart_draw (PaChart *chart,
               cairo_t *cr,
               double   x,
               double   y)
{
  g_return_if_fail (chart != NULL);
  g_return_if_fail (cr != NULL);

  cairo_save (cr);
  cairo_translate (cr, x, y);

  for (guint i = 0; i < chart->rows->len; i++)
    {
      ChartRow *row = chart->rows->pdata[i];
      double bar_y = row->y + (row->height - chart->bar_height) / 2;
      double full = chart->max > 0 ? row->value / chart->max * chart->bar_width : 0;

      cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
      show_layout (cr, row->label_layout, mirror (chart, 0, chart->label_width), row->y);

      /* the axis each bar grows from */
      cairo_set_source_rgb (cr, 0.5, 0.5, 0.5);
      cairo_set_line_width (cr, 0.6);
      cairo_move_to (cr, mirror (chart, chart->bar_x, 0), row->y);
      cairo_line_to (cr, mirror (chart, chart->bar_x, 0), row->y + row->height);
      cairo_stroke (cr);

      if (!chart->profile)
        {
          double vw = layout_width (row->value_layout);

          cairo_set_source_rgb (cr, 0.13, 0.33, 0.40);
          cairo_rectangle (cr, mirror (chart, chart->bar_x, full), bar_y, full, chart->bar_height);
          cairo_fill (cr);
          cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
          show_layout (cr, row->value_layout, mirror (chart, chart->bar_x + full + 4, vw),
                       row->y + (row->height - layout_height (row->value_layout)) / 2);
          continue;
        }

      for (guint s = 0, done = 0; s < chart->n_stages; s++)
        {
          double seg_x = chart->bar_x + (chart->max > 0 ? done / chart->max * chart->bar_width : 0);
          double seg_w = chart->max > 0 ? row->counts[s] / chart->max * chart->bar_width : 0;
          cairo_pattern_t *pattern;

          done += row->counts[s];
          if (row->counts[s] == 0)
            continue;
          pattern = stage_pattern (s, chart->n_stages);
          cairo_set_source (cr, pattern);
          cairo_rectangle (cr, mirror (chart, seg_x, seg_w), bar_y, seg_w, chart->bar_height);
          cairo_fill_preserve (cr);
          cairo_pattern_destroy (pattern);
          cairo_set_source_rgb (cr, 0.13, 0.33, 0.40);
          cairo_set_line_width (cr, 0.8);
          cairo_stroke (cr);

          /* The count, on a white label so it stays legible on any pattern. */
          if (row->count_layouts[s] != NULL)
            {
              double tw = layout_width (row->count_layouts[s]);
              double th = layout_height (row->count_layouts[s]);
              double tx = mirror (chart, seg_x + (seg_w - tw) / 2, tw);
              double ty = bar_y + (chart->bar_height - th) / 2;

              if (tw + 6 <= seg_w)
                {
                  double pad = 2.5;
                  double box_h = MIN (th, chart->bar_height - 3);

                  cairo_set_source_rgb (cr, 1, 1, 1);
                  cairo_rectangle (cr, tx - pad, bar_y + (chart->bar_height - box_h) / 2, tw + 2 * pad,
                                   box_h);
                  cairo_fill (cr);
                  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
                  show_layout (cr, row->count_layouts[s], tx, ty);
                }
            }
        }
    }

  if (chart->profile)
    for (guint s = 0; s < chart->n_stages; s++)
      {
        double tw = layout_width (chart->legend_layouts[s]);
        double item = SWATCH + 4 + tw;
        double ix = mirror (chart, chart->legend_x[s], item);
        double sy = chart->legend_row_y[s]
                    + (layout_height (chart->legend_layouts[s]) - SWATCH) / 2;
        double sx = chart->rtl ? ix + item - SWATCH : ix;
        double tx = chart->rtl ? ix : ix + SWATCH + 4;
        cairo_pattern_t *pattern = stage_pattern (s, chart->n_stages);

        cairo_set_source (cr, pattern);
        cairo_rectangle (cr, sx, sy, SWATCH, SWATCH);
        cairo_fill_preserve (cr);
        cairo_pattern_destroy (pattern);
        cairo_set_source_rgb (cr, 0.13, 0.33, 0.40);
        cairo_set_line_width (cr, 0.8);
        cairo_stroke (cr);
        cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
        show_layout (cr, chart->legend_layouts[s], tx, chart->legend_row_y[s]);
      }

  cairo_restore (cr);
}
