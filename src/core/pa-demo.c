/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pa-demo"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "pa-case.h"
#include "pa-demo-private.h"
#include "pa-demo.h"
#include "pa-store-cases.h"
#include "pa-store-private.h"
#include "pa-store-records.h"

#define COORDINATOR_NAME "Marc Dubois"

/* The demonstration centre: the hand-written fictional cases of
 * pa-demo-data.c, or any number of generated ones for benchmarks, always
 * through the store's public functions so they obey the same rules as
 * real data. Demo data goes only into an empty store unless forced. */

/* A small picture as PNG, made here so the demo needs no image files: a
 * pastel background with a darker disc, colours chosen by @seed. The
 * pixels are stored uncompressed (deflate "stored" blocks), which keeps the
 * encoder to a few lines. */

static guint32
crc32_update (guint32       crc,
              const guint8 *data,
              gsize         len)
{
  static guint32 table[256];
  static gsize done;

  if (g_once_init_enter (&done))
    {
      for (guint32 n = 0; n < 256; n++)
        {
          guint32 c = n;
          for (int k = 0; k < 8; k++)
            c = (c & 1) ? 0xedb88320u ^ (c >> 1) : c >> 1;
          table[n] = c;
        }
      g_once_init_leave (&done, 1);
    }
  crc ^= 0xffffffffu;
  for (gsize i = 0; i < len; i++)
    crc = table[(crc ^ data[i]) & 0xff] ^ (crc >> 8);
  return crc ^ 0xffffffffu;
}

static void
append_be32 (GByteArray *out,
             guint32     value)
{
  guint8 b[4] = { value >> 24, (value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff };
  g_byte_array_append (out, b, 4);
}

static void
append_chunk (GByteArray   *out,
              const char   *type,
              const guint8 *data,
              gsize         len)
{
  guint32 crc;

  append_be32 (out, (guint32) len);
  g_byte_array_append (out, (const guint8 *) type, 4);
  if (len > 0)
    g_byte_array_append (out, data, (guint) len);
  crc = crc32_update (0, (const guint8 *) type, 4);
  crc = crc32_update (crc, data, len);
  append_be32 (out, crc);
}

/**
 * pa_demo_make_png:
 * @seed: chooses the colours
 * @size: width and height in pixels (1…256)
 *
 * Returns: (transfer full): a valid PNG file (8-bit RGB).
 */
GBytes *
pa_demo_make_png (guint32 seed,
                  guint   size)
{
  g_autoptr (GByteArray) raw = g_byte_array_new ();
  g_autoptr (GByteArray) zlib = g_byte_array_new ();
  GByteArray *png = g_byte_array_new ();
  static const guint8 signature[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  guint8 ihdr[13];
  guint8 bg[3], fg[3];
  guint32 a = 1, b = 0;
  gsize offset = 0;

  g_return_val_if_fail (size >= 1 && size <= 256, NULL);

  for (int c = 0; c < 3; c++)
    {
      guint8 v = (guint8) ((seed >> (c * 8)) & 0xff);
      bg[c] = (guint8) (200 + v % 56);
      fg[c] = (guint8) (40 + (v * 7) % 120);
    }

  for (guint y = 0; y < size; y++)
    {
      g_byte_array_append (raw, (const guint8 *) "\0", 1);   /* filter: none */
      for (guint x = 0; x < size; x++)
        {
          int dx = (int) x - (int) size / 2, dy = (int) y - (int) size / 2;
          gboolean inside = dx * dx + dy * dy <= (int) (size * size) / 9;
          g_byte_array_append (raw, inside ? fg : bg, 3);
        }
    }

  /* zlib stream: header, stored blocks of at most 65535 bytes, Adler-32. */
  g_byte_array_append (zlib, (const guint8 *) "\x78\x01", 2);
  do
    {
      gsize len = MIN (raw->len - offset, 65535);
      guint8 head[5] = { offset + len == raw->len ? 1 : 0, len & 0xff, len >> 8,
                         ~len & 0xff, (~len >> 8) & 0xff };
      g_byte_array_append (zlib, head, 5);
      g_byte_array_append (zlib, raw->data + offset, (guint) len);
      offset += len;
    }
  while (offset < raw->len);
  for (guint i = 0; i < raw->len; i++)
    {
      a = (a + raw->data[i]) % 65521;
      b = (b + a) % 65521;
    }
  append_be32 (zlib, (b << 16) | a);

  g_byte_array_append (png, signature, sizeof signature);
  ihdr[0] = 0; ihdr[1] = 0; ihdr[2] = 0; ihdr[3] = (guint8) size;
  ihdr[4] = 0; ihdr[5] = 0; ihdr[6] = 0; ihdr[7] = (guint8) size;
  if (size == 256)
    ihdr[2] = ihdr[6] = 1, ihdr[3] = ihdr[7] = 0;
  ihdr[8] = 8;    /* bit depth */
  ihdr[9] = 2;    /* RGB */
  ihdr[10] = ihdr[11] = ihdr[12] = 0;
  append_chunk (png, "IHDR", ihdr, sizeof ihdr);
  append_chunk (png, "IDAT", zlib->data, zlib->len);
  append_chunk (png, "IEND", NULL, 0);
  return g_byte_array_free_to_bytes (png);
}

/**
 * pa_demo_store_is_empty:
 *
 * Returns: whether the store holds no case (active or trashed) and no seminar.
 */
gboolean
pa_demo_store_is_empty (PaStore *store)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (PA_IS_STORE (store), FALSE);

  stmt = pa_store_prepare (store,
                           "SELECT (SELECT count(*) FROM case_file) + (SELECT count(*) FROM seminar)",
                           NULL);
  return stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0) == 0;
}

guint
pa_demo_n_fictional_cases (void)
{
  return pa_demo_n_cases;
}

/* The hand-written centre */

static const char *
identification_note (const char *method)
{
  if (g_strcmp0 (method, "suggestion") == 0)
    return "Suggested from the experiences and confirmed by the participant.";
  if (g_strcmp0 (method, "self_assessment") == 0)
    return "Chosen by the participant with the pictorial competence cards.";
  return "Named by the participant during the interview.";
}

static gint64
fill_case (PaStore            *store,
           const PaDemoCase   *d,
           guint               index,
           GError            **error)
{
  g_autoptr (PaCase) kase = pa_case_new ();
  gint64 experience_ids[PA_DEMO_MAX_EXPERIENCES] = { 0 };
  gint64 evidence_ids[PA_DEMO_MAX_EVIDENCE] = { 0 };
  gint64 goal_id = 0;
  gint64 case_id;

  pa_case_set_given_name (kase, d->given_name);
  pa_case_set_family_name (kase, d->family_name);
  pa_case_set_gender (kase, d->gender);
  pa_case_set_birth_year (kase, d->birth_year);
  pa_case_set_origin_country (kase, d->origin);
  pa_case_set_arrival_date (kase, d->arrival);
  pa_case_set_contact (kase, d->contact);
  if (!pa_store_case_create (store, kase, error))
    return 0;
  case_id = pa_case_get_id (kase);

  for (guint i = 0; i < PA_DEMO_MAX_CONSENTS && d->consents[i].scope; i++)
    {
      g_autoptr (PaConsent) c = pa_consent_new ();
      c->case_id = case_id;
      g_free (c->scope);
      c->scope = g_strdup (d->consents[i].scope);
      c->given_on = g_strdup (d->consents[i].given_on);
      c->withdrawn_on = g_strdup (d->consents[i].withdrawn_on);
      if (!pa_store_consent_add (store, c, error))
        return 0;
    }

  for (guint i = 0; i < PA_DEMO_MAX_LANGUAGES && d->languages[i].language; i++)
    {
      const PaDemoLanguage *dl = &d->languages[i];
      g_autoptr (PaCaseLanguage) l = pa_case_language_new ();
      l->case_id = case_id;
      l->language = g_strdup (dl->language);
      l->mother_tongue = dl->mother_tongue;
      l->listening = g_strdup (dl->listening);
      l->reading = g_strdup (dl->reading);
      l->spoken_interaction = g_strdup (dl->spoken_interaction);
      l->spoken_production = g_strdup (dl->spoken_production);
      l->writing = g_strdup (dl->writing);
      g_free (l->source);
      l->source = g_strdup (dl->source);
      if (!pa_store_language_add (store, l, error))
        return 0;
    }

  for (guint i = 0; i < PA_DEMO_MAX_EDUCATION && d->education[i].original_title; i++)
    {
      const PaDemoEducation *de = &d->education[i];
      g_autoptr (PaEducation) e = pa_education_new ();
      e->case_id = case_id;
      e->original_title = g_strdup (de->original_title);
      e->institution = g_strdup (de->institution);
      e->country = g_strdup (de->country);
      e->isced_level = de->isced_level;
      e->isced_field = g_strdup (de->isced_field);
      e->year_completed = de->year_completed;
      g_free (e->documents_held);
      e->documents_held = g_strdup (de->documents_held);
      g_free (e->recognition_status);
      e->recognition_status = g_strdup (de->recognition_status);
      e->eqf_estimate = de->eqf_estimate;
      e->notes = g_strdup (de->notes);
      if (!pa_store_education_add (store, e, error))
        return 0;
    }

  for (guint i = 0; i < PA_DEMO_MAX_EXPERIENCES && d->experiences[i].kind; i++)
    {
      const PaDemoExperience *dx = &d->experiences[i];
      g_autoptr (PaExperience) x = pa_experience_new ();
      x->case_id = case_id;
      g_free (x->kind);
      x->kind = g_strdup (dx->kind);
      x->title = g_strdup (dx->title);
      x->organisation = g_strdup (dx->organisation);
      x->country = g_strdup (dx->country);
      x->place = g_strdup (dx->place);
      x->start_date = g_strdup (dx->start_date);
      x->end_date = g_strdup (dx->end_date);
      x->tasks = g_strdup (dx->tasks);
      x->occupation_uri = g_strdup (dx->occupation_uri);
      if (!pa_store_experience_add (store, x, error))
        return 0;
      experience_ids[i] = x->id;
    }

  for (guint i = 0; i < PA_DEMO_MAX_EVIDENCE && d->evidence[i].title; i++)
    {
      const PaDemoEvidence *dv = &d->evidence[i];
      g_autoptr (PaEvidence) v = pa_evidence_new ();
      v->case_id = case_id;
      v->title = g_strdup (dv->title);
      g_free (v->kind);
      v->kind = g_strdup (dv->kind);
      v->filename = g_strdup (dv->filename);
      g_free (v->mime_type);
      v->mime_type = g_strdup (dv->text ? "text/plain" : "image/png");
      v->content = dv->text ? g_bytes_new_static (dv->text, strlen (dv->text))
                            : pa_demo_make_png (g_str_hash (dv->filename) ^ index, 48);
      v->relevant = dv->relevant;
      v->authentic = dv->authentic;
      v->sufficient = dv->sufficient;
      v->current = dv->current;
      if (!pa_store_evidence_add (store, v, error))
        return 0;
      evidence_ids[i] = v->id;
    }

  for (guint i = 0; i < PA_DEMO_MAX_CLAIMS && d->claims[i].item_uri; i++)
    {
      const PaDemoClaim *dc = &d->claims[i];
      g_autoptr (PaClaim) c = pa_claim_new ();
      c->case_id = case_id;
      c->framework = g_strdup ("esco");
      c->item_uri = g_strdup (dc->item_uri);
      c->label = g_strdup (dc->label);
      if (dc->experience >= 0)
        pa_claim_add_experience (c, experience_ids[dc->experience]);
      if (dc->evidence >= 0)
        pa_claim_add_evidence (c, evidence_ids[dc->evidence]);
      if (!pa_store_claim_add (store, c, dc->identified_by, identification_note (dc->identified_by),
                               error))
        return 0;
      if (dc->stage >= PA_STAGE_DOCUMENTED &&
          !pa_store_claim_advance (store, c->id, PA_STAGE_DOCUMENTED, NULL, NULL, NULL,
                                   d->evidence[dc->evidence].title, error))
        return 0;
      if (dc->stage >= PA_STAGE_ASSESSED &&
          !pa_store_claim_advance (store, c->id, PA_STAGE_ASSESSED, dc->method, dc->level,
                                   dc->assessor, dc->rationale, error))
        return 0;
      if (dc->stage >= PA_STAGE_CERTIFIED &&
          !pa_store_claim_advance (store, c->id, PA_STAGE_CERTIFIED, NULL, NULL, COORDINATOR_NAME,
                                   "Included in the certificate of recognised competences.", error))
        return 0;
    }

  for (guint i = 0; i < PA_DEMO_MAX_GOALS && d->goals[i].title; i++)
    {
      g_autoptr (PaGoal) g = pa_goal_new ();
      g->case_id = case_id;
      g->title = g_strdup (d->goals[i].title);
      g->target_occupation_uri = g_strdup (d->goals[i].target_occupation_uri);
      g_free (g->status);
      g->status = g_strdup (d->goals[i].status);
      if (!pa_store_goal_add (store, g, error))
        return 0;
      if (goal_id == 0)
        goal_id = g->id;
    }

  for (guint i = 0; i < PA_DEMO_MAX_ACTIONS && d->actions[i].title; i++)
    {
      const PaDemoAction *da = &d->actions[i];
      g_autoptr (PaPlanAction) a = pa_plan_action_new ();
      a->case_id = case_id;
      a->goal_id = goal_id;
      a->title = g_strdup (da->title);
      g_free (a->kind);
      a->kind = g_strdup (da->kind);
      g_free (a->status);
      a->status = g_strdup (da->status);
      a->due_on = g_strdup (da->due_on);
      a->done_on = g_strdup (da->done_on);
      a->notes = g_strdup (da->notes);
      if (!pa_store_plan_action_add (store, a, error))
        return 0;
    }

  for (guint i = 0; i < PA_DEMO_MAX_SESSIONS && d->sessions[i].held_on; i++)
    {
      g_autoptr (PaCaseSession) s = pa_case_session_new ();
      s->case_id = case_id;
      g_free (s->kind);
      s->kind = g_strdup (d->sessions[i].kind);
      s->held_on = g_strdup (d->sessions[i].held_on);
      s->duration_minutes = d->sessions[i].duration_minutes;
      s->notes = g_strdup (d->sessions[i].notes);
      if (!pa_store_session_add (store, s, error))
        return 0;
    }
  return case_id;
}

static gboolean
fill_seminar (PaStore       *store,
              const gint64  *case_ids,
              GError       **error)
{
  g_autoptr (PaSeminar) seminar = pa_seminar_new ();
  guint n_participants = 0;

  seminar->title = g_strdup (pa_demo_seminar_title);
  seminar->theme = g_strdup (pa_demo_seminar_theme);
  seminar->location = g_strdup (pa_demo_seminar_location);
  seminar->start_date = g_strdup (pa_demo_seminar_start);
  seminar->end_date = g_strdup (pa_demo_seminar_end);
  if (!pa_store_seminar_add (store, seminar, error))
    return FALSE;

  for (; pa_demo_seminar_participants[n_participants] >= 0; n_participants++)
    if (!pa_store_seminar_add_participant (store, seminar->id,
                                           case_ids[pa_demo_seminar_participants[n_participants]],
                                           error))
      return FALSE;

  for (guint i = 0; pa_demo_seminar_sessions[i].held_on != NULL; i++)
    {
      g_autoptr (PaSeminarSession) session = pa_seminar_session_new ();
      g_auto (GStrv) absent = g_strsplit (pa_demo_seminar_sessions[i].absent, ",", -1);

      session->seminar_id = seminar->id;
      session->held_on = g_strdup (pa_demo_seminar_sessions[i].held_on);
      session->topic = g_strdup (pa_demo_seminar_sessions[i].topic);
      if (!pa_store_seminar_session_add (store, session, error))
        return FALSE;
      for (guint p = 0; p < n_participants; p++)
        {
          g_autofree char *key = g_strdup_printf ("%u", p);
          gboolean present = !g_strv_contains ((const char *const *) absent, key);
          if (!pa_store_attendance_set (store, session->id,
                                        case_ids[pa_demo_seminar_participants[p]], present, error))
            return FALSE;
        }
    }
  return TRUE;
}

/* The fictional centre's identity, so that its certificates can be issued;
 * a centre's own settings are never replaced. */
static gboolean
fill_centre (PaStore  *store,
             GError  **error)
{
  static const struct { const char *key; const char *value; } identity[] = {
    { "centre.name", "Centre Passerelle Liège (démonstration)" },
    { "centre.address", "Rue de la Régence 12 · 4000 Liège · Belgique" },
    { "centre.place", "Liège" },
    { "centre.signatory-name", "Claire Dumont" },
    { "centre.signatory-role", "Responsable de la validation des compétences" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (identity); i++)
    {
      g_autofree char *current = pa_store_get_setting (store, identity[i].key);

      if ((current == NULL || *current == '\0') &&
          !pa_store_set_setting (store, identity[i].key, identity[i].value, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
fill_fictional (PaStore  *store,
                GError  **error)
{
  g_autofree gint64 *case_ids = g_new0 (gint64, pa_demo_n_cases);

  if (!fill_centre (store, error))
    return FALSE;

  for (guint i = 0; i < pa_demo_n_cases; i++)
    {
      case_ids[i] = fill_case (store, &pa_demo_cases[i], i, error);
      if (case_ids[i] == 0)
        return FALSE;
    }
  return fill_seminar (store, case_ids, error) && pa_demo_fill_labour (store, case_ids, error);
}

/**
 * pa_demo_fill_full:
 * @count: 0 for the hand-written fictional centre; else how many cases to
 *   generate (deterministic for a given @seed)
 *
 * Fills the store with demonstration cases in one transaction. Refuses
 * (%PA_STORE_ERROR_INVALID, nothing stored) a store that already holds
 * cases or seminars unless @flags has %PA_DEMO_FLAGS_FORCE, so demo data
 * never mixes into a real centre's store by accident.
 */
gboolean
pa_demo_fill_full (PaStore      *store,
                   guint         count,
                   guint32       seed,
                   PaDemoFlags   flags,
                   GError      **error)
{
  g_autofree char *detail = NULL;

  g_return_val_if_fail (PA_IS_STORE (store), FALSE);

  if (!(flags & PA_DEMO_FLAGS_FORCE) && !pa_demo_store_is_empty (store))
    {
      guint n = pa_store_case_count (store, PA_CASE_FILTER_ALL);
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_INVALID,
                   ngettext ("“%s” already holds %u case; demonstration cases go only into an "
                             "empty store.",
                             "“%s” already holds %u cases; demonstration cases go only into an "
                             "empty store.", n),
                   pa_store_get_path (store), n);
      return FALSE;
    }

  if (!pa_store_begin (store, error))
    return FALSE;
  if (count == 0)
    {
      if (!fill_fictional (store, error))
        goto fail;
    }
  else
    {
      pa_store_bulk_begin (store);
      if (!pa_demo_generate_cases (store, count, seed, error) ||
          !pa_store_bulk_end (store, error))
        {
          pa_store_bulk_abort (store);
          goto fail;
        }
    }
  detail = g_strdup_printf ("%u", count ? count : pa_demo_n_cases);
  if (!pa_store_audit (store, count ? "demo.generate" : "demo.fill", 0, "store", detail, error) ||
      !pa_store_commit (store, error))
    goto fail;
  return TRUE;

fail:
  pa_store_rollback (store);
  return FALSE;
}

/**
 * pa_demo_fill:
 *
 * Fills an empty store with the demonstration centre: twelve fictional
 * participants with languages, education, experiences, competences at every
 * stage, evidence, plans and sessions, and a seminar. One transaction.
 */
gboolean
pa_demo_fill (PaStore  *store,
              GError  **error)
{
  return pa_demo_fill_full (store, 0, 0, PA_DEMO_FLAGS_NONE, error);
}

/**
 * pa_demo_generate:
 * @count: how many cases (at least 1)
 * @seed: the same seed gives the same cases
 *
 * Fills an empty store with @count generated, realistic cases, for
 * benchmarks. One transaction.
 */
gboolean
pa_demo_generate (PaStore  *store,
                  guint     count,
                  guint32   seed,
                  GError  **error)
{
  g_return_val_if_fail (count > 0, FALSE);
  return pa_demo_fill_full (store, count, seed, PA_DEMO_FLAGS_NONE, error);
}
