/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "vr-core.h"

G_BEGIN_DECLS

/* A printed handout of a document: title, metadata and citation, numbered
 * paragraphs with the names of people marked, and optional appendices (the
 * people with their spellings; the notes). It is laid out with Pango on
 * cairo only, in points, so that printing (GtkPrintOperation) and PDF
 * export draw the very same pages. */

typedef enum
{
  VR_PAPER_SIZE_A4,
  VR_PAPER_SIZE_LETTER,
} VrPaperSize;

#define VR_TYPE_PAPER_SIZE (vr_paper_size_get_type ())
GType vr_paper_size_get_type       (void) G_GNUC_CONST;
void  vr_paper_size_get_dimensions (VrPaperSize  size,
                                    double      *width,
                                    double      *height);

#define VR_TYPE_HANDOUT (vr_handout_get_type ())

G_DECLARE_FINAL_TYPE (VrHandout, vr_handout, VR, HANDOUT, GObject)

VrHandout   *vr_handout_new                (VrDocument  *document);
VrDocument  *vr_handout_get_document       (VrHandout   *self);
gboolean     vr_handout_get_include_people (VrHandout   *self);
void         vr_handout_set_include_people (VrHandout   *self,
                                            gboolean     include_people);
gboolean     vr_handout_get_include_notes  (VrHandout   *self);
void         vr_handout_set_include_notes  (VrHandout   *self,
                                            gboolean     include_notes);
VrPaperSize  vr_handout_get_paper_size     (VrHandout   *self);
void         vr_handout_set_paper_size     (VrHandout   *self,
                                            VrPaperSize  paper_size);
double       vr_handout_get_font_size      (VrHandout   *self);
void         vr_handout_set_font_size      (VrHandout   *self,
                                            double       font_size);

/* Lays the document out on pages of this size (in points; 0 × 0 means the
 * paper size) and returns the number of pages. Changing an option or the
 * document drops the layout; drawing lays out again when needed, on the
 * page size last given (a new paper size forgets it). */
guint        vr_handout_paginate           (VrHandout   *self,
                                            double       page_width,
                                            double       page_height);
guint        vr_handout_get_n_pages        (VrHandout   *self);
/* Draws one page (0-based) with the page's top left corner at the origin
 * of @cr, one unit a point. */
void         vr_handout_draw_page          (VrHandout   *self,
                                            cairo_t     *cr,
                                            guint        page);
/* The page (0-based) on which paragraph @index begins, or -1. */
int          vr_handout_get_paragraph_page (VrHandout   *self,
                                            guint        index);

/* Writes every page to a PDF file at @file's path, atomically: into a
 * temporary file beside it, renamed over @file only when complete. */
gboolean     vr_handout_write_pdf          (VrHandout   *self,
                                            GFile       *file,
                                            GError     **error);

G_END_DECLS
