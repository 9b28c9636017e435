/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vr-object-list"

#include "config.h"

#include "vr-object-list.h"

struct _VrObjectList
{
  GObject    parent_instance;
  GType      item_type;
  GPtrArray *items;
  guint      owns_items : 1;
};

static GType
vr_object_list_get_item_type (GListModel *model)
{
  return VR_OBJECT_LIST (model)->item_type;
}

static guint
vr_object_list_get_n_items (GListModel *model)
{
  return VR_OBJECT_LIST (model)->items->len;
}

static gpointer
vr_object_list_get_item (GListModel *model,
                         guint       position)
{
  VrObjectList *self = VR_OBJECT_LIST (model);

  if (position >= self->items->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = vr_object_list_get_item_type;
  iface->get_n_items = vr_object_list_get_n_items;
  iface->get_item = vr_object_list_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (VrObjectList, vr_object_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static void
vr_object_list_finalize (GObject *object)
{
  VrObjectList *self = (VrObjectList *)object;

  g_clear_pointer (&self->items, g_ptr_array_unref);

  G_OBJECT_CLASS (vr_object_list_parent_class)->finalize (object);
}

static void
vr_object_list_class_init (VrObjectListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = vr_object_list_finalize;
}

static void
vr_object_list_init (VrObjectList *self)
{
}

VrObjectList *
_vr_object_list_new (GType    item_type,
                     gboolean owns_items)
{
  VrObjectList *self;

  g_return_val_if_fail (g_type_is_a (item_type, G_TYPE_OBJECT), NULL);

  self = g_object_new (VR_TYPE_OBJECT_LIST, NULL);
  self->item_type = item_type;
  self->owns_items = !!owns_items;
  self->items = g_ptr_array_new_with_free_func (owns_items ? g_object_unref : NULL);

  return self;
}

GPtrArray *
_vr_object_list_get_array (VrObjectList *self)
{
  return self->items;
}

guint
_vr_object_list_get_length (VrObjectList *self)
{
  return self->items->len;
}

gpointer
_vr_object_list_peek (VrObjectList *self,
                      guint         position)
{
  g_return_val_if_fail (position < self->items->len, NULL);

  return g_ptr_array_index (self->items, position);
}

void
_vr_object_list_emit (VrObjectList *self,
                      guint         position,
                      guint         removed,
                      guint         added)
{
  if (removed == 0 && added == 0)
    return;

  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
}

void
_vr_object_list_insert (VrObjectList *self,
                        guint         position,
                        gpointer      item)
{
  g_return_if_fail (position <= self->items->len);

  g_ptr_array_insert (self->items, position,
                      self->owns_items ? g_object_ref (item) : item);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 0, 1);
}

void
_vr_object_list_append (VrObjectList *self,
                        gpointer      item)
{
  _vr_object_list_insert (self, self->items->len, item);
}

void
_vr_object_list_remove_index (VrObjectList *self,
                              guint         position)
{
  gpointer item;

  g_return_if_fail (position < self->items->len);

  /* Keep the item alive until handlers of items-changed have run. */
  item = g_ptr_array_steal_index (self->items, position);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
  if (self->owns_items)
    g_object_unref (item);
}

int
_vr_object_list_find (VrObjectList *self,
                      gpointer      item)
{
  for (guint i = 0; i < self->items->len; i++)
    {
      if (g_ptr_array_index (self->items, i) == item)
        return (int)i;
    }

  return -1;
}

void
_vr_object_list_clear (VrObjectList *self)
{
  g_autoptr(GPtrArray) old = NULL;
  guint n = self->items->len;

  if (n == 0)
    return;

  old = g_steal_pointer (&self->items);
  self->items = g_ptr_array_new_with_free_func (self->owns_items ? g_object_unref : NULL);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, n, 0);
}
