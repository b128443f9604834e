/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "passerelle-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>

#include "pa-cli.h"
#include "pa-cohort.h"
#include "pa-gaps.h"
#include "pa-labour.h"
#include "pa-mapper-store.h"
#include "pa-store-cases.h"
#include "pa-suggest.h"

/* match, match-skills, gaps, cohort, vacancy: the mapping engine. */

typedef struct
{
  PaStore *store;
  PaMapper *mapper;
  GHashTable *shortage;   /* occupation URIs in shortage in the region, or NULL */
  const char *lang;
} MatchContext;

static void
match_context_clear (MatchContext *ctx)
{
  g_clear_object (&ctx->mapper);
  g_clear_object (&ctx->store);
  g_clear_pointer (&ctx->shortage, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (MatchContext, match_context_clear)

static gboolean
match_context_open (MatchContext  *ctx,
                    PaCliGlobal   *global,
                    const char    *region,
                    GError       **error)
{
  ctx->store = pa_cli_open_store (global, error);
  if (ctx->store == NULL)
    return FALSE;
  ctx->mapper = pa_mapper_new_from_store (ctx->store, error);
  if (ctx->mapper == NULL)
    return FALSE;
  if (pa_mapper_get_n_occupations (ctx->mapper) == 0)
    {
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_NOT_FOUND,
                   _("No occupations are known yet: import ESCO first (passerelle-cli esco import PATH)."));
      return FALSE;
    }
  if (region != NULL)
    {
      g_autoptr (PaShortageList) list = pa_store_shortage_get (ctx->store, region, error);
      if (list == NULL)
        return FALSE;
      ctx->shortage = pa_store_shortage_set (ctx->store, region, error);
      if (ctx->shortage == NULL)
        return FALSE;
    }
  else
    {
      /* The centre's own region, chosen in the preferences, flags by default. */
      g_autofree char *own = pa_store_get_setting (ctx->store, "centre.region");
      if (own != NULL && *own != '\0')
        ctx->shortage = pa_store_shortage_set (ctx->store, own, NULL);
    }
  return TRUE;
}

/* Returns: the case's id, or 0 with @error set. */
static gint64
find_case (MatchContext  *ctx,
           const char    *id_or_code,
           GError       **error)
{
  gint64 case_id = pa_store_case_find (ctx->store, id_or_code);

  if (case_id == 0)
    g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_NOT_FOUND, _("There is no case “%s”."), id_or_code);
  return case_id;
}

static char *
label_of (MatchContext *ctx,
          const char   *uri)
{
  char *label = pa_concept_label (ctx->store, uri, ctx->lang);
  return label ? label : g_strdup (uri);
}

static gboolean
in_shortage (MatchContext *ctx,
             guint         occupation)
{
  const char *uri = pa_mapper_get_occupation_uri (ctx->mapper, occupation);
  const char *isco = pa_mapper_get_occupation_isco (ctx->mapper, occupation);
  g_autofree char *isco_uri = NULL;

  if (ctx->shortage == NULL)
    return FALSE;
  if (g_hash_table_contains (ctx->shortage, uri))
    return TRUE;
  /* A list may name a whole ISCO unit group. */
  if (isco == NULL)
    return FALSE;
  isco_uri = g_strconcat ("http://data.europa.eu/esco/isco/C", isco, NULL);
  return g_hash_table_contains (ctx->shortage, isco_uri);
}

static JsonNode *
skills_json (MatchContext *ctx,
             GArray       *skills,
             gboolean      matched)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();

  json_builder_begin_array (b);
  for (guint i = 0; i < skills->len; i++)
    {
      guint skill = matched ? g_array_index (skills, PaMatchedSkill, i).skill : g_array_index (skills, guint, i);
      const char *uri = pa_mapper_get_skill_uri (ctx->mapper, skill);
      g_autofree char *label = label_of (ctx, uri);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "uri");
      json_builder_add_string_value (b, uri);
      json_builder_set_member_name (b, "label");
      json_builder_add_string_value (b, label);
      if (matched)
        {
          const PaMatchedSkill *m = &g_array_index (skills, PaMatchedSkill, i);
          json_builder_set_member_name (b, "essential");
          json_builder_add_boolean_value (b, m->essential);
          json_builder_set_member_name (b, "kind");
          json_builder_add_string_value (b, m->kind == PA_MATCH_DIRECT ? "direct" : "related");
          json_builder_set_member_name (b, "credit");
          json_builder_add_double_value (b, m->credit);
          if (m->kind == PA_MATCH_RELATED)
            {
              json_builder_set_member_name (b, "via");
              json_builder_add_string_value (b, pa_mapper_get_skill_uri (ctx->mapper, m->via_skill));
            }
        }
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  return json_builder_get_root (b);
}

static void
print_matches (MatchContext *ctx,
               GPtrArray    *matches,
               gboolean      json,
               gboolean      only_shortage)
{
  if (json)
    {
      g_autoptr (JsonBuilder) b = json_builder_new ();
      g_autoptr (JsonNode) root = NULL;
      guint rank = 0;

      json_builder_begin_array (b);
      for (guint i = 0; i < matches->len; i++)
        {
          PaMatch *m = g_ptr_array_index (matches, i);
          const char *uri = pa_mapper_get_occupation_uri (ctx->mapper, m->occupation);
          const char *isco = pa_mapper_get_occupation_isco (ctx->mapper, m->occupation);
          g_autofree char *label = label_of (ctx, uri);
          gboolean shortage = in_shortage (ctx, m->occupation);

          if (only_shortage && !shortage)
            continue;
          json_builder_begin_object (b);
          json_builder_set_member_name (b, "rank");
          json_builder_add_int_value (b, ++rank);
          json_builder_set_member_name (b, "uri");
          json_builder_add_string_value (b, uri);
          json_builder_set_member_name (b, "label");
          json_builder_add_string_value (b, label);
          json_builder_set_member_name (b, "isco");
          if (isco)
            json_builder_add_string_value (b, isco);
          else
            json_builder_add_null_value (b);
          json_builder_set_member_name (b, "score");
          json_builder_add_double_value (b, round (m->score * 100.0) / 100.0);
          json_builder_set_member_name (b, "essential_covered");
          json_builder_add_int_value (b, m->n_essential_direct);
          json_builder_set_member_name (b, "essential_total");
          json_builder_add_int_value (b, m->n_essential);
          json_builder_set_member_name (b, "shortage");
          json_builder_add_boolean_value (b, shortage);
          json_builder_set_member_name (b, "matched");
          json_builder_add_value (b, skills_json (ctx, m->matched, TRUE));
          json_builder_set_member_name (b, "missing");
          json_builder_add_value (b, skills_json (ctx, m->missing, FALSE));
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      root = json_builder_get_root (b);
      pa_cli_print_json (root);
      return;
    }

  printf ("rank\tscore\tessential\tisco\tshortage\toccupation\turi\tmissing\n");
  for (guint i = 0, rank = 0; i < matches->len; i++)
    {
      PaMatch *m = g_ptr_array_index (matches, i);
      const char *uri = pa_mapper_get_occupation_uri (ctx->mapper, m->occupation);
      const char *isco = pa_mapper_get_occupation_isco (ctx->mapper, m->occupation);
      g_autofree char *label = label_of (ctx, uri);
      g_autoptr (GString) missing = g_string_new (NULL);
      gboolean shortage = in_shortage (ctx, m->occupation);

      if (only_shortage && !shortage)
        continue;
      for (guint k = 0; k < m->missing->len; k++)
        {
          g_autofree char *skill = label_of (ctx, pa_mapper_get_skill_uri (ctx->mapper, g_array_index (m->missing, guint, k)));
          g_string_append_printf (missing, "%s%s", k ? "; " : "", skill);
        }
      printf ("%u\t%.2f\t%u/%u\t%s\t%s\t%s\t%s\t%s\n", ++rank, m->score, m->n_essential_direct,
              m->n_essential, isco ? isco : "", shortage ? "yes" : "", label, uri, missing->str);
    }
}

int
pa_cli_cmd_match (PaCliGlobal  *global,
                  int           argc,
                  char        **argv)
{
  int limit = 10;
  g_autofree char *region = NULL;
  g_autofree char *format = NULL;
  g_autofree char *lang = NULL;
  gboolean only_shortage = FALSE;
  gboolean boost = FALSE;
  const GOptionEntry entries[] = {
    { "limit", 'n', 0, G_OPTION_ARG_INT, &limit, N_("Show at most N occupations (default 10)"), N_("N") },
    { "region", 'r', 0, G_OPTION_ARG_STRING, &region, N_("Flag the occupations in shortage in REGION"), N_("REGION") },
    { "shortage-only", 0, 0, G_OPTION_ARG_NONE, &only_shortage, N_("Only occupations in shortage in the region"), NULL },
    { "boost", 0, 0, G_OPTION_ARG_NONE, &boost, N_("Rank occupations in shortage as if they scored 10 points more"), NULL },
    { "lang", 'l', 0, G_OPTION_ARG_STRING, &lang, N_("Labels in this language (default en)"), N_("LANG") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, N_("Output format: tsv (default) or json"), N_("FORMAT") },
    { NULL }
  };
  g_autoptr (GOptionContext) context = g_option_context_new (_("CASE"));
  g_auto (MatchContext) ctx = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) claims = NULL;
  g_autoptr (GPtrArray) matches = NULL;
  int status = PA_CLI_OK;
  gboolean json;
  gint64 case_id;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _("Rank the occupations for a case, each with its "
                                           "explanation: skills matched and essential skills missing."));
  if (!pa_cli_parse (context, "match", &argc, &argv, &status))
    return status;
  if (argc != 2)
    return pa_cli_usage_error ("match", "%s", _("Name one case"));
  if (limit < 0)
    return pa_cli_usage_error ("match", "%s", _("--limit must be positive"));
  if ((only_shortage || boost) && region == NULL)
    return pa_cli_usage_error ("match", "%s", _("--shortage-only and --boost need --region"));
  json = pa_cli_format_is_json ("match", format, &status);
  if (status != PA_CLI_OK)
    return status;
  ctx.lang = lang;

  if (!match_context_open (&ctx, global, region, &error))
    return pa_cli_fail (error);
  case_id = find_case (&ctx, argv[1], &error);
  if (case_id == 0)
    return pa_cli_fail (error);
  claims = pa_mapper_case_claims (ctx.mapper, ctx.store, case_id, &error);
  if (claims == NULL)
    return pa_cli_fail (error);
  matches = pa_mapper_match (ctx.mapper, (PaMapperClaim *) (gpointer) claims->data, claims->len,
                             only_shortage || boost ? 0 : (guint) limit);
  if (boost)
    {
      /* Insertion by boosted score keeps the engine's order among equals. */
      g_autoptr (GPtrArray) boosted = g_ptr_array_new_with_free_func ((GDestroyNotify) pa_match_free);
      g_autoptr (GArray) keys = g_array_new (FALSE, FALSE, sizeof (double));

      while (matches->len > 0)
        {
          PaMatch *m = g_ptr_array_steal_index (matches, 0);
          double key = m->score + (in_shortage (&ctx, m->occupation) ? 10.0 : 0.0);
          guint at = boosted->len;

          while (at > 0 && g_array_index (keys, double, at - 1) < key)
            at--;
          g_ptr_array_insert (boosted, at, m);
          g_array_insert_val (keys, at, key);
        }
      if (boosted->len > (guint) limit)
        g_ptr_array_set_size (boosted, limit);
      g_ptr_array_unref (matches);
      matches = g_steal_pointer (&boosted);
    }
  if (only_shortage)
    {
      g_autoptr (GPtrArray) kept = g_ptr_array_new_with_free_func ((GDestroyNotify) pa_match_free);
      for (guint i = 0; i < matches->len && kept->len < (guint) limit; i++)
        if (in_shortage (&ctx, ((PaMatch *) g_ptr_array_index (matches, i))->occupation))
          g_ptr_array_add (kept, g_ptr_array_steal_index (matches, i--));
      g_ptr_array_unref (matches);
      matches = g_steal_pointer (&kept);
    }
  print_matches (&ctx, matches, json, FALSE);
  return PA_CLI_OK;
}

int
pa_cli_cmd_match_skills (PaCliGlobal  *global,
                         int           argc,
                         char        **argv)
{
  int limit = 10;
  g_autofree char *format = NULL;
  g_autofree char *lang = NULL;
  g_autofree char *region = NULL;
  const GOptionEntry entries[] = {
    { "limit", 'n', 0, G_OPTION_ARG_INT, &limit, N_("Show at most N occupations (default 10)"), N_("N") },
    { "region", 'r', 0, G_OPTION_ARG_STRING, &region, N_("Flag the occupations in shortage in REGION"), N_("REGION") },
    { "lang", 'l', 0, G_OPTION_ARG_STRING, &lang, N_("Labels in this language (default en)"), N_("LANG") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, N_("Output format: tsv (default) or json"), N_("FORMAT") },
    { NULL }
  };
  g_autoptr (GOptionContext) context = g_option_context_new (_("URI…"));
  g_auto (MatchContext) ctx = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) claims = g_array_new (FALSE, FALSE, sizeof (PaMapperClaim));
  g_autoptr (GPtrArray) matches = NULL;
  int status = PA_CLI_OK;
  gboolean json;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _("Rank the occupations for a set of skills given by their "
                                           "URIs, each counted as certified (a vacancy profile, a test)."));
  if (!pa_cli_parse (context, "match-skills", &argc, &argv, &status))
    return status;
  if (argc < 2)
    return pa_cli_usage_error ("match-skills", "%s", _("Name at least one skill URI"));
  if (limit < 0)
    return pa_cli_usage_error ("match-skills", "%s", _("--limit must be positive"));
  json = pa_cli_format_is_json ("match-skills", format, &status);
  if (status != PA_CLI_OK)
    return status;
  ctx.lang = lang;

  if (!match_context_open (&ctx, global, region, &error))
    return pa_cli_fail (error);
  for (int i = 1; i < argc; i++)
    {
      PaMapperClaim claim = { 0, PA_STAGE_CERTIFIED, 1.0 };
      if (!pa_mapper_lookup_skill (ctx.mapper, argv[i], &claim.skill))
        {
          g_set_error (&error, PA_STORE_ERROR, PA_STORE_ERROR_NOT_FOUND,
                       _("“%s” is not a skill of the imported frameworks."), argv[i]);
          return pa_cli_fail (error);
        }
      g_array_append_val (claims, claim);
    }
  matches = pa_mapper_match (ctx.mapper, (PaMapperClaim *) (gpointer) claims->data, claims->len, (guint) limit);
  print_matches (&ctx, matches, json, FALSE);
  return PA_CLI_OK;
}

int
pa_cli_cmd_gaps (PaCliGlobal  *global,
                 int           argc,
                 char        **argv)
{
  g_autofree char *occupation = NULL;
  g_autofree char *lang = NULL;
  g_autofree char *format = NULL;
  gboolean add = FALSE;
  const GOptionEntry entries[] = {
    { "occupation", 'o', 0, G_OPTION_ARG_STRING, &occupation, N_("The target occupation's URI"), N_("URI") },
    { "add-to-plan", 0, 0, G_OPTION_ARG_NONE, &add, N_("Add the first module for each gap to the case's plan"), NULL },
    { "lang", 'l', 0, G_OPTION_ARG_STRING, &lang, N_("Labels in this language (default en)"), N_("LANG") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, N_("Output format: tsv (default) or json"), N_("FORMAT") },
    { NULL }
  };
  g_autoptr (GOptionContext) context = g_option_context_new (_("CASE"));
  g_auto (MatchContext) ctx = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) gaps = NULL;
  int status = PA_CLI_OK;
  gboolean json;
  gint64 case_id;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _("List the essential skills of a target occupation that the "
                                           "case lacks, with the catalogue modules that develop them."));
  if (!pa_cli_parse (context, "gaps", &argc, &argv, &status))
    return status;
  if (argc != 2 || occupation == NULL)
    return pa_cli_usage_error ("gaps", "%s", _("Name one case and --occupation URI"));
  json = pa_cli_format_is_json ("gaps", format, &status);
  if (status != PA_CLI_OK)
    return status;
  ctx.lang = lang;

  if (!match_context_open (&ctx, global, NULL, &error))
    return pa_cli_fail (error);
  case_id = find_case (&ctx, argv[1], &error);
  if (case_id == 0)
    return pa_cli_fail (error);
  gaps = pa_gaps_for_occupation (ctx.store, ctx.mapper, case_id, occupation, lang, &error);
  if (gaps == NULL)
    return pa_cli_fail (error);

  if (add)
    for (guint i = 0; i < gaps->len; i++)
      {
        PaGap *gap = g_ptr_array_index (gaps, i);
        if (gap->modules->len == 0)
          continue;
        if (!pa_store_plan_add_module (ctx.store, case_id,
                                       ((PaModule *) g_ptr_array_index (gap->modules, 0))->id,
                                       gap->skill_uri, NULL, &error))
          return pa_cli_fail (error);
      }

  if (json)
    {
      g_autoptr (JsonBuilder) b = json_builder_new ();
      g_autoptr (JsonNode) root = NULL;

      json_builder_begin_array (b);
      for (guint i = 0; i < gaps->len; i++)
        {
          PaGap *gap = g_ptr_array_index (gaps, i);
          json_builder_begin_object (b);
          json_builder_set_member_name (b, "skill");
          json_builder_add_string_value (b, gap->skill_uri);
          json_builder_set_member_name (b, "label");
          json_builder_add_string_value (b, gap->label);
          json_builder_set_member_name (b, "modules");
          json_builder_begin_array (b);
          for (guint k = 0; k < gap->modules->len; k++)
            json_builder_add_string_value (b, ((PaModule *) g_ptr_array_index (gap->modules, k))->code);
          json_builder_end_array (b);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      root = json_builder_get_root (b);
      pa_cli_print_json (root);
      return PA_CLI_OK;
    }
  printf ("skill\turi\tmodules\n");
  for (guint i = 0; i < gaps->len; i++)
    {
      PaGap *gap = g_ptr_array_index (gaps, i);
      g_autoptr (GString) modules = g_string_new (NULL);
      for (guint k = 0; k < gap->modules->len; k++)
        {
          PaModule *m = g_ptr_array_index (gap->modules, k);
          g_string_append_printf (modules, "%s%s %s", k ? "; " : "", m->code, m->title);
        }
      printf ("%s\t%s\t%s\n", gap->label, gap->skill_uri, modules->str);
    }
  return PA_CLI_OK;
}

int
pa_cli_cmd_cohort (PaCliGlobal  *global,
                   int           argc,
                   char        **argv)
{
  g_autofree char *lang = NULL;
  g_autofree char *format = NULL;
  int top = 5;
  const GOptionEntry entries[] = {
    { "top", 0, 0, G_OPTION_ARG_INT, &top, N_("Count each participant's N best occupations (default 5)"), N_("N") },
    { "lang", 'l', 0, G_OPTION_ARG_STRING, &lang, N_("Labels in this language (default en)"), N_("LANG") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, N_("Output format: tsv (default) or json"), N_("FORMAT") },
    { NULL }
  };
  g_autoptr (GOptionContext) context = g_option_context_new (_("SEMINAR"));
  g_autoptr (PaStore) store = NULL;
  g_autoptr (PaMapper) mapper = NULL;
  g_autoptr (PaCohort) cohort = NULL;
  g_autoptr (GError) error = NULL;
  int status = PA_CLI_OK;
  guint64 seminar;
  gboolean json;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _("The competences of a seminar group: claims per skill and "
                                           "per framework area, and the occupations most matched."));
  if (!pa_cli_parse (context, "cohort", &argc, &argv, &status))
    return status;
  if (argc != 2 || !g_ascii_string_to_unsigned (argv[1], 10, 1, G_MAXINT64, &seminar, NULL))
    return pa_cli_usage_error ("cohort", "%s", _("Name one seminar by its number"));
  json = pa_cli_format_is_json ("cohort", format, &status);
  if (status != PA_CLI_OK)
    return status;

  store = pa_cli_open_store (global, &error);
  if (store == NULL)
    return pa_cli_fail (error);
  mapper = pa_mapper_new_from_store (store, &error);
  if (mapper == NULL)
    return pa_cli_fail (error);
  cohort = pa_cohort_build (store, mapper, (gint64) seminar, lang, (guint) MAX (top, 0), &error);
  if (cohort == NULL)
    return pa_cli_fail (error);

  if (json)
    {
      g_autoptr (JsonBuilder) b = json_builder_new ();
      g_autoptr (JsonNode) root = NULL;
      GPtrArray *lists[] = { cohort->by_area, cohort->by_skill };
      const char *names[] = { "areas", "skills" };

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "participants");
      json_builder_add_int_value (b, cohort->n_people);
      for (guint l = 0; l < 2; l++)
        {
          json_builder_set_member_name (b, names[l]);
          json_builder_begin_array (b);
          for (guint i = 0; i < lists[l]->len; i++)
            {
              PaCohortCount *c = g_ptr_array_index (lists[l], i);
              json_builder_begin_object (b);
              json_builder_set_member_name (b, "key");
              json_builder_add_string_value (b, c->key);
              json_builder_set_member_name (b, "label");
              json_builder_add_string_value (b, c->label);
              json_builder_set_member_name (b, "people");
              json_builder_add_int_value (b, c->n_people);
              json_builder_set_member_name (b, "claims");
              json_builder_add_int_value (b, c->n_claims);
              json_builder_set_member_name (b, "by_stage");
              json_builder_begin_array (b);
              for (int s = 1; s <= 4; s++)
                json_builder_add_int_value (b, c->by_stage[s]);
              json_builder_end_array (b);
              json_builder_end_object (b);
            }
          json_builder_end_array (b);
        }
      json_builder_set_member_name (b, "occupations");
      json_builder_begin_array (b);
      for (guint i = 0; i < cohort->occupations->len; i++)
        {
          PaCohortOccupation *o = g_ptr_array_index (cohort->occupations, i);
          json_builder_begin_object (b);
          json_builder_set_member_name (b, "uri");
          json_builder_add_string_value (b, o->occupation_uri);
          json_builder_set_member_name (b, "label");
          json_builder_add_string_value (b, o->label);
          json_builder_set_member_name (b, "people");
          json_builder_add_int_value (b, o->n_people);
          json_builder_set_member_name (b, "mean_score");
          json_builder_add_double_value (b, round (o->mean_score * 100.0) / 100.0);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      json_builder_end_object (b);
      root = json_builder_get_root (b);
      pa_cli_print_json (root);
      return PA_CLI_OK;
    }

  printf (ngettext ("%u participant\n", "%u participants\n", cohort->n_people), cohort->n_people);
  printf ("\n%s\n", _("Claims per framework area"));
  for (guint i = 0; i < cohort->by_area->len; i++)
    {
      PaCohortCount *c = g_ptr_array_index (cohort->by_area, i);
      printf ("%u\t%u\t%s\n", c->n_people, c->n_claims, c->label);
    }
  printf ("\n%s\n", _("Claims per skill"));
  for (guint i = 0; i < cohort->by_skill->len; i++)
    {
      PaCohortCount *c = g_ptr_array_index (cohort->by_skill, i);
      printf ("%u\t%u\t%s\n", c->n_people, c->n_claims, c->label);
    }
  printf ("\n%s\n", _("Occupations most matched"));
  for (guint i = 0; i < cohort->occupations->len; i++)
    {
      PaCohortOccupation *o = g_ptr_array_index (cohort->occupations, i);
      printf ("%u\t%.1f\t%s\n", o->n_people, o->mean_score, o->label);
    }
  return PA_CLI_OK;
}

int
pa_cli_cmd_suggest (PaCliGlobal  *global,
                    int           argc,
                    char        **argv)
{
  int limit = 20;
  g_autofree char *lang = NULL;
  g_autofree char *format = NULL;
  g_autofree char *reject = NULL;
  const GOptionEntry entries[] = {
    { "limit", 'n', 0, G_OPTION_ARG_INT, &limit, N_("Show at most N suggestions (default 20)"), N_("N") },
    { "reject", 0, 0, G_OPTION_ARG_STRING, &reject, N_("Mark the skill URI as not relevant for the case"), N_("URI") },
    { "lang", 'l', 0, G_OPTION_ARG_STRING, &lang, N_("Labels in this language (default en)"), N_("LANG") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, N_("Output format: tsv (default) or json"), N_("FORMAT") },
    { NULL }
  };
  g_autoptr (GOptionContext) context = g_option_context_new (_("CASE"));
  g_auto (MatchContext) ctx = { 0 };
  g_autoptr (PaFrameworkSearch) search = NULL;
  g_autoptr (GPtrArray) suggestions = NULL;
  g_autoptr (GError) error = NULL;
  int status = PA_CLI_OK;
  gboolean json;
  gint64 case_id;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _("Suggest competences from a case's experiences, each with "
                                           "the reason it is suggested."));
  if (!pa_cli_parse (context, "suggest", &argc, &argv, &status))
    return status;
  if (argc != 2)
    return pa_cli_usage_error ("suggest", "%s", _("Name one case"));
  json = pa_cli_format_is_json ("suggest", format, &status);
  if (status != PA_CLI_OK)
    return status;
  ctx.lang = lang;

  if (!match_context_open (&ctx, global, NULL, &error))
    return pa_cli_fail (error);
  case_id = find_case (&ctx, argv[1], &error);
  if (case_id == 0)
    return pa_cli_fail (error);
  if (reject != NULL)
    {
      if (!pa_store_suggestion_reject (ctx.store, case_id, reject, &error))
        return pa_cli_fail (error);
      return PA_CLI_OK;
    }
  search = pa_framework_search_new (ctx.store);
  if (!pa_framework_search_load (search, &error))
    return pa_cli_fail (error);
  suggestions = pa_suggest_for_case (ctx.store, ctx.mapper, search, case_id, lang, (guint) MAX (limit, 0), &error);
  if (suggestions == NULL)
    return pa_cli_fail (error);

  if (json)
    {
      static const char *const sources[] = { "essential", "optional", "kind", "text" };
      g_autoptr (JsonBuilder) b = json_builder_new ();
      g_autoptr (JsonNode) root = NULL;

      json_builder_begin_array (b);
      for (guint i = 0; i < suggestions->len; i++)
        {
          PaSuggestion *s = g_ptr_array_index (suggestions, i);
          json_builder_begin_object (b);
          json_builder_set_member_name (b, "uri");
          json_builder_add_string_value (b, s->skill_uri);
          json_builder_set_member_name (b, "label");
          json_builder_add_string_value (b, s->label);
          json_builder_set_member_name (b, "source");
          json_builder_add_string_value (b, sources[s->source]);
          json_builder_set_member_name (b, "reason");
          json_builder_add_string_value (b, s->reason);
          json_builder_set_member_name (b, "experience");
          json_builder_add_int_value (b, s->experience_id);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      root = json_builder_get_root (b);
      pa_cli_print_json (root);
      return PA_CLI_OK;
    }
  printf ("skill\turi\treason\n");
  for (guint i = 0; i < suggestions->len; i++)
    {
      PaSuggestion *s = g_ptr_array_index (suggestions, i);
      printf ("%s\t%s\t%s\n", s->label, s->skill_uri, s->reason);
    }
  return PA_CLI_OK;
}
