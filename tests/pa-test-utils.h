/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <sqlite3.h>

#include "pa-store.h"

G_BEGIN_DECLS

/* Exit status meson reads as "skipped". */
#define PA_TEST_SKIP 77

char        *pa_test_make_tmpdir        (void);
void         pa_test_remove_tree        (const char *path);
const char  *pa_test_shared_data        (void);
const char  *pa_test_shared_data_or_skip (void);
gboolean     pa_test_file_contains      (const char  *path,
                                         const char  *needle,
                                         gsize        needle_len);
int          pa_test_run_cli            (char       **out,
                                         char       **err,
                                         const char  *first_arg,
                                         ...) G_GNUC_NULL_TERMINATED;

/* A temporary folder holding one store, for fixtures: _setup opens
 * "centre.db" in a new folder, _teardown closes it and removes the folder. */
typedef struct
{
  char *dir;
  char *path;
  PaStore *store;
} PaTestStore;

void         pa_test_store_open         (PaTestStore *f,
                                         const char  *file_name);
void         pa_test_store_setup        (PaTestStore   *f,
                                         gconstpointer  data);
void         pa_test_store_teardown     (PaTestStore   *f,
                                         gconstpointer  data);

/* Runs a program found in PATH with the NULL-terminated arguments and
 * returns what it wrote; fails the test when it does not succeed. */
char        *pa_test_run                (const char  *first,
                                         ...) G_GNUC_NULL_TERMINATED;
/* A field of pdfinfo's answer for @pdf ("Pages", "Page size"…). */
char        *pa_test_pdf_info           (const char  *pdf,
                                         const char  *field);
int          pa_test_pdf_pages          (const char  *pdf);
/* @text without the embedding controls (U+202A–U+202E) pdftotext puts
 * around right-to-left runs, which a reader copying text does not see. */
char        *pa_test_without_bidi_controls (const char *text);

/* Every row of every ordinary table (search index tables left out), as
 * text, to tell whether a change kept a store's content. */
GPtrArray   *pa_test_snapshot_take      (sqlite3     *db);
void         pa_test_snapshot_assert    (GPtrArray   *before,
                                         sqlite3     *db);
gint64       pa_test_query_int          (sqlite3     *db,
                                         const char  *sql);
void         pa_test_exec               (sqlite3     *db,
                                         const char  *sql);

/* How many letters of the Arabic block the text holds. */
guint        pa_test_count_arabic       (const char  *text);

G_END_DECLS
