/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>
#include "vr-types.h"

G_BEGIN_DECLS

#define VR_TYPE_ANNOTATION (vr_annotation_get_type ())
G_DECLARE_FINAL_TYPE (VrAnnotation, vr_annotation, VR, ANNOTATION, GObject)

/* A note anchored to a character range of a paragraph in one version.
 * Properties: "id" (construct-only; NULL when the file gave none), "paragraph" (VrParagraph),
 * "version-id", "start", "end", "note", "created" (ISO 8601 string as stored). */
VrAnnotation *vr_annotation_new            (const char   *id,
                                            VrParagraph  *paragraph,
                                            const char   *version_id,
                                            guint         start,
                                            guint         end,
                                            const char   *note);
const char   *vr_annotation_get_id         (VrAnnotation *self);
VrParagraph  *vr_annotation_get_paragraph  (VrAnnotation *self);
const char   *vr_annotation_get_version_id (VrAnnotation *self);
guint         vr_annotation_get_start      (VrAnnotation *self);
guint         vr_annotation_get_end        (VrAnnotation *self);
void          vr_annotation_set_range      (VrAnnotation *self,
                                            guint         start,
                                            guint         end);
const char   *vr_annotation_get_note       (VrAnnotation *self);
void          vr_annotation_set_note       (VrAnnotation *self,
                                            const char   *note);
const char   *vr_annotation_get_created    (VrAnnotation *self);
void          vr_annotation_set_created    (VrAnnotation *self,
                                            const char   *created);

G_END_DECLS
