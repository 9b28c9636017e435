/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "vr-core.h"
#include "vr-importer.h"

#define SEED_COPY SOURCE_SAMPLEDIR "/telegram-254.seed.txt"

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

static VrDocument *
import_seed (void)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  VrDocument *doc;

  g_file_get_contents (SEED_COPY, &text, NULL, &error);
  g_assert_no_error (error);
  doc = vr_import_archive_text (text, "telegram-254.txt", &error);
  g_assert_no_error (error);
  g_assert_nonnull (doc);
  return doc;
}

static void
test_metadata (void)
{
  g_autoptr(VrDocument) doc = import_seed ();
  VrMetadata *md = vr_document_get_metadata (doc);
  VrVersion *version;

  g_assert_cmpstr (vr_metadata_get_title (md), ==,
                   "Telegram from the USSR Ambassador to the DPRK Ivanov addressed to "
                   "Mikoyan and Shepilov, 'August Plenum of the Korean Workers' Party "
                   "Central Committee'");
  g_assert_cmpstr (vr_metadata_get_date (md), ==, "1956-09-15");
  g_assert_cmpstr (vr_metadata_get_summary (md), ==,
                   "Ivanov provides a detailed report on the proceedings of the August "
                   "Plenum of the Korean Workers' Party Central Committee.");
  g_assert_cmpstr (vr_metadata_get_repository (md), ==,
                   "History and Public Policy Program Digital Archive");
  g_assert_cmpstr (vr_metadata_get_archive (md), ==, "GARF");
  g_assert_cmpstr (vr_metadata_get_archive_location (md), ==,
                   "Fond 5446, Opis 98, Delo 721, Listy 153-164");
  g_assert_cmpstr (vr_metadata_get_translator (md), ==, "Gary Goldberg");
  g_assert_cmpstr (vr_metadata_get_classification (md), ==, "Top Secret");
  g_assert_cmpstr (vr_metadata_get_original_language (md), ==, "ru");
  g_assert_cmpstr (vr_metadata_lookup_field (md, "Document number"), ==, "254");
  g_assert_cmpstr (vr_metadata_lookup_field (md, "Copy number"), ==, "1");
  g_assert_cmpstr (vr_metadata_lookup_field (md, "Drafted by"), ==, "Samsonov");
  g_assert_cmpstr (vr_metadata_lookup_field (md, "Typed by"), ==, "Sarycheva");
  g_assert_cmpstr (vr_metadata_get_authors (md)[0], ==, "Ivanov");
  g_assert_cmpstr (vr_metadata_get_recipients (md)[0], ==, "Mikoyan");
  g_assert_cmpstr (vr_metadata_get_recipients (md)[1], ==, "Shepilov");
  g_assert_null (vr_metadata_get_recipients (md)[2]);
  g_assert_cmpstr (vr_document_get_id (doc), ==, "telegram-254");

  version = vr_document_get_default_version (doc);
  g_assert_cmpstr (vr_version_get_id (version), ==, "en");
  g_assert_cmpstr (vr_version_get_translator (version), ==, "Gary Goldberg");

  /* The same fields as the hand-made sample. */
  {
    g_autoptr(VrDocument) sample = load_sample ();
    VrMetadata *smd = vr_document_get_metadata (sample);
    GListModel *fields = vr_metadata_get_fields (smd);

    g_assert_cmpstr (vr_metadata_get_title (md), ==, vr_metadata_get_title (smd));
    g_assert_cmpstr (vr_metadata_get_summary (md), ==, vr_metadata_get_summary (smd));
    for (guint i = 0; i < g_list_model_get_n_items (fields); i++)
      {
        g_autoptr(VrField) field = g_list_model_get_item (fields, i);

        g_assert_cmpstr (vr_metadata_lookup_field (md, vr_field_get_label (field)), ==,
                         vr_field_get_value (field));
      }
  }
}

static void
test_paragraphs (void)
{
  static const char * const furniture[] = {
    "Search in", "Digital Archive International History Declassified", "Citation",
    "get citation", "share document", "English HTML", "\xe2\x80\xa2", "PDF",
    "Web browser", "Click here",
  };
  g_autoptr(VrDocument) doc = import_seed ();
  g_autoptr(VrDocument) sample = load_sample ();
  GListModel *paragraphs = vr_document_get_paragraphs (doc);
  GListModel *expected = vr_document_get_paragraphs (sample);

  g_assert_cmpuint (g_list_model_get_n_items (paragraphs), ==,
                    g_list_model_get_n_items (expected));
  for (guint i = 0; i < g_list_model_get_n_items (paragraphs); i++)
    {
      g_autoptr(VrParagraph) p = g_list_model_get_item (paragraphs, i);
      g_autoptr(VrParagraph) e = g_list_model_get_item (expected, i);
      const char *text = vr_paragraph_get_text (p, "en");

      g_assert_cmpstr (vr_paragraph_get_id (p), ==, vr_paragraph_get_id (e));
      g_assert_cmpstr (text, ==, vr_paragraph_get_text (e, "en"));
      g_assert_cmpint (vr_paragraph_get_kind (p), ==, vr_paragraph_get_kind (e));
      for (guint f = 0; f < G_N_ELEMENTS (furniture); f++)
        g_assert_null (strstr (text, furniture[f]));
    }
}

static gboolean
entity_has_form (VrEntity   *entity,
                 const char *form)
{
  return vr_entity_lookup_variant (entity, form) != NULL;
}

/* A sample person counts as found when an imported person has one of that
 * person's spellings; an imported person is right when a sample person
 * has one of its spellings. */
static void
measure_people (VrDocument *doc,
                VrDocument *sample,
                double     *recall,
                double     *precision)
{
  GListModel *got = vr_document_get_entities (doc);
  GListModel *want = vr_document_get_entities (sample);
  guint n_want = 0, n_found = 0, n_got = 0, n_right = 0;

  for (guint i = 0; i < g_list_model_get_n_items (want); i++)
    {
      g_autoptr(VrEntity) w = g_list_model_get_item (want, i);
      GListModel *forms = vr_entity_get_variants (w);
      gboolean found = FALSE;

      if (vr_entity_get_kind (w) != VR_ENTITY_KIND_PERSON)
        continue;
      n_want++;
      for (guint j = 0; j < g_list_model_get_n_items (got) && !found; j++)
        {
          g_autoptr(VrEntity) g = g_list_model_get_item (got, j);

          for (guint k = 0; k < g_list_model_get_n_items (forms) && !found; k++)
            {
              g_autoptr(VrVariant) v = g_list_model_get_item (forms, k);

              found = vr_entity_get_kind (g) == VR_ENTITY_KIND_PERSON &&
                      entity_has_form (g, vr_variant_get_form (v));
            }
        }
      if (found)
        n_found++;
      else
        g_test_message ("person not found: %s", vr_entity_get_name (w));
    }

  for (guint j = 0; j < g_list_model_get_n_items (got); j++)
    {
      g_autoptr(VrEntity) g = g_list_model_get_item (got, j);
      GListModel *forms = vr_entity_get_variants (g);
      gboolean right = FALSE;

      if (vr_entity_get_kind (g) != VR_ENTITY_KIND_PERSON)
        continue;
      n_got++;
      for (guint i = 0; i < g_list_model_get_n_items (want) && !right; i++)
        {
          g_autoptr(VrEntity) w = g_list_model_get_item (want, i);

          for (guint k = 0; k < g_list_model_get_n_items (forms) && !right; k++)
            {
              g_autoptr(VrVariant) v = g_list_model_get_item (forms, k);

              right = vr_entity_get_kind (w) == VR_ENTITY_KIND_PERSON &&
                      entity_has_form (w, vr_variant_get_form (v));
            }
        }
      if (right)
        n_right++;
      else
        g_test_message ("not a sample person: %s", vr_entity_get_name (g));
    }

  *recall = n_want > 0 ? (double) n_found / n_want : 0;
  *precision = n_got > 0 ? (double) n_right / n_got : 0;
  g_test_message ("people: %u of %u found (recall %.3f), %u of %u right (precision %.3f)",
                  n_found, n_want, *recall, n_right, n_got, *precision);
}

static void
test_people (void)
{
  g_autoptr(VrDocument) doc = import_seed ();
  g_autoptr(VrDocument) sample = load_sample ();
  GListModel *entities = vr_document_get_entities (doc);
  VrEntity *yun;
  double recall, precision;

  measure_people (doc, sample, &recall, &precision);
  g_assert_cmpfloat (recall, >=, 0.95);
  g_assert_cmpfloat (precision, >=, 0.90);

  /* Every spelling waits for a person to confirm it. */
  for (guint i = 0; i < g_list_model_get_n_items (entities); i++)
    {
      g_autoptr(VrEntity) e = g_list_model_get_item (entities, i);
      GListModel *variants = vr_entity_get_variants (e);

      g_assert_cmpint (vr_entity_get_kind (e), ==, VR_ENTITY_KIND_PERSON);
      g_assert_cmpuint (g_list_model_get_n_items (variants), >, 0);
      g_assert_cmpuint (vr_entity_get_mention_count (e), >, 0);
      for (guint j = 0; j < g_list_model_get_n_items (variants); j++)
        {
          g_autoptr(VrVariant) v = g_list_model_get_item (variants, j);

          g_assert_cmpint (vr_variant_get_status (v), ==, VR_VARIANT_STATUS_SUGGESTED);
          /* The title is kept out of the name. */
          g_assert_false (g_str_has_prefix (vr_variant_get_form (v), "Cde"));
          g_assert_false (g_str_has_prefix (vr_variant_get_form (v), "Ambassador"));
        }
    }

  /* The tier-2 match is proposed on one entity, with the reason noted. */
  yun = NULL;
  for (guint i = 0; i < g_list_model_get_n_items (entities) && yun == NULL; i++)
    {
      g_autoptr(VrEntity) e = g_list_model_get_item (entities, i);

      if (entity_has_form (e, "Yun Gong-heum"))
        yun = e;
    }
  g_assert_nonnull (yun);
  g_assert_nonnull (vr_entity_lookup_variant (yun, "Yung Kong-hum"));
  g_assert_nonnull (vr_variant_get_note (vr_entity_lookup_variant (yun, "Yung Kong-hum")));
  g_assert_cmpstr (vr_entity_get_name (yun), ==, "Yun Gong-heum");

  /* The office printed before a name becomes its description. */
  g_assert_cmpstr (vr_entity_get_description (yun), ==, "Minister of Trade");
  {
    static const struct { const char *id, *role; } roles[] = {
      { "kim-won-sun", "Deputy Minister of Defense" },
      { "ri-ur-gyu", "Deputy Chief of the Military Academy" },
      { "ri-yn-ho", "Chief of the Political Department of the Naval Directorate of the KPA" },
      { "ri-sang-jo", "Ambassador" },
      { "kim-chang-hyp", "Minister of Communications" },
      { "kim-il-sung", NULL },
      /* "…to the post of Deputy Chairman of the KWP CC of Choe Yong-geon" */
      { "choe-yong-geon", NULL },
    };

    for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
      {
        VrEntity *e = vr_document_lookup_entity (doc, roles[i].id);

        g_assert_nonnull (e);
        g_assert_cmpstr (vr_entity_get_description (e), ==, roles[i].role);
      }
  }
  g_assert_cmpint (vr_variant_get_system (vr_entity_lookup_variant (yun, "Yun Gong-heum")),
                   ==, VR_NAME_SYSTEM_RR);
}

/* Mentions: the sample's people's full-spelling mentions, bracketed ones
 * uncertain, and short references only for a surname one person has. */
static void
test_mentions (void)
{
  g_autoptr(VrDocument) doc = import_seed ();
  g_autoptr(VrDocument) sample = load_sample ();
  GListModel *mentions = vr_document_get_mentions (doc);
  GListModel *expected = vr_document_get_mentions (sample);
  guint n_expected = 0, n_matched = 0, n_short = 0;

  for (guint i = 0; i < g_list_model_get_n_items (mentions); i++)
    {
      g_autoptr(VrMention) m = g_list_model_get_item (mentions, i);
      g_autofree char *text = vr_mention_dup_text (m);

      g_assert_cmpint (vr_mention_get_uncertain (m), ==, strchr (text, '[') != NULL);
      if (vr_mention_get_short (m))
        {
          n_short++;
          /* Yun is the only surname here that one person alone bears. */
          g_assert_cmpstr (text, ==, "Yun");
          g_assert_cmpstr (vr_entity_get_name (vr_mention_get_entity (m)), ==, "Yun Gong-heum");
        }
    }
  g_assert_cmpuint (n_short, ==, 7);

  for (guint i = 0; i < g_list_model_get_n_items (expected); i++)
    {
      g_autoptr(VrMention) e = g_list_model_get_item (expected, i);
      VrParagraph *p;

      if (vr_entity_get_kind (vr_mention_get_entity (e)) != VR_ENTITY_KIND_PERSON)
        continue;
      n_expected++;
      p = vr_document_lookup_paragraph (doc, vr_paragraph_get_id (vr_mention_get_paragraph (e)));
      if (vr_document_lookup_mention (doc, p, "en", vr_mention_get_start (e),
                                      vr_mention_get_end (e)) != NULL)
        n_matched++;
    }
  g_test_message ("person mentions: %u of the sample's %u", n_matched, n_expected);
  /* All but the two context-bound short references (Choe, Pak). */
  g_assert_cmpuint (n_matched, ==, n_expected - 2);
}

static void
test_errors (void)
{
  g_autoptr(GError) error = NULL;
  VrDocument *doc;

  doc = vr_import_archive_text ("", "empty.txt", &error);
  g_assert_null (doc);
  g_assert_error (error, VR_ERROR, VR_ERROR_EMPTY);
  g_assert_true (g_str_has_prefix (error->message, "empty.txt: "));
  g_clear_error (&error);

  doc = vr_import_archive_text (" \n\xc2\xa0\n\t\n", "blank.txt", &error);
  g_assert_null (doc);
  g_assert_error (error, VR_ERROR, VR_ERROR_EMPTY);
  g_clear_error (&error);

  doc = vr_import_archive_text ("Search in\n\nfine\n\xff\xfe oops\n", "bad.txt", &error);
  g_assert_null (doc);
  g_assert_error (error, VR_ERROR, VR_ERROR_ENCODING);
  g_assert_true (g_str_has_prefix (error->message, "bad.txt:4: "));
  g_clear_error (&error);

  doc = vr_import_archive_text ("Search in\n\nDigital Archive International History "
                                "Declassified\n\n  \xe2\x80\xa2 Citation\n\nEnglish HTML\n\n"
                                "Click here to view the PDF file in a new window.\n",
                                "furniture.txt", &error);
  g_assert_null (doc);
  g_assert_error (error, VR_ERROR, VR_ERROR_NOT_A_DOCUMENT);
  g_assert_true (g_str_has_prefix (error->message, "furniture.txt: "));
  g_clear_error (&error);
}

/* Text without the page around it is all document; markup in it is text. */
static void
test_plain_text (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VrDocument) doc = NULL;
  GListModel *paragraphs;
  g_autoptr(VrParagraph) p = NULL;

  doc = vr_import_archive_text ("Cde. Ivanov met Ambassador Ri Sang-jo and <b>Kim Il Sung</b> "
                                "on the question of the plan for the year ahead.\n\n"
                                "So it was decided.\n", NULL, &error);
  g_assert_no_error (error);
  paragraphs = vr_document_get_paragraphs (doc);
  g_assert_cmpuint (g_list_model_get_n_items (paragraphs), ==, 2);
  p = g_list_model_get_item (paragraphs, 0);
  g_assert_cmpint (vr_paragraph_get_kind (p), ==, VR_PARAGRAPH_KIND_BODY);
  g_assert_true (g_str_has_prefix (vr_paragraph_get_text (p, "en"), "Cde. Ivanov met"));
  g_assert_cmpuint (g_list_model_get_n_items (vr_document_get_entities (doc)), ==, 3);
  g_assert_nonnull (vr_document_lookup_entity (doc, "ivanov"));
  g_assert_nonnull (vr_document_lookup_entity (doc, "ri-sang-jo"));
  g_assert_nonnull (vr_document_lookup_entity (doc, "kim-il-sung"));
}

static VrEntity *
find_person (VrDocument *doc,
             const char *form)
{
  GListModel *entities = vr_document_get_entities (doc);

  for (guint i = 0; i < g_list_model_get_n_items (entities); i++)
    {
      g_autoptr(VrEntity) e = g_list_model_get_item (entities, i);

      if (vr_entity_lookup_variant (e, form) != NULL)
        return e;
    }
  return NULL;
}

/* Another page of the archive, with CRLF line ends, MR spellings, a
 * different citation and no-break-space-free headings: the same rules. */
static void
test_other_page (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "import", "fixtures",
                                                "memo-1955.txt", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VrDocument) doc = NULL;
  GListModel *paragraphs, *entities;
  VrMetadata *md;
  VrEntity *choe, *pak;
  guint n_short = 0;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  doc = vr_import_archive_text (text, path, &error);
  g_assert_no_error (error);
  md = vr_document_get_metadata (doc);

  g_assert_cmpstr (vr_metadata_get_date (md), ==, "1955-03-09");
  g_assert_cmpstr (vr_metadata_get_title (md), ==,
                   "Memorandum of Conversation between Ambassador Ivanov and Ch'oe Ch'ang-ik");
  g_assert_cmpstr (vr_metadata_get_summary (md), ==,
                   "The Soviet ambassador and Ch'oe Ch'ang-ik discuss the harvest, the army "
                   "and the Party schools.");
  g_assert_cmpstr (vr_metadata_get_archive (md), ==, "AVPRF");
  g_assert_cmpstr (vr_metadata_get_archive_location (md), ==, "f. 0102, op. 11, p. 60, d. 8");
  g_assert_cmpstr (vr_metadata_get_translator (md), ==, "James F. Person");
  g_assert_cmpstr (vr_metadata_get_classification (md), ==, "Secret");
  g_assert_cmpstr (vr_metadata_lookup_field (md, "Copy number"), ==, "2");
  g_assert_cmpstr (vr_metadata_lookup_field (md, "Signed by"), ==, "Ivanov");

  paragraphs = vr_document_get_paragraphs (doc);
  g_assert_cmpuint (g_list_model_get_n_items (paragraphs), ==, 10);
  {
    static const VrParagraphKind kinds[] = {
      VR_PARAGRAPH_KIND_HEADING, VR_PARAGRAPH_KIND_HEADING, VR_PARAGRAPH_KIND_HEADING,
      VR_PARAGRAPH_KIND_BODY, VR_PARAGRAPH_KIND_BODY, VR_PARAGRAPH_KIND_BODY,
      VR_PARAGRAPH_KIND_BODY, VR_PARAGRAPH_KIND_BODY,
      VR_PARAGRAPH_KIND_CLOSING, VR_PARAGRAPH_KIND_CLOSING,
    };

    for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
      {
        g_autoptr(VrParagraph) p = g_list_model_get_item (paragraphs, i);
        const char *ptext = vr_paragraph_get_text (p, "en");

        g_assert_cmpint (vr_paragraph_get_kind (p), ==, kinds[i]);
        g_assert_null (strchr (ptext, '\r'));
        g_assert_null (strstr (ptext, "PDF"));
        g_assert_null (strstr (ptext, "HTML"));
      }
  }

  /* People: the tier-1 spellings of one man are one entity. */
  entities = vr_document_get_entities (doc);
  g_assert_cmpuint (g_list_model_get_n_items (entities), ==, 5);
  choe = find_person (doc, "Ch'oe Ch'ang-ik");
  g_assert_nonnull (choe);
  g_assert_true (find_person (doc, "Choe Chang-ik") == choe);
  g_assert_cmpint (vr_variant_get_system (vr_entity_lookup_variant (choe, "Ch'oe Ch'ang-ik")),
                   ==, VR_NAME_SYSTEM_MR);
  pak = find_person (doc, "Pak H\xc5\x8fn-y\xc5\x8fng");
  g_assert_nonnull (pak);
  g_assert_nonnull (find_person (doc, "Kim Tu-bong"));
  g_assert_nonnull (find_person (doc, "Puzanov"));
  g_assert_nonnull (find_person (doc, "Ivanov"));

  /* "Pak, he said": one Pak on the page, after his full name. */
  for (guint i = 0; i < g_list_model_get_n_items (vr_document_get_mentions (doc)); i++)
    {
      g_autoptr(VrMention) m = g_list_model_get_item (vr_document_get_mentions (doc), i);

      if (vr_mention_get_short (m))
        {
          g_autofree char *mtext = vr_mention_dup_text (m);

          g_assert_cmpstr (mtext, ==, "Pak");
          g_assert_true (vr_mention_get_entity (m) == pak);
          n_short++;
        }
    }
  g_assert_cmpuint (n_short, ==, 1);
}

/* Damaged input never crashes the importer, and what it makes is a valid
 * document: its offsets fit its texts, so it saves and loads back. */
static void
test_damaged_input (void)
{
  static const char * const inserts[] = {
    "[", "]", "\xc2\xa0", "\"", "\n", "\r\n", "Kim ", "-", "'s", "Cde. ", "\xe2\x80\xa2 ",
    "[Gan]", " Il-", "\xc5\x8f", "English HTML\n", "Nº ", "\t",
  };
  g_autofree char *seed = NULL;
  g_autoptr(GError) error = NULL;
  GRand *rand = g_rand_new_with_seed (254);
  guint n_documents = 0;
  gsize length;

  g_file_get_contents (SEED_COPY, &seed, &length, &error);
  g_assert_no_error (error);

  for (guint round = 0; round < 60; round++)
    {
      GString *text = g_string_new (seed);
      g_autoptr(VrDocument) doc = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(VrDocument) again = NULL;

      for (guint k = 0; k < 40; k++)
        {
          gsize at = g_rand_int_range (rand, 0, text->len);

          /* Cut and insert only at character boundaries. */
          while (at > 0 && (text->str[at] & 0xC0) == 0x80)
            at--;
          if (g_rand_boolean (rand))
            {
              gsize end = at + g_rand_int_range (rand, 1, 200);

              end = MIN (end, text->len);
              while (end < text->len && (text->str[end] & 0xC0) == 0x80)
                end++;
              g_string_erase (text, at, end - at);
            }
          else
            g_string_insert (text, at, inserts[g_rand_int_range (rand, 0, G_N_ELEMENTS (inserts))]);
        }

      doc = vr_import_archive_text (text->str, "damaged.txt", &error);
      if (doc == NULL)
        {
          g_assert_true (g_str_has_prefix (error->message, "damaged.txt"));
          g_clear_error (&error);
          g_string_free (text, TRUE);
          continue;
        }
      bytes = vr_document_serialize (doc);
      again = vr_document_load_bytes (bytes, "damaged.json", &error);
      g_assert_no_error (error);
      g_assert_cmpuint (g_list_model_get_n_items (vr_document_get_mentions (again)), ==,
                        g_list_model_get_n_items (vr_document_get_mentions (doc)));
      n_documents++;
      g_string_free (text, TRUE);
    }
  g_rand_free (rand);
  /* Most damaged pages still hold a document. */
  g_assert_cmpuint (n_documents, >=, 50);
}

static void
on_imported_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  GError **out_error = ((gpointer *) user_data)[1];
  VrDocument **out = ((gpointer *) user_data)[0];

  *out = vr_import_archive_file_finish (result, out_error);
  ((gpointer *) user_data)[2] = GINT_TO_POINTER (TRUE);
}

/* From a file, in a worker thread; files that are not text are refused
 * with their name. */
static void
test_file_async (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (SEED_COPY);
  g_autoptr(GError) error = NULL;
  g_autoptr(VrDocument) doc = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *binary = NULL;
  gpointer data[3] = { &doc, &error, NULL };

  vr_import_archive_file_async (file, "seed.txt", NULL, on_imported_cb, data);
  while (data[2] == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (error);
  g_assert_nonnull (doc);
  g_assert_cmpuint (g_list_model_get_n_items (vr_document_get_paragraphs (doc)), ==, 61);
  g_assert_cmpuint (g_list_model_get_n_items (vr_document_get_entities (doc)), ==, 29);
  g_clear_object (&doc);

  dir = g_dir_make_tmp ("vr-import-XXXXXX", &error);
  g_assert_no_error (error);
  binary = g_build_filename (dir, "scan.pdf", NULL);
  g_file_set_contents (binary, "%PDF-1.4\n\0\0\xff", 13, &error);
  g_assert_no_error (error);
  {
    g_autoptr(GFile) bfile = g_file_new_for_path (binary);
    g_autofree char *gone = g_build_filename (dir, "gone.txt", NULL);
    g_autoptr(GFile) missing = g_file_new_for_path (gone);
    VrDocument *none;

    none = vr_import_archive_file (bfile, "scan.pdf", NULL, &error);
    g_assert_null (none);
    g_assert_error (error, VR_ERROR, VR_ERROR_ENCODING);
    g_assert_true (g_str_has_prefix (error->message, "scan.pdf: "));
    g_clear_error (&error);

    none = vr_import_archive_file (missing, NULL, NULL, &error);
    g_assert_null (none);
    g_assert_error (error, VR_ERROR, VR_ERROR_IO);
    g_assert_nonnull (strstr (error->message, "gone.txt"));
    g_clear_error (&error);
  }
  g_remove (binary);
  g_rmdir (dir);
}

/* On a document whose people are already entities, detecting adds none
 * and changes no mention. */
static void
test_detect_known_people (void)
{
  g_autoptr(VrDocument) sample = load_sample ();
  guint n_entities = g_list_model_get_n_items (vr_document_get_entities (sample));
  guint n_mentions = g_list_model_get_n_items (vr_document_get_mentions (sample));

  g_assert_cmpuint (vr_import_detect_people (sample), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (vr_document_get_entities (sample)), ==, n_entities);
  g_assert_cmpuint (g_list_model_get_n_items (vr_document_get_mentions (sample)), ==, n_mentions);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/importer/metadata", test_metadata);
  g_test_add_func ("/importer/paragraphs", test_paragraphs);
  g_test_add_func ("/importer/people", test_people);
  g_test_add_func ("/importer/mentions", test_mentions);
  g_test_add_func ("/importer/errors", test_errors);
  g_test_add_func ("/importer/plain-text", test_plain_text);
  g_test_add_func ("/importer/other-page", test_other_page);
  g_test_add_func ("/importer/damaged-input", test_damaged_input);
  g_test_add_func ("/importer/file-async", test_file_async);
  g_test_add_func ("/importer/detect-known-people", test_detect_known_people);

  return g_test_run ();
}
