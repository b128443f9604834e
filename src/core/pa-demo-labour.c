/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pa-demo"

#include "config.h"

#include "pa-demo-private.h"
#include "pa-labour.h"
#include "pa-store-cases.h"
#include "pa-store-private.h"

/* The demonstration centre's labour-market side: its training catalogue,
 * two vacancies from employers it works with and the shortage occupations
 * of its region. Employers and figures are FICTIONAL. Competences are
 * mostly the ESCO transversal skills and DigComp competences of the built-in
 * frameworks, so catalogue, vacancies and matching work before any ESCO
 * import; the few ESCO skills named are ones the demo participants claim.
 * Occupations are ISCO-08 unit groups, which the built-in frameworks name. */

#define SKILL(id) "http://data.europa.eu/esco/skill/" id
#define ISCO(code) "http://data.europa.eu/esco/isco/C" code

/* DigComp 2.2 competences (built-in framework "digcomp", linked to ESCO) */
#define D_BROWSING SKILL ("e439742d-558d-4f52-885e-afdc740b48cf")
#define D_INTERACTING SKILL ("a12057b4-6d11-4a12-ab8e-15a028ef0a6d")
#define D_CONTENT SKILL ("5fd5c985-eaaa-47aa-8314-62359c54505a")
#define D_PRIVACY SKILL ("33a82b83-c838-4889-ae62-fae1317481eb")

/* ESCO transversal skills (built-in framework "transversal") */
#define T_WEB_SEARCH SKILL ("ba93b71b-c433-4a01-8246-ed2daa85a9a2")
#define T_COLLAB_SOFTWARE SKILL ("b080a008-a35d-4bd0-92e9-edf3773bb2b7")
#define T_DIGITAL_SECURITY SKILL ("f4346299-e22a-4686-8e61-2c9b0cd51c7d")
#define T_CALCULATIONS SKILL ("19ba11f3-9c99-41fd-a7c9-f77e6a026186")
#define T_ORGANISE_INFORMATION SKILL ("6b305973-8993-475f-bd8a-daf037c61401")
#define T_ADAPT SKILL ("49de9958-2aa4-4eef-a89d-fe5d5bcd28c4")
#define T_STRESS SKILL ("7a147904-22b3-498a-b4d9-7bceeb86b45d")
#define T_TIME SKILL ("d9013e0e-e937-43d5-ab71-0e917ee882b8")
#define T_INDEPENDENT SKILL ("c29aa9d2-4da8-4bdd-831c-8d4a2fb51730")
#define T_COMMITMENTS SKILL ("113b4428-0a31-4199-8496-070af7854b91")
#define T_LEARN SKILL ("9bf266a6-188b-4d17-a22f-2f266d76832b")
#define T_INITIATIVE SKILL ("001115fb-569f-4ee6-8381-c6807ef2527f")
#define T_CRITICISM SKILL ("05aa7c09-46e7-433f-a81b-92841f4551e7")
#define T_SELF_REFLECTION SKILL ("409a0245-0e6c-4aac-ba16-0920ecb76a8d")
#define T_DETAIL SKILL ("83e6510b-ffeb-4aec-959c-4265fd0ff7b7")
#define T_AUDIENCE SKILL ("609a8ac1-9d29-4237-9886-596dbbe7ca8a")
#define T_CONFLICTS SKILL ("96de2e86-e287-41f2-88ab-15a2343afc6f")
#define T_EMPATHY SKILL ("77b636e8-fab3-41a8-8022-1e0a354059dc")
#define T_CUSTOMER SKILL ("5b0f2198-7246-4256-a902-4d9ce1260c80")
#define T_TEAMS SKILL ("60c78287-22eb-4103-9c8c-28deaa460da0")
#define T_NETWORKS SKILL ("bf983f2a-e941-4646-811d-cc81060cb53f")
#define T_INTERCULTURAL SKILL ("c10d5d87-36cf-42f5-8a12-e560fb5f4af8")
#define T_PHYSICAL SKILL ("13b4a3d2-abdf-4442-8e52-d7464a58ecbc")
#define T_PRECISION SKILL ("9c0f93f7-2592-4d4d-9673-fd640502345f")
#define T_HYGIENE SKILL ("d9449998-c1f5-478c-a103-2255398cf0b6")

/* ESCO skills the demo participants claim */
#define E_COOKING SKILL ("f3934441-4bff-4076-9945-e6c51a01c467")
#define E_FOOD_SAFETY SKILL ("0ff99f51-40d9-42f1-a1ec-377b2bb5e15f")
#define E_LANGUAGES SKILL ("2de4572a-4724-4f76-afc2-72a568a264ac")

const PaDemoModule pa_demo_modules[] = {
  { "NUM-01", "Digital basics: e-mail and online forms", "digital", 24, "fr",
    "Créer et utiliser une adresse e-mail, joindre un document, remplir un formulaire en ligne "
    "(FOREM, mutuelle, commune), reconnaître un message frauduleux.",
    { D_BROWSING, D_INTERACTING, D_PRIVACY, T_WEB_SEARCH, T_DIGITAL_SECURITY } },
  { "EMP-CV", "Writing a CV", "employability_cv", 9, "fr",
    "Du portfolio de compétences au CV: choisir, formuler et mettre en page ses expériences, y "
    "compris celles du pays d'origine et du bénévolat.",
    { T_SELF_REFLECTION, T_ORGANISE_INFORMATION, D_CONTENT } },
  { "EMP-PITCH", "Pitch yourself", "employability_pitch", 6, "fr",
    "Se présenter en deux minutes à un employeur ou lors d'un job dating; filmé et repris en "
    "groupe.",
    { T_AUDIENCE, T_SELF_REFLECTION, T_NETWORKS } },
  { "EMP-ENTR", "Job interview practice", "employability_interview", 9, "fr",
    "Simulations d'entretien avec des recruteurs bénévoles; questions difficiles, parcours "
    "migratoire, retour personnalisé.",
    { T_AUDIENCE, T_STRESS, T_CRITICISM, T_INTERCULTURAL } },
  { "FLE-A2", "Workplace French A2", "language", 60, "fr",
    "Français langue étrangère orienté métier: consignes, sécurité, horaires, échanges avec les "
    "collègues et la clientèle.",
    { E_LANGUAGES, T_INTERCULTURAL, T_TEAMS } },
  { "SEC-HACCP", "Food hygiene (HACCP) basics", "sector", 12, "fr",
    "Les bonnes pratiques d'hygiène en cuisine selon l'AFSCA: chaîne du froid, traçabilité, "
    "nettoyage, allergènes.",
    { T_HYGIENE, E_FOOD_SAFETY, T_DETAIL } },
  { "SOFT-CLI", "Customer service", "soft_skills", 15, "fr",
    "Accueillir, écouter, répondre à une réclamation; jeux de rôle en magasin, en salle et au "
    "téléphone.",
    { T_CUSTOMER, T_CONFLICTS, T_EMPATHY, T_STRESS } },
  { "SEC-VCA", "Health and safety on site", "sector", 8, "fr",
    "Sécurité de base sur chantier et en entrepôt (préparation au VCA): risques, équipements de "
    "protection, gestes et postures.",
    { T_PHYSICAL, T_PRECISION, T_DETAIL } },
  { NULL }
};

/* The cook's vacancy last: the newest is listed first. */
const PaDemoVacancy pa_demo_vacancies[] = {
  { "LogiMeuse SA", "Préparateur·rice de commandes", ISCO ("9333"), "Herstal",
    "Entrepôt de distribution; travail en équipes (6h-14h / 14h-22h); scanner et transpalette "
    "électrique, formation assurée.",
    { T_PHYSICAL, T_DETAIL, T_TEAMS, T_COMMITMENTS },
    { T_CALCULATIONS, T_LEARN, T_INDEPENDENT },
    { "fr:A1" },
    -1 },
  { "Brasserie du Pont d'Avroy", "Commis de cuisine (m/f/x)", ISCO ("5120"), "Liège",
    "CDI temps plein après trois mois d'essai; service midi et soir, deux soirs de congé. Cuisine "
    "de brasserie, 80 couverts.",
    { E_COOKING, E_FOOD_SAFETY, T_HYGIENE, T_TEAMS, T_STRESS },
    { T_INITIATIVE, T_ADAPT, T_TIME },
    { "fr:A2" },
    0 },
  { NULL }
};

const char *const pa_demo_shortage_region = "BE-WAL";
const char *const pa_demo_shortage_title = "Fonctions critiques et métiers en pénurie en Wallonie";
const char *const pa_demo_shortage_source = "FOREM, analyse du marché de l'emploi (démonstration)";
const char *const pa_demo_shortage_valid_from = "2025-07-01";
const char *const pa_demo_shortage_valid_to = "2026-06-30";

const PaDemoShortage pa_demo_shortage[] = {
  { ISCO ("5120"), "Pénurie" },
  { ISCO ("9412"), "Fonction critique" },
  { ISCO ("2221"), "Pénurie" },
  { ISCO ("5321"), "Pénurie" },
  { ISCO ("5322"), "Fonction critique" },
  { ISCO ("7231"), "Pénurie" },
  { ISCO ("7411"), "Pénurie" },
  { ISCO ("7126"), "Pénurie" },
  { ISCO ("8332"), "Fonction critique" },
  { ISCO ("3512"), "Fonction critique" },
  { ISCO ("4311"), "Fonction critique" },
  { ISCO ("2341"), "Pénurie" },
  { NULL }
};

static GPtrArray *
uri_array (const char *const *uris,
           guint               max)
{
  GPtrArray *array = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < max && uris[i] != NULL; i++)
    g_ptr_array_add (array, g_strdup (uris[i]));
  return array;
}

static void
replace_array (GPtrArray         **array,
               const char *const  *uris,
               guint               max)
{
  g_ptr_array_unref (*array);
  *array = uri_array (uris, max);
}

/* Stores the catalogue, vacancies and shortage list inside the caller's
 * transaction; @case_ids are the demo cases in the order of pa_demo_cases. */
gboolean
pa_demo_fill_labour (PaStore       *store,
                     const gint64  *case_ids,
                     GError       **error)
{
  g_autoptr (PaShortageList) list = pa_shortage_list_new ();

  for (guint i = 0; pa_demo_modules[i].code != NULL; i++)
    {
      const PaDemoModule *d = &pa_demo_modules[i];
      g_autoptr (PaModule) m = pa_module_new ();

      m->code = g_strdup (d->code);
      m->title = g_strdup (d->title);
      m->theme = g_strdup (d->theme);
      m->duration_hours = d->hours;
      m->language = g_strdup (d->language);
      m->description = g_strdup (d->description);
      replace_array (&m->skill_uris, d->skills, PA_DEMO_MAX_MODULE_SKILLS);
      if (!pa_store_module_save (store, m, error))
        return FALSE;
    }

  for (guint i = 0; pa_demo_vacancies[i].employer != NULL; i++)
    {
      const PaDemoVacancy *d = &pa_demo_vacancies[i];
      g_autoptr (PaVacancy) v = pa_vacancy_new ();

      v->employer = g_strdup (d->employer);
      v->title = g_strdup (d->title);
      v->occupation_uri = g_strdup (d->occupation_uri);
      v->location = g_strdup (d->location);
      v->description = g_strdup (d->description);
      replace_array (&v->required, d->required, PA_DEMO_MAX_VACANCY_SKILLS);
      replace_array (&v->nice, d->nice, PA_DEMO_MAX_VACANCY_SKILLS);
      replace_array (&v->languages, d->languages, PA_DEMO_MAX_VACANCY_LANGUAGES);
      if (!pa_store_vacancy_save (store, v, error))
        return FALSE;
      if (d->shortlisted >= 0 && !pa_store_shortlist_add (store, v->id, case_ids[d->shortlisted], error))
        return FALSE;
    }

  list->region = g_strdup (pa_demo_shortage_region);
  list->title = g_strdup (pa_demo_shortage_title);
  list->source = g_strdup (pa_demo_shortage_source);
  list->valid_from = g_strdup (pa_demo_shortage_valid_from);
  list->valid_to = g_strdup (pa_demo_shortage_valid_to);
  for (guint i = 0; pa_demo_shortage[i].occupation_uri != NULL; i++)
    {
      g_ptr_array_add (list->occupation_uris, g_strdup (pa_demo_shortage[i].occupation_uri));
      g_ptr_array_add (list->notes, g_strdup (pa_demo_shortage[i].note));
    }
  return pa_store_shortage_save (store, list, error) &&
         pa_store_set_setting (store, "centre.region", pa_demo_shortage_region, error);
}
