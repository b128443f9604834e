/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "passerelle-report"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pa-portfolio.h"

#define COLOR_TEXT 0x1a1a1a
#define COLOR_MUTED 0x555555
#define COLOR_ACCENT 0x18444f

#define TR(p, msgid) pa_report_gettext ((p)->i18n, msgid)

typedef struct
{
  const PaPortfolioData *data;
  PaReportI18n *i18n;
  PaReportI18n *i18n2;       /* second language of headings, or NULL */
  PaLayout *layout;
  PaFlow *flow;
} Portfolio;

/* A section heading; in a bilingual portfolio, the same in the second
 * language under it, at its own start side. */
static void
section (Portfolio  *p,
         const char *msgid)
{
  const char *first = pa_report_gettext (p->i18n, msgid);

  pa_flow_add_heading (p->flow, 2, first);
  /* Not when the second language has no translation of it yet: the same
   * words twice would only be noise. */
  if (p->i18n2 != NULL && !g_str_equal (pa_report_gettext (p->i18n2, msgid), first))
    {
      PaTextStyle s = pa_text_style (9, FALSE, COLOR_MUTED);

      s.align = PA_ALIGN_NATURAL;
      s.language = p->data->second_language;
      pa_flow_add_text (p->flow, pa_report_gettext (p->i18n2, msgid), &s);
      pa_flow_keep_with_next (p->flow);
    }
}

static void
none (Portfolio  *p,
      const char *text)
{
  PaTextStyle s = pa_text_style (9.5, FALSE, COLOR_MUTED);

  s.italic = TRUE;
  pa_flow_add_text (p->flow, text, &s);
}

static PaTable *
table (Portfolio          *p,
       guint               n_columns,
       const double       *fractions,
       const char *const  *headers)
{
  PaTable *t = pa_flow_add_table (p->flow, n_columns, fractions);
  PaTextStyle head = pa_text_style (8.5, TRUE, COLOR_TEXT);

  for (guint c = 0; c < n_columns; c++)
    pa_flow_add_text (pa_table_get_header_cell (t, c), pa_report_gettext (p->i18n, headers[c]),
                      &head);
  return t;
}

static void
cell (PaTable    *t,
      guint       column,
      const char *text,
      gboolean    bold)
{
  PaTextStyle s = pa_text_style (9, bold, COLOR_TEXT);

  if (text != NULL && *text != '\0')
    pa_flow_add_text (pa_table_get_cell (t, column), text, &s);
}

static void
cell_muted (PaTable    *t,
            guint       column,
            const char *text)
{
  PaTextStyle s = pa_text_style (8.5, FALSE, COLOR_MUTED);

  if (text != NULL && *text != '\0')
    pa_flow_add_text (pa_table_get_cell (t, column), text, &s);
}

static void
add_profile (Portfolio *p)
{
  const PaPortfolioData *data = p->data;
  PaTextStyle s = pa_text_style (10, TRUE, COLOR_TEXT);
  PaTextStyle muted = pa_text_style (9.5, FALSE, COLOR_MUTED);
  g_autoptr (GString) line = g_string_new (NULL);
  g_autofree char *date = pa_report_i18n_format_date (p->i18n, &data->date);
  g_autofree char *printed = NULL;

  if (data->logo != NULL)
    {
      g_autoptr (GError) error = NULL;

      /* As on the certificates; an unreadable image leaves the heading alone. */
      if (!pa_flow_add_image_bytes (p->flow, data->logo, "logo", 160, 48, PA_ALIGN_START, &error))
        g_debug ("The centre's logo cannot be drawn: %s", error->message);
    }
  pa_flow_add_heading (p->flow, 1, TR (p, "Competence portfolio"));
  if (p->i18n2 != NULL && !g_str_equal (pa_report_gettext (p->i18n2, "Competence portfolio"),
                                        TR (p, "Competence portfolio")))
    {
      PaTextStyle s2 = pa_text_style (12, FALSE, COLOR_ACCENT);

      s2.align = PA_ALIGN_NATURAL;
      s2.language = data->second_language;
      pa_flow_add_text (p->flow, pa_report_gettext (p->i18n2, "Competence portfolio"), &s2);
    }
  s.size = 15;
  pa_flow_add_text (p->flow, data->participant_name, &s);
  pa_flow_set_spacing (p->flow, 6, 2);

  /* Translators: the case's reference number in a report. */
  g_string_append_printf (line, "%s %s", TR (p, "Case"), data->case_code);
  if (data->birth_year > 0)
    {
      g_autofree char *year = g_strdup_printf ("%d", data->birth_year);
      g_autofree char *born = pa_report_expand (TR (p, "born in {year}"), "year", year, NULL);
      g_string_append_printf (line, " · %s", born);
    }
  if (data->gender != NULL)
    g_string_append_printf (line, " · %s", data->gender);
  pa_flow_add_text (p->flow, line->str, &muted);
  if (data->origin != NULL || data->arrival != NULL)
    {
      g_string_truncate (line, 0);
      if (data->origin != NULL)
        {
          g_autofree char *t = pa_report_expand (TR (p, "Country of origin: {country}"), "country",
                                                 data->origin, NULL);
          g_string_append (line, t);
        }
      if (data->arrival != NULL)
        {
          g_autofree char *t = pa_report_expand (TR (p, "Arrived on {date}"), "date",
                                                 data->arrival, NULL);
          if (line->len > 0)
            g_string_append (line, " · ");
          g_string_append (line, t);
        }
      pa_flow_add_text (p->flow, line->str, &muted);
    }
  if (data->centre_name != NULL)
    printed = pa_report_expand (TR (p, "Prepared by {centre} on {date}"), "centre",
                                data->centre_name, "date", date, NULL);
  else
    printed = pa_report_expand (TR (p, "Prepared on {date}"), "date", date, NULL);
  muted.size = 8.5;
  pa_flow_add_text (p->flow, printed, &muted);
  pa_flow_add_rule (p->flow, 1.2, COLOR_ACCENT);
  pa_flow_set_spacing (p->flow, 6, 2);
}

static void
add_languages (Portfolio *p)
{
  static const char *const headers[] = {
    N_("Language"), N_("Listening"), N_("Reading"), N_("Spoken interaction"),
    N_("Spoken production"), N_("Writing"),
  };
  static const double fractions[] = { 2.4, 1, 1, 1.2, 1.2, 1 };
  PaTable *t;

  section (p, N_("Languages"));
  if (p->data->languages->len == 0)
    {
      none (p, TR (p, "No language recorded."));
      return;
    }
  t = table (p, G_N_ELEMENTS (headers), fractions, headers);
  for (guint i = 0; i < p->data->languages->len; i++)
    {
      PaPortfolioLanguage *l = p->data->languages->pdata[i];

      pa_table_add_row (t);
      cell (t, 0, l->name, TRUE);
      if (l->mother_tongue)
        cell_muted (t, 0, TR (p, "mother tongue"));
      for (guint k = 0; k < 5; k++)
        cell (t, k + 1, l->levels[k] ? l->levels[k] : "–", FALSE);
    }
  {
    PaTextStyle note = pa_text_style (7.5, FALSE, COLOR_MUTED);
    pa_flow_add_text (p->flow, TR (p, "Levels of the Common European Framework of Reference for "
                                   "Languages (CEFR), from A1 to C2."), &note);
  }
}

static void
add_education (Portfolio *p)
{
  static const char *const headers[] = {
    N_("Qualification"), N_("Institution"), N_("Year"), N_("Level"), N_("Recognition"),
  };
  static const double fractions[] = { 2.6, 2.4, 0.8, 1, 1.4 };
  PaTable *t;

  section (p, N_("Education"));
  if (p->data->education->len == 0)
    {
      none (p, TR (p, "No education recorded."));
      return;
    }
  t = table (p, G_N_ELEMENTS (headers), fractions, headers);
  for (guint i = 0; i < p->data->education->len; i++)
    {
      PaPortfolioEducation *e = p->data->education->pdata[i];

      pa_table_add_row (t);
      cell (t, 0, e->title, TRUE);
      cell (t, 1, e->institution, FALSE);
      cell_muted (t, 1, e->country);
      cell (t, 2, e->year, FALSE);
      cell (t, 3, e->level, FALSE);
      cell (t, 4, e->recognition, FALSE);
    }
}

static void
add_experiences (Portfolio *p)
{
  static const char *const headers[] = { N_("Dates"), N_("Experience") };
  static const double fractions[] = { 1.3, 5 };
  PaTable *t;

  section (p, N_("Experience"));
  if (p->data->experiences->len == 0)
    {
      none (p, TR (p, "No experience recorded."));
      return;
    }
  t = table (p, G_N_ELEMENTS (headers), fractions, headers);
  for (guint i = 0; i < p->data->experiences->len; i++)
    {
      PaPortfolioExperience *e = p->data->experiences->pdata[i];
      g_autoptr (GString) where = g_string_new (NULL);

      pa_table_add_row (t);
      cell (t, 0, e->dates ? e->dates : "–", FALSE);
      cell (t, 1, e->title, TRUE);
      if (e->organisation != NULL)
        g_string_append (where, e->organisation);
      if (e->place != NULL)
        g_string_append_printf (where, "%s%s", where->len ? " · " : "", e->place);
      if (e->kind != NULL)
        g_string_append_printf (where, "%s%s", where->len ? " · " : "", e->kind);
      cell_muted (t, 1, where->str);
      cell (t, 1, e->tasks, FALSE);
    }
}

static void
add_competences (Portfolio *p)
{
  static const char *const headers[] = {
    N_("Competence"), N_("Level"), N_("Stage"), N_("Evidence"),
  };
  static const char *const stages[] = {
    N_("Identified"), N_("Documented"), N_("Assessed"), N_("Certified"),
  };
  static const double fractions[] = { 3.2, 0.9, 1.1, 2.4 };
  const char *stage_names[4];
  const PaPortfolioData *data = p->data;
  g_autoptr (PaChart) chart = NULL;
  g_autoptr (GPtrArray) frameworks = NULL;

  section (p, N_("Competences"));
  if (data->competences->len == 0)
    {
      none (p, TR (p, "No competence recorded yet."));
      return;
    }

  /* Frameworks in the order they first appear; the store gives competences
   * grouped already, but a report must not scatter a framework if not. */
  frameworks = g_ptr_array_new ();
  for (guint i = 0; i < data->competences->len; i++)
    {
      PaPortfolioCompetence *c = data->competences->pdata[i];
      gboolean seen = FALSE;

      for (guint f = 0; f < frameworks->len && !seen; f++)
        seen = g_str_equal (frameworks->pdata[f], c->framework);
      if (!seen)
        g_ptr_array_add (frameworks, c->framework);
    }

  /* A profile first: how far each framework's competences have come. */
  for (guint s = 0; s < 4; s++)
    stage_names[s] = pa_report_gettext (p->i18n, stages[s]);
  chart = pa_chart_new_profile (4, stage_names);
  for (guint f = 0; f < frameworks->len; f++)
    {
      guint counts[4] = { 0 };

      for (guint i = 0; i < data->competences->len; i++)
        {
          PaPortfolioCompetence *c = data->competences->pdata[i];

          if (g_str_equal (c->framework, frameworks->pdata[f]) && c->stage >= 1 && c->stage <= 4)
            counts[c->stage - 1]++;
        }
      pa_chart_add_profile_row (chart, frameworks->pdata[f], counts);
    }
  pa_flow_add_chart (p->flow, g_steal_pointer (&chart), NULL);

  for (guint f = 0; f < frameworks->len; f++)
    {
      PaTable *t;

      pa_flow_add_heading (p->flow, 3, frameworks->pdata[f]);
      t = table (p, G_N_ELEMENTS (headers), fractions, headers);
      for (guint i = 0; i < data->competences->len; i++)
        {
          PaPortfolioCompetence *c = data->competences->pdata[i];

          if (!g_str_equal (c->framework, frameworks->pdata[f]))
            continue;
          pa_table_add_row (t);
          cell (t, 0, c->label, FALSE);
          cell (t, 1, c->level ? c->level : "–", FALSE);
          cell (t, 2, c->stage_label, c->stage == 4);
          cell_muted (t, 3, c->evidence != NULL ? c->evidence : "–");
        }
    }
}

static void
add_matches (Portfolio *p)
{
  static const char *const headers[] = {
    N_("Occupation"), N_("Match"), N_("Essential skills held"), N_("Essential skills to develop"),
  };
  static const char *const gap_headers[] = { N_("Skill to develop"), N_("Training") };
  static const double fractions[] = { 2.4, 0.8, 1.1, 3 };
  static const double gap_fractions[] = { 1, 1 };
  const PaPortfolioData *data = p->data;
  PaTable *t;

  section (p, N_("Matching occupations"));
  if (data->matches->len == 0)
    {
      none (p, TR (p, "No occupation matches these competences yet (the occupations of ESCO must "
                   "be imported, and competences claimed from it)."));
      return;
    }
  t = table (p, G_N_ELEMENTS (headers), fractions, headers);
  for (guint i = 0; i < data->matches->len; i++)
    {
      PaPortfolioMatch *m = data->matches->pdata[i];
      g_autofree char *score = g_strdup_printf ("%.0f %%", m->score);
      g_autofree char *held = g_strdup_printf ("%u / %u", m->n_direct, m->n_essential);

      pa_table_add_row (t);
      cell (t, 0, m->occupation, TRUE);
      cell (t, 1, score, FALSE);
      cell (t, 2, held, FALSE);
      cell_muted (t, 3, m->missing ? m->missing : "–");
    }

  if (data->gaps_for != NULL && data->gaps->len > 0)
    {
      g_autofree char *title = pa_report_expand (TR (p, "Skills to develop for “{occupation}”"),
                                                 "occupation", data->gaps_for, NULL);

      pa_flow_add_heading (p->flow, 3, title);
      t = table (p, G_N_ELEMENTS (gap_headers), gap_fractions, gap_headers);
      for (guint i = 0; i < data->gaps->len; i++)
        {
          PaPortfolioGap *g = data->gaps->pdata[i];

          pa_table_add_row (t);
          cell (t, 0, g->skill, FALSE);
          cell_muted (t, 1, g->modules ? g->modules : TR (p, "No module in the catalogue"));
        }
    }
}

static void
add_plan (Portfolio *p)
{
  static const char *const headers[] = { N_("Action"), N_("Kind"), N_("Status"), N_("Due") };
  static const double fractions[] = { 3.2, 1.4, 1.1, 1 };
  const PaPortfolioData *data = p->data;
  PaTextStyle body = pa_text_style (9.5, FALSE, COLOR_TEXT);
  PaTable *t;

  section (p, N_("Action plan"));
  for (guint i = 0; i < data->goals->len; i++)
    {
      g_autofree char *line = pa_report_expand (TR (p, "Goal: {goal}"), "goal",
                                                (const char *) data->goals->pdata[i], NULL);
      pa_flow_add_text (p->flow, line, &body);
    }
  if (data->actions->len == 0)
    {
      none (p, TR (p, "No action planned yet."));
      return;
    }
  t = table (p, G_N_ELEMENTS (headers), fractions, headers);
  for (guint i = 0; i < data->actions->len; i++)
    {
      PaPortfolioAction *a = data->actions->pdata[i];

      pa_table_add_row (t);
      cell (t, 0, a->title, FALSE);
      cell_muted (t, 0, a->goal);
      cell (t, 1, a->kind, FALSE);
      cell (t, 2, a->status, FALSE);
      cell (t, 3, a->due ? a->due : "–", FALSE);
    }
}

/**
 * pa_portfolio_layout_new:
 * @data: what the portfolio states (pa_store_portfolio_build())
 * @setup: the page
 *
 * Lays the portfolio out in its language, on as many pages as it takes:
 * tables repeat their header on each page, and every page names the
 * participant at the top and carries "Page N of M" at the foot.
 *
 * Returns: (transfer full): the layout, paginated.
 */
PaLayout *
pa_portfolio_layout_new (const PaPortfolioData *data,
                         const PaPageSetup     *setup)
{
  Portfolio p = { data, NULL, NULL, NULL, NULL };
  g_autofree char *header = NULL;
  PaLayout *layout;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (setup != NULL, NULL);

  p.i18n = pa_report_i18n_new (data->language);
  if (data->second_language != NULL)
    p.i18n2 = pa_report_i18n_new (data->second_language);
  layout = p.layout = pa_layout_new (setup, p.i18n);
  p.flow = pa_layout_get_flow (layout);

  add_profile (&p);
  add_languages (&p);
  add_education (&p);
  add_experiences (&p);
  add_competences (&p);
  add_matches (&p);
  add_plan (&p);

  header = pa_report_expand (TR (&p, "Competence portfolio · {name}"), "name",
                             data->participant_name, NULL);
  pa_layout_set_running_header (layout, header);
  pa_layout_set_page_footer (layout, data->centre_name, TRUE);
  pa_layout_paginate (layout);

  pa_report_i18n_unref (p.i18n);
  if (p.i18n2 != NULL)
    pa_report_i18n_unref (p.i18n2);
  return layout;
}
