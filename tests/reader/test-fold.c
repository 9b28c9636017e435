/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib.h>

#include "vr-fold.h"

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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/reader/fold/romanizations", test_fold_romanizations);
  g_test_add_func ("/reader/fold/hangul", test_fold_hangul);
  g_test_add_func ("/reader/fold/map", test_fold_map);
  g_test_add_func ("/reader/fold/invalid-utf8", test_fold_invalid_utf8);
  g_test_add_func ("/reader/fold/matches", test_fold_matches);

  return g_test_run ();
}
