/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vr-error"

#include "config.h"

#include "vr-error.h"

G_DEFINE_QUARK (vr-error-quark, vr_error)
