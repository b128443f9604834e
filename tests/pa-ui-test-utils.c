/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "pa-store-cases.h"
#include "pa-ui-test-utils.h"

/* What the interface tests share: waiting for the main loop, finding the
 * widgets a trainer would see, clicking, and saving screenshots for people
 * to look at. */

static gboolean
give_up_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until @condition holds; fails the test if it never does.
 * The bound is generous: it only stops a broken test from hanging. */
void
wait_until (Condition  condition,
            gpointer   data,
            const char *what)
{
  gboolean gave_up = FALSE;
  guint id = g_timeout_add_seconds (20, give_up_cb, &gave_up);

  while (!condition (data) && !gave_up)
    g_main_context_iteration (NULL, TRUE);
  if (gave_up)
    g_error ("Gave up waiting for %s", what);
  g_source_remove (id);
}

void
drain (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* The first visible widget under @root of @type whose label (or,
 * for a label, text) is @text. */
GtkWidget *
find_widget (GtkWidget  *root,
             GType       type,
             const char *text)
{
  if (!gtk_widget_get_visible (root))
    return NULL;
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    {
      const char *label = NULL;

      if (GTK_IS_LABEL (root))
        label = gtk_label_get_text (GTK_LABEL (root));
      else if (GTK_IS_BUTTON (root))
        label = gtk_button_get_label (GTK_BUTTON (root));
      if (text == NULL || (label != NULL && strstr (label, text) != NULL))
        return root;
    }
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_widget (c, type, text);
      if (found != NULL)
        return found;
    }
  return NULL;
}

guint
count_children (GtkWidget *widget)
{
  guint n = 0;

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    n++;
  return n;
}

GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) window = g_list_model_get_item (toplevels, i);
      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return GTK_WINDOW (window);
    }
  return NULL;
}

gboolean
is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data) && gtk_widget_get_width (data) > 0;
}

/* What a click does (gtk_widget_activate () would wait for the pressed look).
 * Like activate (), it does not run the main loop: what the window does in
 * answer is done on return, and a toast checked right after cannot have
 * timed out on a slow machine. */
void
click (GtkWidget *button)
{
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

/* Saves what the window looks like, for people to look at (not compared). */
void
save_screenshot (gpointer    window,
                 const char *name)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "artifacts", NULL);
  g_autofree char *file = g_strconcat (name, ".png", NULL);
  g_autofree char *path = g_build_filename (dir, file, NULL);
  g_autoptr (GdkPaintable) paintable = NULL;
  g_autoptr (GtkSnapshot) snapshot = NULL;
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  int width = gtk_widget_get_width (GTK_WIDGET (window));
  int height = gtk_widget_get_height (GTK_WIDGET (window));

  paintable = gtk_widget_paintable_new (GTK_WIDGET (window));
  /* A busy machine may not have laid the window out yet: give it frames. */
  for (guint attempt = 0; node == NULL && attempt < 100; attempt++)
    {
      drain ();
      snapshot = gtk_snapshot_new ();
      gdk_paintable_snapshot (paintable, snapshot, width, height);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
      if (node == NULL)
        g_usleep (20 * G_TIME_SPAN_MILLISECOND);
    }
  if (node == NULL)
    {
      g_test_message ("No screenshot %s: the window drew nothing", name);
      return;
    }
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("Screenshot: %s", path);
}

GtkWidget *
wait_for_dialog (void)
{
  GtkWindow *dialog;

  drain ();
  dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  return GTK_WIDGET (dialog);
}

gint64
add_case (PaStore    *store,
          const char *given,
          const char *family,
          const char *origin)
{
  g_autoptr (PaCase) kase = pa_case_new ();
  g_autoptr (GError) error = NULL;

  pa_case_set_given_name (kase, given);
  pa_case_set_family_name (kase, family);
  pa_case_set_origin_country (kase, origin);
  g_assert_true (pa_store_case_create (store, kase, &error));
  g_assert_no_error (error);
  return pa_case_get_id (kase);
}

GtkWidget *
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

/* Application and fixtures */

#include "pa-test-utils.h"

static PaApplication *test_app;
/* Kept to the end: GTK holds the session connection for the life of the process. */
static GTestDBus *test_bus;
static char *test_data_home;

void
ui_test_init (int    *argc,
              char ***argv)
{
  g_autofree char *display = NULL;
  g_autoptr (GError) error = NULL;

  /* The user's own data and session must never be touched. */
  test_data_home = pa_test_make_tmpdir ();
  g_setenv ("XDG_DATA_HOME", test_data_home, TRUE);
  g_setenv ("XDG_CONFIG_HOME", test_data_home, TRUE);
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  /* A private session bus; starting it unsets DISPLAY, which GTK needs. */
  display = g_strdup (g_getenv ("DISPLAY"));
  test_bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (test_bus);
  if (display != NULL)
    g_setenv ("DISPLAY", display, TRUE);

  gtk_test_init (argc, argv, NULL);
  adw_init ();
  pa_application_setup_i18n ();

  test_app = pa_application_new ();
  g_assert_true (g_application_register (G_APPLICATION (test_app), NULL, &error));
  g_assert_no_error (error);
}

PaApplication *
ui_test_app (void)
{
  return test_app;
}

int
ui_test_run (void)
{
  int status = g_test_run ();
  GQuark probe = g_quark_from_static_string ("pa-ui-test-quark-probe");

  /* Past 2048 quarks, GLib replaces its first quark table and leaks the old
   * one on purpose; LeakSanitizer then fails the program with a stack that
   * names no culprit. Say it plainly, in every build: split the program. */
  if (probe > 2048)
    {
      g_printerr ("This test program made %u GLib quarks, more than 2048: move some of its "
                  "tests to another program (see tests/test-window-centre.c).\n", probe);
      status = 1;
    }

  g_clear_object (&test_app);
  /* Not g_test_dbus_down (): it would wait for the connection GTK keeps. */
  g_test_dbus_stop (test_bus);
  pa_test_remove_tree (test_data_home);
  g_clear_pointer (&test_data_home, g_free);
  return status;
}

static gboolean
backup_finished (gpointer data)
{
  gboolean busy;

  g_object_get (test_app, "backing-up", &busy, NULL);
  return !busy;
}

void
ui_fixture_setup (UiFixture     *f,
                  gconstpointer  data)
{
  g_autoptr (GError) error = NULL;

  f->dir = pa_test_make_tmpdir ();
  f->path = g_build_filename (f->dir, "centre.db", NULL);
  f->store = pa_store_open (f->path, &error);
  g_assert_no_error (error);
  pa_application_set_centre_path (test_app, f->path);
}

void
ui_fixture_show_window (UiFixture *f)
{
  f->window = g_object_ref (pa_window_new (test_app));
  pa_window_set_store (f->window, f->store, FALSE);
  gtk_window_present (GTK_WINDOW (f->window));
  wait_until (is_mapped, f->window, "the window to be shown");
  ui_open_first_case (f->window);
}

/* Opens the first case of the list as a trainer does (the window opens none
 * by itself); nothing when the list is empty. */
void
ui_open_first_case (PaWindow *window)
{
  GtkWidget *list = ui_window_child (window, "case_view");
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list)));

  if (model != NULL && g_list_model_get_n_items (model) > 0)
    g_signal_emit_by_name (list, "activate", 0);
}

void
ui_fixture_teardown (UiFixture     *f,
                     gconstpointer  data)
{
  /* Opening a centre starts its daily backup: let it end before its folder goes. */
  wait_until (backup_finished, NULL, "the daily backup");
  if (f->window != NULL)
    {
      gtk_window_destroy (GTK_WINDOW (f->window));
      drain ();
      g_assert_finalize_object (f->window);
    }
  g_clear_object (&f->store);
  pa_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

GtkWidget *
ui_window_child (PaWindow   *window,
                 const char *name)
{
  return ui_template_child (window, PA_TYPE_WINDOW, name);
}

GtkWidget *
ui_template_child (gpointer    widget,
                   GType       type,
                   const char *name)
{
  GObject *object = gtk_widget_get_template_child (widget, type, name);

  g_assert_nonnull (object);
  return GTK_WIDGET (object);
}

/* The window's stacks, status pages and case list. */

const char *
ui_page (PaWindow   *window,
         const char *stack)
{
  return gtk_stack_get_visible_child_name (GTK_STACK (ui_window_child (window, stack)));
}

const char *
ui_status_title (PaWindow   *window,
                 const char *name)
{
  return adw_status_page_get_title (ADW_STATUS_PAGE (ui_window_child (window, name)));
}

GListModel *
ui_list_model (PaWindow *window)
{
  return G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (ui_window_child (window,
                                                                                "case_view"))));
}

guint
ui_n_listed (PaWindow *window)
{
  return g_list_model_get_n_items (ui_list_model (window));
}

PaCase *
ui_selected (PaWindow *window)
{
  return gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (ui_list_model (window)));
}

void
ui_select_id (PaWindow *window,
              gint64    id)
{
  GListModel *model = ui_list_model (window);

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

void
ui_activate (PaWindow   *window,
             const char *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), action, NULL));
}
