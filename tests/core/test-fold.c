/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib.h>

#include "vr-fold.h"
#include "vr-document.h"

static void
assert_folds_to (const char *text,
                 const char *expected)
{
  g_autofree char *folded = vr_fold (text, NULL);

  g_assert_cmpstr (folded, ==, expected);
}

static void
test_fold_romanizations (void)
{
  /* The spellings a reader types must find the printed forms. */
  assert_folds_to ("Choe", "choe");
  assert_folds_to ("Ch'oe", "choe");
  assert_folds_to ("Ch’oe", "choe");
  assert_folds_to ("Chŏe", "choe");
  assert_folds_to ("CH'ŎE YONG-GŎN", "choe yonggon");
  assert_folds_to ("Yun Gong-heum", "yun gongheum");
  assert_folds_to ("Poznań", "poznan");
  assert_folds_to ("", "");
  assert_folds_to (NULL, "");
}

static void
test_fold_hangul (void)
{
  g_autofree char *name = vr_fold ("윤공흠", NULL);
  g_autofree char *part = vr_fold ("공흠", NULL);

  g_assert_nonnull (strstr (name, part));
  g_assert_true (vr_fold_matches ("윤공흠", part));
}

static void
test_fold_map (void)
{
  g_autoptr(GArray) map = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree char *folded = vr_fold ("Ch'ŏe X", map);
  const char *x = strchr (folded, 'x');

  g_assert_cmpstr (folded, ==, "choe x");
  /* One entry per byte plus the end. */
  g_assert_cmpuint (map->len, ==, strlen (folded) + 1);
  /* "o" comes from "ŏ", the fourth character; "x" from the seventh. */
  g_assert_cmpuint (g_array_index (map, guint, 2), ==, 3);
  g_assert_cmpuint (g_array_index (map, guint, x - folded), ==, 6);
  g_assert_cmpuint (g_array_index (map, guint, map->len - 1), ==, 7);
}

static void
test_fold_invalid_utf8 (void)
{
  g_autofree char *folded = vr_fold ("ab\xff\xfe" "cd", NULL);

  g_assert_true (g_utf8_validate (folded, -1, NULL));
  g_assert_true (g_str_has_prefix (folded, "ab"));
  g_assert_true (g_str_has_suffix (folded, "cd"));
}

static void
test_fold_matches (void)
{
  g_autofree char *needle = vr_fold ("Ch'oe", NULL);

  g_assert_true (vr_fold_matches ("Choe Chang-ik", needle));
  g_assert_true (vr_fold_matches ("Ch'oe Ch'ang-ik", needle));
  g_assert_false (vr_fold_matches ("Kim Il Sung", needle));
  g_assert_true (vr_fold_matches ("anything", ""));
  g_assert_false (vr_fold_matches (NULL, needle));
}

static void
test_fold_search_paragraphs (void)
{
  g_autoptr(VrDocument) doc = vr_document_new ();
  g_autoptr(VrParagraph) p1 = vr_paragraph_new ("p1");
  g_autoptr(VrParagraph) p2 = vr_paragraph_new ("p2");
  g_autoptr(VrParagraph) p3 = vr_paragraph_new ("p3");
  g_autoptr(GArray) found = NULL;
  const VrTextMatch *m;

  /* Offsets are characters of the printed text: the breve and the
   * apostrophe before the match must not shift them. */
  vr_paragraph_set_text (p1, "en", "Ch’ŏe Ch'ang-ik met Choe.");
  vr_paragraph_set_text (p2, "ru", "Choe only in another version.");
  vr_paragraph_set_text (p3, "en", "No name here.");
  vr_document_add_paragraph (doc, p1);
  vr_document_add_paragraph (doc, p2);
  vr_document_add_paragraph (doc, p3);

  found = vr_fold_search_paragraphs (vr_document_get_paragraphs (doc), "en", "CHOE");
  g_assert_cmpuint (found->len, ==, 2);
  m = &g_array_index (found, VrTextMatch, 0);
  g_assert_cmpuint (m->paragraph, ==, 0);
  g_assert_cmpuint (m->start, ==, 0);
  g_assert_cmpuint (m->end, ==, 5);
  m = &g_array_index (found, VrTextMatch, 1);
  g_assert_cmpuint (m->paragraph, ==, 0);
  g_assert_cmpuint (m->start, ==, 20);
  g_assert_cmpuint (m->end, ==, 24);
  g_clear_pointer (&found, g_array_unref);

  found = vr_fold_search_paragraphs (vr_document_get_paragraphs (doc), "en", "changik");
  g_assert_cmpuint (found->len, ==, 1);
  m = &g_array_index (found, VrTextMatch, 0);
  g_assert_cmpuint (m->start, ==, 6);
  g_assert_cmpuint (m->end, ==, 15);
  g_clear_pointer (&found, g_array_unref);

  found = vr_fold_search_paragraphs (vr_document_get_paragraphs (doc), "en", "");
  g_assert_cmpuint (found->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/fold/romanizations", test_fold_romanizations);
  g_test_add_func ("/core/fold/hangul", test_fold_hangul);
  g_test_add_func ("/core/fold/map", test_fold_map);
  g_test_add_func ("/core/fold/invalid-utf8", test_fold_invalid_utf8);
  g_test_add_func ("/core/fold/matches", test_fold_matches);
  g_test_add_func ("/core/fold/search-paragraphs", test_fold_search_paragraphs);

  return g_test_run ();
}
