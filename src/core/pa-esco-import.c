/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pa-esco"

#include "config.h"

#include <archive.h>
#include <archive_entry.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "pa-builtin-frameworks.h"
#include "pa-csv-reader.h"
#include "pa-esco-import.h"
#include "pa-fold.h"
#include "pa-frameworks.h"

/* Imports the official ESCO CSV download (a folder, its ZIP, or one CSV
 * file) into the framework tables, in one transaction: on any error
 * nothing changes. See pa-esco-import.h for what a release and a language
 * pack do. */

G_DEFINE_QUARK (pa-esco-error-quark, pa_esco_error)

typedef enum
{
  FILE_SKILLS,
  FILE_OCCUPATIONS,
  FILE_ISCO_GROUPS,
  FILE_SKILL_GROUPS,
  FILE_HIERARCHY,
  FILE_OCC_SKILL,
  FILE_SKILL_SKILL,
  FILE_BROADER_OCC,
  FILE_BROADER_SKILL,
  FILE_COLLECTION,
  FILE_CONCEPT_SCHEMES,
} FileType;

typedef struct
{
  FileType type;
  char *name;          /* base name */
  char *path;          /* in the folder (absolute) or in the archive */
  char *display;       /* for messages */
  char *lang;          /* NULL for language-independent files */
  char *collection;    /* FILE_COLLECTION: 'digital', 'green', … */
  guint64 size;
  gboolean ignored;
} Entry;

typedef enum
{
  SOURCE_FOLDER,
  SOURCE_ZIP,
  SOURCE_FILE,
} SourceKind;

typedef struct
{
  SourceKind kind;
  char *path;
  GPtrArray *entries;  /* of Entry, in the order they are read */
} Source;

typedef struct
{
  gint64 id;
  gboolean esco;       /* belongs to the ESCO framework (not a built-in one sharing the URI) */
  gboolean seen;       /* named by a concept file of this release */
  char *kind;
  char *code;
  char *isco_code;
  char *status;
  char *skill_type;
  char *reuse_level;
  char *modified_at;
} Concept;

typedef struct
{
  PaStore *store;
  GCancellable *cancellable;
  PaEscoProgressFunc progress;
  gpointer progress_data;
  PaEscoImportReport *report;
  gint64 framework_id;
  gboolean release;

  GHashTable *concepts;       /* uri → Concept */
  GHashTable *labelled;       /* "lang" → GHashTable of concept ids whose labels this import replaced */

  guint64 bytes_total;
  guint64 bytes_done;
  double last_fraction;

  sqlite3_stmt *ins_concept;
  sqlite3_stmt *upd_concept;
  sqlite3_stmt *del_labels;
  sqlite3_stmt *ins_label;
  sqlite3_stmt *del_description;
  sqlite3_stmt *ins_description;
  sqlite3_stmt *ins_relation;
  sqlite3_stmt *ins_member;
} Import;

static void
entry_free (gpointer data)
{
  Entry *e = data;

  if (e == NULL)
    return;
  g_free (e->name);
  g_free (e->path);
  g_free (e->display);
  g_free (e->lang);
  g_free (e->collection);
  g_free (e);
}

static void
source_free (Source *source)
{
  g_free (source->path);
  g_ptr_array_unref (source->entries);
  g_free (source);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Source, source_free)

static void
concept_free (gpointer data)
{
  Concept *c = data;

  g_free (c->kind);
  g_free (c->code);
  g_free (c->isco_code);
  g_free (c->status);
  g_free (c->skill_type);
  g_free (c->reuse_level);
  g_free (c->modified_at);
  g_free (c);
}

static void
file_report_free (gpointer data)
{
  PaEscoFileReport *f = data;

  g_free (f->name);
  g_free (f->lang);
  g_free (f);
}

void
pa_esco_import_report_free (PaEscoImportReport *report)
{
  if (report == NULL)
    return;
  g_free (report->version);
  g_strfreev (report->languages);
  g_ptr_array_unref (report->files);
  g_free (report);
}

/* --- Finding the files -------------------------------------------------- */

static gboolean
is_language_code (const char *s)
{
  gsize n = 0;

  while (g_ascii_islower (s[n]))
    n++;
  if (n < 2 || n > 3)
    return FALSE;
  if (s[n] == '\0')
    return TRUE;
  if (s[n] != '-')
    return FALSE;
  s += n + 1;
  n = 0;
  while (g_ascii_isalpha (s[n]))
    n++;
  return n >= 2 && n <= 4 && s[n] == '\0';
}

static char *
collection_name (const char *stem)
{
  /* "digCompSkills" → "digcomp", "researchOccupations" → "research-occupations" */
  static const struct { const char *stem; const char *name; } known[] = {
    { "transversalSkills", "transversal" },
    { "digCompSkills", "digcomp" },
    { "digitalSkills", "digital" },
    { "languageSkills", "language" },
    { "greenSkills", "green" },
    { "researchSkills", "research-skills" },
    { "researchOccupations", "research-occupations" },
  };
  GString *out;

  for (gsize i = 0; i < G_N_ELEMENTS (known); i++)
    if (g_str_equal (stem, known[i].stem))
      return g_strdup (known[i].name);
  out = g_string_new (NULL);
  for (const char *p = stem; *p; p++)
    {
      if (g_ascii_isupper (*p) && out->len > 0)
        g_string_append_c (out, '-');
      g_string_append_c (out, g_ascii_tolower (*p));
    }
  return g_string_free (out, FALSE);
}

/* Recognises an ESCO file by its name; NULL for any other file. */
static Entry *
classify (const char *path)
{
  static const struct { const char *stem; FileType type; gboolean needs_lang; } kinds[] = {
    { "skills", FILE_SKILLS, TRUE },
    { "occupations", FILE_OCCUPATIONS, TRUE },
    { "ISCOGroups", FILE_ISCO_GROUPS, TRUE },
    { "skillGroups", FILE_SKILL_GROUPS, TRUE },
    { "skillsHierarchy", FILE_HIERARCHY, TRUE },
    { "conceptSchemes", FILE_CONCEPT_SCHEMES, TRUE },
    { "occupationSkillRelations", FILE_OCC_SKILL, FALSE },
    { "skillSkillRelations", FILE_SKILL_SKILL, FALSE },
    { "broaderRelationsOccPillar", FILE_BROADER_OCC, FALSE },
    { "broaderRelationsSkillPillar", FILE_BROADER_SKILL, FALSE },
  };
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *stem = NULL;
  const char *lang = NULL;
  char *underscore;
  Entry *e;

  if (!g_str_has_suffix (name, ".csv"))
    return NULL;
  stem = g_strndup (name, strlen (name) - 4);
  underscore = strrchr (stem, '_');
  if (underscore != NULL && is_language_code (underscore + 1))
    {
      *underscore = '\0';
      lang = underscore + 1;
    }

  e = g_new0 (Entry, 1);
  for (gsize i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_str_equal (stem, kinds[i].stem) && (lang != NULL || !kinds[i].needs_lang))
      {
        e->type = kinds[i].type;
        goto found;
      }
  if (lang != NULL && g_str_has_suffix (stem, "Collection") && strlen (stem) > strlen ("Collection"))
    {
      g_autofree char *base = g_strndup (stem, strlen (stem) - strlen ("Collection"));
      e->type = FILE_COLLECTION;
      e->collection = collection_name (base);
      goto found;
    }
  g_free (e);
  return NULL;

found:
  e->name = g_steal_pointer (&name);
  e->path = g_strdup (path);
  e->lang = lang ? g_ascii_strdown (lang, -1) : NULL;
  return e;
}

static gboolean
list_folder (Source      *source,
             const char  *dir,
             int          depth,
             GError     **error)
{
  g_autoptr (GDir) d = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  d = g_dir_open (dir, 0, &local_error);
  if (d == NULL)
    {
      g_set_error (error, PA_ESCO_ERROR, PA_ESCO_ERROR_LAYOUT, _("Cannot read the folder “%s”: %s"),
                   dir, local_error->message);
      return FALSE;
    }
  while ((name = g_dir_read_name (d)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *child = g_build_filename (dir, g_ptr_array_index (names, i), NULL);
      Entry *e;

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        {
          /* The official download unpacks into one folder; look a little way down, no further. */
          if (depth < 2 && !list_folder (source, child, depth + 1, error))
            return FALSE;
          continue;
        }
      e = classify (child);
      if (e == NULL)
        continue;
      {
        g_autoptr (GFile) file = g_file_new_for_path (child);
        g_autoptr (GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                                        G_FILE_QUERY_INFO_NONE, NULL, NULL);
        e->size = info ? (guint64) g_file_info_get_size (info) : 0;
      }
      e->display = g_strdup (child);
      g_ptr_array_add (source->entries, e);
    }
  return TRUE;
}

static gboolean
set_archive_error (struct archive  *a,
                   const char      *path,
                   GError         **error)
{
  const char *msg = archive_error_string (a);

  g_set_error (error, PA_ESCO_ERROR, PA_ESCO_ERROR_ARCHIVE, _("Cannot read the archive “%s”: %s"),
               path, msg ? msg : _("unknown error"));
  return FALSE;
}

static struct archive *
open_archive (const char  *path,
              GError     **error)
{
  struct archive *a = archive_read_new ();

  archive_read_support_format_zip (a);
  archive_read_support_filter_none (a);
  if (archive_read_open_filename (a, path, 64 * 1024) != ARCHIVE_OK)
    {
      set_archive_error (a, path, error);
      archive_read_free (a);
      return NULL;
    }
  return a;
}

static gboolean
list_zip (Source  *source,
          GError **error)
{
  struct archive *a = open_archive (source->path, error);
  struct archive_entry *ae;
  int rc;

  if (a == NULL)
    return FALSE;
  while ((rc = archive_read_next_header (a, &ae)) == ARCHIVE_OK)
    {
      const char *path = archive_entry_pathname (ae);
      Entry *e;

      if (path == NULL || archive_entry_filetype (ae) != AE_IFREG)
        continue;
      e = classify (path);
      if (e == NULL)
        continue;
      e->size = archive_entry_size_is_set (ae) ? (guint64) archive_entry_size (ae) : 0;
      e->display = g_strdup_printf ("%s/%s", source->path, path);
      g_ptr_array_add (source->entries, e);
    }
  if (rc != ARCHIVE_EOF)
    {
      set_archive_error (a, source->path, error);
      archive_read_free (a);
      return FALSE;
    }
  archive_read_free (a);
  return TRUE;
}

static int
phase_of (FileType type)
{
  switch (type)
    {
    case FILE_SKILLS:
    case FILE_OCCUPATIONS:
    case FILE_ISCO_GROUPS:
    case FILE_SKILL_GROUPS:
      return 0;
    case FILE_HIERARCHY:
    case FILE_OCC_SKILL:
    case FILE_SKILL_SKILL:
    case FILE_BROADER_OCC:
    case FILE_BROADER_SKILL:
      return 1;
    case FILE_COLLECTION:
    case FILE_CONCEPT_SCHEMES:
    default:
      return 2;
    }
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const Entry *x = *(const Entry * const *) a;
  const Entry *y = *(const Entry * const *) b;
  int px = phase_of (x->type);
  int py = phase_of (y->type);
  int c;

  if (px != py)
    return px - py;
  /* English first: the attributes of a concept are taken from the first file naming it. */
  if (g_strcmp0 (x->lang, y->lang) != 0)
    {
      if (g_strcmp0 (x->lang, "en") == 0)
        return -1;
      if (g_strcmp0 (y->lang, "en") == 0)
        return 1;
      return g_strcmp0 (x->lang, y->lang);
    }
  if (x->type != y->type)
    return (int) x->type - (int) y->type;
  c = g_strcmp0 (x->name, y->name);
  return c != 0 ? c : g_strcmp0 (x->path, y->path);
}

static gboolean
language_selected (const char * const *languages,
                   const char         *lang)
{
  if (languages == NULL || lang == NULL)
    return TRUE;
  for (gsize i = 0; languages[i] != NULL; i++)
    if (g_ascii_strcasecmp (languages[i], lang) == 0)
      return TRUE;
  return FALSE;
}

static Source *
open_source (const char                 *path,
             const PaEscoImportOptions  *options,
             GError                    **error)
{
  g_autoptr (Source) source = g_new0 (Source, 1);
  g_autoptr (GPtrArray) kept = g_ptr_array_new_with_free_func (entry_free);
  g_autoptr (GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
  gboolean have_relation[FILE_CONCEPT_SCHEMES + 1] = { FALSE };

  source->path = g_strdup (path);
  source->entries = g_ptr_array_new_with_free_func (entry_free);

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      source->kind = SOURCE_FOLDER;
      if (!list_folder (source, path, 0, error))
        return NULL;
    }
  else if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("“%s” does not exist."), path);
      return NULL;
    }
  else if (g_str_has_suffix (path, ".csv") || g_str_has_suffix (path, ".CSV"))
    {
      Entry *e = classify (path);

      source->kind = SOURCE_FILE;
      if (e == NULL)
        {
          g_set_error (error, PA_ESCO_ERROR, PA_ESCO_ERROR_LAYOUT,
                       _("“%s” is not an ESCO file: its name should be like occupations_en.csv, "
                         "skills_fr.csv or occupationSkillRelations.csv."), path);
          return NULL;
        }
      e->display = g_strdup (path);
      g_ptr_array_add (source->entries, e);
    }
  else
    {
      source->kind = SOURCE_ZIP;
      if (!list_zip (source, error))
        return NULL;
    }

  g_ptr_array_sort (source->entries, compare_entries);
  for (guint i = 0; i < source->entries->len; i++)
    {
      Entry *e = g_ptr_array_index (source->entries, i);

      if (g_hash_table_contains (names, e->name))
        {
          g_set_error (error, PA_ESCO_ERROR, PA_ESCO_ERROR_LAYOUT,
                       _("“%s” holds two files named “%s”; keep one ESCO download per folder."),
                       path, e->name);
          return NULL;
        }
      g_hash_table_add (names, e->name);
      if (phase_of (e->type) == 1)
        {
          /* Relation files are the same in every language: read one copy. */
          if (have_relation[e->type])
            continue;
          have_relation[e->type] = TRUE;
        }
      else if (!language_selected (options->languages, e->lang))
        continue;
      g_ptr_array_add (kept, e);
      source->entries->pdata[i] = NULL;
    }
  g_ptr_array_unref (source->entries);
  source->entries = g_steal_pointer (&kept);

  if (source->entries->len == 0)
    {
      g_set_error (error, PA_ESCO_ERROR, PA_ESCO_ERROR_LAYOUT,
                   _("“%s” holds no ESCO CSV file of the chosen languages (such as occupations_en.csv "
                     "or skills_fr.csv); it is not an ESCO download."), path);
      return NULL;
    }
  return g_steal_pointer (&source);
}

/* --- Reading one file ----------------------------------------------------- */

typedef struct
{
  struct archive *archive;
  char *path;
} ZipStream;

static gssize
zip_read (gpointer   user_data,
          void      *buffer,
          gsize      size,
          GError   **error)
{
  ZipStream *z = user_data;
  la_ssize_t n = archive_read_data (z->archive, buffer, size);

  if (n < 0)
    {
      const char *msg = archive_error_string (z->archive);
      g_set_error (error, PA_ESCO_ERROR, PA_ESCO_ERROR_ARCHIVE, "%s",
                   msg ? msg : _("the archive is damaged"));
      return -1;
    }
  return (gssize) n;
}

static void
zip_stream_free (ZipStream *z)
{
  if (z->archive != NULL)
    archive_read_free (z->archive);
  g_free (z->path);
  g_free (z);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZipStream, zip_stream_free)

/* --- Writing -------------------------------------------------------------- */

static gboolean
prefix_sql_error (Import       *im,
                  PaCsvReader  *reader,
                  int           rc,
                  GError      **error)
{
  pa_store_set_error (im->store, rc, error);
  g_prefix_error (error, _("“%s”, line %u: "), pa_csv_reader_get_name (reader),
                  pa_csv_reader_get_line (reader));
  return FALSE;
}

static gboolean
step (Import       *im,
      PaCsvReader  *reader,
      sqlite3_stmt *stmt,
      GError      **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return prefix_sql_error (im, reader, rc, error);
  return TRUE;
}

static void
bind_text_or_null (sqlite3_stmt *stmt,
                   int           index,
                   const char   *value)
{
  if (value != NULL && *value != '\0')
    sqlite3_bind_text (stmt, index, value, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, index);
}

static char *
field_trimmed (PaCsvReader *reader,
               int          column)
{
  if (column < 0)
    return NULL;
  return pa_label_clean (pa_csv_reader_get_field (reader, column),
                         (gssize) pa_csv_reader_get_field_length (reader, column));
}

/* A URI or code field: most need no cleaning, so no copy is made then.
 * Returns a string owned by the reader or by *copy. */
static const char *
field_plain (PaCsvReader  *reader,
             int           column,
             char        **copy)
{
  const char *field;
  gsize length;

  *copy = NULL;
  if (column < 0)
    return "";
  field = pa_csv_reader_get_field (reader, column);
  length = pa_csv_reader_get_field_length (reader, column);
  if (length == 0 ||
      (!g_ascii_isspace (field[0]) && !g_ascii_isspace (field[length - 1]) &&
       (guchar) field[0] < 0x80 && (guchar) field[length - 1] < 0x80))
    return field;
  *copy = pa_label_clean (field, (gssize) length);
  return *copy;
}

static const char *
known_value (const char         *value,
             const char * const *allowed)
{
  if (value == NULL)
    return NULL;
  for (gsize i = 0; allowed[i] != NULL; i++)
    if (g_str_equal (value, allowed[i]))
      return allowed[i];
  return NULL;
}

static gboolean
same (const char *a,
      const char *b)
{
  return g_strcmp0 (a && *a ? a : NULL, b && *b ? b : NULL) == 0;
}

static void
set_str (char       **slot,
         const char  *value)
{
  char *copy = value && *value ? g_strdup (value) : NULL;

  g_free (*slot);
  *slot = copy;
}

/* Creates or updates a concept of a release; returns its id, or 0 on error. */
static gint64
upsert_concept (Import       *im,
                PaCsvReader  *reader,
                const char   *uri,
                const char   *kind,
                const char   *code,
                const char   *isco_code,
                const char   *status,
                const char   *skill_type,
                const char   *reuse_level,
                const char   *modified_at,
                GError      **error)
{
  Concept *c = g_hash_table_lookup (im->concepts, uri);
  sqlite3_stmt *stmt;

  if (c != NULL && c->seen)
    return c->id;   /* already defined by an earlier file of this release (another language) */
  if (c != NULL && !c->esco)
    {
      /* A built-in framework owns this URI (e.g. an ISCO group): share it, leave it as it is. */
      c->seen = TRUE;
      return c->id;
    }
  if (c != NULL && same (c->kind, kind) && same (c->code, code) && same (c->isco_code, isco_code) &&
      same (c->status, status) && same (c->skill_type, skill_type) &&
      same (c->reuse_level, reuse_level) && same (c->modified_at, modified_at))
    {
      c->seen = TRUE;
      return c->id;
    }

  stmt = c != NULL ? im->upd_concept : im->ins_concept;
  sqlite3_bind_int64 (stmt, 1, im->framework_id);
  sqlite3_bind_text (stmt, 2, uri, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, kind, -1, SQLITE_STATIC);
  bind_text_or_null (stmt, 4, code);
  bind_text_or_null (stmt, 5, isco_code);
  sqlite3_bind_text (stmt, 6, status, -1, SQLITE_STATIC);
  bind_text_or_null (stmt, 7, skill_type);
  bind_text_or_null (stmt, 8, reuse_level);
  bind_text_or_null (stmt, 9, modified_at);
  if (!step (im, reader, stmt, error))
    return 0;

  if (c == NULL)
    {
      c = g_new0 (Concept, 1);
      c->id = sqlite3_last_insert_rowid (pa_store_get_db (im->store));
      c->esco = TRUE;
      g_hash_table_insert (im->concepts, g_strdup (uri), c);
      im->report->concepts_added++;
    }
  else
    im->report->concepts_updated++;
  c->seen = TRUE;
  set_str (&c->kind, kind);
  set_str (&c->code, code);
  set_str (&c->isco_code, isco_code);
  set_str (&c->status, status);
  set_str (&c->skill_type, skill_type);
  set_str (&c->reuse_level, reuse_level);
  set_str (&c->modified_at, modified_at);
  return c->id;
}

static gboolean
insert_label (Import       *im,
              PaCsvReader  *reader,
              gint64        id,
              const char   *lang,
              const char   *kind,
              const char   *text,
              GError      **error)
{
  g_autofree char *folded = NULL;

  if (*text == '\0')
    return TRUE;
  folded = pa_fold_text (text);
  sqlite3_bind_int64 (im->ins_label, 1, id);
  sqlite3_bind_text (im->ins_label, 2, lang, -1, SQLITE_STATIC);
  sqlite3_bind_text (im->ins_label, 3, kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (im->ins_label, 4, text, -1, SQLITE_STATIC);
  sqlite3_bind_text (im->ins_label, 5, folded, -1, SQLITE_STATIC);
  if (!step (im, reader, im->ins_label, error))
    return FALSE;
  im->report->labels += (guint) sqlite3_changes (pa_store_get_db (im->store));
  return TRUE;
}

/* A list field: one label per line (ESCO), trimmed, blanks and repeats of @skip dropped. */
static gboolean
insert_label_list (Import       *im,
                   PaCsvReader  *reader,
                   gint64        id,
                   const char   *lang,
                   const char   *kind,
                   int           column,
                   const char   *skip,
                   GError      **error)
{
  const char *field;
  const char *line;

  if (column < 0)
    return TRUE;
  field = pa_csv_reader_get_field (reader, column);
  line = field;
  while (*line)
    {
      const char *eol = strchr (line, '\n');
      gsize len = eol ? (gsize) (eol - line) : strlen (line);
      g_autofree char *label = pa_label_clean (line, (gssize) len);

      if (*label != '\0' && g_strcmp0 (label, skip) != 0 &&
          !insert_label (im, reader, id, lang, kind, label, error))
        return FALSE;
      line = eol ? eol + 1 : line + len;
    }
  return TRUE;
}

typedef struct
{
  int uri;
  int preferred;
  int alternative;
  int hidden;
  int description;
} LabelColumns;

/* Replaces the labels and description of (@id, @lang) with those of the
 * record, the first time this import meets them; later files of the same
 * language leave them alone (the concept files come before the collections). */
static gboolean
write_labels (Import             *im,
              PaCsvReader        *reader,
              gint64              id,
              const char         *lang,
              const LabelColumns *cols,
              GError            **error)
{
  GHashTable *done = g_hash_table_lookup (im->labelled, lang);
  g_autofree char *preferred = NULL;

  if (done == NULL)
    {
      done = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      g_hash_table_insert (im->labelled, g_strdup (lang), done);
    }
  if (g_hash_table_contains (done, &id))
    return TRUE;
  {
    gint64 *key = g_new (gint64, 1);
    *key = id;
    g_hash_table_add (done, key);
  }

  sqlite3_bind_int64 (im->del_labels, 1, id);
  sqlite3_bind_text (im->del_labels, 2, lang, -1, SQLITE_STATIC);
  if (!step (im, reader, im->del_labels, error))
    return FALSE;
  sqlite3_bind_int64 (im->del_description, 1, id);
  sqlite3_bind_text (im->del_description, 2, lang, -1, SQLITE_STATIC);
  if (!step (im, reader, im->del_description, error))
    return FALSE;

  preferred = field_trimmed (reader, cols->preferred);
  if (preferred != NULL && !insert_label (im, reader, id, lang, "preferred", preferred, error))
    return FALSE;
  if (!insert_label_list (im, reader, id, lang, "alternative", cols->alternative, preferred, error) ||
      !insert_label_list (im, reader, id, lang, "hidden", cols->hidden, preferred, error))
    return FALSE;

  if (cols->description >= 0)
    {
      g_autofree char *text = g_strdup (pa_csv_reader_get_field (reader, cols->description));
      g_strstrip (text);
      if (*text != '\0')
        {
          sqlite3_bind_int64 (im->ins_description, 1, id);
          sqlite3_bind_text (im->ins_description, 2, lang, -1, SQLITE_STATIC);
          sqlite3_bind_text (im->ins_description, 3, text, -1, SQLITE_STATIC);
          if (!step (im, reader, im->ins_description, error))
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
insert_relation (Import       *im,
                 PaCsvReader  *reader,
                 gint64        source,
                 const char   *kind,
                 gint64        target,
                 GError      **error)
{
  sqlite3_bind_int64 (im->ins_relation, 1, source);
  sqlite3_bind_text (im->ins_relation, 2, kind, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (im->ins_relation, 3, target);
  if (!step (im, reader, im->ins_relation, error))
    return FALSE;
  im->report->relations += (guint) sqlite3_changes (pa_store_get_db (im->store));
  return TRUE;
}

static gint64
lookup (Import     *im,
        const char *uri)
{
  Concept *c = uri && *uri ? g_hash_table_lookup (im->concepts, uri) : NULL;
  return c ? c->id : 0;
}

static void
report_progress (Import      *im,
                 PaCsvReader *reader,
                 Entry       *entry)
{
  double fraction;

  if (im->progress == NULL || im->bytes_total == 0)
    return;
  fraction = (double) (im->bytes_done + pa_csv_reader_get_bytes_read (reader)) / (double) im->bytes_total;
  fraction = CLAMP (fraction, 0.0, 1.0);
  if (fraction - im->last_fraction < 0.005 && fraction < 1.0)
    return;
  im->last_fraction = fraction;
  im->progress (fraction, entry->name, im->progress_data);
}

static const char * const skill_types[] = { "skill/competence", "knowledge", NULL };
static const char * const reuse_levels[] = { "transversal", "cross-sector", "sector-specific",
                                             "occupation-specific", NULL };

/* occupations, skills, ISCO groups, skill groups, collections. */
static gboolean
read_concepts (Import            *im,
               PaCsvReader       *reader,
               Entry             *entry,
               PaEscoFileReport  *fr,
               GError           **error)
{
  static const char * const base[] = { "conceptUri", "preferredLabel", NULL };
  static const char * const occupations[] = { "conceptUri", "preferredLabel", "altLabels", "iscoGroup", NULL };
  static const char * const skills[] = { "conceptUri", "preferredLabel", "altLabels", "skillType", "reuseLevel", NULL };
  static const char * const groups[] = { "conceptUri", "preferredLabel", "code", NULL };
  const char * const *required = base;
  gboolean defines = im->release && entry->type != FILE_COLLECTION;
  LabelColumns cols;
  int c_isco, c_code, c_status, c_type, c_reuse, c_modified;
  g_autoptr (GError) local_error = NULL;
  guint n = 0;

  if (defines)
    {
      if (entry->type == FILE_OCCUPATIONS)
        required = occupations;
      else if (entry->type == FILE_SKILLS)
        required = skills;
      else
        required = groups;
    }
  if (!pa_csv_reader_require_columns (reader, required, error))
    return FALSE;

  cols.uri = pa_csv_reader_get_column (reader, "conceptUri");
  cols.preferred = pa_csv_reader_get_column (reader, "preferredLabel");
  cols.alternative = pa_csv_reader_get_column (reader, "altLabels");
  cols.hidden = pa_csv_reader_get_column (reader, "hiddenLabels");
  cols.description = pa_csv_reader_get_column (reader, "description");
  c_isco = pa_csv_reader_get_column (reader, "iscoGroup");
  c_code = pa_csv_reader_get_column (reader, "code");
  c_status = pa_csv_reader_get_column (reader, "status");
  c_type = pa_csv_reader_get_column (reader, "skillType");
  c_reuse = pa_csv_reader_get_column (reader, "reuseLevel");
  c_modified = pa_csv_reader_get_column (reader, "modifiedDate");

  while (pa_csv_reader_next (reader, &local_error))
    {
      g_autofree char *uri_copy = NULL;
      const char *uri = field_plain (reader, cols.uri, &uri_copy);
      gint64 id;

      fr->rows++;
      if (*uri == '\0')
        {
          g_set_error (error, PA_ESCO_ERROR, PA_ESCO_ERROR_INVALID,
                       _("“%s”, line %u: the record has no conceptUri."),
                       pa_csv_reader_get_name (reader), pa_csv_reader_get_line (reader));
          return FALSE;
        }

      if (defines)
        {
          g_autofree char *code = field_trimmed (reader, c_code);
          g_autofree char *isco = field_trimmed (reader, c_isco);
          g_autofree char *status = field_trimmed (reader, c_status);
          g_autofree char *type = field_trimmed (reader, c_type);
          g_autofree char *reuse = field_trimmed (reader, c_reuse);
          g_autofree char *modified = field_trimmed (reader, c_modified);
          const char *skill_type = known_value (type, skill_types);
          const char *kind;

          switch (entry->type)
            {
            case FILE_OCCUPATIONS:
              kind = "occupation";
              skill_type = NULL;
              break;
            case FILE_SKILLS:
              kind = g_strcmp0 (skill_type, "knowledge") == 0 ? "knowledge" : "skill";
              break;
            case FILE_ISCO_GROUPS:
              kind = "isco_group";
              skill_type = NULL;
              break;
            case FILE_SKILL_GROUPS:
            default:
              kind = "skill_group";
              skill_type = NULL;
              break;
            }
          id = upsert_concept (im, reader, uri, kind, code, entry->type == FILE_OCCUPATIONS ? isco : NULL,
                               g_strcmp0 (status, "obsolete") == 0 ? "obsolete" : "released",
                               skill_type, entry->type == FILE_SKILLS ? known_value (reuse, reuse_levels) : NULL,
                               modified, error);
          if (id == 0)
            return FALSE;
        }
      else
        {
          id = lookup (im, uri);
          if (id == 0)
            {
              fr->unmatched++;
              continue;
            }
          if (entry->type == FILE_COLLECTION && im->release)
            {
              sqlite3_bind_text (im->ins_member, 1, entry->collection, -1, SQLITE_STATIC);
              sqlite3_bind_int64 (im->ins_member, 2, id);
              if (!step (im, reader, im->ins_member, error))
                return FALSE;
            }
        }
      fr->matched++;
      if (!write_labels (im, reader, id, entry->lang, &cols, error))
        return FALSE;
      if (++n % 256 == 0)
        report_progress (im, reader, entry);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

/* occupation–skill, skill–skill and broader relations, and the skill hierarchy. */
static gboolean
read_relations (Import            *im,
                PaCsvReader       *reader,
                Entry             *entry,
                PaEscoFileReport  *fr,
                GError           **error)
{
  static const char * const occ_skill[] = { "occupationUri", "relationType", "skillUri", NULL };
  static const char * const skill_skill[] = { "originalSkillUri", "relationType", "relatedSkillUri", NULL };
  static const char * const broader[] = { "conceptUri", "broaderUri", NULL };
  static const char * const hierarchy[] = { "Level 0 URI", "Level 1 URI", NULL };
  const char * const *required;
  int c_source, c_type, c_target;
  int c_levels[4];
  g_autoptr (GError) local_error = NULL;
  guint n = 0;

  switch (entry->type)
    {
    case FILE_OCC_SKILL:
      required = occ_skill;
      break;
    case FILE_SKILL_SKILL:
      required = skill_skill;
      break;
    case FILE_HIERARCHY:
      required = hierarchy;
      break;
    case FILE_BROADER_OCC:
    case FILE_BROADER_SKILL:
    default:
      required = broader;
      break;
    }
  if (!pa_csv_reader_require_columns (reader, required, error))
    return FALSE;
  c_source = pa_csv_reader_get_column (reader, required[0]);
  c_type = entry->type == FILE_OCC_SKILL || entry->type == FILE_SKILL_SKILL ? pa_csv_reader_get_column (reader, "relationType") : -1;
  c_target = pa_csv_reader_get_column (reader, required[g_strv_length ((char **) required) - 1]);
  for (int l = 0; l < 4; l++)
    {
      g_autofree char *name = g_strdup_printf ("Level %d URI", l);
      c_levels[l] = pa_csv_reader_get_column (reader, name);
    }

  while (pa_csv_reader_next (reader, &local_error))
    {
      fr->rows++;
      if (entry->type == FILE_HIERARCHY)
        {
          gint64 upper = 0;
          gboolean dangling = FALSE;

          for (int l = 0; l < 4; l++)
            {
              g_autofree char *copy = NULL;
              const char *uri = field_plain (reader, c_levels[l], &copy);
              gint64 id;

              if (*uri == '\0')
                break;
              id = lookup (im, uri);
              if (id == 0)
                {
                  dangling = TRUE;
                  break;
                }
              if (upper != 0 && !insert_relation (im, reader, id, "broader", upper, error))
                return FALSE;
              upper = id;
            }
          if (dangling)
            fr->unmatched++;
          else
            fr->matched++;
        }
      else
        {
          g_autofree char *source_copy = NULL;
          g_autofree char *target_copy = NULL;
          g_autofree char *type_copy = NULL;
          const char *source = field_plain (reader, c_source, &source_copy);
          const char *target = field_plain (reader, c_target, &target_copy);
          const char *type = field_plain (reader, c_type, &type_copy);
          gint64 s = lookup (im, source);
          gint64 t = lookup (im, target);
          const char *kind = "broader";

          if (c_type >= 0)
            {
              if (g_strcmp0 (type, "essential") == 0)
                kind = "essential";
              else if (g_strcmp0 (type, "optional") == 0)
                kind = "optional";
              else
                {
                  g_set_error (error, PA_ESCO_ERROR, PA_ESCO_ERROR_INVALID,
                               _("“%s”, line %u: unknown relationType “%s” (expected essential or optional)."),
                               pa_csv_reader_get_name (reader), pa_csv_reader_get_line (reader), type);
                  return FALSE;
                }
            }
          if (s == 0 || t == 0)
            {
              /* ESCO itself has a few references to concepts it no longer lists. */
              fr->unmatched++;
              continue;
            }
          fr->matched++;
          if (!insert_relation (im, reader, s, kind, t, error))
            return FALSE;
        }
      if (++n % 1024 == 0)
        report_progress (im, reader, entry);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_entry (Import  *im,
            Source  *source,
            Entry   *entry,
            GError **error)
{
  g_autoptr (PaCsvReader) reader = NULL;
  g_autoptr (ZipStream) zip = NULL;
  g_autoptr (GFileInputStream) stream = NULL;
  PaEscoFileReport *fr = g_new0 (PaEscoFileReport, 1);
  gboolean ok;

  fr->name = g_strdup (entry->name);
  fr->lang = g_strdup (entry->lang);
  fr->ignored = entry->ignored;
  g_ptr_array_add (im->report->files, fr);
  if (entry->ignored)
    {
      im->bytes_done += entry->size;
      return TRUE;
    }

  if (source->kind == SOURCE_ZIP)
    {
      struct archive_entry *ae;
      int rc;

      zip = g_new0 (ZipStream, 1);
      zip->archive = open_archive (source->path, error);
      if (zip->archive == NULL)
        return FALSE;
      while ((rc = archive_read_next_header (zip->archive, &ae)) == ARCHIVE_OK)
        if (g_strcmp0 (archive_entry_pathname (ae), entry->path) == 0)
          break;
      if (rc != ARCHIVE_OK)
        return set_archive_error (zip->archive, source->path, error);
      reader = pa_csv_reader_new (entry->display, zip_read, zip);
    }
  else
    {
      g_autoptr (GFile) file = g_file_new_for_path (entry->path);
      g_autoptr (GError) local_error = NULL;

      stream = g_file_read (file, im->cancellable, &local_error);
      if (stream == NULL)
        {
          g_set_error (error, G_IO_ERROR, local_error->code, _("Cannot read “%s”: %s"),
                       entry->display, local_error->message);
          return FALSE;
        }
      reader = pa_csv_reader_new_for_stream (entry->display, G_INPUT_STREAM (stream));
    }
  pa_csv_reader_set_cancellable (reader, im->cancellable);

  if (!pa_csv_reader_read_header (reader, error))
    return FALSE;
  if (phase_of (entry->type) == 1)
    ok = read_relations (im, reader, entry, fr, error);
  else
    ok = read_concepts (im, reader, entry, fr, error);
  if (!ok)
    return FALSE;

  im->report->rows_matched += fr->matched;
  im->report->rows_unmatched += fr->unmatched;
  im->bytes_done += entry->size ? entry->size : pa_csv_reader_get_bytes_read (reader);
  report_progress (im, reader, entry);
  return TRUE;
}

/* --- The whole import ------------------------------------------------------ */

static gboolean
prepare_all (Import  *im,
             GError **error)
{
  struct { sqlite3_stmt **stmt; const char *sql; } statements[] = {
    { &im->ins_concept, "INSERT INTO concept (framework_id, uri, kind, code, isco_code, status, "
                        "skill_type, reuse_level, modified_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)" },
    { &im->upd_concept, "UPDATE concept SET framework_id = ?1, kind = ?3, code = ?4, isco_code = ?5, "
                        "status = ?6, skill_type = ?7, reuse_level = ?8, modified_at = ?9 WHERE uri = ?2" },
    { &im->del_labels, "DELETE FROM concept_label WHERE concept_id = ? AND lang = ?" },
    { &im->ins_label, "INSERT OR IGNORE INTO concept_label (concept_id, lang, kind, text, folded) "
                      "VALUES (?, ?, ?, ?, ?)" },
    { &im->del_description, "DELETE FROM concept_description WHERE concept_id = ? AND lang = ?" },
    { &im->ins_description, "INSERT OR REPLACE INTO concept_description (concept_id, lang, text) "
                            "VALUES (?, ?, ?)" },
    { &im->ins_relation, "INSERT OR IGNORE INTO concept_relation (source_id, kind, target_id) VALUES (?, ?, ?)" },
    { &im->ins_member, "INSERT OR IGNORE INTO collection_member (collection, concept_id) VALUES (?, ?)" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (statements); i++)
    {
      *statements[i].stmt = pa_store_prepare (im->store, statements[i].sql, error);
      if (*statements[i].stmt == NULL)
        return FALSE;
    }
  return TRUE;
}

static void
finalize_all (Import *im)
{
  g_clear_pointer (&im->ins_concept, sqlite3_finalize);
  g_clear_pointer (&im->upd_concept, sqlite3_finalize);
  g_clear_pointer (&im->del_labels, sqlite3_finalize);
  g_clear_pointer (&im->ins_label, sqlite3_finalize);
  g_clear_pointer (&im->del_description, sqlite3_finalize);
  g_clear_pointer (&im->ins_description, sqlite3_finalize);
  g_clear_pointer (&im->ins_relation, sqlite3_finalize);
  g_clear_pointer (&im->ins_member, sqlite3_finalize);
}

static gint64
query_int64 (PaStore    *store,
             const char *sql,
             gint64      arg)
{
  g_autoptr (sqlite3_stmt) stmt = pa_store_prepare (store, sql, NULL);

  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, arg);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return 0;
  return sqlite3_column_int64 (stmt, 0);
}

static char *
dup_column (sqlite3_stmt *stmt,
            int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);
  return text ? g_strdup (text) : NULL;
}

static gboolean
load_concepts (Import  *im,
               GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = pa_store_prepare (im->store,
                           "SELECT id, uri, framework_id, kind, code, isco_code, status, skill_type, "
                           "reuse_level, modified_at FROM concept", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Concept *c = g_new0 (Concept, 1);

      c->id = sqlite3_column_int64 (stmt, 0);
      c->esco = sqlite3_column_int64 (stmt, 2) == im->framework_id;
      c->kind = dup_column (stmt, 3);
      c->code = dup_column (stmt, 4);
      c->isco_code = dup_column (stmt, 5);
      c->status = dup_column (stmt, 6);
      c->skill_type = dup_column (stmt, 7);
      c->reuse_level = dup_column (stmt, 8);
      c->modified_at = dup_column (stmt, 9);
      g_hash_table_insert (im->concepts, dup_column (stmt, 1), c);
    }
  if (rc != SQLITE_DONE)
    return pa_store_set_error (im->store, rc, error);
  return TRUE;
}

/* Before a release writes its relations: those of the kinds it brings go. */
static gboolean
clear_release_relations (Import  *im,
                         Source  *source,
                         GError **error)
{
  gboolean has[FILE_CONCEPT_SCHEMES + 1] = { FALSE };
  g_autofree char *sql = NULL;
  g_autoptr (GString) collections = g_string_new (NULL);

  for (guint i = 0; i < source->entries->len; i++)
    {
      Entry *e = g_ptr_array_index (source->entries, i);
      has[e->type] = TRUE;
      if (e->type == FILE_COLLECTION)
        {
          char *quoted = sqlite3_mprintf ("%Q", e->collection);
          g_string_append_printf (collections, "%s%s", collections->len ? ", " : "", quoted);
          sqlite3_free (quoted);
        }
    }

  sql = g_strdup_printf ("DELETE FROM concept_relation WHERE source_id IN "
                         "(SELECT id FROM concept WHERE framework_id = %" G_GINT64_FORMAT " AND kind IN (%s)) "
                         "AND kind IN ('essential', 'optional')",
                         im->framework_id, "'occupation'");
  if (has[FILE_OCC_SKILL] && !pa_store_exec (im->store, sql, error))
    return FALSE;
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("DELETE FROM concept_relation WHERE source_id IN "
                         "(SELECT id FROM concept WHERE framework_id = %" G_GINT64_FORMAT " AND kind IN (%s)) "
                         "AND kind IN ('essential', 'optional')",
                         im->framework_id, "'skill', 'knowledge'");
  if (has[FILE_SKILL_SKILL] && !pa_store_exec (im->store, sql, error))
    return FALSE;
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("DELETE FROM concept_relation WHERE kind = 'broader' AND source_id IN "
                         "(SELECT id FROM concept WHERE framework_id = %" G_GINT64_FORMAT ")",
                         im->framework_id);
  if ((has[FILE_BROADER_OCC] || has[FILE_BROADER_SKILL] || has[FILE_HIERARCHY]) &&
      !pa_store_exec (im->store, sql, error))
    return FALSE;
  g_clear_pointer (&sql, g_free);
  if (collections->len > 0)
    {
      sql = g_strdup_printf ("DELETE FROM collection_member WHERE collection IN (%s) AND concept_id IN "
                             "(SELECT id FROM concept WHERE framework_id = %" G_GINT64_FORMAT ")",
                             collections->str, im->framework_id);
      if (!pa_store_exec (im->store, sql, error))
        return FALSE;
    }
  return TRUE;
}

/* Concepts of the previous release that this one lacks: kept (obsolete) when
 * a case names them, else removed with their labels and relations. */
static gboolean
retire_missing (Import  *im,
                GError **error)
{
  g_autoptr (sqlite3_stmt) referenced = NULL;
  g_autoptr (sqlite3_stmt) obsolete = NULL;
  g_autoptr (sqlite3_stmt) remove = NULL;
  GHashTableIter iter;
  gpointer key, value;

  referenced = pa_store_prepare (im->store,
                                 "SELECT EXISTS (SELECT 1 FROM claim WHERE item_uri = ?1) "
                                 "OR EXISTS (SELECT 1 FROM experience WHERE occupation_uri = ?1) "
                                 "OR EXISTS (SELECT 1 FROM goal WHERE target_occupation_uri = ?1)", error);
  obsolete = pa_store_prepare (im->store, "UPDATE concept SET status = 'obsolete' WHERE id = ?", error);
  remove = pa_store_prepare (im->store, "DELETE FROM concept WHERE id = ?", error);
  if (referenced == NULL || obsolete == NULL || remove == NULL)
    return FALSE;

  g_hash_table_iter_init (&iter, im->concepts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      Concept *c = value;
      gboolean used;
      int rc;

      if (!c->esco || c->seen)
        continue;
      sqlite3_reset (referenced);
      sqlite3_bind_text (referenced, 1, key, -1, SQLITE_STATIC);
      rc = sqlite3_step (referenced);
      if (rc != SQLITE_ROW)
        return pa_store_set_error (im->store, rc, error);
      used = sqlite3_column_int (referenced, 0) != 0;
      if (used)
        {
          if (g_strcmp0 (c->status, "obsolete") == 0)
            continue;
          sqlite3_reset (obsolete);
          sqlite3_bind_int64 (obsolete, 1, c->id);
          if (!pa_store_step_done (im->store, obsolete, error))
            return FALSE;
          set_str (&c->status, "obsolete");
          im->report->concepts_obsoleted++;
        }
      else
        {
          sqlite3_reset (remove);
          sqlite3_bind_int64 (remove, 1, c->id);
          if (!pa_store_step_done (im->store, remove, error))
            return FALSE;
          g_hash_table_iter_remove (&iter);
          im->report->concepts_removed++;
        }
    }
  return TRUE;
}

static char *
version_from_path (const char *path)
{
  g_autoptr (GRegex) regex = g_regex_new ("v(\\d+(?:\\.\\d+)+)", 0, 0, NULL);
  g_autoptr (GMatchInfo) match = NULL;
  char *found = NULL;

  g_regex_match (regex, path, 0, &match);
  while (g_match_info_matches (match))
    {
      g_free (found);
      found = g_match_info_fetch (match, 1);
      g_match_info_next (match, NULL);
    }
  return found;
}

static int
sort_strings (gconstpointer a,
              gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static gboolean
write_framework (Import      *im,
                 const char  *version,
                 GError     **error)
{
  g_autoptr (sqlite3_stmt) langs = NULL;
  g_autoptr (sqlite3_stmt) old = NULL;
  g_autoptr (sqlite3_stmt) update = NULL;
  g_autoptr (GHashTable) candidates = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GPtrArray) present = g_ptr_array_new ();
  g_autoptr (GString) list = g_string_new (NULL);
  g_autoptr (GPtrArray) read = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *now = pa_now_utc ();
  GHashTableIter iter;
  gpointer key;

  /* The languages it had and those just read, less any that lost all its
   * labels (a release can remove concepts); no scan of every label. */
  old = pa_store_prepare (im->store, "SELECT languages FROM framework WHERE id = ?", error);
  langs = pa_store_prepare (im->store,
                            "SELECT EXISTS (SELECT 1 FROM concept_label l JOIN concept c ON c.id = l.concept_id "
                            "WHERE l.lang = ?1 AND c.framework_id = ?2)", error);
  if (old == NULL || langs == NULL)
    return FALSE;
  sqlite3_bind_int64 (old, 1, im->framework_id);
  if (sqlite3_step (old) == SQLITE_ROW)
    {
      g_auto (GStrv) had = g_strsplit ((const char *) sqlite3_column_text (old, 0), ",", -1);
      for (guint i = 0; had[i] != NULL; i++)
        if (*had[i] != '\0' && !g_hash_table_contains (candidates, had[i]))
          g_hash_table_add (candidates, g_strdup (had[i]));
    }
  g_hash_table_iter_init (&iter, im->labelled);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (candidates, key))
      g_hash_table_add (candidates, g_strdup (key));
  g_hash_table_iter_init (&iter, candidates);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      sqlite3_reset (langs);
      sqlite3_bind_text (langs, 1, key, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (langs, 2, im->framework_id);
      if (sqlite3_step (langs) == SQLITE_ROW && sqlite3_column_int (langs, 0))
        g_ptr_array_add (present, key);
    }
  g_ptr_array_sort (present, (GCompareFunc) sort_strings);
  for (guint i = 0; i < present->len; i++)
    g_string_append_printf (list, "%s%s", i ? "," : "", (const char *) g_ptr_array_index (present, i));

  update = pa_store_prepare (im->store,
                             "UPDATE framework SET languages = ?2, imported_at = ?3, generation = generation + 1, "
                             "version = CASE WHEN ?4 IS NULL THEN version ELSE ?4 END WHERE id = ?1", error);
  if (update == NULL)
    return FALSE;
  sqlite3_bind_int64 (update, 1, im->framework_id);
  sqlite3_bind_text (update, 2, list->str, -1, SQLITE_STATIC);
  sqlite3_bind_text (update, 3, now, -1, SQLITE_STATIC);
  bind_text_or_null (update, 4, im->release ? version : NULL);
  if (!pa_store_step_done (im->store, update, error))
    return FALSE;

  g_hash_table_iter_init (&iter, im->labelled);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (read, g_strdup (key));
  g_ptr_array_sort (read, (GCompareFunc) g_strcmp0);
  g_ptr_array_add (read, NULL);
  im->report->languages = (char **) g_ptr_array_free (g_steal_pointer (&read), FALSE);
  return TRUE;
}

static gboolean
is_release (Source *source)
{
  gboolean skills = FALSE, occupations = FALSE, relations = FALSE;

  for (guint i = 0; i < source->entries->len; i++)
    {
      Entry *e = g_ptr_array_index (source->entries, i);
      skills |= e->type == FILE_SKILLS;
      occupations |= e->type == FILE_OCCUPATIONS;
      relations |= e->type == FILE_OCC_SKILL;
    }
  return skills && occupations && relations;
}

static gboolean
run_import (Import                     *im,
            Source                     *source,
            const PaEscoImportOptions  *options,
            const char                 *path,
            GError                    **error)
{
  g_autofree char *version = NULL;
  g_autofree char *detail = NULL;
  gboolean cleared = FALSE;
  guint n_read = 0;
  gint64 t = g_get_monotonic_time ();

  im->framework_id = pa_frameworks_ensure (im->store, "esco", "ESCO", "import", error);
  if (im->framework_id == 0)
    return FALSE;
  if (!load_concepts (im, error))
    return FALSE;
  g_debug ("load concepts %.3f s", (g_get_monotonic_time () - t) / 1e6);

  switch (options->mode)
    {
    case PA_ESCO_IMPORT_RELEASE:
      if (!is_release (source))
        {
          g_set_error (error, PA_ESCO_ERROR, PA_ESCO_ERROR_LAYOUT,
                       _("“%s” is not a complete ESCO release: it needs occupations_XX.csv, "
                         "skills_XX.csv and occupationSkillRelations.csv."), path);
          return FALSE;
        }
      im->release = TRUE;
      break;
    case PA_ESCO_IMPORT_LANGUAGE_PACK:
      im->release = FALSE;
      break;
    case PA_ESCO_IMPORT_AUTO:
    default:
      im->release = is_release (source);
      break;
    }
  im->report->mode = im->release ? PA_ESCO_IMPORT_RELEASE : PA_ESCO_IMPORT_LANGUAGE_PACK;

  if (!im->release &&
      query_int64 (im->store, "SELECT count(*) FROM concept WHERE framework_id = ?", im->framework_id) == 0)
    {
      g_set_error (error, PA_ESCO_ERROR, PA_ESCO_ERROR_NO_RELEASE,
                   _("“%s” holds only labels (a language pack); import a complete ESCO release "
                     "(occupations, skills and their relations) first."), path);
      return FALSE;
    }

  version = options->version ? g_strdup (options->version) : version_from_path (path);
  im->report->version = g_strdup (version ? version : "");

  for (guint i = 0; i < source->entries->len; i++)
    {
      Entry *e = g_ptr_array_index (source->entries, i);

      /* A language pack brings labels only; the hierarchy repeats the skill groups' labels. */
      e->ignored = e->type == FILE_CONCEPT_SCHEMES ||
                   (!im->release && phase_of (e->type) == 1);
      if (!e->ignored)
        im->bytes_total += e->size;
    }

  if (!prepare_all (im, error))
    return FALSE;
  for (guint i = 0; i < source->entries->len; i++)
    {
      Entry *e = g_ptr_array_index (source->entries, i);

      /* Relations and collections are replaced once every concept of the release is known. */
      if (im->release && !cleared && phase_of (e->type) > 0)
        {
          if (!clear_release_relations (im, source, error))
            return FALSE;
          cleared = TRUE;
        }
      if (!read_entry (im, source, e, error))
        return FALSE;
      n_read += !e->ignored;
    }
  t = g_get_monotonic_time ();
  if (im->release && !retire_missing (im, error))
    return FALSE;
  g_debug ("retire %.3f s", (g_get_monotonic_time () - t) / 1e6);
  t = g_get_monotonic_time ();
  if (!write_framework (im, version, error))
    return FALSE;
  g_debug ("framework row %.3f s", (g_get_monotonic_time () - t) / 1e6);

  detail = g_strdup_printf ("%s %s: %u files, +%u ~%u obsolete %u removed %u, %u labels, %u relations, "
                            "%u rows unmatched",
                            im->release ? "release" : "language pack", im->report->version, n_read,
                            im->report->concepts_added, im->report->concepts_updated,
                            im->report->concepts_obsoleted, im->report->concepts_removed,
                            im->report->labels, im->report->relations, im->report->rows_unmatched);
  return pa_store_audit (im->store, "framework-import", 0, "esco", detail, error);
}

/**
 * pa_esco_import:
 * @store: the store to import into
 * @path: a folder, a ZIP archive, or one CSV file of the ESCO download
 * @options: (nullable): mode, languages and release; %NULL for AUTO, all
 * @progress: (nullable): called, in this thread, as the files are read
 * @cancellable: (nullable): cancels the import (nothing is changed)
 *
 * Imports ESCO in one transaction: on any error (a missing column, text
 * that is not UTF-8, a truncated file, an archive without ESCO files) the
 * store is left as it was and @error names the file, the line and the
 * problem. Returns: (transfer full): what was imported, or %NULL
 */
PaEscoImportReport *
pa_esco_import (PaStore                    *store,
                const char                 *path,
                const PaEscoImportOptions  *options,
                PaEscoProgressFunc          progress,
                gpointer                    progress_data,
                GCancellable               *cancellable,
                GError                    **error)
{
  static const PaEscoImportOptions defaults = { PA_ESCO_IMPORT_AUTO, NULL, NULL };
  g_autoptr (PaEscoImportReport) report = NULL;
  g_autoptr (Source) source = NULL;
  Import im = { 0 };
  gboolean ok;

  g_return_val_if_fail (PA_IS_STORE (store), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  if (options == NULL)
    options = &defaults;
  /* The built-in frameworks first: the release shares their concepts. */
  if (!pa_builtin_frameworks_ensure (store, error))
    return NULL;
  source = open_source (path, options, error);
  if (source == NULL)
    return NULL;

  report = g_new0 (PaEscoImportReport, 1);
  report->files = g_ptr_array_new_with_free_func (file_report_free);
  im.store = store;
  im.cancellable = cancellable;
  im.progress = progress;
  im.progress_data = progress_data;
  im.report = report;
  im.concepts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, concept_free);
  im.labelled = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                       (GDestroyNotify) g_hash_table_unref);

  /* A bigger page cache while the bulk of rows goes in. */
  pa_store_exec (store, "PRAGMA cache_size = -65536", NULL);
  ok = pa_store_begin (store, error);
  if (ok)
    {
      gint64 t0 = g_get_monotonic_time ();
      gint64 t1, t2;

      ok = run_import (&im, source, options, path, error);
      finalize_all (&im);
      t1 = g_get_monotonic_time ();
      if (ok)
        ok = pa_store_commit (store, error);
      else
        pa_store_rollback (store);
      t2 = g_get_monotonic_time ();
      if (ok)
        pa_store_exec (store, "PRAGMA wal_checkpoint(TRUNCATE)", NULL);
      g_debug ("%s: import %.3f s, commit %.3f s, checkpoint %.3f s", path, (t1 - t0) / 1e6,
               (t2 - t1) / 1e6, (g_get_monotonic_time () - t2) / 1e6);
    }
  finalize_all (&im);
  pa_store_exec (store, "PRAGMA cache_size = -2000", NULL);

  g_hash_table_unref (im.labelled);
  g_hash_table_unref (im.concepts);
  if (!ok)
    return NULL;
  if (progress != NULL)
    progress (1.0, NULL, progress_data);
  return g_steal_pointer (&report);
}

/* --- Off the main thread ----------------------------------------------------- */

typedef struct
{
  char *store_path;
  gint64 actor;
  char *path;
  PaEscoImportMode mode;
  char **languages;
  char *version;
  PaEscoProgressFunc progress;
  gpointer progress_data;
  GDestroyNotify progress_destroy;
  GMainContext *context;
  GTask *task;          /* not owned: the task owns this */
  double last_fraction;
} AsyncData;

typedef struct
{
  GTask *task;          /* keeps the data alive until the report is shown */
  AsyncData *data;
  double fraction;
  char *file;
} ProgressIdle;

static void
async_data_free (gpointer p)
{
  AsyncData *d = p;

  if (d->progress_destroy != NULL)
    d->progress_destroy (d->progress_data);
  g_main_context_unref (d->context);
  g_free (d->store_path);
  g_free (d->path);
  g_strfreev (d->languages);
  g_free (d->version);
  g_free (d);
}

static gboolean
progress_idle_cb (gpointer user_data)
{
  ProgressIdle *p = user_data;

  p->data->progress (p->fraction, p->file, p->data->progress_data);
  return G_SOURCE_REMOVE;
}

static void
progress_idle_free (gpointer user_data)
{
  ProgressIdle *p = user_data;

  g_object_unref (p->task);
  g_free (p->file);
  g_free (p);
}

static void
thread_progress_cb (double      fraction,
                    const char *file,
                    gpointer    user_data)
{
  AsyncData *d = user_data;
  ProgressIdle *p;

  if (fraction - d->last_fraction < 0.01 && fraction < 1.0)
    return;
  d->last_fraction = fraction;
  p = g_new0 (ProgressIdle, 1);
  p->task = g_object_ref (d->task);
  p->data = d;
  p->fraction = fraction;
  p->file = g_strdup (file);
  g_main_context_invoke_full (d->context, G_PRIORITY_DEFAULT, progress_idle_cb, p, progress_idle_free);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  AsyncData *d = task_data;
  g_autoptr (PaStore) store = NULL;
  g_autoptr (GError) error = NULL;
  PaEscoImportReport *report;
  PaEscoImportOptions options = { d->mode, (const char * const *) d->languages, d->version };

  /* The import owns its own connection, so the interface can go on reading. */
  store = pa_store_open (d->store_path, &error);
  if (store == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  pa_store_set_actor (store, d->actor);
  report = pa_esco_import (store, d->path, &options, d->progress ? thread_progress_cb : NULL, d,
                           cancellable, &error);
  if (report == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, report, (GDestroyNotify) pa_esco_import_report_free);
}

/**
 * pa_esco_import_async:
 *
 * Runs pa_esco_import() in a worker thread with its own connection to the
 * store's file. @progress is called in the thread-default main context of
 * the caller. Finish with pa_esco_import_finish().
 */
void
pa_esco_import_async (PaStore                    *store,
                      const char                 *path,
                      const PaEscoImportOptions  *options,
                      PaEscoProgressFunc          progress,
                      gpointer                    progress_data,
                      GDestroyNotify              progress_destroy,
                      GCancellable               *cancellable,
                      GAsyncReadyCallback         callback,
                      gpointer                    user_data)
{
  g_autoptr (GTask) task = NULL;
  AsyncData *d;

  g_return_if_fail (PA_IS_STORE (store));
  g_return_if_fail (path != NULL);

  d = g_new0 (AsyncData, 1);
  d->store_path = g_strdup (pa_store_get_path (store));
  d->actor = pa_store_get_actor (store);
  d->path = g_strdup (path);
  d->mode = options ? options->mode : PA_ESCO_IMPORT_AUTO;
  d->languages = options && options->languages ? g_strdupv ((char **) options->languages) : NULL;
  d->version = options ? g_strdup (options->version) : NULL;
  d->progress = progress;
  d->progress_data = progress_data;
  d->progress_destroy = progress_destroy;
  d->context = g_main_context_ref_thread_default ();
  d->last_fraction = -1.0;

  task = g_task_new (store, cancellable, callback, user_data);
  d->task = task;
  g_task_set_task_data (task, d, async_data_free);
  g_task_run_in_thread (task, import_thread);
}

PaEscoImportReport *
pa_esco_import_finish (PaStore       *store,
                       GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
