/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "passerelle"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pa-builtin-frameworks.h"
#include "pa-concept-item.h"
#include "pa-concept-picker.h"
#include "pa-frameworks.h"
#include "pa-ui-utils.h"

/* Type-ahead over the concepts of every framework, in every language the
 * store holds, answering while the person types (a query takes well under a
 * millisecond once the index is in memory). Results are shown in the
 * interface language; the label that matched follows when it differs (typed
 * in another language). Up and Down move, Enter chooses, Escape cancels.
 *
 * The index takes a while to build on a store with ESCO (a few hundred
 * thousand labels), so it is built once per store in a worker thread and
 * shared by every picker on that store. */

#define RESULT_LIMIT 50
#define FILTERED_LIMIT 400
#define SEARCH_KEY "pa-concept-picker-search"

struct _PaConceptPicker
{
  GtkWidget parent_instance;

  PaStore *store;
  PaConceptKinds kinds;
  char *framework;
  char *language;
  GHashTable *framework_titles;

  PaFrameworkSearch *search;   /* NULL while the shared index loads */
  GCancellable *cancellable;
  GListStore *results;
  GtkSingleSelection *selection;

  GtkSearchEntry *search_entry;
  GtkStack *results_stack;
  GtkListView *results_view;
  AdwStatusPage *hint_page;
  GtkLabel *description_label;
};

G_DEFINE_FINAL_TYPE (PaConceptPicker, pa_concept_picker, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_KINDS,
  PROP_FRAMEWORK,
  PROP_READY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CONCEPT_CHOSEN,
  CANCELLED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The index shared by the pickers of one store. It lives on a connection
 * of its own, opened (and the built-in frameworks checked, which reads their
 * files) in a worker thread; that connection is only used from this thread
 * afterwards. Held as data of the store, it holds no reference to it. */

typedef struct
{
  PaStore *connection;
  PaFrameworkSearch *search;
  gint64 generation;
  gboolean loading;
  GPtrArray *waiting;   /* GTask */
  GError *error;
} SharedSearch;

static void
shared_search_free (SharedSearch *shared)
{
  g_clear_object (&shared->search);
  g_clear_object (&shared->connection);
  g_clear_pointer (&shared->waiting, g_ptr_array_unref);
  g_clear_error (&shared->error);
  g_free (shared);
}

static void
open_connection_thread (GTask        *task,
                        gpointer      source_object,
                        gpointer      task_data,
                        GCancellable *cancellable)
{
  g_autoptr (PaStore) store = NULL;
  g_autoptr (GError) error = NULL;

  store = pa_store_open (task_data, &error);
  if (store == NULL || !pa_builtin_frameworks_ensure (store, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, g_steal_pointer (&store), g_object_unref);
}

static void
shared_search_finish (SharedSearch *shared)
{
  g_autoptr (GPtrArray) waiting = g_steal_pointer (&shared->waiting);

  shared->waiting = g_ptr_array_new_with_free_func (g_object_unref);
  shared->loading = FALSE;
  for (guint i = 0; i < waiting->len; i++)
    {
      GTask *task = g_ptr_array_index (waiting, i);

      if (shared->error != NULL)
        g_task_return_error (task, g_error_copy (shared->error));
      else
        g_task_return_pointer (task, g_object_ref (shared->search), g_object_unref);
    }
}

static void
search_loaded_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr (PaStore) store = user_data;
  SharedSearch *shared = g_object_get_data (G_OBJECT (store), SEARCH_KEY);

  g_clear_error (&shared->error);
  if (!pa_framework_search_load_finish (PA_FRAMEWORK_SEARCH (source), result, &shared->error))
    g_clear_object (&shared->search);
  shared_search_finish (shared);
}

static void
load_index (PaStore      *store,
            SharedSearch *shared)
{
  if (shared->search == NULL)
    shared->search = pa_framework_search_new (shared->connection);
  shared->generation = pa_frameworks_get_generation (shared->connection);
  pa_framework_search_load_async (shared->search, NULL, search_loaded_cb, g_object_ref (store));
}

static void
connection_opened_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr (PaStore) store = user_data;
  SharedSearch *shared = g_object_get_data (G_OBJECT (store), SEARCH_KEY);

  g_clear_error (&shared->error);
  shared->connection = g_task_propagate_pointer (G_TASK (result), &shared->error);
  if (shared->connection == NULL)
    {
      shared_search_finish (shared);
      return;
    }
  load_index (store, shared);
}

/* Returns the store's search index through @callback, building it first in a
 * worker thread when it is not built or the frameworks changed since. */
static void
shared_search_get_async (PaStore             *store,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr (GTask) task = g_task_new (store, cancellable, callback, user_data);
  SharedSearch *shared = g_object_get_data (G_OBJECT (store), SEARCH_KEY);

  if (shared == NULL)
    {
      shared = g_new0 (SharedSearch, 1);
      shared->waiting = g_ptr_array_new_with_free_func (g_object_unref);
      g_object_set_data_full (G_OBJECT (store), SEARCH_KEY, shared,
                              (GDestroyNotify) shared_search_free);
    }
  if (!shared->loading && shared->search != NULL &&
      shared->generation == pa_frameworks_get_generation (shared->connection))
    {
      g_task_return_pointer (task, g_object_ref (shared->search), g_object_unref);
      return;
    }
  g_ptr_array_add (shared->waiting, g_steal_pointer (&task));
  if (shared->loading)
    return;

  shared->loading = TRUE;
  if (shared->connection != NULL)
    load_index (store, shared);
  else
    {
      g_autoptr (GTask) open = g_task_new (NULL, NULL, connection_opened_cb, g_object_ref (store));

      g_task_set_task_data (open, g_strdup (pa_store_get_path (store)), g_free);
      g_task_run_in_thread (open, open_connection_thread);
    }
}

static PaFrameworkSearch *
shared_search_get_finish (PaStore       *store,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Helpers */

/**
 * pa_concept_picker_default_language:
 *
 * The interface language as a framework language code ("fr", "ar"; "en"
 * for the C locale). Returns: (transfer full)
 */
char *
pa_concept_picker_default_language (void)
{
  const char * const *names = g_get_language_names ();

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *code = NULL;
      char *end;

      if (g_str_equal (names[i], "C") || g_str_equal (names[i], "POSIX"))
        break;
      code = g_ascii_strdown (names[i], -1);
      end = strpbrk (code, "_.@");
      if (end != NULL)
        *end = '\0';
      if (strlen (code) >= 2)
        return g_steal_pointer (&code);
    }
  return g_strdup ("en");
}

static const char *
framework_title (PaConceptPicker *self,
                 const char      *code)
{
  const char *title;

  if (code == NULL)
    return NULL;
  if (self->framework_titles == NULL && self->store != NULL)
    {
      g_autoptr (GPtrArray) list = pa_frameworks_list (self->store, NULL);

      self->framework_titles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      for (guint i = 0; list != NULL && i < list->len; i++)
        {
          PaFrameworkInfo *info = g_ptr_array_index (list, i);
          g_hash_table_insert (self->framework_titles, g_strdup (info->code),
                               g_strdup (pa_framework_display_title (info->code, info->title)));
        }
    }
  title = self->framework_titles ? g_hash_table_lookup (self->framework_titles, code) : NULL;
  return title != NULL ? title : code;
}

/* GTK 4.8 has no gtk_list_view_scroll_to (): its action does the same. */
static void
scroll_to (PaConceptPicker *self,
           guint            position)
{
  gtk_widget_activate_action (GTK_WIDGET (self->results_view), "list.scroll-to-item", "u", position);
}

static PaConceptItem *
selected_item (PaConceptPicker *self)
{
  return gtk_single_selection_get_selected_item (self->selection);
}

static void
show_hint (PaConceptPicker *self,
           const char      *icon,
           const char      *title,
           const char      *description)
{
  adw_status_page_set_icon_name (self->hint_page, icon);
  adw_status_page_set_title (self->hint_page, title);
  adw_status_page_set_description (self->hint_page, description);
  gtk_stack_set_visible_child_name (self->results_stack, "hint");
}

static void
update_description (PaConceptPicker *self)
{
  PaConceptItem *item = selected_item (self);
  const char *description = NULL;

  if (item != NULL && self->store != NULL)
    {
      pa_concept_item_load_details (item, self->store, self->language, NULL);
      description = pa_concept_item_get_description (item);
    }
  gtk_label_set_text (self->description_label, description ? description : "");
  gtk_widget_set_visible (GTK_WIDGET (self->description_label),
                          description != NULL && *description != '\0');
}

static gboolean
has_words (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isalnum (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

static void
run_query (PaConceptPicker *self)
{
  g_autoptr (GPtrArray) hits = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  const char *noun = (self->kinds & PA_CONCEPT_KIND_OCCUPATION) && !(self->kinds & PA_CONCEPT_KINDS_SKILLS)
                     ? _("occupations") : _("skills");

  if (self->search == NULL)
    {
      if (self->store != NULL)
        show_hint (self, "content-loading-symbolic", _("Loading the frameworks…"), NULL);
      g_list_store_remove_all (self->results);
      return;
    }

  if (!has_words (text))
    {
      g_autofree char *description = NULL;

      g_list_store_remove_all (self->results);
      /* Translators: %s is "skills" or "occupations" */
      description = g_strdup_printf (_("Type a few letters to find %s in any language."), noun);
      show_hint (self, "system-search-symbolic", _("Search"), description);
      update_description (self);
      return;
    }

  hits = pa_framework_search_query (self->search, text, self->kinds, self->language, NULL,
                                    self->framework != NULL ? FILTERED_LIMIT : RESULT_LIMIT, &error);
  if (hits == NULL)
    {
      g_list_store_remove_all (self->results);
      show_hint (self, "dialog-error-symbolic", _("The search failed"), error->message);
      update_description (self);
      return;
    }

  for (guint i = 0; i < hits->len && items->len < RESULT_LIMIT; i++)
    {
      PaConceptItem *item = pa_concept_item_new (g_ptr_array_index (hits, i));

      if (self->framework != NULL &&
          (!pa_concept_item_load_details (item, self->store, self->language, NULL) ||
           g_strcmp0 (pa_concept_item_get_framework (item), self->framework) != 0))
        {
          g_object_unref (item);
          continue;
        }
      g_ptr_array_add (items, item);
    }
  g_list_store_splice (self->results, 0, g_list_model_get_n_items (G_LIST_MODEL (self->results)),
                       items->pdata, items->len);
  if (items->len == 0)
    {
      g_autofree char *title = g_strdup_printf (_("No Match for “%s”"), text);
      show_hint (self, "edit-find-symbolic", title,
                 _("Try another word, a shorter beginning, or another language."));
    }
  else
    {
      gtk_stack_set_visible_child_name (self->results_stack, "results");
      gtk_single_selection_set_selected (self->selection, 0);
      scroll_to (self, 0);
    }
  update_description (self);
}

static void
search_ready_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PaFrameworkSearch) search = shared_search_get_finish (PA_STORE (source), result, &error);
  PaConceptPicker *self;

  if (search == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = PA_CONCEPT_PICKER (user_data);
  if (search == NULL)
    {
      show_hint (self, "dialog-error-symbolic", _("The frameworks could not be read"),
                 error->message);
      return;
    }
  g_set_object (&self->search, search);
  run_query (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READY]);
}

static void
load_search (PaConceptPicker *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->search);
  g_clear_pointer (&self->framework_titles, g_hash_table_unref);
  if (self->store == NULL)
    return;
  self->cancellable = g_cancellable_new ();
  run_query (self);
  shared_search_get_async (self->store, self->cancellable, search_ready_cb, self);
}

static void
choose (PaConceptPicker *self,
        PaConceptItem   *item)
{
  if (item == NULL)
    return;
  g_signal_emit (self, signals[CONCEPT_CHOSEN], 0,
                 pa_concept_item_get_uri (item), pa_concept_item_get_label (item));
}

/* Callbacks */

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *matched = gtk_label_new (NULL);
  GtkWidget *caption = gtk_label_new (NULL);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  for (GtkWidget *label = title; label != NULL;
       label = label == title ? matched : label == matched ? caption : NULL)
    {
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_box_append (GTK_BOX (box), label);
    }
  gtk_widget_add_css_class (title, "heading");
  gtk_widget_add_css_class (matched, "dim-label");
  gtk_widget_add_css_class (caption, "caption");
  gtk_widget_add_css_class (caption, "dim-label");
  gtk_list_item_set_child (list_item, box);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             gpointer                  user_data)
{
  PaConceptPicker *self = PA_CONCEPT_PICKER (user_data);
  PaConceptItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *title = gtk_widget_get_first_child (box);
  GtkWidget *matched = gtk_widget_get_next_sibling (title);
  GtkWidget *caption = gtk_widget_get_next_sibling (matched);
  g_autofree char *matched_text = pa_concept_item_dup_matched_text (item);
  g_autofree char *caption_text = NULL;
  const char *framework;

  pa_concept_item_load_details (item, self->store, self->language, NULL);
  framework = framework_title (self, pa_concept_item_get_framework (item));
  /* Translators: a framework and a kind of concept, as in "ESCO · Knowledge" */
  caption_text = g_strdup_printf (C_("concept caption", "%s · %s"), framework ? framework : "",
                                  pa_concept_kind_label (pa_concept_item_get_kind (item),
                                              pa_concept_item_get_skill_type (item)));
  gtk_label_set_text (GTK_LABEL (title), pa_concept_item_get_label (item));
  gtk_label_set_text (GTK_LABEL (matched), matched_text ? matched_text : "");
  gtk_widget_set_visible (matched, matched_text != NULL);
  gtk_label_set_text (GTK_LABEL (caption), caption_text);
  gtk_widget_set_tooltip_text (box, pa_concept_item_get_description (item));
  gtk_accessible_update_property (GTK_ACCESSIBLE (box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, pa_concept_item_get_label (item),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, caption_text,
                                  -1);
}

static void
search_changed_cb (PaConceptPicker *self)
{
  run_query (self);
}

static void
search_activate_cb (PaConceptPicker *self)
{
  choose (self, selected_item (self));
}

static void
stop_search_cb (PaConceptPicker *self)
{
  g_signal_emit (self, signals[CANCELLED], 0);
}

static void
list_activate_cb (PaConceptPicker *self,
                  guint            position)
{
  g_autoptr (PaConceptItem) item = g_list_model_get_item (G_LIST_MODEL (self->results), position);

  choose (self, item);
}

static void
move_selection (PaConceptPicker *self,
                int              delta)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->results));
  guint selected = gtk_single_selection_get_selected (self->selection);
  int next;

  if (n == 0)
    return;
  if (selected == GTK_INVALID_LIST_POSITION)
    next = 0;
  else
    next = CLAMP ((int) selected + delta, 0, (int) n - 1);
  gtk_single_selection_set_selected (self->selection, (guint) next);
  scroll_to (self, (guint) next);
}

/* Arrows move through the results while the focus stays in the entry, so
 * that typing and choosing never need the mouse. */
static gboolean
entry_key_pressed_cb (GtkEventControllerKey *controller,
                      guint                  keyval,
                      guint                  keycode,
                      GdkModifierType        state,
                      gpointer               user_data)
{
  PaConceptPicker *self = PA_CONCEPT_PICKER (user_data);

  switch (keyval)
    {
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      move_selection (self, 1);
      return GDK_EVENT_STOP;
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      move_selection (self, -1);
      return GDK_EVENT_STOP;
    case GDK_KEY_Page_Down:
      move_selection (self, 8);
      return GDK_EVENT_STOP;
    case GDK_KEY_Page_Up:
      move_selection (self, -8);
      return GDK_EVENT_STOP;
    default:
      return GDK_EVENT_PROPAGATE;
    }
}

static void
selection_changed_cb (PaConceptPicker *self)
{
  update_description (self);
}

/* GObject */

static void
pa_concept_picker_dispose (GObject *object)
{
  PaConceptPicker *self = PA_CONCEPT_PICKER (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (object), PA_TYPE_CONCEPT_PICKER);
  pa_ui_unparent_children (GTK_WIDGET (object));
  g_clear_object (&self->search);
  g_clear_object (&self->store);
  g_clear_object (&self->selection);
  g_clear_object (&self->results);
  g_clear_pointer (&self->framework_titles, g_hash_table_unref);

  G_OBJECT_CLASS (pa_concept_picker_parent_class)->dispose (object);
}

static void
pa_concept_picker_finalize (GObject *object)
{
  PaConceptPicker *self = PA_CONCEPT_PICKER (object);

  g_free (self->framework);
  g_free (self->language);

  G_OBJECT_CLASS (pa_concept_picker_parent_class)->finalize (object);
}

static void
pa_concept_picker_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  PaConceptPicker *self = PA_CONCEPT_PICKER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_KINDS:
      g_value_set_uint (value, self->kinds);
      break;
    case PROP_FRAMEWORK:
      g_value_set_string (value, self->framework);
      break;
    case PROP_READY:
      g_value_set_boolean (value, self->search != NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pa_concept_picker_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  PaConceptPicker *self = PA_CONCEPT_PICKER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      pa_concept_picker_set_store (self, g_value_get_object (value));
      break;
    case PROP_KINDS:
      pa_concept_picker_set_kinds (self, g_value_get_uint (value));
      break;
    case PROP_FRAMEWORK:
      pa_concept_picker_set_framework (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static gboolean
pa_concept_picker_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (PA_CONCEPT_PICKER (widget)->search_entry));
}

static void
pa_concept_picker_class_init (PaConceptPickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pa_concept_picker_dispose;
  object_class->finalize = pa_concept_picker_finalize;
  object_class->get_property = pa_concept_picker_get_property;
  object_class->set_property = pa_concept_picker_set_property;
  widget_class->grab_focus = pa_concept_picker_grab_focus;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, PA_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* PaConceptKinds flags, e.g. PA_CONCEPT_KINDS_SKILLS or PA_CONCEPT_KIND_OCCUPATION. */
  properties[PROP_KINDS] =
    g_param_spec_uint ("kinds", NULL, NULL, 0, PA_CONCEPT_KINDS_ALL, PA_CONCEPT_KINDS_SKILLS,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FRAMEWORK] =
    g_param_spec_string ("framework", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_READY] =
    g_param_spec_boolean ("ready", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PaConceptPicker::concept-chosen:
   * @uri: the concept's URI
   * @label: its label in the interface language
   *
   * Emitted when a result is activated (Enter, double click).
   */
  signals[CONCEPT_CHOSEN] =
    g_signal_new ("concept-chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);
  /* Emitted on Escape in the search entry. */
  signals[CANCELLED] =
    g_signal_new ("cancelled", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/passerelle/Passerelle/pa-concept-picker.ui");
  gtk_widget_class_bind_template_child (widget_class, PaConceptPicker, search_entry);
  gtk_widget_class_bind_template_child (widget_class, PaConceptPicker, results_stack);
  gtk_widget_class_bind_template_child (widget_class, PaConceptPicker, results_view);
  gtk_widget_class_bind_template_child (widget_class, PaConceptPicker, hint_page);
  gtk_widget_class_bind_template_child (widget_class, PaConceptPicker, description_label);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
pa_concept_picker_init (PaConceptPicker *self)
{
  g_autoptr (GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->kinds = PA_CONCEPT_KINDS_SKILLS;
  self->language = pa_concept_picker_default_language ();
  self->results = g_list_store_new (PA_TYPE_CONCEPT_ITEM);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->results)));
  gtk_single_selection_set_autoselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "notify::selected", G_CALLBACK (selection_changed_cb),
                            self);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  gtk_list_view_set_factory (self->results_view, factory);
  gtk_list_view_set_model (self->results_view, GTK_SELECTION_MODEL (self->selection));

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (entry_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), keys);
  run_query (self);
}

/* Public */

/**
 * pa_concept_picker_new:
 * @kinds: the concepts offered (PA_CONCEPT_KINDS_SKILLS, PA_CONCEPT_KIND_OCCUPATION, …)
 */
GtkWidget *
pa_concept_picker_new (PaStore        *store,
                       PaConceptKinds  kinds)
{
  return g_object_new (PA_TYPE_CONCEPT_PICKER, "store", store, "kinds", (guint) kinds, NULL);
}

PaStore *
pa_concept_picker_get_store (PaConceptPicker *self)
{
  g_return_val_if_fail (PA_IS_CONCEPT_PICKER (self), NULL);
  return self->store;
}

void
pa_concept_picker_set_store (PaConceptPicker *self,
                             PaStore         *store)
{
  g_return_if_fail (PA_IS_CONCEPT_PICKER (self));
  g_return_if_fail (store == NULL || PA_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;
  load_search (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

PaConceptKinds
pa_concept_picker_get_kinds (PaConceptPicker *self)
{
  g_return_val_if_fail (PA_IS_CONCEPT_PICKER (self), 0);
  return self->kinds;
}

void
pa_concept_picker_set_kinds (PaConceptPicker *self,
                             PaConceptKinds   kinds)
{
  g_return_if_fail (PA_IS_CONCEPT_PICKER (self));

  if (self->kinds == kinds)
    return;
  self->kinds = kinds;
  run_query (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KINDS]);
}

const char *
pa_concept_picker_get_framework (PaConceptPicker *self)
{
  g_return_val_if_fail (PA_IS_CONCEPT_PICKER (self), NULL);
  return self->framework;
}

/**
 * pa_concept_picker_set_framework:
 * @framework: (nullable): a framework code ("esco", "digcomp", …) to search
 *   only its concepts, or %NULL for every framework
 */
void
pa_concept_picker_set_framework (PaConceptPicker *self,
                                 const char      *framework)
{
  g_return_if_fail (PA_IS_CONCEPT_PICKER (self));

  if (g_strcmp0 (self->framework, framework) == 0)
    return;
  g_free (self->framework);
  self->framework = framework != NULL && *framework != '\0' ? g_strdup (framework) : NULL;
  run_query (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRAMEWORK]);
}

/* The language results are shown in (the interface language). */
const char *
pa_concept_picker_get_language (PaConceptPicker *self)
{
  g_return_val_if_fail (PA_IS_CONCEPT_PICKER (self), NULL);
  return self->language;
}

void
pa_concept_picker_set_text (PaConceptPicker *self,
                            const char      *text)
{
  g_return_if_fail (PA_IS_CONCEPT_PICKER (self));
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text ? text : "");
}

guint
pa_concept_picker_get_n_results (PaConceptPicker *self)
{
  g_return_val_if_fail (PA_IS_CONCEPT_PICKER (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->results));
}

/* The URI of the result Enter would choose, or NULL. */
const char *
pa_concept_picker_get_selected_uri (PaConceptPicker *self)
{
  PaConceptItem *item;

  g_return_val_if_fail (PA_IS_CONCEPT_PICKER (self), NULL);
  item = selected_item (self);
  return item ? pa_concept_item_get_uri (item) : NULL;
}

/* Chooses the selected result, as Enter does; FALSE when there is none. */
gboolean
pa_concept_picker_choose_selected (PaConceptPicker *self)
{
  PaConceptItem *item;

  g_return_val_if_fail (PA_IS_CONCEPT_PICKER (self), FALSE);
  item = selected_item (self);
  if (item == NULL)
    return FALSE;
  choose (self, item);
  return TRUE;
}

/* Whether the index is loaded (the "ready" property): results follow typing. */
gboolean
pa_concept_picker_is_ready (PaConceptPicker *self)
{
  g_return_val_if_fail (PA_IS_CONCEPT_PICKER (self), FALSE);
  return self->search != NULL;
}

/* The modal picker window */

typedef struct
{
  PaConceptPickerCallback callback;
  gpointer user_data;
  gboolean done;
} RunData;

static void
run_data_finish (GtkWindow  *window,
                 const char *uri,
                 const char *label)
{
  RunData *run = g_object_get_data (G_OBJECT (window), "pa-concept-picker-run");

  if (run == NULL || run->done)
    return;
  run->done = TRUE;
  if (run->callback != NULL)
    run->callback (uri, label, run->user_data);
}

static void
run_chosen_cb (PaConceptPicker *picker,
               const char      *uri,
               const char      *label,
               GtkWindow       *window)
{
  g_autofree char *uri_copy = g_strdup (uri);
  g_autofree char *label_copy = g_strdup (label);

  /* The answer first: closing would report a cancel. */
  g_object_ref (window);
  run_data_finish (window, uri_copy, label_copy);
  gtk_window_close (window);
  g_object_unref (window);
}

static void
run_cancelled_cb (GtkWindow *window)
{
  gtk_window_close (window);
}

static gboolean
run_close_request_cb (GtkWindow *window)
{
  run_data_finish (window, NULL, NULL);
  return FALSE;
}

static void
run_add_clicked_cb (GtkWindow *window)
{
  pa_concept_picker_choose_selected (pa_concept_picker_window_get_picker (window));
}

static void
run_update_add_cb (GtkWidget *add_button)
{
  GtkWindow *window = GTK_WINDOW (gtk_widget_get_root (add_button));
  PaConceptPicker *picker = pa_concept_picker_window_get_picker (window);

  gtk_widget_set_sensitive (add_button, pa_concept_picker_get_selected_uri (picker) != NULL);
}

/**
 * pa_concept_picker_run:
 * @parent: a widget of the window the picker belongs to
 * @kinds: the concepts offered
 * @title: the window's title ("Add Competence")
 * @callback: called once, with the concept chosen or %NULL when cancelled
 *
 * Opens a modal window with a concept picker: Enter or "Add" chooses the
 * selected result, Escape or "Cancel" closes it.
 *
 * Returns: (transfer none): the window, already shown
 */
GtkWindow *
pa_concept_picker_run (GtkWidget               *parent,
                       PaStore                 *store,
                       PaConceptKinds           kinds,
                       const char              *title,
                       PaConceptPickerCallback  callback,
                       gpointer                 user_data)
{
  GtkWidget *window;
  GtkWidget *box;
  GtkWidget *header;
  GtkWidget *cancel;
  GtkWidget *add;
  GtkWidget *picker;
  GtkEventController *shortcuts;
  RunData *run;
  GtkRoot *root;

  g_return_val_if_fail (GTK_IS_WIDGET (parent), NULL);
  g_return_val_if_fail (PA_IS_STORE (store), NULL);

  window = adw_window_new ();
  root = gtk_widget_get_root (parent);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (root));
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (window), TRUE);
  gtk_window_set_title (GTK_WINDOW (window), title);
  gtk_window_set_default_size (GTK_WINDOW (window), 520, 600);

  run = g_new0 (RunData, 1);
  run->callback = callback;
  run->user_data = user_data;
  g_object_set_data_full (G_OBJECT (window), "pa-concept-picker-run", run, g_free);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  add = gtk_button_new_with_mnemonic (_("_Add"));
  gtk_widget_add_css_class (add, "suggested-action");
  gtk_widget_set_sensitive (add, FALSE);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), add);
  gtk_box_append (GTK_BOX (box), header);

  picker = pa_concept_picker_new (store, kinds);
  gtk_widget_set_vexpand (picker, TRUE);
  gtk_box_append (GTK_BOX (box), picker);
  g_object_set_data (G_OBJECT (window), "pa-concept-picker", picker);
  adw_window_set_content (ADW_WINDOW (window), box);

  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (run_cancelled_cb), window);
  g_signal_connect_swapped (add, "clicked", G_CALLBACK (run_add_clicked_cb), window);
  g_signal_connect_object (picker, "concept-chosen", G_CALLBACK (run_chosen_cb), window, 0);
  g_signal_connect_swapped (picker, "cancelled", G_CALLBACK (run_cancelled_cb), window);
  g_signal_connect (window, "close-request", G_CALLBACK (run_close_request_cb), NULL);
  g_signal_connect_object (PA_CONCEPT_PICKER (picker)->selection, "notify::selected",
                           G_CALLBACK (run_update_add_cb), add, G_CONNECT_SWAPPED);
  g_signal_connect_object (PA_CONCEPT_PICKER (picker)->selection, "items-changed",
                           G_CALLBACK (run_update_add_cb), add, G_CONNECT_SWAPPED);

  /* Escape closes the window wherever the focus is. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                          gtk_named_action_new ("window.close")));
  gtk_widget_add_controller (window, shortcuts);

  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_grab_focus (picker);
  return GTK_WINDOW (window);
}

/* The picker inside a window opened by pa_concept_picker_run(). */
PaConceptPicker *
pa_concept_picker_window_get_picker (GtkWindow *window)
{
  g_return_val_if_fail (GTK_IS_WINDOW (window), NULL);
  return g_object_get_data (G_OBJECT (window), "pa-concept-picker");
}
