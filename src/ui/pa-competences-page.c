/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "passerelle"

#include "config.h"

#include <glib/gi18n.h>

#include "pa-competences-page.h"

/* The Competences section of a case. */
struct _PaCompetencesPage
{
  PaCasePage parent_instance;

  AdwStatusPage *empty_page;
};

G_DEFINE_FINAL_TYPE (PaCompetencesPage, pa_competences_page, PA_TYPE_CASE_PAGE)

static void
pa_competences_page_reload (PaCasePage *page)
{
  (void) page;
}

static void
pa_competences_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), PA_TYPE_COMPETENCES_PAGE);

  G_OBJECT_CLASS (pa_competences_page_parent_class)->dispose (object);
}

static void
pa_competences_page_class_init (PaCompetencesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  PaCasePageClass *page_class = PA_CASE_PAGE_CLASS (klass);

  object_class->dispose = pa_competences_page_dispose;
  page_class->reload = pa_competences_page_reload;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/passerelle/Passerelle/pa-competences-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PaCompetencesPage, empty_page);
}

static void
pa_competences_page_init (PaCompetencesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
pa_competences_page_new (void)
{
  return g_object_new (PA_TYPE_COMPETENCES_PAGE, NULL);
}
