/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include <cairo.h>

#include "pa-certificate.h"
#include "pa-certificates.h"
#include "pa-demo.h"
#include "pa-store-cases.h"
#include "pa-store-records.h"
#include "pa-document.h"
#include "pa-report-data.h"
#include "pa-test-utils.h"

/* Certificates issued from the demonstration centre, read back the way a
 * reader sees them: text through pdftotext. */

typedef struct
{
  char *dir;
  PaStore *store;
  gint64 certified_case;     /* a case with certified competences */
  gint64 plain_case;         /* a case with none */
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  sqlite3 *db;

  f->dir = pa_test_make_tmpdir ();
  path = g_build_filename (f->dir, "demo.db", NULL);
  f->store = pa_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (pa_demo_fill (f->store, &error));
  g_assert_no_error (error);
  g_assert_true (pa_store_set_setting (f->store, PA_SETTING_CENTRE_NAME,
                                       "Maison de la Formation Lyon-Est", &error));
  g_assert_true (pa_store_set_setting (f->store, PA_SETTING_CENTRE_ADDRESS,
                                       "12 rue des Tanneurs · 69003 Lyon", &error));
  g_assert_true (pa_store_set_setting (f->store, PA_SETTING_SIGNATORY_NAME, "Claire Moreau",
                                       &error));
  g_assert_true (pa_store_set_setting (f->store, PA_SETTING_SIGNATORY_ROLE,
                                       "Responsable de la validation des acquis", &error));
  g_assert_no_error (error);

  db = pa_store_get_db (f->store);
  f->certified_case = pa_test_query_int (db, "SELECT case_id FROM claim WHERE stage = 4 "
                                             "GROUP BY case_id ORDER BY count(*) DESC, case_id "
                                             "LIMIT 1");
  f->plain_case = pa_test_query_int (db, "SELECT id FROM case_file c WHERE NOT EXISTS "
                                         "(SELECT 1 FROM claim k WHERE k.case_id = c.id "
                                         "AND k.stage = 4) ORDER BY id LIMIT 1");
  g_assert_cmpint (f->certified_case, >, 0);
  g_assert_cmpint (f->plain_case, >, 0);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->store);
  pa_test_remove_tree (f->dir);
  g_free (f->dir);
}


/* Without the embedding controls pdftotext puts around right-to-left runs. */
static char *
pdf_text (const char *pdf)
{
  g_autofree char *raw = pa_test_run ("pdftotext", "-enc", "UTF-8", pdf, "-", NULL);

  return pa_test_without_bidi_controls (raw);
}

/* pdftotext breaks long lines where the table wraps them; compare words. */
static gboolean
text_has (const char *text,
          const char *phrase)
{
  g_autofree char *flat = g_strdup (text);
  g_auto (GStrv) words = g_strsplit (phrase, " ", -1);
  const char *from = flat;

  g_strdelimit (flat, "\n", ' ');
  for (guint i = 0; words[i]; i++)
    {
      const char *at = strstr (from, words[i]);
      if (at == NULL)
        return FALSE;
      from = at + strlen (words[i]);
    }
  return TRUE;
}

/* Pixels clearly red on page 1 at 50 dpi: the watermark of a revoked
 * certificate, which is drawn as outlines rather than text. */
static int
red_pixels (Fixture    *f,
            const char *pdf)
{
  g_autofree char *prefix = g_build_filename (f->dir, "render", NULL);
  g_autofree char *png = g_strconcat (prefix, ".png", NULL);
  g_autofree char *out = pa_test_run ("pdftoppm", "-r", "50", "-png", "-singlefile", pdf, prefix, NULL);
  cairo_surface_t *image = cairo_image_surface_create_from_png (png);
  int width, height, stride, red = 0;
  const guint8 *data;

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

        if ((pixel & 0xffffff) != 0xffffff &&
            ((pixel >> 16) & 0xff) > ((pixel >> 8) & 0xff) + 25)
          red++;
      }
  cairo_surface_destroy (image);
  g_unlink (png);
  return red;
}

static char *
print_issued (Fixture                   *f,
              const PaIssuedCertificate *issued,
              const char                *name)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PaCertificateData) data = pa_issued_certificate_get_data (issued, &error);
  char *path = g_build_filename (f->dir, name, NULL);

  g_assert_no_error (error);
  g_assert_true (pa_certificate_write_pdf (data, path, PA_PAPER_A4, &error));
  g_assert_no_error (error);
  return path;
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

static GPtrArray *
certified_claims (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) claims = pa_store_claim_list (f->store, f->certified_case, &error);
  GPtrArray *certified = g_ptr_array_new_with_free_func (g_free);

  g_assert_no_error (error);
  for (guint i = 0; i < claims->len; i++)
    {
      PaClaim *claim = claims->pdata[i];
      if (claim->stage == PA_STAGE_CERTIFIED)
        g_ptr_array_add (certified, g_strdup (claim->label));
    }
  g_assert_cmpuint (certified->len, >, 0);
  return certified;
}

static void
test_issue (Fixture       *f,
            gconstpointer  unused)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PaIssuedCertificate) issued = NULL;
  g_autoptr (PaIssuedCertificate) again = NULL;
  g_autoptr (PaIssuedCertificate) second = NULL;
  g_autoptr (PaCertificateData) data = NULL;
  g_autoptr (PaCase) pcase = NULL;
  g_autoptr (GPtrArray) labels = certified_claims (f);
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (GBytes) first_bytes = NULL;
  g_autoptr (GBytes) reprint_bytes = NULL;
  g_autofree char *name = NULL;
  g_autofree char *first_pdf = NULL;
  g_autofree char *reprint_pdf = NULL;
  g_autofree char *text = NULL;
  g_autofree char *digest = NULL;
  g_autofree char *audit_sql = NULL;
  g_autofree char *number_1 = pa_certificate_number_with_check (1, "PA");
  g_autofree char *number_2 = pa_certificate_number_with_check (2, "PA");
  sqlite3 *db = pa_store_get_db (f->store);

  pcase = pa_store_case_get (f->store, f->certified_case, &error);
  g_assert_no_error (error);
  name = pa_case_dup_display_name (pcase);

  issued = pa_store_certificate_issue (f->store, f->certified_case, "fr", NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (issued);
  g_assert_cmpstr (issued->number, ==, number_1);
  g_assert_true (pa_certificate_number_is_valid (issued->number));

  /* What is printed is what the store holds: the stored digest is the
   * digest of the snapshot. */
  g_clear_pointer (&issued, pa_issued_certificate_free);
  list = pa_store_certificate_list_for_case (f->store, f->certified_case, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  issued = pa_store_certificate_get (f->store, ((PaIssuedCertificate *) list->pdata[0])->number,
                                     &error);
  g_assert_no_error (error);
  data = pa_certificate_data_from_snapshot (issued->snapshot, &error);
  g_assert_no_error (error);
  digest = pa_certificate_digest (data);
  g_assert_cmpstr (digest, ==, issued->digest);
  g_assert_cmpuint (data->competences->len, ==, labels->len);
  g_assert_false (data->revoked);

  first_pdf = print_issued (f, issued, "first.pdf");
  text = pdf_text (first_pdf);
  g_assert_true (text_has (text, name));
  g_assert_true (text_has (text, issued->number));
  g_assert_true (text_has (text, "Maison de la Formation Lyon-Est"));
  for (guint i = 0; i < labels->len; i++)
    g_assert_true (text_has (text, labels->pdata[i]));

  /* The audit row names the certificate, never the participant. */
  audit_sql = g_strdup_printf ("SELECT count(*) FROM audit WHERE action = 'certificate.issue' "
                               "AND case_id = %" G_GINT64_FORMAT " AND detail = '%s'",
                               f->certified_case, issued->number);
  g_assert_cmpint (pa_test_query_int (db, audit_sql), ==, 1);

  /* A reprint, even after the case changed, gives the same bytes. */
  g_assert_true (pa_store_case_rename (f->store, f->certified_case, "Autre", "Nom", &error));
  g_assert_no_error (error);
  again = pa_store_certificate_find_latest (f->store, f->certified_case, "fr", NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (again);
  g_assert_cmpstr (again->number, ==, issued->number);
  reprint_pdf = print_issued (f, again, "reprint.pdf");
  first_bytes = read_bytes (first_pdf);
  reprint_bytes = read_bytes (reprint_pdf);
  g_assert_true (g_bytes_equal (first_bytes, reprint_bytes));

  /* No certificate in French and Arabic yet; a new one takes the next number. */
  g_assert_null (pa_store_certificate_find_latest (f->store, f->certified_case, "fr", "ar",
                                                   &error));
  g_assert_no_error (error);
  second = pa_store_certificate_issue (f->store, f->certified_case, "en", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (second->number, ==, number_2);
}

static void
test_prefix (Fixture       *f,
             gconstpointer  unused)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PaIssuedCertificate) a = NULL;
  g_autoptr (PaIssuedCertificate) b = NULL;
  g_autoptr (PaIssuedCertificate) c = NULL;
  g_autoptr (GPtrArray) before = NULL;
  g_autofree char *expected = NULL;

  a = pa_store_certificate_issue (f->store, f->certified_case, "fr", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (pa_store_set_setting (f->store, PA_SETTING_CERTIFICATE_PREFIX, "LYE", &error));
  b = pa_store_certificate_issue (f->store, f->certified_case, "fr", NULL, &error);
  g_assert_no_error (error);
  /* Each prefix has its own sequence. */
  expected = pa_certificate_number_with_check (1, "LYE");
  g_assert_cmpstr (b->number, ==, expected);

  g_assert_true (pa_store_set_setting (f->store, PA_SETTING_CERTIFICATE_PREFIX, "lyon est",
                                       &error));
  before = pa_test_snapshot_take (pa_store_get_db (f->store));
  c = pa_store_certificate_issue (f->store, f->certified_case, "fr", NULL, &error);
  g_assert_error (error, PA_STORE_ERROR, PA_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "lyon est"));
  g_assert_null (c);
  pa_test_snapshot_assert (before, pa_store_get_db (f->store));
}

static void
test_revoke (Fixture       *f,
             gconstpointer  unused)
{
  const char *reason = "Délivré par erreur à une autre personne.";
  g_autoptr (GError) error = NULL;
  g_autoptr (PaIssuedCertificate) issued = NULL;
  g_autoptr (PaIssuedCertificate) revoked = NULL;
  g_autoptr (PaCertificateData) data = NULL;
  g_autoptr (GPtrArray) before = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  g_autofree char *valid_text = NULL;
  g_autofree char *valid_pdf = NULL;

  issued = pa_store_certificate_issue (f->store, f->certified_case, "fr", NULL, &error);
  g_assert_no_error (error);
  valid_pdf = print_issued (f, issued, "valid.pdf");
  valid_text = pdf_text (valid_pdf);
  g_assert_false (text_has (valid_text, "révoqué"));
  g_assert_cmpint (red_pixels (f, valid_pdf), <, 200);

  /* Refused: no reason, or one that is not text. Nothing changes. */
  before = pa_test_snapshot_take (pa_store_get_db (f->store));
  g_assert_false (pa_store_certificate_revoke (f->store, issued->number, "  ", &error));
  g_assert_error (error, PA_STORE_ERROR, PA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (pa_store_certificate_revoke (f->store, issued->number, "bad \xff text",
                                               &error));
  g_assert_error (error, PA_STORE_ERROR, PA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (pa_store_certificate_revoke (f->store, "PA-999999-ZZ", reason, &error));
  g_assert_error (error, PA_STORE_ERROR, PA_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  pa_test_snapshot_assert (before, pa_store_get_db (f->store));

  g_assert_true (pa_store_certificate_revoke (f->store, issued->number, reason, &error));
  g_assert_no_error (error);
  g_assert_cmpint (pa_test_query_int (pa_store_get_db (f->store),
                                      "SELECT count(*) FROM audit WHERE action = "
                                      "'certificate.revoke' AND detail NOT LIKE '%erreur%'"),
                   ==, 1);

  revoked = pa_store_certificate_get (f->store, issued->number, &error);
  g_assert_no_error (error);
  g_assert_nonnull (revoked->revoked_on);
  g_assert_cmpstr (revoked->revoked_reason, ==, reason);
  data = pa_issued_certificate_get_data (revoked, &error);
  g_assert_no_error (error);
  g_assert_true (data->revoked);

  pdf = print_issued (f, revoked, "revoked.pdf");
  text = pdf_text (pdf);
  /* In the certificate's language: the notice under the title and the
   * watermark across the page. */
  g_assert_true (text_has (text, "Ce certificat a été révoqué et n’est plus valable."));
  g_assert_true (text_has (text, reason));
  g_assert_cmpint (red_pixels (f, pdf), >, 5000);
  g_assert_true (text_has (text, issued->number));

  /* No valid certificate left to reprint; revoking twice is refused. */
  g_assert_null (pa_store_certificate_find_latest (f->store, f->certified_case, "fr", NULL,
                                                   &error));
  g_assert_no_error (error);
  g_assert_false (pa_store_certificate_revoke (f->store, issued->number, reason, &error));
  g_assert_error (error, PA_STORE_ERROR, PA_STORE_ERROR_INVALID);
}

static void
test_refused (Fixture       *f,
              gconstpointer  unused)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) before = pa_test_snapshot_take (pa_store_get_db (f->store));
  PaIssuedCertificate *issued;

  issued = pa_store_certificate_issue (f->store, f->plain_case, "fr", NULL, &error);
  g_assert_null (issued);
  g_assert_error (error, PA_STORE_ERROR, PA_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "certified"));
  g_clear_error (&error);

  issued = pa_store_certificate_issue (f->store, 999999, "fr", NULL, &error);
  g_assert_null (issued);
  g_assert_error (error, PA_STORE_ERROR, PA_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  issued = pa_store_certificate_issue (f->store, f->certified_case, "fr", "fr", &error);
  g_assert_null (issued);
  g_assert_error (error, PA_STORE_ERROR, PA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  pa_test_snapshot_assert (before, pa_store_get_db (f->store));

  /* A trashed case cannot be certified. */
  g_assert_true (pa_store_case_trash (f->store, f->certified_case, &error));
  g_assert_no_error (error);
  g_clear_pointer (&before, g_ptr_array_unref);
  before = pa_test_snapshot_take (pa_store_get_db (f->store));
  issued = pa_store_certificate_issue (f->store, f->certified_case, "fr", NULL, &error);
  g_assert_null (issued);
  g_assert_error (error, PA_STORE_ERROR, PA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (pa_store_case_restore (f->store, f->certified_case, &error));
  g_assert_no_error (error);

  /* The centre must say who it is. */
  g_assert_true (pa_store_set_setting (f->store, PA_SETTING_CENTRE_NAME, "", &error));
  g_clear_pointer (&before, g_ptr_array_unref);
  before = pa_test_snapshot_take (pa_store_get_db (f->store));
  issued = pa_store_certificate_issue (f->store, f->certified_case, "fr", NULL, &error);
  g_assert_null (issued);
  g_assert_error (error, PA_STORE_ERROR, PA_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Preferences"));
  pa_test_snapshot_assert (before, pa_store_get_db (f->store));
  g_assert_cmpint (pa_test_query_int (pa_store_get_db (f->store),
                                      "SELECT count(*) FROM certificate"), ==, 0);
}

static void
test_bilingual (Fixture       *f,
                gconstpointer  unused)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PaIssuedCertificate) issued = NULL;
  g_autoptr (PaIssuedCertificate) latest = NULL;
  g_autoptr (GPtrArray) labels = certified_claims (f);
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  guint arabic;

  issued = pa_store_certificate_issue (f->store, f->certified_case, "fr", "ar", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (issued->second_language, ==, "ar");
  latest = pa_store_certificate_find_latest (f->store, f->certified_case, "fr", "ar", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (latest->number, ==, issued->number);

  pdf = print_issued (f, issued, "fr-ar.pdf");
  text = pdf_text (pdf);
  arabic = pa_test_count_arabic (text);
  /* The title, headings and the signature block, in Arabic. */
  g_assert_cmpuint (arabic, >, 50);
  g_assert_true (text_has (text, "Certificat de compétences reconnues"));
  g_assert_true (text_has (text, issued->number));
  for (guint i = 0; i < labels->len; i++)
    g_assert_true (text_has (text, labels->pdata[i]));
}

static void
test_tampered (Fixture       *f,
               gconstpointer  unused)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PaIssuedCertificate) issued = NULL;
  g_autoptr (PaIssuedCertificate) read = NULL;
  g_autoptr (PaCertificateData) data = NULL;
  g_autofree char *sql = NULL;

  issued = pa_store_certificate_issue (f->store, f->certified_case, "fr", NULL, &error);
  g_assert_no_error (error);

  /* Changing the stored content afterwards is seen at the next print. */
  sql = g_strdup_printf ("UPDATE certificate SET snapshot = replace (snapshot, 'Claire', "
                         "'Claude') WHERE number = '%s'", issued->number);
  pa_test_exec (pa_store_get_db (f->store), sql);
  read = pa_store_certificate_get (f->store, issued->number, &error);
  g_assert_no_error (error);
  data = pa_issued_certificate_get_data (read, &error);
  g_assert_null (data);
  g_assert_error (error, PA_STORE_ERROR, PA_STORE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, issued->number));
  g_clear_error (&error);

  /* Snapshots that are not certificates are refused with a reason. */
  data = pa_certificate_data_from_snapshot ("{\"version\": 1", &error);
  g_assert_null (data);
  g_assert_error (error, PA_STORE_ERROR, PA_STORE_ERROR_CORRUPT);
  g_clear_error (&error);
  data = pa_certificate_data_from_snapshot ("[1, 2]", &error);
  g_assert_error (error, PA_STORE_ERROR, PA_STORE_ERROR_CORRUPT);
  g_clear_error (&error);
  data = pa_certificate_data_from_snapshot ("{\"version\": 1, \"number\": 7}", &error);
  g_assert_error (error, PA_STORE_ERROR, PA_STORE_ERROR_CORRUPT);
  g_clear_error (&error);
  data = pa_certificate_data_from_snapshot (read->snapshot, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (data->signatory_name, ==, "Claude Moreau");
}

/* Purging a case takes its certificates with it: none of their text stays
 * in the file. */
static void
test_purge (Fixture       *f,
            gconstpointer  unused)
{
  const char *name = "Zenobia Quarantotto";
  const char *reason = "Motif-Unique-7781";
  g_autofree char *path = g_strdup (pa_store_get_path (f->store));
  g_autoptr (GError) error = NULL;
  g_autoptr (PaIssuedCertificate) issued = NULL;

  g_assert_true (pa_store_case_rename (f->store, f->certified_case, "Zenobia", "Quarantotto",
                                       &error));
  g_assert_no_error (error);
  issued = pa_store_certificate_issue (f->store, f->certified_case, "fr", "ar", &error);
  g_assert_no_error (error);
  g_assert_true (pa_store_certificate_revoke (f->store, issued->number, reason, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (issued->snapshot, name));

  /* Closed, the store holds both in its file. */
  g_clear_object (&f->store);
  g_assert_true (pa_test_file_contains (path, name, strlen (name)));
  g_assert_true (pa_test_file_contains (path, reason, strlen (reason)));
  f->store = pa_store_open (path, &error);
  g_assert_no_error (error);

  g_assert_true (pa_store_case_trash (f->store, f->certified_case, &error));
  g_assert_true (pa_store_case_purge (f->store, f->certified_case, &error));
  g_assert_no_error (error);
  g_assert_cmpint (pa_test_query_int (pa_store_get_db (f->store),
                                      "SELECT count(*) FROM certificate"), ==, 0);
  g_clear_object (&f->store);
  g_assert_false (pa_test_file_contains (path, name, strlen (name)));
  g_assert_false (pa_test_file_contains (path, reason, strlen (reason)));
}

static void
test_cli (Fixture       *f,
          gconstpointer  unused)
{
  g_autofree char *db = g_strdup (pa_store_get_path (f->store));
  g_autofree char *code = NULL;
  g_autofree char *plain_code = NULL;
  g_autofree char *out_a = g_build_filename (f->dir, "cli-a.pdf", NULL);
  g_autofree char *out_b = g_build_filename (f->dir, "cli-b.pdf", NULL);
  g_autofree char *out_c = g_build_filename (f->dir, "cli-c.pdf", NULL);
  g_autofree char *number = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr (GBytes) a = NULL;
  g_autoptr (GBytes) b = NULL;
  g_autoptr (PaCase) pcase = NULL;
  g_autoptr (PaCase) plain = NULL;
  g_autoptr (GError) error = NULL;

  pcase = pa_store_case_get (f->store, f->certified_case, &error);
  plain = pa_store_case_get (f->store, f->plain_case, &error);
  g_assert_no_error (error);
  code = g_strdup (pa_case_get_code (pcase));
  plain_code = g_strdup (pa_case_get_code (plain));
  g_clear_object (&f->store);

  g_assert_cmpint (pa_test_run_cli (&out, &err, "--db", db, "report", "certificate", code,
                                    "-o", out_a, NULL), ==, 0);
  number = g_strdup (g_strstrip (out));
  g_assert_true (pa_certificate_number_is_valid (number));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* The same certificate again, the same bytes. */
  g_assert_cmpint (pa_test_run_cli (&out, &err, "--db", db, "report", "certificate", code,
                                    "-o", out_b, NULL), ==, 0);
  g_assert_cmpstr (g_strstrip (out), ==, number);
  a = read_bytes (out_a);
  b = read_bytes (out_b);
  g_assert_true (g_bytes_equal (a, b));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (pa_test_run_cli (&out, &err, "--db", db, "certificate", "revoke", number,
                                    "--reason", "Erreur de saisie", NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (pa_test_run_cli (&out, &err, "--db", db, "certificate", "list", code, NULL),
                   ==, 0);
  g_assert_nonnull (strstr (out, number));
  g_assert_nonnull (strstr (out, "revoked"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (pa_test_run_cli (&out, &err, "--db", db, "certificate", "show", number, NULL),
                   ==, 0);
  g_assert_nonnull (strstr (out, "Erreur de saisie"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* The revoked one is not reprinted: a new number. */
  g_assert_cmpint (pa_test_run_cli (&out, &err, "--db", db, "report", "certificate", code,
                                    "-o", out_c, NULL), ==, 0);
  g_assert_cmpstr (g_strstrip (out), !=, number);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Without --lang, the centre's report languages from the preferences;
   * "none" asks for one language only. */
  {
    g_autoptr (PaStore) store = pa_store_open (db, &error);

    g_assert_no_error (error);
    g_assert_true (pa_store_set_setting (store, "report.language", "en", NULL));
    g_assert_true (pa_store_set_setting (store, "report.second-language", "ar", NULL));
  }
  g_assert_cmpint (pa_test_run_cli (&out, &err, "--db", db, "report", "certificate", code,
                                    "-o", out_c, NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (pa_test_run_cli (&out, &err, "--db", db, "report", "certificate", code,
                                    "--second-lang", "none", "-o", out_c, NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (pa_test_run_cli (&out, &err, "--db", db, "certificate", "list", code, NULL),
                   ==, 0);
  g_assert_nonnull (strstr (out, "\ten+ar\t"));
  g_assert_nonnull (strstr (out, "\ten\t"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Refusals: one line on stderr, status 1; usage errors, status 2. */
  g_assert_cmpint (pa_test_run_cli (&out, &err, "--db", db, "report", "certificate", plain_code,
                                    "-o", out_c, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "no certified competence"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (pa_test_run_cli (&out, &err, "--db", db, "report", "certificate", code,
                                    NULL), ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (pa_test_run_cli (&out, &err, "--db", db, "certificate", "revoke", number,
                                    NULL), ==, 2);
}

static guint
count_pdf_images (const char *pdf)
{
  g_autofree char *list = pa_test_run ("pdfimages", "-list", pdf, NULL);
  g_auto (GStrv) lines = g_strsplit (list, "\n", -1);
  guint n = 0;

  /* Two header lines, then one line per image. */
  for (guint i = 2; lines[i] != NULL; i++)
    if (*g_strstrip (lines[i]) != '\0')
      n++;
  return n;
}

/* The logo is read from the store, at issue and at reprint: a certificate
 * printed from a backup restored elsewhere has it too. */
static void
test_logo (Fixture       *f,
           gconstpointer  unused)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) png = pa_demo_make_png (7, 64);
  g_autoptr (PaIssuedCertificate) issued = NULL;
  g_autoptr (PaCertificateData) data = NULL;
  g_autoptr (PaCertificateData) without = NULL;
  g_autofree char *pdf = g_build_filename (f->dir, "logo.pdf", NULL);
  g_autofree char *plain_pdf = g_build_filename (f->dir, "plain.pdf", NULL);

  issued = pa_store_certificate_issue (f->store, f->certified_case, "fr", NULL, &error);
  g_assert_no_error (error);
  without = pa_store_certificate_get_data (f->store, issued, &error);
  g_assert_no_error (error);
  g_assert_null (without->logo);
  g_assert_true (pa_certificate_write_pdf (without, plain_pdf, PA_PAPER_A4, &error));
  g_assert_no_error (error);

  /* Reprinted once the centre has a logo; then issued anew with it. */
  g_assert_true (pa_store_set_file (f->store, PA_SETTING_CENTRE_LOGO, png, &error));
  g_assert_no_error (error);
  data = pa_store_certificate_get_data (f->store, issued, &error);
  g_assert_no_error (error);
  g_assert_nonnull (data->logo);
  g_assert_true (g_bytes_equal (data->logo, png));
  g_clear_pointer (&data, pa_certificate_data_free);
  g_clear_pointer (&issued, pa_issued_certificate_free);
  issued = pa_store_certificate_issue (f->store, f->certified_case, "fr", NULL, &error);
  g_assert_no_error (error);
  /* Nothing of the logo in what was issued: no path another computer lacks. */
  g_assert_null (strstr (issued->snapshot, f->dir));
  data = pa_store_certificate_get_data (f->store, issued, &error);
  g_assert_no_error (error);
  g_assert_null (data->logo_path);
  g_assert_nonnull (data->logo);
  g_assert_true (g_bytes_equal (data->logo, png));
  g_assert_true (pa_certificate_write_pdf (data, pdf, PA_PAPER_A4, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_pdf_images (pdf), ==, count_pdf_images (plain_pdf) + 1);
}

/* The portfolio carries the centre's logo too, read from the store. */
static void
test_portfolio_logo (Fixture       *f,
                     gconstpointer  unused)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) png = pa_demo_make_png (7, 64);
  g_autoptr (PaPageSetup) setup = pa_page_setup_new (PA_PAPER_A4);
  g_autofree char *plain_pdf = g_build_filename (f->dir, "portfolio-plain.pdf", NULL);
  g_autofree char *pdf = g_build_filename (f->dir, "portfolio-logo.pdf", NULL);
  const char *paths[] = { plain_pdf, pdf };

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr (PaPortfolioData) data = NULL;
      g_autoptr (PaDocument) document = NULL;

      if (i == 1)
        {
          g_assert_true (pa_store_set_file (f->store, PA_SETTING_CENTRE_LOGO, png, &error));
          g_assert_no_error (error);
        }
      data = pa_store_portfolio_build (f->store, f->certified_case, "fr", NULL, &error);
      g_assert_no_error (error);
      g_assert_true ((data->logo != NULL) == (i == 1));
      document = pa_document_new_portfolio (data, setup);
      g_assert_true (pa_document_write_pdf (document, paths[i], NULL, NULL, NULL, &error));
      g_assert_no_error (error);
    }
  g_assert_cmpuint (count_pdf_images (pdf), ==, count_pdf_images (plain_pdf) + 1);
}

/* Printed from the case: the same certificate again while it states the
 * competences certified today; a new one once another is certified; none
 * for a case without a certified competence. */
static void
test_case_reprint_or_new (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) first = NULL;
  g_autoptr (GPtrArray) again = NULL;
  g_autoptr (GPtrArray) after = NULL;
  g_autoptr (GPtrArray) issued = NULL;
  g_autoptr (GPtrArray) none = NULL;
  sqlite3 *db = pa_store_get_db (f->store);
  gint64 claim;
  PaCertificateData *a, *b, *c;

  first = pa_store_case_certificates (f->store, f->certified_case, "fr", NULL, &error);
  g_assert_no_error (error);
  again = pa_store_case_certificates (f->store, f->certified_case, "fr", NULL, &error);
  g_assert_no_error (error);
  a = g_ptr_array_index (first, 0);
  b = g_ptr_array_index (again, 0);
  g_assert_cmpstr (a->number, ==, b->number);

  /* Another competence of the case reaches Certified. */
  claim = pa_test_query_int (db, "SELECT id FROM claim WHERE stage < 4 AND case_id = "
                                 "(SELECT case_id FROM claim WHERE stage = 4 "
                                 "GROUP BY case_id ORDER BY count(*) DESC, case_id LIMIT 1) "
                                 "ORDER BY stage DESC, id LIMIT 1");
  g_assert_cmpint (claim, >, 0);
  {
    g_autofree char *stage_sql = g_strdup_printf ("SELECT stage FROM claim WHERE id = %"
                                                  G_GINT64_FORMAT, claim);
    g_autofree char *evidence_sql = g_strdup_printf ("SELECT id FROM evidence WHERE case_id = %"
                                                     G_GINT64_FORMAT " LIMIT 1",
                                                     f->certified_case);

    for (int stage = pa_test_query_int (db, stage_sql) + 1; stage <= PA_STAGE_CERTIFIED; stage++)
      {
        gboolean ok;

        if (stage == PA_STAGE_DOCUMENTED)
          {
            g_assert_true (pa_store_claim_link_evidence (f->store, claim,
                                                         pa_test_query_int (db, evidence_sql),
                                                         &error));
            g_assert_no_error (error);
          }
        ok = pa_store_claim_advance (f->store, claim, stage, "practical_test",
                                     stage == PA_STAGE_ASSESSED ? "intermediate" : NULL,
                                     stage == PA_STAGE_ASSESSED ? "Sophie Lambert" : NULL,
                                     "Seen at the workshop", &error);
        g_assert_no_error (error);
        g_assert_true (ok);
      }
  }
  after = pa_store_case_certificates (f->store, f->certified_case, "fr", NULL, &error);
  g_assert_no_error (error);
  c = g_ptr_array_index (after, 0);
  g_assert_cmpstr (c->number, !=, a->number);
  g_assert_cmpuint (c->competences->len, ==, a->competences->len + 1);
  issued = pa_store_certificate_list_for_case (f->store, f->certified_case, &error);
  g_assert_cmpuint (issued->len, ==, 2);

  none = pa_store_case_certificates (f->store, f->plain_case, "fr", NULL, &error);
  g_assert_null (none);
  g_assert_error (error, PA_STORE_ERROR, PA_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "no certified competence"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/certificates/issue", test_issue);
  ADD ("/certificates/prefix", test_prefix);
  ADD ("/certificates/revoke", test_revoke);
  ADD ("/certificates/refused", test_refused);
  ADD ("/certificates/bilingual", test_bilingual);
  ADD ("/certificates/tampered", test_tampered);
  ADD ("/certificates/purge", test_purge);
  ADD ("/certificates/cli", test_cli);
  ADD ("/certificates/logo", test_logo);
  ADD ("/certificates/case-reprint-or-new", test_case_reprint_or_new);
  ADD ("/certificates/portfolio-logo", test_portfolio_logo);
#undef ADD

  return g_test_run ();
}
