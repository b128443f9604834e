/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "passerelle"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "pa-report-i18n.h"
#include "pa-ui-utils.h"

/* Small formatting helpers shared by the window, the case summary and the
 * preferences, so the same thing reads the same everywhere. */

/* In the interface language with the reports' month names (pa_format_date),
 * not strftime's %B, which follows the system's LC_TIME. */
static char *
local_date (GDateTime *local)
{
  g_autoptr (GDate) date = g_date_new_dmy (g_date_time_get_day_of_month (local),
                                           g_date_time_get_month (local),
                                           g_date_time_get_year (local));

  return pa_format_date (date, TRUE);
}

/**
 * pa_ui_format_date:
 * @iso8601: (nullable): a UTC time as the store writes it
 *
 * Returns: (transfer full) (nullable): the local date in words, or %NULL
 */
char *
pa_ui_format_date (const char *iso8601)
{
  g_autoptr (GDateTime) utc = NULL;
  g_autoptr (GDateTime) local = NULL;

  if (iso8601 == NULL || *iso8601 == '\0')
    return NULL;
  utc = g_date_time_new_from_iso8601 (iso8601, NULL);
  if (utc == NULL)
    return g_strdup (iso8601);
  local = g_date_time_to_local (utc);
  return local_date (local);
}

/**
 * pa_ui_format_date_time:
 * @when: a time
 *
 * Returns: (transfer full): the local date and time in words, as in
 * "12 March 2025, 14:05".
 */
char *
pa_ui_format_date_time (GDateTime *when)
{
  g_autoptr (GDateTime) local = g_date_time_to_local (when);
  g_autofree char *date = local_date (local);
  g_autofree char *time = g_date_time_format (local, "%H:%M");

  /* Translators: a date and a time, as in "12 March 2025, 14:05"; keep the
   * names in braces. */
  return pa_report_expand (C_("date and time", "{date}, {time}"), "date", date, "time", time,
                           NULL);
}

/**
 * pa_ui_stage_summary:
 *
 * Returns: (transfer full): a case's progress in a few words, as in
 * "12 competences · 3 certified".
 */
char *
pa_ui_stage_summary (guint n_claims,
                     guint n_certified)
{
  g_autofree char *claims = NULL;
  g_autofree char *certified = NULL;

  if (n_claims == 0)
    return g_strdup (_("No competences recorded yet"));
  claims = g_strdup_printf (ngettext ("%u competence", "%u competences", n_claims), n_claims);
  certified = g_strdup_printf (ngettext ("%u certified", "%u certified", n_certified), n_certified);
  /* Translators: joins "12 competences" and "3 certified". */
  return g_strdup_printf (C_("case progress", "%s · %s"), claims, certified);
}

/* Backups are named <store>-YYYYMMDD-HHMMSS-<reason>.db (see pa-backup.c). */
static char *
backup_reason (const char *backup_path)
{
  g_autofree char *base = g_path_get_basename (backup_path);
  g_auto (GStrv) parts = NULL;
  guint n;

  if (g_str_has_suffix (base, ".db"))
    base[strlen (base) - 3] = '\0';
  parts = g_strsplit (base, "-", -1);
  n = g_strv_length (parts);
  for (guint i = 0; i + 2 < n; i++)
    if (strlen (parts[i]) == 8 && strlen (parts[i + 1]) == 6 &&
        g_ascii_isdigit (parts[i][0]) && g_ascii_isdigit (parts[i + 1][0]))
      {
        g_autofree char *rest = g_strjoinv ("-", parts + i + 2);
        return g_steal_pointer (&rest);
      }
  return NULL;
}

/**
 * pa_ui_backup_title:
 *
 * Returns: (transfer full): when the backup was made, in words.
 */
char *
pa_ui_backup_title (const char *backup_path)
{
  g_autoptr (GFile) file = g_file_new_for_path (backup_path);
  g_autoptr (GFileInfo) info = NULL;
  g_autoptr (GDateTime) when = NULL;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_TIME_MODIFIED, G_FILE_QUERY_INFO_NONE,
                            NULL, NULL);
  if (info != NULL)
    when = g_file_info_get_modification_date_time (info);
  if (when == NULL)
    return g_path_get_basename (backup_path);
  return pa_ui_format_date_time (when);
}

/**
 * pa_ui_backup_subtitle:
 *
 * Returns: (transfer full): why the backup was made and its file name.
 */
char *
pa_ui_backup_subtitle (const char *backup_path)
{
  g_autofree char *reason = backup_reason (backup_path);
  g_autofree char *base = g_path_get_basename (backup_path);
  const char *why;

  if (g_strcmp0 (reason, "daily") == 0)
    why = _("Daily backup");
  else if (g_strcmp0 (reason, "manual") == 0)
    why = _("Made from the preferences");
  else if (g_strcmp0 (reason, "before-restore") == 0)
    why = _("Made before a restore");
  else if (reason != NULL && g_str_has_prefix (reason, "before-v"))
    why = _("Made before an upgrade");
  else
    return g_steal_pointer (&base);
  /* Translators: "Daily backup — centre-20250312-101500-daily.db" */
  return g_strdup_printf (C_("backup description", "%s — %s"), why, base);
}

/**
 * pa_ui_set_row_error:
 * @row: the row whose value was refused
 * @error_box: what to show near the row while there is a problem
 * @error_label: the label, in @error_box, that states the problem
 * @message: (nullable): the problem, or %NULL to clear it
 *
 * Shows a problem where it happened: the row in error style, marked invalid
 * for assistive technologies, and the message in words (never colour alone).
 */
void
pa_ui_set_row_error (GtkWidget  *row,
                     GtkWidget  *error_box,
                     GtkWidget  *error_label,
                     const char *message)
{
  if (message != NULL)
    {
      gtk_widget_add_css_class (row, "error");
      gtk_label_set_text (GTK_LABEL (error_label), message);
      gtk_widget_set_visible (error_box, TRUE);
      gtk_accessible_update_state (GTK_ACCESSIBLE (row),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                   -1);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (row),
                                      GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, error_label, NULL,
                                      -1);
    }
  else
    {
      gtk_widget_remove_css_class (row, "error");
      gtk_widget_set_visible (error_box, FALSE);
      gtk_accessible_reset_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID);
      gtk_accessible_reset_relation (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY);
    }
}

/**
 * pa_ui_get_primary_menu:
 *
 * The main menu every view's header offers (preferences, shortcuts, help,
 * about, quit), loaded once.
 * Returns: (transfer none): the menu
 */
GMenuModel *
pa_ui_get_primary_menu (void)
{
  static GMenuModel *menu;

  if (g_once_init_enter (&menu))
    {
      g_autoptr (GtkBuilder) builder =
        gtk_builder_new_from_resource ("/org/passerelle/Passerelle/pa-primary-menu.ui");
      GMenuModel *loaded = G_MENU_MODEL (gtk_builder_get_object (builder, "primary_menu"));

      g_once_init_leave (&menu, g_object_ref (loaded));
    }
  return menu;
}

/* Unparents what a widget's template put inside it and no field holds:
 * widgets with a layout manager and no container API must do it in dispose. */
void
pa_ui_unparent_children (GtkWidget *widget)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (widget)) != NULL)
    gtk_widget_unparent (child);
}

/**
 * pa_ui_report_language:
 *
 * Returns: (transfer full): the language of figures and charts the interface
 * shows with the reports' code (statistics, a seminar's overview): the
 * interface's own ("ar" for ar_EG.UTF-8), English when the interface is not
 * translated. Printed reports use the centre's choice instead
 * (pa_ui_centre_report_language()).
 */
char *
pa_ui_report_language (void)
{
  const char *const *names = g_get_language_names ();

  for (guint i = 0; names[i] != NULL; i++)
    {
      const char *name = names[i];

      if (g_str_equal (name, "C") || g_str_equal (name, "POSIX"))
        continue;
      if (g_ascii_isalpha (name[0]) && g_ascii_isalpha (name[1]) &&
          (name[2] == '\0' || name[2] == '_' || name[2] == '.' || name[2] == '@'))
        return g_ascii_strdown (name, 2);
    }
  return g_strdup ("en");
}

/**
 * pa_ui_centre_report_language:
 *
 * Returns: (transfer full): the language the centre prints its reports and
 * certificates in (Preferences, Language; as `passerelle-cli`): French until
 * the centre chooses.
 */
char *
pa_ui_centre_report_language (PaStore *store)
{
  g_autofree char *language = pa_store_get_setting (store, "report.language");

  if (language == NULL || *language == '\0')
    return g_strdup ("fr");
  return g_steal_pointer (&language);
}

/**
 * pa_ui_centre_second_language:
 *
 * Returns: (transfer full) (nullable): the second language of the centre's
 * certificates, or %NULL for certificates in one language.
 */
char *
pa_ui_centre_second_language (PaStore *store)
{
  g_autofree char *language = pa_store_get_setting (store, "report.second-language");

  if (language == NULL || *language == '\0' || g_str_equal (language, "none"))
    return NULL;
  return g_steal_pointer (&language);
}

/* The local path accepted in a file @chooser's "response", or NULL when
 * cancelled or not a local file. */
char *
pa_ui_chosen_path (GtkNativeDialog *chooser,
                   int              response)
{
  g_autoptr (GFile) file = NULL;

  g_return_val_if_fail (GTK_IS_FILE_CHOOSER (chooser), NULL);

  if (response != GTK_RESPONSE_ACCEPT)
    return NULL;
  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  return file ? g_file_get_path (file) : NULL;
}
