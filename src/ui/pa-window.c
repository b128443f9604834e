/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "passerelle"

#include "config.h"

#include <glib/gi18n.h>

#include "pa-backup.h"
#include "pa-case-list.h"
#include "pa-case-row.h"
#include "pa-case-view.h"
#include "pa-catalogue-view.h"
#include "pa-help.h"
#include "pa-labour-view.h"
#include "pa-print-operation.h"
#include "pa-seminars-view.h"
#include "pa-statistics-view.h"
#include "pa-view-switcher.h"
#include "pa-store-cases.h"
#include "pa-ui-utils.h"
#include "pa-window.h"

/* The main window: the case list beside the selected case, folding to one
 * pane on narrow screens; a welcome page while the store has no case; and,
 * when the store cannot be opened, a page that says why and offers its
 * backups. */
struct _PaWindow
{
  AdwApplicationWindow parent_instance;

  GSettings *settings;
  PaStore *store;
  PaCaseList *cases;
  /* The cases as the list view gets them: the first screenful only until
   * the window has been drawn once (owned by the selection). */
  GtkSliceListModel *rows;
  guint all_rows_tick;
  guint n_ticks;
  GtkSingleSelection *selection;
  gboolean demo;
  gboolean trash_mode;
  char *error_path;
  /* Set by a view that knows its help page better than the main stack. */
  char *help_page;

  /* The case shown, followed across list refreshes by its id. */
  gint64 selected_id;
  guint selected_pos;
  gboolean list_changing;

  AdwToastOverlay *toast_overlay;
  GtkStack *main_stack;
  PaViewSwitcher *welcome_title;
  AdwStatusPage *welcome_page;
  GtkWidget *create_first_button;
  GtkWidget *explore_demo_button;
  GtkWidget *welcome_trash_button;
  AdwLeaflet *leaflet;
  GtkWidget *sidebar;
  PaViewSwitcher *sidebar_title;
  GtkToggleButton *trash_toggle;
  GtkSearchEntry *search_entry;
  GtkStack *list_stack;
  GtkListView *case_view;
  AdwStatusPage *list_empty_page;
  GtkWidget *content;
  AdwWindowTitle *content_title;
  GtkWidget *trash_button;
  GtkWidget *print_button;
  GtkWidget *back_button;
  GtkStack *content_stack;
  PaCaseView *case_pane;
  /* The views other than the cases are made when first shown. */
  GtkStack *views_stack;
  AdwStatusPage *trashed_page;
  AdwStatusPage *error_page;
  GtkListBox *backups_list;
  GtkMenuButton *welcome_menu_button;
  GtkMenuButton *sidebar_menu_button;
  GtkMenuButton *error_menu_button;
  GtkWidget *restore_error_box;
  GtkWidget *restore_error_label;
};

G_DEFINE_FINAL_TYPE (PaWindow, pa_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_TRASH_MODE,
  PROP_DEMO,
  PROP_VIEW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The views of the centre, in the order of their Ctrl+number shortcuts. */
static const char *const view_names[] = {
  "cases", "seminars", "catalogue", "labour", "statistics",
};

/* Before its first allocation, a GTK 4.8 list view makes rows for 200
 * items, whatever its height; the first frame needs a screenful. */
#define FIRST_SCREEN_ROWS 40

static PaCase *
selected_case (PaWindow *self)
{
  if (self->selection == NULL)
    return NULL;
  return gtk_single_selection_get_selected_item (self->selection);
}

static void
toast (PaWindow   *self,
       const char *message)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (escaped));
}

static void
update_actions (PaWindow *self)
{
  PaCase *kase = selected_case (self);
  gboolean has_store = self->store != NULL;
  gboolean cases_shown = has_store &&
    g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "cases") == 0 &&
    g_strcmp0 (gtk_stack_get_visible_child_name (self->views_stack), "cases") == 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-case", has_store);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search", cases_shown);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-trash", has_store);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo-trash", has_store);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.trash-case",
                                 cases_shown && kase != NULL && !pa_case_is_trashed (kase));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print-case",
                                 cases_shown && kase != NULL && !pa_case_is_trashed (kase));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-case",
                                 cases_shown && kase != NULL && !pa_case_is_trashed (kase));
  /* A menu button is not tied to an action: it follows the menu's. */
  gtk_widget_set_sensitive (self->print_button,
                            cases_shown && kase != NULL && !pa_case_is_trashed (kase));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.restore-case",
                                 cases_shown && kase != NULL && pa_case_is_trashed (kase));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.purge-case",
                                 cases_shown && kase != NULL && pa_case_is_trashed (kase));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.back",
                                 cases_shown && adw_leaflet_get_folded (self->leaflet) &&
                                 adw_leaflet_get_visible_child (self->leaflet) == self->content);
}

static void
update_titles (PaWindow *self)
{
  const char *subtitle = self->demo ? _("Demo centre — fictional cases") : NULL;

  gtk_window_set_title (GTK_WINDOW (self),
                        self->demo ? _("Passerelle — Demo Centre") : _("Passerelle"));
  pa_view_switcher_set_subtitle (self->welcome_title, subtitle);
  if (self->trash_mode && self->store != NULL)
    {
      guint n = pa_store_case_count (self->store, PA_CASE_FILTER_TRASHED);
      g_autofree char *count = g_strdup_printf (ngettext ("%u case", "%u cases", n), n);

      pa_view_switcher_set_title (self->sidebar_title, _("Trash"));
      pa_view_switcher_set_subtitle (self->sidebar_title, count);
    }
  else
    {
      pa_view_switcher_set_title (self->sidebar_title, _("Cases"));
      pa_view_switcher_set_subtitle (self->sidebar_title, subtitle);
    }
  /* A folded window hides the sidebar: the case's own header says it then. */
  adw_window_title_set_title (self->content_title,
                              self->demo && adw_leaflet_get_folded (self->leaflet)
                              ? _("Demo Centre") : "");
}

/* Which page the window shows, and the sidebar's empty state. */
static void
update_view (PaWindow *self)
{
  guint n_active;
  guint n_trashed;
  const char *search;
  const char *shown;

  if (self->store == NULL)
    return;

  n_active = pa_store_case_count (self->store, PA_CASE_FILTER_ACTIVE);
  n_trashed = pa_store_case_count (self->store, PA_CASE_FILTER_TRASHED);
  gtk_widget_set_visible (self->welcome_trash_button, n_trashed > 0);
  shown = (!self->trash_mode && n_active == 0 &&
           g_strcmp0 (gtk_stack_get_visible_child_name (self->views_stack), "cases") == 0)
          ? "welcome" : "cases";
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), shown) != 0)
    {
      gtk_stack_set_visible_child_name (self->main_stack, shown);
      /* The keyboard starts where the work is. */
      gtk_widget_grab_focus (g_str_equal (shown, "welcome") ? self->create_first_button
                                                             : GTK_WIDGET (self->case_view));
    }

  search = pa_case_list_get_search (self->cases);
  if (g_list_model_get_n_items (G_LIST_MODEL (self->cases)) > 0)
    gtk_stack_set_visible_child_name (self->list_stack, "list");
  else
    {
      if (search != NULL && *search != '\0')
        {
          adw_status_page_set_icon_name (self->list_empty_page, "system-search-symbolic");
          adw_status_page_set_title (self->list_empty_page, _("No Matching Cases"));
          adw_status_page_set_description (self->list_empty_page,
                                           _("Try another name, case code or country."));
        }
      else
        {
          adw_status_page_set_icon_name (self->list_empty_page, "user-trash-symbolic");
          adw_status_page_set_title (self->list_empty_page, _("The Trash Is Empty"));
          adw_status_page_set_description (self->list_empty_page,
                                           _("Cases moved to the trash wait here until you "
                                             "restore them or erase them for good."));
        }
      gtk_stack_set_visible_child_name (self->list_stack, "empty");
    }

  g_object_set (self->search_entry, "placeholder-text",
                self->trash_mode ? _("Search the trash") : _("Search name, code or country"),
                NULL);
  gtk_widget_set_visible (self->trash_button, !self->trash_mode);
  gtk_widget_set_visible (self->print_button, !self->trash_mode);
  update_titles (self);
  update_actions (self);
}

/* The right-hand pane follows the selection. */
static void
update_content (PaWindow *self)
{
  PaCase *kase = selected_case (self);
  g_autofree char *name = NULL;

  if (kase == NULL)
    {
      pa_case_view_set_case (self->case_pane, NULL);
      gtk_stack_set_visible_child_name (self->content_stack, "none");
      update_actions (self);
      return;
    }

  name = pa_case_dup_display_name (kase);
  if (pa_case_is_trashed (kase))
    {
      g_autofree char *when = pa_ui_format_date (pa_case_get_trashed_at (kase));
      g_autofree char *description =
        /* Translators: the first %s is a case code, the second a date. */
        g_markup_printf_escaped (_("Case %s was moved to the trash on %s. Restore it to work on "
                                   "it again, or erase it for good."),
                                 pa_case_get_code (kase), when);
      g_autofree char *title = g_markup_escape_text (name, -1);

      pa_case_view_set_case (self->case_pane, NULL);
      adw_status_page_set_title (self->trashed_page, title);
      adw_status_page_set_description (self->trashed_page, description);
      gtk_stack_set_visible_child_name (self->content_stack, "trashed");
    }
  else
    {
      pa_case_view_set_case (self->case_pane, kase);
      gtk_stack_set_visible_child_name (self->content_stack, "case");
    }
  update_actions (self);
}

static void
list_all_rows (PaWindow *self)
{
  if (self->rows != NULL && gtk_slice_list_model_get_size (self->rows) != G_MAXUINT)
    gtk_slice_list_model_set_size (self->rows, G_MAXUINT);
}

/* The window has been drawn with the first screenful of cases: the list
 * view now knows how many rows it needs, and gets every case. */
static gboolean
list_all_rows_tick (GtkWidget     *list_view,
                    GdkFrameClock *clock,
                    gpointer       data)
{
  PaWindow *self = PA_WINDOW (data);

  /* Ticks come before the layout of their frame: the first one is before
   * the first frame is drawn. */
  if (++self->n_ticks < 2)
    return G_SOURCE_CONTINUE;
  self->all_rows_tick = 0;
  list_all_rows (self);
  return G_SOURCE_REMOVE;
}

static void
select_position (PaWindow *self,
                 guint     position)
{
  PaCase *kase;

  if (position != GTK_INVALID_LIST_POSITION && position >= FIRST_SCREEN_ROWS)
    list_all_rows (self);
  self->list_changing = TRUE;
  gtk_single_selection_set_selected (self->selection, position);
  self->list_changing = FALSE;

  kase = selected_case (self);
  self->selected_id = kase ? pa_case_get_id (kase) : 0;
  self->selected_pos = kase ? gtk_single_selection_get_selected (self->selection) : 0;
  update_content (self);
}

static void
select_case (PaWindow *self,
             gint64    case_id)
{
  guint position = pa_case_list_find (self->cases, case_id);

  if (position != G_MAXUINT)
    select_position (self, position);
}

static void
cases_changing_cb (PaWindow *self)
{
  /* The selection model reacts to the change before we do; what it selects
   * meanwhile is not the user's choice. */
  self->list_changing = TRUE;
}

static void
cases_changed_cb (PaWindow *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->cases));
  guint position = G_MAXUINT;

  if (self->selected_id != 0)
    position = pa_case_list_find (self->cases, self->selected_id);

  /* The case shown stays shown; when it left the list, its neighbour takes its place. */
  if (position == G_MAXUINT && n > 0)
    position = MIN (self->selected_pos, n - 1);
  if (position == G_MAXUINT)
    position = GTK_INVALID_LIST_POSITION;
  select_position (self, position);
  update_view (self);
}

static void
selection_changed_cb (PaWindow *self)
{
  PaCase *kase;
  PaCase *shown;

  if (self->list_changing)
    return;
  kase = selected_case (self);
  /* Remember the new choice first: saving the previous case's names
   * refreshes the list, which then keeps this choice. */
  self->selected_id = kase ? pa_case_get_id (kase) : 0;
  self->selected_pos = kase ? gtk_single_selection_get_selected (self->selection) : 0;
  shown = pa_case_view_get_case (self->case_pane);
  if (shown != NULL && pa_case_get_id (shown) != self->selected_id)
    pa_case_view_save (self->case_pane);
  update_content (self);
}

static void
show_content (PaWindow *self)
{
  if (selected_case (self) == NULL)
    return;
  adw_leaflet_set_visible_child (self->leaflet, self->content);
  update_actions (self);
}

static void
case_activated_cb (PaWindow *self,
                   guint     position)
{
  if (gtk_single_selection_get_selected (self->selection) != position)
    gtk_single_selection_set_selected (self->selection, position);
  show_content (self);
}

static gboolean
show_content_idle (gpointer data)
{
  PaWindow *self = data;

  if (self->leaflet != NULL && adw_leaflet_get_folded (self->leaflet))
    show_content (self);
  return G_SOURCE_REMOVE;
}

static void
case_view_released_cb (GtkGestureClick *gesture,
                       int              n_press,
                       double           x,
                       double           y,
                       PaWindow        *self)
{
  /* On a folded window one click opens the case; the list has selected it
   * by the time the idle runs. */
  if (adw_leaflet_get_folded (self->leaflet))
    g_idle_add_full (G_PRIORITY_DEFAULT, show_content_idle, g_object_ref (self), g_object_unref);
}

static void
leaflet_changed_cb (PaWindow *self)
{
  update_titles (self);
  update_actions (self);
}

static void
search_changed_cb (PaWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  if (self->cases == NULL)
    return;
  pa_case_list_set_search (self->cases, *text ? text : NULL);
  update_view (self);
}

static void
stop_search_cb (PaWindow *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->case_view));
}

static void
search_activate_cb (PaWindow *self)
{
  /* Enter in the search field opens the first match. */
  if (self->cases == NULL || g_list_model_get_n_items (G_LIST_MODEL (self->cases)) == 0)
    return;
  if (selected_case (self) == NULL)
    select_position (self, 0);
  show_content (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->case_view));
}

static void
view_set_store (GtkWidget *view,
                PaStore   *store)
{
  if (PA_IS_SEMINARS_VIEW (view))
    pa_seminars_view_set_store (PA_SEMINARS_VIEW (view), store);
  else if (PA_IS_CATALOGUE_VIEW (view))
    pa_catalogue_view_set_store (PA_CATALOGUE_VIEW (view), store);
  else if (PA_IS_LABOUR_VIEW (view))
    pa_labour_view_set_store (PA_LABOUR_VIEW (view), store);
  else if (PA_IS_STATISTICS_VIEW (view))
    pa_statistics_view_set_store (PA_STATISTICS_VIEW (view), store);
}

/* The views made so far follow the store; the others will read it when made. */
static void
set_views_store (PaWindow *self,
                 PaStore  *store)
{
  for (guint i = 1; i < G_N_ELEMENTS (view_names); i++)
    {
      GtkWidget *view = gtk_stack_get_child_by_name (self->views_stack, view_names[i]);

      if (view != NULL)
        view_set_store (view, store);
    }
}

/* Makes the view called @name on its first visit: the window opens as
 * fast as the case list alone allows. */
static GtkWidget *
ensure_view (PaWindow   *self,
             const char *name)
{
  GtkWidget *view = gtk_stack_get_child_by_name (self->views_stack, name);
  GType type;

  if (view != NULL)
    return view;
  if (g_strcmp0 (name, "seminars") == 0)
    type = PA_TYPE_SEMINARS_VIEW;
  else if (g_strcmp0 (name, "catalogue") == 0)
    type = PA_TYPE_CATALOGUE_VIEW;
  else if (g_strcmp0 (name, "labour") == 0)
    type = PA_TYPE_LABOUR_VIEW;
  else if (g_strcmp0 (name, "statistics") == 0)
    type = PA_TYPE_STATISTICS_VIEW;
  else
    return NULL;
  view = g_object_new (type, NULL);
  gtk_stack_add_named (self->views_stack, view, name);
  if (self->store != NULL)
    view_set_store (view, self->store);
  return view;
}

static void
clear_store (PaWindow *self)
{
  if (self->cases != NULL)
    g_signal_handlers_disconnect_by_data (self->cases, self);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  gtk_list_view_set_model (self->case_view, NULL);
  pa_case_view_set_case (self->case_pane, NULL);
  pa_case_view_set_store (self->case_pane, NULL);
  set_views_store (self, NULL);
  g_clear_object (&self->selection);
  self->rows = NULL;
  g_clear_object (&self->cases);
  g_clear_object (&self->store);
  self->selected_id = 0;
  self->selected_pos = 0;
}

static void
apply_backup_dir (PaWindow *self)
{
  g_autofree char *dir = g_settings_get_string (self->settings, "backup-dir");

  /* The folder chosen in the preferences is the real centre's; the demo
   * centre keeps its backups beside itself. */
  if (self->store != NULL && !self->demo)
    pa_store_set_backup_dir (self->store, dir);
}

static void
remove_all_rows (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
fill_backups (PaWindow *self)
{
  g_autofree char *dir = g_settings_get_string (self->settings, "backup-dir");
  g_autoptr (GPtrArray) backups = NULL;

  remove_all_rows (self->backups_list);
  if (self->error_path == NULL)
    return;
  backups = pa_backup_list_for (self->error_path, *dir ? dir : NULL);
  for (guint i = 0; i < backups->len && i < 5; i++)
    {
      const char *path = g_ptr_array_index (backups, i);
      g_autofree char *title = pa_ui_backup_title (path);
      g_autofree char *subtitle = pa_ui_backup_subtitle (path);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Restore This Backup"));

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.restore-backup");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_string (path));
      gtk_accessible_update_relation (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, row, NULL, -1);
      if (i == 0)
        gtk_widget_add_css_class (button, "suggested-action");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      gtk_list_box_append (self->backups_list, row);
    }
  if (backups->len == 0)
    {
      g_autofree char *where = NULL;
      GtkWidget *row = adw_action_row_new ();

      if (dir == NULL || *dir == '\0')
        {
          g_autofree char *parent = g_path_get_dirname (self->error_path);
          where = g_build_filename (parent, "backups", NULL);
        }
      else
        where = g_strdup (dir);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No backups were found"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), where);
      gtk_list_box_append (self->backups_list, row);
    }
}

static void
backup_dir_changed_cb (PaWindow *self)
{
  apply_backup_dir (self);
  if (self->store == NULL)
    fill_backups (self);
}

/* Actions */

static void
new_case_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  PaWindow *self = PA_WINDOW (widget);
  g_autoptr (PaCase) kase = pa_case_new ();
  g_autoptr (GError) error = NULL;

  if (self->store == NULL)
    return;
  pa_case_view_save (self->case_pane);
  if (self->trash_mode)
    g_object_set (self, "trash-mode", FALSE, NULL);
  /* A new case has no name yet: no search would find it. */
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  pa_case_list_set_search (self->cases, NULL);

  if (!pa_store_case_create (self->store, kase, &error))
    {
      toast (self, error->message);
      return;
    }
  select_case (self, pa_case_get_id (kase));
  update_view (self);
  show_content (self);
  pa_case_view_focus_name (self->case_pane);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PaWindow *self = PA_WINDOW (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
trash_case_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  PaWindow *self = PA_WINDOW (widget);
  PaCase *kase = selected_case (self);
  g_autoptr (GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  AdwToast *undo;
  gint64 id;

  if (kase == NULL || pa_case_is_trashed (kase))
    return;
  pa_case_view_save (self->case_pane);
  kase = selected_case (self);
  id = pa_case_get_id (kase);
  name = pa_case_dup_display_name (kase);
  if (!pa_store_case_trash (self->store, id, &error))
    {
      toast (self, error->message);
      return;
    }

  title = g_markup_printf_escaped (_("“%s” moved to the trash"), name);
  undo = adw_toast_new (title);
  adw_toast_set_button_label (undo, _("_Undo"));
  adw_toast_set_action_name (undo, "win.undo-trash");
  /* The store is named too: the toast may outlive a switch to another store. */
  adw_toast_set_action_target_value (undo,
                                     g_variant_new ("(sx)", pa_store_get_path (self->store), id));
  adw_toast_set_priority (undo, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, undo);

  adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
  if (gtk_stack_get_visible_child (self->main_stack) == GTK_WIDGET (self->leaflet))
    gtk_widget_grab_focus (GTK_WIDGET (self->case_view));
}

static void
undo_trash_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  PaWindow *self = PA_WINDOW (widget);
  const char *path;
  gint64 id;
  g_autoptr (GError) error = NULL;

  g_variant_get (parameter, "(&sx)", &path, &id);
  if (self->store == NULL || g_strcmp0 (path, pa_store_get_path (self->store)) != 0)
    return;
  if (!pa_store_case_restore (self->store, id, &error))
    {
      toast (self, error->message);
      return;
    }
  if (!self->trash_mode)
    {
      self->selected_id = id;
      select_case (self, id);
    }
  update_view (self);
}

static void
restore_case_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  PaWindow *self = PA_WINDOW (widget);
  PaCase *kase = selected_case (self);
  g_autoptr (GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  if (kase == NULL || !pa_case_is_trashed (kase))
    return;
  name = pa_case_dup_display_name (kase);
  if (!pa_store_case_restore (self->store, pa_case_get_id (kase), &error))
    {
      toast (self, error->message);
      return;
    }
  message = g_strdup_printf (_("“%s” is back in the case list"), name);
  toast (self, message);
}

static void
purge_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   PaWindow         *self)
{
  gint64 *id = g_object_get_data (G_OBJECT (dialog), "case-id");
  const char *name = g_object_get_data (G_OBJECT (dialog), "case-name");
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;

  if (g_strcmp0 (response, "erase") != 0 || self->store == NULL)
    return;
  if (!pa_store_case_purge (self->store, *id, &error))
    {
      toast (self, error->message);
      return;
    }
  message = g_strdup_printf (_("“%s” was erased"), name);
  toast (self, message);
  update_view (self);
}

static void
purge_case_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  PaWindow *self = PA_WINDOW (widget);
  PaCase *kase = selected_case (self);
  g_autofree char *name = NULL;
  g_autofree char *heading = NULL;
  gint64 id;
  GtkWidget *dialog;

  if (kase == NULL || !pa_case_is_trashed (kase))
    return;
  id = pa_case_get_id (kase);
  name = pa_case_dup_display_name (kase);
  heading = g_strdup_printf (_("Erase “%s” for Good?"), name);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading,
                                   _("Everything recorded in this case is removed from this "
                                     "computer. This cannot be undone. Backups made before "
                                     "now still hold the case."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "erase", _("_Erase"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "erase",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "case-id", g_memdup2 (&id, sizeof id), g_free);
  g_object_set_data_full (G_OBJECT (dialog), "case-name", g_steal_pointer (&name), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (purge_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PaWindow *self = PA_WINDOW (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
  gtk_widget_grab_focus (GTK_WIDGET (self->case_view));
}

static void
restore_backup_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  PaWindow *self = PA_WINDOW (widget);
  const char *backup = g_variant_get_string (parameter, NULL);
  g_autofree char *path = g_strdup (self->error_path);
  g_autofree char *damaged = NULL;
  g_autoptr (GError) error = NULL;

  if (path == NULL)
    return;
  if (!pa_backup_restore_file (path, backup, &damaged, &error))
    {
      pa_ui_set_row_error (GTK_WIDGET (self->backups_list), self->restore_error_box,
                           self->restore_error_label, error->message);
      return;
    }
  pa_ui_set_row_error (GTK_WIDGET (self->backups_list), self->restore_error_box,
                       self->restore_error_label, NULL);
  if (pa_window_open_store (self, path))
    {
      g_autofree char *message = NULL;

      if (damaged != NULL)
        {
          g_autofree char *base = g_path_get_basename (damaged);
          message = g_strdup_printf (_("The backup was restored. The damaged file is kept "
                                       "as “%s”."), base);
        }
      else
        message = g_strdup (_("The backup was restored."));
      toast (self, message);
    }
}

static gboolean
pa_window_close_request (GtkWindow *window)
{
  PaWindow *self = PA_WINDOW (window);
  int width;
  int height;

  if (self->case_pane != NULL)
    pa_case_view_save (self->case_pane);
  gtk_window_get_default_size (window, &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));

  return GTK_WINDOW_CLASS (pa_window_parent_class)->close_request (window);
}

/* The portfolio or the certificate of the case shown, in the centre's
 * report languages (Preferences, Language). */
static PaPrintOperation *
case_operation (PaWindow   *self,
                const char *what)
{
  PaCase *kase = selected_case (self);
  g_autofree char *language = NULL;
  g_autofree char *second = NULL;

  if (self->store == NULL || kase == NULL)
    return NULL;
  pa_case_view_save (self->case_pane);
  language = pa_ui_centre_report_language (self->store);
  second = pa_ui_centre_second_language (self->store);
  if (g_strcmp0 (what, "certificate") == 0)
    return pa_print_operation_new_case_certificate (self->store, pa_case_get_id (kase), language,
                                                    second);
  return pa_print_operation_new_portfolio (self->store, pa_case_get_id (kase), language, second);
}

static void
print_case_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  PaWindow *self = PA_WINDOW (widget);
  g_autoptr (PaPrintOperation) operation = case_operation (self,
                                                           g_variant_get_string (parameter, NULL));
  g_autoptr (GError) error = NULL;

  if (operation != NULL &&
      pa_print_operation_run_dialog (operation, GTK_WINDOW (self), &error) ==
      GTK_PRINT_OPERATION_RESULT_ERROR)
    toast (self, error->message);
}

static void
export_case_done_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr (PaWindow) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *path = pa_print_operation_export_pdf_finish (PA_PRINT_OPERATION (source),
                                                                result, &error);

  if (path == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        toast (self, error->message);
      return;
    }
  {
    g_autofree char *base = g_path_get_basename (path);
    /* Translators: %s is the name of the PDF file written. */
    g_autofree char *message = g_strdup_printf (_("Written to %s"), base);

    toast (self, message);
  }
}

/* Exports to @path, or (NULL) asks where. */
static void
export_case (PaWindow   *self,
             const char *what,
             const char *path)
{
  g_autoptr (PaPrintOperation) operation = case_operation (self, what);

  if (operation == NULL)
    return;
  /* The export holds the operation until it is done. */
  if (path == NULL)
    pa_print_operation_export_pdf_with_chooser (operation, GTK_WINDOW (self), NULL,
                                                export_case_done_cb, g_object_ref (self));
  else
    pa_print_operation_export_pdf_async (operation, path, NULL, export_case_done_cb,
                                         g_object_ref (self));
}

static void
export_case_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  export_case (PA_WINDOW (widget), g_variant_get_string (parameter, NULL), NULL);
}

/* The shortcuts window is read from its file when asked for (Ctrl+?), not
 * for every window at start as GtkApplication does with gtk/help-overlay.ui. */
static void
show_shortcuts_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  g_autoptr (GtkBuilder) builder =
    gtk_builder_new_from_resource ("/org/passerelle/Passerelle/pa-shortcuts-window.ui");
  GtkWindow *shortcuts = GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay"));

  gtk_window_set_transient_for (shortcuts, GTK_WINDOW (widget));
  gtk_window_present (shortcuts);
}

static void
pa_window_dispose (GObject *object)
{
  PaWindow *self = (PaWindow *) object;

  if (self->all_rows_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->case_view), self->all_rows_tick);
  self->all_rows_tick = 0;
  if (self->case_pane != NULL)
    clear_store (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), PA_TYPE_WINDOW);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->error_path, g_free);
  g_clear_pointer (&self->help_page, g_free);

  G_OBJECT_CLASS (pa_window_parent_class)->dispose (object);
}

static void
set_trash_mode (PaWindow *self,
                gboolean  trash_mode)
{
  trash_mode = !!trash_mode;
  if (self->trash_mode == trash_mode)
    return;
  if (self->case_pane != NULL)
    pa_case_view_save (self->case_pane);
  self->trash_mode = trash_mode;
  self->selected_id = 0;
  self->selected_pos = 0;
  if (self->cases != NULL)
    pa_case_list_set_filter (self->cases,
                             trash_mode ? PA_CASE_FILTER_TRASHED : PA_CASE_FILTER_ACTIVE);
  if (self->store != NULL)
    {
      update_view (self);
      adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TRASH_MODE]);
}

static void
pa_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  PaWindow *self = PA_WINDOW (object);

  switch (prop_id)
    {
    case PROP_TRASH_MODE:
      g_value_set_boolean (value, self->trash_mode);
      break;
    case PROP_DEMO:
      g_value_set_boolean (value, self->demo);
      break;
    case PROP_VIEW:
      /* The action muxer asks before the template is built. */
      g_value_set_string (value, self->views_stack != NULL
                                 ? gtk_stack_get_visible_child_name (self->views_stack)
                                 : "cases");
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pa_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  PaWindow *self = PA_WINDOW (object);

  switch (prop_id)
    {
    case PROP_TRASH_MODE:
      set_trash_mode (self, g_value_get_boolean (value));
      break;
    case PROP_VIEW:
      pa_window_show_view (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pa_window_class_init (PaWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = pa_window_dispose;
  object_class->get_property = pa_window_get_property;
  object_class->set_property = pa_window_set_property;
  window_class->close_request = pa_window_close_request;

  properties[PROP_TRASH_MODE] =
    g_param_spec_boolean ("trash-mode", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DEMO] =
    g_param_spec_boolean ("demo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_VIEW] =
    g_param_spec_string ("view", NULL, NULL, "cases",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (PA_TYPE_CASE_ROW);
  g_type_ensure (PA_TYPE_CASE_VIEW);
  g_type_ensure (PA_TYPE_VIEW_SWITCHER);
  g_type_ensure (PA_TYPE_SEMINARS_VIEW);
  g_type_ensure (PA_TYPE_CATALOGUE_VIEW);
  g_type_ensure (PA_TYPE_LABOUR_VIEW);
  g_type_ensure (PA_TYPE_STATISTICS_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/passerelle/Passerelle/pa-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PaWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PaWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, PaWindow, welcome_title);
  gtk_widget_class_bind_template_child (widget_class, PaWindow, welcome_page);
  gtk_widget_class_bind_template_child (widget_class, PaWindow, create_first_button);
  gtk_widget_class_bind_template_child (widget_class, PaWindow, explore_demo_button);
  gtk_widget_class_bind_template_child (widget_class, PaWindow, welcome_trash_button);
  gtk_widget_class_bind_template_child (widget_class, PaWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, PaWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, PaWindow, sidebar_title);
  gtk_widget_class_bind_template_child (widget_class, PaWindow, trash_toggle);
  gtk_widget_class_bind_template_child (widget_class, PaWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, PaWindow, list_stack);
  gtk_widget_class_bind_template_child (widget_class, PaWindow, case_view);
  gtk_widget_class_bind_template_child (widget_class, PaWindow, list_empty_page);
  gtk_widget_class_bind_template_child (widget_class, PaWindow, content);
  gtk_widget_class_bind_template_child (widget_class, PaWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, PaWindow, trash_button);
  gtk_widget_class_bind_template_child (widget_class, PaWindow, print_button);
  gtk_widget_class_bind_template_child (widget_class, PaWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, PaWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, PaWindow, case_pane);
  gtk_widget_class_bind_template_child (widget_class, PaWindow, views_stack);
  gtk_widget_class_bind_template_child (widget_class, PaWindow, welcome_menu_button);
  gtk_widget_class_bind_template_child (widget_class, PaWindow, sidebar_menu_button);
  gtk_widget_class_bind_template_child (widget_class, PaWindow, error_menu_button);
  gtk_widget_class_bind_template_child (widget_class, PaWindow, trashed_page);
  gtk_widget_class_bind_template_child (widget_class, PaWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, PaWindow, backups_list);
  gtk_widget_class_bind_template_child (widget_class, PaWindow, restore_error_box);
  gtk_widget_class_bind_template_child (widget_class, PaWindow, restore_error_label);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);

  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL,
                                   show_shortcuts_action);
  gtk_widget_class_install_action (widget_class, "win.new-case", NULL, new_case_action);
  gtk_widget_class_install_action (widget_class, "win.print-case", "s", print_case_action);
  gtk_widget_class_install_action (widget_class, "win.export-case", "s", export_case_action);
  /* Window-wide, so a view's own Ctrl+P (seminars, statistics) comes first. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK,
                                       "win.print-case", "s", "portfolio");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_E, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.export-case", "s", "portfolio");
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.trash-case", NULL, trash_case_action);
  gtk_widget_class_install_action (widget_class, "win.undo-trash", "(sx)", undo_trash_action);
  gtk_widget_class_install_action (widget_class, "win.restore-case", NULL, restore_case_action);
  gtk_widget_class_install_action (widget_class, "win.purge-case", NULL, purge_case_action);
  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "win.restore-backup", "s", restore_backup_action);
  gtk_widget_class_install_property_action (widget_class, "win.show-trash", "trash-mode");
  gtk_widget_class_install_property_action (widget_class, "win.view", "view");

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "win.new-case", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (view_names); i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_CONTROL_MASK,
                                         "win.view", "s", view_names[i]);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "win.trash-case", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "win.trash-case", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "win.purge-case", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "win.purge-case", NULL);
}

static void
pa_window_init (PaWindow *self)
{
  GtkGesture *click;

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_menu_button_set_menu_model (self->welcome_menu_button, pa_ui_get_primary_menu ());
  gtk_menu_button_set_menu_model (self->sidebar_menu_button, pa_ui_get_primary_menu ());
  gtk_menu_button_set_menu_model (self->error_menu_button, pa_ui_get_primary_menu ());

  self->settings = g_settings_new (APP_ID);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  g_signal_connect_object (self->settings, "changed::backup-dir",
                           G_CALLBACK (backup_dir_changed_cb), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (self->case_view, "activate", G_CALLBACK (case_activated_cb), self,
                           G_CONNECT_SWAPPED);
  click = gtk_gesture_click_new ();
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect_object (click, "released", G_CALLBACK (case_view_released_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->case_view), GTK_EVENT_CONTROLLER (click));

  g_signal_connect_object (self->leaflet, "notify::folded", G_CALLBACK (leaflet_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->leaflet, "notify::visible-child", G_CALLBACK (leaflet_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "activate", G_CALLBACK (search_activate_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->case_view));

  update_actions (self);
}

PaWindow *
pa_window_new (PaApplication *app)
{
  return g_object_new (PA_TYPE_WINDOW, "application", app, NULL);
}

PaStore *
pa_window_get_store (PaWindow *self)
{
  g_return_val_if_fail (PA_IS_WINDOW (self), NULL);
  return self->store;
}

gboolean
pa_window_get_demo (PaWindow *self)
{
  g_return_val_if_fail (PA_IS_WINDOW (self), FALSE);
  return self->demo;
}

/**
 * pa_window_set_store:
 * @store: an open store
 * @demo: whether it is the demo centre, which the titles then say
 *
 * Shows @store's cases, or the welcome page when it has none.
 */
void
pa_window_set_store (PaWindow *self,
                     PaStore  *store,
                     gboolean  demo)
{
  g_return_if_fail (PA_IS_WINDOW (self));
  g_return_if_fail (PA_IS_STORE (store));

  if (self->store != NULL)
    pa_case_view_save (self->case_pane);
  g_object_ref (store);
  clear_store (self);
  self->store = store;
  g_clear_pointer (&self->error_path, g_free);
  self->demo = !!demo;
  self->trash_mode = FALSE;
  apply_backup_dir (self);

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  pa_case_view_set_store (self->case_pane, store);
  set_views_store (self, store);
  self->cases = pa_case_list_new (store, PA_CASE_FILTER_ACTIVE);
  g_signal_connect_object (self->cases, "items-changed", G_CALLBACK (cases_changing_cb), self,
                           G_CONNECT_SWAPPED);
  self->rows = gtk_slice_list_model_new (g_object_ref (G_LIST_MODEL (self->cases)), 0,
                                         gtk_widget_get_mapped (GTK_WIDGET (self->case_view))
                                         ? G_MAXUINT : FIRST_SCREEN_ROWS);
  if (gtk_slice_list_model_get_size (self->rows) != G_MAXUINT && self->all_rows_tick == 0)
    {
      self->n_ticks = 0;
      self->all_rows_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self->case_view),
                                                          list_all_rows_tick, self, NULL);
    }
  self->selection = gtk_single_selection_new (G_LIST_MODEL (self->rows));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->cases, "items-changed", G_CALLBACK (cases_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_list_view_set_model (self->case_view, GTK_SELECTION_MODEL (self->selection));

  /* No case is opened by itself: on a shared computer or a projector, no
   * participant's details show before the trainer chooses whose. */
  select_position (self, GTK_INVALID_LIST_POSITION);
  adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
  update_view (self);
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "welcome") == 0)
    gtk_widget_grab_focus (self->create_first_button);
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->case_view));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TRASH_MODE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEMO]);
}

/**
 * pa_window_open_store:
 * @path: a centre's store file
 *
 * Opens the store at @path and shows it, or shows why it cannot be opened.
 * Returns: whether it was opened
 */
gboolean
pa_window_open_store (PaWindow   *self,
                      const char *path)
{
  g_autoptr (PaStore) store = NULL;
  g_autoptr (GError) error = NULL;

  g_return_val_if_fail (PA_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* The daily check of the file is left to the daily backup, which opens
   * the store in a worker thread (pa-application.c). */
  store = pa_store_open_full (path, PA_STORE_OPEN_DEFER_CHECK, &error);
  if (store == NULL)
    {
      pa_window_show_store_error (self, path, error);
      return FALSE;
    }
  pa_window_set_store (self, store, FALSE);
  return TRUE;
}

/**
 * pa_window_show_store_error:
 * @path: the store that cannot be opened
 * @error: why
 *
 * Shows the problem and the store's newest backups, each of which can be
 * put in place of the file.
 */
void
pa_window_show_store_error (PaWindow     *self,
                            const char   *path,
                            const GError *error)
{
  g_autofree char *description = NULL;

  g_return_if_fail (PA_IS_WINDOW (self));
  g_return_if_fail (path != NULL);

  if (self->store != NULL)
    pa_case_view_save (self->case_pane);
  clear_store (self);
  self->demo = FALSE;
  g_free (self->error_path);
  self->error_path = g_strdup (path);

  description = g_markup_escape_text (error ? error->message : path, -1);
  adw_status_page_set_description (self->error_page, description);
  pa_ui_set_row_error (GTK_WIDGET (self->backups_list), self->restore_error_box,
                       self->restore_error_label, NULL);
  fill_backups (self);
  gtk_stack_set_visible_child_name (self->main_stack, "error");
  update_titles (self);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEMO]);
}

void
pa_window_add_toast (PaWindow *self,
                     AdwToast *toast)
{
  g_return_if_fail (PA_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* Shows one of the centre's views: "cases", "seminars", "catalogue",
 * "labour" or "statistics". */
void
pa_window_show_view (PaWindow   *self,
                     const char *view)
{
  g_return_if_fail (PA_IS_WINDOW (self));
  g_return_if_fail (view != NULL);

  if (ensure_view (self, view) == NULL ||
      g_strcmp0 (gtk_stack_get_visible_child_name (self->views_stack), view) == 0)
    return;
  pa_case_view_save (self->case_pane);
  gtk_stack_set_visible_child_name (self->views_stack, view);
  update_view (self);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VIEW]);
}

/**
 * pa_window_export_case:
 * @what: "portfolio" or "certificate"
 * @path: the PDF file to write
 *
 * Exports the document of the case shown as win.export-case does, without
 * asking where; says how it went in a toast.
 */
void
pa_window_export_case (PaWindow   *self,
                       const char *what,
                       const char *path)
{
  g_return_if_fail (PA_IS_WINDOW (self));
  g_return_if_fail (path != NULL);

  export_case (self, what, path);
}

/**
 * pa_window_get_view:
 * @view: "cases", "seminars", "catalogue", "labour" or "statistics"
 *
 * Returns: (transfer none) (nullable): the widget of that view, made now if
 * it was never shown, or %NULL for an unknown name
 */
GtkWidget *
pa_window_get_view (PaWindow   *self,
                    const char *view)
{
  g_return_val_if_fail (PA_IS_WINDOW (self), NULL);
  g_return_val_if_fail (view != NULL, NULL);

  return ensure_view (self, view);
}

/**
 * pa_window_set_help_page:
 * @page: (nullable): the help page for what the window shows, or %NULL to
 *   let the window choose from its view
 *
 * For views and sections the window cannot tell apart by itself.
 */
void
pa_window_set_help_page (PaWindow   *self,
                         const char *page)
{
  g_return_if_fail (PA_IS_WINDOW (self));

  g_free (self->help_page);
  self->help_page = g_strdup (page);
}

/**
 * pa_window_get_help_page:
 *
 * Returns: (nullable): the help page for what the window shows (F1), or
 * %NULL for the help's front page
 */
const char *
pa_window_get_help_page (PaWindow *self)
{
  const char *shown;
  const char *view;
  const char *section = NULL;

  g_return_val_if_fail (PA_IS_WINDOW (self), NULL);

  if (self->help_page != NULL)
    return self->help_page;
  shown = gtk_stack_get_visible_child_name (self->main_stack);
  /* The welcome page and the damaged-store page have pages of their own. */
  if (g_strcmp0 (shown, "cases") != 0)
    return pa_help_page_for_view (shown, NULL);
  view = gtk_stack_get_visible_child_name (self->views_stack);
  if (g_strcmp0 (view, "cases") == 0)
    {
      if (self->trash_mode)
        section = "trash";
      else if (pa_case_view_get_case (self->case_pane) != NULL)
        section = pa_case_view_get_section (self->case_pane);
    }
  return pa_help_page_for_view (view, section);
}
