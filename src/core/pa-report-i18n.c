/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "passerelle-report"

#include "config.h"

#include <stdarg.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "pa-report-i18n.h"

/* One node of a Plural-Forms expression: C's integer expressions over n. */
typedef enum
{
  PLURAL_N,
  PLURAL_NUM,
  PLURAL_NOT,
  PLURAL_MUL, PLURAL_DIV, PLURAL_MOD,
  PLURAL_ADD, PLURAL_SUB,
  PLURAL_LT, PLURAL_LE, PLURAL_GT, PLURAL_GE,
  PLURAL_EQ, PLURAL_NE,
  PLURAL_AND, PLURAL_OR,
  PLURAL_COND,
} PluralOp;

typedef struct _PluralNode PluralNode;
struct _PluralNode
{
  PluralOp op;
  gulong value;
  PluralNode *a;
  PluralNode *b;
  PluralNode *c;
};

struct _PaReportI18n
{
  gatomicrefcount ref_count;
  char *language;
  gboolean rtl;
  GBytes *data;             /* the .mo file; strings below point into it */
  GHashTable *messages;     /* msgid (with "context\004" prefix) → translation(s) */
  GHashTable *lengths;      /* msgid → length of its translation block */
  guint nplurals;
  PluralNode *plural;       /* NULL: germanic rule n != 1 */
};

/* Registered by hand: G_DEFINE_BOXED_TYPE's transparent union trips -Wpedantic. */
GType
pa_report_i18n_get_type (void)
{
  static gsize type = 0;

  if (g_once_init_enter (&type))
    g_once_init_leave (&type, g_boxed_type_register_static (g_intern_static_string ("PaReportI18n"),
                                                            (GBoxedCopyFunc) pa_report_i18n_ref,
                                                            (GBoxedFreeFunc) pa_report_i18n_unref));
  return type;
}

#define MO_MAGIC 0x950412deU
#define MO_MAGIC_SWAPPED 0xde120495U
#define PLURAL_MAX_DEPTH 64

static GMutex cache_lock;
static GHashTable *cache;   /* "localedir\ndomain\nlanguage" → PaReportI18n */

/* Plural-Forms parser: recursive descent, precedence as in C. */

typedef struct
{
  const char *p;
  int depth;
  gboolean failed;
} PluralParser;

static void
plural_free (PluralNode *node)
{
  if (node == NULL)
    return;
  plural_free (node->a);
  plural_free (node->b);
  plural_free (node->c);
  g_free (node);
}

static PluralNode *
plural_node (PluralOp    op,
             PluralNode *a,
             PluralNode *b,
             PluralNode *c)
{
  PluralNode *node = g_new0 (PluralNode, 1);

  node->op = op;
  node->a = a;
  node->b = b;
  node->c = c;
  return node;
}

static void
plural_skip_space (PluralParser *parser)
{
  while (*parser->p == ' ' || *parser->p == '\t' || *parser->p == '\n' || *parser->p == '\r')
    parser->p++;
}

static gboolean
plural_accept (PluralParser *parser,
               const char   *token)
{
  gsize len = strlen (token);

  plural_skip_space (parser);
  if (strncmp (parser->p, token, len) != 0)
    return FALSE;
  /* "<" must not swallow the first half of "<=", nor "!" of "!=" */
  if (len == 1 && (token[0] == '<' || token[0] == '>' || token[0] == '!' || token[0] == '=')
      && parser->p[1] == '=')
    return FALSE;
  parser->p += len;
  return TRUE;
}

static PluralNode *plural_parse_cond (PluralParser *parser);

static PluralNode *
plural_parse_primary (PluralParser *parser)
{
  plural_skip_space (parser);
  if (++parser->depth > PLURAL_MAX_DEPTH)
    {
      parser->failed = TRUE;
      return NULL;
    }
  if (plural_accept (parser, "("))
    {
      PluralNode *inner = plural_parse_cond (parser);

      if (!plural_accept (parser, ")"))
        parser->failed = TRUE;
      parser->depth--;
      return inner;
    }
  if (plural_accept (parser, "!"))
    {
      PluralNode *inner = plural_parse_primary (parser);

      parser->depth--;
      return plural_node (PLURAL_NOT, inner, NULL, NULL);
    }
  if (*parser->p == 'n')
    {
      parser->p++;
      parser->depth--;
      return plural_node (PLURAL_N, NULL, NULL, NULL);
    }
  if (g_ascii_isdigit (*parser->p))
    {
      PluralNode *node = plural_node (PLURAL_NUM, NULL, NULL, NULL);
      char *end = NULL;

      node->value = strtoul (parser->p, &end, 10);
      parser->p = end;
      parser->depth--;
      return node;
    }
  parser->failed = TRUE;
  parser->depth--;
  return NULL;
}

static PluralNode *
plural_parse_binary (PluralParser *parser,
                     int           level)
{
  static const struct { const char *token; PluralOp op; int level; } ops[] = {
    { "||", PLURAL_OR, 0 }, { "&&", PLURAL_AND, 1 },
    { "==", PLURAL_EQ, 2 }, { "!=", PLURAL_NE, 2 },
    { "<=", PLURAL_LE, 3 }, { ">=", PLURAL_GE, 3 }, { "<", PLURAL_LT, 3 }, { ">", PLURAL_GT, 3 },
    { "+", PLURAL_ADD, 4 }, { "-", PLURAL_SUB, 4 },
    { "*", PLURAL_MUL, 5 }, { "/", PLURAL_DIV, 5 }, { "%", PLURAL_MOD, 5 },
  };
  PluralNode *left;

  if (level > 5)
    return plural_parse_primary (parser);

  left = plural_parse_binary (parser, level + 1);
  while (!parser->failed)
    {
      gboolean found = FALSE;

      for (gsize i = 0; i < G_N_ELEMENTS (ops); i++)
        {
          if (ops[i].level != level || !plural_accept (parser, ops[i].token))
            continue;
          left = plural_node (ops[i].op, left, plural_parse_binary (parser, level + 1), NULL);
          found = TRUE;
          break;
        }
      if (!found)
        break;
    }
  return left;
}

static PluralNode *
plural_parse_cond (PluralParser *parser)
{
  PluralNode *cond = plural_parse_binary (parser, 0);

  if (!parser->failed && plural_accept (parser, "?"))
    {
      PluralNode *yes;
      PluralNode *no = NULL;

      if (++parser->depth > PLURAL_MAX_DEPTH)
        {
          parser->failed = TRUE;
          return cond;
        }
      yes = plural_parse_cond (parser);
      if (!plural_accept (parser, ":"))
        parser->failed = TRUE;
      else
        no = plural_parse_cond (parser);
      parser->depth--;
      return plural_node (PLURAL_COND, cond, yes, no);
    }
  return cond;
}

static gulong
plural_eval (const PluralNode *node,
             gulong            n)
{
  gulong a, b;

  switch (node->op)
    {
    case PLURAL_N:
      return n;
    case PLURAL_NUM:
      return node->value;
    case PLURAL_NOT:
      return !plural_eval (node->a, n);
    case PLURAL_COND:
      return plural_eval (node->a, n) ? plural_eval (node->b, n) : plural_eval (node->c, n);
    case PLURAL_AND:
      return plural_eval (node->a, n) && plural_eval (node->b, n);
    case PLURAL_OR:
      return plural_eval (node->a, n) || plural_eval (node->b, n);
    default:
      break;
    }

  a = plural_eval (node->a, n);
  b = plural_eval (node->b, n);
  switch (node->op)
    {
    case PLURAL_MUL: return a * b;
    case PLURAL_DIV: return b ? a / b : 0;
    case PLURAL_MOD: return b ? a % b : 0;
    case PLURAL_ADD: return a + b;
    case PLURAL_SUB: return a - b;
    case PLURAL_LT: return a < b;
    case PLURAL_LE: return a <= b;
    case PLURAL_GT: return a > b;
    case PLURAL_GE: return a >= b;
    case PLURAL_EQ: return a == b;
    case PLURAL_NE: return a != b;
    default: g_assert_not_reached ();
    }
}

static gboolean
plural_tree_complete (const PluralNode *node)
{
  if (node == NULL)
    return FALSE;
  switch (node->op)
    {
    case PLURAL_N:
    case PLURAL_NUM:
      return TRUE;
    case PLURAL_NOT:
      return plural_tree_complete (node->a);
    case PLURAL_COND:
      return plural_tree_complete (node->a) && plural_tree_complete (node->b)
             && plural_tree_complete (node->c);
    default:
      return plural_tree_complete (node->a) && plural_tree_complete (node->b);
    }
}

/* Reads "nplurals=N; plural=EXPR;" from the catalogue's header entry. */
static void
parse_plural_forms (PaReportI18n *self,
                    const char   *header)
{
  const char *line = strstr (header, "Plural-Forms:");
  const char *nplurals, *plural;
  g_autofree char *expr = NULL;
  PluralParser parser = { 0 };
  PluralNode *tree;
  gulong count;

  if (line == NULL)
    return;
  nplurals = strstr (line, "nplurals=");
  plural = strstr (line, "plural=");
  if (nplurals == NULL || plural == NULL)
    return;
  count = strtoul (nplurals + strlen ("nplurals="), NULL, 10);
  if (count < 1 || count > 16)
    return;

  plural += strlen ("plural=");
  expr = g_strndup (plural, strcspn (plural, ";\n"));
  parser.p = expr;
  tree = plural_parse_cond (&parser);
  plural_skip_space (&parser);
  if (parser.failed || *parser.p != '\0' || !plural_tree_complete (tree))
    {
      g_debug ("Ignoring a Plural-Forms expression that does not parse: %s", expr);
      plural_free (tree);
      return;
    }
  self->nplurals = count;
  self->plural = tree;
}

/* .mo reading */

static guint32
read_u32 (const guint8 *data,
          gsize         offset,
          gboolean      swapped)
{
  guint32 value;

  memcpy (&value, data + offset, sizeof value);
  return swapped ? GUINT32_SWAP_LE_BE (value) : value;
}

/* Validates the table entry @index of the table at @table: the string must lie
 * inside the file and end with the NUL that msgfmt writes after it. */
static const char *
mo_string (const guint8 *data,
           gsize         size,
           guint32       table,
           guint32       index,
           gboolean      swapped,
           guint32      *length)
{
  guint64 entry = (guint64) table + (guint64) index * 8;
  guint32 len, off;

  if (entry + 8 > size)
    return NULL;
  len = read_u32 (data, entry, swapped);
  off = read_u32 (data, entry + 4, swapped);
  if ((guint64) off + len + 1 > size || data[off + len] != '\0')
    return NULL;
  *length = len;
  return (const char *) data + off;
}

static gboolean
translation_is_valid (const char *text,
                      guint32     length)
{
  /* Plural forms are separated by NULs; each must be valid UTF-8. */
  const char *p = text;
  const char *end = text + length;

  while (p <= end)
    {
      gsize len = strlen (p);

      if (!g_utf8_validate (p, len, NULL))
        return FALSE;
      p += len + 1;
    }
  return TRUE;
}

static void
load_catalog (PaReportI18n *self,
              const char   *path)
{
  g_autoptr (GMappedFile) file = NULL;
  const guint8 *data;
  gsize size;
  gboolean swapped;
  guint32 magic, revision, count, originals, translations;

  file = g_mapped_file_new (path, FALSE, NULL);
  if (file == NULL)
    return;
  size = g_mapped_file_get_length (file);
  if (size < 28)
    {
      g_debug ("%s: too short for a translation catalogue", path);
      return;
    }
  self->data = g_mapped_file_get_bytes (file);
  data = g_bytes_get_data (self->data, &size);

  memcpy (&magic, data, sizeof magic);
  if (magic == MO_MAGIC)
    swapped = FALSE;
  else if (magic == MO_MAGIC_SWAPPED)
    swapped = TRUE;
  else
    {
      g_debug ("%s: not a translation catalogue", path);
      g_clear_pointer (&self->data, g_bytes_unref);
      return;
    }

  revision = read_u32 (data, 4, swapped);
  count = read_u32 (data, 8, swapped);
  originals = read_u32 (data, 12, swapped);
  translations = read_u32 (data, 16, swapped);
  if ((revision >> 16) > 1)
    {
      g_debug ("%s: unknown catalogue revision %u", path, revision);
      g_clear_pointer (&self->data, g_bytes_unref);
      return;
    }

  self->messages = g_hash_table_new (g_str_hash, g_str_equal);
  self->lengths = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint32 i = 0; i < count; i++)
    {
      const char *msgid, *msgstr;
      guint32 id_len = 0, str_len = 0;

      msgid = mo_string (data, size, originals, i, swapped, &id_len);
      msgstr = mo_string (data, size, translations, i, swapped, &str_len);
      if (msgid == NULL || msgstr == NULL)
        {
          g_debug ("%s: entry %u lies outside the file; catalogue truncated?", path, i);
          break;
        }
      if (!translation_is_valid (msgstr, str_len))
        continue;
      if (*msgid == '\0')
        {
          /* The header. Catalogues in another charset than UTF-8 are ignored:
           * msgfmt keeps the .po file's charset and ours are all UTF-8. */
          if (strstr (msgstr, "charset=") && !strstr (msgstr, "charset=UTF-8")
              && !strstr (msgstr, "charset=utf-8"))
            {
              g_debug ("%s: not in UTF-8; ignored", path);
              g_hash_table_remove_all (self->messages);
              g_hash_table_remove_all (self->lengths);
              return;
            }
          parse_plural_forms (self, msgstr);
          continue;
        }
      if (str_len == 0)
        continue;
      g_hash_table_insert (self->messages, (gpointer) msgid, (gpointer) msgstr);
      g_hash_table_insert (self->lengths, (gpointer) msgid, GUINT_TO_POINTER (str_len));
    }
}

/* "fr_BE.UTF-8@euro" → fr_BE@euro, fr_BE, fr@euro, fr */
static GPtrArray *
language_candidates (const char *language)
{
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *lang = NULL;
  g_autofree char *territory = NULL;
  g_autofree char *modifier = NULL;
  g_autofree char *normal = g_strdelimit (g_strdup (language), "-", '_');
  const char *at;
  gsize len;

  /* BCP 47 tags ("pt-BR") name the same catalogues as POSIX ones ("pt_BR"). */
  language = normal;
  at = strchr (language, '@');
  len = strcspn (language, "_.@");

  lang = g_strndup (language, len);
  if (language[len] == '_')
    territory = g_strndup (language + len + 1, strcspn (language + len + 1, ".@"));
  if (at != NULL)
    modifier = g_strdup (at + 1);

  if (territory && modifier)
    g_ptr_array_add (names, g_strdup_printf ("%s_%s@%s", lang, territory, modifier));
  if (territory)
    g_ptr_array_add (names, g_strdup_printf ("%s_%s", lang, territory));
  if (modifier)
    g_ptr_array_add (names, g_strdup_printf ("%s@%s", lang, modifier));
  g_ptr_array_add (names, g_strdup (lang));
  return names;
}

static gboolean
language_is_valid (const char *language)
{
  if (language == NULL || *language == '\0' || strlen (language) > 32)
    return FALSE;
  for (const char *p = language; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '_' && *p != '-' && *p != '.' && *p != '@')
      return FALSE;
  return g_ascii_isalpha (language[0]);
}

static PaReportI18n *
i18n_load (const char *localedir,
           const char *domain,
           const char *language)
{
  PaReportI18n *self = g_new0 (PaReportI18n, 1);
  g_autoptr (GPtrArray) candidates = NULL;
  g_autofree char *mo_name = g_strconcat (domain, ".mo", NULL);

  g_atomic_ref_count_init (&self->ref_count);
  self->language = g_strdup (language);
  self->rtl = pa_report_language_is_rtl (language);
  self->nplurals = 2;

  if (localedir == NULL || !language_is_valid (language))
    return self;

  candidates = language_candidates (language);
  for (guint i = 0; i < candidates->len && self->messages == NULL; i++)
    {
      g_autofree char *path = g_build_filename (localedir, candidates->pdata[i], "LC_MESSAGES",
                                                mo_name, NULL);
      load_catalog (self, path);
    }
  return self;
}

/**
 * pa_report_i18n_new_from_dir:
 * @localedir: the folder holding LANG/LC_MESSAGES/DOMAIN.mo
 * @domain: the gettext domain
 * @language: a language code such as "fr", "ar" or "pt_BR"
 *
 * Finds and reads the catalogue once; later calls with the same arguments
 * share it. A missing or damaged catalogue is not an error: strings then stay
 * in English, as gettext does.
 *
 * Returns: (transfer full): the translations for @language.
 */
PaReportI18n *
pa_report_i18n_new_from_dir (const char *localedir,
                             const char *domain,
                             const char *language)
{
  g_autofree char *key = NULL;
  PaReportI18n *self;

  g_return_val_if_fail (domain != NULL, NULL);
  g_return_val_if_fail (language != NULL, NULL);

  key = g_strdup_printf ("%s\n%s\n%s", localedir ? localedir : "", domain, language);
  g_mutex_lock (&cache_lock);
  if (cache == NULL)
    cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                   (GDestroyNotify) pa_report_i18n_unref);
  self = g_hash_table_lookup (cache, key);
  if (self == NULL)
    {
      self = i18n_load (localedir, domain, language);
      g_hash_table_insert (cache, g_steal_pointer (&key), self);
    }
  pa_report_i18n_ref (self);
  g_mutex_unlock (&cache_lock);
  return self;
}

static gboolean
localedir_has_catalog (const char *localedir,
                       const char *language)
{
  g_autoptr (GPtrArray) candidates = NULL;

  if (!language_is_valid (language))
    return FALSE;
  candidates = language_candidates (language);
  for (guint i = 0; i < candidates->len; i++)
    {
      g_autofree char *path = g_build_filename (localedir, candidates->pdata[i], "LC_MESSAGES",
                                                GETTEXT_PACKAGE ".mo", NULL);
      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        return TRUE;
    }
  return FALSE;
}

/**
 * pa_i18n_localedir_override:
 *
 * Returns: (nullable): $PASSERELLE_LOCALEDIR when set and not empty: the
 * folder of our translations in an uninstalled build (tests, a developer's
 * run), or %NULL for the installed ones.
 */
const char *
pa_i18n_localedir_override (void)
{
  const char *dir = g_getenv ("PASSERELLE_LOCALEDIR");

  return dir != NULL && *dir != '\0' ? dir : NULL;
}

/**
 * pa_i18n_bind_textdomain:
 *
 * Binds our gettext domain, in UTF-8, to pa_i18n_localedir_override () or
 * else the installed locale folder, and makes it the default domain: the
 * interface and passerelle-cli translate through it the same way.
 */
void
pa_i18n_bind_textdomain (void)
{
  const char *localedir = pa_i18n_localedir_override ();

  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

/**
 * pa_report_i18n_new:
 * @language: a language code such as "fr" or "ar"
 *
 * The application's own translations for @language: from
 * $PASSERELLE_LOCALEDIR when set (tests, uninstalled runs), else the installed
 * locale folder, else the build tree's.
 *
 * Returns: (transfer full): the translations for @language.
 */
PaReportI18n *
pa_report_i18n_new (const char *language)
{
  const char *dirs[] = { pa_i18n_localedir_override (), LOCALEDIR, BUILD_LOCALEDIR };
  const char *localedir = NULL;

  g_return_val_if_fail (language != NULL, NULL);

  if (dirs[0] != NULL)
    localedir = dirs[0];
  else
    for (gsize i = 1; i < G_N_ELEMENTS (dirs) && localedir == NULL; i++)
      if (localedir_has_catalog (dirs[i], language))
        localedir = dirs[i];
  return pa_report_i18n_new_from_dir (localedir ? localedir : LOCALEDIR, GETTEXT_PACKAGE,
                                      language);
}

PaReportI18n *
pa_report_i18n_ref (PaReportI18n *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
pa_report_i18n_unref (PaReportI18n *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_clear_pointer (&self->messages, g_hash_table_unref);
  g_clear_pointer (&self->lengths, g_hash_table_unref);
  g_clear_pointer (&self->data, g_bytes_unref);
  plural_free (self->plural);
  g_free (self->language);
  g_free (self);
}

const char *
pa_report_i18n_get_language (PaReportI18n *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->language;
}

/**
 * pa_report_i18n_has_catalog:
 * @self: translations
 *
 * Returns: %TRUE when a catalogue was found and read for the language.
 */
gboolean
pa_report_i18n_has_catalog (PaReportI18n *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->messages != NULL && g_hash_table_size (self->messages) > 0;
}

gboolean
pa_report_i18n_is_rtl (PaReportI18n *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->rtl;
}

/**
 * pa_report_language_is_rtl:
 * @language: a language code
 *
 * Returns: %TRUE for languages written right to left (Arabic, Persian, Dari,
 * Pashto, Urdu, Hebrew, Sorani Kurdish, …).
 */
gboolean
pa_report_language_is_rtl (const char *language)
{
  static const char *const rtl[] = {
    "ar", "arc", "ckb", "dv", "fa", "he", "ks", "prs", "ps", "sd", "syr", "ug", "ur", "yi",
  };
  g_autofree char *lang = NULL;

  if (language == NULL)
    return FALSE;
  lang = g_ascii_strdown (language, strcspn (language, "_-.@"));
  for (gsize i = 0; i < G_N_ELEMENTS (rtl); i++)
    if (g_str_equal (lang, rtl[i]))
      return TRUE;
  return FALSE;
}

static const char *
lookup (PaReportI18n *self,
        const char   *key)
{
  if (self->messages == NULL)
    return NULL;
  return g_hash_table_lookup (self->messages, key);
}

/**
 * pa_report_gettext:
 * @self: translations
 * @msgid: an English string
 *
 * Returns: (transfer none): the translation of @msgid, or @msgid. Valid as
 * long as @self.
 */
const char *
pa_report_gettext (PaReportI18n *self,
                   const char   *msgid)
{
  const char *found;

  g_return_val_if_fail (self != NULL, msgid);
  g_return_val_if_fail (msgid != NULL, NULL);

  found = lookup (self, msgid);
  return found ? found : msgid;
}

/**
 * pa_report_pgettext:
 * @self: translations
 * @context: the message context (msgctxt)
 * @msgid: an English string
 *
 * Returns: (transfer none): the translation of @msgid in @context, or @msgid.
 */
const char *
pa_report_pgettext (PaReportI18n *self,
                    const char   *context,
                    const char   *msgid)
{
  g_autofree char *key = NULL;
  const char *found;

  g_return_val_if_fail (self != NULL, msgid);
  g_return_val_if_fail (context != NULL, msgid);
  g_return_val_if_fail (msgid != NULL, NULL);

  key = g_strconcat (context, "\004", msgid, NULL);
  found = lookup (self, key);
  return found ? found : msgid;
}

/**
 * pa_report_ngettext:
 * @self: translations
 * @msgid: the English singular
 * @msgid_plural: the English plural
 * @n: the number that decides the form
 *
 * Returns: (transfer none): the form of the translation that the language's
 * plural rule picks for @n, or the English form.
 */
const char *
pa_report_ngettext (PaReportI18n *self,
                    const char   *msgid,
                    const char   *msgid_plural,
                    gulong        n)
{
  const char *found;
  gulong index;
  guint32 length;

  g_return_val_if_fail (self != NULL, n == 1 ? msgid : msgid_plural);
  g_return_val_if_fail (msgid != NULL && msgid_plural != NULL, NULL);

  found = lookup (self, msgid);
  if (found == NULL)
    return n == 1 ? msgid : msgid_plural;

  index = self->plural ? plural_eval (self->plural, n) : (n != 1);
  if (index >= self->nplurals)
    index = 0;
  length = GPOINTER_TO_UINT (g_hash_table_lookup (self->lengths, msgid));
  for (const char *p = found, *end = found + length; p <= end; p += strlen (p) + 1, index--)
    if (index == 0)
      return p;
  return n == 1 ? msgid : msgid_plural;
}

/**
 * pa_report_expand:
 * @template_: a string with {name} placeholders
 * @...: pairs of name and value, then %NULL
 *
 * Fills in a translated template. Unlike printf formats, a translation that
 * misspells, drops or repeats a placeholder cannot crash anything.
 *
 * Returns: (transfer full): the expanded string.
 */
char *
pa_report_expand (const char *template_,
                  ...)
{
  GString *out;
  va_list args;
  GPtrArray *pairs = g_ptr_array_new ();
  const char *p;

  g_return_val_if_fail (template_ != NULL, NULL);

  va_start (args, template_);
  for (const char *name = va_arg (args, const char *); name; name = va_arg (args, const char *))
    {
      g_ptr_array_add (pairs, (gpointer) name);
      g_ptr_array_add (pairs, (gpointer) va_arg (args, const char *));
    }
  va_end (args);

  out = g_string_new (NULL);
  for (p = template_; *p;)
    {
      const char *close;
      gboolean replaced = FALSE;

      if (*p == '{' && (close = strchr (p + 1, '}')) != NULL)
        {
          for (guint i = 0; i + 1 < pairs->len; i += 2)
            {
              const char *name = pairs->pdata[i];

              if (strlen (name) == (gsize) (close - p - 1) && strncmp (p + 1, name, close - p - 1) == 0)
                {
                  g_string_append (out, pairs->pdata[i + 1] ? pairs->pdata[i + 1] : "");
                  p = close + 1;
                  replaced = TRUE;
                  break;
                }
            }
        }
      if (!replaced)
        g_string_append_c (out, *p++);
    }
  g_ptr_array_unref (pairs);
  return g_string_free (out, FALSE);
}

/* Month names, translated with the context "month" both in reports (through
 * their own catalogue) and in the interface (through gettext), so a date reads
 * the same in a certificate and in the window. */
static const char *const month_names[] = {
  /* Translators: month names as they appear in a date on a certificate. */
  NC_("month", "January"),
  NC_("month", "February"),
  NC_("month", "March"),
  NC_("month", "April"),
  NC_("month", "May"),
  NC_("month", "June"),
  NC_("month", "July"),
  NC_("month", "August"),
  NC_("month", "September"),
  NC_("month", "October"),
  NC_("month", "November"),
  NC_("month", "December"),
};

static char *
expand_date (const char  *template_,
             const GDate *date,
             const char  *month)
{
  char day[8], year[8];

  g_snprintf (day, sizeof day, "%u", g_date_get_day (date));
  g_snprintf (year, sizeof year, "%u", g_date_get_year (date));
  return pa_report_expand (template_, "day", day, "month", month, "year", year, NULL);
}

/**
 * pa_report_i18n_format_date:
 * @self: translations
 * @date: a valid date
 *
 * Formats @date with the report language's month names and order ("23
 * November 2026", "23 novembre 2026"), independent of the process locale.
 *
 * Returns: (transfer full): the date as text.
 */
char *
pa_report_i18n_format_date (PaReportI18n *self,
                            const GDate  *date)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  return expand_date (
    /* Translators: the order of a full date; keep the names in braces. */
    pa_report_gettext (self, "{day} {month} {year}"),
    date, pa_report_pgettext (self, "month", month_names[g_date_get_month (date) - 1]));
}

/**
 * pa_format_date:
 * @date: a valid date
 * @with_year: %FALSE for the short form ("23 November")
 *
 * Formats @date in the interface language, with the same month names and
 * order as reports. Unlike strftime's %B, which follows the system's
 * LC_TIME, this follows the language of the messages (LANGUAGE), which the
 * preferences may set apart from the system's locale on a shared PC.
 *
 * Returns: (transfer full): the date as text.
 */
char *
pa_format_date (const GDate *date,
                gboolean     with_year)
{
  const char *month;

  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  month = g_dpgettext2 (GETTEXT_PACKAGE, "month", month_names[g_date_get_month (date) - 1]);
  if (with_year)
    return expand_date (g_dgettext (GETTEXT_PACKAGE, "{day} {month} {year}"), date, month);
  return expand_date (
    /* Translators: a date without its year, as in "23 November"; keep the names in braces. */
    g_dpgettext2 (GETTEXT_PACKAGE, "date", "{day} {month}"), date, month);
}
