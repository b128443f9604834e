/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "passerelle"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "pa-backup.h"
#include "pa-iso-codes.h"
#include "pa-certificates.h"
#include "pa-esco-import.h"
#include "pa-frameworks.h"
#include "pa-image.h"
#include "pa-labour.h"
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

  /* Logo, region, ESCO import */
  GtkFileChooserNative *logo_chooser;
  PaImage *logo;
  GtkDrawingArea *logo_preview;
  AdwActionRow *logo_row;
  GtkWidget *logo_remove_button;
  GtkWidget *logo_error_label;
  AdwComboRow *region_row;
  GPtrArray *regions;       /* char*, parallel to the combo after "None" */
  AdwPreferencesPage *esco_page;
  AdwActionRow *esco_current_row;
  AdwActionRow *esco_source_row;
  AdwEntryRow *esco_languages_row;
  GtkWidget *esco_folder_button;
  GtkWidget *esco_zip_button;
  GtkWidget *esco_import_button;
  GtkWidget *esco_cancel_button;
  GtkProgressBar *esco_progress;
  GtkLabel *esco_result_label;
  GtkFileChooserNative *esco_chooser;
  char *esco_path;
  GCancellable *esco_cancellable;
  gboolean importing;
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

static const char * const interface_languages[] = { "en", "fr", "nl", "de", "it", "es", "ar" };
/* Each in its own name: whoever needs it can read it. */
static const char * const language_own_names[] = {
  "English", "Français", "Nederlands", "Deutsch", "Italiano", "Español", "العربية"
};

/* Position 0 is "System default" or "None"; the languages follow. */
static guint
language_position (const char *code)
{
  for (guint i = 0; code != NULL && i < G_N_ELEMENTS (interface_languages); i++)
    if (g_str_equal (interface_languages[i], code))
      return i + 1;
  return 0;
}

static const char *
language_at (guint position)
{
  return position >= 1 && position <= G_N_ELEMENTS (interface_languages)
         ? interface_languages[position - 1] : "";
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
  for (guint i = 0; i < G_N_ELEMENTS (interface_languages); i++)
    {
      const char *name = pa_iso_language_name (interface_languages[i]);

      gtk_string_list_append (own, language_own_names[i]);
      gtk_string_list_append (first, name ? name : interface_languages[i]);
      gtk_string_list_append (second, name ? name : interface_languages[i]);
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
  g_autofree char *path = pa_ui_chosen_path (chooser, response);

  if (path != NULL)
    g_settings_set_string (self->settings, "backup-dir", path);
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

/* The logo: kept inside the store, where certificates read it, so that
 * moving or deleting the original loses nothing and backups carry it. */

static void
logo_draw_cb (GtkDrawingArea *area,
              cairo_t        *cr,
              int             width,
              int             height,
              gpointer        user_data)
{
  PaPreferencesWindow *self = user_data;
  double w, h, scale;

  if (self->logo == NULL)
    return;
  w = pa_image_get_width (self->logo);
  h = pa_image_get_height (self->logo);
  if (w <= 0 || h <= 0)
    return;
  scale = MIN (width / w, height / h);
  pa_image_draw (self->logo, cr, (width - w * scale) / 2, (height - h * scale) / 2, w * scale, h * scale);
}

static void
show_logo (PaPreferencesWindow *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = NULL;

  g_clear_pointer (&self->logo, pa_image_free);
  if (self->store != NULL)
    bytes = pa_store_get_file (self->store, PA_SETTING_CENTRE_LOGO, &error);
  if (bytes != NULL)
    self->logo = pa_image_new_from_bytes (bytes, _("the centre’s logo"), &error);
  adw_action_row_set_subtitle (self->logo_row,
                               self->logo ? _("PNG, JPEG or SVG, as printed")
                               : error ? error->message
                               : _("None: choose a PNG, JPEG or SVG image"));
  gtk_widget_set_visible (self->logo_remove_button, bytes != NULL || error != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->logo_preview), self->logo != NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self->logo_preview));
}

static void
logo_error (PaPreferencesWindow *self,
            const char          *message)
{
  gtk_label_set_text (GTK_LABEL (self->logo_error_label), message ? message : "");
  gtk_widget_set_visible (self->logo_error_label, message != NULL);
  if (message)
    gtk_widget_add_css_class (GTK_WIDGET (self->logo_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->logo_row), "error");
}

/**
 * pa_preferences_window_set_logo:
 * @path: (nullable): a PNG, JPEG or SVG file, or %NULL to remove the logo
 *
 * What choosing a file does: checks that it is a picture and keeps it in the
 * store, where certificates read it.
 * Returns: whether it was stored; if not, the window says why.
 */
gboolean
pa_preferences_window_set_logo (PaPreferencesWindow *self,
                                const char          *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PaImage) image = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_return_val_if_fail (PA_IS_PREFERENCES_WINDOW (self), FALSE);

  if (self->store == NULL)
    return FALSE;
  if (path != NULL)
    {
      g_autofree char *base = g_path_get_basename (path);

      if (g_file_get_contents (path, &contents, &length, &error))
        {
          bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
          image = pa_image_new_from_bytes (bytes, base, &error);
        }
      if (image == NULL)
        {
          /* Translators: %s is a file name, then why it cannot be used */
          g_autofree char *message = g_strdup_printf (_("“%s” cannot be the logo: %s"), base,
                                                      error->message);
          logo_error (self, message);
          return FALSE;
        }
    }
  if (!pa_store_set_file (self->store, PA_SETTING_CENTRE_LOGO, bytes, &error))
    {
      logo_error (self, error->message);
      return FALSE;
    }
  logo_error (self, NULL);
  show_logo (self);
  return TRUE;
}

static void
logo_chooser_response_cb (GtkNativeDialog     *chooser,
                          int                  response,
                          PaPreferencesWindow *self)
{
  g_autofree char *path = pa_ui_chosen_path (chooser, response);

  if (path != NULL)
    pa_preferences_window_set_logo (self, path);
  g_clear_object (&self->logo_chooser);
}

static void
logo_choose_clicked_cb (PaPreferencesWindow *self)
{
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();

  g_clear_object (&self->logo_chooser);
  self->logo_chooser = gtk_file_chooser_native_new (_("Choose the Centre’s Logo"), GTK_WINDOW (self),
                                                    GTK_FILE_CHOOSER_ACTION_OPEN,
                                                    _("_Select"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Pictures (PNG, JPEG, SVG)"));
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_filter_add_mime_type (filter, "image/jpeg");
  gtk_file_filter_add_mime_type (filter, "image/svg+xml");
  gtk_file_filter_add_suffix (filter, "png");
  gtk_file_filter_add_suffix (filter, "jpg");
  gtk_file_filter_add_suffix (filter, "jpeg");
  gtk_file_filter_add_suffix (filter, "svg");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->logo_chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->logo_chooser), TRUE);
  g_signal_connect_object (self->logo_chooser, "response", G_CALLBACK (logo_chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->logo_chooser));
}

static void
logo_remove_clicked_cb (PaPreferencesWindow *self)
{
  pa_preferences_window_set_logo (self, NULL);
}

/* The region whose shortage list flags occupations (centre.region). */

static void
region_changed_cb (AdwComboRow         *row,
                   GParamSpec          *pspec,
                   PaPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (row);
  const char *region = selected > 0 && selected <= self->regions->len
                       ? g_ptr_array_index (self->regions, selected - 1) : "";
  g_autoptr (GError) error = NULL;

  if (self->store != NULL && !pa_store_set_setting (self->store, "centre.region", region, &error))
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), error->message);
}

static void
fill_regions (PaPreferencesWindow *self)
{
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  g_autofree char *current = NULL;
  g_autoptr (GError) error = NULL;
  guint selected = 0;

  g_clear_pointer (&self->regions, g_ptr_array_unref);
  self->regions = self->store ? pa_store_shortage_regions (self->store, &error) : NULL;
  if (self->regions == NULL)
    self->regions = g_ptr_array_new_with_free_func (g_free);
  current = self->store ? pa_store_get_setting (self->store, "centre.region") : NULL;
  gtk_string_list_append (names, C_("region", "None"));
  for (guint i = 0; i < self->regions->len; i++)
    {
      gtk_string_list_append (names, g_ptr_array_index (self->regions, i));
      if (g_strcmp0 (current, g_ptr_array_index (self->regions, i)) == 0)
        selected = i + 1;
    }
  adw_combo_row_set_model (self->region_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->region_row, selected);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->region_row),
                               error ? error->message
                               : self->regions->len == 0
                               ? _("No shortage list yet: import one in the Labour Market view")
                               : NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->region_row), self->regions->len > 0);
}

/* ESCO import, in a worker thread with its own connection; the store is
 * unchanged when it is cancelled or fails. */

static void
show_esco_current (PaPreferencesWindow *self)
{
  g_autoptr (GPtrArray) frameworks = self->store ? pa_frameworks_list (self->store, NULL) : NULL;
  g_autofree char *text = NULL;

  for (guint i = 0; frameworks && i < frameworks->len; i++)
    {
      PaFrameworkInfo *info = g_ptr_array_index (frameworks, i);

      if (g_strcmp0 (info->code, "esco") != 0 || info->n_concepts == 0)
        continue;
      /* Translators: the imported ESCO release: version, languages, counts */
      text = g_strdup_printf (_("Version %s · languages %s · %u occupations, %u skills"),
                              info->version && *info->version ? info->version : "?",
                              info->languages ? info->languages : "", info->n_occupations, info->n_skills);
    }
  adw_action_row_set_subtitle (self->esco_current_row,
                               text ? text : _("Nothing yet: matching knows no occupation's skills"));
}

static void
esco_set_path (PaPreferencesWindow *self,
               const char          *path)
{
  g_free (self->esco_path);
  self->esco_path = g_strdup (path);
  adw_action_row_set_subtitle (self->esco_source_row, path ? path : _("Choose a folder or a ZIP file"));
  gtk_widget_set_sensitive (self->esco_import_button, path != NULL && !self->importing);
}

static void
esco_chooser_response_cb (GtkNativeDialog     *chooser,
                          int                  response,
                          PaPreferencesWindow *self)
{
  g_autofree char *path = pa_ui_chosen_path (chooser, response);

  if (path != NULL)
    esco_set_path (self, path);
  g_clear_object (&self->esco_chooser);
}

static void
esco_choose (PaPreferencesWindow  *self,
             GtkFileChooserAction  action)
{
  g_clear_object (&self->esco_chooser);
  self->esco_chooser = gtk_file_chooser_native_new (action == GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER
                                                    ? _("Choose the Folder of the ESCO Release")
                                                    : _("Choose the ZIP File of the ESCO Release"),
                                                    GTK_WINDOW (self), action, _("_Select"), _("_Cancel"));
  if (action == GTK_FILE_CHOOSER_ACTION_OPEN)
    {
      g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();

      gtk_file_filter_set_name (filter, _("ZIP archives"));
      gtk_file_filter_add_suffix (filter, "zip");
      gtk_file_filter_add_mime_type (filter, "application/zip");
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->esco_chooser), filter);
    }
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->esco_chooser), TRUE);
  g_signal_connect_object (self->esco_chooser, "response", G_CALLBACK (esco_chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->esco_chooser));
}

static void
esco_folder_clicked_cb (PaPreferencesWindow *self)
{
  esco_choose (self, GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER);
}

static void
esco_zip_clicked_cb (PaPreferencesWindow *self)
{
  esco_choose (self, GTK_FILE_CHOOSER_ACTION_OPEN);
}

static void
esco_running (PaPreferencesWindow *self,
              gboolean             running)
{
  self->importing = running;
  gtk_widget_set_visible (self->esco_cancel_button, running);
  gtk_widget_set_visible (GTK_WIDGET (self->esco_progress), running);
  gtk_widget_set_sensitive (self->esco_import_button, !running && self->esco_path != NULL);
  gtk_widget_set_sensitive (self->esco_folder_button, !running);
  gtk_widget_set_sensitive (self->esco_zip_button, !running);
  gtk_widget_set_sensitive (GTK_WIDGET (self->esco_languages_row), !running);
}

static void
esco_result (PaPreferencesWindow *self,
             const char          *text,
             gboolean             error)
{
  gtk_label_set_text (self->esco_result_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->esco_result_label), text != NULL);
  if (error)
    gtk_widget_add_css_class (GTK_WIDGET (self->esco_result_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->esco_result_label), "error");
}

static void
esco_progress_cb (double      fraction,
                  const char *file,
                  gpointer    user_data)
{
  GWeakRef *ref = user_data;
  g_autoptr (PaPreferencesWindow) self = g_weak_ref_get (ref);

  if (self == NULL)
    return;
  gtk_progress_bar_set_fraction (self->esco_progress, CLAMP (fraction, 0.0, 1.0));
  gtk_progress_bar_set_text (self->esco_progress, file);
}

static void
weak_ref_free (gpointer data)
{
  g_weak_ref_clear (data);
  g_free (data);
}

static void
esco_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  GWeakRef *ref = user_data;
  g_autoptr (PaPreferencesWindow) self = g_weak_ref_get (ref);
  g_autoptr (GError) error = NULL;
  g_autoptr (PaEscoImportReport) report = pa_esco_import_finish (PA_STORE (source), result, &error);

  weak_ref_free (ref);
  if (self == NULL)
    return;
  esco_running (self, FALSE);
  if (report == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    esco_result (self, _("Import cancelled: nothing was changed."), FALSE);
  else if (report == NULL)
    {
      /* Translators: %s says which file, line and problem */
      g_autofree char *text = g_strdup_printf (_("Nothing was imported: %s"), error->message);
      esco_result (self, text, TRUE);
    }
  else
    {
      g_autofree char *text =
        /* Translators: the result of an ESCO import */
        g_strdup_printf (_("Imported: %u concepts added, %u updated, %u labels, %u relations."),
                         report->concepts_added, report->concepts_updated, report->labels,
                         report->relations);
      esco_result (self, text, FALSE);
    }
  show_esco_current (self);
  g_clear_object (&self->esco_cancellable);
}

/**
 * pa_preferences_window_import_esco:
 * @path: a folder or ZIP file of the ESCO CSV release
 *
 * Starts importing, as the Import button does.
 */
void
pa_preferences_window_import_esco (PaPreferencesWindow *self,
                                   const char          *path)
{
  g_autofree char *languages = NULL;
  g_auto (GStrv) codes = NULL;
  g_autoptr (GPtrArray) wanted = g_ptr_array_new_with_free_func (g_free);
  PaEscoImportOptions options = { PA_ESCO_IMPORT_AUTO, NULL, NULL };
  GWeakRef *progress_ref, *done_ref;

  g_return_if_fail (PA_IS_PREFERENCES_WINDOW (self));

  if (self->store == NULL || self->importing)
    return;
  esco_set_path (self, path);
  languages = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->esco_languages_row)));
  codes = g_strsplit_set (languages, ", ;", -1);
  for (guint i = 0; codes[i] != NULL; i++)
    if (*g_strstrip (codes[i]) != '\0')
      g_ptr_array_add (wanted, g_ascii_strdown (codes[i], -1));
  g_ptr_array_add (wanted, NULL);
  if (wanted->len > 1)
    options.languages = (const char * const *) wanted->pdata;

  esco_result (self, NULL, FALSE);
  esco_running (self, TRUE);
  gtk_progress_bar_set_fraction (self->esco_progress, 0);
  gtk_progress_bar_set_text (self->esco_progress, _("Starting…"));
  g_clear_object (&self->esco_cancellable);
  self->esco_cancellable = g_cancellable_new ();
  progress_ref = g_new0 (GWeakRef, 1);
  g_weak_ref_init (progress_ref, self);
  done_ref = g_new0 (GWeakRef, 1);
  g_weak_ref_init (done_ref, self);
  pa_esco_import_async (self->store, path, &options, esco_progress_cb, progress_ref, weak_ref_free,
                        self->esco_cancellable, esco_done_cb, done_ref);
}

static void
esco_import_clicked_cb (PaPreferencesWindow *self)
{
  if (self->esco_path != NULL)
    {
      g_autofree char *path = g_strdup (self->esco_path);
      pa_preferences_window_import_esco (self, path);
    }
}

static void
esco_cancel_clicked_cb (PaPreferencesWindow *self)
{
  g_cancellable_cancel (self->esco_cancellable);
}

/**
 * pa_preferences_window_get_importing:
 *
 * Returns: whether an ESCO import is running
 */
gboolean
pa_preferences_window_get_importing (PaPreferencesWindow *self)
{
  g_return_val_if_fail (PA_IS_PREFERENCES_WINDOW (self), FALSE);

  return self->importing;
}

static void
pa_preferences_window_dispose (GObject *object)
{
  PaPreferencesWindow *self = (PaPreferencesWindow *) object;

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  if (self->logo_chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->logo_chooser));
  g_clear_object (&self->logo_chooser);
  if (self->esco_chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->esco_chooser));
  g_clear_object (&self->esco_chooser);
  /* A running import ends on its own connection; cancelling leaves the store as it was. */
  g_cancellable_cancel (self->esco_cancellable);
  g_clear_object (&self->esco_cancellable);
  g_clear_pointer (&self->logo, pa_image_free);
  g_clear_pointer (&self->regions, g_ptr_array_unref);
  g_clear_pointer (&self->esco_path, g_free);
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
  gtk_widget_class_bind_template_child (widget_class, PaPreferencesWindow, logo_preview);
  gtk_widget_class_bind_template_child (widget_class, PaPreferencesWindow, logo_row);
  gtk_widget_class_bind_template_child (widget_class, PaPreferencesWindow, logo_remove_button);
  gtk_widget_class_bind_template_child (widget_class, PaPreferencesWindow, logo_error_label);
  gtk_widget_class_bind_template_child (widget_class, PaPreferencesWindow, region_row);
  gtk_widget_class_bind_template_child (widget_class, PaPreferencesWindow, esco_page);
  gtk_widget_class_bind_template_child (widget_class, PaPreferencesWindow, esco_current_row);
  gtk_widget_class_bind_template_child (widget_class, PaPreferencesWindow, esco_source_row);
  gtk_widget_class_bind_template_child (widget_class, PaPreferencesWindow, esco_languages_row);
  gtk_widget_class_bind_template_child (widget_class, PaPreferencesWindow, esco_folder_button);
  gtk_widget_class_bind_template_child (widget_class, PaPreferencesWindow, esco_zip_button);
  gtk_widget_class_bind_template_child (widget_class, PaPreferencesWindow, esco_import_button);
  gtk_widget_class_bind_template_child (widget_class, PaPreferencesWindow, esco_cancel_button);
  gtk_widget_class_bind_template_child (widget_class, PaPreferencesWindow, esco_progress);
  gtk_widget_class_bind_template_child (widget_class, PaPreferencesWindow, esco_result_label);
  gtk_widget_class_bind_template_callback (widget_class, logo_choose_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, logo_remove_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, esco_folder_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, esco_zip_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, esco_import_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, esco_cancel_clicked_cb);
}

static void
pa_preferences_window_init (PaPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->settings = g_settings_new (APP_ID);
  gtk_drawing_area_set_draw_func (self->logo_preview, logo_draw_cb, self, NULL);
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

  show_logo (self);
  fill_regions (self);
  g_signal_connect (self->region_row, "notify::selected", G_CALLBACK (region_changed_cb), self);
  show_esco_current (self);
  esco_set_path (self, NULL);

  if (store == NULL)
    {
      adw_preferences_window_remove (ADW_PREFERENCES_WINDOW (self), self->centre_page);
      adw_preferences_window_remove (ADW_PREFERENCES_WINDOW (self), self->esco_page);
    }
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
