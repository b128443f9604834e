/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "pa-application.h"
#include "pa-backup.h"
#include "pa-case-row.h"
#include "pa-certificates-group.h"
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

/* The window and the centre: opening it at start, its daily check and
 * backup, a damaged store, the demo centre, long lists, the preferences
 * and printing a case's documents.
 * (A test program of its own: GLib leaks its first quark table on purpose
 * once a process makes more than 2048 quarks, which LeakSanitizer reports;
 * see ui_test_run ().) */

#define app (ui_test_app ())

typedef UiFixture Fixture;

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

  return ui_n_listed (window) == 1000;
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
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (ui_list_model (f->window)), 999);
  last = ui_selected (f->window);
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
  g_autofree char *fresh = g_build_filename (f->dir, "certificate-new.pdf", NULL);
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
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (ui_list_model (f->window)),
                                     GTK_INVALID_LIST_POSITION);
  pa_window_export_case (f->window, "portfolio", none);
  drain ();
  g_assert_false (g_file_test (none, G_FILE_TEST_EXISTS));

  ui_select_id (f->window, uncertified);
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
  ui_select_id (f->window, certified);
  g_assert_nonnull (gtk_menu_button_get_menu_model (
                      GTK_MENU_BUTTON (ui_window_child (f->window, "print_button"))));
  save_screenshot (f->window, "case-print-button");
  wait.text = "certificate.pdf";
  pa_window_export_case (f->window, "certificate", certificate);
  wait_until (toast_says, &wait, "the certificate to be written");
  text = pa_test_run ("pdftotext", certificate, "-", NULL);
  g_assert_cmpuint (pa_test_count_arabic (text), >, 0);
  g_clear_pointer (&text, g_free);
  wait.text = "again.pdf";
  pa_window_export_case (f->window, "certificate", again);
  wait_until (toast_says, &wait, "the certificate to be written again");
  issued = pa_store_certificate_list_for_case (f->store, certified, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (issued->len, ==, 1);

  /* The Competences section lists it; revoking asks for a reason. */
  {
    PaCaseView *pane = PA_CASE_VIEW (ui_window_child (f->window, "case_pane"));
    PaIssuedCertificate *first = g_ptr_array_index (issued, 0);
    g_autoptr (PaIssuedCertificate) after = NULL;
    g_autoptr (GPtrArray) now = NULL;
    GtkWidget *page;
    GtkWidget *group;
    GtkWidget *dialog;

    pa_case_view_show_section (pane, "competences");
    page = pa_case_view_get_page (pane, "competences");
    drain ();
    group = find_widget (page, PA_TYPE_CERTIFICATES_GROUP, NULL);
    g_assert_nonnull (group);
    g_assert_true (gtk_widget_get_visible (group));
    g_assert_cmpuint (pa_certificates_group_get_n_certificates (PA_CERTIFICATES_GROUP (group)), ==,
                      1);
    g_assert_nonnull (find_widget (group, GTK_TYPE_LABEL, first->number));
    dialog = pa_certificates_group_revoke (PA_CERTIFICATES_GROUP (group), first->number);
    g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog),
                                                             "revoke"));
    gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (
                             ADW_MESSAGE_DIALOG (dialog))), "Issued to the wrong person");
    g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog),
                                                            "revoke"));
    adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "revoke");
    drain ();
    after = pa_store_certificate_get (f->store, first->number, &error);
    g_assert_no_error (error);
    g_assert_nonnull (after->revoked_on);
    g_assert_cmpstr (after->revoked_reason, ==, "Issued to the wrong person");
    g_assert_nonnull (find_widget (group, GTK_TYPE_LABEL, "Revoked on"));
    {
      GtkWidget *scrolled = gtk_widget_get_ancestor (group, GTK_TYPE_SCROLLED_WINDOW);
      GtkAdjustment *adjustment =
        gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));

      drain ();
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
      save_screenshot (f->window, "case-certificates");
      /* Looked at in dark and right to left too. */
      adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                          ADW_COLOR_SCHEME_FORCE_DARK);
      save_screenshot (f->window, "case-certificates-dark");
      adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                          ADW_COLOR_SCHEME_DEFAULT);
      gtk_widget_set_default_direction (GTK_TEXT_DIR_RTL);
      save_screenshot (f->window, "case-certificates-rtl");
      gtk_widget_set_default_direction (GTK_TEXT_DIR_LTR);
    }

    /* The next certificate printed from the case is a new one. */
    wait.text = "certificate-new.pdf";
    pa_window_export_case (f->window, "certificate", fresh);
    wait_until (toast_says, &wait, "a new certificate to be written");
    now = pa_store_certificate_list_for_case (f->store, certified, &error);
    g_assert_cmpuint (now->len, ==, 2);
  }
}

static void
test_demo_centre (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *demo_path = pa_store_demo_path ();
  GObject *title;
  g_autofree char *subtitle = NULL;

  ui_fixture_show_window (f);
  g_assert_cmpstr (ui_page (f->window, "main_stack"), ==, "welcome");
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "open-centre"));

  click (ui_window_child (f->window, "explore_demo_button"));
  g_assert_true (pa_window_get_demo (f->window));
  g_assert_cmpstr (pa_store_get_path (pa_window_get_store (f->window)), ==, demo_path);
  g_assert_cmpstr (ui_page (f->window, "main_stack"), ==, "cases");
  g_assert_cmpuint (ui_n_listed (f->window), >=, 5);
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

  ui_activate (f->window, "app.open-centre");
  g_assert_false (pa_window_get_demo (f->window));
  g_assert_cmpstr (pa_store_get_path (pa_window_get_store (f->window)), ==, f->path);
  g_assert_cmpstr (ui_page (f->window, "main_stack"), ==, "welcome");
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

  g_assert_cmpstr (ui_page (f->window, "main_stack"), ==, "error");
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
  g_assert_cmpstr (ui_page (f->window, "main_stack"), ==, "error");
  g_assert_true (gtk_widget_get_visible (ui_window_child (f->window, "restore_error_box")));
  problem = gtk_label_get_text (GTK_LABEL (ui_window_child (f->window, "restore_error_label")));
  g_assert_true (strstr (problem, "cannot be restored") || strstr (problem, "not a Passerelle backup"));

  /* The older one is put in place; the damaged file is kept aside. */
  button = gtk_widget_get_next_sibling (gtk_widget_get_first_child (list));
  g_assert_nonnull (button);
  button = find_widget (button, GTK_TYPE_BUTTON, "_Restore This Backup");
  click (button);
  g_assert_cmpstr (ui_page (f->window, "main_stack"), ==, "cases");
  g_assert_cmpuint (ui_n_listed (f->window), ==, 2);
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
  g_assert_cmpuint (ui_n_listed (f->window), ==, 1);
  /* No case opens by itself: on a projector, nobody's details show before
   * the trainer chooses whose; the keyboard is in the list. */
  g_assert_null (ui_selected (f->window));
  g_assert_cmpstr (ui_page (f->window, "content_stack"), ==, "none");
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
  ui_activate (f->window, "app.open-demo");
  ui_activate (f->window, "app.open-centre");
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
  g_assert_cmpstr (ui_page (f->window, "main_stack"), ==, "cases");
  g_assert_cmpuint (ui_n_listed (f->window), ==, 1);

  wait_until (backup_done, NULL, "the daily check and backup");
  drain ();
  g_assert_cmpstr (ui_page (f->window, "main_stack"), ==, "error");
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
  ui_activate (f->window, "app.preferences");
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
  ui_activate (f->window, "app.preferences");
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

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add ("/window-centre/long-list", Fixture, NULL,
              ui_fixture_setup, test_long_list, ui_fixture_teardown);
  g_test_add ("/window-centre/print-case-documents", Fixture, NULL,
              ui_fixture_setup, test_print_case_documents, ui_fixture_teardown);
  g_test_add ("/window-centre/demo-centre", Fixture, NULL,
              ui_fixture_setup, test_demo_centre, ui_fixture_teardown);
  g_test_add ("/window-centre/damaged-store-offers-backups", Fixture, NULL,
              ui_fixture_setup, test_damaged_store_offers_backups, ui_fixture_teardown);
  g_test_add ("/window-centre/start-opens-centre-and-backs-up", Fixture, NULL,
              ui_fixture_setup, test_start_opens_centre_and_backs_up, ui_fixture_teardown);
  g_test_add ("/window-centre/daily-check-finds-damage", Fixture, NULL,
              ui_fixture_setup, test_daily_check_finds_damage, ui_fixture_teardown);
  g_test_add ("/window-centre/preferences", Fixture, NULL,
              ui_fixture_setup, test_preferences, ui_fixture_teardown);
  g_test_add ("/window-centre/preferences-language", Fixture, NULL,
              ui_fixture_setup, test_preferences_language, ui_fixture_teardown);

  return ui_test_run ();
}
