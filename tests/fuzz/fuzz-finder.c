/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fuzz-finder"

#include "config.h"

#include <string.h>

#include "vr-names.h"
#include "fuzz-common.h"

/* Input: one byte of flags, then newline-separated patterns up to an empty
 * line, then the text (any bytes). Every match lies inside the text, on
 * character boundaries, in order without overlap, with its character
 * offsets right, and covers a whole word. */

#define MAX_PATTERNS 64

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_make_warnings_fatal ();
  return 0;
}

static gboolean
is_continuation (const char *text,
                 gsize       len,
                 gsize       pos)
{
  return pos < len && ((guchar) text[pos] & 0xC0) == 0x80;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GPtrArray) patterns = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(VrNameFinder) finder = NULL;
  g_autoptr(GArray) matches = NULL;
  VrNameFinderFlags flags;
  const char *p, *end, *text;
  gsize len;
  gsize prev_end = 0;
  gboolean valid;

  if (size < 1)
    return 0;
  flags = data[0] & (VR_NAME_FINDER_ASCII_WORDS | VR_NAME_FINDER_GREP_COMPAT);
  p = (const char *) data + 1;
  end = (const char *) data + size;

  while (p < end && patterns->len < MAX_PATTERNS)
    {
      const char *nl = memchr (p, '\n', end - p);

      if (nl == NULL || nl == p)
        break;
      /* Patterns are C strings: an embedded NUL ends one early. */
      g_ptr_array_add (patterns, g_strndup (p, nl - p));
      p = nl + 1;
    }
  if (p < end && *p == '\n')
    p++;
  text = p;
  len = end - p;
  valid = g_utf8_validate (text, len, NULL);

  finder = vr_name_finder_new ((const char * const *) patterns->pdata, NULL,
                               patterns->len, flags);
  g_assert_cmpuint (vr_name_finder_get_n_patterns (finder), ==, patterns->len);

  matches = vr_name_finder_scan (finder, text, len);
  g_assert_cmpuint (vr_name_finder_count (finder, text, len), ==, matches->len);

  for (guint i = 0; i < matches->len; i++)
    {
      const VrNameMatch *m = &g_array_index (matches, VrNameMatch, i);

      g_assert_cmpuint (m->start, <, m->end);
      g_assert_cmpuint (m->end, <=, len);
      g_assert_cmpuint (m->start, >=, prev_end);
      g_assert_cmpuint (m->pattern, <, patterns->len);
      /* In invalid text a stray continuation byte may follow a match. */
      if (valid)
        {
          g_assert_false (is_continuation (text, len, m->start));
          g_assert_false (is_continuation (text, len, m->end));
        }
      g_assert_true (g_utf8_validate (text + m->start, m->end - m->start, NULL));
      g_assert_cmpuint (m->char_start, <, m->char_end);
      g_assert_cmpuint (m->char_end - m->char_start, ==,
                        g_utf8_strlen (text + m->start, m->end - m->start));
      if (valid)
        g_assert_cmpuint (m->char_start, ==, g_utf8_strlen (text, m->start));
      else
        g_assert_false (is_continuation (text + m->start, m->end - m->start, 0));
      prev_end = m->end;
    }
  return 0;
}
