/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-present-units"

#include "config.h"

#include <string.h>

#include "present/vr-contrast.h"
#include "present/vr-monitor-choice.h"
#include "present/vr-present-palette.h"

/* WCAG 2: 4.5:1 for text of normal size. Names are large in presentation,
 * but a projector loses contrast, so they keep the stricter one. */
#define MIN_RATIO 4.5

static void
test_contrast_known_values (void)
{
  /* Reference values of the WCAG formula. */
  g_assert_cmpfloat_with_epsilon (vr_contrast_relative_luminance (VR_SRGB (0x000000)), 0.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (vr_contrast_relative_luminance (VR_SRGB (0xffffff)), 1.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (vr_contrast_relative_luminance (VR_SRGB (0xff0000)), 0.2126, 1e-4);
  g_assert_cmpfloat_with_epsilon (vr_contrast_relative_luminance (VR_SRGB (0x00ff00)), 0.7152, 1e-4);
  g_assert_cmpfloat_with_epsilon (vr_contrast_relative_luminance (VR_SRGB (0x0000ff)), 0.0722, 1e-4);
  /* Below the linear threshold of the transfer function: 10/255 / 12.92. */
  g_assert_cmpfloat_with_epsilon (vr_contrast_relative_luminance (VR_SRGB (0x0a0a0a)),
                                  10.0 / 255.0 / 12.92, 1e-6);

  g_assert_cmpfloat_with_epsilon (vr_contrast_ratio (VR_SRGB (0x000000), VR_SRGB (0xffffff)), 21.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (vr_contrast_ratio (VR_SRGB (0xffffff), VR_SRGB (0x000000)), 21.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (vr_contrast_ratio (VR_SRGB (0x777777), VR_SRGB (0x777777)), 1.0, 1e-9);
  /* #777 on white is the classic just-failing grey (4.48:1). */
  g_assert_cmpfloat_with_epsilon (vr_contrast_ratio (VR_SRGB (0x777777), VR_SRGB (0xffffff)), 4.478, 1e-3);
  g_assert_cmpfloat (vr_contrast_ratio (VR_SRGB (0x767676), VR_SRGB (0xffffff)), >=, 4.5);
}

static void
test_srgb_to_string (void)
{
  g_autofree char *s = vr_srgb_to_string (VR_SRGB (0x1a5fb4));

  g_assert_cmpstr (s, ==, "#1a5fb4");
}

static void
check_palette (gboolean dark)
{
  const VrPresentPalette *palette = vr_present_palette_get (dark);
  const char *style = dark ? "dark" : "light";

  g_assert_cmpfloat (vr_contrast_ratio (palette->foreground, palette->background), >=, 7.0);
  g_assert_cmpfloat (vr_contrast_ratio (palette->foreground, palette->card), >=, 7.0);
  g_assert_cmpfloat (vr_contrast_ratio (palette->secondary, palette->background), >=, MIN_RATIO);
  g_assert_cmpfloat (vr_contrast_ratio (palette->secondary, palette->card), >=, MIN_RATIO);
  g_assert_cmpfloat (vr_contrast_ratio (palette->focus_foreground, palette->focus_background), >=, MIN_RATIO);

  /* Every entity colour, on the page and on the gloss card (its kind line). */
  for (guint i = 0; i < VR_PRESENT_N_KINDS; i++)
    {
      double on_page = vr_contrast_ratio (palette->names[i], palette->background);
      double on_card = vr_contrast_ratio (palette->names[i], palette->card);

      g_test_message ("%s %s: %.2f:1 on the page, %.2f:1 on the card",
                      style, vr_entity_kind_get_label (i), on_page, on_card);
      if (on_page < MIN_RATIO || on_card < MIN_RATIO)
        g_error ("%s style: %s names have %.2f:1 on the page and %.2f:1 on the card, under %.1f:1",
                 style, vr_entity_kind_get_label (i), on_page, on_card, MIN_RATIO);
    }
}

static void
test_palette_contrast_light (void)
{
  check_palette (FALSE);
}

static void
test_palette_contrast_dark (void)
{
  check_palette (TRUE);
}

/* The CSS the window loads is generated from the same constants. */
static void
test_palette_css (void)
{
  g_autofree char *css = vr_present_palette_to_css ();

  for (int dark = 0; dark <= 1; dark++)
    {
      const VrPresentPalette *palette = vr_present_palette_get (dark);
      g_autofree char *bg = vr_srgb_to_string (palette->background);
      g_autofree char *rule = g_strdup_printf ("window.presentation.%s { background-color: %s;",
                                               dark ? "dark" : "light", bg);

      g_assert_nonnull (strstr (css, rule));
      for (guint i = 0; i < VR_PRESENT_N_KINDS; i++)
        {
          g_autofree char *color = vr_srgb_to_string (palette->names[i]);

          g_assert_nonnull (strstr (css, color));
        }
    }
}

static void
test_monitor_one (void)
{
  const VrMonitorInfo one[] = { { 0, 0, 1366, 768 } };

  g_assert_cmpuint (vr_presentation_choose_monitor (one, 1, 0), ==, 0);
  /* The desk's monitor unknown. */
  g_assert_cmpuint (vr_presentation_choose_monitor (one, 1, G_MAXUINT), ==, 0);
  g_assert_cmpuint (vr_presentation_choose_monitor (NULL, 0, 0), ==, 0);
}

static void
test_monitor_other_than_desk (void)
{
  /* A laptop and a projector, either way round. */
  const VrMonitorInfo two[] = { { 0, 0, 1920, 1080 }, { 1920, 0, 1024, 768 } };

  /* The other one, even when it is the smaller. */
  g_assert_cmpuint (vr_presentation_choose_monitor (two, 2, 0), ==, 1);
  g_assert_cmpuint (vr_presentation_choose_monitor (two, 2, 1), ==, 0);
}

static void
test_monitor_largest (void)
{
  const VrMonitorInfo three[] = {
    { 0, 0, 1366, 768 },
    { 1366, 0, 1280, 720 },
    { 2646, 0, 1920, 1080 },
  };

  /* The largest of the others. */
  g_assert_cmpuint (vr_presentation_choose_monitor (three, 3, 0), ==, 2);
  g_assert_cmpuint (vr_presentation_choose_monitor (three, 3, 2), ==, 0);
  g_assert_cmpuint (vr_presentation_choose_monitor (three, 3, 1), ==, 2);
  /* Desk unknown: the largest of all. */
  g_assert_cmpuint (vr_presentation_choose_monitor (three, 3, G_MAXUINT), ==, 2);
}

static void
test_monitor_ties (void)
{
  const VrMonitorInfo same[] = {
    { 0, 0, 1920, 1080 },
    { 1920, 0, 1920, 1080 },
    { 3840, 0, 1080, 1920 },
  };

  /* Equal areas: the first of the others. */
  g_assert_cmpuint (vr_presentation_choose_monitor (same, 3, 0), ==, 1);
  g_assert_cmpuint (vr_presentation_choose_monitor (same, 3, 1), ==, 0);
  g_assert_cmpuint (vr_presentation_choose_monitor (same, 3, 2), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/present/contrast/known-values", test_contrast_known_values);
  g_test_add_func ("/present/contrast/to-string", test_srgb_to_string);
  g_test_add_func ("/present/contrast/palette-light", test_palette_contrast_light);
  g_test_add_func ("/present/contrast/palette-dark", test_palette_contrast_dark);
  g_test_add_func ("/present/contrast/palette-css", test_palette_css);
  g_test_add_func ("/present/monitor/one", test_monitor_one);
  g_test_add_func ("/present/monitor/other-than-desk", test_monitor_other_than_desk);
  g_test_add_func ("/present/monitor/largest", test_monitor_largest);
  g_test_add_func ("/present/monitor/ties", test_monitor_ties);

  return g_test_run ();
}
