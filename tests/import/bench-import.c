/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Figures: importing the seed page, and finding mentions in the sample. */
#include "config.h"

#include <string.h>

#include "vr-core.h"
#include "vr-importer.h"
#include "vr-mention-finder.h"

#define SEED_COPY SOURCE_SAMPLEDIR "/telegram-254.seed.txt"
#define ROUNDS 50

int
main (int   argc,
      char *argv[])
{
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(VrDocument) sample = NULL;
  const char *sample_path = g_getenv ("VARIORUM_SAMPLE");
  gint64 start, best = G_MAXINT64, total = 0;
  guint n_found = 0;

  if (!g_file_get_contents (SEED_COPY, &text, NULL, &error))
    g_error ("%s", error->message);

  for (guint i = 0; i < ROUNDS; i++)
    {
      g_autoptr(VrDocument) doc = NULL;
      gint64 t;

      start = g_get_monotonic_time ();
      doc = vr_import_archive_text (text, "telegram-254.txt", &error);
      t = g_get_monotonic_time () - start;
      g_assert_no_error (error);
      total += t;
      best = MIN (best, t);
    }
  g_print ("import of the seed page (%zu bytes): best %.2f ms, mean %.2f ms over %d rounds\n",
           strlen (text), best / 1000.0, total / 1000.0 / ROUNDS, ROUNDS);

  if (sample_path == NULL)
    return 0;
  file = g_file_new_for_path (sample_path);
  sample = vr_document_load_file (file, NULL, &error);
  g_assert_no_error (error);
  best = G_MAXINT64;
  for (guint i = 0; i < ROUNDS; i++)
    {
      g_autoptr(GPtrArray) found = NULL;
      gint64 t;

      start = g_get_monotonic_time ();
      found = vr_mention_finder_find (sample, NULL);
      t = g_get_monotonic_time () - start;
      best = MIN (best, t);
      n_found = found->len;
    }
  g_print ("find mentions on the sample (all mentions present, %u new): best %.2f ms\n",
           n_found, best / 1000.0);
  return 0;
}
