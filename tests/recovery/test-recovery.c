/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-recovery"

#include "config.h"

#include <sys/stat.h>
#include <glib/gstdio.h>

#include "vr-core.h"

static char *tmpdir;

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

  return document;
}

static void
remove_all (void)
{
  g_autoptr(GPtrArray) list = vr_recovery_list ();
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < list->len; i++)
    {
      vr_recovery_delete (vr_recovery_get_id (g_ptr_array_index (list, i)), &error);
      g_assert_no_error (error);
    }
}

static void
test_recovery_dir (void)
{
  g_autofree char *dir = vr_recovery_dup_dir ();
  g_autofree char *expected = g_build_filename (tmpdir, "variorum", "recovery", NULL);

  /* Under the user's state folder, which the test points at a temporary one. */
  g_assert_cmpstr (dir, ==, expected);
}

static void
test_recovery_ids (void)
{
  g_autoptr(GFile) a = g_file_new_for_path ("/home/someone/telegram.json");
  g_autoptr(GFile) b = g_file_new_for_path ("/home/someone/other.json");
  g_autoptr(GFile) a2 = g_file_new_for_path ("/home/someone/./telegram.json");
  g_autofree char *id_a = vr_recovery_dup_id (a);
  g_autofree char *id_a2 = vr_recovery_dup_id (a2);
  g_autofree char *id_b = vr_recovery_dup_id (b);
  g_autofree char *new1 = vr_recovery_new_id ();
  g_autofree char *new2 = vr_recovery_new_id ();

  /* The same file always has the same recovery; a path is never the name. */
  g_assert_cmpstr (id_a, ==, id_a2);
  g_assert_cmpstr (id_a, !=, id_b);
  g_assert_null (strchr (id_a, '/'));
  g_assert_cmpstr (new1, !=, new2);
}

static void
test_recovery_round_trip (void)
{
  g_autoptr(VrDocument) document = load_sample ();
  g_autoptr(GFile) original = g_object_ref (vr_document_get_file (document));
  g_autofree char *id = vr_recovery_dup_id (original);
  g_autofree char *dir = vr_recovery_dup_dir ();
  g_autofree char *json_path = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(VrDocument) restored = NULL;
  g_autoptr(GBytes) expected = NULL;
  g_autoptr(GBytes) actual = NULL;
  g_autoptr(GDateTime) before = g_date_time_new_now_utc ();
  g_autoptr(GError) error = NULL;
  VrRecovery *entry;
  GStatBuf st;

  remove_all ();
  vr_metadata_set_title (vr_document_get_metadata (document), "Telegram <b>254</b>");
  vr_document_set_modified (document, TRUE);

  g_assert_true (vr_recovery_save (document, id, "Edit Title", &error));
  g_assert_no_error (error);

  /* Private: the folder and the files are the user's alone. */
  g_assert_cmpint (g_stat (dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  json_path = g_strconcat (dir, "/", id, ".json", NULL);
  g_assert_cmpint (g_stat (json_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  list = vr_recovery_list ();
  g_assert_cmpuint (list->len, ==, 1);
  entry = g_ptr_array_index (list, 0);
  g_assert_cmpstr (vr_recovery_get_id (entry), ==, id);
  g_assert_true (g_file_equal (vr_recovery_get_original (entry), original));
  g_assert_cmpstr (vr_recovery_get_title (entry), ==, "Telegram <b>254</b>");
  g_assert_cmpstr (vr_recovery_get_label (entry), ==, "Edit Title");
  g_assert_cmpint (g_date_time_compare (vr_recovery_get_time (entry), before), >=, 0);

  /* The recovery file is itself a document; restored, it is unsaved and
   * its file is the original, so that Save writes there. */
  restored = vr_recovery_load (entry, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (vr_document_get_modified (restored));
  g_assert_true (g_file_equal (vr_document_get_file (restored), original));
  g_assert_cmpstr (vr_metadata_get_title (vr_document_get_metadata (restored)), ==, "Telegram <b>254</b>");
  expected = vr_document_serialize (document);
  actual = vr_document_serialize (restored);
  g_assert_true (g_bytes_equal (expected, actual));

  g_assert_true (vr_recovery_delete (id, &error));
  g_assert_no_error (error);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = vr_recovery_list ();
  g_assert_cmpuint (list->len, ==, 0);
  g_assert_false (g_file_test (json_path, G_FILE_TEST_EXISTS));

  /* Deleting what is gone is no error. */
  g_assert_true (vr_recovery_delete (id, &error));
  g_assert_no_error (error);
}

static void
test_recovery_replace_and_order (void)
{
  g_autoptr(VrDocument) document = load_sample ();
  g_autoptr(VrDocument) untitled = load_sample ();
  g_autofree char *id = vr_recovery_dup_id (vr_document_get_file (document));
  g_autofree char *untitled_id = vr_recovery_new_id ();
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(VrDocument) restored = NULL;
  g_autoptr(GError) error = NULL;

  remove_all ();
  /* As an imported document: never saved. */
  vr_document_set_file (untitled, NULL);
  g_assert_true (vr_recovery_save (document, id, "Tag “Yun”", &error));
  g_assert_no_error (error);
  g_assert_true (vr_recovery_save (untitled, untitled_id, NULL, &error));
  g_assert_no_error (error);
  /* A newer save of the same document replaces its recovery. */
  g_assert_true (vr_recovery_save (document, id, "Rename Entity", &error));
  g_assert_no_error (error);

  list = vr_recovery_list ();
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpstr (vr_recovery_get_id (g_ptr_array_index (list, 0)), ==, id);
  g_assert_cmpstr (vr_recovery_get_label (g_ptr_array_index (list, 0)), ==, "Rename Entity");
  g_assert_cmpstr (vr_recovery_get_id (g_ptr_array_index (list, 1)), ==, untitled_id);
  g_assert_null (vr_recovery_get_label (g_ptr_array_index (list, 1)));
  g_assert_null (vr_recovery_get_original (g_ptr_array_index (list, 1)));

  /* A document never saved comes back without a file: Save asks where. */
  restored = vr_recovery_load (g_ptr_array_index (list, 1), NULL, &error);
  g_assert_no_error (error);
  g_assert_null (vr_document_get_file (restored));
  g_assert_true (vr_document_get_modified (restored));

  remove_all ();
}

static void
test_recovery_incomplete_skipped (void)
{
  g_autofree char *dir = vr_recovery_dup_dir ();
  g_autofree char *lone_json = g_build_filename (dir, "file-0123.json", NULL);
  g_autofree char *bad_info = g_build_filename (dir, "file-4567.info", NULL);
  g_autofree char *bad_json = g_build_filename (dir, "file-4567.json", NULL);
  g_autofree char *evil_info = g_build_filename (dir, "..evil.info", NULL);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;

  remove_all ();
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  /* A document whose info never got written (killed in between), an info
   * without a time, and a name that is not an ID: none is offered. */
  g_assert_true (g_file_set_contents (lone_json, "{}", -1, &error));
  g_assert_true (g_file_set_contents (bad_info, "[Recovery]\nTitle=x\n", -1, &error));
  g_assert_true (g_file_set_contents (bad_json, "{}", -1, &error));
  g_assert_true (g_file_set_contents (evil_info, "[Recovery]\nTime=2026-01-01T00:00:00Z\n", -1, &error));
  g_assert_no_error (error);

  list = vr_recovery_list ();
  g_assert_cmpuint (list->len, ==, 0);

  g_unlink (lone_json);
  g_unlink (bad_info);
  g_unlink (bad_json);
  g_unlink (evil_info);
}

static void
on_saved_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (vr_recovery_save_finish (result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

static void
test_recovery_async (void)
{
  g_autoptr(VrDocument) document = load_sample ();
  g_autofree char *id = vr_recovery_new_id ();
  g_autoptr(GPtrArray) list = NULL;
  gboolean done = FALSE;

  remove_all ();
  vr_recovery_save_async (document, id, "Add Note", NULL, on_saved_cb, &done);
  /* Serialized before returning: later edits do not race the worker. */
  vr_metadata_set_title (vr_document_get_metadata (document), "Changed afterwards");
  while (!done)
    g_main_context_iteration (NULL, TRUE);

  list = vr_recovery_list ();
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (vr_recovery_get_label (g_ptr_array_index (list, 0)), ==, "Add Note");
  g_assert_cmpstr (vr_recovery_get_title (g_ptr_array_index (list, 0)), !=, "Changed afterwards");

  remove_all ();
}

static void
on_changed_cb (VrHistory *history,
               guint     *count)
{
  (*count)++;
}

static void
test_recovery_history_changed (void)
{
  g_autoptr(VrDocument) document = load_sample ();
  g_autoptr(VrHistory) history = vr_history_new (document);
  VrMetadata *metadata = vr_document_get_metadata (document);
  g_autoptr(VrCommand) first = vr_command_set_string_new (metadata, "title", "One");
  g_autoptr(VrCommand) second = vr_command_set_string_new (metadata, "title", "Two");
  guint count = 0;

  g_signal_connect (history, "changed", G_CALLBACK (on_changed_cb), &count);

  /* Two steps with the same label change no property of the history, but
   * each is a change that autosave must see. */
  vr_history_push (history, first);
  vr_history_push (history, second);
  g_assert_cmpuint (count, ==, 2);
  vr_history_undo (history);
  vr_history_redo (history);
  g_assert_cmpuint (count, ==, 4);
  /* Nothing to undo past the start: no change, no signal. */
  vr_history_undo (history);
  vr_history_undo (history);
  vr_history_undo (history);
  g_assert_cmpuint (count, ==, 6);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  tmpdir = g_dir_make_tmp ("variorum-recovery-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_STATE_HOME", tmpdir, TRUE);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/recovery/dir", test_recovery_dir);
  g_test_add_func ("/recovery/ids", test_recovery_ids);
  g_test_add_func ("/recovery/round-trip", test_recovery_round_trip);
  g_test_add_func ("/recovery/replace-and-order", test_recovery_replace_and_order);
  g_test_add_func ("/recovery/incomplete-skipped", test_recovery_incomplete_skipped);
  g_test_add_func ("/recovery/async", test_recovery_async);
  g_test_add_func ("/recovery/history-changed", test_recovery_history_changed);

  status = g_test_run ();

  {
    g_autofree char *dir = vr_recovery_dup_dir ();
    g_autofree char *parent = g_path_get_dirname (dir);

    g_rmdir (dir);
    g_rmdir (parent);
    g_rmdir (tmpdir);
  }
  g_free (tmpdir);

  return status;
}
