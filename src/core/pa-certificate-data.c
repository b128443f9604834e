/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "passerelle-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>

#include "pa-certificate-data.h"
#include "pa-report.h"
#include "pa-store.h"

#define CHECK_MODULUS 1271
#define CHECK_RADIX 36
#define DIGEST_VERSION "passerelle-certificate/1"
#define SNAPSHOT_VERSION 1


static void
competence_free (gpointer data)
{
  PaCertificateCompetence *competence = data;

  g_free (competence->label);
  g_free (competence->label_second);
  g_free (competence->framework);
  g_free (competence->level);
  g_free (competence->method);
  g_free (competence);
}

/**
 * pa_certificate_data_new:
 *
 * Returns: (transfer full): empty certificate data to fill; the strings are
 * owned by it and freed with it.
 */
PaCertificateData *
pa_certificate_data_new (void)
{
  PaCertificateData *data = g_new0 (PaCertificateData, 1);

  data->competences = g_ptr_array_new_with_free_func (competence_free);
  g_date_clear (&data->issue_date, 1);
  return data;
}

void
pa_certificate_data_free (PaCertificateData *data)
{
  if (data == NULL)
    return;
  g_free (data->centre_name);
  g_free (data->centre_address);
  g_free (data->logo_path);
  g_clear_pointer (&data->logo, g_bytes_unref);
  g_free (data->signatory_name);
  g_free (data->signatory_role);
  g_free (data->participant_name);
  g_free (data->participant_origin);
  g_ptr_array_unref (data->competences);
  g_free (data->place);
  g_free (data->number);
  g_free (data->language);
  g_free (data->second_language);
  g_free (data->revoked_reason);
  g_free (data);
}

void
pa_certificate_data_add_competence (PaCertificateData *data,
                                    const char        *label,
                                    const char        *label_second,
                                    const char        *framework,
                                    const char        *level,
                                    const char        *method)
{
  PaCertificateCompetence *competence;

  g_return_if_fail (data != NULL);
  g_return_if_fail (label != NULL);

  competence = g_new0 (PaCertificateCompetence, 1);
  competence->label = g_strdup (label);
  competence->label_second = g_strdup (label_second);
  competence->framework = g_strdup (framework);
  competence->level = g_strdup (level);
  competence->method = g_strdup (method);
  g_ptr_array_add (data->competences, competence);
}

/* numbers */

static int
char_value (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'A' && c <= 'Z')
    return c - 'A' + 10;
  return -1;
}

static char
value_char (int value)
{
  return "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"[value];
}

gboolean
pa_certificate_prefix_is_valid (const char *prefix)
{
  gsize len;

  if (prefix == NULL)
    return FALSE;
  len = strlen (prefix);
  if (len < 1 || len > PA_CERTIFICATE_PREFIX_MAX)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    if (char_value (prefix[i]) < 0)
      return FALSE;
  return TRUE;
}

/**
 * pa_certificate_number_with_check:
 * @sequence: the certificate's sequence number in its centre, from 1
 * @prefix: the centre's prefix: 1 to 10 capital letters or digits
 *
 * Makes a certificate number "PREFIX-000042-7K": the prefix, the sequence on
 * at least six digits and two check characters computed over the letters
 * and digits with ISO/IEC 7064 MOD 1271-36. That system catches every
 * mistyped character, every swap of two neighbours and of two characters one
 * apart, and nearly all other errors; its check characters are letters and
 * digits only (MOD 37-2 may need a "*", which e-mail, file names and people
 * mangle).
 *
 * Returns: (transfer full): the number.
 */
char *
pa_certificate_number_with_check (gint64      sequence,
                                  const char *prefix)
{
  g_autofree char *body = NULL;
  guint32 sum = 0;
  guint32 check;

  g_return_val_if_fail (sequence >= 1 && sequence <= G_GINT64_CONSTANT (999999999999), NULL);
  g_return_val_if_fail (pa_certificate_prefix_is_valid (prefix), NULL);

  body = g_strdup_printf ("%s%06" G_GINT64_FORMAT, prefix, sequence);
  for (const char *p = body; *p; p++)
    sum = (sum * CHECK_RADIX + (guint32) char_value (*p)) % CHECK_MODULUS;
  /* Two more positions of weight 36 and 1 must bring the sum to 1. */
  sum = (sum * CHECK_RADIX * CHECK_RADIX) % CHECK_MODULUS;
  check = (CHECK_MODULUS + 1 - sum) % CHECK_MODULUS;

  return g_strdup_printf ("%s-%06" G_GINT64_FORMAT "-%c%c", prefix, sequence,
                          value_char ((int) (check / CHECK_RADIX)),
                          value_char ((int) (check % CHECK_RADIX)));
}

/**
 * pa_certificate_number_is_valid:
 * @number: a certificate number as typed by someone checking a certificate
 *
 * Hyphens and spaces are ignored and small letters count as capitals.
 *
 * Returns: %TRUE when the check characters match.
 */
gboolean
pa_certificate_number_is_valid (const char *number)
{
  guint32 sum = 0;
  gsize count = 0;

  if (number == NULL)
    return FALSE;
  for (const char *p = number; *p; p++)
    {
      int value;

      if (*p == '-' || *p == ' ')
        continue;
      value = char_value (g_ascii_toupper (*p));
      if (value < 0)
        return FALSE;
      sum = (sum * CHECK_RADIX + (guint32) value) % CHECK_MODULUS;
      count++;
    }
  return count >= 3 && sum == 1;
}

/* digest */

static void
append_field (GString    *out,
              const char *name,
              const char *value)
{
  g_autofree char *normal = NULL;

  g_string_append (out, name);
  g_string_append_c (out, '=');
  if (value != NULL)
    {
      /* The same text typed with precomposed or combining accents is the same
       * content. */
      normal = g_utf8_normalize (value, -1, G_NORMALIZE_NFC);
      for (const char *p = normal ? normal : value; *p; p++)
        switch (*p)
          {
          case '\\': g_string_append (out, "\\\\"); break;
          case '\n': g_string_append (out, "\\n"); break;
          case '\r': g_string_append (out, "\\r"); break;
          case '|': g_string_append (out, "\\|"); break;
          default: g_string_append_c (out, *p); break;
          }
    }
}

/**
 * pa_certificate_digest:
 * @data: a certificate
 *
 * SHA-256 of a canonical text of everything the certificate states: number,
 * date, languages, centre, signatory, participant and each competence in
 * order. Not included: the logo file, and whether it was revoked, which is
 * the certificate's status rather than its content.
 *
 * Returns: (transfer full): 64 lowercase hexadecimal digits.
 */
char *
pa_certificate_digest (const PaCertificateData *data)
{
  g_autoptr (GString) out = g_string_new (DIGEST_VERSION "\n");
  char year[16] = "";
  char date[16] = "";

  g_return_val_if_fail (data != NULL, NULL);

  if (g_date_valid (&data->issue_date))
    g_snprintf (date, sizeof date, "%04u-%02u-%02u", g_date_get_year (&data->issue_date),
                g_date_get_month (&data->issue_date), g_date_get_day (&data->issue_date));
  if (data->participant_birth_year > 0)
    g_snprintf (year, sizeof year, "%d", data->participant_birth_year);

  append_field (out, "number", data->number);
  g_string_append_c (out, '\n');
  append_field (out, "issue-date", date);
  g_string_append_c (out, '\n');
  append_field (out, "place", data->place);
  g_string_append_c (out, '\n');
  append_field (out, "language", data->language);
  g_string_append_c (out, '\n');
  append_field (out, "second-language", data->second_language);
  g_string_append_c (out, '\n');
  append_field (out, "centre-name", data->centre_name);
  g_string_append_c (out, '\n');
  append_field (out, "centre-address", data->centre_address);
  g_string_append_c (out, '\n');
  append_field (out, "signatory-name", data->signatory_name);
  g_string_append_c (out, '\n');
  append_field (out, "signatory-role", data->signatory_role);
  g_string_append_c (out, '\n');
  append_field (out, "participant-name", data->participant_name);
  g_string_append_c (out, '\n');
  append_field (out, "participant-birth-year", year);
  g_string_append_c (out, '\n');
  append_field (out, "participant-origin", data->participant_origin);
  g_string_append_c (out, '\n');
  for (guint i = 0; i < data->competences->len; i++)
    {
      PaCertificateCompetence *c = data->competences->pdata[i];

      append_field (out, "competence", c->label);
      append_field (out, "|second", c->label_second);
      append_field (out, "|framework", c->framework);
      append_field (out, "|level", c->level);
      append_field (out, "|method", c->method);
      g_string_append_c (out, '\n');
    }
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) out->str, out->len);
}

/**
 * pa_certificate_qr_text:
 * @data: a certificate
 *
 * Returns: (transfer full): what its QR code carries:
 * "PASSERELLE:CERT:<number>:<first 16 hex digits of the digest>".
 */
char *
pa_certificate_qr_text (const PaCertificateData *data)
{
  g_autofree char *digest = NULL;

  g_return_val_if_fail (data != NULL, NULL);

  digest = pa_certificate_digest (data);
  return g_strdup_printf ("PASSERELLE:CERT:%s:%.16s", data->number ? data->number : "", digest);
}

/* validation */

/* Whole sentences per field, so that translators never assemble one. */
static gboolean
check_text (const char  *value,
            gboolean     required,
            const char  *missing,
            const char  *invalid,
            GError     **error)
{
  if (value == NULL || *value == '\0')
    {
      if (!required)
        return TRUE;
      g_set_error_literal (error, PA_REPORT_ERROR, PA_REPORT_ERROR_INVALID, missing);
      return FALSE;
    }
  if (!g_utf8_validate (value, -1, NULL))
    {
      g_set_error_literal (error, PA_REPORT_ERROR, PA_REPORT_ERROR_INVALID, invalid);
      return FALSE;
    }
  return TRUE;
}

/**
 * pa_certificate_validate:
 * @data: a certificate
 * @error: return location for an error
 *
 * Returns: %TRUE when @data has everything a certificate must state, in
 * valid text, with a number whose check characters match.
 */
gboolean
pa_certificate_validate (const PaCertificateData  *data,
                         GError                  **error)
{
  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_text (data->centre_name, TRUE, _("The certificate has no centre name"),
                   _("The centre name is not valid UTF-8 text"), error)
      || !check_text (data->centre_address, FALSE, NULL,
                      _("The centre address is not valid UTF-8 text"), error)
      || !check_text (data->signatory_name, TRUE, _("The certificate has no signatory"),
                      _("The signatory’s name is not valid UTF-8 text"), error)
      || !check_text (data->signatory_role, FALSE, NULL,
                      _("The signatory’s role is not valid UTF-8 text"), error)
      || !check_text (data->participant_name, TRUE, _("The certificate has no participant name"),
                      _("The participant’s name is not valid UTF-8 text"), error)
      || !check_text (data->participant_origin, FALSE, NULL,
                      _("The country of origin is not valid UTF-8 text"), error)
      || !check_text (data->place, FALSE, NULL,
                      _("The place of issue is not valid UTF-8 text"), error)
      || !check_text (data->language, TRUE, _("The certificate has no language"),
                      _("The certificate’s language is not valid UTF-8 text"), error)
      || !check_text (data->second_language, FALSE, NULL,
                      _("The certificate’s second language is not valid UTF-8 text"), error)
      || !check_text (data->revoked_reason, FALSE, NULL,
                      _("The reason for revocation is not valid UTF-8 text"), error)
      || !check_text (data->number, TRUE, _("The certificate has no number"),
                      _("The certificate number is not valid UTF-8 text"), error))
    return FALSE;

  if (!pa_certificate_number_is_valid (data->number))
    {
      g_set_error (error, PA_REPORT_ERROR, PA_REPORT_ERROR_INVALID,
                   _("The certificate number “%s” is not valid: its check characters do not "
                     "match"), data->number);
      return FALSE;
    }
  if (!g_date_valid (&data->issue_date))
    {
      g_set_error (error, PA_REPORT_ERROR, PA_REPORT_ERROR_INVALID,
                   _("The certificate has no valid date of issue"));
      return FALSE;
    }
  if (data->participant_birth_year < 0 || data->participant_birth_year > 9999)
    {
      g_set_error (error, PA_REPORT_ERROR, PA_REPORT_ERROR_INVALID,
                   _("The year of birth %d is not valid"), data->participant_birth_year);
      return FALSE;
    }
  if (data->competences->len == 0)
    {
      g_set_error (error, PA_REPORT_ERROR, PA_REPORT_ERROR_INVALID,
                   _("The certificate names no competence"));
      return FALSE;
    }
  for (guint i = 0; i < data->competences->len; i++)
    {
      PaCertificateCompetence *c = data->competences->pdata[i];

      if (!check_text (c->label, TRUE, _("A competence on the certificate has no name"),
                       _("A competence name is not valid UTF-8 text"), error)
          || !check_text (c->label_second, FALSE, NULL,
                          _("A competence name is not valid UTF-8 text"), error)
          || !check_text (c->framework, FALSE, NULL,
                          _("A competence framework is not valid UTF-8 text"), error)
          || !check_text (c->level, FALSE, NULL,
                          _("A competence level is not valid UTF-8 text"), error)
          || !check_text (c->method, FALSE, NULL,
                          _("An assessment method is not valid UTF-8 text"), error))
        return FALSE;
    }
  return TRUE;
}

/* snapshot */

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

/**
 * pa_certificate_data_to_snapshot:
 * @data: a certificate
 *
 * Everything the certificate states, as compact JSON. Whether it is revoked
 * is not part of it: that is the certificate's status, kept beside it.
 *
 * Returns: (transfer full): the JSON text.
 */
char *
pa_certificate_data_to_snapshot (const PaCertificateData *data)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;
  char date[16] = "";

  g_return_val_if_fail (data != NULL, NULL);

  if (g_date_valid (&data->issue_date))
    g_snprintf (date, sizeof date, "%04u-%02u-%02u", g_date_get_year (&data->issue_date),
                g_date_get_month (&data->issue_date), g_date_get_day (&data->issue_date));

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, SNAPSHOT_VERSION);
  add_string (builder, "number", data->number);
  add_string (builder, "issue_date", date[0] ? date : NULL);
  add_string (builder, "place", data->place);
  add_string (builder, "language", data->language);
  add_string (builder, "second_language", data->second_language);
  add_string (builder, "centre_name", data->centre_name);
  add_string (builder, "centre_address", data->centre_address);
  add_string (builder, "logo_path", data->logo_path);
  add_string (builder, "signatory_name", data->signatory_name);
  add_string (builder, "signatory_role", data->signatory_role);
  add_string (builder, "participant_name", data->participant_name);
  json_builder_set_member_name (builder, "participant_birth_year");
  json_builder_add_int_value (builder, data->participant_birth_year);
  add_string (builder, "participant_origin", data->participant_origin);
  json_builder_set_member_name (builder, "competences");
  json_builder_begin_array (builder);
  for (guint i = 0; i < data->competences->len; i++)
    {
      PaCertificateCompetence *c = data->competences->pdata[i];

      json_builder_begin_object (builder);
      add_string (builder, "label", c->label);
      add_string (builder, "label_second", c->label_second);
      add_string (builder, "framework", c->framework);
      add_string (builder, "level", c->level);
      add_string (builder, "method", c->method);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

/* A member that must be a string or null; FALSE when it is something else. */
static gboolean
get_string (JsonObject  *object,
            const char  *name,
            char       **out)
{
  JsonNode *node = json_object_get_member (object, name);

  *out = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return FALSE;
  *out = g_strdup (json_node_get_string (node));
  return TRUE;
}

static gboolean
snapshot_damaged (GError     **error,
                  const char  *detail)
{
  g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_CORRUPT,
               _("The stored content of this certificate is damaged (%s)."), detail);
  return FALSE;
}

/**
 * pa_certificate_data_from_snapshot:
 * @snapshot: JSON from pa_certificate_data_to_snapshot()
 * @error: return location for an error (%PA_STORE_ERROR_CORRUPT)
 *
 * Returns: (transfer full): the certificate, not revoked, or %NULL when
 * @snapshot cannot be read or does not make a valid certificate.
 */
PaCertificateData *
pa_certificate_data_from_snapshot (const char  *snapshot,
                                   GError     **error)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (PaCertificateData) data = pa_certificate_data_new ();
  g_autoptr (GError) local = NULL;
  g_autofree char *date = NULL;
  JsonObject *root;
  JsonArray *competences;
  JsonNode *node;
  int y = 0, m = 0, d = 0;

  g_return_val_if_fail (snapshot != NULL, NULL);

  if (!json_parser_load_from_data (parser, snapshot, -1, &local))
    {
      snapshot_damaged (error, local->message);
      return NULL;
    }
  node = json_parser_get_root (parser);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      snapshot_damaged (error, _("not a JSON object"));
      return NULL;
    }
  root = json_node_get_object (node);
  if (json_object_get_int_member_with_default (root, "version", 0) != SNAPSHOT_VERSION)
    {
      snapshot_damaged (error, _("unknown version"));
      return NULL;
    }
  if (!get_string (root, "number", &data->number) ||
      !get_string (root, "issue_date", &date) ||
      !get_string (root, "place", &data->place) ||
      !get_string (root, "language", &data->language) ||
      !get_string (root, "second_language", &data->second_language) ||
      !get_string (root, "centre_name", &data->centre_name) ||
      !get_string (root, "centre_address", &data->centre_address) ||
      !get_string (root, "logo_path", &data->logo_path) ||
      !get_string (root, "signatory_name", &data->signatory_name) ||
      !get_string (root, "signatory_role", &data->signatory_role) ||
      !get_string (root, "participant_name", &data->participant_name) ||
      !get_string (root, "participant_origin", &data->participant_origin))
    {
      snapshot_damaged (error, _("a field is not text"));
      return NULL;
    }
  data->participant_birth_year =
    (int) json_object_get_int_member_with_default (root, "participant_birth_year", 0);
  if (date == NULL || sscanf (date, "%4d-%2d-%2d", &y, &m, &d) != 3 ||
      !g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
    {
      snapshot_damaged (error, _("no valid date of issue"));
      return NULL;
    }
  g_date_set_dmy (&data->issue_date, (GDateDay) d, (GDateMonth) m, (GDateYear) y);

  node = json_object_get_member (root, "competences");
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      snapshot_damaged (error, _("no list of competences"));
      return NULL;
    }
  competences = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (competences); i++)
    {
      JsonNode *item = json_array_get_element (competences, i);
      g_autofree char *label = NULL, *second = NULL, *framework = NULL;
      g_autofree char *level = NULL, *method = NULL;
      JsonObject *object;

      if (!JSON_NODE_HOLDS_OBJECT (item))
        {
          snapshot_damaged (error, _("a competence is not a JSON object"));
          return NULL;
        }
      object = json_node_get_object (item);
      if (!get_string (object, "label", &label) ||
          !get_string (object, "label_second", &second) ||
          !get_string (object, "framework", &framework) ||
          !get_string (object, "level", &level) ||
          !get_string (object, "method", &method))
        {
          snapshot_damaged (error, _("a field is not text"));
          return NULL;
        }
      pa_certificate_data_add_competence (data, label, second, framework, level, method);
    }

  if (!pa_certificate_validate (data, &local))
    {
      snapshot_damaged (error, local->message);
      return NULL;
    }
  return g_steal_pointer (&data);
}
