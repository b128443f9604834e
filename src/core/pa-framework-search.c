/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pa-framework-search"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pa-builtin-frameworks.h"
#include "pa-fold.h"
#include "pa-framework-search.h"
#include "pa-frameworks.h"

/* Type-ahead over every label of every framework concept, in every
 * language the store holds.
 *
 * A plain FTS5 table ranks with bm25 at query time and has to score every
 * row a short prefix matches; that is too slow for type-ahead on 300,000
 * labels. Instead the labels are loaded once into memory (and again when
 * an import changes them): for each kind of concept, a sorted array of the
 * distinct folded words, and for each word its postings, stored so that the
 * words sharing a prefix have their postings side by side. A query prefix
 * is two binary searches; its postings are one contiguous run of 64-bit
 * integers that already carry everything the ranking needs (label kind,
 * language, whether the word starts the label, the label's length, the
 * concept), so ranking touches no other memory. */

#define MAX_TOKENS 8
#define MAX_LANGS 63
#define LANG_NONE 63          /* codes have no language */
#define N_KINDS 6

enum
{
  LABEL_PREFERRED,
  LABEL_ALTERNATIVE,
  LABEL_HIDDEN,
  LABEL_CODE,
};

static const char * const label_kind_names[] = { "preferred", "alternative", "hidden", "code" };
static const char * const concept_kind_names[] = { "occupation", "skill", "knowledge", "skill_group",
                                                   "isco_group", NULL };

/* A posting: bits 0-23 label, 24-43 concept, 44-49 language, 50-51 label
 * kind, 52 not the label's first word, 53-60 folded label length (capped). */
#define P_LABEL(p)    ((guint32) ((p) & 0xffffff))
#define P_CONCEPT(p)  ((guint32) (((p) >> 24) & 0xfffff))
#define P_LANG(p)     ((guint) (((p) >> 44) & 0x3f))
#define P_KIND(p)     ((guint) (((p) >> 50) & 0x3))
#define P_NOTFIRST(p) ((guint) (((p) >> 52) & 0x1))
#define P_LENGTH(p)   ((guint) (((p) >> 53) & 0xff))
#define MAX_LABELS    0xffffff
#define MAX_CONCEPTS  0xfffff

typedef struct
{
  guint32 concept;
  guint32 text;      /* offsets into pool */
  guint32 folded;
  guint16 folded_length;
  guint8 lang;
  guint8 kind;
} Label;

typedef struct
{
  guint32 uri;
  guint32 code;      /* G_MAXUINT32 when none */
  guint32 isco;
  guint8 kind;       /* index into concept_kind_names, 5 for other kinds */
  char *kind_name;
} Concept;

typedef struct
{
  char **words;      /* sorted (strcmp) */
  guint32 n_words;
  guint32 *starts;   /* n_words + 1: postings of words[i] are postings[starts[i]..starts[i+1]) */
  guint64 *postings;
} KindIndex;

struct _PaFrameworkSearch
{
  GObject parent_instance;

  PaStore *store;
  gint64 generation;
  gboolean loaded;

  GString *pool;
  GStringChunk *word_chunk;
  GPtrArray *langs;          /* char *, index = language id */
  GArray *concepts;          /* Concept */
  GArray *labels;            /* Label */
  guint32 *preferred;        /* n_concepts × n_langs: label index + 1, or 0 */
  guint n_langs;
  KindIndex kinds[N_KINDS];

  /* Scratch for one query. */
  guint32 query_id;
  guint32 *stamp;
  guint64 *best;
  guint32 *touched;
  guint32 label_query;
  guint32 *label_stamp;      /* per label: the pass that last marked it */
  guint8 *label_count;       /* per label: how many of the other words it has */
};

G_DEFINE_FINAL_TYPE (PaFrameworkSearch, pa_framework_search, G_TYPE_OBJECT)

void
pa_concept_hit_free (PaConceptHit *hit)
{
  if (hit == NULL)
    return;
  g_free (hit->uri);
  g_free (hit->kind);
  g_free (hit->code);
  g_free (hit->isco_code);
  g_free (hit->label);
  g_free (hit->label_lang);
  g_free (hit->matched_label);
  g_free (hit->matched_lang);
  g_free (hit);
}

static void
clear_index (PaFrameworkSearch *self)
{
  for (guint k = 0; k < N_KINDS; k++)
    {
      g_clear_pointer (&self->kinds[k].words, g_free);
      g_clear_pointer (&self->kinds[k].starts, g_free);
      g_clear_pointer (&self->kinds[k].postings, g_free);
      self->kinds[k].n_words = 0;
    }
  if (self->concepts != NULL)
    for (guint i = 0; i < self->concepts->len; i++)
      g_free (g_array_index (self->concepts, Concept, i).kind_name);
  g_clear_pointer (&self->concepts, g_array_unref);
  g_clear_pointer (&self->labels, g_array_unref);
  g_clear_pointer (&self->langs, g_ptr_array_unref);
  g_clear_pointer (&self->preferred, g_free);
  g_clear_pointer (&self->stamp, g_free);
  g_clear_pointer (&self->best, g_free);
  g_clear_pointer (&self->touched, g_free);
  g_clear_pointer (&self->label_stamp, g_free);
  g_clear_pointer (&self->label_count, g_free);
  g_clear_pointer (&self->word_chunk, g_string_chunk_free);
  if (self->pool != NULL)
    g_string_free (self->pool, TRUE);
  self->pool = NULL;
  self->loaded = FALSE;
}

static guint32
pool_add (PaFrameworkSearch *self,
          const char        *text)
{
  guint32 offset = (guint32) self->pool->len;

  g_string_append_len (self->pool, text, (gssize) strlen (text) + 1);
  return offset;
}

static const char *
pool_get (PaFrameworkSearch *self,
          guint32            offset)
{
  return offset == G_MAXUINT32 ? NULL : self->pool->str + offset;
}

static guint
concept_kind_index (const char *kind)
{
  for (guint i = 0; concept_kind_names[i] != NULL; i++)
    if (g_str_equal (kind, concept_kind_names[i]))
      return i;
  return N_KINDS - 1;
}

static guint
lang_index (PaFrameworkSearch *self,
            GHashTable        *lang_ids,
            const char        *lang)
{
  gpointer value;

  if (g_hash_table_lookup_extended (lang_ids, lang, NULL, &value))
    return GPOINTER_TO_UINT (value);
  if (self->langs->len >= MAX_LANGS)
    return LANG_NONE;
  g_ptr_array_add (self->langs, g_strdup (lang));
  g_hash_table_insert (lang_ids, g_ptr_array_index (self->langs, self->langs->len - 1),
                       GUINT_TO_POINTER (self->langs->len - 1));
  return self->langs->len - 1;
}

static void
add_label (PaFrameworkSearch *self,
           guint32            concept,
           guint              lang,
           guint              kind,
           const char        *text,
           const char        *folded)
{
  Label label = { 0 };

  if (self->labels->len >= MAX_LABELS || *folded == '\0')
    return;
  label.concept = concept;
  label.text = pool_add (self, text);
  label.folded = g_str_equal (text, folded) ? label.text : pool_add (self, folded);
  label.folded_length = (guint16) MIN (strlen (folded), G_MAXUINT16);
  label.lang = (guint8) lang;
  label.kind = (guint8) kind;
  g_array_append_val (self->labels, label);
}

typedef struct
{
  guint32 word;
  guint64 posting;
} Pending;

static int
compare_word_ids (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  char **words = user_data;
  return strcmp (words[*(const guint32 *) a], words[*(const guint32 *) b]);
}

static void
build_kind (PaFrameworkSearch *self,
            guint              kind)
{
  KindIndex *index = &self->kinds[kind];
  g_autoptr (GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GPtrArray) words = g_ptr_array_new ();
  g_autoptr (GArray) pending = g_array_new (FALSE, FALSE, sizeof (Pending));
  g_autofree guint32 *order = NULL;
  g_autofree guint32 *rank = NULL;

  for (guint32 i = 0; i < self->labels->len; i++)
    {
      const Label *label = &g_array_index (self->labels, Label, i);
      const Concept *concept = &g_array_index (self->concepts, Concept, label->concept);
      const char *cursor = self->pool->str + label->folded;
      const char *word;
      gsize length;
      gboolean first = TRUE;

      if (concept->kind != kind)
        continue;
      while (pa_fold_next_word (&cursor, &word, &length))
        {
          char key[256];
          gpointer value;
          guint32 id;
          Pending p;

          length = MIN (length, sizeof key - 1);
          memcpy (key, word, length);
          key[length] = '\0';
          if (g_hash_table_lookup_extended (ids, key, NULL, &value))
            id = GPOINTER_TO_UINT (value);
          else
            {
              char *stored = g_string_chunk_insert_len (self->word_chunk, key, (gssize) length);
              id = words->len;
              g_ptr_array_add (words, stored);
              g_hash_table_insert (ids, stored, GUINT_TO_POINTER (id));
            }
          p.word = id;
          p.posting = (guint64) i |
                      ((guint64) label->concept << 24) |
                      ((guint64) label->lang << 44) |
                      ((guint64) label->kind << 50) |
                      ((guint64) (first ? 0 : 1) << 52) |
                      ((guint64) MIN (label->folded_length, 255) << 53);
          g_array_append_val (pending, p);
          first = FALSE;
        }
    }

  index->n_words = words->len;
  index->words = g_new (char *, words->len + 1);
  index->starts = g_new0 (guint32, words->len + 1);
  index->postings = g_new (guint64, MAX (pending->len, 1));
  order = g_new (guint32, words->len + 1);
  rank = g_new (guint32, words->len + 1);
  for (guint32 i = 0; i < words->len; i++)
    order[i] = i;
  g_qsort_with_data (order, (gint) words->len, sizeof (guint32), compare_word_ids, words->pdata);
  for (guint32 i = 0; i < words->len; i++)
    {
      rank[order[i]] = i;
      index->words[i] = g_ptr_array_index (words, order[i]);
    }
  index->words[words->len] = NULL;

  /* Counting sort of the postings by word rank. */
  for (guint i = 0; i < pending->len; i++)
    index->starts[rank[g_array_index (pending, Pending, i).word] + 1]++;
  for (guint32 i = 0; i < words->len; i++)
    index->starts[i + 1] += index->starts[i];
  {
    g_autofree guint32 *fill = g_memdup2 (index->starts, sizeof (guint32) * (words->len + 1));
    for (guint i = 0; i < pending->len; i++)
      {
        const Pending *p = &g_array_index (pending, Pending, i);
        index->postings[fill[rank[p->word]]++] = p->posting;
      }
  }
}

static gboolean
load_index (PaFrameworkSearch  *self,
            GError            **error)
{
  g_autoptr (sqlite3_stmt) concepts = NULL;
  g_autoptr (sqlite3_stmt) labels = NULL;
  g_autoptr (GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr (GHashTable) lang_ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint n;
  int rc;

  clear_index (self);
  self->generation = pa_frameworks_get_generation (self->store);
  self->pool = g_string_sized_new (1024 * 1024);
  self->word_chunk = g_string_chunk_new (256 * 1024);
  self->langs = g_ptr_array_new_with_free_func (g_free);
  self->concepts = g_array_new (FALSE, FALSE, sizeof (Concept));
  self->labels = g_array_new (FALSE, FALSE, sizeof (Label));

  concepts = pa_store_prepare (self->store,
                               "SELECT id, uri, kind, code, isco_code FROM concept "
                               "WHERE status = 'released' ORDER BY uri", error);
  if (concepts == NULL)
    return FALSE;
  while ((rc = sqlite3_step (concepts)) == SQLITE_ROW && self->concepts->len < MAX_CONCEPTS)
    {
      Concept c = { 0 };
      const char *code = (const char *) sqlite3_column_text (concepts, 3);
      const char *isco = (const char *) sqlite3_column_text (concepts, 4);
      gint64 id = sqlite3_column_int64 (concepts, 0);

      c.uri = pool_add (self, (const char *) sqlite3_column_text (concepts, 1));
      c.kind_name = g_strdup ((const char *) sqlite3_column_text (concepts, 2));
      c.kind = (guint8) concept_kind_index (c.kind_name);
      c.code = code && *code ? pool_add (self, code) : G_MAXUINT32;
      c.isco = isco && *isco ? pool_add (self, isco) : G_MAXUINT32;
      g_array_append_val (self->concepts, c);
      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return pa_store_set_error (self->store, rc, error);
  for (guint i = 0; i < ids->len; i++)
    g_hash_table_insert (by_id, &g_array_index (ids, gint64, i), GUINT_TO_POINTER (i + 1));

  labels = pa_store_prepare (self->store, "SELECT concept_id, lang, kind, text, folded FROM concept_label", error);
  if (labels == NULL)
    return FALSE;
  while ((rc = sqlite3_step (labels)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (labels, 0);
      guint idx = GPOINTER_TO_UINT (g_hash_table_lookup (by_id, &id));
      const char *kind = (const char *) sqlite3_column_text (labels, 2);
      guint k;

      if (idx == 0)
        continue;   /* an obsolete concept: not offered any more */
      k = g_str_equal (kind, "preferred") ? LABEL_PREFERRED
          : g_str_equal (kind, "alternative") ? LABEL_ALTERNATIVE : LABEL_HIDDEN;
      add_label (self, idx - 1, lang_index (self, lang_ids, (const char *) sqlite3_column_text (labels, 1)), k,
                 (const char *) sqlite3_column_text (labels, 3),
                 (const char *) sqlite3_column_text (labels, 4));
    }
  if (rc != SQLITE_DONE)
    return pa_store_set_error (self->store, rc, error);

  /* Codes are searched too: "2654" finds the ISCO group and its occupations. */
  for (guint32 i = 0; i < self->concepts->len; i++)
    {
      const Concept *c = &g_array_index (self->concepts, Concept, i);
      g_autofree char *code = g_strdup (pool_get (self, c->code));
      g_autofree char *isco = g_strdup (pool_get (self, c->isco));

      if (code != NULL)
        {
          g_autofree char *folded = pa_fold_text (code);
          add_label (self, i, LANG_NONE, LABEL_CODE, code, folded);
        }
      if (isco != NULL && g_strcmp0 (isco, code) != 0)
        {
          g_autofree char *folded = pa_fold_text (isco);
          add_label (self, i, LANG_NONE, LABEL_CODE, isco, folded);
        }
    }

  self->n_langs = MAX (self->langs->len, 1);
  n = self->concepts->len;
  self->preferred = g_new0 (guint32, (gsize) n * self->n_langs);
  for (guint32 i = 0; i < self->labels->len; i++)
    {
      const Label *label = &g_array_index (self->labels, Label, i);
      if (label->kind == LABEL_PREFERRED && label->lang != LANG_NONE)
        self->preferred[(gsize) label->concept * self->n_langs + label->lang] = i + 1;
    }

  for (guint k = 0; k < N_KINDS; k++)
    build_kind (self, k);

  self->stamp = g_new0 (guint32, MAX (n, 1));
  self->best = g_new0 (guint64, MAX (n, 1));
  self->touched = g_new0 (guint32, MAX (n, 1));
  self->query_id = 0;
  self->label_stamp = g_new0 (guint32, MAX (self->labels->len, 1));
  self->label_count = g_new0 (guint8, MAX (self->labels->len, 1));
  self->label_query = 0;
  self->loaded = TRUE;
  g_debug ("search index: %u concepts, %u labels, %u languages, %" G_GSIZE_FORMAT " bytes",
           n, self->labels->len, self->langs->len, pa_framework_search_get_memory_size (self));
  return TRUE;
}

/* First word index >= prefix, and first word past the words starting with it. */
static void
prefix_range (const KindIndex *index,
              const char      *prefix,
              gsize            length,
              guint32         *lo,
              guint32         *hi)
{
  guint32 a = 0, b = index->n_words;

  while (a < b)
    {
      guint32 m = a + (b - a) / 2;
      if (strcmp (index->words[m], prefix) < 0)
        a = m + 1;
      else
        b = m;
    }
  *lo = a;
  b = index->n_words;
  while (a < b)
    {
      guint32 m = a + (b - a) / 2;
      if (strncmp (index->words[m], prefix, length) <= 0)
        a = m + 1;
      else
        b = m;
    }
  *hi = a;
}

static void
heap_sift_down (guint64 *heap,
                guint    n,
                guint    i)
{
  for (;;)
    {
      guint l = 2 * i + 1, r = l + 1, m = i;
      guint64 tmp;

      if (l < n && heap[l] > heap[m])
        m = l;
      if (r < n && heap[r] > heap[m])
        m = r;
      if (m == i)
        return;
      tmp = heap[i];
      heap[i] = heap[m];
      heap[m] = tmp;
      i = m;
    }
}

static int
compare_u64 (gconstpointer a,
             gconstpointer b)
{
  guint64 x = *(const guint64 *) a, y = *(const guint64 *) b;
  return x < y ? -1 : x > y;
}

static const Label *
display_label (PaFrameworkSearch  *self,
               guint32             concept,
               const guint        *chain,
               guint               n_chain)
{
  const guint32 *row = self->preferred + (gsize) concept * self->n_langs;

  for (guint i = 0; i < n_chain; i++)
    if (chain[i] < self->n_langs && row[chain[i]] != 0)
      return &g_array_index (self->labels, Label, row[chain[i]] - 1);
  for (guint l = 0; l < self->n_langs; l++)
    if (row[l] != 0)
      return &g_array_index (self->labels, Label, row[l] - 1);
  return NULL;
}

/**
 * pa_framework_search_new:
 * @store: the store whose framework labels are searched
 *
 * The index is built on the first query (or by pa_framework_search_load())
 * and rebuilt when an import has changed the frameworks since. Use one
 * search object from one thread. Returns: (transfer full)
 */
PaFrameworkSearch *
pa_framework_search_new (PaStore *store)
{
  PaFrameworkSearch *self;

  g_return_val_if_fail (PA_IS_STORE (store), NULL);

  self = g_object_new (PA_TYPE_FRAMEWORK_SEARCH, NULL);
  self->store = g_object_ref (store);
  return self;
}

/* Moves the index built by @from (in a worker thread) into @self. */
static void
take_index (PaFrameworkSearch *self,
            PaFrameworkSearch *from)
{
  clear_index (self);
  self->generation = from->generation;
  self->loaded = from->loaded;
  self->pool = g_steal_pointer (&from->pool);
  self->word_chunk = g_steal_pointer (&from->word_chunk);
  self->langs = g_steal_pointer (&from->langs);
  self->concepts = g_steal_pointer (&from->concepts);
  self->labels = g_steal_pointer (&from->labels);
  self->preferred = g_steal_pointer (&from->preferred);
  self->n_langs = from->n_langs;
  for (guint k = 0; k < N_KINDS; k++)
    {
      self->kinds[k] = from->kinds[k];
      memset (&from->kinds[k], 0, sizeof from->kinds[k]);
    }
  self->query_id = 0;
  self->stamp = g_steal_pointer (&from->stamp);
  self->best = g_steal_pointer (&from->best);
  self->touched = g_steal_pointer (&from->touched);
  self->label_query = 0;
  self->label_stamp = g_steal_pointer (&from->label_stamp);
  self->label_count = g_steal_pointer (&from->label_count);
  from->loaded = FALSE;
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  const char *path = task_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (PaStore) store = NULL;
  g_autoptr (PaFrameworkSearch) worker = NULL;

  store = pa_store_open (path, &error);
  if (store == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  worker = pa_framework_search_new (store);
  if (!load_index (worker, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, g_steal_pointer (&worker), g_object_unref);
}

/**
 * pa_framework_search_load_async:
 *
 * Builds the index in a worker thread with its own connection to the
 * store's file, so that the interface does not wait; the index replaces
 * the current one in pa_framework_search_load_finish().
 */
void
pa_framework_search_load_async (PaFrameworkSearch   *self,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (PA_IS_FRAMEWORK_SEARCH (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_task_data (task, g_strdup (pa_store_get_path (self->store)), g_free);
  g_task_run_in_thread (task, load_thread);
}

gboolean
pa_framework_search_load_finish (PaFrameworkSearch  *self,
                                 GAsyncResult       *result,
                                 GError            **error)
{
  g_autoptr (PaFrameworkSearch) worker = NULL;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  worker = g_task_propagate_pointer (G_TASK (result), error);
  if (worker == NULL)
    return FALSE;
  take_index (self, worker);
  return TRUE;
}

/* Builds the index now, or again if the frameworks changed since. */
gboolean
pa_framework_search_load (PaFrameworkSearch  *self,
                          GError            **error)
{
  g_return_val_if_fail (PA_IS_FRAMEWORK_SEARCH (self), FALSE);

  if (!pa_builtin_frameworks_ensure (self->store, error))
    return FALSE;
  if (self->loaded && pa_frameworks_get_generation (self->store) == self->generation)
    return TRUE;
  return load_index (self, error);
}

/**
 * pa_framework_search_query:
 * @text: what the person typed; each word is a prefix, case and accents
 *   do not matter
 * @kinds: which concepts to return
 * @display_lang: (nullable): the language results are shown in (falls
 *   back to English, then to any language)
 * @query_lang: (nullable): the language @text is in, when known; its
 *   labels rank first (else those of the display languages do)
 * @limit: at most this many results
 *
 * Ranks matches by language (query language, then display languages, then
 * others), then preferred before alternative before hidden labels, an
 * exact label first, a match on the label's first word before one inside
 * it, shorter labels first, and the URI as the last, stable key.
 *
 * Returns: (transfer full) (element-type PaConceptHit): the concepts found,
 * best first, each once; or %NULL with @error set.
 */
GPtrArray *
pa_framework_search_query (PaFrameworkSearch  *self,
                           const char         *text,
                           PaConceptKinds      kinds,
                           const char         *display_lang,
                           const char         *query_lang,
                           guint               limit,
                           GError            **error)
{
  g_autoptr (GPtrArray) hits = g_ptr_array_new_with_free_func ((GDestroyNotify) pa_concept_hit_free);
  g_autofree char *folded = NULL;
  g_auto (GStrv) chain_names = NULL;
  const char *tokens[MAX_TOKENS];
  gsize token_lengths[MAX_TOKENS];
  guint n_tokens = 0;
  guint8 lang_rank[MAX_LANGS + 1];
  guint chain[8];
  guint n_chain = 0;
  guint n_touched = 0;
  gsize folded_length;
  g_autofree guint64 *heap = NULL;
  guint heap_n = 0;

  g_return_val_if_fail (PA_IS_FRAMEWORK_SEARCH (self), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  if (!pa_framework_search_load (self, error))
    return NULL;

  folded = pa_fold_text (text);
  folded_length = strlen (folded);
  {
    const char *cursor = folded;
    const char *word;
    gsize length;

    while (n_tokens < MAX_TOKENS && pa_fold_next_word (&cursor, &word, &length))
      {
        tokens[n_tokens] = word;
        token_lengths[n_tokens] = length;
        n_tokens++;
      }
  }
  if (n_tokens == 0 || limit == 0)
    return g_steal_pointer (&hits);

  /* Language ranks: the query's language, then the display chain, then the rest. */
  chain_names = pa_frameworks_language_chain (display_lang);
  memset (lang_rank, 2, sizeof lang_rank);
  lang_rank[LANG_NONE] = 0;
  for (guint i = 0; chain_names[i] != NULL && n_chain < G_N_ELEMENTS (chain); i++)
    for (guint l = 0; l < self->langs->len; l++)
      if (g_str_equal (g_ptr_array_index (self->langs, l), chain_names[i]))
        {
          chain[n_chain++] = l;
          lang_rank[l] = MIN (lang_rank[l], query_lang ? 1 : 0);
        }
  if (query_lang != NULL)
    for (guint l = 0; l < self->langs->len; l++)
      if (g_ascii_strcasecmp (g_ptr_array_index (self->langs, l), query_lang) == 0)
        lang_rank[l] = 0;

  if (++self->query_id == 0)
    {
      memset (self->stamp, 0, sizeof (guint32) * MAX (self->concepts->len, 1));
      self->query_id = 1;
    }

  for (guint k = 0; k < N_KINDS; k++)
    {
      const KindIndex *index = &self->kinds[k];
      guint32 lo[MAX_TOKENS], hi[MAX_TOKENS];
      guint driver = 0;
      guint64 driver_size = G_MAXUINT64;
      guint8 n_others = 0;
      char token[256];

      if (!(kinds & (1u << k)) || index->n_words == 0)
        continue;
      for (guint t = 0; t < n_tokens; t++)
        {
          gsize length = MIN (token_lengths[t], sizeof token - 1);
          guint64 size;

          memcpy (token, tokens[t], length);
          token[length] = '\0';
          prefix_range (index, token, length, &lo[t], &hi[t]);
          size = index->starts[hi[t]] - index->starts[lo[t]];
          if (size < driver_size)
            {
              driver_size = size;
              driver = t;
            }
        }
      if (driver_size == 0)
        continue;

      /* Several words: mark the labels having each of the other words (a
       * prefix of one of their words), so that the driver's postings (the
       * rarest word) are checked without reading any label. */
      if (n_tokens > 1)
        {
          guint8 marked = 0;

          if (++self->label_query == 0)
            {
              memset (self->label_stamp, 0, sizeof (guint32) * MAX (self->labels->len, 1));
              self->label_query = 1;
            }
          for (guint t = 0; t < n_tokens; t++)
            {
              if (t == driver)
                continue;
              for (guint32 i = index->starts[lo[t]]; i < index->starts[hi[t]]; i++)
                {
                  guint32 l = P_LABEL (index->postings[i]);
                  if (marked == 0)
                    {
                      self->label_stamp[l] = self->label_query;
                      self->label_count[l] = 1;
                    }
                  else if (self->label_stamp[l] == self->label_query && self->label_count[l] == marked)
                    self->label_count[l] = marked + 1;
                }
              marked++;
            }
          n_others = marked;
        }

      for (guint32 i = index->starts[lo[driver]]; i < index->starts[hi[driver]]; i++)
        {
          guint64 p = index->postings[i];
          guint32 concept = P_CONCEPT (p);
          guint length = P_LENGTH (p);
          gboolean exact;
          guint64 score;

          if (n_tokens > 1)
            {
              guint32 l = P_LABEL (p);

              if (self->label_stamp[l] != self->label_query || self->label_count[l] != n_others)
                continue;
              exact = length == folded_length &&
                      memcmp (self->pool->str + g_array_index (self->labels, Label, l).folded,
                              folded, folded_length) == 0;
            }
          else
            exact = P_NOTFIRST (p) == 0 && length == folded_length;

          score = ((guint64) lang_rank[P_LANG (p)] << 56) |
                  ((guint64) P_KIND (p) << 54) |
                  ((guint64) (exact ? 0 : 1) << 53) |
                  ((guint64) P_NOTFIRST (p) << 52) |
                  ((guint64) length << 44) |
                  ((guint64) concept << 24) |
                  P_LABEL (p);
          if (self->stamp[concept] != self->query_id)
            {
              self->stamp[concept] = self->query_id;
              self->best[concept] = score;
              self->touched[n_touched++] = concept;
            }
          else if (score < self->best[concept])
            self->best[concept] = score;
        }
    }

  /* The best @limit concepts: a max-heap of their best scores. */
  heap = g_new (guint64, MIN (limit, MAX (n_touched, 1)));
  for (guint i = 0; i < n_touched; i++)
    {
      guint64 score = self->best[self->touched[i]];
      if (heap_n < limit)
        {
          guint j = heap_n++;
          heap[j] = score;
          while (j > 0 && heap[(j - 1) / 2] < heap[j])
            {
              guint64 tmp = heap[j];
              heap[j] = heap[(j - 1) / 2];
              heap[(j - 1) / 2] = tmp;
              j = (j - 1) / 2;
            }
        }
      else if (score < heap[0])
        {
          heap[0] = score;
          heap_sift_down (heap, heap_n, 0);
        }
    }
  qsort (heap, heap_n, sizeof (guint64), compare_u64);

  for (guint i = 0; i < heap_n; i++)
    {
      const Label *matched = &g_array_index (self->labels, Label, (guint32) (heap[i] & 0xffffff));
      const Concept *concept = &g_array_index (self->concepts, Concept, matched->concept);
      const Label *shown = display_label (self, matched->concept, chain, n_chain);
      PaConceptHit *hit = g_new0 (PaConceptHit, 1);

      hit->uri = g_strdup (pool_get (self, concept->uri));
      hit->kind = g_strdup (concept->kind_name);
      hit->code = g_strdup (pool_get (self, concept->code));
      hit->isco_code = g_strdup (pool_get (self, concept->isco));
      if (shown == NULL)
        shown = matched;
      hit->label = g_strdup (pool_get (self, shown->text));
      hit->label_lang = g_strdup (shown->lang == LANG_NONE ? "" : g_ptr_array_index (self->langs, shown->lang));
      hit->matched_label = g_strdup (pool_get (self, matched->text));
      hit->matched_lang = g_strdup (matched->lang == LANG_NONE ? "" : g_ptr_array_index (self->langs, matched->lang));
      hit->matched_kind = label_kind_names[matched->kind];
      g_ptr_array_add (hits, hit);
    }
  return g_steal_pointer (&hits);
}

guint
pa_framework_search_get_n_labels (PaFrameworkSearch *self)
{
  g_return_val_if_fail (PA_IS_FRAMEWORK_SEARCH (self), 0);
  return self->labels ? self->labels->len : 0;
}

/* Roughly how much memory the index holds, in bytes. */
gsize
pa_framework_search_get_memory_size (PaFrameworkSearch *self)
{
  gsize size = 0;

  g_return_val_if_fail (PA_IS_FRAMEWORK_SEARCH (self), 0);

  if (!self->loaded)
    return 0;
  size += self->pool->allocated_len;
  size += self->labels->len * sizeof (Label);
  size += self->concepts->len * (sizeof (Concept) + 3 * sizeof (guint32) + sizeof (guint64));
  size += (gsize) self->concepts->len * self->n_langs * sizeof (guint32);
  for (guint k = 0; k < N_KINDS; k++)
    {
      const KindIndex *index = &self->kinds[k];
      size += index->n_words * (sizeof (char *) + sizeof (guint32));
      if (index->n_words > 0)
        size += (gsize) index->starts[index->n_words] * sizeof (guint64);
      for (guint32 w = 0; w < index->n_words; w++)
        size += strlen (index->words[w]) + 1;
    }
  return size;
}

static void
pa_framework_search_finalize (GObject *object)
{
  PaFrameworkSearch *self = (PaFrameworkSearch *) object;

  clear_index (self);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (pa_framework_search_parent_class)->finalize (object);
}

static void
pa_framework_search_class_init (PaFrameworkSearchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pa_framework_search_finalize;
}

static void
pa_framework_search_init (PaFrameworkSearch *self)
{
}
