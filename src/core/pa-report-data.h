/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "pa-certificate-data.h"
#include "pa-store.h"

G_BEGIN_DECLS

/*
 * What the reports print, gathered from the store as plain text in the
 * report's own language (not the interface's): the report library draws it
 * and knows nothing of the store. Every string is owned by its struct.
 */

/* portfolio */

typedef struct
{
  char *name;                /* "Arabic" in the report's language */
  gboolean mother_tongue;
  char *levels[5];           /* listening, reading, spoken interaction, spoken production,
                              * writing: "B1", or NULL when not assessed */
} PaPortfolioLanguage;

typedef struct
{
  char *title;
  char *institution;
  char *country;
  char *year;                /* or NULL */
  char *level;               /* ISCED level as text, or NULL */
  char *recognition;         /* or NULL */
} PaPortfolioEducation;

typedef struct
{
  char *title;
  char *kind;
  char *organisation;
  char *place;               /* "Aleppo, Syria", or NULL */
  char *dates;               /* "2015-03 – 2019-11", or NULL */
  char *tasks;
} PaPortfolioExperience;

typedef struct
{
  char *framework;
  char *label;
  char *level;               /* or NULL */
  int stage;                 /* 1 identified … 4 certified */
  char *stage_label;
  char *evidence;            /* titles of the evidence, one a line, or NULL */
} PaPortfolioCompetence;

typedef struct
{
  char *occupation;
  double score;              /* 0 … 100 */
  guint n_direct;
  guint n_essential;
  char *missing;             /* essential skills not yet claimed, "; "-separated, or NULL */
} PaPortfolioMatch;

typedef struct
{
  char *skill;
  char *modules;             /* training modules that develop it, "; "-separated, or NULL */
} PaPortfolioGap;

typedef struct
{
  char *title;
  char *kind;
  char *status;
  char *due;                 /* or NULL */
  char *goal;                /* or NULL */
} PaPortfolioAction;

typedef struct
{
  char *language;
  char *second_language;     /* or NULL; labels are then given in both */
  char *centre_name;         /* or NULL */
  GBytes *logo;              /* the centre's logo (PNG, JPEG or SVG), or NULL */
  char *participant_name;
  char *case_code;
  int birth_year;            /* 0: unknown */
  char *gender;              /* or NULL */
  char *origin;              /* or NULL */
  char *arrival;             /* or NULL */
  GPtrArray *languages;      /* PaPortfolioLanguage */
  GPtrArray *education;      /* PaPortfolioEducation */
  GPtrArray *experiences;    /* PaPortfolioExperience */
  GPtrArray *competences;    /* PaPortfolioCompetence, grouped by framework */
  GPtrArray *matches;        /* PaPortfolioMatch, best first */
  char *gaps_for;            /* the occupation the gaps are for, or NULL */
  GPtrArray *gaps;           /* PaPortfolioGap */
  GPtrArray *goals;          /* char* */
  GPtrArray *actions;        /* PaPortfolioAction */
  GDate date;                /* when it was printed */
} PaPortfolioData;

PaPortfolioData *pa_portfolio_data_new   (void);
void             pa_portfolio_data_free  (PaPortfolioData *data);
PaPortfolioData *pa_store_portfolio_build (PaStore        *store,
                                           gint64          case_id,
                                           const char     *language,
                                           const char     *second_language,
                                           GError        **error);

/* attendance sheet */

typedef enum
{
  PA_ATTENDANCE_UNKNOWN,     /* not recorded: a box to sign */
  PA_ATTENDANCE_PRESENT,
  PA_ATTENDANCE_ABSENT,
} PaAttendanceMark;

typedef struct
{
  char *language;
  char *centre_name;         /* or NULL */
  char *title;
  char *theme;               /* its name in @language, or NULL */
  char *location;            /* or NULL */
  GDate start;               /* may be invalid */
  GDate end;
  GPtrArray *sessions;       /* char*: the date, YYYY-MM-DD */
  GPtrArray *topics;         /* char*, parallel to sessions ("" when none) */
  GPtrArray *participants;   /* char*: display names, in alphabetical order */
  guint8 *marks;             /* PaAttendanceMark [participant × n_sessions + session] */
} PaAttendanceData;

PaAttendanceData *pa_attendance_data_new  (void);
void              pa_attendance_data_free (PaAttendanceData *data);
PaAttendanceData *pa_store_attendance_build (PaStore     *store,
                                             gint64       seminar_id,
                                             const char  *language,
                                             GError     **error);

/* Reports progress from 0 to 1. */
typedef void (*PaProgressFunc) (double    fraction,
                                gpointer  user_data);

GPtrArray        *pa_store_issued_certificates (PaStore       *store,
                                                const char    *number,
                                                GError       **error);
GPtrArray        *pa_store_case_certificates (PaStore        *store,
                                              gint64          case_id,
                                              const char     *language,
                                              const char     *second_language,
                                              GError        **error);
GPtrArray        *pa_store_seminar_certificates (PaStore        *store,
                                                 gint64          seminar_id,
                                                 const char     *language,
                                                 const char     *second_language,
                                                 PaProgressFunc  progress,
                                                 gpointer        user_data,
                                                 GCancellable   *cancellable,
                                                 GError        **error);

/* statistics */

/* Anonymous statistics name no group of fewer participants than this: a
 * country with fewer is counted under "Other countries", and a smaller
 * count of a gender, an age band or an occupation is withheld (hidden). */
#define PA_STATISTICS_MIN_COUNT 5

typedef struct
{
  char *label;
  guint count;               /* 0 when hidden */
  gboolean hidden;           /* fewer than PA_STATISTICS_MIN_COUNT, not 0: not told */
} PaStatCount;

typedef struct
{
  char *language;
  char *centre_name;         /* or NULL */
  GDate from;
  GDate to;
  guint n_participants;
  GPtrArray *by_country;     /* PaStatCount, largest first */
  GPtrArray *by_gender;      /* PaStatCount, in a fixed order */
  GPtrArray *by_age;         /* PaStatCount, youngest band first */
  guint claims_by_stage[5];  /* [1] identified … [4] certified */
  char *stage_labels[5];
  guint certificates_issued;
  guint certificates_revoked;
  gboolean occupations_known; /* FALSE: no occupation framework (ESCO) in the store */
  GPtrArray *occupations;    /* PaStatCount: best-matched occupations, most frequent first */
} PaStatistics;

PaStatistics     *pa_statistics_new       (void);
void              pa_statistics_free      (PaStatistics *stats);
gboolean          pa_parse_report_date    (const char   *text,
                                           GDate        *date);
PaStatistics     *pa_store_statistics_build (PaStore     *store,
                                             const GDate *from,
                                             const GDate *to,
                                             const char  *language,
                                             GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PaPortfolioData, pa_portfolio_data_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PaAttendanceData, pa_attendance_data_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PaStatistics, pa_statistics_free)

G_END_DECLS
