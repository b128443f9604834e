/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "passerelle"

#include "config.h"

#include <glib/gi18n.h>

#include "pa-statistics-view.h"
#include "pa-ui-utils.h"
#include "pa-view-switcher.h"

/* The Statistics view of the centre. */
struct _PaStatisticsView
{
  GtkWidget parent_instance;

  PaStore *store;

  GtkMenuButton *menu_button;
};

G_DEFINE_FINAL_TYPE (PaStatisticsView, pa_statistics_view, GTK_TYPE_WIDGET)

static void
pa_statistics_view_dispose (GObject *object)
{
  PaStatisticsView *self = (PaStatisticsView *) object;

  gtk_widget_dispose_template (GTK_WIDGET (object), PA_TYPE_STATISTICS_VIEW);
  pa_ui_unparent_children (GTK_WIDGET (object));
  g_clear_object (&self->store);

  G_OBJECT_CLASS (pa_statistics_view_parent_class)->dispose (object);
}

static void
pa_statistics_view_class_init (PaStatisticsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pa_statistics_view_dispose;

  g_type_ensure (PA_TYPE_VIEW_SWITCHER);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/passerelle/Passerelle/pa-statistics-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PaStatisticsView, menu_button);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
pa_statistics_view_init (PaStatisticsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_menu_button_set_menu_model (self->menu_button, pa_ui_get_primary_menu ());
}

GtkWidget *
pa_statistics_view_new (void)
{
  return g_object_new (PA_TYPE_STATISTICS_VIEW, NULL);
}

void
pa_statistics_view_set_store (PaStatisticsView *self,
                             PaStore *store)
{
  g_return_if_fail (PA_IS_STATISTICS_VIEW (self));
  g_set_object (&self->store, store);
}
