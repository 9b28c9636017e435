/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vr-present-palette"

#include "config.h"

#include "vr-present-palette.h"

/* Darker and lighter steps of the GNOME palette than the desk's: a
 * projector washes colours out, so every name keeps well over 4.5:1. */
static const VrPresentPalette light = {
  .background = VR_SRGB (0xffffff),
  .foreground = VR_SRGB (0x141414),
  .secondary = VR_SRGB (0x5e5c64),
  .card = VR_SRGB (0xf6f5f4),
  .focus_background = VR_SRGB (0xf9f06b),
  .focus_foreground = VR_SRGB (0x000000),
  .names = {
    [VR_ENTITY_KIND_PERSON] = VR_SRGB (0x1a5fb4),
    [VR_ENTITY_KIND_ORGANIZATION] = VR_SRGB (0x613583),
    [VR_ENTITY_KIND_PLACE] = VR_SRGB (0x176b3f),
    [VR_ENTITY_KIND_EVENT] = VR_SRGB (0x9c3d00),
    [VR_ENTITY_KIND_OTHER] = VR_SRGB (0x5e5c64),
  },
};

static const VrPresentPalette dark = {
  .background = VR_SRGB (0x121212),
  .foreground = VR_SRGB (0xf6f5f4),
  .secondary = VR_SRGB (0xc0bfbc),
  .card = VR_SRGB (0x2a2a2a),
  .focus_background = VR_SRGB (0xf5c211),
  .focus_foreground = VR_SRGB (0x000000),
  .names = {
    [VR_ENTITY_KIND_PERSON] = VR_SRGB (0x99c1f1),
    [VR_ENTITY_KIND_ORGANIZATION] = VR_SRGB (0xdc8add),
    [VR_ENTITY_KIND_PLACE] = VR_SRGB (0x8ff0a4),
    [VR_ENTITY_KIND_EVENT] = VR_SRGB (0xffbe6f),
    [VR_ENTITY_KIND_OTHER] = VR_SRGB (0xc0bfbc),
  },
};

static const char * const kind_classes[VR_PRESENT_N_KINDS] = {
  [VR_ENTITY_KIND_PERSON] = "person",
  [VR_ENTITY_KIND_ORGANIZATION] = "organization",
  [VR_ENTITY_KIND_PLACE] = "place",
  [VR_ENTITY_KIND_EVENT] = "event",
  [VR_ENTITY_KIND_OTHER] = "other",
};

const VrPresentPalette *
vr_present_palette_get (gboolean is_dark)
{
  return is_dark ? &dark : &light;
}

const char *
vr_present_palette_kind_class (VrEntityKind kind)
{
  if ((guint) kind >= VR_PRESENT_N_KINDS)
    kind = VR_ENTITY_KIND_OTHER;

  return kind_classes[kind];
}

static void
append_style (GString                *css,
              const char             *style,
              const VrPresentPalette *palette)
{
  g_autofree char *bg = vr_srgb_to_string (palette->background);
  g_autofree char *fg = vr_srgb_to_string (palette->foreground);
  g_autofree char *secondary = vr_srgb_to_string (palette->secondary);
  g_autofree char *card = vr_srgb_to_string (palette->card);

  g_string_append_printf (css,
                          "window.presentation.%s { background-color: %s; color: %s; }\n"
                          "window.presentation.%s .secondary { color: %s; }\n"
                          "window.presentation.%s .gloss-card { background-color: %s; color: %s; }\n"
                          "window.presentation.%s .gloss-scrim { background-color: alpha(%s, 0.82); }\n",
                          style, bg, fg,
                          style, secondary,
                          style, card, fg,
                          style, bg);

  for (guint i = 0; i < VR_PRESENT_N_KINDS; i++)
    {
      g_autofree char *name = vr_srgb_to_string (palette->names[i]);

      g_string_append_printf (css,
                              "window.presentation.%s .gloss-card.%s .gloss-kind { color: %s; }\n",
                              style, kind_classes[i], name);
    }
}

char *
vr_present_palette_to_css (void)
{
  GString *css = g_string_new (NULL);

  append_style (css, "light", &light);
  append_style (css, "dark", &dark);

  return g_string_free (css, FALSE);
}
