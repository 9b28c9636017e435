/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* An sRGB colour, 8 bits a channel, as written in CSS (#rrggbb). */
typedef struct
{
  guint8 red;
  guint8 green;
  guint8 blue;
} VrSrgb;

#define VR_SRGB(hex) ((VrSrgb) { ((hex) >> 16) & 0xff, ((hex) >> 8) & 0xff, (hex) & 0xff })

/* WCAG 2 relative luminance, 0.0 (black) to 1.0 (white). */
double vr_contrast_relative_luminance (VrSrgb color);
/* WCAG 2 contrast ratio of two colours, 1.0 to 21.0, in either order.
 * Normal text needs 4.5, large text 3.0. */
double vr_contrast_ratio              (VrSrgb a,
                                       VrSrgb b);
/* "#rrggbb"; free with g_free. */
char  *vr_srgb_to_string              (VrSrgb color);

G_END_DECLS
