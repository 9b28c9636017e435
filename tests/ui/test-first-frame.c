/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-first-frame"

#include "config.h"

#include <gio/gio.h>

/* `variorum --exit-after-first-frame FILE` is what the first-frame benchmark
 * runs: it must show the document and exit by itself. */

static const char *
variorum_binary (void)
{
  const char *bin = g_getenv ("VARIORUM_BIN");

  g_assert_nonnull (bin);
  return bin;
}

static void
test_first_frame_sample (void)
{
  const char *sample = g_getenv ("VARIORUM_SAMPLE");
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;

  if (sample == NULL || !g_file_test (sample, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("no sample document");
      return;
    }

  proc = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, &error,
                           variorum_binary (), "--exit-after-first-frame", sample, NULL);
  g_assert_no_error (error);
  g_subprocess_wait_check (proc, NULL, &error);
  g_assert_no_error (error);
}

static void
test_first_frame_empty (void)
{
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;

  proc = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, &error,
                           variorum_binary (), "--exit-after-first-frame", NULL);
  g_assert_no_error (error);
  g_subprocess_wait_check (proc, NULL, &error);
  g_assert_no_error (error);
}

static void
test_first_frame_broken (void)
{
  g_autofree char *broken = g_test_build_filename (G_TEST_DIST, "fixtures", "broken.json", NULL);
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;

  proc = g_subprocess_new (G_SUBPROCESS_FLAGS_STDERR_PIPE | G_SUBPROCESS_FLAGS_STDOUT_SILENCE, &error,
                           variorum_binary (), "--exit-after-first-frame", broken, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (proc, NULL, NULL, NULL, &err, &error);
  g_assert_no_error (error);

  /* A bad file is an error with the loader's message, not a crash. */
  g_assert_true (g_subprocess_get_if_exited (proc));
  g_assert_cmpint (g_subprocess_get_exit_status (proc), ==, 1);
  g_assert_nonnull (strstr (err, "broken.json"));
}

/* Settings, recent files and caches of the test in a folder of its own. */
static char *
isolate_user_dirs (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("variorum-test-XXXXXX", &error);

  g_assert_no_error (error);
  g_setenv ("HOME", dir, TRUE);
  g_setenv ("XDG_DATA_HOME", dir, TRUE);
  g_setenv ("XDG_CONFIG_HOME", dir, TRUE);
  g_setenv ("XDG_CACHE_HOME", dir, TRUE);
  g_setenv ("XDG_STATE_HOME", dir, TRUE);
  g_setenv ("XDG_RUNTIME_DIR", dir, TRUE);

  return dir;
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
  g_autofree char *home = isolate_user_dirs ();
  g_autoptr(GFile) home_file = g_file_new_for_path (home);
  int status;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/first-frame/sample", test_first_frame_sample);
  g_test_add_func ("/first-frame/empty", test_first_frame_empty);
  g_test_add_func ("/first-frame/broken", test_first_frame_broken);

  status = g_test_run ();

  remove_tree (home_file);
  return status;
}
