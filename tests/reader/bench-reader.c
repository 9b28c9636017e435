/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Times the steps of user actions in the reading view on the sample
 * document and on a document twenty times its size, to show that none
 * approaches the 100 ms budget and that none grows faster than the text. */
#include "config.h"

#include <adwaita.h>

#include "vr-core.h"
#include "vr-entity-sidebar.h"
#include "vr-reader-view.h"
#include "vr-variant-table.h"

#define REPEAT 5

typedef void (*Step) (VrReaderView *view, VrDocument *document);

static VrDocument *
load_sample (void)
{
  const char *path = g_getenv ("VARIORUM_SAMPLE");
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  VrDocument *document;

  if (path == NULL)
    path = SOURCE_SAMPLEDIR "/telegram-254.json";
  file = g_file_new_for_path (path);
  document = vr_document_load_file (file, NULL, &error);
  g_assert_no_error (error);

  return document;
}

/* The sample's paragraphs and mentions @times over, with copies of its
 * entities and spellings. */
static VrDocument *
scale_document (VrDocument *source,
                guint       times)
{
  VrDocument *document = vr_document_new ();
  GListModel *entities = vr_document_get_entities (source);
  GListModel *paragraphs = vr_document_get_paragraphs (source);
  const char *version_id = vr_version_get_id (vr_document_get_default_version (source));
  g_autoptr(VrVersion) version = vr_version_new (version_id);

  vr_document_add_version (document, version);

  for (guint i = 0; i < g_list_model_get_n_items (entities); i++)
    {
      g_autoptr(VrEntity) e = g_list_model_get_item (entities, i);
      g_autoptr(VrEntity) copy = vr_entity_new (vr_entity_get_id (e), vr_entity_get_kind (e), vr_entity_get_name (e));
      GListModel *variants = vr_entity_get_variants (e);

      vr_entity_set_hangul (copy, vr_entity_get_hangul (e));
      for (guint j = 0; j < g_list_model_get_n_items (variants); j++)
        {
          g_autoptr(VrVariant) v = g_list_model_get_item (variants, j);
          g_autoptr(VrVariant) vc = vr_variant_new (vr_variant_get_form (v), vr_variant_get_system (v));

          vr_entity_add_variant (copy, vc);
        }
      vr_document_add_entity (document, copy);
    }

  for (guint k = 0; k < times; k++)
    for (guint i = 0; i < g_list_model_get_n_items (paragraphs); i++)
      {
        g_autoptr(VrParagraph) p = g_list_model_get_item (paragraphs, i);
        g_autofree char *id = g_strdup_printf ("%u-%s", k, vr_paragraph_get_id (p));
        g_autoptr(VrParagraph) copy = vr_paragraph_new (id);
        g_autoptr(GPtrArray) mentions = vr_document_get_paragraph_mentions (source, p, version_id);

        vr_paragraph_set_kind (copy, vr_paragraph_get_kind (p));
        vr_paragraph_set_text (copy, version_id, vr_paragraph_get_text (p, version_id));
        vr_document_add_paragraph (document, copy);

        for (guint j = 0; j < mentions->len; j++)
          {
            VrMention *m = g_ptr_array_index (mentions, j);
            VrEntity *entity = vr_document_lookup_entity (document, vr_entity_get_id (vr_mention_get_entity (m)));
            g_autoptr(VrMention) mc = vr_mention_new (entity, copy, version_id,
                                                      vr_mention_get_start (m), vr_mention_get_end (m));

            vr_document_add_mention (document, mc);
          }
      }

  return document;
}

static void
step_open (VrReaderView *view,
           VrDocument   *document)
{
  vr_reader_view_set_document (view, NULL);
  vr_reader_view_set_document (view, document);
}

static void
step_select_entity (VrReaderView *view,
                    VrDocument   *document)
{
  vr_reader_view_select_entity (view, NULL);
  vr_reader_view_select_entity (view, vr_document_lookup_entity (document, "kim-il-sung"));
}

static void
step_select_variant (VrReaderView *view,
                     VrDocument   *document)
{
  VrEntity *yun = vr_document_lookup_entity (document, "yun-gong-heum");

  vr_reader_view_select_entity (view, NULL);
  vr_reader_view_select_variant (view, vr_entity_lookup_variant (yun, "Yung Kong-hum"));
}

static void
step_search (VrReaderView *view,
             VrDocument   *document)
{
  vr_reader_view_search (view, "");
  vr_reader_view_search (view, "the");
}

static void
step_next_match (VrReaderView *view,
                 VrDocument   *document)
{
  gtk_widget_activate_action (GTK_WIDGET (view), "reader.search-next", NULL);
}

static void
step_filter_entities (VrReaderView *view,
                      VrDocument   *document)
{
  VrEntitySidebar *sidebar = VR_ENTITY_SIDEBAR (vr_reader_view_get_entity_sidebar (view));

  vr_entity_sidebar_set_filter_text (sidebar, "");
  vr_entity_sidebar_set_filter_text (sidebar, "ch'oe");
}

static void
step_sort_table (VrReaderView *view,
                 VrDocument   *document)
{
  VrVariantTable *table = VR_VARIANT_TABLE (vr_reader_view_get_variant_table (view));
  static guint column = 0;

  vr_variant_table_sort_by (table, column++ % VR_VARIANT_N_COLUMNS, GTK_SORT_DESCENDING);
  g_list_model_get_n_items (vr_variant_table_get_model (table));
}

/* Worst time of the step's own code, and worst time of the main-loop
 * work it queued (rebuilds on idle, relayout and the next frames). */
static void
time_step (VrReaderView *view,
           VrDocument   *document,
           Step          step,
           double       *code,
           double       *after)
{
  *code = *after = 0;

  for (guint i = 0; i < REPEAT; i++)
    {
      gint64 start = g_get_monotonic_time ();
      gint64 middle;

      step (view, document);
      middle = g_get_monotonic_time ();
      while (g_main_context_iteration (NULL, FALSE))
        ;
      *code = MAX (*code, (middle - start) / 1000.0);
      *after = MAX (*after, (g_get_monotonic_time () - middle) / 1000.0);
    }
}

int
main (int   argc,
      char *argv[])
{
  static const struct { const char *name; Step step; } steps[] = {
    { "open (build every view)", step_open },
    { "select entity (Kim Il Sung)", step_select_entity },
    { "select spelling (Yung Kong-hum)", step_select_variant },
    { "search \"the\"", step_search },
    { "next match", step_next_match },
    { "filter names \"ch'oe\"", step_filter_entities },
    { "sort spellings table", step_sort_table },
  };
  g_autoptr(VrDocument) sample = NULL;
  g_autoptr(VrDocument) large = NULL;
  VrDocument *documents[2];
  GtkWidget *window;
  VrReaderView *view;

  gtk_init ();
  adw_init ();

  sample = load_sample ();
  large = scale_document (sample, 20);
  documents[0] = sample;
  documents[1] = large;

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  view = VR_READER_VIEW (vr_reader_view_new ());
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  gtk_window_present (GTK_WINDOW (window));

  g_print ("worst of %d runs, ms (budget 100 ms per step on the sample)\n", REPEAT);
  g_print ("%-34s %21s %21s\n", "", "sample", "sample×20");
  g_print ("%-34s %10s %10s %10s %10s\n", "step", "code", "main loop", "code", "main loop");
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      double code[2], after[2];

      for (guint d = 0; d < 2; d++)
        {
          vr_reader_view_set_document (view, documents[d]);
          while (g_main_context_iteration (NULL, FALSE))
            ;
          time_step (view, documents[d], steps[i].step, &code[d], &after[d]);
        }
      g_print ("%-34s %10.1f %10.1f %10.1f %10.1f\n", steps[i].name, code[0], after[0], code[1], after[1]);
    }

  g_print ("sample: %u paragraphs, %u mentions; ×20: %u paragraphs, %u mentions\n",
           g_list_model_get_n_items (vr_document_get_paragraphs (sample)),
           g_list_model_get_n_items (vr_document_get_mentions (sample)),
           g_list_model_get_n_items (vr_document_get_paragraphs (large)),
           g_list_model_get_n_items (vr_document_get_mentions (large)));

  gtk_window_destroy (GTK_WINDOW (window));

  return 0;
}
