/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib.h>

#include "vr-citation.h"
#include "vr-core.h"

/* The citation line the Wilson Center prints for the seed document. */
#define SEED_NOTE \
  "\"Telegram from the USSR Ambassador to the DPRK Ivanov addressed to Mikoyan and " \
  "Shepilov, 'August Plenum of the Korean Workers' Party Central Committee',\" " \
  "September 15, 1956, History and Public Policy Program Digital Archive, GARF, " \
  "Fond 5446, Opis 98, Delo 721, Listy 153-164. Translated by Gary Goldberg."

static VrMetadata *
seed_metadata (void)
{
  VrMetadata *m = vr_metadata_new ();

  vr_metadata_set_title (m, "Telegram from the USSR Ambassador to the DPRK Ivanov addressed "
                            "to Mikoyan and Shepilov, 'August Plenum of the Korean Workers' "
                            "Party Central Committee'");
  vr_metadata_set_date (m, "1956-09-15");
  vr_metadata_set_repository (m, "History and Public Policy Program Digital Archive");
  vr_metadata_set_archive (m, "GARF");
  vr_metadata_set_archive_location (m, "Fond 5446, Opis 98, Delo 721, Listy 153-164");
  vr_metadata_set_translator (m, "Gary Goldberg");

  return m;
}

static void
test_citation_note_seed (void)
{
  g_autoptr(VrMetadata) m = seed_metadata ();
  g_autofree char *note = vr_citation_format_note (m);

  g_assert_cmpstr (note, ==, SEED_NOTE);
}

static void
test_citation_bibliography_seed (void)
{
  g_autoptr(VrMetadata) m = seed_metadata ();
  g_autofree char *entry = vr_citation_format_bibliography (m);

  g_assert_cmpstr (entry, ==,
                   "\"Telegram from the USSR Ambassador to the DPRK Ivanov addressed to Mikoyan and "
                   "Shepilov, 'August Plenum of the Korean Workers' Party Central Committee'.\" "
                   "September 15, 1956. History and Public Policy Program Digital Archive, GARF, "
                   "Fond 5446, Opis 98, Delo 721, Listy 153-164. Translated by Gary Goldberg.");
}

static void
test_citation_sample_file (void)
{
  const char *path = g_getenv ("VARIORUM_SAMPLE");
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VrDocument) document = NULL;
  g_autofree char *note = NULL;

  if (path == NULL || !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("no sample document");
      return;
    }

  file = g_file_new_for_path (path);
  document = vr_document_load_file (file, NULL, &error);
  g_assert_no_error (error);

  note = vr_citation_format_note (vr_document_get_metadata (document));
  g_assert_cmpstr (note, ==, SEED_NOTE);
}

static void
test_citation_missing_fields (void)
{
  g_autoptr(VrMetadata) m = vr_metadata_new ();
  g_autofree char *empty = vr_citation_format_note (m);
  g_autofree char *title_only = NULL;
  g_autofree char *no_title = NULL;
  g_autofree char *quoted = NULL;

  g_assert_cmpstr (empty, ==, "");

  vr_metadata_set_title (m, "Memorandum");
  title_only = vr_citation_format_note (m);
  g_assert_cmpstr (title_only, ==, "\"Memorandum.\"");

  vr_metadata_set_title (m, NULL);
  vr_metadata_set_date (m, "1950-06");
  vr_metadata_set_archive (m, "AVPRF");
  vr_metadata_set_translator (m, "Jane Doe");
  no_title = vr_citation_format_note (m);
  g_assert_cmpstr (no_title, ==, "June 1950, AVPRF. Translated by Jane Doe.");

  /* A quotation within the title becomes single-quoted. */
  vr_metadata_set_title (m, "Report on \"the plenum\"");
  quoted = vr_citation_format_note (m);
  g_assert_cmpstr (quoted, ==, "\"Report on 'the plenum',\" June 1950, AVPRF. Translated by Jane Doe.");
}

static void
test_citation_dates (void)
{
  struct { const char *in; const char *out; } cases[] = {
    { "1956-09-15", "September 15, 1956" },
    { "1956-01-01", "January 1, 1956" },
    { "1950-06", "June 1950" },
    { "1956", "1956" },
    { "15 September 1956", "15 September 1956" },
    { "1956-13-01", "1956-13-01" },
    { "  1956-12-31 ", "December 31, 1956" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = vr_citation_format_date (cases[i].in);

      g_assert_cmpstr (out, ==, cases[i].out);
    }

  g_assert_null (vr_citation_format_date (NULL));
  g_assert_null (vr_citation_format_date (""));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/reader/citation/note-seed", test_citation_note_seed);
  g_test_add_func ("/reader/citation/bibliography-seed", test_citation_bibliography_seed);
  g_test_add_func ("/reader/citation/sample-file", test_citation_sample_file);
  g_test_add_func ("/reader/citation/missing-fields", test_citation_missing_fields);
  g_test_add_func ("/reader/citation/dates", test_citation_dates);

  return g_test_run ();
}
