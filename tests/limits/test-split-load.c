/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-split-load"

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "vr-core.h"
#include "vr-model-private.h"

/* A big document (4 MB or more) is parsed in two parts at once, cut in
 * whichever top-level array balances the parts: the paragraphs of a long
 * text, the mentions of a heavily tagged one. A file on disk is mapped and
 * cut by writing over a few separators of a private mapping; other data is
 * cut by copying. Whatever the path, the document must be the one in the
 * file (saved back byte for byte), the file must stay untouched, and an
 * error must name its place as if the file had been read in one piece. */

typedef enum
{
  LONG_TEXT,      /* big paragraphs, few mentions: cut in /paragraphs */
  MANY_MENTIONS,  /* short paragraphs, many mentions: cut in /mentions */
} Shape;

static const char *names[] = { "Yun Gong-heum", "Yung Kong-hum", "Choe Chang-ik", "So Hwi" };

/* Generates a document, then returns it as the writer writes it: loading
 * and saving that must give the same bytes. */
static GBytes *
generate_canonical (Shape shape)
{
  guint n_paragraphs = shape == LONG_TEXT ? 3000 : 100;
  guint n_repeat = shape == LONG_TEXT ? 20 : 1;
  guint mentions_per_paragraph = shape == LONG_TEXT ? 2 : 700;
  g_autoptr(GString) s = g_string_new (NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VrDocument) doc = NULL;
  gboolean first = TRUE;

  g_string_append (s, "{\"variorum\": 1, \"id\": \"split\", \"metadata\": {\"title\": \"Split\"},\n"
                      "\"versions\": [{\"id\": \"en\"}, {\"id\": \"ru\", \"x-v\": [1]}],\n"
                      "\"paragraphs\": [\n");
  for (guint p = 0; p < n_paragraphs; p++)
    {
      g_string_append_printf (s, "  {\"id\": \"p%u\", \"kind\": \"%s\", \"text\": {\"en\": \"",
                              p, p % 7 == 0 ? "x-future-kind" : "body");
      /* Each repeat is 50 characters: Hangul and Cyrillic are 3 and 2 bytes. */
      for (guint r = 0; r < n_repeat; r++)
        g_string_append_printf (s, "%-13s met 윤공흠 and Юн Кон Хым at the %04u plenum. ",
                                names[(p + r) % G_N_ELEMENTS (names)], r);
      g_string_append (s, "\", \"ru\": \"Юн Кон Хым\"}}");
      g_string_append (s, p + 1 < n_paragraphs ? ",\n" : "\n");
    }
  g_string_append (s, "],\n\"entities\": [\n");
  for (guint e = 0; e < G_N_ELEMENTS (names); e++)
    g_string_append_printf (s, "  {\"id\": \"e%u\", \"kind\": \"person\", \"name\": \"%s\", "
                            "\"variants\": [{\"form\": \"%s\", \"system\": \"rr\"}]}%s\n",
                            e, names[e], names[e], e + 1 < G_N_ELEMENTS (names) ? "," : "");
  g_string_append (s, "],\n\"mentions\": [\n");
  for (guint p = 0; p < n_paragraphs; p++)
    for (guint m = 0; m < mentions_per_paragraph; m++)
      {
        guint r = m % n_repeat;
        guint e = (p + r) % G_N_ELEMENTS (names);

        g_string_append_printf (s, "%s  {\"entity\": \"e%u\", \"paragraph\": \"p%u\", "
                                "\"version\": \"en\", \"start\": %u, \"end\": %u%s}",
                                first ? "" : ",\n", e, p, r * 50, r * 50 + (guint) strlen (names[e]),
                                m % 50 == 1 ? ", \"x-m\": {\"k\": \"v\"}" : "");
        first = FALSE;
      }
  g_string_append (s, "\n],\n\"annotations\": [{\"id\": \"n1\", \"paragraph\": \"p1\", "
                      "\"start\": 0, \"end\": 3, \"note\": \"Yun\"}],\n"
                      "\"decisions\": [{\"a\": \"Yun Gong-heum\", \"b\": \"Yung Kong-hum\", "
                      "\"verdict\": \"same\"}],\n"
                      "\"x-after\": {\"kept\": [true, null, \"윤\"]}}\n");

  bytes = g_string_free_to_bytes (g_steal_pointer (&s));
  doc = vr_document_load_bytes (bytes, "generated.json", &error);
  g_assert_no_error (error);
  return vr_document_serialize (doc);
}

static GBytes *
canonical_document (Shape shape)
{
  static GBytes *documents[2];

  if (documents[shape] == NULL)
    documents[shape] = generate_canonical (shape);
  return g_bytes_ref (documents[shape]);
}

static GFile *
write_temp (GBytes     *bytes,
            const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("variorum-split-XXXXXX", &error);
  g_autofree char *path = NULL;

  g_assert_no_error (error);
  path = g_build_filename (dir, name, NULL);
  g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  return g_file_new_for_path (path);
}

static void
remove_temp (GFile *file)
{
  g_autoptr(GFile) dir = g_file_get_parent (file);

  g_file_delete (file, NULL, NULL);
  g_file_delete (dir, NULL, NULL);
}

static void
assert_file_is (GFile  *file,
                GBytes *expected)
{
  g_autoptr(GBytes) now = g_file_load_bytes (file, NULL, NULL, NULL);

  g_assert_nonnull (now);
  g_assert_true (g_bytes_equal (now, expected));
}

/* Loads @file, expecting the cut described by @cut ("/paragraphs cut at
 * byte * (in place)"), and checks the document against @canonical. */
static void
check_load_file (GFile      *file,
                 GBytes     *canonical,
                 const char *cut)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VrDocument) doc = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autofree char *pattern = g_strdup_printf ("*: parsing in two parts, %s", cut);

  g_test_expect_message ("vr-loader", G_LOG_LEVEL_DEBUG, pattern);
  doc = vr_document_load_file (file, NULL, &error);
  g_test_assert_expected_messages ();
  g_assert_no_error (error);

  saved = vr_document_serialize (doc);
  g_assert_cmpuint (g_bytes_get_size (saved), ==, g_bytes_get_size (canonical));
  g_assert_true (g_bytes_equal (saved, canonical));
  g_assert_false (vr_document_get_modified (doc));
  /* The cut was made in private memory, never in the file. */
  assert_file_is (file, canonical);
}

static void
check_shape (Shape       shape,
             const char *key)
{
  g_autoptr(GBytes) canonical = canonical_document (shape);
  g_autoptr(GFile) file = write_temp (canonical, "split.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(VrDocument) doc = NULL;
  g_autoptr(JsonNode) tree = NULL;
  g_autofree char *in_place = g_strdup_printf ("/%s cut at byte * (in place)", key);
  g_autofree char *copied = g_strdup_printf ("*: parsing in two parts, /%s cut at byte * (copied)",
                                             key);
  g_autofree char *minified_copied = g_strdup_printf ("*minified.json: parsing in two parts, "
                                                      "/%s cut at byte * (copied)", key);
  g_autofree char *minified = NULL;
  g_autoptr(GBytes) minified_bytes = NULL;
  g_autoptr(GFile) minified_file = NULL;

  g_assert_cmpuint (g_bytes_get_size (canonical), >, 4 * 1024 * 1024);

  /* From a file: mapped and cut in place. */
  check_load_file (file, canonical, in_place);

  /* From memory the caller owns: cut by copying. */
  g_test_expect_message ("vr-loader", G_LOG_LEVEL_DEBUG, copied);
  doc = vr_document_load_bytes (canonical, "memory.json", &error);
  g_test_assert_expected_messages ();
  g_assert_no_error (error);
  {
    g_autoptr(GBytes) saved = vr_document_serialize (doc);

    g_assert_true (g_bytes_equal (saved, canonical));
  }

  /* No room between the elements to write in: copied, the same document. */
  tree = json_from_string (g_bytes_get_data (canonical, NULL), &error);
  g_assert_no_error (error);
  minified = json_to_string (tree, FALSE);
  g_assert_null (strstr (minified, ", "));
  minified_bytes = g_bytes_new (minified, strlen (minified));
  minified_file = write_temp (minified_bytes, "minified.json");
  g_assert_cmpuint (g_bytes_get_size (minified_bytes), >, 4 * 1024 * 1024);
  {
    g_autoptr(VrDocument) small = NULL;
    g_autoptr(GBytes) saved = NULL;

    g_test_expect_message ("vr-loader", G_LOG_LEVEL_DEBUG, minified_copied);
    small = vr_document_load_file (minified_file, NULL, &error);
    g_test_assert_expected_messages ();
    g_assert_no_error (error);
    saved = vr_document_serialize (small);
    g_assert_true (g_bytes_equal (saved, canonical));
    assert_file_is (minified_file, minified_bytes);
  }

  remove_temp (minified_file);
  remove_temp (file);
}

/* Loads @canonical from a file after replacing the last @find in it by
 * @replace; returns the error message, with the file's folder as "DIR". */
static char *
load_error (GBytes     *canonical,
            const char *find,
            const char *replace)
{
  const char *text = g_bytes_get_data (canonical, NULL);
  const char *at = g_strrstr (text, find);
  g_autoptr(GString) s = g_string_new_len (text, g_bytes_get_size (canonical));
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) dir = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VrDocument) doc = NULL;
  g_autofree char *dir_path = NULL;
  g_autoptr(GString) message = NULL;

  g_assert_nonnull (at);
  g_string_erase (s, at - text, strlen (find));
  g_string_insert (s, at - text, replace);
  bytes = g_string_free_to_bytes (g_steal_pointer (&s));
  file = write_temp (bytes, "broken.json");

  doc = vr_document_load_file (file, NULL, &error);
  g_assert_null (doc);
  g_assert_nonnull (error);
  assert_file_is (file, bytes);

  dir = g_file_get_parent (file);
  dir_path = g_file_get_path (dir);
  message = g_string_new (error->message);
  g_string_replace (message, dir_path, "DIR", 0);
  remove_temp (file);
  return g_string_free (g_steal_pointer (&message), FALSE);
}

/* Errors in the second part, and after the cut array, name their place in
 * the whole document. */
static void
test_errors_name_the_place (void)
{
  g_autoptr(GBytes) text = canonical_document (LONG_TEXT);
  g_autoptr(GBytes) mentions = canonical_document (MANY_MENTIONS);
  char *message;

  message = load_error (text, "\"id\": \"p2999\"", "\"id\": \"p0\"");
  g_assert_cmpstr (message, ==, "DIR/broken.json: /paragraphs/2999/id: found the paragraph "
                                "id “p0” a second time; expected each paragraph id once");
  g_free (message);

  message = load_error (text, "\"verdict\": \"same\"", "\"verdict\": 1");
  g_assert_cmpstr (message, ==, "DIR/broken.json: /decisions/0/verdict: found an integer; "
                                "expected a string");
  g_free (message);

  message = load_error (mentions, "\"paragraph\": \"p99\"", "\"paragraph\": \"p77777\"");
  g_assert_cmpstr (message, ==, "DIR/broken.json: /mentions/69999/paragraph: found the "
                                "unknown paragraph “p77777”; expected one of the ids in "
                                "/paragraphs");
  g_free (message);

  /* The checker still sees the whole file, before any cut. */
  message = load_error (text, "\"x-after\"", "\"x-after\": 1, \"x-after\"");
  g_assert_true (g_str_has_prefix (message, "DIR/broken.json:"));
  g_assert_nonnull (strstr (message, ": found the key “x-after” a second time in one object"));
  g_free (message);
}

static void
test_long_text (void)
{
  check_shape (LONG_TEXT, "paragraphs");
}

static void
test_many_mentions (void)
{
  check_shape (MANY_MENTIONS, "mentions");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/limits/split-load/long-text", test_long_text);
  g_test_add_func ("/limits/split-load/many-mentions", test_many_mentions);
  g_test_add_func ("/limits/split-load/errors", test_errors_name_the_place);

  return g_test_run ();
}
