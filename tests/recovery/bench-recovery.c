/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bench-recovery"

#include "config.h"

#include <glib/gstdio.h>

#include "vr-core.h"

/* What autosave costs the main thread (serializing the document) and the
 * worker (writing the recovery files), on the sample and on a large
 * document: 20,000 paragraphs, 200 entities, 200,000 mentions. Prints
 * figures; asserts nothing about time. */

#define N_PARAGRAPHS 20000
#define N_ENTITIES   200
#define RUNS         5

static double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
}

static VrDocument *
make_large (void)
{
  VrDocument *document = vr_document_new ();
  g_autoptr(VrVersion) en = vr_version_new ("en");
  g_autoptr(GPtrArray) entities = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) mentions = g_ptr_array_new_with_free_func (g_object_unref);
  const char *text = "Yun Gong-heum met Kim Il Sung and Choe Chang-ik at the plenum of the party.";

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
      g_autoptr(VrParagraph) paragraph = vr_paragraph_new (id);

      vr_paragraph_set_text (paragraph, "en", text);
      vr_document_add_paragraph (document, paragraph);
      for (guint j = 0; j < 10; j++)
        g_ptr_array_add (mentions, vr_mention_new (g_ptr_array_index (entities, (i + j) % N_ENTITIES),
                                                   paragraph, "en", j * 7, j * 7 + 3));
    }
  vr_document_add_mentions (document, mentions);

  return document;
}

static void
measure (const char *name,
         VrDocument *document)
{
  g_autofree char *id = vr_recovery_new_id ();
  double serialize = G_MAXDOUBLE, save = G_MAXDOUBLE;
  gsize size = 0;

  for (guint run = 0; run < RUNS; run++)
    {
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();

      bytes = vr_document_serialize (document);
      serialize = MIN (serialize, seconds_since (start));
      size = g_bytes_get_size (bytes);

      start = g_get_monotonic_time ();
      if (!vr_recovery_save (document, id, "Edit Title", &error))
        g_error ("%s", error->message);
      save = MIN (save, seconds_since (start));
    }
  vr_recovery_delete (id, NULL);

  g_print ("%-8s %9" G_GSIZE_FORMAT " bytes  main thread (serialize) %.4f s  "
           "whole save (serialize + write, fsync) %.4f s\n",
           name, size, serialize, save);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmpdir = g_dir_make_tmp ("variorum-bench-recovery-XXXXXX", &error);
  const char *sample = g_getenv ("VARIORUM_SAMPLE");
  g_autoptr(VrDocument) large = NULL;

  g_assert_no_error (error);
  g_setenv ("XDG_STATE_HOME", tmpdir, TRUE);

  if (sample != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_path (sample);
      g_autoptr(VrDocument) document = vr_document_load_file (file, NULL, &error);

      g_assert_no_error (error);
      measure ("sample", document);
    }

  large = make_large ();
  measure ("large", large);

  {
    g_autofree char *dir = vr_recovery_dup_dir ();
    g_autofree char *parent = g_path_get_dirname (dir);

    g_rmdir (dir);
    g_rmdir (parent);
    g_rmdir (tmpdir);
  }

  return 0;
}
