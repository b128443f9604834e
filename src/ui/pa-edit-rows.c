/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "passerelle"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pa-edit-rows.h"
#include "pa-frameworks.h"
#include "pa-iso-codes.h"
#include "pa-records.h"
#include "pa-ui-utils.h"

/* Helpers for the sections of a case, which edit records field by field. */

#define KEY_STORED "pa-edit-stored"
#define KEY_CODES "pa-edit-codes"
#define KEY_SYNCING "pa-edit-syncing"
#define KEY_RECORD "pa-edit-record"
#define KEY_FIELD "pa-edit-field"

typedef struct
{
  PaEditFunc func;
  gpointer data;
} Watch;

static char *
stripped (const char *text)
{
  return g_strstrip (g_strdup (text != NULL ? text : ""));
}

static void
entry_save (AdwEntryRow *row,
            Watch       *watch)
{
  /* A refused value typed back to what is stored still clears its mark. */
  if (!pa_edit_entry_is_dirty (row) && !gtk_widget_has_css_class (GTK_WIDGET (row), "error"))
    {
      /* Only spaces were added or taken away: show what is stored. */
      const char *stored = g_object_get_data (G_OBJECT (row), KEY_STORED);
      if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), stored ? stored : "") != 0)
        gtk_editable_set_text (GTK_EDITABLE (row), stored ? stored : "");
      return;
    }
  watch->func (GTK_WIDGET (row), watch->data);
}

static void
entry_apply_cb (AdwEntryRow *row,
                Watch       *watch)
{
  entry_save (row, watch);
}

static void
entry_leave_cb (GtkEventControllerFocus *focus,
                Watch                   *watch)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (focus));

  if (gtk_widget_get_root (row) == NULL)
    return;
  entry_save (ADW_ENTRY_ROW (row), watch);
}

AdwEntryRow *
pa_edit_entry_row_new (const char *title,
                       PaEditFunc  func,
                       gpointer    data)
{
  AdwEntryRow *row = ADW_ENTRY_ROW (adw_entry_row_new ());
  GtkEventController *focus = gtk_event_controller_focus_new ();
  Watch *watch = g_new0 (Watch, 1);

  watch->func = func;
  watch->data = data;
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_entry_row_set_show_apply_button (row, TRUE);
  g_object_set_data_full (G_OBJECT (row), "pa-edit-watch", watch, g_free);
  g_signal_connect (row, "apply", G_CALLBACK (entry_apply_cb), watch);
  g_signal_connect (focus, "leave", G_CALLBACK (entry_leave_cb), watch);
  gtk_widget_add_controller (GTK_WIDGET (row), focus);
  return row;
}

/* Shows @stored, unless the row holds an edit of the value it showed (being
 * typed, or refused by the store and shown with the reason). */
void
pa_edit_entry_set_stored (AdwEntryRow *row,
                          const char  *stored)
{
  gboolean dirty = pa_edit_entry_is_dirty (row);

  g_object_set_data_full (G_OBJECT (row), KEY_STORED, g_strdup (stored ? stored : ""), g_free);
  if (!dirty && g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), stored ? stored : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (row), stored ? stored : "");
}

/* Shows @stored, dropping any edit (another record is shown). */
void
pa_edit_entry_reset (AdwEntryRow *row,
                     const char  *stored)
{
  g_object_set_data_full (G_OBJECT (row), KEY_STORED, g_strdup (stored ? stored : ""), g_free);
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), stored ? stored : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (row), stored ? stored : "");
}

/* Returns: (transfer full) (nullable): the text without surrounding spaces,
 * NULL when empty. */
char *
pa_edit_entry_get_value (AdwEntryRow *row)
{
  char *value = stripped (gtk_editable_get_text (GTK_EDITABLE (row)));

  if (*value == '\0')
    g_clear_pointer (&value, g_free);
  return value;
}

gboolean
pa_edit_entry_is_dirty (AdwEntryRow *row)
{
  g_autofree char *text = stripped (gtk_editable_get_text (GTK_EDITABLE (row)));
  g_autofree char *stored = stripped (g_object_get_data (G_OBJECT (row), KEY_STORED));

  return g_strcmp0 (text, stored) != 0;
}

static GObject *
selector_of (GtkWidget *row)
{
  return g_object_get_data (G_OBJECT (row), "pa-edit-selector");
}

static void
combo_selected_cb (GObject    *selector,
                   GParamSpec *pspec,
                   Watch      *watch)
{
  GtkWidget *row = g_object_get_data (selector, "pa-edit-row");

  if (g_object_get_data (G_OBJECT (row), KEY_SYNCING) != NULL)
    return;
  watch->func (row, watch->data);
}

/* @codes and @labels: as many; a code "" stands for "not given". A
 * searchable row (long lists: countries, languages) is an action row with a
 * drop-down that filters as one types, since AdwComboRow 1.2 cannot. */
GtkWidget *
pa_edit_combo_row_new (const char        *title,
                       const char *const *codes,
                       const char *const *labels,
                       gboolean           searchable,
                       PaEditFunc         func,
                       gpointer           data)
{
  g_autoptr (GtkStringList) model = gtk_string_list_new (labels);
  GtkExpression *expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL,
                                                           "string");
  Watch *watch = g_new0 (Watch, 1);
  GtkWidget *row;
  GObject *selector;

  if (searchable)
    {
      GtkWidget *dropdown = gtk_drop_down_new (NULL, NULL);
      g_autofree char *name = NULL;
      g_autoptr (GString) plain = g_string_new (title);

      row = adw_action_row_new ();
      gtk_drop_down_set_expression (GTK_DROP_DOWN (dropdown), expression);
      gtk_expression_unref (expression);
      gtk_drop_down_set_enable_search (GTK_DROP_DOWN (dropdown), TRUE);
      gtk_widget_set_valign (dropdown, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (dropdown, "pa-flat");
      g_string_replace (plain, "_", "", 0);
      gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      plain->str, -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), dropdown);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), dropdown);
      selector = G_OBJECT (dropdown);
    }
  else
    {
      row = adw_combo_row_new ();
      /* Long values (levels, statuses) read in full under the title. */
      adw_combo_row_set_use_subtitle (ADW_COMBO_ROW (row), TRUE);
      adw_combo_row_set_expression (ADW_COMBO_ROW (row), expression);
      gtk_expression_unref (expression);
      selector = G_OBJECT (row);
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), KEY_CODES, g_strdupv ((char **) codes),
                          (GDestroyNotify) g_strfreev);
  g_object_set_data (G_OBJECT (row), "pa-edit-selector", selector);
  g_object_set_data (selector, "pa-edit-row", row);
  g_object_set_data (G_OBJECT (row), KEY_SYNCING, GINT_TO_POINTER (1));
  g_object_set (selector, "model", model, NULL);
  g_object_set_data (G_OBJECT (row), KEY_SYNCING, NULL);
  if (func != NULL)
    {
      watch->func = func;
      watch->data = data;
      g_signal_connect (selector, "notify::selected", G_CALLBACK (combo_selected_cb), watch);
    }
  g_object_set_data_full (G_OBJECT (row), "pa-edit-watch", watch, g_free);
  return row;
}

/* A row choosing a value of one of the schema's lists (pa_record_values()),
 * with a first choice @none_label when not given (NULL: a value is required). */
GtkWidget *
pa_edit_value_row_new (const char *title,
                       const char *list,
                       const char *none_label,
                       PaEditFunc  func,
                       gpointer    data)
{
  const char *const *values = pa_record_values (list);
  g_autoptr (GPtrArray) codes = g_ptr_array_new ();
  g_autoptr (GPtrArray) labels = g_ptr_array_new ();

  if (none_label != NULL)
    {
      g_ptr_array_add (codes, (gpointer) "");
      g_ptr_array_add (labels, (gpointer) none_label);
    }
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    {
      g_ptr_array_add (codes, (gpointer) values[i]);
      g_ptr_array_add (labels, (gpointer) pa_record_value_label (list, values[i]));
    }
  g_ptr_array_add (codes, NULL);
  g_ptr_array_add (labels, NULL);
  return pa_edit_combo_row_new (title, (const char *const *) codes->pdata,
                                (const char *const *) labels->pdata, FALSE, func, data);
}

typedef struct
{
  const char *code;
  const char *name;
  char *key;
} Named;

static int
compare_named (gconstpointer a,
               gconstpointer b)
{
  return strcmp (((const Named *) a)->key, ((const Named *) b)->key);
}

/* @entries of PaIsoEntry, named by @name_func, sorted by name in the
 * interface language, after a first choice @none_label. */
static GtkWidget *
iso_row_new (const char  *title,
             GPtrArray   *entries,
             const char *(*name_func) (const char *code),
             const char  *none_label,
             PaEditFunc   func,
             gpointer     data)
{
  g_autoptr (GArray) named = g_array_sized_new (FALSE, TRUE, sizeof (Named), entries->len);
  g_autoptr (GPtrArray) codes = g_ptr_array_new ();
  g_autoptr (GPtrArray) labels = g_ptr_array_new ();
  GtkWidget *row;

  for (guint i = 0; i < entries->len; i++)
    {
      const PaIsoEntry *entry = g_ptr_array_index (entries, i);
      Named n = { entry->code, name_func (entry->code), NULL };

      n.key = g_utf8_collate_key (n.name, -1);
      g_array_append_val (named, n);
    }
  g_array_sort (named, compare_named);
  g_ptr_array_add (codes, (gpointer) "");
  g_ptr_array_add (labels, (gpointer) none_label);
  for (guint i = 0; i < named->len; i++)
    {
      Named *n = &g_array_index (named, Named, i);
      g_ptr_array_add (codes, (gpointer) n->code);
      g_ptr_array_add (labels, (gpointer) n->name);
    }
  g_ptr_array_add (codes, NULL);
  g_ptr_array_add (labels, NULL);
  row = pa_edit_combo_row_new (title, (const char *const *) codes->pdata,
                               (const char *const *) labels->pdata, TRUE, func, data);
  for (guint i = 0; i < named->len; i++)
    g_free (g_array_index (named, Named, i).key);
  return row;
}

GtkWidget *
pa_edit_country_row_new (const char *title,
                         PaEditFunc  func,
                         gpointer    data)
{
  g_autoptr (GPtrArray) countries = pa_iso_countries ();

  return iso_row_new (title, countries, pa_iso_country_name, C_("country", "Not given"),
                      func, data);
}

GtkWidget *
pa_edit_language_row_new (const char *title,
                          const char *none_label,
                          PaEditFunc  func,
                          gpointer    data)
{
  g_autoptr (GPtrArray) languages = pa_iso_languages ();

  return iso_row_new (title, languages, pa_iso_language_name, none_label, func, data);
}

/* Returns: (nullable): the chosen code, NULL for "not given". */
const char *
pa_edit_combo_get_code (GtkWidget *row)
{
  char **codes = g_object_get_data (G_OBJECT (row), KEY_CODES);
  guint selected = GTK_INVALID_LIST_POSITION;

  g_object_get (selector_of (row), "selected", &selected, NULL);

  if (codes == NULL || selected == GTK_INVALID_LIST_POSITION ||
      selected >= g_strv_length (codes) || *codes[selected] == '\0')
    return NULL;
  return codes[selected];
}

/* Chooses @code (NULL or unknown: "not given", the first choice) without
 * saving. */
void
pa_edit_combo_set_code (GtkWidget  *row,
                        const char *code)
{
  char **codes = g_object_get_data (G_OBJECT (row), KEY_CODES);
  guint position = 0;
  guint selected = GTK_INVALID_LIST_POSITION;

  for (guint i = 0; codes != NULL && codes[i] != NULL; i++)
    if (g_strcmp0 (codes[i], code != NULL ? code : "") == 0)
      {
        position = i;
        break;
      }
  g_object_get (selector_of (row), "selected", &selected, NULL);
  if (selected == position)
    return;
  g_object_set_data (G_OBJECT (row), KEY_SYNCING, GINT_TO_POINTER (1));
  g_object_set (selector_of (row), "selected", position, NULL);
  g_object_set_data (G_OBJECT (row), KEY_SYNCING, NULL);
}

void
pa_edit_set_record (GtkWidget  *row,
                    gint64      id,
                    const char *field)
{
  gint64 *boxed = g_new (gint64, 1);

  *boxed = id;
  g_object_set_data_full (G_OBJECT (row), KEY_RECORD, boxed, g_free);
  g_object_set_data (G_OBJECT (row), KEY_FIELD, (gpointer) field);
}

gint64
pa_edit_get_record (GtkWidget *row)
{
  gint64 *boxed = g_object_get_data (G_OBJECT (row), KEY_RECORD);

  return boxed ? *boxed : 0;
}

const char *
pa_edit_get_field (GtkWidget *row)
{
  return g_object_get_data (G_OBJECT (row), KEY_FIELD);
}

/* A dimmed, wrapping line of @text for an empty list box. */
GtkWidget *
pa_edit_placeholder_new (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "dim-label");
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 12);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  return label;
}

/* A hidden line for an error under a group: an icon and a wrapping label
 * (returned in @label), in the error style; see pa_ui_set_row_error(). */
GtkWidget *
pa_edit_error_box_new (GtkWidget **label)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-error-symbolic");

  gtk_widget_set_visible (box, FALSE);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_add_css_class (box, "error");
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Error"), -1);
  gtk_box_append (GTK_BOX (box), icon);
  *label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (*label), 0);
  gtk_label_set_wrap (GTK_LABEL (*label), TRUE);
  gtk_label_set_selectable (GTK_LABEL (*label), TRUE);
  gtk_widget_set_hexpand (*label, TRUE);
  gtk_box_append (GTK_BOX (box), *label);
  return box;
}

/* A flat icon button with a tooltip that is also its accessible name. */
GtkWidget *
pa_edit_icon_button_new (const char *icon_name,
                         const char *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  tooltip, -1);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  return button;
}

/* Returns: (transfer full): the languages to read framework texts in for
 * the interface: its language, then English. */
char **
pa_edit_interface_languages (void)
{
  const char *first = g_get_language_names ()[0];

  if (g_str_equal (first, "C") || g_str_equal (first, "POSIX") || g_str_has_prefix (first, "C."))
    first = "en";
  return pa_frameworks_language_chain (first);
}

/* A day of the calendar (YYYY-MM-DD) as the interface writes dates. */
char *
pa_edit_format_day (const char *day)
{
  g_autofree char *noon = NULL;

  if (day == NULL || strlen (day) != 10)
    return g_strdup (day);
  noon = g_strconcat (day, "T12:00:00Z", NULL);
  return pa_ui_format_date (noon);
}

char *
pa_edit_today (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

/* Removes every child of @box. */
void
pa_edit_clear_box (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

/* Replaces the string at @where by a copy of @value (GLib 2.74 has no
 * g_set_str). */
void
pa_edit_set_str (char       **where,
                  const char  *value)
{
  char *copy = g_strdup (value);

  g_free (*where);
  *where = copy;
}

/* Adds @row (which the caller holds a reference on) to @group when @show,
 * else takes it out: a group without rows draws no empty list. */
void
pa_edit_group_show_row (AdwPreferencesGroup *group,
                        GtkWidget           *row,
                        gboolean             show)
{
  if (show && gtk_widget_get_parent (row) == NULL)
    adw_preferences_group_add (group, row);
  else if (!show && gtk_widget_get_parent (row) != NULL)
    adw_preferences_group_remove (group, row);
}
