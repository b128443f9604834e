/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pa-demo"

#include "config.h"

#include "pa-demo-private.h"

/* The demonstration centre: an adult-education centre in Liège with twelve
 * participants. Every person here is FICTIONAL; names, places and stories
 * are made up to show the variety the source documents describe (work in the
 * country of origin, volunteering, trade unions, care work, non-formal and
 * informal learning, and the migration journey itself). Names are written in
 * Latin script, as the centre files them; the contact line carries the name
 * in the person's own script. Competences and occupations are real ESCO
 * v1.1.1 concepts with their English preferred labels. Free text stays in
 * English or in the French a Belgian centre writes in, on purpose: data,
 * not interface text, so it is not translated. */

#define SKILL(id) "http://data.europa.eu/esco/skill/" id
#define OCC(id) "http://data.europa.eu/esco/occupation/" id

#define O_COOK OCC ("90f75f67-495d-49fa-ab57-2f320e251d7e")
#define O_KITCHEN_ASSISTANT OCC ("e1cf6897-158d-4b48-a39e-2a3a8cac216c")
#define O_DIESEL_MECHANIC OCC ("24d378d8-1e16-4667-bdb4-1f4a0f2c6379")
#define O_VEHICLE_TECHNICIAN OCC ("4ad4024e-d1d3-4dea-b6d1-2c7948111dce")
#define O_INTERPRETER OCC ("23e692a9-a242-4d4f-988f-ed562f757864")
#define O_ACCOUNTANT OCC ("eda0d957-3c3c-4139-b89a-a18bc9e18897")
#define O_BOOKKEEPER OCC ("c3aae59e-1441-4b3e-bdd1-6da50dc7cf42")
#define O_ICT_HELP_DESK OCC ("aaeec9a7-dc57-4485-890c-86b3eef735f9")
#define O_WEB_DEVELOPER OCC ("c40a2919-48a9-40ea-b506-1f34f693496d")
#define O_TAILOR OCC ("978ae3a2-0831-415a-8396-b84dde656fc5")
#define O_SEWING_OPERATOR OCC ("7d4266b3-2108-4330-b27b-430a96012c21")
#define O_NURSE OCC ("8d3e8aaa-791b-4c75-a465-f3f827028f50")
#define O_HEALTHCARE_ASSISTANT OCC ("d38c2107-98f2-47b7-8bb4-f69750d51082")
#define O_PRIMARY_TEACHER OCC ("03d79393-7b30-4159-945b-01963eddd302")
#define O_COMMUNITY_OFFICER OCC ("39e9fc8f-02bd-4577-b603-2dc96204ce74")
#define O_HOME_CARE_AIDE OCC ("1391bdf9-bd61-4fb5-91ca-c29036ab2b60")
#define O_CHILD_CARE_WORKER OCC ("3413f234-6230-47a8-8cc7-2691fd54ce3a")
#define O_MECHANICAL_ENGINEER OCC ("579254cf-6d69-4889-9000-9c79dc568644")
#define O_MIXED_FARMER OCC ("1c1e86f9-6347-42d6-aa6e-c95b138bf640")
#define O_CROP_WORKER OCC ("c9191f7f-28b5-4df8-991d-804c53009b83")
#define O_FOOTBALL_COACH OCC ("3b43dafb-8c6b-4906-9fe5-bc218aacad55")
#define O_YOUTH_WORKER OCC ("b7507136-e71e-47e8-b873-e77d5cdf2922")
#define O_WAREHOUSE_WORKER OCC ("bea705fe-06ac-4147-b8e0-6e8ac1208d8f")
#define O_WAITER OCC ("d5db9d5c-2ebf-4a54-a79a-1b7e7ff70471")
#define O_FRUIT_PICKER OCC ("373db468-bd25-4b67-a6e0-4ac79d9a9e85")

/* Transversal skills: what the migration journey teaches. */
#define S_ADAPT SKILL ("49de9958-2aa4-4eef-a89d-fe5d5bcd28c4"), "adapt to change"
#define S_INTERCULTURAL SKILL ("c10d5d87-36cf-42f5-8a12-e560fb5f4af8"), "demonstrate intercultural competence"
#define S_UNCERTAINTY SKILL ("5cd1930c-278d-4929-b413-27352f5b3687"), "cope with uncertainty"
#define S_STRESS SKILL ("7a147904-22b3-498a-b4d9-7bceeb86b45d"), "cope with stress"
#define S_INDEPENDENT SKILL ("c29aa9d2-4da8-4bdd-831c-8d4a2fb51730"), "work independently"
#define S_SOLVE SKILL ("adc6dc11-3376-467b-96c5-9b0a21edc869"), "solve problems"
#define S_EMPATHY SKILL ("77b636e8-fab3-41a8-8022-1e0a354059dc"), "show empathy"
#define S_LEAD SKILL ("75d8e5d9-bef3-418b-9011-01bff9f27207"), "lead others"
#define S_COMPROMISE SKILL ("7954861c-86d4-4529-afbb-2c23dab9ac74"), "negotiate compromises"
#define S_CONFLICTS SKILL ("96de2e86-e287-41f2-88ab-15a2343afc6f"), "resolve conflicts"
#define S_TEAMS SKILL ("60c78287-22eb-4103-9c8c-28deaa460da0"), "work in teams"
#define S_LEARN SKILL ("9bf266a6-188b-4d17-a22f-2f266d76832b"), "demonstrate willingness to learn"
#define S_INITIATIVE SKILL ("001115fb-569f-4ee6-8381-c6807ef2527f"), "show initiative"
#define S_RESOURCES SKILL ("1ddc021d-d818-4731-904f-842d7491f419"), "manage financial and material resources"
#define S_PHYSICAL SKILL ("13b4a3d2-abdf-4442-8e52-d7464a58ecbc"), "adjust to physical demands"
#define S_DETAIL SKILL ("83e6510b-ffeb-4aec-959c-4265fd0ff7b7"), "attend to detail"
#define S_LANGUAGES SKILL ("2de4572a-4724-4f76-afc2-72a568a264ac"), "speak different languages"

#define TRAINER "Sophie Lambert"
#define COORDINATOR "Marc Dubois"

#define CONSENTS(date) \
  { { "processing", date, NULL }, { "statistics", date, NULL }, { NULL } }

const PaDemoCase pa_demo_cases[] = {
  {
    "Rami", "Haddad", "male", 1984, "SY", "2016-03-14",
    "رامي حداد · +32 470 11 20 31 · rami.haddad@example.org",
    { { "processing", "2025-01-20", NULL }, { "photo", "2025-01-20", NULL },
      { "employer_contact", "2025-02-03", NULL } },
    {
      { "ar", TRUE, "C2", "C2", "C2", "C2", "C2", "self" },
      { "fr", FALSE, "B1", "A2", "B1", "A2", "A2", "test" },
      { "en", FALSE, "A2", "A2", "A2", "A1", "A1", "self" },
    },
    {
      { "الشهادة الإعدادية (Brevet, lower secondary)", "Al-Hamdaniya school, Aleppo", "SY", 2, NULL,
        1999, "none", "not_requested", 0, "Documents lost during the journey." },
    },
    {
      { "paid_work", "Cook, then head of the grill", "Restaurant Bayt Halab", "SY", "Aleppo",
        "2002", "2012-08", "Prepared mezze, grilled meat and kebbeh for 150 covers a day; ordered "
        "supplies from the souk; trained two apprentices.", O_COOK },
      { "self_employment", "Catering for weddings and family events", "", "TR", "Gaziantep",
        "2013", "2015-10", "Ran a small catering business from home with his brother: menus, "
        "purchasing, prices, deliveries.", O_COOK },
      { "migration_journey", "From Aleppo to Liège", "", NULL, "Gaziantep, İzmir, Lesbos, Vienna",
        "2012-08", "2016-03", "Three years in Turkey with his family, then the sea crossing and the "
        "Balkan route; organised food for a group of 30 people in the Idomeni camp.", NULL },
      { "volunteering", "Cuisinier bénévole au café solidaire", "Café solidaire Le Pot-au-feu", "BE",
        "Liège", "2017-01", NULL, "Cuisine deux fois par semaine pour 60 personnes; gère le stock "
        "et le respect des règles d'hygiène.", O_COOK },
      { "non_formal_course", "Hygiène alimentaire (HACCP), 3 jours", "Centre de formation horeca",
        "BE", "Liège", "2024-11", "2024-11", "Short course on food hygiene with a final quiz.", NULL },
    },
    {
      { "Photo of a mezze buffet prepared for the café", "photo", "buffet-cafe-solidaire.png", NULL,
        TRUE, TRUE, FALSE, TRUE },
      { "Observation in the kitchen of the café", "observation", "observation-cuisine.txt",
        "Observation, 12 February 2025, Café solidaire Le Pot-au-feu (Liège).\n"
        "Rami prepared a three-course meal for 58 people in 2h30, alone with one helper. Knife work "
        "precise and fast; cold chain respected (temperature checked at delivery); work area clean "
        "at the end. Gave clear instructions to the helper in French and Arabic.\n"
        "— Sophie Lambert, trainer", TRUE, TRUE, TRUE, TRUE },
      { "HACCP course attendance certificate", "certificate", "attestation-haccp.txt",
        "Centre de formation horeca — attestation de participation\nHygiène alimentaire (HACCP), "
        "3 jours, novembre 2024. Participant: Rami Haddad. Résultat du test final: 17/20.",
        TRUE, TRUE, TRUE, TRUE },
    },
    {
      { SKILL ("f3934441-4bff-4076-9945-e6c51a01c467"), "use cooking techniques", 0, 1, "interview",
        4, "practical_test", "EQF 4", TRAINER,
        "Practical test in the café's kitchen: full menu prepared to time and standard." },
      { SKILL ("c42d2a2a-2f55-45ac-beb1-0a8a76412457"), "use food cutting tools", 0, 1, "interview",
        3, "observation", "EQF 3", TRAINER, "Observed during service; precise and safe knife work." },
      { SKILL ("0ff99f51-40d9-42f1-a1ec-377b2bb5e15f"), "comply with food safety and hygiene", 4, 2,
        "suggestion", 3, "document_review", "EQF 3", COORDINATOR,
        "HACCP certificate checked; confirmed by the observation in the kitchen." },
      { SKILL ("210827e3-3129-45a2-8683-70399f3f561f"), "order supplies", 1, 0, "interview",
        2, NULL, NULL, NULL, NULL },
      { S_RESOURCES, 2, -1, "interview", 1, NULL, NULL, NULL, NULL },
      { S_LEAD, 2, -1, "self_assessment", 1, NULL, NULL, NULL, NULL },
      { S_TEAMS, 0, -1, "interview", 1, NULL, NULL, NULL, NULL },
    },
    {
      { "Work as a cook in a restaurant kitchen", O_COOK, "open" },
    },
    {
      { "Validation des compétences: épreuve de cuisinier", "recognition", "planned", "2026-03-15",
        NULL, "Centre de validation des compétences, Liège." },
      { "Stage de deux semaines en cuisine", "internship", "in_progress", "2026-01-31", NULL,
        "Partner restaurant in Liège centre." },
      { "Français B1 (cours du soir)", "language_course", "in_progress", "2026-06-30", NULL, NULL },
    },
    {
      { "2025-01-20", "individual", 90, "Intake interview with an Arabic-speaking volunteer." },
      { "2025-02-12", "individual", 180, "Observation in the kitchen of the café." },
      { "2025-03-04", "mentoring", 60, "Portfolio reviewed; plan agreed." },
    },
  },
  {
    "Yonas", "Tesfamariam", "male", 1990, "ER", "2018-09-02",
    "ዮናስ ተስፋማርያም · +32 471 22 31 42",
    CONSENTS ("2025-02-10"),
    {
      { "ti", TRUE, "C2", "C1", "C2", "C2", "C1", "self" },
      { "ar", FALSE, "B2", "B1", "B2", "B2", "A2", "trainer" },
      { "en", FALSE, "B2", "B2", "B2", "B1", "B1", "test" },
      { "fr", FALSE, "A2", "A2", "A2", "A2", "A1", "test" },
    },
    {
      { "Certificate in auto mechanics", "Asmara technical school", "ER", 3, "0716", 2008,
        "copy", "requested", 3, "Copy sent from Asmara by a cousin." },
    },
    {
      { "paid_work", "Mechanic on trucks and buses", "Garage of the transport cooperative", "ER",
        "Asmara", "2008", "2014", "Diagnosed and repaired diesel engines of lorries and buses; "
        "replaced clutches and gearboxes; worked with scarce spare parts.", O_DIESEL_MECHANIC },
      { "ngo", "Volunteer interpreter Tigrinya–Arabic–English", "Medical NGO", "SD", "Khartoum",
        "2015", "2017", "Interpreted between doctors and Eritrean patients at a clinic; kept what "
        "patients said confidential.", O_INTERPRETER },
      { "migration_journey", "From Asmara to Belgium", "", NULL, "Khartoum, Tripoli, Sicily",
        "2014", "2018-09", "Crossed Sudan and Libya; repaired the engines of vehicles of the group; "
        "learnt Arabic and English on the way.", NULL },
      { "informal_learning", "Bicycle and moped repairs for neighbours", "", "BE", "Liège",
        "2019", NULL, "Repairs bikes and mopeds in the courtyard of his building.", NULL },
    },
    {
      { "Reference letter from the medical NGO (translated)", "reference", "reference-ngo.txt",
        "To whom it may concern: Mr Yonas Tesfamariam worked as a volunteer interpreter at our "
        "clinic in Khartoum from 2015 to 2017. He interpreted reliably between Tigrinya, Arabic and "
        "English and respected patient confidentiality at all times. (Translation.)",
        TRUE, TRUE, TRUE, FALSE },
      { "Photo of a repaired moped engine", "photo", "moteur-repare.png", NULL,
        TRUE, FALSE, FALSE, TRUE },
    },
    {
      { SKILL ("8b5962d7-b195-4459-addb-d15a48cc4b64"), "interpret spoken language between two parties",
        1, 0, "interview", 3, "employer_reference", "B2", TRAINER,
        "Reference from the NGO and a role play interpreting a medical appointment." },
      { SKILL ("8d202e22-85e9-47b1-a1e0-3296d17244cd"), "observe confidentiality", 1, 0,
        "suggestion", 2, NULL, NULL, NULL, NULL },
      { SKILL ("1bc7c69b-4292-4592-b854-f48165a06082"), "repair engines", 0, 1, "interview",
        2, NULL, NULL, NULL, NULL },
      { SKILL ("68162174-68c3-4601-840b-5e63c2dd7481"), "diagnose defective engines", 0, -1,
        "interview", 1, NULL, NULL, NULL, NULL },
      { S_LANGUAGES, 2, -1, "interview", 1, NULL, NULL, NULL, NULL },
    },
    {
      { "Work as a heavy vehicle mechanic", O_DIESEL_MECHANIC, "open" },
      { "Become a community interpreter", O_INTERPRETER, "open" },
    },
    {
      { "Practical test in a training garage", "recognition", "planned", "2026-02-20", NULL, NULL },
      { "Français A2 → B1", "language_course", "in_progress", "2026-06-30", NULL, NULL },
    },
    {
      { "2025-02-10", "individual", 75, "Intake; interpreter for Tigrinya present." },
      { "2025-03-17", "group", 120, "Workshop: telling one's experience." },
    },
  },
  {
    "Olena", "Kovalenko", "female", 1979, "UA", "2022-04-08",
    "Олена Коваленко · +32 472 33 42 53 · olena.k@example.org",
    CONSENTS ("2024-10-01"),
    {
      { "uk", TRUE, "C2", "C2", "C2", "C2", "C2", "self" },
      { "ru", FALSE, "C2", "C2", "C1", "C1", "C1", "self" },
      { "en", FALSE, "B2", "B2", "B1", "B1", "B1", "certificate" },
      { "fr", FALSE, "A2", "B1", "A2", "A2", "A2", "test" },
    },
    {
      { "Бакалавр з обліку і аудиту (Bachelor in accounting and audit)",
        "Kharkiv National University of Economics", "UA", 6, "0411", 2001, "translated", "partial",
        6, "Equivalence of level granted; profession not regulated in Belgium." },
    },
    {
      { "paid_work", "Chief accountant", "Food wholesaler (45 staff)", "UA", "Kharkiv", "2005",
        "2022-02", "Prepared monthly and annual financial statements; payroll; VAT returns; worked "
        "with 1C accounting software and spreadsheets.", O_ACCOUNTANT },
      { "paid_work", "Accountant", "Regional dairy", "UA", "Kharkiv", "2001", "2004", "Bookkeeping, "
        "bank reconciliations, inventory.", O_BOOKKEEPER },
      { "migration_journey", "From Kharkiv to Liège with her two children", "", NULL,
        "Przemyśl, Kraków", "2022-03", "2022-04", "Organised the departure of her family and a "
        "neighbour; found housing and schools within two weeks of arriving.", NULL },
      { "community", "Treasurer of the Ukrainian mothers' association", "Association ukrainienne de "
        "Liège", "BE", "Liège", "2022-09", NULL, "Keeps the accounts of the association, applies "
        "for small grants, organises the Saturday school.", NULL },
      { "non_formal_course", "Belgian accounting (PCMN) evening course", "Promotion sociale", "BE",
        "Liège", "2024-09", "2025-06", "Belgian chart of accounts, VAT, closing.", NULL },
    },
    {
      { "Diploma with sworn translation", "diploma", "diplome-traduction.txt",
        "Sworn translation of the Bachelor diploma in accounting and audit, Kharkiv National "
        "University of Economics, 2001.", TRUE, TRUE, TRUE, FALSE },
      { "Annual accounts of the association, 2024", "work_sample", "comptes-2024.txt",
        "Association ukrainienne de Liège — comptes annuels 2024\nRecettes: 8 420,00 €\n"
        "Dépenses: 7 915,50 €\nRésultat: 504,50 €\nPréparés par O. Kovalenko, trésorière.",
        TRUE, TRUE, TRUE, TRUE },
    },
    {
      { SKILL ("60f51172-37c0-4933-a27a-cbf55dcd7580"), "prepare financial statements", 0, 1,
        "interview", 4, "document_review", "EQF 6", COORDINATOR,
        "Diploma and the association's accounts reviewed; case study on Belgian accounts passed." },
      { SKILL ("5f1ebff6-98ec-411f-a1d4-0bf04bd03bdf"), "check accounting records", 0, 1,
        "interview", 3, "simulation", "EQF 5", COORDINATOR,
        "Simulation: found the five planted errors in a ledger within the time." },
      { SKILL ("2ecf90f1-c511-464b-b26f-598d69182c70"), "calculate tax", 0, 0, "interview",
        2, NULL, NULL, NULL, NULL },
      { SKILL ("1973c966-f236-40c9-b2d4-5d71a89019be"), "use spreadsheets software", 3, 1,
        "self_assessment", 3, "practical_test", "DigComp 5", TRAINER, "Spreadsheet exercise." },
      { S_UNCERTAINTY, 2, -1, "interview", 1, NULL, NULL, NULL, NULL },
    },
    {
      { "Work as an accountant in a Belgian firm", O_ACCOUNTANT, "open" },
    },
    {
      { "Register with the accountants' institute (ITAA) — information session", "recognition",
        "planned", "2026-04-01", NULL, NULL },
      { "French B1 for work", "language_course", "in_progress", "2026-06-30", NULL, NULL },
      { "Job search: accounting firms in Liège", "job_search", "planned", NULL, NULL, NULL },
    },
    {
      { "2024-10-01", "individual", 60, "Intake interview in English." },
      { "2024-11-12", "individual", 60, "Diploma recognition file prepared." },
    },
  },
  {
    "Youssef", "Benali", "male", 1996, "MA", "2021-09-15",
    "يوسف بنعلي · +32 473 44 53 64 · y.benali@example.org",
    CONSENTS ("2025-03-03"),
    {
      { "ar", TRUE, "C2", "C2", "C2", "C2", "C1", "self" },
      { "ber", TRUE, "C2", NULL, "C2", "C2", NULL, "self" },
      { "fr", FALSE, "C1", "C1", "C1", "B2", "B2", "test" },
      { "en", FALSE, "B2", "B2", "B1", "B1", "B2", "self" },
    },
    {
      { "Licence en informatique (Bachelor in computer science)", "Université Mohammed Premier, "
        "Oujda", "MA", 6, "0613", 2019, "original", "requested", 6, NULL },
    },
    {
      { "paid_work", "Help desk technician", "Call centre for a telecom operator", "MA", "Oujda",
        "2019-07", "2021-06", "Level 1 support by phone; tickets; reset routers and accounts.",
        O_ICT_HELP_DESK },
      { "informal_learning", "Self-taught web development", "", NULL, "", "2017", NULL,
        "Built websites for a cousin's shop and a football club (HTML, CSS, JavaScript, PHP) "
        "with online courses.", O_WEB_DEVELOPER },
      { "migration_journey", "Student visa, then settling in Belgium", "", NULL, "Oujda, Liège",
        "2021-09", "2022", "Came for a master's degree; left it to support his family; "
        "learnt to deal with Belgian administrations alone.", NULL },
      { "volunteering", "Repair café: computers", "Repair Café Outremeuse", "BE", "Liège", "2022-03",
        NULL, "Repairs and reinstalls computers for neighbours once a month.", O_ICT_HELP_DESK },
    },
    {
      { "Screenshot of the football club's website", "work_sample", "site-club.png", NULL,
        TRUE, TRUE, FALSE, TRUE },
      { "Original diploma (Licence)", "diploma", "licence-informatique.txt",
        "Royaume du Maroc — Université Mohammed Premier — Licence fondamentale en sciences "
        "mathématiques et informatique, 2019.", TRUE, TRUE, TRUE, TRUE },
    },
    {
      { SKILL ("c2296e2e-5fef-4f24-a24f-e5b3792268be"), "provide ICT support", 0, 1, "interview",
        3, "simulation", "EQF 4", TRAINER, "Simulated help desk calls handled well in French." },
      { SKILL ("0af062de-eb43-41e9-9b96-249e2cd22d26"), "use markup languages", 1, 0,
        "self_assessment", 2, NULL, NULL, NULL, NULL },
      { SKILL ("21d2f96d-35f7-4e3f-9745-c533d2dd6e97"), "computer programming", 1, 1,
        "suggestion", 2, NULL, NULL, NULL, NULL },
      { SKILL ("9e06bac6-6b91-48ca-8b7d-c1f48cdecd7c"), "solve ICT system problems", 3, -1,
        "interview", 1, NULL, NULL, NULL, NULL },
    },
    {
      { "Work as a junior web developer", O_WEB_DEVELOPER, "open" },
    },
    {
      { "Web developer training (6 months)", "training", "planned", "2026-09-01", NULL, NULL },
      { "Equivalence of the Licence (Fédération Wallonie-Bruxelles)", "recognition", "in_progress",
        NULL, NULL, NULL },
    },
    {
      { "2025-03-03", "individual", 60, NULL },
    },
  },
  {
    "Zahra", "Ahmadi", "female", 1988, "AF", "2021-10-20",
    "زهرا احمدی · +32 474 55 64 75",
    { { "processing", "2025-01-27", NULL }, { "photo", "2025-01-27", NULL } },
    {
      { "fa", TRUE, "C2", "B1", "C2", "C2", "A2", "self" },
      { "ps", FALSE, "B1", NULL, "A2", "A2", NULL, "self" },
      { "fr", FALSE, "A2", "A1", "A2", "A1", "A1", "trainer" },
    },
    {
      { "Primary school (6 years)", "Girls' school, Herat", "AF", 1, NULL, 2000, "none",
        "not_requested", 0, NULL },
    },
    {
      { "self_employment", "Own tailoring workshop", "", "AF", "Herat", "2008", "2021-08",
        "Made and altered women's clothes and wedding dresses; took measurements, cut patterns, "
        "embroidered; employed two young women.", O_TAILOR },
      { "family_care", "Raising four children, caring for her mother-in-law", "", "AF", "Herat",
        "2006", NULL, "Organised the household budget and care at home.", NULL },
      { "migration_journey", "Evacuation from Kabul", "", NULL, "Kabul, Islamabad", "2021-08",
        "2021-10", "Left with her children through Pakistan; kept the family together and "
        "handled the papers.", NULL },
      { "informal_learning", "Atelier couture du quartier", "Maison de quartier", "BE", "Liège",
        "2022-05", NULL, "Teaches other women to use a sewing machine, in Dari and with gestures.",
        O_SEWING_OPERATOR },
    },
    {
      { "Photo of a dress made in the workshop", "photo", "robe.png", NULL, TRUE, TRUE, FALSE, TRUE },
      { "Observation at the sewing workshop", "observation", "observation-couture.txt",
        "Zahra took measurements, drew a pattern on paper and sewed a lined skirt in one "
        "afternoon. Finishing of professional quality. She explained each step to two other "
        "participants.", TRUE, TRUE, TRUE, TRUE },
    },
    {
      { SKILL ("0d207bf2-b0dd-4a36-933f-d2cd3da2933d"), "sew textile-based articles", 0, 1,
        "interview", 4, "practical_test", "EQF 4", "Anne Collard (couturière)",
        "Skirt made from measurements to finishing in one afternoon." },
      { SKILL ("2ac79be0-1f66-48da-84a6-2d294179927f"), "create patterns for garments", 0, 1,
        "interview", 3, "observation", "EQF 3", TRAINER, "Pattern drawn by hand, correct." },
      { SKILL ("7e2f6f05-d6ef-45f3-a33c-5d6d0b07e1cf"), "alter wearing apparel", 0, 0,
        "self_assessment", 2, NULL, NULL, NULL, NULL },
      { SKILL ("1fe563ab-47b8-4092-98d6-2ac94952891e"), "embroider fabrics", 0, -1,
        "self_assessment", 1, NULL, NULL, NULL, NULL },
      { S_EMPATHY, 3, -1, "interview", 1, NULL, NULL, NULL, NULL },
    },
    {
      { "Work in a dressmaking and alterations shop", O_TAILOR, "open" },
    },
    {
      { "Alphabétisation et français oral", "language_course", "in_progress", NULL, NULL, NULL },
      { "Stage dans un atelier de retouches", "internship", "planned", "2026-05-01", NULL, NULL },
    },
    {
      { "2025-01-27", "individual", 90, "Pictorial self-assessment with the competence cards." },
      { "2025-02-24", "individual", 120, "Observation at the sewing workshop." },
    },
  },
  {
    "María Fernanda", "González Pérez", "female", 1987, "VE", "2019-06-11",
    "+32 475 66 75 86 · mafe.gonzalez@example.org",
    CONSENTS ("2024-09-16"),
    {
      { "es", TRUE, "C2", "C2", "C2", "C2", "C2", "self" },
      { "fr", FALSE, "B2", "B2", "B1", "B1", "B1", "certificate" },
      { "en", FALSE, "B1", "B1", "A2", "A2", "A2", "self" },
    },
    {
      { "Licenciatura en Enfermería (Bachelor of Nursing)", "Universidad de Carabobo", "VE", 6, "0913",
        2010, "original", "partial", 6, "Recognised as care assistant; nursing requires "
        "additional courses." },
    },
    {
      { "paid_work", "Enfermera en urgencias (emergency nurse)", "Hospital Central", "VE", "Valencia",
        "2010", "2017", "Triage, wound care, medication, night shifts; coordinated student nurses.",
        O_NURSE },
      { "migration_journey", "From Valencia (Venezuela) to Liège", "", NULL, "Cúcuta, Bogotá, Madrid",
        "2017", "2019-06", "Two years in Colombia working in a pharmacy, then Spain and Belgium.",
        NULL },
      { "paid_work", "Aide-soignante", "Maison de repos Les Tilleuls", "BE", "Liège", "2020-02", NULL,
        "Personal care of older residents; observation and reporting to the nurses.",
        O_HEALTHCARE_ASSISTANT },
      { "volunteering", "Premiers secours lors d'événements", "Croix-Rouge de Belgique", "BE", "Liège",
        "2021", NULL, "First-aid post at concerts and sports events.", NULL },
    },
    {
      { "Nursing diploma (original and translation)", "diploma", "titulo-enfermeria.txt",
        "República Bolivariana de Venezuela — Universidad de Carabobo — Licenciada en Enfermería, "
        "2010. Traduction jurée jointe.", TRUE, TRUE, TRUE, FALSE },
      { "Employer reference, Maison de repos Les Tilleuls", "reference", "reference-tilleuls.txt",
        "Madame González Pérez travaille chez nous comme aide-soignante depuis février 2020. "
        "Elle est rigoureuse, attentive aux résidents et appréciée de l'équipe.",
        TRUE, TRUE, TRUE, TRUE },
    },
    {
      { SKILL ("1023ac61-250f-4eef-b7a9-238cf071685f"), "provide professional care in nursing", 0, 0,
        "interview", 3, "document_review", "EQF 6", COORDINATOR,
        "Diploma and transcript checked against the Belgian nursing curriculum." },
      { SKILL ("0dcea846-04b4-4ffc-8c75-a35c991454b1"), "apply first response", 3, 1, "interview",
        4, "employer_reference", "EQF 4", COORDINATOR, "Red Cross volunteer record and reference." },
      { SKILL ("2475cd27-8d6c-4318-a364-21395b23acba"), "empathise with the healthcare user", 2, 1,
        "suggestion", 3, "employer_reference", NULL, TRAINER, "Reference from the care home." },
      { S_ADAPT, 1, -1, "interview", 1, NULL, NULL, NULL, NULL },
    },
    {
      { "Work as a nurse in Belgium", O_NURSE, "open" },
    },
    {
      { "Bridging course to the Belgian nursing diploma", "training", "planned", "2026-09-15",
        NULL, NULL },
      { "Recognition file at the Ministry of Health", "recognition", "done", NULL, "2025-05-20",
        "Partial recognition obtained." },
    },
    {
      { "2024-09-16", "individual", 60, NULL },
      { "2025-05-27", "mentoring", 45, "Talked through the bridging course." },
    },
  },
  {
    "Jean-Pierre", "Mukendi Kabongo", "male", 1972, "CD", "2015-11-03",
    "+32 476 77 86 97 · jp.mukendi@example.org",
    { { "processing", "2025-04-07", NULL }, { "sharing", "2025-04-07", "2025-09-01" },
      { "statistics", "2025-04-07", NULL } },
    {
      { "fr", FALSE, "C2", "C2", "C2", "C2", "C1", "self" },
      { "ln", TRUE, "C2", "B2", "C2", "C2", "B1", "self" },
      { "sw", FALSE, "C1", "B1", "B2", "B2", "A2", "self" },
      { "lua", FALSE, "C2", NULL, "C2", "C2", NULL, "self" },
    },
    {
      { "Graduat en pédagogie (teacher training)", "Institut supérieur pédagogique, Kananga", "CD", 5,
        "0113", 1994, "copy", "not_requested", 5, NULL },
    },
    {
      { "paid_work", "Instituteur (primary school teacher)", "École primaire Saint-Joseph", "CD",
        "Kinshasa", "1995", "2013", "Taught classes of 60 pupils; French and arithmetic; parents' "
        "meetings.", O_PRIMARY_TEACHER },
      { "trade_union", "Délégué syndical des enseignants", "Teachers' union", "CD", "Kinshasa",
        "2002", "2013", "Negotiated with the school network on unpaid salaries; trained delegates; "
        "spoke at assemblies.", NULL },
      { "political", "Secretary of a local section", "Opposition party", "CD", "Kinshasa", "2008",
        "2013", "Organised meetings and wrote press releases.", NULL },
      { "migration_journey", "Exile to Belgium", "", NULL, "Brazzaville, Brussels", "2013", "2015-11",
        "Fled after arrest; two years in Brazzaville; asylum procedure in Belgium.", NULL },
      { "ngo", "Animateur bénévole, soutien scolaire", "Maison des jeunes", "BE", "Liège", "2017",
        NULL, "Homework support for children of the neighbourhood; mediation with parents.",
        O_YOUTH_WORKER },
    },
    {
      { "Letter from the Maison des jeunes", "reference", "lettre-mj.txt",
        "Monsieur Mukendi anime notre école de devoirs bénévolement depuis 2017. Il a une grande "
        "autorité bienveillante et sait parler aux parents.", TRUE, TRUE, TRUE, TRUE },
    },
    {
      { SKILL ("e05fccc8-0b53-43fc-81ee-9aa5a7229aa9"), "advocate for others", 1, 0, "interview",
        3, "interview", NULL, TRAINER, "Structured interview on the union negotiations, with examples." },
      { SKILL ("811acf0c-4dd7-4dda-a4fa-7ca498a95204"), "negotiate employment agreements", 1, -1,
        "interview", 1, NULL, NULL, NULL, NULL },
      { SKILL ("fd446407-b08e-49da-b8e3-7e7c79618c3f"), "conduct public presentations", 2, 0,
        "suggestion", 2, NULL, NULL, NULL, NULL },
      { SKILL ("20f57a7f-b90e-4403-8c77-5ddd89b5835b"), "prepare lesson content", 0, 0, "interview",
        3, "observation", "EQF 5", TRAINER, "Observed a homework session he prepared." },
      { S_CONFLICTS, 4, -1, "interview", 1, NULL, NULL, NULL, NULL },
    },
    {
      { "Work as an educator or social mediator", O_YOUTH_WORKER, "open" },
    },
    {
      { "Formation d'éducateur (promotion sociale)", "training", "in_progress", "2027-06-30", NULL,
        NULL },
    },
    {
      { "2025-04-07", "individual", 90, NULL },
    },
  },
  {
    "Hodan", "Abdi Warsame", "female", 1983, "SO", "2017-02-21",
    "Hodan Cabdi Warsame · +32 477 88 97 08",
    CONSENTS ("2025-01-13"),
    {
      { "so", TRUE, "C2", "B1", "C2", "C2", "A2", "self" },
      { "ar", FALSE, "B1", "B1", "A2", "A2", "A2", "self" },
      { "fr", FALSE, "B1", "A2", "B1", "A2", "A2", "test" },
    },
    { { NULL } },
    {
      { "family_care", "Raised six children; cared for her disabled father", "", "SO", "Mogadishu",
        "2001", NULL, "Daily care, medication, meals for a large household; nursed her father "
        "for four years.", O_HOME_CARE_AIDE },
      { "self_employment", "Small shop selling food and phone credit", "", "SO", "Mogadishu", "2008",
        "2014", "Bought stock, kept the accounts in a notebook.", NULL },
      { "migration_journey", "From Mogadishu to Liège", "", NULL, "Nairobi, Kampala", "2014", "2017-02",
        "Three years in Kenya and Uganda with her children; family reunification in Belgium.",
        NULL },
      { "community", "Somali women's association: welcome of newcomers", "Association des femmes "
        "somaliennes", "BE", "Liège", "2018", NULL, "Accompanies newly arrived women to the "
        "doctor, the CPAS and schools; interprets.", NULL },
      { "non_formal_course", "Module: aide familiale (introduction)", "Centre de formation", "BE",
        "Liège", "2025-02", "2025-04", "Introduction to home care work, 80 hours with a short "
        "placement.", O_HOME_CARE_AIDE },
    },
    {
      { "Placement report, introduction to home care", "observation", "rapport-stage.txt",
        "Placement of 3 days with an elderly person at home: Hodan helped with meals, hygiene "
        "and mobility with great respect and patience.", TRUE, TRUE, TRUE, TRUE },
    },
    {
      { SKILL ("261e740b-d32d-4356-94a8-3ea29128b70b"), "tend to elderly people", 4, 0, "interview",
        3, "observation", "EQF 3", "Claire Renard (tutor)", "Observed during the placement." },
      { SKILL ("f8d4a24c-fb62-444e-9525-7aa5662f440d"), "supervise children", 0, -1,
        "self_assessment", 1, NULL, NULL, NULL, NULL },
      { SKILL ("941438bd-cc03-4326-91bf-677157dca170"), "support social service users to live at home",
        0, 0, "suggestion", 2, NULL, NULL, NULL, NULL },
      { S_INTERCULTURAL, 3, -1, "interview", 1, NULL, NULL, NULL, NULL },
      { S_RESOURCES, 1, -1, "interview", 1, NULL, NULL, NULL, NULL },
    },
    {
      { "Work as a home care aide", O_HOME_CARE_AIDE, "open" },
    },
    {
      { "Formation d'aide familiale (1 an)", "training", "planned", "2026-09-01", NULL, NULL },
      { "Français oral B1", "language_course", "in_progress", NULL, NULL, NULL },
    },
    {
      { "2025-01-13", "individual", 60, NULL },
      { "2025-04-28", "individual", 45, "Debrief of the placement." },
    },
  },
  {
    "Dariush", "Rahimi", "male", 1981, "IR", "2020-01-29",
    "داریوش رحیمی · +32 478 99 08 19 · d.rahimi@example.org",
    CONSENTS ("2025-05-05"),
    {
      { "fa", TRUE, "C2", "C2", "C2", "C2", "C2", "self" },
      { "en", FALSE, "C1", "C1", "B2", "B2", "B2", "certificate" },
      { "fr", FALSE, "B1", "B1", "A2", "A2", "A2", "test" },
    },
    {
      { "کارشناسی ارشد مهندسی مکانیک (Master in mechanical engineering)", "Isfahan University of "
        "Technology", "IR", 7, "0715", 2006, "translated", "full", 7, NULL },
    },
    {
      { "paid_work", "Design engineer, heating and cooling", "HVAC manufacturer", "IR", "Isfahan",
        "2006", "2018", "Designed heat exchangers and cooling systems with CAD software; led a "
        "team of four draughtsmen.", O_MECHANICAL_ENGINEER },
      { "migration_journey", "From Isfahan to Belgium", "", NULL, "Istanbul, Athens", "2018", "2020-01",
        "Left for political reasons; over a year in Athens helping other refugees with English.",
        NULL },
      { "paid_work", "Warehouse worker (interim)", "Logistics company", "BE", "Herstal", "2021",
        "2023", "Order picking and forklift; proposed a better layout of the racks.",
        O_WAREHOUSE_WORKER },
      { "non_formal_course", "AutoCAD et Revit, mise à niveau", "Technifutur", "BE", "Seraing",
        "2024-01", "2024-03", "Update on current CAD tools and Belgian standards.", NULL },
    },
    {
      { "Portfolio of technical drawings (extract)", "work_sample", "plans-extrait.png", NULL,
        TRUE, TRUE, TRUE, FALSE },
      { "Decision of equivalence of the master's degree", "certificate", "equivalence.txt",
        "Fédération Wallonie-Bruxelles — décision d'équivalence: master en sciences de "
        "l'ingénieur, orientation mécanique.", TRUE, TRUE, TRUE, TRUE },
    },
    {
      { SKILL ("b34e2ba1-9080-48c9-9b42-ee9192a4d3f1"), "use CAD software", 3, 0, "interview",
        4, "practical_test", "EQF 7", "Luc Martin (Technifutur)", "CAD test at the end of the course." },
      { SKILL ("42b23922-1c40-4dbe-9e0c-7a568dfdf06b"), "adjust engineering designs", 0, 0,
        "interview", 3, "interview", "EQF 7", COORDINATOR, "Technical interview on past projects." },
      { SKILL ("209a5498-3449-4689-8ed9-bd08cab4fd78"), "engineering principles", 0, 1,
        "suggestion", 3, "document_review", "EQF 7", COORDINATOR, "Equivalence decision." },
      { S_TEAMS, 2, -1, "interview", 1, NULL, NULL, NULL, NULL },
      { S_PHYSICAL, 2, -1, "interview", 1, NULL, NULL, NULL, NULL },
      { S_DETAIL, 2, -1, "interview", 1, NULL, NULL, NULL, NULL },
    },
    {
      { "Work as a mechanical engineer (HVAC)", O_MECHANICAL_ENGINEER, "open" },
    },
    {
      { "Applications to engineering firms", "job_search", "in_progress", NULL, NULL, NULL },
      { "Néerlandais A2", "language_course", "planned", "2026-02-01", NULL, NULL },
    },
    {
      { "2025-05-05", "individual", 60, NULL },
      { "2025-06-02", "mentoring", 60, "Mock job interview with an engineer volunteer." },
    },
  },
  {
    "Abdelrahman", "Osman Ali", "male", 1976, "SD", "2023-05-17",
    "عبد الرحمن عثمان علي · +32 479 10 19 20",
    CONSENTS ("2025-06-16"),
    {
      { "ar", TRUE, "C2", "B2", "C2", "C2", "B1", "self" },
      { "en", FALSE, "A2", "A2", "A2", "A1", "A1", "self" },
      { "fr", FALSE, "A1", "A1", "A1", "A1", NULL, "trainer" },
    },
    {
      { "Primary school", "Village school near Wad Madani", "SD", 1, NULL, 1988, "none",
        "not_requested", 0, NULL },
    },
    {
      { "self_employment", "Farmer: sorghum, groundnuts, vegetables and goats", "Family farm", "SD",
        "Gezira", "1990", "2022", "Ran the family farm (12 feddans); irrigation from the canal; "
        "sold at the market; repaired the water pump.", O_MIXED_FARMER },
      { "community", "Member of the village irrigation committee", "", "SD", "Gezira", "2005", "2022",
        "Planned the share of canal water between farms; settled disputes.", NULL },
      { "migration_journey", "From Gezira to Belgium", "", NULL, "Cairo, Tripoli, Lampedusa",
        "2022", "2023-05", "Fled the war; worked on farms in Egypt to pay for the journey.", NULL },
      { "paid_work", "Seasonal picker (apples, pears)", "Fruit farm", "BE", "Sint-Truiden", "2024-08",
        "2024-10", "Picking and sorting; quick to learn the quality rules.", O_FRUIT_PICKER },
    },
    {
      { "Photo of the vegetable plot he manages at the community garden", "photo", "potager.png", NULL,
        TRUE, FALSE, FALSE, TRUE },
    },
    {
      { SKILL ("c5f255ef-02d3-4ab0-a652-2bf055d1d493"), "grow plants", 0, 0, "interview", 2, NULL,
        NULL, NULL, NULL },
      { SKILL ("2e4e8114-e579-453d-918e-b0262818ab76"), "harvest crop", 3, -1, "interview", 1, NULL,
        NULL, NULL, NULL },
      { SKILL ("700ea222-8139-4c48-95cf-014855565530"), "irrigation systems", 0, -1, "interview", 1,
        NULL, NULL, NULL, NULL },
      { S_COMPROMISE, 1, -1, "interview", 1, NULL, NULL, NULL, NULL },
      { S_PHYSICAL, 3, -1, "interview", 1, NULL, NULL, NULL, NULL },
    },
    {
      { "Work in market gardening or fruit growing", O_CROP_WORKER, "open" },
    },
    {
      { "Formation en maraîchage bio", "training", "planned", "2026-03-01", NULL, NULL },
      { "Alphabétisation en français", "language_course", "in_progress", NULL, NULL, NULL },
    },
    {
      { "2025-06-16", "individual", 90, "Intake with an Arabic-speaking interpreter." },
    },
  },
  {
    "Selam", "Haile", "female", 2005, "ET", "2022-12-05",
    "ሰላም ሃይለ · +32 480 21 30 41 · selam.h@example.org",
    CONSENTS ("2025-02-17"),
    {
      { "ti", TRUE, "C2", "B2", "C2", "C2", "B1", "self" },
      { "am", FALSE, "B2", "B1", "B2", "B1", "A2", "self" },
      { "fr", FALSE, "B1", "B1", "B1", "B1", "A2", "test" },
      { "en", FALSE, "B1", "B1", "B1", "A2", "A2", "self" },
    },
    {
      { "Grade 8 (lower secondary, not completed)", "School in Mekelle", "ET", 2, NULL, 0, "none",
        "not_requested", 0, "School interrupted by the war in 2020." },
    },
    {
      { "family_care", "Looked after her younger brothers", "", "ET", "Mekelle", "2018", "2021",
        "Cared for three younger brothers while her mother worked.", O_CHILD_CARE_WORKER },
      { "migration_journey", "Unaccompanied minor, from Tigray to Belgium", "", NULL,
        "Khartoum, Libya, Italy", "2021", "2022-12", "Travelled alone at 16; learnt Arabic words, "
        "Italian and French on the way; looked after younger children in the group.", NULL },
      { "informal_learning", "Languages and coding on a phone", "", "BE", "Liège", "2023", NULL,
        "Learnt French with apps and videos; follows an online course on app design.", NULL },
      { "volunteering", "Animatrice de plaine de jeux (summer)", "Plaine de jeux communale", "BE",
        "Liège", "2024-07", "2024-08", "Led games for children aged 6 to 10.", O_CHILD_CARE_WORKER },
    },
    {
      { "Attestation of the summer play scheme", "reference", "attestation-plaine.txt",
        "La commune atteste que Selam Haile a été animatrice bénévole à la plaine de jeux du 1er "
        "juillet au 23 août 2024. Très appréciée des enfants.", TRUE, TRUE, FALSE, TRUE },
    },
    {
      { SKILL ("94b01483-f13d-48ba-b8a9-ef8f18fcb2dc"), "play with children", 3, 0, "interview", 2,
        NULL, NULL, NULL, NULL },
      { SKILL ("f8d4a24c-fb62-444e-9525-7aa5662f440d"), "supervise children", 0, 0, "suggestion", 2,
        NULL, NULL, NULL, NULL },
      { S_LEARN, 2, -1, "interview", 1, NULL, NULL, NULL, NULL },
      { S_STRESS, 1, -1, "self_assessment", 1, NULL, NULL, NULL, NULL },
      { S_LANGUAGES, 1, -1, "interview", 1, NULL, NULL, NULL, NULL },
    },
    {
      { "Finish secondary school (CESS) and train as an educator", O_CHILD_CARE_WORKER, "open" },
    },
    {
      { "Jury de la Fédération Wallonie-Bruxelles (CE2D)", "recognition", "planned", "2026-06-15",
        NULL, NULL },
      { "Brevet d'animatrice", "training", "planned", "2026-07-01", NULL, NULL },
    },
    {
      { "2025-02-17", "individual", 60, "With her guardian." },
      { "2025-03-17", "group", 120, "Workshop: telling one's experience." },
    },
  },
  {
    "Mamadou", "Diallo", "male", 1993, "GN", "2019-03-26",
    "+32 481 32 41 52 · mamadou.diallo@example.org",
    CONSENTS ("2025-03-24"),
    {
      { "ff", TRUE, "C2", NULL, "C2", "C2", NULL, "self" },
      { "fr", FALSE, "C1", "B2", "C1", "B2", "B1", "test" },
      { "sus", FALSE, "C1", NULL, "B2", "B2", NULL, "self" },
    },
    {
      { "Baccalauréat unique, sciences sociales", "Lycée de Labé", "GN", 3, NULL, 2012, "copy",
        "not_requested", 4, NULL },
    },
    {
      { "volunteering", "Football coach for under-13s", "Neighbourhood football club", "GN", "Labé",
        "2010", "2016", "Trained 25 boys three times a week; organised matches and a small "
        "tournament; talked with parents.", O_FOOTBALL_COACH },
      { "paid_work", "Moto-taxi driver", "", "GN", "Conakry", "2013", "2016", "Own motorbike; "
        "maintenance and daily accounts.", NULL },
      { "migration_journey", "From Labé to Liège", "", NULL, "Bamako, Agadez, Tripoli, Italy", "2016",
        "2019-03", "Crossed the desert; in Italy organised football matches in the reception "
        "centre to calm tensions.", NULL },
      { "volunteering", "Assistant coach, youth team", "RFC de quartier", "BE", "Liège", "2020", NULL,
        "Assistant coach of the U12 team; leads warm-ups and technical drills.", O_FOOTBALL_COACH },
      { "non_formal_course", "Animateur sportif: module de base", "ADEPS", "BE", "Liège", "2023-09",
        "2023-12", "Basics of coaching children; first aid in sport.", O_FOOTBALL_COACH },
    },
    {
      { "ADEPS module certificate", "certificate", "adeps-module.txt",
        "ADEPS — Animateur sportif, module de base — réussi, décembre 2023.", TRUE, TRUE, TRUE, TRUE },
      { "Photo of the U12 team's training", "photo", "entrainement-u12.png", NULL,
        TRUE, TRUE, FALSE, TRUE },
    },
    {
      { SKILL ("dbadb531-2fb9-4361-b80b-9be8c3c54229"), "instruct in sport", 3, 0, "interview",
        4, "observation", "EQF 3", "Didier Renson (club coach)", "Observed leading a training session "
        "of the U12 team; ADEPS module passed." },
      { SKILL ("90e8f54b-064f-4721-8ccc-b5f61968b227"), "organise training", 0, 1, "interview",
        3, "observation", "EQF 3", TRAINER, "Training plan for a week presented and run." },
      { SKILL ("b5af495b-61f1-4330-9891-dca56d97d714"), "communicate with youth", 3, 1, "suggestion",
        2, NULL, NULL, NULL, NULL },
      { S_CONFLICTS, 2, -1, "interview", 1, NULL, NULL, NULL, NULL },
      { S_INITIATIVE, 2, -1, "interview", 1, NULL, NULL, NULL, NULL },
    },
    {
      { "Become a youth football coach (paid)", O_FOOTBALL_COACH, "open" },
    },
    {
      { "Cours de moniteur sportif initiateur (football)", "training", "planned", "2026-02-14",
        NULL, NULL },
      { "Permis de conduire B", "other", "in_progress", NULL, NULL, NULL },
    },
    {
      { "2025-03-24", "individual", 60, NULL },
    },
  },
};

const guint pa_demo_n_cases = G_N_ELEMENTS (pa_demo_cases);

const char *const pa_demo_seminar_title = "Valoriser ses compétences — portfolio et recherche d'emploi";
const char *const pa_demo_seminar_theme = "employability";
const char *const pa_demo_seminar_location = "Liège, salle 2";
const char *const pa_demo_seminar_start = "2025-10-06";
const char *const pa_demo_seminar_end = "2025-11-24";

const int pa_demo_seminar_participants[] = { 0, 1, 3, 4, 6, 7, 10, 11, -1 };

/* Absent participants by their place in pa_demo_seminar_participants. */
const PaDemoSeminarSession pa_demo_seminar_sessions[] = {
  { "2025-10-06", "Raconter son parcours: la ligne de vie", "" },
  { "2025-10-20", "Mon CV et mon portfolio de compétences", "4" },
  { "2025-11-03", "Le pitch: me présenter en deux minutes", "1,6" },
  { "2025-11-17", "Simulation d'entretien d'embauche", "" },
  { "2025-11-24", "Compétences numériques: chercher un emploi en ligne", "3" },
  { NULL, NULL, NULL }
};
