/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fuzz-loader"

#include "config.h"

#include <string.h>

#include "vr-core.h"
#include "fuzz-common.h"

/* A document that loads must serialize; the serialized form must load
 * again and serialize to the same bytes. A document that does not load
 * must be refused with a VR_ERROR that names the input first. */

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_make_warnings_fatal ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autoptr(VrDocument) doc = NULL;
  g_autoptr(VrDocument) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *new_id = NULL;

  doc = vr_document_load_bytes (bytes, "fuzz.json", &error);
  if (doc == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (error->domain == VR_ERROR);
      g_assert_true (g_str_has_prefix (error->message, "fuzz.json:"));
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }
  g_assert_no_error (error);

  /* A note added to any loaded document gets an id no other note has. */
  new_id = vr_document_dup_new_annotation_id (doc);
  g_assert_nonnull (new_id);
  for (guint i = 0; i < g_list_model_get_n_items (vr_document_get_annotations (doc)); i++)
    {
      g_autoptr(VrAnnotation) note = g_list_model_get_item (vr_document_get_annotations (doc), i);

      g_assert_cmpstr (vr_annotation_get_id (note), !=, new_id);
    }

  first = vr_document_serialize (doc);
  g_assert_nonnull (first);
  g_assert_true (g_utf8_validate (g_bytes_get_data (first, NULL),
                                  g_bytes_get_size (first), NULL));

  again = vr_document_load_bytes (first, "serialized.json", &error);
  if (again == NULL)
    g_error ("a serialized document does not load: %s\n%.*s", error->message,
             (int) g_bytes_get_size (first),
             (const char *) g_bytes_get_data (first, NULL));

  second = vr_document_serialize (again);
  if (!g_bytes_equal (first, second))
    g_error ("serializing twice differs:\n%.*s\n----\n%.*s",
             (int) g_bytes_get_size (first),
             (const char *) g_bytes_get_data (first, NULL),
             (int) g_bytes_get_size (second),
             (const char *) g_bytes_get_data (second, NULL));
  return 0;
}
