/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "vr-core.h"

G_BEGIN_DECLS

#define VR_TYPE_SUGGESTIONS_VIEW (vr_suggestions_view_get_type ())
G_DECLARE_FINAL_TYPE (VrSuggestionsView, vr_suggestions_view, VR, SUGGESTIONS_VIEW, GtkWidget)

/* The names engine's suggestions for a document (vr_reconcile_suggest),
 * one row each: the spellings grouped, the entities with their mention
 * counts, the evidence, the confidence, and Accept / Reject buttons. The
 * list is recomputed (once, at idle) whenever the document's entities,
 * spellings, mentions or decisions change; "No Suggestions" when empty.
 *
 * The buttons activate "win.accept-suggestion" and "win.reject-suggestion"
 * with the row's position (a uint32) in vr_suggestions_view_get_model():
 * the window pushes the command, so that the view edits nothing itself.
 *
 * Properties: "document" (nullable), "n-suggestions" (read-only). */
GtkWidget    *vr_suggestions_view_new               (void);
VrDocument   *vr_suggestions_view_get_document      (VrSuggestionsView *self);
void          vr_suggestions_view_set_document      (VrSuggestionsView *self,
                                                     VrDocument        *document);
/* The suggestions shown (VrSuggestion), as of the last recomputation. */
GListModel   *vr_suggestions_view_get_model         (VrSuggestionsView *self);
VrSuggestion *vr_suggestions_view_get_suggestion    (VrSuggestionsView *self,
                                                     guint              position);
guint         vr_suggestions_view_get_n_suggestions (VrSuggestionsView *self);
/* Recomputes now instead of at idle. */
void          vr_suggestions_view_refresh           (VrSuggestionsView *self);
/* The list of rows, for tests. */
GtkWidget    *vr_suggestions_view_get_list          (VrSuggestionsView *self);

G_END_DECLS
