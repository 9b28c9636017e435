/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vr-window-annotate"

#include "config.h"

#include <glib/gi18n.h>

#include "vr-entity-dialog.h"
#include "vr-mention-finder.h"
#include "vr-tag-popover.h"
#include "vr-text-view.h"
#include "vr-window-private.h"

/* Hand edits of the annotation layer: tagging a selection, removing or
 * retargeting a mention, editing and deleting an entity. Every edit is a
 * command on the window's history. */

static VrTextView *
get_text_view (VrWindow *self)
{
  return VR_TEXT_VIEW (vr_reader_view_get_text_view (self->reader_view));
}

static void
tag_span (VrWindow    *self,
          VrEntity    *entity,
          VrParagraph *paragraph,
          guint        start,
          guint        end,
          gboolean     is_short)
{
  g_autoptr(VrCommand) command = NULL;
  g_autoptr(GError) error = NULL;
  const char *version_id = vr_text_view_get_version_id (get_text_view (self));

  if (self->history == NULL || version_id == NULL)
    return;

  command = vr_command_tag_new (self->document, entity, paragraph, version_id,
                                start, end, is_short, &error);
  if (command == NULL)
    {
      vr_window_add_toast (self, error->message);
      return;
    }

  vr_history_push (self->history, command);
}

static gboolean
get_selection (VrWindow     *self,
               VrParagraph **paragraph,
               guint        *start,
               guint        *end)
{
  if (self->document == NULL)
    return FALSE;

  if (!vr_text_view_get_selected_span (get_text_view (self), paragraph, start, end))
    {
      vr_window_add_toast (self, _("Select a name in the text to tag it"));
      return FALSE;
    }

  return TRUE;
}

static void
vr_window_tag_entity_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *param)
{
  VrWindow *self = VR_WINDOW (widget);
  VrParagraph *paragraph;
  const char *id;
  gboolean is_short;
  VrEntity *entity;
  guint start, end;

  g_variant_get (param, "(&sb)", &id, &is_short);
  if (!get_selection (self, &paragraph, &start, &end))
    return;

  entity = vr_document_lookup_entity (self->document, id);
  if (entity == NULL)
    return;

  tag_span (self, entity, paragraph, start, end, is_short);
}

static void
vr_window_tag_new_entity_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *param)
{
  VrWindow *self = VR_WINDOW (widget);
  g_autoptr(VrEntity) entity = NULL;
  g_autofree char *id = NULL;
  g_autofree char *name = NULL;
  VrEntityKind kind = VR_ENTITY_KIND_OTHER;
  VrParagraph *paragraph;
  const char *kind_str;
  gboolean is_short;
  guint start, end;

  g_variant_get (param, "(s&sb)", &name, &kind_str, &is_short);
  g_strstrip (name);
  if (name[0] == '\0' || !get_selection (self, &paragraph, &start, &end))
    return;

  vr_entity_kind_from_string (kind_str, &kind);
  id = vr_document_dup_new_entity_id (self->document, name);
  entity = vr_entity_new (id, kind, name);
  tag_span (self, entity, paragraph, start, end, is_short);
}

static void
point_at_iter (GtkPopover  *popover,
               GtkTextView *view,
               GtkTextIter *iter)
{
  GdkRectangle rect;

  gtk_text_view_get_iter_location (view, iter, &rect);
  gtk_text_view_buffer_to_window_coords (view, GTK_TEXT_WINDOW_WIDGET,
                                         rect.x, rect.y, &rect.x, &rect.y);
  rect.width = MAX (rect.width, 1);
  gtk_popover_set_pointing_to (popover, &rect);
}

static void
show_popover (VrWindow    *self,
              GtkWidget   *popover,
              GtkTextIter *at)
{
  GtkTextView *view = GTK_TEXT_VIEW (get_text_view (self));

  /* A closed popover stays, hidden, until the next one replaces it or the
   * window goes: destroying its surface right after it closed, while GTK
   * may still deliver pointer events to it, crashed now and then. */
  if (self->tag_popover != NULL && gtk_widget_get_parent (self->tag_popover) != NULL)
    gtk_widget_unparent (self->tag_popover);
  /* g_set_weak_pointer drops the weak pointer of the popover it replaces,
   * which must not clear this field (or a freed window's) when it goes. */
  g_set_weak_pointer (&self->tag_popover, popover);

  gtk_widget_set_parent (popover, GTK_WIDGET (view));
  point_at_iter (GTK_POPOVER (popover), view, at);
  gtk_popover_popup (GTK_POPOVER (popover));
}

typedef struct
{
  VrParagraph *paragraph;
  guint        start;
  guint        end;
} Span;

static void
span_free (Span *span)
{
  g_clear_object (&span->paragraph);
  g_free (span);
}

static void
on_tag_chosen_cb (VrWindow     *self,
                  VrEntity     *entity,
                  gboolean      is_short,
                  VrTagPopover *popover)
{
  Span *span = g_object_get_data (G_OBJECT (popover), "span");

  if (span != NULL && self->document != NULL &&
      vr_document_lookup_paragraph (self->document, vr_paragraph_get_id (span->paragraph)) == span->paragraph)
    tag_span (self, entity, span->paragraph, span->start, span->end, is_short);
}

static void
vr_window_tag_selection_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *param)
{
  VrWindow *self = VR_WINDOW (widget);
  GtkTextBuffer *buffer;
  GtkTextIter iter;
  GtkWidget *popover;
  g_autofree char *text = NULL;
  const char *version_id;
  const char *para_text;
  Span *span;

  span = g_new0 (Span, 1);
  if (!get_selection (self, &span->paragraph, &span->start, &span->end))
    {
      g_free (span);
      return;
    }
  g_object_ref (span->paragraph);

  version_id = vr_text_view_get_version_id (get_text_view (self));
  para_text = vr_paragraph_get_text (span->paragraph, version_id);
  if (para_text != NULL)
    {
      const char *from = g_utf8_offset_to_pointer (para_text, span->start);
      const char *to = g_utf8_offset_to_pointer (para_text, span->end);

      text = g_strndup (from, to - from);
    }

  popover = vr_tag_popover_new (self->document, text, FALSE);
  g_object_set_data_full (G_OBJECT (popover), "span", span, (GDestroyNotify) span_free);
  g_signal_connect_object (popover, "entity-chosen",
                           G_CALLBACK (on_tag_chosen_cb), self, G_CONNECT_SWAPPED);

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (get_text_view (self)));
  gtk_text_buffer_get_selection_bounds (buffer, &iter, NULL);
  show_popover (self, popover, &iter);
}

static VrMention *
mention_at_cursor (VrWindow *self)
{
  VrMention *mention;

  if (self->document == NULL)
    return NULL;

  mention = vr_text_view_get_mention_at_cursor (get_text_view (self));
  if (mention == NULL)
    vr_window_add_toast (self, _("Place the cursor on a tagged name first"));

  return mention;
}

static void
vr_window_remove_mention_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *param)
{
  VrWindow *self = VR_WINDOW (widget);
  g_autoptr(VrCommand) command = NULL;
  VrMention *mention = mention_at_cursor (self);

  if (mention == NULL || self->history == NULL)
    return;

  command = vr_command_remove_mention_new (mention);
  vr_history_push (self->history, command);
}

static void
retarget (VrWindow  *self,
          VrMention *mention,
          VrEntity  *entity)
{
  g_autoptr(VrCommand) command = NULL;

  if (self->history == NULL || vr_mention_get_entity (mention) == entity)
    return;

  command = vr_command_retarget_mention_new (mention, entity);
  vr_history_push (self->history, command);
}

static void
vr_window_retarget_mention_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *param)
{
  VrWindow *self = VR_WINDOW (widget);
  VrMention *mention = mention_at_cursor (self);
  VrEntity *entity;

  if (mention == NULL)
    return;

  entity = vr_document_lookup_entity (self->document, g_variant_get_string (param, NULL));
  if (entity != NULL)
    retarget (self, mention, entity);
}

static void
on_retarget_chosen_cb (VrWindow     *self,
                       VrEntity     *entity,
                       gboolean      is_short,
                       VrTagPopover *popover)
{
  VrMention *mention = g_object_get_data (G_OBJECT (popover), "mention");

  if (mention != NULL && self->document != NULL &&
      vr_document_lookup_entity (self->document, vr_entity_get_id (entity)) == entity)
    retarget (self, mention, entity);
}

static void
vr_window_change_entity_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *param)
{
  VrWindow *self = VR_WINDOW (widget);
  VrMention *mention = mention_at_cursor (self);
  GtkTextIter start, end;
  GtkWidget *popover;

  if (mention == NULL ||
      !vr_text_view_get_mention_bounds (get_text_view (self), mention, &start, &end))
    return;

  popover = vr_tag_popover_new (self->document, NULL, TRUE);
  g_object_set_data_full (G_OBJECT (popover), "mention", g_object_ref (mention), g_object_unref);
  g_signal_connect_object (popover, "entity-chosen",
                           G_CALLBACK (on_retarget_chosen_cb), self, G_CONNECT_SWAPPED);
  show_popover (self, popover, &start);
}

/* Entities */

static VrEntity *
target_entity (VrWindow *self,
               GVariant *param)
{
  const char *id = param ? g_variant_get_string (param, NULL) : "";

  if (self->document == NULL)
    return NULL;
  if (id[0] != '\0')
    return vr_document_lookup_entity (self->document, id);

  return vr_reader_view_get_selected_entity (self->reader_view);
}

static void
delete_entity (VrWindow *self,
               VrEntity *entity)
{
  g_autoptr(VrCommand) command = NULL;

  if (self->history == NULL)
    return;

  command = vr_command_delete_entity_new (entity);
  vr_history_push (self->history, command);
}

static void
vr_window_delete_entity_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *param)
{
  VrWindow *self = VR_WINDOW (widget);
  VrEntity *entity = target_entity (self, param);

  if (entity != NULL)
    delete_entity (self, entity);
}

static void
on_entity_dialog_save_cb (VrWindow       *self,
                          VrCommand      *command,
                          VrEntityDialog *dialog)
{
  if (self->history != NULL)
    vr_history_push (self->history, command);
}

static void
on_entity_dialog_delete_cb (VrWindow       *self,
                            VrEntityDialog *dialog)
{
  VrEntity *entity = vr_entity_dialog_get_entity (dialog);

  if (self->document != NULL &&
      vr_document_lookup_entity (self->document, vr_entity_get_id (entity)) == entity)
    delete_entity (self, entity);
}

VrEntityDialog *
_vr_window_edit_entity (VrWindow *self,
                        VrEntity *entity)
{
  VrEntityDialog *dialog;

  g_return_val_if_fail (VR_IS_WINDOW (self), NULL);
  g_return_val_if_fail (VR_IS_ENTITY (entity), NULL);

  dialog = vr_entity_dialog_new (GTK_WINDOW (self), self->document, entity);
  g_signal_connect_object (dialog, "save",
                           G_CALLBACK (on_entity_dialog_save_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "delete",
                           G_CALLBACK (on_entity_dialog_delete_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));

  return dialog;
}

static void
vr_window_edit_entity_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *param)
{
  VrWindow *self = VR_WINDOW (widget);
  VrEntity *entity = target_entity (self, param);

  if (entity == NULL)
    {
      vr_window_add_toast (self, _("Select an entity first"));
      return;
    }

  _vr_window_edit_entity (self, entity);
}

/* Metadata: the details panel's edit mode commits through these actions,
 * one command per change. */

static const char * const metadata_properties[] = {
  "title", "date", "classification", "summary", "repository", "archive",
  "archive-location", "translator", "original-language",
};

static VrMetadata *
get_metadata (VrWindow *self)
{
  if (self->document == NULL || self->history == NULL)
    return NULL;

  return vr_document_get_metadata (self->document);
}

static void
vr_window_set_metadata_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *param)
{
  VrWindow *self = VR_WINDOW (widget);
  VrMetadata *metadata = get_metadata (self);
  g_autofree char *old = NULL;
  const char *property, *value;

  g_variant_get (param, "(&s&s)", &property, &value);
  if (metadata == NULL || !g_strv_contains (metadata_properties, property))
    return;

  g_object_get (metadata, property, &old, NULL);
  if (g_strcmp0 (old ? old : "", value) != 0)
    {
      g_autoptr(VrCommand) command = vr_command_set_string_new (metadata, property,
                                                                value[0] != '\0' ? value : NULL);

      vr_history_push (self->history, command);
    }
}

static void
vr_window_set_metadata_list_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *param)
{
  VrWindow *self = VR_WINDOW (widget);
  VrMetadata *metadata = get_metadata (self);
  g_autofree const char **items = NULL;
  g_autoptr(VrCommand) command = NULL;
  const char * const *old;
  const char *property;

  g_variant_get (param, "(&s^a&s)", &property, &items);
  if (metadata == NULL ||
      (!g_str_equal (property, "authors") && !g_str_equal (property, "recipients")))
    return;

  old = g_str_equal (property, "authors") ? vr_metadata_get_authors (metadata)
                                          : vr_metadata_get_recipients (metadata);
  if (g_strv_equal (old ? old : (const char * const[]) { NULL }, items))
    return;

  command = vr_command_set_strv_new (metadata, property, items[0] != NULL ? items : NULL);
  vr_history_push (self->history, command);
}

static void
vr_window_add_field_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *param)
{
  VrWindow *self = VR_WINDOW (widget);
  VrMetadata *metadata = get_metadata (self);
  g_autoptr(VrCommand) command = NULL;
  g_autoptr(VrField) field = NULL;
  const char *label, *value;

  g_variant_get (param, "(&s&s)", &label, &value);
  if (metadata == NULL)
    return;

  field = vr_field_new (label, value);
  command = vr_command_add_field_new (metadata, -1, field);
  vr_history_push (self->history, command);
}

static void
vr_window_set_field_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *param)
{
  VrWindow *self = VR_WINDOW (widget);
  VrMetadata *metadata = get_metadata (self);
  g_autoptr(VrCommand) group = NULL;
  g_autoptr(VrField) field = NULL;
  const char *label, *value;
  guint32 position;

  g_variant_get (param, "(u&s&s)", &position, &label, &value);
  if (metadata == NULL)
    return;

  field = g_list_model_get_item (vr_metadata_get_fields (metadata), position);
  if (field == NULL)
    return;

  group = vr_command_group_new (NULL);
  if (g_strcmp0 (vr_field_get_label (field) ? vr_field_get_label (field) : "", label) != 0)
    vr_command_group_take (group, vr_command_set_string_new (field, "label", label));
  if (g_strcmp0 (vr_field_get_value (field) ? vr_field_get_value (field) : "", value) != 0)
    vr_command_group_take (group, vr_command_set_string_new (field, "value", value));
  if (vr_command_group_get_n_commands (group) > 1)
    vr_command_set_label (group, _("Edit Field"));
  if (vr_command_group_get_n_commands (group) > 0)
    vr_history_push (self->history, group);
}

static void
vr_window_remove_field_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *param)
{
  VrWindow *self = VR_WINDOW (widget);
  VrMetadata *metadata = get_metadata (self);
  g_autoptr(VrCommand) command = NULL;
  guint32 position = g_variant_get_uint32 (param);

  if (metadata == NULL || position >= g_list_model_get_n_items (vr_metadata_get_fields (metadata)))
    return;

  command = vr_command_remove_field_new (metadata, position);
  vr_history_push (self->history, command);
}

static void
on_find_mentions_done_cb (GObject      *source,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  VrDocument *document = VR_DOCUMENT (source);
  g_autoptr(VrWindow) self = user_data;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(VrCommand) command = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  found = vr_mention_finder_find_finish (document, result, &error);

  /* The window may have closed or moved on to another document. */
  if (self->document != document || gtk_widget_in_destruction (GTK_WIDGET (self)))
    return;

  if (found == NULL)
    {
      vr_window_add_toast (self, error->message);
      return;
    }

  if (found->len == 0)
    {
      vr_window_add_toast (self, _("No new mentions found"));
      return;
    }

  /* One undoable step, like any other edit. */
  command = vr_command_add_mentions_new (found, _("Find Mentions"));
  vr_window_push_command (self, command);
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Found %u new mention",
                                          "Found %u new mentions", found->len),
                             found->len);
  vr_window_add_toast (self, message);
}

static void
vr_window_find_mentions_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  VrWindow *self = VR_WINDOW (widget);
  VrVersion *version;

  if (self->document == NULL)
    return;

  version = vr_document_get_default_version (self->document);
  vr_mention_finder_find_async (self->document, NULL,
                                version != NULL ? vr_version_get_id (version) : NULL,
                                NULL, on_find_mentions_done_cb, g_object_ref (self));
}

void
_vr_window_annotate_update (VrWindow *self)
{
  static const char *actions[] = {
    "win.tag-selection", "win.tag-entity", "win.tag-new-entity",
    "win.remove-mention", "win.change-entity", "win.retarget-mention",
    "win.edit-entity", "win.delete-entity", "win.find-mentions",
    "win.set-metadata", "win.set-metadata-list", "win.add-field",
    "win.set-field", "win.remove-field",
  };

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), actions[i], self->document != NULL);
}

GtkWidget *
_vr_window_get_tag_popover (VrWindow *self)
{
  return self->tag_popover;
}

void
_vr_window_class_annotate_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.tag-selection", NULL, vr_window_tag_selection_action);
  gtk_widget_class_install_action (widget_class, "win.tag-entity", "(sb)", vr_window_tag_entity_action);
  gtk_widget_class_install_action (widget_class, "win.tag-new-entity", "(ssb)", vr_window_tag_new_entity_action);
  gtk_widget_class_install_action (widget_class, "win.remove-mention", NULL, vr_window_remove_mention_action);
  gtk_widget_class_install_action (widget_class, "win.change-entity", NULL, vr_window_change_entity_action);
  gtk_widget_class_install_action (widget_class, "win.retarget-mention", "s", vr_window_retarget_mention_action);
  /* "" names the entity selected in the reader. */
  gtk_widget_class_install_action (widget_class, "win.edit-entity", "s", vr_window_edit_entity_action);
  gtk_widget_class_install_action (widget_class, "win.delete-entity", "s", vr_window_delete_entity_action);
  gtk_widget_class_install_action (widget_class, "win.set-metadata", "(ss)", vr_window_set_metadata_action);
  gtk_widget_class_install_action (widget_class, "win.set-metadata-list", "(sas)", vr_window_set_metadata_list_action);
  gtk_widget_class_install_action (widget_class, "win.add-field", "(ss)", vr_window_add_field_action);
  gtk_widget_class_install_action (widget_class, "win.set-field", "(uss)", vr_window_set_field_action);
  gtk_widget_class_install_action (widget_class, "win.remove-field", "u", vr_window_remove_field_action);
  gtk_widget_class_install_action (widget_class, "win.find-mentions", NULL, vr_window_find_mentions_action);
}
