/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Sizes are in PostScript points (1/72 inch), the unit of Cairo's PDF surface. */
#define PA_MM_TO_PT(mm) ((mm) * 72.0 / 25.4)

typedef enum
{
  PA_PAPER_A4,
  PA_PAPER_LETTER,
  PA_PAPER_CUSTOM,
} PaPaper;

typedef struct
{
  double x;
  double y;
  double width;
  double height;
} PaRect;

typedef struct _PaPageSetup PaPageSetup;

#define PA_TYPE_PAGE_SETUP (pa_page_setup_get_type ())

GType         pa_page_setup_get_type      (void) G_GNUC_CONST;
PaPageSetup  *pa_page_setup_new           (PaPaper            paper);
PaPageSetup  *pa_page_setup_new_custom    (double             width,
                                           double             height);
PaPageSetup  *pa_page_setup_copy          (const PaPageSetup *setup);
void          pa_page_setup_free          (PaPageSetup       *setup);

gboolean      pa_paper_from_string        (const char        *name,
                                           PaPaper           *paper);
const char   *pa_paper_to_string          (PaPaper            paper);

PaPaper       pa_page_setup_get_paper     (const PaPageSetup *setup);
double        pa_page_setup_get_width     (const PaPageSetup *setup);
double        pa_page_setup_get_height    (const PaPageSetup *setup);
void          pa_page_setup_set_margins   (PaPageSetup       *setup,
                                           double             top,
                                           double             right,
                                           double             bottom,
                                           double             left);
void          pa_page_setup_get_margins   (const PaPageSetup *setup,
                                           double            *top,
                                           double            *right,
                                           double            *bottom,
                                           double            *left);
PaRect        pa_page_setup_get_content_box (const PaPageSetup *setup);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PaPageSetup, pa_page_setup_free)

G_END_DECLS
