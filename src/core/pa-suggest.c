/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pa-suggest"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "pa-builtin-frameworks.h"
#include "pa-cohort.h"
#include "pa-fold.h"
#include "pa-framework-xml.h"
#include "pa-suggest.h"

/*
 * Suggestions of competences from a case's experiences, each with the reason
 * a trainer reads beside it:
 *  - an experience tagged with an ESCO occupation proposes its essential
 *    skills, then its optional ones; tagged with an ISCO group, the skills
 *    essential to most occupations of the group;
 *  - the migration journey, volunteering, care work and the other kinds
 *    propose the transversal skills and meta-competences they develop;
 *  - the words of the title and tasks, in any imported language, find skills
 *    by their labels (accents and case ignored).
 * Skills already claimed, and suggestions the trainer rejected for the case,
 * are left out.
 */

#define SCORE_ESSENTIAL 3.0
#define SCORE_OPTIONAL 1.0
#define SCORE_KIND 2.0
#define TEXT_HITS_PER_WORD 12

typedef struct
{
  const char *kind;
  const char *framework;
  const char *codes[14];
} KindSkills;

/* What each kind of experience develops, by built-in item code. */
static const KindSkills kind_skills[] = {
  { "migration_journey", "transversal",
    { "adaptability", "resilience", "intercultural-communication", "autonomy", "multilingual-mediation",
      "learning-unfamiliar-contexts", "navigating-institutions", "planning-under-uncertainty",
      "resourcefulness", "adapt-to-change", "cope-with-uncertainty", "demonstrate-intercultural-competence", NULL } },
  { "volunteering", "transversal",
    { "work-in-teams", "show-empathy", "show-initiative", "build-networks", "meet-commitments",
      "respect-the-diversity-of-cultural-values-and-norms", NULL } },
  { "ngo", "transversal",
    { "work-in-teams", "build-networks", "address-an-audience", "advise-others", "show-initiative",
      "demonstrate-intercultural-competence", NULL } },
  { "community", "transversal",
    { "build-networks", "resolve-conflicts", "show-empathy", "lead-others", "motivate-others",
      "respect-the-diversity-of-cultural-values-and-norms", NULL } },
  { "trade_union", "transversal",
    { "negotiate-compromises", "address-an-audience", "exercise-rights-and-responsibilities",
      "lead-others", "resolve-conflicts", "build-networks", NULL } },
  { "political", "transversal",
    { "address-an-audience", "negotiate-compromises", "exercise-rights-and-responsibilities",
      "lead-others", "motivate-others", NULL } },
  { "family_care", "transversal",
    { "show-empathy", "manage-time", "cope-with-stress", "plan", "apply-hygiene-standards",
      "manage-financial-and-material-resources", "meet-commitments", NULL } },
  { "self_employment", "transversal",
    { "show-entrepreneurial-spirit", "manage-financial-and-material-resources", "make-decisions",
      "ensure-customer-orientation", "plan", "work-independently", NULL } },
  { "non_formal_course", "transversal",
    { "demonstrate-willingness-to-learn", "exercise-self-reflection", "manage-time", NULL } },
  { "informal_learning", "transversal",
    { "demonstrate-willingness-to-learn", "work-independently", "learning-unfamiliar-contexts", NULL } },
};

/* Words that carry no skill, in the interface's first languages. */
static const char *const stop_words[] = {
  "avec", "dans", "pour", "des", "les", "une", "sur", "par", "chez", "mais", "plus", "tres", "comme",
  "with", "from", "that", "this", "have", "were", "into", "also", "them", "their", "work", "worked",
  "voor", "met", "een", "het", "van", "ook", "mit", "und", "der", "die", "das", "fur", "bei", "eine",
  "con", "per", "una", "para", "por", "como", "del", "las", "los", "nella", "della", "anni", "years",
  "ans", "jaar", "jahre", "anos", "travail", "trabajo", "lavoro", "arbeit", "werk", NULL
};

void
pa_suggestion_free (PaSuggestion *suggestion)
{
  if (suggestion == NULL)
    return;
  g_free (suggestion->skill_uri);
  g_free (suggestion->label);
  g_free (suggestion->reason);
  g_free (suggestion);
}

typedef struct
{
  PaStore *store;
  const char *lang;
  GHashTable *excluded;   /* skill URIs claimed or rejected */
  GHashTable *by_uri;     /* skill URI → PaSuggestion* (owned by list) */
  GPtrArray *list;
  PaFrameworkDoc *transversal;
} Collector;

static void
offer (Collector          *c,
       const char         *uri,
       PaSuggestionSource  source,
       double              score,
       gint64              experience_id,
       char               *reason)
{
  PaSuggestion *s;

  if (uri == NULL || g_hash_table_contains (c->excluded, uri))
    {
      g_free (reason);
      return;
    }
  s = g_hash_table_lookup (c->by_uri, uri);
  if (s != NULL)
    {
      /* The strongest reason wins; a skill suggested twice scores a little more. */
      if (score > s->score)
        {
          g_free (s->reason);
          s->reason = reason;
          s->source = source;
          s->experience_id = experience_id;
          s->score = score + 0.1;
        }
      else
        {
          s->score += 0.1;
          g_free (reason);
        }
      return;
    }
  s = g_new0 (PaSuggestion, 1);
  s->skill_uri = g_strdup (uri);
  s->label = pa_concept_label (c->store, uri, c->lang);
  if (s->label == NULL)
    s->label = g_strdup (uri);
  s->reason = reason;
  s->source = source;
  s->experience_id = experience_id;
  s->score = score;
  g_ptr_array_add (c->list, s);
  g_hash_table_insert (c->by_uri, s->skill_uri, s);
}

static void
suggest_for_occupation (Collector  *c,
                        PaMapper   *mapper,
                        const char *occupation_uri,
                        const char *experience,
                        gint64      experience_id)
{
  g_autofree char *occupation = pa_concept_label (c->store, occupation_uri, c->lang);
  guint occ;

  if (occupation == NULL)
    occupation = g_strdup (occupation_uri);

  if (pa_mapper_lookup_occupation (mapper, occupation_uri, &occ))
    {
      for (int pass = 0; pass < 2; pass++)
        {
          guint n;
          const guint *skills = pass == 0 ? pa_mapper_get_essential (mapper, occ, &n)
                                          : pa_mapper_get_optional (mapper, occ, &n);
          for (guint i = 0; i < n; i++)
            offer (c, pa_mapper_get_skill_uri (mapper, skills[i]),
                   pass == 0 ? PA_SUGGESTION_ESSENTIAL : PA_SUGGESTION_OPTIONAL,
                   pass == 0 ? SCORE_ESSENTIAL : SCORE_OPTIONAL, experience_id,
                   /* Translators: the first %s is an occupation, the second an experience */
                   g_strdup_printf (pass == 0 ? _("Essential for “%s” — from the experience “%s”")
                                              : _("Optional for “%s” — from the experience “%s”"),
                                    occupation, experience));
        }
      return;
    }

  /* An ISCO group: the skills essential to at least half of its occupations. */
  if (g_str_has_prefix (occupation_uri, "http://data.europa.eu/esco/isco/C"))
    {
      const char *code = occupation_uri + strlen ("http://data.europa.eu/esco/isco/C");
      g_autoptr (GHashTable) counts = g_hash_table_new (NULL, NULL);
      g_autoptr (GList) keys = NULL;
      guint n_members = 0;

      for (guint o = 0; o < pa_mapper_get_n_occupations (mapper); o++)
        {
          const char *isco = pa_mapper_get_occupation_isco (mapper, o);
          guint n;
          const guint *skills;

          if (isco == NULL || !g_str_has_prefix (isco, code))
            continue;
          n_members++;
          skills = pa_mapper_get_essential (mapper, o, &n);
          for (guint i = 0; i < n; i++)
            {
              gpointer key = GUINT_TO_POINTER (skills[i] + 1);
              g_hash_table_insert (counts, key,
                                   GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, key)) + 1));
            }
        }
      keys = g_hash_table_get_keys (counts);
      for (GList *l = keys; l != NULL; l = l->next)
        {
          guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, l->data));
          if (n_members == 0 || n * 2 < n_members)
            continue;
          offer (c, pa_mapper_get_skill_uri (mapper, GPOINTER_TO_UINT (l->data) - 1),
                 PA_SUGGESTION_ESSENTIAL, SCORE_ESSENTIAL - 0.5 + (double) n / n_members * 0.5,
                 experience_id,
                 /* Translators: the first %s is an occupation group, the second an experience */
                 g_strdup_printf (_("Essential for most occupations of “%s” — from the experience “%s”"),
                                  occupation, experience));
        }
    }
}

static void
suggest_for_kind (Collector  *c,
                  const char *kind,
                  const char *experience,
                  gint64      experience_id)
{
  for (gsize k = 0; k < G_N_ELEMENTS (kind_skills); k++)
    {
      const KindSkills *ks = &kind_skills[k];

      if (!g_str_equal (ks->kind, kind))
        continue;
      for (guint i = 0; ks->codes[i] != NULL; i++)
        {
          const PaFrameworkItem *item = c->transversal
                                          ? pa_framework_doc_lookup_item (c->transversal, ks->codes[i])
                                          : NULL;
          g_autofree char *uri = NULL;

          /* Items that coincide with ESCO are stored under the ESCO URI. */
          if (item == NULL)
            continue;
          uri = pa_framework_item_get_esco_uri (item)
                  ? g_strdup (pa_framework_item_get_esco_uri (item))
                  : pa_builtin_item_uri (ks->framework, ks->codes[i]);
          offer (c, uri, PA_SUGGESTION_KIND, SCORE_KIND - i * 0.01, experience_id,
                 /* Translators: %s is an experience, such as "Journey from Aleppo to Liège" */
                 g_strdup_printf (_("Developed by this kind of experience — “%s”"), experience));
        }
    }
}

typedef struct
{
  char *uri;
  double score;
  GHashTable *words;
} TextHit;

static void
text_hit_free (TextHit *hit)
{
  g_free (hit->uri);
  g_hash_table_unref (hit->words);
  g_free (hit);
}

static int
compare_text_hits (gconstpointer a,
                   gconstpointer b)
{
  const TextHit *ha = *(TextHit **) a;
  const TextHit *hb = *(TextHit **) b;

  if (ha->score != hb->score)
    return ha->score > hb->score ? -1 : 1;
  return strcmp (ha->uri, hb->uri);
}

/**
 * pa_suggest_from_text:
 * @text: free text in any imported language ("j'ai réparé des moteurs de camion")
 *
 * Finds skills whose labels share words with @text, accents and case
 * ignored; a skill scores more the more distinct words it shares.
 * Returns: (transfer full) (element-type PaConceptHit): best first.
 */
GPtrArray *
pa_suggest_from_text (PaFrameworkSearch  *search,
                      const char         *text,
                      const char         *lang,
                      guint               limit,
                      GError            **error)
{
  g_autoptr (GHashTable) hits = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                       (GDestroyNotify) text_hit_free);
  g_autoptr (GHashTable) best = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                       (GDestroyNotify) pa_concept_hit_free);
  g_autoptr (GPtrArray) ranked = g_ptr_array_new ();
  g_autofree char *folded = NULL;
  GPtrArray *result;
  const char *cursor;
  const char *word;
  gsize length;
  GHashTableIter iter;
  gpointer value;

  g_return_val_if_fail (PA_IS_FRAMEWORK_SEARCH (search), NULL);

  result = g_ptr_array_new_with_free_func ((GDestroyNotify) pa_concept_hit_free);
  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return result;
  folded = pa_fold_text (text);
  cursor = folded;
  while (pa_fold_next_word (&cursor, &word, &length))
    {
      g_autofree char *stem = NULL;
      g_autoptr (GPtrArray) found = NULL;

      if (g_utf8_strlen (word, length) < 4)
        continue;
      stem = g_strndup (word, length);
      if (g_strv_contains (stop_words, stem))
        continue;
      /* A short stem meets the inflected forms: "répar(é)" finds "réparer". */
      if (g_utf8_strlen (stem, -1) > 6)
        *g_utf8_offset_to_pointer (stem, 6) = '\0';
      found = pa_framework_search_query (search, stem, PA_CONCEPT_KINDS_SKILLS, lang, NULL,
                                         TEXT_HITS_PER_WORD, error);
      if (found == NULL)
        return NULL;
      for (guint i = 0; i < found->len; i++)
        {
          PaConceptHit *hit = g_ptr_array_index (found, i);
          TextHit *th = g_hash_table_lookup (hits, hit->uri);
          double weight = g_str_equal (hit->matched_kind, "preferred") ? 1.0
                        : g_str_equal (hit->matched_kind, "alternative") ? 0.8 : 0.5;

          weight *= 1.0 - i * 0.02;  /* the search ranks its hits */
          if (th == NULL)
            {
              th = g_new0 (TextHit, 1);
              th->uri = g_strdup (hit->uri);
              th->words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
              g_hash_table_insert (hits, th->uri, th);
              g_hash_table_insert (best, th->uri, g_ptr_array_steal_index (found, i--));
            }
          if (g_hash_table_add (th->words, g_strdup (stem)))
            th->score += weight;
        }
    }

  g_hash_table_iter_init (&iter, hits);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (ranked, value);
  g_ptr_array_sort (ranked, compare_text_hits);
  for (guint i = 0; i < ranked->len && (limit == 0 || i < limit); i++)
    {
      TextHit *th = g_ptr_array_index (ranked, i);
      gpointer hit = NULL;
      g_hash_table_steal_extended (best, th->uri, NULL, &hit);
      g_ptr_array_add (result, hit);
    }
  return result;
}

static int
compare_suggestions (gconstpointer a,
                     gconstpointer b)
{
  const PaSuggestion *sa = *(PaSuggestion **) a;
  const PaSuggestion *sb = *(PaSuggestion **) b;

  if (sa->score != sb->score)
    return sa->score > sb->score ? -1 : 1;
  if (sa->source != sb->source)
    return sa->source < sb->source ? -1 : 1;
  return strcmp (sa->skill_uri, sb->skill_uri);
}

/**
 * pa_suggest_for_case:
 * @search: (nullable): label search; without it no suggestions come from words
 * @limit: at most this many (0 for all)
 *
 * Returns: (transfer full) (element-type PaSuggestion): suggestions, best
 * first, or %NULL with @error set.
 */
GPtrArray *
pa_suggest_for_case (PaStore            *store,
                     PaMapper           *mapper,
                     PaFrameworkSearch  *search,
                     gint64              case_id,
                     const char         *lang,
                     guint               limit,
                     GError            **error)
{
  g_autoptr (GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) pa_suggestion_free);
  g_autoptr (GHashTable) excluded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GHashTable) by_uri = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (PaFrameworkDoc) transversal = pa_framework_doc_load_builtin ("transversal", NULL);
  Collector c = { store, lang, excluded, by_uri, list, transversal };
  int rc;

  g_return_val_if_fail (PA_IS_STORE (store), NULL);
  g_return_val_if_fail (PA_IS_MAPPER (mapper), NULL);

  stmt = pa_store_prepare (store, "SELECT item_uri FROM claim WHERE case_id = ?1 "
                                  "UNION SELECT skill_uri FROM suggestion_rejection WHERE case_id = ?1",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, case_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_hash_table_add (excluded, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = pa_store_prepare (store, "SELECT id, kind, title, place, tasks, occupation_uri FROM experience "
                                  "WHERE case_id = ? ORDER BY position, id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, case_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      const char *kind = (const char *) sqlite3_column_text (stmt, 1);
      const char *title = (const char *) sqlite3_column_text (stmt, 2);
      const char *place = (const char *) sqlite3_column_text (stmt, 3);
      const char *tasks = (const char *) sqlite3_column_text (stmt, 4);
      const char *occupation = (const char *) sqlite3_column_text (stmt, 5);
      g_autofree char *name = place && *place ? g_strdup_printf ("%s, %s", title, place) : g_strdup (title);

      if (occupation != NULL)
        suggest_for_occupation (&c, mapper, occupation, name, id);
      suggest_for_kind (&c, kind, name, id);
      /* A journey's title names places, not tasks: only its tasks are read. */
      if (search != NULL)
        {
          g_autofree char *text = g_strdup_printf ("%s %s", g_str_equal (kind, "migration_journey") ? "" : title,
                                                   tasks ? tasks : "");
          g_autoptr (GPtrArray) hits = pa_suggest_from_text (search, text, lang, 6, error);

          if (hits == NULL)
            return NULL;
          for (guint i = 0; i < hits->len; i++)
            {
              PaConceptHit *hit = g_ptr_array_index (hits, i);
              offer (&c, hit->uri, PA_SUGGESTION_TEXT, 1.5 - i * 0.05, id,
                     /* Translators: the first %s is a word or label that matched, the second an experience */
                     g_strdup_printf (_("Matches “%s” in the experience “%s”"), hit->matched_label, name));
            }
        }
    }
  if (rc != SQLITE_DONE)
    {
      pa_store_set_error (store, rc, error);
      return NULL;
    }

  g_ptr_array_sort (list, compare_suggestions);
  if (limit > 0 && list->len > limit)
    g_ptr_array_set_size (list, limit);
  return g_steal_pointer (&list);
}
