/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "passerelle-report"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "pa-statistics.h"

#define COLOR_TEXT 0x1a1a1a
#define COLOR_MUTED 0x555555

#define TR(s, msgid) pa_report_gettext ((s)->i18n, msgid)

/* Countries shown one by one; the others are summed in one bar. */
#define MAX_COUNTRIES 12

typedef struct
{
  const PaStatistics *stats;
  PaReportI18n *i18n;
  PaFlow *flow;
} Report;

static char *
count_text (guint count,
            guint total)
{
  if (total == 0)
    return g_strdup_printf ("%u", count);
  return g_strdup_printf ("%u (%.0f %%)", count, 100.0 * count / total);
}

static void
none (Report     *r,
      const char *text)
{
  PaTextStyle s = pa_text_style (9.5, FALSE, COLOR_MUTED);

  s.italic = TRUE;
  pa_flow_add_text (r->flow, text, &s);
}

/* Beside a bar whose count is withheld (PA_STATISTICS_MIN_COUNT). */
static char *
fewer_text (Report *r)
{
  return pa_report_expand (pa_report_pgettext (r->i18n, "statistics", "fewer than {n}"),
                           "n", G_STRINGIFY (PA_STATISTICS_MIN_COUNT), NULL);
}

/* A bar chart of @counts; shares of @total beside each value when not 0. */
static void
add_bars (Report    *r,
          GPtrArray *counts,
          guint      max_bars,
          guint      total)
{
  g_autoptr (PaChart) chart = pa_chart_new_bars ();
  guint others = 0, n = 0;

  for (guint i = 0; i < counts->len; i++)
    {
      PaStatCount *c = counts->pdata[i];

      if (n < max_bars)
        {
          g_autofree char *text = c->hidden ? fewer_text (r) : count_text (c->count, total);

          pa_chart_add_bar (chart, c->label, c->count, text);
          n++;
        }
      else
        others += c->count;
    }
  if (others > 0)
    {
      g_autofree char *text = count_text (others, total);
      pa_chart_add_bar (chart, pa_report_pgettext (r->i18n, "statistics", "Other countries"),
                        others, text);
    }
  pa_flow_add_chart (r->flow, g_steal_pointer (&chart), NULL);
}

static void
add_summary (Report *r)
{
  const PaStatistics *stats = r->stats;
  PaTextStyle body = pa_text_style (10, FALSE, COLOR_TEXT);
  PaTextStyle muted = pa_text_style (8.5, FALSE, COLOR_MUTED);
  g_autofree char *from = pa_report_i18n_format_date (r->i18n, &stats->from);
  g_autofree char *to = pa_report_i18n_format_date (r->i18n, &stats->to);
  g_autofree char *period = pa_report_expand (TR (r, "From {start} to {end}"), "start", from,
                                              "end", to, NULL);
  g_autofree char *n = g_strdup_printf ("%u", stats->n_participants);
  g_autofree char *issued = g_strdup_printf ("%u", stats->certificates_issued);
  g_autofree char *revoked = g_strdup_printf ("%u", stats->certificates_revoked);
  g_autofree char *people = NULL;
  g_autofree char *certificates = NULL;

  pa_flow_add_heading (r->flow, 1, TR (r, "Activity statistics"));
  pa_flow_add_text (r->flow, period, &body);
  if (stats->centre_name != NULL)
    pa_flow_add_text (r->flow, stats->centre_name, &body);
  pa_flow_add_text (r->flow, TR (r, "Anonymous figures: this report names no participant. "
                                    "Participants are the people whose case was opened in the "
                                    "period; ages are at the end of the period."), &muted);
  pa_flow_add_text (r->flow, TR (r, "So that no one can be recognised, groups of fewer than "
                                    "five participants are not counted apart: such countries "
                                    "are counted together, other such counts are not given."),
                    &muted);
  pa_flow_add_rule (r->flow, 1.2, 0x18444f);
  pa_flow_set_spacing (r->flow, 6, 6);

  people = pa_report_expand (pa_report_ngettext (r->i18n, "{n} participant",
                                                 "{n} participants", stats->n_participants),
                             "n", n, NULL);
  certificates = pa_report_expand (pa_report_ngettext (r->i18n,
                                                       "{n} certificate issued ({revoked} "
                                                       "revoked since)",
                                                       "{n} certificates issued ({revoked} "
                                                       "revoked since)",
                                                       stats->certificates_issued),
                                   "n", issued, "revoked", revoked, NULL);
  body.bold = TRUE;
  body.size = 11;
  pa_flow_add_text (r->flow, people, &body);
  pa_flow_add_text (r->flow, certificates, &body);
}

/**
 * pa_statistics_layout_new:
 * @stats: the figures (pa_store_statistics_build())
 * @setup: the page
 *
 * Returns: (transfer full): the layout, paginated.
 */
PaLayout *
pa_statistics_layout_new (const PaStatistics *stats,
                          const PaPageSetup  *setup)
{
  g_autoptr (PaReportI18n) i18n = NULL;
  Report r = { stats, NULL, NULL };
  guint n_claims = 0;
  PaLayout *layout;

  g_return_val_if_fail (stats != NULL, NULL);
  g_return_val_if_fail (setup != NULL, NULL);

  i18n = pa_report_i18n_new (stats->language);
  r.i18n = i18n;
  layout = pa_layout_new (setup, i18n);
  r.flow = pa_layout_get_flow (layout);

  add_summary (&r);

  pa_flow_add_heading (r.flow, 2, TR (&r, "Participants by country of origin"));
  if (stats->n_participants == 0)
    none (&r, TR (&r, "No case was opened in this period."));
  else
    add_bars (&r, stats->by_country, MAX_COUNTRIES, stats->n_participants);

  pa_flow_add_heading (r.flow, 2, TR (&r, "Participants by gender"));
  if (stats->n_participants == 0)
    none (&r, TR (&r, "No case was opened in this period."));
  else
    add_bars (&r, stats->by_gender, G_MAXUINT, stats->n_participants);

  pa_flow_add_heading (r.flow, 2, TR (&r, "Participants by age"));
  if (stats->n_participants == 0)
    none (&r, TR (&r, "No case was opened in this period."));
  else
    add_bars (&r, stats->by_age, G_MAXUINT, stats->n_participants);

  pa_flow_add_heading (r.flow, 2, TR (&r, "Competences by stage"));
  for (int s = 1; s <= 4; s++)
    n_claims += stats->claims_by_stage[s];
  if (n_claims == 0)
    none (&r, TR (&r, "No competence was claimed by these participants."));
  else
    {
      g_autoptr (PaChart) chart = pa_chart_new_bars ();

      for (int s = 1; s <= 4; s++)
        {
          g_autofree char *text = count_text (stats->claims_by_stage[s], n_claims);
          pa_chart_add_bar (chart, stats->stage_labels[s], stats->claims_by_stage[s], text);
        }
      pa_flow_add_chart (r.flow, g_steal_pointer (&chart), NULL);
    }

  pa_flow_add_heading (r.flow, 2, TR (&r, "Occupations most matched"));
  if (!stats->occupations_known)
    none (&r, TR (&r, "No occupation framework (ESCO) is imported: occupations cannot be "
                      "matched."));
  else if (stats->occupations->len == 0)
    none (&r, TR (&r, "No participant's competences match an occupation yet."));
  else
    {
      PaTextStyle note = pa_text_style (8, FALSE, COLOR_MUTED);

      pa_flow_add_text (r.flow, TR (&r, "Participants by the occupation their competences "
                                        "match best."), &note);
      add_bars (&r, stats->occupations, G_MAXUINT, 0);
    }

  pa_layout_set_running_header (layout, TR (&r, "Activity statistics"));
  pa_layout_set_page_footer (layout, stats->centre_name, TRUE);
  pa_layout_paginate (layout);
  return layout;
}
