/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "pa-csv-reader.h"
#include "pa-fold.h"
#include "pa-test-utils.h"

/* Feeds the reader a few bytes at a time, so that every state of the
 * parser meets a buffer boundary (CRLF split, "" split, …). */
typedef struct
{
  const char *data;
  gsize length;
  gsize offset;
  gsize chunk;
} Trickle;

static gssize
trickle_read (gpointer   user_data,
              void      *buffer,
              gsize      size,
              GError   **error)
{
  Trickle *t = user_data;
  gsize n = MIN (MIN (size, t->chunk), t->length - t->offset);

  memcpy (buffer, t->data + t->offset, n);
  t->offset += n;
  return (gssize) n;
}

/* Reads a whole document into "a|b|c\n" lines (fields joined by |), or NULL with @error. */
static char *
read_all (PaCsvReader  *reader,
          GError      **error)
{
  g_autoptr (GString) out = g_string_new (NULL);
  g_autoptr (GError) local_error = NULL;

  if (!pa_csv_reader_read_header (reader, error))
    return NULL;
  for (guint i = 0; i < pa_csv_reader_get_n_columns (reader); i++)
    g_string_append_printf (out, "%s%s", i ? "|" : "", pa_csv_reader_get_column_name (reader, i));
  g_string_append_c (out, '\n');
  while (pa_csv_reader_next (reader, &local_error))
    {
      g_string_append_printf (out, "%u:", pa_csv_reader_get_line (reader));
      for (guint i = 0; i < pa_csv_reader_get_n_columns (reader); i++)
        g_string_append_printf (out, "%s%s", i ? "|" : "", pa_csv_reader_get_field (reader, (int) i));
      g_string_append_c (out, '\n');
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
parse (const char  *text,
       gsize        chunk,
       GError     **error)
{
  Trickle t = { text, strlen (text), 0, chunk };
  g_autoptr (PaCsvReader) reader = pa_csv_reader_new ("test.csv", trickle_read, &t);

  return read_all (reader, error);
}

/* Every chunk size gives the same result: the one of reading at once. */
static void
assert_parses (const char *text,
               const char *expected)
{
  static const gsize chunks[] = { 1, 2, 3, 7, 64 * 1024 };

  for (gsize i = 0; i < G_N_ELEMENTS (chunks); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *got = parse (text, chunks[i], &error);

      g_assert_no_error (error);
      g_assert_cmpstr (got, ==, expected);
    }
}

static void
assert_fails (const char *text,
              PaCsvError  code,
              const char *fragment)
{
  static const gsize chunks[] = { 1, 5, 64 * 1024 };

  for (gsize i = 0; i < G_N_ELEMENTS (chunks); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *got = parse (text, chunks[i], &error);

      g_assert_null (got);
      g_assert_error (error, PA_CSV_ERROR, (int) code);
      g_assert_nonnull (strstr (error->message, "test.csv"));
      if (strstr (error->message, fragment) == NULL)
        g_error ("“%s” does not say “%s”", error->message, fragment);
    }
}

static void
test_plain (void)
{
  /* CRLF records, as the official ESCO files end them. */
  assert_parses ("a,b,c\r\n1,2,3\r\n4,,6\r\n", "a|b|c\n2:1|2|3\n3:4||6\n");
  /* LF only, and no final newline. */
  assert_parses ("a,b\n1,2\n3,4", "a|b\n2:1|2\n3:3|4\n");
  /* A lone CR ends a record too; blank lines are not records. */
  assert_parses ("a,b\r1,2\r\n\r\n\n3,4\n", "a|b\n2:1|2\n5:3|4\n");
  /* A trailing comma is an empty last field. */
  assert_parses ("a,b\n1,\n", "a|b\n2:1|\n");
}

static void
test_quoted (void)
{
  /* Separators, doubled quotes and bare LF inside quotes; CRLF after. */
  assert_parses ("uri,altLabels,n\r\n"
                 "u1,\"one\ntwo, three\n\"\"four\"\"\",1\r\n"
                 "u2,\"\",2\r\n",
                 "uri|altLabels|n\n2:u1|one\ntwo, three\n\"four\"|1\n5:u2||2\n");
  /* Needless quotes, as skillsHierarchy has; a quote inside an unquoted field is kept. */
  assert_parses ("a,b\n\"x\",y\"z\n", "a|b\n2:x|y\"z\n");
  /* Line numbers count the lines inside quoted fields. */
  assert_parses ("a\n\"1\n2\n3\"\n4\n", "a\n2:1\n2\n3\n5:4\n");
}

static void
test_ragged_and_header (void)
{
  g_autoptr (GError) error = NULL;
  const char *names[] = { "Level 0 URI", "Level 1 URI", NULL };
  const char *missing[] = { "Level 0 URI", "conceptUri", NULL };
  const char *text = "\xEF\xBB\xBFLevel 0 URI, Level 1 URI ,Level 2 URI\nx\ny,z\n";
  g_autoptr (PaCsvReader) reader = pa_csv_reader_new_for_data ("hier.csv", text, strlen (text));

  /* Missing trailing fields read as empty (ESCO's skillsHierarchy omits them). */
  assert_parses ("a,b,c\n1\n2,3\n4,5,6\n", "a|b|c\n2:1||\n3:2|3|\n4:4|5|6\n");

  /* Header names are trimmed, a byte order mark is dropped, columns go by name. */
  g_assert_true (pa_csv_reader_read_header (reader, &error));
  g_assert_no_error (error);
  g_assert_cmpint (pa_csv_reader_get_column (reader, "Level 0 URI"), ==, 0);
  g_assert_cmpint (pa_csv_reader_get_column (reader, "Level 1 URI"), ==, 1);
  g_assert_cmpint (pa_csv_reader_get_column (reader, "nope"), ==, -1);
  g_assert_true (pa_csv_reader_require_columns (reader, names, &error));
  g_assert_false (pa_csv_reader_require_columns (reader, missing, &error));
  g_assert_error (error, PA_CSV_ERROR, PA_CSV_ERROR_MISSING_COLUMN);
  g_assert_nonnull (strstr (error->message, "hier.csv"));
  g_assert_nonnull (strstr (error->message, "line 1"));
  g_assert_nonnull (strstr (error->message, "conceptUri"));
  g_clear_error (&error);
  g_assert_true (pa_csv_reader_next (reader, &error));
  g_assert_cmpstr (pa_csv_reader_get_field (reader, 0), ==, "x");
  g_assert_cmpstr (pa_csv_reader_get_field (reader, 2), ==, "");
  g_assert_cmpstr (pa_csv_reader_get_field (reader, -1), ==, "");
  g_assert_cmpuint (pa_csv_reader_get_field_length (reader, 0), ==, 1);
}

static void
test_bad_input (void)
{
  /* More fields than the header names. */
  assert_fails ("a,b\n1,2\n3,4,5\n", PA_CSV_ERROR_SYNTAX, "line 3");
  /* Text after a closing quote. */
  assert_fails ("a,b\n\"1\"x,2\n", PA_CSV_ERROR_SYNTAX, "line 2");
  /* A quoted field that never closes: the file is truncated. */
  assert_fails ("a,b\n1,2\n3,\"four\nfive", PA_CSV_ERROR_TRUNCATED, "line 3");
  /* Not UTF-8: the message names the line of the bad byte and the column. */
  assert_fails ("a,altLabels\n1,\"ok\nstill ok\nbad \xC3\x28 byte\"\n", PA_CSV_ERROR_ENCODING, "line 4");
  assert_fails ("a,altLabels\n1,\"ok\nbad \xFF\"\n", PA_CSV_ERROR_ENCODING, "altLabels");
  /* A NUL byte: not a text file. */
  {
    const char text[] = "a,b\n1,2\0\n";
    Trickle t = { text, sizeof text - 1, 0, 3 };
    g_autoptr (PaCsvReader) reader = pa_csv_reader_new ("test.csv", trickle_read, &t);
    g_autoptr (GError) error = NULL;
    g_autofree char *got = read_all (reader, &error);

    g_assert_null (got);
    g_assert_error (error, PA_CSV_ERROR, PA_CSV_ERROR_ENCODING);
    g_assert_nonnull (strstr (error->message, "line 2"));
  }
  /* Nothing at all: no header. */
  assert_fails ("", PA_CSV_ERROR_EMPTY, "header");
}

static void
test_big_field (void)
{
  /* conceptSchemes has a 627,354-character field; lines are not a size limit. */
  g_autoptr (GString) text = g_string_new ("uri,hasTopConcept\r\nx,\"");
  g_autoptr (GError) error = NULL;
  g_autoptr (PaCsvReader) reader = NULL;
  gsize big = 1500 * 1000;

  for (gsize i = 0; text->len < big; i++)
    g_string_append_printf (text, "http://data.europa.eu/esco/skill/%" G_GSIZE_FORMAT ",\n", i);
  g_string_append (text, "end\"\r\ny,small\r\n");
  reader = pa_csv_reader_new_for_data ("big.csv", text->str, text->len);
  g_assert_true (pa_csv_reader_read_header (reader, &error));
  g_assert_true (pa_csv_reader_next (reader, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pa_csv_reader_get_field_length (reader, 1), >, big - 40);
  g_assert_true (g_str_has_suffix (pa_csv_reader_get_field (reader, 1), ",\nend"));
  g_assert_true (pa_csv_reader_next (reader, &error));
  g_assert_cmpstr (pa_csv_reader_get_field (reader, 1), ==, "small");
  g_assert_false (pa_csv_reader_next (reader, &error));
  g_assert_no_error (error);

  /* A limit can be set, and going over it is an error, not a crash. */
  g_clear_pointer (&reader, pa_csv_reader_free);
  reader = pa_csv_reader_new_for_data ("big.csv", text->str, text->len);
  pa_csv_reader_set_max_record_size (reader, 1000);
  g_assert_true (pa_csv_reader_read_header (reader, &error));
  g_assert_false (pa_csv_reader_next (reader, &error));
  g_assert_error (error, PA_CSV_ERROR, PA_CSV_ERROR_TOO_LARGE);
}

static void
test_real_files (void)
{
  const char *data = pa_test_shared_data ();
  g_autofree char *skills = NULL;
  g_autofree char *schemes = NULL;
  g_autoptr (GError) error = NULL;
  guint records = 0;
  gsize longest = 0;

  if (data == NULL)
    {
      g_test_skip ("the shared test data folder is absent");
      return;
    }
  skills = g_build_filename (data, "esco", "v1.1.1", "en", "skills_en.csv", NULL);
  schemes = g_build_filename (data, "esco", "v1.1.1", "en", "conceptSchemes_en.csv", NULL);

  {
    g_autoptr (GFile) file = g_file_new_for_path (skills);
    g_autoptr (GFileInputStream) stream = g_file_read (file, NULL, &error);
    g_autoptr (PaCsvReader) reader = NULL;
    int alt;

    g_assert_no_error (error);
    reader = pa_csv_reader_new_for_stream (skills, G_INPUT_STREAM (stream));
    g_assert_true (pa_csv_reader_read_header (reader, &error));
    alt = pa_csv_reader_get_column (reader, "altLabels");
    g_assert_cmpint (alt, ==, 5);
    while (pa_csv_reader_next (reader, &error))
      {
        records++;
        /* Records end in CRLF; inside fields there are only bare LFs. */
        g_assert_null (strchr (pa_csv_reader_get_field (reader, alt), '\r'));
      }
    g_assert_no_error (error);
    g_assert_cmpuint (records, ==, 13896);
  }
  {
    g_autoptr (GFile) file = g_file_new_for_path (schemes);
    g_autoptr (GFileInputStream) stream = g_file_read (file, NULL, &error);
    g_autoptr (PaCsvReader) reader = NULL;
    int top;

    g_assert_no_error (error);
    reader = pa_csv_reader_new_for_stream (schemes, G_INPUT_STREAM (stream));
    g_assert_true (pa_csv_reader_read_header (reader, &error));
    top = pa_csv_reader_get_column (reader, "hasTopConcept");
    while (pa_csv_reader_next (reader, &error))
      longest = MAX (longest, pa_csv_reader_get_field_length (reader, top));
    g_assert_no_error (error);
    g_assert_cmpuint (longest, ==, 627354);
  }
}

static void
test_fold (void)
{
  g_autofree char *a = pa_fold_text ("  Résumé\xC2\xA0 ÉCRIT ");
  g_autofree char *b = pa_fold_text ("resume ecrit");
  g_autofree char *c = pa_fold_text ("zero\xE2\x80\x8Bwidth soft\xC2\xAD" "hyphen");
  g_autofree char *d = pa_fold_text ("Straße Ǆ ﬁle");
  /* Arabic vowel marks (harakat) do not count. */
  g_autofree char *e = pa_fold_text ("مُدِير");
  g_autofree char *f = pa_fold_text ("مدير");
  g_autofree char *clean = pa_label_clean (" manage documentation\xC2\xA0of prior\tlearning\xC2\xA0 ", -1);
  g_autofree char *empty = pa_label_clean ("\xE2\x80\x8B \xC2\xA0", -1);
  const char *cursor = "directeur technique/directrice technique";
  const char *word;
  gsize length;
  guint n = 0;

  g_assert_cmpstr (a, ==, "resume ecrit");
  g_assert_cmpstr (a, ==, b);
  g_assert_cmpstr (c, ==, "zerowidth softhyphen");
  g_assert_cmpstr (d, ==, "strasse dz file");
  g_assert_cmpstr (e, ==, f);
  g_assert_cmpstr (clean, ==, "manage documentation of prior learning");
  g_assert_cmpstr (empty, ==, "");

  /* Gendered "a/b" labels split into words on the slash. */
  while (pa_fold_next_word (&cursor, &word, &length))
    {
      if (n == 2)
        g_assert_cmpint (strncmp (word, "directrice", length), ==, 0);
      n++;
    }
  g_assert_cmpuint (n, ==, 4);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/plain", test_plain);
  g_test_add_func ("/csv/quoted", test_quoted);
  g_test_add_func ("/csv/ragged-and-header", test_ragged_and_header);
  g_test_add_func ("/csv/bad-input", test_bad_input);
  g_test_add_func ("/csv/big-field", test_big_field);
  g_test_add_func ("/csv/real-files", test_real_files);
  g_test_add_func ("/csv/fold", test_fold);

  return g_test_run ();
}
