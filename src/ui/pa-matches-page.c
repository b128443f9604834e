/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "passerelle"

#include "config.h"

#include <glib/gi18n.h>

#include "pa-cohort.h"
#include "pa-concept-picker.h"
#include "pa-labour.h"
#include "pa-mapper-cache.h"
#include "pa-mapper-store.h"
#include "pa-matches-page.h"
#include "pa-store-records.h"

#define N_MATCHES 15

/* The Matches section of a case: occupations ranked by the essential skills
 * the person has shown, each with its coverage, the shortage flag of the
 * centre's region, and the missing essential skills, which go to the plan
 * with one click. */
struct _PaMatchesPage
{
  PaCasePage parent_instance;

  GtkStack *stack;
  GtkSpinner *spinner;
  AdwStatusPage *error_page;
  AdwPreferencesGroup *matches_group;
  GtkListBox *matches_list;

  GListStore *matches;     /* GObject carrying a MatchItem ("match") */
  GCancellable *cancellable;
  gboolean waiting;
  gboolean storing;
  char *lang;
};

G_DEFINE_FINAL_TYPE (PaMatchesPage, pa_matches_page, PA_TYPE_CASE_PAGE)

typedef struct
{
  char *uri;
  char *label;
} Skill;

typedef struct
{
  char *uri;
  char *label;
  char *isco;
  guint covered;
  guint total;
  double credit;     /* essential skills covered, related ones counting in part */
  gboolean shortage;
  GArray *missing;   /* Skill */
  GArray *matched;   /* Skill */
} MatchItem;

static void
skill_clear (Skill *skill)
{
  g_free (skill->uri);
  g_free (skill->label);
}

static void
match_item_free (MatchItem *item)
{
  g_free (item->uri);
  g_free (item->label);
  g_free (item->isco);
  g_array_unref (item->missing);
  g_array_unref (item->matched);
  g_free (item);
}

static char *
label_of (PaStore    *store,
          const char *uri,
          const char *lang)
{
  char *label = pa_concept_label (store, uri, lang);

  return label ? label : g_strdup (uri);
}

static GArray *
skills_new (void)
{
  GArray *skills = g_array_new (FALSE, TRUE, sizeof (Skill));

  g_array_set_clear_func (skills, (GDestroyNotify) skill_clear);
  return skills;
}

/* "Add to Plan" on a missing skill. */
static void
chip_clicked_cb (GtkButton     *button,
                 PaMatchesPage *self)
{
  PaStore *store = pa_case_page_get_store (PA_CASE_PAGE (self));
  const char *uri = g_object_get_data (G_OBJECT (button), "skill-uri");
  const char *label = g_object_get_data (G_OBJECT (button), "skill-label");
  g_autoptr (GError) error = NULL;
  g_autofree char *done = NULL;

  if (store == NULL)
    return;
  /* The plan changes, not the matches: the rows stay as they are. */
  self->storing = TRUE;
  done = pa_ui_plan_add_gap (store, pa_case_page_get_case_id (PA_CASE_PAGE (self)), uri, label, &error);
  self->storing = FALSE;
  if (done == NULL)
    {
      pa_case_page_toast (PA_CASE_PAGE (self), error->message);
      return;
    }
  gtk_widget_set_sensitive (GTK_WIDGET (button), FALSE);
  gtk_widget_set_tooltip_text (GTK_WIDGET (button), _("In the plan"));
  pa_case_page_toast (PA_CASE_PAGE (self), done);
}

static GtkWidget *
chip_new (PaMatchesPage *self,
          const Skill   *skill)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *content = adw_button_content_new ();
  g_autofree char *tooltip = NULL;

  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "list-add-symbolic");
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), skill->label);
  gtk_button_set_child (GTK_BUTTON (button), content);
  /* Translators: tooltip of a missing skill's button; %s is the skill */
  tooltip = g_strdup_printf (_("Add to Plan: a training module for “%s”"), skill->label);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_widget_add_css_class (button, "pill");
  gtk_widget_add_css_class (button, "small");
  g_object_set_data_full (G_OBJECT (button), "skill-uri", g_strdup (skill->uri), g_free);
  g_object_set_data_full (G_OBJECT (button), "skill-label", g_strdup (skill->label), g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (chip_clicked_cb), self);
  return button;
}

static GtkWidget *
coverage_new (const MatchItem *item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *bar = gtk_level_bar_new_for_interval (0, MAX (item->total, 1));
  GtkWidget *label;
  g_autofree char *text = NULL;

  /* Translators: coverage of an occupation, "7 of 9 essential skills" */
  text = g_strdup_printf (ngettext ("%u of %u essential skill", "%u of %u essential skills",
                                    item->total),
                          item->covered, item->total);
  /* Related skills (broader or narrower than one shown) count in part: the
   * bar shows that credit, the words say where it comes from. */
  if (item->credit > item->covered + 0.05)
    {
      /* Translators: after "2 of 13 essential skills" */
      g_autofree char *more = g_strdup_printf (_("%s, and related ones"), text);
      g_free (text);
      text = g_steal_pointer (&more);
    }
  gtk_level_bar_set_value (GTK_LEVEL_BAR (bar), MIN (MAX (item->credit, item->covered), MAX (item->total, 1)));
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_LOW);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_HIGH);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_FULL);
  gtk_widget_set_size_request (bar, 140, -1);
  gtk_widget_set_halign (bar, GTK_ALIGN_END);
  gtk_accessible_update_property (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
  label = gtk_label_new (text);
  gtk_widget_set_name (label, "coverage");
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_widget_add_css_class (label, "caption");
  gtk_box_append (GTK_BOX (box), bar);
  gtk_box_append (GTK_BOX (box), label);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  return box;
}

static GtkWidget *
shortage_tag_new (void)
{
  GtkWidget *tag = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);

  gtk_widget_set_name (tag, "shortage");
  gtk_widget_add_css_class (tag, "pa-tag");
  gtk_widget_set_valign (tag, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (tag), gtk_image_new_from_icon_name ("emblem-important-symbolic"));
  gtk_box_append (GTK_BOX (tag), gtk_label_new (C_("labour market", "Shortage")));
  gtk_widget_set_tooltip_text (tag, _("Employers of the centre’s region lack people in this occupation"));
  return tag;
}

/* The missing and shown skills, read when the row is first opened: their
 * labels are many queries, and most rows are never opened. */
static void
fill_row (PaMatchesPage  *self,
          AdwExpanderRow *row,
          MatchItem      *m)
{
  PaStore *store = pa_case_page_get_store (PA_CASE_PAGE (self));
  GtkWidget *missing_row, *flow, *matched_row;

  for (guint i = 0; i < m->missing->len; i++)
    {
      Skill *skill = &g_array_index (m->missing, Skill, i);
      if (skill->label == NULL)
        skill->label = label_of (store, skill->uri, self->lang);
    }
  for (guint i = 0; i < m->matched->len; i++)
    {
      Skill *skill = &g_array_index (m->matched, Skill, i);
      if (skill->label == NULL)
        skill->label = label_of (store, skill->uri, self->lang);
    }

  missing_row = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_margin_top (missing_row, 12);
  gtk_widget_set_margin_bottom (missing_row, 12);
  gtk_widget_set_margin_start (missing_row, 12);
  gtk_widget_set_margin_end (missing_row, 12);
  if (m->missing->len > 0)
    {
      GtkWidget *heading = gtk_label_new (_("Missing essential skills — add one to the plan"));

      gtk_label_set_xalign (GTK_LABEL (heading), 0);
      gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
      gtk_widget_add_css_class (heading, "heading");
      gtk_box_append (GTK_BOX (missing_row), heading);
      flow = gtk_flow_box_new ();
      gtk_widget_set_name (flow, "missing");
      gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (flow), GTK_SELECTION_NONE);
      gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (flow), 3);
      gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (flow), 6);
      gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (flow), 6);
      gtk_accessible_update_property (GTK_ACCESSIBLE (flow), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Missing essential skills"), -1);
      for (guint i = 0; i < m->missing->len; i++)
        gtk_flow_box_append (GTK_FLOW_BOX (flow), chip_new (self, &g_array_index (m->missing, Skill, i)));
      gtk_box_append (GTK_BOX (missing_row), flow);
    }
  else
    {
      GtkWidget *all = gtk_label_new (_("Every essential skill has been shown."));
      gtk_label_set_xalign (GTK_LABEL (all), 0);
      gtk_box_append (GTK_BOX (missing_row), all);
    }
  adw_expander_row_add_row (row, missing_row);

  if (m->matched->len > 0)
    {
      g_autoptr (GString) text = g_string_new (NULL);
      g_autofree char *escaped = NULL;

      for (guint i = 0; i < m->matched->len; i++)
        g_string_append_printf (text, "%s%s", i ? ", " : "", g_array_index (m->matched, Skill, i).label);
      escaped = g_markup_escape_text (text->str, -1);
      matched_row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (matched_row), _("Skills shown"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (matched_row), escaped);
      gtk_widget_add_css_class (matched_row, "property");
      adw_expander_row_add_row (row, matched_row);
    }
}

static void
expanded_cb (AdwExpanderRow *row,
             GParamSpec     *pspec,
             PaMatchesPage  *self)
{
  MatchItem *m = g_object_get_data (G_OBJECT (row), "match");

  if (!adw_expander_row_get_expanded (row) || g_object_get_data (G_OBJECT (row), "filled"))
    return;
  g_object_set_data (G_OBJECT (row), "filled", GINT_TO_POINTER (TRUE));
  fill_row (self, row, m);
}

static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  PaMatchesPage *self = user_data;
  MatchItem *m = g_object_get_data (item, "match");
  AdwExpanderRow *row = ADW_EXPANDER_ROW (adw_expander_row_new ());
  g_autofree char *title = g_markup_escape_text (m->label, -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (m->isco)
    {
      /* Translators: the ISCO-08 code of an occupation */
      g_autofree char *code = g_strdup_printf (_("ISCO %s"), m->isco);
      adw_expander_row_set_subtitle (row, code);
    }
  adw_expander_row_add_action (row, coverage_new (m));
  if (m->shortage)
    adw_expander_row_add_action (row, shortage_tag_new ());
  /* The item outlives the row: the model holds it. */
  g_object_set_data (G_OBJECT (row), "match", m);
  g_signal_connect (row, "notify::expanded", G_CALLBACK (expanded_cb), self);
  return GTK_WIDGET (row);
}

static void
show_matches (PaMatchesPage *self,
              PaMapper      *mapper)
{
  PaStore *store = pa_case_page_get_store (PA_CASE_PAGE (self));
  gint64 case_id = pa_case_page_get_case_id (PA_CASE_PAGE (self));
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) claims = NULL;
  g_autoptr (GPtrArray) matches = NULL;
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GHashTable) shortage = NULL;
  g_autofree char *region = NULL;
  g_autofree char *description = NULL;
  gint64 started = g_get_monotonic_time ();
  gint64 matched_at;

  if (pa_mapper_get_n_occupations (mapper) == 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "no-occupations");
      return;
    }
  claims = pa_mapper_case_claims (mapper, store, case_id, &error);
  if (claims == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }
  if (claims->len == 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "no-claims");
      return;
    }
  matches = pa_mapper_match (mapper, (PaMapperClaim *) (gpointer) claims->data, claims->len, N_MATCHES);
  matched_at = g_get_monotonic_time ();
  region = pa_store_get_setting (store, "centre.region");
  if (region != NULL && *region != '\0')
    shortage = pa_store_shortage_set (store, region, NULL);

  for (guint i = 0; i < matches->len; i++)
    {
      PaMatch *match = g_ptr_array_index (matches, i);
      MatchItem *m = g_new0 (MatchItem, 1);
      GObject *item = g_object_new (G_TYPE_OBJECT, NULL);

      m->uri = g_strdup (pa_mapper_get_occupation_uri (mapper, match->occupation));
      m->label = label_of (store, m->uri, self->lang);
      m->isco = g_strdup (pa_mapper_get_occupation_isco (mapper, match->occupation));
      m->covered = match->n_essential_direct;
      m->credit = match->essential_credit;
      m->total = match->n_essential;
      m->shortage = pa_mapper_cache_in_shortage (mapper, shortage, match->occupation);
      m->missing = skills_new ();
      m->matched = skills_new ();
      for (guint k = 0; k < match->missing->len; k++)
        {
          Skill skill;

          skill.uri = g_strdup (pa_mapper_get_skill_uri (mapper, g_array_index (match->missing, guint, k)));
          skill.label = NULL;
          g_array_append_val (m->missing, skill);
        }
      for (guint k = 0; k < match->matched->len; k++)
        {
          const PaMatchedSkill *ms = &g_array_index (match->matched, PaMatchedSkill, k);
          Skill skill;

          if (!ms->essential || ms->kind != PA_MATCH_DIRECT)
            continue;
          skill.uri = g_strdup (pa_mapper_get_skill_uri (mapper, ms->skill));
          skill.label = NULL;
          g_array_append_val (m->matched, skill);
        }
      g_object_set_data_full (item, "match", m, (GDestroyNotify) match_item_free);
      g_ptr_array_add (items, item);
    }
  g_list_store_splice (self->matches, 0, g_list_model_get_n_items (G_LIST_MODEL (self->matches)),
                       items->pdata, items->len);
  if (shortage != NULL)
    /* Translators: %s is a region, e.g. "Île-de-France" */
    description = g_strdup_printf (_("Ranked by the share of essential skills shown. "
                                     "Shortages are those of %s."), region);
  else
    description = g_strdup (_("Ranked by the share of essential skills shown. Choose the centre’s "
                              "region in Preferences to flag occupations in shortage."));
  adw_preferences_group_set_description (self->matches_group, description);
  gtk_stack_set_visible_child_name (self->stack, items->len > 0 ? "list" : "no-claims");
  g_debug ("Matches: %u claims, %u occupations ranked in %.2f ms, rows read in %.2f ms",
           claims->len, matches->len, (matched_at - started) / 1000.0,
           (g_get_monotonic_time () - matched_at) / 1000.0);
}

static void
mapper_ready_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PaMapper) mapper = pa_mapper_cache_get_finish (PA_STORE (source), result, &error);
  PaMatchesPage *self;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = PA_MATCHES_PAGE (user_data);
  self->waiting = FALSE;
  gtk_spinner_stop (self->spinner);
  if (pa_case_page_get_store (PA_CASE_PAGE (self)) != PA_STORE (source))
    return;
  if (mapper == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }
  show_matches (self, mapper);
}

static void
pa_matches_page_reload (PaCasePage *page)
{
  PaMatchesPage *self = PA_MATCHES_PAGE (page);
  PaStore *store = pa_case_page_get_store (page);
  PaMapper *mapper;

  if (self->storing)
    return;
  if (store == NULL || pa_case_page_get_case_id (page) == 0)
    {
      g_list_store_remove_all (self->matches);
      return;
    }
  mapper = pa_mapper_cache_peek (store);
  if (mapper != NULL)
    {
      show_matches (self, mapper);
      return;
    }
  if (self->waiting)
    return;
  /* Only the first visit after start (or after an import) waits. */
  self->waiting = TRUE;
  gtk_stack_set_visible_child_name (self->stack, "loading");
  gtk_spinner_start (self->spinner);
  pa_mapper_cache_get_async (store, self->cancellable, mapper_ready_cb, self);
}

static void
pa_matches_page_dispose (GObject *object)
{
  PaMatchesPage *self = PA_MATCHES_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (object), PA_TYPE_MATCHES_PAGE);
  g_clear_object (&self->matches);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (pa_matches_page_parent_class)->dispose (object);
}

static void
pa_matches_page_finalize (GObject *object)
{
  PaMatchesPage *self = PA_MATCHES_PAGE (object);

  g_free (self->lang);

  G_OBJECT_CLASS (pa_matches_page_parent_class)->finalize (object);
}

static void
pa_matches_page_class_init (PaMatchesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  PaCasePageClass *page_class = PA_CASE_PAGE_CLASS (klass);

  object_class->dispose = pa_matches_page_dispose;
  object_class->finalize = pa_matches_page_finalize;
  page_class->reload = pa_matches_page_reload;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/passerelle/Passerelle/pa-matches-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PaMatchesPage, stack);
  gtk_widget_class_bind_template_child (widget_class, PaMatchesPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, PaMatchesPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, PaMatchesPage, matches_group);
  gtk_widget_class_bind_template_child (widget_class, PaMatchesPage, matches_list);
}

static void
pa_matches_page_init (PaMatchesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->matches = g_list_store_new (G_TYPE_OBJECT);
  self->cancellable = g_cancellable_new ();
  self->lang = pa_concept_picker_default_language ();
  gtk_list_box_bind_model (self->matches_list, G_LIST_MODEL (self->matches), create_row_cb, self, NULL);
}

GtkWidget *
pa_matches_page_new (void)
{
  return g_object_new (PA_TYPE_MATCHES_PAGE, NULL);
}
