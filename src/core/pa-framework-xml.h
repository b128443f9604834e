/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define PA_FRAMEWORK_ERROR (pa_framework_error_quark ())

typedef enum
{
  PA_FRAMEWORK_ERROR_READ,          /* the file cannot be read */
  PA_FRAMEWORK_ERROR_TOO_LARGE,     /* over a size, text, element or attribute limit */
  PA_FRAMEWORK_ERROR_MALFORMED,     /* not well-formed XML (bad UTF-8, truncated, …) */
  PA_FRAMEWORK_ERROR_REFUSED,       /* a DOCTYPE or entity declaration */
  PA_FRAMEWORK_ERROR_NOT_FRAMEWORK, /* well-formed, but its root is not a framework */
  PA_FRAMEWORK_ERROR_INVALID,       /* against the schema or its rules */
  PA_FRAMEWORK_ERROR_NOT_FOUND,     /* no built-in framework of that id */
} PaFrameworkError;

/* Limits of the loader, chosen far above the largest built-in file (ISCO-08,
 * well under 1 MB) and far below what would exhaust memory. */
#define PA_FRAMEWORK_MAX_FILE_BYTES (32 * 1024 * 1024)
#define PA_FRAMEWORK_MAX_TEXT_BYTES (64 * 1024)
#define PA_FRAMEWORK_MAX_ELEMENTS 200000
#define PA_FRAMEWORK_MAX_ATTRIBUTES 64
#define PA_FRAMEWORK_MAX_LEVELS 100    /* levels and level groups */
#define PA_FRAMEWORK_MAX_LANGS 256     /* languages of one text */

typedef struct _PaFrameworkDoc PaFrameworkDoc;
typedef struct _PaFrameworkItem PaFrameworkItem;
typedef struct _PaFrameworkLevel PaFrameworkLevel;
typedef struct _PaFrameworkText PaFrameworkText;

/* Called for each item, parents before children, in file order. Return
 * FALSE to stop. */
typedef gboolean (*PaFrameworkItemFunc) (const PaFrameworkItem *item,
                                         gpointer               user_data);
/* Called for each language of a text. */
typedef void (*PaFrameworkTextFunc) (const char *lang,
                                     const char *value,
                                     gpointer    user_data);

#define PA_TYPE_FRAMEWORK_DOC (pa_framework_doc_get_type ())

GType                   pa_framework_doc_get_type            (void) G_GNUC_CONST;
GQuark                  pa_framework_error_quark             (void);

const char * const     *pa_framework_builtin_ids             (void);
char                   *pa_framework_builtin_resource_path   (const char             *id);

PaFrameworkDoc         *pa_framework_doc_load_builtin        (const char             *id,
                                                              GError                **error);
PaFrameworkDoc         *pa_framework_doc_load_file           (GFile                  *file,
                                                              GError                **error);
PaFrameworkDoc         *pa_framework_doc_load_bytes          (GBytes                 *bytes,
                                                              const char             *name,
                                                              GError                **error);
PaFrameworkDoc         *pa_framework_doc_load_stream         (GInputStream           *stream,
                                                              const char             *name,
                                                              GError                **error);

PaFrameworkDoc         *pa_framework_doc_ref                 (PaFrameworkDoc         *doc);
void                    pa_framework_doc_unref               (PaFrameworkDoc         *doc);

const char             *pa_framework_doc_get_name            (const PaFrameworkDoc   *doc);
const char             *pa_framework_doc_get_id              (const PaFrameworkDoc   *doc);
const char             *pa_framework_doc_get_version         (const PaFrameworkDoc   *doc);
const char             *pa_framework_doc_get_source          (const PaFrameworkDoc   *doc);
const char             *pa_framework_doc_get_url             (const PaFrameworkDoc   *doc);
const PaFrameworkText  *pa_framework_doc_get_label           (const PaFrameworkDoc   *doc);
const PaFrameworkText  *pa_framework_doc_get_description     (const PaFrameworkDoc   *doc);

guint                   pa_framework_doc_get_n_levels        (const PaFrameworkDoc   *doc);
const PaFrameworkLevel *pa_framework_doc_get_level           (const PaFrameworkDoc   *doc,
                                                              guint                   index);
guint                   pa_framework_doc_get_n_level_groups  (const PaFrameworkDoc   *doc);
const PaFrameworkLevel *pa_framework_doc_get_level_group     (const PaFrameworkDoc   *doc,
                                                              guint                   index);
const PaFrameworkLevel *pa_framework_doc_lookup_level        (const PaFrameworkDoc   *doc,
                                                              const char             *code);

guint                   pa_framework_doc_get_n_items         (const PaFrameworkDoc   *doc);
guint                   pa_framework_doc_get_n_top_items     (const PaFrameworkDoc   *doc);
const PaFrameworkItem  *pa_framework_doc_get_top_item        (const PaFrameworkDoc   *doc,
                                                              guint                   index);
const PaFrameworkItem  *pa_framework_doc_lookup_item         (const PaFrameworkDoc   *doc,
                                                              const char             *code);
gboolean                pa_framework_doc_foreach_item        (const PaFrameworkDoc   *doc,
                                                              PaFrameworkItemFunc     func,
                                                              gpointer                user_data);

const char             *pa_framework_level_get_code          (const PaFrameworkLevel *level);
guint                   pa_framework_level_get_index         (const PaFrameworkLevel *level);
const PaFrameworkLevel *pa_framework_level_get_group         (const PaFrameworkLevel *level);
const PaFrameworkText  *pa_framework_level_get_label         (const PaFrameworkLevel *level);
const PaFrameworkText  *pa_framework_level_get_description   (const PaFrameworkLevel *level);

const char             *pa_framework_item_get_code           (const PaFrameworkItem  *item);
const char             *pa_framework_item_get_kind           (const PaFrameworkItem  *item);
const char             *pa_framework_item_get_esco_uri       (const PaFrameworkItem  *item);
guint                   pa_framework_item_get_line           (const PaFrameworkItem  *item);
guint                   pa_framework_item_get_depth          (const PaFrameworkItem  *item);
const PaFrameworkItem  *pa_framework_item_get_parent         (const PaFrameworkItem  *item);
guint                   pa_framework_item_get_n_children     (const PaFrameworkItem  *item);
const PaFrameworkItem  *pa_framework_item_get_child          (const PaFrameworkItem  *item,
                                                              guint                   index);
const PaFrameworkText  *pa_framework_item_get_label          (const PaFrameworkItem  *item);
const PaFrameworkText  *pa_framework_item_get_description    (const PaFrameworkItem  *item);
guint                   pa_framework_item_get_n_descriptors  (const PaFrameworkItem  *item);
const PaFrameworkText  *pa_framework_item_get_descriptor     (const PaFrameworkItem  *item,
                                                              const char             *level_code);

guint                   pa_framework_text_get_n_langs        (const PaFrameworkText  *text);
const char             *pa_framework_text_get_exact          (const PaFrameworkText  *text,
                                                              const char             *lang);
const char             *pa_framework_text_lookup             (const PaFrameworkText  *text,
                                                              const char             *lang);
const char             *pa_framework_text_lookup_chain       (const PaFrameworkText  *text,
                                                              const char * const     *langs);
void                    pa_framework_text_foreach            (const PaFrameworkText  *text,
                                                              PaFrameworkTextFunc     func,
                                                              gpointer                user_data);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PaFrameworkDoc, pa_framework_doc_unref)

G_END_DECLS
