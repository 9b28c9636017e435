/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vr-handout"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <cairo-pdf.h>

#include "vr-handout-private.h"

G_DEFINE_FINAL_TYPE (VrHandout, vr_handout, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (VrPaperSize, vr_paper_size,
  G_DEFINE_ENUM_VALUE (VR_PAPER_SIZE_A4, "a4"),
  G_DEFINE_ENUM_VALUE (VR_PAPER_SIZE_LETTER, "letter"))

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_INCLUDE_PEOPLE,
  PROP_INCLUDE_NOTES,
  PROP_PAPER_SIZE,
  PROP_FONT_SIZE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

void
vr_paper_size_get_dimensions (VrPaperSize  size,
                              double      *width,
                              double      *height)
{
  double w = 595.28, h = 841.89;

  if (size == VR_PAPER_SIZE_LETTER)
    {
      w = 612.0;
      h = 792.0;
    }

  if (width)
    *width = w;
  if (height)
    *height = h;
}

static void
vr_handout_invalidate (VrHandout *self)
{
  g_clear_pointer (&self->blocks, g_ptr_array_unref);
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_object (&self->context);
}

static void
on_document_changed_cb (VrHandout *self)
{
  vr_handout_invalidate (self);
}

/* ---- Pagination ---- */

static double
lines_height (Block *block,
              guint  first,
              guint  n)
{
  LineInfo *a, *z;

  if (n == 0)
    return 0;

  a = &g_array_index (block->lines, LineInfo, first);
  z = &g_array_index (block->lines, LineInfo, first + n - 1);
  return z->bottom - a->top;
}

static guint
lines_fitting (Block  *block,
               guint   first,
               double  available)
{
  guint n = 0;

  while (first + n < block->lines->len &&
         lines_height (block, first, n + 1) <= available + 0.001)
    n++;

  return n;
}

static GArray *
new_page (VrHandout *self)
{
  GArray *page = g_array_new (FALSE, FALSE, sizeof (Placement));

  g_ptr_array_add (self->pages, page);
  return page;
}

static void
paginate_blocks (VrHandout *self,
                 double     content_height)
{
  GArray *page;
  double y = 0;

  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  page = new_page (self);

  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *block = g_ptr_array_index (self->blocks, i);
      Block *next = i + 1 < self->blocks->len ? g_ptr_array_index (self->blocks, i + 1) : NULL;
      guint n_lines = block->lines->len;
      guint line = 0;

      while (line < n_lines)
        {
          double before = page->len > 0 ? block->space_before : 0;
          double available = content_height - y - before;
          guint remaining = n_lines - line;
          guint n = lines_fitting (block, line, available);

          if (n < remaining)
            {
              /* No single line left behind at the foot or carried over
               * to the head of a page. */
              if (n < 2 && remaining > 1)
                n = 0;
              else if (remaining - n == 1 && n > 2)
                n--;
            }
          else if (block->keep_with_next && next != NULL && line == 0 && page->len > 0)
            {
              guint next_lines = MIN (next->lines->len, 2);
              double need = lines_height (block, 0, n_lines) + block->space_after +
                            next->space_before + lines_height (next, 0, next_lines);

              if (need > available + 0.001)
                n = 0;
            }

          if (n == 0)
            {
              if (page->len == 0)
                n = 1;  /* a line taller than the page: it has to go somewhere */
              else
                {
                  page = new_page (self);
                  y = 0;
                  continue;
                }
            }

          {
            Placement placement = { block, line, n, y + before };

            g_array_append_val (page, placement);
            y += before + lines_height (block, line, n);
            line += n;
          }

          if (line < n_lines)
            {
              page = new_page (self);
              y = 0;
            }
        }

      y += block->space_after;
    }
}

guint
vr_handout_paginate (VrHandout *self,
                     double     page_width,
                     double     page_height)
{
  double content_width, content_height;

  g_return_val_if_fail (VR_IS_HANDOUT (self), 0);

  if (page_width <= 0 || page_height <= 0)
    vr_paper_size_get_dimensions (self->paper_size, &page_width, &page_height);

  if (self->pages != NULL &&
      G_APPROX_VALUE (page_width, self->page_width, 0.01) &&
      G_APPROX_VALUE (page_height, self->page_height, 0.01))
    return self->pages->len;

  vr_handout_invalidate (self);

  self->page_width = page_width;
  self->page_height = page_height;
  content_width = MAX (page_width - MARGIN_LEFT - MARGIN_RIGHT, 72.0);
  content_height = MAX (page_height - MARGIN_TOP - MARGIN_BOTTOM, 72.0);

  _vr_handout_build_blocks (self, content_width);
  paginate_blocks (self, content_height);

  return self->pages->len;
}

guint
vr_handout_get_n_pages (VrHandout *self)
{
  g_return_val_if_fail (VR_IS_HANDOUT (self), 0);

  if (self->pages == NULL)
    vr_handout_paginate (self, self->page_width, self->page_height);

  return self->pages->len;
}

int
vr_handout_get_paragraph_page (VrHandout *self,
                               guint      index)
{
  g_return_val_if_fail (VR_IS_HANDOUT (self), -1);

  if (self->pages == NULL)
    vr_handout_paginate (self, self->page_width, self->page_height);

  for (guint p = 0; p < self->pages->len; p++)
    {
      GArray *page = g_ptr_array_index (self->pages, p);

      for (guint i = 0; i < page->len; i++)
        {
          Placement *placement = &g_array_index (page, Placement, i);

          if (placement->block->paragraph == (int) index && placement->first_line == 0)
            return (int) p;
        }
    }

  return -1;
}

/* ---- Drawing ---- */

static void
draw_rule (cairo_t *cr,
           double   x0,
           double   x1,
           double   y)
{
  cairo_save (cr);
  cairo_set_source_rgb (cr, 0.55, 0.55, 0.55);
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, x0, y);
  cairo_line_to (cr, x1, y);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
draw_header_and_footer (VrHandout *self,
                        cairo_t   *cr,
                        guint      page)
{
  g_autoptr(PangoFontDescription) font = NULL;
  g_autoptr(PangoLayout) layout = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *footer = NULL;
  double width = self->page_width - MARGIN_LEFT - MARGIN_RIGHT;
  int w, h;

  font = _vr_handout_make_font (SANS_FAMILIES, self->font_size * 0.75, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL);
  layout = pango_layout_new (self->context);
  pango_layout_set_font_description (layout, font);

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0.35, 0.35, 0.35);

  /* The running header: the title, on every page but the first, which
   * prints it in full. */
  if (page > 0)
    {
      _vr_handout_append_text (text, vr_document_get_title (self->document));
      pango_layout_set_text (layout, text->str, (int) text->len);
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_get_size (layout, NULL, &h);
      cairo_move_to (cr, MARGIN_LEFT, MARGIN_TOP - HEADER_OFFSET);
      pango_cairo_show_layout (cr, layout);
      draw_rule (cr, MARGIN_LEFT, self->page_width - MARGIN_RIGHT,
                 MARGIN_TOP - HEADER_OFFSET + (double) h / PANGO_SCALE + 4);
    }

  /* Translators: the page number at the foot of a printed page. */
  footer = g_strdup_printf (_("Page %u of %u"), page + 1, self->pages->len);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_NONE);
  pango_layout_set_width (layout, -1);
  pango_layout_set_text (layout, footer, -1);
  pango_layout_get_size (layout, &w, NULL);
  cairo_move_to (cr, (self->page_width - (double) w / PANGO_SCALE) / 2,
                 self->page_height - MARGIN_BOTTOM + FOOTER_OFFSET - self->font_size);
  pango_cairo_show_layout (cr, layout);

  cairo_restore (cr);
}

void
vr_handout_draw_page (VrHandout *self,
                      cairo_t   *cr,
                      guint      page)
{
  GArray *placements;

  g_return_if_fail (VR_IS_HANDOUT (self));
  g_return_if_fail (cr != NULL);

  if (self->pages == NULL)
    vr_handout_paginate (self, self->page_width, self->page_height);

  g_return_if_fail (page < self->pages->len);

  placements = g_ptr_array_index (self->pages, page);

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);

  for (guint i = 0; i < placements->len; i++)
    {
      Placement *placement = &g_array_index (placements, Placement, i);
      Block *block = placement->block;
      LineInfo *first = &g_array_index (block->lines, LineInfo, placement->first_line);
      double x = MARGIN_LEFT + block->x;
      double top = MARGIN_TOP + placement->y;

      if (block->rule_above && placement->first_line == 0)
        draw_rule (cr, MARGIN_LEFT, self->page_width - MARGIN_RIGHT,
                   top - block->space_before / 2);

      for (guint l = 0; l < placement->n_lines; l++)
        {
          LineInfo *info = &g_array_index (block->lines, LineInfo, placement->first_line + l);
          PangoLayoutLine *line = pango_layout_get_line_readonly (block->layout, placement->first_line + l);

          cairo_move_to (cr, x + info->x, top + info->baseline - first->top);
          pango_cairo_show_layout_line (cr, line);
        }

      if (block->number != NULL && placement->first_line == 0)
        {
          int w, baseline;

          pango_layout_get_size (block->number, &w, NULL);
          baseline = pango_layout_get_baseline (block->number);
          cairo_save (cr);
          cairo_set_source_rgb (cr, 0.45, 0.45, 0.45);
          cairo_move_to (cr, MARGIN_LEFT - NUMBER_GAP - (double) w / PANGO_SCALE,
                         top + first->baseline - first->top - (double) baseline / PANGO_SCALE);
          pango_cairo_show_layout (cr, block->number);
          cairo_restore (cr);
        }
    }

  cairo_restore (cr);

  draw_header_and_footer (self, cr, page);
}

/* ---- PDF ---- */

typedef struct
{
  FILE   *fp;
  int     errsv;
} PdfStream;

static cairo_status_t
pdf_write_cb (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  PdfStream *stream = closure;

  if (fwrite (data, 1, length, stream->fp) != length)
    {
      stream->errsv = errno;
      return CAIRO_STATUS_WRITE_ERROR;
    }

  return CAIRO_STATUS_SUCCESS;
}

gboolean
vr_handout_write_pdf (VrHandout  *self,
                      GFile      *file,
                      GError    **error)
{
  g_autofree char *path = NULL;
  g_autofree char *display = NULL;
  g_autofree char *tmp_path = NULL;
  g_autofree char *title = NULL;
  PdfStream stream = { NULL, 0 };
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  guint n_pages;
  int fd;

  g_return_val_if_fail (VR_IS_HANDOUT (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  display = g_file_get_parse_name (file);
  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_set_error (error, VR_ERROR, VR_ERROR_IO,
                   _("%s: PDFs can only be written to local files"), display);
      return FALSE;
    }

  tmp_path = g_strconcat (path, ".XXXXXX", NULL);
  fd = g_mkstemp_full (tmp_path, O_WRONLY | O_CLOEXEC, 0666);
  if (fd < 0 || (stream.fp = fdopen (fd, "wb")) == NULL)
    {
      int errsv = errno;

      if (fd >= 0)
        close (fd);
      g_set_error (error, VR_ERROR, VR_ERROR_IO,
                   _("%s: cannot write: %s"), display, g_strerror (errsv));
      return FALSE;
    }

  n_pages = vr_handout_paginate (self, 0, 0);

  surface = cairo_pdf_surface_create_for_stream (pdf_write_cb, &stream,
                                                 self->page_width, self->page_height);
  title = g_utf8_make_valid (vr_document_get_title (self->document), -1);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Variorum");

  cr = cairo_create (surface);
  for (guint i = 0; i < n_pages; i++)
    {
      vr_handout_draw_page (self, cr, i);
      cairo_show_page (cr);
    }
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status == CAIRO_STATUS_SUCCESS &&
      (fflush (stream.fp) != 0 || fsync (fileno (stream.fp)) != 0))
    {
      stream.errsv = errno;
      status = CAIRO_STATUS_WRITE_ERROR;
    }
  if (fclose (stream.fp) != 0 && status == CAIRO_STATUS_SUCCESS)
    {
      stream.errsv = errno;
      status = CAIRO_STATUS_WRITE_ERROR;
    }

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_unlink (tmp_path);
      if (stream.errsv != 0)
        g_set_error (error, VR_ERROR, VR_ERROR_IO,
                     _("%s: cannot write: %s"), display, g_strerror (stream.errsv));
      else
        g_set_error (error, VR_ERROR, VR_ERROR_FAILED,
                     _("%s: cannot write the PDF: %s"), display, cairo_status_to_string (status));
      return FALSE;
    }

  if (g_rename (tmp_path, path) != 0)
    {
      int errsv = errno;

      g_unlink (tmp_path);
      g_set_error (error, VR_ERROR, VR_ERROR_IO,
                   _("%s: cannot write: %s"), display, g_strerror (errsv));
      return FALSE;
    }

  return TRUE;
}

/* ---- GObject ---- */

VrHandout *
vr_handout_new (VrDocument *document)
{
  g_return_val_if_fail (VR_IS_DOCUMENT (document), NULL);

  return g_object_new (VR_TYPE_HANDOUT, "document", document, NULL);
}

VrDocument *
vr_handout_get_document (VrHandout *self)
{
  g_return_val_if_fail (VR_IS_HANDOUT (self), NULL);

  return self->document;
}

gboolean
vr_handout_get_include_people (VrHandout *self)
{
  g_return_val_if_fail (VR_IS_HANDOUT (self), FALSE);

  return self->include_people;
}

void
vr_handout_set_include_people (VrHandout *self,
                               gboolean   include_people)
{
  g_return_if_fail (VR_IS_HANDOUT (self));

  include_people = !!include_people;
  if (self->include_people == include_people)
    return;

  self->include_people = include_people;
  vr_handout_invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INCLUDE_PEOPLE]);
}

gboolean
vr_handout_get_include_notes (VrHandout *self)
{
  g_return_val_if_fail (VR_IS_HANDOUT (self), FALSE);

  return self->include_notes;
}

void
vr_handout_set_include_notes (VrHandout *self,
                              gboolean   include_notes)
{
  g_return_if_fail (VR_IS_HANDOUT (self));

  include_notes = !!include_notes;
  if (self->include_notes == include_notes)
    return;

  self->include_notes = include_notes;
  vr_handout_invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INCLUDE_NOTES]);
}

VrPaperSize
vr_handout_get_paper_size (VrHandout *self)
{
  g_return_val_if_fail (VR_IS_HANDOUT (self), VR_PAPER_SIZE_A4);

  return self->paper_size;
}

void
vr_handout_set_paper_size (VrHandout   *self,
                           VrPaperSize  paper_size)
{
  g_return_if_fail (VR_IS_HANDOUT (self));
  g_return_if_fail (paper_size <= VR_PAPER_SIZE_LETTER);

  if (self->paper_size == paper_size)
    return;

  self->paper_size = paper_size;
  self->page_width = self->page_height = 0;
  vr_handout_invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAPER_SIZE]);
}

double
vr_handout_get_font_size (VrHandout *self)
{
  g_return_val_if_fail (VR_IS_HANDOUT (self), DEFAULT_FONT_SIZE);

  return self->font_size;
}

void
vr_handout_set_font_size (VrHandout *self,
                          double     font_size)
{
  g_return_if_fail (VR_IS_HANDOUT (self));

  font_size = CLAMP (font_size, MIN_FONT_SIZE, MAX_FONT_SIZE);
  if (G_APPROX_VALUE (self->font_size, font_size, 0.001))
    return;

  self->font_size = font_size;
  vr_handout_invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FONT_SIZE]);
}

static void
vr_handout_set_document (VrHandout  *self,
                         VrDocument *document)
{
  g_assert (self->document == NULL);

  self->document = g_object_ref (document);

  /* Any edit may change the pages: lay out again on the next draw. */
  g_signal_connect_object (document, "mentions-changed",
                           G_CALLBACK (on_document_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::modified",
                           G_CALLBACK (on_document_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
vr_handout_dispose (GObject *object)
{
  VrHandout *self = VR_HANDOUT (object);

  vr_handout_invalidate (self);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (vr_handout_parent_class)->dispose (object);
}

static void
vr_handout_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  VrHandout *self = VR_HANDOUT (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    case PROP_INCLUDE_PEOPLE:
      g_value_set_boolean (value, self->include_people);
      break;

    case PROP_INCLUDE_NOTES:
      g_value_set_boolean (value, self->include_notes);
      break;

    case PROP_PAPER_SIZE:
      g_value_set_enum (value, self->paper_size);
      break;

    case PROP_FONT_SIZE:
      g_value_set_double (value, self->font_size);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vr_handout_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  VrHandout *self = VR_HANDOUT (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      vr_handout_set_document (self, g_value_get_object (value));
      break;

    case PROP_INCLUDE_PEOPLE:
      vr_handout_set_include_people (self, g_value_get_boolean (value));
      break;

    case PROP_INCLUDE_NOTES:
      vr_handout_set_include_notes (self, g_value_get_boolean (value));
      break;

    case PROP_PAPER_SIZE:
      vr_handout_set_paper_size (self, g_value_get_enum (value));
      break;

    case PROP_FONT_SIZE:
      vr_handout_set_font_size (self, g_value_get_double (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vr_handout_class_init (VrHandoutClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = vr_handout_dispose;
  object_class->get_property = vr_handout_get_property;
  object_class->set_property = vr_handout_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         VR_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_INCLUDE_PEOPLE] =
    g_param_spec_boolean ("include-people", NULL, NULL,
                          TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_INCLUDE_NOTES] =
    g_param_spec_boolean ("include-notes", NULL, NULL,
                          TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_PAPER_SIZE] =
    g_param_spec_enum ("paper-size", NULL, NULL,
                       VR_TYPE_PAPER_SIZE, VR_PAPER_SIZE_A4,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_FONT_SIZE] =
    g_param_spec_double ("font-size", NULL, NULL,
                         MIN_FONT_SIZE, MAX_FONT_SIZE, DEFAULT_FONT_SIZE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vr_handout_init (VrHandout *self)
{
  self->include_people = TRUE;
  self->include_notes = TRUE;
  self->paper_size = VR_PAPER_SIZE_A4;
  self->font_size = DEFAULT_FONT_SIZE;
}
