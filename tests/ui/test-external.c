/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-external"

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "vr-application-private.h"
#include "vr-window-private.h"

/* Another program changes the open file: the window says so, Reload shows
 * the other version, and Save never silently replaces it. Our own saves
 * raise nothing. */

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

static gboolean
bar_shown (gpointer data)
{
  return gtk_revealer_get_reveal_child (_vr_window_get_external_bar (data));
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
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

static char *
read_file (GFile *file)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_load_contents (file, NULL, &contents, NULL, NULL, &error);
  g_assert_no_error (error);

  return contents;
}

/* What another program does: replace the title in the file on disk. */
static void
change_behind_back (GFile      *file,
                    const char *title)
{
  g_autofree char *contents = read_file (file);
  g_autofree char *quoted = g_strdup_printf ("\"title\": \"%s\"", title);
  g_autoptr(GRegex) regex = g_regex_new ("\"title\": \"[^\"]*\"", 0, 0, NULL);
  g_autofree char *changed = g_regex_replace_literal (regex, contents, -1, 0, quoted, G_REGEX_MATCH_DEFAULT, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (changed, !=, contents);
  g_file_set_contents (g_file_peek_path (file), changed, -1, &error);
  g_assert_no_error (error);
}

static VrWindow *
open_window (GFile *file)
{
  VrWindow *window = vr_window_new (GTK_APPLICATION (app));

  gtk_window_present (GTK_WINDOW (window));
  vr_window_open_file (window, file);
  iterate_until (not_loading, window);
  g_assert_nonnull (vr_window_get_document (window));
  g_assert_false (bar_shown (window));

  return window;
}

static void
destroy_window (VrWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  flush_events ();
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

static const char *
document_title (VrWindow *window)
{
  return vr_metadata_get_title (vr_document_get_metadata (vr_window_get_document (window)));
}

static gboolean
has_external_dialog (gpointer data)
{
  return _vr_window_get_external_dialog (data) != NULL;
}

/* As a click on a response button. */
static void
respond (AdwMessageDialog *dialog,
         const char       *response)
{
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  flush_events ();
}

static GtkLabel *
bar_label (VrWindow *window)
{
  return window->external_label;
}

static void
on_test_monitor_changed_cb (GFileMonitor      *monitor,
                            GFile             *file,
                            GFile             *other,
                            GFileMonitorEvent  event,
                            gboolean          *seen)
{
  if (event == G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT ||
      event == G_FILE_MONITOR_EVENT_RENAMED ||
      event == G_FILE_MONITOR_EVENT_CREATED ||
      event == G_FILE_MONITOR_EVENT_MOVED_IN)
    *seen = TRUE;
}

static void
test_external_own_save (void)
{
  g_autoptr(GFile) file = copy_sample ("own.json");
  g_autoptr(GFileMonitor) monitor = NULL;
  gboolean seen = FALSE;
  VrWindow *window = open_window (file);

  /* A monitor of the test's own sees the events our save causes; once it
   * has, the window's monitor has had them too. */
  monitor = g_file_monitor_file (file, G_FILE_MONITOR_WATCH_MOVES, NULL, NULL);
  g_signal_connect (monitor, "changed", G_CALLBACK (on_test_monitor_changed_cb), &seen);

  set_title (window, "Saved here");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  iterate_until (not_modified, window);
  iterate_until (is_true, &seen);
  flush_events ();
  g_assert_false (bar_shown (window));

  /* Saving again asks nothing: the file is as we wrote it. */
  set_title (window, "Saved twice");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  g_assert_null (_vr_window_get_external_dialog (window));
  iterate_until (not_modified, window);

  destroy_window (window);
}

static void
test_external_reload (void)
{
  g_autoptr(GFile) file = copy_sample ("reload.json");
  VrWindow *window = open_window (file);
  g_autoptr(VrDocument) before = g_object_ref (vr_window_get_document (window));

  g_assert_false (gtk_widget_is_sensitive (window->external_reload_button));

  change_behind_back (file, "Changed <b>elsewhere</b>");
  iterate_until (bar_shown, window);
  g_assert_cmpstr (gtk_label_get_text (bar_label (window)), ==, "The file was changed by another program.");
  g_assert_true (gtk_widget_get_visible (window->external_reload_button));
  g_assert_true (gtk_widget_is_sensitive (window->external_reload_button));

  /* Nothing unsaved: Reload reloads at once. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.reload", NULL));
  iterate_until (not_loading, window);
  g_assert_true (vr_window_get_document (window) != before);
  g_assert_cmpstr (document_title (window), ==, "Changed <b>elsewhere</b>");
  g_assert_false (vr_document_get_modified (vr_window_get_document (window)));
  g_assert_false (bar_shown (window));

  destroy_window (window);
}

static void
test_external_reload_unsaved (void)
{
  g_autoptr(GFile) file = copy_sample ("unsaved.json");
  g_autoptr(GPtrArray) recoveries = NULL;
  VrWindow *window = open_window (file);

  set_title (window, "Mine, unsaved");
  change_behind_back (file, "Theirs");
  iterate_until (bar_shown, window);

  /* Reloading would drop the changes: asked first. Cancel keeps all. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.reload", NULL));
  g_assert_true (has_external_dialog (window));
  g_assert_cmpstr (adw_message_dialog_get_heading (_vr_window_get_external_dialog (window)), ==,
                   "Reload and Drop Your Changes?");
  respond (_vr_window_get_external_dialog (window), "cancel");
  g_assert_cmpstr (document_title (window), ==, "Mine, unsaved");
  g_assert_true (bar_shown (window));

  /* Reload: the other version shows, and the changes wait in a recovery
   * file for the next start. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.reload", NULL));
  respond (_vr_window_get_external_dialog (window), "reload");
  iterate_until (not_loading, window);
  g_assert_cmpstr (document_title (window), ==, "Theirs");
  g_assert_false (vr_document_get_modified (vr_window_get_document (window)));

  recoveries = vr_recovery_list ();
  g_assert_cmpuint (recoveries->len, ==, 1);
  g_assert_cmpstr (vr_recovery_get_title (g_ptr_array_index (recoveries, 0)), ==, "Mine, unsaved");
  g_assert_true (g_file_equal (vr_recovery_get_original (g_ptr_array_index (recoveries, 0)), file));
  vr_recovery_delete (vr_recovery_get_id (g_ptr_array_index (recoveries, 0)), NULL);

  destroy_window (window);
}

static void
test_external_save_asks (void)
{
  g_autoptr(GFile) file = copy_sample ("asks.json");
  g_autofree char *contents = NULL;
  VrWindow *window = open_window (file);

  set_title (window, "Mine");
  change_behind_back (file, "Theirs");

  /* Even before the bar shows, Save checks the file. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  g_assert_true (has_external_dialog (window));
  g_assert_cmpstr (adw_message_dialog_get_heading (_vr_window_get_external_dialog (window)), ==,
                   "Overwrite the Other Program’s Changes?");
  respond (_vr_window_get_external_dialog (window), "cancel");
  contents = read_file (file);
  g_assert_nonnull (strstr (contents, "\"Theirs\""));
  g_clear_pointer (&contents, g_free);
  g_assert_true (vr_document_get_modified (vr_window_get_document (window)));

  /* Overwrite: ours is written, and the bar goes. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  respond (_vr_window_get_external_dialog (window), "overwrite");
  iterate_until (not_modified, window);
  contents = read_file (file);
  g_assert_nonnull (strstr (contents, "\"Mine\""));
  flush_events ();
  g_assert_false (bar_shown (window));

  destroy_window (window);
}

static void
test_external_keep_mine (void)
{
  g_autoptr(GFile) file = copy_sample ("keep.json");
  g_autofree char *contents = NULL;
  VrWindow *window = open_window (file);

  set_title (window, "Mine");
  change_behind_back (file, "Theirs");
  iterate_until (bar_shown, window);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.keep-mine", NULL));
  g_assert_false (bar_shown (window));
  g_assert_cmpstr (document_title (window), ==, "Mine");

  /* Chosen: Save replaces the other version without asking again. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  g_assert_null (_vr_window_get_external_dialog (window));
  iterate_until (not_modified, window);
  contents = read_file (file);
  g_assert_nonnull (strstr (contents, "\"Mine\""));

  destroy_window (window);
}

static void
test_external_deleted (void)
{
  g_autoptr(GFile) file = copy_sample ("deleted.json");
  g_autofree char *contents = NULL;
  VrWindow *window = open_window (file);

  g_assert_cmpint (g_unlink (g_file_peek_path (file)), ==, 0);
  iterate_until (bar_shown, window);
  g_assert_cmpstr (gtk_label_get_text (bar_label (window)), ==,
                   "The file was deleted or moved by another program. Save writes it again.");
  g_assert_false (gtk_widget_get_visible (window->external_reload_button));

  /* Save writes it again, without asking. */
  set_title (window, "Written again");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  g_assert_null (_vr_window_get_external_dialog (window));
  iterate_until (not_modified, window);
  contents = read_file (file);
  g_assert_nonnull (strstr (contents, "\"Written again\""));
  flush_events ();
  g_assert_false (bar_shown (window));

  destroy_window (window);
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

  tmpdir = g_dir_make_tmp ("variorum-external-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("HOME", tmpdir, TRUE);
  g_setenv ("XDG_DATA_HOME", tmpdir, TRUE);
  g_setenv ("XDG_CONFIG_HOME", tmpdir, TRUE);
  g_setenv ("XDG_CACHE_HOME", tmpdir, TRUE);
  g_setenv ("XDG_STATE_HOME", tmpdir, TRUE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  app = vr_application_new ("io.github.variorum.Variorum.TestExternal", G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  g_application_hold (G_APPLICATION (app));

  g_test_add_func ("/external/own-save", test_external_own_save);
  g_test_add_func ("/external/reload", test_external_reload);
  g_test_add_func ("/external/reload-unsaved", test_external_reload_unsaved);
  g_test_add_func ("/external/save-asks", test_external_save_asks);
  g_test_add_func ("/external/keep-mine", test_external_keep_mine);
  g_test_add_func ("/external/deleted", test_external_deleted);

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
