/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pa-csv"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pa-csv-reader.h"

/* A streaming RFC 4180 reader. Records end with CRLF, LF or a lone CR;
 * quoted fields may hold separators, doubled quotes and bare line breaks
 * (ESCO puts one label per line inside a quoted field). Fields are checked
 * for UTF-8 as whole records come in; columns are found by header name. */

#define BUFFER_SIZE (64 * 1024)
#define DEFAULT_MAX_RECORD (64 * 1024 * 1024)
#define MAX_FIELDS 1024

typedef enum
{
  STATE_FIELD_START,
  STATE_UNQUOTED,
  STATE_QUOTED,
  STATE_QUOTE_IN_QUOTED,
} State;

struct _PaCsvReader
{
  char *name;
  PaCsvReadFunc read_func;
  gpointer user_data;
  GInputStream *stream;
  GCancellable *cancellable;
  const char *data;           /* for pa_csv_reader_new_for_data */
  gsize data_length;
  gsize data_offset;

  char *buffer;
  gsize buffer_length;
  gsize buffer_pos;
  gboolean eof;
  guint64 bytes_read;

  GString *record;            /* the fields, each followed by a NUL */
  GArray *starts;             /* guint offset of each field in record */
  gsize max_record;
  guint line;                 /* line the next byte is on (1-based) */
  guint record_line;          /* first line of the current record */
  gboolean skip_lf;           /* a CR ended the last record: an LF right after belongs to it */

  GPtrArray *columns;         /* header names */
  GHashTable *column_index;   /* name → index + 1 */
};

G_DEFINE_QUARK (pa-csv-error-quark, pa_csv_error)

static gssize
read_stream (gpointer   user_data,
             void      *buffer,
             gsize      size,
             GError   **error)
{
  PaCsvReader *self = user_data;

  return g_input_stream_read (self->stream, buffer, size, self->cancellable, error);
}

static gssize
read_data (gpointer   user_data,
           void      *buffer,
           gsize      size,
           GError   **error)
{
  PaCsvReader *self = user_data;
  gsize n = MIN (size, self->data_length - self->data_offset);

  memcpy (buffer, self->data + self->data_offset, n);
  self->data_offset += n;
  return (gssize) n;
}

/**
 * pa_csv_reader_new:
 * @name: how error messages name the input (a file name)
 * @read_func: where the bytes come from
 *
 * Returns: (transfer full): a reader; call pa_csv_reader_read_header() first.
 */
PaCsvReader *
pa_csv_reader_new (const char    *name,
                   PaCsvReadFunc  read_func,
                   gpointer       user_data)
{
  PaCsvReader *self;

  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (read_func != NULL, NULL);

  self = g_new0 (PaCsvReader, 1);
  self->name = g_strdup (name);
  self->read_func = read_func;
  self->user_data = user_data;
  self->buffer = g_malloc (BUFFER_SIZE);
  self->record = g_string_sized_new (4096);
  self->starts = g_array_sized_new (FALSE, FALSE, sizeof (guint), 32);
  self->max_record = DEFAULT_MAX_RECORD;
  self->line = 1;
  self->columns = g_ptr_array_new_with_free_func (g_free);
  self->column_index = g_hash_table_new (g_str_hash, g_str_equal);
  return self;
}

PaCsvReader *
pa_csv_reader_new_for_stream (const char   *name,
                              GInputStream *stream)
{
  PaCsvReader *self;

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);

  self = pa_csv_reader_new (name, read_stream, NULL);
  self->user_data = self;
  self->stream = g_object_ref (stream);
  return self;
}

/* Reads from memory the caller keeps alive while the reader lives. */
PaCsvReader *
pa_csv_reader_new_for_data (const char *name,
                            const char *data,
                            gsize       length)
{
  PaCsvReader *self = pa_csv_reader_new (name, read_data, NULL);

  self->user_data = self;
  self->data = data;
  self->data_length = length;
  return self;
}

void
pa_csv_reader_free (PaCsvReader *self)
{
  if (self == NULL)
    return;
  g_clear_object (&self->stream);
  g_clear_object (&self->cancellable);
  g_hash_table_unref (self->column_index);
  g_ptr_array_unref (self->columns);
  g_array_unref (self->starts);
  g_string_free (self->record, TRUE);
  g_free (self->buffer);
  g_free (self->name);
  g_free (self);
}

void
pa_csv_reader_set_max_record_size (PaCsvReader *self,
                                   gsize        max_bytes)
{
  g_return_if_fail (self != NULL);
  self->max_record = max_bytes;
}

void
pa_csv_reader_set_cancellable (PaCsvReader  *self,
                               GCancellable *cancellable)
{
  g_return_if_fail (self != NULL);
  g_set_object (&self->cancellable, cancellable);
}

static gboolean
fill_buffer (PaCsvReader  *self,
             GError      **error)
{
  g_autoptr (GError) local_error = NULL;
  gssize n;

  if (self->eof)
    return TRUE;
  n = self->read_func (self->user_data, self->buffer, BUFFER_SIZE, &local_error);
  if (n < 0)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, PA_CSV_ERROR, PA_CSV_ERROR_IO,
                     _("Cannot read “%s”: %s"), self->name,
                     local_error ? local_error->message : _("unknown error"));
      return FALSE;
    }
  self->buffer_length = (gsize) n;
  self->buffer_pos = 0;
  self->bytes_read += (guint64) n;
  if (n == 0)
    self->eof = TRUE;
  return TRUE;
}

static gboolean
end_field (PaCsvReader  *self,
           guint        *field_start,
           GError      **error)
{
  if (self->starts->len >= MAX_FIELDS)
    {
      g_set_error (error, PA_CSV_ERROR, PA_CSV_ERROR_SYNTAX,
                   _("“%s”, line %u: the record has more than %u fields."),
                   self->name, self->record_line, MAX_FIELDS);
      return FALSE;
    }
  g_array_append_val (self->starts, *field_start);
  g_string_append_c (self->record, '\0');
  *field_start = (guint) self->record->len;
  return TRUE;
}

static const char *
column_label (PaCsvReader *self,
              guint        column)
{
  if (column < self->columns->len)
    return g_ptr_array_index (self->columns, column);
  return NULL;
}

/* Checks every field of the record for UTF-8, naming the line the bad byte is on. */
static gboolean
validate_record (PaCsvReader  *self,
                 GError      **error)
{
  for (guint i = 0; i < self->starts->len; i++)
    {
      guint start = g_array_index (self->starts, guint, i);
      guint end = i + 1 < self->starts->len ? g_array_index (self->starts, guint, i + 1) - 1
                                             : (guint) self->record->len - 1;
      const char *field = self->record->str + start;
      const char *bad = NULL;

      if (!g_utf8_validate_len (field, end - start, &bad))
        {
          guint line = self->record_line;
          const char *column = column_label (self, i);

          for (guint k = 0; k < i; k++)
            {
              guint s = g_array_index (self->starts, guint, k);
              guint e = g_array_index (self->starts, guint, k + 1) - 1;
              for (guint p = s; p < e; p++)
                line += self->record->str[p] == '\n';
            }
          for (const char *p = field; p < bad; p++)
            line += *p == '\n';

          if (*bad == '\0')
            g_set_error (error, PA_CSV_ERROR, PA_CSV_ERROR_ENCODING,
                         _("“%s”, line %u: a NUL byte in field %u%s%s%s; this is not a text file."),
                         self->name, line, i + 1, column ? " (" : "", column ? column : "",
                         column ? ")" : "");
          else
            g_set_error (error, PA_CSV_ERROR, PA_CSV_ERROR_ENCODING,
                         _("“%s”, line %u: field %u%s%s%s is not valid UTF-8 text."),
                         self->name, line, i + 1, column ? " (" : "", column ? column : "",
                         column ? ")" : "");
          return FALSE;
        }
    }
  return TRUE;
}

/* Reads one record into self->record / self->starts. Returns FALSE at the
 * end (error unset) or on an error. Blank lines are skipped. */
static gboolean
read_record (PaCsvReader  *self,
             GError      **error)
{
  State state = STATE_FIELD_START;
  guint field_start = 0;
  guint quote_line = 0;

  g_string_truncate (self->record, 0);
  g_array_set_size (self->starts, 0);
  self->record_line = self->line;

  for (;;)
    {
      const char *p;
      const char *end;

      if (self->buffer_pos >= self->buffer_length)
        {
          if (self->cancellable != NULL && g_cancellable_set_error_if_cancelled (self->cancellable, error))
            return FALSE;
          if (!fill_buffer (self, error))
            return FALSE;
          if (self->eof)
            break;
        }

      if (self->skip_lf)
        {
          self->skip_lf = FALSE;
          if (self->buffer_pos < self->buffer_length && self->buffer[self->buffer_pos] == '\n')
            {
              self->buffer_pos++;
              continue;
            }
        }

      p = self->buffer + self->buffer_pos;
      end = self->buffer + self->buffer_length;

      while (p < end)
        {
          char c = *p++;

          switch (state)
            {
            case STATE_FIELD_START:
              if (c == '"')
                {
                  state = STATE_QUOTED;
                  quote_line = self->line;
                  break;
                }
              if (c == ',')
                {
                  if (!end_field (self, &field_start, error))
                    return FALSE;
                  break;
                }
              if (c == '\n' || c == '\r')
                {
                  self->line++;
                  self->buffer_pos = (gsize) (p - self->buffer);
                  if (c == '\r')
                    self->skip_lf = TRUE;
                  if (self->starts->len == 0)
                    {
                      /* A blank line: not a record. */
                      self->record_line = self->line;
                      if (self->skip_lf)
                        goto next_chunk;
                      break;
                    }
                  return end_field (self, &field_start, error) && validate_record (self, error);
                }
              g_string_append_c (self->record, c);
              state = STATE_UNQUOTED;
              break;

            case STATE_UNQUOTED:
              if (c == ',')
                {
                  if (!end_field (self, &field_start, error))
                    return FALSE;
                  state = STATE_FIELD_START;
                  break;
                }
              if (c == '\n' || c == '\r')
                {
                  self->line++;
                  self->buffer_pos = (gsize) (p - self->buffer);
                  self->skip_lf = c == '\r';
                  return end_field (self, &field_start, error) && validate_record (self, error);
                }
              {
                /* Copy the run up to the next separator at once. A quote inside
                 * an unquoted field is kept as it is (lenient, as spreadsheets are). */
                const char *stop = p - 1;

                while (stop < end && *stop != ',' && *stop != '\n' && *stop != '\r')
                  stop++;
                g_string_append_len (self->record, p - 1, stop - (p - 1));
                p = stop;
              }
              break;

            case STATE_QUOTED:
              {
                /* Copy the run up to the next quote at once: big fields are mostly this. */
                const char *q = memchr (p - 1, '"', (gsize) (end - (p - 1)));
                const char *stop = q ? q : end;

                for (const char *n = p - 1; n < stop; n++)
                  self->line += *n == '\n';
                g_string_append_len (self->record, p - 1, stop - (p - 1));
                p = stop;
                if (q != NULL)
                  {
                    p = q + 1;
                    state = STATE_QUOTE_IN_QUOTED;
                  }
              }
              break;

            case STATE_QUOTE_IN_QUOTED:
              if (c == '"')
                {
                  g_string_append_c (self->record, '"');
                  state = STATE_QUOTED;
                  break;
                }
              if (c == ',')
                {
                  if (!end_field (self, &field_start, error))
                    return FALSE;
                  state = STATE_FIELD_START;
                  break;
                }
              if (c == '\n' || c == '\r')
                {
                  self->line++;
                  self->buffer_pos = (gsize) (p - self->buffer);
                  self->skip_lf = c == '\r';
                  return end_field (self, &field_start, error) && validate_record (self, error);
                }
              g_set_error (error, PA_CSV_ERROR, PA_CSV_ERROR_SYNTAX,
                           _("“%s”, line %u: unexpected text after the closing quote of a field."),
                           self->name, self->line);
              return FALSE;
            }

          if (self->record->len > self->max_record)
            {
              g_set_error (error, PA_CSV_ERROR, PA_CSV_ERROR_TOO_LARGE,
                           _("“%s”, line %u: the record is larger than %zu bytes."),
                           self->name, self->record_line, self->max_record);
              return FALSE;
            }
        }
      self->buffer_pos = self->buffer_length;
    next_chunk:
      ;
    }

  /* The end of the input. */
  switch (state)
    {
    case STATE_QUOTED:
      g_set_error (error, PA_CSV_ERROR, PA_CSV_ERROR_TRUNCATED,
                   _("“%s”, line %u: the file ends inside the quoted field that starts on this "
                     "line; it is truncated or damaged."),
                   self->name, quote_line);
      return FALSE;
    case STATE_FIELD_START:
      if (self->starts->len == 0)
        return FALSE;
      G_GNUC_FALLTHROUGH;
    case STATE_UNQUOTED:
    case STATE_QUOTE_IN_QUOTED:
    default:
      return end_field (self, &field_start, error) && validate_record (self, error);
    }
}

/**
 * pa_csv_reader_read_header:
 *
 * Reads the first record as the column names (trimmed). Fails with
 * %PA_CSV_ERROR_EMPTY on an empty input.
 */
gboolean
pa_csv_reader_read_header (PaCsvReader  *self,
                           GError      **error)
{
  g_autoptr (GError) local_error = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (self->columns->len == 0, FALSE);

  if (!read_record (self, &local_error))
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, PA_CSV_ERROR, PA_CSV_ERROR_EMPTY,
                     _("“%s” is empty: it has no header line."), self->name);
      return FALSE;
    }
  for (guint i = 0; i < self->starts->len; i++)
    {
      const char *raw = self->record->str + g_array_index (self->starts, guint, i);
      char *name;

      /* A byte order mark, as some spreadsheets write, is not part of the first name. */
      if (i == 0 && g_str_has_prefix (raw, "\xEF\xBB\xBF"))
        raw += 3;
      name = g_strstrip (g_strdup (raw));
      g_ptr_array_add (self->columns, name);
      if (!g_hash_table_contains (self->column_index, name))
        g_hash_table_insert (self->column_index, name, GUINT_TO_POINTER (i + 1));
    }
  return TRUE;
}

/* The index of the column named @name in the header, or -1. */
int
pa_csv_reader_get_column (PaCsvReader *self,
                          const char  *name)
{
  g_return_val_if_fail (self != NULL, -1);
  return (int) GPOINTER_TO_UINT (g_hash_table_lookup (self->column_index, name)) - 1;
}

guint
pa_csv_reader_get_n_columns (PaCsvReader *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->columns->len;
}

const char *
pa_csv_reader_get_column_name (PaCsvReader *self,
                               guint        column)
{
  g_return_val_if_fail (self != NULL, NULL);
  return column_label (self, column);
}

/**
 * pa_csv_reader_require_columns:
 * @names: %NULL-terminated column names that must be in the header
 *
 * Fails with %PA_CSV_ERROR_MISSING_COLUMN naming the file and the first
 * missing column.
 */
gboolean
pa_csv_reader_require_columns (PaCsvReader        *self,
                               const char * const *names,
                               GError            **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  for (gsize i = 0; names[i] != NULL; i++)
    if (pa_csv_reader_get_column (self, names[i]) < 0)
      {
        g_set_error (error, PA_CSV_ERROR, PA_CSV_ERROR_MISSING_COLUMN,
                     _("“%s”, line 1: the column “%s” is missing from the header."),
                     self->name, names[i]);
        return FALSE;
      }
  return TRUE;
}

/**
 * pa_csv_reader_next:
 *
 * Reads the next record. Returns %TRUE when there is one; %FALSE at the
 * end of the input (with @error unset) or on an error. A record with fewer
 * fields than the header reads as if the missing trailing fields were
 * empty; one with more fields is an error.
 */
gboolean
pa_csv_reader_next (PaCsvReader  *self,
                    GError      **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (!read_record (self, error))
    return FALSE;
  if (self->columns->len > 0 && self->starts->len > self->columns->len)
    {
      g_set_error (error, PA_CSV_ERROR, PA_CSV_ERROR_SYNTAX,
                   _("“%s”, line %u: the record has %u fields but the header names %u columns."),
                   self->name, self->record_line, self->starts->len, self->columns->len);
      return FALSE;
    }
  return TRUE;
}

guint
pa_csv_reader_get_n_fields (PaCsvReader *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->starts->len;
}

/* The field in @column of the current record: "" for a missing trailing field or column -1. */
const char *
pa_csv_reader_get_field (PaCsvReader *self,
                         int          column)
{
  g_return_val_if_fail (self != NULL, "");

  if (column < 0 || (guint) column >= self->starts->len)
    return "";
  return self->record->str + g_array_index (self->starts, guint, column);
}

gsize
pa_csv_reader_get_field_length (PaCsvReader *self,
                                int          column)
{
  guint start;
  guint end;

  g_return_val_if_fail (self != NULL, 0);

  if (column < 0 || (guint) column >= self->starts->len)
    return 0;
  start = g_array_index (self->starts, guint, column);
  end = (guint) column + 1 < self->starts->len ? g_array_index (self->starts, guint, column + 1) - 1
                                               : (guint) self->record->len - 1;
  return end - start;
}

/* The line the current record starts on (1-based). */
guint
pa_csv_reader_get_line (PaCsvReader *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->record_line;
}

const char *
pa_csv_reader_get_name (PaCsvReader *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->name;
}

guint64
pa_csv_reader_get_bytes_read (PaCsvReader *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->bytes_read - (self->buffer_length - self->buffer_pos);
}
