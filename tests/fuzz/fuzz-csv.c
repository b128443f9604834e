/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "pa-csv-reader.h"

/* libFuzzer harness for the streaming CSV reader. The first input byte
 * picks the chunk size the bytes arrive in (so that every parser state
 * meets a buffer boundary); the rest is the file. Every record is read
 * and every field touched, and the reader's own promises are checked:
 * fields are valid UTF-8 without NUL, and never more than the header. */

typedef struct
{
  const guint8 *data;
  gsize length;
  gsize offset;
  gsize chunk;
} Input;

static gssize
read_cb (gpointer   user_data,
         void      *buffer,
         gsize      size,
         GError   **error)
{
  Input *in = user_data;
  gsize n = MIN (MIN (size, in->chunk), in->length - in->offset);

  memcpy (buffer, in->data + in->offset, n);
  in->offset += n;
  return (gssize) n;
}

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  static const char *required[] = { "conceptUri", "preferredLabel", NULL };
  Input in = { data + 1, size > 0 ? size - 1 : 0, 0, 0 };
  PaCsvReader *reader;
  GError *error = NULL;
  guint records = 0;

  if (size == 0)
    return 0;
  in.chunk = (gsize) (data[0] % 17) + 1;
  if (data[0] >= 0x80)
    in.chunk = 64 * 1024;

  reader = pa_csv_reader_new ("fuzz.csv", read_cb, &in);
  pa_csv_reader_set_max_record_size (reader, 256 * 1024);
  if (pa_csv_reader_read_header (reader, &error))
    {
      guint columns = pa_csv_reader_get_n_columns (reader);
      int uri = pa_csv_reader_get_column (reader, "conceptUri");

      if (!pa_csv_reader_require_columns (reader, required, &error))
        g_clear_error (&error);
      while (pa_csv_reader_next (reader, &error))
        {
          g_assert_cmpuint (pa_csv_reader_get_n_fields (reader), <=, columns);
          for (guint i = 0; i < columns; i++)
            {
              const char *field = pa_csv_reader_get_field (reader, (int) i);
              gsize length = pa_csv_reader_get_field_length (reader, (int) i);

              g_assert_cmpuint (strlen (field), ==, length);
              g_assert_true (g_utf8_validate_len (field, length, NULL));
            }
          (void) pa_csv_reader_get_field (reader, uri);
          g_assert_cmpuint (pa_csv_reader_get_line (reader), >=, 2);
          records++;
        }
    }
  if (error != NULL)
    {
      /* Every error names the input. */
      g_assert_nonnull (strstr (error->message, "fuzz.csv"));
      g_clear_error (&error);
    }
  g_assert_cmpuint (pa_csv_reader_get_bytes_read (reader), <=, in.length);
  pa_csv_reader_free (reader);
  return 0;
}
