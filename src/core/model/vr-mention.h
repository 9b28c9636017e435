/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>
#include "vr-types.h"

G_BEGIN_DECLS

#define VR_TYPE_MENTION (vr_mention_get_type ())
G_DECLARE_FINAL_TYPE (VrMention, vr_mention, VR, MENTION, GObject)

/* A span of one paragraph's text in one version that names an entity.
 * Offsets are Unicode characters, end exclusive. Properties: "entity"
 * (VrEntity), "paragraph" (VrParagraph), "version-id", "start", "end",
 * "short" (a short reference such as "Yun"), "uncertain" (bracketed).
 * Only "entity" changes after construction (retargeting). */
VrMention   *vr_mention_new            (VrEntity    *entity,
                                        VrParagraph *paragraph,
                                        const char  *version_id,
                                        guint        start,
                                        guint        end);
VrEntity    *vr_mention_get_entity     (VrMention   *self);
void         vr_mention_set_entity     (VrMention   *self,
                                        VrEntity    *entity);
VrParagraph *vr_mention_get_paragraph  (VrMention   *self);
const char  *vr_mention_get_version_id (VrMention   *self);
guint        vr_mention_get_start      (VrMention   *self);
guint        vr_mention_get_end        (VrMention   *self);
gboolean     vr_mention_get_short      (VrMention   *self);
void         vr_mention_set_short      (VrMention   *self,
                                        gboolean     is_short);
gboolean     vr_mention_get_uncertain  (VrMention   *self);
void         vr_mention_set_uncertain  (VrMention   *self,
                                        gboolean     uncertain);
/* The text at the mention's offsets (newly allocated), or NULL when the
 * paragraph has no text in that version or the offsets fall outside it. */
char        *vr_mention_dup_text       (VrMention   *self);

G_END_DECLS
