/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <netinet/in.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "pa-framework-xml.h"
#include "pa-test-utils.h"

#define NS "http://passerelle.org/ns/framework/1"
#define HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
#define OPEN_FRAMEWORK "<framework xmlns=\"" NS "\" id=\"t\" version=\"1\" source=\"test\">\n"
#define MINIMAL HEAD OPEN_FRAMEWORK "<label xml:lang=\"en\">Test</label>\n</framework>\n"

static const char *const languages[] = { "en", "fr", "nl", "de", "it", "es", "ar", NULL };

static char *tmpdir;

/* Helpers */

static char *
write_tmp (const char *name,
           const char *content,
           gssize      len)
{
  g_autoptr (GError) error = NULL;
  char *path = g_build_filename (tmpdir, name, NULL);

  g_file_set_contents (path, content, len, &error);
  g_assert_no_error (error);
  return path;
}

static PaFrameworkDoc *
load_path (const char  *path,
           GError     **error)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  return pa_framework_doc_load_file (file, error);
}

/* Loads @content from a file named @name and expects @code; the message
 * must name the file. Returns the message for further checks. */
static char *
expect_error (const char *name,
              const char *content,
              gssize      len,
              int         code)
{
  g_autofree char *path = write_tmp (name, content, len);
  g_autoptr (GError) error = NULL;
  g_autoptr (PaFrameworkDoc) doc = load_path (path, &error);

  g_assert_null (doc);
  g_assert_error (error, PA_FRAMEWORK_ERROR, code);
  g_test_message ("%s: %s", name, error->message);
  g_assert_nonnull (strstr (error->message, name));
  return g_strdup (error->message);
}

static PaFrameworkDoc *
load_builtin (const char *id)
{
  g_autoptr (GError) error = NULL;
  PaFrameworkDoc *doc = pa_framework_doc_load_builtin (id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  g_assert_cmpstr (pa_framework_doc_get_id (doc), ==, id);
  return doc;
}

static void
assert_all_languages (const PaFrameworkText *text,
                      const char            *what)
{
  for (guint i = 0; languages[i] != NULL; i++)
    if (pa_framework_text_get_exact (text, languages[i]) == NULL)
      g_error ("%s has no text in %s", what, languages[i]);
}

typedef struct
{
  const char *kind;
  guint n;
} KindCount;

static gboolean
count_kind_cb (const PaFrameworkItem *item,
               gpointer               user_data)
{
  KindCount *count = user_data;

  if (g_str_equal (pa_framework_item_get_kind (item), count->kind))
    count->n++;
  return TRUE;
}

/* Counts through the public iteration API, as integration code will. */
static guint
count_kind (const PaFrameworkDoc *doc,
            const char           *kind)
{
  KindCount count = { kind, 0 };

  g_assert_true (pa_framework_doc_foreach_item (doc, count_kind_cb, &count));
  return count.n;
}

/* A TCP listener on the loopback, to prove nothing tries to connect. */
typedef struct
{
  int fd;
  guint16 port;
} Listener;

static void
listener_open (Listener *l)
{
  struct sockaddr_in addr = { 0 };
  socklen_t len = sizeof addr;

  l->fd = socket (AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  g_assert_cmpint (l->fd, >=, 0);
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl (INADDR_LOOPBACK);
  g_assert_cmpint (bind (l->fd, (struct sockaddr *) &addr, sizeof addr), ==, 0);
  g_assert_cmpint (listen (l->fd, 16), ==, 0);
  g_assert_cmpint (getsockname (l->fd, (struct sockaddr *) &addr, &len), ==, 0);
  l->port = ntohs (addr.sin_port);
}

static void
listener_assert_untouched (Listener *l)
{
  int conn = accept (l->fd, NULL, NULL);

  g_assert_cmpint (conn, ==, -1);
  g_assert_true (errno == EAGAIN || errno == EWOULDBLOCK);
  close (l->fd);
}

/* Peak resident size of this process, in KiB. getrusage()'s ru_maxrss
 * survives execve() on Linux, so a fresh test subprocess would start at its
 * parent's peak; the kernel's per-process high-water mark (VmHWM) does not,
 * and is preferred where /proc has it. */
static long
peak_rss_kib (void)
{
  g_autofree char *status = NULL;
  struct rusage usage;
  const char *hwm;

  if (g_file_get_contents ("/proc/self/status", &status, NULL, NULL) &&
      (hwm = strstr (status, "VmHWM:")) != NULL)
    return strtol (hwm + strlen ("VmHWM:"), NULL, 10);
  g_assert_cmpint (getrusage (RUSAGE_SELF, &usage), ==, 0);
  return usage.ru_maxrss;
}

/* A document that loads; every hostile one below differs from it in one way. */
static void
test_minimal (void)
{
  g_autofree char *path = write_tmp ("minimal.xml", MINIMAL, -1);
  g_autoptr (GError) error = NULL;
  g_autoptr (PaFrameworkDoc) doc = load_path (path, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (pa_framework_doc_get_id (doc), ==, "t");
  g_assert_cmpstr (pa_framework_text_lookup (pa_framework_doc_get_label (doc), "fr"), ==, "Test");
  g_assert_cmpuint (pa_framework_doc_get_n_items (doc), ==, 0);
  g_assert_cmpuint (pa_framework_doc_get_n_levels (doc), ==, 0);
}

static void
test_model (void)
{
  static const char xml[] = HEAD OPEN_FRAMEWORK
    "<label xml:lang='en'>Scale</label><label xml:lang='fr'>Échelle</label>\n"
    "<description xml:lang='en'>A test scale.</description>\n"
    "<levels>\n"
    "  <level-group code='low'><label xml:lang='en'>Low</label>\n"
    "    <level code='1'><label xml:lang='en'>One</label></level>\n"
    "    <level code='2'><label xml:lang='en'>Two</label></level>\n"
    "  </level-group>\n"
    "  <level code='3'><label xml:lang='en'>Three</label><label xml:lang='ar'>ثلاثة</label></level>\n"
    "</levels>\n"
    "<items>\n"
    "  <item code='a' kind='area' esco-uri='http://data.europa.eu/esco/skill/x-1'>\n"
    "    <label xml:lang='en'>Area</label><label xml:lang='fr-BE'>Domaine</label>\n"
    "    <descriptor level='1' xml:lang='en'>can a little</descriptor>\n"
    "    <descriptor level='1' xml:lang='fr'>peut un peu</descriptor>\n"
    "    <descriptor level='3' xml:lang='en'>can a lot</descriptor>\n"
    "    <item code='a.1' kind='competence'><label xml:lang='en'>First</label></item>\n"
    "    <item code='a.2' kind='competence'><label xml:lang='en'>Second</label>\n"
    "      <item code='a.2.x' kind='skill'><label xml:lang='nl'>Derde</label></item>\n"
    "    </item>\n"
    "  </item>\n"
    "  <item code='b' kind='area'><label xml:lang='en'>Other</label></item>\n"
    "</items>\n"
    "</framework>\n";
  g_autofree char *path = write_tmp ("model.xml", xml, -1);
  g_autoptr (GError) error = NULL;
  g_autoptr (PaFrameworkDoc) doc = load_path (path, &error);
  const PaFrameworkItem *a, *leaf;
  const PaFrameworkLevel *level;
  const char *chain[] = { "xx_YY", "fr_BE.UTF-8", NULL };

  g_assert_no_error (error);
  g_assert_cmpuint (pa_framework_doc_get_n_levels (doc), ==, 3);
  g_assert_cmpuint (pa_framework_doc_get_n_level_groups (doc), ==, 1);
  level = pa_framework_doc_get_level (doc, 1);
  g_assert_cmpstr (pa_framework_level_get_code (level), ==, "2");
  g_assert_cmpuint (pa_framework_level_get_index (level), ==, 1);
  g_assert_cmpstr (pa_framework_level_get_code (pa_framework_level_get_group (level)), ==, "low");
  g_assert_null (pa_framework_level_get_group (pa_framework_doc_get_level (doc, 2)));
  g_assert_cmpstr (pa_framework_text_lookup (pa_framework_level_get_label (
                     pa_framework_doc_lookup_level (doc, "3")), "ar_EG.UTF-8"), ==, "ثلاثة");

  g_assert_cmpuint (pa_framework_doc_get_n_items (doc), ==, 5);
  g_assert_cmpuint (pa_framework_doc_get_n_top_items (doc), ==, 2);
  a = pa_framework_doc_get_top_item (doc, 0);
  g_assert_cmpstr (pa_framework_item_get_code (a), ==, "a");
  g_assert_cmpstr (pa_framework_item_get_kind (a), ==, "area");
  g_assert_cmpstr (pa_framework_item_get_esco_uri (a), ==, "http://data.europa.eu/esco/skill/x-1");
  g_assert_cmpuint (pa_framework_item_get_n_children (a), ==, 2);
  g_assert_cmpuint (pa_framework_item_get_n_descriptors (a), ==, 2);
  g_assert_cmpstr (pa_framework_text_lookup (pa_framework_item_get_descriptor (a, "1"), "fr"),
                   ==, "peut un peu");
  g_assert_cmpstr (pa_framework_text_lookup (pa_framework_item_get_descriptor (a, "3"), "fr"),
                   ==, "can a lot");
  g_assert_null (pa_framework_item_get_descriptor (a, "2"));

  /* Fallback chain: region → language → English → first given. */
  g_assert_cmpstr (pa_framework_text_lookup (pa_framework_item_get_label (a), "fr_BE"), ==, "Domaine");
  g_assert_cmpstr (pa_framework_text_lookup (pa_framework_item_get_label (a), "fr"), ==, "Area");
  g_assert_cmpstr (pa_framework_text_lookup_chain (pa_framework_item_get_label (a), chain), ==,
                   "Domaine");
  leaf = pa_framework_doc_lookup_item (doc, "a.2.x");
  g_assert_cmpuint (pa_framework_item_get_depth (leaf), ==, 2);
  g_assert_true (pa_framework_item_get_parent (pa_framework_item_get_parent (leaf)) == a);
  g_assert_cmpstr (pa_framework_text_lookup (pa_framework_item_get_label (leaf), "de"), ==, "Derde");
  g_assert_null (pa_framework_text_get_exact (pa_framework_item_get_label (leaf), "de"));
  g_assert_null (pa_framework_doc_lookup_item (doc, "nope"));
  g_assert_cmpuint (count_kind (doc, "competence"), ==, 2);
}

static gboolean
collect_codes_cb (const PaFrameworkItem *item,
                  gpointer               user_data)
{
  GString *codes = user_data;

  g_string_append_printf (codes, "%s ", pa_framework_item_get_code (item));
  return !g_str_equal (pa_framework_item_get_code (item), "a.2");
}

static void
test_foreach_order (void)
{
  static const char xml[] = HEAD OPEN_FRAMEWORK "<label xml:lang='en'>T</label><items>"
    "<item code='a' kind='area'><label xml:lang='en'>A</label>"
    "<item code='a.1' kind='competence'><label xml:lang='en'>A1</label></item>"
    "<item code='a.2' kind='competence'><label xml:lang='en'>A2</label></item></item>"
    "<item code='b' kind='area'><label xml:lang='en'>B</label></item>"
    "</items></framework>";
  g_autofree char *path = write_tmp ("order.xml", xml, -1);
  g_autoptr (GError) error = NULL;
  g_autoptr (PaFrameworkDoc) doc = load_path (path, &error);
  g_autoptr (GString) codes = g_string_new (NULL);

  g_assert_no_error (error);
  /* Parents first, file order, and the walk stops when asked to. */
  g_assert_false (pa_framework_doc_foreach_item (doc, collect_codes_cb, codes));
  g_assert_cmpstr (codes->str, ==, "a a.1 a.2 ");
}

/* Hostile input */

static void
test_billion_laughs (void)
{
  GString *xml = g_string_new (HEAD "<!DOCTYPE framework [\n<!ENTITY lol \"lol\">\n");
  g_autofree char *message = NULL;

  for (int i = 1; i <= 9; i++)
    {
      g_string_append_printf (xml, "<!ENTITY lol%d \"", i);
      for (int j = 0; j < 10; j++)
        g_string_append_printf (xml, i == 1 ? "&lol;" : "&lol%d;", i - 1);
      g_string_append (xml, "\">\n");
    }
  g_string_append (xml, "]>\n" OPEN_FRAMEWORK "<label xml:lang=\"en\">&lol9;</label></framework>\n");
  message = expect_error ("laughs.xml", xml->str, xml->len, PA_FRAMEWORK_ERROR_REFUSED);
  g_assert_nonnull (strstr (message, "line 2"));
  g_string_free (xml, TRUE);
}

static void
test_external_entities (void)
{
  Listener net;
  g_autofree char *passwd = NULL, *http = NULL, *dtd = NULL, *param = NULL, *m = NULL;

  listener_open (&net);
  passwd = g_strdup (HEAD "<!DOCTYPE framework [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
                     OPEN_FRAMEWORK "<label xml:lang=\"en\">&x;</label></framework>\n");
  http = g_strdup_printf (HEAD "<!DOCTYPE framework [<!ENTITY x SYSTEM "
                          "\"http://127.0.0.1:%u/x\">]>\n"
                          OPEN_FRAMEWORK "<label xml:lang=\"en\">&x;</label></framework>\n",
                          net.port);
  dtd = g_strdup_printf (HEAD "<!DOCTYPE framework SYSTEM \"http://127.0.0.1:%u/f.dtd\">\n"
                         OPEN_FRAMEWORK "<label xml:lang=\"en\">T</label></framework>\n", net.port);
  param = g_strdup_printf (HEAD "<!DOCTYPE framework [<!ENTITY %% p SYSTEM "
                           "\"http://127.0.0.1:%u/p\"> %%p;]>\n"
                           OPEN_FRAMEWORK "<label xml:lang=\"en\">T</label></framework>\n",
                           net.port);

  m = expect_error ("passwd.xml", passwd, -1, PA_FRAMEWORK_ERROR_REFUSED);
  g_assert_null (strstr (m, "root:"));
  g_clear_pointer (&m, g_free);
  m = expect_error ("http-entity.xml", http, -1, PA_FRAMEWORK_ERROR_REFUSED);
  g_clear_pointer (&m, g_free);
  m = expect_error ("external-dtd.xml", dtd, -1, PA_FRAMEWORK_ERROR_REFUSED);
  g_clear_pointer (&m, g_free);
  m = expect_error ("parameter-entity.xml", param, -1, PA_FRAMEWORK_ERROR_REFUSED);
  listener_assert_untouched (&net);
}

/* Nothing an instance document says makes the loader fetch anything: not a
 * schema location, not an XInclude. */
static void
test_no_fetching (void)
{
  Listener net;
  g_autofree char *xsi = NULL, *xinclude = NULL, *m = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (PaFrameworkDoc) doc = NULL;
  g_autofree char *path = NULL;

  listener_open (&net);
  xsi = g_strdup_printf (HEAD "<framework xmlns=\"" NS "\" id=\"t\" version=\"1\" source=\"s\" "
                         "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
                         "xsi:schemaLocation=\"" NS " http://127.0.0.1:%u/f.xsd\">"
                         "<label xml:lang=\"en\">T</label></framework>\n", net.port);
  path = write_tmp ("xsi.xml", xsi, -1);
  doc = load_path (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (doc);

  xinclude = g_strdup_printf (HEAD OPEN_FRAMEWORK "<label xml:lang=\"en\">T</label>"
                              "<xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" "
                              "href=\"http://127.0.0.1:%u/x\" parse=\"text\"/></framework>\n",
                              net.port);
  m = expect_error ("xinclude.xml", xinclude, -1, PA_FRAMEWORK_ERROR_INVALID);
  listener_assert_untouched (&net);
}

static void
test_malformed (void)
{
  static const char bad_utf8[] = HEAD OPEN_FRAMEWORK "<label xml:lang=\"en\">caf\xc3\x28</label>"
                                 "</framework>\n";
  static const char utf16[] = "\xff\xfe<\0f\0r\0";
  static const char truncated[] = HEAD OPEN_FRAMEWORK "<label xml:lang=\"en\">Tes";
  static const char undefined_entity[] = HEAD OPEN_FRAMEWORK "<label xml:lang=\"en\">&nbsp;</label>"
                                         "</framework>\n";
  g_autofree char *m1 = NULL, *m2 = NULL, *m3 = NULL, *m4 = NULL, *m5 = NULL, *m6 = NULL;
  GString *deep = g_string_new (HEAD OPEN_FRAMEWORK);

  m1 = expect_error ("bad-utf8.xml", bad_utf8, -1, PA_FRAMEWORK_ERROR_MALFORMED);
  g_assert_nonnull (strstr (m1, "line 3"));
  m2 = expect_error ("utf16.xml", utf16, sizeof utf16 - 1, PA_FRAMEWORK_ERROR_MALFORMED);
  m3 = expect_error ("truncated.xml", truncated, -1, PA_FRAMEWORK_ERROR_MALFORMED);
  m4 = expect_error ("empty.xml", "", 0, PA_FRAMEWORK_ERROR_MALFORMED);
  m5 = expect_error ("entity.xml", undefined_entity, -1, PA_FRAMEWORK_ERROR_MALFORMED);
  for (int i = 0; i < 5000; i++)
    g_string_append (deep, "<label>");
  m6 = expect_error ("deep.xml", deep->str, deep->len, PA_FRAMEWORK_ERROR_MALFORMED);
  g_string_free (deep, TRUE);
}

static void
test_not_framework (void)
{
  g_autofree char *m1 = NULL, *m2 = NULL;

  m1 = expect_error ("html.xml", HEAD "<html><body/></html>", -1,
                     PA_FRAMEWORK_ERROR_NOT_FRAMEWORK);
  g_assert_nonnull (strstr (m1, "<html>"));
  m2 = expect_error ("no-namespace.xml",
                     HEAD "<framework id=\"t\" version=\"1\" source=\"s\">"
                     "<label xml:lang=\"en\">T</label></framework>", -1,
                     PA_FRAMEWORK_ERROR_NOT_FRAMEWORK);
}

static void
test_schema_invalid (void)
{
  static const char no_source[] = HEAD "<framework xmlns=\"" NS "\" id=\"t\" version=\"1\">\n"
                                  "<label xml:lang=\"en\">T</label></framework>\n";
  static const char no_kind[] = HEAD OPEN_FRAMEWORK "<label xml:lang=\"en\">T</label>\n<items>\n"
                                "<item code=\"x\"><label xml:lang=\"en\">X</label></item>\n"
                                "</items></framework>\n";
  static const char no_lang[] = HEAD OPEN_FRAMEWORK "<label>T</label></framework>\n";
  static const char bad_kind[] = HEAD OPEN_FRAMEWORK "<label xml:lang=\"en\">T</label><items>"
                                 "<item code=\"x\" kind=\"bogus\"><label xml:lang=\"en\">X</label>"
                                 "</item></items></framework>\n";
  static const char bad_uri[] = HEAD OPEN_FRAMEWORK "<label xml:lang=\"en\">T</label><items>"
                                "<item code=\"x\" kind=\"skill\" esco-uri=\"file:///etc/passwd\">"
                                "<label xml:lang=\"en\">X</label></item></items></framework>\n";
  g_autofree char *m1 = NULL, *m2 = NULL, *m3 = NULL, *m4 = NULL, *m5 = NULL;

  m1 = expect_error ("no-source.xml", no_source, -1, PA_FRAMEWORK_ERROR_INVALID);
  g_assert_nonnull (strstr (m1, "line 2"));
  g_assert_nonnull (strstr (m1, "source"));
  m2 = expect_error ("no-kind.xml", no_kind, -1, PA_FRAMEWORK_ERROR_INVALID);
  g_assert_nonnull (strstr (m2, "line 5"));
  g_assert_nonnull (strstr (m2, "kind"));
  m3 = expect_error ("no-lang.xml", no_lang, -1, PA_FRAMEWORK_ERROR_INVALID);
  m4 = expect_error ("bad-kind.xml", bad_kind, -1, PA_FRAMEWORK_ERROR_INVALID);
  m5 = expect_error ("bad-uri.xml", bad_uri, -1, PA_FRAMEWORK_ERROR_INVALID);
}

static void
test_rules (void)
{
  static const char dup_item[] = HEAD OPEN_FRAMEWORK "<label xml:lang=\"en\">T</label><items>\n"
    "<item code=\"x\" kind=\"skill\"><label xml:lang=\"en\">X</label>\n"
    "<item code=\"x\" kind=\"skill\"><label xml:lang=\"en\">Y</label></item></item>\n"
    "</items></framework>\n";
  static const char dup_level[] = HEAD OPEN_FRAMEWORK "<label xml:lang=\"en\">T</label><levels>\n"
    "<level code=\"1\"><label xml:lang=\"en\">1</label></level>\n"
    "<level code=\"1\"><label xml:lang=\"en\">1 again</label></level>\n"
    "</levels></framework>\n";
  static const char bad_descriptor[] = HEAD OPEN_FRAMEWORK "<label xml:lang=\"en\">T</label>"
    "<levels><level code=\"1\"><label xml:lang=\"en\">1</label></level></levels><items>\n"
    "<item code=\"x\" kind=\"skill\"><label xml:lang=\"en\">X</label>\n"
    "<descriptor level=\"9\" xml:lang=\"en\">nine</descriptor></item></items></framework>\n";
  static const char dup_lang[] = HEAD OPEN_FRAMEWORK "<label xml:lang=\"en\">T</label>\n"
    "<label xml:lang=\"EN\">T again</label></framework>\n";
  static const char blank[] = HEAD OPEN_FRAMEWORK "<label xml:lang=\"en\">  \n </label>"
    "</framework>\n";
  g_autofree char *m1 = NULL, *m2 = NULL, *m3 = NULL, *m4 = NULL, *m5 = NULL;

  m1 = expect_error ("dup-item.xml", dup_item, -1, PA_FRAMEWORK_ERROR_INVALID);
  g_assert_nonnull (strstr (m1, "line 5"));
  m2 = expect_error ("dup-level.xml", dup_level, -1, PA_FRAMEWORK_ERROR_INVALID);
  g_assert_nonnull (strstr (m2, "line 5"));
  m3 = expect_error ("bad-descriptor.xml", bad_descriptor, -1, PA_FRAMEWORK_ERROR_INVALID);
  g_assert_nonnull (strstr (m3, "“9”"));
  m4 = expect_error ("dup-lang.xml", dup_lang, -1, PA_FRAMEWORK_ERROR_INVALID);
  g_assert_nonnull (strstr (m4, "line 4"));
  m5 = expect_error ("blank.xml", blank, -1, PA_FRAMEWORK_ERROR_INVALID);
}

static void
test_read_errors (void)
{
  g_autofree char *missing = g_build_filename (tmpdir, "missing.xml", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (PaFrameworkDoc) doc = load_path (missing, &error);

  g_assert_null (doc);
  g_assert_error (error, PA_FRAMEWORK_ERROR, PA_FRAMEWORK_ERROR_READ);
  g_assert_nonnull (strstr (error->message, "missing.xml"));
  g_clear_error (&error);

  doc = load_path (tmpdir, &error);
  g_assert_null (doc);
  g_assert_nonnull (error);
  g_assert_true (error->domain == PA_FRAMEWORK_ERROR);
}

static void
test_limits (void)
{
  GString *xml;
  g_autofree char *m1 = NULL, *m2 = NULL, *m3 = NULL, *m4 = NULL, *m5 = NULL, *m6 = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GInputStream) stream = NULL;
  g_autoptr (PaFrameworkDoc) doc = NULL;
  g_autofree char *label = g_strnfill (1000, 'x');

  /* Quadratic in libxml2 2.9.14 (half a minute for 1 MB); refused at once. */
  xml = g_string_new (HEAD "<framework xmlns=\"" NS "\"");
  for (int i = 0; i < 100000; i++)
    g_string_append_printf (xml, " a%d=\"\"", i);
  g_string_append (xml, "/>");
  m1 = expect_error ("attributes.xml", xml->str, xml->len, PA_FRAMEWORK_ERROR_TOO_LARGE);
  g_string_free (xml, TRUE);

  xml = g_string_new (HEAD OPEN_FRAMEWORK);
  for (int i = 0; i < PA_FRAMEWORK_MAX_ELEMENTS + 10; i++)
    g_string_append (xml, "<a/>");
  g_string_append (xml, "</framework>");
  m2 = expect_error ("elements.xml", xml->str, xml->len, PA_FRAMEWORK_ERROR_TOO_LARGE);
  g_string_free (xml, TRUE);

  xml = g_string_new (HEAD OPEN_FRAMEWORK "<label xml:lang=\"en\" ");
  g_string_append_printf (xml, "x=\"%*s\"", PA_FRAMEWORK_MAX_TEXT_BYTES + 1, "y");
  g_string_append (xml, ">T</label></framework>");
  m3 = expect_error ("long-attribute.xml", xml->str, xml->len, PA_FRAMEWORK_ERROR_TOO_LARGE);
  g_string_free (xml, TRUE);

  xml = g_string_new (HEAD OPEN_FRAMEWORK "<label xml:lang=\"en\">T</label><!--");
  g_string_append_printf (xml, "%*s", PA_FRAMEWORK_MAX_TEXT_BYTES + 10, "-->");
  g_string_append (xml, "</framework>");
  m4 = expect_error ("long-comment.xml", xml->str, xml->len, PA_FRAMEWORK_ERROR_TOO_LARGE);
  g_string_free (xml, TRUE);

  xml = g_string_new (HEAD OPEN_FRAMEWORK "<label xml:lang=\"en\">T</label><levels>");
  for (int i = 0; i <= PA_FRAMEWORK_MAX_LEVELS; i++)
    g_string_append_printf (xml, "<level code=\"%d\"><label xml:lang=\"en\">L</label></level>", i);
  g_string_append (xml, "</levels></framework>");
  m5 = expect_error ("levels.xml", xml->str, xml->len, PA_FRAMEWORK_ERROR_TOO_LARGE);
  g_string_free (xml, TRUE);

  xml = g_string_new (HEAD OPEN_FRAMEWORK);
  for (int i = 0; i <= PA_FRAMEWORK_MAX_LANGS; i++)
    g_string_append_printf (xml, "<label xml:lang=\"x-%d\">T</label>", i);
  g_string_append (xml, "</framework>");
  m6 = expect_error ("languages.xml", xml->str, xml->len, PA_FRAMEWORK_ERROR_TOO_LARGE);
  g_string_free (xml, TRUE);

  /* A stream whose size nobody knows beforehand is cut off at the limit. */
  xml = g_string_new (HEAD OPEN_FRAMEWORK);
  while (xml->len <= PA_FRAMEWORK_MAX_FILE_BYTES)
    g_string_append_printf (xml, "<label xml:lang=\"en\">%s</label>\n", label);
  stream = g_memory_input_stream_new_from_data (g_string_free (xml, FALSE), -1, g_free);
  doc = pa_framework_doc_load_stream (stream, "endless.xml", &error);
  g_assert_null (doc);
  g_assert_error (error, PA_FRAMEWORK_ERROR, PA_FRAMEWORK_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "endless.xml"));
  g_test_message ("endless.xml: %s", error->message);
}


/* Built-in frameworks */

static void
test_builtin_list (void)
{
  const char *const *ids = pa_framework_builtin_ids ();
  g_autoptr (GError) error = NULL;
  g_autoptr (PaFrameworkDoc) doc = NULL;
  g_autofree char *path = pa_framework_builtin_resource_path ("cefr");

  g_assert_cmpuint (g_strv_length ((char **) ids), ==, 6);
  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autofree char *resource = pa_framework_builtin_resource_path (ids[i]);
      g_autoptr (GBytes) bytes = g_resources_lookup_data (resource, 0, NULL);

      g_assert_nonnull (bytes);
    }
  g_assert_cmpstr (path, ==, "/org/passerelle/Passerelle/frameworks/cefr.xml");
  g_assert_null (pa_framework_builtin_resource_path ("nope"));
  doc = pa_framework_doc_load_builtin ("nope", &error);
  g_assert_null (doc);
  g_assert_error (error, PA_FRAMEWORK_ERROR, PA_FRAMEWORK_ERROR_NOT_FOUND);
}

typedef struct
{
  gboolean isco;
  guint texts;
} LangCheck;

/* An occupation title in Arabic script: Arabic letters, spaces and a few
 * punctuation marks, no Latin letters left over from English. */
static void
assert_arabic_title (const char *title,
                     const char *what)
{
  guint letters = 0;

  g_assert_nonnull (title);
  g_assert_true (g_utf8_validate (title, -1, NULL));
  for (const char *p = title; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_get_script (c) == G_UNICODE_SCRIPT_ARABIC && g_unichar_isalpha (c))
        letters++;
      else if (g_unichar_ismark (c) && g_unichar_get_script (c) != G_UNICODE_SCRIPT_LATIN)
        continue; /* a vowel sign, where one disambiguates */
      else if (c != ' ' && c != '(' && c != ')' && c != 0x060C /* Arabic comma */)
        g_error ("%s: unexpected character U+%04X in Arabic title “%s”", what, c, title);
    }
  if (letters == 0)
    g_error ("%s: Arabic title “%s” has no Arabic letters", what, title);
}

static gboolean
check_item_languages_cb (const PaFrameworkItem *item,
                         gpointer               user_data)
{
  LangCheck *check = user_data;
  const PaFrameworkText *label = pa_framework_item_get_label (item);
  g_autofree char *what = g_strdup_printf ("item %s", pa_framework_item_get_code (item));

  assert_all_languages (label, what);
  if (check->isco)
    assert_arabic_title (pa_framework_text_get_exact (label, "ar"), what);
  if (pa_framework_text_get_n_langs (pa_framework_item_get_description (item)) > 0)
    assert_all_languages (pa_framework_item_get_description (item), what);
  check->texts++;
  return TRUE;
}

/* Every text of every built-in framework is given in the seven first
 * languages, and every ISCO title has a real Arabic title. */
static void
test_builtin_languages (void)
{
  const char *const *ids = pa_framework_builtin_ids ();

  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autoptr (PaFrameworkDoc) doc = load_builtin (ids[i]);
      LangCheck check = { g_str_equal (ids[i], "isco08"), 0 };

      assert_all_languages (pa_framework_doc_get_label (doc), ids[i]);
      assert_all_languages (pa_framework_doc_get_description (doc), ids[i]);
      g_assert_nonnull (pa_framework_doc_get_source (doc));
      for (guint j = 0; j < pa_framework_doc_get_n_levels (doc); j++)
        {
          const PaFrameworkLevel *level = pa_framework_doc_get_level (doc, j);

          assert_all_languages (pa_framework_level_get_label (level), ids[i]);
          if (pa_framework_text_get_n_langs (pa_framework_level_get_description (level)) > 0)
            assert_all_languages (pa_framework_level_get_description (level), ids[i]);
        }
      for (guint j = 0; j < pa_framework_doc_get_n_level_groups (doc); j++)
        assert_all_languages (pa_framework_level_get_label (pa_framework_doc_get_level_group (doc, j)),
                              ids[i]);
      g_assert_true (pa_framework_doc_foreach_item (doc, check_item_languages_cb, &check));
      g_assert_cmpuint (check.texts, ==, pa_framework_doc_get_n_items (doc));
    }
}

static void
assert_levels (const PaFrameworkDoc *doc,
               const char *const    *codes)
{
  g_assert_cmpuint (pa_framework_doc_get_n_levels (doc), ==, g_strv_length ((char **) codes));
  for (guint i = 0; codes[i] != NULL; i++)
    g_assert_cmpstr (pa_framework_level_get_code (pa_framework_doc_get_level (doc, i)), ==, codes[i]);
}

static void
test_builtin_cefr (void)
{
  static const char *const levels[] = { "A1", "A2", "B1", "B2", "C1", "C2", NULL };
  static const char *const skills[] = { "listening", "reading", "spoken-interaction",
                                        "spoken-production", "writing", NULL };
  g_autoptr (PaFrameworkDoc) doc = load_builtin ("cefr");
  guint descriptors = 0;

  assert_levels (doc, levels);
  g_assert_cmpuint (pa_framework_doc_get_n_level_groups (doc), ==, 3);
  g_assert_cmpstr (pa_framework_level_get_code (
                     pa_framework_level_get_group (pa_framework_doc_lookup_level (doc, "B2"))), ==, "B");
  g_assert_cmpstr (pa_framework_text_lookup (pa_framework_level_get_label (
                     pa_framework_doc_get_level_group (doc, 2)), "en"), ==, "Proficient user");
  g_assert_cmpuint (pa_framework_doc_get_n_items (doc), ==, 5);
  g_assert_cmpuint (count_kind (doc, "skill"), ==, 5);
  for (guint i = 0; skills[i] != NULL; i++)
    {
      const PaFrameworkItem *skill = pa_framework_doc_get_top_item (doc, i);

      g_assert_cmpstr (pa_framework_item_get_code (skill), ==, skills[i]);
      g_assert_cmpuint (pa_framework_item_get_n_descriptors (skill), ==, 6);
      for (guint j = 0; levels[j] != NULL; j++)
        {
          const PaFrameworkText *text = pa_framework_item_get_descriptor (skill, levels[j]);

          g_assert_nonnull (text);
          assert_all_languages (text, skills[i]);
          descriptors += pa_framework_text_get_n_langs (text);
        }
    }
  /* 6 levels × 5 skills, in each of the 7 languages. */
  g_assert_cmpuint (descriptors, ==, 6 * 5 * 7);
  g_assert_cmpstr (pa_framework_text_lookup (pa_framework_item_get_label (
                     pa_framework_doc_lookup_item (doc, "listening")), "de"), ==, "Hören");
}

static void
test_builtin_eqf (void)
{
  static const char *const levels[] = { "1", "2", "3", "4", "5", "6", "7", "8", NULL };
  static const char *const domains[] = { "knowledge", "skills", "responsibility-autonomy", NULL };
  g_autoptr (PaFrameworkDoc) doc = load_builtin ("eqf");
  guint descriptors = 0;

  assert_levels (doc, levels);
  g_assert_cmpuint (pa_framework_doc_get_n_items (doc), ==, 3);
  g_assert_cmpuint (count_kind (doc, "domain"), ==, 3);
  for (guint i = 0; domains[i] != NULL; i++)
    {
      const PaFrameworkItem *domain = pa_framework_doc_lookup_item (doc, domains[i]);

      g_assert_nonnull (domain);
      g_assert_cmpuint (pa_framework_item_get_n_descriptors (domain), ==, 8);
      for (guint j = 0; levels[j] != NULL; j++)
        {
          const PaFrameworkText *text = pa_framework_item_get_descriptor (domain, levels[j]);

          assert_all_languages (text, domains[i]);
          descriptors++;
        }
    }
  g_assert_cmpuint (descriptors, ==, 8 * 3);
  g_assert_cmpstr (pa_framework_text_lookup (pa_framework_item_get_descriptor (
                     pa_framework_doc_lookup_item (doc, "knowledge"), "1"), "en"), ==,
                   "Basic general knowledge.");
}

static void
test_builtin_digcomp (void)
{
  static const char *const competences[] = {
    "1.1", "1.2", "1.3",
    "2.1", "2.2", "2.3", "2.4", "2.5", "2.6",
    "3.1", "3.2", "3.3", "3.4",
    "4.1", "4.2", "4.3", "4.4",
    "5.1", "5.2", "5.3", "5.4", NULL
  };
  static const char *const groups[] = { "foundation", "intermediate", "advanced",
                                        "highly-specialised", NULL };
  static const char *const levels[] = { "1", "2", "3", "4", "5", "6", "7", "8", NULL };
  g_autoptr (PaFrameworkDoc) doc = load_builtin ("digcomp");

  g_assert_cmpstr (pa_framework_doc_get_version (doc), ==, "2.2");
  g_assert_cmpuint (count_kind (doc, "area"), ==, 5);
  g_assert_cmpuint (count_kind (doc, "competence"), ==, 21);
  g_assert_cmpuint (pa_framework_doc_get_n_items (doc), ==, 26);
  for (guint i = 0; i < 5; i++)
    {
      const PaFrameworkItem *area = pa_framework_doc_get_top_item (doc, i);
      g_autofree char *code = g_strdup_printf ("%u", i + 1);

      g_assert_cmpstr (pa_framework_item_get_code (area), ==, code);
      g_assert_cmpstr (pa_framework_item_get_kind (area), ==, "area");
      g_assert_nonnull (pa_framework_item_get_esco_uri (area));
    }
  for (guint i = 0; competences[i] != NULL; i++)
    {
      const PaFrameworkItem *item = pa_framework_doc_lookup_item (doc, competences[i]);

      g_assert_nonnull (item);
      g_assert_cmpstr (pa_framework_item_get_kind (item), ==, "competence");
      /* 2.3 sits under area 2. */
      g_assert_true (pa_framework_item_get_code (pa_framework_item_get_parent (item))[0] ==
                     competences[i][0]);
      g_assert_nonnull (pa_framework_item_get_esco_uri (item));
    }
  g_assert_cmpstr (pa_framework_text_lookup (pa_framework_item_get_label (
                     pa_framework_doc_lookup_item (doc, "4.2")), "en"), ==,
                   "Protecting personal data and privacy");
  assert_levels (doc, levels);
  g_assert_cmpuint (pa_framework_doc_get_n_level_groups (doc), ==, 4);
  for (guint i = 0; groups[i] != NULL; i++)
    {
      const PaFrameworkLevel *group = pa_framework_doc_get_level_group (doc, i);

      g_assert_cmpstr (pa_framework_level_get_code (group), ==, groups[i]);
      g_assert_true (pa_framework_level_get_group (pa_framework_doc_get_level (doc, 2 * i)) == group);
      g_assert_true (pa_framework_level_get_group (pa_framework_doc_get_level (doc, 2 * i + 1)) == group);
    }
}

static void
test_builtin_isced (void)
{
  static const char *const levels[] = { "0", "1", "2", "3", "4", "5", "6", "7", "8", NULL };
  g_autoptr (PaFrameworkDoc) doc = load_builtin ("isced");

  assert_levels (doc, levels);
  g_assert_cmpstr (pa_framework_text_lookup (pa_framework_level_get_label (
                     pa_framework_doc_lookup_level (doc, "6")), "en"), ==,
                   "Bachelor’s or equivalent level");
}

static gboolean
check_isco_cb (const PaFrameworkItem *item,
               gpointer               user_data)
{
  static const char *const kinds[] = { "major-group", "sub-major-group", "minor-group",
                                       "unit-group" };
  const char *code = pa_framework_item_get_code (item);
  const PaFrameworkItem *parent = pa_framework_item_get_parent (item);
  g_autofree char *uri = g_strconcat ("http://data.europa.eu/esco/isco/C", code, NULL);
  guint depth = pa_framework_item_get_depth (item);

  /* The code is the tree: one digit per level, each the parent's plus one. */
  g_assert_cmpuint (strlen (code), ==, depth + 1);
  g_assert_cmpstr (pa_framework_item_get_kind (item), ==, kinds[depth]);
  if (parent != NULL)
    g_assert_true (strncmp (pa_framework_item_get_code (parent), code, depth) == 0);
  for (const char *c = code; *c != '\0'; c++)
    g_assert_true (g_ascii_isdigit (*c));
  g_assert_cmpstr (pa_framework_item_get_esco_uri (item), ==, uri);
  return TRUE;
}

static void
test_builtin_isco (void)
{
  g_autoptr (PaFrameworkDoc) doc = load_builtin ("isco08");
  const PaFrameworkItem *item;

  g_assert_cmpuint (count_kind (doc, "major-group"), ==, 10);
  g_assert_cmpuint (count_kind (doc, "sub-major-group"), ==, 43);
  g_assert_cmpuint (count_kind (doc, "minor-group"), ==, 130);
  g_assert_cmpuint (count_kind (doc, "unit-group"), ==, 436);
  g_assert_cmpuint (pa_framework_doc_get_n_items (doc), ==, 619);
  g_assert_cmpuint (pa_framework_doc_get_n_top_items (doc), ==, 10);
  g_assert_true (pa_framework_doc_foreach_item (doc, check_isco_cb, NULL));

  /* Codes are text: armed forces keep their leading zero. */
  item = pa_framework_doc_lookup_item (doc, "0110");
  g_assert_nonnull (item);
  g_assert_cmpstr (pa_framework_item_get_code (pa_framework_item_get_parent (item)), ==, "011");
  item = pa_framework_doc_lookup_item (doc, "2");
  g_assert_cmpstr (pa_framework_text_lookup (pa_framework_item_get_label (item), "en"), ==,
                   "Professionals");
  g_assert_cmpstr (pa_framework_text_lookup (pa_framework_item_get_label (item), "ar"), ==,
                   "الاختصاصيون");
  /* Unit groups have their own Arabic titles, in the terms of their parents,
   * also when asked for with a locale name. */
  item = pa_framework_doc_lookup_item (doc, "2221");
  g_assert_cmpstr (pa_framework_text_lookup (pa_framework_item_get_label (item), "en"), ==,
                   "Nursing professionals");
  g_assert_cmpstr (pa_framework_text_lookup (pa_framework_item_get_label (item), "ar"), ==,
                   "اختصاصيو التمريض");
  g_assert_cmpstr (pa_framework_text_lookup (pa_framework_item_get_label (item), "ar_SY.UTF-8"),
                   ==, "اختصاصيو التمريض");
  g_assert_cmpstr (pa_framework_text_lookup (pa_framework_item_get_label (
                     pa_framework_item_get_parent (item)), "ar"), ==,
                   "اختصاصيو التمريض والقبالة");
  item = pa_framework_doc_lookup_item (doc, "2654");
  g_assert_cmpstr (pa_framework_text_lookup (pa_framework_item_get_label (item), "ar_SY.UTF-8"), ==,
                   "مخرجو ومنتجو الأفلام والمسرح والأعمال المرتبطة بها");
}

static void
test_builtin_transversal (void)
{
  static const char *const meta[] = { "adaptability", "intercultural-communication", "resilience",
                                      "autonomy", "multilingual-mediation",
                                      "learning-unfamiliar-contexts", NULL };
  g_autoptr (PaFrameworkDoc) doc = load_builtin ("transversal");

  g_assert_cmpuint (count_kind (doc, "meta-competence"), >=, 8);
  g_assert_cmpuint (count_kind (doc, "skill"), >=, 30);
  for (guint i = 0; meta[i] != NULL; i++)
    {
      const PaFrameworkItem *item = pa_framework_doc_lookup_item (doc, meta[i]);

      g_assert_nonnull (item);
      g_assert_cmpstr (pa_framework_item_get_kind (item), ==, "meta-competence");
      assert_all_languages (pa_framework_item_get_description (item), meta[i]);
    }
}

/* Every ESCO URI in the built-in files names a concept of the real ESCO
 * download, and no concept is claimed twice within a framework. */

static void
collect_uris (GHashTable *set,
              const char *path)
{
  g_autofree char *text = NULL;
  g_autoptr (GError) error = NULL;
  static const char prefix[] = "http://data.europa.eu/esco/";
  gsize size;

  g_file_get_contents (path, &text, &size, &error);
  g_assert_no_error (error);
  /* A plain scan: strstr() from every match is quadratic under ASan, whose
   * interceptor measures the whole remaining haystack on each call. */
  for (gsize i = 0; i + sizeof prefix <= size; i++)
    {
      if (text[i] != 'h' || memcmp (text + i, prefix, sizeof prefix - 1) != 0)
        continue;
      gsize len = strspn (text + i, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-/:.");
      g_hash_table_add (set, g_strndup (text + i, len));
      i += len - 1;
    }
}

typedef struct
{
  GHashTable *esco;
  GHashTable *seen;
  guint linked;
} UriCheck;

static gboolean
check_uri_cb (const PaFrameworkItem *item,
              gpointer               user_data)
{
  UriCheck *check = user_data;
  const char *uri = pa_framework_item_get_esco_uri (item);

  if (uri == NULL)
    return TRUE;
  if (!g_hash_table_contains (check->esco, uri))
    g_error ("item %s: %s is not in ESCO", pa_framework_item_get_code (item), uri);
  g_assert_true (g_hash_table_add (check->seen, (gpointer) uri));
  check->linked++;
  return TRUE;
}

static void
test_builtin_esco_uris (void)
{
  static const char *const files[] = {
    "ISCOGroups_en.csv", "digCompSkillsCollection_en.csv", "transversalSkillsCollection_en.csv",
    "skillGroups_en.csv", "skills_en.csv", NULL
  };
  const char *data = pa_test_shared_data ();
  const char *const *ids = pa_framework_builtin_ids ();
  g_autoptr (GHashTable) esco = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint total = 0;

  if (data == NULL)
    {
      g_test_skip ("no ESCO files (PASSERELLE_SHARED_DATA)");
      return;
    }
  for (guint i = 0; files[i] != NULL; i++)
    {
      g_autofree char *path = g_build_filename (data, "esco", "v1.1.1", "en", files[i], NULL);
      collect_uris (esco, path);
    }
  g_assert_cmpuint (g_hash_table_size (esco), >, 14000);
  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autoptr (PaFrameworkDoc) doc = load_builtin (ids[i]);
      g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
      UriCheck check = { esco, seen, 0 };

      g_assert_true (pa_framework_doc_foreach_item (doc, check_uri_cb, &check));
      g_test_message ("%s: %u items linked to ESCO", ids[i], check.linked);
      total += check.linked;
      if (g_str_equal (ids[i], "isco08"))
        g_assert_cmpuint (check.linked, ==, 619);
      if (g_str_equal (ids[i], "digcomp"))
        g_assert_cmpuint (check.linked, ==, 26);
    }
  g_assert_cmpuint (total, >, 619 + 26);
}

/* Huge input, each case in a fresh process so that its peak resident size
 * shows what the refusal cost. The bound asserted is 16 MiB above the
 * process's size before loading: the files are 24 MiB to 1 GiB. */

static void
write_big_text_file (const char *path,
                     gsize       text_bytes)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GFileOutputStream) out = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE,
                                                      NULL, &error);
  g_autofree char *chunk = g_strnfill (1024 * 1024, 'a');
  static const char head[] = HEAD OPEN_FRAMEWORK "<label xml:lang=\"en\">";
  static const char tail[] = "</label></framework>\n";

  g_assert_no_error (error);
  g_output_stream_write_all (G_OUTPUT_STREAM (out), head, strlen (head), NULL, NULL, &error);
  for (gsize done = 0; done < text_bytes; done += 1024 * 1024)
    g_output_stream_write_all (G_OUTPUT_STREAM (out), chunk, 1024 * 1024, NULL, NULL, &error);
  g_output_stream_write_all (G_OUTPUT_STREAM (out), tail, strlen (tail), NULL, NULL, &error);
  g_output_stream_close (G_OUTPUT_STREAM (out), NULL, &error);
  g_assert_no_error (error);
}

static void
test_huge_subprocess (void)
{
  const char *path = g_getenv ("PA_TEST_HUGE_FILE");
  g_autoptr (GError) error = NULL;
  g_autoptr (PaFrameworkDoc) warm = NULL;
  g_autoptr (PaFrameworkDoc) doc = NULL;
  g_autoptr (GBytes) minimal = g_bytes_new_static (MINIMAL, strlen (MINIMAL));
  long before, after;

  /* Compile the schema and warm libxml2 first: the measure is the file's. */
  warm = pa_framework_doc_load_bytes (minimal, "minimal.xml", &error);
  g_assert_no_error (error);
  before = peak_rss_kib ();
  doc = load_path (path, &error);
  after = peak_rss_kib ();
  g_assert_null (doc);
  g_assert_error (error, PA_FRAMEWORK_ERROR,
                  (int) g_ascii_strtoll (g_getenv ("PA_TEST_HUGE_CODE"), NULL, 10));
  {
    g_autofree char *name = g_path_get_basename (path);
    g_printerr ("# %s: peak RSS %ld KiB before, %ld KiB after (+%ld KiB): %s\n",
                name, before, after, after - before, error->message);
  }
  /* The bound: a few read buffers, nowhere near the file's size. */
  g_assert_cmpint (after - before, <, 16 * 1024);
}

static void
run_measured (const char *path,
              int         code)
{
  g_autofree char *code_str = g_strdup_printf ("%d", code);

  g_setenv ("PA_TEST_HUGE_FILE", path, TRUE);
  g_setenv ("PA_TEST_HUGE_CODE", code_str, TRUE);
  g_test_trap_subprocess ("/framework-xml/huge/subprocess", 0,
                          G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

static void
run_huge (const char *name,
          goffset     size,
          gboolean    sparse)
{
  g_autofree char *path = g_build_filename (tmpdir, name, NULL);

  if (sparse)
    {
      static const char head[] = HEAD OPEN_FRAMEWORK "<label xml:lang=\"en\">";
      int fd = open (path, O_WRONLY | O_CREAT | O_TRUNC, 0600);

      g_assert_cmpint (fd, >=, 0);
      g_assert_cmpint (write (fd, head, strlen (head)), ==, (gssize) strlen (head));
      g_assert_cmpint (ftruncate (fd, size), ==, 0);
      close (fd);
    }
  else
    write_big_text_file (path, size);
  run_measured (path, PA_FRAMEWORK_ERROR_TOO_LARGE);
  g_unlink (path);
}

static void
test_huge_laughs (void)
{
  /* Ten levels of ten: 10^10 "lol"s (30 GB) if it were ever expanded. */
  GString *xml = g_string_new (HEAD "<!DOCTYPE framework [\n<!ENTITY lol0 \"lol\">\n");
  g_autofree char *path = g_build_filename (tmpdir, "laughs-measured.xml", NULL);
  g_autoptr (GError) error = NULL;

  for (int i = 1; i <= 10; i++)
    {
      g_string_append_printf (xml, "<!ENTITY lol%d \"", i);
      for (int j = 0; j < 10; j++)
        g_string_append_printf (xml, "&lol%d;", i - 1);
      g_string_append (xml, "\">\n");
    }
  g_string_append (xml, "]>\n" OPEN_FRAMEWORK "<label xml:lang=\"en\">&lol10;</label></framework>\n");
  g_file_set_contents (path, xml->str, xml->len, &error);
  g_assert_no_error (error);
  g_string_free (xml, TRUE);
  run_measured (path, PA_FRAMEWORK_ERROR_REFUSED);
}

static void
test_huge_text_over_file_limit (void)
{
  /* 64 MiB of text in one node: refused by its size before it is read. */
  run_huge ("text-64m.xml", 64 * 1024 * 1024, FALSE);
}

static void
test_huge_text_1g (void)
{
  /* A 1 GiB text node (a sparse file, so the test writes 1 GiB of nothing). */
  run_huge ("text-1g.xml", G_GOFFSET_CONSTANT (1024) * 1024 * 1024, TRUE);
}

static void
test_huge_text_under_file_limit (void)
{
  /* 24 MiB in one text node, under the file limit: refused while reading,
   * once the node passes the text limit. */
  run_huge ("text-24m.xml", 24 * 1024 * 1024, FALSE);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* Messages quote file names with “ ”: print them as UTF-8. */
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  tmpdir = pa_test_make_tmpdir ();

  /* First, while the process is small. */
  g_test_add_func ("/framework-xml/huge/subprocess", test_huge_subprocess);
  g_test_add_func ("/framework-xml/huge/text-64m", test_huge_text_over_file_limit);
  g_test_add_func ("/framework-xml/huge/text-1g", test_huge_text_1g);
  g_test_add_func ("/framework-xml/huge/text-24m", test_huge_text_under_file_limit);
  g_test_add_func ("/framework-xml/huge/billion-laughs", test_huge_laughs);

  g_test_add_func ("/framework-xml/minimal", test_minimal);
  g_test_add_func ("/framework-xml/builtin/list", test_builtin_list);
  g_test_add_func ("/framework-xml/builtin/languages", test_builtin_languages);
  g_test_add_func ("/framework-xml/builtin/cefr", test_builtin_cefr);
  g_test_add_func ("/framework-xml/builtin/eqf", test_builtin_eqf);
  g_test_add_func ("/framework-xml/builtin/digcomp", test_builtin_digcomp);
  g_test_add_func ("/framework-xml/builtin/isced", test_builtin_isced);
  g_test_add_func ("/framework-xml/builtin/isco08", test_builtin_isco);
  g_test_add_func ("/framework-xml/builtin/transversal", test_builtin_transversal);
  g_test_add_func ("/framework-xml/builtin/esco-uris", test_builtin_esco_uris);
  g_test_add_func ("/framework-xml/model", test_model);
  g_test_add_func ("/framework-xml/foreach-order", test_foreach_order);
  g_test_add_func ("/framework-xml/hostile/billion-laughs", test_billion_laughs);
  g_test_add_func ("/framework-xml/hostile/external-entities", test_external_entities);
  g_test_add_func ("/framework-xml/hostile/no-fetching", test_no_fetching);
  g_test_add_func ("/framework-xml/hostile/malformed", test_malformed);
  g_test_add_func ("/framework-xml/hostile/not-framework", test_not_framework);
  g_test_add_func ("/framework-xml/hostile/schema-invalid", test_schema_invalid);
  g_test_add_func ("/framework-xml/hostile/rules", test_rules);
  g_test_add_func ("/framework-xml/hostile/read-errors", test_read_errors);
  g_test_add_func ("/framework-xml/hostile/limits", test_limits);
  status = g_test_run ();
  pa_test_remove_tree (tmpdir);
  g_free (tmpdir);
  return status;
}
