/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vr-writer"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "vr-error.h"
#include "vr-model-private.h"
#include "vr-writer.h"

/* Canonical form (docs/file-format.md): UTF-8, two-space indent, one
 * member per line, except that each mention and each decision is written
 * on one line of its own. Keys come in a fixed order, the keys this build
 * does not know after the known ones in the order they were read. Our own
 * generator, because json-glib's writes 1e400 as "inf.0". */

typedef struct
{
  GString  *out;
  guint     indent;
  gboolean  inline_;  /* members on one line */
  gboolean  first;
} ObjectWriter;

static void
write_string (GString    *out,
              const char *str)
{
  const char *run = str;
  const char *p;

  g_string_append_c (out, '"');
  for (p = str; *p; p++)
    {
      guchar c = (guchar) *p;
      const char *escape = NULL;
      char buf[8];

      if (c >= 0x20 && c != '"' && c != '\\')
        continue;

      switch (c)
        {
        case '"':  escape = "\\\""; break;
        case '\\': escape = "\\\\"; break;
        case '\b': escape = "\\b"; break;
        case '\f': escape = "\\f"; break;
        case '\n': escape = "\\n"; break;
        case '\r': escape = "\\r"; break;
        case '\t': escape = "\\t"; break;
        default:
          g_snprintf (buf, sizeof buf, "\\u%04x", c);
          escape = buf;
          break;
        }
      g_string_append_len (out, run, p - run);
      g_string_append (out, escape);
      run = p + 1;
    }
  g_string_append_len (out, run, p - run);
  g_string_append_c (out, '"');
}

/* The shortest form that reads back as the same double, always with a
 * fraction or exponent so that it reads back as a double. */
static void
write_double (GString *out,
              double   value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (value))
    {
      /* JSON has no infinity; nothing the loader accepts produces one. */
      g_string_append (out, "null");
      return;
    }

  for (int precision = 15; precision <= 17; precision++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%dg", precision);
      g_ascii_formatd (buf, sizeof buf, format, value);
      if (g_ascii_strtod (buf, NULL) == value)
        break;
    }

  g_string_append (out, buf);
  if (strpbrk (buf, ".eE") == NULL)
    g_string_append (out, ".0");
}

static void
write_newline (GString *out,
               guint    indent)
{
  g_string_append_c (out, '\n');
  for (guint i = 0; i < indent; i++)
    g_string_append (out, "  ");
}

static void write_node (GString  *out,
                        JsonNode *node,
                        guint     indent,
                        gboolean  inline_);

static void
object_begin (ObjectWriter *w,
              GString      *out,
              guint         indent,
              gboolean      inline_)
{
  w->out = out;
  w->indent = indent;
  w->inline_ = inline_;
  w->first = TRUE;
  g_string_append_c (out, '{');
}

static void
object_key (ObjectWriter *w,
            const char   *key)
{
  if (!w->first)
    g_string_append_c (w->out, ',');
  if (w->inline_)
    {
      if (!w->first)
        g_string_append_c (w->out, ' ');
    }
  else
    write_newline (w->out, w->indent + 1);
  w->first = FALSE;
  write_string (w->out, key);
  g_string_append (w->out, ": ");
}

static void
object_end (ObjectWriter *w)
{
  if (!w->first && !w->inline_)
    write_newline (w->out, w->indent);
  g_string_append_c (w->out, '}');
}

static void
member_string (ObjectWriter *w,
               const char   *key,
               const char   *value)
{
  if (value == NULL)
    return;
  object_key (w, key);
  write_string (w->out, value);
}

static void
member_uint (ObjectWriter *w,
             const char   *key,
             guint         value)
{
  object_key (w, key);
  g_string_append_printf (w->out, "%u", value);
}

static void
member_extra (ObjectWriter *w,
              JsonObject   *extra)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;

  if (extra == NULL)
    return;

  json_object_iter_init_ordered (&iter, extra);
  while (json_object_iter_next_ordered (&iter, &name, &node))
    {
      object_key (w, name);
      write_node (w->out, node, w->indent + 1, w->inline_);
    }
}

/* Arrays of objects: one element per line. */
static void
array_begin (GString *out)
{
  g_string_append_c (out, '[');
}

static void
array_element (GString *out,
               guint    indent,
               guint    index)
{
  if (index > 0)
    g_string_append_c (out, ',');
  write_newline (out, indent + 1);
}

static void
array_end (GString *out,
           guint    indent,
           guint    n)
{
  if (n > 0)
    write_newline (out, indent);
  g_string_append_c (out, ']');
}

static void
write_node (GString  *out,
            JsonNode *node,
            guint     indent,
            gboolean  inline_)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      {
        ObjectWriter w;

        object_begin (&w, out, indent, inline_);
        member_extra (&w, json_node_get_object (node));
        object_end (&w);
      }
      break;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint n = json_array_get_length (array);

        g_string_append_c (out, '[');
        for (guint i = 0; i < n; i++)
          {
            if (inline_)
              g_string_append (out, i > 0 ? ", " : "");
            else
              array_element (out, indent, i);
            write_node (out, json_array_get_element (array, i), indent + 1, inline_);
          }
        if (!inline_ && n > 0)
          write_newline (out, indent);
        g_string_append_c (out, ']');
      }
      break;

    case JSON_NODE_NULL:
      g_string_append (out, "null");
      break;

    case JSON_NODE_VALUE:
    default:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_INT64:
          g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
          break;
        case G_TYPE_DOUBLE:
          write_double (out, json_node_get_double (node));
          break;
        case G_TYPE_BOOLEAN:
          g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
          break;
        case G_TYPE_STRING:
          write_string (out, json_node_get_string (node));
          break;
        default:
          g_string_append (out, "null");
          break;
        }
      break;
    }
}

static void
member_strv (ObjectWriter       *w,
             const char         *key,
             const char * const *strv)
{
  if (strv == NULL)
    return;
  object_key (w, key);
  g_string_append_c (w->out, '[');
  for (guint i = 0; strv[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (w->out, ", ");
      write_string (w->out, strv[i]);
    }
  g_string_append_c (w->out, ']');
}

static void
write_metadata (GString    *out,
                VrMetadata *metadata,
                guint       indent)
{
  GListModel *fields = vr_metadata_get_fields (metadata);
  guint n_fields = g_list_model_get_n_items (fields);
  ObjectWriter w;

  object_begin (&w, out, indent, FALSE);
  member_string (&w, "title", vr_metadata_get_title (metadata));
  member_string (&w, "date", vr_metadata_get_date (metadata));
  member_string (&w, "summary", vr_metadata_get_summary (metadata));
  member_string (&w, "repository", vr_metadata_get_repository (metadata));
  member_string (&w, "archive", vr_metadata_get_archive (metadata));
  member_string (&w, "archive_location", vr_metadata_get_archive_location (metadata));
  member_string (&w, "translator", vr_metadata_get_translator (metadata));
  member_string (&w, "original_language", vr_metadata_get_original_language (metadata));
  member_string (&w, "classification", vr_metadata_get_classification (metadata));
  member_strv (&w, "authors", vr_metadata_get_authors (metadata));
  member_strv (&w, "recipients", vr_metadata_get_recipients (metadata));

  if (n_fields > 0)
    {
      object_key (&w, "fields");
      array_begin (out);
      for (guint i = 0; i < n_fields; i++)
        {
          g_autoptr(VrField) field = g_list_model_get_item (fields, i);
          ObjectWriter fw;

          array_element (out, indent + 1, i);
          object_begin (&fw, out, indent + 2, TRUE);
          member_string (&fw, "label", vr_field_get_label (field));
          member_string (&fw, "value", vr_field_get_value (field));
          member_extra (&fw, _vr_field_get_extra (field));
          object_end (&fw);
        }
      array_end (out, indent + 1, n_fields);
    }

  member_extra (&w, _vr_metadata_get_extra (metadata));
  object_end (&w);
}

static void
write_version (GString   *out,
               VrVersion *version,
               guint      indent)
{
  ObjectWriter w;

  object_begin (&w, out, indent, FALSE);
  member_string (&w, "id", vr_version_get_id (version));
  member_string (&w, "language", vr_version_get_language (version));
  member_string (&w, "label", vr_version_get_label (version));
  member_string (&w, "translator", vr_version_get_translator (version));
  member_extra (&w, _vr_version_get_extra (version));
  object_end (&w);
}

static void
write_paragraph (GString     *out,
                 VrParagraph *paragraph,
                 guint        indent)
{
  g_autofree const char **version_ids = vr_paragraph_get_version_ids (paragraph);
  const char *kind = vr_paragraph_get_kind_raw (paragraph);
  ObjectWriter w, tw;

  object_begin (&w, out, indent, FALSE);
  member_string (&w, "id", vr_paragraph_get_id (paragraph));
  if (kind == NULL)
    kind = vr_paragraph_kind_to_string (vr_paragraph_get_kind (paragraph));
  member_string (&w, "kind", kind);

  object_key (&w, "text");
  object_begin (&tw, out, indent + 1, FALSE);
  for (guint i = 0; version_ids != NULL && version_ids[i] != NULL; i++)
    member_string (&tw, version_ids[i],
                   vr_paragraph_get_text (paragraph, version_ids[i]));
  object_end (&tw);

  member_extra (&w, _vr_paragraph_get_extra (paragraph));
  object_end (&w);
}

static void
write_entity (GString  *out,
              VrEntity *entity,
              guint     indent)
{
  GListModel *variants = vr_entity_get_variants (entity);
  guint n_variants = g_list_model_get_n_items (variants);
  const char *kind = vr_entity_get_kind_raw (entity);
  ObjectWriter w;

  object_begin (&w, out, indent, FALSE);
  member_string (&w, "id", vr_entity_get_id (entity));
  if (kind == NULL)
    kind = vr_entity_kind_to_string (vr_entity_get_kind (entity));
  member_string (&w, "kind", kind);
  member_string (&w, "name", vr_entity_get_name (entity));
  member_string (&w, "hangul", vr_entity_get_hangul (entity));
  member_string (&w, "hanja", vr_entity_get_hanja (entity));
  member_string (&w, "cyrillic", vr_entity_get_cyrillic (entity));
  member_string (&w, "description", vr_entity_get_description (entity));

  object_key (&w, "variants");
  array_begin (out);
  for (guint i = 0; i < n_variants; i++)
    {
      g_autoptr(VrVariant) variant = g_list_model_get_item (variants, i);
      const char *system = vr_variant_get_system_raw (variant);
      ObjectWriter vw;

      array_element (out, indent + 1, i);
      object_begin (&vw, out, indent + 2, TRUE);
      member_string (&vw, "form", vr_variant_get_form (variant));
      if (system == NULL)
        system = vr_name_system_to_string (vr_variant_get_system (variant));
      member_string (&vw, "system", system);
      if (_vr_variant_has_status (variant))
        member_string (&vw, "status", vr_variant_get_status_raw (variant));
      member_string (&vw, "note", vr_variant_get_note (variant));
      member_extra (&vw, _vr_variant_get_extra (variant));
      object_end (&vw);
    }
  array_end (out, indent + 1, n_variants);

  member_extra (&w, _vr_entity_get_extra (entity));
  object_end (&w);
}

static void
write_mention (GString   *out,
               VrMention *mention,
               guint      indent)
{
  ObjectWriter w;

  object_begin (&w, out, indent, TRUE);
  member_string (&w, "entity", vr_entity_get_id (vr_mention_get_entity (mention)));
  member_string (&w, "paragraph", vr_paragraph_get_id (vr_mention_get_paragraph (mention)));
  member_string (&w, "version", vr_mention_get_version_id (mention));
  member_uint (&w, "start", vr_mention_get_start (mention));
  member_uint (&w, "end", vr_mention_get_end (mention));
  if (vr_mention_get_short (mention))
    {
      object_key (&w, "short");
      g_string_append (out, "true");
    }
  if (vr_mention_get_uncertain (mention))
    {
      object_key (&w, "uncertain");
      g_string_append (out, "true");
    }
  member_extra (&w, _vr_mention_get_extra (mention));
  object_end (&w);
}

static void
write_annotation (GString      *out,
                  VrAnnotation *annotation,
                  guint         indent)
{
  VrParagraph *paragraph = vr_annotation_get_paragraph (annotation);
  ObjectWriter w;

  object_begin (&w, out, indent, FALSE);
  member_string (&w, "id", vr_annotation_get_id (annotation));
  member_string (&w, "paragraph", paragraph ? vr_paragraph_get_id (paragraph) : NULL);
  member_string (&w, "version", vr_annotation_get_version_id (annotation));
  member_uint (&w, "start", vr_annotation_get_start (annotation));
  member_uint (&w, "end", vr_annotation_get_end (annotation));
  member_string (&w, "note", vr_annotation_get_note (annotation));
  member_string (&w, "created", vr_annotation_get_created (annotation));
  member_extra (&w, _vr_annotation_get_extra (annotation));
  object_end (&w);
}

static void
write_decision (GString    *out,
                VrDecision *decision,
                guint       indent)
{
  const char *verdict = vr_decision_get_verdict_raw (decision);
  ObjectWriter w;

  object_begin (&w, out, indent, TRUE);
  member_string (&w, "a", vr_decision_get_a (decision));
  member_string (&w, "b", vr_decision_get_b (decision));
  if (verdict == NULL)
    verdict = vr_verdict_to_string (vr_decision_get_verdict (decision));
  member_string (&w, "verdict", verdict);
  member_extra (&w, _vr_decision_get_extra (decision));
  object_end (&w);
}

typedef void (*WriteItemFunc) (GString  *out,
                               gpointer  item,
                               guint     indent);

static void
write_list (ObjectWriter  *w,
            const char    *key,
            GListModel    *model,
            WriteItemFunc  func)
{
  guint n = g_list_model_get_n_items (model);

  object_key (w, key);
  array_begin (w->out);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      array_element (w->out, w->indent + 1, i);
      func (w->out, item, w->indent + 2);
    }
  array_end (w->out, w->indent + 1, n);
}

GBytes *
vr_document_serialize (VrDocument *self)
{
  GString *out;
  ObjectWriter w;
  guint n_mentions;

  g_return_val_if_fail (VR_IS_DOCUMENT (self), NULL);

  /* Mentions dominate big files: about 100 bytes each. */
  n_mentions = g_list_model_get_n_items (vr_document_get_mentions (self));
  out = g_string_sized_new (4096 + (gsize) n_mentions * 110);

  object_begin (&w, out, 0, FALSE);
  object_key (&w, "variorum");
  g_string_append (out, "1");
  member_string (&w, "id", vr_document_get_id (self));
  object_key (&w, "metadata");
  write_metadata (out, vr_document_get_metadata (self), 1);
  write_list (&w, "versions", vr_document_get_versions (self),
              (WriteItemFunc) write_version);
  write_list (&w, "paragraphs", vr_document_get_paragraphs (self),
              (WriteItemFunc) write_paragraph);
  write_list (&w, "entities", vr_document_get_entities (self),
              (WriteItemFunc) write_entity);
  write_list (&w, "mentions", vr_document_get_mentions (self),
              (WriteItemFunc) write_mention);
  write_list (&w, "annotations", vr_document_get_annotations (self),
              (WriteItemFunc) write_annotation);
  write_list (&w, "decisions", vr_document_get_decisions (self),
              (WriteItemFunc) write_decision);
  member_extra (&w, _vr_document_get_extra (self));
  object_end (&w);
  g_string_append_c (out, '\n');

  return g_string_free_to_bytes (out);
}

/* ---- atomic save ------------------------------------------------------- */

static char *
file_display_name (GFile *file)
{
  const char *path = g_file_peek_path (file);

  if (path != NULL)
    return g_strdup (path);
  return g_file_get_uri (file);
}

static gboolean
fail_errno (GError     **error,
            const char  *name,
            const char  *what,
            int          saved_errno)
{
  g_set_error (error, VR_ERROR, VR_ERROR_IO, "%s: could not save: %s (%s)",
               name, what, g_strerror (saved_errno));
  return FALSE;
}

static gboolean
write_all (int           fd,
           const char   *data,
           gsize         length,
           int          *out_errno)
{
  while (length > 0)
    {
      gssize n = write (fd, data, length);

      if (n < 0)
        {
          if (errno == EINTR)
            continue;
          *out_errno = errno;
          return FALSE;
        }
      data += n;
      length -= n;
    }
  return TRUE;
}

/* Keeps the current file as PATH~: a hard link where the file system
 * allows one, else a copy. Done before the rename, so that the old file
 * exists under one of its names at every moment. */
static gboolean
keep_backup (const char  *path,
             const char  *name,
             GError     **error)
{
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autoptr(GFile) source = NULL;
  g_autoptr(GFile) dest = NULL;
  g_autoptr(GError) copy_error = NULL;

  if (g_unlink (backup) != 0 && errno != ENOENT)
    return fail_errno (error, name, "could not replace the backup file", errno);
  if (link (path, backup) == 0)
    return TRUE;

  source = g_file_new_for_path (path);
  dest = g_file_new_for_path (backup);
  if (!g_file_copy (source, dest, G_FILE_COPY_OVERWRITE | G_FILE_COPY_ALL_METADATA,
                    NULL, NULL, NULL, &copy_error))
    {
      g_set_error (error, VR_ERROR, VR_ERROR_IO,
                   "%s: could not save: could not keep the previous version as %s~ (%s)",
                   name, name, copy_error->message);
      return FALSE;
    }
  return TRUE;
}

static gboolean
save_bytes_atomically (GBytes       *bytes,
                       GFile        *file,
                       GCancellable *cancellable,
                       GError      **error)
{
  g_autofree char *name = file_display_name (file);
  g_autofree char *dir = NULL;
  g_autofree char *tmp_path = NULL;
  g_autofree char *base = NULL;
  const char *path = g_file_peek_path (file);
  const char *data;
  gsize length;
  int saved_errno = 0;
  GStatBuf st;
  gboolean exists;
  int fd;

  if (path == NULL)
    {
      g_set_error (error, VR_ERROR, VR_ERROR_IO,
                   "%s: could not save: not a local file; expected a path", name);
      return FALSE;
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  exists = g_stat (path, &st) == 0;
  if (exists && S_ISDIR (st.st_mode))
    {
      g_set_error (error, VR_ERROR, VR_ERROR_IO,
                   "%s: could not save: it is a folder; expected a file name", name);
      return FALSE;
    }

  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  tmp_path = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);
  fd = g_mkstemp_full (tmp_path, O_WRONLY | O_CLOEXEC, exists ? (st.st_mode & 0777) : 0644);
  if (fd < 0)
    return fail_errno (error, name, "could not create a temporary file beside it", errno);

  data = g_bytes_get_data (bytes, &length);
  if (write_all (fd, data, length, &saved_errno) && fsync (fd) != 0)
    saved_errno = errno;
  if (saved_errno != 0)
    {
      close (fd);
      g_unlink (tmp_path);
      return fail_errno (error, name, "could not write the temporary file", saved_errno);
    }
  if (exists)
    fchmod (fd, st.st_mode & 07777);
  if (close (fd) != 0)
    {
      saved_errno = errno;
      g_unlink (tmp_path);
      return fail_errno (error, name, "could not write the temporary file", saved_errno);
    }

  if (exists && !keep_backup (path, name, error))
    {
      g_unlink (tmp_path);
      return FALSE;
    }

  if (g_rename (tmp_path, path) != 0)
    {
      saved_errno = errno;
      g_unlink (tmp_path);
      return fail_errno (error, name, "could not replace the file", saved_errno);
    }

  /* Make the rename itself durable. */
  fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }

  return TRUE;
}

gboolean
vr_document_save_file (VrDocument    *self,
                       GFile         *file,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (VR_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  bytes = vr_document_serialize (self);
  if (!save_bytes_atomically (bytes, file, cancellable, error))
    return FALSE;

  vr_document_set_file (self, file);
  vr_document_set_modified (self, FALSE);
  return TRUE;
}

typedef struct
{
  GBytes *bytes;
  GFile  *file;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_bytes_unref (data->bytes);
  g_object_unref (data->file);
  g_free (data);
}

static void
save_file_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  SaveData *data = task_data;
  GError *error = NULL;

  if (save_bytes_atomically (data->bytes, data->file, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
vr_document_save_file_async (VrDocument          *self,
                             GFile               *file,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SaveData *data;

  g_return_if_fail (VR_IS_DOCUMENT (self));
  g_return_if_fail (G_IS_FILE (file));

  /* Serialized here, on the caller's thread: the model is not thread-safe.
   * Only the writing runs in the worker. */
  data = g_new0 (SaveData, 1);
  data->bytes = vr_document_serialize (self);
  data->file = g_object_ref (file);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, vr_document_save_file_async);
  g_task_set_task_data (task, data, (GDestroyNotify) save_data_free);
  g_task_run_in_thread (task, save_file_thread);
}

gboolean
vr_document_save_file_finish (VrDocument    *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  GTask *task;
  SaveData *data;

  g_return_val_if_fail (VR_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  task = G_TASK (result);
  if (!g_task_propagate_boolean (task, error))
    return FALSE;

  data = g_task_get_task_data (task);
  vr_document_set_file (self, data->file);
  vr_document_set_modified (self, FALSE);
  return TRUE;
}
