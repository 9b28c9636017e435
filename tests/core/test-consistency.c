/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-consistency"

#include "config.h"

#include "vr-document.h"
#include "vr-model-private.h"

/* Random edits through the public API; after each one the model must agree
 * with a recomputation from scratch, and a mirror kept only from
 * items-changed must equal each list. */

#define N_PARAGRAPHS 6
#define N_ENTITIES 4
#define N_STEPS 600

static const char * const words[] = {
  "Yun", "Gong-heum", "Kim", "Il", "Sung", "Choe", "Chang-ik", "Pak", "the",
  "plenum", "said", "Юн", "Гон", "Хым", "윤공흠", "and", "met",
};

static const char * const forms[] = {
  "Yun Gong-heum", "Yun", "Kim Il", "Il Sung", "Choe", "Юн Гон", "윤공흠", "the plenum",
};

typedef struct
{
  GListModel *model;
  GPtrArray  *mirror;
} Mirror;

static void
mirror_items_changed_cb (GListModel *model,
                         guint       position,
                         guint       removed,
                         guint       added,
                         Mirror     *mirror)
{
  g_assert_cmpuint (position + removed, <=, mirror->mirror->len);
  g_ptr_array_remove_range (mirror->mirror, position, removed);
  for (guint i = 0; i < added; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, position + i);

      g_assert_nonnull (item);
      g_ptr_array_insert (mirror->mirror, position + i, item);
    }
  g_assert_cmpuint (mirror->mirror->len, ==, g_list_model_get_n_items (model));
}

static void
mirror_init (Mirror     *mirror,
             GListModel *model)
{
  mirror->model = model;
  mirror->mirror = g_ptr_array_new ();
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      g_ptr_array_add (mirror->mirror, item);
    }
  g_signal_connect (model, "items-changed", G_CALLBACK (mirror_items_changed_cb), mirror);
}

static void
mirror_check (Mirror *mirror)
{
  g_assert_cmpuint (mirror->mirror->len, ==, g_list_model_get_n_items (mirror->model));
  for (guint i = 0; i < mirror->mirror->len; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (mirror->model, i);
      g_assert_true (item == g_ptr_array_index (mirror->mirror, i));
    }
}

static void
mirror_clear (Mirror *mirror)
{
  g_signal_handlers_disconnect_by_data (mirror->model, mirror);
  g_ptr_array_unref (mirror->mirror);
}

static char *
random_text (void)
{
  GString *text = g_string_new (NULL);
  guint n = g_test_rand_int_range (4, 14);

  for (guint i = 0; i < n; i++)
    g_string_append_printf (text, "%s%s", i ? " " : "", words[g_test_rand_int_range (0, G_N_ELEMENTS (words))]);

  return g_string_free (text, FALSE);
}

static int
compare_order (VrDocument *document,
               VrMention  *a,
               VrMention  *b)
{
  int pa = vr_document_get_paragraph_index (document, vr_mention_get_paragraph (a));
  int pb = vr_document_get_paragraph_index (document, vr_mention_get_paragraph (b));
  int cmp;

  if (pa != pb)
    return pa < pb ? -1 : 1;
  cmp = strcmp (vr_mention_get_version_id (a), vr_mention_get_version_id (b));
  if (cmp != 0)
    return cmp;
  if (vr_mention_get_start (a) != vr_mention_get_start (b))
    return vr_mention_get_start (a) < vr_mention_get_start (b) ? -1 : 1;
  if (vr_mention_get_end (a) != vr_mention_get_end (b))
    return vr_mention_get_end (a) < vr_mention_get_end (b) ? -1 : 1;
  return 0;
}

static void
check_everything (VrDocument *document)
{
  GListModel *mentions = vr_document_get_mentions (document);
  GListModel *entities = vr_document_get_entities (document);
  GListModel *paragraphs = vr_document_get_paragraphs (document);
  guint n = g_list_model_get_n_items (mentions);

  for (guint i = 1; i < n; i++)
    {
      g_autoptr(VrMention) a = g_list_model_get_item (mentions, i - 1);
      g_autoptr(VrMention) b = g_list_model_get_item (mentions, i);

      g_assert_cmpint (compare_order (document, a, b), <=, 0);
    }

  for (guint e = 0; e < g_list_model_get_n_items (entities); e++)
    {
      g_autoptr(VrEntity) entity = g_list_model_get_item (entities, e);
      GListModel *own = vr_entity_get_mentions (entity);
      GListModel *variants = vr_entity_get_variants (entity);
      guint n_variants = g_list_model_get_n_items (variants);
      g_autofree guint *counts = g_new0 (guint, n_variants + 1);
      guint k = 0;

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(VrMention) mention = g_list_model_get_item (mentions, i);
          g_autoptr(VrMention) listed = NULL;
          g_autofree char *text = NULL;

          if (vr_mention_get_entity (mention) != entity)
            continue;

          listed = g_list_model_get_item (own, k++);
          g_assert_true (listed == mention);

          text = vr_mention_dup_text (mention);
          if (text == NULL || vr_mention_get_short (mention))
            continue;
          for (guint v = 0; v < n_variants; v++)
            {
              g_autoptr(VrVariant) variant = g_list_model_get_item (variants, v);

              if (g_strcmp0 (vr_variant_get_form (variant), text) == 0)
                {
                  counts[v]++;
                  break;
                }
            }
        }

      g_assert_cmpuint (k, ==, g_list_model_get_n_items (own));
      g_assert_cmpuint (vr_entity_get_mention_count (entity), ==, k);
      for (guint v = 0; v < n_variants; v++)
        {
          g_autoptr(VrVariant) variant = g_list_model_get_item (variants, v);

          g_assert_cmpuint (vr_variant_get_count (variant), ==, counts[v]);
        }
    }

  for (guint p = 0; p < g_list_model_get_n_items (paragraphs); p++)
    {
      g_autoptr(VrParagraph) paragraph = g_list_model_get_item (paragraphs, p);
      const char *versions[] = { "en", "ru" };

      for (guint v = 0; v < G_N_ELEMENTS (versions); v++)
        {
          g_autoptr(GPtrArray) found = vr_document_get_paragraph_mentions (document, paragraph, versions[v]);
          guint k = 0;

          for (guint i = 0; i < n; i++)
            {
              g_autoptr(VrMention) mention = g_list_model_get_item (mentions, i);

              if (vr_mention_get_paragraph (mention) == paragraph &&
                  strcmp (vr_mention_get_version_id (mention), versions[v]) == 0)
                {
                  g_assert_cmpuint (k, <, found->len);
                  g_assert_true (g_ptr_array_index (found, k) == mention);
                  k++;
                }
            }
          g_assert_cmpuint (k, ==, found->len);
        }
    }
}

static VrEntity *
random_entity (VrDocument *document)
{
  GListModel *entities = vr_document_get_entities (document);
  g_autoptr(VrEntity) entity = NULL;

  if (g_list_model_get_n_items (entities) == 0)
    return NULL;
  entity = g_list_model_get_item (entities, g_test_rand_int_range (0, g_list_model_get_n_items (entities)));

  return entity;  /* the document keeps it */
}

static VrMention *
random_mention (VrDocument *document)
{
  GListModel *mentions = vr_document_get_mentions (document);
  g_autoptr(VrMention) mention = NULL;

  if (g_list_model_get_n_items (mentions) == 0)
    return NULL;
  mention = g_list_model_get_item (mentions, g_test_rand_int_range (0, g_list_model_get_n_items (mentions)));

  return mention;
}

static VrMention *
new_random_mention (VrDocument *document,
                    VrEntity   *entity)
{
  g_autoptr(VrParagraph) paragraph = g_list_model_get_item (vr_document_get_paragraphs (document),
                                                            g_test_rand_int_range (0, N_PARAGRAPHS));
  const char *version = g_test_rand_bit () ? "en" : "ru";
  guint n_chars = vr_paragraph_get_n_chars (paragraph, version);
  guint start = g_test_rand_int_range (0, n_chars + 1);
  guint end = MIN (n_chars + 2, start + (guint) g_test_rand_int_range (0, 14));
  const char *text = vr_paragraph_get_text (paragraph, version);
  VrMention *mention;

  /* Half the time, a span that really is one of the forms. */
  if (text != NULL && g_test_rand_bit ())
    {
      const char *form = forms[g_test_rand_int_range (0, G_N_ELEMENTS (forms))];
      const char *at = strstr (text, form);

      if (at != NULL)
        {
          start = g_utf8_pointer_to_offset (text, at);
          end = start + g_utf8_strlen (form, -1);
        }
    }

  mention = vr_mention_new (entity, paragraph, version, start, end);
  vr_mention_set_short (mention, g_test_rand_int_range (0, 5) == 0);

  return mention;
}

static void
test_random_edits (void)
{
  g_autoptr(VrDocument) document = vr_document_new ();
  Mirror all;
  Mirror first_entity;
  g_autoptr(VrEntity) watched = NULL;

  for (guint v = 0; v < 2; v++)
    {
      g_autoptr(VrVersion) version = vr_version_new (v ? "ru" : "en");
      vr_document_add_version (document, version);
    }
  for (guint p = 0; p < N_PARAGRAPHS; p++)
    {
      g_autofree char *id = g_strdup_printf ("p%u", p);
      g_autoptr(VrParagraph) paragraph = vr_paragraph_new (id);
      g_autofree char *en = random_text ();
      g_autofree char *ru = random_text ();

      vr_paragraph_set_text (paragraph, "en", en);
      vr_paragraph_set_text (paragraph, "ru", ru);
      vr_document_add_paragraph (document, paragraph);
    }
  for (guint e = 0; e < N_ENTITIES; e++)
    {
      g_autofree char *id = g_strdup_printf ("e%u", e);
      g_autoptr(VrEntity) entity = vr_entity_new (id, VR_ENTITY_KIND_PERSON, id);

      for (guint v = 0; v < 3; v++)
        {
          g_autoptr(VrVariant) variant = vr_variant_new (forms[(e + v * 3) % G_N_ELEMENTS (forms)],
                                                         VR_NAME_SYSTEM_OTHER);
          vr_entity_add_variant (entity, variant);
        }
      vr_document_add_entity (document, entity);
    }

  watched = g_object_ref (random_entity (document));
  mirror_init (&all, vr_document_get_mentions (document));
  mirror_init (&first_entity, vr_entity_get_mentions (watched));

  for (guint step = 0; step < N_STEPS; step++)
    {
      VrEntity *entity = random_entity (document);
      VrMention *mention = random_mention (document);
      guint op = g_test_rand_int_range (0, 13);

      switch (op)
        {
        case 0: case 1: case 2:
          {
            g_autoptr(VrMention) fresh = new_random_mention (document, entity);
            vr_document_add_mention (document, fresh);
          }
          break;

        case 3:
          {
            g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (g_object_unref);
            guint k = g_test_rand_int_range (1, 12);

            for (guint i = 0; i < k; i++)
              g_ptr_array_add (batch, new_random_mention (document, random_entity (document)));
            vr_document_add_mentions (document, batch);
          }
          break;

        case 4:
          if (mention != NULL)
            vr_document_remove_mention (document, mention);
          break;

        case 5:
          if (mention != NULL)
            vr_document_retarget_mention (document, mention, entity);
          break;

        case 6:
          if (mention != NULL)
            vr_mention_set_short (mention, !vr_mention_get_short (mention));
          break;

        case 7:
          {
            GListModel *variants = vr_entity_get_variants (entity);

            if (g_list_model_get_n_items (variants) > 0)
              {
                g_autoptr(VrVariant) variant = g_list_model_get_item (variants, 0);
                vr_variant_set_form (variant, forms[g_test_rand_int_range (0, G_N_ELEMENTS (forms))]);
              }
          }
          break;

        case 8:
          {
            GListModel *variants = vr_entity_get_variants (entity);

            if (g_list_model_get_n_items (variants) > 1 && g_test_rand_bit ())
              {
                g_autoptr(VrVariant) variant = g_list_model_get_item (variants, 0);
                vr_entity_remove_variant (entity, variant);
              }
            else
              {
                g_autoptr(VrVariant) variant =
                  vr_variant_new (forms[g_test_rand_int_range (0, G_N_ELEMENTS (forms))], VR_NAME_SYSTEM_RR);
                vr_entity_insert_variant (entity, g_test_rand_int_range (0, 3), variant);
              }
          }
          break;

        case 9:
          {
            g_autoptr(VrParagraph) paragraph =
              g_list_model_get_item (vr_document_get_paragraphs (document),
                                     g_test_rand_int_range (0, N_PARAGRAPHS));
            g_autofree char *text = random_text ();

            vr_paragraph_set_text (paragraph, g_test_rand_bit () ? "en" : "ru", text);
          }
          break;

        case 10:
          if (entity != watched)
            {
              g_autoptr(VrEntity) held = g_object_ref (entity);

              vr_document_remove_entity (document, held);
              g_assert_cmpuint (vr_entity_get_mention_count (held), ==, 0);
              vr_document_add_entity (document, held);
            }
          break;

        case 11:
          {
            guint k = g_test_rand_int_range (1, 12);

            _vr_document_begin_bulk (document);
            for (guint i = 0; i < k; i++)
              {
                g_autoptr(VrMention) fresh = new_random_mention (document, random_entity (document));
                vr_document_add_mention (document, fresh);
              }
            _vr_document_end_bulk (document);
          }
          break;

        default:
          {
            g_autoptr(VrMention) fresh = new_random_mention (document, watched);
            vr_document_add_mention (document, fresh);
          }
          break;
        }

      mirror_check (&all);
      mirror_check (&first_entity);
      check_everything (document);
    }

  g_test_message ("%u mentions at the end", g_list_model_get_n_items (vr_document_get_mentions (document)));

  mirror_clear (&all);
  mirror_clear (&first_entity);
  g_assert_finalize_object (g_steal_pointer (&document));
  g_assert_finalize_object (g_steal_pointer (&watched));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/consistency/random-edits", test_random_edits);

  return g_test_run ();
}
