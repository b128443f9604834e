/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pa-case-json"

#include "config.h"

#include "pa-case-json.h"
#include "pa-case.h"
#include "pa-store-cases.h"

/* A case as JSON, for `passerelle-cli case show --format json` and scripts. */

static void
add_string (JsonBuilder *builder,
            const char  *member,
            const char  *value)
{
  json_builder_set_member_name (builder, member);
  if (value == NULL)
    json_builder_add_null_value (builder);
  else
    json_builder_add_string_value (builder, value);
}

static void
add_identity (JsonBuilder *builder,
              PaCase      *kase)
{
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, pa_case_get_id (kase));
  add_string (builder, "code", pa_case_get_code (kase));
  add_string (builder, "given_name", pa_case_get_given_name (kase));
  add_string (builder, "family_name", pa_case_get_family_name (kase));
  add_string (builder, "gender", pa_case_get_gender (kase));
  json_builder_set_member_name (builder, "birth_year");
  if (pa_case_get_birth_year (kase) > 0)
    json_builder_add_int_value (builder, pa_case_get_birth_year (kase));
  else
    json_builder_add_null_value (builder);
  add_string (builder, "origin_country", pa_case_get_origin_country (kase));
  add_string (builder, "arrival_date", pa_case_get_arrival_date (kase));
  add_string (builder, "created_at", pa_case_get_created_at (kase));
  add_string (builder, "updated_at", pa_case_get_updated_at (kase));
  add_string (builder, "trashed_at", pa_case_get_trashed_at (kase));
  json_builder_set_member_name (builder, "claims");
  json_builder_add_int_value (builder, pa_case_get_n_claims (kase));
  json_builder_set_member_name (builder, "certified");
  json_builder_add_int_value (builder, pa_case_get_n_certified (kase));
}

/* Returns: (transfer full): the case's list entry as a JSON object. */
JsonNode *
pa_case_summary_to_json (PaCase *kase)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (PA_IS_CASE (kase), NULL);

  json_builder_begin_object (builder);
  add_identity (builder, kase);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/**
 * pa_case_to_json:
 *
 * Returns: (transfer full): the whole case as a JSON object, or %NULL with
 * @error set.
 */
JsonNode *
pa_case_to_json (PaStore  *store,
                 gint64    case_id,
                 GError  **error)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (PaCase) kase = NULL;

  g_return_val_if_fail (PA_IS_STORE (store), NULL);

  kase = pa_store_case_get (store, case_id, error);
  if (kase == NULL)
    return NULL;

  json_builder_begin_object (builder);
  add_identity (builder, kase);
  add_string (builder, "contact", pa_case_get_contact (kase));
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}
