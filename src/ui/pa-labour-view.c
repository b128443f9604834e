/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "passerelle"

#include "config.h"

#include <glib/gi18n.h>

#include "pa-concept-picker.h"
#include "pa-frameworks.h"
#include "pa-labour-files.h"
#include "pa-labour-rows.h"
#include "pa-labour-view.h"
#include "pa-labour.h"
#include "pa-mapper-store.h"
#include "pa-store-cases.h"
#include "pa-ui-utils.h"
#include "pa-vacancy-match.h"
#include "pa-view-switcher.h"

/* The Labour Market view: the centre's vacancies and the regions' shortage
 * occupation lists in one sidebar. A vacancy shows its profile (edited in
 * place), the participants ranked for it with why, and its shortlist, which
 * prints or goes out as CSV for an employer event. A new vacancy is kept
 * here as a draft until it has an employer, a title and one required skill,
 * the least the store accepts. A shortage list is imported after a preview
 * of the occupations it adds and drops. */

#define RANKED_LIMIT 20

struct _PaLabourView
{
  GtkWidget parent_instance;

  PaStore *store;
  PaMapper *mapper;           /* built on first use, again after an import */
  gint64 mapper_generation;
  PaVacancy *vacancy;         /* the vacancy shown (id 0: a draft), or NULL */
  char *region;               /* the shortage list shown, or NULL */
  GPtrArray *candidates;      /* PaCandidate for the vacancy shown */
  gboolean loading;
  gboolean ranking_stale;     /* to rank again once the view is shown */
  GtkSizeGroup *toggle_group; /* "Add to Shortlist" and "Shortlisted" as wide */

  AdwLeaflet *leaflet;
  GtkMenuButton *menu_button;
  GtkListBox *sidebar_list;
  AdwWindowTitle *content_title;
  GtkWidget *delete_button;
  GtkStack *content_stack;
  AdwEntryRow *employer_row;
  AdwEntryRow *job_row;
  AdwActionRow *occupation_row;
  AdwEntryRow *location_row;
  AdwEntryRow *description_row;
  GtkLabel *vacancy_message;
  GtkListBox *required_list;
  GtkListBox *nice_list;
  GtkMenuButton *add_language_button;
  GtkListBox *languages_list;
  AdwPreferencesGroup *ranked_group;
  GtkListBox *ranked_list;
  GtkListBox *shortlist_list;
  AdwComboRow *region_row;
  AdwPreferencesGroup *shortage_group;
  GtkListBox *shortage_list;
};

G_DEFINE_FINAL_TYPE (PaLabourView, pa_labour_view, GTK_TYPE_WIDGET)

static const char *const cefr_levels[] = { "A1", "A2", "B1", "B2", "C1", "C2", NULL };

static PaVacancy *
vacancy_copy (const PaVacancy *v)
{
  PaVacancy *copy = pa_vacancy_new ();

  copy->id = v->id;
  copy->employer = g_strdup (v->employer);
  copy->title = g_strdup (v->title);
  copy->occupation_uri = g_strdup (v->occupation_uri);
  copy->location = g_strdup (v->location);
  copy->description = g_strdup (v->description);
  for (guint i = 0; i < v->required->len; i++)
    g_ptr_array_add (copy->required, g_strdup (g_ptr_array_index (v->required, i)));
  for (guint i = 0; i < v->nice->len; i++)
    g_ptr_array_add (copy->nice, g_strdup (g_ptr_array_index (v->nice, i)));
  for (guint i = 0; i < v->languages->len; i++)
    g_ptr_array_add (copy->languages, g_strdup (g_ptr_array_index (v->languages, i)));
  return copy;
}

static char *
case_name (PaStore *store,
           gint64   case_id,
           char   **code)
{
  g_autoptr (PaCase) kase = pa_store_case_get (store, case_id, NULL);

  if (code != NULL)
    *code = g_strdup (kase ? pa_case_get_code (kase) : "");
  return kase ? pa_case_dup_display_name (kase) : g_strdup ("?");
}

static void
add_placeholder (GtkListBox *list,
                 const char *title,
                 const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_add_css_class (row, "dim-label");
  gtk_list_box_append (list, row);
}

static PaMapper *
get_mapper (PaLabourView  *self,
            GError       **error)
{
  gint64 generation = pa_frameworks_get_generation (self->store);

  if (self->mapper == NULL || generation != self->mapper_generation)
    {
      g_clear_object (&self->mapper);
      self->mapper = pa_mapper_new_from_store (self->store, error);
      self->mapper_generation = generation;
    }
  return self->mapper;
}

/* Sidebar */

static void
header_func (GtkListBoxRow *row,
             GtkListBoxRow *before,
             gpointer       user_data)
{
  const char *kind = g_object_get_data (G_OBJECT (row), "kind");
  GtkWidget *label;

  if (before != NULL && g_strcmp0 (kind, g_object_get_data (G_OBJECT (before), "kind")) == 0)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }
  label = gtk_label_new (g_str_equal (kind, "vacancy") ? _("Vacancies") : _("Shortage Lists"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_top (label, before ? 18 : 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_list_box_row_set_header (row, label);
}

static GtkWidget *
sidebar_row (const char *kind,
             const char *title,
             const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *escaped = g_markup_escape_text (title, -1);
  g_autofree char *escaped_sub = subtitle ? g_markup_escape_text (subtitle, -1) : NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
  if (escaped_sub != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped_sub);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  g_object_set_data (G_OBJECT (row), "kind", (gpointer) kind);
  return row;
}

static void show_vacancy (PaLabourView    *self,
                          const PaVacancy *vacancy);
static void show_shortage (PaLabourView *self,
                           const char   *region);

/* Fills the sidebar and selects the vacancy @vacancy_id, else the region
 * @region, else the first row. */
static void
reload (PaLabourView *self,
        gint64        vacancy_id,
        const char   *region)
{
  g_autoptr (GPtrArray) vacancies = NULL;
  g_autoptr (GPtrArray) regions = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *keep_region = g_strdup (region);
  GtkListBoxRow *selected = NULL;
  GtkWidget *row;

  self->loading = TRUE;
  pa_labour_clear_list (self->sidebar_list);
  if (self->store == NULL)
    {
      self->loading = FALSE;
      return;
    }
  vacancies = pa_store_vacancy_list (self->store, &error);
  if (vacancies == NULL)
    {
      pa_labour_toast (GTK_WIDGET (self), adw_toast_new (error->message));
      g_clear_error (&error);
    }
  for (guint i = 0; vacancies != NULL && i < vacancies->len; i++)
    {
      PaVacancy *v = g_ptr_array_index (vacancies, i);
      g_autofree char *subtitle = v->location && *v->location
                                    ? g_strdup_printf ("%s · %s", v->employer, v->location)
                                    : g_strdup (v->employer);

      row = sidebar_row ("vacancy", v->title, subtitle);
      g_object_set_data_full (G_OBJECT (row), "id", g_memdup2 (&v->id, sizeof v->id), g_free);
      gtk_list_box_append (self->sidebar_list, row);
      if ((selected == NULL && keep_region == NULL) || v->id == vacancy_id)
        selected = GTK_LIST_BOX_ROW (row);
    }
  if (vacancies == NULL || vacancies->len == 0)
    {
      row = sidebar_row ("vacancy", _("No vacancy yet"), NULL);
      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (self->sidebar_list, row);
      if (selected == NULL && keep_region == NULL)
        selected = GTK_LIST_BOX_ROW (row);
    }

  regions = pa_store_shortage_regions (self->store, &error);
  for (guint i = 0; regions != NULL && i < regions->len; i++)
    {
      const char *r = g_ptr_array_index (regions, i);
      g_autoptr (PaShortageList) list = pa_store_shortage_get (self->store, r, NULL);
      g_autofree char *subtitle = NULL;

      if (list != NULL)
        subtitle = g_strdup_printf (ngettext ("%u occupation", "%u occupations", list->occupation_uris->len),
                                    list->occupation_uris->len);
      row = sidebar_row ("shortage", list && list->title && *list->title ? list->title : r, subtitle);
      if (list && list->title && *list->title)
        {
          g_autofree char *full = g_strdup_printf ("%s · %s", r, subtitle);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), full);
        }
      g_object_set_data_full (G_OBJECT (row), "region", g_strdup (r), g_free);
      gtk_list_box_append (self->sidebar_list, row);
      if (selected == NULL || g_strcmp0 (r, keep_region) == 0)
        selected = GTK_LIST_BOX_ROW (row);
    }
  if (regions == NULL || regions->len == 0)
    {
      row = sidebar_row ("shortage", _("Import a Shortage List"), _("Occupations in shortage in a region"));
      gtk_list_box_append (self->sidebar_list, row);
      if (selected == NULL || keep_region != NULL)
        selected = GTK_LIST_BOX_ROW (row);
    }
  self->loading = FALSE;
  gtk_list_box_select_row (self->sidebar_list, selected);
}

/* The vacancy */

static void
set_message (PaLabourView *self,
             GtkWidget    *row,
             const char   *message,
             gboolean      is_error)
{
  GtkWidget *label = GTK_WIDGET (self->vacancy_message);

  if (is_error)
    gtk_widget_add_css_class (label, "error");
  else
    gtk_widget_remove_css_class (label, "error");
  if (row != NULL && is_error)
    pa_ui_set_row_error (row, label, label, message);
  else
    {
      if (row != NULL)
        pa_ui_set_row_error (row, label, label, NULL);
      gtk_label_set_text (self->vacancy_message, message ? message : "");
      gtk_widget_set_visible (label, message != NULL);
    }
}

static gboolean
vacancy_is_complete (const PaVacancy *v)
{
  return v->employer && *v->employer && v->title && *v->title && v->required->len > 0;
}

static void fill_ranked (PaLabourView *self);
static void fill_shortlist (PaLabourView *self);
static void fill_vacancy_lists (PaLabourView *self);

/* Stores the vacancy shown (a draft only once complete) and refreshes
 * what depends on it. */
static void
save_vacancy (PaLabourView *self,
              GtkWidget    *row)
{
  g_autoptr (GError) error = NULL;

  if (self->vacancy == NULL || self->store == NULL)
    return;
  if (self->vacancy->id == 0 && !vacancy_is_complete (self->vacancy))
    {
      set_message (self, row, _("Not saved yet: a vacancy needs an employer, a job title and at least one "
                                "required skill."), FALSE);
      fill_vacancy_lists (self);
      fill_ranked (self);
      return;
    }
  if (!pa_store_vacancy_save (self->store, self->vacancy, &error))
    {
      set_message (self, row, error->message, TRUE);
      return;
    }
  set_message (self, row, NULL, FALSE);
  reload (self, self->vacancy->id, NULL);
}

static void
remove_skill (PaLabourView *self,
              GtkButton    *button,
              gboolean      nice)
{
  const char *uri = g_object_get_data (G_OBJECT (button), "uri");
  GPtrArray *from;

  if (self->vacancy == NULL)
    return;
  from = nice ? self->vacancy->nice : self->vacancy->required;
  /* The store refuses a vacancy without a required skill: say so, keep it. */
  if (!nice && from->len == 1 && self->vacancy->id != 0)
    {
      set_message (self, NULL, _("A vacancy needs at least one required skill: add another one first."), TRUE);
      return;
    }
  if (pa_labour_remove_uri (from, uri))
    save_vacancy (self, NULL);
}

static void
remove_required_cb (GtkButton    *button,
                    PaLabourView *self)
{
  remove_skill (self, button, FALSE);
}

static void
remove_nice_cb (GtkButton    *button,
                PaLabourView *self)
{
  remove_skill (self, button, TRUE);
}

static void
level_changed_cb (AdwComboRow  *row,
                  GParamSpec   *pspec,
                  PaLabourView *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "index"));
  const char *code = g_object_get_data (G_OBJECT (row), "code");

  if (self->loading || self->vacancy == NULL || index >= self->vacancy->languages->len)
    return;
  g_free (g_ptr_array_index (self->vacancy->languages, index));
  g_ptr_array_index (self->vacancy->languages, index) =
    g_strdup_printf ("%s:%s", code, cefr_levels[MIN (adw_combo_row_get_selected (row), 5)]);
  save_vacancy (self, GTK_WIDGET (row));
}

static void
remove_language_cb (GtkButton    *button,
                    PaLabourView *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "index"));

  if (self->vacancy == NULL || index >= self->vacancy->languages->len)
    return;
  g_ptr_array_remove_index (self->vacancy->languages, index);
  save_vacancy (self, NULL);
}

static void
fill_vacancy_lists (PaLabourView *self)
{
  GtkListBox *lists[] = { self->required_list, self->nice_list };

  self->loading = TRUE;
  for (guint pass = 0; pass < 2; pass++)
    {
      GPtrArray *uris = pass == 0 ? self->vacancy->required : self->vacancy->nice;

      pa_labour_clear_list (lists[pass]);
      for (guint i = 0; i < uris->len; i++)
        gtk_list_box_append (lists[pass],
                             pa_labour_concept_row (self->store, g_ptr_array_index (uris, i), _("Remove Skill"),
                                                    pass == 0 ? G_CALLBACK (remove_required_cb)
                                                              : G_CALLBACK (remove_nice_cb), self));
      if (uris->len == 0)
        add_placeholder (lists[pass], pass == 0 ? _("No required skill yet") : _("None"), NULL);
    }

  pa_labour_clear_list (self->languages_list);
  for (guint i = 0; i < self->vacancy->languages->len; i++)
    {
      const char *spec = g_ptr_array_index (self->vacancy->languages, i);
      const char *colon = strchr (spec, ':');
      g_autofree char *code = g_strndup (spec, colon ? (gsize) (colon - spec) : strlen (spec));
      g_autofree char *name = pa_labour_language_name (code);
      g_autoptr (GtkStringList) levels = gtk_string_list_new ((const char *const *) cefr_levels);
      GtkWidget *row = adw_combo_row_new ();
      GtkWidget *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");
      g_autofree char *accessible = g_strdup_printf (_("Remove %s"), name);
      guint level = 0;

      for (guint k = 0; colon && cefr_levels[k]; k++)
        if (g_str_equal (cefr_levels[k], colon + 1))
          level = k;
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Minimum CEFR level"));
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (levels));
      adw_combo_row_set_selected (ADW_COMBO_ROW (row), level);
      g_object_set_data (G_OBJECT (row), "index", GUINT_TO_POINTER (i));
      g_object_set_data_full (G_OBJECT (row), "code", g_strdup (code), g_free);
      g_signal_connect (row, "notify::selected", G_CALLBACK (level_changed_cb), self);
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, _("Remove Language"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
      g_object_set_data (G_OBJECT (remove), "index", GUINT_TO_POINTER (i));
      g_signal_connect (remove, "clicked", G_CALLBACK (remove_language_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      gtk_list_box_append (self->languages_list, row);
    }
  if (self->vacancy->languages->len == 0)
    add_placeholder (self->languages_list, _("No language asked for"), NULL);
  self->loading = FALSE;
}

static gboolean
is_shortlisted (PaLabourView *self,
                gint64        case_id)
{
  g_autoptr (GArray) shortlist = NULL;

  if (self->vacancy == NULL || self->vacancy->id == 0)
    return FALSE;
  shortlist = pa_store_shortlist_get (self->store, self->vacancy->id, NULL);
  for (guint i = 0; shortlist != NULL && i < shortlist->len; i++)
    if (g_array_index (shortlist, gint64, i) == case_id)
      return TRUE;
  return FALSE;
}

static void
shortlist_toggled_cb (GtkToggleButton *toggle,
                      PaLabourView    *self)
{
  gint64 case_id = *(gint64 *) g_object_get_data (G_OBJECT (toggle), "case");
  gboolean active = gtk_toggle_button_get_active (toggle);
  g_autoptr (GError) error = NULL;

  if (self->loading || self->vacancy == NULL || self->vacancy->id == 0)
    return;
  if (active ? !pa_store_shortlist_add (self->store, self->vacancy->id, case_id, &error)
             : !pa_store_shortlist_remove (self->store, self->vacancy->id, case_id, &error))
    {
      pa_labour_toast (GTK_WIDGET (self), adw_toast_new (error->message));
      return;
    }
  gtk_button_set_label (GTK_BUTTON (toggle), active ? _("Shortlisted") : _("Add to Shortlist"));
  fill_shortlist (self);
}

/* "matches 3 of 5 required skills; French below B1 (has A2)" */
static char *
explanation (PaLabourView *self,
             PaCandidate  *c)
{
  g_autoptr (GString) text = g_string_new (NULL);
  guint unknown = self->vacancy->required->len - MIN (self->vacancy->required->len, c->match->n_required);

  g_string_append_printf (text, ngettext ("holds %u of %u required skill", "holds %u of %u required skills",
                                          c->match->n_required),
                          c->match->n_required_direct, c->match->n_required);
  if (unknown > 0)
    /* Translators: required skills of a vacancy that the frameworks in the store do not know */
    g_string_append_printf (text, ngettext (" (%u more needs ESCO)", " (%u more need ESCO)", unknown), unknown);
  if (self->vacancy->languages->len > 0)
    {
      if (c->languages_short->len == 0)
        g_string_append (text, _("; languages at the minimum"));
      else
        {
          g_string_append (text, _("; below the minimum: "));
          for (guint i = 0; i < c->languages_short->len; i++)
            g_string_append_printf (text, "%s%s", i ? ", " : "",
                                    (const char *) g_ptr_array_index (c->languages_short, i));
        }
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
fill_ranked (PaLabourView *self)
{
  g_autoptr (GError) error = NULL;
  PaMapper *mapper;

  pa_labour_clear_list (self->ranked_list);
  g_clear_pointer (&self->candidates, g_ptr_array_unref);
  if (self->vacancy == NULL || self->store == NULL)
    return;
  /* Ranking reads every participant's claims: only for a view on screen. */
  self->ranking_stale = !gtk_widget_get_mapped (GTK_WIDGET (self));
  if (self->ranking_stale)
    return;
  if (self->vacancy->required->len == 0)
    {
      add_placeholder (self->ranked_list, _("Add a required skill to rank the participants"), NULL);
      return;
    }
  mapper = get_mapper (self, &error);
  if (mapper != NULL)
    self->candidates = pa_vacancy_match (self->store, mapper, self->vacancy, RANKED_LIMIT, &error);
  if (self->candidates == NULL)
    {
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *escaped = g_markup_escape_text (error ? error->message : "", -1);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Cannot rank the participants"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped);
      gtk_widget_add_css_class (row, "error");
      gtk_list_box_append (self->ranked_list, row);
      return;
    }
  self->loading = TRUE;
  for (guint i = 0; i < self->candidates->len; i++)
    {
      PaCandidate *c = g_ptr_array_index (self->candidates, i);
      g_autofree char *code = NULL;
      g_autofree char *name = case_name (self->store, c->match->person, &code);
      g_autofree char *title = g_markup_escape_text (name, -1);
      g_autofree char *why = explanation (self, c);
      g_autofree char *subtitle = g_markup_escape_text (why, -1);
      /* Translators: a participant's score for a vacancy, out of 100 */
      g_autofree char *score = g_strdup_printf (_("%.0f %%"), c->match->score);
      g_autofree char *rank = g_strdup_printf ("%u", i + 1);
      g_autofree char *level_name = g_strdup_printf (_("Score: %s"), score);
      gboolean listed = is_shortlisted (self, c->match->person);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *rank_label = gtk_label_new (rank);
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      GtkWidget *bar = gtk_level_bar_new_for_interval (0, 100);
      GtkWidget *score_label = gtk_label_new (score);
      GtkWidget *toggle = gtk_toggle_button_new_with_label (listed ? _("Shortlisted") : _("Add to Shortlist"));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
      gtk_widget_add_css_class (rank_label, "dim-label");
      gtk_widget_add_css_class (rank_label, "numeric");
      gtk_widget_set_size_request (rank_label, 20, -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), rank_label);

      gtk_level_bar_set_value (GTK_LEVEL_BAR (bar), c->match->score);
      gtk_widget_set_size_request (bar, 72, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_PROPERTY_LABEL, level_name, -1);
      gtk_widget_add_css_class (score_label, "caption");
      gtk_widget_add_css_class (score_label, "numeric");
      gtk_box_append (GTK_BOX (box), score_label);
      gtk_box_append (GTK_BOX (box), bar);
      gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), box);

      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (toggle), listed);
      gtk_size_group_add_widget (self->toggle_group, toggle);
      gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
      gtk_widget_set_sensitive (toggle, self->vacancy->id != 0);
      g_object_set_data_full (G_OBJECT (toggle), "case", g_memdup2 (&c->match->person, sizeof (gint64)), g_free);
      g_signal_connect (toggle, "toggled", G_CALLBACK (shortlist_toggled_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
      g_object_set_data_full (G_OBJECT (row), "case", g_memdup2 (&c->match->person, sizeof (gint64)), g_free);
      g_object_set_data (G_OBJECT (row), "toggle", toggle);
      gtk_list_box_append (self->ranked_list, row);
    }
  if (self->candidates->len == 0)
    add_placeholder (self->ranked_list, _("No participant holds these skills yet"), NULL);
  self->loading = FALSE;
}

static void
set_toggle (PaLabourView *self,
            gint64        case_id,
            gboolean      active)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->ranked_list)); row;
       row = gtk_widget_get_next_sibling (row))
    {
      gint64 *id = g_object_get_data (G_OBJECT (row), "case");
      GtkWidget *toggle;

      if (id == NULL || *id != case_id)
        continue;
      toggle = g_object_get_data (G_OBJECT (row), "toggle");
      if (toggle != NULL)
        gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (toggle), active);
    }
}

static void
unlist_cb (GtkButton    *button,
           PaLabourView *self)
{
  gint64 case_id = *(gint64 *) g_object_get_data (G_OBJECT (button), "case");
  g_autoptr (GError) error = NULL;

  if (self->vacancy == NULL || self->vacancy->id == 0)
    return;
  if (!pa_store_shortlist_remove (self->store, self->vacancy->id, case_id, &error))
    {
      pa_labour_toast (GTK_WIDGET (self), adw_toast_new (error->message));
      return;
    }
  set_toggle (self, case_id, FALSE);
  fill_shortlist (self);
}

static void
fill_shortlist (PaLabourView *self)
{
  g_autoptr (GArray) shortlist = NULL;
  g_autoptr (GError) error = NULL;
  gboolean any;

  pa_labour_clear_list (self->shortlist_list);
  if (self->vacancy == NULL || self->vacancy->id == 0)
    {
      add_placeholder (self->shortlist_list, _("Save the vacancy to shortlist participants"), NULL);
      any = FALSE;
    }
  else
    {
      shortlist = pa_store_shortlist_get (self->store, self->vacancy->id, &error);
      if (shortlist == NULL)
        pa_labour_toast (GTK_WIDGET (self), adw_toast_new (error->message));
      for (guint i = 0; shortlist != NULL && i < shortlist->len; i++)
        {
          gint64 case_id = g_array_index (shortlist, gint64, i);
          g_autofree char *code = NULL;
          g_autofree char *name = case_name (self->store, case_id, &code);
          g_autofree char *title = g_markup_escape_text (name, -1);
          g_autofree char *accessible = g_strdup_printf (_("Remove %s from the Shortlist"), name);
          GtkWidget *row = adw_action_row_new ();
          GtkWidget *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), code);
          gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
          gtk_widget_add_css_class (remove, "flat");
          gtk_widget_set_tooltip_text (remove, _("Remove from the Shortlist"));
          gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
          g_object_set_data_full (G_OBJECT (remove), "case", g_memdup2 (&case_id, sizeof case_id), g_free);
          g_signal_connect (remove, "clicked", G_CALLBACK (unlist_cb), self);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
          gtk_list_box_append (self->shortlist_list, row);
        }
      any = shortlist != NULL && shortlist->len > 0;
      if (!any)
        add_placeholder (self->shortlist_list, _("No one shortlisted yet"),
                         _("Add participants from the ranking above."));
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "labour.print", any);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "labour.export-pdf", any);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "labour.export-csv", any);
}

static void
show_vacancy (PaLabourView    *self,
              const PaVacancy *vacancy)
{
  g_autofree char *occupation = NULL;

  if (vacancy != self->vacancy)
    {
      PaVacancy *copy = vacancy ? vacancy_copy (vacancy) : NULL;
      g_clear_pointer (&self->vacancy, pa_vacancy_free);
      self->vacancy = copy;
    }
  g_clear_pointer (&self->region, g_free);
  gtk_widget_set_visible (self->delete_button, self->vacancy != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "labour.delete-vacancy", self->vacancy != NULL);
  if (self->vacancy == NULL)
    {
      gtk_stack_set_visible_child_name (self->content_stack, "empty");
      adw_window_title_set_title (self->content_title, "");
      adw_window_title_set_subtitle (self->content_title, "");
      fill_shortlist (self);
      return;
    }
  self->loading = TRUE;
  adw_window_title_set_title (self->content_title,
                              self->vacancy->title && *self->vacancy->title ? self->vacancy->title
                                                                            : _("New Vacancy"));
  adw_window_title_set_subtitle (self->content_title, self->vacancy->employer ? self->vacancy->employer : "");
  pa_labour_entry_row_set_text (self->employer_row, self->vacancy->employer);
  pa_labour_entry_row_set_text (self->job_row, self->vacancy->title);
  pa_labour_entry_row_set_text (self->location_row, self->vacancy->location);
  pa_labour_entry_row_set_text (self->description_row, self->vacancy->description);
  occupation = self->vacancy->occupation_uri ? pa_labour_display_label (self->store, self->vacancy->occupation_uri)
                                             : g_strdup (_("Not chosen"));
  adw_action_row_set_subtitle (self->occupation_row, occupation);
  self->loading = FALSE;
  fill_vacancy_lists (self);
  fill_ranked (self);
  fill_shortlist (self);
  if (self->vacancy->id == 0)
    set_message (self, NULL, _("Not saved yet: a vacancy needs an employer, a job title and at least one "
                               "required skill."), FALSE);
  else
    set_message (self, NULL, NULL, FALSE);
  gtk_stack_set_visible_child_name (self->content_stack, "vacancy");
}

/* Shortage lists */

static char *
occupation_code (PaStore    *store,
                 const char *uri)
{
  static const char prefix[] = "http://data.europa.eu/esco/isco/C";
  g_autoptr (PaConcept) concept = NULL;

  if (g_str_has_prefix (uri, prefix))
    /* Translators: an ISCO-08 code */
    return g_strdup_printf (_("ISCO-08 %s"), uri + strlen (prefix));
  concept = pa_frameworks_get_concept (store, uri, NULL, NULL);
  if (concept != NULL && concept->isco_code != NULL)
    return g_strdup_printf (_("ISCO-08 %s"), concept->isco_code);
  return NULL;
}

static void
fill_regions (PaLabourView *self)
{
  g_autoptr (GPtrArray) regions = pa_store_shortage_regions (self->store, NULL);
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  g_autofree char *own = pa_store_get_setting (self->store, "centre.region");
  guint selected = 0;

  /* Translators: the centre's region, when none is chosen */
  gtk_string_list_append (names, C_("region", "None"));
  for (guint i = 0; regions != NULL && i < regions->len; i++)
    {
      gtk_string_list_append (names, g_ptr_array_index (regions, i));
      if (g_strcmp0 (own, g_ptr_array_index (regions, i)) == 0)
        selected = i + 1;
    }
  if (own != NULL && *own != '\0' && selected == 0)
    {
      gtk_string_list_append (names, own);
      selected = g_list_model_get_n_items (G_LIST_MODEL (names)) - 1;
    }
  self->loading = TRUE;
  adw_combo_row_set_model (self->region_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->region_row, selected);
  self->loading = FALSE;
}

static void
show_shortage (PaLabourView *self,
               const char   *region)
{
  g_autoptr (PaShortageList) list = NULL;
  g_autofree char *keep = g_strdup (region);

  g_clear_pointer (&self->vacancy, pa_vacancy_free);
  g_free (self->region);
  self->region = g_steal_pointer (&keep);
  gtk_widget_set_visible (self->delete_button, FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "labour.delete-vacancy", FALSE);
  fill_regions (self);
  pa_labour_clear_list (self->shortage_list);
  if (self->region != NULL)
    list = pa_store_shortage_get (self->store, self->region, NULL);
  if (list == NULL)
    {
      adw_window_title_set_title (self->content_title, _("Shortage Lists"));
      adw_window_title_set_subtitle (self->content_title, "");
      adw_preferences_group_set_title (self->shortage_group, _("Shortage Occupations"));
      adw_preferences_group_set_description (self->shortage_group,
                                             _("Import a region’s list of occupations in shortage (XML or CSV, "
                                               "as published by the public employment service): matches in "
                                               "these occupations are then flagged."));
      add_placeholder (self->shortage_list, _("No list imported"), NULL);
    }
  else
    {
      g_autoptr (GString) description = g_string_new (list->source ? list->source : "");
      g_autofree char *title = g_markup_escape_text (list->title && *list->title ? list->title : list->region, -1);

      adw_window_title_set_title (self->content_title, list->title && *list->title ? list->title : list->region);
      adw_window_title_set_subtitle (self->content_title, list->region);
      if (list->valid_from || list->valid_to)
        {
          g_autofree char *from = pa_ui_format_date (list->valid_from);
          g_autofree char *to = pa_ui_format_date (list->valid_to);
          if (description->len > 0)
            g_string_append (description, " · ");
          /* Translators: the period a shortage list is valid for */
          g_string_append_printf (description, _("valid %s – %s"), from ? from : "…", to ? to : "…");
        }
      adw_preferences_group_set_title (self->shortage_group, title);
      adw_preferences_group_set_description (self->shortage_group, description->str);
      for (guint i = 0; i < list->occupation_uris->len; i++)
        {
          const char *uri = g_ptr_array_index (list->occupation_uris, i);
          const char *note = g_ptr_array_index (list->notes, i);
          g_autofree char *label = pa_labour_display_label (self->store, uri);
          g_autofree char *escaped = g_markup_escape_text (label, -1);
          g_autofree char *code = occupation_code (self->store, uri);
          g_autofree char *subtitle = NULL;
          GtkWidget *row = adw_action_row_new ();

          if (code != NULL && note != NULL && *note)
            subtitle = g_strdup_printf ("%s · %s", code, note);
          else
            subtitle = g_strdup (code ? code : note);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
          if (subtitle != NULL)
            {
              g_autofree char *escaped_sub = g_markup_escape_text (subtitle, -1);
              adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped_sub);
            }
          gtk_list_box_append (self->shortage_list, row);
        }
    }
  gtk_stack_set_visible_child_name (self->content_stack, "shortage");
}

static void
region_changed_cb (PaLabourView *self)
{
  g_autoptr (GError) error = NULL;
  GtkStringObject *item = adw_combo_row_get_selected_item (self->region_row);
  guint selected = adw_combo_row_get_selected (self->region_row);
  const char *region = selected == 0 || item == NULL ? "" : gtk_string_object_get_string (item);

  if (self->loading || self->store == NULL)
    return;
  if (!pa_store_set_setting (self->store, "centre.region", region, &error))
    pa_labour_toast (GTK_WIDGET (self), adw_toast_new (error->message));
}

/* Callbacks */

static void
map_cb (PaLabourView *self)
{
  if (self->ranking_stale && self->vacancy != NULL)
    {
      fill_ranked (self);
      fill_shortlist (self);
    }
}

static void
case_changed_cb (PaLabourView *self,
                 gint64        case_id)
{
  /* A participant's claims, languages or name changed the ranking. */
  self->ranking_stale = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    map_cb (self);
}

static void
sidebar_selected_cb (PaLabourView  *self,
                     GtkListBoxRow *row)
{
  gint64 *id;
  g_autoptr (PaVacancy) vacancy = NULL;
  g_autoptr (GError) error = NULL;

  if (self->loading || row == NULL)
    return;
  if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "kind"), "shortage") == 0)
    {
      show_shortage (self, g_object_get_data (G_OBJECT (row), "region"));
      return;
    }
  id = g_object_get_data (G_OBJECT (row), "id");
  if (id != NULL)
    {
      vacancy = pa_store_vacancy_get (self->store, *id, &error);
      if (vacancy == NULL)
        pa_labour_toast (GTK_WIDGET (self), adw_toast_new (error->message));
    }
  /* A draft being written stays on screen while the list is refreshed. */
  if (vacancy == NULL && self->vacancy != NULL && self->vacancy->id == 0)
    return;
  show_vacancy (self, vacancy);
}

static void
sidebar_activated_cb (PaLabourView  *self,
                      GtkListBoxRow *row)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
vacancy_text_cb (GtkWidget *row,
                 gpointer   user_data)
{
  PaLabourView *self = user_data;
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  char **field = NULL;

  if (self->vacancy == NULL || gtk_widget_in_destruction (GTK_WIDGET (self)))
    return;
  if (row == GTK_WIDGET (self->employer_row))
    field = &self->vacancy->employer;
  else if (row == GTK_WIDGET (self->job_row))
    field = &self->vacancy->title;
  else if (row == GTK_WIDGET (self->location_row))
    field = &self->vacancy->location;
  else if (row == GTK_WIDGET (self->description_row))
    field = &self->vacancy->description;
  if (field == NULL)
    return;
  g_free (*field);
  *field = g_steal_pointer (&text);
  if (self->vacancy->id == 0)
    {
      adw_window_title_set_title (self->content_title, self->vacancy->title && *self->vacancy->title
                                                         ? self->vacancy->title : _("New Vacancy"));
      adw_window_title_set_subtitle (self->content_title, self->vacancy->employer ? self->vacancy->employer : "");
    }
  save_vacancy (self, row);
}

typedef struct
{
  PaLabourView *self;
  char *what;     /* "occupation", "required" or "nice" */
} ChooseData;

static void
concept_chosen_cb (const char *uri,
                   const char *label,
                   gpointer    user_data)
{
  ChooseData *data = user_data;
  PaLabourView *self = data->self;

  if (uri != NULL && self->vacancy != NULL)
    {
      if (g_str_equal (data->what, "occupation"))
        {
          g_free (self->vacancy->occupation_uri);
          self->vacancy->occupation_uri = g_strdup (uri);
          adw_action_row_set_subtitle (self->occupation_row, label ? label : uri);
          save_vacancy (self, NULL);
        }
      else
        {
          GPtrArray *to = g_str_equal (data->what, "nice") ? self->vacancy->nice : self->vacancy->required;
          gboolean present = FALSE;

          for (guint i = 0; i < self->vacancy->required->len; i++)
            present |= g_str_equal (g_ptr_array_index (self->vacancy->required, i), uri);
          for (guint i = 0; i < self->vacancy->nice->len; i++)
            present |= g_str_equal (g_ptr_array_index (self->vacancy->nice, i), uri);
          if (!present)
            {
              g_ptr_array_add (to, g_strdup (uri));
              save_vacancy (self, NULL);
            }
        }
    }
  g_object_unref (data->self);
  g_free (data->what);
  g_free (data);
}

/* Where the concept picker plugs in: occupations for the vacancy's
 * occupation, skills for its required and nice-to-have skills. */
static void
choose_concept (PaLabourView *self,
                const char   *what)
{
  ChooseData *data;
  gboolean occupation = g_str_equal (what, "occupation");

  if (self->vacancy == NULL || self->store == NULL)
    return;
  data = g_new0 (ChooseData, 1);
  data->self = g_object_ref (self);
  data->what = g_strdup (what);
  pa_concept_picker_run (GTK_WIDGET (self), self->store,
                         occupation ? PA_CONCEPT_KIND_OCCUPATION | PA_CONCEPT_KIND_ISCO_GROUP
                                    : PA_CONCEPT_KINDS_SKILLS,
                         occupation ? _("Choose Occupation")
                                    : g_str_equal (what, "nice") ? _("Add Nice-to-Have Skill")
                                                                 : _("Add Required Skill"),
                         concept_chosen_cb, data);
}

/* Actions */

static void
choose_action (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  PaLabourView *self = PA_LABOUR_VIEW (widget);

  if (g_str_equal (name, "labour.choose-occupation"))
    choose_concept (self, "occupation");
  else if (g_str_equal (name, "labour.add-nice"))
    choose_concept (self, "nice");
  else
    choose_concept (self, "required");
}

static void
add_language_action (GtkWidget  *widget,
                     const char *name,
                     GVariant   *param)
{
  PaLabourView *self = PA_LABOUR_VIEW (widget);
  const char *code = g_variant_get_string (param, NULL);
  g_autofree char *prefix = g_strconcat (code, ":", NULL);

  if (self->vacancy == NULL)
    return;
  for (guint i = 0; i < self->vacancy->languages->len; i++)
    if (g_str_has_prefix (g_ptr_array_index (self->vacancy->languages, i), prefix))
      return;
  g_ptr_array_add (self->vacancy->languages, g_strconcat (prefix, "A2", NULL));
  save_vacancy (self, NULL);
}

static void
new_vacancy_action (GtkWidget  *widget,
                    const char *name,
                    GVariant   *param)
{
  PaLabourView *self = PA_LABOUR_VIEW (widget);
  g_autoptr (PaVacancy) draft = pa_vacancy_new ();

  if (self->store == NULL)
    return;
  g_ptr_array_add (draft->languages, g_strdup ("fr:A2"));
  gtk_list_box_unselect_all (self->sidebar_list);
  show_vacancy (self, draft);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  gtk_widget_grab_focus (GTK_WIDGET (self->employer_row));
}

static void
undo_delete_cb (AdwToast *toast,
                gpointer  user_data)
{
  PaLabourView *self = g_object_get_data (G_OBJECT (toast), "view");
  PaVacancy *vacancy = user_data;
  GArray *shortlist = g_object_get_data (G_OBJECT (toast), "shortlist");
  g_autoptr (GError) error = NULL;

  if (self == NULL || self->store == NULL)
    return;
  vacancy->id = 0;
  if (!pa_store_vacancy_save (self->store, vacancy, &error))
    {
      pa_labour_toast (GTK_WIDGET (self), adw_toast_new (error->message));
      return;
    }
  for (guint i = 0; shortlist != NULL && i < shortlist->len; i++)
    pa_store_shortlist_add (self->store, vacancy->id, g_array_index (shortlist, gint64, i), NULL);
  reload (self, vacancy->id, NULL);
}

static void
delete_vacancy_action (GtkWidget  *widget,
                       const char *name,
                       GVariant   *param)
{
  PaLabourView *self = PA_LABOUR_VIEW (widget);
  g_autoptr (GError) error = NULL;
  g_autofree char *title = NULL;
  GArray *shortlist = NULL;
  PaVacancy *copy;
  AdwToast *toast;

  if (self->vacancy == NULL)
    return;
  if (self->vacancy->id == 0)
    {
      g_clear_pointer (&self->vacancy, pa_vacancy_free);
      reload (self, 0, NULL);
      return;
    }
  shortlist = pa_store_shortlist_get (self->store, self->vacancy->id, NULL);
  if (!pa_store_vacancy_delete (self->store, self->vacancy->id, &error))
    {
      g_clear_pointer (&shortlist, g_array_unref);
      pa_labour_toast (widget, adw_toast_new (error->message));
      return;
    }
  copy = vacancy_copy (self->vacancy);
  g_clear_pointer (&self->vacancy, pa_vacancy_free);
  /* Translators: a toast after deleting a vacancy */
  title = g_strdup_printf (_("“%s” deleted"), copy->title);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  g_object_set_data_full (G_OBJECT (toast), "vacancy", copy, (GDestroyNotify) pa_vacancy_free);
  if (shortlist != NULL)
    g_object_set_data_full (G_OBJECT (toast), "shortlist", shortlist, (GDestroyNotify) g_array_unref);
  g_object_set_data_full (G_OBJECT (toast), "view", g_object_ref (self), g_object_unref);
  g_signal_connect (toast, "button-clicked", G_CALLBACK (undo_delete_cb), copy);
  reload (self, 0, NULL);
  pa_labour_toast (widget, toast);
}

static void
back_action (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  adw_leaflet_navigate (PA_LABOUR_VIEW (widget)->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* The shortlist on paper: a heading, then a table of name, case code, score
 * and explanation, as many pages as needed. */

#define PRINT_COLUMNS 4
#define PRINT_INSET 28.0    /* points inside the printer's margins */

typedef struct
{
  char *title;
  char *subtitle;
  GPtrArray *cells;     /* char*, PRINT_COLUMNS per row; the first row is the header */
  int rows_per_page;
} PrintData;

static void
print_data_free (PrintData *data)
{
  g_free (data->title);
  g_free (data->subtitle);
  g_ptr_array_unref (data->cells);
  g_free (data);
}

static PrintData *
print_data_new (PaLabourView *self)
{
  PrintData *data = g_new0 (PrintData, 1);
  g_autoptr (GArray) shortlist = pa_store_shortlist_get (self->store, self->vacancy->id, NULL);
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *when = pa_ui_format_date (date);

  data->title = g_strdup_printf ("%s — %s", self->vacancy->title, self->vacancy->employer);
  /* Translators: under the title of a printed shortlist: the date */
  data->subtitle = g_strdup_printf (_("Shortlist of %s"), when ? when : date);
  data->cells = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (data->cells, g_strdup (_("Participant")));
  g_ptr_array_add (data->cells, g_strdup (_("Code")));
  g_ptr_array_add (data->cells, g_strdup (_("Score")));
  g_ptr_array_add (data->cells, g_strdup (_("Why")));
  for (guint i = 0; shortlist != NULL && i < shortlist->len; i++)
    {
      gint64 case_id = g_array_index (shortlist, gint64, i);
      PaCandidate *candidate = NULL;
      char *code = NULL;

      g_ptr_array_add (data->cells, case_name (self->store, case_id, &code));
      g_ptr_array_add (data->cells, code);
      for (guint k = 0; self->candidates != NULL && k < self->candidates->len; k++)
        if (((PaCandidate *) g_ptr_array_index (self->candidates, k))->match->person == case_id)
          candidate = g_ptr_array_index (self->candidates, k);
      g_ptr_array_add (data->cells, candidate ? g_strdup_printf (_("%.0f %%"), candidate->match->score)
                                              : g_strdup ("—"));
      g_ptr_array_add (data->cells, candidate ? explanation (self, candidate) : g_strdup (""));
    }
  return data;
}

static PangoLayout *
print_layout (GtkPrintContext *context,
              const char      *text,
              double           size,
              gboolean         bold,
              double           width)
{
  PangoLayout *layout = gtk_print_context_create_pango_layout (context);
  g_autoptr (PangoFontDescription) font = pango_font_description_from_string ("Sans");

  pango_font_description_set_size (font, (int) (size * PANGO_SCALE));
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                PrintData         *data)
{
  double height = gtk_print_context_get_height (context) - 2 * PRINT_INSET;
  int n_rows = (int) data->cells->len / PRINT_COLUMNS - 1;

  /* Rows are at most two lines of 10 pt: 30 pt each, after a 70 pt heading. */
  data->rows_per_page = MAX (1, (int) ((height - 70) / 30));
  gtk_print_operation_set_n_pages (operation, MAX (1, (n_rows + data->rows_per_page - 1) / data->rows_per_page));
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              PrintData         *data)
{
  static const double fractions[PRINT_COLUMNS] = { 0.3, 0.15, 0.1, 0.45 };
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width = gtk_print_context_get_width (context) - 2 * PRINT_INSET;
  int n_rows = (int) data->cells->len / PRINT_COLUMNS - 1;
  int first = page * data->rows_per_page;
  double y = 0;
  g_autoptr (PangoLayout) title = print_layout (context, data->title, 14, TRUE, width);
  g_autoptr (PangoLayout) subtitle = print_layout (context, data->subtitle, 10, FALSE, width);
  int h;

  cairo_translate (cr, PRINT_INSET, PRINT_INSET);
  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  cairo_move_to (cr, 0, 0);
  pango_cairo_show_layout (cr, title);
  pango_layout_get_pixel_size (title, NULL, &h);
  y += h + 4;
  cairo_move_to (cr, 0, y);
  pango_cairo_show_layout (cr, subtitle);
  pango_layout_get_pixel_size (subtitle, NULL, &h);
  y += h + 16;

  for (int r = -1; r < data->rows_per_page && first + r < n_rows; r++)
    {
      int index = r < 0 ? 0 : first + r + 1;
      double x = 0;
      double row_height = 0;

      for (int c = 0; c < PRINT_COLUMNS; c++)
        {
          double column = width * fractions[c];
          g_autoptr (PangoLayout) cell = print_layout (context, g_ptr_array_index (data->cells, index * PRINT_COLUMNS + c),
                                                       r < 0 ? 9 : 10, r < 0, column - 6);

          pango_layout_set_height (cell, -2);
          pango_layout_set_ellipsize (cell, PANGO_ELLIPSIZE_END);
          cairo_move_to (cr, x, y);
          pango_cairo_show_layout (cr, cell);
          pango_layout_get_pixel_size (cell, NULL, &h);
          row_height = MAX (row_height, h);
          x += column;
        }
      y += row_height + 4;
      cairo_set_line_width (cr, r < 0 ? 1.0 : 0.4);
      cairo_move_to (cr, 0, y);
      cairo_line_to (cr, width, y);
      cairo_stroke (cr);
      y += 6;
    }
}

static gboolean
run_print (PaLabourView  *self,
           const char    *pdf_path,
           GError       **error)
{
  g_autoptr (GtkPrintOperation) operation = gtk_print_operation_new ();
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  PrintData *data;
  GtkPrintOperationResult result;

  if (self->vacancy == NULL || self->vacancy->id == 0)
    return FALSE;
  data = print_data_new (self);
  g_object_set_data_full (G_OBJECT (operation), "data", data, (GDestroyNotify) print_data_free);
  gtk_print_operation_set_job_name (operation, data->title);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), data);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), data);
  if (pdf_path != NULL)
    gtk_print_operation_set_export_filename (operation, pdf_path);
  result = gtk_print_operation_run (operation,
                                    pdf_path ? GTK_PRINT_OPERATION_ACTION_EXPORT
                                             : GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, error);
  return result != GTK_PRINT_OPERATION_RESULT_ERROR;
}

static void
print_action (GtkWidget  *widget,
              const char *name,
              GVariant   *param)
{
  g_autoptr (GError) error = NULL;

  if (!run_print (PA_LABOUR_VIEW (widget), NULL, &error) && error != NULL)
    pa_labour_toast (widget, adw_toast_new (error->message));
}

/* Files */

typedef void (*FileChosenFunc) (PaLabourView *self,
                                const char   *path);

static void
file_chosen_cb (GtkNativeDialog *chooser,
                int              response,
                PaLabourView    *self)
{
  FileChosenFunc *func = g_object_get_data (G_OBJECT (chooser), "func");
  g_autofree char *path = pa_ui_chosen_path (chooser, response);

  if (path != NULL)
    (*func) (self, path);
  g_object_unref (chooser);
}

static void
choose_file (PaLabourView        *self,
             const char          *title,
             GtkFileChooserAction action,
             const char          *filter_name,
             const char *const   *patterns,
             const char          *suggested,
             FileChosenFunc       func)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (title, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, action,
                                         action == GTK_FILE_CHOOSER_ACTION_SAVE ? _("_Save") : _("_Open"),
                                         _("_Cancel"));
  gtk_file_filter_set_name (filter, filter_name);
  for (guint i = 0; patterns[i] != NULL; i++)
    gtk_file_filter_add_pattern (filter, patterns[i]);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  if (suggested != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_object_set_data_full (G_OBJECT (chooser), "func", g_memdup2 (&func, sizeof func), g_free);
  g_signal_connect (chooser, "response", G_CALLBACK (file_chosen_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
export_csv_to (PaLabourView *self,
               const char   *path)
{
  pa_labour_view_export_shortlist_csv (self, path, NULL);
}

static void
export_pdf_to (PaLabourView *self,
               const char   *path)
{
  pa_labour_view_export_shortlist_pdf (self, path, NULL);
}

static void
import_shortage_from (PaLabourView *self,
                      const char   *path)
{
  pa_labour_view_import_shortage (self, path);
}

static char *
suggested_name (PaLabourView *self,
                const char   *extension)
{
  g_autofree char *base = g_strdup_printf ("%s %s", self->vacancy->employer, self->vacancy->title);

  g_strdelimit (base, "/\\:*?\"<>|", '-');
  /* Translators: the file name of a shortlist; %s is the employer and job */
  return g_strdup_printf (_("shortlist %s.%s"), base, extension);
}

static void
export_action (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  PaLabourView *self = PA_LABOUR_VIEW (widget);
  gboolean csv = g_str_equal (name, "labour.export-csv");
  static const char *const csv_patterns[] = { "*.csv", NULL };
  static const char *const pdf_patterns[] = { "*.pdf", NULL };
  g_autofree char *suggested = NULL;

  if (self->vacancy == NULL || self->vacancy->id == 0)
    return;
  suggested = suggested_name (self, csv ? "csv" : "pdf");
  choose_file (self, csv ? _("Export the Shortlist as CSV") : _("Export the Shortlist as PDF"),
               GTK_FILE_CHOOSER_ACTION_SAVE, csv ? _("CSV (spreadsheet)") : _("PDF"),
               csv ? csv_patterns : pdf_patterns, suggested, csv ? export_csv_to : export_pdf_to);
}

static void
import_shortage_action (GtkWidget  *widget,
                        const char *name,
                        GVariant   *param)
{
  static const char *const patterns[] = { "*.xml", "*.csv", "*.XML", "*.CSV", NULL };

  choose_file (PA_LABOUR_VIEW (widget), _("Import a Shortage List"), GTK_FILE_CHOOSER_ACTION_OPEN,
               _("Shortage list (XML or CSV)"), patterns, NULL, import_shortage_from);
}

static void
shortage_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      PaLabourView     *self)
{
  PaShortageList *list = g_object_get_data (G_OBJECT (dialog), "list");
  g_autoptr (GError) error = NULL;
  g_autofree char *own = NULL;
  g_autofree char *region = NULL;

  if (g_strcmp0 (response, "import") != 0 || self->store == NULL)
    return;
  if (!pa_store_shortage_save (self->store, list, &error))
    {
      pa_labour_toast (GTK_WIDGET (self), adw_toast_new (error->message));
      return;
    }
  /* The first list imported is the centre's region until told otherwise. */
  own = pa_store_get_setting (self->store, "centre.region");
  if (own == NULL || *own == '\0')
    pa_store_set_setting (self->store, "centre.region", list->region, NULL);
  region = g_strdup (list->region);
  reload (self, 0, region);
  pa_labour_toast (GTK_WIDGET (self), adw_toast_new_format (_("Shortage list of %s imported"), region));
}

static void
append_occupations (PaLabourView *self,
                    GString      *body,
                    GPtrArray    *uris,
                    const char   *heading,
                    const char   *marker)
{
  guint shown = MIN (uris->len, 12);

  if (uris->len == 0)
    return;
  g_string_append_printf (body, "\n\n%s", heading);
  for (guint i = 0; i < shown; i++)
    {
      g_autofree char *label = pa_labour_display_label (self->store, g_ptr_array_index (uris, i));
      g_string_append_printf (body, "\n%s %s", marker, label);
    }
  if (uris->len > shown)
    {
      g_string_append_c (body, '\n');
      g_string_append_printf (body, ngettext ("… and %u more", "… and %u more", uris->len - shown),
                              uris->len - shown);
    }
}

static void
pa_labour_view_dispose (GObject *object)
{
  PaLabourView *self = (PaLabourView *) object;

  gtk_widget_dispose_template (GTK_WIDGET (object), PA_TYPE_LABOUR_VIEW);
  pa_ui_unparent_children (GTK_WIDGET (object));
  g_clear_object (&self->store);
  g_clear_object (&self->mapper);
  g_clear_pointer (&self->vacancy, pa_vacancy_free);
  g_clear_pointer (&self->region, g_free);
  g_clear_pointer (&self->candidates, g_ptr_array_unref);
  g_clear_object (&self->toggle_group);

  G_OBJECT_CLASS (pa_labour_view_parent_class)->dispose (object);
}

static void
pa_labour_view_class_init (PaLabourViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pa_labour_view_dispose;

  g_type_ensure (PA_TYPE_VIEW_SWITCHER);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/passerelle/Passerelle/pa-labour-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PaLabourView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, PaLabourView, menu_button);
  gtk_widget_class_bind_template_child (widget_class, PaLabourView, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, PaLabourView, content_title);
  gtk_widget_class_bind_template_child (widget_class, PaLabourView, delete_button);
  gtk_widget_class_bind_template_child (widget_class, PaLabourView, content_stack);
  gtk_widget_class_bind_template_child (widget_class, PaLabourView, employer_row);
  gtk_widget_class_bind_template_child (widget_class, PaLabourView, job_row);
  gtk_widget_class_bind_template_child (widget_class, PaLabourView, occupation_row);
  gtk_widget_class_bind_template_child (widget_class, PaLabourView, location_row);
  gtk_widget_class_bind_template_child (widget_class, PaLabourView, description_row);
  gtk_widget_class_bind_template_child (widget_class, PaLabourView, vacancy_message);
  gtk_widget_class_bind_template_child (widget_class, PaLabourView, required_list);
  gtk_widget_class_bind_template_child (widget_class, PaLabourView, nice_list);
  gtk_widget_class_bind_template_child (widget_class, PaLabourView, add_language_button);
  gtk_widget_class_bind_template_child (widget_class, PaLabourView, languages_list);
  gtk_widget_class_bind_template_child (widget_class, PaLabourView, ranked_group);
  gtk_widget_class_bind_template_child (widget_class, PaLabourView, ranked_list);
  gtk_widget_class_bind_template_child (widget_class, PaLabourView, shortlist_list);
  gtk_widget_class_bind_template_child (widget_class, PaLabourView, region_row);
  gtk_widget_class_bind_template_child (widget_class, PaLabourView, shortage_group);
  gtk_widget_class_bind_template_child (widget_class, PaLabourView, shortage_list);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_activated_cb);

  gtk_widget_class_install_action (widget_class, "labour.new-vacancy", NULL, new_vacancy_action);
  gtk_widget_class_install_action (widget_class, "labour.delete-vacancy", NULL, delete_vacancy_action);
  gtk_widget_class_install_action (widget_class, "labour.choose-occupation", NULL, choose_action);
  gtk_widget_class_install_action (widget_class, "labour.add-required", NULL, choose_action);
  gtk_widget_class_install_action (widget_class, "labour.add-nice", NULL, choose_action);
  gtk_widget_class_install_action (widget_class, "labour.add-language", "s", add_language_action);
  gtk_widget_class_install_action (widget_class, "labour.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "labour.export-pdf", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "labour.export-csv", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "labour.import-shortage", NULL, import_shortage_action);
  gtk_widget_class_install_action (widget_class, "labour.back", NULL, back_action);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
pa_labour_view_init (PaLabourView *self)
{
  g_autoptr (GMenu) languages = g_menu_new ();
  const char *const *codes = pa_labour_language_codes ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->toggle_group = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
  gtk_menu_button_set_menu_model (self->menu_button, pa_ui_get_primary_menu ());
  gtk_list_box_set_header_func (self->sidebar_list, header_func, NULL, NULL);
  for (guint i = 0; codes[i] != NULL; i++)
    {
      g_autofree char *name = pa_labour_language_name (codes[i]);
      g_autofree char *action = g_strdup_printf ("labour.add-language::%s", codes[i]);
      g_menu_append (languages, name, action);
    }
  gtk_menu_button_set_menu_model (self->add_language_button, G_MENU_MODEL (languages));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->add_language_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Add Language"), -1);
  pa_labour_entry_row_on_commit (self->employer_row, vacancy_text_cb, self);
  pa_labour_entry_row_on_commit (self->job_row, vacancy_text_cb, self);
  pa_labour_entry_row_on_commit (self->location_row, vacancy_text_cb, self);
  pa_labour_entry_row_on_commit (self->description_row, vacancy_text_cb, self);
  g_signal_connect_swapped (self->region_row, "notify::selected", G_CALLBACK (region_changed_cb), self);
  g_signal_connect (self, "map", G_CALLBACK (map_cb), NULL);
  show_vacancy (self, NULL);
}

GtkWidget *
pa_labour_view_new (void)
{
  return g_object_new (PA_TYPE_LABOUR_VIEW, NULL);
}

void
pa_labour_view_set_store (PaLabourView *self,
                          PaStore      *store)
{
  g_return_if_fail (PA_IS_LABOUR_VIEW (self));

  if (self->store == store)
    return;
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  if (store != NULL)
    g_signal_connect_object (store, "case-changed", G_CALLBACK (case_changed_cb), self, G_CONNECT_SWAPPED);
  g_clear_object (&self->mapper);
  g_clear_pointer (&self->vacancy, pa_vacancy_free);
  reload (self, 0, NULL);
}

/* Returns: the id of the vacancy shown; 0 for a draft or none. */
gint64
pa_labour_view_get_vacancy_id (PaLabourView *self)
{
  g_return_val_if_fail (PA_IS_LABOUR_VIEW (self), 0);
  return self->vacancy ? self->vacancy->id : 0;
}

/* Shows the stored vacancy @id, or the region's shortage list. */
void
pa_labour_view_show (PaLabourView *self,
                     gint64        vacancy_id,
                     const char   *region)
{
  g_return_if_fail (PA_IS_LABOUR_VIEW (self));
  g_clear_pointer (&self->vacancy, pa_vacancy_free);
  reload (self, vacancy_id, region);
}

/**
 * pa_labour_view_import_shortage:
 *
 * Reads a shortage list (XML, or CSV for the region shown or the centre's
 * region) and asks, listing the occupations it adds and drops from the
 * region's current list, whether to import it. A file in error is named in
 * a dialog and changes nothing.
 *
 * Returns: (transfer none): the dialog shown
 */
GtkWidget *
pa_labour_view_import_shortage (PaLabourView *self,
                                const char   *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PaShortageList) list = NULL;
  g_autoptr (GPtrArray) added = NULL;
  g_autoptr (GPtrArray) removed = NULL;
  g_autoptr (GString) body = g_string_new (NULL);
  g_autofree char *name = NULL;
  g_autofree char *region = NULL;
  g_autofree char *heading = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  g_return_val_if_fail (PA_IS_LABOUR_VIEW (self), NULL);
  g_return_val_if_fail (self->store != NULL, NULL);

  name = g_filename_display_basename (path);
  if (g_str_has_suffix (path, ".csv") || g_str_has_suffix (path, ".CSV"))
    region = self->region ? g_strdup (self->region) : pa_store_get_setting (self->store, "centre.region");
  list = pa_shortage_list_read (path, region && *region ? region : NULL, &error);
  if (list == NULL)
    {
      dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                       _("Cannot Import the Shortage List"), error->message);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return dialog;
    }
  pa_shortage_list_preview (self->store, list, &added, &removed);
  g_string_append_printf (body, ngettext ("“%s”: %u occupation for %s.", "“%s”: %u occupations for %s.",
                                          list->occupation_uris->len),
                          name, list->occupation_uris->len, list->region);
  if (added->len == 0 && removed->len == 0)
    g_string_append_printf (body, "\n\n%s", _("The same occupations as the current list."));
  append_occupations (self, body, added, _("Added:"), "+");
  append_occupations (self, body, removed, _("Removed:"), "−");
  heading = g_strdup_printf (_("Import the Shortage List of %s?"), list->region);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, body->str);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "import", _("_Import"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "import", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "import");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "list", g_steal_pointer (&list), (GDestroyNotify) pa_shortage_list_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (shortage_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

/* Writes the shortlist of the vacancy shown as CSV (see pa_shortlist_write_csv ()). */
gboolean
pa_labour_view_export_shortlist_csv (PaLabourView *self,
                                     const char   *path,
                                     GError      **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (PA_IS_LABOUR_VIEW (self), FALSE);
  g_return_val_if_fail (self->vacancy != NULL && self->vacancy->id != 0, FALSE);

  if (!pa_shortlist_write_csv (self->store, self->candidates, self->vacancy->id, path, &local_error))
    {
      pa_labour_toast (GTK_WIDGET (self), adw_toast_new (local_error->message));
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  name = g_filename_display_basename (path);
  pa_labour_toast (GTK_WIDGET (self), adw_toast_new_format (_("Shortlist saved as “%s”"), name));
  return TRUE;
}

/* Writes the printed shortlist of the vacancy shown to a PDF file. */
gboolean
pa_labour_view_export_shortlist_pdf (PaLabourView *self,
                                     const char   *path,
                                     GError      **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (PA_IS_LABOUR_VIEW (self), FALSE);
  g_return_val_if_fail (self->vacancy != NULL && self->vacancy->id != 0, FALSE);

  if (!run_print (self, path, &local_error))
    {
      if (local_error != NULL)
        pa_labour_toast (GTK_WIDGET (self), adw_toast_new (local_error->message));
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  name = g_filename_display_basename (path);
  pa_labour_toast (GTK_WIDGET (self), adw_toast_new_format (_("Shortlist saved as “%s”"), name));
  return TRUE;
}
