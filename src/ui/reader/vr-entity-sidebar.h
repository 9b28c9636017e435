/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "vr-core.h"
#include "vr-names-menu.h"

G_BEGIN_DECLS

#define VR_TYPE_ENTITY_SIDEBAR (vr_entity_sidebar_get_type ())
G_DECLARE_FINAL_TYPE (VrEntitySidebar, vr_entity_sidebar, VR, ENTITY_SIDEBAR, GtkWidget)

/* The document's entities, one list per kind with mention counts, a filter
 * that matches any spelling, and for the selected entity its forms, its
 * mentions in context and a strip of where they fall.
 * Properties: "document", "selected-entity" (nullable).
 * Signal "mention-activated" (VrMention): the reader should show it. */
GtkWidget  *vr_entity_sidebar_new                 (void);
VrDocument *vr_entity_sidebar_get_document        (VrEntitySidebar *self);
void        vr_entity_sidebar_set_document        (VrEntitySidebar *self,
                                                   VrDocument      *document);
VrEntity   *vr_entity_sidebar_get_selected_entity (VrEntitySidebar *self);
void        vr_entity_sidebar_set_selected_entity (VrEntitySidebar *self,
                                                   VrEntity        *entity);
void        vr_entity_sidebar_set_filter_text     (VrEntitySidebar *self,
                                                   const char      *text);
void        vr_entity_sidebar_focus_filter        (VrEntitySidebar *self);

/* What the lists show, for the window's tests and for keyboard code:
 * the filtered, sorted entities of one kind, and the selected entity's
 * mentions (the keyword-in-context list). */
GListModel *vr_entity_sidebar_get_kind_model      (VrEntitySidebar *self,
                                                   VrEntityKind     kind);
GListModel *vr_entity_sidebar_get_mention_model   (VrEntitySidebar *self);
GtkWidget  *vr_entity_sidebar_get_strip           (VrEntitySidebar *self);

/* Reconciling: "Add Spelling…" for the selected entity (a popover with
 * the form and its system, which activates win.add-spelling), and the
 * menus of spellings and entities (right click, long press, Menu,
 * Shift+F10 and the "⋮" buttons; see vr-names-menu.h). */
void        vr_entity_sidebar_show_add_spelling   (VrEntitySidebar *self);
/* Fills the open popover with @form and @system and presses Add. */
void        vr_entity_sidebar_add_spelling        (VrEntitySidebar *self,
                                                   const char      *form,
                                                   VrNameSystem     system);
GtkWidget  *vr_entity_sidebar_get_add_spelling_popover (VrEntitySidebar *self);
GtkWidget  *vr_entity_sidebar_get_forms_list      (VrEntitySidebar *self);
VrNamesMenu *vr_entity_sidebar_get_names_menu     (VrEntitySidebar *self);

/* The left context, the mention and the right context of @mention, each
 * newly allocated, on one line. */
void        vr_entity_sidebar_get_context         (VrMention       *mention,
                                                   char           **left,
                                                   char           **text,
                                                   char           **right);

G_END_DECLS
