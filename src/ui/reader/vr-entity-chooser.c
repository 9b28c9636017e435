/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vr-entity-chooser"

#include "config.h"

#include <glib/gi18n.h>

#include "vr-entity-chooser.h"
#include "vr-fold.h"

struct _VrEntityChooser
{
  GtkPopover          parent_instance;

  VrDocument         *document;
  VrEntity           *exclude;
  char               *heading;
  char               *needle;

  GtkCustomFilter    *filter;
  GtkFilterListModel *filtered;
  GtkSortListModel   *sorted;

  GtkLabel           *heading_label;
  GtkSearchEntry     *search_entry;
  GtkStack           *list_stack;
  GtkListView        *list_view;
};

G_DEFINE_FINAL_TYPE (VrEntityChooser, vr_entity_chooser, GTK_TYPE_POPOVER)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_EXCLUDE,
  PROP_HEADING,
  N_PROPS
};

enum {
  ENTITY_CHOSEN,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static gboolean
matches (VrEntity   *entity,
         const char *needle)
{
  GListModel *variants = vr_entity_get_variants (entity);
  const char *names[] = {
    vr_entity_get_name (entity), vr_entity_get_hangul (entity),
    vr_entity_get_hanja (entity), vr_entity_get_cyrillic (entity),
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (names[i] != NULL && vr_fold_matches (names[i], needle))
      return TRUE;

  for (guint i = 0; i < g_list_model_get_n_items (variants); i++)
    {
      g_autoptr(VrVariant) variant = g_list_model_get_item (variants, i);

      if (vr_fold_matches (vr_variant_get_form (variant), needle))
        return TRUE;
    }

  return FALSE;
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  VrEntityChooser *self = user_data;

  if (item == (gpointer) self->exclude)
    return FALSE;

  return self->needle == NULL || self->needle[0] == '\0' || matches (item, self->needle);
}

static int
compare_func (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  return g_utf8_collate (vr_entity_get_name ((VrEntity *) a) ?: "",
                         vr_entity_get_name ((VrEntity *) b) ?: "");
}

static void
update_stack (VrEntityChooser *self)
{
  gtk_stack_set_visible_child_name (self->list_stack,
                                    g_list_model_get_n_items (G_LIST_MODEL (self->sorted)) > 0 ? "list" : "empty");
}

void
vr_entity_chooser_choose (VrEntityChooser *self,
                          guint            position)
{
  g_autoptr(VrEntity) entity = NULL;

  g_return_if_fail (VR_IS_ENTITY_CHOOSER (self));

  entity = g_list_model_get_item (G_LIST_MODEL (self->sorted), position);
  if (entity == NULL)
    return;

  g_object_ref (self);
  gtk_popover_popdown (GTK_POPOVER (self));
  g_signal_emit (self, signals[ENTITY_CHOSEN], 0, entity);
  g_object_unref (self);
}

void
vr_entity_chooser_set_search (VrEntityChooser *self,
                              const char      *text)
{
  g_autofree char *needle = NULL;

  g_return_if_fail (VR_IS_ENTITY_CHOOSER (self));

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), text ?: "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text ?: "");

  needle = vr_fold (text, NULL);
  if (g_strcmp0 (needle, self->needle) == 0)
    return;

  g_free (self->needle);
  self->needle = g_steal_pointer (&needle);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_stack (self);
}

GListModel *
vr_entity_chooser_get_model (VrEntityChooser *self)
{
  g_return_val_if_fail (VR_IS_ENTITY_CHOOSER (self), NULL);

  return G_LIST_MODEL (self->sorted);
}

GtkEditable *
vr_entity_chooser_get_search_entry (VrEntityChooser *self)
{
  g_return_val_if_fail (VR_IS_ENTITY_CHOOSER (self), NULL);

  return GTK_EDITABLE (self->search_entry);
}

static void
on_search_changed_cb (VrEntityChooser *self,
                      GtkSearchEntry  *entry)
{
  vr_entity_chooser_set_search (self, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
on_search_activate_cb (VrEntityChooser *self,
                       GtkSearchEntry  *entry)
{
  /* Enter takes the first match. */
  vr_entity_chooser_choose (self, 0);
}

static void
on_search_stop_cb (VrEntityChooser *self,
                   GtkSearchEntry  *entry)
{
  gtk_popover_popdown (GTK_POPOVER (self));
}

static void
on_list_activate_cb (VrEntityChooser *self,
                     guint            position,
                     GtkListView     *view)
{
  vr_entity_chooser_choose (self, position);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *kind = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (name), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (kind), 0.0);
  gtk_widget_add_css_class (kind, "dim-label");
  gtk_widget_add_css_class (kind, "caption");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), kind);
  gtk_list_item_set_child (item, box);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  VrEntity *entity = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *name = gtk_widget_get_first_child (box);
  GtkWidget *kind = gtk_widget_get_next_sibling (name);
  const char *kind_label = vr_entity_kind_get_label (vr_entity_get_kind (entity));
  g_autofree char *accessible = NULL;

  /* Plain text: a name from a document is never markup. */
  gtk_label_set_text (GTK_LABEL (name), vr_entity_get_name (entity));
  gtk_label_set_text (GTK_LABEL (kind), kind_label);

  /* Translators: an entity in a chooser, for screen readers: "NAME, KIND" */
  accessible = g_strdup_printf (_("%s, %s"), vr_entity_get_name (entity), kind_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_parent (box)),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
}

static void
vr_entity_chooser_constructed (GObject *object)
{
  VrEntityChooser *self = VR_ENTITY_CHOOSER (object);

  G_OBJECT_CLASS (vr_entity_chooser_parent_class)->constructed (object);

  gtk_filter_list_model_set_model (self->filtered,
                                   self->document != NULL ? vr_document_get_entities (self->document) : NULL);
  gtk_label_set_text (self->heading_label, self->heading ?: "");
  gtk_widget_set_visible (GTK_WIDGET (self->heading_label), self->heading != NULL && self->heading[0] != '\0');
  update_stack (self);
}

static void
vr_entity_chooser_dispose (GObject *object)
{
  VrEntityChooser *self = VR_ENTITY_CHOOSER (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), VR_TYPE_ENTITY_CHOOSER);

  g_clear_object (&self->sorted);
  g_clear_object (&self->exclude);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (vr_entity_chooser_parent_class)->dispose (object);
}

static void
vr_entity_chooser_finalize (GObject *object)
{
  VrEntityChooser *self = VR_ENTITY_CHOOSER (object);

  g_clear_pointer (&self->heading, g_free);
  g_clear_pointer (&self->needle, g_free);

  G_OBJECT_CLASS (vr_entity_chooser_parent_class)->finalize (object);
}

static void
vr_entity_chooser_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  VrEntityChooser *self = VR_ENTITY_CHOOSER (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_EXCLUDE:
      g_value_set_object (value, self->exclude);
      break;
    case PROP_HEADING:
      g_value_set_string (value, self->heading);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vr_entity_chooser_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  VrEntityChooser *self = VR_ENTITY_CHOOSER (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      self->document = g_value_dup_object (value);
      break;
    case PROP_EXCLUDE:
      self->exclude = g_value_dup_object (value);
      break;
    case PROP_HEADING:
      self->heading = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vr_entity_chooser_class_init (VrEntityChooserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = vr_entity_chooser_constructed;
  object_class->dispose = vr_entity_chooser_dispose;
  object_class->finalize = vr_entity_chooser_finalize;
  object_class->get_property = vr_entity_chooser_get_property;
  object_class->set_property = vr_entity_chooser_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         VR_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EXCLUDE] =
    g_param_spec_object ("exclude", NULL, NULL,
                         VR_TYPE_ENTITY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HEADING] =
    g_param_spec_string ("heading", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[ENTITY_CHOSEN] =
    g_signal_new ("entity-chosen",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, VR_TYPE_ENTITY);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/variorum/Variorum/reader/vr-entity-chooser.ui");
  gtk_widget_class_bind_template_child (widget_class, VrEntityChooser, heading_label);
  gtk_widget_class_bind_template_child (widget_class, VrEntityChooser, search_entry);
  gtk_widget_class_bind_template_child (widget_class, VrEntityChooser, list_stack);
  gtk_widget_class_bind_template_child (widget_class, VrEntityChooser, list_view);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_stop_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_list_activate_cb);
}

static void
vr_entity_chooser_init (VrEntityChooser *self)
{
  GtkListItemFactory *factory;
  GtkNoSelection *selection;
  GtkSorter *sorter;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->filtered = gtk_filter_list_model_new (NULL, GTK_FILTER (self->filter));
  sorter = GTK_SORTER (gtk_custom_sorter_new (compare_func, NULL, NULL));
  self->sorted = gtk_sort_list_model_new (G_LIST_MODEL (self->filtered), sorter);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->sorted)));
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
  g_signal_connect_object (self->sorted, "items-changed",
                           G_CALLBACK (update_stack), self, G_CONNECT_SWAPPED);
  g_object_unref (factory);

  gtk_popover_set_default_widget (GTK_POPOVER (self), NULL);
}

GtkWidget *
vr_entity_chooser_new (VrDocument *document,
                       VrEntity   *exclude,
                       const char *heading)
{
  g_return_val_if_fail (VR_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (exclude == NULL || VR_IS_ENTITY (exclude), NULL);

  return g_object_new (VR_TYPE_ENTITY_CHOOSER,
                       "document", document,
                       "exclude", exclude,
                       "heading", heading,
                       NULL);
}
