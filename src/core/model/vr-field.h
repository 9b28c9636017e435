/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>
#include "vr-types.h"

G_BEGIN_DECLS

#define VR_TYPE_FIELD (vr_field_get_type ())
G_DECLARE_FINAL_TYPE (VrField, vr_field, VR, FIELD, GObject)

/* A free metadata field shown in order: "label", "value". */
VrField    *vr_field_new       (const char *label,
                                const char *value);
const char *vr_field_get_label (VrField    *self);
void        vr_field_set_label (VrField    *self,
                                const char *label);
const char *vr_field_get_value (VrField    *self);
void        vr_field_set_value (VrField    *self,
                                const char *value);

G_END_DECLS
