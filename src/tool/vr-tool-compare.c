/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "variorum-tool"

#include "config.h"

#include <stdio.h>
#include "vr-tool.h"

int
vr_tool_normalize_names (int argc, char **argv)
{
  fprintf (stderr, "variorum-tool normalize-names: not available in this build\n");
  return 1;
}
