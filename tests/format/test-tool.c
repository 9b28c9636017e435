/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-tool"

#include "config.h"

#include <string.h>
#include <sys/wait.h>
#include <glib/gstdio.h>

#include "vr-core.h"

/* Runs the built variorum-tool as a person would, from the fixtures folder
 * so that file names in messages are the names typed. */

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static char *
tool_path (void)
{
  return g_test_build_filename (G_TEST_BUILT, "..", "src", "tool", "variorum-tool", NULL);
}

static void
run_tool (Run        *run,
          const char *first,
          ...)
{
  g_autofree char *tool = tool_path ();
  g_autofree char *cwd = g_test_build_filename (G_TEST_DIST, "format", "fixtures", NULL);
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *arg;
  va_list ap;
  int wait_status;

  g_ptr_array_add (args, tool);
  va_start (ap, first);
  for (arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  g_spawn_sync (cwd, (char **) args->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  run->status = WEXITSTATUS (wait_status);
}

static void
test_validate (void)
{
  g_auto(Run) ok = { 0, };
  g_auto(Run) bad = { 0, };
  g_autofree char *expected = NULL;

  run_tool (&ok, "validate", "good-base.json", "good-unknown.json", NULL);
  g_assert_cmpint (ok.status, ==, 0);
  g_assert_cmpstr (ok.out, ==, "");
  g_assert_cmpstr (ok.err, ==, "");

  run_tool (&bad, "validate", "good-base.json", "syntax-comment.json",
            "content-mention-past-end.json", "syntax-empty.json", NULL);
  g_assert_cmpint (bad.status, ==, 1);
  g_assert_cmpstr (bad.out, ==, "");
  expected = g_strjoin ("\n",
    "syntax-comment.json:2:18: found a comment; expected a key in double quotes",
    "content-mention-past-end.json: /mentions/1/end: found end 21 past the end of "
    "the text (20 characters in paragraph “p1”, version “ru”); expected at most 20",
    "syntax-empty.json: the file is empty; expected a JSON object",
    "", NULL);
  g_assert_cmpstr (bad.err, ==, expected);
}

static void
test_usage_errors (void)
{
  g_auto(Run) none = { 0, };
  g_auto(Run) option = { 0, };
  g_auto(Run) stats_two = { 0, };
  g_auto(Run) help = { 0, };

  run_tool (&none, "validate", NULL);
  g_assert_cmpint (none.status, ==, 2);
  g_assert_nonnull (strstr (none.err, "no file given"));

  run_tool (&option, "normalize", "--bogus", "good-base.json", NULL);
  g_assert_cmpint (option.status, ==, 2);
  g_assert_nonnull (strstr (option.err, "--bogus"));

  run_tool (&stats_two, "stats", "good-base.json", "good-unknown.json", NULL);
  g_assert_cmpint (stats_two.status, ==, 2);

  run_tool (&help, "normalize", "--help", NULL);
  g_assert_cmpint (help.status, ==, 0);
  g_assert_nonnull (strstr (help.out, "--output"));
}

static void
test_stats (void)
{
  g_auto(Run) run = { 0, };
  g_auto(Run) bad = { 0, };

  run_tool (&run, "stats", "good-base.json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==,
                   "{\"paragraphs\":2,\"versions\":2,\"entities\":{\"person\":1,"
                   "\"organization\":0,\"place\":0,\"event\":0,\"other\":0,\"total\":1},"
                   "\"variants\":2,\"mentions\":3,\"annotations\":1,\"decisions\":1}\n");
  g_assert_cmpstr (run.err, ==, "");

  run_tool (&bad, "stats", "content-newer-version.json", NULL);
  g_assert_cmpint (bad.status, ==, 1);
  g_assert_cmpstr (bad.out, ==, "");
  g_assert_true (g_str_has_prefix (bad.err, "content-newer-version.json: /variorum: "));
}

static void
test_normalize (void)
{
  g_auto(Run) run = { 0, };
  g_auto(Run) to_file = { 0, };
  g_auto(Run) again = { 0, };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("variorum-tool-XXXXXX", &error);
  g_autofree char *out = g_build_filename (dir, "out.json", NULL);
  g_autofree char *backup = g_strconcat (out, "~", NULL);
  g_autofree char *written = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "format", "fixtures",
                                                    "good-unknown.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (fixture);
  g_autoptr(VrDocument) doc = vr_document_load_file (file, NULL, &error);
  g_autoptr(GBytes) canonical = NULL;

  g_assert_no_error (error);
  canonical = vr_document_serialize (doc);

  run_tool (&run, "normalize", "good-unknown.json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, g_bytes_get_data (canonical, NULL));

  g_file_set_contents (out, "old", -1, &error);
  g_assert_no_error (error);
  run_tool (&to_file, "normalize", "good-unknown.json", "-o", out, NULL);
  g_assert_cmpint (to_file.status, ==, 0);
  g_assert_cmpstr (to_file.out, ==, "");
  g_file_get_contents (out, &written, NULL, &error);
  g_assert_cmpstr (written, ==, g_bytes_get_data (canonical, NULL));
  g_file_get_contents (backup, &kept, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (kept, ==, "old");

  /* Normalizing the normal form changes nothing. */
  run_tool (&again, "normalize", out, NULL);
  g_assert_cmpint (again.status, ==, 0);
  g_assert_cmpstr (again.out, ==, written);

  g_unlink (out);
  g_unlink (backup);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/format/tool/validate", test_validate);
  g_test_add_func ("/format/tool/usage", test_usage_errors);
  g_test_add_func ("/format/tool/stats", test_stats);
  g_test_add_func ("/format/tool/normalize", test_normalize);

  return g_test_run ();
}
