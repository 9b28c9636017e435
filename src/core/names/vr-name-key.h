/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * VrNameTier:
 * @VR_NAME_TIER_1: strict keys, good enough for automatic merges. Spellings
 *   share a tier-1 key when they can spell the same Hangul under RR, MR
 *   (with or without breves and apostrophes), DPRK practice, Kontsevich or
 *   Soviet Cyrillic, and English "u" for ㅓ in a closed syllable.
 * @VR_NAME_TIER_2: loose keys, for suggestions a person confirms: coda n =
 *   ng, o = u, ŭi = wi = i, initial r/l/n dropped before i/y, ambiguous e,
 *   ai = ae, t/d before y/i = ch, solid names split after a known surname.
 *
 * How tolerant a key is. Every tier-1 match is also a tier-2 match.
 */
typedef enum
{
  VR_NAME_TIER_1 = 1,
  VR_NAME_TIER_2 = 2,
} VrNameTier;

/* No spelling expands to more keys than this. */
#define VR_NAME_MAX_KEYS 256

GPtrArray *vr_name_keys          (const char  *spelling,
                                  VrNameTier   tier);
gboolean   vr_name_keys_intersect (GPtrArray  *a,
                                  GPtrArray   *b);
gboolean   vr_name_match         (const char  *a,
                                  const char  *b,
                                  VrNameTier   tier);
GPtrArray *vr_name_explain_match (const char  *a,
                                  const char  *b,
                                  VrNameTier   tier);

G_END_DECLS
