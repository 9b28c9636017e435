/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bench-handout"

#include "config.h"

#include <glib/gstdio.h>

#include "print/vr-handout.h"

/* Time to lay out and to write the handout, for the sample and for the
 * sample with its paragraphs repeated 20 times:
 *   meson test -C BUILDDIR --benchmark --suite print --verbose */

static VrDocument *
load_sample (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (g_getenv ("VARIORUM_SAMPLE"));
  g_autoptr(GError) error = NULL;
  VrDocument *document = vr_document_load_file (file, NULL, &error);

  g_assert_no_error (error);
  return document;
}

static void
repeat_paragraphs (VrDocument *document,
                   guint       times)
{
  GListModel *paragraphs = vr_document_get_paragraphs (document);
  const char *version = vr_version_get_id (vr_document_get_default_version (document));
  guint n = g_list_model_get_n_items (paragraphs);

  for (guint t = 1; t < times; t++)
    for (guint i = 0; i < n; i++)
      {
        g_autoptr(VrParagraph) source = g_list_model_get_item (paragraphs, i);
        g_autofree char *id = g_strdup_printf ("%s-%u", vr_paragraph_get_id (source), t);
        g_autoptr(VrParagraph) copy = vr_paragraph_new (id);

        vr_paragraph_set_kind (copy, vr_paragraph_get_kind (source));
        vr_paragraph_set_text (copy, version, vr_paragraph_get_text (source, version));
        vr_document_add_paragraph (document, copy);
      }
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double da = *(const double *) a, db = *(const double *) b;

  return da < db ? -1 : da > db;
}

static void
measure (const char *label,
         VrDocument *document)
{
  g_autofree char *dir = g_dir_make_tmp ("bench-handout-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "out.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  double layout[5], write[5];
  guint n_pages = 0;

  for (guint i = 0; i < G_N_ELEMENTS (layout); i++)
    {
      g_autoptr(VrHandout) handout = vr_handout_new (document);
      g_autoptr(GError) error = NULL;
      gint64 t0, t1, t2;

      t0 = g_get_monotonic_time ();
      n_pages = vr_handout_paginate (handout, 0, 0);
      t1 = g_get_monotonic_time ();
      g_assert_true (vr_handout_write_pdf (handout, file, &error));
      g_assert_no_error (error);
      t2 = g_get_monotonic_time ();
      layout[i] = (t1 - t0) / 1000.0;
      write[i] = (t2 - t1) / 1000.0;
    }

  qsort (layout, G_N_ELEMENTS (layout), sizeof (double), compare_doubles);
  qsort (write, G_N_ELEMENTS (write), sizeof (double), compare_doubles);
  g_print ("%s: %u pages; layout %.1f ms, PDF %.1f ms (median of %u)\n",
           label, n_pages, layout[2], write[2], (guint) G_N_ELEMENTS (layout));

  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(VrDocument) sample = load_sample ();
  g_autoptr(VrDocument) large = load_sample ();

  measure ("sample", sample);
  repeat_paragraphs (large, 20);
  measure ("sample × 20", large);

  return 0;
}
