/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Rows that edit one field of a record in place and save themselves: an
 * entry row saves on Enter, its apply button or when the focus leaves it (only
 * when its text differs from what is stored); a combo row saves when its
 * choice changes, but not when the program sets it. */
typedef void (*PaEditFunc) (GtkWidget *row,
                            gpointer   data);

AdwEntryRow *pa_edit_entry_row_new      (const char         *title,
                                         PaEditFunc          func,
                                         gpointer            data);
void         pa_edit_entry_set_stored   (AdwEntryRow        *row,
                                         const char         *stored);
void         pa_edit_entry_reset        (AdwEntryRow        *row,
                                         const char         *stored);
char        *pa_edit_entry_get_value    (AdwEntryRow        *row);
gboolean     pa_edit_entry_is_dirty     (AdwEntryRow        *row);

GtkWidget   *pa_edit_combo_row_new      (const char         *title,
                                         const char *const  *codes,
                                         const char *const  *labels,
                                         gboolean            searchable,
                                         PaEditFunc          func,
                                         gpointer            data);
GtkWidget   *pa_edit_value_row_new      (const char         *title,
                                         const char         *list,
                                         const char         *none_label,
                                         PaEditFunc          func,
                                         gpointer            data);
GtkWidget   *pa_edit_country_row_new    (const char         *title,
                                         PaEditFunc          func,
                                         gpointer            data);
GtkWidget   *pa_edit_language_row_new   (const char         *title,
                                         const char         *none_label,
                                         PaEditFunc          func,
                                         gpointer            data);
const char  *pa_edit_combo_get_code     (GtkWidget          *row);
void         pa_edit_combo_set_code     (GtkWidget          *row,
                                         const char         *code);

void         pa_edit_set_record         (GtkWidget          *row,
                                         gint64              id,
                                         const char         *field);
gint64       pa_edit_get_record         (GtkWidget          *row);
const char  *pa_edit_get_field          (GtkWidget          *row);

GtkWidget   *pa_edit_error_box_new      (GtkWidget         **label);
GtkWidget   *pa_edit_placeholder_new    (const char         *text);
GtkWidget   *pa_edit_icon_button_new    (const char         *icon_name,
                                         const char         *tooltip);
char       **pa_edit_interface_languages (void);
char        *pa_edit_format_day         (const char         *day);
char        *pa_edit_today              (void);
void         pa_edit_clear_box          (GtkBox             *box);
void         pa_edit_set_str            (char              **where,
                                         const char         *value);
void         pa_edit_group_show_row     (AdwPreferencesGroup *group,
                                         GtkWidget           *row,
                                         gboolean             show);

G_END_DECLS
