/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pa-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "pa-record-table.h"
#include "pa-records.h"

/* The checks every record's values pass before anything is stored: valid
 * text of bounded length, codes of the schema's lists, ISO dates, URIs.
 * Each failure is PA_STORE_ERROR_INVALID with a message naming the field. */

#define DEFAULT_MAX_CHARS 20000

gboolean
pa_check_text (const char  *label,
               const char  *value,
               gboolean     required,
               guint        max_chars,
               GError     **error)
{
  if (value == NULL || *value == '\0')
    {
      if (!required)
        return TRUE;
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_INVALID,
                   _("%s: a value is required."), _(label));
      return FALSE;
    }
  if (!g_utf8_validate (value, -1, NULL))
    {
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_INVALID,
                   _("%s: not valid text (invalid UTF-8)."), _(label));
      return FALSE;
    }
  if (max_chars == 0)
    max_chars = DEFAULT_MAX_CHARS;
  if (g_utf8_strlen (value, -1) > max_chars)
    {
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_INVALID,
                   ngettext ("%s: too long (at most %u character).",
                             "%s: too long (at most %u characters).", max_chars),
                   _(label), max_chars);
      return FALSE;
    }
  if (required)
    {
      /* Only spaces is as good as empty. */
      gboolean blank = TRUE;
      for (const char *p = value; blank && *p; p = g_utf8_next_char (p))
        blank = g_unichar_isspace (g_utf8_get_char (p));
      if (blank)
        {
          g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_INVALID,
                       _("%s: a value is required."), _(label));
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
pa_check_value (const char  *label,
                const char  *list,
                const char  *value,
                GError     **error)
{
  const char *const *values = pa_record_values (list);
  g_autofree char *expected = NULL;

  if (value != NULL && g_strv_contains (values, value))
    return TRUE;
  expected = g_strjoinv (", ", (char **) values);
  if (value == NULL)
    g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_INVALID,
                 _("%s: a value is required (one of %s)."), _(label), expected);
  else if (!g_utf8_validate (value, -1, NULL))
    g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_INVALID,
                 _("%s: not valid text (invalid UTF-8)."), _(label));
  else
    g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_INVALID,
                 _("%s: “%s” is not one of %s."), _(label), value, expected);
  return FALSE;
}

static gboolean
parse_number (const char *text,
              gsize       digits,
              guint      *out)
{
  guint n = 0;

  for (gsize i = 0; i < digits; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      n = n * 10 + (guint) (text[i] - '0');
    }
  *out = n;
  return TRUE;
}

/* YYYY-MM-DD, or with @partial also YYYY and YYYY-MM: migrants often know
 * only the year or the month of an experience. */
gboolean
pa_check_date (const char  *label,
               const char  *value,
               gboolean     partial,
               GError     **error)
{
  gsize len;
  guint year = 0, month = 1, day = 1;
  gboolean ok;

  if (value == NULL)
    return TRUE;
  len = strlen (value);
  ok = parse_number (value, MIN (len, 4), &year) && len >= 4 && year >= 1900 && year <= 2100;
  if (ok && len == 4)
    ok = partial;
  else if (ok && len == 7)
    ok = partial && value[4] == '-' && parse_number (value + 5, 2, &month) &&
         month >= 1 && month <= 12;
  else if (ok && len == 10)
    ok = value[4] == '-' && value[7] == '-' && parse_number (value + 5, 2, &month) &&
         parse_number (value + 8, 2, &day) &&
         g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year);
  else
    ok = FALSE;

  if (ok)
    return TRUE;
  if (!g_utf8_validate (value, -1, NULL))
    g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_INVALID,
                 _("%s: not valid text (invalid UTF-8)."), _(label));
  else if (partial)
    g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_INVALID,
                 _("%s: “%s” is not a date (YYYY, YYYY-MM or YYYY-MM-DD, years 1900 to 2100)."),
                 _(label), value);
  else
    g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_INVALID,
                 _("%s: “%s” is not a date (YYYY-MM-DD, years 1900 to 2100)."), _(label), value);
  return FALSE;
}

/* The end may not come before the start; "2019" ends after "2019-05". */
gboolean
pa_check_date_order (const char  *start_label,
                     const char  *start,
                     const char  *end_label,
                     const char  *end,
                     GError     **error)
{
  gsize n;

  if (start == NULL || end == NULL)
    return TRUE;
  n = MIN (strlen (start), strlen (end));
  if (strncmp (end, start, n) >= 0)
    return TRUE;
  g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_INVALID,
               _("%s (%s) comes before %s (%s)."), _(end_label), end, _(start_label), start);
  return FALSE;
}

gboolean
pa_check_uri (const char  *label,
              const char  *value,
              GError     **error)
{
  if (value == NULL)
    return TRUE;
  if (g_utf8_validate (value, -1, NULL) && strlen (value) <= 2000 &&
      g_uri_is_valid (value, G_URI_FLAGS_NONE, NULL))
    return TRUE;
  if (!g_utf8_validate (value, -1, NULL))
    g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_INVALID,
                 _("%s: not valid text (invalid UTF-8)."), _(label));
  else
    g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_INVALID,
                 _("%s: “%s” is not a URI (e.g. http://data.europa.eu/esco/skill/…)."),
                 _(label), value);
  return FALSE;
}

