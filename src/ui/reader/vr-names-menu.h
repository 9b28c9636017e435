/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "vr-core.h"

G_BEGIN_DECLS

#define VR_TYPE_NAMES_MENU (vr_names_menu_get_type ())
G_DECLARE_FINAL_TYPE (VrNamesMenu, vr_names_menu, VR, NAMES_MENU, GObject)

/* The menus for reconciling names, shared by the spellings table and the
 * entity sidebar (their "owner"): a spelling's menu, an entity's menu, the
 * context popover that shows them and the entity chooser their "…" items
 * open, parented to the owner and pointing at the item they are about.
 *
 * The spelling menu uses an action group "spelling" for one VrVariant:
 * spelling.make-preferred, .move, .split, .different, and the stateful
 * spelling.system and spelling.status (the file format's strings). The
 * entity menu uses "entity": entity.add-spelling, .merge, .different.
 * Edits go through the window's actions (win.make-preferred …, see
 * vr-window-reconcile.c), activated from the owner, so that each is one
 * undoable step. */

VrNamesMenu  *vr_names_menu_new                  (GtkWidget    *owner);
void          vr_names_menu_set_document         (VrNamesMenu  *self,
                                                  VrDocument   *document);
GMenuModel   *vr_names_menu_get_spelling_model   (void);
GMenuModel   *vr_names_menu_get_entity_model     (void);

/* A "spelling" or "entity" action group for one item; insert it where the
 * menu that uses it can find it. */
GSimpleActionGroup *vr_names_menu_create_spelling_actions (VrNamesMenu *self,
                                                     VrVariant   *variant);
GSimpleActionGroup *vr_names_menu_create_entity_actions (VrNamesMenu *self,
                                                     VrEntity    *entity);

/* Where the next chooser points: @rect in @widget's coordinates (NULL for
 * all of @widget). Menus and menu buttons set it when they open. */
void          vr_names_menu_set_anchor           (VrNamesMenu        *self,
                                                  GtkWidget          *widget,
                                                  const GdkRectangle *rect);

/* Makes @button's menu (set before) the anchor of the choosers it opens. */
void          vr_names_menu_track_button         (VrNamesMenu        *self,
                                                  GtkMenuButton      *button);

/* Pops @model up at the anchor. @group (nullable) is inserted on the
 * popover as @prefix; without it the actions are looked up from the owner
 * up. */
void          vr_names_menu_popup                (VrNamesMenu        *self,
                                                  GMenuModel         *model,
                                                  const char         *prefix,
                                                  GActionGroup       *group,
                                                  GtkWidget          *widget,
                                                  const GdkRectangle *rect);
/* The "Add Spelling…" of the entity menu calls the owner's
 * @add_spelling (owner, entity). */
void          vr_names_menu_set_add_spelling_func (VrNamesMenu  *self,
                                                   void (*add_spelling) (GtkWidget *owner,
                                                                         VrEntity  *entity));

/* The open (or last) context popover and chooser, for tests. */
GtkWidget    *vr_names_menu_get_popover          (VrNamesMenu  *self);
GtkWidget    *vr_names_menu_get_chooser          (VrNamesMenu  *self);

/* Right click, long press, the Menu key and Shift+F10 on @widget call
 * @func (@widget, the widget under the pointer or the focus, x, y in
 * @widget's coordinates, user_data); x and y are negative for the keys. */
typedef void (*VrNamesMenuContextFunc) (GtkWidget *widget,
                                        GtkWidget *target,
                                        double     x,
                                        double     y,
                                        gpointer   user_data);
void          vr_names_menu_attach_context       (GtkWidget              *widget,
                                                  VrNamesMenuContextFunc  func,
                                                  gpointer                user_data);

/* The nearest widget from @target up to (not including) @stop that
 * carries @key as object data; with @look_inside, also below @target (a
 * focused list row holds the cells that carry it). */
GtkWidget    *vr_names_menu_find_data_widget     (GtkWidget    *target,
                                                  GtkWidget    *stop,
                                                  const char   *key,
                                                  gboolean      look_inside);

G_END_DECLS
