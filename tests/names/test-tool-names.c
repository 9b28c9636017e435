/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *r)
{
  g_clear_pointer (&r->out, g_free);
  g_clear_pointer (&r->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static void
run_tool (Run         *r,
          const char  *input,
          const char  *first,
          ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  const char *arg;
  va_list ap;

  g_ptr_array_add (argv, (gpointer) VARIORUM_TOOL_PATH);
  va_start (ap, first);
  for (arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (argv, NULL);

  proc = g_subprocess_newv ((const char * const *) argv->pdata,
                            G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                            G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (proc, input ? input : "", NULL, &r->out, &r->err, &error);
  g_assert_no_error (error);
  r->status = g_subprocess_get_exit_status (proc);
}

static void
test_tool_romanize (void)
{
  g_auto(Run) r = { 0 };
  g_auto(Run) plain = { 0 };
  g_auto(Run) none = { 0 };
  g_auto(Run) bad = { 0 };
  g_auto(GStrv) lines = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *o;

  run_tool (&r, NULL, "romanize", "--json", "최창익", "박정애", NULL);
  g_assert_cmpint (r.status, ==, 0);
  lines = g_strsplit (g_strstrip (r.out), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 2);
  g_assert_true (json_parser_load_from_data (parser, lines[0], -1, NULL));
  o = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (o, "hangul"), ==, "최창익");
  g_assert_cmpstr (json_object_get_string_member (o, "rr"), ==, "Choe Chang-ik");
  g_assert_cmpstr (json_object_get_string_member (o, "mr"), ==, "Ch'oe Ch'ang-ik");
  g_assert_cmpstr (json_object_get_string_member (o, "mr_ascii"), ==, "Choe Chang-ik");
  g_assert_cmpstr (json_object_get_string_member (o, "kontsevich"), ==, "Чхве Чханъик");
  g_assert_true (JSON_NODE_HOLDS_ARRAY (json_object_get_member (o, "rr_surname_alternatives")));
  g_assert_true (json_parser_load_from_data (parser, lines[1], -1, NULL));
  o = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (o, "mr"), ==, "Pak Chŏng-ae");

  run_tool (&plain, NULL, "romanize", "김두봉", NULL);
  g_assert_cmpint (plain.status, ==, 0);
  g_assert_nonnull (strstr (plain.out, "Kim Tu-bong"));
  g_assert_nonnull (strstr (plain.out, "Kim Du-bong"));

  run_tool (&none, NULL, "romanize", NULL);
  g_assert_cmpint (none.status, ==, 2);
  g_assert_cmpstr (none.out, ==, "");
  g_assert_nonnull (strstr (none.err, "romanize"));

  run_tool (&bad, NULL, "romanize", "Kim", NULL);
  g_assert_cmpint (bad.status, ==, 1);
  g_assert_nonnull (strstr (bad.err, "not a Hangul name"));
}

static void
test_tool_key (void)
{
  g_auto(Run) r = { 0 };
  g_auto(GStrv) lines = NULL;

  run_tool (&r, NULL, "key", "Jeong Il-lyong", "Jeong Il-ryong", "Yung Kong-hum", NULL);
  g_assert_cmpint (r.status, ==, 0);
  lines = g_strsplit (g_strstrip (r.out), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], "\t", -1);
      g_assert_cmpuint (g_strv_length (fields), ==, 3);
      g_assert_cmpstr (fields[1], !=, "");
      g_assert_cmpstr (fields[2], !=, "");
    }
  g_assert_true (g_str_has_prefix (lines[0], "Jeong Il-lyong\tCONG:ILYONG\t"));
  g_assert_true (g_str_has_prefix (lines[1], "Jeong Il-ryong\tCONG:ILYONG\t"));
}

static void
test_tool_cluster (void)
{
  const char *input = "Kim Il Sung\n\nKim Il-sung\r\nKim Il\n  \nKim Il Sung\nNam Il\n";
  g_auto(Run) json = { 0 };
  g_auto(Run) plain = { 0 };
  g_auto(Run) tier = { 0 };
  g_auto(Run) extra = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *groups;

  run_tool (&json, input, "cluster", "--json", NULL);
  g_assert_cmpint (json.status, ==, 0);
  json_parser_load_from_data (parser, json.out, -1, &error);
  g_assert_no_error (error);
  groups = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (groups), ==, 3);
  g_assert_cmpuint (json_array_get_length (json_array_get_array_element (groups, 0)), ==, 2);
  g_assert_cmpstr (json_array_get_string_element (json_array_get_array_element (groups, 0), 1), ==,
                   "Kim Il-sung");
  g_assert_cmpstr (json_array_get_string_element (json_array_get_array_element (groups, 1), 0), ==,
                   "Kim Il");

  run_tool (&plain, input, "cluster", "--tier", "2", NULL);
  g_assert_cmpint (plain.status, ==, 0);
  g_assert_true (g_str_has_prefix (plain.out, "0."));
  g_assert_nonnull (strstr (plain.out, "\tKim Il Sung\tKim Il-sung\n"));

  {
    g_auto(Run) bad = { 0 };
    run_tool (&bad, "Kim Il\nKim \xff\n", "cluster", NULL);
    g_assert_cmpint (bad.status, ==, 1);
    g_assert_nonnull (strstr (bad.err, "line 2"));
  }

  run_tool (&tier, input, "cluster", "--tier", "3", NULL);
  g_assert_cmpint (tier.status, ==, 2);
  run_tool (&extra, input, "cluster", "Kim Il", NULL);
  g_assert_cmpint (extra.status, ==, 2);
}

static void
test_tool_find (void)
{
  g_autofree char *dir = g_dir_make_tmp ("vr-find-XXXXXX", NULL);
  g_autofree char *names = g_build_filename (dir, "names.txt", NULL);
  g_autofree char *text = g_build_filename (dir, "text.txt", NULL);
  g_autofree char *expected = NULL;
  g_auto(Run) r = { 0 };
  g_auto(Run) count = { 0 };
  g_auto(Run) usage = { 0 };
  g_auto(Run) missing = { 0 };

  g_assert_true (g_file_set_contents (names, "Kim Il\nKim Il Sung\n\nNam Il\nKim [Gan]\n", -1, NULL));
  g_assert_true (g_file_set_contents (text, "KIM IL SUNG and Kim Il; Kim [Gan] — Nam Ils\n", -1, NULL));

  run_tool (&r, NULL, "find", "--names", names, text, NULL);
  g_assert_cmpint (r.status, ==, 0);
  expected = g_strdup_printf ("%s\t0\t11\tKim Il Sung\n%s\t16\t6\tKim Il\n%s\t24\t9\tKim [Gan]\n",
                              text, text, text);
  g_assert_cmpstr (r.out, ==, expected);

  run_tool (&count, NULL, "find", "--names", names, "--count", text, text, NULL);
  g_assert_cmpint (count.status, ==, 0);
  g_assert_cmpstr (count.out, ==, "6\n");

  run_tool (&usage, NULL, "find", text, NULL);
  g_assert_cmpint (usage.status, ==, 2);
  run_tool (&missing, NULL, "find", "--names", "/nonexistent/names.txt", text, NULL);
  g_assert_cmpint (missing.status, ==, 1);

  g_unlink (names);
  g_unlink (text);
  g_rmdir (dir);
}

static void
test_tool_help (void)
{
  const char *commands[] = { "romanize", "key", "cluster", "find" };

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto(Run) r = { 0 };

      run_tool (&r, NULL, commands[i], "--help", NULL);
      g_assert_cmpint (r.status, ==, 0);
      g_assert_nonnull (strstr (r.out, "Usage"));
      g_assert_nonnull (strstr (r.out, commands[i]));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/names/tool/romanize", test_tool_romanize);
  g_test_add_func ("/names/tool/key", test_tool_key);
  g_test_add_func ("/names/tool/cluster", test_tool_cluster);
  g_test_add_func ("/names/tool/find", test_tool_find);
  g_test_add_func ("/names/tool/help", test_tool_help);

  return g_test_run ();
}
