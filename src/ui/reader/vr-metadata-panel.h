/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "vr-core.h"

G_BEGIN_DECLS

#define VR_TYPE_METADATA_PANEL (vr_metadata_panel_get_type ())
G_DECLARE_FINAL_TYPE (VrMetadataPanel, vr_metadata_panel, VR, METADATA_PANEL, GtkWidget)

/* Every metadata field of the document with its label, in reading order,
 * and the citation in note and bibliography forms with copy buttons (the
 * buttons activate "reader.copy-citation" and "reader.copy-bibliography").
 * Property: "document". */
GtkWidget  *vr_metadata_panel_new          (void);
VrDocument *vr_metadata_panel_get_document (VrMetadataPanel *self);
void        vr_metadata_panel_set_document (VrMetadataPanel *self,
                                            VrDocument      *document);
/* The labels and values shown, in order, as a NULL-terminated array of
 * "Label\tValue" strings (free with g_strfreev). */
char      **vr_metadata_panel_dup_rows     (VrMetadataPanel *self);

/* Edit mode ("editing", toggled by the panel's Edit/Done button; Escape
 * leaves it): the fields become entry rows, the summary a text view, the
 * authors, recipients and labelled fields lists with add and remove. Each
 * committed change (Enter, the apply button, focus leaving the entry) is
 * one undoable command: the panel activates "win.set-metadata" (ss:
 * property, value; "" clears), "win.set-metadata-list" (sas: "authors" or
 * "recipients", the new list), "win.add-field" (ss: label, value),
 * "win.set-field" (uss: position, label, value) and "win.remove-field" (u). */
gboolean     vr_metadata_panel_get_editing      (VrMetadataPanel *self);
void         vr_metadata_panel_set_editing      (VrMetadataPanel *self,
                                                 gboolean         editing);
/* For tests: the entry row of a string property ("title", "date",
 * "classification", "repository", "archive", "archive-location",
 * "translator", "original-language"), the summary's view, and the
 * @index-th row of the "authors", "recipients" or "fields" list (the last
 * one adds; its data "button" is its remove or add button, and a field
 * row's "label" and "value" its entries). */
GtkEditable *vr_metadata_panel_get_entry        (VrMetadataPanel *self,
                                                 const char      *property);
GtkTextView *vr_metadata_panel_get_summary_view (VrMetadataPanel *self);
GtkWidget   *vr_metadata_panel_get_list_row     (VrMetadataPanel *self,
                                                 const char      *property,
                                                 guint            index);

G_END_DECLS
