/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>

#include "pa-case-list.h"
#include "pa-store-cases.h"
#include "pa-test-utils.h"

typedef PaTestStore Fixture;



static gint64
add_case (PaStore    *store,
          const char *given,
          const char *family,
          const char *origin)
{
  g_autoptr (PaCase) kase = pa_case_new ();
  g_autoptr (GError) error = NULL;

  pa_case_set_given_name (kase, given);
  pa_case_set_family_name (kase, family);
  pa_case_set_origin_country (kase, origin);
  g_assert_true (pa_store_case_create (store, kase, &error));
  g_assert_no_error (error);
  g_assert_cmpint (pa_case_get_id (kase), >, 0);
  g_assert_true (g_str_has_prefix (pa_case_get_code (kase), "PA-"));
  return pa_case_get_id (kase);
}

static guint
count_search (PaStore    *store,
              const char *text)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) found = pa_store_case_list (store, text, PA_CASE_FILTER_ACTIVE, &error);

  g_assert_no_error (error);
  return found->len;
}

static void
test_create_and_list (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) all = NULL;
  g_autoptr (PaCase) got = NULL;
  gint64 amal = add_case (f->store, "Amal", "Haddad", "SY");

  add_case (f->store, "Élise", "Nkurunziza", "BI");
  add_case (f->store, "Bohdan", "Kovalenko", "UA");

  all = pa_store_case_list (f->store, NULL, PA_CASE_FILTER_ACTIVE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 3);
  /* Sorted by the name as shown, accents folded. */
  g_assert_cmpstr (pa_case_get_given_name (g_ptr_array_index (all, 0)), ==, "Amal");
  g_assert_cmpstr (pa_case_get_given_name (g_ptr_array_index (all, 1)), ==, "Bohdan");
  g_assert_cmpstr (pa_case_get_given_name (g_ptr_array_index (all, 2)), ==, "Élise");

  got = pa_store_case_get (f->store, amal, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pa_case_get_origin_country (got), ==, "SY");
  g_assert_cmpint (pa_store_case_find (f->store, pa_case_get_code (got)), ==, amal);
  g_assert_cmpint (pa_store_case_find (f->store, "no-such-code"), ==, 0);

  /* Codes are unique and sequential within the year. */
  g_assert_cmpstr (pa_case_get_code (g_ptr_array_index (all, 1)), !=,
                   pa_case_get_code (g_ptr_array_index (all, 0)));
}

static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  gint64 elise = add_case (f->store, "Élise", "Nkurunziza", "BI");
  g_autoptr (GError) error = NULL;

  add_case (f->store, "Amal", "Haddad", "SY");
  add_case (f->store, "Bohdan", "Kovalenko", "UA");

  g_assert_cmpuint (count_search (f->store, "elise"), ==, 1);   /* accent folded */
  g_assert_cmpuint (count_search (f->store, "ÉLI"), ==, 1);     /* case folded, prefix */
  g_assert_cmpuint (count_search (f->store, "syria"), ==, 1);   /* origin by name */
  g_assert_cmpuint (count_search (f->store, "ukr"), ==, 1);
  g_assert_cmpuint (count_search (f->store, "PA"), ==, 3);      /* code */
  g_assert_cmpuint (count_search (f->store, "amal kov"), ==, 0); /* every word must match */
  g_assert_cmpuint (count_search (f->store, "\"*(NEAR"), ==, 0); /* operators are literal */
  g_assert_cmpuint (count_search (f->store, "  "), ==, 3);

  /* Renaming updates the index in the same transaction. */
  g_assert_true (pa_store_case_rename (f->store, elise, "Elisabeth", "Ndayisenga", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_search (f->store, "nkuru"), ==, 0);
  g_assert_cmpuint (count_search (f->store, "ndayi"), ==, 1);
}

static void
test_trash_restore (Fixture       *f,
                    gconstpointer  data)
{
  gint64 id = add_case (f->store, "Amal", "Haddad", "SY");
  g_autoptr (GError) error = NULL;
  g_autoptr (PaCaseList) list = pa_case_list_new (f->store, PA_CASE_FILTER_ACTIVE);
  g_autoptr (PaCaseList) trash = pa_case_list_new (f->store, PA_CASE_FILTER_TRASHED);

  add_case (f->store, "Bohdan", "Kovalenko", "UA");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);

  g_assert_true (pa_store_case_trash (f->store, id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (trash)), ==, 1);
  g_assert_cmpuint (count_search (f->store, "haddad"), ==, 0);

  /* Trashing twice is an error, and changes nothing. */
  g_assert_false (pa_store_case_trash (f->store, id, &error));
  g_assert_error (error, PA_STORE_ERROR, PA_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (pa_store_case_restore (f->store, id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);
  g_assert_cmpuint (pa_case_list_find (list, id), !=, G_MAXUINT);

  /* Only a trashed case can be purged. */
  g_assert_false (pa_store_case_purge (f->store, id, &error));
  g_assert_error (error, PA_STORE_ERROR, PA_STORE_ERROR_NOT_FOUND);
  g_assert_cmpuint (pa_store_case_count (f->store, PA_CASE_FILTER_ALL), ==, 2);
}

static void
test_bad_input (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr (PaCase) kase = pa_case_new ();
  g_autoptr (GError) error = NULL;
  const char bad_utf8[] = { 'A', (char) 0xC3, (char) 0x28, 0 };

  add_case (f->store, "Amal", "Haddad", "SY");

  pa_case_set_given_name (kase, bad_utf8);
  g_assert_false (pa_store_case_create (f->store, kase, &error));
  g_assert_error (error, PA_STORE_ERROR, PA_STORE_ERROR_INVALID);
  g_clear_error (&error);

  pa_case_set_given_name (kase, "Test");
  pa_case_set_origin_country (kase, "XX");
  g_assert_false (pa_store_case_create (f->store, kase, &error));
  g_assert_error (error, PA_STORE_ERROR, PA_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "XX"));
  g_clear_error (&error);

  pa_case_set_origin_country (kase, NULL);
  pa_case_set_arrival_date (kase, "2023-02-30");
  g_assert_false (pa_store_case_create (f->store, kase, &error));
  g_assert_error (error, PA_STORE_ERROR, PA_STORE_ERROR_INVALID);
  g_clear_error (&error);

  pa_case_set_arrival_date (kase, NULL);
  pa_case_set_birth_year (kase, 1850);
  g_assert_false (pa_store_case_create (f->store, kase, &error));
  g_assert_error (error, PA_STORE_ERROR, PA_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Nothing of the refused cases was stored. */
  g_assert_cmpuint (pa_store_case_count (f->store, PA_CASE_FILTER_ALL), ==, 1);
  g_assert_cmpuint (count_search (f->store, bad_utf8), ==, 0);
}

static void
test_cli (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *db = g_build_filename (f->dir, "cli.db", NULL);

  g_assert_cmpint (pa_test_run_cli (&out, &err, "--db", db, "case", "add", "--given-name", "Amal",
                                    "--family-name", "Haddad", "--origin", "SY", NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (pa_test_run_cli (&out, &err, "--db", db, "cases", "--format", "tsv", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "\tAmal Haddad\t"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* A usage error exits 2, a failure 1, each with one line on stderr. */
  g_assert_cmpint (pa_test_run_cli (&out, &err, "--db", db, "cases", "--format", "xml", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "xml"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (pa_test_run_cli (&out, &err, "--db", db, "case", "show", "999", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "999"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (pa_test_run_cli (&out, &err, "--db", db, "case", "add", "--origin", "ZZ", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "ZZ"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (pa_test_run_cli (&out, &err, "cases", "--help", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "--search"));
}

typedef struct
{
  guint n_signals;
  guint position;
  guint removed;
  guint added;
} Change;

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Change     *change)
{
  change->n_signals++;
  change->position = position;
  change->removed = removed;
  change->added = added;
}

static const char *
given_name_at (PaCaseList *list,
               guint       position)
{
  g_autoptr (PaCase) kase = g_list_model_get_item (G_LIST_MODEL (list), position);

  g_assert_nonnull (kase);
  /* The list keeps the case: the name stays valid after the unref. */
  return pa_case_get_given_name (kase);
}

/* The list model reads the ids and names of every case, the cases
 * themselves when asked, and tells views only the rows that changed. */
static void
test_list_model (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PaCaseList) list = NULL;
  g_autoptr (PaCase) first = NULL;
  g_autoptr (PaCase) again = NULL;
  Change change = { 0 };
  gint64 amal = add_case (f->store, "Amal", "Haddad", "SY");
  gint64 bohdan = add_case (f->store, "Bohdan", "Kovalenko", "UA");
  gint64 chiara = add_case (f->store, "Chiara", "Nkurunziza", "BI");
  gint64 zeynep;

  list = pa_case_list_new (f->store, PA_CASE_FILTER_ACTIVE);
  g_signal_connect (list, "items-changed", G_CALLBACK (items_changed_cb), &change);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 3);
  g_assert_cmpstr (given_name_at (list, 0), ==, "Amal");
  g_assert_cmpstr (given_name_at (list, 2), ==, "Chiara");
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), 3));
  g_assert_cmpuint (pa_case_list_find (list, chiara), ==, 2);

  /* The same snapshot until the case changes. */
  first = g_list_model_get_item (G_LIST_MODEL (list), 1);
  again = g_list_model_get_item (G_LIST_MODEL (list), 1);
  g_assert_true (first == again);
  g_assert_cmpint (pa_case_get_id (first), ==, bohdan);

  /* A change that keeps the order renews that row only. */
  g_assert_true (pa_store_case_rename (f->store, bohdan, "Bohdana", "Kovalenko", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (change.n_signals, ==, 1);
  g_assert_cmpuint (change.position, ==, 1);
  g_assert_cmpuint (change.removed, ==, 1);
  g_assert_cmpuint (change.added, ==, 1);
  g_assert_cmpstr (given_name_at (list, 1), ==, "Bohdana");
  g_assert_cmpstr (pa_case_get_given_name (first), ==, "Bohdan");

  /* A rename that moves a case renews the rows between its old and new places. */
  change.n_signals = 0;
  g_assert_true (pa_store_case_rename (f->store, amal, "Zara", "Haddad", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (change.n_signals, ==, 1);
  g_assert_cmpuint (change.position, ==, 0);
  g_assert_cmpuint (change.removed, ==, 3);
  g_assert_cmpuint (change.added, ==, 3);
  g_assert_cmpstr (given_name_at (list, 0), ==, "Bohdana");
  g_assert_cmpstr (given_name_at (list, 2), ==, "Zara");

  /* A new case adds its row, a trashed one removes it. */
  change.n_signals = 0;
  zeynep = add_case (f->store, "Zeynep", "Yilmaz", "TR");
  g_assert_cmpuint (change.n_signals, ==, 1);
  g_assert_cmpuint (change.position, ==, 3);
  g_assert_cmpuint (change.removed, ==, 0);
  g_assert_cmpuint (change.added, ==, 1);
  g_assert_cmpuint (pa_case_list_find (list, zeynep), ==, 3);
  change.n_signals = 0;
  g_assert_true (pa_store_case_trash (f->store, bohdan, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (change.n_signals, ==, 1);
  g_assert_cmpuint (change.position, ==, 0);
  g_assert_cmpuint (change.removed, ==, 1);
  g_assert_cmpuint (change.added, ==, 0);
  g_assert_cmpuint (pa_case_list_find (list, bohdan), ==, G_MAXUINT);

  /* A search keeps the same order. */
  pa_case_list_set_search (list, "haddad");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  g_assert_cmpstr (given_name_at (list, 0), ==, "Zara");
}

/* The order of the list is kept in the store for the collation locale it
 * was written under; a store opened under another one is sorted again. */
static void
test_order_follows_locale (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) all = NULL;
  g_autofree char *locale = NULL;

  add_case (f->store, "Zara", "Haddad", "SY");
  add_case (f->store, "amal", "Haddad", "SY");
  locale = pa_store_get_setting (f->store, "case.sort_locale");
  g_assert_cmpstr (locale, ==, setlocale (LC_COLLATE, NULL));

  /* As if the store came from a computer in another locale. */
  g_assert_true (pa_store_exec (f->store, "UPDATE case_file SET sort_key = x'00' "
                                          "WHERE given_name = 'Zara'", &error));
  g_assert_true (pa_store_set_setting (f->store, "case.sort_locale", "xx_XX.UTF-8", &error));
  g_assert_no_error (error);
  g_clear_object (&f->store);
  f->store = pa_store_open (f->path, &error);
  g_assert_no_error (error);
  g_clear_pointer (&locale, g_free);
  locale = pa_store_get_setting (f->store, "case.sort_locale");
  g_assert_cmpstr (locale, ==, setlocale (LC_COLLATE, NULL));
  all = pa_store_case_list (f->store, NULL, PA_CASE_FILTER_ACTIVE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 2);
  g_assert_cmpstr (pa_case_get_given_name (g_ptr_array_index (all, 0)), ==, "amal");
  g_assert_cmpstr (pa_case_get_given_name (g_ptr_array_index (all, 1)), ==, "Zara");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, pa_test_store_setup, func, pa_test_store_teardown)
  ADD ("/cases/create-and-list", test_create_and_list);
  ADD ("/cases/search", test_search);
  ADD ("/cases/trash-restore", test_trash_restore);
  ADD ("/cases/list-model", test_list_model);
  ADD ("/cases/order-follows-locale", test_order_follows_locale);
  ADD ("/cases/bad-input", test_bad_input);
  ADD ("/cases/cli", test_cli);
#undef ADD

  return g_test_run ();
}
