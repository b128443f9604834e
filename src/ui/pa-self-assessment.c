/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "passerelle"

#include "config.h"

#include <glib/gi18n.h>

#include "pa-builtin-frameworks.h"
#include "pa-edit-rows.h"
#include "pa-framework-xml.h"
#include "pa-frameworks.h"
#include "pa-iso-codes.h"
#include "pa-records.h"
#include "pa-self-assessment.h"
#include "pa-store-records.h"

/* Self-assessment with the participant: a full window of large cards, one per
 * migration meta-competence and transversal skill, each with a pictogram, its
 * name in the participant's language above the trainer's, and four big rating
 * buttons with symbols. A rating is saved at once as a claim at stage
 * Identified (method self-assessment, level "N/4"); rating again changes that
 * claim's level. Claims already documented or assessed are shown, not
 * changed. Esc or Done leaves. */

#define N_RATINGS 4

typedef struct
{
  PaSelfAssessment *self;
  const PaFrameworkItem *item;
  char *uri;
  GtkWidget *participant_label;
  GtkWidget *trainer_label;
  GtkWidget *buttons[N_RATINGS];
  GtkWidget *status_label;
  gint64 claim_id;
  int stage;
} Card;

struct _PaSelfAssessment
{
  AdwWindow parent_instance;

  PaStore *store;
  PaCase *kase;
  PaFrameworkDoc *doc;
  GPtrArray *cards;
  char *language;
  char **trainer_chain;
  gboolean syncing;

  AdwToastOverlay *toast_overlay;
  GtkDropDown *language_dropdown;
  AdwWindowTitle *window_title;
  GtkLabel *hint_label;
  GtkFlowBox *flow_box;
};

G_DEFINE_FINAL_TYPE (PaSelfAssessment, pa_self_assessment, ADW_TYPE_WINDOW)

/* The languages the cards are written in (see data/frameworks/transversal.xml). */
static const char *const card_languages[] = { "ar", "de", "en", "es", "fr", "it", "nl", NULL };

/* Pictograms for the cards, from the icon theme every GNOME system has. */
static const struct { const char *code; const char *icon; } pictograms[] = {
  { "carry-out-calculations", "accessories-calculator-symbolic" },
  { "conduct-web-searches", "web-browser-symbolic" },
  { "use-communication-and-collaboration-software", "chat-message-new-symbolic" },
  { "apply-digital-security-measures", "channel-secure-symbolic" },
  { "solve-problems", "applications-engineering-symbolic" },
  { "identify-problems", "edit-find-symbolic" },
  { "think-critically", "dialog-question-symbolic" },
  { "think-creatively", "applications-graphics-symbolic" },
  { "plan", "x-office-calendar-symbolic" },
  { "organise-information-objects-and-resources", "folder-symbolic" },
  { "adapt-to-change", "view-refresh-symbolic" },
  { "cope-with-stress", "weather-storm-symbolic" },
  { "cope-with-uncertainty", "weather-fog-symbolic" },
  { "manage-time", "alarm-symbolic" },
  { "work-independently", "avatar-default-symbolic" },
  { "meet-commitments", "task-due-symbolic" },
  { "show-initiative", "media-playback-start-symbolic" },
  { "demonstrate-willingness-to-learn", "accessories-dictionary-symbolic" },
  { "accept-criticism-and-guidance", "mail-replied-symbolic" },
  { "exercise-self-reflection", "face-glasses-symbolic" },
  { "make-decisions", "emblem-ok-symbolic" },
  { "attend-to-detail", "zoom-in-symbolic" },
  { "address-an-audience", "x-office-presentation-symbolic" },
  { "negotiate-compromises", "object-flip-horizontal-symbolic" },
  { "resolve-conflicts", "face-smile-symbolic" },
  { "show-empathy", "emote-love-symbolic" },
  { "advise-others", "user-info-symbolic" },
  { "instruct-others", "help-browser-symbolic" },
  { "ensure-customer-orientation", "face-smile-big-symbolic" },
  { "work-in-teams", "system-users-symbolic" },
  { "build-networks", "network-workgroup-symbolic" },
  { "demonstrate-intercultural-competence", "preferences-desktop-locale-symbolic" },
  { "lead-others", "starred-symbolic" },
  { "motivate-others", "emoji-activities-symbolic" },
  { "adjust-to-physical-demands", "emoji-body-symbolic" },
  { "use-equipment-tools-or-technology-with-precision", "emblem-system-symbolic" },
  { "respect-the-diversity-of-cultural-values-and-norms", "emoji-flags-symbolic" },
  { "exercise-rights-and-responsibilities", "application-certificate-symbolic" },
  { "show-entrepreneurial-spirit", "emoji-objects-symbolic" },
  { "manage-financial-and-material-resources", "package-x-generic-symbolic" },
  { "apply-hygiene-standards", "weather-showers-symbolic" },
  { "adaptability", "object-rotate-right-symbolic" },
  { "intercultural-communication", "emoji-people-symbolic" },
  { "resilience", "weather-clear-symbolic" },
  { "autonomy", "go-jump-symbolic" },
  { "multilingual-mediation", "accessories-character-map-symbolic" },
  { "learning-unfamiliar-contexts", "find-location-symbolic" },
  { "navigating-institutions", "x-office-address-book-symbolic" },
  { "building-networks", "network-workgroup-symbolic" },
  { "planning-under-uncertainty", "weather-few-clouds-symbolic" },
  { "resourcefulness", "emoji-objects-symbolic" },
  { "self-awareness", "face-glasses-symbolic" },
};

/* The symbols carry the scale for a participant who reads neither language:
 * an empty circle up to a full one. */
static const char *const rating_symbols[N_RATINGS] = { "○", "◔", "◑", "●" };
static const char *const rating_words[N_RATINGS] = {
  N_("Not yet"), N_("A little"), N_("Quite well"), N_("Very well"),
};

static void
card_free (Card *card)
{
  g_free (card->uri);
  g_free (card);
}

static const char *
pictogram_for (const char *code)
{
  for (guint i = 0; i < G_N_ELEMENTS (pictograms); i++)
    if (g_str_equal (pictograms[i].code, code))
      return pictograms[i].icon;
  return "emblem-default-symbolic";
}

static char *
interface_language (void)
{
  g_auto (GStrv) chain = pa_edit_interface_languages ();

  return g_strdup (chain[0]);
}

static int
level_rating (const char *level)
{
  if (level != NULL && level[0] >= '1' && level[0] <= '0' + N_RATINGS && level[1] == '/')
    return level[0] - '0';
  return 0;
}

static void
set_label_language (GtkWidget  *label,
                    const char *lang)
{
  PangoAttrList *attrs = pango_attr_list_new ();

  /* Shapes the script as the language writes it (Persian, Arabic, …). */
  pango_attr_list_insert (attrs, pango_attr_language_new (pango_language_from_string (lang)));
  gtk_label_set_attributes (GTK_LABEL (label), attrs);
  pango_attr_list_unref (attrs);
}

static void
card_show_state (Card *card)
{
  gboolean editable = card->stage <= PA_STAGE_IDENTIFIED;

  for (guint i = 0; i < N_RATINGS; i++)
    gtk_widget_set_sensitive (card->buttons[i], editable);
  if (!editable)
    {
      g_autofree char *text = g_strdup_printf (_("Already %s: not changed here"),
                                               pa_stage_label (card->stage));
      gtk_label_set_text (GTK_LABEL (card->status_label), text);
      gtk_widget_remove_css_class (card->status_label, "error");
      gtk_widget_set_visible (card->status_label, TRUE);
    }
}

static void
update_labels (PaSelfAssessment *self)
{
  const char *const participant[] = { self->language, NULL };
  g_autofree char *name = NULL;

  for (guint i = 0; i < self->cards->len; i++)
    {
      Card *card = g_ptr_array_index (self->cards, i);
      const PaFrameworkText *text = pa_framework_item_get_label (card->item);
      const char *theirs = pa_framework_text_lookup_chain (text, participant);
      const char *ours = pa_framework_text_lookup_chain (text,
                                                         (const char *const *) self->trainer_chain);
      gboolean same = g_strcmp0 (theirs, ours) == 0;

      gtk_label_set_text (GTK_LABEL (card->participant_label), theirs ? theirs : ours);
      set_label_language (card->participant_label, self->language);
      gtk_label_set_text (GTK_LABEL (card->trainer_label), ours);
      gtk_widget_set_visible (card->trainer_label, !same);
      for (guint r = 0; r < N_RATINGS; r++)
        {
          g_autofree char *accessible = g_strdup_printf ("%s: %s", ours, _(rating_words[r]));
          gtk_accessible_update_property (GTK_ACCESSIBLE (card->buttons[r]),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
        }
    }
  name = g_strdup (pa_iso_language_name (self->language));
  adw_window_title_set_subtitle (self->window_title, name);
}

static void
show_error (Card       *card,
            const char *message)
{
  gtk_label_set_text (GTK_LABEL (card->status_label), message);
  gtk_widget_add_css_class (card->status_label, "error");
  gtk_widget_set_visible (card->status_label, TRUE);
}

static gboolean
save_rating (Card *card,
             int   rating)
{
  PaSelfAssessment *self = card->self;
  g_autoptr (GError) error = NULL;
  g_autofree char *level = g_strdup_printf ("%d/%d", rating, N_RATINGS);
  const char *label = pa_framework_text_lookup_chain (pa_framework_item_get_label (card->item),
                                                      (const char *const *) self->trainer_chain);

  if (card->claim_id != 0)
    {
      g_autoptr (PaClaim) claim = pa_store_claim_get (self->store, card->claim_id, &error);

      if (claim != NULL)
        {
          g_free (claim->level);
          claim->level = g_steal_pointer (&level);
          if (pa_store_claim_update (self->store, claim, &error))
            return TRUE;
        }
    }
  else
    {
      g_autoptr (PaClaim) claim = pa_claim_new ();

      claim->case_id = pa_case_get_id (self->kase);
      claim->framework = g_strdup ("transversal");
      claim->item_uri = g_strdup (card->uri);
      claim->label = g_strdup (label);
      claim->level = g_steal_pointer (&level);
      if (pa_store_claim_add (self->store, claim, "self_assessment", NULL, &error))
        {
          card->claim_id = claim->id;
          card->stage = PA_STAGE_IDENTIFIED;
          return TRUE;
        }
    }
  show_error (card, error->message);
  return FALSE;
}

static void
rating_toggled_cb (GtkToggleButton *button,
                   Card            *card)
{
  if (card->self->syncing || !gtk_toggle_button_get_active (button))
    return;
  for (int r = 0; r < N_RATINGS; r++)
    if (card->buttons[r] == GTK_WIDGET (button))
      {
        if (save_rating (card, r + 1))
          gtk_widget_set_visible (card->status_label, FALSE);
        break;
      }
}

static GtkWidget *
rating_button_new (Card *card,
                   int   index)
{
  GtkWidget *button = gtk_toggle_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *symbol = gtk_label_new (rating_symbols[index]);
  GtkWidget *word = gtk_label_new (_(rating_words[index]));

  gtk_widget_add_css_class (symbol, "pa-rating-symbol");
  gtk_widget_add_css_class (word, "pa-rating-word");
  gtk_label_set_wrap (GTK_LABEL (word), TRUE);
  gtk_label_set_justify (GTK_LABEL (word), GTK_JUSTIFY_CENTER);
  gtk_box_append (GTK_BOX (box), symbol);
  gtk_box_append (GTK_BOX (box), word);
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_set_tooltip_text (button, _(rating_words[index]));
  gtk_widget_add_css_class (button, "pa-rating");
  g_signal_connect (button, "toggled", G_CALLBACK (rating_toggled_cb), card);
  return button;
}

static GtkWidget *
card_widget_new (Card *card)
{
  const char *code = pa_framework_item_get_code (card->item);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  /* The pictogram only illustrates the names beside it. */
  GtkWidget *image = g_object_new (GTK_TYPE_IMAGE,
                                   "icon-name", pictogram_for (code),
                                   "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                   NULL);
  GtkWidget *ratings = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  gtk_widget_add_css_class (box, "card");
  gtk_widget_add_css_class (box, "pa-card");
  gtk_image_set_pixel_size (GTK_IMAGE (image), 64);
  gtk_widget_set_margin_top (image, 12);
  gtk_box_append (GTK_BOX (box), image);

  card->participant_label = gtk_label_new (NULL);
  card->trainer_label = gtk_label_new (NULL);
  gtk_widget_add_css_class (card->participant_label, "pa-card-participant");
  gtk_widget_add_css_class (card->trainer_label, "pa-card-trainer");
  for (GtkWidget *l = card->participant_label; l != NULL;
       l = l == card->participant_label ? card->trainer_label : NULL)
    {
      gtk_label_set_wrap (GTK_LABEL (l), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (l), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_justify (GTK_LABEL (l), GTK_JUSTIFY_CENTER);
      gtk_label_set_max_width_chars (GTK_LABEL (l), 18);
      gtk_widget_set_margin_start (l, 12);
      gtk_widget_set_margin_end (l, 12);
      gtk_box_append (GTK_BOX (box), l);
    }
  gtk_widget_set_vexpand (card->trainer_label, TRUE);
  gtk_widget_set_valign (card->trainer_label, GTK_ALIGN_START);

  gtk_box_set_homogeneous (GTK_BOX (ratings), TRUE);
  gtk_widget_set_margin_start (ratings, 12);
  gtk_widget_set_margin_end (ratings, 12);
  gtk_widget_set_margin_bottom (ratings, 12);
  for (int r = 0; r < N_RATINGS; r++)
    {
      card->buttons[r] = rating_button_new (card, r);
      if (r > 0)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (card->buttons[r]),
                                     GTK_TOGGLE_BUTTON (card->buttons[0]));
      gtk_box_append (GTK_BOX (ratings), card->buttons[r]);
    }
  gtk_box_append (GTK_BOX (box), ratings);

  card->status_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (card->status_label), TRUE);
  gtk_widget_set_visible (card->status_label, FALSE);
  gtk_widget_set_margin_bottom (card->status_label, 12);
  gtk_box_append (GTK_BOX (box), card->status_label);
  gtk_widget_set_size_request (box, 300, -1);
  return box;
}

static gboolean
collect_item (const PaFrameworkItem *item,
              gpointer               data)
{
  GPtrArray *items = data;
  const char *kind = pa_framework_item_get_kind (item);

  if (g_str_equal (kind, "skill") || g_str_equal (kind, "meta-competence"))
    g_ptr_array_add (items, (gpointer) item);
  return TRUE;
}

static int
compare_meta_first (gconstpointer a,
                    gconstpointer b)
{
  const PaFrameworkItem *x = *(const PaFrameworkItem **) a;
  const PaFrameworkItem *y = *(const PaFrameworkItem **) b;
  gboolean mx = g_str_equal (pa_framework_item_get_kind (x), "meta-competence");
  gboolean my = g_str_equal (pa_framework_item_get_kind (y), "meta-competence");

  return my - mx;
}

static void
build_cards (PaSelfAssessment *self)
{
  g_autoptr (GPtrArray) items = g_ptr_array_new ();
  g_autoptr (GPtrArray) claims = NULL;
  g_autoptr (GError) error = NULL;

  pa_framework_doc_foreach_item (self->doc, collect_item, items);
  /* The meta-competences of migration first: they are what the participant
   * knows best about themself. g_ptr_array_sort is stable. */
  g_ptr_array_sort (items, compare_meta_first);
  claims = pa_store_claim_list (self->store, pa_case_get_id (self->kase), &error);
  if (claims == NULL)
    {
      AdwToast *toast = adw_toast_new (error->message);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }

  self->syncing = TRUE;
  for (guint i = 0; i < items->len; i++)
    {
      const PaFrameworkItem *item = g_ptr_array_index (items, i);
      const char *esco = pa_framework_item_get_esco_uri (item);
      Card *card = g_new0 (Card, 1);
      GtkWidget *widget;

      card->self = self;
      card->item = item;
      card->uri = esco ? g_strdup (esco)
                       : pa_builtin_item_uri ("transversal", pa_framework_item_get_code (item));
      g_ptr_array_add (self->cards, card);
      widget = card_widget_new (card);
      gtk_flow_box_append (self->flow_box, widget);
      for (guint c = 0; claims != NULL && c < claims->len; c++)
        {
          PaClaim *claim = g_ptr_array_index (claims, c);
          int rating;

          if (!g_str_equal (claim->item_uri, card->uri))
            continue;
          card->claim_id = claim->id;
          card->stage = claim->stage;
          rating = level_rating (claim->level);
          if (rating > 0)
            gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (card->buttons[rating - 1]), TRUE);
        }
      card_show_state (card);
    }
  self->syncing = FALSE;
}

static void
language_selected_cb (PaSelfAssessment *self)
{
  guint selected = gtk_drop_down_get_selected (self->language_dropdown);

  if (selected < g_strv_length ((char **) card_languages))
    pa_self_assessment_set_language (self, card_languages[selected]);
}

static void
pa_self_assessment_dispose (GObject *object)
{
  PaSelfAssessment *self = PA_SELF_ASSESSMENT (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PA_TYPE_SELF_ASSESSMENT);
  g_clear_object (&self->store);
  g_clear_object (&self->kase);

  G_OBJECT_CLASS (pa_self_assessment_parent_class)->dispose (object);
}

static void
pa_self_assessment_finalize (GObject *object)
{
  PaSelfAssessment *self = PA_SELF_ASSESSMENT (object);

  g_clear_pointer (&self->cards, g_ptr_array_unref);
  g_clear_pointer (&self->doc, pa_framework_doc_unref);
  g_clear_pointer (&self->language, g_free);
  g_clear_pointer (&self->trainer_chain, g_strfreev);

  G_OBJECT_CLASS (pa_self_assessment_parent_class)->finalize (object);
}

static void
pa_self_assessment_class_init (PaSelfAssessmentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pa_self_assessment_dispose;
  object_class->finalize = pa_self_assessment_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/passerelle/Passerelle/pa-self-assessment.ui");
  gtk_widget_class_bind_template_child (widget_class, PaSelfAssessment, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PaSelfAssessment, language_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PaSelfAssessment, window_title);
  gtk_widget_class_bind_template_child (widget_class, PaSelfAssessment, hint_label);
  gtk_widget_class_bind_template_child (widget_class, PaSelfAssessment, flow_box);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
pa_self_assessment_init (PaSelfAssessment *self)
{
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cards = g_ptr_array_new_with_free_func ((GDestroyNotify) card_free);
  self->trainer_chain = pa_edit_interface_languages ();
  for (guint i = 0; card_languages[i] != NULL; i++)
    gtk_string_list_append (names, pa_iso_language_name (card_languages[i]));
  gtk_drop_down_set_model (self->language_dropdown, G_LIST_MODEL (names));
  g_signal_connect_swapped (self->language_dropdown, "notify::selected",
                            G_CALLBACK (language_selected_cb), self);
}

/**
 * pa_self_assessment_new:
 * @parent: the window it covers
 *
 * Returns: (transfer none): the self-assessment of @kase, maximised over
 * @parent; the participant's language is the case's mother tongue when the
 * cards are written in it, else the trainer is asked to choose one.
 */
GtkWidget *
pa_self_assessment_new (GtkWindow *parent,
                        PaStore   *store,
                        PaCase    *kase)
{
  PaSelfAssessment *self;
  g_autoptr (GPtrArray) languages = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *ui = interface_language ();
  const char *mother = NULL;
  const char *chosen = NULL;

  g_return_val_if_fail (PA_IS_STORE (store), NULL);
  g_return_val_if_fail (PA_IS_CASE (kase), NULL);

  self = g_object_new (PA_TYPE_SELF_ASSESSMENT, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->kase = g_object_ref (kase);
  self->doc = pa_framework_doc_load_builtin ("transversal", &error);
  if (self->doc == NULL)
    g_critical ("The built-in transversal skills cannot be read: %s", error->message);
  else
    build_cards (self);

  languages = pa_store_language_list (store, pa_case_get_id (kase), NULL);
  for (guint i = 0; languages != NULL && i < languages->len; i++)
    {
      PaCaseLanguage *language = g_ptr_array_index (languages, i);

      if (!g_strv_contains (card_languages, language->language))
        {
          if (language->mother_tongue && mother == NULL)
            mother = language->language;
          continue;
        }
      if (language->mother_tongue || chosen == NULL)
        chosen = language->language;
    }
  /* A participant's mother tongue comes first; another language they speak
   * will do; the trainer is asked when the cards speak none of them. */
  pa_self_assessment_set_language (self, chosen ? chosen
                                                : g_strv_contains (card_languages, ui) ? ui : "en");
  if (mother != NULL)
    {
      g_autofree char *hint = g_strdup_printf (_("The cards are not written in %s yet: choose a "
                                                 "language the participant reads."),
                                               pa_iso_language_name (mother));
      gtk_label_set_text (self->hint_label, hint);
      gtk_widget_set_visible (GTK_WIDGET (self->hint_label), TRUE);
    }
  else if (chosen == NULL)
    {
      gtk_label_set_text (self->hint_label,
                          _("Choose a language the participant reads, at the top left."));
      gtk_widget_set_visible (GTK_WIDGET (self->hint_label), TRUE);
    }
  gtk_window_maximize (GTK_WINDOW (self));
  return GTK_WIDGET (self);
}

const char *
pa_self_assessment_get_language (PaSelfAssessment *self)
{
  g_return_val_if_fail (PA_IS_SELF_ASSESSMENT (self), NULL);
  return self->language;
}

/* Writes the cards' upper labels in @lang (one of the cards' languages). */
void
pa_self_assessment_set_language (PaSelfAssessment *self,
                                 const char       *lang)
{
  g_return_if_fail (PA_IS_SELF_ASSESSMENT (self));
  g_return_if_fail (lang != NULL);

  if (g_strcmp0 (self->language, lang) == 0)
    return;
  g_free (self->language);
  self->language = g_strdup (lang);
  for (guint i = 0; card_languages[i] != NULL; i++)
    if (g_str_equal (card_languages[i], lang) &&
        gtk_drop_down_get_selected (self->language_dropdown) != i)
      gtk_drop_down_set_selected (self->language_dropdown, i);
  if (self->doc != NULL)
    update_labels (self);
}

guint
pa_self_assessment_get_n_cards (PaSelfAssessment *self)
{
  g_return_val_if_fail (PA_IS_SELF_ASSESSMENT (self), 0);
  return self->cards->len;
}

/* @rating: 1 (not yet) to 4 (very well). */
GtkWidget *
pa_self_assessment_get_rating_button (PaSelfAssessment *self,
                                      guint             card,
                                      int               rating)
{
  g_return_val_if_fail (PA_IS_SELF_ASSESSMENT (self), NULL);
  g_return_val_if_fail (card < self->cards->len, NULL);
  g_return_val_if_fail (rating >= 1 && rating <= N_RATINGS, NULL);

  return ((Card *) g_ptr_array_index (self->cards, card))->buttons[rating - 1];
}

const char *
pa_self_assessment_get_card_uri (PaSelfAssessment *self,
                                 guint             card)
{
  g_return_val_if_fail (PA_IS_SELF_ASSESSMENT (self), NULL);
  g_return_val_if_fail (card < self->cards->len, NULL);

  return ((Card *) g_ptr_array_index (self->cards, card))->uri;
}
