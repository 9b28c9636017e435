/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fuzz-import"

#include "config.h"

#include <string.h>

#include "vr-core.h"
#include "vr-importer.h"
#include "fuzz-common.h"

/* Any text copied from an archive page is imported or refused with a
 * VR_ERROR naming the input; an imported document is a valid one: it
 * serializes, loads again, and serializes to the same bytes. */

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
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autoptr(VrDocument) doc = NULL;
  g_autoptr(VrDocument) again = NULL;
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autoptr(GError) error = NULL;

  doc = vr_import_archive_text (text, "page.txt", &error);
  if (doc == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (error->domain == VR_ERROR);
      /* "page.txt: …", or "page.txt:LINE: …" where a line applies. */
      g_assert_true (g_str_has_prefix (error->message, "page.txt:"));
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }
  g_assert_no_error (error);

  first = vr_document_serialize (doc);
  again = vr_document_load_bytes (first, "imported.json", &error);
  if (again == NULL)
    g_error ("an imported document does not load: %s\n%.*s", error->message,
             (int) g_bytes_get_size (first),
             (const char *) g_bytes_get_data (first, NULL));
  second = vr_document_serialize (again);
  g_assert_true (g_bytes_equal (first, second));
  return 0;
}
