/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vr-recovery"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <glib/gstdio.h>

#include "vr-error.h"
#include "vr-loader.h"
#include "vr-recovery.h"
#include "vr-writer.h"

#define INFO_GROUP "Recovery"

struct _VrRecovery
{
  GObject    parent_instance;

  char      *id;
  GFile     *original;
  char      *title;
  char      *label;
  GDateTime *time;
  GFile     *file;
};

G_DEFINE_FINAL_TYPE (VrRecovery, vr_recovery, G_TYPE_OBJECT)

static void
vr_recovery_finalize (GObject *object)
{
  VrRecovery *self = VR_RECOVERY (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_object (&self->original);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->label, g_free);
  g_clear_pointer (&self->time, g_date_time_unref);
  g_clear_object (&self->file);

  G_OBJECT_CLASS (vr_recovery_parent_class)->finalize (object);
}

static void
vr_recovery_class_init (VrRecoveryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = vr_recovery_finalize;
}

static void
vr_recovery_init (VrRecovery *self)
{
}

char *
vr_recovery_dup_dir (void)
{
  return g_build_filename (g_get_user_state_dir (), "variorum", "recovery", NULL);
}

char *
vr_recovery_dup_id (GFile *file)
{
  g_autofree char *uri = NULL;
  g_autofree char *sum = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  uri = g_file_get_uri (file);
  sum = g_compute_checksum_for_string (G_CHECKSUM_SHA256, uri, -1);
  sum[32] = '\0';

  return g_strconcat ("file-", sum, NULL);
}

char *
vr_recovery_new_id (void)
{
  g_autofree char *uuid = g_uuid_string_random ();

  return g_strconcat ("unsaved-", uuid, NULL);
}

/* An ID names files: only what vr_recovery_dup_id() and _new_id() make. */
static gboolean
id_is_valid (const char *id)
{
  if (id == NULL || id[0] == '\0' || id[0] == '.')
    return FALSE;

  for (const char *p = id; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '-')
      return FALSE;

  return TRUE;
}

static char *
build_path (const char *dir,
            const char *id,
            const char *suffix)
{
  g_autofree char *name = g_strconcat (id, suffix, NULL);

  return g_build_filename (dir, name, NULL);
}

typedef struct
{
  char      *id;
  GBytes    *bytes;
  char      *original;
  char      *title;
  char      *label;
  GDateTime *time;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_free (data->id);
  g_bytes_unref (data->bytes);
  g_free (data->original);
  g_free (data->title);
  g_free (data->label);
  g_date_time_unref (data->time);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SaveData, save_data_free)

/* Takes what the worker needs from the model, on the model's thread. */
static SaveData *
save_data_new (VrDocument *document,
               const char *id,
               const char *label)
{
  SaveData *data = g_new0 (SaveData, 1);
  GFile *file = vr_document_get_file (document);

  data->id = g_strdup (id);
  data->bytes = vr_document_serialize (document);
  data->original = file ? g_file_get_uri (file) : NULL;
  data->title = g_strdup (vr_document_get_title (document));
  data->label = g_strdup (label);
  data->time = g_date_time_new_now_utc ();

  return data;
}

static gboolean
write_contents (const char  *path,
                const char  *contents,
                gsize        length,
                GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!g_file_set_contents_full (path, contents, length,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0600, &local_error))
    {
      g_set_error (error, VR_ERROR, VR_ERROR_IO,
                   "%s: could not keep the unsaved changes (%s)", path, local_error->message);
      return FALSE;
    }

  return TRUE;
}

static gboolean
save_data_write (SaveData  *data,
                 GError   **error)
{
  g_autofree char *dir = vr_recovery_dup_dir ();
  g_autofree char *json_path = build_path (dir, data->id, ".json");
  g_autofree char *info_path = build_path (dir, data->id, ".info");
  g_autofree char *time = g_date_time_format_iso8601 (data->time);
  g_autofree char *info = NULL;
  g_autoptr(GKeyFile) keys = g_key_file_new ();
  gsize info_length;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, VR_ERROR, VR_ERROR_IO,
                   "%s: could not keep the unsaved changes (%s)", dir, g_strerror (saved_errno));
      return FALSE;
    }

  if (data->original != NULL)
    g_key_file_set_string (keys, INFO_GROUP, "Original", data->original);
  g_key_file_set_string (keys, INFO_GROUP, "Title", data->title ? data->title : "");
  if (data->label != NULL)
    g_key_file_set_string (keys, INFO_GROUP, "Label", data->label);
  g_key_file_set_string (keys, INFO_GROUP, "Time", time);
  info = g_key_file_to_data (keys, &info_length, NULL);

  /* The document first: the info file makes the pair visible. */
  return write_contents (json_path,
                         g_bytes_get_data (data->bytes, NULL),
                         g_bytes_get_size (data->bytes),
                         error) &&
         write_contents (info_path, info, info_length, error);
}

gboolean
vr_recovery_save (VrDocument  *document,
                  const char  *id,
                  const char  *label,
                  GError     **error)
{
  g_autoptr(SaveData) data = NULL;

  g_return_val_if_fail (VR_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (id_is_valid (id), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  data = save_data_new (document, id, label);

  return save_data_write (data, error);
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;

  if (save_data_write (task_data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
vr_recovery_save_async (VrDocument          *document,
                        const char          *id,
                        const char          *label,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (VR_IS_DOCUMENT (document));
  g_return_if_fail (id_is_valid (id));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, vr_recovery_save_async);
  /* The model is not thread-safe: serialized here, written in the worker. */
  g_task_set_task_data (task, save_data_new (document, id, label), (GDestroyNotify) save_data_free);
  g_task_run_in_thread (task, save_thread);
}

gboolean
vr_recovery_save_finish (GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static VrRecovery *
read_entry (const char *dir,
            const char *id)
{
  g_autofree char *info_path = build_path (dir, id, ".info");
  g_autofree char *json_path = build_path (dir, id, ".json");
  g_autoptr(GKeyFile) keys = g_key_file_new ();
  g_autofree char *original = NULL;
  g_autofree char *time = NULL;
  g_autoptr(GDateTime) parsed = NULL;
  VrRecovery *self;

  if (!g_file_test (json_path, G_FILE_TEST_IS_REGULAR) ||
      !g_key_file_load_from_file (keys, info_path, G_KEY_FILE_NONE, NULL))
    return NULL;

  time = g_key_file_get_string (keys, INFO_GROUP, "Time", NULL);
  if (time == NULL || (parsed = g_date_time_new_from_iso8601 (time, NULL)) == NULL)
    return NULL;

  self = g_object_new (VR_TYPE_RECOVERY, NULL);
  self->id = g_strdup (id);
  self->time = g_steal_pointer (&parsed);
  self->file = g_file_new_for_path (json_path);
  self->title = g_key_file_get_string (keys, INFO_GROUP, "Title", NULL);
  self->label = g_key_file_get_string (keys, INFO_GROUP, "Label", NULL);
  original = g_key_file_get_string (keys, INFO_GROUP, "Original", NULL);
  if (original != NULL && original[0] != '\0')
    self->original = g_file_new_for_uri (original);
  if (self->title == NULL)
    self->title = g_strdup ("");

  return self;
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  VrRecovery *ra = *(VrRecovery **) a;
  VrRecovery *rb = *(VrRecovery **) b;
  int by_time = g_date_time_compare (rb->time, ra->time);

  return by_time != 0 ? by_time : strcmp (ra->id, rb->id);
}

GPtrArray *
vr_recovery_list (void)
{
  g_autofree char *dir_path = vr_recovery_dup_dir ();
  GPtrArray *list = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;

  if (dir == NULL)
    return list;

  while ((name = g_dir_read_name (dir)))
    {
      g_autofree char *id = NULL;
      VrRecovery *entry;

      if (!g_str_has_suffix (name, ".info"))
        continue;

      id = g_strndup (name, strlen (name) - strlen (".info"));
      if (id_is_valid (id) && (entry = read_entry (dir_path, id)))
        g_ptr_array_add (list, entry);
    }

  g_ptr_array_sort (list, compare_newest_first);

  return list;
}

gboolean
vr_recovery_delete (const char  *id,
                    GError     **error)
{
  g_autofree char *dir = vr_recovery_dup_dir ();
  const char *suffixes[] = { ".info", ".json" };

  g_return_val_if_fail (id_is_valid (id), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* The info file first: without it the pair is no longer listed. */
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = build_path (dir, id, suffixes[i]);

      if (g_unlink (path) != 0 && errno != ENOENT)
        {
          int saved_errno = errno;

          g_set_error (error, VR_ERROR, VR_ERROR_IO,
                       "%s: could not remove the unsaved changes (%s)", path, g_strerror (saved_errno));
          return FALSE;
        }
    }

  return TRUE;
}

const char *
vr_recovery_get_id (VrRecovery *self)
{
  g_return_val_if_fail (VR_IS_RECOVERY (self), NULL);

  return self->id;
}

GFile *
vr_recovery_get_original (VrRecovery *self)
{
  g_return_val_if_fail (VR_IS_RECOVERY (self), NULL);

  return self->original;
}

const char *
vr_recovery_get_title (VrRecovery *self)
{
  g_return_val_if_fail (VR_IS_RECOVERY (self), NULL);

  return self->title;
}

const char *
vr_recovery_get_label (VrRecovery *self)
{
  g_return_val_if_fail (VR_IS_RECOVERY (self), NULL);

  return self->label;
}

GDateTime *
vr_recovery_get_time (VrRecovery *self)
{
  g_return_val_if_fail (VR_IS_RECOVERY (self), NULL);

  return self->time;
}

GFile *
vr_recovery_get_file (VrRecovery *self)
{
  g_return_val_if_fail (VR_IS_RECOVERY (self), NULL);

  return self->file;
}

VrDocument *
vr_recovery_load (VrRecovery    *self,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(VrDocument) document = NULL;

  g_return_val_if_fail (VR_IS_RECOVERY (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  document = vr_document_load_file (self->file, cancellable, error);
  if (document == NULL)
    return NULL;

  vr_document_set_file (document, self->original);
  vr_document_set_modified (document, TRUE);

  return g_steal_pointer (&document);
}
