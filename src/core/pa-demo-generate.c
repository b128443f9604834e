/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pa-demo"

#include "config.h"

#include "pa-case.h"
#include "pa-demo-private.h"
#include "pa-demo.h"
#include "pa-store-cases.h"
#include "pa-store-records.h"

/* Generated cases for benchmarks: plausible people from the countries the
 * centres see most, with work experiences drawn from a dozen occupations
 * (real ESCO URIs), a migration journey, non-formal learning written the way
 * a Belgian centre writes it (in French, with accents), and claims at every
 * stage. Deterministic for a given seed. */

#define SKILL(id) "http://data.europa.eu/esco/skill/" id
#define OCC(id) "http://data.europa.eu/esco/occupation/" id

typedef struct
{
  const char *uri;
  const char *label;
} Item;

typedef struct
{
  const char *title;
  const char *tasks;
  const char *occupation;
  Item skills[4];
} Job;

static const Job jobs[] = {
  { "Cuisinier dans un restaurant", "Préparé les repas, commandé les produits, respecté l'hygiène; "
    "cuisine familiale et banquets.", OCC ("90f75f67-495d-49fa-ab57-2f320e251d7e"),
    { { SKILL ("f3934441-4bff-4076-9945-e6c51a01c467"), "use cooking techniques" },
      { SKILL ("c42d2a2a-2f55-45ac-beb1-0a8a76412457"), "use food cutting tools" },
      { SKILL ("0ff99f51-40d9-42f1-a1ec-377b2bb5e15f"), "comply with food safety and hygiene" },
      { SKILL ("210827e3-3129-45a2-8683-70399f3f561f"), "order supplies" } } },
  { "Mécanicien de camions et de bus", "Réparé des moteurs diesel, diagnostiqué les pannes, changé "
    "les embrayages; truck engine repair.", OCC ("24d378d8-1e16-4667-bdb4-1f4a0f2c6379"),
    { { SKILL ("1bc7c69b-4292-4592-b854-f48165a06082"), "repair engines" },
      { SKILL ("68162174-68c3-4601-840b-5e63c2dd7481"), "diagnose defective engines" },
      { SKILL ("db3c8181-31b4-4950-bf0b-de01f93c372b"), "disassemble engines" },
      { SKILL ("b1338cfb-930c-4bcb-b77a-1034d76ddb0e"), "use traditional toolbox tools" } } },
  { "Comptable", "Tenu la comptabilité, préparé les bilans et les déclarations de TVA; payroll.",
    OCC ("eda0d957-3c3c-4139-b89a-a18bc9e18897"),
    { { SKILL ("60f51172-37c0-4933-a27a-cbf55dcd7580"), "prepare financial statements" },
      { SKILL ("5f1ebff6-98ec-411f-a1d4-0bf04bd03bdf"), "check accounting records" },
      { SKILL ("2ecf90f1-c511-464b-b26f-598d69182c70"), "calculate tax" },
      { SKILL ("1973c966-f236-40c9-b2d4-5d71a89019be"), "use spreadsheets software" } } },
  { "Technicien informatique", "Assistance aux utilisateurs, installation des ordinateurs et du "
    "réseau; help desk.", OCC ("aaeec9a7-dc57-4485-890c-86b3eef735f9"),
    { { SKILL ("c2296e2e-5fef-4f24-a24f-e5b3792268be"), "provide ICT support" },
      { SKILL ("9e06bac6-6b91-48ca-8b7d-c1f48cdecd7c"), "solve ICT system problems" },
      { SKILL ("21d2f96d-35f7-4e3f-9745-c533d2dd6e97"), "computer programming" },
      { NULL, NULL } } },
  { "Couturière, retouches", "Coupé et cousu des vêtements, pris les mesures, broderie; tailoring.",
    OCC ("978ae3a2-0831-415a-8396-b84dde656fc5"),
    { { SKILL ("0d207bf2-b0dd-4a36-933f-d2cd3da2933d"), "sew textile-based articles" },
      { SKILL ("2ac79be0-1f66-48da-84a6-2d294179927f"), "create patterns for garments" },
      { SKILL ("7e2f6f05-d6ef-45f3-a33c-5d6d0b07e1cf"), "alter wearing apparel" },
      { SKILL ("1fe563ab-47b8-4092-98d6-2ac94952891e"), "embroider fabrics" } } },
  { "Infirmière à l'hôpital", "Soins aux patients, pansements, médicaments, gardes de nuit; nurse.",
    OCC ("8d3e8aaa-791b-4c75-a465-f3f827028f50"),
    { { SKILL ("1023ac61-250f-4eef-b7a9-238cf071685f"), "provide professional care in nursing" },
      { SKILL ("0dcea846-04b4-4ffc-8c75-a35c991454b1"), "apply first response" },
      { SKILL ("2475cd27-8d6c-4318-a364-21395b23acba"), "empathise with the healthcare user" },
      { NULL, NULL } } },
  { "Aide familiale, personnes âgées", "Aidé les personnes âgées à domicile: repas, hygiène, courses.",
    OCC ("1391bdf9-bd61-4fb5-91ca-c29036ab2b60"),
    { { SKILL ("261e740b-d32d-4356-94a8-3ea29128b70b"), "tend to elderly people" },
      { SKILL ("941438bd-cc03-4326-91bf-677157dca170"), "support social service users to live at home" },
      { SKILL ("0dcea846-04b4-4ffc-8c75-a35c991454b1"), "apply first response" },
      { NULL, NULL } } },
  { "Ingénieur mécanique", "Conception de systèmes de chauffage et de refroidissement, plans en CAO.",
    OCC ("579254cf-6d69-4889-9000-9c79dc568644"),
    { { SKILL ("b34e2ba1-9080-48c9-9b42-ee9192a4d3f1"), "use CAD software" },
      { SKILL ("42b23922-1c40-4dbe-9e0c-7a568dfdf06b"), "adjust engineering designs" },
      { SKILL ("209a5498-3449-4689-8ed9-bd08cab4fd78"), "engineering principles" },
      { NULL, NULL } } },
  { "Agriculteur, maraîchage", "Cultivé des légumes, irrigation, récolte, vente au marché; goats.",
    OCC ("1c1e86f9-6347-42d6-aa6e-c95b138bf640"),
    { { SKILL ("c5f255ef-02d3-4ab0-a652-2bf055d1d493"), "grow plants" },
      { SKILL ("2e4e8114-e579-453d-918e-b0262818ab76"), "harvest crop" },
      { SKILL ("700ea222-8139-4c48-95cf-014855565530"), "irrigation systems" },
      { SKILL ("00dd3271-077f-4a12-a958-e297fdd724ce"), "operate agricultural machinery" } } },
  { "Entraîneur de football pour enfants", "Entraînements, matchs, tournois, contact avec les "
    "parents.", OCC ("3b43dafb-8c6b-4906-9fe5-bc218aacad55"),
    { { SKILL ("dbadb531-2fb9-4361-b80b-9be8c3c54229"), "instruct in sport" },
      { SKILL ("90e8f54b-064f-4721-8ccc-b5f61968b227"), "organise training" },
      { SKILL ("b5af495b-61f1-4330-9891-dca56d97d714"), "communicate with youth" },
      { NULL, NULL } } },
  { "Instituteur, école primaire", "Enseigné le français et le calcul, réunions de parents.",
    OCC ("03d79393-7b30-4159-945b-01963eddd302"),
    { { SKILL ("20f57a7f-b90e-4403-8c77-5ddd89b5835b"), "prepare lesson content" },
      { SKILL ("383955b1-9059-47e4-9028-67bb2fdb6be6"), "teach primary education class content" },
      { SKILL ("fd446407-b08e-49da-b8e3-7e7c79618c3f"), "conduct public presentations" },
      { NULL, NULL } } },
  { "Magasinier", "Préparation de commandes, chariot élévateur, inventaire; warehouse.",
    OCC ("bea705fe-06ac-4147-b8e0-6e8ac1208d8f"),
    { { SKILL ("2cae39d6-78c2-4ce3-bee8-628504371463"), "receive goods" },
      { SKILL ("3d086228-d7fc-4c23-972a-22b7d44a6173"), "stack goods" },
      { SKILL ("055ff233-6569-43db-9f95-a4b03dca97da"), "operate warehouse record systems" },
      { NULL, NULL } } },
  { "Interprète bénévole", "Interprétation entre médecins et patients, traduction de documents.",
    OCC ("23e692a9-a242-4d4f-988f-ed562f757864"),
    { { SKILL ("8b5962d7-b195-4459-addb-d15a48cc4b64"), "interpret spoken language between two parties" },
      { SKILL ("8d202e22-85e9-47b1-a1e0-3296d17244cd"), "observe confidentiality" },
      { SKILL ("449f0945-4943-49f9-bd98-edfdfd7c00ba"), "translate texts" },
      { NULL, NULL } } },
  { "Chauffeur de taxi", "Transport de passagers, entretien du véhicule.",
    OCC ("6f7c1e84-8162-4c20-a575-b57ff624eef5"),
    { { SKILL ("2a82241a-216e-44d8-bb50-6b9a0ef82084"), "drive vehicles" },
      { NULL, NULL }, { NULL, NULL }, { NULL, NULL } } },
};

static const Item meta_skills[] = {
  { SKILL ("49de9958-2aa4-4eef-a89d-fe5d5bcd28c4"), "adapt to change" },
  { SKILL ("c10d5d87-36cf-42f5-8a12-e560fb5f4af8"), "demonstrate intercultural competence" },
  { SKILL ("5cd1930c-278d-4929-b413-27352f5b3687"), "cope with uncertainty" },
  { SKILL ("c29aa9d2-4da8-4bdd-831c-8d4a2fb51730"), "work independently" },
  { SKILL ("adc6dc11-3376-467b-96c5-9b0a21edc869"), "solve problems" },
  { SKILL ("2de4572a-4724-4f76-afc2-72a568a264ac"), "speak different languages" },
};

typedef struct
{
  const char *country;
  const char *language;
  const char *male[5];
  const char *female[5];
  const char *family[6];
  const char *places[4];
} Origin;

static const Origin origins[] = {
  { "SY", "ar", { "Ahmad", "Khaled", "Omar", "Rami", "Yusuf" },
    { "Amal", "Rania", "Lina", "Nour", "Huda" },
    { "Haddad", "Al-Khatib", "Darwish", "Sabbagh", "Kassem", "Hamwi" },
    { "Aleppo", "Homs", "Damascus", "Idlib" } },
  { "AF", "fa", { "Ahmad", "Mohammad", "Hamid", "Javad", "Farid" },
    { "Fatima", "Zahra", "Maryam", "Shabnam", "Parwana" },
    { "Rahimi", "Karimi", "Ahmadi", "Noori", "Hashimi", "Sultani" },
    { "Herat", "Kabul", "Mazar-i-Sharif", "Kandahar" } },
  { "ER", "ti", { "Yonas", "Dawit", "Tesfay", "Filmon", "Robel" },
    { "Senait", "Helen", "Luwam", "Selam", "Saba" },
    { "Tesfamariam", "Gebremedhin", "Haile", "Berhane", "Kidane", "Weldu" },
    { "Asmara", "Keren", "Massawa", "Mendefera" } },
  { "UA", "uk", { "Andriy", "Oleksandr", "Bohdan", "Serhiy", "Taras" },
    { "Olena", "Iryna", "Kateryna", "Oksana", "Nataliia" },
    { "Kovalenko", "Shevchenko", "Bondarenko", "Tkachenko", "Melnyk", "Kravchenko" },
    { "Kharkiv", "Kyiv", "Odesa", "Dnipro" } },
  { "MA", "ar", { "Youssef", "Karim", "Hicham", "Said", "Mehdi" },
    { "Fatima-Zahra", "Salma", "Imane", "Khadija", "Nadia" },
    { "Benali", "El Amrani", "Bennani", "Ouazzani", "Tazi", "Alaoui" },
    { "Oujda", "Casablanca", "Tanger", "Fès" } },
  { "VE", "es", { "José", "Andrés", "Luis", "Jesús", "Tomás" },
    { "María", "Sofía", "Andrea", "Valentina", "Mónica" },
    { "González", "Pérez", "Rodríguez", "Ramírez", "Hernández", "Martínez" },
    { "Caracas", "Valencia", "Maracaibo", "Mérida" } },
  { "CD", "ln", { "Jean-Pierre", "Désiré", "Aimé", "Patrick", "Héritier" },
    { "Chantal", "Hélène", "Bénédicte", "Grâce", "Espérance" },
    { "Mukendi", "Kabongo", "Ilunga", "Tshibangu", "Mbuyi", "Kalonji" },
    { "Kinshasa", "Lubumbashi", "Goma", "Bukavu" } },
  { "SO", "so", { "Abdi", "Mohamed", "Ahmed", "Hassan", "Abdirahman" },
    { "Hodan", "Amina", "Faadumo", "Ubah", "Sahra" },
    { "Warsame", "Farah", "Abdullahi", "Hirsi", "Jama", "Nur" },
    { "Mogadishu", "Hargeisa", "Kismayo", "Baidoa" } },
  { "IR", "fa", { "Reza", "Dariush", "Amir", "Behnam", "Kaveh" },
    { "Maryam", "Shirin", "Nasrin", "Leila", "Parisa" },
    { "Hosseini", "Rahimi", "Moradi", "Jafari", "Karimi", "Rezaei" },
    { "Tehran", "Isfahan", "Shiraz", "Tabriz" } },
  { "SD", "ar", { "Mohamed", "Abdelrahman", "Osman", "Ibrahim", "Hamza" },
    { "Amna", "Fatima", "Mariam", "Samira", "Hawa" },
    { "Osman", "Ibrahim", "Abdallah", "Elhassan", "Adam", "Yousif" },
    { "Khartoum", "Wad Madani", "Kassala", "El Fasher" } },
  { "GN", "ff", { "Mamadou", "Alpha", "Ibrahima", "Ousmane", "Thierno" },
    { "Fatoumata", "Mariama", "Aïssatou", "Kadiatou", "Hawa" },
    { "Diallo", "Barry", "Bah", "Camara", "Sow", "Baldé" },
    { "Conakry", "Labé", "Kankan", "Kindia" } },
  { "TR", "tr", { "Mehmet", "Şükrü", "Emre", "Çağlar", "Murat" },
    { "Gülşen", "Ayşe", "Özlem", "Şeyma", "Elif" },
    { "Yılmaz", "Öztürk", "Çelik", "Şahin", "Doğan", "Aydın" },
    { "Diyarbakır", "İstanbul", "Gaziantep", "Van" } },
  { "CM", "fr", { "Éric", "Thierry", "Serge", "Hervé", "Cédric" },
    { "Estelle", "Ornella", "Josiane", "Noëlle", "Pélagie" },
    { "Ngono", "Mbarga", "Tchoumi", "Fotso", "Nkoulou", "Ébogo" },
    { "Yaoundé", "Douala", "Bafoussam", "Garoua" } },
  { "CO", "es", { "Andrés", "Camilo", "Sebastián", "Iván", "Julián" },
    { "Daniela", "Ángela", "Lucía", "Ximena", "Paola" },
    { "Gómez", "Muñoz", "Castaño", "Jiménez", "Peña", "Suárez" },
    { "Bogotá", "Medellín", "Cúcuta", "Cali" } },
};

typedef struct
{
  const char *kind;
  const char *title;
  const char *tasks;
} Learning;

static const Learning learning[] = {
  { "non_formal_course", "Cours de français langue étrangère", "Cours du soir, niveau A2 puis B1." },
  { "volunteering", "Bénévolat à la Croix-Rouge", "Distribution de repas, accueil des familles." },
  { "informal_learning", "Réparé des vélos pour les voisins", "Appris seul avec des vidéos." },
  { "community", "Trésorier d'une association de quartier", "Comptes, réunions, fêtes de quartier." },
  { "family_care", "Soins aux enfants et aux parents âgés", "Ménage, rendez-vous médicaux, budget." },
  { "non_formal_course", "Initiation à l'informatique", "Courriel, traitement de texte, emploi en "
    "ligne." },
  { "trade_union", "Délégué syndical", "Négociation avec la direction, défense des collègues." },
  { "ngo", "Médiateur interculturel bénévole", "Accompagnement des nouveaux arrivants au CPAS." },
  { "political", "Militant associatif", "Organisation de réunions et de manifestations culturelles." },
  { "self_employment", "Petit commerce au marché", "Achat, vente, tenue d'un carnet de comptes." },
};

static const char *const transits[] = {
  "Turquie", "Grèce", "Libye", "Italie", "Espagne", "Maroc", "Soudan", "Niger", "Pologne", "Égypte"
};
static const char *const hosts[] = {
  "Liège", "Seraing", "Verviers", "Herstal", "Namur", "Bruxelles", "Charleroi", "Mons"
};
static const char *const cefr[] = { "A1", "A2", "B1", "B2", "C1", "C2" };
static const char *const assessors[] = {
  "Sophie Lambert", "Marc Dubois", "Nadia Benkirane", "Pieter Janssens", "Anne Collard"
};
static const char *const assessment_methods[] = {
  "interview", "observation", "practical_test", "document_review", "simulation", "employer_reference"
};

#define PICK(rand, array) ((array)[g_rand_int_range ((rand), 0, G_N_ELEMENTS (array))])

static guint
n_skills (const Job *job)
{
  guint n = 0;
  while (n < G_N_ELEMENTS (job->skills) && job->skills[n].uri != NULL)
    n++;
  return n;
}

static const char *
pick_name (GRand             *rand,
           const char *const *names,
           guint              max)
{
  return names[g_rand_int_range (rand, 0, (gint32) max)];
}

static gboolean
add_experience (PaStore      *store,
                gint64        case_id,
                const char   *kind,
                const char   *title,
                const char   *country,
                const char   *place,
                int           start,
                int           end,
                const char   *tasks,
                const char   *occupation,
                gint64       *id,
                GError      **error)
{
  g_autoptr (PaExperience) x = pa_experience_new ();

  x->case_id = case_id;
  g_free (x->kind);
  x->kind = g_strdup (kind);
  x->title = g_strdup (title);
  x->country = g_strdup (country);
  x->place = g_strdup (place);
  x->start_date = g_strdup_printf ("%d", start);
  x->end_date = end > 0 ? g_strdup_printf ("%d", end) : NULL;
  x->tasks = g_strdup (tasks);
  x->occupation_uri = g_strdup (occupation);
  if (!pa_store_experience_add (store, x, error))
    return FALSE;
  *id = x->id;
  return TRUE;
}

static gboolean
add_claim (PaStore     *store,
           GRand       *rand,
           gint64       case_id,
           const Item  *item,
           gint64       experience_id,
           gint64      *evidence_id,
           GError     **error)
{
  g_autoptr (PaClaim) claim = pa_claim_new ();
  int roll = g_rand_int_range (rand, 0, 100);
  int stage = roll < 50 ? 1 : roll < 75 ? 2 : roll < 90 ? 3 : 4;

  claim->case_id = case_id;
  claim->framework = g_strdup ("esco");
  claim->item_uri = g_strdup (item->uri);
  claim->label = g_strdup (item->label);
  if (experience_id != 0)
    pa_claim_add_experience (claim, experience_id);

  if (stage >= PA_STAGE_DOCUMENTED && *evidence_id == 0)
    {
      g_autoptr (PaEvidence) evidence = pa_evidence_new ();
      g_autofree char *text = g_strdup_printf ("Observation du formateur: %s — démontré en "
                                               "atelier.", item->label);
      evidence->case_id = case_id;
      evidence->title = g_strdup ("Observation en atelier");
      g_free (evidence->kind);
      evidence->kind = g_strdup ("observation");
      evidence->filename = g_strdup ("observation.txt");
      g_free (evidence->mime_type);
      evidence->mime_type = g_strdup ("text/plain");
      evidence->content = g_bytes_new (text, strlen (text));
      evidence->relevant = evidence->authentic = evidence->current = TRUE;
      if (!pa_store_evidence_add (store, evidence, error))
        return FALSE;
      *evidence_id = evidence->id;
    }
  if (stage >= PA_STAGE_DOCUMENTED)
    pa_claim_add_evidence (claim, *evidence_id);

  if (!pa_store_claim_add (store, claim, g_rand_boolean (rand) ? "interview" : "suggestion",
                           NULL, error))
    return FALSE;
  if (stage >= PA_STAGE_DOCUMENTED &&
      !pa_store_claim_advance (store, claim->id, stage == PA_STAGE_DOCUMENTED ? 2 : 3,
                               stage == PA_STAGE_DOCUMENTED ? NULL : PICK (rand, assessment_methods),
                               stage == PA_STAGE_DOCUMENTED ? NULL : PICK (rand, cefr),
                               stage == PA_STAGE_DOCUMENTED ? NULL : PICK (rand, assessors),
                               NULL, error))
    return FALSE;
  if (stage == PA_STAGE_CERTIFIED &&
      !pa_store_claim_advance (store, claim->id, PA_STAGE_CERTIFIED, NULL, NULL,
                               PICK (rand, assessors), NULL, error))
    return FALSE;
  return TRUE;
}

static gboolean
generate_one (PaStore  *store,
              GRand    *rand,
              GError  **error)
{
  const Origin *origin = &origins[g_rand_int_range (rand, 0, G_N_ELEMENTS (origins))];
  gboolean female = g_rand_boolean (rand);
  int arrival_year = g_rand_int_range (rand, 2014, 2026);
  int birth_year = g_rand_int_range (rand, 1960, MIN (2006, arrival_year - 16));
  g_autoptr (PaCase) kase = pa_case_new ();
  g_autofree char *arrival = g_strdup_printf ("%d-%02d-%02d", arrival_year,
                                              g_rand_int_range (rand, 1, 13),
                                              g_rand_int_range (rand, 1, 29));
  g_autofree char *family = NULL;
  gint64 case_id, evidence_id = 0, experience_id = 0;
  guint n_jobs = (guint) g_rand_int_range (rand, 1, 3);
  const Job *main_job = NULL;

  family = g_rand_int_range (rand, 0, 5) == 0
    ? g_strdup_printf ("%s %s", pick_name (rand, origin->family, 6), pick_name (rand, origin->family, 6))
    : g_strdup (pick_name (rand, origin->family, 6));
  pa_case_set_given_name (kase, pick_name (rand, female ? origin->female : origin->male, 5));
  pa_case_set_family_name (kase, family);
  pa_case_set_gender (kase, female ? "female" : "male");
  pa_case_set_birth_year (kase, birth_year);
  pa_case_set_origin_country (kase, origin->country);
  pa_case_set_arrival_date (kase, arrival);
  if (!pa_store_case_create (store, kase, error))
    return FALSE;
  case_id = pa_case_get_id (kase);

  {
    g_autoptr (PaConsent) consent = pa_consent_new ();
    g_autoptr (PaCaseLanguage) mother = pa_case_language_new ();
    g_autoptr (PaCaseLanguage) french = pa_case_language_new ();
    int level = g_rand_int_range (rand, 0, 5);

    consent->case_id = case_id;
    consent->given_on = g_strdup (arrival);
    mother->case_id = french->case_id = case_id;
    mother->language = g_strdup (origin->language);
    mother->mother_tongue = TRUE;
    mother->listening = g_strdup ("C2");
    mother->spoken_interaction = g_strdup ("C2");
    mother->spoken_production = g_strdup ("C2");
    french->language = g_strdup (g_str_equal (origin->language, "fr") ? "nl" : "fr");
    french->listening = g_strdup (cefr[MIN (level + 1, 5)]);
    french->reading = g_strdup (cefr[level]);
    french->spoken_interaction = g_strdup (cefr[level]);
    french->spoken_production = g_strdup (cefr[level]);
    french->writing = g_strdup (cefr[MAX (level - 1, 0)]);
    g_free (french->source);
    french->source = g_strdup ("test");
    if (!pa_store_consent_add (store, consent, error) ||
        !pa_store_language_add (store, mother, error) ||
        !pa_store_language_add (store, french, error))
      return FALSE;
  }

  if (g_rand_int_range (rand, 0, 10) < 6)
    {
      g_autoptr (PaEducation) education = pa_education_new ();
      education->case_id = case_id;
      education->isced_level = g_rand_int_range (rand, 1, 8);
      education->country = g_strdup (origin->country);
      education->institution = g_strdup_printf ("École de %s", origin->places[0]);
      education->original_title = g_strdup (education->isced_level >= 6 ? "Diplôme universitaire"
                                            : education->isced_level >= 3 ? "Diplôme secondaire"
                                            : "Certificat d'études primaires");
      education->year_completed = MIN (birth_year + 6 + 3 * education->isced_level, arrival_year);
      if (!pa_store_education_add (store, education, error))
        return FALSE;
    }

  for (guint j = 0; j < n_jobs; j++)
    {
      const Job *job = &jobs[g_rand_int_range (rand, 0, G_N_ELEMENTS (jobs))];
      int start = MAX (birth_year + 16, arrival_year - g_rand_int_range (rand, 4, 20));
      gint64 id;

      if (!add_experience (store, case_id, j == 0 ? "paid_work" : "volunteering", job->title,
                           origin->country, origin->places[g_rand_int_range (rand, 0, 4)],
                           start, MAX (start, arrival_year - 2), job->tasks, job->occupation,
                           &id, error))
        return FALSE;
      if (main_job == NULL)
        {
          main_job = job;
          experience_id = id;
        }
    }

  {
    const char *from = origin->places[g_rand_int_range (rand, 0, 4)];
    const char *to = PICK (rand, hosts);
    g_autofree char *title = g_strdup_printf ("Parcours migratoire: %s → %s", from, to);
    g_autofree char *tasks = g_strdup_printf ("Traversée par la %s et la %s; appris de nouvelles "
                                              "langues, s'est adapté seul.",
                                              PICK (rand, transits), PICK (rand, transits));
    const Learning *l = &learning[g_rand_int_range (rand, 0, G_N_ELEMENTS (learning))];
    gint64 id;

    if (!add_experience (store, case_id, "migration_journey", title, NULL, from,
                         MIN (MAX (arrival_year - 2, birth_year + 14), arrival_year), arrival_year,
                         tasks, NULL, &id,
                         error) ||
        !add_experience (store, case_id, l->kind, l->title, "BE", to, arrival_year, 0, l->tasks,
                         NULL, &id, error))
      return FALSE;
  }

  {
    guint available = n_skills (main_job);
    guint n_claims = (guint) g_rand_int_range (rand, 2, (gint32) available + 2);
    for (guint k = 0; k < n_claims; k++)
      {
        const Item *item = k < available ? &main_job->skills[k] : &PICK (rand, meta_skills);
        if (k >= available && k > 0 && item == &main_job->skills[0])
          continue;
        if (!add_claim (store, rand, case_id, item, k < available ? experience_id : 0,
                        &evidence_id, error))
          return FALSE;
      }
  }

  {
    g_autoptr (PaGoal) goal = pa_goal_new ();
    g_autoptr (PaPlanAction) action = pa_plan_action_new ();
    g_autoptr (PaCaseSession) session = pa_case_session_new ();

    goal->case_id = action->case_id = session->case_id = case_id;
    goal->title = g_strdup_printf ("Travailler comme %s", main_job->skills[0].label);
    goal->target_occupation_uri = g_strdup (main_job->occupation);
    if (!pa_store_goal_add (store, goal, error))
      return FALSE;
    action->goal_id = goal->id;
    g_free (action->kind);
    action->kind = g_strdup ("training");
    action->title = g_strdup ("Formation qualifiante");
    session->held_on = g_strdup_printf ("%d-%02d-15", MAX (arrival_year, 2024),
                                        g_rand_int_range (rand, 1, 13));
    session->duration_minutes = 60;
    if (!pa_store_plan_action_add (store, action, error) ||
        !pa_store_session_add (store, session, error))
      return FALSE;
  }
  return TRUE;
}

gboolean
pa_demo_generate_cases (PaStore  *store,
                        guint     count,
                        guint32   seed,
                        GError  **error)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (seed);

  for (guint i = 0; i < count; i++)
    if (!generate_one (store, rand, error))
      return FALSE;
  return TRUE;
}

static char *
prefix_of (GRand      *rand,
           const char *word)
{
  glong len = g_utf8_strlen (word, -1);
  glong n = MIN (len, g_rand_int_range (rand, 3, 7));
  const char *end = g_utf8_offset_to_pointer (word, n);

  return g_strndup (word, end - word);
}

/* Strips accents the way a hurried trainer types: "mécan" → "mecan". */
static char *
without_accents (const char *text)
{
  g_autofree char *decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_NFD);
  GString *out = g_string_new (NULL);

  for (const char *p = decomposed; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (g_unichar_type (c) != G_UNICODE_NON_SPACING_MARK)
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/**
 * pa_demo_search_queries:
 * @n: how many
 * @seed: the same seed gives the same queries
 *
 * Typical searches over generated cases: prefixes of given and family names,
 * of origins, of experience words, some with their accents and some without,
 * some with two words. For benchmarks.
 * Returns: (transfer full) (element-type utf8): the queries.
 */
GPtrArray *
pa_demo_search_queries (guint   n,
                        guint32 seed)
{
  static const char *const experience_words[] = {
    "mécanicien", "cuisinier", "comptable", "infirmière", "couturière", "maraîchage",
    "entraîneur", "interprète", "magasinier", "bénévolat", "informatique", "réparé",
    "moteurs", "hôpital", "français", "syndical", "élévateur", "Liège", "Croix-Rouge"
  };
  static const char *const origin_names[] = {
    "Syria", "Afghanistan", "Eritrea", "Ukraine", "Morocco", "Venezuela", "Congo", "Somalia",
    "Iran", "Sudan", "Guinea", "Türkiye", "Cameroon", "Colombia"
  };
  g_autoptr (GRand) rand = g_rand_new_with_seed (seed);
  GPtrArray *queries = g_ptr_array_new_with_free_func (g_free);

  while (queries->len < n)
    {
      const Origin *origin = &origins[g_rand_int_range (rand, 0, G_N_ELEMENTS (origins))];
      g_autofree char *query = NULL;

      switch (g_rand_int_range (rand, 0, 6))
        {
        case 0:
          query = prefix_of (rand, origin->family[g_rand_int_range (rand, 0, 6)]);
          break;
        case 1:
          query = prefix_of (rand, g_rand_boolean (rand) ? origin->male[g_rand_int_range (rand, 0, 5)]
                                                         : origin->female[g_rand_int_range (rand, 0, 5)]);
          break;
        case 2:
          query = prefix_of (rand, PICK (rand, origin_names));
          break;
        case 3:
        case 4:
          query = prefix_of (rand, PICK (rand, experience_words));
          break;
        default:
          {
            g_autofree char *given = prefix_of (rand, origin->male[g_rand_int_range (rand, 0, 5)]);
            query = g_strdup_printf ("%s %s", given, origin->family[g_rand_int_range (rand, 0, 6)]);
          }
          break;
        }
      if (g_rand_boolean (rand))
        {
          char *plain = without_accents (query);
          g_free (query);
          query = plain;
        }
      g_ptr_array_add (queries, g_steal_pointer (&query));
    }
  return queries;
}
