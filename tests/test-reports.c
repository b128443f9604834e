/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The reports drawn from the store (portfolio, attendance sheet, seminar
 * certificates, statistics), checked as a reader sees them: text through
 * pdftotext, pages and fonts through pdfinfo and pdffonts, pixels through
 * pdftoppm; and the CLI's errors. */

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <stdio.h>
#include <sys/wait.h>
#include <stdlib.h>
#include <string.h>

#include "pa-certificate.h"
#include "pa-demo.h"
#include "pa-document.h"
#include "pa-report-data.h"
#include "pa-store-cases.h"
#include "pa-store-records.h"
#include "pa-test-utils.h"

#define MARGIN PA_MM_TO_PT (15.0)
#define LONG_NAME "Nour al-Huda Abd al-Rahman Al-Khatib Hassan-Mahmoudi Haddadi"

static char *tmpdir;
static char *db;


static char *
tmp_path (const char *name)
{
  return g_build_filename (tmpdir, name, NULL);
}

/* The text of @page (0: all), without the embedding controls pdftotext puts
 * around right-to-left runs and with every run of white space made one
 * space, so that a line break does not hide a name. */
static char *
pdf_text (const char *pdf,
          int         page)
{
  g_autofree char *first = g_strdup_printf ("%d", page > 0 ? page : 1);
  g_autofree char *last = g_strdup_printf ("%d", page > 0 ? page : 9999);
  g_autofree char *raw = pa_test_run ("pdftotext", "-enc", "UTF-8", "-f", first, "-l", last, pdf, "-",
                              NULL);
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = raw; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= 0x202a && c <= 0x202e)
        continue;
      if (g_unichar_isspace (c))
        {
          space = TRUE;
          continue;
        }
      if (space && out->len > 0)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static void
assert_text_has (const char *text,
                 const char *needle)
{
  if (strstr (text, needle) == NULL)
    g_error ("“%s” is not in the text: %s", needle, text);
}



static void
assert_page_size (const char *pdf,
                  double      width,
                  double      height)
{
  g_autofree char *size = pa_test_pdf_info (pdf, "Page size");
  double w, h;

  g_assert_cmpint (sscanf (size, "%lf x %lf", &w, &h), ==, 2);
  g_assert_cmpfloat_with_epsilon (w, width, 1.0);
  g_assert_cmpfloat_with_epsilon (h, height, 1.0);
}

/* Every font pdffonts lists must say "yes" in its "emb" column. */
static void
assert_fonts_embedded (const char *pdf)
{
  g_autofree char *out = pa_test_run ("pdffonts", pdf, NULL);
  g_auto (GStrv) lines = g_strsplit (out, "\n", -1);
  int fonts = 0;

  for (int i = 2; lines[i]; i++)
    {
      g_auto (GStrv) words = g_strsplit_set (lines[i], " ", -1);
      g_autoptr (GPtrArray) cols = g_ptr_array_new ();

      for (guint k = 0; words[k]; k++)
        if (*words[k])
          g_ptr_array_add (cols, words[k]);
      if (cols->len == 0)
        continue;
      g_assert_cmpuint (cols->len, >=, 6);
      /* name type [type] encoding emb sub uni object ID: emb is 5th from the end */
      if (!g_str_equal (cols->pdata[cols->len - 5], "yes"))
        g_error ("font not embedded in %s: %s", pdf, lines[i]);
      fonts++;
    }
  g_assert_cmpint (fonts, >, 0);
}

/* Renders every page: each has ink, none outside the margins (one pixel of
 * tolerance for anti-aliasing). */
static void
assert_pages_drawn_inside_margins (const char *pdf)
{
  g_autofree char *prefix = tmp_path ("page");
  g_autoptr (GDir) dir = NULL;
  const double scale = 36.0 / 72.0;
  const char *name;
  int n_images = 0;

  g_free (pa_test_run ("pdftoppm", "-r", "36", "-png", pdf, prefix, NULL));
  dir = g_dir_open (tmpdir, 0, NULL);
  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *png = NULL;
      cairo_surface_t *image;
      int width, height, stride, body = 0, outside = 0;
      const guint8 *data;

      if (!g_str_has_prefix (name, "page-") || !g_str_has_suffix (name, ".png"))
        continue;
      png = tmp_path (name);
      image = cairo_image_surface_create_from_png (png);
      g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
      cairo_surface_flush (image);
      width = cairo_image_surface_get_width (image);
      height = cairo_image_surface_get_height (image);
      stride = cairo_image_surface_get_stride (image);
      data = cairo_image_surface_get_data (image);
      for (int y = 0; y < height; y++)
        for (int x = 0; x < width; x++)
          {
            guint32 pixel = *(const guint32 *) (gconstpointer) (data + (gsize) y * stride + x * 4);
            gboolean in_box = x >= floor (MARGIN * scale) - 1
                              && x <= ceil (width - MARGIN * scale) + 1
                              && y >= floor (MARGIN * scale) - 1
                              && y <= ceil (height - MARGIN * scale) + 1;

            if ((pixel & 0xffffff) == 0xffffff)
              continue;
            /* ink between the running header and the footer */
            if (y > (MARGIN + 20) * scale && y < height - (MARGIN + 20) * scale)
              body++;
            if (!in_box)
              outside++;
          }
      cairo_surface_destroy (image);
      if (g_getenv ("PA_TEST_KEEP") == NULL)
        g_unlink (png);
      if (outside > 0)
        g_error ("%s: %d pixels outside the margins on %s", pdf, outside, name);
      /* Something besides the running header and the footer: not a blank page. */
      if (body < 300 && g_getenv ("PA_TEST_KEEP") == NULL)
        g_error ("%s: %s is blank (%d pixels of ink)", pdf, name, body);
      n_images++;
    }
  g_assert_cmpint (n_images, ==, pa_test_pdf_pages (pdf));
}

static void
assert_pdf_sane (const char *pdf)
{
  assert_fonts_embedded (pdf);
  assert_pages_drawn_inside_margins (pdf);
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr (GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

/* Runs the CLI on the demo store; returns its exit status. */
static int
cli (char      **err,
     const char *first,
     ...)
{
  g_autoptr (GPtrArray) args = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *out = NULL;
  const char *cli_path = g_getenv ("PASSERELLE_CLI");
  int status = 0;
  va_list ap;

  g_assert_nonnull (cli_path);
  /* Callers reuse @err from one run to the next. */
  if (err != NULL)
    g_clear_pointer (err, g_free);
  g_ptr_array_add (args, (gpointer) cli_path);
  g_ptr_array_add (args, "--db");
  g_ptr_array_add (args, db);
  va_start (ap, first);
  for (const char *a = first; a != NULL; a = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) a);
  va_end (ap);
  g_ptr_array_add (args, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) args->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, err, &status, &error));
  g_assert_no_error (error);
  if (!WIFEXITED (status))
    g_error ("passerelle-cli crashed: %s", err ? *err : "");
  return WEXITSTATUS (status);
}

/* portfolio */

static void
test_portfolio_languages (void)
{
  static const struct { const char *lang; const char *second; const char *heading; } cases[] = {
    { "en", NULL, "Competence portfolio" },
    { "fr", NULL, "Rami Haddad" },
    { "fr", "ar", "Rami Haddad" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *pdf = tmp_path ("portfolio.pdf");
      g_autofree char *again = tmp_path ("portfolio-again.pdf");
      g_autofree char *err = NULL;
      g_autofree char *text = NULL;
      g_autoptr (GBytes) a = NULL;
      g_autoptr (GBytes) b = NULL;

      if (cases[i].second)
        g_assert_cmpint (cli (&err, "report", "portfolio", "PA-2026-0001", "-o", pdf, "--lang",
                              cases[i].lang, "--second-lang", cases[i].second, NULL), ==, 0);
      else
        g_assert_cmpint (cli (&err, "report", "portfolio", "PA-2026-0001", "-o", pdf, "--lang",
                              cases[i].lang, NULL), ==, 0);
      text = pdf_text (pdf, 0);
      assert_text_has (text, cases[i].heading);
      assert_text_has (text, "Rami Haddad");
      assert_text_has (text, "PA-2026-0001");
      /* languages grid, experience with its country, competences, plan */
      assert_text_has (text, "C2");
      assert_text_has (text, "Hygiène alimentaire (HACCP)");
      assert_text_has (text, "use cooking techniques");
      assert_text_has (text, "EQF 4");
      assert_text_has (text, "Stage de deux semaines en cuisine");
      assert_text_has (text, g_str_equal (cases[i].lang, "en") ? "Page 1 of 2" : "1");
      /* the title of a diploma, in Arabic, in logical order (the word before the
       * lam-alef ligature, which pdftotext takes apart in the wrong order) */
      assert_text_has (text, "الشهادة");
      g_assert_cmpint (pa_test_pdf_pages (pdf), >=, 2);
      assert_page_size (pdf, 595.3, 841.9);
      assert_pdf_sane (pdf);

      /* The same input gives the same file. */
      if (cases[i].second)
        g_assert_cmpint (cli (&err, "report", "portfolio", "PA-2026-0001", "-o", again, "--lang",
                              cases[i].lang, "--second-lang", cases[i].second, NULL), ==, 0);
      else
        g_assert_cmpint (cli (&err, "report", "portfolio", "PA-2026-0001", "-o", again, "--lang",
                              cases[i].lang, NULL), ==, 0);
      a = read_bytes (pdf);
      b = read_bytes (again);
      g_assert_true (g_bytes_equal (a, b));
      g_unlink (pdf);
      g_unlink (again);
    }
}

static PaPortfolioData *
long_portfolio (void)
{
  static const char *const frameworks[] = { "ESCO", "DigComp", "Transversal skills" };
  PaPortfolioData *data = pa_portfolio_data_new ();

  data->language = g_strdup ("en");
  data->centre_name = g_strdup ("Centre Horizon Gent");
  data->participant_name = g_strdup (LONG_NAME);
  data->case_code = g_strdup ("PA-2026-0999");
  data->birth_year = 1990;
  g_date_set_dmy (&data->date, 3, G_DATE_MARCH, 2026);
  for (guint i = 0; i < 40; i++)
    {
      PaPortfolioCompetence *c = g_new0 (PaPortfolioCompetence, 1);

      c->framework = g_strdup (frameworks[i % 3]);
      c->label = g_strdup_printf ("Competence number %u, with a long enough name to wrap on two "
                                  "lines of the table", i + 1);
      c->stage = 1 + i % 4;
      c->stage_label = g_strdup ("Stage");
      c->evidence = i % 2 ? g_strdup ("Work sample photographed on site") : NULL;
      g_ptr_array_add (data->competences, c);
    }
  for (guint i = 0; i < 12; i++)
    {
      PaPortfolioExperience *e = g_new0 (PaPortfolioExperience, 1);

      e->title = g_strdup_printf ("Experience %u", i + 1);
      e->dates = g_strdup ("2010-01 – 2012-06");
      e->place = g_strdup ("Homs, Syria");
      e->tasks = g_strdup ("Maintained the machines of a textile workshop, trained apprentices, "
                           "ordered spare parts and kept the workshop's accounts.");
      g_ptr_array_add (data->experiences, e);
    }
  return data;
}

/* 40 competences and a 60-character name: the portfolio goes on over pages,
 * with everything on them; the certificate still fits on one. */
static void
test_long_case (void)
{
  g_autoptr (PaPortfolioData) data = long_portfolio ();
  g_autoptr (PaPageSetup) letter = pa_page_setup_new (PA_PAPER_LETTER);
  g_autoptr (PaDocument) document = NULL;
  g_autoptr (PaCertificateData) certificate = pa_certificate_data_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *pdf = tmp_path ("long.pdf");
  g_autofree char *cert_pdf = tmp_path ("long-certificate.pdf");
  g_autofree char *text = NULL;
  g_autofree char *cert_text = NULL;

  g_assert_cmpuint (strlen (LONG_NAME), ==, 60);
  document = pa_document_new_portfolio (data, letter);
  g_assert_true (pa_document_write_pdf (document, pdf, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (pa_test_pdf_pages (pdf), >=, 3);
  assert_page_size (pdf, 612, 792);
  text = pdf_text (pdf, 0);
  assert_text_has (text, LONG_NAME);
  for (guint i = 1; i <= 40; i++)
    {
      g_autofree char *label = g_strdup_printf ("Competence number %u,", i);
      assert_text_has (text, label);
    }
  /* The last page still names the participant and counts the pages. */
  {
    g_autofree char *last = pdf_text (pdf, pa_test_pdf_pages (pdf));
    g_autofree char *count = g_strdup_printf ("Page %d of %d", pa_test_pdf_pages (pdf), pa_test_pdf_pages (pdf));

    assert_text_has (last, LONG_NAME);
    assert_text_has (last, count);
  }
  assert_pdf_sane (pdf);

  certificate->centre_name = g_strdup ("Centre Horizon Gent");
  certificate->signatory_name = g_strdup ("Els Peeters");
  certificate->participant_name = g_strdup (LONG_NAME);
  certificate->language = g_strdup ("en");
  certificate->number = pa_certificate_number_with_check (9, "HZG");
  g_date_set_dmy (&certificate->issue_date, 3, G_DATE_MARCH, 2026);
  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *label = g_strdup_printf ("Competence number %u", i + 1);
      pa_certificate_data_add_competence (certificate, label, NULL, "ESCO", "Advanced",
                                          PA_METHOD_PRACTICAL_TEST);
    }
  g_assert_true (pa_certificate_write_pdf (certificate, cert_pdf, PA_PAPER_A4, &error));
  g_assert_no_error (error);
  g_assert_cmpint (pa_test_pdf_pages (cert_pdf), ==, 1);
  cert_text = pdf_text (cert_pdf, 0);
  assert_text_has (cert_text, LONG_NAME);
  assert_text_has (cert_text, "Competence number 40");
  assert_pdf_sane (cert_pdf);
}

/* attendance */

static PaAttendanceData *
big_seminar (void)
{
  PaAttendanceData *data = pa_attendance_data_new ();

  data->language = g_strdup ("en");
  data->title = g_strdup ("Digital skills for job search");
  data->location = g_strdup ("Gent, room 3");
  for (guint s = 0; s < 12; s++)
    {
      g_ptr_array_add (data->sessions, g_strdup_printf ("2026-01-%02u", s + 5));
      g_ptr_array_add (data->topics, g_strdup_printf ("Topic of session %u", s + 1));
    }
  for (guint p = 0; p < 25; p++)
    g_ptr_array_add (data->participants, g_strdup_printf ("Participant Number%02u", p + 1));
  data->marks = g_new0 (guint8, 25 * 12);
  data->marks[3 * 12 + 11] = PA_ATTENDANCE_ABSENT;
  return data;
}

/* 25 participants × 12 sessions: landscape, over two pages or more, every
 * page with the grid's header. */
static void
test_attendance_big (void)
{
  g_autoptr (PaAttendanceData) data = big_seminar ();
  g_autoptr (PaPageSetup) a4 = pa_page_setup_new (PA_PAPER_A4);
  g_autoptr (PaDocument) document = pa_document_new_attendance (data, a4);
  g_autoptr (GError) error = NULL;
  g_autofree char *pdf = tmp_path ("attendance.pdf");
  g_autofree char *text = NULL;
  int pages;

  g_assert_true (pa_document_write_pdf (document, pdf, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  assert_page_size (pdf, 841.9, 595.3);
  pages = pa_test_pdf_pages (pdf);
  g_assert_cmpint (pages, >=, 2);
  for (int page = 1; page <= pages; page++)
    {
      g_autofree char *on_page = pdf_text (pdf, page);

      assert_text_has (on_page, "Participant");
      assert_text_has (on_page, "Session 1 ");
      assert_text_has (on_page, "Session 12");
      assert_text_has (on_page, "2026-01-16");
    }
  text = pdf_text (pdf, 0);
  for (guint p = 1; p <= 25; p++)
    {
      g_autofree char *name = g_strdup_printf ("Participant Number%02u", p);
      assert_text_has (text, name);
    }
  assert_text_has (text, "absent");
  assert_pdf_sane (pdf);
}

static void
test_attendance_demo (void)
{
  g_autofree char *pdf = tmp_path ("demo-attendance.pdf");
  g_autofree char *err = NULL;
  g_autofree char *text = NULL;

  g_assert_cmpint (cli (&err, "report", "attendance", "1", "-o", pdf, "--lang", "fr",
                        "--paper", "letter", NULL), ==, 0);
  text = pdf_text (pdf, 0);
  assert_text_has (text, "Valoriser ses compétences");
  /* The theme by its name in the sheet's language, never by its code. */
  assert_text_has (text, "Employabilité");
  g_assert_null (strstr (text, "employability"));
  assert_text_has (text, "Rami Haddad");
  assert_text_has (text, "Zahra Ahmadi");
  assert_text_has (text, "2025-10-06");
  /* not a participant */
  g_assert_null (strstr (text, "Dariush Rahimi"));
  assert_page_size (pdf, 612, 792);
  assert_pdf_sane (pdf);
}

/* seminar certificates */

static void
test_seminar_certificates (void)
{
  g_autofree char *pdf = tmp_path ("certificates.pdf");
  g_autofree char *err = NULL;
  g_autofree char *text = NULL;

  g_assert_cmpint (cli (&err, "report", "certificates", "--seminar", "1", "-o", pdf, "--lang",
                        "fr", "--second-lang", "ar", NULL), ==, 0);
  /* Participants with a certified competence, one page each. */
  g_assert_cmpint (pa_test_pdf_pages (pdf), ==, 3);
  text = pdf_text (pdf, 0);
  assert_text_has (text, "Rami Haddad");
  assert_text_has (text, "Zahra Ahmadi");
  assert_text_has (text, "Mamadou Diallo");
  g_assert_null (strstr (text, "Selam Haile"));
  assert_text_has (text, "شهادة الكفاءات المعترف بها");
  assert_pdf_sane (pdf);
}

/* statistics */

static void
test_statistics (void)
{
  g_autoptr (PaStore) store = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *pdf = tmp_path ("statistics.pdf");
  g_autofree char *again = tmp_path ("statistics-again.pdf");
  g_autofree char *err = NULL;
  g_autofree char *text = NULL;
  g_autoptr (GBytes) a = NULL;
  g_autoptr (GBytes) b = NULL;
  int names = 0;

  g_assert_cmpint (cli (&err, "report", "statistics", "--from", "2000-01-01", "--to",
                        "2099-12-31", "-o", pdf, "--lang", "en", NULL), ==, 0);
  text = pdf_text (pdf, 0);
  assert_text_has (text, "12 participants");
  assert_text_has (text, "Participants by country of origin");
  /* The demo's twelve participants come from twelve countries: no country
   * is named, so that no one can be recognised. */
  assert_text_has (text, "Other countries");
  assert_text_has (text, "groups of fewer than five participants are not counted apart");
  g_assert_null (strstr (text, "Syrian Arab Republic"));
  assert_text_has (text, "Participants by gender");
  assert_text_has (text, "Participants by age");
  assert_text_has (text, "Competences by stage");
  assert_text_has (text, "Certified");
  assert_text_has (text, "Occupations most matched");
  assert_pdf_sane (pdf);

  /* No name, no case code. */
  store = pa_store_open (db, &error);
  g_assert_no_error (error);
  stmt = pa_store_prepare (store, "SELECT given_name, family_name, code FROM case_file", &error);
  g_assert_no_error (error);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int c = 0; c < 3; c++)
        {
          const char *value = (const char *) sqlite3_column_text (stmt, c);

          if (value != NULL && strlen (value) >= 3 && strstr (text, value) != NULL)
            g_error ("The statistics name “%s”", value);
        }
      names++;
    }
  g_assert_cmpint (names, ==, 12);
  g_assert_null (strstr (text, "PA-2026"));

  g_assert_cmpint (cli (&err, "report", "statistics", "--from", "2000-01-01", "--to",
                        "2099-12-31", "-o", again, "--lang", "en", NULL), ==, 0);
  a = read_bytes (pdf);
  b = read_bytes (again);
  g_assert_true (g_bytes_equal (a, b));
}

/* The count of @label in @counts, -1 when it is withheld; the test fails
 * when there is no such label. */
static int
stat_of (GPtrArray  *counts,
         const char *label)
{
  for (guint i = 0; i < counts->len; i++)
    {
      PaStatCount *c = g_ptr_array_index (counts, i);

      if (g_str_equal (c->label, label))
        return c->hidden ? -1 : (int) c->count;
    }
  g_error ("No count of “%s”", label);
}

static gboolean
has_label (GPtrArray  *counts,
           const char *label)
{
  for (guint i = 0; i < counts->len; i++)
    if (g_str_equal (((PaStatCount *) g_ptr_array_index (counts, i))->label, label))
      return TRUE;
  return FALSE;
}

/* Groups of fewer than five participants are not counted apart. */
static void
test_statistics_small_groups (void)
{
  static const struct { const char *country; const char *gender; int n; } people[] = {
    { "SY", "female", 6 }, { "UA", "male", 2 }, { "BI", "male", 1 },
  };
  g_autofree char *path = tmp_path ("small-groups.db");
  g_autoptr (PaStore) store = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (PaStatistics) stats = NULL;
  GDate from, to;

  store = pa_store_open (path, &error);
  g_assert_no_error (error);
  for (guint p = 0; p < G_N_ELEMENTS (people); p++)
    for (int i = 0; i < people[p].n; i++)
      {
        g_autoptr (PaCase) kase = pa_case_new ();
        g_autofree char *name = g_strdup_printf ("%s%d", people[p].country, i);

        pa_case_set_given_name (kase, name);
        pa_case_set_origin_country (kase, people[p].country);
        pa_case_set_gender (kase, people[p].gender);
        g_assert_true (pa_store_case_create (store, kase, &error));
        g_assert_no_error (error);
      }
  g_date_clear (&from, 1);
  g_date_clear (&to, 1);
  g_date_set_dmy (&from, 1, 1, 2000);
  g_date_set_dmy (&to, 31, 12, 2099);
  stats = pa_store_statistics_build (store, &from, &to, "en", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stats->n_participants, ==, 9);

  /* Syria (6) is named; Ukraine (2) and Burundi (1) are "Other countries",
   * whose 3 are not told either. */
  g_assert_cmpuint (stats->by_country->len, ==, 2);
  g_assert_cmpint (stat_of (stats->by_country, "Syrian Arab Republic"), ==, 6);
  g_assert_cmpint (stat_of (stats->by_country, "Other countries"), ==, -1);
  g_assert_false (has_label (stats->by_country, "Ukraine"));
  for (guint i = 0; i < stats->by_country->len; i++)
    if (((PaStatCount *) g_ptr_array_index (stats->by_country, i))->hidden)
      g_assert_cmpuint (((PaStatCount *) g_ptr_array_index (stats->by_country, i))->count, ==, 0);

  /* 6 women are counted; the 3 men are not told; nobody is 0. */
  g_assert_cmpint (stat_of (stats->by_gender, "Woman"), ==, 6);
  g_assert_cmpint (stat_of (stats->by_gender, "Man"), ==, -1);
  g_assert_cmpint (stat_of (stats->by_gender, "Other"), ==, 0);
}

/* Bad input: exit status 1, one line saying what is wrong, no file. */
static void
test_errors (void)
{
  static const struct { const char *args[12]; const char *message; } cases[] = {
    { { "report", "portfolio", "PA-1999-0001", NULL }, "There is no case" },
    { { "report", "attendance", "999", NULL }, "There is no seminar" },
    { { "report", "attendance", "2", NULL }, "has no session" },
    { { "report", "certificates", "--seminar", "999", NULL }, "There is no seminar" },
    { { "report", "certificates", "--seminar", "2", NULL }, "has a certified competence" },
    { { "report", "statistics", "--from", "2026-05-01", "--to", "2026-04-30", NULL },
      "is empty" },
    { { "report", "statistics", "--from", "2026-02-30", "--to", "2026-04-30", NULL },
      "is not a date" },
  };
  g_autoptr (PaStore) store = NULL;
  g_autoptr (PaSeminar) seminar = pa_seminar_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *pdf = tmp_path ("error.pdf");
  g_autofree char *unwritable = g_build_filename (tmpdir, "missing", "folder", "out.pdf", NULL);
  g_autofree char *err = NULL;

  store = pa_store_open (db, &error);
  g_assert_no_error (error);
  seminar->title = g_strdup ("Empty seminar");
  g_assert_true (pa_store_seminar_add (store, seminar, &error));
  g_assert_no_error (error);
  g_assert_cmpint (seminar->id, ==, 2);

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GPtrArray) args = g_ptr_array_new ();
      g_autoptr (GError) spawn_error = NULL;
      g_autofree char *out = NULL;
      g_autofree char *message = NULL;
      int status = 0;

      g_ptr_array_add (args, (gpointer) g_getenv ("PASSERELLE_CLI"));
      g_ptr_array_add (args, "--db");
      g_ptr_array_add (args, db);
      for (int k = 0; cases[i].args[k]; k++)
        g_ptr_array_add (args, (gpointer) cases[i].args[k]);
      g_ptr_array_add (args, "-o");
      g_ptr_array_add (args, pdf);
      g_ptr_array_add (args, NULL);
      g_assert_true (g_spawn_sync (NULL, (char **) args->pdata, NULL, G_SPAWN_DEFAULT, NULL,
                                   NULL, &out, &message, &status, &spawn_error));
      g_assert_no_error (spawn_error);
      g_assert_true (WIFEXITED (status));
      g_assert_cmpint (WEXITSTATUS (status), ==, 1);
      if (strstr (message, cases[i].message) == NULL)
        g_error ("%s %s: “%s” is not in “%s”", cases[i].args[0], cases[i].args[1],
                 cases[i].message, message);
      /* one line */
      g_assert_nonnull (strchr (message, '\n'));
      g_assert_cmpstr (strchr (message, '\n') + 1, ==, "");
      g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
    }

  g_assert_cmpint (cli (&err, "report", "portfolio", "PA-2026-0001", "-o", unwritable, NULL),
                   ==, 1);
  assert_text_has (err, "Could not write");
  g_assert_false (g_file_test (unwritable, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (PaStore) store = NULL;
  g_autoptr (GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  tmpdir = pa_test_make_tmpdir ();
  db = g_build_filename (tmpdir, "demo.db", NULL);
  store = pa_store_open (db, &error);
  g_assert_no_error (error);
  g_assert_true (pa_demo_fill (store, &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  g_test_add_func ("/reports/portfolio/languages", test_portfolio_languages);
  g_test_add_func ("/reports/portfolio/long-case", test_long_case);
  g_test_add_func ("/reports/attendance/big", test_attendance_big);
  g_test_add_func ("/reports/attendance/demo", test_attendance_demo);
  g_test_add_func ("/reports/certificates/seminar", test_seminar_certificates);
  g_test_add_func ("/reports/statistics", test_statistics);
  g_test_add_func ("/reports/statistics-small-groups", test_statistics_small_groups);
  g_test_add_func ("/reports/errors", test_errors);
  status = g_test_run ();

  /* PA_TEST_KEEP: keep the PDFs and images, to look at them. */
  if (g_getenv ("PA_TEST_KEEP") == NULL)
    pa_test_remove_tree (tmpdir);
  else
    g_printerr ("Kept %s\n", tmpdir);
  g_free (tmpdir);
  g_free (db);
  return status;
}
