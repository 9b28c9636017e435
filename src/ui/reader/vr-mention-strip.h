/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "vr-core.h"

G_BEGIN_DECLS

#define VR_TYPE_MENTION_STRIP (vr_mention_strip_get_type ())
G_DECLARE_FINAL_TYPE (VrMentionStrip, vr_mention_strip, VR, MENTION_STRIP, GtkWidget)

/* A thin bar standing for the whole document, with a tick where each
 * mention falls. Clicking near a tick emits "mention-activated" (VrMention). */
GtkWidget *vr_mention_strip_new           (void);
/* @mentions: VrMention; @positions: one double in [0, 1] per mention. */
void       vr_mention_strip_set_mentions  (VrMentionStrip *self,
                                           GPtrArray      *mentions,
                                           GArray         *positions);
guint      vr_mention_strip_get_n_ticks   (VrMentionStrip *self);
/* The mention whose tick is nearest to @x (widget coordinates), or NULL. */
VrMention *vr_mention_strip_get_mention_at (VrMentionStrip *self,
                                            double          x);

G_END_DECLS
