/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>
#include "vr-types.h"
#include "vr-enums.h"

G_BEGIN_DECLS

#define VR_TYPE_DECISION (vr_decision_get_type ())
G_DECLARE_FINAL_TYPE (VrDecision, vr_decision, VR, DECISION, GObject)

/* A person's verdict on two spellings: "a", "b", "verdict". Immutable. */
VrDecision  *vr_decision_new             (const char *a,
                                          const char *b,
                                          VrVerdict   verdict);
const char  *vr_decision_get_a           (VrDecision *self);
const char  *vr_decision_get_b           (VrDecision *self);
VrVerdict    vr_decision_get_verdict     (VrDecision *self);
const char  *vr_decision_get_verdict_raw (VrDecision *self);

G_END_DECLS
