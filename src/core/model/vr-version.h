/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>
#include "vr-types.h"

G_BEGIN_DECLS

#define VR_TYPE_VERSION (vr_version_get_type ())
G_DECLARE_FINAL_TYPE (VrVersion, vr_version, VR, VERSION, GObject)

/* Properties: "id" (construct-only), "language", "label", "translator". */
VrVersion  *vr_version_new            (const char *id);
const char *vr_version_get_id         (VrVersion  *self);
const char *vr_version_get_language   (VrVersion  *self);
void        vr_version_set_language   (VrVersion  *self,
                                       const char *language);
const char *vr_version_get_label      (VrVersion  *self);
void        vr_version_set_label      (VrVersion  *self,
                                       const char *label);
const char *vr_version_get_translator (VrVersion  *self);
void        vr_version_set_translator (VrVersion  *self,
                                       const char *translator);

G_END_DECLS
