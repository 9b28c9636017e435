/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "vr-core.h"

G_BEGIN_DECLS

#define VR_TYPE_NOTES_LIST (vr_notes_list_get_type ())
G_DECLARE_FINAL_TYPE (VrNotesList, vr_notes_list, VR, NOTES_LIST, GtkWidget)

/* The Notes page of the side panel: the document's notes in the order of
 * the text, each with its paragraph number, the passage it is on, the note
 * (all plain text), and Edit and Delete buttons, which activate
 * win.edit-note and win.delete-note with the note's position in the
 * document's annotations list. An empty document says how to add a note.
 *
 * Property "document" (nullable). Signal "note-activated" (VrAnnotation):
 * a row was clicked or activated with the keyboard. */
GtkWidget  *vr_notes_list_new          (void);
VrDocument *vr_notes_list_get_document (VrNotesList *self);
void        vr_notes_list_set_document (VrNotesList *self,
                                        VrDocument  *document);
/* The notes as shown, in document order (for the reader view and tests). */
GListModel *vr_notes_list_get_model    (VrNotesList *self);
/* The row showing the note at @position of vr_notes_list_get_model(), or
 * NULL. */
GtkWidget  *vr_notes_list_get_row      (VrNotesList *self,
                                        guint        position);

/* The passage @annotation is on, as plain text, cut at @max_chars with an
 * ellipsis; "" for a note on a point or a passage no longer in the text. */
char       *vr_notes_list_dup_passage  (VrAnnotation *annotation,
                                        guint         max_chars);

G_END_DECLS
