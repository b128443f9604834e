/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pa-case-page.h"
#include "pa-case-summary.h"
#include "pa-case-view.h"
#include "pa-edit-rows.h"
#include "pa-education-page.h"
#include "pa-framework-xml.h"
#include "pa-languages-page.h"
#include "pa-profile-page.h"
#include "pa-self-assessment.h"
#include "pa-sessions-page.h"
#include "pa-store-cases.h"
#include "pa-store-records.h"
#include "pa-ui-test-utils.h"

/* The Profile, Languages, Education and Sessions sections of a case and the
 * self-assessment with the participant, driven as a trainer would: choosing,
 * typing and pressing Enter, clicking, undoing; what is stored is read back
 * from the store. PA_SCREENSHOT_VARIANT=dark or rtl names and styles the
 * screenshots for a look in those modes. */

static const char *
variant_suffix (void)
{
  const char *variant = g_getenv ("PA_SCREENSHOT_VARIANT");

  if (g_strcmp0 (variant, "dark") == 0)
    return "-dark";
  if (g_strcmp0 (variant, "rtl") == 0)
    return "-rtl";
  return "";
}

static void
screenshot (gpointer    window,
            const char *name)
{
  g_autofree char *full = g_strconcat (name, variant_suffix (), NULL);

  /* Styles of states just changed (a rating chosen) follow on the next
   * frames: let a few pass. */
  for (guint i = 0; i < 10; i++)
    {
      drain ();
      g_usleep (20 * G_TIME_SPAN_MILLISECOND);
    }
  save_screenshot (window, full);
}

static PaCaseView *
case_pane (UiFixture *f)
{
  return PA_CASE_VIEW (ui_window_child (f->window, "case_pane"));
}

static GtkWidget *
show_section (UiFixture  *f,
              const char *name)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (case_pane (f)), "case.show-section",
                                             "s", name));
  drain ();
  return pa_case_view_get_page (case_pane (f), name);
}

/* The visible row of @type titled @title under @root. */
static GtkWidget *
row_titled (GtkWidget  *root,
            GType       type,
            const char *title)
{
  if (!gtk_widget_get_visible (root))
    return NULL;
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title) == 0)
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = row_titled (c, type, title);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
button_with_tooltip (GtkWidget  *root,
                     const char *tooltip)
{
  if (!gtk_widget_get_visible (root))
    return NULL;
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_widget_get_tooltip_text (root), tooltip) == 0)
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = button_with_tooltip (c, tooltip);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Chooses @code in a row of pa-edit-rows as a click in its list would. */
static void
choose (GtkWidget  *row,
        const char *code)
{
  char **codes = g_object_get_data (G_OBJECT (row), "pa-edit-codes");
  GObject *selector = g_object_get_data (G_OBJECT (row), "pa-edit-selector");

  g_assert_nonnull (row);
  for (guint i = 0; codes[i] != NULL; i++)
    if (g_str_equal (codes[i], code))
      {
        g_object_set (selector, "selected", i, NULL);
        return;
      }
  g_assert_not_reached ();
}

/* Types @text into an entry row and presses Enter. */
static void
type_and_apply (GtkWidget  *row,
                const char *text)
{
  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_signal_emit_by_name (row, "apply");
}

/* Clicks the Undo button of the toast shown. */
static void
undo (UiFixture *f)
{
  GtkWidget *button = NULL;

  for (guint i = 0; button == NULL && i < 100; i++)
    {
      drain ();
      button = find_widget (GTK_WIDGET (f->window), GTK_TYPE_BUTTON, "Undo");
    }
  click (button);
}

static PaCase *
stored_case (UiFixture *f,
             gint64     id)
{
  g_autoptr (GError) error = NULL;
  PaCase *kase = pa_store_case_get (f->store, id, &error);

  g_assert_no_error (error);
  return kase;
}

static void
test_identity_edited_in_place (UiFixture     *f,
                               gconstpointer  data)
{
  gint64 id = add_case (f->store, "Amal", "Haddad", "SY");
  g_autoptr (PaCase) kase = NULL;
  GtkWidget *profile;
  GtkWidget *summary;
  GtkWidget *birth;
  GtkWidget *error_label;

  ui_fixture_show_window (f);
  profile = show_section (f, "profile");
  summary = ui_template_child (profile, PA_TYPE_PROFILE_PAGE, "summary");

  choose (row_titled (summary, ADW_TYPE_ACTION_ROW, "Country of _origin"), "TN");
  birth = row_titled (summary, ADW_TYPE_ENTRY_ROW, "Year of _birth");
  type_and_apply (birth, "1990");
  choose (row_titled (summary, ADW_TYPE_COMBO_ROW, "G_ender"), "female");
  type_and_apply (row_titled (summary, ADW_TYPE_ENTRY_ROW, "_Arrival date (YYYY-MM-DD)"),
                  "2023-09-14");
  kase = stored_case (f, id);
  g_assert_cmpstr (pa_case_get_origin_country (kase), ==, "TN");
  g_assert_cmpint (pa_case_get_birth_year (kase), ==, 1990);
  g_assert_cmpstr (pa_case_get_gender (kase), ==, "female");
  g_assert_cmpstr (pa_case_get_arrival_date (kase), ==, "2023-09-14");
  g_assert_false (gtk_widget_has_css_class (birth, "error"));
  g_clear_object (&kase);

  /* A year the store refuses stays in its row, marked, with the reason
   * under the group; nothing is stored. */
  type_and_apply (birth, "1800");
  g_assert_true (gtk_widget_has_css_class (birth, "error"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (birth)), ==, "1800");
  error_label = find_widget (summary, GTK_TYPE_LABEL, "1800");
  g_assert_nonnull (error_label);
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_parent (error_label)));
  kase = stored_case (f, id);
  g_assert_cmpint (pa_case_get_birth_year (kase), ==, 1990);
  g_clear_object (&kase);

  /* Not a number at all: said so, nothing stored. */
  type_and_apply (birth, "nineteen");
  g_assert_nonnull (find_widget (summary, GTK_TYPE_LABEL, "“nineteen” is not a year"));
  kase = stored_case (f, id);
  g_assert_cmpint (pa_case_get_birth_year (kase), ==, 1990);
  g_clear_object (&kase);

  /* Corrected, the mark goes. */
  type_and_apply (birth, "1991");
  g_assert_false (gtk_widget_has_css_class (birth, "error"));
  kase = stored_case (f, id);
  g_assert_cmpint (pa_case_get_birth_year (kase), ==, 1991);
  screenshot (f->window, "section-profile");
}

static void
test_consent (UiFixture     *f,
              gconstpointer  data)
{
  gint64 id = add_case (f->store, "Amal", "Haddad", "SY");
  g_autoptr (GPtrArray) consents = NULL;
  GtkWidget *summary;
  GtkWidget *dialog;
  GtkWidget *date_row;

  ui_fixture_show_window (f);
  summary = ui_template_child (show_section (f, "profile"), PA_TYPE_PROFILE_PAGE, "summary");
  g_assert_nonnull (find_widget (summary, GTK_TYPE_LABEL, "No consent recorded yet"));

  /* A date that is not one is refused, where the consents are. */
  click (ui_template_child (summary, PA_TYPE_CASE_SUMMARY, "consent_button"));
  dialog = wait_for_dialog ();
  choose (g_object_get_data (G_OBJECT (dialog), "scope-row"), "photo");
  date_row = g_object_get_data (G_OBJECT (dialog), "date-row");
  gtk_editable_set_text (GTK_EDITABLE (date_row), "2025-02-30");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "record");
  drain ();
  g_assert_nonnull (find_widget (summary, GTK_TYPE_LABEL, "2025-02-30"));
  consents = pa_store_consent_list (f->store, id, NULL);
  g_assert_cmpuint (consents->len, ==, 0);
  g_clear_pointer (&consents, g_ptr_array_unref);

  click (ui_template_child (summary, PA_TYPE_CASE_SUMMARY, "consent_button"));
  dialog = wait_for_dialog ();
  choose (g_object_get_data (G_OBJECT (dialog), "scope-row"), "photo");
  date_row = g_object_get_data (G_OBJECT (dialog), "date-row");
  gtk_editable_set_text (GTK_EDITABLE (date_row), "2025-03-12");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "record");
  drain ();
  consents = pa_store_consent_list (f->store, id, NULL);
  g_assert_cmpuint (consents->len, ==, 1);
  g_assert_cmpstr (((PaConsent *) consents->pdata[0])->scope, ==, "photo");
  g_assert_cmpstr (((PaConsent *) consents->pdata[0])->given_on, ==, "2025-03-12");
  g_assert_null (((PaConsent *) consents->pdata[0])->withdrawn_on);
  g_clear_pointer (&consents, g_ptr_array_unref);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (find_widget (summary, GTK_TYPE_LABEL,
                                                               "Given on 12 March 2025"))), ==,
                   "Given on 12 March 2025");
  {
    GtkWidget *scrolled = find_widget (summary, GTK_TYPE_SCROLLED_WINDOW, NULL);
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));

    drain ();
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
    screenshot (f->window, "section-profile-consent");
  }

  /* Withdrawn, then undone. */
  click (find_widget (summary, GTK_TYPE_BUTTON, "Withdraw"));
  consents = pa_store_consent_list (f->store, id, NULL);
  g_assert_nonnull (((PaConsent *) consents->pdata[0])->withdrawn_on);
  g_clear_pointer (&consents, g_ptr_array_unref);
  undo (f);
  consents = pa_store_consent_list (f->store, id, NULL);
  g_assert_null (((PaConsent *) consents->pdata[0])->withdrawn_on);
}

static void
add_language (UiFixture  *f,
              GtkWidget  *page,
              const char *code,
              gboolean    mother)
{
  GtkWidget *dialog;

  click (ui_template_child (page, PA_TYPE_LANGUAGES_PAGE, "add_button"));
  dialog = wait_for_dialog ();
  choose (g_object_get_data (G_OBJECT (dialog), "language-row"), code);
  gtk_check_button_set_active (g_object_get_data (G_OBJECT (dialog), "mother-check"), mother);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "add");
  drain ();
}

static void
test_languages (UiFixture     *f,
                gconstpointer  data)
{
  gint64 id = add_case (f->store, "Amal", "Haddad", "SY");
  g_autoptr (PaFrameworkDoc) cefr = pa_framework_doc_load_builtin ("cefr", NULL);
  const char *b1 = pa_framework_text_lookup (
    pa_framework_item_get_descriptor (pa_framework_doc_lookup_item (cefr, "reading"), "B1"), "en");
  g_autoptr (GPtrArray) languages = NULL;
  GtkWidget *page;
  GtkWidget *reading;
  GtkWidget *profile;

  ui_fixture_show_window (f);
  page = show_section (f, "languages");
  g_assert_nonnull (find_widget (page, GTK_TYPE_LABEL, "No language recorded yet"));
  add_language (f, page, "ar", TRUE);
  add_language (f, page, "fr", FALSE);
  languages = pa_store_language_list (f->store, id, NULL);
  g_assert_cmpuint (languages->len, ==, 2);
  g_clear_pointer (&languages, g_ptr_array_unref);

  /* Arabic's grid: Reading at B1, and what B1 means for reading shown. */
  g_assert_nonnull (b1);
  g_assert_null (find_widget (page, GTK_TYPE_LABEL, b1));
  reading = row_titled (page, ADW_TYPE_COMBO_ROW, "Reading");
  choose (reading, "B1");
  languages = pa_store_language_list (f->store, id, NULL);
  for (guint i = 0; i < languages->len; i++)
    {
      PaCaseLanguage *language = languages->pdata[i];
      g_assert_cmpstr (language->reading, ==,
                       g_str_equal (language->language, "ar") ? "B1" : NULL);
    }
  g_clear_pointer (&languages, g_ptr_array_unref);
  g_assert_nonnull (find_widget (page, GTK_TYPE_LABEL, b1));
  screenshot (f->window, "section-languages");

  /* Removed, then undone: back with its levels. */
  click (button_with_tooltip (page, "Remove Arabic"));
  languages = pa_store_language_list (f->store, id, NULL);
  g_assert_cmpuint (languages->len, ==, 1);
  g_clear_pointer (&languages, g_ptr_array_unref);
  g_assert_null (find_widget (page, GTK_TYPE_LABEL, b1));
  undo (f);
  languages = pa_store_language_list (f->store, id, NULL);
  g_assert_cmpuint (languages->len, ==, 2);
  for (guint i = 0; i < languages->len; i++)
    if (g_str_equal (((PaCaseLanguage *) languages->pdata[i])->language, "ar"))
      {
        g_assert_cmpstr (((PaCaseLanguage *) languages->pdata[i])->reading, ==, "B1");
        g_assert_true (((PaCaseLanguage *) languages->pdata[i])->mother_tongue);
      }
  g_assert_nonnull (find_widget (page, GTK_TYPE_LABEL, b1));

  /* The profile names them. */
  profile = show_section (f, "profile");
  g_assert_nonnull (find_widget (profile, GTK_TYPE_LABEL, "Arabic (mother tongue)"));
}

static void
test_education (UiFixture     *f,
                gconstpointer  data)
{
  gint64 id = add_case (f->store, "Amal", "Haddad", "SY");
  g_autoptr (GPtrArray) list = NULL;
  PaEducation *education;
  GtkWidget *page;
  GtkWidget *year;

  ui_fixture_show_window (f);
  page = show_section (f, "education");
  click (ui_template_child (page, PA_TYPE_EDUCATION_PAGE, "add_button"));
  drain ();
  list = pa_store_education_list (f->store, id, NULL);
  g_assert_cmpuint (list->len, ==, 1);
  g_clear_pointer (&list, g_ptr_array_unref);

  type_and_apply (row_titled (page, ADW_TYPE_ENTRY_ROW, "_Title as written on the diploma"),
                  "Baccalauréat");
  type_and_apply (row_titled (page, ADW_TYPE_ENTRY_ROW, "_Institution"), "Lycée de Homs");
  choose (row_titled (page, ADW_TYPE_COMBO_ROW, "ISCED _level"), "3");
  choose (row_titled (page, ADW_TYPE_ACTION_ROW, "C_ountry"), "SY");
  choose (row_titled (page, ADW_TYPE_COMBO_ROW, "_Documents held"), "copy");
  year = row_titled (page, ADW_TYPE_ENTRY_ROW, "_Year completed");
  type_and_apply (year, "2012");
  type_and_apply (year, "1812");
  g_assert_true (gtk_widget_has_css_class (year, "error"));
  list = pa_store_education_list (f->store, id, NULL);
  education = list->pdata[0];
  g_assert_cmpstr (education->original_title, ==, "Baccalauréat");
  g_assert_cmpstr (education->institution, ==, "Lycée de Homs");
  g_assert_cmpint (education->isced_level, ==, 3);
  g_assert_cmpstr (education->country, ==, "SY");
  g_assert_cmpstr (education->documents_held, ==, "copy");
  g_assert_cmpint (education->year_completed, ==, 2012);
  g_clear_pointer (&list, g_ptr_array_unref);
  type_and_apply (year, "2012");
  g_assert_nonnull (find_widget (page, GTK_TYPE_LABEL, "Baccalauréat"));
  screenshot (f->window, "section-education");

  click (button_with_tooltip (page, "Remove this record"));
  list = pa_store_education_list (f->store, id, NULL);
  g_assert_cmpuint (list->len, ==, 0);
  g_clear_pointer (&list, g_ptr_array_unref);
  g_assert_null (find_widget (page, GTK_TYPE_LABEL, "Baccalauréat"));
  undo (f);
  list = pa_store_education_list (f->store, id, NULL);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (((PaEducation *) list->pdata[0])->original_title, ==, "Baccalauréat");
  g_assert_nonnull (find_widget (page, GTK_TYPE_LABEL, "Baccalauréat"));
}

static void
test_sessions (UiFixture     *f,
               gconstpointer  data)
{
  gint64 id = add_case (f->store, "Amal", "Haddad", "SY");
  g_autoptr (PaCaseSession) older = pa_case_session_new ();
  g_autoptr (PaSeminar) seminar = pa_seminar_new ();
  g_autoptr (PaSeminarSession) workshop = pa_seminar_session_new ();
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (GError) error = NULL;
  GtkWidget *page;
  GtkWidget *notes;

  older->case_id = id;
  older->held_on = g_strdup ("2025-01-10");
  older->notes = g_strdup ("First interview");
  g_assert_true (pa_store_session_add (f->store, older, &error));
  seminar->title = g_strdup ("Job search workshop");
  g_assert_true (pa_store_seminar_add (f->store, seminar, &error));
  workshop->seminar_id = seminar->id;
  workshop->held_on = g_strdup ("2025-02-03");
  workshop->topic = g_strdup ("Writing a CV");
  g_assert_true (pa_store_seminar_session_add (f->store, workshop, &error));
  g_assert_true (pa_store_seminar_add_participant (f->store, seminar->id, id, &error));
  g_assert_true (pa_store_attendance_set (f->store, workshop->id, id, TRUE, &error));
  g_assert_no_error (error);

  ui_fixture_show_window (f);
  page = show_section (f, "sessions");
  g_assert_nonnull (find_widget (page, GTK_TYPE_LABEL, "First interview"));
  g_assert_nonnull (find_widget (page, GTK_TYPE_LABEL, "Job search workshop"));
  g_assert_nonnull (find_widget (page, GTK_TYPE_LABEL, "Writing a CV"));

  /* A new session is today's, first, open on its notes. */
  click (ui_template_child (page, PA_TYPE_SESSIONS_PAGE, "add_button"));
  drain ();
  list = pa_store_session_list (f->store, id, NULL);
  g_assert_cmpuint (list->len, ==, 2);
  g_clear_pointer (&list, g_ptr_array_unref);
  notes = find_widget (page, GTK_TYPE_TEXT_VIEW, NULL);
  g_assert_nonnull (notes);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (notes)),
                            "Talked about her work as a seamstress.\nBring diploma next time.", -1);
  g_assert_true (pa_case_page_save (PA_CASE_PAGE (page)));
  list = pa_store_session_list (f->store, id, NULL);
  for (guint i = 0; i < list->len; i++)
    if (((PaCaseSession *) list->pdata[i])->id != older->id)
      g_assert_cmpstr (((PaCaseSession *) list->pdata[i])->notes, ==,
                       "Talked about her work as a seamstress.\nBring diploma next time.");
  g_clear_pointer (&list, g_ptr_array_unref);
  g_assert_nonnull (find_widget (page, GTK_TYPE_LABEL, "Talked about her work as a seamstress."));

  /* A date that is not one is refused in its row. */
  type_and_apply (row_titled (page, ADW_TYPE_ENTRY_ROW, "_Date (YYYY-MM-DD)"), "yesterday");
  g_assert_nonnull (find_widget (page, GTK_TYPE_LABEL, "yesterday"));
  screenshot (f->window, "section-sessions");

  click (button_with_tooltip (page, "Remove this session"));
  list = pa_store_session_list (f->store, id, NULL);
  g_assert_cmpuint (list->len, ==, 1);
  g_clear_pointer (&list, g_ptr_array_unref);
  undo (f);
  list = pa_store_session_list (f->store, id, NULL);
  g_assert_cmpuint (list->len, ==, 2);
}

static gboolean
escape_closes (GtkWidget *window)
{
  GListModel *controllers = gtk_widget_observe_controllers (window);
  gboolean found = FALSE;

  for (guint i = 0; !found && i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr (GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint s = 0; !found && s < g_list_model_get_n_items (G_LIST_MODEL (controller)); s++)
        {
          g_autoptr (GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), s);
          g_autofree char *trigger =
            gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));

          if (g_str_equal (trigger, "Escape"))
            found = gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, window,
                                                  gtk_shortcut_get_arguments (shortcut));
        }
    }
  g_object_unref (controllers);
  return found;
}

static gboolean
no_self_assessment (gpointer data)
{
  return find_toplevel (PA_TYPE_SELF_ASSESSMENT) == NULL;
}

static void
test_self_assessment (UiFixture     *f,
                      gconstpointer  data)
{
  gint64 id = add_case (f->store, "Amal", "Haddad", "SY");
  g_autoptr (PaCaseLanguage) arabic = pa_case_language_new ();
  g_autoptr (GPtrArray) claims = NULL;
  g_autoptr (GError) error = NULL;
  PaSelfAssessment *sa;

  arabic->case_id = id;
  arabic->language = g_strdup ("ar");
  arabic->mother_tongue = TRUE;
  g_assert_true (pa_store_language_add (f->store, arabic, &error));
  g_assert_no_error (error);

  ui_fixture_show_window (f);
  show_section (f, "profile");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (case_pane (f)), "case.self-assessment",
                                             NULL));
  drain ();
  sa = PA_SELF_ASSESSMENT (find_toplevel (PA_TYPE_SELF_ASSESSMENT));
  g_assert_nonnull (sa);
  wait_until (is_mapped, sa, "the self-assessment to be shown");
  /* The participant's mother tongue, when the cards speak it. */
  g_assert_cmpstr (pa_self_assessment_get_language (sa), ==, "ar");
  g_assert_cmpuint (pa_self_assessment_get_n_cards (sa), >, 40);
  g_assert_nonnull (find_widget (GTK_WIDGET (sa), GTK_TYPE_LABEL, "المرونة"));

  click (pa_self_assessment_get_rating_button (sa, 0, 2));
  click (pa_self_assessment_get_rating_button (sa, 1, 4));
  click (pa_self_assessment_get_rating_button (sa, 2, 3));
  claims = pa_store_claim_list (f->store, id, NULL);
  g_assert_cmpuint (claims->len, ==, 3);
  for (guint i = 0; i < claims->len; i++)
    {
      PaClaim *claim = claims->pdata[i];
      g_autoptr (GPtrArray) history = pa_store_claim_history (f->store, claim->id, NULL);

      g_assert_cmpint (claim->stage, ==, 1);
      g_assert_cmpstr (((PaClaimStage *) history->pdata[0])->method, ==, "self_assessment");
      if (g_str_equal (claim->item_uri, pa_self_assessment_get_card_uri (sa, 0)))
        g_assert_cmpstr (claim->level, ==, "2/4");
    }
  g_clear_pointer (&claims, g_ptr_array_unref);
  screenshot (sa, "self-assessment");

  /* Rated again: the same claim changes. */
  click (pa_self_assessment_get_rating_button (sa, 0, 4));
  claims = pa_store_claim_list (f->store, id, NULL);
  g_assert_cmpuint (claims->len, ==, 3);
  for (guint i = 0; i < claims->len; i++)
    if (g_str_equal (((PaClaim *) claims->pdata[i])->item_uri,
                     pa_self_assessment_get_card_uri (sa, 0)))
      g_assert_cmpstr (((PaClaim *) claims->pdata[i])->level, ==, "4/4");
  g_clear_pointer (&claims, g_ptr_array_unref);

  /* Another language for the upper labels; the trainer's stay below. */
  pa_self_assessment_set_language (sa, "fr");
  g_assert_nonnull (find_widget (GTK_WIDGET (sa), GTK_TYPE_LABEL, "Résilience"));
  g_assert_nonnull (find_widget (GTK_WIDGET (sa), GTK_TYPE_LABEL, "Resilience"));

  /* Esc leaves; opened again, the ratings are there. */
  g_assert_true (escape_closes (GTK_WIDGET (sa)));
  wait_until (no_self_assessment, NULL, "the self-assessment to close");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (case_pane (f)), "case.self-assessment",
                                             NULL));
  drain ();
  sa = PA_SELF_ASSESSMENT (find_toplevel (PA_TYPE_SELF_ASSESSMENT));
  g_assert_true (gtk_toggle_button_get_active (
    GTK_TOGGLE_BUTTON (pa_self_assessment_get_rating_button (sa, 0, 4))));
  g_assert_true (gtk_toggle_button_get_active (
    GTK_TOGGLE_BUTTON (pa_self_assessment_get_rating_button (sa, 2, 3))));
  gtk_window_close (GTK_WINDOW (sa));
  wait_until (no_self_assessment, NULL, "the self-assessment to close");
}

/* Tigrinya has no cards yet: the trainer is told, and chooses. */
static void
test_self_assessment_asks_language (UiFixture     *f,
                                    gconstpointer  data)
{
  gint64 id = add_case (f->store, "Hiwet", "Tesfaye", "ER");
  g_autoptr (PaCaseLanguage) tigrinya = pa_case_language_new ();
  g_autoptr (GError) error = NULL;
  PaSelfAssessment *sa;

  tigrinya->case_id = id;
  tigrinya->language = g_strdup ("ti");
  tigrinya->mother_tongue = TRUE;
  g_assert_true (pa_store_language_add (f->store, tigrinya, &error));
  g_assert_no_error (error);

  ui_fixture_show_window (f);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (case_pane (f)), "case.self-assessment",
                                             NULL));
  drain ();
  sa = PA_SELF_ASSESSMENT (find_toplevel (PA_TYPE_SELF_ASSESSMENT));
  g_assert_nonnull (sa);
  g_assert_cmpstr (pa_self_assessment_get_language (sa), ==, "en");
  g_assert_nonnull (find_widget (GTK_WIDGET (sa), GTK_TYPE_LABEL,
                                 "The cards are not written in Tigrinya yet"));
  gtk_window_close (GTK_WINDOW (sa));
  wait_until (no_self_assessment, NULL, "the self-assessment to close");
}

int
main (int   argc,
      char *argv[])
{
  const char *variant = g_getenv ("PA_SCREENSHOT_VARIANT");

  ui_test_init (&argc, &argv);
  if (g_strcmp0 (variant, "dark") == 0)
    adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                        ADW_COLOR_SCHEME_FORCE_DARK);
  else if (g_strcmp0 (variant, "rtl") == 0)
    gtk_widget_set_default_direction (GTK_TEXT_DIR_RTL);

  g_test_add ("/profile/identity-edited-in-place", UiFixture, NULL,
              ui_fixture_setup, test_identity_edited_in_place, ui_fixture_teardown);
  g_test_add ("/profile/consent", UiFixture, NULL,
              ui_fixture_setup, test_consent, ui_fixture_teardown);
  g_test_add ("/profile/languages", UiFixture, NULL,
              ui_fixture_setup, test_languages, ui_fixture_teardown);
  g_test_add ("/profile/education", UiFixture, NULL,
              ui_fixture_setup, test_education, ui_fixture_teardown);
  g_test_add ("/profile/sessions", UiFixture, NULL,
              ui_fixture_setup, test_sessions, ui_fixture_teardown);
  g_test_add ("/profile/self-assessment", UiFixture, NULL,
              ui_fixture_setup, test_self_assessment, ui_fixture_teardown);
  g_test_add ("/profile/self-assessment-asks-language", UiFixture, NULL,
              ui_fixture_setup, test_self_assessment_asks_language, ui_fixture_teardown);
  return ui_test_run ();
}
