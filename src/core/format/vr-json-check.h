/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One pass over the raw bytes, before json-glib sees them, refusing what
 * json-glib would accept or mangle: anything that is not strict RFC 8259
 * JSON, invalid UTF-8, nesting deeper than @max_depth, duplicate keys in an
 * object, integers outside int64, numbers that overflow a double, and
 * "\u0000" (a C string cannot hold it).
 *
 * On failure sets a VR_ERROR whose message is "NAME:LINE:COL: found …;
 * expected …" (1-based line, column in characters) or "NAME: …" for an
 * empty input. On success *@out_skip (if non-NULL) is the length of a
 * leading UTF-8 byte order mark to skip (0 or 3). */
gboolean _vr_json_check             (const char  *data,
                                     gsize        length,
                                     const char  *display_name,
                                     guint        max_depth,
                                     gsize       *out_skip,
                                     GError     **error);

/* Where the top-level "mentions" array lies, so that the loader can parse
 * it in two halves at once. Offsets are from the start of the data; 0
 * means not found. */
typedef struct
{
  gsize mentions_open;   /* its "[" */
  gsize mentions_close;  /* its "]" */
  gsize split_comma;     /* the "," before the first element at or past the split target */
  gsize split_element;   /* that element's first byte */
} VrJsonLayout;

/* _vr_json_check(), also filling @layout: the split element is the first
 * element of the top-level "mentions" array that starts at or past byte
 * @split_target. */
gboolean _vr_json_check_layout      (const char   *data,
                                     gsize         length,
                                     const char   *display_name,
                                     guint         max_depth,
                                     gsize         split_target,
                                     VrJsonLayout *layout,
                                     gsize        *out_skip,
                                     GError      **error);

/* 1-based line and column (in characters) of byte @offset in @data. */
void     _vr_json_offset_to_line_col (const char *data,
                                      gsize       offset,
                                      guint      *line,
                                      guint      *column);

G_END_DECLS
