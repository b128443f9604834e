/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "passerelle"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pa-cohort.h"
#include "pa-edit-rows.h"
#include "pa-experiences-page.h"
#include "pa-iso-codes.h"
#include "pa-concept-picker.h"
#include "pa-store-records.h"
#include "pa-ui-utils.h"

/* The Experiences section of a case: every kind of experience, latest first,
 * each in an expander row whose rows edit it in place; the stages of the
 * migration journey apart, in the order they happened. New ones are added
 * through a small dialog that asks the kind first. */
struct _PaExperiencesPage
{
  PaCasePage parent_instance;

  GtkStack *stack;
  AdwStatusPage *empty_page;
  GtkListBox *experience_list;
  GtkListBox *journey_list;
  GtkWidget *error_box;
  GtkWidget *error_label;

  GListStore *experiences;   /* GObject carrying a PaExperience ("record") */
  GListStore *journey;
  /* Set while this page stores a change, whose "case-changed" it has no
   * need to reload for (a reload would close the row being edited). */
  gboolean storing;
  GtkWindow *dialog;
};

G_DEFINE_FINAL_TYPE (PaExperiencesPage, pa_experiences_page, PA_TYPE_CASE_PAGE)

/* The rows that edit one experience, in an expander row or in the dialog. */
typedef struct
{
  PaExperiencesPage *page;
  PaExperience *record;
  gboolean in_place;
  GtkWidget *owner;          /* the widget holding these fields */
  char *occupation_uri;      /* chosen, stored or not */
  AdwExpanderRow *expander;
  AdwComboRow *kind_row;
  AdwEntryRow *title_row;
  AdwActionRow *occupation_row;
  GtkWidget *occupation_clear;
  AdwEntryRow *organisation_row;
  AdwEntryRow *place_row;
  AdwComboRow *country_row;
  AdwEntryRow *start_row;
  AdwEntryRow *end_row;
  AdwEntryRow *tasks_row;
  GtkWidget *error_box;
  GtkWidget *error_label;
  GtkWidget *add_button;     /* the dialog's */
} Fields;

static void
fields_free (Fields *fields)
{
  g_clear_pointer (&fields->record, pa_experience_free);
  g_free (fields->occupation_uri);
  g_free (fields);
}

static const char *
display_lang (void)
{
  static char *lang;

  if (lang == NULL)
    lang = pa_concept_picker_default_language ();
  return lang;
}

static int
compare_country_names (gconstpointer a,
                       gconstpointer b)
{
  const char *ca = *(const char * const *) a;
  const char *cb = *(const char * const *) b;

  return g_utf8_collate (pa_iso_country_name (ca), pa_iso_country_name (cb));
}

/* Countries by translated name, after "Not given"; codes parallel. */
static GPtrArray *
country_codes (void)
{
  static GPtrArray *codes;

  if (codes == NULL)
    {
      g_autoptr (GPtrArray) entries = pa_iso_countries ();
      GPtrArray *sorted = g_ptr_array_new ();

      for (guint i = 0; i < entries->len; i++)
        g_ptr_array_add (sorted, (gpointer) ((PaIsoEntry *) g_ptr_array_index (entries, i))->code);
      g_ptr_array_sort (sorted, compare_country_names);
      codes = sorted;
    }
  return codes;
}

static GtkStringList *
country_model (void)
{
  GPtrArray *codes = country_codes ();
  GtkStringList *names = gtk_string_list_new (NULL);

  gtk_string_list_append (names, C_("country", "Not given"));
  for (guint i = 0; i < codes->len; i++)
    gtk_string_list_append (names, pa_iso_country_name (g_ptr_array_index (codes, i)));
  return names;
}

static guint
country_position (const char *code)
{
  GPtrArray *codes = country_codes ();

  if (code == NULL)
    return 0;
  for (guint i = 0; i < codes->len; i++)
    if (g_ascii_strcasecmp (g_ptr_array_index (codes, i), code) == 0)
      return i + 1;
  return 0;
}

static const char *
country_at (guint position)
{
  GPtrArray *codes = country_codes ();

  if (position == 0 || position == GTK_INVALID_LIST_POSITION || position > codes->len)
    return NULL;
  return g_ptr_array_index (codes, position - 1);
}

static GtkStringList *
kind_model (void)
{
  GtkStringList *names = gtk_string_list_new (NULL);
  const char *const *kinds = pa_record_values ("experience.kind");

  for (guint i = 0; kinds[i] != NULL; i++)
    gtk_string_list_append (names, pa_record_value_label ("experience.kind", kinds[i]));
  return names;
}

static guint
kind_position (const char *kind)
{
  const char *const *kinds = pa_record_values ("experience.kind");

  for (guint i = 0; kinds[i] != NULL; i++)
    if (g_strcmp0 (kinds[i], kind) == 0)
      return i;
  return 0;
}

static const char *
kind_at (guint position)
{
  const char *const *kinds = pa_record_values ("experience.kind");

  return kinds[position < g_strv_length ((char **) kinds) ? position : 0];
}

static gboolean
is_journey (const PaExperience *x)
{
  return g_strcmp0 (x->kind, "migration_journey") == 0;
}

/* "2019 – 2022", "since March 2021", "" */
/* A date kept whole inside text of the other direction ("2014-03" would
 * read "03-2014" among Arabic words): first-strong isolate … pop. */
static char *
isolated_date (const char *iso)
{
  g_autofree char *date = iso ? pa_ui_format_date (iso) : NULL;

  return date ? g_strconcat ("\u2068", date, "\u2069", NULL) : NULL;
}

static char *
format_period (const char *start,
               const char *end)
{
  g_autofree char *from = isolated_date (start);
  g_autofree char *until = isolated_date (end);

  if (from && until)
    /* Translators: a period of time, "2019 – 2022" */
    return g_strdup_printf (C_("period", "%s – %s"), from, until);
  if (from)
    /* Translators: a period still running, "since 2021" */
    return g_strdup_printf (C_("period", "since %s"), from);
  if (until)
    /* Translators: a period of which only the end is known */
    return g_strdup_printf (C_("period", "until %s"), until);
  return g_strdup ("");
}

static char *
occupation_label (PaExperiencesPage *self,
                  const char        *uri)
{
  PaStore *store = pa_case_page_get_store (PA_CASE_PAGE (self));

  if (uri == NULL || store == NULL)
    return NULL;
  return pa_concept_label (store, uri, display_lang ());
}

/* Kind · occupation · employer, place, country · period */
static char *
describe (PaExperiencesPage  *self,
          const PaExperience *x)
{
  g_autoptr (GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) where = g_ptr_array_new ();
  g_autofree char *occupation = occupation_label (self, x->occupation_uri);
  g_autofree char *period = format_period (x->start_date, x->end_date);
  g_autofree char *text = NULL;

  if (!is_journey (x))
    g_ptr_array_add (parts, g_strdup (pa_record_value_label ("experience.kind", x->kind)));
  if (occupation && g_strcmp0 (occupation, x->title) != 0)
    g_ptr_array_add (parts, g_steal_pointer (&occupation));
  if (x->organisation && *x->organisation)
    g_ptr_array_add (where, x->organisation);
  if (x->place && *x->place)
    g_ptr_array_add (where, x->place);
  if (x->country && pa_iso_country_name (x->country))
    g_ptr_array_add (where, (gpointer) pa_iso_country_name (x->country));
  if (where->len > 0)
    {
      g_ptr_array_add (where, NULL);
      g_ptr_array_add (parts, g_strjoinv (", ", (char **) where->pdata));
    }
  if (*period)
    g_ptr_array_add (parts, g_steal_pointer (&period));
  /* Each part in its own direction, whatever the interface's. */
  for (guint i = 0; i < parts->len; i++)
    {
      char *part = g_ptr_array_index (parts, i);
      parts->pdata[i] = g_strconcat ("\u2068", part, "\u2069", NULL);
      g_free (part);
    }
  g_ptr_array_add (parts, NULL);
  text = g_strjoinv (" · ", (char **) parts->pdata);
  return g_markup_escape_text (text, -1);
}

static void
set_text (AdwEntryRow *row,
          const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
}

static char *
get_text (AdwEntryRow *row)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  return *text ? g_steal_pointer (&text) : NULL;
}

static void
fields_show_occupation (Fields *fields)
{
  g_autofree char *label = occupation_label (fields->page, fields->occupation_uri);

  adw_action_row_set_subtitle (fields->occupation_row,
                               label ? label : _("Not chosen: choose one to see matching skills"));
  gtk_widget_set_visible (fields->occupation_clear, fields->occupation_uri != NULL);
}

/* Only the fields a kind of experience has, named as that kind names them. */
static void
fields_follow_kind (Fields *fields)
{
  const char *kind = kind_at (adw_combo_row_get_selected (fields->kind_row));
  gboolean journey = g_strcmp0 (kind, "migration_journey") == 0;
  gboolean learning = g_strcmp0 (kind, "non_formal_course") == 0 ||
                      g_strcmp0 (kind, "informal_learning") == 0;
  const char *title, *organisation, *tasks;

  if (journey)
    {
      title = _("Stage, e.g. “Work in Istanbul while waiting”");
      organisation = NULL;
      tasks = _("What had to be done or learned");
    }
  else if (learning)
    {
      title = _("What was learned");
      organisation = _("Provider or teacher");
      tasks = _("Content and results");
    }
  else
    {
      title = _("Job title or role");
      organisation = g_strcmp0 (kind, "paid_work") == 0 ? _("Employer")
                     : g_strcmp0 (kind, "self_employment") == 0 ? _("Business")
                     : g_strcmp0 (kind, "family_care") == 0 ? NULL
                     : _("Organisation");
      tasks = _("Tasks");
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (fields->title_row), title);
  gtk_widget_set_visible (GTK_WIDGET (fields->organisation_row), organisation != NULL);
  if (organisation)
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (fields->organisation_row), organisation);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (fields->tasks_row), tasks);
  gtk_widget_set_visible (GTK_WIDGET (fields->occupation_row), !journey && !learning);
}

static void
fields_read (Fields       *fields,
             PaExperience *x)
{
  g_free (x->kind);
  x->kind = g_strdup (kind_at (adw_combo_row_get_selected (fields->kind_row)));
  g_free (x->title);
  x->title = get_text (fields->title_row);
  g_free (x->organisation);
  x->organisation = gtk_widget_get_visible (GTK_WIDGET (fields->organisation_row))
                    ? get_text (fields->organisation_row) : NULL;
  g_free (x->place);
  x->place = get_text (fields->place_row);
  g_free (x->country);
  x->country = g_strdup (country_at (adw_combo_row_get_selected (fields->country_row)));
  g_free (x->start_date);
  x->start_date = get_text (fields->start_row);
  g_free (x->end_date);
  x->end_date = get_text (fields->end_row);
  g_free (x->tasks);
  x->tasks = get_text (fields->tasks_row);
  g_free (x->occupation_uri);
  x->occupation_uri = gtk_widget_get_visible (GTK_WIDGET (fields->occupation_row))
                      ? g_strdup (fields->occupation_uri) : NULL;
}

static PaExperience *
experience_copy (const PaExperience *x)
{
  PaExperience *copy = pa_experience_new ();

  copy->id = x->id;
  copy->case_id = x->case_id;
  g_free (copy->kind);
  copy->kind = g_strdup (x->kind);
  copy->title = g_strdup (x->title);
  copy->organisation = g_strdup (x->organisation);
  copy->country = g_strdup (x->country);
  copy->place = g_strdup (x->place);
  copy->start_date = g_strdup (x->start_date);
  copy->end_date = g_strdup (x->end_date);
  copy->tasks = g_strdup (x->tasks);
  copy->occupation_uri = g_strdup (x->occupation_uri);
  copy->position = x->position;
  return copy;
}

/* Stores an edit made in place; the rows keep what was typed when the store
 * refuses it, with the reason under them. */
static void
fields_save (Fields    *fields,
             GtkWidget *row)
{
  PaExperiencesPage *self = fields->page;
  PaStore *store = pa_case_page_get_store (PA_CASE_PAGE (self));
  g_autoptr (PaExperience) edited = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *title = NULL;
  gboolean moved;

  if (!fields->in_place || store == NULL)
    return;
  edited = experience_copy (fields->record);
  fields_read (fields, edited);
  if (g_strcmp0 (edited->title, fields->record->title) == 0 &&
      g_strcmp0 (edited->kind, fields->record->kind) == 0 &&
      g_strcmp0 (edited->organisation, fields->record->organisation) == 0 &&
      g_strcmp0 (edited->place, fields->record->place) == 0 &&
      g_strcmp0 (edited->country, fields->record->country) == 0 &&
      g_strcmp0 (edited->start_date, fields->record->start_date) == 0 &&
      g_strcmp0 (edited->end_date, fields->record->end_date) == 0 &&
      g_strcmp0 (edited->tasks, fields->record->tasks) == 0 &&
      g_strcmp0 (edited->occupation_uri, fields->record->occupation_uri) == 0 &&
      !gtk_widget_has_css_class (row, "error"))
    return;
  if (edited->title == NULL)
    {
      g_set_error_literal (&error, PA_STORE_ERROR, PA_STORE_ERROR_INVALID,
                           _("An experience needs a title."));
    }
  else
    {
      self->storing = TRUE;
      pa_store_experience_update (store, edited, &error);
      self->storing = FALSE;
    }
  if (error != NULL)
    {
      pa_ui_set_row_error (row, fields->error_box, fields->error_label, error->message);
      return;
    }
  pa_ui_set_row_error (row, fields->error_box, fields->error_label, NULL);
  /* A change of kind or of dates moves the row: the list is read again. */
  moved = is_journey (edited) != is_journey (fields->record) ||
          g_strcmp0 (edited->start_date, fields->record->start_date) != 0;
  pa_experience_free (fields->record);
  fields->record = g_steal_pointer (&edited);
  if (moved)
    {
      pa_case_page_queue_reload (PA_CASE_PAGE (self));
      return;
    }
  title = g_markup_escape_text (fields->record->title, -1);
  subtitle = describe (self, fields->record);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (fields->expander), title);
  adw_expander_row_set_subtitle (fields->expander, subtitle);
}

static void
entry_apply_cb (AdwEntryRow *row,
                Fields      *fields)
{
  fields_save (fields, GTK_WIDGET (row));
}

static void
entry_focus_leave_cb (GtkEventControllerFocus *controller,
                      Fields                  *fields)
{
  fields_save (fields, gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)));
}

static void
combo_changed_cb (AdwComboRow *row,
                  GParamSpec  *pspec,
                  Fields      *fields)
{
  if (row == fields->kind_row)
    fields_follow_kind (fields);
  fields_save (fields, GTK_WIDGET (row));
}

static void
dialog_title_changed_cb (Fields *fields)
{
  g_autofree char *title = get_text (fields->title_row);

  if (fields->add_button)
    gtk_widget_set_sensitive (fields->add_button, title != NULL);
}

static void
set_occupation (Fields     *fields,
                const char *uri,
                const char *label)
{

  g_free (fields->occupation_uri);
  fields->occupation_uri = g_strdup (uri);
  fields_show_occupation (fields);
  if (fields->in_place)
    fields_save (fields, GTK_WIDGET (fields->occupation_row));
  else
    {
      g_autofree char *title = get_text (fields->title_row);

      /* The occupation's name is a good first title. */
      if (title == NULL && label != NULL)
        set_text (fields->title_row, label);
    }
}

/* The picker answers after the rows may have been rebuilt: it finds the
 * fields through a weak reference to the widget holding them. */
static void
occupation_chosen_cb (const char *uri,
                      const char *label,
                      gpointer    user_data)
{
  GWeakRef *ref = user_data;
  g_autoptr (GtkWidget) owner = g_weak_ref_get (ref);
  Fields *fields = owner ? g_object_get_data (G_OBJECT (owner), "fields") : NULL;

  g_weak_ref_clear (ref);
  g_free (ref);
  if (fields != NULL && uri != NULL)
    set_occupation (fields, uri, label);
}

static void
choose_occupation_cb (GtkButton *button,
                      Fields    *fields)
{
  GWeakRef *ref = g_new0 (GWeakRef, 1);

  g_weak_ref_init (ref, fields->owner);
  pa_concept_picker_run (GTK_WIDGET (button), pa_case_page_get_store (PA_CASE_PAGE (fields->page)),
                         PA_CONCEPT_KIND_OCCUPATION | PA_CONCEPT_KIND_ISCO_GROUP,
                         _("Choose an Occupation"), occupation_chosen_cb, ref);
}

static void
clear_occupation_cb (GtkButton *button,
                     Fields    *fields)
{
  set_occupation (fields, NULL, NULL);
}

static AdwEntryRow *
entry_row (Fields     *fields,
           const char *title,
           const char *text,
           const char *name)
{
  AdwEntryRow *row = ADW_ENTRY_ROW (adw_entry_row_new ());

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_widget_set_name (GTK_WIDGET (row), name);
  set_text (row, text);
  if (fields->in_place)
    {
      GtkEventController *focus = gtk_event_controller_focus_new ();

      adw_entry_row_set_show_apply_button (row, TRUE);
      g_signal_connect (row, "apply", G_CALLBACK (entry_apply_cb), fields);
      g_signal_connect (focus, "leave", G_CALLBACK (entry_focus_leave_cb), fields);
      gtk_widget_add_controller (GTK_WIDGET (row), focus);
    }
  return row;
}

/* Builds the rows for @record (owned by the fields from now on), adding each
 * with @add to @container. */
static Fields *
fields_new (PaExperiencesPage *self,
            PaExperience      *record,
            gboolean           in_place,
            void             (*add) (gpointer container, GtkWidget *row),
            gpointer           container)
{
  Fields *fields = g_new0 (Fields, 1);
  g_autoptr (GtkStringList) kinds = kind_model ();
  g_autoptr (GtkStringList) countries = country_model ();
  GtkWidget *choose, *box, *icon;

  fields->page = self;
  fields->record = record;
  fields->occupation_uri = g_strdup (record->occupation_uri);
  fields->in_place = in_place;

  fields->kind_row = ADW_COMBO_ROW (adw_combo_row_new ());
  gtk_widget_set_name (GTK_WIDGET (fields->kind_row), "kind");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (fields->kind_row), _("Kind"));
  adw_combo_row_set_model (fields->kind_row, G_LIST_MODEL (kinds));
  adw_combo_row_set_selected (fields->kind_row, kind_position (record->kind));
  add (container, GTK_WIDGET (fields->kind_row));

  fields->title_row = entry_row (fields, "", record->title, "title");
  add (container, GTK_WIDGET (fields->title_row));

  fields->occupation_row = ADW_ACTION_ROW (adw_action_row_new ());
  gtk_widget_set_name (GTK_WIDGET (fields->occupation_row), "occupation");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (fields->occupation_row), _("Occupation"));
  fields->occupation_clear = gtk_button_new_from_icon_name ("edit-clear-symbolic");
  gtk_widget_set_valign (fields->occupation_clear, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (fields->occupation_clear, "flat");
  gtk_widget_set_tooltip_text (fields->occupation_clear, _("Clear the occupation"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (fields->occupation_clear),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Clear the occupation"), -1);
  g_signal_connect (fields->occupation_clear, "clicked", G_CALLBACK (clear_occupation_cb), fields);
  choose = gtk_button_new_with_mnemonic (_("_Choose…"));
  gtk_widget_set_name (choose, "choose-occupation");
  gtk_widget_set_valign (choose, GTK_ALIGN_CENTER);
  g_signal_connect (choose, "clicked", G_CALLBACK (choose_occupation_cb), fields);
  adw_action_row_add_suffix (fields->occupation_row, fields->occupation_clear);
  adw_action_row_add_suffix (fields->occupation_row, choose);
  adw_action_row_set_activatable_widget (fields->occupation_row, choose);
  fields_show_occupation (fields);
  add (container, GTK_WIDGET (fields->occupation_row));

  fields->organisation_row = entry_row (fields, _("Organisation"), record->organisation, "organisation");
  add (container, GTK_WIDGET (fields->organisation_row));
  fields->place_row = entry_row (fields, _("Town or place"), record->place, "place");
  add (container, GTK_WIDGET (fields->place_row));

  fields->country_row = ADW_COMBO_ROW (adw_combo_row_new ());
  gtk_widget_set_name (GTK_WIDGET (fields->country_row), "country");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (fields->country_row), _("Country"));
  adw_combo_row_set_model (fields->country_row, G_LIST_MODEL (countries));
  adw_combo_row_set_selected (fields->country_row, country_position (record->country));
  add (container, GTK_WIDGET (fields->country_row));

  fields->start_row = entry_row (fields, _("From (year, YYYY-MM or YYYY-MM-DD)"), record->start_date, "start");
  add (container, GTK_WIDGET (fields->start_row));
  fields->end_row = entry_row (fields, _("Until (empty while it goes on)"), record->end_date, "end");
  add (container, GTK_WIDGET (fields->end_row));
  fields->tasks_row = entry_row (fields, _("Tasks"), record->tasks, "tasks");
  add (container, GTK_WIDGET (fields->tasks_row));

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_visible (box, FALSE);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_add_css_class (box, "error");
  icon = gtk_image_new_from_icon_name ("dialog-error-symbolic");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Error"), -1);
  gtk_box_append (GTK_BOX (box), icon);
  fields->error_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (fields->error_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (fields->error_label), 0);
  gtk_widget_set_hexpand (fields->error_label, TRUE);
  gtk_box_append (GTK_BOX (box), fields->error_label);
  fields->error_box = box;
  add (container, box);

  fields_follow_kind (fields);
  g_signal_connect (fields->kind_row, "notify::selected", G_CALLBACK (combo_changed_cb), fields);
  g_signal_connect (fields->country_row, "notify::selected", G_CALLBACK (combo_changed_cb), fields);
  return fields;
}

static void
add_to_expander (gpointer   container,
                 GtkWidget *row)
{
  adw_expander_row_add_row (ADW_EXPANDER_ROW (container), row);
}

static void
add_to_list (gpointer   container,
             GtkWidget *row)
{
  gtk_list_box_append (GTK_LIST_BOX (container), row);
}

/* Removal, undone from the toast: the record is stored again as it was,
 * under its id and with its links to the case's competences. */

typedef struct
{
  PaExperiencesPage *page;
  PaExperienceSnapshot *snapshot;
} Removed;

static void
removed_free (gpointer data)
{
  Removed *removed = data;

  g_clear_weak_pointer (&removed->page);
  pa_experience_snapshot_free (removed->snapshot);
  g_free (removed);
}

static void
undo_remove_cb (AdwToast *toast,
                Removed  *removed)
{
  g_autoptr (GError) error = NULL;
  PaStore *store;

  if (removed->page == NULL || (store = pa_case_page_get_store (PA_CASE_PAGE (removed->page))) == NULL)
    return;
  if (!pa_store_experience_restore (store, removed->snapshot, &error))
    pa_case_page_toast (PA_CASE_PAGE (removed->page), error->message);
}

static void
remove_cb (GtkButton *button,
           Fields    *fields)
{
  PaExperiencesPage *self = fields->page;
  PaStore *store = pa_case_page_get_store (PA_CASE_PAGE (self));
  g_autoptr (PaExperienceSnapshot) snapshot = NULL;
  g_autoptr (GError) error = NULL;
  Removed *removed;
  AdwToast *toast;
  g_autofree char *message = NULL;
  g_autofree char *escaped = NULL;

  /* Deleting reloads the list: @fields is gone after it. */
  snapshot = pa_store_experience_snapshot (store, fields->record->id, &error);
  if (snapshot == NULL || !pa_store_experience_delete (store, snapshot->experience->id, &error))
    {
      pa_ui_set_row_error (GTK_WIDGET (fields->expander), fields->error_box, fields->error_label,
                           error->message);
      return;
    }
  removed = g_new0 (Removed, 1);
  g_set_weak_pointer (&removed->page, self);
  /* Translators: a toast, %s is an experience's title */
  message = g_strdup_printf (_("“%s” removed"), snapshot->experience->title);
  removed->snapshot = g_steal_pointer (&snapshot);
  escaped = g_markup_escape_text (message, -1);
  toast = adw_toast_new (escaped);
  adw_toast_set_button_label (toast, _("_Undo"));
  /* Undo cannot wait behind earlier messages. */
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo_remove_cb), removed,
                         (GClosureNotify) (void (*) (void)) removed_free, 0);
  pa_case_page_add_toast (PA_CASE_PAGE (self), toast);
}

static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  PaExperiencesPage *self = user_data;
  PaExperience *x = g_object_get_data (item, "record");
  AdwExpanderRow *expander = ADW_EXPANDER_ROW (adw_expander_row_new ());
  g_autofree char *title = g_markup_escape_text (x->title, -1);
  g_autofree char *subtitle = describe (self, x);
  Fields *fields;
  GtkWidget *remove, *remove_row;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), title);
  adw_expander_row_set_subtitle (expander, subtitle);
  if (is_journey (x))
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("mark-location-symbolic");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Journey stage"), -1);
      adw_expander_row_add_prefix (expander, icon);
    }
  fields = fields_new (self, experience_copy (x), TRUE, add_to_expander, expander);
  fields->expander = expander;
  fields->owner = GTK_WIDGET (expander);
  g_object_set_data_full (G_OBJECT (expander), "fields", fields, (GDestroyNotify) fields_free);

  remove_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (remove_row), _("Remove this experience"));
  remove = gtk_button_new_with_mnemonic (_("_Remove"));
  gtk_widget_set_name (remove, "remove");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "destructive-action");
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_cb), fields);
  adw_action_row_add_suffix (ADW_ACTION_ROW (remove_row), remove);
  adw_expander_row_add_row (expander, remove_row);
  return GTK_WIDGET (expander);
}

/* Latest first; undated last. Journey stages in the order they happened. */
static int
compare_experiences (gconstpointer a,
                     gconstpointer b)
{
  const PaExperience *xa = *(PaExperience **) a;
  const PaExperience *xb = *(PaExperience **) b;
  int order;

  if (is_journey (xa) && is_journey (xb))
    {
      order = g_strcmp0 (xa->start_date ? xa->start_date : "9999", xb->start_date ? xb->start_date : "9999");
      return order ? order : xa->position - xb->position;
    }
  order = g_strcmp0 (xb->start_date ? xb->start_date : "", xa->start_date ? xa->start_date : "");
  return order ? order : xa->position - xb->position;
}

static void
pa_experiences_page_reload (PaCasePage *page)
{
  PaExperiencesPage *self = PA_EXPERIENCES_PAGE (page);
  PaStore *store = pa_case_page_get_store (page);
  gint64 case_id = pa_case_page_get_case_id (page);
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) work = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GPtrArray) stages = g_ptr_array_new_with_free_func (g_object_unref);

  if (self->storing)
    return;
  if (store == NULL || case_id == 0)
    {
      g_list_store_remove_all (self->experiences);
      g_list_store_remove_all (self->journey);
      return;
    }
  list = pa_store_experience_list (store, case_id, &error);
  if (list == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "list");
      pa_ui_set_row_error (GTK_WIDGET (self->experience_list), self->error_box, self->error_label,
                           error->message);
      return;
    }
  pa_ui_set_row_error (GTK_WIDGET (self->experience_list), self->error_box, self->error_label, NULL);
  g_ptr_array_sort (list, compare_experiences);
  for (guint i = 0; i < list->len; i++)
    {
      PaExperience *x = g_ptr_array_index (list, i);
      GObject *item = g_object_new (G_TYPE_OBJECT, NULL);

      g_object_set_data_full (item, "record", experience_copy (x), (GDestroyNotify) pa_experience_free);
      g_ptr_array_add (is_journey (x) ? stages : work, item);
    }
  g_list_store_splice (self->experiences, 0, g_list_model_get_n_items (G_LIST_MODEL (self->experiences)),
                       work->pdata, work->len);
  g_list_store_splice (self->journey, 0, g_list_model_get_n_items (G_LIST_MODEL (self->journey)),
                       stages->pdata, stages->len);
  gtk_stack_set_visible_child_name (self->stack, list->len > 0 ? "list" : "empty");
}

/* The dialog that adds an experience. */

static void
dialog_add_cb (GtkButton *button,
               Fields    *fields)
{
  PaExperiencesPage *self = fields->page;
  PaStore *store = pa_case_page_get_store (PA_CASE_PAGE (self));
  g_autoptr (PaExperience) x = pa_experience_new ();
  g_autoptr (GError) error = NULL;

  fields_read (fields, x);
  x->case_id = pa_case_page_get_case_id (PA_CASE_PAGE (self));
  if (x->title == NULL)
    g_set_error_literal (&error, PA_STORE_ERROR, PA_STORE_ERROR_INVALID,
                         _("An experience needs a title."));
  else
    pa_store_experience_add (store, x, &error);
  if (error != NULL)
    {
      pa_ui_set_row_error (GTK_WIDGET (fields->title_row), fields->error_box, fields->error_label,
                           error->message);
      return;
    }
  gtk_window_destroy (self->dialog);
}

static void
dialog_cancel_cb (GtkButton *button,
                  GtkWindow *dialog)
{
  gtk_window_destroy (dialog);
}

static void
open_dialog (PaExperiencesPage *self,
             const char        *kind)
{
  PaExperience *x = pa_experience_new ();
  GtkWidget *dialog, *box, *header, *cancel, *add, *list, *clamp, *scrolled;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  Fields *fields;

  if (pa_case_page_get_case_id (PA_CASE_PAGE (self)) == 0)
    {
      pa_experience_free (x);
      return;
    }
  if (self->dialog != NULL)
    gtk_window_destroy (self->dialog);
  g_free (x->kind);
  x->kind = g_strdup (kind);

  dialog = adw_window_new ();
  gtk_widget_set_name (dialog, "experience-dialog");
  gtk_window_set_title (GTK_WINDOW (dialog), _("New Experience"));
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 520, 640);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (root));
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  add = gtk_button_new_with_mnemonic (_("_Add"));
  gtk_widget_set_name (add, "add");
  gtk_widget_add_css_class (add, "suggested-action");
  gtk_widget_set_sensitive (add, FALSE);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), add);
  gtk_box_append (GTK_BOX (box), header);

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_widget_set_valign (list, GTK_ALIGN_START);
  clamp = adw_clamp_new ();
  gtk_widget_set_margin_top (clamp, 12);
  gtk_widget_set_margin_bottom (clamp, 12);
  gtk_widget_set_margin_start (clamp, 12);
  gtk_widget_set_margin_end (clamp, 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), list);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_box_append (GTK_BOX (box), scrolled);
  adw_window_set_content (ADW_WINDOW (dialog), box);

  fields = fields_new (self, x, FALSE, add_to_list, list);
  fields->add_button = add;
  fields->owner = dialog;
  g_object_set_data_full (G_OBJECT (dialog), "fields", fields, (GDestroyNotify) fields_free);
  g_signal_connect_swapped (fields->title_row, "changed", G_CALLBACK (dialog_title_changed_cb), fields);
  g_signal_connect_swapped (fields->title_row, "entry-activated", G_CALLBACK (gtk_widget_activate), add);
  g_signal_connect (add, "clicked", G_CALLBACK (dialog_add_cb), fields);
  g_signal_connect (cancel, "clicked", G_CALLBACK (dialog_cancel_cb), dialog);
  gtk_window_set_default_widget (GTK_WINDOW (dialog), add);

  self->dialog = GTK_WINDOW (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (GTK_WIDGET (fields->kind_row));
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  open_dialog (PA_EXPERIENCES_PAGE (widget), "paid_work");
}

static void
add_stage_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  open_dialog (PA_EXPERIENCES_PAGE (widget), "migration_journey");
}

static void
pa_experiences_page_dispose (GObject *object)
{
  PaExperiencesPage *self = PA_EXPERIENCES_PAGE (object);

  if (self->dialog != NULL)
    gtk_window_destroy (self->dialog);
  gtk_widget_dispose_template (GTK_WIDGET (object), PA_TYPE_EXPERIENCES_PAGE);
  g_clear_object (&self->experiences);
  g_clear_object (&self->journey);

  G_OBJECT_CLASS (pa_experiences_page_parent_class)->dispose (object);
}

static void
pa_experiences_page_class_init (PaExperiencesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  PaCasePageClass *page_class = PA_CASE_PAGE_CLASS (klass);

  object_class->dispose = pa_experiences_page_dispose;
  page_class->reload = pa_experiences_page_reload;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/passerelle/Passerelle/pa-experiences-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PaExperiencesPage, stack);
  gtk_widget_class_bind_template_child (widget_class, PaExperiencesPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, PaExperiencesPage, experience_list);
  gtk_widget_class_bind_template_child (widget_class, PaExperiencesPage, journey_list);
  gtk_widget_class_bind_template_child (widget_class, PaExperiencesPage, error_box);
  gtk_widget_class_bind_template_child (widget_class, PaExperiencesPage, error_label);

  gtk_widget_class_install_action (widget_class, "experiences.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "experiences.add-stage", NULL, add_stage_action);
}

static void
pa_experiences_page_init (PaExperiencesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->experiences = g_list_store_new (G_TYPE_OBJECT);
  self->journey = g_list_store_new (G_TYPE_OBJECT);
  gtk_list_box_bind_model (self->experience_list, G_LIST_MODEL (self->experiences),
                           create_row_cb, self, NULL);
  gtk_list_box_bind_model (self->journey_list, G_LIST_MODEL (self->journey),
                           create_row_cb, self, NULL);
  gtk_list_box_set_placeholder (self->experience_list,
                                pa_edit_placeholder_new (_("Only the journey so far: add work, "
                                                           "volunteering, care or courses.")));
  gtk_list_box_set_placeholder (self->journey_list,
                                pa_edit_placeholder_new (_("No stage recorded. The journey often "
                                                           "shows languages, organisation and "
                                                           "resilience.")));
}

GtkWidget *
pa_experiences_page_new (void)
{
  return g_object_new (PA_TYPE_EXPERIENCES_PAGE, NULL);
}
