/* SPDX-License-Identifier: GPL-3.0-or-later */
#define _GNU_SOURCE
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <string.h>

#include "pa-test-utils.h"

/* A fresh folder for one test; tests never touch the user's real store. */
char *
pa_test_make_tmpdir (void)
{
  g_autoptr (GError) error = NULL;
  char *dir = g_dir_make_tmp ("passerelle-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

void
pa_test_remove_tree (const char *path)
{
  g_autoptr (GDir) dir = NULL;
  const char *name;

  if (path == NULL)
    return;
  dir = g_dir_open (path, 0, NULL);
  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
            pa_test_remove_tree (child);
          else
            g_unlink (child);
        }
    }
  g_rmdir (path);
}

/* The folder of real ESCO and Europass files, or NULL when it is absent. */
const char *
pa_test_shared_data (void)
{
  const char *dir = g_getenv ("PASSERELLE_SHARED_DATA");

  if (dir == NULL || !g_file_test (dir, G_FILE_TEST_IS_DIR))
    return NULL;
  return dir;
}

/* Returns the shared data folder, or ends the test program as skipped. */
const char *
pa_test_shared_data_or_skip (void)
{
  const char *dir = pa_test_shared_data ();

  if (dir == NULL)
    {
      printf ("1..0 # SKIP the shared test data folder (PASSERELLE_SHARED_DATA) is absent\n");
      exit (PA_TEST_SKIP);
    }
  return dir;
}

/* Whether the bytes of @needle appear anywhere in the file (which may be absent). */
gboolean
pa_test_file_contains (const char *path,
                       const char *needle,
                       gsize       needle_len)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return FALSE;
  return memmem (contents, length, needle, needle_len) != NULL;
}

/* Runs passerelle-cli with the arguments; returns its exit status. */
int
pa_test_run_cli (char       **out,
                 char       **err,
                 const char  *first_arg,
                 ...)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  const char *cli = g_getenv ("PASSERELLE_CLI");
  int wait_status = 0;
  va_list args;

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (gpointer) cli);
  va_start (args, first_arg);
  for (const char *a = first_arg; a != NULL; a = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) a);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, out, err,
                &wait_status, &error);
  g_assert_no_error (error);
  if (WIFEXITED (wait_status))
    return WEXITSTATUS (wait_status);
  return -1;
}
