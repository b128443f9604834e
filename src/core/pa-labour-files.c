/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pa-labour"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "pa-csv-reader.h"
#include "pa-labour-files.h"
#include "pa-store-cases.h"
#include "pa-xml-doc.h"

/* The files a centre exchanges about training and the labour market:
 *  - a training catalogue (XML, schema data/schemas/catalogue.xsd), read and written;
 *  - a region's shortage occupations (XML, data/schemas/shortage-list.xsd, or
 *    CSV with the columns "occupation" — an ESCO URI or an ISCO-08 code — and
 *    an optional "note");
 *  - an employer's vacancy profile (XML, data/schemas/vacancy.xsd).
 * A file in error changes nothing in the store. */

#define SCHEMAS "/org/passerelle/Passerelle/schemas/"
#define ISCO_URI "http://data.europa.eu/esco/isco/C"

/**
 * pa_catalogue_read:
 *
 * Returns: (transfer full) (element-type PaModule): the modules of a
 * catalogue file, or %NULL with @error set.
 */
GPtrArray *
pa_catalogue_read (const char  *path,
                   GError     **error)
{
  g_autoptr (xmlDoc) doc = pa_xml_read_validated (path, SCHEMAS "catalogue.xsd", PA_CATALOGUE_NS,
                                                  "catalogue", error);
  g_autoptr (GPtrArray) modules = NULL;

  if (doc == NULL)
    return NULL;
  modules = g_ptr_array_new_with_free_func ((GDestroyNotify) pa_module_free);
  for (xmlNode *node = xmlDocGetRootElement (doc)->children; node != NULL; node = node->next)
    {
      PaModule *module;
      g_autofree char *hours = NULL;

      if (!pa_xml_is_element (node, "module"))
        continue;
      module = pa_module_new ();
      module->code = pa_xml_prop (node, "code");
      module->theme = pa_xml_prop (node, "theme");
      module->language = pa_xml_prop (node, "language");
      hours = pa_xml_prop (node, "hours");
      module->duration_hours = hours ? g_ascii_strtod (hours, NULL) : 0;
      module->title = pa_xml_child_text (node, "title");
      module->description = pa_xml_child_text (node, "description");
      for (xmlNode *child = node->children; child != NULL; child = child->next)
        if (pa_xml_is_element (child, "develops"))
          g_ptr_array_add (module->skill_uris, pa_xml_prop (child, "skill"));
      g_ptr_array_add (modules, module);
    }
  return g_steal_pointer (&modules);
}

/**
 * pa_catalogue_import:
 * @n_modules: (out) (optional): how many modules were read
 *
 * Adds the catalogue's modules to the store, replacing modules with the same
 * code. One transaction: on any error nothing changes.
 */
gboolean
pa_catalogue_import (PaStore     *store,
                     const char  *path,
                     guint       *n_modules,
                     GError     **error)
{
  g_autoptr (GPtrArray) modules = pa_catalogue_read (path, error);
  g_autofree char *name = g_filename_display_basename (path);

  if (modules == NULL)
    return FALSE;
  if (!pa_store_begin (store, error))
    return FALSE;
  for (guint i = 0; i < modules->len; i++)
    {
      g_autoptr (GError) local_error = NULL;
      PaModule *module = g_ptr_array_index (modules, i);

      if (!pa_store_module_save (store, module, &local_error))
        {
          g_set_error (error, local_error->domain, local_error->code, _("“%s”, module %s: %s"), name,
                       module->code ? module->code : "?", local_error->message);
          pa_store_rollback (store);
          return FALSE;
        }
    }
  if (!pa_store_commit (store, error))
    return FALSE;
  if (n_modules)
    *n_modules = modules->len;
  return TRUE;
}

static void
append_escaped (GString    *out,
                const char *format,
                const char *value)
{
  g_autofree char *escaped = g_markup_escape_text (value ? value : "", -1);
  g_string_append_printf (out, format, escaped);
}

/* Writes the store's catalogue to @path (replaced only once fully written). */
gboolean
pa_catalogue_export (PaStore     *store,
                     const char  *path,
                     GError     **error)
{
  g_autoptr (GPtrArray) modules = pa_store_module_list (store, error);
  g_autoptr (GString) out = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  g_autoptr (GError) local_error = NULL;

  if (modules == NULL)
    return FALSE;
  g_string_append (out, "<catalogue xmlns=\"" PA_CATALOGUE_NS "\">\n");
  for (guint i = 0; i < modules->len; i++)
    {
      PaModule *m = g_ptr_array_index (modules, i);

      append_escaped (out, "  <module code=\"%s\"", m->code);
      append_escaped (out, " theme=\"%s\"", m->theme);
      if (m->duration_hours > 0)
        {
          char hours[G_ASCII_DTOSTR_BUF_SIZE];
          g_ascii_formatd (hours, sizeof hours, "%g", m->duration_hours);
          g_string_append_printf (out, " hours=\"%s\"", hours);
        }
      if (m->language && *m->language)
        append_escaped (out, " language=\"%s\"", m->language);
      g_string_append (out, ">\n");
      append_escaped (out, "    <title>%s</title>\n", m->title);
      if (m->description && *m->description)
        append_escaped (out, "    <description>%s</description>\n", m->description);
      for (guint k = 0; k < m->skill_uris->len; k++)
        append_escaped (out, "    <develops skill=\"%s\"/>\n", g_ptr_array_index (m->skill_uris, k));
      g_string_append (out, "  </module>\n");
    }
  g_string_append (out, "</catalogue>\n");
  if (!g_file_set_contents (path, out->str, (gssize) out->len, &local_error))
    {
      g_autofree char *name = g_filename_display_basename (path);
      g_set_error (error, PA_XML_ERROR, PA_XML_ERROR_READ, _("Cannot write “%s”: %s"), name,
                   local_error->message);
      return FALSE;
    }
  return TRUE;
}

static char *
occupation_uri (const char *value)
{
  guint64 code;

  if (value == NULL || *value == '\0')
    return NULL;
  if (strlen (value) <= 4 && g_ascii_string_to_unsigned (value, 10, 0, 9999, &code, NULL))
    return g_strconcat (ISCO_URI, value, NULL);
  return g_strdup (value);
}

static PaShortageList *
read_shortage_csv (const char  *path,
                   const char  *region,
                   GError     **error)
{
  static const char *const required[] = { "occupation", NULL };
  g_autoptr (PaShortageList) list = pa_shortage_list_new ();
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GFileInputStream) stream = NULL;
  g_autoptr (PaCsvReader) reader = NULL;
  g_autofree char *name = g_filename_display_basename (path);
  g_autoptr (GError) local_error = NULL;
  int occ, note;

  if (region == NULL || *region == '\0')
    {
      g_set_error (error, PA_XML_ERROR, PA_XML_ERROR_INVALID,
                   _("“%s” is a CSV shortage list: name the region it is for."), name);
      return NULL;
    }
  stream = g_file_read (file, NULL, &local_error);
  if (stream == NULL)
    {
      g_set_error (error, PA_XML_ERROR, PA_XML_ERROR_READ, _("Cannot read “%s”: %s"), name,
                   local_error->message);
      return NULL;
    }
  reader = pa_csv_reader_new_for_stream (name, G_INPUT_STREAM (stream));
  if (!pa_csv_reader_read_header (reader, error) || !pa_csv_reader_require_columns (reader, required, error))
    return NULL;
  occ = pa_csv_reader_get_column (reader, "occupation");
  note = pa_csv_reader_get_column (reader, "note");
  while (pa_csv_reader_next (reader, &local_error))
    {
      g_autofree char *field = g_strstrip (g_strdup (pa_csv_reader_get_field (reader, occ)));
      g_autofree char *uri = occupation_uri (field);

      if (uri == NULL)
        continue;
      g_ptr_array_add (list->occupation_uris, g_steal_pointer (&uri));
      g_ptr_array_add (list->notes, g_strdup (note >= 0 ? pa_csv_reader_get_field (reader, note) : ""));
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  list->region = g_strdup (region);
  list->title = g_strdup (name);
  return g_steal_pointer (&list);
}

/**
 * pa_shortage_list_read:
 * @region: (nullable): the region; required for CSV, and when given for an
 *   XML list it must match the list's own region
 *
 * Returns: (transfer full): the list in the file, or %NULL with @error set.
 */
PaShortageList *
pa_shortage_list_read (const char  *path,
                       const char  *region,
                       GError     **error)
{
  g_autoptr (xmlDoc) doc = NULL;
  g_autoptr (PaShortageList) list = NULL;
  g_autofree char *name = g_filename_display_basename (path);
  xmlNode *root;

  if (g_str_has_suffix (path, ".csv") || g_str_has_suffix (path, ".CSV"))
    return read_shortage_csv (path, region, error);

  doc = pa_xml_read_validated (path, SCHEMAS "shortage-list.xsd", PA_SHORTAGE_NS, "shortage-list", error);
  if (doc == NULL)
    return NULL;
  root = xmlDocGetRootElement (doc);
  list = pa_shortage_list_new ();
  list->region = pa_xml_prop (root, "region");
  list->valid_from = pa_xml_prop (root, "valid-from");
  list->valid_to = pa_xml_prop (root, "valid-to");
  list->title = pa_xml_child_text (root, "title");
  list->source = pa_xml_child_text (root, "source");
  if (region != NULL && g_strcmp0 (region, list->region) != 0)
    {
      g_set_error (error, PA_XML_ERROR, PA_XML_ERROR_INVALID,
                   _("“%s” is the shortage list of the region “%s”, not of “%s”."), name, list->region, region);
      return NULL;
    }
  for (xmlNode *node = root->children; node != NULL; node = node->next)
    {
      g_autofree char *uri = NULL;
      g_autofree char *isco = NULL;

      if (!pa_xml_is_element (node, "occupation"))
        continue;
      uri = pa_xml_prop (node, "uri");
      isco = pa_xml_prop (node, "isco");
      if ((uri == NULL) == (isco == NULL))
        {
          g_set_error (error, PA_XML_ERROR, PA_XML_ERROR_INVALID,
                       _("“%s”, line %d: an occupation needs either a uri or an isco code."), name,
                       (int) xmlGetLineNo (node));
          return NULL;
        }
      g_ptr_array_add (list->occupation_uris, uri ? g_steal_pointer (&uri) : occupation_uri (isco));
      g_ptr_array_add (list->notes, pa_xml_prop (node, "note"));
    }
  return g_steal_pointer (&list);
}

/**
 * pa_shortage_list_preview:
 * @added: (out) (transfer full) (element-type utf8): occupations the list adds
 * @removed: (out) (transfer full) (element-type utf8): occupations it drops
 *
 * What importing @list would change in its region's stored list.
 */
void
pa_shortage_list_preview (PaStore         *store,
                          PaShortageList  *list,
                          GPtrArray      **added,
                          GPtrArray      **removed)
{
  g_autoptr (GHashTable) current = pa_store_shortage_set (store, list->region, NULL);
  g_autoptr (GHashTable) incoming = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer key;

  *added = g_ptr_array_new_with_free_func (g_free);
  *removed = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < list->occupation_uris->len; i++)
    {
      const char *uri = g_ptr_array_index (list->occupation_uris, i);
      g_hash_table_add (incoming, (gpointer) uri);
      if (current == NULL || !g_hash_table_contains (current, uri))
        g_ptr_array_add (*added, g_strdup (uri));
    }
  if (current == NULL)
    return;
  g_hash_table_iter_init (&iter, current);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (incoming, key))
      g_ptr_array_add (*removed, g_strdup (key));
  g_ptr_array_sort (*removed, (GCompareFunc) g_strcmp0);
}

/* Returns: (transfer full): the vacancy profile in the file, or %NULL with @error set. */
PaVacancy *
pa_vacancy_read (const char  *path,
                 GError     **error)
{
  g_autoptr (xmlDoc) doc = pa_xml_read_validated (path, SCHEMAS "vacancy.xsd", PA_VACANCY_NS, "vacancy", error);
  PaVacancy *vacancy;
  xmlNode *root;

  if (doc == NULL)
    return NULL;
  root = xmlDocGetRootElement (doc);
  vacancy = pa_vacancy_new ();
  vacancy->employer = pa_xml_prop (root, "employer");
  vacancy->occupation_uri = pa_xml_prop (root, "occupation");
  vacancy->title = pa_xml_child_text (root, "title");
  vacancy->location = pa_xml_child_text (root, "location");
  vacancy->description = pa_xml_child_text (root, "description");
  for (xmlNode *node = root->children; node != NULL; node = node->next)
    {
      if (pa_xml_is_element (node, "requires"))
        g_ptr_array_add (vacancy->required, pa_xml_prop (node, "skill"));
      else if (pa_xml_is_element (node, "welcomes"))
        g_ptr_array_add (vacancy->nice, pa_xml_prop (node, "skill"));
      else if (pa_xml_is_element (node, "language"))
        {
          g_autofree char *code = pa_xml_prop (node, "code");
          g_autofree char *level = pa_xml_prop (node, "min-level");
          g_ptr_array_add (vacancy->languages, g_strdup_printf ("%s:%s", code, level));
        }
    }
  return vacancy;
}

static void
append_csv_field (GString    *out,
                  const char *value,
                  gboolean    last)
{
  /* RFC 4180: every field quoted, quotes doubled. */
  g_string_append_c (out, '"');
  for (const char *p = value ? value : ""; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
  g_string_append (out, last ? "\r\n" : ",");
}

/**
 * pa_shortlist_write_csv:
 * @candidates: (nullable) (element-type PaCandidate): the vacancy's ranked
 *   participants, for the score and the explanation of each; %NULL leaves
 *   those columns empty
 *
 * Writes a vacancy's shortlist for an employer event: RFC 4180 CSV in UTF-8
 * without a byte order mark, CRLF line ends, a header row, then one row per
 * shortlisted participant in the order they were added: case code, given
 * name, family name, score (0–100), required skills held ("3/5"), and the
 * languages below the minimum. @path is replaced only once fully written.
 */
gboolean
pa_shortlist_write_csv (PaStore     *store,
                        GPtrArray   *candidates,
                        gint64       vacancy_id,
                        const char  *path,
                        GError     **error)
{
  g_autoptr (GArray) shortlist = NULL;
  g_autoptr (GString) out = g_string_new (NULL);
  g_autoptr (GError) local_error = NULL;

  g_return_val_if_fail (PA_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  shortlist = pa_store_shortlist_get (store, vacancy_id, error);
  if (shortlist == NULL)
    return FALSE;
  append_csv_field (out, _("Code"), FALSE);
  append_csv_field (out, _("Given name"), FALSE);
  append_csv_field (out, _("Family name"), FALSE);
  append_csv_field (out, _("Score"), FALSE);
  append_csv_field (out, _("Required skills held"), FALSE);
  append_csv_field (out, _("Languages below the minimum"), TRUE);
  for (guint i = 0; i < shortlist->len; i++)
    {
      gint64 case_id = g_array_index (shortlist, gint64, i);
      g_autoptr (PaCase) kase = pa_store_case_get (store, case_id, error);
      PaCandidate *candidate = NULL;
      g_autofree char *score = NULL;
      g_autofree char *held = NULL;
      g_autofree char *languages = NULL;

      if (kase == NULL)
        return FALSE;
      for (guint k = 0; candidates != NULL && k < candidates->len; k++)
        if (((PaCandidate *) g_ptr_array_index (candidates, k))->match->person == case_id)
          candidate = g_ptr_array_index (candidates, k);
      if (candidate != NULL)
        {
          g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
          g_auto (GStrv) strv = NULL;

          score = g_strdup_printf ("%.0f", candidate->match->score);
          held = g_strdup_printf ("%u/%u", candidate->match->n_required_direct, candidate->match->n_required);
          for (guint k = 0; k < candidate->languages_short->len; k++)
            g_strv_builder_add (builder, g_ptr_array_index (candidate->languages_short, k));
          strv = g_strv_builder_end (builder);
          languages = g_strjoinv ("; ", strv);
        }
      append_csv_field (out, pa_case_get_code (kase), FALSE);
      append_csv_field (out, pa_case_get_given_name (kase), FALSE);
      append_csv_field (out, pa_case_get_family_name (kase), FALSE);
      append_csv_field (out, score, FALSE);
      append_csv_field (out, held, FALSE);
      append_csv_field (out, languages, TRUE);
    }
  if (!g_file_set_contents (path, out->str, (gssize) out->len, &local_error))
    {
      g_autofree char *name = g_filename_display_basename (path);
      g_set_error (error, PA_XML_ERROR, PA_XML_ERROR_READ, _("Cannot write “%s”: %s"), name,
                   local_error->message);
      return FALSE;
    }
  return TRUE;
}
