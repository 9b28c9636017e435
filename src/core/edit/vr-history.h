/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "vr-command.h"
#include "vr-document.h"

G_BEGIN_DECLS

#define VR_TYPE_HISTORY (vr_history_get_type ())
G_DECLARE_FINAL_TYPE (VrHistory, vr_history, VR, HISTORY, GObject)

/* The undo history of one document: every edit is a VrCommand pushed here.
 *
 * Properties: "document" (construct-only), "can-undo", "can-redo",
 * "undo-label", "redo-label" (the label of the command that undo or redo
 * would revert or apply, NULL when none; a menu shows "Undo %s").
 *
 * Signal "changed": emitted after every push, undo and redo that changed
 * the document, even when no property changed (two steps with one label).
 *
 * The history knows where the document was last saved: the state when it
 * was created (a freshly loaded document), or when the document's
 * "modified" went FALSE (vr_document_save_file does that), or when
 * vr_history_mark_saved() was called. Undoing or redoing to that state
 * clears the document's "modified"; any other state sets it. A push after
 * an undo drops the commands that could have been redone. */
VrHistory  *vr_history_new            (VrDocument *document);
VrDocument *vr_history_get_document   (VrHistory  *self);

/* Applies @command to the document and records it. */
void        vr_history_push           (VrHistory  *self,
                                       VrCommand  *command);
gboolean    vr_history_undo           (VrHistory  *self);
gboolean    vr_history_redo           (VrHistory  *self);

gboolean    vr_history_get_can_undo   (VrHistory  *self);
gboolean    vr_history_get_can_redo   (VrHistory  *self);
const char *vr_history_get_undo_label (VrHistory  *self);
const char *vr_history_get_redo_label (VrHistory  *self);

/* The current state is the saved one; clears the document's "modified". */
void        vr_history_mark_saved     (VrHistory  *self);
/* Forgets every command (the current state stays). */
void        vr_history_clear          (VrHistory  *self);

G_END_DECLS
