/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <pango/pangocairo.h>

#include "vr-handout.h"

G_BEGIN_DECLS

/* Hangul needs a font of its own: the lists name one after the Latin faces,
 * so that a name in Hangul prints as Hangul wherever fontconfig would not
 * find one by itself. */
#define SERIF_FAMILIES "Noto Serif, DejaVu Serif, NanumMyeongjo, Noto Serif CJK KR, serif"
#define SANS_FAMILIES  "Cantarell, Noto Sans, DejaVu Sans, NanumGothic, Noto Sans CJK KR, sans-serif"

#define MARGIN_TOP      64.0
#define MARGIN_BOTTOM   64.0
#define MARGIN_LEFT     78.0
#define MARGIN_RIGHT    66.0
#define NUMBER_GAP      10.0
#define HEADER_OFFSET   30.0
#define FOOTER_OFFSET   34.0

#define DEFAULT_FONT_SIZE 11.0
#define MIN_FONT_SIZE     6.0
#define MAX_FONT_SIZE     36.0

typedef struct
{
  double x;        /* left edge of the line within the layout */
  double top;
  double bottom;
  double baseline;
} LineInfo;

typedef struct
{
  PangoLayout *layout;
  PangoLayout *number;      /* paragraph number in the margin, or NULL */
  GArray      *lines;       /* LineInfo */
  double       x;
  double       space_before;
  double       space_after;
  int          paragraph;   /* index, or -1 */
  guint        keep_with_next : 1;
  guint        rule_above : 1;
} Block;

typedef struct
{
  Block  *block;
  guint   first_line;
  guint   n_lines;
  double  y;                /* top of the first line, from the top margin */
} Placement;

struct _VrHandout
{
  GObject       parent_instance;

  VrDocument   *document;
  gboolean      include_people;
  gboolean      include_notes;
  VrPaperSize   paper_size;
  double        font_size;

  /* The layout, dropped on any change */
  PangoContext *context;
  GPtrArray    *blocks;      /* Block */
  GPtrArray    *pages;       /* GArray of Placement */
  double        page_width;
  double        page_height;
};

/* vr-handout-content.c: what goes on the pages, as blocks of text. */
void                  _vr_handout_build_blocks (VrHandout   *self,
                                                double       width);
PangoFontDescription *_vr_handout_make_font    (const char  *families,
                                                double       size,
                                                PangoWeight  weight,
                                                PangoStyle   style);
void                  _vr_handout_append_text  (GString     *str,
                                                const char  *text);

G_END_DECLS
