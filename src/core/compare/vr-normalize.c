/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vr-normalize"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "vr-error.h"
#include "vr-normalize.h"
#include "vr-romanize.h"

static const char * const system_names[] = {
  [VR_NORMALIZE_PREFERRED] = "preferred",
  [VR_NORMALIZE_RR] = "rr",
  [VR_NORMALIZE_MR] = "mr",
  [VR_NORMALIZE_MR_ASCII] = "mr-ascii",
};

gboolean
vr_normalize_system_from_string (const char        *name,
                                 VrNormalizeSystem *system)
{
  g_return_val_if_fail (system != NULL, FALSE);

  if (name == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (system_names); i++)
    if (g_ascii_strcasecmp (name, system_names[i]) == 0)
      {
        *system = (VrNormalizeSystem) i;
        return TRUE;
      }

  return FALSE;
}

const char *
vr_normalize_system_to_string (VrNormalizeSystem system)
{
  g_return_val_if_fail ((guint) system < G_N_ELEMENTS (system_names), NULL);

  return system_names[system];
}

static void
replacement_clear (VrReplacement *replacement)
{
  g_clear_object (&replacement->entity);
  g_clear_object (&replacement->mention);
  g_clear_pointer (&replacement->form, g_free);
}

static GArray *
replacements_new (void)
{
  GArray *array = g_array_new (FALSE, TRUE, sizeof (VrReplacement));

  g_array_set_clear_func (array, (GDestroyNotify) replacement_clear);
  return array;
}

VrNormalizedParagraph *
vr_normalized_paragraph_copy (const VrNormalizedParagraph *self)
{
  VrNormalizedParagraph *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_new0 (VrNormalizedParagraph, 1);
  copy->paragraph = self->paragraph != NULL ? g_object_ref (self->paragraph) : NULL;
  copy->original = g_strdup (self->original);
  copy->text = g_strdup (self->text);
  copy->replacements = replacements_new ();
  for (guint i = 0; i < self->replacements->len; i++)
    {
      VrReplacement r = g_array_index (self->replacements, VrReplacement, i);

      r.entity = r.entity != NULL ? g_object_ref (r.entity) : NULL;
      r.mention = r.mention != NULL ? g_object_ref (r.mention) : NULL;
      r.form = g_strdup (r.form);
      g_array_append_val (copy->replacements, r);
    }

  return copy;
}

void
vr_normalized_paragraph_free (VrNormalizedParagraph *self)
{
  if (self == NULL)
    return;

  g_clear_object (&self->paragraph);
  g_clear_pointer (&self->original, g_free);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->replacements, g_array_unref);
  g_free (self);
}

G_DEFINE_BOXED_TYPE (VrNormalizedParagraph, vr_normalized_paragraph,
                     vr_normalized_paragraph_copy, vr_normalized_paragraph_free)

/* Korean names put the surname first. Without Hangul, a spelling in one of
 * the Korean romanization systems (or a translator's gloss of one) says
 * the name is Korean. */
static gboolean
entity_is_korean (VrEntity *entity)
{
  const char *hangul = vr_entity_get_hangul (entity);
  GListModel *variants;
  guint n;

  if (hangul != NULL && *hangul != '\0')
    return TRUE;

  variants = vr_entity_get_variants (entity);
  n = g_list_model_get_n_items (variants);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VrVariant) variant = g_list_model_get_item (variants, i);

      switch (vr_variant_get_system (variant))
        {
        case VR_NAME_SYSTEM_RR:
        case VR_NAME_SYSTEM_MR:
        case VR_NAME_SYSTEM_DPRK:
        case VR_NAME_SYSTEM_RUSSIAN:
        case VR_NAME_SYSTEM_TRANSLATOR:
          return TRUE;
        case VR_NAME_SYSTEM_OTHER:
        default:
          break;
        }
    }

  return FALSE;
}

static char *
surname_of (const char *form,
            gboolean    korean)
{
  g_auto(GStrv) words = NULL;
  guint n;

  words = g_strsplit_set (form, " \t\n", -1);
  n = 0;
  /* Keep only the non-empty words, in place. */
  for (guint i = 0; words[i] != NULL; i++)
    {
      if (words[i][0] == '\0')
        {
          g_free (words[i]);
          continue;
        }
      words[n++] = words[i];
    }
  words[n] = NULL;

  if (n == 0)
    return g_strdup (form);

  return g_strdup (korean ? words[0] : words[n - 1]);
}

char *
vr_normalize_entity_form (VrEntity          *entity,
                          VrNormalizeSystem  system,
                          gboolean           is_short)
{
  g_autoptr(VrRomanization) romanization = NULL;
  const char *hangul;
  const char *name;
  const char *form = NULL;

  g_return_val_if_fail (VR_IS_ENTITY (entity), NULL);

  name = vr_entity_get_name (entity);
  if (name == NULL)
    name = "";

  hangul = vr_entity_get_hangul (entity);
  if (system != VR_NORMALIZE_PREFERRED && hangul != NULL && *hangul != '\0')
    /* Hangul that does not romanize falls back to the preferred name. */
    romanization = vr_romanize_hangul (hangul, NULL);

  if (romanization != NULL)
    {
      switch (system)
        {
        case VR_NORMALIZE_RR:
          form = romanization->rr;
          break;
        case VR_NORMALIZE_MR:
          form = romanization->mr;
          break;
        case VR_NORMALIZE_MR_ASCII:
          form = romanization->mr_ascii;
          break;
        case VR_NORMALIZE_PREFERRED:
        default:
          break;
        }
    }

  if (form == NULL || *form == '\0')
    form = name;

  if (is_short && vr_entity_get_kind (entity) == VR_ENTITY_KIND_PERSON)
    return surname_of (form, entity_is_korean (entity));

  return g_strdup (form);
}

gboolean
vr_normalize_entity_is_replaced (VrEntity *entity)
{
  const char *hangul;

  g_return_val_if_fail (VR_IS_ENTITY (entity), FALSE);

  hangul = vr_entity_get_hangul (entity);
  return vr_entity_get_kind (entity) == VR_ENTITY_KIND_PERSON ||
         (hangul != NULL && *hangul != '\0');
}

typedef struct
{
  VrEntity *entity;
  gboolean  is_short;
} FormKey;

static guint
form_key_hash (gconstpointer data)
{
  const FormKey *key = data;

  return g_direct_hash (key->entity) ^ (guint) key->is_short;
}

static gboolean
form_key_equal (gconstpointer a,
                gconstpointer b)
{
  const FormKey *ka = a;
  const FormKey *kb = b;

  return ka->entity == kb->entity && ka->is_short == kb->is_short;
}

static GHashTable *
form_cache_new (void)
{
  return g_hash_table_new_full (form_key_hash, form_key_equal, g_free, g_free);
}

/* Entities stay alive while the cache is in use (the document holds them),
 * so the key needs no reference. */
static const char *
form_cache_lookup (GHashTable        *cache,
                   VrEntity          *entity,
                   VrNormalizeSystem  system,
                   gboolean           is_short)
{
  FormKey lookup = { entity, !!is_short };
  const char *form = g_hash_table_lookup (cache, &lookup);

  if (form == NULL)
    {
      FormKey *key = g_new (FormKey, 1);
      char *value = vr_normalize_entity_form (entity, system, is_short);

      *key = lookup;
      g_hash_table_insert (cache, key, value);
      form = value;
    }

  return form;
}

static VrNormalizedParagraph *
normalize_paragraph (VrDocument        *document,
                     VrParagraph       *paragraph,
                     const char        *version_id,
                     VrNormalizeSystem  system,
                     GHashTable        *cache)
{
  g_autoptr(GPtrArray) mentions = NULL;
  VrNormalizedParagraph *result;
  const char *text;
  const char *p;
  GString *out;
  guint pos = 0;
  guint n_chars;

  result = g_new0 (VrNormalizedParagraph, 1);
  result->paragraph = g_object_ref (paragraph);
  result->replacements = replacements_new ();

  text = vr_paragraph_get_text (paragraph, version_id);
  if (text == NULL)
    return result;

  result->original = g_strdup (text);
  n_chars = vr_paragraph_get_n_chars (paragraph, version_id);
  mentions = vr_document_get_paragraph_mentions (document, paragraph, version_id);
  out = g_string_sized_new (strlen (text) + 16);
  p = text;

  /* Mentions come in order of start then end: one pass builds the new text. */
  for (guint i = 0; i < mentions->len; i++)
    {
      VrMention *mention = g_ptr_array_index (mentions, i);
      VrReplacement r = { 0, };
      const char *segment;
      const char *form;
      guint start;
      guint end;

      /* Of mentions starting at one place, the longest wins. */
      while (i + 1 < mentions->len &&
             vr_mention_get_start (g_ptr_array_index (mentions, i + 1)) ==
             vr_mention_get_start (mention))
        mention = g_ptr_array_index (mentions, ++i);

      start = vr_mention_get_start (mention);
      end = vr_mention_get_end (mention);
      if (start < pos || end < start || end > n_chars ||
          !vr_normalize_entity_is_replaced (vr_mention_get_entity (mention)))
        continue;

      segment = p;
      while (pos < start)
        {
          p = g_utf8_next_char (p);
          pos++;
        }
      g_string_append_len (out, segment, p - segment);

      while (pos < end)
        {
          p = g_utf8_next_char (p);
          pos++;
        }

      form = form_cache_lookup (cache, vr_mention_get_entity (mention), system,
                                vr_mention_get_short (mention));

      r.entity = g_object_ref (vr_mention_get_entity (mention));
      r.mention = g_object_ref (mention);
      r.original_start = start;
      r.original_end = end;
      r.form = g_strdup (form);
      g_array_append_val (result->replacements, r);
      g_string_append (out, form);
    }

  g_string_append (out, p);
  result->text = g_string_free (out, FALSE);

  /* Offsets in the new text follow from the lengths already known. */
  {
    glong shift = 0;

    for (guint i = 0; i < result->replacements->len; i++)
      {
        VrReplacement *r = &g_array_index (result->replacements, VrReplacement, i);
        glong form_len = g_utf8_strlen (r->form, -1);

        r->start = (guint) ((glong) r->original_start + shift);
        r->end = r->start + (guint) form_len;
        shift += form_len - (glong) (r->original_end - r->original_start);
      }
  }

  return result;
}

VrNormalizedParagraph *
vr_normalize_paragraph (VrDocument        *document,
                        VrParagraph       *paragraph,
                        const char        *version_id,
                        VrNormalizeSystem  system)
{
  g_autoptr(GHashTable) cache = NULL;

  g_return_val_if_fail (VR_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (VR_IS_PARAGRAPH (paragraph), NULL);
  g_return_val_if_fail (version_id != NULL, NULL);

  cache = form_cache_new ();
  return normalize_paragraph (document, paragraph, version_id, system, cache);
}

GPtrArray *
vr_normalize_version (VrDocument         *document,
                      const char         *version_id,
                      VrNormalizeSystem   system,
                      GError            **error)
{
  g_autoptr(GHashTable) cache = NULL;
  g_autoptr(GPtrArray) result = NULL;
  GListModel *paragraphs;
  guint n;

  g_return_val_if_fail (VR_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (version_id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (vr_document_lookup_version (document, version_id) == NULL)
    {
      g_set_error (error, VR_ERROR, VR_ERROR_REFERENCE,
                   _("The document has no version “%s”"), version_id);
      return NULL;
    }

  cache = form_cache_new ();
  paragraphs = vr_document_get_paragraphs (document);
  n = g_list_model_get_n_items (paragraphs);
  result = g_ptr_array_new_full (n, (GDestroyNotify) vr_normalized_paragraph_free);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VrParagraph) paragraph = g_list_model_get_item (paragraphs, i);

      g_ptr_array_add (result, normalize_paragraph (document, paragraph, version_id,
                                                    system, cache));
    }

  return g_steal_pointer (&result);
}
