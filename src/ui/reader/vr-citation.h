/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "vr-core.h"

G_BEGIN_DECLS

/* Chicago-style citations built from a document's metadata, in the form the
 * Wilson Center Digital Archive prints them:
 *
 *   note:          "Title," September 15, 1956, Repository, Archive,
 *                  Location. Translated by Name.
 *   bibliography:  "Title." September 15, 1956. Repository, Archive,
 *                  Location. Translated by Name.
 *
 * Absent fields are left out together with their punctuation. Double quotes
 * inside the title become single quotes (a quotation within a quotation). */
char *vr_citation_format_note         (VrMetadata *metadata);
char *vr_citation_format_bibliography (VrMetadata *metadata);

/* "1956-09-15" → "September 15, 1956", "1956-09" → "September 1956";
 * anything else is returned as it is. */
char *vr_citation_format_date         (const char *date);

G_END_DECLS
