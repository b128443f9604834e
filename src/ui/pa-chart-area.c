/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "passerelle"

#include "config.h"

#include <math.h>

#include "pa-chart-area.h"

/* A chart of the reports in the interface. The chart code draws dark ink on
 * white paper, as printed; the widget gives it that paper in light and dark
 * styles alike, so what the trainer sees is what prints. */
struct _PaChartArea
{
  GtkWidget parent_instance;

  PaChart *chart;
  int measured_width;
  int height;
};

G_DEFINE_FINAL_TYPE (PaChartArea, pa_chart_area, GTK_TYPE_WIDGET)

#define PADDING 12

static int
measure_chart (PaChartArea *self,
               int          width)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  const PangoFontDescription *font = pango_context_get_font_description (context);

  if (width <= 2 * PADDING)
    width = 2 * PADDING + 1;
  self->measured_width = width;
  self->height = (int) ceil (pa_chart_measure (self->chart, context, font,
                                               width - 2 * PADDING)) + 2 * PADDING;
  return self->height;
}

static void
pa_chart_area_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  PaChartArea *self = PA_CHART_AREA (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 200;
      *natural = 480;
    }
  else
    {
      int height = measure_chart (self, for_size > 0 ? for_size : 480);
      *minimum = *natural = height;
    }
}

static GtkSizeRequestMode
pa_chart_area_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
pa_chart_area_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  PaChartArea *self = PA_CHART_AREA (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GskRoundedRect outline;
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;
  if (width != self->measured_width)
    measure_chart (self, width);

  gsk_rounded_rect_init_from_rect (&outline, &GRAPHENE_RECT_INIT (0, 0, width, height), 8);
  gtk_snapshot_push_rounded_clip (snapshot, &outline);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  pa_chart_draw (self->chart, cr, PADDING, PADDING);
  cairo_destroy (cr);
  gtk_snapshot_pop (snapshot);
}

static void
pa_chart_area_finalize (GObject *object)
{
  PaChartArea *self = PA_CHART_AREA (object);

  g_clear_pointer (&self->chart, pa_chart_free);

  G_OBJECT_CLASS (pa_chart_area_parent_class)->finalize (object);
}

static void
pa_chart_area_class_init (PaChartAreaClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = pa_chart_area_finalize;
  widget_class->measure = pa_chart_area_measure;
  widget_class->get_request_mode = pa_chart_area_get_request_mode;
  widget_class->snapshot = pa_chart_area_snapshot;
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
pa_chart_area_init (PaChartArea *self)
{
  gtk_widget_add_css_class (GTK_WIDGET (self), "card");
}

GtkWidget *
pa_chart_area_new (PaChart    *chart,
                   const char *accessible_label)
{
  PaChartArea *self;

  g_return_val_if_fail (chart != NULL, NULL);

  self = g_object_new (PA_TYPE_CHART_AREA, NULL);
  self->chart = chart;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label,
                                  -1);
  return GTK_WIDGET (self);
}
