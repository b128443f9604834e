/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "passerelle"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "pa-application.h"
#include "pa-window.h"

struct _PaApplication
{
  AdwApplication parent_instance;

  char *db_path;
  PaStore *store;
};

G_DEFINE_FINAL_TYPE (PaApplication, pa_application, ADW_TYPE_APPLICATION)

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
  const char *localedir = g_getenv ("PASSERELLE_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

static void
pa_application_activate (GApplication *app)
{
  PaApplication *self = PA_APPLICATION (app);
  g_autoptr (GError) error = NULL;
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  if (window == NULL)
    {
      g_autofree char *path = self->db_path ? g_strdup (self->db_path) : pa_store_default_path ();

      if (self->store == NULL)
        self->store = pa_store_open (path, &error);
      window = GTK_WINDOW (pa_window_new (self, self->store, error));
    }
  gtk_window_present (window);
}

static int
pa_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  PaApplication *self = PA_APPLICATION (app);
  const char *db = NULL;

  if (g_variant_dict_lookup (options, "db", "&s", &db))
    self->db_path = g_strdup (db);
  return -1;
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated, NULL, NULL, NULL },
};

static void
pa_application_startup (GApplication *app)
{
  G_APPLICATION_CLASS (pa_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit",
                                         (const char *[]) { "<Control>q", NULL });
}

static void
pa_application_finalize (GObject *object)
{
  PaApplication *self = (PaApplication *) object;

  g_clear_object (&self->store);
  g_clear_pointer (&self->db_path, g_free);

  G_OBJECT_CLASS (pa_application_parent_class)->finalize (object);
}

static void
pa_application_class_init (PaApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = pa_application_finalize;
  app_class->activate = pa_application_activate;
  app_class->startup = pa_application_startup;
  app_class->handle_local_options = pa_application_handle_local_options;
}

static void
pa_application_init (PaApplication *self)
{
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("Open the case store FILE"), N_("FILE") },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
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

PaStore *
pa_application_get_store (PaApplication *self)
{
  g_return_val_if_fail (PA_IS_APPLICATION (self), NULL);
  return self->store;
}
