/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pa-store.h"

G_BEGIN_DECLS

/* A description of one table of records (a struct of pa-records.h) from which
 * the store validates, inserts, updates, deletes and reads them, so every
 * record type follows the same rules: one transaction, the case touched,
 * an audit row, the search index kept current, listeners told. Private to
 * the store. */

typedef enum
{
  PA_COL_TEXT,          /* char *; NOT NULL, '' when NULL */
  PA_COL_OPT_TEXT,      /* char *; NULL when empty */
  PA_COL_ENUM,          /* char *; a code of the fixed list named by .list */
  PA_COL_DATE,          /* char *; YYYY-MM-DD */
  PA_COL_PARTIAL_DATE,  /* char *; YYYY, YYYY-MM or YYYY-MM-DD */
  PA_COL_COUNTRY,       /* char *; ISO 3166-1 alpha-2, stored upper-case */
  PA_COL_LANGUAGE,      /* char *; ISO 639 code, stored lower-case */
  PA_COL_URI,           /* char *; an absolute URI */
  PA_COL_DIGITS,        /* char *; 2 to 4 digits (ISCED-F) */
  PA_COL_INT,           /* int; .unset is stored as NULL, else .min….max */
  PA_COL_BOOL,          /* gboolean */
  PA_COL_REF,           /* gint64; 0 is stored as NULL */
  PA_COL_ACTOR,         /* gint64; the store's actor, set on insert only */
  PA_COL_CREATED,       /* char *; the time of insertion, set on insert only */
} PaColKind;

#define PA_COL_REQUIRED (1u << 0)

typedef struct
{
  const char *name;
  PaColKind kind;
  gsize offset;
  guint flags;
  const char *label;    /* N_(): names the field in error messages */
  const char *list;     /* PA_COL_ENUM */
  int min, max, unset;  /* PA_COL_INT */
  guint max_chars;      /* text; 0 for the default */
} PaColumn;

typedef struct _PaTable PaTable;

struct _PaTable
{
  const char *table;
  const char *object;   /* in audit rows: "<object>.add", ".update", ".delete" */
  const char *not_found; /* N_(), with %s for the number */
  const char *parent;   /* "case_id", "seminar_id", or NULL */
  gsize parent_offset;
  const PaColumn *columns;
  guint n_columns;
  const char *order_by;
  gboolean reindex;     /* the case's search row covers this table */
  gpointer (*new_record) (void);
  GDestroyNotify free_record;
  /* Rules across fields or rows, checked inside the transaction. */
  gboolean (*check) (PaStore *store, gconstpointer record, GError **error);
  /* Tells listeners of cases affected by a change to a row whose parent (or,
   * for a table without parent, whose own id) is @id. */
  void (*changed) (PaStore *store, gint64 id);
};

#define PA_RECORD_ID(record) (*(gint64 *) (record))

gboolean   pa_table_validate  (const PaTable  *table,
                               gpointer        record,
                               GError        **error);
gboolean   pa_table_insert    (PaStore        *store,
                               const PaTable  *table,
                               gpointer        record,
                               GError        **error);
gboolean   pa_table_update    (PaStore        *store,
                               const PaTable  *table,
                               gpointer        record,
                               GError        **error);
/* Runs inside pa_table_restore()'s transaction, once the row is back. */
typedef gboolean (*PaTableRestoreHook) (PaStore   *store,
                                        gpointer   record,
                                        gpointer   data,
                                        GError   **error);

gboolean   pa_table_restore   (PaStore            *store,
                               const PaTable      *table,
                               gpointer            record,
                               PaTableRestoreHook  hook,
                               gpointer            hook_data,
                               GError            **error);
gboolean   pa_table_delete    (PaStore        *store,
                               const PaTable  *table,
                               gint64          id,
                               GError        **error);
gpointer   pa_table_get       (PaStore        *store,
                               const PaTable  *table,
                               gint64          id,
                               GError        **error);
GPtrArray *pa_table_list      (PaStore        *store,
                               const PaTable  *table,
                               gint64          parent_id,
                               GError        **error);
GPtrArray *pa_table_select    (PaStore        *store,
                               const PaTable  *table,
                               const char     *where,
                               gint64          value,
                               GError        **error);

/* Shared checks. */
gboolean   pa_check_text      (const char     *label,
                               const char     *value,
                               gboolean        required,
                               guint           max_chars,
                               GError        **error);
gboolean   pa_check_value     (const char     *label,
                               const char     *list,
                               const char     *value,
                               GError        **error);
gboolean   pa_check_date      (const char     *label,
                               const char     *value,
                               gboolean        partial,
                               GError        **error);
gboolean   pa_check_uri       (const char     *label,
                               const char     *value,
                               GError        **error);
gboolean   pa_check_date_order (const char    *start_label,
                                const char    *start,
                                const char    *end_label,
                                const char    *end,
                                GError       **error);
gboolean   pa_touch_case      (PaStore        *store,
                               gint64          case_id,
                               GError        **error);
char      *pa_id_text         (gint64          id);
gint64     pa_owner_case      (PaStore        *store,
                               const char     *table,
                               gint64          id,
                               GError        **error);
gboolean   pa_finish_change   (PaStore        *store,
                               const char     *action,
                               gint64          case_id,
                               const char     *object,
                               gint64          id,
                               GError        **error);

/* Undoing a removal (pa-store-records.c). */
gboolean   pa_relink_claims   (PaStore        *store,
                               const char     *link_table,
                               const char     *column,
                               gint64          id,
                               gint64          case_id,
                               GArray         *claim_ids,
                               GError        **error);
GArray    *pa_evidence_linked_claims (PaStore  *store,
                                      gint64    id,
                                      GError  **error);
void       pa_restore_error_case_gone (GError     **error,
                                       const char  *title);

G_END_DECLS
