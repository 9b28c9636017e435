/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>
#include "vr-document.h"

G_BEGIN_DECLS

/**
 * VrNormalizeSystem:
 * @VR_NORMALIZE_PREFERRED: the entity's preferred name
 * @VR_NORMALIZE_RR: Revised Romanization of the entity's Hangul
 * @VR_NORMALIZE_MR: McCune–Reischauer of the entity's Hangul, with breves
 *   and apostrophes
 * @VR_NORMALIZE_MR_ASCII: McCune–Reischauer without breves and apostrophes
 *
 * The form every name takes in a normalized reading. An entity without
 * Hangul (or whose Hangul cannot be romanized) keeps its preferred name
 * under every system.
 */
typedef enum
{
  VR_NORMALIZE_PREFERRED,
  VR_NORMALIZE_RR,
  VR_NORMALIZE_MR,
  VR_NORMALIZE_MR_ASCII,
} VrNormalizeSystem;

/**
 * VrReplacement:
 * @entity: the mention's entity (a reference)
 * @mention: the mention replaced (a reference)
 * @original_start: start in the original text, in characters
 * @original_end: end (exclusive) in the original text, in characters
 * @start: start in the normalized text, in characters
 * @end: end (exclusive) in the normalized text, in characters
 * @form: the text put in place of the mention
 *
 * One name replaced in a normalized paragraph, with its place on both
 * sides so that a view can mark it in each.
 */
typedef struct
{
  VrEntity  *entity;
  VrMention *mention;
  guint      original_start;
  guint      original_end;
  guint      start;
  guint      end;
  char      *form;
} VrReplacement;

/**
 * VrNormalizedParagraph:
 * @paragraph: the paragraph (a reference)
 * @original: the paragraph's text in the version, or %NULL when it has none
 * @text: the normalized text, or %NULL when the paragraph has no text
 * @replacements: (element-type VrReplacement): the replaced mentions in
 *   text order; of mentions that overlap, the first (the longest of those
 *   starting at one place) is replaced and the others left out
 *
 * Text from a document is untrusted: escape it before using it in markup.
 */
typedef struct
{
  VrParagraph *paragraph;
  char        *original;
  char        *text;
  GArray      *replacements;
} VrNormalizedParagraph;

#define VR_TYPE_NORMALIZED_PARAGRAPH (vr_normalized_paragraph_get_type ())

GType                  vr_normalized_paragraph_get_type (void) G_GNUC_CONST;
VrNormalizedParagraph *vr_normalized_paragraph_copy     (const VrNormalizedParagraph *self);
void                   vr_normalized_paragraph_free     (VrNormalizedParagraph       *self);

/* "preferred", "rr", "mr", "mr-ascii"; FALSE for anything else. */
gboolean               vr_normalize_system_from_string  (const char         *name,
                                                         VrNormalizeSystem  *system);
const char            *vr_normalize_system_to_string    (VrNormalizeSystem   system);

/* The form @entity takes under @system; for a short reference (@is_short),
 * the surname of that form: the first word for a Korean name (an entity
 * with Hangul or with an RR, MR, DPRK, Russian-mediated or translator's
 * spelling), the last word for another person, the whole form for a
 * one-word name and for anything that is not a person. */
char                  *vr_normalize_entity_form         (VrEntity           *entity,
                                                         VrNormalizeSystem   system,
                                                         gboolean            is_short);

/* Whether mentions of @entity are replaced in a normalized reading: people,
 * and anything else that has Hangul. Organizations, places and events
 * without Hangul keep the wording of the translation, because their
 * preferred names are descriptions ("Naval Directorate of the KPA") that
 * would not read in place of a short form ("the Naval Directorate of the
 * KPA"). */
gboolean               vr_normalize_entity_is_replaced  (VrEntity           *entity);

/* One paragraph of @version_id with the mentions of every entity for which
 * vr_normalize_entity_is_replaced() holds replaced. Never NULL. */
VrNormalizedParagraph *vr_normalize_paragraph           (VrDocument         *document,
                                                         VrParagraph        *paragraph,
                                                         const char         *version_id,
                                                         VrNormalizeSystem   system);

/* Every paragraph of the version, in document order (paragraphs without
 * text in it included, with NULL text); NULL and VR_ERROR_REFERENCE when
 * the document has no such version. Free with g_ptr_array_unref. */
GPtrArray             *vr_normalize_version             (VrDocument         *document,
                                                         const char         *version_id,
                                                         VrNormalizeSystem   system,
                                                         GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VrNormalizedParagraph, vr_normalized_paragraph_free)

G_END_DECLS
