/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-document"

#include "config.h"

#include "vr-document.h"
#include "vr-model-private.h"

/* p0: "Yun Gong-heum met Kim Il Sung."      Yun 0–13, Kim 18–29
 * p1: "Yung Kong-hum spoke. Yun was asked." Yun 0–13, Yun 21–24 (short)
 * p2: "Later Yun Gong-heum left."           Yun 6–19 */
typedef struct
{
  VrDocument *document;
  VrEntity   *yun;
  VrEntity   *kim;
  VrVariant  *yun_rr;
  VrVariant  *yun_tr;
  VrVariant  *kim_var;
  VrParagraph *p[3];
} Fixture;

static const char * const texts[] = {
  "Yun Gong-heum met Kim Il Sung.",
  "Yung Kong-hum spoke. Yun was asked.",
  "Later Yun Gong-heum left.",
};

static VrMention *
add_mention (VrDocument  *document,
             VrEntity    *entity,
             VrParagraph *paragraph,
             const char  *version_id,
             guint        start,
             guint        end,
             gboolean     is_short)
{
  g_autoptr(VrMention) mention = vr_mention_new (entity, paragraph, version_id, start, end);

  vr_mention_set_short (mention, is_short);
  vr_document_add_mention (document, mention);

  return mention;  /* the document holds it */
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(VrVersion) en = vr_version_new ("en");

  f->document = vr_document_new ();
  vr_document_add_version (f->document, en);

  for (guint i = 0; i < G_N_ELEMENTS (f->p); i++)
    {
      g_autofree char *id = g_strdup_printf ("p%u", i);

      f->p[i] = vr_paragraph_new (id);
      vr_paragraph_set_text (f->p[i], "en", texts[i]);
      vr_document_add_paragraph (f->document, f->p[i]);
      g_object_unref (f->p[i]);
    }

  f->yun = vr_entity_new ("yun-gong-heum", VR_ENTITY_KIND_PERSON, "Yun Gong-heum");
  f->yun_rr = vr_variant_new ("Yun Gong-heum", VR_NAME_SYSTEM_RR);
  f->yun_tr = vr_variant_new ("Yung Kong-hum", VR_NAME_SYSTEM_TRANSLATOR);
  vr_entity_add_variant (f->yun, f->yun_rr);
  vr_entity_add_variant (f->yun, f->yun_tr);
  g_object_unref (f->yun_rr);
  g_object_unref (f->yun_tr);
  vr_document_add_entity (f->document, f->yun);
  g_object_unref (f->yun);

  f->kim = vr_entity_new ("kim-il-sung", VR_ENTITY_KIND_PERSON, "Kim Il Sung");
  f->kim_var = vr_variant_new ("Kim Il Sung", VR_NAME_SYSTEM_MR);
  vr_entity_add_variant (f->kim, f->kim_var);
  g_object_unref (f->kim_var);
  vr_document_add_entity (f->document, f->kim);
  g_object_unref (f->kim);

  /* Added out of order on purpose. */
  add_mention (f->document, f->yun, f->p[2], "en", 6, 19, FALSE);
  add_mention (f->document, f->yun, f->p[1], "en", 21, 24, TRUE);
  add_mention (f->document, f->kim, f->p[0], "en", 18, 29, FALSE);
  add_mention (f->document, f->yun, f->p[1], "en", 0, 13, FALSE);
  add_mention (f->document, f->yun, f->p[0], "en", 0, 13, FALSE);

  vr_document_set_modified (f->document, FALSE);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->document);
}

static void
count_cb (gpointer data)
{
  (*(guint *) data)++;
}

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  GString    *log)
{
  g_string_append_printf (log, "%u-%u+%u;", position, removed, added);
}

static void
disconnect_log (Fixture *f,
                GString *log)
{
  GListModel *models[] = {
    vr_document_get_versions (f->document),
    vr_document_get_paragraphs (f->document),
    vr_document_get_entities (f->document),
    vr_document_get_mentions (f->document),
    vr_document_get_annotations (f->document),
    vr_document_get_decisions (f->document),
    vr_entity_get_mentions (f->yun),
    vr_entity_get_mentions (f->kim),
  };

  for (guint i = 0; i < G_N_ELEMENTS (models); i++)
    g_signal_handlers_disconnect_by_data (models[i], log);
}

static VrMention *
mention_at (GListModel *model,
            guint       position)
{
  g_autoptr(VrMention) mention = g_list_model_get_item (model, position);

  return mention;  /* still owned by the model */
}

/* "p1:0-13" for each mention, in list order. */
static char *
describe (GListModel *model)
{
  GString *str = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      VrMention *mention = mention_at (model, i);

      g_string_append_printf (str, "%s%s:%u-%u",
                              i ? " " : "",
                              vr_paragraph_get_id (vr_mention_get_paragraph (mention)),
                              vr_mention_get_start (mention),
                              vr_mention_get_end (mention));
    }

  return g_string_free (str, FALSE);
}

static void
test_fixture_texts (Fixture       *f,
                    gconstpointer  data)
{
  GListModel *mentions = vr_document_get_mentions (f->document);
  const char * const expected[] = {
    "Yun Gong-heum", "Kim Il Sung", "Yung Kong-hum", "Yun", "Yun Gong-heum",
  };

  g_assert_cmpuint (g_list_model_get_n_items (mentions), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *text = vr_mention_dup_text (mention_at (mentions, i));

      g_assert_cmpstr (text, ==, expected[i]);
    }
}

static void
test_document_order (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *all = describe (vr_document_get_mentions (f->document));
  g_autofree char *yun = describe (vr_entity_get_mentions (f->yun));
  g_autofree char *kim = describe (vr_entity_get_mentions (f->kim));
  g_autoptr(VrVersion) ru = vr_version_new ("ru");
  g_autofree char *after = NULL;

  g_assert_cmpstr (all, ==, "p0:0-13 p0:18-29 p1:0-13 p1:21-24 p2:6-19");
  g_assert_cmpstr (yun, ==, "p0:0-13 p1:0-13 p1:21-24 p2:6-19");
  g_assert_cmpstr (kim, ==, "p0:18-29");

  /* Version before start; then end breaks ties. */
  vr_document_add_version (f->document, ru);
  vr_paragraph_set_text (f->p[0], "ru", "Юн Гон Хым и Ким Ир Сен.");
  add_mention (f->document, f->yun, f->p[0], "ru", 0, 10, FALSE);
  add_mention (f->document, f->yun, f->p[0], "en", 0, 3, TRUE);
  add_mention (f->document, f->kim, f->p[0], "en", 18, 21, TRUE);
  after = describe (vr_document_get_mentions (f->document));
  g_assert_cmpstr (after, ==,
                   "p0:0-3 p0:0-13 p0:18-21 p0:18-29 p0:0-10 p1:0-13 p1:21-24 p2:6-19");
  g_assert_cmpstr (vr_mention_get_version_id (mention_at (vr_document_get_mentions (f->document), 4)), ==, "ru");
}

static void
test_paragraph_mentions (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GPtrArray) p0 = vr_document_get_paragraph_mentions (f->document, f->p[0], "en");
  g_autoptr(GPtrArray) p1 = vr_document_get_paragraph_mentions (f->document, f->p[1], "en");
  g_autoptr(GPtrArray) p2_ru = vr_document_get_paragraph_mentions (f->document, f->p[2], "ru");
  g_autoptr(GPtrArray) p1_all = vr_document_get_paragraph_mentions (f->document, f->p[1], NULL);
  g_autoptr(VrParagraph) stray = vr_paragraph_new ("stray");
  g_autoptr(GPtrArray) none = vr_document_get_paragraph_mentions (f->document, stray, "en");

  g_assert_cmpuint (p0->len, ==, 2);
  g_assert_true (vr_mention_get_entity (g_ptr_array_index (p0, 0)) == f->yun);
  g_assert_true (vr_mention_get_entity (g_ptr_array_index (p0, 1)) == f->kim);
  g_assert_cmpuint (p1->len, ==, 2);
  g_assert_cmpuint (vr_mention_get_start (g_ptr_array_index (p1, 1)), ==, 21);
  g_assert_cmpuint (p2_ru->len, ==, 0);
  g_assert_cmpuint (p1_all->len, ==, 2);
  g_assert_cmpuint (none->len, ==, 0);

  g_assert_cmpint (vr_document_get_paragraph_index (f->document, f->p[2]), ==, 2);
  g_assert_cmpint (vr_document_get_paragraph_index (f->document, stray), ==, -1);

  /* Clicking on a character finds the mention under it. */
  g_assert_true (vr_mention_get_entity (vr_document_find_mention_at (f->document, f->p[0], "en", 20)) == f->kim);
  g_assert_null (vr_document_find_mention_at (f->document, f->p[0], "en", 14));
  g_assert_null (vr_document_find_mention_at (f->document, f->p[0], "en", 29));

  /* Exact spans. */
  g_assert_true (vr_mention_get_entity (vr_document_lookup_mention (f->document, f->p[1], "en", 21, 24)) == f->yun);
  g_assert_true (vr_mention_get_entity (vr_document_lookup_mention (f->document, f->p[0], "en", 18, 29)) == f->kim);
  g_assert_null (vr_document_lookup_mention (f->document, f->p[0], "en", 18, 28));
  g_assert_null (vr_document_lookup_mention (f->document, f->p[0], "ru", 18, 29));
  g_assert_null (vr_document_lookup_mention (f->document, stray, "en", 0, 3));
}

static void
test_counts (Fixture       *f,
             gconstpointer  data)
{
  guint rr_notifies = 0;
  guint yun_notifies = 0;
  VrMention *extra;

  /* The short "Yun" counts for the entity, not for a variant. */
  g_assert_cmpuint (vr_entity_get_mention_count (f->yun), ==, 4);
  g_assert_cmpuint (vr_entity_get_mention_count (f->kim), ==, 1);
  g_assert_cmpuint (vr_variant_get_count (f->yun_rr), ==, 2);
  g_assert_cmpuint (vr_variant_get_count (f->yun_tr), ==, 1);
  g_assert_cmpuint (vr_variant_get_count (f->kim_var), ==, 1);

  g_signal_connect_swapped (f->yun_rr, "notify::count", G_CALLBACK (count_cb), &rr_notifies);
  g_signal_connect_swapped (f->yun, "notify::mention-count", G_CALLBACK (count_cb), &yun_notifies);

  /* add */
  vr_paragraph_set_text (f->p[2], "en", "Later Yun Gong-heum left. Yun Gong-heum returned.");
  extra = add_mention (f->document, f->yun, f->p[2], "en", 26, 39, FALSE);
  g_assert_cmpuint (vr_variant_get_count (f->yun_rr), ==, 3);
  g_assert_cmpuint (vr_entity_get_mention_count (f->yun), ==, 5);
  g_assert_cmpuint (rr_notifies, ==, 1);
  g_assert_cmpuint (yun_notifies, ==, 1);

  /* retarget */
  vr_document_retarget_mention (f->document, extra, f->kim);
  g_assert_cmpuint (vr_variant_get_count (f->yun_rr), ==, 2);
  g_assert_cmpuint (vr_entity_get_mention_count (f->yun), ==, 4);
  g_assert_cmpuint (vr_entity_get_mention_count (f->kim), ==, 2);
  g_assert_cmpuint (vr_variant_get_count (f->kim_var), ==, 1);
  g_assert_cmpuint (rr_notifies, ==, 2);
  g_assert_cmpuint (yun_notifies, ==, 2);
  /* Retargeting through the mention goes through the document too. */
  vr_mention_set_entity (extra, f->yun);
  g_assert_cmpuint (vr_variant_get_count (f->yun_rr), ==, 3);
  g_assert_cmpuint (vr_entity_get_mention_count (f->kim), ==, 1);
  g_assert_true (vr_mention_get_entity (extra) == f->yun);

  /* remove */
  vr_document_remove_mention (f->document, extra);
  g_assert_cmpuint (vr_variant_get_count (f->yun_rr), ==, 2);
  g_assert_cmpuint (vr_entity_get_mention_count (f->yun), ==, 4);

  /* variant form change moves the count */
  vr_variant_set_form (f->yun_tr, "Yung Kong-hum spoke");
  g_assert_cmpuint (vr_variant_get_count (f->yun_tr), ==, 0);
  vr_variant_set_form (f->yun_tr, "Yung Kong-hum");
  g_assert_cmpuint (vr_variant_get_count (f->yun_tr), ==, 1);
  vr_variant_set_form (f->yun_rr, "Yun");
  g_assert_cmpuint (vr_variant_get_count (f->yun_rr), ==, 0);
  vr_variant_set_form (f->yun_rr, "Yun Gong-heum");
  g_assert_cmpuint (vr_variant_get_count (f->yun_rr), ==, 2);

  /* a short mention stops counting for a variant when marked short */
  vr_mention_set_short (mention_at (vr_document_get_mentions (f->document), 0), TRUE);
  g_assert_cmpuint (vr_variant_get_count (f->yun_rr), ==, 1);
  vr_mention_set_short (mention_at (vr_document_get_mentions (f->document), 0), FALSE);
  g_assert_cmpuint (vr_variant_get_count (f->yun_rr), ==, 2);

  /* variant remove and add */
  {
    g_autoptr(VrVariant) held = g_object_ref (f->yun_tr);
    g_autoptr(VrVariant) again = vr_variant_new ("Yung Kong-hum", VR_NAME_SYSTEM_MR);

    vr_entity_remove_variant (f->yun, f->yun_tr);
    g_assert_cmpuint (vr_variant_get_count (held), ==, 0);
    g_assert_cmpuint (vr_entity_get_mention_count (f->yun), ==, 4);
    vr_entity_add_variant (f->yun, again);
    g_assert_cmpuint (vr_variant_get_count (again), ==, 1);
    g_assert_true (vr_document_get_mention_variant (f->document,
                     mention_at (vr_entity_get_mentions (f->yun), 1)) == again);
    f->yun_tr = again;
  }

  /* the text under a mention changes */
  vr_paragraph_set_text (f->p[2], "en", "Later Yun Kong-hum left.");
  g_assert_cmpuint (vr_variant_get_count (f->yun_rr), ==, 1);
  vr_paragraph_set_text (f->p[2], "en", texts[2]);
  g_assert_cmpuint (vr_variant_get_count (f->yun_rr), ==, 2);

  /* Text changing around a name leaves its count, and says nothing. */
  rr_notifies = 0;
  vr_paragraph_set_text (f->p[2], "en", "Later Yun Gong-heum went home.");
  g_assert_cmpuint (vr_variant_get_count (f->yun_rr), ==, 2);
  g_assert_cmpuint (rr_notifies, ==, 0);
  vr_paragraph_set_text (f->p[2], "en", NULL);
  g_assert_cmpuint (vr_variant_get_count (f->yun_rr), ==, 1);
  g_assert_cmpuint (rr_notifies, ==, 1);
  g_signal_handlers_disconnect_by_data (f->yun_rr, &rr_notifies);
  g_signal_handlers_disconnect_by_data (f->yun, &yun_notifies);
}

static void
test_remove_entity (Fixture       *f,
                    gconstpointer  data)
{
  GListModel *entities = vr_document_get_entities (f->document);
  GListModel *mentions = vr_document_get_mentions (f->document);
  g_autoptr(GString) entity_log = g_string_new (NULL);
  g_autoptr(GString) mention_log = g_string_new (NULL);
  g_autoptr(VrEntity) yun = g_object_ref (f->yun);
  g_autoptr(VrMention) kept = NULL;
  g_autofree char *left = NULL;
  guint count_notifies = 0;

  g_signal_connect (entities, "items-changed", G_CALLBACK (items_changed_cb), entity_log);
  g_signal_connect (mentions, "items-changed", G_CALLBACK (items_changed_cb), mention_log);
  g_signal_connect_swapped (yun, "notify::mention-count", G_CALLBACK (count_cb), &count_notifies);
  kept = g_list_model_get_item (vr_entity_get_mentions (yun), 0);

  vr_document_remove_entity (f->document, yun);

  g_assert_cmpstr (entity_log->str, ==, "0-1+0;");
  /* Two runs of Yun's mentions, removed from the end. */
  g_assert_cmpstr (mention_log->str, ==, "2-3+0;0-1+0;");
  left = describe (mentions);
  g_assert_cmpstr (left, ==, "p0:18-29");
  g_assert_null (vr_document_lookup_entity (f->document, "yun-gong-heum"));
  g_assert_cmpuint (vr_entity_get_mention_count (yun), ==, 0);
  g_assert_cmpuint (count_notifies, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (vr_entity_get_mentions (yun)), ==, 0);
  g_assert_cmpuint (vr_variant_get_count (f->yun_rr), ==, 0);
  g_assert_cmpuint (vr_variant_get_count (f->yun_tr), ==, 0);
  g_assert_true (vr_document_get_modified (f->document));
  g_assert_cmpuint (vr_entity_get_mention_count (f->kim), ==, 1);

  /* A removed entity's mention lives on by itself. */
  g_assert_true (vr_mention_get_entity (kept) == yun);
  g_assert_finalize_object (g_steal_pointer (&kept));

  /* It can come back, without its mentions. */
  vr_document_add_entity (f->document, yun);
  g_assert_true (vr_document_lookup_entity (f->document, "yun-gong-heum") == yun);

  disconnect_log (f, entity_log);
  disconnect_log (f, mention_log);
  g_signal_handlers_disconnect_by_data (yun, &count_notifies);
}

static void
test_remove_entity_many_runs (void)
{
  g_autoptr(VrDocument) document = vr_document_new ();
  g_autoptr(VrVersion) en = vr_version_new ("en");
  g_autoptr(VrEntity) a = vr_entity_new ("a", VR_ENTITY_KIND_PERSON, "A");
  g_autoptr(VrEntity) b = vr_entity_new ("b", VR_ENTITY_KIND_PERSON, "B");
  g_autoptr(GString) log = g_string_new (NULL);
  GListModel *mentions = vr_document_get_mentions (document);

  vr_document_add_version (document, en);
  vr_document_add_entity (document, a);
  vr_document_add_entity (document, b);
  for (guint i = 0; i < 100; i++)
    {
      g_autofree char *id = g_strdup_printf ("p%u", i);
      g_autoptr(VrParagraph) paragraph = vr_paragraph_new (id);

      vr_paragraph_set_text (paragraph, "en", "A and B");
      vr_document_add_paragraph (document, paragraph);
      add_mention (document, a, paragraph, "en", 0, 1, FALSE);
      add_mention (document, b, paragraph, "en", 6, 7, FALSE);
    }

  g_signal_connect (mentions, "items-changed", G_CALLBACK (items_changed_cb), log);
  vr_document_remove_entity (document, a);

  /* Too many runs for one signal each: one change covering them. */
  g_assert_cmpstr (log->str, ==, "0-200+100;");
  g_assert_cmpuint (g_list_model_get_n_items (mentions), ==, 100);
  for (guint i = 0; i < 100; i++)
    g_assert_true (vr_mention_get_entity (mention_at (mentions, i)) == b);
  g_assert_cmpuint (vr_entity_get_mention_count (b), ==, 100);

  g_assert_finalize_object (g_steal_pointer (&document));
  g_assert_finalize_object (g_steal_pointer (&a));
}

static void
test_lists_items_changed (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GString) log = g_string_new (NULL);
  g_autoptr(VrVersion) ru = vr_version_new ("ru");
  g_autoptr(VrParagraph) p3 = vr_paragraph_new ("p3");
  g_autoptr(VrEntity) choe = vr_entity_new ("choe", VR_ENTITY_KIND_PERSON, "Choe Chang-ik");
  g_autoptr(VrEntity) party = vr_entity_new ("wpk", VR_ENTITY_KIND_ORGANIZATION, "Workers' Party");
  g_autoptr(VrAnnotation) note = vr_annotation_new ("n1", f->p[0], "en", 0, 3, "who?");
  g_autoptr(VrDecision) decision = vr_decision_new ("Yun Gong-heum", "Yung Kong-hum", VR_VERDICT_SAME);
  VrMention *mention;

  g_signal_connect (vr_document_get_versions (f->document), "items-changed",
                    G_CALLBACK (items_changed_cb), log);
  g_signal_connect (vr_document_get_paragraphs (f->document), "items-changed",
                    G_CALLBACK (items_changed_cb), log);
  g_signal_connect (vr_document_get_entities (f->document), "items-changed",
                    G_CALLBACK (items_changed_cb), log);
  g_signal_connect (vr_document_get_mentions (f->document), "items-changed",
                    G_CALLBACK (items_changed_cb), log);
  g_signal_connect (vr_document_get_annotations (f->document), "items-changed",
                    G_CALLBACK (items_changed_cb), log);
  g_signal_connect (vr_document_get_decisions (f->document), "items-changed",
                    G_CALLBACK (items_changed_cb), log);
  g_signal_connect (vr_entity_get_mentions (f->kim), "items-changed",
                    G_CALLBACK (items_changed_cb), log);

  vr_document_add_version (f->document, ru);
  g_assert_cmpstr (log->str, ==, "1-0+1;");
  g_string_truncate (log, 0);
  vr_document_add_paragraph (f->document, p3);
  g_assert_cmpstr (log->str, ==, "3-0+1;");
  g_string_truncate (log, 0);
  vr_document_add_entity (f->document, choe);
  vr_document_insert_entity (f->document, 0, party);
  g_assert_cmpstr (log->str, ==, "2-0+1;0-0+1;");
  g_string_truncate (log, 0);
  g_assert_true (g_list_model_get_item_type (vr_document_get_entities (f->document)) == VR_TYPE_ENTITY);

  /* a mention for Kim in p1: main list at 3, Kim's own list at 1 */
  mention = add_mention (f->document, f->kim, f->p[1], "en", 14, 19, FALSE);
  g_assert_cmpstr (log->str, ==, "3-0+1;1-0+1;");
  g_string_truncate (log, 0);
  vr_document_remove_mention (f->document, mention);
  g_assert_cmpstr (log->str, ==, "3-1+0;1-1+0;");
  g_string_truncate (log, 0);

  vr_document_add_annotation (f->document, note);
  vr_document_add_decision (f->document, decision);
  g_assert_cmpstr (log->str, ==, "0-0+1;0-0+1;");
  g_string_truncate (log, 0);
  {
    g_autoptr(GPtrArray) p0 = vr_document_get_paragraph_annotations (f->document, f->p[0], "en");
    g_autoptr(GPtrArray) p0_ru = vr_document_get_paragraph_annotations (f->document, f->p[0], "ru");
    g_autoptr(GPtrArray) p1 = vr_document_get_paragraph_annotations (f->document, f->p[1], NULL);

    g_assert_cmpuint (p0->len, ==, 1);
    g_assert_true (g_ptr_array_index (p0, 0) == note);
    g_assert_cmpuint (p0_ru->len, ==, 0);
    g_assert_cmpuint (p1->len, ==, 0);
  }
  vr_document_remove_annotation (f->document, note);
  vr_document_remove_decision (f->document, decision);
  g_assert_cmpstr (log->str, ==, "0-1+0;0-1+0;");
  g_string_truncate (log, 0);
  vr_document_remove_entity (f->document, party);
  g_assert_cmpstr (log->str, ==, "0-1+0;");

  g_assert_true (vr_document_lookup_version (f->document, "ru") == ru);
  g_assert_true (vr_document_lookup_paragraph (f->document, "p3") == p3);
  g_assert_true (vr_document_lookup_entity (f->document, "choe") == choe);
  g_assert_null (vr_document_lookup_entity (f->document, "wpk"));
  g_assert_null (vr_document_lookup_paragraph (f->document, "p4"));
  g_assert_true (vr_version_get_id (vr_document_get_default_version (f->document)) == g_intern_string ("en"));

  disconnect_log (f, log);
}

static void
test_modified (Fixture       *f,
               gconstpointer  data)
{
  guint notifies = 0;
  VrMetadata *metadata = vr_document_get_metadata (f->document);
  g_autoptr(VrField) field = vr_field_new ("Document number", "254");

  g_assert_false (vr_document_get_modified (f->document));
  g_signal_connect_swapped (f->document, "notify::modified", G_CALLBACK (count_cb), &notifies);

#define EXPECT_MODIFIED(stmt, expected)                                       \
  G_STMT_START {                                                              \
    vr_document_set_modified (f->document, FALSE);                            \
    notifies = 0;                                                             \
    stmt;                                                                     \
    g_assert_cmpint (vr_document_get_modified (f->document), ==, expected);   \
    g_assert_cmpuint (notifies, ==, expected ? 1 : 0);                        \
  } G_STMT_END

  EXPECT_MODIFIED (vr_entity_set_name (f->yun, "Yun Kong-hum"), TRUE);
  EXPECT_MODIFIED (vr_entity_set_name (f->yun, "Yun Kong-hum"), FALSE);
  EXPECT_MODIFIED (vr_variant_set_status (f->yun_tr, VR_VARIANT_STATUS_REJECTED), TRUE);
  EXPECT_MODIFIED (vr_variant_set_note (f->yun_tr, "in brackets"), TRUE);
  EXPECT_MODIFIED (vr_metadata_set_date (metadata, "1956-09-15"), TRUE);
  EXPECT_MODIFIED (vr_metadata_set_date (metadata, "1956-09-15"), FALSE);
  EXPECT_MODIFIED (vr_metadata_add_field (metadata, field), TRUE);
  EXPECT_MODIFIED (vr_field_set_value (field, "255"), TRUE);
  EXPECT_MODIFIED (vr_paragraph_set_kind (f->p[0], VR_PARAGRAPH_KIND_HEADING), TRUE);
  EXPECT_MODIFIED (vr_paragraph_set_text (f->p[0], "en", texts[0]), FALSE);
  EXPECT_MODIFIED (vr_version_set_label (vr_document_get_default_version (f->document), "English"), TRUE);
  EXPECT_MODIFIED (vr_mention_set_uncertain (mention_at (vr_document_get_mentions (f->document), 0), TRUE), TRUE);
  EXPECT_MODIFIED (vr_document_set_id (f->document, "telegram-254"), TRUE);
  EXPECT_MODIFIED (g_object_notify (G_OBJECT (f->yun), "name"), FALSE);

  /* Setting where the document lives is not an edit. */
  {
    g_autoptr(GFile) file = g_file_new_for_path ("/tmp/telegram.json");
    EXPECT_MODIFIED (vr_document_set_file (f->document, file), FALSE);
  }

  /* Once removed, an entity no longer touches the document. */
  {
    g_autoptr(VrEntity) kim = g_object_ref (f->kim);

    vr_document_remove_entity (f->document, kim);
    EXPECT_MODIFIED (vr_entity_set_name (kim, "Kim Il-sung"), FALSE);
  }

#undef EXPECT_MODIFIED
}

static void
test_title (void)
{
  g_autoptr(VrDocument) document = vr_document_new ();
  g_autoptr(GFile) file = g_file_new_for_path ("/tmp/telegram-254.json");
  g_autoptr(GFile) same = g_file_new_for_path ("/tmp/telegram-254.json");
  VrMetadata *metadata = vr_document_get_metadata (document);
  guint title_notifies = 0;
  guint file_notifies = 0;

  g_assert_cmpstr (vr_document_get_title (document), ==, "Untitled");
  g_signal_connect_swapped (document, "notify::title", G_CALLBACK (count_cb), &title_notifies);
  g_signal_connect_swapped (document, "notify::file", G_CALLBACK (count_cb), &file_notifies);

  vr_document_set_file (document, file);
  g_assert_cmpstr (vr_document_get_title (document), ==, "telegram-254.json");
  g_assert_cmpuint (title_notifies, ==, 1);
  g_assert_cmpuint (file_notifies, ==, 1);
  vr_document_set_file (document, same);
  g_assert_cmpuint (file_notifies, ==, 1);

  vr_metadata_set_title (metadata, "Telegram No. 254");
  g_assert_cmpstr (vr_document_get_title (document), ==, "Telegram No. 254");
  g_assert_cmpuint (title_notifies, ==, 2);
  vr_metadata_set_title (metadata, "Telegram No. 254");
  g_assert_cmpuint (title_notifies, ==, 2);
  vr_metadata_set_summary (metadata, "On the August plenum");
  g_assert_cmpuint (title_notifies, ==, 2);

  /* An empty title falls back to the file's name. */
  vr_metadata_set_title (metadata, "");
  g_assert_cmpstr (vr_document_get_title (document), ==, "telegram-254.json");
  g_assert_cmpuint (title_notifies, ==, 3);
  vr_metadata_set_title (metadata, NULL);
  g_assert_cmpuint (title_notifies, ==, 3);
  vr_document_set_file (document, NULL);
  g_assert_cmpstr (vr_document_get_title (document), ==, "Untitled");
  g_assert_cmpuint (title_notifies, ==, 4);

  g_assert_finalize_object (g_steal_pointer (&document));
}

static void
test_variant_helpers (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) rr = vr_document_get_variant_mentions (f->document, f->yun_rr);
  g_autoptr(GPtrArray) tr = vr_document_get_variant_mentions (f->document, f->yun_tr);
  g_autoptr(VrVariant) unused = vr_variant_new ("Yun Kong Hum", VR_NAME_SYSTEM_MR);

  g_assert_cmpuint (rr->len, ==, 2);
  g_assert_true (vr_mention_get_paragraph (g_ptr_array_index (rr, 0)) == f->p[0]);
  g_assert_true (vr_mention_get_paragraph (g_ptr_array_index (rr, 1)) == f->p[2]);
  g_assert_cmpuint (tr->len, ==, 1);
  g_assert_true (vr_document_get_variant_first_paragraph (f->document, f->yun_tr) == f->p[1]);
  g_assert_true (vr_document_get_variant_first_paragraph (f->document, f->yun_rr) == f->p[0]);
  g_assert_null (vr_document_get_variant_first_paragraph (f->document, unused));
  vr_entity_add_variant (f->yun, unused);
  g_assert_null (vr_document_get_variant_first_paragraph (f->document, unused));
  g_assert_cmpuint (vr_variant_get_count (unused), ==, 0);
}

static void
mentions_changed_cb (VrDocument  *document,
                     VrParagraph *paragraph,
                     const char  *version_id,
                     GString     *log)
{
  g_string_append_printf (log, "%s/%s;", vr_paragraph_get_id (paragraph), version_id);
}

static void
test_mentions_changed (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GString) log = g_string_new (NULL);
  VrMention *mention;

  g_signal_connect (f->document, "mentions-changed", G_CALLBACK (mentions_changed_cb), log);

  mention = add_mention (f->document, f->kim, f->p[1], "en", 14, 19, FALSE);
  g_assert_cmpstr (log->str, ==, "p1/en;");
  vr_document_retarget_mention (f->document, mention, f->yun);
  vr_document_retarget_mention (f->document, mention, f->yun);
  g_assert_cmpstr (log->str, ==, "p1/en;p1/en;");
  vr_document_remove_mention (f->document, mention);
  g_assert_cmpstr (log->str, ==, "p1/en;p1/en;p1/en;");
  g_string_truncate (log, 0);

  /* One signal per paragraph that lost mentions. */
  vr_document_remove_entity (f->document, f->yun);
  g_assert_cmpstr (log->str, ==, "p0/en;p1/en;p2/en;");
  g_string_truncate (log, 0);
  vr_mention_set_uncertain (mention_at (vr_document_get_mentions (f->document), 0), TRUE);
  g_assert_cmpstr (log->str, ==, "");

  g_signal_handlers_disconnect_by_data (f->document, log);
}

typedef struct
{
  Fixture *f;
  guint    calls;
} Consistency;

/* Whoever hears of a change first already sees every list and count in step. */
static void
check_in_step_cb (Consistency *c)
{
  Fixture *f = c->f;
  GListModel *all = vr_document_get_mentions (f->document);
  guint n_kim = 0;
  guint n_rr = 0;

  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      VrMention *mention = mention_at (all, i);

      if (vr_mention_get_entity (mention) == f->kim)
        n_kim++;
      if (vr_document_get_mention_variant (f->document, mention) == f->yun_rr)
        n_rr++;
    }

  g_assert_cmpuint (vr_entity_get_mention_count (f->kim), ==, n_kim);
  g_assert_cmpuint (g_list_model_get_n_items (vr_entity_get_mentions (f->kim)), ==, n_kim);
  g_assert_cmpuint (vr_variant_get_count (f->yun_rr), ==, n_rr);
  c->calls++;
}

static void
test_signals_see_consistent_state (Fixture       *f,
                                   gconstpointer  data)
{
  Consistency c = { f, 0 };
  VrMention *mention;

  g_signal_connect_swapped (vr_document_get_mentions (f->document), "items-changed",
                            G_CALLBACK (check_in_step_cb), &c);
  g_signal_connect_swapped (vr_entity_get_mentions (f->kim), "items-changed",
                            G_CALLBACK (check_in_step_cb), &c);
  g_signal_connect_swapped (f->kim, "notify::mention-count", G_CALLBACK (check_in_step_cb), &c);
  g_signal_connect_swapped (f->yun_rr, "notify::count", G_CALLBACK (check_in_step_cb), &c);

  mention = add_mention (f->document, f->kim, f->p[2], "en", 6, 19, FALSE);
  g_assert_cmpuint (c.calls, ==, 3);
  vr_document_retarget_mention (f->document, mention, f->yun);
  g_assert_cmpuint (c.calls, ==, 6);
  vr_document_remove_mention (f->document, mention);
  g_assert_cmpuint (c.calls, ==, 8);

  g_signal_handlers_disconnect_by_data (vr_document_get_mentions (f->document), &c);
  g_signal_handlers_disconnect_by_data (vr_entity_get_mentions (f->kim), &c);
  g_signal_handlers_disconnect_by_data (f->kim, &c);
  g_signal_handlers_disconnect_by_data (f->yun_rr, &c);
}

static void
test_new_ids (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *fresh = vr_document_dup_new_entity_id (f->document, "Choe Chang-ik");
  g_autofree char *taken = vr_document_dup_new_entity_id (f->document, "Yun  Gong-heum!");
  g_autofree char *hangul = vr_document_dup_new_entity_id (f->document, "윤공흠");
  g_autofree char *accented = vr_document_dup_new_entity_id (f->document, "Ch'oe Ch'ang-ik (Chöe)");
  g_autofree char *first_note = vr_document_dup_new_annotation_id (f->document);
  g_autofree char *after = NULL;
  g_autofree char *third = NULL;
  g_autoptr(VrEntity) again = NULL;
  g_autoptr(VrAnnotation) note = vr_annotation_new ("n7", f->p[0], "en", 0, 3, "?");

  g_assert_cmpstr (fresh, ==, "choe-chang-ik");
  g_assert_cmpstr (taken, ==, "yun-gong-heum-2");
  g_assert_cmpstr (hangul, ==, "entity");
  g_assert_cmpstr (accented, ==, "ch-oe-ch-ang-ik-choe");

  again = vr_entity_new (taken, VR_ENTITY_KIND_PERSON, "Yun Gong-heum");
  vr_document_add_entity (f->document, again);
  third = vr_document_dup_new_entity_id (f->document, "Yun Gong-heum");
  g_assert_cmpstr (third, ==, "yun-gong-heum-3");

  g_assert_cmpstr (first_note, ==, "n1");
  vr_document_add_annotation (f->document, note);
  after = vr_document_dup_new_annotation_id (f->document);
  g_assert_cmpstr (after, ==, "n8");
}

static void
test_add_mentions (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GString) log = g_string_new (NULL);
  g_autoptr(GString) changed = g_string_new (NULL);
  g_autofree char *all = NULL;
  g_autofree char *kim = NULL;
  guint kim_count_notifies = 0;
  guint rr_count_notifies = 0;

  vr_paragraph_set_text (f->p[2], "en", "Later Yun Gong-heum left. Kim Il Sung and Yun Gong-heum stayed.");
  g_ptr_array_add (batch, vr_mention_new (f->kim, f->p[2], "en", 26, 37));   /* Kim Il Sung */
  g_ptr_array_add (batch, vr_mention_new (f->yun, f->p[2], "en", 42, 55));   /* Yun Gong-heum */
  g_ptr_array_add (batch, vr_mention_new (f->kim, f->p[1], "en", 14, 19));   /* "spoke" */
  g_ptr_array_add (batch, vr_mention_new (f->yun, f->p[0], "en", 0, 13));    /* twin of an old one */

  g_signal_connect (vr_document_get_mentions (f->document), "items-changed",
                    G_CALLBACK (items_changed_cb), log);
  g_signal_connect (vr_entity_get_mentions (f->kim), "items-changed",
                    G_CALLBACK (items_changed_cb), log);
  g_signal_connect (f->document, "mentions-changed", G_CALLBACK (mentions_changed_cb), changed);
  g_signal_connect_swapped (f->kim, "notify::mention-count", G_CALLBACK (count_cb), &kim_count_notifies);
  g_signal_connect_swapped (f->yun_rr, "notify::count", G_CALLBACK (count_cb), &rr_count_notifies);

  vr_document_add_mentions (f->document, batch);

  /* One change per list, from the first new position to the end. */
  g_assert_cmpstr (log->str, ==, "1-4+8;1-0+2;");
  g_assert_cmpstr (changed->str, ==, "p0/en;p1/en;p2/en;");
  all = describe (vr_document_get_mentions (f->document));
  g_assert_cmpstr (all, ==,
                   "p0:0-13 p0:0-13 p0:18-29 p1:0-13 p1:14-19 p1:21-24 p2:6-19 p2:26-37 p2:42-55");
  /* The old one of two equal spans stays first. */
  g_assert_false (g_ptr_array_find (batch, mention_at (vr_document_get_mentions (f->document), 0), NULL));
  kim = describe (vr_entity_get_mentions (f->kim));
  g_assert_cmpstr (kim, ==, "p0:18-29 p1:14-19 p2:26-37");

  g_assert_cmpuint (vr_entity_get_mention_count (f->kim), ==, 3);
  g_assert_cmpuint (vr_entity_get_mention_count (f->yun), ==, 6);
  g_assert_cmpuint (vr_variant_get_count (f->kim_var), ==, 2);
  g_assert_cmpuint (vr_variant_get_count (f->yun_rr), ==, 4);
  g_assert_cmpuint (kim_count_notifies, ==, 1);
  g_assert_cmpuint (rr_count_notifies, ==, 1);
  g_assert_true (vr_document_get_modified (f->document));

  /* They are ordinary mentions afterwards. */
  vr_document_remove_mention (f->document, g_ptr_array_index (batch, 1));
  g_assert_cmpuint (vr_variant_get_count (f->yun_rr), ==, 3);

  disconnect_log (f, log);
  g_signal_handlers_disconnect_by_data (f->document, changed);
  g_signal_handlers_disconnect_by_data (f->kim, &kim_count_notifies);
  g_signal_handlers_disconnect_by_data (f->yun_rr, &rr_count_notifies);
}

/* Two mentions of one span: the entity's list must keep them in the
 * document's order whichever way they come to it. */
static void
test_retarget_equal_spans (Fixture       *f,
                           gconstpointer  data)
{
  VrMention *first = add_mention (f->document, f->kim, f->p[2], "en", 6, 19, FALSE);
  VrMention *second = add_mention (f->document, f->yun, f->p[2], "en", 6, 19, FALSE);
  GListModel *all = vr_document_get_mentions (f->document);
  GListModel *yun = vr_entity_get_mentions (f->yun);
  guint n = g_list_model_get_n_items (yun);
  guint in_all = 0;

  /* p2:6-19 (old, Yun), first (Kim), second (Yun) */
  g_assert_true (mention_at (all, 5) == first);
  g_assert_true (mention_at (all, 6) == second);

  vr_document_retarget_mention (f->document, first, f->yun);
  g_assert_cmpuint (g_list_model_get_n_items (yun), ==, n + 1);
  g_assert_true (mention_at (yun, n - 1) == first);
  g_assert_true (mention_at (yun, n) == second);

  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    if (vr_mention_get_entity (mention_at (all, i)) == f->yun)
      g_assert_true (mention_at (yun, in_all++) == mention_at (all, i));
  g_assert_cmpuint (in_all, ==, n + 1);
}

static void
test_finalize_with_outside_refs (Fixture       *f,
                                 gconstpointer  data)
{
  /* Objects held outside outlive the document without dangling. */
  g_autoptr(VrEntity) yun = g_object_ref (f->yun);
  g_autoptr(VrVariant) rr = g_object_ref (f->yun_rr);
  g_autoptr(VrParagraph) p0 = g_object_ref (f->p[0]);
  g_autoptr(VrMention) mention = g_list_model_get_item (vr_document_get_mentions (f->document), 0);

  g_assert_finalize_object (g_steal_pointer (&f->document));
  f->document = vr_document_new ();

  g_assert_cmpuint (g_list_model_get_n_items (vr_entity_get_mentions (yun)), ==, 0);
  vr_entity_set_name (yun, "still works");
  vr_mention_set_uncertain (mention, TRUE);
  vr_paragraph_set_text (p0, "en", "changed");
  g_assert_true (vr_variant_get_entity (rr) == yun);
  g_assert_cmpint (vr_document_get_paragraph_index (f->document, p0), ==, -1);

  g_assert_finalize_object (g_steal_pointer (&mention));
  g_assert_finalize_object (g_steal_pointer (&yun));
  g_assert_finalize_object (g_steal_pointer (&rr));
  g_assert_finalize_object (g_steal_pointer (&p0));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/model/document/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("fixture", test_fixture_texts);
  ADD ("order", test_document_order);
  ADD ("paragraph-mentions", test_paragraph_mentions);
  ADD ("counts", test_counts);
  ADD ("remove-entity", test_remove_entity);
  ADD ("items-changed", test_lists_items_changed);
  ADD ("modified", test_modified);
  ADD ("variant-helpers", test_variant_helpers);
  ADD ("mentions-changed", test_mentions_changed);
  ADD ("new-ids", test_new_ids);
  ADD ("add-mentions", test_add_mentions);
  ADD ("retarget-equal-spans", test_retarget_equal_spans);
  ADD ("signals-see-consistent-state", test_signals_see_consistent_state);
  ADD ("finalize-with-outside-refs", test_finalize_with_outside_refs);
  g_test_add_func ("/model/document/remove-entity-many-runs", test_remove_entity_many_runs);
  g_test_add_func ("/model/document/title", test_title);

#undef ADD

  return g_test_run ();
}
