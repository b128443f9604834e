/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pa-case-list"

#include "config.h"

#include "pa-case-list.h"

/* A GListModel of the store's cases, filtered by a search text and by trash
 * state. It follows the store: any change to a case refreshes it. */
struct _PaCaseList
{
  GObject parent_instance;

  PaStore *store;
  GPtrArray *items;
  char *search;
  PaCaseFilter filter;
  gulong changed_id;
};

static void pa_case_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PaCaseList, pa_case_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, pa_case_list_model_init))

enum {
  PROP_0,
  PROP_SEARCH,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
pa_case_list_get_item_type (GListModel *model)
{
  return PA_TYPE_CASE;
}

static guint
pa_case_list_get_n_items (GListModel *model)
{
  return PA_CASE_LIST (model)->items->len;
}

static gpointer
pa_case_list_get_item (GListModel *model,
                       guint       position)
{
  PaCaseList *self = PA_CASE_LIST (model);

  if (position >= self->items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
pa_case_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = pa_case_list_get_item_type;
  iface->get_n_items = pa_case_list_get_n_items;
  iface->get_item = pa_case_list_get_item;
}

static void
case_changed_cb (PaCaseList *self,
                 gint64      case_id,
                 PaStore    *store)
{
  g_autoptr (GError) error = NULL;

  if (!pa_case_list_refresh (self, &error))
    g_warning ("Cannot refresh the case list: %s", error->message);
}

static void
pa_case_list_dispose (GObject *object)
{
  PaCaseList *self = (PaCaseList *) object;

  g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (pa_case_list_parent_class)->dispose (object);
}

static void
pa_case_list_finalize (GObject *object)
{
  PaCaseList *self = (PaCaseList *) object;

  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->search, g_free);

  G_OBJECT_CLASS (pa_case_list_parent_class)->finalize (object);
}

static void
pa_case_list_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  PaCaseList *self = PA_CASE_LIST (object);

  switch (prop_id)
    {
    case PROP_SEARCH:
      g_value_set_string (value, self->search);
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->items->len);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pa_case_list_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  PaCaseList *self = PA_CASE_LIST (object);

  switch (prop_id)
    {
    case PROP_SEARCH:
      pa_case_list_set_search (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pa_case_list_class_init (PaCaseListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pa_case_list_dispose;
  object_class->finalize = pa_case_list_finalize;
  object_class->get_property = pa_case_list_get_property;
  object_class->set_property = pa_case_list_set_property;

  properties[PROP_SEARCH] =
    g_param_spec_string ("search", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pa_case_list_init (PaCaseList *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * pa_case_list_new:
 *
 * Returns: (transfer full): a list of the store's cases, already filled.
 */
PaCaseList *
pa_case_list_new (PaStore      *store,
                  PaCaseFilter  filter)
{
  PaCaseList *self;
  g_autoptr (GError) error = NULL;

  g_return_val_if_fail (PA_IS_STORE (store), NULL);

  self = g_object_new (PA_TYPE_CASE_LIST, NULL);
  self->store = g_object_ref (store);
  self->filter = filter;
  self->changed_id = g_signal_connect_object (store, "case-changed",
                                              G_CALLBACK (case_changed_cb), self,
                                              G_CONNECT_SWAPPED);
  if (!pa_case_list_refresh (self, &error))
    g_warning ("Cannot read the case list: %s", error->message);
  return self;
}

PaStore *
pa_case_list_get_store (PaCaseList *self)
{
  g_return_val_if_fail (PA_IS_CASE_LIST (self), NULL);
  return self->store;
}

const char *
pa_case_list_get_search (PaCaseList *self)
{
  g_return_val_if_fail (PA_IS_CASE_LIST (self), NULL);
  return self->search;
}

void
pa_case_list_set_search (PaCaseList *self,
                         const char *search)
{
  g_autoptr (GError) error = NULL;

  g_return_if_fail (PA_IS_CASE_LIST (self));

  if (g_strcmp0 (self->search, search) == 0)
    return;
  g_free (self->search);
  self->search = g_strdup (search);
  if (!pa_case_list_refresh (self, &error))
    g_warning ("Cannot search the cases: %s", error->message);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH]);
}

PaCaseFilter
pa_case_list_get_filter (PaCaseList *self)
{
  g_return_val_if_fail (PA_IS_CASE_LIST (self), PA_CASE_FILTER_ACTIVE);
  return self->filter;
}

void
pa_case_list_set_filter (PaCaseList   *self,
                         PaCaseFilter  filter)
{
  g_autoptr (GError) error = NULL;

  g_return_if_fail (PA_IS_CASE_LIST (self));

  if (self->filter == filter)
    return;
  self->filter = filter;
  if (!pa_case_list_refresh (self, &error))
    g_warning ("Cannot read the case list: %s", error->message);
}

/**
 * pa_case_list_refresh:
 *
 * Reads the list again from the store and tells views what changed.
 */
gboolean
pa_case_list_refresh (PaCaseList  *self,
                      GError     **error)
{
  g_autoptr (GPtrArray) fresh = NULL;
  guint removed;

  g_return_val_if_fail (PA_IS_CASE_LIST (self), FALSE);

  fresh = pa_store_case_list (self->store, self->search, self->filter, error);
  if (fresh == NULL)
    return FALSE;
  removed = self->items->len;
  g_ptr_array_unref (self->items);
  self->items = g_steal_pointer (&fresh);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, self->items->len);
  if (removed != self->items->len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
  return TRUE;
}

/* Returns: the position of the case, or G_MAXUINT when it is not in the list. */
guint
pa_case_list_find (PaCaseList *self,
                   gint64      case_id)
{
  g_return_val_if_fail (PA_IS_CASE_LIST (self), G_MAXUINT);

  for (guint i = 0; i < self->items->len; i++)
    if (pa_case_get_id (g_ptr_array_index (self->items, i)) == case_id)
      return i;
  return G_MAXUINT;
}
