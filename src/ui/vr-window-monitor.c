/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vr-window-monitor"

#include "config.h"

#include <glib/gi18n.h>

#include "vr-window-private.h"

/* The open file changed on disk: a bar says so and offers Reload or Keep
 * Mine, and Save asks before replacing another program's version. What the
 * file was when we last loaded or saved it is its "stamp" (etag and size);
 * our own saves move the stamp, so they never raise the bar. */

static char *
dup_stamp (GFile *file)
{
  g_autoptr(GFileInfo) info = NULL;

  if (file == NULL)
    return NULL;

  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_ETAG_VALUE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (info == NULL)
    return NULL;

  return g_strdup_printf ("%s:%" G_GOFFSET_FORMAT,
                          g_file_info_get_etag (info) ? g_file_info_get_etag (info) : "",
                          g_file_info_get_size (info));
}

static void
record_stamp (VrWindow *self)
{
  GFile *file = self->document ? vr_document_get_file (self->document) : NULL;

  g_clear_pointer (&self->monitor_stamp, g_free);
  self->monitor_stamp = dup_stamp (file);
}

static void
hide_bar (VrWindow *self)
{
  gtk_revealer_set_reveal_child (self->external_revealer, FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.reload", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.keep-mine", FALSE);
}

static void
show_bar (VrWindow *self,
          gboolean  deleted)
{
  if (deleted)
    gtk_label_set_text (self->external_label,
                        _("The file was deleted or moved by another program. Save writes it again."));
  else
    gtk_label_set_text (self->external_label,
                        _("The file was changed by another program."));

  gtk_widget_set_visible (GTK_WIDGET (self->external_reload_button), !deleted);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.reload", !deleted);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.keep-mine", TRUE);
  gtk_revealer_set_reveal_child (self->external_revealer, TRUE);
}

/* TRUE when the file on disk is not what we last loaded or saved. */
static gboolean
changed_on_disk (VrWindow *self,
                 gboolean *deleted)
{
  GFile *file = self->document ? vr_document_get_file (self->document) : NULL;
  g_autofree char *stamp = dup_stamp (file);

  *deleted = file != NULL && stamp == NULL && self->monitor_stamp != NULL;

  return file != NULL && g_strcmp0 (stamp, self->monitor_stamp) != 0;
}

static void
on_monitor_changed_cb (VrWindow          *self,
                       GFile             *file,
                       GFile             *other_file,
                       GFileMonitorEvent  event,
                       GFileMonitor      *monitor)
{
  gboolean deleted;

  /* Our own save renames over the file: its stamp is taken when done. */
  if (self->saving || event == G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED)
    return;

  if (changed_on_disk (self, &deleted))
    show_bar (self, deleted);
}

static void
watch_file (VrWindow *self)
{
  GFile *file = self->document ? vr_document_get_file (self->document) : NULL;
  g_autoptr(GError) error = NULL;

  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->monitor, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }

  record_stamp (self);
  hide_bar (self);

  if (file == NULL)
    return;

  self->monitor = g_file_monitor_file (file, G_FILE_MONITOR_WATCH_MOVES, NULL, &error);
  if (self->monitor == NULL)
    {
      g_debug ("Not watching the file: %s", error->message);
      return;
    }
  g_signal_connect_object (self->monitor, "changed",
                           G_CALLBACK (on_monitor_changed_cb),
                           self, G_CONNECT_SWAPPED);
}

static void
on_document_notify_file_cb (VrWindow   *self,
                            GParamSpec *pspec,
                            VrDocument *document)
{
  watch_file (self);
}

void
_vr_window_monitor_set_document (VrWindow   *self,
                                 VrDocument *document)
{
  if (self->monitor_document != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->monitor_document, self);
      g_clear_object (&self->monitor_document);
    }

  if (self->external_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->external_dialog));

  if (document != NULL)
    {
      self->monitor_document = g_object_ref (document);
      g_signal_connect_object (document, "notify::file",
                               G_CALLBACK (on_document_notify_file_cb),
                               self, G_CONNECT_SWAPPED);
    }

  watch_file (self);
}

void
_vr_window_monitor_saved (VrWindow *self)
{
  g_return_if_fail (VR_IS_WINDOW (self));

  record_stamp (self);
  hide_bar (self);
}

/* ---- Save over another program's version -------------------------------- */

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

static void
on_overwrite_response_cb (AdwMessageDialog *dialog,
                          const char       *response,
                          SaveData         *data)
{
  VrWindow *self = data->window;

  if (g_str_equal (response, "overwrite"))
    _vr_window_save_to (self, data->file, data->close_after);
  else if (g_str_equal (response, "save-as"))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.save-as", NULL);
}

gboolean
_vr_window_monitor_confirm_save (VrWindow *self,
                                 GFile    *file,
                                 gboolean  close_after)
{
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;
  SaveData *data;
  gboolean deleted;

  g_return_val_if_fail (VR_IS_WINDOW (self), TRUE);

  /* Only over the file as loaded; a deleted one is simply written again. */
  if (self->document == NULL ||
      !g_file_equal (file, vr_document_get_file (self->document)) ||
      !changed_on_disk (self, &deleted) || deleted)
    return TRUE;

  if (self->external_dialog != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->external_dialog));
      return FALSE;
    }

  body = g_strdup_printf (_("“%s” was changed by another program since it was opened here. Saving replaces that version with yours."),
                          vr_document_get_title (self->document));
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Overwrite the Other Program’s Changes?"),
                                                       body));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "save-as", _("Save _As…"),
                                    "overwrite", _("_Overwrite"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "overwrite", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "save-as");
  adw_message_dialog_set_close_response (dialog, "cancel");

  data = g_new0 (SaveData, 1);
  data->window = g_object_ref (self);
  data->file = g_object_ref (file);
  data->close_after = close_after;
  g_signal_connect_data (dialog, "response",
                         G_CALLBACK (on_overwrite_response_cb),
                         data, (GClosureNotify) save_data_free, 0);

  self->external_dialog = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->external_dialog);
  gtk_window_present (GTK_WINDOW (dialog));

  return FALSE;
}

/* ---- Reload and Keep Mine ------------------------------------------------ */

static void
reload (VrWindow *self)
{
  GFile *file = vr_window_get_file (self);
  g_autoptr(GFile) keep = NULL;

  if (file == NULL)
    return;

  /* Unsaved changes go to a recovery file of their own, offered on the
   * next start: nothing is lost. */
  if (!_vr_window_recovery_keep_aside (self))
    return;

  keep = g_object_ref (file);
  hide_bar (self);
  vr_window_open_file (self, keep);
}

static void
on_reload_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       VrWindow         *self)
{
  if (g_str_equal (response, "reload"))
    reload (self);
  else if (g_str_equal (response, "save-as"))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.save-as", NULL);
}

static void
vr_window_reload_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  VrWindow *self = VR_WINDOW (widget);
  AdwMessageDialog *dialog;

  if (self->document == NULL)
    return;

  if (!vr_document_get_modified (self->document))
    {
      reload (self);
      return;
    }

  if (self->external_dialog != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->external_dialog));
      return;
    }

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Reload and Drop Your Changes?"),
                                                       _("Reloading shows the other program’s version. Your unsaved changes are kept as a recovery file, offered the next time Variorum starts, or you can save them under another name first.")));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "save-as", _("Save _As…"),
                                    "reload", _("_Reload"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "reload", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response",
                           G_CALLBACK (on_reload_response_cb),
                           self, 0);

  self->external_dialog = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->external_dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
vr_window_keep_mine_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *param)
{
  VrWindow *self = VR_WINDOW (widget);

  /* The user has seen the other version and chosen theirs: Save may
   * replace it without asking again (a further change asks again). */
  record_stamp (self);
  hide_bar (self);
}

void
_vr_window_monitor_dispose (VrWindow *self)
{
  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->monitor, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }
  if (self->monitor_document != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->monitor_document, self);
      g_clear_object (&self->monitor_document);
    }
  if (self->external_dialog != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->external_dialog), (gpointer *) &self->external_dialog);
  self->external_dialog = NULL;
  g_clear_pointer (&self->monitor_stamp, g_free);
}

GtkRevealer *
_vr_window_get_external_bar (VrWindow *self)
{
  g_return_val_if_fail (VR_IS_WINDOW (self), NULL);

  return self->external_revealer;
}

AdwMessageDialog *
_vr_window_get_external_dialog (VrWindow *self)
{
  g_return_val_if_fail (VR_IS_WINDOW (self), NULL);

  return self->external_dialog;
}

void
_vr_window_class_monitor_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, VrWindow, external_revealer);
  gtk_widget_class_bind_template_child (widget_class, VrWindow, external_label);
  gtk_widget_class_bind_template_child (widget_class, VrWindow, external_reload_button);

  gtk_widget_class_install_action (widget_class, "win.reload", NULL, vr_window_reload_action);
  gtk_widget_class_install_action (widget_class, "win.keep-mine", NULL, vr_window_keep_mine_action);
}
