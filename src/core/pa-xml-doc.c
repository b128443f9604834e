/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pa-xml"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/xmlschemas.h>
#include <string.h>

#include "pa-xml-doc.h"

/* Reading Passerelle's own small XML files (training catalogues, shortage
 * lists, vacancy profiles) safely: bounded size, no network, no DTD and no
 * entity declarations at all, and validation against the schema shipped in
 * the resources. Errors name the file and the line. */

G_DEFINE_QUARK (pa-xml-error-quark, pa_xml_error)

typedef struct
{
  int line;
  char *message;
} FirstError;

static void
first_error_cb (void      *data,
                xmlErrorPtr error)
{
  FirstError *first = data;

  if (first->message != NULL || error == NULL || error->level < XML_ERR_ERROR)
    return;
  first->line = error->line;
  first->message = g_strstrip (g_strdup (error->message ? error->message : ""));
}

static xmlSchemaPtr
load_schema (const char  *resource,
             GError     **error)
{
  static GMutex lock;
  static GHashTable *cache;
  g_autoptr (GMutexLocker) locker = g_mutex_locker_new (&lock);
  xmlSchemaPtr schema;

  if (cache == NULL)
    cache = g_hash_table_new (g_str_hash, g_str_equal);
  schema = g_hash_table_lookup (cache, resource);
  if (schema == NULL)
    {
      g_autoptr (GBytes) bytes = g_resources_lookup_data (resource, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
      xmlSchemaParserCtxtPtr parser;

      if (bytes == NULL)
        return NULL;
      parser = xmlSchemaNewMemParserCtxt (g_bytes_get_data (bytes, NULL), (int) g_bytes_get_size (bytes));
      schema = xmlSchemaParse (parser);
      xmlSchemaFreeParserCtxt (parser);
      if (schema == NULL)
        {
          g_set_error (error, PA_XML_ERROR, PA_XML_ERROR_READ, _("The schema %s cannot be read."), resource);
          return NULL;
        }
      /* Kept for the life of the process: schemas are few and small. */
      g_hash_table_insert (cache, g_strdup (resource), schema);
    }
  return schema;
}

/**
 * pa_xml_read_validated:
 * @schema_resource: the GResource path of the XSD
 *
 * Returns: (transfer full): the document, valid against the schema, or %NULL
 * with @error set (message naming the file and, where known, the line).
 */
xmlDoc *
pa_xml_read_validated (const char  *path,
                       const char  *schema_resource,
                       const char  *root_namespace,
                       const char  *root_name,
                       GError     **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *name = g_filename_display_basename (path);
  g_autoptr (xmlDoc) doc = NULL;
  FirstError first = { 0, NULL };
  xmlParserCtxtPtr parser;
  xmlSchemaPtr schema;
  xmlSchemaValidCtxtPtr valid;
  xmlNode *root;
  gsize length;
  GStatBuf st;
  int rc;

  if (g_stat (path, &st) == 0 && st.st_size > PA_XML_MAX_FILE_BYTES)
    {
      g_set_error (error, PA_XML_ERROR, PA_XML_ERROR_TOO_LARGE,
                   _("“%s” is too large (%lld bytes; at most %d are read)."), name,
                   (long long) st.st_size, PA_XML_MAX_FILE_BYTES);
      return NULL;
    }
  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      g_set_error (error, PA_XML_ERROR, PA_XML_ERROR_READ, _("Cannot read “%s”: %s"), name,
                   local_error->message);
      return NULL;
    }
  if (length > PA_XML_MAX_FILE_BYTES)
    {
      g_set_error (error, PA_XML_ERROR, PA_XML_ERROR_TOO_LARGE,
                   _("“%s” is too large (%lld bytes; at most %d are read)."), name,
                   (long long) length, PA_XML_MAX_FILE_BYTES);
      return NULL;
    }
  /* Our formats have no DTD: refusing any declaration shuts out entity
   * expansion and external entities before the parser sees them. */
  if (g_strstr_len (contents, length, "<!DOCTYPE") || g_strstr_len (contents, length, "<!ENTITY"))
    {
      g_set_error (error, PA_XML_ERROR, PA_XML_ERROR_REFUSED,
                   _("“%s” declares a DTD or entities, which Passerelle files never do; it was not read."),
                   name);
      return NULL;
    }

  parser = xmlNewParserCtxt ();
  xmlSetStructuredErrorFunc (&first, first_error_cb);
  doc = xmlCtxtReadMemory (parser, contents, (int) length, path, NULL,
                           XML_PARSE_NONET | XML_PARSE_NOCDATA);
  xmlSetStructuredErrorFunc (NULL, NULL);
  xmlFreeParserCtxt (parser);
  if (doc == NULL)
    {
      g_set_error (error, PA_XML_ERROR, PA_XML_ERROR_MALFORMED, _("“%s”, line %d: %s"), name, first.line,
                   first.message ? first.message : _("not well-formed XML"));
      g_free (first.message);
      return NULL;
    }
  g_clear_pointer (&first.message, g_free);

  root = xmlDocGetRootElement (doc);
  if (root == NULL || !xmlStrEqual (root->name, (const xmlChar *) root_name) || root->ns == NULL ||
      !xmlStrEqual (root->ns->href, (const xmlChar *) root_namespace))
    {
      g_set_error (error, PA_XML_ERROR, PA_XML_ERROR_WRONG_KIND,
                   _("“%s” is not a %s file of Passerelle (its root element is “%s”)."), name, root_name,
                   root ? (const char *) root->name : "");
      return NULL;
    }

  schema = load_schema (schema_resource, error);
  if (schema == NULL)
    return NULL;
  valid = xmlSchemaNewValidCtxt (schema);
  xmlSchemaSetValidStructuredErrors (valid, first_error_cb, &first);
  rc = xmlSchemaValidateDoc (valid, doc);
  xmlSchemaFreeValidCtxt (valid);
  if (rc != 0)
    {
      g_set_error (error, PA_XML_ERROR, PA_XML_ERROR_INVALID, _("“%s”, line %d: %s"), name, first.line,
                   first.message ? first.message : _("not valid against its schema"));
      g_free (first.message);
      return NULL;
    }
  return g_steal_pointer (&doc);
}

gboolean
pa_xml_is_element (xmlNode    *node,
                   const char *name)
{
  return node != NULL && node->type == XML_ELEMENT_NODE && xmlStrEqual (node->name, (const xmlChar *) name);
}

/* Returns: (transfer full) (nullable): the text of the first child element @name. */
char *
pa_xml_child_text (xmlNode    *parent,
                   const char *name)
{
  for (xmlNode *child = parent->children; child != NULL; child = child->next)
    if (pa_xml_is_element (child, name))
      {
        xmlChar *text = xmlNodeGetContent (child);
        char *copy = g_strstrip (g_strdup ((const char *) text));
        xmlFree (text);
        return copy;
      }
  return NULL;
}

/* Returns: (transfer full) (nullable): the attribute's value. */
char *
pa_xml_prop (xmlNode    *node,
             const char *name)
{
  xmlChar *value = xmlGetProp (node, (const xmlChar *) name);
  char *copy = value ? g_strdup ((const char *) value) : NULL;

  xmlFree (value);
  return copy;
}
