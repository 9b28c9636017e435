/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "vr-presentation-window.h"

G_BEGIN_DECLS

/* For the tests: the parts they look at and the pointer timer. */
typedef enum
{
  VR_GLOSS_KIND,
  VR_GLOSS_NAME,
  VR_GLOSS_HANGUL,
  VR_GLOSS_RR,
  VR_GLOSS_MR,
  VR_GLOSS_DESCRIPTION,
  VR_GLOSS_N_LABELS
} VrGlossLabel;

GtkLabel  *_vr_presentation_window_get_gloss_label (VrPresentationWindow *self,
                                                    VrGlossLabel          which);
GtkWidget *_vr_presentation_window_get_gloss_card  (VrPresentationWindow *self);
GtkLabel  *_vr_presentation_window_get_text_label  (VrPresentationWindow *self);
/* The dimmed neighbour above (@next FALSE) or below (@next TRUE) the focused
 * paragraph; hidden when there is none. */
GtkLabel  *_vr_presentation_window_get_context_label (VrPresentationWindow *self,
                                                      gboolean              next);
/* The sign that the paragraph goes on below the screen. */
GtkWidget *_vr_presentation_window_get_more_below  (VrPresentationWindow *self);
/* The mention under (@x, @y) of the text label, as a click would find it. */
VrMention *_vr_presentation_window_get_mention_at  (VrPresentationWindow *self,
                                                    double                x,
                                                    double                y);
/* What a motion of the pointer does: shows it and restarts the timer. */
void       _vr_presentation_window_pointer_moved   (VrPresentationWindow *self);
void       _vr_presentation_window_set_pointer_delay (VrPresentationWindow *self,
                                                      guint                 msec);
gboolean   _vr_presentation_window_get_pointer_hidden (VrPresentationWindow *self);

G_END_DECLS
