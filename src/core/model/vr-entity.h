/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>
#include "vr-types.h"
#include "vr-enums.h"

G_BEGIN_DECLS

#define VR_TYPE_ENTITY (vr_entity_get_type ())
G_DECLARE_FINAL_TYPE (VrEntity, vr_entity, VR, ENTITY, GObject)

/* Properties: "id" (construct-only), "kind" (VrEntityKind), "name" (the
 * preferred name), "hangul", "hanja", "cyrillic", "description",
 * "mention-count" (read-only, computed by the owning document).
 * vr_entity_get_variants(): GListModel of VrVariant.
 * vr_entity_get_mentions(): GListModel of this entity's VrMention in
 * document order, kept by the owning document. */
VrEntity     *vr_entity_new               (const char   *id,
                                           VrEntityKind  kind,
                                           const char   *name);
const char   *vr_entity_get_id            (VrEntity     *self);
VrEntityKind  vr_entity_get_kind          (VrEntity     *self);
void          vr_entity_set_kind          (VrEntity     *self,
                                           VrEntityKind  kind);
const char   *vr_entity_get_kind_raw      (VrEntity     *self);
const char   *vr_entity_get_name          (VrEntity     *self);
void          vr_entity_set_name          (VrEntity     *self,
                                           const char   *name);
const char   *vr_entity_get_hangul        (VrEntity     *self);
void          vr_entity_set_hangul        (VrEntity     *self,
                                           const char   *hangul);
const char   *vr_entity_get_hanja         (VrEntity     *self);
void          vr_entity_set_hanja         (VrEntity     *self,
                                           const char   *hanja);
const char   *vr_entity_get_cyrillic      (VrEntity     *self);
void          vr_entity_set_cyrillic      (VrEntity     *self,
                                           const char   *cyrillic);
const char   *vr_entity_get_description   (VrEntity     *self);
void          vr_entity_set_description   (VrEntity     *self,
                                           const char   *description);

GListModel   *vr_entity_get_variants      (VrEntity     *self);
void          vr_entity_add_variant       (VrEntity     *self,
                                           VrVariant    *variant);
void          vr_entity_insert_variant    (VrEntity     *self,
                                           guint         position,
                                           VrVariant    *variant);
void          vr_entity_remove_variant    (VrEntity     *self,
                                           VrVariant    *variant);
/* The variant whose form equals @form exactly, or NULL. */
VrVariant    *vr_entity_lookup_variant    (VrEntity     *self,
                                           const char   *form);

GListModel   *vr_entity_get_mentions      (VrEntity     *self);
guint         vr_entity_get_mention_count (VrEntity     *self);

G_END_DECLS
