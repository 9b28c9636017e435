/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vr-window-notes"

#include "config.h"

#include <glib/gi18n.h>

#include "vr-note-popover.h"
#include "vr-notes-list.h"
#include "vr-text-view.h"
#include "vr-window-private.h"

/* Close-reading notes: adding a note to a passage (Ctrl+M), editing and
 * deleting one (from its mark in the text or the Notes page). Every change
 * is one command on the window's history. */

#define PASSAGE_CHARS 120

static VrTextView *
get_text_view (VrWindow *self)
{
  return VR_TEXT_VIEW (vr_reader_view_get_text_view (self->reader_view));
}

static void
show_popover (VrWindow    *self,
              GtkWidget   *popover,
              GtkTextIter *start,
              GtkTextIter *end)
{
  GtkTextView *view = GTK_TEXT_VIEW (get_text_view (self));
  GdkRectangle rect, end_rect;

  /* As with the tag popover, a closed one stays until the next replaces
   * it: its surface may still get pointer events right after it closed. */
  if (self->note_popover != NULL && gtk_widget_get_parent (self->note_popover) != NULL)
    gtk_widget_unparent (self->note_popover);
  g_set_weak_pointer (&self->note_popover, popover);

  /* At once, not when idle: the popover points where the passage is now. */
  gtk_text_view_scroll_to_iter (view, start, 0.0, FALSE, 0.0, 0.0);

  gtk_text_view_get_iter_location (view, start, &rect);
  gtk_text_view_get_iter_location (view, end, &end_rect);
  if (end_rect.y == rect.y && end_rect.x > rect.x)
    rect.width = end_rect.x - rect.x;
  rect.width = MAX (rect.width, 1);
  gtk_text_view_buffer_to_window_coords (view, GTK_TEXT_WINDOW_WIDGET,
                                         rect.x, rect.y, &rect.x, &rect.y);

  gtk_widget_set_parent (popover, GTK_WIDGET (view));
  gtk_popover_set_pointing_to (GTK_POPOVER (popover), &rect);
  gtk_popover_popup (GTK_POPOVER (popover));
  /* The note's hover card would cover the popover's title. */
  gtk_widget_trigger_tooltip_query (GTK_WIDGET (view));
}

/* A span of one paragraph's text in the version shown, waiting for its
 * note. */
typedef struct
{
  VrDocument  *document;
  VrParagraph *paragraph;
  char        *version_id;
  guint        start;
  guint        end;
} Span;

static void
span_free (Span *span)
{
  g_clear_object (&span->document);
  g_clear_object (&span->paragraph);
  g_free (span->version_id);
  g_free (span);
}

static gboolean
span_get_iters (VrWindow    *self,
                Span        *span,
                GtkTextIter *start,
                GtkTextIter *end)
{
  VrTextView *view = get_text_view (self);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  int index = vr_document_get_paragraph_index (self->document, span->paragraph);
  int base = index >= 0 ? vr_text_view_get_paragraph_offset (view, index) : -1;

  if (base < 0)
    return FALSE;

  gtk_text_buffer_get_iter_at_offset (buffer, start, base + span->start);
  gtk_text_buffer_get_iter_at_offset (buffer, end, base + span->end);

  return TRUE;
}

static char *
dup_now_utc (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

static void
on_add_saved_cb (VrWindow      *self,
                 const char    *text,
                 VrNotePopover *popover)
{
  Span *span = g_object_get_data (G_OBJECT (popover), "span");
  g_autoptr(VrAnnotation) annotation = NULL;
  g_autoptr(VrCommand) command = NULL;
  g_autofree char *id = NULL;
  g_autofree char *created = NULL;
  GtkTextIter start, end;

  /* The window may have moved on to another document, or the paragraph
   * may have gone in the meantime. */
  if (span == NULL || span->document != self->document || self->history == NULL ||
      vr_document_get_paragraph_index (self->document, span->paragraph) < 0)
    return;

  id = vr_document_dup_new_annotation_id (self->document);
  annotation = vr_annotation_new (id, span->paragraph, span->version_id, span->start, span->end, text);
  created = dup_now_utc ();
  vr_annotation_set_created (annotation, created);

  command = vr_command_add_annotation_new (annotation);
  vr_command_set_label (command, _("Add Note"));
  vr_window_push_command (self, command);

  /* The selection would hide the new mark: the cursor goes after it. */
  if (span_get_iters (self, span, &start, &end))
    gtk_text_buffer_place_cursor (gtk_text_view_get_buffer (GTK_TEXT_VIEW (get_text_view (self))), &end);
}

static gboolean
popover_open (VrWindow *self)
{
  return self->note_popover != NULL && gtk_widget_get_visible (self->note_popover);
}

static void
vr_window_add_note_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *param)
{
  VrWindow *self = VR_WINDOW (widget);
  VrTextView *view;
  GtkTextBuffer *buffer;
  const char *version_id;
  g_autofree char *passage = NULL;
  g_autoptr(VrAnnotation) probe = NULL;
  GtkTextIter start, end;
  GtkWidget *popover;
  VrParagraph *paragraph;
  guint s, e;
  Span *span;

  /* Ctrl+M typed in the popover's field reaches the window: the note
   * being written stays. */
  if (self->document == NULL || popover_open (self))
    return;

  view = get_text_view (self);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  version_id = vr_text_view_get_version_id (view);

  if (gtk_text_buffer_get_has_selection (buffer))
    {
      if (!vr_text_view_get_selected_span (view, &paragraph, &s, &e))
        {
          vr_window_add_toast (self, _("A note goes on text within one paragraph"));
          return;
        }
    }
  else if (!vr_text_view_get_word_at_cursor (view, &paragraph, &s, &e))
    {
      vr_window_add_toast (self, _("Select the text to add a note to"));
      return;
    }

  span = g_new0 (Span, 1);
  span->document = g_object_ref (self->document);
  span->paragraph = g_object_ref (paragraph);
  span->version_id = g_strdup (version_id);
  span->start = s;
  span->end = e;

  /* The passage, quoted in the popover, is read the way the list reads it. */
  probe = vr_annotation_new (NULL, paragraph, version_id, s, e, NULL);
  passage = vr_notes_list_dup_passage (probe, PASSAGE_CHARS);

  popover = vr_note_popover_new (passage, NULL, FALSE);
  g_object_set_data_full (G_OBJECT (popover), "span", span, (GDestroyNotify) span_free);
  g_signal_connect_object (popover, "save", G_CALLBACK (on_add_saved_cb), self, G_CONNECT_SWAPPED);

  if (!span_get_iters (self, span, &start, &end))
    gtk_text_buffer_get_selection_bounds (buffer, &start, &end);
  show_popover (self, popover, &start, &end);
}

/* Editing and deleting */

static gboolean
in_document (VrWindow     *self,
             VrAnnotation *annotation)
{
  GListModel *annotations;

  if (self->document == NULL)
    return FALSE;

  annotations = vr_document_get_annotations (self->document);
  for (guint i = 0; i < g_list_model_get_n_items (annotations); i++)
    {
      g_autoptr(VrAnnotation) other = g_list_model_get_item (annotations, i);

      if (other == annotation)
        return TRUE;
    }

  return FALSE;
}

/* The note at @position of the document's list, or with -1 the one under
 * the text cursor; NULL with a toast when there is none. */
static VrAnnotation *
dup_target (VrWindow *self,
            GVariant *param)
{
  int position = param != NULL ? g_variant_get_int32 (param) : -1;
  VrAnnotation *annotation;

  if (self->document == NULL)
    return NULL;

  if (position >= 0)
    return g_list_model_get_item (vr_document_get_annotations (self->document), position);

  annotation = vr_text_view_get_annotation_at_cursor (get_text_view (self));
  if (annotation == NULL)
    {
      vr_window_add_toast (self, _("Place the cursor in a noted passage first"));
      return NULL;
    }

  return g_object_ref (annotation);
}

static void
delete_note (VrWindow     *self,
             VrAnnotation *annotation)
{
  g_autoptr(VrCommand) command = NULL;
  AdwToast *toast;

  if (self->history == NULL || !in_document (self, annotation))
    return;

  command = vr_command_remove_annotation_new (annotation);
  vr_command_set_label (command, _("Delete Note"));
  vr_window_push_command (self, command);

  toast = adw_toast_new (_("Note deleted"));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
on_edit_saved_cb (VrWindow      *self,
                  const char    *text,
                  VrNotePopover *popover)
{
  VrAnnotation *annotation = g_object_get_data (G_OBJECT (popover), "annotation");
  g_autoptr(VrCommand) command = NULL;

  if (annotation == NULL || self->history == NULL || !in_document (self, annotation) ||
      g_strcmp0 (vr_annotation_get_note (annotation), text) == 0)
    return;

  command = vr_command_set_string_new (annotation, "note", text);
  vr_command_set_label (command, _("Edit Note"));
  vr_window_push_command (self, command);
}

static void
on_edit_deleted_cb (VrWindow      *self,
                    VrNotePopover *popover)
{
  VrAnnotation *annotation = g_object_get_data (G_OBJECT (popover), "annotation");

  if (annotation != NULL)
    delete_note (self, annotation);
}

static void
edit_note (VrWindow     *self,
           VrAnnotation *annotation)
{
  g_autofree char *passage = NULL;
  GtkTextIter start, end;
  GtkWidget *popover;

  if (!vr_text_view_get_annotation_bounds (get_text_view (self), annotation, &start, &end))
    {
      vr_window_add_toast (self, _("This note is on a passage not shown"));
      return;
    }

  passage = vr_notes_list_dup_passage (annotation, PASSAGE_CHARS);
  popover = vr_note_popover_new (passage, vr_annotation_get_note (annotation), TRUE);
  g_object_set_data_full (G_OBJECT (popover), "annotation", g_object_ref (annotation), g_object_unref);
  g_signal_connect_object (popover, "save", G_CALLBACK (on_edit_saved_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (popover, "delete", G_CALLBACK (on_edit_deleted_cb), self, G_CONNECT_SWAPPED);
  show_popover (self, popover, &start, &end);
}

static void
vr_window_edit_note_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *param)
{
  VrWindow *self = VR_WINDOW (widget);
  g_autoptr(VrAnnotation) annotation = dup_target (self, param);

  if (annotation != NULL)
    edit_note (self, annotation);
}

static void
vr_window_delete_note_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *param)
{
  VrWindow *self = VR_WINDOW (widget);
  g_autoptr(VrAnnotation) annotation = dup_target (self, param);

  if (annotation != NULL)
    delete_note (self, annotation);
}

static void
on_annotation_activated_cb (VrWindow     *self,
                            VrAnnotation *annotation,
                            VrTextView   *view)
{
  if (in_document (self, annotation))
    edit_note (self, annotation);
}

/* Enter in a noted passage opens its note; elsewhere Enter goes on. */
static gboolean
on_text_enter_cb (GtkWidget *widget,
                  GVariant  *args,
                  gpointer   user_data)
{
  VrWindow *self = user_data;
  VrAnnotation *annotation = vr_text_view_get_annotation_at_cursor (VR_TEXT_VIEW (widget));

  if (annotation == NULL || self->document == NULL || popover_open (self))
    return FALSE;

  edit_note (self, annotation);
  return TRUE;
}

void
_vr_window_notes_set_document (VrWindow   *self,
                               VrDocument *document)
{
  static const char *actions[] = { "win.add-note", "win.edit-note", "win.delete-note" };

  if (self->note_popover != NULL && gtk_widget_get_visible (self->note_popover))
    gtk_popover_popdown (GTK_POPOVER (self->note_popover));

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), actions[i], document != NULL);
}

GtkWidget *
_vr_window_get_note_popover (VrWindow *self)
{
  return self->note_popover;
}

void
_vr_window_notes_dispose (VrWindow *self)
{
  if (self->note_popover != NULL && gtk_widget_get_parent (self->note_popover) != NULL)
    gtk_widget_unparent (self->note_popover);
  g_clear_weak_pointer (&self->note_popover);
}

void
_vr_window_notes_init (VrWindow *self)
{
  static const guint enter_keys[] = { GDK_KEY_Return, GDK_KEY_KP_Enter, GDK_KEY_ISO_Enter };
  VrTextView *view = get_text_view (self);
  GtkEventController *shortcuts;

  g_signal_connect_object (view, "annotation-activated",
                           G_CALLBACK (on_annotation_activated_cb), self, G_CONNECT_SWAPPED);

  shortcuts = gtk_shortcut_controller_new ();
  for (guint i = 0; i < G_N_ELEMENTS (enter_keys); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (enter_keys[i], 0),
                                                            gtk_callback_action_new (on_text_enter_cb, self, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (view), shortcuts);

  _vr_window_notes_set_document (self, self->document);
}

void
_vr_window_class_notes_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.add-note", NULL, vr_window_add_note_action);
  /* The note's position in the document's list, or -1 for the one under
   * the text cursor. */
  gtk_widget_class_install_action (widget_class, "win.edit-note", "i", vr_window_edit_note_action);
  gtk_widget_class_install_action (widget_class, "win.delete-note", "i", vr_window_delete_note_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_m, GDK_CONTROL_MASK, "win.add-note", NULL);
}
