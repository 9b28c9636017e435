/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include "vr-types.h"
#include "vr-annotation.h"
#include "vr-decision.h"
#include "vr-entity.h"
#include "vr-enums.h"
#include "vr-field.h"
#include "vr-mention.h"
#include "vr-metadata.h"
#include "vr-paragraph.h"
#include "vr-variant.h"
#include "vr-version.h"

G_BEGIN_DECLS

#define VR_TYPE_DOCUMENT (vr_document_get_type ())
G_DECLARE_FINAL_TYPE (VrDocument, vr_document, VR, DOCUMENT, GObject)

/* Properties: "id", "file" (GFile, the file it was loaded from or saved to),
 * "title" (read-only: the metadata title, or the file's name, or "Untitled"),
 * "metadata" (VrMetadata, never NULL), "modified" (unsaved changes).
 *
 * Every collection is a GListModel that emits items-changed. Mutations go
 * through the functions below so that the document keeps its indexes, the
 * per-entity mention lists and the counts (entity "mention-count", variant
 * "count") in step, and sets "modified".
 *
 * Signal "mentions-changed" (VrParagraph *paragraph, const char *version_id):
 * a mention in that paragraph and version was added, removed or retargeted
 * (not emitted while bulk loading). */
VrDocument   *vr_document_new                 (void);

const char   *vr_document_get_id              (VrDocument   *self);
void          vr_document_set_id              (VrDocument   *self,
                                               const char   *id);
GFile        *vr_document_get_file            (VrDocument   *self);
void          vr_document_set_file            (VrDocument   *self,
                                               GFile        *file);
const char   *vr_document_get_title           (VrDocument   *self);
VrMetadata   *vr_document_get_metadata        (VrDocument   *self);
gboolean      vr_document_get_modified        (VrDocument   *self);
void          vr_document_set_modified        (VrDocument   *self,
                                               gboolean      modified);

GListModel   *vr_document_get_versions        (VrDocument   *self);
GListModel   *vr_document_get_paragraphs      (VrDocument   *self);
GListModel   *vr_document_get_entities        (VrDocument   *self);
GListModel   *vr_document_get_mentions        (VrDocument   *self);
GListModel   *vr_document_get_annotations     (VrDocument   *self);
GListModel   *vr_document_get_decisions       (VrDocument   *self);

/* Lookups by id; NULL when unknown. */
VrVersion    *vr_document_lookup_version      (VrDocument   *self,
                                               const char   *id);
VrParagraph  *vr_document_lookup_paragraph    (VrDocument   *self,
                                               const char   *id);
VrEntity     *vr_document_lookup_entity       (VrDocument   *self,
                                               const char   *id);
/* Position of @paragraph in the paragraphs list, or -1. */
int           vr_document_get_paragraph_index (VrDocument   *self,
                                               VrParagraph  *paragraph);
/* The first version (the default reading), or NULL when there is none. */
VrVersion    *vr_document_get_default_version (VrDocument   *self);

/* Adding an object whose id is already taken is a programmer error
 * (g_return_if_fail); the loader reports duplicates in files itself. */
void          vr_document_add_version         (VrDocument   *self,
                                               VrVersion    *version);
void          vr_document_add_paragraph       (VrDocument   *self,
                                               VrParagraph  *paragraph);
void          vr_document_add_entity          (VrDocument   *self,
                                               VrEntity     *entity);
void          vr_document_insert_entity       (VrDocument   *self,
                                               guint         position,
                                               VrEntity     *entity);
/* Removes the entity and every mention of it. */
void          vr_document_remove_entity       (VrDocument   *self,
                                               VrEntity     *entity);

/* Mentions are kept in document order: paragraph index, then version id,
 * then start, then end; equal ones in the order they were added. The
 * mention's entity and paragraph must already be in the document. */
void          vr_document_add_mention         (VrDocument   *self,
                                               VrMention    *mention);
/* Adds many mentions at once (a "Find mentions" result): one merge, one
 * items-changed per list, O(n + k log k) instead of k insertions. */
void          vr_document_add_mentions        (VrDocument   *self,
                                               GPtrArray    *mentions);
void          vr_document_remove_mention      (VrDocument   *self,
                                               VrMention    *mention);
void          vr_document_retarget_mention    (VrDocument   *self,
                                               VrMention    *mention,
                                               VrEntity     *entity);
/* Mentions of any entity in one paragraph and version (every version when
 * @version_id is NULL), in order; free the array with g_ptr_array_unref.
 * A binary search in the ordered list: O(log n + k). */
GPtrArray    *vr_document_get_paragraph_mentions (VrDocument  *self,
                                                  VrParagraph *paragraph,
                                                  const char  *version_id);
/* The variant of the mention's entity whose form equals the mention's text,
 * or NULL (short references and unlisted spellings). */
VrVariant    *vr_document_get_mention_variant (VrDocument   *self,
                                               VrMention    *mention);

void          vr_document_add_annotation      (VrDocument   *self,
                                               VrAnnotation *annotation);
void          vr_document_remove_annotation   (VrDocument   *self,
                                               VrAnnotation *annotation);
void          vr_document_add_decision        (VrDocument   *self,
                                               VrDecision   *decision);
void          vr_document_remove_decision     (VrDocument   *self,
                                               VrDecision   *decision);
/* At @position in their list (clamped to its end): undo puts a removed
 * note or decision back where it was. */
void          vr_document_insert_annotation   (VrDocument   *self,
                                               guint         position,
                                               VrAnnotation *annotation);
void          vr_document_insert_decision     (VrDocument   *self,
                                               guint         position,
                                               VrDecision   *decision);

/* For the reading window. */

/* Mentions (not short) whose text is @variant's form, in document order;
 * free with g_ptr_array_unref. Empty when the variant is not in @self. */
GPtrArray    *vr_document_get_variant_mentions        (VrDocument  *self,
                                                       VrVariant   *variant);
/* The first paragraph where @variant occurs, or NULL. */
VrParagraph  *vr_document_get_variant_first_paragraph (VrDocument  *self,
                                                       VrVariant   *variant);
/* The first mention (in document order) covering character @offset of
 * @paragraph's text in @version_id, or NULL. */
VrMention    *vr_document_find_mention_at             (VrDocument  *self,
                                                       VrParagraph *paragraph,
                                                       const char  *version_id,
                                                       guint        offset);

/* Annotations anchored in @paragraph (and @version_id unless NULL), in the
 * order of the annotations list; free with g_ptr_array_unref. */
GPtrArray    *vr_document_get_paragraph_annotations   (VrDocument  *self,
                                                       VrParagraph *paragraph,
                                                       const char  *version_id);
/* The first mention with exactly this span, or NULL; O(log n). For finding
 * mentions without adding one twice. */
VrMention    *vr_document_lookup_mention              (VrDocument  *self,
                                                       VrParagraph *paragraph,
                                                       const char  *version_id,
                                                       guint        start,
                                                       guint        end);

/* Ids for new objects: an entity id made from @name ("Yun Gong-heum" →
 * "yun-gong-heum", then "yun-gong-heum-2" if taken; "entity" when nothing
 * of the name is ASCII), and an annotation id ("n1", "n2", …) after the
 * highest one in use. Free with g_free. */
char         *vr_document_dup_new_entity_id           (VrDocument  *self,
                                                       const char  *name);
char         *vr_document_dup_new_annotation_id       (VrDocument  *self);

G_END_DECLS
