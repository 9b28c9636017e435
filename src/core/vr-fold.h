/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Folds @text for loose matching: compatibility decomposition (NFKD),
 * combining marks dropped, lower case, apostrophes and hyphens dropped, so
 * that "Ch'oe", "CHOE" and "Chŏe" all fold to "choe".
 *
 * When @map is not NULL it must be a GArray of guint; it receives, for every
 * byte of the result, the character offset in @text that produced it, plus
 * one final entry holding the number of characters of @text. */
char     *vr_fold          (const char *text,
                            GArray     *map);

/* Whether @needle_folded occurs in vr_fold (@text). An empty needle matches. */
gboolean  vr_fold_matches  (const char *text,
                            const char *needle_folded);

/* One match of a search in a document's text: a paragraph's position in
 * the document and a character range of its text, end exclusive. */
typedef struct
{
  guint paragraph;
  guint start;
  guint end;
} VrTextMatch;

/* Every occurrence of @query in the text of @version_id, folded as above
 * (case, diacritics, apostrophes and hyphens ignored), in document order.
 * Returns a GArray of VrTextMatch (empty for an empty query). */
GArray   *vr_fold_search_paragraphs (GListModel *paragraphs,
                                     const char *version_id,
                                     const char *query);

G_END_DECLS
