/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "passerelle"

#include "config.h"

#include <glib/gi18n.h>

#include "pa-chart-area.h"
#include "pa-report-data.h"
#include "pa-print-operation.h"
#include "pa-statistics-view.h"
#include "pa-ui-utils.h"
#include "pa-view-switcher.h"

/* The Statistics view: anonymous figures of the centre over a period, drawn
 * with the charts of the printed report, which it prints and exports. Only
 * counts reach this view: no name, code or text of a case. */
struct _PaStatisticsView
{
  GtkWidget parent_instance;

  PaStore *store;
  gulong changed_id;
  gboolean dirty;
  gboolean loading;
  GDate from;
  GDate to;
  PaStatistics *stats;
  GCancellable *cancellable;       /* the figures being computed */

  PaPrintOperation *operation;     /* an export being written */
  GCancellable *job_cancellable;
  GBinding *progress_binding;

  GtkMenuButton *menu_button;
  AdwComboRow *preset_row;
  AdwEntryRow *from_row;
  AdwEntryRow *to_row;
  GtkLabel *period_error;
  GtkStack *figures_stack;
  GtkSpinner *spinner;
  GtkBox *figures_box;
  GtkRevealer *progress_revealer;
  GtkProgressBar *progress_bar;
};

G_DEFINE_FINAL_TYPE (PaStatisticsView, pa_statistics_view, GTK_TYPE_WIDGET)

enum { PRESET_THIS_YEAR, PRESET_LAST_YEAR, PRESET_LAST_12_MONTHS, PRESET_ALL, PRESET_CHOSEN };

static void compute (PaStatisticsView *self);

/* helpers */

static void
toast_message (PaStatisticsView *self,
               const char       *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  g_autofree char *escaped = g_markup_escape_text (message, -1);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (escaped));
}

static void
set_entry_date (AdwEntryRow *row,
                const GDate *date)
{
  char text[16];

  g_date_strftime (text, sizeof text, "%Y-%m-%d", date);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static void
apply_preset (PaStatisticsView *self,
              guint             preset)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  int year = g_date_time_get_year (now);

  g_date_clear (&self->to, 1);
  g_date_set_dmy (&self->to, g_date_time_get_day_of_month (now),
                  g_date_time_get_month (now), year);
  g_date_clear (&self->from, 1);
  switch (preset)
    {
    case PRESET_THIS_YEAR:
      g_date_set_dmy (&self->from, 1, G_DATE_JANUARY, year);
      break;
    case PRESET_LAST_YEAR:
      g_date_set_dmy (&self->from, 1, G_DATE_JANUARY, year - 1);
      g_date_set_dmy (&self->to, 31, G_DATE_DECEMBER, year - 1);
      break;
    case PRESET_LAST_12_MONTHS:
      self->from = self->to;
      g_date_subtract_months (&self->from, 12);
      g_date_add_days (&self->from, 1);
      break;
    default:
      g_date_set_dmy (&self->from, 1, G_DATE_JANUARY, 1900);
      break;
    }
  self->loading = TRUE;
  set_entry_date (self->from_row, &self->from);
  set_entry_date (self->to_row, &self->to);
  self->loading = FALSE;
}

static GtkWidget *
count_row (const char *title,
           const char *subtitle,
           guint       count)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *text = g_strdup_printf ("%u", count);
  GtkWidget *value = gtk_label_new (text);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_add_css_class (value, "title-3");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), value);
  return row;
}

static GtkWidget *
chart_group (const char *title,
             const char *description,
             GtkWidget  *content)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), content);
  return group;
}

static char *
share_text (guint count,
            guint total)
{
  /* Translators: a count and its share, beside a bar: "5 (42 %)". */
  return g_strdup_printf (_("%u (%.0f %%)"), count, total > 0 ? 100.0 * count / total : 0.0);
}

/* Beside a bar whose count is withheld (PA_STATISTICS_MIN_COUNT). */
static char *
count_text (const PaStatCount *c,
            guint              total)
{
  if (c->hidden)
    /* Translators: beside a bar whose exact count is not given, to protect
     * the participants of a small group. */
    return g_strdup_printf (_("fewer than %d"), PA_STATISTICS_MIN_COUNT);
  return share_text (c->count, total);
}

static GtkWidget *
counts_chart (GPtrArray  *counts,
              guint       total,
              guint       max_bars,
              const char *accessible)
{
  PaChart *chart = pa_chart_new_bars ();
  guint other = 0;

  pa_chart_set_max (chart, MAX (total, 1));
  for (guint i = 0; i < counts->len; i++)
    {
      PaStatCount *c = g_ptr_array_index (counts, i);

      if (i < max_bars)
        {
          g_autofree char *text = count_text (c, total);
          pa_chart_add_bar (chart, c->label, c->count, text);
        }
      else
        other += c->count;
    }
  if (other > 0)
    {
      g_autofree char *text = share_text (other, total);
      pa_chart_add_bar (chart, _("Other countries"), other, text);
    }
  return pa_chart_area_new (chart, accessible);
}

static GtkWidget *
note_row (const char *text)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  gtk_widget_add_css_class (row, "dim-label");
  return row;
}

static void
show_figures (PaStatisticsView *self)
{
  const PaStatistics *stats = self->stats;
  GtkWidget *child;
  GtkWidget *summary = adw_preferences_group_new ();
  guint n_claims = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->figures_box))) != NULL)
    gtk_box_remove (self->figures_box, child);

  for (guint s = 1; s <= 4; s++)
    n_claims += stats->claims_by_stage[s];
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (summary), _("In Figures"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (summary),
                             count_row (_("Participants"), _("Cases opened in the period"),
                                        stats->n_participants));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (summary),
                             count_row (_("Competences claimed"), _("At any stage"), n_claims));
  {
    g_autofree char *revoked = stats->certificates_revoked > 0
      ? g_strdup_printf (ngettext ("%u revoked since", "%u revoked since",
                                   stats->certificates_revoked), stats->certificates_revoked)
      : NULL;
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (summary),
                               count_row (_("Certificates issued"), revoked,
                                          stats->certificates_issued));
  }
  gtk_box_append (self->figures_box, summary);

  if (stats->n_participants == 0)
    {
      gtk_box_append (self->figures_box,
                      chart_group (_("Participants"), NULL,
                                   note_row (_("No case was opened in this period."))));
      return;
    }
  gtk_box_append (self->figures_box,
                  chart_group (_("By Country of Origin"),
                               _("So that no one can be recognised, countries of fewer than "
                                 "five participants are counted together, and other counts "
                                 "below five are not given."),
                               counts_chart (stats->by_country, stats->n_participants, 8,
                                             _("Participants by country of origin"))));
  gtk_box_append (self->figures_box,
                  chart_group (_("By Gender"), NULL,
                               counts_chart (stats->by_gender, stats->n_participants, 8,
                                             _("Participants by gender"))));
  gtk_box_append (self->figures_box,
                  chart_group (_("By Age"), _("Age at the end of the period"),
                               counts_chart (stats->by_age, stats->n_participants, 12,
                                             _("Participants by age band"))));
  {
    PaChart *chart = pa_chart_new_bars ();

    pa_chart_set_max (chart, MAX (n_claims, 1));
    for (guint s = 1; s <= 4; s++)
      {
        g_autofree char *text = share_text (stats->claims_by_stage[s], n_claims);
        pa_chart_add_bar (chart, stats->stage_labels[s], stats->claims_by_stage[s], text);
      }
    gtk_box_append (self->figures_box,
                    chart_group (_("Competences by Stage"),
                                 _("Identified, documented, assessed, certified"),
                                 pa_chart_area_new (chart, _("Competences claimed by stage"))));
  }
  if (!stats->occupations_known)
    gtk_box_append (self->figures_box,
                    chart_group (_("Occupations Most Matched"), NULL,
                                 note_row (_("Import the ESCO classification to see the "
                                             "occupations the participants match."))));
  else if (stats->occupations->len == 0)
    gtk_box_append (self->figures_box,
                    chart_group (_("Occupations Most Matched"), NULL,
                                 note_row (_("No participant matches an occupation yet."))));
  else
    {
      PaChart *chart = pa_chart_new_bars ();

      pa_chart_set_max (chart, stats->n_participants);
      for (guint i = 0; i < stats->occupations->len && i < 10; i++)
        {
          PaStatCount *c = g_ptr_array_index (stats->occupations, i);
          g_autofree char *text = count_text (c, stats->n_participants);
          pa_chart_add_bar (chart, c->label, c->count, text);
        }
      gtk_box_append (self->figures_box,
                      chart_group (_("Occupations Most Matched"),
                                   _("Participants whose best match it is"),
                                   pa_chart_area_new (chart, _("Occupations most matched"))));
    }
}

/* computing the figures */

typedef struct
{
  char *store_path;
  GDate from;
  GDate to;
  char *language;
} StatsRequest;

static void
stats_request_free (gpointer data)
{
  StatsRequest *request = data;

  g_free (request->store_path);
  g_free (request->language);
  g_free (request);
}

static void
stats_thread (GTask        *task,
              gpointer      source,
              gpointer      task_data,
              GCancellable *cancellable)
{
  StatsRequest *request = task_data;
  g_autoptr (PaStore) store = NULL;
  PaStatistics *stats;
  GError *error = NULL;

  store = pa_store_open (request->store_path, &error);
  if (store == NULL ||
      (stats = pa_store_statistics_build (store, &request->from, &request->to,
                                          request->language, &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, stats, (GDestroyNotify) pa_statistics_free);
}

static void
stats_ready_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr (PaStatisticsView) self = user_data;
  g_autoptr (GError) error = NULL;
  PaStatistics *stats = g_task_propagate_pointer (G_TASK (result), &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      g_task_get_cancellable (G_TASK (result)) != self->cancellable)
    {
      g_clear_pointer (&stats, pa_statistics_free);
      return;   /* a newer period replaced it */
    }
  g_clear_object (&self->cancellable);
  gtk_spinner_set_spinning (self->spinner, FALSE);
  if (stats == NULL)
    {
      pa_ui_set_row_error (GTK_WIDGET (self->to_row), GTK_WIDGET (self->period_error),
                           GTK_WIDGET (self->period_error), error->message);
      return;
    }
  pa_ui_set_row_error (GTK_WIDGET (self->to_row), GTK_WIDGET (self->period_error),
                       GTK_WIDGET (self->period_error), NULL);
  g_clear_pointer (&self->stats, pa_statistics_free);
  self->stats = stats;
  show_figures (self);
  gtk_stack_set_visible_child_name (self->figures_stack, "figures");
}

static void
compute (PaStatisticsView *self)
{
  g_autoptr (GTask) task = NULL;
  StatsRequest *request;

  if (self->store == NULL)
    return;
  self->dirty = FALSE;
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  request = g_new0 (StatsRequest, 1);
  request->store_path = g_strdup (pa_store_get_path (self->store));
  request->from = self->from;
  request->to = self->to;
  request->language = pa_ui_report_language ();
  gtk_spinner_set_spinning (self->spinner, TRUE);
  if (self->stats == NULL)
    gtk_stack_set_visible_child_name (self->figures_stack, "loading");
  task = g_task_new (NULL, self->cancellable, stats_ready_cb, g_object_ref (self));
  g_task_set_task_data (task, request, stats_request_free);
  g_task_run_in_thread (task, stats_thread);
}

/* callbacks */

static void
preset_changed_cb (PaStatisticsView *self)
{
  guint preset = adw_combo_row_get_selected (self->preset_row);

  if (self->loading || preset == PRESET_CHOSEN)
    return;
  apply_preset (self, preset);
  pa_ui_set_row_error (GTK_WIDGET (self->from_row), GTK_WIDGET (self->period_error),
                       GTK_WIDGET (self->period_error), NULL);
  compute (self);
}

static void
dates_apply_cb (PaStatisticsView *self,
                AdwEntryRow      *row)
{
  GDate from, to;
  const char *from_text = gtk_editable_get_text (GTK_EDITABLE (self->from_row));
  const char *to_text = gtk_editable_get_text (GTK_EDITABLE (self->to_row));

  if (self->loading)
    return;
  if (!pa_parse_report_date (from_text, &from))
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not a date: write it as YYYY-MM-DD."),
                                                  from_text);
      pa_ui_set_row_error (GTK_WIDGET (self->from_row), GTK_WIDGET (self->period_error),
                           GTK_WIDGET (self->period_error), message);
      return;
    }
  if (!pa_parse_report_date (to_text, &to))
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not a date: write it as YYYY-MM-DD."),
                                                  to_text);
      pa_ui_set_row_error (GTK_WIDGET (self->to_row), GTK_WIDGET (self->period_error),
                           GTK_WIDGET (self->period_error), message);
      return;
    }
  if (g_date_compare (&to, &from) < 0)
    {
      pa_ui_set_row_error (GTK_WIDGET (self->to_row), GTK_WIDGET (self->period_error),
                           GTK_WIDGET (self->period_error),
                           _("The period ends before it starts."));
      return;
    }
  pa_ui_set_row_error (GTK_WIDGET (self->from_row), GTK_WIDGET (self->period_error),
                       GTK_WIDGET (self->period_error), NULL);
  pa_ui_set_row_error (GTK_WIDGET (self->to_row), GTK_WIDGET (self->period_error),
                       GTK_WIDGET (self->period_error), NULL);
  self->from = from;
  self->to = to;
  self->loading = TRUE;
  adw_combo_row_set_selected (self->preset_row, PRESET_CHOSEN);
  self->loading = FALSE;
  compute (self);
}

static void
case_changed_cb (PaStore          *store,
                 gint64            case_id,
                 PaStatisticsView *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    compute (self);
  else
    self->dirty = TRUE;
}

static void
map_cb (PaStatisticsView *self)
{
  if (self->dirty || (self->stats == NULL && self->cancellable == NULL))
    compute (self);
}

/* print and export */

static void
job_done (PaStatisticsView *self)
{
  g_clear_pointer (&self->progress_binding, g_binding_unbind);
  g_clear_object (&self->operation);
  g_clear_object (&self->job_cancellable);
  gtk_revealer_set_reveal_child (self->progress_revealer, FALSE);
}

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr (PaStatisticsView) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;

  path = pa_print_operation_export_pdf_finish (PA_PRINT_OPERATION (source), result, &error);
  if (self->operation != PA_PRINT_OPERATION (source))
    return;
  job_done (self);
  if (path == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        toast_message (self, error->message);
      return;
    }
  {
    g_autofree char *base = g_path_get_basename (path);
    /* Translators: "Statistics written to Statistics 2025.pdf". */
    g_autofree char *message = g_strdup_printf (_("Statistics written to %s"), base);

    toast_message (self, message);
  }
}

static PaPrintOperation *
new_operation (PaStatisticsView *self)
{
  /* Printed in the centre's report language (Preferences, Language). */
  g_autofree char *language = pa_ui_centre_report_language (self->store);

  return pa_print_operation_new_statistics (self->store, &self->from, &self->to, language);
}

/* Exports to @pdf_path, or (NULL) asks where. */
static void
start_export (PaStatisticsView *self,
              const char       *pdf_path)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWindow *window = GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;

  if (self->operation != NULL || self->store == NULL)
    return;
  self->operation = new_operation (self);
  self->job_cancellable = g_cancellable_new ();
  gtk_progress_bar_set_text (self->progress_bar, _("Preparing the statistics…"));
  self->progress_binding = g_object_bind_property (self->operation, "progress",
                                                   self->progress_bar, "fraction",
                                                   G_BINDING_SYNC_CREATE);
  gtk_revealer_set_reveal_child (self->progress_revealer, TRUE);
  if (pdf_path == NULL)
    pa_print_operation_export_pdf_with_chooser (self->operation, window, self->job_cancellable,
                                                export_done_cb, g_object_ref (self));
  else
    pa_print_operation_export_pdf_async (self->operation, pdf_path, self->job_cancellable,
                                         export_done_cb, g_object_ref (self));
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  PaStatisticsView *self = PA_STATISTICS_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr (PaPrintOperation) operation = NULL;
  g_autoptr (GError) error = NULL;

  if (self->store == NULL)
    return;
  operation = new_operation (self);
  if (pa_print_operation_run_dialog (operation, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                     &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    toast_message (self, error->message);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  start_export (PA_STATISTICS_VIEW (widget), NULL);
}

/* dispose */

static void
pa_statistics_view_dispose (GObject *object)
{
  PaStatisticsView *self = (PaStatisticsView *) object;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->job_cancellable != NULL)
    g_cancellable_cancel (self->job_cancellable);
  job_done (self);
  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  gtk_widget_dispose_template (GTK_WIDGET (object), PA_TYPE_STATISTICS_VIEW);
  pa_ui_unparent_children (GTK_WIDGET (object));
  g_clear_object (&self->store);
  g_clear_pointer (&self->stats, pa_statistics_free);

  G_OBJECT_CLASS (pa_statistics_view_parent_class)->dispose (object);
}

static void
pa_statistics_view_class_init (PaStatisticsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pa_statistics_view_dispose;

  g_type_ensure (PA_TYPE_VIEW_SWITCHER);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/passerelle/Passerelle/pa-statistics-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PaStatisticsView, menu_button);
  gtk_widget_class_bind_template_child (widget_class, PaStatisticsView, preset_row);
  gtk_widget_class_bind_template_child (widget_class, PaStatisticsView, from_row);
  gtk_widget_class_bind_template_child (widget_class, PaStatisticsView, to_row);
  gtk_widget_class_bind_template_child (widget_class, PaStatisticsView, period_error);
  gtk_widget_class_bind_template_child (widget_class, PaStatisticsView, figures_stack);
  gtk_widget_class_bind_template_child (widget_class, PaStatisticsView, spinner);
  gtk_widget_class_bind_template_child (widget_class, PaStatisticsView, figures_box);
  gtk_widget_class_bind_template_child (widget_class, PaStatisticsView, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, PaStatisticsView, progress_bar);
  gtk_widget_class_bind_template_callback (widget_class, dates_apply_cb);
  gtk_widget_class_install_action (widget_class, "statistics.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "statistics.export", NULL, export_action);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
pa_statistics_view_init (PaStatisticsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_menu_button_set_menu_model (self->menu_button, pa_ui_get_primary_menu ());
  adw_combo_row_set_selected (self->preset_row, PRESET_LAST_12_MONTHS);
  apply_preset (self, PRESET_LAST_12_MONTHS);
  g_signal_connect_swapped (self->preset_row, "notify::selected", G_CALLBACK (preset_changed_cb),
                            self);
  g_signal_connect_swapped (self, "map", G_CALLBACK (map_cb), self);
}

GtkWidget *
pa_statistics_view_new (void)
{
  return g_object_new (PA_TYPE_STATISTICS_VIEW, NULL);
}

void
pa_statistics_view_set_store (PaStatisticsView *self,
                              PaStore          *store)
{
  g_return_if_fail (PA_IS_STATISTICS_VIEW (self));

  if (self->store == store)
    return;
  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_set_object (&self->store, store);
  g_clear_pointer (&self->stats, pa_statistics_free);
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (store != NULL)
    self->changed_id = g_signal_connect (store, "case-changed", G_CALLBACK (case_changed_cb), self);
  if (store != NULL && gtk_widget_get_mapped (GTK_WIDGET (self)))
    compute (self);
  else
    self->dirty = TRUE;
}

/* The figures shown, or NULL while they are computed. */
const PaStatistics *
pa_statistics_view_get_statistics (PaStatisticsView *self)
{
  g_return_val_if_fail (PA_IS_STATISTICS_VIEW (self), NULL);
  return self->cancellable == NULL ? self->stats : NULL;
}

/* Writes the statistics of the period shown to @path, as Export does. */
void
pa_statistics_view_export (PaStatisticsView *self,
                           const char       *path)
{
  g_return_if_fail (PA_IS_STATISTICS_VIEW (self));
  start_export (self, path);
}

gboolean
pa_statistics_view_is_busy (PaStatisticsView *self)
{
  g_return_val_if_fail (PA_IS_STATISTICS_VIEW (self), FALSE);
  return self->operation != NULL || self->cancellable != NULL;
}
