/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "passerelle-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pa-certificates.h"
#include "pa-cohort.h"
#include "pa-gaps.h"
#include "pa-iso-codes.h"
#include "pa-labour.h"
#include "pa-mapper-store.h"
#include "pa-report-data.h"
#include "pa-report-i18n.h"
#include "pa-store-cases.h"
#include "pa-store-records.h"

#define PORTFOLIO_MATCHES 5
#define PORTFOLIO_GAPS 12
#define STATISTICS_OCCUPATIONS 10

/* helpers */

static char *
nonempty (const char *text)
{
  return text != NULL && *text != '\0' ? g_strdup (text) : NULL;
}

static char *
centre_name (PaStore *store)
{
  char *name = pa_store_get_setting (store, "centre.name");

  if (name != NULL && *g_strstrip (name) == '\0')
    g_clear_pointer (&name, g_free);
  return name;
}

/* A name from iso-codes in the report's language, which need not be the
 * interface's: read from iso-codes' own catalogue. */
static char *
iso_name (const char *domain,
          const char *english,
          const char *fallback,
          const char *language)
{
  g_autoptr (PaReportI18n) iso = NULL;

  iso = pa_report_i18n_new_from_dir ("/usr/share/locale", domain, language);
  if (iso != NULL && pa_report_i18n_has_catalog (iso))
    return g_strdup (pa_report_gettext (iso, english));
  if (g_str_has_prefix (language, "en"))
    return g_strdup (english);
  return g_strdup (fallback);
}

static char *
country_in (const char *alpha2,
            const char *language)
{
  if (alpha2 == NULL || *alpha2 == '\0')
    return NULL;
  return iso_name ("iso_3166-1", pa_iso_country_name_en (alpha2), pa_iso_country_name (alpha2),
                   language);
}

/* Capitalised: iso-codes writes French names small ("arabe"), and the name
 * starts a row of the portfolio's table. */
static char *
language_in (const char *code,
             const char *language)
{
  g_autofree char *name = iso_name ("iso_639-2", pa_iso_language_name_en (code),
                                    pa_iso_language_name (code), language);
  gunichar first = g_utf8_get_char (name);
  char upper[8] = "";

  if (!g_unichar_islower (first))
    return g_steal_pointer (&name);
  upper[g_unichar_to_utf8 (g_unichar_totitle (first), upper)] = '\0';
  return g_strconcat (upper, g_utf8_next_char (name), NULL);
}

static const char *
value_in (PaReportI18n *i18n,
          const char   *list,
          const char   *value)
{
  const char *msgid = pa_record_value_msgid (list, value);

  if (value == NULL || *value == '\0')
    return NULL;
  return msgid != NULL ? pa_report_gettext (i18n, msgid) : value;
}

static const char *
gender_in (PaReportI18n *i18n,
           const char   *gender)
{
  if (g_strcmp0 (gender, "female") == 0)
    return pa_report_pgettext (i18n, "gender", "Woman");
  if (g_strcmp0 (gender, "male") == 0)
    return pa_report_pgettext (i18n, "gender", "Man");
  if (g_strcmp0 (gender, "other") == 0)
    return pa_report_pgettext (i18n, "gender", "Other");
  return NULL;
}

static const char *
framework_in (PaReportI18n *i18n,
              const char   *code)
{
  if (g_strcmp0 (code, "esco") == 0)
    return pa_report_pgettext (i18n, "framework", "ESCO");
  if (g_strcmp0 (code, "cefr") == 0)
    return pa_report_pgettext (i18n, "framework", "CEFR");
  if (g_strcmp0 (code, "digcomp") == 0)
    return pa_report_pgettext (i18n, "framework", "DigComp");
  if (g_strcmp0 (code, "eqf") == 0)
    return pa_report_pgettext (i18n, "framework", "EQF");
  if (g_strcmp0 (code, "passerelle") == 0)
    return pa_report_pgettext (i18n, "framework", "Transversal skills");
  return code;
}

static char *
concept_in (PaStore    *store,
            const char *uri,
            const char *language)
{
  char *label = pa_concept_label (store, uri, language);

  return label != NULL ? label : g_strdup (uri);
}

/* portfolio */

static void
language_free (gpointer p)
{
  PaPortfolioLanguage *l = p;

  g_free (l->name);
  for (guint i = 0; i < G_N_ELEMENTS (l->levels); i++)
    g_free (l->levels[i]);
  g_free (l);
}

static void
education_free (gpointer p)
{
  PaPortfolioEducation *e = p;

  g_free (e->title);
  g_free (e->institution);
  g_free (e->country);
  g_free (e->year);
  g_free (e->level);
  g_free (e->recognition);
  g_free (e);
}

static void
experience_free (gpointer p)
{
  PaPortfolioExperience *e = p;

  g_free (e->title);
  g_free (e->kind);
  g_free (e->organisation);
  g_free (e->place);
  g_free (e->dates);
  g_free (e->tasks);
  g_free (e);
}

static void
competence_free (gpointer p)
{
  PaPortfolioCompetence *c = p;

  g_free (c->framework);
  g_free (c->label);
  g_free (c->level);
  g_free (c->stage_label);
  g_free (c->evidence);
  g_free (c);
}

static void
match_free (gpointer p)
{
  PaPortfolioMatch *m = p;

  g_free (m->occupation);
  g_free (m->missing);
  g_free (m);
}

static void
gap_free (gpointer p)
{
  PaPortfolioGap *g = p;

  g_free (g->skill);
  g_free (g->modules);
  g_free (g);
}

static void
action_free (gpointer p)
{
  PaPortfolioAction *a = p;

  g_free (a->title);
  g_free (a->kind);
  g_free (a->status);
  g_free (a->due);
  g_free (a->goal);
  g_free (a);
}

PaPortfolioData *
pa_portfolio_data_new (void)
{
  PaPortfolioData *data = g_new0 (PaPortfolioData, 1);

  data->languages = g_ptr_array_new_with_free_func (language_free);
  data->education = g_ptr_array_new_with_free_func (education_free);
  data->experiences = g_ptr_array_new_with_free_func (experience_free);
  data->competences = g_ptr_array_new_with_free_func (competence_free);
  data->matches = g_ptr_array_new_with_free_func (match_free);
  data->gaps = g_ptr_array_new_with_free_func (gap_free);
  data->goals = g_ptr_array_new_with_free_func (g_free);
  data->actions = g_ptr_array_new_with_free_func (action_free);
  g_date_clear (&data->date, 1);
  return data;
}

void
pa_portfolio_data_free (PaPortfolioData *data)
{
  if (data == NULL)
    return;
  g_free (data->language);
  g_free (data->second_language);
  g_free (data->centre_name);
  g_clear_pointer (&data->logo, g_bytes_unref);
  g_free (data->participant_name);
  g_free (data->case_code);
  g_free (data->gender);
  g_free (data->origin);
  g_free (data->arrival);
  g_ptr_array_unref (data->languages);
  g_ptr_array_unref (data->education);
  g_ptr_array_unref (data->experiences);
  g_ptr_array_unref (data->competences);
  g_ptr_array_unref (data->matches);
  g_free (data->gaps_for);
  g_ptr_array_unref (data->gaps);
  g_ptr_array_unref (data->goals);
  g_ptr_array_unref (data->actions);
  g_free (data);
}

static void
set_today (GDate *date)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();

  g_date_set_dmy (date, (GDateDay) g_date_time_get_day_of_month (now),
                  (GDateMonth) g_date_time_get_month (now), (GDateYear) g_date_time_get_year (now));
}

static char *
date_range (const char *start,
            const char *end)
{
  if (start != NULL && *start && g_strcmp0 (start, end) == 0)
    return g_strdup (start);
  if (start != NULL && *start && end != NULL && *end)
    return g_strdup_printf ("%s – %s", start, end);
  if (start != NULL && *start)
    return g_strdup_printf ("%s –", start);
  if (end != NULL && *end)
    return g_strdup_printf ("– %s", end);
  return NULL;
}

static int
compare_competences (gconstpointer a,
                     gconstpointer b)
{
  const PaPortfolioCompetence *x = *(PaPortfolioCompetence *const *) a;
  const PaPortfolioCompetence *y = *(PaPortfolioCompetence *const *) b;
  int cmp = g_utf8_collate (x->framework, y->framework);

  if (cmp != 0)
    return cmp;
  if (x->stage != y->stage)
    return y->stage - x->stage;
  return g_utf8_collate (x->label, y->label);
}

/* The skills to develop are those of the occupation the case aims at (its
 * first open goal naming one the store knows), else of the best match. */
static gboolean
add_matches (PaPortfolioData  *data,
             PaStore          *store,
             gint64            case_id,
             GPtrArray        *goals,
             const char       *language,
             GError          **error)
{
  g_autoptr (PaMapper) mapper = pa_mapper_new_from_store (store, error);
  g_autoptr (GArray) claims = NULL;
  g_autoptr (GPtrArray) matches = NULL;
  g_autoptr (GPtrArray) gaps = NULL;
  const char *best = NULL;

  if (mapper == NULL)
    return FALSE;
  if (pa_mapper_get_n_occupations (mapper) == 0)
    return TRUE;
  claims = pa_mapper_case_claims (mapper, store, case_id, error);
  if (claims == NULL)
    return FALSE;
  if (claims->len == 0)
    return TRUE;
  matches = pa_mapper_match (mapper, (PaMapperClaim *) (gpointer) claims->data, claims->len,
                             PORTFOLIO_MATCHES);
  for (guint i = 0; i < matches->len; i++)
    {
      PaMatch *m = matches->pdata[i];
      PaPortfolioMatch *out = g_new0 (PaPortfolioMatch, 1);
      const char *uri = pa_mapper_get_occupation_uri (mapper, m->occupation);
      g_autoptr (GString) missing = g_string_new (NULL);

      if (best == NULL)
        best = uri;
      out->occupation = concept_in (store, uri, language);
      out->score = m->score;
      out->n_direct = m->n_essential_direct;
      out->n_essential = m->n_essential;
      for (guint k = 0; k < m->missing->len && k < 6; k++)
        {
          g_autofree char *label = concept_in (store, pa_mapper_get_skill_uri (
                                                 mapper, g_array_index (m->missing, guint, k)),
                                               language);
          if (missing->len > 0)
            g_string_append (missing, "; ");
          g_string_append (missing, label);
        }
      if (m->missing->len > 6)
        g_string_append (missing, "; …");
      out->missing = missing->len > 0 ? g_strdup (missing->str) : NULL;
      g_ptr_array_add (data->matches, out);
    }
  for (guint i = 0; i < goals->len; i++)
    {
      PaGoal *goal = goals->pdata[i];
      guint occupation;

      if (g_strcmp0 (goal->status, "open") == 0 && goal->target_occupation_uri != NULL &&
          pa_mapper_lookup_occupation (mapper, goal->target_occupation_uri, &occupation))
        {
          best = goal->target_occupation_uri;
          break;
        }
    }
  if (best == NULL)
    return TRUE;

  gaps = pa_gaps_for_occupation (store, mapper, case_id, best, language, error);
  if (gaps == NULL)
    return FALSE;
  data->gaps_for = concept_in (store, best, language);
  for (guint i = 0; i < gaps->len && i < PORTFOLIO_GAPS; i++)
    {
      PaGap *gap = gaps->pdata[i];
      PaPortfolioGap *out = g_new0 (PaPortfolioGap, 1);
      g_autoptr (GString) modules = g_string_new (NULL);

      out->skill = g_strdup (gap->label ? gap->label : gap->skill_uri);
      for (guint k = 0; gap->modules != NULL && k < gap->modules->len; k++)
        {
          PaModule *module = gap->modules->pdata[k];

          if (modules->len > 0)
            g_string_append (modules, "; ");
          g_string_append (modules, module->title);
        }
      out->modules = modules->len > 0 ? g_strdup (modules->str) : NULL;
      g_ptr_array_add (data->gaps, out);
    }
  return TRUE;
}

/**
 * pa_store_portfolio_build:
 * @case_id: the case
 * @language: the portfolio's language
 * @second_language: (nullable): a second language for headings, or %NULL
 *
 * Everything the competence portfolio prints: the profile, languages on the
 * CEFR grid, education, experiences, competences by framework with their
 * stage and evidence, the occupations the competences match best (when an
 * occupation framework is in the store) with the skills missing for the best
 * one, and the action plan.
 *
 * Returns: (transfer full): the data, or %NULL with %PA_STORE_ERROR_NOT_FOUND
 * for an unknown case.
 */
PaPortfolioData *
pa_store_portfolio_build (PaStore     *store,
                          gint64       case_id,
                          const char  *language,
                          const char  *second_language,
                          GError     **error)
{
  g_autoptr (PaPortfolioData) data = NULL;
  g_autoptr (PaCase) pcase = NULL;
  g_autoptr (PaReportI18n) i18n = NULL;
  g_autoptr (GPtrArray) languages = NULL, education = NULL, experiences = NULL;
  g_autoptr (GPtrArray) claims = NULL, evidence = NULL, goals = NULL, actions = NULL;
  g_autoptr (GHashTable) evidence_titles = NULL, goal_titles = NULL;

  g_return_val_if_fail (PA_IS_STORE (store), NULL);
  g_return_val_if_fail (language != NULL, NULL);

  pcase = pa_store_case_get (store, case_id, error);
  if (pcase == NULL)
    return NULL;
  if ((languages = pa_store_language_list (store, case_id, error)) == NULL ||
      (education = pa_store_education_list (store, case_id, error)) == NULL ||
      (experiences = pa_store_experience_list (store, case_id, error)) == NULL ||
      (claims = pa_store_claim_list (store, case_id, error)) == NULL ||
      (evidence = pa_store_evidence_list (store, case_id, error)) == NULL ||
      (goals = pa_store_goal_list (store, case_id, error)) == NULL ||
      (actions = pa_store_plan_action_list (store, case_id, error)) == NULL)
    return NULL;

  i18n = pa_report_i18n_new (language);
  data = pa_portfolio_data_new ();
  data->language = g_strdup (language);
  if (second_language != NULL && *second_language != '\0' &&
      !g_str_equal (second_language, language))
    data->second_language = g_strdup (second_language);
  data->centre_name = centre_name (store);
  {
    g_autoptr (GError) logo_error = NULL;

    /* A damaged logo is no reason to refuse the portfolio: it goes without. */
    data->logo = pa_store_get_file (store, PA_SETTING_CENTRE_LOGO, &logo_error);
    if (logo_error != NULL)
      g_debug ("The portfolio goes without the centre's logo: %s", logo_error->message);
  }
  data->participant_name = pa_case_dup_display_name (pcase);
  data->case_code = g_strdup (pa_case_get_code (pcase));
  data->birth_year = MAX (pa_case_get_birth_year (pcase), 0);
  data->gender = g_strdup (gender_in (i18n, pa_case_get_gender (pcase)));
  data->origin = country_in (pa_case_get_origin_country (pcase), language);
  data->arrival = nonempty (pa_case_get_arrival_date (pcase));
  set_today (&data->date);

  for (guint i = 0; i < languages->len; i++)
    {
      PaCaseLanguage *l = languages->pdata[i];
      PaPortfolioLanguage *out = g_new0 (PaPortfolioLanguage, 1);

      out->name = language_in (l->language, language);
      out->mother_tongue = l->mother_tongue;
      out->levels[0] = nonempty (l->listening);
      out->levels[1] = nonempty (l->reading);
      out->levels[2] = nonempty (l->spoken_interaction);
      out->levels[3] = nonempty (l->spoken_production);
      out->levels[4] = nonempty (l->writing);
      g_ptr_array_add (data->languages, out);
    }

  for (guint i = 0; i < education->len; i++)
    {
      PaEducation *e = education->pdata[i];
      PaPortfolioEducation *out = g_new0 (PaPortfolioEducation, 1);

      out->title = g_strdup (e->original_title && *e->original_title ? e->original_title : "—");
      out->institution = nonempty (e->institution);
      out->country = country_in (e->country, language);
      out->year = e->year_completed > 0 ? g_strdup_printf ("%d", e->year_completed) : NULL;
      out->level = e->isced_level >= 0 ? g_strdup_printf ("ISCED %d", e->isced_level) : NULL;
      out->recognition = g_strdup (value_in (i18n, "education.recognition",
                                             e->recognition_status));
      g_ptr_array_add (data->education, out);
    }

  for (guint i = 0; i < experiences->len; i++)
    {
      PaExperience *e = experiences->pdata[i];
      PaPortfolioExperience *out = g_new0 (PaPortfolioExperience, 1);
      g_autofree char *country = country_in (e->country, language);

      out->title = g_strdup (e->title);
      out->kind = g_strdup (value_in (i18n, "experience.kind", e->kind));
      out->organisation = nonempty (e->organisation);
      if (e->place != NULL && *e->place && country != NULL)
        out->place = g_strdup_printf ("%s, %s", e->place, country);
      else if (country != NULL)
        out->place = g_steal_pointer (&country);
      else
        out->place = nonempty (e->place);
      out->dates = date_range (e->start_date, e->end_date);
      out->tasks = nonempty (e->tasks);
      g_ptr_array_add (data->experiences, out);
    }

  evidence_titles = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < evidence->len; i++)
    {
      PaEvidence *e = evidence->pdata[i];
      g_hash_table_insert (evidence_titles, &e->id, e->title);
    }
  for (guint i = 0; i < claims->len; i++)
    {
      PaClaim *c = claims->pdata[i];
      PaPortfolioCompetence *out = g_new0 (PaPortfolioCompetence, 1);
      g_autoptr (GString) proofs = g_string_new (NULL);
      char *label = pa_concept_label (store, c->item_uri, language);

      out->framework = g_strdup (framework_in (i18n, c->framework));
      out->label = label != NULL ? label : g_strdup (c->label);
      out->level = nonempty (c->level);
      out->stage = c->stage;
      out->stage_label = g_strdup (pa_report_gettext (i18n, pa_stage_msgid (c->stage)));
      for (guint k = 0; c->evidence_ids != NULL && k < c->evidence_ids->len; k++)
        {
          const char *title = g_hash_table_lookup (evidence_titles,
                                                   &g_array_index (c->evidence_ids, gint64, k));
          if (title == NULL)
            continue;
          if (proofs->len > 0)
            g_string_append_c (proofs, '\n');
          g_string_append (proofs, title);
        }
      out->evidence = proofs->len > 0 ? g_strdup (proofs->str) : NULL;
      g_ptr_array_add (data->competences, out);
    }
  g_ptr_array_sort (data->competences, compare_competences);

  goal_titles = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < goals->len; i++)
    {
      PaGoal *g = goals->pdata[i];
      g_hash_table_insert (goal_titles, &g->id, g->title);
      g_ptr_array_add (data->goals, g_strdup_printf ("%s (%s)", g->title,
                                                     value_in (i18n, "goal.status", g->status)));
    }
  for (guint i = 0; i < actions->len; i++)
    {
      PaPlanAction *a = actions->pdata[i];
      PaPortfolioAction *out = g_new0 (PaPortfolioAction, 1);

      out->title = g_strdup (a->title);
      out->kind = g_strdup (value_in (i18n, "plan.kind", a->kind));
      out->status = g_strdup (value_in (i18n, "plan.status", a->status));
      out->due = nonempty (a->due_on);
      if (a->goal_id != 0)
        out->goal = g_strdup (g_hash_table_lookup (goal_titles, &a->goal_id));
      g_ptr_array_add (data->actions, out);
    }

  if (!add_matches (data, store, case_id, goals, language, error))
    return NULL;
  return g_steal_pointer (&data);
}

/* attendance */

PaAttendanceData *
pa_attendance_data_new (void)
{
  PaAttendanceData *data = g_new0 (PaAttendanceData, 1);

  data->sessions = g_ptr_array_new_with_free_func (g_free);
  data->topics = g_ptr_array_new_with_free_func (g_free);
  data->participants = g_ptr_array_new_with_free_func (g_free);
  g_date_clear (&data->start, 1);
  g_date_clear (&data->end, 1);
  return data;
}

void
pa_attendance_data_free (PaAttendanceData *data)
{
  if (data == NULL)
    return;
  g_free (data->language);
  g_free (data->centre_name);
  g_free (data->title);
  g_free (data->theme);
  g_free (data->location);
  g_ptr_array_unref (data->sessions);
  g_ptr_array_unref (data->topics);
  g_ptr_array_unref (data->participants);
  g_free (data->marks);
  g_free (data);
}

/**
 * pa_parse_report_date:
 * @text: "YYYY-MM-DD"
 *
 * Returns: %TRUE when @text is a valid date, stored in @date.
 */
gboolean
pa_parse_report_date (const char *text,
                      GDate      *date)
{
  int y, m, d;
  char end;

  g_return_val_if_fail (date != NULL, FALSE);
  g_date_clear (date, 1);
  if (text == NULL || sscanf (text, "%4d-%2d-%2d%c", &y, &m, &d, &end) != 3 ||
      !g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
    return FALSE;
  g_date_set_dmy (date, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
  return TRUE;
}

typedef struct
{
  gint64 id;
  char *name;
  char *sort_key;
} Participant;

static int
compare_participants (gconstpointer a,
                      gconstpointer b)
{
  const Participant *x = a, *y = b;

  return strcmp (x->sort_key, y->sort_key);
}

static void
participant_clear (gpointer p)
{
  Participant *x = p;

  g_free (x->name);
  g_free (x->sort_key);
}

/* Cases of the seminar that are not in the trash, by family name. */
static GArray *
seminar_participants (PaStore  *store,
                      gint64    seminar_id,
                      GError  **error)
{
  g_autoptr (GArray) ids = pa_store_seminar_list_participants (store, seminar_id, error);
  g_autoptr (GArray) list = NULL;

  if (ids == NULL)
    return NULL;
  list = g_array_new (FALSE, TRUE, sizeof (Participant));
  g_array_set_clear_func (list, participant_clear);
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      g_autoptr (PaCase) pcase = pa_store_case_get (store, id, NULL);
      g_autofree char *key = NULL;
      Participant p = { id, NULL, NULL };

      if (pcase == NULL || pa_case_get_trashed_at (pcase) != NULL)
        continue;
      key = g_strdup_printf ("%s %s", pa_case_get_family_name (pcase),
                             pa_case_get_given_name (pcase));
      p.name = pa_case_dup_display_name (pcase);
      p.sort_key = g_utf8_collate_key (key, -1);
      g_array_append_val (list, p);
    }
  g_array_sort (list, compare_participants);
  return g_steal_pointer (&list);
}

/**
 * pa_store_attendance_build:
 * @seminar_id: the seminar
 * @language: the sheet's language
 *
 * The attendance sheet of a seminar: its participants (cases in the trash
 * left out) by name, its sessions by date, and the attendance recorded.
 *
 * Returns: (transfer full): the data, or %NULL with %PA_STORE_ERROR_NOT_FOUND
 * for an unknown seminar, or %PA_STORE_ERROR_INVALID when it has no session.
 */
PaAttendanceData *
pa_store_attendance_build (PaStore     *store,
                           gint64       seminar_id,
                           const char  *language,
                           GError     **error)
{
  g_autoptr (PaAttendanceData) data = NULL;
  g_autoptr (PaReportI18n) i18n = NULL;
  g_autoptr (PaSeminar) seminar = NULL;
  g_autoptr (GPtrArray) sessions = NULL;
  g_autoptr (GArray) participants = NULL;
  const char *theme;
  guint n_sessions;

  g_return_val_if_fail (PA_IS_STORE (store), NULL);
  g_return_val_if_fail (language != NULL, NULL);

  seminar = pa_store_seminar_get (store, seminar_id, error);
  if (seminar == NULL)
    return NULL;
  sessions = pa_store_seminar_session_list (store, seminar_id, error);
  if (sessions == NULL)
    return NULL;
  if (sessions->len == 0)
    {
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_INVALID,
                   _("The seminar “%s” has no session yet: add its sessions before printing "
                     "its attendance sheet."), seminar->title);
      return NULL;
    }
  participants = seminar_participants (store, seminar_id, error);
  if (participants == NULL)
    return NULL;

  i18n = pa_report_i18n_new (language);
  data = pa_attendance_data_new ();
  data->language = g_strdup (language);
  data->centre_name = centre_name (store);
  data->title = g_strdup (seminar->title);
  /* The theme's name in the sheet's language; a code of elsewhere as it is. */
  theme = pa_module_theme_msgid (seminar->theme);
  data->theme = theme != NULL ? g_strdup (pa_report_gettext (i18n, theme))
                              : nonempty (seminar->theme);
  data->location = nonempty (seminar->location);
  pa_parse_report_date (seminar->start_date, &data->start);
  pa_parse_report_date (seminar->end_date, &data->end);
  n_sessions = sessions->len;
  for (guint s = 0; s < n_sessions; s++)
    {
      PaSeminarSession *session = sessions->pdata[s];

      g_ptr_array_add (data->sessions, g_strdup (session->held_on));
      g_ptr_array_add (data->topics, g_strdup (session->topic ? session->topic : ""));
    }
  for (guint p = 0; p < participants->len; p++)
    g_ptr_array_add (data->participants,
                     g_strdup (g_array_index (participants, Participant, p).name));
  data->marks = g_new0 (guint8, MAX (participants->len * n_sessions, 1));
  for (guint s = 0; s < n_sessions; s++)
    {
      PaSeminarSession *session = sessions->pdata[s];
      g_autoptr (GPtrArray) attendance = pa_store_attendance_list (store, session->id, error);

      if (attendance == NULL)
        return NULL;
      for (guint a = 0; a < attendance->len; a++)
        {
          PaAttendance *mark = attendance->pdata[a];

          for (guint p = 0; p < participants->len; p++)
            if (g_array_index (participants, Participant, p).id == mark->case_id)
              data->marks[p * n_sessions + s] = mark->present ? PA_ATTENDANCE_PRESENT
                                                              : PA_ATTENDANCE_ABSENT;
        }
    }
  return g_steal_pointer (&data);
}

static gboolean
same_competences (const PaCertificateData *a,
                  const PaCertificateData *b)
{
  if (a->competences->len != b->competences->len)
    return FALSE;
  for (guint i = 0; i < a->competences->len; i++)
    {
      const PaCertificateCompetence *x = g_ptr_array_index (a->competences, i);
      const PaCertificateCompetence *y = g_ptr_array_index (b->competences, i);

      if (g_strcmp0 (x->label, y->label) != 0 || g_strcmp0 (x->framework, y->framework) != 0 ||
          g_strcmp0 (x->level, y->level) != 0 || g_strcmp0 (x->method, y->method) != 0 ||
          g_strcmp0 (x->label_second, y->label_second) != 0)
        return FALSE;
    }
  return TRUE;
}

/* The certificate of @case_id's certified competences in these languages:
 * the case's latest valid one when it states the competences certified
 * today (a reprint, same number), else a new one, issued and stored. */
static PaCertificateData *
case_certificate_data (PaStore     *store,
                       gint64       case_id,
                       const char  *language,
                       const char  *second_language,
                       GError     **error)
{
  g_autoptr (PaIssuedCertificate) issued = NULL;
  g_autoptr (PaIssuedCertificate) fresh = NULL;
  GError *local = NULL;

  issued = pa_store_certificate_find_latest (store, case_id, language, second_language, &local);
  if (local != NULL)
    {
      g_propagate_error (error, local);
      return NULL;
    }
  if (issued != NULL)
    {
      g_autoptr (PaCertificateData) stated = pa_store_certificate_get_data (store, issued, error);
      g_autoptr (PaCertificateData) today = NULL;

      if (stated == NULL)
        return NULL;
      today = pa_store_certificate_build (store, case_id, language, second_language, error);
      if (today == NULL)
        return NULL;
      if (same_competences (stated, today))
        return g_steal_pointer (&stated);
    }
  fresh = pa_store_certificate_issue (store, case_id, language, second_language, error);
  if (fresh == NULL)
    return NULL;
  return pa_store_certificate_get_data (store, fresh, error);
}

/**
 * pa_store_case_certificates:
 * @case_id: the case
 * @language: the certificate's language
 * @second_language: (nullable): a second language
 *
 * The certificate of the case's certified competences, as printed from the
 * case: the valid one in these languages when the case has one, otherwise a
 * new one is issued (numbered and stored, see pa_store_certificate_issue()).
 *
 * Returns: (transfer container) (element-type PaCertificateData): the
 * certificate, alone in the list pa_document_new_certificates() draws; or
 * %NULL: %PA_STORE_ERROR_NOT_FOUND for an unknown case,
 * %PA_STORE_ERROR_INVALID when it has no certified competence.
 */
GPtrArray *
pa_store_case_certificates (PaStore     *store,
                            gint64       case_id,
                            const char  *language,
                            const char  *second_language,
                            GError     **error)
{
  g_autoptr (PaCase) kase = NULL;
  g_autoptr (GPtrArray) list = NULL;
  PaCertificateData *data;

  g_return_val_if_fail (PA_IS_STORE (store), NULL);
  g_return_val_if_fail (language != NULL, NULL);

  if (second_language != NULL && *second_language == '\0')
    second_language = NULL;
  kase = pa_store_case_get (store, case_id, error);
  if (kase == NULL)
    return NULL;
  if (pa_case_get_n_certified (kase) == 0)
    {
      g_autofree char *name = pa_case_dup_display_name (kase);

      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_INVALID,
                   /* Translators: %s is a participant's name. */
                   _("%s has no certified competence yet: there is no certificate to print."),
                   name);
      return NULL;
    }
  data = case_certificate_data (store, case_id, language, second_language, error);
  if (data == NULL)
    return NULL;
  list = g_ptr_array_new_with_free_func ((GDestroyNotify) pa_certificate_data_free);
  g_ptr_array_add (list, data);
  return g_steal_pointer (&list);
}

/**
 * pa_store_issued_certificates:
 * @number: a certificate's number ("PA-000042-7K")
 *
 * A certificate already issued, as it was issued (with its revocation
 * stamp if it was revoked since), for a reprint.
 * Returns: (transfer container) (element-type PaCertificateData): the
 * certificate, alone in the list pa_document_new_certificates() draws; or
 * %NULL with %PA_STORE_ERROR_NOT_FOUND
 */
GPtrArray *
pa_store_issued_certificates (PaStore     *store,
                              const char  *number,
                              GError     **error)
{
  g_autoptr (PaIssuedCertificate) issued = NULL;
  g_autoptr (GPtrArray) list = NULL;
  PaCertificateData *data;

  g_return_val_if_fail (PA_IS_STORE (store), NULL);
  g_return_val_if_fail (number != NULL, NULL);

  issued = pa_store_certificate_get (store, number, error);
  if (issued == NULL)
    return NULL;
  data = pa_store_certificate_get_data (store, issued, error);
  if (data == NULL)
    return NULL;
  list = g_ptr_array_new_with_free_func ((GDestroyNotify) pa_certificate_data_free);
  g_ptr_array_add (list, data);
  return g_steal_pointer (&list);
}

/**
 * pa_store_seminar_certificates:
 * @seminar_id: the seminar
 * @language: the certificates' language
 * @second_language: (nullable): a second language
 * @progress: (nullable): called after each participant
 * @cancellable: (nullable): stops between two participants
 *
 * The certificate of every participant of the seminar who has a certified
 * competence, by name: the valid one in these languages when the case has
 * one, otherwise a new one is issued (numbered and stored, see
 * pa_store_certificate_issue()). Participants without a certified competence
 * are left out.
 *
 * Returns: (transfer container) (element-type PaCertificateData): the
 * certificates, or %NULL: %PA_STORE_ERROR_NOT_FOUND for an unknown seminar,
 * %PA_STORE_ERROR_INVALID when no participant has a certified competence,
 * %G_IO_ERROR_CANCELLED.
 */
GPtrArray *
pa_store_seminar_certificates (PaStore        *store,
                               gint64          seminar_id,
                               const char     *language,
                               const char     *second_language,
                               PaProgressFunc  progress,
                               gpointer        user_data,
                               GCancellable   *cancellable,
                               GError        **error)
{
  g_autoptr (PaSeminar) seminar = NULL;
  g_autoptr (GArray) participants = NULL;
  g_autoptr (GPtrArray) list = NULL;

  g_return_val_if_fail (PA_IS_STORE (store), NULL);
  g_return_val_if_fail (language != NULL, NULL);

  if (second_language != NULL && *second_language == '\0')
    second_language = NULL;
  seminar = pa_store_seminar_get (store, seminar_id, error);
  if (seminar == NULL)
    return NULL;
  participants = seminar_participants (store, seminar_id, error);
  if (participants == NULL)
    return NULL;

  list = g_ptr_array_new_with_free_func ((GDestroyNotify) pa_certificate_data_free);
  for (guint p = 0; p < participants->len; p++)
    {
      gint64 case_id = g_array_index (participants, Participant, p).id;
      g_autoptr (PaCase) pcase = NULL;
      PaCertificateData *data;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      pcase = pa_store_case_get (store, case_id, error);
      if (pcase == NULL)
        return NULL;
      if (pa_case_get_n_certified (pcase) > 0)
        {
          data = case_certificate_data (store, case_id, language, second_language, error);
          if (data == NULL)
            return NULL;
          g_ptr_array_add (list, data);
        }
      if (progress != NULL)
        progress ((double) (p + 1) / participants->len, user_data);
    }
  if (list->len == 0)
    {
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_INVALID,
                   _("No participant of the seminar “%s” has a certified competence yet: "
                     "there is no certificate to print."), seminar->title);
      return NULL;
    }
  return g_steal_pointer (&list);
}

/* statistics */

static void
stat_count_free (gpointer p)
{
  PaStatCount *c = p;

  g_free (c->label);
  g_free (c);
}

static void
add_count (GPtrArray  *list,
           const char *label,
           guint       count)
{
  PaStatCount *c = g_new0 (PaStatCount, 1);

  c->label = g_strdup (label);
  c->count = count;
  g_ptr_array_add (list, c);
}

/* Withholds the counts of small groups (see PA_STATISTICS_MIN_COUNT). */
static void
hide_small_counts (GPtrArray *counts)
{
  for (guint i = 0; i < counts->len; i++)
    {
      PaStatCount *c = g_ptr_array_index (counts, i);

      if (c->count > 0 && c->count < PA_STATISTICS_MIN_COUNT)
        {
          c->count = 0;
          c->hidden = TRUE;
        }
    }
}

/* Countries of fewer than PA_STATISTICS_MIN_COUNT participants are counted
 * together, last, as @other_label; that count too is withheld when small. */
static void
group_small_countries (GPtrArray  *by_country,
                       const char *other_label)
{
  guint other = 0;

  for (guint i = 0; i < by_country->len;)
    {
      PaStatCount *c = g_ptr_array_index (by_country, i);

      if (c->count < PA_STATISTICS_MIN_COUNT)
        {
          other += c->count;
          g_ptr_array_remove_index (by_country, i);
        }
      else
        i++;
    }
  if (other > 0)
    {
      PaStatCount *c = g_new0 (PaStatCount, 1);

      c->label = g_strdup (other_label);
      c->count = other;
      g_ptr_array_add (by_country, c);
      hide_small_counts (by_country);
    }
}

PaStatistics *
pa_statistics_new (void)
{
  PaStatistics *stats = g_new0 (PaStatistics, 1);

  stats->by_country = g_ptr_array_new_with_free_func (stat_count_free);
  stats->by_gender = g_ptr_array_new_with_free_func (stat_count_free);
  stats->by_age = g_ptr_array_new_with_free_func (stat_count_free);
  stats->occupations = g_ptr_array_new_with_free_func (stat_count_free);
  g_date_clear (&stats->from, 1);
  g_date_clear (&stats->to, 1);
  return stats;
}

void
pa_statistics_free (PaStatistics *stats)
{
  if (stats == NULL)
    return;
  g_free (stats->language);
  g_free (stats->centre_name);
  g_ptr_array_unref (stats->by_country);
  g_ptr_array_unref (stats->by_gender);
  g_ptr_array_unref (stats->by_age);
  g_ptr_array_unref (stats->occupations);
  for (guint i = 0; i < G_N_ELEMENTS (stats->stage_labels); i++)
    g_free (stats->stage_labels[i]);
  g_free (stats);
}

static int
compare_counts (gconstpointer a,
                gconstpointer b)
{
  const PaStatCount *x = *(PaStatCount *const *) a;
  const PaStatCount *y = *(PaStatCount *const *) b;

  if (x->count != y->count)
    return x->count < y->count ? 1 : -1;
  return g_utf8_collate (x->label, y->label);
}

static char *
iso_date (const GDate *date)
{
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

/* Counts of a column over the period's cases, NULL counted as "". */
static GHashTable *
count_column (PaStore     *store,
              const char  *sql,
              const char  *from,
              const char  *to,
              GError     **error)
{
  g_autoptr (sqlite3_stmt) stmt = pa_store_prepare (store, sql, error);
  g_autoptr (GHashTable) counts = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, from, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, to, -1, SQLITE_STATIC);
  counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *key = (const char *) sqlite3_column_text (stmt, 0);
      g_hash_table_insert (counts, g_strdup (key ? key : ""),
                           GUINT_TO_POINTER ((guint) sqlite3_column_int (stmt, 1)));
    }
  if (rc != SQLITE_DONE)
    {
      pa_store_set_error (store, rc, error);
      return NULL;
    }
  return g_steal_pointer (&counts);
}

/* The cases of the period: opened on a day of it, not in the trash. */
#define PERIOD_CASES "FROM case_file WHERE trashed_at IS NULL " \
  "AND substr (created_at, 1, 10) BETWEEN ?1 AND ?2"

static gboolean
count_stages (PaStore      *store,
              PaStatistics *stats,
              const char   *from,
              const char   *to,
              GError      **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = pa_store_prepare (store, "SELECT stage, count(*) FROM claim WHERE case_id IN "
                                  "(SELECT id " PERIOD_CASES ") GROUP BY stage", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, from, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, to, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int stage = sqlite3_column_int (stmt, 0);
      if (stage >= 1 && stage <= 4)
        stats->claims_by_stage[stage] = (guint) sqlite3_column_int (stmt, 1);
    }
  if (rc != SQLITE_DONE)
    return pa_store_set_error (store, rc, error);
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = pa_store_prepare (store, "SELECT count(*), count(revoked_on) FROM certificate "
                                  "WHERE issued_on BETWEEN ?1 AND ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, from, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, to, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return pa_store_set_error (store, rc, error);
  stats->certificates_issued = (guint) sqlite3_column_int (stmt, 0);
  stats->certificates_revoked = (guint) sqlite3_column_int (stmt, 1);
  return TRUE;
}

static gboolean
count_occupations (PaStore      *store,
                   PaStatistics *stats,
                   const char   *from,
                   const char   *to,
                   GError      **error)
{
  g_autoptr (PaMapper) mapper = pa_mapper_new_from_store (store, error);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GHashTable) counts = NULL;
  GHashTableIter iter;
  gpointer key, value;
  int rc;

  if (mapper == NULL)
    return FALSE;
  stats->occupations_known = pa_mapper_get_n_occupations (mapper) > 0;
  if (!stats->occupations_known)
    return TRUE;

  stmt = pa_store_prepare (store, "SELECT id " PERIOD_CASES, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, from, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, to, -1, SQLITE_STATIC);
  counts = g_hash_table_new (g_direct_hash, g_direct_equal);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr (GArray) claims = pa_mapper_case_claims (mapper, store,
                                                         sqlite3_column_int64 (stmt, 0), error);
      g_autoptr (GPtrArray) matches = NULL;
      PaMatch *best;

      if (claims == NULL)
        return FALSE;
      if (claims->len == 0)
        continue;
      matches = pa_mapper_match (mapper, (PaMapperClaim *) (gpointer) claims->data, claims->len,
                                 1);
      if (matches->len == 0)
        continue;
      best = matches->pdata[0];
      if (best->score <= 0)
        continue;
      key = GUINT_TO_POINTER (best->occupation + 1);
      g_hash_table_insert (counts, key,
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, key))
                                             + 1));
    }
  if (rc != SQLITE_DONE)
    return pa_store_set_error (store, rc, error);

  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_autofree char *label = concept_in (
        store, pa_mapper_get_occupation_uri (mapper, GPOINTER_TO_UINT (key) - 1), stats->language);
      add_count (stats->occupations, label, GPOINTER_TO_UINT (value));
    }
  g_ptr_array_sort (stats->occupations, compare_counts);
  if (stats->occupations->len > STATISTICS_OCCUPATIONS)
    g_ptr_array_set_size (stats->occupations, STATISTICS_OCCUPATIONS);
  return TRUE;
}

/**
 * pa_store_statistics_build:
 * @from: the first day of the period
 * @to: the last day of the period
 * @language: the report's language
 *
 * Anonymous figures for funders over the cases opened in the period (not in
 * the trash): how many, by country of origin, gender and age band (age at the
 * end of the period), their claims by stage, the occupations their
 * competences match best; and the certificates issued in the period. No
 * name, case code or other text of a case is part of the result.
 *
 * Returns: (transfer full): the figures, or %NULL with %PA_STORE_ERROR_INVALID
 * when the period is empty (@to before @from).
 */
PaStatistics *
pa_store_statistics_build (PaStore      *store,
                           const GDate  *from,
                           const GDate  *to,
                           const char   *language,
                           GError      **error)
{
  static const struct { int min; int max; const char *label; } bands[] = {
    { 0, 17, NC_("age band", "Under 18") }, { 18, 25, NC_("age band", "18 to 25") },
    { 26, 35, NC_("age band", "26 to 35") }, { 36, 45, NC_("age band", "36 to 45") },
    { 46, 55, NC_("age band", "46 to 55") }, { 56, 200, NC_("age band", "56 and over") },
  };
  static const char *const genders[] = { "female", "male", "other", "" };
  g_autoptr (PaStatistics) stats = NULL;
  g_autoptr (PaReportI18n) i18n = NULL;
  g_autoptr (GHashTable) countries = NULL, gender = NULL, years = NULL;
  g_autofree char *from_text = NULL, *to_text = NULL;
  guint age_counts[G_N_ELEMENTS (bands) + 1] = { 0 };
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (PA_IS_STORE (store), NULL);
  g_return_val_if_fail (from != NULL && g_date_valid (from), NULL);
  g_return_val_if_fail (to != NULL && g_date_valid (to), NULL);
  g_return_val_if_fail (language != NULL, NULL);

  from_text = iso_date (from);
  to_text = iso_date (to);
  if (g_date_compare (from, to) > 0)
    {
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_INVALID,
                   _("The period from %s to %s is empty: its end comes before its start."),
                   from_text, to_text);
      return NULL;
    }

  i18n = pa_report_i18n_new (language);
  stats = pa_statistics_new ();
  stats->language = g_strdup (language);
  stats->centre_name = centre_name (store);
  stats->from = *from;
  stats->to = *to;

  countries = count_column (store, "SELECT origin_country, count(*) " PERIOD_CASES
                                   " GROUP BY origin_country", from_text, to_text, error);
  if (countries == NULL)
    return NULL;
  gender = count_column (store, "SELECT gender, count(*) " PERIOD_CASES " GROUP BY gender",
                         from_text, to_text, error);
  if (gender == NULL)
    return NULL;
  years = count_column (store, "SELECT birth_year, count(*) " PERIOD_CASES
                               " GROUP BY birth_year", from_text, to_text, error);
  if (years == NULL)
    return NULL;

  g_hash_table_iter_init (&iter, countries);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_autofree char *name = country_in (key, language);

      stats->n_participants += GPOINTER_TO_UINT (value);
      add_count (stats->by_country,
                 name ? name : pa_report_pgettext (i18n, "country", "Not stated"),
                 GPOINTER_TO_UINT (value));
    }
  g_ptr_array_sort (stats->by_country, compare_counts);
  group_small_countries (stats->by_country,
                         pa_report_pgettext (i18n, "statistics", "Other countries"));

  for (guint i = 0; i < G_N_ELEMENTS (genders); i++)
    {
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (gender, genders[i]));
      const char *label = gender_in (i18n, genders[i]);

      add_count (stats->by_gender,
                 label ? label : pa_report_pgettext (i18n, "gender", "Not stated"), n);
    }

  g_hash_table_iter_init (&iter, years);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      int year = atoi (key);
      int age = (int) g_date_get_year (to) - year;
      guint band = G_N_ELEMENTS (bands);

      if (year > 0)
        for (guint b = 0; b < G_N_ELEMENTS (bands); b++)
          if (age >= bands[b].min && age <= bands[b].max)
            band = b;
      age_counts[band] += GPOINTER_TO_UINT (value);
    }
  for (guint b = 0; b < G_N_ELEMENTS (bands); b++)
    add_count (stats->by_age, pa_report_pgettext (i18n, "age band", bands[b].label),
               age_counts[b]);
  add_count (stats->by_age, pa_report_pgettext (i18n, "age band", "Not stated"),
             age_counts[G_N_ELEMENTS (bands)]);

  for (int s = PA_STAGE_IDENTIFIED; s <= PA_STAGE_CERTIFIED; s++)
    stats->stage_labels[s] = g_strdup (pa_report_gettext (i18n, pa_stage_msgid (s)));
  if (!count_stages (store, stats, from_text, to_text, error) ||
      !count_occupations (store, stats, from_text, to_text, error))
    return NULL;
  hide_small_counts (stats->by_gender);
  hide_small_counts (stats->by_age);
  hide_small_counts (stats->occupations);
  return g_steal_pointer (&stats);
}
