/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "pa-store.h"

G_BEGIN_DECLS

char       *pa_ui_format_date          (const char  *iso8601);
char       *pa_ui_format_date_time     (GDateTime   *when);
char       *pa_ui_stage_summary        (guint        n_claims,
                                        guint        n_certified);
char       *pa_ui_backup_title         (const char  *backup_path);
char       *pa_ui_backup_subtitle      (const char  *backup_path);
GMenuModel *pa_ui_get_primary_menu    (void);
void        pa_ui_unparent_children   (GtkWidget   *widget);
void        pa_ui_set_row_error        (GtkWidget   *row,
                                        GtkWidget   *error_box,
                                        GtkWidget   *error_label,
                                        const char  *message);

char       *pa_ui_report_language     (void);
char       *pa_ui_centre_report_language (PaStore         *store);
char       *pa_ui_centre_second_language (PaStore         *store);
char       *pa_ui_chosen_path         (GtkNativeDialog *chooser,
                                       int              response);

G_END_DECLS
