/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pa-mapper.h"
#include "pa-store.h"

G_BEGIN_DECLS

PaMapper *pa_mapper_new_from_store   (PaStore     *store,
                                      GError     **error);
double    pa_mapper_level_factor     (const char  *level);
GArray   *pa_mapper_case_claims      (PaMapper    *mapper,
                                      PaStore     *store,
                                      gint64       case_id,
                                      GError     **error);
gboolean  pa_mapper_load_people      (PaMapper    *mapper,
                                      PaStore     *store,
                                      GArray     **people,
                                      GArray     **claims,
                                      GError     **error);

G_END_DECLS
