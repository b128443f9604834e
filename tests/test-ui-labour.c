/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pa-catalogue-view.h"
#include "pa-concept-picker.h"
#include "pa-demo.h"
#include "pa-labour-files.h"
#include "pa-labour-view.h"
#include "pa-labour.h"
#include "pa-store-records.h"
#include "pa-test-utils.h"
#include "pa-ui-test-utils.h"

/* The Training Catalogue and Labour Market views, as a coordinator uses
 * them on the demo centre: a vacancy written and ranked, a participant
 * shortlisted and exported for an employer event, a shortage list imported
 * after its preview, bad files refused with their name, and a module that
 * survives an export and a re-import. */

#define TEAMS "http://data.europa.eu/esco/skill/60c78287-22eb-4103-9c8c-28deaa460da0"
#define WEB_SEARCH "http://data.europa.eu/esco/skill/ba93b71b-c433-4a01-8246-ed2daa85a9a2"
#define O_COOK "http://data.europa.eu/esco/occupation/90f75f67-495d-49fa-ab57-2f320e251d7e"

static gboolean
transition_done (gpointer data)
{
  return !gtk_stack_get_transition_running (data);
}

static void
wait_for_view (UiFixture *f)
{
  wait_until (transition_done, ui_window_child (f->window, "views_stack"), "the view to be shown");
}

static PaLabourView *
show_labour (UiFixture *f)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.view", "s", "labour"));
  wait_for_view (f);
  return PA_LABOUR_VIEW (pa_window_get_view (f->window, "labour"));
}

static PaCatalogueView *
show_catalogue (UiFixture *f)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.view", "s", "catalogue"));
  wait_for_view (f);
  return PA_CATALOGUE_VIEW (pa_window_get_view (f->window, "catalogue"));
}

static GtkWidget *
child (gpointer    view,
       const char *name)
{
  return ui_template_child (view, G_OBJECT_TYPE (view), name);
}

/* Types @text into an entry row and presses Enter. */
static void
type_into (GtkWidget  *row,
           const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_signal_emit_by_name (row, "apply");
  drain ();
}

static gboolean
picker_ready (gpointer data)
{
  return pa_concept_picker_is_ready (data);
}

static gboolean
window_gone (gpointer data)
{
  return find_toplevel (ADW_TYPE_WINDOW) == NULL;
}

/* Chooses @text's first result in the picker the view just opened. */
static void
pick (const char *text)
{
  GtkWindow *window;
  PaConceptPicker *picker;

  drain ();
  window = find_toplevel (ADW_TYPE_WINDOW);
  g_assert_nonnull (window);
  picker = pa_concept_picker_window_get_picker (window);
  wait_until (picker_ready, picker, "the concept index");
  pa_concept_picker_set_text (picker, text);
  g_assert_cmpuint (pa_concept_picker_get_n_results (picker), >=, 1);
  g_assert_true (pa_concept_picker_choose_selected (picker));
  wait_until (window_gone, NULL, "the picker to close");
}

static char *
write_file (UiFixture  *f,
            const char *name,
            const char *contents)
{
  char *path = g_build_filename (f->dir, name, NULL);
  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  return path;
}

static const char *
dialog_body (GtkWidget *dialog)
{
  return adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog));
}

static void
respond (GtkWidget  *dialog,
         const char *response)
{
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  drain ();
}

static void
test_vacancy (UiFixture     *f,
              gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PaVacancy) stored = NULL;
  g_autoptr (GArray) shortlist = NULL;
  g_autofree char *csv = g_build_filename (f->dir, "shortlist.csv", NULL);
  g_autofree char *pdf = g_build_filename (f->dir, "shortlist.pdf", NULL);
  g_autofree char *contents = NULL;
  PaLabourView *view;
  GtkWidget *ranked;
  GtkWidget *row;
  GtkToggleButton *toggle = NULL;
  gint64 id;
  gsize length = 0;

  g_assert_true (pa_demo_fill (f->store, &error));
  ui_fixture_show_window (f);
  view = show_labour (f);

  /* The demo's vacancies are listed, the first one shown with a ranking. */
  g_assert_nonnull (find_widget (child (view, "sidebar_list"), GTK_TYPE_LABEL, "Commis de cuisine"));
  g_assert_cmpint (pa_labour_view_get_vacancy_id (view), >, 0);
  g_assert_cmpuint (count_children (child (view, "ranked_list")), >=, 2);

  /* A new vacancy is a draft until it names a required skill. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "labour.new-vacancy", NULL));
  type_into (child (view, "employer_row"), "Hôtel de la Gare");
  type_into (child (view, "job_row"), "Plongeur·euse");
  g_assert_cmpint (pa_labour_view_get_vacancy_id (view), ==, 0);
  g_assert_true (gtk_widget_get_visible (child (view, "vacancy_message")));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (child (view, "vacancy_message"))), "Not saved"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "labour.add-required", NULL));
  pick ("work in teams");
  id = pa_labour_view_get_vacancy_id (view);
  g_assert_cmpint (id, >, 0);
  g_assert_false (gtk_widget_get_visible (child (view, "vacancy_message")));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "labour.choose-occupation", NULL));
  pick ("Kitchen helpers");
  stored = pa_store_vacancy_get (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stored->employer, ==, "Hôtel de la Gare");
  g_assert_cmpstr (stored->title, ==, "Plongeur·euse");
  g_assert_cmpuint (stored->required->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (stored->required, 0), ==, TEAMS);
  g_assert_cmpstr (stored->occupation_uri, ==, "http://data.europa.eu/esco/isco/C9412");
  g_assert_cmpstr (g_ptr_array_index (stored->languages, 0), ==, "fr:A2");
  g_assert_nonnull (find_widget (child (view, "sidebar_list"), GTK_TYPE_LABEL, "Plongeur"));

  /* The participants who work in teams are ranked, with why. */
  ranked = child (view, "ranked_list");
  g_assert_nonnull (find_widget (ranked, GTK_TYPE_LABEL, "Rahimi"));
  g_assert_nonnull (find_widget (ranked, GTK_TYPE_LABEL, "holds 1 of 1 required skill"));
  for (row = gtk_widget_get_first_child (ranked); row; row = gtk_widget_get_next_sibling (row))
    if (find_widget (row, GTK_TYPE_LABEL, "Rahimi"))
      toggle = GTK_TOGGLE_BUTTON (find_widget (row, GTK_TYPE_TOGGLE_BUTTON, NULL));
  g_assert_nonnull (toggle);
  g_assert_false (gtk_toggle_button_get_active (toggle));
  gtk_toggle_button_set_active (toggle, TRUE);
  drain ();
  shortlist = pa_store_shortlist_get (f->store, id, &error);
  g_assert_cmpuint (shortlist->len, ==, 1);
  g_assert_nonnull (find_widget (child (view, "shortlist_list"), GTK_TYPE_LABEL, "Rahimi"));

  /* For the employer event: CSV with a header row, and a PDF. */
  g_assert_true (pa_labour_view_export_shortlist_csv (view, csv, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (csv, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "\"Code\",\"Given name\",\"Family name\",\"Score\""));
  g_assert_nonnull (strstr (contents, "\"Dariush\",\"Rahimi\","));
  g_assert_nonnull (strstr (contents, ",\"1/1\","));
  g_clear_pointer (&contents, g_free);
  g_assert_true (pa_labour_view_export_shortlist_pdf (view, pdf, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (pdf, &contents, &length, NULL));
  g_assert_true (length > 500 && g_str_has_prefix (contents, "%PDF"));
  {
    /* Kept beside the screenshots, for people to look at. */
    g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "artifacts", NULL);
    g_autofree char *kept = g_build_filename (dir, "labour-shortlist.pdf", NULL);

    g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
    g_assert_true (g_file_set_contents (kept, contents, (gssize) length, NULL));
  }

  /* A participant who gains the skill joins the ranking at once. */
  {
    g_autoptr (PaClaim) claim = pa_claim_new ();

    claim->case_id = add_case (f->store, "Nadia", "Benkirane", "MA");
    claim->framework = g_strdup ("esco");
    claim->item_uri = g_strdup (TEAMS);
    claim->label = g_strdup ("work in teams");
    g_assert_null (find_widget (child (view, "ranked_list"), GTK_TYPE_LABEL, "Benkirane"));
    g_assert_true (pa_store_claim_add (f->store, claim, "interview", NULL, &error));
    g_assert_no_error (error);
    drain ();
    g_assert_nonnull (find_widget (child (view, "ranked_list"), GTK_TYPE_LABEL, "Benkirane"));
  }

  /* Taken off the shortlist from the shortlist itself. */
  click (find_widget (child (view, "shortlist_list"), GTK_TYPE_BUTTON, NULL));
  drain ();
  g_clear_pointer (&shortlist, g_array_unref);
  shortlist = pa_store_shortlist_get (f->store, id, &error);
  g_assert_cmpuint (shortlist->len, ==, 0);
}

static gboolean
in_set (GHashTable *set,
        const char *uri)
{
  return set != NULL && g_hash_table_contains (set, uri);
}

static void
test_shortage (UiFixture     *f,
               gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GHashTable) before = NULL;
  g_autoptr (GHashTable) after = NULL;
  g_autoptr (GHashTable) unchanged = NULL;
  g_autoptr (GPtrArray) goals = NULL;
  g_autofree char *good = NULL;
  g_autofree char *bad = NULL;
  g_autofree char *region = NULL;
  const char *goal_occupation = NULL;
  PaLabourView *view;
  GtkWidget *dialog;
  gint64 rami;

  g_assert_true (pa_demo_fill (f->store, &error));
  ui_fixture_show_window (f);
  view = show_labour (f);
  pa_labour_view_show (view, 0, "BE-WAL");
  g_assert_nonnull (find_widget (child (view, "shortage_list"), GTK_TYPE_LABEL, "Cooks"));
  g_assert_nonnull (find_widget (child (view, "shortage_list"), GTK_TYPE_LABEL, "ISCO-08 5120"));

  /* Rami's goal is to work as a cook: an ESCO occupation the list lacks. */
  rami = 1;
  goals = pa_store_goal_list (f->store, rami, &error);
  g_assert_no_error (error);
  goal_occupation = ((PaGoal *) g_ptr_array_index (goals, 0))->target_occupation_uri;
  g_assert_cmpstr (goal_occupation, ==, O_COOK);
  before = pa_store_shortage_set (f->store, "BE-WAL", &error);
  g_assert_false (in_set (before, O_COOK));

  good = write_file (f, "penuries-2026.xml",
                     "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                     "<shortage-list xmlns=\"" PA_SHORTAGE_NS "\" region=\"BE-WAL\" valid-from=\"2026-01-01\">\n"
                     "  <title>Métiers en pénurie 2026</title>\n"
                     "  <occupation uri=\"" O_COOK "\" note=\"Pénurie\"/>\n"
                     "  <occupation isco=\"5120\"/>\n"
                     "  <occupation isco=\"7411\"/>\n"
                     "  <occupation isco=\"9333\" note=\"Nouveau\"/>\n"
                     "</shortage-list>\n");
  dialog = pa_labour_view_import_shortage (view, good);
  g_assert_true (dialog == wait_for_dialog ());
  save_screenshot (dialog, "labour-shortage-preview");
  g_assert_nonnull (strstr (dialog_body (dialog), "penuries-2026.xml"));
  g_assert_nonnull (strstr (dialog_body (dialog), "Added:"));
  g_assert_nonnull (strstr (dialog_body (dialog), "Freight handlers"));
  g_assert_nonnull (strstr (dialog_body (dialog), "Removed:"));
  g_assert_nonnull (strstr (dialog_body (dialog), "Nursing professionals"));
  /* Cancelled: nothing changes. */
  respond (dialog, "cancel");
  unchanged = pa_store_shortage_set (f->store, "BE-WAL", &error);
  g_assert_cmpuint (g_hash_table_size (unchanged), ==, g_hash_table_size (before));

  dialog = pa_labour_view_import_shortage (view, good);
  respond (dialog, "import");
  after = pa_store_shortage_set (f->store, "BE-WAL", &error);
  g_assert_cmpuint (g_hash_table_size (after), ==, 4);
  /* Rami's goal is now flagged as a shortage occupation. */
  g_assert_true (in_set (after, goal_occupation));
  g_assert_nonnull (find_widget (child (view, "shortage_list"), GTK_TYPE_LABEL, "Freight handlers"));
  g_assert_null (find_widget (child (view, "shortage_list"), GTK_TYPE_LABEL, "Nursing"));

  /* A broken file is named, and changes nothing. */
  bad = write_file (f, "broken-list.xml",
                    "<?xml version=\"1.0\"?>\n<shortage-list xmlns=\"" PA_SHORTAGE_NS "\" region=\"BE-WAL\">\n"
                    "  <occupation isco=\"5120\">\n");
  dialog = pa_labour_view_import_shortage (view, bad);
  g_assert_true (dialog == wait_for_dialog ());
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "Cannot Import the Shortage List");
  g_assert_nonnull (strstr (dialog_body (dialog), "broken-list.xml"));
  respond (dialog, "close");
  g_clear_pointer (&after, g_hash_table_unref);
  after = pa_store_shortage_set (f->store, "BE-WAL", &error);
  g_assert_cmpuint (g_hash_table_size (after), ==, 4);

  /* The centre's region: none, then back to Wallonia. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (child (view, "region_row")), 0);
  region = pa_store_get_setting (f->store, "centre.region");
  g_assert_cmpstr (region, ==, "");
  g_clear_pointer (&region, g_free);
  adw_combo_row_set_selected (ADW_COMBO_ROW (child (view, "region_row")), 1);
  region = pa_store_get_setting (f->store, "centre.region");
  g_assert_cmpstr (region, ==, "BE-WAL");
}

static void
test_catalogue (UiFixture     *f,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) modules = NULL;
  g_autoptr (GPtrArray) again = NULL;
  g_autoptr (PaStore) fresh = NULL;
  g_autofree char *xml = g_build_filename (f->dir, "catalogue.xml", NULL);
  g_autofree char *fresh_path = g_build_filename (f->dir, "fresh.db", NULL);
  g_autofree char *bad = NULL;
  PaCatalogueView *view;
  GtkWidget *dialog;
  PaModule *m;
  guint n = 0;

  ui_fixture_show_window (f);
  view = show_catalogue (f);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (child (view, "content_stack"))), ==, "empty");

  /* A new module, named, timed and given a competence. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "catalogue.new", NULL));
  type_into (child (view, "title_row"), "Job search online");
  type_into (child (view, "hours_row"), "7,5");
  adw_combo_row_set_selected (ADW_COMBO_ROW (child (view, "theme_row")), 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "catalogue.add-skill", NULL));
  pick ("conduct web searches");
  modules = pa_store_module_list (f->store, &error);
  g_assert_cmpuint (modules->len, ==, 1);
  m = g_ptr_array_index (modules, 0);
  g_assert_cmpstr (m->title, ==, "Job search online");
  g_assert_cmpstr (m->theme, ==, "digital");
  g_assert_cmpfloat (m->duration_hours, ==, 7.5);
  g_assert_cmpuint (m->skill_uris->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (m->skill_uris, 0), ==, WEB_SEARCH);
  g_assert_nonnull (find_widget (child (view, "skills_list"), GTK_TYPE_LABEL, "conduct web searches"));
  g_assert_nonnull (find_widget (child (view, "module_list"), GTK_TYPE_LABEL, "Job search online"));

  /* A refused value stays in error, and the store keeps the last good one. */
  type_into (child (view, "hours_row"), "two days");
  g_assert_true (gtk_widget_get_visible (child (view, "error_label")));
  g_clear_pointer (&modules, g_ptr_array_unref);
  modules = pa_store_module_list (f->store, &error);
  g_assert_cmpfloat (((PaModule *) g_ptr_array_index (modules, 0))->duration_hours, ==, 7.5);
  m = g_ptr_array_index (modules, 0);

  /* Exported, then read into a fresh centre: the same module. */
  g_assert_true (pa_catalogue_view_export_file (view, xml, &error));
  g_assert_no_error (error);
  fresh = pa_store_open (fresh_path, &error);
  g_assert_no_error (error);
  g_assert_true (pa_catalogue_import (fresh, xml, &n, &error));
  g_assert_no_error (error);
  again = pa_store_module_list (fresh, &error);
  g_assert_cmpuint (again->len, ==, 1);
  g_assert_cmpstr (((PaModule *) g_ptr_array_index (again, 0))->title, ==, m->title);
  g_assert_cmpstr (((PaModule *) g_ptr_array_index (again, 0))->code, ==, m->code);
  g_assert_cmpstr (((PaModule *) g_ptr_array_index (again, 0))->theme, ==, m->theme);
  g_assert_cmpfloat (((PaModule *) g_ptr_array_index (again, 0))->duration_hours, ==, 7.5);
  g_assert_cmpstr (g_ptr_array_index (((PaModule *) g_ptr_array_index (again, 0))->skill_uris, 0), ==, WEB_SEARCH);

  /* Deleted, then back with Undo. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "catalogue.delete", NULL));
  g_clear_pointer (&modules, g_ptr_array_unref);
  modules = pa_store_module_list (f->store, &error);
  g_assert_cmpuint (modules->len, ==, 0);
  g_assert_true (pa_catalogue_view_import_file (view, xml) == wait_for_dialog ());
  dialog = wait_for_dialog ();
  g_assert_nonnull (strstr (dialog_body (dialog), "New:"));
  g_assert_nonnull (strstr (dialog_body (dialog), "Job search online"));
  respond (dialog, "import");
  g_clear_pointer (&modules, g_ptr_array_unref);
  modules = pa_store_module_list (f->store, &error);
  g_assert_cmpuint (modules->len, ==, 1);
  g_assert_cmpuint (((PaModule *) g_ptr_array_index (modules, 0))->skill_uris->len, ==, 1);

  /* Importing it again replaces the module with the same code. */
  dialog = pa_catalogue_view_import_file (view, xml);
  g_assert_nonnull (strstr (dialog_body (dialog), "Replacing"));
  respond (dialog, "cancel");

  /* A broken catalogue is named with its line, and changes nothing. */
  bad = write_file (f, "broken-catalogue.xml",
                    "<?xml version=\"1.0\"?>\n<catalogue xmlns=\"" PA_CATALOGUE_NS "\">\n"
                    "  <module code=\"X\" theme=\"nonsense\"><title>X</title></module>\n</catalogue>\n");
  dialog = pa_catalogue_view_import_file (view, bad);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "Cannot Import the Catalogue");
  g_assert_nonnull (strstr (dialog_body (dialog), "broken-catalogue.xml"));
  respond (dialog, "close");
  g_clear_pointer (&modules, g_ptr_array_unref);
  modules = pa_store_module_list (f->store, &error);
  g_assert_cmpuint (modules->len, ==, 1);
}

/* Screenshots of both views on the demo centre, light and dark; run with
 * PA_TEST_RTL=1 LANGUAGE=ar LANG=ar_EG.UTF-8 for the right-to-left ones. */
static void
test_screenshots (UiFixture     *f,
                  gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  AdwStyleManager *style = adw_style_manager_get_default ();
  gboolean rtl = g_getenv ("PA_TEST_RTL") != NULL;
  PaLabourView *labour;
  PaCatalogueView *catalogue;

  if (rtl)
    gtk_widget_set_default_direction (GTK_TEXT_DIR_RTL);
  g_assert_true (pa_demo_fill (f->store, &error));
  ui_fixture_show_window (f);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1200, 820);
  gtk_window_unmaximize (GTK_WINDOW (f->window));
  drain ();
  for (guint dark = 0; dark < (rtl ? 1u : 2u); dark++)
    {
      const char *suffix = rtl ? "rtl" : dark ? "dark" : "light";
      g_autofree char *name = NULL;

      adw_style_manager_set_color_scheme (style, dark ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT);
      catalogue = show_catalogue (f);
      g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (child (catalogue, "content_stack"))), ==, "module");
      name = g_strdup_printf ("catalogue-%s", suffix);
      save_screenshot (f->window, name);
      g_clear_pointer (&name, g_free);

      labour = show_labour (f);
      pa_labour_view_show (labour, 0, NULL);
      g_assert_cmpint (pa_labour_view_get_vacancy_id (labour), >, 0);
      name = g_strdup_printf ("labour-vacancy-%s", suffix);
      save_screenshot (f->window, name);
      g_clear_pointer (&name, g_free);
      {
        /* The ranking and the shortlist, further down. */
        GtkWidget *scrolled = gtk_widget_get_ancestor (child (labour, "ranked_list"), GTK_TYPE_SCROLLED_WINDOW);
        GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));

        gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
        name = g_strdup_printf ("labour-ranked-%s", suffix);
        save_screenshot (f->window, name);
        g_clear_pointer (&name, g_free);
        gtk_adjustment_set_value (adjustment, 0);
      }
      pa_labour_view_show (labour, 0, "BE-WAL");
      name = g_strdup_printf ("labour-shortage-%s", suffix);
      save_screenshot (f->window, name);
    }
  /* A new vacancy, not yet complete enough to be stored. */
  labour = show_labour (f);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (labour), "labour.new-vacancy", NULL));
  type_into (child (labour, "employer_row"), "Hôtel de la Gare");
  save_screenshot (f->window, rtl ? "labour-draft-rtl" : "labour-draft-dark");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  gtk_widget_set_default_direction (GTK_TEXT_DIR_LTR);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add ("/ui-labour/vacancy", UiFixture, NULL, ui_fixture_setup, test_vacancy, ui_fixture_teardown);
  g_test_add ("/ui-labour/shortage", UiFixture, NULL, ui_fixture_setup, test_shortage, ui_fixture_teardown);
  g_test_add ("/ui-labour/catalogue", UiFixture, NULL, ui_fixture_setup, test_catalogue, ui_fixture_teardown);
  g_test_add ("/ui-labour/screenshots", UiFixture, NULL, ui_fixture_setup, test_screenshots,
              ui_fixture_teardown);

  return ui_test_run ();
}
