/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Counting and skipping characters in valid UTF-8, eight bytes at a time.
 * Loading a big document counts every paragraph's characters and walks to
 * every mention; g_utf8_strlen() and g_utf8_offset_to_pointer() go byte by
 * byte and were a fifth of the load time of a 100 MB file. Core only. */
#pragma once

#include <string.h>
#include <glib.h>

G_BEGIN_DECLS

#define VR_UTF8_HIGH_BITS G_GUINT64_CONSTANT (0x8080808080808080)
#define VR_UTF8_ONES      G_GUINT64_CONSTANT (0x0101010101010101)

/* How many of the 8 bytes at @p are continuation bytes (10xxxxxx). */
static inline guint
_vr_utf8_continuations8 (const char *p)
{
  guint64 w;

  memcpy (&w, p, sizeof w);
  /* Bit 7 set and bit 6 clear, gathered into one 0/1 per byte and summed. */
  w = (w & ~(w << 1) & VR_UTF8_HIGH_BITS) >> 7;
  return (guint) ((w * VR_UTF8_ONES) >> 56);
}

/* Characters in the @len bytes at @text (valid UTF-8, whole characters). */
static inline gsize
_vr_utf8_count (const char *text,
                gsize       len)
{
  const char *p = text;
  const char *end = text + len;
  gsize continuations = 0;

  while (end - p >= 8)
    {
      continuations += _vr_utf8_continuations8 (p);
      p += 8;
    }
  for (; p < end; p++)
    continuations += ((guchar) *p & 0xC0) == 0x80;

  return len - continuations;
}

/* The character @n_chars characters after @p, which starts a character of
 * the valid UTF-8 text ending at @end; @end when the text is shorter. */
static inline const char *
_vr_utf8_skip (const char *p,
               const char *end,
               gsize       n_chars)
{
  while (n_chars >= 8 && end - p >= 8)
    {
      /* The characters that start in these 8 bytes all lie before the
       * target, which is the first character start at or after p + 8. */
      n_chars -= 8 - _vr_utf8_continuations8 (p);
      p += 8;
    }
  while (p < end && ((guchar) *p & 0xC0) == 0x80)
    p++;
  while (n_chars > 0 && p < end)
    {
      p = g_utf8_next_char (p);
      n_chars--;
    }

  return MIN (p, end);
}

G_END_DECLS
