/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Each command gets argv with argv[0] set to the command's name and returns
 * the process exit status: 0 success, 1 failure of the work, 2 wrong usage. */
typedef int (*VrToolCommandFunc) (int    argc,
                                  char **argv);

typedef struct
{
  const char        *name;
  const char        *summary;
  VrToolCommandFunc  func;
} VrToolCommand;

/* vr-tool-format.c */
int vr_tool_validate  (int argc, char **argv);
int vr_tool_stats     (int argc, char **argv);
int vr_tool_normalize (int argc, char **argv);

/* vr-tool-names.c */
int vr_tool_romanize  (int argc, char **argv);
int vr_tool_key       (int argc, char **argv);
int vr_tool_cluster   (int argc, char **argv);
int vr_tool_find      (int argc, char **argv);

/* vr-tool-import.c */
int vr_tool_import   (int argc, char **argv);
int vr_tool_variants (int argc, char **argv);

/* vr-tool-compare.c */
int vr_tool_normalize_names (int argc, char **argv);

/* Shared helpers (variorum-tool.c) */

/* Parses a command's options (--help prints and exits 0). On wrong usage
 * prints the message, sets *status to 2 and returns FALSE. */
gboolean vr_tool_parse_options (const char    *command,
                                const char    *parameters,
                                const char    *summary,
                                GOptionEntry  *entries,
                                int           *argc,
                                char        ***argv,
                                int           *status);

int  vr_tool_usage_error (const char *command,
                          const char *message);

G_END_DECLS
