/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include "vr-document.h"

G_BEGIN_DECLS

/* "Find mentions": the spans of a document's text that print one of its
 * entities' variant forms and are not yet mentions. One VrNameFinder is
 * built over every form of every entity; the scan is whole-word, case- and
 * diacritic-folded, leftmost-longest and non-overlapping; a match that
 * overlaps an existing mention is dropped; a form with a bracket ("Kim
 * [Gan]") gives an uncertain mention. Rejected variants are not searched.
 *
 * The results are new VrMention objects not yet in the document, in
 * document order: apply them with vr_document_add_mentions() (and undo by
 * removing the same objects). Nothing is found while loading a file: this
 * is an explicit step.
 *
 * @version_id limits the scan to one version (NULL: every version). */
GPtrArray *vr_mention_finder_find          (VrDocument          *document,
                                            const char          *version_id);

/* The same restricted to the matches of @variant's form (a spelling just
 * added to an entity), still decided against every form so that a longer
 * name that contains it keeps its place. */
GPtrArray *vr_mention_finder_find_variant  (VrDocument          *document,
                                            VrVariant           *variant,
                                            const char          *version_id);

/* The same for @form, a spelling of @entity not yet listed (one about to be
 * added): what adding it and finding its mentions would tag. */
GPtrArray *vr_mention_finder_find_form     (VrDocument          *document,
                                            VrEntity            *entity,
                                            const char          *form,
                                            const char          *version_id);

/* The work runs in a GTask thread over a copy of the texts and forms taken
 * when this is called; the mentions are made in _finish, on the caller's
 * thread, less the hits that edits made meanwhile invalidate (changed
 * text, removed entity, a new overlapping mention). @variant may be NULL
 * (every form). */
void       vr_mention_finder_find_async    (VrDocument          *document,
                                            VrVariant           *variant,
                                            const char          *version_id,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
GPtrArray *vr_mention_finder_find_finish   (VrDocument          *document,
                                            GAsyncResult        *result,
                                            GError             **error);

G_END_DECLS
