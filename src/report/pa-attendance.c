/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "passerelle-report"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "pa-attendance.h"

#define COLOR_TEXT 0x1a1a1a
#define COLOR_MUTED 0x555555

#define TR(a, msgid) pa_report_gettext ((a)->i18n, msgid)

/* Narrowest box to sign in, and the width of the columns before the boxes. */
#define BOX_MIN_WIDTH 48.0
#define NUMBER_WIDTH 22.0
#define NAME_WIDTH 130.0
#define BOX_HEIGHT 22.0
#define TOPIC_MAX_CHARS 48

typedef struct
{
  const PaAttendanceData *data;
  PaReportI18n *i18n;
  PaFlow *flow;
  guint spare_rows;          /* empty rows for people who join on the day */
} Sheet;

/**
 * pa_attendance_page_setup:
 * @setup: the paper chosen
 *
 * Returns: (transfer full): @setup, turned to landscape when the seminar has
 * more sessions than fit across a portrait page.
 */
PaPageSetup *
pa_attendance_page_setup (const PaAttendanceData *data,
                          const PaPageSetup      *setup)
{
  double width = pa_page_setup_get_width (setup);
  double height = pa_page_setup_get_height (setup);
  double top, right, bottom, left;
  PaPageSetup *turned;

  g_return_val_if_fail (data != NULL && setup != NULL, NULL);

  if (data->sessions->len <= PA_ATTENDANCE_PORTRAIT_SESSIONS || width > height)
    return pa_page_setup_copy (setup);
  pa_page_setup_get_margins (setup, &top, &right, &bottom, &left);
  turned = pa_page_setup_new_custom (height, width);
  pa_page_setup_set_margins (turned, left, top, right, bottom);
  return turned;
}

static void
add_title (Sheet *a)
{
  const PaAttendanceData *data = a->data;
  PaTextStyle title = pa_text_style (13, TRUE, COLOR_TEXT);
  PaTextStyle muted = pa_text_style (9.5, FALSE, COLOR_MUTED);
  g_autoptr (GString) line = g_string_new (NULL);

  pa_flow_add_heading (a->flow, 1, TR (a, "Attendance sheet"));
  pa_flow_add_text (a->flow, data->title, &title);
  if (data->theme != NULL)
    g_string_append (line, data->theme);
  if (data->location != NULL)
    g_string_append_printf (line, "%s%s", line->len ? " · " : "", data->location);
  if (g_date_valid (&data->start))
    {
      g_autofree char *start = pa_report_i18n_format_date (a->i18n, &data->start);
      g_autofree char *end = g_date_valid (&data->end)
                               ? pa_report_i18n_format_date (a->i18n, &data->end) : NULL;
      g_autofree char *dates = end != NULL
                                 ? pa_report_expand (TR (a, "from {start} to {end}"), "start",
                                                     start, "end", end, NULL)
                                 : g_strdup (start);

      g_string_append_printf (line, "%s%s", line->len ? " · " : "", dates);
    }
  if (line->len > 0)
    pa_flow_add_text (a->flow, line->str, &muted);
  if (data->centre_name != NULL)
    pa_flow_add_text (a->flow, data->centre_name, &muted);
  muted.size = 8.5;
  pa_flow_add_text (a->flow, TR (a, "Participants sign in the box of each session they "
                                    "attend. A box marked “absent” was recorded as missed."),
                    &muted);
  pa_flow_set_spacing (a->flow, 4, 6);
}

static char *
short_topic (const char *topic)
{
  g_autofree char *start = NULL;

  if (g_utf8_strlen (topic, -1) <= TOPIC_MAX_CHARS)
    return g_strdup (topic);
  start = g_utf8_substring (topic, 0, TOPIC_MAX_CHARS - 1);
  return g_strconcat (start, "…", NULL);
}

/* One grid for sessions [@first, @last): a row per participant. */
static void
add_grid (Sheet *a,
          guint  first,
          guint  last)
{
  const PaAttendanceData *data = a->data;
  guint n_sessions = data->sessions->len;
  guint n_columns = 2 + (last - first);
  g_autofree double *fractions = g_new (double, n_columns);
  PaTextStyle head = pa_text_style (8, TRUE, COLOR_TEXT);
  PaTextStyle topic = pa_text_style (6.5, FALSE, COLOR_MUTED);
  PaTextStyle body = pa_text_style (9, FALSE, COLOR_TEXT);
  PaTextStyle absent = pa_text_style (7.5, FALSE, COLOR_MUTED);
  PaTable *table;

  fractions[0] = NUMBER_WIDTH;
  fractions[1] = NAME_WIDTH;
  for (guint c = 2; c < n_columns; c++)
    fractions[c] = BOX_MIN_WIDTH;
  table = pa_flow_add_table (a->flow, n_columns, fractions);
  pa_table_set_grid (table, TRUE);
  pa_table_set_repeat_header (table, TRUE);
  pa_flow_add_text (pa_table_get_header_cell (table, 0), "#", &head);
  pa_flow_add_text (pa_table_get_header_cell (table, 1), TR (a, "Participant"), &head);
  for (guint s = first; s < last; s++)
    {
      PaFlow *cell = pa_table_get_header_cell (table, 2 + s - first);
      const char *date = data->sessions->pdata[s];
      const char *text = data->topics->pdata[s];
      g_autofree char *number = g_strdup_printf ("%u", s + 1);
      g_autofree char *label = pa_report_expand (TR (a, "Session {number}"), "number", number,
                                                 NULL);

      pa_flow_add_text (cell, label, &head);
      pa_flow_add_text (cell, date, &head);
      if (text != NULL && *text != '\0')
        {
          g_autofree char *shorter = short_topic (text);
          pa_flow_add_text (cell, shorter, &topic);
        }
    }

  for (guint p = 0; p < data->participants->len; p++)
    {
      g_autofree char *number = g_strdup_printf ("%u", p + 1);

      pa_table_add_row (table);
      pa_flow_add_text (pa_table_get_cell (table, 0), number, &body);
      pa_flow_add_text (pa_table_get_cell (table, 1), data->participants->pdata[p], &body);
      /* The height of a box one signs in. */
      pa_flow_add_spacer (pa_table_get_cell (table, 0), BOX_HEIGHT - 11);
      for (guint s = first; s < last; s++)
        if (data->marks[p * n_sessions + s] == PA_ATTENDANCE_ABSENT)
          pa_flow_add_text (pa_table_get_cell (table, 2 + s - first),
                            pa_report_pgettext (a->i18n, "attendance", "absent"), &absent);
    }
  for (guint extra = 0; extra < a->spare_rows; extra++)
    {
      pa_table_add_row (table);
      pa_flow_add_spacer (pa_table_get_cell (table, 0), BOX_HEIGHT);
    }
}

/**
 * pa_attendance_layout_new:
 * @data: the seminar (pa_store_attendance_build())
 * @setup: the page; see pa_attendance_page_setup()
 *
 * The attendance sheet: a grid of participants × sessions with a box to sign
 * in each cell; its header row is repeated on every page. Sessions that do
 * not fit across the page go into further grids, each with every participant.
 *
 * Returns: (transfer full): the layout, paginated.
 */
static PaLayout *
build (const PaAttendanceData *data,
       const PaPageSetup      *page,
       PaReportI18n           *i18n,
       guint                   spare_rows)
{
  static const double halves[] = { 1, 1 };
  g_autofree char *header = NULL;
  Sheet a = { data, i18n, NULL, spare_rows };
  PaFlow *columns[2];
  PaLayout *layout;
  PaRect box;
  guint per_grid, n_sessions;

  layout = pa_layout_new (page, i18n);
  a.flow = pa_layout_get_flow (layout);

  add_title (&a);
  box = pa_page_setup_get_content_box (page);
  n_sessions = data->sessions->len;
  per_grid = (guint) MAX (1.0, (box.width - NUMBER_WIDTH - NAME_WIDTH) / BOX_MIN_WIDTH);
  for (guint first = 0; first < n_sessions; first += per_grid)
    {
      if (first > 0)
        pa_flow_add_page_break (a.flow);
      add_grid (&a, first, MIN (first + per_grid, n_sessions));
    }

  pa_flow_add_spacer (a.flow, 14);
  pa_flow_add_columns (a.flow, 2, halves, 24, columns);
  pa_flow_add_signature (columns[1], TR (&a, "The trainer"), NULL, NULL);

  header = pa_report_expand (TR (&a, "Attendance sheet · {seminar}"), "seminar", data->title,
                             NULL);
  pa_layout_set_running_header (layout, header);
  pa_layout_set_page_footer (layout, data->centre_name, TRUE);
  pa_layout_paginate (layout);
  return layout;
}

/**
 * pa_attendance_layout_new:
 * @data: the seminar (pa_store_attendance_build())
 * @setup: the page; see pa_attendance_page_setup()
 *
 * The attendance sheet: a grid of participants × sessions with a box to sign
 * in each cell, and two spare rows for people who join on the day unless
 * they would take a page of their own; its header row is repeated on every
 * page. Sessions that do not fit across the page go into further grids, each
 * with every participant.
 *
 * Returns: (transfer full): the layout, paginated.
 */
PaLayout *
pa_attendance_layout_new (const PaAttendanceData *data,
                          const PaPageSetup      *setup)
{
  g_autoptr (PaPageSetup) page = NULL;
  g_autoptr (PaReportI18n) i18n = NULL;
  g_autoptr (PaLayout) with_spares = NULL;
  g_autoptr (PaLayout) without = NULL;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (setup != NULL, NULL);

  page = pa_attendance_page_setup (data, setup);
  i18n = pa_report_i18n_new (data->language);
  with_spares = build (data, page, i18n, 2);
  without = build (data, page, i18n, 0);
  if (pa_layout_get_n_pages (without) < pa_layout_get_n_pages (with_spares))
    return g_steal_pointer (&without);
  return g_steal_pointer (&with_spares);
}
