/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vr-contrast"

#include "config.h"

#include <math.h>

#include "vr-contrast.h"

/* The sRGB transfer function undone, as WCAG 2 defines it. */
static double
linearize (guint8 channel)
{
  double c = channel / 255.0;

  if (c <= 0.04045)
    return c / 12.92;

  return pow ((c + 0.055) / 1.055, 2.4);
}

double
vr_contrast_relative_luminance (VrSrgb color)
{
  return 0.2126 * linearize (color.red)
       + 0.7152 * linearize (color.green)
       + 0.0722 * linearize (color.blue);
}

double
vr_contrast_ratio (VrSrgb a,
                   VrSrgb b)
{
  double la = vr_contrast_relative_luminance (a);
  double lb = vr_contrast_relative_luminance (b);

  if (la < lb)
    {
      double t = la;

      la = lb;
      lb = t;
    }

  return (la + 0.05) / (lb + 0.05);
}

char *
vr_srgb_to_string (VrSrgb color)
{
  return g_strdup_printf ("#%02x%02x%02x", color.red, color.green, color.blue);
}
