/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vr-romanize"

#include "config.h"

#include <string.h>
#include <unicode/utrans.h>
#include <unicode/ustring.h>

#include "vr-error.h"
#include "vr-romanize.h"

/*
 * Hangul is decomposed arithmetically (U+AC00: L = i / 588, V = i % 588 / 28,
 * T = i % 28) and romanized by tables here. ICU's Korean-Latin/BGN (MR) drops
 * vowels in ICU 72 and its Hangul-Latin writes RR in transliteration mode
 * with no name rules, so neither is used for Hangul. ICU is used for
 * Cyrillic → Latin, where its Russian-Latin/BGN and Cyrillic-Latin are
 * exactly what translators use.
 */

typedef struct
{
  guint l, v, t;
} Syllable;

/* Final consonant classes, for sound changes between syllables */
typedef enum
{
  CODA_NONE,
  CODA_K,
  CODA_N,
  CODA_T,
  CODA_L,
  CODA_M,
  CODA_P,
  CODA_NG,
} Coda;

static const Coda coda_class[28] = {
  CODA_NONE, CODA_K, CODA_K, CODA_K, CODA_N, CODA_N, CODA_N, CODA_T, CODA_L, CODA_K,
  CODA_M, CODA_L, CODA_L, CODA_L, CODA_P, CODA_L, CODA_M, CODA_P, CODA_P, CODA_T,
  CODA_T, CODA_NG, CODA_T, CODA_T, CODA_K, CODA_T, CODA_P, CODA_T
};

/* initial jamo indices */
enum { I_G, I_GG, I_N, I_D, I_DD, I_R, I_M, I_B, I_BB, I_S, I_SS, I_NONE, I_J, I_JJ,
       I_CH, I_K, I_T, I_P, I_H };

/* ---- RR ---- */

static const char * const rr_initial[19] = {
  "g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p", "h"
};
static const char * const rr_vowel[21] = {
  "a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we",
  "wi", "yu", "eu", "ui", "i"
};
static const char * const rr_final[28] = {
  "", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p", "p",
  "t", "t", "ng", "t", "t", "k", "t", "p", "t"
};

/* ---- MR ---- */

static const char * const mr_initial[19] = {
  "k", "kk", "n", "t", "tt", "r", "m", "p", "pp", "s", "ss", "", "ch", "tch", "ch'", "k'", "t'",
  "p'", "h"
};
static const char * const mr_vowel[21] = {
  "a", "ae", "ya", "yae", "ŏ", "e", "yŏ", "ye", "o", "wa", "wae", "oe", "yo", "u", "wŏ", "we",
  "wi", "yu", "ŭ", "ŭi", "i"
};

/* ---- Kontsevich ---- */

static const char * const ko_initial[19] = {
  "к", "кк", "н", "т", "тт", "р", "м", "п", "пп", "с", "сс", "", "ч", "чч", "чх", "кх", "тх",
  "пх", "х"
};
static const char * const ko_vowel[21] = {
  "а", "э", "я", "йя", "о", "е", "ё", "йе", "о", "ва", "вэ", "ве", "ё", "у", "во", "ве", "ви",
  "ю", "ы", "ый", "и"
};

/* Kontsevich medial combinations (previous final × next initial), from
 * the Kontsevich table; next: к н т р м п с ч х (vowel). The ль row has
 * no tensing (льс, not льсс) so that 김일성 is Ким Ильсон as usually printed. */
static const char * const ko_medial[8][10] = {
  [CODA_NONE] = { "г", "н", "д", "р", "м", "б", "с", "дж", "х", "" },
  [CODA_K]    = { "кк", "нн", "кт", "нн", "нм", "кп", "кс", "кч", "кх", "г" },
  [CODA_N]    = { "нг", "нн", "нд", "лл", "нм", "нб", "нс", "ндж", "нх", "н" },
  [CODA_T]    = { "тк", "нн", "тт", "нн", "нм", "тп", "сс", "тч", "тх", "т" },
  [CODA_L]    = { "льг", "лл", "льт", "лл", "льм", "льб", "льс", "льч", "рх", "р" },
  [CODA_M]    = { "мг", "мн", "мд", "мн", "мм", "мб", "мс", "мдж", "мх", "м" },
  [CODA_P]    = { "пк", "мн", "пт", "мн", "мм", "пп", "пс", "пч", "пх", "б" },
  [CODA_NG]   = { "нг", "нн", "нд", "нн", "нм", "нб", "нс", "ндж", "нх", "нъ" },
};

static int
ko_medial_column (guint l)
{
  switch (l)
    {
    case I_G: return 0;
    case I_N: return 1;
    case I_D: return 2;
    case I_R: return 3;
    case I_M: return 4;
    case I_B: return 5;
    case I_S: return 6;
    case I_J: return 7;
    case I_H: return 8;
    case I_NONE: return 9;
    default: return -1;
    }
}

static const char * const ko_final[8] = {
  [CODA_NONE] = "", [CODA_K] = "к", [CODA_N] = "н", [CODA_T] = "т", [CODA_L] = "ль",
  [CODA_M] = "м", [CODA_P] = "п", [CODA_NG] = "н",
};

typedef struct
{
  const char *hangul;
  const char *rr;
  const char *alternatives;
} Surname;

/* The usual spelling in DPRK and Wilson Center practice first. */
static const Surname surnames[] = {
  { "김", "Kim", "Gim" },
  { "리", "Ri", "Yi Lee Rhee I Li" },
  { "이", "Ri", "Yi Lee Rhee I Li" },
  { "박", "Pak", "Park Bak" },
  { "최", "Choe", "Choi Chwe" },
  { "정", "Jeong", "Chung Jung Chong Jong" },
  { "윤", "Yun", "Yoon" },
  { "서", "Seo", "Suh So" },
  { "허", "Heo", "Hur Huh Ho" },
  { "강", "Kang", "Gang" },
  { "권", "Kwon", "Gwon" },
  { "고", "Ko", "Go Koh" },
  { "조", "Jo", "Cho" },
  { "장", "Jang", "Chang" },
  { "전", "Jeon", "Chon Chun Jun" },
  { "주", "Ju", "Chu Joo" },
  { "오", "O", "Oh" },
  { "신", "Sin", "Shin" },
  { "안", "An", "Ahn" },
  { "임", "Im", "Lim Rim Yim" },
  { "림", "Rim", "Lim Im Yim" },
  { "류", "Ryu", "Yu Yoo Lyu" },
  { "유", "Yu", "Yoo Ryu" },
  { "노", "No", "Noh Roh" },
  { "로", "Ro", "No Roh" },
  { "문", "Mun", "Moon" },
  { "백", "Baek", "Paek Paik" },
  { "구", "Gu", "Ku Koo" },
  { "기", "Gi", "Ki" },
  { "곽", "Gwak", "Kwak" },
  { "성", "Seong", "Sung" },
  { "한", "Han", "" },
  { "홍", "Hong", "" },
  { "남", "Nam", "" },
};

static const char * const double_surnames[] = {
  "남궁", "선우", "제갈", "황보", "독고", "사공", "서문", "동방", "어금", "망절", "장곡",
};

static char *
capitalize (const char *s)
{
  gunichar first;
  GString *out;

  if (s == NULL || *s == '\0')
    return g_strdup ("");
  first = g_unichar_toupper (g_utf8_get_char (s));
  out = g_string_new (NULL);
  g_string_append_unichar (out, first);
  g_string_append (out, g_utf8_next_char (s));
  return g_string_free (out, FALSE);
}

static GArray *
syllables_of (const char *s)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (Syllable));

  for (const char *p = s; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      guint idx = c - 0xAC00;
      Syllable syl = { idx / 588, (idx % 588) / 28, idx % 28 };

      g_array_append_val (out, syl);
    }
  return out;
}

static char *
rr_syllables (GArray   *syls,
              gboolean  hyphenate)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < syls->len; i++)
    {
      const Syllable *s = &g_array_index (syls, Syllable, i);

      if (i > 0 && hyphenate)
        g_string_append_c (out, '-');
      g_string_append (out, rr_initial[s->l]);
      g_string_append (out, rr_vowel[s->v]);
      g_string_append (out, rr_final[s->t]);
    }
  return g_string_free (out, FALSE);
}

/* MR onset of a syllable after a final of class @prev (CODA_NONE after a
 * vowel); may rewrite the previous coda in @coda. */
static const char *
mr_onset (Coda         prev,
          guint        l,
          guint        v,
          const char **coda)
{
  switch (prev)
    {
    case CODA_NONE:
      switch (l)
        {
        case I_G: return "g";
        case I_D: return "d";
        case I_B: return "b";
        case I_J: return "j";
        case I_R: return "r";
        default: break;
        }
      break;
    case CODA_K:
      if (l == I_N || l == I_M)
        *coda = "ng";
      else if (l == I_R)
        {
          *coda = "ng";
          return "n";
        }
      else if (l == I_NONE)
        *coda = "g";
      break;
    case CODA_N:
      switch (l)
        {
        case I_R:
          *coda = "l";
          return "l";
        case I_G: return "g";
        case I_D: return "d";
        case I_B: return "b";
        case I_J: return "j";
        default: break;
        }
      break;
    case CODA_M:
    case CODA_NG:
      switch (l)
        {
        case I_R: return "n";
        case I_G: return "g";
        case I_D: return "d";
        case I_B: return "b";
        case I_J: return "j";
        default: break;
        }
      break;
    case CODA_L:
      switch (l)
        {
        case I_R:
        case I_N:
          return "l";
        case I_NONE:
          *coda = "r";
          break;
        case I_G: return "g";
        case I_B: return "b";
        default: break;
        }
      break;
    case CODA_P:
      if (l == I_N || l == I_M)
        *coda = "m";
      else if (l == I_R)
        {
          *coda = "m";
          return "n";
        }
      else if (l == I_NONE)
        *coda = "b";
      break;
    case CODA_T:
      if (l == I_N || l == I_M)
        *coda = "n";
      break;
    default:
      break;
    }
  if (l == I_S && v == 16)  /* ㅅ before ㅟ */
    return "sh";
  return mr_initial[l];
}

static char *
mr_given (GArray *syls)
{
  GString *out = g_string_new (NULL);
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  const char *coda = NULL;

  for (guint i = 0; i < syls->len; i++)
    {
      const Syllable *s = &g_array_index (syls, Syllable, i);
      const char *onset;
      static const char * const mr_final[8] = {
        [CODA_NONE] = "", [CODA_K] = "k", [CODA_N] = "n", [CODA_T] = "t", [CODA_L] = "l",
        [CODA_M] = "m", [CODA_P] = "p", [CODA_NG] = "ng",
      };

      if (i == 0)
        onset = s->l == I_S && s->v == 16 ? "sh" : mr_initial[s->l];
      else
        {
          const Syllable *prev = &g_array_index (syls, Syllable, i - 1);
          onset = mr_onset (coda_class[prev->t], s->l, s->v, &coda);
          g_string_append (out, coda);
          g_string_append_c (out, '-');
        }
      g_string_append (out, onset);
      g_string_append (out, mr_vowel[s->v]);
      coda = mr_final[coda_class[s->t]];
    }
  if (coda != NULL)
    g_string_append (out, coda);
  return g_string_free (out, FALSE);
}

static char *
kontsevich_syllables (GArray *syls)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < syls->len; i++)
    {
      const Syllable *s = &g_array_index (syls, Syllable, i);

      if (i == 0)
        g_string_append (out, ko_initial[s->l]);
      else
        {
          Coda prev = coda_class[g_array_index (syls, Syllable, i - 1).t];
          int col = ko_medial_column (s->l);

          if (col >= 0)
            g_string_append (out, ko_medial[prev][col]);
          else
            {
              g_string_append (out, ko_final[prev]);
              g_string_append (out, ko_initial[s->l]);
            }
        }
      g_string_append (out, ko_vowel[s->v]);
    }
  if (syls->len > 0)
    g_string_append (out, ko_final[coda_class[g_array_index (syls, Syllable, syls->len - 1).t]]);
  return g_string_free (out, FALSE);
}

static char *
strip_mr_marks (const char *mr)
{
  GString *out = g_string_new (NULL);

  for (const char *p = mr; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\'')
        continue;
      if (c == 0x014F)       /* ŏ */
        c = 'o';
      else if (c == 0x016D)  /* ŭ */
        c = 'u';
      else if (c == 0x014E)
        c = 'O';
      else if (c == 0x016C)
        c = 'U';
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

G_DEFINE_BOXED_TYPE (VrRomanization, vr_romanization, vr_romanization_copy, vr_romanization_free)

VrRomanization *
vr_romanization_copy (const VrRomanization *self)
{
  VrRomanization *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_new0 (VrRomanization, 1);
  copy->hangul = g_strdup (self->hangul);
  copy->rr = g_strdup (self->rr);
  copy->mr = g_strdup (self->mr);
  copy->mr_ascii = g_strdup (self->mr_ascii);
  copy->kontsevich = g_strdup (self->kontsevich);
  copy->rr_surname_alternatives = g_strdupv (self->rr_surname_alternatives);
  return copy;
}

void
vr_romanization_free (VrRomanization *self)
{
  if (self == NULL)
    return;
  g_free (self->hangul);
  g_free (self->rr);
  g_free (self->mr);
  g_free (self->mr_ascii);
  g_free (self->kontsevich);
  g_strfreev (self->rr_surname_alternatives);
  g_free (self);
}

/**
 * vr_romanize_hangul:
 * @hangul: a Korean personal name in Hangul: surname then given name, with
 *   or without a space between them
 * @error: return location for a %VR_ERROR_VALUE error
 *
 * Romanizes a name in RR, MR (with and without diacritics) and Kontsevich.
 * Without a space, the surname is the first syllable, or the first two for
 * the two-syllable surnames (남궁, 선우, 제갈, 황보, 독고, 사공…).
 *
 * Returns: (transfer full): the romanizations, or %NULL with @error set
 *   when @hangul is not a Hangul name
 */
VrRomanization *
vr_romanize_hangul (const char  *hangul,
                    GError     **error)
{
  g_autofree char *nfc = NULL;
  g_autofree char *surname = NULL;
  g_autofree char *given = NULL;
  g_autoptr(GArray) sur_syls = NULL;
  g_autoptr(GArray) giv_syls = NULL;
  g_autofree char *sur_rr = NULL, *sur_mr = NULL, *sur_ko = NULL;
  g_autofree char *giv_rr = NULL, *giv_mr = NULL, *giv_ko = NULL;
  g_autoptr(GPtrArray) alts = NULL;
  VrRomanization *r;
  GString *compact;
  const Surname *known = NULL;
  const char *space;

  g_return_val_if_fail (hangul != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!g_utf8_validate (hangul, -1, NULL))
    {
      g_set_error (error, VR_ERROR, VR_ERROR_ENCODING, "the name is not valid UTF-8");
      return NULL;
    }
  nfc = g_utf8_normalize (hangul, -1, G_NORMALIZE_NFC);
  g_strstrip (nfc);

  compact = g_string_new (NULL);
  for (const char *p = nfc; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= 0xAC00 && c <= 0xD7A3)
        g_string_append_unichar (compact, c);
      else if (c != ' ')
        {
          g_string_free (compact, TRUE);
          g_set_error (error, VR_ERROR, VR_ERROR_VALUE,
                       "“%s” is not a Hangul name (only Hangul syllables and a space are allowed)",
                       hangul);
          return NULL;
        }
    }
  if (compact->len == 0)
    {
      g_string_free (compact, TRUE);
      g_set_error (error, VR_ERROR, VR_ERROR_VALUE, "the name is empty");
      return NULL;
    }

  space = strchr (nfc, ' ');
  if (space != NULL)
    {
      surname = g_strndup (nfc, space - nfc);
      given = g_strdup (space + 1);
      /* any further spaces inside the given name are dropped */
      {
        GString *g = g_string_new (NULL);
        for (const char *p = given; *p; p++)
          if (*p != ' ')
            g_string_append_c (g, *p);
        g_free (given);
        given = g_string_free (g, FALSE);
      }
      g_string_free (compact, TRUE);
    }
  else
    {
      const char *split = g_utf8_next_char (compact->str);
      glong n = g_utf8_strlen (compact->str, -1);

      for (guint i = 0; i < G_N_ELEMENTS (double_surnames) && n >= 3; i++)
        if (g_str_has_prefix (compact->str, double_surnames[i]))
          split = compact->str + strlen (double_surnames[i]);
      surname = g_strndup (compact->str, split - compact->str);
      given = g_strdup (split);
      g_string_free (compact, TRUE);
    }

  sur_syls = syllables_of (surname);
  giv_syls = syllables_of (given);

  for (guint i = 0; i < G_N_ELEMENTS (surnames); i++)
    if (strcmp (surnames[i].hangul, surname) == 0)
      known = &surnames[i];

  /* Surname */
  {
    g_autofree char *strict = rr_syllables (sur_syls, FALSE);
    g_autofree char *strict_cap = capitalize (strict);
    g_autofree char *mr_raw = NULL;
    g_autofree char *ko_raw = kontsevich_syllables (sur_syls);
    const Syllable *first = &g_array_index (sur_syls, Syllable, 0);

    alts = g_ptr_array_new_with_free_func (g_free);
    if (known != NULL)
      {
        g_auto(GStrv) list = g_strsplit (known->alternatives, " ", -1);

        sur_rr = g_strdup (known->rr);
        for (guint i = 0; list[i] != NULL; i++)
          if (*list[i])
            g_ptr_array_add (alts, g_strdup (list[i]));
        if (strcmp (strict_cap, sur_rr) != 0)
          {
            gboolean seen = FALSE;
            for (guint i = 0; i < alts->len; i++)
              seen |= strcmp (g_ptr_array_index (alts, i), strict_cap) == 0;
            if (!seen)
              g_ptr_array_add (alts, g_strdup (strict_cap));
          }
      }
    else
      sur_rr = g_strdup (strict_cap);

    /* MR: 李 is always Yi (ALA-LC); other ㄹ-initial surnames follow the
     * initial-sound law (림 Im, 류 Yu, 로 No). */
    if (first->l == I_R || (first->l == I_NONE && first->v == 20 && first->t == 0 &&
                            sur_syls->len == 1))
      {
        GArray *copy = g_array_copy (sur_syls);
        Syllable *c = &g_array_index (copy, Syllable, 0);
        gboolean yi = c->v == 20 && c->t == 0 && copy->len == 1;
        gboolean front = c->v == 20 || c->v == 2 || c->v == 3 || c->v == 6 ||
                         c->v == 7 || c->v == 12 || c->v == 17;

        if (yi)
          mr_raw = g_strdup ("Yi");
        else
          {
            g_autofree char *m = NULL;
            c->l = front ? I_NONE : I_N;
            m = mr_given (copy);
            mr_raw = capitalize (m);
          }
        g_array_unref (copy);
        if (yi)
          {
            g_free (ko_raw);
            ko_raw = g_strdup ("ли");
          }
      }
    else
      {
        g_autofree char *m = mr_given (sur_syls);
        g_auto(GStrv) pieces = g_strsplit (m, "-", -1);
        g_autofree char *solid = g_strjoinv ("", pieces);

        /* a two-syllable surname is one word: Namgung */
        mr_raw = capitalize (solid);
      }
    sur_mr = g_steal_pointer (&mr_raw);
    sur_ko = capitalize (ko_raw);
  }

  /* Given name */
  if (giv_syls->len > 0)
    {
      g_autofree char *rr = rr_syllables (giv_syls, TRUE);
      g_autofree char *mr = mr_given (giv_syls);
      g_autofree char *ko = kontsevich_syllables (giv_syls);

      giv_rr = capitalize (rr);
      giv_mr = capitalize (mr);
      giv_ko = capitalize (ko);
    }

  r = g_new0 (VrRomanization, 1);
  r->hangul = g_strdup (hangul);
  if (giv_syls->len > 0)
    {
      r->rr = g_strdup_printf ("%s %s", sur_rr, giv_rr);
      r->mr = g_strdup_printf ("%s %s", sur_mr, giv_mr);
      r->kontsevich = g_strdup_printf ("%s %s", sur_ko, giv_ko);
    }
  else
    {
      r->rr = g_strdup (sur_rr);
      r->mr = g_strdup (sur_mr);
      r->kontsevich = g_strdup (sur_ko);
    }
  r->mr_ascii = strip_mr_marks (r->mr);
  g_ptr_array_add (alts, NULL);
  r->rr_surname_alternatives = (GStrv) g_ptr_array_steal (alts, NULL);
  return r;
}

/* ICU transliterators are not thread-safe: one per style, under a lock. */
G_LOCK_DEFINE_STATIC (translit);
static UTransliterator *translit[2];

/**
 * vr_romanize_cyrillic:
 * @text: Cyrillic text, a name as Russian sources print it
 * @style: how to write it in Latin letters
 * @error: return location for an error
 *
 * Transliterates Russian Cyrillic as translators do (ICU's
 * Russian-Latin/BGN or Cyrillic-Latin). Latin text passes through.
 *
 * Returns: (transfer full): the Latin form, or %NULL with @error set
 */
char *
vr_romanize_cyrillic (const char       *text,
                      VrCyrillicStyle   style,
                      GError          **error)
{
  UErrorCode status = U_ZERO_ERROR;
  g_autofree UChar *buf = NULL;
  int32_t len = 0, limit, capacity, out_len = 0;
  char *out;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (style == VR_CYRILLIC_BGN || style == VR_CYRILLIC_ISO, NULL);

  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, VR_ERROR, VR_ERROR_ENCODING, "the text is not valid UTF-8");
      return NULL;
    }

  u_strFromUTF8 (NULL, 0, &len, text, -1, &status);
  status = U_ZERO_ERROR;
  capacity = len * 4 + 16;
  buf = g_new0 (UChar, capacity);
  u_strFromUTF8 (buf, capacity, &len, text, -1, &status);
  if (U_FAILURE (status))
    {
      g_set_error (error, VR_ERROR, VR_ERROR_ENCODING, "cannot convert the text: %s",
                   u_errorName (status));
      return NULL;
    }

  G_LOCK (translit);
  if (translit[style] == NULL)
    {
      UChar id[64];
      int32_t id_len = 0;
      UParseError pe;
      UErrorCode st = U_ZERO_ERROR;

      u_strFromUTF8 (id, G_N_ELEMENTS (id), &id_len,
                     style == VR_CYRILLIC_BGN ? "Russian-Latin/BGN" : "Cyrillic-Latin", -1, &st);
      translit[style] = utrans_openU (id, id_len, UTRANS_FORWARD, NULL, 0, &pe, &st);
      if (U_FAILURE (st))
        translit[style] = NULL;
    }
  if (translit[style] == NULL)
    {
      G_UNLOCK (translit);
      g_set_error (error, VR_ERROR, VR_ERROR_FAILED,
                   "the ICU transliterator for Cyrillic is not available");
      return NULL;
    }
  limit = len;
  utrans_transUChars (translit[style], buf, &len, capacity, 0, &limit, &status);
  G_UNLOCK (translit);
  if (U_FAILURE (status))
    {
      g_set_error (error, VR_ERROR, VR_ERROR_FAILED, "transliteration failed: %s",
                   u_errorName (status));
      return NULL;
    }

  u_strToUTF8 (NULL, 0, &out_len, buf, len, &status);
  status = U_ZERO_ERROR;
  out = g_malloc (out_len + 1);
  u_strToUTF8 (out, out_len + 1, &out_len, buf, len, &status);
  out[out_len] = '\0';
  return out;
}
