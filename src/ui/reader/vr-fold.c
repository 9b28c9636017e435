/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vr-fold"

#include "config.h"

#include <string.h>

#include "vr-fold.h"

static gboolean
is_ignored (gunichar c)
{
  switch (c)
    {
    case '\'':
    case '`':
    case '-':
    case 0x00B4: /* ACUTE ACCENT */
    case 0x02BB: /* MODIFIER LETTER TURNED COMMA */
    case 0x02BC: /* MODIFIER LETTER APOSTROPHE */
    case 0x2010: /* HYPHEN */
    case 0x2011: /* NON-BREAKING HYPHEN */
    case 0x2012: /* FIGURE DASH */
    case 0x2013: /* EN DASH */
    case 0x2014: /* EM DASH */
    case 0x2018: /* LEFT SINGLE QUOTATION MARK */
    case 0x2019: /* RIGHT SINGLE QUOTATION MARK */
      return TRUE;
    default:
      return FALSE;
    }
}

char *
vr_fold (const char *text,
         GArray     *map)
{
  g_autofree char *valid = NULL;
  GString *out;
  guint offset = 0;

  if (text == NULL)
    text = "";

  /* Document text is untrusted; never walk invalid UTF-8. */
  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);

  out = g_string_sized_new (strlen (text));

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p), offset++)
    {
      gunichar c = g_utf8_get_char (p);
      gunichar decomposed[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
      gsize n;

      if (is_ignored (c))
        continue;

      n = g_unichar_fully_decompose (c, TRUE, decomposed, G_N_ELEMENTS (decomposed));

      for (gsize i = 0; i < n; i++)
        {
          gunichar d = decomposed[i];
          char buf[6];
          int len;

          if (g_unichar_type (d) == G_UNICODE_NON_SPACING_MARK ||
              g_unichar_type (d) == G_UNICODE_ENCLOSING_MARK ||
              g_unichar_type (d) == G_UNICODE_SPACING_MARK ||
              is_ignored (d))
            continue;

          d = g_unichar_tolower (d);
          len = g_unichar_to_utf8 (d, buf);
          g_string_append_len (out, buf, len);

          if (map != NULL)
            for (int j = 0; j < len; j++)
              g_array_append_val (map, offset);
        }
    }

  if (map != NULL)
    g_array_append_val (map, offset);

  return g_string_free (out, FALSE);
}

gboolean
vr_fold_matches (const char *text,
                 const char *needle_folded)
{
  g_autofree char *folded = NULL;

  if (needle_folded == NULL || needle_folded[0] == '\0')
    return TRUE;
  if (text == NULL)
    return FALSE;

  folded = vr_fold (text, NULL);

  return strstr (folded, needle_folded) != NULL;
}
