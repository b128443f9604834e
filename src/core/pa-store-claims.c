/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pa-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "pa-record-table.h"
#include "pa-store-private.h"
#include "pa-store-records.h"

/* Competence claims with their stage history and links. A claim moves
 * forward through the four stages of the validation method (identified,
 * documented, assessed, certified), each step recorded with who, when, how
 * and why. */

#define LABEL_MAX 500
#define LEVEL_MAX 64

static gboolean
same_case (PaStore     *store,
           const char  *table,
           gint64       id,
           gint64       case_id,
           GError     **error)
{
  gint64 owner = pa_owner_case (store, table, id, error);
  g_autofree char *number = NULL;

  if (owner == 0)
    return FALSE;
  if (owner == case_id)
    return TRUE;
  number = pa_id_text (id);
  g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_INVALID,
               g_str_equal (table, "experience")
                 ? _("The experience number %s belongs to another case.")
                 : _("The evidence number %s belongs to another case."),
               number);
  return FALSE;
}

static gboolean
insert_link (PaStore     *store,
             const char  *table,
             gint64       claim_id,
             gint64       other_id,
             GError     **error)
{
  g_autofree char *sql = g_str_equal (table, "experience")
    ? g_strdup ("INSERT OR IGNORE INTO claim_experience (claim_id, experience_id) VALUES (?, ?)")
    : g_strdup ("INSERT OR IGNORE INTO claim_evidence (claim_id, evidence_id) VALUES (?, ?)");
  sqlite3_stmt *stmt = pa_store_prepare_cached (store, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, claim_id);
  sqlite3_bind_int64 (stmt, 2, other_id);
  return pa_store_run_cached (store, stmt, error);
}

static gboolean
insert_stage (PaStore     *store,
              gint64       claim_id,
              int          stage,
              const char  *method,
              const char  *level,
              const char  *assessor,
              const char  *rationale,
              const char  *now,
              GError     **error)
{
  sqlite3_stmt *stmt = pa_store_prepare_cached (store,
                                                "INSERT INTO claim_stage (claim_id, stage, actor_id, "
                                                "at, method, level, assessor, rationale) "
                                                "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, claim_id);
  sqlite3_bind_int (stmt, 2, stage);
  sqlite3_bind_int64 (stmt, 3, pa_store_get_actor (store));
  sqlite3_bind_text (stmt, 4, now, -1, SQLITE_STATIC);
  if (method != NULL)
    sqlite3_bind_text (stmt, 5, method, -1, SQLITE_STATIC);
  if (level != NULL && *level != '\0')
    sqlite3_bind_text (stmt, 6, level, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, assessor ? assessor : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, rationale ? rationale : "", -1, SQLITE_STATIC);
  return pa_store_run_cached (store, stmt, error);
}

static gboolean
validate_claim (PaClaim  *claim,
                GError  **error)
{
  if (claim->level != NULL && *claim->level == '\0')
    g_clear_pointer (&claim->level, g_free);
  return pa_check_text (N_("Framework"), claim->framework, TRUE, LEVEL_MAX, error) &&
         pa_check_text (N_("Framework item"), claim->item_uri, TRUE, 2000, error) &&
         pa_check_uri (N_("Framework item"), claim->item_uri, error) &&
         pa_check_text (N_("Competence"), claim->label, TRUE, LABEL_MAX, error) &&
         pa_check_text (N_("Level"), claim->level, FALSE, LEVEL_MAX, error);
}

/**
 * pa_store_claim_add:
 * @claim: a new claim; framework, item_uri and label are required
 * @method: (nullable): how the competence was identified (a code of
 *   "claim.method", e.g. "interview", "self_assessment", "suggestion")
 * @rationale: (nullable): why, in the trainer's words
 *
 * Stores @claim at stage 1 with its first history step and its links. On
 * success @claim carries its id, stage and timestamps. A case holds one
 * claim per framework item (%PA_STORE_ERROR_CONSTRAINT otherwise).
 */
gboolean
pa_store_claim_add (PaStore     *store,
                    PaClaim     *claim,
                    const char  *method,
                    const char  *rationale,
                    GError     **error)
{
  g_autofree char *now = pa_now_utc ();
  sqlite3_stmt *dup;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (PA_IS_STORE (store), FALSE);
  g_return_val_if_fail (claim != NULL && claim->id == 0, FALSE);

  if (!validate_claim (claim, error) ||
      (method != NULL && !pa_check_value (N_("Method"), "claim.method", method, error)) ||
      !pa_check_text (N_("Rationale"), rationale, FALSE, 0, error))
    return FALSE;

  if (!pa_store_begin (store, error))
    return FALSE;
  if (!pa_touch_case (store, claim->case_id, error))
    goto fail;

  dup = pa_store_prepare_cached (store, "SELECT label FROM claim WHERE case_id = ? AND item_uri = ?",
                                 error);
  if (dup == NULL)
    goto fail;
  sqlite3_bind_int64 (dup, 1, claim->case_id);
  sqlite3_bind_text (dup, 2, claim->item_uri, -1, SQLITE_STATIC);
  if (sqlite3_step (dup) == SQLITE_ROW)
    {
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_CONSTRAINT,
                   _("This case already has the competence “%s”."),
                   (const char *) sqlite3_column_text (dup, 0));
      sqlite3_reset (dup);
      goto fail;
    }
  sqlite3_reset (dup);

  for (guint i = 0; i < claim->experience_ids->len; i++)
    if (!same_case (store, "experience", g_array_index (claim->experience_ids, gint64, i),
                    claim->case_id, error))
      goto fail;
  for (guint i = 0; i < claim->evidence_ids->len; i++)
    if (!same_case (store, "evidence", g_array_index (claim->evidence_ids, gint64, i),
                    claim->case_id, error))
      goto fail;

  stmt = pa_store_prepare_cached (store,
                                  "INSERT INTO claim (case_id, framework, item_uri, label, level, "
                                  "stage, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 1, ?, ?)",
                                  error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, claim->case_id);
  sqlite3_bind_text (stmt, 2, claim->framework, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, claim->item_uri, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, claim->label, -1, SQLITE_STATIC);
  if (claim->level != NULL)
    sqlite3_bind_text (stmt, 5, claim->level, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, now, -1, SQLITE_STATIC);
  if (!pa_store_run_cached (store, stmt, error))
    goto fail;
  claim->id = sqlite3_last_insert_rowid (pa_store_get_db (store));

  if (!insert_stage (store, claim->id, PA_STAGE_IDENTIFIED, method, claim->level, NULL,
                     rationale, now, error))
    goto fail;
  for (guint i = 0; i < claim->experience_ids->len; i++)
    if (!insert_link (store, "experience", claim->id,
                      g_array_index (claim->experience_ids, gint64, i), error))
      goto fail;
  for (guint i = 0; i < claim->evidence_ids->len; i++)
    if (!insert_link (store, "evidence", claim->id,
                      g_array_index (claim->evidence_ids, gint64, i), error))
      goto fail;

  if (!pa_finish_change (store, "claim.add", claim->case_id, "claim", claim->id, error))
    goto fail;
  claim->stage = PA_STAGE_IDENTIFIED;
  g_free (claim->created_at);
  claim->created_at = g_strdup (now);
  g_free (claim->updated_at);
  claim->updated_at = g_strdup (now);
  return TRUE;

fail:
  pa_store_rollback (store);
  claim->id = 0;
  return FALSE;
}

/* Changes the claim's label and level (a corrected label, a level revised). */
gboolean
pa_store_claim_update (PaStore  *store,
                       PaClaim  *claim,
                       GError  **error)
{
  g_autofree char *now = pa_now_utc ();
  g_autoptr (sqlite3_stmt) stmt = NULL;
  gint64 case_id;

  g_return_val_if_fail (PA_IS_STORE (store), FALSE);
  g_return_val_if_fail (claim != NULL, FALSE);

  if (!pa_check_text (N_("Competence"), claim->label, TRUE, LABEL_MAX, error) ||
      !pa_check_text (N_("Level"), claim->level, FALSE, LEVEL_MAX, error))
    return FALSE;
  if (!pa_store_begin (store, error))
    return FALSE;
  case_id = pa_owner_case (store, "claim", claim->id, error);
  if (case_id == 0 || !pa_touch_case (store, case_id, error))
    goto fail;
  stmt = pa_store_prepare (store,
                           "UPDATE claim SET label = ?, level = ?, updated_at = ? WHERE id = ?",
                           error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, claim->label, -1, SQLITE_STATIC);
  if (claim->level != NULL && *claim->level != '\0')
    sqlite3_bind_text (stmt, 2, claim->level, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, claim->id);
  if (!pa_store_step_done (store, stmt, error) ||
      !pa_finish_change (store, "claim.update", case_id, "claim", claim->id, error))
    goto fail;
  claim->case_id = case_id;
  return TRUE;

fail:
  pa_store_rollback (store);
  return FALSE;
}

/* Removes a claim with its history and links (the evidence itself stays). */
gboolean
pa_store_claim_delete (PaStore  *store,
                       gint64    id,
                       GError  **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  gint64 case_id;

  g_return_val_if_fail (PA_IS_STORE (store), FALSE);

  if (!pa_store_begin (store, error))
    return FALSE;
  case_id = pa_owner_case (store, "claim", id, error);
  if (case_id == 0 || !pa_touch_case (store, case_id, error))
    goto fail;
  stmt = pa_store_prepare (store, "DELETE FROM claim WHERE id = ?", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!pa_store_step_done (store, stmt, error) ||
      !pa_finish_change (store, "claim.delete", case_id, "claim", id, error))
    goto fail;
  return TRUE;

fail:
  pa_store_rollback (store);
  return FALSE;
}

#define CLAIM_COLUMNS "id, case_id, framework, item_uri, label, level, stage, created_at, updated_at"

static PaClaim *
claim_from_row (sqlite3_stmt *stmt)
{
  PaClaim *claim = pa_claim_new ();

  claim->id = sqlite3_column_int64 (stmt, 0);
  claim->case_id = sqlite3_column_int64 (stmt, 1);
  claim->framework = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  claim->item_uri = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
  claim->label = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
  claim->level = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
  claim->stage = sqlite3_column_int (stmt, 6);
  claim->created_at = g_strdup ((const char *) sqlite3_column_text (stmt, 7));
  claim->updated_at = g_strdup ((const char *) sqlite3_column_text (stmt, 8));
  return claim;
}

/* Fills the links of @claims (all of one case, or one claim) in two queries. */
static gboolean
read_links (PaStore     *store,
            GPtrArray   *claims,
            const char  *where,
            gint64       value,
            GError     **error)
{
  static const char *const tables[] = { "claim_experience", "claim_evidence" };
  static const char *const columns[] = { "experience_id", "evidence_id" };
  g_autoptr (GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);

  for (guint i = 0; i < claims->len; i++)
    {
      PaClaim *claim = g_ptr_array_index (claims, i);
      g_hash_table_insert (by_id, &claim->id, claim);
    }

  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT l.claim_id, l.%s FROM %s l "
                                              "JOIN claim k ON k.id = l.claim_id WHERE %s "
                                              "ORDER BY l.claim_id, l.%s",
                                              columns[t], tables[t], where, columns[t]);
      g_autoptr (sqlite3_stmt) stmt = pa_store_prepare (store, sql, error);
      int rc;

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, value);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 claim_id = sqlite3_column_int64 (stmt, 0);
          PaClaim *claim = g_hash_table_lookup (by_id, &claim_id);
          if (claim == NULL)
            continue;
          if (t == 0)
            pa_claim_add_experience (claim, sqlite3_column_int64 (stmt, 1));
          else
            pa_claim_add_evidence (claim, sqlite3_column_int64 (stmt, 1));
        }
      if (rc != SQLITE_DONE)
        return pa_store_set_error (store, rc, error);
    }
  return TRUE;
}

static GPtrArray *
select_claims (PaStore     *store,
               const char  *where,
               gint64       value,
               GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT " CLAIM_COLUMNS " FROM claim k WHERE %s "
                                          "ORDER BY k.stage DESC, k.label, k.id", where);
  g_autoptr (sqlite3_stmt) stmt = pa_store_prepare (store, sql, error);
  g_autoptr (GPtrArray) claims = g_ptr_array_new_with_free_func ((GDestroyNotify) pa_claim_free);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, value);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (claims, claim_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      pa_store_set_error (store, rc, error);
      return NULL;
    }
  if (!read_links (store, claims, where, value, error))
    return NULL;
  return g_steal_pointer (&claims);
}

/* Returns: (transfer full): the claim with its links, or %NULL with
 * %PA_STORE_ERROR_NOT_FOUND. */
PaClaim *
pa_store_claim_get (PaStore  *store,
                    gint64    id,
                    GError  **error)
{
  g_autoptr (GPtrArray) claims = NULL;

  g_return_val_if_fail (PA_IS_STORE (store), NULL);

  claims = select_claims (store, "k.id = ?", id, error);
  if (claims == NULL)
    return NULL;
  if (claims->len == 0)
    {
      g_autofree char *number = pa_id_text (id);
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_NOT_FOUND,
                   _("There is no competence claim number %s."), number);
      return NULL;
    }
  return g_ptr_array_steal_index (claims, 0);
}

/* Returns: (transfer container): the case's claims with their links, the
 * furthest stage first, then by label. */
GPtrArray *
pa_store_claim_list (PaStore  *store,
                     gint64    case_id,
                     GError  **error)
{
  g_return_val_if_fail (PA_IS_STORE (store), NULL);
  return select_claims (store, "k.case_id = ?", case_id, error);
}

/* Returns: (transfer container) (element-type PaClaimStage): the claim's
 * steps, first to last. */
GPtrArray *
pa_store_claim_history (PaStore  *store,
                        gint64    claim_id,
                        GError  **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GPtrArray) steps = NULL;
  int rc;

  g_return_val_if_fail (PA_IS_STORE (store), NULL);

  stmt = pa_store_prepare (store,
                           "SELECT s.id, s.claim_id, s.stage, s.actor_id, a.display_name, s.at, "
                           "s.method, s.level, s.assessor, s.rationale FROM claim_stage s "
                           "LEFT JOIN actor a ON a.id = s.actor_id WHERE s.claim_id = ? "
                           "ORDER BY s.stage, s.id",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, claim_id);
  steps = g_ptr_array_new_with_free_func ((GDestroyNotify) pa_claim_stage_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PaClaimStage *step = pa_claim_stage_new ();

      step->id = sqlite3_column_int64 (stmt, 0);
      step->claim_id = sqlite3_column_int64 (stmt, 1);
      step->stage = sqlite3_column_int (stmt, 2);
      step->actor_id = sqlite3_column_int64 (stmt, 3);
      step->actor_name = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      step->at = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
      step->method = g_strdup ((const char *) sqlite3_column_text (stmt, 6));
      step->level = g_strdup ((const char *) sqlite3_column_text (stmt, 7));
      step->assessor = g_strdup ((const char *) sqlite3_column_text (stmt, 8));
      step->rationale = g_strdup ((const char *) sqlite3_column_text (stmt, 9));
      g_ptr_array_add (steps, step);
    }
  if (rc != SQLITE_DONE)
    {
      pa_store_set_error (store, rc, error);
      return NULL;
    }
  return g_steal_pointer (&steps);
}

static int
count_evidence (PaStore *store,
                gint64   claim_id)
{
  sqlite3_stmt *stmt = pa_store_prepare_cached (store,
                                                "SELECT count(*) FROM claim_evidence "
                                                "WHERE claim_id = ?",
                                                NULL);
  int n = 0;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, claim_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

/**
 * pa_store_claim_advance:
 * @stage: the stage reached (%PA_STAGE_DOCUMENTED … %PA_STAGE_CERTIFIED),
 *   beyond the claim's current stage
 * @method: (nullable): how; required (an assessment method: interview,
 *   observation, practical_test, document_review, simulation,
 *   employer_reference) when the move passes the assessment
 * @level: (nullable): the level reached; becomes the claim's level
 * @assessor: (nullable): who assessed; required when the move passes the
 *   assessment
 * @rationale: (nullable): why, in the assessor's words
 *
 * Moves a claim forward by one or more stages and records the step. A claim
 * never moves back; it is documented only with evidence attached;
 * self-assessment and suggestions only identify. Refusals are
 * %PA_STORE_ERROR_INVALID and change nothing.
 */
gboolean
pa_store_claim_advance (PaStore     *store,
                        gint64       claim_id,
                        int          stage,
                        const char  *method,
                        const char  *level,
                        const char  *assessor,
                        const char  *rationale,
                        GError     **error)
{
  g_autofree char *now = pa_now_utc ();
  g_autofree char *detail = NULL;
  sqlite3_stmt *read;
  sqlite3_stmt *update;
  gint64 case_id;
  int current;

  g_return_val_if_fail (PA_IS_STORE (store), FALSE);

  if (level != NULL && *level == '\0')
    level = NULL;
  if (assessor != NULL && *assessor == '\0')
    assessor = NULL;
  if ((method != NULL && !pa_check_value (N_("Method"), "claim.method", method, error)) ||
      !pa_check_text (N_("Level"), level, FALSE, LEVEL_MAX, error) ||
      !pa_check_text (N_("Assessor"), assessor, FALSE, LABEL_MAX, error) ||
      !pa_check_text (N_("Rationale"), rationale, FALSE, 0, error))
    return FALSE;
  if (stage < PA_STAGE_IDENTIFIED || stage > PA_STAGE_CERTIFIED)
    {
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_INVALID,
                   _("%d is not a stage (1 identified, 2 documented, 3 assessed, 4 certified)."),
                   stage);
      return FALSE;
    }

  if (!pa_store_begin (store, error))
    return FALSE;

  read = pa_store_prepare_cached (store, "SELECT case_id, stage FROM claim WHERE id = ?", error);
  if (read == NULL)
    goto fail;
  sqlite3_bind_int64 (read, 1, claim_id);
  if (sqlite3_step (read) != SQLITE_ROW)
    {
      g_autofree char *number = pa_id_text (claim_id);
      sqlite3_reset (read);
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_NOT_FOUND,
                   _("There is no competence claim number %s."), number);
      goto fail;
    }
  case_id = sqlite3_column_int64 (read, 0);
  current = sqlite3_column_int (read, 1);
  sqlite3_reset (read);

  if (!pa_touch_case (store, case_id, error))
    goto fail;

  if (stage <= current)
    {
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_INVALID,
                   _("This competence is already %s; a claim only moves forward, to %s or "
                     "beyond."),
                   pa_stage_label (current),
                   current < PA_STAGE_CERTIFIED ? pa_stage_label (current + 1)
                                                : pa_stage_label (PA_STAGE_CERTIFIED));
      goto fail;
    }
  if (method != NULL && (g_str_equal (method, "self_assessment") || g_str_equal (method, "suggestion")))
    {
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_INVALID,
                   _("“%s” only identifies a competence; documenting, assessing or certifying "
                     "it needs another method."),
                   pa_record_value_label ("claim.method", method));
      goto fail;
    }
  if (count_evidence (store, claim_id) == 0)
    {
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_INVALID,
                   _("Attach evidence to this competence before it is documented."));
      goto fail;
    }
  if (current < PA_STAGE_ASSESSED && stage >= PA_STAGE_ASSESSED)
    {
      if (method == NULL)
        {
          g_autofree char *methods = g_strjoinv (", ", (char **) pa_record_values ("claim.assessment_method"));
          g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_INVALID,
                       _("Assessing a competence needs the method used (one of %s)."), methods);
          goto fail;
        }
      if (assessor == NULL)
        {
          g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_INVALID,
                       _("Assessing a competence needs the name of the assessor."));
          goto fail;
        }
    }

  update = pa_store_prepare_cached (store,
                                    "UPDATE claim SET stage = ?, level = coalesce (?, level), "
                                    "updated_at = ? WHERE id = ?",
                                    error);
  if (update == NULL)
    goto fail;
  sqlite3_bind_int (update, 1, stage);
  if (level != NULL)
    sqlite3_bind_text (update, 2, level, -1, SQLITE_STATIC);
  sqlite3_bind_text (update, 3, now, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (update, 4, claim_id);
  if (!pa_store_run_cached (store, update, error) ||
      !insert_stage (store, claim_id, stage, method, level, assessor, rationale, now, error))
    goto fail;

  detail = g_strdup_printf ("%" G_GINT64_FORMAT " %d>%d", claim_id, current, stage);
  if (!pa_store_audit (store, "claim.advance", case_id, "claim", detail, error) ||
      !pa_store_commit (store, error))
    goto fail;
  pa_store_emit_case_changed (store, case_id);
  return TRUE;

fail:
  pa_store_rollback (store);
  return FALSE;
}

static gboolean
change_link (PaStore     *store,
             const char  *table,
             gint64       claim_id,
             gint64       other_id,
             gboolean     link,
             GError     **error)
{
  gboolean evidence = g_str_equal (table, "evidence");
  g_autofree char *action = g_strdup_printf ("claim.%s_%s", link ? "link" : "unlink", table);
  gint64 case_id;

  if (!pa_store_begin (store, error))
    return FALSE;
  case_id = pa_owner_case (store, "claim", claim_id, error);
  if (case_id == 0 || !pa_touch_case (store, case_id, error) ||
      !same_case (store, table, other_id, case_id, error))
    goto fail;

  if (link)
    {
      if (!insert_link (store, table, claim_id, other_id, error))
        goto fail;
    }
  else
    {
      g_autoptr (sqlite3_stmt) stmt = NULL;

      stmt = pa_store_prepare (store,
                               evidence ? "DELETE FROM claim_evidence WHERE claim_id = ? AND evidence_id = ?"
                                        : "DELETE FROM claim_experience WHERE claim_id = ? AND experience_id = ?",
                               error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, claim_id);
      sqlite3_bind_int64 (stmt, 2, other_id);
      if (!pa_store_step_done (store, stmt, error))
        goto fail;
      if (evidence && count_evidence (store, claim_id) == 0)
        {
          g_autoptr (PaClaim) claim = pa_store_claim_get (store, claim_id, NULL);
          if (claim != NULL && claim->stage >= PA_STAGE_DOCUMENTED)
            {
              g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_INVALID,
                           _("“%s” is %s: it must keep at least one piece of evidence."),
                           claim->label, pa_stage_label (claim->stage));
              goto fail;
            }
        }
    }
  if (!pa_finish_change (store, action, case_id, "claim", claim_id, error))
    goto fail;
  return TRUE;

fail:
  pa_store_rollback (store);
  return FALSE;
}

gboolean
pa_store_claim_link_experience (PaStore  *store,
                                gint64    claim_id,
                                gint64    experience_id,
                                GError  **error)
{
  g_return_val_if_fail (PA_IS_STORE (store), FALSE);
  return change_link (store, "experience", claim_id, experience_id, TRUE, error);
}

gboolean
pa_store_claim_unlink_experience (PaStore  *store,
                                  gint64    claim_id,
                                  gint64    experience_id,
                                  GError  **error)
{
  g_return_val_if_fail (PA_IS_STORE (store), FALSE);
  return change_link (store, "experience", claim_id, experience_id, FALSE, error);
}

gboolean
pa_store_claim_link_evidence (PaStore  *store,
                              gint64    claim_id,
                              gint64    evidence_id,
                              GError  **error)
{
  g_return_val_if_fail (PA_IS_STORE (store), FALSE);
  return change_link (store, "evidence", claim_id, evidence_id, TRUE, error);
}

/* Refused when the claim is documented or beyond and this is its last evidence. */
gboolean
pa_store_claim_unlink_evidence (PaStore  *store,
                                gint64    claim_id,
                                gint64    evidence_id,
                                GError  **error)
{
  g_return_val_if_fail (PA_IS_STORE (store), FALSE);
  return change_link (store, "evidence", claim_id, evidence_id, FALSE, error);
}

/**
 * pa_store_claim_restore:
 * @claim: a claim read before pa_store_claim_delete(), with its stage,
 *   timestamps and links
 * @history: (element-type PaClaimStage): its steps, from
 *   pa_store_claim_history()
 *
 * Puts a deleted claim back as it was (its stage, history and links), so that
 * a deletion can be undone. The experiences and evidence it was linked to
 * must still belong to its case; a claim of the same item added since is
 * %PA_STORE_ERROR_CONSTRAINT. On success @claim carries its new id.
 */
gboolean
pa_store_claim_restore (PaStore    *store,
                        PaClaim    *claim,
                        GPtrArray  *history,
                        GError    **error)
{
  g_autofree char *now = pa_now_utc ();
  g_autoptr (sqlite3_stmt) stmt = NULL;
  gint64 id;

  g_return_val_if_fail (PA_IS_STORE (store), FALSE);
  g_return_val_if_fail (claim != NULL, FALSE);
  g_return_val_if_fail (history != NULL, FALSE);

  if (!validate_claim (claim, error))
    return FALSE;
  if (claim->stage < PA_STAGE_IDENTIFIED || claim->stage > PA_STAGE_CERTIFIED)
    {
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_INVALID,
                   _("%d is not a stage (1 identified, 2 documented, 3 assessed, 4 certified)."),
                   claim->stage);
      return FALSE;
    }

  if (!pa_store_begin (store, error))
    return FALSE;
  if (!pa_touch_case (store, claim->case_id, error))
    goto fail;

  stmt = pa_store_prepare (store, "SELECT label FROM claim WHERE case_id = ? AND item_uri = ?", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, claim->case_id);
  sqlite3_bind_text (stmt, 2, claim->item_uri, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_CONSTRAINT,
                   _("This case already has the competence “%s”."),
                   (const char *) sqlite3_column_text (stmt, 0));
      goto fail;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  for (guint i = 0; i < claim->experience_ids->len; i++)
    if (!same_case (store, "experience", g_array_index (claim->experience_ids, gint64, i),
                    claim->case_id, error))
      goto fail;
  for (guint i = 0; i < claim->evidence_ids->len; i++)
    if (!same_case (store, "evidence", g_array_index (claim->evidence_ids, gint64, i),
                    claim->case_id, error))
      goto fail;

  stmt = pa_store_prepare (store,
                           "INSERT INTO claim (case_id, framework, item_uri, label, level, "
                           "stage, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                           error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, claim->case_id);
  sqlite3_bind_text (stmt, 2, claim->framework, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, claim->item_uri, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, claim->label, -1, SQLITE_STATIC);
  if (claim->level != NULL)
    sqlite3_bind_text (stmt, 5, claim->level, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 6, claim->stage);
  sqlite3_bind_text (stmt, 7, claim->created_at ? claim->created_at : now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, claim->updated_at ? claim->updated_at : now, -1, SQLITE_STATIC);
  if (!pa_store_step_done (store, stmt, error))
    goto fail;
  id = sqlite3_last_insert_rowid (pa_store_get_db (store));
  g_clear_pointer (&stmt, sqlite3_finalize);

  /* The steps as they were: who, when, how; not who restored them. */
  stmt = pa_store_prepare (store,
                           "INSERT INTO claim_stage (claim_id, stage, actor_id, at, method, level, "
                           "assessor, rationale) VALUES (?, ?, nullif (?, 0), ?, ?, ?, ?, ?)",
                           error);
  if (stmt == NULL)
    goto fail;
  for (guint i = 0; i < history->len; i++)
    {
      PaClaimStage *step = g_ptr_array_index (history, i);

      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int (stmt, 2, step->stage);
      sqlite3_bind_int64 (stmt, 3, step->actor_id);
      sqlite3_bind_text (stmt, 4, step->at ? step->at : now, -1, SQLITE_STATIC);
      if (step->method != NULL)
        sqlite3_bind_text (stmt, 5, step->method, -1, SQLITE_STATIC);
      if (step->level != NULL && *step->level != '\0')
        sqlite3_bind_text (stmt, 6, step->level, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 7, step->assessor ? step->assessor : "", -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 8, step->rationale ? step->rationale : "", -1, SQLITE_STATIC);
      if (!pa_store_step_done (store, stmt, error))
        goto fail;
    }

  for (guint i = 0; i < claim->experience_ids->len; i++)
    if (!insert_link (store, "experience", id, g_array_index (claim->experience_ids, gint64, i), error))
      goto fail;
  for (guint i = 0; i < claim->evidence_ids->len; i++)
    if (!insert_link (store, "evidence", id, g_array_index (claim->evidence_ids, gint64, i), error))
      goto fail;
  if (claim->stage >= PA_STAGE_DOCUMENTED && count_evidence (store, id) == 0)
    {
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_INVALID,
                   _("“%s” is %s: it must keep at least one piece of evidence."),
                   claim->label, pa_stage_label (claim->stage));
      goto fail;
    }

  if (!pa_finish_change (store, "claim.restore", claim->case_id, "claim", id, error))
    goto fail;
  claim->id = id;
  return TRUE;

fail:
  pa_store_rollback (store);
  return FALSE;
}
