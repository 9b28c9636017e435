/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vr-name-key"

#include "config.h"

#include <string.h>

#include "vr-name-key.h"

/*
 * A spelling becomes a list of slots, one per sound, each with the symbol
 * strings it may stand for. Symbols: K T P C S H L N M (consonants), G (ng),
 * A O U E I (vowels), Y W (glides). A key is SURNAME ":" GIVEN, the given
 * name after canonical sandhi, with G written "NG".
 *
 * The first n_t1 alternatives of a slot are tier-1 readings; the rest are
 * added only in tier 2. Tier 2 then collapses classes (t2_canon).
 */

#define MAX_ALTS 4
#define MAX_SPELLING_CHARS 200

typedef enum
{
  SCRIPT_LATIN,
  SCRIPT_CYRILLIC,
  SCRIPT_HANGUL,
} Script;

typedef struct
{
  char   alts[MAX_ALTS][4];
  guint8 n_t1;
  guint8 n_alts;
  guint8 script;
  char   src[16];
} Slot;

typedef struct
{
  GArray   *surname;  /* of Slot */
  GArray   *given;    /* of Slot */
  char     *surname_word;
  gboolean  hangul;
} ParsedName;

enum
{
  FLAG_BRACKET    = 1 << 0,
  FLAG_OCR        = 1 << 1,
  FLAG_PATRONYMIC = 1 << 2,
};

static void
parsed_name_free (ParsedName *pn)
{
  g_array_unref (pn->surname);
  g_array_unref (pn->given);
  g_free (pn->surname_word);
  g_free (pn);
}

static inline gboolean
is_cons (char c)
{
  return strchr ("KTPCSHLNMG", c) != NULL && c != '\0';
}

static inline gboolean
is_stop (char c)
{
  return c == 'K' || c == 'T' || c == 'P' || c == 'C';
}

static void
slot_init (Slot       *slot,
           Script      script,
           const char *src,
           gsize       src_len,
           const char *t1a,
           const char *t1b,
           const char *t2a,
           const char *t2b)
{
  const char *alts[4] = { t1a, t1b, t2a, t2b };

  memset (slot, 0, sizeof *slot);
  slot->script = script;
  if (src_len >= sizeof slot->src)
    src_len = sizeof slot->src - 1;
  memcpy (slot->src, src, src_len);
  for (guint i = 0; i < 4; i++)
    {
      if (alts[i] == NULL)
        continue;
      g_strlcpy (slot->alts[slot->n_alts], alts[i], sizeof slot->alts[0]);
      slot->n_alts++;
      if (i < 2)
        slot->n_t1 = slot->n_alts;
    }
}

static void
push_slot (GArray     *slots,
           Script      script,
           const char *src,
           gsize       src_len,
           const char *t1a,
           const char *t1b,
           const char *t2a,
           const char *t2b)
{
  Slot slot;

  slot_init (&slot, script, src, src_len, t1a, t1b, t2a, t2b);
  g_array_append_val (slots, slot);
}

/* ---------------------------------------------------------------------- */
/* Latin */

typedef struct
{
  const char *pat;
  const char *sym;
} LatinRule;

/* Longest first within each initial letter; tried in order. */
static const LatinRule latin_cons[] = {
  { "chkh", "C" }, { "tch", "C" }, { "chh", "C" }, { "ch", "C" },
  { "dzh", "C" }, { "dz", "C" }, { "zh", "C" }, { "tsh", "C" }, { "ts", "C" },
  { "tz", "C" }, { "j", "C" }, { "c", "C" }, { "z", "C" },
  { "kkh", "K" }, { "kk", "K" }, { "kh", "H" }, { "gg", "K" }, { "ck", "K" },
  { "k", "K" }, { "g", "K" }, { "q", "K" },
  { "tkh", "T" }, { "tt", "T" }, { "th", "T" }, { "dd", "T" }, { "t", "T" }, { "d", "T" },
  { "pkh", "P" }, { "pp", "P" }, { "ph", "P" }, { "bb", "P" }, { "p", "P" }, { "b", "P" },
  { "f", "P" },
  { "ss", "S" }, { "sh", "S" }, { "s", "S" }, { "x", "S" },
  { "rh", "L" }, { "r", "L" }, { "l", "L" },
  { "ng", "G" }, { "n", "N" }, { "m", "M" }, { "h", "H" },
  { "w", "W" }, { "v", "W" },
};

static const LatinRule latin_vowels[] = {
  { "yeo", "YO" }, { "you", "YO" }, { "yoo", "YU" }, { "yae", "YE" }, { "yee", "I" },
  { "ya", "YA" }, { "yo", "YO" }, { "yu", "YU" }, { "ye", "YE" }, { "yi", "I" },
  { "wae", "WE" }, { "weo", "WO" }, { "wa", "WA" }, { "we", "WE" }, { "wo", "WO" },
  { "wi", "WI" }, { "va", "WA" }, { "ve", "WE" }, { "vo", "WO" }, { "vi", "WI" },
  { "eui", "UI" }, { "eo", "O" }, { "eu", "U" }, { "ee", "I" }, { "ae", "E" },
  { "ai", "AI" }, { "ay", "AI" }, { "oe", "WE" }, { "oi", "WE" }, { "oy", "WE" },
  { "oj", "WE" }, { "oo", "U" }, { "ui", "UI" },
  { "a", "A" }, { "o", "O" }, { "u", "U" }, { "e", "E" }, { "i", "I" },
};

static inline gboolean
latin_is_vowel (char c)
{
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

/* @letters: lower-case ASCII letters and '\'' ; @marks: whether a letter
 * carried a combining mark (a breve, mostly). */
static void
tokenize_latin (const char *letters,
                const char *marks,
                gsize       n,
                gboolean    given,
                GArray     *slots)
{
  gsize i = 0;
  gboolean chunk_start = TRUE;

  while (i < n)
    {
      const LatinRule *rule = NULL;
      gsize plen = 0;
      gboolean vowel_rule = FALSE;
      char c = letters[i];

      if (c == '\'')
        {
          /* After a consonant an aspiration mark, after a vowel a breve. */
          if (slots->len > 0 && !chunk_start)
            {
              Slot *prev = &g_array_index (slots, Slot, slots->len - 1);
              gsize l = strlen (prev->src);

              if (l + 1 < sizeof prev->src)
                {
                  prev->src[l] = '\'';
                  prev->src[l + 1] = '\0';
                }
            }
          i++;
          continue;
        }

      if (!g_ascii_isalpha (c))
        {
          i++;
          continue;
        }

      /* y before a consonant or at the end is Russian ы */
      if (c == 'y' && (i + 1 >= n || !latin_is_vowel (letters[i + 1])))
        {
          push_slot (slots, SCRIPT_LATIN, "y", 1, "U", NULL, NULL, NULL);
          chunk_start = FALSE;
          i++;
          continue;
        }

      for (guint r = 0; r < G_N_ELEMENTS (latin_vowels) && rule == NULL; r++)
        {
          gsize l = strlen (latin_vowels[r].pat);
          if (i + l <= n && memcmp (letters + i, latin_vowels[r].pat, l) == 0)
            {
              rule = &latin_vowels[r];
              plen = l;
              vowel_rule = TRUE;
            }
        }
      for (guint r = 0; r < G_N_ELEMENTS (latin_cons) && rule == NULL; r++)
        {
          gsize l = strlen (latin_cons[r].pat);
          if (i + l <= n && memcmp (letters + i, latin_cons[r].pat, l) == 0)
            {
              rule = &latin_cons[r];
              plen = l;
            }
        }
      if (rule == NULL)
        {
          i++;
          continue;
        }

      {
        char src[16];
        gsize sl = 0;
        gboolean marked = FALSE;
        gboolean next_is_cons;

        for (gsize k = 0; k < plen; k++)
          {
            char l = letters[i + k];
            if (marks[i + k] && (l == 'o' || l == 'u'))
              {
                /* ŏ ŭ as UTF-8 */
                src[sl++] = '\xc5';
                src[sl++] = l == 'o' ? '\x8f' : '\xad';
                marked = TRUE;
              }
            else
              src[sl++] = l;
          }
        /* an apostrophe right after a vowel is a breve */
        if (vowel_rule && i + plen < n && letters[i + plen] == '\'')
          marked = TRUE;

        next_is_cons = i + plen < n && g_ascii_isalpha (letters[i + plen]) &&
                       !latin_is_vowel (letters[i + plen]) && letters[i + plen] != 'y';

        if (!vowel_rule)
          {
            const char *t2 = NULL;
            gsize after = i + plen;

            /* t/d before y or i: an old unpalatalised ch (Дюн for 준) */
            if (strcmp (rule->sym, "T") == 0 && after < n &&
                (letters[after] == 'y' || letters[after] == 'i'))
              t2 = "C";
            push_slot (slots, SCRIPT_LATIN, src, sl, rule->sym, NULL, t2, NULL);
          }
        else if (strcmp (rule->pat, "u") == 0 && !marked && given && next_is_cons)
          /* English u for ㅓ in a closed syllable: Sung, Kun, Chung */
          push_slot (slots, SCRIPT_LATIN, src, sl, "U", "O", NULL, NULL);
        else if (strcmp (rule->pat, "yu") == 0 && given && next_is_cons)
          push_slot (slots, SCRIPT_LATIN, src, sl, "YU", "YO", NULL, NULL);
        else if (strcmp (rule->pat, "e") == 0 && !marked)
          {
            if (chunk_start)
              push_slot (slots, SCRIPT_LATIN, src, sl, "E", NULL, "YO", NULL);
            else
              push_slot (slots, SCRIPT_LATIN, src, sl, "E", NULL, "O", NULL);
          }
        else if (strcmp (rule->sym, "AI") == 0)
          push_slot (slots, SCRIPT_LATIN, src, sl, "AI", NULL, "E", NULL);
        else
          push_slot (slots, SCRIPT_LATIN, src, sl, rule->sym, NULL, NULL, NULL);
      }

      chunk_start = FALSE;
      i += plen;
    }
}

static void
tokenize_latin_word (const char *word,
                     gboolean    given,
                     GArray     *slots)
{
  g_autofree char *nfd = g_utf8_normalize (word, -1, G_NORMALIZE_NFD);
  GString *letters = g_string_new (NULL);
  GString *marks = g_string_new (NULL);
  const char *p;

  for (p = nfd; p != NULL && *p; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);

      if (ch == '-' || g_unichar_isspace (ch))
        {
          /* a chunk boundary: tokenize what we have */
          tokenize_latin (letters->str, marks->str, letters->len, given, slots);
          g_string_truncate (letters, 0);
          g_string_truncate (marks, 0);
        }
      else if (ch < 0x80 && g_ascii_isalpha ((char) ch))
        {
          g_string_append_c (letters, g_ascii_tolower ((char) ch));
          g_string_append_c (marks, 0);
        }
      else if (ch == '\'' || ch == 0x2019 || ch == 0x2018 || ch == 0x02BC ||
               ch == 0x02B9 || ch == '`' || ch == 0x00B4)
        {
          g_string_append_c (letters, '\'');
          g_string_append_c (marks, 0);
        }
      else if (g_unichar_type (ch) == G_UNICODE_NON_SPACING_MARK)
        {
          if (marks->len > 0)
            marks->str[marks->len - 1] = 1;
        }
      else if (g_unichar_isalpha (ch))
        {
          /* other Latin letters: fold to their base through NFKD already done */
          continue;
        }
    }
  tokenize_latin (letters->str, marks->str, letters->len, given, slots);
  g_string_free (letters, TRUE);
  g_string_free (marks, TRUE);
}

/* ---------------------------------------------------------------------- */
/* Cyrillic */

static inline gboolean
cyr_is_vowel (gunichar c)
{
  return c != 0 && g_utf8_strchr ("аеёиоуыэюя", -1, c) != NULL;
}

static void
tokenize_cyrillic_chunk (const gunichar *s,
                         gsize           n,
                         GArray         *slots)
{
  gsize i = 0;

  while (i < n)
    {
      gunichar c = s[i];
      gunichar d = i + 1 < n ? s[i + 1] : 0;
      char src[16];
      gint sl;

      sl = g_unichar_to_utf8 (c, src);
      if (d != 0 && sl < 8)
        g_unichar_to_utf8 (d, src + sl);

      /* two-letter combinations */
      if ((c == 0x0447 && d == 0x0445) || (c == 0x0442 && d == 0x0445) ||
          (c == 0x043F && d == 0x0445) || (c == 0x043A && d == 0x0445))
        {
          const char *sym = c == 0x0447 ? "C" : c == 0x0442 ? "T" : c == 0x043F ? "P" : "K";
          push_slot (slots, SCRIPT_CYRILLIC, src, 4, sym, NULL, NULL, NULL);
          i += 2;
          continue;
        }
      if (c == 0x0432 && cyr_is_vowel (d) && d != 0x044B && d != 0x0443 && d != 0x044E &&
          d != 0x044F && d != 0x0451)
        {
          /* в + vowel is one sound: ва вэ ве ви во (ㅘ ㅙ ㅚ/ㅞ ㅟ ㅝ) */
          const char *sym = d == 0x0430 ? "WA" : d == 0x0438 ? "WI" : d == 0x043E ? "WO" : "WE";
          push_slot (slots, SCRIPT_CYRILLIC, src, 4, sym, d == 0x0435 ? "WO" : NULL, NULL, NULL);
          i += 2;
          continue;
        }
      if (c == 0x0434 && d == 0x0436)  /* дж */
        {
          push_slot (slots, SCRIPT_CYRILLIC, src, 4, "C", NULL, NULL, NULL);
          i += 2;
          continue;
        }
      if (c == 0x043D && d == 0x044A)  /* нъ */
        {
          push_slot (slots, SCRIPT_CYRILLIC, src, 4, "G", NULL, NULL, NULL);
          i += 2;
          continue;
        }
      if (c == d && g_utf8_strchr ("кптсч", -1, c) != NULL)
        {
          i++;
          continue;
        }
      if (d == 0x0439 && (c == 0x044B || c == 0x043E || c == 0x0430 || c == 0x0435 || c == 0x0443))
        {
          /* ый ой ай ей уй */
          const char *sym = c == 0x044B ? "UI" : c == 0x043E ? "WE" : c == 0x0430 ? "AI" :
                            c == 0x0435 ? "EI" : "UI";
          push_slot (slots, SCRIPT_CYRILLIC, src, 4, sym, NULL,
                     c == 0x0430 ? "E" : NULL, NULL);
          i += 2;
          continue;
        }

      src[sl] = '\0';
      switch (c)
        {
        case 0x0430: push_slot (slots, SCRIPT_CYRILLIC, src, sl, "A", NULL, NULL, NULL); break;
        case 0x044D: push_slot (slots, SCRIPT_CYRILLIC, src, sl, "E", NULL, NULL, NULL); break;
        case 0x044F: push_slot (slots, SCRIPT_CYRILLIC, src, sl, "YA", NULL, NULL, NULL); break;
        case 0x043E: push_slot (slots, SCRIPT_CYRILLIC, src, sl, "O", NULL, NULL, NULL); break;
        case 0x0451: push_slot (slots, SCRIPT_CYRILLIC, src, sl, "YO", NULL, NULL, NULL); break;
        case 0x0443: push_slot (slots, SCRIPT_CYRILLIC, src, sl, "U", NULL, NULL, NULL); break;
        case 0x044E: push_slot (slots, SCRIPT_CYRILLIC, src, sl, "YU", NULL, NULL, NULL); break;
        case 0x044B: push_slot (slots, SCRIPT_CYRILLIC, src, sl, "U", NULL, NULL, NULL); break;
        case 0x0438: push_slot (slots, SCRIPT_CYRILLIC, src, sl, "I", NULL, NULL, NULL); break;
        case 0x0439: push_slot (slots, SCRIPT_CYRILLIC, src, sl, "I", NULL, NULL, NULL); break;
        case 0x0435:
          /* е: ㅔ in Kontsevich, ㅓ/ㅕ/ㅛ in 1950s Soviet spelling (Сен, Ен) */
          if (i == 0 || cyr_is_vowel (s[i - 1]) || s[i - 1] == 0x044A || s[i - 1] == 0x044C)
            push_slot (slots, SCRIPT_CYRILLIC, src, sl, "YE", "YO", NULL, NULL);
          else
            push_slot (slots, SCRIPT_CYRILLIC, src, sl, "E", "O", NULL, NULL);
          break;
        case 0x0431: case 0x043F: case 0x0444:
          push_slot (slots, SCRIPT_CYRILLIC, src, sl, "P", NULL, NULL, NULL); break;
        case 0x0432: push_slot (slots, SCRIPT_CYRILLIC, src, sl, "W", NULL, NULL, NULL); break;
        case 0x0433: case 0x043A:
          push_slot (slots, SCRIPT_CYRILLIC, src, sl, "K", NULL, NULL, NULL); break;
        case 0x0434: case 0x0442:
          {
            const char *t2 = (d == 0x044E || d == 0x044F || d == 0x0435 || d == 0x0451 || d == 0x0438) ? "C" : NULL;
            push_slot (slots, SCRIPT_CYRILLIC, src, sl, "T", NULL, t2, NULL);
          }
          break;
        case 0x0436: case 0x0437: case 0x0446: case 0x0447:
          push_slot (slots, SCRIPT_CYRILLIC, src, sl, "C", NULL, NULL, NULL); break;
        case 0x043B: case 0x0440:
          push_slot (slots, SCRIPT_CYRILLIC, src, sl, "L", NULL, NULL, NULL); break;
        case 0x043C: push_slot (slots, SCRIPT_CYRILLIC, src, sl, "M", NULL, NULL, NULL); break;
        case 0x043D:
          /* н before a vowel is n; as a coda Russian н renders ㄴ and ㅇ */
          if (cyr_is_vowel (d))
            push_slot (slots, SCRIPT_CYRILLIC, src, sl, "N", NULL, NULL, NULL);
          else
            push_slot (slots, SCRIPT_CYRILLIC, src, sl, "N", "G", NULL, NULL);
          break;
        case 0x0441: case 0x0448: case 0x0449:
          push_slot (slots, SCRIPT_CYRILLIC, src, sl, "S", NULL, NULL, NULL); break;
        case 0x0445: push_slot (slots, SCRIPT_CYRILLIC, src, sl, "H", NULL, NULL, NULL); break;
        default:
          break;  /* ъ ь and anything else */
        }
      i++;
    }
}

static void
tokenize_cyrillic_word (const char *word,
                        GArray     *slots)
{
  g_autofree char *lower = g_utf8_strdown (word, -1);
  g_autofree char *nfc = g_utf8_normalize (lower, -1, G_NORMALIZE_NFC);
  g_autofree gunichar *u = NULL;
  glong n = 0;
  glong start = 0;

  u = g_utf8_to_ucs4_fast (nfc != NULL ? nfc : "", -1, &n);
  for (glong i = 0; i <= n; i++)
    {
      if (i == n || u[i] == '-' || g_unichar_isspace (u[i]))
        {
          tokenize_cyrillic_chunk (u + start, i - start, slots);
          start = i + 1;
        }
    }
}

/* ---------------------------------------------------------------------- */
/* Hangul */

static const char * const hangul_initial_sym[19] = {
  "K", "K", "N", "T", "T", "L", "M", "P", "P", "S", "S", "", "C", "C", "C", "K", "T", "P", "H"
};
static const char * const hangul_initial_rr[19] = {
  "g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p", "h"
};
static const char * const hangul_vowel_sym[21] = {
  "A", "E", "YA", "YE", "O", "E", "YO", "YE", "O", "WA", "WE", "WE", "YO", "U", "WO", "WE", "WI",
  "YU", "U", "UI", "I"
};
static const char * const hangul_vowel_rr[21] = {
  "a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we",
  "wi", "yu", "eu", "ui", "i"
};
static const char * const hangul_final_sym[28] = {
  "", "K", "K", "K", "N", "N", "N", "T", "L", "K", "M", "L", "L", "L", "P", "L", "M", "P", "P",
  "T", "T", "G", "T", "T", "K", "T", "P", "T"
};
static const char * const hangul_final_rr[28] = {
  "", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p", "p",
  "t", "t", "ng", "t", "t", "k", "t", "p", "t"
};

static inline gboolean
is_hangul_syllable (gunichar c)
{
  return c >= 0xAC00 && c <= 0xD7A3;
}

static void
tokenize_hangul_syllable (gunichar  c,
                          GArray   *slots)
{
  guint idx = c - 0xAC00;
  guint l = idx / 588, v = (idx % 588) / 28, t = idx % 28;

  if (*hangul_initial_sym[l])
    push_slot (slots, SCRIPT_HANGUL, hangul_initial_rr[l], strlen (hangul_initial_rr[l]),
               hangul_initial_sym[l], NULL, NULL, NULL);
  push_slot (slots, SCRIPT_HANGUL, hangul_vowel_rr[v], strlen (hangul_vowel_rr[v]),
             hangul_vowel_sym[v], NULL, NULL, NULL);
  if (t != 0)
    push_slot (slots, SCRIPT_HANGUL, hangul_final_rr[t], strlen (hangul_final_rr[t]),
               hangul_final_sym[t], NULL, NULL, NULL);
}

static Script
word_script (const char *word)
{
  for (const char *p = word; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (is_hangul_syllable (c))
        return SCRIPT_HANGUL;
      if (c >= 0x0400 && c <= 0x04FF)
        return SCRIPT_CYRILLIC;
      if (g_unichar_isalpha (c))
        return SCRIPT_LATIN;
    }
  return SCRIPT_LATIN;
}

static void
tokenize_word (const char *word,
               gboolean    given,
               GArray     *slots)
{
  switch (word_script (word))
    {
    case SCRIPT_HANGUL:
      for (const char *p = word; *p; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);
          if (is_hangul_syllable (c))
            tokenize_hangul_syllable (c, slots);
        }
      break;
    case SCRIPT_CYRILLIC:
      tokenize_cyrillic_word (word, slots);
      break;
    case SCRIPT_LATIN:
    default:
      tokenize_latin_word (word, given, slots);
      break;
    }
}

/* ---------------------------------------------------------------------- */
/* Surnames */

/* Each line: spellings of one surname. The first spelling's skeleton is
 * the surname's code; the others map to it. Only spellings whose skeleton
 * differs from the code need listing, the rest are there for clarity. */
static const char * const surname_table[] = {
  "kim gim ким",
  "pak park bak bark пак",
  "li ri i yi lee rhee ree yee rhie ли ри и",
  "choe choi chwe choy tsoi tsoy zoi coj tsoj chkhve чхве цой",
  "jeong chung jung chong jong cheong joung chen ten чен тен",
  "jeon chun chon",
  "seo so suh sur",
  "heo ho hur huh kho",
  "yun yoon",
  "kang gang",
  "kwon gwon",
  "jo cho",
  "jang chang",
  "o oh",
  "sin shin",
  "an ahn",
  "no noh roh ro",
  "im lim rim yim",
  "baek paek paik baik",
  "mun moon",
  "ko go koh",
  "ju chu joo",
  "ku gu koo",
  "hong", "han", "nam", "song", "yang", "hwang", "son", "bae pae", "ha", "gi ki",
  "mu", "kwak gwak", "yu ryu", "yeo", "u", "ma", "cha", "ra", "na", "tak",
};

/* Two-syllable Korean surnames (Hangul) */
static const char * const double_surnames[] = {
  "남궁", "선우", "제갈", "황보", "독고", "사공", "서문", "동방", "어금", "망절", "장곡",
};

static GHashTable *surname_map;  /* skeleton → code */

static char *
first_skeleton (GArray *slots)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < slots->len; i++)
    g_string_append (s, g_array_index (slots, Slot, i).alts[0]);
  return g_string_free (s, FALSE);
}

static gpointer
build_surname_map (gpointer data)
{
  GHashTable *map = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; i < G_N_ELEMENTS (surname_table); i++)
    {
      g_auto(GStrv) spellings = g_strsplit (surname_table[i], " ", -1);
      g_autofree char *code = NULL;

      for (guint j = 0; spellings[j] != NULL; j++)
        {
          g_autoptr(GArray) slots = g_array_new (FALSE, FALSE, sizeof (Slot));
          char *skel;

          tokenize_word (spellings[j], FALSE, slots);
          skel = first_skeleton (slots);
          if (code == NULL)
            code = g_strdup (skel);
          if (!g_hash_table_contains (map, skel))
            g_hash_table_insert (map, skel, g_strdup (code));
          else
            g_free (skel);
        }
    }
  return map;
}

static const char *
surname_lookup (const char *skeleton)
{
  static GOnce once = G_ONCE_INIT;

  surname_map = g_once (&once, build_surname_map, NULL);
  return g_hash_table_lookup (surname_map, skeleton);
}

/* ---------------------------------------------------------------------- */
/* Canonical forms */

static void
collapse_geminates (GString *s)
{
  for (gsize i = 0; i + 1 < s->len;)
    {
      if (s->str[i] == s->str[i + 1] && is_cons (s->str[i]))
        g_string_erase (s, i + 1, 1);
      else
        i++;
    }
}

/* Make RR (no assimilation) and MR (assimilation) spellings of the same
 * given name converge. */
static void
sandhi (GString *s)
{
  gboolean changed = TRUE;

  while (changed)
    {
      changed = FALSE;
      collapse_geminates (s);
      for (gsize i = 0; i + 1 < s->len && !changed; i++)
        {
          char *a = &s->str[i], *b = &s->str[i + 1];

          if (!is_cons (*a) || !is_cons (*b))
            continue;
          changed = TRUE;
          if (*a == 'K' && (*b == 'N' || *b == 'M'))
            *a = 'G';
          else if (*a == 'K' && *b == 'L')
            *a = 'G', *b = 'N';
          else if (*a == 'P' && (*b == 'N' || *b == 'M'))
            *a = 'M';
          else if (*a == 'P' && *b == 'L')
            *a = 'M', *b = 'N';
          else if (*a == 'T' && (*b == 'N' || *b == 'M'))
            *a = 'N';
          else if ((*a == 'M' || *a == 'G') && *b == 'L')
            *b = 'N';
          else if (*a == 'N' && *b == 'L')
            *a = 'L';
          else if (*a == 'L' && *b == 'N')
            *b = 'L';
          else if (is_stop (*a) && *b == 'H')
            g_string_erase (s, i + 1, 1);
          else if (*a == 'H' && is_stop (*b))
            g_string_erase (s, i, 1);
          else
            changed = FALSE;
        }
    }
}

static void
replace_all (GString    *s,
             const char *from,
             const char *to)
{
  gsize fl = strlen (from), tl = strlen (to);

  for (gsize i = 0; i + fl <= s->len;)
    {
      if (memcmp (s->str + i, from, fl) == 0)
        {
          g_string_erase (s, i, fl);
          g_string_insert (s, i, to);
          i += tl;
        }
      else
        i++;
    }
}

static void
t2_canon (GString *s)
{
  replace_all (s, "G", "N");
  replace_all (s, "O", "U");
  replace_all (s, "CY", "C");
  replace_all (s, "UI", "I");
  replace_all (s, "WI", "I");
  /* r/l/n dropped before i or y at the start of a syllable (리/이, 룡/용) */
  for (gsize i = 0; i + 1 < s->len;)
    {
      char c = s->str[i], n = s->str[i + 1];
      if ((c == 'L' || c == 'N') && (n == 'I' || n == 'Y') &&
          (i == 0 || is_cons (s->str[i - 1])))
        g_string_erase (s, i, 1);
      else
        i++;
    }
  collapse_geminates (s);
}

/* ---------------------------------------------------------------------- */
/* Parsing a spelling */

static gboolean
is_patronymic (const char *word)
{
  g_autofree char *w = g_utf8_strdown (word, -1);
  const char *ends[] = { "ovich", "evich", "ovna", "evna", "ichna",
                         "ович", "евич", "овна", "евна", "ична" };

  for (guint i = 0; i < G_N_ELEMENTS (ends); i++)
    if (g_str_has_suffix (w, ends[i]) && strlen (w) > strlen (ends[i]) + 1)
      return TRUE;
  return FALSE;
}

static gboolean
word_is_known_surname (const char *word)
{
  g_autoptr(GArray) slots = g_array_new (FALSE, FALSE, sizeof (Slot));
  g_autofree char *skel = NULL;

  tokenize_word (word, FALSE, slots);
  skel = first_skeleton (slots);
  return surname_lookup (skel) != NULL;
}

static ParsedName *
parse_name (const char *text,
            guint      *flags)
{
  g_auto(GStrv) raw = g_strsplit_set (text, " \t\n\r", -1);
  g_autoptr(GPtrArray) words = g_ptr_array_new ();
  ParsedName *pn;

  for (guint i = 0; raw[i] != NULL; i++)
    {
      char *w = g_strstrip (raw[i]);
      gboolean has_letter = FALSE;

      for (const char *p = w; *p; p = g_utf8_next_char (p))
        if (g_unichar_isalpha (g_utf8_get_char (p)))
          has_letter = TRUE;
      if (!has_letter)
        continue;
      /* OCR: capital I for l ("Kim II Sung", "Nam II") */
      if (strcmp (w, "II") == 0 && i > 0)
        {
          memcpy (w, "Il", 2);
          *flags |= FLAG_OCR;
        }
      g_ptr_array_add (words, w);
    }

  /* Russian first name + patronymic: drop both, keep the surname */
  for (guint i = 0; i < words->len; i++)
    if (is_patronymic (g_ptr_array_index (words, i)))
      {
        guint first = i > 0 ? i - 1 : i;
        g_ptr_array_remove_range (words, first, i - first + 1);
        *flags |= FLAG_PATRONYMIC;
        break;
      }

  pn = g_new0 (ParsedName, 1);
  pn->surname = g_array_new (FALSE, FALSE, sizeof (Slot));
  pn->given = g_array_new (FALSE, FALSE, sizeof (Slot));
  if (words->len == 0)
    return pn;

  if (words->len == 1 && word_script (g_ptr_array_index (words, 0)) == SCRIPT_HANGUL)
    {
      /* 김일성: the first syllable, or two for 남궁 and the like */
      const char *w = g_ptr_array_index (words, 0);
      glong n = g_utf8_strlen (w, -1);
      const char *split = g_utf8_offset_to_pointer (w, 1);

      for (guint i = 0; i < G_N_ELEMENTS (double_surnames) && n >= 3; i++)
        if (g_str_has_prefix (w, double_surnames[i]))
          split = w + strlen (double_surnames[i]);
      pn->surname_word = g_strndup (w, split - w);
      tokenize_word (pn->surname_word, FALSE, pn->surname);
      tokenize_word (split, TRUE, pn->given);
      pn->hangul = TRUE;
      return pn;
    }

  pn->surname_word = g_strdup (g_ptr_array_index (words, 0));
  pn->hangul = word_script (pn->surname_word) == SCRIPT_HANGUL;
  tokenize_word (pn->surname_word, FALSE, pn->surname);
  for (guint i = 1; i < words->len; i++)
    tokenize_word (g_ptr_array_index (words, i), TRUE, pn->given);
  return pn;
}

/* Returns ParsedName* (one, or two for "Yoon Gong-heum [Yun Kong Hum]"). */
static GPtrArray *
parse_spelling (const char *spelling,
                guint      *flags)
{
  GPtrArray *names = g_ptr_array_new_with_free_func ((GDestroyNotify) parsed_name_free);
  g_autofree char *nfc = g_utf8_normalize (spelling, -1, G_NORMALIZE_NFC);
  GString *outside = g_string_new (NULL);
  GString *inside = g_string_new (NULL);
  gboolean in_bracket = FALSE;

  *flags = 0;
  /* a name is short; a longer "spelling" is read up to a cap, so that
   * untrusted input cannot make the key cost grow without bound */
  if (nfc != NULL && g_utf8_strlen (nfc, MAX_SPELLING_CHARS * 8) > MAX_SPELLING_CHARS)
    *g_utf8_offset_to_pointer (nfc, MAX_SPELLING_CHARS) = '\0';
  if (nfc == NULL)
    {
      g_string_free (outside, TRUE);
      g_string_free (inside, TRUE);
      return names;
    }

  for (const char *p = nfc; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '[')
        {
          in_bracket = TRUE;
          *flags |= FLAG_BRACKET;
          g_string_append_c (inside, ' ');
        }
      else if (c == ']')
        in_bracket = FALSE;
      else if (g_unichar_isspace (c))
        g_string_append_c (in_bracket ? inside : outside, ' ');
      else
        g_string_append_unichar (in_bracket ? inside : outside, c);
    }

  if (*flags & FLAG_BRACKET)
    {
      g_auto(GStrv) inner = g_strsplit_set (g_strstrip (inside->str), " \t", -1);
      guint n_inner = 0;

      for (guint i = 0; inner[i] != NULL; i++)
        if (*inner[i])
          n_inner++;

      if (n_inner >= 2 && word_is_known_surname (inner[0]))
        {
          /* Wilson style: a second complete name */
          g_ptr_array_add (names, parse_name (outside->str, flags));
          g_ptr_array_add (names, parse_name (inside->str, flags));
        }
      else
        {
          /* an uncertain part of the name: keep it, drop the brackets */
          g_autofree char *joined = g_strconcat (outside->str, " ", inside->str, NULL);
          g_ptr_array_add (names, parse_name (joined, flags));
        }
    }
  else
    g_ptr_array_add (names, parse_name (outside->str, flags));

  g_string_free (outside, TRUE);
  g_string_free (inside, TRUE);
  return names;
}

/* ---------------------------------------------------------------------- */
/* Keys */

static void
expand (GArray     *slots,
        guint       index,
        VrNameTier  tier,
        GString    *acc,
        GPtrArray  *out,
        guint       cap)
{
  const Slot *slot;
  guint n;

  if (out->len >= cap)
    return;
  if (index == slots->len)
    {
      g_ptr_array_add (out, g_strdup (acc->str));
      return;
    }
  slot = &g_array_index (slots, Slot, index);
  n = tier == VR_NAME_TIER_1 ? slot->n_t1 : slot->n_alts;
  for (guint i = 0; i < n; i++)
    {
      gsize len = acc->len;
      g_string_append (acc, slot->alts[i]);
      expand (slots, index + 1, tier, acc, out, cap);
      g_string_truncate (acc, len);
    }
}

static char *
render_key (const char *surname,
            const char *given)
{
  GString *s = g_string_new (NULL);

  for (const char *p = surname; *p; p++)
    g_string_append (s, *p == 'G' ? "NG" : (char[]) { *p, 0 });
  g_string_append_c (s, ':');
  for (const char *p = given; *p; p++)
    g_string_append (s, *p == 'G' ? "NG" : (char[]) { *p, 0 });
  return g_string_free (s, FALSE);
}

static char *
given_form (const char *raw,
            VrNameTier  tier)
{
  GString *g = g_string_new (raw);

  sandhi (g);
  if (tier == VR_NAME_TIER_2)
    t2_canon (g);
  return g_string_free (g, FALSE);
}

static void
add_key (GHashTable *set,
         GPtrArray  *keys,
         char       *key)
{
  if (keys->len >= VR_NAME_MAX_KEYS || g_hash_table_contains (set, key))
    {
      g_free (key);
      return;
    }
  g_hash_table_add (set, key);
  g_ptr_array_add (keys, key);
}

static void
name_keys (ParsedName *pn,
           VrNameTier  tier,
           GHashTable *set,
           GPtrArray  *keys)
{
  g_autoptr(GPtrArray) surnames = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) givens = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) code_list = g_ptr_array_new ();
  GString *acc = g_string_new (NULL);

  if (pn->surname->len == 0)
    {
      g_string_free (acc, TRUE);
      return;
    }

  expand (pn->surname, 0, tier, acc, surnames, VR_NAME_MAX_KEYS);
  g_string_truncate (acc, 0);
  for (guint i = 0; i < surnames->len; i++)
    {
      const char *skel = g_ptr_array_index (surnames, i);
      const char *code = surname_lookup (skel);
      GString *c = g_string_new (code != NULL ? code : skel);

      if (tier == VR_NAME_TIER_2)
        t2_canon (c);
      if (!g_hash_table_contains (codes, c->str))
        {
          char *str = g_string_free (c, FALSE);
          g_hash_table_add (codes, str);
          g_ptr_array_add (code_list, str);
        }
      else
        g_string_free (c, TRUE);
    }

  expand (pn->given, 0, tier, acc, givens, VR_NAME_MAX_KEYS);
  g_string_free (acc, TRUE);

  for (guint i = 0; i < code_list->len && keys->len < VR_NAME_MAX_KEYS; i++)
    for (guint j = 0; j < givens->len && keys->len < VR_NAME_MAX_KEYS; j++)
      {
        g_autofree char *g = given_form (g_ptr_array_index (givens, j), tier);
        add_key (set, keys, render_key (g_ptr_array_index (code_list, i), g));
      }

  /* Tier 2: a single solid word may be surname + given name run together,
   * as in Soviet-Korean surnames made of the whole name (Хегай for 허가이). */
  if (tier == VR_NAME_TIER_2 && pn->given->len == 0 && !pn->hangul)
    for (guint i = 0; i < surnames->len; i++)
      {
        const char *skel = g_ptr_array_index (surnames, i);
        gsize len = strlen (skel);

        for (gsize k = 1; k + 1 < len; k++)
          {
            g_autofree char *prefix = g_strndup (skel, k);
            const char *code = surname_lookup (prefix);

            if (code != NULL)
              {
                GString *c = g_string_new (code);
                g_autofree char *g = given_form (skel + k, tier);

                t2_canon (c);
                add_key (set, keys, render_key (c->str, g));
                g_string_free (c, TRUE);
              }
          }
      }
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/**
 * vr_name_keys:
 * @spelling: a name as printed, in any script
 * @tier: how tolerant the keys are
 *
 * The matching keys of a spelling: two spellings may be the same person at
 * @tier when their key sets intersect. At most %VR_NAME_MAX_KEYS keys; only
 * the first 200 characters of a spelling are read.
 *
 * Returns: (transfer full): sorted, distinct key strings (empty when the
 *   spelling has no letters)
 */
GPtrArray *
vr_name_keys (const char *spelling,
              VrNameTier  tier)
{
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GHashTable) set = NULL;
  GPtrArray *keys;
  guint flags;

  g_return_val_if_fail (spelling != NULL, NULL);
  g_return_val_if_fail (tier == VR_NAME_TIER_1 || tier == VR_NAME_TIER_2, NULL);

  keys = g_ptr_array_new_with_free_func (g_free);
  if (!g_utf8_validate (spelling, -1, NULL))
    return keys;

  set = g_hash_table_new (g_str_hash, g_str_equal);
  names = parse_spelling (spelling, &flags);
  for (guint i = 0; i < names->len; i++)
    name_keys (g_ptr_array_index (names, i), tier, set, keys);
  g_ptr_array_sort (keys, compare_strings);
  return keys;
}

/**
 * vr_name_keys_intersect:
 *
 * Whether two sorted key arrays from vr_name_keys() share a key.
 */
gboolean
vr_name_keys_intersect (GPtrArray *a,
                        GPtrArray *b)
{
  guint i = 0, j = 0;

  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  while (i < a->len && j < b->len)
    {
      int c = strcmp (g_ptr_array_index (a, i), g_ptr_array_index (b, j));
      if (c == 0)
        return TRUE;
      if (c < 0)
        i++;
      else
        j++;
    }
  return FALSE;
}

/**
 * vr_name_match:
 *
 * Whether two spellings share a key at @tier.
 */
gboolean
vr_name_match (const char *a,
               const char *b,
               VrNameTier  tier)
{
  g_autoptr(GPtrArray) ka = NULL;
  g_autoptr(GPtrArray) kb = NULL;

  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  ka = vr_name_keys (a, tier);
  kb = vr_name_keys (b, tier);
  return vr_name_keys_intersect (ka, kb);
}

/* ---------------------------------------------------------------------- */
/* Explanations */

static const char *
cyrillic_as_latin (const char *src)
{
  static const struct { const char *cyr, *lat; } map[] = {
    { "чх", "ch'" }, { "тх", "t'" }, { "пх", "p'" }, { "кх", "k'" }, { "дж", "j" },
    { "нъ", "ng" }, { "ый", "ŭi" }, { "ой", "oe" }, { "ай", "ai" },
    { "ва", "wa" }, { "вэ", "wae" }, { "ве", "we" }, { "ви", "wi" }, { "во", "wŏ" },
    { "к", "k" }, { "г", "g" }, { "д", "d" }, { "т", "t" }, { "п", "p" }, { "б", "b" },
    { "ч", "ch" }, { "ц", "ts" }, { "ж", "j" }, { "з", "z" }, { "с", "s" }, { "ш", "sh" },
    { "х", "h" }, { "н", "n" }, { "м", "m" }, { "л", "l" }, { "р", "r" }, { "в", "w" },
    { "ф", "f" }, { "а", "a" }, { "о", "o" }, { "у", "u" }, { "ы", "ŭ" }, { "э", "e" },
    { "е", "e" }, { "ё", "yo" }, { "ю", "yu" }, { "я", "ya" }, { "и", "i" }, { "й", "i" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (map); i++)
    if (g_str_has_prefix (src, map[i].cyr))
      return map[i].lat;
  return src;
}

static void
add_reason (GPtrArray  *reasons,
            const char *reason)
{
  for (guint i = 0; i < reasons->len; i++)
    if (strcmp (g_ptr_array_index (reasons, i), reason) == 0)
      return;
  g_ptr_array_add (reasons, g_strdup (reason));
}

static gboolean
str_in (const char *s,
        const char *const *set)
{
  for (guint i = 0; set[i] != NULL; i++)
    if (strcmp (s, set[i]) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
pair_is (const char *a,
         const char *b,
         const char *x,
         const char *y)
{
  return (strcmp (a, x) == 0 && strcmp (b, y) == 0) ||
         (strcmp (a, y) == 0 && strcmp (b, x) == 0);
}

static void
explain_pair (const Slot *sa,
              const Slot *sb,
              GPtrArray  *reasons)
{
  char a[24], b[24];
  const char *sym_a = sa->alts[0], *sym_b = sb->alts[0];
  static const char * const voiced[] = { "g", "d", "b", "j", "gg", "dd", "bb", "dz", "dzh", "zh", NULL };
  gboolean asp_a, asp_b;
  gsize la, lb;

  g_strlcpy (a, sa->script == SCRIPT_CYRILLIC ? cyrillic_as_latin (sa->src) : sa->src, sizeof a);
  g_strlcpy (b, sb->script == SCRIPT_CYRILLIC ? cyrillic_as_latin (sb->src) : sb->src, sizeof b);
  la = strlen (a);
  lb = strlen (b);
  asp_a = la > 1 && a[la - 1] == '\'';
  asp_b = lb > 1 && b[lb - 1] == '\'';
  if (asp_a)
    a[--la] = '\0';
  if (asp_b)
    b[--lb] = '\0';

  if (strcmp (sym_a, sym_b) == 0 && is_cons (sym_a[0]))
    {
      if (str_in (a, voiced) != str_in (b, voiced))
        {
          switch (sym_a[0])
            {
            case 'K': add_reason (reasons, "k/g voicing"); break;
            case 'T': add_reason (reasons, "t/d voicing"); break;
            case 'P': add_reason (reasons, "p/b voicing"); break;
            case 'C': add_reason (reasons, "ch/j voicing"); break;
            default: break;
            }
        }
      else if (asp_a != asp_b || pair_is (a, b, "t", "th") || pair_is (a, b, "p", "ph"))
        add_reason (reasons, "aspiration mark");
      else if (pair_is (a, b, "r", "l"))
        add_reason (reasons, "r/l");
      else if (strcmp (a, b) != 0)
        {
          g_autofree char *r = g_strdup_printf ("%s/%s", a, b);
          add_reason (reasons, r);
        }
      return;
    }
  if (strcmp (sym_a, sym_b) == 0)
    {
      if (strcmp (a, b) == 0)
        return;
      if (pair_is (a, b, "eo", "o"))
        add_reason (reasons, "eo/o");
      else if (pair_is (a, b, "ŏ", "o"))
        add_reason (reasons, "ŏ/o");
      else if (pair_is (a, b, "eo", "ŏ"))
        add_reason (reasons, "eo/ŏ");
      else if (pair_is (a, b, "eu", "u") || pair_is (a, b, "y", "u"))
        add_reason (reasons, "eu/u");
      else if (pair_is (a, b, "ŭ", "u"))
        add_reason (reasons, "ŭ/u");
      else if (pair_is (a, b, "eu", "ŭ") || pair_is (a, b, "eu", "y") || pair_is (a, b, "ŭ", "y"))
        add_reason (reasons, "eu/ŭ");
      else if (pair_is (a, b, "ae", "e"))
        add_reason (reasons, "ae/e");
      else if (strcmp (sym_a, "YO") == 0)
        add_reason (reasons, "yeo/yŏ/yo");
      else if (strcmp (sym_a, "WE") == 0)
        add_reason (reasons, "oe/oi/we");
      else
        {
          g_autofree char *r = g_strdup_printf ("%s/%s", a, b);
          add_reason (reasons, r);
        }
      return;
    }

  /* different symbols, equal through a tier-1 alternative, sandhi or tier 2 */
  if ((sym_a[0] == 'N' && sym_b[0] == 'G') || (sym_a[0] == 'G' && sym_b[0] == 'N'))
    add_reason (reasons, "Russian н for ng");
  else if ((strcmp (sym_a, "O") == 0 && strcmp (sym_b, "U") == 0) ||
           (strcmp (sym_a, "U") == 0 && strcmp (sym_b, "O") == 0))
    add_reason (reasons, "u for ŏ");
  else if ((strcmp (sym_a, "YO") == 0 && strcmp (sym_b, "YU") == 0) ||
           (strcmp (sym_a, "YU") == 0 && strcmp (sym_b, "YO") == 0))
    add_reason (reasons, "yu for yŏ");
  else if (pair_is (sym_a, sym_b, "E", "O") || pair_is (sym_a, sym_b, "YE", "YO"))
    add_reason (reasons, "Soviet е for ŏ");
  else if (pair_is (sym_a, sym_b, "WI", "I") || pair_is (sym_a, sym_b, "UI", "I") ||
           pair_is (sym_a, sym_b, "UI", "WI"))
    add_reason (reasons, "i/wi/ŭi");
  else if (pair_is (sym_a, sym_b, "AI", "E"))
    add_reason (reasons, "ai/ae");
  else if (pair_is (sym_a, sym_b, "T", "C"))
    add_reason (reasons, "t/d for ch before y (old Soviet spelling)");
  else if (pair_is (sym_a, sym_b, "K", "G") || pair_is (sym_a, sym_b, "P", "M") ||
           pair_is (sym_a, sym_b, "T", "N") || pair_is (sym_a, sym_b, "L", "N"))
    add_reason (reasons, "sound change between syllables");
  else
    {
      g_autofree char *r = g_strdup_printf ("%s/%s", a, b);
      add_reason (reasons, r);
    }
}

static void
explain_gap (const Slot *s,
             GPtrArray  *reasons)
{
  switch (s->alts[0][0])
    {
    case 'L':
    case 'N':
      add_reason (reasons, "initial r/l/n dropped");
      break;
    case 'H':
      add_reason (reasons, "h after a consonant");
      break;
    case 'Y':
      add_reason (reasons, "y glide");
      break;
    default:
      if (is_cons (s->alts[0][0]))
        add_reason (reasons, "doubled consonant");
      else
        {
          g_autofree char *r = g_strdup_printf ("extra “%s”", s->src);
          add_reason (reasons, r);
        }
      break;
    }
}

static gboolean
slots_related (const Slot *a,
               const Slot *b)
{
  for (guint i = 0; i < a->n_alts; i++)
    for (guint j = 0; j < b->n_alts; j++)
      {
        g_autoptr(GString) x = g_string_new (a->alts[i]);
        g_autoptr(GString) y = g_string_new (b->alts[j]);

        if (g_string_equal (x, y))
          return TRUE;
        t2_canon (x);
        t2_canon (y);
        if (g_string_equal (x, y))
          return TRUE;
      }
  return FALSE;
}

/* Align two slot sequences (edit distance) and explain each difference. */
static void
explain_slots (GArray    *a,
               GArray    *b,
               GPtrArray *reasons)
{
  guint n = a->len, m = b->len;
  g_autofree guint *d = g_new0 (guint, (n + 1) * (m + 1));
#define D(i, j) d[(i) * (m + 1) + (j)]
  guint i, j;

  for (i = 0; i <= n; i++)
    D (i, 0) = i * 2;
  for (j = 0; j <= m; j++)
    D (0, j) = j * 2;
  for (i = 1; i <= n; i++)
    for (j = 1; j <= m; j++)
      {
        const Slot *sa = &g_array_index (a, Slot, i - 1);
        const Slot *sb = &g_array_index (b, Slot, j - 1);
        guint sub = strcmp (sa->alts[0], sb->alts[0]) == 0 ? 0 : slots_related (sa, sb) ? 1 : 3;
        guint best = D (i - 1, j - 1) + sub;

        best = MIN (best, D (i - 1, j) + 2);
        best = MIN (best, D (i, j - 1) + 2);
        D (i, j) = best;
      }

  i = n;
  j = m;
  while (i > 0 || j > 0)
    {
      if (i > 0 && j > 0)
        {
          const Slot *sa = &g_array_index (a, Slot, i - 1);
          const Slot *sb = &g_array_index (b, Slot, j - 1);
          guint sub = strcmp (sa->alts[0], sb->alts[0]) == 0 ? 0 : slots_related (sa, sb) ? 1 : 3;

          if (D (i, j) == D (i - 1, j - 1) + sub)
            {
              explain_pair (sa, sb, reasons);
              i--;
              j--;
              continue;
            }
        }
      if (i > 0 && D (i, j) == D (i - 1, j) + 2)
        {
          explain_gap (&g_array_index (a, Slot, i - 1), reasons);
          i--;
        }
      else
        {
          explain_gap (&g_array_index (b, Slot, j - 1), reasons);
          j--;
        }
    }
#undef D
}

static char *
separators_removed (const char *s)
{
  GString *out = g_string_new (NULL);

  for (const char *p = s; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (c != '-' && !g_unichar_isspace (c))
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static Script
spelling_script (ParsedName *pn)
{
  if (pn->hangul)
    return SCRIPT_HANGUL;
  return word_script (pn->surname_word != NULL ? pn->surname_word : "");
}

/**
 * vr_name_explain_match:
 * @a: a spelling
 * @b: another spelling
 * @tier: the tier to match at
 *
 * Why two spellings match: human-readable reasons such as "k/g voicing",
 * "eu/u", "Russian н for ng", "Ri/Li/Yi surname", "ŏ/o", "hyphenation and
 * spacing". Identical spellings match with no reason.
 *
 * Returns: (transfer full) (nullable): the reasons, or %NULL when the two do
 *   not match at @tier
 */
GPtrArray *
vr_name_explain_match (const char *a,
                       const char *b,
                       VrNameTier  tier)
{
  g_autoptr(GPtrArray) na = NULL;
  g_autoptr(GPtrArray) nb = NULL;
  GPtrArray *reasons;
  guint fa, fb;
  ParsedName *pa = NULL, *pb = NULL;
  guint best = G_MAXUINT;

  g_return_val_if_fail (a != NULL && b != NULL, NULL);

  if (!vr_name_match (a, b, tier))
    return NULL;

  reasons = g_ptr_array_new_with_free_func (g_free);
  if (strcmp (a, b) == 0)
    return reasons;

  na = parse_spelling (a, &fa);
  nb = parse_spelling (b, &fb);

  /* the pair of alternatives that match, closest first */
  for (guint i = 0; i < na->len; i++)
    for (guint j = 0; j < nb->len; j++)
      {
        ParsedName *x = g_ptr_array_index (na, i), *y = g_ptr_array_index (nb, j);
        guint diff = ABS ((int) x->given->len - (int) y->given->len) + (i + j) * 10;
        if (diff < best)
          {
            best = diff;
            pa = x;
            pb = y;
          }
      }
  if (pa == NULL || pb == NULL)
    return reasons;

  {
    Script sa = spelling_script (pa), sb = spelling_script (pb);
    if (sa != sb && (sa == SCRIPT_HANGUL || sb == SCRIPT_HANGUL))
      add_reason (reasons, "Hangul romanized");
    else if (sa != sb && (sa == SCRIPT_CYRILLIC || sb == SCRIPT_CYRILLIC))
      add_reason (reasons, "Cyrillic transliterated");
  }
  if ((fa ^ fb) & FLAG_BRACKET)
    add_reason (reasons, "bracketed alternative");
  if ((fa | fb) & FLAG_OCR)
    add_reason (reasons, "OCR II for Il");
  if ((fa | fb) & FLAG_PATRONYMIC)
    add_reason (reasons, "Russian first name and patronymic");

  /* surname */
  if (pa->surname_word != NULL && pb->surname_word != NULL &&
      g_utf8_collate (pa->surname_word, pb->surname_word) != 0)
    {
      g_autofree char *la = g_utf8_strdown (pa->surname_word, -1);
      g_autofree char *lb = g_utf8_strdown (pb->surname_word, -1);
      g_autofree char *ska = first_skeleton (pa->surname);
      g_autofree char *skb = first_skeleton (pb->surname);
      const char *ca = surname_lookup (ska), *cb = surname_lookup (skb);

      if (strcmp (la, lb) == 0)
        add_reason (reasons, "capitalisation");
      else if (ca != NULL && cb != NULL && strcmp (ca, "LI") == 0 && strcmp (cb, "LI") == 0)
        add_reason (reasons, "Ri/Li/Yi surname");
      else if (pa->hangul || pb->hangul)
        ;  /* "Hangul romanized" says it */
      else if (strcmp (ska, skb) != 0 && ca != NULL && cb != NULL && strcmp (ca, cb) == 0)
        {
          /* spellings of one surname that no rule derives: Park/Pak */
          g_autofree char *r = g_strdup_printf ("surname %s/%s", pa->surname_word, pb->surname_word);
          add_reason (reasons, r);
        }
      else if (pa->given->len == 0 || pb->given->len == 0)
        {
          g_autofree char *r = g_strdup_printf ("surname %s/%s", pa->surname_word, pb->surname_word);
          add_reason (reasons, r);
        }
      else
        explain_slots (pa->surname, pb->surname, reasons);
    }

  if (pa->given->len == 0 || pb->given->len == 0)
    {
      if (pa->given->len != pb->given->len)
        add_reason (reasons, "name written solid");
    }
  else
    explain_slots (pa->given, pb->given, reasons);

  /* spacing, hyphens and case, seen on the whole spellings */
  if (!pa->hangul && !pb->hangul &&
      spelling_script (pa) == SCRIPT_LATIN && spelling_script (pb) == SCRIPT_LATIN)
    {
      g_autofree char *sa = separators_removed (a);
      g_autofree char *sb = separators_removed (b);
      g_autofree char *lsa = g_utf8_strdown (sa, -1);
      g_autofree char *lsb = g_utf8_strdown (sb, -1);
      gboolean sep_differ = FALSE;

      /* compare the separator pattern: count and kind */
      {
        g_autofree char *xa = g_strdup (a), *xb = g_strdup (b);
        guint ha = 0, hb = 0, wa = 0, wb = 0;
        for (char *p = xa; *p; p++) { ha += *p == '-'; wa += *p == ' '; }
        for (char *p = xb; *p; p++) { hb += *p == '-'; wb += *p == ' '; }
        sep_differ = ha != hb || wa != wb;
      }
      if (sep_differ)
        add_reason (reasons, "hyphenation and spacing");
      if (strcmp (sa, sb) != 0 && strcmp (lsa, lsb) == 0)
        add_reason (reasons, "capitalisation");
      else
        {
          /* case differences alongside other ones */
          gboolean upper_a = FALSE, upper_b = FALSE;
          for (const char *p = a + 1; *p && *p != ' '; p++)
            upper_a |= g_ascii_isupper (*p);
          for (const char *p = b + 1; *p && *p != ' '; p++)
            upper_b |= g_ascii_isupper (*p);
          if (upper_a != upper_b)
            add_reason (reasons, "capitalisation");
        }
    }

  return reasons;
}
