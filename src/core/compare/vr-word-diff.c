/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vr-word-diff"

#include "config.h"

#include <string.h>

#include "vr-word-diff.h"

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

static gboolean
is_apostrophe (gunichar c)
{
  return c == '\'' || c == 0x2019 || c == 0x02BC;
}

/* Words (letters, digits and marks, with an apostrophe inside a word as in
 * "Ch'oe"), runs of whitespace, and each other character alone. */
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
              else if (is_apostrophe (d) &&
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
 * needed. */
static gboolean
myers (const Token *a,
       guint        n,
       const Token *b,
       guint        m,
       GArray      *matches)
{
  g_autoptr(GPtrArray) trace = g_ptr_array_new_with_free_func (g_free);
  guint max = MIN (n + m, VR_WORD_DIFF_MAX_EDITS);
  gssize offset = max + 1;
  g_autofree gssize *v = g_new0 (gssize, 2 * (gsize) max + 3);
  gsize first_match = matches->len;
  gssize x = 0;
  gssize y = 0;
  gssize d;
  gboolean found = FALSE;

  for (d = 0; d <= (gssize) max && !found; d++)
    {
      /* The state before step d, from k = -(d+1) to d+1. */
      gssize *snapshot = g_new (gssize, 2 * d + 3);

      memcpy (snapshot, v + offset - d - 1, sizeof (gssize) * (2 * d + 3));
      g_ptr_array_add (trace, snapshot);

      for (gssize k = -d; k <= d; k += 2)
        {
          if (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]))
            x = v[offset + k + 1];
          else
            x = v[offset + k - 1] + 1;
          y = x - k;
          while (x < (gssize) n && y < (gssize) m && a[x].id == b[y].id)
            {
              x++;
              y++;
            }
          v[offset + k] = x;
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
  for (d = (gssize) trace->len - 1; d >= 0; d--)
    {
      const gssize *state = g_ptr_array_index (trace, d);
      gssize k = x - y;
      gssize prev_k;
      gssize prev_x;
      gssize prev_y;

#define STATE(kk) (state[(kk) + d + 1])
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
    {
      gsize before = matches->len;

      if (myers (&g_array_index (ta, Token, prefix), n - prefix - suffix,
                 &g_array_index (tb, Token, prefix), m - prefix - suffix,
                 matches))
        {
          for (gsize i = before; i < matches->len; i++)
            {
              g_array_index (matches, Match, i).x += prefix;
              g_array_index (matches, Match, i).y += prefix;
            }
        }
      else
        g_array_set_size (matches, before);
    }

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
