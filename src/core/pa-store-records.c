/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pa-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "pa-iso-codes.h"
#include "pa-record-table.h"
#include "pa-store-private.h"
#include "pa-store-records.h"

/* Consents, languages, education, experiences, goals, plan actions and
 * sessions: each a table description for the common path of
 * pa-record-table.c, with its own rules across fields. */

#define SHORT_TEXT 300

#define TEXT(T, f, flags, label, max) \
  { #f, PA_COL_TEXT, G_STRUCT_OFFSET (T, f), flags, label, NULL, 0, 0, 0, max }
#define COLUMN(T, f, kind, flags, label) \
  { #f, kind, G_STRUCT_OFFSET (T, f), flags, label, NULL, 0, 0, 0, 0 }
#define ENUM(T, f, flags, label, list) \
  { #f, PA_COL_ENUM, G_STRUCT_OFFSET (T, f), flags, label, list, 0, 0, 0, 0 }
#define INT(T, f, label, lo, hi, unset) \
  { #f, PA_COL_INT, G_STRUCT_OFFSET (T, f), 0, label, NULL, lo, hi, unset, 0 }

#define DEFINE_ACCESSORS(prefix, Type, table) \
  gboolean prefix##_add (PaStore *store, Type *record, GError **error) \
  { \
    g_return_val_if_fail (PA_IS_STORE (store), FALSE); \
    g_return_val_if_fail (record != NULL, FALSE); \
    return pa_table_insert (store, &table, record, error); \
  } \
  gboolean prefix##_update (PaStore *store, Type *record, GError **error) \
  { \
    g_return_val_if_fail (PA_IS_STORE (store), FALSE); \
    g_return_val_if_fail (record != NULL, FALSE); \
    return pa_table_update (store, &table, record, error); \
  } \
  gboolean prefix##_delete (PaStore *store, gint64 id, GError **error) \
  { \
    g_return_val_if_fail (PA_IS_STORE (store), FALSE); \
    return pa_table_delete (store, &table, id, error); \
  } \
  Type *prefix##_get (PaStore *store, gint64 id, GError **error) \
  { \
    g_return_val_if_fail (PA_IS_STORE (store), NULL); \
    return pa_table_get (store, &table, id, error); \
  } \
  GPtrArray *prefix##_list (PaStore *store, gint64 case_id, GError **error) \
  { \
    g_return_val_if_fail (PA_IS_STORE (store), NULL); \
    return pa_table_list (store, &table, case_id, error); \
  }

/* Consent */

static gboolean
check_consent (PaStore       *store,
               gconstpointer  record,
               GError       **error)
{
  const PaConsent *consent = record;
  return pa_check_date_order (N_("Given on"), consent->given_on,
                              N_("Withdrawn on"), consent->withdrawn_on, error);
}

static const PaColumn consent_columns[] = {
  ENUM (PaConsent, scope, PA_COL_REQUIRED, N_("Scope"), "consent.scope"),
  COLUMN (PaConsent, given_on, PA_COL_DATE, PA_COL_REQUIRED, N_("Given on")),
  COLUMN (PaConsent, withdrawn_on, PA_COL_DATE, 0, N_("Withdrawn on")),
  TEXT (PaConsent, note, 0, N_("Note"), 0),
  COLUMN (PaConsent, recorded_by, PA_COL_ACTOR, 0, N_("Recorded by")),
};

static const PaTable consent_table = {
  .table = "consent",
  .object = "consent",
  .not_found = N_("There is no consent record number %s."),
  .parent = "case_id",
  .parent_offset = G_STRUCT_OFFSET (PaConsent, case_id),
  .columns = consent_columns,
  .n_columns = G_N_ELEMENTS (consent_columns),
  .order_by = "given_on, id",
  .new_record = (gpointer (*) (void)) pa_consent_new,
  .free_record = (GDestroyNotify) pa_consent_free,
  .check = check_consent,
};

DEFINE_ACCESSORS (pa_store_consent, PaConsent, consent_table)

/* Languages */

static gboolean
check_language (PaStore       *store,
                gconstpointer  record,
                GError       **error)
{
  const PaCaseLanguage *language = record;
  sqlite3_stmt *stmt;
  int rc;

  stmt = pa_store_prepare_cached (store,
                                  "SELECT 1 FROM case_language WHERE case_id = ? AND language = ? "
                                  "AND id != ?",
                                  error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, language->case_id);
  sqlite3_bind_text (stmt, 2, language->language, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, language->id);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    return TRUE;
  g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_CONSTRAINT,
               _("%s is already among this case’s languages."),
               pa_iso_language_name (language->language));
  return FALSE;
}

static const PaColumn language_columns[] = {
  COLUMN (PaCaseLanguage, language, PA_COL_LANGUAGE, PA_COL_REQUIRED, N_("Language")),
  COLUMN (PaCaseLanguage, mother_tongue, PA_COL_BOOL, 0, N_("Mother tongue")),
  ENUM (PaCaseLanguage, listening, 0, N_("Listening"), "cefr.level"),
  ENUM (PaCaseLanguage, reading, 0, N_("Reading"), "cefr.level"),
  ENUM (PaCaseLanguage, spoken_interaction, 0, N_("Spoken interaction"), "cefr.level"),
  ENUM (PaCaseLanguage, spoken_production, 0, N_("Spoken production"), "cefr.level"),
  ENUM (PaCaseLanguage, writing, 0, N_("Writing"), "cefr.level"),
  ENUM (PaCaseLanguage, source, PA_COL_REQUIRED, N_("Source of the levels"), "language.source"),
};

static const PaTable language_table = {
  .table = "case_language",
  .object = "language",
  .not_found = N_("There is no language record number %s."),
  .parent = "case_id",
  .parent_offset = G_STRUCT_OFFSET (PaCaseLanguage, case_id),
  .columns = language_columns,
  .n_columns = G_N_ELEMENTS (language_columns),
  .order_by = "mother_tongue DESC, id",
  .new_record = (gpointer (*) (void)) pa_case_language_new,
  .free_record = (GDestroyNotify) pa_case_language_free,
  .check = check_language,
};

DEFINE_ACCESSORS (pa_store_language, PaCaseLanguage, language_table)

/* Education */

static const PaColumn education_columns[] = {
  INT (PaEducation, isced_level, N_("ISCED level"), 0, 8, -1),
  COLUMN (PaEducation, isced_field, PA_COL_DIGITS, 0, N_("ISCED field")),
  COLUMN (PaEducation, country, PA_COL_COUNTRY, 0, N_("Country")),
  TEXT (PaEducation, institution, 0, N_("Institution"), SHORT_TEXT),
  TEXT (PaEducation, original_title, 0, N_("Original title"), SHORT_TEXT),
  INT (PaEducation, year_completed, N_("Year completed"), 1900, 2100, 0),
  ENUM (PaEducation, documents_held, PA_COL_REQUIRED, N_("Documents held"), "education.documents"),
  ENUM (PaEducation, recognition_status, PA_COL_REQUIRED, N_("Recognition"), "education.recognition"),
  INT (PaEducation, eqf_estimate, N_("EQF estimate"), 1, 8, 0),
  TEXT (PaEducation, notes, 0, N_("Notes"), 0),
};

static const PaTable education_table = {
  .table = "education",
  .object = "education",
  .not_found = N_("There is no education record number %s."),
  .parent = "case_id",
  .parent_offset = G_STRUCT_OFFSET (PaEducation, case_id),
  .columns = education_columns,
  .n_columns = G_N_ELEMENTS (education_columns),
  .order_by = "coalesce (year_completed, 9999) DESC, id",
  .new_record = (gpointer (*) (void)) pa_education_new,
  .free_record = (GDestroyNotify) pa_education_free,
};

DEFINE_ACCESSORS (pa_store_education, PaEducation, education_table)

/* Experiences */

static gboolean
check_experience (PaStore       *store,
                  gconstpointer  record,
                  GError       **error)
{
  const PaExperience *experience = record;
  return pa_check_date_order (N_("Start"), experience->start_date,
                              N_("End"), experience->end_date, error);
}

static const PaColumn experience_columns[] = {
  ENUM (PaExperience, kind, PA_COL_REQUIRED, N_("Kind of experience"), "experience.kind"),
  TEXT (PaExperience, title, PA_COL_REQUIRED, N_("Title"), SHORT_TEXT),
  TEXT (PaExperience, organisation, 0, N_("Organisation"), SHORT_TEXT),
  COLUMN (PaExperience, country, PA_COL_COUNTRY, 0, N_("Country")),
  TEXT (PaExperience, place, 0, N_("Place"), SHORT_TEXT),
  COLUMN (PaExperience, start_date, PA_COL_PARTIAL_DATE, 0, N_("Start")),
  COLUMN (PaExperience, end_date, PA_COL_PARTIAL_DATE, 0, N_("End")),
  TEXT (PaExperience, tasks, 0, N_("Tasks"), 0),
  COLUMN (PaExperience, occupation_uri, PA_COL_URI, 0, N_("Occupation")),
  INT (PaExperience, position, N_("Position"), 0, G_MAXINT, G_MININT),
};

static const PaTable experience_table = {
  .table = "experience",
  .object = "experience",
  .not_found = N_("There is no experience number %s."),
  .parent = "case_id",
  .parent_offset = G_STRUCT_OFFSET (PaExperience, case_id),
  .columns = experience_columns,
  .n_columns = G_N_ELEMENTS (experience_columns),
  /* Most recent first unless the trainer ordered them. */
  .order_by = "position, coalesce (start_date, '') DESC, id",
  .reindex = TRUE,
  .new_record = (gpointer (*) (void)) pa_experience_new,
  .free_record = (GDestroyNotify) pa_experience_free,
  .check = check_experience,
};

DEFINE_ACCESSORS (pa_store_experience, PaExperience, experience_table)

/* The claims of a case linked to a record through @link_table. */
static GArray *
linked_claims (PaStore     *store,
               const char  *link_table,
               const char  *column,
               gint64       id,
               GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT claim_id FROM %s WHERE %s = ? ORDER BY claim_id",
                                          link_table, column);
  g_autoptr (sqlite3_stmt) stmt = pa_store_prepare (store, sql, error);
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 claim_id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, claim_id);
    }
  if (rc != SQLITE_DONE)
    {
      pa_store_set_error (store, rc, error);
      return NULL;
    }
  return g_steal_pointer (&ids);
}

/* Links @id again to the claims in @claim_ids that are still in @case_id (a
 * claim deleted since has nothing to link). */
gboolean
pa_relink_claims (PaStore     *store,
                  const char  *link_table,
                  const char  *column,
                  gint64       id,
                  gint64       case_id,
                  GArray      *claim_ids,
                  GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("INSERT OR IGNORE INTO %s (claim_id, %s) "
                                          "SELECT id, ? FROM claim WHERE id = ? AND case_id = ?",
                                          link_table, column);
  g_autoptr (sqlite3_stmt) stmt = NULL;

  if (claim_ids == NULL || claim_ids->len == 0)
    return TRUE;
  stmt = pa_store_prepare (store, sql, error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < claim_ids->len; i++)
    {
      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int64 (stmt, 2, g_array_index (claim_ids, gint64, i));
      sqlite3_bind_int64 (stmt, 3, case_id);
      if (!pa_store_step_done (store, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* Says which record could not be put back when its case is gone. */
void
pa_restore_error_case_gone (GError     **error,
                            const char  *title)
{
  if (error == NULL || *error == NULL ||
      !g_error_matches (*error, PA_STORE_ERROR, PA_STORE_ERROR_NOT_FOUND))
    return;
  g_clear_error (error);
  g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_NOT_FOUND,
               /* Translators: %s is the title of an experience or a piece of evidence */
               _("“%s” cannot be put back: its case no longer exists."), title ? title : "");
}

/* Returns: (transfer full): the experience and the claims linked to it. */
PaExperienceSnapshot *
pa_store_experience_snapshot (PaStore  *store,
                              gint64    id,
                              GError  **error)
{
  g_autoptr (PaExperienceSnapshot) snapshot = g_new0 (PaExperienceSnapshot, 1);

  g_return_val_if_fail (PA_IS_STORE (store), NULL);

  snapshot->experience = pa_store_experience_get (store, id, error);
  if (snapshot->experience == NULL)
    return NULL;
  snapshot->claim_ids = linked_claims (store, "claim_experience", "experience_id", id, error);
  if (snapshot->claim_ids == NULL)
    return NULL;
  return g_steal_pointer (&snapshot);
}

static gboolean
relink_experience (PaStore   *store,
                   gpointer   record,
                   gpointer   data,
                   GError   **error)
{
  PaExperience *experience = record;

  return pa_relink_claims (store, "claim_experience", "experience_id", experience->id,
                           experience->case_id, data, error);
}

/* On success snapshot->experience->id is the id it has again. */
gboolean
pa_store_experience_restore (PaStore               *store,
                             PaExperienceSnapshot  *snapshot,
                             GError               **error)
{
  g_return_val_if_fail (PA_IS_STORE (store), FALSE);
  g_return_val_if_fail (snapshot != NULL && snapshot->experience != NULL, FALSE);

  if (pa_table_restore (store, &experience_table, snapshot->experience, relink_experience,
                        snapshot->claim_ids, error))
    return TRUE;
  pa_restore_error_case_gone (error, snapshot->experience->title);
  return FALSE;
}

void
pa_experience_snapshot_free (PaExperienceSnapshot *snapshot)
{
  if (snapshot == NULL)
    return;
  g_clear_pointer (&snapshot->experience, pa_experience_free);
  g_clear_pointer (&snapshot->claim_ids, g_array_unref);
  g_free (snapshot);
}

/* The claims a piece of evidence documents. */
GArray *
pa_evidence_linked_claims (PaStore  *store,
                           gint64    id,
                           GError  **error)
{
  return linked_claims (store, "claim_evidence", "evidence_id", id, error);
}

/* Goals */

static const PaColumn goal_columns[] = {
  TEXT (PaGoal, title, PA_COL_REQUIRED, N_("Goal"), SHORT_TEXT),
  COLUMN (PaGoal, target_occupation_uri, PA_COL_URI, 0, N_("Target occupation")),
  ENUM (PaGoal, status, PA_COL_REQUIRED, N_("Status"), "goal.status"),
  COLUMN (PaGoal, created_at, PA_COL_CREATED, 0, N_("Created")),
};

static const PaTable goal_table = {
  .table = "goal",
  .object = "goal",
  .not_found = N_("There is no goal number %s."),
  .parent = "case_id",
  .parent_offset = G_STRUCT_OFFSET (PaGoal, case_id),
  .columns = goal_columns,
  .n_columns = G_N_ELEMENTS (goal_columns),
  .order_by = "created_at, id",
  .new_record = (gpointer (*) (void)) pa_goal_new,
  .free_record = (GDestroyNotify) pa_goal_free,
};

DEFINE_ACCESSORS (pa_store_goal, PaGoal, goal_table)

/* Plan actions */

static gboolean
check_plan_action (PaStore       *store,
                   gconstpointer  record,
                   GError       **error)
{
  const PaPlanAction *action = record;
  sqlite3_stmt *stmt;
  int rc;

  if (action->goal_id == 0)
    return TRUE;
  stmt = pa_store_prepare_cached (store, "SELECT 1 FROM goal WHERE id = ? AND case_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, action->goal_id);
  sqlite3_bind_int64 (stmt, 2, action->case_id);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc == SQLITE_ROW)
    return TRUE;
  {
    g_autofree char *number = pa_id_text (action->goal_id);
    g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_INVALID,
                 _("The goal number %s is not a goal of this case."), number);
  }
  return FALSE;
}

static const PaColumn plan_action_columns[] = {
  COLUMN (PaPlanAction, goal_id, PA_COL_REF, 0, N_("Goal")),
  ENUM (PaPlanAction, kind, PA_COL_REQUIRED, N_("Kind of action"), "plan.kind"),
  TEXT (PaPlanAction, title, PA_COL_REQUIRED, N_("Action"), SHORT_TEXT),
  ENUM (PaPlanAction, status, PA_COL_REQUIRED, N_("Status"), "plan.status"),
  COLUMN (PaPlanAction, due_on, PA_COL_DATE, 0, N_("Due on")),
  COLUMN (PaPlanAction, done_on, PA_COL_DATE, 0, N_("Done on")),
  TEXT (PaPlanAction, notes, 0, N_("Notes"), 0),
};

static const PaTable plan_action_table = {
  .table = "plan_action",
  .object = "plan_action",
  .not_found = N_("There is no action number %s in a plan."),
  .parent = "case_id",
  .parent_offset = G_STRUCT_OFFSET (PaPlanAction, case_id),
  .columns = plan_action_columns,
  .n_columns = G_N_ELEMENTS (plan_action_columns),
  .order_by = "coalesce (due_on, '9999') , id",
  .new_record = (gpointer (*) (void)) pa_plan_action_new,
  .free_record = (GDestroyNotify) pa_plan_action_free,
  .check = check_plan_action,
};

DEFINE_ACCESSORS (pa_store_plan_action, PaPlanAction, plan_action_table)

/* Sessions */

static const PaColumn session_columns[] = {
  ENUM (PaCaseSession, kind, PA_COL_REQUIRED, N_("Kind of session"), "session.kind"),
  COLUMN (PaCaseSession, held_on, PA_COL_DATE, PA_COL_REQUIRED, N_("Held on")),
  INT (PaCaseSession, duration_minutes, N_("Duration in minutes"), 1, 24 * 60, 0),
  TEXT (PaCaseSession, notes, 0, N_("Notes"), 0),
  COLUMN (PaCaseSession, actor_id, PA_COL_ACTOR, 0, N_("Trainer")),
};

static const PaTable session_table = {
  .table = "case_session",
  .object = "session",
  .not_found = N_("There is no session number %s."),
  .parent = "case_id",
  .parent_offset = G_STRUCT_OFFSET (PaCaseSession, case_id),
  .columns = session_columns,
  .n_columns = G_N_ELEMENTS (session_columns),
  .order_by = "held_on, id",
  .new_record = (gpointer (*) (void)) pa_case_session_new,
  .free_record = (GDestroyNotify) pa_case_session_free,
};

DEFINE_ACCESSORS (pa_store_session, PaCaseSession, session_table)
