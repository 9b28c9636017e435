/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include "vr-document.h"

G_BEGIN_DECLS

/**
 * VrExportFormat:
 * @VR_EXPORT_CSV: one RFC 4180 table (CRLF line ends, UTF-8, a header row)
 * @VR_EXPORT_JSON: {"variants": […], "decisions": […]}
 */
typedef enum
{
  VR_EXPORT_CSV,
  VR_EXPORT_JSON,
} VrExportFormat;

/* The variant table of @document and its decisions.
 *
 * CSV columns: record, entity_id, entity_name, kind, spelling, system,
 * status, occurrences, first_paragraph, other_spelling, verdict. One row
 * per variant (record "variant", entities and their variants in document
 * order), then one per decision (record "decision", spelling = a,
 * other_spelling = b, verdict). Fields holding a comma, a quote, CR or LF
 * are quoted, quotes doubled. A cell that a spreadsheet would run as a
 * formula (starting with = + - @, a tab or CR) is prefixed with an
 * apostrophe, which spreadsheets show as text.
 *
 * JSON: each variant {"entity", "entity_name", "kind", "spelling",
 * "system", "status", "occurrences", "first_paragraph" (null when it
 * occurs nowhere)}, each decision {"a", "b", "verdict"}; no guard. */
GBytes *vr_export_variants (VrDocument     *document,
                            VrExportFormat  format);

/* One CSV field, quoted and guarded as above (newly allocated). */
char   *vr_export_csv_field (const char    *value);

G_END_DECLS
