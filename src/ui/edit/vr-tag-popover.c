/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vr-tag-popover"

#include "config.h"

#include <glib/gi18n.h>

#include "vr-tag-popover.h"

struct _VrTagPopover
{
  GtkPopover          parent_instance;

  VrDocument         *document;
  GtkFilterListModel *filtered;
  GtkStringFilter    *filter;

  GtkWidget          *search_entry;
  GtkWidget          *list_view;
  GtkWidget          *short_row;
  GtkWidget          *short_switch;
  GtkWidget          *new_box;
  GtkWidget          *name_entry;
  GtkWidget          *kind_dropdown;
  GtkStringList      *kind_model;
};

G_DEFINE_FINAL_TYPE (VrTagPopover, vr_tag_popover, GTK_TYPE_POPOVER)

enum {
  ENTITY_CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const VrEntityKind kinds[] = {
  VR_ENTITY_KIND_PERSON,
  VR_ENTITY_KIND_ORGANIZATION,
  VR_ENTITY_KIND_PLACE,
  VR_ENTITY_KIND_EVENT,
  VR_ENTITY_KIND_OTHER,
};

static void
choose (VrTagPopover *self,
        VrEntity     *entity)
{
  gboolean is_short = gtk_switch_get_active (GTK_SWITCH (self->short_switch));

  g_object_ref (self);
  gtk_popover_popdown (GTK_POPOVER (self));
  g_signal_emit (self, signals[ENTITY_CHOSEN], 0, entity, is_short);
  g_object_unref (self);
}

void
vr_tag_popover_choose (VrTagPopover *self,
                       guint         position)
{
  g_autoptr(VrEntity) entity = NULL;

  g_return_if_fail (VR_IS_TAG_POPOVER (self));

  entity = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);
  if (entity != NULL)
    choose (self, entity);
}

void
vr_tag_popover_choose_new (VrTagPopover *self,
                           const char   *name,
                           VrEntityKind  kind)
{
  g_autoptr(VrEntity) entity = NULL;
  g_autofree char *id = NULL;
  g_autofree char *stripped = NULL;

  g_return_if_fail (VR_IS_TAG_POPOVER (self));
  g_return_if_fail (name != NULL);

  stripped = g_strstrip (g_strdup (name));
  if (stripped[0] == '\0')
    return;

  id = vr_document_dup_new_entity_id (self->document, stripped);
  entity = vr_entity_new (id, kind, stripped);
  choose (self, entity);
}

void
vr_tag_popover_set_short (VrTagPopover *self,
                          gboolean      is_short)
{
  g_return_if_fail (VR_IS_TAG_POPOVER (self));

  gtk_switch_set_active (GTK_SWITCH (self->short_switch), is_short);
}

GListModel *
vr_tag_popover_get_entities (VrTagPopover *self)
{
  g_return_val_if_fail (VR_IS_TAG_POPOVER (self), NULL);

  return G_LIST_MODEL (self->filtered);
}

GtkEditable *
vr_tag_popover_get_search_entry (VrTagPopover *self)
{
  g_return_val_if_fail (VR_IS_TAG_POPOVER (self), NULL);

  return GTK_EDITABLE (self->search_entry);
}

static void
on_search_changed_cb (VrTagPopover   *self,
                      GtkSearchEntry *entry)
{
  gtk_string_filter_set_search (self->filter, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
on_search_activate_cb (VrTagPopover   *self,
                       GtkSearchEntry *entry)
{
  /* Enter takes the first match. */
  vr_tag_popover_choose (self, 0);
}

static void
on_list_activate_cb (VrTagPopover *self,
                     guint         position,
                     GtkListView  *view)
{
  vr_tag_popover_choose (self, position);
}

static void
on_add_clicked_cb (VrTagPopover *self,
                   GtkButton    *button)
{
  guint selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->kind_dropdown));

  vr_tag_popover_choose_new (self,
                             gtk_editable_get_text (GTK_EDITABLE (self->name_entry)),
                             selected < G_N_ELEMENTS (kinds) ? kinds[selected] : VR_ENTITY_KIND_OTHER);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item)
{
  VrEntity *entity = gtk_list_item_get_item (item);
  g_autofree char *text = NULL;

  /* Plain text: a name from a document is never markup. */
  text = g_strdup_printf ("%s (%s)", vr_entity_get_name (entity),
                          vr_entity_kind_get_label (vr_entity_get_kind (entity)));
  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), text);
}

static void
vr_tag_popover_dispose (GObject *object)
{
  VrTagPopover *self = (VrTagPopover *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), VR_TYPE_TAG_POPOVER);
  g_clear_object (&self->document);
  g_clear_object (&self->filtered);

  G_OBJECT_CLASS (vr_tag_popover_parent_class)->dispose (object);
}

static void
vr_tag_popover_class_init (VrTagPopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vr_tag_popover_dispose;

  signals[ENTITY_CHOSEN] =
    g_signal_new ("entity-chosen",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, VR_TYPE_ENTITY, G_TYPE_BOOLEAN);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/variorum/Variorum/edit/vr-tag-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, VrTagPopover, search_entry);
  gtk_widget_class_bind_template_child (widget_class, VrTagPopover, list_view);
  gtk_widget_class_bind_template_child (widget_class, VrTagPopover, short_row);
  gtk_widget_class_bind_template_child (widget_class, VrTagPopover, short_switch);
  gtk_widget_class_bind_template_child (widget_class, VrTagPopover, new_box);
  gtk_widget_class_bind_template_child (widget_class, VrTagPopover, name_entry);
  gtk_widget_class_bind_template_child (widget_class, VrTagPopover, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, VrTagPopover, kind_model);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_list_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_add_clicked_cb);
}

static void
vr_tag_popover_init (VrTagPopover *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    gtk_string_list_append (self->kind_model, vr_entity_kind_get_label (kinds[i]));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);
  gtk_list_view_set_factory (GTK_LIST_VIEW (self->list_view), factory);
}

GtkWidget *
vr_tag_popover_new (VrDocument *document,
                    const char *text,
                    gboolean    retarget)
{
  g_autoptr(GtkNoSelection) selection = NULL;
  GtkExpression *expression;
  VrTagPopover *self;

  g_return_val_if_fail (VR_IS_DOCUMENT (document), NULL);

  self = g_object_new (VR_TYPE_TAG_POPOVER, NULL);
  self->document = g_object_ref (document);

  expression = gtk_property_expression_new (VR_TYPE_ENTITY, NULL, "name");
  self->filter = gtk_string_filter_new (expression);
  gtk_string_filter_set_ignore_case (self->filter, TRUE);
  gtk_string_filter_set_match_mode (self->filter, GTK_STRING_FILTER_MATCH_MODE_SUBSTRING);
  self->filtered = gtk_filter_list_model_new (g_object_ref (vr_document_get_entities (document)),
                                              GTK_FILTER (self->filter));
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->filtered)));
  gtk_list_view_set_model (GTK_LIST_VIEW (self->list_view), GTK_SELECTION_MODEL (selection));

  gtk_editable_set_text (GTK_EDITABLE (self->name_entry), text ? text : "");
  gtk_widget_set_visible (self->short_row, !retarget);
  gtk_widget_set_visible (self->new_box, !retarget);

  gtk_popover_set_default_widget (GTK_POPOVER (self), NULL);
  gtk_widget_grab_focus (self->search_entry);

  return GTK_WIDGET (self);
}
