/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

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

G_END_DECLS
