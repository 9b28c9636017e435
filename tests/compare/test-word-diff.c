/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-word-diff"

#include "config.h"

#include "vr-compare.h"

static char *
substring (const char *text,
           guint       start,
           guint       end)
{
  return g_utf8_substring (text != NULL ? text : "", start, end);
}

/* The runs cover both texts in order, without gaps, and spell them back. */
static void
assert_reconstructs (const char *a,
                     const char *b,
                     GArray     *runs)
{
  g_autoptr(GString) ra = g_string_new (NULL);
  g_autoptr(GString) rb = g_string_new (NULL);
  guint a_pos = 0;
  guint b_pos = 0;

  for (guint i = 0; i < runs->len; i++)
    {
      const VrDiffRun *run = &g_array_index (runs, VrDiffRun, i);
      g_autofree char *a_text = NULL;
      g_autofree char *b_text = NULL;

      g_assert_cmpuint (run->a_start, ==, a_pos);
      g_assert_cmpuint (run->b_start, ==, b_pos);
      g_assert_cmpuint (run->a_end, >=, run->a_start);
      g_assert_cmpuint (run->b_end, >=, run->b_start);
      a_text = substring (a, run->a_start, run->a_end);
      b_text = substring (b, run->b_start, run->b_end);
      g_assert_true (run->a_end > run->a_start || run->b_end > run->b_start);
      if (i > 0)
        g_assert_cmpint (g_array_index (runs, VrDiffRun, i - 1).op, !=, run->op);

      switch (run->op)
        {
        case VR_DIFF_EQUAL:
          g_assert_cmpstr (a_text, ==, b_text);
          g_string_append (ra, a_text);
          g_string_append (rb, b_text);
          break;
        case VR_DIFF_DELETE:
          g_assert_cmpuint (run->b_start, ==, run->b_end);
          g_string_append (ra, a_text);
          break;
        case VR_DIFF_INSERT:
          g_assert_cmpuint (run->a_start, ==, run->a_end);
          g_string_append (rb, b_text);
          break;
        default:
          g_assert_not_reached ();
        }
      a_pos = run->a_end;
      b_pos = run->b_end;
    }

  g_assert_cmpstr (ra->str, ==, a != NULL ? a : "");
  g_assert_cmpstr (rb->str, ==, b != NULL ? b : "");
}

/* The diff as a string: "=text", "-text", "+text" joined by "|". */
static char *
describe (const char *a,
          const char *b,
          GArray     *runs)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < runs->len; i++)
    {
      const VrDiffRun *run = &g_array_index (runs, VrDiffRun, i);
      g_autofree char *text = NULL;

      if (i > 0)
        g_string_append_c (out, '|');
      if (run->op == VR_DIFF_INSERT)
        text = substring (b, run->b_start, run->b_end);
      else
        text = substring (a, run->a_start, run->a_end);
      g_string_append_c (out, run->op == VR_DIFF_EQUAL ? '=' :
                              run->op == VR_DIFF_DELETE ? '-' : '+');
      g_string_append (out, text);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
check (const char *a,
       const char *b,
       const char *expected)
{
  g_autoptr(GArray) runs = vr_word_diff (a, b);
  g_autofree char *got = describe (a, b, runs);

  assert_reconstructs (a, b, runs);
  g_assert_cmpstr (got, ==, expected);
}

static void
test_known_changes (void)
{
  /* A changed phrase is one deletion and one insertion, the space inside it
   * included. */
  check ("Yun's speech caused a heated reaction.",
         "Yun's speech caused an angry reaction.",
         "=Yun's speech caused |-a heated|+an angry|= reaction.");
  /* Words moved and punctuation changed. */
  check ("Choe Chang-ik defended Yun. Choe was later expelled.",
         "Choe Chang-ik defended Yun; Choe was expelled later.",
         "=Choe Chang-ik defended Yun|-.|+;|= Choe was |-later |=expelled|+ later|=.");
  /* Apostrophes and hyphens inside a word, breves and Hangul are parts of
   * words. */
  check ("Ch'oe Ch'ang-ik and Sŏ Hwi (서휘)",
         "Choe Chang-ik and Sŏ Hwi (서 휘)",
         "-Ch'oe Ch'ang-ik|+Choe Chang-ik|= and Sŏ Hwi (|-서휘|+서 휘|=)");
  /* A hyphenated given name is one word; a hyphen alone is not. */
  check ("Yun Gong-heum spoke at the Plenum of the KWP CC.",
         "Yung Kong-hum made a speech at the Plenum of the KWP CC.",
         "-Yun Gong-heum spoke|+Yung Kong-hum made a speech|= at the Plenum of the KWP CC.");
  check ("war - and peace", "war and peace", "=war |-- |=and peace");
  check ("one", "one", "=one");
  check ("", "new words", "+new words");
  check ("old words", "", "-old words");
  check ("", "", "");
  check ("a b c", "a c", "=a |-b |=c");
}

static void
test_character_offsets (void)
{
  /* Offsets are characters, not bytes. */
  const char *a = "Sŏ Hwi spoke.";
  const char *b = "Sŏ Hwi wrote.";
  g_autoptr(GArray) runs = vr_word_diff (a, b);
  const VrDiffRun *del;
  const VrDiffRun *ins;

  g_assert_cmpuint (runs->len, ==, 4);
  del = &g_array_index (runs, VrDiffRun, 1);
  ins = &g_array_index (runs, VrDiffRun, 2);
  g_assert_cmpint (del->op, ==, VR_DIFF_DELETE);
  g_assert_cmpuint (del->a_start, ==, 7);
  g_assert_cmpuint (del->a_end, ==, 12);
  g_assert_cmpuint (del->b_start, ==, 7);
  g_assert_cmpuint (del->b_end, ==, 7);
  g_assert_cmpint (ins->op, ==, VR_DIFF_INSERT);
  g_assert_cmpuint (ins->a_start, ==, 12);
  g_assert_cmpuint (ins->b_start, ==, 7);
  g_assert_cmpuint (ins->b_end, ==, 12);
}

static void
test_null_is_empty (void)
{
  g_autoptr(GArray) runs = vr_word_diff (NULL, "text");

  assert_reconstructs (NULL, "text", runs);
  g_assert_cmpuint (runs->len, ==, 1);
  g_assert_cmpint (g_array_index (runs, VrDiffRun, 0).op, ==, VR_DIFF_INSERT);
}

static const char * const vocabulary[] = {
  "Yun", "Gong-heum", "Kim", "Il", "Sung", "the", "Plenum", "spoke", "Ch'oe",
  "Sŏ", "Hwi", "윤공흠", ",", ".", " ", "  ", "\n", "of", "a", "an",
};

static char *
random_text (GRand *rand,
             guint  n_words)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < n_words; i++)
    {
      g_string_append (text, vocabulary[g_rand_int_range (rand, 0, G_N_ELEMENTS (vocabulary))]);
      if (g_rand_boolean (rand))
        g_string_append_c (text, ' ');
    }

  return g_string_free (text, FALSE);
}

/* Random texts and random edits of them: the runs always spell both. */
static void
test_random_reconstruct (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (254);

  for (guint round = 0; round < 300; round++)
    {
      g_autofree char *a = random_text (rand, g_rand_int_range (rand, 0, 60));
      g_autofree char *b = NULL;
      g_autoptr(GArray) runs = NULL;

      if (g_rand_boolean (rand))
        b = random_text (rand, g_rand_int_range (rand, 0, 60));
      else
        {
          /* An edit of a: cut a piece out and put other words in. */
          glong len = g_utf8_strlen (a, -1);
          glong cut = len > 0 ? g_rand_int_range (rand, 0, len + 1) : 0;
          g_autofree char *head = g_utf8_substring (a, 0, cut);
          glong cut_len = g_rand_int_range (rand, 0, 10);
          glong cut_end = MIN (len, cut + cut_len);
          g_autofree char *tail = g_utf8_substring (a, cut_end, len);
          g_autofree char *middle = random_text (rand, g_rand_int_range (rand, 0, 4));

          b = g_strconcat (head, middle, tail, NULL);
        }

      runs = vr_word_diff (a, b);
      assert_reconstructs (a, b, runs);
    }
}

/* A long paragraph with a few changes yields just those changes; two long
 * unrelated paragraphs still give a correct (if coarse) diff. */
static void
test_long_paragraphs (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (1956);
  g_autoptr(GString) a = g_string_new (NULL);
  g_autoptr(GString) b = g_string_new (NULL);
  g_autoptr(GArray) runs = NULL;
  g_autofree char *x = NULL;
  g_autofree char *y = NULL;
  guint n_changes = 0;

  for (guint i = 0; i < 5000; i++)
    {
      g_autofree char *word = g_strdup_printf ("w%u ", i);

      g_string_append (a, word);
      if (i % 500 == 250)
        g_string_append (b, "changed ");
      else
        g_string_append (b, word);
    }

  runs = vr_word_diff (a->str, b->str);
  assert_reconstructs (a->str, b->str, runs);
  for (guint i = 0; i < runs->len; i++)
    if (g_array_index (runs, VrDiffRun, i).op == VR_DIFF_DELETE)
      n_changes++;
  g_assert_cmpuint (n_changes, ==, 10);
  g_clear_pointer (&runs, g_array_unref);

  x = random_text (rand, 20000);
  y = random_text (rand, 20000);
  runs = vr_word_diff (x, y);
  assert_reconstructs (x, y, runs);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/compare/word-diff/known-changes", test_known_changes);
  g_test_add_func ("/compare/word-diff/character-offsets", test_character_offsets);
  g_test_add_func ("/compare/word-diff/null-is-empty", test_null_is_empty);
  g_test_add_func ("/compare/word-diff/random-reconstruct", test_random_reconstruct);
  g_test_add_func ("/compare/word-diff/long-paragraphs", test_long_paragraphs);

  return g_test_run ();
}
