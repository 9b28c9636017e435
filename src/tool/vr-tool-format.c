/* SPDX-License-Identifier: GPL-3.0-or-later */
/* validate, stats, normalize: the file format from the command line. */
#define G_LOG_DOMAIN "variorum-tool"

#include "config.h"

#include <stdio.h>
#include <unistd.h>
#include <glib/gi18n.h>

#include "vr-core.h"
#include "vr-tool.h"

static VrDocument *
load_named (const char  *path,
            GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);

  /* Messages name the file as it was typed. */
  return vr_document_load_file_named (file, path, NULL, error);
}

int
vr_tool_validate (int    argc,
                  char **argv)
{
  int status = 0;

  if (!vr_tool_parse_options ("validate", _("FILE…"),
                      _("Checks each document against the file format. Prints "
                        "nothing and exits 0 when all are valid; otherwise prints "
                        "each error as FILE:LINE:COL: message, FILE: /json/pointer: "
                        "message or FILE: message, and exits 1."),
                      NULL, &argc, &argv, &status))
    return status;

  if (argc < 2)
    return vr_tool_usage_error ("validate", _("no file given"));

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(VrDocument) doc = load_named (argv[i], &error);

      if (doc == NULL)
        {
          fprintf (stderr, "%s\n", error->message);
          status = 1;
        }
    }

  return status;
}

int
vr_tool_stats (int    argc,
               char **argv)
{
  static const VrEntityKind kinds[] = {
    VR_ENTITY_KIND_PERSON, VR_ENTITY_KIND_ORGANIZATION, VR_ENTITY_KIND_PLACE,
    VR_ENTITY_KIND_EVENT, VR_ENTITY_KIND_OTHER,
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(VrDocument) doc = NULL;
  guint by_kind[G_N_ELEMENTS (kinds)] = { 0, };
  GListModel *entities;
  guint n_entities;
  guint n_variants = 0;
  int status = 0;

  if (!vr_tool_parse_options ("stats", _("FILE"),
                      _("Loads a document and prints its counts as one JSON object: "
                        "paragraphs, versions, entities by kind, variants, mentions, "
                        "annotations and decisions."),
                      NULL, &argc, &argv, &status))
    return status;

  if (argc != 2)
    return vr_tool_usage_error ("stats", _("expected exactly one file"));

  doc = load_named (argv[1], &error);
  if (doc == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }

  entities = vr_document_get_entities (doc);
  n_entities = g_list_model_get_n_items (entities);
  for (guint i = 0; i < n_entities; i++)
    {
      g_autoptr(VrEntity) entity = g_list_model_get_item (entities, i);
      VrEntityKind kind = vr_entity_get_kind (entity);

      for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
        if (kinds[k] == kind)
          by_kind[k]++;
      n_variants += g_list_model_get_n_items (vr_entity_get_variants (entity));
    }

  printf ("{\"paragraphs\":%u,\"versions\":%u,"
          "\"entities\":{\"person\":%u,\"organization\":%u,\"place\":%u,"
          "\"event\":%u,\"other\":%u,\"total\":%u},"
          "\"variants\":%u,\"mentions\":%u,\"annotations\":%u,\"decisions\":%u}\n",
          g_list_model_get_n_items (vr_document_get_paragraphs (doc)),
          g_list_model_get_n_items (vr_document_get_versions (doc)),
          by_kind[0], by_kind[1], by_kind[2], by_kind[3], by_kind[4], n_entities,
          n_variants,
          g_list_model_get_n_items (vr_document_get_mentions (doc)),
          g_list_model_get_n_items (vr_document_get_annotations (doc)),
          g_list_model_get_n_items (vr_document_get_decisions (doc)));
  return 0;
}

int
vr_tool_normalize (int    argc,
                   char **argv)
{
  g_autofree char *output = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VrDocument) doc = NULL;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write to OUT (atomically, keeping OUT~) instead of standard output"),
      N_("OUT") },
    { NULL }
  };
  int status = 0;

  if (!vr_tool_parse_options ("normalize", _("FILE"),
                      _("Loads a document and writes it back in canonical form."),
                      entries, &argc, &argv, &status))
    return status;

  if (argc != 2)
    return vr_tool_usage_error ("normalize", _("expected exactly one file"));

  doc = load_named (argv[1], &error);
  if (doc == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }

  if (output != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (output);

      if (!vr_document_save_file (doc, file, NULL, &error))
        {
          fprintf (stderr, "%s\n", error->message);
          return 1;
        }
    }
  else
    {
      g_autoptr(GBytes) bytes = vr_document_serialize (doc);
      gsize length;
      const char *data = g_bytes_get_data (bytes, &length);

      if (fwrite (data, 1, length, stdout) != length || fflush (stdout) != 0)
        {
          fprintf (stderr, "variorum-tool normalize: %s\n",
                   _("could not write to standard output"));
          return 1;
        }
    }

  return 0;
}
