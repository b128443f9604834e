/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pa-fold"

#include "config.h"

#include <string.h>

#include "pa-fold.h"

/* How labels are compared: case, diacritics and compatibility forms folded,
 * invisible characters dropped, every kind of space made one space. The
 * same function folds what is stored and what a person types, so "resume",
 * "Résumé" and "RÉSUMÉ" meet. */

static gboolean
is_space (gunichar c)
{
  return g_unichar_isspace (c) || c == 0x00A0 || c == 0x2007 || c == 0x202F;
}

/* Characters that take no room: zero-width space and joiners, soft hyphen, BOM. */
static gboolean
is_invisible (gunichar c)
{
  return c == 0x00AD || c == 0x200B || c == 0x200C || c == 0x200D || c == 0x2060 ||
         c == 0xFEFF;
}

static char *
fold_ascii (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));
  gboolean pending_space = FALSE;

  for (const char *p = text; *p; p++)
    {
      char c = *p;
      if (g_ascii_isspace (c))
        {
          pending_space = out->len > 0;
          continue;
        }
      if (pending_space)
        g_string_append_c (out, ' ');
      pending_space = FALSE;
      g_string_append_c (out, g_ascii_tolower (c));
    }
  return g_string_free (out, FALSE);
}

/**
 * pa_fold_text:
 * @text: UTF-8 text
 *
 * Folds @text for comparison: case folded, decomposed (NFKD) with combining
 * marks and invisible characters removed, spaces (no-break ones included)
 * collapsed to one and trimmed. Returns: (transfer full)
 */
char *
pa_fold_text (const char *text)
{
  g_autofree char *folded = NULL;
  g_autofree char *decomposed = NULL;
  GString *out;
  gboolean pending_space = FALSE;
  gboolean ascii = TRUE;

  g_return_val_if_fail (text != NULL, NULL);

  for (const char *p = text; *p; p++)
    if ((guchar) *p >= 0x80)
      {
        ascii = FALSE;
        break;
      }
  if (ascii)
    return fold_ascii (text);

  folded = g_utf8_casefold (text, -1);
  decomposed = g_utf8_normalize (folded, -1, G_NORMALIZE_NFKD);
  if (decomposed == NULL)
    return g_strdup ("");
  out = g_string_sized_new (strlen (decomposed));
  for (const char *p = decomposed; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_ismark (c) || is_invisible (c))
        continue;
      if (is_space (c))
        {
          pending_space = out->len > 0;
          continue;
        }
      if (pending_space)
        g_string_append_c (out, ' ');
      pending_space = FALSE;
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/**
 * pa_label_clean:
 * @text: UTF-8 text
 * @length: its length in bytes, or -1 when NUL-terminated
 *
 * A label as it is shown: trimmed, invisible characters dropped, no-break
 * spaces, tabs and line breaks made plain spaces, runs of spaces collapsed.
 * Returns: (transfer full): the label, "" when nothing visible is left
 */
char *
pa_label_clean (const char *text,
                gssize      length)
{
  const char *end;
  GString *out;
  gboolean pending_space = FALSE;

  g_return_val_if_fail (text != NULL, NULL);

  end = text + (length < 0 ? (gssize) strlen (text) : length);
  out = g_string_sized_new ((gsize) (end - text));
  for (const char *p = text; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = (guchar) *p < 0x80 ? (gunichar) *p : g_utf8_get_char (p);

      if (is_invisible (c))
        continue;
      if (is_space (c))
        {
          pending_space = out->len > 0;
          continue;
        }
      if (pending_space)
        g_string_append_c (out, ' ');
      pending_space = FALSE;
      if (c < 0x80)
        g_string_append_c (out, (char) c);
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }
  return g_string_free (out, FALSE);
}

/**
 * pa_fold_next_word:
 * @cursor: (inout): where to look in folded text; moved past the word
 *
 * Finds the next word (a run of letters and digits) of folded text.
 * Returns: %FALSE when there is none left.
 */
gboolean
pa_fold_next_word (const char **cursor,
                   const char **word,
                   gsize       *word_length)
{
  const char *p = *cursor;
  const char *start;

  /* Skip separators. */
  while (*p)
    {
      gunichar c = (guchar) *p < 0x80 ? (gunichar) *p : g_utf8_get_char (p);
      if ((c < 0x80 && g_ascii_isalnum ((char) c)) || (c >= 0x80 && g_unichar_isalnum (c)))
        break;
      p = g_utf8_next_char (p);
    }
  if (*p == '\0')
    {
      *cursor = p;
      return FALSE;
    }
  start = p;
  while (*p)
    {
      gunichar c = (guchar) *p < 0x80 ? (gunichar) *p : g_utf8_get_char (p);
      if (!((c < 0x80 && g_ascii_isalnum ((char) c)) || (c >= 0x80 && g_unichar_isalnum (c))))
        break;
      p = g_utf8_next_char (p);
    }
  *word = start;
  *word_length = (gsize) (p - start);
  *cursor = p;
  return TRUE;
}
