/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "passerelle-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>

#include "pa-certificates.h"
#include "pa-cohort.h"
#include "pa-iso-codes.h"
#include "pa-record-table.h"
#include "pa-report-i18n.h"
#include "pa-store-cases.h"
#include "pa-store-private.h"
#include "pa-store-records.h"

#define REASON_MAX 500

#define CERTIFICATE_COLUMNS \
  "id, case_id, number, issued_on, issued_by, language, second_language, snapshot, digest, " \
  "revoked_on, revoked_reason"

void
pa_issued_certificate_free (PaIssuedCertificate *self)
{
  if (self == NULL)
    return;
  g_free (self->number);
  g_free (self->issued_on);
  g_free (self->language);
  g_free (self->second_language);
  g_free (self->snapshot);
  g_free (self->digest);
  g_free (self->revoked_on);
  g_free (self->revoked_reason);
  g_free (self);
}

static char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

static PaIssuedCertificate *
certificate_from_row (sqlite3_stmt *stmt)
{
  PaIssuedCertificate *self = g_new0 (PaIssuedCertificate, 1);

  self->id = sqlite3_column_int64 (stmt, 0);
  self->case_id = sqlite3_column_int64 (stmt, 1);
  self->number = column_text (stmt, 2);
  self->issued_on = column_text (stmt, 3);
  self->issued_by = sqlite3_column_int64 (stmt, 4);
  self->language = column_text (stmt, 5);
  self->second_language = column_text (stmt, 6);
  self->snapshot = column_text (stmt, 7);
  self->digest = column_text (stmt, 8);
  self->revoked_on = column_text (stmt, 9);
  self->revoked_reason = column_text (stmt, 10);
  return self;
}

/**
 * pa_issued_certificate_get_data:
 * @self: a stored certificate
 * @error: return location for an error (%PA_STORE_ERROR_CORRUPT)
 *
 * What to print: the snapshot, marked revoked with its reason when it was
 * revoked. Refused when the snapshot no longer matches the digest stored
 * with it, since the page would then state something that was not issued.
 *
 * Returns: (transfer full): the certificate, or %NULL.
 */
PaCertificateData *
pa_issued_certificate_get_data (const PaIssuedCertificate  *self,
                                GError                    **error)
{
  g_autoptr (PaCertificateData) data = NULL;
  g_autofree char *digest = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  data = pa_certificate_data_from_snapshot (self->snapshot, error);
  if (data == NULL)
    return NULL;
  digest = pa_certificate_digest (data);
  if (g_strcmp0 (digest, self->digest) != 0 || g_strcmp0 (data->number, self->number) != 0)
    {
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_CORRUPT,
                   _("The stored content of certificate %s does not match its digest: it was "
                     "changed after it was issued."), self->number);
      return NULL;
    }
  if (self->revoked_on != NULL)
    {
      data->revoked = TRUE;
      data->revoked_reason = g_strdup (self->revoked_reason);
    }
  return g_steal_pointer (&data);
}

/**
 * pa_store_certificate_get_data:
 * @issued: a certificate of @store
 *
 * pa_issued_certificate_get_data() with the centre's logo as @store holds it
 * now (a logo path kept by an older snapshot is not used).
 *
 * Returns: (transfer full): the certificate, or %NULL.
 */
PaCertificateData *
pa_store_certificate_get_data (PaStore                    *store,
                               const PaIssuedCertificate  *issued,
                               GError                    **error)
{
  g_autoptr (PaCertificateData) data = NULL;

  g_return_val_if_fail (PA_IS_STORE (store), NULL);
  g_return_val_if_fail (issued != NULL, NULL);

  data = pa_issued_certificate_get_data (issued, error);
  if (data == NULL)
    return NULL;
  g_clear_pointer (&data->logo_path, g_free);
  data->logo = pa_store_get_file (store, PA_SETTING_CENTRE_LOGO, error);
  if (data->logo == NULL && error != NULL && *error != NULL)
    return NULL;
  return g_steal_pointer (&data);
}

/* building from the store */

static char *
setting (PaStore    *store,
         const char *key)
{
  char *value = pa_store_get_setting (store, key);

  if (value != NULL && *g_strstrip (value) == '\0')
    g_clear_pointer (&value, g_free);
  return value;
}

static const char *
framework_name (PaReportI18n *i18n,
                const char   *code)
{
  if (code == NULL)
    return NULL;
  if (g_str_equal (code, "esco"))
    return pa_report_pgettext (i18n, "framework", "ESCO");
  if (g_str_equal (code, "cefr"))
    return pa_report_pgettext (i18n, "framework", "CEFR");
  if (g_str_equal (code, "digcomp"))
    return pa_report_pgettext (i18n, "framework", "DigComp");
  if (g_str_equal (code, "eqf"))
    return pa_report_pgettext (i18n, "framework", "EQF");
  if (g_str_equal (code, "passerelle"))
    return pa_report_pgettext (i18n, "framework", "Transversal skills");
  return code;
}

/* The certificate's method codes use hyphens where the store's use
 * underscores; the last step that names a method from the assessment on is
 * how the competence was assessed. */
static char *
assessment_method (PaStore  *store,
                   gint64    claim_id,
                   GError  **error)
{
  g_autoptr (GPtrArray) steps = pa_store_claim_history (store, claim_id, error);
  const char *method = NULL;

  if (steps == NULL)
    return NULL;
  for (guint i = 0; i < steps->len; i++)
    {
      PaClaimStage *step = steps->pdata[i];

      if (step->stage >= PA_STAGE_ASSESSED && step->method != NULL && *step->method != '\0')
        method = step->method;
    }
  if (method == NULL)
    return g_strdup ("");
  return g_strdelimit (g_strdup (method), "_", '-');
}

/* The country in the certificate's language, which need not be the
 * interface's: read from iso-codes' own catalogue. */
static char *
country_name (const char *alpha2,
              const char *language)
{
  g_autoptr (PaReportI18n) iso = NULL;
  const char *english = pa_iso_country_name_en (alpha2);

  iso = pa_report_i18n_new_from_dir ("/usr/share/locale", "iso_3166-1", language);
  if (iso != NULL && pa_report_i18n_has_catalog (iso))
    return g_strdup (pa_report_gettext (iso, english));
  if (g_str_has_prefix (language, "en"))
    return g_strdup (english);
  return g_strdup (pa_iso_country_name (alpha2));
}

/**
 * pa_store_certificate_build:
 * @case_id: the case
 * @language: the certificate's language ("fr", "ar", …)
 * @second_language: (nullable): a second language, for a bilingual certificate
 *
 * The certificate the case would get today, not numbered and not stored: the
 * centre's identity from the settings, the participant, and the case's
 * certified competences with the method they were assessed by. Labels come
 * from the frameworks in the certificate's language when the store has them,
 * otherwise as they were claimed.
 *
 * Returns: (transfer full): the certificate, or %NULL with
 * %PA_STORE_ERROR_NOT_FOUND for an unknown case, or %PA_STORE_ERROR_INVALID
 * when the case has no certified competence or the centre has no name or
 * signatory.
 */
PaCertificateData *
pa_store_certificate_build (PaStore     *store,
                            gint64       case_id,
                            const char  *language,
                            const char  *second_language,
                            GError     **error)
{
  g_autoptr (PaCertificateData) data = NULL;
  g_autoptr (PaCase) pcase = NULL;
  g_autoptr (GPtrArray) claims = NULL;
  g_autoptr (PaReportI18n) i18n = NULL;
  g_autoptr (GDateTime) now = NULL;
  const char *origin;

  g_return_val_if_fail (PA_IS_STORE (store), NULL);
  g_return_val_if_fail (language != NULL, NULL);

  if (second_language != NULL && *second_language == '\0')
    second_language = NULL;
  if (second_language != NULL && g_str_equal (second_language, language))
    {
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_INVALID,
                   _("The second language must differ from the first."));
      return NULL;
    }

  pcase = pa_store_case_get (store, case_id, error);
  if (pcase == NULL)
    return NULL;
  claims = pa_store_claim_list (store, case_id, error);
  if (claims == NULL)
    return NULL;

  i18n = pa_report_i18n_new (language);
  data = pa_certificate_data_new ();
  for (guint i = 0; i < claims->len; i++)
    {
      PaClaim *claim = claims->pdata[i];
      g_autofree char *label = NULL;
      g_autofree char *label_second = NULL;
      g_autofree char *method = NULL;

      if (claim->stage != PA_STAGE_CERTIFIED)
        continue;
      method = assessment_method (store, claim->id, error);
      if (method == NULL)
        return NULL;
      label = pa_concept_label (store, claim->item_uri, language);
      if (label == NULL)
        label = g_strdup (claim->label);
      if (second_language != NULL)
        {
          label_second = pa_concept_label (store, claim->item_uri, second_language);
          if (label_second == NULL)
            label_second = g_strdup (claim->label);
        }
      pa_certificate_data_add_competence (data, label, label_second,
                                          framework_name (i18n, claim->framework),
                                          claim->level, *method ? method : NULL);
    }
  if (data->competences->len == 0)
    {
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_INVALID,
                   _("This case has no certified competence: certify at least one competence "
                     "before issuing a certificate."));
      return NULL;
    }

  data->centre_name = setting (store, PA_SETTING_CENTRE_NAME);
  data->centre_address = setting (store, PA_SETTING_CENTRE_ADDRESS);
  /* The logo as the store holds it, not a path another computer lacks. */
  data->logo = pa_store_get_file (store, PA_SETTING_CENTRE_LOGO, error);
  if (data->logo == NULL && error != NULL && *error != NULL)
    return NULL;
  data->place = setting (store, PA_SETTING_CENTRE_PLACE);
  data->signatory_name = setting (store, PA_SETTING_SIGNATORY_NAME);
  data->signatory_role = setting (store, PA_SETTING_SIGNATORY_ROLE);
  if (data->centre_name == NULL || data->signatory_name == NULL)
    {
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_INVALID,
                   _("Enter the centre’s name and the signatory’s name in Preferences before "
                     "issuing a certificate."));
      return NULL;
    }

  data->participant_name = pa_case_dup_display_name (pcase);
  data->participant_birth_year = MAX (pa_case_get_birth_year (pcase), 0);
  origin = pa_case_get_origin_country (pcase);
  if (origin != NULL && *origin != '\0')
    data->participant_origin = country_name (origin, language);
  data->language = g_strdup (language);
  data->second_language = g_strdup (second_language);
  now = g_date_time_new_now_local ();
  g_date_set_dmy (&data->issue_date, (GDateDay) g_date_time_get_day_of_month (now),
                  (GDateMonth) g_date_time_get_month (now),
                  (GDateYear) g_date_time_get_year (now));
  return g_steal_pointer (&data);
}

/* The next number of the centre's sequence for @prefix. */
static gboolean
next_sequence (PaStore     *store,
               const char  *prefix,
               gint64      *sequence,
               GError     **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *pattern = g_strdup_printf ("%s-%%", prefix);
  gsize skip = strlen (prefix) + 1;
  gint64 highest = 0;
  int rc;

  stmt = pa_store_prepare (store, "SELECT number FROM certificate WHERE number LIKE ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, pattern, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *number = (const char *) sqlite3_column_text (stmt, 0);
      gint64 value;

      /* LIKE ignores case: "pa-" must not count for "PA". */
      if (strncmp (number, prefix, skip - 1) != 0 || strlen (number) <= skip)
        continue;
      value = g_ascii_strtoll (number + skip, NULL, 10);
      highest = MAX (highest, value);
    }
  if (rc != SQLITE_DONE)
    return pa_store_set_error (store, rc, error);
  *sequence = highest + 1;
  return TRUE;
}

/**
 * pa_store_certificate_issue:
 * @case_id: the case
 * @language: the certificate's language
 * @second_language: (nullable): a second language
 *
 * Builds the certificate (see pa_store_certificate_build()), gives it the
 * next number of the centre (prefix from the setting "certificate.prefix",
 * "PA" by default) and stores its snapshot and digest, in one transaction
 * with an audit row. Nothing is stored on error.
 *
 * Returns: (transfer full): the stored certificate, or %NULL.
 */
PaIssuedCertificate *
pa_store_certificate_issue (PaStore     *store,
                            gint64       case_id,
                            const char  *language,
                            const char  *second_language,
                            GError     **error)
{
  g_autoptr (PaCertificateData) data = NULL;
  g_autoptr (GError) invalid = NULL;
  g_autoptr (sqlite3_stmt) insert = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *snapshot = NULL;
  g_autofree char *digest = NULL;
  g_autofree char *issued_on = NULL;
  gint64 sequence = 0;
  gint64 actor;
  PaIssuedCertificate *issued;

  g_return_val_if_fail (PA_IS_STORE (store), NULL);
  g_return_val_if_fail (language != NULL, NULL);

  if (second_language != NULL && *second_language == '\0')
    second_language = NULL;
  prefix = setting (store, PA_SETTING_CERTIFICATE_PREFIX);
  if (prefix == NULL)
    prefix = g_strdup (PA_CERTIFICATE_DEFAULT_PREFIX);
  if (!pa_certificate_prefix_is_valid (prefix))
    {
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_INVALID,
                   _("The certificate prefix “%s” is not valid: use 1 to %d capital letters "
                     "or digits."), prefix, PA_CERTIFICATE_PREFIX_MAX);
      return NULL;
    }

  if (!pa_store_begin (store, error))
    return NULL;
  data = pa_store_certificate_build (store, case_id, language, second_language, error);
  if (data == NULL || !pa_touch_case (store, case_id, error) ||
      !next_sequence (store, prefix, &sequence, error))
    goto fail;
  data->number = pa_certificate_number_with_check (sequence, prefix);
  if (!pa_certificate_validate (data, &invalid))
    {
      g_set_error_literal (error, PA_STORE_ERROR, PA_STORE_ERROR_INVALID, invalid->message);
      goto fail;
    }
  snapshot = pa_certificate_data_to_snapshot (data);
  digest = pa_certificate_digest (data);
  issued_on = g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&data->issue_date),
                               g_date_get_month (&data->issue_date),
                               g_date_get_day (&data->issue_date));

  insert = pa_store_prepare (store,
                             "INSERT INTO certificate (case_id, number, issued_on, issued_by, "
                             "language, second_language, snapshot, digest) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                             error);
  if (insert == NULL)
    goto fail;
  actor = pa_store_get_actor (store);
  sqlite3_bind_int64 (insert, 1, case_id);
  sqlite3_bind_text (insert, 2, data->number, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 3, issued_on, -1, SQLITE_STATIC);
  if (actor > 0)
    sqlite3_bind_int64 (insert, 4, actor);
  sqlite3_bind_text (insert, 5, language, -1, SQLITE_STATIC);
  if (second_language != NULL)
    sqlite3_bind_text (insert, 6, second_language, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 7, snapshot, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 8, digest, -1, SQLITE_STATIC);
  if (!pa_store_step_done (store, insert, error))
    goto fail;

  /* The number is the centre's, not the participant's: it may be audited. */
  if (!pa_store_audit (store, "certificate.issue", case_id, "certificate", data->number, error) ||
      !pa_store_commit (store, error))
    goto fail;
  pa_store_emit_case_changed (store, case_id);

  issued = g_new0 (PaIssuedCertificate, 1);
  issued->id = sqlite3_last_insert_rowid (pa_store_get_db (store));
  issued->case_id = case_id;
  issued->number = g_strdup (data->number);
  issued->issued_on = g_steal_pointer (&issued_on);
  issued->issued_by = actor;
  issued->language = g_strdup (language);
  issued->second_language = g_strdup (second_language);
  issued->snapshot = g_steal_pointer (&snapshot);
  issued->digest = g_steal_pointer (&digest);
  return issued;

fail:
  pa_store_rollback (store);
  return NULL;
}

/**
 * pa_store_certificate_get:
 * @number: a certificate number
 *
 * Returns: (transfer full): the certificate, or %NULL with
 * %PA_STORE_ERROR_NOT_FOUND.
 */
PaIssuedCertificate *
pa_store_certificate_get (PaStore     *store,
                          const char  *number,
                          GError     **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (PA_IS_STORE (store), NULL);
  g_return_val_if_fail (number != NULL, NULL);

  stmt = pa_store_prepare (store, "SELECT " CERTIFICATE_COLUMNS " FROM certificate "
                                  "WHERE number = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, number, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return certificate_from_row (stmt);
  if (rc == SQLITE_DONE)
    g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_NOT_FOUND,
                 _("There is no certificate number “%s”."), number);
  else
    pa_store_set_error (store, rc, error);
  return NULL;
}

static GPtrArray *
select_certificates (PaStore      *store,
                     const char   *sql,
                     gint64        case_id,
                     const char   *language,
                     const char   *second_language,
                     GError      **error)
{
  g_autoptr (sqlite3_stmt) stmt = pa_store_prepare (store, sql, error);
  g_autoptr (GPtrArray) list = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, case_id);
  if (language != NULL)
    sqlite3_bind_text (stmt, 2, language, -1, SQLITE_STATIC);
  if (second_language != NULL)
    sqlite3_bind_text (stmt, 3, second_language, -1, SQLITE_STATIC);
  list = g_ptr_array_new_with_free_func ((GDestroyNotify) pa_issued_certificate_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, certificate_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      pa_store_set_error (store, rc, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

/**
 * pa_store_certificate_list_for_case:
 *
 * Returns: (transfer container): the case's certificates, oldest first.
 */
GPtrArray *
pa_store_certificate_list_for_case (PaStore  *store,
                                    gint64    case_id,
                                    GError  **error)
{
  g_return_val_if_fail (PA_IS_STORE (store), NULL);
  return select_certificates (store,
                              "SELECT " CERTIFICATE_COLUMNS " FROM certificate "
                              "WHERE case_id = ? ORDER BY id",
                              case_id, NULL, NULL, error);
}

/**
 * pa_store_certificate_find_latest:
 * @second_language: (nullable): the second language, or %NULL for a
 *   certificate in one language
 *
 * Returns: (transfer full) (nullable): the case's latest certificate in these
 * languages that is not revoked, or %NULL (with @error set only on failure).
 */
PaIssuedCertificate *
pa_store_certificate_find_latest (PaStore     *store,
                                  gint64       case_id,
                                  const char  *language,
                                  const char  *second_language,
                                  GError     **error)
{
  g_autoptr (GPtrArray) list = NULL;

  g_return_val_if_fail (PA_IS_STORE (store), NULL);
  g_return_val_if_fail (language != NULL, NULL);

  if (second_language != NULL && *second_language == '\0')
    second_language = NULL;
  list = select_certificates (store,
                              "SELECT " CERTIFICATE_COLUMNS " FROM certificate "
                              "WHERE case_id = ?1 AND language = ?2 "
                              "AND second_language IS ?3 AND revoked_on IS NULL "
                              "ORDER BY id DESC LIMIT 1",
                              case_id, language, second_language, error);
  if (list == NULL || list->len == 0)
    return NULL;
  return g_ptr_array_steal_index (list, 0);
}

/**
 * pa_store_certificate_revoke:
 * @number: the certificate's number
 * @reason: why, printed on the certificate from now on (required)
 *
 * Marks a certificate as no longer valid; its content is kept. One
 * transaction with an audit row; %PA_STORE_ERROR_NOT_FOUND for an unknown
 * number, %PA_STORE_ERROR_INVALID when it is already revoked or the reason is
 * missing.
 */
gboolean
pa_store_certificate_revoke (PaStore     *store,
                             const char  *number,
                             const char  *reason,
                             GError     **error)
{
  g_autoptr (PaIssuedCertificate) issued = NULL;
  g_autoptr (sqlite3_stmt) update = NULL;
  g_autofree char *now = pa_now_utc ();
  g_autofree char *trimmed = NULL;

  g_return_val_if_fail (PA_IS_STORE (store), FALSE);
  g_return_val_if_fail (number != NULL, FALSE);

  if (reason != NULL && g_utf8_validate (reason, -1, NULL))
    trimmed = g_strstrip (g_strdup (reason));
  else
    trimmed = g_strdup (reason);
  if (!pa_check_text (N_("Reason for revocation"), trimmed, TRUE, REASON_MAX, error))
    return FALSE;

  if (!pa_store_begin (store, error))
    return FALSE;
  issued = pa_store_certificate_get (store, number, error);
  if (issued == NULL)
    goto fail;
  if (issued->revoked_on != NULL)
    {
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_INVALID,
                   _("Certificate %s is already revoked (%s)."), number, issued->revoked_on);
      goto fail;
    }
  update = pa_store_prepare (store,
                             "UPDATE certificate SET revoked_on = ?, revoked_reason = ? "
                             "WHERE id = ?",
                             error);
  if (update == NULL)
    goto fail;
  sqlite3_bind_text (update, 1, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (update, 2, trimmed, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (update, 3, issued->id);
  /* The reason may name the participant: it stays out of the audit row. */
  if (!pa_store_step_done (store, update, error) ||
      !pa_store_audit (store, "certificate.revoke", issued->case_id, "certificate",
                       issued->number, error) ||
      !pa_store_commit (store, error))
    goto fail;
  pa_store_emit_case_changed (store, issued->case_id);
  return TRUE;

fail:
  pa_store_rollback (store);
  return FALSE;
}
