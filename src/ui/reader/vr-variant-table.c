/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vr-variant-table"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "vr-fold.h"
#include "vr-names-menu.h"
#include "vr-spelling-reason.h"
#include "vr-variant-table.h"

struct _VrVariantTable
{
  GtkWidget            parent_instance;

  VrDocument          *document;
  VrVariant           *selected;
  char                *needle;
  gboolean             only_multiple;
  gboolean             syncing;

  /* Variant → 1-based index of the first paragraph using that spelling. */
  GHashTable          *first_paragraph;

  GtkMapListModel     *entity_variants;
  GtkCustomFilter     *filter;
  GtkSortListModel    *sorted;
  GtkSingleSelection  *selection;
  GtkColumnViewColumn *columns[VR_VARIANT_N_COLUMNS];
  VrNamesMenu         *names_menu;
  GSimpleActionGroup  *spelling_actions;
  /* The spelling cells shown, whose reasons follow the decisions. */
  GHashTable          *spelling_cells;

  GtkSearchEntry      *filter_entry;
  GtkMenuButton       *menu_button;
  GtkCheckButton      *multiple_check;
  GtkColumnView       *column_view;
};

G_DEFINE_FINAL_TYPE (VrVariantTable, vr_variant_table, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_SELECTED_VARIANT,
  PROP_ONLY_MULTIPLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
column_title (VrVariantColumn column)
{
  switch (column)
    {
    case VR_VARIANT_COLUMN_ENTITY: return _("Entity");
    case VR_VARIANT_COLUMN_SPELLING: return _("Spelling");
    case VR_VARIANT_COLUMN_SYSTEM: return _("System");
    /* Translators: column header, the number of times a spelling occurs */
    case VR_VARIANT_COLUMN_OCCURRENCES: return _("Occurrences");
    /* Translators: column header, the first paragraph a spelling occurs in */
    case VR_VARIANT_COLUMN_FIRST_PARAGRAPH: return _("First paragraph");
    case VR_VARIANT_COLUMN_STATUS: return _("Status");
    case VR_VARIANT_N_COLUMNS:
    default: g_assert_not_reached ();
    }
}

/* Short forms that fit a table column; the full label is the tooltip. */
static const char *
system_short_label (VrNameSystem system)
{
  switch (system)
    {
    /* Translators: abbreviation of Revised Romanization */
    case VR_NAME_SYSTEM_RR: return C_("romanization", "RR");
    /* Translators: abbreviation of McCune–Reischauer */
    case VR_NAME_SYSTEM_MR: return C_("romanization", "MR");
    /* Translators: North Korean practice, abbreviated */
    case VR_NAME_SYSTEM_DPRK: return C_("romanization", "DPRK");
    /* Translators: back-transliterated from Russian, abbreviated */
    case VR_NAME_SYSTEM_RUSSIAN: return C_("romanization", "Russian");
    /* Translators: a translator's bracketed gloss, abbreviated */
    case VR_NAME_SYSTEM_TRANSLATOR: return C_("romanization", "Gloss");
    case VR_NAME_SYSTEM_OTHER:
    default: return C_("romanization", "Other");
    }
}

static void
ensure_first_paragraphs (VrVariantTable *self)
{
  GListModel *mentions;

  if (self->first_paragraph != NULL)
    return;

  self->first_paragraph = g_hash_table_new (NULL, NULL);
  if (self->document == NULL)
    return;

  /* Mentions come in document order: the first one seen for a spelling is
   * its first occurrence. */
  mentions = vr_document_get_mentions (self->document);
  for (guint i = 0; i < g_list_model_get_n_items (mentions); i++)
    {
      g_autoptr(VrMention) mention = g_list_model_get_item (mentions, i);
      VrVariant *variant = vr_document_get_mention_variant (self->document, mention);
      int index;

      if (variant == NULL || g_hash_table_contains (self->first_paragraph, variant))
        continue;

      index = vr_document_get_paragraph_index (self->document, vr_mention_get_paragraph (mention));
      if (index >= 0)
        g_hash_table_insert (self->first_paragraph, variant, GINT_TO_POINTER (index + 1));
    }
}

static guint
first_paragraph (VrVariantTable *self,
                 VrVariant      *variant)
{
  ensure_first_paragraphs (self);

  return GPOINTER_TO_UINT (g_hash_table_lookup (self->first_paragraph, variant));
}

static const char *
entity_name (VrVariant *variant)
{
  VrEntity *entity = vr_variant_get_entity (variant);

  return entity != NULL ? vr_entity_get_name (entity) : "";
}

char *
vr_variant_table_dup_cell_text (VrVariantTable  *self,
                                VrVariant       *variant,
                                VrVariantColumn  column)
{
  guint n;

  g_return_val_if_fail (VR_IS_VARIANT_TABLE (self), NULL);
  g_return_val_if_fail (VR_IS_VARIANT (variant), NULL);

  switch (column)
    {
    case VR_VARIANT_COLUMN_ENTITY:
      return g_strdup (entity_name (variant));
    case VR_VARIANT_COLUMN_SPELLING:
      return g_strdup (vr_variant_get_form (variant));
    case VR_VARIANT_COLUMN_SYSTEM:
      return g_strdup (system_short_label (vr_variant_get_system (variant)));
    case VR_VARIANT_COLUMN_OCCURRENCES:
      return g_strdup_printf ("%u", vr_variant_get_count (variant));
    case VR_VARIANT_COLUMN_FIRST_PARAGRAPH:
      n = first_paragraph (self, variant);
      /* An em dash for a spelling that does not occur. */
      return n > 0 ? g_strdup_printf ("%u", n) : g_strdup ("—");
    case VR_VARIANT_COLUMN_STATUS:
      return g_strdup (vr_variant_status_get_label (vr_variant_get_status (variant)));
    case VR_VARIANT_N_COLUMNS:
    default:
      g_return_val_if_reached (NULL);
    }
}

typedef struct
{
  VrVariantTable  *self;
  VrVariantColumn  column;
} ColumnData;

static int
compare_strings (const char *a,
                 const char *b)
{
  g_autofree char *ka = g_utf8_collate_key (a != NULL ? a : "", -1);
  g_autofree char *kb = g_utf8_collate_key (b != NULL ? b : "", -1);

  return strcmp (ka, kb);
}

static int
compare_variants (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  ColumnData *data = user_data;
  VrVariant *va = (VrVariant *) a;
  VrVariant *vb = (VrVariant *) b;
  guint na, nb;

  switch (data->column)
    {
    case VR_VARIANT_COLUMN_ENTITY:
      return compare_strings (entity_name (va), entity_name (vb));
    case VR_VARIANT_COLUMN_SPELLING:
      return compare_strings (vr_variant_get_form (va), vr_variant_get_form (vb));
    case VR_VARIANT_COLUMN_SYSTEM:
      return compare_strings (system_short_label (vr_variant_get_system (va)),
                              system_short_label (vr_variant_get_system (vb)));
    case VR_VARIANT_COLUMN_OCCURRENCES:
      na = vr_variant_get_count (va);
      nb = vr_variant_get_count (vb);
      break;
    case VR_VARIANT_COLUMN_FIRST_PARAGRAPH:
      /* Spellings that never occur sort after all the others. */
      na = first_paragraph (data->self, va);
      nb = first_paragraph (data->self, vb);
      na = na == 0 ? G_MAXUINT : na;
      nb = nb == 0 ? G_MAXUINT : nb;
      break;
    case VR_VARIANT_COLUMN_STATUS:
      na = vr_variant_get_status (va);
      nb = vr_variant_get_status (vb);
      break;
    case VR_VARIANT_N_COLUMNS:
    default:
      g_return_val_if_reached (0);
    }

  return na < nb ? -1 : na > nb ? 1 : 0;
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  VrVariantTable *self = user_data;
  VrVariant *variant = item;
  VrEntity *entity = vr_variant_get_entity (variant);

  if (self->only_multiple &&
      (entity == NULL || g_list_model_get_n_items (vr_entity_get_variants (entity)) < 2))
    return FALSE;

  if (self->needle == NULL || self->needle[0] == '\0')
    return TRUE;

  return vr_fold_matches (vr_variant_get_form (variant), self->needle) ||
         (entity != NULL && vr_fold_matches (vr_entity_get_name (entity), self->needle)) ||
         vr_fold_matches (vr_name_system_get_label (vr_variant_get_system (variant)), self->needle);
}

static gpointer
map_entity_to_variants (gpointer item,
                        gpointer user_data)
{
  GListModel *variants = g_object_ref (vr_entity_get_variants (item));

  g_object_unref (item);

  return variants;
}

static gboolean
on_cell_query_tooltip_cb (GtkWidget  *label,
                          int         x,
                          int         y,
                          gboolean    keyboard_mode,
                          GtkTooltip *tooltip,
                          gpointer    user_data)
{
  const char *text = g_object_get_data (G_OBJECT (label), "vr-tooltip");

  if (text == NULL || text[0] == '\0')
    return FALSE;

  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  ColumnData *data = user_data;
  GtkWidget *label = gtk_label_new (NULL);

  switch (data->column)
    {
    case VR_VARIANT_COLUMN_OCCURRENCES:
    case VR_VARIANT_COLUMN_FIRST_PARAGRAPH:
      gtk_label_set_xalign (GTK_LABEL (label), 1.0);
      gtk_widget_add_css_class (label, "numeric");
      break;
    case VR_VARIANT_COLUMN_SYSTEM:
    case VR_VARIANT_COLUMN_STATUS:
      gtk_label_set_xalign (GTK_LABEL (label), 0.0);
      gtk_widget_add_css_class (label, "dim-label");
      break;
    case VR_VARIANT_COLUMN_ENTITY:
    case VR_VARIANT_COLUMN_SPELLING:
    case VR_VARIANT_N_COLUMNS:
    default:
      gtk_label_set_xalign (GTK_LABEL (label), 0.0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      break;
    }

  if (data->column <= VR_VARIANT_COLUMN_SYSTEM)
    {
      gtk_widget_set_has_tooltip (label, TRUE);
      g_signal_connect (label, "query-tooltip", G_CALLBACK (on_cell_query_tooltip_cb), NULL);
    }

  /* The spelling over why it is its entity's, like a row's title and
   * subtitle: the side panel is too narrow for one more column. */
  if (data->column == VR_VARIANT_COLUMN_SPELLING)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      GtkWidget *reason = gtk_label_new (NULL);

      gtk_label_set_xalign (GTK_LABEL (reason), 0.0);
      gtk_label_set_ellipsize (GTK_LABEL (reason), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (reason, "caption");
      gtk_widget_add_css_class (reason, "spelling-reason");
      gtk_widget_set_visible (reason, FALSE);
      gtk_box_append (GTK_BOX (box), label);
      gtk_box_append (GTK_BOX (box), reason);
      gtk_list_item_set_child (item, box);
      return;
    }

  gtk_list_item_set_child (item, label);
}

static void
update_cell (GtkListItem *item)
{
  ColumnData *data = g_object_get_data (G_OBJECT (item), "vr-column");
  VrVariant *variant = gtk_list_item_get_item (item);
  GtkWidget *child = gtk_list_item_get_child (item);
  GtkWidget *label = data->column == VR_VARIANT_COLUMN_SPELLING ? gtk_widget_get_first_child (child) : child;
  g_autofree char *text = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *why = NULL;
  g_autofree char *accessible = NULL;

  if (variant == NULL || data == NULL)
    return;

  text = vr_variant_table_dup_cell_text (data->self, variant, data->column);
  /* Plain text: spellings come from the document. */
  gtk_label_set_text (GTK_LABEL (label), text);
  accessible = g_strdup (text);

  /* Setting a tooltip asks the display where the pointer is; a row bound
   * while scrolling must not wait for that, so the text is only stored. */
  if (data->column == VR_VARIANT_COLUMN_SYSTEM)
    g_object_set_data_full (G_OBJECT (label), "vr-tooltip",
                            g_strdup (vr_name_system_get_label (vr_variant_get_system (variant))),
                            g_free);
  else if (data->column == VR_VARIANT_COLUMN_SPELLING)
    {
      GtkWidget *reason_label = gtk_widget_get_next_sibling (label);

      reason = vr_spelling_dup_reason (data->self->document, variant, NULL);
      if (reason != NULL)
        {
          /* Translators: why a spelling belongs to its entity: "Why: k/g voicing; eu/u" */
          why = g_strdup_printf (_("Why: %s"), reason);
          g_free (accessible);
          accessible = g_strconcat (text, ". ", why, NULL);
        }
      gtk_label_set_text (GTK_LABEL (reason_label), why ?: "");
      gtk_widget_set_visible (reason_label, why != NULL);
      g_object_set_data_full (G_OBJECT (label), "vr-tooltip",
                              why != NULL ? g_strconcat (text, "\n", why, NULL) : g_strdup (text),
                              g_free);
    }
  else if (data->column <= VR_VARIANT_COLUMN_SPELLING)
    g_object_set_data_full (G_OBJECT (label), "vr-tooltip", g_strdup (text), g_free);

  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_parent (child)),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  ColumnData *data = user_data;
  VrVariant *variant = gtk_list_item_get_item (item);
  VrEntity *entity = vr_variant_get_entity (variant);
  GtkWidget *child = gtk_list_item_get_child (item);

  g_object_set_data (G_OBJECT (item), "vr-column", data);
  /* For the context menu: the variant under the pointer or the focus. */
  g_object_set_data (G_OBJECT (child), "vr-variant", variant);
  update_cell (item);

  /* An edit of the spelling (its system, its status) or of its entity's
   * name shows at once, without waiting for the rows to be rebuilt. */
  g_signal_connect_object (variant, "notify", G_CALLBACK (update_cell), item, G_CONNECT_SWAPPED);
  if (entity != NULL)
    {
      g_signal_connect_object (entity, "notify::name", G_CALLBACK (update_cell), item, G_CONNECT_SWAPPED);
      g_object_set_data_full (G_OBJECT (item), "vr-entity", g_object_ref (entity), g_object_unref);
    }
  if (data->column == VR_VARIANT_COLUMN_SPELLING)
    g_hash_table_add (data->self->spelling_cells, item);
}

static void
unbind_cell_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  ColumnData *data = user_data;
  VrVariant *variant = gtk_list_item_get_item (item);
  VrEntity *entity = g_object_get_data (G_OBJECT (item), "vr-entity");

  if (variant != NULL)
    g_signal_handlers_disconnect_by_data (variant, item);
  if (entity != NULL)
    g_signal_handlers_disconnect_by_data (entity, item);
  g_object_set_data (G_OBJECT (item), "vr-entity", NULL);
  g_object_set_data (G_OBJECT (gtk_list_item_get_child (item)), "vr-variant", NULL);
  g_hash_table_remove (data->self->spelling_cells, item);
}

static void
on_decisions_changed_cb (VrVariantTable *self)
{
  GHashTableIter iter;
  gpointer item;

  g_hash_table_iter_init (&iter, self->spelling_cells);
  while (g_hash_table_iter_next (&iter, &item, NULL))
    update_cell (item);
}

/* The spelling actions act on the selected spelling. */
static void
update_spelling_actions (VrVariantTable *self)
{
  g_clear_object (&self->spelling_actions);
  if (self->selected != NULL && vr_variant_get_entity (self->selected) != NULL)
    self->spelling_actions = vr_names_menu_create_spelling_actions (self->names_menu, self->selected);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "spelling", G_ACTION_GROUP (self->spelling_actions));
  gtk_widget_set_sensitive (GTK_WIDGET (self->menu_button), self->spelling_actions != NULL);
}

static void
on_context_cb (GtkWidget *widget,
               GtkWidget *target,
               double     x,
               double     y,
               gpointer   user_data)
{
  VrVariantTable *self = user_data;
  GdkRectangle point = { (int) x, (int) y, 1, 1 };
  gboolean keyboard = x < 0;
  GtkWidget *cell;
  VrVariant *variant;

  cell = vr_names_menu_find_data_widget (target, widget, "vr-variant", keyboard);
  if (cell != NULL)
    {
      /* As in a file manager, the menu is about the row it was asked on. */
      variant = g_object_get_data (G_OBJECT (cell), "vr-variant");
      vr_variant_table_set_selected_variant (self, variant);
    }
  else if (keyboard && self->selected != NULL)
    cell = GTK_WIDGET (self->menu_button);
  else
    return;

  if (self->selected == NULL)
    return;

  vr_names_menu_popup (self->names_menu, vr_names_menu_get_spelling_model (), NULL, NULL,
                       keyboard ? cell : widget, keyboard ? NULL : &point);
}

static void
sync_selection (VrVariantTable *self)
{
  GListModel *model = G_LIST_MODEL (self->sorted);
  guint position = GTK_INVALID_LIST_POSITION;

  if (self->selected != NULL)
    for (guint i = 0; i < g_list_model_get_n_items (model); i++)
      {
        g_autoptr(VrVariant) variant = g_list_model_get_item (model, i);

        if (variant == self->selected)
          {
            position = i;
            break;
          }
      }

  self->syncing = TRUE;
  gtk_single_selection_set_selected (self->selection, position);
  self->syncing = FALSE;
}

static void
on_selected_item_cb (VrVariantTable *self)
{
  VrVariant *variant;

  if (self->syncing)
    return;

  /* Filtering can drop the selected row; that is not a new selection. */
  variant = gtk_single_selection_get_selected_item (self->selection);
  if (variant != NULL)
    vr_variant_table_set_selected_variant (self, variant);
}

static void
on_filter_changed_cb (VrVariantTable *self,
                      GtkSearchEntry *entry)
{
  vr_variant_table_set_filter_text (self, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
on_multiple_toggled_cb (VrVariantTable *self,
                        GParamSpec     *pspec,
                        GtkCheckButton *check)
{
  vr_variant_table_set_only_multiple (self, gtk_check_button_get_active (check));
}

static void
on_mentions_changed_cb (VrVariantTable *self)
{
  g_clear_pointer (&self->first_paragraph, g_hash_table_unref);
  gtk_sorter_changed (gtk_column_view_get_sorter (self->column_view), GTK_SORTER_CHANGE_DIFFERENT);
}

static void
vr_variant_table_dispose (GObject *object)
{
  VrVariantTable *self = VR_VARIANT_TABLE (object);
  GtkWidget *child;

  if (self->document != NULL)
    {
      g_signal_handlers_disconnect_by_data (vr_document_get_mentions (self->document), self);
      g_signal_handlers_disconnect_by_data (vr_document_get_decisions (self->document), self);
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), VR_TYPE_VARIANT_TABLE);
  /* The template's top box has no id, so it is unparented here. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->selection);
  g_clear_object (&self->spelling_actions);
  g_clear_object (&self->names_menu);
  g_clear_object (&self->selected);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (vr_variant_table_parent_class)->dispose (object);
}

static void
vr_variant_table_finalize (GObject *object)
{
  VrVariantTable *self = VR_VARIANT_TABLE (object);

  g_clear_pointer (&self->first_paragraph, g_hash_table_unref);
  g_clear_pointer (&self->spelling_cells, g_hash_table_unref);
  g_clear_pointer (&self->needle, g_free);

  G_OBJECT_CLASS (vr_variant_table_parent_class)->finalize (object);
}

static void
vr_variant_table_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  VrVariantTable *self = VR_VARIANT_TABLE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_SELECTED_VARIANT:
      g_value_set_object (value, self->selected);
      break;
    case PROP_ONLY_MULTIPLE:
      g_value_set_boolean (value, self->only_multiple);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vr_variant_table_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  VrVariantTable *self = VR_VARIANT_TABLE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      vr_variant_table_set_document (self, g_value_get_object (value));
      break;
    case PROP_SELECTED_VARIANT:
      vr_variant_table_set_selected_variant (self, g_value_get_object (value));
      break;
    case PROP_ONLY_MULTIPLE:
      vr_variant_table_set_only_multiple (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vr_variant_table_class_init (VrVariantTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vr_variant_table_dispose;
  object_class->finalize = vr_variant_table_finalize;
  object_class->get_property = vr_variant_table_get_property;
  object_class->set_property = vr_variant_table_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         VR_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED_VARIANT] =
    g_param_spec_object ("selected-variant", NULL, NULL,
                         VR_TYPE_VARIANT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ONLY_MULTIPLE] =
    g_param_spec_boolean ("only-multiple", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/variorum/Variorum/reader/vr-variant-table.ui");
  gtk_widget_class_bind_template_child (widget_class, VrVariantTable, filter_entry);
  gtk_widget_class_bind_template_child (widget_class, VrVariantTable, multiple_check);
  gtk_widget_class_bind_template_child (widget_class, VrVariantTable, column_view);
  gtk_widget_class_bind_template_child (widget_class, VrVariantTable, menu_button);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_multiple_toggled_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "varianttable");
}

static void
vr_variant_table_init (VrVariantTable *self)
{
  GtkFlattenListModel *flat;
  GtkFilterListModel *filtered;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->spelling_cells = g_hash_table_new (NULL, NULL);
  self->names_menu = vr_names_menu_new (GTK_WIDGET (self));
  vr_names_menu_attach_context (GTK_WIDGET (self->column_view), on_context_cb, self);
  gtk_menu_button_set_menu_model (self->menu_button, vr_names_menu_get_spelling_model ());
  vr_names_menu_track_button (self->names_menu, self->menu_button);
  /* GTK 4.8 leaves a menu button's inner toggle unnamed. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->menu_button));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_TOGGLE_BUTTON (child))
      gtk_accessible_update_property (GTK_ACCESSIBLE (child),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Actions for the Selected Spelling"),
                                      -1);

  self->entity_variants = gtk_map_list_model_new (NULL, map_entity_to_variants, NULL, NULL);
  flat = gtk_flatten_list_model_new (G_LIST_MODEL (self->entity_variants));
  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  filtered = gtk_filter_list_model_new (G_LIST_MODEL (flat), GTK_FILTER (g_object_ref (self->filter)));
  g_object_unref (self->filter);
  self->sorted = gtk_sort_list_model_new (G_LIST_MODEL (filtered), NULL);
  self->selection = gtk_single_selection_new (G_LIST_MODEL (self->sorted));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (on_selected_item_cb), self, G_CONNECT_SWAPPED);

  for (guint c = 0; c < VR_VARIANT_N_COLUMNS; c++)
    {
      ColumnData *data = g_new0 (ColumnData, 1);
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkSorter *sorter;

      data->self = self;
      data->column = c;
      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), data);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), data);
      g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell_cb), data);
      /* The factory owns the column's data. */
      g_object_set_data_full (G_OBJECT (factory), "vr-column", data, g_free);

      self->columns[c] = gtk_column_view_column_new (column_title (c), factory);
      sorter = GTK_SORTER (gtk_custom_sorter_new (compare_variants, data, NULL));
      gtk_column_view_column_set_sorter (self->columns[c], sorter);
      g_object_unref (sorter);
      gtk_column_view_column_set_resizable (self->columns[c], TRUE);
      if (c == VR_VARIANT_COLUMN_ENTITY || c == VR_VARIANT_COLUMN_SPELLING)
        {
          gtk_column_view_column_set_expand (self->columns[c], TRUE);
          gtk_column_view_column_set_fixed_width (self->columns[c], 120);
        }
      gtk_column_view_append_column (self->column_view, self->columns[c]);
      g_object_unref (self->columns[c]);
    }

  gtk_sort_list_model_set_sorter (self->sorted, gtk_column_view_get_sorter (self->column_view));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (g_object_ref (self->selection)));
}

GtkWidget *
vr_variant_table_new (void)
{
  return g_object_new (VR_TYPE_VARIANT_TABLE, NULL);
}

VrDocument *
vr_variant_table_get_document (VrVariantTable *self)
{
  g_return_val_if_fail (VR_IS_VARIANT_TABLE (self), NULL);

  return self->document;
}

void
vr_variant_table_set_document (VrVariantTable *self,
                               VrDocument     *document)
{
  g_return_if_fail (VR_IS_VARIANT_TABLE (self));
  g_return_if_fail (document == NULL || VR_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  if (self->document != NULL)
    {
      g_signal_handlers_disconnect_by_data (vr_document_get_mentions (self->document), self);
      g_signal_handlers_disconnect_by_data (vr_document_get_decisions (self->document), self);
    }

  g_set_object (&self->document, document);
  vr_names_menu_set_document (self->names_menu, document);
  g_clear_pointer (&self->first_paragraph, g_hash_table_unref);
  vr_variant_table_set_selected_variant (self, NULL);

  if (document != NULL)
    {
      g_signal_connect_object (vr_document_get_mentions (document), "items-changed",
                               G_CALLBACK (on_mentions_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (vr_document_get_decisions (document), "items-changed",
                               G_CALLBACK (on_decisions_changed_cb), self, G_CONNECT_SWAPPED);
    }

  gtk_map_list_model_set_model (self->entity_variants,
                                document != NULL ? vr_document_get_entities (document) : NULL);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

VrVariant *
vr_variant_table_get_selected_variant (VrVariantTable *self)
{
  g_return_val_if_fail (VR_IS_VARIANT_TABLE (self), NULL);

  return self->selected;
}

static void
scroll_to_selected (VrVariantTable *self)
{
  guint position = gtk_single_selection_get_selected (self->selection);

  if (position == GTK_INVALID_LIST_POSITION)
    return;

  /* GTK 4.8 has no gtk_column_view_scroll_to: ask its inner list view. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      gtk_widget_activate_action (child, "list.scroll-to-item", "u", position);
}

void
vr_variant_table_set_selected_variant (VrVariantTable *self,
                                       VrVariant      *variant)
{
  g_return_if_fail (VR_IS_VARIANT_TABLE (self));
  g_return_if_fail (variant == NULL || VR_IS_VARIANT (variant));

  if (!g_set_object (&self->selected, variant))
    return;

  update_spelling_actions (self);
  sync_selection (self);
  scroll_to_selected (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_VARIANT]);
}

gboolean
vr_variant_table_get_only_multiple (VrVariantTable *self)
{
  g_return_val_if_fail (VR_IS_VARIANT_TABLE (self), FALSE);

  return self->only_multiple;
}

void
vr_variant_table_set_only_multiple (VrVariantTable *self,
                                    gboolean        only_multiple)
{
  g_return_if_fail (VR_IS_VARIANT_TABLE (self));

  only_multiple = !!only_multiple;
  if (self->only_multiple == only_multiple)
    return;

  self->only_multiple = only_multiple;
  gtk_check_button_set_active (self->multiple_check, only_multiple);
  gtk_filter_changed (GTK_FILTER (self->filter),
                      only_multiple ? GTK_FILTER_CHANGE_MORE_STRICT : GTK_FILTER_CHANGE_LESS_STRICT);
  sync_selection (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ONLY_MULTIPLE]);
}

void
vr_variant_table_set_filter_text (VrVariantTable *self,
                                  const char     *text)
{
  g_autofree char *needle = NULL;

  g_return_if_fail (VR_IS_VARIANT_TABLE (self));

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->filter_entry)), text ?: "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->filter_entry), text ?: "");

  needle = vr_fold (text, NULL);
  if (g_strcmp0 (needle, self->needle) == 0)
    return;

  g_free (self->needle);
  self->needle = g_steal_pointer (&needle);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  sync_selection (self);
}

void
vr_variant_table_sort_by (VrVariantTable  *self,
                          VrVariantColumn  column,
                          GtkSortType      order)
{
  g_return_if_fail (VR_IS_VARIANT_TABLE (self));
  g_return_if_fail (column < VR_VARIANT_N_COLUMNS);

  gtk_column_view_sort_by_column (self->column_view, self->columns[column], order);
}

GListModel *
vr_variant_table_get_model (VrVariantTable *self)
{
  g_return_val_if_fail (VR_IS_VARIANT_TABLE (self), NULL);

  return G_LIST_MODEL (self->sorted);
}

VrNamesMenu *
vr_variant_table_get_names_menu (VrVariantTable *self)
{
  g_return_val_if_fail (VR_IS_VARIANT_TABLE (self), NULL);

  return self->names_menu;
}

GActionGroup *
vr_variant_table_get_spelling_actions (VrVariantTable *self)
{
  g_return_val_if_fail (VR_IS_VARIANT_TABLE (self), NULL);

  return G_ACTION_GROUP (self->spelling_actions);
}

GtkWidget *
vr_variant_table_get_menu_button (VrVariantTable *self)
{
  g_return_val_if_fail (VR_IS_VARIANT_TABLE (self), NULL);

  return GTK_WIDGET (self->menu_button);
}
