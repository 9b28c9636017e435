/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>
#include "vr-document.h"

G_BEGIN_DECLS

/**
 * VrAlignMode:
 * @VR_ALIGN_AUTO: by id when more than half of the other file's paragraph
 *   ids are paragraph ids here, otherwise in order
 * @VR_ALIGN_BY_ID: paragraph to paragraph of the same id
 * @VR_ALIGN_BY_ORDER: the Nth paragraph to the Nth
 */
typedef enum
{
  VR_ALIGN_AUTO,
  VR_ALIGN_BY_ID,
  VR_ALIGN_BY_ORDER,
} VrAlignMode;

/**
 * VrAlignIssueKind:
 * @VR_ALIGN_ISSUE_ONLY_HERE: a paragraph of this document has no
 *   counterpart in the other file
 * @VR_ALIGN_ISSUE_ONLY_THERE: a paragraph of the other file has no
 *   counterpart here and is left out
 * @VR_ALIGN_ISSUE_ID_DIFFERS: aligned in order with a paragraph of another id
 * @VR_ALIGN_ISSUE_COUNT_MISMATCH: the two have different numbers of
 *   paragraphs (one issue for the whole alignment)
 * @VR_ALIGN_ISSUE_NO_TEXT: a paragraph of the other file has no text in the
 *   version aligned, and is treated as absent
 */
typedef enum
{
  VR_ALIGN_ISSUE_ONLY_HERE,
  VR_ALIGN_ISSUE_ONLY_THERE,
  VR_ALIGN_ISSUE_ID_DIFFERS,
  VR_ALIGN_ISSUE_COUNT_MISMATCH,
  VR_ALIGN_ISSUE_NO_TEXT,
} VrAlignIssueKind;

/**
 * VrAlignIssue:
 * @kind: what did not align
 * @index: the paragraph's position in this document, or -1
 * @other_index: the paragraph's position in the other file, or -1
 * @paragraph_id: the paragraph's id here, or %NULL
 * @other_paragraph_id: the paragraph's id in the other file, or %NULL
 * @message: a sentence for a person, with 1-based paragraph numbers
 *
 * Ids and messages carry text from files: escape them before markup.
 */
typedef struct
{
  VrAlignIssueKind  kind;
  int               index;
  int               other_index;
  char             *paragraph_id;
  char             *other_paragraph_id;
  char             *message;
} VrAlignIssue;

/**
 * VrAlignment:
 * @mode: how the paragraphs were paired: %VR_ALIGN_BY_ID or
 *   %VR_ALIGN_BY_ORDER (never %VR_ALIGN_AUTO)
 * @other_version_id: the version of the other file that was aligned
 * @counterparts: (element-type VrParagraph): one item per paragraph of this
 *   document, in order: the other file's paragraph facing it, or %NULL
 * @n_aligned: how many items of @counterparts are not %NULL
 * @issues: (element-type VrAlignIssue): what did not align, in the order
 *   of this document's paragraphs (a count mismatch first)
 */
typedef struct
{
  VrAlignMode  mode;
  char        *other_version_id;
  GPtrArray   *counterparts;
  guint        n_aligned;
  GArray      *issues;
} VrAlignment;

#define VR_TYPE_ALIGNMENT (vr_alignment_get_type ())

GType        vr_alignment_get_type (void) G_GNUC_CONST;
VrAlignment *vr_alignment_copy     (const VrAlignment *self);
void         vr_alignment_free     (VrAlignment       *self);

/* Aligns the paragraphs of @other that have text in @other_version_id
 * (NULL: its first version) to the paragraphs of @self. NULL and
 * VR_ERROR_REFERENCE when @other has no such version. */
VrAlignment *vr_align_documents    (VrDocument  *self,
                                    VrDocument  *other,
                                    const char  *other_version_id,
                                    VrAlignMode  mode,
                                    GError     **error);

/* Aligns as above and adds the other file's version to @self as a new
 * version @new_version_id (NULL: the other version's id) with its
 * language, label and translator, setting each aligned paragraph's text.
 * Mentions are not copied: finding them is a step of its own. Fails with
 * VR_ERROR_DUPLICATE when the id is taken here, VR_ERROR_REFERENCE when
 * @other has no such version, VR_ERROR_VALUE when no paragraph aligns; on
 * failure @self is unchanged. Returns the alignment as a report. */
VrAlignment *vr_align_import_version (VrDocument  *self,
                                      VrDocument  *other,
                                      const char  *other_version_id,
                                      const char  *new_version_id,
                                      VrAlignMode  mode,
                                      GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VrAlignment, vr_alignment_free)

G_END_DECLS
