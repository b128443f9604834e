/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "pa-store.h"

G_BEGIN_DECLS

JsonNode *pa_case_summary_to_json (PaCase   *kase);
JsonNode *pa_case_to_json         (PaStore  *store,
                                   gint64    case_id,
                                   GError  **error);

G_END_DECLS
