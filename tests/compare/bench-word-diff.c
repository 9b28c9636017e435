/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bench-word-diff"

#include "config.h"

#include <stdio.h>

#include "vr-core.h"
#include "vr-compare.h"

/* Prints how long the word diff takes on paragraphs of growing length, with
 * a few changes and with nothing in common. */

static char *
make_text (GRand *rand,
           guint  n_words,
           guint  change_every)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < n_words; i++)
    {
      if (change_every > 0 && i % change_every == change_every / 2)
        g_string_append_printf (text, "x%u, ", g_rand_int (rand));
      else if (change_every == 0)
        g_string_append_printf (text, "r%u ", g_rand_int_range (rand, 0, 50));
      else
        g_string_append_printf (text, "w%u ", i);
    }

  return g_string_free (text, FALSE);
}

static double
time_diff (const char *a,
           const char *b,
           guint      *n_runs)
{
  gint64 start = g_get_monotonic_time ();
  g_autoptr(GArray) runs = vr_word_diff (a, b);

  *n_runs = runs->len;
  return (g_get_monotonic_time () - start) / 1000.0;
}

int
main (int   argc,
      char *argv[])
{
  static const guint sizes[] = { 200, 2000, 20000 };
  g_autoptr(GRand) rand = g_rand_new_with_seed (254);

  printf ("%-8s %-20s %10s %8s\n", "words", "case", "ms", "runs");
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autofree char *base = make_text (rand, sizes[i], G_MAXUINT);
      g_autofree char *edited = make_text (rand, sizes[i], 100);
      g_autofree char *other_a = make_text (rand, sizes[i], 0);
      g_autofree char *other_b = make_text (rand, sizes[i], 0);
      guint n_runs;
      double ms;

      ms = time_diff (base, edited, &n_runs);
      printf ("%-8u %-20s %10.2f %8u\n", sizes[i], "1% of words changed", ms, n_runs);
      ms = time_diff (other_a, other_b, &n_runs);
      printf ("%-8u %-20s %10.2f %8u\n", sizes[i], "unrelated", ms, n_runs);
    }

  /* The sample: its normalized reading, then every paragraph against it. */
  {
    const char *path = g_getenv ("VARIORUM_SAMPLE");
    g_autoptr(GFile) file = NULL;
    g_autoptr(VrDocument) doc = NULL;
    g_autoptr(GPtrArray) reading = NULL;
    guint n_runs = 0;
    gint64 start;
    double normalize_ms;
    double diff_ms = 0;

    if (path == NULL)
      return 0;
    file = g_file_new_for_path (path);
    doc = vr_document_load_file (file, NULL, NULL);
    if (doc == NULL)
      return 1;

    start = g_get_monotonic_time ();
    reading = vr_normalize_version (doc, "en", VR_NORMALIZE_RR, NULL);
    normalize_ms = (g_get_monotonic_time () - start) / 1000.0;

    for (guint i = 0; i < reading->len; i++)
      {
        VrNormalizedParagraph *np = g_ptr_array_index (reading, i);
        guint runs;

        diff_ms += time_diff (np->original, np->text, &runs);
        n_runs += runs;
      }

    printf ("sample: RR reading of %u paragraphs %.2f ms; word diff of each "
            "against it %.2f ms in all (%u runs)\n",
            reading->len, normalize_ms, diff_ms, n_runs);
  }

  return 0;
}
