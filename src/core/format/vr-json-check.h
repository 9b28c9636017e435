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

/* A member of the top-level object whose value is an array. Offsets are
 * from the start of the data. */
typedef struct
{
  gsize key;      /* first byte of its key, after the opening quote */
  gsize key_len;  /* bytes of the key as written, escapes undecoded */
  gsize open;     /* its "[" */
  gsize close;    /* its "]" */
  gsize values_before_close;  /* values in the data before its "]" */
} VrJsonArraySpan;

/* A place where such an array can be cut in two: the "," between two of
 * its elements, and the first byte of the element after it. */
typedef struct
{
  gsize comma;
  gsize element;
  guint array;    /* index into VrJsonLayout.arrays */
  gsize values_before;  /* values in the data before the element */
} VrJsonCut;

/* Where the big arrays of a document lie, so that the loader can parse it
 * in two parts at once. Values (objects, arrays, strings, numbers, true,
 * false, null) are counted because json-glib's time goes as much by them
 * as by bytes. */
typedef struct
{
  GArray *arrays;    /* VrJsonArraySpan, in file order */
  GArray *cuts;      /* VrJsonCut, in file order */
  gsize   n_values;  /* values in the whole data */
} VrJsonLayout;

/* _vr_json_check(), also filling @layout (clear it with
 * _vr_json_layout_clear()): every top-level array member, and, when
 * @cut_interval is not 0, cuts in them about @cut_interval bytes apart:
 * the first element of such an array that starts at or past each next
 * multiple of @cut_interval. On failure @layout is left empty. */
gboolean _vr_json_check_layout      (const char   *data,
                                     gsize         length,
                                     const char   *display_name,
                                     guint         max_depth,
                                     gsize         cut_interval,
                                     VrJsonLayout *layout,
                                     gsize        *out_skip,
                                     GError      **error);
void     _vr_json_layout_clear      (VrJsonLayout *layout);

/* 1-based line and column (in characters) of byte @offset in @data. */
void     _vr_json_offset_to_line_col (const char *data,
                                      gsize       offset,
                                      guint      *line,
                                      guint      *column);

G_END_DECLS
