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

static const char *
page (PaWindow   *window,
      const char *stack)
{
  return gtk_stack_get_visible_child_name (GTK_STACK (ui_window_child (window, stack)));
}

static const char *
status_title (PaWindow   *window,
              const char *name)
{
  return adw_status_page_get_title (ADW_STATUS_PAGE (ui_window_child (window, name)));
}

static GListModel *
list_model (PaWindow *window)
{
  return G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (ui_window_child (window, "case_view"))));
}

static guint
n_listed (PaWindow *window)
{
  return g_list_model_get_n_items (list_model (window));
}

static PaCase *
selected (PaWindow *window)
{
  return gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (list_model (window)));
}

static void
select_id (PaWindow *window,
           gint64    id)
{
  GListModel *model = list_model (window);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (PaCase) kase = g_list_model_get_item (model, i);
      if (pa_case_get_id (kase) == id)
        {
          gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (model), i);
          return;
        }
    }
  g_assert_not_reached ();
}






static void
activate (PaWindow   *window,
          const char *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), action, NULL));
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
  g_assert_cmpstr (page (f->window, "main_stack"), ==, "welcome");
  /* No trash to offer while nothing was ever trashed. */
  g_assert_false (gtk_widget_get_visible (ui_window_child (f->window, "welcome_trash_button")));

  button = ui_window_child (f->window, "create_first_button");
  g_assert_true (gtk_widget_is_sensitive (button));
  /* Enter alone creates the first case. */
  g_assert_true (gtk_root_get_focus (GTK_ROOT (f->window)) == button);
  g_assert_true (gtk_widget_has_css_class (button, "suggested-action"));
  click (button);

  g_assert_cmpuint (pa_store_case_count (f->store, PA_CASE_FILTER_ACTIVE), ==, 1);
  g_assert_cmpstr (page (f->window, "main_stack"), ==, "cases");
  g_assert_cmpuint (n_listed (f->window), ==, 1);
  kase = selected (f->window);
  g_assert_nonnull (kase);
  g_assert_true (pa_case_summary_get_case (PA_CASE_SUMMARY (summary_of (f->window))) == kase);
  g_assert_cmpstr (page (f->window, "content_stack"), ==, "case");

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
  g_assert_cmpint (pa_case_get_id (selected (f->window)), ==, id);
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
  return n_listed (args[0]) == GPOINTER_TO_UINT (args[1]);
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
  g_assert_cmpuint (n_listed (f->window), ==, 3);

  /* Typing does not search at every key: the list waits for a pause. */
  gtk_editable_set_text (GTK_EDITABLE (ui_window_child (f->window, "search_entry")), "elise");
  g_assert_cmpuint (n_listed (f->window), ==, 3);
  type_search (f, "elise", 1);
  /* Neither accents nor case matter, and the match is shown. */
  g_assert_cmpint (pa_case_get_id (selected (f->window)), ==, elise);
  g_assert_cmpstr (page (f->window, "content_stack"), ==, "case");

  type_search (f, "KOVAL", 1);
  /* The placeholder promises the country too. */
  type_search (f, "syria", 1);
  type_search (f, "zzzz", 0);
  g_assert_cmpstr (page (f->window, "list_stack"), ==, "empty");
  g_assert_cmpstr (status_title (f->window, "list_empty_page"), ==, "No Matching Cases");
  g_assert_cmpstr (page (f->window, "content_stack"), ==, "none");
  /* An empty search result is not an empty store. */
  g_assert_cmpstr (page (f->window, "main_stack"), ==, "cases");

  type_search (f, "", 3);
  g_assert_cmpstr (page (f->window, "list_stack"), ==, "list");

  /* Ctrl+F's action puts the cursor in the search field. */
  activate (f->window, "win.search");
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (f->window)),
                                         ui_window_child (f->window, "search_entry")));
}

static guint
count_rows (GtkWidget *widget)
{
  guint n = PA_IS_CASE_ROW (widget) ? 1 : 0;

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    n += count_rows (c);
  return n;
}

static gboolean
lists_all (gpointer data)
{
  PaWindow *window = data;

  return n_listed (window) == 1000;
}

/* A centre of a thousand cases opens with the rows of one screen made,
 * then lists them all; the last one can be chosen. */
static void
test_long_list (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  GtkWidget *list_view;
  PaCase *last;
  PaCase *shown;

  g_assert_true (pa_demo_generate (f->store, 1000, PA_DEMO_DEFAULT_SEED, &error));
  g_assert_no_error (error);
  ui_fixture_show_window (f);
  wait_until (lists_all, f->window, "every case to be listed");
  list_view = ui_window_child (f->window, "case_view");
  /* GTK 4.8 keeps rows for 200 items around the one in view, no more. */
  g_assert_cmpuint (count_rows (list_view), <=, 210);

  gtk_widget_grab_focus (list_view);
  g_assert_true (gtk_widget_activate_action (list_view, "list.scroll-to-item", "u", 999));
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (list_model (f->window)), 999);
  last = selected (f->window);
  g_assert_nonnull (last);
  shown = pa_case_view_get_case (PA_CASE_VIEW (ui_window_child (f->window, "case_pane")));
  g_assert_nonnull (shown);
  g_assert_cmpint (pa_case_get_id (shown), ==, pa_case_get_id (last));
}

typedef struct
{
  PaWindow *window;
  const char *text;
} ToastWait;

static gboolean
toast_says (gpointer data)
{
  ToastWait *wait = data;

  return find_widget (ui_window_child (wait->window, "toast_overlay"), GTK_TYPE_LABEL,
                      wait->text) != NULL;
}

static gboolean
has_arabic (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (c >= 0x0600 && c <= 0x06FF)
        return TRUE;
    }
  return FALSE;
}

/* The case's portfolio and certificate, printed or exported from the case
 * in the centre's report languages; a case without a certified competence
 * has no certificate, and says so. */
static void
test_print_case_documents (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *portfolio = g_build_filename (f->dir, "portfolio.pdf", NULL);
  g_autofree char *none = g_build_filename (f->dir, "none.pdf", NULL);
  g_autofree char *certificate = g_build_filename (f->dir, "certificate.pdf", NULL);
  g_autofree char *again = g_build_filename (f->dir, "again.pdf", NULL);
  g_autofree char *text = NULL;
  g_autoptr (GPtrArray) issued = NULL;
  ToastWait wait = { NULL, "portfolio.pdf" };
  gint64 certified = 0;
  gint64 uncertified = 0;

  g_assert_true (pa_demo_fill (f->store, &error));
  g_assert_true (pa_store_set_setting (f->store, "report.language", "en", &error));
  g_assert_true (pa_store_set_setting (f->store, "report.second-language", "ar", &error));
  g_assert_no_error (error);
  {
    g_autoptr (GPtrArray) all = pa_store_case_list (f->store, NULL, PA_CASE_FILTER_ACTIVE, &error);

    for (guint i = 0; i < all->len; i++)
      {
        PaCase *kase = g_ptr_array_index (all, i);
        if (certified == 0 && pa_case_get_n_certified (kase) > 0)
          certified = pa_case_get_id (kase);
        if (uncertified == 0 && pa_case_get_n_certified (kase) == 0)
          uncertified = pa_case_get_id (kase);
      }
  }
  g_assert_cmpint (certified, >, 0);
  g_assert_cmpint (uncertified, >, 0);
  ui_fixture_show_window (f);
  wait.window = f->window;

  /* Nothing to print while no case is open. */
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (list_model (f->window)),
                                     GTK_INVALID_LIST_POSITION);
  pa_window_export_case (f->window, "portfolio", none);
  drain ();
  g_assert_false (g_file_test (none, G_FILE_TEST_EXISTS));

  select_id (f->window, uncertified);
  pa_window_export_case (f->window, "portfolio", portfolio);
  wait_until (toast_says, &wait, "the portfolio to be written");
  text = pa_test_run ("pdftotext", portfolio, "-", NULL);
  g_assert_nonnull (strstr (text, "Competence portfolio"));
  g_clear_pointer (&text, g_free);

  wait.text = "no certified competence yet";
  pa_window_export_case (f->window, "certificate", none);
  wait_until (toast_says, &wait, "the refusal");
  g_assert_false (g_file_test (none, G_FILE_TEST_EXISTS));

  /* Bilingual, as the preferences say; a second export reprints it. */
  select_id (f->window, certified);
  g_assert_nonnull (gtk_menu_button_get_menu_model (
                      GTK_MENU_BUTTON (ui_window_child (f->window, "print_button"))));
  save_screenshot (f->window, "case-print-button");
  wait.text = "certificate.pdf";
  pa_window_export_case (f->window, "certificate", certificate);
  wait_until (toast_says, &wait, "the certificate to be written");
  text = pa_test_run ("pdftotext", certificate, "-", NULL);
  g_assert_true (has_arabic (text));
  g_clear_pointer (&text, g_free);
  wait.text = "again.pdf";
  pa_window_export_case (f->window, "certificate", again);
  wait_until (toast_says, &wait, "the certificate to be written again");
  issued = pa_store_certificate_list_for_case (f->store, certified, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (issued->len, ==, 1);
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
  select_id (f->window, bohdan);
  g_assert_cmpint (pa_case_get_id (selected (f->window)), ==, bohdan);

  activate (f->window, "win.trash-case");
  g_assert_cmpuint (pa_store_case_count (f->store, PA_CASE_FILTER_TRASHED), ==, 1);
  g_assert_cmpuint (n_listed (f->window), ==, 1);
  /* Its neighbour is shown in its place. */
  g_assert_nonnull (selected (f->window));
  g_assert_cmpint (pa_case_get_id (selected (f->window)), !=, bohdan);

  overlay = ui_window_child (f->window, "toast_overlay");
  g_assert_nonnull (find_widget (overlay, GTK_TYPE_LABEL,
                                 "“Bohdan Kovalenko” moved to the trash"));
  undo = find_widget (overlay, GTK_TYPE_BUTTON, "_Undo");
  g_assert_nonnull (undo);
  click (undo);

  g_assert_cmpuint (pa_store_case_count (f->store, PA_CASE_FILTER_TRASHED), ==, 0);
  g_assert_cmpuint (n_listed (f->window), ==, 2);
  g_assert_cmpint (pa_case_get_id (selected (f->window)), ==, bohdan);

  /* An undo meant for another store does nothing here. */
  activate (f->window, "win.trash-case");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo-trash", "(sx)",
                                             "/elsewhere/centre.db", bohdan));
  drain ();
  g_assert_cmpuint (pa_store_case_count (f->store, PA_CASE_FILTER_TRASHED), ==, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo-trash", "(sx)",
                                             f->path, bohdan));
  drain ();
  g_assert_cmpuint (pa_store_case_count (f->store, PA_CASE_FILTER_TRASHED), ==, 0);

  /* Trashing the last cases leads back to the welcome page, which offers the trash. */
  activate (f->window, "win.trash-case");
  activate (f->window, "win.trash-case");
  g_assert_cmpuint (pa_store_case_count (f->store, PA_CASE_FILTER_ACTIVE), ==, 0);
  g_assert_cmpstr (page (f->window, "main_stack"), ==, "welcome");
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
  g_assert_cmpuint (n_listed (f->window), ==, 1);

  activate (f->window, "win.show-trash");
  toggle = ui_window_child (f->window, "trash_toggle");
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (toggle)));
  g_assert_cmpuint (n_listed (f->window), ==, 2);
  g_assert_cmpstr (page (f->window, "content_stack"), ==, "trashed");
  g_assert_cmpint (pa_case_get_id (selected (f->window)), ==, amal);

  /* Erasing asks first; cancelling keeps the case. */
  activate (f->window, "win.purge-case");
  dialog = wait_for_dialog ();
  g_assert_nonnull (find_widget (dialog, GTK_TYPE_LABEL, "Erase “Amal Haddad” for Good?"));
  click (find_widget (dialog, GTK_TYPE_BUTTON, "_Cancel"));
  g_assert_null (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpuint (pa_store_case_count (f->store, PA_CASE_FILTER_TRASHED), ==, 2);

  activate (f->window, "win.purge-case");
  dialog = wait_for_dialog ();
  click (find_widget (dialog, GTK_TYPE_BUTTON, "_Erase"));
  gone = pa_store_case_get (f->store, amal, &error);
  g_assert_null (gone);
  g_assert_error (error, PA_STORE_ERROR, PA_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpuint (n_listed (f->window), ==, 1);
  g_assert_nonnull (find_widget (ui_window_child (f->window, "toast_overlay"), GTK_TYPE_LABEL,
                                 "“Amal Haddad” was erased"));
  save_screenshot (f->window, "window-trash");

  /* The other one comes back to the case list. */
  g_assert_cmpint (pa_case_get_id (selected (f->window)), ==, bohdan);
  activate (f->window, "win.restore-case");
  g_assert_cmpuint (pa_store_case_count (f->store, PA_CASE_FILTER_ACTIVE), ==, 2);
  g_assert_cmpuint (n_listed (f->window), ==, 0);
  g_assert_cmpstr (page (f->window, "list_stack"), ==, "empty");
  g_assert_cmpstr (status_title (f->window, "list_empty_page"), ==, "The Trash Is Empty");

  activate (f->window, "win.show-trash");
  g_assert_cmpuint (n_listed (f->window), ==, 2);
}

static void
test_demo_centre (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *demo_path = pa_store_demo_path ();
  GObject *title;
  g_autofree char *subtitle = NULL;

  ui_fixture_show_window (f);
  g_assert_cmpstr (page (f->window, "main_stack"), ==, "welcome");
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "open-centre"));

  click (ui_window_child (f->window, "explore_demo_button"));
  g_assert_true (pa_window_get_demo (f->window));
  g_assert_cmpstr (pa_store_get_path (pa_window_get_store (f->window)), ==, demo_path);
  g_assert_cmpstr (page (f->window, "main_stack"), ==, "cases");
  g_assert_cmpuint (n_listed (f->window), >=, 5);
  /* The window says plainly that these are not real cases. */
  title = G_OBJECT (ui_window_child (f->window, "sidebar_title"));
  g_object_get (title, "subtitle", &subtitle, NULL);
  g_assert_nonnull (strstr (subtitle, "Demo centre"));
  g_clear_pointer (&subtitle, g_free);
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (f->window)), "Demo"));
  /* None of them went into the centre's store. */
  g_assert_cmpuint (pa_store_case_count (f->store, PA_CASE_FILTER_ALL), ==, 0);
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "open-centre"));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "open-demo"));
  save_screenshot (f->window, "window-demo-centre");

  activate (f->window, "app.open-centre");
  g_assert_false (pa_window_get_demo (f->window));
  g_assert_cmpstr (pa_store_get_path (pa_window_get_store (f->window)), ==, f->path);
  g_assert_cmpstr (page (f->window, "main_stack"), ==, "welcome");
  g_object_get (title, "subtitle", &subtitle, NULL);
  g_assert_cmpstr (subtitle, ==, "");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (f->window)), ==, "Passerelle");
}

static void
test_damaged_store_offers_backups (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *newest = NULL;
  g_autofree char *older = NULL;
  g_autofree char *older_title = NULL;
  g_autoptr (GDir) dir = NULL;
  const char *name;
  GtkWidget *list;
  GtkWidget *button;
  const char *description;
  const char *problem;
  guint damaged = 0;

  add_case (f->store, "Amal", "Haddad", "SY");
  add_case (f->store, "Bohdan", "Kovalenko", "UA");
  older = pa_backup_create_in_dir (f->store, NULL, "daily", &error);
  g_assert_no_error (error);
  add_case (f->store, "Farid", "Rahimi", "AF");
  newest = pa_backup_create_in_dir (f->store, NULL, "daily", &error);
  g_assert_no_error (error);
  g_clear_object (&f->store);
  g_assert_true (g_file_set_contents (f->path, "not a case store at all", -1, NULL));
  /* The newest backup is damaged too. */
  g_assert_true (g_file_set_contents (newest, "truncated", -1, NULL));

  f->window = g_object_ref (pa_window_new (app));
  g_assert_false (pa_window_open_store (f->window, f->path));
  gtk_window_present (GTK_WINDOW (f->window));
  wait_until (is_mapped, f->window, "the window to be shown");

  g_assert_cmpstr (page (f->window, "main_stack"), ==, "error");
  description = adw_status_page_get_description (ADW_STATUS_PAGE (ui_window_child (f->window, "error_page")));
  g_assert_nonnull (strstr (description, "centre.db"));
  g_assert_null (pa_window_get_store (f->window));
  list = ui_window_child (f->window, "backups_list");
  g_assert_cmpuint (count_children (list), ==, 2);
  save_screenshot (f->window, "window-damaged-store");

  /* The damaged backup is refused, with the reason where the trainer looks. */
  button = find_widget (list, GTK_TYPE_BUTTON, "_Restore This Backup");
  g_assert_nonnull (button);
  click (button);
  g_assert_cmpstr (page (f->window, "main_stack"), ==, "error");
  g_assert_true (gtk_widget_get_visible (ui_window_child (f->window, "restore_error_box")));
  problem = gtk_label_get_text (GTK_LABEL (ui_window_child (f->window, "restore_error_label")));
  g_assert_true (strstr (problem, "cannot be restored") || strstr (problem, "not a Passerelle backup"));

  /* The older one is put in place; the damaged file is kept aside. */
  button = gtk_widget_get_next_sibling (gtk_widget_get_first_child (list));
  g_assert_nonnull (button);
  button = find_widget (button, GTK_TYPE_BUTTON, "_Restore This Backup");
  click (button);
  g_assert_cmpstr (page (f->window, "main_stack"), ==, "cases");
  g_assert_cmpuint (n_listed (f->window), ==, 2);
  g_assert_nonnull (find_widget (ui_window_child (f->window, "toast_overlay"), GTK_TYPE_LABEL,
                                 "The backup was restored"));
  /* Kept among the store's backups, as a "damaged" one. */
  {
    g_autofree char *backups = g_build_filename (f->dir, "backups", NULL);
    dir = g_dir_open (backups, 0, NULL);
  }
  while ((name = g_dir_read_name (dir)) != NULL)
    if (strstr (name, "damaged") != NULL && g_str_has_suffix (name, ".db"))
      damaged++;
  g_assert_cmpuint (damaged, ==, 1);
}

static gboolean
backup_done (gpointer data)
{
  gboolean busy;

  g_object_get (app, "backing-up", &busy, NULL);
  return !busy;
}

static void
test_start_opens_centre_and_backs_up (Fixture       *f,
                                      gconstpointer  data)
{
  g_autoptr (GPtrArray) backups = NULL;
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *blocked = g_build_filename (f->dir, "not-a-folder", NULL);
  g_autofree char *unwritable = g_build_filename (blocked, "backups", NULL);
  g_autofree char *second = g_build_filename (f->dir, "second.db", NULL);
  GtkWindow *window;
  GtkWidget *focus;

  add_case (f->store, "Amal", "Haddad", "SY");
  g_application_activate (G_APPLICATION (app));
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_true (PA_IS_WINDOW (window));
  f->window = g_object_ref (PA_WINDOW (window));
  g_assert_cmpstr (pa_store_get_path (pa_window_get_store (f->window)), ==, f->path);
  g_assert_cmpuint (n_listed (f->window), ==, 1);
  /* No case opens by itself: on a projector, nobody's details show before
   * the trainer chooses whose; the keyboard is in the list. */
  g_assert_null (selected (f->window));
  g_assert_cmpstr (page (f->window, "content_stack"), ==, "none");
  g_assert_null (pa_case_view_get_case (PA_CASE_VIEW (ui_window_child (f->window, "case_pane"))));
  wait_until (is_mapped, f->window, "the window to be shown");
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  g_assert_true (focus == ui_window_child (f->window, "case_view") ||
                 gtk_widget_is_ancestor (focus, ui_window_child (f->window, "case_view")));

  wait_until (backup_done, NULL, "the daily backup");
  backups = pa_backup_list (f->store);
  g_assert_cmpuint (backups->len, ==, 1);
  g_assert_true (g_str_has_suffix (g_ptr_array_index (backups, 0), "-daily.db"));

  /* A backup that cannot be written is said, not swallowed. */
  g_assert_true (g_file_set_contents (blocked, "", -1, NULL));
  g_settings_set_string (settings, "backup-dir", unwritable);
  pa_application_set_centre_path (app, second);
  activate (f->window, "app.open-demo");
  activate (f->window, "app.open-centre");
  wait_until (backup_done, NULL, "the daily backup");
  drain ();
  g_assert_nonnull (find_widget (ui_window_child (f->window, "toast_overlay"), GTK_TYPE_LABEL,
                                 "The daily backup was not made"));
  g_settings_reset (settings, "backup-dir");
}

/* Opening the centre leaves the daily check of the file to the daily
 * backup's worker, so the window appears first; damage it finds then shows
 * the page that offers the backups. */
static void
test_daily_check_finds_damage (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  GtkWindow *window;

  add_case (f->store, "Amal", "Haddad", "SY");
  /* A table written last fills the end of the file, which opening the
   * store and listing its cases never read. */
  g_assert_true (pa_store_exec (f->store, "CREATE TABLE filler (v TEXT)", &error));
  for (int i = 0; i < 200; i++)
    {
      g_autofree char *sql = g_strdup_printf ("INSERT INTO filler VALUES ('%0300d')", i);
      g_assert_true (pa_store_exec (f->store, sql, &error));
    }
  g_assert_true (pa_store_set_setting (f->store, "store.checked_at", "2020-01-01T00:00:00Z",
                                       &error));
  g_assert_true (pa_store_exec (f->store, "PRAGMA wal_checkpoint(TRUNCATE)", &error));
  g_assert_no_error (error);
  g_clear_object (&f->store);
  g_assert_true (g_file_get_contents (f->path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 16 * 4096);
  memset (contents + length - 3 * 4096 + 100, 0xA5, 2 * 4096);
  g_assert_true (g_file_set_contents (f->path, contents, length, NULL));

  g_application_activate (G_APPLICATION (app));
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_true (PA_IS_WINDOW (window));
  f->window = g_object_ref (PA_WINDOW (window));
  g_assert_cmpstr (page (f->window, "main_stack"), ==, "cases");
  g_assert_cmpuint (n_listed (f->window), ==, 1);

  wait_until (backup_done, NULL, "the daily check and backup");
  drain ();
  g_assert_cmpstr (page (f->window, "main_stack"), ==, "error");
  g_assert_null (pa_window_get_store (f->window));
  g_assert_nonnull (strstr (adw_status_page_get_description (
                              ADW_STATUS_PAGE (ui_window_child (f->window, "error_page"))),
                            "centre.db"));
}

static void
test_preferences (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  g_autoptr (GPtrArray) backups = NULL;
  g_autofree char *usb = g_build_filename (f->dir, "usb", NULL);
  g_autofree char *stored = NULL;
  g_autofree char *store_dir = NULL;
  GtkWidget *prefs;
  GtkWidget *name;
  GtkWidget *address;
  GtkWidget *folder;
  GtkWidget *backups_page;

  g_assert_true (pa_store_set_setting (f->store, "centre.address", "1 rue du Port", NULL));
  ui_fixture_show_window (f);
  activate (f->window, "app.preferences");
  prefs = GTK_WIDGET (find_toplevel (PA_TYPE_PREFERENCES_WINDOW));
  g_assert_nonnull (prefs);
  g_object_ref (prefs);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (prefs)) == GTK_WINDOW (f->window));

  /* What is stored is shown; what is typed is stored. */
  g_assert_nonnull (find_widget (prefs, GTK_TYPE_TEXT, NULL));
  address = ui_template_child (prefs, PA_TYPE_PREFERENCES_WINDOW, "address_row");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (address)), ==, "1 rue du Port");
  name = ui_template_child (prefs, PA_TYPE_PREFERENCES_WINDOW, "name_row");
  gtk_editable_set_text (GTK_EDITABLE (name), "Centre social du Port ");
  g_signal_emit_by_name (name, "apply");
  stored = pa_store_get_setting (f->store, "centre.name");
  g_assert_cmpstr (stored, ==, "Centre social du Port");

  /* Back Up Now writes a backup and lists it. */
  click (ui_template_child (prefs, PA_TYPE_PREFERENCES_WINDOW, "backup_now_button"));
  backups = pa_backup_list (f->store);
  g_assert_cmpuint (backups->len, ==, 1);
  g_assert_nonnull (find_widget (prefs, GTK_TYPE_LABEL, "Made from the preferences"));

  /* Choosing a folder applies to the open store at once. */
  folder = ui_template_child (prefs, PA_TYPE_PREFERENCES_WINDOW, "folder_row");
  g_settings_set_string (settings, "backup-dir", usb);
  drain ();
  store_dir = pa_store_get_backup_dir (f->store);
  g_assert_cmpstr (store_dir, ==, usb);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (folder)), ==, usb);
  g_assert_nonnull (find_widget (prefs, GTK_TYPE_LABEL, "No backups yet"));

  wait_until (is_mapped, prefs, "the preferences to be shown");
  save_screenshot (prefs, "preferences");
  backups_page = ui_template_child (prefs, PA_TYPE_PREFERENCES_WINDOW, "backups_page");
  adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (prefs),
                                           ADW_PREFERENCES_PAGE (backups_page));
  g_settings_set_string (settings, "backup-dir", "");
  save_screenshot (prefs, "preferences-backups");

  gtk_window_destroy (GTK_WINDOW (prefs));
  drain ();
  g_assert_finalize_object (prefs);
}

/* The interface language is kept in GSettings for the next start; the
 * reports' default languages in the store, for the CLI and the window. */
static void
test_preferences_language (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *chosen = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  GListModel *names;
  GtkWidget *prefs;
  AdwComboRow *interface;
  AdwComboRow *report;
  AdwComboRow *report2;
  guint french = G_MAXUINT;

  g_settings_set_string (settings, "interface-language", "ar");
  ui_fixture_show_window (f);
  activate (f->window, "app.preferences");
  prefs = GTK_WIDGET (find_toplevel (PA_TYPE_PREFERENCES_WINDOW));
  g_assert_nonnull (prefs);
  g_object_ref (prefs);
  interface = ADW_COMBO_ROW (ui_template_child (prefs, PA_TYPE_PREFERENCES_WINDOW, "interface_language_row"));
  report = ADW_COMBO_ROW (ui_template_child (prefs, PA_TYPE_PREFERENCES_WINDOW, "report_language_row"));
  report2 = ADW_COMBO_ROW (ui_template_child (prefs, PA_TYPE_PREFERENCES_WINDOW, "report_second_language_row"));

  /* Each language in its own name; what is stored is selected. */
  names = adw_combo_row_get_model (interface);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (names), 0), ==, "System default");
  for (guint i = 0; i < g_list_model_get_n_items (names); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (names), i), "Français") == 0)
      french = i;
  g_assert_cmpuint (french, !=, G_MAXUINT);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (names),
                                               adw_combo_row_get_selected (interface)),
                   ==, "العربية");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (interface)), ==,
                   "Applied when Passerelle starts again");

  adw_combo_row_set_selected (interface, french);
  chosen = g_settings_get_string (settings, "interface-language");
  g_assert_cmpstr (chosen, ==, "fr");
  g_clear_pointer (&chosen, g_free);
  adw_combo_row_set_selected (interface, 0);
  chosen = g_settings_get_string (settings, "interface-language");
  g_assert_cmpstr (chosen, ==, "");

  /* Reports: French until chosen; the second language may be none. */
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (adw_combo_row_get_model (report)),
                                               adw_combo_row_get_selected (report)),
                   ==, "French");
  g_assert_cmpuint (adw_combo_row_get_selected (report2), ==, 0);
  adw_combo_row_set_selected (report, 0);
  adw_combo_row_set_selected (report2, french);
  first = pa_store_get_setting (f->store, "report.language");
  second = pa_store_get_setting (f->store, "report.second-language");
  g_assert_cmpstr (first, ==, "en");
  g_assert_cmpstr (second, ==, "fr");
  g_clear_pointer (&second, g_free);
  adw_combo_row_set_selected (report2, 0);
  second = pa_store_get_setting (f->store, "report.second-language");
  g_assert_true (second == NULL || *second == '\0');

  adw_preferences_window_set_visible_page (
    ADW_PREFERENCES_WINDOW (prefs),
    ADW_PREFERENCES_PAGE (ui_template_child (prefs, PA_TYPE_PREFERENCES_WINDOW, "language_page")));
  wait_until (is_mapped, prefs, "the preferences to be shown");
  save_screenshot (prefs, "preferences-language");

  gtk_window_destroy (GTK_WINDOW (prefs));
  drain ();
  g_assert_finalize_object (prefs);
}

static void
test_about_and_shortcuts (Fixture       *f,
                          gconstpointer  data)
{
  GtkWindow *about;
  GtkWindow *shortcuts;
  g_auto (GStrv) accels = NULL;

  ui_fixture_show_window (f);
  activate (f->window, "app.about");
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
  activate (f->window, "win.show-help-overlay");
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
  g_assert_cmpstr (page (f->window, "main_stack"), ==, "welcome");
  uri = pa_help_uri (pa_window_get_help_page (f->window));
  g_assert_cmpstr (uri, ==, "help:passerelle/getting-started");
  id = add_case (f->store, "Amal", "Haddad", "SY");
  drain ();
  g_assert_cmpstr (page (f->window, "main_stack"), ==, "cases");
  select_id (f->window, id);
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
  g_assert_cmpstr (pa_case_get_given_name (selected (f->window)), ==, "Bohdan");
  wait_until (transition_done, leaflet, "the leaflet to settle");
  save_screenshot (f->window, "window-narrow-case");
  activate (f->window, "win.back");
  g_assert_true (adw_leaflet_get_visible_child (leaflet) == ui_window_child (f->window, "sidebar"));

  /* A new case opens straight away, ready for its name. */
  activate (f->window, "win.new-case");
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
  g_test_add ("/window/long-list", Fixture, NULL,
              ui_fixture_setup, test_long_list, ui_fixture_teardown);
  g_test_add ("/window/print-case-documents", Fixture, NULL,
              ui_fixture_setup, test_print_case_documents, ui_fixture_teardown);
  g_test_add ("/window/trash-and-undo", Fixture, NULL,
              ui_fixture_setup, test_trash_and_undo, ui_fixture_teardown);
  g_test_add ("/window/trash-restore-and-erase", Fixture, NULL,
              ui_fixture_setup, test_trash_restore_and_erase, ui_fixture_teardown);
  g_test_add ("/window/demo-centre", Fixture, NULL,
              ui_fixture_setup, test_demo_centre, ui_fixture_teardown);
  g_test_add ("/window/damaged-store-offers-backups", Fixture, NULL,
              ui_fixture_setup, test_damaged_store_offers_backups, ui_fixture_teardown);
  g_test_add ("/window/start-opens-centre-and-backs-up", Fixture, NULL,
              ui_fixture_setup, test_start_opens_centre_and_backs_up, ui_fixture_teardown);
  g_test_add ("/window/daily-check-finds-damage", Fixture, NULL,
              ui_fixture_setup, test_daily_check_finds_damage, ui_fixture_teardown);
  g_test_add ("/window/preferences", Fixture, NULL,
              ui_fixture_setup, test_preferences, ui_fixture_teardown);
  g_test_add ("/window/preferences-language", Fixture, NULL,
              ui_fixture_setup, test_preferences_language, ui_fixture_teardown);
  g_test_add ("/window/narrow-window-folds", Fixture, NULL,
              ui_fixture_setup, test_narrow_window_folds, ui_fixture_teardown);
  g_test_add ("/window/window-size-remembered", Fixture, NULL,
              ui_fixture_setup, test_window_size_remembered, ui_fixture_teardown);
  g_test_add ("/window/about-and-shortcuts", Fixture, NULL,
              ui_fixture_setup, test_about_and_shortcuts, ui_fixture_teardown);
  g_test_add ("/window/help-pages", Fixture, NULL,
              ui_fixture_setup, test_help_pages, ui_fixture_teardown);
  g_test_add ("/window/icon-buttons-are-named", Fixture, NULL,
              ui_fixture_setup, test_icon_buttons_are_named, ui_fixture_teardown);

  return ui_test_run ();
}
