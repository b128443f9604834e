/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <sqlite3.h>

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

/* Every row of every ordinary table (search index tables left out), as
 * text, to tell whether a change kept a store's content. */
GPtrArray   *pa_test_snapshot_take      (sqlite3     *db);
void         pa_test_snapshot_assert    (GPtrArray   *before,
                                         sqlite3     *db);
gint64       pa_test_query_int          (sqlite3     *db,
                                         const char  *sql);
void         pa_test_exec               (sqlite3     *db,
                                         const char  *sql);

G_END_DECLS
