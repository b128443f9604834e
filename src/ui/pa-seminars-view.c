/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "passerelle"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "pa-case.h"
#include "pa-chart-area.h"
#include "pa-cohort.h"
#include "pa-frameworks.h"
#include "pa-iso-codes.h"
#include "pa-labour.h"
#include "pa-mapper-store.h"
#include "pa-report-data.h"
#include "pa-report-i18n.h"
#include "pa-print-operation.h"
#include "pa-seminars-view.h"
#include "pa-store-cases.h"
#include "pa-store-records.h"
#include "pa-ui-utils.h"
#include "pa-view-switcher.h"

/* The Seminars view: the centre's seminars beside the one chosen, with its
 * participants (added by typing part of a name), its sessions and the
 * catalogue modules each covered, the attendance grid, and its documents. */
struct _PaSeminarsView
{
  GtkWidget parent_instance;

  PaStore *store;
  gulong changed_id;
  guint reload_source;
  /* The store changed while the view was hidden: read it when shown. */
  gboolean stale;

  PaSeminar *seminar;              /* the one shown, or NULL */
  GPtrArray *sessions;             /* PaSeminarSession */
  GPtrArray *participants;         /* PaCase, by name */
  GPtrArray *modules;              /* PaModule: the catalogue */
  GPtrArray *cells;                /* GtkCheckButton, participant × session */
  GPtrArray *participant_rows;
  GPtrArray *session_rows;
  GPtrArray *matches;              /* PaCase offered by the type-ahead */
  GtkStringList *themes;
  GPtrArray *theme_codes;          /* char*, parallel to themes; "" = none */
  gint64 expanded_session;
  gboolean loading;
  gboolean saving;

  PaPrintOperation *operation;     /* an export being written */
  GCancellable *cancellable;
  GBinding *progress_binding;
  char *job_title;

  GtkMenuButton *menu_button;
  GtkMenuButton *print_button;
  AdwLeaflet *leaflet;
  GtkWidget *content;
  GtkStack *list_stack;
  GtkListBox *seminar_list;
  AdwWindowTitle *content_title;
  GtkStack *detail_stack;
  GtkWidget *detail_scroll;
  GtkRevealer *progress_revealer;
  GtkProgressBar *progress_bar;
  AdwEntryRow *title_row;
  AdwComboRow *theme_row;
  AdwEntryRow *location_row;
  AdwEntryRow *start_row;
  AdwEntryRow *end_row;
  GtkLabel *seminar_error;
  AdwPreferencesGroup *participants_group;
  AdwEntryRow *add_participant_row;
  AdwPreferencesGroup *sessions_group;
  GtkLabel *sessions_error;
  GtkGrid *attendance_grid;
  GtkPopover *match_popover;
  GtkListBox *match_list;
};

G_DEFINE_FINAL_TYPE (PaSeminarsView, pa_seminars_view, GTK_TYPE_WIDGET)

static const char *const theme_codes[] = {
  "digital", "employability", "employability_cv", "employability_pitch",
  "employability_interview", "soft_skills", "language", "sector",
};

static void reload (PaSeminarsView *self);
static void show_seminar (PaSeminarsView *self, gint64 id);

/* helpers */

static void
toast (PaSeminarsView *self,
       AdwToast       *t)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), t);
  else
    g_object_unref (t);
}

/* A toast showing @text as it is (toasts read markup). */
static AdwToast *
plain_toast (const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  return adw_toast_new (escaped);
}

static void
toast_error (PaSeminarsView *self,
             const GError   *error)
{
  g_autofree char *escaped = g_markup_escape_text (error->message, -1);
  AdwToast *t = adw_toast_new (escaped);

  /* A problem is shown at once, not after the toasts before it. */
  adw_toast_set_priority (t, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_timeout (t, 0);
  toast (self, t);
}

/* "6 October 2025" (or "6 October" when @brief) from YYYY-MM-DD, in the
 * interface language. */
static char *
format_day (const char *iso,
            gboolean    brief)
{
  GDate day;

  if (iso == NULL || *iso == '\0')
    return NULL;
  if (!pa_parse_report_date (iso, &day))
    return g_strdup (iso);
  return pa_format_date (&day, !brief);
}

static char *
seminar_dates (const PaSeminar *seminar)
{
  g_autofree char *start = format_day (seminar->start_date, FALSE);
  g_autofree char *end = format_day (seminar->end_date, FALSE);

  if (start != NULL && end != NULL && g_strcmp0 (start, end) != 0)
    /* Translators: a seminar's dates, "6 October 2025 – 24 November 2025". */
    return g_strdup_printf (_("%s – %s"), start, end);
  if (start != NULL)
    return g_steal_pointer (&start);
  if (end != NULL)
    return g_steal_pointer (&end);
  return g_strdup (_("No dates yet"));
}

static const char *
case_name (PaCase *kase,
           char  **storage)
{
  *storage = pa_case_dup_display_name (kase);
  return *storage;
}

static int
compare_cases (gconstpointer a,
               gconstpointer b)
{
  g_autofree char *na = pa_case_dup_display_name (*(PaCase **) a);
  g_autofree char *nb = pa_case_dup_display_name (*(PaCase **) b);

  return g_utf8_collate (na, nb);
}

static void
clear_rows (AdwPreferencesGroup *group,
            GPtrArray           *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);
}

static gint64
seminar_id (PaSeminarsView *self)
{
  return self->seminar != NULL ? self->seminar->id : 0;
}

static char *
dup_text (GtkEditable *editable)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (editable)));

  return *text != '\0' ? g_steal_pointer (&text) : NULL;
}

/* the list of seminars */

static GtkWidget *
seminar_list_row (PaSeminarsView *self,
                  PaSeminar      *seminar)
{
  g_autoptr (GArray) people = pa_store_seminar_list_participants (self->store, seminar->id, NULL);
  g_autofree char *dates = seminar_dates (seminar);
  guint n = people != NULL ? people->len : 0;
  g_autofree char *count = g_strdup_printf (ngettext ("%u participant", "%u participants", n), n);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *title = gtk_label_new (seminar->title);
  GtkWidget *subtitle = gtk_label_new (dates);
  GtkWidget *people_label = gtk_label_new (count);

  gtk_widget_set_margin_top (box, 9);
  gtk_widget_set_margin_bottom (box, 9);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (title), 2);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (title, "heading");
  for (GtkWidget *l = subtitle; l != NULL; l = l == subtitle ? people_label : NULL)
    {
      gtk_label_set_xalign (GTK_LABEL (l), 0);
      gtk_label_set_ellipsize (GTK_LABEL (l), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (l, "caption");
      gtk_widget_add_css_class (l, "dim-label");
    }
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), subtitle);
  gtk_box_append (GTK_BOX (box), people_label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data (G_OBJECT (row), "seminar-id", GINT_TO_POINTER ((int) seminar->id));
  return row;
}

static void
reload_list (PaSeminarsView *self)
{
  g_autoptr (GPtrArray) seminars = NULL;
  g_autoptr (GError) error = NULL;
  gint64 current = seminar_id (self);
  GtkWidget *child;
  GtkListBoxRow *select = NULL;

  self->loading = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->seminar_list))) != NULL)
    gtk_list_box_remove (self->seminar_list, child);
  if (self->store != NULL)
    seminars = pa_store_seminar_list (self->store, &error);
  if (error != NULL)
    toast_error (self, error);
  for (guint i = 0; seminars != NULL && i < seminars->len; i++)
    {
      PaSeminar *seminar = g_ptr_array_index (seminars, i);
      GtkWidget *row = seminar_list_row (self, seminar);

      gtk_list_box_append (self->seminar_list, row);
      if (seminar->id == current)
        select = GTK_LIST_BOX_ROW (row);
    }
  gtk_stack_set_visible_child_name (self->list_stack,
                                    seminars != NULL && seminars->len > 0 ? "list" : "empty");
  if (select == NULL)
    select = gtk_list_box_get_row_at_index (self->seminar_list, 0);
  gtk_list_box_select_row (self->seminar_list, select);
  self->loading = FALSE;
  show_seminar (self, select != NULL ? GPOINTER_TO_INT (g_object_get_data (G_OBJECT (select),
                                                                          "seminar-id")) : 0);
}

/* the seminar's fields */

static void
fill_fields (PaSeminarsView *self)
{
  guint theme = 0;

  gtk_editable_set_text (GTK_EDITABLE (self->title_row), self->seminar->title);
  gtk_editable_set_text (GTK_EDITABLE (self->location_row),
                         self->seminar->location != NULL ? self->seminar->location : "");
  gtk_editable_set_text (GTK_EDITABLE (self->start_row),
                         self->seminar->start_date != NULL ? self->seminar->start_date : "");
  gtk_editable_set_text (GTK_EDITABLE (self->end_row),
                         self->seminar->end_date != NULL ? self->seminar->end_date : "");

  /* A theme from elsewhere (an older file, the command line) stays as it is. */
  if (self->theme_codes->len > G_N_ELEMENTS (theme_codes) + 1)
    {
      g_ptr_array_set_size (self->theme_codes, G_N_ELEMENTS (theme_codes) + 1);
      gtk_string_list_remove (self->themes, G_N_ELEMENTS (theme_codes) + 1);
    }
  if (self->seminar->theme != NULL && *self->seminar->theme != '\0')
    {
      for (guint i = 0; i < self->theme_codes->len; i++)
        if (g_str_equal (g_ptr_array_index (self->theme_codes, i), self->seminar->theme))
          theme = i;
      if (theme == 0)
        {
          g_ptr_array_add (self->theme_codes, g_strdup (self->seminar->theme));
          gtk_string_list_append (self->themes, self->seminar->theme);
          theme = self->theme_codes->len - 1;
        }
    }
  adw_combo_row_set_selected (self->theme_row, theme);
  for (GtkWidget *row = GTK_WIDGET (self->title_row); row != NULL;
       row = row == GTK_WIDGET (self->title_row) ? GTK_WIDGET (self->location_row)
           : row == GTK_WIDGET (self->location_row) ? GTK_WIDGET (self->start_row)
           : row == GTK_WIDGET (self->start_row) ? GTK_WIDGET (self->end_row) : NULL)
    pa_ui_set_row_error (row, GTK_WIDGET (self->seminar_error), GTK_WIDGET (self->seminar_error),
                         NULL);
}

/* Stores the fields as shown; a refused value stays in its row, marked. */
static gboolean
save_fields (PaSeminarsView *self,
             GtkWidget      *row)
{
  g_autoptr (PaSeminar) edited = NULL;
  g_autoptr (GError) error = NULL;
  guint theme;

  if (self->seminar == NULL || self->loading)
    return TRUE;
  edited = pa_seminar_new ();
  edited->id = self->seminar->id;
  edited->title = dup_text (GTK_EDITABLE (self->title_row));
  edited->location = dup_text (GTK_EDITABLE (self->location_row));
  edited->start_date = dup_text (GTK_EDITABLE (self->start_row));
  edited->end_date = dup_text (GTK_EDITABLE (self->end_row));
  theme = adw_combo_row_get_selected (self->theme_row);
  if (theme != GTK_INVALID_LIST_POSITION && theme > 0 && theme < self->theme_codes->len)
    edited->theme = g_strdup (g_ptr_array_index (self->theme_codes, theme));
  if (g_strcmp0 (edited->title, self->seminar->title) == 0 &&
      g_strcmp0 (edited->theme, self->seminar->theme) == 0 &&
      g_strcmp0 (edited->location, self->seminar->location) == 0 &&
      g_strcmp0 (edited->start_date, self->seminar->start_date) == 0 &&
      g_strcmp0 (edited->end_date, self->seminar->end_date) == 0)
    {
      pa_ui_set_row_error (row, GTK_WIDGET (self->seminar_error), GTK_WIDGET (self->seminar_error),
                           NULL);
      return TRUE;
    }

  self->saving = TRUE;
  if (!pa_store_seminar_update (self->store, edited, &error))
    {
      self->saving = FALSE;
      pa_ui_set_row_error (row, GTK_WIDGET (self->seminar_error), GTK_WIDGET (self->seminar_error),
                           error->message);
      return FALSE;
    }
  self->saving = FALSE;
  pa_ui_set_row_error (row, GTK_WIDGET (self->seminar_error), GTK_WIDGET (self->seminar_error),
                       NULL);
  edited->created_at = g_strdup (self->seminar->created_at);
  g_clear_pointer (&self->seminar, pa_seminar_free);
  self->seminar = g_steal_pointer (&edited);
  adw_window_title_set_title (self->content_title, self->seminar->title);

  /* The list shows the title and dates: refresh its row in place. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->seminar_list));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (child), "seminar-id")) == self->seminar->id)
      {
        GtkWidget *fresh = seminar_list_row (self, self->seminar);
        int index = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (child));

        self->loading = TRUE;
        gtk_list_box_remove (self->seminar_list, child);
        gtk_list_box_insert (self->seminar_list, fresh, index);
        gtk_list_box_select_row (self->seminar_list, GTK_LIST_BOX_ROW (fresh));
        self->loading = FALSE;
        break;
      }
  return TRUE;
}

/* participants */

typedef struct
{
  PaSeminarsView *self;
  gint64 seminar_id;
  gint64 case_id;
  GPtrArray *attendance;   /* PaAttendance */
} RemovedParticipant;

static void
removed_participant_free (gpointer data)
{
  RemovedParticipant *removed = data;

  g_object_unref (removed->self);
  g_clear_pointer (&removed->attendance, g_ptr_array_unref);
  g_free (removed);
}

static void
undo_remove_participant_cb (AdwToast           *t,
                            RemovedParticipant *removed)
{
  PaSeminarsView *self = removed->self;
  g_autoptr (GError) error = NULL;

  if (self->store == NULL)
    return;
  self->saving = TRUE;
  if (pa_store_seminar_add_participant (self->store, removed->seminar_id, removed->case_id,
                                        &error))
    for (guint i = 0; i < removed->attendance->len && error == NULL; i++)
      {
        PaAttendance *a = g_ptr_array_index (removed->attendance, i);
        pa_store_attendance_set (self->store, a->session_id, a->case_id, a->present, &error);
      }
  self->saving = FALSE;
  if (error != NULL)
    toast_error (self, error);
  reload (self);
}

static void
remove_participant_cb (GtkButton      *button,
                       PaSeminarsView *self)
{
  gint64 case_id = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "case-id"));
  g_autoptr (GPtrArray) all = NULL;
  g_autoptr (GError) error = NULL;
  RemovedParticipant *removed;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;
  AdwToast *t;

  for (guint i = 0; i < self->participants->len; i++)
    if (pa_case_get_id (g_ptr_array_index (self->participants, i)) == case_id)
      name = pa_case_dup_display_name (g_ptr_array_index (self->participants, i));

  all = pa_store_attendance_list_for_case (self->store, case_id, &error);
  if (all == NULL)
    {
      toast_error (self, error);
      return;
    }
  removed = g_new0 (RemovedParticipant, 1);
  removed->self = g_object_ref (self);
  removed->seminar_id = seminar_id (self);
  removed->case_id = case_id;
  removed->attendance = g_ptr_array_new_with_free_func ((GDestroyNotify) pa_attendance_free);
  for (guint i = 0; i < all->len; i++)
    {
      PaAttendance *a = g_ptr_array_index (all, i);

      for (guint j = 0; j < self->sessions->len; j++)
        if (((PaSeminarSession *) g_ptr_array_index (self->sessions, j))->id == a->session_id)
          {
            PaAttendance *copy = g_new0 (PaAttendance, 1);
            *copy = *a;
            g_ptr_array_add (removed->attendance, copy);
          }
    }

  self->saving = TRUE;
  if (!pa_store_seminar_remove_participant (self->store, removed->seminar_id, case_id, &error))
    {
      self->saving = FALSE;
      removed_participant_free (removed);
      toast_error (self, error);
      return;
    }
  self->saving = FALSE;
  reload (self);

  message = g_strdup_printf (_("%s left the seminar"), name != NULL ? name : "");
  t = plain_toast (message);
  adw_toast_set_button_label (t, _("_Undo"));
  g_signal_connect_data (t, "button-clicked", G_CALLBACK (undo_remove_participant_cb), removed,
                         (GClosureNotify) (void (*) (void)) removed_participant_free, 0);
  toast (self, t);
}

static void
fill_participants (PaSeminarsView *self)
{
  clear_rows (self->participants_group, self->participant_rows);
  for (guint i = 0; i < self->participants->len; i++)
    {
      PaCase *kase = g_ptr_array_index (self->participants, i);
      g_autofree char *name = pa_case_dup_display_name (kase);
      const char *origin = pa_case_get_origin_country (kase);
      g_autofree char *subtitle = NULL;
      g_autofree char *remove_label = NULL;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");

      if (origin != NULL)
        subtitle = g_strdup_printf ("%s · %s", pa_case_get_code (kase), pa_iso_country_name (origin));
      else
        subtitle = g_strdup (pa_case_get_code (kase));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      /* Translators: a button beside a participant, for assistive technologies. */
      remove_label = g_strdup_printf (_("Remove %s from the Seminar"), name);
      gtk_widget_set_tooltip_text (remove, _("Remove from the Seminar"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      remove_label, -1);
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      g_object_set_data (G_OBJECT (remove), "case-id", GINT_TO_POINTER ((int) pa_case_get_id (kase)));
      g_signal_connect (remove, "clicked", G_CALLBACK (remove_participant_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      adw_preferences_group_add (self->participants_group, row);
      g_ptr_array_add (self->participant_rows, row);
    }
  if (self->participants->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No participants yet"));
      gtk_widget_add_css_class (row, "dim-label");
      adw_preferences_group_add (self->participants_group, row);
      g_ptr_array_add (self->participant_rows, row);
    }
  {
    g_autofree char *description = g_strdup_printf (ngettext ("%u participant",
                                                              "%u participants",
                                                              self->participants->len),
                                                    self->participants->len);
    adw_preferences_group_set_description (self->participants_group, description);
  }
}

static void
add_participant (PaSeminarsView *self,
                 gint64          case_id)
{
  g_autoptr (GError) error = NULL;

  self->saving = TRUE;
  if (!pa_store_seminar_add_participant (self->store, seminar_id (self), case_id, &error))
    toast_error (self, error);
  self->saving = FALSE;
  gtk_popover_popdown (self->match_popover);
  self->loading = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->add_participant_row), "");
  self->loading = FALSE;
  reload (self);
}

static void
participant_search_changed_cb (PaSeminarsView *self)
{
  g_autofree char *text = NULL;
  g_autoptr (GPtrArray) found = NULL;
  g_autoptr (GError) error = NULL;
  GtkWidget *child;
  guint shown = 0;

  if (self->loading || self->store == NULL)
    return;
  text = dup_text (GTK_EDITABLE (self->add_participant_row));
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->match_list))) != NULL)
    gtk_list_box_remove (self->match_list, child);
  g_ptr_array_set_size (self->matches, 0);
  if (text == NULL)
    {
      gtk_popover_popdown (self->match_popover);
      return;
    }
  found = pa_store_case_list (self->store, text, PA_CASE_FILTER_ACTIVE, &error);
  for (guint i = 0; found != NULL && i < found->len && shown < 8; i++)
    {
      PaCase *kase = g_ptr_array_index (found, i);
      gboolean taken = FALSE;
      g_autofree char *name = NULL;
      g_autofree char *text_row = NULL;
      GtkWidget *label;

      for (guint j = 0; j < self->participants->len; j++)
        if (pa_case_get_id (g_ptr_array_index (self->participants, j)) == pa_case_get_id (kase))
          taken = TRUE;
      if (taken)
        continue;
      case_name (kase, &name);
      text_row = g_strdup_printf ("%s  ·  %s", name, pa_case_get_code (kase));
      label = gtk_label_new (text_row);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_set_margin_start (label, 6);
      gtk_widget_set_margin_end (label, 6);
      gtk_widget_set_margin_top (label, 6);
      gtk_widget_set_margin_bottom (label, 6);
      gtk_list_box_append (self->match_list, label);
      g_ptr_array_add (self->matches, g_object_ref (kase));
      shown++;
    }
  if (shown == 0)
    {
      g_autofree char *none = g_strdup_printf (error != NULL ? "%s" : _("No other case matches “%s”"),
                                               error != NULL ? error->message : text);
      GtkWidget *label = gtk_label_new (none);
      GtkListBoxRow *row;

      gtk_widget_set_margin_start (label, 6);
      gtk_widget_set_margin_end (label, 6);
      gtk_widget_set_margin_top (label, 6);
      gtk_widget_set_margin_bottom (label, 6);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_list_box_append (self->match_list, label);
      row = gtk_list_box_get_row_at_index (self->match_list, 0);
      gtk_list_box_row_set_activatable (row, FALSE);
      gtk_list_box_row_set_selectable (row, FALSE);
    }
  else
    gtk_list_box_select_row (self->match_list, gtk_list_box_get_row_at_index (self->match_list, 0));
  gtk_widget_set_size_request (GTK_WIDGET (self->match_popover),
                               gtk_widget_get_width (GTK_WIDGET (self->add_participant_row)), -1);
  gtk_popover_popup (self->match_popover);
}

static void
participant_search_activated_cb (PaSeminarsView *self)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->match_list);

  if (row == NULL || !gtk_widget_get_visible (GTK_WIDGET (self->match_popover)))
    return;
  if ((guint) gtk_list_box_row_get_index (row) < self->matches->len)
    add_participant (self, pa_case_get_id (g_ptr_array_index (self->matches,
                                                              gtk_list_box_row_get_index (row))));
}

static void
match_activated_cb (PaSeminarsView *self,
                    GtkListBoxRow  *row)
{
  if ((guint) gtk_list_box_row_get_index (row) < self->matches->len)
    add_participant (self, pa_case_get_id (g_ptr_array_index (self->matches,
                                                              gtk_list_box_row_get_index (row))));
}

/* Up and Down choose among the matches while the name is being typed. */
static gboolean
participant_key_cb (GtkEventControllerKey *controller,
                    guint                  keyval,
                    guint                  keycode,
                    GdkModifierType        state,
                    PaSeminarsView        *self)
{
  GtkListBoxRow *row;
  int index;

  if (!gtk_widget_get_visible (GTK_WIDGET (self->match_popover)))
    return FALSE;
  if (keyval == GDK_KEY_Escape)
    {
      gtk_popover_popdown (self->match_popover);
      return TRUE;
    }
  if (keyval != GDK_KEY_Down && keyval != GDK_KEY_Up)
    return FALSE;
  row = gtk_list_box_get_selected_row (self->match_list);
  index = row != NULL ? gtk_list_box_row_get_index (row) : -1;
  index += keyval == GDK_KEY_Down ? 1 : -1;
  if (index >= 0 && (guint) index < self->matches->len)
    gtk_list_box_select_row (self->match_list, gtk_list_box_get_row_at_index (self->match_list, index));
  return TRUE;
}

/* sessions */

typedef struct
{
  PaSeminarsView *self;
  PaSeminarSession *session;
  GArray *modules;
  GPtrArray *attendance;
} RemovedSession;

static void
removed_session_free (gpointer data)
{
  RemovedSession *removed = data;

  g_object_unref (removed->self);
  pa_seminar_session_free (removed->session);
  g_clear_pointer (&removed->modules, g_array_unref);
  g_clear_pointer (&removed->attendance, g_ptr_array_unref);
  g_free (removed);
}

static void
undo_remove_session_cb (AdwToast       *t,
                        RemovedSession *removed)
{
  PaSeminarsView *self = removed->self;
  g_autoptr (GError) error = NULL;

  if (self->store == NULL)
    return;
  removed->session->id = 0;
  self->saving = TRUE;
  if (pa_store_seminar_session_add (self->store, removed->session, &error) &&
      pa_store_seminar_session_set_modules (self->store, removed->session->id,
                                            (gint64 *) (gpointer) removed->modules->data,
                                            removed->modules->len, &error))
    for (guint i = 0; i < removed->attendance->len && error == NULL; i++)
      {
        PaAttendance *a = g_ptr_array_index (removed->attendance, i);
        pa_store_attendance_set (self->store, removed->session->id, a->case_id, a->present,
                                 &error);
      }
  self->saving = FALSE;
  if (error != NULL)
    toast_error (self, error);
  reload (self);
}

static PaSeminarSession *
find_session (PaSeminarsView *self,
              gint64          id)
{
  for (guint i = 0; i < self->sessions->len; i++)
    if (((PaSeminarSession *) g_ptr_array_index (self->sessions, i))->id == id)
      return g_ptr_array_index (self->sessions, i);
  return NULL;
}

static void
remove_session_cb (GtkButton      *button,
                   PaSeminarsView *self)
{
  gint64 id = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "session-id"));
  PaSeminarSession *session = find_session (self, id);
  g_autoptr (GError) error = NULL;
  RemovedSession *removed;
  g_autofree char *day = NULL;
  g_autofree char *message = NULL;
  AdwToast *t;

  if (session == NULL)
    return;
  removed = g_new0 (RemovedSession, 1);
  removed->self = g_object_ref (self);
  removed->session = pa_seminar_session_new ();
  removed->session->seminar_id = session->seminar_id;
  removed->session->held_on = g_strdup (session->held_on);
  removed->session->topic = g_strdup (session->topic);
  removed->modules = pa_store_seminar_session_get_modules (self->store, id, &error);
  if (removed->modules != NULL)
    removed->attendance = pa_store_attendance_list (self->store, id, &error);
  self->saving = TRUE;
  if (error != NULL || !pa_store_seminar_session_delete (self->store, id, &error))
    {
      self->saving = FALSE;
      removed_session_free (removed);
      toast_error (self, error);
      return;
    }
  self->saving = FALSE;
  day = format_day (removed->session->held_on, FALSE);
  reload (self);

  message = g_strdup_printf (_("Session of %s removed"), day);
  t = plain_toast (message);
  adw_toast_set_button_label (t, _("_Undo"));
  g_signal_connect_data (t, "button-clicked", G_CALLBACK (undo_remove_session_cb), removed,
                         (GClosureNotify) (void (*) (void)) removed_session_free, 0);
  toast (self, t);
}

static void
save_session (PaSeminarsView *self,
              AdwEntryRow    *row)
{
  gint64 id = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "session-id"));
  PaSeminarSession *session = find_session (self, id);
  gboolean is_date = g_object_get_data (G_OBJECT (row), "is-date") != NULL;
  g_autoptr (PaSeminarSession) edited = NULL;
  g_autofree char *text = NULL;
  g_autoptr (GError) error = NULL;

  if (session == NULL || self->loading)
    return;
  text = dup_text (GTK_EDITABLE (row));
  if (g_strcmp0 (text, is_date ? session->held_on : session->topic) == 0)
    return;
  edited = pa_seminar_session_new ();
  edited->id = session->id;
  edited->seminar_id = session->seminar_id;
  edited->held_on = g_strdup (is_date ? text : session->held_on);
  edited->topic = g_strdup (is_date ? session->topic : text);
  self->saving = TRUE;
  if (!pa_store_seminar_session_update (self->store, edited, &error))
    {
      self->saving = FALSE;
      pa_ui_set_row_error (GTK_WIDGET (row), GTK_WIDGET (self->sessions_error),
                           GTK_WIDGET (self->sessions_error), error->message);
      return;
    }
  self->saving = FALSE;
  pa_ui_set_row_error (GTK_WIDGET (row), GTK_WIDGET (self->sessions_error),
                       GTK_WIDGET (self->sessions_error), NULL);
  self->expanded_session = id;
  /* A new date reorders the sessions and the grid; a topic only retitles. */
  if (is_date)
    reload (self);
  else
    {
      GtkWidget *expander = gtk_widget_get_ancestor (GTK_WIDGET (row), ADW_TYPE_EXPANDER_ROW);

      g_free (session->topic);
      session->topic = g_strdup (text);
      if (expander != NULL)
        adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander),
                                       text != NULL ? text : _("No topic"));
    }
}

static void
session_apply_cb (AdwEntryRow    *row,
                  PaSeminarsView *self)
{
  save_session (self, row);
}

static void
session_focus_leave_cb (GtkEventControllerFocus *controller,
                        PaSeminarsView          *self)
{
  save_session (self, ADW_ENTRY_ROW (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller))));
}

static char *
modules_summary (PaSeminarsView *self,
                 GArray         *ids)
{
  g_autoptr (GString) text = g_string_new (NULL);

  for (guint i = 0; ids != NULL && i < ids->len; i++)
    for (guint j = 0; j < self->modules->len; j++)
      {
        PaModule *module = g_ptr_array_index (self->modules, j);

        if (module->id == g_array_index (ids, gint64, i))
          {
            if (text->len > 0)
              g_string_append (text, "; ");
            g_string_append (text, module->title);
          }
      }
  if (text->len == 0)
    return g_strdup (self->modules->len > 0 ? _("None chosen")
                                            : _("The training catalogue has no modules yet"));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
module_toggled_cb (GtkCheckButton *check,
                   PaSeminarsView *self)
{
  gint64 session_id = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (check), "session-id"));
  AdwActionRow *row = g_object_get_data (G_OBJECT (check), "modules-row");
  GtkWidget *box = gtk_widget_get_parent (GTK_WIDGET (check));
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GError) error = NULL;
  g_autofree char *summary = NULL;

  if (self->loading)
    return;
  for (GtkWidget *child = gtk_widget_get_first_child (box); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_check_button_get_active (GTK_CHECK_BUTTON (child)))
      {
        gint64 id = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (child), "module-id"));
        g_array_append_val (ids, id);
      }
  self->saving = TRUE;
  if (!pa_store_seminar_session_set_modules (self->store, session_id, (gint64 *) (gpointer) ids->data,
                                             ids->len, &error))
    toast_error (self, error);
  self->saving = FALSE;
  g_array_set_size (ids, 0);
  g_clear_pointer (&ids, g_array_unref);
  ids = pa_store_seminar_session_get_modules (self->store, session_id, NULL);
  summary = modules_summary (self, ids);
  adw_action_row_set_subtitle (row, summary);
}

static GtkWidget *
modules_row (PaSeminarsView   *self,
             PaSeminarSession *session)
{
  g_autoptr (GArray) covered = pa_store_seminar_session_get_modules (self->store, session->id, NULL);
  g_autofree char *summary = modules_summary (self, covered);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Modules Covered"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), summary);
  gtk_menu_button_set_label (GTK_MENU_BUTTON (button), _("_Choose…"));
  gtk_menu_button_set_use_underline (GTK_MENU_BUTTON (button), TRUE);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_sensitive (button, self->modules->len > 0);
  gtk_widget_set_tooltip_text (button, _("Catalogue modules this session covered"));
  for (guint i = 0; i < self->modules->len; i++)
    {
      PaModule *module = g_ptr_array_index (self->modules, i);
      g_autofree char *label = g_strdup_printf ("%s — %s", module->code, module->title);
      GtkWidget *check = gtk_check_button_new_with_label (label);
      gboolean on = FALSE;

      for (guint j = 0; covered != NULL && j < covered->len; j++)
        on |= g_array_index (covered, gint64, j) == module->id;
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), on);
      g_object_set_data (G_OBJECT (check), "module-id", GINT_TO_POINTER ((int) module->id));
      g_object_set_data (G_OBJECT (check), "session-id", GINT_TO_POINTER ((int) session->id));
      g_object_set_data (G_OBJECT (check), "modules-row", row);
      g_signal_connect (check, "toggled", G_CALLBACK (module_toggled_cb), self);
      gtk_box_append (GTK_BOX (box), check);
    }
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return row;
}

static GtkWidget *
session_entry (PaSeminarsView   *self,
               PaSeminarSession *session,
               const char       *title,
               const char       *value,
               gboolean          is_date)
{
  GtkWidget *entry = adw_entry_row_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (entry), TRUE);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (entry), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (entry), value != NULL ? value : "");
  g_object_set_data (G_OBJECT (entry), "session-id", GINT_TO_POINTER ((int) session->id));
  if (is_date)
    g_object_set_data (G_OBJECT (entry), "is-date", GINT_TO_POINTER (1));
  g_signal_connect (entry, "apply", G_CALLBACK (session_apply_cb), self);
  g_signal_connect (focus, "leave", G_CALLBACK (session_focus_leave_cb), self);
  gtk_widget_add_controller (entry, focus);
  return entry;
}

static void
fill_sessions (PaSeminarsView *self)
{
  clear_rows (self->sessions_group, self->session_rows);
  gtk_widget_set_visible (GTK_WIDGET (self->sessions_error), FALSE);
  for (guint i = 0; i < self->sessions->len; i++)
    {
      PaSeminarSession *session = g_ptr_array_index (self->sessions, i);
      g_autofree char *day = format_day (session->held_on, FALSE);
      GtkWidget *expander = adw_expander_row_new ();
      GtkWidget *remove_row = adw_action_row_new ();
      GtkWidget *remove = gtk_button_new_with_mnemonic (_("_Remove Session"));

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (expander), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), day);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander),
                                     session->topic != NULL ? session->topic : _("No topic"));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander),
                                session_entry (self, session, _("_Date (YYYY-MM-DD)"),
                                               session->held_on, TRUE));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander),
                                session_entry (self, session, _("_Topic"), session->topic, FALSE));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), modules_row (self, session));
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "destructive-action");
      g_object_set_data (G_OBJECT (remove), "session-id", GINT_TO_POINTER ((int) session->id));
      g_signal_connect (remove, "clicked", G_CALLBACK (remove_session_cb), self);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (remove_row),
                                     _("Its attendance is removed with it"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (remove_row), remove);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), remove_row);
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander),
                                     session->id == self->expanded_session);
      g_object_set_data (G_OBJECT (expander), "session-id", GINT_TO_POINTER ((int) session->id));
      adw_preferences_group_add (self->sessions_group, expander);
      g_ptr_array_add (self->session_rows, expander);
    }
  if (self->sessions->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No sessions yet"));
      gtk_widget_add_css_class (row, "dim-label");
      adw_preferences_group_add (self->sessions_group, row);
      g_ptr_array_add (self->session_rows, row);
    }
}

/* attendance */

static void
cell_toggled_cb (GtkCheckButton *cell,
                 PaSeminarsView *self)
{
  gint64 session_id = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (cell), "session-id"));
  gint64 case_id = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (cell), "case-id"));
  gboolean present = gtk_check_button_get_active (cell);
  g_autoptr (GError) error = NULL;

  if (self->loading)
    return;
  self->saving = TRUE;
  if (!pa_store_attendance_set (self->store, session_id, case_id, present, &error))
    {
      self->saving = FALSE;
      toast_error (self, error);
      self->loading = TRUE;
      gtk_check_button_set_active (cell, !present);
      self->loading = FALSE;
      return;
    }
  self->saving = FALSE;
  gtk_widget_set_tooltip_text (GTK_WIDGET (cell), present ? _("Present") : _("Absent"));
}

/* Arrow keys move between the boxes as in a table (mirrored right to left). */
static gboolean
grid_key_cb (GtkEventControllerKey *controller,
             guint                  keyval,
             guint                  keycode,
             GdkModifierType        state,
             PaSeminarsView        *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  guint n_sessions = self->sessions->len;
  int row, column, d_row = 0, d_column = 0;
  gboolean rtl = gtk_widget_get_direction (GTK_WIDGET (self->attendance_grid)) == GTK_TEXT_DIR_RTL;
  guint index;

  if (focus == NULL || n_sessions == 0 || !g_ptr_array_find (self->cells, focus, &index))
    return FALSE;
  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK))
    return FALSE;
  switch (keyval)
    {
    case GDK_KEY_Up: case GDK_KEY_KP_Up: d_row = -1; break;
    case GDK_KEY_Down: case GDK_KEY_KP_Down: d_row = 1; break;
    case GDK_KEY_Left: case GDK_KEY_KP_Left: d_column = rtl ? 1 : -1; break;
    case GDK_KEY_Right: case GDK_KEY_KP_Right: d_column = rtl ? -1 : 1; break;
    default: return FALSE;
    }
  row = (int) (index / n_sessions) + d_row;
  column = (int) (index % n_sessions) + d_column;
  if (row >= 0 && column >= 0 && (guint) column < n_sessions &&
      (guint) row * n_sessions + column < self->cells->len)
    gtk_widget_grab_focus (g_ptr_array_index (self->cells, row * n_sessions + column));
  return TRUE;
}

static void
fill_grid (PaSeminarsView *self)
{
  GtkWidget *child;
  g_autoptr (GHashTable) marks = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr (GPtrArray) lists = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->attendance_grid))) != NULL)
    gtk_grid_remove (self->attendance_grid, child);
  g_ptr_array_set_size (self->cells, 0);
  gtk_widget_set_visible (gtk_widget_get_ancestor (GTK_WIDGET (self->attendance_grid),
                                                   ADW_TYPE_PREFERENCES_GROUP),
                          self->sessions->len > 0 && self->participants->len > 0);
  if (self->sessions->len == 0 || self->participants->len == 0)
    return;

  for (guint j = 0; j < self->sessions->len; j++)
    {
      PaSeminarSession *session = g_ptr_array_index (self->sessions, j);
      g_autofree char *brief = format_day (session->held_on, TRUE);
      GtkWidget *header = gtk_label_new (brief);
      GPtrArray *list = pa_store_attendance_list (self->store, session->id, NULL);

      gtk_widget_add_css_class (header, "caption-heading");
      gtk_widget_set_tooltip_text (header, session->topic);
      gtk_grid_attach (self->attendance_grid, header, j + 1, 0, 1, 1);
      if (list != NULL)
        g_ptr_array_add (lists, list);
    }
  /* session id × case id → present (1) or absent (2) */
  for (guint l = 0; l < lists->len; l++)
    {
      GPtrArray *list = g_ptr_array_index (lists, l);

      for (guint k = 0; k < list->len; k++)
        {
          PaAttendance *a = g_ptr_array_index (list, k);
          gint64 *key = g_new (gint64, 1);

          *key = a->session_id * 1000003 + a->case_id;
          g_hash_table_insert (marks, key, GINT_TO_POINTER (a->present ? 1 : 2));
        }
    }

  self->loading = TRUE;
  for (guint i = 0; i < self->participants->len; i++)
    {
      PaCase *kase = g_ptr_array_index (self->participants, i);
      g_autofree char *name = pa_case_dup_display_name (kase);
      GtkWidget *label = gtk_label_new (name);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 28);
      gtk_widget_set_margin_end (label, 12);
      gtk_grid_attach (self->attendance_grid, label, 0, i + 1, 1, 1);
      for (guint j = 0; j < self->sessions->len; j++)
        {
          PaSeminarSession *session = g_ptr_array_index (self->sessions, j);
          g_autofree char *day = format_day (session->held_on, FALSE);
          /* Translators: the attendance box of a participant at a session,
           * for assistive technologies: "Amal Haddad, 6 October 2025". */
          g_autofree char *accessible = g_strdup_printf (_("%s, %s"), name, day);
          gint64 key = session->id * 1000003 + pa_case_get_id (kase);
          int mark = GPOINTER_TO_INT (g_hash_table_lookup (marks, &key));
          GtkWidget *cell = gtk_check_button_new ();

          gtk_check_button_set_active (GTK_CHECK_BUTTON (cell), mark == 1);
          gtk_widget_set_tooltip_text (cell, mark == 1 ? _("Present")
                                             : mark == 2 ? _("Absent") : _("Not recorded yet"));
          gtk_widget_set_halign (cell, GTK_ALIGN_CENTER);
          gtk_accessible_update_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          accessible, -1);
          g_object_set_data (G_OBJECT (cell), "session-id", GINT_TO_POINTER ((int) session->id));
          g_object_set_data (G_OBJECT (cell), "case-id", GINT_TO_POINTER ((int) pa_case_get_id (kase)));
          g_signal_connect (cell, "toggled", G_CALLBACK (cell_toggled_cb), self);
          gtk_grid_attach (self->attendance_grid, cell, j + 1, i + 1, 1, 1);
          g_ptr_array_add (self->cells, cell);
        }
    }
  self->loading = FALSE;
}

/* the whole seminar */

static void
show_seminar (PaSeminarsView *self,
              gint64          id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) ids = NULL;
  g_autoptr (GPtrArray) sessions = NULL;
  g_autoptr (GPtrArray) modules = NULL;

  if (id != seminar_id (self))
    self->expanded_session = 0;
  g_clear_pointer (&self->seminar, pa_seminar_free);
  g_ptr_array_set_size (self->participants, 0);
  g_ptr_array_set_size (self->sessions, 0);
  if (self->store != NULL && id > 0)
    self->seminar = pa_store_seminar_get (self->store, id, &error);
  if (self->seminar == NULL)
    {
      if (error != NULL)
        toast_error (self, error);
      adw_window_title_set_title (self->content_title, "");
      gtk_stack_set_visible_child_name (self->detail_stack, "none");
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "seminars.delete", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "seminars.overview", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "seminars.add-session", FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->print_button), FALSE);
      return;
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "seminars.delete", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "seminars.overview", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "seminars.add-session", TRUE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->print_button), TRUE);

  ids = pa_store_seminar_list_participants (self->store, id, &error);
  for (guint i = 0; ids != NULL && i < ids->len; i++)
    {
      PaCase *kase = pa_store_case_get (self->store, g_array_index (ids, gint64, i), NULL);

      if (kase != NULL)
        g_ptr_array_add (self->participants, kase);
    }
  g_ptr_array_sort (self->participants, compare_cases);
  sessions = pa_store_seminar_session_list (self->store, id, &error);
  if (sessions != NULL)
    g_ptr_array_extend_and_steal (self->sessions, g_steal_pointer (&sessions));
  g_ptr_array_set_size (self->modules, 0);
  modules = pa_store_module_list (self->store, NULL);
  if (modules != NULL)
    g_ptr_array_extend_and_steal (self->modules, g_steal_pointer (&modules));
  if (error != NULL)
    toast_error (self, error);

  self->loading = TRUE;
  adw_window_title_set_title (self->content_title, self->seminar->title);
  fill_fields (self);
  fill_participants (self);
  fill_sessions (self);
  self->loading = FALSE;
  fill_grid (self);
  gtk_stack_set_visible_child_name (self->detail_stack, "seminar");
}

/* Reads the store now when the view is shown, else when it is shown next:
 * a hidden view costs nothing at start or when a case changes. */
static void
reload (PaSeminarsView *self)
{
  self->stale = !gtk_widget_get_mapped (GTK_WIDGET (self));
  if (!self->stale)
    reload_list (self);
}

static void
map_cb (PaSeminarsView *self)
{
  if (self->stale)
    reload (self);
}

static gboolean
reload_idle (gpointer data)
{
  PaSeminarsView *self = data;

  self->reload_source = 0;
  reload (self);
  return G_SOURCE_REMOVE;
}

/* A participant's name or another connection's edit: shown when idle. */
static void
case_changed_cb (PaStore        *store,
                 gint64          case_id,
                 PaSeminarsView *self)
{
  if (self->saving || self->reload_source != 0)
    return;
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }
  self->reload_source = g_idle_add (reload_idle, self);
}

/* callbacks */

static void
seminar_selected_cb (PaSeminarsView *self,
                     GtkListBoxRow  *row)
{
  gint64 id;

  if (self->loading || row == NULL)
    return;
  id = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "seminar-id"));
  if (id != seminar_id (self))
    show_seminar (self, id);
}

static void
seminar_activated_cb (PaSeminarsView *self,
                      GtkListBoxRow  *row)
{
  adw_leaflet_set_visible_child (self->leaflet, self->content);
}

static void
field_apply_cb (PaSeminarsView *self,
                AdwEntryRow    *row)
{
  save_fields (self, GTK_WIDGET (row));
}

static void
field_focus_leave_cb (GtkEventControllerFocus *controller,
                      PaSeminarsView          *self)
{
  save_fields (self, gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)));
}

static void
theme_changed_cb (PaSeminarsView *self)
{
  save_fields (self, GTK_WIDGET (self->theme_row));
}

/* reports */

static void
job_done (PaSeminarsView *self)
{
  g_clear_pointer (&self->progress_binding, g_binding_unbind);
  g_clear_object (&self->operation);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->job_title, g_free);
  gtk_revealer_set_reveal_child (self->progress_revealer, FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "seminars.cancel", FALSE);
}

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr (PaSeminarsView) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *title = NULL;

  path = pa_print_operation_export_pdf_finish (PA_PRINT_OPERATION (source), result, &error);
  if (self->operation != PA_PRINT_OPERATION (source))
    return;   /* the view went away */
  title = g_steal_pointer (&self->job_title);
  job_done (self);
  if (path == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        toast_error (self, error);
      return;
    }
  {
    g_autofree char *base = g_path_get_basename (path);
    /* Translators: "Certificates written to Certificates - Atelier CV.pdf". */
    g_autofree char *message = g_strdup_printf (_("%s written to %s"), title, base);

    toast (self, plain_toast (message));
  }
}

static PaPrintOperation *
new_operation (PaSeminarsView *self,
               gboolean        certificates)
{
  /* In the centre's report languages (Preferences, Language). */
  g_autofree char *language = pa_ui_centre_report_language (self->store);
  g_autofree char *second = pa_ui_centre_second_language (self->store);

  if (certificates)
    return pa_print_operation_new_certificates (self->store, self->seminar->id, language,
                                                second);
  return pa_print_operation_new_attendance (self->store, self->seminar->id, language);
}

/* Prints, or exports to @pdf_path, or (@choose) asks where to export. */
static void
start_job (PaSeminarsView *self,
           gboolean        certificates,
           gboolean        choose,
           const char     *pdf_path)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWindow *window = GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;

  if (self->operation != NULL || self->seminar == NULL || self->store == NULL)
    return;
  if (!choose && pdf_path == NULL)
    {
      g_autoptr (PaPrintOperation) operation = new_operation (self, certificates);
      g_autoptr (GError) error = NULL;

      if (pa_print_operation_run_dialog (operation, window, &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
        toast_error (self, error);
      return;
    }

  self->operation = new_operation (self, certificates);
  self->cancellable = g_cancellable_new ();
  self->job_title = g_strdup (certificates ? _("Certificates") : _("Attendance sheet"));
  gtk_progress_bar_set_text (self->progress_bar,
                             certificates ? _("Preparing the certificates…")
                                          : _("Preparing the attendance sheet…"));
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  self->progress_binding = g_object_bind_property (self->operation, "progress",
                                                   self->progress_bar, "fraction",
                                                   G_BINDING_SYNC_CREATE);
  gtk_revealer_set_reveal_child (self->progress_revealer, TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "seminars.cancel", TRUE);
  if (choose)
    pa_print_operation_export_pdf_with_chooser (self->operation, window, self->cancellable,
                                                export_done_cb, g_object_ref (self));
  else
    pa_print_operation_export_pdf_async (self->operation, pdf_path, self->cancellable,
                                         export_done_cb, g_object_ref (self));
}

/* group overview */

typedef struct
{
  char *store_path;
  gint64 seminar_id;
  char *language;
} OverviewRequest;

static void
overview_request_free (gpointer data)
{
  OverviewRequest *request = data;

  g_free (request->store_path);
  g_free (request->language);
  g_free (request);
}

static void
overview_thread (GTask        *task,
                 gpointer      source,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  OverviewRequest *request = task_data;
  g_autoptr (PaStore) store = NULL;
  g_autoptr (PaMapper) mapper = NULL;
  GError *error = NULL;
  PaCohort *cohort = NULL;

  if ((store = pa_store_open (request->store_path, &error)) == NULL ||
      (mapper = pa_mapper_new_from_store (store, &error)) == NULL ||
      (cohort = pa_cohort_build (store, mapper, request->seminar_id, request->language, 5,
                                 &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  /* An area the store has no label for is a framework's own code
   * ("esco" before ESCO is imported): name the framework instead. */
  {
    g_autoptr (GPtrArray) frameworks = pa_frameworks_list (store, NULL);

    for (guint i = 0; i < cohort->by_area->len; i++)
      {
        PaCohortCount *count = g_ptr_array_index (cohort->by_area, i);

        if (g_strcmp0 (count->label, count->key) != 0)
          continue;
        for (guint j = 0; frameworks != NULL && j < frameworks->len; j++)
          {
            PaFrameworkInfo *info = g_ptr_array_index (frameworks, j);

            if (g_strcmp0 (info->code, count->key) == 0 && info->title != NULL)
              {
                g_free (count->label);
                count->label = g_strdup (pa_framework_display_title (info->code, info->title));
              }
          }
        if (g_strcmp0 (count->label, "esco") == 0)
          {
            g_free (count->label);
            count->label = g_strdup (_("ESCO skills"));
          }
      }
  }
  g_task_return_pointer (task, cohort, (GDestroyNotify) pa_cohort_free);
}

static GtkWidget *
overview_group (const char *title,
                const char *description,
                GtkWidget  *chart)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), chart);
  return group;
}

/* The cohort's charts, as widgets (also used by tests). */
static GtkWidget *
overview_content (PaCohort *cohort)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  g_autofree char *people = g_strdup_printf (ngettext ("%u participant", "%u participants",
                                                       cohort->n_people), cohort->n_people);
  GtkWidget *summary = gtk_label_new (people);

  gtk_label_set_xalign (GTK_LABEL (summary), 0);
  gtk_widget_add_css_class (summary, "title-4");
  gtk_box_append (GTK_BOX (box), summary);

  if (cohort->by_area->len > 0)
    {
      const char *stages[4] = { pa_stage_label (1), pa_stage_label (2), pa_stage_label (3),
                                pa_stage_label (4) };
      PaChart *chart = pa_chart_new_profile (4, stages);

      for (guint i = 0; i < cohort->by_area->len && i < 12; i++)
        {
          PaCohortCount *count = g_ptr_array_index (cohort->by_area, i);
          pa_chart_add_profile_row (chart, count->label, &count->by_stage[1]);
        }
      gtk_box_append (GTK_BOX (box),
                      overview_group (_("Claims per Framework Area"),
                                      _("Competences the group claims, by stage"),
                                      pa_chart_area_new (chart, _("Claims per framework area"))));
    }
  if (cohort->occupations->len > 0)
    {
      PaChart *chart = pa_chart_new_bars ();

      pa_chart_set_max (chart, MAX (cohort->n_people, 1));
      for (guint i = 0; i < cohort->occupations->len && i < 10; i++)
        {
          PaCohortOccupation *o = g_ptr_array_index (cohort->occupations, i);
          /* Translators: beside an occupation's bar: 5 of the group's 8
           * participants have it among their best matches, with a mean score. */
          g_autofree char *text = g_strdup_printf (_("%u of %u, %.0f %%"), o->n_people,
                                                   cohort->n_people, o->mean_score);
          pa_chart_add_bar (chart, o->label, o->n_people, text);
        }
      gtk_box_append (GTK_BOX (box),
                      overview_group (_("Occupations Most Matched"),
                                      _("Participants who have the occupation among their five best matches"),
                                      pa_chart_area_new (chart, _("Occupations most matched"))));
    }
  if (cohort->by_area->len > 0 && cohort->occupations->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     _("No occupation matched yet: the matches need the ESCO "
                                       "classification, imported from the Catalogue."));
      gtk_widget_add_css_class (row, "dim-label");
      gtk_box_append (GTK_BOX (box), overview_group (_("Occupations Most Matched"), NULL, row));
    }
  if (cohort->by_area->len == 0 && cohort->occupations->len == 0)
    {
      GtkWidget *status = adw_status_page_new ();

      adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "view-grid-symbolic");
      adw_status_page_set_title (ADW_STATUS_PAGE (status), _("No Competences Claimed Yet"));
      adw_status_page_set_description (ADW_STATUS_PAGE (status),
                                       _("The overview fills in as the participants' "
                                         "competences are recorded."));
      gtk_box_append (GTK_BOX (box), status);
    }
  return box;
}

static void
overview_ready_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr (GtkWidget) window = user_data;
  g_autoptr (PaCohort) cohort = NULL;
  g_autoptr (GError) error = NULL;
  GtkStack *stack = g_object_get_data (G_OBJECT (window), "stack");
  GtkWidget *clamp;

  cohort = g_task_propagate_pointer (G_TASK (result), &error);
  if (cohort == NULL)
    {
      GtkWidget *status = adw_status_page_new ();

      adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "dialog-error-symbolic");
      adw_status_page_set_title (ADW_STATUS_PAGE (status), _("The Overview Could Not Be Drawn"));
      adw_status_page_set_description (ADW_STATUS_PAGE (status), error->message);
      gtk_stack_add_named (stack, status, "done");
      gtk_stack_set_visible_child_name (stack, "done");
      return;
    }
  clamp = adw_clamp_new ();
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 760);
  gtk_widget_set_margin_start (clamp, 12);
  gtk_widget_set_margin_end (clamp, 12);
  gtk_widget_set_margin_top (clamp, 24);
  gtk_widget_set_margin_bottom (clamp, 24);
  adw_clamp_set_child (ADW_CLAMP (clamp), overview_content (cohort));
  {
    GtkWidget *scroll = gtk_scrolled_window_new ();

    gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroll), GTK_POLICY_NEVER,
                                    GTK_POLICY_AUTOMATIC);
    gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroll), clamp);
    gtk_stack_add_named (stack, scroll, "done");
  }
  gtk_stack_set_visible_child_name (stack, "done");
}

/* actions */

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  PaSeminarsView *self = PA_SEMINARS_VIEW (widget);
  g_autoptr (PaSeminar) seminar = pa_seminar_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();

  if (self->store == NULL)
    return;
  seminar->title = g_strdup (_("New Seminar"));
  seminar->start_date = g_date_time_format (now, "%Y-%m-%d");
  self->saving = TRUE;
  if (!pa_store_seminar_add (self->store, seminar, &error))
    {
      self->saving = FALSE;
      toast_error (self, error);
      return;
    }
  self->saving = FALSE;
  g_clear_pointer (&self->seminar, pa_seminar_free);
  self->seminar = pa_seminar_new ();
  self->seminar->id = seminar->id;
  reload (self);
  adw_leaflet_set_visible_child (self->leaflet, self->content);
  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
  gtk_editable_select_region (GTK_EDITABLE (self->title_row), 0, -1);
}

static void
add_session_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  PaSeminarsView *self = PA_SEMINARS_VIEW (widget);
  g_autoptr (PaSeminarSession) session = pa_seminar_session_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GDateTime) day = NULL;

  if (self->seminar == NULL)
    return;
  /* A week after the last session, or the seminar's first day: usually right. */
  if (self->sessions->len > 0)
    {
      PaSeminarSession *last = g_ptr_array_index (self->sessions, self->sessions->len - 1);
      int y, m, d;

      if (sscanf (last->held_on, "%4d-%2d-%2d", &y, &m, &d) == 3)
        {
          g_autoptr (GDateTime) then = g_date_time_new_local (y, m, d, 12, 0, 0);
          if (then != NULL)
            day = g_date_time_add_days (then, 7);
        }
    }
  else if (self->seminar->start_date != NULL)
    {
      int y, m, d;

      if (sscanf (self->seminar->start_date, "%4d-%2d-%2d", &y, &m, &d) == 3)
        day = g_date_time_new_local (y, m, d, 12, 0, 0);
    }
  if (day == NULL)
    day = g_date_time_new_now_local ();
  session->seminar_id = self->seminar->id;
  session->held_on = g_date_time_format (day, "%Y-%m-%d");
  self->saving = TRUE;
  if (!pa_store_seminar_session_add (self->store, session, &error))
    {
      self->saving = FALSE;
      toast_error (self, error);
      return;
    }
  self->saving = FALSE;
  self->expanded_session = session->id;
  reload (self);
}

static void
delete_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    PaSeminarsView   *self)
{
  gint64 id = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "seminar-id"));
  g_autoptr (GError) error = NULL;

  if (g_strcmp0 (response, "delete") != 0 || self->store == NULL)
    return;
  self->saving = TRUE;
  if (!pa_store_seminar_delete (self->store, id, &error))
    toast_error (self, error);
  self->saving = FALSE;
  if (id == seminar_id (self))
    g_clear_pointer (&self->seminar, pa_seminar_free);
  reload (self);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PaSeminarsView *self = PA_SEMINARS_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog;

  if (self->seminar == NULL)
    return;
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Delete the Seminar?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("“%s”, its %u sessions and their attendance are deleted. "
                                    "The participants' cases stay."),
                                  self->seminar->title, self->sessions->len);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "seminar-id", GINT_TO_POINTER ((int) self->seminar->id));
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
overview_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  PaSeminarsView *self = PA_SEMINARS_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr (GTask) task = NULL;
  OverviewRequest *request;
  GtkWidget *window, *box, *header, *stack, *spinner;
  g_autofree char *title = NULL;

  if (self->seminar == NULL)
    return;
  window = adw_window_new ();
  title = g_strdup_printf (_("Group Overview — %s"), self->seminar->title);
  gtk_window_set_title (GTK_WINDOW (window), title);
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_transient_for (GTK_WINDOW (window), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 720, 640);
  gtk_window_set_hide_on_close (GTK_WINDOW (window), FALSE);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header),
                                   adw_window_title_new (_("Group Overview"), self->seminar->title));
  gtk_box_append (GTK_BOX (box), header);
  stack = gtk_stack_new ();
  gtk_widget_set_vexpand (stack, TRUE);
  spinner = gtk_spinner_new ();
  gtk_spinner_set_spinning (GTK_SPINNER (spinner), TRUE);
  gtk_widget_set_size_request (spinner, 32, 32);
  gtk_widget_set_halign (spinner, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (spinner, GTK_ALIGN_CENTER);
  gtk_stack_add_named (GTK_STACK (stack), spinner, "loading");
  gtk_box_append (GTK_BOX (box), stack);
  adw_window_set_content (ADW_WINDOW (window), box);
  g_object_set_data (G_OBJECT (window), "stack", stack);
  {
    GtkEventController *keys = gtk_shortcut_controller_new ();
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                            gtk_named_action_new ("window.close")));
    gtk_widget_add_controller (window, keys);
  }
  gtk_window_present (GTK_WINDOW (window));

  request = g_new0 (OverviewRequest, 1);
  request->store_path = g_strdup (pa_store_get_path (self->store));
  request->seminar_id = self->seminar->id;
  request->language = pa_ui_report_language ();
  task = g_task_new (NULL, NULL, overview_ready_cb, g_object_ref (window));
  g_task_set_task_data (task, request, overview_request_free);
  g_task_run_in_thread (task, overview_thread);
}

static void
report_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PaSeminarsView *self = PA_SEMINARS_VIEW (widget);
  gboolean certificates = strstr (action_name, "certificates") != NULL;

  start_job (self, certificates, !g_str_has_prefix (action_name, "seminars.print"), NULL);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PaSeminarsView *self = PA_SEMINARS_VIEW (widget);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PaSeminarsView *self = PA_SEMINARS_VIEW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* dispose */

static void
pa_seminars_view_dispose (GObject *object)
{
  PaSeminarsView *self = (PaSeminarsView *) object;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  job_done (self);
  g_clear_handle_id (&self->reload_source, g_source_remove);
  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  if (self->match_popover != NULL)
    gtk_widget_unparent (GTK_WIDGET (self->match_popover));
  self->match_popover = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (object), PA_TYPE_SEMINARS_VIEW);
  pa_ui_unparent_children (GTK_WIDGET (object));
  g_clear_object (&self->store);
  g_clear_pointer (&self->seminar, pa_seminar_free);

  G_OBJECT_CLASS (pa_seminars_view_parent_class)->dispose (object);
}

static void
pa_seminars_view_finalize (GObject *object)
{
  PaSeminarsView *self = (PaSeminarsView *) object;

  g_ptr_array_unref (self->sessions);
  g_ptr_array_unref (self->participants);
  g_ptr_array_unref (self->modules);
  g_ptr_array_unref (self->cells);
  g_ptr_array_unref (self->participant_rows);
  g_ptr_array_unref (self->session_rows);
  g_ptr_array_unref (self->matches);
  g_ptr_array_unref (self->theme_codes);
  g_clear_object (&self->themes);

  G_OBJECT_CLASS (pa_seminars_view_parent_class)->finalize (object);
}

static void
pa_seminars_view_class_init (PaSeminarsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pa_seminars_view_dispose;
  object_class->finalize = pa_seminars_view_finalize;

  g_type_ensure (PA_TYPE_VIEW_SWITCHER);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/passerelle/Passerelle/pa-seminars-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PaSeminarsView, menu_button);
  gtk_widget_class_bind_template_child (widget_class, PaSeminarsView, print_button);
  gtk_widget_class_bind_template_child (widget_class, PaSeminarsView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, PaSeminarsView, content);
  gtk_widget_class_bind_template_child (widget_class, PaSeminarsView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, PaSeminarsView, seminar_list);
  gtk_widget_class_bind_template_child (widget_class, PaSeminarsView, content_title);
  gtk_widget_class_bind_template_child (widget_class, PaSeminarsView, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, PaSeminarsView, detail_scroll);
  gtk_widget_class_bind_template_child (widget_class, PaSeminarsView, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, PaSeminarsView, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, PaSeminarsView, title_row);
  gtk_widget_class_bind_template_child (widget_class, PaSeminarsView, theme_row);
  gtk_widget_class_bind_template_child (widget_class, PaSeminarsView, location_row);
  gtk_widget_class_bind_template_child (widget_class, PaSeminarsView, start_row);
  gtk_widget_class_bind_template_child (widget_class, PaSeminarsView, end_row);
  gtk_widget_class_bind_template_child (widget_class, PaSeminarsView, seminar_error);
  gtk_widget_class_bind_template_child (widget_class, PaSeminarsView, participants_group);
  gtk_widget_class_bind_template_child (widget_class, PaSeminarsView, add_participant_row);
  gtk_widget_class_bind_template_child (widget_class, PaSeminarsView, sessions_group);
  gtk_widget_class_bind_template_child (widget_class, PaSeminarsView, sessions_error);
  gtk_widget_class_bind_template_child (widget_class, PaSeminarsView, attendance_grid);
  gtk_widget_class_bind_template_child (widget_class, PaSeminarsView, match_popover);
  gtk_widget_class_bind_template_child (widget_class, PaSeminarsView, match_list);
  gtk_widget_class_bind_template_callback (widget_class, seminar_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, seminar_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, field_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, participant_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, participant_search_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, match_activated_cb);

  gtk_widget_class_install_action (widget_class, "seminars.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "seminars.add-session", NULL, add_session_action);
  gtk_widget_class_install_action (widget_class, "seminars.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "seminars.overview", NULL, overview_action);
  gtk_widget_class_install_action (widget_class, "seminars.print-attendance", NULL, report_action);
  gtk_widget_class_install_action (widget_class, "seminars.export-attendance", NULL, report_action);
  gtk_widget_class_install_action (widget_class, "seminars.print-certificates", NULL, report_action);
  gtk_widget_class_install_action (widget_class, "seminars.export-certificates", NULL, report_action);
  gtk_widget_class_install_action (widget_class, "seminars.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "seminars.back", NULL, back_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "seminars.new", NULL);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
pa_seminars_view_init (PaSeminarsView *self)
{
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_menu_button_set_menu_model (self->menu_button, pa_ui_get_primary_menu ());
  g_signal_connect (self, "map", G_CALLBACK (map_cb), NULL);

  self->sessions = g_ptr_array_new_with_free_func ((GDestroyNotify) pa_seminar_session_free);
  self->participants = g_ptr_array_new_with_free_func (g_object_unref);
  self->modules = g_ptr_array_new_with_free_func ((GDestroyNotify) pa_module_free);
  self->cells = g_ptr_array_new ();
  self->participant_rows = g_ptr_array_new ();
  self->session_rows = g_ptr_array_new ();
  self->matches = g_ptr_array_new_with_free_func (g_object_unref);

  self->themes = gtk_string_list_new (NULL);
  self->theme_codes = g_ptr_array_new_with_free_func (g_free);
  gtk_string_list_append (self->themes, _("Not set"));
  g_ptr_array_add (self->theme_codes, g_strdup (""));
  for (guint i = 0; i < G_N_ELEMENTS (theme_codes); i++)
    {
      gtk_string_list_append (self->themes, pa_module_theme_label (theme_codes[i]));
      g_ptr_array_add (self->theme_codes, g_strdup (theme_codes[i]));
    }
  adw_combo_row_set_model (self->theme_row, G_LIST_MODEL (self->themes));
  g_signal_connect_swapped (self->theme_row, "notify::selected", G_CALLBACK (theme_changed_cb), self);

  for (GtkWidget *row = GTK_WIDGET (self->title_row); row != NULL;
       row = row == GTK_WIDGET (self->title_row) ? GTK_WIDGET (self->location_row)
           : row == GTK_WIDGET (self->location_row) ? GTK_WIDGET (self->start_row)
           : row == GTK_WIDGET (self->start_row) ? GTK_WIDGET (self->end_row) : NULL)
    {
      GtkEventController *focus = gtk_event_controller_focus_new ();
      g_signal_connect (focus, "leave", G_CALLBACK (field_focus_leave_cb), self);
      gtk_widget_add_controller (row, focus);
    }

  gtk_widget_set_parent (GTK_WIDGET (self->match_popover), GTK_WIDGET (self->add_participant_row));
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (participant_key_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->add_participant_row), keys);

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (grid_key_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->attendance_grid), keys);

  {
    g_autoptr (GMenu) menu = g_menu_new ();

    g_menu_append (menu, _("Print _Attendance Sheet…"), "seminars.print-attendance");
    g_menu_append (menu, _("Print _Certificates…"), "seminars.print-certificates");
    g_menu_append (menu, _("_Export Attendance Sheet as PDF…"), "seminars.export-attendance");
    g_menu_append (menu, _("E_xport Certificates as PDF…"), "seminars.export-certificates");
    gtk_menu_button_set_menu_model (self->print_button, G_MENU_MODEL (menu));
  }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "seminars.cancel", FALSE);
  show_seminar (self, 0);
}

GtkWidget *
pa_seminars_view_new (void)
{
  return g_object_new (PA_TYPE_SEMINARS_VIEW, NULL);
}

void
pa_seminars_view_set_store (PaSeminarsView *self,
                            PaStore        *store)
{
  g_return_if_fail (PA_IS_SEMINARS_VIEW (self));

  if (self->store == store)
    return;
  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_set_object (&self->store, store);
  g_clear_pointer (&self->seminar, pa_seminar_free);
  if (store != NULL)
    self->changed_id = g_signal_connect (store, "case-changed", G_CALLBACK (case_changed_cb), self);
  reload (self);
}

/* The seminar shown, or 0. */
gint64
pa_seminars_view_get_seminar_id (PaSeminarsView *self)
{
  g_return_val_if_fail (PA_IS_SEMINARS_VIEW (self), 0);
  return seminar_id (self);
}

void
pa_seminars_view_show_seminar (PaSeminarsView *self,
                               gint64          id)
{
  g_return_if_fail (PA_IS_SEMINARS_VIEW (self));
  g_clear_pointer (&self->seminar, pa_seminar_free);
  self->seminar = pa_seminar_new ();
  self->seminar->id = id;
  reload (self);
}

/* The attendance box of a participant at a session, or NULL. */
GtkWidget *
pa_seminars_view_get_attendance_cell (PaSeminarsView *self,
                                      gint64          case_id,
                                      gint64          session_id)
{
  g_return_val_if_fail (PA_IS_SEMINARS_VIEW (self), NULL);

  for (guint i = 0; i < self->cells->len; i++)
    {
      GObject *cell = g_ptr_array_index (self->cells, i);

      if (GPOINTER_TO_INT (g_object_get_data (cell, "case-id")) == case_id &&
          GPOINTER_TO_INT (g_object_get_data (cell, "session-id")) == session_id)
        return GTK_WIDGET (cell);
    }
  return NULL;
}

/* Writes the attendance sheet (or the certificates) of the seminar shown to
 * @path, as the Export buttons do, with the same progress and cancellation. */
void
pa_seminars_view_export (PaSeminarsView *self,
                         gboolean        certificates,
                         const char     *path)
{
  g_return_if_fail (PA_IS_SEMINARS_VIEW (self));
  g_return_if_fail (path != NULL);
  start_job (self, certificates, FALSE, path);
}

/* Whether an export or print is being prepared. */
gboolean
pa_seminars_view_is_busy (PaSeminarsView *self)
{
  g_return_val_if_fail (PA_IS_SEMINARS_VIEW (self), FALSE);
  return self->operation != NULL;
}
