/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer harness for the framework XML loader: whatever the bytes, the
 * loader returns either a document or an error naming the file, and the
 * model it returns can be walked entirely. */
#include "config.h"

#include <stdint.h>

#include "pa-framework-xml.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static void
touch_text (const PaFrameworkText *text)
{
  static const char *const chain[] = { "ar", "fr_BE.UTF-8", "nl", NULL };
  const char *value = pa_framework_text_lookup_chain (text, chain);

  g_assert ((value == NULL) == (pa_framework_text_get_n_langs (text) == 0));
  if (value != NULL)
    g_assert (g_utf8_validate (value, -1, NULL));
}

static gboolean
touch_item (const PaFrameworkItem *item,
            gpointer               user_data)
{
  const PaFrameworkDoc *doc = user_data;

  g_assert (pa_framework_doc_lookup_item (doc, pa_framework_item_get_code (item)) == item);
  g_assert (pa_framework_item_get_kind (item) != NULL);
  g_assert (pa_framework_text_get_n_langs (pa_framework_item_get_label (item)) > 0);
  touch_text (pa_framework_item_get_label (item));
  touch_text (pa_framework_item_get_description (item));
  for (guint i = 0; i < pa_framework_item_get_n_children (item); i++)
    g_assert (pa_framework_item_get_parent (pa_framework_item_get_child (item, i)) == item);
  for (guint i = 0; i < pa_framework_doc_get_n_levels (doc); i++)
    {
      const PaFrameworkLevel *level = pa_framework_doc_get_level (doc, i);
      const PaFrameworkText *descriptor =
        pa_framework_item_get_descriptor (item, pa_framework_level_get_code (level));

      if (descriptor != NULL)
        touch_text (descriptor);
    }
  return TRUE;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr (GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr (GError) error = NULL;
  g_autoptr (PaFrameworkDoc) doc = pa_framework_doc_load_bytes (bytes, "fuzz.xml", &error);

  g_assert ((doc == NULL) != (error == NULL));
  if (doc == NULL)
    {
      g_assert (error->domain == PA_FRAMEWORK_ERROR);
      g_assert (strstr (error->message, "fuzz.xml") != NULL);
      g_assert (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }
  touch_text (pa_framework_doc_get_label (doc));
  for (guint i = 0; i < pa_framework_doc_get_n_levels (doc); i++)
    {
      const PaFrameworkLevel *level = pa_framework_doc_get_level (doc, i);

      g_assert (pa_framework_level_get_index (level) == i);
      g_assert (pa_framework_doc_lookup_level (doc, pa_framework_level_get_code (level)) == level);
      touch_text (pa_framework_level_get_label (level));
    }
  g_assert (pa_framework_doc_foreach_item (doc, touch_item, doc));
  return 0;
}
