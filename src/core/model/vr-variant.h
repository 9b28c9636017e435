/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>
#include "vr-types.h"
#include "vr-enums.h"

G_BEGIN_DECLS

#define VR_TYPE_VARIANT (vr_variant_get_type ())
G_DECLARE_FINAL_TYPE (VrVariant, vr_variant, VR, VARIANT, GObject)

/* Properties: "form", "system" (VrNameSystem), "status" (VrVariantStatus),
 * "note", "count" (read-only: mentions whose text equals the form, computed
 * by the owning document), "entity" (read-only, weak: the owning entity). */
VrVariant       *vr_variant_new            (const char      *form,
                                            VrNameSystem     system);
const char      *vr_variant_get_form       (VrVariant       *self);
void             vr_variant_set_form       (VrVariant       *self,
                                            const char      *form);
VrNameSystem     vr_variant_get_system     (VrVariant       *self);
void             vr_variant_set_system     (VrVariant       *self,
                                            VrNameSystem     system);
const char      *vr_variant_get_system_raw (VrVariant       *self);
VrVariantStatus  vr_variant_get_status     (VrVariant       *self);
void             vr_variant_set_status     (VrVariant       *self,
                                            VrVariantStatus  status);
const char      *vr_variant_get_status_raw (VrVariant       *self);
const char      *vr_variant_get_note       (VrVariant       *self);
void             vr_variant_set_note       (VrVariant       *self,
                                            const char      *note);
guint            vr_variant_get_count      (VrVariant       *self);
VrEntity        *vr_variant_get_entity     (VrVariant       *self);

G_END_DECLS
