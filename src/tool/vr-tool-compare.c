/* SPDX-License-Identifier: GPL-3.0-or-later */
/* normalize-names: a version's text with every name in one form. */
#define G_LOG_DOMAIN "variorum-tool"

#include "config.h"

#include <stdio.h>
#include <glib/gi18n.h>

#include "vr-core.h"
#include "vr-compare.h"
#include "vr-tool.h"

static char *
list_version_ids (VrDocument *doc)
{
  GListModel *versions = vr_document_get_versions (doc);
  guint n = g_list_model_get_n_items (versions);
  GString *ids = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VrVersion) version = g_list_model_get_item (versions, i);

      if (i > 0)
        g_string_append (ids, ", ");
      g_string_append (ids, vr_version_get_id (version));
    }

  return g_string_free (ids, FALSE);
}

/* One paragraph, one line: line breaks inside become spaces. */
static void
print_line (const char *text)
{
  g_autoptr(GString) line = g_string_new (NULL);

  for (const char *p = text != NULL ? text : ""; *p != '\0'; p++)
    {
      if (*p == '\r' && p[1] == '\n')
        continue;
      g_string_append_c (line, (*p == '\n' || *p == '\r') ? ' ' : *p);
    }
  g_string_append_c (line, '\n');
  fwrite (line->str, 1, line->len, stdout);
}

int
vr_tool_normalize_names (int    argc,
                         char **argv)
{
  g_autofree char *system_name = NULL;
  g_autofree char *version_id = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VrDocument) doc = NULL;
  g_autoptr(GPtrArray) paragraphs = NULL;
  g_autoptr(GFile) file = NULL;
  VrNormalizeSystem system;
  VrVersion *version;
  const GOptionEntry entries[] = {
    { "system", 's', 0, G_OPTION_ARG_STRING, &system_name,
      N_("The form names take: rr (Revised Romanization), mr (McCune–Reischauer), "
         "mr-ascii (without breves and apostrophes) or preferred"), N_("SYSTEM") },
    { "version", 'v', 0, G_OPTION_ARG_STRING, &version_id,
      N_("The version to print (the first by default)"), N_("ID") },
    { NULL }
  };

  g_set_prgname ("variorum-tool normalize-names");
  context = g_option_context_new (_("FILE"));
  g_option_context_set_summary (context,
                                _("Prints a version’s text, one paragraph per line, with "
                                  "every mention of a name replaced by the entity’s form "
                                  "in SYSTEM (people, and anything with Hangul). An entity "
                                  "without Hangul keeps its preferred name; a short reference "
                                  "becomes the surname; a paragraph without text in the "
                                  "version is an empty line."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return vr_tool_usage_error ("normalize-names", error->message);

  if (system_name == NULL)
    return vr_tool_usage_error ("normalize-names", _("--system is required"));
  if (argc != 2)
    return vr_tool_usage_error ("normalize-names", _("expected exactly one file"));

  if (!vr_normalize_system_from_string (system_name, &system))
    {
      fprintf (stderr, _("variorum-tool normalize-names: unknown system “%s”; "
                         "expected rr, mr, mr-ascii or preferred\n"), system_name);
      return 1;
    }

  file = g_file_new_for_commandline_arg (argv[1]);
  doc = vr_document_load_file_named (file, argv[1], NULL, &error);
  if (doc == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }

  if (version_id != NULL)
    version = vr_document_lookup_version (doc, version_id);
  else
    version = vr_document_get_default_version (doc);

  if (version == NULL)
    {
      g_autofree char *ids = list_version_ids (doc);

      if (version_id != NULL)
        fprintf (stderr, _("%s: no version “%s”; the versions are: %s\n"),
                 argv[1], version_id, ids);
      else
        fprintf (stderr, _("%s: the document has no version\n"), argv[1]);
      return 1;
    }

  paragraphs = vr_normalize_version (doc, vr_version_get_id (version), system, &error);
  if (paragraphs == NULL)
    {
      fprintf (stderr, "%s: %s\n", argv[1], error->message);
      return 1;
    }

  for (guint i = 0; i < paragraphs->len; i++)
    {
      VrNormalizedParagraph *paragraph = g_ptr_array_index (paragraphs, i);

      print_line (paragraph->text);
    }

  return 0;
}
