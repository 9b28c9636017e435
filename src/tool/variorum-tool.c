/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "variorum-tool"

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>

#include "vr-tool.h"

static const VrToolCommand commands[] = {
  { "validate",  N_("Check documents against the format; print each error with its place"), vr_tool_validate },
  { "stats",     N_("Load a document and print its counts as JSON"), vr_tool_stats },
  { "normalize", N_("Load a document and write it back in canonical form"), vr_tool_normalize },
  { "romanize",  N_("Romanize Hangul names (RR, MR, Kontsevich Cyrillic)"), vr_tool_romanize },
  { "key",       N_("Print the matching keys of spellings"), vr_tool_key },
  { "cluster",   N_("Group spellings read from stdin into proposed people"), vr_tool_cluster },
  { "find",      N_("Find whole-word occurrences of names in text files"), vr_tool_find },
  { "import",    N_("Turn an archive page’s text into a document"), vr_tool_import },
  { "variants",  N_("Export a document’s spellings and decisions as CSV or JSON"), vr_tool_variants },
  { "normalize-names", N_("Print a version’s text with every name in one form"), vr_tool_normalize_names },
};

static void
print_help (FILE *out)
{
  fprintf (out, "%s\n\n", _("Usage: variorum-tool COMMAND [OPTION…] [ARG…]"));
  fprintf (out, "%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (out, "  %-16s %s\n", commands[i].name, _(commands[i].summary));
  fprintf (out, "\n%s\n", _("Run “variorum-tool COMMAND --help” for a command’s options."));
}

int
vr_tool_usage_error (const char *command,
                     const char *message)
{
  if (command != NULL)
    fprintf (stderr, "variorum-tool %s: %s\n", command, message);
  else
    fprintf (stderr, "variorum-tool: %s\n", message);
  if (command != NULL)
    fprintf (stderr, _("Try “variorum-tool %s --help”.\n"), command);
  else
    fprintf (stderr, "%s\n", _("Try “variorum-tool --help”."));
  return 2;
}

gboolean
vr_tool_parse_options (const char    *command,
                       const char    *parameters,
                       const char    *summary,
                       GOptionEntry  *entries,
                       int           *argc,
                       char        ***argv,
                       int           *status)
{
  g_autoptr(GOptionContext) context = g_option_context_new (parameters);
  g_autoptr(GError) error = NULL;
  g_autofree char *prgname = g_strdup_printf ("variorum-tool %s", command);

  /* So that --help shows "Usage: variorum-tool COMMAND …". */
  g_set_prgname (prgname);
  if (summary != NULL)
    g_option_context_set_summary (context, summary);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      *status = vr_tool_usage_error (command, error->message);
      return FALSE;
    }
  return TRUE;
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc < 2)
    {
      print_help (stderr);
      return 2;
    }

  if (strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0 ||
      strcmp (argv[1], "help") == 0)
    {
      print_help (stdout);
      return 0;
    }

  if (strcmp (argv[1], "--version") == 0)
    {
      printf ("variorum-tool %s\n", PACKAGE_VERSION);
      return 0;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (strcmp (argv[1], commands[i].name) == 0)
      return commands[i].func (argc - 1, argv + 1);

  {
    g_autofree char *msg = g_strdup_printf (_("unknown command “%s”"), argv[1]);
    return vr_tool_usage_error (NULL, msg);
  }
}
