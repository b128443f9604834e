/* SPDX-License-Identifier: GPL-3.0-or-later */
#define _GNU_SOURCE
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "pa-store-cases.h"
#include "pa-store-private.h"
#include "pa-test-utils.h"

/* Purging a case leaves none of its text in the database file or its
 * write-ahead log: not in the tables, not in the search index, not in freed
 * space. The raw bytes of the files are searched for every distinctive
 * string of the purged case; those of a case that was kept must still be
 * found (so the search can fail). */

typedef struct
{
  const char *given;
  const char *family;
  const char *old_given;        /* its name before a rename */
  const char *old_family;
  const char *contact;
  const char *exp_title;
  const char *exp_org;
  const char *exp_place;
  const char *exp_tasks;
  const char *evidence_title;
  const char *evidence_marker;  /* inside the evidence file's bytes */
  const char *session_notes;
  const char *rationale;
  const char *goal;
  const char *plan_notes;
  const char *consent_note;
  const char *institution;
  const char *snapshot;
  /* Words as the search index keeps them (lower case, accents removed),
   * without their first letters: the index stores a word after the letters
   * it shares with the previous one. */
  const char *index_words[12];
  const char *old_index_words[3];
} Person;

static const Person purged = {
  "Xanthippe", "Quorblax Ñandúzéwo الزمردية", "Yevgenia", "Oldbrookshire",
  "xq-contact-7731@example.org",
  "Zythologiste", "Brasserie Vœlklé-Tadmur", "Qaryatayn",
  "fermentation spontanée du lambic Pajottenland",
  "Diplôme Zorglubien", "EVIDENCE:Zorglub-Ω-7f3a9c",
  "Parle de son frère à Deir-Mar-Musa", "a réparé le pressoir de Kfarhamam",
  "Ouvrir la brasserie Hoppenbrouwers", "contacter le notaire Vanderkelen",
  "consentement signé devant Mᵉ Ghazaleh", "Lycée Ibn-Khaldoun-Zabadani",
  "{\"name\":\"Xanthippe Quorblax\",\"place\":\"Zabadani-Hills\"}",
  { "nthippe", "orblax", "nduzewo", "زمردية", "thologiste", "ryatayn", "jottenland", NULL },
  { "vgenia", "dbrookshire", NULL },
};

static const Person kept = {
  "Bartholomäus", "Keptwell Üzümcü البستاني", "Wendelin", "Formerlyfield",
  "kept-contact-4410@example.org",
  "Horloger", "Horlogerie Genève-Plainpalais", "Carouge",
  "démonte et remonte des calibres Lemania",
  "Certificat Plainpalais", "EVIDENCE:Kept-Σ-55aa01",
  "aime le Bergkäse de Gruyères", "a démonté une montre Patek",
  "Ouvrir un atelier à Vevey", "voir la chambre des métiers Lausanne",
  "consentement signé devant Mᵉ Rochat", "École d'horlogerie Le Locle",
  "{\"name\":\"Bartholomäus Keptwell\",\"place\":\"Le-Locle\"}",
  { "rtholomaus", "ptwell", "zumcu", "بستاني", "rloger", "rouge", "lemania", NULL },
  { "ndelin", "rmerlyfield", NULL },
};

static void
run (sqlite3    *db,
     const char *sql,
     ...)
{
  sqlite3_stmt *stmt = NULL;
  va_list args;
  int i = 1;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  va_start (args, sql);
  for (const char *value = va_arg (args, const char *); value != NULL; value = va_arg (args, const char *))
    sqlite3_bind_text (stmt, i++, value, -1, SQLITE_TRANSIENT);
  va_end (args);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  sqlite3_finalize (stmt);
}

/* A case with something in every table that holds a case's text; the
 * records without an API yet are written with raw SQL. */
static gint64
add_person (PaStore      *store,
            const Person *p)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PaCase) kase = pa_case_new ();
  g_autofree char *id_text = NULL;
  g_autofree char *number = NULL;
  sqlite3 *db = pa_store_get_db (store);
  sqlite3_stmt *stmt = NULL;
  gint64 id;
  gsize size = 30000;
  g_autofree guint8 *blob = g_malloc (size);

  pa_case_set_given_name (kase, p->old_given);
  pa_case_set_family_name (kase, p->old_family);
  pa_case_set_contact (kase, p->contact);
  pa_case_set_origin_country (kase, "SY");
  g_assert_true (pa_store_case_create (store, kase, &error));
  g_assert_no_error (error);
  id = pa_case_get_id (kase);
  g_assert_true (pa_store_case_rename (store, id, p->given, p->family, &error));
  g_assert_no_error (error);
  id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  number = g_strdup_printf ("CERT-%" G_GINT64_FORMAT, id);

  g_assert_true (pa_store_begin (store, &error));
  run (db, "INSERT INTO experience (case_id, kind, title, organisation, place, tasks) "
           "VALUES (?, 'paid_work', ?, ?, ?, ?)",
       id_text, p->exp_title, p->exp_org, p->exp_place, p->exp_tasks, NULL);
  g_assert_true (pa_store_reindex_case (store, id, &error));
  run (db, "INSERT INTO case_session (case_id, held_on, notes) VALUES (?, '2025-03-01', ?)",
       id_text, p->session_notes, NULL);
  run (db, "INSERT INTO claim (case_id, framework, item_uri, label, created_at, updated_at) "
           "VALUES (?, 'esco', 'http://data.europa.eu/esco/skill/' || ?, 'brasser', "
           "'2025-03-01T00:00:00Z', '2025-03-01T00:00:00Z')", id_text, id_text, NULL);
  run (db, "INSERT INTO claim_stage (claim_id, stage, at, method, rationale) "
           "VALUES (last_insert_rowid (), 3, '2025-03-02T00:00:00Z', 'practical_test', ?)",
       p->rationale, NULL);
  run (db, "INSERT INTO goal (case_id, title, created_at) VALUES (?, ?, '2025-03-01T00:00:00Z')",
       id_text, p->goal, NULL);
  run (db, "INSERT INTO plan_action (case_id, goal_id, title, notes) "
           "VALUES (?, last_insert_rowid (), 'démarches', ?)", id_text, p->plan_notes, NULL);
  run (db, "INSERT INTO consent (case_id, scope, given_on, note) VALUES (?, 'processing', "
           "'2025-03-01', ?)", id_text, p->consent_note, NULL);
  run (db, "INSERT INTO education (case_id, institution) VALUES (?, ?)", id_text, p->institution, NULL);
  run (db, "INSERT INTO case_language (case_id, language, mother_tongue) VALUES (?, 'ar', 1)",
       id_text, NULL);
  run (db, "INSERT INTO certificate (case_id, number, issued_on, language, snapshot, digest) "
           "VALUES (?, ?, '2025-03-05', 'fr', ?, 'sha256:00')", id_text, number, p->snapshot, NULL);

  /* An evidence file of several pages, with the marker in the middle. */
  for (gsize i = 0; i < size; i++)
    blob[i] = (guint8) g_test_rand_int ();
  memcpy (blob + size / 2, p->evidence_marker, strlen (p->evidence_marker));
  g_assert_cmpint (sqlite3_prepare_v2 (db, "INSERT INTO evidence (case_id, title, filename, content, "
                                           "size, added_at) VALUES (?, ?, 'scan.pdf', ?, ?, "
                                           "'2025-03-01T00:00:00Z')", -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, p->evidence_title, -1, SQLITE_STATIC);
  sqlite3_bind_blob (stmt, 3, blob, (int) size, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, (gint64) size);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  run (db, "INSERT INTO claim_evidence (claim_id, evidence_id) "
           "SELECT (SELECT max (id) FROM claim), last_insert_rowid ()", NULL);
  g_assert_true (pa_store_audit (store, "case.fill", id, "case", NULL, &error));
  g_assert_true (pa_store_commit (store, &error));
  g_assert_no_error (error);
  return id;
}

/* The person's strings; with @history, also those of the name it had. */
static GPtrArray *
needles_of (const Person *p,
            gboolean      history)
{
  GPtrArray *needles = g_ptr_array_new ();
  const char *texts[] = {
    p->given, p->contact, p->exp_title, p->exp_org,
    p->exp_place, p->exp_tasks, p->evidence_title, p->evidence_marker, p->session_notes,
    p->rationale, p->goal, p->plan_notes, p->consent_note, p->institution, p->snapshot,
  };
  g_auto (GStrv) family = g_strsplit (p->family, " ", -1);

  for (gsize i = 0; i < G_N_ELEMENTS (texts); i++)
    g_ptr_array_add (needles, (gpointer) texts[i]);
  /* Each word of the family name alone, the non-ASCII ones included. */
  for (guint i = 0; family[i] != NULL; i++)
    g_ptr_array_add (needles, (gpointer) g_intern_string (family[i]));
  for (guint i = 0; p->index_words[i] != NULL; i++)
    g_ptr_array_add (needles, (gpointer) p->index_words[i]);
  if (history)
    {
      g_ptr_array_add (needles, (gpointer) p->old_given);
      g_ptr_array_add (needles, (gpointer) p->old_family);
      for (guint i = 0; p->old_index_words[i] != NULL; i++)
        g_ptr_array_add (needles, (gpointer) p->old_index_words[i]);
    }
  return needles;
}

static GBytes *
file_bytes (const char *path)
{
  char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return g_bytes_new (NULL, 0);
  return g_bytes_new_take (contents, length);
}

static gboolean
bytes_contain (GBytes     *bytes,
               const char *needle)
{
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  return length > 0 && memmem (data, length, needle, strlen (needle)) != NULL;
}

/* Returns the strings of @needles found in the store file or its log. */
static GPtrArray *
find_in_files (const char *path,
               GPtrArray  *needles)
{
  g_autofree char *wal_path = g_strconcat (path, "-wal", NULL);
  g_autoptr (GBytes) db = file_bytes (path);
  g_autoptr (GBytes) wal = file_bytes (wal_path);
  GPtrArray *found = g_ptr_array_new ();

  for (guint i = 0; i < needles->len; i++)
    {
      const char *needle = g_ptr_array_index (needles, i);
      if (bytes_contain (db, needle) || bytes_contain (wal, needle))
        g_ptr_array_add (found, (gpointer) needle);
    }
  return found;
}

static void
assert_none_found (const char *path,
                   GPtrArray  *needles,
                   const char *when)
{
  g_autoptr (GPtrArray) found = find_in_files (path, needles);

  for (guint i = 0; i < found->len; i++)
    g_test_message ("%s: “%s” is still in the file", when, (const char *) g_ptr_array_index (found, i));
  g_assert_cmpuint (found->len, ==, 0);
}

static void
assert_all_found (const char *path,
                  GPtrArray  *needles,
                  const char *when)
{
  g_autoptr (GPtrArray) found = find_in_files (path, needles);

  if (found->len != needles->len)
    for (guint i = 0; i < needles->len; i++)
      if (!g_ptr_array_find (found, g_ptr_array_index (needles, i), NULL))
        g_error ("%s: “%s” cannot be found in the file: the search would miss it",
                 when, (const char *) g_ptr_array_index (needles, i));
}

static guint32
get_u32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

static gboolean
all_zero (const guint8 *p,
          gsize         n)
{
  for (gsize i = 0; i < n; i++)
    if (p[i] != 0)
      return FALSE;
  return TRUE;
}

/* Walks the free-page list of the (checkpointed) file: free pages hold no
 * old content. Returns the number of free pages. */
static guint
assert_free_pages_zeroed (const char *path)
{
  g_autoptr (GBytes) bytes = file_bytes (path);
  gsize length;
  const guint8 *data = g_bytes_get_data (bytes, &length);
  guint page_size, trunk, total, seen = 0;

  g_assert_cmpuint (length, >=, 100);
  page_size = (data[16] << 8) | data[17];
  if (page_size == 1)
    page_size = 65536;
  trunk = get_u32 (data + 32);
  total = get_u32 (data + 36);
  while (trunk != 0)
    {
      const guint8 *page = data + (gsize) (trunk - 1) * page_size;
      guint leaves;

      g_assert_cmpuint ((gsize) trunk * page_size, <=, length);
      leaves = get_u32 (page + 4);
      g_assert_cmpuint (8 + 4 * leaves, <=, page_size);
      if (!all_zero (page + 8 + 4 * leaves, page_size - 8 - 4 * leaves))
        g_error ("free-list trunk page %u holds old content", trunk);
      for (guint i = 0; i < leaves; i++)
        {
          guint leaf = get_u32 (page + 8 + 4 * i);
          g_assert_cmpuint ((gsize) leaf * page_size, <=, length);
          if (!all_zero (data + (gsize) (leaf - 1) * page_size, page_size))
            g_error ("free page %u holds old content", leaf);
        }
      seen += 1 + leaves;
      trunk = get_u32 (page);
    }
  g_assert_cmpuint (seen, ==, total);
  return total;
}

/* Other cases around, so that the tables and the search index span many
 * pages and the purge moves cells between them. */
static void
add_others (PaStore *store,
            guint    n)
{
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (PaCase) kase = pa_case_new ();
      g_autofree char *given = g_strdup_printf ("Person%u", g_test_rand_int_range (0, 100000));
      g_autofree char *id_text = NULL;

      pa_case_set_given_name (kase, given);
      pa_case_set_family_name (kase, "Other");
      g_assert_true (pa_store_case_create (store, kase, &error));
      g_assert_no_error (error);
      id_text = g_strdup_printf ("%" G_GINT64_FORMAT, pa_case_get_id (kase));
      g_assert_true (pa_store_begin (store, &error));
      for (guint j = 0; j < 3; j++)
        run (pa_store_get_db (store),
             "INSERT INTO experience (case_id, kind, title, tasks) VALUES (?, 'paid_work', "
             "'cuisinier', 'préparation des repas pour une cantine de quatre cents couverts')",
             id_text, NULL);
      g_assert_true (pa_store_reindex_case (store, pa_case_get_id (kase), &error));
      g_assert_true (pa_store_commit (store, &error));
      g_assert_no_error (error);
    }
}

static void
test_purge_leaves_no_text (void)
{
  g_autofree char *dir = pa_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "centre.db", NULL);
  g_autoptr (GPtrArray) gone = needles_of (&purged, TRUE);
  g_autoptr (GPtrArray) stay = needles_of (&kept, FALSE);
  g_autoptr (GError) error = NULL;
  g_autoptr (PaStore) store = NULL;
  gint64 purged_id, kept_id;
  guint free_pages;

  store = pa_store_open (path, &error);
  g_assert_no_error (error);
  add_others (store, 40);
  purged_id = add_person (store, &purged);
  add_others (store, 20);
  kept_id = add_person (store, &kept);
  add_others (store, 20);
  g_assert_cmpint (purged_id, !=, kept_id);

  /* Every string can be found before the purge: the search works. */
  {
    g_autoptr (GPtrArray) current = needles_of (&purged, FALSE);
    g_autoptr (GPtrArray) found = find_in_files (path, gone);

    /* The old names may already have been overwritten by the rename. */
    assert_all_found (path, current, "before the purge");
    assert_all_found (path, stay, "before the purge");
    g_test_message ("before the purge: %u of the %u strings of the case to purge (its old "
                    "name included) are in the files", found->len, gone->len);
  }

  g_assert_true (pa_store_case_trash (store, purged_id, &error));
  g_assert_no_error (error);
  g_assert_true (pa_store_case_purge (store, purged_id, &error));
  g_assert_no_error (error);

  /* While the store is still open... */
  assert_none_found (path, gone, "after the purge, store open");
  assert_all_found (path, stay, "after the purge, store open");
  {
    g_autoptr (GPtrArray) found = pa_store_case_list (store, "xanthippe", PA_CASE_FILTER_ALL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (found->len, ==, 0);
  }
  /* The audit log names the purged case by its number only. */
  g_assert_cmpint (pa_test_query_int (pa_store_get_db (store),
                                      "SELECT count(*) FROM audit WHERE detail <> '' OR "
                                      "object NOT IN ('case', 'store', 'framework')"), ==, 0);
  g_assert_true (pa_store_check (store, TRUE, &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  /* ...and once it is closed. */
  assert_none_found (path, gone, "after the purge, store closed");
  assert_all_found (path, stay, "after the purge, store closed");
  free_pages = assert_free_pages_zeroed (path);
  g_test_message ("%u free pages, all zero", free_pages);
  g_assert_cmpuint (free_pages, >, 0);

  /* The other case is whole. */
  store = pa_store_open (path, &error);
  g_assert_no_error (error);
  {
    g_autoptr (PaCase) other = pa_store_case_get (store, kept_id, &error);
    g_autoptr (GPtrArray) found = pa_store_case_list (store, "plainpalais", PA_CASE_FILTER_ALL, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (pa_case_get_family_name (other), ==, kept.family);
    g_assert_cmpuint (found->len, ==, 1);
  }
  g_clear_object (&store);
  pa_test_remove_tree (dir);
}

/* Another connection reading (a backup in progress, another program) keeps
 * a snapshot that still holds the case: the text may stay in the log while
 * it reads, and must be gone once it stopped and the store was written to. */
static void
test_purge_with_a_reader (void)
{
  g_autofree char *dir = pa_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "centre.db", NULL);
  g_autoptr (GPtrArray) gone = needles_of (&purged, TRUE);
  g_autoptr (GPtrArray) stay = needles_of (&kept, FALSE);
  g_autoptr (GError) error = NULL;
  g_autoptr (PaStore) store = NULL;
  g_autoptr (GPtrArray) found = NULL;
  sqlite3 *reader = NULL;
  gint64 purged_id;

  store = pa_store_open (path, &error);
  g_assert_no_error (error);
  add_others (store, 10);
  purged_id = add_person (store, &purged);
  add_person (store, &kept);
  g_assert_true (pa_store_case_trash (store, purged_id, &error));

  g_assert_cmpint (sqlite3_open (path, &reader), ==, SQLITE_OK);
  pa_test_exec (reader, "BEGIN");
  g_assert_cmpint (pa_test_query_int (reader, "SELECT count(*) FROM case_file"), ==, 12);
  /* Not five seconds: the reader will not stop while the purge waits. */
  sqlite3_busy_timeout (pa_store_get_db (store), 50);

  g_assert_true (pa_store_case_purge (store, purged_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (pa_test_query_int (reader, "SELECT count(*) FROM case_file"), ==, 12);
  found = find_in_files (path, gone);
  g_test_message ("while another connection reads: %u of %u strings of the purged case in "
                  "the files", found->len, gone->len);

  pa_test_exec (reader, "COMMIT");
  sqlite3_close (reader);

  /* The next change finishes the erasure, store open. */
  add_others (store, 1);
  assert_none_found (path, gone, "after the reader stopped and a change, store open");
  assert_all_found (path, stay, "after the reader stopped and a change, store open");
  g_clear_object (&store);
  assert_none_found (path, gone, "after the reader stopped, store closed");
  assert_free_pages_zeroed (path);
  pa_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/purge/leaves-no-text", test_purge_leaves_no_text);
  g_test_add_func ("/purge/with-a-reader", test_purge_with_a_reader);
  return g_test_run ();
}
