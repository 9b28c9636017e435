/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include "vr-document.h"

G_BEGIN_DECLS

/* Deepest nesting of arrays and objects a document may have. */
#define VR_LOADER_MAX_DEPTH 100
/* Largest input the loader accepts, in bytes. json-glib's tree costs about
 * ten times the file size while loading. */
#define VR_LOADER_MAX_SIZE ((gsize) 512 * 1024 * 1024)

/* Loads a version-1 document. On failure returns NULL and sets a VR_ERROR
 * whose message starts with the place: "FILE:LINE:COL: " for syntax (1-based
 * line, column in characters), "FILE: /json/pointer: " for content, or
 * "FILE: " where no place applies, and says what was expected.
 * @display_name names the input in messages (a path or a basename). */
VrDocument *vr_document_load_bytes        (GBytes               *bytes,
                                           const char           *display_name,
                                           GError              **error);
/* Sets the document's "file" and leaves it unmodified. */
VrDocument *vr_document_load_file         (GFile                *file,
                                           GCancellable         *cancellable,
                                           GError              **error);
/* Like vr_document_load_file(), naming the file @display_name in error
 * messages (for instance the path as a person typed it); NULL for the path. */
VrDocument *vr_document_load_file_named   (GFile                *file,
                                           const char           *display_name,
                                           GCancellable         *cancellable,
                                           GError              **error);
/* The same in a worker thread (GTask). */
void        vr_document_load_file_async   (GFile                *file,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
VrDocument *vr_document_load_file_finish  (GAsyncResult         *result,
                                           GError              **error);

G_END_DECLS
