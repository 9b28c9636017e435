/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "vr-core.h"

G_BEGIN_DECLS

/* Why @variant is a spelling of its entity, as translated plain text: the
 * differences the names engine finds between its form and the entity's
 * preferred name ("k/g voicing; eu/u"), or, when the engine does not match
 * them but a person decided they are the same, "Recorded decision". NULL
 * for the preferred form itself and when there is no reason. *@by_rule
 * (optional) tells which of the two it is. */
char *vr_spelling_dup_reason (VrDocument *document,
                              VrVariant  *variant,
                              gboolean   *by_rule);

G_END_DECLS
