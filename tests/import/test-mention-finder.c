/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "vr-core.h"
#include "vr-mention-finder.h"

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

static char *
mention_key (VrMention *mention)
{
  return g_strdup_printf ("%s|%s|%s|%u|%u|%s",
                          vr_entity_get_id (vr_mention_get_entity (mention)),
                          vr_paragraph_get_id (vr_mention_get_paragraph (mention)),
                          vr_mention_get_version_id (mention),
                          vr_mention_get_start (mention),
                          vr_mention_get_end (mention),
                          vr_mention_get_uncertain (mention) ? "uncertain" : "");
}

static void
remove_all_mentions (VrDocument *doc)
{
  GListModel *mentions = vr_document_get_mentions (doc);

  while (g_list_model_get_n_items (mentions) > 0)
    {
      g_autoptr(VrMention) m = g_list_model_get_item (mentions,
                                                      g_list_model_get_n_items (mentions) - 1);

      vr_document_remove_mention (doc, m);
    }
}

static void
assert_no_overlap (GPtrArray *found)
{
  for (guint i = 0; i < found->len; i++)
    for (guint j = i + 1; j < found->len; j++)
      {
        VrMention *a = g_ptr_array_index (found, i);
        VrMention *b = g_ptr_array_index (found, j);

        if (vr_mention_get_paragraph (a) != vr_mention_get_paragraph (b) ||
            g_strcmp0 (vr_mention_get_version_id (a), vr_mention_get_version_id (b)) != 0)
          continue;
        g_assert_true (vr_mention_get_end (a) <= vr_mention_get_start (b) ||
                       vr_mention_get_end (b) <= vr_mention_get_start (a));
      }
}

/* With its mentions removed, the sample's full-spelling mentions come back
 * exactly; its short references ("Yun's speech") are not variants and are
 * not found. */
static void
test_reproduces_sample (void)
{
  g_autoptr(VrDocument) doc = load_sample ();
  GListModel *mentions = vr_document_get_mentions (doc);
  g_autoptr(GHashTable) expected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) got = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) found = NULL;
  GHashTableIter iter;
  gpointer key;
  guint missing = 0, extra = 0;

  for (guint i = 0; i < g_list_model_get_n_items (mentions); i++)
    {
      g_autoptr(VrMention) m = g_list_model_get_item (mentions, i);

      if (!vr_mention_get_short (m))
        g_hash_table_add (expected, mention_key (m));
    }
  g_assert_cmpuint (g_hash_table_size (expected), >, 100);

  remove_all_mentions (doc);
  found = vr_mention_finder_find (doc, NULL);
  assert_no_overlap (found);
  for (guint i = 0; i < found->len; i++)
    g_hash_table_add (got, mention_key (g_ptr_array_index (found, i)));

  g_hash_table_iter_init (&iter, expected);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (got, key))
      {
        g_test_message ("missing: %s", (char *) key);
        missing++;
      }
  g_hash_table_iter_init (&iter, got);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (expected, key))
      {
        g_test_message ("extra: %s", (char *) key);
        extra++;
      }
  g_assert_cmpuint (missing, ==, 0);
  g_assert_cmpuint (extra, ==, 0);
  g_assert_cmpuint (found->len, ==, g_hash_table_size (expected));

  /* Found mentions apply, and a second run finds nothing more. */
  vr_document_add_mentions (doc, found);
  {
    g_autoptr(GPtrArray) again = vr_mention_finder_find (doc, NULL);

    g_assert_cmpuint (again->len, ==, 0);
  }
  g_assert_finalize_object (g_steal_pointer (&doc));
}

static void
test_uncertain_brackets (void)
{
  g_autoptr(VrDocument) doc = load_sample ();
  g_autoptr(GPtrArray) found = NULL;
  guint n_bracketed = 0;

  remove_all_mentions (doc);
  found = vr_mention_finder_find (doc, "en");
  for (guint i = 0; i < found->len; i++)
    {
      VrMention *m = g_ptr_array_index (found, i);
      g_autofree char *text = vr_mention_dup_text (m);

      g_assert_nonnull (text);
      if (strchr (text, '[') != NULL)
        {
          n_bracketed++;
          g_assert_true (vr_mention_get_uncertain (m));
        }
      else
        g_assert_false (vr_mention_get_uncertain (m));
    }
  /* Kim [Gan] ×2, Jeong [Dyun Tkhyak], Kim [Won Sun], Ri [Ur Gyu],
   * Ri [Yn Ho], Kim Chang [Hyp] */
  g_assert_cmpuint (n_bracketed, ==, 7);

  /* An unknown version has no text to scan. */
  g_clear_pointer (&found, g_ptr_array_unref);
  found = vr_mention_finder_find (doc, "ko");
  g_assert_cmpuint (found->len, ==, 0);
}

/* Existing mentions are never overlapped: a mention typed by hand over part
 * of a name keeps the name from being found there. */
static void
test_never_overlaps_existing (void)
{
  g_autoptr(VrDocument) doc = load_sample ();
  VrParagraph *p6;
  VrEntity *kim;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(VrMention) manual = NULL;

  remove_all_mentions (doc);
  p6 = vr_document_lookup_paragraph (doc, "p6");
  kim = vr_document_lookup_entity (doc, "kim-il");
  /* "Kim Il Sung gave a report…": a person marked "Il Sung" (4–11). */
  manual = vr_mention_new (kim, p6, "en", 4, 11);
  vr_document_add_mention (doc, manual);

  found = vr_mention_finder_find (doc, NULL);
  for (guint i = 0; i < found->len; i++)
    {
      VrMention *m = g_ptr_array_index (found, i);

      if (vr_mention_get_paragraph (m) == p6)
        g_assert_true (vr_mention_get_start (m) >= 11 || vr_mention_get_end (m) <= 4);
    }
}

/* When a spelling is added to an entity, it is found everywhere at once,
 * and only where no longer name holds it. */
static void
test_new_spelling (void)
{
  g_autoptr(VrDocument) doc = load_sample ();
  VrEntity *so_hwi = vr_document_lookup_entity (doc, "so-hwi");
  VrEntity *kim_il = vr_document_lookup_entity (doc, "kim-il");
  g_autoptr(GPtrArray) expected = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(VrVariant) variant = NULL;
  VrVariant *kim_il_form;
  guint n_expected;

  /* The sample's So Hwi mentions, then the spelling taken away. */
  variant = g_object_ref (vr_entity_lookup_variant (so_hwi, "So Hwi"));
  expected = vr_document_get_variant_mentions (doc, variant);
  n_expected = expected->len;
  g_assert_cmpuint (n_expected, >=, 3);
  {
    g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);

    for (guint i = 0; i < expected->len; i++)
      g_ptr_array_add (keys, mention_key (g_ptr_array_index (expected, i)));
    for (guint i = 0; i < expected->len; i++)
      vr_document_remove_mention (doc, g_ptr_array_index (expected, i));
    vr_entity_remove_variant (so_hwi, variant);
    g_clear_object (&variant);

    variant = vr_variant_new ("So Hwi", VR_NAME_SYSTEM_MR);
    vr_entity_add_variant (so_hwi, variant);
    found = vr_mention_finder_find_variant (doc, variant, NULL);
    g_assert_cmpuint (found->len, ==, n_expected);
    for (guint i = 0; i < found->len; i++)
      {
        g_autofree char *key = mention_key (g_ptr_array_index (found, i));

        g_assert_cmpstr (key, ==, g_ptr_array_index (keys, i));
      }
  }

  /* "Kim Il" inside "Kim Il Sung" stays Kim Il Sung's, mention or not. */
  remove_all_mentions (doc);
  kim_il_form = vr_entity_lookup_variant (kim_il, "Kim Il");
  g_clear_pointer (&found, g_ptr_array_unref);
  found = vr_mention_finder_find_variant (doc, kim_il_form, NULL);
  g_assert_cmpuint (found->len, ==, 1);
  for (guint i = 0; i < found->len; i++)
    {
      VrMention *m = g_ptr_array_index (found, i);
      g_autofree char *text = vr_mention_dup_text (m);

      g_assert_cmpstr (text, ==, "Kim Il");
      g_assert_true (vr_mention_get_entity (m) == kim_il);
    }

  /* A variant that is not in the document finds nothing. */
  {
    g_autoptr(VrVariant) loose = vr_variant_new ("Kim Il Sung", VR_NAME_SYSTEM_DPRK);
    g_autoptr(GPtrArray) none = vr_mention_finder_find_variant (doc, loose, NULL);

    g_assert_cmpuint (none->len, ==, 0);
  }
}

static void
on_found_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  GPtrArray **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = vr_mention_finder_find_finish (VR_DOCUMENT (source), result, &error);
  g_assert_no_error (error);
}

static void
test_async (void)
{
  g_autoptr(VrDocument) doc = load_sample ();
  g_autoptr(GPtrArray) sync = NULL;
  GPtrArray *async = NULL;

  remove_all_mentions (doc);
  sync = vr_mention_finder_find (doc, NULL);
  vr_mention_finder_find_async (doc, NULL, NULL, NULL, on_found_cb, &async);
  while (async == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (async->len, ==, sync->len);
  for (guint i = 0; i < sync->len; i++)
    {
      g_autofree char *a = mention_key (g_ptr_array_index (sync, i));
      g_autofree char *b = mention_key (g_ptr_array_index (async, i));

      g_assert_cmpstr (a, ==, b);
    }
  g_ptr_array_unref (async);
}

/* Edits made while the scan runs win: a paragraph whose text changed and a
 * span that got a mention meanwhile give nothing. */
static void
test_async_document_changed (void)
{
  g_autoptr(VrDocument) doc = load_sample ();
  g_autoptr(GPtrArray) sync = NULL;
  g_autoptr(VrMention) manual = NULL;
  GPtrArray *async = NULL;
  VrParagraph *p6, *p7;
  guint n_p6_start = 0, n_p7 = 0;

  remove_all_mentions (doc);
  sync = vr_mention_finder_find (doc, NULL);
  p6 = vr_document_lookup_paragraph (doc, "p6");
  p7 = vr_document_lookup_paragraph (doc, "p7");
  for (guint i = 0; i < sync->len; i++)
    {
      VrMention *m = g_ptr_array_index (sync, i);

      if (vr_mention_get_paragraph (m) == p7)
        n_p7++;
      if (vr_mention_get_paragraph (m) == p6 && vr_mention_get_start (m) == 0)
        n_p6_start++;
    }
  g_assert_cmpuint (n_p7, >, 0);
  g_assert_cmpuint (n_p6_start, ==, 1);

  vr_mention_finder_find_async (doc, NULL, NULL, NULL, on_found_cb, &async);
  manual = vr_mention_new (vr_document_lookup_entity (doc, "kim-il-sung"), p6, "en", 0, 3);
  vr_document_add_mention (doc, manual);
  vr_paragraph_set_text (p7, "en", "The USSR, rewritten while the scan ran.");
  while (async == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (async->len, ==, sync->len - n_p7 - n_p6_start);
  for (guint i = 0; i < async->len; i++)
    g_assert_true (vr_mention_get_paragraph (g_ptr_array_index (async, i)) != p7);
  g_ptr_array_unref (async);
}

static void
on_cancelled_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = vr_mention_finder_find_finish (VR_DOCUMENT (source),
                                                              result, &error);

  g_assert_null (found);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  *done = TRUE;
}

static void
test_async_cancel (void)
{
  g_autoptr(VrDocument) doc = load_sample ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  gboolean done = FALSE;

  g_cancellable_cancel (cancellable);
  vr_mention_finder_find_async (doc, NULL, NULL, cancellable, on_cancelled_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/mention-finder/reproduces-sample", test_reproduces_sample);
  g_test_add_func ("/mention-finder/uncertain-brackets", test_uncertain_brackets);
  g_test_add_func ("/mention-finder/never-overlaps-existing", test_never_overlaps_existing);
  g_test_add_func ("/mention-finder/new-spelling", test_new_spelling);
  g_test_add_func ("/mention-finder/async", test_async);
  g_test_add_func ("/mention-finder/async-cancel", test_async_cancel);
  g_test_add_func ("/mention-finder/async-document-changed", test_async_document_changed);

  return g_test_run ();
}
