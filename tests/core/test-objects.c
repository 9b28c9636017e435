/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-objects"

#include "config.h"

#include "vr-document.h"
#include "vr-model-private.h"

static void
count_cb (gpointer data)
{
  (*(guint *) data)++;
}

/* Runs @stmt and asserts that @prop notified @n times and that no other
 * property of @obj notified at all. */
#define EXPECT_NOTIFY(obj, prop, n, stmt)                                      \
  G_STMT_START {                                                               \
    g_autofree char *detailed_ = g_strdup_printf ("notify::%s", prop);         \
    guint one_ = 0, all_ = 0;                                                  \
    gulong id1_ = g_signal_connect_swapped (obj, detailed_,                    \
                                            G_CALLBACK (count_cb), &one_);     \
    gulong id2_ = g_signal_connect_swapped (obj, "notify",                     \
                                            G_CALLBACK (count_cb), &all_);     \
    stmt;                                                                      \
    g_signal_handler_disconnect (obj, id1_);                                   \
    g_signal_handler_disconnect (obj, id2_);                                   \
    g_assert_cmpuint (one_, ==, n);                                            \
    g_assert_cmpuint (all_, ==, n);                                            \
  } G_STMT_END

static void
check_string_property (gpointer    object,
                       const char *prop)
{
  g_autofree char *value = NULL;

  EXPECT_NOTIFY (object, prop, 1, g_object_set (object, prop, "Kim Il Sung", NULL));
  EXPECT_NOTIFY (object, prop, 0, g_object_set (object, prop, "Kim Il Sung", NULL));
  g_object_get (object, prop, &value, NULL);
  g_assert_cmpstr (value, ==, "Kim Il Sung");
  EXPECT_NOTIFY (object, prop, 1, g_object_set (object, prop, "김일성", NULL));
  EXPECT_NOTIFY (object, prop, 1, g_object_set (object, prop, NULL, NULL));
  EXPECT_NOTIFY (object, prop, 0, g_object_set (object, prop, NULL, NULL));
  EXPECT_NOTIFY (object, prop, 1, g_object_set (object, prop, "", NULL));
}

static void
check_enum_property (gpointer    object,
                     const char *prop,
                     int         other)
{
  int before;
  int after;

  g_object_get (object, prop, &before, NULL);
  g_assert_cmpint (before, !=, other);
  EXPECT_NOTIFY (object, prop, 0, g_object_set (object, prop, before, NULL));
  EXPECT_NOTIFY (object, prop, 1, g_object_set (object, prop, other, NULL));
  EXPECT_NOTIFY (object, prop, 0, g_object_set (object, prop, other, NULL));
  g_object_get (object, prop, &after, NULL);
  g_assert_cmpint (after, ==, other);
  EXPECT_NOTIFY (object, prop, 1, g_object_set (object, prop, before, NULL));
}

static void
check_boolean_property (gpointer    object,
                        const char *prop)
{
  EXPECT_NOTIFY (object, prop, 0, g_object_set (object, prop, FALSE, NULL));
  EXPECT_NOTIFY (object, prop, 1, g_object_set (object, prop, TRUE, NULL));
  EXPECT_NOTIFY (object, prop, 0, g_object_set (object, prop, TRUE, NULL));
  EXPECT_NOTIFY (object, prop, 1, g_object_set (object, prop, FALSE, NULL));
}

static void
test_field_properties (void)
{
  g_autoptr(VrField) field = vr_field_new ("Document number", "254");

  g_assert_cmpstr (vr_field_get_label (field), ==, "Document number");
  g_assert_cmpstr (vr_field_get_value (field), ==, "254");
  check_string_property (field, "label");
  check_string_property (field, "value");
  EXPECT_NOTIFY (field, "value", 1, vr_field_set_value (field, "255"));
  EXPECT_NOTIFY (field, "value", 0, vr_field_set_value (field, "255"));
  g_assert_finalize_object (g_steal_pointer (&field));
}

static void
test_version_properties (void)
{
  g_autoptr(VrVersion) version = vr_version_new ("en");

  g_assert_cmpstr (vr_version_get_id (version), ==, "en");
  /* Ids are interned so that mentions can share them. */
  g_assert_true (vr_version_get_id (version) == g_intern_string ("en"));
  check_string_property (version, "language");
  check_string_property (version, "label");
  check_string_property (version, "translator");
  g_assert_finalize_object (g_steal_pointer (&version));
}

static void
test_metadata_properties (void)
{
  g_autoptr(VrMetadata) metadata = vr_metadata_new ();
  const char * const names[] = {
    "title", "date", "summary", "repository", "archive", "archive-location",
    "translator", "original-language", "classification",
  };
  const char * const authors[] = { "Ivanov", "Petrov", NULL };
  const char * const authors_copy[] = { "Ivanov", "Petrov", NULL };
  const char * const one[] = { "Ivanov", NULL };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      check_string_property (metadata, names[i]);
    }

  EXPECT_NOTIFY (metadata, "title", 1, vr_metadata_set_title (metadata, "Telegram"));
  g_assert_cmpstr (vr_metadata_get_title (metadata), ==, "Telegram");
  EXPECT_NOTIFY (metadata, "archive-location", 1,
                 vr_metadata_set_archive_location (metadata, "Fond 5446"));
  g_assert_cmpstr (vr_metadata_get_archive_location (metadata), ==, "Fond 5446");

  g_assert_null (vr_metadata_get_authors (metadata));
  EXPECT_NOTIFY (metadata, "authors", 1, vr_metadata_set_authors (metadata, authors));
  EXPECT_NOTIFY (metadata, "authors", 0, vr_metadata_set_authors (metadata, authors_copy));
  EXPECT_NOTIFY (metadata, "authors", 1, vr_metadata_set_authors (metadata, one));
  g_assert_cmpstrv (vr_metadata_get_authors (metadata), one);
  EXPECT_NOTIFY (metadata, "authors", 1, vr_metadata_set_authors (metadata, NULL));
  EXPECT_NOTIFY (metadata, "authors", 0, vr_metadata_set_authors (metadata, NULL));
  EXPECT_NOTIFY (metadata, "recipients", 1, vr_metadata_set_recipients (metadata, authors));
  g_assert_cmpstrv (vr_metadata_get_recipients (metadata), authors);

  g_assert_finalize_object (g_steal_pointer (&metadata));
}

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  guint      *record)
{
  record[0]++;
  record[1] = position;
  record[2] = removed;
  record[3] = added;
}

static void
test_metadata_fields (void)
{
  g_autoptr(VrMetadata) metadata = vr_metadata_new ();
  GListModel *fields = vr_metadata_get_fields (metadata);
  g_autoptr(VrField) first = vr_field_new ("Document number", "254");
  g_autoptr(VrField) second = vr_field_new ("Drafted by", "Ivanov");
  g_autoptr(VrField) dup = vr_field_new ("Document number", "255");
  g_autoptr(VrField) item = NULL;
  guint record[4] = { 0, };

  g_assert_true (g_list_model_get_item_type (fields) == VR_TYPE_FIELD);
  g_signal_connect (fields, "items-changed", G_CALLBACK (items_changed_cb), record);

  vr_metadata_add_field (metadata, first);
  g_assert_cmpuint (record[0], ==, 1);
  g_assert_cmpuint (record[1], ==, 0);
  g_assert_cmpuint (record[3], ==, 1);
  vr_metadata_add_field (metadata, second);
  vr_metadata_insert_field (metadata, 0, dup);
  g_assert_cmpuint (record[0], ==, 3);
  g_assert_cmpuint (record[1], ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (fields), ==, 3);

  /* First field with the label wins, in list order. */
  g_assert_cmpstr (vr_metadata_lookup_field (metadata, "Document number"), ==, "255");
  g_assert_cmpstr (vr_metadata_lookup_field (metadata, "Drafted by"), ==, "Ivanov");
  g_assert_null (vr_metadata_lookup_field (metadata, "drafted by"));

  vr_metadata_remove_field (metadata, 0);
  g_assert_cmpuint (record[0], ==, 4);
  g_assert_cmpuint (record[1], ==, 0);
  g_assert_cmpuint (record[2], ==, 1);
  g_assert_cmpuint (record[3], ==, 0);
  g_assert_cmpstr (vr_metadata_lookup_field (metadata, "Document number"), ==, "254");

  item = g_list_model_get_item (fields, 1);
  g_assert_true (item == second);
  g_assert_null (g_list_model_get_item (fields, 2));

  g_assert_finalize_object (g_steal_pointer (&metadata));
  g_assert_finalize_object (g_steal_pointer (&dup));
  g_clear_object (&item);
  g_assert_finalize_object (g_steal_pointer (&first));
  g_assert_finalize_object (g_steal_pointer (&second));
}

static void
text_changed_cb (VrParagraph *paragraph,
                 const char  *version_id,
                 GString     *log)
{
  g_string_append_printf (log, "%s;", version_id);
}

static void
test_paragraph (void)
{
  g_autoptr(VrParagraph) paragraph = vr_paragraph_new ("p9");
  g_autoptr(GString) log = g_string_new (NULL);
  g_autoptr(GString) ru_log = g_string_new (NULL);
  g_autofree const char **ids = NULL;

  g_assert_cmpstr (vr_paragraph_get_id (paragraph), ==, "p9");
  check_enum_property (paragraph, "kind", VR_PARAGRAPH_KIND_HEADING);
  EXPECT_NOTIFY (paragraph, "kind", 1, vr_paragraph_set_kind (paragraph, VR_PARAGRAPH_KIND_NOTE));

  g_signal_connect (paragraph, "text-changed", G_CALLBACK (text_changed_cb), log);
  g_signal_connect (paragraph, "text-changed::ru", G_CALLBACK (text_changed_cb), ru_log);

  g_assert_null (vr_paragraph_get_text (paragraph, "en"));
  g_assert_cmpuint (vr_paragraph_get_n_chars (paragraph, "en"), ==, 0);

  vr_paragraph_set_text (paragraph, "en", "Minister Yun Gong-heum spoke.");
  vr_paragraph_set_text (paragraph, "en", "Minister Yun Gong-heum spoke.");
  vr_paragraph_set_text (paragraph, "ru", "Министр Юн Гон Хым выступил.");
  g_assert_cmpstr (log->str, ==, "en;ru;");
  g_assert_cmpstr (ru_log->str, ==, "ru;");

  /* Characters, not bytes. */
  g_assert_cmpuint (vr_paragraph_get_n_chars (paragraph, "ru"), ==, 28);
  g_assert_cmpuint (vr_paragraph_get_n_chars (paragraph, "en"), ==, 29);
  g_assert_cmpstr (vr_paragraph_get_text (paragraph, "en"), ==, "Minister Yun Gong-heum spoke.");

  ids = vr_paragraph_get_version_ids (paragraph);
  g_assert_cmpuint (g_strv_length ((char **) ids), ==, 2);
  g_assert_cmpstr (ids[0], ==, "en");
  g_assert_cmpstr (ids[1], ==, "ru");

  vr_paragraph_set_text (paragraph, "en", NULL);
  g_assert_null (vr_paragraph_get_text (paragraph, "en"));
  g_assert_cmpstr (log->str, ==, "en;ru;en;");
  vr_paragraph_set_text (paragraph, "en", NULL);
  g_assert_cmpstr (log->str, ==, "en;ru;en;");

  _vr_paragraph_take_text (paragraph, "ko", g_strdup ("윤공흠"), -1);
  g_assert_cmpuint (vr_paragraph_get_n_chars (paragraph, "ko"), ==, 3);

  g_assert_finalize_object (g_steal_pointer (&paragraph));
}

static void
test_entity_properties (void)
{
  g_autoptr(VrEntity) entity = vr_entity_new ("yun-gong-heum", VR_ENTITY_KIND_PERSON, "Yun Gong-heum");

  g_assert_cmpstr (vr_entity_get_id (entity), ==, "yun-gong-heum");
  g_assert_cmpstr (vr_entity_get_name (entity), ==, "Yun Gong-heum");
  check_enum_property (entity, "kind", VR_ENTITY_KIND_ORGANIZATION);
  check_string_property (entity, "name");
  check_string_property (entity, "hangul");
  check_string_property (entity, "hanja");
  check_string_property (entity, "cyrillic");
  check_string_property (entity, "description");
  EXPECT_NOTIFY (entity, "hangul", 1, vr_entity_set_hangul (entity, "윤공흠"));
  g_assert_cmpstr (vr_entity_get_hangul (entity), ==, "윤공흠");
  g_assert_cmpuint (vr_entity_get_mention_count (entity), ==, 0);
  g_assert_finalize_object (g_steal_pointer (&entity));
}

static void
test_entity_variants (void)
{
  g_autoptr(VrEntity) entity = vr_entity_new ("yun", VR_ENTITY_KIND_PERSON, "Yun Gong-heum");
  g_autoptr(VrVariant) rr = vr_variant_new ("Yun Gong-heum", VR_NAME_SYSTEM_RR);
  g_autoptr(VrVariant) tr = vr_variant_new ("Yung Kong-hum", VR_NAME_SYSTEM_TRANSLATOR);
  GListModel *variants = vr_entity_get_variants (entity);
  guint record[4] = { 0, };

  g_signal_connect (variants, "items-changed", G_CALLBACK (items_changed_cb), record);

  EXPECT_NOTIFY (rr, "entity", 1, vr_entity_add_variant (entity, rr));
  g_assert_true (vr_variant_get_entity (rr) == entity);
  vr_entity_insert_variant (entity, 0, tr);
  g_assert_cmpuint (record[0], ==, 2);
  g_assert_cmpuint (record[1], ==, 0);
  g_assert_cmpuint (record[3], ==, 1);

  g_assert_true (vr_entity_lookup_variant (entity, "Yun Gong-heum") == rr);
  g_assert_true (vr_entity_lookup_variant (entity, "Yung Kong-hum") == tr);
  g_assert_null (vr_entity_lookup_variant (entity, "Yun"));
  g_assert_null (vr_entity_lookup_variant (entity, "Yun Gong-heumX"));

  EXPECT_NOTIFY (tr, "entity", 1, vr_entity_remove_variant (entity, tr));
  g_assert_null (vr_variant_get_entity (tr));
  g_assert_cmpuint (record[0], ==, 3);
  g_assert_cmpuint (record[2], ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (variants), ==, 1);

  /* The variant's back-pointer is weak: the entity can go first. */
  g_assert_finalize_object (g_steal_pointer (&entity));
  g_assert_null (vr_variant_get_entity (rr));
  g_assert_finalize_object (g_steal_pointer (&rr));
  g_assert_finalize_object (g_steal_pointer (&tr));
}

static void
test_variant_properties (void)
{
  g_autoptr(VrVariant) variant = vr_variant_new ("Yung Kong-hum", VR_NAME_SYSTEM_TRANSLATOR);

  g_assert_cmpstr (vr_variant_get_form (variant), ==, "Yung Kong-hum");
  g_assert_cmpint (vr_variant_get_system (variant), ==, VR_NAME_SYSTEM_TRANSLATOR);
  check_string_property (variant, "note");
  EXPECT_NOTIFY (variant, "form", 1, vr_variant_set_form (variant, "Yun Kong-hum"));
  EXPECT_NOTIFY (variant, "form", 0, vr_variant_set_form (variant, "Yun Kong-hum"));
  check_enum_property (variant, "system", VR_NAME_SYSTEM_MR);
  check_enum_property (variant, "status", VR_VARIANT_STATUS_REJECTED);
  /* Making the shown status explicit is not a change of value. */
  _vr_variant_set_status_raw (variant, NULL);
  EXPECT_NOTIFY (variant, "status", 0, vr_variant_set_status (variant, VR_VARIANT_STATUS_CONFIRMED));
  EXPECT_NOTIFY (variant, "status", 1, _vr_variant_set_status_raw (variant, "unheard-of"));
  EXPECT_NOTIFY (variant, "status", 0, _vr_variant_set_status_raw (variant, "suggested"));
  g_assert_cmpuint (vr_variant_get_count (variant), ==, 0);
  g_assert_finalize_object (g_steal_pointer (&variant));
}

static void
test_mention_properties (void)
{
  g_autoptr(VrEntity) yun = vr_entity_new ("yun", VR_ENTITY_KIND_PERSON, "Yun");
  g_autoptr(VrEntity) kim = vr_entity_new ("kim", VR_ENTITY_KIND_PERSON, "Kim");
  g_autoptr(VrParagraph) paragraph = vr_paragraph_new ("p1");
  g_autoptr(VrMention) mention = NULL;
  g_autofree char *text = NULL;
  g_autofree char *outside = NULL;
  g_autoptr(VrMention) beyond = NULL;
  char version_id[] = "en";

  vr_paragraph_set_text (paragraph, "en", "Юн and Kim met.");
  mention = vr_mention_new (yun, paragraph, version_id, 0, 2);
  /* The id is interned, not borrowed from the caller. */
  version_id[0] = 'x';
  g_assert_cmpstr (vr_mention_get_version_id (mention), ==, "en");
  g_assert_true (vr_mention_get_entity (mention) == yun);
  g_assert_true (vr_mention_get_paragraph (mention) == paragraph);
  g_assert_cmpuint (vr_mention_get_start (mention), ==, 0);
  g_assert_cmpuint (vr_mention_get_end (mention), ==, 2);

  text = vr_mention_dup_text (mention);
  g_assert_cmpstr (text, ==, "Юн");

  beyond = vr_mention_new (yun, paragraph, "en", 10, 40);
  outside = vr_mention_dup_text (beyond);
  g_assert_null (outside);

  check_boolean_property (mention, "short");
  check_boolean_property (mention, "uncertain");
  EXPECT_NOTIFY (mention, "entity", 1, vr_mention_set_entity (mention, kim));
  EXPECT_NOTIFY (mention, "entity", 0, vr_mention_set_entity (mention, kim));
  g_assert_true (vr_mention_get_entity (mention) == kim);

  g_assert_finalize_object (g_steal_pointer (&mention));
  g_assert_finalize_object (g_steal_pointer (&beyond));
  g_assert_finalize_object (g_steal_pointer (&yun));
  g_assert_finalize_object (g_steal_pointer (&kim));
  g_assert_finalize_object (g_steal_pointer (&paragraph));
}

static void
test_annotation_properties (void)
{
  g_autoptr(VrParagraph) paragraph = vr_paragraph_new ("p3");
  g_autoptr(VrAnnotation) annotation = vr_annotation_new ("n1", paragraph, "en", 4, 20, "Check");

  g_assert_cmpstr (vr_annotation_get_id (annotation), ==, "n1");
  g_assert_true (vr_annotation_get_paragraph (annotation) == paragraph);
  g_assert_cmpstr (vr_annotation_get_version_id (annotation), ==, "en");
  g_assert_cmpstr (vr_annotation_get_note (annotation), ==, "Check");
  check_string_property (annotation, "note");
  check_string_property (annotation, "created");

  EXPECT_NOTIFY (annotation, "start", 1, vr_annotation_set_range (annotation, 5, 20));
  EXPECT_NOTIFY (annotation, "end", 1, vr_annotation_set_range (annotation, 5, 21));
  EXPECT_NOTIFY (annotation, "start", 0, vr_annotation_set_range (annotation, 5, 21));
  g_assert_cmpuint (vr_annotation_get_start (annotation), ==, 5);
  g_assert_cmpuint (vr_annotation_get_end (annotation), ==, 21);

  g_assert_finalize_object (g_steal_pointer (&annotation));
  g_assert_finalize_object (g_steal_pointer (&paragraph));
}

static void
test_decision (void)
{
  g_autoptr(VrDecision) decision = vr_decision_new ("Seo Hwi", "So Hwi", VR_VERDICT_SAME);
  g_autofree char *a = NULL;

  g_assert_cmpstr (vr_decision_get_a (decision), ==, "Seo Hwi");
  g_assert_cmpstr (vr_decision_get_b (decision), ==, "So Hwi");
  g_assert_cmpint (vr_decision_get_verdict (decision), ==, VR_VERDICT_SAME);
  g_object_get (decision, "a", &a, NULL);
  g_assert_cmpstr (a, ==, "Seo Hwi");
  g_assert_finalize_object (g_steal_pointer (&decision));
}

static void
test_document_properties (void)
{
  g_autoptr(VrDocument) document = vr_document_new ();
  g_autoptr(VrMetadata) metadata = NULL;

  check_boolean_property (document, "modified");
  /* Once modified, editing the id notifies "id" alone. */
  vr_document_set_modified (document, TRUE);
  check_string_property (document, "id");
  EXPECT_NOTIFY (document, "modified", 1, vr_document_set_modified (document, FALSE));
  {
    guint modified = 0;
    guint id = 0;

    g_signal_connect_swapped (document, "notify::modified", G_CALLBACK (count_cb), &modified);
    g_signal_connect_swapped (document, "notify::id", G_CALLBACK (count_cb), &id);
    vr_document_set_id (document, "telegram-254");
    g_assert_cmpuint (id, ==, 1);
    g_assert_cmpuint (modified, ==, 1);
    g_assert_true (vr_document_get_modified (document));
    g_assert_cmpstr (vr_document_get_id (document), ==, "telegram-254");
    g_signal_handlers_disconnect_by_data (document, &modified);
    g_signal_handlers_disconnect_by_data (document, &id);
  }

  g_object_get (document, "metadata", &metadata, NULL);
  g_assert_true (metadata == vr_document_get_metadata (document));
  g_assert_finalize_object (g_steal_pointer (&document));
  /* The metadata outlives its document without dangling. */
  vr_metadata_set_title (metadata, "Telegram");
}

static void
test_extra (void)
{
  g_autoptr(VrEntity) entity = vr_entity_new ("e", VR_ENTITY_KIND_PLACE, "Pyongyang");
  g_autoptr(JsonObject) extra = json_object_new ();

  g_assert_null (_vr_entity_get_extra (entity));
  json_object_set_string_member (extra, "x-future", "kept");
  _vr_entity_set_extra (entity, extra);
  g_assert_true (_vr_entity_get_extra (entity) == extra);
  g_assert_cmpstr (json_object_get_string_member (_vr_entity_get_extra (entity), "x-future"), ==, "kept");
  _vr_entity_set_extra (entity, NULL);
  g_assert_null (_vr_entity_get_extra (entity));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/field/properties", test_field_properties);
  g_test_add_func ("/model/version/properties", test_version_properties);
  g_test_add_func ("/model/metadata/properties", test_metadata_properties);
  g_test_add_func ("/model/metadata/fields", test_metadata_fields);
  g_test_add_func ("/model/paragraph/text-and-kind", test_paragraph);
  g_test_add_func ("/model/entity/properties", test_entity_properties);
  g_test_add_func ("/model/entity/variants", test_entity_variants);
  g_test_add_func ("/model/variant/properties", test_variant_properties);
  g_test_add_func ("/model/mention/properties", test_mention_properties);
  g_test_add_func ("/model/annotation/properties", test_annotation_properties);
  g_test_add_func ("/model/decision/immutable", test_decision);
  g_test_add_func ("/model/document/properties", test_document_properties);
  g_test_add_func ("/model/extra", test_extra);

  return g_test_run ();
}
