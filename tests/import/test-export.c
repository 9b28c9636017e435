/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <json-glib/json-glib.h>

#include "vr-core.h"
#include "vr-export.h"

static VrDocument *
load_sample (void)
{
  const char *path = g_getenv ("VARIORUM_SAMPLE");
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  VrDocument *doc;

  g_assert_nonnull (path);
  file = g_file_new_for_path (path);
  doc = vr_document_load_file (file, NULL, &error);
  g_assert_no_error (error);
  return doc;
}

static void
test_csv_field (void)
{
  static const struct { const char *in, *out; } cases[] = {
    { "Kim Il Sung", "Kim Il Sung" },
    { "", "" },
    { "Korean Workers' Party", "Korean Workers' Party" },
    { "Pak, Chang-ok", "\"Pak, Chang-ok\"" },
    { "the \"anti-Party group\"", "\"the \"\"anti-Party group\"\"\"" },
    { "two\nlines", "\"two\nlines\"" },
    { "cr\rhere", "\"cr\rhere\"" },
    /* Formula injection: a spreadsheet shows these as text. */
    { "=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"" },
    { "=1+1", "'=1+1" },
    { "+7", "'+7" },
    { "-2", "'-2" },
    { "@SUM(A1)", "'@SUM(A1)" },
    { "\tx", "'\tx" },
    { "a=b", "a=b" },
    { "Ch\xe2\x80\x99oe Ch\xe2\x80\x99" "ang-ik", "Ch\xe2\x80\x99oe Ch\xe2\x80\x99" "ang-ik" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *field = vr_export_csv_field (cases[i].in);

      g_assert_cmpstr (field, ==, cases[i].out);
    }
  {
    g_autofree char *field = vr_export_csv_field (NULL);

    g_assert_cmpstr (field, ==, "");
  }
}

static void
test_csv_sample (void)
{
  g_autoptr(VrDocument) doc = load_sample ();
  g_autoptr(GBytes) bytes = vr_export_variants (doc, VR_EXPORT_CSV);
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_auto(GStrv) rows = g_strsplit (text, "\r\n", -1);
  guint n_rows = g_strv_length (rows);
  guint n_variants = 0;

  g_assert_cmpstr (rows[0], ==,
                   "record,entity_id,entity_name,kind,spelling,system,status,"
                   "occurrences,first_paragraph,other_spelling,verdict");
  /* CRLF after every record, the last one too */
  g_assert_cmpstr (rows[n_rows - 1], ==, "");
  g_assert_null (strstr (text, "\n\n"));

  for (guint i = 0; i < g_list_model_get_n_items (vr_document_get_entities (doc)); i++)
    {
      g_autoptr(VrEntity) e = g_list_model_get_item (vr_document_get_entities (doc), i);

      n_variants += g_list_model_get_n_items (vr_entity_get_variants (e));
    }
  /* header + variants + one decision + the empty string after the last CRLF */
  g_assert_cmpuint (n_rows, ==, 1 + n_variants + 1 + 1);

  g_assert_cmpstr (rows[1], ==, "variant,kim-il-sung,Kim Il Sung,person,Kim Il Sung,dprk,"
                                "confirmed,24,p6,,");
  g_assert_nonnull (strstr (text, "\r\nvariant,yun-gong-heum,Yun Gong-heum,person,"
                                  "Yung Kong-hum,translator,confirmed,1,p47,,\r\n"));
  g_assert_nonnull (strstr (text, "\r\nvariant,kwp,Korean Workers' Party,organization,"
                                  "KWP,other,confirmed,"));
  g_assert_cmpstr (rows[n_rows - 2], ==,
                   "decision,,,,Yun Gong-heum,,,,,Yung Kong-hum,same");
}

static void
test_csv_guard_in_document (void)
{
  g_autoptr(VrDocument) doc = vr_document_new ();
  g_autoptr(VrEntity) entity = vr_entity_new ("evil", VR_ENTITY_KIND_PERSON,
                                              "=cmd|' /C calc'!A0");
  g_autoptr(VrVariant) variant = vr_variant_new ("-Bad, \"name\"", VR_NAME_SYSTEM_OTHER);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *text = NULL;

  vr_entity_add_variant (entity, variant);
  vr_document_add_entity (doc, entity);
  bytes = vr_export_variants (doc, VR_EXPORT_CSV);
  text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_assert_nonnull (strstr (text, "\r\nvariant,evil,'=cmd|' /C calc'!A0,person,"
                                  "\"'-Bad, \"\"name\"\"\",other,confirmed,0,,,\r\n"));
}

static void
test_json_sample (void)
{
  g_autoptr(VrDocument) doc = load_sample ();
  g_autoptr(GBytes) bytes = vr_export_variants (doc, VR_EXPORT_JSON);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root, *first, *decision;
  JsonArray *variants, *decisions;

  json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL),
                              g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  variants = json_object_get_array_member (root, "variants");
  decisions = json_object_get_array_member (root, "decisions");
  g_assert_cmpuint (json_array_get_length (decisions), ==, 1);
  g_assert_cmpuint (json_array_get_length (variants), >, 50);

  first = json_array_get_object_element (variants, 0);
  g_assert_cmpstr (json_object_get_string_member (first, "entity"), ==, "kim-il-sung");
  g_assert_cmpstr (json_object_get_string_member (first, "entity_name"), ==, "Kim Il Sung");
  g_assert_cmpstr (json_object_get_string_member (first, "kind"), ==, "person");
  g_assert_cmpstr (json_object_get_string_member (first, "spelling"), ==, "Kim Il Sung");
  g_assert_cmpstr (json_object_get_string_member (first, "system"), ==, "dprk");
  g_assert_cmpstr (json_object_get_string_member (first, "status"), ==, "confirmed");
  g_assert_cmpint (json_object_get_int_member (first, "occurrences"), ==, 24);
  g_assert_cmpstr (json_object_get_string_member (first, "first_paragraph"), ==, "p6");

  decision = json_array_get_object_element (decisions, 0);
  g_assert_cmpstr (json_object_get_string_member (decision, "a"), ==, "Yun Gong-heum");
  g_assert_cmpstr (json_object_get_string_member (decision, "b"), ==, "Yung Kong-hum");
  g_assert_cmpstr (json_object_get_string_member (decision, "verdict"), ==, "same");
}

static void
test_json_unused_variant (void)
{
  g_autoptr(VrDocument) doc = vr_document_new ();
  g_autoptr(VrEntity) entity = vr_entity_new ("x", VR_ENTITY_KIND_PERSON, "X");
  g_autoptr(VrVariant) variant = vr_variant_new ("=X", VR_NAME_SYSTEM_OTHER);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *row;

  vr_entity_add_variant (entity, variant);
  vr_document_add_entity (doc, entity);
  bytes = vr_export_variants (doc, VR_EXPORT_JSON);
  json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL),
                              g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  row = json_array_get_object_element (
    json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                  "variants"), 0);
  /* JSON is data, not a spreadsheet: no guard. */
  g_assert_cmpstr (json_object_get_string_member (row, "spelling"), ==, "=X");
  g_assert_true (json_node_is_null (json_object_get_member (row, "first_paragraph")));
  g_assert_cmpint (json_object_get_int_member (row, "occurrences"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export/csv-field", test_csv_field);
  g_test_add_func ("/export/csv-sample", test_csv_sample);
  g_test_add_func ("/export/csv-guard-in-document", test_csv_guard_in_document);
  g_test_add_func ("/export/json-sample", test_json_sample);
  g_test_add_func ("/export/json-unused-variant", test_json_unused_variant);

  return g_test_run ();
}
