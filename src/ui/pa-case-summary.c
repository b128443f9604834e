/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "passerelle"

#include "config.h"

#include <glib/gi18n.h>

#include "pa-case-summary.h"
#include "pa-iso-codes.h"
#include "pa-store-cases.h"
#include "pa-ui-utils.h"

/* The first page of a case: who the participant is. The names are edited in
 * place and saved by the rows themselves; a value the store refuses stays in
 * its row, marked, with the reason under it. Only fields that hold a value
 * are shown. */
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
  AdwActionRow *origin_row;
  AdwActionRow *birth_row;
  AdwActionRow *gender_row;
  AdwActionRow *arrival_row;
  AdwActionRow *contact_row;
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

static const char *
gender_label (const char *gender)
{
  if (g_strcmp0 (gender, "female") == 0)
    return C_("gender", "Female");
  if (g_strcmp0 (gender, "male") == 0)
    return C_("gender", "Male");
  if (g_strcmp0 (gender, "other") == 0)
    return C_("gender", "Other");
  return gender;
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
update_rows (PaCaseSummary *self)
{
  g_autofree char *birth = NULL;
  g_autofree char *arrival = NULL;
  g_autofree char *created = NULL;
  g_autofree char *updated = NULL;
  PaCase *kase = self->kase;

  if (pa_case_get_birth_year (kase) > 0)
    birth = g_strdup_printf ("%d", pa_case_get_birth_year (kase));
  if (pa_case_get_arrival_date (kase) != NULL)
    {
      g_autofree char *midnight = g_strconcat (pa_case_get_arrival_date (kase), "T12:00:00Z", NULL);
      arrival = pa_ui_format_date (midnight);
    }
  created = pa_ui_format_date (pa_case_get_created_at (kase));
  updated = pa_ui_format_date (pa_case_get_updated_at (kase));

  set_property_row (self->code_row, pa_case_get_code (kase));
  set_property_row (self->origin_row, pa_iso_country_name (pa_case_get_origin_country (kase)));
  set_property_row (self->birth_row, birth);
  set_property_row (self->gender_row, gender_label (pa_case_get_gender (kase)));
  set_property_row (self->arrival_row, arrival);
  set_property_row (self->contact_row, pa_case_get_contact (kase));
  set_property_row (self->created_row, created);
  set_property_row (self->updated_row, updated);
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
  gtk_widget_class_bind_template_child (widget_class, PaCaseSummary, origin_row);
  gtk_widget_class_bind_template_child (widget_class, PaCaseSummary, birth_row);
  gtk_widget_class_bind_template_child (widget_class, PaCaseSummary, gender_row);
  gtk_widget_class_bind_template_child (widget_class, PaCaseSummary, arrival_row);
  gtk_widget_class_bind_template_child (widget_class, PaCaseSummary, contact_row);
  gtk_widget_class_bind_template_child (widget_class, PaCaseSummary, created_row);
  gtk_widget_class_bind_template_child (widget_class, PaCaseSummary, updated_row);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
pa_case_summary_init (PaCaseSummary *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  watch_row (self, self->given_row);
  watch_row (self, self->family_row);
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
      update_rows (self);
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
  gboolean ok;

  g_return_val_if_fail (PA_IS_CASE_SUMMARY (self), FALSE);

  ok = save_row (self, self->given_row);
  return save_row (self, self->family_row) && ok;
}

void
pa_case_summary_focus_name (PaCaseSummary *self)
{
  g_return_if_fail (PA_IS_CASE_SUMMARY (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->given_row));
}
