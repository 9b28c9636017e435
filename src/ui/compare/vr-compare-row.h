/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "vr-compare-text.h"
#include "vr-compare-view.h"

G_BEGIN_DECLS

#define VR_TYPE_COMPARE_ROW (vr_compare_row_get_type ())
G_DECLARE_FINAL_TYPE (VrCompareRow, vr_compare_row, VR, COMPARE_ROW, GtkWidget)

/* One row of the comparison: a paragraph number and the paragraph's text on
 * each side, with its marks drawn as Pango attributes (mentions in the
 * reader's colours, replaced names with a wavy underline, deletions struck through,
 * insertions underlined twice). Text is set as text, never as markup.
 *
 * Signal "entity-activated" (entity id): a mention was clicked. */
GtkWidget *vr_compare_row_new       (void);
void       vr_compare_row_set_index (VrCompareRow  *self,
                                     guint          index);
guint      vr_compare_row_get_index (VrCompareRow  *self);
/* Headings bold, closings and notes smaller, as in the reader. */
void       vr_compare_row_set_kind  (VrCompareRow    *self,
                                     VrParagraphKind  kind);
/* @text NULL shows @placeholder, dimmed. @marks (transfer none) are kept. */
void       vr_compare_row_set_side  (VrCompareRow  *self,
                                     VrCompareSide  side,
                                     const char    *text,
                                     const char    *placeholder,
                                     GArray        *marks);
VrCompareText *vr_compare_row_get_text (VrCompareRow  *self,
                                        VrCompareSide  side);
void       vr_compare_row_set_zoom  (VrCompareRow  *self,
                                     double         zoom);
/* Redraws the marks (after a change of style). */
void       vr_compare_row_restyle   (VrCompareRow  *self);

/* The attributes for @marks over @text (exposed for the legend). */
PangoAttrList *vr_compare_marks_to_attrs (const char *text,
                                          GArray     *marks,
                                          gboolean    dark);

G_END_DECLS
