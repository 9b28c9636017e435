/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "limits-load"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <json-glib/json-glib.h>

#include "vr-core.h"

/* One measurement for bench-limits.py, in a process of its own so that its
 * peak RSS is clean:
 *
 *   limits-load variorum FILE    load the document (and count it)
 *   limits-load json-glib FILE   json-glib's bare parse, the budget's base
 *
 * Prints one line: "MODE WALL_SECONDS PEAK_RSS_KB OUTCOME". */

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *outcome = NULL;
  g_autofree char *status = NULL;
  const char *hwm;
  long peak_kb = -1;
  gint64 t0, t1;

  if (argc != 3)
    {
      fprintf (stderr, "usage: limits-load variorum|json-glib FILE\n");
      return 2;
    }

  t0 = g_get_monotonic_time ();
  if (strcmp (argv[1], "variorum") == 0)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (argv[2]);
      g_autoptr(VrDocument) doc = vr_document_load_file (file, NULL, &error);

      if (doc != NULL)
        outcome = g_strdup_printf ("loaded: %u paragraphs, %u entities, %u mentions",
                                   g_list_model_get_n_items (vr_document_get_paragraphs (doc)),
                                   g_list_model_get_n_items (vr_document_get_entities (doc)),
                                   g_list_model_get_n_items (vr_document_get_mentions (doc)));
    }
  else if (strcmp (argv[1], "json-glib") == 0)
    {
      g_autoptr(JsonParser) parser = json_parser_new_immutable ();

      if (json_parser_load_from_mapped_file (parser, argv[2], &error))
        outcome = g_strdup ("parsed");
    }
  else
    {
      fprintf (stderr, "limits-load: unknown mode %s\n", argv[1]);
      return 2;
    }
  t1 = g_get_monotonic_time ();

  if (outcome == NULL)
    outcome = g_strdup_printf ("refused: %s", error->message);
  /* VmHWM, not getrusage: Linux carries ru_maxrss over from the parent
   * across exec, so it would report the generator's peak. */
  if (g_file_get_contents ("/proc/self/status", &status, NULL, NULL) &&
      (hwm = strstr (status, "VmHWM:")) != NULL)
    peak_kb = strtol (hwm + strlen ("VmHWM:"), NULL, 10);
  printf ("%s %.3f %ld %s\n", argv[1], (t1 - t0) / 1e6, peak_kb, outcome);
  return 0;
}
