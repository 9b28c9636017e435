/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define VR_TYPE_APPLICATION (vr_application_get_type ())
G_DECLARE_FINAL_TYPE (VrApplication, vr_application, VR, APPLICATION, AdwApplication)

VrApplication *vr_application_new               (const char    *application_id,
                                                 GApplicationFlags flags);
GSettings     *vr_application_get_settings      (VrApplication *self);
/* The bundled sample document: $VARIORUM_SAMPLE_DIR (set by `meson devenv`),
 * else the installed copy, else the source tree's. */
GFile         *vr_application_dup_sample_file   (VrApplication *self);
/* Non-zero when --exit-after-first-frame could not show its document. */
int            vr_application_get_exit_status   (VrApplication *self);

G_END_DECLS
