/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "vr-command.h"
#include "vr-document.h"

G_BEGIN_DECLS

/* Reconciliation: the edits a person makes when deciding which spellings
 * name one person. Each constructor returns one undoable step (a VrCommand
 * to push on the document's VrHistory); nothing changes until it is
 * applied, and reverting it restores the document exactly. Each records
 * the person's verdict as a VrDecision ("same" or "different") where it
 * makes one, so that the clusterer never proposes the opposite again.
 * A constructor returns NULL and sets @error (VR_ERROR_VALUE) when the
 * edit makes no sense (merging an entity into itself, moving a spelling to
 * the entity it is in, an empty form, a form the target already has). */

/* Merges @from into @into: @from's spellings move to @into (a form @into
 * already has is dropped), its mentions are retargeted, @from is removed,
 * and "same" is recorded between the two preferred names.
 * Label: Merge “FROM” into “INTO”. */
VrCommand *vr_reconcile_merge_entities   (VrDocument   *document,
                                          VrEntity     *into,
                                          VrEntity     *from,
                                          GError      **error);

/* Moves @variant to @to, with the mentions written that way (the mentions
 * of its entity whose text folds to the form); records "same" between the
 * form and @to's preferred name. Label: Move “FORM” to “TO”. */
VrCommand *vr_reconcile_move_variant     (VrDocument   *document,
                                          VrVariant    *variant,
                                          VrEntity     *to,
                                          GError      **error);

/* Splits @variant out into a new entity of the same kind named after the
 * form, with the mentions written that way; records "different" between
 * the form and the old entity's preferred name. *@new_entity (optional)
 * receives the new entity (transfer none, owned by the command).
 * Label: Split “FORM” into a New Entity. */
VrCommand *vr_reconcile_split_variant    (VrDocument   *document,
                                          VrVariant    *variant,
                                          VrEntity    **new_entity,
                                          GError      **error);

/* Makes @variant's form the preferred name of its entity.
 * Label: Make “FORM” Preferred. */
VrCommand *vr_reconcile_set_preferred    (VrDocument   *document,
                                          VrVariant    *variant,
                                          GError      **error);

/* Records that spellings @a and @b (any forms; usually two entities'
 * preferred names) are not the same person, replacing an earlier "same"
 * between them. Label: Mark “A” and “B” as Different. */
VrCommand *vr_reconcile_mark_different   (VrDocument   *document,
                                          const char   *a,
                                          const char   *b,
                                          GError      **error);

/* Adds @form as a spelling of @entity (system @system, status confirmed)
 * and tags every whole-word occurrence of it in the document that is not
 * already a mention, as one step. *@n_found (optional) receives the number
 * of mentions added. Label: Add Spelling “FORM”. */
VrCommand *vr_reconcile_add_variant      (VrDocument   *document,
                                          VrEntity     *entity,
                                          const char   *form,
                                          VrNameSystem  system,
                                          guint        *n_found,
                                          GError      **error);

#define VR_TYPE_SUGGESTION (vr_suggestion_get_type ())
G_DECLARE_FINAL_TYPE (VrSuggestion, vr_suggestion, VR, SUGGESTION, GObject)

/* A proposed group: spellings of two or more entities of the document that
 * the clusterer believes name one person, with its evidence. Properties
 * (read-only): "confidence" (0–1), "tier" (1 or 2), "evidence" (translated
 * plain text, e.g. "k/g voicing; eu/u"). */
GPtrArray  *vr_suggestion_get_entities   (VrSuggestion *self); /* VrEntity, first = the one to keep */
GPtrArray  *vr_suggestion_get_forms      (VrSuggestion *self); /* utf8, the spellings grouped */
double      vr_suggestion_get_confidence (VrSuggestion *self);
guint       vr_suggestion_get_tier       (VrSuggestion *self);
const char *vr_suggestion_get_evidence   (VrSuggestion *self);

/* The groups the clusterer proposes for @document's entities (person
 * entities, and others of the same kind), most confident first: only
 * groups that span more than one entity, never against a "different"
 * decision. Recomputed on demand (cheap: key hashing and union-find). */
GListModel *vr_reconcile_suggest         (VrDocument   *document);

/* Accepting merges the suggestion's entities into its first one (one
 * step). Rejecting records "different" between each pair of its entities'
 * preferred names. Labels: Accept Suggestion “…”, Reject Suggestion “…”. */
VrCommand  *vr_reconcile_accept          (VrDocument   *document,
                                          VrSuggestion *suggestion,
                                          GError      **error);
VrCommand  *vr_reconcile_reject          (VrDocument   *document,
                                          VrSuggestion *suggestion,
                                          GError      **error);

G_END_DECLS
