/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "passerelle"

#include "config.h"

#include <glib/gi18n.h>

#include "pa-case-row.h"
#include "pa-iso-codes.h"
#include "pa-ui-utils.h"

/* One line of the case list: the name, the case code and the country of
 * origin in words (never a flag: nationality is sensitive), and how far the
 * case has come. */
struct _PaCaseRow
{
  GtkWidget parent_instance;

  PaCase *kase;

  GtkLabel *name_label;
  GtkLabel *detail_label;
  GtkLabel *stage_label;
};

G_DEFINE_FINAL_TYPE (PaCaseRow, pa_case_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CASE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update (PaCaseRow *self)
{
  g_autofree char *name = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *stage = NULL;
  const char *country;

  if (self->kase == NULL)
    {
      gtk_label_set_text (self->name_label, "");
      gtk_label_set_text (self->detail_label, "");
      gtk_label_set_text (self->stage_label, "");
      return;
    }

  name = pa_case_dup_display_name (self->kase);
  country = pa_iso_country_name (pa_case_get_origin_country (self->kase));
  if (country != NULL)
    /* Translators: a case code and a country, as in "PA-2025-0003 · Syria". */
    detail = g_strdup_printf (C_("case row", "%s · %s"), pa_case_get_code (self->kase), country);
  else
    detail = g_strdup (pa_case_get_code (self->kase));

  if (pa_case_is_trashed (self->kase))
    {
      g_autofree char *when = pa_ui_format_date (pa_case_get_trashed_at (self->kase));
      /* Translators: %s is a date. */
      stage = g_strdup_printf (_("Moved to the trash on %s"), when);
    }
  else
    stage = pa_ui_stage_summary (pa_case_get_n_claims (self->kase),
                                 pa_case_get_n_certified (self->kase));

  gtk_label_set_text (self->name_label, name);
  gtk_label_set_text (self->detail_label, detail);
  gtk_label_set_text (self->stage_label, stage);
}

static void
pa_case_row_dispose (GObject *object)
{
  PaCaseRow *self = (PaCaseRow *) object;

  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), PA_TYPE_CASE_ROW);
  /* The template's root is not bound to a field: unparent it here. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->kase);

  G_OBJECT_CLASS (pa_case_row_parent_class)->dispose (object);
}

static void
pa_case_row_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  PaCaseRow *self = PA_CASE_ROW (object);

  switch (prop_id)
    {
    case PROP_CASE:
      g_value_set_object (value, self->kase);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pa_case_row_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  PaCaseRow *self = PA_CASE_ROW (object);

  switch (prop_id)
    {
    case PROP_CASE:
      pa_case_row_set_case (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pa_case_row_class_init (PaCaseRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pa_case_row_dispose;
  object_class->get_property = pa_case_row_get_property;
  object_class->set_property = pa_case_row_set_property;

  properties[PROP_CASE] =
    g_param_spec_object ("case", NULL, NULL, PA_TYPE_CASE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/passerelle/Passerelle/pa-case-row.ui");
  gtk_widget_class_bind_template_child (widget_class, PaCaseRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, PaCaseRow, detail_label);
  gtk_widget_class_bind_template_child (widget_class, PaCaseRow, stage_label);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "pa-case-row");
}

static void
pa_case_row_init (PaCaseRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
pa_case_row_new (void)
{
  return g_object_new (PA_TYPE_CASE_ROW, NULL);
}

PaCase *
pa_case_row_get_case (PaCaseRow *self)
{
  g_return_val_if_fail (PA_IS_CASE_ROW (self), NULL);
  return self->kase;
}

void
pa_case_row_set_case (PaCaseRow *self,
                      PaCase    *kase)
{
  g_return_if_fail (PA_IS_CASE_ROW (self));
  g_return_if_fail (kase == NULL || PA_IS_CASE (kase));

  if (!g_set_object (&self->kase, kase))
    return;
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CASE]);
}
