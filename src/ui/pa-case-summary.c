/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "passerelle"

#include "config.h"

#include <glib/gi18n.h>

#include "pa-case-summary.h"
#include "pa-edit-rows.h"
#include "pa-iso-codes.h"
#include "pa-store-cases.h"
#include "pa-store-records.h"
#include "pa-ui-utils.h"

/* The first page of a case: who the participant is. Names and identity are
 * edited in place and saved by the rows themselves; a value the store refuses
 * stays in its row, marked, with the reason under its group. The languages
 * spoken lead to the Languages section; consents are recorded with their date
 * and scope, and withdrawn (undoable). */
struct _PaCaseSummary
{
  GtkWidget parent_instance;

  PaStore *store;
  PaCase *kase;

  GtkLabel *title_label;
  GtkLabel *progress_label;
  AdwEntryRow *given_row;
  AdwEntryRow *family_row;
  GtkWidget *name_error_box;
  GtkWidget *name_error_label;
  AdwActionRow *code_row;
  AdwPreferencesGroup *identity_group;
  GtkWidget *origin_row;
  AdwEntryRow *birth_row;
  GtkWidget *gender_row;
  AdwEntryRow *arrival_row;
  AdwEntryRow *contact_row;
  GtkWidget *identity_error_box;
  GtkWidget *identity_error_label;
  AdwActionRow *languages_row;
  AdwPreferencesGroup *consent_group;
  GtkWidget *consent_button;
  GtkWidget *consent_error_box;
  GtkWidget *consent_error_label;
  GPtrArray *consent_rows;
  AdwActionRow *created_row;
  AdwActionRow *updated_row;
};

G_DEFINE_FINAL_TYPE (PaCaseSummary, pa_case_summary, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_CASE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
stored_value (PaCaseSummary *self,
              AdwEntryRow   *row)
{
  if (self->kase == NULL)
    return "";
  return row == self->given_row ? pa_case_get_given_name (self->kase)
                                : pa_case_get_family_name (self->kase);
}

static char *
row_value (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

/* Whether the row holds an edit that is not stored yet. */
static gboolean
row_is_dirty (PaCaseSummary *self,
              AdwEntryRow   *row)
{
  g_autofree char *value = row_value (row);

  return g_strcmp0 (value, stored_value (self, row)) != 0;
}

static void
set_property_row (AdwActionRow *row,
                  const char   *value)
{
  gboolean has_value = value != NULL && *value != '\0';

  adw_action_row_set_subtitle (row, has_value ? value : "");
  gtk_widget_set_visible (GTK_WIDGET (row), has_value);
}

static void
update_header (PaCaseSummary *self)
{
  g_autofree char *name = pa_case_dup_display_name (self->kase);
  g_autofree char *progress = NULL;

  gtk_label_set_text (self->title_label, name);
  /* Only say something about competences once there are some. */
  if (pa_case_get_n_claims (self->kase) > 0)
    progress = pa_ui_stage_summary (pa_case_get_n_claims (self->kase),
                                    pa_case_get_n_certified (self->kase));
  gtk_label_set_text (self->progress_label, progress ? progress : "");
  gtk_widget_set_visible (GTK_WIDGET (self->progress_label), progress != NULL);
}

static void
update_rows (PaCaseSummary *self,
             gboolean       same)
{
  g_autofree char *birth = NULL;
  g_autofree char *created = NULL;
  g_autofree char *updated = NULL;
  PaCase *kase = self->kase;
  void (*set_entry) (AdwEntryRow *, const char *) = same ? pa_edit_entry_set_stored
                                                         : pa_edit_entry_reset;

  if (pa_case_get_birth_year (kase) > 0)
    birth = g_strdup_printf ("%d", pa_case_get_birth_year (kase));
  created = pa_ui_format_date (pa_case_get_created_at (kase));
  updated = pa_ui_format_date (pa_case_get_updated_at (kase));

  set_property_row (self->code_row, pa_case_get_code (kase));
  pa_edit_combo_set_code (self->origin_row, pa_case_get_origin_country (kase));
  set_entry (self->birth_row, birth);
  pa_edit_combo_set_code (self->gender_row, pa_case_get_gender (kase));
  set_entry (self->arrival_row, pa_case_get_arrival_date (kase));
  set_entry (self->contact_row, pa_case_get_contact (kase));
  set_property_row (self->created_row, created);
  set_property_row (self->updated_row, updated);
  if (!same)
    {
      GtkWidget *rows[] = { self->origin_row, GTK_WIDGET (self->birth_row),
                            self->gender_row, GTK_WIDGET (self->arrival_row),
                            GTK_WIDGET (self->contact_row) };
      for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
        pa_ui_set_row_error (rows[i], self->identity_error_box, self->identity_error_label, NULL);
    }
}

static void
set_row_text (AdwEntryRow *row,
              const char  *text)
{
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static void
show_name_error (PaCaseSummary *self,
                 AdwEntryRow   *row,
                 const char    *message)
{
  AdwEntryRow *other = row == self->given_row ? self->family_row : self->given_row;

  if (message == NULL)
    gtk_widget_remove_css_class (GTK_WIDGET (other), "error");
  pa_ui_set_row_error (GTK_WIDGET (row), self->name_error_box, self->name_error_label, message);
}

static gboolean
save_row (PaCaseSummary *self,
          AdwEntryRow   *row)
{
  g_autoptr (PaCase) fresh = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *value = NULL;
  gint64 id;

  if (self->store == NULL || self->kase == NULL)
    return TRUE;
  if (!row_is_dirty (self, row))
    {
      /* Only spaces were added: show the value as it is stored. */
      set_row_text (row, stored_value (self, row));
      return TRUE;
    }

  value = row_value (row);
  id = pa_case_get_id (self->kase);
  fresh = pa_store_case_get (self->store, id, &error);
  if (fresh != NULL)
    {
      if (row == self->given_row)
        pa_case_set_given_name (fresh, value);
      else
        pa_case_set_family_name (fresh, value);
      if (!pa_store_case_update (self->store, fresh, &error))
        g_clear_object (&fresh);
    }
  if (fresh == NULL)
    {
      show_name_error (self, row, error->message);
      return FALSE;
    }

  show_name_error (self, row, NULL);
  /* The store told its lists already; this keeps a summary that is shown
   * outside a window in step too. */
  if (self->kase != NULL && pa_case_get_id (self->kase) == id)
    {
      g_autoptr (PaCase) stored = pa_store_case_get (self->store, id, NULL);
      if (stored != NULL)
        pa_case_summary_set_case (self, stored);
    }
  set_row_text (row, value);
  return TRUE;
}

static void
row_apply_cb (AdwEntryRow   *row,
              PaCaseSummary *self)
{
  save_row (self, row);
}

static void
row_focus_leave_cb (GtkEventControllerFocus *controller,
                    PaCaseSummary           *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  if (gtk_widget_get_root (GTK_WIDGET (self)) == NULL)
    return;
  save_row (self, ADW_ENTRY_ROW (row));
}

static void
watch_row (PaCaseSummary *self,
           AdwEntryRow   *row)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_signal_connect_object (row, "apply", G_CALLBACK (row_apply_cb), self, 0);
  g_signal_connect_object (focus, "leave", G_CALLBACK (row_focus_leave_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (row), focus);
}

/* Saves the identity field that @row edits; a refused value stays in the row,
 * marked, with the reason under the group, and nothing is stored. */
static void
identity_changed_cb (GtkWidget *row,
                     gpointer   data)
{
  PaCaseSummary *self = data;
  g_autoptr (PaCase) fresh = NULL;
  g_autoptr (GError) error = NULL;
  const char *field = pa_edit_get_field (row);
  gint64 id;

  if (self->store == NULL || self->kase == NULL)
    return;
  id = pa_case_get_id (self->kase);
  fresh = pa_store_case_get (self->store, id, &error);
  if (fresh != NULL)
    {
      g_autofree char *text = ADW_IS_ENTRY_ROW (row) ? pa_edit_entry_get_value (ADW_ENTRY_ROW (row))
                                                      : NULL;
      gboolean ok = TRUE;

      if (g_str_equal (field, "origin"))
        pa_case_set_origin_country (fresh, pa_edit_combo_get_code (row));
      else if (g_str_equal (field, "gender"))
        pa_case_set_gender (fresh, pa_edit_combo_get_code (row));
      else if (g_str_equal (field, "birth"))
        {
          gint64 year = 0;

          if (text != NULL && (!g_ascii_string_to_signed (text, 10, 1, 9999, &year, NULL)))
            {
              g_set_error (&error, PA_STORE_ERROR, PA_STORE_ERROR_INVALID,
                           _("“%s” is not a year: write it with four digits, e.g. 1990."), text);
              ok = FALSE;
            }
          pa_case_set_birth_year (fresh, (int) year);
        }
      else if (g_str_equal (field, "arrival"))
        pa_case_set_arrival_date (fresh, text);
      else if (g_str_equal (field, "contact"))
        pa_case_set_contact (fresh, text);
      if (!ok || !pa_store_case_update (self->store, fresh, &error))
        g_clear_object (&fresh);
    }
  if (fresh == NULL)
    {
      pa_ui_set_row_error (row, self->identity_error_box, self->identity_error_label,
                           error->message);
      return;
    }
  pa_ui_set_row_error (row, self->identity_error_box, self->identity_error_label, NULL);
  if (self->kase != NULL && pa_case_get_id (self->kase) == id)
    {
      g_autoptr (PaCase) stored = pa_store_case_get (self->store, id, NULL);
      if (stored != NULL)
        pa_case_summary_set_case (self, stored);
    }
}

static char *
today (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

static char *
format_day (const char *day)
{
  g_autofree char *noon = g_strconcat (day, "T12:00:00Z", NULL);

  return pa_ui_format_date (noon);
}

static void
set_consent_withdrawn (PaCaseSummary *self,
                       gint64         id,
                       const char    *withdrawn_on)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PaConsent) consent = pa_store_consent_get (self->store, id, &error);

  if (consent != NULL)
    {
      g_free (consent->withdrawn_on);
      consent->withdrawn_on = g_strdup (withdrawn_on);
      if (pa_store_consent_update (self->store, consent, &error))
        {
          gtk_widget_set_visible (self->consent_error_box, FALSE);
          return;
        }
    }
  gtk_label_set_text (GTK_LABEL (self->consent_error_label), error->message);
  gtk_widget_set_visible (self->consent_error_box, TRUE);
}

static void
undo_withdraw_cb (AdwToast      *toast,
                  PaCaseSummary *self)
{
  gint64 *id = g_object_get_data (G_OBJECT (toast), "consent-id");

  if (self->store != NULL)
    set_consent_withdrawn (self, *id, NULL);
}

static void
withdraw_clicked_cb (GtkButton     *button,
                     PaCaseSummary *self)
{
  gint64 id = pa_edit_get_record (GTK_WIDGET (button));
  g_autofree char *day = today ();
  gint64 *boxed = g_new (gint64, 1);
  GtkWidget *overlay;
  AdwToast *toast;

  set_consent_withdrawn (self, id, day);
  if (gtk_widget_get_visible (self->consent_error_box))
    return;
  toast = adw_toast_new (_("Consent withdrawn"));
  *boxed = id;
  g_object_set_data_full (G_OBJECT (toast), "consent-id", boxed, g_free);
  adw_toast_set_button_label (toast, _("_Undo"));
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_withdraw_cb), self, 0);
  overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

static void
clear_consent_rows (PaCaseSummary *self)
{
  for (guint i = 0; i < self->consent_rows->len; i++)
    adw_preferences_group_remove (self->consent_group, g_ptr_array_index (self->consent_rows, i));
  g_ptr_array_set_size (self->consent_rows, 0);
}

static void
add_consent_row (PaCaseSummary *self,
                 GtkWidget     *row)
{
  adw_preferences_group_add (self->consent_group, row);
  g_ptr_array_add (self->consent_rows, row);
}

static void
update_consents (PaCaseSummary *self)
{
  g_autoptr (GPtrArray) consents = NULL;
  g_autoptr (GError) error = NULL;

  clear_consent_rows (self);
  consents = pa_store_consent_list (self->store, pa_case_get_id (self->kase), &error);
  if (consents == NULL)
    {
      gtk_label_set_text (GTK_LABEL (self->consent_error_label), error->message);
      gtk_widget_set_visible (self->consent_error_box, TRUE);
      return;
    }
  if (consents->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No consent recorded yet"));
      gtk_widget_add_css_class (row, "dim-label");
      add_consent_row (self, row);
    }
  for (guint i = 0; i < consents->len; i++)
    {
      PaConsent *consent = g_ptr_array_index (consents, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *given = format_day (consent->given_on);
      g_autofree char *subtitle = NULL;
      GtkWidget *icon;

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     pa_record_value_label ("consent.scope", consent->scope));
      if (consent->withdrawn_on != NULL)
        {
          g_autofree char *withdrawn = format_day (consent->withdrawn_on);
          /* Translators: a consent: "Given on 3 March 2026, withdrawn on 5 May 2026" */
          subtitle = g_strdup_printf (_("Given on %s, withdrawn on %s"), given, withdrawn);
          icon = gtk_image_new_from_icon_name ("action-unavailable-symbolic");
        }
      else
        {
          GtkWidget *button = gtk_button_new_with_mnemonic (_("_Withdraw"));

          subtitle = g_strdup_printf (_("Given on %s"), given);
          icon = gtk_image_new_from_icon_name ("emblem-ok-symbolic");
          gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
          pa_edit_set_record (button, consent->id, "withdrawn_on");
          gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                          GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                          pa_record_value_label ("consent.scope", consent->scope),
                                          -1);
          g_signal_connect_object (button, "clicked", G_CALLBACK (withdraw_clicked_cb), self, 0);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
        }
      if (consent->note != NULL && *consent->note != '\0')
        {
          g_autofree char *with_note = g_strdup_printf ("%s — %s", subtitle, consent->note);
          g_free (subtitle);
          subtitle = g_steal_pointer (&with_note);
        }
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      consent->withdrawn_on ? _("Withdrawn") : _("Holds"), -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      add_consent_row (self, row);
    }
}

static void
update_languages (PaCaseSummary *self)
{
  g_autoptr (GPtrArray) languages = NULL;
  g_autoptr (GString) names = g_string_new (NULL);
  g_autoptr (GError) error = NULL;

  languages = pa_store_language_list (self->store, pa_case_get_id (self->kase), &error);
  if (languages == NULL)
    {
      adw_action_row_set_subtitle (self->languages_row, error->message);
      return;
    }
  for (guint i = 0; i < languages->len; i++)
    {
      PaCaseLanguage *language = g_ptr_array_index (languages, i);

      if (names->len > 0)
        g_string_append (names, _(", "));
      g_string_append (names, pa_iso_language_name (language->language));
      if (language->mother_tongue)
        /* Translators: after a language's name */
        g_string_append (names, _(" (mother tongue)"));
    }
  adw_action_row_set_subtitle (self->languages_row,
                               names->len > 0 ? names->str : _("None recorded yet"));
}

static void
consent_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     PaCaseSummary    *self)
{
  GtkWidget *scope_row = g_object_get_data (G_OBJECT (dialog), "scope-row");
  AdwEntryRow *date_row = g_object_get_data (G_OBJECT (dialog), "date-row");
  AdwEntryRow *note_row = g_object_get_data (G_OBJECT (dialog), "note-row");
  g_autoptr (PaConsent) consent = NULL;
  g_autoptr (GError) error = NULL;

  if (!g_str_equal (response, "record") || self->store == NULL || self->kase == NULL)
    return;
  consent = pa_consent_new ();
  consent->case_id = pa_case_get_id (self->kase);
  pa_edit_set_str (&consent->scope, pa_edit_combo_get_code (scope_row));
  g_free (consent->given_on);
  consent->given_on = pa_edit_entry_get_value (date_row);
  g_free (consent->note);
  consent->note = pa_edit_entry_get_value (note_row);
  if (!pa_store_consent_add (self->store, consent, &error))
    {
      gtk_label_set_text (GTK_LABEL (self->consent_error_label), error->message);
      gtk_widget_set_visible (self->consent_error_box, TRUE);
      return;
    }
  gtk_widget_set_visible (self->consent_error_box, FALSE);
  update_consents (self);
}

static void
record_consent_cb (PaCaseSummary *self)
{
  GtkWidget *dialog;
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *scope_row;
  AdwEntryRow *date_row;
  AdwEntryRow *note_row;
  g_autofree char *day = today ();

  if (self->kase == NULL)
    return;
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   _("Record Consent"),
                                   _("Record what the participant agreed to after it was "
                                     "explained in a language they understand."));
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  scope_row = pa_edit_value_row_new (_("_Scope"), "consent.scope", NULL, NULL, NULL);
  date_row = pa_edit_entry_row_new (_("_Given on (YYYY-MM-DD)"), NULL, NULL);
  adw_entry_row_set_show_apply_button (date_row, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (date_row), day);
  note_row = pa_edit_entry_row_new (_("_Note"), NULL, NULL);
  adw_entry_row_set_show_apply_button (note_row, FALSE);
  gtk_list_box_append (GTK_LIST_BOX (list), scope_row);
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (date_row));
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (note_row));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);
  g_object_set_data (G_OBJECT (dialog), "scope-row", scope_row);
  g_object_set_data (G_OBJECT (dialog), "date-row", date_row);
  g_object_set_data (G_OBJECT (dialog), "note-row", note_row);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "record", _("_Record"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "record",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "record");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (consent_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
pa_case_summary_dispose (GObject *object)
{
  PaCaseSummary *self = (PaCaseSummary *) object;

  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), PA_TYPE_CASE_SUMMARY);
  /* The template's root is not bound to a field: unparent it here. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->kase);
  g_clear_object (&self->store);
  g_clear_pointer (&self->consent_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (pa_case_summary_parent_class)->dispose (object);
}

static void
pa_case_summary_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  PaCaseSummary *self = PA_CASE_SUMMARY (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_CASE:
      g_value_set_object (value, self->kase);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pa_case_summary_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  PaCaseSummary *self = PA_CASE_SUMMARY (object);

  switch (prop_id)
    {
    case PROP_STORE:
      pa_case_summary_set_store (self, g_value_get_object (value));
      break;
    case PROP_CASE:
      pa_case_summary_set_case (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pa_case_summary_class_init (PaCaseSummaryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pa_case_summary_dispose;
  object_class->get_property = pa_case_summary_get_property;
  object_class->set_property = pa_case_summary_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, PA_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CASE] =
    g_param_spec_object ("case", NULL, NULL, PA_TYPE_CASE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/passerelle/Passerelle/pa-case-summary.ui");
  gtk_widget_class_bind_template_child (widget_class, PaCaseSummary, title_label);
  gtk_widget_class_bind_template_child (widget_class, PaCaseSummary, progress_label);
  gtk_widget_class_bind_template_child (widget_class, PaCaseSummary, given_row);
  gtk_widget_class_bind_template_child (widget_class, PaCaseSummary, family_row);
  gtk_widget_class_bind_template_child (widget_class, PaCaseSummary, name_error_box);
  gtk_widget_class_bind_template_child (widget_class, PaCaseSummary, name_error_label);
  gtk_widget_class_bind_template_child (widget_class, PaCaseSummary, code_row);
  gtk_widget_class_bind_template_child (widget_class, PaCaseSummary, identity_group);
  gtk_widget_class_bind_template_child (widget_class, PaCaseSummary, languages_row);
  gtk_widget_class_bind_template_child (widget_class, PaCaseSummary, consent_group);
  gtk_widget_class_bind_template_child (widget_class, PaCaseSummary, consent_button);
  gtk_widget_class_bind_template_callback (widget_class, record_consent_cb);
  gtk_widget_class_bind_template_child (widget_class, PaCaseSummary, created_row);
  gtk_widget_class_bind_template_child (widget_class, PaCaseSummary, updated_row);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
pa_case_summary_init (PaCaseSummary *self)
{
  static const char *const gender_codes[] = { "", "female", "male", "other", NULL };
  const char *gender_labels[] = {
    C_("gender", "Not said"), C_("gender", "Female"), C_("gender", "Male"),
    C_("gender", "Other"), NULL
  };
  GtkWidget *box;

  gtk_widget_init_template (GTK_WIDGET (self));
  watch_row (self, self->given_row);
  watch_row (self, self->family_row);
  self->consent_rows = g_ptr_array_new ();

  self->origin_row = pa_edit_country_row_new (_("Country of _origin"), identity_changed_cb, self);
  pa_edit_set_record (self->origin_row, 0, "origin");
  self->birth_row = pa_edit_entry_row_new (_("Year of _birth"), identity_changed_cb, self);
  adw_entry_row_set_input_purpose (self->birth_row, GTK_INPUT_PURPOSE_DIGITS);
  pa_edit_set_record (GTK_WIDGET (self->birth_row), 0, "birth");
  self->gender_row = pa_edit_combo_row_new (_("G_ender"), gender_codes, gender_labels, FALSE,
                                            identity_changed_cb, self);
  pa_edit_set_record (self->gender_row, 0, "gender");
  self->arrival_row = pa_edit_entry_row_new (_("_Arrival date (YYYY-MM-DD)"),
                                             identity_changed_cb, self);
  pa_edit_set_record (GTK_WIDGET (self->arrival_row), 0, "arrival");
  self->contact_row = pa_edit_entry_row_new (_("_Contact"), identity_changed_cb, self);
  pa_edit_set_record (GTK_WIDGET (self->contact_row), 0, "contact");
  adw_preferences_group_add (self->identity_group, self->origin_row);
  adw_preferences_group_add (self->identity_group, GTK_WIDGET (self->birth_row));
  adw_preferences_group_add (self->identity_group, self->gender_row);
  adw_preferences_group_add (self->identity_group, GTK_WIDGET (self->arrival_row));
  adw_preferences_group_add (self->identity_group, GTK_WIDGET (self->contact_row));

  box = gtk_widget_get_parent (GTK_WIDGET (self->identity_group));
  self->identity_error_box = pa_edit_error_box_new (&self->identity_error_label);
  gtk_box_append (GTK_BOX (box), self->identity_error_box);
  box = gtk_widget_get_parent (GTK_WIDGET (self->consent_group));
  self->consent_error_box = pa_edit_error_box_new (&self->consent_error_label);
  gtk_box_append (GTK_BOX (box), self->consent_error_box);
}

GtkWidget *
pa_case_summary_new (void)
{
  return g_object_new (PA_TYPE_CASE_SUMMARY, NULL);
}

PaStore *
pa_case_summary_get_store (PaCaseSummary *self)
{
  g_return_val_if_fail (PA_IS_CASE_SUMMARY (self), NULL);
  return self->store;
}

void
pa_case_summary_set_store (PaCaseSummary *self,
                           PaStore       *store)
{
  g_return_if_fail (PA_IS_CASE_SUMMARY (self));
  g_return_if_fail (store == NULL || PA_IS_STORE (store));

  if (g_set_object (&self->store, store))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

PaCase *
pa_case_summary_get_case (PaCaseSummary *self)
{
  g_return_val_if_fail (PA_IS_CASE_SUMMARY (self), NULL);
  return self->kase;
}

/**
 * pa_case_summary_set_case:
 * @kase: (nullable): the case to show
 *
 * Shows @kase. When it is a newer copy of the case already shown, a name
 * being edited keeps its edit; another case replaces any unsaved edit (call
 * pa_case_summary_save() first to keep it).
 */
void
pa_case_summary_set_case (PaCaseSummary *self,
                          PaCase        *kase)
{
  g_autoptr (PaCase) old = NULL;
  gboolean same;

  g_return_if_fail (PA_IS_CASE_SUMMARY (self));
  g_return_if_fail (kase == NULL || PA_IS_CASE (kase));

  if (kase == self->kase)
    return;
  old = g_steal_pointer (&self->kase);
  same = old != NULL && kase != NULL && pa_case_get_id (old) == pa_case_get_id (kase);
  self->kase = kase ? g_object_ref (kase) : NULL;

  if (kase != NULL)
    {
      AdwEntryRow *rows[] = { self->given_row, self->family_row };

      for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
        {
          g_autofree char *current = row_value (rows[i]);
          const char *before = old == NULL ? "" :
                               rows[i] == self->given_row ? pa_case_get_given_name (old)
                                                          : pa_case_get_family_name (old);
          if (!same || g_strcmp0 (current, before) == 0)
            set_row_text (rows[i], stored_value (self, rows[i]));
        }
      if (!same)
        {
          show_name_error (self, self->given_row, NULL);
          show_name_error (self, self->family_row, NULL);
        }
      update_header (self);
      update_rows (self, same);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CASE]);
}

/**
 * pa_case_summary_save:
 *
 * Stores the names being edited, if any.
 * Returns: %FALSE when the store refused one (the row then shows why).
 */
gboolean
pa_case_summary_save (PaCaseSummary *self)
{
  AdwEntryRow *rows[] = { self->birth_row, self->arrival_row, self->contact_row };
  gboolean ok;

  g_return_val_if_fail (PA_IS_CASE_SUMMARY (self), FALSE);

  ok = save_row (self, self->given_row);
  ok = save_row (self, self->family_row) && ok;
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    if (pa_edit_entry_is_dirty (rows[i]))
      {
        identity_changed_cb (GTK_WIDGET (rows[i]), self);
        ok = ok && !gtk_widget_has_css_class (GTK_WIDGET (rows[i]), "error");
      }
  return ok;
}

/**
 * pa_case_summary_reload_records:
 *
 * Reads the case's consents and languages again.
 */
void
pa_case_summary_reload_records (PaCaseSummary *self)
{
  g_return_if_fail (PA_IS_CASE_SUMMARY (self));

  if (self->store == NULL || self->kase == NULL)
    return;
  update_consents (self);
  update_languages (self);
}

void
pa_case_summary_focus_name (PaCaseSummary *self)
{
  g_return_if_fail (PA_IS_CASE_SUMMARY (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->given_row));
}
