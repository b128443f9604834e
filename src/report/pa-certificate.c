/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "passerelle-report"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "pa-certificate.h"
#include "pa-pdf-writer.h"
#include "pa-report.h"

#define COLOR_TEXT 0x1a1a1a
#define COLOR_MUTED 0x555555
#define COLOR_ACCENT 0x18444f
#define COLOR_REVOKED 0xa4161a

/**
 * pa_certificate_method_label:
 * @i18n: the certificate's language
 * @method: a PA_METHOD_… code, or free text
 *
 * Returns: (transfer none): the method's name in @i18n's language, or
 * @method itself when it is not a known code.
 */
const char *
pa_certificate_method_label (PaReportI18n *i18n,
                             const char   *method)
{
  g_return_val_if_fail (i18n != NULL, method);

  if (method == NULL)
    return "";
  if (g_str_equal (method, PA_METHOD_INTERVIEW))
    return pa_report_pgettext (i18n, "assessment method", "Interview");
  if (g_str_equal (method, PA_METHOD_OBSERVATION))
    return pa_report_pgettext (i18n, "assessment method", "Observation at work");
  if (g_str_equal (method, PA_METHOD_PRACTICAL_TEST))
    return pa_report_pgettext (i18n, "assessment method", "Practical test");
  if (g_str_equal (method, PA_METHOD_DOCUMENT_REVIEW))
    return pa_report_pgettext (i18n, "assessment method", "Review of documents");
  if (g_str_equal (method, PA_METHOD_SIMULATION))
    return pa_report_pgettext (i18n, "assessment method", "Simulation");
  if (g_str_equal (method, PA_METHOD_EMPLOYER_REFERENCE))
    return pa_report_pgettext (i18n, "assessment method", "Employer reference");
  if (g_str_equal (method, PA_METHOD_PORTFOLIO))
    return pa_report_pgettext (i18n, "assessment method", "Portfolio");
  return method;
}


/* layout */

typedef struct
{
  const PaCertificateData *data;
  PaReportI18n *i18n;        /* first language */
  PaReportI18n *i18n2;       /* second language, or NULL */
  char *digest;
} Certificate;

static void
certificate_free (gpointer user_data)
{
  Certificate *cert = user_data;

  g_clear_pointer (&cert->i18n, pa_report_i18n_unref);
  g_clear_pointer (&cert->i18n2, pa_report_i18n_unref);
  g_free (cert->digest);
  g_free (cert);
}

static PaTextStyle
style (double   size,
       gboolean bold,
       guint32  color,
       PaAlign  align)
{
  PaTextStyle s = PA_TEXT_STYLE_INIT;

  s.size = size;
  s.bold = bold;
  s.color = color;
  s.align = align;
  return s;
}

/* A line in the first language and, for a bilingual certificate, the same
 * line in the second language under it, each in its own direction. */
static void
add_bilingual (PaFlow      *flow,
               Certificate *cert,
               const char  *first,
               const char  *second,
               PaTextStyle  first_style,
               double       second_size)
{
  pa_flow_add_text (flow, first, &first_style);
  if (second != NULL && *second != '\0')
    {
      PaTextStyle s = first_style;

      s.size = second_size;
      s.bold = first_style.bold && second_size >= 12;
      s.language = cert->data->second_language;
      if (s.align == PA_ALIGN_START)
        s.align = PA_ALIGN_NATURAL;
      pa_flow_add_text (flow, second, &s);
    }
}

#define TR(cert, msgid) pa_report_gettext ((cert)->i18n, msgid)
#define TR2(cert, msgid) ((cert)->i18n2 ? pa_report_gettext ((cert)->i18n2, msgid) : NULL)

/* A short text in both languages on one line: "Date of issue · تاريخ الإصدار". */
static char *
both_languages (const char *first,
                const char *second)
{
  if (second == NULL || g_str_equal (first, second))
    return g_strdup (first);
  return g_strdup_printf ("%s · %s", first, second);
}

static void
add_label (PaFlow      *flow,
           Certificate *cert,
           const char  *first,
           const char  *second,
           PaTextStyle  label_style)
{
  g_autofree char *text = both_languages (first, second);

  pa_flow_add_text (flow, text, &label_style);
}

static void
watermark_cb (PaLayout     *layout,
              cairo_t      *cr,
              const PaRect *area,
              int           page,
              int           n_pages,
              gpointer      user_data)
{
  Certificate *cert = user_data;
  g_autoptr (PangoLayout) text = pango_layout_new (pa_layout_get_pango_context (layout));
  g_autoptr (PangoFontDescription) font = pango_font_description_from_string (
    "Noto Sans, Noto Sans Arabic, DejaVu Sans Bold 72");
  g_autofree char *word = NULL;
  double angle = atan2 (area->height, area->width);
  double w, h, fit;
  PangoRectangle ink;

  /* Translators: printed in large letters across a certificate that was revoked. */
  word = g_strdup (pa_report_pgettext (cert->i18n, "watermark", "REVOKED"));
  if (cert->i18n2 != NULL)
    {
      g_autofree char *both = g_strdup_printf ("%s\n%s", word,
                                               pa_report_pgettext (cert->i18n2, "watermark",
                                                                   "REVOKED"));
      g_free (word);
      word = g_steal_pointer (&both);
    }
  pango_layout_set_font_description (text, font);
  pango_layout_set_alignment (text, PANGO_ALIGN_CENTER);
  pango_layout_set_text (text, word, -1);
  pango_layout_get_extents (text, &ink, NULL);
  w = (double) ink.width / PANGO_SCALE;
  h = (double) ink.height / PANGO_SCALE;

  /* Largest size whose rotated box stays inside the content box. */
  fit = MIN (area->width * 0.92 / (w * cos (angle) + h * sin (angle)),
             area->height * 0.92 / (w * sin (angle) + h * cos (angle)));
  cairo_save (cr);
  cairo_translate (cr, area->x + area->width / 2, area->y + area->height / 2);
  cairo_rotate (cr, -angle);
  cairo_scale (cr, fit, fit);
  cairo_translate (cr, -(ink.x / (double) PANGO_SCALE) - w / 2,
                   -(ink.y / (double) PANGO_SCALE) - h / 2);
  /* As outlines, not text: the word must not break into the certificate's
   * text when it is copied or read aloud; the notice under the title says it
   * in words. */
  cairo_set_source_rgba (cr, 0.64, 0.09, 0.10, 0.28);
  cairo_move_to (cr, 0, 0);
  pango_cairo_layout_path (cr, text);
  cairo_fill (cr);
  cairo_restore (cr);
}

static gboolean
add_header (PaFlow       *flow,
            Certificate  *cert,
            GError      **error)
{
  const PaCertificateData *data = cert->data;
  double with_logo[] = { 0.17, 0.49, 0.34 };
  double without_logo[] = { 0.62, 0.38 };
  PaFlow *cols[3] = { NULL, NULL, NULL };
  PaFlow *centre, *numbers;
  g_autofree char *date = pa_report_i18n_format_date (cert->i18n, &data->issue_date);
  PaTextStyle label = style (7.5, FALSE, COLOR_MUTED, PA_ALIGN_END);
  PaTextStyle value = style (10.5, TRUE, COLOR_TEXT, PA_ALIGN_END);

  if (data->logo != NULL || data->logo_path != NULL)
    {
      pa_flow_add_columns (flow, 3, with_logo, 12, cols);
      /* Translators: how an error message names the logo kept in the store */
      if (data->logo != NULL ? !pa_flow_add_image_bytes (cols[0], data->logo, _("the centre’s logo"),
                                                         80, 62, PA_ALIGN_START, error)
                             : !pa_flow_add_image (cols[0], data->logo_path, 80, 62, PA_ALIGN_START,
                                                   error))
        return FALSE;
      centre = cols[1];
      numbers = cols[2];
    }
  else
    {
      pa_flow_add_columns (flow, 2, without_logo, 12, cols);
      centre = cols[0];
      numbers = cols[1];
    }

  pa_flow_add_text (centre, data->centre_name, &(PaTextStyle) { 12.5, TRUE, FALSE,
                                                                 PA_ALIGN_START, COLOR_ACCENT,
                                                                 NULL });
  if (data->centre_address != NULL)
    {
      pa_flow_add_text (centre, data->centre_address,
                        &(PaTextStyle) { 8.5, FALSE, FALSE, PA_ALIGN_START, COLOR_MUTED, NULL });
      pa_flow_set_spacing (centre, 2, 0);
    }

  add_label (numbers, cert, TR (cert, "Certificate number"), TR2 (cert, "Certificate number"),
             label);
  pa_flow_add_text (numbers, data->number, &value);
  pa_flow_add_spacer (numbers, 5);
  add_label (numbers, cert, TR (cert, "Date of issue"), TR2 (cert, "Date of issue"), label);
  pa_flow_add_text (numbers, date, &value);
  if (cert->i18n2 != NULL)
    {
      g_autofree char *date2 = pa_report_i18n_format_date (cert->i18n2, &data->issue_date);
      PaTextStyle s = value;

      s.bold = FALSE;
      s.size = 9;
      s.language = data->second_language;
      pa_flow_add_text (numbers, date2, &s);
    }
  return TRUE;
}

/* The competence's name and, under it, its framework (and in compact
 * tables the assessment method). A bilingual wide table gives the second
 * language its own column; a compact one stacks it under the first. */
/* The competence's name and, under it, its framework (and in compact
 * tables the assessment method). The second language always has a column
 * of its own, laid out in its own direction. */
static void
add_competence_cell (PaFlow                  *cell,
                     Certificate             *cert,
                     PaCertificateCompetence *c,
                     gboolean                 compact)
{
  PaTextStyle label = style (9.5, FALSE, COLOR_TEXT, PA_ALIGN_START);
  PaTextStyle caption = style (7, FALSE, COLOR_MUTED, PA_ALIGN_START);
  g_autoptr (GString) note = g_string_new (c->framework);

  pa_flow_add_text (cell, c->label, &label);
  if (compact && cert->i18n2 != NULL && c->level != NULL && *c->level != '\0')
    {
      if (note->len > 0)
        g_string_append (note, " · ");
      g_string_append (note, c->level);
    }
  if (compact && c->method != NULL)
    {
      if (note->len > 0)
        g_string_append (note, " · ");
      g_string_append (note, pa_certificate_method_label (cert->i18n, c->method));
    }
  if (note->len > 0)
    {
      pa_flow_add_text (cell, note->str, &caption);
      pa_flow_set_spacing (cell, 1, 0);
    }
}

static void
add_competence_table (PaFlow      *flow,
                      Certificate *cert,
                      guint        first,
                      guint        last,
                      gboolean     compact)
{
  /* label, level, method, label in the second language */
  const double wide[] = { 0.52, 0.16, 0.32, 0 };
  const double wide_bilingual[] = { 0.35, 0.13, 0.24, 0.28 };
  const double narrow[] = { 0.74, 0.26, 0, 0 };
  /* compact and bilingual: the level joins framework and method under the name */
  const double narrow_bilingual[] = { 0.55, 0, 0, 0.45 };
  const double *widths;
  double fractions[4];
  int column[4];   /* table column of each part, or -1 */
  guint n_columns = 0;
  PaTextStyle head = style (8, TRUE, COLOR_TEXT, PA_ALIGN_START);
  PaTextStyle cell = style (9, FALSE, COLOR_TEXT, PA_ALIGN_START);
  gboolean bilingual = cert->i18n2 != NULL;
  PaTable *table;

  if (compact)
    widths = bilingual ? narrow_bilingual : narrow;
  else
    widths = bilingual ? wide_bilingual : wide;
  for (guint part = 0; part < 4; part++)
    {
      column[part] = widths[part] > 0 ? (int) n_columns : -1;
      if (widths[part] > 0)
        fractions[n_columns++] = widths[part];
    }
  table = pa_flow_add_table (flow, n_columns, fractions);

  pa_flow_add_text (pa_table_get_header_cell (table, column[0]), TR (cert, "Competence"), &head);
  if (column[1] < 0)
    {
      g_autofree char *parts = g_strdup_printf ("%s · %s", TR (cert, "Level"),
                                                TR (cert, "Assessment method"));
      PaTextStyle s = style (7, FALSE, COLOR_MUTED, PA_ALIGN_START);

      pa_flow_add_text (pa_table_get_header_cell (table, column[0]), parts, &s);
    }
  else
    add_bilingual (pa_table_get_header_cell (table, column[1]), cert, TR (cert, "Level"),
                   TR2 (cert, "Level"), head, 8);
  if (column[2] >= 0)
    add_bilingual (pa_table_get_header_cell (table, column[2]), cert, TR (cert, "Assessment method"),
                   TR2 (cert, "Assessment method"), head, 8);
  if (column[3] >= 0)
    {
      PaTextStyle s = head;

      s.align = PA_ALIGN_NATURAL;
      s.language = cert->data->second_language;
      pa_flow_add_text (pa_table_get_header_cell (table, column[3]), TR2 (cert, "Competence"), &s);
    }

  for (guint i = first; i < last; i++)
    {
      PaCertificateCompetence *c = cert->data->competences->pdata[i];

      pa_table_add_row (table);
      add_competence_cell (pa_table_get_cell (table, column[0]), cert, c, compact);
      if (column[1] >= 0)
        pa_flow_add_text (pa_table_get_cell (table, column[1]), c->level ? c->level : "", &cell);
      if (column[2] >= 0)
        {
          PaFlow *method = pa_table_get_cell (table, column[2]);

          pa_flow_add_text (method, pa_certificate_method_label (cert->i18n, c->method), &cell);
          if (cert->i18n2 != NULL && c->method != NULL)
            {
              PaTextStyle s = style (8.5, FALSE, COLOR_MUTED, PA_ALIGN_NATURAL);
              const char *label2 = pa_certificate_method_label (cert->i18n2, c->method);

              /* A method typed as free text exists in one language only. */
              if (!g_str_equal (label2, c->method))
                {
                  s.language = cert->data->second_language;
                  pa_flow_add_text (method, label2, &s);
                }
            }
        }
      if (column[3] >= 0 && c->label_second != NULL)
        {
          PaTextStyle s = style (9.5, FALSE, COLOR_TEXT, PA_ALIGN_NATURAL);

          s.language = cert->data->second_language;
          pa_flow_add_text (pa_table_get_cell (table, column[3]), c->label_second, &s);
        }
    }
}

static void
add_closing (PaFlow       *flow,
             Certificate  *cert,
             GError      **error,
             gboolean     *ok)
{
  const PaCertificateData *data = cert->data;
  const double fractions[] = { 0.24, 0.38, 0.38 };
  PaFlow *cols[3];
  g_autofree char *date = pa_report_i18n_format_date (cert->i18n, &data->issue_date);
  g_autofree char *issued = NULL;
  g_autofree char *qr_text = pa_certificate_qr_text (data);
  g_autofree char *digest_line = g_strdup_printf ("SHA-256 %.16s", cert->digest);
  PaTextStyle small = style (7, FALSE, COLOR_MUTED, PA_ALIGN_START);
  PaTextStyle body = style (9.5, FALSE, COLOR_TEXT, PA_ALIGN_START);
  g_autofree char *centre_caption = NULL;
  g_autofree char *participant_caption = NULL;

  if (data->place != NULL && *data->place != '\0')
    issued = pa_report_expand (TR (cert, "Issued in {place} on {date}"), "place", data->place,
                               "date", date, NULL);
  else
    issued = pa_report_expand (TR (cert, "Issued on {date}"), "date", date, NULL);
  pa_flow_add_text (flow, issued, &body);

  pa_flow_add_columns (flow, 3, fractions, 16, cols);
  pa_flow_set_spacing (flow, 10, 0);
  if (!pa_flow_add_qr (cols[0], qr_text, 74, PA_ALIGN_START, error))
    {
      *ok = FALSE;
      return;
    }
  add_label (cols[0], cert, TR (cert, "Verification code"), TR2 (cert, "Verification code"),
             small);
  pa_flow_add_text (cols[0], digest_line, &small);

  centre_caption = both_languages (TR (cert, "For the centre"), TR2 (cert, "For the centre"));
  participant_caption = both_languages (TR (cert, "The participant"),
                                        TR2 (cert, "The participant"));
  pa_flow_add_signature (cols[1], centre_caption, data->signatory_name, data->signatory_role);
  pa_flow_add_signature (cols[2], participant_caption, data->participant_name, NULL);
}

/* Where to split the competences between two columns so that both end at
 * about the same height: rows grow with the length of their texts. */
static guint
balanced_split (Certificate *cert)
{
  GPtrArray *competences = cert->data->competences;
  g_autofree double *weight = g_new0 (double, competences->len + 1);
  double total = 0, acc = 0, best_diff = G_MAXDOUBLE;
  guint best = (competences->len + 1) / 2;

  for (guint i = 0; i < competences->len; i++)
    {
      PaCertificateCompetence *c = competences->pdata[i];
      double label = g_utf8_strlen (c->label, -1);
      double second = c->label_second && cert->i18n2 ? g_utf8_strlen (c->label_second, -1) : 0;
      double note = (c->framework ? g_utf8_strlen (c->framework, -1) + 3 : 0)
                    + (c->method ? g_utf8_strlen (pa_certificate_method_label (cert->i18n, c->method), -1) : 0)
                    + (cert->i18n2 && c->level ? g_utf8_strlen (c->level, -1) + 3 : 0);

      /* lines of the name and of the note under it, or of the second
       * language's name beside them, whichever is taller */
      weight[i] = 0.5 + MAX (ceil (label / 45) + ceil (note / 45), ceil (second / 38));
      total += weight[i];
    }
  for (guint split = 1; split < competences->len; split++)
    {
      double diff;

      acc += weight[split - 1];
      diff = fabs (acc - (total - acc));
      if (diff < best_diff)
        {
          best_diff = diff;
          best = split;
        }
    }
  return best;
}

static PaLayout *
build_layout (Certificate        *cert,
              const PaPageSetup  *setup,
              gboolean            two_columns,
              GError            **error)
{
  const PaCertificateData *data = cert->data;
  g_autoptr (PaLayout) layout = pa_layout_new (setup, cert->i18n);
  PaFlow *flow = pa_layout_get_flow (layout);
  g_autofree char *intro = NULL;
  g_autofree char *intro2 = NULL;
  g_autofree char *footer = NULL;
  g_autoptr (GString) details = g_string_new (NULL);
  gboolean ok = TRUE;
  guint n = data->competences->len;

  if (!add_header (flow, cert, error))
    return NULL;
  pa_flow_add_rule (flow, 1.2, COLOR_ACCENT);
  pa_flow_set_spacing (flow, 10, 0);

  pa_flow_add_spacer (flow, 18);
  add_bilingual (flow, cert, TR (cert, "Certificate of recognised competences"),
                 TR2 (cert, "Certificate of recognised competences"),
                 style (21, TRUE, COLOR_ACCENT, PA_ALIGN_CENTER), 16);

  if (data->revoked)
    {
      PaFlow *box;
      const double full[] = { 1.0 };
      PaTextStyle strong = style (10, TRUE, COLOR_REVOKED, PA_ALIGN_START);
      PaTextStyle plain = style (9.5, FALSE, COLOR_TEXT, PA_ALIGN_START);

      pa_flow_add_columns (flow, 1, full, 0, &box);
      pa_flow_set_spacing (flow, 10, 0);
      pa_flow_set_frame (box, COLOR_REVOKED, 0xfdf0f0);
      add_bilingual (box, cert,
                     TR (cert, "This certificate has been revoked and is no longer valid."),
                     TR2 (cert, "This certificate has been revoked and is no longer valid."),
                     strong, 10);
      if (data->revoked_reason != NULL && *data->revoked_reason != '\0')
        {
          g_autofree char *reason = pa_report_expand (TR (cert, "Reason: {reason}"), "reason",
                                                      data->revoked_reason, NULL);

          pa_flow_add_text (box, reason, &plain);
          pa_flow_set_spacing (box, 3, 0);
        }
    }

  pa_flow_add_spacer (flow, 14);
  add_bilingual (flow, cert, TR (cert, "This certificate is awarded to"),
                 TR2 (cert, "This certificate is awarded to"),
                 style (10, FALSE, COLOR_MUTED, PA_ALIGN_CENTER), 9.5);
  pa_flow_add_text (flow, data->participant_name, &(PaTextStyle) { 20, TRUE, FALSE,
                                                                  PA_ALIGN_CENTER, COLOR_TEXT,
                                                                  NULL });
  pa_flow_set_spacing (flow, 4, 0);

  if (data->participant_birth_year > 0)
    {
      char year[16];
      g_autofree char *a = NULL;

      g_snprintf (year, sizeof year, "%d", data->participant_birth_year);
      a = pa_report_expand (TR (cert, "Year of birth: {year}"), "year", year, NULL);
      g_string_append (details, a);
    }
  if (data->participant_origin != NULL && *data->participant_origin != '\0')
    {
      g_autofree char *a = pa_report_expand (TR (cert, "Country of origin: {country}"),
                                             "country", data->participant_origin, NULL);

      g_string_append_printf (details, "%s%s", details->len ? "   ·   " : "", a);
    }
  if (details->len > 0)
    {
      pa_flow_add_text (flow, details->str, &(PaTextStyle) { 9.5, FALSE, FALSE, PA_ALIGN_CENTER,
                                                            COLOR_MUTED, NULL });
      pa_flow_set_spacing (flow, 3, 0);
    }

  pa_flow_add_spacer (flow, 12);
  intro = pa_report_expand (
    /* Translators: {centre} is the name of the adult-education centre. */
    TR (cert, "has had the competences below recognised by {centre}. They were identified, "
              "documented and assessed following the European guidelines for the validation "
              "of non-formal and informal learning."),
    "centre", data->centre_name, NULL);
  if (cert->i18n2)
    intro2 = pa_report_expand (
      TR2 (cert, "has had the competences below recognised by {centre}. They were identified, "
                 "documented and assessed following the European guidelines for the validation "
                 "of non-formal and informal learning."),
      "centre", data->centre_name, NULL);
  add_bilingual (flow, cert, intro, intro2, style (9.5, FALSE, COLOR_TEXT, PA_ALIGN_CENTER),
                 9);
  pa_flow_add_spacer (flow, 12);

  if (!two_columns)
    add_competence_table (flow, cert, 0, n, FALSE);
  else
    {
      const double halves[] = { 1, 1 };
      PaFlow *cols[2];

      guint split = balanced_split (cert);

      pa_flow_add_columns (flow, 2, halves, 14, cols);
      add_competence_table (cols[0], cert, 0, split, TRUE);
      add_competence_table (cols[1], cert, split, n, TRUE);
    }

  add_closing (pa_layout_get_closing_flow (layout), cert, error, &ok);
  if (!ok)
    return NULL;

  footer = g_strdup_printf ("%s · %s", data->centre_name, data->number);
  pa_layout_set_page_footer (layout, footer, FALSE);
  if (data->revoked)
    pa_layout_set_overlay (layout, watermark_cb, cert, NULL);
  return g_steal_pointer (&layout);
}

/**
 * pa_certificate_layout_new:
 * @data: a certificate
 * @setup: the page
 * @error: return location for an error
 *
 * Lays the certificate out on one page: when its competences do not fit, the
 * text shrinks, then the list goes into two columns, down to a size still
 * readable on paper.
 *
 * Returns: (transfer full): the one-page layout, or %NULL when @data is not
 * valid, its logo cannot be read, or it cannot fit on one page.
 */
PaLayout *
pa_certificate_layout_new (const PaCertificateData  *data,
                           const PaPageSetup        *setup,
                           GError                  **error)
{
  static const struct { gboolean two_columns; double scale; } tries[] = {
    { FALSE, 1.1 }, { FALSE, 1.0 }, { FALSE, 0.92 }, { FALSE, 0.85 }, { FALSE, 0.8 }, { TRUE, 0.92 }, { TRUE, 0.85 },
    { TRUE, 0.78 }, { TRUE, 0.72 }, { TRUE, 0.66 }, { TRUE, 0.62 }, { TRUE, 0.58 }, { TRUE, 0.54 }, { TRUE, 0.5 }, { TRUE, 0.46 }, { TRUE, 0.42 }, { TRUE, 0.38 },
  };
  Certificate *cert;
  g_autoptr (PaLayout) one = NULL;
  g_autoptr (PaLayout) two = NULL;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (setup != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!pa_certificate_validate (data, error))
    return NULL;

  cert = g_new0 (Certificate, 1);
  cert->data = data;
  cert->i18n = pa_report_i18n_new (data->language);
  if (data->second_language != NULL && *data->second_language != '\0'
      && !g_str_equal (data->second_language, data->language))
    cert->i18n2 = pa_report_i18n_new (data->second_language);
  cert->digest = pa_certificate_digest (data);

  for (gsize i = 0; i < G_N_ELEMENTS (tries); i++)
    {
      PaLayout **layout = tries[i].two_columns ? &two : &one;
      double natural, body, measured;

      if (*layout == NULL)
        {
          *layout = build_layout (cert, setup, tries[i].two_columns, error);
          if (*layout == NULL)
            {
              certificate_free (cert);
              return NULL;
            }
        }
      pa_layout_set_scale (*layout, tries[i].scale);
      if (pa_layout_paginate (*layout) == 1)
        {
          PaLayout *result = g_steal_pointer (layout);

          /* The layout that is kept owns the translations its overlay uses. */
          g_object_set_data_full (G_OBJECT (result), "pa-certificate", cert, certificate_free);
          return result;
        }

      /* Skip the sizes that cannot fit: text, the bulk of the height, shrinks
       * with the scale, so the height needed at a smaller scale is at least
       * natural × smaller / current. */
      natural = pa_layout_get_natural_height (*layout);
      body = pa_layout_get_body_height (*layout);
      measured = tries[i].scale;
      while (i + 1 < G_N_ELEMENTS (tries) && tries[i + 1].two_columns == tries[i].two_columns
             && natural * 0.97 * tries[i + 1].scale / measured > body)
        i++;
    }

  certificate_free (cert);
  g_set_error (error, PA_REPORT_ERROR, PA_REPORT_ERROR_DOES_NOT_FIT,
               ngettext ("The certificate does not fit on one page with %u competence; "
                         "print a portfolio instead",
                         "The certificate does not fit on one page with %u competences; "
                         "print a portfolio instead", data->competences->len),
               data->competences->len);
  return NULL;
}

/**
 * pa_certificate_render:
 * @data: a certificate
 * @cr: a context whose user space is the page, in points from its top left
 *   corner (a PDF page, or a print dialog's page set to full-page mode)
 * @setup: the page
 * @error: return location for an error
 *
 * Draws the certificate; the preview in the window uses the same drawing.
 *
 * Returns: %TRUE when it was drawn.
 */
gboolean
pa_certificate_render (const PaCertificateData  *data,
                       cairo_t                  *cr,
                       const PaPageSetup        *setup,
                       GError                  **error)
{
  g_autoptr (PaLayout) layout = NULL;

  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (cr != NULL, FALSE);
  g_return_val_if_fail (setup != NULL, FALSE);

  layout = pa_certificate_layout_new (data, setup, error);
  if (layout == NULL)
    return FALSE;
  pa_layout_draw_page (layout, cr, 0);
  if (cairo_status (cr) != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, PA_REPORT_ERROR, PA_REPORT_ERROR_FAILED,
                   _("Could not draw the certificate: %s"), cairo_status_to_string (cairo_status (cr)));
      return FALSE;
    }
  return TRUE;
}

static void
fill_info (const PaCertificateData *data,
           PaReportI18n            *i18n,
           char                   **title,
           PaPdfInfo               *info)
{
  *title = g_strdup_printf ("%s — %s",
                            pa_report_gettext (i18n, "Certificate of recognised competences"),
                            data->participant_name);
  info->title = *title;
  info->author = data->centre_name;
  info->subject = data->number;
  info->date = &data->issue_date;
}

/**
 * pa_certificate_write_pdf:
 * @data: a certificate
 * @path: the PDF file to write (replaced only when complete)
 * @paper: A4 or Letter
 * @error: return location for an error
 *
 * The same data always gives the same bytes: the only date in the file is
 * the date of issue.
 *
 * Returns: %TRUE when the file was written.
 */
gboolean
pa_certificate_write_pdf (const PaCertificateData  *data,
                          const char               *path,
                          PaPaper                   paper,
                          GError                  **error)
{
  g_autoptr (GPtrArray) one = g_ptr_array_new ();

  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  g_ptr_array_add (one, (gpointer) data);
  return pa_certificate_write_pdf_batch (one, path, paper, error);
}

/**
 * pa_certificate_write_pdf_batch:
 * @certificates: (element-type PaCertificateData): certificates, one page each
 * @path: the PDF file to write (replaced only when complete)
 * @paper: A4 or Letter
 * @error: return location for an error
 *
 * Writes a group's certificates into one PDF, in order. Nothing is written
 * unless every certificate is valid.
 *
 * Returns: %TRUE when the file was written.
 */
gboolean
pa_certificate_write_pdf_batch (GPtrArray   *certificates,
                                const char  *path,
                                PaPaper      paper,
                                GError     **error)
{
  g_autoptr (PaPageSetup) setup = NULL;
  g_autoptr (PaPdfWriter) writer = NULL;
  g_autoptr (PaReportI18n) i18n = NULL;
  g_autofree char *title = NULL;
  PaPdfInfo info = { 0 };
  const PaCertificateData *first;

  g_return_val_if_fail (certificates != NULL && certificates->len > 0, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (paper == PA_PAPER_A4 || paper == PA_PAPER_LETTER, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  for (guint i = 0; i < certificates->len; i++)
    if (!pa_certificate_validate (certificates->pdata[i], error))
      return FALSE;

  first = certificates->pdata[0];
  setup = pa_page_setup_new (paper);
  pa_page_setup_set_margins (setup, PA_MM_TO_PT (16), PA_MM_TO_PT (16), PA_MM_TO_PT (14),
                             PA_MM_TO_PT (16));
  i18n = pa_report_i18n_new (first->language);
  if (certificates->len == 1)
    fill_info (first, i18n, &title, &info);
  else
    {
      info.title = pa_report_gettext (i18n, "Certificate of recognised competences");
      info.author = first->centre_name;
      info.date = &first->issue_date;
    }

  writer = pa_pdf_writer_new (path, &info, error);
  if (writer == NULL)
    return FALSE;
  for (guint i = 0; i < certificates->len; i++)
    {
      g_autoptr (PaLayout) layout = pa_certificate_layout_new (certificates->pdata[i], setup,
                                                               error);

      if (layout == NULL || !pa_pdf_writer_add (writer, layout, error))
        return FALSE;
    }
  return pa_pdf_writer_finish (writer, error);
}
