/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <sys/wait.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "vr-core.h"

#define SEED_COPY SOURCE_SAMPLEDIR "/telegram-254.seed.txt"

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
run_tool (Run *run,
          ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *arg;
  int wait_status = 0;
  va_list args;

  g_ptr_array_add (argv, (char *) VARIORUM_TOOL_PATH);
  va_start (args, run);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &wait_status, &error);
  g_assert_no_error (error);
  run->status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
}

static void
test_import_stdout (void)
{
  g_auto(Run) run = { 0, };
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VrDocument) doc = NULL;

  run_tool (&run, "import", SEED_COPY, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");

  bytes = g_bytes_new (run.out, strlen (run.out));
  doc = vr_document_load_bytes (bytes, "stdout", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (vr_document_get_paragraphs (doc)), ==, 61);
  g_assert_cmpstr (vr_metadata_get_date (vr_document_get_metadata (doc)), ==, "1956-09-15");
  g_assert_nonnull (vr_document_lookup_entity (doc, "yun-gong-heum"));
  g_assert_cmpuint (g_list_model_get_n_items (vr_document_get_mentions (doc)), >, 80);
}

static void
test_import_output (void)
{
  g_auto(Run) run = { 0, };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("vr-import-XXXXXX", &error);
  g_autofree char *out = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *contents = NULL;

  g_assert_no_error (error);
  out = g_build_filename (dir, "telegram.json", NULL);
  backup = g_strconcat (out, "~", NULL);
  g_file_set_contents (out, "old", -1, &error);
  g_assert_no_error (error);

  run_tool (&run, "import", SEED_COPY, "-o", out, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "");

  /* Saved atomically, the old file kept as OUT~. */
  g_file_get_contents (backup, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (contents, ==, "old");
  g_clear_pointer (&contents, g_free);
  run_clear (&run);
  run_tool (&run, "validate", out, NULL);
  g_assert_cmpint (run.status, ==, 0);

  g_unlink (out);
  g_unlink (backup);
  g_rmdir (dir);
}

static void
test_import_errors (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("vr-import-XXXXXX", &error);
  g_autofree char *empty = g_build_filename (dir, "empty.txt", NULL);
  g_autofree char *latin1 = g_build_filename (dir, "latin1.txt", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.txt", NULL);
  g_autofree char *prefix = NULL;

  g_assert_no_error (error);
  g_file_set_contents (empty, "\n  \n", -1, &error);
  g_assert_no_error (error);
  g_file_set_contents (latin1, "Kim Il Sung\nM\xe9morandum\n", -1, &error);
  g_assert_no_error (error);

  {
    g_auto(Run) run = { 0, };

    run_tool (&run, "import", empty, NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_cmpstr (run.out, ==, "");
    prefix = g_strconcat (empty, ": ", NULL);
    g_assert_true (g_str_has_prefix (run.err, prefix));
    g_assert_nonnull (strstr (run.err, "empty"));
    g_clear_pointer (&prefix, g_free);
  }
  {
    g_auto(Run) run = { 0, };

    run_tool (&run, "import", latin1, NULL);
    g_assert_cmpint (run.status, ==, 1);
    prefix = g_strconcat (latin1, ":2: ", NULL);
    g_assert_true (g_str_has_prefix (run.err, prefix));
    g_assert_nonnull (strstr (run.err, "UTF-8"));
    g_clear_pointer (&prefix, g_free);
  }
  {
    g_auto(Run) run = { 0, };

    run_tool (&run, "import", missing, NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, missing));
  }
  {
    g_auto(Run) run = { 0, };

    run_tool (&run, "import", NULL);
    g_assert_cmpint (run.status, ==, 2);
  }
  {
    g_auto(Run) run = { 0, };

    run_tool (&run, "import", "--bogus", SEED_COPY, NULL);
    g_assert_cmpint (run.status, ==, 2);
  }

  g_unlink (empty);
  g_unlink (latin1);
  g_rmdir (dir);
}

static void
test_variants (void)
{
  const char *sample = g_getenv ("VARIORUM_SAMPLE");

  {
    g_auto(Run) run = { 0, };

    run_tool (&run, "variants", sample, NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_true (g_str_has_prefix (run.out, "record,entity_id,entity_name,kind,spelling,"
                                              "system,status,occurrences,first_paragraph,"
                                              "other_spelling,verdict\r\n"));
    g_assert_true (g_str_has_suffix (run.out, "decision,,,,Yun Gong-heum,,,,,Yung Kong-hum,same\r\n"));
  }
  {
    g_auto(Run) run = { 0, };
    g_auto(Run) run_csv = { 0, };

    run_tool (&run, "variants", "--format", "csv", sample, NULL);
    run_tool (&run_csv, "variants", sample, NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.out, ==, run_csv.out);
  }
  {
    g_auto(Run) run = { 0, };
    g_autoptr(JsonParser) parser = json_parser_new ();
    g_autoptr(GError) error = NULL;
    JsonObject *root;

    run_tool (&run, "variants", "--format", "json", sample, NULL);
    g_assert_cmpint (run.status, ==, 0);
    json_parser_load_from_data (parser, run.out, -1, &error);
    g_assert_no_error (error);
    root = json_node_get_object (json_parser_get_root (parser));
    g_assert_true (json_object_has_member (root, "variants"));
    g_assert_true (json_object_has_member (root, "decisions"));
  }
  {
    g_auto(Run) run = { 0, };

    run_tool (&run, "variants", "--format", "xml", sample, NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_cmpstr (run.out, ==, "");
  }
  {
    g_auto(Run) run = { 0, };

    /* A text file is not a document: the loader's message names it. */
    run_tool (&run, "variants", SEED_COPY, NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_true (g_str_has_prefix (run.err, SEED_COPY ":"));
  }
  {
    g_auto(Run) run = { 0, };

    run_tool (&run, "variants", NULL);
    g_assert_cmpint (run.status, ==, 2);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tool-import/import-stdout", test_import_stdout);
  g_test_add_func ("/tool-import/import-output", test_import_output);
  g_test_add_func ("/tool-import/import-errors", test_import_errors);
  g_test_add_func ("/tool-import/variants", test_variants);

  return g_test_run ();
}
