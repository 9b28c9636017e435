/* SPDX-License-Identifier: GPL-3.0-or-later */
/* romanize, key, cluster, find: being written (names part). */
#define G_LOG_DOMAIN "variorum-tool"

#include "config.h"

#include <stdio.h>
#include "vr-tool.h"

int vr_tool_romanize (int argc, char **argv) { fprintf (stderr, "not yet built\n"); return 1; }
int vr_tool_key (int argc, char **argv) { fprintf (stderr, "not yet built\n"); return 1; }
int vr_tool_cluster (int argc, char **argv) { fprintf (stderr, "not yet built\n"); return 1; }
int vr_tool_find (int argc, char **argv) { fprintf (stderr, "not yet built\n"); return 1; }
