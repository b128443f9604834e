/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <libxml/tree.h>

G_BEGIN_DECLS

#define PA_XML_ERROR (pa_xml_error_quark ())

typedef enum
{
  PA_XML_ERROR_READ,       /* the file cannot be read */
  PA_XML_ERROR_TOO_LARGE,
  PA_XML_ERROR_REFUSED,    /* a DOCTYPE or entity declaration */
  PA_XML_ERROR_MALFORMED,  /* not well-formed XML */
  PA_XML_ERROR_WRONG_KIND, /* well-formed, but another kind of document */
  PA_XML_ERROR_INVALID,    /* against the schema */
} PaXmlError;

/* Small data files (catalogues, shortage lists, vacancies): far below this. */
#define PA_XML_MAX_FILE_BYTES (16 * 1024 * 1024)

GQuark   pa_xml_error_quark      (void);
xmlDoc  *pa_xml_read_validated   (const char  *path,
                                  const char  *schema_resource,
                                  const char  *root_namespace,
                                  const char  *root_name,
                                  GError     **error);
char    *pa_xml_child_text       (xmlNode     *parent,
                                  const char  *name);
char    *pa_xml_prop             (xmlNode     *node,
                                  const char  *name);
gboolean pa_xml_is_element       (xmlNode     *node,
                                  const char  *name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)

G_END_DECLS
