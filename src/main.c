/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pa-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr (PaApplication) app = NULL;

  pa_application_setup_i18n ();
  app = pa_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
