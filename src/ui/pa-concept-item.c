/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "passerelle"

#include "config.h"

#include <glib/gi18n.h>

#include "pa-concept-item.h"
#include "pa-frameworks.h"
#include "pa-iso-codes.h"

/* One result of a concept search, as a list model item. The framework, the
 * skill type and the description are read only when a row shows them. */
struct _PaConceptItem
{
  GObject parent_instance;

  char *uri;
  char *kind;
  char *label;
  char *label_lang;
  char *matched_label;
  char *matched_lang;

  gboolean details_loaded;
  char *framework;
  char *skill_type;
  char *description;
};

G_DEFINE_FINAL_TYPE (PaConceptItem, pa_concept_item, G_TYPE_OBJECT)

static void
pa_concept_item_finalize (GObject *object)
{
  PaConceptItem *self = PA_CONCEPT_ITEM (object);

  g_free (self->uri);
  g_free (self->kind);
  g_free (self->label);
  g_free (self->label_lang);
  g_free (self->matched_label);
  g_free (self->matched_lang);
  g_free (self->framework);
  g_free (self->skill_type);
  g_free (self->description);

  G_OBJECT_CLASS (pa_concept_item_parent_class)->finalize (object);
}

static void
pa_concept_item_class_init (PaConceptItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pa_concept_item_finalize;
}

static void
pa_concept_item_init (PaConceptItem *self)
{
  (void) self;
}

PaConceptItem *
pa_concept_item_new (const PaConceptHit *hit)
{
  PaConceptItem *self;

  g_return_val_if_fail (hit != NULL, NULL);

  self = g_object_new (PA_TYPE_CONCEPT_ITEM, NULL);
  self->uri = g_strdup (hit->uri);
  self->kind = g_strdup (hit->kind);
  self->label = g_strdup (hit->label);
  self->label_lang = g_strdup (hit->label_lang);
  self->matched_label = g_strdup (hit->matched_label);
  self->matched_lang = g_strdup (hit->matched_lang);
  return self;
}

const char *
pa_concept_item_get_uri (PaConceptItem *self)
{
  g_return_val_if_fail (PA_IS_CONCEPT_ITEM (self), NULL);
  return self->uri;
}

const char *
pa_concept_item_get_label (PaConceptItem *self)
{
  g_return_val_if_fail (PA_IS_CONCEPT_ITEM (self), NULL);
  return self->label;
}

const char *
pa_concept_item_get_kind (PaConceptItem *self)
{
  g_return_val_if_fail (PA_IS_CONCEPT_ITEM (self), NULL);
  return self->kind;
}

/**
 * pa_concept_item_dup_matched_text:
 *
 * The label the query matched, with its language, when it is not the label
 * shown (typed in another language, or an alternative label); else %NULL.
 */
char *
pa_concept_item_dup_matched_text (PaConceptItem *self)
{
  const char *language;

  g_return_val_if_fail (PA_IS_CONCEPT_ITEM (self), NULL);

  if (self->matched_label == NULL || g_strcmp0 (self->matched_label, self->label) == 0)
    return NULL;
  if (self->matched_lang == NULL || *self->matched_lang == '\0' ||
      g_strcmp0 (self->matched_lang, self->label_lang) == 0)
    return g_strdup (self->matched_label);
  language = pa_iso_language_name (self->matched_lang);
  /* Translators: a label and the language it is in, as in "طباخ (Arabic)". */
  return g_strdup_printf (_("%s (%s)"), self->matched_label,
                          language != NULL ? language : self->matched_lang);
}

/* Reads the framework, skill type and description once. */
gboolean
pa_concept_item_load_details (PaConceptItem  *self,
                              PaStore        *store,
                              const char     *lang,
                              GError        **error)
{
  g_autoptr (PaConcept) concept = NULL;

  g_return_val_if_fail (PA_IS_CONCEPT_ITEM (self), FALSE);

  if (self->details_loaded)
    return TRUE;
  concept = pa_frameworks_get_concept (store, self->uri, lang, error);
  if (concept == NULL)
    return FALSE;
  self->framework = g_strdup (concept->framework);
  self->skill_type = g_strdup (concept->skill_type);
  self->description = g_strdup (concept->description);
  self->details_loaded = TRUE;
  return TRUE;
}

const char *
pa_concept_item_get_framework (PaConceptItem *self)
{
  g_return_val_if_fail (PA_IS_CONCEPT_ITEM (self), NULL);
  return self->framework;
}

const char *
pa_concept_item_get_description (PaConceptItem *self)
{
  g_return_val_if_fail (PA_IS_CONCEPT_ITEM (self), NULL);
  return self->description;
}

const char *
pa_concept_item_get_skill_type (PaConceptItem *self)
{
  g_return_val_if_fail (PA_IS_CONCEPT_ITEM (self), NULL);
  return self->skill_type;
}
