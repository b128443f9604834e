/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "passerelle-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <time.h>

#include "pa-certificate.h"
#include "pa-cli.h"
#include "pa-report.h"

/* report-sample, bench report: a certificate from a built-in, fictional
 * participant, so that reports can be seen and measured before they are fed
 * from the case store. */

typedef struct
{
  const char *en;
  const char *fr;
  const char *ar;
  const char *framework;
  int level;                 /* 0 basic, 1 intermediate, 2 advanced; <0: CEFR code below */
  const char *cefr;
  const char *method;
} SampleCompetence;

static const SampleCompetence sample_competences[] = {
  { "Prepare traditional Levantine dishes", "Préparer des plats traditionnels levantins",
    "إعداد الأطباق الشامية التقليدية", "ESCO", 2, NULL, PA_METHOD_PRACTICAL_TEST },
  { "Apply food safety and hygiene rules", "Appliquer les règles d’hygiène et de sécurité alimentaire",
    "تطبيق قواعد سلامة الغذاء والنظافة", "ESCO", 2, NULL, PA_METHOD_OBSERVATION },
  { "Bake bread and pastries", "Préparer du pain et des pâtisseries", "خبز الخبز والمعجنات",
    "ESCO", 1, NULL, PA_METHOD_PRACTICAL_TEST },
  { "Manage kitchen stock and orders", "Gérer les stocks et les commandes de la cuisine",
    "إدارة مخزون المطبخ والطلبيات", "ESCO", 1, NULL, PA_METHOD_INTERVIEW },
  { "Supervise a small kitchen team", "Encadrer une petite équipe de cuisine",
    "الإشراف على فريق مطبخ صغير", "ESCO", 1, NULL, PA_METHOD_EMPLOYER_REFERENCE },
  { "Understand spoken French at work", "Comprendre le français oral au travail",
    "فهم اللغة الفرنسية المحكية في العمل", "CEFR", -1, "A2", PA_METHOD_INTERVIEW },
  /* --long adds these */
  { "Plan weekly menus", "Planifier les menus de la semaine", "تخطيط قوائم الطعام الأسبوعية",
    "ESCO", 1, NULL, PA_METHOD_INTERVIEW },
  { "Calculate food costs and portions", "Calculer le coût des plats et les portions",
    "حساب تكاليف الأطباق والحصص", "ESCO", 1, NULL, PA_METHOD_PRACTICAL_TEST },
  { "Store food at safe temperatures", "Conserver les aliments à bonne température",
    "حفظ الأطعمة في درجات حرارة آمنة", "ESCO", 2, NULL, PA_METHOD_OBSERVATION },
  { "Clean kitchen equipment", "Nettoyer le matériel de cuisine", "تنظيف معدات المطبخ",
    "ESCO", 2, NULL, PA_METHOD_OBSERVATION },
  { "Prepare vegetables for cooking", "Préparer les légumes pour la cuisson",
    "تحضير الخضروات للطبخ", "ESCO", 2, NULL, PA_METHOD_PRACTICAL_TEST },
  { "Use knives safely", "Utiliser les couteaux en sécurité", "استخدام السكاكين بأمان",
    "ESCO", 2, NULL, PA_METHOD_PRACTICAL_TEST },
  { "Cook meat dishes", "Cuisiner des plats de viande", "طهي أطباق اللحوم",
    "ESCO", 2, NULL, PA_METHOD_PRACTICAL_TEST },
  { "Prepare sauces", "Préparer des sauces", "تحضير الصلصات", "ESCO", 1, NULL,
    PA_METHOD_PRACTICAL_TEST },
  { "Prepare desserts", "Préparer des desserts", "تحضير الحلويات", "ESCO", 2, NULL,
    PA_METHOD_PRACTICAL_TEST },
  { "Present dishes attractively", "Dresser les assiettes avec soin", "تقديم الأطباق بشكل جذاب",
    "ESCO", 1, NULL, PA_METHOD_OBSERVATION },
  { "Take customer orders", "Prendre les commandes des clients", "استلام طلبات الزبائن",
    "ESCO", 1, NULL, PA_METHOD_SIMULATION },
  { "Handle customer complaints", "Traiter les réclamations des clients",
    "التعامل مع شكاوى الزبائن", "ESCO", 0, NULL, PA_METHOD_SIMULATION },
  { "Receive and check deliveries", "Réceptionner et contrôler les livraisons",
    "استلام البضائع والتحقق منها", "ESCO", 1, NULL, PA_METHOD_OBSERVATION },
  { "Label food allergens", "Signaler les allergènes des plats",
    "توضيح مسببات الحساسية في الأطعمة", "ESCO", 1, NULL, PA_METHOD_DOCUMENT_REVIEW },
  { "Reduce food waste", "Réduire le gaspillage alimentaire", "الحد من هدر الطعام",
    "ESCO", 1, NULL, PA_METHOD_INTERVIEW },
  { "Work in a team", "Travailler en équipe", "العمل ضمن فريق", "Transversal", 2, NULL,
    PA_METHOD_EMPLOYER_REFERENCE },
  { "Manage time under pressure", "Gérer son temps dans l’urgence", "إدارة الوقت تحت الضغط",
    "Transversal", 2, NULL, PA_METHOD_EMPLOYER_REFERENCE },
  { "Solve problems", "Résoudre des problèmes", "حل المشكلات", "Transversal", 1, NULL,
    PA_METHOD_INTERVIEW },
  { "Adapt to change", "S’adapter au changement", "التكيف مع التغيير", "Migration", 2, NULL,
    PA_METHOD_INTERVIEW },
  { "Communicate across cultures", "Communiquer entre cultures", "التواصل بين الثقافات",
    "Migration", 2, NULL, PA_METHOD_INTERVIEW },
  { "Train new colleagues", "Former de nouveaux collègues", "تدريب الزملاء الجدد",
    "ESCO", 1, NULL, PA_METHOD_EMPLOYER_REFERENCE },
  { "Keep a cash register", "Tenir une caisse", "إدارة صندوق النقد", "ESCO", 0, NULL,
    PA_METHOD_SIMULATION },
  { "Use a smartphone for work", "Utiliser un smartphone au travail",
    "استخدام الهاتف الذكي في العمل", "DigComp 2.2", 1, NULL, PA_METHOD_PRACTICAL_TEST },
  { "Search for information online", "Rechercher des informations en ligne",
    "البحث عن المعلومات على الإنترنت", "DigComp 2.2", 1, NULL, PA_METHOD_PRACTICAL_TEST },
  { "Send professional e-mails", "Envoyer des courriels professionnels",
    "إرسال رسائل بريد إلكتروني مهنية", "DigComp 2.2", 0, NULL, PA_METHOD_PRACTICAL_TEST },
  { "Protect personal data", "Protéger ses données personnelles", "حماية البيانات الشخصية",
    "DigComp 2.2", 0, NULL, PA_METHOD_INTERVIEW },
  { "Speak Arabic", "Parler arabe", "التحدث بالعربية", "CEFR", -1, "C2", PA_METHOD_INTERVIEW },
  { "Read French", "Lire le français", "قراءة الفرنسية", "CEFR", -1, "A2",
    PA_METHOD_PRACTICAL_TEST },
  { "Write short texts in French", "Écrire de courts textes en français",
    "كتابة نصوص قصيرة بالفرنسية", "CEFR", -1, "A1", PA_METHOD_PRACTICAL_TEST },
  { "Understand spoken English", "Comprendre l’anglais oral", "فهم الإنجليزية المحكية",
    "CEFR", -1, "B1", PA_METHOD_INTERVIEW },
  { "Run a small catering business", "Gérer une petite entreprise de traiteur",
    "إدارة مشروع صغير لخدمات الطعام", "ESCO", 1, NULL, PA_METHOD_DOCUMENT_REVIEW },
  { "Negotiate with suppliers", "Négocier avec les fournisseurs", "التفاوض مع الموردين",
    "ESCO", 1, NULL, PA_METHOD_INTERVIEW },
  { "Follow a recipe precisely", "Suivre une recette avec précision", "اتباع وصفة بدقة",
    "ESCO", 2, NULL, PA_METHOD_PRACTICAL_TEST },
  { "Organise a buffet for events", "Organiser un buffet pour un événement",
    "تنظيم بوفيه للمناسبات", "ESCO", 1, NULL, PA_METHOD_PORTFOLIO },
};

#define SAMPLE_SHORT 6

typedef enum
{
  LANG_EN,
  LANG_FR,
  LANG_AR,
} SampleLanguage;

static SampleLanguage
sample_language (const char *code)
{
  if (code != NULL && g_str_has_prefix (code, "fr"))
    return LANG_FR;
  if (code != NULL && g_str_has_prefix (code, "ar"))
    return LANG_AR;
  return LANG_EN;
}

static const char *
pick (SampleLanguage  lang,
      const char     *en,
      const char     *fr,
      const char     *ar)
{
  return lang == LANG_FR ? fr : lang == LANG_AR ? ar : en;
}

static const char *
sample_framework (SampleLanguage  lang,
                  const char     *framework)
{
  if (g_str_equal (framework, "CEFR"))
    return pick (lang, "CEFR", "CECRL", "الإطار الأوروبي المرجعي للغات");
  if (g_str_equal (framework, "Transversal"))
    return pick (lang, "Transversal skills", "Compétences transversales", "المهارات المستعرضة");
  if (g_str_equal (framework, "Migration"))
    return pick (lang, "Migration meta-competences", "Méta-compétences de la migration",
                 "الكفاءات المكتسبة من تجربة الهجرة");
  return framework;
}

static const char *
sample_level (SampleLanguage          lang,
              const SampleCompetence *c)
{
  switch (c->level)
    {
    case 0:
      return pick (lang, "Basic", "Élémentaire", "أساسي");
    case 1:
      return pick (lang, "Intermediate", "Intermédiaire", "متوسط");
    case 2:
      return pick (lang, "Advanced", "Avancé", "متقدم");
    default:
      return c->cefr;
    }
}

/* A fictional cook from Aleppo, trained in Lyon. */
static PaCertificateData *
sample_certificate (const char *language,
                    const char *second_language,
                    gboolean    long_sample,
                    gboolean    revoked,
                    const char *logo,
                    gint64      sequence)
{
  PaCertificateData *data = pa_certificate_data_new ();
  SampleLanguage lang = sample_language (language);
  SampleLanguage lang2 = sample_language (second_language);
  guint count = long_sample ? G_N_ELEMENTS (sample_competences) : SAMPLE_SHORT;

  data->centre_name = g_strdup ("Maison de la Formation Lyon-Est");
  data->centre_address = g_strdup ("12 rue des Tanneurs · 69003 Lyon · France");
  data->logo_path = g_strdup (logo);
  data->signatory_name = g_strdup ("Claire Moreau");
  data->signatory_role = g_strdup (pick (lang, "Head of skills validation",
                                         "Responsable de la validation des acquis",
                                         "مسؤولة التحقق من المكتسبات"));
  data->participant_name = g_strdup (long_sample
                                       ? "Nour al-Huda Abd al-Rahman Al-Khatib Hassan-Mahmoudi Haddadi"
                                       : "Yara Haddad");
  data->participant_birth_year = 1988;
  data->participant_origin = g_strdup (pick (lang, "Syria", "Syrie", "سوريا"));
  data->place = g_strdup ("Lyon");
  g_date_set_dmy (&data->issue_date, 14, G_DATE_MARCH, 2025);
  data->number = pa_certificate_number_with_check (sequence, "LYE");
  data->language = g_strdup (language);
  data->second_language = g_strdup (second_language);
  data->revoked = revoked;
  if (revoked)
    data->revoked_reason = g_strdup (pick (lang, "Issued to the wrong person by mistake.",
                                           "Délivré par erreur à une autre personne.",
                                           "صدرت خطأً لشخص آخر."));

  for (guint i = 0; i < count; i++)
    {
      const SampleCompetence *c = &sample_competences[i];

      pa_certificate_data_add_competence (
        data, pick (lang, c->en, c->fr, c->ar),
        second_language ? pick (lang2, c->en, c->fr, c->ar) : NULL,
        sample_framework (lang, c->framework), sample_level (lang, c), c->method);
    }
  return data;
}

static int
sample_certificate_cmd (int    argc,
                        char **argv)
{
  g_autoptr (GOptionContext) context = g_option_context_new (NULL);
  g_autoptr (PaCertificateData) data = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *output = NULL;
  g_autofree char *lang = NULL;
  g_autofree char *second = NULL;
  g_autofree char *paper_name = NULL;
  g_autofree char *logo = NULL;
  gboolean long_sample = FALSE, revoked = FALSE;
  PaPaper paper = PA_PAPER_A4;
  int status = PA_CLI_OK;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write the PDF to FILE"), N_("FILE") },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang, N_("Language of the certificate (default: en)"),
      N_("CODE") },
    { "second-lang", 0, 0, G_OPTION_ARG_STRING, &second,
      N_("Second language, for a bilingual certificate"), N_("CODE") },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &paper_name, N_("Paper size: a4 or letter"),
      N_("SIZE") },
    { "long", 0, 0, G_OPTION_ARG_NONE, &long_sample,
      N_("A 60-character name and 40 competences"), NULL },
    { "revoked", 0, 0, G_OPTION_ARG_NONE, &revoked, N_("Print it as revoked"), NULL },
    { "logo", 0, 0, G_OPTION_ARG_FILENAME, &logo, N_("The centre’s logo (PNG, JPEG or SVG)"),
      N_("FILE") },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _("Write a certificate of recognised competences for "
                                           "a built-in, fictional participant."));
  if (!pa_cli_parse (context, "report-sample certificate", &argc, &argv, &status))
    return status;
  if (argc > 1)
    return pa_cli_usage_error ("report-sample certificate", _("Unexpected argument “%s”"),
                               argv[1]);
  if (output == NULL)
    return pa_cli_usage_error ("report-sample certificate", "%s", _("--output is required"));
  if (paper_name != NULL && !pa_paper_from_string (paper_name, &paper))
    return pa_cli_usage_error ("report-sample certificate",
                               _("Unknown paper size “%s”: use a4 or letter"), paper_name);

  data = sample_certificate (lang ? lang : "en", second, long_sample, revoked, logo, 42);
  if (!pa_certificate_write_pdf (data, output, paper, &error))
    return pa_cli_fail (error);
  printf ("%s\n", data->number);
  return PA_CLI_OK;
}

static double
elapsed_ms (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

/* Processor time of this process, in ms: on a shared machine the wall clock
 * also counts other people's builds. */
static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static int
bench_cmd (const char  *command,
           int          argc,
           char       **argv)
{
  g_autoptr (GOptionContext) context = g_option_context_new (NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) batch = g_ptr_array_new_with_free_func ((GDestroyNotify) pa_certificate_data_free);
  g_autoptr (PaCertificateData) one = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *single = NULL;
  g_autofree char *many = NULL;
  g_autofree char *logo = NULL;
  int count = 100, repeat = 20, n_cases = 10000, status = PA_CLI_OK;
  gint64 start;
  double first_ms, total = 0, batch_ms, cpu_start, cpu_total = 0, batch_cpu;
  GOptionEntry entries[] = {
    { "count", 0, 0, G_OPTION_ARG_INT, &count, N_("Certificates in the batch (default: 100)"),
      N_("N") },
    { "logo", 0, 0, G_OPTION_ARG_FILENAME, &logo, N_("The centre’s logo (PNG, JPEG or SVG)"),
      N_("FILE") },
    { "cases", 0, 0, G_OPTION_ARG_INT, &n_cases,
      N_("Cases to generate for the statistics (default: 10000; 0: none)"), N_("N") },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _("Time one certificate, a batch of certificates in "
                                           "one PDF, a portfolio of about 30 pages and the "
                                           "statistics over generated cases."));
  if (!pa_cli_parse (context, command, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return pa_cli_usage_error (command, _("Unexpected argument “%s”"), argv[1]);
  if (count < 1 || count > 100000)
    return pa_cli_usage_error (command, "%s", _("--count must be between 1 and 100000"));
  if (n_cases < 0 || n_cases > 1000000)
    return pa_cli_usage_error (command, "%s", _("--cases must be between 0 and 1000000"));

  dir = g_dir_make_tmp ("passerelle-bench-XXXXXX", &error);
  if (dir == NULL)
    return pa_cli_fail (error);
  single = g_build_filename (dir, "one.pdf", NULL);
  many = g_build_filename (dir, "batch.pdf", NULL);

  one = sample_certificate ("fr", "ar", FALSE, FALSE, logo, 1);
  start = g_get_monotonic_time ();
  if (!pa_certificate_write_pdf (one, single, PA_PAPER_A4, &error))
    return pa_cli_fail (error);
  first_ms = elapsed_ms (start);
  for (int i = 0; i < repeat; i++)
    {
      start = g_get_monotonic_time ();
      cpu_start = cpu_ms ();
      if (!pa_certificate_write_pdf (one, single, PA_PAPER_A4, &error))
        return pa_cli_fail (error);
      total += elapsed_ms (start);
      cpu_total += cpu_ms () - cpu_start;
    }

  for (int i = 0; i < count; i++)
    g_ptr_array_add (batch, sample_certificate (i % 2 ? "en" : "fr", i % 3 ? "ar" : NULL,
                                                i % 10 == 9, FALSE, logo, i + 1));
  start = g_get_monotonic_time ();
  cpu_start = cpu_ms ();
  if (!pa_certificate_write_pdf_batch (batch, many, PA_PAPER_A4, &error))
    return pa_cli_fail (error);
  batch_ms = elapsed_ms (start);
  batch_cpu = cpu_ms () - cpu_start;

  printf ("certificate (fr+ar, 6 competences), first, with font loading: %.1f ms\n", first_ms);
  printf ("certificate (fr+ar, 6 competences), mean of %d: %.1f ms (processor: %.1f ms)\n",
          repeat, total / repeat, cpu_total / repeat);
  printf ("batch of %d certificates in one PDF: %.0f ms (processor: %.0f ms; %.1f ms each)\n",
          count, batch_ms, batch_cpu, batch_ms / count);

  g_unlink (single);
  g_unlink (many);
  g_rmdir (dir);
  fflush (stdout);
  return pa_cli_bench_reports_from_store (n_cases);
}

int
pa_cli_cmd_report_sample (PaCliGlobal  *global,
                          int           argc,
                          char        **argv)
{
  if (argc < 2 || g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h"))
    {
      FILE *out = argc < 2 ? stderr : stdout;

      fprintf (out, "%s\n  passerelle-cli report-sample certificate -o OUT.pdf [--lang CODE] "
               "[--second-lang CODE] [--paper a4|letter] [--long] [--revoked] [--logo FILE]\n"
               "  passerelle-cli report-sample bench [--count N] [--logo FILE]\n",
               _("Usage:"));
      return argc < 2 ? PA_CLI_USAGE : PA_CLI_OK;
    }
  if (g_str_equal (argv[1], "certificate"))
    return sample_certificate_cmd (argc - 1, argv + 1);
  if (g_str_equal (argv[1], "bench"))
    return bench_cmd ("report-sample bench", argc - 1, argv + 1);
  return pa_cli_usage_error ("report-sample", _("Unknown report “%s”"), argv[1]);
}

int
pa_cli_cmd_bench_report (PaCliGlobal  *global,
                         int           argc,
                         char        **argv)
{
  return bench_cmd ("bench report", argc, argv);
}
