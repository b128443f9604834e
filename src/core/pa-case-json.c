/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pa-case-json"

#include "config.h"

#include "pa-case-json.h"
#include "pa-case.h"
#include "pa-records.h"
#include "pa-store-cases.h"
#include "pa-store-records.h"

/* A case as JSON, for `passerelle-cli case show --format json` and scripts:
 * everything the case holds, evidence described by its hash and size but
 * without its bytes. Codes are the schema's (ISO codes, kinds, CEFR levels). */

static void
add_string (JsonBuilder *builder,
            const char  *member,
            const char  *value)
{
  json_builder_set_member_name (builder, member);
  if (value == NULL)
    json_builder_add_null_value (builder);
  else
    json_builder_add_string_value (builder, value);
}

static void
add_int (JsonBuilder *builder,
         const char  *member,
         gint64       value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_int_value (builder, value);
}

/* An optional number: null when it holds the "unknown" value. */
static void
add_opt_int (JsonBuilder *builder,
             const char  *member,
             gint64       value,
             gint64       unset)
{
  json_builder_set_member_name (builder, member);
  if (value == unset)
    json_builder_add_null_value (builder);
  else
    json_builder_add_int_value (builder, value);
}

static void
add_bool (JsonBuilder *builder,
          const char  *member,
          gboolean     value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_boolean_value (builder, value);
}

static void
add_ids (JsonBuilder *builder,
         const char  *member,
         GArray      *ids)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; i < ids->len; i++)
    json_builder_add_int_value (builder, g_array_index (ids, gint64, i));
  json_builder_end_array (builder);
}

static void
add_identity (JsonBuilder *builder,
              PaCase      *kase)
{
  add_int (builder, "id", pa_case_get_id (kase));
  add_string (builder, "code", pa_case_get_code (kase));
  add_string (builder, "given_name", pa_case_get_given_name (kase));
  add_string (builder, "family_name", pa_case_get_family_name (kase));
  add_string (builder, "gender", pa_case_get_gender (kase));
  add_opt_int (builder, "birth_year", pa_case_get_birth_year (kase), 0);
  add_string (builder, "origin_country", pa_case_get_origin_country (kase));
  add_string (builder, "arrival_date", pa_case_get_arrival_date (kase));
  add_string (builder, "created_at", pa_case_get_created_at (kase));
  add_string (builder, "updated_at", pa_case_get_updated_at (kase));
  add_string (builder, "trashed_at", pa_case_get_trashed_at (kase));
}

/* Returns: (transfer full): the case's list entry as a JSON object. */
JsonNode *
pa_case_summary_to_json (PaCase *kase)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (PA_IS_CASE (kase), NULL);

  json_builder_begin_object (builder);
  add_identity (builder, kase);
  add_int (builder, "claims", pa_case_get_n_claims (kase));
  add_int (builder, "certified", pa_case_get_n_certified (kase));
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static void
add_consent (JsonBuilder *builder,
             PaConsent   *c)
{
  add_int (builder, "id", c->id);
  add_string (builder, "scope", c->scope);
  add_string (builder, "given_on", c->given_on);
  add_string (builder, "withdrawn_on", c->withdrawn_on);
  add_string (builder, "note", c->note);
  add_opt_int (builder, "recorded_by", c->recorded_by, 0);
}

static void
add_language (JsonBuilder    *builder,
              PaCaseLanguage *l)
{
  add_int (builder, "id", l->id);
  add_string (builder, "language", l->language);
  add_bool (builder, "mother_tongue", l->mother_tongue);
  add_string (builder, "listening", l->listening);
  add_string (builder, "reading", l->reading);
  add_string (builder, "spoken_interaction", l->spoken_interaction);
  add_string (builder, "spoken_production", l->spoken_production);
  add_string (builder, "writing", l->writing);
  add_string (builder, "source", l->source);
}

static void
add_education (JsonBuilder *builder,
               PaEducation *e)
{
  add_int (builder, "id", e->id);
  add_opt_int (builder, "isced_level", e->isced_level, -1);
  add_string (builder, "isced_field", e->isced_field);
  add_string (builder, "country", e->country);
  add_string (builder, "institution", e->institution);
  add_string (builder, "original_title", e->original_title);
  add_opt_int (builder, "year_completed", e->year_completed, 0);
  add_string (builder, "documents_held", e->documents_held);
  add_string (builder, "recognition_status", e->recognition_status);
  add_opt_int (builder, "eqf_estimate", e->eqf_estimate, 0);
  add_string (builder, "notes", e->notes);
}

static void
add_experience (JsonBuilder  *builder,
                PaExperience *e)
{
  add_int (builder, "id", e->id);
  add_string (builder, "kind", e->kind);
  add_string (builder, "title", e->title);
  add_string (builder, "organisation", e->organisation);
  add_string (builder, "country", e->country);
  add_string (builder, "place", e->place);
  add_string (builder, "start_date", e->start_date);
  add_string (builder, "end_date", e->end_date);
  add_string (builder, "tasks", e->tasks);
  add_string (builder, "occupation_uri", e->occupation_uri);
  add_int (builder, "position", e->position);
}

static void
add_step (JsonBuilder  *builder,
          PaClaimStage *s)
{
  add_int (builder, "stage", s->stage);
  add_string (builder, "stage_code", pa_stage_code (s->stage));
  add_string (builder, "at", s->at);
  add_opt_int (builder, "actor_id", s->actor_id, 0);
  add_string (builder, "actor", s->actor_name);
  add_string (builder, "method", s->method);
  add_string (builder, "level", s->level);
  add_string (builder, "assessor", s->assessor);
  add_string (builder, "rationale", s->rationale);
}

static gboolean
add_claim (JsonBuilder  *builder,
           PaStore      *store,
           PaClaim      *c,
           GError      **error)
{
  g_autoptr (GPtrArray) history = pa_store_claim_history (store, c->id, error);

  if (history == NULL)
    return FALSE;
  add_int (builder, "id", c->id);
  add_string (builder, "framework", c->framework);
  add_string (builder, "item_uri", c->item_uri);
  add_string (builder, "label", c->label);
  add_string (builder, "level", c->level);
  add_int (builder, "stage", c->stage);
  add_string (builder, "stage_code", pa_stage_code (c->stage));
  add_string (builder, "created_at", c->created_at);
  add_string (builder, "updated_at", c->updated_at);
  add_ids (builder, "experience_ids", c->experience_ids);
  add_ids (builder, "evidence_ids", c->evidence_ids);
  json_builder_set_member_name (builder, "history");
  json_builder_begin_array (builder);
  for (guint i = 0; i < history->len; i++)
    {
      json_builder_begin_object (builder);
      add_step (builder, g_ptr_array_index (history, i));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  return TRUE;
}

static void
add_evidence (JsonBuilder *builder,
              PaEvidence  *e)
{
  add_int (builder, "id", e->id);
  add_string (builder, "title", e->title);
  add_string (builder, "kind", e->kind);
  add_string (builder, "filename", e->filename);
  add_string (builder, "mime_type", e->mime_type);
  add_int (builder, "size", e->size);
  add_string (builder, "sha256", e->sha256);
  add_bool (builder, "relevant", e->relevant);
  add_bool (builder, "authentic", e->authentic);
  add_bool (builder, "sufficient", e->sufficient);
  add_bool (builder, "current", e->current);
  add_string (builder, "added_at", e->added_at);
  add_opt_int (builder, "added_by", e->added_by, 0);
}

static void
add_goal (JsonBuilder *builder,
          PaGoal      *g)
{
  add_int (builder, "id", g->id);
  add_string (builder, "title", g->title);
  add_string (builder, "target_occupation_uri", g->target_occupation_uri);
  add_string (builder, "status", g->status);
  add_string (builder, "created_at", g->created_at);
}

static void
add_plan_action (JsonBuilder  *builder,
                 PaPlanAction *a)
{
  add_int (builder, "id", a->id);
  add_opt_int (builder, "goal_id", a->goal_id, 0);
  add_string (builder, "kind", a->kind);
  add_string (builder, "title", a->title);
  add_string (builder, "status", a->status);
  add_string (builder, "due_on", a->due_on);
  add_string (builder, "done_on", a->done_on);
  add_string (builder, "notes", a->notes);
}

static void
add_session (JsonBuilder   *builder,
             PaCaseSession *s)
{
  add_int (builder, "id", s->id);
  add_string (builder, "kind", s->kind);
  add_string (builder, "held_on", s->held_on);
  add_opt_int (builder, "duration_minutes", s->duration_minutes, 0);
  add_string (builder, "notes", s->notes);
  add_opt_int (builder, "actor_id", s->actor_id, 0);
}

/* The seminars the case takes part in, each with its sessions and whether
 * the case was there. */
static gboolean
add_seminars (JsonBuilder  *builder,
              PaStore      *store,
              gint64        case_id,
              GError      **error)
{
  g_autoptr (GPtrArray) seminars = pa_store_seminar_list_for_case (store, case_id, error);
  g_autoptr (GPtrArray) attendance = NULL;
  g_autoptr (GHashTable) present = NULL;

  if (seminars == NULL)
    return FALSE;
  attendance = pa_store_attendance_list_for_case (store, case_id, error);
  if (attendance == NULL)
    return FALSE;
  present = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < attendance->len; i++)
    {
      PaAttendance *a = g_ptr_array_index (attendance, i);
      g_hash_table_insert (present, &a->session_id, a);
    }

  json_builder_set_member_name (builder, "seminars");
  json_builder_begin_array (builder);
  for (guint i = 0; i < seminars->len; i++)
    {
      PaSeminar *s = g_ptr_array_index (seminars, i);
      g_autoptr (GPtrArray) sessions = pa_store_seminar_session_list (store, s->id, error);

      if (sessions == NULL)
        return FALSE;
      json_builder_begin_object (builder);
      add_int (builder, "id", s->id);
      add_string (builder, "title", s->title);
      add_string (builder, "theme", s->theme);
      add_string (builder, "location", s->location);
      add_string (builder, "start_date", s->start_date);
      add_string (builder, "end_date", s->end_date);
      json_builder_set_member_name (builder, "sessions");
      json_builder_begin_array (builder);
      for (guint j = 0; j < sessions->len; j++)
        {
          PaSeminarSession *session = g_ptr_array_index (sessions, j);
          PaAttendance *a = g_hash_table_lookup (present, &session->id);

          json_builder_begin_object (builder);
          add_int (builder, "id", session->id);
          add_string (builder, "held_on", session->held_on);
          add_string (builder, "topic", session->topic);
          json_builder_set_member_name (builder, "present");
          if (a == NULL)
            json_builder_add_null_value (builder);
          else
            json_builder_add_boolean_value (builder, a->present);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  return TRUE;
}

typedef GPtrArray *(*ListFunc) (PaStore *store, gint64 case_id, GError **error);
typedef void (*AddFunc) (JsonBuilder *builder, gpointer record);

static gboolean
add_list (JsonBuilder  *builder,
          const char   *member,
          PaStore      *store,
          gint64        case_id,
          ListFunc      list,
          AddFunc       add,
          GError      **error)
{
  g_autoptr (GPtrArray) records = list (store, case_id, error);

  if (records == NULL)
    return FALSE;
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; i < records->len; i++)
    {
      json_builder_begin_object (builder);
      add (builder, g_ptr_array_index (records, i));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  return TRUE;
}

/**
 * pa_case_to_json:
 *
 * Returns: (transfer full): the whole case as a JSON object: identity,
 * contact, consents, languages, education, experiences, claims with their
 * history, evidence (metadata, hash and size; not the bytes), goals, plan
 * actions, sessions and the seminars it takes part in; or %NULL with @error
 * set.
 */
JsonNode *
pa_case_to_json (PaStore  *store,
                 gint64    case_id,
                 GError  **error)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (PaCase) kase = NULL;
  g_autoptr (GPtrArray) claims = NULL;

  g_return_val_if_fail (PA_IS_STORE (store), NULL);

  kase = pa_store_case_get (store, case_id, error);
  if (kase == NULL)
    return NULL;
  claims = pa_store_claim_list (store, case_id, error);
  if (claims == NULL)
    return NULL;

  json_builder_begin_object (builder);
  add_identity (builder, kase);
  add_string (builder, "contact", pa_case_get_contact (kase));

  if (!add_list (builder, "consents", store, case_id, pa_store_consent_list,
                 (AddFunc) add_consent, error) ||
      !add_list (builder, "languages", store, case_id, pa_store_language_list,
                 (AddFunc) add_language, error) ||
      !add_list (builder, "education", store, case_id, pa_store_education_list,
                 (AddFunc) add_education, error) ||
      !add_list (builder, "experiences", store, case_id, pa_store_experience_list,
                 (AddFunc) add_experience, error))
    return NULL;

  json_builder_set_member_name (builder, "claims");
  json_builder_begin_array (builder);
  for (guint i = 0; i < claims->len; i++)
    {
      json_builder_begin_object (builder);
      if (!add_claim (builder, store, g_ptr_array_index (claims, i), error))
        return NULL;
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  if (!add_list (builder, "evidence", store, case_id, pa_store_evidence_list,
                 (AddFunc) add_evidence, error) ||
      !add_list (builder, "goals", store, case_id, pa_store_goal_list,
                 (AddFunc) add_goal, error) ||
      !add_list (builder, "plan_actions", store, case_id, pa_store_plan_action_list,
                 (AddFunc) add_plan_action, error) ||
      !add_list (builder, "sessions", store, case_id, pa_store_session_list,
                 (AddFunc) add_session, error) ||
      !add_seminars (builder, store, case_id, error))
    return NULL;

  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}
