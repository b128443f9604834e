/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pa-iso-codes"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/xmlreader.h>

#include "pa-iso-codes.h"

/* Country and language names come from the system's iso-codes data and its
 * translations (gettext domains iso_3166-1 and iso_639-2), so they are
 * translated without a copy in Passerelle. */

#ifndef ISO_CODES_XML_DIR
#define ISO_CODES_XML_DIR "/usr/share/xml/iso-codes"
#endif

typedef struct
{
  GHashTable *by_code;  /* code → PaIsoEntry* (owned by entries) */
  GPtrArray *entries;
  GStringChunk *strings;
} PaIsoTable;

static void
load_table (PaIsoTable *table,
            const char *file,
            const char *element,
            const char *const *code_attrs)
{
  g_autofree char *path = g_build_filename (ISO_CODES_XML_DIR, file, NULL);
  xmlTextReaderPtr reader;

  table->by_code = g_hash_table_new (g_str_hash, g_str_equal);
  table->entries = g_ptr_array_new_with_free_func (g_free);
  table->strings = g_string_chunk_new (4096);

  reader = xmlReaderForFile (path, NULL, XML_PARSE_NONET);
  if (reader == NULL)
    {
      g_warning ("Cannot read %s; country and language names are shown as codes", path);
      return;
    }
  while (xmlTextReaderRead (reader) == 1)
    {
      xmlChar *name;
      PaIsoEntry *entry;

      if (xmlTextReaderNodeType (reader) != XML_READER_TYPE_ELEMENT ||
          !xmlStrEqual (xmlTextReaderConstLocalName (reader), (const xmlChar *) element))
        continue;
      name = xmlTextReaderGetAttribute (reader, (const xmlChar *) "name");
      if (name == NULL)
        continue;
      entry = g_new0 (PaIsoEntry, 1);
      entry->name = g_string_chunk_insert_const (table->strings, (const char *) name);
      xmlFree (name);
      for (guint i = 0; code_attrs[i] != NULL; i++)
        {
          xmlChar *code = xmlTextReaderGetAttribute (reader, (const xmlChar *) code_attrs[i]);
          const char *interned;

          if (code == NULL)
            continue;
          interned = g_string_chunk_insert_const (table->strings, (const char *) code);
          xmlFree (code);
          if (entry->code == NULL)
            entry->code = interned;
          if (!g_hash_table_contains (table->by_code, interned))
            g_hash_table_insert (table->by_code, (gpointer) interned, entry);
        }
      if (entry->code == NULL)
        g_free (entry);
      else
        g_ptr_array_add (table->entries, entry);
    }
  xmlFreeTextReader (reader);
}

static PaIsoTable *
countries (void)
{
  static PaIsoTable table;
  static gsize done;

  if (g_once_init_enter (&done))
    {
      static const char *const attrs[] = { "alpha_2_code", NULL };
      load_table (&table, "iso_3166-1.xml", "iso_3166_entry", attrs);
      g_once_init_leave (&done, 1);
    }
  return &table;
}

static PaIsoTable *
languages (void)
{
  static PaIsoTable table;
  static gsize done;

  if (g_once_init_enter (&done))
    {
      static const char *const attrs[] = { "iso_639_1_code", "iso_639_2T_code",
                                           "iso_639_2B_code", NULL };
      load_table (&table, "iso_639-2.xml", "iso_639_entry", attrs);
      g_once_init_leave (&done, 1);
    }
  return &table;
}

static const PaIsoEntry *
lookup (PaIsoTable *table,
        const char *code)
{
  g_autofree char *key = NULL;
  const PaIsoEntry *entry;

  if (code == NULL || *code == '\0')
    return NULL;
  entry = g_hash_table_lookup (table->by_code, code);
  if (entry != NULL)
    return entry;
  key = g_ascii_strup (code, -1);
  entry = g_hash_table_lookup (table->by_code, key);
  if (entry != NULL)
    return entry;
  g_free (key);
  key = g_ascii_strdown (code, -1);
  return g_hash_table_lookup (table->by_code, key);
}

/**
 * pa_iso_country_name:
 * @alpha2: an ISO 3166-1 alpha-2 code
 *
 * Returns: the country's name in the current interface language, or @alpha2
 * itself when the code is unknown.
 */
const char *
pa_iso_country_name (const char *alpha2)
{
  const PaIsoEntry *entry = lookup (countries (), alpha2);
  return entry ? g_dgettext ("iso_3166-1", entry->name) : alpha2;
}

const char *
pa_iso_country_name_en (const char *alpha2)
{
  const PaIsoEntry *entry = lookup (countries (), alpha2);
  return entry ? entry->name : alpha2;
}

const char *
pa_iso_language_name (const char *code)
{
  const PaIsoEntry *entry = lookup (languages (), code);
  return entry ? g_dgettext ("iso_639-2", entry->name) : code;
}

const char *
pa_iso_language_name_en (const char *code)
{
  const PaIsoEntry *entry = lookup (languages (), code);
  return entry ? entry->name : code;
}

/* Returns: (transfer container) (element-type PaIsoEntry): every country. */
GPtrArray *
pa_iso_countries (void)
{
  return g_ptr_array_ref (countries ()->entries);
}

/* Returns: (transfer container) (element-type PaIsoEntry): every language. */
GPtrArray *
pa_iso_languages (void)
{
  return g_ptr_array_ref (languages ()->entries);
}
