/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fuzz-replay"

#include "config.h"

#include <gio/gio.h>

#include "fuzz-common.h"

/* Runs a fuzz target's body over files without libFuzzer, one test case
 * per file: the regressions (inputs that once crashed) and the seed corpus
 * run in every build, with the sanitizers when they are on. */

static void
replay_file (gconstpointer data)
{
  const char *path = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize len = 0;

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);
  g_assert_cmpint (LLVMFuzzerTestOneInput ((const uint8_t *) contents, len), ==, 0);
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

static void
collect (const char *path,
         GPtrArray  *files)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  /* A target's regression folder exists once it has kept an input. */
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return;
  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_ptr_array_add (files, g_strdup (path));
      return;
    }
  dir = g_dir_open (path, 0, NULL);
  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      if (name[0] == '.' || g_str_equal (name, "README.md"))
        continue;
      g_ptr_array_add (files, g_build_filename (path, name, NULL));
    }
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  const char *target;
  int status;

  g_test_init (&argc, &argv, NULL);
  LLVMFuzzerInitialize (&argc, &argv);

  /* argv[1] names the target in test paths; the rest are files or folders,
   * relative to G_TEST_SRCDIR. */
  g_assert_cmpint (argc, >=, 3);
  target = argv[1];
  for (int i = 2; i < argc; i++)
    {
      g_autofree char *path = g_path_is_absolute (argv[i])
        ? g_strdup (argv[i])
        : g_test_build_filename (G_TEST_DIST, argv[i], NULL);

      collect (path, files);
    }
  g_ptr_array_sort (files, compare_paths);

  for (guint i = 0; i < files->len; i++)
    {
      const char *file = g_ptr_array_index (files, i);
      g_autofree char *base = g_path_get_basename (file);
      g_autofree char *dirname = g_path_get_dirname (file);
      g_autofree char *parent = g_path_get_basename (dirname);
      g_autofree char *test_path = g_strdup_printf ("/fuzz/%s/%s/%s", target, parent, base);

      g_test_add_data_func (test_path, file, replay_file);
    }

  status = g_test_run ();
  return status;
}
