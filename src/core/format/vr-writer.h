/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include "vr-document.h"

G_BEGIN_DECLS

/* The document as canonical JSON: UTF-8 (non-ASCII unescaped), 2-space
 * indent, one member per line except that each metadata field, variant,
 * mention and decision is one line, and a trailing newline. Keys come in
 * this order, absent optional ones left out, then the keys the loader did
 * not know, in the order they were read:
 *   top level   variorum id metadata versions paragraphs entities mentions
 *               annotations decisions
 *   metadata    title date summary repository archive archive_location
 *               translator original_language classification authors
 *               recipients fields
 *   field       label value
 *   version     id language label translator
 *   paragraph   id kind text (by version, in the order the texts were set)
 *   entity      id kind name hangul hanja cyrillic description variants
 *   variant     form system status note
 *   mention     entity paragraph version start end short uncertain
 *   annotation  id paragraph version start end note created
 *   decision    a b verdict
 * Mentions are written in document order. Loading the result and
 * serializing again gives the same bytes. */
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
