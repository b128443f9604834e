/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "passerelle"

#include "config.h"

#include <glib/gi18n.h>

#include "pa-case-page.h"
#include "pa-case-view.h"
#include "pa-ui-utils.h"
#include "pa-competences-page.h"
#include "pa-education-page.h"
#include "pa-evidence-page.h"
#include "pa-experiences-page.h"
#include "pa-languages-page.h"
#include "pa-matches-page.h"
#include "pa-plan-page.h"
#include "pa-profile-page.h"
#include "pa-self-assessment.h"
#include "pa-sessions-page.h"

/* One case, section by section, like GNOME Settings: the sections in a list
 * on the side, the chosen one beside it. Alt+1…9 go straight to a section.
 * A section is made the first time it is shown. */
struct _PaCaseView
{
  GtkWidget parent_instance;

  GtkListBox *sections_list;
  GtkStack *stack;

  PaStore *store;
  PaCase *kase;
  gboolean syncing;
};

G_DEFINE_FINAL_TYPE (PaCaseView, pa_case_view, GTK_TYPE_WIDGET)

static const struct
{
  const char *name;
  const char *title;
  const char *icon_name;
  GType (*get_type) (void);
} sections[] = {
  { "profile", N_("Profile"), "avatar-default-symbolic", pa_profile_page_get_type },
  { "languages", N_("Languages"), "preferences-desktop-locale-symbolic", pa_languages_page_get_type },
  { "education", N_("Education"), "x-office-document-symbolic", pa_education_page_get_type },
  { "experiences", N_("Experiences"), "applications-engineering-symbolic",
    pa_experiences_page_get_type },
  { "competences", N_("Competences"), "starred-symbolic", pa_competences_page_get_type },
  { "evidence", N_("Evidence"), "mail-attachment-symbolic", pa_evidence_page_get_type },
  { "matches", N_("Matches"), "edit-find-symbolic", pa_matches_page_get_type },
  { "plan", N_("Plan"), "task-due-symbolic", pa_plan_page_get_type },
  { "sessions", N_("Sessions"), "x-office-calendar-symbolic", pa_sessions_page_get_type },
};

static int
section_index (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    if (g_strcmp0 (sections[i].name, name) == 0)
      return i;
  return -1;
}

/* The section called @name, made now with the store and case shown. */
static PaCasePage *
ensure_page (PaCaseView *self,
             const char *name)
{
  GtkWidget *page = gtk_stack_get_child_by_name (self->stack, name);
  int i = section_index (name);

  if (page != NULL || i < 0)
    return page ? PA_CASE_PAGE (page) : NULL;
  page = g_object_new (sections[i].get_type (), NULL);
  gtk_stack_add_titled (self->stack, page, name, _(sections[i].title));
  pa_case_page_set_store (PA_CASE_PAGE (page), self->store);
  pa_case_page_set_case (PA_CASE_PAGE (page), self->kase);
  return PA_CASE_PAGE (page);
}

static void
for_each_page (PaCaseView *self,
               void (*func) (PaCasePage *page, gpointer data),
               gpointer data)
{
  for (GtkWidget *page = gtk_widget_get_first_child (GTK_WIDGET (self->stack));
       page != NULL; page = gtk_widget_get_next_sibling (page))
    func (PA_CASE_PAGE (page), data);
}

static void
set_store_cb (PaCasePage *page,
              gpointer    store)
{
  pa_case_page_set_store (page, store);
}

static void
set_case_cb (PaCasePage *page,
             gpointer    kase)
{
  pa_case_page_set_case (page, kase);
}

static void
save_cb (PaCasePage *page,
         gpointer    data)
{
  gboolean *ok = data;

  if (!pa_case_page_save (page))
    *ok = FALSE;
}

static GtkWidget *
section_row_new (guint i)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *icon = gtk_image_new_from_icon_name (sections[i].icon_name);
  GtkWidget *label = gtk_label_new (_(sections[i].title));

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_name (row, sections[i].name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  gtk_label_get_text (GTK_LABEL (label)), -1);
  return row;
}

static void
sync_selection (PaCaseView *self)
{
  const char *name = gtk_stack_get_visible_child_name (self->stack);

  self->syncing = TRUE;
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->sections_list));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row) && g_strcmp0 (gtk_widget_get_name (row), name) == 0)
      gtk_list_box_select_row (self->sections_list, GTK_LIST_BOX_ROW (row));
  self->syncing = FALSE;
}

static void
visible_child_cb (PaCaseView *self)
{
  sync_selection (self);
}

static void
row_selected_cb (PaCaseView    *self,
                 GtkListBoxRow *row)
{
  if (self->syncing || row == NULL)
    return;
  pa_case_view_show_section (self, gtk_widget_get_name (GTK_WIDGET (row)));
}

static void
show_section_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  PaCaseView *self = PA_CASE_VIEW (widget);
  const char *name = g_variant_get_string (parameter, NULL);

  if (section_index (name) < 0)
    return;
  pa_case_view_show_section (self, name);
  gtk_widget_child_focus (gtk_stack_get_child_by_name (self->stack, name), GTK_DIR_TAB_FORWARD);
}

/* Opens the self-assessment of the case shown, over the window. */
static void
self_assessment_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  PaCaseView *self = PA_CASE_VIEW (widget);
  PaCasePage *page = ensure_page (self, "profile");
  GtkWidget *window;

  if (pa_case_page_get_store (page) == NULL || pa_case_page_get_case (page) == NULL)
    return;
  pa_case_page_save (page);
  window = pa_self_assessment_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                   pa_case_page_get_store (page), pa_case_page_get_case (page));
  gtk_window_present (GTK_WINDOW (window));
}

static void
pa_case_view_dispose (GObject *object)
{
  PaCaseView *self = PA_CASE_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), PA_TYPE_CASE_VIEW);
  pa_ui_unparent_children (GTK_WIDGET (object));
  g_clear_object (&self->store);
  g_clear_object (&self->kase);

  G_OBJECT_CLASS (pa_case_view_parent_class)->dispose (object);
}

static void
pa_case_view_class_init (PaCaseViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pa_case_view_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/passerelle/Passerelle/pa-case-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PaCaseView, sections_list);
  gtk_widget_class_bind_template_child (widget_class, PaCaseView, stack);
  gtk_widget_class_bind_template_callback (widget_class, visible_child_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_selected_cb);

  gtk_widget_class_install_action (widget_class, "case.show-section", "s", show_section_action);
  gtk_widget_class_install_action (widget_class, "case.self-assessment", NULL,
                                   self_assessment_action);
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_ALT_MASK,
                                         "case.show-section", "s", sections[i].name);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "pa-case-view");
}

static void
pa_case_view_init (PaCaseView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    gtk_list_box_append (self->sections_list, section_row_new (i));
  /* The profile is made with the first case shown (a window opens none). */
}

GtkWidget *
pa_case_view_new (void)
{
  return g_object_new (PA_TYPE_CASE_VIEW, NULL);
}

void
pa_case_view_set_store (PaCaseView *self,
                        PaStore    *store)
{
  g_return_if_fail (PA_IS_CASE_VIEW (self));
  g_return_if_fail (store == NULL || PA_IS_STORE (store));

  g_set_object (&self->store, store);
  for_each_page (self, set_store_cb, store);
}

PaCase *
pa_case_view_get_case (PaCaseView *self)
{
  g_return_val_if_fail (PA_IS_CASE_VIEW (self), NULL);
  return self->kase;
}

void
pa_case_view_set_case (PaCaseView *self,
                       PaCase     *kase)
{
  g_return_if_fail (PA_IS_CASE_VIEW (self));
  g_return_if_fail (kase == NULL || PA_IS_CASE (kase));

  g_set_object (&self->kase, kase);
  for_each_page (self, set_case_cb, kase);
  if (kase != NULL && gtk_stack_get_visible_child (self->stack) == NULL)
    pa_case_view_show_section (self, "profile");
}

/* Stores what is being typed in any section; %FALSE when the store refused
 * something (the section shows why). */
gboolean
pa_case_view_save (PaCaseView *self)
{
  gboolean ok = TRUE;

  g_return_val_if_fail (PA_IS_CASE_VIEW (self), FALSE);
  for_each_page (self, save_cb, &ok);
  return ok;
}

const char *
pa_case_view_get_section (PaCaseView *self)
{
  g_return_val_if_fail (PA_IS_CASE_VIEW (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

void
pa_case_view_show_section (PaCaseView *self,
                           const char *name)
{
  g_return_if_fail (PA_IS_CASE_VIEW (self));
  g_return_if_fail (section_index (name) >= 0);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), name) != 0)
    pa_case_view_save (self);
  ensure_page (self, name);
  gtk_stack_set_visible_child_name (self->stack, name);
}

/* The section called @name ("profile", "languages", …, "sessions"), made now
 * if it was never shown. */
GtkWidget *
pa_case_view_get_page (PaCaseView *self,
                       const char *name)
{
  g_return_val_if_fail (PA_IS_CASE_VIEW (self), NULL);
  return GTK_WIDGET (ensure_page (self, name));
}

void
pa_case_view_focus_name (PaCaseView *self)
{
  g_return_if_fail (PA_IS_CASE_VIEW (self));
  pa_case_view_show_section (self, "profile");
  pa_profile_page_focus_name (PA_PROFILE_PAGE (ensure_page (self, "profile")));
}
