/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "vr-core.h"
#include "vr-contrast.h"

G_BEGIN_DECLS

#define VR_PRESENT_N_KINDS (VR_ENTITY_KIND_OTHER + 1)

/* The colours of presentation mode, one set per style. The window's CSS is
 * generated from these and the names are drawn in them, so that the
 * contrast test checks what a class actually sees. */
typedef struct
{
  VrSrgb background;
  VrSrgb foreground;
  /* The paragraph number and the document title. */
  VrSrgb secondary;
  /* The gloss card, drawn over the text. */
  VrSrgb card;
  /* The name that has the keyboard focus. */
  VrSrgb focus_background;
  VrSrgb focus_foreground;
  /* Names, by VrEntityKind. */
  VrSrgb names[VR_PRESENT_N_KINDS];
} VrPresentPalette;

const VrPresentPalette *vr_present_palette_get    (gboolean dark);
/* The style class the gloss card takes for an entity of @kind. */
const char             *vr_present_palette_kind_class (VrEntityKind kind);
/* CSS for the selectors "window.presentation.light" and
 * "window.presentation.dark"; free with g_free. */
char                   *vr_present_palette_to_css (void);

G_END_DECLS
