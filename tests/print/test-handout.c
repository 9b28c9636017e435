/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-handout"

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "print/vr-handout.h"

static VrDocument *
load_sample (void)
{
  const char *path = g_getenv ("VARIORUM_SAMPLE");
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  VrDocument *document;

  g_assert_nonnull (path);
  file = g_file_new_for_path (path);
  document = vr_document_load_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);

  return document;
}

/* Page breaks are a function of the document and the options alone. */
static void
test_paginate_deterministic (void)
{
  g_autoptr(VrDocument) document = load_sample ();
  g_autoptr(VrHandout) first = vr_handout_new (document);
  g_autoptr(VrHandout) second = vr_handout_new (document);
  GListModel *paragraphs = vr_document_get_paragraphs (document);
  guint n_paragraphs = g_list_model_get_n_items (paragraphs);
  guint n_pages;
  int previous = 0;

  n_pages = vr_handout_paginate (first, 0, 0);
  g_test_message ("the sample takes %u A4 pages", n_pages);
  g_assert_cmpuint (n_pages, >=, 4);
  g_assert_cmpuint (n_pages, <=, 20);
  g_assert_cmpuint (vr_handout_paginate (second, 0, 0), ==, n_pages);
  g_assert_cmpuint (vr_handout_get_n_pages (first), ==, n_pages);

  /* Every paragraph begins on a page, in order, the same in both. */
  g_assert_cmpint (vr_handout_get_paragraph_page (first, 0), ==, 0);
  for (guint i = 0; i < n_paragraphs; i++)
    {
      int page = vr_handout_get_paragraph_page (first, i);

      g_assert_cmpint (page, >=, previous);
      g_assert_cmpint (page, <, (int) n_pages);
      g_assert_cmpint (vr_handout_get_paragraph_page (second, i), ==, page);
      previous = page;
    }
  g_assert_cmpint (vr_handout_get_paragraph_page (first, n_paragraphs), ==, -1);

  /* Without the appendices the text ends on the last page. */
  vr_handout_set_include_people (first, FALSE);
  vr_handout_set_include_notes (first, FALSE);
  g_assert_cmpint (vr_handout_get_paragraph_page (first, n_paragraphs - 1), ==,
                   (int) vr_handout_get_n_pages (first) - 1);
  g_assert_cmpuint (vr_handout_get_n_pages (first), <, n_pages);
}

/* Larger type and smaller paper take more pages. */
static void
test_paginate_options (void)
{
  g_autoptr(VrDocument) document = load_sample ();
  g_autoptr(VrHandout) handout = vr_handout_new (document);
  guint a4, letter, large;
  double w, h;

  a4 = vr_handout_paginate (handout, 0, 0);

  vr_handout_set_paper_size (handout, VR_PAPER_SIZE_LETTER);
  letter = vr_handout_get_n_pages (handout);
  g_assert_cmpuint (letter, >=, a4);

  vr_handout_set_font_size (handout, 16);
  large = vr_handout_get_n_pages (handout);
  g_assert_cmpuint (large, >, letter);

  /* A page size given by a printer wins over the paper option. */
  vr_paper_size_get_dimensions (VR_PAPER_SIZE_A4, &w, &h);
  g_assert_cmpfloat_with_epsilon (w, 595.28, 0.01);
  g_assert_cmpfloat_with_epsilon (h, 841.89, 0.01);
  g_assert_cmpuint (vr_handout_paginate (handout, w, h * 2), <, large);

  /* After a change the layout is redone on that same page, not the paper:
   * a printer's page holds while the document is edited. */
  {
    guint tall = vr_handout_get_n_pages (handout);

    vr_handout_set_include_people (handout, FALSE);
    vr_handout_set_include_people (handout, TRUE);
    g_assert_cmpuint (vr_handout_get_n_pages (handout), ==, tall);

    /* Choosing a paper goes back to the paper's size. */
    vr_handout_set_paper_size (handout, VR_PAPER_SIZE_A4);
    vr_handout_set_font_size (handout, 11);
    g_assert_cmpuint (vr_handout_get_n_pages (handout), ==, a4);
  }
}

static void
on_notify_cb (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static void
test_properties_notify (void)
{
  g_autoptr(VrDocument) document = vr_document_new ();
  VrHandout *handout = vr_handout_new (document);
  guint count = 0;

  g_signal_connect (handout, "notify", G_CALLBACK (on_notify_cb), &count);

  vr_handout_set_include_people (handout, TRUE);
  vr_handout_set_include_notes (handout, TRUE);
  vr_handout_set_paper_size (handout, VR_PAPER_SIZE_A4);
  vr_handout_set_font_size (handout, 11);
  g_assert_cmpuint (count, ==, 0);

  vr_handout_set_include_people (handout, FALSE);
  g_assert_cmpuint (count, ==, 1);
  vr_handout_set_include_notes (handout, FALSE);
  g_assert_cmpuint (count, ==, 2);
  vr_handout_set_paper_size (handout, VR_PAPER_SIZE_LETTER);
  g_assert_cmpuint (count, ==, 3);
  vr_handout_set_font_size (handout, 14);
  g_assert_cmpuint (count, ==, 4);
  vr_handout_set_font_size (handout, 14);
  g_assert_cmpuint (count, ==, 4);

  g_assert_false (vr_handout_get_include_people (handout));
  g_assert_false (vr_handout_get_include_notes (handout));
  g_assert_cmpint (vr_handout_get_paper_size (handout), ==, VR_PAPER_SIZE_LETTER);
  g_assert_cmpfloat (vr_handout_get_font_size (handout), ==, 14);
  g_assert_true (vr_handout_get_document (handout) == document);

  g_assert_finalize_object (handout);
}

/* An empty document still makes a page, and drawing every page leaves
 * cairo without an error. */
static void
test_draw_pages (void)
{
  g_autoptr(VrDocument) sample = load_sample ();
  g_autoptr(VrDocument) empty = vr_document_new ();
  VrDocument *documents[] = { sample, empty };

  for (guint d = 0; d < G_N_ELEMENTS (documents); d++)
    {
      g_autoptr(VrHandout) handout = vr_handout_new (documents[d]);
      guint n_pages = vr_handout_paginate (handout, 0, 0);

      g_assert_cmpuint (n_pages, >=, 1);
      for (guint i = 0; i < n_pages; i++)
        {
          cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
          cairo_t *cr = cairo_create (surface);
          double x, y, w, h;

          vr_handout_draw_page (handout, cr, i);
          g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
          cairo_recording_surface_ink_extents (surface, &x, &y, &w, &h);
          /* Something is drawn, and all of it on the page. */
          g_assert_cmpfloat (w, >, 0);
          g_assert_cmpfloat (x, >=, 0);
          g_assert_cmpfloat (y, >=, 0);
          g_assert_cmpfloat (x + w, <=, 595.28);
          g_assert_cmpfloat (y + h, <=, 841.89);
          cairo_destroy (cr);
          cairo_surface_destroy (surface);
        }
    }
}

/* A PDF that cannot be written is an error naming the file, and leaves
 * neither a partial file nor a temporary one behind. */
static void
test_write_pdf_errors (void)
{
  g_autoptr(VrDocument) document = load_sample ();
  g_autoptr(VrHandout) handout = vr_handout_new (document);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("test-handout-XXXXXX", NULL);
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "out.pdf", NULL);
  g_autofree char *good = g_build_filename (dir, "out.pdf", NULL);
  g_autoptr(GFile) missing_file = g_file_new_for_path (missing);
  g_autoptr(GFile) good_file = g_file_new_for_path (good);
  g_autofree char *contents = NULL;
  gsize length;
  GDir *listing;
  const char *name;
  guint n = 0;

  g_assert_false (vr_handout_write_pdf (handout, missing_file, &error));
  g_assert_error (error, VR_ERROR, VR_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "out.pdf"));
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (good, "old", -1, NULL));
  g_assert_true (vr_handout_write_pdf (handout, good_file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (good, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_assert_cmpuint (length, >, 10000);

  listing = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_assert_cmpstr (name, ==, "out.pdf");
      n++;
    }
  g_dir_close (listing);
  g_assert_cmpuint (n, ==, 1);

  g_unlink (good);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/print/handout/paginate-deterministic", test_paginate_deterministic);
  g_test_add_func ("/print/handout/paginate-options", test_paginate_options);
  g_test_add_func ("/print/handout/properties-notify", test_properties_notify);
  g_test_add_func ("/print/handout/draw-pages", test_draw_pages);
  g_test_add_func ("/print/handout/write-pdf-errors", test_write_pdf_errors);

  return g_test_run ();
}
