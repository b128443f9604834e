/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "pa-case-view.h"
#include "pa-concept-picker.h"
#include "pa-esco-import.h"
#include "pa-experiences-page.h"
#include "pa-labour.h"
#include "pa-matches-page.h"
#include "pa-plan-page.h"
#include "pa-preferences-window.h"
#include "pa-demo.h"
#include "pa-frameworks.h"
#include "pa-store-records.h"
#include "pa-test-utils.h"
#include "pa-ui-test-utils.h"

/* The Experiences, Matches and Plan sections as a trainer uses them: an
 * experience added with its occupation, the occupations that match, a
 * missing skill put in the plan, a status changed, a removal undone. */

#define SKILL(n) "http://data.europa.eu/esco/skill/s" #n
#define OCC(n) "http://data.europa.eu/esco/occupation/o" #n

typedef struct
{
  const char *name;
  const char *text;
} File;

/* A tiny ESCO release: a cook needs three skills, a kitchen porter one. */
static const File release[] = {
  { "skills_en.csv",
    "conceptType,conceptUri,skillType,reuseLevel,preferredLabel,altLabels,hiddenLabels,status,modifiedDate,scopeNote,definition,inScheme,description\r\n"
    "KnowledgeSkillCompetence," SKILL (1) ",skill/competence,sector-specific,prepare vegetables,,,released,,,,x,\r\n"
    "KnowledgeSkillCompetence," SKILL (2) ",skill/competence,sector-specific,apply food safety rules,,,released,,,,x,\r\n"
    "KnowledgeSkillCompetence," SKILL (3) ",skill/competence,sector-specific,plan menus,,,released,,,,x,\r\n" },
  { "occupations_en.csv",
    "conceptType,conceptUri,iscoGroup,preferredLabel,altLabels,hiddenLabels,status,modifiedDate,regulatedProfessionNote,scopeNote,definition,inScheme,description,code\r\n"
    "Occupation," OCC (1) ",5120,cook,,,released,,,,,x,Cooks.,5120.1\r\n"
    "Occupation," OCC (2) ",9412,kitchen porter,,,released,,,,,x,Cleans.,9412.1\r\n" },
  { "occupationSkillRelations.csv",
    "occupationUri,relationType,skillType,skillUri\r\n"
    OCC (1) ",essential,skill/competence," SKILL (1) "\r\n"
    OCC (1) ",essential,skill/competence," SKILL (2) "\r\n"
    OCC (1) ",essential,skill/competence," SKILL (3) "\r\n"
    OCC (2) ",essential,skill/competence," SKILL (1) "\r\n" },
};

static char *
write_release (const char *dir)
{
  char *path = g_build_filename (dir, "esco", NULL);

  g_assert_cmpint (g_mkdir_with_parents (path, 0700), ==, 0);
  for (gsize i = 0; i < G_N_ELEMENTS (release); i++)
    {
      g_autofree char *file = g_build_filename (path, release[i].name, NULL);
      g_assert_true (g_file_set_contents (file, release[i].text, -1, NULL));
    }
  return path;
}

static void
import_release (UiFixture *f)
{
  g_autofree char *path = write_release (f->dir);
  g_autoptr (GError) error = NULL;
  PaEscoImportReport *report = pa_esco_import (f->store, path, NULL, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  pa_esco_import_report_free (report);
}

static void
add_claim (UiFixture  *f,
           gint64      case_id,
           const char *uri,
           const char *label)
{
  g_autoptr (PaClaim) claim = pa_claim_new ();
  g_autoptr (GError) error = NULL;

  claim->case_id = case_id;
  claim->framework = g_strdup ("esco");
  claim->item_uri = g_strdup (uri);
  claim->label = g_strdup (label);
  g_assert_true (pa_store_claim_add (f->store, claim, NULL, NULL, &error));
  g_assert_no_error (error);
}

static PaCaseView *
case_pane (UiFixture *f)
{
  return PA_CASE_VIEW (ui_window_child (f->window, "case_pane"));
}

static GtkWidget *
show_section (UiFixture  *f,
              const char *section)
{
  pa_case_view_show_section (case_pane (f), section);
  drain ();
  return pa_case_view_get_page (case_pane (f), section);
}

/* The first visible widget named @name under @root. */
static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  if (!gtk_widget_get_visible (root))
    return NULL;
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_named (c, name);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWindow *
find_window_named (const char *name)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWidget) window = g_list_model_get_item (toplevels, i);
      if (gtk_widget_get_visible (window) && g_strcmp0 (gtk_widget_get_name (window), name) == 0)
        return GTK_WINDOW (window);
    }
  return NULL;
}

static gboolean
picker_shown (gpointer data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWindow) window = g_list_model_get_item (toplevels, i);
      PaConceptPicker *picker;

      if (!gtk_widget_get_visible (GTK_WIDGET (window)))
        continue;
      picker = pa_concept_picker_window_get_picker (window);
      if (picker != NULL && pa_concept_picker_is_ready (picker))
        {
          *(PaConceptPicker **) data = picker;
          return TRUE;
        }
    }
  return FALSE;
}

static gboolean
window_gone (gpointer data)
{
  return find_window_named (data) == NULL;
}

static guint
n_experiences (UiFixture *f,
               gint64     case_id)
{
  g_autoptr (GPtrArray) list = pa_store_experience_list (f->store, case_id, NULL);
  return list->len;
}

static void
test_add_experience_with_occupation (UiFixture     *f,
                                     gconstpointer  data)
{
  gint64 amal;
  GtkWidget *page, *dialog, *title, *add, *row, *label;
  PaConceptPicker *picker = NULL;
  g_autoptr (GPtrArray) list = NULL;
  PaExperience *x;

  import_release (f);
  amal = add_case (f->store, "Amal", "Haddad", "SY");
  ui_fixture_show_window (f);
  page = show_section (f, "experiences");
  g_assert_true (PA_IS_EXPERIENCES_PAGE (page));
  /* Nothing yet: the empty state offers the first experience. */
  g_assert_nonnull (find_widget (page, GTK_TYPE_BUTTON, "Add an Experience"));

  g_assert_true (gtk_widget_activate_action (page, "experiences.add", NULL));
  dialog = GTK_WIDGET (find_window_named ("experience-dialog"));
  g_assert_nonnull (dialog);
  add = find_named (dialog, "add");
  /* A title is needed before anything can be added. */
  g_assert_false (gtk_widget_get_sensitive (add));

  click (find_named (dialog, "choose-occupation"));
  wait_until (picker_shown, &picker, "the occupation picker");
  pa_concept_picker_set_text (picker, "cook");
  g_assert_cmpuint (pa_concept_picker_get_n_results (picker), >=, 1);
  g_assert_cmpstr (pa_concept_picker_get_selected_uri (picker), ==, OCC (1));
  g_assert_true (pa_concept_picker_choose_selected (picker));
  drain ();
  /* The occupation names the experience until the trainer types a title. */
  title = find_named (dialog, "title");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title)), ==, "cook");
  g_assert_nonnull (find_widget (find_named (dialog, "occupation"), GTK_TYPE_LABEL, "cook"));
  gtk_editable_set_text (GTK_EDITABLE (title), "Cook in a restaurant");
  gtk_editable_set_text (GTK_EDITABLE (find_named (dialog, "organisation")), "Al Sham");
  gtk_editable_set_text (GTK_EDITABLE (find_named (dialog, "start")), "2016-03");
  gtk_editable_set_text (GTK_EDITABLE (find_named (dialog, "end")), "2021");
  g_assert_true (gtk_widget_get_sensitive (add));
  save_screenshot (dialog, "experiences-dialog");
  click (add);
  wait_until (window_gone, "experience-dialog", "the dialog to close");

  list = pa_store_experience_list (f->store, amal, NULL);
  g_assert_cmpuint (list->len, ==, 1);
  x = g_ptr_array_index (list, 0);
  g_assert_cmpstr (x->kind, ==, "paid_work");
  g_assert_cmpstr (x->title, ==, "Cook in a restaurant");
  g_assert_cmpstr (x->occupation_uri, ==, OCC (1));
  g_assert_cmpstr (x->organisation, ==, "Al Sham");
  g_assert_cmpstr (x->start_date, ==, "2016-03");

  /* It appears, described with its kind, occupation and employer. */
  drain ();
  row = find_widget (page, GTK_TYPE_LABEL, "Cook in a restaurant");
  g_assert_nonnull (row);
  label = find_widget (page, GTK_TYPE_LABEL, "Al Sham");
  g_assert_nonnull (label);
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (label)), "Paid work"));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (label)), "cook"));
  save_screenshot (f->window, "experiences");
}

static void
test_journey_and_undo (UiFixture     *f,
                       gconstpointer  data)
{
  gint64 amal = add_case (f->store, "Amal", "Haddad", "SY");
  g_autoptr (PaExperience) stage = pa_experience_new ();
  g_autoptr (PaExperience) work = pa_experience_new ();
  g_autoptr (GError) error = NULL;
  GtkWidget *page, *journey, *remove, *title;
  g_autoptr (PaExperience) stored = NULL;
  g_autoptr (PaClaim) claim = pa_claim_new ();
  g_autoptr (PaClaim) linked = NULL;

  stage->case_id = amal;
  g_free (stage->kind);
  stage->kind = g_strdup ("migration_journey");
  stage->title = g_strdup ("Work in Istanbul while waiting");
  stage->country = g_strdup ("TR");
  stage->start_date = g_strdup ("2021-06");
  g_assert_true (pa_store_experience_add (f->store, stage, &error));
  work->case_id = amal;
  work->title = g_strdup ("Tailor");
  work->start_date = g_strdup ("2012");
  g_assert_true (pa_store_experience_add (f->store, work, &error));
  /* A competence drawn from the journey stage. */
  claim->case_id = amal;
  claim->framework = g_strdup ("esco");
  claim->item_uri = g_strdup ("http://data.europa.eu/esco/skill/negotiate");
  claim->label = g_strdup ("negotiate prices");
  pa_claim_add_experience (claim, stage->id);
  g_assert_true (pa_store_claim_add (f->store, claim, "interview", NULL, &error));
  g_assert_no_error (error);

  ui_fixture_show_window (f);
  page = show_section (f, "experiences");
  /* The journey stage sits in its own group, with its country. */
  journey = ui_template_child (page, PA_TYPE_EXPERIENCES_PAGE, "journey_list");
  g_assert_nonnull (find_widget (journey, GTK_TYPE_LABEL, "Work in Istanbul while waiting"));
  g_assert_nonnull (find_widget (journey, GTK_TYPE_LABEL, "Türkiye"));
  g_assert_null (find_widget (journey, GTK_TYPE_LABEL, "Tailor"));

  /* Edited in place: the title is stored once applied. */
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (gtk_list_box_get_row_at_index (GTK_LIST_BOX (journey), 0)), TRUE);
  drain ();
  title = find_named (journey, "title");
  gtk_editable_set_text (GTK_EDITABLE (title), "Waiting in Istanbul");
  g_signal_emit_by_name (title, "apply");
  stored = pa_store_experience_get (f->store, stage->id, &error);
  g_assert_cmpstr (stored->title, ==, "Waiting in Istanbul");
  /* A date the store refuses is shown where it was typed; nothing changes. */
  gtk_editable_set_text (GTK_EDITABLE (find_named (journey, "start")), "June 2021");
  g_signal_emit_by_name (find_named (journey, "start"), "apply");
  g_assert_true (gtk_widget_has_css_class (find_named (journey, "start"), "error"));
  g_clear_pointer (&stored, pa_experience_free);
  stored = pa_store_experience_get (f->store, stage->id, &error);
  g_assert_cmpstr (stored->start_date, ==, "2021-06");
  save_screenshot (f->window, "experiences-journey");

  /* Removed, then undone from the toast. */
  remove = find_named (journey, "remove");
  click (remove);
  g_assert_cmpuint (n_experiences (f, amal), ==, 1);
  drain ();
  g_assert_null (find_widget (journey, GTK_TYPE_LABEL, "Waiting in Istanbul"));
  click (find_widget (ui_window_child (f->window, "toast_overlay"), GTK_TYPE_BUTTON, "Undo"));
  g_assert_cmpuint (n_experiences (f, amal), ==, 2);
  drain ();
  g_assert_nonnull (find_widget (journey, GTK_TYPE_LABEL, "Waiting in Istanbul"));
  /* Back under its number, still behind the competence drawn from it. */
  g_clear_pointer (&stored, pa_experience_free);
  stored = pa_store_experience_get (f->store, stage->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stored->title, ==, "Waiting in Istanbul");
  linked = pa_store_claim_get (f->store, claim->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (linked->experience_ids->len, ==, 1);
  g_assert_cmpint (g_array_index (linked->experience_ids, gint64, 0), ==, stage->id);
}

static gboolean
matches_shown (gpointer data)
{
  GtkStack *stack = GTK_STACK (ui_template_child (data, PA_TYPE_MATCHES_PAGE, "stack"));
  return g_strcmp0 (gtk_stack_get_visible_child_name (stack), "loading") != 0;
}

static guint
n_actions (UiFixture *f,
           gint64     case_id)
{
  g_autoptr (GPtrArray) list = pa_store_plan_action_list (f->store, case_id, NULL);
  return list->len;
}

static void
test_matches_to_plan (UiFixture     *f,
                      gconstpointer  data)
{
  gint64 amal;
  g_autoptr (PaModule) module = pa_module_new ();
  g_autoptr (PaShortageList) shortage = pa_shortage_list_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) actions = NULL;
  GtkWidget *page, *list, *cook, *chip, *status;
  GtkStack *stack;
  PaPlanAction *action;

  import_release (f);
  amal = add_case (f->store, "Amal", "Haddad", "SY");
  add_claim (f, amal, SKILL (1), "prepare vegetables");
  add_claim (f, amal, SKILL (3), "plan menus");
  module->code = g_strdup ("HYG-1");
  module->title = g_strdup ("Food hygiene");
  module->theme = g_strdup ("sector");
  g_ptr_array_add (module->skill_uris, g_strdup (SKILL (2)));
  g_assert_true (pa_store_module_save (f->store, module, &error));
  g_assert_no_error (error);
  shortage->region = g_strdup ("Testland");
  shortage->title = g_strdup ("Shortages");
  g_ptr_array_add (shortage->occupation_uris, g_strdup (OCC (1)));
  g_ptr_array_add (shortage->notes, NULL);
  g_assert_true (pa_store_shortage_save (f->store, shortage, &error));
  g_assert_no_error (error);
  g_assert_true (pa_store_set_setting (f->store, "centre.region", "Testland", &error));

  ui_fixture_show_window (f);
  page = show_section (f, "matches");
  g_assert_true (PA_IS_MATCHES_PAGE (page));
  wait_until (matches_shown, page, "the occupation graph");
  stack = GTK_STACK (ui_template_child (page, PA_TYPE_MATCHES_PAGE, "stack"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "list");
  list = ui_template_child (page, PA_TYPE_MATCHES_PAGE, "matches_list");
  /* The kitchen porter first (all of one), then the cook, two of three, in shortage. */
  g_assert_cmpuint (count_children (list), ==, 2);
  cook = GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 1));
  g_assert_nonnull (find_widget (cook, GTK_TYPE_LABEL, "cook"));
  g_assert_nonnull (find_widget (cook, GTK_TYPE_LABEL, "ISCO 5120"));
  g_assert_nonnull (find_widget (cook, GTK_TYPE_LABEL, "2 of 3 essential skills"));
  g_assert_nonnull (find_widget (cook, GTK_TYPE_LABEL, "Shortage"));
  g_assert_null (find_widget (GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0)),
                              GTK_TYPE_LABEL, "Shortage"));
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (cook), TRUE);
  drain ();
  save_screenshot (f->window, "matches");

  /* The missing skill goes to the plan as the module that develops it. */
  chip = find_widget (find_named (cook, "missing"), GTK_TYPE_LABEL, "apply food safety rules");
  chip = gtk_widget_get_ancestor (chip, GTK_TYPE_BUTTON);
  click (chip);
  g_assert_false (gtk_widget_get_sensitive (chip));
  actions = pa_store_plan_action_list (f->store, amal, &error);
  g_assert_cmpuint (actions->len, ==, 1);
  action = g_ptr_array_index (actions, 0);
  g_assert_cmpstr (action->title, ==, "Food hygiene");
  g_assert_cmpstr (action->kind, ==, "training");
  g_assert_cmpstr (action->status, ==, "planned");

  /* The plan shows it; its status changes from the list and is stored. */
  page = show_section (f, "plan");
  g_assert_true (PA_IS_PLAN_PAGE (page));
  list = ui_template_child (page, PA_TYPE_PLAN_PAGE, "actions_list");
  g_assert_nonnull (find_widget (list, GTK_TYPE_LABEL, "Food hygiene"));
  status = find_named (list, "status");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (status), 1);
  g_clear_pointer (&actions, g_ptr_array_unref);
  actions = pa_store_plan_action_list (f->store, amal, &error);
  g_assert_cmpstr (((PaPlanAction *) g_ptr_array_index (actions, 0))->status, ==, "in_progress");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (status), 2);
  g_clear_pointer (&actions, g_ptr_array_unref);
  actions = pa_store_plan_action_list (f->store, amal, &error);
  action = g_ptr_array_index (actions, 0);
  g_assert_cmpstr (action->status, ==, "done");
  /* Done today, unless the trainer says otherwise. */
  g_assert_nonnull (action->done_on);

  /* The Gaps group: food safety is in the plan already as its module. */
  list = ui_template_child (page, PA_TYPE_PLAN_PAGE, "gaps_list");
  g_assert_nonnull (find_widget (list, GTK_TYPE_LABEL, "apply food safety rules"));
  g_assert_false (gtk_widget_get_sensitive (find_named (list, "add-gap")));
  /* Cancelled, the module can be planned again in one click. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (status), 3);
  pa_case_page_queue_reload (PA_CASE_PAGE (page));
  drain ();
  list = ui_template_child (page, PA_TYPE_PLAN_PAGE, "gaps_list");
  click (find_named (list, "add-gap"));
  g_assert_cmpuint (n_actions (f, amal), ==, 2);
  save_screenshot (f->window, "plan");

  /* A goal, added from its popover, then removed and restored. */
  gtk_editable_set_text (GTK_EDITABLE (ui_template_child (page, PA_TYPE_PLAN_PAGE, "goal_entry")),
                         "Work as a cook");
  g_assert_true (gtk_widget_activate_action (page, "plan.add-goal", NULL));
  {
    g_autoptr (GPtrArray) goals = pa_store_goal_list (f->store, amal, &error);
    g_assert_cmpuint (goals->len, ==, 1);
  }
  drain ();
  list = ui_template_child (page, PA_TYPE_PLAN_PAGE, "goals_list");
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0)), TRUE);
  drain ();
  click (find_named (list, "remove"));
  {
    g_autoptr (GPtrArray) goals = pa_store_goal_list (f->store, amal, &error);
    g_assert_cmpuint (goals->len, ==, 0);
  }
  click (find_widget (ui_window_child (f->window, "toast_overlay"), GTK_TYPE_BUTTON, "Undo"));
  {
    g_autoptr (GPtrArray) goals = pa_store_goal_list (f->store, amal, &error);
    g_assert_cmpuint (goals->len, ==, 1);
  }
}

static void
test_matches_without_esco (UiFixture     *f,
                           gconstpointer  data)
{
  gint64 amal = add_case (f->store, "Amal", "Haddad", "SY");
  GtkWidget *page;
  GtkStack *stack;

  ui_fixture_show_window (f);
  page = show_section (f, "matches");
  wait_until (matches_shown, page, "the occupation graph");
  stack = GTK_STACK (ui_template_child (page, PA_TYPE_MATCHES_PAGE, "stack"));
  /* The built-in frameworks know no occupation's skills: say so, and where to import. */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "no-occupations");
  g_assert_nonnull (find_widget (page, GTK_TYPE_BUTTON, "Preferences"));

  /* With ESCO but without claims: what to do first. */
  import_release (f);
  pa_case_page_queue_reload (PA_CASE_PAGE (page));
  wait_until (matches_shown, page, "the occupation graph");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "no-claims");
  (void) amal;
}

static gboolean
import_finished (gpointer data)
{
  return !pa_preferences_window_get_importing (data);
}

static guint
n_concepts (UiFixture *f)
{
  g_autoptr (GPtrArray) frameworks = pa_frameworks_list (f->store, NULL);
  guint n = 0;

  for (guint i = 0; frameworks && i < frameworks->len; i++)
    {
      PaFrameworkInfo *info = g_ptr_array_index (frameworks, i);
      if (g_strcmp0 (info->code, "esco") == 0)
        n += info->n_concepts;
    }
  return n;
}

static void
test_preferences (UiFixture     *f,
                  gconstpointer  data)
{
  g_autoptr (PaShortageList) list = pa_shortage_list_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) png = pa_demo_make_png (7, 64);
  g_autofree char *logo = g_build_filename (f->dir, "logo.png", NULL);
  g_autofree char *not_logo = g_build_filename (f->dir, "notes.png", NULL);
  g_autofree char *broken = g_build_filename (f->dir, "broken-esco", NULL);
  g_autofree char *region = NULL;
  g_autoptr (GBytes) stored_logo = NULL;
  GtkWidget *prefs, *row, *label;
  guint before;

  add_case (f->store, "Amal", "Haddad", "SY");
  list->region = g_strdup ("Bretagne");
  list->title = g_strdup ("Métiers en tension");
  g_ptr_array_add (list->occupation_uris, g_strdup (OCC (1)));
  g_ptr_array_add (list->notes, NULL);
  g_assert_true (pa_store_shortage_save (f->store, list, &error));
  ui_fixture_show_window (f);
  prefs = pa_preferences_window_new (f->store, FALSE, f->path);
  gtk_window_set_transient_for (GTK_WINDOW (prefs), GTK_WINDOW (f->window));
  gtk_window_present (GTK_WINDOW (prefs));
  wait_until (is_mapped, prefs, "the preferences");

  /* The region combo lists the imported shortage lists and sets centre.region. */
  row = ui_template_child (prefs, PA_TYPE_PREFERENCES_WINDOW, "region_row");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row)), ==, 0);
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), 1);
  region = pa_store_get_setting (f->store, "centre.region");
  g_assert_cmpstr (region, ==, "Bretagne");

  /* A logo: kept inside the store, where certificates read it and backups
   * carry it; a file that is no picture is refused, saying so, and changes
   * nothing. */
  g_assert_true (g_file_set_contents (logo, g_bytes_get_data (png, NULL), g_bytes_get_size (png), NULL));
  g_assert_true (pa_preferences_window_set_logo (PA_PREFERENCES_WINDOW (prefs), logo));
  stored_logo = pa_store_get_file (f->store, "centre.logo", &error);
  g_assert_no_error (error);
  g_assert_nonnull (stored_logo);
  g_assert_true (g_bytes_equal (stored_logo, png));
  g_assert_null (pa_store_get_setting (f->store, "centre.logo"));
  g_assert_cmpint (g_unlink (logo), ==, 0);
  /* Nothing beside the store but the store. */
  {
    g_autoptr (GDir) listing = g_dir_open (f->dir, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (listing)) != NULL)
      g_assert_false (g_str_has_prefix (name, "centre-logo"));
  }
  g_assert_true (gtk_widget_get_visible (ui_template_child (prefs, PA_TYPE_PREFERENCES_WINDOW,
                                                             "logo_preview")));
  g_assert_true (g_file_set_contents (not_logo, "minutes of the meeting", -1, NULL));
  g_assert_false (pa_preferences_window_set_logo (PA_PREFERENCES_WINDOW (prefs), not_logo));
  label = ui_template_child (prefs, PA_TYPE_PREFERENCES_WINDOW, "logo_error_label");
  g_assert_true (gtk_widget_get_visible (label));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (label)), "notes.png"));
  {
    g_autoptr (GBytes) still = pa_store_get_file (f->store, "centre.logo", &error);
    g_assert_no_error (error);
    g_assert_true (g_bytes_equal (still, png));
  }
  save_screenshot (prefs, "preferences-centre");

  /* ESCO from a damaged folder: the problem is shown with its file, nothing stored. */
  {
    g_autofree char *written = write_release (f->dir);
    g_assert_cmpint (g_rename (written, broken), ==, 0);
  }
  {
    g_autofree char *occupations = g_build_filename (broken, "occupations_en.csv", NULL);
    g_assert_true (g_file_set_contents (occupations,
                                        "conceptType,conceptUri,iscoGroup,preferredLabel\r\n"
                                        "Occupation,,5120,cook \xC3\x28 broken\r\n", -1, NULL));
  }
  before = n_concepts (f);
  adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (prefs),
                                          ADW_PREFERENCES_PAGE (ui_template_child (prefs, PA_TYPE_PREFERENCES_WINDOW, "esco_page")));
  pa_preferences_window_import_esco (PA_PREFERENCES_WINDOW (prefs), broken);
  wait_until (import_finished, prefs, "the ESCO import");
  label = ui_template_child (prefs, PA_TYPE_PREFERENCES_WINDOW, "esco_result_label");
  g_assert_true (gtk_widget_get_visible (label));
  g_assert_true (gtk_widget_has_css_class (label, "error"));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (label)), "Nothing was imported"));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (label)), "occupations_en.csv"));
  g_assert_cmpuint (n_concepts (f), ==, before);
  save_screenshot (prefs, "preferences-esco");

  /* A good release then imports, and says what it brought. */
  {
    g_autofree char *good = write_release (f->dir);
    pa_preferences_window_import_esco (PA_PREFERENCES_WINDOW (prefs), good);
    wait_until (import_finished, prefs, "the ESCO import");
    g_assert_false (gtk_widget_has_css_class (label, "error"));
    g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (label)), "Imported"));
    g_assert_cmpuint (n_concepts (f), >, before);
  }
  gtk_window_destroy (GTK_WINDOW (prefs));
}

static void
test_bench_startup (UiFixture     *f,
                    gconstpointer  data)
{
  const char *app = g_getenv ("PASSERELLE_APP");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr (GError) error = NULL;
  int status = -1;
  const char *argv[] = { app, "--db", f->path, "--bench-startup", NULL };
  g_auto (GStrv) envp = g_get_environ ();
  g_autoptr (GDir) dri = g_dir_open ("/dev/dri", 0, NULL);
  gboolean has_gpu = FALSE;
  const char *name;

  if (app == NULL)
    {
      g_test_skip ("PASSERELLE_APP is not set");
      return;
    }
  add_case (f->store, "Amal", "Haddad", "SY");
  /* The application chooses its renderer when the user did not. */
  envp = g_environ_unsetenv (envp, "GSK_RENDERER");
  envp = g_environ_unsetenv (envp, "GDK_DEBUG");
  g_assert_true (g_spawn_sync (NULL, (char **) argv, envp, G_SPAWN_DEFAULT, NULL, NULL, &out, &err,
                               &status, &error));
  g_assert_no_error (error);
  g_test_message ("%s", out);
  g_assert_true (g_spawn_check_wait_status (status, &error));
  g_assert_true (g_str_has_prefix (out, "startup: "));
  g_assert_nonnull (strstr (out, "ms to an interactive window (1 cases"));
  g_assert_nonnull (strstr (out, "first frame drawn at "));
  /* Without a GPU, OpenGL would be drawn by the processor: Cairo is used. */
  while (dri != NULL && (name = g_dir_read_name (dri)) != NULL)
    has_gpu = has_gpu || g_str_has_prefix (name, "renderD");
  if (!has_gpu)
    g_assert_nonnull (strstr (out, "GskCairoRenderer"));
}

/* Screenshots of the three sections and the preferences in light, dark and
 * right-to-left (run with LANGUAGE=ar for Arabic text): looked at, not compared. */
static void
test_screenshots (UiFixture     *f,
                  gconstpointer  data)
{
  static const char *const sections[] = { "experiences", "matches", "plan" };
  static const char *const modes[] = { "light", "dark", "rtl" };
  gint64 amal;
  g_autoptr (PaExperience) work = pa_experience_new ();
  g_autoptr (PaExperience) stage = pa_experience_new ();
  g_autoptr (PaGoal) goal = pa_goal_new ();
  g_autoptr (PaPlanAction) action = pa_plan_action_new ();
  g_autoptr (GError) error = NULL;
  AdwStyleManager *style = adw_style_manager_get_default ();

  import_release (f);
  amal = add_case (f->store, "Amal", "Haddad", "SY");
  add_claim (f, amal, SKILL (1), "prepare vegetables");
  work->case_id = amal;
  work->title = g_strdup ("Cook in a family restaurant");
  work->organisation = g_strdup ("Al Sham");
  work->place = g_strdup ("Aleppo");
  work->country = g_strdup ("SY");
  work->start_date = g_strdup ("2014-03");
  work->end_date = g_strdup ("2019-10");
  work->occupation_uri = g_strdup (OCC (1));
  g_assert_true (pa_store_experience_add (f->store, work, &error));
  stage->case_id = amal;
  g_free (stage->kind);
  stage->kind = g_strdup ("migration_journey");
  stage->title = g_strdup ("Work in Gaziantep while waiting");
  stage->country = g_strdup ("TR");
  stage->start_date = g_strdup ("2019-11");
  stage->end_date = g_strdup ("2021-05");
  g_assert_true (pa_store_experience_add (f->store, stage, &error));
  goal->case_id = amal;
  goal->title = g_strdup ("Work as a cook");
  goal->target_occupation_uri = g_strdup (OCC (1));
  g_assert_true (pa_store_goal_add (f->store, goal, &error));
  action->case_id = amal;
  action->goal_id = goal->id;
  action->title = g_strdup ("French course B1");
  g_free (action->kind);
  action->kind = g_strdup ("language_course");
  action->due_on = g_strdup ("2026-12-15");
  g_assert_true (pa_store_plan_action_add (f->store, action, &error));
  ui_fixture_show_window (f);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1100, 720);

  for (guint m = 0; m < G_N_ELEMENTS (modes); m++)
    {
      adw_style_manager_set_color_scheme (style, m == 1 ? ADW_COLOR_SCHEME_FORCE_DARK
                                                        : ADW_COLOR_SCHEME_FORCE_LIGHT);
      gtk_widget_set_default_direction (m == 2 ? GTK_TEXT_DIR_RTL : GTK_TEXT_DIR_LTR);
      for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
        {
          GtkWidget *page = show_section (f, sections[i]);
          g_autofree char *name = g_strdup_printf ("%s-%s", sections[i], modes[m]);

          if (PA_IS_MATCHES_PAGE (page))
            {
              GtkWidget *list = ui_template_child (page, PA_TYPE_MATCHES_PAGE, "matches_list");
              GtkListBoxRow *row;

              wait_until (matches_shown, page, "the occupation graph");
              row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 1);
              if (row != NULL)
                adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
            }
          if (PA_IS_EXPERIENCES_PAGE (page))
            {
              GtkWidget *list = ui_template_child (page, PA_TYPE_EXPERIENCES_PAGE, "experience_list");
              adw_expander_row_set_expanded (ADW_EXPANDER_ROW (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0)), TRUE);
            }
          drain ();
          save_screenshot (f->window, name);
        }
      {
        GtkWidget *prefs = pa_preferences_window_new (f->store, FALSE, f->path);
        g_autofree char *name = g_strdup_printf ("preferences-%s", modes[m]);

        gtk_window_set_transient_for (GTK_WINDOW (prefs), GTK_WINDOW (f->window));
        gtk_window_present (GTK_WINDOW (prefs));
        wait_until (is_mapped, prefs, "the preferences");
        save_screenshot (prefs, name);
        gtk_window_destroy (GTK_WINDOW (prefs));
      }
    }
  gtk_widget_set_default_direction (GTK_TEXT_DIR_LTR);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

/* With PASSERELLE_BENCH_STORE naming a store with ESCO imported and demo
 * cases: how long the Matches section takes, first (graph built in a
 * worker thread) and then on each reload. Figures, no assertion on them. */
static void
test_bench_matches (UiFixture     *f,
                    gconstpointer  data)
{
  const char *path = g_getenv ("PASSERELLE_BENCH_STORE");
  g_autoptr (GError) error = NULL;
  GtkWidget *page;
  gint64 started;

  if (path == NULL)
    {
      g_test_skip ("PASSERELLE_BENCH_STORE is not set");
      return;
    }
  g_clear_object (&f->store);
  f->store = pa_store_open (path, &error);
  g_assert_no_error (error);
  ui_fixture_show_window (f);
  started = g_get_monotonic_time ();
  page = show_section (f, "matches");
  wait_until (matches_shown, page, "the occupation graph");
  g_test_message ("first Matches, graph built in a thread: %.1f ms",
                  (g_get_monotonic_time () - started) / 1000.0);
  for (int i = 0; i < 5; i++)
    {
      started = g_get_monotonic_time ();
      pa_case_page_queue_reload (PA_CASE_PAGE (page));
      g_test_message ("Matches again (rank and read the rows): %.1f ms",
                      (g_get_monotonic_time () - started) / 1000.0);
    }
  save_screenshot (f->window, "matches-esco");
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add ("/experiences/add-with-occupation", UiFixture, NULL,
              ui_fixture_setup, test_add_experience_with_occupation, ui_fixture_teardown);
  g_test_add ("/experiences/journey-and-undo", UiFixture, NULL,
              ui_fixture_setup, test_journey_and_undo, ui_fixture_teardown);
  g_test_add ("/matches/to-plan", UiFixture, NULL,
              ui_fixture_setup, test_matches_to_plan, ui_fixture_teardown);
  g_test_add ("/matches/without-esco", UiFixture, NULL,
              ui_fixture_setup, test_matches_without_esco, ui_fixture_teardown);
  g_test_add ("/preferences/region-logo-esco", UiFixture, NULL,
              ui_fixture_setup, test_preferences, ui_fixture_teardown);
  g_test_add ("/bench/startup", UiFixture, NULL,
              ui_fixture_setup, test_bench_startup, ui_fixture_teardown);
  g_test_add ("/bench/matches", UiFixture, NULL,
              ui_fixture_setup, test_bench_matches, ui_fixture_teardown);
  g_test_add ("/screenshots/light-dark-rtl", UiFixture, NULL,
              ui_fixture_setup, test_screenshots, ui_fixture_teardown);
  return ui_test_run ();
}
