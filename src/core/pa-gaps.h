/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pa-labour.h"
#include "pa-mapper.h"

G_BEGIN_DECLS

/* An essential skill of a target occupation the person lacks, and the
 * catalogue modules that develop it. */
typedef struct
{
  char *skill_uri;
  char *label;
  GPtrArray *modules;   /* PaModule */
} PaGap;

void       pa_gap_free               (PaGap       *gap);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PaGap, pa_gap_free)

GPtrArray *pa_gaps_for_occupation    (PaStore     *store,
                                      PaMapper    *mapper,
                                      gint64       case_id,
                                      const char  *occupation_uri,
                                      const char  *lang,
                                      GError     **error);
gboolean   pa_store_plan_add_module  (PaStore     *store,
                                      gint64       case_id,
                                      gint64       module_id,
                                      const char  *skill_uri,
                                      gint64      *action_id,
                                      GError     **error);

G_END_DECLS
