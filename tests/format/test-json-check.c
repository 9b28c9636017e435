/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-json-check"

#include "config.h"

#include <string.h>

#include "vr-error.h"
#include "vr-json-check.h"
#include "vr-loader.h"

typedef struct
{
  const char *input;
  VrError     code;
  const char *place;     /* "LINE:COL", or NULL for "NAME: …" */
  const char *contains;  /* a phrase the message must hold */
} BadCase;

static const BadCase bad_cases[] = {
  { "", VR_ERROR_EMPTY, NULL, "the file is empty; expected a JSON object" },
  { "  \n\t ", VR_ERROR_EMPTY, NULL, "the file is empty" },
  { "{\"a\": 1 /* note */}", VR_ERROR_SYNTAX, "1:9", "found a comment" },
  { "// note\n{}", VR_ERROR_SYNTAX, "1:1", "found a comment" },
  { "{'a': 1}", VR_ERROR_SYNTAX, "1:2", "a single quote" },
  { "[01]", VR_ERROR_SYNTAX, "1:3", "leading zero" },
  { "[-01]", VR_ERROR_SYNTAX, "1:4", "leading zero" },
  { "[1,\n 2,\n ]", VR_ERROR_SYNTAX, "3:2", "no trailing comma" },
  { "{\"a\": 1,}", VR_ERROR_SYNTAX, "1:9", "no trailing comma" },
  { "[NaN]", VR_ERROR_SYNTAX, "1:2", "found “NaN”" },
  { "[-Infinity]", VR_ERROR_SYNTAX, "1:3", "expected a digit after “-”" },
  { "[\"a\tb\"]", VR_ERROR_SYNTAX, "1:4", "control character U+0009" },
  { "[\"a\\xb\"]", VR_ERROR_SYNTAX, "1:4", "escape" },
  { "[\"\\ud800\"]", VR_ERROR_SYNTAX, "1:3", "lone high surrogate" },
  { "[\"\\ud800\\u0041\"]", VR_ERROR_SYNTAX, "1:3", "lone high surrogate" },
  { "[\"\\udc00\"]", VR_ERROR_SYNTAX, "1:3", "lone low surrogate" },
  { "[\"\\u12\"]", VR_ERROR_SYNTAX, "1:3", "four hex digits" },
  { "[\"\\u0000\"]", VR_ERROR_VALUE, "1:3", "NUL" },
  { "{} x", VR_ERROR_SYNTAX, "1:4", "nothing more" },
  { "{}{}", VR_ERROR_SYNTAX, "1:3", "nothing more" },
  { "[1 2]", VR_ERROR_SYNTAX, "1:4", "expected “,” or “]”" },
  { "{\"a\" 1}", VR_ERROR_SYNTAX, "1:6", "expected “:”" },
  { "{\"a\": 1, \"b\": 2, \"a\": 3}", VR_ERROR_DUPLICATE, "1:18", "“a” a second time" },
  { "{\"a\": 1, \"\\u0061\": 3}", VR_ERROR_DUPLICATE, "1:10", "“a” a second time" },
  { "[99999999999999999999]", VR_ERROR_VALUE, "1:2", "out of range" },
  { "[9223372036854775808]", VR_ERROR_VALUE, "1:2", "out of range" },
  { "[-9223372036854775809]", VR_ERROR_VALUE, "1:2", "out of range" },
  { "[1e400]", VR_ERROR_VALUE, "1:2", "too large" },
  { "[-1.5e309]", VR_ERROR_VALUE, "1:2", "too large" },
  { "[1.]", VR_ERROR_SYNTAX, "1:4", "a digit after the decimal point" },
  { "[1e]", VR_ERROR_SYNTAX, "1:4", "a digit in the exponent" },
  { "[tru]", VR_ERROR_SYNTAX, "1:2", "found “tru”" },
  { "[truex]", VR_ERROR_SYNTAX, "1:2", "found “truex”" },
  { "{\"a\": [1, 2}", VR_ERROR_SYNTAX, "1:12", "expected “,” or “]”" },
  { "{\"a\": \"b", VR_ERROR_SYNTAX, "1:9", "inside a string" },
  { "{\"a\": [", VR_ERROR_SYNTAX, "1:8", "expected a value" },
  { "{\"a\": 1", VR_ERROR_SYNTAX, "1:8", "to close the object" },
  /* Columns count characters, not bytes: "é" and "윤" are one column each. */
  { "{\"é윤\": x}", VR_ERROR_SYNTAX, "1:8", "found “x”" },
  { "[\"ok\", \"\xff\"]", VR_ERROR_ENCODING, "1:9", "not valid UTF-8" },
  { "[\"\xed\xa0\x80\"]", VR_ERROR_ENCODING, "1:3", "not valid UTF-8" },
  { "[\"\xc0\xaf\"]", VR_ERROR_ENCODING, "1:3", "not valid UTF-8" },
  { "\n\n  \xe9", VR_ERROR_ENCODING, "3:3", "not valid UTF-8" },
};

static void
test_bad_inputs (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      const BadCase *bc = &bad_cases[i];
      g_autoptr(GError) error = NULL;
      g_autofree char *prefix = NULL;
      gboolean ok;

      g_test_message ("bad case %u", i);
      ok = _vr_json_check (bc->input, strlen (bc->input), "doc.json",
                           VR_LOADER_MAX_DEPTH, NULL, &error);
      g_assert_false (ok);
      g_assert_error (error, VR_ERROR, (int) bc->code);

      if (bc->place != NULL)
        prefix = g_strdup_printf ("doc.json:%s: ", bc->place);
      else
        prefix = g_strdup ("doc.json: ");
      if (!g_str_has_prefix (error->message, prefix))
        g_error ("case %u: expected prefix “%s”, got “%s”", i, prefix, error->message);
      if (strstr (error->message, bc->contains) == NULL)
        g_error ("case %u: expected “%s” in “%s”", i, bc->contains, error->message);
      g_assert_nonnull (strstr (error->message, "expected"));
    }
}

static const char *good_cases[] = {
  "{}",
  "[]",
  "0",
  "-0",
  "\"x\"",
  " \r\n\t{ \"a\" : [ 1 , -2.5e-3 , 1E+2 , true , false , null ] } \n",
  "[9223372036854775807, -9223372036854775808]",
  "[1e308, 1e-400]",
  "[\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\ud83d\\ude00\"]",
  "[\"윤공흠 Юн Кон Хым 尹公欽 😀\"]",
  "{\"a\": {\"a\": {\"a\": 1}}, \"b\": {\"a\": 2}}",
  "\xEF\xBB\xBF{}",
};

static void
test_good_inputs (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (good_cases); i++)
    {
      g_autoptr(GError) error = NULL;

      g_test_message ("good case %u", i);
      _vr_json_check (good_cases[i], strlen (good_cases[i]), "doc.json",
                      VR_LOADER_MAX_DEPTH, NULL, &error);
      g_assert_no_error (error);
    }
}

/* json-glib's recursive parser crashes on this; the check must refuse it
 * cleanly before anything recursive runs. */
/* Strings are scanned eight bytes at a time while they hold plain ASCII:
 * whatever ends a string or makes it invalid must be seen at any position,
 * after any number of plain bytes, with the right column. */
static void
test_long_strings (void)
{
  static const struct {
    const char *inner;
    int         code;  /* a VrError, or 0: valid */
  } endings[] = {
    { "\"", 0 },
    { "\\\" more\"", 0 },
    { "é윤\"", 0 },
    { "\x7f\"", 0 },
    { "\x01\"", VR_ERROR_SYNTAX },
    { "\x1f\"", VR_ERROR_SYNTAX },
    { "\n\"", VR_ERROR_SYNTAX },
    { "\\q\"", VR_ERROR_SYNTAX },
    { "\xff\"", VR_ERROR_ENCODING },
    { "\xc3\"", VR_ERROR_ENCODING },
    { "", VR_ERROR_SYNTAX },
  };

  for (guint n = 0; n < 40; n++)
    for (guint i = 0; i < G_N_ELEMENTS (endings); i++)
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(GString) s = g_string_new ("[\"");
        g_autofree char *column = NULL;
        gboolean ok;

        for (guint k = 0; k < n; k++)
          g_string_append_c (s, 'a' + k % 26);
        g_string_append (s, endings[i].inner);
        if (*endings[i].inner != '\0')
          g_string_append (s, "]");

        ok = _vr_json_check (s->str, s->len, "s.json", VR_LOADER_MAX_DEPTH, NULL, &error);
        if (endings[i].code == 0)
          {
            g_assert_no_error (error);
            g_assert_true (ok);
            continue;
          }
        g_assert_false (ok);
        g_assert_error (error, VR_ERROR, endings[i].code);
        /* The bad byte is the first after the plain ones, at column n + 3;
         * the end of the file comes after them. */
        column = g_strdup_printf ("s.json:1:%u: ", n + 3);
        g_assert_true (g_str_has_prefix (error->message, column));
      }
}

static void
test_deep_nesting (void)
{
  const gsize n = 200000;
  g_autofree char *deep = g_malloc (n + 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) ok_depth = g_string_new (NULL);

  memset (deep, '[', n);
  deep[n] = '\0';
  g_assert_false (_vr_json_check (deep, n, "deep.json", VR_LOADER_MAX_DEPTH,
                                  NULL, &error));
  g_assert_error (error, VR_ERROR, VR_ERROR_TOO_DEEP);
  g_assert_true (g_str_has_prefix (error->message, "deep.json:1:101: "));
  g_clear_error (&error);

  /* Exactly the limit is fine. */
  for (guint i = 0; i < VR_LOADER_MAX_DEPTH; i++)
    g_string_append (ok_depth, i % 2 ? "[" : "{\"k\": ");
  g_string_append (ok_depth, "1");
  for (guint i = VR_LOADER_MAX_DEPTH; i > 0; i--)
    g_string_append_c (ok_depth, (i - 1) % 2 ? ']' : '}');
  _vr_json_check (ok_depth->str, ok_depth->len, "ok.json", VR_LOADER_MAX_DEPTH,
                  NULL, &error);
  g_assert_no_error (error);
}

/* Objects with many keys switch to a hash set; duplicates are still found. */
static void
test_many_keys (void)
{
  g_autoptr(GString) s = g_string_new ("{");
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 500; i++)
    g_string_append_printf (s, "%s\"k%u\": {\"k%u\": %u}", i ? ", " : "", i, i, i);
  g_string_append (s, "}");
  _vr_json_check (s->str, s->len, "many.json", VR_LOADER_MAX_DEPTH, NULL, &error);
  g_assert_no_error (error);

  g_string_truncate (s, s->len - 1);
  g_string_append (s, ", \"k250\": 0}");
  g_assert_false (_vr_json_check (s->str, s->len, "many.json",
                                  VR_LOADER_MAX_DEPTH, NULL, &error));
  g_assert_error (error, VR_ERROR, VR_ERROR_DUPLICATE);
  g_assert_nonnull (strstr (error->message, "“k250”"));
}

static void
assert_span (const char   *doc,
             VrJsonLayout *layout,
             guint         index,
             const char   *key,
             const char   *open,
             const char   *close,
             gsize         values_before_close)
{
  const VrJsonArraySpan *span = &g_array_index (layout->arrays, VrJsonArraySpan, index);

  g_assert_cmpuint (span->key_len, ==, strlen (key));
  g_assert_cmpmem (doc + span->key, span->key_len, key, strlen (key));
  g_assert_cmpuint (span->open, ==, strstr (doc, open) - doc);
  g_assert_cmpuint (span->close, ==, g_strrstr (doc, close) - doc);
  g_assert_cmpuint (span->values_before_close, ==, values_before_close);
}

static void
assert_cut (const char   *doc,
            VrJsonLayout *layout,
            guint         index,
            guint         array,
            const char   *comma,
            const char   *element,
            gsize         values_before)
{
  const VrJsonCut *cut = &g_array_index (layout->cuts, VrJsonCut, index);

  g_assert_cmpuint (cut->array, ==, array);
  g_assert_cmpuint (cut->comma, ==, strstr (doc, comma) - doc);
  g_assert_cmpuint (cut->element, ==, strstr (doc, element) - doc);
  g_assert_cmpuint (cut->values_before, ==, values_before);
}

/* The loader parses a big file in two parts, cut between two elements of
 * a top-level array: the checker finds the arrays and the places. */
static void
test_layout (void)
{
  const char *doc = "{\"a\": [[1]], \"mentions\": [{\"x\": [2, 3]},  {}, {\"y\": 1}], "
                    "\"o\": {\"k\": [6, 7]}, \"b\": [[4],\n[5]], \"e\": []}";
  const char *nested = "{\"x\": {\"mentions\": [1, 2, 3]}}";
  g_autoptr(GError) error = NULL;
  VrJsonLayout layout = { 0, };

  /* Every element but the first can start a second part; nested arrays and
   * arrays in nested objects are not cut. */
  g_assert_true (_vr_json_check_layout (doc, strlen (doc), "doc.json", VR_LOADER_MAX_DEPTH,
                                        1, &layout, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (layout.arrays->len, ==, 4);
  /* Parsing time goes by values as much as by bytes: they are counted. */
  g_assert_cmpuint (layout.n_values, ==, 22);
  assert_span (doc, &layout, 0, "a", "[[1]]", "], \"mentions\"", 4);
  assert_span (doc, &layout, 1, "mentions", "[{", "], \"o\"", 12);
  assert_span (doc, &layout, 2, "b", "[[4]", "], \"e\"", 21);
  assert_span (doc, &layout, 3, "e", "[]", "]}", 22);
  g_assert_cmpuint (layout.cuts->len, ==, 3);
  assert_cut (doc, &layout, 0, 1, ",  {}", "{},", 9);
  assert_cut (doc, &layout, 1, 1, ", {\"y\"", "{\"y\"", 10);
  assert_cut (doc, &layout, 2, 2, ",\n[5]", "[5]", 19);
  _vr_json_layout_clear (&layout);
  g_assert_null (layout.arrays);

  /* One cut per interval: the first element at or past each multiple. */
  _vr_json_check_layout (doc, strlen (doc), "doc.json", VR_LOADER_MAX_DEPTH,
                         strstr (doc, "{},") - doc + 1, &layout, NULL, &error);
  g_assert_cmpuint (layout.cuts->len, ==, 2);
  assert_cut (doc, &layout, 0, 1, ", {\"y\"", "{\"y\"", 10);
  assert_cut (doc, &layout, 1, 2, ",\n[5]", "[5]", 19);
  _vr_json_layout_clear (&layout);

  /* No interval, no cuts. */
  _vr_json_check_layout (doc, strlen (doc), "doc.json", VR_LOADER_MAX_DEPTH,
                         0, &layout, NULL, &error);
  g_assert_cmpuint (layout.arrays->len, ==, 4);
  g_assert_cmpuint (layout.cuts->len, ==, 0);
  _vr_json_layout_clear (&layout);

  /* Only members of the top-level object count. */
  _vr_json_check_layout (nested, strlen (nested), "doc.json", VR_LOADER_MAX_DEPTH,
                         1, &layout, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (layout.arrays->len, ==, 0);
  g_assert_cmpuint (layout.cuts->len, ==, 0);
  _vr_json_layout_clear (&layout);

  /* A refused file leaves no layout. */
  g_assert_false (_vr_json_check_layout ("{\"m\": [1, 2,]}", 14, "bad.json",
                                         VR_LOADER_MAX_DEPTH, 1, &layout, NULL, &error));
  g_assert_error (error, VR_ERROR, VR_ERROR_SYNTAX);
  g_assert_null (layout.arrays);
  g_assert_null (layout.cuts);
}

static void
test_line_col (void)
{
  const char *text = "ab\ncdé\n윤x";
  guint line, col;

  _vr_json_offset_to_line_col (text, 0, &line, &col);
  g_assert_cmpuint (line, ==, 1);
  g_assert_cmpuint (col, ==, 1);
  _vr_json_offset_to_line_col (text, strstr (text, "x") - text, &line, &col);
  g_assert_cmpuint (line, ==, 3);
  g_assert_cmpuint (col, ==, 2);
  _vr_json_offset_to_line_col (text, strstr (text, "\n윤") - text, &line, &col);
  g_assert_cmpuint (line, ==, 2);
  g_assert_cmpuint (col, ==, 4);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/format/json-check/bad", test_bad_inputs);
  g_test_add_func ("/format/json-check/good", test_good_inputs);
  g_test_add_func ("/format/json-check/deep", test_deep_nesting);
  g_test_add_func ("/format/json-check/long-strings", test_long_strings);
  g_test_add_func ("/format/json-check/many-keys", test_many_keys);
  g_test_add_func ("/format/json-check/line-col", test_line_col);
  g_test_add_func ("/format/json-check/layout", test_layout);

  return g_test_run ();
}
