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

G_END_DECLS
