/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-limits"

#include "config.h"

#include <string.h>

#include "vr-core.h"

/* Nesting: the format allows VR_LOADER_MAX_DEPTH levels (docs/format.md).
 * A document nested 50 deep loads and keeps the deep member when saved;
 * one level past the limit, and the 200,000 levels that crash json-glib's
 * parser, are refused with a message that names the place and the limit. */

/* A document with an unknown member nesting arrays and objects so that the
 * deepest value sits @depth levels down, counting the document's object. */
static GBytes *
nested_document (guint depth)
{
  GString *s = g_string_new ("{\"variorum\": 1, "
                             "\"versions\": [{\"id\": \"en\"}], "
                             "\"paragraphs\": [{\"id\": \"p1\", \"text\": {\"en\": \"Deep.\"}}], "
                             "\"x-nested\": ");

  for (guint i = 0; i + 1 < depth; i++)
    g_string_append (s, i % 2 == 0 ? "[" : "{\"k\": ");
  g_string_append (s, "1");
  for (guint i = depth - 1; i > 0; i--)
    g_string_append_c (s, (i - 1) % 2 == 0 ? ']' : '}');
  g_string_append (s, "}\n");
  return g_string_free_to_bytes (s);
}

static guint
max_depth (const char *json,
           gsize       len)
{
  guint depth = 0, deepest = 0;
  gboolean in_string = FALSE;

  for (gsize i = 0; i < len; i++)
    {
      char c = json[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        in_string = TRUE;
      else if (c == '[' || c == '{')
        {
          depth++;
          deepest = MAX (deepest, depth);
        }
      else if (c == ']' || c == '}')
        depth--;
    }
  return deepest;
}

static void
test_nesting_50_loads (void)
{
  g_autoptr(GBytes) bytes = nested_document (50);
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(VrDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  const char *data;
  gsize len;

  data = g_bytes_get_data (bytes, &len);
  g_assert_cmpuint (max_depth (data, len), ==, 50);

  doc = vr_document_load_bytes (bytes, "deep.json", &error);
  g_assert_no_error (error);
  g_assert_nonnull (doc);
  g_assert_cmpuint (g_list_model_get_n_items (vr_document_get_paragraphs (doc)), ==, 1);

  /* The unknown member is written back whole, all 50 levels of it. */
  saved = vr_document_serialize (doc);
  data = g_bytes_get_data (saved, &len);
  g_assert_nonnull (strstr (data, "\"x-nested\""));
  g_assert_cmpuint (max_depth (data, len), ==, 50);
}

static void
test_nesting_at_limit_loads (void)
{
  g_autoptr(GBytes) bytes = nested_document (VR_LOADER_MAX_DEPTH);
  g_autoptr(VrDocument) doc = NULL;
  g_autoptr(GError) error = NULL;

  doc = vr_document_load_bytes (bytes, "deep.json", &error);
  g_assert_no_error (error);
  g_assert_nonnull (doc);
}

static void
check_refused (guint depth)
{
  g_autoptr(GBytes) bytes = nested_document (depth);
  g_autoptr(VrDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *limit = g_strdup_printf ("at most %u levels", VR_LOADER_MAX_DEPTH);

  doc = vr_document_load_bytes (bytes, "deep.json", &error);
  g_assert_null (doc);
  g_assert_error (error, VR_ERROR, VR_ERROR_TOO_DEEP);
  g_assert_true (g_str_has_prefix (error->message, "deep.json:1:"));
  g_assert_nonnull (strstr (error->message, limit));
}

static void
test_nesting_past_limit_refused (void)
{
  check_refused (VR_LOADER_MAX_DEPTH + 1);
}

static void
test_nesting_200000_refused (void)
{
  check_refused (200000);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/limits/nesting/50-loads", test_nesting_50_loads);
  g_test_add_func ("/limits/nesting/at-limit-loads", test_nesting_at_limit_loads);
  g_test_add_func ("/limits/nesting/past-limit-refused", test_nesting_past_limit_refused);
  g_test_add_func ("/limits/nesting/200000-refused", test_nesting_200000_refused);

  return g_test_run ();
}
