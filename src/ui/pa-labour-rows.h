/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pa-store.h"

G_BEGIN_DECLS

/* Rows and helpers the Training Catalogue and Labour Market views share. */

typedef void (*PaLabourCommitFunc) (GtkWidget *row,
                                    gpointer   user_data);

void        pa_labour_entry_row_on_commit (AdwEntryRow         *row,
                                           PaLabourCommitFunc   func,
                                           gpointer             user_data);
void        pa_labour_entry_row_set_text  (AdwEntryRow         *row,
                                           const char          *text);
GtkWidget  *pa_labour_concept_row         (PaStore             *store,
                                           const char          *uri,
                                           const char          *remove_tooltip,
                                           GCallback            remove_cb,
                                           gpointer             user_data);
char       *pa_labour_display_label       (PaStore             *store,
                                           const char          *uri);
const char *const *pa_labour_language_codes (void);
char       *pa_labour_language_name       (const char          *code);
void        pa_labour_toast               (GtkWidget           *widget,
                                           AdwToast            *toast);
void        pa_labour_clear_list          (GtkListBox          *list);
gboolean    pa_labour_remove_uri          (GPtrArray           *uris,
                                           const char          *uri);

G_END_DECLS
