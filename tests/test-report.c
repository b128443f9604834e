/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <cairo-pdf.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "pa-certificate.h"
#include "pa-pdf-writer.h"
#include "pa-qr.h"
#include "pa-report.h"
#include "pa-test-utils.h"

/* Reports are checked the way a reader sees them: text through pdftotext,
 * pages and fonts through pdfinfo and pdffonts, pixels through pdftoppm. */

static char *tmpdir;


/* pdftotext marks right-to-left runs with embedding controls (U+202A–U+202E);
 * a reader copying text does not see them. */
static char *
pdf_text (const char *pdf,
          int         page)
{
  g_autofree char *first = g_strdup_printf ("%d", page > 0 ? page : 1);
  g_autofree char *last = g_strdup_printf ("%d", page > 0 ? page : 9999);
  g_autofree char *raw = pa_test_run ("pdftotext", "-enc", "UTF-8", "-f", first, "-l", last, pdf, "-",
                              NULL);

  return pa_test_without_bidi_controls (raw);
}



static void
pdf_page_size (const char *pdf,
               double     *width,
               double     *height)
{
  g_autofree char *size = pa_test_pdf_info (pdf, "Page size");

  g_assert_cmpint (sscanf (size, "%lf x %lf", width, height), ==, 2);
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
      g_auto (GStrv) words = NULL;
      guint n;

      if (*lines[i] == '\0')
        continue;
      words = g_strsplit_set (g_strstrip (lines[i]), " ", -1);
      n = g_strv_length (words);
      /* name type [type] encoding emb sub uni object ID: emb is 5th from the end */
      {
        g_autoptr (GPtrArray) cols = g_ptr_array_new ();

        for (guint k = 0; k < n; k++)
          if (*words[k])
            g_ptr_array_add (cols, words[k]);
        g_assert_cmpuint (cols->len, >=, 6);
        if (!g_str_equal (cols->pdata[cols->len - 5], "yes"))
          g_error ("font not embedded in %s: %s", pdf, lines[i]);
      }
      fonts++;
    }
  g_assert_cmpint (fonts, >, 0);
}

/* Renders page 1 and checks that something is drawn and that nothing lies
 * in the margins (1 pixel of tolerance for anti-aliasing). Returns how many
 * pixels are clearly red (the watermark of a revoked certificate). */
static int
assert_inside_margins (const char        *pdf,
                       const PaPageSetup *setup)
{
  g_autofree char *prefix = g_build_filename (tmpdir, "render", NULL);
  g_autofree char *png = g_strconcat (prefix, ".png", NULL);
  g_autofree char *out = pa_test_run ("pdftoppm", "-r", "50", "-png", "-singlefile", pdf, prefix, NULL);
  cairo_surface_t *image = cairo_image_surface_create_from_png (png);
  PaRect box = pa_page_setup_get_content_box (setup);
  double scale = 50.0 / 72.0;
  int width, height, stride, inked = 0, outside = 0, red = 0;
  const guint8 *data;

  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_flush (image);
  width = cairo_image_surface_get_width (image);
  height = cairo_image_surface_get_height (image);
  stride = cairo_image_surface_get_stride (image);
  data = cairo_image_surface_get_data (image);
  g_assert_cmpint (abs (width - (int) lround (pa_page_setup_get_width (setup) * scale)), <=, 1);

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guint32 pixel = *(const guint32 *) (gconstpointer) (data + (gsize) y * stride + x * 4);
        gboolean ink = (pixel & 0xffffff) != 0xffffff;
        gboolean in_box = x >= floor (box.x * scale) - 1 && x <= ceil ((box.x + box.width) * scale) + 1
                          && y >= floor (box.y * scale) - 1
                          && y <= ceil ((box.y + box.height) * scale) + 1;

        if (!ink)
          continue;
        inked++;
        if (((pixel >> 16) & 0xff) > ((pixel >> 8) & 0xff) + 25)
          red++;
        if (!in_box)
          outside++;
      }
  cairo_surface_destroy (image);
  g_unlink (png);

  g_assert_cmpint (inked, >, 2000);
  g_assert_cmpint (outside, ==, 0);
  return red;
}

static char *
tmp_path (const char *name)
{
  return g_build_filename (tmpdir, name, NULL);
}

/* A certificate like the ones centres print; every test changes a copy. */
static PaCertificateData *
make_certificate (const char *language,
                  const char *second)
{
  PaCertificateData *data = pa_certificate_data_new ();

  data->centre_name = g_strdup ("Centre Horizon Gent");
  data->centre_address = g_strdup ("Kortrijksesteenweg 10, 9000 Gent");
  data->signatory_name = g_strdup ("Els Peeters");
  data->signatory_role = g_strdup ("Coordinator");
  data->participant_name = g_strdup ("Samir Darwish");
  data->participant_birth_year = 1979;
  data->participant_origin = g_strdup ("Syria");
  data->place = g_strdup ("Gent");
  g_date_set_dmy (&data->issue_date, 2, G_DATE_FEBRUARY, 2026);
  data->number = pa_certificate_number_with_check (7, "HZG");
  data->language = g_strdup (language);
  data->second_language = g_strdup (second);
  pa_certificate_data_add_competence (data, "Repair truck engines", "إصلاح محركات الشاحنات", "ESCO",
                                      "Advanced", PA_METHOD_PRACTICAL_TEST);
  pa_certificate_data_add_competence (data, "Read technical drawings", "قراءة الرسوم الفنية",
                                      "ESCO", "Intermediate", PA_METHOD_OBSERVATION);
  pa_certificate_data_add_competence (data, "Understand spoken Dutch", "فهم الهولندية المحكية",
                                      "CEFR", "A2", PA_METHOD_INTERVIEW);
  return data;
}

/* check characters */

static void
test_number_format (void)
{
  g_autofree char *number = pa_certificate_number_with_check (42, "LYE");
  g_autofree char *big = pa_certificate_number_with_check (1234567, "A");
  g_autofree char *lower = NULL;
  g_autofree char *bare = NULL;

  g_assert_true (g_str_has_prefix (number, "LYE-000042-"));
  g_assert_cmpuint (strlen (number), ==, strlen ("LYE-000042-XX"));
  g_assert_true (pa_certificate_number_is_valid (number));
  g_assert_true (g_str_has_prefix (big, "A-1234567-"));
  g_assert_true (pa_certificate_number_is_valid (big));

  /* as someone might type it from paper */
  lower = g_ascii_strdown (number, -1);
  g_assert_true (pa_certificate_number_is_valid (lower));
  bare = g_strdup (number);
  g_strdelimit (bare, "-", ' ');
  g_assert_true (pa_certificate_number_is_valid (bare));

  g_assert_false (pa_certificate_number_is_valid (""));
  g_assert_false (pa_certificate_number_is_valid (NULL));
  g_assert_false (pa_certificate_number_is_valid ("LYE-000042-*"));
  g_assert_false (pa_certificate_number_is_valid ("LYÉ-000042-AA"));

  g_assert_true (pa_certificate_prefix_is_valid ("LYE"));
  g_assert_true (pa_certificate_prefix_is_valid ("C2025"));
  g_assert_false (pa_certificate_prefix_is_valid (""));
  g_assert_false (pa_certificate_prefix_is_valid ("lye"));
  g_assert_false (pa_certificate_prefix_is_valid ("LY-E"));
  g_assert_false (pa_certificate_prefix_is_valid ("ABCDEFGHIJK"));
}

static void
test_number_detects_errors (void)
{
  static const char alphabet[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  const char *prefixes[] = { "LYE", "HZG", "A", "Q7", "CENTRE2026" };
  guint checked = 0;

  for (gsize p = 0; p < G_N_ELEMENTS (prefixes); p++)
    for (gint64 seq = 1; seq <= 400; seq += 1 + seq / 7)
      {
        g_autofree char *number = pa_certificate_number_with_check (seq, prefixes[p]);
        gsize len = strlen (number);

        g_assert_true (pa_certificate_number_is_valid (number));
        for (gsize i = 0; i < len; i++)
          {
            g_autofree char *typo = g_strdup (number);

            if (number[i] == '-')
              continue;
            /* every single mistyped character */
            for (gsize k = 0; k < sizeof alphabet - 1; k++)
              {
                if (alphabet[k] == number[i])
                  continue;
                typo[i] = alphabet[k];
                if (pa_certificate_number_is_valid (typo))
                  g_error ("%s mistyped as %s is not caught", number, typo);
                checked++;
              }
            typo[i] = number[i];

            /* every swap of two neighbours, and of two characters one apart,
             * hyphens aside */
            for (gsize gap = 1; gap <= 2; gap++)
              {
                gsize j = i + 1;
                gsize skipped = 0;

                while (j < len && (number[j] == '-' || ++skipped < gap))
                  j++;
                if (j >= len || number[j] == number[i])
                  continue;
                typo[i] = number[j];
                typo[j] = number[i];
                if (pa_certificate_number_is_valid (typo))
                  g_error ("%s with characters swapped (%s) is not caught", number, typo);
                typo[i] = number[i];
                typo[j] = number[j];
                checked++;
              }
          }
      }
  g_assert_cmpuint (checked, >, 50000);
}

/* digest and QR content */

static void
test_digest (void)
{
  g_autoptr (PaCertificateData) data = make_certificate ("en", NULL);
  g_autofree char *digest = pa_certificate_digest (data);
  g_autofree char *again = pa_certificate_digest (data);
  g_autofree char *qr = pa_certificate_qr_text (data);
  g_autofree char *expected_qr = NULL;
  PaCertificateCompetence *first = data->competences->pdata[0];

  g_assert_cmpuint (strlen (digest), ==, 64);
  for (const char *p = digest; *p; p++)
    g_assert_true (g_ascii_isxdigit (*p) && !g_ascii_isupper (*p));
  g_assert_cmpstr (digest, ==, again);
  expected_qr = g_strdup_printf ("PASSERELLE:CERT:%s:%.16s", data->number, digest);
  g_assert_cmpstr (qr, ==, expected_qr);

  /* revocation is a status, not content: the printed digest stays checkable */
  data->revoked = TRUE;
  data->revoked_reason = g_strdup ("wrong person");
  {
    g_autofree char *revoked = pa_certificate_digest (data);
    g_assert_cmpstr (revoked, ==, digest);
  }

  /* the same name typed with a combining accent is the same content */
  g_free (data->participant_name);
  data->participant_name = g_strdup ("Ren\xc3\xa9");
  {
    g_autofree char *composed = pa_certificate_digest (data);
    g_autofree char *decomposed = NULL;

    g_free (data->participant_name);
    data->participant_name = g_strdup ("Rene\xcc\x81");
    decomposed = pa_certificate_digest (data);
    g_assert_cmpstr (composed, ==, decomposed);
    g_assert_cmpstr (composed, !=, digest);
  }

  /* any change of what is stated changes the digest */
  g_free (first->level);
  first->level = g_strdup ("Intermediate");
  {
    g_autofree char *changed = pa_certificate_digest (data);
    g_autofree char *swapped = NULL;
    gpointer tmp;

    g_assert_cmpstr (changed, !=, digest);
    tmp = data->competences->pdata[0];
    data->competences->pdata[0] = data->competences->pdata[1];
    data->competences->pdata[1] = tmp;
    swapped = pa_certificate_digest (data);
    g_assert_cmpstr (swapped, !=, changed);
  }

  /* field separators inside the text cannot make two contents collide */
  {
    g_autoptr (PaCertificateData) a = make_certificate ("en", NULL);
    g_autoptr (PaCertificateData) b = make_certificate ("en", NULL);
    g_autofree char *da = NULL;
    g_autofree char *db = NULL;
    PaCertificateCompetence *ca = a->competences->pdata[0];
    PaCertificateCompetence *cb = b->competences->pdata[0];

    g_free (ca->label);
    g_free (ca->label_second);
    ca->label = g_strdup ("Cook|second=x");
    ca->label_second = NULL;
    g_free (cb->label);
    g_free (cb->label_second);
    cb->label = g_strdup ("Cook");
    cb->label_second = g_strdup ("x");
    da = pa_certificate_digest (a);
    db = pa_certificate_digest (b);
    g_assert_cmpstr (da, !=, db);
  }
}

/* translations */

static void
test_i18n_catalogues (void)
{
  g_autoptr (PaReportI18n) fr = pa_report_i18n_new ("fr");
  g_autoptr (PaReportI18n) fr_be = pa_report_i18n_new ("fr_BE.UTF-8");
  g_autoptr (PaReportI18n) ar = pa_report_i18n_new ("ar");
  g_autoptr (PaReportI18n) none = pa_report_i18n_new ("xx");
  g_autoptr (PaReportI18n) bad = pa_report_i18n_new ("../../etc");
  g_autofree char *date_fr = NULL;
  g_autofree char *date_ar = NULL;
  g_autofree char *date_en = NULL;
  GDate date;

  g_assert_true (pa_report_i18n_has_catalog (fr));
  g_assert_cmpstr (pa_report_gettext (fr, "Level"), ==, "Niveau");
  g_assert_cmpstr (pa_report_gettext (fr_be, "Level"), ==, "Niveau");
  g_assert_cmpstr (pa_report_gettext (ar, "Level"), ==, "المستوى");
  g_assert_cmpstr (pa_report_pgettext (fr, "watermark", "REVOKED"), ==, "RÉVOQUÉ");
  g_assert_false (pa_report_i18n_is_rtl (fr));
  g_assert_true (pa_report_i18n_is_rtl (ar));
  g_assert_true (pa_report_language_is_rtl ("fa_IR"));
  g_assert_true (pa_report_language_is_rtl ("ckb"));
  g_assert_false (pa_report_language_is_rtl ("ti"));

  /* unknown or malformed languages: English, no error */
  g_assert_false (pa_report_i18n_has_catalog (none));
  g_assert_cmpstr (pa_report_gettext (none, "Level"), ==, "Level");
  g_assert_false (pa_report_i18n_has_catalog (bad));
  g_assert_cmpstr (pa_report_gettext (bad, "Level"), ==, "Level");
  g_assert_cmpstr (pa_report_gettext (fr, "A string nobody translated"), ==,
                   "A string nobody translated");

  /* a report's language does not follow the process locale (C.UTF-8 here) */
  g_date_set_dmy (&date, 14, G_DATE_MARCH, 2025);
  date_fr = pa_report_i18n_format_date (fr, &date);
  date_ar = pa_report_i18n_format_date (ar, &date);
  date_en = pa_report_i18n_format_date (none, &date);
  g_assert_cmpstr (date_fr, ==, "14 mars 2025");
  g_assert_cmpstr (date_ar, ==, "14 مارس 2025");
  g_assert_cmpstr (date_en, ==, "14 March 2025");

  /* the same catalogue is shared, not read again */
  {
    g_autoptr (PaReportI18n) again = pa_report_i18n_new ("fr");
    g_assert_true (again == fr);
  }
}

static char *
compile_test_catalogue (const char *lang)
{
  g_autofree char *po = g_test_build_filename (G_TEST_DIST, "report-test-ar.po", NULL);
  g_autofree char *dir = g_build_filename (tmpdir, "locale", lang, "LC_MESSAGES", NULL);
  g_autofree char *mo = g_build_filename (dir, "pa-test.mo", NULL);
  g_autofree char *out = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  out = pa_test_run ("msgfmt", "-o", mo, po, NULL);
  return g_build_filename (tmpdir, "locale", NULL);
}

static void
test_i18n_plural_and_context (void)
{
  g_autofree char *localedir = compile_test_catalogue ("ar");
  g_autoptr (PaReportI18n) ar = pa_report_i18n_new_from_dir (localedir, "pa-test", "ar");
  const struct { gulong n; const char *form; } cases[] = {
    { 0, "form0" }, { 1, "form1" }, { 2, "form2" }, { 3, "form3" }, { 10, "form3" },
    { 11, "form4" }, { 99, "form4" }, { 100, "form5" }, { 102, "form5" }, { 103, "form3" },
    { 111, "form4" }, { 1000000, "form5" },
  };

  g_assert_true (pa_report_i18n_has_catalog (ar));
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpstr (pa_report_ngettext (ar, "{n} competence", "{n} competences", cases[i].n), ==,
                     cases[i].form);
  g_assert_cmpstr (pa_report_pgettext (ar, "month", "May"), ==, "مايو");
  g_assert_cmpstr (pa_report_gettext (ar, "May"), ==, "قد");
  g_assert_cmpstr (pa_report_ngettext (ar, "{n} file", "{n} files", 1), ==, "{n} file");
  g_assert_cmpstr (pa_report_ngettext (ar, "{n} file", "{n} files", 5), ==, "{n} files");
}

/* Damaged catalogues are ignored: English text, no crash, no warning. */
static void
test_i18n_damaged_catalogue (void)
{
  g_autofree char *localedir = compile_test_catalogue ("ar");
  g_autofree char *good = g_build_filename (localedir, "ar", "LC_MESSAGES", "pa-test.mo", NULL);
  g_autofree char *contents = NULL;
  gsize length = 0;
  const char *langs[] = { "zz1", "zz2", "zz3", "zz4" };

  g_assert_true (g_file_get_contents (good, &contents, &length, NULL));
  for (gsize i = 0; i < G_N_ELEMENTS (langs); i++)
    {
      g_autofree char *dir = g_build_filename (localedir, langs[i], "LC_MESSAGES", NULL);
      g_autofree char *mo = g_build_filename (dir, "pa-test.mo", NULL);
      g_autofree char *damaged = g_memdup2 (contents, length);
      gsize damaged_length = length;
      g_autoptr (PaReportI18n) i18n = NULL;

      g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
      if (i == 0)
        damaged_length = length / 2;                          /* truncated */
      else if (i == 1)
        memset (damaged + 12, 0xff, 8);                       /* tables far outside */
      else if (i == 2)
        memcpy (damaged, "GNU?", 4);                          /* not a catalogue */
      else
        damaged_length = 10;                                  /* shorter than a header */
      g_assert_true (g_file_set_contents (mo, damaged, damaged_length, NULL));

      i18n = pa_report_i18n_new_from_dir (localedir, "pa-test", langs[i]);
      g_assert_cmpstr (pa_report_gettext (i18n, "Level"), !=, NULL);
      g_assert_cmpstr (pa_report_ngettext (i18n, "{n} competence", "{n} competences", 3), !=,
                       NULL);
      if (i != 0)
        g_assert_cmpstr (pa_report_gettext (i18n, "Level"), ==, "Level");
    }
}

static void
test_expand (void)
{
  g_autofree char *a = pa_report_expand ("Page {page} of {pages}", "page", "2", "pages", "3",
                                         NULL);
  g_autofree char *b = pa_report_expand ("{pages}/{page} {unknown} {page", "page", "1", "pages",
                                         "9", NULL);
  g_autofree char *c = pa_report_expand ("no placeholders", NULL);

  g_assert_cmpstr (a, ==, "Page 2 of 3");
  g_assert_cmpstr (b, ==, "9/1 {unknown} {page");
  g_assert_cmpstr (c, ==, "no placeholders");
}

/* certificates, through the command a person would run */

typedef struct
{
  const char *name;
  const char *args[8];
  PaPaper paper;
  const char *must_contain[6];
} CertificateCase;

static const CertificateCase certificate_cases[] = {
  { "en", { "--lang", "en", NULL }, PA_PAPER_A4,
    { "Certificate of recognised competences", "Yara Haddad", "Prepare traditional Levantine dishes",
      "Understand spoken French at work", "Maison de la Formation Lyon-Est", NULL } },
  { "fr", { "--lang", "fr", NULL }, PA_PAPER_A4,
    { "Certificat de compétences reconnues", "Yara Haddad", "Encadrer une petite équipe de cuisine",
      "14 mars 2025", "Mise en situation pratique", NULL } },
  /* Debian 12's poppler gives Arabic in logical order; only its lam-alef
   * ligatures come out with their two letters swapped (it lays a ligature's
   * text out left to right inside the glyph), so these strings avoid them. */
  { "fr-ar", { "--lang", "fr", "--second-lang", "ar", NULL }, PA_PAPER_A4,
    { "Certificat de compétences reconnues", "شهادة الكفاءات المعترف بها", "خبز الخبز والمعجنات",
      "إدارة مخزون المطبخ والطلبيات", "Préparer du pain et des pâtisseries", NULL } },
  { "ar-fr", { "--lang", "ar", "--second-lang", "fr", NULL }, PA_PAPER_A4,
    { "شهادة الكفاءات المعترف بها", "Certificat de compétences reconnues", "خبز الخبز والمعجنات",
      "Yara Haddad", NULL } },
  { "letter", { "--lang", "en", "--paper", "letter", NULL }, PA_PAPER_LETTER,
    { "Yara Haddad", "Supervise a small kitchen team", NULL } },
  { "revoked", { "--lang", "fr", "--revoked", NULL }, PA_PAPER_A4,
    { "Ce certificat a été révoqué et n’est plus valable.",
      "Délivré par erreur à une autre personne.", NULL } },
  { "long", { "--lang", "en", "--long", NULL }, PA_PAPER_A4,
    { "Nour al-Huda Abd al-Rahman Al-Khatib Hassan-Mahmoudi Haddadi", "Prepare traditional Levantine dishes",
      "Organise a buffet for events", "Speak Arabic", NULL } },
  { "long-fr-ar", { "--lang", "fr", "--second-lang", "ar", "--long", NULL }, PA_PAPER_A4,
    { "Organiser un buffet pour un événement", "خبز الخبز والمعجنات", NULL } },
  { "long-letter", { "--lang", "fr", "--long", "--paper", "letter", NULL }, PA_PAPER_LETTER,
    { "Organiser un buffet pour un événement", NULL } },
};

static char *
write_sample (const CertificateCase *c,
              const char            *suffix)
{
  g_autofree char *name = g_strdup_printf ("%s%s.pdf", c->name, suffix);
  char *pdf = tmp_path (name);
  g_autofree char *logo = g_test_build_filename (G_TEST_DIST, "..", "data", "icons", "hicolor",
                                                 "scalable", "apps",
                                                 "org.passerelle.Passerelle.svg", NULL);
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = 0;

  g_ptr_array_add (argv, (gpointer) g_getenv ("PASSERELLE_CLI"));
  g_ptr_array_add (argv, "report-sample");
  g_ptr_array_add (argv, "certificate");
  g_ptr_array_add (argv, "-o");
  g_ptr_array_add (argv, pdf);
  g_ptr_array_add (argv, "--logo");
  g_ptr_array_add (argv, logo);
  for (int i = 0; c->args[i]; i++)
    g_ptr_array_add (argv, (gpointer) c->args[i]);
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err,
                &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("report-sample %s failed: %s", c->name, err);
  /* it prints the certificate's number, which the PDF must show */
  g_strstrip (out);
  g_assert_true (pa_certificate_number_is_valid (out));
  {
    g_autofree char *text = pdf_text (pdf, 0);
    g_assert_nonnull (strstr (text, out));
  }
  return pdf;
}

static void
test_certificate_sample (gconstpointer user_data)
{
  const CertificateCase *c = user_data;
  g_autofree char *pdf = write_sample (c, "");
  g_autofree char *again = write_sample (c, "-again");
  g_autofree char *text = pdf_text (pdf, 0);
  g_autofree char *text_again = pdf_text (again, 0);
  g_autoptr (PaPageSetup) setup = pa_page_setup_new (c->paper);
  g_autofree char *bytes = NULL;
  g_autofree char *bytes_again = NULL;
  gsize len = 0, len_again = 0;
  double width, height;
  int red;

  g_assert_cmpint (pa_test_pdf_pages (pdf), ==, 1);
  pdf_page_size (pdf, &width, &height);
  if (c->paper == PA_PAPER_A4)
    {
      g_assert_cmpfloat_with_epsilon (width, 595.28, 0.5);
      g_assert_cmpfloat_with_epsilon (height, 841.89, 0.5);
    }
  else
    {
      g_assert_cmpfloat_with_epsilon (width, 612, 0.01);
      g_assert_cmpfloat_with_epsilon (height, 792, 0.01);
    }
  assert_fonts_embedded (pdf);

  for (int i = 0; c->must_contain[i]; i++)
    if (strstr (text, c->must_contain[i]) == NULL)
      g_error ("%s: “%s” is not in the PDF's text:\n%s", c->name, c->must_contain[i], text);

  /* the certificate's margins: 16 mm, 14 mm at the foot */
  pa_page_setup_set_margins (setup, PA_MM_TO_PT (16), PA_MM_TO_PT (16), PA_MM_TO_PT (14),
                             PA_MM_TO_PT (16));
  red = assert_inside_margins (pdf, setup);
  /* the watermark: a large red word across the page, only when revoked */
  if (g_str_equal (c->name, "revoked"))
    g_assert_cmpint (red, >, 5000);
  else
    g_assert_cmpint (red, <, 200);

  /* the same input gives the same file */
  g_assert_cmpstr (text, ==, text_again);
  g_assert_true (g_file_get_contents (pdf, &bytes, &len, NULL));
  g_assert_true (g_file_get_contents (again, &bytes_again, &len_again, NULL));
  g_assert_cmpmem (bytes, len, bytes_again, len_again);
  g_assert_true (pa_test_file_contains (pdf, "/CreationDate (20250314000000Z)",
                                        strlen ("/CreationDate (20250314000000Z)")));

  g_unlink (pdf);
  g_unlink (again);
}

/* The QR code on paper reads back as the number and the digest. */
static void
test_certificate_qr_reads_back (void)
{
  g_autoptr (PaCertificateData) data = make_certificate ("en", NULL);
  g_autofree char *pdf = tmp_path ("qr.pdf");
  g_autofree char *prefix = tmp_path ("qr");
  g_autofree char *png = tmp_path ("qr.png");
  g_autofree char *expected = pa_certificate_qr_text (data);
  g_autofree char *zbar = g_find_program_in_path ("zbarimg");
  g_autofree char *out = NULL;
  g_autoptr (GError) error = NULL;

  if (zbar == NULL)
    {
      g_test_skip ("zbarimg (zbar-tools) is not installed");
      return;
    }
  g_assert_true (pa_certificate_write_pdf (data, pdf, PA_PAPER_A4, &error));
  g_assert_no_error (error);
  g_free (pa_test_run ("pdftoppm", "-r", "150", "-png", "-singlefile", pdf, prefix, NULL));
  out = pa_test_run ("zbarimg", "--quiet", "--raw", png, NULL);
  g_strstrip (out);
  g_assert_cmpstr (out, ==, expected);
}

/* the library directly */

static void
test_certificate_invalid (void)
{
  g_autofree char *pdf = tmp_path ("invalid.pdf");
  const char *before = "an older file that must survive";
  struct
  {
    const char *what;
    PaReportError code;
    const char *fragment;
  } cases[] = {
    { "utf8", PA_REPORT_ERROR_INVALID, "UTF-8" },
    { "number", PA_REPORT_ERROR_INVALID, "check characters" },
    { "competences", PA_REPORT_ERROR_INVALID, "no competence" },
    { "date", PA_REPORT_ERROR_INVALID, "date" },
    { "name", PA_REPORT_ERROR_INVALID, "participant" },
    { "logo", PA_REPORT_ERROR_IMAGE, "not-a-logo.png" },
    { "missing-logo", PA_REPORT_ERROR_IMAGE, "missing.svg" },
    { "too-many", PA_REPORT_ERROR_DOES_NOT_FIT, "120 competences" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (PaCertificateData) data = make_certificate ("en", "ar");
      g_autoptr (GError) error = NULL;
      g_autofree char *contents = NULL;

      g_assert_true (g_file_set_contents (pdf, before, -1, NULL));
      if (g_str_equal (cases[i].what, "utf8"))
        {
          g_free (data->participant_name);
          data->participant_name = g_strdup ("Sa\xffmir");
        }
      else if (g_str_equal (cases[i].what, "number"))
        {
          data->number[strlen (data->number) - 1] ^= 1;
        }
      else if (g_str_equal (cases[i].what, "competences"))
        g_ptr_array_set_size (data->competences, 0);
      else if (g_str_equal (cases[i].what, "date"))
        g_date_clear (&data->issue_date, 1);
      else if (g_str_equal (cases[i].what, "name"))
        g_clear_pointer (&data->participant_name, g_free);
      else if (g_str_equal (cases[i].what, "logo"))
        {
          data->logo_path = tmp_path ("not-a-logo.png");
          g_assert_true (g_file_set_contents (data->logo_path, "\x89PNG\r\n\x1a\nbroken", -1,
                                              NULL));
        }
      else if (g_str_equal (cases[i].what, "missing-logo"))
        data->logo_path = tmp_path ("missing.svg");
      else if (g_str_equal (cases[i].what, "too-many"))
        for (int k = 0; k < 117; k++)
          pa_certificate_data_add_competence (data, "Prepare and serve hot and cold drinks to guests",
                                              "تحضير المشروبات الساخنة والباردة وتقديمها للضيوف",
                                              "ESCO", "Intermediate", PA_METHOD_OBSERVATION);

      g_assert_false (pa_certificate_write_pdf (data, pdf, PA_PAPER_A4, &error));
      g_assert_error (error, PA_REPORT_ERROR, (int) cases[i].code);
      if (strstr (error->message, cases[i].fragment) == NULL)
        g_error ("%s: the error “%s” does not mention “%s”", cases[i].what, error->message,
                 cases[i].fragment);
      g_assert_true (g_file_get_contents (pdf, &contents, NULL, NULL));
      g_assert_cmpstr (contents, ==, before);
    }
  g_unlink (pdf);
}

static void
test_write_error (void)
{
  g_autoptr (PaCertificateData) data = make_certificate ("en", NULL);
  g_autofree char *pdf = g_build_filename (tmpdir, "no-such-folder", "c.pdf", NULL);
  g_autoptr (GError) error = NULL;

  g_assert_false (pa_certificate_write_pdf (data, pdf, PA_PAPER_A4, &error));
  g_assert_error (error, PA_REPORT_ERROR, PA_REPORT_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, "no-such-folder"));
}

static void
write_logo_png (const char *path)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 120, 80);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 0.12, 0.25, 0.5);
  cairo_rectangle (cr, 10, 10, 100, 60);
  cairo_fill (cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
}

static void
write_logo_jpeg (const char *path)
{
  g_autoptr (GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 90, 60);
  g_autoptr (GError) error = NULL;

  gdk_pixbuf_fill (pixbuf, 0x20408000);
  g_assert_true (gdk_pixbuf_save (pixbuf, path, "jpeg", &error, "quality", "90", NULL));
  g_assert_no_error (error);
}

/* A logo in each format lands in the header's start corner. */
static void
test_certificate_logos (void)
{
  const char *formats[] = { "png", "jpg", "svg" };

  /* From a file (report-sample --logo), then as the store keeps it. */
  for (gsize k = 0; k < 2 * G_N_ELEMENTS (formats); k++)
    {
      gsize i = k % G_N_ELEMENTS (formats);
      gboolean from_store = k >= G_N_ELEMENTS (formats);
      g_autoptr (PaCertificateData) data = make_certificate ("en", NULL);
      g_autofree char *name = g_strdup_printf ("logo.%s", formats[i]);
      g_autofree char *pdf = tmp_path ("logo.pdf");
      g_autofree char *prefix = tmp_path ("logo");
      g_autofree char *png = tmp_path ("logo.png");
      g_autoptr (GError) error = NULL;
      cairo_surface_t *image;
      int dark = 0, stride;
      const guint8 *pixels;

      data->logo_path = tmp_path (name);
      if (i == 0)
        write_logo_png (data->logo_path);
      else if (i == 1)
        write_logo_jpeg (data->logo_path);
      else
        g_assert_true (g_file_set_contents (
          data->logo_path,
          "<svg xmlns='http://www.w3.org/2000/svg' width='60' height='40' viewBox='0 0 60 40'>"
          "<rect x='0' y='0' width='60' height='40' fill='#204080'/></svg>", -1, NULL));
      if (from_store)
        {
          g_autofree char *contents = NULL;
          gsize length = 0;

          g_assert_true (g_file_get_contents (data->logo_path, &contents, &length, NULL));
          g_unlink (data->logo_path);
          g_clear_pointer (&data->logo_path, g_free);
          data->logo = g_bytes_new_take (g_steal_pointer (&contents), length);
        }

      g_assert_true (pa_certificate_write_pdf (data, pdf, PA_PAPER_A4, &error));
      g_assert_no_error (error);
      g_free (pa_test_run ("pdftoppm", "-r", "36", "-png", "-singlefile", pdf, prefix, NULL));
      image = cairo_image_surface_create_from_png (png);
      g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
      cairo_surface_flush (image);
      pixels = cairo_image_surface_get_data (image);
      stride = cairo_image_surface_get_stride (image);
      /* the logo's box: the first 80 × 62 pt inside the top left margins */
      for (int y = 23; y < 23 + 31; y++)
        for (int x = 23; x < 23 + 40; x++)
          {
            guint32 p = *(const guint32 *) (gconstpointer) (pixels + (gsize) y * stride + x * 4);

            if (((p >> 16) & 0xff) < 0x60 && (p & 0xff) > 0x60)
              dark++;
          }
      cairo_surface_destroy (image);
      if (dark < 100)
        g_error ("the %s logo%s is not drawn (%d pixels)", formats[i],
                 from_store ? " kept in the store" : "", dark);
      g_unlink (pdf);
      g_unlink (png);
    }
}

/* layout engine */

static void
add_long_table (PaLayout *layout,
                int       rows)
{
  PaFlow *flow = pa_layout_get_flow (layout);
  const double widths[] = { 1, 3, 1 };
  PaTextStyle head = PA_TEXT_STYLE_INIT;
  PaTable *table;

  pa_flow_add_heading (flow, 1, "Participants of the spring seminar");
  pa_flow_add_text (flow, "Every participant, with the modules attended.", NULL);
  table = pa_flow_add_table (flow, 3, widths);
  head.bold = TRUE;
  pa_flow_add_text (pa_table_get_header_cell (table, 0), "Code", &head);
  pa_flow_add_text (pa_table_get_header_cell (table, 1), "Participant and modules", &head);
  pa_flow_add_text (pa_table_get_header_cell (table, 2), "Hours", &head);
  for (int i = 1; i <= rows; i++)
    {
      g_autofree char *code = g_strdup_printf ("ROW%03d", i);
      g_autofree char *name = g_strdup_printf ("Participant number %d%s", i,
                                               i % 7 == 0 ? ": CV writing, job interview "
                                                            "practice, digital skills and a "
                                                            "visit to a training kitchen"
                                                          : "");
      g_autofree char *hours = g_strdup_printf ("%d h", 10 + i % 30);

      pa_table_add_row (table);
      pa_flow_add_text (pa_table_get_cell (table, 0), code, NULL);
      pa_flow_add_text (pa_table_get_cell (table, 1), name, NULL);
      pa_flow_add_text (pa_table_get_cell (table, 2), hours, NULL);
    }
}

/* enough rows for three A4 pages, the third one well filled */
#define LONG_TABLE_ROWS 85

static void
test_layout_long_table (void)
{
  g_autoptr (PaPageSetup) setup = pa_page_setup_new (PA_PAPER_A4);
  g_autoptr (PaReportI18n) i18n = pa_report_i18n_new ("en");
  g_autoptr (PaLayout) layout = pa_layout_new (setup, i18n);
  g_autofree char *pdf = tmp_path ("table.pdf");
  g_autoptr (GError) error = NULL;
  g_autofree char *all = NULL;
  int pages;

  pa_layout_set_running_header (layout, "Spring seminar 2026 · attendance");
  pa_layout_set_page_footer (layout, "Centre Horizon Gent", TRUE);
  add_long_table (layout, LONG_TABLE_ROWS);
  pages = pa_layout_paginate (layout);
  g_assert_cmpint (pages, ==, 3);
  g_assert_true (pa_layout_write_pdf (layout, pdf, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (pa_test_pdf_pages (pdf), ==, 3);
  assert_fonts_embedded (pdf);
  assert_inside_margins (pdf, setup);

  for (int page = 1; page <= 3; page++)
    {
      g_autofree char *text = pdf_text (pdf, page);
      g_autofree char *footer = g_strdup_printf ("Page %d of 3", page);

      g_assert_nonnull (strstr (text, "Participant and modules"));
      g_assert_nonnull (strstr (text, "Hours"));
      g_assert_nonnull (strstr (text, "Spring seminar 2026 · attendance"));
      g_assert_nonnull (strstr (text, footer));
    }

  /* every row once, whole, on exactly one page */
  all = pdf_text (pdf, 0);
  for (int i = 1; i <= LONG_TABLE_ROWS; i++)
    {
      g_autofree char *code = g_strdup_printf ("ROW%03d", i);
      const char *first = strstr (all, code);

      g_assert_nonnull (first);
      g_assert_null (strstr (first + 1, code));
    }
}

/* A single row taller than a page is cut between lines, and loses none. */
static void
test_layout_giant_row (void)
{
  g_autoptr (PaPageSetup) setup = pa_page_setup_new (PA_PAPER_LETTER);
  g_autoptr (PaReportI18n) i18n = pa_report_i18n_new ("en");
  g_autoptr (PaLayout) layout = pa_layout_new (setup, i18n);
  g_autofree char *pdf = tmp_path ("giant.pdf");
  g_autoptr (GError) error = NULL;
  g_autoptr (GString) notes = g_string_new (NULL);
  g_autofree char *text = NULL;
  const double widths[] = { 1, 4 };
  PaTable *table;

  for (int i = 1; i <= 90; i++)
    g_string_append_printf (notes, "Note line %d.\n", i);
  g_string_truncate (notes, notes->len - 1);
  table = pa_flow_add_table (pa_layout_get_flow (layout), 2, widths);
  pa_flow_add_text (pa_table_get_header_cell (table, 0), "Date", NULL);
  pa_flow_add_text (pa_table_get_header_cell (table, 1), "Session notes", NULL);
  pa_table_add_row (table);
  pa_flow_add_text (pa_table_get_cell (table, 0), "3 May", NULL);
  pa_flow_add_text (pa_table_get_cell (table, 1), notes->str, NULL);

  g_assert_cmpint (pa_layout_paginate (layout), ==, 2);
  g_assert_true (pa_layout_write_pdf (layout, pdf, NULL, &error));
  g_assert_no_error (error);
  text = pdf_text (pdf, 0);
  for (int i = 1; i <= 90; i++)
    {
      g_autofree char *line = g_strdup_printf ("Note line %d.", i);
      const char *found = strstr (text, line);

      g_assert_nonnull (found);
      /* "Note line 1." must not be found as part of "Note line 10." only */
      g_assert_true (found[strlen (line)] == '\n' || found[strlen (line)] == '\0');
    }
  g_free (text);
  text = pdf_text (pdf, 2);
  g_assert_nonnull (strstr (text, "Session notes"));
}

/* A Persian paragraph in a French report: shaped, in logical order in the
 * text layer, and set from the right edge. */
static void
test_layout_persian (void)
{
  g_autoptr (PaPageSetup) setup = pa_page_setup_new (PA_PAPER_A4);
  g_autoptr (PaReportI18n) i18n = pa_report_i18n_new ("fr");
  g_autoptr (PaLayout) layout = pa_layout_new (setup, i18n);
  g_autofree char *pdf = tmp_path ("persian.pdf");
  g_autofree char *prefix = tmp_path ("persian");
  g_autofree char *png = tmp_path ("persian.png");
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  PaTextStyle style = PA_TEXT_STYLE_INIT;
  PaRect box = pa_page_setup_get_content_box (setup);
  cairo_surface_t *image;
  int left = G_MAXINT, right = -1;
  double scale = 50.0 / 72.0;

  style.align = PA_ALIGN_NATURAL;
  style.language = "fa";
  pa_flow_add_text (pa_layout_get_flow (layout), "آشپز ماهر از شیراز", &style);
  g_assert_true (pa_layout_write_pdf (layout, pdf, NULL, &error));
  g_assert_no_error (error);
  assert_fonts_embedded (pdf);
  text = pdf_text (pdf, 0);
  g_assert_nonnull (strstr (text, "آشپز ماهر از شیراز"));

  g_free (pa_test_run ("pdftoppm", "-r", "50", "-png", "-singlefile", pdf, prefix, NULL));
  image = cairo_image_surface_create_from_png (png);
  cairo_surface_flush (image);
  for (int y = 0; y < cairo_image_surface_get_height (image); y++)
    for (int x = 0; x < cairo_image_surface_get_width (image); x++)
      {
        const guint8 *row = cairo_image_surface_get_data (image)
                            + (gsize) y * cairo_image_surface_get_stride (image);

        if ((*(const guint32 *) (gconstpointer) (row + x * 4) & 0xffffff) != 0xffffff)
          {
            left = MIN (left, x);
            right = MAX (right, x);
          }
      }
  cairo_surface_destroy (image);
  /* ends at the right edge of the content, starts far from the left one */
  g_assert_cmpint (abs (right - (int) ((box.x + box.width) * scale)), <=, 2);
  g_assert_cmpint (left, >, (int) ((box.x + box.width / 2) * scale));
}

/* Charts carry their numbers and labels as text; they mirror in RTL. */
static void
test_layout_charts (void)
{
  const char *languages[] = { "en", "ar" };

  for (gsize l = 0; l < G_N_ELEMENTS (languages); l++)
    {
      g_autoptr (PaPageSetup) setup = pa_page_setup_new (PA_PAPER_A4);
      g_autoptr (PaReportI18n) i18n = pa_report_i18n_new (languages[l]);
      g_autoptr (PaLayout) layout = pa_layout_new (setup, i18n);
      PaFlow *flow = pa_layout_get_flow (layout);
      const char *stages[] = { "Identified", "Documented", "Assessed", "Certified" };
      const guint cooking[] = { 2, 3, 1, 6 };
      const guint digital[] = { 4, 0, 2, 1 };
      PaChart *bars = pa_chart_new_bars ();
      PaChart *profile = pa_chart_new_profile (4, stages);
      g_autofree char *pdf = tmp_path ("chart.pdf");
      g_autoptr (GError) error = NULL;
      g_autofree char *text = NULL;

      pa_chart_add_bar (bars, "Syria", 12, "12 participants");
      pa_chart_add_bar (bars, "Afghanistan", 7, "7 participants");
      pa_chart_add_bar (bars, "Eritrea", 0, NULL);
      pa_chart_add_profile_row (profile, "Cooking", cooking);
      pa_chart_add_profile_row (profile, "Digital skills", digital);
      pa_flow_add_heading (flow, 2, "Origins");
      pa_flow_add_chart (flow, bars, NULL);
      pa_flow_add_heading (flow, 2, "Competence profile");
      pa_flow_add_chart (flow, profile, NULL);

      g_assert_true (pa_layout_write_pdf (layout, pdf, NULL, &error));
      g_assert_no_error (error);
      text = pdf_text (pdf, 0);
      for (const char *const *s = (const char *const[]) { "12 participants", "7 participants",
                                                          "Eritrea", "Digital skills",
                                                          "Certified", "Documented", NULL };
           *s; s++)
        if (strstr (text, *s) == NULL)
          g_error ("%s: “%s” is not in the chart's text:\n%s", languages[l], *s, text);
      assert_inside_margins (pdf, setup);
    }
}

/* The same drawing works on any Cairo surface: here a raster image, as a
 * print preview would use. */
static void
test_render_to_image (void)
{
  g_autoptr (PaCertificateData) data = make_certificate ("ar", "en");
  g_autoptr (PaPageSetup) setup = pa_page_setup_new (PA_PAPER_A4);
  g_autoptr (GError) error = NULL;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 298, 421);
  cairo_t *cr = cairo_create (surface);
  int inked = 0;

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, 298 / pa_page_setup_get_width (setup), 421 / pa_page_setup_get_height (setup));
  g_assert_true (pa_certificate_render (data, cr, setup, &error));
  g_assert_no_error (error);
  cairo_surface_flush (surface);
  for (int y = 0; y < 421; y++)
    for (int x = 0; x < 298; x++)
      {
        const guint8 *row = cairo_image_surface_get_data (surface)
                            + (gsize) y * cairo_image_surface_get_stride (surface);
        guint32 p = *(const guint32 *) (gconstpointer) (row + x * 4);

        inked += (p & 0xffffff) != 0xffffff;
      }
  g_assert_cmpint (inked, >, 2000);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_qr (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PaQr) qr = pa_qr_new ("PASSERELLE:CERT:LYE-000042-FY:0123456789abcdef", &error);
  g_autoptr (PaQr) empty = NULL;
  g_autoptr (PaQr) huge = NULL;
  g_autofree char *too_long = g_strnfill (8000, 'x');

  g_assert_no_error (error);
  g_assert_cmpint (pa_qr_get_modules (qr), >=, 21);
  /* the three finder patterns' corners */
  g_assert_true (pa_qr_get_module (qr, 0, 0));
  g_assert_true (pa_qr_get_module (qr, pa_qr_get_modules (qr) - 1, 0));
  g_assert_true (pa_qr_get_module (qr, 0, pa_qr_get_modules (qr) - 1));
  g_assert_false (pa_qr_get_module (qr, -1, 0));

  empty = pa_qr_new ("", &error);
  g_assert_null (empty);
  g_assert_error (error, PA_REPORT_ERROR, PA_REPORT_ERROR_INVALID);
  g_clear_error (&error);
  huge = pa_qr_new (too_long, &error);
  g_assert_null (huge);
  g_assert_error (error, PA_REPORT_ERROR, PA_REPORT_ERROR_INVALID);
}

static void
test_batch (void)
{
  g_autoptr (GPtrArray) batch = g_ptr_array_new_with_free_func ((GDestroyNotify) pa_certificate_data_free);
  g_autofree char *pdf = tmp_path ("batch.pdf");
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;

  for (int i = 1; i <= 5; i++)
    {
      PaCertificateData *data = make_certificate (i % 2 ? "fr" : "en", i % 2 ? "ar" : NULL);

      g_free (data->number);
      data->number = pa_certificate_number_with_check (i, "HZG");
      g_ptr_array_add (batch, data);
    }
  g_assert_true (pa_certificate_write_pdf_batch (batch, pdf, PA_PAPER_LETTER, &error));
  g_assert_no_error (error);
  g_assert_cmpint (pa_test_pdf_pages (pdf), ==, 5);
  for (int i = 1; i <= 5; i++)
    {
      PaCertificateData *data = batch->pdata[i - 1];
      g_autofree char *page = pdf_text (pdf, i);

      g_assert_nonnull (strstr (page, data->number));
    }
}

static gpointer
write_in_thread (gpointer user_data)
{
  const char *path = user_data;
  g_autoptr (PaCertificateData) data = make_certificate ("ar", "fr");
  g_autoptr (GError) error = NULL;

  for (int i = 0; i < 3; i++)
    if (!pa_certificate_write_pdf (data, path, PA_PAPER_A4, &error))
      return g_strdup (error->message);
  return NULL;
}

/* Printing runs in worker threads: two at once give the same bytes as one
 * alone (translations and fonts are shared safely). */
static void
test_threads (void)
{
  g_autofree char *alone = tmp_path ("alone.pdf");
  g_autofree char *a = tmp_path ("thread-a.pdf");
  g_autofree char *b = tmp_path ("thread-b.pdf");
  g_autofree char *bytes_alone = NULL;
  g_autofree char *bytes_a = NULL;
  g_autofree char *bytes_b = NULL;
  gsize len_alone, len_a, len_b;
  GThread *ta, *tb;
  char *failed;

  failed = write_in_thread (alone);
  g_assert_null (failed);
  ta = g_thread_new ("print-a", write_in_thread, a);
  tb = g_thread_new ("print-b", write_in_thread, b);
  failed = g_thread_join (ta);
  g_assert_null (failed);
  failed = g_thread_join (tb);
  g_assert_null (failed);

  g_assert_true (g_file_get_contents (alone, &bytes_alone, &len_alone, NULL));
  g_assert_true (g_file_get_contents (a, &bytes_a, &len_a, NULL));
  g_assert_true (g_file_get_contents (b, &bytes_b, &len_b, NULL));
  g_assert_cmpmem (bytes_alone, len_alone, bytes_a, len_a);
  g_assert_cmpmem (bytes_alone, len_alone, bytes_b, len_b);
}

int
main (int   argc,
      char *argv[])
{
  gboolean samples = FALSE;
  int status;

  /* "--samples": only the sample certificates, which meson runs as a test of
   * their own, in parallel with the rest. */
  for (int i = 1; i < argc; i++)
    if (g_str_equal (argv[i], "--samples"))
      {
        samples = TRUE;
        memmove (argv + i, argv + i + 1, (argc - i) * sizeof (char *));
        argc--;
        break;
      }
  g_test_init (&argc, &argv, NULL);
  tmpdir = pa_test_make_tmpdir ();

  if (samples)
    {
      for (gsize i = 0; i < G_N_ELEMENTS (certificate_cases); i++)
        {
          g_autofree char *path = g_strdup_printf ("/report/certificate/sample/%s",
                                                   certificate_cases[i].name);
          g_test_add_data_func (path, &certificate_cases[i], test_certificate_sample);
        }
      status = g_test_run ();
      pa_test_remove_tree (tmpdir);
      g_free (tmpdir);
      return status;
    }

  g_test_add_func ("/report/number/format", test_number_format);
  g_test_add_func ("/report/number/detects-errors", test_number_detects_errors);
  g_test_add_func ("/report/digest", test_digest);
  g_test_add_func ("/report/i18n/catalogues", test_i18n_catalogues);
  g_test_add_func ("/report/i18n/plural-and-context", test_i18n_plural_and_context);
  g_test_add_func ("/report/i18n/damaged-catalogue", test_i18n_damaged_catalogue);
  g_test_add_func ("/report/i18n/expand", test_expand);
  g_test_add_func ("/report/qr", test_qr);
  g_test_add_func ("/report/certificate/qr-reads-back", test_certificate_qr_reads_back);
  g_test_add_func ("/report/certificate/invalid", test_certificate_invalid);
  g_test_add_func ("/report/certificate/write-error", test_write_error);
  g_test_add_func ("/report/certificate/logos", test_certificate_logos);
  g_test_add_func ("/report/certificate/render-to-image", test_render_to_image);
  g_test_add_func ("/report/certificate/batch", test_batch);
  g_test_add_func ("/report/certificate/threads", test_threads);
  g_test_add_func ("/report/layout/long-table", test_layout_long_table);
  g_test_add_func ("/report/layout/giant-row", test_layout_giant_row);
  g_test_add_func ("/report/layout/charts", test_layout_charts);
  g_test_add_func ("/report/layout/persian", test_layout_persian);

  status = g_test_run ();
  pa_test_remove_tree (tmpdir);
  g_free (tmpdir);
  return status;
}
