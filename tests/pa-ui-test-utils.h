/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pa-store.h"

G_BEGIN_DECLS

typedef gboolean (*Condition) (gpointer data);

/* Runs the main loop until @condition holds; fails the test after 20 s. */
void        wait_until      (Condition   condition,
                             gpointer    data,
                             const char *what);
/* Runs what the main loop has ready. */
void        drain           (void);
/* The first visible widget under @root of @type whose label (or, for a label,
 * text) contains @text (any when @text is NULL). */
GtkWidget  *find_widget     (GtkWidget  *root,
                             GType       type,
                             const char *text);
guint       count_children  (GtkWidget  *widget);
/* The first visible row of @type under @root whose title is @title. */
GtkWidget  *row_titled      (GtkWidget  *root,
                             GType       type,
                             const char *title);
/* A shown toplevel window of @type, or NULL. */
GtkWindow  *find_toplevel   (GType       type);
gboolean    is_mapped       (gpointer    widget);
/* Emits "clicked" on a sensitive button. */
void        click           (GtkWidget  *button);
/* Saves tests/artifacts/NAME.png (not compared). */
void        save_screenshot (gpointer    window,
                             const char *name);
/* The message dialog shown now (fails when there is none). */
GtkWidget  *wait_for_dialog (void);
/* Stores a case and returns its id. */
gint64      add_case        (PaStore    *store,
                             const char *given,
                             const char *family,
                             const char *origin);

G_END_DECLS

#include "pa-application.h"
#include "pa-window.h"

G_BEGIN_DECLS

/* A temporary centre store and, once shown, the real window on it. */
typedef struct
{
  char *dir;
  char *path;
  PaStore *store;
  PaWindow *window;
} UiFixture;

/* Starts GTK, libadwaita, a private session bus and the application; call
 * first in main (), then add tests, then return ui_test_run (). */
void           ui_test_init             (int        *argc,
                                         char     ***argv);
PaApplication *ui_test_app              (void);
int            ui_test_run              (void);
void           ui_fixture_setup         (UiFixture     *f,
                                         gconstpointer  data);
void           ui_fixture_teardown      (UiFixture     *f,
                                         gconstpointer  data);
/* Shows the window on the fixture's store (after the test added data). */
void           ui_fixture_show_window   (UiFixture     *f);
void           ui_open_first_case       (PaWindow      *window);
/* A named widget of the window's template. */
GtkWidget     *ui_window_child          (PaWindow      *window,
                                         const char    *name);
/* A named widget of a template of @type. */
GtkWidget     *ui_template_child        (gpointer       widget,
                                         GType          type,
                                         const char    *name);

const char    *ui_page                  (PaWindow      *window,
                                         const char    *stack);
const char    *ui_status_title          (PaWindow      *window,
                                         const char    *name);
GListModel    *ui_list_model            (PaWindow      *window);
guint          ui_n_listed              (PaWindow      *window);
PaCase        *ui_selected              (PaWindow      *window);
void           ui_select_id             (PaWindow      *window,
                                         gint64         id);
void           ui_activate              (PaWindow      *window,
                                         const char    *action);

G_END_DECLS
