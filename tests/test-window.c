/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "pa-application.h"
#include "pa-backup.h"
#include "pa-case-row.h"
#include "pa-certificates.h"
#include "pa-case-summary.h"
#include "pa-case-view.h"
#include "pa-demo.h"
#include "pa-frameworks.h"
#include "pa-help.h"
#include "pa-profile-page.h"
#include "pa-report-i18n.h"
#include "pa-preferences-window.h"
#include "pa-store-cases.h"
#include "pa-test-utils.h"
#include "pa-ui-test-utils.h"
#include "pa-ui-utils.h"
#include "pa-window.h"

/* The real window, on a temporary store, driven through its actions and
 * widgets the way a trainer would: buttons are activated, text is typed
 * into the entries, and what the trainer would see is checked. */

#define app (ui_test_app ())

typedef UiFixture Fixture;

/* Waiting */





/* Widgets */



/* The case summary inside the Profile section of the case pane. */
static GtkWidget *
summary_of (PaWindow *window)
{
  GtkWidget *profile = pa_case_view_get_page (PA_CASE_VIEW (ui_window_child (window, "case_pane")), "profile");

  return ui_template_child (profile, PA_TYPE_PROFILE_PAGE, "summary");
}

/* Fixtures */






/* Tests */

static void
test_welcome_creates_first_case (Fixture       *f,
                                 gconstpointer  data)
{
  GtkWidget *button;
  GtkWidget *focus;
  PaCase *kase;

  ui_fixture_show_window (f);
  g_assert_cmpstr (ui_page (f->window, "main_stack"), ==, "welcome");
  /* No trash to offer while nothing was ever trashed. */
  g_assert_false (gtk_widget_get_visible (ui_window_child (f->window, "welcome_trash_button")));

  button = ui_window_child (f->window, "create_first_button");
  g_assert_true (gtk_widget_is_sensitive (button));
  /* Enter alone creates the first case. */
  g_assert_true (gtk_root_get_focus (GTK_ROOT (f->window)) == button);
  g_assert_true (gtk_widget_has_css_class (button, "suggested-action"));
  click (button);

  g_assert_cmpuint (pa_store_case_count (f->store, PA_CASE_FILTER_ACTIVE), ==, 1);
  g_assert_cmpstr (ui_page (f->window, "main_stack"), ==, "cases");
  g_assert_cmpuint (ui_n_listed (f->window), ==, 1);
  kase = ui_selected (f->window);
  g_assert_nonnull (kase);
  g_assert_true (pa_case_summary_get_case (PA_CASE_SUMMARY (summary_of (f->window))) == kase);
  g_assert_cmpstr (ui_page (f->window, "content_stack"), ==, "case");

  /* The name is what the trainer types next. */
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  g_assert_nonnull (focus);
  g_assert_nonnull (gtk_widget_get_ancestor (focus, ADW_TYPE_ENTRY_ROW));
  g_assert_nonnull (find_widget (gtk_widget_get_ancestor (focus, ADW_TYPE_ENTRY_ROW),
                                 GTK_TYPE_LABEL, "Given name"));
}

static void
test_rename_in_place (Fixture       *f,
                      gconstpointer  data)
{
  gint64 id = add_case (f->store, "Amal", "Haddad", "SY");
  g_autoptr (PaCase) stored = NULL;
  GtkWidget *summary;
  GtkWidget *given;

  ui_fixture_show_window (f);
  summary = summary_of (f->window);
  given = ui_template_child (summary, PA_TYPE_CASE_SUMMARY, "given_row");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (given)), ==, "Amal");

  /* Spaces around a name are not part of it. */
  gtk_editable_set_text (GTK_EDITABLE (given), "  Amira ");
  g_signal_emit_by_name (given, "apply");
  drain ();

  stored = pa_store_case_get (f->store, id, NULL);
  g_assert_cmpstr (pa_case_get_given_name (stored), ==, "Amira");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (given)), ==, "Amira");
  g_assert_false (gtk_widget_has_css_class (given, "error"));
  /* The list follows, and keeps the case selected. */
  g_assert_cmpint (pa_case_get_id (ui_selected (f->window)), ==, id);
  g_assert_nonnull (find_widget (ui_window_child (f->window, "case_view"), GTK_TYPE_LABEL, "Amira Haddad"));
  g_assert_nonnull (find_widget (summary, GTK_TYPE_LABEL, "Amira Haddad"));
  /* The country is named in words. */
  g_assert_nonnull (find_widget (ui_window_child (f->window, "case_view"), GTK_TYPE_LABEL, "Syria"));
}

static void
test_summary_shows_refusal_in_row (void)
{
  g_autofree char *dir = pa_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "centre.db", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (PaStore) store = pa_store_open (path, &error);
  g_autoptr (PaCase) kase = NULL;
  GtkWidget *summary;
  GtkWidget *given;
  GtkWidget *error_box;
  GtkWidget *error_label;
  gint64 id;

  g_assert_no_error (error);
  id = add_case (store, "Amal", "Haddad", NULL);
  kase = pa_store_case_get (store, id, &error);
  g_assert_no_error (error);

  summary = g_object_ref_sink (pa_case_summary_new ());
  pa_case_summary_set_store (PA_CASE_SUMMARY (summary), store);
  pa_case_summary_set_case (PA_CASE_SUMMARY (summary), kase);
  given = ui_template_child (summary, PA_TYPE_CASE_SUMMARY, "given_row");
  error_box = ui_template_child (summary, PA_TYPE_CASE_SUMMARY, "name_error_box");
  error_label = ui_template_child (summary, PA_TYPE_CASE_SUMMARY, "name_error_label");
  g_assert_false (gtk_widget_get_visible (error_box));

  /* The case is erased elsewhere while its summary is open. */
  g_assert_true (pa_store_case_trash (store, id, &error));
  g_assert_true (pa_store_case_purge (store, id, &error));
  gtk_editable_set_text (GTK_EDITABLE (given), "Amira");
  g_assert_false (pa_case_summary_save (PA_CASE_SUMMARY (summary)));

  g_assert_true (gtk_widget_has_css_class (given, "error"));
  g_assert_true (gtk_widget_get_visible (error_box));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error_label)), "no case"));
  /* The edit stays in the row, to be tried again. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (given)), ==, "Amira");
  g_assert_cmpuint (pa_store_case_count (store, PA_CASE_FILTER_ALL), ==, 0);

  g_assert_finalize_object (summary);
  g_clear_object (&store);
  pa_test_remove_tree (dir);
}


static void
test_summary_shows_identity (void)
{
  g_autoptr (PaCase) kase = pa_case_new ();
  GtkWidget *summary = g_object_ref_sink (pa_case_summary_new ());
  GtkWidget *contact;
  GtkWidget *birth;

  pa_case_set_given_name (kase, "Hiwet");
  pa_case_set_contact (kase, "hiwet@example.org <Tesfaye & co>");
  pa_case_set_stored (kase, 7, "PA-2025-0007", "2025-03-12T10:00:00Z", "2025-03-12T10:00:00Z",
                      NULL);
  pa_case_summary_set_case (PA_CASE_SUMMARY (summary), kase);

  contact = row_titled (summary, ADW_TYPE_ENTRY_ROW, "_Contact");
  birth = row_titled (summary, ADW_TYPE_ENTRY_ROW, "Year of _birth");
  g_assert_nonnull (contact);
  g_assert_nonnull (birth);
  /* Text that looks like markup is shown as typed, ready to edit. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (contact)), ==,
                   "hiwet@example.org <Tesfaye & co>");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (birth)), ==, "");
  g_assert_nonnull (find_widget (summary, GTK_TYPE_LABEL, "12 March 2025"));

  pa_case_summary_set_case (PA_CASE_SUMMARY (summary), NULL);
  g_assert_finalize_object (summary);
}

/* The month names follow the interface language (LANGUAGE, set from the
 * preferences), not the system's LC_TIME: a French interface on a PC set up
 * in English (here C.UTF-8) reads "mai", as its certificates do. */
/* The built-in frameworks are named in the interface's language; an
 * imported one by the title it came with. */
static void
test_framework_titles_follow_interface_language (void)
{
  g_autofree char *language = g_strdup (g_getenv ("LANGUAGE"));
  g_autofree char *english = NULL;
  g_autofree char *french = NULL;

  g_unsetenv ("LANGUAGE");
  setlocale (LC_ALL, "C.UTF-8");
  english = g_strdup (pa_framework_display_title ("cefr", "stored"));
  g_setenv ("LANGUAGE", "fr", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  french = g_strdup (pa_framework_display_title ("cefr", "stored"));
  g_assert_cmpstr (pa_framework_display_title ("esco", "ESCO 1.1.1"), ==, "ESCO 1.1.1");
  if (language != NULL)
    g_setenv ("LANGUAGE", language, TRUE);
  else
    g_unsetenv ("LANGUAGE");
  setlocale (LC_ALL, "C.UTF-8");

  g_assert_cmpstr (english, ==, "Common European Framework of Reference for Languages (CEFR)");
  g_assert_cmpstr (french, ==, "Cadre européen commun de référence pour les langues (CECRL)");
}

static void
test_dates_follow_interface_language (void)
{
  g_autoptr (GDateTime) when = g_date_time_new_local (2023, 5, 17, 14, 5, 0);
  g_autofree char *language = g_strdup (g_getenv ("LANGUAGE"));
  g_autofree char *english = NULL;
  g_autofree char *english_time = NULL;
  g_autofree char *french = NULL;
  g_autofree char *french_time = NULL;
  g_autofree char *french_short = NULL;
  g_autoptr (GDate) day = g_date_new_dmy (17, G_DATE_MAY, 2023);

  g_unsetenv ("LANGUAGE");
  setlocale (LC_ALL, "C.UTF-8");
  english = pa_ui_format_date ("2023-05-17T12:00:00Z");
  english_time = pa_ui_format_date_time (when);
  g_assert_cmpstr (english, ==, "17 May 2023");
  g_assert_cmpstr (english_time, ==, "17 May 2023, 14:05");

  /* setlocale () also makes gettext read LANGUAGE again. */
  g_setenv ("LANGUAGE", "fr", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  french = pa_ui_format_date ("2023-05-17T12:00:00Z");
  french_time = pa_ui_format_date_time (when);
  /* The seminars' dates, without their year. */
  french_short = pa_format_date (day, FALSE);

  if (language != NULL)
    g_setenv ("LANGUAGE", language, TRUE);
  else
    g_unsetenv ("LANGUAGE");
  setlocale (LC_ALL, "C.UTF-8");

  g_assert_cmpstr (french, ==, "17 mai 2023");
  g_assert_cmpstr (french_time, ==, "17 mai 2023 à 14:05");
  g_assert_cmpstr (french_short, ==, "17 mai");
}

static void
test_case_row (void)
{
  g_autoptr (PaCase) kase = pa_case_new ();
  GtkWidget *row = g_object_ref_sink (pa_case_row_new ());
  g_autofree char *none = pa_ui_stage_summary (0, 0);
  g_autofree char *one = pa_ui_stage_summary (1, 0);
  g_autofree char *many = pa_ui_stage_summary (12, 3);

  pa_case_set_given_name (kase, "Farid");
  pa_case_set_family_name (kase, "Rahimi");
  pa_case_set_origin_country (kase, "AF");
  pa_case_set_stored (kase, 4, "PA-2025-0004", "2025-03-12T10:00:00Z", "2025-03-12T10:00:00Z",
                      NULL);
  pa_case_row_set_case (PA_CASE_ROW (row), kase);
  g_assert_nonnull (find_widget (row, GTK_TYPE_LABEL, "Farid Rahimi"));
  g_assert_nonnull (find_widget (row, GTK_TYPE_LABEL, "PA-2025-0004 · Afghanistan"));
  g_assert_nonnull (find_widget (row, GTK_TYPE_LABEL, none));

  g_assert_cmpstr (one, ==, "1 competence · 0 certified");
  g_assert_cmpstr (many, ==, "12 competences · 3 certified");

  /* No country recorded: the code alone, nothing invented. */
  pa_case_set_origin_country (kase, NULL);
  pa_case_row_set_case (PA_CASE_ROW (row), NULL);
  pa_case_row_set_case (PA_CASE_ROW (row), kase);
  g_assert_nonnull (find_widget (row, GTK_TYPE_LABEL, "PA-2025-0004"));
  g_assert_null (find_widget (row, GTK_TYPE_LABEL, "·"));

  pa_case_set_stored (kase, 4, "PA-2025-0004", "2025-03-12T10:00:00Z", "2025-03-12T10:00:00Z",
                      "2025-03-14T10:00:00Z");
  pa_case_row_set_case (PA_CASE_ROW (row), NULL);
  pa_case_row_set_case (PA_CASE_ROW (row), kase);
  g_assert_nonnull (find_widget (row, GTK_TYPE_LABEL, "Moved to the trash on 14 March 2025"));

  pa_case_row_set_case (PA_CASE_ROW (row), NULL);
  g_assert_finalize_object (row);
}

static gboolean
listed_is (gpointer data)
{
  gpointer *args = data;
  return ui_n_listed (args[0]) == GPOINTER_TO_UINT (args[1]);
}

static void
type_search (Fixture    *f,
             const char *text,
             guint       expected)
{
  gpointer args[] = { f->window, GUINT_TO_POINTER (expected) };

  gtk_editable_set_text (GTK_EDITABLE (ui_window_child (f->window, "search_entry")), text);
  wait_until (listed_is, args, "the search to filter the list");
}

static void
test_search_filters (Fixture       *f,
                     gconstpointer  data)
{
  gint64 elise;

  add_case (f->store, "Amal", "Haddad", "SY");
  elise = add_case (f->store, "Élise", "Nkurunziza", "BI");
  add_case (f->store, "Bohdan", "Kovalenko", "UA");
  ui_fixture_show_window (f);
  g_assert_cmpuint (ui_n_listed (f->window), ==, 3);

  /* Typing does not search at every key: the list waits for a pause. */
  gtk_editable_set_text (GTK_EDITABLE (ui_window_child (f->window, "search_entry")), "elise");
  g_assert_cmpuint (ui_n_listed (f->window), ==, 3);
  type_search (f, "elise", 1);
  /* Neither accents nor case matter, and the match is shown. */
  g_assert_cmpint (pa_case_get_id (ui_selected (f->window)), ==, elise);
  g_assert_cmpstr (ui_page (f->window, "content_stack"), ==, "case");

  type_search (f, "KOVAL", 1);
  /* The placeholder promises the country too. */
  type_search (f, "syria", 1);
  type_search (f, "zzzz", 0);
  g_assert_cmpstr (ui_page (f->window, "list_stack"), ==, "empty");
  g_assert_cmpstr (ui_status_title (f->window, "list_empty_page"), ==, "No Matching Cases");
  g_assert_cmpstr (ui_page (f->window, "content_stack"), ==, "none");
  /* An empty search result is not an empty store. */
  g_assert_cmpstr (ui_page (f->window, "main_stack"), ==, "cases");

  type_search (f, "", 3);
  g_assert_cmpstr (ui_page (f->window, "list_stack"), ==, "list");

  /* Ctrl+F's action puts the cursor in the search field. */
  ui_activate (f->window, "win.search");
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (f->window)),
                                         ui_window_child (f->window, "search_entry")));
}

static void
test_trash_and_undo (Fixture       *f,
                     gconstpointer  data)
{
  GtkWidget *overlay;
  GtkWidget *undo;
  gint64 bohdan;

  add_case (f->store, "Amal", "Haddad", "SY");
  bohdan = add_case (f->store, "Bohdan", "Kovalenko", "UA");
  ui_fixture_show_window (f);
  ui_select_id (f->window, bohdan);
  g_assert_cmpint (pa_case_get_id (ui_selected (f->window)), ==, bohdan);

  ui_activate (f->window, "win.trash-case");
  g_assert_cmpuint (pa_store_case_count (f->store, PA_CASE_FILTER_TRASHED), ==, 1);
  g_assert_cmpuint (ui_n_listed (f->window), ==, 1);
  /* Its neighbour is shown in its place. */
  g_assert_nonnull (ui_selected (f->window));
  g_assert_cmpint (pa_case_get_id (ui_selected (f->window)), !=, bohdan);

  overlay = ui_window_child (f->window, "toast_overlay");
  g_assert_nonnull (find_widget (overlay, GTK_TYPE_LABEL,
                                 "“Bohdan Kovalenko” moved to the trash"));
  undo = find_widget (overlay, GTK_TYPE_BUTTON, "_Undo");
  g_assert_nonnull (undo);
  click (undo);

  g_assert_cmpuint (pa_store_case_count (f->store, PA_CASE_FILTER_TRASHED), ==, 0);
  g_assert_cmpuint (ui_n_listed (f->window), ==, 2);
  g_assert_cmpint (pa_case_get_id (ui_selected (f->window)), ==, bohdan);

  /* An undo meant for another store does nothing here. */
  ui_activate (f->window, "win.trash-case");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo-trash", "(sx)",
                                             "/elsewhere/centre.db", bohdan));
  drain ();
  g_assert_cmpuint (pa_store_case_count (f->store, PA_CASE_FILTER_TRASHED), ==, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo-trash", "(sx)",
                                             f->path, bohdan));
  drain ();
  g_assert_cmpuint (pa_store_case_count (f->store, PA_CASE_FILTER_TRASHED), ==, 0);

  /* Trashing the last cases leads back to the welcome page, which offers the trash. */
  ui_activate (f->window, "win.trash-case");
  ui_activate (f->window, "win.trash-case");
  g_assert_cmpuint (pa_store_case_count (f->store, PA_CASE_FILTER_ACTIVE), ==, 0);
  g_assert_cmpstr (ui_page (f->window, "main_stack"), ==, "welcome");
  g_assert_true (gtk_widget_get_visible (ui_window_child (f->window, "welcome_trash_button")));
}


static void
test_trash_restore_and_erase (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PaCase) gone = NULL;
  GtkWidget *dialog;
  GtkWidget *toggle;
  gint64 amal = add_case (f->store, "Amal", "Haddad", "SY");
  gint64 bohdan = add_case (f->store, "Bohdan", "Kovalenko", "UA");

  add_case (f->store, "Farid", "Rahimi", "AF");
  g_assert_true (pa_store_case_trash (f->store, amal, &error));
  g_assert_true (pa_store_case_trash (f->store, bohdan, &error));
  ui_fixture_show_window (f);
  g_assert_cmpuint (ui_n_listed (f->window), ==, 1);

  ui_activate (f->window, "win.show-trash");
  toggle = ui_window_child (f->window, "trash_toggle");
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (toggle)));
  g_assert_cmpuint (ui_n_listed (f->window), ==, 2);
  g_assert_cmpstr (ui_page (f->window, "content_stack"), ==, "trashed");
  g_assert_cmpint (pa_case_get_id (ui_selected (f->window)), ==, amal);

  /* Erasing asks first; cancelling keeps the case. */
  ui_activate (f->window, "win.purge-case");
  dialog = wait_for_dialog ();
  g_assert_nonnull (find_widget (dialog, GTK_TYPE_LABEL, "Erase “Amal Haddad” for Good?"));
  click (find_widget (dialog, GTK_TYPE_BUTTON, "_Cancel"));
  g_assert_null (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpuint (pa_store_case_count (f->store, PA_CASE_FILTER_TRASHED), ==, 2);

  ui_activate (f->window, "win.purge-case");
  dialog = wait_for_dialog ();
  click (find_widget (dialog, GTK_TYPE_BUTTON, "_Erase"));
  gone = pa_store_case_get (f->store, amal, &error);
  g_assert_null (gone);
  g_assert_error (error, PA_STORE_ERROR, PA_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpuint (ui_n_listed (f->window), ==, 1);
  g_assert_nonnull (find_widget (ui_window_child (f->window, "toast_overlay"), GTK_TYPE_LABEL,
                                 "“Amal Haddad” was erased"));
  save_screenshot (f->window, "window-trash");

  /* The other one comes back to the case list. */
  g_assert_cmpint (pa_case_get_id (ui_selected (f->window)), ==, bohdan);
  ui_activate (f->window, "win.restore-case");
  g_assert_cmpuint (pa_store_case_count (f->store, PA_CASE_FILTER_ACTIVE), ==, 2);
  g_assert_cmpuint (ui_n_listed (f->window), ==, 0);
  g_assert_cmpstr (ui_page (f->window, "list_stack"), ==, "empty");
  g_assert_cmpstr (ui_status_title (f->window, "list_empty_page"), ==, "The Trash Is Empty");

  ui_activate (f->window, "win.show-trash");
  g_assert_cmpuint (ui_n_listed (f->window), ==, 2);
}

static gboolean
is_folded (gpointer data)
{
  return adw_leaflet_get_folded (ADW_LEAFLET (ui_window_child (data, "leaflet")));
}

static gboolean
transition_done (gpointer data)
{
  return !adw_leaflet_get_child_transition_running (data);
}

static void
test_narrow_window_folds (Fixture       *f,
                          gconstpointer  data)
{
  AdwLeaflet *leaflet;

  add_case (f->store, "Amal", "Haddad", "SY");
  add_case (f->store, "Bohdan", "Kovalenko", "UA");
  f->window = g_object_ref (pa_window_new (app));
  gtk_window_set_default_size (GTK_WINDOW (f->window), 700, 640);
  pa_window_set_store (f->window, f->store, FALSE);
  gtk_window_present (GTK_WINDOW (f->window));
  wait_until (is_mapped, f->window, "the window to be shown");
  wait_until (is_folded, f->window, "the window to fold");
  leaflet = ADW_LEAFLET (ui_window_child (f->window, "leaflet"));

  /* One pane: the list first; opening a case shows it, Back returns. */
  g_assert_true (adw_leaflet_get_visible_child (leaflet) == ui_window_child (f->window, "sidebar"));
  g_signal_emit_by_name (ui_window_child (f->window, "case_view"), "activate", 1);
  drain ();
  g_assert_true (adw_leaflet_get_visible_child (leaflet) == ui_window_child (f->window, "content"));
  g_assert_true (gtk_widget_get_visible (ui_window_child (f->window, "back_button")));
  g_assert_cmpstr (pa_case_get_given_name (ui_selected (f->window)), ==, "Bohdan");
  wait_until (transition_done, leaflet, "the leaflet to settle");
  save_screenshot (f->window, "window-narrow-case");
  ui_activate (f->window, "win.back");
  g_assert_true (adw_leaflet_get_visible_child (leaflet) == ui_window_child (f->window, "sidebar"));

  /* A new case opens straight away, ready for its name. */
  ui_activate (f->window, "win.new-case");
  g_assert_true (adw_leaflet_get_visible_child (leaflet) == ui_window_child (f->window, "content"));
  g_assert_nonnull (gtk_widget_get_ancestor (gtk_root_get_focus (GTK_ROOT (f->window)),
                                             ADW_TYPE_ENTRY_ROW));
}

static void
test_window_size_remembered (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  PaWindow *second;
  int width;
  int height;

  ui_fixture_show_window (f);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 900, 640);
  gtk_window_close (GTK_WINDOW (f->window));
  drain ();
  g_assert_finalize_object (g_steal_pointer (&f->window));
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 900);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 640);

  second = g_object_ref_sink (pa_window_new (app));
  gtk_window_get_default_size (GTK_WINDOW (second), &width, &height);
  g_assert_cmpint (width, ==, 900);
  g_assert_cmpint (height, ==, 640);
  gtk_window_destroy (GTK_WINDOW (second));
  drain ();
  g_assert_finalize_object (second);
  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
}

/* Every button that shows only an icon says what it does. */
static void
check_icon_buttons (GtkWidget *widget,
                    guint     *checked)
{
  gboolean icon_only = FALSE;

  if (GTK_IS_MENU_BUTTON (widget))
    icon_only = gtk_menu_button_get_icon_name (GTK_MENU_BUTTON (widget)) != NULL &&
                gtk_menu_button_get_label (GTK_MENU_BUTTON (widget)) == NULL;
  else if (GTK_IS_BUTTON (widget) && gtk_widget_get_ancestor (widget, GTK_TYPE_MENU_BUTTON) == NULL)
    icon_only = gtk_button_get_icon_name (GTK_BUTTON (widget)) != NULL;
  if (icon_only && gtk_widget_get_visible (widget) &&
      gtk_widget_get_ancestor (widget, GTK_TYPE_WINDOW_CONTROLS) == NULL)
    {
      if (gtk_widget_get_tooltip_text (widget) == NULL)
        g_error ("An icon-only %s has no tooltip", G_OBJECT_TYPE_NAME (widget));
      (*checked)++;
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    check_icon_buttons (c, checked);
}

static void
test_icon_buttons_are_named (Fixture       *f,
                             gconstpointer  data)
{
  guint checked = 0;

  add_case (f->store, "Amal", "Haddad", "SY");
  ui_fixture_show_window (f);
  check_icon_buttons (GTK_WIDGET (f->window), &checked);
  /* New case, main menu, move to the trash. */
  g_assert_cmpuint (checked, >=, 3);
}

static void
test_about_and_shortcuts (Fixture       *f,
                          gconstpointer  data)
{
  GtkWindow *about;
  GtkWindow *shortcuts;
  g_auto (GStrv) accels = NULL;

  ui_fixture_show_window (f);
  ui_activate (f->window, "app.about");
  about = find_toplevel (ADW_TYPE_ABOUT_WINDOW);
  g_assert_nonnull (about);
  g_assert_cmpstr (adw_about_window_get_version (ADW_ABOUT_WINDOW (about)), ==, PACKAGE_VERSION);
  g_assert_cmpint (adw_about_window_get_license_type (ADW_ABOUT_WINDOW (about)), ==,
                   GTK_LICENSE_GPL_3_0);
  wait_until (is_mapped, about, "the about window to be shown");
  save_screenshot (about, "about");
  gtk_window_destroy (about);

  /* Every shortcut the window answers to is listed; Ctrl+? shows them. */
  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (ui_test_app ()),
                                                  "win.show-help-overlay");
  g_assert_true (g_strv_contains ((const char *const *) accels, "<Control>question"));
  g_assert_null (find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW));
  ui_activate (f->window, "win.show-help-overlay");
  shortcuts = find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW);
  g_assert_nonnull (shortcuts);
  g_assert_true (gtk_window_get_transient_for (shortcuts) == GTK_WINDOW (f->window));
  wait_until (is_mapped, shortcuts, "the shortcuts window to be shown");
  save_screenshot (shortcuts, "shortcuts");
  gtk_window_close (shortcuts);
  drain ();
}


/* F1 opens the help page for what the window shows; every page it can name
 * exists in help/C. Nothing is launched here. */
static void
assert_help_page_exists (const char *page)
{
  g_autofree char *name = g_strconcat (page ? page : "index", ".page", NULL);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "help", "C", name, NULL);

  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
}


static void
test_help_pages (Fixture       *f,
                 gconstpointer  data)
{
  const char *views[] = { "welcome", "cases", "seminars", "catalogue", "labour",
                          "statistics", "error", NULL };
  const char *sections[] = { "profile", "languages", "education", "experiences", "competences",
                             "evidence", "matches", "plan", "sessions", "certificates", "trash",
                             NULL };
  g_auto (GStrv) accels = NULL;
  g_autofree char *front = pa_help_uri (NULL);
  g_autofree char *stages = pa_help_uri ("stages");
  g_autofree char *html_dir = g_build_filename (f->dir, "html", NULL);
  g_autofree char *html = g_build_filename (html_dir, "intake.html", NULL);
  g_autofree char *found = NULL;
  g_autofree char *missing = NULL;
  g_autofree char *uri = NULL;
  gint64 id;

  g_assert_cmpstr (front, ==, "help:passerelle");
  g_assert_cmpstr (stages, ==, "help:passerelle/stages");
  for (guint i = 0; views[i] != NULL; i++)
    assert_help_page_exists (pa_help_page_for_view (views[i], NULL));
  for (guint i = 0; sections[i] != NULL; i++)
    assert_help_page_exists (pa_help_page_for_view ("cases", sections[i]));
  g_assert_cmpstr (pa_help_page_for_view ("cases", "languages"), ==, "intake");
  g_assert_cmpstr (pa_help_page_for_view ("cases", "matches"), ==, "matching");
  g_assert_null (pa_help_page_for_view ("statistics", NULL));

  /* F1 and the menu's Help reach it. */
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "help"));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "help-page"));
  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.help");
  g_assert_true (g_strv_contains ((const char * const *) accels, "F1"));

  /* The window's view and the case's section decide; a view may name its
   * page itself. */
  ui_fixture_show_window (f);
  g_assert_cmpstr (ui_page (f->window, "main_stack"), ==, "welcome");
  uri = pa_help_uri (pa_window_get_help_page (f->window));
  g_assert_cmpstr (uri, ==, "help:passerelle/getting-started");
  id = add_case (f->store, "Amal", "Haddad", "SY");
  drain ();
  g_assert_cmpstr (ui_page (f->window, "main_stack"), ==, "cases");
  ui_select_id (f->window, id);
  drain ();
  pa_case_view_show_section (PA_CASE_VIEW (ui_window_child (f->window, "case_pane")), "languages");
  g_assert_cmpstr (pa_window_get_help_page (f->window), ==, "intake");
  pa_case_view_show_section (PA_CASE_VIEW (ui_window_child (f->window, "case_pane")), "competences");
  g_assert_cmpstr (pa_window_get_help_page (f->window), ==, "stages");
  g_object_set (f->window, "trash-mode", TRUE, NULL);
  g_assert_cmpstr (pa_window_get_help_page (f->window), ==, "privacy-backups");
  g_object_set (f->window, "trash-mode", FALSE, NULL);
  pa_window_show_view (f->window, "seminars");
  g_assert_cmpstr (pa_window_get_help_page (f->window), ==, "seminars");
  pa_window_show_view (f->window, "labour");
  g_assert_cmpstr (pa_window_get_help_page (f->window), ==, "matching");
  pa_window_show_view (f->window, "statistics");
  g_assert_null (pa_window_get_help_page (f->window));
  pa_window_set_help_page (f->window, "assessing");
  g_assert_cmpstr (pa_window_get_help_page (f->window), ==, "assessing");
  pa_window_set_help_page (f->window, NULL);
  pa_window_show_view (f->window, "cases");

  /* Without a help viewer, the HTML copy of the page, when there is one. */
  g_assert_null (pa_help_html_file (html_dir, "intake"));
  g_assert_cmpint (g_mkdir_with_parents (html_dir, 0755), ==, 0);
  g_assert_true (g_file_set_contents (html, "<html/>", -1, NULL));
  found = pa_help_html_file (html_dir, "intake");
  g_assert_cmpstr (found, ==, html);
  missing = pa_help_html_file (html_dir, NULL);
  g_assert_null (missing);
}


int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add ("/window/welcome-creates-first-case", Fixture, NULL,
              ui_fixture_setup, test_welcome_creates_first_case, ui_fixture_teardown);
  g_test_add ("/window/rename-in-place", Fixture, NULL,
              ui_fixture_setup, test_rename_in_place, ui_fixture_teardown);
  g_test_add_func ("/window/summary-shows-refusal-in-row", test_summary_shows_refusal_in_row);
  g_test_add_func ("/window/summary-shows-identity",
                   test_summary_shows_identity);
  g_test_add_func ("/window/case-row", test_case_row);
  g_test_add_func ("/window/framework-titles-follow-interface-language",
                   test_framework_titles_follow_interface_language);
  g_test_add_func ("/window/dates-follow-interface-language",
                   test_dates_follow_interface_language);
  g_test_add ("/window/search-filters", Fixture, NULL,
              ui_fixture_setup, test_search_filters, ui_fixture_teardown);
  g_test_add ("/window/trash-and-undo", Fixture, NULL,
              ui_fixture_setup, test_trash_and_undo, ui_fixture_teardown);
  g_test_add ("/window/trash-restore-and-erase", Fixture, NULL,
              ui_fixture_setup, test_trash_restore_and_erase, ui_fixture_teardown);
  g_test_add ("/window/narrow-window-folds", Fixture, NULL,
              ui_fixture_setup, test_narrow_window_folds, ui_fixture_teardown);
  g_test_add ("/window/window-size-remembered", Fixture, NULL,
              ui_fixture_setup, test_window_size_remembered, ui_fixture_teardown);
  g_test_add ("/window/icon-buttons-are-named", Fixture, NULL,
              ui_fixture_setup, test_icon_buttons_are_named, ui_fixture_teardown);

  g_test_add ("/window/about-and-shortcuts", Fixture, NULL,
              ui_fixture_setup, test_about_and_shortcuts, ui_fixture_teardown);

  g_test_add ("/window/help-pages", Fixture, NULL,
              ui_fixture_setup, test_help_pages, ui_fixture_teardown);

  return ui_test_run ();
}
