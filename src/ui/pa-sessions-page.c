/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "passerelle"

#include "config.h"

#include <glib/gi18n.h>

#include "pa-edit-rows.h"
#include "pa-sessions-page.h"
#include "pa-store-records.h"
#include "pa-ui-utils.h"

/* The Sessions section of a case: the notes of each meeting with the
 * participant, newest first, edited in place and saved as they change; a
 * session removed comes back with Undo. Under them, the seminar sessions the
 * participant attended, as the seminars record them. */

typedef struct
{
  gint64 id;
  GtkWidget *expander;
  GtkWidget *date_row;
  GtkWidget *kind_row;
  GtkWidget *duration_row;
  GtkWidget *notes_view;
} Record;

struct _PaSessionsPage
{
  PaCasePage parent_instance;

  GtkBox *records_box;
  AdwPreferencesGroup *head_group;
  GtkWidget *add_button;
  GtkWidget *list_group;
  GtkWidget *error_box;
  GtkWidget *error_label;
  GtkWidget *empty_row;
  GtkWidget *seminar_group;
  GPtrArray *seminar_rows;

  GPtrArray *records;
  gint64 focus_id;
};

G_DEFINE_FINAL_TYPE (PaSessionsPage, pa_sessions_page, PA_TYPE_CASE_PAGE)

static Record *
record_of (PaSessionsPage *self,
           gint64          id)
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
notes_text (Record *record)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (record->notes_view));
  GtkTextIter start, end;
  char *text;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
  if (*text == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

static gboolean
notes_dirty (Record *record)
{
  g_autofree char *text = notes_text (record);
  const char *stored = g_object_get_data (G_OBJECT (record->notes_view), "pa-stored");

  return g_strcmp0 (text, stored) != 0;
}

static void
update_record (Record        *record,
               PaCaseSession *session,
               gboolean       fresh)
{
  void (*set_entry) (AdwEntryRow *, const char *) = fresh ? pa_edit_entry_reset
                                                          : pa_edit_entry_set_stored;
  g_autofree char *day = pa_edit_format_day (session->held_on);
  g_autofree char *title = NULL;
  g_autofree char *duration = session->duration_minutes > 0
                              ? g_strdup_printf ("%d", session->duration_minutes) : NULL;
  g_autofree char *first_line = NULL;

  /* Translators: a session's title: its date and kind, e.g. "3 March 2026 — Mentoring" */
  title = g_strdup_printf (_("%s — %s"), day,
                           pa_record_value_label ("session.kind", session->kind));
  if (session->notes != NULL)
    first_line = g_strndup (session->notes, strcspn (session->notes, "\n"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (record->expander), title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (record->expander),
                                 first_line ? first_line : _("No notes yet"));
  set_entry (ADW_ENTRY_ROW (record->date_row), session->held_on);
  pa_edit_combo_set_code (record->kind_row, session->kind);
  set_entry (ADW_ENTRY_ROW (record->duration_row), duration);
  if (fresh || !notes_dirty (record))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (record->notes_view));
      g_autofree char *shown = notes_text (record);

      if (g_strcmp0 (shown, session->notes) != 0)
        gtk_text_buffer_set_text (buffer, session->notes ? session->notes : "", -1);
    }
  g_object_set_data_full (G_OBJECT (record->notes_view), "pa-stored", g_strdup (session->notes),
                          g_free);
}

static void
field_changed_cb (GtkWidget *row,
                  gpointer   data)
{
  PaSessionsPage *self = data;
  PaStore *store = pa_case_page_get_store (PA_CASE_PAGE (self));
  Record *record = record_of (self, pa_edit_get_record (row));
  g_autoptr (PaCaseSession) session = NULL;
  g_autoptr (GError) error = NULL;
  const char *field = pa_edit_get_field (row);
  gboolean ok = TRUE;

  if (store == NULL || record == NULL)
    return;
  session = pa_store_session_get (store, record->id, &error);
  if (session != NULL)
    {
      g_autofree char *text = ADW_IS_ENTRY_ROW (row) ? pa_edit_entry_get_value (ADW_ENTRY_ROW (row))
                                                      : NULL;

      if (g_str_equal (field, "date"))
        pa_edit_set_str (&session->held_on, text);
      else if (g_str_equal (field, "kind"))
        pa_edit_set_str (&session->kind, pa_edit_combo_get_code (row));
      else if (g_str_equal (field, "notes"))
        {
          g_free (session->notes);
          session->notes = notes_text (record);
        }
      else if (g_str_equal (field, "duration"))
        {
          gint64 minutes = 0;

          if (text != NULL && !g_ascii_string_to_signed (text, 10, 1, G_MAXINT, &minutes, NULL))
            {
              g_set_error (&error, PA_STORE_ERROR, PA_STORE_ERROR_INVALID,
                           _("“%s” is not a number of minutes."), text);
              ok = FALSE;
            }
          session->duration_minutes = (int) minutes;
        }
      if (ok && pa_store_session_update (store, session, &error))
        {
          pa_ui_set_row_error (row, self->error_box, self->error_label, NULL);
          return;
        }
    }
  pa_ui_set_row_error (row, self->error_box, self->error_label, error->message);
}

static void
notes_leave_cb (GtkEventControllerFocus *focus,
                PaSessionsPage          *self)
{
  GtkWidget *view = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (focus));
  Record *record = record_of (self, pa_edit_get_record (view));

  if (record != NULL && gtk_widget_get_root (view) != NULL && notes_dirty (record))
    field_changed_cb (view, self);
}

static gboolean
restore_session (PaStore  *store,
                 gpointer  record,
                 GError  **error)
{
  PaCaseSession *session = record;

  session->id = 0;
  return pa_store_session_add (store, session, error);
}

static void
remove_clicked_cb (GtkButton      *button,
                   PaSessionsPage *self)
{
  PaStore *store = pa_case_page_get_store (PA_CASE_PAGE (self));
  gint64 id = pa_edit_get_record (GTK_WIDGET (button));
  g_autoptr (PaCaseSession) session = NULL;
  g_autoptr (GError) error = NULL;

  if (store == NULL)
    return;
  session = pa_store_session_get (store, id, &error);
  if (session == NULL || !pa_store_session_delete (store, id, &error))
    {
      pa_ui_set_row_error (GTK_WIDGET (button), self->error_box, self->error_label,
                           error->message);
      return;
    }
  pa_case_page_offer_undo (PA_CASE_PAGE (self), _("Session removed"), g_steal_pointer (&session),
                           (GDestroyNotify) pa_case_session_free, restore_session);
}

static GtkWidget *
add_row (Record     *record,
         GtkWidget  *row,
         const char *field)
{
  pa_edit_set_record (row, record->id, field);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (record->expander), row);
  return row;
}

static GtkWidget *
notes_row_new (PaSessionsPage *self,
               Record         *record)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *label = gtk_label_new_with_mnemonic (_("N_otes"));
  GtkEventController *focus = gtk_event_controller_focus_new ();

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "caption");
  record->notes_view = gtk_text_view_new ();
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (record->notes_view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (record->notes_view), FALSE);
  gtk_widget_set_size_request (record->notes_view, -1, 96);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (record->notes_view), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (record->notes_view), 6);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (record->notes_view), 6);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (record->notes_view), 6);
  gtk_widget_add_css_class (record->notes_view, "pa-notes");
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), record->notes_view);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (record->notes_view),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
  pa_edit_set_record (record->notes_view, record->id, "notes");
  g_signal_connect_object (focus, "leave", G_CALLBACK (notes_leave_cb), self, 0);
  gtk_widget_add_controller (record->notes_view, focus);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), record->notes_view);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (record->expander), row);
  return row;
}

static Record *
record_new (PaSessionsPage *self,
            PaCaseSession  *session)
{
  Record *record = g_new0 (Record, 1);
  GtkWidget *button = pa_edit_icon_button_new ("user-trash-symbolic", _("Remove this session"));

  record->id = session->id;
  record->expander = adw_expander_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (record->expander), FALSE);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (record->expander), button);
  pa_edit_set_record (button, session->id, NULL);
  g_signal_connect_object (button, "clicked", G_CALLBACK (remove_clicked_cb), self, 0);

  notes_row_new (self, record);
  record->date_row = add_row (record, GTK_WIDGET (pa_edit_entry_row_new (_("_Date (YYYY-MM-DD)"),
                                                                         field_changed_cb, self)),
                              "date");
  record->kind_row = add_row (record, pa_edit_value_row_new (_("_Kind"), "session.kind", NULL,
                                                             field_changed_cb, self), "kind");
  record->duration_row = add_row (record,
                                  GTK_WIDGET (pa_edit_entry_row_new (_("D_uration in minutes"),
                                                                     field_changed_cb, self)),
                                  "duration");
  adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (record->duration_row), GTK_INPUT_PURPOSE_DIGITS);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->list_group), record->expander);
  update_record (record, session, TRUE);
  return record;
}

static void
clear_records (PaSessionsPage *self)
{
  for (guint i = 0; i < self->records->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self->list_group),
                                  ((Record *) g_ptr_array_index (self->records, i))->expander);
  g_ptr_array_set_size (self->records, 0);
}

static int
newest_first (gconstpointer a,
              gconstpointer b)
{
  const PaCaseSession *x = *(const PaCaseSession **) a;
  const PaCaseSession *y = *(const PaCaseSession **) b;
  int by_date = g_strcmp0 (y->held_on, x->held_on);

  if (by_date != 0)
    return by_date;
  return y->id < x->id ? -1 : y->id > x->id;
}

static void
update_seminars (PaSessionsPage *self,
                 PaStore        *store,
                 gint64          case_id)
{
  g_autoptr (GPtrArray) attendance = NULL;
  g_autoptr (GError) error = NULL;
  guint shown = 0;

  for (guint i = 0; i < self->seminar_rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self->seminar_group),
                                  g_ptr_array_index (self->seminar_rows, i));
  g_ptr_array_set_size (self->seminar_rows, 0);
  attendance = pa_store_attendance_list_for_case (store, case_id, &error);
  if (attendance == NULL)
    {
      pa_case_page_toast (PA_CASE_PAGE (self), error->message);
      return;
    }
  for (guint i = attendance->len; i > 0; i--)
    {
      PaAttendance *a = g_ptr_array_index (attendance, i - 1);
      g_autoptr (PaSeminarSession) session = NULL;
      g_autoptr (PaSeminar) seminar = NULL;
      g_autofree char *day = NULL;
      g_autofree char *subtitle = NULL;
      GtkWidget *row;
      GtkWidget *icon;

      session = pa_store_seminar_session_get (store, a->session_id, NULL);
      if (session == NULL)
        continue;
      seminar = pa_store_seminar_get (store, session->seminar_id, NULL);
      day = pa_edit_format_day (session->held_on);
      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     seminar ? seminar->title : _("Seminar"));
      /* Translators: a seminar session: its date, then present or absent */
      subtitle = g_strdup_printf (_("%s · %s%s%s"), day,
                                  a->present ? _("Present") : _("Absent"),
                                  session->topic ? " · " : "",
                                  session->topic ? session->topic : "");
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      icon = gtk_image_new_from_icon_name (a->present ? "emblem-ok-symbolic"
                                                      : "action-unavailable-symbolic");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      a->present ? _("Present") : _("Absent"), -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->seminar_group), row);
      g_ptr_array_add (self->seminar_rows, row);
      shown++;
    }
  gtk_widget_set_visible (self->seminar_group, shown > 0);
}

static void
pa_sessions_page_reload (PaCasePage *page)
{
  PaSessionsPage *self = PA_SESSIONS_PAGE (page);
  PaStore *store = pa_case_page_get_store (page);
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (GError) error = NULL;
  gboolean same;

  if (store == NULL || pa_case_page_get_case (page) == NULL)
    {
      clear_records (self);
      return;
    }
  list = pa_store_session_list (store, pa_case_page_get_case_id (page), &error);
  if (list == NULL)
    {
      pa_case_page_toast (page, error->message);
      return;
    }
  g_ptr_array_sort (list, newest_first);
  same = list->len == self->records->len;
  for (guint i = 0; same && i < list->len; i++)
    same = ((PaCaseSession *) g_ptr_array_index (list, i))->id ==
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
      update_record (g_ptr_array_index (self->records, i), g_ptr_array_index (list, i), FALSE);
  pa_edit_group_show_row (self->head_group, self->empty_row, list->len == 0);
  gtk_widget_set_visible (self->list_group, list->len > 0);
  update_seminars (self, store, pa_case_page_get_case_id (page));

  if (self->focus_id != 0)
    {
      Record *record = record_of (self, self->focus_id);

      self->focus_id = 0;
      if (record != NULL)
        {
          adw_expander_row_set_expanded (ADW_EXPANDER_ROW (record->expander), TRUE);
          gtk_widget_grab_focus (record->notes_view);
        }
    }
}

static void
add_clicked_cb (PaSessionsPage *self)
{
  PaStore *store = pa_case_page_get_store (PA_CASE_PAGE (self));
  g_autoptr (PaCaseSession) session = pa_case_session_new ();
  g_autoptr (GError) error = NULL;

  if (store == NULL || pa_case_page_get_case (PA_CASE_PAGE (self)) == NULL)
    return;
  session->case_id = pa_case_page_get_case_id (PA_CASE_PAGE (self));
  session->held_on = pa_edit_today ();
  if (!pa_store_session_add (store, session, &error))
    {
      pa_case_page_toast (PA_CASE_PAGE (self), error->message);
      return;
    }
  self->focus_id = session->id;
  pa_case_page_queue_reload (PA_CASE_PAGE (self));
}

static gboolean
pa_sessions_page_save (PaCasePage *page)
{
  PaSessionsPage *self = PA_SESSIONS_PAGE (page);
  gboolean ok = TRUE;

  for (guint i = 0; i < self->records->len; i++)
    {
      Record *record = g_ptr_array_index (self->records, i);
      GtkWidget *rows[] = { record->date_row, record->duration_row };

      for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
        if (pa_edit_entry_is_dirty (ADW_ENTRY_ROW (rows[r])))
          {
            field_changed_cb (rows[r], self);
            ok = ok && !gtk_widget_has_css_class (rows[r], "error");
          }
      if (notes_dirty (record))
        field_changed_cb (record->notes_view, self);
    }
  return ok;
}

static void
pa_sessions_page_dispose (GObject *object)
{
  PaSessionsPage *self = PA_SESSIONS_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), PA_TYPE_SESSIONS_PAGE);
  g_clear_object (&self->empty_row);
  g_clear_pointer (&self->records, g_ptr_array_unref);
  g_clear_pointer (&self->seminar_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (pa_sessions_page_parent_class)->dispose (object);
}

static void
pa_sessions_page_class_init (PaSessionsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  PaCasePageClass *page_class = PA_CASE_PAGE_CLASS (klass);

  object_class->dispose = pa_sessions_page_dispose;
  page_class->reload = pa_sessions_page_reload;
  page_class->save = pa_sessions_page_save;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/passerelle/Passerelle/pa-sessions-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PaSessionsPage, records_box);
  gtk_widget_class_bind_template_child (widget_class, PaSessionsPage, head_group);
  gtk_widget_class_bind_template_child (widget_class, PaSessionsPage, add_button);
  gtk_widget_class_bind_template_callback (widget_class, add_clicked_cb);
}

static void
pa_sessions_page_init (PaSessionsPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->records = g_ptr_array_new_with_free_func (g_free);
  self->seminar_rows = g_ptr_array_new ();
  self->list_group = adw_preferences_group_new ();
  self->error_box = pa_edit_error_box_new (&self->error_label);
  gtk_box_append (GTK_BOX (box), self->list_group);
  gtk_box_append (GTK_BOX (box), self->error_box);
  gtk_box_append (self->records_box, box);
  self->seminar_group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->seminar_group),
                                   _("Seminar Sessions Attended"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->seminar_group),
                                         _("As recorded in the seminars."));
  gtk_widget_set_visible (self->seminar_group, FALSE);
  gtk_box_append (self->records_box, self->seminar_group);
  self->empty_row = g_object_ref_sink (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->empty_row),
                                 _("No session recorded yet"));
  gtk_widget_add_css_class (self->empty_row, "dim-label");
}

GtkWidget *
pa_sessions_page_new (void)
{
  return g_object_new (PA_TYPE_SESSIONS_PAGE, NULL);
}
