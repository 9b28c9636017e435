/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Figures: importing the seed page, and finding mentions in the sample. */
#include "config.h"

#include <string.h>

#include "vr-core.h"
#include "vr-importer.h"
#include "vr-mention-finder.h"

#define SEED_COPY SOURCE_SAMPLEDIR "/telegram-254.seed.txt"
#define ROUNDS 50

int
main (int   argc,
      char *argv[])
{
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(VrDocument) sample = NULL;
  const char *sample_path = g_getenv ("VARIORUM_SAMPLE");
  gint64 start, best = G_MAXINT64, total = 0;
  guint n_found = 0;

  if (!g_file_get_contents (SEED_COPY, &text, NULL, &error))
    g_error ("%s", error->message);

  for (guint i = 0; i < ROUNDS; i++)
    {
      g_autoptr(VrDocument) doc = NULL;
      gint64 t;

      start = g_get_monotonic_time ();
      doc = vr_import_archive_text (text, "telegram-254.txt", &error);
      t = g_get_monotonic_time () - start;
      g_assert_no_error (error);
      total += t;
      best = MIN (best, t);
    }
  g_print ("import of the seed page (%zu bytes): best %.2f ms, mean %.2f ms over %d rounds\n",
           strlen (text), best / 1000.0, total / 1000.0 / ROUNDS, ROUNDS);

  if (sample_path == NULL)
    return 0;
  file = g_file_new_for_path (sample_path);
  sample = vr_document_load_file (file, NULL, &error);
  g_assert_no_error (error);
  best = G_MAXINT64;
  for (guint i = 0; i < ROUNDS; i++)
    {
      g_autoptr(GPtrArray) found = NULL;
      gint64 t;

      start = g_get_monotonic_time ();
      found = vr_mention_finder_find (sample, NULL);
      t = g_get_monotonic_time () - start;
      best = MIN (best, t);
      n_found = found->len;
    }
  g_print ("find mentions on the sample (all mentions present, %u new): best %.2f ms\n",
           n_found, best / 1000.0);

  /* A large document: the sample's paragraphs 400 times over (about 8 MB),
   * its entities' forms, no mentions yet. The same text and forms are
   * written out for `LC_ALL=C grep -F -o -i -w -f FORMS TEXT | wc -l`. */
  {
    g_autoptr(VrDocument) big = vr_document_new ();
    g_autoptr(VrVersion) version = vr_version_new ("en");
    GListModel *paragraphs = vr_document_get_paragraphs (sample);
    GListModel *entities = vr_document_get_entities (sample);
    g_autoptr(GString) all_text = g_string_new (NULL);
    g_autoptr(GString) forms = g_string_new (NULL);
    g_autofree char *text_path = g_build_filename (g_get_tmp_dir (), "vr-bench-import.txt", NULL);
    g_autofree char *forms_path = g_build_filename (g_get_tmp_dir (), "vr-bench-forms.txt", NULL);
    g_autoptr(GPtrArray) found = NULL;
    guint n = 0, n_forms = 0;

    vr_document_add_version (big, version);
    for (guint i = 0; i < g_list_model_get_n_items (entities); i++)
      {
        g_autoptr(VrEntity) e = g_list_model_get_item (entities, i);
        g_autoptr(VrEntity) copy = vr_entity_new (vr_entity_get_id (e), vr_entity_get_kind (e),
                                                  vr_entity_get_name (e));
        GListModel *variants = vr_entity_get_variants (e);

        for (guint j = 0; j < g_list_model_get_n_items (variants); j++)
          {
            g_autoptr(VrVariant) v = g_list_model_get_item (variants, j);
            g_autoptr(VrVariant) vc = vr_variant_new (vr_variant_get_form (v),
                                                      vr_variant_get_system (v));

            vr_entity_add_variant (copy, vc);
            g_string_append_printf (forms, "%s\n", vr_variant_get_form (v));
            n_forms++;
          }
        vr_document_add_entity (big, copy);
      }
    for (guint r = 0; r < 400; r++)
      for (guint i = 0; i < g_list_model_get_n_items (paragraphs); i++)
        {
          g_autoptr(VrParagraph) p = g_list_model_get_item (paragraphs, i);
          g_autofree char *id = g_strdup_printf ("p%u", ++n);
          g_autoptr(VrParagraph) copy = vr_paragraph_new (id);
          const char *ptext = vr_paragraph_get_text (p, "en");

          vr_paragraph_set_text (copy, "en", ptext);
          vr_document_add_paragraph (big, copy);
          g_string_append_printf (all_text, "%s\n", ptext);
        }
    g_file_set_contents (text_path, all_text->str, all_text->len, NULL);
    g_file_set_contents (forms_path, forms->str, forms->len, NULL);

    start = g_get_monotonic_time ();
    found = vr_mention_finder_find (big, NULL);
    g_print ("find mentions on %u paragraphs (%.1f MB), %u forms: %u mentions in %.3f s\n"
             "  compare: time (LC_ALL=C grep -F -o -i -w -f %s %s | wc -l)\n",
             n, all_text->len / 1e6, n_forms, found->len,
             (g_get_monotonic_time () - start) / 1e6, forms_path, text_path);
  }
  return 0;
}
