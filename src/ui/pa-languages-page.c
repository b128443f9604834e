/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "passerelle"

#include "config.h"

#include <glib/gi18n.h>

#include "pa-edit-rows.h"
#include "pa-framework-xml.h"
#include "pa-iso-codes.h"
#include "pa-languages-page.h"
#include "pa-store-records.h"
#include "pa-ui-utils.h"

/* The Languages section of a case: one group per language the participant
 * speaks, with the CEFR self-assessment grid: for each of the five skills the
 * level (A1…C2, or not assessed) and, under it, what that level means for
 * that skill. Every choice is saved at once; a language removed comes back
 * with Undo. */

#define N_SKILLS 5

static const char *const skill_codes[N_SKILLS] = {
  "listening", "reading", "spoken-interaction", "spoken-production", "writing",
};

typedef struct
{
  gint64 id;
  GtkWidget *group;
  GtkWidget *mother_switch;
  GtkWidget *source_row;
  GtkWidget *skill_rows[N_SKILLS];
  GtkWidget *error_box;
  GtkWidget *error_label;
} LanguageGroup;

struct _PaLanguagesPage
{
  PaCasePage parent_instance;

  GtkBox *records_box;
  AdwPreferencesGroup *head_group;
  GtkWidget *add_button;
  GtkWidget *empty_row;

  PaFrameworkDoc *cefr;
  char **languages;         /* of the interface, for the framework's texts */
  GPtrArray *groups;        /* LanguageGroup, in the order shown */
  gboolean syncing;
};

G_DEFINE_FINAL_TYPE (PaLanguagesPage, pa_languages_page, PA_TYPE_CASE_PAGE)

static char **
language_field (PaCaseLanguage *language,
                guint           skill)
{
  char **fields[N_SKILLS] = {
    &language->listening, &language->reading, &language->spoken_interaction,
    &language->spoken_production, &language->writing,
  };
  return fields[skill];
}

static const char *
skill_label (PaLanguagesPage *self,
             guint            skill)
{
  const PaFrameworkItem *item = pa_framework_doc_lookup_item (self->cefr, skill_codes[skill]);

  return pa_framework_text_lookup_chain (pa_framework_item_get_label (item),
                                         (const char *const *) self->languages);
}

static const char *
descriptor (PaLanguagesPage *self,
            guint            skill,
            const char      *level)
{
  const PaFrameworkItem *item = pa_framework_doc_lookup_item (self->cefr, skill_codes[skill]);
  const PaFrameworkText *text;

  if (level == NULL)
    return NULL;
  text = pa_framework_item_get_descriptor (item, level);
  return text ? pa_framework_text_lookup_chain (text, (const char *const *) self->languages)
              : NULL;
}

static void
show_descriptor (PaLanguagesPage *self,
                 LanguageGroup   *group,
                 guint            skill)
{
  const char *code = pa_edit_combo_get_code (group->skill_rows[skill]);
  const char *text = descriptor (self, skill, code);
  const PaFrameworkLevel *level = code ? pa_framework_doc_lookup_level (self->cefr, code) : NULL;
  const PaFrameworkLevel *band = level ? pa_framework_level_get_group (level) : NULL;
  const char *band_label = band ? pa_framework_text_lookup_chain (
                                    pa_framework_level_get_label (band),
                                    (const char *const *) self->languages) : NULL;
  g_autofree char *subtitle = NULL;

  if (text != NULL && band_label != NULL)
    /* Translators: a CEFR level's band, then what the level means for a
     * skill, e.g. "Independent user — I can understand texts…" */
    subtitle = g_strdup_printf (_("%s — %s"), band_label, text);
  if (subtitle == NULL && text == NULL)
    {
      /* Not assessed: what the skill is about helps choosing. */
      const PaFrameworkItem *item = pa_framework_doc_lookup_item (self->cefr, skill_codes[skill]);
      const PaFrameworkText *about = pa_framework_item_get_description (item);

      text = about ? pa_framework_text_lookup_chain (about, (const char *const *) self->languages)
                   : NULL;
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (group->skill_rows[skill]),
                               subtitle ? subtitle : text ? text : "");
}

static LanguageGroup *
group_of (PaLanguagesPage *self,
          gint64           id)
{
  for (guint i = 0; i < self->groups->len; i++)
    {
      LanguageGroup *group = g_ptr_array_index (self->groups, i);
      if (group->id == id)
        return group;
    }
  return NULL;
}

static void
show_error (LanguageGroup *group,
            GtkWidget     *row,
            const char    *message)
{
  pa_ui_set_row_error (row, group->error_box, group->error_label, message);
}

/* Stores one field of a language, read from its row. */
static void
field_changed_cb (GtkWidget *row,
                  gpointer   data)
{
  PaLanguagesPage *self = data;
  PaStore *store = pa_case_page_get_store (PA_CASE_PAGE (self));
  LanguageGroup *group = group_of (self, pa_edit_get_record (row));
  g_autoptr (PaCaseLanguage) language = NULL;
  g_autoptr (GError) error = NULL;
  const char *field = pa_edit_get_field (row);

  if (self->syncing || store == NULL || group == NULL)
    return;
  language = pa_store_language_get (store, group->id, &error);
  if (language != NULL)
    {
      if (g_str_equal (field, "mother_tongue"))
        language->mother_tongue = gtk_switch_get_active (GTK_SWITCH (group->mother_switch));
      else if (g_str_equal (field, "source"))
        {
          g_free (language->source);
          language->source = g_strdup (pa_edit_combo_get_code (row));
        }
      else
        for (guint i = 0; i < N_SKILLS; i++)
          if (row == group->skill_rows[i])
            {
              char **value = language_field (language, i);
              g_free (*value);
              *value = g_strdup (pa_edit_combo_get_code (row));
              show_descriptor (self, group, i);
            }
      if (pa_store_language_update (store, language, &error))
        {
          show_error (group, row, NULL);
          return;
        }
    }
  show_error (group, row, error->message);
}

static void
mother_switch_cb (GtkSwitch  *sw,
                  GParamSpec *pspec,
                  gpointer    data)
{
  field_changed_cb (GTK_WIDGET (sw), data);
}

static gboolean
restore_language (PaStore  *store,
                  gpointer  record,
                  GError  **error)
{
  PaCaseLanguage *language = record;

  language->id = 0;
  return pa_store_language_add (store, language, error);
}

static void
remove_clicked_cb (GtkButton       *button,
                   PaLanguagesPage *self)
{
  PaStore *store = pa_case_page_get_store (PA_CASE_PAGE (self));
  LanguageGroup *group = group_of (self, pa_edit_get_record (GTK_WIDGET (button)));
  g_autoptr (PaCaseLanguage) language = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;

  if (store == NULL || group == NULL)
    return;
  language = pa_store_language_get (store, group->id, &error);
  if (language == NULL || !pa_store_language_delete (store, group->id, &error))
    {
      show_error (group, GTK_WIDGET (button), error->message);
      return;
    }
  /* Translators: a toast; %s is a language */
  message = g_strdup_printf (_("%s removed"), pa_iso_language_name (language->language));
  pa_case_page_offer_undo (PA_CASE_PAGE (self), message, g_steal_pointer (&language),
                           (GDestroyNotify) pa_case_language_free, restore_language);
}

static GtkWidget *
level_row_new (PaLanguagesPage *self,
               guint            skill)
{
  g_autoptr (GPtrArray) codes = g_ptr_array_new ();
  g_autoptr (GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  GtkWidget *row;

  g_ptr_array_add (codes, (gpointer) "");
  g_ptr_array_add (labels, g_strdup (C_("cefr", "Not assessed")));
  for (guint i = 0; i < pa_framework_doc_get_n_levels (self->cefr); i++)
    {
      const PaFrameworkLevel *level = pa_framework_doc_get_level (self->cefr, i);

      g_ptr_array_add (codes, (gpointer) pa_framework_level_get_code (level));
      g_ptr_array_add (labels, g_strdup (pa_framework_level_get_code (level)));
    }
  g_ptr_array_add (codes, NULL);
  g_ptr_array_add (labels, NULL);
  row = pa_edit_combo_row_new (skill_label (self, skill), (const char *const *) codes->pdata,
                               (const char *const *) labels->pdata, FALSE, field_changed_cb,
                               self);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), FALSE);
  /* The subtitle says what the level means, not the level again. */
  adw_combo_row_set_use_subtitle (ADW_COMBO_ROW (row), FALSE);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  gtk_widget_add_css_class (row, "pa-descriptor");
  return row;
}

static void
update_group (PaLanguagesPage *self,
              LanguageGroup   *group,
              PaCaseLanguage  *language)
{
  const char *name = pa_iso_language_name (language->language);

  self->syncing = TRUE;
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group->group), name);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group->group),
                                         language->mother_tongue ? _("Mother tongue") : NULL);
  gtk_switch_set_active (GTK_SWITCH (group->mother_switch), language->mother_tongue);
  pa_edit_combo_set_code (group->source_row, language->source);
  for (guint i = 0; i < N_SKILLS; i++)
    {
      pa_edit_combo_set_code (group->skill_rows[i], *language_field (language, i));
      show_descriptor (self, group, i);
    }
  self->syncing = FALSE;
}

static LanguageGroup *
group_new (PaLanguagesPage *self,
           PaCaseLanguage  *language)
{
  LanguageGroup *group = g_new0 (LanguageGroup, 1);
  const char *name = pa_iso_language_name (language->language);
  g_autofree char *remove = g_strdup_printf (_("Remove %s"), name);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *button = pa_edit_icon_button_new ("user-trash-symbolic", remove);
  GtkWidget *mother_row = adw_action_row_new ();

  group->id = language->id;
  group->group = adw_preferences_group_new ();
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group->group), button);
  pa_edit_set_record (button, language->id, NULL);
  g_signal_connect_object (button, "clicked", G_CALLBACK (remove_clicked_cb), self, 0);

  group->mother_switch = gtk_switch_new ();
  gtk_widget_set_valign (group->mother_switch, GTK_ALIGN_CENTER);
  pa_edit_set_record (group->mother_switch, language->id, "mother_tongue");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (mother_row), _("_Mother tongue"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (mother_row), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (mother_row), group->mother_switch);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (mother_row), group->mother_switch);
  gtk_accessible_update_property (GTK_ACCESSIBLE (group->mother_switch),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Mother tongue"), -1);
  g_signal_connect_object (group->mother_switch, "notify::active",
                           G_CALLBACK (mother_switch_cb), self, 0);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group->group), mother_row);

  for (guint i = 0; i < N_SKILLS; i++)
    {
      group->skill_rows[i] = level_row_new (self, i);
      pa_edit_set_record (group->skill_rows[i], language->id, skill_codes[i]);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group->group), group->skill_rows[i]);
    }
  group->source_row = pa_edit_value_row_new (_("_Source of the levels"), "language.source", NULL,
                                             field_changed_cb, self);
  pa_edit_set_record (group->source_row, language->id, "source");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group->group), group->source_row);

  gtk_box_append (GTK_BOX (box), group->group);
  group->error_box = pa_edit_error_box_new (&group->error_label);
  gtk_box_append (GTK_BOX (box), group->error_box);
  gtk_box_append (self->records_box, box);
  update_group (self, group, language);
  return group;
}

static void
pa_languages_page_reload (PaCasePage *page)
{
  PaLanguagesPage *self = PA_LANGUAGES_PAGE (page);
  PaStore *store = pa_case_page_get_store (page);
  g_autoptr (GPtrArray) languages = NULL;
  g_autoptr (GError) error = NULL;
  gboolean same;

  if (store == NULL || pa_case_page_get_case (page) == NULL)
    {
      g_ptr_array_set_size (self->groups, 0);
      pa_edit_clear_box (self->records_box);
      return;
    }
  languages = pa_store_language_list (store, pa_case_page_get_case_id (page), &error);
  if (languages == NULL)
    {
      pa_case_page_toast (page, error->message);
      return;
    }
  same = languages->len == self->groups->len;
  for (guint i = 0; same && i < languages->len; i++)
    same = ((PaCaseLanguage *) g_ptr_array_index (languages, i))->id ==
           ((LanguageGroup *) g_ptr_array_index (self->groups, i))->id;
  if (!same)
    {
      g_ptr_array_set_size (self->groups, 0);
      pa_edit_clear_box (self->records_box);
      for (guint i = 0; i < languages->len; i++)
        g_ptr_array_add (self->groups, group_new (self, g_ptr_array_index (languages, i)));
    }
  else
    for (guint i = 0; i < languages->len; i++)
      update_group (self, g_ptr_array_index (self->groups, i), g_ptr_array_index (languages, i));
  pa_edit_group_show_row (self->head_group, self->empty_row, languages->len == 0);
}

static void
add_response_cb (AdwMessageDialog *dialog,
                 const char       *response,
                 PaLanguagesPage  *self)
{
  GtkWidget *language_row = g_object_get_data (G_OBJECT (dialog), "language-row");
  GtkWidget *mother_check = g_object_get_data (G_OBJECT (dialog), "mother-check");
  PaStore *store = pa_case_page_get_store (PA_CASE_PAGE (self));
  g_autoptr (PaCaseLanguage) language = NULL;
  g_autoptr (GError) error = NULL;
  const char *code = pa_edit_combo_get_code (language_row);

  if (!g_str_equal (response, "add") || store == NULL || code == NULL ||
      pa_case_page_get_case (PA_CASE_PAGE (self)) == NULL)
    return;
  language = pa_case_language_new ();
  language->case_id = pa_case_page_get_case_id (PA_CASE_PAGE (self));
  language->language = g_strdup (code);
  language->mother_tongue = gtk_check_button_get_active (GTK_CHECK_BUTTON (mother_check));
  if (!pa_store_language_add (store, language, &error))
    pa_case_page_toast (PA_CASE_PAGE (self), error->message);
}

static void
add_clicked_cb (PaLanguagesPage *self)
{
  GtkWidget *dialog;
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *language_row;
  GtkWidget *mother_row = adw_action_row_new ();
  GtkWidget *mother_check = gtk_check_button_new ();

  if (pa_case_page_get_case (PA_CASE_PAGE (self)) == NULL)
    return;
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   _("Add Language"),
                                   _("Type to find the language in the list."));
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  language_row = pa_edit_language_row_new (_("_Language"), C_("language", "Choose…"), NULL, NULL);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (mother_row), _("_Mother tongue"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (mother_row), TRUE);
  adw_action_row_add_prefix (ADW_ACTION_ROW (mother_row), mother_check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (mother_row), mother_check);
  gtk_accessible_update_property (GTK_ACCESSIBLE (mother_check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Mother tongue"), -1);
  gtk_list_box_append (GTK_LIST_BOX (list), language_row);
  gtk_list_box_append (GTK_LIST_BOX (list), mother_row);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);
  g_object_set_data (G_OBJECT (dialog), "language-row", language_row);
  g_object_set_data (G_OBJECT (dialog), "mother-check", mother_check);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "add", _("_Add"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "add",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "add");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (add_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (language_row);
}

static void
pa_languages_page_dispose (GObject *object)
{
  PaLanguagesPage *self = PA_LANGUAGES_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), PA_TYPE_LANGUAGES_PAGE);
  g_clear_object (&self->empty_row);
  g_clear_pointer (&self->groups, g_ptr_array_unref);
  g_clear_pointer (&self->cefr, pa_framework_doc_unref);
  g_clear_pointer (&self->languages, g_strfreev);

  G_OBJECT_CLASS (pa_languages_page_parent_class)->dispose (object);
}

static void
pa_languages_page_class_init (PaLanguagesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  PaCasePageClass *page_class = PA_CASE_PAGE_CLASS (klass);

  object_class->dispose = pa_languages_page_dispose;
  page_class->reload = pa_languages_page_reload;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/passerelle/Passerelle/pa-languages-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PaLanguagesPage, records_box);
  gtk_widget_class_bind_template_child (widget_class, PaLanguagesPage, head_group);
  gtk_widget_class_bind_template_child (widget_class, PaLanguagesPage, add_button);
  gtk_widget_class_bind_template_callback (widget_class, add_clicked_cb);
}

static void
pa_languages_page_init (PaLanguagesPage *self)
{
  g_autoptr (GError) error = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->groups = g_ptr_array_new_with_free_func (g_free);
  self->languages = pa_edit_interface_languages ();
  self->cefr = pa_framework_doc_load_builtin ("cefr", &error);
  /* The file is built into the program: failing to read it is a bug. */
  if (self->cefr == NULL)
    g_error ("The built-in CEFR cannot be read: %s", error->message);
  self->empty_row = g_object_ref_sink (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->empty_row),
                                 _("No language recorded yet"));
  gtk_widget_add_css_class (self->empty_row, "dim-label");
}

GtkWidget *
pa_languages_page_new (void)
{
  return g_object_new (PA_TYPE_LANGUAGES_PAGE, NULL);
}
