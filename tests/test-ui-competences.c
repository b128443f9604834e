/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pa-concept-picker.h"
#include "pa-ui-test-utils.h"

/* The skill picker, as a trainer uses it: typing answers at once, arrows move
 * through the results, Enter adds, Escape closes. */

typedef struct
{
  int calls;
  char *uri;
  char *label;
} Chosen;

static void
chosen_cb (const char *uri,
           const char *label,
           gpointer    user_data)
{
  Chosen *chosen = user_data;

  chosen->calls++;
  g_free (chosen->uri);
  g_free (chosen->label);
  chosen->uri = g_strdup (uri);
  chosen->label = g_strdup (label);
}

static void
chosen_clear (Chosen *chosen)
{
  g_clear_pointer (&chosen->uri, g_free);
  g_clear_pointer (&chosen->label, g_free);
}

static gboolean
picker_ready (gpointer data)
{
  return pa_concept_picker_is_ready (data);
}

static gboolean
window_gone (gpointer data)
{
  return !gtk_widget_get_visible (data);
}

static void
press_key (GtkWidget *widget,
           guint      keyval)
{
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (widget);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr (GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller) && !handled)
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, 0, &handled);
    }
  g_assert_true (handled);
}

static GtkWidget *
picker_entry (PaConceptPicker *picker)
{
  return ui_template_child (picker, PA_TYPE_CONCEPT_PICKER, "search_entry");
}

static void
test_picker_keyboard (UiFixture     *f,
                      gconstpointer  data)
{
  Chosen chosen = { 0 };
  PaConceptPicker *picker;
  GtkWindow *window;
  GtkWidget *entry;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  add_case (f->store, "Amal", "Haddad", "SY");
  ui_fixture_show_window (f);

  window = pa_concept_picker_run (GTK_WIDGET (f->window), f->store, PA_CONCEPT_KINDS_SKILLS,
                                  "Add Competence", chosen_cb, &chosen);
  picker = pa_concept_picker_window_get_picker (window);
  g_object_ref (window);
  g_assert_true (gtk_window_get_modal (window));
  wait_until (picker_ready, picker, "the skill index");
  entry = picker_entry (picker);
  g_assert_true (gtk_widget_has_focus (entry) || gtk_widget_is_focus (entry) ||
                 gtk_widget_get_focus_child (entry) != NULL);

  /* Typing answers at once, in the interface language. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "communicat");
  g_assert_cmpuint (pa_concept_picker_get_n_results (picker), >=, 2);
  g_assert_nonnull (find_widget (GTK_WIDGET (picker), GTK_TYPE_LABEL, "ommunicat"));
  first = g_strdup (pa_concept_picker_get_selected_uri (picker));
  save_screenshot (window, "competences-picker");
  g_assert_nonnull (first);

  /* Down moves, Up comes back, Down again and Enter chooses. */
  press_key (entry, GDK_KEY_Down);
  second = g_strdup (pa_concept_picker_get_selected_uri (picker));
  g_assert_cmpstr (second, !=, first);
  press_key (entry, GDK_KEY_Up);
  g_assert_cmpstr (pa_concept_picker_get_selected_uri (picker), ==, first);
  press_key (entry, GDK_KEY_Down);
  g_signal_emit_by_name (entry, "activate");
  g_assert_cmpint (chosen.calls, ==, 1);
  g_assert_cmpstr (chosen.uri, ==, second);
  g_assert_nonnull (chosen.label);
  wait_until (window_gone, window, "the picker to close");
  g_object_unref (window);

  /* Escape closes without choosing. */
  chosen_clear (&chosen);
  window = pa_concept_picker_run (GTK_WIDGET (f->window), f->store, PA_CONCEPT_KINDS_SKILLS,
                                  "Add Competence", chosen_cb, &chosen);
  picker = pa_concept_picker_window_get_picker (window);
  g_object_ref (window);
  wait_until (picker_ready, picker, "the skill index");
  pa_concept_picker_set_text (picker, "zzzzqqq");
  g_assert_cmpuint (pa_concept_picker_get_n_results (picker), ==, 0);
  g_assert_nonnull (find_widget (GTK_WIDGET (picker), GTK_TYPE_LABEL, "No Match"));
  g_signal_emit_by_name (picker_entry (picker), "stop-search");
  wait_until (window_gone, window, "the picker to close");
  g_assert_cmpint (chosen.calls, ==, 2);
  g_assert_null (chosen.uri);
  g_object_unref (window);
  chosen_clear (&chosen);
}

static void
test_picker_occupations (UiFixture     *f,
                         gconstpointer  data)
{
  g_autoptr (PaConceptPicker) picker = NULL;

  picker = g_object_ref_sink (PA_CONCEPT_PICKER (pa_concept_picker_new (f->store,
                                                                         PA_CONCEPT_KIND_OCCUPATION |
                                                                         PA_CONCEPT_KIND_ISCO_GROUP)));
  wait_until (picker_ready, picker, "the occupation index");
  pa_concept_picker_set_text (picker, "cook");
  g_assert_cmpuint (pa_concept_picker_get_n_results (picker), >=, 1);
  /* Restricted to one framework, other frameworks' concepts go. */
  pa_concept_picker_set_text (picker, "communicat");
  pa_concept_picker_set_kinds (picker, PA_CONCEPT_KINDS_SKILLS);
  g_assert_cmpuint (pa_concept_picker_get_n_results (picker), >=, 1);
  pa_concept_picker_set_framework (picker, "cefr");
  g_assert_cmpuint (pa_concept_picker_get_n_results (picker), ==, 0);
  pa_concept_picker_set_framework (picker, NULL);
  g_assert_cmpuint (pa_concept_picker_get_n_results (picker), >=, 1);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add ("/competences/picker-keyboard", UiFixture, NULL,
              ui_fixture_setup, test_picker_keyboard, ui_fixture_teardown);
  g_test_add ("/competences/picker-kinds", UiFixture, NULL,
              ui_fixture_setup, test_picker_occupations, ui_fixture_teardown);

  return ui_test_run ();
}
