/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vr-window-reconcile"

#include "config.h"

#include <unistd.h>
#include <glib/gi18n.h>

#include "vr-entity-sidebar.h"
#include "vr-export.h"
#include "vr-reconcile.h"
#include "vr-window-private.h"

/* Reconciling spellings: which spellings name one person, as the menus of
 * the spellings table and the entity sidebar ask (see vr-names-menu.h),
 * and exporting the spellings and decisions. A spelling is named by its
 * entity's id and its form, so that an action can be driven with plain
 * arguments; every edit is one command on the window's history. */

static VrEntity *
lookup_entity (VrWindow   *self,
               const char *id)
{
  return self->document != NULL ? vr_document_lookup_entity (self->document, id) : NULL;
}

static VrVariant *
lookup_variant (VrWindow   *self,
                const char *entity_id,
                const char *form)
{
  VrEntity *entity = lookup_entity (self, entity_id);

  return entity != NULL ? vr_entity_lookup_variant (entity, form) : NULL;
}

static void
show_toast (VrWindow   *self,
            const char *message,
            gboolean    with_undo)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);
  AdwToast *toast = adw_toast_new (escaped);

  /* A toast's title is Pango markup in libadwaita 1.2: the message quotes
   * names from the document. */
  if (with_undo)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "win.undo");
    }
  /* Kept after it is dismissed: the tests read the last one. */
  g_set_object (&self->reconcile_toast, toast);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* Pushes @command, or says why there is none. */
static gboolean
push (VrWindow  *self,
      VrCommand *command,
      GError    *error)
{
  if (command == NULL)
    {
      show_toast (self, error != NULL ? error->message : _("Nothing to change"), FALSE);
      return FALSE;
    }

  vr_window_push_command (self, command);
  return TRUE;
}

static void
vr_window_make_preferred_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *param)
{
  VrWindow *self = VR_WINDOW (widget);
  g_autoptr(VrCommand) command = NULL;
  g_autoptr(GError) error = NULL;
  const char *entity_id, *form;
  VrVariant *variant;

  g_variant_get (param, "(&s&s)", &entity_id, &form);
  if ((variant = lookup_variant (self, entity_id, form)) == NULL)
    return;

  command = vr_reconcile_set_preferred (self->document, variant, &error);
  push (self, command, error);
}

static void
vr_window_move_variant_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *param)
{
  VrWindow *self = VR_WINDOW (widget);
  g_autoptr(VrCommand) command = NULL;
  g_autoptr(GError) error = NULL;
  const char *entity_id, *form, *to_id;
  VrVariant *variant, *moved;
  VrEntity *to;

  g_variant_get (param, "(&s&s&s)", &entity_id, &form, &to_id);
  if ((variant = lookup_variant (self, entity_id, form)) == NULL ||
      (to = lookup_entity (self, to_id)) == NULL)
    return;

  command = vr_reconcile_move_variant (self->document, variant, to, &error);
  if (!push (self, command, error))
    return;

  /* The reader follows the spelling to its new entity. */
  moved = vr_entity_lookup_variant (to, form);
  if (moved != NULL)
    vr_reader_view_select_variant (self->reader_view, moved);
  else
    vr_reader_view_select_entity (self->reader_view, to);
}

static void
vr_window_split_variant_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *param)
{
  VrWindow *self = VR_WINDOW (widget);
  g_autoptr(VrCommand) command = NULL;
  g_autoptr(GError) error = NULL;
  const char *entity_id, *form;
  VrEntity *created = NULL;
  VrVariant *variant;

  g_variant_get (param, "(&s&s)", &entity_id, &form);
  if ((variant = lookup_variant (self, entity_id, form)) == NULL)
    return;

  command = vr_reconcile_split_variant (self->document, variant, &created, &error);
  if (push (self, command, error) && created != NULL)
    vr_reader_view_select_entity (self->reader_view, created);
}

static void
vr_window_merge_entity_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *param)
{
  VrWindow *self = VR_WINDOW (widget);
  g_autoptr(VrCommand) command = NULL;
  g_autoptr(GError) error = NULL;
  const char *from_id, *into_id;
  VrEntity *from, *into;

  g_variant_get (param, "(&s&s)", &from_id, &into_id);
  if ((from = lookup_entity (self, from_id)) == NULL ||
      (into = lookup_entity (self, into_id)) == NULL)
    return;

  command = vr_reconcile_merge_entities (self->document, into, from, &error);
  if (push (self, command, error))
    vr_reader_view_select_entity (self->reader_view, into);
}

static void
vr_window_mark_different_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *param)
{
  VrWindow *self = VR_WINDOW (widget);
  g_autoptr(VrCommand) command = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  const char *a, *b;

  if (self->document == NULL)
    return;

  g_variant_get (param, "(&s&s)", &a, &b);
  command = vr_reconcile_mark_different (self->document, a, b, &error);
  if (!push (self, command, error))
    return;

  /* Nothing else shows the decision: say it was kept. */
  /* Translators: a toast after "Not the Same Person As…" */
  message = g_strdup_printf (_("Recorded that “%s” and “%s” are different people"), a, b);
  show_toast (self, message, TRUE);
}

static void
set_variant_enum (VrWindow   *self,
                  GVariant   *param,
                  const char *property)
{
  g_autoptr(VrCommand) command = NULL;
  const char *entity_id, *form, *value;
  VrVariant *variant;
  VrNameSystem system;
  VrVariantStatus status;
  int current, wanted;

  g_variant_get (param, "(&s&s&s)", &entity_id, &form, &value);
  if ((variant = lookup_variant (self, entity_id, form)) == NULL)
    return;

  if (g_str_equal (property, "system"))
    {
      if (!vr_name_system_from_string (value, &system))
        return;
      wanted = system;
      current = vr_variant_get_system (variant);
    }
  else
    {
      if (!vr_variant_status_from_string (value, &status))
        return;
      wanted = status;
      current = vr_variant_get_status (variant);
    }

  /* A command that changes nothing would still be an undo step. */
  if (wanted == current)
    return;

  command = vr_command_set_int_new (variant, property, wanted);
  vr_window_push_command (self, command);
}

static void
vr_window_set_variant_system_action (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *param)
{
  set_variant_enum (VR_WINDOW (widget), param, "system");
}

static void
vr_window_set_variant_status_action (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *param)
{
  set_variant_enum (VR_WINDOW (widget), param, "status");
}

static void
vr_window_add_spelling_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *param)
{
  VrWindow *self = VR_WINDOW (widget);
  g_autoptr(VrCommand) command = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *form = NULL;
  g_autofree char *message = NULL;
  const char *entity_id, *system_str;
  VrNameSystem system = VR_NAME_SYSTEM_OTHER;
  VrVariant *added;
  VrEntity *entity;
  guint n_found = 0;

  g_variant_get (param, "(&ss&s)", &entity_id, &form, &system_str);
  if ((entity = lookup_entity (self, entity_id)) == NULL)
    return;

  g_strstrip (form);
  vr_name_system_from_string (system_str, &system);
  command = vr_reconcile_add_variant (self->document, entity, form, system, &n_found, &error);
  if (!push (self, command, error))
    return;

  added = vr_entity_lookup_variant (entity, form);
  if (added != NULL)
    vr_reader_view_select_variant (self->reader_view, added);

  /* Translators: a toast: "Added “Yung Kong-hum”: 3 mentions found" */
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Added “%s”: %u mention found",
                                          "Added “%s”: %u mentions found", n_found),
                             form, n_found);
  show_toast (self, message, TRUE);
}

static void
vr_window_show_add_spelling_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *param)
{
  VrWindow *self = VR_WINDOW (widget);
  VrEntitySidebar *sidebar = VR_ENTITY_SIDEBAR (vr_reader_view_get_entity_sidebar (self->reader_view));

  if (self->document == NULL)
    return;

  if (vr_entity_sidebar_get_selected_entity (sidebar) == NULL)
    {
      show_toast (self, _("Select an entity first"), FALSE);
      return;
    }

  vr_reader_view_set_show_entities (self->reader_view, TRUE);
  vr_entity_sidebar_show_add_spelling (sidebar);
}

/* Export */

typedef struct
{
  VrWindow *window;
  GFile    *file;
  GBytes   *bytes;
  guint     n_spellings;
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_clear_object (&data->window);
  g_clear_object (&data->file);
  g_clear_pointer (&data->bytes, g_bytes_unref);
  g_free (data);
}

static void
export_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportData *data = task_data;
  g_autofree char *name = g_file_get_parse_name (data->file);
  const char *path = g_file_peek_path (data->file);
  g_autoptr(GError) error = NULL;
  gsize length;
  const char *contents = g_bytes_get_data (data->bytes, &length);

  if (path == NULL)
    {
      g_task_return_new_error (task, VR_ERROR, VR_ERROR_IO,
                               _("%s: could not export: not a local file"), name);
      return;
    }

  /* A temporary file beside it, renamed over it once complete: a failed
   * export leaves the old file as it was. */
  if (!g_file_set_contents_full (path, contents, length,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0666, &error))
    {
      g_task_return_new_error (task, VR_ERROR, VR_ERROR_IO,
                               _("%s: could not export: %s"), name, error->message);
      return;
    }

  g_task_return_boolean (task, TRUE);
}

static void
show_export_error (VrWindow   *self,
                   const char *message)
{
  AdwMessageDialog *dialog;

  /* Plain text: the message quotes the file's name. */
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Could Not Export the Spellings"),
                                                       message));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  adw_message_dialog_set_default_response (dialog, "close");
  adw_message_dialog_set_close_response (dialog, "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_export_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  ExportData *data = g_task_get_task_data (G_TASK (result));
  VrWindow *self = data->window;
  g_autoptr(GError) error = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *message = NULL;

  self->exporting = FALSE;
  if (gtk_widget_in_destruction (GTK_WIDGET (self)))
    return;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      show_export_error (self, error->message);
      return;
    }

  basename = g_file_get_basename (data->file);
  /* Translators: a toast: "Exported 62 spellings to “telegram.csv”" */
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Exported %u spelling to “%s”",
                                          "Exported %u spellings to “%s”", data->n_spellings),
                             data->n_spellings, basename);
  show_toast (self, message, FALSE);
}

void
_vr_window_export_spellings (VrWindow       *self,
                             GFile          *file,
                             VrExportFormat  format)
{
  g_autoptr(GTask) task = NULL;
  GListModel *entities;
  ExportData *data;

  g_return_if_fail (VR_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->document == NULL)
    return;

  data = g_new0 (ExportData, 1);
  data->window = g_object_ref (self);
  data->file = g_object_ref (file);
  /* The model is read here, on the main thread; only the bytes travel. */
  data->bytes = vr_export_variants (self->document, format);
  entities = vr_document_get_entities (self->document);
  for (guint i = 0; i < g_list_model_get_n_items (entities); i++)
    {
      g_autoptr(VrEntity) entity = g_list_model_get_item (entities, i);

      data->n_spellings += g_list_model_get_n_items (vr_entity_get_variants (entity));
    }

  self->exporting = TRUE;
  task = g_task_new (NULL, NULL, on_export_done_cb, NULL);
  g_task_set_source_tag (task, _vr_window_export_spellings);
  g_task_set_task_data (task, data, (GDestroyNotify) export_data_free);
  g_task_run_in_thread (task, export_thread);
}

gboolean
_vr_window_get_exporting (VrWindow *self)
{
  return self->exporting;
}

static void
on_export_chooser_response_cb (VrWindow             *self,
                               int                   response,
                               GtkFileChooserNative *chooser)
{
  VrExportFormat format = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "vr-format"));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        _vr_window_export_spellings (self, file, format);
    }

  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));
  if (self->export_chooser == chooser)
    g_clear_object (&self->export_chooser);
}

static char *
suggest_export_name (VrWindow       *self,
                     VrExportFormat  format)
{
  const char *title = vr_document_get_title (self->document);
  g_autofree char *name = NULL;

  name = g_strdup (title != NULL && title[0] != '\0' ? title : _("Untitled"));
  g_strdelimit (name, "/\\:*?\"<>|\n\r\t", '-');
  if (g_utf8_strlen (name, -1) > 60)
    *g_utf8_offset_to_pointer (name, 60) = '\0';

  /* Translators: a file name: "DOCUMENT TITLE - spellings.csv" */
  return g_strdup_printf (_("%s - spellings.%s"), name, format == VR_EXPORT_CSV ? "csv" : "json");
}

static void
vr_window_export_spellings_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *param)
{
  VrWindow *self = VR_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  VrExportFormat format;
  GtkFileChooserNative *chooser;
  GFile *file;

  if (self->document == NULL)
    return;

  format = g_str_equal (g_variant_get_string (param, NULL), "json") ? VR_EXPORT_JSON : VR_EXPORT_CSV;
  if (self->export_chooser != NULL)
    {
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->export_chooser));
      g_clear_object (&self->export_chooser);
    }

  if (format == VR_EXPORT_CSV)
    {
      gtk_file_filter_set_name (filter, _("CSV tables"));
      gtk_file_filter_add_mime_type (filter, "text/csv");
      gtk_file_filter_add_suffix (filter, "csv");
    }
  else
    {
      gtk_file_filter_set_name (filter, _("JSON files"));
      gtk_file_filter_add_mime_type (filter, "application/json");
      gtk_file_filter_add_suffix (filter, "json");
    }

  chooser = gtk_file_chooser_native_new (format == VR_EXPORT_CSV ? _("Export Spellings as CSV")
                                                                 : _("Export Spellings as JSON"),
                                         GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"),
                                         _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_set_data (G_OBJECT (chooser), "vr-format", GINT_TO_POINTER (format));

  file = vr_document_get_file (self->document);
  if (file != NULL && g_file_is_native (file))
    {
      g_autoptr(GFile) folder = g_file_get_parent (file);

      /* The bundled sample's folder is not writable; a folder that is not
       * there is left to the chooser. */
      if (folder != NULL && g_file_query_exists (folder, NULL) &&
          access (g_file_peek_path (folder), W_OK) == 0)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
    }
  name = suggest_export_name (self, format);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);

  self->export_chooser = chooser;
  g_signal_connect_object (chooser, "response",
                           G_CALLBACK (on_export_chooser_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

GtkFileChooserNative *
_vr_window_get_export_chooser (VrWindow *self)
{
  return self->export_chooser;
}

AdwToast *
_vr_window_get_reconcile_toast (VrWindow *self)
{
  return self->reconcile_toast;
}

void
_vr_window_reconcile_update (VrWindow *self)
{
  static const char *actions[] = {
    "win.make-preferred", "win.move-variant", "win.split-variant",
    "win.merge-entity", "win.mark-different", "win.set-variant-system",
    "win.set-variant-status", "win.add-spelling", "win.show-add-spelling",
    "win.export-spellings",
  };

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), actions[i], self->document != NULL);
}

void
_vr_window_reconcile_dispose (VrWindow *self)
{
  if (self->export_chooser != NULL)
    {
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->export_chooser));
      g_clear_object (&self->export_chooser);
    }
  g_clear_object (&self->reconcile_toast);
}

void
_vr_window_class_reconcile_init (GtkWidgetClass *widget_class)
{
  /* A spelling is (entity id, form); an entity is its id. */
  gtk_widget_class_install_action (widget_class, "win.make-preferred", "(ss)", vr_window_make_preferred_action);
  gtk_widget_class_install_action (widget_class, "win.move-variant", "(sss)", vr_window_move_variant_action);
  gtk_widget_class_install_action (widget_class, "win.split-variant", "(ss)", vr_window_split_variant_action);
  /* (from, into) */
  gtk_widget_class_install_action (widget_class, "win.merge-entity", "(ss)", vr_window_merge_entity_action);
  /* Two spellings, usually an entity's preferred name and another. */
  gtk_widget_class_install_action (widget_class, "win.mark-different", "(ss)", vr_window_mark_different_action);
  /* (entity id, form, the file format's string) */
  gtk_widget_class_install_action (widget_class, "win.set-variant-system", "(sss)", vr_window_set_variant_system_action);
  gtk_widget_class_install_action (widget_class, "win.set-variant-status", "(sss)", vr_window_set_variant_status_action);
  gtk_widget_class_install_action (widget_class, "win.add-spelling", "(sss)", vr_window_add_spelling_action);
  gtk_widget_class_install_action (widget_class, "win.show-add-spelling", NULL, vr_window_show_add_spelling_action);
  /* "csv" or "json" */
  gtk_widget_class_install_action (widget_class, "win.export-spellings", "s", vr_window_export_spellings_action);

  /* Not Ctrl+Shift+A: lists and text entries take that to select nothing. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_ALT_MASK,
                                       "win.show-add-spelling", NULL);
}
