/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The whole core API: the model, the file format, the names engine,
 * import and export, comparison, and the undo history. */
#pragma once

#include "vr-error.h"
#include "vr-document.h"
#include "vr-loader.h"
#include "vr-writer.h"
#include "vr-recovery.h"
#include "vr-names.h"
#include "vr-compare.h"
#include "vr-export.h"
#include "vr-importer.h"
#include "vr-mention-finder.h"
#include "vr-history.h"
#include "vr-reconcile.h"
