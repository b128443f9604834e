/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "pa-store.h"

G_BEGIN_DECLS

#define PA_TYPE_CERTIFICATES_GROUP (pa_certificates_group_get_type ())
G_DECLARE_FINAL_TYPE (PaCertificatesGroup, pa_certificates_group, PA, CERTIFICATES_GROUP,
                      GtkWidget)

GtkWidget *pa_certificates_group_new      (void);
void       pa_certificates_group_set_case (PaCertificatesGroup *self,
                                           PaStore             *store,
                                           gint64               case_id);
guint      pa_certificates_group_get_n_certificates (PaCertificatesGroup *self);
GtkWidget *pa_certificates_group_revoke   (PaCertificatesGroup *self,
                                           const char          *number);

G_END_DECLS
