/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "vr-name-finder.h"

static VrNameFinder *
finder_for (const char * const *patterns,
            VrNameFinderFlags   flags)
{
  guint n = g_strv_length ((char **) patterns);
  g_autofree gpointer *data = g_new (gpointer, n);

  for (guint i = 0; i < n; i++)
    data[i] = GUINT_TO_POINTER (i + 100);
  return vr_name_finder_new (patterns, data, n, flags);
}

/* "start:length:pattern;…" in bytes, for compact assertions */
static char *
describe (VrNameFinder *finder,
          const char   *text)
{
  g_autoptr(GArray) m = vr_name_finder_scan (finder, text, -1);
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < m->len; i++)
    {
      const VrNameMatch *x = &g_array_index (m, VrNameMatch, i);
      g_assert_cmpuint (GPOINTER_TO_UINT (x->user_data), ==, x->pattern + 100);
      g_string_append_printf (s, "%" G_GSIZE_FORMAT ":%" G_GSIZE_FORMAT ":%s;",
                              x->start, x->end - x->start,
                              vr_name_finder_get_pattern (finder, x->pattern));
    }
  g_assert_cmpuint (vr_name_finder_count (finder, text, -1), ==, m->len);
  return g_string_free (s, FALSE);
}

static void
test_finder_words (void)
{
  const char *patterns[] = { "Kim", NULL };
  g_autoptr(VrNameFinder) f = finder_for (patterns, VR_NAME_FINDER_DEFAULT);
  g_autofree char *a = describe (f, "Kimchi Kim, akim Kim_ 1Kim Kim.");

  g_assert_cmpstr (a, ==, "7:3:Kim;27:3:Kim;");
}

static void
test_finder_longest (void)
{
  const char *patterns[] = { "Kim Il", "Kim Il Sung", "Nam Il", NULL };
  g_autoptr(VrNameFinder) f = finder_for (patterns, VR_NAME_FINDER_DEFAULT);
  g_autofree char *a = describe (f, "Kim Il Sung met Kim Il and Nam Il.");
  /* the longest is not a whole word: a shorter one at the same start is */
  g_autofree char *b = describe (f, "Kim Il Sungs");

  g_assert_cmpstr (a, ==, "0:11:Kim Il Sung;16:6:Kim Il;27:6:Nam Il;");
  g_assert_cmpstr (b, ==, "0:6:Kim Il;");
}

static void
test_finder_leftmost (void)
{
  const char *patterns[] = { "Il Sung", "Kim Il Sung Jr", NULL };
  g_autoptr(VrNameFinder) f = finder_for (patterns, VR_NAME_FINDER_DEFAULT);
  /* the match found first ends first, but the one found later starts first */
  g_autofree char *a = describe (f, "Kim Il Sung Jr. and Il Sung");

  g_assert_cmpstr (a, ==, "0:14:Kim Il Sung Jr;20:7:Il Sung;");
}

static void
test_finder_overlap (void)
{
  const char *patterns[] = { "O Song", "Jeong Chang O", "Song Geon", NULL };
  g_autoptr(VrNameFinder) f = finder_for (patterns, VR_NAME_FINDER_DEFAULT);
  g_autofree char *a = describe (f, "JEONG CHANG O SONG GEON");

  /* leftmost first, then no overlap: as grep -o -w reports */
  g_assert_cmpstr (a, ==, "0:13:Jeong Chang O;14:9:Song Geon;");
}

static void
test_finder_folding (void)
{
  const char *patterns[] = { "Pak Kŭm-ch'ŏl", "Ch'oe Yong-gŏn", "Kim [Gan]", NULL };
  g_autoptr(VrNameFinder) f = finder_for (patterns, VR_NAME_FINDER_DEFAULT);
  g_autofree char *a = describe (f, "PAK KUM-CH'OL and pak kŭm-ch’ŏl");
  g_autofree char *b = describe (f, "choe yong-gon? CH'OE YONG-GŎN!");
  g_autofree char *c = describe (f, "fled with Kim [Gan] and Kim Gan");
  /* decomposed ŏ (o + U+0306) folds like the precomposed one */
  g_autofree char *d = describe (f, "Ch'oe Yong-go\xcc\x86n");

  g_assert_cmpstr (a, ==, "0:13:Pak Kŭm-ch'ŏl;18:17:Pak Kŭm-ch'ŏl;");
  g_assert_cmpstr (b, ==, "15:15:Ch'oe Yong-gŏn;");
  g_assert_cmpstr (c, ==, "10:9:Kim [Gan];");
  g_assert_cmpstr (d, ==, "0:16:Ch'oe Yong-gŏn;");
}

static void
test_finder_offsets (void)
{
  const char *patterns[] = { "Ким Ир Сен", "Kim Il Sung", "김일성", NULL };
  g_autoptr(VrNameFinder) f = finder_for (patterns, VR_NAME_FINDER_DEFAULT);
  const char *text = "«Ким Ир Сен» и Kim Il Sung, 김일성 동지";
  g_autoptr(GArray) m = vr_name_finder_scan (f, text, -1);
  const VrNameMatch *x;

  g_assert_cmpuint (m->len, ==, 3);
  x = &g_array_index (m, VrNameMatch, 0);
  g_assert_cmpuint (x->start, ==, 2);
  g_assert_cmpuint (x->end, ==, 20);
  g_assert_cmpuint (x->char_start, ==, 1);
  g_assert_cmpuint (x->char_end, ==, 11);
  x = &g_array_index (m, VrNameMatch, 1);
  g_assert_cmpuint (x->start, ==, 26);
  g_assert_cmpuint (x->char_start, ==, 15);
  g_assert_cmpuint (x->char_end, ==, 26);
  x = &g_array_index (m, VrNameMatch, 2);
  g_assert_cmpuint (x->start, ==, 39);
  g_assert_cmpuint (x->end, ==, 48);
  g_assert_cmpuint (x->char_start, ==, 28);
  g_assert_cmpuint (x->char_end, ==, 31);
  g_assert_cmpint (memcmp (text + x->start, "김일성", 9), ==, 0);
}

static void
test_finder_ascii_words (void)
{
  const char *patterns[] = { "Kim", NULL };
  g_autoptr(VrNameFinder) uni = finder_for (patterns, VR_NAME_FINDER_DEFAULT);
  g_autoptr(VrNameFinder) ascii = finder_for (patterns, VR_NAME_FINDER_ASCII_WORDS);

  /* é is a letter, except for grep -w in the C locale */
  g_assert_cmpuint (vr_name_finder_count (uni, "Kimé", -1), ==, 0);
  g_assert_cmpuint (vr_name_finder_count (ascii, "Kimé", -1), ==, 1);
}

static void
test_finder_grep_compat (void)
{
  const char *patterns[] = { "ab", "'", NULL };
  g_autoptr(VrNameFinder) plain = finder_for (patterns, VR_NAME_FINDER_ASCII_WORDS);
  g_autoptr(VrNameFinder) grep = finder_for (patterns, VR_NAME_FINDER_ASCII_WORDS |
                                                       VR_NAME_FINDER_GREP_COMPAT);
  g_autofree char *a = describe (plain, "ab' xb' ab'c");
  g_autofree char *b = describe (grep, "ab' xb' ab'c");

  /* grep -o -w does not look back from the end of its previous match */
  g_assert_cmpstr (a, ==, "0:2:ab;8:2:ab;");
  g_assert_cmpstr (b, ==, "0:2:ab;2:1:';8:2:ab;");
}

static void
test_finder_bad_input (void)
{
  const char *patterns[] = { "", "Kim Il", "\xff", NULL };
  g_autoptr(VrNameFinder) f = finder_for (patterns, VR_NAME_FINDER_DEFAULT);
  const char text[] = "Kim\xffIl Kim Il\0Kim Il";
  g_autoptr(GArray) m = vr_name_finder_scan (f, text, sizeof text - 1);

  g_assert_cmpuint (m->len, ==, 2);
  g_assert_cmpuint (g_array_index (m, VrNameMatch, 0).start, ==, 7);
  g_assert_cmpuint (g_array_index (m, VrNameMatch, 1).start, ==, 14);
  g_assert_cmpuint (vr_name_finder_count (f, "", 0), ==, 0);
}

static gpointer
scan_thread (gpointer data)
{
  VrNameFinder *f = data;
  GString *text = g_string_new (NULL);
  gsize n;

  for (guint i = 0; i < 2000; i++)
    g_string_append (text, "Kim Il Sung and Kim Il met Nam Il. ");
  n = vr_name_finder_count (f, text->str, text->len);
  g_string_free (text, TRUE);
  return GSIZE_TO_POINTER (n);
}

static void
test_finder_threads (void)
{
  const char *patterns[] = { "Kim Il", "Kim Il Sung", "Nam Il", NULL };
  g_autoptr(VrNameFinder) f = finder_for (patterns, VR_NAME_FINDER_DEFAULT);
  GThread *threads[4];

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("scan", scan_thread, f);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_assert_cmpuint (GPOINTER_TO_SIZE (g_thread_join (threads[i])), ==, 6000);
}

static void
on_scan_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  VrNameFinder *f = g_object_get_data (G_OBJECT (result), "vr-name-finder");
  GArray **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = vr_name_finder_scan_finish (f, result, &error);
  g_assert_no_error (error);
}

static void
test_finder_async (void)
{
  const char *patterns[] = { "Kim Il", "Kim Il Sung", NULL };
  g_autoptr(VrNameFinder) f = finder_for (patterns, VR_NAME_FINDER_DEFAULT);
  g_autoptr(GBytes) text = g_bytes_new_static ("Kim Il Sung, Kim Il.", 20);
  g_autoptr(GArray) out = NULL;

  g_assert_true (G_TYPE_IS_BOXED (VR_TYPE_NAME_FINDER));
  vr_name_finder_scan_async (f, text, NULL, on_scan_done_cb, &out);
  while (out == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (out->len, ==, 2);
  g_assert_cmpuint (g_array_index (out, VrNameMatch, 1).start, ==, 13);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/names/finder/words", test_finder_words);
  g_test_add_func ("/names/finder/longest", test_finder_longest);
  g_test_add_func ("/names/finder/leftmost", test_finder_leftmost);
  g_test_add_func ("/names/finder/overlap", test_finder_overlap);
  g_test_add_func ("/names/finder/folding", test_finder_folding);
  g_test_add_func ("/names/finder/offsets", test_finder_offsets);
  g_test_add_func ("/names/finder/ascii-words", test_finder_ascii_words);
  g_test_add_func ("/names/finder/grep-compat", test_finder_grep_compat);
  g_test_add_func ("/names/finder/bad-input", test_finder_bad_input);
  g_test_add_func ("/names/finder/threads", test_finder_threads);
  g_test_add_func ("/names/finder/async", test_finder_async);

  return g_test_run ();
}
