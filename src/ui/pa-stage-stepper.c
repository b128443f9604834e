/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "passerelle"

#include "config.h"

#include <glib/gi18n.h>

#include "pa-records.h"
#include "pa-stage-stepper.h"
#include "pa-ui-utils.h"

/* The four stages of a claim in a row: Identified › Documented › Assessed ›
 * Certified, each an icon and a word. A step reached before is ticked, the
 * stage reached now is a filled dot in bold, the steps to come an empty
 * circle, dimmed: the shape and the word tell, never the colour alone. */

#define ICON_DONE "emblem-ok-symbolic"
#define ICON_CURRENT "radio-checked-symbolic"
#define ICON_TODO "radio-symbolic"

struct _PaStageStepper
{
  GtkWidget parent_instance;

  int stage;

  GtkWidget *steps_box;
  GtkWidget *step[4];
  GtkImage *icon[4];
  GtkLabel *label[4];
};

G_DEFINE_FINAL_TYPE (PaStageStepper, pa_stage_stepper, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
icon_for (PaStageStepper *self,
          int             stage)
{
  if (stage < self->stage)
    return ICON_DONE;
  if (stage == self->stage)
    return ICON_CURRENT;
  return ICON_TODO;
}

static void
update (PaStageStepper *self)
{
  g_autofree char *description = NULL;

  for (int i = 0; i < 4; i++)
    {
      int stage = i + 1;
      GtkWidget *step = self->step[i];

      gtk_image_set_from_icon_name (self->icon[i], icon_for (self, stage));
      gtk_label_set_text (self->label[i], pa_stage_label (stage));
      gtk_widget_remove_css_class (step, "stage-done");
      gtk_widget_remove_css_class (step, "stage-current");
      gtk_widget_remove_css_class (step, "stage-todo");
      gtk_widget_remove_css_class (step, "dim-label");
      gtk_label_set_attributes (self->label[i], NULL);
      if (stage < self->stage)
        gtk_widget_add_css_class (step, "stage-done");
      else if (stage == self->stage)
        {
          gtk_widget_add_css_class (step, "stage-current");
          g_autoptr (PangoAttrList) bold = pango_attr_list_new ();

          pango_attr_list_insert (bold, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
          gtk_label_set_attributes (self->label[i], bold);
        }
      else
        {
          gtk_widget_add_css_class (step, "stage-todo");
          gtk_widget_add_css_class (step, "dim-label");
        }
    }
  /* Translators: the stage a competence reached, as in "Stage: Assessed (3 of 4)" */
  description = g_strdup_printf (_("Stage: %s (%d of 4)"),
                                 self->stage >= 1 ? pa_stage_label (self->stage) : "", self->stage);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), description);
}

static void
pa_stage_stepper_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), PA_TYPE_STAGE_STEPPER);
  pa_ui_unparent_children (GTK_WIDGET (object));

  G_OBJECT_CLASS (pa_stage_stepper_parent_class)->dispose (object);
}

static void
pa_stage_stepper_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  PaStageStepper *self = PA_STAGE_STEPPER (object);

  switch (prop_id)
    {
    case PROP_STAGE:
      g_value_set_int (value, self->stage);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pa_stage_stepper_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  PaStageStepper *self = PA_STAGE_STEPPER (object);

  switch (prop_id)
    {
    case PROP_STAGE:
      pa_stage_stepper_set_stage (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pa_stage_stepper_class_init (PaStageStepperClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pa_stage_stepper_dispose;
  object_class->get_property = pa_stage_stepper_get_property;
  object_class->set_property = pa_stage_stepper_set_property;

  properties[PROP_STAGE] =
    g_param_spec_int ("stage", NULL, NULL, PA_STAGE_IDENTIFIED, PA_STAGE_CERTIFIED, PA_STAGE_IDENTIFIED,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/passerelle/Passerelle/pa-stage-stepper.ui");
  gtk_widget_class_bind_template_child (widget_class, PaStageStepper, steps_box);
  gtk_widget_class_bind_template_child_full (widget_class, "step1", FALSE,
                                             G_STRUCT_OFFSET (PaStageStepper, step[0]));
  gtk_widget_class_bind_template_child_full (widget_class, "step2", FALSE,
                                             G_STRUCT_OFFSET (PaStageStepper, step[1]));
  gtk_widget_class_bind_template_child_full (widget_class, "step3", FALSE,
                                             G_STRUCT_OFFSET (PaStageStepper, step[2]));
  gtk_widget_class_bind_template_child_full (widget_class, "step4", FALSE,
                                             G_STRUCT_OFFSET (PaStageStepper, step[3]));
  gtk_widget_class_bind_template_child_full (widget_class, "icon1", FALSE,
                                             G_STRUCT_OFFSET (PaStageStepper, icon[0]));
  gtk_widget_class_bind_template_child_full (widget_class, "icon2", FALSE,
                                             G_STRUCT_OFFSET (PaStageStepper, icon[1]));
  gtk_widget_class_bind_template_child_full (widget_class, "icon3", FALSE,
                                             G_STRUCT_OFFSET (PaStageStepper, icon[2]));
  gtk_widget_class_bind_template_child_full (widget_class, "icon4", FALSE,
                                             G_STRUCT_OFFSET (PaStageStepper, icon[3]));
  gtk_widget_class_bind_template_child_full (widget_class, "label1", FALSE,
                                             G_STRUCT_OFFSET (PaStageStepper, label[0]));
  gtk_widget_class_bind_template_child_full (widget_class, "label2", FALSE,
                                             G_STRUCT_OFFSET (PaStageStepper, label[1]));
  gtk_widget_class_bind_template_child_full (widget_class, "label3", FALSE,
                                             G_STRUCT_OFFSET (PaStageStepper, label[2]));
  gtk_widget_class_bind_template_child_full (widget_class, "label4", FALSE,
                                             G_STRUCT_OFFSET (PaStageStepper, label[3]));
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "stagestepper");
}

static void
pa_stage_stepper_init (PaStageStepper *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->stage = PA_STAGE_IDENTIFIED;
  for (int i = 0; i < 4; i++)
    gtk_widget_add_css_class (GTK_WIDGET (self->label[i]), "caption");
  update (self);
}

GtkWidget *
pa_stage_stepper_new (void)
{
  return g_object_new (PA_TYPE_STAGE_STEPPER, NULL);
}

int
pa_stage_stepper_get_stage (PaStageStepper *self)
{
  g_return_val_if_fail (PA_IS_STAGE_STEPPER (self), 0);
  return self->stage;
}

void
pa_stage_stepper_set_stage (PaStageStepper *self,
                            int             stage)
{
  g_return_if_fail (PA_IS_STAGE_STEPPER (self));
  g_return_if_fail (stage >= PA_STAGE_IDENTIFIED && stage <= PA_STAGE_CERTIFIED);

  if (self->stage == stage)
    return;
  self->stage = stage;
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STAGE]);
}

/* The word a step shows (for tests and assistive technologies). */
const char *
pa_stage_stepper_get_step_text (PaStageStepper *self,
                                int             stage)
{
  g_return_val_if_fail (PA_IS_STAGE_STEPPER (self), NULL);
  g_return_val_if_fail (stage >= 1 && stage <= 4, NULL);
  return gtk_label_get_text (self->label[stage - 1]);
}

/* The icon a step shows: ticked, current or to come. */
const char *
pa_stage_stepper_get_step_icon (PaStageStepper *self,
                                int             stage)
{
  g_return_val_if_fail (PA_IS_STAGE_STEPPER (self), NULL);
  g_return_val_if_fail (stage >= 1 && stage <= 4, NULL);
  return gtk_image_get_icon_name (self->icon[stage - 1]);
}
