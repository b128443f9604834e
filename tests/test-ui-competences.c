/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <cairo-pdf.h>
#include <locale.h>

#include "pa-case-view.h"
#include "pa-competences-page.h"
#include "pa-concept-picker.h"
#include "pa-demo.h"
#include "pa-evidence-page.h"
#include "pa-stage-stepper.h"
#include "pa-store-records.h"
#include "pa-ui-test-utils.h"

/* The Competences and Evidence sections as a trainer uses them at intake:
 * suggestions from the experiences accepted or set aside, a competence found
 * by typing in the picker (arrows move, Enter adds, Escape closes), one
 * competence carried through its four stages with evidence, and a deletion
 * undone. */

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


/* The workflow */

static PaCaseView *
case_pane (UiFixture *f)
{
  return PA_CASE_VIEW (ui_window_child (f->window, "case_pane"));
}

static gint64
add_experience (PaStore    *store,
                gint64      case_id,
                const char *kind,
                const char *title,
                const char *place,
                const char *tasks)
{
  g_autoptr (PaExperience) experience = pa_experience_new ();
  g_autoptr (GError) error = NULL;

  experience->case_id = case_id;
  g_free (experience->kind);
  experience->kind = g_strdup (kind);
  experience->title = g_strdup (title);
  experience->place = g_strdup (place);
  experience->start_date = g_strdup ("2015");
  experience->end_date = g_strdup ("2019");
  experience->tasks = g_strdup (tasks);
  g_assert_true (pa_store_experience_add (store, experience, &error));
  g_assert_no_error (error);
  return experience->id;
}

static gboolean
suggestions_ready (gpointer data)
{
  return !pa_competences_page_is_suggesting (data);
}

static gboolean
evidence_ready (gpointer data)
{
  return !pa_evidence_page_is_busy (data);
}

static gboolean
window_shown (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

/* The URIs of the suggestions shown. */
static GPtrArray *
suggested_uris (PaCompetencesPage *page)
{
  GtkWidget *list = ui_template_child (page, PA_TYPE_COMPETENCES_PAGE, "suggestions_list");
  GPtrArray *uris = g_ptr_array_new ();

  if (!gtk_widget_get_visible (ui_template_child (page, PA_TYPE_COMPETENCES_PAGE, "suggestions_group")))
    return uris;
  for (GtkWidget *row = gtk_widget_get_first_child (list); row; row = gtk_widget_get_next_sibling (row))
    if (g_object_get_data (G_OBJECT (row), "uri") != NULL)
      g_ptr_array_add (uris, g_object_get_data (G_OBJECT (row), "uri"));
  return uris;
}

static gboolean
contains_uri (GPtrArray  *uris,
              const char *uri)
{
  for (guint i = 0; i < uris->len; i++)
    if (g_str_equal (g_ptr_array_index (uris, i), uri))
      return TRUE;
  return FALSE;
}

/* A widget under @root by its name (gtk_widget_set_name ()). */
static GtkWidget *
named (GtkWidget  *root,
       const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = named (c, name);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
suggestion_button (PaCompetencesPage *page,
                   const char        *uri,
                   const char        *name)
{
  GtkWidget *list = ui_template_child (page, PA_TYPE_COMPETENCES_PAGE, "suggestions_list");

  for (GtkWidget *row = gtk_widget_get_first_child (list); row; row = gtk_widget_get_next_sibling (row))
    if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "uri"), uri) == 0)
      return named (row, name);
  return NULL;
}

static PaClaim *
only_claim_on (PaStore    *store,
               gint64      case_id,
               const char *uri)
{
  g_autoptr (GPtrArray) claims = pa_store_claim_list (store, case_id, NULL);

  for (guint i = 0; i < claims->len; i++)
    {
      PaClaim *claim = g_ptr_array_index (claims, i);
      if (g_str_equal (claim->item_uri, uri))
        return g_ptr_array_steal_index (claims, i);
    }
  return NULL;
}

static GtkWindow *
advance_dialog (PaCompetencesPage *page,
                const char        *uri)
{
  GtkWidget *row = pa_competences_page_get_claim_row (page, uri);
  GtkWindow *dialog;

  g_assert_nonnull (row);
  click (g_object_get_data (G_OBJECT (row), "advance-button"));
  dialog = find_toplevel (ADW_TYPE_WINDOW);
  g_assert_nonnull (dialog);
  wait_until (window_shown, dialog, "the dialog");
  return dialog;
}

static PaStageStepper *
stepper_of (PaCompetencesPage *page,
            const char        *uri)
{
  GtkWidget *row = pa_competences_page_get_claim_row (page, uri);

  g_assert_nonnull (row);
  return PA_STAGE_STEPPER (g_object_get_data (G_OBJECT (row), "stepper"));
}

static char *
write_png (const char *dir)
{
  char *path = g_build_filename (dir, "dish.png", NULL);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 120, 80);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 0.9, 0.5, 0.1);
  cairo_paint (cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  return path;
}

static char *
write_pdf (const char *dir)
{
  char *path = g_build_filename (dir, "reference.pdf", NULL);
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 595, 842);
  cairo_t *cr = cairo_create (surface);

  cairo_move_to (cr, 72, 72);
  cairo_show_text (cr, "Reference letter");
  cairo_show_page (cr);
  cairo_show_page (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
  return path;
}

static char *
sha256_of_file (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

static void
test_intake_workflow (UiFixture     *f,
                      gconstpointer  data)
{
  gint64 amal = add_case (f->store, "Amal", "Haddad", "SY");
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) uris = NULL;
  g_autoptr (PaClaim) claim = NULL;
  g_autoptr (GPtrArray) history = NULL;
  g_autofree char *accepted = NULL;
  g_autofree char *rejected = NULL;
  g_autofree char *png = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *short_hash = NULL;
  g_autofree char *picked = NULL;
  PaCompetencesPage *page;
  PaEvidencePage *evidence_page;
  PaConceptPicker *picker;
  GtkWindow *window;
  GtkWidget *row;
  GtkWidget *check;
  PaStageStepper *stepper;
  static const char *const words[] = { NULL, "Identified", "Documented", "Assessed", "Certified" };

  add_experience (f->store, amal, "paid_work", "Cook", "Aleppo",
                  "Prepared meals for a restaurant, spoke with customers, ordered supplies");
  add_experience (f->store, amal, "volunteering", "Volunteer at the Red Crescent", "Aleppo",
                  "Handed out food parcels");
  ui_fixture_show_window (f);
  pa_case_view_show_section (case_pane (f), "competences");
  page = PA_COMPETENCES_PAGE (pa_case_view_get_page (case_pane (f), "competences"));
  wait_until (suggestions_ready, page, "the suggestions");

  /* Nothing claimed yet: the empty state offers both ways in. */
  g_assert_nonnull (find_widget (GTK_WIDGET (page), GTK_TYPE_LABEL, "No Competences Yet"));
  click (find_widget (GTK_WIDGET (page), GTK_TYPE_BUTTON, "_See Suggestions"));
  uris = suggested_uris (page);
  g_assert_cmpuint (uris->len, >=, 2);
  /* Each says why: the experience it comes from. */
  g_assert_nonnull (find_widget (GTK_WIDGET (page), GTK_TYPE_LABEL, "Aleppo"));
  accepted = g_strdup (g_ptr_array_index (uris, 0));
  rejected = g_strdup (g_ptr_array_index (uris, 1));
  g_clear_pointer (&uris, g_ptr_array_unref);

  /* Add: a claim at stage Identified, from the experience. */
  click (suggestion_button (page, accepted, "suggestion_add"));
  claim = only_claim_on (f->store, amal, accepted);
  g_assert_nonnull (claim);
  g_assert_cmpint (claim->stage, ==, PA_STAGE_IDENTIFIED);
  g_assert_cmpuint (claim->experience_ids->len, ==, 1);
  history = pa_store_claim_history (f->store, claim->id, &error);
  g_assert_cmpstr (((PaClaimStage *) g_ptr_array_index (history, 0))->method, ==, "suggestion");
  g_clear_pointer (&history, g_ptr_array_unref);
  g_clear_pointer (&claim, pa_claim_free);
  stepper = stepper_of (page, accepted);
  g_assert_cmpint (pa_stage_stepper_get_stage (stepper), ==, PA_STAGE_IDENTIFIED);
  g_assert_cmpstr (pa_stage_stepper_get_step_text (stepper, 1), ==, "Identified");
  uris = suggested_uris (page);
  g_assert_false (contains_uri (uris, accepted));
  g_clear_pointer (&uris, g_ptr_array_unref);

  /* Not relevant: gone, and still gone once the section is read again. */
  click (suggestion_button (page, rejected, "suggestion_reject"));
  uris = suggested_uris (page);
  g_assert_false (contains_uri (uris, rejected));
  g_clear_pointer (&uris, g_ptr_array_unref);
  pa_case_view_show_section (case_pane (f), "profile");
  pa_case_view_show_section (case_pane (f), "competences");
  pa_case_page_queue_reload (PA_CASE_PAGE (page));
  drain ();
  wait_until (suggestions_ready, page, "the suggestions again");
  /* All of them, not only the first few. */
  {
    GtkWidget *more = named (ui_template_child (page, PA_TYPE_COMPETENCES_PAGE, "suggestions_list"),
                             "more_suggestions");
    if (more != NULL)
      g_signal_emit_by_name (more, "activated");
  }
  uris = suggested_uris (page);
  g_assert_false (contains_uri (uris, rejected));
  g_clear_pointer (&uris, g_ptr_array_unref);
  save_screenshot (f->window, "section-competences-suggestions");

  /* The picker adds a competence found by typing. */
  click (ui_template_child (page, PA_TYPE_COMPETENCES_PAGE, "add_button"));
  window = find_toplevel (ADW_TYPE_WINDOW);
  g_assert_nonnull (window);
  picker = pa_concept_picker_window_get_picker (window);
  wait_until (picker_ready, picker, "the skill index");
  pa_concept_picker_set_text (picker, "communicat");
  picked = g_strdup (pa_concept_picker_get_selected_uri (picker));
  g_assert_nonnull (picked);
  g_signal_emit_by_name (picker_entry (picker), "activate");
  drain ();
  claim = only_claim_on (f->store, amal, picked);
  g_assert_nonnull (claim);
  g_assert_cmpint (claim->stage, ==, PA_STAGE_IDENTIFIED);
  g_clear_pointer (&claim, pa_claim_free);
  g_assert_nonnull (pa_competences_page_get_claim_row (page, picked));

  /* Evidence: a photo and a PDF, each with its fingerprint. */
  png = write_png (f->dir);
  pdf = write_pdf (f->dir);
  hash = sha256_of_file (png);
  short_hash = g_strndup (hash, 12);
  pa_case_view_show_section (case_pane (f), "evidence");
  evidence_page = PA_EVIDENCE_PAGE (pa_case_view_get_page (case_pane (f), "evidence"));
  g_assert_nonnull (find_widget (GTK_WIDGET (evidence_page), GTK_TYPE_LABEL, "No Evidence Yet"));
  {
    g_autoptr (GFile) file = g_file_new_for_path (png);
    g_autoptr (GFile) pdf_file = g_file_new_for_path (pdf);
    g_autofree char *missing = g_build_filename (f->dir, "missing.jpg", NULL);
    g_autoptr (GFile) missing_file = g_file_new_for_path (missing);

    pa_evidence_page_attach_file (evidence_page, file);
    wait_until (evidence_ready, evidence_page, "the photo");
    pa_evidence_page_attach_file (evidence_page, pdf_file);
    wait_until (evidence_ready, evidence_page, "the PDF");
    /* A file that cannot be read says so, naming it, and stores nothing. */
    pa_evidence_page_attach_file (evidence_page, missing_file);
    wait_until (evidence_ready, evidence_page, "the missing file");
    g_assert_nonnull (find_widget (GTK_WIDGET (evidence_page), GTK_TYPE_LABEL, "“missing.jpg” cannot be read"));
  }
  {
    g_autoptr (GPtrArray) list = pa_store_evidence_list (f->store, amal, &error);
    g_assert_cmpuint (list->len, ==, 2);
    g_assert_cmpstr (((PaEvidence *) g_ptr_array_index (list, 0))->sha256, ==, hash);
    g_assert_cmpstr (((PaEvidence *) g_ptr_array_index (list, 1))->mime_type, ==, "application/pdf");
  }
  g_assert_nonnull (find_widget (GTK_WIDGET (evidence_page), GTK_TYPE_LABEL, short_hash));
  g_assert_nonnull (find_widget (GTK_WIDGET (evidence_page), GTK_TYPE_LABEL, "2 pages"));
  g_assert_nonnull (find_widget (GTK_WIDGET (evidence_page), GTK_TYPE_LABEL, "Authentic"));
  save_screenshot (f->window, "section-evidence");

  /* Identified → Documented: the evidence is ticked in the dialog. */
  pa_case_view_show_section (case_pane (f), "competences");
  window = advance_dialog (page, picked);
  g_assert_nonnull (find_widget (GTK_WIDGET (window), GTK_TYPE_LABEL, "dish"));
  check = find_widget (named (GTK_WIDGET (window), "evidence_list"), GTK_TYPE_CHECK_BUTTON, NULL);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  click (named (GTK_WIDGET (window), "confirm_button"));
  drain ();
  stepper = stepper_of (page, picked);
  g_assert_cmpint (pa_stage_stepper_get_stage (stepper), ==, PA_STAGE_DOCUMENTED);

  /* Documented → Assessed: without an assessor it says so, in the dialog. */
  window = advance_dialog (page, picked);

  g_assert_null (named (GTK_WIDGET (window), "evidence_list"));
  gtk_editable_set_text (GTK_EDITABLE (named (GTK_WIDGET (window), "level_row")), "intermediate");
  gtk_editable_set_text (GTK_EDITABLE (named (GTK_WIDGET (window), "assessor_row")), "");
  click (named (GTK_WIDGET (window), "confirm_button"));
  g_assert_true (gtk_widget_get_visible (named (GTK_WIDGET (window), "error_label")));

  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (named (GTK_WIDGET (window), "error_label"))),
                            "assessor"));
  claim = only_claim_on (f->store, amal, picked);
  g_assert_cmpint (claim->stage, ==, PA_STAGE_DOCUMENTED);
  g_clear_pointer (&claim, pa_claim_free);
  gtk_editable_set_text (GTK_EDITABLE (named (GTK_WIDGET (window), "assessor_row")), "Sophie Lambert");
  gtk_editable_set_text (GTK_EDITABLE (named (GTK_WIDGET (window), "rationale_row")),
                         "Explained a recipe to a group, clearly");
  adw_combo_row_set_selected (ADW_COMBO_ROW (named (GTK_WIDGET (window), "method_row")), 1);
  save_screenshot (window, "competences-assess-dialog");

  click (named (GTK_WIDGET (window), "confirm_button"));
  drain ();
  claim = only_claim_on (f->store, amal, picked);
  g_assert_cmpint (claim->stage, ==, PA_STAGE_ASSESSED);
  g_clear_pointer (&claim, pa_claim_free);
  stepper = stepper_of (page, picked);
  g_assert_cmpint (pa_stage_stepper_get_stage (stepper), ==, PA_STAGE_ASSESSED);

  /* Assessed → Certified. */
  window = advance_dialog (page, picked);
  g_assert_nonnull (find_widget (GTK_WIDGET (window), GTK_TYPE_LABEL, "certificate"));
  click (named (GTK_WIDGET (window), "confirm_button"));
  drain ();

  claim = only_claim_on (f->store, amal, picked);
  g_assert_cmpint (claim->stage, ==, PA_STAGE_CERTIFIED);
  g_assert_cmpstr (claim->level, ==, "intermediate");
  g_assert_cmpuint (claim->evidence_ids->len, ==, 1);
  g_clear_pointer (&claim, pa_claim_free);

  /* Every step by word, ticked before the current one; no more action. */
  stepper = stepper_of (page, picked);
  for (int stage = 1; stage <= 4; stage++)
    {
      g_assert_cmpstr (pa_stage_stepper_get_step_text (stepper, stage), ==, words[stage]);
      g_assert_cmpstr (pa_stage_stepper_get_step_icon (stepper, stage), ==,
                       stage < 4 ? "emblem-ok-symbolic" : "radio-checked-symbolic");
    }
  row = pa_competences_page_get_claim_row (page, picked);
  g_assert_null (g_object_get_data (G_OBJECT (row), "advance-button"));

  /* The history unfolds: who, when, how. */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (named (row, "expand_button")), TRUE);
  for (int stage = 1; stage <= 4; stage++)
    {
      g_autofree char *step = g_strdup_printf ("%s — ", words[stage]);
      g_assert_nonnull (find_widget (row, GTK_TYPE_LABEL, step));
    }
  g_assert_nonnull (find_widget (row, GTK_TYPE_LABEL, "Assessor: Sophie Lambert"));
  g_assert_nonnull (find_widget (row, GTK_TYPE_LABEL, "dish"));
  /* The rows never widen the window past folding it: the section stays shown. */
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (page)));
  save_screenshot (f->window, "section-competences");

  /* Remove, then Undo: back with its stage and history. */
  click (named (row, "remove_button"));
  claim = only_claim_on (f->store, amal, picked);
  g_assert_null (claim);
  drain ();
  g_assert_null (pa_competences_page_get_claim_row (page, picked));
  click (find_widget (ui_window_child (f->window, "toast_overlay"), GTK_TYPE_BUTTON, "_Undo"));
  drain ();
  claim = only_claim_on (f->store, amal, picked);
  g_assert_nonnull (claim);
  g_assert_cmpint (claim->stage, ==, PA_STAGE_CERTIFIED);
  history = pa_store_claim_history (f->store, claim->id, &error);
  g_assert_cmpuint (history->len, ==, 4);
  g_assert_nonnull (pa_competences_page_get_claim_row (page, picked));
}


/* Screenshots: a case with competences at every stage and evidence, in the
 * light and dark styles, then in Arabic, right to left. */

static char *
first_hit (PaStore    *store,
           const char *text)
{
  g_autoptr (PaFrameworkSearch) search = pa_framework_search_new (store);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) hits = pa_framework_search_query (search, text, PA_CONCEPT_KINDS_SKILLS, "en", NULL,
                                                          1, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);
  return g_strdup (((PaConceptHit *) g_ptr_array_index (hits, 0))->uri);
}

static void
add_claim_at (PaStore    *store,
              gint64      case_id,
              const char *text,
              const char *framework,
              int         stage,
              gint64      evidence_id)
{
  g_autoptr (PaClaim) claim = pa_claim_new ();
  g_autoptr (GError) error = NULL;

  claim->case_id = case_id;
  claim->framework = g_strdup (framework);
  claim->item_uri = first_hit (store, text);
  claim->label = g_strdup (text);
  pa_claim_add_evidence (claim, evidence_id);
  g_assert_true (pa_store_claim_add (store, claim, "interview", "Told about it at intake", &error));
  g_assert_no_error (error);
  if (stage >= PA_STAGE_DOCUMENTED)
    g_assert_true (pa_store_claim_advance (store, claim->id, PA_STAGE_DOCUMENTED, NULL, NULL, NULL,
                                           "Photo of the work", &error));
  if (stage >= PA_STAGE_ASSESSED)
    g_assert_true (pa_store_claim_advance (store, claim->id, PA_STAGE_ASSESSED, "practical_test",
                                           g_str_equal (framework, "digcomp") ? "4" : "advanced",
                                           "Sophie Lambert", "Did it in front of the group", &error));
  if (stage >= PA_STAGE_CERTIFIED)
    g_assert_true (pa_store_claim_advance (store, claim->id, PA_STAGE_CERTIFIED, NULL, NULL, NULL,
                                           "Certified by the jury", &error));
  g_assert_no_error (error);
}

static void
shoot_sections (UiFixture  *f,
                PaWindow   *window,
                const char *suffix)
{
  PaCaseView *pane = PA_CASE_VIEW (ui_window_child (window, "case_pane"));
  PaCompetencesPage *page;
  PaEvidencePage *evidence_page;
  g_autofree char *competences_name = g_strconcat ("section-competences-", suffix, NULL);
  g_autofree char *evidence_name = g_strconcat ("section-evidence-", suffix, NULL);
  GtkWidget *list;

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 860);
  pa_case_view_show_section (pane, "competences");
  page = PA_COMPETENCES_PAGE (pa_case_view_get_page (pane, "competences"));
  wait_until (suggestions_ready, page, "the suggestions");
  /* The first competence open, its history shown. */
  list = ui_template_child (page, PA_TYPE_COMPETENCES_PAGE, "claims_box");
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (named (list, "expand_button")), TRUE);
  drain ();
  /* Scrolled to the competences, below the suggestions. */
  {
    GtkWidget *scrolled = gtk_widget_get_ancestor (list, GTK_TYPE_SCROLLED_WINDOW);
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
    graphene_point_t top;

    g_assert_true (gtk_widget_compute_point (list, gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled)),
                                             &GRAPHENE_POINT_INIT (0, 0), &top));
    gtk_adjustment_set_value (adjustment, top.y - 120);
    drain ();
  }
  save_screenshot (window, competences_name);

  pa_case_view_show_section (pane, "evidence");
  evidence_page = PA_EVIDENCE_PAGE (pa_case_view_get_page (pane, "evidence"));
  wait_until (evidence_ready, evidence_page, "the thumbnails");
  drain ();
  save_screenshot (window, evidence_name);
}

static void
test_screenshots (UiFixture     *f,
                  gconstpointer  data)
{
  gint64 amal = add_case (f->store, "Amal", "Haddad", "SY");
  g_autoptr (PaEvidence) photo = pa_evidence_new ();
  g_autoptr (PaEvidence) letter = pa_evidence_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *png = write_png (f->dir);
  g_autofree char *pdf = write_pdf (f->dir);
  g_autofree char *contents = NULL;
  gsize length;
  PaWindow *arabic;

  add_experience (f->store, amal, "paid_work", "Cook", "Aleppo",
                  "Prepared meals for a restaurant, spoke with customers, ordered supplies");
  add_experience (f->store, amal, "volunteering", "Volunteer at the Red Crescent", "Aleppo",
                  "Handed out food parcels");
  g_assert_true (g_file_get_contents (png, &contents, &length, NULL));
  photo->case_id = amal;
  photo->title = g_strdup ("Dish prepared at the workshop");
  g_free (photo->kind);
  photo->kind = g_strdup ("photo");
  photo->filename = g_strdup ("dish.png");
  g_free (photo->mime_type);
  photo->mime_type = g_strdup ("image/png");
  photo->relevant = photo->authentic = TRUE;
  photo->content = g_bytes_new_take (g_steal_pointer (&contents), length);
  g_assert_true (pa_store_evidence_add (f->store, photo, &error));
  g_assert_true (g_file_get_contents (pdf, &contents, &length, NULL));
  letter->case_id = amal;
  letter->title = g_strdup ("Reference from the restaurant");
  g_free (letter->kind);
  letter->kind = g_strdup ("reference");
  letter->filename = g_strdup ("reference.pdf");
  g_free (letter->mime_type);
  letter->mime_type = g_strdup ("application/pdf");
  letter->content = g_bytes_new_take (g_steal_pointer (&contents), length);
  g_assert_true (pa_store_evidence_add (f->store, letter, &error));
  g_assert_no_error (error);

  add_claim_at (f->store, amal, "intercultural communication", "transversal", PA_STAGE_CERTIFIED, photo->id);
  add_claim_at (f->store, amal, "work in teams", "transversal", PA_STAGE_ASSESSED, letter->id);
  add_claim_at (f->store, amal, "adapt to change", "transversal", PA_STAGE_DOCUMENTED, letter->id);
  add_claim_at (f->store, amal, "browsing, searching and filtering", "digcomp", PA_STAGE_IDENTIFIED, photo->id);

  ui_fixture_show_window (f);
  shoot_sections (f, f->window, "light");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  shoot_sections (f, f->window, "dark");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);

  /* Arabic, right to left, in a window built after the switch. */
  g_setenv ("LANGUAGE", "ar", TRUE);
  if (setlocale (LC_ALL, "ar_EG.UTF-8") == NULL)
    {
      g_test_message ("No ar_EG.UTF-8 locale: no Arabic screenshots");
      g_setenv ("LANGUAGE", "", TRUE);
      return;
    }
  gtk_widget_set_default_direction (GTK_TEXT_DIR_RTL);
  arabic = g_object_ref (pa_window_new (ui_test_app ()));
  pa_window_set_store (arabic, f->store, FALSE);
  gtk_window_present (GTK_WINDOW (arabic));
  wait_until (is_mapped, arabic, "the Arabic window");
  ui_open_first_case (arabic);
  shoot_sections (f, arabic, "rtl");
  gtk_window_destroy (GTK_WINDOW (arabic));
  drain ();
  g_object_unref (arabic);
  gtk_widget_set_default_direction (GTK_TEXT_DIR_LTR);
  g_setenv ("LANGUAGE", "", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
}


/* The demonstration centre: its first case, as a trainer opening it sees it. */
static void
test_demo_centre (UiFixture     *f,
                  gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  PaCaseView *pane;
  PaCompetencesPage *page;
  PaEvidencePage *evidence_page;
  g_autoptr (GPtrArray) claims = NULL;

  g_assert_true (pa_demo_fill (f->store, &error));
  g_assert_no_error (error);
  ui_fixture_show_window (f);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 860);
  pane = case_pane (f);
  pa_case_view_show_section (pane, "competences");
  page = PA_COMPETENCES_PAGE (pa_case_view_get_page (pane, "competences"));
  wait_until (suggestions_ready, page, "the suggestions");
  claims = pa_store_claim_list (f->store, pa_case_page_get_case_id (PA_CASE_PAGE (page)), &error);
  g_assert_no_error (error);
  /* Every claim of the case has its row. */
  for (guint i = 0; i < claims->len; i++)
    g_assert_nonnull (pa_competences_page_get_claim_row (page, ((PaClaim *) g_ptr_array_index (claims, i))->item_uri));
  save_screenshot (f->window, "section-competences-demo");
  pa_case_view_show_section (pane, "evidence");
  evidence_page = PA_EVIDENCE_PAGE (pa_case_view_get_page (pane, "evidence"));
  wait_until (evidence_ready, evidence_page, "the thumbnails");
  save_screenshot (f->window, "section-evidence-demo");
}

static gint64
add_evidence (PaStore    *store,
              gint64      case_id,
              const char *title)
{
  g_autoptr (PaEvidence) evidence = pa_evidence_new ();
  g_autoptr (GError) error = NULL;

  evidence->case_id = case_id;
  evidence->title = g_strdup (title);
  evidence->filename = g_strdup ("letter.pdf");
  g_free (evidence->mime_type);
  evidence->mime_type = g_strdup ("application/pdf");
  evidence->content = g_bytes_new (title, strlen (title));
  evidence->authentic = TRUE;
  g_assert_true (pa_store_evidence_add (store, evidence, &error));
  g_assert_no_error (error);
  return evidence->id;
}

/* Evidence removed from its section, then Undo: the same evidence, under
 * its number, still listed by the competence it documents. */
static void
test_evidence_undo (UiFixture     *f,
                    gconstpointer  data)
{
  const char *uri = "http://data.europa.eu/esco/skill/cook";
  gint64 amal = add_case (f->store, "Amal", "Haddad", "SY");
  gint64 letter = add_evidence (f->store, amal, "Letter from the restaurant");
  gint64 photo = add_evidence (f->store, amal, "Photo of a buffet");
  g_autoptr (PaClaim) claim = pa_claim_new ();
  g_autoptr (PaClaim) back = NULL;
  g_autoptr (PaEvidence) evidence = NULL;
  g_autoptr (GError) error = NULL;
  PaCompetencesPage *page;
  GtkWidget *evidence_page, *row;

  claim->case_id = amal;
  claim->framework = g_strdup ("esco");
  claim->item_uri = g_strdup (uri);
  claim->label = g_strdup ("cook for groups");
  pa_claim_add_evidence (claim, letter);
  pa_claim_add_evidence (claim, photo);
  g_assert_true (pa_store_claim_add (f->store, claim, "interview", NULL, &error));
  g_assert_true (pa_store_claim_advance (f->store, claim->id, PA_STAGE_DOCUMENTED, "document_review",
                                         NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  ui_fixture_show_window (f);
  pa_case_view_show_section (case_pane (f), "evidence");
  drain ();
  evidence_page = pa_case_view_get_page (case_pane (f), "evidence");
  click (named (evidence_page, "remove_button"));
  drain ();
  g_assert_null (pa_store_evidence_get (f->store, letter, NULL));
  back = pa_store_claim_get (f->store, claim->id, &error);
  g_assert_cmpuint (back->evidence_ids->len, ==, 1);
  g_clear_pointer (&back, pa_claim_free);
  g_assert_null (find_widget (evidence_page, GTK_TYPE_LABEL, "Letter from the restaurant"));

  click (find_widget (ui_window_child (f->window, "toast_overlay"), GTK_TYPE_BUTTON, "Undo"));
  drain ();
  evidence = pa_store_evidence_get (f->store, letter, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (evidence->title, ==, "Letter from the restaurant");
  g_assert_true (evidence->authentic);
  back = pa_store_claim_get (f->store, claim->id, &error);
  g_assert_cmpuint (back->evidence_ids->len, ==, 2);
  g_assert_cmpint (g_array_index (back->evidence_ids, gint64, 0), ==, letter);
  g_assert_nonnull (find_widget (named (evidence_page, "supports_row"), GTK_TYPE_LABEL, "cook for groups"));

  /* The competence lists both pieces again. */
  pa_case_view_show_section (case_pane (f), "competences");
  drain ();
  page = PA_COMPETENCES_PAGE (pa_case_view_get_page (case_pane (f), "competences"));
  row = pa_competences_page_get_claim_row (page, uri);
  g_assert_nonnull (row);
  g_assert_nonnull (find_widget (row, GTK_TYPE_LABEL, "Letter from the restaurant"));
  g_assert_nonnull (find_widget (row, GTK_TYPE_LABEL, "Photo of a buffet"));
  save_screenshot (f->window, "competences-evidence-undone");
}

/* The Document dialog: unticking evidence that was linked unlinks it; with
 * nothing ticked it says so in the dialog and stores nothing. */
static void
test_document_untick (UiFixture     *f,
                      gconstpointer  data)
{
  const char *uri = "http://data.europa.eu/esco/skill/sew";
  gint64 amal = add_case (f->store, "Amal", "Haddad", "SY");
  gint64 letter = add_evidence (f->store, amal, "Letter from the workshop");
  gint64 photo = add_evidence (f->store, amal, "Photo of a dress");
  g_autoptr (PaClaim) claim = pa_claim_new ();
  g_autoptr (PaClaim) back = NULL;
  g_autoptr (GError) error = NULL;
  PaCompetencesPage *page;
  GtkWindow *window;
  GtkWidget *list, *first, *second, *label;

  claim->case_id = amal;
  claim->framework = g_strdup ("esco");
  claim->item_uri = g_strdup (uri);
  claim->label = g_strdup ("sew garments");
  pa_claim_add_evidence (claim, letter);
  pa_claim_add_evidence (claim, photo);
  g_assert_true (pa_store_claim_add (f->store, claim, "interview", NULL, &error));
  g_assert_no_error (error);

  ui_fixture_show_window (f);
  pa_case_view_show_section (case_pane (f), "competences");
  drain ();
  page = PA_COMPETENCES_PAGE (pa_case_view_get_page (case_pane (f), "competences"));
  window = advance_dialog (page, uri);
  list = named (GTK_WIDGET (window), "evidence_list");
  first = find_widget (gtk_widget_get_first_child (list), GTK_TYPE_CHECK_BUTTON, NULL);
  second = find_widget (gtk_widget_get_next_sibling (gtk_widget_get_first_child (list)),
                        GTK_TYPE_CHECK_BUTTON, NULL);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (first)));
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (second)));
  label = named (GTK_WIDGET (window), "error_label");

  /* Nothing ticked: said at once, and again on confirming; nothing stored. */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (first), FALSE);
  g_assert_false (gtk_widget_get_visible (label));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (second), FALSE);
  g_assert_true (gtk_widget_get_visible (label));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (label)), "at least one piece of evidence"));
  click (named (GTK_WIDGET (window), "confirm_button"));
  drain ();
  g_assert_true (gtk_widget_get_visible (label));
  save_screenshot (window, "competences-document-untick");
  back = pa_store_claim_get (f->store, claim->id, &error);
  g_assert_cmpint (back->stage, ==, PA_STAGE_IDENTIFIED);
  g_assert_cmpuint (back->evidence_ids->len, ==, 2);
  g_clear_pointer (&back, pa_claim_free);

  /* The photo alone: the letter is unlinked, the claim documented. */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (second), TRUE);
  g_assert_false (gtk_widget_get_visible (label));
  click (named (GTK_WIDGET (window), "confirm_button"));
  drain ();
  back = pa_store_claim_get (f->store, claim->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (back->stage, ==, PA_STAGE_DOCUMENTED);
  g_assert_cmpuint (back->evidence_ids->len, ==, 1);
  g_assert_cmpint (g_array_index (back->evidence_ids, gint64, 0), ==, photo);
  {
    g_autoptr (PaEvidence) kept = pa_store_evidence_get (f->store, letter, &error);
    g_assert_no_error (error);
    g_assert_nonnull (kept);
  }
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add ("/competences/document-untick", UiFixture, NULL,
              ui_fixture_setup, test_document_untick, ui_fixture_teardown);
  g_test_add ("/evidence/remove-undo", UiFixture, NULL,
              ui_fixture_setup, test_evidence_undo, ui_fixture_teardown);
  g_test_add ("/competences/picker-keyboard", UiFixture, NULL,
              ui_fixture_setup, test_picker_keyboard, ui_fixture_teardown);
  g_test_add ("/competences/picker-kinds", UiFixture, NULL,
              ui_fixture_setup, test_picker_occupations, ui_fixture_teardown);

  g_test_add ("/competences/intake-workflow", UiFixture, NULL,
              ui_fixture_setup, test_intake_workflow, ui_fixture_teardown);
  g_test_add ("/competences/demo-centre", UiFixture, NULL,
              ui_fixture_setup, test_demo_centre, ui_fixture_teardown);
  /* Last: it switches the process to Arabic. */
  g_test_add ("/competences/screenshots", UiFixture, NULL,
              ui_fixture_setup, test_screenshots, ui_fixture_teardown);

  return ui_test_run ();
}
