/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "passerelle"

#include "config.h"

#include <glib/gi18n.h>

#include "pa-backup.h"
#include "pa-iso-codes.h"
#include "pa-preferences-window.h"
#include "pa-ui-utils.h"

/* The centre's identity, kept in the store's settings, and where backups
 * go, kept in GSettings. Every row saves itself. */
struct _PaPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  PaStore *store;
  gboolean demo;
  char *centre_path;
  GSettings *settings;
  GtkFileChooserNative *chooser;

  AdwPreferencesPage *centre_page;
  AdwEntryRow *name_row;
  AdwEntryRow *address_row;
  AdwEntryRow *signatory_name_row;
  AdwEntryRow *signatory_role_row;
  GtkWidget *centre_error_box;
  GtkWidget *centre_error_label;
  AdwPreferencesPage *language_page;
  AdwComboRow *interface_language_row;
  AdwComboRow *report_language_row;
  AdwComboRow *report_second_language_row;
  AdwPreferencesPage *backups_page;
  AdwActionRow *folder_row;
  GtkWidget *default_folder_button;
  GtkWidget *backup_now_button;
  GtkListBox *recent_list;
  GtkWidget *backup_error_box;
  GtkWidget *backup_error_label;
};

G_DEFINE_FINAL_TYPE (PaPreferencesWindow, pa_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* The setting each centre row edits. */
static const char *
row_key (PaPreferencesWindow *self,
         AdwEntryRow         *row)
{
  if (row == self->name_row)
    return "centre.name";
  if (row == self->address_row)
    return "centre.address";
  if (row == self->signatory_name_row)
    return "centre.signatory-name";
  if (row == self->signatory_role_row)
    return "centre.signatory-role";
  g_return_val_if_reached (NULL);
}

static void
save_row (PaPreferencesWindow *self,
          AdwEntryRow         *row)
{
  const char *key = row_key (self, row);
  g_autofree char *value = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  g_autofree char *stored = NULL;
  g_autoptr (GError) error = NULL;

  if (self->store == NULL || key == NULL)
    return;
  stored = pa_store_get_setting (self->store, key);
  if (g_strcmp0 (value, stored ? stored : "") == 0)
    ;
  else if (!pa_store_set_setting (self->store, key, value, &error))
    {
      pa_ui_set_row_error (GTK_WIDGET (row), self->centre_error_box, self->centre_error_label,
                           error->message);
      return;
    }
  pa_ui_set_row_error (GTK_WIDGET (row), self->centre_error_box, self->centre_error_label, NULL);
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), value) != 0)
    gtk_editable_set_text (GTK_EDITABLE (row), value);
}

static void
row_apply_cb (AdwEntryRow         *row,
              PaPreferencesWindow *self)
{
  save_row (self, row);
}

static void
row_focus_leave_cb (GtkEventControllerFocus *controller,
                    PaPreferencesWindow     *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  save_row (self, ADW_ENTRY_ROW (row));
}

static void
watch_row (PaPreferencesWindow *self,
           AdwEntryRow         *row)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();
  g_autofree char *value = NULL;

  if (self->store != NULL)
    value = pa_store_get_setting (self->store, row_key (self, row));
  gtk_editable_set_text (GTK_EDITABLE (row), value ? value : "");
  g_signal_connect_object (row, "apply", G_CALLBACK (row_apply_cb), self, 0);
  g_signal_connect_object (focus, "leave", G_CALLBACK (row_focus_leave_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (row), focus);
}

/* Language: the interface's, in GSettings (one OS locale on a shared PC),
 * applied at the next start; the reports', in the store's settings, used
 * when a report does not name its own. */

static const char * const languages[] = { "en", "fr", "nl", "de", "it", "es", "ar" };
/* Each in its own name: whoever needs it can read it. */
static const char * const language_own_names[] = {
  "English", "Français", "Nederlands", "Deutsch", "Italiano", "Español", "العربية"
};

/* Position 0 is "System default" or "None"; the languages follow. */
static guint
language_position (const char *code)
{
  for (guint i = 0; code != NULL && i < G_N_ELEMENTS (languages); i++)
    if (g_str_equal (languages[i], code))
      return i + 1;
  return 0;
}

static const char *
language_at (guint position)
{
  return position >= 1 && position <= G_N_ELEMENTS (languages) ? languages[position - 1] : "";
}

static void
interface_language_selected_cb (PaPreferencesWindow *self)
{
  guint position = adw_combo_row_get_selected (self->interface_language_row);

  g_settings_set_string (self->settings, "interface-language", language_at (position));
}

static void
report_language_selected_cb (AdwComboRow         *row,
                             GParamSpec          *pspec,
                             PaPreferencesWindow *self)
{
  gboolean first = row == self->report_language_row;
  const char *key = first ? "report.language" : "report.second-language";
  /* The first language has no "None": its list starts with the languages. */
  const char *code = language_at (adw_combo_row_get_selected (row) + (first ? 1 : 0));
  g_autoptr (GError) error = NULL;

  if (self->store != NULL && !pa_store_set_setting (self->store, key, code, &error))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                      adw_toast_new (error->message));
}

static void
setup_languages (PaPreferencesWindow *self)
{
  g_autoptr (GtkStringList) own = gtk_string_list_new (NULL);
  g_autoptr (GtkStringList) first = gtk_string_list_new (NULL);
  g_autoptr (GtkStringList) second = gtk_string_list_new (NULL);
  g_autofree char *interface = g_settings_get_string (self->settings, "interface-language");
  g_autofree char *report = NULL;
  g_autofree char *report2 = NULL;

  gtk_string_list_append (own, _("System default"));
  /* Translators: no second language on certificates. */
  gtk_string_list_append (second, C_("second language", "None"));
  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      const char *name = pa_iso_language_name (languages[i]);

      gtk_string_list_append (own, language_own_names[i]);
      gtk_string_list_append (first, name ? name : languages[i]);
      gtk_string_list_append (second, name ? name : languages[i]);
    }
  adw_combo_row_set_model (self->interface_language_row, G_LIST_MODEL (own));
  adw_combo_row_set_model (self->report_language_row, G_LIST_MODEL (first));
  adw_combo_row_set_model (self->report_second_language_row, G_LIST_MODEL (second));

  adw_combo_row_set_selected (self->interface_language_row, language_position (interface));
  if (self->store != NULL)
    {
      report = pa_store_get_setting (self->store, "report.language");
      report2 = pa_store_get_setting (self->store, "report.second-language");
    }
  /* Reports are in French until the centre chooses (as passerelle-cli's). */
  adw_combo_row_set_selected (self->report_language_row,
                              language_position (report && *report ? report : "fr") - 1);
  adw_combo_row_set_selected (self->report_second_language_row, language_position (report2));
  gtk_widget_set_visible (GTK_WIDGET (self->report_language_row), self->store != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->report_second_language_row), self->store != NULL);

  g_signal_connect_object (self->interface_language_row, "notify::selected",
                           G_CALLBACK (interface_language_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->report_language_row, "notify::selected",
                           G_CALLBACK (report_language_selected_cb), self, 0);
  g_signal_connect_object (self->report_second_language_row, "notify::selected",
                           G_CALLBACK (report_language_selected_cb), self, 0);
}

static char *
backup_dir (PaPreferencesWindow *self)
{
  g_autofree char *chosen = g_settings_get_string (self->settings, "backup-dir");
  g_autofree char *parent = NULL;

  if (chosen != NULL && *chosen != '\0')
    return g_steal_pointer (&chosen);
  parent = g_path_get_dirname (self->centre_path);
  return g_build_filename (parent, "backups", NULL);
}

static void
fill_recent (PaPreferencesWindow *self)
{
  g_autofree char *dir = backup_dir (self);
  g_autoptr (GPtrArray) backups = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->recent_list))) != NULL)
    gtk_list_box_remove (self->recent_list, child);

  backups = pa_backup_list_for (self->centre_path, dir && *dir ? dir : NULL);
  for (guint i = 0; i < backups->len; i++)
    {
      const char *path = g_ptr_array_index (backups, i);
      g_autofree char *title = pa_ui_backup_title (path);
      g_autofree char *subtitle = pa_ui_backup_subtitle (path);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_append (self->recent_list, row);
    }
  if (backups->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No backups yet"));
      gtk_list_box_append (self->recent_list, row);
    }
}

static void
update_folder (PaPreferencesWindow *self)
{
  g_autofree char *chosen = g_settings_get_string (self->settings, "backup-dir");
  g_autofree char *dir = backup_dir (self);

  adw_action_row_set_subtitle (self->folder_row, dir);
  gtk_widget_set_visible (self->default_folder_button, chosen != NULL && *chosen != '\0');
  if (self->store != NULL && !self->demo)
    pa_store_set_backup_dir (self->store, chosen);
  fill_recent (self);
}

static void
chooser_response_cb (GtkNativeDialog     *chooser,
                     int                  response,
                     PaPreferencesWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = folder ? g_file_get_path (folder) : NULL;

      if (path != NULL)
        g_settings_set_string (self->settings, "backup-dir", path);
    }
  g_clear_object (&self->chooser);
}

static void
choose_folder_clicked_cb (PaPreferencesWindow *self)
{
  g_autofree char *dir = backup_dir (self);
  g_autoptr (GFile) current = g_file_new_for_path (dir);

  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Choose the Backup Folder"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                               _("_Select"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  if (g_file_query_exists (current, NULL))
    gtk_file_chooser_set_file (GTK_FILE_CHOOSER (self->chooser), current, NULL);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
default_folder_clicked_cb (PaPreferencesWindow *self)
{
  g_settings_set_string (self->settings, "backup-dir", "");
}

static void
backup_now_clicked_cb (PaPreferencesWindow *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *made = NULL;
  g_autofree char *base = NULL;
  g_autofree char *message = NULL;
  g_autofree char *dir = backup_dir (self);

  if (self->store == NULL)
    return;
  made = pa_backup_create_in_dir (self->store, NULL, "manual", &error);
  if (made == NULL)
    {
      pa_ui_set_row_error (GTK_WIDGET (self->recent_list), self->backup_error_box,
                           self->backup_error_label, error->message);
      return;
    }
  pa_ui_set_row_error (GTK_WIDGET (self->recent_list), self->backup_error_box,
                       self->backup_error_label, NULL);
  fill_recent (self);
  base = g_path_get_basename (made);
  message = g_markup_printf_escaped (_("Backup saved as “%s”"), base);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (message));
}

static void
pa_preferences_window_dispose (GObject *object)
{
  PaPreferencesWindow *self = (PaPreferencesWindow *) object;

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), PA_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);
  g_clear_pointer (&self->centre_path, g_free);

  G_OBJECT_CLASS (pa_preferences_window_parent_class)->dispose (object);
}

static gboolean
pa_preferences_window_close_request (GtkWindow *window)
{
  PaPreferencesWindow *self = PA_PREFERENCES_WINDOW (window);
  AdwEntryRow *rows[] = { self->name_row, self->address_row, self->signatory_name_row,
                          self->signatory_role_row };

  /* A field being edited when the window closes is kept. */
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    save_row (self, rows[i]);
  return GTK_WINDOW_CLASS (pa_preferences_window_parent_class)->close_request (window);
}

static void
pa_preferences_window_class_init (PaPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = pa_preferences_window_dispose;
  window_class->close_request = pa_preferences_window_close_request;

  gtk_widget_class_set_template_from_resource (
    widget_class, "/org/passerelle/Passerelle/pa-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PaPreferencesWindow, centre_page);
  gtk_widget_class_bind_template_child (widget_class, PaPreferencesWindow, name_row);
  gtk_widget_class_bind_template_child (widget_class, PaPreferencesWindow, address_row);
  gtk_widget_class_bind_template_child (widget_class, PaPreferencesWindow, signatory_name_row);
  gtk_widget_class_bind_template_child (widget_class, PaPreferencesWindow, signatory_role_row);
  gtk_widget_class_bind_template_child (widget_class, PaPreferencesWindow, centre_error_box);
  gtk_widget_class_bind_template_child (widget_class, PaPreferencesWindow, centre_error_label);
  gtk_widget_class_bind_template_child (widget_class, PaPreferencesWindow, language_page);
  gtk_widget_class_bind_template_child (widget_class, PaPreferencesWindow, interface_language_row);
  gtk_widget_class_bind_template_child (widget_class, PaPreferencesWindow, report_language_row);
  gtk_widget_class_bind_template_child (widget_class, PaPreferencesWindow,
                                        report_second_language_row);
  gtk_widget_class_bind_template_child (widget_class, PaPreferencesWindow, backups_page);
  gtk_widget_class_bind_template_child (widget_class, PaPreferencesWindow, folder_row);
  gtk_widget_class_bind_template_child (widget_class, PaPreferencesWindow, default_folder_button);
  gtk_widget_class_bind_template_child (widget_class, PaPreferencesWindow, backup_now_button);
  gtk_widget_class_bind_template_child (widget_class, PaPreferencesWindow, recent_list);
  gtk_widget_class_bind_template_child (widget_class, PaPreferencesWindow, backup_error_box);
  gtk_widget_class_bind_template_child (widget_class, PaPreferencesWindow, backup_error_label);
  gtk_widget_class_bind_template_callback (widget_class, choose_folder_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, default_folder_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, backup_now_clicked_cb);
}

static void
pa_preferences_window_init (PaPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->settings = g_settings_new (APP_ID);
}

/**
 * pa_preferences_window_new:
 * @store: (nullable): the open store, or %NULL when it cannot be opened
 * @demo: whether @store is the demo centre
 * @centre_path: the centre's store file
 *
 * Without a store, only where backups go can be changed; in the demo
 * centre, backups are not offered (they belong to the real centre).
 */
GtkWidget *
pa_preferences_window_new (PaStore    *store,
                           gboolean    demo,
                           const char *centre_path)
{
  PaPreferencesWindow *self;

  g_return_val_if_fail (store == NULL || PA_IS_STORE (store), NULL);
  g_return_val_if_fail (centre_path != NULL, NULL);

  self = g_object_new (PA_TYPE_PREFERENCES_WINDOW, NULL);
  self->store = store ? g_object_ref (store) : NULL;
  self->demo = !!demo;
  self->centre_path = g_strdup (demo || store == NULL ? centre_path : pa_store_get_path (store));

  watch_row (self, self->name_row);
  watch_row (self, self->address_row);
  watch_row (self, self->signatory_name_row);
  watch_row (self, self->signatory_role_row);
  setup_languages (self);

  if (store == NULL)
    adw_preferences_window_remove (ADW_PREFERENCES_WINDOW (self), self->centre_page);
  if (demo)
    adw_preferences_window_remove (ADW_PREFERENCES_WINDOW (self), self->backups_page);
  else
    {
      gtk_widget_set_visible (self->backup_now_button, store != NULL);
      g_signal_connect_object (self->settings, "changed::backup-dir", G_CALLBACK (update_folder),
                               self, G_CONNECT_SWAPPED);
      update_folder (self);
    }
  return GTK_WIDGET (self);
}
