/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "variorum-tool"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "vr-name-cluster.h"
#include "vr-name-finder.h"
#include "vr-name-key.h"
#include "vr-romanize.h"
#include "vr-tool.h"

/* Parse options; on --help GLib prints and exits 0. Returns FALSE on wrong
 * usage, after printing the message. */
static gboolean
parse_options (GOptionContext  *context,
               const char      *command,
               int             *argc,
               char          ***argv,
               int             *status)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *prgname = g_strdup_printf ("variorum-tool %s", command);

  /* so that --help shows "Usage: variorum-tool COMMAND …" */
  g_set_prgname (prgname);
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      *status = vr_tool_usage_error (command, error->message);
      return FALSE;
    }
  return TRUE;
}

static char *
json_line (JsonBuilder *builder)
{
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (builder);

  json_generator_set_root (gen, root);
  return json_generator_to_data (gen, NULL);
}

static gboolean
has_script (const char *s,
            gunichar    lo,
            gunichar    hi)
{
  for (const char *p = s; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (c >= lo && c <= hi)
        return TRUE;
    }
  return FALSE;
}

/* ---------------------------------------------------------------------- */

int
vr_tool_romanize (int    argc,
                  char **argv)
{
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("One JSON object per name and line"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("HANGUL…"));
  int status = 0;

  g_option_context_set_summary (context,
    _("Romanize Korean personal names written in Hangul: Revised Romanization\n"
      "(name rules, usual surname spelling), McCune–Reischauer (ALA-LC, with\n"
      "and without diacritics) and Kontsevich Cyrillic. A name written in\n"
      "Cyrillic is transliterated to Latin as translators do (BGN and ISO 9)."));
  g_option_context_set_description (context,
    _("With --json each line is an object with the keys hangul, rr, mr, mr_ascii,\n"
      "kontsevich and rr_surname_alternatives (other spellings of the surname);\n"
      "for Cyrillic input: cyrillic, bgn, iso.\n"
      "\n"
      "Example: variorum-tool romanize 최창익 → Choe Chang-ik / Ch'oe Ch'ang-ik"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!parse_options (context, "romanize", &argc, &argv, &status))
    return status;
  if (argc < 2)
    return vr_tool_usage_error ("romanize", _("give at least one name in Hangul"));

  for (int i = 1; i < argc; i++)
    {
      const char *name = argv[i];
      g_autoptr(GError) error = NULL;

      if (!g_utf8_validate (name, -1, NULL))
        {
          fprintf (stderr, _("variorum-tool romanize: argument %d is not valid UTF-8\n"), i);
          status = 1;
          continue;
        }

      if (!has_script (name, 0xAC00, 0xD7A3) && has_script (name, 0x0400, 0x04FF))
        {
          g_autofree char *bgn = vr_romanize_cyrillic (name, VR_CYRILLIC_BGN, &error);
          g_autofree char *iso = bgn != NULL ? vr_romanize_cyrillic (name, VR_CYRILLIC_ISO, &error) : NULL;

          if (iso == NULL)
            {
              fprintf (stderr, "variorum-tool romanize: %s\n", error->message);
              status = 1;
              continue;
            }
          if (json)
            {
              g_autoptr(JsonBuilder) b = json_builder_new ();
              g_autofree char *line = NULL;

              json_builder_begin_object (b);
              json_builder_set_member_name (b, "cyrillic");
              json_builder_add_string_value (b, name);
              json_builder_set_member_name (b, "bgn");
              json_builder_add_string_value (b, bgn);
              json_builder_set_member_name (b, "iso");
              json_builder_add_string_value (b, iso);
              json_builder_end_object (b);
              line = json_line (b);
              printf ("%s\n", line);
            }
          else
            printf ("%s\n  BGN          %s\n  ISO 9        %s\n", name, bgn, iso);
          continue;
        }

      {
        g_autoptr(VrRomanization) r = vr_romanize_hangul (name, &error);

        if (r == NULL)
          {
            fprintf (stderr, "variorum-tool romanize: %s\n", error->message);
            status = 1;
            continue;
          }
        if (json)
          {
            g_autoptr(JsonBuilder) b = json_builder_new ();
            g_autofree char *line = NULL;

            json_builder_begin_object (b);
            json_builder_set_member_name (b, "hangul");
            json_builder_add_string_value (b, r->hangul);
            json_builder_set_member_name (b, "rr");
            json_builder_add_string_value (b, r->rr);
            json_builder_set_member_name (b, "mr");
            json_builder_add_string_value (b, r->mr);
            json_builder_set_member_name (b, "mr_ascii");
            json_builder_add_string_value (b, r->mr_ascii);
            json_builder_set_member_name (b, "kontsevich");
            json_builder_add_string_value (b, r->kontsevich);
            json_builder_set_member_name (b, "rr_surname_alternatives");
            json_builder_begin_array (b);
            for (guint k = 0; r->rr_surname_alternatives[k] != NULL; k++)
              json_builder_add_string_value (b, r->rr_surname_alternatives[k]);
            json_builder_end_array (b);
            json_builder_end_object (b);
            line = json_line (b);
            printf ("%s\n", line);
          }
        else
          {
            g_autofree char *alts = g_strjoinv (", ", r->rr_surname_alternatives);

            printf ("%s\n", r->hangul);
            printf ("  RR           %s\n", r->rr);
            if (*alts)
              printf ("  RR surname   also %s\n", alts);
            printf ("  MR           %s\n", r->mr);
            printf ("  MR (ASCII)   %s\n", r->mr_ascii);
            printf ("  Kontsevich   %s\n", r->kontsevich);
          }
      }
    }
  return status;
}

/* ---------------------------------------------------------------------- */

static char *
join_keys (GPtrArray *keys)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < keys->len; i++)
    {
      if (i > 0)
        g_string_append_c (s, ',');
      g_string_append (s, g_ptr_array_index (keys, i));
    }
  return g_string_free (s, FALSE);
}

int
vr_tool_key (int    argc,
             char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("NAME…"));
  int status = 0;

  g_option_context_set_summary (context,
    _("Print the matching keys of each spelling (any script: Latin in any\n"
      "romanization, Hangul, Cyrillic, bracketed forms)."));
  g_option_context_set_description (context,
    _("Output: one line per spelling,\n"
      "  NAME<TAB>TIER-1 KEYS<TAB>TIER-2 KEYS\n"
      "keys separated by commas, sorted. A key is SURNAME:GIVEN in sound\n"
      "classes (K T P C S H L N M NG, vowels A O U E I, glides Y W). Two\n"
      "spellings may be the same person when they share a key: tier 1 for\n"
      "automatic merges, tier 2 (looser) for suggestions. At most 256 keys."));
  if (!parse_options (context, "key", &argc, &argv, &status))
    return status;
  if (argc < 2)
    return vr_tool_usage_error ("key", _("give at least one spelling"));

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GPtrArray) t1 = NULL;
      g_autoptr(GPtrArray) t2 = NULL;
      g_autofree char *s1 = NULL, *s2 = NULL;

      if (!g_utf8_validate (argv[i], -1, NULL))
        {
          fprintf (stderr, _("variorum-tool key: argument %d is not valid UTF-8\n"), i);
          status = 1;
          continue;
        }
      t1 = vr_name_keys (argv[i], VR_NAME_TIER_1);
      t2 = vr_name_keys (argv[i], VR_NAME_TIER_2);
      s1 = join_keys (t1);
      s2 = join_keys (t2);
      printf ("%s\t%s\t%s\n", argv[i], s1, s2);
    }
  return status;
}

/* ---------------------------------------------------------------------- */

static gboolean
read_lines (FILE       *in,
            const char *what,
            GPtrArray  *out,
            GError    **error)
{
  g_autoptr(GString) line = g_string_new (NULL);
  guint lineno = 0;
  int c;

  for (;;)
    {
      c = fgetc (in);
      if (c == EOF || c == '\n')
        {
          if (c == EOF && line->len == 0)
            break;
          lineno++;
          if (line->len > 0 && line->str[line->len - 1] == '\r')
            g_string_truncate (line, line->len - 1);
          if (!g_utf8_validate (line->str, line->len, NULL) || strlen (line->str) != line->len)
            {
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("%s: line %u is not valid UTF-8 text"), what, lineno);
              return FALSE;
            }
          {
            g_autofree char *stripped = g_strstrip (g_strdup (line->str));
            if (*stripped)
              g_ptr_array_add (out, g_strdup (line->str));
          }
          g_string_truncate (line, 0);
          if (c == EOF)
            break;
        }
      else
        g_string_append_c (line, (char) c);
    }
  if (ferror (in))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("%s: read error"), what);
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_decisions (const char *path,
                GArray     *decisions,
                GPtrArray  *storage,
                GError    **error)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  FILE *f = fopen (path, "rb");
  gboolean ok;

  if (f == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("%s: cannot open"), path);
      return FALSE;
    }
  ok = read_lines (f, path, lines, error);
  fclose (f);
  if (!ok)
    return FALSE;

  for (guint i = 0; i < lines->len; i++)
    {
      g_auto(GStrv) parts = g_strsplit (g_ptr_array_index (lines, i), "\t", -1);
      VrNameDecision d;

      if (g_strv_length (parts) != 3 ||
          (strcmp (parts[2], "same") != 0 && strcmp (parts[2], "different") != 0))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("%s: decision %u: expected SPELLING<TAB>SPELLING<TAB>same|different"),
                       path, i + 1);
          return FALSE;
        }
      d.a = g_strdup (parts[0]);
      d.b = g_strdup (parts[1]);
      d.verdict = strcmp (parts[2], "same") == 0 ? VR_NAME_VERDICT_SAME : VR_NAME_VERDICT_DIFFERENT;
      g_ptr_array_add (storage, (char *) d.a);
      g_ptr_array_add (storage, (char *) d.b);
      g_array_append_val (decisions, d);
    }
  return TRUE;
}

int
vr_tool_cluster (int    argc,
                 char **argv)
{
  int tier = 1;
  gboolean json = FALSE;
  char *decisions_path = NULL;
  const GOptionEntry entries[] = {
    { "tier", 0, 0, G_OPTION_ARG_INT, &tier, N_("Keys that join spellings: 1 (strict, default) or 2 (loose)"), "1|2" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print only a JSON array of arrays of the spellings"), NULL },
    { "decisions", 0, 0, G_OPTION_ARG_FILENAME, &decisions_path, N_("A person's decisions, one per line: A<TAB>B<TAB>same|different"), "FILE" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) storage = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) decisions = g_array_new (FALSE, FALSE, sizeof (VrNameDecision));
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *decisions_file = NULL;
  guint conflicts = 0;
  int status = 0;

  g_option_context_set_summary (context,
    _("Group spellings, read one per line from standard input, into proposed\n"
      "people. Blank lines are ignored; a repeated spelling counts once; every\n"
      "spelling is in exactly one group."));
  g_option_context_set_description (context,
    _("Output: one group per line, CONFIDENCE<TAB>SPELLING<TAB>SPELLING…\n"
      "(confidence 0–1; see the names engine documentation), or with --json\n"
      "only a JSON array of arrays of the spellings. A person's decisions\n"
      "always win: \"different\" keeps two spellings apart even when other\n"
      "spellings link them."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!parse_options (context, "cluster", &argc, &argv, &status))
    return status;
  decisions_file = decisions_path;
  if (argc > 1)
    return vr_tool_usage_error ("cluster", _("spellings are read from standard input, not from arguments"));
  if (tier != 1 && tier != 2)
    return vr_tool_usage_error ("cluster", _("--tier must be 1 or 2"));

  if (decisions_file != NULL && !read_decisions (decisions_file, decisions, storage, &error))
    {
      fprintf (stderr, "variorum-tool cluster: %s\n", error->message);
      return 1;
    }
  if (!read_lines (stdin, _("standard input"), lines, &error))
    {
      fprintf (stderr, "variorum-tool cluster: %s\n", error->message);
      return 1;
    }

  groups = vr_name_cluster ((const char * const *) lines->pdata, lines->len,
                            tier == 1 ? VR_NAME_TIER_1 : VR_NAME_TIER_2,
                            (const VrNameDecision *) decisions->data, decisions->len,
                            &conflicts);
  if (conflicts > 0)
    fprintf (stderr, _("variorum-tool cluster: %u “different” decisions contradict “same” decisions and were not applied\n"),
             conflicts);

  if (json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autofree char *out = NULL;

      json_builder_begin_array (b);
      for (guint g = 0; g < groups->len; g++)
        {
          VrNameGroup *group = g_ptr_array_index (groups, g);
          json_builder_begin_array (b);
          for (guint m = 0; m < group->members->len; m++)
            json_builder_add_string_value (b, g_ptr_array_index (group->members, m));
          json_builder_end_array (b);
        }
      json_builder_end_array (b);
      out = json_line (b);
      printf ("%s\n", out);
    }
  else
    {
      for (guint g = 0; g < groups->len; g++)
        {
          VrNameGroup *group = g_ptr_array_index (groups, g);
          printf ("%.2f", group->confidence);
          for (guint m = 0; m < group->members->len; m++)
            printf ("\t%s", (const char *) g_ptr_array_index (group->members, m));
          printf ("\n");
        }
    }
  return 0;
}

/* ---------------------------------------------------------------------- */

int
vr_tool_find (int    argc,
              char **argv)
{
  char *names_path = NULL;
  gboolean count_only = FALSE;
  const GOptionEntry entries[] = {
    { "names", 0, 0, G_OPTION_ARG_FILENAME, &names_path, N_("The names to find, one per line"), "NAMES.txt" },
    { "count", 0, 0, G_OPTION_ARG_NONE, &count_only, N_("Print only the total number of occurrences"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("TEXT…"));
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(VrNameFinder) finder = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *names_file = NULL;
  gsize total = 0;
  int status = 0;

  g_option_context_set_summary (context,
    _("Find whole-word occurrences of names in text files: case- and\n"
      "diacritic-insensitive, leftmost-longest, non-overlapping, like\n"
      "“LC_ALL=C grep -F -o -i -w -f NAMES”."));
  g_option_context_set_description (context,
    _("Output: one line per occurrence,\n"
      "  FILE<TAB>BYTE OFFSET<TAB>BYTE LENGTH<TAB>NAME AS LISTED\n"
      "or with --count only the total. A word character is [A-Za-z0-9_], as\n"
      "for grep -w in the C locale."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!parse_options (context, "find", &argc, &argv, &status))
    return status;
  names_file = names_path;
  if (names_file == NULL)
    return vr_tool_usage_error ("find", _("--names NAMES.txt is required"));
  if (argc < 2)
    return vr_tool_usage_error ("find", _("give at least one text file"));

  {
    FILE *f = fopen (names_file, "rb");
    gboolean ok;

    if (f == NULL)
      {
        fprintf (stderr, _("variorum-tool find: %s: cannot open\n"), names_file);
        return 1;
      }
    ok = read_lines (f, names_file, names, &error);
    fclose (f);
    if (!ok)
      {
        fprintf (stderr, "variorum-tool find: %s\n", error->message);
        return 1;
      }
  }

  finder = vr_name_finder_new ((const char * const *) names->pdata, NULL, names->len,
                               VR_NAME_FINDER_ASCII_WORDS | VR_NAME_FINDER_GREP_COMPAT);

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GMappedFile) mapped = NULL;
      g_autoptr(GError) ferr = NULL;
      const char *text;
      gsize len;

      mapped = g_mapped_file_new (argv[i], FALSE, &ferr);
      if (mapped == NULL)
        {
          fprintf (stderr, "variorum-tool find: %s\n", ferr->message);
          status = 1;
          continue;
        }
      text = g_mapped_file_get_contents (mapped);
      len = g_mapped_file_get_length (mapped);
      if (text == NULL)
        text = "";

      if (count_only)
        total += vr_name_finder_count (finder, text, len);
      else
        {
          g_autoptr(GArray) matches = vr_name_finder_scan (finder, text, len);

          for (guint m = 0; m < matches->len; m++)
            {
              const VrNameMatch *match = &g_array_index (matches, VrNameMatch, m);
              printf ("%s\t%" G_GSIZE_FORMAT "\t%" G_GSIZE_FORMAT "\t%s\n", argv[i],
                      match->start, match->end - match->start,
                      vr_name_finder_get_pattern (finder, match->pattern));
            }
          total += matches->len;
        }
    }
  if (count_only)
    printf ("%" G_GSIZE_FORMAT "\n", total);
  return status;
}
