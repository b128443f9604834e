/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include <json-glib/json-glib.h>

#include "pa-store.h"

G_BEGIN_DECLS

/* Exit statuses of passerelle-cli. */
#define PA_CLI_OK 0
#define PA_CLI_FAILED 1
#define PA_CLI_USAGE 2

typedef struct
{
  const char *db_path;   /* --db, or NULL for the default store */
} PaCliGlobal;

typedef int (*PaCliCommandFunc) (PaCliGlobal *global, int argc, char **argv);

typedef struct
{
  const char *name;
  const char *args;          /* usage after the name, untranslated syntax */
  const char *summary;       /* marked with N_() */
  PaCliCommandFunc func;
} PaCliCommand;

char     *pa_cli_store_path     (PaCliGlobal  *global);
PaStore  *pa_cli_open_store     (PaCliGlobal  *global,
                                 GError      **error);
PaStore  *pa_cli_open_store_for_writing (PaCliGlobal  *global,
                                         GError      **error);
char     *pa_cli_describe_backup (const char  *path);
gboolean  pa_cli_is_damaged_store (const char   *path,
                                   const GError *error);
int       pa_cli_fail           (GError       *error);
int       pa_cli_usage_error    (const char   *command,
                                 const char   *format,
                                 ...) G_GNUC_PRINTF (2, 3);
gboolean  pa_cli_parse          (GOptionContext *context,
                                 const char     *command,
                                 int            *argc,
                                 char         ***argv,
                                 int            *status);
gboolean  pa_cli_format_is_json (const char   *command,
                                 const char   *format,
                                 int          *status);
void      pa_cli_print_json     (JsonNode     *node);

int pa_cli_cmd_init    (PaCliGlobal *global, int argc, char **argv);
int pa_cli_cmd_check   (PaCliGlobal *global, int argc, char **argv);
int pa_cli_cmd_backup  (PaCliGlobal *global, int argc, char **argv);
int pa_cli_cmd_restore (PaCliGlobal *global, int argc, char **argv);
int pa_cli_cmd_backups (PaCliGlobal *global, int argc, char **argv);
int pa_cli_cmd_cases   (PaCliGlobal *global, int argc, char **argv);
int pa_cli_cmd_case    (PaCliGlobal *global, int argc, char **argv);
int pa_cli_cmd_report   (PaCliGlobal *global, int argc, char **argv);
gboolean pa_cli_report_from_store (PaCliGlobal *global, const char *name, int argc, char **argv,
                                   int *status);
int pa_cli_cmd_certificate (PaCliGlobal *global, int argc, char **argv);
int pa_cli_cmd_report_sample (PaCliGlobal *global, int argc, char **argv);
int pa_cli_cmd_bench_report  (PaCliGlobal *global, int argc, char **argv);
int pa_cli_bench_reports_from_store (int n_cases);
int pa_cli_cmd_match   (PaCliGlobal *global, int argc, char **argv);
int pa_cli_cmd_match_skills (PaCliGlobal *global, int argc, char **argv);
int pa_cli_cmd_gaps    (PaCliGlobal *global, int argc, char **argv);
int pa_cli_cmd_cohort  (PaCliGlobal *global, int argc, char **argv);
int pa_cli_cmd_seminars (PaCliGlobal *global, int argc, char **argv);
int pa_cli_cmd_seminar  (PaCliGlobal *global, int argc, char **argv);
int pa_cli_bench_match (PaCliGlobal *global, int argc, char **argv);
int pa_cli_cmd_suggest (PaCliGlobal *global, int argc, char **argv);
int pa_cli_cmd_vacancy (PaCliGlobal *global, int argc, char **argv);
int pa_cli_cmd_vacancies (PaCliGlobal *global, int argc, char **argv);
int pa_cli_cmd_catalogue (PaCliGlobal *global, int argc, char **argv);
int pa_cli_cmd_shortage (PaCliGlobal *global, int argc, char **argv);
int pa_cli_cmd_esco        (PaCliGlobal *global, int argc, char **argv);
int pa_cli_cmd_frameworks  (PaCliGlobal *global, int argc, char **argv);
int pa_cli_cmd_skills      (PaCliGlobal *global, int argc, char **argv);
int pa_cli_cmd_occupations (PaCliGlobal *global, int argc, char **argv);
int pa_cli_cmd_skill       (PaCliGlobal *global, int argc, char **argv);
int pa_cli_cmd_occupation  (PaCliGlobal *global, int argc, char **argv);

/* Folded under "bench" once the benchmarks share one command. */
int pa_cli_bench_frameworks (PaCliGlobal *global, int argc, char **argv);
int pa_cli_cmd_demo    (PaCliGlobal *global, int argc, char **argv);
int pa_cli_cmd_bench   (PaCliGlobal *global, int argc, char **argv);

G_END_DECLS
