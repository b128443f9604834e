/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pa-case-list"

#include "config.h"

#include "pa-case-list.h"

/* A GListModel of the store's cases, filtered by a search text and by trash
 * state. It holds the ids in order and reads a case when a view asks for it,
 * so a list of ten thousand cases costs the rows on screen. It follows the
 * store: any change to a case refreshes it. */
struct _PaCaseList
{
  GObject parent_instance;

  PaStore *store;
  GArray *ids;
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
  return PA_CASE_LIST (model)->ids->len;
}

static gpointer
pa_case_list_get_item (GListModel *model,
                       guint       position)
{
  PaCaseList *self = PA_CASE_LIST (model);
  g_autoptr (GError) error = NULL;
  PaCase *kase;

  if (position >= self->ids->len)
    return NULL;
  kase = pa_store_case_get_listed (self->store, g_array_index (self->ids, gint64, position),
                                   &error);
  /* Another program may have erased it since the list was read; the
   * store's next change notice refreshes the list. */
  if (kase == NULL)
    g_debug ("Case %u of the list cannot be read: %s", position, error->message);
  return kase;
}

static void
pa_case_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = pa_case_list_get_item_type;
  iface->get_n_items = pa_case_list_get_n_items;
  iface->get_item = pa_case_list_get_item;
}

/* Reads the ids again and tells views what changed: the rows between the
 * unchanged start and end of the list, and the row of @case_id (0: every
 * case may have changed), whose snapshot the store has renewed. */
static gboolean
refresh (PaCaseList  *self,
         gint64       case_id,
         GError     **error)
{
  g_autoptr (GArray) old = NULL;
  GArray *fresh;
  guint n_old, n_new, start = 0, end = 0;

  fresh = pa_store_case_list_ids (self->store, self->search, self->filter, error);
  if (fresh == NULL)
    return FALSE;
  old = g_steal_pointer (&self->ids);
  self->ids = fresh;
  n_old = old->len;
  n_new = fresh->len;

  if (case_id == 0)
    {
      g_list_model_items_changed (G_LIST_MODEL (self), 0, n_old, n_new);
    }
  else
    {
      guint shown;

      while (start < n_old && start < n_new &&
             g_array_index (old, gint64, start) == g_array_index (fresh, gint64, start))
        start++;
      while (end < n_old - start && end < n_new - start &&
             g_array_index (old, gint64, n_old - 1 - end) ==
             g_array_index (fresh, gint64, n_new - 1 - end))
        end++;
      if (start + end < n_old || start + end < n_new)
        g_list_model_items_changed (G_LIST_MODEL (self), start, n_old - start - end,
                                    n_new - start - end);
      /* The changed case, when it kept its place, is shown anew too. */
      shown = pa_case_list_find (self, case_id);
      if (shown != G_MAXUINT && (shown < start || shown >= n_new - end))
        g_list_model_items_changed (G_LIST_MODEL (self), shown, 1, 1);
    }
  if (n_old != n_new)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
  return TRUE;
}

static void
case_changed_cb (PaCaseList *self,
                 gint64      case_id,
                 PaStore    *store)
{
  g_autoptr (GError) error = NULL;

  if (!refresh (self, case_id, &error))
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

  g_clear_pointer (&self->ids, g_array_unref);
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
      g_value_set_uint (value, self->ids->len);
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
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
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
  g_return_val_if_fail (PA_IS_CASE_LIST (self), FALSE);

  return refresh (self, 0, error);
}

/* Returns: the position of the case, or G_MAXUINT when it is not in the list. */
guint
pa_case_list_find (PaCaseList *self,
                   gint64      case_id)
{
  g_return_val_if_fail (PA_IS_CASE_LIST (self), G_MAXUINT);

  for (guint i = 0; i < self->ids->len; i++)
    if (g_array_index (self->ids, gint64, i) == case_id)
      return i;
  return G_MAXUINT;
}
