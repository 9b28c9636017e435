/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include "vr-document.h"

G_BEGIN_DECLS

/* Unsaved work kept beside the user's documents, so that a crash or a kill
 * loses at most the last two seconds of it.
 *
 * A recovery is two files in vr_recovery_dup_dir() (created 0700):
 *   ID.json  the serialized document, a valid Variorum document (0600)
 *   ID.info  a key file: the original file's URI (absent for a document
 *            never saved), the title, the label of the last edit and the time
 * ID is vr_recovery_dup_id() for a document with a file (the same file always
 * gets the same ID, so a newer recovery replaces the older one) and
 * vr_recovery_new_id() for one without. Both files are replaced atomically;
 * a recovery is listed only once both exist. */

#define VR_TYPE_RECOVERY (vr_recovery_get_type ())
G_DECLARE_FINAL_TYPE (VrRecovery, vr_recovery, VR, RECOVERY, GObject)

/* $XDG_STATE_HOME/variorum/recovery (g_get_user_state_dir ()). */
char        *vr_recovery_dup_dir           (void);
/* A stable ID from the file's URI: a hash, safe as a file name. */
char        *vr_recovery_dup_id            (GFile               *file);
/* A new random ID, for a document that has no file. */
char        *vr_recovery_new_id            (void);

/* Writes @document as recovery @id. @label is the last edit's (the
 * history's undo label), NULL when unknown. Serializes on the caller's
 * thread; the _async variant writes in a worker thread. */
gboolean     vr_recovery_save              (VrDocument          *document,
                                            const char          *id,
                                            const char          *label,
                                            GError             **error);
void         vr_recovery_save_async        (VrDocument          *document,
                                            const char          *id,
                                            const char          *label,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
gboolean     vr_recovery_save_finish       (GAsyncResult        *result,
                                            GError             **error);

/* Every complete recovery, newest first; free with g_ptr_array_unref. A
 * missing folder is an empty list; unreadable entries are skipped. */
GPtrArray   *vr_recovery_list              (void);
/* Removes recovery @id; one that does not exist is no error. */
gboolean     vr_recovery_delete            (const char          *id,
                                            GError             **error);

const char  *vr_recovery_get_id            (VrRecovery          *self);
/* The file the document was loaded from or saved to, or NULL. */
GFile       *vr_recovery_get_original      (VrRecovery          *self);
const char  *vr_recovery_get_title         (VrRecovery          *self);
/* The label of the last edit, or NULL. */
const char  *vr_recovery_get_label         (VrRecovery          *self);
GDateTime   *vr_recovery_get_time          (VrRecovery          *self);
/* The recovered document (ID.json). */
GFile       *vr_recovery_get_file          (VrRecovery          *self);

/* Loads the recovered document: its "file" is the original (NULL when
 * there was none), so that Save writes there, and it is "modified". */
VrDocument  *vr_recovery_load              (VrRecovery          *self,
                                            GCancellable        *cancellable,
                                            GError             **error);

G_END_DECLS
