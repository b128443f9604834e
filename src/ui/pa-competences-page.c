/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "passerelle"

#include "config.h"

#include <glib/gi18n.h>

#include "pa-builtin-frameworks.h"
#include "pa-certificates-group.h"
#include "pa-competences-page.h"
#include "pa-concept-picker.h"
#include "pa-evidence-page.h"
#include "pa-frameworks.h"
#include "pa-labour.h"
#include "pa-mapper-store.h"
#include "pa-records.h"
#include "pa-stage-stepper.h"
#include "pa-store-records.h"
#include "pa-suggest.h"
#include "pa-ui-utils.h"

/* The Competences section of a case: the claims grouped by framework, each
 * with its four stages and the action that moves it on, asking only for what
 * the next stage needs; and the suggestions drawn from the case's
 * experiences, each with the reason, to add or to set aside.
 *
 * Suggestions need the occupation graph and the label index: with ESCO that
 * is most of a second to load and 15–30 ms per case after, so they are worked
 * out in a worker thread, on a connection of its own, by an engine that keeps
 * the graph and index between cases (rebuilt when the frameworks change). */

#define SUGGESTION_LIMIT 12
#define SUGGESTIONS_FIRST 4

struct _PaCompetencesPage
{
  PaCasePage parent_instance;

  GCancellable *suggest_cancellable;
  GPtrArray *suggestions;     /* PaSuggestion, or NULL while none were computed */
  gboolean suggesting;
  gboolean show_list;         /* "See Suggestions" on an empty case */
  GHashTable *expanded;       /* item URIs whose rows are open */
  gint64 shown_case;
  gboolean all_suggestions;
  char *language;

  GtkStack *stack;
  AdwStatusPage *empty_page;
  GtkWidget *content_box;
  AdwPreferencesGroup *suggestions_group;
  GtkListBox *suggestions_list;
  AdwPreferencesGroup *summary_group;
  GtkWidget *add_button;
  GtkWidget *claims_box;
  PaCertificatesGroup *certificates_group;
};

G_DEFINE_FINAL_TYPE (PaCompetencesPage, pa_competences_page, PA_TYPE_CASE_PAGE)

/* The suggestion engine */

typedef struct
{
  GMutex lock;
  char *path;
  PaStore *store;
  PaMapper *mapper;
  PaFrameworkSearch *search;
  gint64 generation;
} SuggestEngine;

typedef struct
{
  SuggestEngine *engine;
  gint64 case_id;
  char *language;
} SuggestJob;

static void
suggest_engine_clear (SuggestEngine *engine)
{
  g_mutex_lock (&engine->lock);
  g_clear_object (&engine->search);
  g_clear_object (&engine->mapper);
  g_clear_object (&engine->store);
  g_clear_pointer (&engine->path, g_free);
  g_mutex_unlock (&engine->lock);
  g_mutex_clear (&engine->lock);
}

static void
suggest_engine_unref (SuggestEngine *engine)
{
  g_atomic_rc_box_release_full (engine, (GDestroyNotify) suggest_engine_clear);
}

static SuggestEngine *
suggest_engine_for_store (PaStore *store)
{
  SuggestEngine *engine = g_object_get_data (G_OBJECT (store), "pa-suggest-engine");

  if (engine == NULL)
    {
      engine = g_atomic_rc_box_new0 (SuggestEngine);
      g_mutex_init (&engine->lock);
      engine->path = g_strdup (pa_store_get_path (store));
      g_object_set_data_full (G_OBJECT (store), "pa-suggest-engine", engine,
                              (GDestroyNotify) suggest_engine_unref);
    }
  return g_atomic_rc_box_acquire (engine);
}

static void
suggest_job_free (SuggestJob *job)
{
  suggest_engine_unref (job->engine);
  g_free (job->language);
  g_free (job);
}

static void
suggest_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  SuggestJob *job = task_data;
  SuggestEngine *engine = job->engine;
  g_autoptr (GError) error = NULL;
  GPtrArray *suggestions = NULL;

  g_mutex_lock (&engine->lock);
  if (engine->store == NULL)
    engine->store = pa_store_open (engine->path, &error);
  if (engine->store != NULL && pa_builtin_frameworks_ensure (engine->store, &error))
    {
      gint64 generation = pa_frameworks_get_generation (engine->store);

      if (engine->mapper == NULL || generation != engine->generation)
        {
          g_clear_object (&engine->mapper);
          g_clear_object (&engine->search);
          engine->mapper = pa_mapper_new_from_store (engine->store, &error);
          engine->search = pa_framework_search_new (engine->store);
          engine->generation = generation;
        }
      if (engine->mapper != NULL && !g_cancellable_is_cancelled (cancellable))
        suggestions = pa_suggest_for_case (engine->store, engine->mapper, engine->search,
                                           job->case_id, job->language, SUGGESTION_LIMIT, &error);
      if (engine->mapper == NULL)
        g_clear_object (&engine->search);
    }
  g_mutex_unlock (&engine->lock);

  if (g_task_return_error_if_cancelled (task))
    g_clear_pointer (&suggestions, g_ptr_array_unref);
  else if (suggestions == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, suggestions, (GDestroyNotify) g_ptr_array_unref);
}

/* Helpers */

static PaStore *
page_store (PaCompetencesPage *self)
{
  return pa_case_page_get_store (PA_CASE_PAGE (self));
}

static gint64
page_case_id (PaCompetencesPage *self)
{
  return pa_case_page_get_case_id (PA_CASE_PAGE (self));
}

static void
remove_all_children (GtkWidget *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (box)) != NULL)
    {
      if (GTK_IS_LIST_BOX (box))
        gtk_list_box_remove (GTK_LIST_BOX (box), child);
      else
        gtk_box_remove (GTK_BOX (box), child);
    }
}

/* g_strv_builder_take () is GLib 2.80. */
static void
builder_take (GStrvBuilder *builder,
              char         *text)
{
  g_strv_builder_add (builder, text);
  g_free (text);
}

static guint
count_rows (GtkListBox *list)
{
  guint n = 0;

  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (list)); c; c = gtk_widget_get_next_sibling (c))
    if (GTK_IS_LIST_BOX_ROW (c))
      n++;
  return n;
}

/* The claim row on @uri under @root. */
static GtkWidget *
find_row (GtkWidget  *root,
          const char *uri)
{
  if (ADW_IS_PREFERENCES_ROW (root) && g_object_get_data (G_OBJECT (root), "claim-id") != NULL)
    return g_strcmp0 (g_object_get_data (G_OBJECT (root), "item-uri"), uri) == 0 ? root : NULL;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_row (c, uri);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static char *
concept_label (PaCompetencesPage *self,
               const char        *uri,
               const char        *fallback)
{
  g_autoptr (PaConcept) concept = pa_frameworks_get_concept (page_store (self), uri, self->language, NULL);

  if (concept != NULL && concept->ref.label != NULL)
    return g_strdup (concept->ref.label);
  return g_strdup (fallback);
}

static const char *
method_label (const char *method)
{
  const char *label;

  if (method == NULL || *method == '\0')
    return NULL;
  label = pa_record_value_label ("claim.method", method);
  return label != NULL ? label : method;
}

static char *
claim_subtitle (PaClaim      *claim,
                PaClaimStage *last)
{
  g_autoptr (GStrvBuilder) parts = g_strv_builder_new ();
  g_auto (GStrv) strv = NULL;

  if (claim->level != NULL && *claim->level != '\0')
    /* Translators: the level a competence was assessed at, as in "Level B2" */
    builder_take (parts, g_strdup_printf (_("Level %s"), claim->level));
  if (last != NULL && method_label (last->method) != NULL)
    g_strv_builder_add (parts, method_label (last->method));
  if (claim->evidence_ids->len > 0)
    builder_take (parts, g_strdup_printf (ngettext ("%u piece of evidence", "%u pieces of evidence",
                                                           claim->evidence_ids->len),
                                                 claim->evidence_ids->len));
  strv = g_strv_builder_end (parts);
  /* Translators: separates the facts of a competence, as in "Level B2 · Interview" */
  return g_strjoinv (C_("list separator", " · "), strv);
}

static char *
step_title (PaClaimStage *step)
{
  g_autoptr (GDateTime) when = g_date_time_new_from_iso8601 (step->at, NULL);
  g_autoptr (GDateTime) local = when ? g_date_time_to_local (when) : NULL;
  g_autofree char *date = local ? pa_ui_format_date_time (local) : g_strdup (step->at);
  const char *who = step->actor_name != NULL && *step->actor_name != '\0' ? step->actor_name : _("Unknown");

  /* Translators: a step of a competence: the stage, when, and who recorded it,
   * as in "Assessed — 3 March 2026 14:02, by Sophie Lambert" */
  return g_strdup_printf (_("%s — %s, by %s"), pa_stage_label (step->stage), date, who);
}

static char *
step_subtitle (PaClaimStage *step)
{
  g_autoptr (GStrvBuilder) parts = g_strv_builder_new ();
  g_auto (GStrv) strv = NULL;

  if (method_label (step->method) != NULL)
    g_strv_builder_add (parts, method_label (step->method));
  if (step->level != NULL && *step->level != '\0')
    builder_take (parts, g_strdup_printf (_("Level %s"), step->level));
  if (step->assessor != NULL && *step->assessor != '\0')
    /* Translators: who assessed a competence */
    builder_take (parts, g_strdup_printf (_("Assessor: %s"), step->assessor));
  if (step->rationale != NULL && *step->rationale != '\0')
    builder_take (parts, g_strdup_printf (_("“%s”"), step->rationale));
  strv = g_strv_builder_end (parts);
  return g_strjoinv (C_("list separator", " · "), strv);
}

static const char *
next_action_label (int stage)
{
  switch (stage)
    {
    case PA_STAGE_IDENTIFIED:
      /* Translators: the action that moves a competence to "Documented" */
      return _("Document…");
    case PA_STAGE_DOCUMENTED:
      /* Translators: the action that moves a competence to "Assessed" */
      return _("Assess…");
    case PA_STAGE_ASSESSED:
      /* Translators: the action that moves a competence to "Certified" */
      return _("Certify…");
    default:
      return NULL;
    }
}

static void update_view (PaCompetencesPage *self);
static void start_suggestions (PaCompetencesPage *self);

/* Deletion and Undo */

typedef struct
{
  PaStore *store;
  PaClaim *claim;
  GPtrArray *history;
} DeletedClaim;

static void
deleted_claim_free (DeletedClaim *deleted)
{
  g_clear_object (&deleted->store);
  g_clear_pointer (&deleted->claim, pa_claim_free);
  g_clear_pointer (&deleted->history, g_ptr_array_unref);
  g_free (deleted);
}

static void
undo_delete_cb (AdwToast     *toast,
                DeletedClaim *deleted)
{
  g_autoptr (GError) error = NULL;

  if (!pa_store_claim_restore (deleted->store, deleted->claim, deleted->history, &error))
    {
      GtkWidget *page = g_object_get_data (G_OBJECT (toast), "page");

      if (page != NULL)
        pa_case_page_toast (PA_CASE_PAGE (page), error->message);
      else
        g_warning ("Could not restore a competence: %s", error->message);
    }
}

static void
delete_claim (PaCompetencesPage *self,
              gint64             claim_id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PaClaim) claim = pa_store_claim_get (page_store (self), claim_id, &error);
  g_autoptr (GPtrArray) history = claim ? pa_store_claim_history (page_store (self), claim_id, &error) : NULL;
  g_autofree char *title = NULL;
  DeletedClaim *deleted;
  AdwToast *toast;

  if (history == NULL || !pa_store_claim_delete (page_store (self), claim_id, &error))
    {
      pa_case_page_toast (PA_CASE_PAGE (self), error->message);
      return;
    }
  deleted = g_new0 (DeletedClaim, 1);
  deleted->store = g_object_ref (page_store (self));
  deleted->claim = g_steal_pointer (&claim);
  deleted->history = g_steal_pointer (&history);

  /* Translators: a toast after a competence was removed */
  title = g_strdup_printf (_("“%s” removed"), deleted->claim->label);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "page", g_object_ref (self), g_object_unref);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo_delete_cb), deleted,
                         (GClosureNotify) (void (*) (void)) deleted_claim_free, 0);
  pa_case_page_add_toast (PA_CASE_PAGE (self), toast);
}

/* The advance dialog: asks only for what the next stage needs. */

typedef struct
{
  PaCompetencesPage *page;
  gint64 claim_id;
  int stage;                  /* the stage to reach */
  char *framework;
  GtkWindow *window;
  GtkWidget *confirm_button;
  GtkWidget *evidence_group;
  GtkWidget *evidence_list;
  GtkWidget *method_row;
  GtkWidget *level_row;       /* AdwComboRow or AdwEntryRow */
  GtkWidget *assessor_row;
  GtkWidget *rationale_row;
  GtkWidget *error_label;
  const char *const *levels;
  GCancellable *cancellable;
  GArray *evidence_ids;       /* gint64, parallel to the check buttons */
  GArray *was_linked;         /* gboolean: linked in the store when shown */
  GPtrArray *checks;
} Advance;

static const char *const cefr_levels[] = { "A1", "A2", "B1", "B2", "C1", "C2", NULL };
static const char *const eight_levels[] = { "1", "2", "3", "4", "5", "6", "7", "8", NULL };

static void
advance_free (Advance *advance)
{
  g_cancellable_cancel (advance->cancellable);
  g_clear_object (&advance->cancellable);
  g_clear_object (&advance->page);
  g_free (advance->framework);
  g_clear_pointer (&advance->evidence_ids, g_array_unref);
  g_clear_pointer (&advance->was_linked, g_array_unref);
  g_clear_pointer (&advance->checks, g_ptr_array_unref);
  g_free (advance);
}

static void
advance_show_error (Advance    *advance,
                    const char *message)
{
  gtk_label_set_text (GTK_LABEL (advance->error_label), message ? message : "");
  gtk_widget_set_visible (advance->error_label, message != NULL);
}

static gboolean
advance_any_evidence_ticked (Advance *advance)
{
  for (guint i = 0; i < advance->checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (advance->checks, i)))
      return TRUE;
  return FALSE;
}

/* Said as soon as the last tick goes, not only when confirming. */
static void
advance_evidence_toggled_cb (GtkCheckButton *check,
                             Advance        *advance)
{
  if (advance_any_evidence_ticked (advance))
    advance_show_error (advance, NULL);
  else
    advance_show_error (advance, _("A documented competence needs at least one piece of evidence: "
                                   "tick one, or attach a file."));
}

/* @linked: ticked; @in_store: linked to the claim in the store already (an
 * attached file is not until the dialog is confirmed). */
static void
advance_add_evidence_row (Advance    *advance,
                          PaEvidence *evidence,
                          gboolean    linked,
                          gboolean    in_store)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  g_autofree char *date = pa_ui_format_date (evidence->added_at);
  const char *kind = pa_record_value_label ("evidence.kind", evidence->kind);
  g_autofree char *subtitle = g_strdup_printf (C_("evidence row", "%s · %s"),
                                               kind ? kind : evidence->kind, date ? date : "");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), evidence->title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), linked);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, evidence->title, -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  gtk_list_box_append (GTK_LIST_BOX (advance->evidence_list), row);
  g_array_append_val (advance->evidence_ids, evidence->id);
  g_array_append_val (advance->was_linked, in_store);
  g_ptr_array_add (advance->checks, check);
  g_signal_connect (check, "toggled", G_CALLBACK (advance_evidence_toggled_cb), advance);
}

static void
advance_file_read_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  Advance *advance = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (PaEvidence) evidence = pa_evidence_read_file_finish (result, &error);

  if (evidence == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  gtk_widget_set_sensitive (advance->confirm_button, TRUE);
  if (evidence == NULL)
    {
      advance_show_error (advance, error->message);
      return;
    }
  evidence->case_id = page_case_id (advance->page);
  if (!pa_store_evidence_add (page_store (advance->page), evidence, &error))
    {
      advance_show_error (advance, error->message);
      return;
    }
  advance_show_error (advance, NULL);
  advance_add_evidence_row (advance, evidence, TRUE, FALSE);
  advance_show_error (advance, NULL);
}

/* Attaches @file to the case and ticks it for this competence. */
static void
advance_attach_file (Advance *advance,
                     GFile   *file)
{
  gtk_widget_set_sensitive (advance->confirm_button, FALSE);
  pa_evidence_read_file_async (file, advance->cancellable, advance_file_read_cb, advance);
}

static void
advance_chooser_response_cb (GtkNativeDialog *chooser,
                             int              response,
                             Advance         *advance)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      advance_attach_file (advance, file);
    }
  g_object_unref (chooser);
}

static void
advance_attach_clicked_cb (Advance *advance)
{
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Attach Evidence"), advance->window,
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Attach"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (advance_chooser_response_cb), advance);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static char *
advance_level (Advance *advance)
{
  if (advance->level_row == NULL)
    return NULL;
  if (ADW_IS_COMBO_ROW (advance->level_row))
    {
      guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (advance->level_row));
      return selected == 0 || selected == GTK_INVALID_LIST_POSITION ? NULL
                                                                     : g_strdup (advance->levels[selected - 1]);
    }
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (advance->level_row))));
}

static void
advance_confirm_cb (Advance *advance)
{
  PaStore *store = page_store (advance->page);
  g_autoptr (GError) error = NULL;
  g_autofree char *level = NULL;
  g_autofree char *assessor = NULL;
  g_autofree char *rationale = NULL;
  const char *method = NULL;
  gboolean ok;

  if (advance->rationale_row != NULL)
    rationale = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (advance->rationale_row))));
  if (advance->stage == PA_STAGE_DOCUMENTED && !advance_any_evidence_ticked (advance))
    {
      advance_show_error (advance, _("A documented competence needs at least one piece of evidence: "
                                     "tick one, or attach a file."));
      return;
    }
  if (!pa_store_begin (store, &error))
    {
      advance_show_error (advance, error->message);
      return;
    }
  ok = TRUE;
  if (advance->stage == PA_STAGE_DOCUMENTED)
    {
      /* What is ticked is linked, what was linked and is no longer ticked
       * is unlinked: the claim ends with exactly the evidence ticked. */
      for (guint i = 0; ok && i < advance->checks->len; i++)
        {
          gboolean ticked = gtk_check_button_get_active (g_ptr_array_index (advance->checks, i));
          gboolean was = g_array_index (advance->was_linked, gboolean, i);
          gint64 id = g_array_index (advance->evidence_ids, gint64, i);

          if (ticked && !was)
            ok = pa_store_claim_link_evidence (store, advance->claim_id, id, &error);
          else if (!ticked && was)
            ok = pa_store_claim_unlink_evidence (store, advance->claim_id, id, &error);
        }
    }
  else if (advance->stage == PA_STAGE_ASSESSED)
    {
      const char *const *methods = pa_record_values ("claim.assessment_method");
      guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (advance->method_row));

      method = selected < g_strv_length ((char **) methods) ? methods[selected] : NULL;
      level = advance_level (advance);
      assessor = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (advance->assessor_row))));
    }
  ok = ok && pa_store_claim_advance (store, advance->claim_id, advance->stage, method, level, assessor,
                                     rationale, &error);
  if (ok)
    ok = pa_store_commit (store, &error);
  else
    pa_store_rollback (store);
  if (!ok)
    {
      advance_show_error (advance, error->message);
      return;
    }
  gtk_window_destroy (advance->window);
}

static GtkWidget *
advance_group (GtkWidget  *box,
               const char *title,
               const char *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  gtk_box_append (GTK_BOX (box), group);
  return group;
}

static GtkWidget *
advance_entry_row (GtkWidget  *group,
                   const char *title,
                   const char *name,
                   const char *text)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  gtk_widget_set_name (row, name);
  if (text != NULL)
    gtk_editable_set_text (GTK_EDITABLE (row), text);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return row;
}

static char *
last_assessor (PaCompetencesPage *self)
{
  g_autoptr (GPtrArray) claims = pa_store_claim_list (page_store (self), page_case_id (self), NULL);
  char *found = NULL;

  for (guint i = 0; claims != NULL && i < claims->len && found == NULL; i++)
    {
      PaClaim *claim = g_ptr_array_index (claims, i);
      g_autoptr (GPtrArray) history = NULL;

      if (claim->stage < PA_STAGE_ASSESSED)
        continue;
      history = pa_store_claim_history (page_store (self), claim->id, NULL);
      for (guint j = 0; history != NULL && j < history->len; j++)
        {
          PaClaimStage *step = g_ptr_array_index (history, j);
          if (step->stage == PA_STAGE_ASSESSED && step->assessor && *step->assessor && found == NULL)
            found = g_strdup (step->assessor);
        }
    }
  return found;
}

static GtkWindow *
open_advance_dialog (PaCompetencesPage *self,
                     gint64             claim_id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PaClaim) claim = pa_store_claim_get (page_store (self), claim_id, &error);
  g_autofree char *label = NULL;
  g_autofree char *title = NULL;
  GtkWidget *window, *toolbar, *header, *cancel, *scrolled, *clamp, *box, *group, *attach;
  GtkEventController *shortcuts;
  Advance *advance;

  if (claim == NULL)
    {
      pa_case_page_toast (PA_CASE_PAGE (self), error->message);
      return NULL;
    }
  if (claim->stage >= PA_STAGE_CERTIFIED)
    return NULL;

  advance = g_new0 (Advance, 1);
  advance->page = g_object_ref (self);
  advance->claim_id = claim_id;
  advance->stage = claim->stage + 1;
  advance->framework = g_strdup (claim->framework);
  advance->cancellable = g_cancellable_new ();
  advance->evidence_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  advance->was_linked = g_array_new (FALSE, FALSE, sizeof (gboolean));
  advance->checks = g_ptr_array_new ();
  label = concept_label (self, claim->item_uri, claim->label);

  window = adw_window_new ();
  advance->window = GTK_WINDOW (window);
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  gtk_window_set_destroy_with_parent (GTK_WINDOW (window), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (window), 520, advance->stage == PA_STAGE_CERTIFIED ? 360 : 560);
  switch (advance->stage)
    {
    case PA_STAGE_DOCUMENTED:
      title = g_strdup (_("Document Competence"));
      break;
    case PA_STAGE_ASSESSED:
      title = g_strdup (_("Assess Competence"));
      break;
    default:
      title = g_strdup (_("Certify Competence"));
      break;
    }
  gtk_window_set_title (GTK_WINDOW (window), title);
  g_object_set_data_full (G_OBJECT (window), "pa-advance", advance, (GDestroyNotify) advance_free);

  toolbar = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), adw_window_title_new (title, label));
  cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_destroy), window);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  advance->confirm_button = gtk_button_new_with_mnemonic (advance->stage == PA_STAGE_DOCUMENTED ? _("_Document")
                                                          : advance->stage == PA_STAGE_ASSESSED ? _("_Assess")
                                                                                                : _("C_ertify"));
  gtk_widget_set_name (advance->confirm_button, "confirm_button");
  gtk_widget_add_css_class (advance->confirm_button, "suggested-action");
  g_signal_connect_swapped (advance->confirm_button, "clicked", G_CALLBACK (advance_confirm_cb), advance);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), advance->confirm_button);
  gtk_box_append (GTK_BOX (toolbar), header);

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  clamp = adw_clamp_new ();
  gtk_widget_set_margin_top (clamp, 18);
  gtk_widget_set_margin_bottom (clamp, 18);
  gtk_widget_set_margin_start (clamp, 12);
  gtk_widget_set_margin_end (clamp, 12);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_box_append (GTK_BOX (toolbar), scrolled);

  advance->error_label = gtk_label_new (NULL);
  gtk_widget_set_name (advance->error_label, "error_label");
  gtk_label_set_wrap (GTK_LABEL (advance->error_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (advance->error_label), 0);
  gtk_widget_add_css_class (advance->error_label, "error");
  gtk_widget_set_visible (advance->error_label, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (advance->error_label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Problem"), -1);

  if (advance->stage == PA_STAGE_DOCUMENTED)
    {
      g_autoptr (GPtrArray) evidence = pa_store_evidence_list (page_store (self), page_case_id (self), NULL);

      group = advance_group (box, _("Evidence"),
                             _("Tick the evidence that shows this competence, or attach a new file."));
      advance->evidence_group = group;
      attach = gtk_button_new_with_mnemonic (_("_Attach File…"));
      gtk_widget_set_valign (attach, GTK_ALIGN_CENTER);
      g_signal_connect_swapped (attach, "clicked", G_CALLBACK (advance_attach_clicked_cb), advance);
      adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), attach);
      advance->evidence_list = gtk_list_box_new ();
      gtk_widget_set_name (advance->evidence_list, "evidence_list");
      gtk_list_box_set_selection_mode (GTK_LIST_BOX (advance->evidence_list), GTK_SELECTION_NONE);
      gtk_widget_add_css_class (advance->evidence_list, "boxed-list");
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), advance->evidence_list);
      for (guint i = 0; evidence != NULL && i < evidence->len; i++)
        {
          PaEvidence *item = g_ptr_array_index (evidence, i);
          gboolean linked = FALSE;

          for (guint j = 0; j < claim->evidence_ids->len; j++)
            linked = linked || g_array_index (claim->evidence_ids, gint64, j) == item->id;
          advance_add_evidence_row (advance, item, linked, linked);
        }
      group = advance_group (box, _("Note"), NULL);
      advance->rationale_row = advance_entry_row (group, _("What the evidence shows"), "rationale_row", NULL);
    }
  else if (advance->stage == PA_STAGE_ASSESSED)
    {
      const char *const *methods = pa_record_values ("claim.assessment_method");
      g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
      g_autofree char *assessor = last_assessor (self);

      group = advance_group (box, _("Assessment"),
                             _("How the competence was assessed, at what level, by whom, and why."));
      for (guint i = 0; methods[i] != NULL; i++)
        gtk_string_list_append (names, pa_record_value_label ("claim.assessment_method", methods[i]));
      advance->method_row = adw_combo_row_new ();
      gtk_widget_set_name (advance->method_row, "method_row");
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (advance->method_row), _("_Method"));
      adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (advance->method_row), TRUE);
      adw_combo_row_set_model (ADW_COMBO_ROW (advance->method_row), G_LIST_MODEL (names));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), advance->method_row);

      if (g_strcmp0 (claim->framework, "cefr") == 0)
        advance->levels = cefr_levels;
      else if (g_strcmp0 (claim->framework, "digcomp") == 0 || g_strcmp0 (claim->framework, "eqf") == 0)
        advance->levels = eight_levels;
      if (advance->levels != NULL)
        {
          g_autoptr (GtkStringList) level_names = gtk_string_list_new (NULL);

          gtk_string_list_append (level_names, _("Not stated"));
          for (guint i = 0; advance->levels[i] != NULL; i++)
            gtk_string_list_append (level_names, advance->levels[i]);
          advance->level_row = adw_combo_row_new ();
          adw_combo_row_set_model (ADW_COMBO_ROW (advance->level_row), G_LIST_MODEL (level_names));
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (advance->level_row),
                                         g_strcmp0 (claim->framework, "cefr") == 0 ? _("_Level (CEFR)")
                                         : g_strcmp0 (claim->framework, "eqf") == 0 ? _("_Level (EQF)")
                                                                                    : _("_Level (DigComp 1–8)"));
          adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (advance->level_row), TRUE);
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), advance->level_row);
        }
      else
        advance->level_row = advance_entry_row (group, _("_Level (e.g. basic, intermediate, advanced)"),
                                                "level_row", NULL);
      gtk_widget_set_name (advance->level_row, "level_row");
      advance->assessor_row = advance_entry_row (group, _("A_ssessor"), "assessor_row", assessor);
      advance->rationale_row = advance_entry_row (group, _("_Rationale"), "rationale_row", NULL);
    }
  else
    {
      GtkWidget *explain = gtk_label_new (
        _("Certifying records that the centre vouches for this assessed competence. The certificate "
          "itself is issued and printed from the case: it lists every certified competence with the "
          "method it was assessed by."));

      gtk_label_set_wrap (GTK_LABEL (explain), TRUE);
      gtk_label_set_xalign (GTK_LABEL (explain), 0);
      gtk_box_append (GTK_BOX (box), explain);
      group = advance_group (box, _("Note"), NULL);
      advance->rationale_row = advance_entry_row (group, _("_Decision"), "rationale_row", NULL);
    }
  gtk_box_append (GTK_BOX (box), advance->error_label);

  adw_window_set_content (ADW_WINDOW (window), toolbar);
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                          gtk_named_action_new ("window.close")));
  gtk_widget_add_controller (window, shortcuts);
  gtk_window_present (GTK_WINDOW (window));
  return GTK_WINDOW (window);
}

/* Claim rows */

static void
advance_clicked_cb (GtkWidget *button)
{
  PaCompetencesPage *self = g_object_get_data (G_OBJECT (button), "page");
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "claim-id"));

  open_advance_dialog (self, id);
}

static void
delete_clicked_cb (GtkWidget *button)
{
  PaCompetencesPage *self = g_object_get_data (G_OBJECT (button), "page");
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "claim-id"));

  delete_claim (self, id);
}

static void
expand_toggled_cb (GtkToggleButton   *toggle,
                   PaCompetencesPage *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (toggle), ADW_TYPE_PREFERENCES_ROW);
  const char *uri = g_object_get_data (G_OBJECT (row), "item-uri");
  GtkRevealer *revealer = g_object_get_data (G_OBJECT (row), "revealer");
  gboolean active = gtk_toggle_button_get_active (toggle);

  gtk_revealer_set_reveal_child (revealer, active);
  gtk_widget_set_tooltip_text (GTK_WIDGET (toggle), active ? _("Hide the history") : _("Show the history"));
  gtk_accessible_update_state (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_STATE_EXPANDED, active, -1);
  if (active)
    g_hash_table_add (self->expanded, g_strdup (uri));
  else
    g_hash_table_remove (self->expanded, uri);
}

static GtkWidget *
label_new (const char *text,
           const char *css)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css != NULL)
    gtk_widget_add_css_class (label, css);
  return label;
}

/* One claim: its label and facts, the action that moves it on, its four
 * stages on a line of their own (so that they never widen the window), and
 * its history under it on demand. */
static GtkWidget *
build_claim_row (PaCompetencesPage *self,
                 PaClaim           *claim,
                 GHashTable        *evidence_titles)
{
  g_autoptr (GPtrArray) history = pa_store_claim_history (page_store (self), claim->id, NULL);
  PaClaimStage *last = history != NULL && history->len > 0 ? g_ptr_array_index (history, history->len - 1) : NULL;
  g_autofree char *label = concept_label (self, claim->item_uri, claim->label);
  g_autofree char *subtitle = claim_subtitle (claim, last);
  GtkWidget *row = adw_preferences_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *stepper = pa_stage_stepper_new ();
  GtkWidget *expand = gtk_toggle_button_new ();
  GtkWidget *revealer = gtk_revealer_new ();
  GtkWidget *details = gtk_list_box_new ();
  const char *next = next_action_label (claim->stage);
  GtkWidget *remove_row;
  GtkWidget *remove_button;
  GtkWidget *title_label;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_add_css_class (row, "claim-row");
  g_object_set_data_full (G_OBJECT (row), "item-uri", g_strdup (claim->item_uri), g_free);
  g_object_set_data (G_OBJECT (row), "claim-id", GSIZE_TO_POINTER ((gsize) claim->id));
  g_object_set_data (G_OBJECT (row), "stepper", stepper);
  g_object_set_data (G_OBJECT (row), "revealer", revealer);

  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  title_label = label_new (label, NULL);
  gtk_box_append (GTK_BOX (texts), title_label);
  if (subtitle != NULL && *subtitle != '\0')
    {
      GtkWidget *subtitle_label = label_new (subtitle, "caption");

      gtk_widget_add_css_class (subtitle_label, "dim-label");
      gtk_box_append (GTK_BOX (texts), subtitle_label);
    }
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_widget_set_valign (texts, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (header), texts);

  if (next != NULL)
    {
      GtkWidget *button = gtk_button_new_with_label (next);
      g_autofree char *tooltip = g_strdup_printf (_("Move “%s” to the stage %s"), label,
                                                  pa_stage_label (claim->stage + 1));

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (button, tooltip);
      gtk_widget_set_name (button, "advance_button");
      g_object_set_data (G_OBJECT (button), "page", self);
      g_object_set_data (G_OBJECT (button), "claim-id", GSIZE_TO_POINTER ((gsize) claim->id));
      g_signal_connect (button, "clicked", G_CALLBACK (advance_clicked_cb), NULL);
      gtk_box_append (GTK_BOX (header), button);
      g_object_set_data (G_OBJECT (row), "advance-button", button);
    }

  gtk_button_set_icon_name (GTK_BUTTON (expand), "pan-down-symbolic");
  gtk_widget_set_name (expand, "expand_button");
  gtk_widget_set_valign (expand, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (expand, "flat");
  gtk_widget_set_tooltip_text (expand, _("Show the history"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (expand), GTK_ACCESSIBLE_PROPERTY_LABEL, _("History"), -1);
  gtk_box_append (GTK_BOX (header), expand);
  gtk_box_append (GTK_BOX (box), header);

  pa_stage_stepper_set_stage (PA_STAGE_STEPPER (stepper), claim->stage);
  gtk_widget_set_halign (stepper, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (box), stepper);

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (details), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (details, "boxed-list");
  gtk_widget_set_margin_top (details, 6);
  gtk_revealer_set_child (GTK_REVEALER (revealer), details);
  gtk_box_append (GTK_BOX (box), revealer);

  /* The history: who, when, how. */
  for (guint i = 0; history != NULL && i < history->len; i++)
    {
      PaClaimStage *step = g_ptr_array_index (history, i);
      GtkWidget *step_row = adw_action_row_new ();
      g_autofree char *step_text = step_title (step);
      g_autofree char *step_detail = step_subtitle (step);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (step_row), step_text);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (step_row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (step_row), step_detail);
      adw_action_row_add_prefix (ADW_ACTION_ROW (step_row), gtk_image_new_from_icon_name ("emblem-ok-symbolic"));
      gtk_list_box_append (GTK_LIST_BOX (details), step_row);
    }

  if (claim->evidence_ids->len > 0)
    {
      GtkWidget *evidence_row = adw_action_row_new ();
      g_autoptr (GStrvBuilder) titles = g_strv_builder_new ();
      g_auto (GStrv) strv = NULL;
      g_autofree char *joined = NULL;

      for (guint i = 0; i < claim->evidence_ids->len; i++)
        {
          gint64 id = g_array_index (claim->evidence_ids, gint64, i);
          const char *title = g_hash_table_lookup (evidence_titles, &id);
          if (title != NULL)
            g_strv_builder_add (titles, title);
        }
      strv = g_strv_builder_end (titles);
      joined = g_strjoinv (C_("list separator", " · "), strv);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (evidence_row), _("Evidence"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (evidence_row), joined);
      adw_action_row_add_prefix (ADW_ACTION_ROW (evidence_row),
                                 gtk_image_new_from_icon_name ("mail-attachment-symbolic"));
      gtk_list_box_append (GTK_LIST_BOX (details), evidence_row);
    }

  remove_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (remove_row), _("Remove this competence"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (remove_row),
                               _("With its history; the evidence stays with the case."));
  remove_button = gtk_button_new_with_mnemonic (_("_Remove"));
  gtk_widget_set_name (remove_button, "remove_button");
  gtk_widget_set_valign (remove_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove_button, "destructive-action");
  g_object_set_data (G_OBJECT (remove_button), "page", self);
  g_object_set_data (G_OBJECT (remove_button), "claim-id", GSIZE_TO_POINTER ((gsize) claim->id));
  g_signal_connect (remove_button, "clicked", G_CALLBACK (delete_clicked_cb), NULL);
  adw_action_row_add_suffix (ADW_ACTION_ROW (remove_row), remove_button);
  gtk_list_box_append (GTK_LIST_BOX (details), remove_row);

  g_signal_connect (expand, "toggled", G_CALLBACK (expand_toggled_cb), self);
  if (g_hash_table_contains (self->expanded, claim->item_uri))
    {
      gtk_revealer_set_transition_type (GTK_REVEALER (revealer), GTK_REVEALER_TRANSITION_TYPE_NONE);
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (expand), TRUE);
      gtk_revealer_set_transition_type (GTK_REVEALER (revealer), GTK_REVEALER_TRANSITION_TYPE_SLIDE_DOWN);
    }
  return row;
}

/* Suggestions */

static gboolean
is_claimed (PaCompetencesPage *self,
            const char        *uri)
{
  return pa_competences_page_get_claim_row (self, uri) != NULL;
}

static void
remove_suggestion (PaCompetencesPage *self,
                   const char        *uri)
{
  for (guint i = 0; self->suggestions != NULL && i < self->suggestions->len; i++)
    {
      PaSuggestion *s = g_ptr_array_index (self->suggestions, i);
      if (g_str_equal (s->skill_uri, uri))
        {
          g_ptr_array_remove_index (self->suggestions, i);
          break;
        }
    }
}

static PaSuggestion *
find_suggestion (PaCompetencesPage *self,
                 const char        *uri)
{
  for (guint i = 0; self->suggestions != NULL && i < self->suggestions->len; i++)
    {
      PaSuggestion *s = g_ptr_array_index (self->suggestions, i);
      if (g_str_equal (s->skill_uri, uri))
        return s;
    }
  return NULL;
}

static void
suggestion_add_cb (GtkWidget *button)
{
  PaCompetencesPage *self = g_object_get_data (G_OBJECT (button), "page");
  const char *uri = g_object_get_data (G_OBJECT (button), "uri");
  PaSuggestion *suggestion = find_suggestion (self, uri);
  g_autoptr (PaConcept) concept = NULL;
  g_autoptr (PaClaim) claim = NULL;
  g_autoptr (GError) error = NULL;
  GtkWidget *row = gtk_widget_get_ancestor (button, ADW_TYPE_ACTION_ROW);

  if (suggestion == NULL)
    return;
  concept = pa_frameworks_get_concept (page_store (self), uri, self->language, &error);
  claim = pa_claim_new ();
  claim->case_id = page_case_id (self);
  claim->framework = g_strdup (concept != NULL ? concept->framework : "esco");
  claim->item_uri = g_strdup (uri);
  claim->label = g_strdup (concept != NULL && concept->ref.label ? concept->ref.label : suggestion->label);
  if (suggestion->experience_id > 0)
    pa_claim_add_experience (claim, suggestion->experience_id);
  g_clear_error (&error);
  if (!pa_store_claim_add (page_store (self), claim, "suggestion", suggestion->reason, &error))
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), error->message);
      gtk_widget_add_css_class (row, "error");
      return;
    }
  remove_suggestion (self, uri);
  self->show_list = TRUE;
  update_view (self);
}

static void
suggestion_reject_cb (GtkWidget *button)
{
  PaCompetencesPage *self = g_object_get_data (G_OBJECT (button), "page");
  g_autofree char *uri = g_strdup (g_object_get_data (G_OBJECT (button), "uri"));
  g_autoptr (GError) error = NULL;
  GtkWidget *row = gtk_widget_get_ancestor (button, ADW_TYPE_ACTION_ROW);

  if (!pa_store_suggestion_reject (page_store (self), page_case_id (self), uri, &error))
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), error->message);
      gtk_widget_add_css_class (row, "error");
      return;
    }
  remove_suggestion (self, uri);
  update_view (self);
}

static void fill_suggestions (PaCompetencesPage *self);

static void
show_all_suggestions_cb (PaCompetencesPage *self)
{
  self->all_suggestions = TRUE;
  fill_suggestions (self);
}

static void
fill_suggestions (PaCompetencesPage *self)
{
  guint shown = 0;
  guint hidden = 0;

  remove_all_children (GTK_WIDGET (self->suggestions_list));
  for (guint i = 0; self->suggestions != NULL && i < self->suggestions->len; i++)
    {
      PaSuggestion *s = g_ptr_array_index (self->suggestions, i);
      GtkWidget *row, *add, *reject, *buttons;
      g_autofree char *label = NULL;
      g_autofree char *add_tooltip = NULL;
      g_autofree char *reject_tooltip = NULL;

      if (is_claimed (self, s->skill_uri))
        continue;
      /* A few at first, so that the competences stay in sight. */
      if (!self->all_suggestions && shown == SUGGESTIONS_FIRST)
        {
          hidden++;
          continue;
        }
      label = concept_label (self, s->skill_uri, s->label);
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), s->reason);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
      g_object_set_data_full (G_OBJECT (row), "uri", g_strdup (s->skill_uri), g_free);

      buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      gtk_widget_set_valign (buttons, GTK_ALIGN_CENTER);
      add = gtk_button_new_with_label (_("Add"));
      /* Translators: the tooltip of "Add" on a suggested competence */
      add_tooltip = g_strdup_printf (_("Add “%s” as identified"), label);
      gtk_widget_set_tooltip_text (add, add_tooltip);
      gtk_widget_add_css_class (add, "suggested-action");
      gtk_widget_set_name (add, "suggestion_add");
      reject = gtk_button_new_with_label (_("Not relevant"));
      reject_tooltip = g_strdup_printf (_("Do not suggest “%s” again for this person"), label);
      gtk_widget_set_tooltip_text (reject, reject_tooltip);
      gtk_widget_set_name (reject, "suggestion_reject");
      for (GtkWidget *b = add; b != NULL; b = b == add ? reject : NULL)
        {
          g_object_set_data (G_OBJECT (b), "page", self);
          g_object_set_data_full (G_OBJECT (b), "uri", g_strdup (s->skill_uri), g_free);
          gtk_box_append (GTK_BOX (buttons), b);
        }
      g_signal_connect (add, "clicked", G_CALLBACK (suggestion_add_cb), NULL);
      g_signal_connect (reject, "clicked", G_CALLBACK (suggestion_reject_cb), NULL);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), buttons);
      gtk_list_box_append (self->suggestions_list, row);
      shown++;
    }
  if (hidden > 0)
    {
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = g_strdup_printf (ngettext ("Show %u More Suggestion", "Show %u More Suggestions",
                                                          hidden), hidden);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-down-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_widget_set_name (row, "more_suggestions");
      g_signal_connect_swapped (row, "activated", G_CALLBACK (show_all_suggestions_cb), self);
      gtk_list_box_append (self->suggestions_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->suggestions_group), shown > 0);
}

static void
suggestions_ready_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr (GError) error = NULL;
  GPtrArray *suggestions = g_task_propagate_pointer (G_TASK (result), &error);
  PaCompetencesPage *self;

  if (suggestions == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = PA_COMPETENCES_PAGE (user_data);
  self->suggesting = FALSE;
  g_clear_pointer (&self->suggestions, g_ptr_array_unref);
  self->suggestions = suggestions;
  if (suggestions == NULL)
    {
      adw_preferences_group_set_description (self->suggestions_group, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->suggestions_group), TRUE);
      return;
    }
  update_view (self);
}

static void
start_suggestions (PaCompetencesPage *self)
{
  g_autoptr (GTask) task = NULL;
  SuggestJob *job;

  g_cancellable_cancel (self->suggest_cancellable);
  g_clear_object (&self->suggest_cancellable);
  if (page_store (self) == NULL || page_case_id (self) == 0)
    return;
  self->suggest_cancellable = g_cancellable_new ();
  job = g_new0 (SuggestJob, 1);
  job->engine = suggest_engine_for_store (page_store (self));
  job->case_id = page_case_id (self);
  job->language = g_strdup (self->language);
  task = g_task_new (NULL, self->suggest_cancellable, suggestions_ready_cb, self);
  g_task_set_task_data (task, job, (GDestroyNotify) suggest_job_free);
  self->suggesting = TRUE;
  g_task_run_in_thread (task, suggest_thread);
}

/* The view */

static void
update_view (PaCompetencesPage *self)
{
  PaStore *store = page_store (self);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) claims = NULL;
  g_autoptr (GPtrArray) frameworks = NULL;
  g_autoptr (GPtrArray) evidence = NULL;
  g_autoptr (GHashTable) titles = NULL;
  g_autoptr (GHashTable) evidence_titles = NULL;
  g_autoptr (GPtrArray) order = g_ptr_array_new ();
  g_autoptr (GHashTable) groups = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *summary = NULL;
  guint n_certified = 0;

  pa_certificates_group_set_case (self->certificates_group, store, page_case_id (self));
  remove_all_children (self->claims_box);
  if (store == NULL || page_case_id (self) == 0)
    return;

  claims = pa_store_claim_list (store, page_case_id (self), &error);
  if (claims == NULL)
    {
      adw_preferences_group_set_description (self->summary_group, error->message);
      gtk_stack_set_visible_child_name (self->stack, "list");
      return;
    }
  frameworks = pa_frameworks_list (store, NULL);
  titles = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; frameworks != NULL && i < frameworks->len; i++)
    {
      PaFrameworkInfo *info = g_ptr_array_index (frameworks, i);
      g_hash_table_insert (titles, info->code,
                           (gpointer) pa_framework_display_title (info->code, info->title));
    }
  evidence = pa_store_evidence_list (store, page_case_id (self), NULL);
  evidence_titles = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; evidence != NULL && i < evidence->len; i++)
    {
      PaEvidence *item = g_ptr_array_index (evidence, i);
      g_hash_table_insert (evidence_titles, &item->id, item->title);
    }

  for (guint i = 0; i < claims->len; i++)
    {
      PaClaim *claim = g_ptr_array_index (claims, i);
      GtkWidget *group = g_hash_table_lookup (groups, claim->framework);

      if (group == NULL)
        {
          const char *title = g_hash_table_lookup (titles, claim->framework);

          g_autofree char *fallback = NULL;

          /* Claims on ESCO skills can come before ESCO is imported (the demo,
           * a backup from another centre): the framework still has a name. */
          if (title == NULL)
            fallback = g_str_equal (claim->framework, "esco")
                       ? g_strdup (_("ESCO: European Skills, Competences, Qualifications and Occupations"))
                       : g_ascii_strup (claim->framework, -1);
          group = adw_preferences_group_new ();
          adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title != NULL ? title : fallback);
          g_hash_table_insert (groups, claim->framework, group);
          g_ptr_array_add (order, group);
        }
      if (claim->stage == PA_STAGE_CERTIFIED)
        n_certified++;
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), build_claim_row (self, claim, evidence_titles));
    }
  for (guint i = 0; i < order->len; i++)
    gtk_box_append (GTK_BOX (self->claims_box), g_ptr_array_index (order, i));

  summary = pa_ui_stage_summary (claims->len, n_certified);
  adw_preferences_group_set_description (self->summary_group, claims->len > 0 ? summary : NULL);
  fill_suggestions (self);
  gtk_stack_set_visible_child_name (self->stack, claims->len > 0 || self->show_list ? "list" : "empty");
}

/* Callbacks */

static void
concept_chosen_cb (const char *uri,
                   const char *label,
                   gpointer    user_data)
{
  g_autoptr (PaCompetencesPage) self = user_data;
  g_autoptr (PaConcept) concept = NULL;
  g_autoptr (PaClaim) claim = NULL;
  g_autoptr (GError) error = NULL;

  if (uri == NULL || page_store (self) == NULL || page_case_id (self) == 0)
    return;
  concept = pa_frameworks_get_concept (page_store (self), uri, self->language, &error);
  if (concept == NULL)
    {
      pa_case_page_toast (PA_CASE_PAGE (self), error->message);
      return;
    }
  claim = pa_claim_new ();
  claim->case_id = page_case_id (self);
  claim->framework = g_strdup (concept->framework);
  claim->item_uri = g_strdup (uri);
  claim->label = g_strdup (label != NULL ? label : concept->ref.label);
  if (!pa_store_claim_add (page_store (self), claim, NULL, NULL, &error))
    {
      pa_case_page_toast (PA_CASE_PAGE (self), error->message);
      return;
    }
  g_hash_table_add (self->expanded, g_strdup (uri));
  update_view (self);
}

static void
add_clicked_cb (PaCompetencesPage *self)
{
  if (page_store (self) == NULL)
    return;
  pa_concept_picker_run (GTK_WIDGET (self), page_store (self), PA_CONCEPT_KINDS_SKILLS,
                         _("Add Competence"), concept_chosen_cb, g_object_ref (self));
}

static void
see_suggestions_cb (PaCompetencesPage *self)
{
  self->show_list = TRUE;
  update_view (self);
  if (!gtk_widget_get_visible (GTK_WIDGET (self->suggestions_group)))
    {
      adw_preferences_group_set_description (self->suggestions_group,
                                             self->suggesting
                                             ? _("Looking through the experiences…")
                                             : _("No suggestions: add experiences to the case, with their occupation, to get some."));
      gtk_widget_set_visible (GTK_WIDGET (self->suggestions_group), TRUE);
    }
}

static void
pa_competences_page_reload (PaCasePage *page)
{
  PaCompetencesPage *self = PA_COMPETENCES_PAGE (page);

  /* Another case: its own rows open, its own suggestions. */
  if (self->shown_case != page_case_id (self))
    {
      g_hash_table_remove_all (self->expanded);
      g_clear_pointer (&self->suggestions, g_ptr_array_unref);
      self->show_list = FALSE;
      self->all_suggestions = FALSE;
      self->shown_case = page_case_id (self);
    }
  adw_preferences_group_set_description (self->suggestions_group,
                                         _("Each suggestion says which experience it comes from. Add it, "
                                           "or mark it as not relevant for this person."));
  update_view (self);
  start_suggestions (self);
}

static void
pa_competences_page_dispose (GObject *object)
{
  PaCompetencesPage *self = PA_COMPETENCES_PAGE (object);

  g_cancellable_cancel (self->suggest_cancellable);
  g_clear_object (&self->suggest_cancellable);
  g_clear_pointer (&self->suggestions, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (object), PA_TYPE_COMPETENCES_PAGE);

  G_OBJECT_CLASS (pa_competences_page_parent_class)->dispose (object);
}

static void
pa_competences_page_finalize (GObject *object)
{
  PaCompetencesPage *self = PA_COMPETENCES_PAGE (object);

  g_clear_pointer (&self->expanded, g_hash_table_unref);
  g_free (self->language);

  G_OBJECT_CLASS (pa_competences_page_parent_class)->finalize (object);
}

static void
pa_competences_page_class_init (PaCompetencesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  PaCasePageClass *page_class = PA_CASE_PAGE_CLASS (klass);

  object_class->dispose = pa_competences_page_dispose;
  object_class->finalize = pa_competences_page_finalize;
  g_type_ensure (PA_TYPE_CERTIFICATES_GROUP);
  page_class->reload = pa_competences_page_reload;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/passerelle/Passerelle/pa-competences-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PaCompetencesPage, stack);
  gtk_widget_class_bind_template_child (widget_class, PaCompetencesPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, PaCompetencesPage, content_box);
  gtk_widget_class_bind_template_child (widget_class, PaCompetencesPage, suggestions_group);
  gtk_widget_class_bind_template_child (widget_class, PaCompetencesPage, suggestions_list);
  gtk_widget_class_bind_template_child (widget_class, PaCompetencesPage, summary_group);
  gtk_widget_class_bind_template_child (widget_class, PaCompetencesPage, add_button);
  gtk_widget_class_bind_template_child (widget_class, PaCompetencesPage, claims_box);
  gtk_widget_class_bind_template_child (widget_class, PaCompetencesPage, certificates_group);
  gtk_widget_class_bind_template_callback (widget_class, add_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, see_suggestions_cb);
}

static void
pa_competences_page_init (PaCompetencesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->expanded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->language = pa_concept_picker_default_language ();
  gtk_widget_set_visible (GTK_WIDGET (self->suggestions_group), FALSE);
}

GtkWidget *
pa_competences_page_new (void)
{
  return g_object_new (PA_TYPE_COMPETENCES_PAGE, NULL);
}

/* Whether suggestions are being worked out now. */
gboolean
pa_competences_page_is_suggesting (PaCompetencesPage *self)
{
  g_return_val_if_fail (PA_IS_COMPETENCES_PAGE (self), FALSE);
  return self->suggesting;
}

/* The suggestions shown. */
guint
pa_competences_page_get_n_suggestions (PaCompetencesPage *self)
{
  g_return_val_if_fail (PA_IS_COMPETENCES_PAGE (self), 0);
  if (!gtk_widget_get_visible (GTK_WIDGET (self->suggestions_group)))
    return 0;
  return count_rows (self->suggestions_list);
}

/* The row of the claim on @item_uri, or NULL. */
GtkWidget *
pa_competences_page_get_claim_row (PaCompetencesPage *self,
                                   const char        *item_uri)
{
  g_return_val_if_fail (PA_IS_COMPETENCES_PAGE (self), NULL);

  for (GtkWidget *group = gtk_widget_get_first_child (self->claims_box); group != NULL;
       group = gtk_widget_get_next_sibling (group))
    {
      GtkWidget *row = find_row (group, item_uri);
      if (row != NULL)
        return row;
    }
  return NULL;
}

/* Opens the dialog that moves the claim to its next stage, as its row's
 * action does. */
GtkWindow *
pa_competences_page_advance (PaCompetencesPage *self,
                             gint64             claim_id)
{
  g_return_val_if_fail (PA_IS_COMPETENCES_PAGE (self), NULL);
  return open_advance_dialog (self, claim_id);
}
