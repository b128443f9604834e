/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pa-certificate-data.h"
#include "pa-store.h"

G_BEGIN_DECLS

/* Certificates issued by the centre. At issue the store keeps a snapshot of
 * everything the certificate states (JSON) and its digest, so that a reprint
 * draws the same page from the same text, whatever changed in the case since;
 * only the revocation is added to it later. */

typedef struct
{
  gint64 id;
  gint64 case_id;
  char *number;            /* "PA-000042-7K" */
  char *issued_on;         /* YYYY-MM-DD */
  gint64 issued_by;        /* actor, or 0 */
  char *language;
  char *second_language;   /* or NULL */
  char *snapshot;          /* JSON, see pa_certificate_data_from_snapshot() */
  char *digest;            /* pa_certificate_digest() of the snapshot */
  char *revoked_on;        /* UTC timestamp, or NULL while valid */
  char *revoked_reason;
} PaIssuedCertificate;

/* Settings the certificate is drawn from (the preferences window edits the
 * centre's identity). */
#define PA_SETTING_CENTRE_NAME "centre.name"
#define PA_SETTING_CENTRE_ADDRESS "centre.address"
#define PA_SETTING_CENTRE_LOGO "centre.logo"
#define PA_SETTING_CENTRE_PLACE "centre.place"
#define PA_SETTING_SIGNATORY_NAME "centre.signatory-name"
#define PA_SETTING_SIGNATORY_ROLE "centre.signatory-role"
#define PA_SETTING_CERTIFICATE_PREFIX "certificate.prefix"
#define PA_CERTIFICATE_DEFAULT_PREFIX "PA"

void                 pa_issued_certificate_free (PaIssuedCertificate *self);

PaCertificateData   *pa_issued_certificate_get_data    (const PaIssuedCertificate *self,
                                                        GError      **error);

PaCertificateData   *pa_store_certificate_get_data (PaStore                   *store,
                                                   const PaIssuedCertificate *issued,
                                                   GError                   **error);
PaCertificateData   *pa_store_certificate_build   (PaStore      *store,
                                                   gint64        case_id,
                                                   const char   *language,
                                                   const char   *second_language,
                                                   GError      **error);
PaIssuedCertificate *pa_store_certificate_issue   (PaStore      *store,
                                                   gint64        case_id,
                                                   const char   *language,
                                                   const char   *second_language,
                                                   GError      **error);
PaIssuedCertificate *pa_store_certificate_get     (PaStore      *store,
                                                   const char   *number,
                                                   GError      **error);
GPtrArray           *pa_store_certificate_list_for_case (PaStore  *store,
                                                   gint64        case_id,
                                                   GError      **error);
PaIssuedCertificate *pa_store_certificate_find_latest (PaStore  *store,
                                                   gint64        case_id,
                                                   const char   *language,
                                                   const char   *second_language,
                                                   GError      **error);
gboolean             pa_store_certificate_revoke  (PaStore      *store,
                                                   const char   *number,
                                                   const char   *reason,
                                                   GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PaIssuedCertificate, pa_issued_certificate_free)

G_END_DECLS
