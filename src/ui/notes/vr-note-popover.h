/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define VR_TYPE_NOTE_POPOVER (vr_note_popover_get_type ())
G_DECLARE_FINAL_TYPE (VrNotePopover, vr_note_popover, VR, NOTE_POPOVER, GtkPopover)

/* Writes a new note on @anchor (the passage, quoted as plain text) or,
 * with @editing, edits one whose text is @note: a multi-line field, Add or
 * Save (Ctrl+Enter), Cancel (Escape) and, when editing, Delete. It edits
 * nothing itself. Signals "save" (const char *text): the field's text,
 * never empty or only spaces; "delete". The popover closes after either. */
GtkWidget   *vr_note_popover_new         (const char    *anchor,
                                          const char    *note,
                                          gboolean       editing);
gboolean     vr_note_popover_get_editing (VrNotePopover *self);
GtkTextView *vr_note_popover_get_field   (VrNotePopover *self);
/* What the Add/Save button and Ctrl+Enter do; FALSE when the field is
 * empty. */
gboolean     vr_note_popover_save        (VrNotePopover *self);
/* What the Delete button does; FALSE unless editing. */
gboolean     vr_note_popover_delete      (VrNotePopover *self);

G_END_DECLS
