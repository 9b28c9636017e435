/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A GListModel over a GPtrArray: cheaper than GListStore (no GSequence)
 * for the model's big lists, and open to the document for bulk work.
 * Internal to the core. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define VR_TYPE_OBJECT_LIST (vr_object_list_get_type ())
G_DECLARE_FINAL_TYPE (VrObjectList, vr_object_list, VR, OBJECT_LIST, GObject)

/* @owns_items: whether the list holds a reference on each item; a list that
 * does not only points at items another list keeps alive. */
VrObjectList *_vr_object_list_new          (GType         item_type,
                                            gboolean      owns_items);
/* The backing array, for bulk changes; call _vr_object_list_emit after. */
GPtrArray    *_vr_object_list_get_array    (VrObjectList *self);
guint         _vr_object_list_get_length   (VrObjectList *self);
gpointer      _vr_object_list_peek         (VrObjectList *self,
                                            guint         position);
void          _vr_object_list_emit         (VrObjectList *self,
                                            guint         position,
                                            guint         removed,
                                            guint         added);
void          _vr_object_list_insert       (VrObjectList *self,
                                            guint         position,
                                            gpointer      item);
void          _vr_object_list_append       (VrObjectList *self,
                                            gpointer      item);
void          _vr_object_list_remove_index (VrObjectList *self,
                                            guint         position);
/* Index of @item, or -1. Linear. */
int           _vr_object_list_find         (VrObjectList *self,
                                            gpointer      item);
void          _vr_object_list_clear        (VrObjectList *self);

G_END_DECLS
