/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "passerelle"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pa-framework-search.h"
#include "pa-occupation-chooser.h"

/* Choosing an occupation while typing: ESCO occupations and ISCO groups in
 * the interface language, found by any of their labels. The search index
 * is loaded once per store. */

typedef struct
{
  PaStore *store;
  PaFrameworkSearch *search;
  PaOccupationChosenFunc callback;
  gpointer user_data;
  GtkWidget *entry;
  GtkListBox *results;
  GtkWidget *status;
  GPtrArray *hits;
} Chooser;

static void
chooser_free (Chooser *chooser)
{
  g_clear_object (&chooser->store);
  g_clear_object (&chooser->search);
  g_clear_pointer (&chooser->hits, g_ptr_array_unref);
  g_free (chooser);
}

static const char *
display_lang (void)
{
  static char lang[8];

  if (lang[0] == '\0')
    {
      const char *name = g_get_language_names ()[0];
      gsize n = strcspn (name, "_.@");

      if (n == 0 || n >= sizeof lang || strcmp (name, "C") == 0 || g_str_has_prefix (name, "C."))
        g_strlcpy (lang, "en", sizeof lang);
      else
        g_strlcpy (lang, name, n + 1);
    }
  return lang;
}

static PaFrameworkSearch *
search_for (PaStore  *store,
            GError  **error)
{
  PaFrameworkSearch *search = g_object_get_data (G_OBJECT (store), "pa-occupation-search");

  if (search == NULL)
    {
      search = pa_framework_search_new (store);
      if (!pa_framework_search_load (search, error))
        {
          g_object_unref (search);
          return NULL;
        }
      g_object_set_data_full (G_OBJECT (store), "pa-occupation-search", search, g_object_unref);
    }
  return g_object_ref (search);
}

static void
search_changed_cb (GtkSearchEntry *entry,
                   Chooser        *chooser)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autoptr (GError) error = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (chooser->results))) != NULL)
    gtk_list_box_remove (chooser->results, child);
  g_clear_pointer (&chooser->hits, g_ptr_array_unref);
  if (chooser->search == NULL || *text == '\0')
    return;
  chooser->hits = pa_framework_search_query (chooser->search, text,
                                             PA_CONCEPT_KIND_OCCUPATION | PA_CONCEPT_KIND_ISCO_GROUP,
                                             display_lang (), NULL, 30, &error);
  if (chooser->hits == NULL)
    {
      gtk_label_set_text (GTK_LABEL (chooser->status), error->message);
      return;
    }
  gtk_label_set_text (GTK_LABEL (chooser->status),
                      chooser->hits->len == 0 ? _("No occupation has this name.") : "");
  for (guint i = 0; i < chooser->hits->len; i++)
    {
      PaConceptHit *hit = g_ptr_array_index (chooser->hits, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = g_markup_escape_text (hit->label, -1);
      g_autofree char *subtitle = NULL;

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      if (hit->isco_code || hit->code)
        /* Translators: the ISCO-08 code of an occupation */
        subtitle = g_strdup_printf (_("ISCO %s"), hit->isco_code ? hit->isco_code : hit->code);
      if (hit->matched_label && g_strcmp0 (hit->matched_label, hit->label) != 0)
        {
          g_autofree char *also = g_strdup_printf ("%s%s“%s”", subtitle ? subtitle : "",
                                                   subtitle ? " · " : "", hit->matched_label);
          g_free (subtitle);
          subtitle = g_steal_pointer (&also);
        }
      if (subtitle)
        {
          g_autofree char *escaped = g_markup_escape_text (subtitle, -1);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped);
        }
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_list_box_append (chooser->results, row);
    }
}

static void
choose (GtkWidget *window,
        Chooser   *chooser,
        guint      index)
{
  PaConceptHit *hit;

  if (chooser->hits == NULL || index >= chooser->hits->len)
    return;
  hit = g_ptr_array_index (chooser->hits, index);
  chooser->callback (hit->uri, hit->label, chooser->user_data);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
row_activated_cb (GtkListBox    *list,
                  GtkListBoxRow *row,
                  GtkWidget     *window)
{
  choose (window, g_object_get_data (G_OBJECT (window), "chooser"),
          (guint) gtk_list_box_row_get_index (row));
}

static void
search_activate_cb (GtkSearchEntry *entry,
                    GtkWidget      *window)
{
  choose (window, g_object_get_data (G_OBJECT (window), "chooser"), 0);
}

static void
stop_search_cb (GtkSearchEntry *entry,
                GtkWidget      *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
}

/**
 * pa_occupation_chooser_run:
 *
 * Shows a modal window to choose an occupation; @callback gets it.
 * Returns: (transfer none): the window, e.g. for tests to type into
 */
GtkWindow *
pa_occupation_chooser_run (GtkWindow              *parent,
                           PaStore                *store,
                           PaOccupationChosenFunc  callback,
                           gpointer                user_data)
{
  Chooser *chooser = g_new0 (Chooser, 1);
  g_autoptr (GError) error = NULL;
  GtkWidget *window, *box, *header, *scrolled;

  g_return_val_if_fail (PA_IS_STORE (store), NULL);

  chooser->store = g_object_ref (store);
  chooser->callback = callback;
  chooser->user_data = user_data;
  chooser->search = search_for (store, &error);

  window = adw_window_new ();
  gtk_widget_set_name (window, "occupation-chooser");
  gtk_window_set_title (GTK_WINDOW (window), _("Choose an Occupation"));
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (window), 480, 520);
  if (parent)
    gtk_window_set_transient_for (GTK_WINDOW (window), parent);
  g_object_set_data_full (G_OBJECT (window), "chooser", chooser, (GDestroyNotify) chooser_free);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  header = adw_header_bar_new ();
  gtk_box_append (GTK_BOX (box), header);
  chooser->entry = gtk_search_entry_new ();
  gtk_widget_set_margin_start (chooser->entry, 12);
  gtk_widget_set_margin_end (chooser->entry, 12);
  g_object_set (chooser->entry, "placeholder-text",
                _("Occupation, in any language of the frameworks"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (chooser->entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Search occupations"), -1);
  gtk_box_append (GTK_BOX (box), chooser->entry);
  chooser->status = gtk_label_new (error ? error->message : NULL);
  gtk_label_set_wrap (GTK_LABEL (chooser->status), TRUE);
  gtk_widget_add_css_class (chooser->status, "dim-label");
  gtk_box_append (GTK_BOX (box), chooser->status);
  chooser->results = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_widget_add_css_class (GTK_WIDGET (chooser->results), "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (chooser->results), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Occupations found"), -1);
  scrolled = gtk_scrolled_window_new ();
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (chooser->results));
  gtk_box_append (GTK_BOX (box), scrolled);
  adw_window_set_content (ADW_WINDOW (window), box);

  gtk_search_entry_set_key_capture_widget (GTK_SEARCH_ENTRY (chooser->entry), window);
  g_signal_connect (chooser->entry, "search-changed", G_CALLBACK (search_changed_cb), chooser);
  g_signal_connect (chooser->entry, "activate", G_CALLBACK (search_activate_cb), window);
  g_signal_connect (chooser->entry, "stop-search", G_CALLBACK (stop_search_cb), window);
  g_signal_connect (chooser->results, "row-activated", G_CALLBACK (row_activated_cb), window);
  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_grab_focus (chooser->entry);
  return GTK_WINDOW (window);
}
