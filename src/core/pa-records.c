/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pa-records"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "pa-records.h"

/* The records' structs, and the schema's fixed lists with their labels. */

typedef struct
{
  const char *value;
  const char *label;   /* N_(), or NULL when the value is its own label */
} PaValue;

typedef struct
{
  const char *name;
  const PaValue *values;
  const char *const *codes;
} PaValueList;

static const PaValue consent_scopes[] = {
  { "processing", N_("Processing of personal data") },
  { "sharing", N_("Sharing with partner organisations") },
  { "photo", N_("Photos") },
  { "employer_contact", N_("Contact with employers") },
  { "statistics", N_("Anonymised statistics") },
  { NULL, NULL }
};

static const PaValue cefr_levels[] = {
  { "A1", NULL }, { "A2", NULL }, { "B1", NULL }, { "B2", NULL }, { "C1", NULL }, { "C2", NULL },
  { NULL, NULL }
};

static const PaValue language_sources[] = {
  { "self", N_("Self-assessment") },
  { "trainer", N_("Trainer’s estimate") },
  { "test", N_("Test") },
  { "certificate", N_("Certificate") },
  { NULL, NULL }
};

static const PaValue education_documents[] = {
  { "none", N_("No documents") },
  { "copy", N_("Copy") },
  { "original", N_("Original") },
  { "translated", N_("Translation") },
  { NULL, NULL }
};

static const PaValue education_recognition[] = {
  { "not_requested", N_("Not requested") },
  { "requested", N_("Requested") },
  { "partial", N_("Partly recognised") },
  { "full", N_("Fully recognised") },
  { "refused", N_("Refused") },
  { NULL, NULL }
};

static const PaValue experience_kinds[] = {
  { "paid_work", N_("Paid work") },
  { "self_employment", N_("Self-employment") },
  { "volunteering", N_("Volunteering") },
  { "ngo", N_("NGO involvement") },
  { "community", N_("Community organisation") },
  { "trade_union", N_("Trade union") },
  { "political", N_("Political party") },
  { "family_care", N_("Family and care work") },
  { "non_formal_course", N_("Non-formal course") },
  { "informal_learning", N_("Informal learning") },
  { "migration_journey", N_("Migration journey") },
  { NULL, NULL }
};

#define ASSESSMENT_METHODS \
  { "interview", N_("Interview") }, \
  { "observation", N_("Observation") }, \
  { "practical_test", N_("Practical test") }, \
  { "document_review", N_("Document review") }, \
  { "simulation", N_("Simulation") }, \
  { "employer_reference", N_("Employer reference") }

static const PaValue claim_methods[] = {
  ASSESSMENT_METHODS,
  { "self_assessment", N_("Self-assessment") },
  { "suggestion", N_("Suggestion from experiences") },
  { NULL, NULL }
};

static const PaValue assessment_methods[] = {
  ASSESSMENT_METHODS,
  { NULL, NULL }
};

static const PaValue evidence_kinds[] = {
  { "diploma", N_("Diploma") },
  { "reference", N_("Reference") },
  { "photo", N_("Photo") },
  { "work_sample", N_("Work sample") },
  { "observation", N_("Trainer’s observation") },
  { "certificate", N_("Certificate") },
  { "other", N_("Other") },
  { NULL, NULL }
};

static const PaValue goal_statuses[] = {
  { "open", N_("Open") },
  { "reached", N_("Reached") },
  { "dropped", N_("Dropped") },
  { NULL, NULL }
};

static const PaValue plan_kinds[] = {
  { "training", N_("Training") },
  { "recognition", N_("Recognition procedure") },
  { "internship", N_("Internship") },
  { "language_course", N_("Language course") },
  { "job_search", N_("Job search") },
  { "other", N_("Other") },
  { NULL, NULL }
};

static const PaValue plan_statuses[] = {
  { "planned", N_("Planned") },
  { "in_progress", N_("In progress") },
  { "done", N_("Done") },
  { "cancelled", N_("Cancelled") },
  { NULL, NULL }
};

static const PaValue session_kinds[] = {
  { "individual", N_("Individual interview") },
  { "group", N_("Group workshop") },
  { "mentoring", N_("Mentoring") },
  { NULL, NULL }
};

static PaValueList lists[] = {
  { "consent.scope", consent_scopes, NULL },
  { "cefr.level", cefr_levels, NULL },
  { "language.source", language_sources, NULL },
  { "education.documents", education_documents, NULL },
  { "education.recognition", education_recognition, NULL },
  { "experience.kind", experience_kinds, NULL },
  { "claim.method", claim_methods, NULL },
  { "claim.assessment_method", assessment_methods, NULL },
  { "evidence.kind", evidence_kinds, NULL },
  { "goal.status", goal_statuses, NULL },
  { "plan.kind", plan_kinds, NULL },
  { "plan.status", plan_statuses, NULL },
  { "session.kind", session_kinds, NULL },
};

static const PaValueList *
find_list (const char *name)
{
  static gsize done;

  if (g_once_init_enter (&done))
    {
      for (gsize i = 0; i < G_N_ELEMENTS (lists); i++)
        {
          GPtrArray *codes = g_ptr_array_new ();
          for (const PaValue *v = lists[i].values; v->value != NULL; v++)
            g_ptr_array_add (codes, (gpointer) v->value);
          g_ptr_array_add (codes, NULL);
          /* Lives as long as the program, like the tables it points into. */
          lists[i].codes = (const char *const *) g_ptr_array_free (codes, FALSE);
        }
      g_once_init_leave (&done, 1);
    }
  for (gsize i = 0; i < G_N_ELEMENTS (lists); i++)
    if (g_str_equal (lists[i].name, name))
      return &lists[i];
  return NULL;
}

/**
 * pa_record_values:
 * @list: the name of a fixed list, e.g. "experience.kind"
 *
 * Returns: (transfer none) (array zero-terminated=1): the codes the store
 * accepts, in their natural order.
 */
const char *const *
pa_record_values (const char *list)
{
  const PaValueList *l = find_list (list);

  g_return_val_if_fail (l != NULL, NULL);
  return l->codes;
}

/**
 * pa_record_value_label:
 *
 * Returns: (transfer none): the translated label of @value in @list, or
 * @value itself when it is not in the list.
 */
const char *
pa_record_value_label (const char *list,
                       const char *value)
{
  const PaValueList *l = find_list (list);

  g_return_val_if_fail (l != NULL, value);
  if (value == NULL)
    return NULL;
  for (const PaValue *v = l->values; v->value != NULL; v++)
    if (g_str_equal (v->value, value))
      return v->label ? _(v->label) : v->value;
  return value;
}

/**
 * pa_record_value_msgid:
 *
 * Returns: (transfer none) (nullable): the untranslated label of @value in
 * @list, for translating into another language than the interface's (a
 * report's), or %NULL when @value is not in the list.
 */
const char *
pa_record_value_msgid (const char *list,
                       const char *value)
{
  const PaValueList *l = find_list (list);

  g_return_val_if_fail (l != NULL, NULL);
  if (value == NULL)
    return NULL;
  for (const PaValue *v = l->values; v->value != NULL; v++)
    if (g_str_equal (v->value, value))
      return v->label;
  return NULL;
}

static const char *const stage_labels[] = {
  NULL, N_("Identified"), N_("Documented"), N_("Assessed"), N_("Certified")
};
static const char *const stage_codes[] = {
  NULL, "identified", "documented", "assessed", "certified"
};

/* Returns: the translated name of a claim stage (1…4). */
const char *
pa_stage_label (int stage)
{
  g_return_val_if_fail (stage >= PA_STAGE_IDENTIFIED && stage <= PA_STAGE_CERTIFIED, NULL);
  return _(stage_labels[stage]);
}

/* Returns: the untranslated name of a claim stage, for a report's language. */
const char *
pa_stage_msgid (int stage)
{
  g_return_val_if_fail (stage >= PA_STAGE_IDENTIFIED && stage <= PA_STAGE_CERTIFIED, NULL);
  return stage_labels[stage];
}

/* Returns: the stage's code for files and scripts ("identified" … "certified"). */
const char *
pa_stage_code (int stage)
{
  g_return_val_if_fail (stage >= PA_STAGE_IDENTIFIED && stage <= PA_STAGE_CERTIFIED, NULL);
  return stage_codes[stage];
}

PaConsent *
pa_consent_new (void)
{
  PaConsent *self = g_new0 (PaConsent, 1);
  self->scope = g_strdup ("processing");
  return self;
}

void
pa_consent_free (PaConsent *self)
{
  if (self == NULL)
    return;
  g_free (self->scope);
  g_free (self->given_on);
  g_free (self->withdrawn_on);
  g_free (self->note);
  g_free (self);
}

PaCaseLanguage *
pa_case_language_new (void)
{
  PaCaseLanguage *self = g_new0 (PaCaseLanguage, 1);
  self->source = g_strdup ("self");
  return self;
}

void
pa_case_language_free (PaCaseLanguage *self)
{
  if (self == NULL)
    return;
  g_free (self->language);
  g_free (self->listening);
  g_free (self->reading);
  g_free (self->spoken_interaction);
  g_free (self->spoken_production);
  g_free (self->writing);
  g_free (self->source);
  g_free (self);
}

PaEducation *
pa_education_new (void)
{
  PaEducation *self = g_new0 (PaEducation, 1);
  self->isced_level = -1;
  self->documents_held = g_strdup ("none");
  self->recognition_status = g_strdup ("not_requested");
  return self;
}

void
pa_education_free (PaEducation *self)
{
  if (self == NULL)
    return;
  g_free (self->isced_field);
  g_free (self->country);
  g_free (self->institution);
  g_free (self->original_title);
  g_free (self->documents_held);
  g_free (self->recognition_status);
  g_free (self->notes);
  g_free (self);
}

PaExperience *
pa_experience_new (void)
{
  PaExperience *self = g_new0 (PaExperience, 1);
  self->kind = g_strdup ("paid_work");
  return self;
}

void
pa_experience_free (PaExperience *self)
{
  if (self == NULL)
    return;
  g_free (self->kind);
  g_free (self->title);
  g_free (self->organisation);
  g_free (self->country);
  g_free (self->place);
  g_free (self->start_date);
  g_free (self->end_date);
  g_free (self->tasks);
  g_free (self->occupation_uri);
  g_free (self);
}

PaClaimStage *
pa_claim_stage_new (void)
{
  return g_new0 (PaClaimStage, 1);
}

void
pa_claim_stage_free (PaClaimStage *self)
{
  if (self == NULL)
    return;
  g_free (self->actor_name);
  g_free (self->at);
  g_free (self->method);
  g_free (self->level);
  g_free (self->assessor);
  g_free (self->rationale);
  g_free (self);
}

PaClaim *
pa_claim_new (void)
{
  PaClaim *self = g_new0 (PaClaim, 1);
  self->stage = PA_STAGE_IDENTIFIED;
  self->experience_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->evidence_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  return self;
}

void
pa_claim_free (PaClaim *self)
{
  if (self == NULL)
    return;
  g_free (self->framework);
  g_free (self->item_uri);
  g_free (self->label);
  g_free (self->level);
  g_free (self->created_at);
  g_free (self->updated_at);
  g_array_unref (self->experience_ids);
  g_array_unref (self->evidence_ids);
  g_free (self);
}

void
pa_claim_add_experience (PaClaim *self,
                         gint64   experience_id)
{
  g_return_if_fail (self != NULL);
  g_array_append_val (self->experience_ids, experience_id);
}

void
pa_claim_add_evidence (PaClaim *self,
                       gint64   evidence_id)
{
  g_return_if_fail (self != NULL);
  g_array_append_val (self->evidence_ids, evidence_id);
}

PaEvidence *
pa_evidence_new (void)
{
  PaEvidence *self = g_new0 (PaEvidence, 1);
  self->kind = g_strdup ("other");
  self->mime_type = g_strdup ("application/octet-stream");
  return self;
}

void
pa_evidence_free (PaEvidence *self)
{
  if (self == NULL)
    return;
  g_free (self->title);
  g_free (self->kind);
  g_free (self->filename);
  g_free (self->mime_type);
  g_free (self->sha256);
  g_free (self->added_at);
  g_clear_pointer (&self->content, g_bytes_unref);
  g_free (self);
}

PaGoal *
pa_goal_new (void)
{
  PaGoal *self = g_new0 (PaGoal, 1);
  self->status = g_strdup ("open");
  return self;
}

void
pa_goal_free (PaGoal *self)
{
  if (self == NULL)
    return;
  g_free (self->title);
  g_free (self->target_occupation_uri);
  g_free (self->status);
  g_free (self->created_at);
  g_free (self);
}

PaPlanAction *
pa_plan_action_new (void)
{
  PaPlanAction *self = g_new0 (PaPlanAction, 1);
  self->kind = g_strdup ("other");
  self->status = g_strdup ("planned");
  return self;
}

void
pa_plan_action_free (PaPlanAction *self)
{
  if (self == NULL)
    return;
  g_free (self->kind);
  g_free (self->title);
  g_free (self->status);
  g_free (self->due_on);
  g_free (self->done_on);
  g_free (self->notes);
  g_free (self);
}

PaCaseSession *
pa_case_session_new (void)
{
  PaCaseSession *self = g_new0 (PaCaseSession, 1);
  self->kind = g_strdup ("individual");
  return self;
}

void
pa_case_session_free (PaCaseSession *self)
{
  if (self == NULL)
    return;
  g_free (self->kind);
  g_free (self->held_on);
  g_free (self->notes);
  g_free (self);
}

PaSeminar *
pa_seminar_new (void)
{
  return g_new0 (PaSeminar, 1);
}

void
pa_seminar_free (PaSeminar *self)
{
  if (self == NULL)
    return;
  g_free (self->title);
  g_free (self->theme);
  g_free (self->location);
  g_free (self->start_date);
  g_free (self->end_date);
  g_free (self->created_at);
  g_free (self);
}

PaSeminarSession *
pa_seminar_session_new (void)
{
  return g_new0 (PaSeminarSession, 1);
}

void
pa_seminar_session_free (PaSeminarSession *self)
{
  if (self == NULL)
    return;
  g_free (self->held_on);
  g_free (self->topic);
  g_free (self);
}

void
pa_attendance_free (PaAttendance *self)
{
  g_free (self);
}
