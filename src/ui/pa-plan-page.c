/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "passerelle"

#include "config.h"

#include <glib/gi18n.h>

#include "pa-cohort.h"
#include "pa-concept-picker.h"
#include "pa-edit-rows.h"
#include "pa-gaps.h"
#include "pa-mapper-cache.h"
#include "pa-mapper-store.h"
#include "pa-plan-page.h"
#include "pa-store-records.h"
#include "pa-ui-utils.h"

/* Occupations whose gaps the Gaps group lists. */
#define N_GAP_OCCUPATIONS 3

/* The Plan section of a case: goals, the actions towards them with their
 * status and dates (the status changes right in the list), and the gaps
 * left for the best-matching occupations, each closed by a training module
 * in one click. */
struct _PaPlanPage
{
  PaCasePage parent_instance;

  AdwPreferencesGroup *goals_group;
  GtkListBox *goals_list;
  GtkEntry *goal_entry;
  GtkPopover *goal_popover;
  GtkListBox *actions_list;
  GtkEntry *action_entry;
  GtkPopover *action_popover;
  AdwPreferencesGroup *gaps_group;
  GtkListBox *gaps_list;
  GtkWidget *error_box;
  GtkWidget *error_label;

  GListStore *goals;     /* GObject carrying a PaGoal ("record") */
  GListStore *actions;   /* GObject carrying a PaPlanAction ("record") */
  GPtrArray *goal_list;  /* PaGoal, for the actions' goal combos */
  GHashTable *planned;   /* titles of the plan's actions: gaps already in it */
  GCancellable *cancellable;
  gboolean waiting;
  gboolean storing;
  char *lang;
};

G_DEFINE_FINAL_TYPE (PaPlanPage, pa_plan_page, PA_TYPE_CASE_PAGE)

static PaStore *
store_of (PaPlanPage *self)
{
  return pa_case_page_get_store (PA_CASE_PAGE (self));
}

static void
show_error (PaPlanPage *self,
            GtkWidget  *row,
            GError     *error)
{
  pa_ui_set_row_error (row, self->error_box, self->error_label, error ? error->message : NULL);
}

static GObject *
wrap (gpointer       record,
      GDestroyNotify free_func)
{
  GObject *item = g_object_new (G_TYPE_OBJECT, NULL);

  g_object_set_data_full (item, "record", record, free_func);
  return item;
}

static GtkStringList *
values_model (const char *list)
{
  GtkStringList *names = gtk_string_list_new (NULL);
  const char *const *codes = pa_record_values (list);

  for (guint i = 0; codes[i] != NULL; i++)
    gtk_string_list_append (names, pa_record_value_label (list, codes[i]));
  return names;
}

static guint
value_position (const char *list,
                const char *code)
{
  const char *const *codes = pa_record_values (list);

  for (guint i = 0; codes[i] != NULL; i++)
    if (g_strcmp0 (codes[i], code) == 0)
      return i;
  return 0;
}

static const char *
value_at (const char *list,
          guint       position)
{
  const char *const *codes = pa_record_values (list);

  return position < g_strv_length ((char **) codes) ? codes[position] : codes[0];
}

static char *
entry_text (GtkEditable *editable)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (editable)));

  return *text ? g_steal_pointer (&text) : NULL;
}

static AdwEntryRow *
entry_row_new (const char *title,
               const char *text,
               const char *name)
{
  AdwEntryRow *row = ADW_ENTRY_ROW (adw_entry_row_new ());

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
  adw_entry_row_set_show_apply_button (row, TRUE);
  gtk_widget_set_name (GTK_WIDGET (row), name);
  return row;
}

static GtkWidget *
remove_row_new (const char *title,
                GCallback   callback,
                gpointer    data)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Remove"));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_name (button, "remove");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "destructive-action");
  g_signal_connect (button, "clicked", callback, data);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return row;
}

static void
save_on_focus_leave (GtkWidget *row,
                     GCallback  leave)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_signal_connect_swapped (focus, "leave", leave, row);
  gtk_widget_add_controller (row, focus);
}

/* Goals */

static PaGoal *
goal_copy (const PaGoal *g)
{
  PaGoal *copy = pa_goal_new ();

  copy->id = g->id;
  copy->case_id = g->case_id;
  copy->title = g_strdup (g->title);
  copy->target_occupation_uri = g_strdup (g->target_occupation_uri);
  g_free (copy->status);
  copy->status = g_strdup (g->status);
  return copy;
}

static char *
goal_subtitle (PaPlanPage   *self,
               const PaGoal *goal)
{
  g_autofree char *occupation = goal->target_occupation_uri
                                ? pa_concept_label (store_of (self), goal->target_occupation_uri, self->lang)
                                : NULL;
  g_autofree char *text = occupation
    /* Translators: a goal's status and its target occupation */
    ? g_strdup_printf (C_("goal", "%s · %s"), pa_record_value_label ("goal.status", goal->status), occupation)
    : g_strdup (pa_record_value_label ("goal.status", goal->status));

  return g_markup_escape_text (text, -1);
}

/* Stores @edited in place of the goal shown by @row. */
static gboolean
goal_store (PaPlanPage *self,
            GtkWidget  *row,
            PaGoal     *edited)
{
  AdwExpanderRow *expander = ADW_EXPANDER_ROW (gtk_widget_get_ancestor (row, ADW_TYPE_EXPANDER_ROW));
  g_autoptr (GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  self->storing = TRUE;
  pa_store_goal_update (store_of (self), edited, &error);
  self->storing = FALSE;
  show_error (self, row, error);
  if (error != NULL)
    return FALSE;
  g_object_set_data_full (G_OBJECT (expander), "record", goal_copy (edited), (GDestroyNotify) pa_goal_free);
  title = g_markup_escape_text (edited->title, -1);
  subtitle = goal_subtitle (self, edited);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), title);
  adw_expander_row_set_subtitle (expander, subtitle);
  return TRUE;
}

static PaGoal *
goal_of (GtkWidget *row)
{
  GtkWidget *expander = gtk_widget_get_ancestor (row, ADW_TYPE_EXPANDER_ROW);

  return goal_copy (g_object_get_data (G_OBJECT (expander), "record"));
}

static void
goal_title_apply_cb (AdwEntryRow *row,
                     PaPlanPage  *self)
{
  g_autoptr (PaGoal) goal = goal_of (GTK_WIDGET (row));
  g_autofree char *title = entry_text (GTK_EDITABLE (row));

  if (g_strcmp0 (title, goal->title) == 0 && !gtk_widget_has_css_class (GTK_WIDGET (row), "error"))
    return;
  g_free (goal->title);
  goal->title = g_steal_pointer (&title);
  goal_store (self, GTK_WIDGET (row), goal);
}

static void
goal_title_leave_cb (AdwEntryRow *row)
{
  goal_title_apply_cb (row, g_object_get_data (G_OBJECT (row), "page"));
}

static void
goal_status_cb (AdwComboRow *row,
                GParamSpec  *pspec,
                PaPlanPage  *self)
{
  g_autoptr (PaGoal) goal = goal_of (GTK_WIDGET (row));

  g_free (goal->status);
  goal->status = g_strdup (value_at ("goal.status", adw_combo_row_get_selected (row)));
  goal_store (self, GTK_WIDGET (row), goal);
}

static void
goal_occupation_cb (const char *uri,
                    const char *label,
                    gpointer    user_data)
{
  GWeakRef *ref = user_data;
  g_autoptr (GtkWidget) row = g_weak_ref_get (ref);

  g_weak_ref_clear (ref);
  g_free (ref);
  if (row != NULL && uri != NULL)
    {
      g_autoptr (PaGoal) goal = goal_of (row);
      PaPlanPage *self = g_object_get_data (G_OBJECT (row), "page");

      g_free (goal->target_occupation_uri);
      goal->target_occupation_uri = g_strdup (uri);
      if (goal_store (self, row, goal))
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), label);
    }
}

static void
goal_choose_occupation_cb (GtkButton *button,
                           GtkWidget *row)
{
  GWeakRef *ref = g_new0 (GWeakRef, 1);
  PaPlanPage *self = g_object_get_data (G_OBJECT (row), "page");

  g_weak_ref_init (ref, row);
  pa_concept_picker_run (GTK_WIDGET (button), store_of (self),
                         PA_CONCEPT_KIND_OCCUPATION | PA_CONCEPT_KIND_ISCO_GROUP,
                         _("Choose the Target Occupation"), goal_occupation_cb, ref);
}

typedef struct
{
  PaPlanPage *page;
  gpointer record;
  gboolean goal;
} Removed;

static void
removed_free (gpointer data,
              GClosure *closure)
{
  Removed *removed = data;

  g_clear_weak_pointer (&removed->page);
  if (removed->goal)
    pa_goal_free (removed->record);
  else
    pa_plan_action_free (removed->record);
  g_free (removed);
}

static void
undo_cb (AdwToast *toast,
         Removed  *removed)
{
  g_autoptr (GError) error = NULL;
  gboolean ok;

  if (removed->page == NULL || store_of (removed->page) == NULL)
    return;
  if (removed->goal)
    {
      ((PaGoal *) removed->record)->id = 0;
      ok = pa_store_goal_add (store_of (removed->page), removed->record, &error);
    }
  else
    {
      ((PaPlanAction *) removed->record)->id = 0;
      ok = pa_store_plan_action_add (store_of (removed->page), removed->record, &error);
    }
  if (!ok)
    pa_case_page_toast (PA_CASE_PAGE (removed->page), error->message);
}

static void
toast_removed (PaPlanPage *self,
               const char *title,
               gpointer    record,
               gboolean    goal)
{
  Removed *removed = g_new0 (Removed, 1);
  /* Translators: a toast; %s is a goal's or an action's title */
  g_autofree char *message = g_strdup_printf (_("“%s” removed"), title);
  g_autofree char *escaped = g_markup_escape_text (message, -1);
  AdwToast *toast = adw_toast_new (escaped);

  g_set_weak_pointer (&removed->page, self);
  removed->record = record;
  removed->goal = goal;
  adw_toast_set_button_label (toast, _("_Undo"));
  /* Undo cannot wait behind earlier messages. */
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo_cb), removed, removed_free, 0);
  pa_case_page_add_toast (PA_CASE_PAGE (self), toast);
}

static void
goal_remove_cb (GtkButton  *button,
                PaPlanPage *self)
{
  PaGoal *goal = goal_of (GTK_WIDGET (button));
  g_autoptr (GError) error = NULL;

  if (!pa_store_goal_delete (store_of (self), goal->id, &error))
    {
      show_error (self, GTK_WIDGET (button), error);
      pa_goal_free (goal);
      return;
    }
  toast_removed (self, goal->title, goal, TRUE);
}

static GtkWidget *
create_goal_row_cb (gpointer item,
                    gpointer user_data)
{
  PaPlanPage *self = user_data;
  PaGoal *goal = g_object_get_data (item, "record");
  AdwExpanderRow *row = ADW_EXPANDER_ROW (adw_expander_row_new ());
  g_autofree char *title = g_markup_escape_text (goal->title, -1);
  g_autofree char *subtitle = goal_subtitle (self, goal);
  g_autofree char *occupation = NULL;
  g_autoptr (GtkStringList) statuses = values_model ("goal.status");
  AdwEntryRow *title_row;
  AdwComboRow *status_row;
  GtkWidget *occupation_row, *choose;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_expander_row_set_subtitle (row, subtitle);
  g_object_set_data_full (G_OBJECT (row), "record", goal_copy (goal), (GDestroyNotify) pa_goal_free);

  title_row = entry_row_new (_("Goal"), goal->title, "title");
  g_object_set_data (G_OBJECT (title_row), "page", self);
  save_on_focus_leave (GTK_WIDGET (title_row), G_CALLBACK (goal_title_leave_cb));
  g_signal_connect (title_row, "apply", G_CALLBACK (goal_title_apply_cb), self);
  adw_expander_row_add_row (row, GTK_WIDGET (title_row));

  status_row = ADW_COMBO_ROW (adw_combo_row_new ());
  gtk_widget_set_name (GTK_WIDGET (status_row), "status");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (status_row), _("Status"));
  adw_combo_row_set_model (status_row, G_LIST_MODEL (statuses));
  adw_combo_row_set_selected (status_row, value_position ("goal.status", goal->status));
  g_signal_connect (status_row, "notify::selected", G_CALLBACK (goal_status_cb), self);
  adw_expander_row_add_row (row, GTK_WIDGET (status_row));

  occupation_row = adw_action_row_new ();
  g_object_set_data (G_OBJECT (occupation_row), "page", self);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (occupation_row), _("Target occupation"));
  occupation = goal->target_occupation_uri
               ? pa_concept_label (store_of (self), goal->target_occupation_uri, self->lang) : NULL;
  adw_action_row_set_subtitle (ADW_ACTION_ROW (occupation_row), occupation ? occupation : _("None"));
  choose = gtk_button_new_with_mnemonic (_("_Choose…"));
  gtk_widget_set_valign (choose, GTK_ALIGN_CENTER);
  g_signal_connect (choose, "clicked", G_CALLBACK (goal_choose_occupation_cb), occupation_row);
  adw_action_row_add_suffix (ADW_ACTION_ROW (occupation_row), choose);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (occupation_row), choose);
  adw_expander_row_add_row (row, occupation_row);

  adw_expander_row_add_row (row, remove_row_new (_("Remove this goal"), G_CALLBACK (goal_remove_cb), self));
  return GTK_WIDGET (row);
}

/* Actions */

static PaPlanAction *
action_copy (const PaPlanAction *a)
{
  PaPlanAction *copy = pa_plan_action_new ();

  copy->id = a->id;
  copy->case_id = a->case_id;
  copy->goal_id = a->goal_id;
  g_free (copy->kind);
  copy->kind = g_strdup (a->kind);
  copy->title = g_strdup (a->title);
  g_free (copy->status);
  copy->status = g_strdup (a->status);
  copy->due_on = g_strdup (a->due_on);
  copy->done_on = g_strdup (a->done_on);
  copy->notes = g_strdup (a->notes);
  return copy;
}

static const char *
goal_title (PaPlanPage *self,
            gint64      goal_id)
{
  for (guint i = 0; self->goal_list && i < self->goal_list->len; i++)
    {
      PaGoal *goal = g_ptr_array_index (self->goal_list, i);
      if (goal->id == goal_id)
        return goal->title;
    }
  return NULL;
}

static char *
action_subtitle (PaPlanPage         *self,
                 const PaPlanAction *action)
{
  g_autoptr (GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  const char *goal = goal_title (self, action->goal_id);
  g_autofree char *text = NULL;

  g_ptr_array_add (parts, g_strdup (pa_record_value_label ("plan.kind", action->kind)));
  if (g_strcmp0 (action->status, "done") == 0 && action->done_on)
    {
      g_autofree char *date = pa_ui_format_date (action->done_on);
      g_autofree char *isolated = g_strconcat ("\u2068", date, "\u2069", NULL);
      /* Translators: when a plan action was done */
      g_ptr_array_add (parts, g_strdup_printf (_("done on %s"), isolated));
    }
  else if (action->due_on)
    {
      g_autofree char *date = pa_ui_format_date (action->due_on);
      g_autofree char *isolated = g_strconcat ("\u2068", date, "\u2069", NULL);
      /* Translators: a plan action's due date */
      g_ptr_array_add (parts, g_strdup_printf (_("due %s"), isolated));
    }
  if (goal)
    /* Translators: the goal a plan action serves */
    g_ptr_array_add (parts, g_strdup_printf (_("for “%s”"), goal));
  g_ptr_array_add (parts, NULL);
  text = g_strjoinv (" · ", (char **) parts->pdata);
  return g_markup_escape_text (text, -1);
}

static PaPlanAction *
action_of (GtkWidget *row)
{
  GtkWidget *expander = gtk_widget_get_ancestor (row, ADW_TYPE_EXPANDER_ROW);

  return action_copy (g_object_get_data (G_OBJECT (expander), "record"));
}

static gboolean
action_store (PaPlanPage   *self,
              GtkWidget    *row,
              PaPlanAction *edited)
{
  AdwExpanderRow *expander = ADW_EXPANDER_ROW (gtk_widget_get_ancestor (row, ADW_TYPE_EXPANDER_ROW));
  g_autoptr (GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  self->storing = TRUE;
  pa_store_plan_action_update (store_of (self), edited, &error);
  self->storing = FALSE;
  show_error (self, row, error);
  if (error != NULL)
    return FALSE;
  g_object_set_data_full (G_OBJECT (expander), "record", action_copy (edited),
                          (GDestroyNotify) pa_plan_action_free);
  title = g_markup_escape_text (edited->title, -1);
  subtitle = action_subtitle (self, edited);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), title);
  adw_expander_row_set_subtitle (expander, subtitle);
  return TRUE;
}

/* Which text field an entry row edits. */
static char **
action_field (PaPlanAction *action,
              GtkWidget    *row)
{
  const char *name = gtk_widget_get_name (row);

  if (g_strcmp0 (name, "title") == 0)
    return &action->title;
  if (g_strcmp0 (name, "due") == 0)
    return &action->due_on;
  if (g_strcmp0 (name, "done") == 0)
    return &action->done_on;
  return &action->notes;
}

static void
action_entry_apply_cb (AdwEntryRow *row,
                       PaPlanPage  *self)
{
  g_autoptr (PaPlanAction) action = action_of (GTK_WIDGET (row));
  char **field = action_field (action, GTK_WIDGET (row));
  g_autofree char *text = entry_text (GTK_EDITABLE (row));

  if (g_strcmp0 (text, *field) == 0 && !gtk_widget_has_css_class (GTK_WIDGET (row), "error"))
    return;
  g_free (*field);
  *field = g_steal_pointer (&text);
  action_store (self, GTK_WIDGET (row), action);
}

static void
action_entry_leave_cb (AdwEntryRow *row)
{
  action_entry_apply_cb (row, g_object_get_data (G_OBJECT (row), "page"));
}

static void
action_kind_cb (AdwComboRow *row,
                GParamSpec  *pspec,
                PaPlanPage  *self)
{
  g_autoptr (PaPlanAction) action = action_of (GTK_WIDGET (row));

  g_free (action->kind);
  action->kind = g_strdup (value_at ("plan.kind", adw_combo_row_get_selected (row)));
  action_store (self, GTK_WIDGET (row), action);
}

static void
action_goal_cb (AdwComboRow *row,
                GParamSpec  *pspec,
                PaPlanPage  *self)
{
  g_autoptr (PaPlanAction) action = action_of (GTK_WIDGET (row));
  guint selected = adw_combo_row_get_selected (row);

  action->goal_id = selected > 0 && self->goal_list && selected <= self->goal_list->len
                    ? ((PaGoal *) g_ptr_array_index (self->goal_list, selected - 1))->id : 0;
  action_store (self, GTK_WIDGET (row), action);
}

/* The status, changed from the row's header: done today unless told. */
static void
action_status_cb (GtkDropDown *dropdown,
                  GParamSpec  *pspec,
                  PaPlanPage  *self)
{
  g_autoptr (PaPlanAction) action = action_of (GTK_WIDGET (dropdown));
  const char *status = value_at ("plan.status", gtk_drop_down_get_selected (dropdown));

  if (g_strcmp0 (status, action->status) == 0)
    return;
  g_free (action->status);
  action->status = g_strdup (status);
  if (g_strcmp0 (status, "done") == 0 && action->done_on == NULL)
    {
      g_autoptr (GDateTime) now = g_date_time_new_now_local ();
      action->done_on = g_date_time_format (now, "%Y-%m-%d");
    }
  if (!action_store (self, GTK_WIDGET (dropdown), action))
    {
      g_autoptr (PaPlanAction) before = action_of (GTK_WIDGET (dropdown));

      /* Back to the stored status (which this handler then leaves alone). */
      gtk_drop_down_set_selected (dropdown, value_position ("plan.status", before->status));
    }
}

static void
action_remove_cb (GtkButton  *button,
                  PaPlanPage *self)
{
  PaPlanAction *action = action_of (GTK_WIDGET (button));
  g_autoptr (GError) error = NULL;

  if (!pa_store_plan_action_delete (store_of (self), action->id, &error))
    {
      show_error (self, GTK_WIDGET (button), error);
      pa_plan_action_free (action);
      return;
    }
  toast_removed (self, action->title, action, FALSE);
}

static void
add_action_entry (PaPlanPage         *self,
                  AdwExpanderRow     *row,
                  const char         *title,
                  const char         *text,
                  const char         *name)
{
  AdwEntryRow *entry = entry_row_new (title, text, name);

  g_object_set_data (G_OBJECT (entry), "page", self);
  save_on_focus_leave (GTK_WIDGET (entry), G_CALLBACK (action_entry_leave_cb));
  g_signal_connect (entry, "apply", G_CALLBACK (action_entry_apply_cb), self);
  adw_expander_row_add_row (row, GTK_WIDGET (entry));
}

static GtkWidget *
create_action_row_cb (gpointer item,
                      gpointer user_data)
{
  PaPlanPage *self = user_data;
  PaPlanAction *action = g_object_get_data (item, "record");
  AdwExpanderRow *row = ADW_EXPANDER_ROW (adw_expander_row_new ());
  g_autofree char *title = g_markup_escape_text (action->title, -1);
  g_autofree char *subtitle = action_subtitle (self, action);
  g_autoptr (GtkStringList) statuses = values_model ("plan.status");
  g_autoptr (GtkStringList) kinds = values_model ("plan.kind");
  g_autoptr (GtkStringList) goals = gtk_string_list_new (NULL);
  GtkWidget *status;
  AdwComboRow *kind_row, *goal_row;
  guint goal_position = 0;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_expander_row_set_subtitle (row, subtitle);
  g_object_set_data_full (G_OBJECT (row), "record", action_copy (action),
                          (GDestroyNotify) pa_plan_action_free);

  status = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (statuses)), NULL);
  gtk_widget_set_name (status, "status");
  gtk_widget_set_valign (status, GTK_ALIGN_CENTER);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (status), value_position ("plan.status", action->status));
  gtk_widget_set_tooltip_text (status, _("Status"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (status), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Status"), -1);
  g_signal_connect (status, "notify::selected", G_CALLBACK (action_status_cb), self);
  adw_expander_row_add_action (row, status);

  add_action_entry (self, row, _("Action"), action->title, "title");
  kind_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (kind_row), _("Kind"));
  adw_combo_row_set_model (kind_row, G_LIST_MODEL (kinds));
  adw_combo_row_set_selected (kind_row, value_position ("plan.kind", action->kind));
  g_signal_connect (kind_row, "notify::selected", G_CALLBACK (action_kind_cb), self);
  adw_expander_row_add_row (row, GTK_WIDGET (kind_row));

  gtk_string_list_append (goals, C_("goal", "None"));
  for (guint i = 0; self->goal_list && i < self->goal_list->len; i++)
    {
      PaGoal *goal = g_ptr_array_index (self->goal_list, i);
      gtk_string_list_append (goals, goal->title);
      if (goal->id == action->goal_id)
        goal_position = i + 1;
    }
  goal_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (goal_row), _("Towards the goal"));
  adw_combo_row_set_model (goal_row, G_LIST_MODEL (goals));
  adw_combo_row_set_selected (goal_row, goal_position);
  g_signal_connect (goal_row, "notify::selected", G_CALLBACK (action_goal_cb), self);
  adw_expander_row_add_row (row, GTK_WIDGET (goal_row));

  add_action_entry (self, row, _("Due on (YYYY-MM-DD)"), action->due_on, "due");
  add_action_entry (self, row, _("Done on (YYYY-MM-DD)"), action->done_on, "done");
  add_action_entry (self, row, _("Notes"), action->notes, "notes");
  adw_expander_row_add_row (row, remove_row_new (_("Remove this action"), G_CALLBACK (action_remove_cb), self));
  return GTK_WIDGET (row);
}

/* Gaps */

static void
gap_add_cb (GtkButton  *button,
            PaPlanPage *self)
{
  const char *uri = g_object_get_data (G_OBJECT (button), "skill-uri");
  const char *label = g_object_get_data (G_OBJECT (button), "skill-label");
  g_autoptr (GError) error = NULL;
  g_autofree char *done = pa_ui_plan_add_gap (store_of (self), pa_case_page_get_case_id (PA_CASE_PAGE (self)),
                                              uri, label, &error);

  if (done == NULL)
    pa_case_page_toast (PA_CASE_PAGE (self), error->message);
  else
    pa_case_page_toast (PA_CASE_PAGE (self), done);
}

static char *
gap_action_title (const char *label)
{
  /* Translators: a plan action when the catalogue has no module for a skill; %s is the skill */
  return g_strdup_printf (_("Find a training: %s"), label);
}

/* Whether the plan has an action for the gap's module, or naming the skill. */
static gboolean
gap_planned (PaPlanPage *self,
             PaGap      *gap)
{
  g_autofree char *title = gap_action_title (gap->label);

  if (self->planned == NULL)
    return FALSE;
  if (gap->modules->len > 0)
    return g_hash_table_contains (self->planned, ((PaModule *) g_ptr_array_index (gap->modules, 0))->title);
  return g_hash_table_contains (self->planned, title);
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
gaps_message (PaPlanPage *self,
              const char *text)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
  gtk_widget_add_css_class (row, "dim-label");
  gtk_list_box_append (self->gaps_list, row);
}

static void
show_gaps (PaPlanPage *self,
           PaMapper   *mapper)
{
  PaStore *store = store_of (self);
  gint64 case_id = pa_case_page_get_case_id (PA_CASE_PAGE (self));
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) claims = NULL;
  g_autoptr (GPtrArray) matches = NULL;
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  clear_list (self->gaps_list);
  if (pa_mapper_get_n_occupations (mapper) == 0)
    {
      gaps_message (self, _("Import ESCO in Preferences to see the skills occupations need."));
      return;
    }
  claims = pa_mapper_case_claims (mapper, store, case_id, &error);
  if (claims == NULL)
    {
      gaps_message (self, error->message);
      return;
    }
  if (claims->len == 0)
    {
      gaps_message (self, _("Record competences first: gaps are measured against them."));
      return;
    }
  matches = pa_mapper_match (mapper, (PaMapperClaim *) (gpointer) claims->data, claims->len,
                             N_GAP_OCCUPATIONS);
  for (guint i = 0; i < matches->len; i++)
    {
      PaMatch *match = g_ptr_array_index (matches, i);
      const char *occupation_uri = pa_mapper_get_occupation_uri (mapper, match->occupation);
      g_autofree char *occupation = pa_concept_label (store, occupation_uri, self->lang);
      g_autoptr (GPtrArray) gaps = pa_gaps_for_occupation (store, mapper, case_id, occupation_uri,
                                                           self->lang, &error);

      if (gaps == NULL)
        {
          gaps_message (self, error->message);
          return;
        }
      for (guint k = 0; k < gaps->len; k++)
        {
          PaGap *gap = g_ptr_array_index (gaps, k);
          GtkWidget *row, *button;
          g_autofree char *title = NULL;
          g_autofree char *subtitle = NULL;

          if (g_hash_table_contains (seen, gap->skill_uri))
            continue;
          g_hash_table_add (seen, g_strdup (gap->skill_uri));
          row = adw_action_row_new ();
          title = g_markup_escape_text (gap->label, -1);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
          if (gap->modules->len > 0)
            /* Translators: a missing skill's row: the occupation, then the module that develops it */
            subtitle = g_strdup_printf (_("For %s · module “%s”"), occupation ? occupation : occupation_uri,
                                        ((PaModule *) g_ptr_array_index (gap->modules, 0))->title);
          else
            /* Translators: a missing skill's row when no module of the catalogue develops it */
            subtitle = g_strdup_printf (_("For %s · no module in the catalogue"),
                                        occupation ? occupation : occupation_uri);
          {
            g_autofree char *escaped = g_markup_escape_text (subtitle, -1);
            adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped);
          }
          button = gtk_button_new_with_mnemonic (gap->modules->len > 0 ? _("Add _Module") : _("Add to _Plan"));
          gtk_widget_set_name (button, "add-gap");
          if (gap_planned (self, gap))
            {
              gtk_button_set_label (GTK_BUTTON (button), _("In the Plan"));
              gtk_widget_set_sensitive (button, FALSE);
            }
          gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
          g_object_set_data_full (G_OBJECT (button), "skill-uri", g_strdup (gap->skill_uri), g_free);
          g_object_set_data_full (G_OBJECT (button), "skill-label", g_strdup (gap->label), g_free);
          g_signal_connect (button, "clicked", G_CALLBACK (gap_add_cb), self);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
          gtk_list_box_append (self->gaps_list, row);
        }
    }
  if (gtk_widget_get_first_child (GTK_WIDGET (self->gaps_list)) == NULL)
    gaps_message (self, _("No essential skill is missing for the occupations that match best."));
}

static void
mapper_ready_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PaMapper) mapper = pa_mapper_cache_get_finish (PA_STORE (source), result, &error);
  PaPlanPage *self;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = PA_PLAN_PAGE (user_data);
  self->waiting = FALSE;
  if (store_of (self) != PA_STORE (source))
    return;
  if (mapper == NULL)
    {
      clear_list (self->gaps_list);
      gaps_message (self, error->message);
      return;
    }
  show_gaps (self, mapper);
}

static void
pa_plan_page_reload (PaCasePage *page)
{
  PaPlanPage *self = PA_PLAN_PAGE (page);
  PaStore *store = pa_case_page_get_store (page);
  gint64 case_id = pa_case_page_get_case_id (page);
  g_autoptr (GPtrArray) goals = NULL;
  g_autoptr (GPtrArray) actions = NULL;
  g_autoptr (GPtrArray) goal_items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GPtrArray) action_items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GError) error = NULL;
  PaMapper *mapper;

  if (self->storing)
    return;
  g_clear_pointer (&self->goal_list, g_ptr_array_unref);
  if (store == NULL || case_id == 0)
    {
      g_list_store_remove_all (self->goals);
      g_list_store_remove_all (self->actions);
      clear_list (self->gaps_list);
      return;
    }
  goals = pa_store_goal_list (store, case_id, &error);
  if (goals != NULL)
    actions = pa_store_plan_action_list (store, case_id, &error);
  show_error (self, GTK_WIDGET (self->goals_list), error);
  if (actions == NULL)
    return;
  self->goal_list = g_ptr_array_ref (goals);
  g_clear_pointer (&self->planned, g_hash_table_unref);
  self->planned = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < actions->len; i++)
    {
      PaPlanAction *action = g_ptr_array_index (actions, i);
      if (g_strcmp0 (action->status, "cancelled") != 0)
        g_hash_table_add (self->planned, g_strdup (action->title));
    }
  for (guint i = 0; i < goals->len; i++)
    g_ptr_array_add (goal_items, wrap (goal_copy (g_ptr_array_index (goals, i)), (GDestroyNotify) pa_goal_free));
  for (guint i = 0; i < actions->len; i++)
    g_ptr_array_add (action_items, wrap (action_copy (g_ptr_array_index (actions, i)),
                                         (GDestroyNotify) pa_plan_action_free));
  g_list_store_splice (self->goals, 0, g_list_model_get_n_items (G_LIST_MODEL (self->goals)),
                       goal_items->pdata, goal_items->len);
  g_list_store_splice (self->actions, 0, g_list_model_get_n_items (G_LIST_MODEL (self->actions)),
                       action_items->pdata, action_items->len);

  mapper = pa_mapper_cache_peek (store);
  if (mapper != NULL)
    show_gaps (self, mapper);
  else if (!self->waiting)
    {
      self->waiting = TRUE;
      clear_list (self->gaps_list);
      gaps_message (self, _("Reading the occupations…"));
      pa_mapper_cache_get_async (store, self->cancellable, mapper_ready_cb, self);
    }
}

static void
add_goal_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  PaPlanPage *self = PA_PLAN_PAGE (widget);
  g_autoptr (PaGoal) goal = pa_goal_new ();
  g_autoptr (GError) error = NULL;

  goal->case_id = pa_case_page_get_case_id (PA_CASE_PAGE (self));
  goal->title = entry_text (GTK_EDITABLE (self->goal_entry));
  if (goal->title == NULL || goal->case_id == 0)
    return;
  if (!pa_store_goal_add (store_of (self), goal, &error))
    {
      pa_case_page_toast (PA_CASE_PAGE (self), error->message);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->goal_entry), "");
  gtk_popover_popdown (self->goal_popover);
}

static void
add_plan_action_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  PaPlanPage *self = PA_PLAN_PAGE (widget);
  g_autoptr (PaPlanAction) action = pa_plan_action_new ();
  g_autoptr (GError) error = NULL;

  action->case_id = pa_case_page_get_case_id (PA_CASE_PAGE (self));
  action->title = entry_text (GTK_EDITABLE (self->action_entry));
  if (action->title == NULL || action->case_id == 0)
    return;
  /* A new action serves the only goal when there is one. */
  if (self->goal_list && self->goal_list->len == 1)
    action->goal_id = ((PaGoal *) g_ptr_array_index (self->goal_list, 0))->id;
  if (!pa_store_plan_action_add (store_of (self), action, &error))
    {
      pa_case_page_toast (PA_CASE_PAGE (self), error->message);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->action_entry), "");
  gtk_popover_popdown (self->action_popover);
}

static void
pa_plan_page_dispose (GObject *object)
{
  PaPlanPage *self = PA_PLAN_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (object), PA_TYPE_PLAN_PAGE);
  g_clear_object (&self->goals);
  g_clear_object (&self->actions);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->goal_list, g_ptr_array_unref);
  g_clear_pointer (&self->planned, g_hash_table_unref);

  G_OBJECT_CLASS (pa_plan_page_parent_class)->dispose (object);
}

static void
pa_plan_page_finalize (GObject *object)
{
  g_free (PA_PLAN_PAGE (object)->lang);

  G_OBJECT_CLASS (pa_plan_page_parent_class)->finalize (object);
}

static void
pa_plan_page_class_init (PaPlanPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  PaCasePageClass *page_class = PA_CASE_PAGE_CLASS (klass);

  object_class->dispose = pa_plan_page_dispose;
  object_class->finalize = pa_plan_page_finalize;
  page_class->reload = pa_plan_page_reload;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/passerelle/Passerelle/pa-plan-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PaPlanPage, goals_group);
  gtk_widget_class_bind_template_child (widget_class, PaPlanPage, goals_list);
  gtk_widget_class_bind_template_child (widget_class, PaPlanPage, goal_entry);
  gtk_widget_class_bind_template_child (widget_class, PaPlanPage, goal_popover);
  gtk_widget_class_bind_template_child (widget_class, PaPlanPage, actions_list);
  gtk_widget_class_bind_template_child (widget_class, PaPlanPage, action_entry);
  gtk_widget_class_bind_template_child (widget_class, PaPlanPage, action_popover);
  gtk_widget_class_bind_template_child (widget_class, PaPlanPage, gaps_group);
  gtk_widget_class_bind_template_child (widget_class, PaPlanPage, gaps_list);
  gtk_widget_class_bind_template_child (widget_class, PaPlanPage, error_box);
  gtk_widget_class_bind_template_child (widget_class, PaPlanPage, error_label);

  gtk_widget_class_install_action (widget_class, "plan.add-goal", NULL, add_goal_action);
  gtk_widget_class_install_action (widget_class, "plan.add-action", NULL, add_plan_action_action);
}

static void
entry_activate_cb (GtkEntry   *entry,
                   PaPlanPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self),
                              entry == self->goal_entry ? "plan.add-goal" : "plan.add-action", NULL);
}

static void
pa_plan_page_init (PaPlanPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->goals = g_list_store_new (G_TYPE_OBJECT);
  self->actions = g_list_store_new (G_TYPE_OBJECT);
  self->cancellable = g_cancellable_new ();
  self->lang = pa_concept_picker_default_language ();
  gtk_list_box_bind_model (self->goals_list, G_LIST_MODEL (self->goals), create_goal_row_cb, self, NULL);
  gtk_list_box_bind_model (self->actions_list, G_LIST_MODEL (self->actions), create_action_row_cb, self, NULL);
  gtk_list_box_set_placeholder (self->goals_list, pa_edit_placeholder_new (_("No goal yet.")));
  gtk_list_box_set_placeholder (self->actions_list,
                                pa_edit_placeholder_new (_("No action planned yet.")));
  g_signal_connect (self->goal_entry, "activate", G_CALLBACK (entry_activate_cb), self);
  g_signal_connect (self->action_entry, "activate", G_CALLBACK (entry_activate_cb), self);
}

GtkWidget *
pa_plan_page_new (void)
{
  return g_object_new (PA_TYPE_PLAN_PAGE, NULL);
}
