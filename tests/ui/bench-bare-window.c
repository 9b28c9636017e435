/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bench-bare-window"

#include "config.h"

#include <adwaita.h>

#include "vr-core.h"

/* The baseline of the first-frame benchmark: a bare AdwApplicationWindow
 * with the document's text in a GtkTextView, quitting after the first frame
 * that shows it — what `variorum --exit-after-first-frame FILE` is measured
 * against. */

static char *path;

static void
on_after_paint_cb (GdkFrameClock *clock,
                   GtkWidget     *window)
{
  if (!gtk_widget_get_mapped (window))
    return;

  g_signal_handlers_disconnect_by_func (clock, on_after_paint_cb, window);
  g_application_quit (G_APPLICATION (gtk_window_get_application (GTK_WINDOW (window))));
}

static void
on_activate_cb (GtkApplication *app)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(VrDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  GtkWidget *window, *scrolled, *view, *box;
  VrVersion *version;
  GListModel *paragraphs;
  guint n;

  document = vr_document_load_file (file, NULL, &error);
  if (document == NULL)
    g_error ("%s", error->message);

  version = vr_document_get_default_version (document);
  paragraphs = vr_document_get_paragraphs (document);
  n = g_list_model_get_n_items (paragraphs);
  for (guint i = 0; i < n && version != NULL; i++)
    {
      g_autoptr(VrParagraph) paragraph = g_list_model_get_item (paragraphs, i);
      const char *t = vr_paragraph_get_text (paragraph, vr_version_get_id (version));

      if (t != NULL)
        g_string_append_printf (text, "%s\n\n", t);
    }

  window = adw_application_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  view = gtk_text_view_new ();
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_editable (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text->str, text->len);
  scrolled = gtk_scrolled_window_new ();
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  gtk_box_append (GTK_BOX (box), scrolled);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);

  gtk_window_present (GTK_WINDOW (window));
  g_signal_connect_object (gtk_widget_get_frame_clock (window), "after-paint",
                           G_CALLBACK (on_after_paint_cb), window, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = NULL;

  if (argc != 2)
    {
      g_printerr ("usage: %s DOCUMENT\n", argv[0]);
      return 2;
    }
  path = argv[1];

  app = adw_application_new ("io.github.variorum.BenchBareWindow", G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "activate", G_CALLBACK (on_activate_cb), NULL);

  return g_application_run (G_APPLICATION (app), 1, argv);
}
