/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vr-loader"

#include "config.h"

#include <fcntl.h>
#include <string.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "vr-error.h"
#include "vr-json-check.h"
#include "vr-loader.h"
#include "vr-model-private.h"
#include "vr-utf8-private.h"

/* The file is checked byte by byte (vr-json-check.c), parsed by json-glib
 * (a big file is mapped, not read, and cut in two parts parsed on two
 * threads), then turned into the model.
 * The model of a document takes a small fraction of json-glib's tree, which
 * is freed in the background once the model is built. */

typedef struct
{
  const char *name;
  VrDocument *doc;
  GHashTable *versions;     /* id → VrVersion (borrowed) */
  GHashTable *paragraphs;   /* id → VrParagraph */
  GHashTable *entities;     /* id → VrEntity */
  GHashTable *annotations;  /* id → TRUE */

  /* The top-level array that was parsed in two parts, and its second
   * part, else NULL. */
  const char  *split_key;
  JsonArray   *split_tail;

  /* The text last checked against, for runs of mentions in one paragraph. */
  VrParagraph *last_paragraph;
  const char  *last_paragraph_id;
  const char  *last_version_id;
  guint        last_n_chars;
} Loader;

/* Ids and keys come from the file: a control character or a bidi control
 * in one would break the one-error-per-line output of validate, or reorder
 * what a person reads. Such characters are shown as \uXXXX. Takes @message. */
static char *
printable_message (char *message)
{
  GString *s;

  s = g_string_sized_new (strlen (message));
  for (const char *p = message; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x20 || (c >= 0x7f && c < 0xa0) ||
          (c >= 0x200e && c <= 0x200f) || (c >= 0x202a && c <= 0x202e) ||
          (c >= 0x2066 && c <= 0x2069))
        g_string_append_printf (s, "\\u%04X", c);
      else
        g_string_append_len (s, p, g_utf8_next_char (p) - p);
    }
  g_free (message);
  return g_string_free (s, FALSE);
}

static gboolean G_GNUC_PRINTF (4, 5)
fail (Loader      *l,
      GError     **error,
      VrError      code,
      const char  *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, VR_ERROR, code, "%s: %s", l->name, message);
  if (error != NULL)
    (*error)->message = printable_message ((*error)->message);
  return FALSE;
}

/* One RFC 6901 reference token: "~" → "~0", "/" → "~1". */
static char *
escape_token (const char *token)
{
  GString *s;

  if (strpbrk (token, "~/") == NULL)
    return g_strdup (token);

  s = g_string_new (NULL);
  for (const char *p = token; *p; p++)
    {
      if (*p == '~')
        g_string_append (s, "~0");
      else if (*p == '/')
        g_string_append (s, "~1");
      else
        g_string_append_c (s, *p);
    }
  return g_string_free (s, FALSE);
}

static const char *
describe_node (JsonNode *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      return "an object";
    case JSON_NODE_ARRAY:
      return "an array";
    case JSON_NODE_NULL:
      return "null";
    case JSON_NODE_VALUE:
    default:
      break;
    }

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return "a string";
    case G_TYPE_INT64:
      return "an integer";
    case G_TYPE_DOUBLE:
      return "a number with a fraction or exponent";
    case G_TYPE_BOOLEAN:
      return "a boolean";
    default:
      return "a value";
    }
}

static inline gboolean
node_is_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_STRING;
}

static inline gboolean
node_is_int (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_INT64;
}

static inline gboolean
node_is_bool (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_BOOLEAN;
}

static gboolean
fail_type (Loader      *l,
           GError     **error,
           const char  *pointer,
           JsonNode    *node,
           const char  *expected)
{
  return fail (l, error, VR_ERROR_TYPE, "%s: found %s; expected %s",
               pointer, describe_node (node), expected);
}

/* An optional string member: NULL for null, else a string or an error. */
static gboolean
get_string (Loader      *l,
            JsonNode    *node,
            const char  *pointer_base,
            const char  *key,
            const char **out,
            GError     **error)
{
  if (JSON_NODE_HOLDS_NULL (node))
    {
      *out = NULL;
      return TRUE;
    }
  if (!node_is_string (node))
    {
      g_autofree char *pointer = g_strdup_printf ("%s/%s", pointer_base, key);

      return fail_type (l, error, pointer, node, "a string");
    }
  *out = json_node_get_string (node);
  return TRUE;
}

static gboolean
get_offset (Loader      *l,
            JsonNode    *node,
            const char  *pointer_base,
            const char  *key,
            guint       *out,
            GError     **error)
{
  gint64 value;

  if (!node_is_int (node))
    {
      g_autofree char *pointer = g_strdup_printf ("%s/%s", pointer_base, key);

      if (JSON_NODE_HOLDS_VALUE (node) &&
          json_node_get_value_type (node) == G_TYPE_DOUBLE)
        return fail (l, error, VR_ERROR_RANGE,
                     "%s: found %g; expected a non-negative integer "
                     "(a character offset)", pointer, json_node_get_double (node));
      return fail_type (l, error, pointer, node,
                        "a non-negative integer (a character offset)");
    }

  value = json_node_get_int (node);
  if (value < 0 || value > G_MAXUINT)
    {
      g_autofree char *pointer = g_strdup_printf ("%s/%s", pointer_base, key);

      return fail (l, error, VR_ERROR_RANGE,
                   "%s: found %" G_GINT64_FORMAT "; expected a non-negative "
                   "integer (a character offset)", pointer, value);
    }

  *out = (guint) value;
  return TRUE;
}

static gboolean
get_bool (Loader      *l,
          JsonNode    *node,
          const char  *pointer_base,
          const char  *key,
          gboolean    *out,
          GError     **error)
{
  if (JSON_NODE_HOLDS_NULL (node))
    {
      *out = FALSE;
      return TRUE;
    }
  if (!node_is_bool (node))
    {
      g_autofree char *pointer = g_strdup_printf ("%s/%s", pointer_base, key);

      return fail_type (l, error, pointer, node, "true or false");
    }
  *out = json_node_get_boolean (node);
  return TRUE;
}

static gboolean
require_object (Loader      *l,
                JsonNode    *node,
                const char  *pointer,
                JsonObject **out,
                GError     **error)
{
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail_type (l, error, pointer, node, "an object");
  *out = json_node_get_object (node);
  return TRUE;
}

/* An optional array: NULL for null or absent. */
static gboolean
get_array (Loader      *l,
           JsonNode    *node,
           const char  *pointer,
           JsonArray  **out,
           GError     **error)
{
  *out = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return fail_type (l, error, pointer, node, "an array");
  *out = json_node_get_array (node);
  return TRUE;
}

static gboolean
fail_missing (Loader      *l,
              GError     **error,
              const char  *pointer_base,
              const char  *key,
              const char  *expected)
{
  return fail (l, error, VR_ERROR_MISSING, "%s/%s: missing; expected %s",
               pointer_base, key, expected);
}

/* A copy that shares nothing with @node. json_node_copy() shares objects,
 * arrays and values, whose reference counts are not atomic; the tree is
 * freed on another thread while the model keeps its copies. Nesting is at
 * most VR_LOADER_MAX_DEPTH deep, checked before parsing. */
static JsonNode *
copy_node_deep (JsonNode *node)
{
  JsonNode *copy;

  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *object = json_object_new ();
        JsonObjectIter iter;
        const char *name;
        JsonNode *member;

        json_object_iter_init_ordered (&iter, json_node_get_object (node));
        while (json_object_iter_next_ordered (&iter, &name, &member))
          json_object_set_member (object, name, copy_node_deep (member));
        copy = json_node_new (JSON_NODE_OBJECT);
        json_node_take_object (copy, object);
        return copy;
      }

    case JSON_NODE_ARRAY:
      {
        JsonArray *src = json_node_get_array (node);
        guint n = json_array_get_length (src);
        JsonArray *array = json_array_sized_new (n);

        for (guint i = 0; i < n; i++)
          json_array_add_element (array, copy_node_deep (json_array_get_element (src, i)));
        copy = json_node_new (JSON_NODE_ARRAY);
        json_node_take_array (copy, array);
        return copy;
      }

    case JSON_NODE_NULL:
      return json_node_new (JSON_NODE_NULL);

    case JSON_NODE_VALUE:
    default:
      break;
    }

  copy = json_node_alloc ();
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_INT64:
      return json_node_init_int (copy, json_node_get_int (node));
    case G_TYPE_DOUBLE:
      return json_node_init_double (copy, json_node_get_double (node));
    case G_TYPE_BOOLEAN:
      return json_node_init_boolean (copy, json_node_get_boolean (node));
    case G_TYPE_STRING:
      return json_node_init_string (copy, json_node_get_string (node));
    default:
      return json_node_init_null (copy);
    }
}

/* Keeps a member the loader does not know, to be written back. */
static void
keep_extra (JsonObject **extra,
            const char  *name,
            JsonNode    *node)
{
  if (*extra == NULL)
    *extra = json_object_new ();
  json_object_set_member (*extra, name, copy_node_deep (node));
}

static gboolean
check_id (Loader      *l,
          const char  *base,
          const char  *id,
          GError     **error)
{
  if (*id == '\0')
    return fail (l, error, VR_ERROR_VALUE,
                 "%s/id: found an empty string; expected a non-empty id", base);
  return TRUE;
}

#define MEMBER_IS(name, literal) (strcmp ((name), (literal)) == 0)

/* The second part of the top-level array at @pointer ("/mentions") when it
 * was parsed apart; it follows the first. */
static JsonArray *
split_tail (Loader     *l,
            const char *pointer)
{
  if (l->split_key != NULL && MEMBER_IS (pointer + 1, l->split_key))
    return l->split_tail;
  return NULL;
}

/* ---- versions ---------------------------------------------------------- */

static gboolean
load_version (Loader    *l,
              JsonNode  *node,
              guint      index,
              GError   **error)
{
  g_autofree char *base = g_strdup_printf ("/versions/%u", index);
  g_autoptr(JsonObject) extra = NULL;
  g_autoptr(VrVersion) version = NULL;
  const char *id = NULL, *language = NULL, *label = NULL, *translator = NULL;
  JsonObject *object = NULL;
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;

  if (!require_object (l, node, base, &object, error))
    return FALSE;

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, &member))
    {
      gboolean ok = TRUE;

      if (MEMBER_IS (name, "id"))
        ok = get_string (l, member, base, name, &id, error);
      else if (MEMBER_IS (name, "language"))
        ok = get_string (l, member, base, name, &language, error);
      else if (MEMBER_IS (name, "label"))
        ok = get_string (l, member, base, name, &label, error);
      else if (MEMBER_IS (name, "translator"))
        ok = get_string (l, member, base, name, &translator, error);
      else
        keep_extra (&extra, name, member);
      if (!ok)
        return FALSE;
    }

  if (id == NULL)
    return fail_missing (l, error, base, "id", "the version's id (a string)");
  if (!check_id (l, base, id, error))
    return FALSE;
  if (g_hash_table_contains (l->versions, id))
    return fail (l, error, VR_ERROR_DUPLICATE,
                 "%s/id: found the version id “%s” a second time; "
                 "expected each version id once", base, id);

  version = vr_version_new (id);
  vr_version_set_language (version, language);
  vr_version_set_label (version, label);
  vr_version_set_translator (version, translator);
  if (extra != NULL)
    _vr_version_set_extra (version, extra);

  g_hash_table_insert (l->versions, (gpointer) vr_version_get_id (version), version);
  vr_document_add_version (l->doc, version);
  return TRUE;
}

/* ---- paragraphs -------------------------------------------------------- */

static gboolean
load_paragraph_text (Loader      *l,
                     VrParagraph *paragraph,
                     JsonNode    *node,
                     const char  *base,
                     GError     **error)
{
  g_autofree char *pointer = g_strdup_printf ("%s/text", base);
  JsonObject *object = NULL;
  JsonObjectIter iter;
  const char *version_id;
  JsonNode *member;

  if (!require_object (l, node, pointer, &object, error))
    return FALSE;

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &version_id, &member))
    {
      const char *text;
      gsize length;
      VrVersion *version = g_hash_table_lookup (l->versions, version_id);

      if (version == NULL)
        {
          g_autofree char *token = escape_token (version_id);

          return fail (l, error, VR_ERROR_REFERENCE,
                       "%s/%s: found text for the unknown version “%s”; "
                       "expected one of the ids in /versions",
                       pointer, token, version_id);
        }
      if (!node_is_string (member))
        {
          g_autofree char *token = escape_token (version_id);
          g_autofree char *member_pointer = g_strdup_printf ("%s/%s", pointer, token);

          return fail_type (l, error, member_pointer, member, "a string");
        }

      text = json_node_get_string (member);
      length = strlen (text);
      _vr_paragraph_take_text (paragraph, vr_version_get_id (version),
                               g_memdup2 (text, length + 1),
                               _vr_utf8_count (text, length));
    }

  return TRUE;
}

static gboolean
load_paragraph (Loader    *l,
                JsonNode  *node,
                guint      index,
                GError   **error)
{
  g_autofree char *base = g_strdup_printf ("/paragraphs/%u", index);
  g_autoptr(JsonObject) extra = NULL;
  g_autoptr(VrParagraph) paragraph = NULL;
  const char *id = NULL, *kind = NULL;
  JsonNode *text = NULL;
  JsonObject *object = NULL;
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;

  if (!require_object (l, node, base, &object, error))
    return FALSE;

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, &member))
    {
      gboolean ok = TRUE;

      if (MEMBER_IS (name, "id"))
        ok = get_string (l, member, base, name, &id, error);
      else if (MEMBER_IS (name, "kind"))
        ok = get_string (l, member, base, name, &kind, error);
      else if (MEMBER_IS (name, "text"))
        text = member;
      else
        keep_extra (&extra, name, member);
      if (!ok)
        return FALSE;
    }

  if (id == NULL)
    return fail_missing (l, error, base, "id", "the paragraph's id (a string)");
  if (!check_id (l, base, id, error))
    return FALSE;
  if (text == NULL)
    return fail_missing (l, error, base, "text",
                         "an object of texts by version id");
  if (g_hash_table_contains (l->paragraphs, id))
    return fail (l, error, VR_ERROR_DUPLICATE,
                 "%s/id: found the paragraph id “%s” a second time; "
                 "expected each paragraph id once", base, id);

  paragraph = vr_paragraph_new (id);
  if (kind != NULL)
    _vr_paragraph_set_kind_raw (paragraph, kind);
  if (!load_paragraph_text (l, paragraph, text, base, error))
    return FALSE;
  if (extra != NULL)
    _vr_paragraph_set_extra (paragraph, extra);

  g_hash_table_insert (l->paragraphs, (gpointer) vr_paragraph_get_id (paragraph),
                       paragraph);
  vr_document_add_paragraph (l->doc, paragraph);
  return TRUE;
}

/* ---- entities ---------------------------------------------------------- */

static gboolean
load_variant (Loader    *l,
              VrEntity  *entity,
              JsonNode  *node,
              const char *entity_base,
              guint      index,
              GError   **error)
{
  g_autofree char *base = g_strdup_printf ("%s/variants/%u", entity_base, index);
  g_autoptr(JsonObject) extra = NULL;
  g_autoptr(VrVariant) variant = NULL;
  const char *form = NULL, *system = NULL, *status = NULL, *note = NULL;
  JsonObject *object = NULL;
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;

  if (!require_object (l, node, base, &object, error))
    return FALSE;

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, &member))
    {
      gboolean ok = TRUE;

      if (MEMBER_IS (name, "form"))
        ok = get_string (l, member, base, name, &form, error);
      else if (MEMBER_IS (name, "system"))
        ok = get_string (l, member, base, name, &system, error);
      else if (MEMBER_IS (name, "status"))
        ok = get_string (l, member, base, name, &status, error);
      else if (MEMBER_IS (name, "note"))
        ok = get_string (l, member, base, name, &note, error);
      else
        keep_extra (&extra, name, member);
      if (!ok)
        return FALSE;
    }

  if (form == NULL)
    return fail_missing (l, error, base, "form", "the spelling (a string)");
  if (vr_entity_lookup_variant (entity, form) != NULL)
    return fail (l, error, VR_ERROR_DUPLICATE,
                 "%s/form: found the spelling “%s” a second time in this entity; "
                 "expected each spelling once", base, form);

  variant = vr_variant_new (form, VR_NAME_SYSTEM_OTHER);
  if (system != NULL)
    _vr_variant_set_system_raw (variant, system);
  if (status != NULL)
    _vr_variant_set_status_raw (variant, status);
  if (note != NULL)
    vr_variant_set_note (variant, note);
  if (extra != NULL)
    _vr_variant_set_extra (variant, extra);

  vr_entity_add_variant (entity, variant);
  return TRUE;
}

static gboolean
load_entity (Loader    *l,
             JsonNode  *node,
             guint      index,
             GError   **error)
{
  g_autofree char *base = g_strdup_printf ("/entities/%u", index);
  g_autoptr(JsonObject) extra = NULL;
  g_autoptr(VrEntity) entity = NULL;
  const char *id = NULL, *kind = NULL, *entity_name = NULL, *hangul = NULL;
  const char *hanja = NULL, *cyrillic = NULL, *description = NULL;
  JsonNode *variants_node = NULL;
  JsonArray *variants;
  JsonObject *object = NULL;
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;

  if (!require_object (l, node, base, &object, error))
    return FALSE;

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, &member))
    {
      gboolean ok = TRUE;

      if (MEMBER_IS (name, "id"))
        ok = get_string (l, member, base, name, &id, error);
      else if (MEMBER_IS (name, "kind"))
        ok = get_string (l, member, base, name, &kind, error);
      else if (MEMBER_IS (name, "name"))
        ok = get_string (l, member, base, name, &entity_name, error);
      else if (MEMBER_IS (name, "hangul"))
        ok = get_string (l, member, base, name, &hangul, error);
      else if (MEMBER_IS (name, "hanja"))
        ok = get_string (l, member, base, name, &hanja, error);
      else if (MEMBER_IS (name, "cyrillic"))
        ok = get_string (l, member, base, name, &cyrillic, error);
      else if (MEMBER_IS (name, "description"))
        ok = get_string (l, member, base, name, &description, error);
      else if (MEMBER_IS (name, "variants"))
        variants_node = member;
      else
        keep_extra (&extra, name, member);
      if (!ok)
        return FALSE;
    }

  if (id == NULL)
    return fail_missing (l, error, base, "id", "the entity's id (a string)");
  if (!check_id (l, base, id, error))
    return FALSE;
  if (g_hash_table_contains (l->entities, id))
    return fail (l, error, VR_ERROR_DUPLICATE,
                 "%s/id: found the entity id “%s” a second time; "
                 "expected each entity id once", base, id);

  entity = vr_entity_new (id, VR_ENTITY_KIND_OTHER, entity_name);
  if (kind != NULL)
    _vr_entity_set_kind_raw (entity, kind);
  if (hangul != NULL)
    vr_entity_set_hangul (entity, hangul);
  if (hanja != NULL)
    vr_entity_set_hanja (entity, hanja);
  if (cyrillic != NULL)
    vr_entity_set_cyrillic (entity, cyrillic);
  if (description != NULL)
    vr_entity_set_description (entity, description);
  if (extra != NULL)
    _vr_entity_set_extra (entity, extra);

  if (variants_node != NULL)
    {
      g_autofree char *pointer = g_strdup_printf ("%s/variants", base);

      if (!get_array (l, variants_node, pointer, &variants, error))
        return FALSE;
      for (guint i = 0; variants != NULL && i < json_array_get_length (variants); i++)
        if (!load_variant (l, entity, json_array_get_element (variants, i),
                           base, i, error))
          return FALSE;
    }

  g_hash_table_insert (l->entities, (gpointer) vr_entity_get_id (entity), entity);
  vr_document_add_entity (l->doc, entity);
  return TRUE;
}

/* ---- mentions and annotations ------------------------------------------ */

/* Resolves paragraph and version references and checks the range. */
static gboolean
check_anchor (Loader       *l,
              const char   *base,
              const char   *paragraph_id,
              const char   *version_id,
              guint         start,
              guint         end,
              VrParagraph **out_paragraph,
              const char  **out_version_id,
              GError      **error)
{
  VrParagraph *paragraph;
  VrVersion *version;
  guint n_chars;

  paragraph = g_hash_table_lookup (l->paragraphs, paragraph_id);
  if (paragraph == NULL)
    return fail (l, error, VR_ERROR_REFERENCE,
                 "%s/paragraph: found the unknown paragraph “%s”; "
                 "expected one of the ids in /paragraphs", base, paragraph_id);

  /* An absent version means the first one. */
  if (version_id == NULL)
    version = vr_document_get_default_version (l->doc);
  else
    version = g_hash_table_lookup (l->versions, version_id);
  if (version == NULL)
    return fail (l, error, VR_ERROR_REFERENCE,
                 "%s/version: found the unknown version “%s”; "
                 "expected one of the ids in /versions", base,
                 version_id != NULL ? version_id : "");

  if (vr_paragraph_get_text (paragraph, vr_version_get_id (version)) == NULL)
    return fail (l, error, VR_ERROR_REFERENCE,
                 "%s/version: paragraph “%s” has no text in version “%s”; "
                 "expected a version the paragraph has text in",
                 base, paragraph_id, vr_version_get_id (version));

  n_chars = vr_paragraph_get_n_chars (paragraph, vr_version_get_id (version));
  if (end < start)
    return fail (l, error, VR_ERROR_RANGE,
                 "%s/end: found end %u before start %u; "
                 "expected end at or after start", base, end, start);
  if (end > n_chars)
    return fail (l, error, VR_ERROR_RANGE,
                 "%s/end: found end %u past the end of the text (%u characters "
                 "in paragraph “%s”, version “%s”); expected at most %u",
                 base, end, n_chars, paragraph_id, vr_version_get_id (version),
                 n_chars);

  *out_paragraph = paragraph;
  *out_version_id = vr_version_get_id (version);
  return TRUE;
}

static gboolean
load_mention (Loader     *l,
              JsonNode   *node,
              guint       index,
              VrMention **out,
              GError    **error)
{
  char base[48];
  JsonObject *extra = NULL;
  const char *entity_id = NULL, *paragraph_id = NULL, *version_id = NULL;
  gboolean have_start = FALSE, have_end = FALSE;
  gboolean is_short = FALSE, uncertain = FALSE;
  guint start = 0, end = 0;
  VrEntity *entity;
  VrParagraph *paragraph;
  const char *interned_version;
  VrMention *mention;
  JsonObject *object = NULL;
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;

  g_snprintf (base, sizeof base, "/mentions/%u", index);

  if (!require_object (l, node, base, &object, error))
    return FALSE;

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, &member))
    {
      gboolean ok = TRUE;

      if (MEMBER_IS (name, "entity"))
        ok = get_string (l, member, base, name, &entity_id, error);
      else if (MEMBER_IS (name, "paragraph"))
        ok = get_string (l, member, base, name, &paragraph_id, error);
      else if (MEMBER_IS (name, "version"))
        ok = get_string (l, member, base, name, &version_id, error);
      else if (MEMBER_IS (name, "start"))
        ok = have_start = get_offset (l, member, base, name, &start, error);
      else if (MEMBER_IS (name, "end"))
        ok = have_end = get_offset (l, member, base, name, &end, error);
      else if (MEMBER_IS (name, "short"))
        ok = get_bool (l, member, base, name, &is_short, error);
      else if (MEMBER_IS (name, "uncertain"))
        ok = get_bool (l, member, base, name, &uncertain, error);
      else
        keep_extra (&extra, name, member);
      if (!ok)
        goto failed;
    }

  if (entity_id == NULL)
    {
      fail_missing (l, error, base, "entity", "the id of an entity (a string)");
      goto failed;
    }
  if (paragraph_id == NULL)
    {
      fail_missing (l, error, base, "paragraph", "the id of a paragraph (a string)");
      goto failed;
    }
  if (!have_start)
    {
      fail_missing (l, error, base, "start", "a character offset");
      goto failed;
    }
  if (!have_end)
    {
      fail_missing (l, error, base, "end", "a character offset");
      goto failed;
    }

  entity = g_hash_table_lookup (l->entities, entity_id);
  if (entity == NULL)
    {
      fail (l, error, VR_ERROR_REFERENCE,
            "%s/entity: found the unknown entity “%s”; "
            "expected one of the ids in /entities", base, entity_id);
      goto failed;
    }

  if (!check_anchor (l, base, paragraph_id, version_id, start, end,
                     &paragraph, &interned_version, error))
    goto failed;

  mention = _vr_mention_new_interned (entity, paragraph, interned_version, start, end);
  if (is_short)
    vr_mention_set_short (mention, TRUE);
  if (uncertain)
    vr_mention_set_uncertain (mention, TRUE);
  if (extra != NULL)
    {
      _vr_mention_set_extra (mention, extra);
      json_object_unref (extra);
    }

  *out = mention;
  return TRUE;

failed:
  g_clear_pointer (&extra, json_object_unref);
  return FALSE;
}

/* The common case of a mention, without building any message: exactly the
 * known members, of the right types, with valid references and offsets.
 * Anything else returns FALSE and goes to load_mention(), which explains. */
static inline gboolean
load_mention_fast (Loader     *l,
                   JsonNode   *node,
                   VrMention **out)
{
  JsonNode *entity_node = NULL, *paragraph_node = NULL, *version_node = NULL;
  JsonNode *start_node = NULL, *end_node = NULL;
  JsonNode *short_node = NULL, *uncertain_node = NULL;
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;
  const char *paragraph_id;
  gint64 start, end;
  VrEntity *entity;
  VrParagraph *paragraph;
  const char *version_id = NULL;
  VrMention *mention;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return FALSE;

  /* One pass over the members (the checker refused duplicates); any other
   * member is kept by load_mention(). */
  json_object_iter_init_ordered (&iter, json_node_get_object (node));
  while (json_object_iter_next_ordered (&iter, &name, &member))
    {
      JsonNode **slot;

      if (MEMBER_IS (name, "entity"))
        slot = &entity_node;
      else if (MEMBER_IS (name, "paragraph"))
        slot = &paragraph_node;
      else if (MEMBER_IS (name, "version"))
        slot = &version_node;
      else if (MEMBER_IS (name, "start"))
        slot = &start_node;
      else if (MEMBER_IS (name, "end"))
        slot = &end_node;
      else if (MEMBER_IS (name, "short"))
        slot = &short_node;
      else if (MEMBER_IS (name, "uncertain"))
        slot = &uncertain_node;
      else
        return FALSE;
      *slot = member;
    }
  if (entity_node == NULL || !node_is_string (entity_node) ||
      paragraph_node == NULL || !node_is_string (paragraph_node) ||
      (version_node != NULL && !node_is_string (version_node)) ||
      start_node == NULL || !node_is_int (start_node) ||
      end_node == NULL || !node_is_int (end_node) ||
      (short_node != NULL && !node_is_bool (short_node)) ||
      (uncertain_node != NULL && !node_is_bool (uncertain_node)))
    return FALSE;

  start = json_node_get_int (start_node);
  end = json_node_get_int (end_node);
  if (start < 0 || end < start || end > G_MAXUINT)
    return FALSE;

  entity = g_hash_table_lookup (l->entities, json_node_get_string (entity_node));

  /* Mentions of one paragraph and version come together in saved files:
   * comparing with the last ids is cheaper than hashing them. */
  paragraph_id = json_node_get_string (paragraph_node);
  if (l->last_paragraph != NULL && strcmp (paragraph_id, l->last_paragraph_id) == 0)
    paragraph = l->last_paragraph;
  else
    paragraph = g_hash_table_lookup (l->paragraphs, paragraph_id);

  if (version_node == NULL)
    {
      VrVersion *version = vr_document_get_default_version (l->doc);

      version_id = version != NULL ? vr_version_get_id (version) : NULL;
    }
  else if (l->last_version_id != NULL &&
           strcmp (json_node_get_string (version_node), l->last_version_id) == 0)
    version_id = l->last_version_id;
  else
    {
      VrVersion *version = g_hash_table_lookup (l->versions,
                                                json_node_get_string (version_node));

      version_id = version != NULL ? vr_version_get_id (version) : NULL;
    }
  if (entity == NULL || paragraph == NULL || version_id == NULL)
    return FALSE;

  if (paragraph != l->last_paragraph || version_id != l->last_version_id)
    {
      if (vr_paragraph_get_text (paragraph, version_id) == NULL)
        return FALSE;
      l->last_paragraph = paragraph;
      l->last_paragraph_id = vr_paragraph_get_id (paragraph);
      l->last_version_id = version_id;
      l->last_n_chars = vr_paragraph_get_n_chars (paragraph, version_id);
    }
  if ((guint) end > l->last_n_chars)
    return FALSE;

  mention = _vr_mention_new_interned (entity, paragraph, version_id,
                                      (guint) start, (guint) end);
  if (short_node != NULL && json_node_get_boolean (short_node))
    vr_mention_set_short (mention, TRUE);
  if (uncertain_node != NULL && json_node_get_boolean (uncertain_node))
    vr_mention_set_uncertain (mention, TRUE);

  *out = mention;
  return TRUE;
}

static gboolean
load_mentions (Loader     *l,
               JsonArray  *head,
               GError    **error)
{
  JsonArray *tail = split_tail (l, "/mentions");
  guint n_head = json_array_get_length (head);
  guint n_tail = tail != NULL ? json_array_get_length (tail) : 0;

  for (guint i = 0; i < n_head + n_tail; i++)
    {
      JsonNode *node = i < n_head ? json_array_get_element (head, i)
                                  : json_array_get_element (tail, i - n_head);
      VrMention *mention = NULL;

      if (!load_mention_fast (l, node, &mention) &&
          !load_mention (l, node, i, &mention, error))
        return FALSE;
      vr_document_add_mention (l->doc, mention);
      g_object_unref (mention);
    }

  return TRUE;
}

static gboolean
load_annotation (Loader    *l,
                 JsonNode  *node,
                 guint      index,
                 GError   **error)
{
  g_autofree char *base = g_strdup_printf ("/annotations/%u", index);
  g_autoptr(JsonObject) extra = NULL;
  g_autoptr(VrAnnotation) annotation = NULL;
  const char *id = NULL, *paragraph_id = NULL, *version_id = NULL;
  const char *note = NULL, *created = NULL;
  gboolean have_start = FALSE, have_end = FALSE;
  guint start = 0, end = 0;
  VrParagraph *paragraph;
  const char *interned_version;
  JsonObject *object = NULL;
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;

  if (!require_object (l, node, base, &object, error))
    return FALSE;

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, &member))
    {
      gboolean ok = TRUE;

      if (MEMBER_IS (name, "id"))
        ok = get_string (l, member, base, name, &id, error);
      else if (MEMBER_IS (name, "paragraph"))
        ok = get_string (l, member, base, name, &paragraph_id, error);
      else if (MEMBER_IS (name, "version"))
        ok = get_string (l, member, base, name, &version_id, error);
      else if (MEMBER_IS (name, "start"))
        ok = have_start = get_offset (l, member, base, name, &start, error);
      else if (MEMBER_IS (name, "end"))
        ok = have_end = get_offset (l, member, base, name, &end, error);
      else if (MEMBER_IS (name, "note"))
        ok = get_string (l, member, base, name, &note, error);
      else if (MEMBER_IS (name, "created"))
        ok = get_string (l, member, base, name, &created, error);
      else
        keep_extra (&extra, name, member);
      if (!ok)
        return FALSE;
    }

  if (paragraph_id == NULL)
    return fail_missing (l, error, base, "paragraph", "the id of a paragraph (a string)");
  if (!have_start)
    return fail_missing (l, error, base, "start", "a character offset");
  if (!have_end)
    return fail_missing (l, error, base, "end", "a character offset");
  if (id != NULL && !check_id (l, base, id, error))
    return FALSE;
  if (id != NULL && g_hash_table_contains (l->annotations, id))
    return fail (l, error, VR_ERROR_DUPLICATE,
                 "%s/id: found the annotation id “%s” a second time; "
                 "expected each annotation id once", base, id);

  if (!check_anchor (l, base, paragraph_id, version_id, start, end,
                     &paragraph, &interned_version, error))
    return FALSE;

  annotation = vr_annotation_new (id, paragraph, interned_version, start, end, note);
  if (created != NULL)
    vr_annotation_set_created (annotation, created);
  if (extra != NULL)
    _vr_annotation_set_extra (annotation, extra);

  if (id != NULL)
    g_hash_table_add (l->annotations, g_strdup (id));
  vr_document_add_annotation (l->doc, annotation);
  return TRUE;
}

/* ---- decisions --------------------------------------------------------- */

static gboolean
load_decision (Loader    *l,
               JsonNode  *node,
               guint      index,
               GError   **error)
{
  g_autofree char *base = g_strdup_printf ("/decisions/%u", index);
  g_autoptr(JsonObject) extra = NULL;
  g_autoptr(VrDecision) decision = NULL;
  const char *a = NULL, *b = NULL, *verdict = NULL;
  JsonObject *object = NULL;
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;

  if (!require_object (l, node, base, &object, error))
    return FALSE;

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, &member))
    {
      gboolean ok = TRUE;

      if (MEMBER_IS (name, "a"))
        ok = get_string (l, member, base, name, &a, error);
      else if (MEMBER_IS (name, "b"))
        ok = get_string (l, member, base, name, &b, error);
      else if (MEMBER_IS (name, "verdict"))
        ok = get_string (l, member, base, name, &verdict, error);
      else
        keep_extra (&extra, name, member);
      if (!ok)
        return FALSE;
    }

  if (a == NULL)
    return fail_missing (l, error, base, "a", "the first spelling (a string)");
  if (b == NULL)
    return fail_missing (l, error, base, "b", "the second spelling (a string)");
  if (verdict == NULL)
    return fail_missing (l, error, base, "verdict", "“same” or “different”");

  decision = vr_decision_new (a, b, VR_VERDICT_SAME);
  _vr_decision_set_verdict_raw (decision, verdict);
  if (extra != NULL)
    _vr_decision_set_extra (decision, extra);

  vr_document_add_decision (l->doc, decision);
  return TRUE;
}

/* ---- metadata ---------------------------------------------------------- */

static gboolean
get_string_list (Loader      *l,
                 JsonNode    *node,
                 const char  *key,
                 GStrv       *out,
                 GError     **error)
{
  g_autofree char *pointer = g_strdup_printf ("/metadata/%s", key);
  g_autoptr(GStrvBuilder) builder = NULL;
  JsonArray *array;

  *out = NULL;
  if (!get_array (l, node, pointer, &array, error))
    return FALSE;
  if (array == NULL)
    return TRUE;

  builder = g_strv_builder_new ();
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (!node_is_string (element))
        {
          g_autofree char *element_pointer = g_strdup_printf ("%s/%u", pointer, i);

          return fail_type (l, error, element_pointer, element, "a string");
        }
      g_strv_builder_add (builder, json_node_get_string (element));
    }

  *out = g_strv_builder_end (builder);
  return TRUE;
}

static gboolean
load_field (Loader     *l,
            VrMetadata *metadata,
            JsonNode   *node,
            guint       index,
            GError    **error)
{
  g_autofree char *base = g_strdup_printf ("/metadata/fields/%u", index);
  g_autoptr(JsonObject) extra = NULL;
  g_autoptr(VrField) field = NULL;
  const char *label = NULL, *value = NULL;
  JsonObject *object = NULL;
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;

  if (!require_object (l, node, base, &object, error))
    return FALSE;

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, &member))
    {
      gboolean ok = TRUE;

      if (MEMBER_IS (name, "label"))
        ok = get_string (l, member, base, name, &label, error);
      else if (MEMBER_IS (name, "value"))
        ok = get_string (l, member, base, name, &value, error);
      else
        keep_extra (&extra, name, member);
      if (!ok)
        return FALSE;
    }

  field = vr_field_new (label, value);
  if (extra != NULL)
    _vr_field_set_extra (field, extra);
  vr_metadata_insert_field (metadata, g_list_model_get_n_items (vr_metadata_get_fields (metadata)),
                            field);
  return TRUE;
}

static gboolean
load_metadata (Loader    *l,
               JsonNode  *node,
               GError   **error)
{
  VrMetadata *metadata = vr_document_get_metadata (l->doc);
  g_autoptr(JsonObject) extra = NULL;
  JsonObject *object = NULL;
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;

  if (JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!require_object (l, node, "/metadata", &object, error))
    return FALSE;

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, &member))
    {
      static const struct {
        const char *key;
        void (*set) (VrMetadata *, const char *);
      } strings[] = {
        { "title", vr_metadata_set_title },
        { "date", vr_metadata_set_date },
        { "summary", vr_metadata_set_summary },
        { "repository", vr_metadata_set_repository },
        { "archive", vr_metadata_set_archive },
        { "archive_location", vr_metadata_set_archive_location },
        { "translator", vr_metadata_set_translator },
        { "original_language", vr_metadata_set_original_language },
        { "classification", vr_metadata_set_classification },
      };
      gboolean known = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (strings); i++)
        if (MEMBER_IS (name, strings[i].key))
          {
            const char *value;

            if (!get_string (l, member, "/metadata", name, &value, error))
              return FALSE;
            strings[i].set (metadata, value);
            known = TRUE;
            break;
          }
      if (known)
        continue;

      if (MEMBER_IS (name, "authors") || MEMBER_IS (name, "recipients"))
        {
          g_auto(GStrv) list = NULL;

          if (!get_string_list (l, member, name, &list, error))
            return FALSE;
          if (MEMBER_IS (name, "authors"))
            vr_metadata_set_authors (metadata, (const char * const *) list);
          else
            vr_metadata_set_recipients (metadata, (const char * const *) list);
        }
      else if (MEMBER_IS (name, "fields"))
        {
          JsonArray *fields;

          if (!get_array (l, member, "/metadata/fields", &fields, error))
            return FALSE;
          for (guint i = 0; fields != NULL && i < json_array_get_length (fields); i++)
            if (!load_field (l, metadata, json_array_get_element (fields, i), i, error))
              return FALSE;
        }
      else
        keep_extra (&extra, name, member);
    }

  if (extra != NULL)
    _vr_metadata_set_extra (metadata, extra);
  return TRUE;
}

/* ---- the document ------------------------------------------------------ */

static gboolean
load_version_number (Loader    *l,
                     JsonNode  *node,
                     GError   **error)
{
  gint64 version;

  if (node == NULL)
    return fail (l, error, VR_ERROR_MISSING,
                 "/variorum: missing; expected the format version "
                 "(\"variorum\": 1) — is this a Variorum document?");

  if (!node_is_int (node))
    return fail (l, error, VR_ERROR_BAD_VERSION,
                 "/variorum: found %s; expected the format version, "
                 "a positive integer", describe_node (node));

  version = json_node_get_int (node);
  if (version < 1)
    return fail (l, error, VR_ERROR_BAD_VERSION,
                 "/variorum: found %" G_GINT64_FORMAT "; expected the format "
                 "version, a positive integer", version);
  if (version > 1)
    return fail (l, error, VR_ERROR_NEWER_VERSION,
                 "/variorum: made by a newer Variorum (format version %"
                 G_GINT64_FORMAT "); this build reads version 1", version);
  return TRUE;
}

typedef gboolean (*LoadElementFunc) (Loader    *l,
                                     JsonNode  *node,
                                     guint      index,
                                     GError   **error);

static gboolean
load_array (Loader          *l,
            JsonNode        *node,
            const char      *pointer,
            gboolean         required,
            const char      *expected,
            LoadElementFunc  func,
            GError         **error)
{
  JsonArray *tail = split_tail (l, pointer);
  JsonArray *array;
  guint n_head, n_tail;

  if (node == NULL)
    {
      if (required)
        return fail (l, error, VR_ERROR_MISSING, "%s: missing; expected %s",
                     pointer, expected);
      return TRUE;
    }
  if (required && !JSON_NODE_HOLDS_ARRAY (node))
    return fail_type (l, error, pointer, node, "an array");
  if (!get_array (l, node, pointer, &array, error))
    return FALSE;
  if (array == NULL)
    return TRUE;

  n_head = json_array_get_length (array);
  n_tail = tail != NULL ? json_array_get_length (tail) : 0;
  if (required && n_head + n_tail == 0)
    return fail (l, error, VR_ERROR_VALUE, "%s: found an empty array; expected %s",
                 pointer, expected);

  for (guint i = 0; i < n_head + n_tail; i++)
    {
      JsonNode *element = i < n_head ? json_array_get_element (array, i)
                                     : json_array_get_element (tail, i - n_head);

      if (!func (l, element, i, error))
        return FALSE;
    }
  return TRUE;
}

/* @after holds the members that follow the split array, when the document
 * was parsed in parts (see cut_in_place()), else NULL. */
static gboolean
load_document (Loader      *l,
               JsonNode    *root,
               JsonNode    *after,
               GError     **error)
{
  g_autoptr(JsonObject) extra = NULL;
  JsonNode *version_number = NULL, *metadata = NULL, *versions = NULL;
  JsonNode *paragraphs = NULL, *entities = NULL, *mentions = NULL;
  JsonNode *annotations = NULL, *decisions = NULL;
  const char *id = NULL;
  JsonObject *object = NULL;
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    return fail (l, error, VR_ERROR_NOT_A_DOCUMENT,
                 "found %s at the top level; expected a JSON object "
                 "(a Variorum document)", describe_node (root));
  object = json_node_get_object (root);

  json_object_iter_init_ordered (&iter, object);
  for (;;)
    {
      if (!json_object_iter_next_ordered (&iter, &name, &member))
        {
          if (after == NULL || object == json_node_get_object (after))
            break;
          object = json_node_get_object (after);
          json_object_iter_init_ordered (&iter, object);
          continue;
        }

      if (MEMBER_IS (name, "variorum"))
        version_number = member;
      else if (MEMBER_IS (name, "id"))
        {
          if (!get_string (l, member, "", name, &id, error))
            return FALSE;
        }
      else if (MEMBER_IS (name, "metadata"))
        metadata = member;
      else if (MEMBER_IS (name, "versions"))
        versions = member;
      else if (MEMBER_IS (name, "paragraphs"))
        paragraphs = member;
      else if (MEMBER_IS (name, "entities"))
        entities = member;
      else if (MEMBER_IS (name, "mentions"))
        mentions = member;
      else if (MEMBER_IS (name, "annotations"))
        annotations = member;
      else if (MEMBER_IS (name, "decisions"))
        decisions = member;
      else
        keep_extra (&extra, name, member);
    }

  /* The version first: a newer file may not make sense as version 1. */
  if (!load_version_number (l, version_number, error))
    return FALSE;

  if (id != NULL)
    vr_document_set_id (l->doc, id);
  if (metadata != NULL && !load_metadata (l, metadata, error))
    return FALSE;

  if (!load_array (l, versions, "/versions", TRUE,
                   "an array of versions (at least one)",
                   load_version, error))
    return FALSE;
  if (!load_array (l, paragraphs, "/paragraphs", TRUE, "an array of paragraphs (at least one)",
                   load_paragraph, error))
    return FALSE;
  if (!load_array (l, entities, "/entities", FALSE, NULL, load_entity, error))
    return FALSE;

  if (mentions != NULL)
    {
      JsonArray *array;

      if (!get_array (l, mentions, "/mentions", &array, error))
        return FALSE;
      if (array != NULL && !load_mentions (l, array, error))
        return FALSE;
    }

  if (!load_array (l, annotations, "/annotations", FALSE, NULL,
                   load_annotation, error))
    return FALSE;
  if (!load_array (l, decisions, "/decisions", FALSE, NULL, load_decision, error))
    return FALSE;

  if (extra != NULL)
    _vr_document_set_extra (l->doc, extra);
  return TRUE;
}

/* Big files are parsed in two parts at once, on two threads: json-glib is
 * by far the slowest step, and machines have two cores or more. The file
 * is cut in one of its top-level arrays, at the element that balances the
 * parts best among cuts the checker proposes every 1/N_CUTS of the file. */
#define SPLIT_MIN_SIZE (4 * 1024 * 1024)
#define N_CUTS 64
/* The parts are balanced by their cost to parse: json-glib takes about
 * 1 µs per value and 10 ns per byte (measured on 100 MB documents of long
 * paragraphs and of a million mentions), so a value costs 100 bytes. */
#define VALUE_COST 100

/* The top-level arrays that load_document() reads through load_array() or
 * load_mentions(), which take a second part after the first. */
static const char *const splittable_keys[] = {
  "versions", "paragraphs", "entities", "mentions", "annotations", "decisions",
};

typedef struct
{
  const char *key;      /* one of splittable_keys */
  gsize       comma;    /* the "," before the second part's first element */
  gsize       element;  /* that element's first byte */
  gsize       close;    /* the array's "]" */
} Split;

typedef struct
{
  char     *data;
  gsize     length;
  gboolean  owned;
  JsonNode *root;
  GError   *error;
} ParseJob;

static const char *
splittable_key (const char            *data,
                const VrJsonArraySpan *span)
{
  for (guint i = 0; i < G_N_ELEMENTS (splittable_keys); i++)
    if (span->key_len == strlen (splittable_keys[i]) &&
        memcmp (data + span->key, splittable_keys[i], span->key_len) == 0)
      return splittable_keys[i];
  return NULL;
}

static gboolean
choose_split (const char         *data,
              gsize               length,
              gsize               skip,
              const VrJsonLayout *layout,
              Split              *out)
{
  guint64 best = G_MAXUINT64;

  for (guint i = 0; i < layout->cuts->len; i++)
    {
      const VrJsonCut *cut = &g_array_index (layout->cuts, VrJsonCut, i);
      const VrJsonArraySpan *span = &g_array_index (layout->arrays, VrJsonArraySpan,
                                                    cut->array);
      const char *key = splittable_key (data, span);
      /* The first part also holds what follows the array. */
      guint64 first = (cut->comma - skip) + (length - span->close) +
                      (guint64) VALUE_COST * (cut->values_before +
                                              layout->n_values - span->values_before_close);
      guint64 second = (span->close - cut->comma) +
                       (guint64) VALUE_COST * (span->values_before_close - cut->values_before);

      if (key == NULL || MAX (first, second) >= best)
        continue;
      best = MAX (first, second);
      out->key = key;
      out->comma = cut->comma;
      out->element = cut->element;
      out->close = span->close;
    }

  return best != G_MAXUINT64;
}

/* Cuts the document into parts that json-glib parses apart, by writing
 * over a few separators in @data (a private copy):
 *
 *   {"a": 1, "m": [x,␣␣y, z], "b": 2}  →  {"a": 1, "m": [x]}   [y, z]   {"b": 2}
 *
 * which needs two spaces after the comma (the writer indents, so saved
 * files have them). @after is left empty when nothing follows the array. */
static void
cut_in_place (char        *data,
              gsize        length,
              gsize        skip,
              const Split *split,
              ParseJob    *head,
              ParseJob    *tail,
              ParseJob    *after)
{
  gsize p;

  g_assert (split->element - split->comma >= 3);

  data[split->comma] = ']';
  data[split->comma + 1] = '}';
  head->data = data + skip;
  head->length = split->comma + 2 - skip;

  data[split->element - 1] = '[';
  tail->data = data + split->element - 1;
  tail->length = split->close + 2 - split->element;

  for (p = split->close + 1; p < length && g_ascii_isspace (data[p]); p++)
    ;
  if (p < length && data[p] == ',')
    {
      data[p] = '{';
      after->data = data + p;
      after->length = length - p;
    }
}

/* The same parts by copying, for data that may not be written or has no
 * room between the elements: the head holds what follows the array. */
static void
cut_by_copying (const char  *data,
                gsize        length,
                gsize        skip,
                const Split *split,
                ParseJob    *head,
                ParseJob    *tail)
{
  gsize before = split->comma - skip;
  gsize after = length - (split->close + 1);
  gsize rest = split->close + 1 - split->element;

  head->length = before + 1 + after;
  head->data = g_malloc (head->length);
  head->owned = TRUE;
  memcpy (head->data, data + skip, before);
  head->data[before] = ']';
  memcpy (head->data + before + 1, data + split->close + 1, after);

  tail->length = 1 + rest;
  tail->data = g_malloc (tail->length);
  tail->owned = TRUE;
  tail->data[0] = '[';
  memcpy (tail->data + 1, data + split->element, rest);
}

/* Freeing json-glib's tree of a big file takes millions of free() calls;
 * the document does not need to wait for them. */
static gpointer
free_trees_thread (gpointer data)
{
  JsonNode **roots = data;

  for (guint i = 0; roots[i] != NULL; i++)
    json_node_unref (roots[i]);
  g_free (roots);
  return NULL;
}

static void
free_trees (ParseJob *jobs,
            guint     n_jobs,
            gboolean  in_background)
{
  JsonNode **roots = g_new0 (JsonNode *, n_jobs + 1);
  guint n = 0;

  for (guint i = 0; i < n_jobs; i++)
    if (jobs[i].root != NULL)
      roots[n++] = g_steal_pointer (&jobs[i].root);

  if (in_background)
    g_thread_unref (g_thread_new ("vr-loader-free", free_trees_thread, roots));
  else
    free_trees_thread (roots);
}

static void
parse_job_run (ParseJob *job)
{
  g_autoptr(JsonParser) parser = json_parser_new ();

  if (json_parser_load_from_data (parser, job->data, job->length, &job->error))
    job->root = json_parser_steal_root (parser);
}

static gpointer
parse_job_thread (gpointer data)
{
  parse_job_run (data);
  return NULL;
}

/* Takes @bytes. @writable: whether the loader may write over @bytes' data
 * (a private copy or mapping of the file). */
static VrDocument *
load_bytes_take (GBytes      *bytes,
                 gboolean     writable,
                 const char  *display_name,
                 GError     **error)
{
  g_autoptr(VrDocument) doc = NULL;
  ParseJob jobs[3] = { { 0, }, };
  ParseJob *head = &jobs[0], *tail = &jobs[1], *after = &jobs[2];
  VrJsonLayout layout = { 0, };
  Loader l = { display_name, };
  Split split = { 0, };
  gboolean have_split = FALSE;
  GError *parse_error = NULL;
  const char *data;
  gsize length;
  gsize skip = 0;
  gboolean ok;

  data = g_bytes_get_data (bytes, &length);

  if (length > VR_LOADER_MAX_SIZE)
    {
      g_set_error (error, VR_ERROR, VR_ERROR_TOO_LARGE,
                   "%s: the file is larger than %u MB (%" G_GSIZE_FORMAT " bytes); "
                   "expected at most %u MB", display_name,
                   (guint) (VR_LOADER_MAX_SIZE / (1024 * 1024)), length,
                   (guint) (VR_LOADER_MAX_SIZE / (1024 * 1024)));
      g_bytes_unref (bytes);
      return NULL;
    }

  if (!_vr_json_check_layout (data, length, display_name, VR_LOADER_MAX_DEPTH,
                              length >= SPLIT_MIN_SIZE ? length / N_CUTS : 0,
                              &layout, &skip, error))
    {
      g_bytes_unref (bytes);
      return NULL;
    }
  have_split = choose_split (data, length, skip, &layout, &split);
  _vr_json_layout_clear (&layout);

  if (have_split)
    {
      GThread *thread;

      if (writable && split.element - split.comma >= 3)
        cut_in_place ((char *) data, length, skip, &split, head, tail, after);
      else
        {
          cut_by_copying (data, length, skip, &split, head, tail);
          g_clear_pointer (&bytes, g_bytes_unref);
        }
      g_debug ("%s: parsing in two parts, /%s cut at byte %" G_GSIZE_FORMAT " %s",
               display_name, split.key, split.element,
               head->owned ? "(copied)" : "(in place)");
      thread = g_thread_new ("vr-loader", parse_job_thread, tail);
      parse_job_run (head);
      if (after->data != NULL)
        parse_job_run (after);
      g_thread_join (thread);
    }
  else
    {
      head->data = (char *) data + skip;
      head->length = length - skip;
      parse_job_run (head);
    }
  /* The trees hold copies of everything; the bytes are no longer needed. */
  g_clear_pointer (&bytes, g_bytes_unref);
  for (guint i = 0; i < G_N_ELEMENTS (jobs); i++)
    if (jobs[i].owned)
      g_free (jobs[i].data);

  for (guint i = 0; i < G_N_ELEMENTS (jobs) && parse_error == NULL; i++)
    parse_error = jobs[i].error;
  if (parse_error != NULL)
    /* The check above should have refused anything json-glib refuses. */
    g_set_error (error, VR_ERROR, VR_ERROR_SYNTAX,
                 "%s: the file could not be parsed (%s); expected strict JSON",
                 display_name, parse_error->message);
  else if (head->root == NULL)
    g_set_error (error, VR_ERROR, VR_ERROR_EMPTY,
                 "%s: the file is empty; expected a JSON object", display_name);
  if (parse_error != NULL || head->root == NULL)
    {
      for (guint i = 0; i < G_N_ELEMENTS (jobs); i++)
        g_clear_error (&jobs[i].error);
      free_trees (jobs, G_N_ELEMENTS (jobs), FALSE);
      return NULL;
    }
  if (have_split)
    {
      l.split_key = split.key;
      l.split_tail = json_node_get_array (tail->root);
    }

  doc = vr_document_new ();
  l.doc = doc;
  l.versions = g_hash_table_new (g_str_hash, g_str_equal);
  l.paragraphs = g_hash_table_new (g_str_hash, g_str_equal);
  l.entities = g_hash_table_new (g_str_hash, g_str_equal);
  l.annotations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  _vr_document_begin_bulk (doc);
  ok = load_document (&l, head->root, after->root, error);
  _vr_document_end_bulk (doc);

  g_hash_table_unref (l.versions);
  g_hash_table_unref (l.paragraphs);
  g_hash_table_unref (l.entities);
  g_hash_table_unref (l.annotations);

  free_trees (jobs, G_N_ELEMENTS (jobs), length >= SPLIT_MIN_SIZE);

  if (!ok)
    return NULL;

  vr_document_set_modified (doc, FALSE);
  return g_steal_pointer (&doc);
}

VrDocument *
vr_document_load_bytes (GBytes      *bytes,
                        const char  *display_name,
                        GError     **error)
{
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (display_name == NULL)
    display_name = "<data>";

  return load_bytes_take (g_bytes_ref (bytes), FALSE, display_name, error);
}

static char *
file_display_name (GFile *file)
{
  const char *path = g_file_peek_path (file);

  if (path != NULL)
    return g_strdup (path);
  return g_file_get_uri (file);
}

/* A big local file is mapped rather than read: reading copies it into fresh
 * memory, which took as long as checking it. The mapping is private and
 * writable, so that the loader can cut it in place (writes stay in this
 * process). Not for remote file systems, where a failing read would be a
 * crash; Variorum replaces files by renaming, so a mapped file never
 * shrinks under the loader. NULL when the file should be read instead. */
static GBytes *
map_file (GFile     *file,
          GFileInfo *info)
{
  g_autoptr(GFileInfo) fs_info = NULL;
  g_autoptr(GMappedFile) mapped = NULL;
  const char *path = g_file_peek_path (file);
  int fd;

  if (path == NULL || info == NULL ||
      g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR ||
      g_file_info_get_size (info) < SPLIT_MIN_SIZE)
    return NULL;

  fs_info = g_file_query_filesystem_info (file, G_FILE_ATTRIBUTE_FILESYSTEM_REMOTE,
                                          NULL, NULL);
  if (fs_info == NULL ||
      g_file_info_get_attribute_boolean (fs_info, G_FILE_ATTRIBUTE_FILESYSTEM_REMOTE))
    return NULL;

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    return NULL;
  mapped = g_mapped_file_new_from_fd (fd, TRUE, NULL);
  g_close (fd, NULL);
  if (mapped == NULL)
    return NULL;

  return g_mapped_file_get_bytes (mapped);
}

VrDocument *
vr_document_load_file_named (GFile         *file,
                             const char    *display_name,
                             GCancellable  *cancellable,
                             GError       **error)
{
  g_autofree char *default_name = NULL;
  g_autoptr(GError) io_error = NULL;
  g_autoptr(GFileInfo) info = NULL;
  VrDocument *doc;
  GBytes *bytes;
  char *contents = NULL;
  gsize length = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (display_name == NULL)
    display_name = default_name = file_display_name (file);

  /* Refuse a huge file before reading it all into memory. */
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                            G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, cancellable, NULL);
  if (info != NULL && g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, VR_ERROR, VR_ERROR_IO,
                   "%s: is a folder; expected a document file", display_name);
      return NULL;
    }
  if (info != NULL && (guint64) g_file_info_get_size (info) > VR_LOADER_MAX_SIZE)
    {
      g_set_error (error, VR_ERROR, VR_ERROR_TOO_LARGE,
                   "%s: the file is larger than %u MB (%" G_GOFFSET_FORMAT " bytes); "
                   "expected at most %u MB", display_name,
                   (guint) (VR_LOADER_MAX_SIZE / (1024 * 1024)),
                   g_file_info_get_size (info),
                   (guint) (VR_LOADER_MAX_SIZE / (1024 * 1024)));
      return NULL;
    }

  bytes = map_file (file, info);
  if (bytes == NULL)
    {
      if (!g_file_load_contents (file, cancellable, &contents, &length, NULL, &io_error))
        {
          g_set_error (error, VR_ERROR, VR_ERROR_IO, "%s: could not read the file: %s",
                       display_name, io_error->message);
          return NULL;
        }
      bytes = g_bytes_new_take (contents, length);
    }

  doc = load_bytes_take (bytes, TRUE, display_name, error);
  if (doc != NULL)
    {
      vr_document_set_file (doc, file);
      vr_document_set_modified (doc, FALSE);
    }
  return doc;
}

VrDocument *
vr_document_load_file (GFile         *file,
                       GCancellable  *cancellable,
                       GError       **error)
{
  return vr_document_load_file_named (file, NULL, cancellable, error);
}

static void
load_file_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  GError *error = NULL;
  VrDocument *doc;

  doc = vr_document_load_file (G_FILE (task_data), cancellable, &error);
  if (doc == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, doc, g_object_unref);
}

void
vr_document_load_file_async (GFile               *file,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, vr_document_load_file_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, load_file_thread);
}

VrDocument *
vr_document_load_file_finish (GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
