/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include "vr-document.h"

G_BEGIN_DECLS

/* The document as canonical JSON (UTF-8, 2-space indent, trailing newline),
 * every key the loader did not know written back where it was read. */
GBytes   *vr_document_serialize        (VrDocument           *self);

/* Writes atomically: a temporary file in the same folder, fsync, then rename
 * over @file, keeping the previous file as "FILE~". On success sets the
 * document's "file" and clears "modified"; on failure the old file is intact
 * and the document unchanged. */
gboolean  vr_document_save_file        (VrDocument           *self,
                                        GFile                *file,
                                        GCancellable         *cancellable,
                                        GError              **error);
void      vr_document_save_file_async  (VrDocument           *self,
                                        GFile                *file,
                                        GCancellable         *cancellable,
                                        GAsyncReadyCallback   callback,
                                        gpointer              user_data);
gboolean  vr_document_save_file_finish (VrDocument           *self,
                                        GAsyncResult         *result,
                                        GError              **error);

G_END_DECLS
