/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vr-window-edit"

#include "config.h"

#include <glib/gi18n.h>

#include "vr-application-private.h"
#include "vr-window-private.h"

/* Saving, the unsaved mark's prompt on close, and undo/redo. */

typedef struct
{
  VrWindow *window;
  GFile    *file;
  gboolean  close_after;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_clear_object (&data->window);
  g_clear_object (&data->file);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SaveData, save_data_free)

static void
show_save_error (VrWindow   *self,
                 const char *message)
{
  AdwMessageDialog *dialog;

  /* Plain text: the writer's message quotes the file's name. */
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Could Not Save the Document"),
                                                       message));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  adw_message_dialog_set_default_response (dialog, "close");
  adw_message_dialog_set_close_response (dialog, "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
vr_window_save_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(SaveData) data = user_data;
  g_autoptr(GError) error = NULL;
  VrWindow *self = data->window;

  self->saving = FALSE;

  if (!vr_document_save_file_finish (VR_DOCUMENT (object), result, &error))
    {
      /* Closing waits: nothing unsaved goes without the user knowing. */
      show_save_error (self, error->message);
      return;
    }

  _vr_window_add_to_recent (self, data->file);
  _vr_window_monitor_saved (self);

  if (data->close_after)
    {
      self->close_confirmed = TRUE;
      gtk_window_close (GTK_WINDOW (self));
    }
}

void
_vr_window_save_to (VrWindow *self,
                    GFile    *file,
                    gboolean  close_after)
{
  SaveData *data;

  g_return_if_fail (VR_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->document == NULL || self->saving)
    return;

  data = g_new0 (SaveData, 1);
  data->window = g_object_ref (self);
  data->file = g_object_ref (file);
  data->close_after = close_after;

  self->saving = TRUE;
  vr_document_save_file_async (self->document, file, NULL, vr_window_save_cb, data);
}

/* The bundled sample is read-only: it is saved elsewhere. */
static gboolean
is_own_file (VrWindow *self,
             GFile    *file)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (file == NULL || !g_file_is_native (file))
    return FALSE;

  if (VR_IS_APPLICATION (app))
    {
      g_autoptr(GFile) sample = vr_application_dup_sample_file (VR_APPLICATION (app));

      if (g_file_equal (sample, file))
        return FALSE;
    }

  return TRUE;
}

static char *
suggest_name (VrWindow *self)
{
  const char *title = vr_document_get_title (self->document);
  GFile *file = vr_document_get_file (self->document);
  g_autofree char *name = NULL;

  if (is_own_file (self, file))
    return g_file_get_basename (file);

  /* A title may hold slashes and other characters no file name can. */
  name = g_strdup (title != NULL && title[0] != '\0' ? title : _("Untitled"));
  g_strdelimit (name, "/\\:*?\"<>|\n\r\t", '-');
  if (g_utf8_strlen (name, -1) > 80)
    *g_utf8_offset_to_pointer (name, 80) = '\0';

  return g_strconcat (name, ".json", NULL);
}

static void
on_save_chooser_response_cb (VrWindow             *self,
                             int                   response,
                             GtkFileChooserNative *chooser)
{
  gboolean close_after = self->close_after_save_as;

  self->close_after_save_as = FALSE;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        _vr_window_save_to (self, file, close_after);
    }

  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));
  if (self->save_chooser == chooser)
    g_clear_object (&self->save_chooser);
}

static void
save_as (VrWindow *self,
         gboolean  close_after)
{
  g_autoptr(GtkFileFilter) documents = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;
  GFile *file;

  if (self->document == NULL)
    return;

  if (self->save_chooser != NULL)
    {
      gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->save_chooser));
      return;
    }

  gtk_file_filter_set_name (documents, _("Variorum documents"));
  gtk_file_filter_add_mime_type (documents, "application/json");
  gtk_file_filter_add_suffix (documents, "json");

  chooser = gtk_file_chooser_native_new (_("Save the Document"),
                                         GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Save"),
                                         _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), documents);

  file = vr_document_get_file (self->document);
  if (is_own_file (self, file))
    {
      g_autoptr(GFile) folder = g_file_get_parent (file);

      if (folder != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
    }
  name = suggest_name (self);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);

  self->save_chooser = chooser;
  self->close_after_save_as = close_after;
  g_signal_connect_object (chooser, "response",
                           G_CALLBACK (on_save_chooser_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
save (VrWindow *self,
      gboolean  close_after)
{
  GFile *file;

  if (self->document == NULL)
    return;

  file = vr_document_get_file (self->document);
  if (is_own_file (self, file))
    {
      /* Another program changed the file: the user is asked first. */
      if (_vr_window_monitor_confirm_save (self, file, close_after))
        _vr_window_save_to (self, file, close_after);
    }
  else
    save_as (self, close_after);
}

static void
vr_window_save_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  VrWindow *self = VR_WINDOW (widget);

  if (g_str_equal (action_name, "win.save-as"))
    save_as (self, FALSE);
  else
    save (self, FALSE);
}

/* The editable text widget that has the keyboard focus, if any. The
 * window's accelerators run before the focus widget's own key bindings, so
 * win.undo gives that widget's typing the first chance. */
static GtkWidget *
get_focus_text (VrWindow *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  /* A popover that has just closed leaves the focus on its field: typing
   * can no longer go there, so Ctrl+Z is the document's again. */
  if (focus == NULL || !gtk_widget_get_mapped (focus))
    return NULL;
  if (GTK_IS_TEXT (focus) && gtk_editable_get_editable (GTK_EDITABLE (focus)))
    return focus;
  if (GTK_IS_TEXT_VIEW (focus) && gtk_text_view_get_editable (GTK_TEXT_VIEW (focus)))
    return focus;

  return NULL;
}

static char *
dup_text (GtkWidget *widget)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  if (GTK_IS_EDITABLE (widget))
    return g_strdup (gtk_editable_get_text (GTK_EDITABLE (widget)));

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
}

/* GTK's own undo of the typing in @text ("text.undo"); FALSE when there was
 * nothing to undo there, and the document's turn comes. */
static gboolean
undo_typing (GtkWidget  *text,
             const char *action_name)
{
  g_autofree char *before = dup_text (text);
  g_autofree char *after = NULL;

  gtk_widget_activate_action (text, action_name, NULL);
  after = dup_text (text);

  return g_strcmp0 (before, after) != 0;
}

static void
vr_window_undo_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  VrWindow *self = VR_WINDOW (widget);
  GtkWidget *text = get_focus_text (self);
  gboolean undo = g_str_equal (action_name, "win.undo");

  if (text != NULL && undo_typing (text, undo ? "text.undo" : "text.redo"))
    return;

  if (self->history == NULL)
    return;

  if (g_str_equal (action_name, "win.undo"))
    vr_history_undo (self->history);
  else
    vr_history_redo (self->history);
}

static gboolean
close_idle_cb (gpointer data)
{
  gtk_window_close (GTK_WINDOW (data));

  return G_SOURCE_REMOVE;
}

static void
on_close_dialog_response_cb (VrWindow         *self,
                             const char       *response,
                             AdwMessageDialog *dialog)
{
  self->close_dialog = NULL;

  /* The dialog goes with its window: close once it is done responding. */
  if (g_str_equal (response, "discard"))
    {
      self->close_confirmed = TRUE;
      g_idle_add_full (G_PRIORITY_DEFAULT, close_idle_cb, g_object_ref (self), g_object_unref);
    }
  else if (g_str_equal (response, "save"))
    save (self, TRUE);
}

gboolean
_vr_window_confirm_close (VrWindow *self)
{
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  if (self->close_confirmed ||
      self->document == NULL ||
      !vr_document_get_modified (self->document))
    return TRUE;

  if (self->close_dialog != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->close_dialog));
      return FALSE;
    }

  body = g_strdup_printf (_("“%s” has unsaved changes. Changes which are not saved will be lost."),
                          vr_document_get_title (self->document));
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Save Changes?"),
                                                       body));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response",
                           G_CALLBACK (on_close_dialog_response_cb),
                           self, G_CONNECT_SWAPPED);
  self->close_dialog = dialog;
  gtk_window_present (GTK_WINDOW (dialog));

  return FALSE;
}

static char *
escape_mnemonic (const char *label)
{
  GString *str = g_string_new (NULL);

  for (const char *p = label; *p; p++)
    {
      if (*p == '_')
        g_string_append_c (str, '_');
      g_string_append_c (str, *p);
    }

  return g_string_free (str, FALSE);
}

static void
update_edit_menu (VrWindow *self)
{
  const char *undo = self->history ? vr_history_get_undo_label (self->history) : NULL;
  const char *redo = self->history ? vr_history_get_redo_label (self->history) : NULL;
  g_autofree char *undo_label = NULL;
  g_autofree char *redo_label = NULL;

  if (undo != NULL)
    {
      g_autofree char *escaped = escape_mnemonic (undo);

      /* Translators: a menu item, "Undo Tag “Yun”" */
      undo_label = g_strdup_printf (_("_Undo %s"), escaped);
    }
  if (redo != NULL)
    {
      g_autofree char *escaped = escape_mnemonic (redo);

      /* Translators: a menu item, "Redo Tag “Yun”" */
      redo_label = g_strdup_printf (_("_Redo %s"), escaped);
    }

  g_menu_remove_all (self->edit_section);
  g_menu_append (self->edit_section, undo_label ? undo_label : _("_Undo"), "win.undo");
  g_menu_append (self->edit_section, redo_label ? redo_label : _("_Redo"), "win.redo");
}

void
_vr_window_edit_update (VrWindow *self)
{
  gboolean has_document = self->document != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save", has_document);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-as", has_document);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                 self->history && vr_history_get_can_undo (self->history));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo",
                                 self->history && vr_history_get_can_redo (self->history));
  update_edit_menu (self);
  _vr_window_annotate_update (self);
}

static void
on_history_notify_cb (VrWindow   *self,
                      GParamSpec *pspec,
                      VrHistory  *history)
{
  _vr_window_edit_update (self);
}

void
_vr_window_edit_set_document (VrWindow   *self,
                              VrDocument *document)
{
  if (self->history != NULL)
    g_signal_handlers_disconnect_by_func (self->history, on_history_notify_cb, self);
  g_clear_object (&self->history);
  self->close_confirmed = FALSE;

  if (document != NULL)
    {
      self->history = vr_history_new (document);
      g_signal_connect_object (self->history, "notify",
                               G_CALLBACK (on_history_notify_cb),
                               self, G_CONNECT_SWAPPED);
    }

  _vr_window_edit_update (self);
}

void
_vr_window_edit_dispose (VrWindow *self)
{
  if (self->tag_popover != NULL && gtk_widget_get_parent (self->tag_popover) != NULL)
    gtk_widget_unparent (self->tag_popover);
  g_clear_weak_pointer (&self->tag_popover);

  if (self->history != NULL)
    g_signal_handlers_disconnect_by_func (self->history, on_history_notify_cb, self);
  g_clear_object (&self->history);

  if (self->save_chooser != NULL)
    {
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->save_chooser));
      g_clear_object (&self->save_chooser);
    }
}

void
_vr_window_class_edit_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.save", NULL, vr_window_save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, vr_window_save_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, vr_window_undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, vr_window_undo_action);
  _vr_window_class_annotate_init (widget_class);
}

VrHistory *
vr_window_get_history (VrWindow *self)
{
  g_return_val_if_fail (VR_IS_WINDOW (self), NULL);

  return self->history;
}

void
vr_window_push_command (VrWindow  *self,
                        VrCommand *command)
{
  g_return_if_fail (VR_IS_WINDOW (self));
  g_return_if_fail (VR_IS_COMMAND (command));
  g_return_if_fail (self->history != NULL);

  vr_history_push (self->history, command);
}

GtkFileChooserNative *
_vr_window_get_save_chooser (VrWindow *self)
{
  return self->save_chooser;
}

AdwMessageDialog *
_vr_window_get_close_dialog (VrWindow *self)
{
  return self->close_dialog;
}
