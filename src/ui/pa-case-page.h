/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pa-case.h"
#include "pa-store.h"

G_BEGIN_DECLS

#define PA_TYPE_CASE_PAGE (pa_case_page_get_type ())
G_DECLARE_DERIVABLE_TYPE (PaCasePage, pa_case_page, PA, CASE_PAGE, GtkWidget)

/**
 * PaCasePageClass:
 * @reload: reads what the page shows from the store again. Called when the
 *   page is shown after its case changed, and while it is shown whenever the
 *   store announces a change of its case. The case may be %NULL (nothing to
 *   show).
 * @save: stores an edit still being typed, if any; returns %FALSE when the
 *   store refused it (the page shows why where it happened).
 *
 * One section of a case (Profile, Languages, …). Sections only read the store
 * while they are visible, so selecting a case costs the one section shown.
 */
struct _PaCasePageClass
{
  GtkWidgetClass parent_class;

  void     (*reload) (PaCasePage *self);
  gboolean (*save)   (PaCasePage *self);
};

PaStore    *pa_case_page_get_store      (PaCasePage *self);
void        pa_case_page_set_store      (PaCasePage *self,
                                         PaStore    *store);
PaCase     *pa_case_page_get_case       (PaCasePage *self);
gint64      pa_case_page_get_case_id    (PaCasePage *self);
void        pa_case_page_set_case       (PaCasePage *self,
                                         PaCase     *kase);
void        pa_case_page_queue_reload   (PaCasePage *self);
gboolean    pa_case_page_save           (PaCasePage *self);
void        pa_case_page_add_toast      (PaCasePage *self,
                                         AdwToast   *toast);
void        pa_case_page_toast          (PaCasePage *self,
                                         const char *message);

/* Puts a removed @record back into @store; its old id is stale. */
typedef gboolean (*PaCasePageRestoreFunc) (PaStore  *store,
                                           gpointer  record,
                                           GError  **error);

void        pa_case_page_offer_undo     (PaCasePage           *self,
                                         const char           *title,
                                         gpointer              record,
                                         GDestroyNotify        free_record,
                                         PaCasePageRestoreFunc restore);

G_END_DECLS
