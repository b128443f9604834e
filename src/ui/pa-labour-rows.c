/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "passerelle"

#include "config.h"

#include <glib/gi18n.h>

#include "pa-concept-picker.h"
#include "pa-iso-codes.h"
#include "pa-labour-rows.h"
#include "pa-labour.h"
#include "pa-window.h"

/* Small pieces the Training Catalogue and the Labour Market views share:
 * entry rows that save when the trainer presses Enter or leaves them, a
 * competence or occupation row named in the interface language, and the
 * languages a module is taught in or a vacancy asks for. */

typedef struct
{
  PaLabourCommitFunc func;
  gpointer user_data;
  char *committed;
} CommitData;

static void
commit_data_free (gpointer data)
{
  CommitData *commit = data;
  g_free (commit->committed);
  g_free (commit);
}

static void
commit_row (GtkWidget *row)
{
  CommitData *commit = g_object_get_data (G_OBJECT (row), "pa-labour-commit");
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));

  /* Leaving a row that was not changed stores nothing. */
  if (commit == NULL || g_strcmp0 (commit->committed, text) == 0)
    return;
  g_free (commit->committed);
  commit->committed = g_strdup (text);
  commit->func (row, commit->user_data);
}

static void
focus_leave_cb (GtkEventControllerFocus *controller,
                gpointer                 user_data)
{
  commit_row (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)));
}

/**
 * pa_labour_entry_row_on_commit:
 *
 * Calls @func when the row's text was changed and the trainer pressed Enter,
 * the apply button, or moved the focus elsewhere.
 */
void
pa_labour_entry_row_on_commit (AdwEntryRow         *row,
                               PaLabourCommitFunc   func,
                               gpointer             user_data)
{
  CommitData *commit = g_new0 (CommitData, 1);
  GtkEventController *focus = gtk_event_controller_focus_new ();

  commit->func = func;
  commit->user_data = user_data;
  commit->committed = g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)));
  g_object_set_data_full (G_OBJECT (row), "pa-labour-commit", commit, commit_data_free);
  adw_entry_row_set_show_apply_button (row, TRUE);
  g_signal_connect (row, "apply", G_CALLBACK (commit_row), NULL);
  g_signal_connect (focus, "leave", G_CALLBACK (focus_leave_cb), NULL);
  gtk_widget_add_controller (GTK_WIDGET (row), focus);
}

/* Shows a stored value in a row watched by pa_labour_entry_row_on_commit (). */
void
pa_labour_entry_row_set_text (AdwEntryRow *row,
                              const char  *text)
{
  CommitData *commit = g_object_get_data (G_OBJECT (row), "pa-labour-commit");

  if (commit != NULL)
    {
      g_free (commit->committed);
      commit->committed = g_strdup (text ? text : "");
    }
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
}

/* Returns: (transfer full): the concept's name, or its identifier when no
 * framework in the store names it. */
char *
pa_labour_display_label (PaStore    *store,
                         const char *uri)
{
  g_autofree char *lang = pa_concept_picker_default_language ();
  char *label = pa_labour_concept_label (store, uri, lang);
  static const char esco_occupation[] = "http://data.europa.eu/esco/occupation/";
  static const char esco_skill[] = "http://data.europa.eu/esco/skill/";

  if (label != NULL)
    return label;
  /* ESCO concepts before ESCO is imported: say what they are, briefly. */
  if (g_str_has_prefix (uri, esco_occupation) && strlen (uri) >= sizeof esco_occupation + 7)
    /* Translators: an ESCO occupation whose name is unknown until ESCO is imported; %s is its short id */
    return g_strdup_printf (_("ESCO occupation %.8s (import ESCO for its name)"), uri + strlen (esco_occupation));
  if (g_str_has_prefix (uri, esco_skill) && strlen (uri) >= sizeof esco_skill + 7)
    /* Translators: an ESCO skill whose name is unknown until ESCO is imported; %s is its short id */
    return g_strdup_printf (_("ESCO skill %.8s (import ESCO for its name)"), uri + strlen (esco_skill));
  return g_strdup (uri);
}

/* A row naming a concept, with a remove button; the row keeps the URI as
 * its "uri" data. */
GtkWidget *
pa_labour_concept_row (PaStore    *store,
                       const char *uri,
                       const char *remove_tooltip,
                       GCallback   remove_cb,
                       gpointer    user_data)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");
  g_autofree char *label = pa_labour_display_label (store, uri);
  g_autofree char *escaped = g_markup_escape_text (label, -1);
  g_autofree char *accessible = g_strdup_printf ("%s: %s", remove_tooltip, label);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
  g_object_set_data_full (G_OBJECT (row), "uri", g_strdup (uri), g_free);
  g_object_set_data_full (G_OBJECT (remove), "uri", g_strdup (uri), g_free);
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, remove_tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  g_signal_connect (remove, "clicked", remove_cb, user_data);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  return row;
}

/* The languages offered for modules and vacancies: the centre's working
 * languages first, then those its participants often speak. */
const char *const *
pa_labour_language_codes (void)
{
  static const char *const codes[] = {
    "fr", "nl", "de", "en", "ar", "es", "it", "pt", "uk", "ru", "tr", "fa", "ps", "ti", "so",
    "am", "ku", "sw", "ln", "ff", NULL
  };
  return codes;
}

char *
pa_labour_language_name (const char *code)
{
  const char *name = pa_iso_language_name (code);
  return g_strdup (name != NULL ? name : code);
}

/* Shows @toast in the window's toast overlay (sinks it). */
void
pa_labour_toast (GtkWidget *widget,
                 AdwToast  *toast)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  if (PA_IS_WINDOW (root))
    pa_window_add_toast (PA_WINDOW (root), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

void
pa_labour_clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

gboolean
pa_labour_remove_uri (GPtrArray  *uris,
                      const char *uri)
{
  for (guint i = 0; i < uris->len; i++)
    if (g_strcmp0 (g_ptr_array_index (uris, i), uri) == 0)
      {
        g_ptr_array_remove_index (uris, i);
        return TRUE;
      }
  return FALSE;
}
