/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "passerelle"

#include "config.h"

#include "pa-help.h"

/* Which page of the help (help/C/PAGE.page) speaks of what the window
 * shows. Views are the names of the window's main stack and of the view
 * menu; sections are those of a case, and "trash". */

typedef struct
{
  const char *name;
  const char *page;
} HelpPage;

static const HelpPage case_sections[] = {
  { "profile", "intake" },
  { "languages", "intake" },
  { "education", "intake" },
  { "experiences", "intake" },
  { "competences", "stages" },
  { "evidence", "stages" },
  { "matches", "matching" },
  { "plan", "matching" },
  { "sessions", "seminars" },
  { "certificates", "printing" },
  { "trash", "privacy-backups" },
};

static const HelpPage views[] = {
  { "welcome", "getting-started" },
  { "cases", "getting-started" },
  { "seminars", "seminars" },
  { "catalogue", "seminars" },
  { "labour", "matching" },
  { "error", "privacy-backups" },
};

static const char *
lookup (const HelpPage *pages,
        gsize           n,
        const char     *name)
{
  for (gsize i = 0; name != NULL && i < n; i++)
    if (g_str_equal (pages[i].name, name))
      return pages[i].page;
  return NULL;
}

/**
 * pa_help_page_for_view:
 * @view: (nullable): the view the window shows
 * @section: (nullable): the section of that view, e.g. a case's "languages"
 *
 * Returns: (nullable): the help page for them, or %NULL for the help's
 * front page
 */
const char *
pa_help_page_for_view (const char *view,
                       const char *section)
{
  const char *page = NULL;

  if (g_strcmp0 (view, "cases") == 0)
    page = lookup (case_sections, G_N_ELEMENTS (case_sections), section);
  if (page == NULL)
    page = lookup (views, G_N_ELEMENTS (views), view);
  return page;
}

/**
 * pa_help_uri:
 * @page: (nullable): a help page, %NULL for the front page
 *
 * Returns: (transfer full): the help: URI Yelp opens for @page
 */
char *
pa_help_uri (const char *page)
{
  if (page == NULL || *page == '\0')
    return g_strdup ("help:" GETTEXT_PACKAGE);
  return g_strconcat ("help:" GETTEXT_PACKAGE "/", page, NULL);
}

/**
 * pa_help_html_file:
 * @html_dir: the folder of the help built as HTML
 * @page: (nullable): a help page, %NULL for the front page
 *
 * The HTML copy of @page, for a web browser when no help viewer is
 * installed. Returns: (transfer full) (nullable): its path, or %NULL when
 * it is not there
 */
char *
pa_help_html_file (const char *html_dir,
                   const char *page)
{
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (html_dir != NULL, NULL);

  name = g_strconcat (page != NULL && *page != '\0' ? page : "index", ".html", NULL);
  path = g_build_filename (html_dir, name, NULL);
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return NULL;
  return g_steal_pointer (&path);
}
