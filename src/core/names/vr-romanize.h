/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * VrRomanization:
 * @hangul: the name as given
 * @rr: Revised Romanization with the personal-name rules: surname in its
 *   usual spelling, a space, the given name's syllables hyphenated without
 *   sound changes between them ("Yun Gong-heum", "Ri Pil-gyu")
 * @mr: McCune–Reischauer in ALA-LC name practice, breves and apostrophes,
 *   sound changes inside the given name written ("Ch'oe Ch'ang-ik")
 * @mr_ascii: @mr without breves and apostrophes ("Choe Chang-ik")
 * @kontsevich: Kontsevich Cyrillic, the given name as one word ("Ким Ильсон")
 * @rr_surname_alternatives: other usual spellings of the surname ("Park",
 *   "Bak" for 박; "Yi", "Lee", "Rhee", "I", "Li" for 리/이)
 */
typedef struct
{
  char  *hangul;
  char  *rr;
  char  *mr;
  char  *mr_ascii;
  char  *kontsevich;
  GStrv  rr_surname_alternatives;
} VrRomanization;

/**
 * VrCyrillicStyle:
 * @VR_CYRILLIC_BGN: BGN/PCGN, as most translators write Russian: х kh, ы y
 *   ("Юн Гон Хым" → "Yun Gon Khym")
 * @VR_CYRILLIC_ISO: ISO 9 style: х h ("Ли Ын Хо" → "Li Yn Ho")
 */
typedef enum
{
  VR_CYRILLIC_BGN,
  VR_CYRILLIC_ISO,
} VrCyrillicStyle;

#define VR_TYPE_ROMANIZATION (vr_romanization_get_type ())

GType           vr_romanization_get_type (void) G_GNUC_CONST;
VrRomanization *vr_romanization_copy   (const VrRomanization *self);
VrRomanization *vr_romanize_hangul     (const char       *hangul,
                                        GError          **error);
void            vr_romanization_free   (VrRomanization   *self);
char           *vr_romanize_cyrillic   (const char       *text,
                                        VrCyrillicStyle   style,
                                        GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VrRomanization, vr_romanization_free)

G_END_DECLS
