/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "passerelle"

#include "config.h"

#include <glib/gi18n.h>

#include "pa-case-list.h"
#include "pa-window.h"

struct _PaWindow
{
  AdwApplicationWindow parent_instance;

  PaStore *store;
  PaCaseList *cases;

  GtkListView *case_view;
  AdwStatusPage *error_page;
  GtkStack *stack;
};

G_DEFINE_FINAL_TYPE (PaWindow, pa_window, ADW_TYPE_APPLICATION_WINDOW)

static void
pa_window_dispose (GObject *object)
{
  PaWindow *self = (PaWindow *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), PA_TYPE_WINDOW);
  g_clear_object (&self->cases);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (pa_window_parent_class)->dispose (object);
}

static void
pa_window_class_init (PaWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pa_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/passerelle/Passerelle/pa-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PaWindow, case_view);
  gtk_widget_class_bind_template_child (widget_class, PaWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, PaWindow, stack);
}

static void
pa_window_init (PaWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

PaWindow *
pa_window_new (PaApplication *app,
               PaStore       *store,
               const GError  *open_error)
{
  PaWindow *self = g_object_new (PA_TYPE_WINDOW, "application", app, NULL);

  if (store == NULL)
    {
      adw_status_page_set_description (self->error_page, open_error ? open_error->message : NULL);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return self;
    }
  self->store = g_object_ref (store);
  self->cases = pa_case_list_new (store, PA_CASE_FILTER_ACTIVE);
  gtk_list_view_set_model (self->case_view,
                           GTK_SELECTION_MODEL (gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->cases)))));
  gtk_stack_set_visible_child_name (self->stack, "cases");
  return self;
}
