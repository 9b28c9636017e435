/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-loader"

#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <unistd.h>
#include <string.h>
#include <sys/resource.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "vr-core.h"
#include "vr-model-private.h"

typedef struct
{
  const char *file;
  VrError     code;
  const char *place;  /* ":LINE:COL: ", ": /pointer: " or ": " */
} Fixture;

static const Fixture fixtures[] = {
  /* syntax: line and column in characters */
  { "syntax-empty.json", VR_ERROR_EMPTY, ": " },
  { "syntax-comment.json", VR_ERROR_SYNTAX, ":2:18: " },
  { "syntax-single-quote.json", VR_ERROR_SYNTAX, ":2:3: " },
  { "syntax-leading-zero.json", VR_ERROR_SYNTAX, ":2:16: " },
  { "syntax-trailing-comma.json", VR_ERROR_SYNTAX, ":5:1: " },
  { "syntax-nan.json", VR_ERROR_SYNTAX, ":5:8: " },
  { "syntax-control-char.json", VR_ERROR_SYNTAX, ":3:11: " },
  { "syntax-bad-escape.json", VR_ERROR_SYNTAX, ":3:11: " },
  { "syntax-lone-surrogate.json", VR_ERROR_SYNTAX, ":3:10: " },
  { "syntax-trailing-garbage.json", VR_ERROR_SYNTAX, ":6:1: " },
  { "syntax-invalid-utf8.json", VR_ERROR_ENCODING, ":3:11: " },
  { "syntax-duplicate-key.json", VR_ERROR_DUPLICATE, ":3:3: " },
  { "syntax-int-overflow.json", VR_ERROR_VALUE, ":3:8: " },
  { "syntax-double-overflow.json", VR_ERROR_VALUE, ":3:8: " },
  { "syntax-unterminated.json", VR_ERROR_SYNTAX, ":3:22: " },
  { "syntax-column-characters.json", VR_ERROR_SYNTAX, ":2:10: " },
  { "syntax-too-deep.json", VR_ERROR_TOO_DEEP, ":1:105: " },
  /* content: JSON pointers */
  { "content-not-object.json", VR_ERROR_NOT_A_DOCUMENT, ": " },
  { "content-missing-variorum.json", VR_ERROR_MISSING, ": /variorum: " },
  { "content-missing-versions.json", VR_ERROR_MISSING, ": /versions: " },
  { "content-missing-paragraphs.json", VR_ERROR_MISSING, ": /paragraphs: " },
  { "content-version-string.json", VR_ERROR_BAD_VERSION, ": /variorum: " },
  { "content-version-zero.json", VR_ERROR_BAD_VERSION, ": /variorum: " },
  { "content-version-float.json", VR_ERROR_BAD_VERSION, ": /variorum: " },
  { "content-newer-version.json", VR_ERROR_NEWER_VERSION, ": /variorum: " },
  { "content-paragraphs-object.json", VR_ERROR_TYPE, ": /paragraphs: " },
  { "content-paragraph-no-text.json", VR_ERROR_MISSING, ": /paragraphs/1/text: " },
  { "content-paragraph-text-number.json", VR_ERROR_TYPE, ": /paragraphs/0/text/en: " },
  { "content-paragraph-unknown-version.json", VR_ERROR_REFERENCE, ": /paragraphs/1/text/ko~1x: " },
  { "content-duplicate-paragraph.json", VR_ERROR_DUPLICATE, ": /paragraphs/1/id: " },
  { "content-duplicate-version.json", VR_ERROR_DUPLICATE, ": /versions/1/id: " },
  { "content-duplicate-entity.json", VR_ERROR_DUPLICATE, ": /entities/1/id: " },
  { "content-duplicate-annotation.json", VR_ERROR_DUPLICATE, ": /annotations/1/id: " },
  { "content-duplicate-variant.json", VR_ERROR_DUPLICATE, ": /entities/0/variants/2/form: " },
  { "content-mention-unknown-entity.json", VR_ERROR_REFERENCE, ": /mentions/2/entity: " },
  { "content-mention-unknown-paragraph.json", VR_ERROR_REFERENCE, ": /mentions/1/paragraph: " },
  { "content-mention-unknown-version.json", VR_ERROR_REFERENCE, ": /mentions/0/version: " },
  { "content-mention-no-text-in-version.json", VR_ERROR_REFERENCE, ": /mentions/2/version: " },
  { "content-mention-negative.json", VR_ERROR_RANGE, ": /mentions/0/start: " },
  { "content-mention-offset-string.json", VR_ERROR_TYPE, ": /mentions/0/end: " },
  { "content-mention-offset-float.json", VR_ERROR_RANGE, ": /mentions/0/end: " },
  { "content-mention-past-end.json", VR_ERROR_RANGE, ": /mentions/1/end: " },
  { "content-mention-end-before-start.json", VR_ERROR_RANGE, ": /mentions/2/end: " },
  { "content-mention-missing-start.json", VR_ERROR_MISSING, ": /mentions/0/start: " },
  { "content-mention-short-string.json", VR_ERROR_TYPE, ": /mentions/0/short: " },
  { "content-annotation-unknown-paragraph.json", VR_ERROR_REFERENCE, ": /annotations/0/paragraph: " },
  { "content-annotation-past-end.json", VR_ERROR_RANGE, ": /annotations/0/end: " },
  { "content-entity-name-number.json", VR_ERROR_TYPE, ": /entities/0/name: " },
  { "content-variant-missing-form.json", VR_ERROR_MISSING, ": /entities/0/variants/1/form: " },
  { "content-metadata-authors-string.json", VR_ERROR_TYPE, ": /metadata/authors: " },
  { "content-decision-missing-verdict.json", VR_ERROR_MISSING, ": /decisions/0/verdict: " },
  { "content-empty-id.json", VR_ERROR_VALUE, ": /paragraphs/0/id: " },
  { "content-empty-versions.json", VR_ERROR_VALUE, ": /versions: " },
  { "content-empty-paragraphs.json", VR_ERROR_VALUE, ": /paragraphs: " },
};

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "format", "fixtures", name, NULL);
}

static VrDocument *
load_fixture (const char  *name,
              GError     **error)
{
  g_autofree char *path = fixture_path (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return vr_document_load_file_named (file, name, NULL, error);
}

static void
test_broken_fixtures (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (fixtures); i++)
    {
      const Fixture *f = &fixtures[i];
      g_autoptr(GError) error = NULL;
      g_autoptr(VrDocument) doc = NULL;
      g_autofree char *prefix = g_strconcat (f->file, f->place, NULL);

      g_test_message ("fixture %s", f->file);
      doc = load_fixture (f->file, &error);
      g_assert_null (doc);
      g_assert_nonnull (error);
      if (!g_error_matches (error, VR_ERROR, f->code))
        g_error ("%s: expected code %d, got %d (%s)", f->file, f->code,
                 error->code, error->message);
      if (!g_str_has_prefix (error->message, prefix))
        g_error ("%s: expected “%s…”, got “%s”", f->file, prefix, error->message);
      /* The place is followed by what was wrong and what was expected. */
      if (f->code != VR_ERROR_NEWER_VERSION)
        g_assert_nonnull (strstr (error->message, "expected"));
    }
}

static void
test_messages (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VrDocument) doc = NULL;

  doc = load_fixture ("content-newer-version.json", &error);
  g_assert_cmpstr (error->message, ==,
                   "content-newer-version.json: /variorum: made by a newer Variorum "
                   "(format version 2); this build reads version 1");
  g_clear_error (&error);

  /* An id from the file is shown, not obeyed: a newline in it would split
   * validate's one error per line. */
  doc = load_fixture ("content-duplicate-id-control-char.json", &error);
  g_assert_cmpstr (error->message, ==,
                   "content-duplicate-id-control-char.json: /paragraphs/1/id: found the "
                   "paragraph id “p\\u000A1” a second time; expected each paragraph id once");
  g_clear_error (&error);

  doc = load_fixture ("syntax-empty.json", &error);
  g_assert_cmpstr (error->message, ==,
                   "syntax-empty.json: the file is empty; expected a JSON object");
  g_clear_error (&error);

  doc = load_fixture ("content-mention-offset-string.json", &error);
  g_assert_nonnull (strstr (error->message, "found a string; expected a non-negative integer"));
  g_clear_error (&error);

  doc = load_fixture ("no-such-file.json", &error);
  g_assert_error (error, VR_ERROR, VR_ERROR_IO);
  g_assert_true (g_str_has_prefix (error->message, "no-such-file.json: "));
}

/* Refused before reading: a sparse file takes no room on disk. */
static void
test_too_large_and_folder (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("variorum-large-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "huge.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(VrDocument) doc = NULL;
  FILE *f;

  g_assert_no_error (error);
  f = fopen (path, "w");
  g_assert_nonnull (f);
  g_assert_cmpint (ftruncate (fileno (f), VR_LOADER_MAX_SIZE + 1), ==, 0);
  fclose (f);

  doc = vr_document_load_file_named (file, "huge.json", NULL, &error);
  g_assert_null (doc);
  g_assert_error (error, VR_ERROR, VR_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==, "huge.json: the file is larger than 512 MB "
                   "(536870913 bytes); expected at most 512 MB");
  g_clear_error (&error);

  doc = vr_document_load_file_named (folder, "folder", NULL, &error);
  g_assert_null (doc);
  g_assert_error (error, VR_ERROR, VR_ERROR_IO);
  g_assert_true (g_str_has_prefix (error->message, "folder: "));

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_deep_nesting (void)
{
  const gsize n = 200000;
  char *deep = g_malloc (n);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VrDocument) doc = NULL;

  memset (deep, '[', n);
  bytes = g_bytes_new_take (deep, n);
  doc = vr_document_load_bytes (bytes, "deep.json", &error);
  g_assert_null (doc);
  g_assert_error (error, VR_ERROR, VR_ERROR_TOO_DEEP);
  g_assert_true (g_str_has_prefix (error->message, "deep.json:1:101: "));
}

static void
test_good_document (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VrDocument) doc = load_fixture ("good-base.json", &error);
  g_autoptr(VrMention) mention = NULL;
  g_autofree char *text = NULL;
  VrParagraph *p1;

  g_assert_no_error (error);
  g_assert_false (vr_document_get_modified (doc));
  g_assert_cmpstr (vr_document_get_id (doc), ==, "fixture");
  g_assert_cmpstr (vr_metadata_get_title (vr_document_get_metadata (doc)), ==, "Fixture");
  g_assert_cmpuint (g_list_model_get_n_items (vr_document_get_versions (doc)), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (vr_document_get_paragraphs (doc)), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (vr_document_get_entities (doc)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (vr_document_get_mentions (doc)), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (vr_document_get_annotations (doc)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (vr_document_get_decisions (doc)), ==, 1);

  p1 = vr_document_lookup_paragraph (doc, "p1");
  g_assert_cmpstr (vr_paragraph_get_text (p1, "ru"), ==, "Юн Кон Хым выступил.");
  /* Offsets count characters: "Юн Кон Хым" is 10 characters, 19 bytes. */
  mention = g_list_model_get_item (vr_document_get_mentions (doc), 1);
  text = vr_mention_dup_text (mention);
  g_assert_cmpstr (text, ==, "Юн Кон Хым");
}

/* An absent version means the first; saving writes it out. */
static void
test_default_version (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VrDocument) doc = load_fixture ("good-no-version.json", &error);
  g_autoptr(VrMention) mention = NULL;
  g_autoptr(VrAnnotation) annotation = NULL;

  g_assert_no_error (error);
  mention = g_list_model_get_item (vr_document_get_mentions (doc), 0);
  g_assert_cmpstr (vr_mention_get_version_id (mention), ==, "en");
  annotation = g_list_model_get_item (vr_document_get_annotations (doc), 0);
  g_assert_cmpstr (vr_annotation_get_version_id (annotation), ==, "en");
}

static GBytes *
serialize_file (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VrDocument) doc = load_fixture (name, &error);

  g_assert_no_error (error);
  return vr_document_serialize (doc);
}

static JsonNode *
parse_bytes (GBytes *bytes)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  json_parser_load_from_data (parser, data, length, &error);
  g_assert_no_error (error);
  return json_parser_steal_root (parser);
}

static void
test_unknown_keys_kept (void)
{
  g_autofree char *path = fixture_path ("good-unknown.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) original = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(JsonNode) before = NULL;
  g_autoptr(JsonNode) after = NULL;
  g_autoptr(VrDocument) doc = NULL;
  g_autoptr(VrEntity) entity = NULL;
  g_autoptr(VrVariant) variant = NULL;
  g_autoptr(VrDecision) decision = NULL;
  char *contents;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  original = g_bytes_new_take (contents, length);

  doc = vr_document_load_bytes (original, "good-unknown.json", &error);
  g_assert_no_error (error);

  /* Unknown enum strings are kept, and read as the fallback value. */
  entity = g_list_model_get_item (vr_document_get_entities (doc), 0);
  g_assert_cmpstr (vr_entity_get_kind_raw (entity), ==, "ship");
  g_assert_cmpint (vr_entity_get_kind (entity), ==, VR_ENTITY_KIND_OTHER);
  variant = g_list_model_get_item (vr_entity_get_variants (entity), 0);
  g_assert_cmpstr (vr_variant_get_system_raw (variant), ==, "yale");
  g_assert_cmpstr (vr_variant_get_status_raw (variant), ==, "disputed");
  decision = g_list_model_get_item (vr_document_get_decisions (doc), 0);
  g_assert_cmpstr (vr_decision_get_verdict_raw (decision), ==, "maybe");

  /* Every key, known or not, at every level, comes back with its value. */
  saved = vr_document_serialize (doc);
  before = parse_bytes (original);
  after = parse_bytes (saved);
  if (!json_node_equal (before, after))
    g_error ("saved document differs from the original:\n%s",
             (const char *) g_bytes_get_data (saved, NULL));
}

static void
assert_second_save_identical (GBytes     *first,
                              const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VrDocument) again = vr_document_load_bytes (first, name, &error);
  g_autoptr(GBytes) second = NULL;

  g_assert_no_error (error);
  second = vr_document_serialize (again);
  if (!g_bytes_equal (first, second))
    g_error ("%s: second save differs:\n%s\n----\n%s", name,
             (const char *) g_bytes_get_data (first, NULL),
             (const char *) g_bytes_get_data (second, NULL));
}

static void
test_second_save_identical (void)
{
  const char *sample = g_getenv ("VARIORUM_SAMPLE");
  const char *names[] = { "good-base.json", "good-unknown.json" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GBytes) first = serialize_file (names[i]);
      gsize length;
      const char *data = g_bytes_get_data (first, &length);

      /* Canonical form: two-space indent, trailing newline. */
      g_assert_true (g_str_has_prefix (data, "{\n  \"variorum\": 1,\n"));
      g_assert_cmpint (data[length - 1], ==, '\n');
      assert_second_save_identical (first, names[i]);
    }

  if (sample != NULL && g_file_test (sample, G_FILE_TEST_EXISTS))
    {
      g_autoptr(GFile) file = g_file_new_for_path (sample);
      g_autoptr(GError) error = NULL;
      g_autoptr(VrDocument) doc = vr_document_load_file (file, NULL, &error);
      g_autoptr(GBytes) first = NULL;

      g_assert_no_error (error);
      first = vr_document_serialize (doc);
      assert_second_save_identical (first, sample);
    }
}

static void
test_writer_escapes (void)
{
  g_autoptr(VrDocument) doc = vr_document_new ();
  g_autoptr(VrVersion) version = vr_version_new ("en");
  g_autoptr(VrParagraph) paragraph = vr_paragraph_new ("p/1~");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VrDocument) again = NULL;
  const char *text = "quote \" backslash \\ tab \t newline \n bell \x07 윤 😀";

  vr_document_add_version (doc, version);
  vr_paragraph_set_text (paragraph, "en", text);
  vr_document_add_paragraph (doc, paragraph);

  bytes = vr_document_serialize (doc);
  g_assert_nonnull (strstr (g_bytes_get_data (bytes, NULL),
                            "\"quote \\\" backslash \\\\ tab \\t newline \\n bell \\u0007 윤 😀\""));
  again = vr_document_load_bytes (bytes, "escapes.json", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (vr_paragraph_get_text (vr_document_lookup_paragraph (again, "p/1~"), "en"),
                   ==, text);
}

static char *
make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("variorum-format-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        remove_dir (path);
      else
        g_unlink (path);
    }
  g_rmdir (dir);
}

static void
test_save_keeps_backup (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "doc.json", NULL);
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) original = serialize_file ("good-base.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(VrDocument) doc = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *backup_contents = NULL;

  g_file_set_contents (path, g_bytes_get_data (original, NULL),
                       g_bytes_get_size (original), &error);
  g_assert_no_error (error);

  doc = vr_document_load_file (file, NULL, &error);
  g_assert_no_error (error);
  vr_metadata_set_title (vr_document_get_metadata (doc), "Changed");
  vr_document_set_modified (doc, TRUE);

  g_assert_true (vr_document_save_file (doc, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (vr_document_get_modified (doc));
  g_assert_true (g_file_equal (vr_document_get_file (doc), file));

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_nonnull (strstr (contents, "\"title\": \"Changed\""));
  g_file_get_contents (backup, &backup_contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (backup_contents, ==, g_bytes_get_data (original, NULL));

  remove_dir (dir);
}

/* Failures that root hits too: the folder is a regular file, and a write
 * past RLIMIT_FSIZE (EFBIG, as from a full disk). */
static void
test_failed_save_leaves_old_file (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "doc.json", NULL);
  g_autofree char *not_a_dir = g_build_filename (dir, "plain", NULL);
  g_autofree char *bad_path = g_build_filename (not_a_dir, "doc.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) bad_file = g_file_new_for_path (bad_path);
  g_autoptr(GBytes) original = serialize_file ("good-base.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(VrDocument) doc = NULL;
  g_autofree char *contents = NULL;
  struct rlimit saved_limit, limit;
  gboolean ok;

  g_file_set_contents (path, g_bytes_get_data (original, NULL),
                       g_bytes_get_size (original), &error);
  g_file_set_contents (not_a_dir, "", 0, &error);
  g_assert_no_error (error);

  doc = vr_document_load_file (file, NULL, &error);
  g_assert_no_error (error);
  vr_metadata_set_title (vr_document_get_metadata (doc), "Changed");
  vr_document_set_modified (doc, TRUE);

  g_assert_false (vr_document_save_file (doc, bad_file, NULL, &error));
  g_assert_error (error, VR_ERROR, VR_ERROR_IO);
  g_assert_true (g_str_has_prefix (error->message, bad_path));
  g_assert_true (vr_document_get_modified (doc));
  g_assert_true (g_file_equal (vr_document_get_file (doc), file));
  g_clear_error (&error);

  /* A write error half-way: the old file keeps its content. */
  signal (SIGXFSZ, SIG_IGN);
  getrlimit (RLIMIT_FSIZE, &saved_limit);
  limit = saved_limit;
  limit.rlim_cur = 100;
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
  ok = vr_document_save_file (doc, file, NULL, &error);
  setrlimit (RLIMIT_FSIZE, &saved_limit);

  g_assert_false (ok);
  g_assert_error (error, VR_ERROR, VR_ERROR_IO);
  g_assert_true (g_str_has_prefix (error->message, path));
  g_assert_true (vr_document_get_modified (doc));
  g_file_get_contents (path, &contents, NULL, NULL);
  g_assert_cmpstr (contents, ==, g_bytes_get_data (original, NULL));

  /* No temporary file is left behind. */
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;
    guint n = 0;

    while ((name = g_dir_read_name (d)) != NULL)
      n++;
    g_assert_cmpuint (n, ==, 2);
  }

  remove_dir (dir);
}

static void
on_loaded_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  VrDocument **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = vr_document_load_file_finish (result, &error);
  g_assert_no_error (error);
}

static void
test_load_async (void)
{
  g_autofree char *path = fixture_path ("good-base.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(VrDocument) doc = NULL;

  vr_document_load_file_async (file, NULL, on_loaded_cb, &doc);
  while (doc == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_true (g_file_equal (vr_document_get_file (doc), file));
  g_assert_false (vr_document_get_modified (doc));
  g_assert_cmpuint (g_list_model_get_n_items (vr_document_get_mentions (doc)), ==, 3);
}

/* A big document is parsed in two halves at once; the halves must come
 * together in order, and errors in the second half name the right index. */
static GString *
big_document (guint n_mentions)
{
  GString *s = g_string_new ("{\"variorum\": 1, \"versions\": [{\"id\": \"en\"}], "
                             "\"paragraphs\": [{\"id\": \"p1\", \"text\": {\"en\": \"");

  for (guint i = 0; i < 100; i++)
    g_string_append (s, "Yun Gong-heum ");
  g_string_append (s, "\"}}], \"entities\": [{\"id\": \"yun\", \"variants\": []}], "
                      "\"mentions\": [\n");
  for (guint i = 0; i < n_mentions; i++)
    g_string_append_printf (s, "  {\"entity\": \"yun\", \"paragraph\": \"p1\", "
                            "\"version\": \"en\", \"start\": %u, \"end\": %u, "
                            "\"padding\": {\"p\": [\"%s\"]}}%s\n", (i % 100) * 14, (i % 100) * 14 + 3,
                            "................................................................",
                            i + 1 < n_mentions ? "," : "");
  g_string_append (s, "], \"decisions\": [[], [1]], \"after\": [1, 2]}\n");
  return s;
}

static void
test_big_document_halves (void)
{
  const guint n = 40000;
  g_autoptr(GString) text = big_document (n);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VrDocument) doc = NULL;
  GListModel *mentions;
  char *bad;

  g_assert_cmpuint (text->len, >, 4 * 1024 * 1024);

  /* decisions holds arrays, not objects: an error after the mentions. */
  bytes = g_bytes_new (text->str, text->len);
  doc = vr_document_load_bytes (bytes, "big.json", &error);
  g_assert_null (doc);
  g_assert_error (error, VR_ERROR, VR_ERROR_TYPE);
  g_assert_true (g_str_has_prefix (error->message, "big.json: /decisions/0: "));
  g_clear_error (&error);
  g_clear_pointer (&bytes, g_bytes_unref);

  bad = strstr (text->str, "\"decisions\": [[], [1]]");
  memcpy (strchr (bad, '['), "[]       ", strlen ("[[], [1]]"));
  bytes = g_bytes_new (text->str, text->len);
  doc = vr_document_load_bytes (bytes, "big.json", &error);
  g_assert_no_error (error);
  mentions = vr_document_get_mentions (doc);
  g_assert_cmpuint (g_list_model_get_n_items (mentions), ==, n);
  for (guint i = 0; i < n; i += 997)
    {
      g_autoptr(VrMention) mention = g_list_model_get_item (mentions, i);
      g_autofree char *surface = vr_mention_dup_text (mention);

      g_assert_cmpstr (surface, ==, "Yun");
    }
  {
    g_autoptr(VrEntity) entity = g_list_model_get_item (vr_document_get_entities (doc), 0);
    g_autoptr(VrMention) last = g_list_model_get_item (mentions, n - 1);
    g_autoptr(GBytes) saved = NULL;

    g_assert_cmpuint (vr_entity_get_mention_count (entity), ==, n);
    /* Unknown members survive the tree being freed behind the model. */
    g_assert_nonnull (_vr_mention_get_extra (last));
    saved = vr_document_serialize (doc);
    g_assert_nonnull (g_strrstr (g_bytes_get_data (saved, NULL),
                                 "\"padding\": {\"p\": [\"......"));
  }
  g_clear_object (&doc);
  g_clear_pointer (&bytes, g_bytes_unref);

  /* A bad mention late in the array, in the second half. */
  bad = g_strrstr (text->str, "\"start\": 1386");
  memcpy (bad, "\"start\": 9999", strlen ("\"start\": 9999"));
  bytes = g_bytes_new (text->str, text->len);
  doc = vr_document_load_bytes (bytes, "big.json", &error);
  g_assert_null (doc);
  g_assert_error (error, VR_ERROR, VR_ERROR_RANGE);
  g_assert_cmpstr (error->message, ==,
                   "big.json: /mentions/39999/end: found end 1389 before start 9999; "
                   "expected end at or after start");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/format/loader/broken-fixtures", test_broken_fixtures);
  g_test_add_func ("/format/loader/messages", test_messages);
  g_test_add_func ("/format/loader/deep-nesting", test_deep_nesting);
  g_test_add_func ("/format/loader/too-large-and-folder", test_too_large_and_folder);
  g_test_add_func ("/format/loader/good", test_good_document);
  g_test_add_func ("/format/loader/async", test_load_async);
  g_test_add_func ("/format/loader/default-version", test_default_version);
  g_test_add_func ("/format/loader/big-document-halves", test_big_document_halves);
  g_test_add_func ("/format/writer/unknown-keys-kept", test_unknown_keys_kept);
  g_test_add_func ("/format/writer/second-save-identical", test_second_save_identical);
  g_test_add_func ("/format/writer/escapes", test_writer_escapes);
  g_test_add_func ("/format/save/backup", test_save_keeps_backup);
  g_test_add_func ("/format/save/failure", test_failed_save_leaves_old_file);

  return g_test_run ();
}
