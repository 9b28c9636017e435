/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Proposing the people named in a document's text: romanized Korean names,
 * names after a title, a short table of well-known figures, Russian
 * surnames by their endings. Rules in README.md beside this file. */
#define G_LOG_DOMAIN "vr-importer"

#include "config.h"

#include <string.h>

#include "vr-importer.h"
#include "vr-mention-finder.h"
#include "vr-name-cluster.h"
#include "vr-name-finder.h"
#include "vr-name-key.h"

/* Latin spellings of Korean surnames, folded (lower case, no apostrophes
 * or breves). Single letters (I, O, U) are left out: too often English. */
static const char * const korean_surnames[] = {
  "kim", "gim", "pak", "park", "bak", "ri", "li", "yi", "lee", "rhee", "choe", "choi",
  "chwe", "jeong", "chung", "jung", "chong", "jong", "cheong", "jeon", "chun", "chon",
  "seo", "so", "suh", "heo", "ho", "hur", "yun", "yoon", "kang", "gang", "kwon", "gwon",
  "jo", "cho", "jang", "chang", "oh", "sin", "shin", "an", "ahn", "noh", "roh", "im",
  "lim", "rim", "yim", "baek", "paek", "paik", "mun", "moon", "ko", "go", "ju", "chu",
  "ku", "gu", "hong", "han", "nam", "song", "yang", "hwang", "son", "bae", "pae", "ha",
  "kwak", "yu", "ryu", "yeo", "ma", "cha", "tak", "hyon", "hyeon", "hyun", "jin", "kye",
  "gye", "pyon", "byeon", "won", "ok", "chi", "ji", "sim", "shim", "sok", "seok",
  "myong", "myeong", "ryom", "yeom", "yom", "pang", "bang", "pyo", "tong", "dong",
  "hae", "kil", "gil", "ki", "gi", "sol", "seol", "chae", "che", "ryang", "yang",
  "ro", "no", "na", "ra", "kong", "gong", "ye", "u",
};

/* People of the socialist bloc and its opponents who appear throughout the
 * Digital Archive, as its translations spell them. */
static const char * const known_figures[] = {
  "Stalin", "Lenin", "Khrushchev", "Molotov", "Malenkov", "Bulganin", "Mikoyan",
  "Suslov", "Ponomarev", "Gromyko", "Kaganovich", "Voroshilov", "Beria", "Zhukov",
  "Brezhnev", "Kosygin", "Andropov", "Shepilov", "Puzanov", "Bierut", "Gomułka",
  "Gomulka", "Ochab", "Cyrankiewicz", "Rákosi", "Rakosi", "Nagy", "Gerő", "Gero",
  "Kádár", "Kadar", "Tito", "Ulbricht", "Novotný", "Novotny", "Gottwald", "Dimitrov",
  "Zhivkov", "Hoxha", "Gheorghiu-Dej", "Ceaușescu", "Ceausescu", "Mao Zedong",
  "Mao Tse-tung", "Zhou Enlai", "Chou En-lai", "Liu Shaoqi", "Peng Dehuai",
  "Deng Xiaoping", "Ho Chi Minh", "Castro", "Truman", "Eisenhower", "Kennedy",
  "Dulles", "MacArthur", "Syngman Rhee", "Nehru", "Sukarno",
};

static const char * const titles[] = {
  "Cde", "Comrade", "Comrades", "Ambassador", "Minister", "Premier", "Chairman",
  "Marshal", "General", "Colonel", "Secretary", "President", "Mr", "Mrs", "Ms", "Dr",
  "Professor", "Counselor", "Counsellor", "Envoy", "Consul", "Lieutenant", "Major",
  "Captain", "Admiral", "Gen", "Col", "Lt", "Maj", "Capt", "Amb",
};

static const char * const abbreviated_titles[] = {
  "Cde", "Mr", "Mrs", "Ms", "Dr", "Gen", "Col", "Lt", "Maj", "Capt", "Amb",
};

static const char * const signature_verbs[] = {
  "Drafted", "Typed", "Signed", "Prepared", "Written", "Compiled",
};

/* Capitalized words that follow titles but name no one. */
static const char * const not_names[] = {
  "The", "Of", "And", "In", "To", "For", "Party", "Committee", "Plenum", "Government",
  "Embassy", "Ministry", "Presidium", "Council", "Union", "Republic", "Army",
  "Academy", "Department", "Directorate", "Deputy", "Chief", "Foreign", "Affairs",
  "Defense", "Defence", "Trade", "State", "Soviet", "Korean", "Chinese", "Russian",
  "Central", "People", "People's", "Workers", "Workers'", "Cabinet", "Ministers",
  "Staff", "Security", "Internal", "Culture", "Education", "Finance", "Industry",
};

/* Words that open an office printed before a name ("Minister of Trade
 * Yun Gong-heum", "Deputy Chief of the Military Academy Ri [Ur Gyu]"). */
static const char * const role_titles[] = {
  "Minister", "Deputy", "Chief", "Chairman", "Vice", "Ambassador", "Premier",
  "Secretary", "Director", "Head", "Commander", "General", "Marshal", "Colonel",
  "President", "Consul", "Counselor", "Counsellor", "Envoy", "Editor",
};

static const char * const russian_endings[] = {
  "ov", "ev", "ova", "eva", "ovich", "evich", "enko", "sky", "skii", "skiy", "yan",
  "vili", "ovna", "evna",
};

/* Prepositions after which a word in -ov is a town rather than a person. */
static const char * const place_prepositions[] = {
  "in", "to", "from", "near", "at", "into", "outside",
};

/* Surnames that are also common English words: never a short reference. */
static const char * const english_surnames[] = {
  "so", "no", "an", "ha", "ma", "na", "ra", "go", "ho", "ko", "jo", "ju", "gu", "son",
  "song", "moon", "won", "ok", "ye", "u", "han", "hong", "kong", "gong", "chi", "bang",
  "ro", "ki", "gi",
};

static gboolean
in_list (const char * const *list,
         guint               n,
         const char         *word)
{
  for (guint i = 0; i < n; i++)
    if (g_str_equal (list[i], word))
      return TRUE;
  return FALSE;
}

#define IN_LIST(list, word) in_list (list, G_N_ELEMENTS (list), word)

/* ---------------------------------------------------------------------- */
/* Romanized syllables */

static const char * const onsets[] = {
  "tch", "kk", "tt", "pp", "ss", "jj", "ch", "ts", "sh", "kh",
  "g", "k", "n", "d", "t", "r", "l", "m", "b", "p", "s", "j", "h", "",
};
static const char * const nuclei[] = {
  "yae", "yeo", "wae", "weo", "eui", "ae", "ya", "eo", "ye", "oe", "oi", "wa",
  "yo", "wo", "we", "wi", "yu", "eu", "ui", "ai", "a", "e", "o", "u", "i",
};
static const char * const codas[] = {
  "ng", "k", "g", "n", "l", "r", "m", "p", "b", "t", "d", "s", "",
};

static gboolean
parse_syllables (const char *s,
                 guint       n_left)
{
  if (*s == '\0')
    return TRUE;
  if (n_left == 0)
    return FALSE;

  for (guint o = 0; o < G_N_ELEMENTS (onsets); o++)
    {
      gsize lo = strlen (onsets[o]);

      if (strncmp (s, onsets[o], lo) != 0)
        continue;
      for (guint v = 0; v < G_N_ELEMENTS (nuclei); v++)
        {
          gsize lv = strlen (nuclei[v]);

          if (strncmp (s + lo, nuclei[v], lv) != 0)
            continue;
          for (guint c = 0; c < G_N_ELEMENTS (codas); c++)
            {
              gsize lc = strlen (codas[c]);

              if (strncmp (s + lo + lv, codas[c], lc) == 0 &&
                  parse_syllables (s + lo + lv + lc, n_left - 1))
                return TRUE;
            }
        }
    }
  return FALSE;
}

/* Lower case, apostrophes and breves dropped; NULL when @word has
 * characters that no romanization uses. */
static char *
fold_romanized (const char *word,
                gssize      length)
{
  GString *out = g_string_new (NULL);
  const char *end = length < 0 ? word + strlen (word) : word + length;

  for (const char *p = word; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\'' || c == 0x2019 || c == 0x02BC || c == 0x2018)
        continue;
      if (c == 0x014F || c == 0x014E || c == 0x00F6)
        c = 'o';
      else if (c == 0x016D || c == 0x016C || c == 0x00FC)
        c = 'u';
      else if (c == 0x00E9)
        c = 'e';
      if (c >= 0x80 || !g_ascii_isalpha (c))
        {
          g_string_free (out, TRUE);
          return NULL;
        }
      g_string_append_c (out, g_ascii_tolower (c));
    }
  return g_string_free (out, FALSE);
}

/* "Sung", "Gong-heum", "Ch'ang-ik": a capitalized given name whose parts
 * are one or two romanized syllables each. */
static gboolean
is_given_name_word (const char *word,
                    gsize       length)
{
  g_autofree char *copy = g_strndup (word, length);
  g_auto(GStrv) parts = g_strsplit (copy, "-", -1);

  if (!g_unichar_isupper (g_utf8_get_char (copy)) || length < 2)
    return FALSE;
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autofree char *folded = fold_romanized (parts[i], -1);
      const char *rest = g_utf8_next_char (parts[i]);

      if (folded == NULL || *folded == '\0' || !parse_syllables (folded, 2))
        return FALSE;
      /* "Gong-heum" or "Il-Sung", never "KWP" */
      for (const char *p = rest; *p != '\0'; p = g_utf8_next_char (p))
        if (g_unichar_isupper (g_utf8_get_char (p)))
          return FALSE;
    }
  return TRUE;
}

static gboolean
is_korean_surname (const char *word,
                   gsize       length)
{
  g_autofree char *folded = fold_romanized (word, length);
  gunichar first = g_utf8_get_char (word);

  if (folded == NULL || !g_unichar_isupper (first))
    return FALSE;
  return IN_LIST (korean_surnames, folded);
}

/* ---------------------------------------------------------------------- */
/* Tokens */

typedef struct
{
  gsize    start;       /* bytes */
  gsize    end;
  gboolean bracket;     /* "[…]" */
  gboolean plain_gap;   /* only white space since the previous token */
  gboolean period_gap;  /* exactly ". " since the previous token */
  gboolean sentence_start;
} Token;

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

static gboolean
is_apostrophe (gunichar c)
{
  return c == '\'' || c == 0x2019 || c == 0x02BC;
}

static GArray *
tokenize (const char *text)
{
  GArray *tokens = g_array_new (FALSE, FALSE, sizeof (Token));
  const char *p = text;
  GString *gap = g_string_new (NULL);
  gboolean sentence = TRUE;

  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char (p);
      Token token = { 0, };

      if (c == '[')
        {
          const char *close = strchr (p, ']');

          if (close != NULL && close - p <= 60 && memchr (p, '\n', close - p) == NULL)
            {
              token.start = p - text;
              token.end = close + 1 - text;
              token.bracket = TRUE;
              p = close + 1;
            }
        }
      else if (is_word_char (c))
        {
          const char *q = p;

          token.start = p - text;
          while (*q != '\0')
            {
              gunichar d = g_utf8_get_char (q);
              const char *next = g_utf8_next_char (q);

              if (is_word_char (d))
                {
                  q = next;
                  continue;
                }
              /* Inner hyphens and apostrophes (Gong-heum, Ch'oe), but not
               * the possessive "'s". */
              if ((d == '-' || is_apostrophe (d)) && is_word_char (g_utf8_get_char (next)))
                {
                  if (is_apostrophe (d) && *next == 's' &&
                      !is_word_char (g_utf8_get_char (next + 1)))
                    break;
                  q = next;
                  continue;
                }
              break;
            }
          token.end = q - text;
          p = q;
        }

      if (token.end > token.start)
        {
          token.plain_gap = gap->len > 0 && strspn (gap->str, " \t") == gap->len;
          token.period_gap = g_str_equal (gap->str, ". ");
          token.sentence_start = sentence;
          g_array_append_val (tokens, token);
          g_string_truncate (gap, 0);
          sentence = FALSE;
          continue;
        }

      /* A separator */
      if (c == 0x00A0)
        g_string_append_c (gap, ' ');
      else
        g_string_append_unichar (gap, c);
      if (c == '.' || c == '!' || c == '?' || c == ':' || c == '"' || c == 0x201C)
        sentence = TRUE;
      else if (!g_unichar_isspace (c) && c != 0x00A0)
        sentence = sentence && (c == '(' || c == 0x2018 || c == '\'');
      p = g_utf8_next_char (p);
    }

  g_string_free (gap, TRUE);
  return tokens;
}

/* ---------------------------------------------------------------------- */
/* Name rules */

typedef struct
{
  char     *spelling;
  char     *role;     /* the title phrase printed before it, first seen */
  gboolean  korean;
  guint     count;
  guint     order;
} Found;

static void
found_free (gpointer data)
{
  Found *found = data;

  g_free (found->spelling);
  g_free (found->role);
  g_free (found);
}

typedef struct
{
  const char *text;
  GArray     *tokens;
} Scan;

static inline const Token *
token_at (const Scan *scan,
          guint       i)
{
  return i < scan->tokens->len ? &g_array_index (scan->tokens, Token, i) : NULL;
}

static char *
token_dup (const Scan  *scan,
           const Token *token)
{
  return g_strndup (scan->text + token->start, token->end - token->start);
}

static gboolean
token_is (const Scan  *scan,
          const Token *token,
          const char  *word)
{
  gsize len = strlen (word);

  return !token->bracket && token->end - token->start == len &&
         memcmp (scan->text + token->start, word, len) == 0;
}

static gboolean
token_in (const Scan         *scan,
          const Token        *token,
          const char * const *list,
          guint               n)
{
  for (guint i = 0; i < n; i++)
    if (token_is (scan, token, list[i]))
      return TRUE;
  return FALSE;
}

/* "[Gan]", "[Dyun Tkhyak]": a gloss of capitalized words. */
static gboolean
is_name_gloss (const Scan  *scan,
               const Token *token)
{
  g_autofree char *inner = NULL;
  g_auto(GStrv) words = NULL;
  guint n;

  if (token == NULL || !token->bracket || !token->plain_gap)
    return FALSE;
  inner = g_strndup (scan->text + token->start + 1, token->end - token->start - 2);
  words = g_strsplit (inner, " ", -1);
  n = g_strv_length (words);
  if (n == 0 || n > 3)
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      gunichar first = g_utf8_get_char (words[i]);

      if (!g_unichar_isupper (first))
        return FALSE;
      for (const char *p = words[i]; *p != '\0'; p = g_utf8_next_char (p))
        if (!g_unichar_isalpha (g_utf8_get_char (p)) && *p != '-' && *p != '\'')
          return FALSE;
    }
  return TRUE;
}

static gboolean
is_plain_given (const Scan  *scan,
                const Token *token)
{
  return token != NULL && !token->bracket && token->plain_gap &&
         is_given_name_word (scan->text + token->start, token->end - token->start);
}

/* A romanized Korean name starting at token @i; returns the number of
 * tokens it covers, 0 when there is none. */
static guint
match_korean (const Scan *scan,
              guint       i)
{
  const Token *surname = token_at (scan, i);
  const Token *next = token_at (scan, i + 1);
  gboolean known;
  guint n = 1;

  if (surname == NULL || surname->bracket || next == NULL)
    return 0;

  known = is_korean_surname (scan->text + surname->start, surname->end - surname->start);
  if (!known)
    {
      /* An unlisted surname is believed only before a hyphenated given
       * name: "Yung Kong-hum". */
      const char *s = scan->text + surname->start;
      g_autofree char *folded = fold_romanized (s, surname->end - surname->start);

      if (folded == NULL || !g_unichar_isupper (g_utf8_get_char (s)) ||
          !parse_syllables (folded, 1) || memchr (s, '-', surname->end - surname->start) ||
          !is_plain_given (scan, next) ||
          memchr (scan->text + next->start, '-', next->end - next->start) == NULL)
        return 0;
    }

  if (is_name_gloss (scan, next))
    return 2;
  if (!is_plain_given (scan, next))
    return 0;
  n = 2;
  if (memchr (scan->text + next->start, '-', next->end - next->start) == NULL &&
      is_plain_given (scan, token_at (scan, i + 2)) &&
      memchr (scan->text + token_at (scan, i + 2)->start, '-',
              token_at (scan, i + 2)->end - token_at (scan, i + 2)->start) == NULL)
    n = 3;
  if (is_name_gloss (scan, token_at (scan, i + n)))
    n++;
  return n;
}

static gboolean
is_name_word (const Scan  *scan,
              const Token *token)
{
  const char *s;
  gboolean upper_seen = FALSE;

  if (token == NULL || token->bracket)
    return FALSE;
  s = scan->text + token->start;
  if (!g_unichar_isupper (g_utf8_get_char (s)) || token->end - token->start < 3)
    return FALSE;
  for (const char *p = g_utf8_next_char (s); p < scan->text + token->end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isdigit (c))
        return FALSE;
      if (g_unichar_isupper (c))
        upper_seen = TRUE;
    }
  /* "KWP" is an organisation; "MacArthur" is fine. */
  if (upper_seen && g_unichar_isupper (g_utf8_get_char (g_utf8_next_char (s))))
    return FALSE;
  return !token_in (scan, token, not_names, G_N_ELEMENTS (not_names));
}

/* Known figures, single or several words; returns the tokens covered. */
static guint
match_known (const Scan *scan,
             guint       i)
{
  const Token *first = token_at (scan, i);

  if (first == NULL || first->bracket)
    return 0;

  for (guint k = 0; k < G_N_ELEMENTS (known_figures); k++)
    {
      g_auto(GStrv) words = NULL;
      gsize first_len = strcspn (known_figures[k], " ");
      gboolean ok = TRUE;
      guint n;

      /* Cheap test on the first word before splitting the entry. */
      if (first->end - first->start != first_len ||
          memcmp (scan->text + first->start, known_figures[k], first_len) != 0)
        continue;
      words = g_strsplit (known_figures[k], " ", -1);
      n = g_strv_length (words);

      for (guint w = 0; ok && w < n; w++)
        {
          const Token *token = token_at (scan, i + w);

          ok = token != NULL && token_is (scan, token, words[w]) && (w == 0 || token->plain_gap);
        }
      if (ok)
        return n;
    }
  return 0;
}

static gboolean
has_russian_ending (const Scan  *scan,
                    const Token *token)
{
  g_autofree char *word = token_dup (scan, token);
  gsize len = strlen (word);

  if (len < 5 || strchr (word, '-') != NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (russian_endings); i++)
    if (g_str_has_suffix (word, russian_endings[i]))
      return TRUE;
  return FALSE;
}

/* The office printed just before token @i, across spaces only: a run of
 * capitalized words, acronyms, "of", "the" and "and" that starts at a
 * role title. NULL when there is none. */
static char *
describe (const Scan *scan,
          guint       i)
{
  guint j = i, first = G_MAXUINT;

  while (j > 0)
    {
      const Token *here = token_at (scan, j);
      const Token *prev = token_at (scan, j - 1);
      gunichar c;

      if (!here->plain_gap || prev->bracket)
        break;
      c = g_utf8_get_char (scan->text + prev->start);
      if (!g_unichar_isupper (c) && !token_is (scan, prev, "of") &&
          !token_is (scan, prev, "the") && !token_is (scan, prev, "and"))
        break;
      j--;
      if (token_in (scan, prev, role_titles, G_N_ELEMENTS (role_titles)))
        first = j;
      if (prev->sentence_start)
        break;
    }

  /* "the post of Deputy Chairman … of Choe Yong-geon": an office that
   * ends in "of" may be someone else's; say nothing. */
  if (first == G_MAXUINT || !g_unichar_isupper (g_utf8_get_char (scan->text + token_at (scan, i - 1)->start)))
    return NULL;
  return g_strndup (scan->text + token_at (scan, first)->start,
                    token_at (scan, i - 1)->end - token_at (scan, first)->start);
}

/* Adds @spelling (text between two tokens) to @found. */
static void
record (GHashTable *found,
        const Scan *scan,
        guint       first,
        guint       n_tokens,
        gboolean    korean)
{
  const Token *a = token_at (scan, first);
  const Token *b = token_at (scan, first + n_tokens - 1);
  g_autofree char *spelling = g_strndup (scan->text + a->start, b->end - a->start);
  Found *f = g_hash_table_lookup (found, spelling);

  if (f == NULL)
    {
      f = g_new0 (Found, 1);
      f->spelling = g_strdup (spelling);
      f->korean = korean;
      f->order = g_hash_table_size (found);
      g_hash_table_insert (found, f->spelling, f);
    }
  if (f->role == NULL)
    f->role = describe (scan, first);
  f->count++;
}

static void
detect_in_text (GHashTable *found,
                const char *text)
{
  g_autoptr(GArray) tokens = tokenize (text);
  Scan scan = { text, tokens };
  guint i = 0;

  while (i < tokens->len)
    {
      const Token *token = token_at (&scan, i);
      guint n;

      if ((n = match_korean (&scan, i)) > 0)
        {
          record (found, &scan, i, n, TRUE);
          i += n;
          continue;
        }
      if ((n = match_known (&scan, i)) > 0)
        {
          record (found, &scan, i, n, FALSE);
          i += n;
          continue;
        }

      /* A title or a signature: the names that follow. */
      if (token_in (&scan, token, titles, G_N_ELEMENTS (titles)) ||
          (token_in (&scan, token, signature_verbs, G_N_ELEMENTS (signature_verbs)) &&
           token_at (&scan, i + 1) != NULL && token_is (&scan, token_at (&scan, i + 1), "by")))
        {
          guint j = i + 1;

          if (!token_in (&scan, token, titles, G_N_ELEMENTS (titles)))
            j++;  /* "by" */
          while (token_at (&scan, j) != NULL &&
                 token_in (&scan, token_at (&scan, j), titles, G_N_ELEMENTS (titles)) &&
                 token_at (&scan, j)->plain_gap)
            j++;

          if (token_at (&scan, j) != NULL &&
              (token_at (&scan, j)->plain_gap ||
               (token_at (&scan, j)->period_gap &&
                token_in (&scan, token_at (&scan, j - 1), abbreviated_titles,
                          G_N_ELEMENTS (abbreviated_titles)))) &&
              match_korean (&scan, j) == 0 && match_known (&scan, j) == 0 &&
              is_name_word (&scan, token_at (&scan, j)))
            {
              n = 1;
              if (is_name_word (&scan, token_at (&scan, j + 1)) &&
                  token_at (&scan, j + 1)->plain_gap)
                n = 2;
              record (found, &scan, j, n, FALSE);
              i = j + n;
              continue;
            }
          i = j;
          continue;
        }

      /* A Russian surname by its ending, not where a town would stand. */
      if (!token->sentence_start && is_name_word (&scan, token) &&
          has_russian_ending (&scan, token))
        {
          const Token *before = i > 0 ? token_at (&scan, i - 1) : NULL;

          if (before == NULL || !token->plain_gap ||
              !token_in (&scan, before, place_prepositions, G_N_ELEMENTS (place_prepositions)))
            {
              record (found, &scan, i, 1, FALSE);
              i++;
              continue;
            }
        }
      i++;
    }
}

/* ---------------------------------------------------------------------- */
/* From spellings to entities */

static VrNameSystem
guess_system (const char *spelling,
              gboolean    korean)
{
  const char *space;

  if (strchr (spelling, '[') != NULL)
    return VR_NAME_SYSTEM_TRANSLATOR;
  if (!korean)
    return VR_NAME_SYSTEM_OTHER;
  if (strchr (spelling, '\'') != NULL || strstr (spelling, "\xe2\x80\x99") != NULL ||
      strstr (spelling, "\xc5\x8f") != NULL || strstr (spelling, "\xc5\xad") != NULL)
    return VR_NAME_SYSTEM_MR;
  space = strchr (spelling, ' ');
  /* North Korean practice writes the given name's syllables as words. */
  if (space != NULL && strchr (space + 1, ' ') != NULL)
    return VR_NAME_SYSTEM_DPRK;
  if (strchr (spelling, '-') != NULL)
    return VR_NAME_SYSTEM_RR;
  return VR_NAME_SYSTEM_OTHER;
}

static guint
uf_find (guint *parent,
         guint  i)
{
  while (parent[i] != i)
    i = parent[i] = parent[parent[i]];
  return i;
}

static gboolean
spelling_known (VrDocument *document,
                const char *spelling)
{
  GListModel *entities = vr_document_get_entities (document);

  for (guint i = 0; i < g_list_model_get_n_items (entities); i++)
    {
      g_autoptr(VrEntity) entity = g_list_model_get_item (entities, i);

      if (vr_entity_lookup_variant (entity, spelling) != NULL)
        return TRUE;
    }
  return FALSE;
}

static int
compare_found (gconstpointer a,
               gconstpointer b)
{
  const Found *fa = *(Found **) a;
  const Found *fb = *(Found **) b;

  return (fa->order > fb->order) - (fa->order < fb->order);
}

/* Lone surnames that belong to exactly one of the people just proposed,
 * after that person's first full mention, marked short. */
static void
add_short_references (VrDocument *document,
                      GPtrArray  *people,
                      GPtrArray  *surnames)
{
  g_autoptr(GHashTable) owner = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) patterns = g_ptr_array_new ();
  g_autoptr(GPtrArray) owners = g_ptr_array_new ();
  g_autoptr(GPtrArray) mentions = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(VrNameFinder) finder = NULL;
  GListModel *paragraphs = vr_document_get_paragraphs (document);
  GHashTableIter iter;
  gpointer key, value;

  for (guint i = 0; i < people->len; i++)
    {
      const char *surname = g_ptr_array_index (surnames, i);
      VrEntity *entity = g_ptr_array_index (people, i);
      gpointer prev;

      if (surname == NULL)
        continue;
      if (g_hash_table_lookup_extended (owner, surname, NULL, &prev))
        {
          if (prev != entity)
            g_hash_table_insert (owner, (gpointer) surname, NULL);
        }
      else
        g_hash_table_insert (owner, (gpointer) surname, entity);
    }

  g_hash_table_iter_init (&iter, owner);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (value != NULL)
      {
        g_ptr_array_add (patterns, key);
        g_ptr_array_add (owners, value);
      }
  if (patterns->len == 0)
    return;

  finder = vr_name_finder_new ((const char * const *) patterns->pdata,
                               (gpointer const *) owners->pdata, patterns->len,
                               VR_NAME_FINDER_DEFAULT);

  for (guint p = 0; p < g_list_model_get_n_items (paragraphs); p++)
    {
      g_autoptr(VrParagraph) paragraph = g_list_model_get_item (paragraphs, p);
      const char *text = vr_paragraph_get_text (paragraph, "en");
      g_autoptr(GArray) matches = NULL;
      g_autoptr(GPtrArray) taken = NULL;

      if (text == NULL)
        continue;
      matches = vr_name_finder_scan (finder, text, -1);
      if (matches->len == 0)
        continue;
      taken = vr_document_get_paragraph_mentions (document, paragraph, "en");

      for (guint m = 0; m < matches->len; m++)
        {
          const VrNameMatch *match = &g_array_index (matches, VrNameMatch, m);
          VrEntity *entity = match->user_data;
          const char *surname = g_ptr_array_index (patterns, match->pattern);
          GListModel *entity_mentions = vr_entity_get_mentions (entity);
          g_autoptr(VrMention) first = NULL;
          gboolean overlap = FALSE;

          /* Exact case: "Yun", never "yun" */
          if (strlen (surname) != match->end - match->start ||
              memcmp (text + match->start, surname, match->end - match->start) != 0)
            continue;
          if (g_list_model_get_n_items (entity_mentions) == 0)
            continue;
          first = g_list_model_get_item (entity_mentions, 0);
          if (vr_document_get_paragraph_index (document, vr_mention_get_paragraph (first)) > (int) p)
            continue;
          for (guint t = 0; t < taken->len && !overlap; t++)
            {
              VrMention *other = g_ptr_array_index (taken, t);

              overlap = vr_mention_get_start (other) < match->char_end &&
                        vr_mention_get_end (other) > match->char_start;
            }
          if (overlap)
            continue;

          {
            VrMention *mention = vr_mention_new (entity, paragraph, "en",
                                                 match->char_start, match->char_end);

            vr_mention_set_short (mention, TRUE);
            g_ptr_array_add (mentions, mention);
          }
        }
    }

  if (mentions->len > 0)
    vr_document_add_mentions (document, mentions);
}

guint
vr_import_detect_people (VrDocument *document)
{
  g_autoptr(GHashTable) found = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) tier1 = NULL;
  g_autoptr(GPtrArray) tier2 = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GPtrArray) surnames = NULL;
  g_autoptr(GPtrArray) new_mentions = NULL;
  g_autoptr(GHashTable) group_of = NULL;
  g_autofree guint *parent = NULL;
  g_autofree const char **spellings = NULL;
  GListModel *paragraphs;
  guint n;

  g_return_val_if_fail (VR_IS_DOCUMENT (document), 0);

  found = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, found_free);
  paragraphs = vr_document_get_paragraphs (document);
  for (guint i = 0; i < g_list_model_get_n_items (paragraphs); i++)
    {
      g_autoptr(VrParagraph) paragraph = g_list_model_get_item (paragraphs, i);
      g_autofree const char **ids = vr_paragraph_get_version_ids (paragraph);

      for (guint j = 0; ids != NULL && ids[j] != NULL; j++)
        detect_in_text (found, vr_paragraph_get_text (paragraph, ids[j]));
    }

  /* Spellings in the order they first appear, less those already known. */
  list = g_ptr_array_new ();
  {
    GHashTableIter iter;
    gpointer value;

    g_hash_table_iter_init (&iter, found);
    while (g_hash_table_iter_next (&iter, NULL, &value))
      if (!spelling_known (document, ((Found *) value)->spelling))
        g_ptr_array_add (list, value);
  }
  g_ptr_array_sort (list, compare_found);
  n = list->len;
  if (n == 0)
    return 0;

  spellings = g_new0 (const char *, n + 1);
  for (guint i = 0; i < n; i++)
    spellings[i] = ((Found *) g_ptr_array_index (list, i))->spelling;

  /* Tier 1 groups are one person; a tier-2 group joins them as a
   * suggestion, noted on the variants it brought in. */
  tier1 = vr_name_cluster (spellings, n, VR_NAME_TIER_1, NULL, 0, NULL);
  tier2 = vr_name_cluster (spellings, n, VR_NAME_TIER_2, NULL, 0, NULL);

  group_of = g_hash_table_new (g_str_hash, g_str_equal);
  parent = g_new (guint, tier1->len + n);
  for (guint g = 0; g < tier1->len + n; g++)
    parent[g] = g;
  for (guint g = 0; g < tier1->len; g++)
    {
      VrNameGroup *group = g_ptr_array_index (tier1, g);

      for (guint m = 0; m < group->members->len; m++)
        g_hash_table_insert (group_of, g_ptr_array_index (group->members, m), GUINT_TO_POINTER (g));
    }
  /* A spelling the clustering left out stands alone. */
  for (guint i = 0; i < n; i++)
    if (!g_hash_table_contains (group_of, spellings[i]))
      g_hash_table_insert (group_of, (gpointer) spellings[i], GUINT_TO_POINTER (tier1->len + i));
  for (guint g = 0; g < tier2->len; g++)
    {
      VrNameGroup *group = g_ptr_array_index (tier2, g);
      guint first = GPOINTER_TO_UINT (g_hash_table_lookup (group_of,
                                                           g_ptr_array_index (group->members, 0)));

      for (guint m = 1; m < group->members->len; m++)
        {
          guint other = GPOINTER_TO_UINT (g_hash_table_lookup (group_of,
                                                               g_ptr_array_index (group->members, m)));
          guint ra = uf_find (parent, first), rb = uf_find (parent, other);

          if (ra != rb)
            parent[MAX (ra, rb)] = MIN (ra, rb);
        }
    }

  people = g_ptr_array_new_with_free_func (g_object_unref);
  surnames = g_ptr_array_new_with_free_func (g_free);
  /* Entities in the order of their first spelling's first appearance. */
  for (guint i = 0; i < n; i++)
    {
      const Found *fi = g_ptr_array_index (list, i);
      guint gi = uf_find (parent, GPOINTER_TO_UINT (g_hash_table_lookup (group_of, fi->spelling)));
      const Found *best = NULL;
      g_autoptr(VrEntity) entity = NULL;
      g_autofree char *id = NULL;
      char *surname = NULL;
      gboolean seen = FALSE;

      for (guint j = 0; j < i && !seen; j++)
        {
          const Found *fj = g_ptr_array_index (list, j);

          seen = uf_find (parent, GPOINTER_TO_UINT (g_hash_table_lookup (group_of, fj->spelling))) == gi;
        }
      if (seen)
        continue;

      /* The preferred name is the most printed spelling. */
      for (guint j = i; j < n; j++)
        {
          const Found *fj = g_ptr_array_index (list, j);

          if (uf_find (parent, GPOINTER_TO_UINT (g_hash_table_lookup (group_of, fj->spelling))) == gi &&
              (best == NULL || fj->count > best->count))
            best = fj;
        }

      id = vr_document_dup_new_entity_id (document, best->spelling);
      entity = vr_entity_new (id, VR_ENTITY_KIND_PERSON, best->spelling);
      for (guint j = i; j < n; j++)
        {
          const Found *fj = g_ptr_array_index (list, j);
          guint gj = GPOINTER_TO_UINT (g_hash_table_lookup (group_of, fj->spelling));
          guint gbest = GPOINTER_TO_UINT (g_hash_table_lookup (group_of, best->spelling));
          g_autoptr(VrVariant) variant = NULL;

          if (uf_find (parent, gj) != gi)
            continue;
          variant = vr_variant_new (fj->spelling, guess_system (fj->spelling, fj->korean));
          vr_variant_set_status (variant, VR_VARIANT_STATUS_SUGGESTED);
          if (gj != gbest)
            {
              g_autoptr(GPtrArray) why = vr_name_explain_match (fj->spelling, best->spelling,
                                                                VR_NAME_TIER_2);
              g_autofree char *reasons = NULL;
              g_autofree char *note = NULL;

              if (why != NULL && why->len > 0)
                {
                  g_ptr_array_add (why, NULL);
                  reasons = g_strjoinv (", ", (char **) why->pdata);
                  g_ptr_array_set_size (why, why->len - 1);
                }
              note = reasons != NULL
                ? g_strdup_printf ("Possibly the same person as %s (%s): to confirm",
                                   best->spelling, reasons)
                : g_strdup_printf ("Possibly the same person as %s: to confirm",
                                   best->spelling);
              vr_variant_set_note (variant, note);
            }
          vr_entity_add_variant (entity, variant);
        }

      if (best->korean && strchr (best->spelling, ' ') != NULL)
        {
          surname = g_strndup (best->spelling, strcspn (best->spelling, " "));
          {
            g_autofree char *folded = fold_romanized (surname, -1);

            if (g_utf8_strlen (surname, -1) < 3 || folded == NULL ||
                IN_LIST (english_surnames, folded))
              g_clear_pointer (&surname, g_free);
          }
        }

      /* The office printed before its names, as a description to check. */
      {
        const char *role = best->role;

        for (guint j = i; j < n && role == NULL; j++)
          {
            const Found *fj = g_ptr_array_index (list, j);

            if (uf_find (parent, GPOINTER_TO_UINT (g_hash_table_lookup (group_of, fj->spelling))) == gi)
              role = fj->role;
          }
        if (role != NULL)
          vr_entity_set_description (entity, role);
      }

      vr_document_add_entity (document, entity);
      g_ptr_array_add (people, g_object_ref (entity));
      g_ptr_array_add (surnames, surname);
    }

  new_mentions = vr_mention_finder_find (document, NULL);
  if (new_mentions->len > 0)
    vr_document_add_mentions (document, new_mentions);

  add_short_references (document, people, surnames);

  return people->len;
}
