/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "pa-types.h"

G_BEGIN_DECLS

/* The records a case holds, as plain structs. Strings are owned UTF-8 (NULL
 * means "not given"); values of a fixed list (kinds, statuses, CEFR levels)
 * are the schema's codes, e.g. "paid_work", "B2", whose translated labels
 * pa_record_value_label() gives. Dates are ISO 8601 text. Every struct has a
 * _new() that sets the defaults and a _free(); the store fills id,
 * timestamps and actors. */

typedef struct
{
  gint64 id;
  gint64 case_id;
  char *scope;          /* processing, sharing, photo, employer_contact, statistics */
  char *given_on;       /* YYYY-MM-DD, required */
  char *withdrawn_on;   /* YYYY-MM-DD, or NULL while it holds */
  char *note;
  gint64 recorded_by;   /* actor, set by the store */
} PaConsent;

typedef struct
{
  gint64 id;
  gint64 case_id;
  char *language;       /* ISO 639-1 or 639-2 code, e.g. "ar", "ti" */
  gboolean mother_tongue;
  char *listening;      /* CEFR levels A1…C2, or NULL when not assessed */
  char *reading;
  char *spoken_interaction;
  char *spoken_production;
  char *writing;
  char *source;         /* self, trainer, test, certificate */
} PaCaseLanguage;

typedef struct
{
  gint64 id;
  gint64 case_id;
  int isced_level;      /* 0…8, or -1 when unknown */
  char *isced_field;    /* ISCED-F 2013 code (2 to 4 digits), or NULL */
  char *country;        /* ISO 3166-1 alpha-2, or NULL */
  char *institution;
  char *original_title;
  int year_completed;   /* or 0 */
  char *documents_held; /* none, copy, original, translated */
  char *recognition_status; /* not_requested, requested, partial, full, refused */
  int eqf_estimate;     /* 1…8, or 0 */
  char *notes;
} PaEducation;

typedef struct
{
  gint64 id;
  gint64 case_id;
  char *kind;           /* paid_work … migration_journey, see pa_record_values ("experience.kind") */
  char *title;          /* required */
  char *organisation;
  char *country;        /* ISO 3166-1 alpha-2, or NULL */
  char *place;
  char *start_date;     /* YYYY, YYYY-MM or YYYY-MM-DD, or NULL */
  char *end_date;
  char *tasks;
  char *occupation_uri; /* ESCO occupation or ISCO group URI, or NULL */
  int position;         /* order chosen by the trainer */
} PaExperience;

typedef struct
{
  gint64 id;
  gint64 claim_id;
  int stage;            /* PaStage reached by this step */
  gint64 actor_id;
  char *actor_name;     /* filled when read */
  char *at;             /* UTC timestamp */
  char *method;         /* see pa_record_values ("claim.method"), or NULL */
  char *level;
  char *assessor;
  char *rationale;
} PaClaimStage;

typedef struct
{
  gint64 id;
  gint64 case_id;
  char *framework;      /* e.g. "esco", "cefr", "digcomp", "passerelle" */
  char *item_uri;       /* the framework item; one claim per item and case */
  char *label;          /* the item's label when the claim was made */
  char *level;          /* or NULL */
  int stage;            /* PaStage; changed only by pa_store_claim_advance() */
  char *created_at;
  char *updated_at;
  GArray *experience_ids; /* gint64: the experiences the claim comes from */
  GArray *evidence_ids;   /* gint64: the evidence supporting it */
} PaClaim;

typedef struct
{
  gint64 id;
  gint64 case_id;
  char *title;          /* required */
  char *kind;           /* diploma, reference, photo, work_sample, observation, certificate, other */
  char *filename;
  char *mime_type;      /* type/subtype */
  char *sha256;         /* of the content, hex; set by the store */
  gint64 size;          /* bytes; set by the store */
  gboolean relevant;
  gboolean authentic;
  gboolean sufficient;
  gboolean current;
  char *added_at;
  gint64 added_by;
  GBytes *content;      /* only when added, or read with pa_store_evidence_get_content() */
} PaEvidence;

typedef struct
{
  gint64 id;
  gint64 case_id;
  char *title;          /* required */
  char *target_occupation_uri;
  char *status;         /* open, reached, dropped */
  char *created_at;
} PaGoal;

typedef struct
{
  gint64 id;
  gint64 case_id;
  gint64 goal_id;       /* a goal of the same case, or 0 */
  char *kind;           /* training, recognition, internship, language_course, job_search, other */
  char *title;          /* required */
  char *status;         /* planned, in_progress, done, cancelled */
  char *due_on;
  char *done_on;
  char *notes;
} PaPlanAction;

typedef struct
{
  gint64 id;
  gint64 case_id;
  char *kind;           /* individual, group, mentoring */
  char *held_on;        /* required */
  int duration_minutes; /* or 0 */
  char *notes;
  gint64 actor_id;      /* set by the store */
} PaCaseSession;

typedef struct
{
  gint64 id;
  char *title;          /* required */
  char *theme;
  char *location;
  char *start_date;
  char *end_date;
  char *created_at;
} PaSeminar;

typedef struct
{
  gint64 id;
  gint64 seminar_id;
  char *held_on;        /* required */
  char *topic;
} PaSeminarSession;

typedef struct
{
  gint64 session_id;
  gint64 case_id;
  gboolean present;
} PaAttendance;

PaConsent        *pa_consent_new          (void);
void              pa_consent_free         (PaConsent        *self);
PaCaseLanguage   *pa_case_language_new    (void);
void              pa_case_language_free   (PaCaseLanguage   *self);
PaEducation      *pa_education_new        (void);
void              pa_education_free       (PaEducation      *self);
PaExperience     *pa_experience_new       (void);
void              pa_experience_free      (PaExperience     *self);
PaClaimStage     *pa_claim_stage_new      (void);
void              pa_claim_stage_free     (PaClaimStage     *self);
PaClaim          *pa_claim_new            (void);
void              pa_claim_free           (PaClaim          *self);
void              pa_claim_add_experience (PaClaim          *self,
                                           gint64            experience_id);
void              pa_claim_add_evidence   (PaClaim          *self,
                                           gint64            evidence_id);
PaEvidence       *pa_evidence_new         (void);
void              pa_evidence_free        (PaEvidence       *self);
PaGoal           *pa_goal_new             (void);
void              pa_goal_free            (PaGoal           *self);
PaPlanAction     *pa_plan_action_new      (void);
void              pa_plan_action_free     (PaPlanAction     *self);
PaCaseSession    *pa_case_session_new     (void);
void              pa_case_session_free    (PaCaseSession    *self);
PaSeminar        *pa_seminar_new          (void);
void              pa_seminar_free         (PaSeminar        *self);
PaSeminarSession *pa_seminar_session_new  (void);
void              pa_seminar_session_free (PaSeminarSession *self);
void              pa_attendance_free      (PaAttendance     *self);

/* Fixed lists of the schema, by name: "consent.scope", "cefr.level",
 * "language.source", "education.documents", "education.recognition",
 * "experience.kind", "claim.method", "claim.assessment_method",
 * "evidence.kind", "goal.status", "plan.kind", "plan.status",
 * "session.kind". */
const char *const *pa_record_values       (const char *list);
const char        *pa_record_value_label  (const char *list,
                                           const char *value);
const char        *pa_record_value_msgid  (const char *list,
                                           const char *value);
const char        *pa_stage_label         (int         stage);
const char        *pa_stage_msgid         (int         stage);
const char        *pa_stage_code          (int         stage);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PaConsent, pa_consent_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PaCaseLanguage, pa_case_language_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PaEducation, pa_education_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PaExperience, pa_experience_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PaClaimStage, pa_claim_stage_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PaClaim, pa_claim_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PaEvidence, pa_evidence_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PaGoal, pa_goal_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PaPlanAction, pa_plan_action_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PaCaseSession, pa_case_session_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PaSeminar, pa_seminar_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PaSeminarSession, pa_seminar_session_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PaAttendance, pa_attendance_free)

G_END_DECLS
