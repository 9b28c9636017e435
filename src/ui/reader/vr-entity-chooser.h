/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "vr-core.h"

G_BEGIN_DECLS

#define VR_TYPE_ENTITY_CHOOSER (vr_entity_chooser_get_type ())
G_DECLARE_FINAL_TYPE (VrEntityChooser, vr_entity_chooser, VR, ENTITY_CHOOSER, GtkPopover)

/* A searchable list of a document's entities in a popover, for "Move to
 * Entity…", "Merge into…" and "Not the Same Person As…". The search folds
 * case and diacritics and matches any spelling of an entity, as the
 * sidebar's filter does. Construct-only properties: "document", "exclude"
 * (an entity not to offer, nullable), "heading" (plain text).
 * Signal "entity-chosen" (VrEntity): the popover has closed. */
GtkWidget   *vr_entity_chooser_new              (VrDocument      *document,
                                                 VrEntity        *exclude,
                                                 const char      *heading);
/* What the list shows after the search, for tests and keyboard code. */
GListModel  *vr_entity_chooser_get_model        (VrEntityChooser *self);
GtkEditable *vr_entity_chooser_get_search_entry (VrEntityChooser *self);
void         vr_entity_chooser_set_search       (VrEntityChooser *self,
                                                 const char      *text);
/* Chooses the @position-th entity shown. */
void         vr_entity_chooser_choose           (VrEntityChooser *self,
                                                 guint            position);

G_END_DECLS
