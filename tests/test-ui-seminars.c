/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "pa-demo.h"
#include "pa-labour.h"
#include "pa-seminars-view.h"
#include "pa-statistics-view.h"
#include "pa-store-cases.h"
#include "pa-store-records.h"
#include "pa-test-utils.h"
#include "pa-ui-test-utils.h"

/* The Seminars and Statistics views as a trainer uses them: a seminar made
 * from the view's actions, participants found by typing part of a name,
 * attendance ticked from the keyboard, documents exported to PDF; and the
 * centre's anonymous statistics. */

static gboolean
views_settled (gpointer data)
{
  return !gtk_stack_get_transition_running (data);
}

static PaSeminarsView *
seminars_view (UiFixture *f)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.view", "s", "seminars"));
  wait_until (views_settled, ui_window_child (f->window, "views_stack"), "the seminars view");
  return PA_SEMINARS_VIEW (pa_window_get_view (f->window, "seminars"));
}

static PaStatisticsView *
statistics_view (UiFixture *f)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.view", "s", "statistics"));
  wait_until (views_settled, ui_window_child (f->window, "views_stack"), "the statistics view");
  return PA_STATISTICS_VIEW (pa_window_get_view (f->window, "statistics"));
}

static GtkWidget *
child (PaSeminarsView *view,
       const char     *name)
{
  return ui_template_child (view, PA_TYPE_SEMINARS_VIEW, name);
}

static void
type_and_apply (GtkWidget  *row,
                const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_signal_emit_by_name (row, "apply");
}

static gboolean
seminars_idle (gpointer data)
{
  return !pa_seminars_view_is_busy (data);
}

static gboolean
statistics_ready (gpointer data)
{
  return pa_statistics_view_get_statistics (data) != NULL && !pa_statistics_view_is_busy (data);
}

/* Presses @keyval on the attendance grid as the keyboard would. */
static void
press_on_grid (PaSeminarsView *view,
               guint           keyval)
{
  GtkWidget *grid = child (view, "attendance_grid");
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (grid);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr (GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, 0, &handled);
    }
  g_assert_true (handled);
}

static GtkWidget *
focus_of (UiFixture *f)
{
  return gtk_root_get_focus (GTK_ROOT (f->window));
}

static gboolean
is_visible (gpointer widget)
{
  return gtk_widget_get_visible (widget);
}

/* pdftotext's text of @path, or NULL (with a message) without pdftotext. */
static char *
pdf_text (const char *path)
{
  g_autofree char *tool = g_find_program_in_path ("pdftotext");
  g_autofree char *out = NULL;
  g_autoptr (GError) error = NULL;
  int status = 0;
  const char *argv[] = { "pdftotext", "-layout", path, "-", NULL };

  if (tool == NULL)
    {
      g_test_message ("pdftotext is missing: the PDF's text is not checked");
      return NULL;
    }
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_steal_pointer (&out);
}

static void
test_seminar_from_the_view (UiFixture     *f,
                            gconstpointer  data)
{
  gint64 amal = add_case (f->store, "Amal", "Haddad", "SY");
  gint64 bashir = add_case (f->store, "Bashir", "Rahimi", "AF");
  gint64 chantal = add_case (f->store, "Chantal", "Mukendi", "CD");
  PaSeminarsView *view;
  g_autoptr (PaSeminar) stored = NULL;
  g_autoptr (GArray) people = NULL;
  g_autoptr (GPtrArray) sessions = NULL;
  g_autoptr (GPtrArray) attendance = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  GtkWidget *cell, *next, *popover, *matches;
  gint64 id, first, second;

  ui_fixture_show_window (f);
  view = seminars_view (f);
  g_assert_nonnull (find_widget (GTK_WIDGET (view), GTK_TYPE_LABEL, "No Seminars"));

  /* New Seminar makes one and shows it, ready to be named. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "seminars.new", NULL));
  id = pa_seminars_view_get_seminar_id (view);
  g_assert_cmpint (id, >, 0);
  type_and_apply (child (view, "title_row"), "Atelier CV et entretien");
  type_and_apply (child (view, "location_row"), "Liège, salle 2");
  adw_combo_row_set_selected (ADW_COMBO_ROW (child (view, "theme_row")), 3);

  /* A date that is not one is refused where it was typed; nothing changes. */
  type_and_apply (child (view, "start_row"), "2025-13-45");
  g_assert_true (gtk_widget_get_visible (child (view, "seminar_error")));
  g_assert_true (gtk_widget_has_css_class (child (view, "start_row"), "error"));
  type_and_apply (child (view, "start_row"), "2025-10-06");
  g_assert_false (gtk_widget_get_visible (child (view, "seminar_error")));
  type_and_apply (child (view, "end_row"), "2025-10-31");

  stored = pa_store_seminar_get (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stored->title, ==, "Atelier CV et entretien");
  g_assert_cmpstr (stored->location, ==, "Liège, salle 2");
  g_assert_cmpstr (stored->theme, ==, "employability_cv");
  g_assert_cmpstr (stored->start_date, ==, "2025-10-06");
  g_assert_cmpstr (stored->end_date, ==, "2025-10-31");
  g_assert_nonnull (find_widget (child (view, "seminar_list"), GTK_TYPE_LABEL,
                                 "Atelier CV et entretien"));

  /* Participants: part of a name offers the case; Enter adds it. */
  popover = child (view, "match_popover");
  matches = child (view, "match_list");
  gtk_editable_set_text (GTK_EDITABLE (child (view, "add_participant_row")), "Amal");
  wait_until (is_visible, popover, "the matching cases");
  g_assert_nonnull (find_widget (matches, GTK_TYPE_LABEL, "Amal Haddad"));
  g_assert_null (find_widget (matches, GTK_TYPE_LABEL, "Chantal"));
  g_signal_emit_by_name (child (view, "add_participant_row"), "entry-activated");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (view, "add_participant_row"))), ==, "");
  gtk_editable_set_text (GTK_EDITABLE (child (view, "add_participant_row")), "rahim");
  wait_until (is_visible, popover, "the matching cases");
  g_assert_nonnull (find_widget (matches, GTK_TYPE_LABEL, "Bashir Rahimi"));
  g_signal_emit_by_name (child (view, "add_participant_row"), "entry-activated");
  /* Someone already in the seminar is not offered again. */
  gtk_editable_set_text (GTK_EDITABLE (child (view, "add_participant_row")), "Amal");
  g_assert_null (find_widget (matches, GTK_TYPE_LABEL, "Amal Haddad"));
  gtk_editable_set_text (GTK_EDITABLE (child (view, "add_participant_row")), "");

  people = pa_store_seminar_list_participants (f->store, id, &error);
  g_assert_cmpuint (people->len, ==, 2);
  g_assert_cmpint (g_array_index (people, gint64, 0), ==, amal);
  g_assert_cmpint (g_array_index (people, gint64, 1), ==, bashir);
  g_assert_nonnull (find_widget (child (view, "participants_group"), GTK_TYPE_LABEL, "Bashir Rahimi"));
  (void) chantal;

  /* Two sessions: the first on the seminar's first day, the next a week on. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "seminars.add-session", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "seminars.add-session", NULL));
  sessions = pa_store_seminar_session_list (f->store, id, &error);
  g_assert_cmpuint (sessions->len, ==, 2);
  first = ((PaSeminarSession *) g_ptr_array_index (sessions, 0))->id;
  second = ((PaSeminarSession *) g_ptr_array_index (sessions, 1))->id;
  g_assert_cmpstr (((PaSeminarSession *) g_ptr_array_index (sessions, 0))->held_on, ==, "2025-10-06");
  g_assert_cmpstr (((PaSeminarSession *) g_ptr_array_index (sessions, 1))->held_on, ==, "2025-10-13");

  /* The grid: arrows move between the boxes, Space (activate) ticks, and
   * each tick is stored at once. */
  cell = pa_seminars_view_get_attendance_cell (view, amal, first);
  g_assert_nonnull (cell);
  g_assert_true (gtk_widget_grab_focus (cell));
  press_on_grid (view, GDK_KEY_Right);
  next = pa_seminars_view_get_attendance_cell (view, amal, second);
  g_assert_true (focus_of (f) == next);
  press_on_grid (view, GDK_KEY_Down);
  g_assert_true (focus_of (f) == pa_seminars_view_get_attendance_cell (view, bashir, second));
  press_on_grid (view, GDK_KEY_Left);
  g_assert_true (focus_of (f) == pa_seminars_view_get_attendance_cell (view, bashir, first));
  g_assert_true (gtk_widget_activate (focus_of (f)));
  press_on_grid (view, GDK_KEY_Up);
  g_assert_true (focus_of (f) == cell);
  g_assert_true (gtk_widget_activate (cell));
  g_assert_true (gtk_widget_activate (cell));   /* ticked by mistake: untick */

  attendance = pa_store_attendance_list (f->store, first, &error);
  g_assert_cmpuint (attendance->len, ==, 2);
  for (guint i = 0; i < attendance->len; i++)
    {
      PaAttendance *a = g_ptr_array_index (attendance, i);
      g_assert_true (a->case_id == amal ? !a->present : a->present);
    }
  g_clear_pointer (&attendance, g_ptr_array_unref);
  attendance = pa_store_attendance_list (f->store, second, &error);
  g_assert_cmpuint (attendance->len, ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (ui_window_child (f->window, "views_stack"))),
                   ==, "seminars");
  save_screenshot (f->window, "seminars-new");

  /* The attendance sheet, exported as the Export button does. */
  pdf = g_build_filename (f->dir, "attendance.pdf", NULL);
  pa_seminars_view_export (view, FALSE, pdf);
  g_assert_true (pa_seminars_view_is_busy (view));
  wait_until (seminars_idle, view, "the attendance sheet");
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
  text = pdf_text (pdf);
  if (text != NULL)
    {
      g_assert_nonnull (strstr (text, "Haddad"));
      g_assert_nonnull (strstr (text, "Rahimi"));
      g_assert_null (strstr (text, "Mukendi"));
    }

  /* No one has certified competences: no certificate file, and words that say why. */
  g_clear_pointer (&pdf, g_free);
  pdf = g_build_filename (f->dir, "certificates.pdf", NULL);
  pa_seminars_view_export (view, TRUE, pdf);
  wait_until (seminars_idle, view, "the certificates");
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  g_assert_nonnull (find_widget (GTK_WIDGET (f->window), GTK_TYPE_LABEL, "certified competence yet"));
}


static void
test_remove_and_undo (UiFixture     *f,
                      gconstpointer  data)
{
  g_autoptr (PaSeminar) seminar = pa_seminar_new ();
  g_autoptr (PaSeminarSession) session = pa_seminar_session_new ();
  g_autoptr (GArray) people = NULL;
  g_autoptr (GPtrArray) attendance = NULL;
  g_autoptr (GError) error = NULL;
  gint64 amal = add_case (f->store, "Amal", "Haddad", "SY");
  PaSeminarsView *view;
  GtkWidget *button, *undo;

  seminar->title = g_strdup ("Compétences numériques");
  g_assert_true (pa_store_seminar_add (f->store, seminar, &error));
  g_assert_true (pa_store_seminar_add_participant (f->store, seminar->id, amal, &error));
  session->seminar_id = seminar->id;
  session->held_on = g_strdup ("2025-11-03");
  g_assert_true (pa_store_seminar_session_add (f->store, session, &error));
  g_assert_true (pa_store_attendance_set (f->store, session->id, amal, TRUE, &error));
  g_assert_no_error (error);

  {
    g_autoptr (PaModule) module = pa_module_new ();

    module->code = g_strdup ("DIG-01");
    module->title = g_strdup ("Chercher un emploi en ligne");
    module->theme = g_strdup ("digital");
    g_assert_true (pa_store_module_save (f->store, module, &error));
    g_assert_no_error (error);
  }

  ui_fixture_show_window (f);
  view = seminars_view (f);
  g_assert_cmpint (pa_seminars_view_get_seminar_id (view), ==, seminar->id);

  /* The modules a session covered are ticked from the catalogue's list. */
  {
    GtkWidget *check = find_widget (child (view, "sessions_group"), GTK_TYPE_CHECK_BUTTON, NULL);
    g_autoptr (GArray) covered = NULL;

    /* the list lives in a popover: look for it there */
    if (check == NULL)
      {
        GtkWidget *menu = find_widget (child (view, "sessions_group"), GTK_TYPE_MENU_BUTTON, NULL);

        g_assert_nonnull (menu);
        check = gtk_widget_get_first_child (
          gtk_popover_get_child (gtk_menu_button_get_popover (GTK_MENU_BUTTON (menu))));
      }
    g_assert_true (GTK_IS_CHECK_BUTTON (check));
    gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
    covered = pa_store_seminar_session_get_modules (f->store, session->id, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (covered->len, ==, 1);
    g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row_titled (child (view, "sessions_group"),
                                                                              ADW_TYPE_PREFERENCES_ROW,
                                                                              "Modules Covered"))),
                     ==, "Chercher un emploi en ligne");
  }
  g_assert_true (gtk_check_button_get_active (
    GTK_CHECK_BUTTON (pa_seminars_view_get_attendance_cell (view, amal, session->id))));

  /* Removing a participant is undone from the toast, attendance included. */
  button = find_widget (child (view, "participants_group"), GTK_TYPE_BUTTON, NULL);
  g_assert_nonnull (button);
  click (button);
  people = pa_store_seminar_list_participants (f->store, seminar->id, &error);
  g_assert_cmpuint (people->len, ==, 0);
  undo = find_widget (GTK_WIDGET (f->window), GTK_TYPE_BUTTON, "Undo");
  g_assert_nonnull (undo);
  click (undo);
  drain ();
  g_clear_pointer (&people, g_array_unref);
  people = pa_store_seminar_list_participants (f->store, seminar->id, &error);
  g_assert_cmpuint (people->len, ==, 1);
  attendance = pa_store_attendance_list_for_case (f->store, amal, &error);
  g_assert_cmpuint (attendance->len, ==, 1);
  g_assert_true (((PaAttendance *) g_ptr_array_index (attendance, 0))->present);

  /* Deleting the seminar asks first; Cancel keeps it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "seminars.delete", NULL));
  {
    GtkWidget *dialog = wait_for_dialog ();
    adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
    gtk_window_destroy (GTK_WINDOW (dialog));
  }
  g_clear_pointer (&seminar, pa_seminar_free);
  seminar = pa_store_seminar_get (f->store, pa_seminars_view_get_seminar_id (view), &error);
  g_assert_nonnull (seminar);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "seminars.delete", NULL));
  {
    GtkWidget *dialog = wait_for_dialog ();
    adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "delete");
    gtk_window_destroy (GTK_WINDOW (dialog));
  }
  g_assert_null (pa_store_seminar_get (f->store, seminar->id, &error));
  g_clear_error (&error);
  g_assert_cmpint (pa_seminars_view_get_seminar_id (view), ==, 0);
  g_assert_nonnull (pa_store_case_get (f->store, amal, NULL));
}

static gboolean
overview_drawn (gpointer data)
{
  GtkWindow *window = find_toplevel (ADW_TYPE_WINDOW);

  return window != NULL && find_widget (GTK_WIDGET (window), GTK_TYPE_LABEL, "participants") != NULL;
}

static const char *
suffix (void)
{
  AdwStyleManager *style = adw_style_manager_get_default ();

  if (gtk_widget_get_default_direction () == GTK_TEXT_DIR_RTL)
    return "-rtl";
  return adw_style_manager_get_dark (style) ? "-dark" : "";
}

static void
test_demo_seminar (UiFixture     *f,
                   gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) people = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  g_autofree char *name = NULL;
  PaSeminarsView *view;
  GtkWindow *overview;
  gint64 id;
  guint named = 0;

  g_assert_true (pa_demo_fill (f->store, &error));
  g_assert_no_error (error);
  ui_fixture_show_window (f);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1200, 900);
  view = seminars_view (f);
  id = pa_seminars_view_get_seminar_id (view);
  g_assert_cmpint (id, >, 0);
  people = pa_store_seminar_list_participants (f->store, id, &error);
  g_assert_cmpuint (people->len, >, 2);
  /* Every participant has a row of boxes, one a session. */
  {
    g_autoptr (GPtrArray) sessions = pa_store_seminar_session_list (f->store, id, &error);

    g_assert_cmpuint (sessions->len, >, 1);
    for (guint i = 0; i < people->len; i++)
      for (guint j = 0; j < sessions->len; j++)
        g_assert_nonnull (pa_seminars_view_get_attendance_cell (
          view, g_array_index (people, gint64, i),
          ((PaSeminarSession *) g_ptr_array_index (sessions, j))->id));
  }
  name = g_strdup_printf ("seminars%s", suffix ());
  save_screenshot (f->window, name);
  {
    GtkWidget *scroll = child (view, "detail_scroll");
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroll));

    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
    drain ();
    g_free (name);
    name = g_strdup_printf ("seminars-attendance%s", suffix ());
    save_screenshot (f->window, name);
  }

  /* The group overview opens in its own window, with its charts. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "seminars.overview", NULL));
  wait_until (overview_drawn, NULL, "the group overview");
  overview = find_toplevel (ADW_TYPE_WINDOW);
  g_free (name);
  name = g_strdup_printf ("seminars-overview%s", suffix ());
  save_screenshot (overview, name);
  gtk_window_destroy (overview);

  /* The batch of certificates, one page per certified participant. */
  pdf = g_build_filename (f->dir, "certificates.pdf", NULL);
  pa_seminars_view_export (view, TRUE, pdf);
  wait_until (seminars_idle, view, "the certificates");
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
  text = pdf_text (pdf);
  if (text != NULL)
    for (guint i = 0; i < people->len; i++)
      {
        g_autoptr (PaCase) kase = pa_store_case_get (f->store, g_array_index (people, gint64, i), NULL);
        named += strstr (text, pa_case_get_family_name (kase)) != NULL;
      }
  if (text != NULL)
    g_assert_cmpuint (named, >, 0);
  if (g_getenv ("PASSERELLE_KEEP_PDF") != NULL)
    {
      g_autoptr (GFile) from = g_file_new_for_path (pdf);
      g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "artifacts", NULL);
      g_autofree char *to_path = g_build_filename (dir, "seminar-certificates.pdf", NULL);
      g_autoptr (GFile) to = g_file_new_for_path (to_path);

      g_assert_true (g_file_copy (from, to, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, NULL));
    }

  /* Cancelled at once: nothing is written. */
  g_remove (pdf);
  pa_seminars_view_export (view, TRUE, pdf);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "seminars.cancel", NULL));
  wait_until (seminars_idle, view, "the cancelled certificates");
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
}

/* Every text a widget under @widget shows: labels, row titles, entries. */
static void
collect_text (GtkWidget *widget,
              GString   *text)
{
  if (GTK_IS_LABEL (widget))
    g_string_append_printf (text, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));
  if (ADW_IS_PREFERENCES_ROW (widget))
    g_string_append_printf (text, "%s\n", adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)));
  if (GTK_IS_EDITABLE (widget))
    g_string_append_printf (text, "%s\n", gtk_editable_get_text (GTK_EDITABLE (widget)));
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    collect_text (c, text);
}

static void
test_statistics (UiFixture     *f,
                 gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) cases = NULL;
  g_autoptr (GString) shown = g_string_new (NULL);
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  g_autofree char *name = NULL;
  const PaStatistics *stats;
  PaStatisticsView *view;

  g_assert_true (pa_demo_fill (f->store, &error));
  cases = pa_store_case_list (f->store, NULL, PA_CASE_FILTER_ACTIVE, &error);
  g_assert_no_error (error);
  ui_fixture_show_window (f);
  view = statistics_view (f);
  wait_until (statistics_ready, view, "the statistics");
  stats = pa_statistics_view_get_statistics (view);
  g_assert_cmpuint (stats->n_participants, ==, cases->len);
  /* Twelve participants from twelve countries: no country of fewer than
   * five is named apart. */
  g_assert_cmpuint (stats->by_country->len, ==, 1);
  g_assert_cmpuint (((PaStatCount *) g_ptr_array_index (stats->by_country, 0))->count, ==,
                    cases->len);
  g_assert_cmpuint (stats->claims_by_stage[1] + stats->claims_by_stage[2] +
                    stats->claims_by_stage[3] + stats->claims_by_stage[4], >, 0);
  g_assert_nonnull (find_widget (GTK_WIDGET (view), GTK_TYPE_LABEL, "By Country of Origin"));
  name = g_strdup_printf ("statistics%s", suffix ());
  save_screenshot (f->window, name);

  /* Anonymous: no name or case code anywhere in the view. */
  collect_text (GTK_WIDGET (view), shown);
  {
    g_autofree char *count = g_strdup_printf ("%u", cases->len);
    g_assert_nonnull (strstr (shown->str, count));
  }
  for (guint i = 0; i < cases->len; i++)
    {
      PaCase *kase = g_ptr_array_index (cases, i);

      g_assert_null (strstr (shown->str, pa_case_get_family_name (kase)));
      g_assert_null (strstr (shown->str, pa_case_get_code (kase)));
    }

  /* A period before the centre opened has no one in it. */
  type_and_apply (ui_template_child (view, PA_TYPE_STATISTICS_VIEW, "from_row"), "1990-01-01");
  type_and_apply (ui_template_child (view, PA_TYPE_STATISTICS_VIEW, "to_row"), "1990-12-31");
  wait_until (statistics_ready, view, "the statistics of 1990");
  g_assert_cmpuint (pa_statistics_view_get_statistics (view)->n_participants, ==, 0);
  /* A period that ends before it starts is refused in words. */
  type_and_apply (ui_template_child (view, PA_TYPE_STATISTICS_VIEW, "from_row"), "1991-01-01");
  g_assert_true (gtk_widget_get_visible (ui_template_child (view, PA_TYPE_STATISTICS_VIEW,
                                                            "period_error")));
  adw_combo_row_set_selected (ADW_COMBO_ROW (ui_template_child (view, PA_TYPE_STATISTICS_VIEW,
                                                                "preset_row")), 3);
  wait_until (statistics_ready, view, "the statistics of all time");
  g_assert_cmpuint (pa_statistics_view_get_statistics (view)->n_participants, ==, cases->len);

  pdf = g_build_filename (f->dir, "statistics.pdf", NULL);
  pa_statistics_view_export (view, pdf);
  wait_until (statistics_ready, view, "the statistics PDF");
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
  text = pdf_text (pdf);
  for (guint i = 0; text != NULL && i < cases->len; i++)
    g_assert_null (strstr (text, pa_case_get_family_name (g_ptr_array_index (cases, i))));
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  if (g_getenv ("PASSERELLE_DARK") != NULL)
    adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  /* Screenshots right to left (with LANGUAGE=ar for the Arabic interface). */
  if (g_getenv ("PASSERELLE_RTL") != NULL)
    gtk_widget_set_default_direction (GTK_TEXT_DIR_RTL);

  g_test_add ("/seminars/from-the-view", UiFixture, NULL,
              ui_fixture_setup, test_seminar_from_the_view, ui_fixture_teardown);
  g_test_add ("/seminars/remove-and-undo", UiFixture, NULL,
              ui_fixture_setup, test_remove_and_undo, ui_fixture_teardown);
  g_test_add ("/seminars/demo", UiFixture, NULL,
              ui_fixture_setup, test_demo_seminar, ui_fixture_teardown);
  g_test_add ("/statistics/demo", UiFixture, NULL,
              ui_fixture_setup, test_statistics, ui_fixture_teardown);

  return ui_test_run ();
}
