/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "passerelle"

#include "config.h"

#include <glib/gi18n.h>

#include "pa-case-page.h"
#include "pa-ui-utils.h"

typedef struct
{
  PaStore *store;
  PaCase *kase;
  gulong changed_id;
  /* The store or the case changed while the page was hidden. */
  gboolean stale;
} PaCasePagePrivate;

G_DEFINE_TYPE_WITH_PRIVATE (PaCasePage, pa_case_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_CASE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
reload_now (PaCasePage *self)
{
  PaCasePagePrivate *priv = pa_case_page_get_instance_private (self);

  priv->stale = FALSE;
  if (PA_CASE_PAGE_GET_CLASS (self)->reload != NULL)
    PA_CASE_PAGE_GET_CLASS (self)->reload (self);
}

static void
case_changed_cb (PaCasePage *self,
                 gint64      case_id)
{
  PaCasePagePrivate *priv = pa_case_page_get_instance_private (self);

  if (priv->kase == NULL || (case_id != 0 && case_id != pa_case_get_id (priv->kase)))
    return;
  pa_case_page_queue_reload (self);
}

static void
pa_case_page_map (GtkWidget *widget)
{
  PaCasePage *self = PA_CASE_PAGE (widget);
  PaCasePagePrivate *priv = pa_case_page_get_instance_private (self);

  GTK_WIDGET_CLASS (pa_case_page_parent_class)->map (widget);
  if (priv->stale)
    reload_now (self);
}

static void
pa_case_page_dispose (GObject *object)
{
  PaCasePage *self = PA_CASE_PAGE (object);
  PaCasePagePrivate *priv = pa_case_page_get_instance_private (self);

  if (priv->store != NULL)
    g_clear_signal_handler (&priv->changed_id, priv->store);
  g_clear_object (&priv->kase);
  g_clear_object (&priv->store);
  /* Sections are built from templates: what they did not unparent goes here. */
  pa_ui_unparent_children (GTK_WIDGET (self));

  G_OBJECT_CLASS (pa_case_page_parent_class)->dispose (object);
}

static void
pa_case_page_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  PaCasePage *self = PA_CASE_PAGE (object);
  PaCasePagePrivate *priv = pa_case_page_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, priv->store);
      break;
    case PROP_CASE:
      g_value_set_object (value, priv->kase);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pa_case_page_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  PaCasePage *self = PA_CASE_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      pa_case_page_set_store (self, g_value_get_object (value));
      break;
    case PROP_CASE:
      pa_case_page_set_case (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pa_case_page_class_init (PaCasePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pa_case_page_dispose;
  object_class->get_property = pa_case_page_get_property;
  object_class->set_property = pa_case_page_set_property;
  widget_class->map = pa_case_page_map;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, PA_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CASE] =
    g_param_spec_object ("case", NULL, NULL, PA_TYPE_CASE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
pa_case_page_init (PaCasePage *self)
{
  PaCasePagePrivate *priv = pa_case_page_get_instance_private (self);

  priv->stale = TRUE;
}

PaStore *
pa_case_page_get_store (PaCasePage *self)
{
  PaCasePagePrivate *priv;

  g_return_val_if_fail (PA_IS_CASE_PAGE (self), NULL);
  priv = pa_case_page_get_instance_private (self);
  return priv->store;
}

void
pa_case_page_set_store (PaCasePage *self,
                        PaStore    *store)
{
  PaCasePagePrivate *priv;

  g_return_if_fail (PA_IS_CASE_PAGE (self));
  g_return_if_fail (store == NULL || PA_IS_STORE (store));
  priv = pa_case_page_get_instance_private (self);

  if (priv->store == store)
    return;
  if (priv->store != NULL)
    g_clear_signal_handler (&priv->changed_id, priv->store);
  g_set_object (&priv->store, store);
  if (store != NULL)
    priv->changed_id = g_signal_connect_object (store, "case-changed",
                                                G_CALLBACK (case_changed_cb), self,
                                                G_CONNECT_SWAPPED);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
  pa_case_page_queue_reload (self);
}

PaCase *
pa_case_page_get_case (PaCasePage *self)
{
  PaCasePagePrivate *priv;

  g_return_val_if_fail (PA_IS_CASE_PAGE (self), NULL);
  priv = pa_case_page_get_instance_private (self);
  return priv->kase;
}

/* The id of the case shown, or 0. */
gint64
pa_case_page_get_case_id (PaCasePage *self)
{
  PaCase *kase = pa_case_page_get_case (self);

  return kase != NULL ? pa_case_get_id (kase) : 0;
}

/**
 * pa_case_page_set_case:
 * @kase: (nullable): the case to show
 *
 * Shows @kase; a newer copy of the case already shown refreshes the page.
 */
void
pa_case_page_set_case (PaCasePage *self,
                       PaCase     *kase)
{
  PaCasePagePrivate *priv;

  g_return_if_fail (PA_IS_CASE_PAGE (self));
  g_return_if_fail (kase == NULL || PA_IS_CASE (kase));
  priv = pa_case_page_get_instance_private (self);

  if (!g_set_object (&priv->kase, kase))
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CASE]);
  pa_case_page_queue_reload (self);
}

/* Reloads now when the page is shown, else when it is shown next. */
void
pa_case_page_queue_reload (PaCasePage *self)
{
  PaCasePagePrivate *priv;

  g_return_if_fail (PA_IS_CASE_PAGE (self));
  priv = pa_case_page_get_instance_private (self);

  priv->stale = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    reload_now (self);
}

gboolean
pa_case_page_save (PaCasePage *self)
{
  g_return_val_if_fail (PA_IS_CASE_PAGE (self), FALSE);

  if (PA_CASE_PAGE_GET_CLASS (self)->save == NULL)
    return TRUE;
  return PA_CASE_PAGE_GET_CLASS (self)->save (self);
}

/* Shows @toast in the window's toast overlay (sinks it). */
void
pa_case_page_add_toast (PaCasePage *self,
                        AdwToast   *toast)
{
  GtkWidget *overlay;

  g_return_if_fail (PA_IS_CASE_PAGE (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (toast);
}

void
pa_case_page_toast (PaCasePage *self,
                    const char *message)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);

  pa_case_page_add_toast (self, adw_toast_new (escaped));
}

typedef struct
{
  gpointer              record;
  GDestroyNotify        free_record;
  PaCasePageRestoreFunc restore;
} RemovedRecord;

static void
removed_record_free (RemovedRecord *removed)
{
  removed->free_record (removed->record);
  g_free (removed);
}

static void
undo_remove_cb (AdwToast   *toast,
                PaCasePage *self)
{
  RemovedRecord *removed = g_object_get_data (G_OBJECT (toast), "removed");
  PaStore *store = pa_case_page_get_store (self);
  g_autoptr (GError) error = NULL;

  if (store == NULL)
    return;
  if (!removed->restore (store, removed->record, &error))
    pa_case_page_toast (self, error->message);
}

/* Shows a toast titled @title with an Undo button that gives @record
 * (owned by the toast, freed with @free_record) back to @restore. */
void
pa_case_page_offer_undo (PaCasePage           *self,
                         const char           *title,
                         gpointer              record,
                         GDestroyNotify        free_record,
                         PaCasePageRestoreFunc restore)
{
  RemovedRecord *removed;
  AdwToast *toast;

  g_return_if_fail (PA_IS_CASE_PAGE (self));
  g_return_if_fail (record != NULL && free_record != NULL && restore != NULL);

  removed = g_new0 (RemovedRecord, 1);
  removed->record = record;
  removed->free_record = free_record;
  removed->restore = restore;
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  g_object_set_data_full (G_OBJECT (toast), "removed", removed,
                          (GDestroyNotify) removed_record_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_remove_cb), self, 0);
  pa_case_page_add_toast (self, toast);
}
