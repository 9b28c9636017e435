/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "vr-core.h"
#include "vr-history.h"

G_BEGIN_DECLS

#define VR_TYPE_WINDOW (vr_window_get_type ())
G_DECLARE_FINAL_TYPE (VrWindow, vr_window, VR, WINDOW, AdwApplicationWindow)

/* Properties: "document" (VrDocument, nullable: NULL shows the empty state),
 * "loading" (read-only: a file is being loaded into the window). */
VrWindow   *vr_window_new           (GtkApplication *application);
VrDocument *vr_window_get_document  (VrWindow       *self);
void        vr_window_set_document  (VrWindow       *self,
                                     VrDocument     *document);
/* The file of the document shown, or NULL. */
GFile      *vr_window_get_file      (VrWindow       *self);
gboolean    vr_window_get_loading   (VrWindow       *self);
/* TRUE when the window shows no document and loads none: a file opened
 * from elsewhere may take it. */
gboolean    vr_window_is_empty      (VrWindow       *self);
/* Loads @file in a worker thread and shows it in this window. On failure
 * the loader's message is shown and the document already open stays. */
void        vr_window_open_file     (VrWindow       *self,
                                     GFile          *file);
/* The undo history of the document shown (NULL without one). Every edit
 * of the document goes through it: vr_window_push_command() applies a
 * command and makes it undoable. */
VrHistory  *vr_window_get_history   (VrWindow       *self);
void        vr_window_push_command  (VrWindow       *self,
                                     VrCommand      *command);
/* Shows @message (plain text, not markup) in a toast. */
void        vr_window_add_toast     (VrWindow       *self,
                                     const char     *message);

G_END_DECLS
