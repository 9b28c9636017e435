/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-print-window"

#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "vr-application-private.h"
#include "vr-window-private.h"
#include "print/vr-print.h"

static VrApplication *app;

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
flush_events (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* Whether a menu item or button using the action would be sensitive. */
static gboolean
action_enabled (VrWindow   *window,
                const char *action_name)
{
  AdwHeaderBar *header_bar = ADW_HEADER_BAR (_vr_window_get_header_bar (window));
  GtkWidget *button = gtk_button_new ();
  gboolean enabled;

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  adw_header_bar_pack_end (header_bar, button);
  enabled = gtk_widget_get_sensitive (button);
  adw_header_bar_remove (header_bar, button);

  return enabled;
}

/* Print and Export as PDF need a document; Ctrl+P prints. */
static void
test_actions (void)
{
  g_autoptr(VrDocument) document = load_sample ();
  g_auto(GStrv) accels = NULL;
  VrWindow *window = vr_window_new (GTK_APPLICATION (app));
  guint n_actions = 0;
  const GVariantType *param_type;
  const char *property;
  const char *name;
  GType owner;

  gtk_window_present (GTK_WINDOW (window));
  flush_events ();

  for (guint i = 0;
       gtk_widget_class_query_action (GTK_WIDGET_GET_CLASS (window), i, &owner,
                                      &name, &param_type, &property);
       i++)
    if (g_str_equal (name, "win.print") || g_str_equal (name, "win.export-pdf"))
      n_actions++;
  g_assert_cmpuint (n_actions, ==, 2);

  g_assert_false (action_enabled (window, "win.print"));
  g_assert_false (action_enabled (window, "win.export-pdf"));

  vr_window_set_document (window, document);
  flush_events ();
  g_assert_true (action_enabled (window, "win.print"));
  g_assert_true (action_enabled (window, "win.export-pdf"));

  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.print");
  g_assert_cmpuint (g_strv_length (accels), ==, 1);
  g_assert_cmpstr (accels[0], ==, "<Control>p");

  gtk_window_destroy (GTK_WINDOW (window));
  flush_events ();
}

/* Printing goes through the same layout as the PDF export: a print
 * operation run to a file gives the handout's pages. */
static void
test_print_operation_export (void)
{
  g_autoptr(VrDocument) document = load_sample ();
  g_autoptr(GtkPrintOperation) operation = vr_print_operation_new (document);
  g_autoptr(VrHandout) handout = vr_handout_new (document);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("test-print-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "printed.pdf", NULL);
  g_autofree char *contents = NULL;
  GtkPrintOperationResult result;
  GtkPageSetup *setup;
  guint n_pages = 0;
  gsize length;

  setup = gtk_print_operation_get_default_page_setup (operation);
  g_assert_nonnull (setup);
  n_pages = vr_handout_paginate (handout,
                                 gtk_page_setup_get_paper_width (setup, GTK_UNIT_POINTS),
                                 gtk_page_setup_get_paper_height (setup, GTK_UNIT_POINTS));

  gtk_print_operation_set_export_filename (operation, path);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_test_message ("printed %u pages, %" G_GSIZE_FORMAT " bytes", n_pages, length);

  /* The page tree's /Count, searched for in bytes: the file holds NULs. */
  {
    const char *count = NULL;

    for (gsize i = 0; i + 7 < length && count == NULL; i++)
      if (memcmp (contents + i, "/Count ", 7) == 0)
        count = contents + i;
    g_assert_nonnull (count);
    g_assert_cmpuint (g_ascii_strtoull (count + 7, NULL, 10), ==, n_pages);
  }

  g_unlink (path);
  g_rmdir (dir);
}

/* Export as PDF works on a copy in a worker thread: the main loop keeps
 * running, the document is left as it was, and the file appears whole. */
static void
test_export_from_window (void)
{
  g_autoptr(VrDocument) document = load_sample ();
  g_autofree char *dir = g_dir_make_tmp ("test-print-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "exported.pdf", NULL);
  g_autoptr(GFile) output = g_file_new_for_path (path);
  g_autofree char *contents = NULL;
  VrWindow *window = vr_window_new (GTK_APPLICATION (app));
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  gsize length;

  vr_window_set_document (window, document);
  gtk_window_present (GTK_WINDOW (window));

  vr_print_export_pdf_to_file (GTK_WINDOW (window), document, output);
  while (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  flush_events ();

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_assert_cmpuint (length, >, 10000);
  g_assert_false (vr_document_get_modified (document));

  gtk_window_destroy (GTK_WINDOW (window));
  flush_events ();
  g_unlink (path);
  g_rmdir (dir);
}

static GtkWindow *
find_print_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  GType type = g_type_from_name ("GtkPrintUnixDialog");

  for (guint i = 0; type != 0 && i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return window;
    }

  return NULL;
}

static gboolean
has_label (GtkWidget  *widget,
           const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_label (child, text))
      return TRUE;

  return FALSE;
}

/* Ctrl+P's action opens the print dialog, with the handout's own tab, and
 * cancelling it leaves the window as it was. */
static void
test_print_dialog (void)
{
  g_autoptr(VrDocument) document = load_sample ();
  VrWindow *window = vr_window_new (GTK_APPLICATION (app));
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  GtkWindow *dialog;

  vr_window_set_document (window, document);
  gtk_window_present (GTK_WINDOW (window));
  flush_events ();

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.print", NULL));
  while ((dialog = find_print_dialog ()) == NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  flush_events ();

  g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (window));
  g_assert_true (has_label (GTK_WIDGET (dialog), "Handout"));
  g_assert_true (has_label (GTK_WIDGET (dialog), "Append the _people and their spellings") ||
                 has_label (GTK_WIDGET (dialog), "Append the people and their spellings"));

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  G_GNUC_END_IGNORE_DEPRECATIONS
  while (find_print_dialog () != NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }

  g_assert_false (vr_document_get_modified (document));
  gtk_window_destroy (GTK_WINDOW (window));
  flush_events ();
}

int
main (int   argc,
      char *argv[])
{
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  app = vr_application_new ("io.github.variorum.Variorum.TestPrint", G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));

  g_test_add_func ("/print/window/actions", test_actions);
  g_test_add_func ("/print/window/print-operation-export", test_print_operation_export);
  g_test_add_func ("/print/window/export-from-window", test_export_from_window);
  g_test_add_func ("/print/window/print-dialog", test_print_dialog);

  status = g_test_run ();
  g_object_unref (app);

  return status;
}
