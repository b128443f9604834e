/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "pa-types.h"

G_BEGIN_DECLS

/* The hand-written demonstration centre, as data: every case fictional. */

#define PA_DEMO_MAX_LANGUAGES 4
#define PA_DEMO_MAX_EDUCATION 2
#define PA_DEMO_MAX_EXPERIENCES 6
#define PA_DEMO_MAX_EVIDENCE 3
#define PA_DEMO_MAX_CLAIMS 7
#define PA_DEMO_MAX_GOALS 2
#define PA_DEMO_MAX_ACTIONS 4
#define PA_DEMO_MAX_SESSIONS 3
#define PA_DEMO_MAX_CONSENTS 3

typedef struct
{
  const char *language;
  gboolean mother_tongue;
  const char *listening, *reading, *spoken_interaction, *spoken_production, *writing;
  const char *source;
} PaDemoLanguage;

typedef struct
{
  const char *original_title;   /* NULL ends the list */
  const char *institution;
  const char *country;
  int isced_level;
  const char *isced_field;
  int year_completed;
  const char *documents_held;
  const char *recognition_status;
  int eqf_estimate;
  const char *notes;
} PaDemoEducation;

typedef struct
{
  const char *kind;             /* NULL ends the list */
  const char *title;
  const char *organisation;
  const char *country;
  const char *place;
  const char *start_date, *end_date;
  const char *tasks;
  const char *occupation_uri;
} PaDemoExperience;

typedef struct
{
  const char *title;            /* NULL ends the list */
  const char *kind;
  const char *filename;
  const char *text;             /* a text file; NULL: a small picture (PNG) */
  gboolean relevant, authentic, sufficient, current;
} PaDemoEvidence;

/* A claim is identified, then moved to @stage: documented with @evidence,
 * assessed with @method, @level, @assessor and @rationale, then certified. */
typedef struct
{
  const char *item_uri;         /* NULL ends the list */
  const char *label;
  int experience;               /* index in the case's experiences, or -1 */
  int evidence;                 /* index in the case's evidence, or -1 */
  const char *identified_by;    /* claim.method */
  int stage;
  const char *method;
  const char *level;
  const char *assessor;
  const char *rationale;
} PaDemoClaim;

typedef struct
{
  const char *title;            /* NULL ends the list */
  const char *target_occupation_uri;
  const char *status;
} PaDemoGoal;

typedef struct
{
  const char *title;            /* NULL ends the list */
  const char *kind;
  const char *status;
  const char *due_on, *done_on;
  const char *notes;
} PaDemoAction;

typedef struct
{
  const char *held_on;          /* NULL ends the list */
  const char *kind;
  int duration_minutes;
  const char *notes;
} PaDemoSession;

typedef struct
{
  const char *scope;            /* NULL ends the list */
  const char *given_on;
  const char *withdrawn_on;
} PaDemoConsent;

typedef struct
{
  const char *given_name, *family_name, *gender;
  int birth_year;
  const char *origin, *arrival, *contact;
  PaDemoConsent consents[PA_DEMO_MAX_CONSENTS];
  PaDemoLanguage languages[PA_DEMO_MAX_LANGUAGES];
  PaDemoEducation education[PA_DEMO_MAX_EDUCATION];
  PaDemoExperience experiences[PA_DEMO_MAX_EXPERIENCES];
  PaDemoEvidence evidence[PA_DEMO_MAX_EVIDENCE];
  PaDemoClaim claims[PA_DEMO_MAX_CLAIMS];
  PaDemoGoal goals[PA_DEMO_MAX_GOALS];
  PaDemoAction actions[PA_DEMO_MAX_ACTIONS];
  PaDemoSession sessions[PA_DEMO_MAX_SESSIONS];
} PaDemoCase;

typedef struct
{
  const char *held_on;
  const char *topic;
  const char *absent;           /* indexes of absent participants, e.g. "3,7" */
} PaDemoSeminarSession;

extern const PaDemoCase pa_demo_cases[];
extern const guint pa_demo_n_cases;

extern const char *const pa_demo_seminar_title;
extern const char *const pa_demo_seminar_theme;
extern const char *const pa_demo_seminar_location;
extern const char *const pa_demo_seminar_start;
extern const char *const pa_demo_seminar_end;
extern const int pa_demo_seminar_participants[];    /* indexes in pa_demo_cases, -1 ends */
extern const PaDemoSeminarSession pa_demo_seminar_sessions[];  /* NULL held_on ends */



/* The labour-market side of the demo centre (pa-demo-labour.c). */
#define PA_DEMO_MAX_MODULE_SKILLS 5
#define PA_DEMO_MAX_VACANCY_SKILLS 6
#define PA_DEMO_MAX_VACANCY_LANGUAGES 2

typedef struct
{
  const char *code;             /* NULL ends the list */
  const char *title;
  const char *theme;
  double hours;
  const char *language;
  const char *description;
  const char *skills[PA_DEMO_MAX_MODULE_SKILLS + 1];
} PaDemoModule;

typedef struct
{
  const char *employer;         /* NULL ends the list */
  const char *title;
  const char *occupation_uri;
  const char *location;
  const char *description;
  const char *required[PA_DEMO_MAX_VACANCY_SKILLS + 1];
  const char *nice[PA_DEMO_MAX_VACANCY_SKILLS + 1];
  const char *languages[PA_DEMO_MAX_VACANCY_LANGUAGES + 1];
  int shortlisted;              /* index in pa_demo_cases, or -1 */
} PaDemoVacancy;

typedef struct
{
  const char *occupation_uri;   /* NULL ends the list */
  const char *note;
} PaDemoShortage;

extern const PaDemoModule pa_demo_modules[];
extern const PaDemoVacancy pa_demo_vacancies[];
extern const PaDemoShortage pa_demo_shortage[];
extern const char *const pa_demo_shortage_region;
extern const char *const pa_demo_shortage_title;
extern const char *const pa_demo_shortage_source;
extern const char *const pa_demo_shortage_valid_from;
extern const char *const pa_demo_shortage_valid_to;

gboolean pa_demo_fill_labour    (PaStore       *store,
                                 const gint64  *case_ids,
                                 GError       **error);


/* Generates @count cases inside the caller's transaction and bulk load. */
gboolean pa_demo_generate_cases (PaStore  *store,
                                 guint     count,
                                 guint32   seed,
                                 GError  **error);

G_END_DECLS
