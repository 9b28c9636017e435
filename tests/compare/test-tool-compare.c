/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-tool-compare"

#include "config.h"

#include <sys/wait.h>

#include "vr-core.h"
#include "vr-compare.h"

/* Runs the built variorum-tool normalize-names as a person would, from the
 * fixtures folder so that file names in messages are the names typed. */

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

static void
run_tool (Run        *run,
          const char *first,
          ...)
{
  g_autofree char *cwd = g_test_build_filename (G_TEST_DIST, "compare", "fixtures", NULL);
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *arg;
  va_list ap;
  int wait_status;

  g_ptr_array_add (args, (gpointer) VARIORUM_TOOL_PATH);
  g_ptr_array_add (args, (gpointer) "normalize-names");
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

/* The tool prints what the library computes, one paragraph a line. */
static void
test_sample (gconstpointer data)
{
  const char *system_name = data;
  const char *sample = g_getenv ("VARIORUM_SAMPLE");
  g_autoptr(GFile) file = g_file_new_for_path (sample);
  g_autoptr(VrDocument) doc = vr_document_load_file (file, NULL, NULL);
  g_autoptr(GPtrArray) result = NULL;
  g_autoptr(GString) expected = g_string_new (NULL);
  g_auto(GStrv) lines = NULL;
  g_auto(Run) run = { 0, };
  VrNormalizeSystem system;

  g_assert_true (vr_normalize_system_from_string (system_name, &system));
  result = vr_normalize_version (doc, "en", system, NULL);
  for (guint i = 0; i < result->len; i++)
    {
      VrNormalizedParagraph *np = g_ptr_array_index (result, i);
      g_autofree char *line = g_strdup (np->text);

      g_strdelimit (line, "\n", ' ');
      g_string_append_printf (expected, "%s\n", line);
    }

  run_tool (&run, "--system", system_name, sample, NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, expected->str);

  lines = g_strsplit (run.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 61 + 1);
  /* p48: "Yun Gong-heum, So Hwi, Ri Pil-gyu, and Kim [Gan], feeling…" */
  if (g_str_equal (system_name, "rr"))
    g_assert_true (g_str_has_prefix (lines[47], "Yun Gong-heum, Seo Hwi, Ri Pil-gyu, and Kim Gang, feeling"));
  else if (g_str_equal (system_name, "mr"))
    g_assert_true (g_str_has_prefix (lines[47], "Yun Kong-hŭm, Sŏ Hwi, Yi P'il-gyu, and Kim Kang, feeling"));
  else
    g_assert_true (g_str_has_prefix (lines[47], "Yun Gong-heum, So Hwi, Ri Pil-gyu, and Kim [Gan], feeling"));
}

static void
test_fixture_versions (void)
{
  g_auto(Run) first = { 0, };
  g_auto(Run) alt = { 0, };
  g_auto(Run) gap = { 0, };
  g_auto(GStrv) gap_lines = NULL;

  /* The first version by default; a line break inside p4 becomes a space. */
  run_tool (&first, "--system", "rr", "two-versions.json", NULL);
  g_assert_cmpint (first.status, ==, 0);
  g_assert_cmpstr (first.out, ==,
                   "Yun Gong-heum spoke at the Plenum of the KWP CC.\n"
                   "Yun's speech caused a heated reaction from the CC leadership. "
                   "Kim Il-seong interrupted him and spoke of Stalin.\n"
                   "Deputy Minister of Defense Kim [Won Sun] was called to account.\n"
                   "Seo Hwi and Kim Gang crossed the Chinese border. "
                   "Seo Hwi had been chairman of the trade unions.\n"
                   "Choe Chang-ik defended Yun. Choe was later expelled.\n");

  /* p7 has no "en-alt" text: an empty line keeps line N paragraph N. */
  run_tool (&gap, "--system", "preferred", "align-by-id.json", NULL);
  g_assert_cmpint (gap.status, ==, 0);
  g_assert_true (g_str_has_suffix (gap.out, "\nA note found only in this file.\n\n"));
  gap_lines = g_strsplit (gap.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (gap_lines), ==, 6 + 1);

  run_tool (&alt, "--system", "mr", "--version", "en-alt", "two-versions.json", NULL);
  g_assert_cmpint (alt.status, ==, 0);
  g_assert_cmpstr (alt.out, ==,
                   "Yun Kong-hŭm made a speech at the Plenum of the KWP CC.\n"
                   "The speech of Yun caused an angry reaction from the CC leadership. "
                   "Kim Il-sŏng interrupted him and spoke of Stalin.\n"
                   "Kim [Won Sun], Deputy Minister of Defense, was called to account.\n"
                   "Sŏ Hwi and Kim Kang crossed the border into China.\n"
                   "Ch'oe Ch'ang-ik spoke in defence of Yun; Ch'oe was expelled later.\n");
}

static void
test_errors (void)
{
  g_auto(Run) version = { 0, };
  g_auto(Run) system = { 0, };
  g_auto(Run) missing = { 0, };
  g_auto(Run) no_system = { 0, };
  g_auto(Run) no_file = { 0, };
  g_auto(Run) two_files = { 0, };
  g_auto(Run) bad_option = { 0, };

  run_tool (&version, "--system", "rr", "--version", "fr", "two-versions.json", NULL);
  g_assert_cmpint (version.status, ==, 1);
  g_assert_cmpstr (version.out, ==, "");
  g_assert_cmpstr (version.err, ==,
                   "two-versions.json: no version “fr”; the versions are: en, en-alt\n");

  run_tool (&system, "--system", "kontsevich", "two-versions.json", NULL);
  g_assert_cmpint (system.status, ==, 1);
  g_assert_cmpstr (system.err, ==,
                   "variorum-tool normalize-names: unknown system “kontsevich”; "
                   "expected rr, mr, mr-ascii or preferred\n");

  /* The loader's own message, naming the file as typed. */
  run_tool (&missing, "--system", "rr", "no-such-file.json", NULL);
  g_assert_cmpint (missing.status, ==, 1);
  g_assert_cmpstr (missing.out, ==, "");
  g_assert_true (g_str_has_prefix (missing.err, "no-such-file.json: "));

  run_tool (&no_system, "two-versions.json", NULL);
  g_assert_cmpint (no_system.status, ==, 2);
  g_assert_nonnull (strstr (no_system.err, "--system is required"));

  run_tool (&no_file, "--system", "rr", NULL);
  g_assert_cmpint (no_file.status, ==, 2);

  run_tool (&two_files, "--system", "rr", "two-versions.json", "align-by-id.json", NULL);
  g_assert_cmpint (two_files.status, ==, 2);

  run_tool (&bad_option, "--sytem", "rr", "two-versions.json", NULL);
  g_assert_cmpint (bad_option.status, ==, 2);
  g_assert_cmpstr (bad_option.out, ==, "");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/compare/tool/sample/rr", "rr", test_sample);
  g_test_add_data_func ("/compare/tool/sample/mr", "mr", test_sample);
  g_test_add_data_func ("/compare/tool/sample/preferred", "preferred", test_sample);
  g_test_add_func ("/compare/tool/fixture-versions", test_fixture_versions);
  g_test_add_func ("/compare/tool/errors", test_errors);

  return g_test_run ();
}
