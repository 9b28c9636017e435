/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "vr-core.h"

G_BEGIN_DECLS

#define VR_TYPE_TAG_POPOVER (vr_tag_popover_get_type ())
G_DECLARE_FINAL_TYPE (VrTagPopover, vr_tag_popover, VR, TAG_POPOVER, GtkPopover)

/* Chooses the entity a piece of text names: a searchable list of the
 * document's entities, a "Short reference" switch, and a "New Entity" row
 * (name and kind). Signal "entity-chosen" (VrEntity *entity, gboolean
 * is_short): @entity is in the document, or new (not yet added, with a
 * fresh id). With @retarget the switch and the new entity row are hidden:
 * it moves an existing mention. */
GtkWidget  *vr_tag_popover_new              (VrDocument   *document,
                                             const char   *text,
                                             gboolean      retarget);
/* For tests and keyboard users: what the list shows after the search. */
GListModel *vr_tag_popover_get_entities     (VrTagPopover *self);
GtkEditable *vr_tag_popover_get_search_entry (VrTagPopover *self);
/* Chooses the @position-th entity shown, or a new one named @name. */
void        vr_tag_popover_choose           (VrTagPopover *self,
                                             guint         position);
void        vr_tag_popover_choose_new       (VrTagPopover *self,
                                             const char   *name,
                                             VrEntityKind  kind);
void        vr_tag_popover_set_short        (VrTagPopover *self,
                                             gboolean      is_short);

G_END_DECLS
