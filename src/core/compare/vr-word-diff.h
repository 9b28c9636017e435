/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * VrDiffOp:
 * @VR_DIFF_EQUAL: the same words on both sides
 * @VR_DIFF_DELETE: words only in the first text
 * @VR_DIFF_INSERT: words only in the second text
 */
typedef enum
{
  VR_DIFF_EQUAL,
  VR_DIFF_DELETE,
  VR_DIFF_INSERT,
} VrDiffOp;

/**
 * VrDiffRun:
 * @op: what the run is
 * @a_start: start in the first text, in characters
 * @a_end: end (exclusive) in the first text; equal to @a_start for an insert
 * @b_start: start in the second text, in characters
 * @b_end: end (exclusive) in the second text; equal to @b_start for a delete
 *
 * The runs of a diff cover both texts in order: the EQUAL and DELETE runs
 * spell the first text, the EQUAL and INSERT runs the second. A changed
 * stretch is a DELETE followed by an INSERT.
 */
typedef struct
{
  VrDiffOp op;
  guint    a_start;
  guint    a_end;
  guint    b_start;
  guint    b_end;
} VrDiffRun;

/* Long stretches are first pinned at words that occur once on each side
 * (as patience diff does); a stretch between two such words that still
 * needs more than this many token edits is reported as one deletion and
 * one insertion, which bounds each Myers run at O((N + M) · D) time and
 * O(D²) memory. A whole diff takes at most about 20 million steps (some
 * 50 ms here); past that, the stretches left are changed wholesale. The
 * runs always spell both texts exactly. */
#define VR_WORD_DIFF_MAX_EDITS 1000

/* A word-level diff (Myers' O(ND) algorithm over tokens: words, runs of
 * whitespace, single punctuation marks) of two UTF-8 texts; NULL counts as
 * empty. Returns a GArray of VrDiffRun; free with g_array_unref. */
GArray *vr_word_diff (const char *a,
                      const char *b);

G_END_DECLS
