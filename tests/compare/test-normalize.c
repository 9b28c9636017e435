/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-normalize"

#include "config.h"

#include "vr-core.h"
#include "vr-compare.h"

static VrDocument *
load_sample (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (g_getenv ("VARIORUM_SAMPLE"));
  VrDocument *doc = vr_document_load_file (file, NULL, &error);

  g_assert_no_error (error);
  return doc;
}

static VrDocument *
load_fixture (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "compare", "fixtures", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  VrDocument *doc = vr_document_load_file (file, NULL, &error);

  g_assert_no_error (error);
  return doc;
}

static char *
first_word (const char *form)
{
  const char *space = strchr (form, ' ');

  return space != NULL ? g_strndup (form, space - form) : g_strdup (form);
}

/* The form the test expects, worked out from the romanizer directly. */
static char *
expected_form (VrEntity          *entity,
               VrNormalizeSystem  system,
               gboolean           is_short)
{
  const char *hangul = vr_entity_get_hangul (entity);
  g_autoptr(VrRomanization) romanization = NULL;
  const char *full = vr_entity_get_name (entity);

  if (hangul != NULL && system != VR_NORMALIZE_PREFERRED)
    {
      romanization = vr_romanize_hangul (hangul, NULL);
      g_assert_nonnull (romanization);
      full = system == VR_NORMALIZE_RR ? romanization->rr :
             system == VR_NORMALIZE_MR ? romanization->mr : romanization->mr_ascii;
    }

  /* Every short reference to a person in the sample is to a Korean. */
  return is_short ? first_word (full) : g_strdup (full);
}

/* Puts the original spellings back in the normalized text. */
static char *
unreplace (VrNormalizedParagraph *np)
{
  GString *out = g_string_new (NULL);
  guint pos = 0;
  glong n_chars = g_utf8_strlen (np->text, -1);

  for (guint i = 0; i < np->replacements->len; i++)
    {
      VrReplacement *r = &g_array_index (np->replacements, VrReplacement, i);
      g_autofree char *between = g_utf8_substring (np->text, pos, r->start);
      g_autofree char *original = g_utf8_substring (np->original, r->original_start,
                                                    r->original_end);

      g_string_append (out, between);
      g_string_append (out, original);
      pos = r->end;
    }
  {
    g_autofree char *tail = g_utf8_substring (np->text, pos, n_chars);

    g_string_append (out, tail);
  }

  return g_string_free (out, FALSE);
}

/* Every mention of a person in the sample becomes the expected form, at the
 * ranges given, and nothing else in the text changes. */
static void
test_sample (gconstpointer data)
{
  VrNormalizeSystem system = GPOINTER_TO_INT (data);
  g_autoptr(VrDocument) doc = load_sample ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) result = NULL;
  GListModel *paragraphs = vr_document_get_paragraphs (doc);
  guint n_person_mentions = 0;
  guint n_replaced = 0;

  result = vr_normalize_version (doc, "en", system, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result->len, ==, g_list_model_get_n_items (paragraphs));

  for (guint i = 0; i < result->len; i++)
    {
      VrNormalizedParagraph *np = g_ptr_array_index (result, i);
      g_autoptr(VrParagraph) paragraph = g_list_model_get_item (paragraphs, i);
      g_autoptr(GPtrArray) mentions = vr_document_get_paragraph_mentions (doc, paragraph, "en");
      g_autofree char *back = NULL;
      guint r_index = 0;

      g_assert_true (np->paragraph == paragraph);
      g_assert_cmpstr (np->original, ==, vr_paragraph_get_text (paragraph, "en"));

      for (guint j = 0; j < mentions->len; j++)
        {
          VrMention *mention = g_ptr_array_index (mentions, j);
          VrEntity *entity = vr_mention_get_entity (mention);
          g_autofree char *expected = NULL;
          g_autofree char *at_new = NULL;
          g_autofree char *at_old = NULL;
          g_autofree char *mention_text = vr_mention_dup_text (mention);
          VrReplacement *r;

          if (vr_entity_get_kind (entity) != VR_ENTITY_KIND_PERSON)
            continue;
          n_person_mentions++;

          g_assert_cmpuint (r_index, <, np->replacements->len);
          r = &g_array_index (np->replacements, VrReplacement, r_index++);
          g_assert_true (r->mention == mention);
          g_assert_true (r->entity == entity);

          expected = expected_form (entity, system, vr_mention_get_short (mention));
          at_new = g_utf8_substring (np->text, r->start, r->end);
          at_old = g_utf8_substring (np->original, r->original_start, r->original_end);
          g_assert_cmpstr (r->form, ==, expected);
          g_assert_cmpstr (at_new, ==, expected);
          g_assert_cmpstr (at_old, ==, mention_text);
          n_replaced++;
        }
      /* Organizations, places and events without Hangul are not replaced. */
      g_assert_cmpuint (r_index, ==, np->replacements->len);

      back = unreplace (np);
      g_assert_cmpstr (back, ==, np->original);
    }

  g_assert_cmpuint (n_replaced, ==, n_person_mentions);
  g_assert_cmpuint (n_replaced, >, 40);
}

static char *
version_text (GPtrArray *result)
{
  GString *all = g_string_new (NULL);

  for (guint i = 0; i < result->len; i++)
    {
      VrNormalizedParagraph *np = g_ptr_array_index (result, i);

      g_string_append (all, np->text);
      g_string_append_c (all, '\n');
    }

  return g_string_free (all, FALSE);
}

/* Every spelling of the sample's names, as a reader would check it. */
static void
test_sample_spellings (void)
{
  g_autoptr(VrDocument) doc = load_sample ();
  g_autoptr(GPtrArray) rr = vr_normalize_version (doc, "en", VR_NORMALIZE_RR, NULL);
  g_autoptr(GPtrArray) mr = vr_normalize_version (doc, "en", VR_NORMALIZE_MR, NULL);
  g_autoptr(GPtrArray) preferred = vr_normalize_version (doc, "en", VR_NORMALIZE_PREFERRED, NULL);
  g_autofree char *rr_text = version_text (rr);
  g_autofree char *mr_text = version_text (mr);
  g_autofree char *preferred_text = version_text (preferred);
  VrNormalizedParagraph *p43;

  /* Both spellings of Yun Gong-heum become one. */
  g_assert_null (strstr (rr_text, "Yung Kong-hum"));
  g_assert_null (strstr (mr_text, "Yung Kong-hum"));
  g_assert_null (strstr (preferred_text, "Yung Kong-hum"));
  g_assert_nonnull (strstr (rr_text, "Yun Gong-heum"));
  g_assert_nonnull (strstr (mr_text, "Yun Kong-hŭm"));
  g_assert_null (strstr (mr_text, "Gong-heum"));

  /* The translator's bracketed forms become readings of their Hangul. */
  g_assert_null (strstr (rr_text, "[Gan]"));
  g_assert_nonnull (strstr (rr_text, "Kim Gang"));
  g_assert_nonnull (strstr (mr_text, "Kim Kang"));
  g_assert_nonnull (strstr (rr_text, "Jeong Jun-taek"));
  g_assert_nonnull (strstr (mr_text, "Chŏng Chun-t'aek"));
  g_assert_nonnull (strstr (preferred_text, "Jeong [Dyun Tkhyak]"));
  g_assert_nonnull (strstr (rr_text, "Seo Hwi"));
  g_assert_nonnull (strstr (mr_text, "Sŏ Hwi"));
  g_assert_nonnull (strstr (mr_text, "Kim Il-sŏng"));

  /* Without Hangul, the preferred name stays under every system. */
  g_assert_nonnull (strstr (rr_text, "Kim [Won Sun]"));
  g_assert_nonnull (strstr (mr_text, "Ri [Yn Ho]"));
  g_assert_nonnull (strstr (mr_text, "Stalin"));

  /* Short references: "Choe was asked" in p43 becomes the MR surname. */
  p43 = g_ptr_array_index (mr, 42);
  for (guint i = 0; i < p43->replacements->len; i++)
    {
      VrReplacement *r = &g_array_index (p43->replacements, VrReplacement, i);

      if (vr_mention_get_short (r->mention) &&
          g_str_equal (vr_entity_get_id (r->entity), "choe-chang-ik"))
        g_assert_cmpstr (r->form, ==, "Ch'oe");
      else if (vr_mention_get_short (r->mention))
        g_assert_cmpstr (r->form, ==, "Yun");
    }
}

static void
check_range (VrNormalizedParagraph *np,
             guint                  index,
             guint                  original_start,
             guint                  original_end,
             guint                  start,
             guint                  end,
             const char            *form)
{
  VrReplacement *r = &g_array_index (np->replacements, VrReplacement, index);
  g_autofree char *at = g_utf8_substring (np->text, r->start, r->end);

  g_assert_cmpuint (r->original_start, ==, original_start);
  g_assert_cmpuint (r->original_end, ==, original_end);
  g_assert_cmpuint (r->start, ==, start);
  g_assert_cmpuint (r->end, ==, end);
  g_assert_cmpstr (r->form, ==, form);
  g_assert_cmpstr (at, ==, form);
}

/* Exact texts and ranges on the fixture, with forms shorter and longer
 * than the spellings they replace and characters beyond ASCII. */
static void
test_fixture_ranges (void)
{
  g_autoptr(VrDocument) doc = load_fixture ("two-versions.json");
  VrParagraph *p4 = vr_document_lookup_paragraph (doc, "p4");
  VrParagraph *p5 = vr_document_lookup_paragraph (doc, "p5");
  g_autoptr(VrNormalizedParagraph) rr = vr_normalize_paragraph (doc, p4, "en", VR_NORMALIZE_RR);
  g_autoptr(VrNormalizedParagraph) mr = vr_normalize_paragraph (doc, p4, "en", VR_NORMALIZE_MR);
  g_autoptr(VrNormalizedParagraph) alt = vr_normalize_paragraph (doc, p5, "en-alt", VR_NORMALIZE_RR);
  g_autoptr(VrNormalizedParagraph) copy = NULL;

  g_assert_cmpstr (rr->text, ==,
                   "Seo Hwi and Kim Gang crossed the Chinese border.\n"
                   "Seo Hwi had been chairman of the trade unions.");
  g_assert_cmpuint (rr->replacements->len, ==, 3);
  check_range (rr, 0, 0, 7, 0, 7, "Seo Hwi");
  check_range (rr, 1, 12, 21, 12, 20, "Kim Gang");
  check_range (rr, 2, 50, 56, 49, 56, "Seo Hwi");

  g_assert_cmpstr (mr->text, ==,
                   "Sŏ Hwi and Kim Kang crossed the Chinese border.\n"
                   "Sŏ Hwi had been chairman of the trade unions.");
  check_range (mr, 0, 0, 7, 0, 6, "Sŏ Hwi");
  check_range (mr, 1, 12, 21, 11, 19, "Kim Kang");
  check_range (mr, 2, 50, 56, 48, 54, "Sŏ Hwi");

  g_assert_cmpstr (alt->text, ==, "Choe Chang-ik spoke in defence of Yun; Choe was expelled later.");
  check_range (alt, 0, 0, 15, 0, 13, "Choe Chang-ik");
  check_range (alt, 1, 36, 39, 34, 37, "Yun");
  check_range (alt, 2, 41, 45, 39, 43, "Choe");

  copy = g_boxed_copy (VR_TYPE_NORMALIZED_PARAGRAPH, mr);
  g_assert_cmpstr (copy->text, ==, mr->text);
  g_assert_cmpuint (copy->replacements->len, ==, 3);
  g_assert_true (g_array_index (copy->replacements, VrReplacement, 2).mention ==
                 g_array_index (mr->replacements, VrReplacement, 2).mention);
}

static VrEntity *
person (const char   *name,
        const char   *hangul,
        VrNameSystem  system)
{
  VrEntity *entity = vr_entity_new ("x", VR_ENTITY_KIND_PERSON, name);
  g_autoptr(VrVariant) variant = vr_variant_new (name, system);

  vr_entity_set_hangul (entity, hangul);
  vr_entity_add_variant (entity, variant);
  return entity;
}

static void
check_form (VrEntity          *entity,
            VrNormalizeSystem  system,
            gboolean           is_short,
            const char        *expected)
{
  g_autofree char *form = vr_normalize_entity_form (entity, system, is_short);

  g_assert_cmpstr (form, ==, expected);
}

static void
test_entity_forms (void)
{
  g_autoptr(VrEntity) korean = person ("Kim [Won Sun]", NULL, VR_NAME_SYSTEM_TRANSLATOR);
  g_autoptr(VrEntity) hangul = person ("Ri Pil-gyu", "리필규", VR_NAME_SYSTEM_RR);
  g_autoptr(VrEntity) western = person ("Joseph Stalin", NULL, VR_NAME_SYSTEM_OTHER);
  g_autoptr(VrEntity) one_word = person ("Mikoyan", NULL, VR_NAME_SYSTEM_OTHER);
  g_autoptr(VrEntity) bad_hangul = person ("Pak Il-u", "not hangul", VR_NAME_SYSTEM_RR);
  g_autoptr(VrEntity) org = vr_entity_new ("kwp-cc", VR_ENTITY_KIND_ORGANIZATION,
                                           "KWP Central Committee");
  g_autoptr(VrEntity) place = vr_entity_new ("pyongyang", VR_ENTITY_KIND_PLACE, "Pyongyang");

  check_form (korean, VR_NORMALIZE_RR, FALSE, "Kim [Won Sun]");
  check_form (korean, VR_NORMALIZE_MR, TRUE, "Kim");
  check_form (hangul, VR_NORMALIZE_RR, FALSE, "Ri Pil-gyu");
  check_form (hangul, VR_NORMALIZE_MR, FALSE, "Yi P'il-gyu");
  check_form (hangul, VR_NORMALIZE_MR_ASCII, FALSE, "Yi Pil-gyu");
  check_form (hangul, VR_NORMALIZE_MR, TRUE, "Yi");
  check_form (western, VR_NORMALIZE_RR, TRUE, "Stalin");
  check_form (western, VR_NORMALIZE_PREFERRED, FALSE, "Joseph Stalin");
  check_form (one_word, VR_NORMALIZE_MR, TRUE, "Mikoyan");
  check_form (bad_hangul, VR_NORMALIZE_RR, FALSE, "Pak Il-u");
  check_form (org, VR_NORMALIZE_RR, TRUE, "KWP Central Committee");

  g_assert_true (vr_normalize_entity_is_replaced (western));
  g_assert_false (vr_normalize_entity_is_replaced (org));
  vr_entity_set_hangul (place, "평양");
  g_assert_true (vr_normalize_entity_is_replaced (place));
}

/* Of mentions that overlap, the longest at a start is replaced and later
 * ones inside it are left alone; text without mentions is unchanged. */
static void
test_overlap (void)
{
  g_autoptr(VrDocument) doc = vr_document_new ();
  g_autoptr(VrVersion) version = vr_version_new ("en");
  g_autoptr(VrParagraph) paragraph = vr_paragraph_new ("p1");
  g_autoptr(VrParagraph) empty = vr_paragraph_new ("p2");
  g_autoptr(VrEntity) entity = person ("Kim Il Sung", "김일성", VR_NAME_SYSTEM_DPRK);
  g_autoptr(VrMention) whole = NULL;
  g_autoptr(VrMention) part = NULL;
  g_autoptr(VrMention) inside = NULL;
  g_autoptr(VrNormalizedParagraph) np = NULL;
  g_autoptr(VrNormalizedParagraph) none = NULL;

  vr_document_add_version (doc, version);
  vr_paragraph_set_text (paragraph, "en", "Kim Il Sung spoke.");
  vr_document_add_paragraph (doc, paragraph);
  vr_document_add_paragraph (doc, empty);
  vr_document_add_entity (doc, entity);
  part = vr_mention_new (entity, paragraph, "en", 0, 3);
  whole = vr_mention_new (entity, paragraph, "en", 0, 11);
  inside = vr_mention_new (entity, paragraph, "en", 4, 11);
  vr_document_add_mention (doc, part);
  vr_document_add_mention (doc, whole);
  vr_document_add_mention (doc, inside);

  np = vr_normalize_paragraph (doc, paragraph, "en", VR_NORMALIZE_RR);
  g_assert_cmpstr (np->text, ==, "Kim Il-seong spoke.");
  g_assert_cmpuint (np->replacements->len, ==, 1);
  g_assert_true (g_array_index (np->replacements, VrReplacement, 0).mention == whole);

  none = vr_normalize_paragraph (doc, empty, "en", VR_NORMALIZE_RR);
  g_assert_null (none->original);
  g_assert_null (none->text);
  g_assert_cmpuint (none->replacements->len, ==, 0);
}

static void
test_errors_and_names (void)
{
  g_autoptr(VrDocument) doc = load_fixture ("two-versions.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) result = NULL;
  VrNormalizeSystem system = VR_NORMALIZE_PREFERRED;

  result = vr_normalize_version (doc, "fr", VR_NORMALIZE_RR, &error);
  g_assert_error (error, VR_ERROR, VR_ERROR_REFERENCE);
  g_assert_null (result);

  g_assert_true (vr_normalize_system_from_string ("rr", &system));
  g_assert_cmpint (system, ==, VR_NORMALIZE_RR);
  g_assert_true (vr_normalize_system_from_string ("MR", &system));
  g_assert_cmpint (system, ==, VR_NORMALIZE_MR);
  g_assert_true (vr_normalize_system_from_string ("mr-ascii", &system));
  g_assert_cmpint (system, ==, VR_NORMALIZE_MR_ASCII);
  g_assert_true (vr_normalize_system_from_string ("preferred", &system));
  g_assert_cmpint (system, ==, VR_NORMALIZE_PREFERRED);
  g_assert_false (vr_normalize_system_from_string ("kontsevich", &system));
  g_assert_false (vr_normalize_system_from_string (NULL, &system));
  g_assert_cmpint (system, ==, VR_NORMALIZE_PREFERRED);
  g_assert_cmpstr (vr_normalize_system_to_string (VR_NORMALIZE_MR_ASCII), ==, "mr-ascii");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/compare/normalize/sample/preferred",
                        GINT_TO_POINTER (VR_NORMALIZE_PREFERRED), test_sample);
  g_test_add_data_func ("/compare/normalize/sample/rr",
                        GINT_TO_POINTER (VR_NORMALIZE_RR), test_sample);
  g_test_add_data_func ("/compare/normalize/sample/mr",
                        GINT_TO_POINTER (VR_NORMALIZE_MR), test_sample);
  g_test_add_data_func ("/compare/normalize/sample/mr-ascii",
                        GINT_TO_POINTER (VR_NORMALIZE_MR_ASCII), test_sample);
  g_test_add_func ("/compare/normalize/sample-spellings", test_sample_spellings);
  g_test_add_func ("/compare/normalize/fixture-ranges", test_fixture_ranges);
  g_test_add_func ("/compare/normalize/entity-forms", test_entity_forms);
  g_test_add_func ("/compare/normalize/overlap", test_overlap);
  g_test_add_func ("/compare/normalize/errors-and-names", test_errors_and_names);

  return g_test_run ();
}
