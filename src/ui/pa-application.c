/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "passerelle"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <time.h>

#include "pa-application.h"
#include "pa-demo.h"
#include "pa-backup.h"
#include "pa-help.h"
#include "pa-preferences-window.h"
#include "pa-report-i18n.h"
#include "pa-store-cases.h"
#include "pa-window.h"

struct _PaApplication
{
  AdwApplication parent_instance;

  char *centre_path;
  gboolean start_demo;
  /* --bench-startup: when the application object was made, and the
   * handler waiting for the window's first frame. */
  gboolean bench_startup;
  gint64 started_at;
  gulong bench_handler;
  /* Stores whose daily backup was started in this session. */
  GHashTable *backed_up;
  guint n_backups_running;
};

G_DEFINE_FINAL_TYPE (PaApplication, pa_application, ADW_TYPE_APPLICATION)

enum {
  PROP_0,
  PROP_BACKING_UP,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The language chosen in the preferences, or NULL to follow the system's. */
static char *
interface_language (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr (GSettingsSchema) schema = NULL;
  g_autoptr (GSettings) settings = NULL;

  /* Run from the source tree without the schema: nothing to apply. */
  if (source == NULL || (schema = g_settings_schema_source_lookup (source, APP_ID, TRUE)) == NULL)
    return NULL;
  settings = g_settings_new_full (schema, NULL, NULL);
  return g_settings_get_string (settings, "interface-language");
}

/**
 * pa_application_setup_i18n:
 *
 * Binds the gettext domain. The interface language chosen in the preferences
 * (a shared PC has one OS locale) is applied through LANGUAGE before anything
 * is translated.
 */
void
pa_application_setup_i18n (void)
{
  g_autofree char *language = NULL;

  setlocale (LC_ALL, "");
  language = interface_language ();
  if (language != NULL && *language != '\0')
    {
      const char *messages = setlocale (LC_MESSAGES, NULL);

      g_setenv ("LANGUAGE", language, TRUE);
      /* gettext ignores LANGUAGE in the C locale, which a fresh PC may have. */
      if (messages == NULL || g_str_equal (messages, "C") || g_str_equal (messages, "POSIX"))
        setlocale (LC_MESSAGES, "C.UTF-8");
    }
  /* GTK would set the locale again from the environment, undoing the above. */
  if (!gtk_is_initialized ())
    gtk_disable_setlocale ();
  pa_i18n_bind_textdomain ();
}

/* The demo centre: a store of its own (pa_store_demo_path ()), filled once
 * with the fictional cases of pa_demo_fill (); its cases never enter the
 * centre's store. */

static PaStore *
load_demo_store (GError **error)
{
  g_autofree char *path = pa_store_demo_path ();
  g_autoptr (PaStore) store = pa_store_open (path, error);

  if (store == NULL)
    return NULL;
  if (pa_store_case_count (store, PA_CASE_FILTER_ALL) == 0 && !pa_demo_fill (store, error))
    return NULL;
  return g_steal_pointer (&store);
}

/* The daily backup, made on a connection of its own in a worker thread: a
 * SQLite connection is never shared between threads. Opening the store there
 * also runs its daily check, which the window's opening leaves out. */

typedef struct
{
  char *store_path;
  char *backup_dir;
} BackupJob;

static void
backup_job_free (BackupJob *job)
{
  g_free (job->store_path);
  g_free (job->backup_dir);
  g_free (job);
}

static void
auto_backup_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  BackupJob *job = task_data;
  g_autoptr (PaStore) store = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *made = NULL;

  store = pa_store_open (job->store_path, &error);
  if (store != NULL)
    {
      pa_store_set_backup_dir (store, job->backup_dir);
      made = pa_backup_auto (store, &error);
    }
  if (error != NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, g_steal_pointer (&made), g_free);
}

static PaWindow *
active_window (PaApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window != NULL && PA_IS_WINDOW (window))
    return PA_WINDOW (window);
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (PA_IS_WINDOW (l->data))
      return l->data;
  return NULL;
}

static void
auto_backup_done (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  PaApplication *self = PA_APPLICATION (source);
  BackupJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr (GError) error = NULL;
  g_autofree char *made = g_task_propagate_pointer (G_TASK (result), &error);
  PaWindow *window = active_window (self);
  PaStore *shown = window ? pa_window_get_store (window) : NULL;

  /* The daily check found the file damaged: the window says so and offers
   * the backups, as when the store cannot be opened at all. */
  if (g_error_matches (error, PA_STORE_ERROR, PA_STORE_ERROR_CORRUPT) && shown != NULL &&
      g_strcmp0 (pa_store_get_path (shown), job->store_path) == 0)
    pa_window_show_store_error (window, job->store_path, error);
  else if (error != NULL && window != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The daily backup was not made: %s"),
                                                  error->message);
      g_autofree char *escaped = g_markup_escape_text (message, -1);
      AdwToast *toast = adw_toast_new (escaped);

      adw_toast_set_timeout (toast, 0);
      pa_window_add_toast (window, toast);
    }
  else if (error != NULL)
    g_printerr ("%s\n", error->message);
  if (--self->n_backups_running == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BACKING_UP]);
  g_application_release (G_APPLICATION (self));
}

static void
start_auto_backup (PaApplication *self,
                   const char    *store_path)
{
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  g_autoptr (GTask) task = NULL;
  BackupJob *job;

  if (!g_hash_table_add (self->backed_up, g_strdup (store_path)))
    return;

  job = g_new0 (BackupJob, 1);
  job->store_path = g_strdup (store_path);
  job->backup_dir = g_settings_get_string (settings, "backup-dir");
  /* Quitting waits for the copy to be complete. */
  g_application_hold (G_APPLICATION (self));
  task = g_task_new (self, NULL, auto_backup_done, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify) backup_job_free);
  g_task_run_in_thread (task, auto_backup_thread);
  if (self->n_backups_running++ == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BACKING_UP]);
}

static void
set_demo_actions (PaApplication *self,
                  gboolean       demo)
{
  GAction *open_demo = g_action_map_lookup_action (G_ACTION_MAP (self), "open-demo");
  GAction *open_centre = g_action_map_lookup_action (G_ACTION_MAP (self), "open-centre");

  g_simple_action_set_enabled (G_SIMPLE_ACTION (open_demo), !demo);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (open_centre), demo);
}

static void
open_centre (PaApplication *self,
             PaWindow      *window)
{
  g_autofree char *path = pa_application_dup_centre_path (self);

  set_demo_actions (self, FALSE);
  /* A benchmark measures the start, not a backup running beside it. */
  if (pa_window_open_store (window, path) && !self->bench_startup)
    start_auto_backup (self, path);
}

static void
open_demo (PaApplication *self,
           PaWindow      *window)
{
  g_autoptr (PaStore) store = NULL;
  g_autoptr (GError) error = NULL;

  store = load_demo_store (&error);
  if (store == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The demo centre cannot be opened: %s"),
                                                  error->message);
      g_autofree char *escaped = g_markup_escape_text (message, -1);

      pa_window_add_toast (window, adw_toast_new (escaped));
      return;
    }
  pa_window_set_store (window, store, TRUE);
  set_demo_actions (self, TRUE);
}

/* --bench-startup: the window has drawn its first frame with the case list
 * filled (the list is filled before the window is shown), so it answers the
 * keyboard and mouse from now on. */
static gboolean
bench_quit_idle (gpointer data)
{
  PaApplication *self = PA_APPLICATION (data);
  g_autoptr (GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_destroy (l->data);
  g_application_quit (G_APPLICATION (self));
  return G_SOURCE_REMOVE;
}

static double
cpu_ms (clockid_t clock)
{
  struct timespec cpu = { 0 };

  clock_gettime (clock, &cpu);
  return cpu.tv_sec * 1000.0 + cpu.tv_nsec / 1e6;
}

/* Steps of --bench-startup, with G_MESSAGES_DEBUG=passerelle. */
static void
bench_mark (PaApplication *self,
            const char    *what)
{
  if (self->bench_startup)
    g_debug ("startup: %s after %.1f ms (%.1f ms of processor time)", what,
             (g_get_monotonic_time () - self->started_at) / 1000.0,
             cpu_ms (CLOCK_PROCESS_CPUTIME_ID));
}

static void
bench_after_paint_cb (GdkFrameClock *clock,
                      PaApplication *self)
{
  gint64 elapsed = g_get_monotonic_time () - self->started_at;
  PaStore *store = pa_application_get_store (self);
  guint n_cases = store ? pa_store_case_count (store, PA_CASE_FILTER_ACTIVE) : 0;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  GskRenderer *renderer = window ? gtk_native_get_renderer (GTK_NATIVE (window)) : NULL;

  g_clear_signal_handler (&self->bench_handler, clock);
  /* Processor time tells a slow program from a busy machine. */
  printf ("startup: %.1f ms to an interactive window (%u cases; %.1f ms of processor time, "
          "%.1f ms in the main thread; %s)\n",
          elapsed / 1000.0, n_cases, cpu_ms (CLOCK_PROCESS_CPUTIME_ID),
          cpu_ms (CLOCK_THREAD_CPUTIME_ID),
          renderer ? G_OBJECT_TYPE_NAME (renderer) : "no renderer");
  /* For a benchmark that also counts loading the program: the wall clock. */
  printf ("startup: first frame drawn at %" G_GINT64_FORMAT " µs since 1970\n", g_get_real_time ());
  fflush (stdout);
  g_idle_add_full (G_PRIORITY_DEFAULT, bench_quit_idle, g_object_ref (self), g_object_unref);
}

static void
pa_application_activate (GApplication *app)
{
  PaApplication *self = PA_APPLICATION (app);
  PaWindow *window = active_window (self);

  bench_mark (self, "activated");
  if (window == NULL)
    {
      window = pa_window_new (self);
      bench_mark (self, "window built");
      if (self->start_demo)
        open_demo (self, window);
      if (pa_window_get_store (window) == NULL)
        open_centre (self, window);
      bench_mark (self, "store shown");
    }
  gtk_window_present (GTK_WINDOW (window));
  bench_mark (self, "presented");
  if (self->bench_startup && self->bench_handler == 0)
    {
      GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));

      if (clock == NULL)
        g_error ("--bench-startup: the window has no frame clock");
      self->bench_handler = g_signal_connect (clock, "after-paint",
                                              G_CALLBACK (bench_after_paint_cb), self);
    }
}

static int
pa_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  PaApplication *self = PA_APPLICATION (app);
  const char *db = NULL;

  if (g_variant_dict_lookup (options, "db", "^&ay", &db))
    pa_application_set_centre_path (self, db);
  if (g_variant_dict_contains (options, "demo"))
    self->start_demo = TRUE;
  if (g_variant_dict_contains (options, "bench-startup"))
    self->bench_startup = TRUE;
  return -1;
}

/* Help: Yelp opens help:passerelle/PAGE. Without a help viewer (or where
 * it cannot be started), the HTML copy opens in a web browser; without
 * that either, a dialog says where the pages are. */

typedef struct
{
  PaWindow *window;
  char *page;
  gboolean tried_html;
} HelpLaunch;

static void
help_launch_free (HelpLaunch *launch)
{
  g_clear_object (&launch->window);
  g_free (launch->page);
  g_free (launch);
}

static char *
help_html_dir (void)
{
  const char *dir = g_getenv ("PASSERELLE_HELP_HTML_DIR");

  if (dir != NULL && *dir != '\0')
    return g_strdup (dir);
  return g_build_filename (PKGDATADIR, "help", "C", "html", NULL);
}

static void help_launched_cb (GObject      *source,
                              GAsyncResult *result,
                              gpointer      user_data);

static void
launch_help_uri (HelpLaunch *launch,
                 const char *uri)
{
  g_autoptr (GAppLaunchContext) context = NULL;

  context = G_APP_LAUNCH_CONTEXT (
    gdk_display_get_app_launch_context (gtk_widget_get_display (GTK_WIDGET (launch->window))));
  g_app_info_launch_default_for_uri_async (uri, context, NULL, help_launched_cb, launch);
}

static void
help_not_available (HelpLaunch   *launch,
                    const GError *error)
{
  g_autofree char *html_dir = help_html_dir ();
  g_autofree char *html = pa_help_html_file (html_dir, NULL);
  g_autofree char *pages = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  g_debug ("No help viewer: %s", error->message);
  /* The HTML copy reads in any browser; the Mallard pages need Yelp. */
  pages = html ? g_steal_pointer (&html_dir)
               : g_build_filename (HELPDIR, "C", GETTEXT_PACKAGE, NULL);
  body = g_strdup_printf (_("No help viewer could be opened. Install Yelp, the help viewer, "
                            "or read the help pages in the folder %s."), pages);
  dialog = adw_message_dialog_new (GTK_WINDOW (launch->window), _("Help Is Not Available"), body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
help_launched_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  HelpLaunch *launch = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *html = NULL;

  if (g_app_info_launch_default_for_uri_finish (result, &error))
    {
      help_launch_free (launch);
      return;
    }
  if (!launch->tried_html)
    {
      dir = help_html_dir ();
      html = pa_help_html_file (dir, launch->page);
    }
  if (html != NULL)
    {
      g_autofree char *uri = g_filename_to_uri (html, NULL, NULL);

      launch->tried_html = TRUE;
      if (uri != NULL)
        {
          launch_help_uri (launch, uri);
          return;
        }
    }
  help_not_available (launch, error);
  help_launch_free (launch);
}

static void
show_help (PaApplication *self,
           const char    *page)
{
  PaWindow *window = active_window (self);
  HelpLaunch *launch;
  g_autofree char *uri = NULL;

  if (window == NULL)
    return;
  if (page == NULL)
    page = pa_window_get_help_page (window);
  launch = g_new0 (HelpLaunch, 1);
  launch->window = g_object_ref (window);
  launch->page = g_strdup (page);
  uri = pa_help_uri (page);
  launch_help_uri (launch, uri);
}

/* Application actions */

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  PaApplication *self = PA_APPLICATION (user_data);
  g_autoptr (GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  /* Closing, not destroying, lets each window save what is being edited. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
  g_application_quit (G_APPLICATION (self));
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  PaApplication *self = PA_APPLICATION (user_data);
  GtkWidget *about = adw_about_window_new ();

  g_object_set (about,
                "transient-for", active_window (self),
                "application-name", _("Passerelle"),
                "application-icon", APP_ID,
                "version", PACKAGE_VERSION,
                "developer-name", _("The Passerelle contributors"),
                "copyright", _("© 2025 The Passerelle contributors"),
                "comments", _("Identify, document, assess and certify the competences of "
                              "migrants and refugees, and map them to occupations."),
                "license-type", GTK_LICENSE_GPL_3_0,
                NULL);
  adw_about_window_add_legal_section (ADW_ABOUT_WINDOW (about), _("ESCO"), NULL,
                                      GTK_LICENSE_CUSTOM,
                                      _("This service uses the ESCO classification of the "
                                        "European Commission."));
  gtk_window_present (GTK_WINDOW (about));
}

static void
preferences_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  PaApplication *self = PA_APPLICATION (user_data);
  PaWindow *window = active_window (self);
  g_autofree char *path = pa_application_dup_centre_path (self);
  GtkWidget *preferences;

  if (window == NULL)
    return;
  preferences = pa_preferences_window_new (pa_window_get_store (window),
                                           pa_window_get_demo (window), path);
  gtk_window_set_transient_for (GTK_WINDOW (preferences), GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
open_demo_activated (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  PaApplication *self = PA_APPLICATION (user_data);
  PaWindow *window = active_window (self);

  if (window != NULL)
    open_demo (self, window);
}

static void
open_centre_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  PaApplication *self = PA_APPLICATION (user_data);
  PaWindow *window = active_window (self);

  if (window != NULL)
    open_centre (self, window);
}

static void
help_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  show_help (PA_APPLICATION (user_data), NULL);
}

static void
help_page_activated (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  show_help (PA_APPLICATION (user_data), g_variant_get_string (parameter, NULL));
}

static const GActionEntry app_actions[] = {
  { "help", help_activated, NULL, NULL, NULL },
  { "help-page", help_page_activated, "s", NULL, NULL },
  { "quit", quit_activated, NULL, NULL, NULL },
  { "about", about_activated, NULL, NULL, NULL },
  { "preferences", preferences_activated, NULL, NULL, NULL },
  { "open-demo", open_demo_activated, NULL, NULL, NULL },
  { "open-centre", open_centre_activated, NULL, NULL, NULL },
};

/* Without a GPU (no render node: old shared PCs, virtual machines, remote
 * sessions), GTK's OpenGL renderer runs on Mesa's software rasteriser:
 * opening OpenGL alone costs a tenth of a second, the window takes twice as
 * long to appear and every frame costs the processor more than Cairo's
 * drawing of the same forms and lists. There Passerelle draws with Cairo and
 * leaves OpenGL off. GSK_RENDERER or GDK_DEBUG set by the user win.
 * Returns: whether GDK_DEBUG was set here (to be unset once the display is open) */
static gboolean
choose_renderer (void)
{
  g_autoptr (GDir) dri = NULL;
  const char *name;

  if (g_getenv ("GSK_RENDERER") != NULL || g_getenv ("GDK_DEBUG") != NULL)
    return FALSE;
  dri = g_dir_open ("/dev/dri", 0, NULL);
  while (dri != NULL && (name = g_dir_read_name (dri)) != NULL)
    if (g_str_has_prefix (name, "renderD"))
      return FALSE;
  /* Every window of the application makes its renderer from this. */
  g_setenv ("GSK_RENDERER", "cairo", TRUE);
  g_setenv ("GDK_DEBUG", "gl-disable", TRUE);
  return TRUE;
}

static void
pa_application_startup (GApplication *app)
{
  gboolean gdk_debug_set = choose_renderer ();

  G_APPLICATION_CLASS (pa_application_parent_class)->startup (app);
  /* GDK reads it when it opens the display: programs started from here
   * (help, file manager) must not inherit it. */
  if (gdk_debug_set)
    g_unsetenv ("GDK_DEBUG");

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions),
                                   app);
  set_demo_actions (PA_APPLICATION (app), FALSE);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit",
                                         (const char *[]) { "<Control>q", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.preferences",
                                         (const char *[]) { "<Control>comma", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.help",
                                         (const char *[]) { "F1", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.show-help-overlay",
                                         (const char *[]) { "<Control>question", NULL });
}

static void
pa_application_finalize (GObject *object)
{
  PaApplication *self = (PaApplication *) object;

  g_clear_pointer (&self->centre_path, g_free);
  g_clear_pointer (&self->backed_up, g_hash_table_unref);

  G_OBJECT_CLASS (pa_application_parent_class)->finalize (object);
}

static void
pa_application_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  PaApplication *self = PA_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_BACKING_UP:
      g_value_set_boolean (value, self->n_backups_running > 0);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pa_application_class_init (PaApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = pa_application_finalize;
  object_class->get_property = pa_application_get_property;
  app_class->activate = pa_application_activate;
  app_class->startup = pa_application_startup;
  app_class->handle_local_options = pa_application_handle_local_options;

  /* Whether the daily backup is being written. */
  properties[PROP_BACKING_UP] =
    g_param_spec_boolean ("backing-up", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pa_application_init (PaApplication *self)
{
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("Open the case store FILE"), N_("FILE") },
    { "demo", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Open the demo centre, a separate store of fictional cases"), NULL },
    { "bench-startup", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Print the time from start to an interactive window, then quit"), NULL },
    { NULL }
  };

  self->started_at = g_get_monotonic_time ();

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
  self->backed_up = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

PaApplication *
pa_application_new (void)
{
  return g_object_new (PA_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_NON_UNIQUE,
                       "resource-base-path", "/org/passerelle/Passerelle",
                       NULL);
}

/**
 * pa_application_get_store:
 *
 * Returns: (transfer none) (nullable): the store the window shows
 */
PaStore *
pa_application_get_store (PaApplication *self)
{
  PaWindow *window;

  g_return_val_if_fail (PA_IS_APPLICATION (self), NULL);

  window = active_window (self);
  return window ? pa_window_get_store (window) : NULL;
}

/**
 * pa_application_dup_centre_path:
 *
 * The centre's store: the one named with --db, else the one set in
 * GSettings, else the default store. Returns: (transfer full)
 */
char *
pa_application_dup_centre_path (PaApplication *self)
{
  g_autoptr (GSettings) settings = NULL;
  g_autofree char *configured = NULL;

  g_return_val_if_fail (PA_IS_APPLICATION (self), NULL);

  if (self->centre_path != NULL)
    return g_strdup (self->centre_path);
  settings = g_settings_new (APP_ID);
  configured = g_settings_get_string (settings, "store-path");
  if (configured != NULL && *configured != '\0')
    return g_steal_pointer (&configured);
  return pa_store_default_path ();
}

void
pa_application_set_centre_path (PaApplication *self,
                                const char    *path)
{
  g_return_if_fail (PA_IS_APPLICATION (self));

  g_free (self->centre_path);
  self->centre_path = g_strdup (path);
}
