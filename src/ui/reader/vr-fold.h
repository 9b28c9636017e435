/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

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

G_END_DECLS
