/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "vr-core.h"

G_BEGIN_DECLS

#define VR_TYPE_PRESENTATION_WINDOW (vr_presentation_window_get_type ())
G_DECLARE_FINAL_TYPE (VrPresentationWindow, vr_presentation_window, VR, PRESENTATION_WINDOW, AdwWindow)

/* Presentation mode: a document's text for projection, one paragraph at a
 * time in large type, names in the colours of their entity's kind, and a
 * gloss card for a name on demand. It reads the document it is given (the
 * desk window's) and follows its changes; it never edits it.
 *
 * Properties: "document" (construct-only), "paragraph" (index of the
 * paragraph shown), "zoom" (0.5–3.0; the window binds it to the
 * "presentation-zoom" setting), "gloss-entity" (read-only, NULL when no
 * gloss is shown), "focused-mention" (read-only: the name Tab moved to).
 *
 * Actions (and keys): presentation.next (Space, Page Down, Down, Right),
 * presentation.previous (Shift+Space, Page Up, Up, Left),
 * presentation.first (Home), presentation.last (End),
 * presentation.next-name (Tab), presentation.previous-name (Shift+Tab),
 * presentation.gloss (Return: the gloss of the focused name),
 * presentation.escape (Escape: closes the gloss, else leaves),
 * presentation.leave (F5), presentation.zoom-in (Ctrl+plus),
 * presentation.zoom-out (Ctrl+minus), presentation.zoom-reset (Ctrl+0).
 * Leaving closes the window; whoever opened it watches "close-request". */
GtkWidget  *vr_presentation_window_new                 (VrDocument           *document,
                                                        guint                 paragraph);
VrDocument *vr_presentation_window_get_document        (VrPresentationWindow *self);
guint       vr_presentation_window_get_paragraph       (VrPresentationWindow *self);
/* Clamped to the paragraphs there are. */
void        vr_presentation_window_set_paragraph       (VrPresentationWindow *self,
                                                        guint                 paragraph);
guint       vr_presentation_window_get_n_paragraphs    (VrPresentationWindow *self);
double      vr_presentation_window_get_zoom            (VrPresentationWindow *self);
void        vr_presentation_window_set_zoom            (VrPresentationWindow *self,
                                                        double                zoom);
/* "¶ 12 of 61", as shown. */
const char *vr_presentation_window_get_position_text   (VrPresentationWindow *self);

VrMention  *vr_presentation_window_get_focused_mention (VrPresentationWindow *self);
VrEntity   *vr_presentation_window_get_gloss_entity    (VrPresentationWindow *self);
void        vr_presentation_window_show_gloss          (VrPresentationWindow *self,
                                                        VrEntity             *entity);
void        vr_presentation_window_hide_gloss          (VrPresentationWindow *self);

G_END_DECLS
