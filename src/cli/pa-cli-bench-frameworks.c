/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "passerelle-cli"

#include "config.h"

#include "pa-cli.h"

int
pa_cli_bench_frameworks (PaCliGlobal  *global,
                         int           argc,
                         char        **argv)
{
  return PA_CLI_OK;
}
