/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "variorum-tool"

#include "config.h"

#include <stdio.h>
#include "vr-tool.h"

int
vr_tool_import (int argc, char **argv)
{
  fprintf (stderr, "variorum-tool import: not available in this build\n");
  return 1;
}

int
vr_tool_variants (int argc, char **argv)
{
  fprintf (stderr, "variorum-tool variants: not available in this build\n");
  return 1;
}
