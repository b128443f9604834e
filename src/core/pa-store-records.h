/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pa-records.h"
#include "pa-store.h"

G_BEGIN_DECLS

/* Everything a case holds beyond its identity, and seminars.
 *
 * For each record type: _add() validates the record and stores it (filling
 * its id and the fields the store sets), _update() writes it back by id,
 * _delete() removes it, _get() reads one and _list() all of a case, in the
 * order a trainer reads them. Every change is one transaction with an audit
 * row, marks the case as updated and emits PaStore::case-changed once
 * committed; on error (PA_STORE_ERROR_INVALID for a refused value,
 * _NOT_FOUND for an unknown id or case) nothing is stored. Records of a case
 * in the trash cannot be changed. Lists are (transfer container) arrays
 * that free their elements. */

gboolean         pa_store_consent_add         (PaStore *store, PaConsent *consent, GError **error);
gboolean         pa_store_consent_update      (PaStore *store, PaConsent *consent, GError **error);
gboolean         pa_store_consent_delete      (PaStore *store, gint64 id, GError **error);
PaConsent       *pa_store_consent_get         (PaStore *store, gint64 id, GError **error);
GPtrArray       *pa_store_consent_list        (PaStore *store, gint64 case_id, GError **error);

gboolean         pa_store_language_add        (PaStore *store, PaCaseLanguage *language, GError **error);
gboolean         pa_store_language_update     (PaStore *store, PaCaseLanguage *language, GError **error);
gboolean         pa_store_language_delete     (PaStore *store, gint64 id, GError **error);
PaCaseLanguage  *pa_store_language_get        (PaStore *store, gint64 id, GError **error);
GPtrArray       *pa_store_language_list       (PaStore *store, gint64 case_id, GError **error);

gboolean         pa_store_education_add       (PaStore *store, PaEducation *education, GError **error);
gboolean         pa_store_education_update    (PaStore *store, PaEducation *education, GError **error);
gboolean         pa_store_education_delete    (PaStore *store, gint64 id, GError **error);
PaEducation     *pa_store_education_get       (PaStore *store, gint64 id, GError **error);
GPtrArray       *pa_store_education_list      (PaStore *store, gint64 case_id, GError **error);

/* Experiences also feed the case's search index. */
gboolean         pa_store_experience_add      (PaStore *store, PaExperience *experience, GError **error);
gboolean         pa_store_experience_update   (PaStore *store, PaExperience *experience, GError **error);
gboolean         pa_store_experience_delete   (PaStore *store, gint64 id, GError **error);
PaExperience    *pa_store_experience_get      (PaStore *store, gint64 id, GError **error);
GPtrArray       *pa_store_experience_list     (PaStore *store, gint64 case_id, GError **error);

/* What it takes to undo the removal of an experience: the record as it was
 * and the claims linked to it. Taken before pa_store_experience_delete();
 * pa_store_experience_restore() puts the experience back under its old id
 * (a new one only when that id was given to another record since) with its
 * links to the claims that still exist, in one transaction. A case purged
 * meanwhile is %PA_STORE_ERROR_NOT_FOUND and nothing is stored. */
typedef struct
{
  PaExperience *experience;
  GArray *claim_ids;            /* gint64 */
} PaExperienceSnapshot;

PaExperienceSnapshot *pa_store_experience_snapshot (PaStore *store, gint64 id, GError **error);
gboolean         pa_store_experience_restore  (PaStore *store, PaExperienceSnapshot *snapshot,
                                               GError **error);
void             pa_experience_snapshot_free  (PaExperienceSnapshot *snapshot);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PaExperienceSnapshot, pa_experience_snapshot_free)

gboolean         pa_store_goal_add            (PaStore *store, PaGoal *goal, GError **error);
gboolean         pa_store_goal_update         (PaStore *store, PaGoal *goal, GError **error);
gboolean         pa_store_goal_delete         (PaStore *store, gint64 id, GError **error);
PaGoal          *pa_store_goal_get            (PaStore *store, gint64 id, GError **error);
GPtrArray       *pa_store_goal_list           (PaStore *store, gint64 case_id, GError **error);

gboolean         pa_store_plan_action_add     (PaStore *store, PaPlanAction *action, GError **error);
gboolean         pa_store_plan_action_update  (PaStore *store, PaPlanAction *action, GError **error);
gboolean         pa_store_plan_action_delete  (PaStore *store, gint64 id, GError **error);
PaPlanAction    *pa_store_plan_action_get     (PaStore *store, gint64 id, GError **error);
GPtrArray       *pa_store_plan_action_list    (PaStore *store, gint64 case_id, GError **error);

gboolean         pa_store_session_add         (PaStore *store, PaCaseSession *session, GError **error);
gboolean         pa_store_session_update      (PaStore *store, PaCaseSession *session, GError **error);
gboolean         pa_store_session_delete      (PaStore *store, gint64 id, GError **error);
PaCaseSession   *pa_store_session_get         (PaStore *store, gint64 id, GError **error);
GPtrArray       *pa_store_session_list        (PaStore *store, gint64 case_id, GError **error);

/* Claims. _add() stores a claim at stage 1 (identified) with its first
 * history step (@method: how it was identified, or NULL) and the links to
 * the experiences and evidence listed in the claim, which must belong to the
 * same case. _update() changes only the label and level; the stage moves
 * only through pa_store_claim_advance(). */
gboolean         pa_store_claim_add           (PaStore *store, PaClaim *claim, const char *method,
                                               const char *rationale, GError **error);
gboolean         pa_store_claim_update        (PaStore *store, PaClaim *claim, GError **error);
gboolean         pa_store_claim_delete        (PaStore *store, gint64 id, GError **error);
PaClaim         *pa_store_claim_get           (PaStore *store, gint64 id, GError **error);
GPtrArray       *pa_store_claim_list          (PaStore *store, gint64 case_id, GError **error);
GPtrArray       *pa_store_claim_history       (PaStore *store, gint64 claim_id, GError **error);
gboolean         pa_store_claim_advance       (PaStore    *store,
                                               gint64      claim_id,
                                               int         stage,
                                               const char *method,
                                               const char *level,
                                               const char *assessor,
                                               const char *rationale,
                                               GError    **error);
gboolean         pa_store_claim_restore       (PaStore *store, PaClaim *claim, GPtrArray *history,
                                               GError **error);
gboolean         pa_store_claim_link_experience   (PaStore *store, gint64 claim_id,
                                                   gint64 experience_id, GError **error);
gboolean         pa_store_claim_unlink_experience (PaStore *store, gint64 claim_id,
                                                   gint64 experience_id, GError **error);
gboolean         pa_store_claim_link_evidence     (PaStore *store, gint64 claim_id,
                                                   gint64 evidence_id, GError **error);
gboolean         pa_store_claim_unlink_evidence   (PaStore *store, gint64 claim_id,
                                                   gint64 evidence_id, GError **error);

/* Evidence: the file's bytes live in the store with their SHA-256. _add()
 * needs evidence->content; _update() replaces the content only when
 * evidence->content is set. _get() and _list() leave content NULL. */
gboolean         pa_store_evidence_add        (PaStore *store, PaEvidence *evidence, GError **error);
gboolean         pa_store_evidence_update     (PaStore *store, PaEvidence *evidence, GError **error);
gboolean         pa_store_evidence_delete     (PaStore *store, gint64 id, GError **error);
PaEvidence      *pa_store_evidence_get        (PaStore *store, gint64 id, GError **error);
GPtrArray       *pa_store_evidence_list       (PaStore *store, gint64 case_id, GError **error);
GBytes          *pa_store_evidence_get_content (PaStore *store, gint64 id, GError **error);

/* The same for evidence: the record with its content (checked against its
 * SHA-256) and the claims it documents. pa_store_evidence_restore() keeps
 * the id, content, SHA-256, quality flags, time and author of addition. */
typedef struct
{
  PaEvidence *evidence;
  GArray *claim_ids;            /* gint64 */
} PaEvidenceSnapshot;

PaEvidenceSnapshot *pa_store_evidence_snapshot (PaStore *store, gint64 id, GError **error);
gboolean         pa_store_evidence_restore    (PaStore *store, PaEvidenceSnapshot *snapshot,
                                               GError **error);
void             pa_evidence_snapshot_free    (PaEvidenceSnapshot *snapshot);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PaEvidenceSnapshot, pa_evidence_snapshot_free)

/* Seminars (groups): their changes are announced for every participant. */
gboolean         pa_store_seminar_add         (PaStore *store, PaSeminar *seminar, GError **error);
gboolean         pa_store_seminar_update      (PaStore *store, PaSeminar *seminar, GError **error);
gboolean         pa_store_seminar_delete      (PaStore *store, gint64 id, GError **error);
PaSeminar       *pa_store_seminar_get         (PaStore *store, gint64 id, GError **error);
GPtrArray       *pa_store_seminar_list        (PaStore *store, GError **error);
GPtrArray       *pa_store_seminar_list_for_case (PaStore *store, gint64 case_id, GError **error);

gboolean         pa_store_seminar_add_participant    (PaStore *store, gint64 seminar_id,
                                                      gint64 case_id, GError **error);
gboolean         pa_store_seminar_remove_participant (PaStore *store, gint64 seminar_id,
                                                      gint64 case_id, GError **error);
GArray          *pa_store_seminar_list_participants  (PaStore *store, gint64 seminar_id,
                                                      GError **error);

gboolean         pa_store_seminar_session_add    (PaStore *store, PaSeminarSession *session, GError **error);
gboolean         pa_store_seminar_session_update (PaStore *store, PaSeminarSession *session, GError **error);
gboolean         pa_store_seminar_session_delete (PaStore *store, gint64 id, GError **error);
PaSeminarSession *pa_store_seminar_session_get   (PaStore *store, gint64 id, GError **error);
GPtrArray       *pa_store_seminar_session_list   (PaStore *store, gint64 seminar_id, GError **error);
/* Catalogue modules a session covered (training_module ids). */
GArray          *pa_store_seminar_session_get_modules (PaStore *store, gint64 session_id,
                                                       GError **error);
gboolean         pa_store_seminar_session_set_modules (PaStore *store, gint64 session_id,
                                                       const gint64 *module_ids, guint n_modules,
                                                       GError **error);

/* Attendance of a participant at a session of their seminar. */
gboolean         pa_store_attendance_set      (PaStore *store, gint64 session_id, gint64 case_id,
                                               gboolean present, GError **error);
gboolean         pa_store_attendance_clear    (PaStore *store, gint64 session_id, gint64 case_id,
                                               GError **error);
GPtrArray       *pa_store_attendance_list     (PaStore *store, gint64 session_id, GError **error);
GPtrArray       *pa_store_attendance_list_for_case (PaStore *store, gint64 case_id, GError **error);

G_END_DECLS
