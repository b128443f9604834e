/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

const char *pa_help_page_for_view (const char *view,
                                   const char *section);
char       *pa_help_uri           (const char *page);
char       *pa_help_html_file     (const char *html_dir,
                                   const char *page);

G_END_DECLS
