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

/* Metadata */

static const struct {
  const char *property;
  const char *title;
} metadata_fields[] = {
  { "title", N_("Title") },
  { "date", N_("Date") },
  { "classification", N_("Classification") },
  { "summary", N_("Summary") },
  { "repository", N_("Repository") },
  { "archive", N_("Archive") },
  { "archive-location", N_("Archive Location") },
  { "translator", N_("Translator") },
  { "original-language", N_("Original Language") },
};

static void
on_remove_field_clicked_cb (GtkWidget *row,
                            GtkButton *button)
{
  /* Hidden, not destroyed: the dialog still knows which field it was. */
  gtk_widget_set_visible (row, FALSE);
}

static GtkWidget *
add_field_row (GtkWidget  *box,
               VrField    *field,
               const char *label,
               const char *value)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label_entry = gtk_entry_new ();
  GtkWidget *value_entry = gtk_entry_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");

  gtk_editable_set_text (GTK_EDITABLE (label_entry), label ? label : "");
  gtk_editable_set_text (GTK_EDITABLE (value_entry), value ? value : "");
  gtk_entry_set_placeholder_text (GTK_ENTRY (label_entry), _("Label"));
  gtk_entry_set_placeholder_text (GTK_ENTRY (value_entry), _("Value"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (label_entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Label"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (value_entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Value"), -1);
  gtk_widget_set_hexpand (value_entry, TRUE);
  gtk_widget_set_tooltip_text (remove, _("Remove Field"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remove Field"), -1);
  gtk_widget_add_css_class (remove, "flat");
  gtk_box_append (GTK_BOX (row), label_entry);
  gtk_box_append (GTK_BOX (row), value_entry);
  gtk_box_append (GTK_BOX (row), remove);

  g_object_set_data (G_OBJECT (row), "label", label_entry);
  g_object_set_data (G_OBJECT (row), "value", value_entry);
  g_object_set_data (G_OBJECT (row), "remove", remove);
  if (field != NULL)
    g_object_set_data_full (G_OBJECT (row), "field", g_object_ref (field), g_object_unref);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (on_remove_field_clicked_cb), row, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (box), row);

  return row;
}

GtkWidget *
_vr_metadata_dialog_add_field (AdwMessageDialog *dialog)
{
  return add_field_row (g_object_get_data (G_OBJECT (dialog), "fields"), NULL, NULL, NULL);
}

static void
on_add_field_clicked_cb (AdwMessageDialog *dialog,
                         GtkButton        *button)
{
  GtkWidget *row = _vr_metadata_dialog_add_field (dialog);

  gtk_widget_grab_focus (g_object_get_data (G_OBJECT (row), "label"));
}

static void
on_edit_metadata_response_cb (VrWindow         *self,
                              const char       *response,
                              AdwMessageDialog *dialog)
{
  g_autoptr(VrCommand) group = NULL;
  VrMetadata *metadata;
  GtkWidget *box;

  if (!g_str_equal (response, "save") || self->history == NULL ||
      g_object_get_data (G_OBJECT (dialog), "document") != (gpointer) self->document)
    return;

  metadata = vr_document_get_metadata (self->document);
  group = vr_command_group_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (metadata_fields); i++)
    {
      GtkEditable *row = g_object_get_data (G_OBJECT (dialog), metadata_fields[i].property);
      g_autofree char *old = NULL;
      const char *text = gtk_editable_get_text (row);

      g_object_get (metadata, metadata_fields[i].property, &old, NULL);
      if (g_strcmp0 (old ? old : "", text) != 0)
        vr_command_group_take (group, vr_command_set_string_new (metadata, metadata_fields[i].property,
                                                                 text[0] ? text : NULL));
    }

  box = g_object_get_data (G_OBJECT (dialog), "fields");
  for (GtkWidget *row = gtk_widget_get_first_child (box); row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      VrField *field = g_object_get_data (G_OBJECT (row), "field");
      const char *label = gtk_editable_get_text (g_object_get_data (G_OBJECT (row), "label"));
      const char *value = gtk_editable_get_text (g_object_get_data (G_OBJECT (row), "value"));
      int position = -1;

      if (field != NULL)
        {
          GListModel *fields = vr_metadata_get_fields (metadata);

          for (guint i = 0; i < g_list_model_get_n_items (fields); i++)
            {
              g_autoptr(VrField) other = g_list_model_get_item (fields, i);

              if (other == field)
                position = i;
            }
          if (position < 0)
            continue;
        }

      if (!gtk_widget_get_visible (row))
        {
          if (field != NULL)
            vr_command_group_take (group, vr_command_remove_field_new (metadata, position));
          continue;
        }

      if (field == NULL)
        {
          g_autoptr(VrField) added = NULL;

          if (label[0] == '\0' && value[0] == '\0')
            continue;
          added = vr_field_new (label, value);
          vr_command_group_take (group, vr_command_add_field_new (metadata, -1, added));
          continue;
        }

      if (g_strcmp0 (vr_field_get_label (field), label) != 0)
        vr_command_group_take (group, vr_command_set_string_new (field, "label", label));
      if (g_strcmp0 (vr_field_get_value (field) ? vr_field_get_value (field) : "", value) != 0)
        vr_command_group_take (group, vr_command_set_string_new (field, "value", value));
    }

  if (vr_command_group_get_n_commands (group) > 1)
    vr_command_set_label (group, _("Edit Details"));
  if (vr_command_group_get_n_commands (group) > 0)
    vr_history_push (self->history, group);
}

AdwMessageDialog *
_vr_window_edit_metadata (VrWindow *self)
{
  AdwMessageDialog *dialog;
  VrMetadata *metadata;
  GListModel *fields;
  GtkWidget *content, *list, *box, *add;

  g_return_val_if_fail (VR_IS_WINDOW (self), NULL);
  g_return_val_if_fail (self->document != NULL, NULL);

  metadata = vr_document_get_metadata (self->document);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Edit Details"), NULL));
  g_object_set_data (G_OBJECT (dialog), "document", self->document);

  content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  for (guint i = 0; i < G_N_ELEMENTS (metadata_fields); i++)
    {
      GtkWidget *row = adw_entry_row_new ();
      g_autofree char *value = NULL;

      g_object_get (metadata, metadata_fields[i].property, &value, NULL);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(metadata_fields[i].title));
      gtk_editable_set_text (GTK_EDITABLE (row), value ? value : "");
      gtk_list_box_append (GTK_LIST_BOX (list), row);
      g_object_set_data (G_OBJECT (dialog), metadata_fields[i].property, row);
    }
  gtk_box_append (GTK_BOX (content), list);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  fields = vr_metadata_get_fields (metadata);
  for (guint i = 0; i < g_list_model_get_n_items (fields); i++)
    {
      g_autoptr(VrField) field = g_list_model_get_item (fields, i);

      add_field_row (box, field, vr_field_get_label (field), vr_field_get_value (field));
    }
  g_object_set_data (G_OBJECT (dialog), "fields", box);
  gtk_box_append (GTK_BOX (content), box);

  add = gtk_button_new_with_mnemonic (_("_Add Field"));
  gtk_widget_set_halign (add, GTK_ALIGN_START);
  g_signal_connect_object (add, "clicked", G_CALLBACK (on_add_field_clicked_cb), dialog, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (content), add);

  adw_message_dialog_set_extra_child (dialog, content);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response",
                           G_CALLBACK (on_edit_metadata_response_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));

  return dialog;
}

static void
vr_window_edit_metadata_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *param)
{
  VrWindow *self = VR_WINDOW (widget);

  if (self->document != NULL)
    _vr_window_edit_metadata (self);
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
    "win.edit-entity", "win.delete-entity", "win.edit-metadata",
    "win.find-mentions",
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
  gtk_widget_class_install_action (widget_class, "win.edit-metadata", NULL, vr_window_edit_metadata_action);
  gtk_widget_class_install_action (widget_class, "win.find-mentions", NULL, vr_window_find_mentions_action);
}
