/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vr-name-finder"

#include "config.h"

#include <string.h>

#include "vr-name-finder.h"

/*
 * One Aho-Corasick automaton, compiled to a DFA over byte classes, for all
 * patterns. Patterns and text are folded the same way (lower case, marks
 * dropped, apostrophes unified) one character at a time while scanning, and
 * a ring buffer maps folded bytes back to original byte and character
 * offsets. Matches are whole words, leftmost-longest, non-overlapping: at
 * each start the longest word-bounded pattern wins, and when the longest
 * match at a start is not word-bounded a shorter one at the same start is
 * tried, as `grep -o -w` does.
 *
 * The finder is immutable after vr_name_finder_new(), so one may be shared
 * by threads; each scan keeps its state on its own stack and heap.
 */

#define FOLD_DROP G_MAXUINT32

G_DEFINE_BOXED_TYPE (VrNameFinder, vr_name_finder, vr_name_finder_ref, vr_name_finder_unref)

struct _VrNameFinder
{
  gint               ref_count;
  VrNameFinderFlags  flags;
  guint              n_patterns;
  char             **patterns;
  gpointer          *user_data;
  guint             *pattern_len;   /* folded bytes */
  guint8             byte_class[256];
  guint              n_classes;
  guint              n_states;
  gint32            *delta;         /* n_states × n_classes */
  gint32            *term;          /* pattern ending at the state, or -1 */
  gint32            *dict;          /* next state on the suffix chain with a pattern, or -1 */
  guint8            *has_out;
  guint              max_len;
};

static guint32 *fold_table;

static gpointer
build_fold_table (gpointer data)
{
  guint32 *table = g_new (guint32, 0x10000);

  for (gunichar c = 0; c < 0x10000; c++)
    {
      GUnicodeType type = g_unichar_type (c);
      gunichar buf[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
      gsize n;
      gunichar f;

      if (c >= 0xD800 && c <= 0xDFFF)
        {
          table[c] = c;
          continue;
        }
      if (type == G_UNICODE_NON_SPACING_MARK || type == G_UNICODE_ENCLOSING_MARK)
        {
          table[c] = FOLD_DROP;
          continue;
        }
      if (c == 0x2019 || c == 0x2018 || c == 0x02BC || c == 0x02B9 || c == 0x0060 || c == 0x00B4)
        {
          table[c] = '\'';
          continue;
        }
      f = g_unichar_tolower (c);
      if (!(f >= 0xAC00 && f <= 0xD7A3))
        {
          n = g_unichar_fully_decompose (f, FALSE, buf, G_N_ELEMENTS (buf));
          if (n >= 1)
            {
              gboolean marks_only = TRUE;
              for (gsize k = 1; k < n; k++)
                if (g_unichar_type (buf[k]) != G_UNICODE_NON_SPACING_MARK)
                  marks_only = FALSE;
              if (marks_only)
                f = g_unichar_tolower (buf[0]);
            }
        }
      table[c] = f;
    }
  return table;
}

static inline gunichar
fold_char (gunichar c)
{
  return c < 0x10000 ? fold_table[c] : c;
}

static void
ensure_fold_table (void)
{
  static GOnce once = G_ONCE_INIT;

  fold_table = g_once (&once, build_fold_table, NULL);
}

static GString *
fold_string (const char *s)
{
  GString *out = g_string_new (NULL);

  for (const char *p = s; *p; p = g_utf8_next_char (p))
    {
      gunichar f = fold_char (g_utf8_get_char (p));
      if (f != FOLD_DROP)
        g_string_append_unichar (out, f);
    }
  return out;
}

static inline gboolean
is_word_char (VrNameFinder *self,
              gunichar      c)
{
  if (c < 0x80)
    return g_ascii_isalnum ((char) c) || c == '_';
  if (self->flags & VR_NAME_FINDER_ASCII_WORDS)
    return FALSE;
  if (c == (gunichar) -1)
    return FALSE;
  switch (g_unichar_type (c))
    {
    case G_UNICODE_NON_SPACING_MARK:
    case G_UNICODE_SPACING_MARK:
    case G_UNICODE_ENCLOSING_MARK:
      return TRUE;
    case G_UNICODE_CONTROL:
    case G_UNICODE_FORMAT:
    case G_UNICODE_UNASSIGNED:
    case G_UNICODE_PRIVATE_USE:
    case G_UNICODE_SURROGATE:
    case G_UNICODE_LOWERCASE_LETTER:
    case G_UNICODE_MODIFIER_LETTER:
    case G_UNICODE_OTHER_LETTER:
    case G_UNICODE_TITLECASE_LETTER:
    case G_UNICODE_UPPERCASE_LETTER:
    case G_UNICODE_DECIMAL_NUMBER:
    case G_UNICODE_LETTER_NUMBER:
    case G_UNICODE_OTHER_NUMBER:
    case G_UNICODE_CONNECT_PUNCTUATION:
    case G_UNICODE_DASH_PUNCTUATION:
    case G_UNICODE_CLOSE_PUNCTUATION:
    case G_UNICODE_FINAL_PUNCTUATION:
    case G_UNICODE_INITIAL_PUNCTUATION:
    case G_UNICODE_OTHER_PUNCTUATION:
    case G_UNICODE_OPEN_PUNCTUATION:
    case G_UNICODE_CURRENCY_SYMBOL:
    case G_UNICODE_MODIFIER_SYMBOL:
    case G_UNICODE_MATH_SYMBOL:
    case G_UNICODE_OTHER_SYMBOL:
    case G_UNICODE_LINE_SEPARATOR:
    case G_UNICODE_PARAGRAPH_SEPARATOR:
    case G_UNICODE_SPACE_SEPARATOR:
    default:
      return g_unichar_isalnum (c);
    }
}

/**
 * vr_name_finder_new:
 * @patterns: (array length=n_patterns): the names to find (UTF-8)
 * @user_data: (array length=n_patterns) (nullable): data handed back with
 *   each match of the pattern at the same index
 * @n_patterns: how many
 * @flags: what a word character is
 *
 * Builds the automaton once; scanning never changes it. Empty patterns and
 * patterns that are not valid UTF-8 never match.
 *
 * Returns: (transfer full): a new finder
 */
VrNameFinder *
vr_name_finder_new (const char * const *patterns,
                    gpointer const     *user_data,
                    guint               n_patterns,
                    VrNameFinderFlags   flags)
{
  VrNameFinder *self;
  g_autoptr(GPtrArray) folded = g_ptr_array_new ();
  gsize total = 0;
  gboolean used[256] = { FALSE };
  guint capacity;
  gint32 *fail;
  guint *queue;
  guint head = 0, tail = 0;

  g_return_val_if_fail (patterns != NULL || n_patterns == 0, NULL);

  ensure_fold_table ();

  self = g_new0 (VrNameFinder, 1);
  self->ref_count = 1;
  self->flags = flags;
  self->n_patterns = n_patterns;
  self->patterns = g_new0 (char *, n_patterns + 1);
  self->user_data = g_new0 (gpointer, MAX (n_patterns, 1));
  self->pattern_len = g_new0 (guint, MAX (n_patterns, 1));

  for (guint i = 0; i < n_patterns; i++)
    {
      const char *p = patterns[i] != NULL ? patterns[i] : "";
      GString *f;

      self->patterns[i] = g_strdup (p);
      self->user_data[i] = user_data != NULL ? user_data[i] : NULL;
      f = g_utf8_validate (p, -1, NULL) ? fold_string (p) : g_string_new (NULL);
      self->pattern_len[i] = f->len;
      self->max_len = MAX (self->max_len, f->len);
      total += f->len;
      for (gsize k = 0; k < f->len; k++)
        used[(guint8) f->str[k]] = TRUE;
      g_ptr_array_add (folded, f);
    }

  /* Byte classes: every byte that appears in a pattern has its own class;
   * the rest share class 0, which always leads back towards the root. */
  self->n_classes = 1;
  for (guint b = 0; b < 256; b++)
    self->byte_class[b] = used[b] ? self->n_classes++ : 0;

  capacity = total + 1;
  self->delta = g_new (gint32, (gsize) capacity * self->n_classes);
  memset (self->delta, 0xff, sizeof (gint32) * capacity * self->n_classes);
  self->term = g_new (gint32, capacity);
  self->dict = g_new (gint32, capacity);
  memset (self->term, 0xff, sizeof (gint32) * capacity);
  memset (self->dict, 0xff, sizeof (gint32) * capacity);
  self->n_states = 1;

  for (guint i = 0; i < n_patterns; i++)
    {
      GString *f = g_ptr_array_index (folded, i);
      guint state = 0;

      if (f->len == 0)
        continue;
      for (gsize k = 0; k < f->len; k++)
        {
          guint cls = self->byte_class[(guint8) f->str[k]];
          gint32 *slot = &self->delta[(gsize) state * self->n_classes + cls];

          if (*slot < 0)
            *slot = self->n_states++;
          state = *slot;
        }
      if (self->term[state] < 0)
        self->term[state] = i;
    }

  /* Breadth-first: failure links, then the full transition table. */
  fail = g_new0 (gint32, self->n_states);
  queue = g_new (guint, self->n_states);
  for (guint cls = 0; cls < self->n_classes; cls++)
    {
      gint32 *slot = &self->delta[cls];
      if (*slot < 0)
        *slot = 0;
      else
        {
          fail[*slot] = 0;
          queue[tail++] = *slot;
        }
    }
  while (head < tail)
    {
      guint s = queue[head++];

      for (guint cls = 0; cls < self->n_classes; cls++)
        {
          gint32 *slot = &self->delta[(gsize) s * self->n_classes + cls];
          gint32 via_fail = self->delta[(gsize) fail[s] * self->n_classes + cls];

          if (*slot < 0)
            *slot = via_fail;
          else
            {
              guint child = *slot;
              fail[child] = via_fail;
              self->dict[child] = self->term[via_fail] >= 0 ? via_fail : self->dict[via_fail];
              queue[tail++] = child;
            }
        }
    }
  g_free (queue);
  g_free (fail);

  self->has_out = g_new0 (guint8, self->n_states);
  for (guint s = 0; s < self->n_states; s++)
    self->has_out[s] = self->term[s] >= 0 || self->dict[s] >= 0;

  for (guint i = 0; i < folded->len; i++)
    g_string_free (g_ptr_array_index (folded, i), TRUE);

  return self;
}

VrNameFinder *
vr_name_finder_ref (VrNameFinder *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_int_inc (&self->ref_count);
  return self;
}

void
vr_name_finder_unref (VrNameFinder *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_int_dec_and_test (&self->ref_count))
    return;
  g_strfreev (self->patterns);
  g_free (self->user_data);
  g_free (self->pattern_len);
  g_free (self->delta);
  g_free (self->term);
  g_free (self->dict);
  g_free (self->has_out);
  g_free (self);
}

guint
vr_name_finder_get_n_patterns (VrNameFinder *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_patterns;
}

const char *
vr_name_finder_get_pattern (VrNameFinder *self,
                            guint         index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->n_patterns, NULL);

  return self->patterns[index];
}

typedef struct
{
  gsize fstart;
  gsize fend;
  gsize start;
  gsize end;
  gsize char_start;
  gsize char_end;
  guint pattern;
  gboolean provisional;  /* grep quirk: valid only right after a match */
} Candidate;

typedef struct
{
  gsize  off;
  gsize  ch;
  guint8 before_word;
} RingEntry;

typedef struct
{
  VrNameFinder *self;
  GArray       *out;         /* of VrNameMatch, or NULL to count */
  gsize         count;
  gsize         committed;   /* folded offset past the last match */
  GArray       *candidates;  /* word-bounded, not yet chosen */
} ScanState;

static void
emit (ScanState       *st,
      const Candidate *c)
{
  st->count++;
  st->committed = c->fend;
  if (st->out != NULL)
    {
      VrNameMatch m = {
        .start = c->start,
        .end = c->end,
        .char_start = c->char_start,
        .char_end = c->char_end,
        .pattern = c->pattern,
        .user_data = st->self->user_data[c->pattern],
      };
      g_array_append_val (st->out, m);
    }
}

/* Emit every candidate no future match can beat: leftmost, then longest. */
static void
commit (ScanState *st,
        gsize      fpos,
        gboolean   at_end)
{
  while (st->candidates->len > 0)
    {
      Candidate *best = NULL;
      guint keep = 0;

      for (guint i = 0; i < st->candidates->len; i++)
        {
          Candidate *c = &g_array_index (st->candidates, Candidate, i);
          if (c->provisional && c->fstart != st->committed)
            continue;
          if (best == NULL || c->fstart < best->fstart ||
              (c->fstart == best->fstart && c->fend > best->fend))
            best = c;
        }
      if (best == NULL || (!at_end && best->fstart + st->self->max_len >= fpos))
        break;

      {
        Candidate chosen = *best;
        emit (st, &chosen);
        for (guint i = 0; i < st->candidates->len; i++)
          {
            Candidate *c = &g_array_index (st->candidates, Candidate, i);
            if (c->fstart >= chosen.fend)
              g_array_index (st->candidates, Candidate, keep++) = *c;
          }
        g_array_set_size (st->candidates, keep);
      }
    }

  /* provisional candidates whose predecessor can no longer be chosen */
  if (!at_end)
    {
      guint keep = 0;

      for (guint i = 0; i < st->candidates->len; i++)
        {
          Candidate *c = &g_array_index (st->candidates, Candidate, i);
          if (c->provisional && c->fstart != st->committed &&
              c->fstart + st->self->max_len < fpos)
            continue;
          g_array_index (st->candidates, Candidate, keep++) = *c;
        }
      g_array_set_size (st->candidates, keep);
    }
}

static gsize
run_scan (VrNameFinder *self,
          const char   *text,
          gsize         len,
          GArray       *out)
{
  const guint8 *s = (const guint8 *) text;
  ScanState st = { self, out, 0, 0, NULL };
  g_autofree RingEntry *ring = NULL;
  gsize mask;
  gsize ring_size = 1;
  Candidate unresolved[64];
  guint n_unres = 0;
  gsize fpos = 0, cidx = 0, i = 0;
  gboolean prev_word = FALSE;
  gint32 state = 0;
  const gint32 *delta = self->delta;
  const guint8 *byte_class = self->byte_class;
  const guint nc = self->n_classes;

  ensure_fold_table ();

  if (self->max_len == 0)
    return 0;

  while (ring_size < (gsize) self->max_len + 2)
    ring_size <<= 1;
  mask = ring_size - 1;
  ring = g_new0 (RingEntry, ring_size);
  st.candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));

  while (i < len)
    {
      guint8 fb[6];
      guint nfb;
      gunichar c;
      gsize clen;
      gboolean word;

      if (s[i] < 0x80)
        {
          c = s[i];
          clen = 1;
          fb[0] = (guint8) fold_table[s[i]];
          nfb = 1;
        }
      else
        {
          gsize avail = MIN (len - i, 6);
          c = g_utf8_get_char_validated ((const char *) s + i, avail);
          if (c == (gunichar) -1 || c == (gunichar) -2)
            {
              /* not UTF-8: a byte no pattern contains */
              c = (gunichar) -1;
              clen = 1;
              fb[0] = 0xff;
              nfb = 1;
            }
          else
            {
              gunichar f = fold_char (c);
              clen = g_utf8_skip[s[i]];
              nfb = f == FOLD_DROP ? 0 : (guint) g_unichar_to_utf8 (f, (char *) fb);
            }
        }
      word = is_word_char (self, c);

      /* this character decides whether the matches just found end a word */
      if (n_unres > 0)
        {
          if (!word)
            for (guint k = 0; k < n_unres; k++)
              {
                /* a match committed since this one was found may cover it */
                if (unresolved[k].fstart < st.committed)
                  continue;
                unresolved[k].end = i;
                unresolved[k].char_end = cidx;
                g_array_append_val (st.candidates, unresolved[k]);
              }
          n_unres = 0;
        }

      for (guint k = 0; k < nfb; k++)
        {
          RingEntry *e = &ring[fpos & mask];

          e->off = i;
          e->ch = cidx;
          e->before_word = prev_word;
          state = delta[(gsize) state * nc + byte_class[fb[k]]];
          fpos++;
          if (G_UNLIKELY (self->has_out[state]))
            {
              gint32 t = self->term[state] >= 0 ? state : self->dict[state];

              for (; t >= 0; t = self->dict[t])
                {
                  guint p = self->term[t];
                  gsize fstart = fpos - self->pattern_len[p];
                  const RingEntry *se = &ring[fstart & mask];

                  gboolean provisional = FALSE;

                  if (fstart < st.committed)
                    continue;
                  if (se->before_word)
                    {
                      if (!(self->flags & VR_NAME_FINDER_GREP_COMPAT))
                        continue;
                      /* grep does not look back from the end of its last match */
                      if (fstart != st.committed)
                        {
                          gboolean after_candidate = FALSE;
                          for (guint ci = 0; ci < st.candidates->len && !after_candidate; ci++)
                            after_candidate = g_array_index (st.candidates, Candidate, ci).fend == fstart;
                          if (!after_candidate)
                            continue;
                          provisional = TRUE;
                        }
                    }
                  if (n_unres < G_N_ELEMENTS (unresolved))
                    {
                      Candidate *cand = &unresolved[n_unres++];
                      cand->provisional = provisional;
                      cand->fstart = fstart;
                      cand->fend = fpos;
                      cand->start = se->off;
                      cand->char_start = se->ch;
                      cand->pattern = p;
                    }
                }
            }
        }

      prev_word = word;
      i += clen;
      cidx++;
      if (st.candidates->len > 0)
        commit (&st, fpos, FALSE);
    }

  for (guint k = 0; k < n_unres; k++)
    {
      if (unresolved[k].fstart < st.committed)
        continue;
      unresolved[k].end = len;
      unresolved[k].char_end = cidx;
      g_array_append_val (st.candidates, unresolved[k]);
    }
  commit (&st, fpos, TRUE);
  g_array_unref (st.candidates);
  return st.count;
}

/**
 * vr_name_finder_scan:
 * @self: a finder
 * @text: UTF-8 text (invalid bytes never match)
 * @length: its length in bytes, or -1 if nul-terminated
 *
 * Finds every occurrence of the patterns in @text.
 *
 * Returns: (transfer full) (element-type VrNameMatch): the matches in text order
 */
GArray *
vr_name_finder_scan (VrNameFinder *self,
                     const char   *text,
                     gssize        length)
{
  GArray *out;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (text != NULL || length == 0, NULL);

  out = g_array_new (FALSE, FALSE, sizeof (VrNameMatch));
  if (text == NULL)
    return out;
  run_scan (self, text, length < 0 ? strlen (text) : (gsize) length, out);
  return out;
}

/**
 * vr_name_finder_count:
 *
 * The number of matches vr_name_finder_scan() would return.
 */
gsize
vr_name_finder_count (VrNameFinder *self,
                      const char   *text,
                      gssize        length)
{
  g_return_val_if_fail (self != NULL, 0);

  if (text == NULL)
    return 0;
  return run_scan (self, text, length < 0 ? strlen (text) : (gsize) length, NULL);
}

static void
scan_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  VrNameFinder *self = g_object_get_data (G_OBJECT (task), "vr-name-finder");
  GBytes *text = task_data;
  gsize len = 0;
  const char *data = g_bytes_get_data (text, &len);

  g_task_return_pointer (task, vr_name_finder_scan (self, data != NULL ? data : "", len),
                         (GDestroyNotify) g_array_unref);
}

/**
 * vr_name_finder_scan_async:
 * @self: a finder
 * @text: UTF-8 text
 * @cancellable: (nullable): a #GCancellable
 * @callback: called in the calling thread's main context when done
 * @user_data: for @callback
 *
 * Runs vr_name_finder_scan() in a worker thread, for texts too long to scan
 * on the main thread.
 */
void
vr_name_finder_scan_async (VrNameFinder        *self,
                           GBytes              *text,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (self != NULL);
  g_return_if_fail (text != NULL);

  /* the finder is a boxed type, not a GObject: the task keeps it in its data */
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, vr_name_finder_scan_async);
  g_task_set_task_data (task, g_bytes_ref (text), (GDestroyNotify) g_bytes_unref);
  g_object_set_data_full (G_OBJECT (task), "vr-name-finder", vr_name_finder_ref (self),
                          (GDestroyNotify) vr_name_finder_unref);
  g_task_set_return_on_cancel (task, TRUE);
  g_task_run_in_thread (task, scan_in_thread);
}

/**
 * vr_name_finder_scan_finish:
 *
 * Returns: (transfer full) (element-type VrNameMatch): the matches, or
 *   %NULL with @error set (cancelled)
 */
GArray *
vr_name_finder_scan_finish (VrNameFinder  *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
