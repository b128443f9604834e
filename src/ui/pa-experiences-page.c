/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "passerelle"

#include "config.h"

#include <glib/gi18n.h>

#include "pa-experiences-page.h"

/* The Experiences section of a case. */
struct _PaExperiencesPage
{
  PaCasePage parent_instance;

  AdwStatusPage *empty_page;
};

G_DEFINE_FINAL_TYPE (PaExperiencesPage, pa_experiences_page, PA_TYPE_CASE_PAGE)

static void
pa_experiences_page_reload (PaCasePage *page)
{
  (void) page;
}

static void
pa_experiences_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), PA_TYPE_EXPERIENCES_PAGE);

  G_OBJECT_CLASS (pa_experiences_page_parent_class)->dispose (object);
}

static void
pa_experiences_page_class_init (PaExperiencesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  PaCasePageClass *page_class = PA_CASE_PAGE_CLASS (klass);

  object_class->dispose = pa_experiences_page_dispose;
  page_class->reload = pa_experiences_page_reload;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/passerelle/Passerelle/pa-experiences-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PaExperiencesPage, empty_page);
}

static void
pa_experiences_page_init (PaExperiencesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
pa_experiences_page_new (void)
{
  return g_object_new (PA_TYPE_EXPERIENCES_PAGE, NULL);
}
