/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-utf8"

#include "config.h"

#include <string.h>

#include "vr-utf8-private.h"

/* The loader counts paragraph characters and walks to mention offsets eight
 * bytes at a time. A wrong count would move every mention after it, so the
 * fast helpers must agree with GLib's on every mix of 1- to 4-byte
 * characters, at every alignment, including across the 8-byte steps. */

static const char *pieces[] = {
  "a", " ", "Yun", "é", "Юн", "윤공흠", "𝔘", "\xF0\x9F\x98\x80", "Kong-hum ",
};

static char *
random_text (GRand *rand,
             guint  n_pieces)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < n_pieces; i++)
    g_string_append (s, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);
  return g_string_free (s, FALSE);
}

static void
test_count (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (254);

  g_assert_cmpuint (_vr_utf8_count ("", 0), ==, 0);
  g_assert_cmpuint (_vr_utf8_count ("윤공흠 Yun Gong-heum", strlen ("윤공흠 Yun Gong-heum")),
                    ==, 17);

  for (guint round = 0; round < 2000; round++)
    {
      g_autofree char *text = random_text (rand, g_rand_int_range (rand, 0, 40));
      gsize len = strlen (text);

      g_assert_cmpuint (_vr_utf8_count (text, len), ==, g_utf8_strlen (text, -1));
    }
}

static void
test_skip (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (1956);

  for (guint round = 0; round < 500; round++)
    {
      g_autofree char *text = random_text (rand, g_rand_int_range (rand, 0, 40));
      const char *end = text + strlen (text);
      glong n = g_utf8_strlen (text, -1);

      /* From every character to every later one, and past the end. */
      for (glong from = 0; from <= n; from++)
        {
          const char *p = g_utf8_offset_to_pointer (text, from);

          for (glong k = 0; from + k <= n; k++)
            g_assert_true (_vr_utf8_skip (p, end, k) == g_utf8_offset_to_pointer (p, k));
          g_assert_true (_vr_utf8_skip (p, end, n - from + 1) == end);
          g_assert_true (_vr_utf8_skip (p, end, G_MAXSIZE) == end);
        }
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/limits/utf8/count", test_count);
  g_test_add_func ("/limits/utf8/skip", test_skip);

  return g_test_run ();
}
