/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "passerelle"

#include "config.h"

#include <glib/gi18n.h>

#include "pa-edit-rows.h"
#include "pa-education-page.h"
#include "pa-framework-xml.h"
#include "pa-iso-codes.h"
#include "pa-store-records.h"
#include "pa-ui-utils.h"

/* The Education and qualifications section of a case: one expandable row per
 * record whose fields are edited in place and saved as they change (the
 * ISCED level from the built-in framework, title, institution, country, year,
 * documents held, recognition). A record added opens ready for its title; one
 * removed comes back with Undo. */

typedef struct
{
  gint64 id;
  GtkWidget *expander;
  GtkWidget *title_row;
  GtkWidget *level_row;
  GtkWidget *institution_row;
  GtkWidget *country_row;
  GtkWidget *year_row;
  GtkWidget *documents_row;
  GtkWidget *recognition_row;
  GtkWidget *eqf_row;
  GtkWidget *notes_row;
} Record;

struct _PaEducationPage
{
  PaCasePage parent_instance;

  GtkBox *records_box;
  AdwPreferencesGroup *head_group;
  GtkWidget *add_button;
  GtkWidget *list_group;
  GtkWidget *error_box;
  GtkWidget *error_label;
  GtkWidget *empty_row;

  PaFrameworkDoc *isced;
  char **languages;
  GPtrArray *records;
  gint64 focus_id;          /* a record just added, to open */
};

G_DEFINE_FINAL_TYPE (PaEducationPage, pa_education_page, PA_TYPE_CASE_PAGE)

static const char *
level_label (PaEducationPage *self,
             int              level)
{
  g_autofree char *code = g_strdup_printf ("%d", level);
  const PaFrameworkLevel *found = pa_framework_doc_lookup_level (self->isced, code);

  return found ? pa_framework_text_lookup_chain (pa_framework_level_get_label (found),
                                                 (const char *const *) self->languages)
               : NULL;
}

static Record *
record_of (PaEducationPage *self,
           gint64           id)
{
  for (guint i = 0; i < self->records->len; i++)
    {
      Record *record = g_ptr_array_index (self->records, i);
      if (record->id == id)
        return record;
    }
  return NULL;
}

static char *
year_text (int year)
{
  return year > 0 ? g_strdup_printf ("%d", year) : NULL;
}

static void
update_record (PaEducationPage *self,
               Record          *record,
               PaEducation     *education,
               gboolean         fresh)
{
  void (*set_entry) (AdwEntryRow *, const char *) = fresh ? pa_edit_entry_reset
                                                          : pa_edit_entry_set_stored;
  g_autofree char *year = year_text (education->year_completed);
  g_autofree char *level = education->isced_level >= 0
                           ? g_strdup_printf ("%d", education->isced_level) : NULL;
  g_autofree char *eqf = education->eqf_estimate > 0
                         ? g_strdup_printf ("%d", education->eqf_estimate) : NULL;
  g_autoptr (GString) subtitle = g_string_new (NULL);
  const char *parts[] = {
    education->isced_level >= 0 ? level_label (self, education->isced_level) : NULL,
    education->institution,
    education->country ? pa_iso_country_name (education->country) : NULL,
    year,
  };

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (parts[i] != NULL)
      {
        if (subtitle->len > 0)
          g_string_append (subtitle, " · ");
        g_string_append (subtitle, parts[i]);
      }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (record->expander),
                                 education->original_title ? education->original_title
                                                           : _("Untitled qualification"));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (record->expander), subtitle->str);
  set_entry (ADW_ENTRY_ROW (record->title_row), education->original_title);
  pa_edit_combo_set_code (record->level_row, level);
  set_entry (ADW_ENTRY_ROW (record->institution_row), education->institution);
  pa_edit_combo_set_code (record->country_row, education->country);
  set_entry (ADW_ENTRY_ROW (record->year_row), year);
  pa_edit_combo_set_code (record->documents_row, education->documents_held);
  pa_edit_combo_set_code (record->recognition_row, education->recognition_status);
  pa_edit_combo_set_code (record->eqf_row, eqf);
  set_entry (ADW_ENTRY_ROW (record->notes_row), education->notes);
}

static int
parse_int (const char *code,
           int         none)
{
  return code != NULL ? (int) g_ascii_strtoll (code, NULL, 10) : none;
}

static void
field_changed_cb (GtkWidget *row,
                  gpointer   data)
{
  PaEducationPage *self = data;
  PaStore *store = pa_case_page_get_store (PA_CASE_PAGE (self));
  g_autoptr (PaEducation) education = NULL;
  g_autoptr (GError) error = NULL;
  const char *field = pa_edit_get_field (row);
  gboolean ok = TRUE;

  if (store == NULL || record_of (self, pa_edit_get_record (row)) == NULL)
    return;
  education = pa_store_education_get (store, pa_edit_get_record (row), &error);
  if (education != NULL)
    {
      g_autofree char *text = ADW_IS_ENTRY_ROW (row) ? pa_edit_entry_get_value (ADW_ENTRY_ROW (row))
                                                      : NULL;
      const char *code = ADW_IS_ENTRY_ROW (row) ? NULL : pa_edit_combo_get_code (row);

      if (g_str_equal (field, "title"))
        pa_edit_set_str (&education->original_title, text);
      else if (g_str_equal (field, "institution"))
        pa_edit_set_str (&education->institution, text);
      else if (g_str_equal (field, "notes"))
        pa_edit_set_str (&education->notes, text);
      else if (g_str_equal (field, "country"))
        pa_edit_set_str (&education->country, code);
      else if (g_str_equal (field, "documents"))
        pa_edit_set_str (&education->documents_held, code);
      else if (g_str_equal (field, "recognition"))
        pa_edit_set_str (&education->recognition_status, code);
      else if (g_str_equal (field, "level"))
        education->isced_level = parse_int (code, -1);
      else if (g_str_equal (field, "eqf"))
        education->eqf_estimate = parse_int (code, 0);
      else if (g_str_equal (field, "year"))
        {
          gint64 year = 0;

          if (text != NULL && !g_ascii_string_to_signed (text, 10, 1, 9999, &year, NULL))
            {
              g_set_error (&error, PA_STORE_ERROR, PA_STORE_ERROR_INVALID,
                           _("“%s” is not a year: write it with four digits, e.g. 2012."), text);
              ok = FALSE;
            }
          education->year_completed = (int) year;
        }
      if (ok && pa_store_education_update (store, education, &error))
        {
          pa_ui_set_row_error (row, self->error_box, self->error_label, NULL);
          return;
        }
    }
  pa_ui_set_row_error (row, self->error_box, self->error_label, error->message);
}

static gboolean
restore_education (PaStore  *store,
                   gpointer  record,
                   GError  **error)
{
  PaEducation *education = record;

  education->id = 0;
  return pa_store_education_add (store, education, error);
}

static void
remove_clicked_cb (GtkButton       *button,
                   PaEducationPage *self)
{
  PaStore *store = pa_case_page_get_store (PA_CASE_PAGE (self));
  gint64 id = pa_edit_get_record (GTK_WIDGET (button));
  g_autoptr (PaEducation) education = NULL;
  g_autoptr (GError) error = NULL;

  if (store == NULL)
    return;
  education = pa_store_education_get (store, id, &error);
  if (education == NULL || !pa_store_education_delete (store, id, &error))
    {
      pa_ui_set_row_error (GTK_WIDGET (button), self->error_box, self->error_label,
                           error->message);
      return;
    }
  pa_case_page_offer_undo (PA_CASE_PAGE (self), _("Education record removed"), g_steal_pointer (&education),
                           (GDestroyNotify) pa_education_free, restore_education);
}

static GtkWidget *
entry (Record          *record,
       PaEducationPage *self,
       const char      *title,
       const char      *field)
{
  GtkWidget *row = GTK_WIDGET (pa_edit_entry_row_new (title, field_changed_cb, self));

  pa_edit_set_record (row, record->id, field);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (record->expander), row);
  return row;
}

static GtkWidget *
combo (Record          *record,
       GtkWidget       *row,
       const char      *field)
{
  pa_edit_set_record (row, record->id, field);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (record->expander), row);
  return row;
}

static GtkWidget *
level_row_new (PaEducationPage *self)
{
  g_autoptr (GPtrArray) codes = g_ptr_array_new ();
  g_autoptr (GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (codes, (gpointer) "");
  g_ptr_array_add (labels, g_strdup (C_("isced", "Unknown")));
  for (guint i = 0; i < pa_framework_doc_get_n_levels (self->isced); i++)
    {
      const PaFrameworkLevel *level = pa_framework_doc_get_level (self->isced, i);
      const char *label = pa_framework_text_lookup_chain (pa_framework_level_get_label (level),
                                                          (const char *const *) self->languages);

      g_ptr_array_add (codes, (gpointer) pa_framework_level_get_code (level));
      /* Translators: an ISCED level, e.g. "3 · Upper secondary education" */
      g_ptr_array_add (labels, g_strdup_printf (_("%s · %s"), pa_framework_level_get_code (level),
                                                label));
    }
  g_ptr_array_add (codes, NULL);
  g_ptr_array_add (labels, NULL);
  return pa_edit_combo_row_new (_("ISCED _level"), (const char *const *) codes->pdata,
                                (const char *const *) labels->pdata, FALSE, field_changed_cb,
                                self);
}

static GtkWidget *
eqf_row_new (PaEducationPage *self)
{
  static const char *const codes[] = { "", "1", "2", "3", "4", "5", "6", "7", "8", NULL };
  const char *labels[] = { C_("eqf", "Not estimated"), "1", "2", "3", "4", "5", "6", "7", "8",
                           NULL };

  return pa_edit_combo_row_new (_("_EQF level (estimate)"), codes, labels, FALSE,
                                field_changed_cb, self);
}

static Record *
record_new (PaEducationPage *self,
            PaEducation     *education)
{
  Record *record = g_new0 (Record, 1);
  GtkWidget *button = pa_edit_icon_button_new ("user-trash-symbolic", _("Remove this record"));

  record->id = education->id;
  record->expander = adw_expander_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (record->expander), FALSE);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (record->expander), button);
  pa_edit_set_record (button, education->id, NULL);
  g_signal_connect_object (button, "clicked", G_CALLBACK (remove_clicked_cb), self, 0);

  record->title_row = entry (record, self, _("_Title as written on the diploma"), "title");
  record->level_row = combo (record, level_row_new (self), "level");
  record->institution_row = entry (record, self, _("_Institution"), "institution");
  record->country_row = combo (record, pa_edit_country_row_new (_("C_ountry"), field_changed_cb,
                                                                self), "country");
  record->year_row = entry (record, self, _("_Year completed"), "year");
  adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (record->year_row), GTK_INPUT_PURPOSE_DIGITS);
  record->documents_row = combo (record, pa_edit_value_row_new (_("_Documents held"),
                                                                "education.documents", NULL,
                                                                field_changed_cb, self),
                                 "documents");
  record->recognition_row = combo (record, pa_edit_value_row_new (_("_Recognition"),
                                                                  "education.recognition", NULL,
                                                                  field_changed_cb, self),
                                   "recognition");
  record->eqf_row = combo (record, eqf_row_new (self), "eqf");
  record->notes_row = entry (record, self, _("_Notes"), "notes");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->list_group), record->expander);
  update_record (self, record, education, TRUE);
  return record;
}

static void
clear_records (PaEducationPage *self)
{
  for (guint i = 0; i < self->records->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self->list_group),
                                  ((Record *) g_ptr_array_index (self->records, i))->expander);
  g_ptr_array_set_size (self->records, 0);
}

static void
pa_education_page_reload (PaCasePage *page)
{
  PaEducationPage *self = PA_EDUCATION_PAGE (page);
  PaStore *store = pa_case_page_get_store (page);
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (GError) error = NULL;
  gboolean same;

  if (store == NULL || pa_case_page_get_case (page) == NULL)
    {
      clear_records (self);
      return;
    }
  list = pa_store_education_list (store, pa_case_page_get_case_id (page), &error);
  if (list == NULL)
    {
      pa_case_page_toast (page, error->message);
      return;
    }
  same = list->len == self->records->len;
  for (guint i = 0; same && i < list->len; i++)
    same = ((PaEducation *) g_ptr_array_index (list, i))->id ==
           ((Record *) g_ptr_array_index (self->records, i))->id;
  if (!same)
    {
      clear_records (self);
      pa_ui_set_row_error (self->list_group, self->error_box, self->error_label, NULL);
      for (guint i = 0; i < list->len; i++)
        g_ptr_array_add (self->records, record_new (self, g_ptr_array_index (list, i)));
    }
  else
    for (guint i = 0; i < list->len; i++)
      update_record (self, g_ptr_array_index (self->records, i), g_ptr_array_index (list, i),
                     FALSE);
  pa_edit_group_show_row (self->head_group, self->empty_row, list->len == 0);
  gtk_widget_set_visible (self->list_group, list->len > 0);

  if (self->focus_id != 0)
    {
      Record *record = record_of (self, self->focus_id);

      self->focus_id = 0;
      if (record != NULL)
        {
          adw_expander_row_set_expanded (ADW_EXPANDER_ROW (record->expander), TRUE);
          gtk_widget_grab_focus (record->title_row);
        }
    }
}

static void
add_clicked_cb (PaEducationPage *self)
{
  PaStore *store = pa_case_page_get_store (PA_CASE_PAGE (self));
  g_autoptr (PaEducation) education = pa_education_new ();
  g_autoptr (GError) error = NULL;

  if (store == NULL || pa_case_page_get_case (PA_CASE_PAGE (self)) == NULL)
    return;
  education->case_id = pa_case_page_get_case_id (PA_CASE_PAGE (self));
  if (!pa_store_education_add (store, education, &error))
    {
      pa_case_page_toast (PA_CASE_PAGE (self), error->message);
      return;
    }
  self->focus_id = education->id;
  pa_case_page_queue_reload (PA_CASE_PAGE (self));
}

static gboolean
pa_education_page_save (PaCasePage *page)
{
  PaEducationPage *self = PA_EDUCATION_PAGE (page);
  gboolean ok = TRUE;

  for (guint i = 0; i < self->records->len; i++)
    {
      Record *record = g_ptr_array_index (self->records, i);
      GtkWidget *rows[] = { record->title_row, record->institution_row, record->year_row,
                            record->notes_row };

      for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
        if (pa_edit_entry_is_dirty (ADW_ENTRY_ROW (rows[r])))
          {
            field_changed_cb (rows[r], self);
            ok = ok && !gtk_widget_has_css_class (rows[r], "error");
          }
    }
  return ok;
}

static void
pa_education_page_dispose (GObject *object)
{
  PaEducationPage *self = PA_EDUCATION_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), PA_TYPE_EDUCATION_PAGE);
  g_clear_object (&self->empty_row);
  g_clear_pointer (&self->records, g_ptr_array_unref);
  g_clear_pointer (&self->isced, pa_framework_doc_unref);
  g_clear_pointer (&self->languages, g_strfreev);

  G_OBJECT_CLASS (pa_education_page_parent_class)->dispose (object);
}

static void
pa_education_page_class_init (PaEducationPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  PaCasePageClass *page_class = PA_CASE_PAGE_CLASS (klass);

  object_class->dispose = pa_education_page_dispose;
  page_class->reload = pa_education_page_reload;
  page_class->save = pa_education_page_save;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/passerelle/Passerelle/pa-education-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PaEducationPage, records_box);
  gtk_widget_class_bind_template_child (widget_class, PaEducationPage, head_group);
  gtk_widget_class_bind_template_child (widget_class, PaEducationPage, add_button);
  gtk_widget_class_bind_template_callback (widget_class, add_clicked_cb);
}

static void
pa_education_page_init (PaEducationPage *self)
{
  g_autoptr (GError) error = NULL;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->records = g_ptr_array_new_with_free_func (g_free);
  self->languages = pa_edit_interface_languages ();
  self->isced = pa_framework_doc_load_builtin ("isced", &error);
  /* The file is built into the program: failing to read it is a bug. */
  if (self->isced == NULL)
    g_error ("The built-in ISCED cannot be read: %s", error->message);
  self->list_group = adw_preferences_group_new ();
  self->error_box = pa_edit_error_box_new (&self->error_label);
  gtk_box_append (GTK_BOX (box), self->list_group);
  gtk_box_append (GTK_BOX (box), self->error_box);
  gtk_box_append (self->records_box, box);
  self->empty_row = g_object_ref_sink (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->empty_row),
                                 _("No education recorded yet"));
  gtk_widget_add_css_class (self->empty_row, "dim-label");
}

GtkWidget *
pa_education_page_new (void)
{
  return g_object_new (PA_TYPE_EDUCATION_PAGE, NULL);
}
