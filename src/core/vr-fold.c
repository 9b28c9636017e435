/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vr-fold"

#include "config.h"

#include <string.h>

#include "vr-fold.h"
#include "vr-paragraph.h"

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

GArray *
vr_fold_search_paragraphs (GListModel *paragraphs,
                           const char *version_id,
                           const char *query)
{
  g_autofree char *needle = NULL;
  GArray *matches;
  gsize needle_len;
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (paragraphs), NULL);

  matches = g_array_new (FALSE, FALSE, sizeof (VrTextMatch));
  if (version_id == NULL || query == NULL)
    return matches;

  needle = vr_fold (query, NULL);
  needle_len = strlen (needle);
  if (needle_len == 0)
    return matches;

  n = g_list_model_get_n_items (paragraphs);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VrParagraph) paragraph = g_list_model_get_item (paragraphs, i);
      const char *text = vr_paragraph_get_text (paragraph, version_id);
      g_autoptr(GArray) map = NULL;
      g_autofree char *folded = NULL;

      if (text == NULL)
        continue;

      map = g_array_new (FALSE, FALSE, sizeof (guint));
      folded = vr_fold (text, map);

      for (const char *p = strstr (folded, needle);
           p != NULL;
           p = strstr (p + needle_len, needle))
        {
          gsize pos = p - folded;
          VrTextMatch m;

          m.paragraph = i;
          m.start = g_array_index (map, guint, pos);
          m.end = g_array_index (map, guint, pos + needle_len - 1) + 1;
          g_array_append_val (matches, m);
        }
    }

  return matches;
}
