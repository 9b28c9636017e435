/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Translation comparison: a normalized reading, aligning a version from
 * another file, a word-level diff. */
#pragma once

#include "vr-align.h"
#include "vr-normalize.h"
#include "vr-word-diff.h"
