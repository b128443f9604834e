/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "passerelle"

#include "config.h"

#include <glib/gi18n.h>

#include "pa-case-page.h"
#include "pa-certificates-group.h"
#include "pa-certificates.h"
#include "pa-iso-codes.h"
#include "pa-print-operation.h"
#include "pa-ui-utils.h"

/* The certificates issued for a case, valid or revoked, each of which can be
 * printed again as it was issued, or revoked with a reason. */
struct _PaCertificatesGroup
{
  GtkWidget parent_instance;

  PaStore *store;
  gint64 case_id;
  guint n_certificates;

  AdwPreferencesGroup *group;
  GtkListBox *list;
};

G_DEFINE_FINAL_TYPE (PaCertificatesGroup, pa_certificates_group, GTK_TYPE_WIDGET)

static void reload (PaCertificatesGroup *self);

/* Through the case section the list stands in, as its own messages. */
static void
toast (PaCertificatesGroup *self,
       const char          *message)
{
  GtkWidget *page = gtk_widget_get_ancestor (GTK_WIDGET (self), PA_TYPE_CASE_PAGE);

  if (page != NULL)
    pa_case_page_toast (PA_CASE_PAGE (page), message);
  else
    g_message ("%s", message);
}

/* "Issued on 23 November 2026 · French + Arabic", or why it is revoked. */
static char *
certificate_subtitle (const PaIssuedCertificate *certificate)
{
  g_autofree char *noon = g_strconcat (certificate->issued_on, "T12:00:00Z", NULL);
  g_autofree char *issued = pa_ui_format_date (noon);
  const char *first = pa_iso_language_name (certificate->language);
  const char *second = certificate->second_language
                       ? pa_iso_language_name (certificate->second_language) : NULL;
  g_autofree char *languages = second
    /* Translators: the two languages of a bilingual certificate. */
    ? g_strdup_printf (_("%s + %s"), first ? first : certificate->language, second)
    : g_strdup (first ? first : certificate->language);

  if (certificate->revoked_on != NULL)
    {
      g_autofree char *revoked = pa_ui_format_date (certificate->revoked_on);
      /* Translators: a revoked certificate: its languages, the date and the reason. */
      return g_strdup_printf (_("%s · Revoked on %s: %s"), languages, revoked,
                              certificate->revoked_reason ? certificate->revoked_reason : "");
    }
  /* Translators: a valid certificate: its date and languages. */
  return g_strdup_printf (_("Issued on %s · %s"), issued, languages);
}

static void
print_clicked_cb (GtkButton           *button,
                  PaCertificatesGroup *self)
{
  const char *number = g_object_get_data (G_OBJECT (button), "number");
  g_autoptr (PaIssuedCertificate) certificate = NULL;
  g_autoptr (PaPrintOperation) operation = NULL;
  g_autoptr (GError) error = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  certificate = pa_store_certificate_get (self->store, number, &error);
  if (certificate != NULL)
    operation = pa_print_operation_new_issued_certificate (self->store, certificate);
  if (operation == NULL ||
      pa_print_operation_run_dialog (operation, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                     &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    toast (self, error->message);
}

static void
reason_changed_cb (GtkEditable      *entry,
                   AdwMessageDialog *dialog)
{
  g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "revoke", *reason != '\0');
}

static void
revoke_response_cb (AdwMessageDialog    *dialog,
                    const char          *response,
                    PaCertificatesGroup *self)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  const char *number = g_object_get_data (G_OBJECT (dialog), "number");
  g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  g_autoptr (GError) error = NULL;

  if (g_strcmp0 (response, "revoke") != 0 || self->store == NULL)
    return;
  if (!pa_store_certificate_revoke (self->store, number, reason, &error))
    toast (self, error->message);
  reload (self);
}

static void
revoke_clicked_cb (GtkButton           *button,
                   PaCertificatesGroup *self)
{
  pa_certificates_group_revoke (self, g_object_get_data (G_OBJECT (button), "number"));
}

static GtkWidget *
certificate_row (PaCertificatesGroup       *self,
                 const PaIssuedCertificate *certificate)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *print = gtk_button_new_with_mnemonic (_("_Print…"));
  g_autofree char *subtitle = certificate_subtitle (certificate);
  g_autofree char *print_name = g_strdup_printf (_("Print certificate %s again"),
                                                 certificate->number);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), certificate->number);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (print, GTK_ALIGN_CENTER);
  g_object_set_data_full (G_OBJECT (print), "number", g_strdup (certificate->number), g_free);
  gtk_accessible_update_property (GTK_ACCESSIBLE (print), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  print_name, -1);
  g_signal_connect (print, "clicked", G_CALLBACK (print_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), print);
  if (certificate->revoked_on == NULL)
    {
      GtkWidget *revoke = gtk_button_new_with_mnemonic (_("_Revoke…"));
      g_autofree char *revoke_name = g_strdup_printf (_("Revoke certificate %s"),
                                                      certificate->number);

      gtk_widget_set_valign (revoke, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (revoke, "destructive-action");
      g_object_set_data_full (G_OBJECT (revoke), "number", g_strdup (certificate->number),
                              g_free);
      gtk_accessible_update_property (GTK_ACCESSIBLE (revoke), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      revoke_name, -1);
      g_signal_connect (revoke, "clicked", G_CALLBACK (revoke_clicked_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), revoke);
    }
  return row;
}

static void
reload (PaCertificatesGroup *self)
{
  g_autoptr (GPtrArray) certificates = NULL;
  g_autoptr (GError) error = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  self->n_certificates = 0;
  if (self->store == NULL || self->case_id == 0)
    {
      gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
      return;
    }
  certificates = pa_store_certificate_list_for_case (self->store, self->case_id, &error);
  if (certificates == NULL)
    {
      adw_preferences_group_set_description (self->group, error->message);
      return;
    }
  /* The newest first. */
  for (guint i = certificates->len; i > 0; i--)
    gtk_list_box_append (self->list, certificate_row (self, g_ptr_array_index (certificates,
                                                                                i - 1)));
  self->n_certificates = certificates->len;
  gtk_widget_set_visible (GTK_WIDGET (self), certificates->len > 0);
}

static void
pa_certificates_group_dispose (GObject *object)
{
  PaCertificatesGroup *self = PA_CERTIFICATES_GROUP (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PA_TYPE_CERTIFICATES_GROUP);
  pa_ui_unparent_children (GTK_WIDGET (self));
  g_clear_object (&self->store);

  G_OBJECT_CLASS (pa_certificates_group_parent_class)->dispose (object);
}

static void
pa_certificates_group_class_init (PaCertificatesGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pa_certificates_group_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/passerelle/Passerelle/pa-certificates-group.ui");
  gtk_widget_class_bind_template_child (widget_class, PaCertificatesGroup, group);
  gtk_widget_class_bind_template_child (widget_class, PaCertificatesGroup, list);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
pa_certificates_group_init (PaCertificatesGroup *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

GtkWidget *
pa_certificates_group_new (void)
{
  return g_object_new (PA_TYPE_CERTIFICATES_GROUP, NULL);
}

/* Lists the certificates of @case_id (none: hidden). */
void
pa_certificates_group_set_case (PaCertificatesGroup *self,
                                PaStore             *store,
                                gint64               case_id)
{
  g_return_if_fail (PA_IS_CERTIFICATES_GROUP (self));
  g_return_if_fail (store == NULL || PA_IS_STORE (store));

  g_set_object (&self->store, store);
  self->case_id = case_id;
  reload (self);
}

guint
pa_certificates_group_get_n_certificates (PaCertificatesGroup *self)
{
  g_return_val_if_fail (PA_IS_CERTIFICATES_GROUP (self), 0);
  return self->n_certificates;
}

/**
 * pa_certificates_group_revoke:
 * @number: a certificate listed
 *
 * Asks for the reason to revoke @number (what its Revoke… button does).
 * Returns: (transfer none): the dialog, shown
 */
GtkWidget *
pa_certificates_group_revoke (PaCertificatesGroup *self,
                              const char          *number)
{
  GtkRoot *root;
  GtkWidget *dialog;
  GtkWidget *entry;
  g_autofree char *heading = NULL;

  g_return_val_if_fail (PA_IS_CERTIFICATES_GROUP (self), NULL);
  g_return_val_if_fail (number != NULL, NULL);

  root = gtk_widget_get_root (GTK_WIDGET (self));
  heading = g_strdup_printf (_("Revoke Certificate %s?"), number);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading,
                                   _("A revoked certificate cannot be made valid again: its "
                                     "reprints carry a “Revoked” stamp. Say why it is revoked."));
  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Reason"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Reason"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "revoke", _("_Revoke"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "revoke",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "revoke", FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "number", g_strdup (number), g_free);
  g_signal_connect (entry, "changed", G_CALLBACK (reason_changed_cb), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (revoke_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
  return dialog;
}
