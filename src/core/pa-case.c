/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pa-case"

#include "config.h"

#include "pa-case.h"

/* One participant's identity, kept minimal, and a summary of their claims. */
struct _PaCase
{
  GObject parent_instance;

  gint64 id;
  char *code;
  char *given_name;
  char *family_name;
  char *gender;
  int birth_year;
  char *origin_country;
  char *arrival_date;
  char *contact;
  char *created_at;
  char *updated_at;
  char *trashed_at;
  guint n_claims;
  guint n_certified;
};

G_DEFINE_FINAL_TYPE (PaCase, pa_case, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CODE,
  PROP_GIVEN_NAME,
  PROP_FAMILY_NAME,
  PROP_DISPLAY_NAME,
  PROP_ORIGIN_COUNTRY,
  PROP_TRASHED,
  PROP_N_CLAIMS,
  PROP_N_CERTIFIED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
set_string (char       **field,
            const char  *value)
{
  if (value != NULL && *value == '\0')
    value = NULL;
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

static void
pa_case_finalize (GObject *object)
{
  PaCase *self = (PaCase *) object;

  g_free (self->code);
  g_free (self->given_name);
  g_free (self->family_name);
  g_free (self->gender);
  g_free (self->origin_country);
  g_free (self->arrival_date);
  g_free (self->contact);
  g_free (self->created_at);
  g_free (self->updated_at);
  g_free (self->trashed_at);

  G_OBJECT_CLASS (pa_case_parent_class)->finalize (object);
}

static void
pa_case_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  PaCase *self = PA_CASE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_CODE:
      g_value_set_string (value, self->code);
      break;
    case PROP_GIVEN_NAME:
      g_value_set_string (value, pa_case_get_given_name (self));
      break;
    case PROP_FAMILY_NAME:
      g_value_set_string (value, pa_case_get_family_name (self));
      break;
    case PROP_DISPLAY_NAME:
      g_value_take_string (value, pa_case_dup_display_name (self));
      break;
    case PROP_ORIGIN_COUNTRY:
      g_value_set_string (value, self->origin_country);
      break;
    case PROP_TRASHED:
      g_value_set_boolean (value, self->trashed_at != NULL);
      break;
    case PROP_N_CLAIMS:
      g_value_set_uint (value, self->n_claims);
      break;
    case PROP_N_CERTIFIED:
      g_value_set_uint (value, self->n_certified);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pa_case_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  PaCase *self = PA_CASE (object);

  switch (prop_id)
    {
    case PROP_GIVEN_NAME:
      pa_case_set_given_name (self, g_value_get_string (value));
      break;
    case PROP_FAMILY_NAME:
      pa_case_set_family_name (self, g_value_get_string (value));
      break;
    case PROP_ORIGIN_COUNTRY:
      pa_case_set_origin_country (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pa_case_class_init (PaCaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pa_case_finalize;
  object_class->get_property = pa_case_get_property;
  object_class->set_property = pa_case_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CODE] =
    g_param_spec_string ("code", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_GIVEN_NAME] =
    g_param_spec_string ("given-name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FAMILY_NAME] =
    g_param_spec_string ("family-name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DISPLAY_NAME] =
    g_param_spec_string ("display-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ORIGIN_COUNTRY] =
    g_param_spec_string ("origin-country", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TRASHED] =
    g_param_spec_boolean ("trashed", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_CLAIMS] =
    g_param_spec_uint ("n-claims", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_CERTIFIED] =
    g_param_spec_uint ("n-certified", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pa_case_init (PaCase *self)
{
}

PaCase *
pa_case_new (void)
{
  return g_object_new (PA_TYPE_CASE, NULL);
}

gint64
pa_case_get_id (PaCase *self)
{
  g_return_val_if_fail (PA_IS_CASE (self), 0);
  return self->id;
}

const char *
pa_case_get_code (PaCase *self)
{
  g_return_val_if_fail (PA_IS_CASE (self), NULL);
  return self->code;
}

const char *
pa_case_get_given_name (PaCase *self)
{
  g_return_val_if_fail (PA_IS_CASE (self), NULL);
  return self->given_name ? self->given_name : "";
}

void
pa_case_set_given_name (PaCase     *self,
                        const char *value)
{
  g_return_if_fail (PA_IS_CASE (self));
  if (set_string (&self->given_name, value))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GIVEN_NAME]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISPLAY_NAME]);
    }
}

const char *
pa_case_get_family_name (PaCase *self)
{
  g_return_val_if_fail (PA_IS_CASE (self), NULL);
  return self->family_name ? self->family_name : "";
}

void
pa_case_set_family_name (PaCase     *self,
                         const char *value)
{
  g_return_if_fail (PA_IS_CASE (self));
  if (set_string (&self->family_name, value))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FAMILY_NAME]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISPLAY_NAME]);
    }
}

/**
 * pa_case_dup_display_name:
 *
 * The participant's name as shown in lists, or the case code when no name
 * was recorded (names are optional; the code is pseudonymous).
 * Returns: (transfer full)
 */
char *
pa_case_dup_display_name (PaCase *self)
{
  g_return_val_if_fail (PA_IS_CASE (self), NULL);

  return pa_case_format_display_name (self->given_name, self->family_name, self->code);
}

/**
 * pa_case_format_display_name:
 *
 * The name pa_case_dup_display_name() gives a case with these fields, for
 * lists that read the fields without making a case. Empty strings count as
 * missing, as in a case.
 * Returns: (transfer full)
 */
char *
pa_case_format_display_name (const char *given_name,
                             const char *family_name,
                             const char *code)
{
  gboolean has_given = given_name != NULL && *given_name != '\0';
  gboolean has_family = family_name != NULL && *family_name != '\0';

  if (has_given && has_family)
    return g_strdup_printf ("%s %s", given_name, family_name);
  if (has_given || has_family)
    return g_strdup (has_given ? given_name : family_name);
  return g_strdup (code ? code : "");
}

const char *
pa_case_get_gender (PaCase *self)
{
  g_return_val_if_fail (PA_IS_CASE (self), NULL);
  return self->gender;
}

void
pa_case_set_gender (PaCase     *self,
                    const char *value)
{
  g_return_if_fail (PA_IS_CASE (self));
  set_string (&self->gender, value);
}

int
pa_case_get_birth_year (PaCase *self)
{
  g_return_val_if_fail (PA_IS_CASE (self), 0);
  return self->birth_year;
}

void
pa_case_set_birth_year (PaCase *self,
                        int     value)
{
  g_return_if_fail (PA_IS_CASE (self));
  self->birth_year = value;
}

const char *
pa_case_get_origin_country (PaCase *self)
{
  g_return_val_if_fail (PA_IS_CASE (self), NULL);
  return self->origin_country;
}

void
pa_case_set_origin_country (PaCase     *self,
                            const char *value)
{
  g_return_if_fail (PA_IS_CASE (self));
  if (set_string (&self->origin_country, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORIGIN_COUNTRY]);
}

const char *
pa_case_get_arrival_date (PaCase *self)
{
  g_return_val_if_fail (PA_IS_CASE (self), NULL);
  return self->arrival_date;
}

void
pa_case_set_arrival_date (PaCase     *self,
                          const char *value)
{
  g_return_if_fail (PA_IS_CASE (self));
  set_string (&self->arrival_date, value);
}

const char *
pa_case_get_contact (PaCase *self)
{
  g_return_val_if_fail (PA_IS_CASE (self), NULL);
  return self->contact ? self->contact : "";
}

void
pa_case_set_contact (PaCase     *self,
                     const char *value)
{
  g_return_if_fail (PA_IS_CASE (self));
  set_string (&self->contact, value);
}

const char *
pa_case_get_created_at (PaCase *self)
{
  g_return_val_if_fail (PA_IS_CASE (self), NULL);
  return self->created_at;
}

const char *
pa_case_get_updated_at (PaCase *self)
{
  g_return_val_if_fail (PA_IS_CASE (self), NULL);
  return self->updated_at;
}

const char *
pa_case_get_trashed_at (PaCase *self)
{
  g_return_val_if_fail (PA_IS_CASE (self), NULL);
  return self->trashed_at;
}

gboolean
pa_case_is_trashed (PaCase *self)
{
  g_return_val_if_fail (PA_IS_CASE (self), FALSE);
  return self->trashed_at != NULL;
}

guint
pa_case_get_n_claims (PaCase *self)
{
  g_return_val_if_fail (PA_IS_CASE (self), 0);
  return self->n_claims;
}

guint
pa_case_get_n_certified (PaCase *self)
{
  g_return_val_if_fail (PA_IS_CASE (self), 0);
  return self->n_certified;
}

void
pa_case_set_stored (PaCase     *self,
                    gint64      id,
                    const char *code,
                    const char *created_at,
                    const char *updated_at,
                    const char *trashed_at)
{
  gboolean was_trashed;

  g_return_if_fail (PA_IS_CASE (self));

  was_trashed = self->trashed_at != NULL;
  if (self->id != id)
    {
      self->id = id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
    }
  if (set_string (&self->code, code))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CODE]);
  set_string (&self->created_at, created_at);
  set_string (&self->updated_at, updated_at);
  set_string (&self->trashed_at, trashed_at);
  if (was_trashed != (self->trashed_at != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TRASHED]);
}

void
pa_case_set_counts (PaCase *self,
                    guint   n_claims,
                    guint   n_certified)
{
  g_return_if_fail (PA_IS_CASE (self));

  if (self->n_claims != n_claims)
    {
      self->n_claims = n_claims;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_CLAIMS]);
    }
  if (self->n_certified != n_certified)
    {
      self->n_certified = n_certified;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_CERTIFIED]);
    }
}
