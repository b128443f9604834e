/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "pa-store.h"

G_BEGIN_DECLS

#define PA_ESCO_ERROR (pa_esco_error_quark ())

typedef enum
{
  PA_ESCO_ERROR_LAYOUT,      /* no ESCO CSV file in the folder or archive, or two copies of one */
  PA_ESCO_ERROR_ARCHIVE,     /* the ZIP cannot be read */
  PA_ESCO_ERROR_NO_RELEASE,  /* a language pack, but no release imported yet */
  PA_ESCO_ERROR_INVALID,     /* a record the importer refuses (e.g. no URI) */
} PaEscoError;

/*
 * A release brings the concepts: it must hold occupations_XX.csv,
 * skills_XX.csv and the occupation–skill relations. Importing it creates
 * and updates concepts, their labels in the release's languages,
 * relations, the skill hierarchy and collections. Concepts of an earlier
 * release that it lacks are removed, unless a claim, an experience or a
 * goal names them: those stay, marked obsolete.
 *
 * A language pack only brings labels and descriptions in its languages,
 * for concepts the store already has, matched by URI; rows with unknown
 * URIs are counted as unmatched and skipped. It may come from another
 * release than the one imported (ESCO URIs are stable).
 *
 * AUTO treats the source as a release when it has all three files, else
 * as a language pack.
 */
typedef enum
{
  PA_ESCO_IMPORT_AUTO,
  PA_ESCO_IMPORT_RELEASE,
  PA_ESCO_IMPORT_LANGUAGE_PACK,
} PaEscoImportMode;

typedef struct
{
  PaEscoImportMode mode;
  const char * const *languages;  /* only files of these languages; NULL for all */
  const char *version;            /* the release, when the path does not tell it */
} PaEscoImportOptions;

typedef struct
{
  char *name;         /* file name inside the folder or archive */
  char *lang;         /* NULL for language-independent relation files */
  guint rows;
  guint matched;      /* rows whose URIs name concepts of the store */
  guint unmatched;    /* rows skipped: unknown URIs (language packs, dangling references) */
  gboolean ignored;   /* a file this mode does not read */
} PaEscoFileReport;

typedef struct
{
  PaEscoImportMode mode;  /* RELEASE or LANGUAGE_PACK: what was done */
  char *version;          /* release named by the path or options, or "" */
  char **languages;       /* languages whose labels were read */
  guint concepts_added;
  guint concepts_updated;
  guint concepts_obsoleted;
  guint concepts_removed;
  guint labels;
  guint relations;
  guint rows_matched;
  guint rows_unmatched;
  GPtrArray *files;       /* of PaEscoFileReport */
} PaEscoImportReport;

/* Called with the fraction done (0–1) and the file being read. */
typedef void (*PaEscoProgressFunc) (double      fraction,
                                    const char *file,
                                    gpointer    user_data);

GQuark               pa_esco_error_quark        (void);

PaEscoImportReport  *pa_esco_import             (PaStore                    *store,
                                                 const char                 *path,
                                                 const PaEscoImportOptions  *options,
                                                 PaEscoProgressFunc          progress,
                                                 gpointer                    progress_data,
                                                 GCancellable               *cancellable,
                                                 GError                    **error);
void                 pa_esco_import_async       (PaStore                    *store,
                                                 const char                 *path,
                                                 const PaEscoImportOptions  *options,
                                                 PaEscoProgressFunc          progress,
                                                 gpointer                    progress_data,
                                                 GDestroyNotify              progress_destroy,
                                                 GCancellable               *cancellable,
                                                 GAsyncReadyCallback         callback,
                                                 gpointer                    user_data);
PaEscoImportReport  *pa_esco_import_finish      (PaStore                    *store,
                                                 GAsyncResult               *result,
                                                 GError                    **error);

void                 pa_esco_import_report_free (PaEscoImportReport         *report);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PaEscoImportReport, pa_esco_import_report_free)

G_END_DECLS
