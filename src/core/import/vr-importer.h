/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include "vr-document.h"

G_BEGIN_DECLS

/* Turns the text of a Wilson Center Digital Archive document page, as
 * copied from a browser, into a new document with one version ("en").
 * The rules are documented in src/core/import/README.md: the page's
 * furniture is dropped, the metadata is read from the date line, the
 * summary and the citation, the paragraphs are kept word for word (kinds
 * heading, body, closing), names of people are proposed as entities whose
 * variants are all "suggested", and their mentions are found.
 *
 * Fails with VR_ERROR_ENCODING (not UTF-8), VR_ERROR_EMPTY (nothing but
 * white space) or VR_ERROR_NOT_A_DOCUMENT (no document text on the page),
 * the message starting with "@display_name: ". */
VrDocument *vr_import_archive_text  (const char  *text,
                                     const char  *display_name,
                                     GError     **error);

/* Reads @file (a text file) and imports it; errors name the file as
 * @display_name, or its path when NULL. A file holding NUL bytes is
 * refused as not text (VR_ERROR_ENCODING); a read error is VR_ERROR_IO. */
VrDocument *vr_import_archive_file         (GFile               *file,
                                            const char          *display_name,
                                            GCancellable        *cancellable,
                                            GError             **error);
/* The same in a worker thread (GTask); the document is handed over in
 * _finish and touched by no other thread after. */
void        vr_import_archive_file_async   (GFile               *file,
                                            const char          *display_name,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
VrDocument *vr_import_archive_file_finish  (GAsyncResult        *result,
                                            GError             **error);

/* The people proposed from @document's paragraphs, as the importer does:
 * adds entities (kind person, variants "suggested") for the names that no
 * entity spells yet, then applies "Find mentions" over the whole document
 * (so existing entities' unmarked spellings get mentions too) and the safe
 * short references of the new people. Returns the number of entities
 * added. */
guint       vr_import_detect_people (VrDocument  *document);

G_END_DECLS
