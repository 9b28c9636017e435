/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vr-note-popover"

#include "config.h"

#include <glib/gi18n.h>

#include "vr-note-popover.h"

struct _VrNotePopover
{
  GtkPopover   parent_instance;

  gboolean     editing;

  GtkLabel    *title_label;
  GtkLabel    *anchor_label;
  GtkTextView *field;
  GtkWidget   *delete_button;
  GtkWidget   *cancel_button;
  GtkWidget   *save_button;
};

G_DEFINE_FINAL_TYPE (VrNotePopover, vr_note_popover, GTK_TYPE_POPOVER)

enum {
  SAVE,
  DELETE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
dup_field_text (VrNotePopover *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->field);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);

  return g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
}

static void
on_field_changed_cb (VrNotePopover *self,
                     GtkTextBuffer *buffer)
{
  g_autofree char *text = dup_field_text (self);

  gtk_widget_set_sensitive (self->save_button, text[0] != '\0');
}

gboolean
vr_note_popover_save (VrNotePopover *self)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (VR_IS_NOTE_POPOVER (self), FALSE);

  text = dup_field_text (self);
  if (text[0] == '\0')
    return FALSE;

  /* Closed first: the handler may replace this popover with another. */
  g_object_ref (self);
  gtk_popover_popdown (GTK_POPOVER (self));
  g_signal_emit (self, signals[SAVE], 0, text);
  g_object_unref (self);

  return TRUE;
}

gboolean
vr_note_popover_delete (VrNotePopover *self)
{
  g_return_val_if_fail (VR_IS_NOTE_POPOVER (self), FALSE);

  if (!self->editing)
    return FALSE;

  g_object_ref (self);
  gtk_popover_popdown (GTK_POPOVER (self));
  g_signal_emit (self, signals[DELETE], 0);
  g_object_unref (self);

  return TRUE;
}

static void
on_save_clicked_cb (VrNotePopover *self)
{
  vr_note_popover_save (self);
}

static void
on_delete_clicked_cb (VrNotePopover *self)
{
  vr_note_popover_delete (self);
}

static void
on_cancel_clicked_cb (VrNotePopover *self)
{
  gtk_popover_popdown (GTK_POPOVER (self));
}

static gboolean
save_shortcut_cb (GtkWidget *widget,
                  GVariant  *args,
                  gpointer   user_data)
{
  vr_note_popover_save (VR_NOTE_POPOVER (widget));

  /* Ctrl+Enter never types a line break, even with an empty field. */
  return TRUE;
}

static void
vr_note_popover_map (GtkWidget *widget)
{
  VrNotePopover *self = VR_NOTE_POPOVER (widget);

  GTK_WIDGET_CLASS (vr_note_popover_parent_class)->map (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->field));
}

static void
vr_note_popover_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), VR_TYPE_NOTE_POPOVER);

  G_OBJECT_CLASS (vr_note_popover_parent_class)->dispose (object);
}

static void
vr_note_popover_class_init (VrNotePopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vr_note_popover_dispose;
  widget_class->map = vr_note_popover_map;

  signals[SAVE] =
    g_signal_new ("save",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[DELETE] =
    g_signal_new ("delete",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/variorum/Variorum/notes/vr-note-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, VrNotePopover, title_label);
  gtk_widget_class_bind_template_child (widget_class, VrNotePopover, anchor_label);
  gtk_widget_class_bind_template_child (widget_class, VrNotePopover, field);
  gtk_widget_class_bind_template_child (widget_class, VrNotePopover, delete_button);
  gtk_widget_class_bind_template_child (widget_class, VrNotePopover, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, VrNotePopover, save_button);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_delete_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked_cb);
}

static void
vr_note_popover_init (VrNotePopover *self)
{
  static const guint enter_keys[] = { GDK_KEY_Return, GDK_KEY_KP_Enter, GDK_KEY_ISO_Enter };
  GtkEventController *shortcuts;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Caught before the field, which would take Enter as a line break. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (enter_keys); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (enter_keys[i], GDK_CONTROL_MASK),
                                                            gtk_callback_action_new (save_shortcut_cb, NULL, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);

  g_signal_connect_object (gtk_text_view_get_buffer (self->field), "changed",
                           G_CALLBACK (on_field_changed_cb), self, G_CONNECT_SWAPPED);
}

GtkWidget *
vr_note_popover_new (const char *anchor,
                     const char *note,
                     gboolean    editing)
{
  VrNotePopover *self = g_object_new (VR_TYPE_NOTE_POPOVER, NULL);
  g_autofree char *quoted = NULL;

  self->editing = !!editing;

  gtk_label_set_text (self->title_label, editing ? _("Edit Note") : _("Add Note"));
  gtk_button_set_label (GTK_BUTTON (self->save_button), editing ? _("_Save") : _("_Add"));
  gtk_widget_set_tooltip_text (self->save_button,
                               editing ? _("Save the Note (Ctrl+Enter)") : _("Add the Note (Ctrl+Enter)"));
  gtk_widget_set_visible (self->delete_button, editing);

  /* Plain text, isolated so that bidi marks in it cannot turn the
   * quotation marks around. */
  if (anchor != NULL && anchor[0] != '\0')
    {
      /* Translators: the passage a note is on, quoted */
      quoted = g_strdup_printf (_("On “\u2068%s\u2069”"), anchor);
      gtk_label_set_text (self->anchor_label, quoted);
    }
  else
    gtk_widget_set_visible (GTK_WIDGET (self->anchor_label), FALSE);

  if (note != NULL)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->field), note, -1);

  return GTK_WIDGET (self);
}

gboolean
vr_note_popover_get_editing (VrNotePopover *self)
{
  g_return_val_if_fail (VR_IS_NOTE_POPOVER (self), FALSE);

  return self->editing;
}

GtkTextView *
vr_note_popover_get_field (VrNotePopover *self)
{
  g_return_val_if_fail (VR_IS_NOTE_POPOVER (self), NULL);

  return self->field;
}
