/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-recovery"

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "vr-application-private.h"
#include "vr-window-private.h"

/* Unsaved work survives: the window keeps it in a recovery file a moment
 * after each edit, forgets it when saved, undone or discarded, and the next
 * start offers it back, even after the process was killed. */

#define KILLED_TITLE "Killed <b>mid-edit</b> & “restored”"

static VrApplication *app;
static char *tmpdir;

static gboolean
tick_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

static void
iterate_until (gboolean (*done) (gpointer),
               gpointer data)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  /* Wakes the loop, so that the deadline is checked with nothing else
   * happening, and conditions on files are looked at again. */
  guint tick = g_timeout_add (50, tick_cb, NULL);

  while (!done (data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  g_source_remove (tick);
}

static void
flush_events (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
not_loading (gpointer data)
{
  return !vr_window_get_loading (data);
}

static gboolean
not_modified (gpointer data)
{
  return !vr_document_get_modified (vr_window_get_document (data));
}

static guint
count_recoveries (void)
{
  g_autoptr(GPtrArray) list = vr_recovery_list ();

  return list->len;
}

static gboolean
has_no_recovery (gpointer data)
{
  return count_recoveries () == 0;
}

/* The recovery whose title is @data exists. */
static gboolean
has_recovery_titled (gpointer data)
{
  g_autoptr(GPtrArray) list = vr_recovery_list ();

  for (guint i = 0; i < list->len; i++)
    if (g_strcmp0 (vr_recovery_get_title (g_ptr_array_index (list, i)), data) == 0)
      return TRUE;

  return FALSE;
}

static VrRecovery *
first_recovery (void)
{
  g_autoptr(GPtrArray) list = vr_recovery_list ();

  g_assert_cmpuint (list->len, >, 0);
  return g_object_ref (g_ptr_array_index (list, 0));
}

static void
remove_all_recoveries (void)
{
  g_autoptr(GPtrArray) list = vr_recovery_list ();

  for (guint i = 0; i < list->len; i++)
    g_assert_true (vr_recovery_delete (vr_recovery_get_id (g_ptr_array_index (list, i)), NULL));
}

static GFile *
copy_sample (const char *name)
{
  g_autoptr(GFile) source = g_file_new_for_path (g_getenv ("VARIORUM_SAMPLE"));
  g_autoptr(GError) error = NULL;
  GFile *target = g_file_new_build_filename (tmpdir, name, NULL);

  g_file_copy (source, target, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  return target;
}

static VrWindow *
open_window (GFile *file)
{
  VrWindow *window = vr_window_new (GTK_APPLICATION (app));

  gtk_window_present (GTK_WINDOW (window));
  vr_window_open_file (window, file);
  iterate_until (not_loading, window);
  g_assert_nonnull (vr_window_get_document (window));

  return window;
}

static void
destroy_window (VrWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  flush_events ();
}

static AdwMessageDialog *
find_dialog (GtkWindow *parent)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = g_list_model_get_n_items (toplevels);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel) &&
          gtk_widget_get_visible (GTK_WIDGET (toplevel)) &&
          (parent == NULL || gtk_window_get_transient_for (toplevel) == parent))
        return ADW_MESSAGE_DIALOG (toplevel);
    }

  return NULL;
}

/* As a click on a response button: the response, then the dialog goes. */
static void
respond (AdwMessageDialog *dialog,
         const char       *response)
{
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  flush_events ();
}

static gboolean
has_dialog (gpointer data)
{
  return find_dialog (data) != NULL;
}

static void
set_title (VrWindow   *window,
           const char *title)
{
  g_autoptr(VrCommand) command = NULL;

  command = vr_command_set_string_new (vr_document_get_metadata (vr_window_get_document (window)),
                                       "title", title);
  vr_window_push_command (window, command);
}

static char *
read_file (GFile *file)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_load_contents (file, NULL, &contents, NULL, NULL, &error);
  g_assert_no_error (error);

  return contents;
}

/* Run first: the application offers recoveries on its first activation. */
static void
test_recovery_after_kill (void)
{
  g_autoptr(GFile) file = copy_sample ("killed.json");
  g_autoptr(GFile) backup = g_file_new_build_filename (tmpdir, "killed.json~", NULL);
  g_autofree char *helper = g_test_build_filename (G_TEST_BUILT, "recovery-helper", NULL);
  g_autofree char *original = read_file (file);
  g_autofree char *saved = NULL;
  g_autofree char *line = NULL;
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(VrRecovery) entry = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  GtkWindow *window;
  VrDocument *document;

  remove_all_recoveries ();

  /* Another process edits the document and is killed before saving. */
  proc = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                           helper, g_file_peek_path (file), KILLED_TITLE, NULL);
  g_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (proc));
  line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (line, ==, "ready");
  g_subprocess_force_exit (proc);
  g_subprocess_wait (proc, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_signaled (proc));

  /* The file itself was never touched; the edit is in the recovery. */
  saved = read_file (file);
  g_assert_cmpstr (saved, ==, original);
  g_clear_pointer (&saved, g_free);
  g_assert_cmpuint (count_recoveries (), ==, 1);
  entry = first_recovery ();
  g_assert_true (g_file_equal (vr_recovery_get_original (entry), file));
  g_assert_cmpstr (vr_recovery_get_label (entry), ==, "Edit Title");

  /* The next start offers it, naming the document and the last edit. */
  g_application_activate (G_APPLICATION (app));
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_true (VR_IS_WINDOW (window));
  iterate_until (has_dialog, window);
  dialog = find_dialog (window);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Restore Unsaved Changes?");
  g_assert_false (adw_message_dialog_get_body_use_markup (dialog));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), KILLED_TITLE));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Edit Title"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "killed.json"));

  respond (dialog, "restore");

  /* Restored into the empty window: unsaved, with the original's path. */
  document = vr_window_get_document (VR_WINDOW (window));
  g_assert_nonnull (document);
  g_assert_cmpstr (vr_metadata_get_title (vr_document_get_metadata (document)), ==, KILLED_TITLE);
  g_assert_true (vr_document_get_modified (document));
  g_assert_true (g_file_equal (vr_document_get_file (document), file));
  g_assert_true (g_str_has_prefix (gtk_window_get_title (window), "• "));
  g_assert_cmpstr (_vr_window_get_recovery_id (VR_WINDOW (window)), ==, vr_recovery_get_id (entry));

  /* Save writes the original's path, keeps the old one as FILE~, and the
   * recovery is gone. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  iterate_until (not_modified, window);
  saved = read_file (file);
  g_assert_nonnull (strstr (saved, "Killed <b>mid-edit</b>"));
  g_clear_pointer (&saved, g_free);
  saved = read_file (backup);
  g_assert_cmpstr (saved, ==, original);
  iterate_until (has_no_recovery, NULL);

  destroy_window (VR_WINDOW (window));
}

static void
test_recovery_autosave (void)
{
  g_autoptr(GFile) file = copy_sample ("autosave.json");
  g_autoptr(VrRecovery) entry = NULL;
  g_autoptr(VrDocument) recovered = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = read_file (file);
  g_autofree char *after = NULL;
  VrWindow *window;

  remove_all_recoveries ();
  window = open_window (file);
  g_assert_nonnull (_vr_window_get_recovery_id (window));

  /* Loading writes nothing. */
  flush_events ();
  g_assert_cmpuint (count_recoveries (), ==, 0);

  set_title (window, "First");
  iterate_until (has_recovery_titled, "First");

  /* A second edit with the same label is kept too. */
  set_title (window, "Second");
  iterate_until (has_recovery_titled, "Second");
  g_assert_cmpuint (count_recoveries (), ==, 1);
  entry = first_recovery ();
  g_assert_cmpstr (vr_recovery_get_label (entry), ==, "Edit Title");
  recovered = vr_recovery_load (entry, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (vr_metadata_get_title (vr_document_get_metadata (recovered)), ==, "Second");

  /* Undo back to the saved state: nothing is unsaved, nothing kept. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_false (vr_document_get_modified (vr_window_get_document (window)));
  iterate_until (has_no_recovery, NULL);

  /* Redo: unsaved again. Save: gone. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  iterate_until (has_recovery_titled, "First");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  iterate_until (not_modified, window);
  iterate_until (has_no_recovery, NULL);

  /* The document's file is written only by Save. */
  after = read_file (file);
  g_assert_cmpstr (after, !=, before);
  g_assert_nonnull (strstr (after, "\"First\""));

  destroy_window (window);
}

static void
test_recovery_discard_on_close (void)
{
  g_autoptr(GFile) file = copy_sample ("discard.json");
  AdwMessageDialog *dialog;
  VrWindow *window;

  remove_all_recoveries ();
  window = open_window (file);
  g_object_ref (window);
  set_title (window, "Discarded");
  iterate_until (has_recovery_titled, "Discarded");

  gtk_window_close (GTK_WINDOW (window));
  iterate_until (has_dialog, window);
  dialog = find_dialog (GTK_WINDOW (window));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Save Changes?");
  respond (dialog, "discard");

  g_assert_cmpuint (count_recoveries (), ==, 0);
  g_object_unref (window);
}

static void
test_recovery_offer_keep_and_discard (void)
{
  g_autoptr(GFile) file = copy_sample ("offer.json");
  g_autoptr(VrDocument) document = vr_document_load_file (file, NULL, NULL);
  g_autofree char *id = vr_recovery_new_id ();
  AdwMessageDialog *dialog;
  VrWindow *window;

  remove_all_recoveries ();
  /* An imported document that was never saved. */
  vr_metadata_set_title (vr_document_get_metadata (document), "Never saved");
  vr_document_set_file (document, NULL);
  g_assert_true (vr_recovery_save (document, id, NULL, NULL));

  window = vr_window_new (GTK_APPLICATION (app));
  gtk_window_present (GTK_WINDOW (window));

  /* Closing the dialog keeps it for the next time. */
  g_assert_cmpuint (_vr_window_offer_recovery (window), ==, 1);
  dialog = find_dialog (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Never saved"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "never saved"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL));
  flush_events ();
  g_assert_null (find_dialog (GTK_WINDOW (window)));
  g_assert_cmpuint (count_recoveries (), ==, 1);

  /* Discard deletes it. */
  g_assert_cmpuint (_vr_window_offer_recovery (window), ==, 1);
  respond (find_dialog (GTK_WINDOW (window)), "discard");
  g_assert_cmpuint (count_recoveries (), ==, 0);
  g_assert_true (vr_window_is_empty (window));

  /* Restored, it has no file (Save asks where), and further edits go on
   * under the same recovery. */
  g_assert_true (vr_recovery_save (document, id, NULL, NULL));
  g_assert_cmpuint (_vr_window_offer_recovery (window), ==, 1);
  respond (find_dialog (GTK_WINDOW (window)), "restore");
  g_assert_null (vr_window_get_file (window));
  g_assert_true (vr_document_get_modified (vr_window_get_document (window)));
  g_assert_cmpstr (_vr_window_get_recovery_id (window), ==, id);
  /* A recovery this instance holds is no orphan: not offered again. */
  g_assert_cmpuint (_vr_window_offer_recovery (window), ==, 0);
  set_title (window, "Still never saved");
  iterate_until (has_recovery_titled, "Still never saved");
  g_assert_cmpuint (count_recoveries (), ==, 1);

  /* Undo goes back to the restored state, which was never saved: still
   * unsaved, still kept. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_true (vr_document_get_modified (vr_window_get_document (window)));
  iterate_until (has_recovery_titled, "Never saved");
  g_assert_cmpuint (count_recoveries (), ==, 1);

  destroy_window (window);
  remove_all_recoveries ();
}

static void
remove_tree (GFile *file)
{
  g_autoptr(GFileEnumerator) children = NULL;

  children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  if (children != NULL)
    {
      GFileInfo *info;
      GFile *child;

      while (g_file_enumerator_iterate (children, &info, &child, NULL, NULL) && info)
        remove_tree (child);
    }

  g_file_delete (file, NULL, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  tmpdir = g_dir_make_tmp ("variorum-recovery-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("HOME", tmpdir, TRUE);
  g_setenv ("XDG_DATA_HOME", tmpdir, TRUE);
  g_setenv ("XDG_CONFIG_HOME", tmpdir, TRUE);
  g_setenv ("XDG_CACHE_HOME", tmpdir, TRUE);
  g_setenv ("XDG_STATE_HOME", tmpdir, TRUE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  app = vr_application_new ("io.github.variorum.Variorum.TestRecovery", G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  g_application_hold (G_APPLICATION (app));

  g_test_add_func ("/recovery/window/after-kill", test_recovery_after_kill);
  g_test_add_func ("/recovery/window/autosave", test_recovery_autosave);
  g_test_add_func ("/recovery/window/discard-on-close", test_recovery_discard_on_close);
  g_test_add_func ("/recovery/window/offer-keep-and-discard", test_recovery_offer_keep_and_discard);

  status = g_test_run ();

  g_application_release (G_APPLICATION (app));
  g_clear_object (&app);
  {
    g_autoptr(GFile) dir = g_file_new_for_path (tmpdir);

    remove_tree (dir);
  }
  g_free (tmpdir);

  return status;
}
