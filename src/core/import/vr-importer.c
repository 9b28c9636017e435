/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Import of a Digital Archive page's text: metadata, paragraphs, people.
 * The rules are described in README.md beside this file. */
#define G_LOG_DOMAIN "vr-importer"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "vr-error.h"
#include "vr-importer.h"
#include "vr-mention-finder.h"
#include "vr-name-cluster.h"
#include "vr-name-finder.h"

#define SHORT_LINE_MAX 60

/* ---------------------------------------------------------------------- */
/* Lines and page furniture */

static gboolean
is_space_char (gunichar c)
{
  return g_unichar_isspace (c) || c == 0x00A0 || c == 0x2007 || c == 0x202F ||
         c == 0xFEFF;
}

/* A copy without leading and trailing white space, no-break spaces too. */
static char *
dup_trimmed (const char *start,
             gssize      length)
{
  const char *end = length < 0 ? start + strlen (start) : start + length;
  const char *p;

  while (start < end && is_space_char (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);
  while (end > start)
    {
      p = g_utf8_find_prev_char (start, end);
      if (p == NULL || !is_space_char (g_utf8_get_char (p)))
        break;
      end = p;
    }

  return g_strndup (start, end - start);
}

static const char * const furniture_lines[] = {
  "Search in",
  "Digital Archive International History Declassified",
  "Digital Archive",
  "Citation",
  "get citation",
  "share document",
  "Share",
  "Original Scan",
  "Download PDF",
};

static const char * const furniture_prefixes[] = {
  "It appears your Web browser is not configured to display PDF files",
  "Click here to view the PDF file",
  "Click here to download the PDF file",
  "PDFs cannot be printed inline",
};

/* "English HTML", "Russian PDF": the page's links to the document's
 * renderings. The first one ends the page header. */
static gboolean
is_rendering_link (const char *line)
{
  const char *space = strchr (line, ' ');

  if (space == NULL || strchr (space + 1, ' ') != NULL)
    return FALSE;
  if (!g_unichar_isupper (g_utf8_get_char (line)))
    return FALSE;
  return g_str_equal (space + 1, "HTML") || g_str_equal (space + 1, "PDF") ||
         g_str_equal (space + 1, "Transcript") || g_str_equal (space + 1, "Translation");
}

static gboolean
is_bullet_line (const char *line)
{
  gunichar c = g_utf8_get_char (line);

  return c == 0x2022 || c == 0x25E6 || c == 0x25AA || c == 0x2023 || c == 0x2043;
}

static gboolean
is_furniture (const char *line)
{
  if (is_bullet_line (line) || is_rendering_link (line))
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (furniture_lines); i++)
    if (g_ascii_strcasecmp (line, furniture_lines[i]) == 0)
      return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (furniture_prefixes); i++)
    if (g_str_has_prefix (line, furniture_prefixes[i]))
      return TRUE;
  return FALSE;
}

/* ---------------------------------------------------------------------- */
/* Dates */

static const char * const months[] = {
  "January", "February", "March", "April", "May", "June", "July",
  "August", "September", "October", "November", "December",
};

static int
month_number (const char *word)
{
  for (guint i = 0; i < G_N_ELEMENTS (months); i++)
    if (g_ascii_strcasecmp (word, months[i]) == 0)
      return i + 1;
  return 0;
}

/* "September 15, 1956" or "15 September 1956" (the whole of @text) as
 * "1956-09-15", or NULL. */
static char *
parse_date (const char *text)
{
  g_auto(GStrv) words = NULL;
  int day, month, year;
  char *end;

  words = g_strsplit_set (text, " ,", -1);
  {
    /* Drop the empty pieces that ", " leaves. */
    guint n = 0;
    for (guint i = 0; words[i] != NULL; i++)
      {
        if (*words[i] != '\0')
          words[n++] = words[i];
        else
          g_free (words[i]);
      }
    words[n] = NULL;
    if (n != 3)
      return NULL;
  }

  if ((month = month_number (words[0])) != 0)
    {
      day = strtol (words[1], &end, 10);
      if (*end != '\0')
        return NULL;
    }
  else if ((month = month_number (words[1])) != 0)
    {
      day = strtol (words[0], &end, 10);
      if (*end != '\0')
        return NULL;
    }
  else
    return NULL;

  year = strtol (words[2], &end, 10);
  if (*end != '\0' || strlen (words[2]) != 4 || day < 1 || day > 31)
    return NULL;
  if (!g_date_valid_dmy (day, month, year))
    return NULL;

  return g_strdup_printf ("%04d-%02d-%02d", year, month, day);
}

/* ---------------------------------------------------------------------- */
/* Metadata from the citation line */

static const char * const citation_markers[] = {
  ". Obtained and translated by ",
  ". Translated by ",
  ". Obtained by ",
  ". Contributed by ",
  ". Included in ",
  ". Published in ",
};

/* Russian archives named in Digital Archive citations. */
static const char * const russian_archives[] = {
  "GARF", "AVPRF", "RGANI", "RGASPI", "RGAE", "RGVA", "TsAMO", "TsKhSD",
  "APRF", "RTsKhIDNI",
};

static gboolean
is_quote (gunichar c)
{
  return c == '"' || c == 0x201C || c == 0x201D;
}

static void
strip_trailing (char       *text,
                const char *chars)
{
  gsize len = strlen (text);

  while (len > 0 && strchr (chars, text[len - 1]) != NULL)
    text[--len] = '\0';
}

/* The earliest of citation_markers in @text at or after @from. */
static const char *
next_marker (const char  *from,
             guint       *which)
{
  const char *best = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (citation_markers); i++)
    {
      const char *p = strstr (from, citation_markers[i]);

      if (p != NULL && (best == NULL || p < best))
        {
          best = p;
          *which = i;
        }
    }
  return best;
}

static void
parse_authors_recipients (VrMetadata *metadata,
                          const char *title)
{
  const char *addressed = strstr (title, " addressed to ");
  g_autoptr(GPtrArray) recipients = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *rest = NULL;
  g_auto(GStrv) parts = NULL;
  const char *word;

  if (addressed == NULL)
    return;

  /* The word just before "addressed to" names the author when it is a
   * capitalized word ("…the DPRK Ivanov addressed to…"). */
  word = addressed;
  while (word > title && word[-1] != ' ')
    word--;
  if (g_ascii_isupper (*word) && !g_ascii_isupper (word[1]))
    {
      g_autofree char *author = g_strndup (word, addressed - word);
      const char *authors[] = { author, NULL };

      vr_metadata_set_authors (metadata, authors);
    }

  rest = g_strdup (addressed + strlen (" addressed to "));
  rest[strcspn (rest, ",'\"")] = '\0';
  parts = g_strsplit (rest, " and ", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_auto(GStrv) names = g_strsplit (parts[i], ", ", -1);

      for (guint j = 0; names[j] != NULL; j++)
        {
          g_autofree char *name = dup_trimmed (names[j], -1);

          if (*name != '\0' && g_ascii_isupper (*name) && strchr (name, ' ') == NULL)
            g_ptr_array_add (recipients, g_steal_pointer (&name));
        }
    }
  if (recipients->len > 0)
    {
      g_ptr_array_add (recipients, NULL);
      vr_metadata_set_recipients (metadata, (const char * const *) recipients->pdata);
    }
}

/* '"Title," September 15, 1956, Repository, Archive, Location. Translated
 * by Someone.' Returns FALSE when @line is not a citation. */
static gboolean
parse_citation (VrMetadata *metadata,
                VrVersion  *version,
                const char *line)
{
  const char *open = line, *close, *rest, *p, *marker;
  g_autofree char *title = NULL;
  g_autofree char *source = NULL;
  g_auto(GStrv) pieces = NULL;
  guint which = 0;

  if (!is_quote (g_utf8_get_char (open)))
    return FALSE;
  open = g_utf8_next_char (open);
  for (close = open; *close != '\0'; close = g_utf8_next_char (close))
    if (is_quote (g_utf8_get_char (close)))
      break;
  if (*close == '\0')
    return FALSE;

  title = dup_trimmed (open, close - open);
  strip_trailing (title, ",. ");
  if (*title == '\0')
    return FALSE;
  vr_metadata_set_title (metadata, title);
  parse_authors_recipients (metadata, title);

  rest = g_utf8_next_char (close);
  while (*rest == ',' || *rest == ' ')
    rest++;

  /* Skip the date: up to the first four-digit year and its comma. */
  for (p = rest; *p != '\0' && p - rest < 40; p++)
    if (g_ascii_isdigit (p[0]) && g_ascii_isdigit (p[1]) && g_ascii_isdigit (p[2]) &&
        g_ascii_isdigit (p[3]) && !g_ascii_isdigit (p[4]) &&
        (p == rest || !g_ascii_isdigit (p[-1])))
      {
        rest = p + 4;
        while (*rest == ',' || *rest == ' ')
          rest++;
        break;
      }

  marker = next_marker (rest, &which);
  source = marker != NULL ? g_strndup (rest, marker - rest) : g_strdup (rest);
  strip_trailing (source, ". ");

  pieces = g_strsplit (source, ", ", 3);
  if (pieces[0] != NULL && *pieces[0] != '\0')
    vr_metadata_set_repository (metadata, pieces[0]);
  if (pieces[0] != NULL && pieces[1] != NULL)
    {
      vr_metadata_set_archive (metadata, pieces[1]);
      for (guint i = 0; i < G_N_ELEMENTS (russian_archives); i++)
        if (g_str_equal (pieces[1], russian_archives[i]))
          vr_metadata_set_original_language (metadata, "ru");
    }
  if (pieces[0] != NULL && pieces[1] != NULL && pieces[2] != NULL)
    vr_metadata_set_archive_location (metadata, pieces[2]);

  while (marker != NULL)
    {
      const char *value = marker + strlen (citation_markers[which]);
      guint this = which;
      const char *next = next_marker (value, &which);
      g_autofree char *text = next != NULL ? g_strndup (value, next - value)
                                           : g_strdup (value);

      strip_trailing (text, ". ");
      if (this <= 1 && *text != '\0')
        {
          vr_metadata_set_translator (metadata, text);
          vr_version_set_translator (version, text);
        }
      marker = next;
    }

  return TRUE;
}

/* ---------------------------------------------------------------------- */
/* Heading and closing lines that carry metadata */

static const char * const classifications[] = {
  "Top Secret", "Strictly Secret", "Secret", "Strictly Confidential",
  "Confidential", "For Official Use Only", "Special File", "Restricted",
};

static const char * const count_words[] = {
  "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten",
};

/* "Nº 254", "No. 254", "№ 254": the number, or NULL. */
static char *
parse_number_line (const char *text)
{
  static const char * const signs[] = { "Nº", "N°", "№", "No.", "No" };

  for (guint i = 0; i < G_N_ELEMENTS (signs); i++)
    if (g_str_has_prefix (text, signs[i]))
      {
        g_autofree char *number = dup_trimmed (text + strlen (signs[i]), -1);

        if (*number != '\0' && g_ascii_isdigit (*number) && strchr (number, ' ') == NULL)
          return g_steal_pointer (&number);
      }
  return NULL;
}

static void
add_field (VrMetadata *metadata,
           const char *label,
           const char *value)
{
  g_autoptr(VrField) field = NULL;

  if (vr_metadata_lookup_field (metadata, label) != NULL)
    return;
  field = vr_field_new (label, value);
  vr_metadata_add_field (metadata, field);
}

static void
read_heading (VrMetadata *metadata,
              const char *text)
{
  g_autofree char *number = NULL;
  g_autofree char *date = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (classifications); i++)
    if (g_ascii_strcasecmp (text, classifications[i]) == 0)
      {
        if (vr_metadata_get_classification (metadata) == NULL)
          vr_metadata_set_classification (metadata, classifications[i]);
        return;
      }

  if ((number = parse_number_line (text)) != NULL)
    add_field (metadata, "Document number", number);
  else if (g_str_has_prefix (text, "Copy ") &&
           (number = parse_number_line (text + strlen ("Copy "))) != NULL)
    add_field (metadata, "Copy number", number);
  else if ((date = parse_date (text)) != NULL && vr_metadata_get_date (metadata) == NULL)
    vr_metadata_set_date (metadata, date);
}

static void
read_closing (VrMetadata *metadata,
              const char *text)
{
  static const char * const by_labels[] = { "Drafted by", "Typed by", "Signed by",
                                            "Prepared by", "Written by" };
  g_autofree char *number = NULL;
  g_autofree char *date = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (by_labels); i++)
    if (g_str_has_prefix (text, by_labels[i]) && text[strlen (by_labels[i])] == ' ')
      {
        g_autofree char *who = dup_trimmed (text + strlen (by_labels[i]), -1);

        if (*who != '\0')
          add_field (metadata, by_labels[i], who);
        return;
      }

  for (guint i = 0; i < G_N_ELEMENTS (count_words); i++)
    if (g_str_has_prefix (text, count_words[i]) &&
        g_str_equal (text + strlen (count_words[i]), " copies printed"))
      {
        g_autofree char *n = g_strdup_printf ("%u", i + 1);

        add_field (metadata, "Copies printed", n);
        return;
      }

  if ((number = parse_number_line (text)) != NULL)
    add_field (metadata, "Closing number", number);
  else if ((date = parse_date (text)) != NULL)
    add_field (metadata, "Closing date", text);
}

/* ---------------------------------------------------------------------- */
/* Paragraphs */

/* Short lines are the furniture of the document itself: reference numbers,
 * classification, dates, distribution lists, signatures. */
static gboolean
is_short_line (const char *text)
{
  gsize len = strlen (text);

  return g_utf8_strlen (text, -1) <= SHORT_LINE_MAX &&
         (len == 0 || strchr (".!?;:", text[len - 1]) == NULL);
}

/* A line whose fields the page sets apart with no-break spaces
 * ("Nº 254 \u00a0 Top Secret") gives one paragraph per field. */
static void
split_line (GPtrArray  *out,
            const char *line)
{
  const char *piece = line;
  const char *p;

  if (strstr (line, "\xc2\xa0") == NULL)
    {
      g_ptr_array_add (out, dup_trimmed (line, -1));
      return;
    }

  for (p = line; ; p = g_utf8_next_char (p))
    {
      if (*p == '\0' || g_utf8_get_char (p) == 0x00A0)
        {
          g_autofree char *text = dup_trimmed (piece, p - piece);

          if (*text != '\0')
            g_ptr_array_add (out, g_steal_pointer (&text));
          if (*p == '\0')
            break;
          piece = g_utf8_next_char (p);
        }
    }
}

/* ---------------------------------------------------------------------- */

VrDocument *
vr_import_archive_text (const char  *text,
                        const char  *display_name,
                        GError     **error)
{
  g_autoptr(VrDocument) document = NULL;
  g_autoptr(VrVersion) version = NULL;
  g_autoptr(GPtrArray) paragraphs = NULL;
  g_auto(GStrv) lines = NULL;
  const char *end = NULL;
  VrMetadata *metadata;
  guint n_lines, header_end = 0, citation = G_MAXUINT;
  guint first_body = 0, last_body;
  gboolean has_header = FALSE;

  g_return_val_if_fail (text != NULL, NULL);

  if (display_name == NULL)
    display_name = "text";

  if (!g_utf8_validate (text, -1, &end))
    {
      g_autofree char *before = g_strndup (text, end - text);
      guint line = 1;

      for (const char *p = before; *p != '\0'; p++)
        if (*p == '\n')
          line++;
      g_set_error (error, VR_ERROR, VR_ERROR_ENCODING,
                   "%s:%u: not UTF-8 text (an archive page's text is expected)",
                   display_name, line);
      return NULL;
    }

  {
    g_autofree char *all = dup_trimmed (text, -1);

    if (*all == '\0')
      {
        g_set_error (error, VR_ERROR, VR_ERROR_EMPTY,
                     "%s: the text is empty (an archive page's text is expected)",
                     display_name);
        return NULL;
      }
  }

  document = vr_document_new ();
  metadata = vr_document_get_metadata (document);
  version = vr_version_new ("en");
  vr_version_set_language (version, "en");
  vr_version_set_label (version, "English translation");

  lines = g_strsplit (text, "\n", -1);
  n_lines = g_strv_length (lines);
  for (guint i = 0; i < n_lines; i++)
    {
      char *trimmed = dup_trimmed (lines[i], -1);

      /* Keep the no-break spaces inside the line for split_line(). */
      g_free (lines[i]);
      lines[i] = trimmed;
    }

  /* The page header ends at the first rendering link ("English HTML"); a
   * text without one is all document. */
  for (guint i = 0; i < n_lines; i++)
    if (is_rendering_link (lines[i]))
      {
        header_end = i + 1;
        has_header = TRUE;
        break;
      }

  for (guint i = 0; has_header && i < header_end; i++)
    {
      g_autofree char *date = NULL;

      if (*lines[i] == '\0' || is_furniture (lines[i]))
        continue;
      if (vr_metadata_get_date (metadata) == NULL && (date = parse_date (lines[i])) != NULL)
        {
          vr_metadata_set_date (metadata, date);
          continue;
        }
      if (citation == G_MAXUINT && parse_citation (metadata, version, lines[i]))
        {
          citation = i;
          /* The summary is the line just above the citation. */
          for (guint j = i; j-- > 0;)
            if (*lines[j] != '\0')
              {
                if (!is_furniture (lines[j]) && parse_date (lines[j]) == NULL)
                  vr_metadata_set_summary (metadata, lines[j]);
                break;
              }
        }
    }

  paragraphs = g_ptr_array_new_with_free_func (g_free);
  for (guint i = header_end; i < n_lines; i++)
    if (*lines[i] != '\0' && !is_furniture (lines[i]))
      split_line (paragraphs, lines[i]);

  if (paragraphs->len == 0)
    {
      g_set_error (error, VR_ERROR, VR_ERROR_NOT_A_DOCUMENT,
                   "%s: no document text found (only the archive page's headings)",
                   display_name);
      return NULL;
    }

  /* Leading short lines are headings, trailing ones the closing; with no
   * long line at all everything is body. */
  while (first_body < paragraphs->len &&
         is_short_line (g_ptr_array_index (paragraphs, first_body)))
    first_body++;
  last_body = paragraphs->len;
  while (last_body > first_body &&
         is_short_line (g_ptr_array_index (paragraphs, last_body - 1)))
    last_body--;
  if (first_body == paragraphs->len)
    {
      first_body = 0;
      last_body = paragraphs->len;
    }

  vr_document_add_version (document, version);
  for (guint i = 0; i < paragraphs->len; i++)
    {
      const char *ptext = g_ptr_array_index (paragraphs, i);
      g_autofree char *id = g_strdup_printf ("p%u", i + 1);
      g_autoptr(VrParagraph) paragraph = vr_paragraph_new (id);

      if (i < first_body)
        {
          vr_paragraph_set_kind (paragraph, VR_PARAGRAPH_KIND_HEADING);
          read_heading (metadata, ptext);
        }
      else if (i >= last_body)
        {
          vr_paragraph_set_kind (paragraph, VR_PARAGRAPH_KIND_CLOSING);
          read_closing (metadata, ptext);
        }
      else
        {
          vr_paragraph_set_kind (paragraph, VR_PARAGRAPH_KIND_BODY);
        }
      vr_paragraph_set_text (paragraph, "en", ptext);
      vr_document_add_paragraph (document, paragraph);
    }

  {
    /* The document's id from the file's name: "telegram-254.txt" →
     * "telegram-254". */
    g_autofree char *base = g_path_get_basename (display_name);
    char *dot = strrchr (base, '.');
    g_autofree char *id = NULL;

    if (dot != NULL && dot != base)
      *dot = '\0';
    id = vr_document_dup_new_entity_id (document, base);
    vr_document_set_id (document, id);
  }

  vr_import_detect_people (document);

  return g_steal_pointer (&document);
}

VrDocument *
vr_import_archive_file (GFile         *file,
                        const char    *display_name,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (display_name == NULL)
    {
      path = g_file_get_parse_name (file);
      display_name = path;
    }

  if (!g_file_load_contents (file, cancellable, &contents, &length, NULL, &local_error))
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, VR_ERROR, VR_ERROR_IO, "%s: %s", display_name,
                     local_error->message);
      return NULL;
    }

  if (memchr (contents, '\0', length) != NULL)
    {
      g_set_error (error, VR_ERROR, VR_ERROR_ENCODING,
                   "%s: not a text file (it holds NUL bytes; an archive page's text "
                   "is expected)", display_name);
      return NULL;
    }

  return vr_import_archive_text (contents, display_name, error);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GFile *file = g_object_get_data (G_OBJECT (task), "vr-import-file");
  const char *display_name = task_data;
  GError *error = NULL;
  VrDocument *doc = vr_import_archive_file (file, display_name, cancellable, &error);

  if (doc == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, doc, g_object_unref);
}

void
vr_import_archive_file_async (GFile               *file,
                              const char          *display_name,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, vr_import_archive_file_async);
  g_object_set_data_full (G_OBJECT (task), "vr-import-file", g_object_ref (file),
                          g_object_unref);
  g_task_set_task_data (task, g_strdup (display_name), g_free);
  g_task_run_in_thread (task, import_thread);
}

VrDocument *
vr_import_archive_file_finish (GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
