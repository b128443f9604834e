/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "passerelle"

#include "config.h"

#include "pa-case-summary.h"
#include "pa-profile-page.h"

/* The Profile section of a case: who the participant is. */
struct _PaProfilePage
{
  PaCasePage parent_instance;

  PaCaseSummary *summary;
};

G_DEFINE_FINAL_TYPE (PaProfilePage, pa_profile_page, PA_TYPE_CASE_PAGE)

static void
pa_profile_page_reload (PaCasePage *page)
{
  PaProfilePage *self = PA_PROFILE_PAGE (page);

  pa_case_summary_set_store (self->summary, pa_case_page_get_store (page));
  pa_case_summary_set_case (self->summary, pa_case_page_get_case (page));
  pa_case_summary_reload_records (self->summary);
}

static gboolean
pa_profile_page_save (PaCasePage *page)
{
  return pa_case_summary_save (PA_PROFILE_PAGE (page)->summary);
}

static void
pa_profile_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), PA_TYPE_PROFILE_PAGE);

  G_OBJECT_CLASS (pa_profile_page_parent_class)->dispose (object);
}

static void
pa_profile_page_class_init (PaProfilePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  PaCasePageClass *page_class = PA_CASE_PAGE_CLASS (klass);

  object_class->dispose = pa_profile_page_dispose;
  page_class->reload = pa_profile_page_reload;
  page_class->save = pa_profile_page_save;

  g_type_ensure (PA_TYPE_CASE_SUMMARY);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/passerelle/Passerelle/pa-profile-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PaProfilePage, summary);
}

static void
pa_profile_page_init (PaProfilePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
pa_profile_page_new (void)
{
  return g_object_new (PA_TYPE_PROFILE_PAGE, NULL);
}

void
pa_profile_page_focus_name (PaProfilePage *self)
{
  g_return_if_fail (PA_IS_PROFILE_PAGE (self));
  pa_case_summary_focus_name (self->summary);
}
