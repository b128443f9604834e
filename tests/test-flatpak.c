/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <json-glib/json-glib.h>

/* The Flatpak manifest parses, grants no network and no host files, and
 * builds every library meson.build asks for that the GNOME runtime lacks. */

/* pkg-config names the GNOME runtime (and the freedesktop runtime under it) provides. */
static const char *const runtime_provides[] = {
  "glib-2.0", "gio-2.0", "gtk4", "libadwaita-1", "sqlite3", "libxml-2.0", "json-glib-1.0",
  "cairo", "cairo-pdf", "pangocairo", "pango", "libarchive", "librsvg-2.0", "gdk-pixbuf-2.0", "iso-codes",
  NULL
};

/* pkg-config name → manifest module that builds it. */
static const char *const module_for[][2] = {
  { "libqrencode", "libqrencode" },
  { "libsodium", "libsodium" },
  { "poppler-glib", "poppler" },
  { NULL, NULL }
};

static JsonObject *
load_manifest (JsonParser *parser)
{
  g_autofree char *path = g_build_filename (g_getenv ("G_TEST_SRCDIR"), "..", "flatpak",
                                            "org.passerelle.Passerelle.json", NULL);
  g_autoptr (GError) error = NULL;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  return json_node_get_object (json_parser_get_root (parser));
}

static void
test_sandbox (void)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  JsonObject *manifest = load_manifest (parser);
  JsonArray *args = json_object_get_array_member (manifest, "finish-args");

  g_assert_cmpstr (json_object_get_string_member (manifest, "id"), ==, APP_ID);
  g_assert_cmpstr (json_object_get_string_member (manifest, "runtime"), ==, "org.gnome.Platform");
  for (guint i = 0; i < json_array_get_length (args); i++)
    {
      const char *arg = json_array_get_string_element (args, i);
      g_test_message ("finish-arg %s", arg);
      g_assert_cmpstr (arg, !=, "--share=network");
      g_assert_false (g_str_has_prefix (arg, "--filesystem="));
      g_assert_false (g_str_has_prefix (arg, "--talk-name=org.freedesktop.Flatpak"));
    }
}

static gboolean
has_module (JsonObject *manifest,
            const char *name)
{
  JsonArray *modules = json_object_get_array_member (manifest, "modules");

  for (guint i = 0; i < json_array_get_length (modules); i++)
    {
      JsonNode *node = json_array_get_element (modules, i);
      if (JSON_NODE_HOLDS_OBJECT (node) &&
          g_strcmp0 (json_object_get_string_member (json_node_get_object (node), "name"), name) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
test_modules_cover_dependencies (void)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  JsonObject *manifest = load_manifest (parser);
  g_autofree char *meson_path = g_build_filename (g_getenv ("G_TEST_SRCDIR"), "..", "meson.build", NULL);
  g_autofree char *meson = NULL;
  g_autoptr (GRegex) regex = g_regex_new ("dependency\\s*\\(\\s*'([^']+)'", 0, 0, NULL);
  g_autoptr (GMatchInfo) match = NULL;
  guint n = 0;

  g_assert_true (g_file_get_contents (meson_path, &meson, NULL, NULL));
  g_regex_match (regex, meson, 0, &match);
  while (g_match_info_matches (match))
    {
      g_autofree char *dep = g_match_info_fetch (match, 1);
      gboolean covered = g_strv_contains (runtime_provides, dep);

      for (guint i = 0; !covered && module_for[i][0] != NULL; i++)
        if (g_str_equal (module_for[i][0], dep))
          covered = has_module (manifest, module_for[i][1]);
      if (!covered)
        g_error ("meson.build needs %s, which neither the GNOME runtime nor a module of "
                 "flatpak/org.passerelle.Passerelle.json provides", dep);
      n++;
      g_match_info_next (match, NULL);
    }
  g_assert_cmpuint (n, >=, 6);
  g_assert_true (has_module (manifest, "passerelle"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/flatpak/sandbox", test_sandbox);
  g_test_add_func ("/flatpak/modules-cover-dependencies", test_modules_cover_dependencies);

  return g_test_run ();
}
