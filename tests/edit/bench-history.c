/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bench-history"

#include "config.h"

#include "vr-document.h"
#include "vr-history.h"

/* Times the undo history on a large document: a "Find mentions" result
 * applied as one command, undone and redone, and an entity with many
 * mentions deleted and restored. Prints figures; asserts nothing about
 * time. */

#define N_PARAGRAPHS 20000
#define N_ENTITIES   200

static double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(VrDocument) document = vr_document_new ();
  g_autoptr(VrVersion) en = vr_version_new ("en");
  g_autoptr(GPtrArray) entities = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) paragraphs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(VrHistory) history = NULL;
  g_autoptr(VrCommand) command = NULL;
  const char *text = "Yun Gong-heum met Kim Il Sung and Choe Chang-ik at the plenum of the party.";
  gint64 start;

  vr_document_add_version (document, en);
  for (guint i = 0; i < N_ENTITIES; i++)
    {
      g_autofree char *id = g_strdup_printf ("e%u", i);

      g_ptr_array_add (entities, vr_entity_new (id, VR_ENTITY_KIND_PERSON, id));
      vr_document_add_entity (document, g_ptr_array_index (entities, i));
    }
  for (guint i = 0; i < N_PARAGRAPHS; i++)
    {
      g_autofree char *id = g_strdup_printf ("p%u", i);
      VrParagraph *paragraph = vr_paragraph_new (id);

      vr_paragraph_set_text (paragraph, "en", text);
      vr_document_add_paragraph (document, paragraph);
      g_ptr_array_add (paragraphs, paragraph);
    }

  /* 10 mentions per paragraph in the document already: 200,000. */
  {
    g_autoptr(GPtrArray) initial = g_ptr_array_new_with_free_func (g_object_unref);

    for (guint i = 0; i < N_PARAGRAPHS; i++)
      for (guint j = 0; j < 10; j++)
        g_ptr_array_add (initial, vr_mention_new (g_ptr_array_index (entities, (i + j) % N_ENTITIES),
                                                  g_ptr_array_index (paragraphs, i), "en", j * 2, j * 2 + 1));
    vr_document_add_mentions (document, initial);
  }
  vr_document_set_modified (document, FALSE);
  history = vr_history_new (document);

  /* A "Find mentions" result of 5,000 mentions. */
  for (guint i = 0; i < 5000; i++)
    g_ptr_array_add (found, vr_mention_new (g_ptr_array_index (entities, i % N_ENTITIES),
                                            g_ptr_array_index (paragraphs, (i * 7) % N_PARAGRAPHS),
                                            "en", 30, 37));
  command = vr_command_add_mentions_new (found, NULL);

  start = g_get_monotonic_time ();
  vr_history_push (history, command);
  g_print ("apply 5,000 found mentions (200,000 in the document): %.3f s\n", seconds_since (start));
  start = g_get_monotonic_time ();
  vr_history_undo (history);
  g_print ("undo them: %.3f s\n", seconds_since (start));
  start = g_get_monotonic_time ();
  vr_history_redo (history);
  g_print ("redo them: %.3f s\n", seconds_since (start));
  g_clear_object (&command);

  command = vr_command_delete_entity_new (g_ptr_array_index (entities, 0));
  {
    guint n = vr_entity_get_mention_count (g_ptr_array_index (entities, 0));

    start = g_get_monotonic_time ();
    vr_history_push (history, command);
    g_print ("delete an entity with %u mentions: %.3f s\n", n, seconds_since (start));
  }
  start = g_get_monotonic_time ();
  vr_history_undo (history);
  g_print ("undo the deletion: %.3f s\n", seconds_since (start));

  return 0;
}
