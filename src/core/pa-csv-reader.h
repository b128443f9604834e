/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define PA_CSV_ERROR (pa_csv_error_quark ())

typedef enum
{
  PA_CSV_ERROR_IO,              /* reading the bytes failed */
  PA_CSV_ERROR_SYNTAX,          /* e.g. text after a closing quote, too many fields */
  PA_CSV_ERROR_ENCODING,        /* not UTF-8, or a NUL byte */
  PA_CSV_ERROR_TRUNCATED,       /* the file ends inside a quoted field */
  PA_CSV_ERROR_TOO_LARGE,       /* a record over the size limit */
  PA_CSV_ERROR_MISSING_COLUMN,  /* the header lacks a required column */
  PA_CSV_ERROR_EMPTY,           /* no header line */
} PaCsvError;

/* Reads up to @size bytes into @buffer; returns the count, 0 at the end, -1 with @error set. */
typedef gssize (*PaCsvReadFunc) (gpointer   user_data,
                                 void      *buffer,
                                 gsize      size,
                                 GError   **error);

typedef struct _PaCsvReader PaCsvReader;

GQuark        pa_csv_error_quark              (void);

PaCsvReader  *pa_csv_reader_new               (const char     *name,
                                               PaCsvReadFunc   read_func,
                                               gpointer        user_data);
PaCsvReader  *pa_csv_reader_new_for_stream    (const char     *name,
                                               GInputStream   *stream);
PaCsvReader  *pa_csv_reader_new_for_data      (const char     *name,
                                               const char     *data,
                                               gsize           length);
void          pa_csv_reader_free              (PaCsvReader    *self);

void          pa_csv_reader_set_max_record_size (PaCsvReader  *self,
                                                 gsize         max_bytes);
void          pa_csv_reader_set_cancellable   (PaCsvReader    *self,
                                               GCancellable   *cancellable);

gboolean      pa_csv_reader_read_header       (PaCsvReader    *self,
                                               GError        **error);
int           pa_csv_reader_get_column        (PaCsvReader    *self,
                                               const char     *name);
guint         pa_csv_reader_get_n_columns     (PaCsvReader    *self);
const char   *pa_csv_reader_get_column_name   (PaCsvReader    *self,
                                               guint           column);
gboolean      pa_csv_reader_require_columns   (PaCsvReader        *self,
                                               const char * const *names,
                                               GError            **error);

gboolean      pa_csv_reader_next              (PaCsvReader    *self,
                                               GError        **error);
guint         pa_csv_reader_get_n_fields      (PaCsvReader    *self);
const char   *pa_csv_reader_get_field         (PaCsvReader    *self,
                                               int             column);
gsize         pa_csv_reader_get_field_length  (PaCsvReader    *self,
                                               int             column);
guint         pa_csv_reader_get_line          (PaCsvReader    *self);
const char   *pa_csv_reader_get_name          (PaCsvReader    *self);
guint64       pa_csv_reader_get_bytes_read    (PaCsvReader    *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PaCsvReader, pa_csv_reader_free)

G_END_DECLS
