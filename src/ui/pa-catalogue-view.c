/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "passerelle"

#include "config.h"

#include <glib/gi18n.h>

#include "pa-catalogue-view.h"
#include "pa-concept-picker.h"
#include "pa-labour-files.h"
#include "pa-labour-rows.h"
#include "pa-labour.h"
#include "pa-ui-utils.h"
#include "pa-view-switcher.h"

/* The Training Catalogue view: the centre's modules in a searchable list
 * beside the module's details, each edit stored as soon as it is made.
 * Catalogues are exchanged as XML files (schema catalogue.xsd); an import
 * first says which modules it adds and which it replaces. */
struct _PaCatalogueView
{
  GtkWidget parent_instance;

  PaStore *store;
  GPtrArray *modules;         /* PaModule, by code */
  PaModule *current;          /* a copy of the module shown, or NULL */
  gboolean loading;

  AdwLeaflet *leaflet;
  GtkMenuButton *menu_button;
  GtkSearchEntry *search_entry;
  GtkListBox *module_list;
  AdwWindowTitle *content_title;
  GtkWidget *delete_button;
  GtkStack *content_stack;
  AdwStatusPage *empty_page;
  AdwEntryRow *title_row;
  AdwComboRow *theme_row;
  AdwEntryRow *hours_row;
  AdwComboRow *language_row;
  AdwEntryRow *code_row;
  AdwEntryRow *description_row;
  GtkLabel *error_label;
  GtkListBox *skills_list;
};

G_DEFINE_FINAL_TYPE (PaCatalogueView, pa_catalogue_view, GTK_TYPE_WIDGET)

static const char *const themes[] = {
  "digital", "employability_cv", "employability_pitch", "employability_interview",
  "employability", "soft_skills", "language", "sector", NULL
};

static PaModule *
module_copy (const PaModule *m)
{
  PaModule *copy = pa_module_new ();

  copy->id = m->id;
  copy->code = g_strdup (m->code);
  copy->title = g_strdup (m->title);
  copy->theme = g_strdup (m->theme);
  copy->duration_hours = m->duration_hours;
  copy->language = g_strdup (m->language);
  copy->description = g_strdup (m->description);
  for (guint i = 0; i < m->skill_uris->len; i++)
    g_ptr_array_add (copy->skill_uris, g_strdup (g_ptr_array_index (m->skill_uris, i)));
  return copy;
}

static void
show_error (PaCatalogueView *self,
            GtkWidget       *row,
            const char      *message)
{
  pa_ui_set_row_error (row ? row : GTK_WIDGET (self->title_row), GTK_WIDGET (self->error_label),
                       GTK_WIDGET (self->error_label), message);
}

static char *
module_subtitle (const PaModule *m)
{
  if (m->duration_hours > 0)
    /* Translators: a module's theme and duration: "Digital skills · 24 h" */
    return g_strdup_printf (_("%s · %g h"), pa_module_theme_label (m->theme), m->duration_hours);
  return g_strdup (pa_module_theme_label (m->theme));
}

static gboolean
module_matches (const PaModule *m,
                const char     *query)
{
  g_autofree char *haystack = NULL;
  g_autofree char *folded = NULL;
  g_autofree char *needle = NULL;

  if (query == NULL || *query == '\0')
    return TRUE;
  haystack = g_strjoin (" ", m->title ? m->title : "", m->code ? m->code : "",
                        pa_module_theme_label (m->theme), NULL);
  folded = g_utf8_casefold (haystack, -1);
  needle = g_utf8_casefold (query, -1);
  return strstr (folded, needle) != NULL;
}

static guint
theme_index (const char *theme)
{
  for (guint i = 0; themes[i] != NULL; i++)
    if (g_strcmp0 (themes[i], theme) == 0)
      return i;
  return G_N_ELEMENTS (themes);
}

/* By theme, in the order of the theme list, then by title. */
static int
compare_modules (gconstpointer a,
                 gconstpointer b)
{
  const PaModule *ma = *(PaModule **) a;
  const PaModule *mb = *(PaModule **) b;
  guint ta = theme_index (ma->theme), tb = theme_index (mb->theme);

  if (ta != tb)
    return ta < tb ? -1 : 1;
  return g_utf8_collate (ma->title ? ma->title : "", mb->title ? mb->title : "");
}

static void show_module (PaCatalogueView *self,
                         const PaModule  *module);

/* Fills the sidebar from the store and selects the module with @select_id
 * (or the first one). */
static void
reload (PaCatalogueView *self,
        gint64           select_id)
{
  g_autoptr (GError) error = NULL;
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  GtkListBoxRow *selected = NULL;

  self->loading = TRUE;
  pa_labour_clear_list (self->module_list);
  g_clear_pointer (&self->modules, g_ptr_array_unref);
  if (self->store != NULL)
    self->modules = pa_store_module_list (self->store, &error);
  if (error != NULL)
    pa_labour_toast (GTK_WIDGET (self), adw_toast_new (error->message));
  if (self->modules != NULL)
    g_ptr_array_sort (self->modules, compare_modules);
  for (guint i = 0; self->modules != NULL && i < self->modules->len; i++)
    {
      PaModule *m = g_ptr_array_index (self->modules, i);
      GtkWidget *row;
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;

      if (!module_matches (m, query))
        continue;
      row = adw_action_row_new ();
      title = g_markup_escape_text (m->title, -1);
      subtitle = module_subtitle (m);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
      g_object_set_data (G_OBJECT (row), "module", m);
      gtk_list_box_append (self->module_list, row);
      if (selected == NULL || m->id == select_id)
        selected = GTK_LIST_BOX_ROW (row);
    }
  self->loading = FALSE;
  if (selected != NULL)
    gtk_list_box_select_row (self->module_list, selected);
  else
    show_module (self, NULL);
}

static void
fill_skills (PaCatalogueView *self);

static void
show_module (PaCatalogueView *self,
             const PaModule  *module)
{
  guint theme = 0;
  guint language = 0;
  const char *const *codes = pa_labour_language_codes ();
  char hours[G_ASCII_DTOSTR_BUF_SIZE] = "";

  g_clear_pointer (&self->current, pa_module_free);
  show_error (self, NULL, NULL);
  gtk_widget_set_sensitive (self->delete_button, module != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "catalogue.delete", module != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "catalogue.add-skill", module != NULL);
  if (module == NULL)
    {
      gboolean none = self->modules == NULL || self->modules->len == 0;
      gtk_stack_set_visible_child_name (self->content_stack, "empty");
      adw_status_page_set_title (self->empty_page, none ? _("No Training Modules") : _("No Module Found"));
      adw_window_title_set_title (self->content_title, "");
      return;
    }
  self->current = module_copy (module);
  self->loading = TRUE;
  adw_window_title_set_title (self->content_title, module->title);
  adw_window_title_set_subtitle (self->content_title, module->code);
  pa_labour_entry_row_set_text (self->title_row, module->title);
  pa_labour_entry_row_set_text (self->code_row, module->code);
  pa_labour_entry_row_set_text (self->description_row, module->description);
  if (module->duration_hours > 0)
    g_ascii_formatd (hours, sizeof hours, "%g", module->duration_hours);
  pa_labour_entry_row_set_text (self->hours_row, hours);
  for (guint i = 0; themes[i] != NULL; i++)
    if (g_strcmp0 (themes[i], module->theme) == 0)
      theme = i;
  adw_combo_row_set_selected (self->theme_row, theme);
  for (guint i = 0; codes[i] != NULL; i++)
    if (g_strcmp0 (codes[i], module->language) == 0)
      language = i + 1;
  adw_combo_row_set_selected (self->language_row, language);
  fill_skills (self);
  self->loading = FALSE;
  gtk_stack_set_visible_child_name (self->content_stack, "module");
}

/* Stores the module shown; on a refusal the row stays in error and the
 * store keeps the previous value. */
static gboolean
save_current (PaCatalogueView *self,
              GtkWidget       *row)
{
  g_autoptr (GError) error = NULL;
  gint64 id;

  if (self->current == NULL || self->store == NULL)
    return FALSE;
  if (!pa_store_module_save (self->store, self->current, &error))
    {
      show_error (self, row, error->message);
      return FALSE;
    }
  show_error (self, row, NULL);
  id = self->current->id;
  reload (self, id);
  return TRUE;
}

static void
remove_skill_cb (GtkButton       *button,
                 PaCatalogueView *self)
{
  const char *uri = g_object_get_data (G_OBJECT (button), "uri");

  if (self->current != NULL && pa_labour_remove_uri (self->current->skill_uris, uri))
    save_current (self, NULL);
}

static void
fill_skills (PaCatalogueView *self)
{
  pa_labour_clear_list (self->skills_list);
  if (self->current == NULL)
    return;
  for (guint i = 0; i < self->current->skill_uris->len; i++)
    gtk_list_box_append (self->skills_list,
                         pa_labour_concept_row (self->store, g_ptr_array_index (self->current->skill_uris, i),
                                                _("Remove Competence"), G_CALLBACK (remove_skill_cb), self));
  if (self->current->skill_uris->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No competence yet"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   _("Add the competences this module develops, so gaps point to it."));
      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (self->skills_list, row);
    }
}

/* Callbacks */

static void
search_changed_cb (PaCatalogueView *self)
{
  reload (self, self->current ? self->current->id : 0);
}

static void
module_selected_cb (PaCatalogueView *self,
                    GtkListBoxRow   *row)
{
  if (self->loading)
    return;
  show_module (self, row ? g_object_get_data (G_OBJECT (row), "module") : NULL);
}

static void
module_activated_cb (PaCatalogueView *self,
                     GtkListBoxRow   *row)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
text_committed_cb (GtkWidget *row,
                   gpointer   user_data)
{
  PaCatalogueView *self = user_data;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  char **field = NULL;

  if (self->current == NULL || gtk_widget_in_destruction (GTK_WIDGET (self)))
    return;
  if (row == GTK_WIDGET (self->hours_row))
    {
      g_autofree char *copy = g_strstrip (g_strdelimit (g_strdup (text), ",", '.'));
      char *end = NULL;
      double hours = *copy ? g_ascii_strtod (copy, &end) : 0;

      if (*copy && (end == NULL || *end != '\0' || hours < 0))
        {
          show_error (self, row, _("The duration is a number of hours, such as 12 or 7.5."));
          return;
        }
      self->current->duration_hours = hours;
      save_current (self, row);
      return;
    }
  if (row == GTK_WIDGET (self->title_row))
    field = &self->current->title;
  else if (row == GTK_WIDGET (self->code_row))
    field = &self->current->code;
  else if (row == GTK_WIDGET (self->description_row))
    field = &self->current->description;
  if (field == NULL)
    return;
  g_free (*field);
  *field = g_strstrip (g_strdup (text));
  save_current (self, row);
}

static void
theme_changed_cb (PaCatalogueView *self)
{
  guint selected = adw_combo_row_get_selected (self->theme_row);

  if (self->loading || self->current == NULL || selected >= G_N_ELEMENTS (themes) - 1)
    return;
  g_free (self->current->theme);
  self->current->theme = g_strdup (themes[selected]);
  save_current (self, GTK_WIDGET (self->theme_row));
}

static void
language_changed_cb (PaCatalogueView *self)
{
  guint selected = adw_combo_row_get_selected (self->language_row);

  if (self->loading || self->current == NULL)
    return;
  g_free (self->current->language);
  self->current->language = selected == 0 ? NULL : g_strdup (pa_labour_language_codes ()[selected - 1]);
  save_current (self, GTK_WIDGET (self->language_row));
}

static void
skill_chosen_cb (const char *uri,
                 const char *label,
                 gpointer    user_data)
{
  g_autoptr (PaCatalogueView) self = user_data;

  if (uri == NULL || self->current == NULL || self->store == NULL)
    return;
  for (guint i = 0; i < self->current->skill_uris->len; i++)
    if (g_str_equal (g_ptr_array_index (self->current->skill_uris, i), uri))
      return;
  g_ptr_array_add (self->current->skill_uris, g_strdup (uri));
  save_current (self, NULL);
}

static void
undo_delete_cb (AdwToast *toast,
                gpointer  user_data)
{
  PaCatalogueView *self = g_object_get_data (G_OBJECT (toast), "view");
  PaModule *module = user_data;
  g_autoptr (GError) error = NULL;

  if (self == NULL || self->store == NULL)
    return;
  module->id = 0;
  if (!pa_store_module_save (self->store, module, &error))
    {
      pa_labour_toast (GTK_WIDGET (self), adw_toast_new (error->message));
      return;
    }
  reload (self, module->id);
}

/* Actions */

static char *
new_code (PaCatalogueView *self)
{
  for (guint n = 1;; n++)
    {
      g_autofree char *code = g_strdup_printf ("MOD-%02u", n);
      gboolean taken = FALSE;

      for (guint i = 0; self->modules != NULL && i < self->modules->len; i++)
        taken |= g_strcmp0 (((PaModule *) g_ptr_array_index (self->modules, i))->code, code) == 0;
      if (!taken)
        return g_steal_pointer (&code);
    }
}

static void
new_action (GtkWidget  *widget,
            const char *name,
            GVariant   *param)
{
  PaCatalogueView *self = PA_CATALOGUE_VIEW (widget);
  g_autoptr (PaModule) module = pa_module_new ();
  g_autoptr (GError) error = NULL;

  if (self->store == NULL)
    return;
  module->code = new_code (self);
  module->title = g_strdup (_("New module"));
  module->theme = g_strdup ("employability");
  module->language = g_strdup ("fr");
  if (!pa_store_module_save (self->store, module, &error))
    {
      pa_labour_toast (widget, adw_toast_new (error->message));
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  reload (self, module->id);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
}

static void
delete_action (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  PaCatalogueView *self = PA_CATALOGUE_VIEW (widget);
  g_autoptr (GError) error = NULL;
  g_autofree char *title = NULL;
  PaModule *copy;
  AdwToast *toast;

  if (self->current == NULL || self->store == NULL)
    return;
  if (!pa_store_module_delete (self->store, self->current->id, &error))
    {
      pa_labour_toast (widget, adw_toast_new (error->message));
      return;
    }
  copy = module_copy (self->current);
  /* Translators: a toast after deleting a training module */
  title = g_strdup_printf (_("“%s” deleted"), copy->title);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  g_object_set_data_full (G_OBJECT (toast), "module", copy, (GDestroyNotify) pa_module_free);
  g_object_set_data_full (G_OBJECT (toast), "view", g_object_ref (self), g_object_unref);
  g_signal_connect (toast, "button-clicked", G_CALLBACK (undo_delete_cb), copy);
  reload (self, 0);
  pa_labour_toast (widget, toast);
}

static void
add_skill_action (GtkWidget  *widget,
                  const char *name,
                  GVariant   *param)
{
  PaCatalogueView *self = PA_CATALOGUE_VIEW (widget);

  if (self->current == NULL || self->store == NULL)
    return;
  pa_concept_picker_run (widget, self->store, PA_CONCEPT_KINDS_SKILLS, _("Add Competence"),
                         skill_chosen_cb, g_object_ref (self));
}

static void
back_action (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  adw_leaflet_navigate (PA_CATALOGUE_VIEW (widget)->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
import_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    PaCatalogueView  *self)
{
  const char *path = g_object_get_data (G_OBJECT (dialog), "path");
  g_autoptr (GError) error = NULL;
  guint n = 0;

  if (g_strcmp0 (response, "import") != 0 || self->store == NULL)
    return;
  if (!pa_catalogue_import (self->store, path, &n, &error))
    {
      pa_labour_toast (GTK_WIDGET (self), adw_toast_new (error->message));
      return;
    }
  reload (self, self->current ? self->current->id : 0);
  pa_labour_toast (GTK_WIDGET (self),
                   adw_toast_new_format (ngettext ("%u module imported", "%u modules imported", n), n));
}

static void
append_titles (GString    *body,
               GPtrArray  *titles,
               const char *heading)
{
  if (titles->len == 0)
    return;
  g_string_append_printf (body, "\n\n%s", heading);
  for (guint i = 0; i < titles->len; i++)
    g_string_append_printf (body, "\n• %s", (const char *) g_ptr_array_index (titles, i));
}

/**
 * pa_catalogue_view_import_file:
 *
 * Reads a catalogue file and asks, in a dialog that lists the modules it
 * adds and those it replaces, whether to import it. A file in error is
 * named in a dialog and changes nothing.
 *
 * Returns: (transfer none): the dialog shown
 */
GtkWidget *
pa_catalogue_view_import_file (PaCatalogueView *self,
                               const char      *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) modules = NULL;
  g_autoptr (GPtrArray) added = g_ptr_array_new ();
  g_autoptr (GPtrArray) replaced = g_ptr_array_new ();
  g_autofree char *name = NULL;
  g_autoptr (GString) body = g_string_new (NULL);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  g_return_val_if_fail (PA_IS_CATALOGUE_VIEW (self), NULL);

  name = g_filename_display_basename (path);
  modules = pa_catalogue_read (path, &error);
  if (modules == NULL)
    {
      dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                       _("Cannot Import the Catalogue"), error->message);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return dialog;
    }
  for (guint i = 0; i < modules->len; i++)
    {
      PaModule *m = g_ptr_array_index (modules, i);
      gboolean exists = FALSE;

      for (guint k = 0; self->modules != NULL && k < self->modules->len; k++)
        exists |= g_strcmp0 (((PaModule *) g_ptr_array_index (self->modules, k))->code, m->code) == 0;
      g_ptr_array_add (exists ? replaced : added, m->title);
    }
  g_string_append_printf (body, ngettext ("“%s” holds %u module.", "“%s” holds %u modules.", modules->len),
                          name, modules->len);
  append_titles (body, added, _("New:"));
  append_titles (body, replaced, _("Replacing the module with the same code:"));
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Import the Catalogue?"), body->str);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "import", _("_Import"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "import",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "import");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "path", g_strdup (path), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (import_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

/* Writes the catalogue to @path; errors are shown and returned. */
gboolean
pa_catalogue_view_export_file (PaCatalogueView *self,
                               const char      *path,
                               GError         **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (PA_IS_CATALOGUE_VIEW (self), FALSE);

  if (self->store == NULL || !pa_catalogue_export (self->store, path, &local_error))
    {
      if (local_error != NULL)
        {
          pa_labour_toast (GTK_WIDGET (self), adw_toast_new (local_error->message));
          g_propagate_error (error, g_steal_pointer (&local_error));
        }
      return FALSE;
    }
  name = g_filename_display_basename (path);
  pa_labour_toast (GTK_WIDGET (self), adw_toast_new_format (_("Catalogue saved as “%s”"), name));
  return TRUE;
}

static void
import_chosen_cb (GtkNativeDialog *chooser,
                  int              response,
                  PaCatalogueView *self)
{
  g_autofree char *path = pa_ui_chosen_path (chooser, response);

  if (path != NULL)
    pa_catalogue_view_import_file (self, path);
  g_object_unref (chooser);
}

static void
export_chosen_cb (GtkNativeDialog *chooser,
                  int              response,
                  PaCatalogueView *self)
{
  g_autofree char *path = pa_ui_chosen_path (chooser, response);

  if (path != NULL)
    pa_catalogue_view_export_file (self, path, NULL);
  g_object_unref (chooser);
}

static GtkFileFilter *
xml_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("Catalogue (XML)"));
  gtk_file_filter_add_mime_type (filter, "application/xml");
  gtk_file_filter_add_pattern (filter, "*.xml");
  return filter;
}

static void
import_action (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *chooser;
  g_autoptr (GtkFileFilter) filter = xml_filter ();

  chooser = gtk_file_chooser_native_new (_("Import a Training Catalogue"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (import_chosen_cb), widget);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
export_action (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *chooser;
  g_autoptr (GtkFileFilter) filter = xml_filter ();

  chooser = gtk_file_chooser_native_new (_("Export the Training Catalogue"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  /* Translators: the suggested file name of an exported catalogue */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("catalogue.xml"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (export_chosen_cb), widget);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
pa_catalogue_view_dispose (GObject *object)
{
  PaCatalogueView *self = (PaCatalogueView *) object;

  gtk_widget_dispose_template (GTK_WIDGET (object), PA_TYPE_CATALOGUE_VIEW);
  pa_ui_unparent_children (GTK_WIDGET (object));
  g_clear_object (&self->store);
  g_clear_pointer (&self->modules, g_ptr_array_unref);
  g_clear_pointer (&self->current, pa_module_free);

  G_OBJECT_CLASS (pa_catalogue_view_parent_class)->dispose (object);
}

static void
pa_catalogue_view_class_init (PaCatalogueViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pa_catalogue_view_dispose;

  g_type_ensure (PA_TYPE_VIEW_SWITCHER);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/passerelle/Passerelle/pa-catalogue-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PaCatalogueView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, PaCatalogueView, menu_button);
  gtk_widget_class_bind_template_child (widget_class, PaCatalogueView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, PaCatalogueView, module_list);
  gtk_widget_class_bind_template_child (widget_class, PaCatalogueView, content_title);
  gtk_widget_class_bind_template_child (widget_class, PaCatalogueView, delete_button);
  gtk_widget_class_bind_template_child (widget_class, PaCatalogueView, content_stack);
  gtk_widget_class_bind_template_child (widget_class, PaCatalogueView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, PaCatalogueView, title_row);
  gtk_widget_class_bind_template_child (widget_class, PaCatalogueView, theme_row);
  gtk_widget_class_bind_template_child (widget_class, PaCatalogueView, hours_row);
  gtk_widget_class_bind_template_child (widget_class, PaCatalogueView, language_row);
  gtk_widget_class_bind_template_child (widget_class, PaCatalogueView, code_row);
  gtk_widget_class_bind_template_child (widget_class, PaCatalogueView, description_row);
  gtk_widget_class_bind_template_child (widget_class, PaCatalogueView, error_label);
  gtk_widget_class_bind_template_child (widget_class, PaCatalogueView, skills_list);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, module_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, module_activated_cb);

  gtk_widget_class_install_action (widget_class, "catalogue.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "catalogue.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "catalogue.add-skill", NULL, add_skill_action);
  gtk_widget_class_install_action (widget_class, "catalogue.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "catalogue.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "catalogue.back", NULL, back_action);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
pa_catalogue_view_init (PaCatalogueView *self)
{
  g_autoptr (GtkStringList) theme_names = gtk_string_list_new (NULL);
  g_autoptr (GtkStringList) language_names = gtk_string_list_new (NULL);
  const char *const *codes = pa_labour_language_codes ();

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_menu_button_set_menu_model (self->menu_button, pa_ui_get_primary_menu ());

  for (guint i = 0; themes[i] != NULL; i++)
    gtk_string_list_append (theme_names, pa_module_theme_label (themes[i]));
  adw_combo_row_set_model (self->theme_row, G_LIST_MODEL (theme_names));
  /* Translators: a module's language, when none is recorded */
  gtk_string_list_append (language_names, C_("language", "Not specified"));
  for (guint i = 0; codes[i] != NULL; i++)
    {
      g_autofree char *lang = pa_labour_language_name (codes[i]);
      gtk_string_list_append (language_names, lang);
    }
  adw_combo_row_set_model (self->language_row, G_LIST_MODEL (language_names));
  g_signal_connect_swapped (self->theme_row, "notify::selected", G_CALLBACK (theme_changed_cb), self);
  g_signal_connect_swapped (self->language_row, "notify::selected", G_CALLBACK (language_changed_cb), self);
  pa_labour_entry_row_on_commit (self->title_row, text_committed_cb, self);
  pa_labour_entry_row_on_commit (self->hours_row, text_committed_cb, self);
  pa_labour_entry_row_on_commit (self->code_row, text_committed_cb, self);
  pa_labour_entry_row_on_commit (self->description_row, text_committed_cb, self);
  show_module (self, NULL);
}

GtkWidget *
pa_catalogue_view_new (void)
{
  return g_object_new (PA_TYPE_CATALOGUE_VIEW, NULL);
}

void
pa_catalogue_view_set_store (PaCatalogueView *self,
                             PaStore         *store)
{
  g_return_if_fail (PA_IS_CATALOGUE_VIEW (self));

  if (!g_set_object (&self->store, store))
    return;
  reload (self, 0);
}
