/* SPDX-License-Identifier: GPL-3.0-or-later */
/* import, variants: an archive page into a document; the variant table out. */
#define G_LOG_DOMAIN "variorum-tool"

#include "config.h"

#include <stdio.h>
#include <glib/gi18n.h>

#include "vr-core.h"
#include "vr-export.h"
#include "vr-importer.h"
#include "vr-tool.h"

static gboolean
write_stdout (GBytes     *bytes,
              const char *command)
{
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  if (fwrite (data, 1, length, stdout) != length || fflush (stdout) != 0)
    {
      fprintf (stderr, "variorum-tool %s: %s\n", command,
               _("could not write to standard output"));
      return FALSE;
    }
  return TRUE;
}

int
vr_tool_import (int    argc,
                char **argv)
{
  g_autofree char *output = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(VrDocument) doc = NULL;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write to OUT (atomically, keeping OUT~) instead of standard output"),
      N_("OUT") },
    { NULL }
  };
  int status = 0;

  if (!vr_tool_parse_options ("import", _("FILE.txt"),
                      _("Turns the text of a Wilson Center Digital Archive page, as "
                        "copied from a browser, into a document: metadata, paragraphs, "
                        "the people named (every spelling suggested, to confirm) and "
                        "their mentions."),
                      entries, &argc, &argv, &status))
    return status;

  if (argc != 2)
    return vr_tool_usage_error ("import", _("expected exactly one file"));

  file = g_file_new_for_commandline_arg (argv[1]);
  doc = vr_import_archive_file (file, argv[1], NULL, &error);
  if (doc == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }

  if (output != NULL)
    {
      g_autoptr(GFile) out = g_file_new_for_commandline_arg (output);

      if (!vr_document_save_file (doc, out, NULL, &error))
        {
          fprintf (stderr, "%s\n", error->message);
          return 1;
        }
      return 0;
    }
  else
    {
      g_autoptr(GBytes) bytes = vr_document_serialize (doc);

      return write_stdout (bytes, "import") ? 0 : 1;
    }
}

int
vr_tool_variants (int    argc,
                  char **argv)
{
  g_autofree char *format = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(VrDocument) doc = NULL;
  g_autoptr(GBytes) bytes = NULL;
  VrExportFormat export_format;
  GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format,
      N_("csv (the default) or json"), N_("FORMAT") },
    { NULL }
  };
  int status = 0;

  if (!vr_tool_parse_options ("variants", _("FILE"),
                      _("Prints the variant table of a document and its decisions. "
                        "CSV (RFC 4180, CRLF) columns: record, entity_id, entity_name, "
                        "kind, spelling, system, status, occurrences, first_paragraph, "
                        "other_spelling, verdict; a row per variant, then a row per "
                        "decision. A cell starting with = + - or @ gets a leading "
                        "apostrophe so that spreadsheets show it as text. JSON: "
                        "{\"variants\": […], \"decisions\": […]}."),
                      entries, &argc, &argv, &status))
    return status;

  if (format == NULL || g_str_equal (format, "csv"))
    export_format = VR_EXPORT_CSV;
  else if (g_str_equal (format, "json"))
    export_format = VR_EXPORT_JSON;
  else
    return vr_tool_usage_error ("variants", _("--format is csv or json"));

  if (argc != 2)
    return vr_tool_usage_error ("variants", _("expected exactly one file"));

  file = g_file_new_for_commandline_arg (argv[1]);
  doc = vr_document_load_file_named (file, argv[1], NULL, &error);
  if (doc == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }

  bytes = vr_export_variants (doc, export_format);
  return write_stdout (bytes, "variants") ? 0 : 1;
}
