/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char     *pa_fold_text        (const char *text);
char     *pa_label_clean      (const char *text,
                               gssize      length);
gboolean  pa_fold_next_word   (const char **cursor,
                               const char **word,
                               gsize       *word_length);

G_END_DECLS
