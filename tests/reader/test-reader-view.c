/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <adwaita.h>

#include "vr-core.h"
#include "vr-citation.h"
#include "vr-entity-sidebar.h"
#include "vr-fold.h"
#include "vr-metadata-panel.h"
#include "vr-mention-strip.h"
#include "vr-reader-view.h"
#include "vr-text-view.h"
#include "vr-variant-table.h"

static VrDocument *
load_document (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  VrDocument *document = vr_document_load_file (file, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);

  return document;
}

static VrDocument *
load_sample (void)
{
  const char *path = g_getenv ("VARIORUM_SAMPLE");

  if (path == NULL || !g_file_test (path, G_FILE_TEST_EXISTS))
    return NULL;

  return load_document (path);
}

static VrDocument *
load_fixture (void)
{
  g_autofree char *path = g_build_filename (READER_FIXTURES, "untrusted.json", NULL);

  return load_document (path);
}

#define REQUIRE_SAMPLE(doc) \
  G_STMT_START { \
    if ((doc) == NULL) \
      { \
        g_test_skip ("no sample document"); \
        return; \
      } \
  } G_STMT_END

static VrReaderView *
new_view (VrDocument *document)
{
  VrReaderView *view = VR_READER_VIEW (vr_reader_view_new ());

  g_object_ref_sink (view);
  vr_reader_view_set_document (view, document);

  return view;
}

static GtkTextBuffer *
view_buffer (VrReaderView *view)
{
  return gtk_text_view_get_buffer (GTK_TEXT_VIEW (vr_reader_view_get_text_view (view)));
}

static VrEntity *
find_entity (VrDocument *document,
             const char *id)
{
  VrEntity *entity = vr_document_lookup_entity (document, id);

  g_assert_nonnull (entity);
  return entity;
}

/* Buffer range of a mention, computed from the model alone. */
static void
mention_buffer_range (VrReaderView *view,
                      VrMention    *mention,
                      int          *start,
                      int          *end)
{
  VrDocument *document = vr_reader_view_get_document (view);
  VrTextView *text_view = VR_TEXT_VIEW (vr_reader_view_get_text_view (view));
  int index = vr_document_get_paragraph_index (document, vr_mention_get_paragraph (mention));
  int base;

  g_assert_cmpint (index, >=, 0);
  base = vr_text_view_get_paragraph_offset (text_view, index);
  g_assert_cmpint (base, >=, 0);
  *start = base + vr_mention_get_start (mention);
  *end = base + vr_mention_get_end (mention);
}

/* "start-end;" for every range the tag covers, in buffer order. */
static char *
tag_ranges (GtkTextBuffer *buffer,
            const char    *tag_name)
{
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), tag_name);
  GString *s = g_string_new (NULL);
  GtkTextIter iter;

  g_assert_nonnull (tag);
  gtk_text_buffer_get_start_iter (buffer, &iter);

  if (!gtk_text_iter_starts_tag (&iter, tag))
    gtk_text_iter_forward_to_tag_toggle (&iter, tag);

  while (!gtk_text_iter_is_end (&iter))
    {
      int start = gtk_text_iter_get_offset (&iter);

      gtk_text_iter_forward_to_tag_toggle (&iter, tag);
      g_string_append_printf (s, "%d-%d;", start, gtk_text_iter_get_offset (&iter));
      if (!gtk_text_iter_forward_to_tag_toggle (&iter, tag))
        break;
    }

  return g_string_free (s, FALSE);
}

static char *
mention_ranges (VrReaderView *view,
                GPtrArray    *mentions)
{
  GString *s = g_string_new (NULL);
  int last_end = -1;

  /* Adjacent ranges merge in the buffer: merge them here too. */
  for (guint i = 0; i < mentions->len; i++)
    {
      int start, end;

      mention_buffer_range (view, g_ptr_array_index (mentions, i), &start, &end);
      if (start == last_end)
        {
          g_string_truncate (s, s->len - 1);
          while (s->len > 0 && s->str[s->len - 1] != '-')
            g_string_truncate (s, s->len - 1);
          g_string_append_printf (s, "%d;", end);
        }
      else
        g_string_append_printf (s, "%d-%d;", start, end);
      last_end = end;
    }

  return g_string_free (s, FALSE);
}

static void
test_view_shows_sample (void)
{
  g_autoptr(VrDocument) document = load_sample ();
  g_autoptr(VrReaderView) view = NULL;
  g_autoptr(GString) expected = NULL;
  g_autofree char *text = NULL;
  GtkTextIter start, end;
  GListModel *paragraphs;
  const char *version_id;

  REQUIRE_SAMPLE (document);
  view = new_view (document);

  paragraphs = vr_document_get_paragraphs (document);
  version_id = vr_version_get_id (vr_document_get_default_version (document));
  g_assert_cmpuint (g_list_model_get_n_items (paragraphs), >, 40);

  expected = g_string_new (NULL);
  for (guint i = 0; i < g_list_model_get_n_items (paragraphs); i++)
    {
      g_autoptr(VrParagraph) paragraph = g_list_model_get_item (paragraphs, i);

      if (i > 0)
        g_string_append_c (expected, '\n');
      g_string_append (expected, vr_paragraph_get_text (paragraph, version_id) ?: "");
    }

  gtk_text_buffer_get_bounds (view_buffer (view), &start, &end);
  text = gtk_text_buffer_get_text (view_buffer (view), &start, &end, TRUE);
  g_assert_cmpstr (text, ==, expected->str);
  g_assert_nonnull (strstr (text, "Yung Kong-hum"));
  g_assert_cmpint (gtk_text_buffer_get_line_count (view_buffer (view)), ==,
                   (int) g_list_model_get_n_items (paragraphs));
  g_assert_false (gtk_text_view_get_editable (GTK_TEXT_VIEW (vr_reader_view_get_text_view (view))));

  /* Every mention is marked by the tag of its entity's kind. */
  {
    GListModel *mentions = vr_document_get_mentions (document);
    GtkTextTagTable *table = gtk_text_buffer_get_tag_table (view_buffer (view));

    for (guint i = 0; i < g_list_model_get_n_items (mentions); i++)
      {
        g_autoptr(VrMention) mention = g_list_model_get_item (mentions, i);
        g_autofree char *tag_name = g_strdup_printf ("mention-%s",
                                                     vr_entity_kind_to_string (vr_entity_get_kind (vr_mention_get_entity (mention))));
        GtkTextTag *tag = gtk_text_tag_table_lookup (table, tag_name);
        GtkTextIter iter;
        int s, e;

        mention_buffer_range (view, mention, &s, &e);
        gtk_text_buffer_get_iter_at_offset (view_buffer (view), &iter, s);
        g_assert_true (gtk_text_iter_has_tag (&iter, tag));
        gtk_text_buffer_get_iter_at_offset (view_buffer (view), &iter, e - 1);
        g_assert_true (gtk_text_iter_has_tag (&iter, tag));
      }

    /* A few shared tags, never one per mention. */
    g_assert_cmpint (gtk_text_tag_table_get_size (table), <, 20);
  }
}

static void
test_entity_lists (void)
{
  g_autoptr(VrDocument) document = load_sample ();
  g_autoptr(VrReaderView) view = NULL;
  VrEntitySidebar *sidebar;
  GListModel *people, *entities;
  VrEntity *yun;
  guint n_people = 0, counted = 0;
  gboolean found = FALSE;

  REQUIRE_SAMPLE (document);
  view = new_view (document);
  sidebar = VR_ENTITY_SIDEBAR (vr_reader_view_get_entity_sidebar (view));

  entities = vr_document_get_entities (document);
  for (guint i = 0; i < g_list_model_get_n_items (entities); i++)
    {
      g_autoptr(VrEntity) entity = g_list_model_get_item (entities, i);

      n_people += vr_entity_get_kind (entity) == VR_ENTITY_KIND_PERSON;
    }

  people = vr_entity_sidebar_get_kind_model (sidebar, VR_ENTITY_KIND_PERSON);
  g_assert_cmpuint (g_list_model_get_n_items (people), ==, n_people);

  /* The total over every kind list is every entity. */
  for (guint k = VR_ENTITY_KIND_PERSON; k <= VR_ENTITY_KIND_OTHER; k++)
    counted += g_list_model_get_n_items (vr_entity_sidebar_get_kind_model (sidebar, k));
  g_assert_cmpuint (counted, ==, g_list_model_get_n_items (entities));

  yun = find_entity (document, "yun-gong-heum");
  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(VrEntity) entity = g_list_model_get_item (people, i);

      if (entity == yun)
        found = TRUE;
      /* Most mentioned first. */
      if (i > 0)
        {
          g_autoptr(VrEntity) previous = g_list_model_get_item (people, i - 1);

          g_assert_cmpuint (vr_entity_get_mention_count (previous), >=, vr_entity_get_mention_count (entity));
        }
    }
  g_assert_true (found);

  /* Yun Gong-heum: counted from the model's mention list, every spelling. */
  {
    GListModel *mentions = vr_document_get_mentions (document);
    guint n = 0;

    for (guint i = 0; i < g_list_model_get_n_items (mentions); i++)
      {
        g_autoptr(VrMention) mention = g_list_model_get_item (mentions, i);

        n += vr_mention_get_entity (mention) == yun;
      }
    g_assert_cmpuint (n, >=, 10);
    g_assert_cmpuint (vr_entity_get_mention_count (yun), ==, n);
  }

  g_assert_nonnull (vr_entity_lookup_variant (yun, "Yun Gong-heum"));
  g_assert_nonnull (vr_entity_lookup_variant (yun, "Yung Kong-hum"));

  /* Selecting shows its mentions in context and on the strip. */
  vr_reader_view_select_entity (view, yun);
  g_assert_true (vr_entity_sidebar_get_selected_entity (sidebar) == yun);
  g_assert_cmpuint (g_list_model_get_n_items (vr_entity_sidebar_get_mention_model (sidebar)), ==,
                    vr_entity_get_mention_count (yun));
  g_assert_cmpuint (vr_mention_strip_get_n_ticks (VR_MENTION_STRIP (vr_entity_sidebar_get_strip (sidebar))), ==,
                    vr_entity_get_mention_count (yun));

  {
    g_autoptr(VrMention) first = g_list_model_get_item (vr_entity_get_mentions (yun), 0);
    g_autofree char *left = NULL;
    g_autofree char *text = NULL;
    g_autofree char *right = NULL;
    g_autofree char *surface = vr_mention_dup_text (first);

    vr_entity_sidebar_get_context (first, &left, &text, &right);
    g_assert_cmpstr (text, ==, surface);
    g_assert_cmpuint (g_utf8_strlen (left, -1) + g_utf8_strlen (right, -1), >, 0);
  }
}

static void
test_select_entity_highlights (void)
{
  g_autoptr(VrDocument) document = load_sample ();
  g_autoptr(VrReaderView) view = NULL;
  g_autoptr(GPtrArray) expected = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *want = NULL;
  g_autofree char *got = NULL;
  g_autofree char *cleared = NULL;
  VrEntity *yun;
  GListModel *mentions;

  REQUIRE_SAMPLE (document);
  view = new_view (document);
  yun = find_entity (document, "yun-gong-heum");

  mentions = vr_document_get_mentions (document);
  for (guint i = 0; i < g_list_model_get_n_items (mentions); i++)
    {
      VrMention *mention = g_list_model_get_item (mentions, i);

      if (vr_mention_get_entity (mention) == yun)
        g_ptr_array_add (expected, mention);
      else
        g_object_unref (mention);
    }

  /* Through the sidebar, as a click would. */
  vr_entity_sidebar_set_selected_entity (VR_ENTITY_SIDEBAR (vr_reader_view_get_entity_sidebar (view)), yun);
  g_assert_true (vr_reader_view_get_selected_entity (view) == yun);
  g_assert_null (vr_reader_view_get_selected_variant (view));

  want = mention_ranges (view, expected);
  got = tag_ranges (view_buffer (view), "selected");
  g_assert_cmpstr (got, ==, want);

  vr_reader_view_select_entity (view, NULL);
  cleared = tag_ranges (view_buffer (view), "selected");
  g_assert_cmpstr (cleared, ==, "");
}

static void
test_select_variant_highlights (void)
{
  g_autoptr(VrDocument) document = load_sample ();
  g_autoptr(VrReaderView) view = NULL;
  g_autoptr(GPtrArray) expected = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *want = NULL;
  g_autofree char *got = NULL;
  VrVariantTable *table;
  VrEntity *yun;
  VrVariant *variant;
  GListModel *mentions;

  REQUIRE_SAMPLE (document);
  view = new_view (document);
  table = VR_VARIANT_TABLE (vr_reader_view_get_variant_table (view));
  yun = find_entity (document, "yun-gong-heum");
  variant = vr_entity_lookup_variant (yun, "Yung Kong-hum");
  g_assert_nonnull (variant);

  mentions = vr_entity_get_mentions (yun);
  for (guint i = 0; i < g_list_model_get_n_items (mentions); i++)
    {
      VrMention *mention = g_list_model_get_item (mentions, i);
      g_autofree char *text = vr_mention_dup_text (mention);

      if (g_strcmp0 (text, "Yung Kong-hum") == 0)
        g_ptr_array_add (expected, mention);
      else
        g_object_unref (mention);
    }
  g_assert_cmpuint (expected->len, >=, 1);
  g_assert_cmpuint (expected->len, <, vr_entity_get_mention_count (yun));

  /* As a click on the row would. */
  vr_variant_table_set_selected_variant (table, variant);
  g_assert_true (vr_reader_view_get_selected_variant (view) == variant);
  g_assert_true (vr_reader_view_get_selected_entity (view) == yun);
  g_assert_true (vr_entity_sidebar_get_selected_entity (VR_ENTITY_SIDEBAR (vr_reader_view_get_entity_sidebar (view))) == yun);

  want = mention_ranges (view, expected);
  got = tag_ranges (view_buffer (view), "selected");
  g_assert_cmpstr (got, ==, want);
  g_assert_cmpuint (vr_reader_view_get_highlighted (view)->len, ==, expected->len);
}

static guint
parse_cell (const char *text)
{
  return g_ascii_isdigit (text[0]) ? (guint) g_ascii_strtoull (text, NULL, 10) : G_MAXUINT;
}

static void
test_variant_table_sorting (void)
{
  g_autoptr(VrDocument) document = load_sample ();
  g_autoptr(VrReaderView) view = NULL;
  VrVariantTable *table;
  GListModel *model, *entities;
  guint n_variants = 0;

  REQUIRE_SAMPLE (document);
  view = new_view (document);
  table = VR_VARIANT_TABLE (vr_reader_view_get_variant_table (view));
  model = vr_variant_table_get_model (table);

  entities = vr_document_get_entities (document);
  for (guint i = 0; i < g_list_model_get_n_items (entities); i++)
    {
      g_autoptr(VrEntity) entity = g_list_model_get_item (entities, i);

      n_variants += g_list_model_get_n_items (vr_entity_get_variants (entity));
    }
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_variants);

  for (VrVariantColumn c = 0; c < VR_VARIANT_N_COLUMNS; c++)
    for (int order = 0; order < 2; order++)
      {
        gboolean numeric = c == VR_VARIANT_COLUMN_OCCURRENCES || c == VR_VARIANT_COLUMN_FIRST_PARAGRAPH;
        gboolean distinct = FALSE;

        vr_variant_table_sort_by (table, c, order == 0 ? GTK_SORT_ASCENDING : GTK_SORT_DESCENDING);
        g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_variants);

        for (guint i = 1; i < g_list_model_get_n_items (model); i++)
          {
            g_autoptr(VrVariant) a = g_list_model_get_item (model, i - 1);
            g_autoptr(VrVariant) b = g_list_model_get_item (model, i);
            g_autofree char *ta = vr_variant_table_dup_cell_text (table, a, c);
            g_autofree char *tb = vr_variant_table_dup_cell_text (table, b, c);
            int cmp;

            if (c == VR_VARIANT_COLUMN_STATUS)
              cmp = (int) vr_variant_get_status (a) - (int) vr_variant_get_status (b);
            else if (numeric)
              cmp = parse_cell (ta) < parse_cell (tb) ? -1 : parse_cell (ta) > parse_cell (tb);
            else
              cmp = g_utf8_collate (ta, tb);

            if (order == 1)
              cmp = -cmp;
            g_assert_cmpint (cmp, <=, 0);
            distinct |= cmp != 0;
          }

        /* Sorting by something that differs between rows really reorders. */
        if (c != VR_VARIANT_COLUMN_STATUS && c != VR_VARIANT_COLUMN_SYSTEM)
          g_assert_true (distinct);
      }
}

static void
test_variant_table_filters (void)
{
  g_autoptr(VrDocument) document = load_sample ();
  g_autoptr(VrReaderView) view = NULL;
  VrVariantTable *table;
  GListModel *model;
  guint n_choe;
  gboolean found_yung = FALSE;

  REQUIRE_SAMPLE (document);
  view = new_view (document);
  table = VR_VARIANT_TABLE (vr_reader_view_get_variant_table (view));
  model = vr_variant_table_get_model (table);

  n_choe = g_list_model_get_n_items (vr_entity_get_variants (find_entity (document, "choe-chang-ik"))) +
           g_list_model_get_n_items (vr_entity_get_variants (find_entity (document, "choe-yong-geon")));

  vr_variant_table_set_filter_text (table, "choe");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_choe);
  vr_variant_table_set_filter_text (table, "Ch'oe");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_choe);
  vr_variant_table_set_filter_text (table, "CHOE YONG");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  vr_variant_table_set_filter_text (table, "no such name");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  vr_variant_table_set_filter_text (table, "");

  vr_variant_table_set_only_multiple (table, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (model), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(VrVariant) variant = g_list_model_get_item (model, i);
      VrEntity *entity = vr_variant_get_entity (variant);

      g_assert_cmpuint (g_list_model_get_n_items (vr_entity_get_variants (entity)), >=, 2);
      found_yung |= g_strcmp0 (vr_variant_get_form (variant), "Yung Kong-hum") == 0;
    }
  g_assert_true (found_yung);

  /* Both filters at once. */
  vr_variant_table_set_filter_text (table, "yun");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  vr_variant_table_set_only_multiple (table, FALSE);
  vr_variant_table_set_filter_text (table, "");
}

static guint
count_people (VrEntitySidebar *sidebar)
{
  return g_list_model_get_n_items (vr_entity_sidebar_get_kind_model (sidebar, VR_ENTITY_KIND_PERSON));
}

static void
test_entity_filter (void)
{
  g_autoptr(VrDocument) document = load_sample ();
  g_autoptr(VrReaderView) view = NULL;
  VrEntitySidebar *sidebar;
  GListModel *people;
  const char *needles[] = { "choe", "Ch'oe", "CHOE", "chŏe" };

  REQUIRE_SAMPLE (document);
  view = new_view (document);
  sidebar = VR_ENTITY_SIDEBAR (vr_reader_view_get_entity_sidebar (view));
  people = vr_entity_sidebar_get_kind_model (sidebar, VR_ENTITY_KIND_PERSON);

  for (guint i = 0; i < G_N_ELEMENTS (needles); i++)
    {
      vr_entity_sidebar_set_filter_text (sidebar, needles[i]);
      g_assert_cmpuint (count_people (sidebar), ==, 2);
      for (guint j = 0; j < 2; j++)
        {
          g_autoptr(VrEntity) entity = g_list_model_get_item (people, j);

          g_assert_true (g_str_has_prefix (vr_entity_get_name (entity), "Choe "));
        }
      g_assert_cmpuint (g_list_model_get_n_items (vr_entity_sidebar_get_kind_model (sidebar, VR_ENTITY_KIND_PLACE)), ==, 0);
    }

  /* Any spelling finds the person: the translator's form, and Hangul. */
  vr_entity_sidebar_set_filter_text (sidebar, "kong-hum");
  g_assert_cmpuint (count_people (sidebar), ==, 1);
  vr_entity_sidebar_set_filter_text (sidebar, "윤공흠");
  g_assert_cmpuint (count_people (sidebar), ==, 1);
  {
    g_autoptr(VrEntity) entity = g_list_model_get_item (people, 0);

    g_assert_cmpstr (vr_entity_get_id (entity), ==, "yun-gong-heum");
  }

  /* The selection survives the filter hiding and showing its row. */
  vr_reader_view_select_entity (view, find_entity (document, "yun-gong-heum"));
  vr_entity_sidebar_set_filter_text (sidebar, "choe");
  g_assert_cmpstr (vr_entity_get_id (vr_reader_view_get_selected_entity (view)), ==, "yun-gong-heum");
  vr_entity_sidebar_set_filter_text (sidebar, "");
  g_assert_cmpstr (vr_entity_get_id (vr_reader_view_get_selected_entity (view)), ==, "yun-gong-heum");
}

static guint
count_folded (VrDocument *document,
              const char *word)
{
  GListModel *paragraphs = vr_document_get_paragraphs (document);
  const char *version_id = vr_version_get_id (vr_document_get_default_version (document));
  g_autofree char *needle = g_utf8_casefold (word, -1);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (paragraphs); i++)
    {
      g_autoptr(VrParagraph) paragraph = g_list_model_get_item (paragraphs, i);
      g_autofree char *text = g_utf8_casefold (vr_paragraph_get_text (paragraph, version_id) ?: "", -1);

      for (const char *p = strstr (text, needle); p != NULL; p = strstr (p + strlen (needle), needle))
        n++;
    }

  return n;
}

static void
test_search (void)
{
  g_autoptr(VrDocument) document = load_sample ();
  g_autoptr(VrReaderView) view = NULL;
  g_autofree char *status = NULL;
  g_autofree char *current = NULL;
  VrTextView *text_view;
  guint expected, n;

  REQUIRE_SAMPLE (document);
  view = new_view (document);
  text_view = VR_TEXT_VIEW (vr_reader_view_get_text_view (view));

  expected = count_folded (document, "plenum");
  g_assert_cmpuint (expected, >, 10);

  gtk_widget_activate_action (GTK_WIDGET (view), "reader.search", NULL);
  n = vr_reader_view_search (view, "PLENUM");
  g_assert_cmpuint (n, ==, expected);
  status = g_strdup_printf ("1 of %u", expected);
  g_assert_cmpstr (vr_reader_view_get_search_status (view), ==, status);

  gtk_widget_activate_action (GTK_WIDGET (view), "reader.search-next", NULL);
  g_assert_cmpint (vr_text_view_get_current_match (text_view), ==, 1);
  g_free (status);
  status = g_strdup_printf ("2 of %u", expected);
  g_assert_cmpstr (vr_reader_view_get_search_status (view), ==, status);

  /* Backwards from the first wraps to the last. */
  gtk_widget_activate_action (GTK_WIDGET (view), "reader.search-previous", NULL);
  gtk_widget_activate_action (GTK_WIDGET (view), "reader.search-previous", NULL);
  g_assert_cmpint (vr_text_view_get_current_match (text_view), ==, (int) expected - 1);

  /* The current match is one range of five characters spelling "plenum". */
  current = tag_ranges (view_buffer (view), "search-current");
  {
    int s, e;
    GtkTextIter a, b;
    g_autofree char *word = NULL;

    g_assert_cmpint (sscanf (current, "%d-%d;", &s, &e), ==, 2);
    gtk_text_buffer_get_iter_at_offset (view_buffer (view), &a, s);
    gtk_text_buffer_get_iter_at_offset (view_buffer (view), &b, e);
    word = gtk_text_iter_get_text (&a, &b);
    g_assert_cmpstr (g_utf8_casefold (word, -1), ==, "plenum");
  }

  /* Diacritic- and apostrophe-insensitive. */
  g_assert_cmpuint (vr_reader_view_search (view, "Ch'ŏe Chang-ik"), ==, count_folded (document, "Choe Chang-ik"));

  g_assert_cmpuint (vr_reader_view_search (view, "no such words here"), ==, 0);
  g_assert_cmpstr (vr_reader_view_get_search_status (view), ==, "No matches");
  g_assert_cmpuint (vr_reader_view_search (view, ""), ==, 0);
}

static void
test_offset_to_mention (void)
{
  g_autoptr(VrDocument) document = load_sample ();
  g_autoptr(VrReaderView) view = NULL;
  VrTextView *text_view;
  GListModel *mentions;

  REQUIRE_SAMPLE (document);
  view = new_view (document);
  text_view = VR_TEXT_VIEW (vr_reader_view_get_text_view (view));
  mentions = vr_document_get_mentions (document);

  for (guint i = 0; i < g_list_model_get_n_items (mentions); i++)
    {
      g_autoptr(VrMention) mention = g_list_model_get_item (mentions, i);
      VrMention *at_start, *at_last;
      int s, e;

      mention_buffer_range (view, mention, &s, &e);
      at_start = vr_text_view_get_mention_at_offset (text_view, s);
      at_last = vr_text_view_get_mention_at_offset (text_view, e - 1);
      g_assert_nonnull (at_start);
      g_assert_nonnull (at_last);
      g_assert_true (vr_mention_get_entity (at_start) == vr_mention_get_entity (mention) ||
                     vr_mention_get_start (at_start) != vr_mention_get_start (mention));
    }

  /* The first character of the document is a heading, not a name. */
  g_assert_null (vr_text_view_get_mention_at_offset (text_view, 0));
  g_assert_null (vr_text_view_get_mention_at_offset (text_view, -1));
  g_assert_null (vr_text_view_get_mention_at_offset (text_view, G_MAXINT));
}

static void
test_click_selects_and_steps (void)
{
  g_autoptr(VrDocument) document = load_sample ();
  g_autoptr(VrReaderView) view = NULL;
  VrTextView *text_view;
  VrEntity *yun;
  GListModel *mentions;
  GtkTextIter a, b;
  int s, e;

  REQUIRE_SAMPLE (document);
  view = new_view (document);
  text_view = VR_TEXT_VIEW (vr_reader_view_get_text_view (view));
  yun = find_entity (document, "yun-gong-heum");
  mentions = vr_entity_get_mentions (yun);

  /* A click on the second mention selects Yun, and stepping continues from it. */
  {
    g_autoptr(VrMention) second = g_list_model_get_item (mentions, 1);

    mention_buffer_range (view, second, &s, &e);
    g_signal_emit_by_name (text_view, "mention-activated",
                           vr_text_view_get_mention_at_offset (text_view, s + 1));
    g_assert_true (vr_reader_view_get_selected_entity (view) == yun);
  }

  gtk_widget_activate_action (GTK_WIDGET (view), "reader.next-mention", NULL);
  {
    g_autoptr(VrMention) third = g_list_model_get_item (mentions, 2);

    mention_buffer_range (view, third, &s, &e);
    g_assert_true (gtk_text_buffer_get_selection_bounds (view_buffer (view), &a, &b));
    g_assert_cmpint (gtk_text_iter_get_offset (&a), ==, s);
    g_assert_cmpint (gtk_text_iter_get_offset (&b), ==, e);
  }

  gtk_widget_activate_action (GTK_WIDGET (view), "reader.previous-mention", NULL);
  gtk_widget_activate_action (GTK_WIDGET (view), "reader.previous-mention", NULL);
  {
    g_autoptr(VrMention) first = g_list_model_get_item (mentions, 0);

    mention_buffer_range (view, first, &s, &e);
    g_assert_true (gtk_text_buffer_get_selection_bounds (view_buffer (view), &a, &b));
    g_assert_cmpint (gtk_text_iter_get_offset (&a), ==, s);
  }
}

static void
test_mention_at_point (void)
{
  g_autoptr(VrDocument) document = load_sample ();
  VrReaderView *view;
  VrTextView *text_view;
  GtkWidget *window;
  GtkTextIter start, end;
  GdkRectangle rect;
  int wx, wy;
  g_autoptr(VrMention) first = NULL;
  gint64 deadline;

  REQUIRE_SAMPLE (document);
  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  view = VR_READER_VIEW (vr_reader_view_new ());
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  vr_reader_view_set_document (view, document);
  gtk_window_present (GTK_WINDOW (window));
  text_view = VR_TEXT_VIEW (vr_reader_view_get_text_view (view));

  /* Wait for the text to be laid out. */
  deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while (g_get_monotonic_time () < deadline &&
         (gtk_widget_get_width (GTK_WIDGET (text_view)) == 0 || g_main_context_pending (NULL)))
    g_main_context_iteration (NULL, FALSE);

  first = g_list_model_get_item (vr_entity_get_mentions (vr_document_lookup_entity (document, "kim-il-sung")), 0);
  g_assert_true (vr_text_view_get_mention_bounds (text_view, first, &start, &end));
  gtk_text_iter_forward_char (&start);
  gtk_text_view_get_iter_location (GTK_TEXT_VIEW (text_view), &start, &rect);
  gtk_text_view_buffer_to_window_coords (GTK_TEXT_VIEW (text_view), GTK_TEXT_WINDOW_WIDGET,
                                         rect.x + rect.width / 2, rect.y + rect.height / 2, &wx, &wy);

  /* What hovering and clicking at that point find. */
  g_assert_true (vr_text_view_get_mention_at_point (text_view, wx, wy) == first);
  /* Far left, in the paragraph-number margin, there is no name. */
  g_assert_null (vr_text_view_get_mention_at_point (text_view, 2, wy));

  /* Each tick of the strip leads to one of the selected entity's mentions,
   * in document order from left to right. */
  {
    VrEntity *kim = vr_document_lookup_entity (document, "kim-il-sung");
    VrMentionStrip *strip = VR_MENTION_STRIP (vr_entity_sidebar_get_strip (VR_ENTITY_SIDEBAR (vr_reader_view_get_entity_sidebar (view))));
    VrMention *previous = NULL;
    guint found = 0;
    int width;

    vr_reader_view_select_entity (view, kim);
    deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
    while (g_get_monotonic_time () < deadline &&
           (gtk_widget_get_width (GTK_WIDGET (strip)) == 0 || g_main_context_pending (NULL)))
      g_main_context_iteration (NULL, FALSE);

    width = gtk_widget_get_width (GTK_WIDGET (strip));
    g_assert_cmpint (width, >, 40);
    g_assert_cmpuint (vr_mention_strip_get_n_ticks (strip), ==, vr_entity_get_mention_count (kim));
    for (int x = 0; x < width; x++)
      {
        VrMention *mention = vr_mention_strip_get_mention_at (strip, x);

        if (mention == NULL || mention == previous)
          continue;
        g_assert_true (vr_mention_get_entity (mention) == kim);
        previous = mention;
        found++;
      }
    g_assert_cmpuint (found, >, 1);
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
on_toast_cb (VrReaderView *view,
             const char   *message,
             char        **out)
{
  g_free (*out);
  *out = g_strdup (message);
}

static void
on_clipboard_text_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  char **out = user_data;

  *out = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, NULL);
  if (*out == NULL)
    *out = g_strdup ("");
}

static void
test_copy_citation (void)
{
  g_autoptr(VrDocument) document = load_sample ();
  g_autoptr(VrReaderView) view = NULL;
  g_autofree char *toast = NULL;
  g_autofree char *copied = NULL;
  g_autofree char *expected = NULL;
  g_auto(GStrv) rows = NULL;

  REQUIRE_SAMPLE (document);
  view = new_view (document);
  g_signal_connect (view, "toast", G_CALLBACK (on_toast_cb), &toast);

  gtk_widget_activate_action (GTK_WIDGET (view), "reader.copy-bibliography", NULL);
  g_assert_cmpstr (toast, ==, "Bibliography entry copied");
  gtk_widget_activate_action (GTK_WIDGET (view), "reader.copy-citation", NULL);
  g_assert_cmpstr (toast, ==, "Citation copied");

  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (view)), NULL,
                                 on_clipboard_text_cb, &copied);
  while (copied == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (g_str_has_prefix (copied, "\"Telegram from the USSR Ambassador"));
  g_assert_true (g_str_has_suffix (copied, "Listy 153-164. Translated by Gary Goldberg."));

  /* Every field in reading order, the free fields last. */
  rows = vr_metadata_panel_dup_rows (VR_METADATA_PANEL (vr_reader_view_get_metadata_panel (view)));
  g_assert_true (g_str_has_prefix (rows[0], "Title\tTelegram from"));
  g_assert_cmpstr (rows[1], ==, "Date\tSeptember 15, 1956");
  g_assert_cmpstr (rows[2], ==, "Classification\tTop Secret");
  g_assert_cmpstr (rows[3], ==, "Authors\tIvanov");
  g_assert_cmpstr (rows[4], ==, "Recipients\tMikoyan, Shepilov");
  g_assert_true (g_strv_contains ((const char * const *) rows, "Translator\tGary Goldberg"));
  g_assert_true (g_strv_contains ((const char * const *) rows, "Original language\tRussian"));
  g_assert_cmpstr (rows[g_strv_length (rows) - 1], ==, "Closing date\t14 November 1956");
}

static void
test_untrusted_text (void)
{
  g_autoptr(VrDocument) document = load_fixture ();
  g_autoptr(VrReaderView) view = new_view (document);
  VrTextView *text_view = VR_TEXT_VIEW (vr_reader_view_get_text_view (view));
  g_autofree char *text = NULL;
  g_autofree char *note = NULL;
  g_auto(GStrv) rows = NULL;
  g_autoptr(GtkWidget) card = NULL;
  GtkTextIter start, end;
  VrMention *mention;
  gboolean saw_description = FALSE;

  gtk_text_buffer_get_bounds (view_buffer (view), &start, &end);
  text = gtk_text_buffer_get_text (view_buffer (view), &start, &end, TRUE);
  g_assert_cmpstr (text, ==,
                   "Report <b>bold</b> & \"quoted\"\n"
                   "Ch'oe Yong-gŏn met Choe Yong-geon and <Kim & Co>.\n"
                   "Drafted by <i>nobody</i>");

  rows = vr_metadata_panel_dup_rows (VR_METADATA_PANEL (vr_reader_view_get_metadata_panel (view)));
  g_assert_cmpstr (rows[0], ==, "Title\tA \"quoted\" <b>title</b> & more");
  g_assert_true (g_strv_contains ((const char * const *) rows, "Note <x>\ta & b"));

  note = vr_citation_format_note (vr_document_get_metadata (document));
  g_assert_cmpstr (note, ==, "\"A 'quoted' <b>title</b> & more,\" June 1950, Repo & <Co>. Translated by A. <i>Translator</i>.");

  /* The hover card of "Ch'oe Yong-gŏn" shows the markup-like text as is. */
  mention = vr_text_view_get_mention_at_offset (text_view, vr_text_view_get_paragraph_offset (text_view, 1) + 3);
  g_assert_nonnull (mention);
  card = g_object_ref_sink (vr_text_view_create_mention_card (text_view, mention));
  for (GtkWidget *child = gtk_widget_get_first_child (card); child; child = gtk_widget_get_next_sibling (child))
    {
      g_assert_true (GTK_IS_LABEL (child));
      g_assert_false (gtk_label_get_use_markup (GTK_LABEL (child)));
      if (g_strcmp0 (gtk_label_get_label (GTK_LABEL (child)), "<b>Chair</b> & \"leader\"") == 0)
        saw_description = TRUE;
    }
  g_assert_true (saw_description);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (gtk_widget_get_first_child (card))), ==, "Choe Yong-geon");

  /* Filtering by the Revised or McCune–Reischauer spelling, or by "ŏ". */
  {
    VrEntitySidebar *sidebar = VR_ENTITY_SIDEBAR (vr_reader_view_get_entity_sidebar (view));

    vr_entity_sidebar_set_filter_text (sidebar, "gŏn");
    g_assert_cmpuint (count_people (sidebar), ==, 1);
    vr_entity_sidebar_set_filter_text (sidebar, "<kim &");
    g_assert_cmpuint (count_people (sidebar), ==, 0);
    g_assert_cmpuint (g_list_model_get_n_items (vr_entity_sidebar_get_kind_model (sidebar, VR_ENTITY_KIND_ORGANIZATION)), ==, 1);
  }

  /* Selecting the MR spelling marks only the first mention. */
  {
    VrEntity *choe = find_entity (document, "choe");
    g_autofree char *ranges = NULL;

    vr_reader_view_select_variant (view, vr_entity_lookup_variant (choe, "Ch'oe Yong-gŏn"));
    ranges = tag_ranges (view_buffer (view), "selected");
    g_assert_cmpstr (ranges, ==, "30-44;");
  }
}

static GtkWidget *
find_labelled (GtkWidget  *widget,
               GType       type,
               const char *label)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    {
      g_autofree char *error = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                                                   GTK_ACCESSIBLE_PROPERTY_LABEL, label);
      if (error == NULL)
        return widget;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_labelled (child, type, label);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
find_widget_with_label (GtkWidget  *widget,
                        GType       type,
                        const char *label)
{
  return find_labelled (widget, type, label) != NULL;
}

static void
test_accessibility (void)
{
  g_autoptr(VrDocument) document = load_fixture ();
  g_autoptr(VrReaderView) view = new_view (document);
  GtkWidget *text_view = vr_reader_view_get_text_view (view);

  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (text_view), GTK_ACCESSIBLE_ROLE_TEXT_BOX);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (text_view), GTK_ACCESSIBLE_PROPERTY_LABEL, "Document text");

  g_assert_true (gtk_test_accessible_has_role (GTK_ACCESSIBLE (find_labelled (GTK_WIDGET (view), GTK_TYPE_COLUMN_VIEW, "Spellings")),
                                               GTK_ACCESSIBLE_ROLE_TREE_GRID));
  g_assert_true (gtk_test_accessible_has_role (GTK_ACCESSIBLE (find_labelled (GTK_WIDGET (view), GTK_TYPE_LIST_BOX, "Organizations")),
                                               GTK_ACCESSIBLE_ROLE_LIST));
  g_assert_true (gtk_test_accessible_has_role (GTK_ACCESSIBLE (find_labelled (GTK_WIDGET (view), GTK_TYPE_LIST_VIEW, "Mentions in context")),
                                               GTK_ACCESSIBLE_ROLE_LIST));
  g_assert_true (find_widget_with_label (GTK_WIDGET (view), GTK_TYPE_BOX, "Entities"));
  g_assert_true (find_widget_with_label (GTK_WIDGET (view), GTK_TYPE_LIST_BOX, "People"));
  g_assert_true (find_widget_with_label (GTK_WIDGET (view), GTK_TYPE_SEARCH_ENTRY, "Search the document"));
  g_assert_true (find_widget_with_label (GTK_WIDGET (view), GTK_TYPE_SEARCH_ENTRY, "Filter names"));
  /* Icon-only buttons have names, not just tooltips. */
  g_assert_true (find_widget_with_label (GTK_WIDGET (view), GTK_TYPE_BUTTON, "Copy Citation"));
  g_assert_true (find_widget_with_label (GTK_WIDGET (view), GTK_TYPE_BUTTON, "Next Match"));
  g_assert_true (find_widget_with_label (GTK_WIDGET (view), GTK_TYPE_BUTTON, "Previous Match"));

  /* An entity row says what it shows. */
  g_assert_true (find_widget_with_label (GTK_WIDGET (view), GTK_TYPE_LIST_BOX_ROW, "Choe Yong-geon, 2 mentions"));
}

static void
on_notify_cb (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static void
test_properties (void)
{
  g_autoptr(VrDocument) document = load_fixture ();
  g_autoptr(VrReaderView) view = new_view (NULL);
  guint n_document = 0, n_entities = 0, n_zoom = 0;

  g_signal_connect (view, "notify::document", G_CALLBACK (on_notify_cb), &n_document);
  g_signal_connect (view, "notify::show-entities", G_CALLBACK (on_notify_cb), &n_entities);
  g_signal_connect (view, "notify::zoom", G_CALLBACK (on_notify_cb), &n_zoom);

  g_assert_true (vr_reader_view_get_show_entities (view));
  g_assert_true (vr_reader_view_get_show_details (view));
  g_assert_true (vr_reader_view_get_show_spellings (view));
  g_assert_cmpfloat (vr_reader_view_get_zoom (view), ==, 1.0);

  /* No document: actions do nothing, and do not crash. */
  gtk_widget_activate_action (GTK_WIDGET (view), "reader.copy-citation", NULL);
  gtk_widget_activate_action (GTK_WIDGET (view), "reader.next-mention", NULL);
  g_assert_cmpuint (vr_reader_view_search (view, "x"), ==, 0);

  vr_reader_view_set_document (view, document);
  vr_reader_view_set_document (view, document);
  g_assert_cmpuint (n_document, ==, 1);

  vr_reader_view_set_show_entities (view, FALSE);
  vr_reader_view_set_show_entities (view, FALSE);
  g_assert_cmpuint (n_entities, ==, 1);
  g_assert_false (gtk_widget_get_visible (vr_reader_view_get_entity_sidebar (view)));
  gtk_widget_activate_action (GTK_WIDGET (view), "reader.focus-entities", NULL);
  g_assert_true (vr_reader_view_get_show_entities (view));
  g_assert_cmpuint (n_entities, ==, 2);

  vr_reader_view_set_show_details (view, FALSE);
  vr_reader_view_set_show_spellings (view, FALSE);
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_ancestor (vr_reader_view_get_variant_table (view), GTK_TYPE_BOX)));
  vr_reader_view_set_show_spellings (view, TRUE);

  vr_reader_view_set_zoom (view, 2.0);
  vr_reader_view_set_zoom (view, 2.0);
  g_assert_cmpuint (n_zoom, ==, 1);
  g_assert_cmpfloat (vr_text_view_get_zoom (VR_TEXT_VIEW (vr_reader_view_get_text_view (view))), ==, 2.0);
  vr_reader_view_set_zoom (view, 9.0);
  g_assert_cmpfloat (vr_reader_view_get_zoom (view), ==, 3.0);

  vr_reader_view_set_document (view, NULL);
  g_assert_null (vr_reader_view_get_selected_entity (view));
}

static void
test_model_change_rebuilds (void)
{
  g_autoptr(VrDocument) document = load_fixture ();
  g_autoptr(VrReaderView) view = new_view (document);
  g_autoptr(VrParagraph) paragraph = vr_paragraph_new ("p4");
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  vr_paragraph_set_text (paragraph, "en", "A new paragraph.");
  vr_document_add_paragraph (document, paragraph);
  while (g_main_context_iteration (NULL, FALSE))
    ;

  gtk_text_buffer_get_bounds (view_buffer (view), &start, &end);
  text = gtk_text_buffer_get_text (view_buffer (view), &start, &end, TRUE);
  g_assert_true (g_str_has_suffix (text, "\nA new paragraph."));

  /* A mention found later is highlighted with the rest of its entity's. */
  {
    VrEntity *choe = find_entity (document, "choe");
    g_autoptr(VrMention) mention = NULL;
    g_autofree char *ranges = NULL;
    g_autofree char *last = NULL;
    int base = vr_text_view_get_paragraph_offset (VR_TEXT_VIEW (vr_reader_view_get_text_view (view)), 3);

    vr_reader_view_select_entity (view, choe);
    g_assert_cmpuint (vr_reader_view_get_highlighted (view)->len, ==, 2);
    vr_paragraph_set_text (paragraph, "en", "A new paragraph on Choe Yong-geon.");
    while (g_main_context_iteration (NULL, FALSE))
      ;
    mention = vr_mention_new (choe, paragraph, "en", 19, 33);
    vr_document_add_mention (document, mention);
    while (g_main_context_iteration (NULL, FALSE))
      ;
    g_assert_cmpuint (vr_reader_view_get_highlighted (view)->len, ==, 3);
    ranges = tag_ranges (view_buffer (view), "selected");
    last = g_strdup_printf ("%d-%d;", base + 19, base + 33);
    g_assert_true (g_str_has_suffix (ranges, last));

    /* Removing the entity drops the selection. */
    vr_document_remove_entity (document, choe);
    g_assert_null (vr_reader_view_get_selected_entity (view));
  }
}

static void
test_finalize (void)
{
  g_autoptr(VrDocument) document = load_fixture ();
  VrReaderView *view = new_view (document);

  vr_reader_view_select_entity (view, find_entity (document, "choe"));
  vr_reader_view_search (view, "choe");
  g_assert_finalize_object (view);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/reader/view/shows-sample", test_view_shows_sample);
  g_test_add_func ("/reader/view/entity-lists", test_entity_lists);
  g_test_add_func ("/reader/view/select-entity", test_select_entity_highlights);
  g_test_add_func ("/reader/view/select-variant", test_select_variant_highlights);
  g_test_add_func ("/reader/view/table-sorting", test_variant_table_sorting);
  g_test_add_func ("/reader/view/table-filters", test_variant_table_filters);
  g_test_add_func ("/reader/view/entity-filter", test_entity_filter);
  g_test_add_func ("/reader/view/search", test_search);
  g_test_add_func ("/reader/view/offset-to-mention", test_offset_to_mention);
  g_test_add_func ("/reader/view/click-and-step", test_click_selects_and_steps);
  g_test_add_func ("/reader/view/mention-at-point", test_mention_at_point);
  g_test_add_func ("/reader/view/copy-citation", test_copy_citation);
  g_test_add_func ("/reader/view/untrusted-text", test_untrusted_text);
  g_test_add_func ("/reader/view/accessibility", test_accessibility);
  g_test_add_func ("/reader/view/properties", test_properties);
  g_test_add_func ("/reader/view/model-change", test_model_change_rebuilds);
  g_test_add_func ("/reader/view/finalize", test_finalize);

  return g_test_run ();
}
