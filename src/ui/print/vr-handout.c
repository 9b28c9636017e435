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
#include <pango/pangocairo.h>

#include "vr-citation.h"
#include "vr-handout.h"

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
block_free (Block *block)
{
  g_clear_object (&block->layout);
  g_clear_object (&block->number);
  g_clear_pointer (&block->lines, g_array_unref);
  g_free (block);
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

/* ---- Text helpers ---- */

static gboolean
is_blank (const char *s)
{
  if (s == NULL)
    return TRUE;
  for (; *s != '\0'; s++)
    if (!g_ascii_isspace (*s))
      return FALSE;
  return TRUE;
}

/* Text from a document is untrusted: Pango refuses invalid UTF-8 with a
 * warning, so it is repaired before it gets there. */
static void
append_text (GString    *str,
             const char *text)
{
  if (text == NULL)
    return;

  if (g_utf8_validate (text, -1, NULL))
    {
      g_string_append (str, text);
    }
  else
    {
      g_autofree char *valid = g_utf8_make_valid (text, -1);
      g_string_append (str, valid);
    }
}

static void
add_attr (PangoAttrList  *attrs,
          PangoAttribute *attr,
          gsize           start,
          gsize           end)
{
  attr->start_index = start;
  attr->end_index = end;
  pango_attr_list_insert (attrs, attr);
}

static PangoFontDescription *
make_font (const char  *families,
           double       size,
           PangoWeight  weight,
           PangoStyle   style)
{
  PangoFontDescription *desc = pango_font_description_new ();

  pango_font_description_set_family (desc, families);
  pango_font_description_set_size (desc, (int) (size * PANGO_SCALE + 0.5));
  pango_font_description_set_weight (desc, weight);
  pango_font_description_set_style (desc, style);

  return desc;
}

/* ---- Building the blocks ---- */

typedef struct
{
  VrHandout *self;
  double     width;     /* of the text column */
  double     size;      /* body font size */
} Builder;

static Block *
builder_add (Builder              *b,
             GString              *text,
             PangoAttrList        *attrs,
             PangoFontDescription *font,
             double                x,
             double                space_before,
             double                space_after)
{
  Block *block = g_new0 (Block, 1);

  block->layout = pango_layout_new (b->self->context);
  pango_layout_set_font_description (block->layout, font);
  pango_layout_set_width (block->layout, (int) ((b->width - x) * PANGO_SCALE));
  pango_layout_set_wrap (block->layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (block->layout, text->str, (int) text->len);
  if (attrs != NULL)
    pango_layout_set_attributes (block->layout, attrs);
  block->x = x;
  block->space_before = space_before;
  block->space_after = space_after;
  block->paragraph = -1;
  block->lines = g_array_new (FALSE, FALSE, sizeof (LineInfo));

  g_ptr_array_add (b->self->blocks, block);

  /* The caller sets alignment, indent and tabs, then measures the lines
   * with builder_measure (). */
  return block;
}

static void
builder_measure (Block *block)
{
  PangoLayoutIter *iter = pango_layout_get_iter (block->layout);

  g_array_set_size (block->lines, 0);

  do
    {
      PangoRectangle logical;
      LineInfo info;
      int y0, y1;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      info.x = (double) logical.x / PANGO_SCALE;
      info.top = (double) y0 / PANGO_SCALE;
      info.bottom = (double) y1 / PANGO_SCALE;
      info.baseline = (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;
      g_array_append_val (block->lines, info);
    }
  while (pango_layout_iter_next_line (iter));

  pango_layout_iter_free (iter);
}

/* A row of the metadata block: the label in bold, the value after a tab,
 * wrapped lines hanging under the value. */
static void
add_field_row (Builder    *b,
               const char *label,
               const char *value,
               double      label_width)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();
  g_autoptr(PangoFontDescription) font = NULL;
  PangoTabArray *tabs;
  double size = b->size * 0.85;
  Block *block;

  if (is_blank (value))
    return;

  append_text (text, label);
  add_attr (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD), 0, text->len);
  g_string_append_c (text, '\t');
  append_text (text, value);

  font = make_font (SANS_FAMILIES, size, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL);
  block = builder_add (b, text, attrs, font, 0, size * 0.2, 0);

  tabs = pango_tab_array_new_with_positions (1, TRUE, PANGO_TAB_LEFT, (int) label_width);
  pango_layout_set_tabs (block->layout, tabs);
  pango_tab_array_free (tabs);
  pango_layout_set_indent (block->layout, (int) (-label_width * PANGO_SCALE));
  builder_measure (block);
}

static char *
join_names (const char * const *names)
{
  g_autoptr(GString) str = g_string_new (NULL);

  if (names == NULL)
    return NULL;

  for (guint i = 0; names[i] != NULL; i++)
    {
      if (is_blank (names[i]))
        continue;
      if (str->len > 0)
        g_string_append (str, ", ");
      g_string_append (str, names[i]);
    }

  if (str->len == 0)
    return NULL;

  return g_string_free (g_steal_pointer (&str), FALSE);
}

static void
add_front_matter (Builder *b)
{
  VrDocument *document = b->self->document;
  VrMetadata *metadata = vr_document_get_metadata (document);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(PangoFontDescription) title_font = NULL;
  g_autoptr(PangoFontDescription) summary_font = NULL;
  g_autofree char *date = NULL;
  g_autofree char *authors = NULL;
  g_autofree char *recipients = NULL;
  g_autofree char *correspondents = NULL;
  g_autofree char *citation = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(PangoFontDescription) label_font = NULL;
  g_autoptr(PangoLayout) measure = NULL;
  double label_width = 0;
  const char *summary;
  GListModel *fields;
  Block *block;

  append_text (text, vr_document_get_title (document));
  title_font = make_font (SERIF_FAMILIES, b->size * 1.6, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL);
  block = builder_add (b, text, NULL, title_font, 0, 0, b->size * 0.6);
  pango_layout_set_spacing (block->layout, (int) (b->size * 0.15 * PANGO_SCALE));
  builder_measure (block);

  summary = vr_metadata_get_summary (metadata);
  if (!is_blank (summary))
    {
      g_string_truncate (text, 0);
      append_text (text, summary);
      summary_font = make_font (SERIF_FAMILIES, b->size, PANGO_WEIGHT_NORMAL, PANGO_STYLE_ITALIC);
      block = builder_add (b, text, NULL, summary_font, 0, 0, b->size * 0.6);
      builder_measure (block);
    }

  date = vr_citation_format_date (vr_metadata_get_date (metadata));
  authors = join_names (vr_metadata_get_authors (metadata));
  recipients = join_names (vr_metadata_get_recipients (metadata));
  if (authors != NULL || recipients != NULL)
    correspondents = g_strdup_printf ("%s → %s",
                                      authors ? authors : "?",
                                      recipients ? recipients : "?");

  citation = vr_citation_format_note (metadata);

  rows = g_ptr_array_new ();
  g_ptr_array_add (rows, (gpointer) _("Date"));
  g_ptr_array_add (rows, date);
  g_ptr_array_add (rows, (gpointer) _("Classification"));
  g_ptr_array_add (rows, (gpointer) vr_metadata_get_classification (metadata));
  g_ptr_array_add (rows, (gpointer) _("From → To"));
  g_ptr_array_add (rows, correspondents);
  g_ptr_array_add (rows, (gpointer) _("Archive"));
  g_ptr_array_add (rows, (gpointer) vr_metadata_get_archive (metadata));
  g_ptr_array_add (rows, (gpointer) _("Location"));
  g_ptr_array_add (rows, (gpointer) vr_metadata_get_archive_location (metadata));
  g_ptr_array_add (rows, (gpointer) _("Repository"));
  g_ptr_array_add (rows, (gpointer) vr_metadata_get_repository (metadata));
  g_ptr_array_add (rows, (gpointer) _("Translator"));
  g_ptr_array_add (rows, (gpointer) vr_metadata_get_translator (metadata));

  fields = vr_metadata_get_fields (metadata);
  for (guint i = 0; i < g_list_model_get_n_items (fields); i++)
    {
      VrField *field = g_list_model_get_item (fields, i);

      /* The metadata owns its fields; the pointers outlive this loop. */
      g_ptr_array_add (rows, (gpointer) vr_field_get_label (field));
      g_ptr_array_add (rows, (gpointer) vr_field_get_value (field));
      g_object_unref (field);
    }

  g_ptr_array_add (rows, (gpointer) _("Cite as"));
  g_ptr_array_add (rows, citation);

  /* The values line up after the widest label, within reason. */
  label_font = make_font (SANS_FAMILIES, b->size * 0.85, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL);
  measure = pango_layout_new (b->self->context);
  pango_layout_set_font_description (measure, label_font);
  for (guint i = 0; i < rows->len; i += 2)
    {
      g_autoptr(GString) label = g_string_new (NULL);
      int w;

      if (is_blank (g_ptr_array_index (rows, i + 1)))
        continue;
      append_text (label, g_ptr_array_index (rows, i));
      pango_layout_set_text (measure, label->str, (int) label->len);
      pango_layout_get_size (measure, &w, NULL);
      label_width = MAX (label_width, (double) w / PANGO_SCALE);
    }
  label_width = MIN (label_width + b->size, b->width * 0.35);

  for (guint i = 0; i < rows->len; i += 2)
    add_field_row (b, g_ptr_array_index (rows, i), g_ptr_array_index (rows, i + 1), label_width);
}

/* Byte offset of character @offset, clamped to the text. */
static gsize
char_to_byte (const char *text,
              glong       n_chars,
              guint       offset)
{
  if (offset > n_chars)
    offset = n_chars;
  return g_utf8_offset_to_pointer (text, offset) - text;
}

/* People in bold, uncertain (bracketed, back-transliterated) forms in
 * italics, annotated ranges underlined. Attributes by character range: the
 * text itself never passes through markup. */
static PangoAttrList *
paragraph_attributes (Builder     *b,
                      VrParagraph *paragraph,
                      const char  *version_id,
                      const char  *text)
{
  VrDocument *document = b->self->document;
  g_autoptr(GPtrArray) mentions = NULL;
  PangoAttrList *attrs = pango_attr_list_new ();
  glong n_chars = g_utf8_strlen (text, -1);

  mentions = vr_document_get_paragraph_mentions (document, paragraph, version_id);
  if (mentions != NULL)
    {
      for (guint i = 0; i < mentions->len; i++)
        {
          VrMention *mention = g_ptr_array_index (mentions, i);
          VrEntity *entity = vr_mention_get_entity (mention);
          gsize start = char_to_byte (text, n_chars, vr_mention_get_start (mention));
          gsize end = char_to_byte (text, n_chars, vr_mention_get_end (mention));

          if (start >= end)
            continue;

          if (entity != NULL && vr_entity_get_kind (entity) == VR_ENTITY_KIND_PERSON)
            add_attr (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD), start, end);
          if (vr_mention_get_uncertain (mention))
            add_attr (attrs, pango_attr_style_new (PANGO_STYLE_ITALIC), start, end);
        }
    }

  if (b->self->include_notes)
    {
      g_autoptr(GPtrArray) notes = vr_document_get_paragraph_annotations (document, paragraph, version_id);

      for (guint i = 0; notes != NULL && i < notes->len; i++)
        {
          VrAnnotation *note = g_ptr_array_index (notes, i);
          gsize start = char_to_byte (text, n_chars, vr_annotation_get_start (note));
          gsize end = char_to_byte (text, n_chars, vr_annotation_get_end (note));

          if (start < end)
            add_attr (attrs, pango_attr_underline_new (PANGO_UNDERLINE_SINGLE), start, end);
        }
    }

  return attrs;
}

static void
add_paragraphs (Builder    *b,
                const char *version_id)
{
  GListModel *paragraphs = vr_document_get_paragraphs (b->self->document);
  g_autoptr(PangoFontDescription) body_font = NULL;
  g_autoptr(PangoFontDescription) heading_font = NULL;
  g_autoptr(PangoFontDescription) closing_font = NULL;
  g_autoptr(PangoFontDescription) number_font = NULL;
  VrParagraphKind previous = VR_PARAGRAPH_KIND_BODY;
  gboolean first = TRUE;

  body_font = make_font (SERIF_FAMILIES, b->size, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL);
  heading_font = make_font (SANS_FAMILIES, b->size * 0.95, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL);
  closing_font = make_font (SERIF_FAMILIES, b->size * 0.9, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL);
  number_font = make_font (SANS_FAMILIES, b->size * 0.7, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL);

  for (guint i = 0; i < g_list_model_get_n_items (paragraphs); i++)
    {
      g_autoptr(VrParagraph) paragraph = g_list_model_get_item (paragraphs, i);
      g_autoptr(GString) text = g_string_new (NULL);
      g_autoptr(GString) number = g_string_new (NULL);
      g_autoptr(PangoAttrList) attrs = NULL;
      VrParagraphKind kind = vr_paragraph_get_kind (paragraph);
      PangoFontDescription *font = body_font;
      double x = 0, before = b->size * 0.5, after = 0;
      Block *block;

      append_text (text, vr_paragraph_get_text (paragraph, version_id));
      attrs = paragraph_attributes (b, paragraph, version_id, text->str);

      switch (kind)
        {
        case VR_PARAGRAPH_KIND_HEADING:
          font = heading_font;
          before = previous == VR_PARAGRAPH_KIND_HEADING ? b->size * 0.15 : b->size;
          break;

        case VR_PARAGRAPH_KIND_CLOSING:
          font = closing_font;
          x = b->size * 2;
          before = previous == VR_PARAGRAPH_KIND_CLOSING ? b->size * 0.1 : b->size * 1.5;
          break;

        case VR_PARAGRAPH_KIND_NOTE:
          font = closing_font;
          x = b->size * 2;
          break;

        case VR_PARAGRAPH_KIND_BODY:
        default:
          if (previous != VR_PARAGRAPH_KIND_BODY)
            before = b->size;
          break;
        }

      if (first)
        before = b->size * 1.5;

      block = builder_add (b, text, attrs, font, x, before, after);
      block->paragraph = (int) i;
      block->rule_above = first;
      block->keep_with_next = kind == VR_PARAGRAPH_KIND_HEADING;
      if (kind == VR_PARAGRAPH_KIND_BODY)
        pango_layout_set_justify (block->layout, TRUE);
      pango_layout_set_spacing (block->layout, (int) (b->size * 0.2 * PANGO_SCALE));
      builder_measure (block);

      g_string_printf (number, "%u", i + 1);
      block->number = pango_layout_new (b->self->context);
      pango_layout_set_font_description (block->number, number_font);
      pango_layout_set_text (block->number, number->str, -1);

      previous = kind;
      first = FALSE;
    }
}

static void
add_heading (Builder    *b,
             const char *title)
{
  g_autoptr(GString) text = g_string_new (title);
  g_autoptr(PangoFontDescription) font = NULL;
  Block *block;

  font = make_font (SANS_FAMILIES, b->size * 1.2, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL);
  block = builder_add (b, text, NULL, font, 0, b->size * 2.5, b->size * 0.3);
  block->keep_with_next = TRUE;
  block->rule_above = TRUE;
  builder_measure (block);
}

static void
add_note_line (Builder    *b,
               const char *line)
{
  g_autoptr(GString) text = g_string_new (line);
  g_autoptr(PangoFontDescription) font = NULL;
  Block *block;

  font = make_font (SERIF_FAMILIES, b->size * 0.85, PANGO_WEIGHT_NORMAL, PANGO_STYLE_ITALIC);
  block = builder_add (b, text, NULL, font, 0, b->size * 0.2, b->size * 0.3);
  builder_measure (block);
}

static int
compare_entities_by_name (gconstpointer a,
                          gconstpointer b)
{
  VrEntity *ea = *(VrEntity **) a;
  VrEntity *eb = *(VrEntity **) b;
  const char *na = vr_entity_get_name (ea);
  const char *nb = vr_entity_get_name (eb);

  return g_utf8_collate (na ? na : "", nb ? nb : "");
}

static void
add_person (Builder  *b,
            VrEntity *entity)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();
  g_autoptr(PangoFontDescription) font = NULL;
  g_autoptr(PangoFontDescription) small_font = NULL;
  g_autoptr(GString) originals = g_string_new (NULL);
  GListModel *variants = vr_entity_get_variants (entity);
  const char *forms[3];
  const char *description;
  guint n_mentions = vr_entity_get_mention_count (entity);
  g_autoptr(PangoAttrList) variant_attrs = pango_attr_list_new ();
  g_autoptr(GString) variant_text = g_string_new (NULL);
  PangoTabArray *tabs;
  Block *block;

  font = make_font (SERIF_FAMILIES, b->size * 0.95, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL);
  small_font = make_font (SANS_FAMILIES, b->size * 0.8, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL);

  append_text (text, vr_entity_get_name (entity));
  add_attr (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD), 0, text->len);

  forms[0] = vr_entity_get_hangul (entity);
  forms[1] = vr_entity_get_hanja (entity);
  forms[2] = vr_entity_get_cyrillic (entity);
  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    {
      if (is_blank (forms[i]))
        continue;
      if (originals->len > 0)
        g_string_append (originals, ", ");
      append_text (originals, forms[i]);
    }
  if (originals->len > 0)
    g_string_append_printf (text, "  %s", originals->str);

  g_string_append (text, "  ·  ");
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u mention", "%u mentions", n_mentions), n_mentions);

  description = vr_entity_get_description (entity);
  if (!is_blank (description))
    {
      gsize start;

      g_string_append_c (text, '\n');
      start = text->len;
      append_text (text, description);
      add_attr (attrs, pango_attr_style_new (PANGO_STYLE_ITALIC), start, text->len);
      add_attr (attrs, pango_attr_scale_new (0.9), start, text->len);
    }

  block = builder_add (b, text, attrs, font, 0, b->size * 0.7, b->size * 0.15);
  block->keep_with_next = g_list_model_get_n_items (variants) > 0;
  builder_measure (block);

  /* One line per spelling: form, system, count, and the status when it is
   * not settled. */
  for (guint i = 0; i < g_list_model_get_n_items (variants); i++)
    {
      g_autoptr(VrVariant) variant = g_list_model_get_item (variants, i);
      VrVariantStatus status = vr_variant_get_status (variant);
      guint count = vr_variant_get_count (variant);
      gsize start = variant_text->len;

      if (i > 0)
        {
          g_string_append_c (variant_text, '\n');
          start = variant_text->len;
        }
      append_text (variant_text, vr_variant_get_form (variant));
      add_attr (variant_attrs, pango_attr_family_new (SERIF_FAMILIES), start, variant_text->len);
      add_attr (variant_attrs, pango_attr_scale_new (1.1), start, variant_text->len);
      if (vr_variant_get_system (variant) == VR_NAME_SYSTEM_TRANSLATOR ||
          vr_variant_get_system (variant) == VR_NAME_SYSTEM_RUSSIAN)
        add_attr (variant_attrs, pango_attr_style_new (PANGO_STYLE_ITALIC), start, variant_text->len);
      g_string_append_c (variant_text, '\t');
      g_string_append (variant_text, vr_name_system_get_label (vr_variant_get_system (variant)));
      g_string_append_c (variant_text, '\t');
      g_string_append_printf (variant_text, "%u×", count);
      if (status != VR_VARIANT_STATUS_CONFIRMED)
        g_string_append_printf (variant_text, "\t%s", vr_variant_status_get_label (status));
    }

  if (variant_text->len > 0)
    {
      double indent = b->size * 1.5;
      double column = (b->width - indent) * 0.42;

      block = builder_add (b, variant_text, variant_attrs, small_font, indent, 0, 0);
      tabs = pango_tab_array_new_with_positions (3, TRUE,
                                                 PANGO_TAB_LEFT, (int) column,
                                                 PANGO_TAB_LEFT, (int) (column * 1.85),
                                                 PANGO_TAB_LEFT, (int) (column * 2.1));
      pango_layout_set_tabs (block->layout, tabs);
      pango_tab_array_free (tabs);
      builder_measure (block);
    }
}

static void
add_people_appendix (Builder *b)
{
  GListModel *entities = vr_document_get_entities (b->self->document);
  g_autoptr(GPtrArray) people = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (entities); i++)
    {
      VrEntity *entity = g_list_model_get_item (entities, i);

      if (vr_entity_get_kind (entity) == VR_ENTITY_KIND_PERSON)
        g_ptr_array_add (people, entity);
      else
        g_object_unref (entity);
    }

  add_heading (b, _("People and Their Spellings"));

  if (people->len == 0)
    {
      add_note_line (b, _("No people are listed in this document."));
      return;
    }

  add_note_line (b, _("In the text, people’s names are set in bold; uncertain forms, transliterated back from another script, in italics."));

  g_ptr_array_sort (people, compare_entities_by_name);
  for (guint i = 0; i < people->len; i++)
    add_person (b, g_ptr_array_index (people, i));
}

static int
compare_notes (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  VrAnnotation *na = *(VrAnnotation **) a;
  VrAnnotation *nb = *(VrAnnotation **) b;
  VrParagraph *pa = vr_annotation_get_paragraph (na);
  VrParagraph *pb = vr_annotation_get_paragraph (nb);
  int ia = pa ? vr_document_get_paragraph_index (user_data, pa) : G_MAXINT;
  int ib = pb ? vr_document_get_paragraph_index (user_data, pb) : G_MAXINT;

  if (ia != ib)
    return ia < ib ? -1 : 1;
  if (vr_annotation_get_start (na) != vr_annotation_get_start (nb))
    return vr_annotation_get_start (na) < vr_annotation_get_start (nb) ? -1 : 1;
  return 0;
}

static void
add_notes_appendix (Builder    *b,
                    const char *version_id)
{
  VrDocument *document = b->self->document;
  GListModel *annotations = vr_document_get_annotations (document);
  g_autoptr(PangoFontDescription) font = NULL;
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = g_list_model_get_n_items (annotations);

  /* A document without notes gets no empty appendix. */
  if (n == 0)
    return;

  add_heading (b, _("Notes"));
  add_note_line (b, _("Passages with a note are underlined in the text."));

  font = make_font (SERIF_FAMILIES, b->size * 0.95, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL);

  /* In the order of the text, whatever order they were written in. */
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (notes, g_list_model_get_item (annotations, i));
  g_ptr_array_sort_with_data (notes, compare_notes, document);

  for (guint i = 0; i < n; i++)
    {
      VrAnnotation *note = g_ptr_array_index (notes, i);
      g_autoptr(GString) text = g_string_new (NULL);
      g_autoptr(GString) anchor = g_string_new (NULL);
      g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();
      VrParagraph *paragraph = vr_annotation_get_paragraph (note);
      const char *note_version = vr_annotation_get_version_id (note);
      int index = paragraph ? vr_document_get_paragraph_index (document, paragraph) : -1;
      Block *block;
      gsize start;

      if (index >= 0)
        g_string_append_printf (text, "¶ %d", index + 1);
      else
        g_string_append (text, "¶ ?");
      add_attr (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD), 0, text->len);

      if (paragraph != NULL)
        {
          append_text (anchor, vr_paragraph_get_text (paragraph, note_version ? note_version : version_id));
          if (anchor->len > 0)
            {
              glong n_chars = g_utf8_strlen (anchor->str, -1);
              gsize s = char_to_byte (anchor->str, n_chars, vr_annotation_get_start (note));
              gsize e = char_to_byte (anchor->str, n_chars, vr_annotation_get_end (note));

              if (s < e)
                {
                  g_string_append (text, "  “");
                  start = text->len;
                  g_string_append_len (text, anchor->str + s, e - s);
                  add_attr (attrs, pango_attr_style_new (PANGO_STYLE_ITALIC), start, text->len);
                  g_string_append (text, "”");
                }
            }
        }

      g_string_append (text, "  ");
      append_text (text, vr_annotation_get_note (note));

      block = builder_add (b, text, attrs, font, 0, b->size * 0.5, 0);
      pango_layout_set_spacing (block->layout, (int) (b->size * 0.15 * PANGO_SCALE));
      builder_measure (block);
    }
}

static void
build_blocks (VrHandout *self,
              double     width)
{
  Builder b = { self, width, self->font_size };
  VrVersion *version = vr_document_get_default_version (self->document);
  const char *version_id = version ? vr_version_get_id (version) : NULL;
  cairo_font_options_t *options;
  PangoFontMap *font_map;
  const char *language = version ? vr_version_get_language (version) : NULL;

  /* Layout in points, unhinted: the same line breaks on paper, in a PDF
   * and in the tests, whatever the device. */
  font_map = pango_cairo_font_map_get_default ();
  self->context = pango_font_map_create_context (font_map);
  pango_cairo_context_set_resolution (self->context, 72.0);
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (self->context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (self->context, FALSE);
  if (!is_blank (language))
    pango_context_set_language (self->context, pango_language_from_string (language));

  self->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) block_free);

  add_front_matter (&b);
  if (version_id != NULL)
    add_paragraphs (&b, version_id);
  if (self->include_people)
    add_people_appendix (&b);
  if (self->include_notes)
    add_notes_appendix (&b, version_id);
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

  build_blocks (self, content_width);
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

  font = make_font (SANS_FAMILIES, self->font_size * 0.75, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL);
  layout = pango_layout_new (self->context);
  pango_layout_set_font_description (layout, font);

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0.35, 0.35, 0.35);

  /* The running header: the title, on every page but the first, which
   * prints it in full. */
  if (page > 0)
    {
      append_text (text, vr_document_get_title (self->document));
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
