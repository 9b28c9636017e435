/* SPDX-License-Identifier: GPL-3.0-or-later */
/* validate, stats, normalize: being written (format part). */
#define G_LOG_DOMAIN "variorum-tool"

#include "config.h"

#include <stdio.h>
#include "vr-tool.h"

int vr_tool_validate (int argc, char **argv) { fprintf (stderr, "not yet built\n"); return 1; }
int vr_tool_stats (int argc, char **argv) { fprintf (stderr, "not yet built\n"); return 1; }
int vr_tool_normalize (int argc, char **argv) { fprintf (stderr, "not yet built\n"); return 1; }
