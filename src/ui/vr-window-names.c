/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Reconciling names from the window: accepting and rejecting the names
 * engine's suggestions, and File → Import… of an archive page's text. */
#define G_LOG_DOMAIN "vr-window-names"

#include "config.h"

#include <glib/gi18n.h>

#include "vr-window-private.h"
#include "names/vr-suggestions-view.h"

/* A toast that offers to undo the edit it reports. */
static void
add_undo_toast (VrWindow   *self,
                const char *message)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static char *
describe_accept (VrSuggestion *suggestion)
{
  GPtrArray *entities = vr_suggestion_get_entities (suggestion);
  const char *kept = vr_entity_get_name (g_ptr_array_index (entities, 0));

  if (entities->len == 2)
    /* Translators: a toast after accepting a suggestion */
    return g_strdup_printf (_("Merged “%s” into “%s”"),
                            vr_entity_get_name (g_ptr_array_index (entities, 1)), kept);

  /* Translators: a toast after accepting a suggestion of several entities */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Merged %u entity into “%s”",
                                       "Merged %u entities into “%s”",
                                       entities->len - 1),
                          entities->len - 1, kept);
}

static char *
describe_reject (VrSuggestion *suggestion)
{
  GPtrArray *entities = vr_suggestion_get_entities (suggestion);

  if (entities->len == 2)
    /* Translators: a toast after rejecting a suggestion */
    return g_strdup_printf (_("Marked “%s” and “%s” as different people"),
                            vr_entity_get_name (g_ptr_array_index (entities, 0)),
                            vr_entity_get_name (g_ptr_array_index (entities, 1)));

  /* Translators: a toast after rejecting a suggestion of several entities */
  return g_strdup_printf (_("Marked %u entities as different people"), entities->len);
}

static void
vr_window_suggestion_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *param)
{
  VrWindow *self = VR_WINDOW (widget);
  VrSuggestionsView *view;
  g_autoptr(VrSuggestion) suggestion = NULL;
  g_autoptr(VrCommand) command = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  gboolean accept = g_str_equal (action_name, "win.accept-suggestion");
  guint position = g_variant_get_uint32 (param);

  if (self->document == NULL || self->history == NULL)
    return;

  view = VR_SUGGESTIONS_VIEW (vr_reader_view_get_suggestions_view (self->reader_view));
  if (position >= vr_suggestions_view_get_n_suggestions (view))
    return;
  suggestion = g_object_ref (vr_suggestions_view_get_suggestion (view, position));

  if (accept)
    command = vr_reconcile_accept (self->document, suggestion, &error);
  else
    command = vr_reconcile_reject (self->document, suggestion, &error);
  if (command == NULL)
    {
      vr_window_add_toast (self, error->message);
      return;
    }

  message = accept ? describe_accept (suggestion) : describe_reject (suggestion);
  vr_window_push_command (self, command);
  add_undo_toast (self, message);
}

/* Import */

static void
show_import_error (VrWindow   *self,
                   const char *message)
{
  AdwMessageDialog *dialog;

  /* The body is plain text: the importer's message quotes the file's name. */
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Could Not Import the File"),
                                                       message));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  adw_message_dialog_set_default_response (dialog, "close");
  adw_message_dialog_set_close_response (dialog, "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

static guint
count_people (VrDocument *document)
{
  GListModel *entities = vr_document_get_entities (document);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (entities); i++)
    {
      g_autoptr(VrEntity) entity = g_list_model_get_item (entities, i);

      if (vr_entity_get_kind (entity) == VR_ENTITY_KIND_PERSON)
        n++;
    }
  return n;
}

static void
import_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(VrWindow) self = user_data;
  g_autoptr(VrDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  GCancellable *cancellable = g_task_get_cancellable (G_TASK (result));
  VrWindow *target = self;
  guint n_people;

  document = vr_import_archive_file_finish (result, &error);

  /* A load, another import or the window's end replaced this one. */
  if (cancellable != self->load_cancellable)
    return;

  _vr_window_set_loading (self, NULL);

  if (document == NULL)
    {
      show_import_error (self, error->message);
      return;
    }

  /* Nothing of it is saved yet: Save asks where, and closing asks first. */
  vr_document_set_modified (document, TRUE);

  /* Unsaved changes are never replaced: the import gets its own window. */
  if (self->document != NULL && vr_document_get_modified (self->document))
    {
      GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

      if (app != NULL)
        target = vr_window_new (app);
    }

  vr_window_set_document (target, document);
  gtk_window_present (GTK_WINDOW (target));

  n_people = count_people (document);
  /* Translators: a toast after File → Import… */
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "Imported with %u person found",
                                          "Imported with %u people found",
                                          n_people),
                             n_people);
  vr_window_add_toast (target, message);
}

void
_vr_window_import_file (VrWindow *self,
                        GFile    *file)
{
  g_autoptr(GCancellable) cancellable = NULL;

  g_return_if_fail (VR_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  cancellable = g_cancellable_new ();
  _vr_window_set_loading (self, cancellable);
  vr_import_archive_file_async (file, NULL, cancellable, import_cb, g_object_ref (self));
}

static void
on_import_chooser_response_cb (VrWindow             *self,
                               int                   response,
                               GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        _vr_window_import_file (self, file);
    }

  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));
  g_object_unref (chooser);
}

static void
vr_window_import_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  VrWindow *self = VR_WINDOW (widget);
  g_autoptr(GtkFileFilter) text = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  gtk_file_filter_set_name (text, _("Text files"));
  gtk_file_filter_add_mime_type (text, "text/plain");
  gtk_file_filter_add_suffix (text, "txt");
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");

  chooser = gtk_file_chooser_native_new (_("Import an Archive Page"),
                                         GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Import"),
                                         _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), text);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (chooser), text);

  g_signal_connect_object (chooser, "response",
                           G_CALLBACK (on_import_chooser_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
_vr_window_class_names_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.accept-suggestion", "u",
                                   vr_window_suggestion_action);
  gtk_widget_class_install_action (widget_class, "win.reject-suggestion", "u",
                                   vr_window_suggestion_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, vr_window_import_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.import", NULL);
}
