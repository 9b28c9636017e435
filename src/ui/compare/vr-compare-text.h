/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define VR_TYPE_COMPARE_TEXT (vr_compare_text_get_type ())
G_DECLARE_FINAL_TYPE (VrCompareText, vr_compare_text, VR, COMPARE_TEXT, GtkWidget)

/* A paragraph of the comparison: wrapped text with Pango attributes, set as
 * text (never markup). Unlike a wrapping GtkLabel it asks for no width of
 * its own and lays its text out once per width, so that a list of long
 * paragraphs measures quickly. */
GtkWidget     *vr_compare_text_new            (void);
void           vr_compare_text_set_text       (VrCompareText *self,
                                               const char    *text,
                                               PangoAttrList *attrs);
const char    *vr_compare_text_get_text       (VrCompareText *self);
PangoAttrList *vr_compare_text_get_attributes (VrCompareText *self);
void           vr_compare_text_set_attributes (VrCompareText *self,
                                               PangoAttrList *attrs);
/* Zoom: the text's size relative to the CSS font. */
void           vr_compare_text_set_scale      (VrCompareText *self,
                                               double         scale);
/* Character offset of the text under widget coordinates, or -1. */
int            vr_compare_text_offset_at      (VrCompareText *self,
                                               double         x,
                                               double         y);

G_END_DECLS
