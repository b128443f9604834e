/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pa-case-page.h"
#include "pa-case-view.h"
#include "pa-seminars-view.h"
#include "pa-ui-test-utils.h"

/* The case pane's sections and the centre's views, as a trainer reaches
 * them: from the section list, with Alt+number, and from the view menu. */

static PaCaseView *
case_pane (UiFixture *f)
{
  return PA_CASE_VIEW (ui_window_child (f->window, "case_pane"));
}

static void
test_sections_follow_the_case (UiFixture     *f,
                               gconstpointer  data)
{
  static const char *const sections[] = {
    "profile", "languages", "education", "experiences", "competences",
    "evidence", "matches", "plan", "sessions",
  };
  gint64 amal = add_case (f->store, "Amal", "Haddad", "SY");
  GtkWidget *list;
  GtkWidget *stack;

  ui_fixture_show_window (f);
  g_assert_cmpstr (pa_case_view_get_section (case_pane (f)), ==, "profile");
  /* A section is made when first shown, for the case shown by then. */
  stack = ui_template_child (case_pane (f), PA_TYPE_CASE_VIEW, "stack");
  g_assert_cmpuint (count_children (stack), ==, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (case_pane (f)), "case.show-section",
                                             "s", "languages"));
  g_assert_cmpuint (count_children (stack), ==, 2);
  g_assert_cmpint (pa_case_page_get_case_id (PA_CASE_PAGE (gtk_stack_get_visible_child (
                     GTK_STACK (stack)))), ==, amal);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (case_pane (f)), "case.show-section",
                                             "s", "profile"));
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      GtkWidget *page = pa_case_view_get_page (case_pane (f), sections[i]);

      g_assert_true (PA_IS_CASE_PAGE (page));
      g_assert_cmpint (pa_case_page_get_case_id (PA_CASE_PAGE (page)), ==, amal);
      g_assert_true (pa_case_page_get_store (PA_CASE_PAGE (page)) == f->store);
    }

  /* Every section is listed by name, and choosing one shows it. */
  list = ui_template_child (case_pane (f), PA_TYPE_CASE_VIEW, "sections_list");
  g_assert_cmpuint (count_children (list), ==, G_N_ELEMENTS (sections));
  g_assert_nonnull (find_widget (list, GTK_TYPE_LABEL, "Competences"));
  gtk_list_box_select_row (GTK_LIST_BOX (list),
                           gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 4));
  g_assert_cmpstr (pa_case_view_get_section (case_pane (f)), ==, "competences");

  /* Alt+number goes straight to a section. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (case_pane (f)), "case.show-section",
                                             "s", "plan"));
  g_assert_cmpstr (pa_case_view_get_section (case_pane (f)), ==, "plan");
  g_assert_true (gtk_list_box_row_is_selected (
    gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 7)));
}

static void
test_views_switch (UiFixture     *f,
                   gconstpointer  data)
{
  GtkStack *views;

  add_case (f->store, "Amal", "Haddad", "SY");
  ui_fixture_show_window (f);
  views = GTK_STACK (ui_window_child (f->window, "views_stack"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (views), ==, "cases");
  /* The other views are made when first shown, with the store. */
  g_assert_null (gtk_stack_get_child_by_name (views, "seminars"));
  g_assert_null (gtk_stack_get_child_by_name (views, "statistics"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.view", "s", "seminars"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (views), ==, "seminars");
  g_assert_true (PA_IS_SEMINARS_VIEW (gtk_stack_get_child_by_name (views, "seminars")));
  g_assert_null (gtk_stack_get_child_by_name (views, "statistics"));
  g_assert_true (pa_window_get_view (f->window, "statistics") ==
                 gtk_stack_get_child_by_name (views, "statistics"));
  g_assert_null (pa_window_get_view (f->window, "no-such-view"));
  /* Case actions wait until the cases are shown again. */
  g_assert_false (gtk_widget_is_sensitive (ui_window_child (f->window, "trash_button")) &&
                  gtk_widget_get_mapped (ui_window_child (f->window, "trash_button")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.view", "s", "cases"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (views), ==, "cases");
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add ("/case-view/sections-follow-the-case", UiFixture, NULL,
              ui_fixture_setup, test_sections_follow_the_case, ui_fixture_teardown);
  g_test_add ("/case-view/views-switch", UiFixture, NULL,
              ui_fixture_setup, test_views_switch, ui_fixture_teardown);

  return ui_test_run ();
}
