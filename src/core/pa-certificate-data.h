/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * What a certificate of recognised competences states: plain data, kept by
 * the store as a JSON snapshot at issue (so a reprint is identical) and drawn
 * by the report library (pa-certificate.h), which knows nothing of the store.
 */

typedef struct
{
  char *label;               /* in the certificate's language */
  char *label_second;        /* in the second language, or NULL */
  char *framework;           /* "ESCO", "CEFR", "DigComp 2.2", … */
  char *level;               /* as the framework names it: "B1", "Proficient", … */
  char *method;              /* an assessment method code (see below) or free text */
} PaCertificateCompetence;

typedef struct
{
  char *centre_name;
  char *centre_address;      /* may hold several lines */
  char *logo_path;           /* PNG, JPEG or SVG; NULL for none */
  GBytes *logo;              /* the logo itself (from the store), preferred to
                              * logo_path; not part of the snapshot */
  char *signatory_name;
  char *signatory_role;
  char *participant_name;
  int participant_birth_year; /* 0: not printed */
  char *participant_origin;  /* country of origin as text; NULL: not printed */
  GPtrArray *competences;    /* PaCertificateCompetence*, owned */
  GDate issue_date;
  char *place;               /* where it was issued (a town); NULL: not printed */
  char *number;              /* from pa_certificate_number_with_check() */
  char *language;            /* "fr", "en", "ar", … */
  char *second_language;     /* NULL: one language */
  gboolean revoked;
  char *revoked_reason;
} PaCertificateData;

/* Assessment methods the certificate names in its own language; any other
 * text is printed as given. */
#define PA_METHOD_INTERVIEW "interview"
#define PA_METHOD_OBSERVATION "observation"
#define PA_METHOD_PRACTICAL_TEST "practical-test"
#define PA_METHOD_DOCUMENT_REVIEW "document-review"
#define PA_METHOD_SIMULATION "simulation"
#define PA_METHOD_EMPLOYER_REFERENCE "employer-reference"
#define PA_METHOD_PORTFOLIO "portfolio"

#define PA_CERTIFICATE_PREFIX_MAX 10

PaCertificateData *pa_certificate_data_new        (void);
void               pa_certificate_data_free       (PaCertificateData *data);
void               pa_certificate_data_add_competence (PaCertificateData *data,
                                                   const char        *label,
                                                   const char        *label_second,
                                                   const char        *framework,
                                                   const char        *level,
                                                   const char        *method);

gboolean           pa_certificate_prefix_is_valid (const char        *prefix);
char              *pa_certificate_number_with_check (gint64           sequence,
                                                   const char        *prefix);
gboolean           pa_certificate_number_is_valid (const char        *number);
char              *pa_certificate_digest          (const PaCertificateData *data);
char              *pa_certificate_qr_text         (const PaCertificateData *data);

gboolean           pa_certificate_validate        (const PaCertificateData *data,
                                                   GError           **error);

char              *pa_certificate_data_to_snapshot   (const PaCertificateData *data);
PaCertificateData *pa_certificate_data_from_snapshot (const char   *snapshot,
                                                      GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PaCertificateData, pa_certificate_data_free)

G_END_DECLS
