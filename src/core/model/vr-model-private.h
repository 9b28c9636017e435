/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Core-internal model API for the loader and the writer: what a file holds
 * beyond the public API (unknown keys, unknown enum strings, an absent
 * variant status) and a fast path for loading. Not for the UI. */
#pragma once

#include <json-glib/json-glib.h>

#include "vr-document.h"

G_BEGIN_DECLS

/* Members of the object's JSON object that the loader did not know, to be
 * written back. Ref-counted; NULL when there were none. */
JsonObject  *_vr_document_get_extra   (VrDocument   *self);
void         _vr_document_set_extra   (VrDocument   *self,
                                       JsonObject   *extra);
JsonObject  *_vr_metadata_get_extra   (VrMetadata   *self);
void         _vr_metadata_set_extra   (VrMetadata   *self,
                                       JsonObject   *extra);
JsonObject  *_vr_field_get_extra      (VrField      *self);
void         _vr_field_set_extra      (VrField      *self,
                                       JsonObject   *extra);
JsonObject  *_vr_version_get_extra    (VrVersion    *self);
void         _vr_version_set_extra    (VrVersion    *self,
                                       JsonObject   *extra);
JsonObject  *_vr_paragraph_get_extra  (VrParagraph  *self);
void         _vr_paragraph_set_extra  (VrParagraph  *self,
                                       JsonObject   *extra);
JsonObject  *_vr_entity_get_extra     (VrEntity     *self);
void         _vr_entity_set_extra     (VrEntity     *self,
                                       JsonObject   *extra);
JsonObject  *_vr_variant_get_extra    (VrVariant    *self);
void         _vr_variant_set_extra    (VrVariant    *self,
                                       JsonObject   *extra);
JsonObject  *_vr_mention_get_extra    (VrMention    *self);
void         _vr_mention_set_extra    (VrMention    *self,
                                       JsonObject   *extra);
JsonObject  *_vr_annotation_get_extra (VrAnnotation *self);
void         _vr_annotation_set_extra (VrAnnotation *self,
                                       JsonObject   *extra);
JsonObject  *_vr_decision_get_extra   (VrDecision   *self);
void         _vr_decision_set_extra   (VrDecision   *self,
                                       JsonObject   *extra);

/* Enum values as strings from a file. A known string sets the enum; an
 * unknown one is kept (the *_get_*_raw getters return it, so the writer
 * writes it back) and the enum getter returns the fallback:
 *   entity kind      → VR_ENTITY_KIND_OTHER
 *   variant system   → VR_NAME_SYSTEM_OTHER
 *   variant status   → VR_VARIANT_STATUS_SUGGESTED (a person should look)
 *   paragraph kind   → VR_PARAGRAPH_KIND_BODY
 *   decision verdict → VR_VERDICT_SAME
 * Setting the enum through the public setter replaces the raw string. */
void         _vr_entity_set_kind_raw       (VrEntity    *self,
                                            const char  *kind);
void         _vr_variant_set_system_raw    (VrVariant   *self,
                                            const char  *system);
/* NULL means the file had no "status" (shown as confirmed, not written). */
void         _vr_variant_set_status_raw    (VrVariant   *self,
                                            const char  *status);
/* Whether the variant has a status to write: one read from the file or set
 * since. vr_variant_get_status_raw() returns NULL otherwise. */
gboolean     _vr_variant_has_status        (VrVariant   *self);
void         _vr_paragraph_set_kind_raw    (VrParagraph *self,
                                            const char  *kind);
void         _vr_decision_set_verdict_raw  (VrDecision  *self,
                                            const char  *verdict);

/* Takes ownership of @text (valid UTF-8, checked by the caller); @n_chars
 * is its length in characters, or -1 to count them. */
void         _vr_paragraph_take_text       (VrParagraph *self,
                                            const char  *version_id,
                                            char        *text,
                                            gssize       n_chars);

/* Bulk loading. Between begin and end the document's add_* functions are
 * O(1) amortized and emit nothing; add_mention neither sorts nor counts.
 * end_bulk sorts the mentions into document order once (stable: equal
 * mentions keep the order they were added in), builds each entity's
 * mention list, computes the counts, emits items-changed for what was
 * added, and leaves "modified" FALSE. Only add_* (and setters on objects)
 * may be called in between. */
void         _vr_document_begin_bulk       (VrDocument  *self);
void         _vr_document_end_bulk         (VrDocument  *self);

/* Like vr_mention_new() for a @version_id that is already interned
 * (g_intern_string, or vr_version_get_id() which is interned). */
VrMention   *_vr_mention_new_interned      (VrEntity    *entity,
                                            VrParagraph *paragraph,
                                            const char  *version_id,
                                            guint        start,
                                            guint        end);

G_END_DECLS
