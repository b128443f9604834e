/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "passerelle-report"

#include "config.h"

#include "pa-page-setup.h"

struct _PaPageSetup
{
  PaPaper paper;
  double width;
  double height;
  /* Margins are physical (top, right, bottom, left): a mirrored, right-to-left
   * document keeps the same paper margins; only the content inside mirrors. */
  double top;
  double right;
  double bottom;
  double left;
};

static gpointer
page_setup_copy_boxed (gpointer setup)
{
  return pa_page_setup_copy (setup);
}

/* Registered by hand: G_DEFINE_BOXED_TYPE's transparent union trips -Wpedantic. */
GType
pa_page_setup_get_type (void)
{
  static gsize type = 0;

  if (g_once_init_enter (&type))
    g_once_init_leave (&type, g_boxed_type_register_static (g_intern_static_string ("PaPageSetup"),
                                                            page_setup_copy_boxed,
                                                            (GBoxedFreeFunc) pa_page_setup_free));
  return type;
}

/* 15 mm: inside the unprintable border of every office printer we know of,
 * and roomy enough for a header and footer. */
#define DEFAULT_MARGIN PA_MM_TO_PT (15.0)

/**
 * pa_page_setup_new:
 * @paper: A4 or Letter
 *
 * Returns: (transfer full): a portrait page of @paper with 15 mm margins.
 */
PaPageSetup *
pa_page_setup_new (PaPaper paper)
{
  PaPageSetup *setup;

  g_return_val_if_fail (paper == PA_PAPER_A4 || paper == PA_PAPER_LETTER, NULL);

  if (paper == PA_PAPER_A4)
    setup = pa_page_setup_new_custom (PA_MM_TO_PT (210.0), PA_MM_TO_PT (297.0));
  else
    setup = pa_page_setup_new_custom (8.5 * 72.0, 11.0 * 72.0);
  setup->paper = paper;
  return setup;
}

/**
 * pa_page_setup_new_custom:
 * @width: page width in points
 * @height: page height in points
 *
 * For the page a print dialog hands over. Returns: (transfer full): a page with
 * 15 mm margins (smaller on pages too small for them).
 */
PaPageSetup *
pa_page_setup_new_custom (double width,
                          double height)
{
  PaPageSetup *setup;
  double margin;

  g_return_val_if_fail (width >= 72.0 && height >= 72.0, NULL);

  setup = g_new0 (PaPageSetup, 1);
  setup->paper = PA_PAPER_CUSTOM;
  setup->width = width;
  setup->height = height;
  margin = MIN (DEFAULT_MARGIN, MIN (width, height) / 8.0);
  setup->top = setup->right = setup->bottom = setup->left = margin;
  return setup;
}

PaPageSetup *
pa_page_setup_copy (const PaPageSetup *setup)
{
  g_return_val_if_fail (setup != NULL, NULL);

  return g_memdup2 (setup, sizeof *setup);
}

void
pa_page_setup_free (PaPageSetup *setup)
{
  g_free (setup);
}

/**
 * pa_paper_from_string:
 * @name: "a4" or "letter" (any case)
 * @paper: (out): the paper
 *
 * Returns: %TRUE when @name names a paper size.
 */
gboolean
pa_paper_from_string (const char *name,
                      PaPaper    *paper)
{
  g_return_val_if_fail (paper != NULL, FALSE);

  if (name == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (name, "a4") == 0)
    *paper = PA_PAPER_A4;
  else if (g_ascii_strcasecmp (name, "letter") == 0)
    *paper = PA_PAPER_LETTER;
  else
    return FALSE;
  return TRUE;
}

const char *
pa_paper_to_string (PaPaper paper)
{
  switch (paper)
    {
    case PA_PAPER_A4:
      return "a4";
    case PA_PAPER_LETTER:
      return "letter";
    case PA_PAPER_CUSTOM:
    default:
      return "custom";
    }
}

PaPaper
pa_page_setup_get_paper (const PaPageSetup *setup)
{
  g_return_val_if_fail (setup != NULL, PA_PAPER_CUSTOM);
  return setup->paper;
}

double
pa_page_setup_get_width (const PaPageSetup *setup)
{
  g_return_val_if_fail (setup != NULL, 0.0);
  return setup->width;
}

double
pa_page_setup_get_height (const PaPageSetup *setup)
{
  g_return_val_if_fail (setup != NULL, 0.0);
  return setup->height;
}

/**
 * pa_page_setup_set_margins:
 * @setup: a page setup
 * @top: top margin in points
 * @right: right margin in points
 * @bottom: bottom margin in points
 * @left: left margin in points
 *
 * Sets the physical margins. Margins that would leave less than an inch of
 * content are refused (the call is ignored with a critical warning).
 */
void
pa_page_setup_set_margins (PaPageSetup *setup,
                           double       top,
                           double       right,
                           double       bottom,
                           double       left)
{
  g_return_if_fail (setup != NULL);
  g_return_if_fail (top >= 0 && right >= 0 && bottom >= 0 && left >= 0);
  g_return_if_fail (setup->width - left - right >= 72.0);
  g_return_if_fail (setup->height - top - bottom >= 72.0);

  setup->top = top;
  setup->right = right;
  setup->bottom = bottom;
  setup->left = left;
}

void
pa_page_setup_get_margins (const PaPageSetup *setup,
                           double            *top,
                           double            *right,
                           double            *bottom,
                           double            *left)
{
  g_return_if_fail (setup != NULL);

  if (top)
    *top = setup->top;
  if (right)
    *right = setup->right;
  if (bottom)
    *bottom = setup->bottom;
  if (left)
    *left = setup->left;
}

/**
 * pa_page_setup_get_content_box:
 * @setup: a page setup
 *
 * Returns: the area inside the margins, in points from the page's top left
 * corner. Headers and footers are drawn inside it, so nothing a report draws
 * ever falls in the margins.
 */
PaRect
pa_page_setup_get_content_box (const PaPageSetup *setup)
{
  PaRect box = { 0, 0, 0, 0 };

  g_return_val_if_fail (setup != NULL, box);

  box.x = setup->left;
  box.y = setup->top;
  box.width = setup->width - setup->left - setup->right;
  box.height = setup->height - setup->top - setup->bottom;
  return box;
}
