/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  const char *code;   /* ISO 3166-1 alpha-2 or ISO 639 code */
  const char *name;   /* English name, as in iso-codes */
} PaIsoEntry;

const char *pa_iso_country_name       (const char *alpha2);
const char *pa_iso_country_name_en    (const char *alpha2);
const char *pa_iso_language_name      (const char *code);
const char *pa_iso_language_name_en   (const char *code);
GPtrArray  *pa_iso_countries          (void);
GPtrArray  *pa_iso_languages          (void);

G_END_DECLS
