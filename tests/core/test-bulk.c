/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-bulk"

#include "config.h"

#include "vr-document.h"
#include "vr-model-private.h"

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

static VrMention *
peek (GListModel *model,
      guint       position)
{
  g_autoptr(VrMention) mention = g_list_model_get_item (model, position);

  return mention;
}

static void
test_bulk_load (void)
{
  g_autoptr(VrDocument) document = vr_document_new ();
  g_autoptr(VrVersion) en = vr_version_new ("en");
  g_autoptr(VrEntity) choe = vr_entity_new ("choe", VR_ENTITY_KIND_PERSON, "Choe Chang-ik");
  g_autoptr(VrEntity) pak = vr_entity_new ("pak", VR_ENTITY_KIND_PERSON, "Pak Chang-ok");
  g_autoptr(VrVariant) choe_rr = vr_variant_new ("Choe Chang-ik", VR_NAME_SYSTEM_RR);
  g_autoptr(VrVariant) choe_mr = vr_variant_new ("Ch'oe Ch'ang-ik", VR_NAME_SYSTEM_MR);
  g_autoptr(VrVariant) pak_rr = vr_variant_new ("Pak Chang-ok", VR_NAME_SYSTEM_RR);
  g_autoptr(GString) log = g_string_new (NULL);
  g_autoptr(GString) choe_log = g_string_new (NULL);
  GListModel *mentions = vr_document_get_mentions (document);
  VrParagraph *p[2];
  guint doc_notifies = 0;
  guint count_notifies = 0;
  struct { guint para; guint start; guint end; gboolean is_short; VrEntity *entity; } spec[] = {
    { 1, 0, 15, FALSE, choe },   /* Ch'oe Ch'ang-ik */
    { 0, 18, 30, FALSE, pak },   /* Pak Chang-ok */
    { 0, 0, 13, FALSE, choe },   /* Choe Chang-ik */
    { 1, 20, 24, TRUE, choe },   /* Choe (short) */
    { 1, 0, 15, FALSE, choe },   /* the same span twice: both kept, in order */
  };

  g_signal_connect (mentions, "items-changed", G_CALLBACK (items_changed_cb), log);
  g_signal_connect (vr_document_get_paragraphs (document), "items-changed",
                    G_CALLBACK (items_changed_cb), log);
  g_signal_connect (vr_entity_get_mentions (choe), "items-changed",
                    G_CALLBACK (items_changed_cb), choe_log);
  g_signal_connect_swapped (document, "notify", G_CALLBACK (count_cb), &doc_notifies);
  g_signal_connect_swapped (choe_rr, "notify::count", G_CALLBACK (count_cb), &count_notifies);

  _vr_document_begin_bulk (document);

  vr_document_add_version (document, en);
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *id = g_strdup_printf ("p%u", i);

      p[i] = vr_paragraph_new (id);
      vr_document_add_paragraph (document, p[i]);
      g_object_unref (p[i]);
    }
  _vr_paragraph_take_text (p[0], vr_version_get_id (en),
                           g_strdup ("Choe Chang-ik and Pak Chang-ok"), -1);
  vr_paragraph_set_text (p[1], "en", "Ch'oe Ch'ang-ik met Choe again");

  vr_entity_add_variant (choe, choe_rr);
  vr_entity_add_variant (choe, choe_mr);
  vr_entity_add_variant (pak, pak_rr);
  vr_document_add_entity (document, choe);
  vr_document_add_entity (document, pak);

  for (guint i = 0; i < G_N_ELEMENTS (spec); i++)
    {
      g_autoptr(VrMention) mention = _vr_mention_new_interned (spec[i].entity, p[spec[i].para],
                                                               vr_version_get_id (en),
                                                               spec[i].start, spec[i].end);

      vr_mention_set_short (mention, spec[i].is_short);
      if (i == 4)
        vr_mention_set_uncertain (mention, TRUE);
      vr_document_add_mention (document, mention);
    }

  /* Nothing is announced or counted yet. */
  g_assert_cmpstr (log->str, ==, "");
  g_assert_cmpstr (choe_log->str, ==, "");
  g_assert_cmpuint (doc_notifies, ==, 0);
  g_assert_cmpuint (vr_variant_get_count (choe_rr), ==, 0);

  _vr_document_end_bulk (document);

  g_assert_cmpstr (log->str, ==, "0-0+2;0-0+5;");
  g_assert_cmpstr (choe_log->str, ==, "0-0+4;");
  g_assert_false (vr_document_get_modified (document));
  g_assert_cmpuint (doc_notifies, ==, 0);
  g_assert_cmpuint (count_notifies, ==, 1);

  /* Document order; equal spans keep the order they were added in. */
  g_assert_true (vr_mention_get_entity (peek (mentions, 0)) == choe);
  g_assert_cmpuint (vr_mention_get_start (peek (mentions, 1)), ==, 18);
  g_assert_true (vr_mention_get_paragraph (peek (mentions, 2)) == p[1]);
  g_assert_false (vr_mention_get_uncertain (peek (mentions, 2)));
  g_assert_true (vr_mention_get_uncertain (peek (mentions, 3)));
  g_assert_true (vr_mention_get_short (peek (mentions, 4)));

  g_assert_cmpuint (vr_entity_get_mention_count (choe), ==, 4);
  g_assert_cmpuint (vr_entity_get_mention_count (pak), ==, 1);
  g_assert_cmpuint (vr_variant_get_count (choe_rr), ==, 1);
  g_assert_cmpuint (vr_variant_get_count (choe_mr), ==, 2);
  g_assert_cmpuint (vr_variant_get_count (pak_rr), ==, 1);

  {
    g_autoptr(GPtrArray) in_p1 = vr_document_get_paragraph_mentions (document, p[1], "en");
    g_assert_cmpuint (in_p1->len, ==, 3);
  }

  /* Normal editing works afterwards. */
  vr_document_remove_mention (document, peek (mentions, 2));
  g_assert_cmpuint (vr_variant_get_count (choe_mr), ==, 1);
  g_assert_true (vr_document_get_modified (document));

  g_assert_finalize_object (g_steal_pointer (&document));
  g_assert_finalize_object (g_steal_pointer (&choe));
  g_assert_finalize_object (g_steal_pointer (&choe_rr));
}

/* Counting walks each paragraph once; texts with multibyte characters and
 * mentions that overlap or fall outside the text must still count right. */
static void
test_bulk_counts_multibyte (void)
{
  g_autoptr(VrDocument) document = vr_document_new ();
  g_autoptr(VrVersion) ru = vr_version_new ("ru");
  g_autoptr(VrParagraph) paragraph = vr_paragraph_new ("p1");
  g_autoptr(VrEntity) yun = vr_entity_new ("yun", VR_ENTITY_KIND_PERSON, "Yun");
  g_autoptr(VrVariant) full = vr_variant_new ("Юн Гон Хым", VR_NAME_SYSTEM_RUSSIAN);
  g_autoptr(VrVariant) part = vr_variant_new ("Гон", VR_NAME_SYSTEM_OTHER);
  const guint spans[][2] = { { 0, 10 }, { 3, 6 }, { 16, 26 }, { 16, 99 }, { 3, 6 } };

  _vr_document_begin_bulk (document);
  vr_document_add_version (document, ru);
  vr_paragraph_set_text (paragraph, "ru", "Юн Гон Хым и Юн Гон Хым.");
  vr_document_add_paragraph (document, paragraph);
  vr_entity_add_variant (yun, full);
  vr_entity_add_variant (yun, part);
  vr_document_add_entity (document, yun);
  for (guint i = 0; i < G_N_ELEMENTS (spans); i++)
    {
      g_autoptr(VrMention) mention = vr_mention_new (yun, paragraph, "ru", spans[i][0], spans[i][1]);
      vr_document_add_mention (document, mention);
    }
  _vr_document_end_bulk (document);

  g_assert_cmpuint (vr_entity_get_mention_count (yun), ==, 5);
  g_assert_cmpuint (vr_variant_get_count (full), ==, 1);
  g_assert_cmpuint (vr_variant_get_count (part), ==, 2);

  /* The same figures as counting one by one. */
  vr_variant_set_form (full, "Юн Гон Хым");
  vr_variant_set_form (part, "Хым");
  vr_variant_set_form (part, "Гон");
  g_assert_cmpuint (vr_variant_get_count (full), ==, 1);
  g_assert_cmpuint (vr_variant_get_count (part), ==, 2);

  g_assert_finalize_object (g_steal_pointer (&document));
}

/* Bulk adding to a document that already has content. */
static void
test_bulk_append (void)
{
  g_autoptr(VrDocument) document = vr_document_new ();
  g_autoptr(VrVersion) en = vr_version_new ("en");
  g_autoptr(VrParagraph) p0 = vr_paragraph_new ("p0");
  g_autoptr(VrParagraph) p1 = vr_paragraph_new ("p1");
  g_autoptr(VrEntity) kim = vr_entity_new ("kim", VR_ENTITY_KIND_PERSON, "Kim");
  g_autoptr(VrMention) late = NULL;
  g_autoptr(VrMention) early = NULL;
  g_autoptr(GString) log = g_string_new (NULL);
  GListModel *mentions = vr_document_get_mentions (document);

  vr_document_add_version (document, en);
  vr_document_add_paragraph (document, p0);
  vr_document_add_paragraph (document, p1);
  vr_paragraph_set_text (p0, "en", "Kim");
  vr_paragraph_set_text (p1, "en", "Kim");
  vr_document_add_entity (document, kim);
  late = vr_mention_new (kim, p1, "en", 0, 3);
  vr_document_add_mention (document, late);
  g_assert_true (vr_document_get_modified (document));

  g_signal_connect (mentions, "items-changed", G_CALLBACK (items_changed_cb), log);
  _vr_document_begin_bulk (document);
  early = vr_mention_new (kim, p0, "en", 0, 3);
  vr_document_add_mention (document, early);
  _vr_document_end_bulk (document);

  g_assert_cmpstr (log->str, ==, "0-1+2;");
  g_assert_true (peek (mentions, 0) == early);

  /* A bulk that adds nothing announces nothing. */
  g_string_truncate (log, 0);
  _vr_document_begin_bulk (document);
  _vr_document_end_bulk (document);
  g_assert_cmpstr (log->str, ==, "");
  g_assert_true (peek (mentions, 1) == late);
  g_assert_cmpuint (vr_entity_get_mention_count (kim), ==, 2);
  g_assert_true (peek (vr_entity_get_mentions (kim), 0) == early);
  g_assert_false (vr_document_get_modified (document));

  g_assert_finalize_object (g_steal_pointer (&document));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/bulk/load", test_bulk_load);
  g_test_add_func ("/model/bulk/counts-multibyte", test_bulk_counts_multibyte);
  g_test_add_func ("/model/bulk/append", test_bulk_append);

  return g_test_run ();
}
