/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pa-framework-xml"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/xmlIO.h>
#include <libxml/xmlschemas.h>

#include "pa-framework-xml.h"

/* Framework files (built-in or packs from elsewhere) are parsed as hostile
 * input: no DOCTYPE at all (so no entity can be declared, expanded or fetched
 * and no DTD is loaded), no network, no XInclude, UTF-8 only, and every size
 * bounded *while* reading, so a 1 GB text node or a billion-laughs file is
 * refused before it is held in memory. libxml2 2.9.14 has no
 * XML_PARSE_NO_XXE; refusing the DOCTYPE in the SAX callback that sees it
 * first gives the same guarantee. */

#define FRAMEWORK_NS "http://passerelle.org/ns/framework/1"
#define RESOURCE_DIR "/org/passerelle/Passerelle/frameworks/"
#define RESOURCE_URI "resource://" RESOURCE_DIR
#define READ_CHUNK 65536

static const char *const builtin_ids[] = {
  "cefr", "eqf", "digcomp", "isced", "isco08", "transversal", NULL
};

typedef struct
{
  const char *lang;
  const char *value;
} TextEntry;

struct _PaFrameworkText
{
  GArray *entries;  /* TextEntry; strings in the document's chunk */
};

typedef struct
{
  const char *level;
  PaFrameworkText text;
} Descriptor;

struct _PaFrameworkLevel
{
  const char *code;
  guint index;
  guint line;
  PaFrameworkLevel *group;
  PaFrameworkText label;
  PaFrameworkText description;
};

struct _PaFrameworkItem
{
  const char *code;
  const char *kind;
  const char *esco_uri;
  guint line;
  guint depth;
  PaFrameworkItem *parent;
  GPtrArray *children;      /* PaFrameworkItem*, not owned */
  PaFrameworkText label;
  PaFrameworkText description;
  GArray *descriptors;      /* Descriptor */
};

struct _PaFrameworkDoc
{
  gatomicrefcount ref_count;
  GStringChunk *strings;
  const char *name;
  const char *id;
  const char *version;
  const char *source;
  const char *url;
  PaFrameworkText label;
  PaFrameworkText description;
  GPtrArray *levels;        /* PaFrameworkLevel*, owned, scale order */
  GPtrArray *level_groups;  /* PaFrameworkLevel*, owned */
  GHashTable *level_by_code;
  GPtrArray *items;         /* every PaFrameworkItem*, owned, parents first */
  GPtrArray *top_items;     /* not owned */
  GHashTable *item_by_code;
};

G_DEFINE_QUARK (pa-framework-error-quark, pa_framework_error)

typedef enum
{
  SCAN_TEXT,
  SCAN_LT,
  SCAN_BANG,
  SCAN_TAG,
  SCAN_QUOTE,
  SCAN_COMMENT,
  SCAN_CDATA,
  SCAN_PI,
  SCAN_OTHER,
} ScanState;

typedef struct
{
  const char *name;         /* for messages */
  GInputStream *stream;
  gsize bytes_read;
  GError *error;            /* the first problem; stops everything */
  xmlParserCtxtPtr ctxt;
  gboolean in_read;         /* inside read_cb, where the parser must not be halted */

  /* The byte scanner, run on raw input before libxml2 sees it. */
  ScanState scan;
  char quote;
  guint attributes;
  guint scan_line;
  char bang[8];
  guint bang_len;
  guint prev[2];

  /* Counters kept by the SAX wrappers. */
  gsize text_run;
  guint nodes;
} ParseState;

static GPrivate current_state;

static void
text_clear (PaFrameworkText *text)
{
  g_clear_pointer (&text->entries, g_array_unref);
}

static void
level_free (gpointer data)
{
  PaFrameworkLevel *level = data;

  text_clear (&level->label);
  text_clear (&level->description);
  g_free (level);
}

static void
item_free (gpointer data)
{
  PaFrameworkItem *item = data;

  text_clear (&item->label);
  text_clear (&item->description);
  if (item->descriptors != NULL)
    {
      for (guint i = 0; i < item->descriptors->len; i++)
        text_clear (&g_array_index (item->descriptors, Descriptor, i).text);
      g_array_unref (item->descriptors);
    }
  g_clear_pointer (&item->children, g_ptr_array_unref);
  g_free (item);
}

static PaFrameworkDoc *
doc_new (const char *name)
{
  PaFrameworkDoc *doc = g_new0 (PaFrameworkDoc, 1);

  g_atomic_ref_count_init (&doc->ref_count);
  doc->strings = g_string_chunk_new (4096);
  doc->name = g_string_chunk_insert_const (doc->strings, name);
  doc->levels = g_ptr_array_new_with_free_func (level_free);
  doc->level_groups = g_ptr_array_new_with_free_func (level_free);
  doc->level_by_code = g_hash_table_new (g_str_hash, g_str_equal);
  doc->items = g_ptr_array_new_with_free_func (item_free);
  doc->top_items = g_ptr_array_new ();
  doc->item_by_code = g_hash_table_new (g_str_hash, g_str_equal);
  return doc;
}

/* Error helpers: the first error wins; later ones are consequences. */
static void
state_fail (ParseState *st,
            int         code,
            const char *format,
            ...) G_GNUC_PRINTF (3, 4);

static void
state_fail (ParseState *st,
            int         code,
            const char *format,
            ...)
{
  va_list args;

  if (st->error != NULL)
    return;
  va_start (args, format);
  st->error = g_error_new_valist (PA_FRAMEWORK_ERROR, code, format, args);
  va_end (args);
  /* Halting frees the input buffer, which read_cb is filling: there, the
   * -1 it returns stops the parser instead. */
  if (st->ctxt != NULL && !st->in_read)
    xmlStopParser (st->ctxt);
}

static char *
format_size (guint64 size)
{
  return g_format_size_full (size, G_FORMAT_SIZE_IEC_UNITS);
}

static int
current_line (ParseState *st)
{
  return st->ctxt != NULL ? xmlSAX2GetLineNumber (st->ctxt) : 0;
}

static char *
first_line (const char *message)
{
  const char *end;

  if (message == NULL)
    return g_strdup ("?");
  end = strchr (message, '\n');
  return g_strstrip (end ? g_strndup (message, end - message) : g_strdup (message));
}

/* The raw bytes are scanned before libxml2 parses them, for the two things
 * libxml2 2.9.14 handles badly: NUL bytes (UTF-16/32 input, which would also
 * defeat this scanner) and elements with a huge number of attributes, whose
 * duplicate check is quadratic (1 MB of attributes takes half a minute). */
static gboolean
scan_bytes (ParseState *st,
            const char *buf,
            gsize       len)
{
  for (gsize i = 0; i < len; i++)
    {
      guchar c = buf[i];

      if (c == '\0')
        {
          state_fail (st, PA_FRAMEWORK_ERROR_MALFORMED,
                      _("“%s”, line %u: the file is not UTF-8 text (it holds a NUL byte)."),
                      st->name, st->scan_line);
          return FALSE;
        }
      if (c == '\n')
        st->scan_line++;

      switch (st->scan)
        {
        case SCAN_TEXT:
          if (c == '<')
            st->scan = SCAN_LT;
          break;
        case SCAN_LT:
          if (c == '!')
            {
              st->scan = SCAN_BANG;
              st->bang_len = 0;
            }
          else if (c == '?')
            st->scan = SCAN_PI;
          else if (c == '/')
            st->scan = SCAN_OTHER;
          else
            {
              st->scan = SCAN_TAG;
              st->attributes = 0;
            }
          break;
        case SCAN_BANG:
          st->bang[st->bang_len++] = c;
          if (st->bang_len == 2 && memcmp (st->bang, "--", 2) == 0)
            st->scan = SCAN_COMMENT;
          else if (st->bang_len == 7 && memcmp (st->bang, "[CDATA[", 7) == 0)
            st->scan = SCAN_CDATA;
          else if (strncmp (st->bang, "--", MIN (st->bang_len, 2)) != 0 &&
                   strncmp (st->bang, "[CDATA[", MIN (st->bang_len, 7)) != 0)
            st->scan = c == '>' ? SCAN_TEXT : SCAN_OTHER;
          st->prev[0] = st->prev[1] = 0;
          break;
        case SCAN_TAG:
          if (c == '"' || c == '\'')
            {
              st->scan = SCAN_QUOTE;
              st->quote = c;
            }
          else if (c == '>')
            st->scan = SCAN_TEXT;
          else if (c == '=' && ++st->attributes > PA_FRAMEWORK_MAX_ATTRIBUTES)
            {
              state_fail (st, PA_FRAMEWORK_ERROR_TOO_LARGE,
                          _("“%s”, line %u: an element has more than %u attributes."),
                          st->name, st->scan_line, PA_FRAMEWORK_MAX_ATTRIBUTES);
              return FALSE;
            }
          break;
        case SCAN_QUOTE:
          if (c == (guchar) st->quote)
            st->scan = SCAN_TAG;
          break;
        case SCAN_COMMENT:
          if (c == '>' && st->prev[0] == '-' && st->prev[1] == '-')
            st->scan = SCAN_TEXT;
          break;
        case SCAN_CDATA:
          if (c == '>' && st->prev[0] == ']' && st->prev[1] == ']')
            st->scan = SCAN_TEXT;
          break;
        case SCAN_PI:
          if (c == '>' && st->prev[1] == '?')
            st->scan = SCAN_TEXT;
          break;
        case SCAN_OTHER:
          if (c == '>')
            st->scan = SCAN_TEXT;
          break;
        default:
          g_assert_not_reached ();
        }
      st->prev[0] = st->prev[1];
      st->prev[1] = c;
    }
  return TRUE;
}

static gssize
read_chunk (ParseState *st,
            char       *buffer,
            int         len)
{
  g_autoptr (GError) local_error = NULL;
  gssize n;

  n = g_input_stream_read (st->stream, buffer, MIN (len, READ_CHUNK), NULL, &local_error);
  if (n < 0)
    {
      state_fail (st, PA_FRAMEWORK_ERROR_READ, _("Cannot read “%s”: %s"),
                  st->name, local_error->message);
      return -1;
    }
  st->bytes_read += n;
  if (st->bytes_read > PA_FRAMEWORK_MAX_FILE_BYTES)
    {
      g_autofree char *limit = format_size (PA_FRAMEWORK_MAX_FILE_BYTES);
      state_fail (st, PA_FRAMEWORK_ERROR_TOO_LARGE,
                  _("“%s” is too large: framework files may hold at most %s."),
                  st->name, limit);
      return -1;
    }
  if (!scan_bytes (st, buffer, n))
    return -1;
  return n;
}

static int
read_cb (void *context,
         char *buffer,
         int   len)
{
  ParseState *st = context;
  gssize n;

  if (st->error != NULL)
    return -1;
  st->in_read = TRUE;
  n = read_chunk (st, buffer, len);
  st->in_read = FALSE;
  return (int) n;
}

/* SAX wrappers. The default SAX2 handlers build the tree; these only count
 * and refuse, before libxml2 allocates what they refuse. */

static ParseState *
state_of (void)
{
  return g_private_get (&current_state);
}

static void
refuse_dtd (ParseState *st)
{
  state_fail (st, PA_FRAMEWORK_ERROR_REFUSED,
              _("“%s”, line %d: document type declarations (DOCTYPE) are refused, because "
                "they can expand entities and load other files."),
              st->name, current_line (st));
}

static void
internal_subset_cb (void          *ctx,
                    const xmlChar *name,
                    const xmlChar *external_id,
                    const xmlChar *system_id)
{
  refuse_dtd (state_of ());
}

static void
entity_decl_cb (void          *ctx,
                const xmlChar *name,
                int            type,
                const xmlChar *public_id,
                const xmlChar *system_id,
                xmlChar       *content)
{
  refuse_dtd (state_of ());
}

static xmlParserInputPtr
resolve_entity_cb (void          *ctx,
                   const xmlChar *public_id,
                   const xmlChar *system_id)
{
  refuse_dtd (state_of ());
  return NULL;
}

static gboolean
count_node (ParseState *st)
{
  st->text_run = 0;
  if (++st->nodes > PA_FRAMEWORK_MAX_ELEMENTS)
    {
      state_fail (st, PA_FRAMEWORK_ERROR_TOO_LARGE,
                  _("“%s”, line %d: the file has more than %u elements."),
                  st->name, current_line (st), PA_FRAMEWORK_MAX_ELEMENTS);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_text (ParseState *st,
            gsize       len)
{
  if (len > PA_FRAMEWORK_MAX_TEXT_BYTES)
    {
      g_autofree char *limit = format_size (PA_FRAMEWORK_MAX_TEXT_BYTES);
      state_fail (st, PA_FRAMEWORK_ERROR_TOO_LARGE,
                  _("“%s”, line %d: a text is longer than %s."),
                  st->name, current_line (st), limit);
      return FALSE;
    }
  return TRUE;
}

static void
start_element_cb (void           *ctx,
                  const xmlChar  *localname,
                  const xmlChar  *prefix,
                  const xmlChar  *uri,
                  int             nb_namespaces,
                  const xmlChar **namespaces,
                  int             nb_attributes,
                  int             nb_defaulted,
                  const xmlChar **attributes)
{
  ParseState *st = state_of ();

  if (st->error != NULL || !count_node (st))
    return;
  /* Attributes come as (localname, prefix, URI, value, end) quintuples. */
  for (int i = 0; i < nb_attributes; i++)
    if (!check_text (st, attributes[i * 5 + 4] - attributes[i * 5 + 3]))
      return;
  xmlSAX2StartElementNs (ctx, localname, prefix, uri, nb_namespaces, namespaces,
                         nb_attributes, nb_defaulted, attributes);
}

static void
end_element_cb (void          *ctx,
                const xmlChar *localname,
                const xmlChar *prefix,
                const xmlChar *uri)
{
  ParseState *st = state_of ();

  st->text_run = 0;
  if (st->error == NULL)
    xmlSAX2EndElementNs (ctx, localname, prefix, uri);
}

static void
characters_cb (void          *ctx,
               const xmlChar *ch,
               int            len)
{
  ParseState *st = state_of ();

  st->text_run += len;
  if (st->error == NULL && check_text (st, st->text_run))
    xmlSAX2Characters (ctx, ch, len);
}

static void
cdata_cb (void          *ctx,
          const xmlChar *ch,
          int            len)
{
  ParseState *st = state_of ();

  st->text_run += len;
  if (st->error == NULL && check_text (st, st->text_run))
    xmlSAX2CDataBlock (ctx, ch, len);
}

static void
comment_cb (void          *ctx,
            const xmlChar *value)
{
  ParseState *st = state_of ();

  if (st->error == NULL && count_node (st) && check_text (st, strlen ((const char *) value)))
    xmlSAX2Comment (ctx, value);
}

static void
pi_cb (void          *ctx,
       const xmlChar *target,
       const xmlChar *data)
{
  ParseState *st = state_of ();

  if (st->error == NULL && count_node (st) &&
      check_text (st, data != NULL ? strlen ((const char *) data) : 0))
    xmlSAX2ProcessingInstruction (ctx, target, data);
}

static void
structured_error_cb (void        *data,
                     xmlErrorPtr  error)
{
  ParseState *st = data;
  g_autofree char *message = NULL;

  if (error == NULL || error->level == XML_ERR_WARNING || st->error != NULL)
    return;
  message = first_line (error->message);
  if (error->domain == XML_FROM_SCHEMASV)
    state_fail (st, PA_FRAMEWORK_ERROR_INVALID,
                _("“%s”, line %d: the file does not follow the framework schema: %s"),
                st->name, error->line, message);
  else
    state_fail (st, PA_FRAMEWORK_ERROR_MALFORMED,
                _("“%s”, line %d: the file is not well-formed XML: %s"),
                st->name, error->line, message);
}

static void
generic_error_cb (void       *ctx,
                  const char *msg,
                  ...)
{
  /* Everything worth saying arrives through the structured handler. */
}

/* The schema imports xml.xsd by a relative location; this serves both files
 * from the core GResource, so nothing is read from disk or network. */
static int
resource_match_cb (const char *uri)
{
  return uri != NULL && g_str_has_prefix (uri, RESOURCE_URI);
}

static void *
resource_open_cb (const char *uri)
{
  return g_resources_open_stream (uri + strlen ("resource://"), 0, NULL);
}

static int
resource_read_cb (void *context,
                  char *buffer,
                  int   len)
{
  return (int) g_input_stream_read (context, buffer, len, NULL, NULL);
}

static int
resource_close_cb (void *context)
{
  g_object_unref (context);
  return 0;
}

static xmlSchemaPtr
framework_schema (void)
{
  static gsize done;
  static xmlSchemaPtr schema;

  if (g_once_init_enter (&done))
    {
      g_autoptr (GBytes) bytes = NULL;
      xmlDocPtr xsd;
      xmlSchemaParserCtxtPtr pctxt;
      gsize size;
      const char *data;

      xmlInitParser ();
      xmlRegisterInputCallbacks (resource_match_cb, resource_open_cb,
                                 resource_read_cb, resource_close_cb);
      bytes = g_resources_lookup_data (RESOURCE_DIR "framework.xsd", 0, NULL);
      g_assert (bytes != NULL);
      data = g_bytes_get_data (bytes, &size);
      xsd = xmlReadMemory (data, (int) size, RESOURCE_URI "framework.xsd", NULL, XML_PARSE_NONET);
      g_assert (xsd != NULL);
      pctxt = xmlSchemaNewDocParserCtxt (xsd);
      schema = xmlSchemaParse (pctxt);
      xmlSchemaFreeParserCtxt (pctxt);
      xmlFreeDoc (xsd);
      /* The schema ships inside the program: failing to compile it is a
       * build defect, not a user error. */
      if (schema == NULL)
        g_error ("The built-in framework schema does not compile");
      g_once_init_leave (&done, 1);
    }
  return schema;
}

/* Model building, on a tree the schema has already accepted. */

static gboolean
is_element (xmlNodePtr  node,
            const char *name)
{
  return node->type == XML_ELEMENT_NODE && node->ns != NULL &&
         xmlStrEqual (node->ns->href, (const xmlChar *) FRAMEWORK_NS) &&
         xmlStrEqual (node->name, (const xmlChar *) name);
}

static const char *
intern_attr (PaFrameworkDoc *doc,
             xmlNodePtr      node,
             const char     *name)
{
  xmlChar *value = xmlGetNoNsProp (node, (const xmlChar *) name);
  const char *interned = NULL;

  if (value != NULL)
    interned = g_string_chunk_insert_const (doc->strings, g_strstrip ((char *) value));
  xmlFree (value);
  return interned;
}

static gboolean
text_add (PaFrameworkDoc  *doc,
          PaFrameworkText *text,
          xmlNodePtr       node,
          const char      *what,
          GError         **error)
{
  xmlChar *lang = xmlGetNsProp (node, (const xmlChar *) "lang", XML_XML_NAMESPACE);
  xmlChar *content = xmlNodeGetContent (node);
  g_autofree char *lang_down = g_ascii_strdown ((const char *) lang, -1);
  TextEntry entry;
  gboolean ok = FALSE;

  g_strstrip ((char *) content);
  if (*content == '\0')
    {
      g_set_error (error, PA_FRAMEWORK_ERROR, PA_FRAMEWORK_ERROR_INVALID,
                   _("“%s”, line %ld: the %s in “%s” is blank."),
                   doc->name, xmlGetLineNo (node), what, lang_down);
      goto out;
    }
  /* Bounded, because the duplicate check below is a linear scan. */
  if (pa_framework_text_get_n_langs (text) >= PA_FRAMEWORK_MAX_LANGS)
    {
      g_set_error (error, PA_FRAMEWORK_ERROR, PA_FRAMEWORK_ERROR_TOO_LARGE,
                   _("“%s”, line %ld: a text is given in more than %u languages."),
                   doc->name, xmlGetLineNo (node), PA_FRAMEWORK_MAX_LANGS);
      goto out;
    }
  if (pa_framework_text_get_exact (text, lang_down) != NULL)
    {
      g_set_error (error, PA_FRAMEWORK_ERROR, PA_FRAMEWORK_ERROR_INVALID,
                   _("“%s”, line %ld: a second %s in “%s”."),
                   doc->name, xmlGetLineNo (node), what, lang_down);
      goto out;
    }
  if (text->entries == NULL)
    text->entries = g_array_new (FALSE, FALSE, sizeof (TextEntry));
  entry.lang = g_string_chunk_insert_const (doc->strings, lang_down);
  entry.value = g_string_chunk_insert (doc->strings, (const char *) content);
  g_array_append_val (text->entries, entry);
  ok = TRUE;

out:
  xmlFree (lang);
  xmlFree (content);
  return ok;
}

/* Reads the label and description children of @node. */
static gboolean
read_texts (PaFrameworkDoc  *doc,
            xmlNodePtr       node,
            PaFrameworkText *label,
            PaFrameworkText *description,
            GError         **error)
{
  for (xmlNodePtr child = node->children; child != NULL; child = child->next)
    {
      if (is_element (child, "label") &&
          !text_add (doc, label, child, C_("framework-text", "label"), error))
        return FALSE;
      if (is_element (child, "description") &&
          !text_add (doc, description, child, C_("framework-text", "description"), error))
        return FALSE;
    }
  return TRUE;
}

static PaFrameworkLevel *
read_level (PaFrameworkDoc  *doc,
            xmlNodePtr       node,
            GError         **error)
{
  PaFrameworkLevel *level;

  /* Bounded, because descriptors are looked up by a linear scan. */
  if (g_hash_table_size (doc->level_by_code) >= PA_FRAMEWORK_MAX_LEVELS)
    {
      g_set_error (error, PA_FRAMEWORK_ERROR, PA_FRAMEWORK_ERROR_TOO_LARGE,
                   _("“%s”, line %ld: the framework has more than %u levels."),
                   doc->name, xmlGetLineNo (node), PA_FRAMEWORK_MAX_LEVELS);
      return NULL;
    }
  level = g_new0 (PaFrameworkLevel, 1);
  level->code = intern_attr (doc, node, "code");
  level->line = xmlGetLineNo (node);
  if (g_hash_table_contains (doc->level_by_code, level->code))
    {
      g_set_error (error, PA_FRAMEWORK_ERROR, PA_FRAMEWORK_ERROR_INVALID,
                   _("“%s”, line %u: the level code “%s” is used twice."),
                   doc->name, level->line, level->code);
      level_free (level);
      return NULL;
    }
  g_hash_table_insert (doc->level_by_code, (gpointer) level->code, level);
  if (!read_texts (doc, node, &level->label, &level->description, error))
    {
      g_hash_table_remove (doc->level_by_code, level->code);
      level_free (level);
      return NULL;
    }
  return level;
}

static gboolean
read_levels (PaFrameworkDoc  *doc,
             xmlNodePtr       node,
             GError         **error)
{
  for (xmlNodePtr child = node->children; child != NULL; child = child->next)
    {
      if (is_element (child, "level"))
        {
          PaFrameworkLevel *level = read_level (doc, child, error);

          if (level == NULL)
            return FALSE;
          level->index = doc->levels->len;
          g_ptr_array_add (doc->levels, level);
        }
      else if (is_element (child, "level-group"))
        {
          PaFrameworkLevel *group = read_level (doc, child, error);

          if (group == NULL)
            return FALSE;
          group->index = doc->level_groups->len;
          g_ptr_array_add (doc->level_groups, group);
          for (xmlNodePtr sub = child->children; sub != NULL; sub = sub->next)
            {
              PaFrameworkLevel *level;

              if (!is_element (sub, "level"))
                continue;
              level = read_level (doc, sub, error);
              if (level == NULL)
                return FALSE;
              level->index = doc->levels->len;
              level->group = group;
              g_ptr_array_add (doc->levels, level);
            }
        }
    }
  return TRUE;
}

static gboolean
read_item (PaFrameworkDoc   *doc,
           xmlNodePtr        node,
           PaFrameworkItem  *parent,
           GError          **error)
{
  PaFrameworkItem *item = g_new0 (PaFrameworkItem, 1);

  item->code = intern_attr (doc, node, "code");
  item->kind = intern_attr (doc, node, "kind");
  item->esco_uri = intern_attr (doc, node, "esco-uri");
  item->line = xmlGetLineNo (node);
  item->parent = parent;
  item->depth = parent != NULL ? parent->depth + 1 : 0;
  if (g_hash_table_contains (doc->item_by_code, item->code))
    {
      g_set_error (error, PA_FRAMEWORK_ERROR, PA_FRAMEWORK_ERROR_INVALID,
                   _("“%s”, line %u: the item code “%s” is used twice."),
                   doc->name, item->line, item->code);
      item_free (item);
      return FALSE;
    }
  /* Owned by the document from here on, so an error below frees it. */
  g_ptr_array_add (doc->items, item);
  g_hash_table_insert (doc->item_by_code, (gpointer) item->code, item);
  if (parent != NULL)
    {
      if (parent->children == NULL)
        parent->children = g_ptr_array_new ();
      g_ptr_array_add (parent->children, item);
    }
  else
    g_ptr_array_add (doc->top_items, item);

  if (!read_texts (doc, node, &item->label, &item->description, error))
    return FALSE;
  for (xmlNodePtr child = node->children; child != NULL; child = child->next)
    {
      if (is_element (child, "descriptor"))
        {
          g_autofree char *level = (char *) xmlGetNoNsProp (child, (const xmlChar *) "level");
          Descriptor *descriptor = NULL;

          g_strstrip (level);
          if (!g_hash_table_contains (doc->level_by_code, level))
            {
              g_set_error (error, PA_FRAMEWORK_ERROR, PA_FRAMEWORK_ERROR_INVALID,
                           _("“%s”, line %ld: a descriptor names the level “%s”, which the "
                             "framework does not define."),
                           doc->name, xmlGetLineNo (child), level);
              return FALSE;
            }
          if (item->descriptors == NULL)
            item->descriptors = g_array_new (FALSE, TRUE, sizeof (Descriptor));
          for (guint i = 0; i < item->descriptors->len; i++)
            if (g_str_equal (g_array_index (item->descriptors, Descriptor, i).level, level))
              descriptor = &g_array_index (item->descriptors, Descriptor, i);
          if (descriptor == NULL)
            {
              Descriptor fresh = { g_string_chunk_insert_const (doc->strings, level), { NULL } };

              g_array_append_val (item->descriptors, fresh);
              descriptor = &g_array_index (item->descriptors, Descriptor,
                                           item->descriptors->len - 1);
            }
          if (!text_add (doc, &descriptor->text, child,
                         C_("framework-text", "descriptor"), error))
            return FALSE;
        }
      else if (is_element (child, "item"))
        {
          if (!read_item (doc, child, item, error))
            return FALSE;
        }
    }
  return TRUE;
}

static PaFrameworkDoc *
build_doc (xmlDocPtr    xdoc,
           const char  *name,
           GError     **error)
{
  g_autoptr (PaFrameworkDoc) doc = doc_new (name);
  xmlNodePtr root = xmlDocGetRootElement (xdoc);

  doc->id = intern_attr (doc, root, "id");
  doc->version = intern_attr (doc, root, "version");
  doc->source = intern_attr (doc, root, "source");
  doc->url = intern_attr (doc, root, "url");
  if (!read_texts (doc, root, &doc->label, &doc->description, error))
    return NULL;
  for (xmlNodePtr child = root->children; child != NULL; child = child->next)
    {
      if (is_element (child, "levels") && !read_levels (doc, child, error))
        return NULL;
      if (is_element (child, "items"))
        {
          for (xmlNodePtr sub = child->children; sub != NULL; sub = sub->next)
            if (is_element (sub, "item") && !read_item (doc, sub, NULL, error))
              return NULL;
        }
    }
  return g_steal_pointer (&doc);
}

static PaFrameworkDoc *
load_stream (GInputStream  *stream,
             const char    *name,
             GError       **error)
{
  ParseState st = { 0 };
  xmlSAXHandlerPtr sax;
  xmlDocPtr xdoc;
  xmlNodePtr root;
  xmlSchemaPtr schema = framework_schema ();
  xmlStructuredErrorFunc old_serror = xmlStructuredError;
  void *old_serror_ctx = xmlStructuredErrorContext;
  xmlGenericErrorFunc old_error = xmlGenericError;
  void *old_error_ctx = xmlGenericErrorContext;
  PaFrameworkDoc *doc = NULL;
  g_autofree char *url = g_strconcat ("passerelle-framework:", name, NULL);

  st.name = name;
  st.stream = stream;
  st.scan_line = 1;

  st.ctxt = xmlNewParserCtxt ();
  if (st.ctxt == NULL)
    {
      g_set_error (error, PA_FRAMEWORK_ERROR, PA_FRAMEWORK_ERROR_READ,
                   _("Cannot read “%s”: out of memory."), name);
      return NULL;
    }
  sax = st.ctxt->sax;
  sax->internalSubset = internal_subset_cb;
  sax->externalSubset = internal_subset_cb;
  sax->entityDecl = entity_decl_cb;
  sax->resolveEntity = resolve_entity_cb;
  sax->startElementNs = start_element_cb;
  sax->endElementNs = end_element_cb;
  sax->characters = characters_cb;
  sax->ignorableWhitespace = characters_cb;
  sax->cdataBlock = cdata_cb;
  sax->comment = comment_cb;
  sax->processingInstruction = pi_cb;

  g_private_set (&current_state, &st);
  xmlSetStructuredErrorFunc (&st, structured_error_cb);
  xmlSetGenericErrorFunc (NULL, generic_error_cb);

  /* No XML_PARSE_NOENT (entities stay unexpanded), no DTDLOAD/DTDATTR/
   * DTDVALID, no XINCLUDE, no HUGE (keeps libxml2's own limits); UTF-8 is
   * imposed and any other declared encoding ignored. */
  xdoc = xmlCtxtReadIO (st.ctxt, read_cb, NULL, &st, url, "UTF-8",
                        XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_IGNORE_ENC);
  if (st.error == NULL && (xdoc == NULL || !st.ctxt->wellFormed))
    state_fail (&st, PA_FRAMEWORK_ERROR_MALFORMED,
                _("“%s” is not well-formed XML."), name);
  xmlFreeParserCtxt (st.ctxt);
  st.ctxt = NULL;

  if (st.error == NULL)
    {
      root = xmlDocGetRootElement (xdoc);
      if (root == NULL || !is_element (root, "framework"))
        state_fail (&st, PA_FRAMEWORK_ERROR_NOT_FRAMEWORK,
                    _("“%s” is not a Passerelle framework file: its root element is <%s>, "
                      "not <framework> in the namespace %s."),
                    name, root != NULL ? (const char *) root->name : "", FRAMEWORK_NS);
    }
  if (st.error == NULL)
    {
      xmlSchemaValidCtxtPtr vctxt = xmlSchemaNewValidCtxt (schema);

      xmlSchemaSetValidStructuredErrors (vctxt, structured_error_cb, &st);
      if (xmlSchemaValidateDoc (vctxt, xdoc) != 0)
        state_fail (&st, PA_FRAMEWORK_ERROR_INVALID,
                    _("“%s” does not follow the framework schema."), name);
      xmlSchemaFreeValidCtxt (vctxt);
    }

  xmlSetStructuredErrorFunc (old_serror_ctx, old_serror);
  xmlSetGenericErrorFunc (old_error_ctx, old_error);
  g_private_set (&current_state, NULL);

  if (st.error == NULL)
    doc = build_doc (xdoc, name, &st.error);
  xmlFreeDoc (xdoc);
  if (st.error != NULL)
    {
      g_propagate_error (error, st.error);
      return NULL;
    }
  return doc;
}

/**
 * pa_framework_builtin_ids:
 *
 * Returns: (transfer none): the ids of the frameworks shipped with Passerelle,
 * in the order they are presented.
 */
const char * const *
pa_framework_builtin_ids (void)
{
  return builtin_ids;
}

/**
 * pa_framework_builtin_resource_path:
 * @id: a built-in framework id
 *
 * Returns: (transfer full) (nullable): the GResource path of that
 * framework's file, or %NULL when @id is not built in.
 */
char *
pa_framework_builtin_resource_path (const char *id)
{
  g_return_val_if_fail (id != NULL, NULL);

  if (!g_strv_contains (builtin_ids, id))
    return NULL;
  return g_strconcat (RESOURCE_DIR, id, ".xml", NULL);
}

/**
 * pa_framework_doc_load_builtin:
 * @id: one of pa_framework_builtin_ids()
 * @error: return location for an error
 *
 * Loads a framework shipped inside the program, through the same checks as
 * any file.
 *
 * Returns: (transfer full): the framework, or %NULL with @error set
 * (%PA_FRAMEWORK_ERROR_NOT_FOUND for an unknown id).
 */
PaFrameworkDoc *
pa_framework_doc_load_builtin (const char  *id,
                               GError     **error)
{
  g_autofree char *path = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  path = pa_framework_builtin_resource_path (id);
  if (path != NULL)
    bytes = g_resources_lookup_data (path, 0, NULL);
  if (bytes == NULL)
    {
      g_set_error (error, PA_FRAMEWORK_ERROR, PA_FRAMEWORK_ERROR_NOT_FOUND,
                   _("There is no built-in framework “%s”."), id);
      return NULL;
    }
  name = g_strconcat (id, ".xml", NULL);
  return pa_framework_doc_load_bytes (bytes, name, error);
}

/**
 * pa_framework_doc_load_file:
 * @file: a framework XML file
 * @error: return location for an error
 *
 * Parses, checks against the framework schema and loads @file. A file over
 * %PA_FRAMEWORK_MAX_FILE_BYTES is refused before it is read; one that grows
 * while being read is cut off at that size. Errors name the file, the line
 * and the problem.
 *
 * Returns: (transfer full): the framework, or %NULL with @error set.
 */
PaFrameworkDoc *
pa_framework_doc_load_file (GFile   *file,
                            GError **error)
{
  g_autoptr (GFileInfo) info = NULL;
  g_autoptr (GFileInputStream) stream = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  name = g_file_get_parse_name (file);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, NULL, &local_error);
  if (info == NULL)
    {
      g_set_error (error, PA_FRAMEWORK_ERROR, PA_FRAMEWORK_ERROR_READ,
                   _("Cannot read “%s”: %s"), name, local_error->message);
      return NULL;
    }
  if (g_file_info_get_file_type (info) == G_FILE_TYPE_REGULAR &&
      g_file_info_get_size (info) > PA_FRAMEWORK_MAX_FILE_BYTES)
    {
      g_autofree char *size = format_size (g_file_info_get_size (info));
      g_autofree char *limit = format_size (PA_FRAMEWORK_MAX_FILE_BYTES);

      g_set_error (error, PA_FRAMEWORK_ERROR, PA_FRAMEWORK_ERROR_TOO_LARGE,
                   _("“%s” is too large (%s): framework files may hold at most %s."),
                   name, size, limit);
      return NULL;
    }
  stream = g_file_read (file, NULL, &local_error);
  if (stream == NULL)
    {
      g_set_error (error, PA_FRAMEWORK_ERROR, PA_FRAMEWORK_ERROR_READ,
                   _("Cannot read “%s”: %s"), name, local_error->message);
      return NULL;
    }
  return load_stream (G_INPUT_STREAM (stream), name, error);
}

/**
 * pa_framework_doc_load_bytes:
 * @bytes: the content of a framework file
 * @name: the name to use in messages (a file name)
 * @error: return location for an error
 *
 * Like pa_framework_doc_load_file(), for content already in memory.
 *
 * Returns: (transfer full): the framework, or %NULL with @error set.
 */
PaFrameworkDoc *
pa_framework_doc_load_bytes (GBytes      *bytes,
                             const char  *name,
                             GError     **error)
{
  g_autoptr (GInputStream) stream = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (g_bytes_get_size (bytes) > PA_FRAMEWORK_MAX_FILE_BYTES)
    {
      g_autofree char *size = format_size (g_bytes_get_size (bytes));
      g_autofree char *limit = format_size (PA_FRAMEWORK_MAX_FILE_BYTES);

      g_set_error (error, PA_FRAMEWORK_ERROR, PA_FRAMEWORK_ERROR_TOO_LARGE,
                   _("“%s” is too large (%s): framework files may hold at most %s."),
                   name, size, limit);
      return NULL;
    }
  stream = g_memory_input_stream_new_from_bytes (bytes);
  return load_stream (stream, name, error);
}

/**
 * pa_framework_doc_load_stream:
 * @stream: a stream of framework XML
 * @name: the name to use in messages
 * @error: return location for an error
 *
 * Like pa_framework_doc_load_file(), reading @stream to its end (and no
 * further than %PA_FRAMEWORK_MAX_FILE_BYTES). Blocking.
 *
 * Returns: (transfer full): the framework, or %NULL with @error set.
 */
PaFrameworkDoc *
pa_framework_doc_load_stream (GInputStream  *stream,
                              const char    *name,
                              GError       **error)
{
  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return load_stream (stream, name, error);
}

/* Written out because G_DEFINE_BOXED_TYPE's type check trips -Wpedantic. */
GType
pa_framework_doc_get_type (void)
{
  static gsize type;

  if (g_once_init_enter (&type))
    {
      GType t = g_boxed_type_register_static (g_intern_static_string ("PaFrameworkDoc"),
                                              (GBoxedCopyFunc) pa_framework_doc_ref,
                                              (GBoxedFreeFunc) pa_framework_doc_unref);
      g_once_init_leave (&type, t);
    }
  return type;
}

PaFrameworkDoc *
pa_framework_doc_ref (PaFrameworkDoc *doc)
{
  g_return_val_if_fail (doc != NULL, NULL);

  g_atomic_ref_count_inc (&doc->ref_count);
  return doc;
}

void
pa_framework_doc_unref (PaFrameworkDoc *doc)
{
  g_return_if_fail (doc != NULL);

  if (!g_atomic_ref_count_dec (&doc->ref_count))
    return;
  text_clear (&doc->label);
  text_clear (&doc->description);
  g_ptr_array_unref (doc->top_items);
  g_ptr_array_unref (doc->items);
  g_hash_table_unref (doc->item_by_code);
  g_ptr_array_unref (doc->levels);
  g_ptr_array_unref (doc->level_groups);
  g_hash_table_unref (doc->level_by_code);
  g_string_chunk_free (doc->strings);
  g_free (doc);
}

/* The name given when loading (a file name), for messages. */
const char *
pa_framework_doc_get_name (const PaFrameworkDoc *doc)
{
  g_return_val_if_fail (doc != NULL, NULL);
  return doc->name;
}

const char *
pa_framework_doc_get_id (const PaFrameworkDoc *doc)
{
  g_return_val_if_fail (doc != NULL, NULL);
  return doc->id;
}

const char *
pa_framework_doc_get_version (const PaFrameworkDoc *doc)
{
  g_return_val_if_fail (doc != NULL, NULL);
  return doc->version;
}

const char *
pa_framework_doc_get_source (const PaFrameworkDoc *doc)
{
  g_return_val_if_fail (doc != NULL, NULL);
  return doc->source;
}

/* Returns: (nullable): where the framework is published. */
const char *
pa_framework_doc_get_url (const PaFrameworkDoc *doc)
{
  g_return_val_if_fail (doc != NULL, NULL);
  return doc->url;
}

const PaFrameworkText *
pa_framework_doc_get_label (const PaFrameworkDoc *doc)
{
  g_return_val_if_fail (doc != NULL, NULL);
  return &doc->label;
}

const PaFrameworkText *
pa_framework_doc_get_description (const PaFrameworkDoc *doc)
{
  g_return_val_if_fail (doc != NULL, NULL);
  return &doc->description;
}

/* The levels of the scale, lowest first; level groups are not counted. */
guint
pa_framework_doc_get_n_levels (const PaFrameworkDoc *doc)
{
  g_return_val_if_fail (doc != NULL, 0);
  return doc->levels->len;
}

const PaFrameworkLevel *
pa_framework_doc_get_level (const PaFrameworkDoc *doc,
                            guint                 index)
{
  g_return_val_if_fail (doc != NULL, NULL);
  g_return_val_if_fail (index < doc->levels->len, NULL);
  return g_ptr_array_index (doc->levels, index);
}

guint
pa_framework_doc_get_n_level_groups (const PaFrameworkDoc *doc)
{
  g_return_val_if_fail (doc != NULL, 0);
  return doc->level_groups->len;
}

/* A level group is described like a level (code, label, description). */
const PaFrameworkLevel *
pa_framework_doc_get_level_group (const PaFrameworkDoc *doc,
                                  guint                 index)
{
  g_return_val_if_fail (doc != NULL, NULL);
  g_return_val_if_fail (index < doc->level_groups->len, NULL);
  return g_ptr_array_index (doc->level_groups, index);
}

/* Returns: (nullable): the level or level group with @code. */
const PaFrameworkLevel *
pa_framework_doc_lookup_level (const PaFrameworkDoc *doc,
                               const char           *code)
{
  g_return_val_if_fail (doc != NULL, NULL);
  g_return_val_if_fail (code != NULL, NULL);
  return g_hash_table_lookup (doc->level_by_code, code);
}

/* Every item, at any depth. */
guint
pa_framework_doc_get_n_items (const PaFrameworkDoc *doc)
{
  g_return_val_if_fail (doc != NULL, 0);
  return doc->items->len;
}

guint
pa_framework_doc_get_n_top_items (const PaFrameworkDoc *doc)
{
  g_return_val_if_fail (doc != NULL, 0);
  return doc->top_items->len;
}

const PaFrameworkItem *
pa_framework_doc_get_top_item (const PaFrameworkDoc *doc,
                               guint                 index)
{
  g_return_val_if_fail (doc != NULL, NULL);
  g_return_val_if_fail (index < doc->top_items->len, NULL);
  return g_ptr_array_index (doc->top_items, index);
}

/* Returns: (nullable): the item with @code, at any depth. */
const PaFrameworkItem *
pa_framework_doc_lookup_item (const PaFrameworkDoc *doc,
                              const char           *code)
{
  g_return_val_if_fail (doc != NULL, NULL);
  g_return_val_if_fail (code != NULL, NULL);
  return g_hash_table_lookup (doc->item_by_code, code);
}

/**
 * pa_framework_doc_foreach_item:
 * @doc: a framework
 * @func: called for every item, parents before their children, in file order
 * @user_data: passed to @func
 *
 * Returns: %FALSE if @func stopped the walk by returning %FALSE.
 */
gboolean
pa_framework_doc_foreach_item (const PaFrameworkDoc *doc,
                               PaFrameworkItemFunc   func,
                               gpointer              user_data)
{
  g_return_val_if_fail (doc != NULL, FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  /* Items were stored in document (pre-)order as they were read. */
  for (guint i = 0; i < doc->items->len; i++)
    if (!func (g_ptr_array_index (doc->items, i), user_data))
      return FALSE;
  return TRUE;
}

const char *
pa_framework_level_get_code (const PaFrameworkLevel *level)
{
  g_return_val_if_fail (level != NULL, NULL);
  return level->code;
}

/* The position of the level on the scale (0 for the lowest), or of the
 * group among the groups. */
guint
pa_framework_level_get_index (const PaFrameworkLevel *level)
{
  g_return_val_if_fail (level != NULL, 0);
  return level->index;
}

/* Returns: (nullable): the group the level belongs to. */
const PaFrameworkLevel *
pa_framework_level_get_group (const PaFrameworkLevel *level)
{
  g_return_val_if_fail (level != NULL, NULL);
  return level->group;
}

const PaFrameworkText *
pa_framework_level_get_label (const PaFrameworkLevel *level)
{
  g_return_val_if_fail (level != NULL, NULL);
  return &level->label;
}

const PaFrameworkText *
pa_framework_level_get_description (const PaFrameworkLevel *level)
{
  g_return_val_if_fail (level != NULL, NULL);
  return &level->description;
}

const char *
pa_framework_item_get_code (const PaFrameworkItem *item)
{
  g_return_val_if_fail (item != NULL, NULL);
  return item->code;
}

/* One of the kinds the schema lists: "area", "competence", "skill", … */
const char *
pa_framework_item_get_kind (const PaFrameworkItem *item)
{
  g_return_val_if_fail (item != NULL, NULL);
  return item->kind;
}

/* Returns: (nullable): the URI of the ESCO concept the item coincides with. */
const char *
pa_framework_item_get_esco_uri (const PaFrameworkItem *item)
{
  g_return_val_if_fail (item != NULL, NULL);
  return item->esco_uri;
}

guint
pa_framework_item_get_line (const PaFrameworkItem *item)
{
  g_return_val_if_fail (item != NULL, 0);
  return item->line;
}

/* 0 for a top-level item. */
guint
pa_framework_item_get_depth (const PaFrameworkItem *item)
{
  g_return_val_if_fail (item != NULL, 0);
  return item->depth;
}

const PaFrameworkItem *
pa_framework_item_get_parent (const PaFrameworkItem *item)
{
  g_return_val_if_fail (item != NULL, NULL);
  return item->parent;
}

guint
pa_framework_item_get_n_children (const PaFrameworkItem *item)
{
  g_return_val_if_fail (item != NULL, 0);
  return item->children != NULL ? item->children->len : 0;
}

const PaFrameworkItem *
pa_framework_item_get_child (const PaFrameworkItem *item,
                             guint                  index)
{
  g_return_val_if_fail (item != NULL, NULL);
  g_return_val_if_fail (index < pa_framework_item_get_n_children (item), NULL);
  return g_ptr_array_index (item->children, index);
}

const PaFrameworkText *
pa_framework_item_get_label (const PaFrameworkItem *item)
{
  g_return_val_if_fail (item != NULL, NULL);
  return &item->label;
}

const PaFrameworkText *
pa_framework_item_get_description (const PaFrameworkItem *item)
{
  g_return_val_if_fail (item != NULL, NULL);
  return &item->description;
}

/* The number of levels the item has a descriptor for. */
guint
pa_framework_item_get_n_descriptors (const PaFrameworkItem *item)
{
  g_return_val_if_fail (item != NULL, 0);
  return item->descriptors != NULL ? item->descriptors->len : 0;
}

/* Returns: (nullable): what the item means at the level @level_code. */
const PaFrameworkText *
pa_framework_item_get_descriptor (const PaFrameworkItem *item,
                                  const char            *level_code)
{
  g_return_val_if_fail (item != NULL, NULL);
  g_return_val_if_fail (level_code != NULL, NULL);

  for (guint i = 0; item->descriptors != NULL && i < item->descriptors->len; i++)
    {
      const Descriptor *d = &g_array_index (item->descriptors, Descriptor, i);
      if (g_str_equal (d->level, level_code))
        return &d->text;
    }
  return NULL;
}

guint
pa_framework_text_get_n_langs (const PaFrameworkText *text)
{
  g_return_val_if_fail (text != NULL, 0);
  return text->entries != NULL ? text->entries->len : 0;
}

/* Returns: (nullable): the text in exactly @lang (lower case, as in the
 * file), without any fallback. */
const char *
pa_framework_text_get_exact (const PaFrameworkText *text,
                             const char            *lang)
{
  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (lang != NULL, NULL);

  for (guint i = 0; text->entries != NULL && i < text->entries->len; i++)
    {
      const TextEntry *e = &g_array_index (text->entries, TextEntry, i);
      if (g_ascii_strcasecmp (e->lang, lang) == 0)
        return e->value;
    }
  return NULL;
}

/* "fr_BE.UTF-8@euro" → "fr-be"; the form stored in the model. */
static char *
normalize_lang (const char *lang)
{
  char *norm = g_ascii_strdown (lang, strcspn (lang, ".@"));

  g_strdelimit (norm, "_", '-');
  return norm;
}

static const char *
lookup_one (const PaFrameworkText *text,
            const char            *lang)
{
  g_autofree char *norm = normalize_lang (lang);
  const char *value = pa_framework_text_get_exact (text, norm);
  char *dash;

  if (value != NULL)
    return value;
  dash = strchr (norm, '-');
  if (dash != NULL)
    {
      *dash = '\0';
      value = pa_framework_text_get_exact (text, norm);
    }
  return value;
}

/**
 * pa_framework_text_lookup_chain:
 * @text: a multilingual text
 * @langs: (nullable): languages by preference, e.g. g_get_language_names()
 *
 * Tries each language of @langs (as given, then without its region:
 * "fr_BE" → "fr"), then English, then the first language the file gives.
 *
 * Returns: (nullable): the text, or %NULL only when it has no language at all.
 */
const char *
pa_framework_text_lookup_chain (const PaFrameworkText *text,
                                const char * const    *langs)
{
  const char *value;

  g_return_val_if_fail (text != NULL, NULL);

  if (text->entries == NULL || text->entries->len == 0)
    return NULL;
  for (guint i = 0; langs != NULL && langs[i] != NULL; i++)
    {
      if (g_str_equal (langs[i], "C") || g_str_equal (langs[i], "POSIX"))
        continue;
      value = lookup_one (text, langs[i]);
      if (value != NULL)
        return value;
    }
  value = pa_framework_text_get_exact (text, "en");
  if (value != NULL)
    return value;
  return g_array_index (text->entries, TextEntry, 0).value;
}

/**
 * pa_framework_text_lookup:
 * @text: a multilingual text
 * @lang: (nullable): a language code ("ar", "fr_BE", "nl-BE")
 *
 * The text in @lang, falling back as pa_framework_text_lookup_chain() does
 * (e.g. "fr_BE" → "fr" → "en").
 *
 * Returns: (nullable): the text, or %NULL only when it has no language at all.
 */
const char *
pa_framework_text_lookup (const PaFrameworkText *text,
                          const char            *lang)
{
  const char *langs[] = { lang, NULL };

  g_return_val_if_fail (text != NULL, NULL);
  return pa_framework_text_lookup_chain (text, langs);
}

/* Calls @func for every language of @text, in file order. */
void
pa_framework_text_foreach (const PaFrameworkText *text,
                           PaFrameworkTextFunc    func,
                           gpointer               user_data)
{
  g_return_if_fail (text != NULL);
  g_return_if_fail (func != NULL);

  for (guint i = 0; text->entries != NULL && i < text->entries->len; i++)
    {
      const TextEntry *e = &g_array_index (text->entries, TextEntry, i);
      func (e->lang, e->value, user_data);
    }
}
