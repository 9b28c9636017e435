/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "vr-core.h"
#include "vr-names-menu.h"

G_BEGIN_DECLS

#define VR_TYPE_VARIANT_TABLE (vr_variant_table_get_type ())
G_DECLARE_FINAL_TYPE (VrVariantTable, vr_variant_table, VR, VARIANT_TABLE, GtkWidget)

typedef enum
{
  VR_VARIANT_COLUMN_ENTITY,
  VR_VARIANT_COLUMN_SPELLING,
  VR_VARIANT_COLUMN_SYSTEM,
  VR_VARIANT_COLUMN_OCCURRENCES,
  VR_VARIANT_COLUMN_FIRST_PARAGRAPH,
  VR_VARIANT_COLUMN_STATUS,
  VR_VARIANT_N_COLUMNS,
} VrVariantColumn;

/* Every spelling of every entity in a sortable, filterable column view.
 * Properties: "document", "selected-variant" (nullable), "only-multiple"
 * (show only entities spelled more than one way). */
GtkWidget  *vr_variant_table_new                  (void);
VrDocument *vr_variant_table_get_document         (VrVariantTable  *self);
void        vr_variant_table_set_document         (VrVariantTable  *self,
                                                   VrDocument      *document);
VrVariant  *vr_variant_table_get_selected_variant (VrVariantTable  *self);
void        vr_variant_table_set_selected_variant (VrVariantTable  *self,
                                                   VrVariant       *variant);
gboolean    vr_variant_table_get_only_multiple    (VrVariantTable  *self);
void        vr_variant_table_set_only_multiple    (VrVariantTable  *self,
                                                   gboolean         only_multiple);
void        vr_variant_table_set_filter_text      (VrVariantTable  *self,
                                                   const char      *text);
void        vr_variant_table_sort_by              (VrVariantTable  *self,
                                                   VrVariantColumn  column,
                                                   GtkSortType      order);
/* The rows as shown: filtered and sorted VrVariant. */
GListModel *vr_variant_table_get_model            (VrVariantTable  *self);
/* The text a cell shows (newly allocated). */
char       *vr_variant_table_dup_cell_text        (VrVariantTable  *self,
                                                   VrVariant       *variant,
                                                   VrVariantColumn  column);

/* Reconciling: the menu of the selected spelling (right click, long
 * press, Menu, Shift+F10 and the "⋮" button beside the filter; see
 * vr-names-menu.h). Each spelling shows why it is its entity's. */
VrNamesMenu *vr_variant_table_get_names_menu      (VrVariantTable  *self);
GtkWidget   *vr_variant_table_get_menu_button     (VrVariantTable  *self);
/* The "spelling" actions of the selected spelling (NULL without one). */
GActionGroup *vr_variant_table_get_spelling_actions (VrVariantTable *self);

G_END_DECLS
