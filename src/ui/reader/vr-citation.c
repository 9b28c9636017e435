/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vr-citation"

#include "config.h"

#include <string.h>

#include "vr-citation.h"

/* The citation is English bibliographic text, like the archive's own, so the
 * month names are not translated. */
static const char * const months[] = {
  "January", "February", "March", "April", "May", "June", "July",
  "August", "September", "October", "November", "December",
};

static gboolean
is_blank (const char *s)
{
  if (s == NULL)
    return TRUE;
  for (; *s != '\0'; s++)
    if (!g_ascii_isspace (*s))
      return FALSE;
  return TRUE;
}

static gboolean
parse_number (const char *s,
              gsize       len,
              guint      *out)
{
  guint value = 0;

  for (gsize i = 0; i < len; i++)
    {
      if (!g_ascii_isdigit (s[i]))
        return FALSE;
      value = value * 10 + (s[i] - '0');
    }
  *out = value;
  return TRUE;
}

char *
vr_citation_format_date (const char *date)
{
  g_autofree char *stripped = NULL;
  gsize len;
  guint year, month, day;

  if (is_blank (date))
    return NULL;

  stripped = g_strstrip (g_strdup (date));
  len = strlen (stripped);

  if ((len == 10 || len == 7) &&
      parse_number (stripped, 4, &year) && stripped[4] == '-' &&
      parse_number (stripped + 5, 2, &month) && month >= 1 && month <= 12)
    {
      if (len == 7)
        return g_strdup_printf ("%s %u", months[month - 1], year);

      if (stripped[7] == '-' && parse_number (stripped + 8, 2, &day) &&
          day >= 1 && day <= 31)
        return g_strdup_printf ("%s %u, %u", months[month - 1], day, year);
    }

  return g_steal_pointer (&stripped);
}

static char *
quote_title (const char *title)
{
  GString *s = g_string_new (NULL);

  for (const char *p = title; *p != '\0'; p++)
    g_string_append_c (s, *p == '"' ? '\'' : *p);

  return g_strstrip (g_string_free (s, FALSE));
}

static void
append_part (GString    *s,
             const char *part,
             const char *separator)
{
  if (is_blank (part))
    return;
  if (s->len > 0)
    g_string_append (s, separator);
  g_string_append (s, part);
}

/* Title, date and then "Repository, Archive, Location", separated by
 * @separator (", " for a note, ". " for a bibliography entry). */
static char *
format_citation (VrMetadata *metadata,
                 const char *separator)
{
  g_autoptr(GString) s = g_string_new (NULL);
  g_autoptr(GString) holding = g_string_new (NULL);
  g_autofree char *date = NULL;
  const char *title = vr_metadata_get_title (metadata);
  const char *translator = vr_metadata_get_translator (metadata);
  gboolean title_open = FALSE;

  if (!is_blank (title))
    {
      g_autofree char *quoted = quote_title (title);

      g_string_append_printf (s, "\"%s", quoted);
      title_open = TRUE;
    }

  date = vr_citation_format_date (vr_metadata_get_date (metadata));

  append_part (holding, vr_metadata_get_repository (metadata), ", ");
  append_part (holding, vr_metadata_get_archive (metadata), ", ");
  append_part (holding, vr_metadata_get_archive_location (metadata), ", ");

  if (title_open)
    {
      /* The punctuation after a quoted title goes inside the quotes. */
      if (date != NULL || holding->len > 0)
        g_string_append_printf (s, "%c\"", separator[0]);
      else
        g_string_append (s, ".\"");
    }

  if (date != NULL)
    {
      if (s->len > 0)
        g_string_append_c (s, ' ');
      g_string_append (s, date);
      if (holding->len > 0)
        g_string_append_c (s, separator[0]);
    }

  if (holding->len > 0)
    {
      if (s->len > 0)
        g_string_append_c (s, ' ');
      g_string_append (s, holding->str);
    }

  if ((date != NULL || holding->len > 0) && s->str[s->len - 1] != '.')
    g_string_append_c (s, '.');

  if (!is_blank (translator))
    {
      g_autofree char *name = g_strstrip (g_strdup (translator));

      if (s->len > 0)
        g_string_append_c (s, ' ');
      g_string_append_printf (s, "Translated by %s", name);
      if (s->str[s->len - 1] != '.')
        g_string_append_c (s, '.');
    }

  return g_strdup (s->str);
}

char *
vr_citation_format_note (VrMetadata *metadata)
{
  g_return_val_if_fail (VR_IS_METADATA (metadata), NULL);

  return format_citation (metadata, ", ");
}

char *
vr_citation_format_bibliography (VrMetadata *metadata)
{
  g_return_val_if_fail (VR_IS_METADATA (metadata), NULL);

  return format_citation (metadata, ". ");
}
