/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "passerelle"

#include "config.h"

#include <glib/gi18n.h>

#include "pa-ui-utils.h"
#include "pa-view-switcher.h"

/* The title of a view's sidebar, which is also the way to the other views of
 * the centre (Cases, Seminars, Catalogue, Labour Market, Statistics): one
 * click on the title lists them, Ctrl+1…5 go straight to one. */
struct _PaViewSwitcher
{
  GtkWidget parent_instance;

  GtkMenuButton *button;
  AdwWindowTitle *window_title;
};

G_DEFINE_FINAL_TYPE (PaViewSwitcher, pa_view_switcher, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_SUBTITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GMenuModel *
views_menu_new (void)
{
  static const struct { const char *label; const char *view; } views[] = {
    { N_("_Cases"), "cases" },
    { N_("_Seminars"), "seminars" },
    { N_("Training _Catalogue"), "catalogue" },
    { N_("_Labour Market"), "labour" },
    { N_("S_tatistics"), "statistics" },
  };
  GMenu *menu = g_menu_new ();

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      g_autoptr (GMenuItem) item = g_menu_item_new (_(views[i].label), NULL);

      g_menu_item_set_action_and_target (item, "win.view", "s", views[i].view);
      g_menu_append_item (menu, item);
    }
  return G_MENU_MODEL (menu);
}

static void
pa_view_switcher_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), PA_TYPE_VIEW_SWITCHER);
  pa_ui_unparent_children (GTK_WIDGET (object));

  G_OBJECT_CLASS (pa_view_switcher_parent_class)->dispose (object);
}

static void
pa_view_switcher_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  PaViewSwitcher *self = PA_VIEW_SWITCHER (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, adw_window_title_get_title (self->window_title));
      break;
    case PROP_SUBTITLE:
      g_value_set_string (value, adw_window_title_get_subtitle (self->window_title));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pa_view_switcher_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  PaViewSwitcher *self = PA_VIEW_SWITCHER (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      pa_view_switcher_set_title (self, g_value_get_string (value));
      break;
    case PROP_SUBTITLE:
      pa_view_switcher_set_subtitle (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pa_view_switcher_class_init (PaViewSwitcherClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pa_view_switcher_dispose;
  object_class->get_property = pa_view_switcher_get_property;
  object_class->set_property = pa_view_switcher_set_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUBTITLE] =
    g_param_spec_string ("subtitle", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/passerelle/Passerelle/pa-view-switcher.ui");
  gtk_widget_class_bind_template_child (widget_class, PaViewSwitcher, button);
  gtk_widget_class_bind_template_child (widget_class, PaViewSwitcher, window_title);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
pa_view_switcher_init (PaViewSwitcher *self)
{
  g_autoptr (GMenuModel) menu = views_menu_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_menu_button_set_menu_model (self->button, menu);
}

GtkWidget *
pa_view_switcher_new (void)
{
  return g_object_new (PA_TYPE_VIEW_SWITCHER, NULL);
}

void
pa_view_switcher_set_title (PaViewSwitcher *self,
                            const char     *title)
{
  g_return_if_fail (PA_IS_VIEW_SWITCHER (self));

  if (g_strcmp0 (title, adw_window_title_get_title (self->window_title)) == 0)
    return;
  adw_window_title_set_title (self->window_title, title ? title : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, title ? title : "", -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

void
pa_view_switcher_set_subtitle (PaViewSwitcher *self,
                               const char     *subtitle)
{
  g_return_if_fail (PA_IS_VIEW_SWITCHER (self));

  if (g_strcmp0 (subtitle, adw_window_title_get_subtitle (self->window_title)) == 0)
    return;
  adw_window_title_set_subtitle (self->window_title, subtitle ? subtitle : "");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUBTITLE]);
}
