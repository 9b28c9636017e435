/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>
#include "vr-types.h"
#include "vr-enums.h"

G_BEGIN_DECLS

#define VR_TYPE_PARAGRAPH (vr_paragraph_get_type ())
G_DECLARE_FINAL_TYPE (VrParagraph, vr_paragraph, VR, PARAGRAPH, GObject)

/* Properties: "id" (construct-only), "kind" (VrParagraphKind).
 * Text is kept per version id; the "text-changed" signal (version id as
 * detail and argument) fires when one version's text changes. */
VrParagraph     *vr_paragraph_new           (const char      *id);
const char      *vr_paragraph_get_id        (VrParagraph     *self);
VrParagraphKind  vr_paragraph_get_kind      (VrParagraph     *self);
void             vr_paragraph_set_kind      (VrParagraph     *self,
                                             VrParagraphKind  kind);
/* The kind string as read, also when this build does not know it. */
const char      *vr_paragraph_get_kind_raw  (VrParagraph     *self);

/* NULL when the paragraph has no text in that version. */
const char      *vr_paragraph_get_text      (VrParagraph     *self,
                                             const char      *version_id);
void             vr_paragraph_set_text      (VrParagraph     *self,
                                             const char      *version_id,
                                             const char      *text);
/* Length of that version's text in Unicode characters (0 when absent). */
guint            vr_paragraph_get_n_chars   (VrParagraph     *self,
                                             const char      *version_id);
/* Version ids that have text, in the order they were set; free the
 * container only (g_free), not the strings. */
const char     **vr_paragraph_get_version_ids (VrParagraph   *self);

G_END_DECLS
