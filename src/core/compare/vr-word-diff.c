/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vr-word-diff"

#include "config.h"

#include <string.h>

#include "vr-word-diff.h"

/* Stretches longer than this (in tokens, both sides) are first pinned at
 * tokens that occur once on each side. */
#define VR_WORD_DIFF_ANCHOR_SIZE 400
/* Steps of work (token comparisons) one diff may take, about 50 ms here. */
#define VR_WORD_DIFF_BUDGET ((gint64) 20 * 1000 * 1000)

typedef struct
{
  guint start;   /* characters */
  guint end;
  guint id;      /* equal tokens have equal ids */
  gboolean space;
} Token;

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

/* Joins two parts of one word: "Ch'oe", "Gong-heum". */
static gboolean
is_joiner (gunichar c)
{
  return c == '\'' || c == 0x2019 || c == 0x02BC || c == '-' || c == 0x2010;
}

/* Words (letters, digits and marks, with an apostrophe or a hyphen inside a
 * word as in "Ch'oe" and "Gong-heum"), runs of whitespace, and each other
 * character alone. */
static GArray *
tokenize (const char *text,
          GHashTable *ids,
          guint      *n_chars)
{
  GArray *tokens = g_array_new (FALSE, FALSE, sizeof (Token));
  const char *p = text != NULL ? text : "";
  guint pos = 0;

  while (*p != '\0')
    {
      const char *start = p;
      gunichar c = g_utf8_get_char (p);
      Token token = { pos, 0, 0, FALSE };
      gpointer id;
      char *key;

      p = g_utf8_next_char (p);
      pos++;

      if (is_word_char (c))
        {
          while (*p != '\0')
            {
              gunichar d = g_utf8_get_char (p);

              if (is_word_char (d))
                ;
              else if (is_joiner (d) &&
                       is_word_char (g_utf8_get_char (g_utf8_next_char (p))))
                ;
              else
                break;
              p = g_utf8_next_char (p);
              pos++;
            }
        }
      else if (g_unichar_isspace (c))
        {
          token.space = TRUE;
          while (*p != '\0' && g_unichar_isspace (g_utf8_get_char (p)))
            {
              p = g_utf8_next_char (p);
              pos++;
            }
        }

      token.end = pos;
      key = g_strndup (start, p - start);
      if (g_hash_table_lookup_extended (ids, key, NULL, &id))
        g_free (key);
      else
        {
          id = GUINT_TO_POINTER (g_hash_table_size (ids));
          g_hash_table_insert (ids, key, id);
        }
      token.id = GPOINTER_TO_UINT (id);
      g_array_append_val (tokens, token);
    }

  *n_chars = pos;
  return tokens;
}

typedef struct
{
  guint x;
  guint y;
} Match;

/* Myers' greedy algorithm on a[0..n) and b[0..m), which share neither their
 * first nor their last token. Appends the matched token pairs, in order, to
 * @matches; returns FALSE when more than VR_WORD_DIFF_MAX_EDITS edits are
 * needed or @budget runs out. */
static gboolean
myers (const Token *a,
       guint        n,
       const Token *b,
       guint        m,
       gint64      *budget,
       GArray      *matches)
{
  /* The states before each step d, from k = -(d+1) to d+1, one after the
   * other: state d starts at d·(d+2). */
  g_autoptr(GArray) trace = g_array_new (FALSE, FALSE, sizeof (gint32));
  guint max = MIN (n + m, VR_WORD_DIFF_MAX_EDITS);
  gssize offset = max + 1;
  g_autofree gint32 *v = g_new0 (gint32, 2 * (gsize) max + 3);
  gsize first_match = matches->len;
  gssize x = 0;
  gssize y = 0;
  gssize d;
  gssize last_d = -1;
  gboolean found = FALSE;

  for (d = 0; d <= (gssize) max && !found && *budget > 0; d++)
    {
      g_array_append_vals (trace, v + offset - d - 1, 2 * d + 3);
      *budget -= 2 * d + 3;
      last_d = d;

      for (gssize k = -d; k <= d; k += 2)
        {
          if (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]))
            x = v[offset + k + 1];
          else
            x = v[offset + k - 1] + 1;
          y = x - k;
          *budget -= 1;
          while (x < (gssize) n && y < (gssize) m && a[x].id == b[y].id)
            {
              x++;
              y++;
              *budget -= 1;
            }
          v[offset + k] = (gint32) x;
          if (x >= (gssize) n && y >= (gssize) m)
            {
              found = TRUE;
              break;
            }
        }
    }

  if (!found)
    return FALSE;

  /* Walk back from (n, m) through the saved states. */
  x = n;
  y = m;
  for (d = last_d; d >= 0; d--)
    {
      const gint32 *state = &g_array_index (trace, gint32, d * (d + 2));
      gssize k = x - y;
      gssize prev_k;
      gssize prev_x;
      gssize prev_y;

#define STATE(kk) ((gssize) state[(kk) + d + 1])
      if (k == -d || (k != d && STATE (k - 1) < STATE (k + 1)))
        prev_k = k + 1;
      else
        prev_k = k - 1;
      prev_x = STATE (prev_k);
#undef STATE
      prev_y = prev_x - prev_k;

      while (x > prev_x && y > prev_y && x > 0 && y > 0)
        {
          Match match = { (guint) x - 1, (guint) y - 1 };

          g_array_append_val (matches, match);
          x--;
          y--;
        }
      if (d > 0)
        {
          x = prev_x;
          y = prev_y;
        }
    }

  /* Matches were found from the end: put them in order. */
  for (gsize i = first_match, j = matches->len; i + 1 < j; i++, j--)
    {
      Match tmp = g_array_index (matches, Match, i);

      g_array_index (matches, Match, i) = g_array_index (matches, Match, j - 1);
      g_array_index (matches, Match, j - 1) = tmp;
    }

  return TRUE;
}

typedef struct
{
  guint count_a;
  guint count_b;
  guint y;
} Occurrence;

static void diff_range (const Token *a,
                        guint        x0,
                        guint        x1,
                        const Token *b,
                        guint        y0,
                        guint        y1,
                        gint64      *budget,
                        GArray      *matches);

/* For long stretches: tokens that occur once on each side, in an order both
 * sides agree on (the longest increasing run, as patience diff does), pin
 * the alignment, and only the gaps between them go to Myers, so that D
 * stays small. Returns FALSE when there is no such token. */
static gboolean
diff_anchored (const Token *a,
               guint        x0,
               guint        x1,
               const Token *b,
               guint        y0,
               guint        y1,
               gint64      *budget,
               GArray      *matches)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  g_autoptr(GArray) xs = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) ys = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree guint *tails = NULL;
  g_autofree guint *prev = NULL;
  g_autofree guint *chain = NULL;
  guint n_tails = 0;
  guint k;
  guint px = x0;
  guint py = y0;

  *budget -= 4 * (gint64) ((x1 - x0) + (y1 - y0));
  for (guint y = y0; y < y1; y++)
    {
      Occurrence *o = g_hash_table_lookup (seen, GUINT_TO_POINTER (b[y].id));

      if (o == NULL)
        {
          o = g_new0 (Occurrence, 1);
          g_hash_table_insert (seen, GUINT_TO_POINTER (b[y].id), o);
        }
      o->count_b++;
      o->y = y;
    }
  for (guint x = x0; x < x1; x++)
    {
      Occurrence *o = g_hash_table_lookup (seen, GUINT_TO_POINTER (a[x].id));

      if (o != NULL)
        o->count_a++;
    }
  for (guint x = x0; x < x1; x++)
    {
      Occurrence *o = g_hash_table_lookup (seen, GUINT_TO_POINTER (a[x].id));

      if (o != NULL && o->count_a == 1 && o->count_b == 1)
        {
          g_array_append_val (xs, x);
          g_array_append_val (ys, o->y);
        }
    }

  if (xs->len == 0)
    return FALSE;

  /* Longest increasing run of ys: tails[l] is the index of the smallest
   * last y of a run of length l + 1. */
  tails = g_new (guint, xs->len);
  prev = g_new (guint, xs->len);
  for (guint i = 0; i < xs->len; i++)
    {
      guint y = g_array_index (ys, guint, i);
      guint lo = 0;
      guint hi = n_tails;

      while (lo < hi)
        {
          guint mid = (lo + hi) / 2;

          if (g_array_index (ys, guint, tails[mid]) < y)
            lo = mid + 1;
          else
            hi = mid;
        }
      prev[i] = lo > 0 ? tails[lo - 1] : G_MAXUINT;
      tails[lo] = i;
      if (lo == n_tails)
        n_tails++;
    }

  chain = g_new (guint, n_tails);
  k = tails[n_tails - 1];
  for (guint l = n_tails; l > 0; l--)
    {
      chain[l - 1] = k;
      k = prev[k];
    }

  for (guint l = 0; l < n_tails; l++)
    {
      guint ax = g_array_index (xs, guint, chain[l]);
      guint ay = g_array_index (ys, guint, chain[l]);
      Match match = { ax, ay };

      diff_range (a, px, ax, b, py, ay, budget, matches);
      g_array_append_val (matches, match);
      px = ax + 1;
      py = ay + 1;
    }
  diff_range (a, px, x1, b, py, y1, budget, matches);

  return TRUE;
}

/* Appends the matches of a[x0..x1) against b[y0..y1), in order. Every
 * step of the work is counted against @budget; once it is spent, what is
 * left is reported as changed wholesale. */
static void
diff_range (const Token *a,
            guint        x0,
            guint        x1,
            const Token *b,
            guint        y0,
            guint        y1,
            gint64      *budget,
            GArray      *matches)
{
  guint suffix = 0;

  while (x0 < x1 && y0 < y1 && a[x0].id == b[y0].id)
    {
      Match match = { x0++, y0++ };

      g_array_append_val (matches, match);
    }
  while (x0 < x1 - suffix && y0 < y1 - suffix &&
         a[x1 - 1 - suffix].id == b[y1 - 1 - suffix].id)
    suffix++;
  x1 -= suffix;
  y1 -= suffix;

  if (x0 < x1 && y0 < y1)
    {
      gsize before = matches->len;
      gboolean done = FALSE;

      if (*budget > 0 && (x1 - x0) + (y1 - y0) > VR_WORD_DIFF_ANCHOR_SIZE)
        done = diff_anchored (a, x0, x1, b, y0, y1, budget, matches);

      if (!done && *budget > 0 &&
          myers (a + x0, x1 - x0, b + y0, y1 - y0, budget, matches))
        {
          for (gsize i = before; i < matches->len; i++)
            {
              g_array_index (matches, Match, i).x += x0;
              g_array_index (matches, Match, i).y += y0;
            }
          done = TRUE;
        }

      /* Too different, or out of time: the whole stretch is one change. */
      if (!done)
        g_array_set_size (matches, before);
    }

  for (guint i = 0; i < suffix; i++)
    {
      Match match = { x1 + i, y1 + i };

      g_array_append_val (matches, match);
    }
}

static inline gboolean
match_follows (GArray *matches,
               guint   i)
{
  const Match *prev = &g_array_index (matches, Match, i - 1);
  const Match *match = &g_array_index (matches, Match, i);

  return prev->x + 1 == match->x && prev->y + 1 == match->y;
}

/* Whitespace alone between two changes ("a heated" → "an angry") would
 * split one change into two; count it as changed too. */
static void
drop_lone_spaces (GArray *ta,
                  GArray *tb,
                  GArray *matches)
{
  g_autoptr(GArray) kept = g_array_sized_new (FALSE, FALSE, sizeof (Match), matches->len);
  guint n = ta->len;
  guint m = tb->len;

  for (guint i = 0; i < matches->len; i++)
    {
      const Match *match = &g_array_index (matches, Match, i);
      gboolean change_before;
      gboolean change_after;

      if (!g_array_index (ta, Token, match->x).space)
        {
          g_array_append_val (kept, *match);
          continue;
        }

      change_before = i == 0 ? (match->x > 0 || match->y > 0) : !match_follows (matches, i);
      change_after = i + 1 == matches->len ? (match->x + 1 < n || match->y + 1 < m)
                                           : !match_follows (matches, i + 1);
      if (!(change_before && change_after))
        g_array_append_val (kept, *match);
    }

  g_array_set_size (matches, 0);
  g_array_append_vals (matches, kept->data, kept->len);
}

static void
add_run (GArray   *runs,
         VrDiffOp  op,
         guint     a_start,
         guint     a_end,
         guint     b_start,
         guint     b_end)
{
  VrDiffRun run = { op, a_start, a_end, b_start, b_end };

  if (a_start == a_end && b_start == b_end)
    return;

  if (runs->len > 0)
    {
      VrDiffRun *last = &g_array_index (runs, VrDiffRun, runs->len - 1);

      if (last->op == op && last->a_end == a_start && last->b_end == b_start)
        {
          last->a_end = a_end;
          last->b_end = b_end;
          return;
        }
    }

  g_array_append_val (runs, run);
}

/* Character offset where token @i starts (or the text's end). */
static inline guint
token_pos (GArray *tokens,
           guint   i,
           guint   n_chars)
{
  return i < tokens->len ? g_array_index (tokens, Token, i).start : n_chars;
}

GArray *
vr_word_diff (const char *a,
              const char *b)
{
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GArray) ta = NULL;
  g_autoptr(GArray) tb = NULL;
  g_autoptr(GArray) matches = g_array_new (FALSE, FALSE, sizeof (Match));
  GArray *runs = g_array_new (FALSE, FALSE, sizeof (VrDiffRun));
  guint na_chars;
  guint nb_chars;
  guint prefix = 0;
  guint suffix = 0;
  guint n;
  guint m;
  guint ax = 0;
  guint by = 0;
  gint64 budget = VR_WORD_DIFF_BUDGET;

  ta = tokenize (a, ids, &na_chars);
  tb = tokenize (b, ids, &nb_chars);
  n = ta->len;
  m = tb->len;

  while (prefix < n && prefix < m &&
         g_array_index (ta, Token, prefix).id == g_array_index (tb, Token, prefix).id)
    {
      Match match = { prefix, prefix };

      g_array_append_val (matches, match);
      prefix++;
    }
  while (suffix < n - prefix && suffix < m - prefix &&
         g_array_index (ta, Token, n - 1 - suffix).id ==
         g_array_index (tb, Token, m - 1 - suffix).id)
    suffix++;

  if (n - prefix - suffix > 0 && m - prefix - suffix > 0)
    diff_range ((const Token *) ta->data, prefix, n - suffix,
                (const Token *) tb->data, prefix, m - suffix, &budget, matches);

  for (guint i = 0; i < suffix; i++)
    {
      Match match = { n - suffix + i, m - suffix + i };

      g_array_append_val (matches, match);
    }

  drop_lone_spaces (ta, tb, matches);

  /* Between two matched tokens, what is left of a was deleted and what is
   * left of b inserted. */
  for (guint i = 0; i <= matches->len; i++)
    {
      guint mx = i < matches->len ? g_array_index (matches, Match, i).x : n;
      guint my = i < matches->len ? g_array_index (matches, Match, i).y : m;

      add_run (runs, VR_DIFF_DELETE,
               token_pos (ta, ax, na_chars), token_pos (ta, mx, na_chars),
               token_pos (tb, by, nb_chars), token_pos (tb, by, nb_chars));
      add_run (runs, VR_DIFF_INSERT,
               token_pos (ta, mx, na_chars), token_pos (ta, mx, na_chars),
               token_pos (tb, by, nb_chars), token_pos (tb, my, nb_chars));
      if (i < matches->len)
        add_run (runs, VR_DIFF_EQUAL,
                 token_pos (ta, mx, na_chars), token_pos (ta, mx + 1, na_chars),
                 token_pos (tb, my, nb_chars), token_pos (tb, my + 1, nb_chars));
      ax = mx + 1;
      by = my + 1;
    }

  return runs;
}
